"""Correction forms given ids no row can have, found by the session's second outside attack: a statement or
figure id past 64 bits in the path overflowed SQLite's integer (a 500). Now a 404 with a sentence, on both
databases; ids within range keep their meaning."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete
from sqlmodel import Session, col

from app.models import Article
from app.services import corrections, events
from tests.conftest import unique_title

TOO_BIG = [0, 2**31, 2**63, 2**64]


@pytest.mark.parametrize("row_id", TOO_BIG)
def test_split_join_and_dismiss_of_an_impossible_id_are_a_404(
    client: TestClient, event_slug: str, row_id: int
) -> None:
    posts = [
        (f"/events/{event_slug}/statements/{row_id}/split", {"article_id": "1", "start": "0"}),
        (f"/events/{event_slug}/statements/{row_id}/join", {"other": "1"}),
        (f"/events/{event_slug}/figures/{row_id}/dismiss", {}),
    ]
    for path, data in posts:
        response = client.post(path, data=data, follow_redirects=False)
        assert response.status_code == 404, (path, response.status_code, response.text[:200])
        assert f"no {'figure' if 'figures' in path else 'statement'} {row_id}" in response.text


def test_a_correction_racing_a_delete_of_its_row_is_a_404(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two deletes of one article at once (found with 16 mixed concurrent corrections: one 500): the second
    read the article, then waited for the event's lock while the first deleted it. Simulated here by deleting
    the article just before the second takes the lock."""
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Race")}).json()["slug"]
    engine = sqlite_client.app.state.engine  # type: ignore[attr-defined]
    original = corrections.lock_event
    for n, (action, data) in enumerate([("delete", {}), ("edit", {"title": "New title"})]):
        body = f'Report {n}.\n\n"We will rebuild the pier," said Mayor Ann Lee. Three people died.'
        article_id = sqlite_client.post(
            f"/api/events/{slug}/articles", json={"outlet": f"Pier News {n}", "text": body}
        ).json()["id"]

        def deleted_by_another_request(session: Session, event_id: int, article_id: int = article_id) -> None:
            with Session(engine) as other:
                other.execute(delete(Article).where(col(Article.id) == article_id))
                other.commit()
            original(session, event_id)

        monkeypatch.setattr(corrections, "lock_event", deleted_by_another_request)
        response = sqlite_client.post(
            f"/events/{slug}/articles/{article_id}/{action}", data=data, follow_redirects=False
        )
        assert response.status_code == 404, (action, response.text[:300])
        assert "deleted by another request meanwhile" in response.text


def test_events_of_one_title_created_at_once_each_get_their_own_address(sqlite_client: TestClient) -> None:
    """Eight creations of one title at once gave 500s (the unique slug taken between the look-up and the
    insert). Simulated here: another request creates the event just before this one commits."""
    engine = sqlite_client.app.state.engine  # type: ignore[attr-defined]
    title = unique_title("Same title")

    class RacedSession(Session):
        raced = False

        def commit(self) -> None:
            if not self.raced:
                self.raced = True
                with Session(engine) as other:
                    events.create_event(other, title)
            super().commit()

    with RacedSession(engine) as session:
        event = events.create_event(session, title)
    slugs = [e["slug"] for e in sqlite_client.get("/api/events").json() if e["title"] == title]
    assert sorted(slugs) == sorted({events.slugify(title), events.slugify(title) + "-2"})
    assert event.slug == events.slugify(title) + "-2"


@pytest.mark.parametrize("value", ["a\x00b", "\x00"])
def test_a_nul_byte_in_a_correction_s_name_is_a_4xx_on_both_databases(
    client: TestClient, event_slug: str, value: str
) -> None:
    """PostgreSQL refuses NUL in any query parameter: the outlet edit looked the name up with it (a 500
    there, found by the corrections probe on PostgreSQL)."""
    posts = [
        (f"/events/{event_slug}/outlets", {"name": value, "country": "", "kind": ""}),
        (f"/events/{event_slug}/outlets", {"name": "Pier News", "country": value, "kind": ""}),
        (f"/events/{event_slug}/speakers/rename", {"old": value, "new": "Ann Lee"}),
        (f"/events/{event_slug}/speakers/rename", {"old": "Ann Lee", "new": value}),
    ]
    for path, data in posts:
        response = client.post(path, data=data, follow_redirects=False)
        assert 400 <= response.status_code < 500, (path, data, response.status_code)
