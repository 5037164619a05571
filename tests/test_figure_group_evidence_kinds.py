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
    # The near words differ ("pensions ... ended ... union leaders" and "commuters ... walked to work ...
    # deal"); the strike, its bus routes and the district are named further out in both sentences.
    bodies = (
        "The transit strike that shut every bus route in the northern district, a dispute over pensions and"
        " overtime pay, finally ended after 41 days, union leaders said.",
        "In the northern district, where the transit strike had halted every bus route, commuters who had no"
        " other choice walked to work for 41 days before the deal.",
    )
    first, second = (next(iter(extract_article(body).figures)) for body in bodies)
    assert not near_words(first.context) & near_words(second.context)
    groups = _grouped(*bodies)
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


def test_equal_amounts_and_large_counts_meet_through_far_words_but_not_one_shared_word() -> None:
    groups = _grouped(
        "The harbour authority, which runs the ferries and the container quay of the old port, told reporters"
        " on Tuesday that it will borrow $2.3 billion from three banks.",
        "The harbour authority, which runs the ferries and the container quay, is according to dock workers"
        " who spoke at a rally taking on $2.3 billion in new debt.",
        "Fishermen, whose catch has shrunk for a decade and who blame the harbour, say the region lost"
        " $2.3 billion in sales.",
    )
    assert groups[(0, "$2.3 billion")] == groups[(1, "$2.3 billion")]
    # Only the harbour in common: the fishermen's lost sales stay apart.
    assert groups[(2, "$2.3 billion")] != groups[(0, "$2.3 billion")]
    counts = _grouped(
        "Across the valley, where the river burst its banks after a week of heavy storms, volunteers with"
        " small boats and a tractor reached 140 residents, the fire service said.",
        "Villagers in the valley said the river had burst its banks after the heavy storms, and officials"
        " from the county council later confirmed that 140 were moved to the school hall.",
    )
    assert counts[(0, "140")] == counts[(1, "140")]
