"""Backup and restore: an event as one JSON document, and that document back into a database.

The export holds everything that cannot be recomputed (the event, outlets, article metadata and bodies)
plus the extracted quotes and figures for readers of the file. Import stores the bodies unchanged and
re-runs extraction and alignment, so export -> import -> export gives the same document.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from app.models import Article, Event, Outlet
from app.services import events, ingest, queries, validation
from app.services.errors import BadInput, Duplicate, ServiceError

FORMAT = "parallax-event/1"


def stored_fields(article: Article, outlet: Outlet) -> dict[str, Any]:
    """What it takes to store an article again as it was (besides its outlet name and title): a backup's
    article, and the snapshot a deletion keeps so that an undo can restore it."""
    return {
        "domain": outlet.domain,
        "url": article.url,
        "author": article.author,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "fetched_at": article.fetched_at.isoformat() if article.fetched_at else None,
        "source_format": article.source_format,
        "role": article.role,
        "body": article.body,
    }


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
                "title": article.title,
                "content_hash": article.content_hash,
                **stored_fields(article, outlet),
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
    """Restore an exported event. Every article is validated first, so a bad file creates nothing."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(f"This is not a Parallax export (expected format '{FORMAT}').")
    meta = data.get("event") or {}
    entries = data.get("articles") or []
    if not isinstance(meta, dict) or not isinstance(entries, list):
        raise BadInput("The backup's 'event' must be an object and its 'articles' a list.")
    prepared = [_prepare_entry(number, entry) for number, entry in enumerate(entries, start=1)]
    event = events.create_event(
        session, title or _text(meta, "title") or "Imported event", _text(meta, "description") or ""
    )
    wanted_slug = _text(meta, "slug")
    if wanted_slug and events.slugify(wanted_slug) != wanted_slug:
        wanted_slug = None  # a hand-edited slug that is not a slug: the title's slug is used instead
    if (
        wanted_slug
        and wanted_slug != event.slug
        and not session.exec(select(Event).where(Event.slug == wanted_slug)).first()
    ):
        event.slug = wanted_slug
        session.add(event)
        session.commit()
        session.refresh(event)
    for article in prepared:
        try:
            ingest.store_article(session, event, article)
        except Duplicate:
            session.rollback()  # the same text twice in one backup is stored once
    return event


def _text(entry: dict[str, Any], key: str) -> str | None:
    value = entry.get(key)
    if value is None or isinstance(value, str):
        return value
    raise BadInput(f"'{key}' must be text, not {type(value).__name__}.")


def _prepare_entry(number: int, entry: object) -> ingest.PreparedArticle:
    """One article of a (possibly hand-edited) backup, checked by the validation of every entry point."""
    try:
        if not isinstance(entry, dict):
            raise BadInput("it is not an object.")
        for key in ("body", "outlet"):
            if not isinstance(entry.get(key), str):
                raise BadInput(f"its '{key}' is missing or not text.")
        return ingest.prepare_stored_body(
            entry["body"],
            outlet=entry["outlet"],
            title=_text(entry, "title") or "",
            url=_text(entry, "url"),
            author=_text(entry, "author"),
            published_at=validation.parse_date(_text(entry, "published_at")),
            domain=_text(entry, "domain"),
            source_format=_text(entry, "source_format") or "text",
            role=_text(entry, "role") or "report",
            fetched_at=validation.parse_date(_text(entry, "fetched_at"), "fetch time"),
        )
    except ServiceError as exc:
        message = exc.message[0].lower() + exc.message[1:] if exc.message else "it is not valid."
        raise type(exc)(f"Article {number} of the backup cannot be restored: {message}") from exc
