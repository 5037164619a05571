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
    for placed in existing:
        key = quantity_key(placed.item)
        if key is not None and (key not in groups or placed.group_key < groups[key]):
            groups[key] = placed.group_key
    result: list[int] = []
    next_key = -1
    for item in new:
        key = quantity_key(item)
        if key is None:
            result.append(next_key)
            next_key -= 1
            continue
        if key not in groups:
            groups[key] = next_key
            next_key -= 1
        result.append(groups[key])
    return result


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
