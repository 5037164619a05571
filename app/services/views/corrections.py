"""The corrections log: each entry in a reader's words (the article by its outlet and title), whether it is
undone and by which entry, and whether it can be undone; the page and the JSON are drawn from it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from app.models import Event
from app.services import corrections, queries
from app.services.views.records import Record

# Target keys the JSON leaves out: a deleted article's text, kept only so an undo can put it back.
PRIVATE_TARGET_KEYS = ("restore",)


class LoggedArticle(Record):
    id: int
    name: str  # "Outlet's “Title”"
    present: bool  # still in the event (the log links it)


class CorrectionEntry(Record):
    id: int
    kind: str
    target: dict[str, Any]
    summary: str
    created_at: datetime
    article: LoggedArticle | None = None
    undone_by: int | None = None  # the id of the `undo` entry that reverted this one
    undoes: int | None = None  # for an `undo` entry: the id of the entry it reverted
    can_undo: bool = False


def _undoable(kind: str, target: dict[str, Any]) -> bool:
    """Whether the form offers an undo: an undo is final, and old entries may lack what an undo needs."""
    if kind == corrections.UNDO:
        return False
    if kind == "edit_article":
        return isinstance(target.get("before"), dict)
    if kind == "delete_article":
        return isinstance(target.get("restore"), dict)
    return True


def correction_log(session: Session, event: Event) -> list[CorrectionEntry]:
    """Every correction of the event, newest first."""
    names = {
        a["id"]: corrections.article_name(a["outlet"], a["title"])
        for a in queries.list_articles(session, event)
    }
    rows = corrections.list_corrections(session, event)
    undone_by = {
        c.target["correction_id"]: c.id
        for c in rows
        if c.kind == corrections.UNDO and isinstance(c.target.get("correction_id"), int)
    }
    by_id = {c.id: c for c in rows}
    entries = []
    for c in rows:
        assert c.id is not None
        target = dict(c.target)
        article = None
        # An undo concerns the article of the correction it reverts.
        about = by_id.get(target.get("correction_id")) if c.kind == corrections.UNDO else c
        article_id = about.target.get("article_id") if about else None
        if isinstance(article_id, int):
            if article_id in names:
                article = LoggedArticle(id=article_id, name=names[article_id], present=True)
            elif about and about.target.get("outlet"):  # a deleted article: the log names it as it was
                name = corrections.article_name(about.target["outlet"], about.target.get("title", ""))
                article = LoggedArticle(id=article_id, name=name, present=False)
        entries.append(
            CorrectionEntry(
                id=c.id,
                kind=c.kind,
                target={k: v for k, v in target.items() if k not in PRIVATE_TARGET_KEYS},
                summary=c.summary,
                created_at=c.created_at,
                article=article,
                undone_by=undone_by.get(c.id),
                undoes=target.get("correction_id") if c.kind == corrections.UNDO else None,
                can_undo=c.id not in undone_by and _undoable(c.kind, target),
            )
        )
    return entries
