"""The source check's pages: how faithfully each outlet quoted the source (HTML, JSON and CSV twins)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.db import SessionDep
from app.services import events, fidelity
from app.services.errors import BadInput
from app.services.views.records import FidelityReport
from app.web.api import ERRORS
from app.web.render import csv_response, render

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api", tags=["api"])


def _outlet(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > 200:
        raise BadInput("An outlet name can have at most 200 characters.")
    return " ".join(value.split())


@router.get("/events/{slug}/fidelity")
def fidelity_page(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    data = fidelity.event_fidelity(session, event, _outlet(request.query_params.get("outlet")))
    context = {"event": event, "data": data, "labels": fidelity.LABELS}
    return render(request, "fidelity.html", context, block="quotes")


@router.get("/events/{slug}/fidelity.csv")
def fidelity_csv(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    data = fidelity.event_fidelity(session, event, _outlet(request.query_params.get("outlet")))
    return csv_response(fidelity.fidelity_csv(data), f"{event.slug}-fidelity.csv")


@api_router.get("/events/{slug}/fidelity", response_model=FidelityReport, responses=ERRORS)
def fidelity_json(slug: str, session: SessionDep, outlet: str | None = None) -> dict[str, Any]:
    """How faithfully each outlet quoted the event's source: counts per status, the quotes (worst first),
    and the provenance of every variant wording. Empty counts when the event has no source."""
    event = events.get_event(session, slug)
    return fidelity.event_fidelity(session, event, _outlet(outlet))
