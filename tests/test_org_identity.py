"""One organisation under the forms an article or an event prints (app.core.org_identity), on invented text."""

from __future__ import annotations

import pytest

from app.core.org_identity import (
    article_bodies,
    initials,
    is_acronym_of,
    is_body,
    org_kind,
    same_organisation,
)
from app.core.quotes import extract_quotes
from app.core.speakers import canonical_speaker


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Norland Coastal Airways", "NCA"),
        ("Federal Bureau of Inquiry", "FBI"),  # function words are skipped
        ("All-Varn Airways", "AVA"),  # hyphenated parts count apart
        ("U.K. Rail Board", "UKRB"),  # an initialism keeps its letters
        ("the Varn Rifle League", "VRL"),
    ],
)
def test_initials_of_a_body(name: str, expected: str) -> None:
    assert initials(name) == expected


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("NCA", "Norland Coastal Airways", True),
        ("N.C.A.", "Norland Coastal Airways", True),
        ("the NCA", "Norland Coastal Airways", True),
        ("NCB", "Norland Coastal Airways", False),
        ("Nca", "Norland Coastal Airways", False),  # not written as an acronym
        ("NC", "Carl", False),  # one word has no initials to abbreviate
        ("the JSC", "Norland's Joint Signals Command", True),  # the owner before a possessive is left off
    ],
)
def test_acronym_of_a_full_name(short: str, full: str, expected: bool) -> None:
    assert is_acronym_of(short, full) is expected


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Norland Coastal Airways", "airline"),
        ("Delta Sky Air Lines", "airline"),
        ("the carrier", "airline"),
        ("Department of Roads", "department"),
        ("Acme Widgets Inc.", "company"),
        ("the firm", "company"),
        ("Jo Roe", None),
    ],
)
def test_kind_of_a_body(name: str, kind: str | None) -> None:
    assert org_kind(name) == kind


def test_an_acronym_the_article_defines_is_its_full_name() -> None:
    body = "A ferry turned back on Tuesday, the Varn Ferry Transport (VFT) said.\n\nVFT said it would review."
    assert article_bodies(body).fullest("VFT") == "Varn Ferry Transport"


def test_a_name_cut_short_takes_the_fullest_form_the_article_prints() -> None:
    body = (
        "The jet landed late, All Norland Airways said. A spokesman for Norland Airways declined to comment."
    )
    assert article_bodies(body).fullest("Norland Airways") == "All Norland Airways"
    # A person is never lengthened.
    assert article_bodies(body).fullest("Jo Roe") == "Jo Roe"


def test_a_sentence_opening_word_is_no_part_of_a_name() -> None:
    body = "It was late. But Norland Airways said nothing."
    assert [b.name for b in article_bodies(body).bodies] == ["Norland Airways"]


def test_the_airline_is_the_one_airline_given_a_voice() -> None:
    body = (
        "The flight returned, All Norland Airways said. The passenger held a Vale Airlines ticket.\n\n"
        "ANA said it was sorry. The airline said more."
    )
    bodies = article_bodies(body)
    assert bodies.of_kind("airline", len(body)) == "All Norland Airways"
    assert bodies.of_kind("carrier", len(body)) == "All Norland Airways"


def test_two_airlines_nobody_quoted_leave_the_airline_as_printed() -> None:
    body = "Passengers of Vale Airlines and Norland Airways waited for hours.\n\nThe airline said more."
    assert article_bodies(body).of_kind("airline", len(body)) is None


def test_quotes_of_a_body_under_its_acronym_and_class_noun_name_one_speaker() -> None:
    body = (
        "A jet turned back on Tuesday, All Norland Airways (ANA) said in a statement.\n\n"
        "\u201cThe crew learned of the mix-up during the flight,\u201d ANA said.\n\n"
        "A passenger said she held a Vale Airlines ticket.\n\n"
        "\u201cWe take great pride in our service to every passenger,\u201d the airline said."
    )
    speakers = [q.speaker for q in extract_quotes(body)]
    assert speakers == ["All Norland Airways", "All Norland Airways"]


def test_a_class_noun_never_takes_words_of_another_phrase() -> None:
    body = (
        "The Varn flight made the unscheduled detour after airline crew found a problem.\n\n"
        "\u201cWe are looking into what happened on board,\u201d the airline said."
    )
    assert [q.speaker for q in extract_quotes(body)] == ["the airline"]


def test_an_acronym_and_its_full_name_are_one_speaker_of_the_event() -> None:
    assert canonical_speaker("VRL", ["Jo Roe", "Varn Rifle League"]) == "Varn Rifle League"
    assert canonical_speaker("Varn Rifle League", ["VRL"]) == "VRL"
    assert same_organisation("VRL", ["Varn Rifle League", "Vale Rail Line"]) is None  # two fit: no answer


def test_bodies_joined_by_and_or_owning_a_noun_are_read_apart() -> None:
    body = "Pilots of Vale Airlines and Norland Airways met. The head of Acme Widgets Inc. spoke."
    assert [b.name for b in article_bodies(body).bodies] == [
        "Vale Airlines",
        "Norland Airways",
        "Acme Widgets Inc",
    ]


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        ("VDR", ["Varn Department of Roads"], "Varn Department of Roads"),  # "of" skipped
        ("VDoR", ["Varn Department of Roads"], "Varn Department of Roads"),  # "of" counted
        (
            "the VRL",
            ["Varn Rifle League of Norland"],
            "Varn Rifle League of Norland",
        ),  # "of <place>" left off
        ("Acme Widgets", ["Acme Widgets Inc."], "Acme Widgets Inc."),  # a legal form outlets add or drop
        ("Norland Press Service", ["NPS", "the NPS"], "NPS"),  # one body printed twice
        ("JR", ["Jo Roe"], None),  # two words of no body's kind may be a person
        ("Acme Widgets", ["Acme Tools Inc."], None),
        # One outlet misspells a long body name by a letter: still the one body.
        ("the Centre for Humane Tooling", ["Centre for Human Tooling"], "Centre for Human Tooling"),
        ("Bureau of Land Managment", ["Bureau of Land Management"], "Bureau of Land Management"),
        ("Mary Ann Smith", ["Mary Ann Smyth"], None),  # three names a letter apart are two people
        ("Centre for Humane Rights", ["Centre for Humane Tooling"], None),  # a word apart is another body
    ],
)
def test_one_body_across_outlets(name: str, known: list[str], expected: str | None) -> None:
    assert same_organisation(name, known) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("VNS", True), ("Varn Press Agency", True), ("Margaret Court", False), ("Jo Roe", False)],
)
def test_a_body_is_no_person(name: str, expected: bool) -> None:
    assert is_body(name) is expected


def test_he_never_refers_to_a_body_named_in_between() -> None:
    body = (
        "Al Doe met the mayor. The VNS asked about the plan.\n\n"
        "\u201cLet me talk to the council first and call you back,\u201d he said."
    )
    assert [q.speaker for q in extract_quotes(body)] == ["Al Doe"]


def test_a_bare_body_head_is_made_whole_from_its_mention() -> None:
    body = "Text."
    bodies = article_bodies(body)
    assert bodies.as_named("Ministry", "Norland's Roads Ministry", 0) == "Norland's Roads Ministry"
    assert (
        bodies.as_named("Ministry", "a spokeswoman for Varn's Foreign Ministry", 0)
        == "Varn's Foreign Ministry"
    )
    assert bodies.as_named("Jo Roe", "Varn's Jo Roe", 0) == "Jo Roe"  # people are left alone


def test_a_ministry_owned_by_a_country_keeps_its_name() -> None:
    body = "\u201cThe alliance with our neighbours is strong and will not change,\u201d Norland's Roads Ministry said."
    assert [q.speaker for q in extract_quotes(body)] == ["Norland's Roads Ministry"]


def test_an_and_inside_a_name_and_a_class_noun_alone() -> None:
    body = "The U.S. Fish and Wildlife Service said so. Airlines have strict rules."
    assert [b.name for b in article_bodies(body).bodies] == ["U.S. Fish and Wildlife Service"]


def test_the_carrier_is_the_airline_a_short_form_gave_a_voice() -> None:
    body = (
        "A passenger on Norland Coastal Airways Flight 17 held a Vale Airlines boarding pass.\n\n"
        "A spokesperson for Norland Coastal told reporters the crew had acted correctly.\n\n"
        "\u201cWe are looking into how the passenger boarded the flight,\u201d the carrier said."
    )
    assert [b.name for b in article_bodies(body).bodies] == ["Norland Coastal Airways", "Vale Airlines"]
    assert [q.speaker for q in extract_quotes(body)] == ["Norland Coastal Airways"]


def test_a_company_statement_is_the_voice_of_the_airline_that_spoke() -> None:
    body = (
        "Norland Airlines said on Monday it would review the case.\n\n"
        "\u201cWe do not and will not tolerate discrimination of any kind,\u201d read a company statement."
    )
    assert [q.speaker for q in extract_quotes(body)] == ["Norland Airlines"]


def test_the_company_is_not_an_airline_the_article_never_quoted() -> None:
    body = "The tour by Vale Trips flew on a Norland Air plane. A spokeswoman for Vale Trips spoke."
    # The airline never spoke, so it is no "company" a later quote means.
    assert article_bodies(body).of_kind("company", len(body)) is None
