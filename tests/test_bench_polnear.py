"""The PolNeAR bench's proxy for a pronoun's referent (bench/polnear.py): the corpus gives a pronoun as
written, so the scorer walks back over the annotated sources. Every span is invented."""

from __future__ import annotations

from bench.polnear import pronoun_referents, source_gender, speaker_right, surname_genders


def test_source_gender_reads_role_nouns_honorifics_and_given_names_of_the_head() -> None:
    assert source_gender("the congresswoman") == "f"
    assert source_gender("Mrs. Roe") == "f"
    assert source_gender("Hillary Roe") == "f"
    assert source_gender("Acme spokesman Jo Roe") == "m"
    # A given name in a modifier tells nothing of the head ("a supporter of Donald Roe").
    assert source_gender("Jo Roe, 33, a supporter of Republican Donald Roe") is None
    # "King" is a surname here, not a role noun.
    assert source_gender("Tennis great Jean King") is None
    assert source_gender("Jo Roe") is None


def test_a_she_passes_over_a_man_and_a_definite_description_back_to_the_woman() -> None:
    sources = [(0, "Senator Hillary Roe"), (100, "Mayor Tom Doe"), (200, "The actress")]
    assert pronoun_referents(sources, 300, "f") == ["The actress", "Senator Hillary Roe"]
    assert pronoun_referents(sources, 300, "m") == ["Mayor Tom Doe"]  # no "he" is the actress
    sources = [(0, "Senator Hillary Roe"), (100, "Mayor Tom Doe"), (200, "The senator")]
    assert pronoun_referents(sources, 300, "m") == ["The senator", "Mayor Tom Doe"]


def test_an_indefinite_description_is_its_own_referent_and_a_body_none() -> None:
    sources = [(0, "Jo Roe"), (100, "a campaign spokeswoman")]
    assert pronoun_referents(sources, 200, "f") == ["a campaign spokeswoman"]
    assert pronoun_referents([(0, "Jo Roe"), (100, "the AP")], 200, "m") == ["Jo Roe"]


def test_a_he_is_scored_against_the_named_person_behind_the_florida_senator() -> None:
    sources = [(0, "Florida Sen. Marco Doe"), (100, "the Florida senator")]
    gold = {"speaker": "He", "speaker_kind": "pronoun", "speaker_start": 200, "start": 210}
    assert speaker_right(gold, "Marco Doe", sources)
    assert not speaker_right(gold, "Tom Bloggs", sources)


def test_a_lone_surname_takes_the_gender_of_the_full_name_the_article_prints() -> None:
    known = surname_genders(
        "Bernie Roe spoke. Hillary Doe answered. Mrs. Lund left. Ann Cole and Tom Cole met."
    )
    assert known == {"roe": "m", "doe": "f", "lund": "f"}  # the Coles are of both genders: none
    sources = [(0, "Doe"), (100, "Roe")]
    assert pronoun_referents(sources, 200, "f", known) == ["Doe"]
    # Only a source with one head: "Jo Levin, a superdelegate supporting Doe," tells nothing of Levin.
    assert source_gender("Jo Levin, a superdelegate supporting Doe,", known) is None


def test_a_who_is_scored_against_the_name_right_before_it() -> None:
    text = "The plan drew fire from the mayor and from Sen. Jo Roe of Ohio, who said it was wrong."
    start = text.index("who")
    gold = {"speaker": "who", "speaker_kind": "pronoun", "speaker_start": start, "start": start + 10}
    # The nearest annotated source names someone else; the name right before "who" is the referent.
    sources = [(0, "Tom Bloggs")]
    assert speaker_right(gold, "Jo Roe", sources, {}, text)
    assert speaker_right(gold, "Tom Bloggs", sources, {}, text)  # the proxy's answer stays right too
    assert not speaker_right(gold, "Max Orlo", sources, {}, text)
