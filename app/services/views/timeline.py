"""The event timeline: who published when, who printed each quote and figure first, how a toll moved."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, col, select

from app.models import (
    Article,
    Event,
    Figure,
    FigureGroup,
    Outlet,
)
from app.services.views.common import aware, consensus, wording_key
from app.services.views.figure_values import group_title, is_generic_title, one_value
from app.services.views.ledger import conflict_pages
from app.services.views.overview import overview_statements


class TimelineArticle(BaseModel):
    id: int
    outlet: str
    title: str
    published_at: datetime | None
    word_count: int


class FirstPrinting(BaseModel):
    """Who printed a statement or a figure first, and who followed."""

    id: int
    text: str  # the sentence, or the figure as its first printer printed it ("2,700 km")
    speaker: str | None = None
    label: str = ""  # a figure's group title ("distance travelled"), shown beside its text, not glued to it
    first_outlet: str
    first_article_id: int
    first_at: datetime | None
    followers: int  # other articles that printed it later (or at an unknown time)
    # Other outlets that printed it at the same moment as the first (often a date with no time, or none):
    # then which of them came first is not known, and the page says so instead of naming one.
    tied: list[str] = []
    later: int = 0  # the followers that are not tied with the first: printed later, or at an unknown time


class TollStep(BaseModel):
    published_at: datetime | None
    outlet: str
    article_id: int
    text: str
    value: float | None
    source: str | None = None  # whom the article attributes the figure to
    changed: bool  # differs from the value printed just before it (a conversion's rounding is no change)
    # ... and was printed at the same moment as that one (a date with no time, or no date): a different value,
    # but not a change over time, since which came first is not known.
    same_time: bool = False


class TollHistory(BaseModel):
    id: int
    label: str
    steps: list[TollStep]
    ledger_page: int = 1  # the page of the ledger's conflict filter that lists this group's sentences


class Timeline(BaseModel):
    articles: list[TimelineArticle]
    statements: list[FirstPrinting]
    figures: list[FirstPrinting]
    tolls: list[TollHistory]
    undated: int


_NEVER = datetime.max.replace(tzinfo=UTC)


def _order(moment: datetime | None) -> datetime:
    return aware(moment) if moment else _NEVER


def timeline(session: Session, event: Event, *, limit: int = 100) -> Timeline:
    """Who published when; who printed each quote and each figure first; how each disputed number moved."""
    rows = session.exec(
        select(Article.id, Outlet.name, Article.title, Article.published_at, Article.word_count)
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.event_id == event.id)
    ).all()
    articles = sorted(
        (
            TimelineArticle(id=i or 0, outlet=o, title=t, published_at=p and aware(p), word_count=w)
            for i, o, t, p, w in rows
        ),
        key=lambda a: (_order(a.published_at), a.id),
    )
    rank = {a.id: n for n, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}

    def first_of(article_ids: list[int]) -> TimelineArticle:
        return by_id[min(article_ids, key=lambda i: rank.get(i, 1 << 30))]

    def ties(first: TimelineArticle, article_ids: list[int]) -> dict[str, Any]:
        """The outlets of the other articles published at the first one's moment (each once), and how many
        articles came after it."""
        others = [
            by_id[i] for i in sorted(set(article_ids), key=lambda i: rank.get(i, 1 << 30)) if i != first.id
        ]
        same = [a for a in others if a.published_at == first.published_at]
        return {"tied": list(dict.fromkeys(a.outlet for a in same)), "later": len(others) - len(same)}

    statements = []
    for statement in overview_statements(session, event):
        carriers = [m["article_id"] for m in statement["members"] if m["article_id"] in by_id]
        if not carriers:
            continue
        first = first_of(carriers)
        # The first article's printing in the most common wording when it has one: an article that prints
        # the sentence twice (alone, and inside a longer quote) is shown by the printing the others share.
        common = wording_key(consensus(statement["members"])[0]["text"])
        printed = [m["text"] for m in statement["members"] if m["article_id"] == first.id]
        text = next((t for t in printed if wording_key(t) == common), printed[0])
        statements.append(
            FirstPrinting(
                id=statement["id"],
                text=text,
                speaker=statement["speaker"],
                first_outlet=first.outlet,
                first_article_id=first.id,
                first_at=first.published_at,
                followers=len(set(carriers)) - 1,
                **ties(first, carriers),
            )
        )
    statements.sort(key=lambda s: (-s.followers, _order(s.first_at), s.id))
    groups = session.exec(
        select(
            FigureGroup.id, FigureGroup.label, FigureGroup.status, FigureGroup.kind, FigureGroup.unit
        ).where(FigureGroup.event_id == event.id)
    ).all()
    members: dict[int, list[tuple[int, str, float | None]]] = defaultdict(list)
    readings: dict[tuple[int, int], dict[str, Any]] = {}  # (group, article): its first figure's reading
    if groups:
        for group_id, article_id, text, value, high, unit, kind, source in session.exec(
            select(
                Figure.group_id,
                Figure.article_id,
                Figure.text,
                Figure.value,
                Figure.value_high,
                Figure.unit,
                Figure.kind,
                Figure.source,
            )
            .where(col(Figure.group_id).in_([g[0] for g in groups]))
            .order_by(col(Figure.article_id), col(Figure.start))
        ).all():
            members[group_id or 0].append((article_id, text, value))
            readings.setdefault(
                (group_id or 0, article_id),
                {
                    "text": text,
                    "value": value,
                    "value_high": high,
                    "unit": unit,
                    "kind": kind,
                    "source": source,
                },
            )
    figures, tolls = [], []
    for group_id, stored_label, status, kind, unit in groups:
        # A group the outlets named nothing for reads as its printed value alone ("2,700 km"), not
        # "2,700 km measure"; its history is titled with the sort of quantity ("distance or length").
        label = "" if is_generic_title(stored_label, kind) else stored_label
        printed = members.get(group_id or 0, [])
        if not printed:
            continue
        first = first_of([a for a, _, _ in printed])
        first_text = next(t for a, t, _ in printed if a == first.id)
        figures.append(
            FirstPrinting(
                id=group_id or 0,
                text=first_text,
                label=label,
                first_outlet=first.outlet,
                first_article_id=first.id,
                first_at=first.published_at,
                followers=len({a for a, _, _ in printed}) - 1,
                **ties(first, [a for a, _, _ in printed]),
            )
        )
        if status == "conflict":
            steps: list[TollStep] = []
            seen: set[int] = set()
            previous: dict[str, Any] | None = None
            for article_id, text, value in sorted(printed, key=lambda m: rank.get(m[0], 1 << 30)):
                if article_id in seen:
                    continue
                seen.add(article_id)
                article = by_id[article_id]
                reading = readings[(group_id or 0, article_id)]
                changed = previous is not None and not one_value(previous, reading)
                same_time = changed and steps[-1].published_at == article.published_at
                previous = reading
                steps.append(
                    TollStep(
                        published_at=article.published_at,
                        outlet=article.outlet,
                        article_id=article_id,
                        text=text,
                        value=value,
                        source=reading["source"],
                        changed=changed,
                        same_time=same_time,
                    )
                )
            tolls.append(
                TollHistory(id=group_id or 0, label=group_title(stored_label, kind, unit), steps=steps)
            )
    figures.sort(key=lambda f: (-f.followers, _order(f.first_at), f.id))
    tolls.sort(key=lambda t: -len(t.steps))
    pages = conflict_pages([{"id": t.id, "members": members.get(t.id, [])} for t in tolls])
    for toll in tolls:
        toll.ledger_page = pages.get(toll.id, 1)
    return Timeline(
        articles=articles,
        statements=statements[:limit],
        figures=figures[:limit],
        tolls=tolls[:10],
        undated=sum(1 for a in articles if a.published_at is None),
    )
