"""Equal values: the bounded index of figures by value and the rules by which an equal value with enough
shared context (or an equal sole share, or the year next to it) is one quantity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Mapping, Sequence

from app.core.figure_groups.item import (
    AGO,
    FRAMED,
    MEASURED_WITH_UNIT,
    FigureItem,
    ValueKey,
    bare_noun,
    context_of,
    counted_words,
    sentence_of,
    timing_of,
    value_key_of,
)
from app.core.figures import evidence, keys
from app.core.figures.status import OCCURRENCES, bound
from app.core.lexicon.units import CAREER_TALLIES, HOURS_PER_YEAR

# Shared context stems that make two equal values one quantity. Small counts ("two", "one") recur in every
# story about different things, so they need two shared content words ("trains", "collided"); a value that
# rarely recurs by chance (an amount, a rate, a duration, a date, a count of ten or more) needs one.
MIN_SHARED_CONTEXT = 2


SMALL_COUNT = 10.0


# A value printed with this many significant digits ("14.3 percent", "$2.07 billion", "3,478") rarely recurs
# by chance in one event's coverage: equal, it is evidence of one quantity with no shared context at all.
DISTINCTIVE_DIGITS = 3


def _distinctive(item: FigureItem) -> bool:
    if item.value is None or item.value_high is not None or item.kind in keys.DATING_KINDS:
        return False
    if item.kind in MEASURED_WITH_UNIT:
        return True
    # Judged on the digits as printed: a unit's conversion ("five years" -> 43,800 hours) adds none.
    digits = "".join(c for c in item.text if c.isdigit()).lstrip("0").rstrip("0")
    return len(digits) >= DISTINCTIVE_DIGITS


# Shared stems of two whole sentences that make two equal values one quantity when their near words do
# not: the far words of a sentence are looser evidence than the near ones, so two are needed.
MIN_SHARED_SENTENCE = 2


def _reads_far_words(item: FigureItem) -> bool:
    """Whether a figure's far words may join it to an equal value: an amount of money, a share, a measure,
    a count of SMALL_COUNT or more, or a length of time shorter than a year. Small counts ("two") and years
    recur in one story for different things, and so do lengths of years (a career, a term, a forecast's
    horizon: "75 years" of two different projections), which still need near words."""
    if item.value is None:
        return False
    if item.kind == "duration":
        return item.value < HOURS_PER_YEAR
    if keys.family(item.kind) == "count":
        return item.value >= SMALL_COUNT
    return item.kind in _FAR_KINDS


# Kinds whose equal values may meet through the far words of their sentences (see ``_reads_far_words``).
_FAR_KINDS = frozenset({"money", "percent", "measure"})


def needed_context(item: FigureItem) -> int:
    if keys.family(item.kind) == "count" and (item.value is None or item.value < SMALL_COUNT):
        return MIN_SHARED_CONTEXT
    return 1


def occurrence_twin(item: FigureItem) -> tuple[str, str, float, float | None] | None:
    """A count of occurrences is kept apart from plain counts by its unit, so that its value never meets
    "two seasons"; this is the one key where it meets a named thing's equal count. The value key under which a count of occurrences ("twice") and an equal count of a named thing ("two
    red flags") meet: each other's. "The race was stopped twice" is its two red flags; a bare noun ("two
    seasons") is a tally, not occurrences, and an unnamed count ("two") says nothing of what occurred, so
    neither has a twin. Small counts still need two shared words of context to meet."""
    value_key = value_key_of(item)
    if value_key is None or value_key[0] != "count":
        return None
    if item.unit == OCCURRENCES:
        return (value_key[0], "", *value_key[2:])
    if not item.unit and counted_words(item) and not bare_noun(item):
        return (value_key[0], OCCURRENCES, *value_key[2:])
    return None


def index_by_value(
    index: ValueIndex,
    item: FigureItem,
    group_key: int,
    siblings: frozenset[ValueKey] = frozenset(),
) -> None:
    value_key = value_key_of(item)
    context = context_of(item)
    if value_key is not None and index.has_room(value_key, group_key):
        # Indexed even with no context: an equal distinctive value ("14.3 percent") needs none.
        index.add(
            value_key,
            group_key,
            (
                context,
                counted_words(item),
                group_key,
                bare_noun(item),
                timing_of(item),
                evidence.marks(item),
                sentence_of(item),
                siblings,
                bound(item.qualifier),
            ),
        )


_TALLY_STEMS = frozenset(keys.counted_key(word) for word in CAREER_TALLIES)


def same_value_and_context(
    index: ValueIndex,
    item: FigureItem,
    excluded: Mapping[int, frozenset[str]],
    only: set[int] | None = None,
) -> tuple[int, int] | None:
    """(shared stems, group) of the best match of ``value_and_context_matches``; ties to the lowest key."""
    matches = value_and_context_matches(index, item, excluded, only)
    return min(matches, key=lambda m: (-m[0], m[1])) if matches else None


def value_and_context_matches(
    index: ValueIndex,
    item: FigureItem,
    excluded: Mapping[int, frozenset[str]],
    only: set[int] | None = None,
    *,
    strict: bool = False,
) -> list[tuple[int, int]]:
    """Every group holding an equal value whose context shares enough stems with this figure's (at least
    MIN_SHARED_CONTEXT, or all of the smaller context when it has fewer words), as (shared stems, group),
    the most shared per group. ``strict``: two counted phrases must share a noun whatever their size (for
    the groups a figure bridges, which merge two groups rather than add one figure to one).
    Two figures that each count one bare noun must count the same one ("11 points" never meets "11 rebounds")
    unless the value is distinctive ("109 catches" and "109 passes" with shared context are one tally),
    and two small counts of nouns must share one ("2 young athletes" never meets "two first-class passengers")."""
    value_key = value_key_of(item)
    context = context_of(item)
    counted = counted_words(item)
    distinctive = _distinctive(item)
    if value_key is None or not (context or distinctive):
        return []
    small = needed_context(item) == MIN_SHARED_CONTEXT
    bare = bare_noun(item)
    best: dict[int, int] = {}
    twin = occurrence_twin(item)
    candidates = [*index.get(value_key, ()), *(_twins(index, twin, occurrences=item.unit == OCCURRENCES))]
    timing = timing_of(item)
    own_marks = evidence.marks(item)
    sentence = sentence_of(item) if _reads_far_words(item) else frozenset()
    for (
        other,
        other_counted,
        group_key,
        other_bare,
        other_timing,
        other_marks,
        other_sentence,
        *_,
    ) in candidates:
        if {timing, other_timing} == {AGO, FRAMED}:
            # "Five years ago" is never "sentenced to five years", however alike their sentences.
            continue
        if evidence.marks_differ(own_marks, other_marks):
            # "23 seriously injured" is never "23 injured", nor "14 killed" "14 injured", however alike
            # their sentences: the evidence's hard gates hold for equal values too.
            continue
        if group_key in excluded and not (counted and counted & excluded[group_key]):
            continue
        if only is not None and group_key not in only:
            continue
        # "21 girls" and "21 schoolgirls" count one noun: a compound is its head (``evidence.heads_agree``).
        apart = bool(counted and other_counted and not counted & other_counted)
        compound = apart and evidence.heads_agree(counted, other_counted)
        differ = apart and not compound
        if differ and (small or strict or (len(counted) == len(other_counted) == 1 and not distinctive)):
            continue
        if not other and not distinctive:
            continue
        common = context & other
        if bare or other_bare:
            # A career's tally is in both contexts whenever it is counted in both ("eight seasons" of two
            # players): only other shared words say the two counts are of one subject.
            common -= (counted | other_counted) & _TALLY_STEMS
        shared = len(common) + compound
        needed = (
            0 if distinctive and not differ else max(1, min(needed_context(item), len(context), len(other)))
        )
        # The subject of an amount is often named a clause away ("the longest government shutdown in
        # history ... for 35 days"): enough shared words in the two whole sentences make it one too.
        if (
            shared < needed
            and sentence
            and not differ
            and not (bare or other_bare)
            and len(sentence & other_sentence) >= MIN_SHARED_SENTENCE
        ):
            shared = needed
        if shared >= needed and shared >= best.get(group_key, -1):
            best[group_key] = shared
    return [(shared, group_key) for group_key, shared in sorted(best.items())]


def _twins(
    index: ValueIndex,
    twin: tuple[str, str, float, float | None] | None,
    *,
    occurrences: bool,
) -> list[Indexed]:
    """The indexed figures under a figure's occurrence twin that can be its twin: for a count of occurrences,
    the equal counts naming a thing that is no bare noun (the index holds unnamed counts under that key too)."""
    if twin is None:
        return []
    found = index.get(twin, ())
    return [entry for entry in found if entry[1] and not entry[3]] if occurrences else list(found)


# An indexed figure: (context stems, counted nouns, group, counts a bare noun, its timing, its predicates and
# severity, the stems of its whole sentence, the values its sentence also prints, its qualifier's bound).
Indexed = tuple[
    frozenset[str], frozenset[str], int, bool, str, evidence.Marks, frozenset[str], frozenset[ValueKey], str
]


def sole_value(index: ValueIndex, item: FigureItem, excluded: Container[int]) -> int | None:
    """The one group holding an equal share when no other group of the event holds it and this article prints
    it once: a "47 percent" no other number of the story shares is one quantity however differently two outlets
    frame it. Never across the hard gates, a bare noun, another bound ("more than 47 percent"), or two counted
    phrases that share no noun."""
    value_key = value_key_of(item)
    if value_key is None or not _reads_far_words(item) or item.kind not in _SOLE_KINDS:
        return None
    entries = index.get(value_key, ())
    holders = {entry[2] for entry in entries}
    if len(holders) != 1 or (group_key := next(iter(holders))) in excluded:
        return None
    counted = counted_words(item)
    own_marks = evidence.marks(item)
    own_bound = bound(item.qualifier)
    if not context_of(item):
        # A bare number with no word around it says nothing of what it is about.
        return None
    for other, other_counted, _, other_bare, _, other_marks, _, _, other_bound in entries:
        if not other:
            return None
        # "More than 400 pounds" beside a plain "400-pound": a floor is often a general fact (what such an
        # animal may weigh), not the reading of this one.
        if (
            other_bare
            or bare_noun(item)
            or evidence.marks_differ(own_marks, other_marks)
            or other_bound != own_bound
        ):
            return None
        if counted and other_counted and not evidence.heads_agree(counted, other_counted):
            return None
    return group_key


# Kinds a sole equal value joins (``sole_value``). Amounts and measures were tried too: on the tune events they
# let no number that must stay alone join, but on the held-out ones one trap and two such numbers joined (an
# amount or a length recurs in one story in other roles: allocated and spent, one leg and another), so shares
# only.
_SOLE_KINDS = frozenset({"percent"})


def adjacent_years(item: FigureItem) -> list[ValueKey]:
    """The value keys of the years either side of a year (``adjacent_year``)."""
    value_key = value_key_of(item)
    if item.kind != "year" or value_key is None or value_key[3] is not None:
        return []
    return [(*value_key[:2], value_key[2] + step, None) for step in (-1.0, 1.0)]


def adjacent_year(index: ValueIndex, item: FigureItem, excluded: Container[int]) -> int | None:
    """The group of the year before or after this one said with at least ADJACENT_YEAR_CONTEXT near words in
    common: outlets are off by one on when something began ("has led the party since 2002" and "since 2003")
    far more often than two different years of a story share three near words; such a group is a conflict.
    Ties to the most shared words, then the lowest key."""
    context = context_of(item)
    if len(context) < ADJACENT_YEAR_CONTEXT:
        return None
    best: dict[int, int] = {}
    for value_key in adjacent_years(item):
        for other, _, group_key, *_ in index.get(value_key, ()):
            shared = len(context & other)
            if shared >= ADJACENT_YEAR_CONTEXT and group_key not in excluded:
                best[group_key] = max(best.get(group_key, 0), shared)
    return min(best, key=lambda g: (-best[g], g)) if best else None


# Near words two years one apart share to be one year told two ways (see ``adjacent_year``).
ADJACENT_YEAR_CONTEXT = 3


# An equal value offers the context test at most this many groups, the first-founded first, and each of them
# at most VALUE_MEMBERS of its members of that value: a figure's lookup then costs a bounded amount however
# many times a hostile article repeats one value ("5 km, 5 km, ..." made grouping one article quadratic).
# Real events stay far below both: over every gold event one value is held by at most 14 groups, and one
# group holds one value at most 17 times.
VALUE_CAPACITY = 32


VALUE_MEMBERS = 24


class ValueIndex:
    """The figures of each value key (``value_key_of``), bounded per key (``VALUE_CAPACITY``, ``VALUE_MEMBERS``)."""

    __slots__ = ("_counts", "_entries")

    def __init__(self) -> None:
        self._entries: dict[ValueKey, list[Indexed]] = {}
        self._counts: dict[ValueKey, Counter[int]] = {}

    def get(self, value_key: ValueKey, default: Sequence[Indexed] = ()) -> Sequence[Indexed]:
        return self._entries.get(value_key, default)

    def has_room(self, value_key: ValueKey, group_key: int) -> bool:
        counts = self._counts.get(value_key)
        if counts is None:
            return True
        if group_key in counts:
            return counts[group_key] < VALUE_MEMBERS
        return len(counts) < VALUE_CAPACITY

    def add(self, value_key: ValueKey, group_key: int, entry: Indexed) -> None:
        self._entries.setdefault(value_key, []).append(entry)
        self._counts.setdefault(value_key, Counter())[group_key] += 1
