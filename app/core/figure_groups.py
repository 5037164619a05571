"""Figure groups: the same measured quantity across outlets, its status (agree, conflict, single) and label.

Two figures are one quantity when they count the same thing (same content words of the counted phrase,
so a subset such as "children killed" stays apart from "Palestinians killed") in compatible units. That
is an equivalence, so groups do not depend on the order articles arrive in.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from app.core.similarity import content_stems


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


GroupStatus = Literal["agree", "conflict", "single"]


def quantity_key(item: FigureItem) -> tuple[str, str, tuple[str, ...]] | None:
    """What makes two figures one quantity: kind, unit and the sorted content stems of the counted thing.

    None when the figure says nothing about what it counts: such a figure is never grouped, because two
    bare numbers that happen to be equal are not evidence of one quantity.
    """
    return _quantity_key(item.kind, item.unit or "", item.counted_key or "")


# Head nouns that add nothing to what is counted: "1,400 people killed" counts the killed.
_GENERIC = frozenset({"peopl", "person", "individual"})  # stems, as content_stems gives them


def _place_word(stem: str) -> str:
    """Fold a demonym onto its place so that "Israelis killed" meets "people killed in Israel".

    Stems only ("israeli", "palestinian", "ukrainian", "syria"); a subset such as "children" is untouched.
    """
    if len(stem) > 5 and stem.endswith("ian"):
        return stem[:-3]
    if len(stem) > 4 and stem.endswith("ia"):
        return stem[:-2]
    if len(stem) > 4 and stem.endswith("i") and stem[-2] not in "aeiou":
        return stem[:-1]
    return stem


@lru_cache(maxsize=20_000)
def _quantity_key(kind: str, unit: str, counted_key: str) -> tuple[str, str, tuple[str, ...]] | None:
    stems = tuple(sorted({_place_word(w) for w in content_stems(counted_key) if w not in _GENERIC}))
    return (kind, unit, stems) if stems else None


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


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _comparable(value: float | None, other: float | None, unit: str | None) -> float | None:
    """A date printed without its year is ``MMDD``: compare a dated ``YYYYMMDD`` on month and day only."""
    if unit == "date" and value is not None and other is not None and other < 10_000 <= value:
        return value % 10_000
    return value


def group_status(members: Sequence[FigureItem]) -> GroupStatus:
    """``single`` when one article carries the group, ``agree`` when every member gives the same normalised
    value (and range), ``conflict`` otherwise. Qualifiers are deliberately ignored: "at least 3,478" and
    "4,137" are a conflict even though both can be true, and the page shows the qualifiers beside them.
    Dates with and without a year ("12 March 2026", "March 12") agree when month and day do."""
    if len({m.article_key for m in members}) <= 1:
        return "single"
    first = members[0]
    for member in members[1:]:
        value = _comparable(first.value, member.value, first.unit)
        other = _comparable(member.value, first.value, member.unit)
        if not (_same_value(value, other) and _same_value(first.value_high, member.value_high)):
            return "conflict"
        if (first.unit or "") != (member.unit or ""):
            return "conflict"
    return "agree"


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
