"""Realign an event in short write transactions, so a long rebuild never locks other writers out.

`alignment.realign_event` rebuilds in one transaction; on SQLite that holds the database's single write
lock for the whole rebuild, and posts to *other* events fail after the 30 s busy timeout. Here the
extraction (the CPU-heavy part) runs outside any write transaction, and articles are replayed through
`add_article` in batches sized to hold the lock for about `max_hold_seconds`. Between batches the event
is partly aligned (readers see fewer statements for a moment); an article posted meanwhile is aligned by
its own ingest and an article deleted meanwhile is skipped, so nothing is lost or aligned twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlmodel import Session, col, select

from app.core.extract import extract_article
from app.core.records import Extraction
from app.models import Article
from app.services.alignment import add_article, clear_event_alignment, reapply_corrections
from app.services.locks import lock_event


def realign_event_in_steps(
    session: Session,
    event_id: int,
    *,
    max_hold_seconds: float = 0.25,
    on_step: Callable[[int, int], None] | None = None,
) -> int:
    """Rebuild the event's extraction and alignment; returns the number of articles replayed.

    `on_step(done, total)` is called after each committed batch (the CLI draws its progress bar).
    """
    lock_event(session, event_id)
    article_ids = clear_event_alignment(session, event_id)
    session.commit()
    done = 0
    batch_size = 1  # grows while a batch holds the lock for less than half the budget, shrinks above it
    while done < len(article_ids):
        # Read and extract outside the write lock.
        batch: list[tuple[int, Extraction]] = []
        for article_id in article_ids[done : done + batch_size]:
            body = session.exec(select(Article.body).where(Article.id == article_id)).first()
            batch.append((article_id, extract_article(body) if body is not None else Extraction((), ())))
        session.commit()  # end the read transaction before taking the lock
        started = time.monotonic()
        lock_event(session, event_id)
        ids = [article_id for article_id, _ in batch]
        still_there = set(session.exec(select(Article.id).where(col(Article.id).in_(ids))).all())
        for article_id, extraction in batch:
            article = session.get(Article, article_id) if article_id in still_there else None
            if article is not None:
                add_article(session, event_id, article, extraction)
        session.commit()
        held = time.monotonic() - started
        done += len(batch)
        if held < max_hold_seconds / 2:
            batch_size = min(batch_size * 2, 64)
        elif held > max_hold_seconds:
            batch_size = max(1, batch_size // 2)
        if on_step is not None:
            on_step(done, len(article_ids))
    lock_event(session, event_id)
    reapply_corrections(session, event_id)
    session.commit()
    return len(article_ids)
