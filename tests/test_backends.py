"""SQLite and PostgreSQL give the same result for the same articles."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from app.db import engine_for
from app.demo import demo_articles
from app.migrate import upgrade_database
from app.services import events, ingest, queries
from tests.conftest import POSTGRES_URL, unique_title


def aligned_event(url: str) -> tuple[list, list, list]:
    engine = engine_for(url)
    upgrade_database(engine)
    with Session(engine) as session:
        event = events.create_event(session, unique_title("Backend parity"))
        for article in demo_articles():
            data = ingest.ArticleInput(outlet=article.outlet, content=article.text, title=article.title)
            ingest.ingest_article(session, event, data)
        quotes = sorted(
            (q["outlet"], q["start"], q["end"], q["speaker"], q["fragment"])
            for q in queries.event_quotes(session, event)
        )
        statements = sorted(
            sorted((m["outlet"], m["text"]) for m in s["members"])
            for s in queries.event_statements(session, event)
        )
        groups = sorted(
            (g["status"], g["label"], sorted((m["outlet"], m["text"], m["value"]) for m in g["members"]))
            for g in queries.event_figure_groups(session, event)
        )
    return quotes, statements, groups


@pytest.mark.skipif(
    not POSTGRES_URL, reason="PostgreSQL not configured: set PARALLAX_TEST_POSTGRES_URL (CI does)"
)
def test_sqlite_and_postgres_align_the_demo_identically(sqlite_url: str) -> None:
    assert POSTGRES_URL
    on_sqlite = aligned_event(sqlite_url)
    on_postgres = aligned_event(POSTGRES_URL)
    assert on_sqlite[1], "the demo event should produce statements"
    assert on_sqlite == on_postgres
