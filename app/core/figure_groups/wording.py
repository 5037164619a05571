"""Figures of one wording (quantity key): the groups each key offers, which of them a figure may join, and which
of one article's figures of that wording competes for a group.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.figure_groups.item import FigureItem, context_of, quantity_key, value_key_of
from app.core.figures import evidence, keys


def wording_rivals(
    new: Sequence[FigureItem],
) -> dict[tuple[int, tuple[str, str, tuple[str, ...]]], list[int]]:
    """Per article and quantity key, the positions of its first KEY_RIVALS figures of that wording (see
    ``nearer_rival``); bounded so that a hostile article of one wording a thousand times costs linear time."""
    found: dict[tuple[int, tuple[str, str, tuple[str, ...]]], list[int]] = {}
    for position, item in enumerate(new):
        key = quantity_key(item)
        if key is None or item.value is None:
            continue
        positions = found.setdefault((item.article_key, key), [])
        if len(positions) < KEY_RIVALS:
            positions.append(position)
    return found


def nearer_rival(
    new: Sequence[FigureItem], position: int, rivals: Sequence[int], founder: FigureItem
) -> bool:
    """Whether another figure of this article, of the same wording and another value, lies nearer the group's
    founding value than this one: an outlet that gives "2,735 km" and "3,700 km" travelled (two launches)
    offers a group founded on "2,700 km" to the first, whichever it prints first."""
    item = new[position]
    if item.value is None or founder.value is None or position not in rivals:
        return False
    own = evidence.ratio(item, founder)
    value_key = value_key_of(item)
    return any(
        other != position
        and value_key_of(new[other]) != value_key
        and evidence.ratio(new[other], founder) < own
        for other in rivals
    )


# Of one article's figures of one wording, the first this many compete for a group (``nearer_rival``).
KEY_RIVALS = 8


def add_founder(
    groups: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, frozenset[str], FigureItem]]],
    in_groups: dict[tuple[str, str, tuple[str, ...]], set[int]],
    key: tuple[str, str, tuple[str, ...]],
    group_key: int,
    item: FigureItem,
) -> None:
    """Record ``item`` as the founder of ``group_key`` under its quantity key, unless the group already has
    one there or the key already offers KEY_CAPACITY groups (the first-founded are kept)."""
    held = in_groups.setdefault(key, set())
    if group_key in held or len(held) >= KEY_CAPACITY:
        return
    held.add(group_key)
    groups.setdefault(key, []).append((group_key, context_of(item), item))


# One quantity key offers at most this many groups, the first-founded first: a hostile article of a thousand
# "N people killed" of different values starts a group each, and every later figure of that wording would
# weigh them all. Real events hold a handful per key.
KEY_CAPACITY = 32


def group_of_key(
    key: tuple[str, str, tuple[str, ...]],
    candidates: list[tuple[int, frozenset[str], FigureItem]],
    item: FigureItem,
) -> int | None:
    """The group a figure joins through its quantity key. A key made of a frame alone ("cost", "damage")
    says what money is about but not whose: "up to $2 billion" of one bank's cost and "$1-3 billion" of
    another's must also share a word of context beyond the frame; a key naming a thing decides alone.
    Never a group whose founding value is too far from this one to be one quantity ("six arrests" one
    night and "47 arrests" in all name one thing but count two)."""
    far = MEASURE_FAR_RATIO if item.kind in _MEASURED_KINDS else KEY_FAR_RATIO
    candidates = [c for c in candidates if not evidence.too_far(item, c[2], ratio=far)]
    # A group founded on this very value first: when an outlet's two values of one wording started two
    # groups, a later outlet's value joins its own, whichever group is older.
    value_key = value_key_of(item)
    candidates.sort(key=lambda c: value_key_of(c[2]) != value_key)
    if not candidates:
        return None
    if not keys.frame_only(key):
        return candidates[0][0]
    context = context_of(item) - set(key[2])
    if not context:
        return None
    for group_key, founder, _ in candidates:
        if context & (founder - set(key[2])):
            return group_key
    return None


# Values of one wording further apart than this factor are two quantities unless their qualifiers make them
# compatible: wider than the evidence's FAR_RATIO because the wording already says they are one thing (a toll
# or a count of homes grows as reports come in: "40 homes destroyed" and "65"), while a part and its total ("six
# arrests" overnight, "47" in all) are many times apart.
KEY_FAR_RATIO = 2.0


# The same for a measure ("550 km" high, "2,700 km" travelled): one thing measured is reported within a
# conversion's rounding or a revision (every tune conflict of one wording lies within 1.2), so measures 1.4 to
# 1.8 apart in one wording ("550 km" and "770 km" reached, "2,700 km" and "3,700 km" travelled) are two
# launches, two legs, two things.
MEASURE_FAR_RATIO = 1.3


_MEASURED_KINDS = frozenset({"measure", "speed"})
