"""The source check, status by status, on an invented press conference and an invented press release."""

from __future__ import annotations

import pytest

from app.core.source_check import build_index, check_quote, same_speaker, speaker_mismatch

CONFERENCE = """Press conference on the Lindqvist Bridge, City Hall

MAYOR DANA OKORO: Good morning, everyone. The Lindqvist Bridge will close for three weeks from Monday, while engineers replace the cables. We may need to extend that if the weather turns. I know this is hard for the neighbourhood, and I am sorry.

Q: Will the ferry run during the closure?

MAYOR DANA OKORO: Yes. The ferry will run every twenty minutes, and it will be free. We are not going to charge families for a problem they did not cause.

Q: How much will the repairs cost?

A: The council has set aside 4.2 million dollars. But that is an estimate, and estimates change.

COUNCILLOR RUTH ABARA: If I may add, the inspection found corrosion in six of the forty cables. And we will publish the full report on Friday.
"""
INDEX = build_index(CONFERENCE)


def _passage(check_start: int | None, check_end: int | None) -> str | None:
    return None if check_start is None else CONFERENCE[check_start:check_end]


@pytest.mark.parametrize(
    ("quote", "status", "passage"),
    [
        # verbatim: whole sentences as printed, whatever the case, punctuation, marks and spelling
        (
            "The Lindqvist Bridge will close for three weeks from Monday, while engineers replace the cables.",
            "verbatim",
            "The Lindqvist Bridge will close for three weeks from Monday, while engineers replace the cables.",
        ),
        (
            "I know this is hard for the neighborhood, and I am sorry.",
            "verbatim",
            "I know this is hard for the neighbourhood, and I am sorry.",
        ),
        # contractions read as their words
        ("We’re not going to charge families for a problem they didn’t cause", "verbatim", None),
        (
            "We are not going to charge families for a problem they didn't cause.",
            "verbatim",
            "We are not going to charge families for a problem they did not cause.",
        ),
        # a dropped leading "But"/"And", in the source or in the quote
        (
            "That is an estimate, and estimates change.",
            "verbatim",
            "that is an estimate, and estimates change.",
        ),
        (
            "and we will publish the full report on Friday",
            "verbatim",
            "we will publish the full report on Friday",
        ),
        # several sentences, contiguous in the source
        (
            "Yes. The ferry will run every 20 minutes, and it will be free.",
            "verbatim",
            "Yes. The ferry will run every twenty minutes, and it will be free.",
        ),
        # trimmed: cut at the start or the end of a longer sentence
        (
            "the Lindqvist Bridge will close for three weeks",
            "trimmed",
            "The Lindqvist Bridge will close for three weeks",
        ),
        (
            "the inspection found corrosion in six of the forty cables.",
            "trimmed",
            "the inspection found corrosion in six of the forty cables.",
        ),
        # altered: a word changed, added or dropped inside the passage
        (
            "The Lindqvist Bridge will close for three weeks from Monday while our engineers replace the cables.",
            "altered",
            "The Lindqvist Bridge will close for three weeks from Monday, while engineers replace the cables.",
        ),
        # spliced: passages that are not adjacent, with or without an ellipsis
        (
            "The ferry will run every twenty minutes ... We are not going to charge families",
            "spliced",
            "The ferry will run every twenty minutes",
        ),
        (
            "The Lindqvist Bridge will close for three weeks from Monday. The ferry will run every twenty minutes.",
            "spliced",
            "The Lindqvist Bridge will close for three weeks from Monday",
        ),
        (
            "I know this is hard for the neighbourhood. We may need to extend that if the weather turns.",
            "spliced",
            "I know this is hard for the neighbourhood",
        ),
        # a long stretch of one sentence left out joins two passages of it; a few words are an alteration
        (
            "If I may add, the inspection found corrosion. And we will publish the full report on Friday.",
            "spliced",
            "If I may add, the inspection found corrosion",
        ),
        (
            "The Lindqvist Bridge will close for three weeks from Monday, while engineers replace the cables.",
            "verbatim",
            None,
        ),
        (
            "The Lindqvist Bridge will close while engineers replace the cables.",
            "altered",
            "The Lindqvist Bridge will close for three weeks from Monday, while engineers replace the cables.",
        ),
        (
            "The Lindqvist Bridge will close for three weeks ... engineers replace the cables.",
            "spliced",
            None,
        ),
        # not found: nothing of the kind was said
        ("We are going to rebuild the harbour wall before the winter storms arrive.", "not_found", None),
        ("The council will sell the ferry to a private company next year.", "not_found", None),
        # an invented claim hung on a real opening, joined by words found anywhere ("and we will ... the")
        ("I know this is hard, and we will sell the bridge to a private company", "not_found", None),
        # ...whereas a real sentence with a clause added is an alteration
        (
            "The ferry will run every twenty minutes until the council sells it",
            "altered",
            "The ferry will run every twenty minutes",
        ),
    ],
)
def test_status_and_passage(quote: str, status: str, passage: str | None) -> None:
    check = check_quote(quote, INDEX)
    assert check.status == status
    if passage is not None:
        assert _passage(check.start, check.end) == passage


@pytest.mark.parametrize(
    ("quote", "reason"),
    [
        ("The Lindqvist Bridge will close for four weeks from Monday.", "number"),
        ("We will need to extend that if the weather turns.", "modal"),
        ("We are going to charge families for a problem they did not cause.", "negation"),
        ("The council has set aside 2.4 million dollars.", "number"),
        # four words, each trigram broken by the change: the word pairs find it
        ("ferry will not run", "negation"),
    ],
)
def test_the_worst_alterations_are_severe(quote: str, reason: str) -> None:
    check = check_quote(quote, INDEX)
    assert check.status == "altered"
    assert check.severe
    assert reason in {c.severe for c in check.changes}


def test_a_mild_alteration_is_not_severe() -> None:
    check = check_quote("The ferry will run every twenty minutes, and it will be completely free.", INDEX)
    assert (check.status, check.severe) == ("altered", False)
    assert [(c.op, c.quote) for c in check.changes] == [("insert", "completely")]


def test_an_honest_ellipsis_over_nothing_is_still_verbatim() -> None:
    check = check_quote("Good morning, everyone ... The Lindqvist Bridge will close", INDEX)
    assert check.status == "trimmed"  # contiguous words; it stops inside the second sentence


def test_a_splice_points_at_its_first_passage_and_lists_all() -> None:
    check = check_quote(
        "We may need to extend that if the weather turns. We are not going to charge families.", INDEX
    )
    assert check.status == "spliced"
    assert [CONFERENCE[a:b] for a, b in check.passages] == [
        "We may need to extend that if the weather turns.",
        "We are not going to charge families",
    ]


@pytest.mark.parametrize(
    ("quote", "status"),
    [
        ("sorry", "trimmed"),  # a one-word fragment found inside a sentence
        ("Good morning, everyone.", "verbatim"),  # a whole (short) sentence
        ("deeply sorry", "not_found"),  # fragments are matched exactly or not at all...
        ("fifty cables", "altered"),  # ...except for a changed number or modal verb ("forty cables")
        ("", "not_found"),
    ],
)
def test_fragments_of_fewer_than_four_words_match_exactly(quote: str, status: str) -> None:
    assert check_quote(quote, INDEX).status == status


def test_turn_speakers_and_questions() -> None:
    mayor = check_quote("The ferry will run every twenty minutes", INDEX)
    assert mayor.source_speaker == "Mayor Dana Okoro"
    assert not speaker_mismatch("Dana Okoro", mayor)
    assert not speaker_mismatch("Okoro", mayor)
    assert speaker_mismatch("Ruth Abara", mayor)
    assert not speaker_mismatch(None, mayor)
    # "A:" answers for the person who last spoke under their name.
    assert (
        check_quote("The council has set aside 4.2 million dollars.", INDEX).source_speaker
        == "Mayor Dana Okoro"
    )
    question = check_quote("Will the ferry run during the closure?", INDEX)
    assert question.question and speaker_mismatch("Dana Okoro", question)


def test_a_repeated_passage_is_taken_from_the_speakers_own_turn() -> None:
    source = build_index(
        "CHAIR ELSA MOOR: We will not close the library.\n\nDEPUTY IKE PORT: We will not close the library."
    )
    assert (
        check_quote("We will not close the library.", source, "Ike Port").source_speaker == "Deputy Ike Port"
    )
    assert (
        check_quote("We will not close the library.", source, "Elsa Moor").source_speaker == "Chair Elsa Moor"
    )


def test_a_press_release_counts_its_prose_and_its_quotations() -> None:
    release = (
        "The Harbour Board approved the new quay on Tuesday after a two-year review. "
        '"This quay will carry twice the cargo," said board chair Mina Tasker, "and it will open in 2027."'
    )
    index = build_index(release)
    prose = check_quote("approved the new quay on Tuesday after a two-year review", index)
    assert prose.status == "trimmed" and prose.source_speaker is None
    # The two pieces around the attribution read as one sentence.
    joined = check_quote("This quay will carry twice the cargo and it will open in 2027.", index)
    assert joined.status == "verbatim"
    assert joined.source_speaker == "Mina Tasker"
    assert check_quote("This quay will carry three times the cargo.", index).status == "altered"


def test_an_empty_source_finds_nothing() -> None:
    assert check_quote("Anything at all was said here.", build_index("")).status == "not_found"


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Dana Okoro", True),
        ("Okoro", True),
        ("the mayor", True),  # a role the turn's label carries
        ("Ruth Abara", False),
        ("the councillor", False),  # another turn's role
        ("the minister", None),  # a role nobody in the source has: cannot be told
        ("the city council", None),  # a body, not a person
        ("officials", None),
    ],
)
def test_who_said_it(speaker: str, expected: bool | None) -> None:
    everyone = ["MAYOR DANA OKORO Mayor Dana Okoro", "COUNCILLOR RUTH ABARA Councillor Ruth Abara"]
    assert same_speaker(speaker, "Mayor Dana Okoro", "MAYOR DANA OKORO", everyone) is expected


def test_a_turn_labelled_with_a_role_only_cannot_contradict_a_name() -> None:
    assert same_speaker("Dana Okoro", "The Mayor", "THE MAYOR", ["THE MAYOR The Mayor"]) is None
    assert same_speaker("the mayor", "The Mayor", "THE MAYOR", ["THE MAYOR The Mayor"]) is True


def test_a_questioners_words_given_to_the_mayor_are_flagged_but_not_to_a_reporter() -> None:
    question = check_quote("Will the ferry run during the closure?", INDEX)
    assert speaker_mismatch("Dana Okoro", question, INDEX)
    assert not speaker_mismatch("a reporter", question, INDEX)
    mayor = check_quote("The ferry will run every twenty minutes", INDEX)
    assert speaker_mismatch("the councillor", mayor, INDEX)
    assert not speaker_mismatch("the mayor", mayor, INDEX)


def test_a_hard_wrapped_transcript_runs_on_over_its_line_breaks() -> None:
    wrapped = build_index(
        "MAYOR IVO PELL: The bridge will close for three\nweeks from Monday, and the ferry will\nrun every hour.\n"
        "Q: Why?\nMAYOR IVO PELL: Safety.\nThe cables are old."
    )
    assert check_quote("The bridge will close for three weeks", wrapped).status == "trimmed"
    whole = "The bridge will close for three weeks from Monday, and the ferry will run every hour."
    assert check_quote(whole, wrapped).status == "verbatim"
    assert check_quote("The cables are old.", wrapped).status == "verbatim"
