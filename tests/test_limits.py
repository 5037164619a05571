"""The limits stated in the README, tried one by one: each breach is a 4xx with a sentence."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.settings import settings

TEXT = '"We will rebuild the bridge before winter," said Mayor Lena Ortiz on Tuesday.'


def test_files_per_upload_limit(client: TestClient, event_slug: str) -> None:
    files = [
        ("files", (f"article-{i}.txt", f"Article {i}. {TEXT}".encode(), "text/plain"))
        for i in range(settings.max_files_per_upload + 1)
    ]
    response = client.post(f"/events/{event_slug}/articles", data={"outlet": "Many Files"}, files=files)
    assert response.status_code == 422
    assert f"at most {settings.max_files_per_upload} files" in response.text
    assert client.get(f"/api/events/{event_slug}/articles").json() == []


def test_articles_per_comparison_limit(client: TestClient, event_slug: str) -> None:
    ids = [
        client.post(
            f"/api/events/{event_slug}/articles", json={"outlet": f"Outlet {i}", "text": f"{i}. {TEXT}"}
        ).json()["id"]
        for i in range(settings.max_articles_per_comparison + 1)
    ]
    response = client.post("/api/comparisons", json={"event": event_slug, "articles": ids})
    assert response.status_code == 422
    assert f"at most {settings.max_articles_per_comparison} articles" in response.json()["detail"]
    ok = client.post(
        "/api/comparisons",
        json={"event": event_slug, "articles": ids[: settings.max_articles_per_comparison]},
    )
    assert ok.status_code == 201


def test_request_body_limit_on_the_upload_form(client: TestClient, event_slug: str) -> None:
    big = b"x" * (settings.max_request_bytes + 1)
    response = client.post(
        f"/events/{event_slug}/articles",
        data={"outlet": "Big"},
        files=[("files", ("big.txt", big, "text/plain"))],
    )
    assert response.status_code == 413
    assert "too large" in response.text


def test_streamed_body_without_length_is_limited(client: TestClient, event_slug: str) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(settings.max_request_bytes // 65536 + 2):
            yield b"y" * 65536

    response = client.post(
        f"/api/events/{event_slug}/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
