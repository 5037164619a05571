"""The JSON API: the public contract of design.md. Routes stay thin: services do the work."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response

from app.db import SessionDep
from app.services import comparisons, correction_undo, corrections, events, ingest, queries, views
from app.services.errors import BadInput
from app.services.views.compare import ComparisonData, FrozenComparison
from app.services.views.corrections import CorrectionEntry
from app.services.views.matrix import CoverageMatrix
from app.services.views.records import (
    ArticleDetail,
    ArticleSummary,
    EventDetail,
    FigureGroupRecord,
    QuoteRecord,
    StatementRecord,
)
from app.services.views.speakers import SpeakersGrid
from app.web.params import compare_ids, page_number
from app.web.schemas import (
    ArticleCreate,
    ArticleCreated,
    ComparisonCreate,
    ComparisonCreated,
    ErrorMessage,
    EventCreate,
    EventPublic,
)
from app.web.urls import urls

router = APIRouter(prefix="/api", tags=["api"])

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorMessage, "description": "Unknown event, article or comparison"},
    409: {"model": ErrorMessage, "description": "The article is already stored in this event"},
    413: {"model": ErrorMessage, "description": "Over a stated limit"},
    415: {"model": ErrorMessage, "description": "A fetched link is not an HTML page"},
    422: {"model": ErrorMessage, "description": "Bad input, with a sentence saying what is wrong"},
    502: {"model": ErrorMessage, "description": "A link could not be fetched"},
}


def _event_public(summary: events.EventSummary) -> EventPublic:
    e = summary.event
    return EventPublic(
        slug=e.slug,
        title=e.title,
        description=e.description,
        created_at=e.created_at,
        articles=summary.articles,
        outlets=summary.outlets,
        quotes=summary.quotes,
        conflicts=summary.conflicts,
        url=urls.event(e.slug),
    )


@router.post("/events", status_code=201, response_model=EventPublic, responses=ERRORS)
def create_event(body: EventCreate, session: SessionDep) -> EventPublic:
    event = events.create_event(session, body.title, body.description or "")
    return _event_public(events.EventSummary(event, 0, 0, 0, 0))


@router.get("/events", response_model=list[EventPublic])
def list_events(session: SessionDep) -> list[EventPublic]:
    return [_event_public(s) for s in events.list_events(session)]


@router.get("/events/{slug}", response_model=EventDetail, responses=ERRORS)
def get_event(slug: str, session: SessionDep) -> dict[str, Any]:
    event = events.get_event(session, slug)
    return {
        "slug": event.slug,
        "title": event.title,
        "description": event.description,
        "articles": queries.list_articles(session, event),
        "near_copies": queries.event_near_copies(session, event),
    }


def article_submission(body: ArticleCreate) -> ingest.Submission:
    """The body's text, HTML or Markdown; or, with none of them, its url to fetch."""
    given = [
        (fmt, value) for fmt, value in (("text", body.text), ("html", body.html), ("markdown", body.markdown))
    ]
    present = [(fmt, value) for fmt, value in given if value is not None]
    if len(present) > 1:
        raise BadInput("Send one of 'text' or 'html', not both.")
    if present:
        source_format, content = present[0]
        return ingest.Submission(
            "article", text=content or "", source_format=source_format, front_matter=False
        )
    if body.url:
        return ingest.Submission(body.url, fetch_url=body.url)
    raise BadInput("Send the article as 'text' or 'html', or only its 'url' to fetch the page.")


@router.post("/events/{slug}/articles", status_code=201, response_model=ArticleCreated, responses=ERRORS)
def create_article(slug: str, body: ArticleCreate, session: SessionDep) -> ArticleCreated:
    event = events.get_event(session, slug)
    meta = ingest.Metadata(
        outlet=body.outlet,
        title=body.title,
        url=body.url,
        author=body.author,
        domain=body.domain,
        published_at=body.published_at,
        role=body.role,
    )
    (outcome,) = ingest.ingest(session, event, [article_submission(body)], meta)
    if outcome.error is not None:
        raise outcome.error
    article, prepared = outcome.article, outcome.prepared
    assert article is not None and article.id is not None and prepared is not None
    return ArticleCreated(
        id=article.id,
        event=slug,
        outlet=prepared.outlet,
        title=article.title,
        content_hash=article.content_hash,
        quotes=len(prepared.extraction.quotes),
        figures=len(prepared.extraction.figures),
        url=urls.article(slug, article.id),
    )


@router.get("/events/{slug}/articles", response_model=list[ArticleSummary], responses=ERRORS)
def list_articles(slug: str, session: SessionDep) -> list[dict[str, Any]]:
    return queries.list_articles(session, events.get_event(session, slug))


@router.get("/events/{slug}/articles/{article_id}", response_model=ArticleDetail, responses=ERRORS)
def get_article(slug: str, article_id: int, session: SessionDep) -> dict[str, Any]:
    return queries.article_detail(session, events.get_event(session, slug), article_id)


@router.delete("/events/{slug}/articles/{article_id}", status_code=204, responses=ERRORS)
def delete_article(slug: str, article_id: int, session: SessionDep) -> Response:
    """Delete an article: the event's statements and figure groups are brought up to date; frozen
    comparisons (permalinks) keep showing it, as they were."""
    corrections.delete_article(session, events.get_event(session, slug), article_id)
    return Response(status_code=204)


@router.get("/events/{slug}/corrections", response_model=list[CorrectionEntry], responses=ERRORS)
def list_corrections(slug: str, session: SessionDep) -> list[CorrectionEntry]:
    """Every correction made to the event, newest first: what was done and when, the article it concerns
    (by outlet and title), and whether it is undone (`undone_by`) or can be (`can_undo`)."""
    return views.correction_log(session, events.get_event(session, slug))


@router.post(
    "/events/{slug}/corrections/{correction_id}/undo",
    status_code=201,
    response_model=CorrectionEntry,
    responses=ERRORS,
)
def undo_correction(slug: str, correction_id: int, session: SessionDep) -> CorrectionEntry:
    """Revert a correction: the event is as if it had not been made; the log keeps it (with `undone_by`)
    and adds the `undo` entry returned here. An undo cannot itself be undone."""
    event = events.get_event(session, slug)
    undo = correction_undo.undo_correction(session, event, correction_id)
    return next(e for e in views.correction_log(session, event) if e.id == undo.id)


@router.get("/events/{slug}/quotes", response_model=list[QuoteRecord], responses=ERRORS)
def list_quotes(slug: str, session: SessionDep) -> list[dict[str, Any]]:
    return queries.event_quotes(session, events.get_event(session, slug))


@router.get("/events/{slug}/statements", response_model=list[StatementRecord], responses=ERRORS)
def list_statements(slug: str, session: SessionDep) -> list[dict[str, Any]]:
    return queries.event_statements(session, events.get_event(session, slug))


@router.get("/events/{slug}/figures", response_model=list[FigureGroupRecord], responses=ERRORS)
def list_figures(
    slug: str, session: SessionDep, _status: Literal["conflict", "agree", "single"] | None = None
) -> list[dict[str, Any]]:
    """Every figure group; `?_status=` keeps the groups of one status, as the ledger page does."""
    groups = queries.event_figure_groups(session, events.get_event(session, slug))
    return [g for g in groups if _status is None or g["status"] == _status]


@router.post("/comparisons", status_code=201, response_model=ComparisonCreated, responses=ERRORS)
def create_comparison(body: ComparisonCreate, session: SessionDep) -> ComparisonCreated:
    # The same articles and view always give the same id; asking again returns it again (201 both times).
    event = events.get_event(session, body.event)
    comparison, _created = comparisons.freeze(session, event, body.articles, body.view or {})
    return ComparisonCreated(id=comparison.id, url=urls.permalink(comparison.id))


@router.get(
    "/comparisons/{comparison_id}",
    response_model=FrozenComparison,
    # Exactly what was stored: a snapshot frozen before a field existed does not gain it as null.
    response_model_exclude_unset=True,
    responses=ERRORS,
)
def get_comparison(comparison_id: str, session: SessionDep) -> dict[str, Any]:
    return comparisons.get(session, comparison_id).snapshot


# JSON twins of the dashboard views (the overview's coverage matrix, the speakers grid, the live compare page).


@router.get("/events/{slug}/matrix", response_model=CoverageMatrix, responses=ERRORS)
def coverage_matrix(
    slug: str,
    session: SessionDep,
    page: Annotated[int, Depends(page_number)],
    _sort: Literal["outlets", "speaker", ""] | None = None,
    speaker: Annotated[str | None, Query(max_length=300)] = None,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    _show: Literal["changed", "left_out", "shared", ""] | None = None,
) -> CoverageMatrix:
    """The overview's coverage matrix, with the page's sort, page (and page size) and filters."""
    return views.event_matrix(
        session,
        events.get_event(session, slug),
        sort=_sort or "outlets",
        page=page,
        speaker=(speaker or "").strip() or None,
        outlet=(outlet or "").strip() or None,
        show=_show or None,
    )


@router.get("/events/{slug}/speakers", response_model=SpeakersGrid, responses=ERRORS)
def speakers_grid(slug: str, session: SessionDep) -> SpeakersGrid:
    event = events.get_event(session, slug)
    outlets = views.event_outlets(views.overview_articles(session, event))
    return views.speakers_grid(session, event, outlets)


@router.get(
    "/events/{slug}/compare",
    response_model=ComparisonData,
    response_model_exclude_unset=True,
    responses=ERRORS,
)
def live_comparison(
    slug: str, session: SessionDep, article_ids: Annotated[list[int], Depends(compare_ids)]
) -> dict[str, Any]:
    """The live compare page's data: the chosen articles in column order, their statements and figures."""
    event = events.get_event(session, slug)
    return comparisons.comparison_data(session, event, article_ids)
