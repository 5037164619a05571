"""Tests of the text helpers: matching normal form, sentence and paragraph spans."""

from __future__ import annotations

from app.core.text import normalise_for_matching, paragraph_spans, split_sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_normalise_folds_quotes_dashes_case_and_space() -> None:
    assert normalise_for_matching("  “Don’t  GO” — now\n") == '"don\'t go" - now'
    assert normalise_for_matching("«Oui»") == '"oui"'
    assert normalise_for_matching("ﬁne") == "fine"  # NFKC ligature


def test_normalise_makes_outlet_variants_equal() -> None:
    assert normalise_for_matching("Türkiye’s plan") == normalise_for_matching("TÜRKIYE's   plan")


def test_split_sentences_basic() -> None:
    assert _sentences("The dam held. Then it broke! Why? Nobody knows.") == [
        "The dam held.",
        "Then it broke!",
        "Why?",
        "Nobody knows.",
    ]


def test_split_sentences_keeps_abbreviations_and_decimals() -> None:
    text = "Mr. Hale and Dr. Ruiz met in the U.S. on Oct. 7 to sign it. Output rose 1.2 percent. It held."
    assert _sentences(text) == [
        "Mr. Hale and Dr. Ruiz met in the U.S. on Oct. 7 to sign it.",
        "Output rose 1.2 percent.",
        "It held.",
    ]


def test_split_sentences_after_closing_quote_mark() -> None:
    text = '"The wall held." The engineer left.'
    assert _sentences(text) == ['"The wall held."', "The engineer left."]


def test_split_sentences_offsets_shift_by_start() -> None:
    body = "Intro line.\nThe bridge opened. Cars crossed."
    start = body.index("The")
    spans = split_sentences(body[start:], start)
    assert [body[a:b] for a, b in spans] == ["The bridge opened.", "Cars crossed."]


def test_split_sentences_newline_ends_a_sentence() -> None:
    assert _sentences("A headline without a period\nThe story starts here.") == [
        "A headline without a period",
        "The story starts here.",
    ]


def test_paragraph_spans_blank_lines_and_single_newlines() -> None:
    body = "First para.\n\n  Second para.  \nThird para.\n\n\n"
    assert [body[a:b] for a, b in paragraph_spans(body)] == ["First para.", "Second para.", "Third para."]


def test_paragraph_spans_empty() -> None:
    assert paragraph_spans("") == []
    assert paragraph_spans(" \n\n \n") == []


def test_split_sentences_after_an_acronym_or_initial_that_ends_a_sentence() -> None:
    # A dotted acronym, an initial or "Jr." can end a sentence; a closed-class word after it says it did.
    text = "Ana Ruiz lied to the N.T.S.B. Nothing came of it. He joined the U.N. In May he left."
    assert _sentences(text) == [
        "Ana Ruiz lied to the N.T.S.B.",
        "Nothing came of it.",
        "He joined the U.N.",
        "In May he left.",
    ]
    assert _sentences("The award went to Jo Roe Jr. “It’s mine,” he said.") == [
        "The award went to Jo Roe Jr.",
        "“It’s mine,” he said.",
    ]


def test_split_sentences_keeps_names_and_titles_after_abbreviations() -> None:
    # A name, an acronym or another initial after the period may belong to it; a title never ends a sentence.
    for text in (
        "The U.S. Congress voted and Jo Q. Public agreed.",
        "Staff of the U.S. IT office and J. A. Smith met.",
        "Output fell in the U.S. Under Secretary Roe's term.",
        "The vote of Gen. The Ninth Corps was late.",
    ):
        assert _sentences(text) == [text]


def test_split_sentences_reads_plural_titles_and_state_abbreviations() -> None:
    # "Reps." is a title like "Rep."; a state abbreviation closes a place and may close the sentence.
    assert _sentences("Reps. Jo Roe and Al Doe met. They agreed.") == [
        "Reps. Jo Roe and Al Doe met.",
        "They agreed.",
    ]
    assert _sentences("They urged Ariz. Gov. Jo Roe to sign it.") == [
        "They urged Ariz. Gov. Jo Roe to sign it."
    ]
    assert _sentences("The final is in Tempe, Ariz. It starts at noon.") == [
        "The final is in Tempe, Ariz.",
        "It starts at noon.",
    ]
    # A state abbreviation that is also a word counts only capitalised as printed.
    assert _sentences("He fell ill. Doctors came.") == ["He fell ill.", "Doctors came."]
