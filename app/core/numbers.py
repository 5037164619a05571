"""Vocabulary for reading numbers in English news prose: number words, scale words, units and months.

It is the lookup half of figure extraction; ``figures.py`` holds the scanning and the context rules.
"""

from __future__ import annotations

import math
import re

UNIT_WORDS: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
MULTIPLIER_WORDS: dict[str, float] = {
    "dozen": 12.0,
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Abbreviated scales as printed after digits ("$3.5bn", "1.2mn"); bare "m"/"k" are decided in context.
SCALE_WORDS: dict[str, float] = {
    **{k: v for k, v in MULTIPLIER_WORDS.items() if k != "dozen"},
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
    "m": 1e6,
    "k": 1e3,
}
# Vague plurals keep their lower bound as the value: "hundreds" is at least 200 in strict reading, but
# outlets use it for "a few hundred", so the conservative magnitude is stored and the text shows the rest.
VAGUE_WORDS: dict[str, float] = {
    "dozens": 12.0,
    "scores": 20.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "tens of thousands": 1e4,
    "hundreds of thousands": 1e5,
    "tens of millions": 1e7,
    "hundreds of millions": 1e8,
}
ORDINAL_UNITS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS: dict[str, int] = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
}
MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "£": "GBP",
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "gbp": "GBP",
    "usd": "USD",
    "eur": "EUR",
}


def _alternation(words: list[str]) -> str:
    # Longest first so that "fourteen" is not read as "four" followed by junk.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SMALL = rf"(?:(?:{_alternation(list(TENS_WORDS))})(?:[- ](?:{_alternation(list(UNIT_WORDS)[1:10])}))?|(?:{_alternation(list(UNIT_WORDS))}))"
_MULT = _alternation(list(MULTIPLIER_WORDS))
# "three", "twenty-five", "two hundred and fifty thousand", "a dozen", "half a million".
WORD_NUMBER_PATTERN = (
    rf"(?:\b(?:{_SMALL})(?:[ -](?:{_MULT})(?:[ -](?:and[ ])?(?:{_SMALL}))?)*\b"
    rf"|\b(?:half[ ])?an?[ ](?:{_MULT})(?:[ -](?:{_MULT}))*\b)"
)
VAGUE_PATTERN = rf"\b(?:{_alternation(list(VAGUE_WORDS))})\b"
ORDINAL_WORD_PATTERN = (
    rf"\b(?:(?:{_alternation(list(TENS_WORDS))})-)?(?:{_alternation(list(ORDINAL_UNITS))})\b"
    rf"|\b(?:{_alternation(list(ORDINAL_TENS))})\b"
)
# Month names are matched case-sensitively so that "may" the verb is never a month.
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

# Canonical units, one per dimension: lengths in millimetres (so "35mm" stays 35.0 "mm"), masses in
# kilograms, areas in square kilometres, money in units of its currency, durations in hours (so "three days"
# and "72 hours" of mourning are one value; the text as printed keeps the outlet's own unit for the reader).
HOURS_PER_DAY = 24.0
_HOURS_PER_YEAR = 365.25 * HOURS_PER_DAY
_UNIT_TABLE: list[tuple[str, str, float, str]] = [
    # (regex, canonical unit, factor to canonical, kind)
    (r"%", "percent", 1.0, "percent"),
    (r"per[ ]?cent|percent|pc", "percent", 1.0, "percent"),
    (r"percentage[ ]points?", "percentage point", 1.0, "percent"),
    (r"millimet(?:re|er)s?|mm", "mm", 1.0, "measure"),
    (r"centimet(?:re|er)s?|cm", "mm", 10.0, "measure"),
    (r"square[ ]kilomet(?:re|er)s?|sq[ ]?km|km2|km²", "km2", 1.0, "measure"),
    (r"kilomet(?:re|er)s?|km", "mm", 1e6, "measure"),
    (r"met(?:re|er)s?|m", "mm", 1e3, "measure"),
    (r"miles?", "mm", 1_609_344.0, "measure"),
    (r"kilograms?|kilos?|kg", "kg", 1.0, "measure"),
    (r"tonnes?|tons?", "kg", 1e3, "measure"),
    (r"seconds?|secs?", "hour", 1 / 3600, "duration"),
    (r"minutes?|mins?", "hour", 1 / 60, "duration"),
    (r"hours?|hrs?", "hour", 1.0, "duration"),
    (r"days?", "hour", HOURS_PER_DAY, "duration"),
    (r"weeks?", "hour", 7 * HOURS_PER_DAY, "duration"),
    # Calendar months and years vary; their mean length keeps "six months" equal to "half a year".
    (r"months?", "hour", _HOURS_PER_YEAR / 12, "duration"),
    (r"years?", "hour", _HOURS_PER_YEAR, "duration"),
    (r"decades?", "hour", 10 * _HOURS_PER_YEAR, "duration"),
    # "pounds" is read as sterling: weights in pounds are rare in news about events outside the US.
    (r"pounds?(?:[ ]sterling)?|sterling", "GBP", 1.0, "money"),
    (r"(?:us[ ])?dollars?", "USD", 1.0, "money"),
    (r"euros?", "EUR", 1.0, "money"),
]
UNIT_PATTERN = "|".join(f"(?:{pattern})" for pattern, _, _, _ in _UNIT_TABLE)
_UNIT_MATCHERS = [(re.compile(rf"(?:{p})\Z", re.IGNORECASE), u, f, k) for p, u, f, k in _UNIT_TABLE]


def unit_info(word: str) -> tuple[str, float, str] | None:
    """(canonical unit, factor, kind) for a unit word as printed ("millimetres" -> ("mm", 1.0, "measure"))."""
    for matcher, unit, factor, kind in _UNIT_MATCHERS:
        if matcher.match(word):
            return unit, factor, kind
    return None


_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_word_number(text: str) -> float | None:
    """Value of a number written in words: "twenty-five" -> 25, "two hundred and fifty thousand" -> 250000."""
    total = 0.0
    current = 0.0
    seen = False
    for word in _WORD_SPLIT.split(text.lower()):
        if not word or word == "and":
            continue
        if word in ("a", "an"):
            current = max(current, 1.0)
            seen = True
        elif word == "half":
            current = 0.5
            seen = True
        elif word in UNIT_WORDS:
            current += UNIT_WORDS[word]
            seen = True
        elif word in TENS_WORDS:
            current += TENS_WORDS[word]
            seen = True
        elif word in ("dozen", "hundred"):
            current = max(current, 1.0) * MULTIPLIER_WORDS[word]
            seen = True
        elif word in MULTIPLIER_WORDS:
            total += max(current, 1.0) * MULTIPLIER_WORDS[word]
            current = 0.0
            seen = True
        else:
            return None
    value = total + current
    return value if seen and math.isfinite(value) else None


def parse_digits(text: str) -> float | None:
    """Value of "3,478" or "1.2"; None when it does not fit a finite float."""
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def parse_ordinal_word(text: str) -> int | None:
    """ "third" -> 3, "twenty-first" -> 21, "hundredth" -> 100."""
    lowered = text.lower()
    if lowered in ORDINAL_TENS:
        return ORDINAL_TENS[lowered]
    tens, _, unit = lowered.rpartition("-")
    if unit not in ORDINAL_UNITS:
        return None
    return TENS_WORDS.get(tens, 0) + ORDINAL_UNITS[unit]


def month_number(text: str) -> int | None:
    """1-12 for "October", "Oct." or "Sept"."""
    return MONTHS.get(text.rstrip(".").lower())
