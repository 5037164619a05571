"""The one status rule of figure groups (app.core.figures.status.figure_status), as a table: members as
(article, value, value_high, unit, qualifier[, text as printed]) and the expected (status, compatible)."""

from __future__ import annotations

import pytest

from app.core.figures import Reading, figure_status

ROWS = [
    (
        "a scaled amount stands for what rounds to it",
        [(1, 72e6, None, "USD", None, "$72 million"), (2, 71_937_785, None, "USD", None, "$71,937,785")],
        ("conflict", True),
    ),
    (
        "a scaled amount is rounded to its last digit only",
        [(1, 70e6, None, "USD", None, "$70.0 million"), (2, 71_937_785, None, "USD", None, "$71,937,785")],
        ("conflict", False),
    ),
    (
        "a printed share is rounded",
        [(1, 67, None, "percent", None, "67%"), (2, 200 / 3, None, "percent", None, "two-thirds")],
        ("conflict", True),
    ),
    (
        "a printed share is rounded to its last digit only",
        [(1, 67, None, "percent", None, "67%"), (2, 66.4, None, "percent", None, "66.4%")],
        ("conflict", False),
    ),
    (
        "an unscaled count is exact",
        [(1, 48, None, None, None, "48"), (2, 47, None, None, None, "47")],
        ("conflict", False),
    ),
    ("one article", [(1, 41, None, None, None), (1, 47, None, None, None)], ("single", False)),
    ("same value", [(1, 41, None, None, "at least"), (2, 41, None, None, None)], ("agree", True)),
    ("normalised units", [(1, 72, None, "hour", None), (2, 72, None, "hour", None)], ("agree", True)),
    (
        "date with and without year",
        [(1, 20260312, None, "date", None), (2, 312, None, "date", None)],
        ("agree", True),
    ),
    ("different dates", [(1, 312, None, "date", None), (2, 313, None, "date", None)], ("conflict", False)),
    ("plain conflict", [(1, 3478, None, None, None), (2, 4137, None, None, None)], ("conflict", False)),
    (
        "more than and at least",
        [(1, 1500, None, None, "more than"), (2, 1524, None, None, "at least")],
        ("conflict", True),
    ),
    (
        "lower bound above the other",
        [(1, 1524, None, None, "at least"), (2, 1500, None, None, None)],
        ("conflict", False),
    ),
    (
        "up to and a smaller value",
        [(1, 2e9, None, "USD", "up to"), (2, 1.5e9, None, "USD", None)],
        ("conflict", True),
    ),
    (
        "about widens a little",
        [(1, 100, None, None, "about"), (2, 104, None, None, None)],
        ("conflict", True),
    ),
    (
        "about does not widen far",
        [(1, 100, None, None, "about"), (2, 150, None, None, None)],
        ("conflict", False),
    ),
    (
        "about allows the rounding of its printed digits",
        [(1, 230, None, "km", "about", "about 230 km"), (2, 233, None, "km", None, "233 km")],
        ("conflict", True),
    ),
    (
        "about never reaches a value its digits rule out",
        [(1, 230, None, "km", "about", "about 230 km"), (2, 209, None, "km", "roughly", "roughly 209 km")],
        ("conflict", False),
    ),
    (
        "about a round number keeps its margin",
        [(1, 100, None, None, "about", "about 100"), (2, 104, None, None, None, "104")],
        ("conflict", True),
    ),
    (
        "about a number in words keeps its margin",
        [
            (1, 2e9, None, "USD", "about", "about two billion dollars"),
            (2, 2.1e9, None, "USD", None, "$2.1bn"),
        ],
        ("conflict", True),
    ),
    (
        "a length printed round holds a precise one (miles normalised to mm)",
        [
            (1, 1_680 * 1_609_344, None, "mm", None, "1,680 miles"),
            (2, 1_677 * 1_609_344, None, "mm", None, "1,677 miles"),
            (3, 1_700 * 1_609_344, None, "mm", "about", "about 1,700 miles"),
            (4, 1_677 * 1_609_344, None, "mm", "around", "around 1,677 miles"),
        ],
        ("conflict", True),
    ),
    (
        "a length printed to the unit is exact to it",
        [
            (1, 1_683 * 1_609_344, None, "mm", None, "1,683 miles"),
            (2, 1_677 * 1_609_344, None, "mm", None, "1,677 miles"),
        ],
        ("conflict", False),
    ),
    (
        "a weight converted across units",
        [(1, 181.436948, None, "kg", None, "400-pound"), (2, 181, None, "kg", None, "181-kg")],
        ("conflict", True),
    ),
    (
        "a round weight does not hold a far one",
        [(1, 181.436948, None, "kg", None, "400-pound"), (2, 150, None, "kg", None, "150 kg")],
        ("conflict", False),
    ),
    (
        "a round length of time is exact",
        [(1, 720, None, "hour", None, "30 days"), (2, 744, None, "hour", None, "31 days")],
        ("conflict", False),
    ),
    (
        "an unscaled round amount of money is exact",
        [(1, 400, None, "USD", None, "$400"), (2, 395, None, "USD", None, "$395")],
        ("conflict", False),
    ),
    ("range holds the value", [(1, 200, 999, None, None), (2, 300, None, None, None)], ("conflict", True)),
    ("range misses the value", [(1, 200, 999, None, None), (2, 1500, None, None, None)], ("conflict", False)),
    (
        "three members, one outside",
        [(1, 1400, None, None, "more than"), (2, 1500, None, None, None), (3, 1300, None, None, None)],
        ("conflict", False),
    ),
]


@pytest.mark.parametrize(("case", "members", "expected"), ROWS, ids=[row[0] for row in ROWS])
def test_status_rule(case: str, members: list[tuple], expected: tuple[str, bool]) -> None:
    assert figure_status([Reading(*member) for member in members]) == expected, case


def test_status_does_not_depend_on_member_order() -> None:
    for _, members, expected in ROWS:
        readings = [Reading(*member) for member in members]
        assert figure_status(readings[::-1]) == expected
