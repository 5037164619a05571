"""Find every figure in an article body: its value normalised to a canonical unit (or a range), its kind,
qualifier, what it counts and who it is attributed to, so that alignment can compare one outlet's number
with another's.

Conventions (the alignment stage relies on them):

- ``text == body[start:end]`` and covers the qualifier and the unit word ("at least 3,478", "three days").
- Money is in units of its currency ("GBP", "USD", "EUR", "EGP"); lengths in millimetres ("mm"), masses in
  "kg", areas in "km2", speeds in "km/h"; durations in hours ("three days" -> 72.0 "hour"); ages in years
  ("a 42-year-old" -> 42.0 "year", kind "age"); odds as a ratio ("one-in-three" -> 0.333 "ratio", kind "odds").
- Dates have unit "date": ``YYYYMMDD`` with a year, ``MMDD`` without one ("Oct. 7" -> 1007.0), so the year
  is never guessed; "October 2023" is ``YYYYMM``, unit "year-month". A date's counted thing names the event
  it dates ("date of the explosion"), from the sentence.
- Vague quantities are ranges, kind "vague": "hundreds" -> 200..999, "dozens" -> 24..99.
- Ordinals are kept only before the noun they number ("the third day"); years ("in 2023") have kind "year".
- Numbers that are part of a name or an identifier ("Operation 7", "COVID-19", "F-16", "9/11") and clock
  times ("10:30", "8 a.m.") are dropped: they are not quantities anyone could disagree about.
- ``incident`` marks figures of another incident than the event (a "Meanwhile," paragraph, a list box of past
  incidents, a toll dated to an earlier time or compared with the event's; `figures.incidents`): what they
  count says so ("killed in another incident"), and such tolls meet one another only at an equal value.
- ``chrome`` marks figures inside the page furniture that `app.core.furniture` finds (captions, bylines,
  datelines, headings, boxes) and reading times ("3 min read").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from app.core.figures.frames import (
    COUNT_KINDS,
    NEAR,
    OTHER_INCIDENT,
    SHARES_NOUN,
    People,
    SentenceMatches,
    context_around,
    counted_phrase,
    has_own_predicate,
    incident_openings,
    join_counted,
    location,
    person_of_age,
    sentence_source,
    sentence_starts_of,
    starts_new_predication,
    time_reference,
    with_person,
)
from app.core.figures.incidents import compared_toll, is_toll, latest_year, list_box_sentences, past_toll
from app.core.figures.scan import KINDS_WITH_QUALIFIER, Draft, scan, settle_by_article
from app.core.furniture import FurnitureSpan, furniture_spans, in_furniture
from app.core.lexicon.frames import FUNCTION_WORDS
from app.core.records import Figure

# Dates and years are times themselves; they are not "as of" anything.
_UNDATED_KINDS = frozenset({"date", "year"})


# "3 min read" inside a line of text: a reading time, not a duration of the story.
_READ_TIME = re.compile(r"[ ]*(?i:read|reading[ ]time)\b")


def is_read_time(body: str, draft: Draft) -> bool:
    unit_word = (draft.unit_word or "").lower()
    return unit_word.startswith("min") and _READ_TIME.match(body, draft.end) is not None


# "1 min ago", "3 hrs ago": a feed's stamp in clipped units (a story writes "three hours ago"); "all 371 news
# articles »": a news aggregator's link to its cluster.
_CLIPPED_STAMP_UNITS = frozenset({"min", "mins", "hr", "hrs"})
_CLUSTER_BEFORE = re.compile(r"(?i:all)[ ]\Z")
_CLUSTER_AFTER = re.compile(r"[ ](?i:news[ ])?(?i:articles|stories|sources)[ ]*»")


def is_feed_chrome(body: str, draft: Draft) -> bool:
    unit_word = (draft.unit_word or "").lower()
    if draft.kind == "time_ago" and unit_word in _CLIPPED_STAMP_UNITS:
        return True
    return (
        draft.kind == "count"
        and _CLUSTER_BEFORE.search(body, max(0, draft.start - 4), draft.start) is not None
        and _CLUSTER_AFTER.match(body, draft.end) is not None
    )


# "Copyright 2018.", "© 2018 Example News" inside a line of text: the page's notice, not a year of the story.
_COPYRIGHT_BEFORE = re.compile(r"(?:\b(?i:copyright)|©|\((?i:c)\))[ ]*(?:©[ ]*)?\Z")


def is_copyright_year(body: str, draft: Draft) -> bool:
    return (
        draft.kind == "year"
        and _COPYRIGHT_BEFORE.search(body, max(0, draft.start - 16), draft.start) is not None
    )


# Between a figure and its conversion in brackets: "2,700 km (1,680 miles)", "550 km (about 340 miles)".
# "fined 30,000 Egyptian pounds each ($1,688)": a distributive word may stand between them.
_CONVERSION_BETWEEN = re.compile(r"(?:[ ]+(?i:each|apiece))?[ ]*\([ ]*")


# Quote marks and brackets a sentence may open with before its first word.
_OPENERS = "\"'“‘(["


def _indefinite_one(body: str, draft: Draft, sentence_start: int) -> bool:
    """ "One witness said ...", "One picture shows ...", "he told one reporter", "one union official said": a
    sentence opening on "One" and a noun, or a speaker named as "one <noun>", with no predicate that counts it,
    picks out someone; it counts nothing ("One man died" does)."""
    text = body[draft.start : draft.end]
    if text == "One" and not body[sentence_start : draft.start].strip(_OPENERS + " \n"):
        return True
    if text.lower() == "one" and _PARTICIPLE_AFTER.match(body, draft.end):
        before = body[max(0, draft.start - 8) : draft.start]
        if _LIST_ITEM_ONE.search(before) or re.search(r"\band[ ]+\Z", before):
            return True
    return text == "one" and (
        _SPEAKS_BEFORE.search(body, max(0, draft.start - 16), draft.start) is not None
        or _SPEAKS_AFTER.match(body, draft.end, min(len(body), draft.end + 60)) is not None
    )


# "two of the people said", "three of those officials told": a part of the unnamed sources, which counts nothing.
_SOURCES_PART_AFTER = re.compile(
    r"[ ]+of[ ]+(?:the|those)(?:[ ]+[A-Za-z’'-]+){1,3}?[ ]+(?:said|say|says|told|tell|confirmed)\b"
)


def _sources_part(body: str, draft: Draft) -> bool:
    value = draft.value or 0
    return draft.kind == "count" and 1 < value <= 5 and _SOURCES_PART_AFTER.match(body, draft.end) is not None


# "told one reporter", "said one Democrat", "according to one official": the verb that gives the speaker.
_SPEAKS_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|according[ ]to|tweeted|wrote|posted|commented|added|asked|replied)[ ]+\Z"
)
# "one union official said", "one Democrat, who asked not to be named, said".
_SPEAKS_AFTER = re.compile(
    r"(?:[ ]+[A-Za-z’'-]+){1,3}?(?:,[^,.\n]{1,40},)?[ ]+(?:said|says|told|tweeted|wrote|posted|commented)\b"
)
# "two bills, one looking at children's health and one requiring ...", "two pieces: One commissioning research":
# an item of a list just counted, told by its participle.
_LIST_ITEM_ONE = re.compile(r"[,:;][ ]+\Z")
_PARTICIPLE_AFTER = re.compile(r"[ ]+[a-z]{3,}ing\b")


_WORD_BEFORE = re.compile(r"(?P<word>[A-Za-z]+)[ ]+\Z")


def _after_a_verb(body: str, start: int) -> bool:
    """Whether the word before a number is a content word (a verb taking it as object: "infected 3,000"),
    not a preposition or an article ("to 200,000", "the 3,000")."""
    before = _WORD_BEFORE.search(body, max(0, start - 24), start)
    return before is not None and before.group("word").lower() not in FUNCTION_WORDS


def extract_figures(body: str, furniture: Sequence[FurnitureSpan] | None = None) -> list[Figure]:
    """Every figure in ``body`` in reading order, with offsets into ``body``. A figure inside the page
    furniture (``furniture``, as `furniture_spans` finds it; found here when not given) is flagged chrome."""
    drafts = scan(body)
    if not drafts:
        return []
    settle_by_article(body, drafts)
    sentence_starts = sentence_starts_of(body)
    incidents = incident_openings(body, sentence_starts)
    list_boxes = list_box_sentences(body, sentence_starts)
    latest = latest_year(body)
    sources: dict[int, str | None] = {}
    sentence: SentenceMatches | None = None
    lowered: str | None = body.lower()
    if len(lowered) != len(body):
        lowered = None  # "İ" lowers to two characters: offsets would drift
    # Page furniture is found by the one furniture finder: a figure inside it is chrome.
    if furniture is None:
        furniture = furniture_spans(body)
    figure_starts = [d.start for d in drafts]
    figures: list[Figure] = []
    people = People(body)
    previous_verb: tuple[int, str | None] = (-1, None)
    previous_noun: tuple[int, int, str | None] = (-1, -1, None)  # sentence start, number end, noun
    previous_object = False  # the previous count stands right after a word that is no function word
    for index, draft in enumerate(drafts):
        sentence_index = bisect.bisect_right(sentence_starts, draft.start) - 1
        sentence_start = sentence_starts[sentence_index]
        sentence_end = (
            sentence_starts[sentence_index + 1] if sentence_index + 1 < len(sentence_starts) else len(body)
        )
        if sentence is None or sentence.start != sentence_start:
            sentence = SentenceMatches(body, sentence_start, sentence_end, lowered)
        counted, verb, noun = counted_phrase(body, draft, sentence, drafts, figure_starts, index)
        if verb is None and draft.kind == "count" and _indefinite_one(body, draft, sentence_start):
            continue
        if verb is None and _sources_part(body, draft):
            continue
        if (is_copyright_year(body, draft) or is_feed_chrome(body, draft)) and not in_furniture(
            furniture, draft.start, draft.end
        ):
            # A notice or a feed's stamp inside a line of text: no figure of the story, so none is offered at all
            # (a chrome flag would still reach readers of the API).
            continue
        if (
            verb is not None
            and noun is None
            and previous_noun[0] == sentence_start
            and previous_noun[2] is not None
            # The earlier number is a predicate's object ("infected 3,000 pigs and killed 40"), not a
            # preposition's: "cut power to 200,000 homes and killed three" kills no homes.
            and (previous_verb[1] is not None or previous_object)
            and draft.start - previous_noun[1] <= NEAR
            and SHARES_NOUN.fullmatch(body, previous_noun[1], draft.start)
        ):
            # "41 people were killed and 112 injured", "killing 47 people and injuring 112": the second
            # number counts the same noun. An aside ("including 9 children, and 112 were injured") has a
            # comma in between and keeps its own reading.
            counted = join_counted(previous_noun[2], verb, location(body, draft.number_end, None))
        if (
            verb is None
            and draft.kind in COUNT_KINDS
            and previous_verb[0] == sentence_start
            and not starts_new_predication(body, previous_noun[1], draft.start)
            and not has_own_predicate(body, draft.number_end)
        ):
            # "killed 52 miners, including at least 9 apprentices": the clause of the second
            # number has no verb of its own and shares the previous number's.
            verb = previous_verb[1]
            if verb is not None:
                counted = join_counted(counted, verb, location(body, draft.number_end, counted))
        if draft.kind in COUNT_KINDS:
            previous_verb = (sentence_start, verb)
            previous_noun = (sentence_start, draft.number_end, noun)
            previous_object = _after_a_verb(body, draft.start)
        if (
            counted is None
            and figures
            and figures[-1].kind == draft.kind
            and figures[-1].counted is not None
            and _CONVERSION_BETWEEN.fullmatch(body, figures[-1].end, draft.start)
        ):
            # "flew 2,700 km (1,680 miles)": the outlet's conversion measures what the figure before it does.
            counted = figures[-1].counted
        person = None
        if draft.kind == "age":
            people.sentence_start = sentence_start
            previous_start = sentence_starts[max(0, sentence_index - 1)]
            person = person_of_age(body, draft, people, previous_start)
            # What follows "a 38-year-old" describes the person ("husband", "Dutchman"); it is not what the
            # age counts, and outlets describe one person differently: whose age it is goes in the context.
            counted = None
        incident = incidents[sentence_index] or list_boxes[sentence_index]
        if incident is None and draft.kind in COUNT_KINDS and is_toll(verb):
            # "kills 12 people in 2009", "surpassing the 49 killed at ...": another incident's toll.
            incident = past_toll(body, sentence_start, sentence_end, draft.start, draft.end, latest) or (
                compared_toll(body, sentence_start, draft.start)
            )
        if incident is not None and counted is not None:
            # "Meanwhile, six people died when a seaplane crashed": not the event's toll.
            counted = f"{counted} {OTHER_INCIDENT}"
        chrome = in_furniture(furniture, draft.start, draft.end) or is_read_time(body, draft)
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
                    sentence_source(body, sentence_start, sentence_end, sources)
                    if draft.kind in KINDS_WITH_QUALIFIER and not chrome
                    else None
                ),
                kind=draft.kind,
                chrome=chrome,
                context=None
                if chrome
                else with_person(context_around(body, draft, sentence_start, sentence_end), person),
                time_ref=None if chrome or draft.kind in _UNDATED_KINDS else time_reference(sentence, draft),
                incident=incident,
            )
        )
    return figures
