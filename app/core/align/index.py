"""The event's statements with a few representatives each: the candidates a new sentence is compared with."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence

from rapidfuzz import process
from rapidfuzz.distance import LCSseq

from app.core.align.items import PlacedSentence, SentenceItem
from app.core.align.knobs import Knobs
from app.core.align.link import are_linked
from app.core.align.prepare import Prepared, prepare


class StatementIndex:
    """The event's statements with a few representatives each, flattened for one C++ prefilter call.

    Only representatives are tokenised up front; other members are looked at only when a sentence links
    to some representatives of their statement but not all.
    """

    def __init__(
        self,
        existing: Sequence[PlacedSentence],
        representatives: int,
        members_of: Callable[[int], Sequence[SentenceItem]] | None,
    ) -> None:
        self.representatives = representatives
        self.members_of = members_of
        self.members: dict[int, list[SentenceItem]] = {}
        for placed in existing:
            for statement in placed.statement_keys:
                self.members.setdefault(statement, []).append(placed.item)
        # Statements whose member list is known to be whole: all of them when the caller passed every
        # sentence, otherwise those loaded through ``members_of`` and those made in this call.
        self.complete: set[int] | None = None if members_of is None else set()
        # Each statement's representatives, prepared: a sentence scans only its own candidates' lists.
        self.reps: dict[int, list[Prepared]] = {}
        self.made: set[int] = set()  # statements made in this call (keys below zero)
        for statement, group in self.members.items():
            # The lowest keys, so that the choice does not depend on the order the caller used.
            reps = (
                sorted(group, key=member_key)
                if len(group) <= representatives
                else heapq.nsmallest(representatives, group, key=member_key)
            )
            self._add_reps(statement, reps)

    def _add_reps(self, statement: int, group: list[SentenceItem]) -> None:
        reps = self.reps.setdefault(statement, [])
        reps.extend(prepare(member) for member in group[: max(0, self.representatives - len(reps))])

    def add(self, statement: int, group: list[SentenceItem]) -> None:
        if statement < 0:
            self.made.add(statement)
        if statement not in self.members and self.complete is not None:
            self.complete.add(statement)
        self.members.setdefault(statement, []).extend(group)
        self._add_reps(statement, group)

    def full_members(self, statement: int) -> list[SentenceItem]:
        if self.complete is None or self.members_of is None or statement in self.complete:
            return self.members[statement]
        stored = list(self.members_of(statement))
        stored_keys = {m.key for m in stored}
        # Sentences of this call that joined the statement are not stored yet.
        self.members[statement] = stored + [m for m in self.members[statement] if m.key not in stored_keys]
        self.complete.add(statement)
        return self.members[statement]

    def linked_members(
        self,
        sentence: Prepared,
        knobs: Knobs,
        allowed: frozenset[int] | None = None,
        skip: frozenset[int] = frozenset(),
    ) -> dict[int, list[SentenceItem] | None]:
        """For every statement with a member linked to ``sentence``: the linked members, or None when
        all of them are linked (the sentence can join the statement). With ``allowed``, existing
        statements outside it are skipped (statements made in this call, keyed below zero, never are);
        those in ``skip`` (already joined) always are."""
        # Only the sentence's own candidates (and statements made in this call) are scanned, so its cost
        # follows its candidates, not those of the article's other sentences or the event's size.
        statements = (
            sorted(self.reps)
            if allowed is None
            else sorted({*(s for s in allowed if s in self.reps), *self.made})
        )
        if skip:
            statements = [s for s in statements if s not in skip]
        reps = [(statement, rep) for statement in statements for rep in self.reps[statement]]
        # The LCS cutoff is a cheap C++ prefilter: no link is possible with fewer shared content words (a
        # two-word sentence links with both words shared, a longer one needs ``min_shared - 1`` in order
        # before the loose second look). It must hold for the shorter of the two, whichever arrived first.
        cutoff = min(knobs.min_shared - 1, len(sentence.content))
        if cutoff == 0:
            # Sentences of function words only: compare them whole against every representative.
            hits: Iterable[int] = range(len(reps))
        else:
            found = process.extract(
                sentence.content,
                [rep.content for _, rep in reps],
                scorer=LCSseq.similarity,
                score_cutoff=cutoff,
                limit=None,
            )
            # A representative of one content word is the shorter of the two: it may link with that one
            # word shared ("We are only here for the harvest." inside a longer version).
            short = [i for i, (_, rep) in enumerate(reps) if len(rep.content) == 1 < cutoff]
            hits = sorted({*(i for _, _, i in found), *short})
        linked_reps: dict[int, int] = {}
        for i in hits:
            statement, rep = reps[i]
            if are_linked(sentence, rep, knobs):
                linked_reps[statement] = linked_reps.get(statement, 0) + 1
        result: dict[int, list[SentenceItem] | None] = {}
        for statement, count in sorted(linked_reps.items()):
            if count == len(self.reps[statement]):
                # Linked to every representative: when they are all the members this is exact; for a
                # larger statement the rest are versions of the same sentence and are not re-checked.
                result[statement] = None
                continue
            group = self.full_members(statement)
            linked = [m for m in group if are_linked(sentence, prepare(m), knobs)]
            result[statement] = None if len(linked) == len(group) else linked
        return result


def member_key(item: SentenceItem) -> int:
    return item.key
