"""Load the demo event that ships with the package (a fictional event, five fictional outlets)."""

from __future__ import annotations

from sqlmodel import Session, select

from app.demo import (
    EVENT_DESCRIPTION,
    EVENT_TITLE,
    SOURCE_EVENT_DESCRIPTION,
    SOURCE_EVENT_FOLDER,
    SOURCE_EVENT_TITLE,
    demo_articles,
)
from app.models import Event
from app.services import events, ingest
from app.services.errors import Duplicate


def load_demo(session: Session, *, only_if_empty: bool = False) -> tuple[Event | None, bool]:
    """Create the demo events with their articles; returns (the main event, created). Idempotent."""
    if only_if_empty and session.exec(select(Event.id)).first() is not None:
        return None, False
    event, created = _load(session, EVENT_TITLE, EVENT_DESCRIPTION, "articles")
    _load(session, SOURCE_EVENT_TITLE, SOURCE_EVENT_DESCRIPTION, SOURCE_EVENT_FOLDER)
    return event, created


def _load(session: Session, title: str, description: str, folder: str) -> tuple[Event, bool]:
    event = events.find_event_by_title(session, title)
    created = event is None
    if event is None:
        event = events.create_event(session, title, description)
    for article in demo_articles(folder):
        data = ingest.ArticleInput(
            outlet=article.outlet,
            domain=article.domain,
            content=article.text,
            source_format="text",
            title=article.title,
            url=article.url,
            author=article.author,
            published_at=article.published_at,
            role=article.role,
        )
        try:
            ingest.ingest_article(session, event, data)
        except Duplicate:
            session.rollback()
    return event, created
