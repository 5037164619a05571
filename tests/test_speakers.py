"""Tests of cross-outlet speaker canonicalisation."""

from __future__ import annotations

import pytest

from app.core.speakers import better_display_name, canonical_speaker, speaker_key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Sergey Lavrov", "sergei lavrov"),
        ("Sergei Lavrov", "sergei lavrov"),
        ("Russian Foreign Minister Sergey Lavrov", "sergei lavrov"),
        ("Russia's FM Sergei Lavrov", "sergei lavrov"),
        ("Dr. Anna Novak", "anna novak"),
        ("Senators Anna Novak", "anna novak"),
        ("Ms Novak", "novak"),
        ("President Aleksandr Petrenko", "alexander petrenko"),
        ("Recep Tayyip Erdoğan", "recep tayip erdogan"),
        # Family names' doubled letters are written once in the key: transliterations disagree on them.
        ("Abdel Fattah el-Sissi", "abdel fatah sisy"),
        ("Abdel Fattah al-Sisi", "abdel fatah sisy"),
        ("Bashar al Assad", "bashar asad"),
        ("Volodymyr Zelenskiy", "volodymyr zelensky"),
        ("Yevgeny Dravik", "evgeny dravik"),
        ("Evgenii Dravik", "evgeny dravik"),
        ("Dmitri Orlov", "dmitry orlov"),
        ("Dmitriy Orlov", "dmitry orlov"),
        # Honorifics of every tradition, offices, occupations, party labels, places and a dateline in
        # capitals before the name are no part of it.
        ("Alhaji Musa Tanko", "musa tanko"),
        ("Mallam Musa Tanko", "musa tanko"),
        ("Sheikh Musa Tanko", "musa tanko"),
        ("Chief Musa Tanko", "musa tanko"),
        ("Rev. Musa Tanko", "musa tanko"),
        ("Harbour County Prosecutor Anna Novak", "anna novak"),
        ("Deputy Finance Minister Anna Novak", "anna novak"),
        ("Comedian Anna Novak", "anna novak"),
        ("Republican Anna Novak", "anna novak"),
        ("Republican Novak", "novak"),
        ("The Courier's Anna Novak", "anna novak"),
        ("LAGOS Anna Novak", "anna novak"),
        ("Seoul Anna Novak", "anna novak"),
        ("Paris Novak", "paris novak"),
        ("Jo Parent Novak", "jo parent novak"),
    ],
)
def test_speaker_key(name: str, key: str) -> None:
    assert speaker_key(name) == key


def test_canonical_speaker_matches_surname_title_and_transliteration() -> None:
    known = ["Dr Anna Novak", "Sergei Lavrov", "Karl Weiss"]
    assert canonical_speaker("Ms Novak", known) == "Dr Anna Novak"
    assert canonical_speaker("Novak", known) == "Dr Anna Novak"
    assert canonical_speaker("Anna Novak", known) == "Dr Anna Novak"
    assert canonical_speaker("Sergey Lavrov", known) == "Sergei Lavrov"
    assert canonical_speaker("Lavrov", known) == "Sergei Lavrov"
    assert canonical_speaker("Foreign Minister Lavrov", known) == "Sergei Lavrov"


def test_canonical_speaker_unknown_or_ambiguous_is_none() -> None:
    assert canonical_speaker("Hakan Fidan", ["Sergei Lavrov"]) is None
    assert canonical_speaker("Petra Novak", ["Anna Novak"]) is None
    # Two different people share the surname: a bare surname cannot pick one.
    assert canonical_speaker("Novak", ["Anna Novak", "Petra Novak"]) is None
    assert canonical_speaker("Anna Novak", ["Anna Novak", "Petra Novak"]) == "Anna Novak"
    assert canonical_speaker("", ["Anna Novak"]) is None


def test_canonical_speaker_transliterated_given_names() -> None:
    assert canonical_speaker("Evgeny Dravik", ["Yevgeny Dravik", "Karl Weiss"]) == "Yevgeny Dravik"
    assert canonical_speaker("Dmitry Orlov", ["Dmitri Orlov"]) == "Dmitri Orlov"


def test_canonical_speaker_prefers_fullest_known_form() -> None:
    assert canonical_speaker("Lavrov", ["Lavrov", "Sergey Lavrov"]) == "Sergey Lavrov"


def test_better_display_name_prefers_fullest_and_is_symmetric() -> None:
    assert better_display_name("Lavrov", "Sergei Lavrov") == "Sergei Lavrov"
    assert better_display_name("Sergei Lavrov", "Lavrov") == "Sergei Lavrov"
    assert better_display_name("Dr Anna Novak", "Anna Novak") == "Anna Novak"
    assert better_display_name("Anna Novak", "Dr Anna Novak") == "Anna Novak"
    assert better_display_name("Alhaji Musa Tanko", "Musa Tanko") == "Musa Tanko"
    assert better_display_name("Musa Tanko", "Mallam Musa Tanko") == "Musa Tanko"


def test_display_name_drops_the_capital_of_a_sentence_initial_body() -> None:
    from app.core.speakers import display_name

    assert display_name("The fire service") == "the fire service"
    assert display_name("The Times") == "The Times"
    assert display_name("Tomas Ferrand") == "Tomas Ferrand"


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        # One person per event: titles, party-state tags, middle initials, "of <place>" and suffixes are no
        # part of the name; a surname alone belongs to the one full name that carries it.
        ("Mr. Doe", ["John A. Doe of Ohio"], "John A. Doe of Ohio"),
        ("Rep. John Doe (D-Ohio)", ["John A. Doe of Ohio"], "John A. Doe of Ohio"),
        ("Speaker Doe", ["John Doe"], "John Doe"),
        ("Jon Doe", ["John Doe"], "John Doe"),
        ("Harbour County Executive Jo Roe", ["Jo Roe"], "Jo Roe"),
        ("Alhaji Jo Roe", ["Jo Roe"], "Jo Roe"),
        ("Jo Roe", ["Mallam Jo Roe"], "Mallam Jo Roe"),
        ("Democrat Jo Roe", ["Jo Roe"], "Jo Roe"),
        ("LAGOS Jo Roe", ["Jo Roe"], "Jo Roe"),
        # A gendered honorific picks among people who share the surname.
        ("Abubakar Tanko", ["Abu Bakr Tanko"], "Abu Bakr Tanko"),
        ("Jean Pierre Roe", ["Jean-Pierre Roe"], "Jean-Pierre Roe"),
        ("Jean Roe", ["Jean-Pierre Roe"], None),
        ("Mrs. Roe", ["John Roe", "Jane Roe"], "Jane Roe"),
        ("Mr. Roe", ["John Roe", "Jane Roe"], "John Roe"),
        ("Roe", ["John Roe", "Jane Roe"], None),
        ("Jo Q. Roe Jr.", ["Jo Roe Jr."], "Jo Roe Jr."),
        ("Doe Jr.", ["John Doe Sr."], None),
        ("Enio Cubo", ["Enio Cubo Araya"], "Enio Cubo Araya"),
        ("Mara R. Quist", ["Mara Rubin Quist"], "Mara Rubin Quist"),
        ("Mara Quist", ["Mara Rubin Quist"], "Mara Rubin Quist"),
        ("Petra Quist", ["Mara Rubin Quist"], None),
        # One typo or transliteration apart in a surname of five letters or more: the same person.
        ("Brelinski", ["Tomas Berlinski"], "Tomas Berlinski"),
        ("Tomas Qaddafi", ["Tomas Gaddafi"], "Tomas Gaddafi"),
        ("Vale", ["Rita Vela"], None),
        ("Tomas Brell", ["Tomas Brennan"], None),
        ("Carson", ["Ben Carson", "Gary Larson"], "Ben Carson"),
        # The Arabic article and doubled letters are spelling, not name: one person.
        ("Assad", ["Bashar al-Assad"], "Bashar al-Assad"),
        ("Sisi", ["Abdel Fattah el-Sissi"], "Abdel Fattah el-Sissi"),
        ("Al Gore", ["Tipper Gore"], None),
        # A description is only the same description: its words are no surname.
        ("a police spokesman", ["Sam Spokesman"], None),
        ("the company", ["Tom Company", "the company"], "the company"),
        ("Jo Spokesman", ["a spokesman"], None),
        # A body or a document by its head noun: "the council" is the one council the event names.
        ("the council", ["Harbour County Council"], "Harbour County Council"),
        ("the indictment", ["the 47-page indictment"], "the 47-page indictment"),
        ("the council", ["Harbour County Council", "the city council"], None),
        # One organisation across forms: determiners, quote marks and a generic head of one family.
        ("the Varn police", ["Varn Police Department"], "Varn Police Department"),
        ("Varn Police Department", ["the Varn police force"], "the Varn police force"),
        ("the 'Keep Elm Park' movement", ["The Keep Elm Park campaign"], "The Keep Elm Park campaign"),
        ("the “Keep Elm Park” group", ["the Keep Elm Park coalition"], "the Keep Elm Park coalition"),
        ("the Varn police", ["Tarrow Police Department"], None),
        ("the Vale campaign", ["Vale's presidential campaign"], "Vale's presidential campaign"),
        # The police of the event by its generic noun; an office's place is no part of its body.
        ("police", ["the Varn Metropolitan Police Department"], "the Varn Metropolitan Police Department"),
        ("the police", ["Varn Police Department", "Tarrow Police Department"], None),
        ("the Coast Weather Service in Varn", ["Coast Weather Service"], "Coast Weather Service"),
        ("the embassy in Varn", ["the embassy"], "the embassy"),
    ],
)
def test_one_person_per_event(name: str, known: list[str], expected: str | None) -> None:
    assert canonical_speaker(name, known) == expected


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("the Varn police", ("police", "varn")),
        ("Varn Police Department", ("police", "varn")),
        ("the Varn police force", ("police", "varn")),
        ("the U.S. Park Police", ("park", "police", "us")),
        ("the US Park Police", ("park", "police", "us")),
        ("The Keep Elm Park campaign", ("campaign", "elm", "keep", "park")),
        ("the 'Keep Elm Park' movement", ("campaign", "elm", "keep", "park")),
        ("Rita Vale's campaign", ("campaign", "rita", "vale")),
        # Nothing distinctive, or no organisation head: no key.
        ("the police", None),
        ("a campaign group", None),
        ("the militant group", None),  # no proper name: no body apart from its kind
        ("the 2016 campaign", None),
        ("a police spokesman", None),
        ("Rita Vale", None),
    ],
)
def test_org_key(name: str, key: tuple[str, ...] | None) -> None:
    from app.core.speakers import org_key

    assert org_key(name) == key


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Alhaji Musa Tanko", "Musa Tanko"),
        ("Dr. Anna Novak", "Anna Novak"),
        ("Mallam Musa Tanko Jr.", "Musa Tanko Jr."),
        # An honorific before one word is all the name there is.
        ("Mr. Novak", "Mr. Novak"),
        ("Lady Novak", "Lady Novak"),
    ],
)
def test_display_name_shows_a_person_without_honorifics(name: str, shown: str) -> None:
    from app.core.speakers import display_name

    assert display_name(name) == shown


@pytest.mark.parametrize(
    ("name", "known"),
    [
        # One formal given name in its familiar forms: one person across outlets.
        ("Chuck Novak", "Charles Novak"),
        ("Bill Novak", "William Novak"),
        ("Will Novak", "Bill Novak"),
        ("Bibi Novak", "Benjamin Novak"),
        ("Bob Novak", "Robert W. Novak"),
        ("Mike Novak", "Michael Novak"),
        # A leading initial before the name the person goes by.
        ("Barry Novak", "A. Barry Novak"),
        ("A. Barry Novak", "Barry Novak"),
    ],
)
def test_familiar_forms_of_a_given_name_are_one_person(name: str, known: str) -> None:
    assert canonical_speaker(name, [known]) == known


@pytest.mark.parametrize(
    ("name", "known"),
    [
        ("Bill Novak", "Hillary Novak"),
        ("Chuck Novak", "Michael Novak"),
        # A short form of two formal names is no one when the event names both.
        ("Ted Novak", ["Theodore Novak", "Edward Novak"]),
    ],
)
def test_other_given_names_stay_other_people(name: str, known: str | list[str]) -> None:
    assert canonical_speaker(name, [known] if isinstance(known, str) else known) is None


@pytest.mark.parametrize(
    ("name", "known"),
    [
        # A Korean name: the family name first, the given name hyphenated or in two syllables.
        ("Kim Jong Su", "Kim Jong-su"),
        ("Mr. Moon", "Moon Jae-sun"),
        ("President Moon Jae-Sun", "Moon Jae-sun"),
        ("Bae Ki Hoon", "Bae Ki-hoon"),
    ],
)
def test_a_korean_name_in_its_printed_forms_is_one_person(name: str, known: str) -> None:
    assert canonical_speaker(name, [known]) == known


def test_a_western_name_that_opens_with_a_korean_family_name_keeps_its_order() -> None:
    assert speaker_key("Kim Davis") == "kim davis"
    assert canonical_speaker("Davis", ["Kim Davis"]) == "Kim Davis"
    assert canonical_speaker("Kim Jong-su", ["Kim Yong-hyun"]) is None


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        # A given name alone is the one full name of the event that opens with it.
        ("Sarah", ["Sarah Novak", "Tomas Brell"], "Sarah Novak"),
        ("Sarah", ["Sarah Novak", "Sarah Brell"], None),
        ("Novak", ["Sarah Novak"], "Sarah Novak"),
    ],
)
def test_a_given_name_alone_is_the_one_person_of_the_event_who_carries_it(
    name: str, known: list[str], expected: str | None
) -> None:
    assert canonical_speaker(name, known) == expected


@pytest.mark.parametrize(
    ("name", "known", "expected"),
    [
        ("Chef Marla Quist", ["Marla Quist"], "Marla Quist"),
        ("Harbour Board Tomas Vell", ["Tomas Vell"], "Tomas Vell"),
        ("Marla Quist", ["Chef Marla Quist"], "Chef Marla Quist"),
    ],
)
def test_capitalised_words_glued_before_a_known_full_name_are_no_part_of_it(
    name: str, known: list[str], expected: str
) -> None:
    assert canonical_speaker(name, known) == expected


def test_a_given_name_before_a_known_full_name_may_be_a_fuller_name() -> None:
    assert canonical_speaker("Anna Marla Quist", ["Marla Quist"]) is None


def test_the_display_name_drops_glued_words_whatever_the_order() -> None:
    assert better_display_name("Harbour Board Tomas Vell", "Tomas Vell") == "Tomas Vell"
    assert better_display_name("Tomas Vell", "Harbour Board Tomas Vell") == "Tomas Vell"
