"""Speakers that are page clutter, clauses or capitalised descriptions, never people: invented sentences."""

from __future__ import annotations

from app.core.quotes import extract_quotes


def _speakers(body: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(body)]


def test_indefinite_body_description_opening_a_sentence_reads_in_lower_case() -> None:
    body = 'A new coalition says that large platforms are in a "race to capture our attention" every day.'
    assert _speakers(body) == ["a new coalition"]


def test_capitalised_indefinite_document_reads_as_a_description() -> None:
    body = 'A Cabinet statement said: "We are fully ready for any threat from the river this week."'
    assert _speakers(body) == ["a Cabinet statement"]


def test_definite_common_description_opening_a_sentence_reads_in_lower_case() -> None:
    body = 'The coalition said "we are worried about the children and their sleep now".'
    assert _speakers(body) == ["the coalition"]


def test_definite_proper_name_keeps_its_capital() -> None:
    body = 'The Harbour Gazette said "the wall will be rebuilt before the storms arrive".'
    assert _speakers(body) == ["The Harbour Gazette"]


NEWSLETTER = (
    "Newsletter Sign Up Continue reading the main story. You must select a newsletter. "
    "Sign Up You agree to receive occasional updates."
)


def test_newsletter_box_words_are_no_person_for_a_pronoun() -> None:
    body = (
        "Mayor Lena Ortiz spoke on Monday.\n\n"
        f"{NEWSLETTER}\n\n"
        '"We have lodged a firm protest with the port. We want a meeting," she added.'
    )
    assert _speakers(body) == ["Lena Ortiz"]


def test_newsletter_box_alone_leaves_the_pronoun_unresolved() -> None:
    body = f'{NEWSLETTER}\n\n"We have lodged a firm protest with the port. We want a meeting," he added.'
    assert _speakers(body) == [None]


def test_sentence_opening_modifier_is_no_given_name_of_a_body() -> None:
    body = (
        "Early Acme and Zento employees form a coalition\n\n"
        "The coalition grew from early staff at Acme and Zento.\n\n"
        'Acme said it "is a valued part of many lives and we take that seriously".'
    )
    assert _speakers(body) == ["Acme"]


def test_named_place_opening_a_sentence_is_no_speaker_of_a_quoted_term() -> None:
    body = (
        'The Lakeside Valley investors behind the fund include Jo Smith, a former "design ethicist" at Acme.'
    )
    assert "The Lakeside Valley" not in _speakers(body)


def test_capital_city_speaks_for_its_government_not_the_person_named_before() -> None:
    body = 'Mayor Jo Roe spoke on Monday. Beijing said "it is time to settle all the claims now".'
    assert _speakers(body) == ["Beijing"]


def test_country_after_the_quote_is_its_speaker() -> None:
    body = 'Mayor Jo Roe spoke on Monday. "It is time to settle all the claims now," South Korea said.'
    assert _speakers(body) == ["South Korea"]


def test_dateline_place_in_capitals_is_no_speaker() -> None:
    body = 'MEXICO CITY (AP) - "We will settle all the claims now and forever," Mayor Jo Roe said.'
    assert _speakers(body) == ["Jo Roe"]


def test_demonym_opening_a_sentence_is_no_person_for_the_country() -> None:
    body = (
        'North Korean state media praised the test on Friday.\n\nNorth Korea threatened to "sink" the island.'
    )
    assert _speakers(body) != ["North Korean"]
    assert _speakers(body)[0] in (None, "North Korea")


def test_definite_noun_refers_to_the_body_it_heads_with_a_complement() -> None:
    body = (
        "The Center for Kind Technology launched on Monday.\n\n"
        'The center said "we are all at risk from these phones now".'
    )
    assert _speakers(body) == ["Center for Kind Technology"]


def test_two_bodies_with_the_noun_leave_the_description() -> None:
    body = (
        "The Department of Justice and the Department of State met.\n\n"
        'The department said "we are all at risk from these phones now".'
    )
    assert _speakers(body) == ["the department"]


def test_place_between_commas_is_where_not_who() -> None:
    body = (
        "Candidate Jo Roe spent the day on the trail.\n\n"
        'Speaking at a town hall in Salem, New Hampshire, Roe went after Doe, calling him "a total stiff."'
    )
    assert _speakers(body) == ["Jo Roe"]


def test_place_after_an_opening_phrase_and_its_comma_speaks() -> None:
    body = 'Mayor Jo Roe spoke on Monday. Just before dawn, Beijing warned that it was time to "crush" them.'
    assert _speakers(body) == ["Beijing"]
