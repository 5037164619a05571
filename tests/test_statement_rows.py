"""One outlet's sentence that another printed in neighbouring pieces is one row of the coverage matrix."""

from __future__ import annotations

from pathlib import Path

from app.core.align import split_sentence_rows


def test_statements_that_differ_by_neighbouring_pieces_of_one_article_are_one_row() -> None:
    # Article 1 prints the sentence whole (its 4th sentence); article 2 in two pieces (its 7th and 8th).
    whole, first, second = (1, 4), (2, 7), (2, 8)
    assert split_sentence_rows({10: [whole, first], 11: [whole, second]}) == [[10, 11]]
    # A third outlet printing it whole is shared by both: still one row.
    also = (3, 0)
    assert split_sentence_rows({10: [whole, also, first], 11: [whole, also, second]}) == [[10, 11]]
    # Three pieces chain into one row.
    third = (2, 9)
    assert split_sentence_rows({10: [whole, first], 11: [whole, second], 12: [whole, third]}) == [
        [10, 11, 12]
    ]


def test_sentences_apart_or_of_two_outlets_stay_two_rows() -> None:
    whole = (1, 4)
    # Two sentences of one article with another between them: two remarks that share words with a third.
    assert split_sentence_rows({10: [whole, (2, 7)], 11: [whole, (2, 9)]}) == []
    # Two outlets' different wordings of a shorter sentence inside the whole: two rows.
    assert split_sentence_rows({10: [whole, (2, 7)], 11: [whole, (3, 8)]}) == []
    # The pieces' own article among the shared members: one of its sentences already is in both.
    assert split_sentence_rows({10: [(2, 3), (2, 7)], 11: [(2, 3), (2, 8)]}) == []
    # Nothing shared: nothing to merge.
    assert split_sentence_rows({10: [(1, 4), (2, 7)], 11: [(1, 5), (2, 8)]}) == []


WHOLE = """The harbour vote

The mayor spoke on Monday. "We will rebuild the old ferry pier before the winter storms, and we will pay for it without raising the harbour fees," Mayor Jo Roe said at the town hall.
"""
PIECES = """Harbour plans

Mayor Jo Roe made two promises. "We will rebuild the old ferry pier before the winter storms," Roe said. "And we will pay for it without raising the harbour fees."
"""


def test_the_matrix_shows_a_sentence_printed_in_two_pieces_as_one_row(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from app.main import create_app

    with TestClient(create_app(f"sqlite:///{tmp_path / 'rows.db'}", migrate=True)) as client:
        slug = client.post("/api/events", json={"title": "Harbour"}).json()["slug"]
        for outlet, text in (("Harbour Gazette", WHOLE), ("Coast Radio", PIECES)):
            assert (
                client.post(f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text}).status_code
                == 201
            )
        statements = client.get(f"/api/events/{slug}/statements").json()
        matrix = client.get(f"/api/events/{slug}/matrix").json()
    # The statements stay as aligned (the whole sentence with each piece) ...
    shared = [s for s in statements if len(s["outlets"]) == 2]
    assert len(shared) == 2
    # ... and the matrix shows them as one row, the pieces in one cell.
    rows = [r for r in matrix["rows"] if r["carried"] == 2]
    assert len(rows) == 1
    cell = next(c for c in rows[0]["cells"] if c["outlet"] == "Coast Radio")
    assert [cell["text"], *(m["text"] for m in cell["more"])] == [
        "We will rebuild the old ferry pier before the winter storms",
        "And we will pay for it without raising the harbour fees.",
    ]
