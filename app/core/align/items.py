"""What the alignment takes and gives: sentences to align, sentences already placed, and the update."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SentenceItem:
    """One quote sentence to align; ``speaker`` is the event's canonical display name or None."""

    key: int
    article_key: int
    speaker: str | None
    text: str


@dataclass(frozen=True, slots=True)
class PlacedSentence:
    """A sentence already stored, with the statements it belongs to (one or more)."""

    item: SentenceItem
    statement_keys: frozenset[int]


@dataclass(frozen=True, slots=True)
class StatementUpdate:
    """What adding sentences changes.

    ``placements[i]`` is the set of statements ``new[i]`` belongs to. Keys below zero are statements this
    update creates (-1, -2, ...); the caller gives them real keys. ``added`` maps every statement that
    gains members (existing or new) to the sentence keys that become members: the new sentences, and for
    a new statement also the existing sentences it takes in (the long sentence that contains a new half).
    Existing statements never lose members, so the caller only ever inserts.
    """

    placements: tuple[frozenset[int], ...]
    added: dict[int, frozenset[int]]
