"""One place that turns a view's data into a response: the full page, or one block for HTMX."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from jinja2_fragments.fastapi import Jinja2Blocks
from pydantic import BaseModel

from app.services.validation import safe_url
from app.settings import PROJECT_ROOT
from app.web.filters import FILTERS
from app.web.urls import urls

templates = Jinja2Blocks(directory=str(PROJECT_ROOT / "templates"))
templates.env.globals["urls"] = urls
# `{{ value | safe_url }}`: the value if it is an http(s) address, else nothing; every link to a stored URL.
templates.env.filters["safe_url"] = safe_url
templates.env.autoescape = True
templates.env.filters.update(FILTERS)


def is_htmx(request: Request) -> bool:
    # A boosted or history-restore request wants the whole page, not a fragment.
    return (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-History-Restore-Request") != "true"
        and request.headers.get("HX-Boosted") != "true"
    )


def render_view(
    request: Request,
    template: str,
    view: BaseModel,
    context: dict[str, Any],
    *,
    block: str | None = None,
    status_code: int = 200,
) -> Response:
    """One view's typed data as the full page, its HTMX block, or (with `?_format=json`) its JSON twin:
    the page and its data can never drift apart, because both are drawn from the same object."""
    if request.query_params.get("_format") == "json":
        response: Response = JSONResponse(view.model_dump(mode="json"), status_code=status_code)
        response.headers["Vary"] = "HX-Request"
        return response
    return render(request, template, {**context, "view": view}, block=block, status_code=status_code)


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    block: str | None = None,
    status_code: int = 200,
) -> Response:
    """Render `template`, or only `block` of it when HTMX asked for a fragment."""
    block_name = block if (block and is_htmx(request)) else None
    response = templates.TemplateResponse(
        request, template, context, status_code=status_code, block_name=block_name
    )
    # One URL serves both the page and the fragment, so caches must keep them apart.
    response.headers["Vary"] = "HX-Request"
    return response
