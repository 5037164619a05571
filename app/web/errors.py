"""Every failure becomes a 4xx (or, for a bug, a 500) with a sentence: JSON for /api, a page otherwise."""

from __future__ import annotations

import functools
import logging
from urllib.parse import unquote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm.exc import ObjectDeletedError
from sqlmodel import Session, select
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from app.models import Event
from app.services.errors import Duplicate, ServiceError
from app.web.render import render

log = logging.getLogger("parallax")


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


def error_response(
    request: Request,
    status_code: int,
    message: str,
    *,
    headers: dict[str, str] | None = None,
    **extra: object,
) -> Response:
    # A message may quote what was sent; a lone surrogate from JSON must not break the answer itself.
    message = message.encode("utf-8", "replace").decode("utf-8")
    if wants_json(request):
        response: Response = JSONResponse({"detail": message, **extra}, status_code=status_code)
    else:
        context = {"status_code": status_code, "message": message, "event": _enclosing_event(request)}
        response = render(request, "error.html", context, status_code=status_code)
    response.headers.update(headers or {})
    return response


def _enclosing_event(request: Request) -> Event | None:
    """The event whose page failed (a missing article, a bad filter), so the error page links back to it
    instead of only to the list of all events. None when the path is not under an existing event."""
    parts = request.url.path.split("/")
    if len(parts) < 4 or parts[1] != "events" or not parts[2] or "\x00" in parts[2]:
        return None
    engine = getattr(request.app.state, "engine", None)
    if engine is None:
        return None
    try:
        with Session(engine) as session:
            return session.exec(select(Event).where(Event.slug == unquote(parts[2]))).first()
    except SQLAlchemyError:  # the database is why we are here (busy, gone): the page still renders
        return None


def _plain_rule(error: dict[str, object]) -> str | None:
    """Pydantic's common refusals of a query value in a reader's words ("must be a whole number"), since
    "Input should be a valid integer, unable to parse string as an integer" reads like a stack trace."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    assert isinstance(context, dict)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "must be a whole number"
    if kind == "greater_than_equal" and "ge" in context:
        return f"must be at least {context['ge']}"
    if kind == "greater_than" and "gt" in context:
        return f"must be more than {context['gt']}"
    if kind == "less_than_equal" and "le" in context:
        return f"must be at most {context['le']}"
    if kind == "less_than" and "lt" in context:
        return f"must be less than {context['lt']}"
    return None


def _describe_validation(exc: RequestValidationError) -> str:
    sentences = []
    for error in exc.errors()[:5]:
        location = ".".join(
            str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")
        )
        kind = error.get("type", "")
        if kind == "json_invalid":
            sentences.append("The request body is not valid JSON.")
        elif kind == "missing":
            sentences.append(f"'{location}' is required.")
        elif location and (plain := _plain_rule(error)):
            sentences.append(f"'{location}' {plain}, not '{str(error.get('input', ''))[:40]}'.")
        elif location:
            sentences.append(f"'{location}': {error.get('msg', 'is not valid')}.")
        else:
            sentences.append(f"{error.get('msg', 'The request is not valid')}.")
    return " ".join(sentences) or "The request is not valid."


# The methods a 405's Allow header may name (HEAD goes with GET in Starlette's routes).
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this path (GET and POST often live on separate routes).

    Each method is tried against the router as a request of its own (a route's own `methods` cannot be read
    here: FastAPI nests an included router's routes out of sight), on a fresh scope so that matching leaves
    the request's own scope as it was."""
    scope = request.scope
    allowed = []
    for method in METHODS:
        trial = {
            "type": "http",
            "path": scope["path"],
            "root_path": scope.get("root_path", ""),
            "method": method,
        }
        trial["headers"] = []
        if any(route.matches(trial)[0] == Match.FULL for route in request.app.router.routes):
            allowed.append(method)
    return allowed


async def answer(
    request: Request,
    status_code: int,
    message: str,
    *,
    headers: dict[str, str] | None = None,
    **extra: object,
) -> Response:
    """`error_response` off the event loop: an error page looks up its event in the database, and a database
    that is busy (SQLite's write lock) or out of pooled connections can keep that look-up waiting for up to
    thirty seconds, which on the loop would stall every other request."""
    return await run_in_threadpool(
        functools.partial(error_response, request, status_code, message, headers=headers, **extra)
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServiceError)
    async def service_error(request: Request, exc: ServiceError) -> Response:
        extra = {"article_id": exc.article_id} if isinstance(exc, Duplicate) else {}
        return await answer(request, exc.status_code, exc.message, **extra)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return await answer(request, 422, _describe_validation(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "The request could not be served."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        if exc.status_code == 405:
            message = "This address does not accept that method."
        status_code = exc.status_code
        if status_code == 400 and "parsing the body" in message:
            # FastAPI's answer to a body that is not even text; say it like any other bad JSON.
            status_code, message = 422, "The request body is not valid JSON (or not UTF-8 text)."
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request))
        return await answer(request, status_code, message, headers=headers)

    @app.exception_handler(OperationalError)
    async def database_busy(request: Request, exc: OperationalError) -> Response:
        if "database is locked" not in str(exc.orig):
            return await unexpected_error(request, exc)
        # SQLite serves one writer at a time; a write that waited out busy_timeout is not lost work.
        log.warning("database busy on %s", request.url.path)
        message = "The database is busy with another write; nothing was stored. Try again in a moment."
        return await answer(request, 503, message, headers={"Retry-After": "5"})

    @app.exception_handler(ObjectDeletedError)
    async def deleted_meanwhile(request: Request, exc: ObjectDeletedError) -> Response:
        # A correction reads its row, then waits for the event's write lock; when another request deleted the
        # row meanwhile (two deletes of one article at once), the reload fails. The transaction is rolled
        # back, so this request changed nothing.
        log.info("row deleted meanwhile on %s", request.url.path)
        message = "What this request changes was deleted by another request meanwhile; nothing was changed."
        return await answer(request, 404, message)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return await answer(request, 500, "Something went wrong on our side; nothing you sent was lost.")
