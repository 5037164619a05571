"""Undo a correction: the event goes back to what it would be without it, and the log keeps both entries
(the correction, marked undone, and the `undo` entry that reverted it).

An edit of an article's details is put back field by field. Every other correction changes what the
machine extracted and aligned, and later corrections may build on it, so those are undone by rebuilding
the event from its article texts and replaying every correction that is not undone: the same path a
realign takes, so an undo can never leave the event in a state a realign would not reproduce.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from app.models import Article, Correction, Event, Outlet
from app.services import ingest
from app.services.corrections import UNDO, article_name, record, undone_ids
from app.services.errors import BadInput, NotFound
from app.services.locks import lock_event
from app.services.queries import MAX_ID
from app.services.realign import realign_event_in_steps


def undo_correction(session: Session, event: Event, correction_id: int) -> Correction:
    """Revert the event's correction `correction_id`; returns the new `undo` log entry."""
    assert event.id is not None
    event_id = event.id
    correction = session.get(Correction, correction_id) if 0 < correction_id <= MAX_ID else None
    if correction is None or correction.event_id != event_id:
        raise NotFound(f"This event has no correction {correction_id}.")
    if correction.kind == UNDO:
        raise BadInput("An undo cannot itself be undone: make the correction again.")
    lock_event(session, event_id)
    if correction_id in undone_ids(session, event_id):
        raise BadInput("This correction is already undone.")
    if correction.kind == "edit_article":
        _restore_details(session, event_id, correction.target)
    elif correction.kind == "delete_article":
        _restore_article(session, event_id, correction.target)
    undo = record(
        session,
        event,
        UNDO,
        {"correction_id": correction_id, "kind": correction.kind},
        f"Undid: {correction.summary}",
    )
    session.commit()
    session.refresh(undo)
    if correction.kind != "edit_article":
        realign_event_in_steps(session, event_id)
    return undo


def _restore_details(session: Session, event_id: int, target: dict[str, Any]) -> None:
    """Put back the values an edit replaced, in the fields that still hold what the edit wrote."""
    before = target.get("before")
    if not isinstance(before, dict):
        raise BadInput(
            "This edit was made before Parallax kept the old values: edit the article back by hand."
        )
    article = session.get(Article, target.get("article_id"))
    if article is None or article.event_id != event_id:
        raise BadInput("The article was deleted after this edit: undo the deletion first.")
    changed = target.get("changes", {})
    restored = 0
    for name, old in before.items():
        if name not in ("title", "author", "url", "published_at"):
            continue
        current = getattr(article, name)
        if name == "published_at":
            current = current.isoformat() if current else None
        if current != changed.get(name):
            continue  # a later edit changed this field again: that edit is the one to undo
        if name == "published_at":
            article.published_at = datetime.fromisoformat(old) if old else None
        else:
            setattr(article, name, old)
        restored += 1
    if not restored:
        raise BadInput("A later edit changed these details again: undo that edit first.")
    session.add(article)


def _restore_article(session: Session, event_id: int, target: dict[str, Any]) -> None:
    """Store the deleted article again, under its old id when it is free (links to it work again)."""
    saved = target.get("restore")
    if not isinstance(saved, dict):
        raise BadInput("This article was deleted before Parallax kept deleted texts: add it again instead.")
    when = {
        k: datetime.fromisoformat(saved[k]) if saved.get(k) else None for k in ("published_at", "fetched_at")
    }
    prepared = ingest.prepare_stored_body(
        saved.get("body", ""),
        outlet=target.get("outlet", ""),
        title=target.get("title", ""),
        url=saved.get("url"),
        author=saved.get("author"),
        domain=saved.get("domain"),
        source_format=saved.get("source_format", "text"),
        role=saved.get("role", "report"),
        **when,
    )
    same = session.exec(
        select(Article).where(Article.event_id == event_id, Article.content_hash == prepared.content_hash)
    ).first()
    if same is not None:
        holder = session.get(Outlet, same.outlet_id)
        name = article_name(holder.name if holder else "", same.title)
        raise BadInput(f"The same text is already in the event, as {name}: nothing to restore.")
    outlet = ingest.get_or_create_outlet(session, prepared.outlet, prepared.domain)
    old_id = target.get("article_id")
    free = isinstance(old_id, int) and session.get(Article, old_id) is None
    session.add(
        ingest.article_row(
            prepared, event_id=event_id, outlet_id=outlet.id or 0, article_id=old_id if free else None
        )
    )
    session.flush()
