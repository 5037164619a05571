"""Grouping one article's figures costs about as much per figure however many it holds: an equal value or one
wording repeated a thousand times offers each new figure a bounded number of candidates (the value index and
the quantity keys keep their first-founded groups), so an article of 8n figures costs about 8 times one of n,
never 64 times (a hostile article of repeated lengths took seconds)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.core.extract import extract_article
from app.core.figure_groups import FigureItem, PlacedFigure, assign_and_bridge, figure_item
from app.core.figures import evidence

FILL = " The council met again and the talks went on late into the night."
SHAPES = {
    "lengths": "The road was 5 km long, the wall 12 m high and the load 40 kg." + FILL,
    "tolls": "Officials said 5 people were killed and 3 of the 40 people injured." + FILL,
    "dates": "It happened on March 3, 2024." + FILL,
}


def _items(text: str, article: int) -> list[FigureItem]:
    figures = [f for f in extract_article(text).figures if not f.chrome]
    return [figure_item(f, key=article * 100_000 + i, article_key=article) for i, f in enumerate(figures)]


def _comparisons(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """Candidate figures weighed while the article is grouped alone and then against a second outlet."""
    calls = 0

    def counting(original: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            return original(*args, **kwargs)

        return wrapped

    monkeypatch.setattr(evidence, "marks_differ", counting(evidence.marks_differ))
    monkeypatch.setattr(evidence, "linked", counting(evidence.linked))
    first = _items(text, 0)
    assigned, _ = assign_and_bridge(first, [])
    placed = [PlacedFigure(item, group) for item, group in zip(first, assigned, strict=True)]
    assign_and_bridge(_items(text, 1), placed)
    monkeypatch.undo()
    return calls


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_grouping_one_article_weighs_a_bounded_number_of_candidates(
    monkeypatch: pytest.MonkeyPatch, shape: str
) -> None:
    small = _comparisons(monkeypatch, SHAPES[shape] * 40)
    large = _comparisons(monkeypatch, SHAPES[shape] * 320)
    # Eight times the figures: linear is 8x, the square 64x.
    assert large <= 12 * max(small, 1), (small, large)


def test_a_value_repeated_by_many_outlets_still_joins_its_group() -> None:
    """The bounds never cut a real event's groups: a distinctive toll in five outlets is one group."""
    texts = [
        f"Officials of outlet {n} said 1,234 people were evacuated from the valley on Monday."
        for n in range(5)
    ]
    placed: list[PlacedFigure] = []
    groups: set[int] = set()
    for article, text in enumerate(texts):
        items = _items(text, article)
        assigned, _ = assign_and_bridge(items, placed)
        offset = 1000 * article
        real = [g if g >= 0 else offset - g for g in assigned]
        placed += [PlacedFigure(item, group) for item, group in zip(items, real, strict=True)]
        groups |= {g for item, g in zip(items, real, strict=True) if item.value == 1234}
    assert len(groups) == 1
