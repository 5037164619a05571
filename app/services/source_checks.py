"""Source checks: every report quote of an event checked against the event's source(s), kept current.

Whichever arrives first: a report is checked when it is stored (if the event has a source), and a source
arriving re-checks every report of the event. A source's own words are the reference, not quotes: it
stores no quotes. Realigning an event re-checks it too. The caller holds the event's write lock.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.core.records import Extraction
from app.core.source_check import SourceCheck, SourceIndex, build_index, check_quote, speaker_mismatch
from app.models import Article, Quote, QuoteSourceCheck, Speaker

SOURCE = "source"
# Indexes of recently used sources, so that a burst of reports does not re-read a long transcript each time.
_CACHE_SIZE = 8
_cache: OrderedDict[tuple[int, str], SourceIndex] = OrderedDict()
_cache_lock = threading.Lock()


def stored_extraction(extraction: Extraction, role: str) -> Extraction:
    """What is stored of an article's extraction: a source keeps its figures but stores no quotes."""
    return replace(extraction, quotes=()) if role == SOURCE else extraction


def source_index(article: Article) -> SourceIndex:
    key = (article.id or 0, article.content_hash)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    index = build_index(article.body)
    with _cache_lock:
        _cache[key] = index
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return index


def event_sources(session: Session, event_id: int) -> list[Article]:
    return list(
        session.exec(
            select(Article)
            .where(Article.event_id == event_id, Article.role == SOURCE)
            .order_by(col(Article.id))
        ).all()
    )


def after_store(session: Session, event_id: int, article: Article) -> None:
    """Keep checks current after storing ``article``: a source re-checks the event, a report checks itself."""
    if article.role == SOURCE:
        recheck_event(session, event_id)
    else:
        check_articles(session, event_id, [article.id or 0])


def recheck_event(session: Session, event_id: int) -> int:
    """Check every report quote of the event again; returns how many quotes were checked."""
    session.execute(delete(QuoteSourceCheck).where(col(QuoteSourceCheck.event_id) == event_id))
    reports = session.exec(
        select(Article.id).where(Article.event_id == event_id, Article.role != SOURCE)
    ).all()
    return check_articles(session, event_id, [a for a in reports if a is not None], fresh=True)


def check_articles(session: Session, event_id: int, article_ids: list[int], *, fresh: bool = False) -> int:
    """Check the quotes of these report articles against every source of the event (the best result wins)."""
    sources = event_sources(session, event_id)
    if not sources or not article_ids:
        return 0
    indexes = [(source.id or 0, source_index(source)) for source in sources]
    speakers = {s.id: s.name for s in session.exec(select(Speaker).where(Speaker.event_id == event_id)).all()}
    quotes = session.exec(select(Quote).where(col(Quote.article_id).in_(article_ids))).all()
    if not fresh:
        ids = [q.id for q in quotes]
        session.execute(delete(QuoteSourceCheck).where(col(QuoteSourceCheck.quote_id).in_(ids)))
    by_id = dict(indexes)
    for quote in quotes:
        speaker = quote.speaker_as_named or (speakers.get(quote.speaker_id) if quote.speaker_id else None)
        source_id, check = best_check(quote.text, indexes, speaker)
        mismatch = speaker_mismatch(speaker, check, by_id[source_id])
        session.add(_row(quote, event_id, source_id, check, mismatch))
    session.flush()
    return len(quotes)


def best_check(
    text: str, indexes: list[tuple[int, SourceIndex]], speaker: str | None
) -> tuple[int, SourceCheck]:
    results = [(source_id, check_quote(text, index, speaker)) for source_id, index in indexes]
    return min(results, key=lambda r: r[1].rank)


def _row(quote: Quote, event_id: int, source_id: int, check: SourceCheck, mismatch: bool) -> QuoteSourceCheck:
    return QuoteSourceCheck(
        quote_id=quote.id or 0,
        event_id=event_id,
        source_article_id=source_id,
        status=check.status,
        source_start=check.start,
        source_end=check.end,
        severe=check.severe,
        speaker_mismatch=mismatch,
        source_speaker=(check.source_speaker or ("a questioner" if check.question else None)),
        details={
            "passages": [list(p) for p in check.passages],
            "changes": [
                {"op": c.op, "source": c.source, "quote": c.quote, "severe": c.severe} for c in check.changes
            ],
            "matched": check.matched,
        },
    )


def check_dict(row: QuoteSourceCheck) -> dict[str, Any]:
    """A quote's ``source_check`` as the API gives it."""
    return {
        "status": row.status,
        "source_article_id": row.source_article_id,
        "source_start": row.source_start,
        "source_end": row.source_end,
        "severe": row.severe,
        "speaker_mismatch": row.speaker_mismatch,
        "source_speaker": row.source_speaker,
        "passages": row.details.get("passages", []),
        "changes": row.details.get("changes", []),
    }


def attach(session: Session, event_id: int, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each quote dict its ``source_check``: None when the event has no source."""
    has_source = session.exec(
        select(Article.id).where(Article.event_id == event_id, Article.role == SOURCE).limit(1)
    ).first()
    rows: dict[int, QuoteSourceCheck] = {}
    if has_source is not None and quotes:
        ids = [q["id"] for q in quotes]
        for row in session.exec(
            select(QuoteSourceCheck).where(col(QuoteSourceCheck.quote_id).in_(ids))
        ).all():
            rows[row.quote_id] = row
    for quote in quotes:
        row = rows.get(quote["id"])
        quote["source_check"] = check_dict(row) if row is not None else None
    return quotes
