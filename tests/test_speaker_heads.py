"""The head of a speaker's phrase speaks: a name before its party tag or before a preposition's object.

Every text is invented; each row is one general pattern of news writing.
"""

from __future__ import annotations

import pytest

from app.core.quotes import extract_quotes


def _speaker(text: str) -> str | None:
    quotes = [q for q in extract_quotes(text) if not q.fragment]
    assert quotes, f"no quote found in {text!r}"
    return quotes[-1].speaker


PARTY_TAGS = [
    # A party tag in apposition is stepped over like any appositive: the name before it speaks.
    (
        "Officials met on Monday.\n\nRepresentative Tim Ward, Republican of Ohio, a founder of the Budget "
        "Caucus, asked if the mayor should resign, said, \u201cI\u2019ll leave that to the voters.\u201d",
        "Tim Ward",
    ),
    (
        "Officials met on Monday.\n\nSenator Amy Lane, Democrat of Iowa, said the bill was \u201ca disgrace to "
        "the whole state.\u201d",
        "Amy Lane",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), PARTY_TAGS)
def test_a_party_tag_is_an_appositive_of_the_name(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


NAME_BEFORE_PREPOSITION = [
    # "<name> in/at/of <paper or firm>": the person heads the phrase, the paper only says where they write.
    (
        "Officials met on Monday.\n\nBut do not write him off. Jane Fell in the Daily Courier today explains "
        "why, \u201cMore than any other candidate, he is a real fighter.\u201d",
        "Jane Fell",
    ),
    ('"We will win this seat," said Jane Fell of the Daily Courier.', "Jane Fell"),
]


@pytest.mark.parametrize(("text", "speaker"), NAME_BEFORE_PREPOSITION)
def test_a_name_before_a_preposition_heads_the_mention(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


BODY_AFTER_OPENING_PHRASE = [
    # A time phrase opens the sentence; the body after its comma quotes the words, not the person named in
    # the paragraph before.
    (
        "\u201cWe will fight on,\u201d Mayor Jo Roe said on Monday.\n\nHours before the vote, the FDA defended "
        "its decision as \u201cpart of a careful review of the science.\u201d",
        "the FDA",
    ),
    (
        "\u201cWe will fight on,\u201d Mayor Jo Roe said on Monday.\n\nOn Monday, the Northside Host Committee "
        "came out against the bill, stating, \u201cWe have heard loud and clear from our partners.\u201d",
        "the Northside Host Committee",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), BODY_AFTER_OPENING_PHRASE)
def test_a_body_after_an_opening_phrase_owns_the_words_it_quotes(text: str, speaker: str) -> None:
    assert _speaker(text) == speaker


def test_a_role_and_name_before_a_relative_clause_speak_after_the_quote() -> None:
    text = (
        "Officials met.\n\n\u201cGood news for the city today,\u201d the commentator Ann Coulter, who has long "
        "pushed Mr. Roe to keep his campaign promise, wrote on Twitter."
    )
    assert _speaker(text) == "Ann Coulter"


def test_a_possessor_inside_an_opening_phrase_is_no_subject() -> None:
    text = (
        "\u201cWe will fight on,\u201d Mayor Jo Roe said on Monday.\n\nHours before Roe\u2019s review "
        "announcement, the FDA defended its decision as \u201cpart of a careful review of the science.\u201d"
    )
    assert _speaker(text) == "the FDA"
