"""How the ledger and the conflict charts print a normalised value."""

from __future__ import annotations

import pytest

from app.services.views.figure_values import spread_text, value_text


@pytest.mark.parametrize(
    ("value", "high", "expected"),
    [
        (35.0, None, "35 mm"),
        (2_500.0, None, "2.5 m"),  # trailing zeros say nothing a reader can use
        (230_000_000.0, None, "230 km"),
        (3_000.0, 5_000.0, "3–5 m"),
    ],
)
def test_lengths_read_in_the_unit_a_reader_expects(value: float, high: float | None, expected: str) -> None:
    figure = {"value": value, "value_high": high, "unit": "mm", "kind": "measure"}
    assert value_text(figure) == expected


def test_a_conflict_spread_is_printed_in_the_members_unit() -> None:
    members = [{"unit": "mm", "kind": "measure"}, {"unit": "mm", "kind": "measure"}]
    assert spread_text(members, 130_000_000.0, 230_000_000.0) == "130–230 km"
    mixed = [{"unit": "mm", "kind": "measure"}, {"unit": "percent", "kind": "percent"}]
    assert spread_text(mixed, 5.0, 7.0) == "5–7"


def test_the_unit_column_names_the_unit_the_value_is_printed_in() -> None:
    from app.services.views import display_unit

    assert display_unit({"value": 230_000_000.0, "value_high": None, "unit": "mm"}) == "km"
    assert display_unit({"value": 35.0, "value_high": None, "unit": "mm"}) == "mm"
    assert display_unit({"value": 5.0, "value_high": None, "unit": "percent"}) == "percent"
    # A date or a year prints as one ("7 Oct", "2026"): its unit cell stays empty instead of saying "date".
    assert display_unit({"value": 1007.0, "value_high": None, "unit": "date", "kind": "date"}) == ""
    assert display_unit({"value": 2026.0, "value_high": None, "unit": "", "kind": "year"}) == ""


@pytest.mark.parametrize(
    ("hours", "expected"), [(840.0, "week"), (72.0, "day"), (5.0, "hour"), (0.5, "minute")]
)
def test_the_unit_column_of_a_duration_is_the_unit_its_value_reads_in(hours: float, expected: str) -> None:
    from app.services.views import display_unit

    figure = {"value": hours, "value_high": None, "unit": "hour", "kind": "duration"}
    assert value_text(figure).split()[-1].removesuffix("s") == expected
    assert display_unit(figure) == expected


@pytest.mark.parametrize(
    ("figure", "expected"),
    [
        # "February 2014" is stored as YYYYMM: it read "201402".
        ({"value": 201402.0, "value_high": None, "kind": "date", "unit": "year-month"}, "Feb 2014"),
        # "aged 47" read "47 year".
        ({"value": 47.0, "value_high": None, "kind": "age", "unit": "year"}, "47 years"),
        ({"value": 1.0, "value_high": None, "kind": "age", "unit": "year"}, "1 year"),
        # "millions" read "2,000,000–999,999,999".
        ({"value": 2e6, "value_high": 999_999_999.0, "kind": "vague", "unit": None}, "2 million–1 billion"),
        ({"value": 24.0, "value_high": 99.0, "kind": "vague", "unit": None}, "24–99"),
    ],
)
def test_months_ages_and_rough_amounts_read_as_words(figure: dict, expected: str) -> None:
    assert value_text(figure) == expected
