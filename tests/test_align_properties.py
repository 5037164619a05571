"""Alignment does not depend on the order articles arrive in, and the incremental path equals align_all."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.align import PlacedSentence, SentenceItem, align_all, assign_statements

MAYOR = "Maria Lopez"
CHIEF = "Tom Reed"

# Five invented outlets' versions of one press conference: copies, trims, re-spellings, a re-translation,
# a merged sentence, a repeat, trap pairs and a second speaker. (key, outlet, speaker, text)
ARTICLES: list[list[tuple[int, str | None, str]]] = [
    [
        (1, MAYOR, "The river rose faster than any of our flood models predicted."),
        (2, MAYOR, "The water supply in the valley is safe to drink."),
        (3, MAYOR, "Residents should still boil water for their young children."),
        (4, MAYOR, "We are prepared to accept any reasonable offers of help."),
        (5, CHIEF, "Crews worked through the night to clear the storm drains downtown."),
        # One content word: it links to a longer version that shares only that word, whichever came first.
        (6, MAYOR, "We are only here for the harvest."),
    ],
    [
        (11, MAYOR, "The river rose faster than any of our flood models had predicted."),
        (
            12,
            MAYOR,
            "The water supply in the valley is safe to drink, but residents should still boil water for their young children.",
        ),
        (13, MAYOR, "We will be prepared to assist in its review."),
        (14, None, "Crews worked all through the night to clear storm drains downtown."),
        (15, MAYOR, "We are only here for the harvest, we are only farmers."),
    ],
    [
        (21, MAYOR, "We will stabilise the neighbouring districts before the centre of town."),
        (22, MAYOR, "Our priority is the evacuation of elderly residents from the lower valley."),
        (23, MAYOR, "The water supply in the valley is safe to drink."),
        (24, MAYOR, "The water supply in the valley is safe to drink."),
    ],
    [
        (31, MAYOR, "We will stabilize the neighboring districts before the center of town."),
        (32, MAYOR, "The priority for us is evacuating the elderly residents of the lower valley."),
        (33, MAYOR, "We are prepared to accept any reasonable offers of help from abroad."),
        (34, CHIEF, "The river rose faster than any of our flood models predicted."),
    ],
    [
        (41, MAYOR, "Residents should still boil water for their children."),
        (42, MAYOR, "The river rose faster than our flood models predicted."),
        (43, CHIEF, "Crews worked through the night to clear the storm drains."),
    ],
]


def _items(order: list[int]) -> list[SentenceItem]:
    """The sentences with article keys that make ``order`` the arrival order."""
    return [
        SentenceItem(key, position, speaker, text)
        for position, article in enumerate(order)
        for key, speaker, text in ARTICLES[article]
    ]


def _statement_sets(statements: dict[int, frozenset[int]]) -> set[frozenset[int]]:
    return set(statements.values())


BASELINE = _statement_sets(align_all(_items(list(range(len(ARTICLES))))))


def test_baseline_has_cross_outlet_statements_and_no_trap_links() -> None:
    # 34 is 1's sentence word for word under another speaker's name: the text decides.
    assert frozenset({1, 11, 34, 42}) in BASELINE
    assert frozenset({2, 12, 23, 24}) in BASELINE
    assert frozenset({3, 12, 41}) in BASELINE
    assert frozenset({21, 31}) in BASELINE
    assert frozenset({22, 32}) in BASELINE
    assert frozenset({5, 14, 43}) in BASELINE
    assert not any({4, 13} <= s for s in BASELINE)


@settings(max_examples=60, deadline=None)
@given(st.permutations(list(range(len(ARTICLES)))))
def test_statements_do_not_depend_on_article_order(order: list[int]) -> None:
    assert _statement_sets(align_all(_items(order))) == BASELINE


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(len(ARTICLES)))))
def test_incremental_store_equals_align_all(order: list[int]) -> None:
    """Apply each StatementUpdate the way the storage layer does: real keys for new statements,
    membership rows inserted, nothing ever removed."""
    members: dict[int, set[int]] = {}
    items_by_key: dict[int, SentenceItem] = {}
    next_key = 100
    for position, article in enumerate(order):
        batch = [SentenceItem(key, position, speaker, text) for key, speaker, text in ARTICLES[article]]
        placed = [
            PlacedSentence(items_by_key[k], frozenset(s for s, m in members.items() if k in m))
            for k in sorted(items_by_key)
        ]
        update = assign_statements(batch, placed)
        assert len(update.placements) == len(batch)
        real = {}
        for key, added in update.added.items():
            if key < 0:
                real[key] = next_key
                next_key += 1
            members.setdefault(real.get(key, key), set()).update(added)
        for item, placement in zip(batch, update.placements, strict=True):
            assert placement
            assert all(item.key in members[real.get(s, s)] for s in placement)
            items_by_key[item.key] = item
    assert {frozenset(m) for m in members.values()} == BASELINE


def _grow(order: list[int], representatives: int, reps_only: bool) -> set[frozenset[int]]:
    """Store loop; with ``reps_only`` the engine sees only each statement's lowest-keyed members and
    looks the rest up through ``members_of``, as an indexed store would."""
    members: dict[int, list[int]] = {}
    placed: dict[int, PlacedSentence] = {}
    for position, article in enumerate(order):
        batch = [SentenceItem(key, position, speaker, text) for key, speaker, text in ARTICLES[article]]
        if reps_only:
            keys = {k for group in members.values() for k in sorted(group)[:representatives]}
        else:
            keys = set(placed)
        update = assign_statements(
            batch,
            [placed[k] for k in sorted(keys)],
            representatives=representatives,
            members_of=(lambda s: [placed[k].item for k in members[s]]) if reps_only else None,
        )
        for item in batch:
            placed[item.key] = PlacedSentence(item, frozenset())
        for offset, (key, added) in enumerate(sorted(update.added.items())):
            statement = key if key >= 0 else 1000 * (position + 1) + offset
            members.setdefault(statement, []).extend(added)
            for k in added:
                placed[k] = PlacedSentence(placed[k].item, placed[k].statement_keys | {statement})
    return {frozenset(m) for m in members.values()}


@settings(max_examples=30, deadline=None)
@given(st.permutations(list(range(len(ARTICLES)))), st.integers(min_value=1, max_value=3))
def test_representatives_only_input_gives_the_same_statements(order: list[int], representatives: int) -> None:
    full = _grow(order, representatives, reps_only=False)
    assert _grow(order, representatives, reps_only=True) == full
    # With at least as many representatives as members the update is the exact clique update.
    assert _grow(order, 8, reps_only=True) == BASELINE
