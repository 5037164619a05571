"""Lone surrogates: JSON can write `\\udc80`, which no database, hash or UTF-8 answer can hold (issue 11).

Every entry point refuses them with a sentence: the JSON API (any field, at any depth), the one validation
behind the form, front matter and backup restore, and an error message that quotes what was sent.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.services import validation
from app.services.errors import BadInput
from app.services.ingest import ArticleInput, prepare_article, prepare_stored_body

SURROGATE = "\\udc80"  # as JSON writes it; decoded, half of a UTF-16 pair


def post_raw(client: TestClient, path: str, body: str):  # type: ignore[no-untyped-def]
    return client.post(path, content=body.encode(), headers={"content-type": "application/json"})


@pytest.mark.parametrize("field", ["outlet", "title", "url", "author", "domain", "text", "html", "markdown"])
def test_a_lone_surrogate_in_any_article_field_is_a_422(
    client: TestClient, event_slug: str, field: str
) -> None:
    fields = {"outlet": '"Daily Example"', "text": '"Workers repaired the bridge on Monday."'}
    if field in ("html", "markdown"):
        fields.pop("text")
    fields[field] = f'"a{SURROGATE}b"'
    body = "{" + ", ".join(f'"{k}": {v}' for k, v in fields.items()) + "}"
    response = post_raw(client, f"/api/events/{event_slug}/articles", body)
    assert response.status_code == 422, response.text
    assert "surrogate" in response.json()["detail"]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/events", f'{{"title": "Flood {SURROGATE}"}}'),
        ("/api/events", f'{{"title": "Flood", "description": "x{SURROGATE}"}}'),
        ("/api/comparisons", f'{{"event": "a{SURROGATE}", "articles": [1, 2]}}'),
        ("/api/comparisons", f'{{"event": "a", "articles": [1, 2], "view": {{"{SURROGATE}": "x"}}}}'),
    ],
)
def test_a_lone_surrogate_in_events_and_comparisons_is_a_422(
    client: TestClient, path: str, body: str
) -> None:
    response = post_raw(client, path, body)
    assert response.status_code == 422, response.text
    assert "surrogate" in response.json()["detail"]


def test_the_one_validation_refuses_lone_surrogates_in_fields_and_bodies() -> None:
    with pytest.raises(BadInput, match="surrogate"):
        validation.single_line("Daily \udc80 Example", "outlet")
    with pytest.raises(BadInput, match="surrogate"):
        prepare_article(ArticleInput(outlet="Daily Example", content="The bridge \ud800 reopened."))


def test_an_error_message_quoting_a_lone_surrogate_still_answers(client: TestClient) -> None:
    # A slug is echoed in the 404 sentence; the answer must still be valid UTF-8.
    response = client.get("/api/events/no-such-event-%ED%B2%80")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_backup_whose_body_holds_a_lone_surrogate_is_refused_with_a_sentence() -> None:
    with pytest.raises(BadInput, match="surrogate"):
        prepare_stored_body("The bridge \udc80 reopened.", outlet="Harbour Post", title="Bridge")
