"""One place that turns a view's data into a response: the full page, one block for HTMX, JSON or CSV."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from jinja2_fragments.fastapi import Jinja2Blocks
from pydantic import BaseModel

from app.services.validation import safe_url
from app.settings import PROJECT_ROOT
from app.web.filters import FILTERS
from app.web.matrix_html import matrix_cells, speaker_cells
from app.web.urls import urls

templates = Jinja2Blocks(directory=str(PROJECT_ROOT / "templates"))
templates.env.globals["urls"] = urls
templates.env.globals["matrix_cells"] = matrix_cells
templates.env.globals["speaker_cells"] = speaker_cells
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
    csv_name: str | None = None,
) -> Response:
    """One view's typed data as the full page, its HTMX block, with `?_format=json` its JSON twin, or with
    `?_format=csv` its rows (a view that has `csv_rows`): the page and its data can never drift apart,
    because all of them are drawn from the same object."""
    wanted = request.query_params.get("_format")
    if wanted == "json":
        response: Response = JSONResponse(
            view.model_dump(mode="json", by_alias=True), status_code=status_code
        )
        response.headers["Vary"] = "HX-Request"
        return response
    if wanted == "csv" and csv_name is not None:
        return csv_response(view.csv_rows(), csv_name)  # type: ignore[attr-defined]
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


# A formula after a semicolon: spreadsheets of semicolon-separated locales split an unquoted cell there, and
# its second part would run ("x;=cmd|..."). A dash followed by a space is punctuation, not a formula.
_FORMULA_AFTER_SEPARATOR = re.compile(r"(;\s*)(?=[=+@\t\r]|-\S)")


def _csv_cell(value: object) -> object:
    # A cell starting with = + - @ would run as a formula in a spreadsheet: article text is untrusted.
    if not isinstance(value, str):
        return value
    value = _FORMULA_AFTER_SEPARATOR.sub(r"\1'", value)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_response(rows: list[list[object]], filename: str) -> Response:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([_csv_cell(v) for v in row])
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
