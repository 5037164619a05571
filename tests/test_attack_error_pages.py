"""Error pages are drawn off the event loop: an error page under /events/... looks up its event in the
database, and a database that is busy or out of pooled connections can hold that look-up for up to thirty
seconds; on the loop that stalled every other request, now only the failing one waits."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient

from app.models import Event
from app.web import errors
from tests.conftest import unique_title


@pytest.mark.parametrize("path", ["/events/{slug}/articles/987654", "/events/{slug}/statements/0"])
def test_the_index_answers_while_an_error_page_waits_for_the_database(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Errors")}).json()["slug"]
    started, release = threading.Event(), threading.Event()
    real = errors._enclosing_event

    def waiting_lookup(request: object) -> Event | None:
        # Stands for a look-up queued for a pooled connection: it holds its thread until the test is served.
        started.set()
        release.wait(timeout=30)
        return real(request)  # type: ignore[arg-type]

    monkeypatch.setattr(errors, "_enclosing_event", waiting_lookup)
    outcome: dict[str, object] = {}

    def fail() -> None:
        response = sqlite_client.get(path.format(slug=slug))
        outcome["status"], outcome["text"] = response.status_code, response.text

    failing = threading.Thread(target=fail)
    failing.start()
    try:
        assert started.wait(timeout=30)
        began = time.monotonic()
        assert sqlite_client.get("/").status_code == 200
        assert time.monotonic() - began < 10
        assert "status" not in outcome, "the error page finished first, so GET / may have waited for it"
    finally:
        release.set()
        failing.join(timeout=60)
    assert outcome["status"] == 404
    assert f'href="/events/{slug}"' in str(outcome["text"])  # the page still links back to its event


def test_api_errors_and_their_headers_are_unchanged(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/api/events/no-such-event", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    # The Allow header names the methods of every route at the path (it was empty: FastAPI nests an
    # included router's routes, so their `methods` could not be read off the app's own route list).
    response = sqlite_client.put("/api/events")
    assert response.status_code == 405 and response.headers["allow"] == "GET, POST"
    response = sqlite_client.get("/events/any-event/articles/1/delete")
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    response = sqlite_client.post(
        "/api/events", content=b'{"title": ', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422 and "not valid JSON" in response.json()["detail"]
