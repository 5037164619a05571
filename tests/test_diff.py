"""Word diff between quote variants: ops, variants, and exact rebuilding of both sides."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.diff import DiffRun, apply_diff, word_diff
from app.core.similarity import encode


def _ops(runs: list[DiffRun]) -> list[str]:
    return [r.op for r in runs]


def test_identical_text_is_one_equal_run() -> None:
    text = "Crews worked through the night."
    assert word_diff(text, text) == [DiffRun("equal", text, text)]


def test_dropped_and_added_words() -> None:
    runs = word_diff("The bridge will stay closed tonight.", "The old bridge will stay closed.")
    assert DiffRun("insert", "old ", "") in runs
    assert DiffRun("delete", "", " tonight") in runs


def test_spelling_case_and_quote_marks_are_variants_not_edits() -> None:
    base = "We will stabilise the neighbouring ‘zones’ near Türkiye."
    other = "We will stabilize the Neighboring 'zones' near Turkey."
    runs = word_diff(base, other)
    assert "insert" not in _ops(runs) and "delete" not in _ops(runs)
    variants = {(r.base_text, r.text) for r in runs if r.op == "variant"}
    assert ("stabilise", "stabilize") in variants
    assert ("neighbouring", "Neighboring") in variants
    assert ("Türkiye", "Turkey") in variants


def test_a_different_word_is_not_a_variant() -> None:
    runs = word_diff("We are ready to talk.", "We were ready to talk.")
    assert _ops(runs) == ["equal", "delete", "insert", "equal"]


def test_both_sides_rebuild_exactly() -> None:
    base = "Residents  should still boil water, said the mayor."
    other = "Residents should still boil their water — said the Mayor!"
    runs = word_diff(base, other)
    assert apply_diff(runs) == other
    assert apply_diff(runs, side="base") == base


_words = st.sampled_from(
    ["storm", "Storm", "neighbour", "neighbor", "the", "’", "'", ",", " ", "  ", "\n", "é", "x_y"]
)
_texts = st.lists(_words, max_size=25).map("".join)


@settings(max_examples=200, deadline=None)
@given(_texts, _texts)
def test_diff_applied_to_base_gives_other_and_back(base: str, other: str) -> None:
    runs = word_diff(base, other)
    assert apply_diff(runs) == other
    assert apply_diff(runs, side="base") == base
    # Runs are merged: no two neighbours share an op, and no run is empty.
    assert all(a.op != b.op for a, b in pairwise(runs))
    assert all(r.text or r.base_text for r in runs)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_diff_rebuilds_arbitrary_unicode(base: str, other: str) -> None:
    runs = word_diff(base, other)
    assert apply_diff(runs) == other
    assert apply_diff(runs, side="base") == base


def test_words_sharing_a_hash_code_are_an_edit_not_a_variant() -> None:
    seen: dict[str, str] = {}
    for n in range(200_000):
        word = f"w{n}"
        code = encode([word])
        if code in seen:
            first = seen[code]
            break
        seen[code] = word
    runs = word_diff(f"say {first} now", f"say {word} now")
    assert [r.op for r in runs] == ["equal", "delete", "insert", "equal"]
    assert apply_diff(runs) == f"say {word} now"


def test_punctuation_only_change_is_a_variant_not_an_added_word() -> None:
    runs = word_diff("our darkest day in a generation", "our darkest day in a generation.")
    assert [r.op for r in runs] == ["equal", "variant"]
    assert runs[-1].text == "." and runs[-1].base_text == ""
    assert apply_diff(runs) == "our darkest day in a generation."
    assert apply_diff(runs, side="base") == "our darkest day in a generation"
