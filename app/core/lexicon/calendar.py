"""Months and weekdays: the one copy of the calendar's words for the whole engine (figures read dates with
it, furniture finds datelines with it, speakers skip it in names)."""

from __future__ import annotations

# Full names and the abbreviations newsrooms print ("Oct.", "Sept"); keys are lower case without the dot.
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
# The shortened forms alone ("oct", "sept"): each is the start of a full name. Their period never ends a
# sentence ("Oct. 7").
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(
    short for short in MONTHS if any(full != short and full.startswith(short) for full in MONTHS)
)
# Month names are matched case-sensitively so that "may" the verb and "march" the walk are never months.
MONTH_PATTERN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
WEEKDAY_PATTERN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Relative days that anchor a figure in time as well as a weekday does ("by Sunday", "as of Tuesday").
RELATIVE_DAYS = ("today", "yesterday", "tonight", "overnight", "this morning", "last night")
# Words that turn a length of time into a point in time: "five years ago", "a decade earlier", "two weeks
# later" say when something happened, not how long it lasted, so they never meet a sentence's duration.
RELATIVE_TIME_WORDS = ("ago", "earlier", "later")


def month_number(text: str) -> int | None:
    """1-12 for "October", "Oct." or "Sept"."""
    return MONTHS.get(text.rstrip(".").lower())


def weekday_number(text: str) -> int | None:
    """0 (Monday) to 6 for a weekday name or its abbreviation."""
    return WEEKDAYS.get(text.rstrip(".").lower())


# Plural nouns of one occasion that a year before them dates rather than counts: "the 2001 attacks", "the 2016
# elections", "the 2011 riots" (while "2000 homes" counts homes).
DATED_OCCASIONS = frozenset(
    {
        "attacks",
        "bombings",
        "elections",
        "midterms",
        "primaries",
        "riots",
        "protests",
        "floods",
        "fires",
        "wildfires",
        "games",
        "olympics",
        "playoffs",
        "finals",
        "talks",
        "negotiations",
        "hearings",
        "accords",
        "sanctions",
        "shootings",
        "assaults",
        "killings",
        "massacres",
        "clashes",
        "uprisings",
        "strikes",
        "storms",
        "hurricanes",
        "earthquakes",
        "celebrations",
        "festivities",
        "ceremonies",
    }
)
