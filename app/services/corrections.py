"""Corrections: a journalist's fixes of the machine's output, stored (what, when) and replayed after a realign.

Each correction names its target by what a realign keeps (article ids, character offsets into the immutable
bodies, speaker names), never by the ids of extracted rows, which a realign renumbers. Frozen comparisons
are snapshots, so no correction changes an existing permalink.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, update
from sqlmodel import Session, col, select

from app.models import (
    OUTLET_KINDS,
    Article,
    Correction,
    Event,
    Figure,
    FigureGroup,
    Outlet,
    Quote,
    QuoteSentence,
    Speaker,
    Statement,
    StatementMember,
)
from app.services import backup, figure_grouping, queries, source_checks, validation
from app.services.errors import BadInput, NotFound
from app.services.locks import lock_event

# Replayed after a realign, in the order they were made. Deleting and editing an article change the
# article rows themselves, which a realign keeps, so they need no replay.
REPLAYED = ("rename_speaker", "split_sentence", "join_statements", "dismiss_figure")
# The kind of the log entry that reverts another one (`correction_undo`); the entry it reverts stays in the log.
UNDO = "undo"
MAX_NAME = 300
TITLE_IN_LOG = 100  # characters of an article's title quoted in a log sentence


def _event_id(event: Event) -> int:
    assert event.id is not None
    return event.id


def record(session: Session, event: Event, kind: str, target: dict[str, Any], summary: str) -> Correction:
    correction = Correction(event_id=_event_id(event), kind=kind, target=target, summary=summary[:500])
    session.add(correction)
    return correction


def _short(title: str) -> str:
    # A title taken from the first line may end in a full stop; the log's sentence ends in its own.
    title = " ".join(title.split()).removesuffix(".")
    return title if len(title) <= TITLE_IN_LOG else title[: TITLE_IN_LOG - 1].rstrip() + "…"


def article_name(outlet: str, title: str) -> str:
    """How the log names an article: its outlet and title (ids mean nothing to a reader)."""
    title = _short(title)
    return f"{outlet}'s “{title}”" if title else f"{outlet}'s article"


def _name_of(session: Session, event_id: int, article_id: int) -> str:
    row = session.exec(
        select(Outlet.name, Article.title)
        .join(Article, col(Article.outlet_id) == col(Outlet.id))
        .where(Article.id == article_id, Article.event_id == event_id)
    ).first()
    return article_name(*row) if row else f"article {article_id}"


def undone_ids(session: Session, event_id: int) -> set[int]:
    """The ids of the event's corrections that a later `undo` entry reverted."""
    targets = session.exec(
        select(Correction.target).where(Correction.event_id == event_id, Correction.kind == UNDO)
    ).all()
    return {t["correction_id"] for t in targets if isinstance(t.get("correction_id"), int)}


def count_corrections(session: Session, event: Event) -> int:
    return session.exec(
        select(func.count()).select_from(Correction).where(Correction.event_id == event.id)
    ).one()


def list_corrections(session: Session, event: Event) -> list[Correction]:
    return list(
        session.exec(
            select(Correction).where(Correction.event_id == event.id).order_by(col(Correction.id).desc())
        ).all()
    )


# ---------------------------------------------------------------- articles


def delete_article(session: Session, event: Event, article_id: int) -> None:
    """Remove an article and everything extracted from it; the event's statements and figure groups are
    brought up to date as if it had never been added (emptied ones go, statuses are recomputed)."""
    article, outlet = queries.get_article(session, event, article_id)
    event_id = _event_id(event)
    lock_event(session, event_id)
    statement_ids = set(
        session.exec(
            select(StatementMember.statement_id)
            .join(QuoteSentence, col(QuoteSentence.id) == col(StatementMember.sentence_id))
            .where(QuoteSentence.article_id == article_id)
        ).all()
    )
    group_ids = {
        g for g in session.exec(select(Figure.group_id).where(Figure.article_id == article_id)).all() if g
    }
    record(
        session,
        event,
        "delete_article",
        {
            "article_id": article_id,
            "outlet": outlet.name,
            "title": article.title,
            "hash": article.content_hash,
            # Everything an undo needs to put the article back as it was, under the same id.
            "restore": backup.stored_fields(article, outlet),
        },
        f"Deleted {article_name(outlet.name, article.title)}.",
    )
    was_source = article.role == source_checks.SOURCE
    # A later version of the article pointed at this one; it stays, as an article of its own.
    session.execute(update(Article).where(Article.supersedes_id == article_id).values(supersedes_id=None))
    session.execute(delete(Article).where(col(Article.id) == article_id))
    session.flush()
    _drop_empty_statements(session, event_id, statement_ids)
    for group_id in group_ids:
        refresh_group(session, group_id)
    if was_source:
        # The quotes checked against it are checked again against the sources left (none: no checks).
        source_checks.recheck_event(session, event_id)
    session.commit()


def edit_article(
    session: Session,
    event: Event,
    article_id: int,
    *,
    title: str,
    author: str | None,
    url: str | None,
    published_at: datetime | None,
) -> None:
    """Change what the article says about itself; its text (and so its content hash and permalinks) stays."""
    article, outlet = queries.get_article(session, event, article_id)
    # The same checks as every entry point of ingest: lengths, control characters, http(s) links only.
    title = validation.single_line(title, "title", required=True) or ""
    author = validation.single_line(author, "author")
    url = validation.check_url(url)
    lock_event(session, _event_id(event))
    before_name = article_name(outlet.name, article.title)
    changes: dict[str, str | None] = {}
    before: dict[str, str | None] = {}  # the old values, so an undo can put them back
    for name, value in (("title", title), ("author", author or None), ("url", url or None)):
        if getattr(article, name) != value:
            changes[name] = value
            before[name] = getattr(article, name)
            setattr(article, name, value)
    if published_at != article.published_at:
        changes["published_at"] = published_at.isoformat() if published_at else None
        before["published_at"] = article.published_at.isoformat() if article.published_at else None
        article.published_at = published_at
    if not changes:
        session.commit()
        return
    session.add(article)
    what = ", ".join(name.replace("_", " ") for name in changes)
    if "title" in changes:
        what += f"; the title is now “{_short(title)}”"
    record(
        session,
        event,
        "edit_article",
        {"article_id": article_id, "changes": changes, "before": before},
        f"Edited {before_name}: {what}.",
    )
    session.commit()


def edit_outlet(session: Session, name: str, *, country: str | None, kind: str | None) -> Outlet:
    # PostgreSQL refuses a NUL byte in any query parameter (a 500 there); no outlet's name holds one.
    outlet = None if "\x00" in name else session.exec(select(Outlet).where(Outlet.name == name)).first()
    if outlet is None:
        raise NotFound(f"There is no outlet '{name[:100]}'.")
    if kind and kind not in OUTLET_KINDS:
        raise BadInput(f"'kind' must be one of {', '.join(OUTLET_KINDS)}.")
    country = " ".join((country or "").split())
    validation.check_no_control(country, "country")
    if len(country) > 100:
        raise BadInput("A country name has at most 100 characters.")
    outlet.country = country or None
    outlet.kind = kind or None
    session.add(outlet)
    session.commit()
    return outlet


# ---------------------------------------------------------------- speakers


def rename_speaker(session: Session, event: Event, old: str, new: str) -> None:
    """Rename a speaker; renaming to another speaker's name merges the two (quotes and statements follow)."""
    new = " ".join(new.split())
    validation.check_no_control(new, "speaker's name")
    if not validation.has_visible_character(new):
        raise BadInput("Give the speaker's new name in visible characters.")
    if len(new) > MAX_NAME:
        raise BadInput(f"A speaker's name has at most {MAX_NAME} characters.")
    if old == new:
        raise BadInput("The new name is the same as the old one.")
    if "\x00" in old:  # PostgreSQL refuses a NUL byte in a query parameter; no speaker's name holds one
        raise NotFound("This event has no speaker with a NUL byte in the name.")
    lock_event(session, _event_id(event))
    if not _apply_rename(session, _event_id(event), {"from": old, "to": new}):
        raise NotFound(f"This event has no speaker '{old[:100]}'.")
    record(session, event, "rename_speaker", {"from": old, "to": new}, f"Speaker “{old}” is now “{new}”.")
    session.commit()


def _apply_rename(session: Session, event_id: int, target: dict[str, Any]) -> bool:
    speakers = session.exec(
        select(Speaker).where(
            Speaker.event_id == event_id, col(Speaker.name).in_([target["from"], target["to"]])
        )
    ).all()
    old = next((s for s in speakers if s.name == target["from"]), None)
    into = next((s for s in speakers if s.name == target["to"]), None)
    if old is None:
        return False
    if into is None:
        old.name = target["to"]
        session.add(old)
    else:
        session.execute(update(Quote).where(Quote.speaker_id == old.id).values(speaker_id=into.id))
        session.execute(update(Statement).where(Statement.speaker_id == old.id).values(speaker_id=into.id))
        session.delete(old)
    session.flush()
    return True


# ---------------------------------------------------------------- statements


def _sentence(session: Session, event_id: int, article_id: int, start: int, end: int) -> QuoteSentence | None:
    return session.exec(
        select(QuoteSentence).where(
            QuoteSentence.event_id == event_id,
            QuoteSentence.article_id == article_id,
            QuoteSentence.start == start,
            QuoteSentence.end == end,
        )
    ).first()


def _statement_of(session: Session, sentence_id: int) -> int | None:
    return session.exec(
        select(StatementMember.statement_id).where(StatementMember.sentence_id == sentence_id)
    ).first()


def split_sentence(session: Session, event: Event, statement_id: int, article_id: int, start: int) -> None:
    """Move one outlet's sentence out of a statement: it becomes a statement of its own."""
    event_id = _event_id(event)
    member = session.exec(
        select(QuoteSentence)
        .join(StatementMember, col(StatementMember.sentence_id) == col(QuoteSentence.id))
        .where(
            StatementMember.statement_id == statement_id,
            QuoteSentence.article_id == article_id,
            QuoteSentence.start == start,
            QuoteSentence.event_id == event_id,
        )
    ).first()
    if member is None:
        raise NotFound(f"Statement {statement_id} has no sentence of article {article_id} at {start}.")
    target = {"article_id": article_id, "start": member.start, "end": member.end}
    lock_event(session, event_id)
    if not _apply_split(session, event_id, target):
        raise BadInput("This sentence is the statement's only one; there is nothing to move it away from.")
    record(
        session,
        event,
        "split_sentence",
        target,
        f"Moved the sentence “{member.text[:100]}” of {_name_of(session, event_id, article_id)} out of the "
        "statement it shared with other outlets' versions.",
    )
    session.commit()


def _apply_split(session: Session, event_id: int, target: dict[str, Any]) -> bool:
    sentence = _sentence(session, event_id, target["article_id"], target["start"], target["end"])
    if sentence is None or sentence.id is None:
        return False
    statement_id = _statement_of(session, sentence.id)
    if statement_id is None:
        return False
    size = session.exec(
        select(func.count()).select_from(StatementMember).where(StatementMember.statement_id == statement_id)
    ).one()
    if size <= 1:
        return False
    old = session.get(Statement, statement_id)
    alone = Statement(event_id=event_id, speaker_id=old.speaker_id if old else None)
    session.add(alone)
    session.flush()
    session.execute(
        update(StatementMember)
        .where(StatementMember.sentence_id == sentence.id)
        .values(statement_id=alone.id, rank=0)
    )
    session.flush()
    return True


def join_statements(session: Session, event: Event, statement_id: int, other_id: int) -> None:
    """Join two statements that the machine kept apart: every sentence of `other_id` joins `statement_id`."""
    event_id = _event_id(event)
    if statement_id == other_id:
        raise BadInput("Choose another statement to join this one with.")
    keys = []
    texts = []
    for wanted in (statement_id, other_id):
        first = session.exec(
            select(QuoteSentence)
            .join(StatementMember, col(StatementMember.sentence_id) == col(QuoteSentence.id))
            .join(Statement, col(Statement.id) == col(StatementMember.statement_id))
            .where(StatementMember.statement_id == wanted, Statement.event_id == event_id)
            .order_by(col(QuoteSentence.article_id), col(QuoteSentence.start))
        ).first()
        if first is None:
            raise NotFound(f"This event has no statement {wanted}.")
        keys.append({"article_id": first.article_id, "start": first.start, "end": first.end})
        texts.append(first.text[:100])
    target = {"into": keys[0], "other": keys[1]}
    lock_event(session, event_id)
    _apply_join(session, event_id, target)
    record(
        session,
        event,
        "join_statements",
        target,
        f"Joined the statement “{texts[1]}” into the statement “{texts[0]}”.",
    )
    session.commit()


def _apply_join(session: Session, event_id: int, target: dict[str, Any]) -> bool:
    ids = []
    for key in (target["into"], target["other"]):
        sentence = _sentence(session, event_id, key["article_id"], key["start"], key["end"])
        found = _statement_of(session, sentence.id) if sentence and sentence.id else None
        if found is None:
            return False
        ids.append(found)
    into, other = ids
    if into == other:
        return True
    top = session.exec(
        select(func.max(StatementMember.rank)).where(StatementMember.statement_id == into)
    ).one()
    session.execute(
        update(StatementMember)
        .where(StatementMember.statement_id == other)
        .values(statement_id=into, rank=(top or 0) + 1 + StatementMember.rank)
    )
    session.execute(delete(Statement).where(col(Statement.id) == other))
    session.flush()
    return True


def _drop_empty_statements(session: Session, event_id: int, statement_ids: Iterable[int]) -> None:
    ids = list(statement_ids)
    if not ids:
        return
    alive = set(
        session.exec(
            select(StatementMember.statement_id).where(col(StatementMember.statement_id).in_(ids))
        ).all()
    )
    empty = [i for i in ids if i not in alive]
    if empty:
        session.execute(delete(Statement).where(col(Statement.id).in_(empty), Statement.event_id == event_id))
        session.flush()


# ---------------------------------------------------------------- figures


def dismiss_figure(session: Session, event: Event, figure_id: int) -> None:
    """Take a figure the machine got wrong out of every view; its group's status is recomputed."""
    event_id = _event_id(event)
    figure = session.exec(
        select(Figure)
        .join(Article, col(Article.id) == col(Figure.article_id))
        .where(Figure.id == figure_id, Article.event_id == event_id)
    ).first()
    if figure is None:
        raise NotFound(f"This event has no figure {figure_id}.")
    target = {"article_id": figure.article_id, "start": figure.start, "end": figure.end, "text": figure.text}
    name = _name_of(session, event_id, figure.article_id)
    lock_event(session, event_id)
    _apply_dismiss(session, event_id, target)
    record(
        session,
        event,
        "dismiss_figure",
        target,
        f"Dismissed the figure “{figure.text}” in {name}.",
    )
    session.commit()


def _apply_dismiss(session: Session, event_id: int, target: dict[str, Any]) -> bool:
    figure = session.exec(
        select(Figure).where(
            Figure.article_id == target["article_id"],
            Figure.start == target["start"],
            Figure.end == target["end"],
        )
    ).first()
    if figure is None:
        return False
    group_id = figure.group_id
    session.delete(figure)
    session.flush()
    if group_id:
        refresh_group(session, group_id)
    return True


def refresh_group(session: Session, group_id: int) -> None:
    """Recompute a figure group from its remaining members (the core's one status rule); drop it when empty."""
    group = session.get(FigureGroup, group_id)
    if group is None:
        return
    members = session.exec(
        select(Figure).where(Figure.group_id == group_id).order_by(col(Figure.article_id), col(Figure.start))
    ).all()
    if not members:
        session.delete(group)
        session.flush()
        return
    figure_grouping.recompute_group(session, group, members)


# ---------------------------------------------------------------- replay


_APPLY = {
    "rename_speaker": _apply_rename,
    "split_sentence": _apply_split,
    "join_statements": _apply_join,
    "dismiss_figure": _apply_dismiss,
}


def reapply(session: Session, event_id: int) -> int:
    """Replay the event's corrections after a realign rebuilt its extraction; returns how many applied.
    A correction whose target is gone (the extractor no longer finds that sentence) is skipped, and so is one
    an undo reverted."""
    applied = 0
    undone = undone_ids(session, event_id)
    for correction in session.exec(
        select(Correction)
        .where(Correction.event_id == event_id, col(Correction.kind).in_(REPLAYED))
        .order_by(col(Correction.id))
    ).all():
        if correction.id not in undone:
            applied += bool(_APPLY[correction.kind](session, event_id, correction.target))
    return applied
