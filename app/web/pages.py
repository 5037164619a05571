"""HTML pages. Each gathers plain data from the services and hands it to `render`."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.core.frontmatter import parse_front_matter
from app.db import SessionDep
from app.services import comparisons, events, ingest, queries
from app.services.errors import BadInput, Duplicate, ServiceError
from app.settings import settings
from app.web.highlight import highlight, statement_colours
from app.web.render import render
from app.web.urls import COMPARE_KEYS, urls

router = APIRouter(include_in_schema=False)
UPLOAD_SUFFIXES = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".md": "markdown"}


@router.get("/")
def index(request: Request, session: SessionDep) -> Response:
    return render(request, "index.html", {"events": events.list_events(session), "limits": settings})


@router.post("/events")
def create_event(
    request: Request,
    session: SessionDep,
    title: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
) -> Response:
    try:
        event = events.create_event(session, title, description)
    except BadInput as exc:
        context = {"events": events.list_events(session), "error": exc.message, "limits": settings}
        return render(request, "index.html", context, status_code=422)
    return RedirectResponse(urls.event(event.slug), status_code=303)


@router.get("/events/{slug}")
def event_overview(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    articles = queries.list_articles(session, event)
    context = {
        "event": event,
        "articles": articles,
        "near_copies": queries.event_near_copies(session, event),
        "statements": queries.event_statements(session, event),
        "figure_groups": queries.event_figure_groups(session, event),
    }
    return render(request, "event.html", context)


def _upload_context(event: Any, **extra: Any) -> dict[str, Any]:
    return {"event": event, "limits": settings, "form": {}, "results": [], **extra}


@router.get("/events/{slug}/articles/new")
def new_article(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    return render(request, "article_new.html", _upload_context(event))


def _parse_date(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError as exc:
        raise BadInput(f"'{value}' is not a date; use the form YYYY-MM-DD or YYYY-MM-DDTHH:MM.") from exc


def _guess_format(text: str) -> str:
    head = text.lstrip()[:500].lower()
    return "html" if head.startswith(("<!doctype", "<html")) or ("<p" in head and "</" in head) else "text"


@router.post("/events/{slug}/articles")
async def upload_articles(
    slug: str,
    request: Request,
    session: SessionDep,
    outlet: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    author: Annotated[str, Form()] = "",
    published_at: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    source_format: Annotated[str, Form()] = "auto",
    files: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:
    """Store the pasted text and every uploaded file; report each one's fate on the page."""
    event = events.get_event(session, slug)
    form = {"outlet": outlet, "title": title, "url": url, "author": author, "published_at": published_at}
    uploads = [f for f in (files or []) if f.filename]
    results: list[dict[str, Any]] = []

    def fail(message: str) -> Response:
        context = _upload_context(event, form={**form, "text": text}, error=message, results=results)
        return render(request, "article_new.html", context, status_code=422)

    if len(uploads) > settings.max_files_per_upload:
        return fail(
            f"Upload at most {settings.max_files_per_upload} files at once ({len(uploads)} were sent)."
        )
    try:
        date = _parse_date(published_at)
    except BadInput as exc:
        return fail(exc.message)
    if not text.strip() and not uploads:
        return fail("Paste the article's text or HTML, or choose one or more files.")

    submissions: list[tuple[str, str, str]] = []  # (name shown in results, content, format)
    if text.strip():
        fmt = _guess_format(text) if source_format == "auto" else source_format
        submissions.append(("Pasted text", text, fmt))
    for upload in uploads:
        name = upload.filename or "file"
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        data = await upload.read()
        if suffix not in UPLOAD_SUFFIXES:
            results.append(
                {"name": name, "status": "rejected", "message": "Only .txt, .html and .md files are read."}
            )
            continue
        try:
            submissions.append((name, ingest.decode_upload(data, name), UPLOAD_SUFFIXES[suffix]))
        except BadInput as exc:
            results.append({"name": name, "status": "rejected", "message": exc.message})

    for name, content, fmt in submissions:
        # Several files from one form share its outlet; a file's own front matter may name another.
        meta, body = parse_front_matter(content) if fmt != "html" else ({}, content)
        data = ingest.ArticleInput(
            outlet=meta.get("outlet") or outlet,
            content=body,
            source_format=fmt,
            title=meta.get("title") or (title if len(submissions) == 1 else None) or None,
            url=meta.get("url") or (url if len(submissions) == 1 else None) or None,
            author=meta.get("author") or author or None,
            domain=meta.get("domain"),
            published_at=ingest.parse_datetime(meta.get("published_at")) or date,
        )
        try:
            article = ingest.ingest(session, event, data)
        except Duplicate as exc:
            results.append(
                {
                    "name": name,
                    "status": "duplicate",
                    "message": exc.message,
                    "url": urls.article(slug, exc.article_id),
                }
            )
        except ServiceError as exc:
            session.rollback()
            results.append({"name": name, "status": "rejected", "message": exc.message})
        else:
            results.append(
                {
                    "name": name,
                    "status": "stored",
                    "message": f"Stored as article {article.id}: {article.title}",
                    "url": urls.article(slug, article.id or 0),
                }
            )
    stored = any(r["status"] == "stored" for r in results)
    status = 201 if stored else (409 if any(r["status"] == "duplicate" for r in results) else 422)
    if stored and len(results) == 1 and not request.headers.get("HX-Request"):
        # One article stored from a plain form post: go and see it (post/redirect/get).
        return RedirectResponse(results[0]["url"], status_code=303)
    context = _upload_context(event, form=form, results=results)
    return render(request, "article_new.html", context, block="results", status_code=status)


@router.get("/events/{slug}/articles/{article_id}")
def article_page(slug: str, article_id: int, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    article = queries.article_detail(session, event, article_id)
    statement_ids = [sid for q in article["quotes"] for sid in q["statement_ids"]]
    paragraphs = highlight(
        article["body"], article["quotes"], article["figures"], colours=statement_colours(statement_ids)
    )
    others = [a for a in queries.list_articles(session, event) if a["id"] != article_id]
    context = {"event": event, "article": article, "paragraphs": paragraphs, "others": others}
    return render(request, "article.html", context)


def compare_ids_from_query(request: Request) -> list[int]:
    """Article ids from ?a=1&b=2&c=3 (any order of keys a..j); nonsense values are a 4xx."""
    ids: list[int] = []
    for key in COMPARE_KEYS:
        value = request.query_params.get(key)
        if value is None or value == "":
            continue
        if not value.strip().isdigit():
            raise BadInput(f"'{key}' must be an article number, not '{value[:40]}'.")
        ids.append(int(value))
    return ids


@router.get("/events/{slug}/compare")
def compare(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    article_ids = compare_ids_from_query(request)
    articles = queries.list_articles(session, event)
    if len(article_ids) < 2:
        # No choice yet (or only one article): show the picker rather than an error.
        status = 200 if not article_ids else 422
        message = None if not article_ids else "Choose at least two articles to compare."
        context = {"event": event, "articles": articles, "data": None, "error": message}
        return render(request, "compare.html", context, status_code=status)
    data = comparisons.comparison_data(session, event, article_ids)
    return render(request, "compare.html", {"event": event, "articles": articles, **compare_view(data)})


def compare_view(data: dict[str, Any]) -> dict[str, Any]:
    """Columns of highlighted text from comparison data (live or frozen)."""
    colours = statement_colours([s["id"] for s in data["statements"]])
    status = {g["id"]: g["status_in_view"] for g in data["figure_groups"]}
    columns = [
        {
            "article": article,
            "paragraphs": highlight(
                article["body"], article["quotes"], article["figures"], colours=colours, figure_status=status
            ),
        }
        for article in data["articles"]
    ]
    return {"data": data, "columns": columns, "error": None}


@router.post("/comparisons")
def share_comparison(
    request: Request,
    session: SessionDep,
    event: Annotated[str, Form()],
    articles: Annotated[list[int], Form()],
) -> Response:
    found = events.get_event(session, event)
    comparison, _ = comparisons.freeze(session, found, articles, {"view": "compare"})
    return RedirectResponse(urls.permalink(comparison.id), status_code=303)


@router.get("/p/{comparison_id}")
def permalink(comparison_id: str, request: Request, session: SessionDep) -> Response:
    comparison = comparisons.get(session, comparison_id)
    data = comparison.snapshot
    return render(
        request, "permalink.html", {"comparison": comparison, "event": data["event"], **compare_view(data)}
    )
