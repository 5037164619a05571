"""A group's summary: its status by the core's one rule, its label and its stored context."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.core.figure_groups.conversions import stated
from app.core.figure_groups.item import FigureItem
from app.core.figures.status import GroupStatus, Reading, figure_status

# A group's stored context (``FigureGroup.context``) holds at most this many characters.
CONTEXT_LIMIT = 300


def merged_context(kept: str | None, added: str | None, limit: int = CONTEXT_LIMIT) -> str | None:
    """A group's stored context (``FigureGroup.context``) after a member joined: the words it had, then the
    member's new words while they fit in ``limit`` characters. The grouping itself reads each offered
    member's own context (see ``MEMBER_LIMIT``); this is the group's record of them."""
    words = (kept or "").split()
    seen = set(words)
    length = len(kept or "")
    for word in (added or "").split():
        if word in seen or length + len(word) + (1 if length else 0) > limit:
            continue
        words.append(word)
        seen.add(word)
        length += len(word) + (1 if length else 0)
    return " ".join(words) or None


def reading(item: FigureItem) -> Reading:
    return Reading(item.article_key, item.value, item.value_high, item.unit, item.qualifier, item.text)


def group_status(members: Sequence[FigureItem]) -> GroupStatus:
    """The group's status by the core's one rule (``figures.status.figure_status``)."""
    return figure_status([reading(m) for m in members])[0]


def group_status_compatible(members: Sequence[FigureItem]) -> tuple[GroupStatus, bool]:
    """(status, compatible) by the core's one rule, without the members that only convert another."""
    return figure_status([reading(m) for m in stated(members)])


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
