"""The labelled pair set (bench/annotations/pairs.json): every trap stays apart, and nearly every pair of
versions of one sentence is linked. Each pair is aligned on its own, as two outlets' sentences."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from app.core.align import SentenceItem, align_all

PAIRS_FILE = Path(__file__).resolve().parents[1] / "bench" / "annotations" / "pairs.json"
PAIRS: list[dict[str, Any]] = json.loads(PAIRS_FILE.read_text(encoding="utf-8"))["pairs"]
SAME = [p for p in PAIRS if p["same"]]
# Hard traps (only the verb changed) included: a changed predicate is another claim. Open traps are the
# known limits the rule still links: expected to fail until a rule fixes them.
TRAPS = [p for p in PAIRS if not p["same"] and not p.get("open")]
OPEN_TRAPS = [p for p in PAIRS if not p["same"] and p.get("open")]


def _linked(a: str, b: str) -> bool:
    statements = align_all([SentenceItem(1, 1, "Ana Stone", a), SentenceItem(2, 2, "Ana Stone", b)])
    return any({1, 2} <= members for members in statements.values())


def test_pair_set_is_large_and_covers_every_convention() -> None:
    assert len(PAIRS) >= 120
    kinds = {p["kind"] for p in SAME}
    assert {"trimmed", "retranslated", "respelled", "numbers", "contraction", "brackets", "typo"} <= kinds
    assert {"negation", "number", "short generic", "different claim"} <= {p["kind"] for p in TRAPS}


@pytest.mark.parametrize("pair", TRAPS, ids=lambda p: f"{p['kind']}:{p['a'][:30]}")
def test_trap_pair_is_not_linked(pair: dict[str, Any]) -> None:
    assert not _linked(pair["a"], pair["b"])
    assert not _linked(pair["b"], pair["a"])


@pytest.mark.xfail(strict=True, reason="a known limit of the link rule (pairs.json: open)")
@pytest.mark.parametrize("pair", OPEN_TRAPS, ids=lambda p: f"{p['kind']}:{p['a'][:30]}")
def test_open_trap_pair_is_not_linked(pair: dict[str, Any]) -> None:
    assert not _linked(pair["a"], pair["b"])


def test_same_statement_recall_is_at_least_95_percent() -> None:
    missed = [(p["a"], p["b"]) for p in SAME if not _linked(p["a"], p["b"])]
    assert len(missed) <= 0.05 * len(SAME), missed


@pytest.mark.parametrize("kind", sorted({p["kind"] for p in SAME} - {"brackets"}))
def test_every_variant_kind_links_all_its_pairs(kind: str) -> None:
    # Brackets hold the one documented miss: an editor's bracket that replaces a whole clause.
    missed = [(p["a"], p["b"]) for p in SAME if p["kind"] == kind and not _linked(p["a"], p["b"])]
    assert not missed


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: f"{p['kind']}:{p['a'][:30]}")
def test_link_does_not_depend_on_which_outlet_came_first(pair: dict[str, Any]) -> None:
    assert _linked(pair["a"], pair["b"]) == _linked(pair["b"], pair["a"])


# Variants that keep the speaker's wording (bench/alignment.py's NEAR_IDENTICAL_KINDS): one statement whoever
# the outlets name, which is what holds when one outlet gets the speaker wrong.
NEAR_IDENTICAL = [
    p for p in SAME if p["kind"] in {"identical", "contraction", "numbers", "respelled", "typo"}
]


def _linked_across(a: str, b: str) -> bool:
    statements = align_all([SentenceItem(1, 1, "Ana Stone", a), SentenceItem(2, 2, "Jon Reed", b)])
    return any({1, 2} <= members for members in statements.values())


def test_near_identical_versions_link_whoever_the_outlets_name() -> None:
    missed = [(p["a"], p["b"]) for p in NEAR_IDENTICAL if not _linked_across(p["a"], p["b"])]
    assert len(missed) <= 0.05 * len(NEAR_IDENTICAL), missed


@pytest.mark.parametrize("pair", TRAPS, ids=lambda p: f"{p['kind']}:{p['a'][:30]}")
def test_trap_pair_is_not_linked_across_speakers_either(pair: dict[str, Any]) -> None:
    assert not _linked_across(pair["a"], pair["b"])
