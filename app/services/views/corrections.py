"""The corrections log: each entry in a reader's words (the article by its outlet and title), whether it is
undone and by which entry, and whether it can be undone; the page and the JSON are drawn from it."""

from __future__ import annotations

import re
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


# How entries logged before the log named articles refer to one: "Meridian Wire's article 3 “Title”", "(article 3)".
_BARE_ID = re.compile(r"\(article (\d+)\)")
_OWNED_ID = re.compile(r"'s article (\d+)(?: “[^”]*”)?")


def readable(summary: str, names: dict[int, str]) -> str:
    """An older entry's sentence with each article it names by id named by its outlet and title instead
    (`names`: article id -> "Outlet's “Title”")."""
    if "article " not in summary:
        return summary
    summary = _BARE_ID.sub(
        lambda m: f"(of {names[int(m.group(1))]})" if int(m.group(1)) in names else m.group(0), summary
    )
    parts, end = [], 0
    for match in _OWNED_ID.finditer(summary):
        name = names.get(int(match.group(1)))
        outlet = name.split("'s “", 1)[0] if name else ""
        start = match.start() - len(outlet)
        if name and start >= end and summary[start : match.start()] == outlet:
            parts += [summary[end:start], name]
            end = match.end()
    return "".join([*parts, summary[end:]])


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
    # Deleted articles too, as their deletion logged them: older entries name both kinds by id.
    known = {
        c.target["article_id"]: corrections.article_name(c.target["outlet"], c.target.get("title", ""))
        for c in rows
        if c.kind == "delete_article"
        and isinstance(c.target.get("article_id"), int)
        and c.target.get("outlet")
    } | names
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
                summary=readable(c.summary, known),
                created_at=c.created_at,
                article=article,
                undone_by=undone_by.get(c.id),
                undoes=target.get("correction_id") if c.kind == corrections.UNDO else None,
                can_undo=c.id not in undone_by and _undoable(c.kind, target),
            )
        )
    return entries
