"""Every hostile shape of bench/hostile.py (runs of each punctuation mark, quote mark, digit group, currency
and bracket; Markdown markers; deep nesting; many tiny paragraphs) goes through the real entry point
(validate, clean, extract) with cost linear in its size: 8x the text may cost at most 16x (quadratic is 64x).

This compares a shape's cost with its own cost at another size on the same machine, not with a time
target. (The figure shapes were strict xfails until the figures rewrite made them linear.)
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("bench_hostile", REPO / "bench" / "hostile.py")
assert _spec is not None and _spec.loader is not None
hostile = importlib.util.module_from_spec(_spec)
sys.modules["bench_hostile"] = hostile
_spec.loader.exec_module(hostile)

N = 500
FLOOR = 0.004  # seconds: below this the clock and the interpreter, not the text, decide


@pytest.mark.parametrize("shape", hostile.SHAPES, ids=[s.name for s in hostile.SHAPES])
def test_hostile_shape_costs_linear_work(shape: object) -> None:
    small = hostile.cost(shape, N, repeat=3)
    large = hostile.cost(shape, N * hostile.SIZE_FACTOR, repeat=2)
    ratio = max(large, FLOOR) / max(small, FLOOR)
    assert ratio <= hostile.MAX_RATIO, f"{shape.name}: {small:.4f}s at {N}, {large:.4f}s at 8x ({ratio:.0f}x)"  # type: ignore[attr-defined]


def test_every_family_of_hostile_shape_is_covered() -> None:
    names = " ".join(s.name for s in hostile.SHAPES)
    for mark in hostile.PUNCTUATION + hostile.QUOTE_MARKS + hostile.BRACKETS:
        assert f"{mark!r}" in names, mark
    for family in (
        "figures '5% '",
        "figures '$5m '",
        "nested",
        "tiny paragraphs",
        "markdown '_a '",
        "trailing",
    ):
        assert family in names, family
    tiny = next(s for s in hostile.SHAPES if s.name == "tiny paragraphs")
    assert tiny.make(200_000).count("\n\n") == 50_000


def test_fifty_thousand_tiny_paragraphs_cost_linear_work() -> None:
    """The largest article the limit allows, made of 50,000 one-word paragraphs, against 1/8 of it."""
    tiny = next(s for s in hostile.SHAPES if s.name == "tiny paragraphs")
    small = hostile.cost(tiny, 25_000, repeat=2)
    large = hostile.cost(tiny, 200_000)
    assert max(large, FLOOR) / max(small, FLOOR) <= hostile.MAX_RATIO
