"""No request stalls another: ingest work (API and form) runs off the event loop, so `GET /` is answered while
a slow post is still being processed."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from app.services import ingest
from tests.conftest import unique_title

BODY = '"The ferry will run again on Friday," said harbour master Ida Holm.'


@pytest.mark.parametrize("entry", ["api", "form"])
def test_index_answers_while_a_slow_ingest_runs(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch, entry: str
) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    real_prepare: Callable[..., ingest.PreparedArticle] = ingest.prepare_article

    def slow_prepare(data: ingest.ArticleInput) -> ingest.PreparedArticle:
        # Stands for CPU-heavy extraction: it holds its thread until the test has been served.
        started.set()
        release.wait(timeout=30)
        return real_prepare(data)

    monkeypatch.setattr(ingest, "prepare_article", slow_prepare)

    def post() -> None:
        if entry == "api":
            sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": "Port News", "text": BODY})
        else:
            sqlite_client.post(f"/events/{slug}/articles", data={"outlet": "Port News", "text": BODY})
        finished.set()

    poster = threading.Thread(target=post)
    poster.start()
    try:
        assert started.wait(timeout=30)
        began = time.monotonic()
        response = sqlite_client.get("/")
        assert response.status_code == 200
        assert not finished.is_set(), "the post finished first, so GET / may have waited for it"
        assert time.monotonic() - began < 25
    finally:
        release.set()
        poster.join(timeout=60)
    assert finished.is_set()
    assert len(sqlite_client.get(f"/api/events/{slug}/articles").json()) == 1
