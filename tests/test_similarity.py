"""Near copies and the shared-text share, plus the spelling folding the aligner and the diff rely on."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.core.similarity import content_stems, fold_word, near_copies, shared_text_share

WIRE = (
    "Heavy rain flooded the lower valley overnight and forced the evacuation of two care homes. "
    "The mayor said crews had worked through the night to clear storm drains in the town centre. "
    "Schools in the district will stay closed on Monday while engineers inspect the main bridge. "
    "Residents were told to boil tap water until further notice from the water company. "
    "Forecasters expect the river to peak on Tuesday afternoon before the weather turns drier."
)
OTHER_REPORT = (
    "A fire chief praised volunteers who filled sandbags for hours in the rain near the harbour. "
    "Local shops reopened on Sunday, and a charity concert raised money for the families affected. "
    "The council will debate a new flood barrier next spring, the chief added."
)


def _edit(text: str, seed: int, rate: float) -> str:
    rng = random.Random(seed)
    out = [w for w in text.split() if rng.random() > rate]
    return " ".join(out)


def test_folding_covers_uk_us_and_named_variants() -> None:
    assert fold_word("neighbouring") == fold_word("Neighboring")
    assert fold_word("normalise") == fold_word("normalize")
    assert fold_word("centre") == fold_word("center")
    assert fold_word("Türkiye’s") == fold_word("Turkey's")
    # Short words are never folded onto other words.
    assert fold_word("four") != fold_word("for")
    assert fold_word("prize") == "prize"


def test_content_stems_drop_function_words_and_meet_across_inflections() -> None:
    assert content_stems("They will be balanced") == content_stems("a balance")
    assert content_stems("It is what it is") == ()


def test_share_of_an_edited_copy_is_high_and_asymmetric() -> None:
    copy = _edit(WIRE, seed=1, rate=0.05)
    assert shared_text_share(copy, WIRE) > 0.95
    assert 0.85 < shared_text_share(WIRE, copy) < 1.0
    longer = WIRE + " " + OTHER_REPORT
    assert shared_text_share(WIRE, longer) == 1.0
    assert shared_text_share(longer, WIRE) < 0.7


def test_unrelated_reports_share_little() -> None:
    assert shared_text_share(OTHER_REPORT, WIRE) < 0.35
    assert shared_text_share("", WIRE) == 0.0


def test_near_copies_finds_copies_above_threshold_only() -> None:
    others = [(1, _edit(WIRE, 2, 0.1)), (2, OTHER_REPORT), (3, WIRE.replace("centre", "center")), (4, "")]
    found = near_copies(WIRE, others)
    assert {c.other for c in found} == {1, 3}
    by_key = {c.other: c for c in found}
    assert by_key[3].share_new == by_key[3].share_other == 1.0
    # The trimmed copy holds only ~90% of the wire text, but the wire holds all of the copy.
    assert 0.8 < by_key[1].share_new < 0.97
    assert by_key[1].share_other == 1.0
    assert near_copies(WIRE, others, threshold=1.01) == []


def test_prefilter_drops_pairs_without_shared_shingles() -> None:
    scrambled = " ".join(reversed(WIRE.split()))
    # Same words, no common 3-word sequence: not a copy, and the prefilter rejects it before the LCS.
    assert near_copies(WIRE, [(1, scrambled)], threshold=0.0) == []
    assert near_copies(WIRE, [(1, scrambled)], threshold=0.0, prefilter=0.0)[0].other == 1


def test_seed_articles_are_related_reports_not_copies() -> None:
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("seed articles not available")
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    others = list(enumerate(texts))
    for key, text in others:
        assert near_copies(text, [o for o in others if o[0] != key]) == []
        for other_key, other in others:
            if other_key != key:
                # Independent reports of one press conference: they share the quotes, not the prose.
                assert 0.1 < shared_text_share(text, other) < 0.6
