"""Extraction of figures the scanner used to misread (invented sentences): bare "pounds" said of a living
thing is its weight, and a year after "a"/"an" before a court's name is a year, not a house number."""

from __future__ import annotations

import pytest

from app.core.figures import extract_figures


def _figures(body: str) -> dict[str, tuple[str, str | None]]:
    return {f.text: (f.kind, f.unit) for f in extract_figures(body) if not f.chrome}


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Keepers said it was an animal that's over 400 pounds and very strong.", "over 400 pounds"),
        ("The man was 300 pounds when he was found.", "300 pounds"),
        ("He's 250 pounds and six feet tall.", "250 pounds"),
        ("The boy was about 90 pounds, his mother said.", "about 90 pounds"),
    ],
)
def test_pounds_said_of_a_living_thing_are_its_weight(body: str, text: str) -> None:
    assert _figures(body)[text] == ("measure", "kg")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The fine was 400 pounds, the court said.", "400 pounds"),
        ("It costs 400 pounds a night.", "400 pounds"),
        ("The club paid 25 million pounds for him.", "25 million pounds"),
    ],
)
def test_pounds_paid_stay_money(body: str, text: str) -> None:
    assert _figures(body)[text] == ("money", "GBP")


@pytest.mark.parametrize(
    "body",
    [
        "He cited an 1898 Supreme Court ruling on citizenship.",
        "A 1954 Supreme Court decision ended the practice.",
    ],
)
def test_a_year_before_a_court_is_a_year(body: str) -> None:
    assert [kind for kind, _ in _figures(body).values()] == ["year"]


def test_a_house_number_before_an_address_stays_out() -> None:
    assert _figures("The office at 163 Research Hall closed on Friday.") == {}
