"""The evidence that two figures are one quantity (app.core.figures.evidence), on invented figures: a table of
gates (pairs that must never be linked whatever else they share), a table of clues (each kind of evidence
read from one pair), and the grouping that uses it (figures no wording or equal value joins)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.figure_groups import FigureItem, PlacedFigure, assign_figure_groups, lookup_keys
from app.core.figures import counted_key, evidence


def _fig(
    value: float,
    counted: str | None = None,
    *,
    text: str | None = None,
    context: str = "",
    kind: str = "count",
    unit: str | None = None,
    qualifier: str | None = None,
    value_high: float | None = None,
    article: int = 0,
    key: int = 0,
) -> FigureItem:
    return FigureItem(
        key=key,
        article_key=article,
        value=value,
        value_high=value_high,
        unit=unit,
        qualifier=qualifier,
        counted_key=counted_key(counted) if counted else None,
        kind=kind,
        text=text or f"{value:g}",
        counted=counted,
        context=context,
    )


GATES = [
    ("different kinds", _fig(40, "tents"), _fig(40, "tents", kind="percent", unit="percent")),
    ("different currencies", _fig(5e6, kind="money", unit="USD"), _fig(5e6, kind="money", unit="GBP")),
    ("two predicates", _fig(30, "villagers killed"), _fig(30, "villagers injured")),
    ("a subset and its total", _fig(12, "seriously injured"), _fig(12, "injured")),
    ("a part and the total", _fig(4, "of the dead"), _fig(4, "dead")),
    ("values far apart", _fig(6, "ferries sunk"), _fig(47, "ferries sunk")),
    ("a year and the next", _fig(2011, kind="year"), _fig(2012, kind="year")),
    ("a date and a count", _fig(309, kind="date", unit="date"), _fig(309, "lanterns")),
    ("a bare tally", _fig(11, "seasons"), _fig(11, "seasons")),
    ("a career tally however large", _fig(412, "games"), _fig(412, "games")),
    ("a crowd and another noun", _fig(15e6, "consumers"), _fig(15.2e6, "UK records")),
    (
        "a sentence and a plain length",
        _fig(43830, "sentenced", kind="duration", unit="hour"),
        _fig(43830, "drought", kind="duration", unit="hour"),
    ),
]


@pytest.mark.parametrize(("name", "a", "b"), GATES, ids=[row[0] for row in GATES])
def test_gate_keeps_apart(name: str, a: FigureItem, b: FigureItem) -> None:
    assert evidence.evidence(a, b) is None
    assert evidence.linked(a, b) is None


CLUES = [
    ("equal values", _fig(310, "paper lanterns"), _fig(310, "paper lanterns"), "same"),
    (
        "a scaled amount and the exact one",
        _fig(72e6, kind="money", unit="USD", text="$72 million"),
        _fig(71_937_785, kind="money", unit="USD", text="$71,937,785"),
        "same",
    ),
    (
        "two roundings of one amount",
        _fig(72e6, kind="money", unit="USD", text="$72 million"),
        _fig(70.9e6, kind="money", unit="USD", text="$70.9 million"),
        "close",
    ),
    ("a lower bound and a value above it", _fig(300, qualifier="more than"), _fig(355), "compatible"),
    ("a value inside a range", _fig(300, value_high=400), _fig(355), "in_range"),
    ("a revised count", _fig(300), _fig(340), "near"),
    ("one compound head", _fig(300, "schoolboys taken"), _fig(300, "boys taken"), "same_counted"),
    ("a crowd of one bare noun", _fig(276, "schoolgirls"), _fig(276, "girls"), "same_counted"),
    ("two different heads", _fig(300, "fishing boats"), _fig(300, "farm tractors"), "other_counted"),
    ("one predicate", _fig(300, "goats stolen"), _fig(300, "stolen"), "same_frame"),
    (
        "shared words",
        _fig(300, context="ferry harbour storm"),
        _fig(300, context="harbour storm"),
        "shared_context",
    ),
    ("many digits", _fig(315, text="315"), _fig(315, text="315"), "distinctive"),
    ("a small count", _fig(3), _fig(3), "small"),
    ("a day", _fig(309, kind="date", unit="date"), _fig(20250309, kind="date", unit="date"), "day"),
]


@pytest.mark.parametrize(("name", "a", "b", "clue"), CLUES, ids=[row[0] for row in CLUES])
def test_clue_is_read(name: str, a: FigureItem, b: FigureItem, clue: str) -> None:
    found = evidence.evidence(a, b)
    assert found is not None
    value = getattr(found, clue)
    assert value if isinstance(value, bool) else value >= 2


def test_value_clues_exclude_one_another() -> None:
    found = evidence.evidence(_fig(300, qualifier="more than"), _fig(355))
    assert found is not None
    assert [found.same, found.close, found.compatible, found.in_range, found.near] == [
        False,
        False,
        True,
        False,
        False,
    ]


def test_more_evidence_scores_higher() -> None:
    bare = evidence.evidence(_fig(310), _fig(310))
    named = evidence.evidence(_fig(310, "paper lanterns lit"), _fig(310, "paper lanterns"))
    assert bare is not None and named is not None
    assert evidence.score(named) > evidence.score(bare)


def _placed(item: FigureItem, group: int) -> PlacedFigure:
    return PlacedFigure(item, group)


def test_rounded_amount_joins_the_exact_one_with_what_it_is_about() -> None:
    exact = _fig(
        3_612_000,
        "harbour dues",
        kind="money",
        unit="USD",
        text="$3,612,000",
        context="harbour paid dues town",
    )
    rounded = _fig(
        3.6e6,
        "annual harbour dues",
        kind="money",
        unit="USD",
        text="about $3.6 million",
        qualifier="about",
        context="harbour paid dues annual",
        article=1,
        key=1,
    )
    assert assign_figure_groups([rounded], [_placed(exact, 7)]) == [7]


def test_the_same_day_in_another_outlet_joins_without_shared_words() -> None:
    day = _fig(309, kind="date", unit="date", text="March 9", context="lanterns festival opened")
    again = _fig(309, kind="date", unit="date", text="9 March", context="crowds river", article=1, key=1)
    assert assign_figure_groups([again], [_placed(day, 3)]) == [3]


def test_one_wording_far_apart_is_two_quantities() -> None:
    night = _fig(6, "protesters arrested", context="overnight police")
    total = _fig(47, "protesters arrested", context="police protest", article=1, key=1)
    assert assign_figure_groups([total], [_placed(night, 2)]) == [-1]


def _dues(value: float, text: str, counted: str, *, article: int, key: int) -> FigureItem:
    return _fig(
        value,
        counted,
        kind="money",
        unit="USD",
        text=text,
        context="harbour paid dues",
        article=article,
        key=key,
    )


def test_evidence_never_joins_a_group_the_article_already_fills() -> None:
    group = _dues(3_612_000, "$3,612,000", "harbour dues", article=0, key=0)
    first = _dues(3_612_000, "$3,612,000", "harbour dues", article=1, key=1)
    # Near but no rounding of the article's exact sum ("$3.6 million" would be that sum told again).
    second = _dues(3.7e6, "$3.7 million", "annual harbour dues", article=1, key=2)
    assert evidence.linked(second, group) is not None  # alone, it would join
    assigned = assign_figure_groups([first, second], [_placed(group, 4)])
    assert assigned[0] == 4 and assigned[1] != 4


def test_a_near_value_is_found_through_its_band() -> None:
    """The store offers a new figure only the groups sharing a lookup key: a near value's band is one."""
    stored = _fig(72e6, kind="money", unit="USD", text="$72 million")
    new = _fig(71_937_785, kind="money", unit="USD", text="$71,937,785", article=1, key=1)
    assert evidence.FAR_RATIO > 1
    from app.core.figure_groups import band_key

    assert band_key(stored) in lookup_keys(new)


def test_a_full_band_offers_only_its_first_groups() -> None:
    """A band crowded with other numbers keeps the cost of an add bounded: a later group in it is no longer
    offered to the evidence (it is still found by its wording or its value)."""
    from app.core.figure_groups import BAND_CAPACITY

    lanterns = _fig(310, "paper lanterns lit", context="festival river night", key=99)
    new = _fig(311, "paper lanterns", context="festival river night", article=1, key=100)
    assert assign_figure_groups([new], [_placed(lanterns, 50)]) == [50]
    fillers = [
        _placed(_fig(300 + n, "farm tractors", context="fair", key=n), n) for n in range(BAND_CAPACITY)
    ]
    assert assign_figure_groups([new], [*fillers, _placed(lanterns, 50)]) == [-1]


@pytest.mark.parametrize(
    ("counted", "other"),
    [("seriously injured", "injured"), ("villagers killed", "villagers injured")],
    ids=["a subset and its total", "two predicates"],
)
def test_equal_values_with_shared_words_still_pass_the_gates(counted: str, other: str) -> None:
    stored = _fig(23, counted, context="blast chemical plant officials")
    new = _fig(23, other, context="blast chemical plant officials", article=1, key=1)
    assert assign_figure_groups([new], [_placed(stored, 5)]) == [-1]


def test_a_figure_linked_to_two_stored_groups_bridges_them() -> None:
    """The first two outlets word one amount with nothing in common; a third shares words with each: the
    groups are one quantity whatever order the outlets came in."""
    from app.core.figure_groups import assign_and_bridge

    first = _fig(
        3_612_000,
        "harbour dues",
        kind="money",
        unit="USD",
        text="$3,612,000",
        context="harbour paid dues town",
    )
    second = _fig(3.6e6, kind="money", unit="USD", text="$3.6 million", context="quay levy", key=1, article=1)
    assert evidence.linked(first, second) is None
    third = _fig(
        3.61e6,
        "annual harbour dues",
        kind="money",
        unit="USD",
        text="$3.61 million",
        context="harbour paid dues quay levy",
        article=2,
        key=2,
    )
    assigned, bridges = assign_and_bridge([third], [_placed(first, 1), _placed(second, 2)])
    assert assigned == [1] and bridges == [(1, 2)]


def test_no_bridge_between_two_groups_one_offered_outlet_already_keeps_apart() -> None:
    """The same third outlet as above, but the first outlet also gave a figure in the second group: one
    outlet's two figures are two things, so the store would never merge them and no bridge is proposed
    (a bridge found again on every add would make the store read both groups each time)."""
    from app.core.figure_groups import assign_and_bridge

    first = _fig(
        3_612_000,
        "harbour dues",
        kind="money",
        unit="USD",
        text="$3,612,000",
        context="harbour paid dues town",
    )
    second = _fig(3.6e6, kind="money", unit="USD", text="$3.6 million", context="quay levy", key=1, article=1)
    first_again = _fig(3.6e6, kind="money", unit="USD", text="$3.6m", context="quay levy", key=3, article=0)
    third = _fig(
        3.61e6,
        "annual harbour dues",
        kind="money",
        unit="USD",
        text="$3.61 million",
        context="harbour paid dues quay levy",
        article=2,
        key=2,
    )
    placed = [_placed(first, 1), _placed(second, 2)]
    assert assign_and_bridge([third], placed) == ([1], [(1, 2)])
    assert assign_and_bridge([third], [*placed, _placed(first_again, 2)]) == ([1], [])


def test_an_article_that_gives_a_day_twice_puts_both_mentions_in_one_group() -> None:
    """One article's equal days are one day: the mention with no words around it is not kept out of the
    other outlet's group by the mention that shares words with it."""
    stored = _fig(
        20251231, kind="date", unit="date", text="December 31st, 2025", context="ferry landed harbour"
    )
    bare = _fig(20251231, kind="date", unit="date", text="Dec. 31, 2025", context="", article=1, key=1)
    worded = _fig(
        20251231,
        kind="date",
        unit="date",
        text="Dec. 31, 2025",
        context="ferry landed harbour",
        article=1,
        key=2,
    )
    assert assign_figure_groups([bare, worded], [_placed(stored, 6)]) == [6, 6]


@given(
    value=st.floats(min_value=0.01, max_value=1e12, allow_nan=False),
    factor=st.floats(min_value=1 / evidence.FAR_RATIO, max_value=evidence.FAR_RATIO),
)
def test_every_value_within_far_ratio_sits_in_a_band_a_figure_looks_in(value: float, factor: float) -> None:
    from app.core.figure_groups import band_key, near_bands

    new = _fig(value, kind="money", unit="USD")
    stored = _fig(value * factor, kind="money", unit="USD")
    assert band_key(stored) in near_bands(new)


def test_a_figure_its_wording_places_still_bridges_a_group_the_evidence_links() -> None:
    """A third outlet names what the first counted, so its wording puts it in the first group; its value and
    words also fit the group the second outlet started in other words: that group is the same quantity, so
    the two are one whichever outlet came first."""
    from app.core.figure_groups import assign_and_bridge

    first = _fig(
        3_612_000,
        "harbour dues",
        kind="money",
        unit="USD",
        text="$3,612,000",
        context="harbour paid dues town",
    )
    second = _fig(
        3.6e6,
        kind="money",
        unit="USD",
        text="$3.6 million",
        context="harbour paid quay levy town",
        key=1,
        article=1,
    )
    third = _fig(
        3_612_000,
        "harbour dues",
        kind="money",
        unit="USD",
        text="$3,612,000",
        context="harbour paid quay levy town",
        article=2,
        key=2,
    )
    assert (evidence.linked(third, second) or 0.0) >= evidence.BRIDGE_THRESHOLD
    assigned, bridges = assign_and_bridge([third], [_placed(first, 1), _placed(second, 2)])
    assert assigned == [1] and bridges == [(1, 2)]
    # A figure that fits only its own group bridges nothing.
    lone = _fig(3_612_000, "harbour dues", kind="money", unit="USD", text="$3,612,000", context="dues")
    lone = dataclasses.replace(lone, article_key=3, key=3)
    assert assign_and_bridge([lone], [_placed(first, 1), _placed(second, 2)]) == ([1], [])
