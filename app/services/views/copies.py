"""Near copies: which article holds most of another's text, which came first, and the whole-article diff."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core.diff import word_diff
from app.models import (
    Article,
    ArticleSimilarity,
    Event,
    Outlet,
)
from app.services import queries
from app.services.errors import BadInput
from app.services.views.common import aware

# Half of an article's words, in order, in an earlier one: the overview calls it a likely copy, and the
# whole-text diff is worth reading; below it the two are separate reports and the diff is mostly noise.
NEAR_COPY_SHARE = 0.5


class NearCopy(BaseModel):
    """The other article that holds most of this one's text."""

    other_id: int
    outlet: str
    share: float  # the share of this article's words found, in order, in the other
    direction: Literal["copy", "source", "unknown"]  # copy: the other came out first; source: this one did


def best_near_copies(
    session: Session, event: Event, *, min_share: float = NEAR_COPY_SHARE
) -> dict[int, NearCopy]:
    """For each article, the other article that holds most of its text (when at least `min_share`), with the
    direction: the earlier-published one is taken as the source, the later one as the copy.

    One note per article, found in SQL: an event of many wire copies has a near-copy pair for almost every
    pair of articles, far too many to load for one page.
    """
    ranked = (
        select(
            ArticleSimilarity.article_id,
            ArticleSimilarity.other_id,
            ArticleSimilarity.share,
            func.row_number()
            .over(
                partition_by=ArticleSimilarity.article_id,
                order_by=(col(ArticleSimilarity.share).desc(), col(ArticleSimilarity.other_id)),
            )
            .label("rank"),
        )
        .join(Article, col(Article.id) == col(ArticleSimilarity.article_id))
        .where(Article.event_id == event.id, ArticleSimilarity.share >= min_share)
        .subquery()
    )
    rows = session.exec(
        select(ranked.c.article_id, ranked.c.other_id, ranked.c.share).where(ranked.c.rank == 1)
    ).all()
    assert event.id is not None
    outlets = queries.outlet_names(session, event.id)
    published = dict(
        session.exec(select(Article.id, Article.published_at).where(Article.event_id == event.id)).all()
    )
    return {
        article_id: NearCopy(
            other_id=other_id,
            outlet=outlets.get(other_id, ""),
            share=round(share, 3),
            direction=copy_direction(published.get(article_id), published.get(other_id)),
        )
        for article_id, other_id, share in rows
    }


def copy_direction(mine: datetime | None, other: datetime | None) -> Literal["copy", "source", "unknown"]:
    """'copy' when the other article came out first (this one reuses it), 'source' when this one did,
    'unknown' when a time is missing or both are the same."""
    if mine is None or other is None or mine == other:
        return "unknown"
    return "copy" if aware(other) < aware(mine) else "source"


class ArticleBrief(BaseModel):
    id: int
    outlet: str
    title: str
    published_at: datetime | None


class DiffRunView(BaseModel):
    op: str
    text: str
    base_text: str


class CopyDiff(BaseModel):
    """Two near-copies side by side as one text: what they share, what the later one cut and added."""

    source: ArticleBrief  # the earlier-published article (or the first asked, when times are missing)
    copy_article: ArticleBrief
    direction_known: bool
    shared_words: int
    cut_words: int
    added_words: int
    copy_share: float  # share of the copy's words found, in order, in the source
    likely_copy: bool = True  # copy_share reaches NEAR_COPY_SHARE: the later text reuses the earlier one
    runs: list[DiffRunView]


def _word_count(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def copy_diff(session: Session, event: Event, article_id: int, other_id: int) -> CopyDiff:
    """The whole-article diff of two articles, the earlier one as the base."""
    if article_id == other_id:
        raise BadInput("Choose two different articles to diff.")
    rows = {}
    for wanted in (article_id, other_id):
        article, outlet = queries.get_article(session, event, wanted)
        rows[wanted] = (article, outlet)
    first, second = rows[article_id], rows[other_id]
    direction = copy_direction(first[0].published_at, second[0].published_at)
    source, copy = (second, first) if direction == "copy" else (first, second)
    runs = word_diff(source[0].body, copy[0].body)
    shared = sum(_word_count(r.text) for r in runs if r.op in ("equal", "variant"))
    added = sum(_word_count(r.text) for r in runs if r.op == "insert")
    cut = sum(_word_count(r.base_text) for r in runs if r.op == "delete")

    def brief(pair: tuple[Article, Outlet]) -> ArticleBrief:
        return ArticleBrief(
            id=pair[0].id or 0, outlet=pair[1].name, title=pair[0].title, published_at=pair[0].published_at
        )

    return CopyDiff(
        source=brief(source),
        copy_article=brief(copy),
        direction_known=direction != "unknown",
        shared_words=shared,
        cut_words=cut,
        added_words=added,
        copy_share=round(shared / max(1, shared + added), 3),
        likely_copy=shared / max(1, shared + added) >= NEAR_COPY_SHARE,
        runs=[DiffRunView(op=r.op, text=r.text, base_text=r.base_text) for r in runs],
    )
