"""Sentence siblings: the other values one sentence prints with a figure, by which two outlets that print the
same two numbers together say one fact (``by_cooccurrence``).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from app.core.figure_groups.item import (
    AGO,
    FRAMED,
    NEVER_BY_CONTEXT,
    OF_ONE_PERSON,
    FigureItem,
    ValueKey,
    counted_words,
    timing_of,
    value_key_of,
)
from app.core.figure_groups.values import SMALL_COUNT, ValueIndex
from app.core.figures import evidence, keys


def _anchors(item: FigureItem) -> bool:
    """Whether a figure's value is rare enough in one story to vouch for a neighbour in its sentence: not a
    small count ("two", "three" recur everywhere), an ordinal or an age (said of many people and places)."""
    if item.value is None or item.kind in NEVER_BY_CONTEXT | OF_ONE_PERSON:
        return False
    return not (keys.family(item.kind) == "count" and item.value < SMALL_COUNT)


def sibling_values(items: Sequence[FigureItem]) -> list[frozenset[ValueKey]]:
    """For each item, the values of the other figures its article prints in the same sentence (see
    ``_same_sentence``), of the figures that may vouch for it (``_anchors``). Each figure looks at most
    SIBLING_SPAN neighbours either side in its article, so the cost is linear however many it holds."""
    by_article: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        if item.start is not None and _anchors(item):
            by_article.setdefault(item.article_key, []).append(index)
    found: list[set[ValueKey]] = [set() for _ in items]
    for positions in by_article.values():
        positions.sort(key=lambda i: items[i].start or 0)
        for n, i in enumerate(positions):
            for j in positions[n + 1 : n + 1 + SIBLING_SPAN]:
                a, b = items[i], items[j]
                if not _same_sentence(a, b):
                    continue
                value_a, value_b = value_key_of(a), value_key_of(b)
                if value_a is not None and value_b is not None and value_a != value_b:
                    found[i].add(value_b)
                    found[j].add(value_a)
    return [frozenset(f) for f in found]


def _same_sentence(a: FigureItem, b: FigureItem) -> bool:
    """Two figures of one article in one sentence: printed close together, and the stems of their sentences
    (near and far words, ``keys.sentence_words``) mostly the same."""
    if a.start is None or b.start is None or abs(a.start - b.start) > SIBLING_REACH:
        return False
    words_a, words_b = keys.sentence_words(a.context), keys.sentence_words(b.context)
    union = words_a | words_b
    return bool(union) and len(words_a & words_b) >= SAME_SENTENCE_SHARE * len(union)


# Figures printed further apart than this (characters) are never taken for one sentence's.
SIBLING_REACH = 300


# The share of their sentences' stems two close figures hold in common when they sit in one sentence.
SAME_SENTENCE_SHARE = 0.7


# How many later figures of its article each figure compares with for ``sibling_values``.
SIBLING_SPAN = 8


def by_cooccurrence(
    index: ValueIndex,
    item: FigureItem,
    siblings: frozenset[ValueKey],
    excluded: Container[int],
) -> int | None:
    """The group of an equal value whose sentence, in another outlet, also prints one of the values this
    figure's sentence prints: "1.6 million arrests in 2000" and "at the peak in 2000, 1.6 million" say the two
    numbers of one fact together, however different the words around them. Only values that may vouch
    (``_anchors``) on both sides, never across the hard gates (two predicates, a subset and its total, a framed
    length and the time since an event), never two counted phrases that share no noun. Ties to the group
    with the most shared values, then the lowest key."""
    value_key = value_key_of(item)
    if value_key is None or not siblings or not _anchors(item):
        return None
    counted = counted_words(item)
    own_marks = evidence.marks(item)
    timing = timing_of(item)
    best: dict[int, int] = {}
    for _, other_counted, group_key, _, other_timing, other_marks, _, other_siblings, _ in index.get(
        value_key, ()
    ):
        shared = len(siblings & other_siblings)
        if not shared or group_key in excluded:
            continue
        if evidence.marks_differ(own_marks, other_marks) or {timing, other_timing} == {AGO, FRAMED}:
            continue
        if counted and other_counted and not evidence.heads_agree(counted, other_counted):
            continue
        best[group_key] = max(best.get(group_key, 0), shared)
    if not best:
        return None
    return min(best, key=lambda g: (-best[g], g))
