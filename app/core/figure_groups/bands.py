"""Bands of near values: the bounded index through which the pairwise evidence (``figures.evidence``) weighs
a figure that neither its wording nor an equal value placed.
"""

from __future__ import annotations

import math
from collections.abc import Container

from app.core.figure_groups.item import FigureItem, value_key_of
from app.core.figures import evidence, keys


def band_key(item: FigureItem) -> str | None:
    """The band of values a figure sits in, for the evidence: one band per factor of ``evidence.FAR_RATIO``
    squared of one kind family and unit, so that every figure within FAR_RATIO of another sits in its band or
    the neighbour nearer to it; a date, year or age sits in the band of its exact value (only equal ones are
    evidence)."""
    value_key = value_key_of(item)
    if value_key is None or item.value is None or item.value <= 0:
        return None
    if item.kind in keys.DATING_KINDS:
        return "band " + "|".join(map(str, value_key))
    return f"band {value_key[0]}|{value_key[1]}|{_band(item.value)}"


def near_bands(item: FigureItem) -> list[str]:
    """The bands a new figure looks in: its own and, for a quantity, the neighbour its value lies nearer to
    (values within FAR_RATIO of it span one band's width, so they lie in these two)."""
    own = band_key(item)
    if own is None or item.kind in keys.DATING_KINDS or item.value is None:
        return [] if own is None else [own]
    prefix = own.rsplit("|", 1)[0]
    place = math.log(item.value) / _BAND_WIDTH
    band = math.floor(place)
    return [own, f"{prefix}|{band - 1 if place - band < 0.5 else band + 1}"]


# Each band spans a factor of FAR_RATIO squared: two lookups per figure cover every value within FAR_RATIO.
_BAND_WIDTH = 2 * math.log(evidence.FAR_RATIO)


def _band(value: float) -> int:
    return math.floor(math.log(value) / _BAND_WIDTH)


# The groups one band offers the evidence, the first-founded first: a band crowded with one-off numbers
# ("edition 412", a score, a page count) stays bounded, so an add costs the same however large the event.
# A real event's band holds a handful of groups; a later group of a full band is still found by its wording
# and its value, only not by evidence. The store keeps the same first groups (``band_is_full``).
BAND_CAPACITY = 8


def index_by_band(index: dict[str, list[tuple[FigureItem, int]]], item: FigureItem, group_key: int) -> None:
    if (band := band_key(item)) is None:
        return
    entries = index.setdefault(band, [])
    if not band_is_full({g for _, g in entries} - {group_key}):
        entries.append((item, group_key))


def band_is_full(groups: set[int]) -> bool:
    """Whether a band already offering these groups takes no other."""
    return len(groups) >= BAND_CAPACITY


def by_evidence(
    index: dict[str, list[tuple[FigureItem, int]]], item: FigureItem, excluded: Container[int]
) -> list[tuple[float, int]]:
    """The groups whose figures give evidence above ``evidence.LINK_THRESHOLD`` of being this figure's
    quantity, as (score, group), the strongest first (ties to the lowest group)."""
    best: dict[int, float] = {}
    for band in near_bands(item):
        for other, group_key in index.get(band, ()):
            if group_key in excluded:
                continue
            linked = evidence.linked(item, other)
            if linked is not None and linked > best.get(group_key, -1.0):
                best[group_key] = linked
    return sorted(((p, g) for g, p in best.items()), key=lambda pg: (-pg[0], pg[1]))
