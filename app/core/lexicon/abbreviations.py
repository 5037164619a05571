"""Abbreviations whose period is not (always) a sentence end, in classes by what may follow them, and the
closed-class words that open a sentence after one that does end it ("... lied to the N.T.S.B. Nobody acted")."""

from __future__ import annotations

from app.core.lexicon.calendar import MONTH_ABBREVIATIONS
from app.core.lexicon.words import SENTENCE_OPENERS

# Titles and prefixes: always followed by the name or thing they belong to ("Gen. Ruiz", "Mt. Kenya",
# "Oct. 7", "No. 5", "vs. Ohio", "e.g. the"), so their period never ends a sentence. Compared casefolded
# and without the final period.
LEADING_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "reps",
        "sens",
        "drs",
        "govs",
        "supt",
        "det",
        "insp",
        "atty",
        "maj",
        "brig",
        "cpl",
        "pvt",
        "pres",
        "rev",
        "hon",
        "messrs",
        "mt",
        "ft",
        "no",
        "nos",
        "vs",
        "approx",
        "est",
        "fig",
        "e.g",
        "i.e",
    }
    | MONTH_ABBREVIATIONS
)

# Abbreviations that close a name or a list and so may close a sentence too ("... said Jo Roe Jr. The
# ...", "Acme Inc. It said", "and so on, etc. But"). Dotted acronyms ("U.S.", "N.T.S.B.") and initials are
# this class by their shape, not by a list.
TRAILING_ABBREVIATIONS: frozenset[str] = frozenset(
    {"st", "ave", "blvd", "rd", "sr", "jr", "inc", "ltd", "co", "corp", "etc", "al", "dept"}
)

ABBREVIATIONS: frozenset[str] = LEADING_ABBREVIATIONS | TRAILING_ABBREVIATIONS

# US state abbreviations of news style ("Mesa, Ariz.", "Jo Roe, D-Calif.", "Ariz. Gov. Jo Roe"): they close a
# place or a party-state tag, so they may end a sentence (a trailing class). Several are also words ("Ill.",
# "Miss.", "Wash."), so they count only when capitalised as printed.
STATE_ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "kans",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "penn",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wisc",
        "wyo",
    }
)

# Words that open a sentence after a period that may end one: pronouns, determiners, conjunctions,
# prepositions and sentence adverbs ("the N.T.S.B. Nobody acted", "in the U.S. The May storm"). A
# capitalised name after "U.S." or an initial stays ambiguous ("the U.S. Congress", "John F. Kennedy"),
# so it never ends a sentence; only these words do.
_INDEFINITE_PRONOUNS = frozenset(
    {
        "nothing",
        "nobody",
        "none",
        "everything",
        "everyone",
        "everybody",
        "something",
        "someone",
        "somebody",
        "anything",
        "anyone",
        "anybody",
    }
)
# Openers that also start names, titles and ranks after an abbreviation ("U.S. First Lady", "U.S. Under
# Secretary", "Jo Will", "Sgt. First Class", "Mary Sure"), or that are letters an initial could stand for.
_NAME_LIKE_OPENERS = frozenset(
    {
        "first",
        "second",
        "third",
        "former",
        "fellow",
        "under",
        "over",
        "will",
        "may",
        "dear",
        "sure",
        "still",
        "well",
        "near",
        "per",
        "via",
        "one",
        "ones",
        "same",
        "own",
        "other",
        "others",
        "down",
        "up",
        "out",
        "off",
        "said",
        "says",
        "say",
        "tell",
        "told",
        "added",
        "asked",
        "continued",
        "speaking",
        "see",
        "watch",
        "follow",
        "click",
        "like",
        "just",
        "very",
        "too",
        "further",
        "s",
        "t",
    }
)
SENTENCE_START_WORDS: frozenset[str] = (SENTENCE_OPENERS | _INDEFINITE_PRONOUNS) - _NAME_LIKE_OPENERS
