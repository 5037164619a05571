"""A conversion printed in brackets right after a figure ("2,400 km (1,490 miles)") is that figure in another
unit: it goes where its figure goes, so outlets that print one unit or the other meet in one group."""

from __future__ import annotations

from app.core.extract import extract_article
from app.core.figure_groups import (
    FigureItem,
    PlacedFigure,
    assign_and_bridge,
    conversion_of,
    figure_item,
    group_status_compatible,
)


def _items(bodies: list[str]) -> list[FigureItem]:
    items: list[FigureItem] = []
    for article, body in enumerate(bodies):
        for figure in extract_article(body).figures:
            if not figure.chrome:
                items.append(figure_item(figure, key=len(items), article_key=article))
    return items


def _group(items: list[FigureItem]) -> dict[int, list[FigureItem]]:
    """Group article by article as the storage layer does: group key -> members."""
    placed: list[PlacedFigure] = []
    fresh = 0
    for article in sorted({i.article_key for i in items}):
        batch = [i for i in items if i.article_key == article]
        assigned, _ = assign_and_bridge(batch, placed)
        real: dict[int, int] = {}
        for item, key in zip(batch, assigned, strict=True):
            if key < 0:
                key = real.setdefault(key, 1000 + fresh + len(real))
            placed.append(PlacedFigure(item, key))
        fresh += len(real)
    groups: dict[int, list[FigureItem]] = {}
    for p in placed:
        groups.setdefault(p.group_key, []).append(p.item)
    return groups


def _group_of(groups: dict[int, list[FigureItem]], article: int, text: str) -> int:
    return next(
        k for k, members in groups.items() for m in members if (m.article_key, m.text) == (article, text)
    )


def test_a_bracketed_conversion_is_its_figure_in_another_unit() -> None:
    (km, miles) = [
        i for i in _items(["The weather balloon drifted 2,400 km (1,490 miles) before it landed."])
    ]
    assert (km.text, miles.text) == ("2,400 km", "1,490 miles")
    assert conversion_of(miles, km)
    # Two measures side by side that are not one value are two quantities.
    (first, second) = _items(["The lake is 40 km (90 miles of shore) long."])[:2]
    assert not conversion_of(second, first)


def test_outlets_printing_either_unit_meet_through_a_conversion() -> None:
    groups = _group(
        _items(
            [
                "The weather balloon drifted 2,400 km (1,490 miles) before it landed in a field.",
                "The weather balloon drifted 1,490 miles before it landed in a field.",
                "The weather balloon drifted 2,400 km before it landed in a field.",
            ]
        )
    )
    home = _group_of(groups, 0, "2,400 km")
    assert _group_of(groups, 0, "1,490 miles") == home
    assert _group_of(groups, 1, "1,490 miles") == home
    assert _group_of(groups, 2, "2,400 km") == home
    # The two units print different values, each within the other's rounding: a compatible conflict.
    assert group_status_compatible(groups[home]) == ("conflict", True)


def test_a_weight_and_its_conversion_stay_together() -> None:
    groups = _group(_items(["The 300-pound (136-kg) bear was moved to a new enclosure on Sunday."]))
    assert _group_of(groups, 0, "300-pound") == _group_of(groups, 0, "136-kg")


def test_a_conversion_never_makes_a_conflict_of_its_own() -> None:
    groups = _group(
        _items(
            [
                "The weather balloon drifted 2,400 km (1,490 miles) before it landed in a field.",
                "The weather balloon drifted 2,400 km before it landed in a field.",
            ]
        )
    )
    home = _group_of(groups, 0, "2,400 km")
    assert _group_of(groups, 0, "1,490 miles") == home == _group_of(groups, 1, "2,400 km")
    # Both outlets give 2,400 km; the first also converts it: they agree.
    assert group_status_compatible(groups[home]) == ("agree", True)


def test_a_qualified_conversion_is_the_outlets_own_rounding() -> None:
    groups = _group(
        _items(
            [
                "The weather balloon drifted 770 km (about 500 miles) before it landed in a field.",
                "The weather balloon drifted 770 km before it landed in a field.",
            ]
        )
    )
    home = _group_of(groups, 0, "770 km")
    assert _group_of(groups, 0, "about 500 miles") == home == _group_of(groups, 1, "770 km")
    # 770 km is 478 miles: "about 500" is a rounding of the outlet's own, which the status weighs.
    assert group_status_compatible(groups[home]) == ("conflict", True)


def test_a_comparison_leaves_a_conversion_out_of_its_status_as_the_store_does() -> None:
    from app.services.comparisons import _status_in_view

    def member(article: int, text: str, value: float, start: int) -> dict[str, object]:
        return {
            "article_id": article,
            "value": value,
            "value_high": None,
            "unit": "mm",
            "qualifier": None,
            "kind": "measure",
            "text": text,
            "start": start,
            "end": start + len(text),
        }

    members = [
        member(1, "2,400 km", 2400e6, 10),
        member(1, "1,490 miles", 1490 * 1_609_344, 20),
        member(2, "2,400 km", 2400e6, 40),
    ]
    assert _status_in_view(members) == {"status_in_view": "agree", "compatible_in_view": True}


def test_a_conversion_after_each_counts_what_its_figure_counts() -> None:
    from app.core.figures import extract_figures

    pounds, dollars = extract_figures(
        "Five activists were fined 30,000 Egyptian pounds each ($1,688) on Monday."
    )[1:]
    assert (pounds.text, dollars.text) == ("30,000 Egyptian pounds", "$1,688")
    assert dollars.counted == pounds.counted is not None
