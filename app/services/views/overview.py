"""Light queries for the overview: only the columns the page shows (no bodies, no ORM objects), so a
300-article event renders in well under 200 ms."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel
from sqlmodel import Session, col, select

from app.models import (
    Article,
    Event,
    Figure,
    FigureGroup,
    Outlet,
    Quote,
    QuoteSentence,
    Statement,
    StatementMember,
)
from app.services import queries
from app.services.alignment import statement_rows
from app.services.corrections import count_corrections
from app.services.views.charts import ConflictChart, article_names, conflict_charts
from app.services.views.common import event_outlets
from app.services.views.copies import NearCopy, best_near_copies
from app.services.views.matrix import CoverageMatrix, coverage_matrix, matrix_page_size


def overview_articles(session: Session, event: Event) -> list[dict[str, Any]]:
    rows = session.exec(
        select(
            Article.id,
            Outlet.name,
            Article.title,
            Article.published_at,
            Article.word_count,
            Outlet.country,
            Outlet.kind,
            Article.role,
        )
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.event_id == event.id)
        .order_by(col(Article.published_at).asc().nulls_last(), col(Article.id))
    ).all()
    return [
        {
            "id": article_id,
            "outlet": outlet,
            "title": title,
            "published_at": published.isoformat() if published else None,
            "word_count": word_count,
            "outlet_country": country,
            "outlet_kind": kind,
            "role": role,
        }
        for article_id, outlet, title, published, word_count, country, kind, role in rows
    ]


def overview_statements(session: Session, event: Event) -> list[dict[str, Any]]:
    """Statements with the members' outlet and text only, in the shape `coverage_matrix` reads."""
    assert event.id is not None
    outlets = queries.outlet_names(session, event.id)
    speakers = queries.speaker_names(session, event.id)
    rows = session.exec(
        select(
            Statement.id,
            Statement.speaker_id,
            QuoteSentence.article_id,
            QuoteSentence.text,
            Quote.speaker_id,
            QuoteSentence.id,
            QuoteSentence.start,
        )
        .join(StatementMember, col(StatementMember.statement_id) == col(Statement.id))
        .join(QuoteSentence, col(QuoteSentence.id) == col(StatementMember.sentence_id))
        # Each outlet's own speaker: the matrix marks statements the outlets attribute to different people.
        .join(Quote, col(Quote.id) == col(QuoteSentence.quote_id))
        .where(Statement.event_id == event.id)
        .order_by(col(Statement.id), col(QuoteSentence.article_id), col(QuoteSentence.start))
    ).all()
    by_id: dict[int, dict[str, Any]] = {}
    for statement_id, speaker_id, article_id, text, member_speaker, sentence_id, start in rows:
        entry = by_id.get(statement_id)
        if entry is None:
            entry = by_id[statement_id] = {
                "id": statement_id,
                "speaker": speakers.get(speaker_id or 0, queries.UNKNOWN_SPEAKER),
                "members": [],
            }
        entry["members"].append(
            {
                "article_id": article_id,
                "outlet": outlets.get(article_id, ""),
                "text": text,
                "speaker": speakers.get(member_speaker) if member_speaker is not None else None,
                "sentence_id": sentence_id,
                "start": start,
            }
        )
    for entry in by_id.values():
        entry["outlets"] = sorted({m["outlet"] for m in entry["members"]})
    return list(by_id.values())


def conflict_groups(session: Session, event: Event) -> list[dict[str, Any]]:
    """Only the conflicting figure groups, with the member fields the charts draw."""
    assert event.id is not None
    groups = session.exec(
        select(FigureGroup.id, FigureGroup.label, FigureGroup.compatible)
        .where(FigureGroup.event_id == event.id, FigureGroup.status == "conflict")
        .order_by(col(FigureGroup.id))
    ).all()
    if not groups:
        return []
    outlets = queries.outlet_names(session, event.id)
    # An outlet with several articles appears once per article in a chart: its bars are told apart by date.
    times = {
        article_id: published
        for article_id, published in session.exec(
            select(Article.id, Article.published_at).where(Article.event_id == event.id)
        ).all()
        if article_id is not None
    }
    names = article_names(
        [(article_id, outlets.get(article_id, ""), times[article_id]) for article_id in times]
    )
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for group_id, article_id, text, value, qualifier, unit, kind, source in session.exec(
        select(
            Figure.group_id,
            Figure.article_id,
            Figure.text,
            Figure.value,
            Figure.qualifier,
            Figure.unit,
            Figure.kind,
            Figure.source,
        )
        .where(col(Figure.group_id).in_([g for g, _, _ in groups]))
        .order_by(col(Figure.article_id), col(Figure.start))
    ).all():
        members[group_id or 0].append(
            {
                "outlet": outlets.get(article_id, ""),
                "article_id": article_id,
                "name": names.get(article_id, ""),
                "text": text,
                "value": value,
                "qualifier": qualifier,
                "unit": unit,
                "kind": kind,
                "source": source,
                "published_at": times.get(article_id),
            }
        )
    result = [
        {
            "id": group_id,
            "label": label,
            "status": "conflict",
            "compatible": compatible,
            "members": members[group_id or 0],
        }
        for group_id, label, compatible in groups
    ]
    result.sort(key=lambda g: (-len(g["members"]), g["id"]))
    return result


# ---------------------------------------------------------------- the overview page


class OverviewArticle(BaseModel):
    id: int
    outlet: str
    title: str
    published_at: datetime | None
    word_count: int
    outlet_country: str | None = None
    outlet_kind: str | None = None
    role: str = "report"


class EventHead(BaseModel):
    slug: str
    title: str
    description: str


class Overview(BaseModel):
    """The event page and its JSON twin (`?_format=json`): articles with their near-copy notes, the figure
    conflicts as charts, and one page of the coverage matrix."""

    event: EventHead
    articles: list[OverviewArticle]
    near_copies: dict[int, NearCopy]  # article id -> the article holding most of its text
    corrections: int
    charts: list[ConflictChart]
    matrix: CoverageMatrix


def event_matrix(
    session: Session,
    event: Event,
    *,
    sort: Literal["outlets", "speaker"] = "outlets",
    page: int = 1,
    speaker: str | None = None,
    outlet: str | None = None,
    show: Literal["changed", "left_out", "shared"] | None = None,
    every_row: bool = False,
    articles: list[dict[str, Any]] | None = None,
) -> CoverageMatrix:
    """The event's coverage matrix, one page as the overview shows it (or `every_row`, as the CSV has it);
    `articles`: the event's `overview_articles` when the caller has them already."""
    outlets = event_outlets(articles if articles is not None else overview_articles(session, event))
    return coverage_matrix(
        # One row for one outlet's sentence that another printed in neighbouring pieces.
        statement_rows(overview_statements(session, event)),
        outlets,
        sort=sort,
        page=1 if every_row else page,
        page_size=None if every_row else matrix_page_size(len(outlets)),
        speaker=speaker,
        outlet=outlet,
        show=show,
    )


def overview(
    session: Session,
    event: Event,
    *,
    sort: Literal["outlets", "speaker"] = "outlets",
    page: int = 1,
    speaker: str | None = None,
    outlet: str | None = None,
    show: Literal["changed", "left_out", "shared"] | None = None,
) -> Overview:
    articles = overview_articles(session, event)
    return Overview(
        event=EventHead(slug=event.slug, title=event.title, description=event.description or ""),
        articles=[OverviewArticle.model_validate(a) for a in articles],
        near_copies=best_near_copies(session, event),
        corrections=count_corrections(session, event),
        charts=conflict_charts(conflict_groups(session, event)),
        matrix=event_matrix(
            session, event, sort=sort, page=page, speaker=speaker, outlet=outlet, show=show, articles=articles
        ),
    )
