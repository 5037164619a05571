"""Statements shown as one row: the cliques of one sentence that another outlet printed as two pieces."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence


def split_sentence_rows(statements: Mapping[int, Sequence[tuple[int, int]]]) -> list[list[int]]:
    """Statements to show as one row: one outlet's sentence that another printed as two neighbouring pieces
    ("I think it's unpatriotic, and yes, I think it's corrupt." / "I think it's unpatriotic." "And yes,
    I think it's corrupt.") links to each piece on its own, and the two cliques would be two rows carrying
    the same sentences. ``statements`` maps a statement to its members as (article, position), a
    position being the sentence's place among its article's aligned sentences.

    Two statements go together when they share a member and differ by one sentence each, both of one
    article that is not among the shared members, next to each other in it: the pieces. Two other
    sentences of one article that merely share words with a third ("I'm not going to talk about this" /
    "I am not going to allow this to dominate what I talk about", two sentences apart) stay apart. Each
    group lists its statements in key order; statements that go with no other are not listed. Linear in
    the shared members: only statements that share one are compared.
    """
    sets = {key: frozenset(members) for key, members in statements.items()}
    holders: dict[tuple[int, int], list[int]] = {}
    for key in sorted(sets):
        for member in sets[key]:
            holders.setdefault(member, []).append(key)
    parent = {key: key for key in sets}

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for keys in holders.values():
        for one, other in itertools.combinations(keys, 2):
            only_one, only_other = sets[one] - sets[other], sets[other] - sets[one]
            if len(only_one) != 1 or len(only_other) != 1:
                continue
            (article, position), (other_article, other_position) = *only_one, *only_other
            shared_articles = {a for a, _ in sets[one] & sets[other]}
            if (
                article == other_article
                and abs(position - other_position) == 1
                and article not in shared_articles
            ):
                parent[root(other)] = root(one)
    groups: dict[int, list[int]] = {}
    for key in sorted(sets):
        groups.setdefault(root(key), []).append(key)
    return [group for group in groups.values() if len(group) > 1]
