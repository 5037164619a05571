"""Scanning: every number of a body with its value (or range), kind, unit and qualifier, before any context
is read. One pass over the body; each candidate is read with look-arounds bounded to a few characters."""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from app.core import numbers
from app.core.lexicon.calendar import (
    DATED_OCCASIONS,
    MONTH_PATTERN,
    MONTHS,
    RELATIVE_TIME_WORDS,
    month_number,
)
from app.core.lexicon.frames import (
    ADDRESS_NOUNS,
    CHANGE_VERBS_PATTERN,
    EDITION_MODIFIERS,
    EDITION_NOUNS,
    EMERGENCY_NUMBERS,
    EVENT_PATTERN,
    IDENTIFYING_NOUNS,
    NUMBER_IDIOMS_AFTER,
    NUMBER_IDIOMS_BEFORE,
    ORDINAL_IDIOMS_AFTER,
    ORDINAL_NAME_HEADS,
    STANDING_VERBS,
    VERSION_WORDS,
    VERSION_WORDS_AFTER,
    predicate_pattern,
)
from app.core.lexicon.frames import FUNCTION_WORDS as _NP_STOP
from app.core.lexicon.furniture import PHONE_NUMBER, TIME_ZONES
from app.core.lexicon.units import (
    CURRENCY_SIGN_PATTERN,
    CURRENCY_SYMBOLS,
    HOURS_PER_YEAR,
    POUND_COUNTRIES,
    STERLING_USD_FLOOR,
    WEIGHED_BEINGS,
    WEIGHT_NOUNS,
)

_SCALE_WORDS = r"million|billion|trillion|thousand|mn|bn|tn"
_YEAR = r"(?:1[89]|20)[0-9]{2}(?![0-9]|,[0-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
# "January first", "March twenty-third": a day spelled as an ordinal after its month.
_DAY_WORDS = (
    r"(?:(?:twenty|thirty)-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh"
    r"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)

# One scan over the body; alternatives at the same position are tried in order, so dates win over the
# bare number inside them and ordinals win over the number they start with. A month followed by a day is that
# day's month: in "the 19 Sept. 11 hijackers" the 19 counts hijackers.
_CANDIDATE = re.compile(
    rf"""
    (?P<date_dm>(?<![\w.,/-])(?P<dm_day>{_DAY})(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?(?P<dm_month>{MONTH_PATTERN})
        (?![a-z])(?![.]?[ ]+{_DAY}\b(?!:))(?:,?[ ]+(?P<dm_year>{_YEAR}))?)
    |(?P<date_md>\b(?P<md_month>{MONTH_PATTERN})[ ]+(?P<md_day>{_DAY})(?:st|nd|rd|th)?(?![\w:/]|,[0-9])
        (?:,?[ ]+(?P<md_year>{_YEAR}))?)
    |(?P<date_iso>(?<![\w.,/-])(?P<iso_year>(?:1[89]|20)[0-9]{{2}})-(?P<iso_month>0[1-9]|1[0-2])
        -(?P<iso_day>3[01]|[12][0-9]|0[1-9])(?![\w-]))
    |(?P<date_my>\b(?P<my_month>{MONTH_PATTERN})[ ]+(?:of[ ]+)?(?P<my_year>{_YEAR}))
    |(?P<date_mw>\b(?P<mw_month>January|February|March|April|June|July|August|September|October|November|December)[ ]+(?P<mw_day>(?i:{_DAY_WORDS}))\b(?!-|[ ](?:place|time|half|round|quarter|term|season|game|leg|day|week)\b)
        (?:,?[ ]+(?P<mw_year>{_YEAR}))?)
    |(?P<ordinal>(?<![\w.,/-])(?P<ordinal_digits>[0-9]{{1,4}})(?:st|nd|rd|th)\b)
    |(?P<ordinal_word>(?i:{numbers.ORDINAL_WORD_PATTERN}))
    |(?P<times>\b(?i:twice|thrice|double|triple|treble|quadruple)\b
        |(?:(?<=only[ ])|(?<=just[ ])|(?<=least[ ])|(?<=than[ ])|(?<=exactly[ ])|(?<=Only[ ])|(?<=Just[ ]))
        (?i:once)\b)
    |(?P<quantity>
        (?P<currency>(?<![\w$£€¥₹])(?i:{CURRENCY_SIGN_PATTERN})|[£$€¥₹])?
        (?:(?:(?P<minus>(?<=[ (])[-−])|(?<![\w.,/#:-])|(?<=[ ]mid-)|(?<=[ ]early-)|(?<=[ ]late-))(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{1,15}}(?:\.[0-9]+|[½¼¾⅓⅔])?)(?![0-9])
          |(?P<vague>(?i:{numbers.VAGUE_PATTERN}))
          |(?P<words>(?<!-)(?i:{numbers.WORD_NUMBER_PATTERN})))
        (?:[ ]?(?P<scale>(?i:{_SCALE_WORDS}))\b)?
    )
    """,
    re.VERBOSE,
)
# A unit right after a quantity; the hyphen allows "35-mm", "three-day", "72-hour".
# "three previous years", "two more days", "five consecutive weeks": a word that orders the span keeps its unit
# ("last" and "next" are left out: "rose 2 last year" is no span of two years).
_UNIT_AFTER = re.compile(
    rf"(?:[ ]?-[ ]?|—|[ ](?i:previous|consecutive|straight|more|further|additional|full|horizontal|vertical)[ ]|[ ]?)"
    rf"(?P<unit>%|(?i:{numbers.UNIT_PATTERN})\b)"
)
# "$3.5m" / "12m people" / "40k": bare m and k straight after the digits.
_MK_AFTER = re.compile(r"(?P<mk>[mk])\b")
# "$5K", "$3M": capitals after a currency sign are its scale too (a count's "5K" may be a race).
_CAPITAL_MKB_AFTER = re.compile(r"(?P<mk>[KM])\b")
_MEASURE_CONTEXT = re.compile(
    r"[ ]+(?:tall|high|long|wide|deep|thick|away|from|above|below|of water)\b", re.I
)
_RANGE_TAIL = re.compile(
    rf"""[ ]*(?P<joiner>-[ ]+(?i:to|or)|-|–|—|(?i:to|and|or))[ ]*
    (?P<currency>[£$€¥₹])?
    (?:(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{1,15}}(?:\.[0-9]+|[½¼¾⅓⅔])?)(?![0-9])
      |(?P<words>(?i:{numbers.WORD_NUMBER_PATTERN})))
    (?:[ ]?(?P<scale>(?i:{_SCALE_WORDS}))\b)?""",
    re.VERBOSE,
)
_RANGE_OPENER = re.compile(r"(?<!\w)(?i:between|from)[ ]+\Z")
# A verb of change before "from", in the same clause, at most a short object between ("raised its forecast from").
_CHANGE_BEFORE_FROM = re.compile(rf"\b(?i:{CHANGE_VERBS_PATTERN})\b(?:[ ]+[\w'’-]+){{0,4}}[ ]+\Z")
_QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?P<qualifier>(?i:at[ ]least|more[ ]than|well[ ]over|just[ ]over|just[ ]under|over|some|about"
    r"|around|an[ ]estimated|estimated|nearly|almost|up[ ]?to|fewer[ ]than|less[ ]than|roughly|approximately"
    r"|at[ ]most|as[ ]many[ ]as|as[ ]much[ ]as|close[ ]to|upwards[ ]of|in[ ]excess[ ]of|no[ ]fewer[ ]than"
    r"|no[ ]more[ ]than|no[ ]less[ ]than|under|below|above))[ ]+\Z"
)
_ONE_BLOCKERS_BEFORE = re.compile(
    r"(?<!\w)(?i:no|any|every|each|the|this|that|which|someone|anyone|everyone|such|only)[ ]+\Z"
)
# "... one sees in many cities", "one can argue": the pronoun "one" before a verb of its own.
_ONE_BLOCKERS_AFTER = re.compile(
    r"[ ]+(?i:of|another|or|and|side|hand|day|way|thing|must|sees|can|could|would|should|might|may|needs)\b|-\w"
)
# "Operation 7", and "Flight No. 51" with its number sign.
_CAPITALISED_BEFORE = re.compile(r"(?P<word>[A-Z][A-Za-z]+)[ ](?:(?i:no\.|number)[ ])?\Z")
_NAME_TAIL = re.compile(r"[A-Za-z]|[/:][0-9]|-[A-Za-z]")
# Clock times are not quantities: "8 a.m.", "six in the morning", "ten o'clock".
_CLOCK_TAIL = re.compile(
    r"[ ]?(?i:[ap]\.m\.|[ap]m\b)|[ ]+(?i:o['’]clock|in[ ]the[ ](?:morning|afternoon|evening)|at[ ]night)\b"
)

# "(2100 GMT)": a clock time of four digits in a zone of three letters or more ("ET" is too short to be sure).
_ZONE_TAIL = re.compile(
    rf"[ ]?(?:{'|'.join(sorted((z for z in TIME_ZONES if len(z) > 2), key=len, reverse=True))})\b"
)
_HHMM = re.compile(r"(?:[01][0-9]|2[0-3])[0-5][0-9]")

# A word of a noun phrase; a dotted abbreviation ("U.S.", "U.N.") is one word.
WORD = re.compile(r"[ ]+(?P<word>(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")

KINDS_WITH_QUALIFIER = frozenset(
    {"count", "money", "percent", "measure", "duration", "speed", "age", "time_ago"}
)
# "five years ago", "a decade earlier": a point in time given as its distance from now or from another event,
# kind "time_ago" (value in hours, like a duration), so it never meets "sentenced to five years".
_RELATIVE_TIME_TAIL = re.compile(rf"[ ]+(?P<relation>(?i:{'|'.join(RELATIVE_TIME_WORDS)}))\b")
# "comes two years after hundreds of women were assaulted", "15 years after the attacks": the time since an event
# the clause after "after" names, as "two years ago" is; "two years after taking office" names none and stays a
# length of time.
_AFTER_EVENT_TAIL = re.compile(rf"[ ]+(?P<relation>(?i:after))\b(?=[^.;:!?\n]{{0,80}}?{EVENT_PATTERN})")
# "on lap 20", "page 5", "Route 66": the noun right before the number names what the number identifies.
# "Flight no. 446", "gate number 12": the number sign between them changes nothing.
IDENTIFIER_BEFORE = re.compile(
    # "a room 20 people could fit into": after "a" the noun is no label, the number counts.
    rf"(?<!\b[Aa][ ])(?<!\b[Aa]n[ ])\b(?P<noun>(?i:{'|'.join(sorted(IDENTIFYING_NOUNS))}))(?:[ ](?i:no\.|number))?[ ]\Z"
)


@dataclass(slots=True)
class Draft:
    """A figure before its context (counted, source, chrome) is read; mutable while it is being built."""

    start: int
    end: int
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    kind: str
    # Where the number and its unit end, before any noun: the counted phrase is read from here.
    number_end: int
    vague: bool = False
    unit_word: str | None = None


# --- scanning ---------------------------------------------------------------------------------------


# "three- to five-year sentences": the first number's unit is left to the second.
_SUSPENDED_HYPHEN = re.compile(r"-[ ]+(?i:to|or)[ ]")
_AND_A_HALF = re.compile(r"(?:[ ]+|-)and(?:[ ]+|-)(?:a|one)(?:[ ]+|-)half\b")
_AND_HALF_AFTER_UNIT = re.compile(r"[ ]+and[ ]+(?:a[ ]+)?half\b(?![ -](?:an?|the|of)\b)")
# "nine hours and 30 minutes", "three years and six months": one duration told in two units, the second smaller.
_AND_BETWEEN = re.compile(r"[ ]+and[ ]+\Z")
_TIME_UNIT_RANK = {"second": 0, "minute": 1, "hour": 2, "day": 3, "week": 4, "month": 5, "year": 6}


def _time_unit_rank(unit_word: str | None) -> int | None:
    word = (unit_word or "").lower().rstrip("s")
    return _TIME_UNIT_RANK.get(word)


def _join_compound_durations(body: str, drafts: list[Draft]) -> list[Draft]:
    """One draft for "nine hours and 30 minutes": the second part, in a smaller unit, completes the first."""
    joined: list[Draft] = []
    for draft in drafts:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == draft.kind == "duration"
            and previous.value is not None
            and draft.value is not None
            and previous.value_high is None
            and draft.value_high is None
            and draft.qualifier is None
            and (big := _time_unit_rank(previous.unit_word)) is not None
            and (small := _time_unit_rank(draft.unit_word)) is not None
            and small < big
            and _AND_BETWEEN.search(body, previous.end, draft.start)
        ):
            previous.value += draft.value
            previous.end = previous.number_end = draft.end
            previous.unit_word = draft.unit_word
            continue
        joined.append(draft)
    return joined


def scan(body: str) -> list[Draft]:
    # The candidate pattern is tried only where a figure can begin (a digit, a currency sign, a number or
    # month word): searching with it character by character costs ten times as much.
    drafts: list[Draft] = []
    position = 0
    starts = [m.start() for m in _TRIGGER_SIGN.finditer(body)]
    lowered = body.lower()
    if len(lowered) == len(body):
        starts += [m.start() for m in _TRIGGER_WORD.finditer(lowered) if m.group() in _TRIGGER_WORDS]
    else:
        # Some characters change length when lowered ("İ"); offsets must stay those of the body.
        starts += [
            m.start() for m in _TRIGGER_WORD_ANY_CASE.finditer(body) if m.group().lower() in _TRIGGER_WORDS
        ]
    starts.sort()
    # Telephone numbers ("0800/111 0 111", "1-800-273-8255") are identifiers: no digit of theirs is a figure.
    phones = [
        (m.start(), m.end())
        for m in PHONE_NUMBER.finditer(body)
        if sum(ch.isdigit() for ch in m.group()) >= _PHONE_DIGITS
    ]
    phone = 0
    for start in starts:
        if start < position:
            continue
        while phone < len(phones) and phones[phone][1] <= start:
            phone += 1
        if phone < len(phones) and phones[phone][0] <= start:
            continue
        match = _CANDIDATE.match(body, start)
        if match is None or match.end() == match.start():
            continue
        draft = _read_candidate(body, match)
        if draft is None:
            position = match.end()
            continue
        drafts.append(draft)
        position = max(draft.end, match.end())
    return _join_compound_durations(body, drafts)


# A telephone number has at least this many digits; fewer are a score or a short list of numbers.
_PHONE_DIGITS = 7
# "HK$", "C$", "NZ$": a country's letters before the dollar sign start the figure.
_TRIGGER_SIGN = re.compile(r"(?<![0-9,.])[0-9]|(?<=[ (])[-−](?=[0-9])|(?<![A-Za-z])[A-Z]{1,2}(?=\$)|[£$€¥₹]")
_TRIGGER_WORD = re.compile(r"[a-z]+")
_TRIGGER_WORD_ANY_CASE = re.compile(r"[A-Za-z]+")
_TRIGGER_WORDS = frozenset(
    {
        *numbers.UNIT_WORDS,
        *numbers.TENS_WORDS,
        *numbers.ORDINAL_UNITS,
        *numbers.ORDINAL_TENS,
        *MONTHS,
        *(phrase.split()[0] for phrase in numbers.VAGUE_WORDS),
        "a",
        "an",
        "half",
        "once",
        "twice",
        "thrice",
        "double",
        "triple",
        "treble",
        "quadruple",
        "us",
        "usd",
        "gbp",
        "eur",
        "egp",
        "inr",
        "jpy",
        "aud",
        "cad",
        "hkd",
        "nzd",
        "sgd",
    }
)


def _read_candidate(body: str, match: re.Match[str]) -> Draft | None:
    if match.group("date_iso"):
        year, month, day = (int(part) for part in match.group("iso_year", "iso_month", "iso_day"))
        value = float(year * 10000 + month * 100 + day)
        return Draft(match.start(), match.end(), value, None, "date", None, "date", match.end())
    if match.group("date_dm") or match.group("date_md") or match.group("date_my"):
        return _read_date(match)
    if match.group("date_mw"):
        month = month_number(match.group("mw_month"))
        day = numbers.parse_ordinal_word(match.group("mw_day"))
        if month is None or day is None or not 1 <= day <= 31:
            return None
        year_text = match.group("mw_year")
        value = float((int(year_text) * 10000 if year_text else 0) + month * 100 + day)
        return Draft(match.start(), match.end(), value, None, "date", None, "date", match.end())
    if match.group("ordinal"):
        value = float(match.group("ordinal_digits"))
        if not _digit_ordinal_is_rank(body, match.start(), match.end(), value):
            return None
        return Draft(match.start(), match.end(), value, None, None, None, "ordinal", match.end())
    if match.group("ordinal_word"):
        return _read_ordinal_word(body, match)
    if match.group("times"):
        return _read_times(body, match)
    if match.group("quantity"):
        return _read_quantity(body, match)
    return None


MULTIPLE_TIMES = {"double": 2.0, "triple": 3.0, "treble": 3.0, "quadruple": 4.0}
# A title won: "champion", "winner", "medallist", "coach of the year", "MVP"; after at most two words that
# name the competition ("world", "Olympic gold").
TITLE_AFTER = re.compile(
    r"[ ]+(?:the[ ]+)?(?:[\w.’'-]+[ ]+){0,2}?"
    r"(?P<title>(?i:champions?|winners?|medall?ists?|title[ -]holders?|(?:coach|player|manager)[ ]of[ ]the[ ]year"
    r"|mvps?))\b"
)
# "twice as many", "twice the size", "twice a week", "twice over": a ratio or a rate, not how often it happened.
_NOT_HOW_OFTEN = re.compile(r"[ ]+(?i:as|the|a|an|that|over|per|daily|weekly|monthly|yearly)\b|-")


def _read_times(body: str, match: re.Match[str]) -> Draft | None:
    """ "was red-flagged twice", "won it twice", "a triple world champion": how often something happened or a
    title was won, a count."""
    word = match.group("times").lower()
    if word in ("twice", "thrice") and TITLE_AFTER.match(body, match.end()):
        # "twice the league's coach of the year": how many times a title was won, read as "a two-time
        # coach of the year" is (the title is what is counted).
        value = 2.0 if word == "twice" else 3.0
        return Draft(match.start(), match.end(), value, None, None, None, "count", match.end())
    if word in MULTIPLE_TIMES:
        # "a double standard", "triple the cost": only before a title does the word count how often it was won.
        if not TITLE_AFTER.match(body, match.end()):
            return None
    elif _NOT_HOW_OFTEN.match(body, match.end()) or _is_idiom(body, match.start(), match.end(), word):
        return None
    value = {"once": 1.0, "twice": 2.0, "thrice": 3.0, **MULTIPLE_TIMES}[word]
    if word in MULTIPLE_TIMES:
        # Read as "a three-time champion" is: the title after it is what is counted.
        return Draft(match.start(), match.end(), value, None, None, None, "count", match.end())
    # Counted in times, so that a "twice" never meets "two seasons" by its value alone.
    return Draft(match.start(), match.end(), value, None, "times", None, "count", match.end())


def _read_date(match: re.Match[str]) -> Draft | None:
    if match.group("date_my"):
        month = month_number(match.group("my_month"))
        year = int(match.group("my_year"))
        if month is None:
            return None
        return Draft(
            match.start(),
            match.end(),
            float(year * 100 + month),
            None,
            "year-month",
            None,
            "date",
            match.end(),
        )
    if match.group("date_dm"):
        day, month_text, year_text = match.group("dm_day", "dm_month", "dm_year")
    else:
        day, month_text, year_text = match.group("md_day", "md_month", "md_year")
    month = month_number(month_text)
    if month is None:
        return None
    month_day = month * 100 + int(day)
    # One unit for every day-precise date, so "March 12" and "12 March 2026" can share a group; the
    # year is never guessed: a date printed without one keeps the value MMDD (see figure_groups).
    value = float(int(year_text) * 10000 + month_day) if year_text else float(month_day)
    return Draft(match.start(), match.end(), value, None, "date", None, "date", match.end())


def _read_ordinal_word(body: str, match: re.Match[str]) -> Draft | None:
    text = match.group("ordinal_word")
    value = numbers.parse_ordinal_word(text)
    if value is None:
        return None
    idiom = ORDINAL_IDIOMS_AFTER.get(text.lower())
    following = WORD.match(body, match.end()) or _HYPHENED_WORD.match(body, match.end())
    if idiom is not None and following is not None and following.group("word").lower() in idiom:
        return None  # "a third party", "third-party apps", "second thoughts": a compound noun, no rank
    if text.lower() == "second":
        # "a second", "per second", "30 seconds": the time unit, not the ordinal.
        before = body[max(0, match.start() - 12) : match.start()].lower()
        if re.search(r"(?:\ba|\bper|\bone|[0-9])[ ]*\Z", before):
            return None
    if (
        not _RANK_AFTER.match(body, match.end())
        and not _STANDING_BEFORE.search(body, max(0, match.start() - 16), match.start())
        and not _ordinal_numbers_a_noun(body, match.start(), match.end(), float(value))
        # "the second of his three terms": one of a counted whole, as "the 48th of 71 laps" is.
        and not (value > 1 and OF_A_COUNTED_WHOLE.match(body, match.end()))
    ):
        return None
    return Draft(match.start(), match.end(), float(value), None, None, None, "ordinal", match.end())


OF_A_COUNTED_WHOLE = re.compile(
    rf"[ ]+of[ ]+(?:(?i:his|her|their|its|the)[ ]+)?(?:[0-9]+|(?i:{numbers.WORD_NUMBER_PATTERN}))[ ]+(?P<noun>[a-z]{{3,}})"
)
# "finished second in the NFL", "came third": a standing, the ordinal's own verb before it.
_STANDING_BEFORE = re.compile(rf"\b(?i:{'|'.join(sorted(STANDING_VERBS))})[ ]\Z")


# "drafted first overall", "second-most in the league", "the third-highest toll": a rank in a standing,
# whatever the ordinal (a spelled "first" is kept here, unlike "first responders").
_RANK_AFTER = re.compile(r"[ ]overall\b|-(?:most|highest|lowest|fastest|slowest)\b")


def _digit_ordinal_is_rank(body: str, start: int, end: int, value: float) -> bool:
    """A rank printed in digits with no noun after it is a figure: "finished 21st", "from 16th to third", "in
    15th place", "the 48th of 71 laps", "for the 13th time", "12th-most". Before a noun or a capitalised word
    the noun rule decides ("the 21st floor" is one, "53rd Street" and "the 11th District" are names)."""
    if _RANK_AFTER.match(body, end) or EDITION_AFTER.match(body, end):
        # "the 129th Rose Parade": the edition of an event, in capitals as in lower case.
        return True
    following = WORD.match(body, end)
    if _HYPHENED_WORD.match(body, end) or (
        following is not None
        and (word := following.group("word"))
        and (not word.islower() or (word not in _NP_STOP and word not in _ORDINAL_NON_NOUNS))
    ):
        # Before a noun or a name the noun rule decides ("the 21st floor", "53rd Street").
        return _ordinal_numbers_a_noun(body, start, end, value)
    return True


# Nouns an ordinal ranks without counting anything a reader could dispute: "for the second time".
_ORDINAL_NON_NOUNS = frozenset({"times", "place", "overall", "half", "largest", "biggest", "worst", "best"})


def _ordinal_numbers_a_noun(body: str, start: int, end: int, value: float) -> bool:
    """Keep "the third day", "the 21st floor"; drop "first" (almost always rhetoric: "Safety comes first",
    "first responders") and ordinals followed by no lowercase noun ("finished 21st", "the Second World War")."""
    if value == 1:
        return False
    # "the third day", and "a second-term congressman" (the hyphen joins the ordinal to its noun).
    following = WORD.match(body, end) or _HYPHENED_WORD.match(body, end)
    if following is None:
        return False
    word = following.group("word")
    if (
        word[:1].isupper()
        and word.lower() not in ORDINAL_NAME_HEADS
        and _POSSESSIVE_BEFORE.search(body, max(0, start - 8), start)
    ):
        # "his second NBA season", "her third Olympic final": a possessive ranks the owner's own title or
        # season, whatever its capitals ("the Second World War" stays a name).
        return True
    if word[:1].isupper() and body[start:end].islower() and (noun := NOUN_AFTER_NAMES.match(body, end)):
        # "the 15th North Korean missile test", "the second Republican congressman": capitalised modifiers, then
        # the lowercase noun ranked ("the 11th District", "the Second World War" end on a capital: names).
        # "the 53rd Street tunnel", "the 5th Avenue store": an address names the place, it ranks nothing.
        return (
            noun.group("last").lower() not in ADDRESS_NOUNS
            and noun.group("last").lower() not in ORDINAL_NAME_HEADS
            and noun.group("noun") not in _NP_STOP
            and noun.group("noun") not in _ORDINAL_NON_NOUNS
        )
    return word.islower() and word not in _NP_STOP and word not in _ORDINAL_NON_NOUNS


# One to three capitalised modifiers, then a lowercase noun: "North Korean missile test", "Republican congressman".
NOUN_AFTER_NAMES = re.compile(r"(?:[ ]+[A-Z][a-z]+){0,2}[ ]+(?P<last>[A-Z][a-z]+)[ ]+(?P<noun>[a-z]{3,})\b")
_RANK_NUMBER_BEFORE = re.compile(r"(?:(?<=[ (])|(?<=\A))(?:No\.|number)[ ]\Z")
# A possessive ("the Senate's No. 2") is the rank's owner, not a name.
_NAME_WORD_BEFORE = re.compile(r"(?<!['’])\b[A-Z]\w*[ ]\Z")


def _is_rank_number(body: str, start: int) -> bool:
    """ "No. 2", "number two": a rank, unless a capitalised noun before makes it a name or an identifier
    ("Flight No. 51", "Downing Street's Number 10" is capitalised itself)."""
    found = _RANK_NUMBER_BEFORE.search(body, max(0, start - 8), start)
    if found is None:
        return False
    return _NAME_WORD_BEFORE.search(body, max(0, found.start() - 20), found.start()) is None


# "the 129th Rose Parade", "the 50th annual marathon": an edition noun after at most two modifiers or names.
EDITION_AFTER = re.compile(
    rf"(?:[ ]+(?:(?i:{'|'.join(sorted(EDITION_MODIFIERS))})|[A-Z][a-z]+)){{0,2}}"
    rf"[ ]+(?P<edition>(?i:{'|'.join(sorted(EDITION_NOUNS))}))\b"
)
_HYPHENED_WORD = re.compile(r"-(?P<word>[a-z]{3,})\b")
_POSSESSIVE_BEFORE = re.compile(r"\b(?i:his|her|their|its|our|my|your)[ ]\Z")


def _read_quantity(body: str, match: re.Match[str]) -> Draft | None:
    start, end = match.span()
    digits, words, vague = match.group("digits", "words", "vague")
    currency_text, scale_text = match.group("currency", "scale")
    unit: str | None = None
    kind = "count"
    factor = 1.0
    unit_word: str | None = None
    if currency_text:
        unit = CURRENCY_SYMBOLS.get(currency_text.strip().lower())
        kind = "money"
    if digits is not None:
        value = numbers.parse_digits(digits)
        if match.group("minus"):
            # "a magnitude of -14", "(-0.3 magnitude)": a value below zero, printed with its sign.
            value = -value
        number_end = match.end("digits")
    elif vague is not None:
        vague_key = re.sub(r"\s+", " ", vague.lower())
        if _is_idiom(body, start, match.end("vague"), vague_key):
            return None  # "he scores seven points", "zero in on": a verb, not a quantity
        vague_range = numbers.VAGUE_WORDS.get(vague_key)
        value, vague_high = vague_range if vague_range else (None, None)
        number_end = match.end("vague")
    else:
        value = numbers.parse_word_number(words)
        number_end = match.end("words")
    if value is None:
        return None
    if not currency_text and not scale_text and (odds := _read_odds(body, match, value, number_end)):
        return odds
    if words is not None and (fraction := _FRACTION_TAIL.match(body, number_end)):
        # "two-thirds of the charge": a share, as a percentage.
        share = value / _FRACTIONS[fraction.group("part").lower()] * 100
        qualifier = None
        if found := _QUALIFIER_BEFORE.search(body, max(0, start - 24), start):
            # "about a third of voters": hedged like any share.
            qualifier, start = re.sub(r"\s+", " ", found.group("qualifier").lower()), found.start()
        return Draft(start, fraction.end(), share, None, "percent", qualifier, "percent", fraction.end())
    if words is not None and not _word_number_is_figure(body, match, words):
        return None
    if (
        words is not None
        and words.lower() == "a"
        and (
            _RATE_BEFORE.search(body, max(0, start - 12), start)
            or (
                _RATE_OF_COUNT_BEFORE.search(body, max(0, start - 40), start)
                and not _RELATIVE_AFTER.match(body, match.end())
            )
            or (
                _TIME_POINT_AFTER.match(body, match.end())
                # "just over a month before the vote", "about a week after": a hedged span someone measured;
                # "for a year after they were taken": a span by its "for".
                and not _QUALIFIER_BEFORE.search(body, max(0, start - 24), start)
                and not _FOR_BEFORE.search(body, max(0, start - 8), start)
            )
        )
    ):
        return None
    if (
        not scale_text
        and not currency_text
        and (half := _AND_A_HALF.match(body, number_end))
        and _UNIT_AFTER.match(body, half.end())
    ):
        # "29 and a half days", "two and a half years": one value, its half included.
        value += 0.5
        end = number_end = half.end()
    scale = numbers.SCALE_WORDS.get(scale_text.lower()) if scale_text else None
    if scale_text:
        number_end = match.end("scale")
    if digits is not None and scale is None:
        mk = _MK_AFTER.match(body, end) or (_CAPITAL_MKB_AFTER.match(body, end) if kind == "money" else None)
        if mk and (kind == "money" or not _MEASURE_CONTEXT.match(body, mk.end())):
            scale = numbers.SCALE_WORDS[mk.group("mk").lower()]
            end = number_end = mk.end()
    unit_match = _UNIT_AFTER.match(body, end)
    if unit_match:
        info = numbers.unit_info(unit_match.group("unit"))
        if info is not None and not (kind == "money" and info[2] != "money"):
            unit, factor, kind = info
            unit_word = unit_match.group("unit")
            end = number_end = unit_match.end()
            if kind == "duration" and scale is None and (half := _AND_HALF_AFTER_UNIT.match(body, end)):
                # "a year and a half", "two years and a half", "more than a year and half": half a unit more.
                value += 0.5
                end = number_end = half.end()
            if (
                kind == "money"
                and unit == "GBP"
                and (
                    _WEIGHT_BEFORE.search(body, max(0, start - 40), start)
                    or (scale is None and _POUND_ADJECTIVE.match(body, unit_match.start()))
                    or _MASS_CONVERSION_AFTER.match(body, unit_match.end())
                    or _WEIGHT_OF_AFTER.match(body, unit_match.end())
                )
            ):
                # "weighs 215 pounds", "5-foot-11, 215 pounds", "a 400-pound gorilla": a weight, not sterling.
                unit, factor, kind = "kg", _KG_PER_POUND, "measure"
            elif unit_word.lower() in ("foot", "feet", "ft") and (inches := _INCHES_AFTER.match(body, end)):
                # "5-foot-11", "6 feet 2 inches": a height in feet and inches, one length.
                value += float(inches.group("inches")) / 12
                end = number_end = inches.end()
            old = (
                _AGE_TAIL.match(body, end)
                if unit_word.lower().startswith(("year", "month", "week"))
                else None
            )
            # "aged 20 months", "who turned 42 years": the word before the number says it is an age.
            aged = (
                old is None
                and unit_word.lower().startswith(("year", "month", "week"))
                and _AGED_BEFORE.search(body, max(0, start - 12), start) is not None
            )
            if old or aged:
                # "a 42-year-old man", "aged 6 months old": an age, in years, never a duration.
                kind, unit, factor = "age", "year", factor / HOURS_PER_YEAR
                if old:
                    end = number_end = old.end()
            elif kind == "duration" and (
                relative := _RELATIVE_TIME_TAIL.match(body, end) or _AFTER_EVENT_TAIL.match(body, end)
            ):
                kind = "time_ago"
                end = number_end = relative.end()
    elif (
        digits is not None and scale is None and kind == "count" and (decade := _DECADE_AGE.match(body, end))
    ):
        # "in his 50s": an age given as a decade, a range.
        if _IN_HIS_BEFORE.search(body, max(0, start - 24), start) and value % 10 == 0 and 10 <= value < 120:
            end = number_end = decade.end()
            return Draft(start, end, value, value + 9, "year", None, "age", number_end)
        return None
    elif digits is not None and kind == "count" and _COMPOUND_NOUN.match(body, end):
        # "a 48-page indictment", "a 12-count complaint": the number counts the noun after its hyphen;
        # the noun phrase is read from the hyphen on.
        pass
    elif (
        (digits is not None and _NAME_TAIL.match(body, end))
        or (scale is None and kind == "count" and _CLOCK_TAIL.match(body, end))
        # "just before 6 a.m. (2100 GMT Monday)": a clock time in a zone, whatever its digits look like.
        or (digits is not None and _HHMM.fullmatch(digits) and _ZONE_TAIL.match(body, end))
    ):
        # "4G", "9/11", "10:30", "737-MAX": part of a name, an identifier or a clock time.
        return None
    if digits is not None and scale is None and unit is None and _is_name_number(body, start, digits):
        return None
    if digits in EMERGENCY_NUMBERS and unit is None and _is_emergency_call(body, start, end):
        return None  # "someone to call 911", "a 999 call": the number dialled
    if digits is not None and scale is None and unit is None and _is_version(body, start, end, digits):
        return None  # "system update 5.50", "Android 8.1", "the PS4 5.50 update": a release, not a quantity
    if (
        digits is not None
        and digits.isdigit()
        and scale is None
        and unit is None
        and _is_address(body, end)
        and not _DETERMINER_BEFORE.search(body, max(0, start - 8), start)
    ):
        return None
    if digits is not None and len(digits) > 1 and digits[0] == "0" and digits.isdigit() and not currency_text:
        # "0336 GMT", "MSP 006", "0800": a number written with a leading zero is a code or a clock time.
        return None
    if (
        digits is not None
        and digits.isdigit()
        and scale is None
        and kind == "count"
        and IDENTIFIER_BEFORE.search(body, max(0, start - 16), start)
    ):
        # "on lap 20 after the crash": a position the noun before it names, ranked like an ordinal.
        return Draft(start, end, value, None, None, None, "ordinal", end)
    if (
        kind == "count"
        and scale is None
        and vague is None
        and float(value).is_integer()
        and _is_rank_number(body, start)
    ):
        # "the Senate's No. 2 Republican", "it is number two in a trilogy": a rank, not a count.
        return Draft(start, number_end, value, None, None, None, "ordinal", number_end)
    if (
        digits is not None
        and kind == "count"
        and scale is None
        and value <= 120
        and digits.isdigit()
        and (
            _NAME_COMMA_BEFORE.search(body, max(0, start - 40), start)
            or _PERSON_NOUN_COMMA_BEFORE.search(body, max(0, start - 40), start)
        )
        and _AGE_COMMA_AFTER.match(body, end)
    ):
        # "Cesar Sayoc, 56, was arrested", "the comedian, 47, said": the house style for a person's age.
        kind, unit = "age", "year"
    elif (
        digits is not None
        and kind == "count"
        and scale is None
        and value <= 120
        and digits.isdigit()
        and (
            (_NAME_BRACKET_BEFORE.search(body, max(0, start - 40), start) and body.startswith(")", end))
            or (
                _PERSON_WAS_BEFORE.search(body, max(0, start - 12), start)
                and _AGE_ENDS_AFTER.match(body, end)
            )
        )
    ):
        # "Jo Roe (45) was arrested", "she was 16 when she was arrested": a person's age, other house styles.
        kind, unit = "age", "year"
    if (
        digits is not None
        and digits.isdigit()
        and kind == "count"
        and scale is None
        and 1 <= value <= 31
        and (span := _DATE_SPAN_BEFORE.search(body, max(0, start - 32), start))
        and (month := month_number(span.group("month"))) is not None
        # "May 1 and 12 people came": a count of its own noun, not a day.
        and ((following := WORD.match(body, end)) is None or following.group("word").lower() in _NP_STOP)
    ):
        # "between January 1 and 2", "March 3-5": the second day of a span of dates is a date too.
        return Draft(start, end, float(month * 100 + int(digits)), None, "date", None, "date", end)
    if digits is not None and digits.isdigit() and len(digits) >= _IDENTIFIER_DIGITS and scale is None:
        return None  # "18665355654": a telephone or account number run together, never a quantity in prose
    if digits is not None and kind == "count" and scale is None and _is_tally(body, start, end, digits):
        return None  # "a 9-3 record", "voted 97-1", "went 4-12": a pair of counts, neither a quantity alone
    value *= (scale or 1.0) * factor
    value_high: float | None = None
    # Ranges: "200-300", "200 to 300", "between 200 and 300", "£2-3bn".
    tail = _RANGE_TAIL.match(body, end)
    opener = _RANGE_OPENER.search(body, max(0, start - 12), start)
    if tail and tail.group("currency") and kind != "money":
        tail = None  # "fell 1 percent to $254": a change and the price it reached, not a range
    if (
        tail
        and not opener
        and tail.group("joiner").lower() == "to"
        and _changed_then_level(body, start, value, tail)
    ):
        tail = None  # "dropped more than $11 billion to $106 billion": a change and the level it reached
    if (
        tail
        and opener
        and opener.group().lower().startswith("from")
        and _CHANGE_BEFORE_FROM.search(body, max(0, opener.start() - 48), opener.start())
        # "shrank 30 percent from 2007 to 2014" spans years; "go from 0 to 60 mph" is an acceleration.
        and value != 0
        and not _looks_like_year(body, digits or "", end)
    ):
        # "expanding from seven to eight the field": a before and an after, two figures; "from 5 to 7 percent"
        # prints the unit once, for both.
        shared = _UNIT_AFTER.match(body, tail.end()) if unit_word is None and scale is None else None
        info = numbers.unit_info(shared.group("unit")) if shared else None
        if info is not None and info[2] != "money" and kind == "count":
            unit, factor, kind = info
            value *= factor
        tail = None
    # "between 200 and 300", and "ages 18 and 35" (the ages bound one group of people).
    if tail and (
        tail.group("joiner").lower() != "and"
        or opener
        or _AGED_BEFORE.search(body, max(0, start - 12), start)
    ):
        high = (
            numbers.parse_digits(tail.group("digits"))
            if tail.group("digits") is not None
            else numbers.parse_word_number(tail.group("words"))
        )
        if (
            high is not None
            and tail.group("joiner").lower() == "or"
            and (
                not _near_guesses(value, high, digits, tail)
                or _LIST_BEFORE.search(body, max(0, start - 8), start)
            )
        ):
            high = None
        tail_end = tail.end()
        high_scale = numbers.SCALE_WORDS.get(tail.group("scale").lower()) if tail.group("scale") else None
        tail_unit = _UNIT_AFTER.match(body, tail_end) if high is not None else None
        high_factor = factor
        if tail_unit and unit_word is None:
            info = numbers.unit_info(tail_unit.group("unit"))
            if info is not None:
                unit, high_factor, kind = info
                value *= high_factor
                tail_end = tail_unit.end()
        if (
            high is not None
            and digits is not None
            and tail.group("digits") is not None
            and "," in tail.group("digits")
            and scale is None
            and high_scale is None
            and high % 1000 == 0
            and value < high / 1000
        ):
            # "5-6,000 people": the low end's thousands are left unsaid.
            value *= 1000
        if high is not None:
            if high_scale and not scale:
                value *= high_scale
            # "£2-3bn" shares one scale; "$5.4 million to $200,000" prints the second amount whole.
            written_whole = tail.group("currency") or "," in (tail.group("digits") or "")
            high *= (high_scale or (None if written_whole else scale) or 1.0) * high_factor
            if high > value:
                value_high = high
                end = number_end = tail_end
                if opener:
                    start = opener.start()
    if kind == "count" and digits is not None and value_high is None and _looks_like_year(body, digits, end):
        kind = "year"
    if (
        kind == "count"
        and value_high is not None
        and tail is not None
        and _looks_like_year(body, digits or "", end)
        and _looks_like_year(body, tail.group("digits") or "", end)
    ):
        kind = "year"  # "from 2010 to 2014", "2019-2021": a span of years, not a count
    if (
        kind == "count"
        and value < 130
        and (
            _AGED_BEFORE.search(body, max(0, start - 12), start)
            or _AGED_PAIR_BEFORE.search(body, max(0, start - 20), start)
        )
    ):
        kind, unit = "age", "year"  # "aged 42", "who turns 38", the 13 of "aged 16 and 13 respectively"
    if vague is not None and vague_high is not None and value_high is None:
        # The range scales with the number: "hundreds of millions" of pounds, "tens of thousands".
        kind, value_high = "vague", value * vague_high / numbers.VAGUE_WORDS[vague_key][0]
    # "between 200 and 300" is hedged as a range; the opener is shown beside the values like any qualifier.
    qualifier = "between" if value_high is not None and body[start : start + 7].lower() == "between" else None
    if kind in KINDS_WITH_QUALIFIER:
        found = _QUALIFIER_BEFORE.search(body, max(0, start - 24), start)
        if found:
            # "upto ten times" is "up to" run together, as some outlets print it.
            qualifier = re.sub(r"\s+", " ", found.group("qualifier").lower()).replace("upto", "up to")
            start = found.start()
    if not math.isfinite(value) or (value_high is not None and not math.isfinite(value_high)):
        return None
    return Draft(
        start, end, value, value_high, unit, qualifier, kind, number_end, vague is not None, unit_word
    )


# Quantities of ten digits or more are printed with separators or a scale word ("1.2 billion", "1,200,000,000").
_IDENTIFIER_DIGITS = 10
_DATE_SPAN_BEFORE = re.compile(
    rf"\b(?P<month>{MONTH_PATTERN})[ ]+{_DAY}(?:st|nd|rd|th)?(?:[ ]+(?:and|or|to|through)[ ]+|[ ]?[-–][ ]?)\Z"
)
# A score, a record or a vote tally: two (or three) counts joined by a hyphen, named by the word after it or the
# verb before it ("a 9-3 record", "a 97-1 vote", "voted 348-77", "went 4-12", "won 3-1").
_TALLY_PAIR = re.compile(
    r"[-–](?P<second>[0-9]{1,3})(?P<third>[-–][0-9]{1,3})?(?![\w,.]?[0-9]|[-–]?[A-Za-z%])"
)
_TALLY_AFTER = re.compile(
    r"[ ]+(?i:records?|votes?|wins?|victory|loss|defeat|lead|decision|margin|score|scoreline|split|majority"
    r"|tie|draw|count|ruling)\b"
)
_TALLY_BEFORE = re.compile(
    r"\b(?i:won|lost|beat|beats|defeated|voted|went|finished|improved[ ]to|fell[ ]to|dropped[ ]to|trails?"
    r"|trailed|trailing|leads|leading|led)[ ]\Z"
)


def _is_tally(body: str, start: int, end: int, digits: str) -> bool:
    if not digits.isdigit() or len(digits) > 3:
        return False
    pair = _TALLY_PAIR.match(body, end)
    if pair is None:
        return False
    # Three counts in a row ("50-32-1") are a win-loss-tie record whatever the words around them.
    return bool(
        pair.group("third")
        or _TALLY_AFTER.match(body, pair.end())
        or _TALLY_BEFORE.search(body, max(0, start - 16), start)
    )


# "one-in-three", "1 in 3", "one in five": odds are one figure, a ratio, never a 1 and a 3.
_ODDS_TAIL = re.compile(
    rf"(?:-in-|[ ]in[ ])(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})*)(?![0-9.,]?[0-9])|(?:-in-|[ ]in[ ])(?P<words>(?i:{numbers.WORD_NUMBER_PATTERN}))"
)
_AGE_TAIL = re.compile(r"[ -]old\b")
_KG_PER_POUND = 0.45359237
# What makes "pounds" a weight: a verb of weighing, or a height just before ("5-foot-11 and 215 pounds").
_WEIGHT_BEFORE = re.compile(
    r"(?:\b(?i:weigh(?:s|ed|ing)?|weight[ ](?:of|is|was)|tipped[ ]the[ ]scales[ ]at)[ ]+"
    # "the payload -- 119,000 pounds", "a cargo of 5,000 pounds": a load's own noun, then its weight.
    rf"|\b(?i:{'|'.join(sorted(WEIGHT_NOUNS))})s?(?:[ ]+(?:of|is|was|--|[-–—]))?[ ]+|\b(?i:{'|'.join(sorted(WEIGHT_NOUNS))})s?,[ ]+)"
    r"(?:(?i:about|around|nearly|some|more[ ]than|less[ ]than|over|under|almost|roughly)[ ]+)?\Z"
    r"|[0-9]-(?i:foot|feet)-[0-9]{1,2}(?:,|[ ]and)?[ ]\Z"
    # "an animal that's over 400 pounds", "the boy was 90 pounds", "he's 250 pounds": a being's weight.
    rf"|\b(?i:{'|'.join(sorted(WEIGHED_BEINGS))})(?:[ ]+(?i:that|who|which))?"
    r"(?:['’]s|[ ]+(?i:is|was|are|were|being))[ ]+"
    r"(?:(?i:about|around|nearly|some|more[ ]than|less[ ]than|over|under|almost|roughly|just)[ ]+)?\Z"
)
# "140,000 pounds (63,500kg)", "5.1 million pounds or 2300 metric tons": the outlet's own conversion into a unit
# of mass says the pounds are a weight.
_MASS_CONVERSION_AFTER = re.compile(
    r"(?:[ ]*\(|[ ]+or)[ ]*(?:about[ ]|around[ ]|some[ ])?[0-9][0-9,.]*[ ]?(?i:kg|kilos?|kilograms?|tonnes?|metric[ ]tons?)\b"
)
# "5.1 million pounds of thrust", "600 pounds of cargo": what is weighed, named after the pounds.
_WEIGHT_OF_AFTER = re.compile(rf"[ ]+of[ ]+(?i:{'|'.join(sorted(WEIGHT_NOUNS))})\b")
# "a 400-pound gorilla", "the 12,000-pound orca", "a 400-pound (181-kg) male": a weight as the adjective of a noun.
# Sterling is printed with its sign ("a £400 fine"); a banknote is the one thing named by its value in words.
_POUND_ADJECTIVE = re.compile(
    r"-(?i:pound)(?:-plus)?(?:[ ]\([^()\n]{1,20}\))?[ ]+(?!(?i:notes?|coins?)\b)[a-z]"
)
# The inches of a height after its feet: "5-foot-11", "6 feet 2 inches", "5ft 11in".
_INCHES_AFTER = re.compile(
    r"(?:-|[ ])(?P<inches>1[01]|[0-9])(?:[ ]?(?i:inches|inch|in)\b|(?![\w,.]|[.,][0-9]))"
)
# "Mira Sol, 56,", "Cesar Doe Jr., 56,", "John Roe III, 70,": a name, then the age between commas.
_NAME_COMMA_BEFORE = re.compile(r"(?:[A-Z][a-zß-ÿ'’]+|[JS]r\.|[IV]{2,4}),[ ]\Z")
# "The comedian, 47, said", "his wife, 51, and": a person named by a noun after its determiner, then the age
# between commas. A count in apposition ("the victims, 12 of them") has no closing comma straight after.
# The noun phrase opens its clause ("The comedian, 47,", "..., and his wife, 51,"): after a preposition ("In
# the end, 12, not 15, came"; "Of the victims, 12, were ...") the number is no age.
_PERSON_NOUN_COMMA_BEFORE = re.compile(
    r"(?:\A|\n|[.!?][\"”’]?[ ]|,[ ]|\b(?:and|but|while)[ ])"
    r"(?i:the|a|an|his|her|their|our|my)[ ](?:[a-z][a-z'’-]+[ ]){0,2}[a-z][a-z'’-]+,[ ]\Z"
)
# "Jo Roe (45)": a name in capitals, then the age in brackets.
_NAME_BRACKET_BEFORE = re.compile(r"[A-Z][a-zß-ÿ'’]+[ ]\(\Z")
# "she was 16 when", "he is 42 and": a person's age after the pronoun and its verb, ending its phrase.
_PERSON_WAS_BEFORE = re.compile(r"\b(?i:he|she)[ ](?:was|is)[ ]\Z")
_AGE_ENDS_AFTER = re.compile(r"[ ]+(?i:when|at[ ]the[ ]time|and|in[ ]\d{4})\b|[,.;)]")
# "Jo Doe, 56, was", "(Jo Doe, 56)", "Ann Roe, 51; and": the age closes its aside.
_AGE_COMMA_AFTER = re.compile(r",[ ]|[ ]*[)]|;[ ]|\.(?:\s|\Z)")
_DECADE_AGE = re.compile(r"s\b")
_IN_HIS_BEFORE = re.compile(r"\b(?i:in[ ](?:his|her|their))[ ]+(?:(?i:early|mid|late)[- ]?)?\Z")
# "a four-time champion", "the three-times winner": how many times a title was won.
_TIMES_TAIL = re.compile(r"-times?\b")
_COMPOUND_NOUN = re.compile(r"-[a-z]{3,}\b(?!-)")
_FRACTIONS = {"third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "halves": 2}
# A single "quarter" is a share only of a whole named after it ("one quarter of the homes", not "in one quarter").
_FRACTION_TAIL = re.compile(
    r"[- ](?P<part>(?i:thirds?|quarters|fifths?|halves|quarter(?=[ ]of[ ](?!an?\b))))\b"
)
_AGED_PAIR_BEFORE = re.compile(r"\b(?i:aged|ages)[ ]+[0-9]{1,3},?[ ]+and[ ]+\Z")
_AGED_BEFORE = re.compile(
    r"\b(?i:aged|ages?(?:[ ]of)?|turns|turned|turning|who[ ]is|who[ ]was|as[ ](?:old|young)[ ]as)[ ]+\Z"
)


# "once a year", "$50,000 a year", "twice a week" are rates; "a month after the crash" is a point in time; "a year
# or two" is vague: none is a span anyone measured. "A month ago", "a year earlier" and "a week later" are kept as
# "two years earlier" is (kind time_ago): how long before or after is a span outlets give and disagree on.
# "over a decade", "within a year" are framing, not a span someone measured ("more than a week" is one).
_RATE_BEFORE = re.compile(
    # "just over a month", "well over a year" hedge a span; a bare "over a decade" frames one.
    r"(?:\b(?i:once|twice|times|per|million|billion|each|every|(?<!just[ ])(?<!well[ ])over|within|under)"
    r"|[0-9](?:[kmn]|bn)?)[ ]\Z"
)
# "60 hours a week", "5 percent a year", "2,000 people a day", "12% a year": the unit of a rate after a number and
# what it counts; "12 people a year ago" is a point in time.
_RATE_OF_COUNT_BEFORE = re.compile(
    r"(?:[0-9](?:[0-9,.]*[0-9])?|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|hundred"
    r"|thousand|million|billion))(?:%|[ ](?:[a-z]+[ ])?(?:[a-z]{2,}s|percent|per[ ]cent))[ ]\Z"
)
_RELATIVE_AFTER = re.compile(r"[ ]+\w+[ ]+(?i:ago|earlier|later|before|after|since|on|apart)\b")
# "a year would have 12 moons", "a week is a long time": the unit is the subject of its verb, no span.
_TIME_POINT_AFTER = re.compile(
    r"[ ]\w+[ ](?i:after|before|on|or|from|since|into|would|will|is|was|has|had|can|could|may|might|should)\b"
)


# A change's "X to Y" whose Y is at least this many times X is the change and the level it reached, not a range.
_LEVEL_OVER_CHANGE = 5.0


def _changed_then_level(body: str, start: int, value: float, tail: re.Match[str]) -> bool:
    """ "fell more than $11 billion to $106 billion", "rose 200 to 24,500": after a verb of change, a second
    number far above the first is where the quantity ended up, not the top of a range ("rose 5 to 7 percent")."""
    if value <= 0 or not _CHANGE_BEFORE_FROM.search(body, max(0, start - 48), start):
        return False
    high = (
        numbers.parse_digits(tail.group("digits"))
        if tail.group("digits") is not None
        else numbers.parse_word_number(tail.group("words"))
    )
    if high is None:
        return False
    high *= numbers.SCALE_WORDS.get(tail.group("scale").lower(), 1.0) if tail.group("scale") else 1.0
    return high >= _LEVEL_OVER_CHANGE * value


# "$3,000, $4,000 or $5,000": the last two of a list, not a range.
_LIST_BEFORE = re.compile(r"[0-9][%\w]*,[ ][£$€¥₹]?\Z")


def _near_guesses(value: float, high: float, digits: str | None, tail: re.Match[str]) -> bool:
    """ "three or four seconds", "10 or 12 people": two near guesses joined by "or" are one hedged range;
    "in 2016 or 2017" and "5 or 500" are alternatives."""
    years = all(
        text is not None and len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100
        for text in (digits, tail.group("digits"))
    )
    return not years and value < high <= 2 * value + 1


def _read_odds(body: str, match: re.Match[str], value: float, number_end: int) -> Draft | None:
    tail = _ODDS_TAIL.match(body, number_end)
    if tail is None or value <= 0:
        return None
    if tail.group("digits") is not None:
        if _UNIT_AFTER.match(body, tail.end()):
            return None  # "1 in 3 days" is not odds
        denominator = numbers.parse_digits(tail.group("digits"))
    else:
        denominator = numbers.parse_word_number(tail.group("words"))
    if not denominator or denominator <= value:
        return None
    return Draft(
        match.start(), tail.end(), value / denominator, None, "ratio", None, "odds", tail.end(), False, None
    )


# "a seven-count indictment", "a three-judge panel": a number joined to the noun it counts, before the noun the
# compound describes. Idioms that count nothing anyone reports are left out.
_COMPOUND_THEN_NOUN = re.compile(r"-(?P<counted>[a-z]{3,})[ ](?P<noun>[a-z]{3,})\b")
_COMPOUND_IDIOMS = frozenset({"state", "way", "sided", "fold", "star", "letter", "piece", "legged", "horse"})


def _counts_its_compound(body: str, after: int, words: str) -> bool:
    found = _COMPOUND_THEN_NOUN.match(body, after)
    return (
        found is not None
        and words.lower() not in ("one", "a", "an")
        and found.group("counted") not in _COMPOUND_IDIOMS
        and found.group("noun") not in _NP_STOP
    )


def _word_number_is_figure(body: str, match: re.Match[str], words: str) -> bool:
    after = match.end()
    if (
        body.startswith("-", after)
        and not _UNIT_AFTER.match(body, after)
        and not _TIMES_TAIL.match(body, after)
        and not _AND_A_HALF.match(body, after)
        and not _SUSPENDED_HYPHEN.match(body, after)
        and not _counts_its_compound(body, after, words)
    ):
        return False  # "two-state solution", "one-sided"; but "a four-time champion" counts titles
    start = match.start()
    if _is_idiom(body, start, after, words.lower()):
        return False
    if (
        words.lower() == "zero"
        and (noun := WORD.match(body, after))
        and _SINGULAR_NOUN.fullmatch(noun.group("word"))
    ):
        return False  # "creates zero precedent", "zero tolerance": a manner of speaking, not a count of none
    if _THE_BEFORE.search(body, max(0, start - 5), start) and _CLAUSE_END_AFTER.match(body, after):
        return False  # "no distinction between the two.": the two named before, not a count anyone gives
    if words[:1].isupper() and _is_name_number(body, start, "0"):
        return False  # "Formula One", "Air Force One": a capitalised number word inside a name
    if words.lower() != "one" or _UNIT_AFTER.match(body, after):
        return True
    # A bare "one" is usually a pronoun ("one of the sides", "no one", "two packages, one addressed to"), but
    # the object of a predicate that counts ("killing one.", "injuring one, police said") is a count.
    following = WORD.match(body, after)
    if following is None and _COUNT_PREDICATE_BEFORE.search(body, max(0, start - 24), start):
        return True
    if _ONE_OR_MORE_AFTER.match(body, after):
        return True  # "one or two justices", "one to three years": the low end of a guess
    if (
        _ONE_HEDGED_BEFORE.search(body, max(0, start - 16), start) or _TO_GO_AFTER.match(body, after)
    ) and not _OF_AFTER.match(body, after):
        # "every school should have at least one,", "only one projectile was launched", "a 12-point lead with
        # one to go": a hedged or remaining one is a count ("the only one", "only one of them" stay pronouns).
        return True
    if _PLUS_BEFORE.search(body, max(0, start - 8), start) and not _ONE_BLOCKERS_AFTER.match(body, after):
        # "seen off Australia, plus one in the South Atlantic": one more of the things just counted.
        return True
    return not (
        following is None
        or following.group("word").lower() in _NP_STOP
        or _ONE_BLOCKERS_BEFORE.search(body, max(0, start - 12), start)
        or _ONE_BLOCKERS_AFTER.match(body, after)
        or _PRONOUN_PARTICIPLE.match(body, after)
    )


_ONE_HEDGED_BEFORE = re.compile(
    r"(?<!\b[Tt]he[ ])(?<!\bnot[ ])\b(?i:at[ ]least|at[ ]most|exactly|just|only|more[ ]than|fewer[ ]than|less[ ]than)[ ]+\Z"
)
_TO_GO_AFTER = re.compile(r"[ ]+to[ ]+go\b")
_ONE_OR_MORE_AFTER = re.compile(r"[ ]+(?:or|to)[ ]+(?i:two|three|four|five)\b(?![ ]+of\b)")
_OF_AFTER = re.compile(r"[ ]+of\b")
# "plus one in the Baltic" adds one; "her plus one", "a plus one" is a guest.
_FOR_BEFORE = re.compile(r"\b(?i:for)[ ]\Z")
_PLUS_BEFORE = re.compile(r"(?<!\b[Aa][ ])(?<!\b(?:my|is|er|ir)[ ])\b(?i:plus)[ ]+\Z")
_COUNT_PREDICATE_BEFORE = re.compile(rf"\b(?i:{predicate_pattern('count')})[ ]+\Z")
_SINGULAR_NOUN = re.compile(r"[a-z]+(?<!s)")
_THE_BEFORE = re.compile(r"\b(?i:the)[ ]\Z")
_CLAUSE_END_AFTER = re.compile(r"[.,;:!?)]")
# "one addressed to the senator", "one involving an organiser", "one purpose-built to ...": a participle and
# then no noun of its own make "one" a pronoun standing for a noun said before.
_PRONOUN_PARTICIPLE = re.compile(
    r"[ ]+(?:(?:[a-z]+-)?[a-z]*(?:ed|built|made|born|known|taken|given|seen|found|shown|held)"
    r"[ ]+(?:to|by|in|on|at|for|from|with|as|an?|the|his|her|their)"
    # "-ing" ends nouns too ("one building in town"): a participle here takes its object straight away.
    r"|[a-z]{3,}ing[ ]+(?:an?|the|his|her|their|its))\b"
)


def _is_idiom(body: str, start: int, end: int, word: str) -> bool:
    """A number word in an idiom of `NUMBER_IDIOMS_AFTER` / `NUMBER_IDIOMS_BEFORE`."""
    after = NUMBER_IDIOMS_AFTER.get(word)
    following = WORD.match(body, end) if after is not None else None
    if after is not None and following is not None and following.group("word").lower() in after:
        return True
    before = NUMBER_IDIOMS_BEFORE.get(word)
    if before is not None and (previous := _WORD_BEFORE.search(body, max(0, start - 16), start)) is not None:
        return previous.group("word").lower() in before
    return False


_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)[ ]+\Z")


# "1426 N. Quincy St.", "201 Waterfront St.", "163 Research Hall": up to three capitalised words (or a compass
# initial) and an address noun after a house or room number.
_ADDRESS_AFTER = re.compile(r"(?:[ ]+(?:[NSEW]\.|[A-Z][\w'’-]*)){1,4}\b")


# A house number is never read after a determiner: "an 1898 Supreme Court ruling", "the 1954 Brown Court
# decision" date a court's ruling (Court is an address noun too).
_DETERMINER_BEFORE = re.compile(r"\b(?i:a|an)[ ]\Z")


def _is_address(body: str, end: int) -> bool:
    found = _ADDRESS_AFTER.match(body, end)
    if found is None:
        return False
    last = found.group().split()[-1].rstrip(".").lower()
    return last in ADDRESS_NOUNS and len(found.group().split()) >= 2


_VERSION_BEFORE = re.compile(rf"\b(?i:{'|'.join(sorted(VERSION_WORDS))})[ ]\Z")
# "yet to update to 5.00": a decimal number a device is updated to is the release's.
_UPDATED_TO_BEFORE = re.compile(r"\b(?i:update|upgrade|updated|upgraded|updating|upgrading)[ ]to[ ]\Z")
_VERSION_AFTER = re.compile(rf"[ ](?i:{'|'.join(sorted(VERSION_WORDS_AFTER))})\b(?!s)")


_DIAL_BEFORE = re.compile(r"\b(?i:call|calls|called|calling|dial|dials|dialed|dialled|dialing|dialling)[ ]\Z")
_CALL_AFTER = re.compile(
    r"[ ](?i:calls?|callers?|dispatch(?:ers?)?|operators?|emergency|tapes?|recordings?)\b"
)


def _is_emergency_call(body: str, start: int, end: int) -> bool:
    return bool(_DIAL_BEFORE.search(body, max(0, start - 10), start) or _CALL_AFTER.match(body, end))


def _is_version(body: str, start: int, end: int, digits: str) -> bool:
    """A software release's number: after a release word ("version 2", "update 5.50"), or with a decimal point
    before one ("the 5.50 update")."""
    if _VERSION_BEFORE.search(body, max(0, start - 12), start) or (
        "." in digits and _UPDATED_TO_BEFORE.search(body, max(0, start - 16), start)
    ):
        return True
    return "." in digits and _VERSION_AFTER.match(body, end) is not None


def _is_name_number(body: str, start: int, digits: str) -> bool:
    """A bare integer right after a capitalised word mid-sentence: "Operation 7", "Resolution 2334"."""
    if "," in digits or "." in digits:
        return False
    before = _CAPITALISED_BEFORE.search(body, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group("word")
    if word.lower() in _NP_STOP or month_number(word) is not None:
        return False
    if word.lower() in _NAME_PREFIXES:
        return True
    # Bounded look-back: the run of figures "Gate 1 Gate 1 ..." must not rescan the body for each one.
    preceding = body[max(0, before.start() - 16) : before.start()].rstrip(" \t")
    # The first word of a sentence is capitalised for grammar, not because it names something.
    return not (not preceding or preceding[-1] in '.!?\n"“')


_NAME_PREFIXES = frozenset(
    [
        "operation",
        "resolution",
        "article",
        "flight",
        "route",
        "highway",
        "chapter",
        "section",
        "room",
        "gate",
        "apollo",
        "boeing",
        "airbus",
        "brigade",
        "division",
        "battalion",
        "squadron",
        "platform",
        "terminal",
        "building",
        "block",
        "phase",
        "level",
        "category",
        "type",
        "model",
        "version",
        "series",
        "episode",
        "season",
        "act",
        "bill",
        "order",
        "unit",
        "vision",
        "agenda",
        "formula",
        "windows",
        "iphone",
        "galaxy",
    ]
)


def _looks_like_year(body: str, digits: str, end: int) -> bool:
    if len(digits) != 4 or not digits.isdigit() or not 1800 <= int(digits) <= 2100:
        return False
    following = WORD.match(body, end)
    # "2000 people" is a count; "in 2023 the war", "in 2002 as a rookie" and "2023." are years.
    if following is None:
        return True
    word = following.group("word")
    return not (
        word.endswith("s") and word.islower() and word not in _NP_STOP and word not in DATED_OCCASIONS
    )


# --- what the article itself says elsewhere ----------------------------------------------------------

# "a rate of 35.72", "turnout was 47.5": a share printed without its sign, in an article that gives its shares
# in percent elsewhere. The number must end its phrase ("35.72 in the capital"), not count a noun ("a rate of
# 3 deaths").
_SHARE_BEFORE = re.compile(
    r"\b(?i:rate|share|turnout|proportion|percentage|inflation|unemployment)[ ]+"
    r"(?:(?i:was|is|of|at|to|from|by|stood|stands|reached|hit|rose|fell|climbed|dropped)[ ]+){1,2}\Z"
)
_ENDS_ITS_PHRASE = re.compile(
    r"[ ]+(?i:in|on|at|for|by|after|before|last|this|and|among|across)\b|[,.;:)]|[ ]*\Z"
)


def settle_by_article(body: str, drafts: list[Draft]) -> None:
    """Read what one number leaves open from the article's own explicit mentions (in place):

    - a bare currency word takes the currency the article names for it: beside "30,000 Egyptian pounds",
      "30,000 pounds" is Egyptian too, unless the article also prints sterling ("£", "pounds sterling");
    - a share printed without its sign after "rate", "turnout", ... is a percentage when the article gives
      its shares in percent elsewhere."""
    named: dict[str, set[str]] = {}
    explicit: set[str] = set()
    percents = False
    weighs_in_pounds = False
    for draft in drafts:
        percents = percents or draft.unit == "percent"
        weighs_in_pounds = weighs_in_pounds or (draft.unit == "kg" and _is_pound(draft.unit_word))
        if draft.kind != "money" or draft.unit is None:
            continue
        words = (draft.unit_word or "").lower().split()
        if not words:
            explicit.add(draft.unit)  # "£5m", "US$3bn": the sign names its currency
            continue
        default = numbers.unit_info(words[-1])
        if len(words) > 1 and default is not None and draft.unit != default[0]:
            named.setdefault(_currency_word(words[-1]), set()).add(draft.unit)
        elif len(words) > 1:
            explicit.add(draft.unit)  # "pounds sterling", "US dollars"
    _share_elided_units(body, drafts)
    if "GBP" not in explicit and "pound" not in named and (other_pound := _pound_not_sterling(body, drafts)):
        named["pound"] = {other_pound}
    for draft in drafts:
        words = (draft.unit_word or "").lower().split()
        if (
            weighs_in_pounds
            and "GBP" not in explicit
            and draft.unit == "GBP"
            and _is_pound(draft.unit_word)
            and draft.value is not None
            and not _SCALED.search(body, draft.start, draft.end)
        ):
            # "a 400-pound gorilla ... an animal that's over 400 pounds": an article that weighs in pounds and
            # prints no sterling sign weighs in its bare "pounds" too.
            draft.kind, draft.unit, draft.value = "measure", "kg", draft.value * _KG_PER_POUND
            if draft.value_high is not None:
                draft.value_high *= _KG_PER_POUND
        elif draft.kind == "money" and len(words) == 1:
            found = named.get(_currency_word(words[0]), set())
            if len(found) == 1 and draft.unit not in explicit:
                draft.unit = next(iter(found))
        elif (
            percents
            and draft.kind == "count"
            and draft.unit is None
            and draft.value is not None
            and 0 < draft.value <= 100
            and draft.value_high is None
            and _SHARE_BEFORE.search(body, max(0, draft.start - 40), draft.start)
            and _ENDS_ITS_PHRASE.match(body, draft.end)
        ):
            draft.kind, draft.unit = "percent", "percent"


# The verb right before a number, and a number that ends its clause with no noun after it.
_VERB_BEFORE = re.compile(r"\b(?P<verb>[a-z]{3,})[ ]+\Z")
_ENDS_CLAUSE = re.compile(r"[ ]*(?:[.,;:!?)]|\Z)")
_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")
_ELIDED_UNIT_KINDS = frozenset({"duration", "measure"})


def _share_elided_units(body: str, drafts: list[Draft]) -> None:
    """ "teens average nine hours of media a day, and tweens average six.": a bare number that ends its clause
    after the same verb as a length or measure earlier in its sentence leaves out that unit (in place)."""
    for index, draft in enumerate(drafts):
        if (
            draft.kind != "count"
            or draft.unit is not None
            or draft.value is None
            or draft.value_high is not None
        ):
            continue
        if _ENDS_CLAUSE.match(body, draft.end) is None:
            continue
        verb = _VERB_BEFORE.search(body, max(0, draft.start - 20), draft.start)
        if verb is None or verb.group("verb") in _NP_STOP:
            continue
        for earlier in reversed(drafts[:index]):
            if _SENTENCE_BREAK.search(body, earlier.end, draft.start):
                break
            if (
                earlier.kind not in _ELIDED_UNIT_KINDS
                or not earlier.unit_word
                or earlier.value_high is not None
            ):
                continue
            before = _VERB_BEFORE.search(body, max(0, earlier.start - 20), earlier.start)
            info = numbers.unit_info(earlier.unit_word.lower())
            if before is not None and before.group("verb") == verb.group("verb") and info is not None:
                draft.unit, factor, draft.kind = info
                draft.value *= factor
                draft.unit_word = earlier.unit_word
                break


# "30,000 pounds (about $1,680)": a bare sum of pounds, then its value in dollars in brackets.
_DOLLARS_IN_BRACKETS = re.compile(
    r"[ ]*\([ ]*(?:(?i:about|around|roughly|some|nearly|approximately|almost|or)[ ]+)?(?:US)?\$"
)


def _pound_not_sterling(body: str, drafts: list[Draft]) -> str | None:
    """The currency of an article's bare "pounds" when their dollar conversion rules out sterling ("fined
    30,000 pounds (about $1,680)"): the pound of the country the article names, or None."""
    for draft, following in itertools.pairwise(drafts):
        if not (draft.kind == "money" and draft.unit == "GBP" and _is_pound(draft.unit_word) and draft.value):
            continue
        bracket = _DOLLARS_IN_BRACKETS.match(body, draft.end)
        if (
            bracket is None
            or following.unit != "USD"
            or following.start > bracket.end()
            or not following.value
        ):
            continue
        if following.value / draft.value < STERLING_USD_FLOOR:
            for pattern, currency in POUND_COUNTRIES:
                if re.search(pattern, body):
                    return currency
    return None


# "25 million pounds": a sum in words is money whatever else the article weighs.
_SCALED = re.compile(rf"(?i:{_SCALE_WORDS})\b|[0-9][mkb]n?\b")


def _is_pound(unit_word: str | None) -> bool:
    return (unit_word or "").lower() in ("pound", "pounds")


def _currency_word(word: str) -> str:
    return word[:-1] if word.endswith("s") else word
