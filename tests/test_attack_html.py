"""An HTML fragment (no <html> or <body>) is read like a page: its text is stored, not 'no text' (issue 11)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.core.html import html_to_page_text


@pytest.mark.parametrize(
    "fragment",
    [
        "<p>The harbour bridge reopened on Monday.</p>",
        "<div><p>The harbour bridge reopened on Monday.</p><p>Ferries stopped.</p></div>",
        "<b>Update</b> The harbour bridge reopened on Monday.",
    ],
)
def test_a_fragment_gives_its_text(fragment: str) -> None:
    assert "harbour bridge reopened" in html_to_page_text(fragment).text


def test_a_fragment_posted_to_the_api_is_stored(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": "Harbour fragment"}).json()["slug"]
    response = sqlite_client.post(
        f"/api/events/{slug}/articles",
        json={"outlet": "Harbour Post", "html": '<p>"We are open again," said Ann Lee on Monday.</p>'},
    )
    assert response.status_code == 201, response.text
    assert response.json()["quotes"] == 1
