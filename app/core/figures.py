"""Find every figure in an article body: its value normalised to a canonical unit, its qualifier, what it
counts and who it is attributed to, so that the alignment stage can compare one outlet's number with another's.

Conventions (the alignment stage relies on them):

- ``text == body[start:end]`` and covers the qualifier and the unit word ("at least 3,478", "three days").
- Money is in units of its currency ("GBP", "USD", "EUR"); lengths in millimetres ("mm"), masses in "kg",
  areas in "km2"; durations in hours ("three days" -> 72.0 "hour", "ten minutes" -> 0.1667 "hour").
- Dates have unit "date": ``YYYYMMDD`` with a year, ``MMDD`` without one ("Oct. 7" -> 1007.0), so the year
  is never guessed and ``value % 10000`` compares the two; "October 2023" is ``YYYYMM``, unit "year-month".
  A date's counted thing names the event it dates ("date of the explosion"), from the sentence.
- Ordinals are kept only before the noun they number ("the third day", "the 21st floor"); "first" and
  ordinals that rank nothing ("Safety comes first", "for the second time") are not figures of the story.
- Years ("in 2023") have kind "year" and no unit. Vague plurals ("hundreds") store their magnitude (100).
  ISO dates ("2023-10-20") are read as full dates.
- Numbers that are part of a name or an identifier ("Operation 7", "COVID-19", "G20", "F-16",
  "Resolution 2334", "9/11") and clock times ("10:30", "8 a.m.") are dropped: they are not quantities
  anyone could disagree about.
- ``chrome`` marks figures on page-chrome lines: "3 min read", a line that is only a date (datelines,
  "Updated 20 October 2023"), bylines, photo captions, copyright and "founded in" lines.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from app.core import numbers
from app.core.clean import is_chrome_line
from app.core.records import Figure
from app.core.text import split_sentences

_SCALE_WORDS = r"million|billion|trillion|thousand|mn|bn|tn"
_YEAR = r"(?:1[89]|20)[0-9]{2}(?![0-9]|,[0-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"

# One scan over the body; alternatives at the same position are tried in order, so dates win over the
# bare number inside them and ordinals win over the number they start with.
_CANDIDATE = re.compile(
    rf"""
    (?P<date_dm>(?<![\w.,/-])(?P<dm_day>{_DAY})(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?(?P<dm_month>{numbers.MONTH_PATTERN})
        (?![a-z])(?:,?[ ]+(?P<dm_year>{_YEAR}))?)
    |(?P<date_md>\b(?P<md_month>{numbers.MONTH_PATTERN})[ ]+(?P<md_day>{_DAY})(?:st|nd|rd|th)?(?![\w:/]|,[0-9])
        (?:,?[ ]+(?P<md_year>{_YEAR}))?)
    |(?P<date_iso>(?<![\w.,/-])(?P<iso_year>(?:1[89]|20)[0-9]{{2}})-(?P<iso_month>0[1-9]|1[0-2])
        -(?P<iso_day>3[01]|[12][0-9]|0[1-9])(?![\w-]))
    |(?P<date_my>\b(?P<my_month>{numbers.MONTH_PATTERN})[ ]+(?P<my_year>{_YEAR}))
    |(?P<ordinal>(?<![\w.,/-])(?P<ordinal_digits>[0-9]{{1,4}})(?:st|nd|rd|th)\b)
    |(?P<ordinal_word>(?i:{numbers.ORDINAL_WORD_PATTERN}))
    |(?P<quantity>
        (?P<currency>(?<![\w$£€])(?i:US\$|USD[ ]?|GBP[ ]?|EUR[ ]?)|[£$€])?
        (?:(?<![\w.,/#:-])(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{1,15}}(?:\.[0-9]+)?)(?![0-9])
          |(?P<vague>(?i:{numbers.VAGUE_PATTERN}))
          |(?P<words>(?<!-)(?i:{numbers.WORD_NUMBER_PATTERN})))
        (?:[ ]?(?P<scale>(?i:{_SCALE_WORDS}))\b)?
    )
    """,
    re.VERBOSE,
)
# A unit right after a quantity; the hyphen allows "35-mm", "three-day", "72-hour".
_UNIT_AFTER = re.compile(rf"(?:[ ]?-[ ]?|[ ]?)(?P<unit>%|(?i:{numbers.UNIT_PATTERN})\b)")
# "$3.5m" / "12m people" / "40k": bare m and k straight after the digits.
_MK_AFTER = re.compile(r"(?P<mk>[mk])\b")
_MEASURE_CONTEXT = re.compile(r"[ ]+(?:tall|high|long|wide|deep|away|from|above|below|of water)\b", re.I)
_RANGE_TAIL = re.compile(
    rf"""[ ]*(?P<joiner>-|–|—|(?i:to|and))[ ]*
    (?P<currency>[£$€])?
    (?:(?P<digits>[0-9]{{1,3}}(?:,[0-9]{{3}})+(?:\.[0-9]+)?|[0-9]{{1,15}}(?:\.[0-9]+)?)(?![0-9])
      |(?P<words>(?i:{numbers.WORD_NUMBER_PATTERN})))
    (?:[ ]?(?P<scale>(?i:{_SCALE_WORDS}))\b)?""",
    re.VERBOSE,
)
_RANGE_OPENER = re.compile(r"(?<!\w)(?i:between|from)[ ]+\Z")
_QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?P<qualifier>(?i:at[ ]least|more[ ]than|well[ ]over|just[ ]over|just[ ]under|over|some|about"
    r"|around|an[ ]estimated|estimated|nearly|almost|up[ ]to|fewer[ ]than|less[ ]than|roughly|approximately"
    r"|at[ ]most|as[ ]many[ ]as|as[ ]much[ ]as|close[ ]to|upwards[ ]of|in[ ]excess[ ]of|no[ ]fewer[ ]than"
    r"|no[ ]more[ ]than|no[ ]less[ ]than|under|below|above))[ ]+\Z"
)
_ONE_BLOCKERS_BEFORE = re.compile(
    r"(?<!\w)(?i:no|any|every|each|the|this|that|which|someone|anyone|everyone|such|only)[ ]+\Z"
)
_ONE_BLOCKERS_AFTER = re.compile(r"[ ]+(?i:of|another|or|and|side|hand|day|way|thing|must)\b|-\w")
_CAPITALISED_BEFORE = re.compile(r"(?P<word>[A-Z][A-Za-z]+)[ ]\Z")
_NAME_TAIL = re.compile(r"[A-Za-z]|[/:][0-9]|-[A-Za-z]")
# Clock times are not quantities: "8 a.m.", "six in the morning", "ten o'clock".
_CLOCK_TAIL = re.compile(
    r"[ ]?(?i:[ap]\.m\.|[ap]m\b)|[ ]+(?i:o['’]clock|in[ ]the[ ](?:morning|afternoon|evening)|at[ ]night)\b"
)

_WORD = re.compile(r"[ ]+(?P<word>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_NP_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "by",
        "for",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "since",
        "until",
        "while",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "have",
        "has",
        "had",
        "having",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "did",
        "do",
        "does",
        "said",
        "says",
        "say",
        "told",
        "reported",
        "according",
        "including",
        "include",
        "includes",
        "among",
        "mostly",
        "mainly",
        "largely",
        "also",
        "already",
        "still",
        "now",
        "then",
        "there",
        "here",
        "as",
        "than",
        "per",
        "far",
        "more",
        "less",
        "most",
        "least",
        "some",
        "many",
        "much",
        "such",
        "just",
        "only",
        "even",
        "when",
        "where",
        "if",
        "not",
        "no",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "they",
        "them",
        "he",
        "she",
        "it",
        "we",
        "you",
        "i",
        "through",
        "across",
        "against",
        "amid",
        "during",
        "within",
        "without",
        "between",
        "toward",
        "towards",
        "via",
        "despite",
        "near",
        "outside",
        "inside",
        "throughout",
        "upon",
        "like",
        "following",
        "past",
        "last",
        "next",
        "ago",
        "each",
        "every",
    ]
)
_CASUALTY = re.compile(
    r"\b(?P<verb>(?i:killed|killing|kills|kill|dead|died|dying|deaths?|injured|injuring|injuries|wounded"
    r"|wounding|displaced|displacing|arrested|arresting|detained|evacuated|evacuating|missing|kidnapped"
    r"|abducted|rescued|released|freed|captured|homeless|hospitali[sz]ed|taken[ ]to[ ]hospital|treated|damaged|destroyed))\b"
)
_VERB_FOR_COUNTED = {
    "killing": "killed",
    "kills": "killed",
    "kill": "killed",
    "injuring": "injured",
    "injuries": "injured",
    "wounding": "wounded",
    "displacing": "displaced",
    "arresting": "arrested",
    "evacuating": "evacuated",
    "death": "dead",
    "deaths": "dead",
    "dying": "died",
    "hospitalized": "hospitalised",
}
_OF = re.compile(r"[ ]+of\b")
# Between two counts that share a noun: no clause break, an "and".
_SHARES_NOUN = re.compile(r"[^,;:()\n]*\band[ ]+(?:\w+[ ]+)?")
_OF_IT = re.compile(r"[ ]+of[ ]+it\b")
_ANTECEDENT = re.compile(r"(?P<noun>[A-Za-z]+),[ ]*\Z")
_MONEY_LINK = re.compile(r"[ ]+(?:in|of|for|worth[ ]of)(?:[ ]+(?:the|a|an))?[ ]")
# "prices could rise by 5 per cent": what changed and how; the change is read as a noun ("rise in prices").
_CHANGE_BEFORE = re.compile(
    r"(?P<subject>[A-Za-z]+)[ ]+(?:(?:could|would|will|may|might|can|is|are|was|were|has|have|had)[ ]+)?"
    r"(?:(?:expected|likely|set|forecast|projected|due)[ ]+to[ ]+)?(?:(?:be|been|have)[ ]+)?(?P<verb>(?i:ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|increas(?:e|es|ed|ing)"
    r"|decreas(?:e|es|ed|ing)|drop(?:s|ped|ping)?|gr(?:ow|ows|ew|own|owing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?"
    r"|declin(?:e|es|ed|ing)|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?))"
    r"[ ]+(?:by[ ]+)?\Z"
)
_CHANGE_NOUNS = {
    "ros": "rise",
    "ris": "rise",
    "fal": "fall",
    "fel": "fall",
    "inc": "increase",
    "dec": "decrease",
    "dro": "drop",
    "gro": "growth",
    "gre": "growth",
    "jum": "jump",
    "cli": "climb",
    "sur": "surge",
    "soa": "rise",
    "plu": "fall",
    "slu": "fall",
}
# "The fire spread from the tower to the silos in under ten minutes": a duration or measure with no "of"
# phrase counts what its clause's subject did.
_SUBJECT_VERB = re.compile(
    r"\A[\s\"“‘']*(?:(?i:the|a|an|its|their|his|her|our)[ ]+)?(?P<subject>[A-Za-z]+(?:[ ][a-z]+)?)[ ]+"
    r"(?:(?:has|have|had|was|were)[ ]+)?(?P<verb>[a-z]+ed|spread|burnt|ran|took|fell|rose|went|kept|held|stood"
    r"|grew|spent|lasted|dropped)\b"
)
# Words that name the event a date belongs to, folded onto one noun per kind of event so that "the blast
# on March 12" and "an explosion ... on March 12" date the same thing.
_EVENT_PATTERN = (
    r"\b(?P<event>(?i:explosions?|blasts?|explod(?:ed|es)|blew[ ]up|detonations?|fires?|blazes?|attacks?"
    r"|attacked|assaults?|earthquakes?|quakes?|tremors?|crash(?:es|ed)?|floods?|flooding|flooded|storms?"
    r"|hurricanes?|cyclones?|typhoons?|shootings?|collapsed?|elections?|referendums?|war|invasion|invaded"
    r"|ceasefire|truce|strikes?|protests?|riots?|derail(?:ed|ment)|conflict|fighting|offensive|raids?"
    r"|bombings?|bombardment|incursion))\b"
)
_EVENT_WORDS = re.compile(_EVENT_PATTERN)
# "the March 12 blast", "the October 7 surprise attack": the date names the event that follows it.
_EVENT_AFTER_DATE = re.compile(rf"[ ]+(?:[a-z]+[ ]+)?{_EVENT_PATTERN}")
_EVENT_NOUNS = {
    "blast": "explosion",
    "explod": "explosion",
    "blew up": "explosion",
    "detonation": "explosion",
    "blaze": "fire",
    "attacked": "attack",
    "assault": "attack",
    "quake": "earthquake",
    "tremor": "earthquake",
    "crashe": "crash",
    "crashed": "crash",
    "flooding": "flood",
    "flooded": "flood",
    "hurricane": "storm",
    "cyclone": "storm",
    "typhoon": "storm",
    "collapsed": "collapse",
    "referendum": "election",
    "invaded": "invasion",
    "truce": "ceasefire",
    "derailed": "derailment",
}
# A date that says when something happened: "on March 12", "on Thursday, March 12".
_ON_BEFORE_DATE = re.compile(r"\b(?i:on)[ ]+(?:[A-Z][a-z]+day,?[ ]+)?\Z")
# Participles that open a new phrase after the counted noun: "three days of mourning starting on Friday".
_PARTICIPLES = frozenset(
    [
        "starting",
        "beginning",
        "ending",
        "following",
        "leaving",
        "living",
        "fleeing",
        "waiting",
        "using",
        "making",
        "taking",
        "bringing",
        "trying",
        "seeking",
        "remaining",
        "according",
        "including",
    ]
)
_FINITE_VERBS = frozenset(
    [
        "fell",
        "fallen",
        "rose",
        "risen",
        "spread",
        "hit",
        "came",
        "went",
        "ran",
        "burnt",
        "left",
        "made",
        "took",
    ]
)
# "41 people, nine of them children": the noun after "of them" is what the second number counts.
_OF_THEM = re.compile(r"[ ]+of[ ]+(?:them|whom)(?:[ ]+(?:were|are|was))?\b")
_ARTICLE = re.compile(r"[ ]+(?i:the|a|an)\b")
_PLURAL_NOUNS = frozenset(
    [
        "people",
        "children",
        "men",
        "women",
        "geese",
        "police",
        "staff",
        "personnel",
        "cattle",
        "livestock",
        "sheep",
        "fish",
        "mice",
        "feet",
        "teeth",
    ]
)
_LOCATION_AFTER = re.compile(r"[ ]+in[ ]+(?P<place>(?:the[ ]+)?[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*){0,2})")
_CLAUSE_BREAK = re.compile(r",[ ]|;|:[ ]|[ ][–—][ ]|[()]|\b(?:while|whereas|but)\b")
_CLAUSE_INHERITS = re.compile(r"\A[ ]*(?i:including|among[ ]them|of[ ]whom|mostly|mainly)\b")

_SOURCE_PATTERNS = (
    re.compile(r"\baccording[ ]to[ ]+(?P<source>[^,.;:\"“”()\n]{2,80})"),
    re.compile(
        r",[\"”’]?[ ]+(?P<source>(?:[Tt]he[ ]+)?[\w'’-]+(?:[ ]+[\w'’-]+){0,5}?)[ ]+"
        r"(?:(?:has|have|had)[ ]+)?(?:said|says|reported|reports|stated|added|announced)\b"
    ),
    re.compile(
        r"\b(?:said|says|reported|according[ ]to)[ ]+(?P<source>the[ ]+[\w'’ -]{2,60}?)[ ]*(?=[,.;]|\Z)"
    ),
    re.compile(
        r"\A[\"“]?(?P<source>(?:The[ ]+)?[A-Z][\w'’-]*(?:[ ]+[\w'’-]+){0,5}?)[ ]+"
        r"(?:said|says|reported|announced|estimated|estimates)\b"
    ),
)
_CONJUNCTIONS = frozenset(["and", "but", "or", "while", "as", "so", "yet"])
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "this", "that", "there", "who"])


# Chrome lines.
_READ_TIME = re.compile(r"[ ]*(?i:read|reading[ ]time)\b")
_BYLINE = re.compile(r"\A[ \t]*(?i:by)[ ]+[A-Z]")
_CAPTION = re.compile(
    r"\[[^\]\n]{2,60}\][ \t]*\Z|(?i:\bphoto(?:graph)?[ ]*:|\(photo\b|\bimage[ ]*:|\bpicture[ ]*:|\bcredit[ ]*:"
    r"|getty[ ]images[ \t]*\Z)"
)
_COPYRIGHT = re.compile(r"©|\((?i:c)\)[ ]*[0-9]|(?i:\bcopyright\b)")
_FOUNDED = re.compile(r"(?i:\b(?:est\.?|established|founded|since)\b)")
_DATE_LINE_LEFTOVER = re.compile(
    r"\A(?:[\s,.:|/–—-]|(?i:last|updated|update|published|posted|modified|first|on|at|am|pm|gmt|utc|bst|cet"
    r"|est|edt|et|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
    r"|[ap]\.m\.|[0-9]{1,2}[:.][0-9]{2}\b)*\Z"
)

_KINDS_WITH_QUALIFIER = frozenset({"count", "money", "percent", "measure", "duration"})


@dataclass(slots=True)
class _Draft:
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


def extract_figures(body: str) -> list[Figure]:
    """Every figure in ``body`` in reading order, with offsets into ``body``."""
    drafts = _scan(body)
    if not drafts:
        return []
    sentence_starts = _sentence_starts(body)
    line_starts = [0, *(m.end() for m in re.finditer(r"\n", body))]
    chrome_lines: dict[int, bool] = {}
    figure_starts = [d.start for d in drafts]
    figures: list[Figure] = []
    previous_verb: tuple[int, str | None] = (-1, None)
    previous_noun: tuple[int, int, str | None] = (-1, -1, None)  # sentence start, number end, noun
    for index, draft in enumerate(drafts):
        sentence_index = bisect.bisect_right(sentence_starts, draft.start) - 1
        sentence_start = sentence_starts[sentence_index]
        sentence_end = (
            sentence_starts[sentence_index + 1] if sentence_index + 1 < len(sentence_starts) else len(body)
        )
        counted, verb, noun = _counted(
            body, draft, sentence_start, sentence_end, drafts, figure_starts, index
        )
        if (
            verb is not None
            and noun is None
            and previous_noun[0] == sentence_start
            and previous_noun[2] is not None
            and _SHARES_NOUN.fullmatch(body, previous_noun[1], draft.start)
        ):
            # "41 people were killed and 112 injured", "killing 47 people and injuring 112": the second
            # number counts the same noun. An aside ("including 9 children, and 112 were injured") has a
            # comma in between and keeps its own reading.
            counted = _join_counted(previous_noun[2], verb, _location(body, draft.number_end, None))
        if verb is None and draft.kind == "count" and previous_verb[0] == sentence_start:
            # "killed 52 miners, including at least 9 apprentices": the clause of the second
            # number has no verb of its own and shares the previous number's.
            verb = previous_verb[1]
            if verb is not None:
                counted = _join_counted(counted, verb, _location(body, draft.number_end, counted))
        if draft.kind == "count":
            previous_verb = (sentence_start, verb)
            previous_noun = (sentence_start, draft.number_end, noun)
        line_index = bisect.bisect_right(line_starts, draft.start) - 1
        if line_index not in chrome_lines:
            line_end = line_starts[line_index + 1] - 1 if line_index + 1 < len(line_starts) else len(body)
            chrome_lines[line_index] = _is_chrome_line(body[line_starts[line_index] : line_end])
        chrome = chrome_lines[line_index] or _is_read_time(body, draft)
        figures.append(
            Figure(
                text=body[draft.start : draft.end],
                start=draft.start,
                end=draft.end,
                value=draft.value,
                value_high=draft.value_high,
                unit=draft.unit,
                qualifier=draft.qualifier,
                counted=counted,
                source=(
                    _source(body[sentence_start:sentence_end].strip())
                    if draft.kind in _KINDS_WITH_QUALIFIER and not chrome
                    else None
                ),
                kind=draft.kind,
                chrome=chrome,
            )
        )
    return figures


def counted_key(counted: str) -> str:
    """Normalise a counted phrase for grouping: "the Palestinians wounded" -> "palestinian injured"."""
    words: list[str] = []
    lowered = _HOSPITALISED.sub("injured", counted.lower().replace("’", "'"))
    for raw in re.findall(r"[a-z]+(?:'[a-z]+)?", lowered):
        # A possessor names whose quantity it is, which the event already fixes: "Velmora's grain exports"
        # and "the country's grain exports" are one share. Modifiers such as "national" add nothing either.
        if raw in ("a", "an", "the") or raw.endswith("'s") or raw in _NEUTRAL_MODIFIERS:
            continue
        word = _SYNONYMS.get(raw, raw)
        words.append(_singular(word))
    return " ".join(words)


_SYNONYMS = {
    "wounded": "injured",
    "wounding": "injured",
    "injuring": "injured",
    "injuries": "injured",
    "hurt": "injured",
    "dead": "killed",
    "died": "killed",
    "death": "killed",
    "deaths": "killed",
    "dying": "killed",
    "killing": "killed",
    "fatalities": "killed",
    "abducted": "kidnapped",
    "detained": "arrested",
    "persons": "people",
}
# Outlets report the injured as "taken to hospital" or "hospitalised"; it is one count.
_HOSPITALISED = re.compile(r"\b(?:taken|rushed|admitted)[ ]to[ ]hospital\b|\bhospitali[sz]ed\b")
_NEUTRAL_MODIFIERS = frozenset({"national", "official", "overall", "total", "reported", "confirmed"})
_IRREGULAR_SINGULAR = {"children": "child", "men": "man", "women": "woman", "people": "people"}


def _singular(word: str) -> str:
    if word in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "sis", "news", "series")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


# --- scanning ---------------------------------------------------------------------------------------


def _scan(body: str) -> list[_Draft]:
    # The candidate pattern is tried only where a figure can begin (a digit, a currency sign, a number or
    # month word): searching with it character by character costs ten times as much.
    drafts: list[_Draft] = []
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
    for start in starts:
        if start < position:
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
    return drafts


_TRIGGER_SIGN = re.compile(r"(?<![0-9,.])[0-9]|[£$€]")
_TRIGGER_WORD = re.compile(r"[a-z]+")
_TRIGGER_WORD_ANY_CASE = re.compile(r"[A-Za-z]+")
_TRIGGER_WORDS = frozenset(
    {
        *numbers.UNIT_WORDS,
        *numbers.TENS_WORDS,
        *numbers.ORDINAL_UNITS,
        *numbers.ORDINAL_TENS,
        *numbers.MONTHS,
        *(phrase.split()[0] for phrase in numbers.VAGUE_WORDS),
        "a",
        "an",
        "half",
        "us",
        "usd",
        "gbp",
        "eur",
    }
)


def _read_candidate(body: str, match: re.Match[str]) -> _Draft | None:
    if match.group("date_iso"):
        year, month, day = (int(part) for part in match.group("iso_year", "iso_month", "iso_day"))
        value = float(year * 10000 + month * 100 + day)
        return _Draft(match.start(), match.end(), value, None, "date", None, "date", match.end())
    if match.group("date_dm") or match.group("date_md") or match.group("date_my"):
        return _read_date(match)
    if match.group("ordinal"):
        value = float(match.group("ordinal_digits"))
        if not _ordinal_numbers_a_noun(body, match.end(), value):
            return None
        return _Draft(match.start(), match.end(), value, None, None, None, "ordinal", match.end())
    if match.group("ordinal_word"):
        return _read_ordinal_word(body, match)
    if match.group("quantity"):
        return _read_quantity(body, match)
    return None


def _read_date(match: re.Match[str]) -> _Draft | None:
    if match.group("date_my"):
        month = numbers.month_number(match.group("my_month"))
        year = int(match.group("my_year"))
        if month is None:
            return None
        return _Draft(
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
    month = numbers.month_number(month_text)
    if month is None:
        return None
    month_day = month * 100 + int(day)
    # One unit for every day-precise date, so "March 12" and "12 March 2026" can share a group; the
    # year is never guessed: a date printed without one keeps the value MMDD (see figure_groups).
    value = float(int(year_text) * 10000 + month_day) if year_text else float(month_day)
    return _Draft(match.start(), match.end(), value, None, "date", None, "date", match.end())


def _read_ordinal_word(body: str, match: re.Match[str]) -> _Draft | None:
    text = match.group("ordinal_word")
    value = numbers.parse_ordinal_word(text)
    if value is None:
        return None
    if text.lower() == "second":
        # "a second", "per second", "30 seconds": the time unit, not the ordinal.
        before = body[max(0, match.start() - 12) : match.start()].lower()
        if re.search(r"(?:\ba|\bper|\bone|[0-9])[ ]*\Z", before):
            return None
    if not _ordinal_numbers_a_noun(body, match.end(), float(value)):
        return None
    return _Draft(match.start(), match.end(), float(value), None, None, None, "ordinal", match.end())


# Nouns an ordinal ranks without counting anything a reader could dispute: "for the second time".
_ORDINAL_NON_NOUNS = frozenset(
    {"time", "times", "place", "overall", "half", "largest", "biggest", "worst", "best"}
)


def _ordinal_numbers_a_noun(body: str, end: int, value: float) -> bool:
    """Keep "the third day", "the 21st floor"; drop "first" (almost always rhetoric: "Safety comes first",
    "first responders") and ordinals followed by no lowercase noun ("finished 21st", "the Second World War")."""
    if value == 1:
        return False
    following = _WORD.match(body, end)
    if following is None:
        return False
    word = following.group("word")
    return word.islower() and word not in _NP_STOP and word not in _ORDINAL_NON_NOUNS


def _read_quantity(body: str, match: re.Match[str]) -> _Draft | None:
    start, end = match.span()
    digits, words, vague = match.group("digits", "words", "vague")
    currency_text, scale_text = match.group("currency", "scale")
    unit: str | None = None
    kind = "count"
    factor = 1.0
    unit_word: str | None = None
    if currency_text:
        unit = numbers.CURRENCY_SYMBOLS.get(currency_text.strip().lower())
        kind = "money"
    if digits is not None:
        value = numbers.parse_digits(digits)
        number_end = match.end("digits")
    elif vague is not None:
        value = numbers.VAGUE_WORDS.get(re.sub(r"\s+", " ", vague.lower()))
        number_end = match.end("vague")
    else:
        value = numbers.parse_word_number(words)
        number_end = match.end("words")
        if not _word_number_is_figure(body, match, words):
            return None
    if value is None:
        return None
    scale = numbers.SCALE_WORDS.get(scale_text.lower()) if scale_text else None
    if scale_text:
        number_end = match.end("scale")
    if digits is not None and scale is None:
        mk = _MK_AFTER.match(body, end)
        if mk and (kind == "money" or not _MEASURE_CONTEXT.match(body, mk.end())):
            scale = numbers.SCALE_WORDS[mk.group("mk")]
            end = number_end = mk.end()
    unit_match = _UNIT_AFTER.match(body, end)
    if unit_match:
        info = numbers.unit_info(unit_match.group("unit"))
        if info is not None and not (kind == "money" and info[2] != "money"):
            unit, factor, kind = info
            unit_word = unit_match.group("unit")
            end = number_end = unit_match.end()
    elif (digits is not None and _NAME_TAIL.match(body, end)) or (
        scale is None and kind == "count" and _CLOCK_TAIL.match(body, end)
    ):
        # "4G", "9/11", "10:30", "737-MAX": part of a name, an identifier or a clock time.
        return None
    if digits is not None and scale is None and unit is None and _is_name_number(body, start, digits):
        return None
    value *= (scale or 1.0) * factor
    value_high: float | None = None
    # Ranges: "200-300", "200 to 300", "between 200 and 300", "£2-3bn".
    tail = _RANGE_TAIL.match(body, end)
    opener = _RANGE_OPENER.search(body, max(0, start - 12), start)
    if tail and (tail.group("joiner").lower() != "and" or opener):
        high = (
            numbers.parse_digits(tail.group("digits"))
            if tail.group("digits") is not None
            else numbers.parse_word_number(tail.group("words"))
        )
        tail_end = tail.end()
        high_scale = numbers.SCALE_WORDS.get(tail.group("scale").lower()) if tail.group("scale") else None
        tail_unit = _UNIT_AFTER.match(body, tail_end)
        high_factor = factor
        if tail_unit and unit_word is None:
            info = numbers.unit_info(tail_unit.group("unit"))
            if info is not None:
                unit, high_factor, kind = info
                value *= high_factor
                tail_end = tail_unit.end()
        if high is not None:
            if high_scale and not scale:
                value *= high_scale
            high *= (high_scale or scale or 1.0) * high_factor
            if high > value:
                value_high = high
                end = number_end = tail_end
                if opener:
                    start = opener.start()
    if kind == "count" and digits is not None and value_high is None and _looks_like_year(body, digits, end):
        kind = "year"
    # "between 200 and 300" is hedged as a range; the opener is shown beside the values like any qualifier.
    qualifier = "between" if value_high is not None and body[start : start + 7].lower() == "between" else None
    if kind in _KINDS_WITH_QUALIFIER:
        found = _QUALIFIER_BEFORE.search(body, max(0, start - 24), start)
        if found:
            qualifier = re.sub(r"\s+", " ", found.group("qualifier").lower())
            start = found.start()
    if not math.isfinite(value) or (value_high is not None and not math.isfinite(value_high)):
        return None
    return _Draft(
        start, end, value, value_high, unit, qualifier, kind, number_end, vague is not None, unit_word
    )


def _word_number_is_figure(body: str, match: re.Match[str], words: str) -> bool:
    after = match.end()
    if body.startswith("-", after) and not _UNIT_AFTER.match(body, after):
        return False  # "two-state solution", "one-sided"
    if words.lower() != "one" or _UNIT_AFTER.match(body, after):
        return True
    # A bare "one" is usually a pronoun ("one of the sides", "no one").
    start = match.start()
    following = _WORD.match(body, after)
    return not (
        following is None
        or following.group("word").lower() in _NP_STOP
        or _ONE_BLOCKERS_BEFORE.search(body, max(0, start - 12), start)
        or _ONE_BLOCKERS_AFTER.match(body, after)
    )


def _is_name_number(body: str, start: int, digits: str) -> bool:
    """A bare integer right after a capitalised word mid-sentence: "Operation 7", "Resolution 2334"."""
    if "," in digits or "." in digits:
        return False
    before = _CAPITALISED_BEFORE.search(body, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group("word")
    if word.lower() in _NP_STOP or numbers.month_number(word) is not None:
        return False
    if word.lower() in _NAME_PREFIXES:
        return True
    preceding = body[: before.start()].rstrip(" \t")
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
    following = _WORD.match(body, end)
    # "2000 people" is a count; "in 2023 the war" and "2023." are years.
    return not (following and following.group("word").endswith("s") and following.group("word").islower())


# --- context ----------------------------------------------------------------------------------------


def _sentence_starts(body: str) -> list[int]:
    # One sentence splitter for the whole core: the one quotes use (abbreviations, decimals, "Oct. 7").
    return [0, *(start for start, _ in split_sentences(body) if start > 0)]


def _noun_phrase(body: str, draft: _Draft) -> list[str]:
    words: list[str] = []
    position = draft.number_end
    of = _OF.match(body, position)
    if draft.kind in ("duration", "measure", "percent"):
        # Only "three days of mourning", "35mm of rain", "15% of voters" say what a measure counts; the unit
        # word is not part of it, so that "three days" and "72 hours" of mourning count the same thing.
        if of is None:
            return []
        if _OF_IT.match(body, of.start()):
            # "Overnight rain, 35 millimetres of it, ...": the thing measured is the noun before the comma.
            antecedent = _ANTECEDENT.search(body, max(0, draft.start - 40), draft.start)
            return [antecedent.group("noun").lower()] if antecedent else []
        position = of.end()
    elif draft.kind == "money":
        # "£12m in emergency aid", "$3bn of damage", "€5m for reconstruction"; "£5m in London" is a place.
        link = _MONEY_LINK.match(body, position)
        following = _WORD.match(body, link.end() - 1) if link else None
        if link is None or following is None or not following.group("word").islower():
            return []
        position = link.end() - 1
    elif of_them := _OF_THEM.match(body, position):
        position = of_them.end()
    elif of and (draft.vague or body[draft.start : draft.end].lower().endswith("dozen")):
        position = of.end()  # "hundreds of civilians", "a dozen of them"
    if of and position == of.end() and not body.startswith(" of them", of.start()):
        article = _ARTICLE.match(body, position)
        position = article.end() if article else position
    limit = 3
    while len(words) < limit:
        match = _WORD.match(body, position)
        if match is None:
            break
        word = match.group("word")
        lowered = word.lower()
        if (
            lowered in _NP_STOP
            or _CASUALTY.fullmatch(word)
            or numbers.month_number(word)
            or lowered in _PARTICIPLES
            # A mass noun has no plural to end the phrase: in "30mm of rain fell" the verb does.
            or (words and (lowered in _FINITE_VERBS or (lowered.endswith("ed") and len(lowered) > 4)))
        ):
            break
        words.append(word)
        position = match.end()
        # A plural noun ends the phrase: in "200 geese flew" the next word is already the verb.
        if not lowered.endswith(("'s", "’s")) and (
            lowered in _PLURAL_NOUNS or (len(word) > 3 and word.endswith("s") and not word.endswith("ss"))
        ):
            break
    if words and words[-1] == "of":
        words = words[:-2]
    return words


def _counted(
    body: str,
    draft: _Draft,
    sentence_start: int,
    sentence_end: int,
    drafts: list[_Draft],
    figure_starts: list[int],
    index: int,
) -> tuple[str | None, str | None]:
    """(counted phrase, casualty verb, the counted noun alone) for one figure."""
    if draft.kind == "date":
        return _dated_event(body, draft, sentence_start), None, None
    if draft.kind == "year":
        return None, None, None
    noun = " ".join(_noun_phrase(body, draft)) or None
    clause_start, clause_end = _clause(body, draft, sentence_start, sentence_end)
    if draft.kind != "count":
        if noun is None and draft.kind == "percent":
            noun = _change(body, draft, clause_start)
        if noun is None and draft.kind in ("duration", "measure"):
            found = _SUBJECT_VERB.match(body[clause_start : draft.start])
            if found and found.group("subject").lower().split()[0] not in _NP_STOP:
                noun = f"{found.group('subject').lower()} {found.group('verb')}"
        return noun, None, noun
    verb_match = None
    if not _CLAUSE_INHERITS.match(body[clause_start : draft.start]):
        verb_match = _nearest_verb(body, draft, clause_start, clause_end, drafts, figure_starts, index)
        first_count = not any(
            d.kind == "count" and d.start >= sentence_start for d in drafts[max(0, index - 3) : index]
        )
        if verb_match is None and first_count:
            # "Some 1,300 people, mostly civilians, were killed": the verb sits past an aside.
            verb_match = _nearest_verb(
                body, draft, draft.end, sentence_end, drafts, figure_starts, index, skip_asides=True
            )
    if verb_match is None:
        return noun, None, noun
    verb = verb_match.group("verb").lower()
    verb = _VERB_FOR_COUNTED.get(verb, verb)
    place = _location(body, draft.number_end, noun)
    if place is None and verb_match.start() > draft.end:
        after_verb = _LOCATION_AFTER.match(body, verb_match.end())
        place = after_verb.group("place") if after_verb else None
    return _join_counted(noun, verb, place), verb, noun


def _change(body: str, draft: _Draft, clause_start: int) -> str | None:
    """ "prices could rise by 5 per cent" -> "rise in prices"."""
    found = _CHANGE_BEFORE.search(body, clause_start, draft.start)
    if found is None or found.group("subject").lower() in _NP_STOP:
        return None
    change = _CHANGE_NOUNS.get(found.group("verb").lower()[:3], found.group("verb").lower())
    return f"{change} in {found.group('subject').lower()}"


def _dated_event(body: str, draft: _Draft, sentence_start: int) -> str | None:
    """ "date of the explosion" for "An explosion ripped through the port on March 12"; None when the date is
    not introduced by "on" or its sentence names no event before it, so unrelated dates never group; "the
    March 12 blast" dates the event it names."""
    event = _EVENT_AFTER_DATE.match(body, draft.end)
    if event is None and _ON_BEFORE_DATE.search(body, max(sentence_start, draft.start - 24), draft.start):
        # The sentence's first event word is its main event: in "The blast on March 12 set off a fire"
        # the date belongs to the blast, not to the fire that follows it.
        event = _EVENT_WORDS.search(body, sentence_start, draft.start)
    if event is None:
        return None
    word = event.group("event").lower()
    noun = _EVENT_NOUNS.get(word) or _EVENT_NOUNS.get(word[:6]) or _EVENT_NOUNS.get(word.rstrip("s"))
    return f"date of the {noun or word.rstrip('s')}"


def _join_counted(noun: str | None, verb: str, place: str | None) -> str:
    parts = [p for p in (noun, verb) if p]
    if place:
        parts += ["in", place]
    return " ".join(parts)


def _location(body: str, number_end: int, noun: str | None) -> str | None:
    position = number_end
    if noun:
        position = body.find(noun.split()[-1], number_end) + len(noun.split()[-1])
    found = _LOCATION_AFTER.match(body, position)
    return found.group("place") if found else None


def _clause(body: str, draft: _Draft, sentence_start: int, sentence_end: int) -> tuple[int, int]:
    clause_start = sentence_start
    for brk in _CLAUSE_BREAK.finditer(body, sentence_start, draft.start):
        clause_start = brk.end()
    following = _CLAUSE_BREAK.search(body, draft.end, sentence_end)
    return clause_start, following.start() if following else sentence_end


def _nearest_verb(
    body: str,
    draft: _Draft,
    clause_start: int,
    clause_end: int,
    drafts: list[_Draft],
    figure_starts: list[int],
    index: int,
    *,
    skip_asides: bool = False,
) -> re.Match[str] | None:
    # A verb separated from this number by another count belongs to that other count, unless that count
    # is an aside about this one ("41 people, nine of them children, were killed").
    low = drafts[index - 1].end if index > 0 else 0
    following = index + 1
    while skip_asides and following < len(drafts) and _OF_THEM.match(body, drafts[following].number_end):
        following += 1
    high = figure_starts[following] if following < len(figure_starts) else len(body)
    best: re.Match[str] | None = None
    best_distance = 80
    for verb in _CASUALTY.finditer(body, max(clause_start, low), min(clause_end, high)):
        if draft.start <= verb.start() < draft.end:
            continue
        distance = draft.start - verb.end() if verb.end() <= draft.start else verb.start() - draft.end
        if distance < best_distance:
            best, best_distance = verb, distance
    return best


def _source(sentence: str) -> str | None:
    for pattern in _SOURCE_PATTERNS:
        found = pattern.search(sentence)
        if found is None:
            continue
        source = found.group("source").strip(" \"“”'’")
        first = source.split()[0].lower() if source else ""
        # ", and the ministry said ..." starts a new statement; it does not attribute this figure.
        if (
            source
            and first not in _PRONOUNS
            and first not in _CONJUNCTIONS
            and not re.search(r"[0-9]", source)
        ):
            return source
    return None


def _is_read_time(body: str, draft: _Draft) -> bool:
    unit_word = (draft.unit_word or "").lower()
    return unit_word.startswith("min") and _READ_TIME.match(body, draft.end) is not None


def _is_chrome_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if is_chrome_line(stripped) or _CAPTION.search(stripped) or _COPYRIGHT.search(stripped):
        return True
    word_count = len(stripped.split())
    if _BYLINE.match(stripped) and word_count <= 15:
        return True
    if word_count <= 8 and _FOUNDED.search(stripped) and re.search(r"\b(?:1[5-9]|20)[0-9]{2}\b", stripped):
        return True
    if word_count <= 12:
        # A line that is nothing but a date (and words like "Updated", a weekday, a clock time).
        leftover = _DATE_ONLY_TOKENS.sub(" ", stripped)
        if leftover != stripped and _DATE_LINE_LEFTOVER.match(leftover):
            return True
    return False


_DATE_ONLY_TOKENS = re.compile(
    rf"(?<![\w])(?:{_DAY}(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?{numbers.MONTH_PATTERN}(?:,?[ ]+{_YEAR})?"
    rf"|{numbers.MONTH_PATTERN}[ ]+{_DAY}(?:st|nd|rd|th)?(?:,?[ ]+{_YEAR})?"
    rf"|{numbers.MONTH_PATTERN}[ ]+{_YEAR}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}})(?![\w])"
)
