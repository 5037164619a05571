"""Statement alignment: each linking rule and each trap, on small invented multi-outlet sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.core.align import PlacedSentence, SentenceItem, align_all, assign_statements
from app.core.diff import apply_diff, word_diff
from app.core.similarity import content_stems
from app.core.text import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
MAYOR = "Maria Lopez"
CHIEF = "Tom Reed"


def _item(key: int, article: int, text: str, speaker: str | None = MAYOR) -> SentenceItem:
    return SentenceItem(key=key, article_key=article, speaker=speaker, text=text)


def _together(a: str, b: str, speaker_a: str | None = MAYOR, speaker_b: str | None = MAYOR) -> bool:
    statements = align_all([_item(1, 1, a, speaker_a), _item(2, 2, b, speaker_b)])
    return any({1, 2} <= members for members in statements.values())


def test_identical_sentences_form_one_statement() -> None:
    text = "The river rose faster than any of our flood models predicted."
    assert _together(text, text)


def test_trimmed_sentence_joins_the_full_one() -> None:
    full = "The bridge will stay closed until engineers inspect every pillar and the railings."
    trimmed = "The bridge will stay closed until engineers inspect every pillar."
    assert _together(full, trimmed)


def test_a_clause_printed_alone_joins_the_sentence_when_the_speakers_agree() -> None:
    full = "Drivers should drive, but if the union agrees the depot will open on Sundays."
    assert _together("Drivers should drive.", full)
    assert not _together("Drivers should drive.", full, MAYOR, CHIEF)
    assert not _together("Drivers should drive.", full, None, MAYOR)  # an unnamed version may be anyone's
    # Only a whole clause: words inside a longer clause are another sentence, and one content word
    # ("We will win.") is anyone's stock phrase.
    assert not _together("Drivers should drive.", "New drivers should drive slowly, the union says.")
    assert not _together("We will win.", "We will win, whatever the court decides about the depot.")


def test_the_closing_clauses_heard_one_word_differently_join_the_longer_sentence() -> None:
    # One outlet leaves out the opening clause and hears one word differently ("debating" / "doing").
    short = "What have you all been debating this month, Tom?"
    long = "In the harbour committee, what have you all been doing this month, Tom?"
    assert _together(short, long)
    assert not _together(short, long, MAYOR, CHIEF)  # a looser match: the speakers must be compatible
    # Two words apart is another sentence; so is a clause of five words ("what have you been doing").
    assert not _together("What have you all been debating this year, Tom?", long)
    assert not _together("What were you debating, Tom?", "In the committee, what were you doing, Tom?")


def test_two_trims_of_one_sentence_at_opposite_ends_join_on_their_shared_clause() -> None:
    # One outlet keeps the opening clause, the other the closing one; both print the middle clause whole.
    one = "We could have built it over five years ― we didn't need to rush this"
    other = "We didn't need to rush this, but we wanted the bridge open by winter."
    assert _together(one, other)
    assert not _together(one, other, MAYOR, CHIEF)  # only the speakers' agreement makes it one sentence
    # A shared clause that only frames the claim ("If ...") is not enough: the main clauses differ.
    assert not _together(
        "If we lose the vote tomorrow, the whole coalition falls apart and the premier must call elections.",
        "If we lose the vote tomorrow, I will resign my seat and go back to teaching in my home town.",
    )
    # Nor is a short clause: five words is anyone's ("we did our best").
    assert not _together(
        "The storm came at night – we did our very best, and the houses held.",
        "We did our very best, but the council never sent the sandbags it promised.",
    )


def test_respelled_sentence_joins() -> None:
    uk = "We will stabilise the neighbouring districts before the centre of Türkiye town."
    us = "We will stabilize the neighboring districts before the center of Turkey town."
    assert _together(uk, us)


def test_retranslated_sentence_joins() -> None:
    one = "Our priority is the evacuation of elderly residents from the lower valley."
    two = "The priority for us is evacuating the elderly residents of the lower valley."
    assert _together(one, two)


def test_two_translations_of_one_persons_sentence_join() -> None:
    # Two wires translate one sentence: the distinctive words and their order survive, the rest is
    # each translator's ("action"/"act", "serious"/"severe", one more clause run on).
    one = "The mill owners' reckless action is an unprecedented, serious and grave blow to our farmers."
    two = (
        "The reckless act of closing the mill without any warning is an unprecedented, severe and painful"
        " blow, and it threatens the livelihood of the valley, and we have filed a complaint."
    )
    three = "This reckless act of shutting a mill that feeds our valley is an unprecedented, serious and heavy blow."
    assert _together(one, two)
    assert _together(one, three)
    # Only the speaker's agreement makes a re-wording one sentence.
    assert not _together(one, two, MAYOR, CHIEF)
    assert not _together(one, three, None, MAYOR)
    # Words lifted into a reporter's paraphrase may come from another day's remarks: whole sentences only.
    assert not _together(one[0].lower() + one[1:], two)
    assert not _together(
        one, "the reckless act of shutting a mill that feeds our valley is an unprecedented blow."
    )


def test_an_editors_insertion_counts_when_another_outlet_prints_those_words() -> None:
    # "[the ferry cuts]" stands for what the speaker said earlier; the other outlet printed it.
    full = "It was a mistake to cut the ferry service, and we said so at the time."
    bracketed = "It [the ferry cut] was a mistake, and we said so at the time."
    assert _together(full, bracketed)
    # The insertion's words are no licence for another claim: a changed verb still keeps them apart.
    assert not _together("It was a mistake to close the harbour office.", "It [the ferry cut] was a mistake.")
    # "[sic]" and cuts are no insertion.
    assert not _together("It was a mistake, we said so.", "It [sic] was a mistake to cut the ferry service.")


def test_a_clause_with_a_few_words_left_out_joins_the_longer_sentence() -> None:
    # One outlet dropped "a lot of" from the middle of the clause, another "just".
    long = (
        "Madam mayor, I know you're under a lot of pressure to win back the harbour vote, but let me finish."
    )
    assert _together("I know you're under pressure", long)
    assert _together("That's a waste of money.", "With all due respect, that's just a waste of money.")
    # Only when the speakers agree: a few words of anyone's may sit in someone else's longer sentence.
    assert not _together("I know you're under pressure", long, MAYOR, CHIEF)
    # Words spread over a long stretch are no trim, and a negation left out is another claim.
    assert not _together("I know you're under pressure", "I know you're not under any pressure at all.")
    assert not _together(
        "We will keep the harbour open.",
        "We will keep the old ferry and the pier, but not the harbour, open.",
    )
    # The stretch ends where a phrase may end: "the harbour" is not "the old harbour office".
    assert not _together("We will close the harbour.", "We will close the old harbour office and the pier.")


def test_trap_shared_opening_but_different_claim() -> None:
    assert not _together(
        "We are prepared to accept any reasonable offers of help.",
        "We will be prepared to assist in its review.",
    )


def test_trap_shared_nouns_but_opposite_sides() -> None:
    assert not _together(
        "The volunteers that will be coordinators for the northern side should come from the county.",
        "Other volunteers should be coordinators for the south.",
    )


def test_the_text_decides_whatever_speakers_outlets_name() -> None:
    # One distinctive sentence, two outlets naming different speakers: one statement (the page shows who
    # each outlet named).
    text = "The river rose faster than any of our flood models predicted."
    assert _together(text, text, MAYOR, CHIEF)
    trimmed = "The river rose faster than any of our flood models predicted last spring in the valley."
    assert _together(text, trimmed, MAYOR, CHIEF)
    # An unknown speaker does not block a link.
    assert _together(text, text, MAYOR, None)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # contractions, numbers in words, an acronym and a one-letter typo are the same wording
        (
            "It's far too early to say what caused the derailment.",
            "It is far too early to say what caused the derailment.",
        ),
        (
            "We have moved 3,000 people from the coastal villages since Sunday night.",
            "We have moved three thousand people from the coastal villages since Sunday night.",
        ),
        (
            "[The minister] has betrayed the trust of every voter in this district.",
            "He has betrayed the trust of every voter in this district.",
        ),
        (
            "The comittee will publish all of its findings before the summer recess.",
            "The committee will publish all of its findings before the summer recess.",
        ),
        # two clauses printed in the other order
        (
            "If the rain continues, the river will break its banks by Friday.",
            "The river will break its banks by Friday if the rain continues.",
        ),
    ],
)
def test_the_same_wording_links_whatever_speakers_outlets_name(one: str, other: str) -> None:
    assert _together(one, other, MAYOR, CHIEF)


def test_a_trim_of_the_same_wording_links_whatever_speakers_outlets_name() -> None:
    full = "We'll rebuild every house that was lost in the fire, and we'll do it by spring."
    # a contraction written out, and an outlet's ellipsis: the pieces are printed in order inside the whole
    assert _together(full, "We will rebuild every house that was lost in the fire.", MAYOR, CHIEF)
    assert _together(full, "We will rebuild every house … by spring.", MAYOR, CHIEF)
    # pieces out of order are no cut of this sentence, and a piece the whole negates is another claim
    assert not _together(full, "We will do it by spring … every house that was lost.", MAYOR, CHIEF)
    assert not _together(
        "I'm not saying we will rebuild every house that was lost in the fire.",
        "We will rebuild every house that was lost in the fire.",
        MAYOR,
        CHIEF,
    )


def test_a_long_run_of_the_same_words_links_whatever_speakers_outlets_name() -> None:
    # Each outlet trimmed and ran on the sentence differently; eight words in a row are one person's.
    one = "We are going to repair every bridge on the northern ring road … whatever it takes"
    other = "We are going to repair every bridge on the northern ring road, and we will start in May."
    assert _together(one, other, MAYOR, CHIEF)
    # Five words in a row are a phrase two people share ("the people deserve to know").
    assert not _together(
        "The people of this county deserve to know who signed the contract.",
        "The people of this county deserve a council that listens to them.",
        MAYOR,
        CHIEF,
    )
    # A run with another number is another claim.
    assert not _together(
        "We are going to repair every bridge on the northern ring road by 2027.",
        "We are going to repair every bridge on the northern ring road by 2030, the mayor said.",
        MAYOR,
        CHIEF,
    )


def test_a_sentence_cut_two_ways_links_when_the_outlets_name_one_speaker_too() -> None:
    # One outlet starts earlier, the other runs on further: neither is a trim of the other, and they
    # share a long run in the middle. What links two outlets naming different speakers links one speaker.
    one = (
        "Well, if she is such a careful student of municipal finance, has she not understood that you know "
        "that's the one thing you don't do, is sell the water utility to a private buyer?"
    )
    other = (
        "…you don't do is sell the water utility to a private buyer, alright, because every town that tried over "
        "forty years of privatisation has failed."
    )
    assert _together(one, other, MAYOR, CHIEF)
    assert _together(one, other)
    assert _together(one, other, None, None)


def test_a_noun_phrase_lifted_from_a_sentence_is_not_covered_by_another_sentence_that_uses_it() -> None:
    # Words lifted from mid-sentence with no verb: another sentence of the same report that names the
    # same people is not the same statement, though it holds every content word of the phrase.
    report = "the audit report"
    lifted = "to senior harbour authority inspectors"
    other = (
        "A senior harbour authority inspector was told to call the mayor about the unpaid invoices and "
        "what other records the contractor kept from the council."
    )
    assert not _together(lifted, other, report, report)
    # A sentence that says something is still covered inside the longer one that says more.
    assert _together(
        "Senior harbour authority inspectors were told to call the mayor.", other, report, report
    )
    # And the lifted words printed word for word inside the longer sentence are still its trim.
    assert _together(lifted, f"The invoices went {lifted} on Monday.", report, report)


def test_a_phrase_another_sentence_quotes_to_deny_it_is_another_claim() -> None:
    # The mayor's phrase, and a sentence that quotes it to deny it (a possessive inside the quotation).
    phrase = "a harbour of the mayor’s making."
    denial = "Needless to say, the harbour in Eastport was not “a harbour of the mayor’s making.”"
    assert not _together(phrase, denial)
    # Quoted without a negation, the phrase is the sentence's own words printed alone.
    assert _together(
        phrase, "Needless to say, the harbour in Eastport was “a harbour of the mayor’s making.”"
    )


def test_a_run_that_is_mostly_a_quotation_inside_the_quote_is_not_one_persons_words() -> None:
    # Both speakers cite the town's motto: the run "that 'Always Ready To Rebuild' is our motto" holds
    # eight words, but the motto is nobody's own wording and counts as one word.
    one = "They have been reaffirming that 'Always Ready To Rebuild' is our motto."
    other = "The council has been reaffirming a motto nobody doubted, that ‘Always Ready To Rebuild’ is our motto."
    assert not _together(one, other, MAYOR, CHIEF)
    # One speaker's versions still link on their content words.
    assert _together(one, "They have all been reaffirming that 'Always Ready To Rebuild' is our motto.")
    # A short quotation inside a long shared run of the speaker's own words still leaves the run.
    run = "We are going to repair every 'temporary' bridge on the northern ring road"
    assert _together(f"{run} … whatever it takes", f"{run}, and we will start in May.", MAYOR, CHIEF)


def test_the_same_wording_with_another_claim_never_links_across_speakers() -> None:
    assert not _together(
        "We have moved 3,000 people from the coastal villages since Sunday night.",
        "We have moved four thousand people from the coastal villages since Sunday night.",
        MAYOR,
        CHIEF,
    )
    assert not _together(
        "It is far too early to say what caused the derailment.",
        "It isn't too early to say what caused the derailment.",
        MAYOR,
        CHIEF,
    )


def test_looser_matches_need_compatible_speakers() -> None:
    # Short stock phrases and re-wordings link only when the speakers agree.
    assert not _together("We will not back down.", "We will not back down.", MAYOR, CHIEF)
    # Five words: a phrase two people may both really say (a daughter echoing her father).
    assert not _together(
        "Fairness means fairness for everyone.", "Fairness means fairness for everyone.", MAYOR, CHIEF
    )
    # Six words printed identically are one person's wording, whoever each outlet names.
    assert _together("We know how to rebuild bridges.", "We know how to rebuild bridges.", MAYOR, CHIEF)
    one = "Our priority is the evacuation of elderly residents from the lower valley."
    two = "The priority for us is evacuating the elderly residents of the lower valley."
    assert _together(one, two, MAYOR, MAYOR)
    assert not _together(one, two, MAYOR, CHIEF)
    # An unnamed source is weak evidence: another outlet may name the person behind "a city spokesman".
    assert _together(one, two, MAYOR, "a city spokesman")


def test_a_trim_links_a_body_and_a_person_but_not_two_people_or_two_bodies() -> None:
    # A body speaks through people: "Harbour Council said" in one outlet is its spokesman named in
    # another, so a word-for-word trim (a few words left out) links them as one speaker's versions.
    short = "We are under pressure from the insurers"
    long = "We are under a lot of pressure from the insurers this winter."
    assert _together(short, long, "Harbour Council", CHIEF)
    assert _together(short, long, CHIEF, "Northwind")  # one word alone: a company, not a person's full name
    # A name opened by "the" is a body or a role ("The Coast Conservative"), not a person's name.
    assert _together(short, long, "The Coast Conservative", CHIEF)
    assert not _together(short, long, "Harbour Council", "Northwind")
    assert not _together(short, long, MAYOR, CHIEF)
    # A re-wording needs one speaker (or an unknown one): a body and a person are not that.
    one = "Our priority is the evacuation of elderly residents from the lower valley."
    two = "The priority for us is evacuating the elderly residents of the lower valley."
    assert _together(one, two, None, CHIEF)
    assert not _together(one, two, "Harbour Council", CHIEF)


def test_two_sentences_that_share_only_a_future_and_a_verb_are_two_claims() -> None:
    # "not going to" is the future ("will not"): what is not done differs (talk / allow).
    assert not _together(
        "I'm not going to talk about the harbour anymore.",
        "But I am not going to allow the harbour to dominate what I talk about.",
    )
    assert _together(
        "I'm not going to talk about the harbour anymore.", "I will not talk about the harbour any more."
    )


def test_a_word_said_twice_is_one_word_in_common() -> None:
    # "right ... right now" in both: two distinct content words, not the three the cover rule needs.
    assert not _together(
        "This harbour neglect stops right here and stops right now",
        "That all changes starting right here and right now.",
    )
    # Three distinct words in common, one of them respelled, still link.
    assert _together(
        "The harbour initiative will start right here and right now",
        "The harbour initative starts right here, right now.",
    )


def test_identical_words_with_another_number_or_negation_never_link() -> None:
    text = "The river rose faster than 40 of our flood models predicted."
    other = "The river rose faster than 45 of our flood models predicted."
    assert not _together(text, other, MAYOR, CHIEF)
    negated = "The river did not rise faster than any of our flood models predicted."
    assert not _together(text.replace("40", "any"), negated, MAYOR, CHIEF)


def test_one_sentence_split_in_two_by_another_outlet_joins_both() -> None:
    first = "The water supply in the valley is safe to drink."
    second = "Residents should still boil water for their young children."
    joined = "The water supply in the valley is safe to drink, but residents should still boil water for their young children."
    statements = align_all([_item(1, 1, first), _item(2, 1, second), _item(3, 2, joined)])
    member_sets = set(statements.values())
    assert frozenset({1, 3}) in member_sets
    assert frozenset({2, 3}) in member_sets
    assert not any({1, 2} <= m for m in member_sets)


def test_split_sentence_arriving_first_still_gives_both_statements() -> None:
    first = "The water supply in the valley is safe to drink."
    second = "Residents should still boil water for their young children."
    joined = "The water supply in the valley is safe to drink, but residents should still boil water for their young children."
    statements = align_all([_item(3, 1, joined), _item(1, 2, first), _item(2, 2, second)])
    assert set(statements.values()) == {frozenset({1, 3}), frozenset({2, 3})}


def test_at_most_one_member_per_article_unless_repeated() -> None:
    a = "Crews worked through the night to clear the storm drains downtown."
    b = "Crews worked all night to clear the storm drains in the downtown area."
    statements = align_all([_item(1, 1, a), _item(2, 1, b), _item(3, 2, a)])
    assert not any({1, 2} <= m for m in statements.values())
    repeated = align_all([_item(1, 1, a), _item(2, 1, a), _item(3, 2, a)])
    assert frozenset({1, 2, 3}) in set(repeated.values())


def test_incremental_update_reports_joins_and_new_statements() -> None:
    kept = "The bridge will stay closed until engineers inspect every pillar."
    placed = [PlacedSentence(_item(10, 1, kept), frozenset({7}))]
    new = [
        _item(20, 2, kept + " And the railings."),
        _item(21, 2, "Schools reopen on Monday morning across the district."),
    ]
    update = assign_statements(new, placed)
    assert update.placements[0] == frozenset({7})
    assert update.placements[1] == frozenset({-1})
    assert update.added == {7: frozenset({20}), -1: frozenset({21})}


def test_new_half_takes_in_the_existing_long_sentence() -> None:
    joined = "The water supply in the valley is safe to drink, but residents should still boil water for their young children."
    first = "The water supply in the valley is safe to drink."
    second = "Residents should still boil water for their young children."
    placed = [
        PlacedSentence(_item(1, 1, joined), frozenset({5})),
        PlacedSentence(_item(2, 2, first), frozenset({5})),
    ]
    update = assign_statements([_item(3, 3, second)], placed)
    # The existing statement {1, 2} cannot take the second half (2 is not linked to it), so a new
    # statement is made that also holds the long sentence.
    assert update.placements == (frozenset({-1}),)
    assert update.added == {-1: frozenset({1, 3})}


def _seed_sentences() -> list[SentenceItem]:
    if not SEEDS.is_dir():
        pytest.skip("seed articles not available")
    items: list[SentenceItem] = []
    for article, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        body = path.read_text(encoding="utf-8")
        for match in re.finditer(r"[“\"]([^”\"]+)[”\"]", body):
            quote = match.group(1)
            for start, end in split_sentences(quote):
                sentence = quote[start:end]
                if len(sentence.split()) >= 4:
                    items.append(SentenceItem(len(items), article, None, sentence))
    return items


def test_seed_articles_align_shared_quotes_without_chaining() -> None:
    items = _seed_sentences()
    by_key = {i.key: i for i in items}
    statements = align_all(items)
    cross_outlet = [m for m in statements.values() if len({by_key[k].article_key for k in m}) > 1]
    # The three seed articles quote the same press conference: many sentences appear in two or three.
    assert len(cross_outlet) >= 10
    for members in statements.values():
        for a in members:
            for b in members:
                runs = word_diff(by_key[a].text, by_key[b].text)
                assert apply_diff(runs) == by_key[b].text
                assert apply_diff(runs, side="base") == by_key[a].text
        articles = [by_key[k].article_key for k in members]
        assert len(articles) == len(set(articles))
        for a in members:
            for b in members:
                stems_a, stems_b = set(content_stems(by_key[a].text)), set(content_stems(by_key[b].text))
                assert len(stems_a & stems_b) >= min(2, len(stems_a), len(stems_b))


# --- link rules added for the pair set (bench/annotations/pairs.json) --------------------------------------


def test_negated_sentence_never_links_to_its_positive() -> None:
    assert not _together("We will attend the summit in Geneva.", "We will not attend the summit in Geneva.")
    assert not _together(
        "The levee is safe for the families below.", "The levee isn't safe for the families below."
    )


def test_a_negation_whose_verb_is_left_out_does_not_reach_the_next_clause() -> None:
    # "They won't, because ..." negates a verb left out; the clause after it is the quote another outlet
    # printed alone.
    assert _together(
        "Because we will go in there, and we will shut the depot down for good.",
        "And I told them, 'They won't, because we will go in there and we will shut the depot down for good.'",
    )
    # A negation past an aside still negates its verb: never the affirmed sentence.
    assert not _together(
        "We will attend the summit in Geneva.",
        "We will not, under any circumstances, attend the summit in Geneva.",
    )


def test_trimmed_negated_clause_is_no_polarity_conflict() -> None:
    full = "We will rebuild the library and the museum, but we will not rebuild the old car park."
    assert _together(full, "We will rebuild the library and the museum.")


def test_changed_number_is_another_statement_but_a_respelled_one_is_not() -> None:
    assert not _together(
        "At least 41 people died in the depot fire.", "At least 47 people died in the depot fire."
    )
    assert _together(
        "At least 41 people died in the depot fire.", "At least forty-one people died in the depot fire."
    )
    # A trim may drop a number.
    assert _together(
        "We evacuated 3,000 people and opened 12 shelters in the valley.",
        "We evacuated 3,000 people in the valley.",
    )


def test_swapped_numbers_are_another_statement() -> None:
    assert not _together(
        "The flood destroyed two bridges and three schools.",
        "The flood destroyed three bridges and two schools.",
    )


def test_one_content_word_sentences_link_only_when_equal() -> None:
    assert not _together("Thank you.", "Thank you very much.")
    assert not _together("No comment.", "No further comment on the case.")
    assert _together("Thanks.", "Thank you.")


def test_two_content_word_sentence_links_to_a_one_word_longer_version_only() -> None:
    assert _together("We will attend the summit.", "We will attend the summit in Geneva.")
    assert not _together("Good morning.", "Good morning, everyone, and thanks for coming.")


def test_typo_and_transliteration_are_forgiven() -> None:
    assert _together(
        "The govermnent will compensate every household hit by the blackout.",
        "The government will compensate every household hit by the blackout.",
    )
    assert _together(
        "Velmoria stands beside the families of the miners in this hour of grief.",
        "Velmorya stands beside the families of the miners in their hour of sorrow.",
    )


def test_typo_forgiveness_never_joins_short_words() -> None:
    assert not _together("The cat sat on the mat today.", "The car sat on the map today.")


def test_clauses_printed_in_the_other_order_link() -> None:
    assert _together(
        "If the rain continues, the river will break its banks by Friday.",
        "The river will break its banks by Friday if the rain continues.",
    )


def test_editorial_brackets_and_contractions_link() -> None:
    assert _together(
        "They will publish the audit of the harbour next week.",
        "[The council] will publish the audit of the harbour next week.",
    )
    assert _together(
        "We won't close the clinic in the old town.", "We will not close the clinic in the old town."
    )


def test_neighbouring_words_swapped_link() -> None:
    assert _together(
        "The guarantor states should take responsibility for fulfilling the requirements of the pact.",
        "The guarantor states must assume responsibility for meeting the pact's requirements.",
    )


def test_letters_swapped_by_a_typo_link() -> None:
    assert _together(
        "We have recieved firm assurances from the contractor about the tunnel.",
        "We have received firm assurances from the contractor about the tunnel.",
    )


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        # One outlet prints the end of the sentence, another the whole.
        (
            "no one is above the rules here",
            "The ruling is a reminder that no one is above the rules here.",
        ),
        # One outlet's sentence is a clause of another's, which runs on into the next sentence.
        (
            "The crane tipped over and flattened the market stalls.",
            "I was at the harbour when the crane tipped over onto the stalls. . . .The festival closed early"
            " after the accident and the crowd went home.",
        ),
        # A quote fragment inside the other outlet's paraphrase, clause by clause.
        (
            "They didn't pick the right tyres, unlucky with the rain, but it was good for the sport.",
            "Although the team didn't pick the right tyres and were unlucky with the rain, it was almost worth"
            " the bad stop to watch what he did next on the final laps of the race.",
        ),
    ],
)
def test_part_of_a_sentence_joins_the_whole(part: str, whole: str) -> None:
    assert _together(part, whole)
    assert _together(whole, part)


def test_containment_needs_one_unbroken_run_of_words() -> None:
    # Every word of the short sentence appears in order in the long one, but scattered: another claim.
    assert not _together(
        "The team is in the final.", "The team from the north is in good shape for the final of the cup."
    )
    # Too short to be distinctive: a run with one content word is a stock phrase.
    assert not _together("We stand with them.", "The mayor said that we stand with them and their families.")


@pytest.mark.parametrize(
    ("part", "whole"),
    [
        ("Nobody was ever charged.", "The fund lost millions, and nobody was ever charged."),
        # One outlet ran two sentences together where another printed the second alone.
        ("I think it's reckless.", "But I don't think it's fair. I think it's reckless."),
        ("The bridge is an eyesore.", "The bridge is an eyesore that blocks the river view."),
    ],
)
def test_a_four_word_sentence_inside_a_longer_one_joins_it(part: str, whole: str) -> None:
    assert _together(part, whole)
    assert _together(whole, part)
    # Another speaker: four words are too few to be one person's wording.
    assert not _together(part, whole, MAYOR, CHIEF)


def test_a_four_word_run_with_another_number_or_a_negation_stays_apart() -> None:
    assert not _together("The budget was cut.", "The budget was not cut, the council said today.")
    assert not _together("We lost 40 homes.", "In the first night we lost 45 homes to the fire.")


def test_a_clause_match_needs_the_clauses_side_by_side() -> None:
    # The short sentence's words gathered from clauses far apart in a long sentence are another claim.
    assert not _together(
        "at least tried to strike a deal with the rival firm to weaken our union",
        "We have a manager who, in my view, beyond any doubt, tried to, however clumsily, strike a deal with"
        " the rival firm, a foreign owner, to weaken and split our workforce.",
    )


def test_a_sentence_printed_word_for_word_links_whatever_speakers() -> None:
    # Seven words or more, identical: one person's wording, whoever the outlets name.
    text = "This storm took everything our street had."
    assert _together(text, text, MAYOR, CHIEF)
    # One word changed: a re-wording, which needs the speakers' agreement.
    assert not _together(text, "This storm took everything our town had.", MAYOR, CHIEF)


def test_a_trim_that_the_longer_sentence_negates_is_another_claim() -> None:
    part = "They will sell the farm."
    assert not _together(part, "Nobody is saying that they will sell the farm this year.")
    # A negation in another clause does not reach the run.
    assert _together(part, "Nobody asked us, but they will sell the farm this year.")


def test_a_long_trim_printed_inside_another_sentence_links_whatever_speakers() -> None:
    # Seven words or more printed word for word inside another outlet's sentence: one person's wording.
    whole = "I was at the market all morning, and nobody warned us about the water."
    assert _together("And nobody warned us about the water.", whole, MAYOR, CHIEF)
    # Six words: a remark two people may both make.
    assert not _together(
        "Nobody warned us about it.", "Honestly, nobody warned us about it at all.", MAYOR, CHIEF
    )
    # The trim must not drop a negation the whole sentence carries.
    assert not _together(
        "We will close the old pool next year.", "We will not close the old pool next year.", MAYOR, CHIEF
    )


def test_a_word_printed_between_a_negation_and_its_word_is_no_polarity_conflict() -> None:
    assert _together(
        "The plans aren't drawn, signed or costed yet, but I think work will start in spring.",
        "The plans aren't signed or costed yet, but I think work will start in spring.",
    )
    # A negation added is another claim, wherever it lands.
    assert not _together(
        "I'm not going to say that I'm not going to run again.",
        "I'm not saying that I am going to run again.",
    )


def test_a_negation_reaches_past_any_words_and_hedges() -> None:
    assert _together(
        "I don't think it's any worse than what the council has done.",
        "I don't think it's anything worse than what the council has done.",
    )
    assert _together("I don't really trust the new contractor.", "I don't trust the new contractor.")
    assert not _together("I don't really trust the new contractor.", "I really trust the new contractor.")


def test_no_answering_after_a_discourse_marker_negates_nothing() -> None:
    assert _together(
        "So no, the school wasn't in danger, but a lot could have gone wrong that night.",
        "The school wasn't in danger, but a lot could have gone wrong that night.",
    )
    assert not _together("The answer is no.", "The answer is yes.")


def test_the_same_frame_about_another_name_is_another_claim() -> None:
    assert not _together(
        "Councillor Hale has done a great job for this town.",
        "Councillor Brook has done a great job for this town.",
    )
    assert not _together("The ferry will sail on Monday.", "The ferry will sail on Thursday.")
    # The same name abbreviated, respelled or in more words is the same name.
    assert _together("I feel very sorry for Gen. Harlow today.", "I feel sorry for General Harlow today.")
    assert _together("Councillor Hale has done a great job.", "Councillor Hael has done a great job.")
    assert _together(
        "The US will not sign the treaty this year.", "The United States will not sign the treaty this year."
    )


def test_the_same_sentence_about_another_thing_is_another_claim() -> None:
    assert not _together(
        "I have full confidence in the police chief.", "I have full confidence in the fire chief."
    )
    assert not _together(
        "The mayor knew about the cracks for months.", "The engineers knew about the cracks for months."
    )
    # An adjective of extent put for another after the determiner is a re-wording, not another thing.
    assert _together(
        "The sea wall cracked along its whole length overnight.",
        "The sea wall cracked along its entire length overnight.",
    )
    # A translator's adjective with another word changed too is a re-wording.
    assert _together(
        "We have also requested an emergency meeting of the security council.",
        "We have requested an urgent meeting of the security council.",
    )


def test_a_word_more_or_less_in_a_transcription_links() -> None:
    assert _together("I must say she impressed me today.", "I must say that she impressed me.")
    # Too short to tell a transcription from another remark.
    assert not _together("She impressed me today.", "She impressed us.")


def test_one_changed_word_in_a_short_distinctive_sentence_links_across_speakers() -> None:
    a = "Kerr lied, and it's like, it wrecked his career."
    b = "Kerr lied and it's like they wrecked his career."
    assert _together(a, b, MAYOR, CHIEF)


def test_a_changed_verb_never_links() -> None:
    assert not _together("The ferry will sail from the north pier.", "The ferry was sunk at the north pier.")
    assert not _together("The mayor will open the new library.", "The mayor opened the new library.")


def test_a_sentence_is_compared_only_with_its_own_candidates() -> None:
    kept = "The bridge will stay closed until engineers inspect every pillar."
    placed = [PlacedSentence(_item(10, 1, kept), frozenset({7}))]
    new = [_item(20, 2, kept), _item(21, 2, kept + " And the railings.")]
    # The index gave the first sentence statement 7 and the second none: only the first may join it.
    update = assign_statements(new, placed, candidates={20: frozenset({7}), 21: frozenset()})
    assert update.placements[0] == frozenset({7})
    assert 7 not in update.placements[1]


def test_a_copy_joins_its_copys_statements_without_a_comparison() -> None:
    long = "The bridge will stay closed until engineers inspect every pillar, and the ferry will run instead."
    # Statement 7 was not even loaded: the copy joins it on its earlier copy's word.
    update = assign_statements(
        [_item(20, 2, long)], [], candidates={20: frozenset({7})}, copies={20: frozenset({7})}
    )
    assert update.placements[0] == frozenset({7})
    assert update.added[7] == frozenset({20})


def test_a_second_copy_of_one_article_in_the_same_statement_is_compared() -> None:
    long = "The bridge will stay closed until engineers inspect every pillar. The ferry will run instead."
    # Not printed word for word inside its own article's long sentence (that would be a repeat).
    half = "The ferries will run instead."
    placed = [
        PlacedSentence(_item(10, 1, long), frozenset({7})),
        PlacedSentence(_item(11, 3, half), frozenset({7})),
    ]
    new = [_item(20, 2, long), _item(21, 2, half)]
    copies = {20: frozenset({7}), 21: frozenset({7})}
    update = assign_statements(new, placed, candidates=copies, copies=copies)
    assert update.placements[0] == frozenset({7})
    # The half and the long sentence of one article are two sentences, not a repeat: the half starts a
    # statement with the other outlets' sentences instead of joining the one its own article's long
    # sentence joined.
    assert 7 not in update.placements[1]
    assert any({10, 11, 21} <= update.added[s] for s in update.placements[1])


def test_a_longer_sentence_one_word_apart_links_whoever_outlets_name() -> None:
    a = "How many more boats do we need to lose?"
    b = "How many more boats do they need to lose?"
    assert _together(a, b, MAYOR, CHIEF)
    # Seven words or fewer: a stock phrase two people may both say.
    assert not _together("How many do we need now?", "How many do they need now?", MAYOR, CHIEF)


def test_only_a_whole_short_sentence_of_the_fragments_is_aligned() -> None:
    from app.core.align import aligned_fragment

    assert aligned_fragment("Teachers should teach.") and aligned_fragment("We will win!")
    assert not aligned_fragment("a total failure")  # words lifted from the reporter's sentence
    assert not aligned_fragment("Very unfair")  # no stop of its own
    assert not aligned_fragment("It is.")  # two words


def _statements_holding(statements: dict[int, frozenset[int]], key: int) -> list[frozenset[int]]:
    return [members for members in statements.values() if key in members]


@pytest.mark.parametrize("reverse", [False, True])
def test_a_part_printed_again_by_the_same_outlet_keeps_one_statement(reverse: bool) -> None:
    whole = "We will keep the ferry running every single day all winter, whatever the council decides."
    part = "keep the ferry running every single day"
    # Outlet 1 prints the whole sentence and its part again on its own; outlet 2 prints the whole.
    articles = [[(1, whole), (2, part)], [(3, whole)]]
    if reverse:
        articles.reverse()
    items = [
        _item(key, article, text) for article, sentences in enumerate(articles) for key, text in sentences
    ]
    statements = align_all(items)
    # One sentence, one statement, whichever outlet came first: no row shown twice.
    assert _statements_holding(statements, 3) == [frozenset({1, 2, 3})]


@pytest.mark.parametrize("reverse", [False, True])
def test_halves_of_one_outlet_still_make_two_statements(reverse: bool) -> None:
    whole = "The pier will reopen in March, and the ferry will run twice a day from the old harbour."
    first = "The pier will reopen in March."
    second = "The ferry will run twice a day from the old harbour."
    articles = [[(1, first), (2, second)], [(3, whole)]]
    if reverse:
        articles.reverse()
    items = [
        _item(key, article, text) for article, sentences in enumerate(articles) for key, text in sentences
    ]
    statements = align_all(items)
    # Two halves are two claims: the whole belongs to both, the halves never share a statement.
    assert sorted(_statements_holding(statements, 3), key=min) == [frozenset({1, 3}), frozenset({2, 3})]


def test_a_part_the_same_outlet_negates_elsewhere_stays_apart() -> None:
    denial = "I never said that we will close the school next year."
    claim = "we will close the school next year"
    statements = align_all([_item(1, 1, denial), _item(2, 1, claim)])
    assert not any({1, 2} <= members for members in statements.values())
