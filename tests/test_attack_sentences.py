"""Many quotations in one sentence that never ends (no full stop), found by the session's attack: a pass that
reads each quotation's whole sentence is quadratic there. Work is counted, never timed; the API keeps its
answers (201, the quotes, their speakers)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.core.quotes import context
from app.core.quotes.assemble import extract_quotes

# One sentence of many quotations: each unit ends in a comma or a conjunction, never a full stop.
STATEMENT = '"We will rebuild," Ann Lee said in a statement today, '
SPOKESWOMAN = 'Acme spokeswoman Jo Roe said "we will rebuild the pier" and then '
COUNCIL = 'Ann Lee told the council: "we will rebuild the pier" and then '
WHILE = '"we will rebuild the pier" while Doe agreed with the plan, '
INTRO = "The council met on Monday.\n\n"


def characters_read_for_documents(monkeypatch: pytest.MonkeyPatch, body: str) -> int:
    """Characters the document look-up ("said in a statement") reads over the whole extraction."""
    read = 0
    original = context.documents_spoken_in

    def counting(sentence: str) -> list[str]:
        nonlocal read
        read += len(sentence)
        return original(sentence)

    monkeypatch.setattr(context, "documents_spoken_in", counting)
    extract_quotes(body)
    monkeypatch.setattr(context, "documents_spoken_in", original)
    return read


@pytest.mark.parametrize("unit", [STATEMENT, SPOKESWOMAN, COUNCIL, WHILE])
def test_documents_are_read_near_each_quote_not_in_its_whole_sentence(
    monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    small = characters_read_for_documents(monkeypatch, INTRO + unit * 40)
    large = characters_read_for_documents(monkeypatch, INTRO + unit * 320)
    assert small > 0
    # Linear: 8x the quotations read at most about 8x the characters (reading each one's whole sentence
    # grew it 64x).
    assert large <= 10 * small


@pytest.mark.parametrize(
    ("unit", "speaker"),
    [(STATEMENT, "Ann Lee"), (SPOKESWOMAN, "Jo Roe"), (COUNCIL, "Ann Lee"), (WHILE, None)],
)
def test_a_sentence_of_many_quotations_is_stored_with_its_speakers(
    client: TestClient, event_slug: str, unit: str, speaker: str | None
) -> None:
    text = INTRO + unit * 200 + "and that was all."
    response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "Pier News", "text": text})
    assert response.status_code == 201, response.text
    article = client.get(f"/api/events/{event_slug}/articles/{response.json()['id']}").json()
    quotes = article["quotes"]
    # A quotation split by its attribution ("...," Lee said, "...") may join up to four pieces into one.
    assert len(quotes) >= 200 // 4
    for quote in quotes:
        assert "rebuild" in quote["text"].casefold()
        if speaker is not None:
            assert quote["speaker"] == speaker, quote
