"""Figure groups on invented articles: how the words of a figure's sentence place it (near and far words)."""

from __future__ import annotations

from app.core.extract import extract_article
from app.core.figure_groups import FigureItem, PlacedFigure, assign_figure_groups, figure_item
from app.core.figures.keys import FAR_MARK, clipped_context, near_words, sentence_words, with_far_words


def _grouped(*bodies: str) -> dict[tuple[int, str], int]:
    """Each outlet's figures (article, text) -> group, added one article after another as the store does."""
    placed: list[PlacedFigure] = []
    found: dict[tuple[int, str], int] = {}
    next_group = 0
    for article, body in enumerate(bodies):
        figures = [f for f in extract_article(body).figures if not f.chrome]
        batch: list[FigureItem] = [
            figure_item(f, key=len(placed) + i, article_key=article) for i, f in enumerate(figures)
        ]
        fresh: dict[int, int] = {}
        for item, key in zip(batch, assign_figure_groups(batch, placed), strict=True):
            if key < 0:
                if key not in fresh:
                    fresh[key] = next_group
                    next_group += 1
                key = fresh[key]
            placed.append(PlacedFigure(item, key))
            found[(article, item.text)] = key
    return found


def test_a_figure_context_holds_its_near_words_then_the_far_words_of_its_sentence() -> None:
    (figure,) = extract_article(
        "The transit strike that shut every bus route in the northern district ended after 41 days, union"
        " leaders said."
    ).figures
    near, whole = near_words(figure.context), sentence_words(figure.context)
    assert "union" in near and "strike" not in near
    assert {"strike", "transit", "district", "union"} <= whole
    assert f"{FAR_MARK}strike" in (figure.context or "").split()


def test_equal_lengths_of_time_meet_through_the_subject_named_a_clause_away() -> None:
    # The near words differ ("ended ... union leaders" and "walked to work ... deal"); the strike and the
    # district are named further out in both sentences.
    groups = _grouped(
        "The transit strike that shut every bus route in the northern district ended after 41 days, union"
        " leaders said.",
        "In the northern district, where the transit strike halted every bus route, commuters walked to work"
        " for 41 days before the deal.",
    )
    assert groups[(0, "41 days")] == groups[(1, "41 days")]


def test_small_counts_never_meet_through_far_words() -> None:
    # "Two" recurs in one story for different things: the same strike named in both sentences is no
    # evidence that the two drivers are the two mechanics.
    groups = _grouped(
        "The transit strike that shut every bus route in the northern district ended after two drivers"
        " signed, union leaders said.",
        "In the northern district, where the transit strike halted every bus route, two mechanics walked"
        " out before the deal.",
    )
    assert groups[(0, "two")] != groups[(1, "two")]


def test_lengths_of_years_need_near_words() -> None:
    # A span of years is said of many things in one story (a forecast, a career, a term).
    groups = _grouped(
        "The pension fund of the northern district, which pays the retired teachers, will according to the"
        " latest review stay solvent for 40 years, actuaries said.",
        "In the northern district, where the pension fund pays the retired teachers, the head of its board"
        " had quietly served for 40 years before leaving.",
    )
    assert groups[(0, "40 years")] != groups[(1, "40 years")]


def test_with_far_words_marks_only_the_words_not_already_near() -> None:
    assert with_far_words(["strike", "union"], ["district", "strike"]) == f"strike union {FAR_MARK}district"
    assert with_far_words([], []) is None
    # A context stored before far words existed is all near words.
    assert near_words("strike union") == sentence_words("strike union") == {"strike", "union"}


def test_a_stored_context_is_clipped_at_a_word_end() -> None:
    assert clipped_context(f"strike union {FAR_MARK}district", 14) == "strike union"
    assert clipped_context("strike union", 100) == "strike union"
    assert clipped_context("strikes", 6) == "strike"
    assert clipped_context(None, 6) is None
