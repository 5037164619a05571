"""Near copies: which article holds most of another's text, which came first, and the whole-article diff."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import func, tuple_
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

# Half of an article's words, in order, in the other one: below it on both sides the two are separate reports
# that share some wording (the same quotes, a press release), and the whole-text diff is mostly noise.
NEAR_COPY_SHARE = 0.5

# What two articles' shared text means, read from both sides (see `copy_reading`):
# - "copy": most of the later article's words are the earlier one's (a copy or a light rewrite of it);
# - "reuse": the later article carries most of the earlier one's words but adds more of its own (it reused
#   the earlier article inside a longer one);
# - "separate": under half of either article is the other's text.
CopyReading = Literal["copy", "reuse", "separate"]


def copy_reading(
    later_share: float, earlier_share: float | None, *, direction_known: bool = True
) -> CopyReading:
    """The one rule every page words its near-copy notes by.

    ``later_share``: the share of the later article's words found, in order, in the earlier one;
    ``earlier_share``: the share of the earlier article's words found in the later one (None: below what is
    stored, 30%). Without two publication times nobody knows which is later: pass the larger share as
    ``later_share``, and a copy is then all the rule can tell (one of the two is mostly the other's text).
    """
    if later_share >= NEAR_COPY_SHARE:
        return "copy"
    if direction_known and earlier_share is not None and earlier_share >= NEAR_COPY_SHARE:
        return "reuse"
    return "separate"


class NearCopy(BaseModel):
    """The other article that shares most text with this one, and what that means (`copy_reading`)."""

    other_id: int
    outlet: str
    share: float  # the share of this article's words found, in order, in the other
    other_share: float | None = None  # the share of the other's words found in this one; None: under 30%
    direction: Literal["copy", "source", "unknown"]  # copy: the other came out first; source: this one did
    reading: CopyReading = "copy"


def best_near_copies(
    session: Session, event: Event, *, min_share: float = NEAR_COPY_SHARE, only: int | None = None
) -> dict[int, NearCopy]:
    """For each article, the other article it shares most text with (at least `min_share` of either one's
    words), with the direction (the earlier-published one is taken as the source) and the reading.

    One note per article, found in SQL: an event of many wire copies has a near-copy pair for almost every
    pair of articles, far too many to load for one page. An article whose own words are under `min_share`
    of any other's still gets a note when most of an earlier article reappears in it (it reused that one).
    `only`: the note of that one article (the article page), read through its own rows.
    """
    assert event.id is not None
    best: dict[int, tuple[int, float]] = {}  # article -> (other, share of the article's words in the other)
    for article_column, other_column in (
        (ArticleSimilarity.article_id, ArticleSimilarity.other_id),
        (ArticleSimilarity.other_id, ArticleSimilarity.article_id),
    ):
        query = (
            select(
                article_column.label("article_id"),
                other_column.label("other_id"),
                ArticleSimilarity.share,
                func.row_number()
                .over(
                    partition_by=article_column,
                    order_by=(col(ArticleSimilarity.share).desc(), col(other_column)),
                )
                .label("rank"),
            )
            .join(Article, col(Article.id) == col(article_column))
            .where(Article.event_id == event.id, ArticleSimilarity.share >= min_share)
        )
        ranked = (query if only is None else query.where(article_column == only)).subquery()
        rows = session.exec(
            select(ranked.c.article_id, ranked.c.other_id, ranked.c.share).where(ranked.c.rank == 1)
        ).all()
        for article_id, other_id, _ in rows:
            # The first pass ranks by the article's own share; the second only fills articles left without.
            best.setdefault(article_id, (other_id, 0.0))
    shares = _pair_shares(session, [(a, o) for a, (o, _) in best.items()])
    outlets = queries.outlet_names(session, event.id)
    times = select(Article.id, Article.published_at).where(Article.event_id == event.id)
    if only is not None:
        times = times.where(col(Article.id).in_([only, *(o for o, _ in best.values())]))
    published = dict(session.exec(times).all())
    notes: dict[int, NearCopy] = {}
    for article_id, (other_id, _) in best.items():
        share, other_share = shares.get((article_id, other_id)), shares.get((other_id, article_id))
        direction = copy_direction(published.get(article_id), published.get(other_id))
        later, earlier = (share, other_share) if direction == "copy" else (other_share, share)
        if direction == "unknown":
            later, earlier = max(share or 0.0, other_share or 0.0), min(share or 0.0, other_share or 0.0)
        notes[article_id] = NearCopy(
            other_id=other_id,
            outlet=outlets.get(other_id, ""),
            share=round(share or 0.0, 3),
            other_share=None if other_share is None else round(other_share, 3),
            direction=direction,
            reading=copy_reading(later or 0.0, earlier, direction_known=direction != "unknown"),
        )
    return notes


def _pair_shares(session: Session, pairs: list[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """The stored share of each pair in both directions: (article, other) -> share of article's words in
    other. Missing when under the stored minimum."""
    if not pairs:
        return {}
    # By primary key, one row per pair asked: an event of many wire copies stores a row for almost every
    # pair of its articles, far more than the notes need.
    wanted = sorted({*pairs, *((o, a) for a, o in pairs)})
    rows = session.exec(
        select(ArticleSimilarity.article_id, ArticleSimilarity.other_id, ArticleSimilarity.share).where(
            tuple_(ArticleSimilarity.article_id, ArticleSimilarity.other_id).in_(wanted)
        )
    ).all()
    return {(a, o): share for a, o, share in rows}


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
    source_share: float = 0.0  # share of the source's words found, in order, in the copy
    reading: CopyReading = "copy"  # copy_reading of the two shares: what the pages call the pair
    likely_copy: bool = True  # the reading is not "separate": the later text reuses the earlier one
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

    copy_share = shared / max(1, shared + added)
    source_share = shared / max(1, shared + cut)
    if direction == "unknown":
        reading = copy_reading(
            max(copy_share, source_share), min(copy_share, source_share), direction_known=False
        )
    else:
        reading = copy_reading(copy_share, source_share)
    return CopyDiff(
        source=brief(source),
        copy_article=brief(copy),
        direction_known=direction != "unknown",
        shared_words=shared,
        cut_words=cut,
        added_words=added,
        copy_share=round(copy_share, 3),
        source_share=round(source_share, 3),
        reading=reading,
        likely_copy=reading != "separate",
        runs=[DiffRunView(op=r.op, text=r.text, base_text=r.base_text) for r in runs],
    )
