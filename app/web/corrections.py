"""Correction forms (plain POST forms that work without JavaScript; the same-origin middleware guards them)
and the corrections log. Each form redirects back to the page it was posted from (post/redirect/get)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from app.db import SessionDep
from app.models import OUTLET_KINDS
from app.services import correction_undo, corrections, events, views
from app.services.errors import BadInput, NotFound
from app.services.queries import MAX_ID
from app.web.render import render
from app.web.urls import urls

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=2000)]


def _parse_when(value: str) -> datetime | None:
    """A date or time from the form; one without an offset is taken as UTC."""
    value = value.strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise BadInput(f"'{value[:40]}' is not a date; use the form YYYY-MM-DD or YYYY-MM-DDTHH:MM.") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _row(row_id: int, what: str) -> int:
    """A row id from the path: a number no row can have (0, 2**63) is a 404 here, not a database overflow."""
    if not 0 < row_id <= MAX_ID:
        raise NotFound(f"This event has no {what} {row_id}.")
    return row_id


def _back(url: str, done: str) -> Response:
    """Back to the page the form was on, which then says the correction is saved (`?_done=`, one of
    `DONE`: the page prints its own sentence, never text from the URL)."""
    separator = "&" if "?" in url else "?"
    path, _, fragment = url.partition("#")
    return RedirectResponse(
        f"{path}{separator}_done={done}" + (f"#{fragment}" if fragment else ""), status_code=303
    )


@router.get("/events/{slug}/corrections")
def corrections_page(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    context = {"event": event, "corrections": views.correction_log(session, event)}
    return render(request, "corrections.html", context)


@router.post("/events/{slug}/corrections/{correction_id}/undo")
def undo_correction(slug: str, correction_id: int, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    correction_undo.undo_correction(session, event, correction_id)
    return _back(urls.corrections(slug), "undone")


@router.post("/events/{slug}/articles/{article_id}/delete")
def delete_article(slug: str, article_id: int, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    corrections.delete_article(session, event, article_id)
    return _back(urls.event(slug), "deleted")


@router.post("/events/{slug}/articles/{article_id}/edit")
def edit_article(
    slug: str,
    article_id: int,
    session: SessionDep,
    title: Text = "",
    author: Text = "",
    url: Text = "",
    published_at: Annotated[str, Form(max_length=60)] = "",
) -> Response:
    event = events.get_event(session, slug)
    when = _parse_when(published_at)
    corrections.edit_article(
        session, event, article_id, title=title, author=author.strip(), url=url.strip(), published_at=when
    )
    return _back(urls.article(slug, article_id), "edited")


@router.post("/events/{slug}/speakers/rename")
def rename_speaker(
    slug: str,
    session: SessionDep,
    old: Annotated[str, Form(max_length=300)],
    new: Annotated[str, Form(max_length=300)],
) -> Response:
    event = events.get_event(session, slug)
    corrections.rename_speaker(session, event, old, new)
    return _back(urls.speakers(slug), "renamed")


@router.post("/events/{slug}/statements/{statement_id}/split")
def split_sentence(
    slug: str,
    statement_id: int,
    session: SessionDep,
    article_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    start: Annotated[int, Form(ge=0, le=2**31 - 1)],
) -> Response:
    event = events.get_event(session, slug)
    corrections.split_sentence(session, event, _row(statement_id, "statement"), article_id, start)
    return _back(urls.statement(slug, statement_id), "split")


@router.post("/events/{slug}/statements/{statement_id}/join")
def join_statements(
    slug: str,
    statement_id: int,
    session: SessionDep,
    other: Annotated[int, Form(ge=1, le=2**31 - 1)],
) -> Response:
    event = events.get_event(session, slug)
    corrections.join_statements(session, event, _row(statement_id, "statement"), other)
    return _back(urls.statement(slug, statement_id), "joined")


@router.post("/events/{slug}/figures/{figure_id}/dismiss")
def dismiss_figure(
    slug: str,
    figure_id: int,
    session: SessionDep,
    status: Annotated[str, Form(alias="_status", max_length=20)] = "",
    page: Annotated[int, Form(alias="_page", ge=1, le=10_000)] = 1,
) -> Response:
    event = events.get_event(session, slug)
    corrections.dismiss_figure(session, event, _row(figure_id, "figure"))
    # Back to the ledger as it was shown (its filter and page), not to its first page of everything.
    shown = status if status in views.STATUSES else None
    return _back(urls.figures(slug, _status=shown, _page=page if page > 1 else None), "dismissed")


@router.get("/events/{slug}/outlets")
def outlets_page(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    context = {
        "event": event,
        "articles": views.overview_articles(session, event),
        "outlet_kinds": OUTLET_KINDS,
    }
    return render(request, "outlets.html", context)


@router.post("/events/{slug}/outlets")
def edit_outlet(
    slug: str,
    session: SessionDep,
    name: Annotated[str, Form(max_length=200)],
    country: Annotated[str, Form(max_length=100)] = "",
    kind: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    event = events.get_event(session, slug)
    if kind and kind not in OUTLET_KINDS:
        raise BadInput(f"'kind' must be one of {', '.join(OUTLET_KINDS)}.")
    corrections.edit_outlet(session, name, country=country, kind=kind)
    return _back(urls.outlets(event.slug), "outlet")
