"""End to end through the API: an invented press conference (the source) and four reports whose quotes are
verbatim, trimmed, altered, spliced or invented; on SQLite, and on PostgreSQL when it is configured."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import SOURCE_EVENT_FOLDER, DemoArticle, demo_articles
from app.services import events
from app.services.alignment import realign_event
from tests.conftest import unique_title

# Quote (by its first words) -> status, the start of the source passage, severe, speaker mismatch.
EXPECTED: dict[str, tuple[str, str | None, bool, bool]] = {
    "We will lower the reservoir by four": (
        "verbatim",
        "We will lower the reservoir by four metres",
        False,
        False,
    ),
    "I cannot rule anything out completely,": (
        "altered",
        "I cannot rule anything out completely",
        True,
        False,
    ),
    "We have asked the army to": ("not_found", None, False, False),
    "The dam is safe today. We": ("spliced", "The dam is safe today", False, False),
    "The dam is safe today, and": ("verbatim", "The dam is safe today, and nobody", False, False),
    "lower the reservoir by four metres": ("trimmed", "lower the reservoir by four metres", False, False),
    "I want to thank the inspection": ("altered", "I want to thank the inspection crew", False, False),
    "We have seen this kind of": ("verbatim", "We have seen this kind of damage", False, False),
    "The repairs will cost as much": ("altered", "The repairs may cost as much", True, False),
    "We will lower the reservoir by five": (
        "altered",
        "We will lower the reservoir by four metres",
        True,
        False,
    ),
    "An evacuation is not likely ...": ("spliced", "an evacuation is not likely", False, False),
    "The cracks are about forty centimetres": (
        "verbatim",
        "The cracks are about forty centimetres",
        False,
        True,
    ),
    "in the concrete of the spillway": ("trimmed", "in the concrete of the spillway", False, False),
    "This is the worst damage I": ("not_found", None, False, False),
    "The crew reported them on Saturday": ("verbatim", "The crew reported them on Saturday", False, False),
}


def _post(client: TestClient, slug: str, article: DemoArticle) -> int:
    response = client.post(
        f"/api/events/{slug}/articles",
        json={
            "outlet": article.outlet,
            "title": article.title,
            "text": article.text,
            "role": article.role,
            "published_at": article.published_at.isoformat(),
        },
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _expected(quote: dict[str, Any]) -> tuple[str, str | None, bool, bool]:
    keys = [key for key in EXPECTED if quote["text"].startswith(key)]
    assert len(keys) == 1, f"no single expectation for {quote['text']!r}"
    return EXPECTED[keys[0]]


def _check_all(client: TestClient, slug: str, source_id: int) -> None:
    body = client.get(f"/api/events/{slug}/articles/{source_id}").json()["body"]
    quotes = client.get(f"/api/events/{slug}/quotes").json()
    assert len(quotes) == len(EXPECTED) + 1  # the Vale Post and the Ledger share one altered wording
    for quote in quotes:
        status, passage, severe, mismatch = _expected(quote)
        check = quote["source_check"]
        assert check["status"] == status, quote["text"]
        assert check["source_article_id"] == source_id
        assert check["severe"] is severe, quote["text"]
        assert check["speaker_mismatch"] is mismatch, quote["text"]
        if passage is None:
            assert check["source_start"] is None and check["source_end"] is None
        else:
            assert body[check["source_start"] : check["source_end"]].startswith(passage), quote["text"]


@pytest.mark.parametrize("source_first", [True, False], ids=["source-first", "reports-first"])
def test_every_planted_quote_gets_its_status_and_passage(client: TestClient, source_first: bool) -> None:
    slug = client.post("/api/events", json={"title": unique_title("Dam")}).json()["slug"]
    articles = demo_articles(SOURCE_EVENT_FOLDER)
    source = next(a for a in articles if a.role == "source")
    reports = [a for a in articles if a.role != "source"]
    if source_first:
        source_id = _post(client, slug, source)
        for report in reports:
            _post(client, slug, report)
    else:
        for report in reports:
            _post(client, slug, report)
        assert all(q["source_check"] is None for q in client.get(f"/api/events/{slug}/quotes").json())
        source_id = _post(client, slug, source)
    _check_all(client, slug, source_id)
    # The source is the reference, not a report: it stores no quotes of its own.
    assert client.get(f"/api/events/{slug}/articles/{source_id}").json()["quotes"] == []


def test_an_event_without_a_source_gives_null_checks(client: TestClient, event_slug: str) -> None:
    for report in demo_articles(SOURCE_EVENT_FOLDER)[1:]:
        _post(client, event_slug, report)
    quotes = client.get(f"/api/events/{event_slug}/quotes").json()
    assert quotes and all(q["source_check"] is None for q in quotes)


def test_realigning_the_event_checks_it_again_identically(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Dam")}).json()["slug"]
    ids = [_post(sqlite_client, slug, a) for a in demo_articles(SOURCE_EVENT_FOLDER)]
    before = sqlite_client.get(f"/api/events/{slug}/quotes").json()
    engine = sqlite_client.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as session:
        event = events.get_event(session, slug)
        realign_event(session, event.id or 0)
    after = sqlite_client.get(f"/api/events/{slug}/quotes").json()
    assert [(q["text"], q["source_check"]) for q in after] == [(q["text"], q["source_check"]) for q in before]
    _check_all(sqlite_client, slug, ids[0])
