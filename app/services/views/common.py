"""Shared pieces of the read models: what counts as one wording, the consensus and majority rules, labels,
context around a span, paging."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core.similarity import words
from app.core.text import split_sentences
from app.models import (
    Article,
    Event,
    FigureGroup,
    QuoteSentence,
    StatementMember,
)
from app.services import queries
from app.services.errors import NotFound

CONTEXT_CHARS = 320


# A wire story's sentence is printed in the same words by hundreds of outlets, and every page of the
# matrix, statement page and variants panel compares each printing: fold each distinct text once.
@lru_cache(maxsize=20_000)
def wording_key(text: str) -> tuple[str, ...]:
    """What two printings of one sentence must share to count as the same wording.

    Case, quote marks, punctuation and UK/US spelling are folded away: "organise" and "organize", or a
    trailing full stop, are not a different wording, whereas a changed, added or dropped word is.
    """
    return tuple(words(text))


def page_of(items: list[Any], page: int, size: int) -> tuple[list[Any], dict[str, int]]:
    pages = max(1, -(-len(items) // size))
    if page > pages:
        raise NotFound(f"There is no page {page}; the last page is {pages}.")
    chunk = items[(page - 1) * size : page * size]
    return chunk, {"page": page, "pages": pages, "total": len(items), "first": (page - 1) * size + 1}


def budget_page(
    groups: list[dict[str, Any]], page: int, max_groups: int, max_members: int
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Pages of at most `max_groups` groups and about `max_members` members (a page always holds one group):
    a wire story's figure can have hundreds of members, and one page of such groups must stay quick."""
    pages = page_spans(groups, max_groups, max_members)
    total_pages = max(1, len(pages))
    if page > total_pages:
        raise NotFound(f"There is no page {page}; the last page is {total_pages}.")
    start, end = pages[page - 1] if pages else (0, 0)
    return groups[start:end], {"page": page, "pages": total_pages, "total": len(groups), "first": start + 1}


def page_spans(groups: list[dict[str, Any]], max_groups: int, max_members: int) -> list[tuple[int, int]]:
    """`budget_page`'s pages as (start, end) indexes into `groups`."""
    pages: list[tuple[int, int]] = []
    start = 0
    while start < len(groups):
        end, members = start, 0
        while end < len(groups) and end - start < max_groups:
            if end > start and members + len(groups[end]["members"]) > max_members:
                break
            members += len(groups[end]["members"])
            end += 1
        pages.append((start, end))
        start = end
    return pages


def event_outlets(articles: Iterable[dict[str, Any]]) -> list[str]:
    """Outlet names in the order their first article appears (the event's article order); a source is the
    reference the outlets are checked against, not one of them."""
    return list(dict.fromkeys(a["outlet"] for a in articles if a.get("role") != "source"))


def attributions(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who each outlet named for one statement ([{"speaker", "outlets"}]); tolerates members of snapshots
    frozen before members carried their own `speaker`."""
    return queries.statement_speakers([{**m, "speaker": m.get("speaker")} for m in members])


def consensus(members: list[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    """The member printing the most common wording (ties: the earliest article), and how many print it."""
    keys = [wording_key(m["text"]) for m in members]
    key, count = Counter(keys).most_common(1)[0]
    return members[keys.index(key)], count


def majority(values: Iterable[Any]) -> Any | None:
    """The value more than half of the items give, or None: "differs from most outlets" needs a most."""
    counted = Counter(values)
    if not counted:
        return None
    value, count = counted.most_common(1)[0]
    return value if count * 2 > sum(counted.values()) else None


def member_labels(members: list[dict[str, Any]]) -> dict[int, str]:
    """`article_labels` for the articles that carry one statement, in member order."""
    articles = {m["article_id"]: {"id": m["article_id"], "outlet": m["outlet"]} for m in members}
    return article_labels(list(articles.values()))


def article_labels(articles: list[dict[str, Any]]) -> dict[int, str]:
    """A name per compared article: the outlet's, numbered in column order when one outlet has several
    articles ("Daily Ledger (2)"), so the panel never says "not quoted by X" of an X that did quote it."""
    per_outlet = Counter(a["outlet"] for a in articles)
    seen: Counter[str] = Counter()
    labels = {}
    for article in articles:
        seen[article["outlet"]] += 1
        many = per_outlet[article["outlet"]] > 1
        labels[article["id"]] = (
            f"{article['outlet']} ({seen[article['outlet']]})" if many else article["outlet"]
        )
    return labels


def context_around(body: str, start: int, end: int, *, limit: int = CONTEXT_CHARS) -> dict[str, str]:
    """The paragraph holding `body[start:end]`, cut to about `limit` characters either side."""
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end == -1 else para_end
    before = body[max(para_start, start - limit) : start]
    after = body[end : min(para_end, end + limit)]
    return {
        "before": ("…" if start - limit > para_start else "") + before,
        "text": body[start:end],
        "after": after + ("…" if end + limit < para_end else ""),
    }


def sentence_around(body: str, start: int, end: int) -> dict[str, str]:
    """The sentence that holds a figure, so the ledger shows what the number was said about."""
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end == -1 else para_end
    for sentence_start, sentence_end in split_sentences(body[para_start:para_end], start=para_start):
        if sentence_start <= start < sentence_end:
            return {
                "before": body[sentence_start:start],
                "text": body[start:end],
                "after": body[end : max(end, sentence_end)],
            }
    return context_around(body, start, end, limit=160)


def article_bodies(session: Session, event: Event, article_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(article_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Article.id, Article.body).where(Article.event_id == event.id, col(Article.id).in_(ids))
    ).all()
    return {article_id: body for article_id, body in rows if article_id is not None}


def published_times(session: Session, event: Event, article_ids: Iterable[int]) -> dict[int, datetime | None]:
    """When each of these articles was published (UTC, None when nobody knows)."""
    ids = list(set(article_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Article.id, Article.published_at).where(Article.event_id == event.id, col(Article.id).in_(ids))
    ).all()
    return {
        article_id: published and aware(published) for article_id, published in rows if article_id is not None
    }


def figure_group_statuses(session: Session, event: Event, group_ids: Iterable[int]) -> dict[int, str]:
    """Each figure group's status (agree, conflict, single): how an article page marks its figures."""
    ids = list(set(group_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(FigureGroup.id, FigureGroup.status).where(
            FigureGroup.event_id == event.id, col(FigureGroup.id).in_(ids)
        )
    ).all()
    return {group_id: status for group_id, status in rows if group_id is not None}


def shared_statements(session: Session, statement_ids: Iterable[int]) -> set[int]:
    """The statements of these that two or more articles carry: the ones an article page colours (its legend
    says "other outlets carried it too"); a sentence no other article carries is marked as its own."""
    ids = list(set(statement_ids))
    if not ids:
        return set()
    rows = session.exec(
        select(StatementMember.statement_id, func.count(func.distinct(QuoteSentence.article_id)))
        .join(QuoteSentence, col(QuoteSentence.id) == col(StatementMember.sentence_id))
        .where(col(StatementMember.statement_id).in_(ids))
        .group_by(col(StatementMember.statement_id))
    ).all()
    return {statement_id for statement_id, articles in rows if articles > 1}


def source_key(source: str) -> str:
    """One source however its apostrophes, case and spaces were typed ("South Korea’s military")."""
    return " ".join(source.replace("’", "'").replace("‘", "'").casefold().split())


def aware(moment: datetime) -> datetime:
    # SQLite hands back naive times; every stored time is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
