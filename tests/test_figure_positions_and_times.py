"""Two readings of a number that are neither a count nor a duration: a point in time given as a distance
("five years ago", "three days later") and a position a noun names ("on lap 20", "page 5"). Invented text."""

from __future__ import annotations

import pytest

from app.core.figure_groups import FigureItem, PlacedFigure, assign_figure_groups, figure_item, group_status
from app.core.figures import extract_figures
from app.core.figures.keys import family
from app.core.lexicon.units import HOURS_PER_YEAR
from app.services.views.figure_values import value_text


def _figure(body: str, text: str):
    found = [f for f in extract_figures(body) if f.text == text]
    assert found, f"{text!r} not found in {[f.text for f in extract_figures(body)]}"
    return found[0]


@pytest.mark.parametrize(
    ("body", "text", "counted_word"),
    [
        ("The dam at Orvo collapsed five years ago, flooding the valley.", "five years ago", "collapse"),
        ("About two weeks ago the bridge collapsed.", "About two weeks ago", "collapse"),
        ("Three days later the levee flooded the town.", "Three days later", "later"),
        ("She moved to Velmora six months ago.", "six months ago", None),
    ],
)
def test_a_distance_in_time_is_a_point_not_a_duration(body: str, text: str, counted_word: str | None) -> None:
    figure = _figure(body, text)
    assert figure.kind == "time_ago"
    assert family(figure.kind) != family("duration")
    if counted_word is None:
        assert figure.counted is None  # no event named: it never groups on its own
    else:
        assert counted_word in (figure.counted or "")


def test_ago_keeps_its_value_in_hours_and_reads_as_a_length() -> None:
    figure = _figure("The mine collapsed five years ago.", "five years ago")
    assert figure.value == pytest.approx(5 * HOURS_PER_YEAR)
    shown = value_text({"value": figure.value, "value_high": None, "unit": figure.unit, "kind": figure.kind})
    assert shown == "5 years"


def test_a_sentence_stays_a_duration() -> None:
    figure = _figure("The judge sentenced Dov Marek to five years in prison.", "five years")
    assert figure.kind == "duration"


def test_ago_of_one_event_shares_its_counted_thing_and_earlier_does_not() -> None:
    first = _figure("The warehouse fire broke out two years ago.", "two years ago")
    second = _figure("Two years ago a fire gutted the warehouse.", "Two years ago")
    earlier = _figure("Two years earlier a fire gutted the warehouse.", "Two years earlier")
    assert first.counted == second.counted == "time since the fire"
    assert earlier.counted != first.counted


@pytest.mark.parametrize(
    ("body", "text", "noun"),
    [
        ("The leader pitted on lap 20 after Tomas Varga crashed.", "20", "lap"),
        ("The figures appear on page 5 of the audit.", "5", "page"),
        ("The storm flooded route 9 near the coast.", "9", "route"),
        ("Play stopped at hole 14 when the storm hit.", "14", "hole"),
    ],
)
def test_a_number_after_a_naming_noun_is_a_position(body: str, text: str, noun: str) -> None:
    figure = _figure(body, text)
    assert figure.kind == "ordinal"
    # It counts nothing: never the name or the noun after it.
    assert "varga" not in (figure.counted or "").lower()
    assert figure.counted == noun


def test_a_count_of_the_same_noun_stays_a_count() -> None:
    figure = _figure("The race was stopped after 20 laps.", "20")
    assert figure.kind == "count"


def _lap(key: int, article: int, value: float) -> FigureItem:
    return FigureItem(
        key=key,
        article_key=article,
        value=value,
        value_high=None,
        unit=None,
        qualifier=None,
        counted_key="lap",
        kind="ordinal",
        text=f"{value:g}",
        counted="lap",
    )


def test_equal_positions_group_and_different_ones_never_conflict() -> None:
    placed: list[PlacedFigure] = []
    found: dict[int, int] = {}
    for figure in (_lap(1, 1, 20), _lap(2, 1, 48), _lap(3, 2, 20), _lap(4, 3, 48), _lap(5, 3, 19)):
        group = assign_figure_groups([figure], placed)[0]
        group = group if group >= 0 else 100 + figure.key
        placed.append(PlacedFigure(figure, group))
        found[figure.key] = group
    assert found[3] == found[1]  # lap 20 in two outlets: one lap
    assert found[4] == found[2]  # lap 48 likewise
    assert len({found[1], found[2], found[5]}) == 3  # laps 20, 48 and 19 are three laps, not a conflict


def _grouped(*articles: tuple[str, str]) -> tuple[list[int], list]:
    """Each (body, figure text) as one outlet's figure, grouped in turn; the groups and the items."""
    placed: list[PlacedFigure] = []
    groups: list[int] = []
    items = []
    for article, (body, text) in enumerate(articles, start=1):
        item = figure_item(_figure(body, text), key=article, article_key=article)
        group = assign_figure_groups([item], placed)[0]
        group = group if group >= 0 else 100 + article
        placed.append(PlacedFigure(item, group))
        groups.append(group)
        items.append(item)
    return groups, items


@pytest.mark.parametrize(
    ("since", "length"),
    [
        (
            ("The inquiry into the Orvo dam began two years ago.", "two years ago"),
            ("The two-year inquiry into the Orvo dam closed on Friday.", "two-year"),
        ),
        (
            ("Nadia Brel started coaching at Velmora 12 years ago.", "12 years ago"),
            ("Brel spent 12 years coaching at Velmora.", "12 years"),
        ),
    ],
)
def test_the_time_since_an_event_meets_an_equal_plain_length_of_it(since, length) -> None:
    groups, items = _grouped(since, length)
    assert items[0].kind == "time_ago" and items[1].kind == "duration"
    assert groups[0] == groups[1]
    assert group_status(items) == "agree"


@pytest.mark.parametrize(
    "framed",
    [
        ("A judge sentenced the Orvo dam engineer to two years in prison.", "two years"),
        ("The Orvo dam engineer signed a two-year contract.", "two-year"),
    ],
)
def test_the_time_since_an_event_never_meets_a_framed_length(framed) -> None:
    since = ("The Orvo dam engineer was arrested two years ago.", "two years ago")
    for order in ((since, framed), (framed, since)):
        groups, _ = _grouped(*order)
        assert groups[0] != groups[1]


def test_unequal_time_since_and_length_stay_apart() -> None:
    groups, _ = _grouped(
        ("The inquiry into the Orvo dam began two years ago.", "two years ago"),
        ("The three-year inquiry into the Orvo dam closed on Friday.", "three-year"),
    )
    assert groups[0] != groups[1]


def test_a_length_after_an_event_is_the_time_since_it() -> None:
    # "N years after <event>" measures from the event the clause after "after" names, as "N years ago" does.
    after = _figure(
        "The vigil comes two years after dozens of visitors were assaulted at the Orvo fair.",
        "two years after",
    )
    ago = _figure("The assaults at the Orvo fair two years ago shocked the town.", "two years ago")
    assert after.kind == ago.kind == "time_ago"
    assert after.counted == ago.counted == "time since the attack"


def test_a_length_after_no_event_stays_a_duration() -> None:
    figure = _figure("She resigned two years after taking office in Velmora.", "two years")
    assert figure.kind == "duration"
