"""Every bad input gets a 4xx with a sentence, never a 500 or a traceback, and nothing stored is lost."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.settings import settings

GOOD_TEXT = '"We will rebuild the bridge before winter," said Mayor Lena Ortiz on Tuesday.'


def assert_sentence(response, status: int) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and len(detail) > 10 and "Traceback" not in detail
    return detail


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"outlet": "A", "text": ""}, "no text"),
        ({"outlet": "A", "text": "   \n\t  "}, "no text"),
        ({"outlet": "A"}, "text"),
        ({"outlet": "", "text": GOOD_TEXT}, "outlet"),
        ({"outlet": "   ", "text": GOOD_TEXT}, "outlet"),
        ({"text": GOOD_TEXT}, "outlet"),
        ({"outlet": "A", "text": GOOD_TEXT, "html": "<p>x</p>"}, "not both"),
        ({"outlet": "A", "text": GOOD_TEXT, "published_at": "yesterday-ish"}, "published_at"),
        ({"outlet": "A", "text": "\x00\x01\x02\x03binary\x04\x05" * 20}, "control characters"),
        ({"outlet": "A", "html": "<script>only()</script>"}, "no text"),
    ],
)
def test_bad_article_payloads(client: TestClient, event_slug: str, payload: dict, expected: str) -> None:
    response = client.post(f"/api/events/{event_slug}/articles", json=payload)
    assert response.status_code in (400, 413, 422)
    assert expected.lower() in assert_sentence(response, response.status_code).lower()


def test_malformed_json(client: TestClient, event_slug: str) -> None:
    response = client.post(
        f"/api/events/{event_slug}/articles",
        content=b'{"outlet": "A", "text": ',
        headers={"content-type": "application/json"},
    )
    assert "JSON" in assert_sentence(response, 422)


def test_unknown_event_and_article(client: TestClient, event_slug: str) -> None:
    assert "no event" in assert_sentence(client.get("/api/events/no-such-event/quotes"), 404)
    assert assert_sentence(
        client.post("/api/events/no-such-event/articles", json={"outlet": "A", "text": GOOD_TEXT}), 404
    )
    assert "no article" in assert_sentence(client.get(f"/api/events/{event_slug}/articles/999999"), 404)
    assert assert_sentence(client.get(f"/api/events/{event_slug}/articles/not-a-number"), 422)
    assert assert_sentence(client.get("/api/comparisons/doesnotexist"), 404)


def test_event_without_title(client: TestClient) -> None:
    assert "title" in assert_sentence(client.post("/api/events", json={"title": "  "}), 422)
    assert assert_sentence(client.post("/api/events", json={}), 422)


def test_oversized_body_is_refused_with_413(client: TestClient, event_slug: str) -> None:
    huge = "word " * (settings.max_request_bytes // 5 + 10)
    response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "A", "text": huge})
    assert "too large" in assert_sentence(response, 413)


def test_overlong_article_is_refused(client: TestClient, event_slug: str) -> None:
    long_text = ("The council met again today. " * (settings.max_article_chars // 28 + 10))[
        : settings.max_article_chars + 500
    ]
    response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "A", "text": long_text})
    assert "too long" in assert_sentence(response, 413)


def test_comparison_needs_two_articles_of_the_event(client: TestClient, event_slug: str) -> None:
    article = client.post(
        f"/api/events/{event_slug}/articles", json={"outlet": "A", "text": GOOD_TEXT}
    ).json()
    assert assert_sentence(
        client.post("/api/comparisons", json={"event": event_slug, "articles": [article["id"]]}), 422
    )
    response = client.post(
        "/api/comparisons", json={"event": event_slug, "articles": [article["id"], 999999]}
    )
    assert "no article" in assert_sentence(response, 404)
    response = client.post(
        "/api/comparisons", json={"event": event_slug, "articles": [article["id"], article["id"]]}
    )
    assert "only once" in assert_sentence(response, 422)


def test_bad_input_loses_nothing(client: TestClient, event_slug: str) -> None:
    stored = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "A", "text": GOOD_TEXT}).json()
    client.post(f"/api/events/{event_slug}/articles", json={"outlet": "", "text": "x"})
    client.post(f"/api/events/{event_slug}/articles", json={"outlet": "A", "text": GOOD_TEXT})
    articles = client.get(f"/api/events/{event_slug}/articles").json()
    assert [a["id"] for a in articles] == [stored["id"]]


@pytest.mark.parametrize(
    "query",
    ["a=x&b=y", "a=1", "a=-1&b=2", "a=99999999&b=99999998", "a=1&b=1", "a=" + "9" * 40 + "&b=1"],
)
def test_compare_page_rejects_nonsense(client: TestClient, event_slug: str, query: str) -> None:
    response = client.get(f"/events/{event_slug}/compare?{query}")
    assert 400 <= response.status_code < 500
    assert "<main" in response.text and "Traceback" not in response.text


def test_unknown_pages_are_404_pages(client: TestClient) -> None:
    response = client.get("/events/no-such-event")
    assert response.status_code == 404
    assert "no event" in response.text
    assert client.get("/p/nothing-here").status_code == 404
