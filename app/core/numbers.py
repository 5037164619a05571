"""Reading numbers in English news prose: number words, scale words, ordinals and vague quantities, and
their values. Units, currencies and months live in ``app.core.lexicon``; the scanning is ``figures.scan``.
"""

from __future__ import annotations

import math
import re

from app.core.lexicon.units import UNIT_TABLE

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
# Vague plurals are ranges, read strictly: "hundreds" is at least two hundred and fewer than a thousand, so
# "hundreds" and "300" can both be true (a compatible conflict) while "hundreds" and "1,500" cannot.
VAGUE_WORDS: dict[str, tuple[float, float]] = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 9_999.0),
    "millions": (2e6, 999_999_999.0),
    "billions": (2e9, 999_999_999_999.0),
    "tens of thousands": (2e4, 99_999.0),
    "hundreds of thousands": (2e5, 999_999.0),
    "tens of millions": (2e7, 99_999_999.0),
    "hundreds of millions": (2e8, 999_999_999.0),
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


# Every word that is (part of) a number: a noun phrase never runs into the next number.
NUMBER_WORDS = frozenset([*UNIT_WORDS, *TENS_WORDS, *MULTIPLIER_WORDS])


def _alternation(words: list[str]) -> str:
    # Longest first so that "fourteen" is not read as "four" followed by junk.
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_SMALL = rf"(?:(?:{_alternation(list(TENS_WORDS))})(?:[- ](?:{_alternation(list(UNIT_WORDS)[1:10])}))?|(?:{_alternation(list(UNIT_WORDS))}))"
_MULT = _alternation(list(MULTIPLIER_WORDS))
# "three", "twenty-five", "two hundred and fifty thousand", "a dozen", "half a million", "a half-dozen".
WORD_NUMBER_PATTERN = (
    rf"(?:\b(?:{_SMALL})(?:[ -](?:{_MULT})(?:[ -](?:and[ ])?(?:{_SMALL}))?)*\b"
    # "a half-dozen", "the half-dozen senators", "a half-million": the half joined by a hyphen.
    rf"|\b(?:half[ ])?an?[ ](?:half-)?(?:{_MULT})(?:[ -](?:{_MULT}))*\b|\bhalf-(?:{_MULT})\b"
    # "a fortnight": a unit that is itself a count of days, so the article alone says one of it; "played a
    # year at", "a decade in office": one of a long unit (scan drops rates and time points: "a year ago").
    r"|\ba(?=[ ](?:fortnight|year|decade|month|week)\b(?![-’']))"
    # "about an hour", "more than a day", "nearly a minute": a short unit said once counts only when hedged
    # ("a day after", "once a day" are no spans).
    r"|(?:(?<=about[ ])|(?<=around[ ])|(?<=nearly[ ])|(?<=almost[ ])|(?<=than[ ])|(?<=roughly[ ])|(?<=just[ ]over[ ])"
    r"|(?<=About[ ])|(?<=Around[ ])|(?<=Nearly[ ])|(?<=Almost[ ]))an?(?=[ ](?:hour|day|minute)\b(?![-’']))"
    # "a third of the cost", "a quarter of voters": one part of a whole (not "a third of a mile", a measure).
    r"|\ba(?=[ -](?:third|quarter|fifth)[ ]of[ ](?!an?\b))"
    r")"
)
VAGUE_PATTERN = rf"\b(?:{_alternation(list(VAGUE_WORDS))})\b"
ORDINAL_WORD_PATTERN = (
    rf"\b(?:(?:{_alternation(list(TENS_WORDS))})-)?(?:{_alternation(list(ORDINAL_UNITS))})\b"
    rf"|\b(?:{_alternation(list(ORDINAL_TENS))})\b"
)

UNIT_PATTERN = "|".join(f"(?:{pattern})" for pattern, _, _, _ in UNIT_TABLE)
_UNIT_MATCHERS = [(re.compile(rf"(?:{p})\Z", re.IGNORECASE), u, f, k) for p, u, f, k in UNIT_TABLE]


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
            current = current or 1.0  # "half a million" stays half
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
            current = (current or 1.0) * MULTIPLIER_WORDS[word]
            seen = True
        elif word in MULTIPLIER_WORDS:
            total += (current or 1.0) * MULTIPLIER_WORDS[word]
            current = 0.0
            seen = True
        else:
            return None
    value = total + current
    return value if seen and math.isfinite(value) else None


# Vulgar fractions printed after the digits: "5½ feet" is 5.5.
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def parse_digits(text: str) -> float | None:
    """Value of "3,478", "1.2" or "5½"; None when it does not fit a finite float."""
    fraction = VULGAR_FRACTIONS.get(text[-1:], 0.0)
    if fraction:
        text = text[:-1]
    try:
        value = float(text.replace(",", "")) + fraction
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
