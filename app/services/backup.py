"""Backup and restore: an event as one JSON document, and that document back into a database.

The export holds everything that cannot be recomputed (the event, outlets, article metadata and bodies)
plus the extracted quotes and figures for readers of the file. Import stores the bodies unchanged and
re-runs extraction and alignment, so export -> import -> export gives the same document.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from app.models import Article, Event, Outlet
from app.services import events, ingest, queries
from app.services.errors import BadInput

FORMAT = "parallax-event/1"


def export_event(session: Session, event: Event) -> dict[str, Any]:
    rows = session.exec(
        select(Article, Outlet)
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.event_id == event.id)
        .order_by(col(Article.id))
    ).all()
    quotes = queries.event_quotes(session, event)
    figures = queries.event_figures_flat(session, event)
    articles = []
    for article, outlet in rows:
        articles.append(
            {
                "outlet": outlet.name,
                "domain": outlet.domain,
                "title": article.title,
                "url": article.url,
                "author": article.author,
                "published_at": article.published_at.isoformat() if article.published_at else None,
                "source_format": article.source_format,
                "role": article.role,
                "content_hash": article.content_hash,
                "body": article.body,
                "quotes": [
                    {k: q[k] for k in ("text", "speaker", "start", "end", "fragment")}
                    for q in quotes
                    if q["article_id"] == article.id
                ],
                "figures": [
                    {
                        k: f[k]
                        for k in (
                            "text",
                            "value",
                            "value_high",
                            "unit",
                            "qualifier",
                            "counted",
                            "start",
                            "end",
                        )
                    }
                    for f in figures
                    if f["article_id"] == article.id
                ],
            }
        )
    return {
        "format": FORMAT,
        "event": {"slug": event.slug, "title": event.title, "description": event.description},
        "articles": articles,
    }


def import_event(session: Session, data: dict[str, Any], *, title: str | None = None) -> Event:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(f"This is not a Parallax export (expected format '{FORMAT}').")
    meta = data.get("event") or {}
    event = events.create_event(
        session, title or meta.get("title") or "Imported event", meta.get("description") or ""
    )
    wanted_slug = meta.get("slug")
    if (
        wanted_slug
        and wanted_slug != event.slug
        and not session.exec(select(Event).where(Event.slug == wanted_slug)).first()
    ):
        event.slug = wanted_slug
        session.add(event)
        session.commit()
        session.refresh(event)
    for entry in data.get("articles") or []:
        prepared = ingest.prepare_stored_body(
            entry["body"],
            outlet=entry["outlet"],
            title=entry.get("title") or "",
            url=entry.get("url"),
            author=entry.get("author"),
            published_at=ingest.parse_datetime(entry.get("published_at")),
            domain=entry.get("domain"),
            source_format=entry.get("source_format") or "text",
            role=entry.get("role") or "report",
        )
        ingest.store_article(session, event, prepared)
    return event
