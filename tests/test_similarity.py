"""Near copies and the shared-text share, plus the spelling folding the aligner and the diff rely on."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from app.core.similarity import (
    claim_stem,
    claim_tokens,
    content_stems,
    fold_word,
    near_copies,
    predicate_words,
    predicates,
    predicates_differ,
    shared_text_share,
    wording_tokens,
)

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


# --- claim tokens: one minimal test per folding rule -----------------------------------------------------


def test_claim_tokens_expand_contractions() -> None:
    assert claim_tokens("We don't accept it.") == claim_tokens("We do not accept it.")
    assert claim_tokens("We'll stay.") == claim_tokens("We will stay.")
    assert claim_tokens("They can't win.") == claim_tokens("They cannot win.")
    assert claim_tokens("I won't go.") == claim_tokens("I will not go.")


def test_claim_tokens_read_hyphenated_money_and_times_of_day_one_way() -> None:
    assert claim_tokens("The bill was $284-billion.") == claim_tokens("The bill was $284 billion.")
    assert claim_tokens("We open at 9 a.m. and close at 5 p.m.") == claim_tokens(
        "We open at 9am and close at 5PM."
    )
    # A month is no time of day.
    assert claim_tokens("It costs 5 a month.") == ("cost", "5", "month")


def test_claim_tokens_read_numbers_as_values() -> None:
    assert claim_tokens("We moved 3,000 people.") == claim_tokens("We moved three thousand people.")
    assert claim_tokens("It costs $2m.") == claim_tokens("It costs 2 million dollars.")
    assert claim_tokens("Rates hit 4%.") == claim_tokens("Rates hit four per cent.")
    assert claim_tokens("We moved 3,000 people.") != claim_tokens("We moved 5,000 people.")
    # "one" as a pronoun stays a function word.
    assert claim_tokens("one of the sides") == claim_tokens("the sides")


def test_claim_tokens_mark_negation_on_the_next_content_word() -> None:
    assert claim_tokens("We will not attend.") == ("!attend",)
    assert claim_tokens("We will attend.") == ("attend",)
    assert claim_tokens("The ministry refused to publish it.") == claim_tokens(
        "The ministry did not publish it."
    )
    # Neg-raising: "don't think X" reads as "think not X".
    assert claim_tokens("I don't believe it works.") == claim_tokens("I think it does not work.")
    assert claim_tokens("Absolutely not.") != claim_tokens("Absolutely.")


def test_claim_tokens_drop_editorial_brackets_and_join_hyphens() -> None:
    assert claim_tokens("[The council] will publish it.") == claim_tokens("They will publish it.")
    assert claim_tokens("the cease-fire held") == claim_tokens("the ceasefire held")


def test_no_one_spelled_with_a_hyphen_is_the_negation_no_one() -> None:
    # "No-one" is a British spelling of "no one", not a joined word: the negation and the wording stay.
    british = "No-one wants to be known as the harbour's worst landlord"
    american = "No one wants to be known as the harbour's worst landlord"
    assert claim_tokens(british) == claim_tokens(american)
    assert claim_tokens(british)[0].startswith("!")
    assert wording_tokens(british) == wording_tokens(american)
    assert claim_tokens("The cease-fire held") == claim_tokens("The ceasefire held")


def test_going_to_before_a_verb_is_the_future_not_a_content_word() -> None:
    # "going to" + a verb reads like "will"; "going to" a place or "going well" keeps its verb.
    assert claim_tokens("We are going to fix the pier.") == claim_tokens("We will fix the pier.")
    assert claim_tokens("We're gonna fix the pier.") == claim_tokens("We will fix the pier.")
    assert claim_tokens("I'm not going to talk about it.") == claim_tokens("I will not talk about it.")
    assert "going" in claim_tokens("We are going to the pier.")
    assert "going" in claim_tokens("Things are going well at the pier.")


def test_claim_tokens_fold_common_retranslation_synonyms() -> None:
    assert claim_tokens("We are prepared to assist.") == claim_tokens("We are ready to help.")
    assert claim_tokens("Talks will begin.") == claim_tokens("Negotiations will start.")
    assert claim_tokens("The wounded children") == claim_tokens("The injured kids")


def test_claim_stem_meets_across_derivations() -> None:
    assert claim_stem("escalation") == claim_stem("escalate") == claim_stem("escalated")
    assert claim_stem("balanced") == claim_stem("balance")
    assert claim_stem("imposed") == claim_stem("imposing") == claim_stem("impose")
    # Too short a remainder: no derivational cut ("station" is not "state").
    assert claim_stem("station") != claim_stem("state")


def test_claim_tokens_read_acronyms_and_month_abbreviations() -> None:
    dotted = claim_tokens("The U.S. vetoed it at the U.N. on Oct. 18.")
    assert dotted == claim_tokens("The United States vetoed it at the United Nations on October 18.")
    assert dotted == claim_tokens("The US vetoed it at the UN on October 18.")
    # The pronoun "us" stays a function word.
    assert claim_tokens("Tell us the truth.") == ("truth",)


def test_claim_tokens_fold_irregular_verbs_and_approximations() -> None:
    assert claim_tokens("The army has taken the town.") == claim_tokens("The army takes the town.")
    assert claim_tokens("around 40 houses") == claim_tokens("approximately 40 houses")


def test_a_negation_reaches_past_a_short_aside_but_not_into_the_next_clause() -> None:
    # An aside between "not" and its verb: the verb is still negated.
    assert "!attend" in claim_tokens("We will not, under any circumstances, attend the summit.")
    assert "!mistak" in claim_tokens("It was not, as the minister said, a mistake.")
    # A subject's negation ("No one, including ...") is not a verb's: it stays where it was.
    assert claim_tokens("No one, including the mayor, is above the law.")[0] == "!includ"
    # The negated verb left out, a conjunction opening the next clause: that clause is affirmed.
    assert claim_tokens("They won't, because we will close the depot.") == ("!", "becaus", "clos", "depot")
    assert claim_tokens("They won't close the depot.") == ("!clos", "depot")


def test_claim_tokens_ignore_negation_words_that_negate_nothing() -> None:
    assert claim_tokens("We not only rebuilt the school but also the clinic.") == claim_tokens(
        "We rebuilt the school and also the clinic."
    )
    assert claim_tokens("No, we will attend.") == claim_tokens("We will attend.")
    assert claim_tokens("There is no doubt the dam held.") == claim_tokens("The dam held.")
    # A "no" inside the sentence still negates.
    assert claim_tokens("We have no water.") == ("!water",)


PREDICATE_ROWS = [
    # (sentence, the predicates found as (claim token, tense))
    ("The ferry will sail at dawn.", [("sail", "future")]),
    ("The ferry was held at the pier.", [("hold", "past")]),
    ("We have already left the harbour.", [("left", "past")]),
    ("The council gives our farmers more land.", [("giv", None)]),
    ("They paved the road.", [("pav", "past")]),
    ("The bridge is safe to cross.", [("saf", None)]),
    ("I spoke to the crowd, this is hard.", [("speak", "past"), ("hard", None)]),
    ("From the moment the storm hit, nothing worked.", []),
    ("It has nothing to do with us.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), PREDICATE_ROWS, ids=[r[0][:30] for r in PREDICATE_ROWS])
def test_predicates_found_by_their_neighbours(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.token, p.tense) for p in predicates(sentence)] == expected


def _differ(a: str, b: str) -> bool:
    return predicates_differ(predicates(a), predicate_words(a), predicates(b), predicate_words(b))


def test_a_changed_verb_is_another_claim() -> None:
    assert _differ("The ferry will sail from the north pier.", "The ferry was sunk at the north pier.")
    assert _differ("The mayor will open the new library.", "The mayor opened the new library.")


def test_a_trim_or_a_translators_verb_is_the_same_claim() -> None:
    assert not _differ("The ferry will sail at dawn, and we will follow.", "The ferry will sail at dawn.")
    assert not _differ(
        "Owners must take responsibility for the dogs.", "Owners should assume responsibility."
    )
    assert not _differ("The talks will go on.", "The talks will continue tomorrow.")
    assert not _differ("We have recieved the letter.", "We have received the letter.")


def test_a_verb_the_claim_tokens_rewrite_still_meets_itself() -> None:
    assert not _differ("They refused to re-open the mine.", "They refused to re-open the old mine.")


def test_wording_keeps_every_word_but_reads_contractions_and_numbers_one_way() -> None:
    assert wording_tokens("We won't move 3,000 people.") == ("we", "will", "not", "move", "3000", "people")
    assert wording_tokens("We will not move three thousand people.") == wording_tokens(
        "We won't move 3,000 people."
    )
    # function words stay (they are the wording), an editor's bracket goes, no synonym folds
    assert wording_tokens("[The mayor] is ready to help.") == ("is", "ready", "to", "help")
    assert wording_tokens("She is prepared to help.")[2] == "prepared"


def test_wording_reads_spoken_forms_and_abbreviated_months_in_full() -> None:
    assert wording_tokens("We're gonna fix it by Oct. 18.") == wording_tokens(
        "We are going to fix it by October 18."
    )
    # "gonna" is "going to" for the claim too
    assert claim_tokens("We're gonna fix the pier.") == claim_tokens("We are going to fix the pier.")
