"""A source's turns: labelled transcripts, Q/A, stage directions, and unlabelled press releases."""

from __future__ import annotations

import pytest

from app.core.transcript import is_transcript, source_turns

PRESS_CONFERENCE = """Briefing on the Corvel tunnel, 9 June

MAYOR LENA VOSS: Good afternoon. The tunnel reopens on Friday.

Q: Is it safe?

A: It is safe [crosstalk] and it has been inspected twice.

Tomas Brand: I run the inspection team. We found no cracks.
"""


def _turns(body: str) -> list[tuple[str, str | None, bool]]:
    return [(body[t.start : t.end], t.speaker, t.question) for t in source_turns(body)]


def test_labelled_turns_carry_their_speaker_and_drop_the_label() -> None:
    assert _turns(PRESS_CONFERENCE) == [
        ("Briefing on the Corvel tunnel, 9 June", None, False),
        ("Good afternoon. The tunnel reopens on Friday.", "Mayor Lena Voss", False),
        ("Is it safe?", None, True),
        # "A:" answers for the person who last spoke under their name; the stage direction splits the turn.
        ("It is safe", "Mayor Lena Voss", False),
        ("and it has been inspected twice.", "Mayor Lena Voss", False),
        ("I run the inspection team. We found no cracks.", "Tomas Brand", False),
    ]
    assert [t.continues for t in source_turns(PRESS_CONFERENCE)][3:5] == [False, True]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Q: Why now?\nA: Because the money arrived.", True),
        ("GOVERNOR ADA KELL: We begin today.", True),
        ("Ada Kell: We begin today.\nBo Lind: We agree.", True),
        ("Ada Kell: We begin today.", False),  # one title-case label could be prose ("Update: ...")
        ("Contact: press office\nNote: embargoed until noon.", False),
        ("TRANSCRIPT: the council briefing\nSTATEMENT: read by the clerk", False),
        ('The council said today that "the road reopens on Monday."', False),
    ],
)
def test_what_counts_as_a_transcript(body: str, expected: bool) -> None:
    assert is_transcript(body) is expected


def test_time_stamps_role_suffixes_and_dotted_q_a() -> None:
    body = "[00:01:02] MAYOR DANA OKORO: We begin.\nQ. Why now?\nA. Because.\nDANA OKORO, MAYOR: Done."
    assert _turns(body) == [
        ("We begin.", "Mayor Dana Okoro", False),
        ("Why now?", None, True),
        ("Because.", "Mayor Dana Okoro", False),
        ("Done.", "Dana Okoro", False),
    ]


def test_unlabelled_source_is_prose_plus_attributed_quotations() -> None:
    release = (
        "The port authority confirmed the closure on Tuesday. "
        '"We will reopen the quay in May," said harbour master Iris Quell, "once the dredging ends."'
    )
    turns = source_turns(release)
    texts = [(release[t.start : t.end], t.speaker, t.continues) for t in turns]
    assert texts[0][0].startswith("The port authority confirmed the closure on Tuesday.")
    assert texts[0][1] is None
    assert ("We will reopen the quay in May", "Iris Quell", False) in texts
    assert ("once the dredging ends.", "Iris Quell", True) in texts
    # The attribution between the two pieces is nobody's words.
    assert not any("said harbour master" in text for text, _, _ in texts)


def test_a_source_without_any_text_has_no_turns() -> None:
    assert source_turns("   \n ") == []
