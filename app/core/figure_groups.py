"""Figure groups: the same measured quantity across outlets, its status (agree, conflict, single) and label.

Two figures are one quantity when they count the same thing (the same frame and content words of the counted
phrase, so a subset such as "children killed" stays apart from "Palestinians killed") in compatible units.
That is an equivalence, so groups do not depend on the order articles arrive in. The status is the core's one
rule, ``figures.status.figure_status``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.figures import keys
from app.core.figures.status import GroupStatus, Reading, figure_status


@dataclass(frozen=True, slots=True)
class FigureItem:
    """One non-chrome figure to group. ``counted`` (added, optional) is the counted phrase as printed,
    used only for labels; ``counted_key`` is its normalised form."""

    key: int
    article_key: int
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    counted_key: str | None
    kind: str
    text: str
    counted: str | None = None
    # Content stems around the number (``Figure.context``): with an equal value, enough shared context
    # makes two figures one quantity when neither counts a noun the other does.
    context: str | None = None


@dataclass(frozen=True, slots=True)
class PlacedFigure:
    """A figure already stored, with its group."""

    item: FigureItem
    group_key: int


def quantity_key(item: FigureItem) -> tuple[str, str, tuple[str, ...]] | None:
    """What makes two figures one quantity: kind family, unit and the frames and stems of the counted
    thing (see ``figures.keys``). None when the figure says nothing about what it counts: such a figure is
    never grouped, because two bare numbers that happen to be equal are not evidence of one quantity."""
    return keys.quantity_key(item.kind, item.unit, item.counted_key)


def assign_figure_groups(new: Sequence[FigureItem], existing: Sequence[PlacedFigure]) -> list[int]:
    """For each new figure: the existing group it joins, or a negative key (-1, -2, ...) for a new group.

    All members of a group share its quantity key, so ``existing`` may hold just one figure per group;
    that keeps the cost of an add proportional to the number of groups.

    New figures that are one quantity share one negative key, so an article that repeats a figure
    starts a single group. When several existing groups hold the quantity (only possible if they were
    made by other means), the lowest key wins, for determinism.
    """
    groups: dict[tuple[str, str, tuple[str, ...]], int] = {}
    by_value: dict[tuple[str, str, float, float | None], list[tuple[frozenset[str], int]]] = {}
    for placed in existing:
        key = quantity_key(placed.item)
        if key is not None and (key not in groups or placed.group_key < groups[key]):
            groups[key] = placed.group_key
        _index_by_value(by_value, placed.item, placed.group_key)
    result: list[int] = []
    next_key = -1
    for item in new:
        key = quantity_key(item)
        if key is not None and key in groups:
            result.append(groups[key])
            continue
        found = _same_value_and_context(by_value, item) if item.kind not in _NEVER_BY_CONTEXT else None
        if found is None:
            found = next_key
            next_key -= 1
        if key is not None:
            groups[key] = found
        _index_by_value(by_value, item, found)
        result.append(found)
    return result


# Shared context stems that make two equal values one quantity. Small counts ("two", "one") recur in every
# story about different things, so they need two shared content words ("trains", "collided"); a value that
# rarely recurs by chance (an amount, a rate, a duration, a date, a count of ten or more) needs one.
MIN_SHARED_CONTEXT = 2
SMALL_COUNT = 10.0


def _needed_context(item: FigureItem) -> int:
    if keys.family(item.kind) == "count" and (item.value is None or item.value < SMALL_COUNT):
        return MIN_SHARED_CONTEXT
    return 1


# Ordinals rank rather than measure: an equal rank with a similar context is not evidence of one quantity.
_NEVER_BY_CONTEXT = frozenset({"ordinal"})


def _value_key(item: FigureItem) -> tuple[str, str, float, float | None] | None:
    if item.value is None:
        return None
    value, high = item.value, item.value_high
    if item.unit == "date":
        value, high = value % 10_000, None if high is None else high % 10_000
    # Rounded to 9 significant digits so that 2.07e9 printed two ways is one value.
    return (
        keys.family(item.kind),
        item.unit or "",
        float(f"{value:.9g}"),
        None if high is None else float(f"{high:.9g}"),
    )


def _context_of(item: FigureItem) -> frozenset[str]:
    words = set((item.context or "").split())
    if item.counted_key:
        words |= set(keys.counted_key(item.counted_key).split())
    return frozenset(words)


def _index_by_value(
    index: dict[tuple[str, str, float, float | None], list[tuple[frozenset[str], int]]],
    item: FigureItem,
    group_key: int,
) -> None:
    value_key = _value_key(item)
    context = _context_of(item)
    if value_key is not None and context:
        index.setdefault(value_key, []).append((context, group_key))


def _same_value_and_context(
    index: dict[tuple[str, str, float, float | None], list[tuple[frozenset[str], int]]], item: FigureItem
) -> int | None:
    """The group of an equal value whose context shares the most stems with this figure's (at least
    MIN_SHARED_CONTEXT, or all of the smaller context when it has fewer words); ties to the lowest key."""
    value_key = _value_key(item)
    context = _context_of(item)
    if value_key is None or not context:
        return None
    best: tuple[int, int] | None = None
    for other, group_key in index.get(value_key, ()):
        shared = len(context & other)
        needed = min(_needed_context(item), len(context), len(other))
        if shared >= max(1, needed) and (best is None or (-shared, group_key) < best):
            best = (-shared, group_key)
    return None if best is None else best[1]


def reading(item: FigureItem) -> Reading:
    return Reading(item.article_key, item.value, item.value_high, item.unit, item.qualifier)


def group_status(members: Sequence[FigureItem]) -> GroupStatus:
    """The group's status by the core's one rule (``figures.status.figure_status``)."""
    return figure_status([reading(m) for m in members])[0]


def group_status_compatible(members: Sequence[FigureItem]) -> tuple[GroupStatus, bool]:
    """(status, compatible) by the core's one rule."""
    return figure_status([reading(m) for m in members])


def group_label(members: Sequence[FigureItem]) -> str:
    """A short label for the group: the counted phrase most outlets used ("Palestinians killed").

    Ties go to the shorter phrase, then alphabetical order, so the label is stable whatever the member
    order. Falls back to the counted key, then to the kind and unit.
    """
    phrases = Counter(m.counted.strip() for m in members if m.counted and m.counted.strip())
    if not phrases:
        phrases = Counter(m.counted_key.strip() for m in members if m.counted_key and m.counted_key.strip())
    if phrases:
        return min(phrases, key=lambda p: (-phrases[p], len(p), p))
    first = members[0] if members else None
    if first is None:
        return ""
    return f"{first.kind} ({first.unit})" if first.unit else first.kind
