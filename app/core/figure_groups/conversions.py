"""Conversions: a figure printed again right after itself in another unit ("2,700 km (1,680 miles)"), kept in
its figure's group and left out of the status.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from app.core.figure_groups.item import FigureItem

# At most this many characters between a figure and its conversion: " (", "/", " / ".
_CONVERSION_GAP = 3


# A conversion is rounded as printed ("2,700 km (1,680 miles)" is 0.1% apart, "400-pound (181-kg)" 0.2%):
# two adjacent measures further apart than this are two quantities.
_CONVERSION_TOLERANCE = 0.05


_LETTERS = re.compile(r"[a-z]+")


def conversion_of(item: FigureItem, before: FigureItem) -> bool:
    """``item`` is ``before`` printed again in another unit, right after it: "2,700 km (1,680 miles)",
    "400-pound (181-kg)". Both are normalised to one unit, so the values agree within a conversion's rounding;
    the printed unit words differ."""
    if (
        item.article_key != before.article_key
        or item.start is None
        or before.end is None
        or not 0 <= item.start - before.end <= _CONVERSION_GAP
        or item.kind not in _CONVERTED_KINDS
        or before.kind != item.kind
        or not item.unit
        or item.unit != before.unit
        or item.value is None
        or before.value is None
        or item.value_high is not None
        or before.value_high is not None
    ):
        return False
    if _LETTERS.findall(item.text.lower()) == _LETTERS.findall(before.text.lower()):
        return False
    larger = max(abs(item.value), abs(before.value))
    return larger > 0 and abs(item.value - before.value) <= _CONVERSION_TOLERANCE * larger


# Kinds printed with a unit that outlets convert (a length, a weight, a speed); money is not normalised
# across currencies, so "£25m ($32m)" is never two equal values.
_CONVERTED_KINDS = frozenset({"measure", "speed"})


def follow_conversions(new: Sequence[FigureItem], result: list[int]) -> None:
    """Put each conversion in its figure's group (in place). The two were placed one by one, and the
    wording may sit beside either ("the missile flew 2,700 km (1,680 miles)" counts nothing for the km): the
    pair takes the group one of them found among stored groups, the figure's first; a new group started by
    one of them alone is dropped."""
    # Each figure by where it ends: a conversion's figure is found in constant time, never by a scan.
    ending = {(item.article_key, item.end): index for index, item in enumerate(new) if item.end is not None}
    # How many figures each group holds, kept as figures move: counting anew per pair would be quadratic.
    members = Counter(result)
    for index, item in enumerate(new):
        if item.start is None:
            continue
        partner = next(
            (
                j
                for gap in range(_CONVERSION_GAP + 1)
                if (j := ending.get((item.article_key, item.start - gap))) is not None
                and j != index
                and conversion_of(item, new[j])
            ),
            None,
        )
        if partner is None:
            continue
        mine, theirs = result[index], result[partner]
        if mine == theirs:
            continue
        alone = {g for g in (mine, theirs) if g < 0 and members[g] == 1}
        moved, to = (partner, mine) if theirs in alone and mine not in alone else (index, theirs)
        members[result[moved]] -= 1
        members[to] += 1
        result[moved] = to


def stated(members: Sequence[FigureItem]) -> list[FigureItem]:
    """The members a status weighs: a bracketed conversion ("2,700 km (1,680 miles)") restates its figure,
    already a member, in another unit, so an outlet that prints "2,700 km" alone agrees with it."""
    converted = conversions(members)
    return [m for index, m in enumerate(members) if index not in converted]


def conversions(items: Sequence[FigureItem]) -> set[int]:
    """The positions of the items that restate another of the items in another unit (``conversion_of``). A
    conversion the outlet qualifies ("770 kilometers (about 500 miles)", 478 exactly) is its own rounding of
    the figure, weighed like any member: it makes the group a compatible conflict."""
    ending = {(item.article_key, item.end): index for index, item in enumerate(items) if item.end is not None}
    return {
        index
        for index, item in enumerate(items)
        if item.start is not None
        and not item.qualifier
        and any(
            (j := ending.get((item.article_key, item.start - gap))) is not None
            and j != index
            and conversion_of(item, items[j])
            for gap in range(_CONVERSION_GAP + 1)
        )
    }
