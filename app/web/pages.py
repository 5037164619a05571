"""HTML pages. Each gathers plain data from the services and hands it to `render`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import RedirectResponse, Response

from app.db import SessionDep
from app.services import comparisons, events, fidelity, ingest, queries, validation, views
from app.services.errors import BadInput, NotFound, ServiceError
from app.services.views.records import as_json
from app.settings import PROJECT_ROOT, settings
from app.web.highlight import PALETTE_SIZE, SentenceSpan, highlight, statement_colours, statement_numbers
from app.web.params import compare_ids, figure_group, open_statement, page_number, parse_choice
from app.web.render import csv_response, is_htmx, render, render_view
from app.web.urls import COMPARE_KEYS, urls

router = APIRouter(include_in_schema=False)
PageNumber = Annotated[int, Depends(page_number)]
CompareIds = Annotated[list[int], Depends(compare_ids)]
OpenStatement = Annotated[int | None, Depends(open_statement)]


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


@router.post("/events/{slug}/edit")
def edit_event(
    slug: str,
    session: SessionDep,
    title: Annotated[str, Form(max_length=1000)] = "",
    description: Annotated[str, Form(max_length=10_000)] = "",
) -> Response:
    event = events.get_event(session, slug)
    events.edit_event(session, event, title, description)
    return RedirectResponse(urls.event(event.slug, _done="event"), status_code=303)


def _blank_is_none(value: str | None) -> str | None:
    # A filter form sends every field; an empty one means "any".
    return value.strip() or None if value is not None else None


@router.get("/events/{slug}")
def event_overview(
    slug: str,
    request: Request,
    session: SessionDep,
    page: PageNumber,
    _sort: Annotated[Literal["outlets", "speaker"] | None, Query()] = None,
    speaker: Annotated[str | None, Query(max_length=300)] = None,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    _show: Annotated[Literal["changed", "left_out", "shared", ""] | None, Query()] = None,
) -> Response:
    event = events.get_event(session, slug)
    choice: dict[str, Any] = {
        "sort": _sort or "outlets",
        "page": page,
        "speaker": _blank_is_none(speaker),
        "outlet": _blank_is_none(outlet),
        "show": _show or None,
    }
    # The lazy "more rows" loader wants only the next rows; the sort links want the whole matrix.
    target = request.headers.get("HX-Target", "")
    block = "matrix_rows" if target.startswith("matrix-more") else "matrix"
    if is_htmx(request) and request.query_params.get("_format") is None:
        # Either block draws the matrix alone: the articles, near copies and charts are not needed.
        matrix = views.event_matrix(session, event, **choice)
        return render(request, "event.html", {"event": event, "matrix": matrix}, block=block)
    view = views.overview(session, event, **choice)
    # The template's blocks render alone for HTMX, so each part of the view is also named on its own.
    context = {
        "event": event,
        "articles": view.articles,
        "near_copies": view.near_copies,
        "corrections": view.corrections,
        "matrix": view.matrix,
        "charts": view.charts,
    }
    return render_view(request, "event.html", view, context, block=block)


def _upload_context(event: Any, **extra: Any) -> dict[str, Any]:
    return {"event": event, "limits": settings, "form": {}, "results": [], **extra}


@router.get("/events/{slug}/articles/new")
def new_article(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    return render(request, "article_new.html", _upload_context(event))


@router.get("/events/{slug}/articles")
def articles_list(slug: str, session: SessionDep) -> Response:
    """The address the upload form posts to, typed or shortened from an article's: its GET is the event's
    list of articles (on the overview), not "this address does not accept that method"."""
    event = events.get_event(session, slug)
    return RedirectResponse(urls.event(event.slug) + "#articles-h", status_code=303)


@router.post("/events/{slug}/articles")
def upload_articles(
    slug: str,
    request: Request,
    session: SessionDep,
    outlet: Annotated[str, Form()] = "",
    title: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    author: Annotated[str, Form()] = "",
    published_at: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    links: Annotated[str, Form()] = "",
    source_format: Annotated[str, Form()] = "auto",
    role: Annotated[str, Form()] = "report",
    files: Annotated[list[UploadFile] | None, File()] = None,
    file_outlet: Annotated[list[str] | None, Form()] = None,
) -> Response:
    """Store the pasted text, every uploaded file and every linked page; report each one's fate.

    Each file's outlet: its own field (`file_outlet`, in file order, added by the page's script), else
    the form's outlet, else the file's name ('03_meridian-wire.txt' -> Meridian Wire); front matter
    inside the file beats all three.

    A plain `def`: ingest is CPU work, so it runs in the threadpool and never stalls the event loop."""
    event = events.get_event(session, slug)
    form = {
        "outlet": outlet,
        "title": title,
        "url": url,
        "author": author,
        "published_at": published_at,
        "role": role,
        "links": links,
    }
    uploads = [f for f in (files or []) if f.filename]
    link_lines = [line.strip() for line in links.splitlines() if line.strip()]

    def fail(message: str) -> Response:
        context = _upload_context(event, form={**form, "text": text}, error=message)
        return render(request, "article_new.html", context, status_code=422)

    if len(uploads) + len(link_lines) > settings.max_files_per_upload:
        return fail(
            f"Send at most {settings.max_files_per_upload} files and links at once "
            f"({len(uploads) + len(link_lines)} were sent)."
        )
    try:
        date = validation.parse_date(published_at)
    except BadInput as exc:
        return fail(exc.message)
    if not text.strip() and not uploads and not link_lines:
        return fail("Paste the article's text or HTML, choose one or more files, or give links.")

    submissions: list[ingest.Submission] = []
    if text.strip():
        submissions.append(ingest.Submission("Pasted text", text=text, source_format=source_format))
    own_outlets = [name.strip() for name in (file_outlet or [])]
    for n, upload in enumerate(uploads):
        name = upload.filename or "file"
        own = own_outlets[n] if n < len(own_outlets) and own_outlets[n] else None
        if own is None and not outlet.strip():
            own = ingest.outlet_from_filename(name)
        submissions.append(ingest.Submission(name, data=upload.file.read(), outlet=own))
    submissions += [ingest.Submission(line[:200], fetch_url=line) for line in link_lines]
    meta = ingest.Metadata(
        outlet=outlet, title=title, url=url, author=author or None, published_at=date, role=role
    )
    results = [
        {
            "name": outcome.name,
            "status": outcome.status,
            "message": outcome.message,
            "url": urls.article(slug, outcome.article_id) if outcome.article_id else None,
        }
        for outcome in ingest.ingest(session, event, submissions, meta)
    ]
    stored = any(r["status"] == "stored" for r in results)
    status = 201 if stored else (409 if any(r["status"] == "duplicate" for r in results) else 422)
    if stored and len(results) == 1 and not request.headers.get("HX-Request"):
        # One article stored from a plain form post: go and see it (post/redirect/get).
        return RedirectResponse(results[0]["url"], status_code=303)
    context = _upload_context(event, form=form, results=results)
    response = render(request, "article_new.html", context, block="results", status_code=status)
    if all(r["status"] == "stored" for r in results):
        # Everything was stored: the page's script empties the form, so a second click cannot add it twice
        # and the preview no longer says "nothing is stored yet" of a stored article.
        response.headers["HX-Trigger"] = "parallax-stored"
    return response


@router.get("/events/{slug}/articles/{article_id}")
def article_page(slug: str, article_id: int, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    article = queries.article_detail(session, event, article_id)
    # A source has no quotes of its own: the passages the reports quote from it are marked instead (each
    # one statement's wording, so they need no sentence spans).
    passages = fidelity.source_passages_of(session, event, article)
    spans = queries.sentence_statements(session, [article_id]).get(article_id, [])
    # Coloured and linked: the sentences other outlets carried too, as the legend says; one only this
    # article carries is marked like a quote of its own (its statement page would hold it alone).
    shared = views.shared_statements(session, (sid for _, _, sid in spans))
    spans = [span for span in spans if span[2] in shared]
    ordered = [sid for _, _, sid in sorted(spans)]
    statement_ids = ordered or [sid for q in passages for sid in q["statement_ids"]]
    paragraphs = highlight(
        article["body"],
        passages or article["quotes"],
        article["figures"],
        sentences=[SentenceSpan(start, end, sid) for start, end, sid in spans],
        colours=statement_colours(statement_ids),
        numbers=statement_numbers(statement_ids),
        # Each figure marked as the outlets' agreement on it, as the page's legend says (and compare does).
        figure_status=views.figure_group_statuses(
            session, event, (f["group_id"] for f in article["figures"] if f.get("group_id"))
        ),
    )
    others = [a for a in queries.list_articles(session, event) if a["id"] != article_id]
    context = {
        "event": event,
        "article": article,
        "paragraphs": paragraphs,
        "others": others,
        "numbered": len(set(statement_ids)) > PALETTE_SIZE,
        # The same note as the event page's row, worded by the same rule.
        "near_copy": views.best_near_copies(session, event, only=article_id).get(article_id),
    }
    return render(request, "article.html", context)


@router.get("/events/{slug}/articles/{article_id}/diff/{other_id}")
def copy_diff_page(
    slug: str, article_id: int, other_id: int, request: Request, session: SessionDep
) -> Response:
    event = events.get_event(session, slug)
    diff = views.copy_diff(session, event, article_id, other_id)
    return render_view(request, "copy_diff.html", diff, {"event": event, "diff": diff})


@router.get("/events/{slug}/timeline")
def timeline_page(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    return render_view(request, "timeline.html", views.timeline(session, event), {"event": event})


@router.get("/events/{slug}/omissions")
def omissions_page(
    slug: str,
    request: Request,
    session: SessionDep,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
) -> Response:
    event = events.get_event(session, slug)
    view = views.omissions(session, event, _blank_is_none(outlet))
    return render_view(request, "omissions.html", view, {"event": event}, block="omissions")


@router.get("/events/{slug}/compare")
def compare(
    slug: str,
    request: Request,
    session: SessionDep,
    article_ids: CompareIds,
    open_statement: OpenStatement,
) -> Response:
    event = events.get_event(session, slug)
    articles = queries.list_articles(session, event)
    if len(article_ids) < 2:
        # No choice yet (or only one article): show the picker rather than an error.
        status = 200 if not article_ids else 422
        message = None if not article_ids else "Choose at least two articles to compare."
        context = {"event": event, "articles": articles, "data": None, "error": message}
        context["chosen"] = set(article_ids)
        return render(request, "compare.html", context, status_code=status)
    try:
        comparisons.check_article_choice(session, event, article_ids)
    except BadInput as exc:
        # Too many (or repeated) articles: back to the picker with the choice kept and the limit explained.
        context = {"event": event, "articles": articles, "data": None, "error": exc.message}
        context["chosen"] = set(article_ids)
        return render(request, "compare.html", context, status_code=422)
    if any(len(request.query_params.getlist(key)) > 1 for key in COMPARE_KEYS):
        # A picker's ?a=1&a=5: go to the one canonical, shareable address.
        return RedirectResponse(urls.compare(slug, article_ids), status_code=303)
    view = views.compare_view(comparisons.comparison_data(session, event, article_ids), open_statement)

    def panel_href(statement_id: int) -> str:
        return urls.compare(slug, article_ids, _statement=statement_id)

    context = {
        "event": event,
        "articles": articles,
        **compare_context(view, panel_href),
        "close_href": urls.compare(slug, article_ids),
        "json_href": urls.api_compare(slug, article_ids),
    }
    return render_view(request, "compare.html", view, context, block="variants")


def compare_context(view: views.CompareView, panel_href: Callable[[int], str]) -> dict[str, Any]:
    """What the compare and permalink templates draw besides the view: each column's text cut into highlighted
    pieces, and the statements' colours (presentation, so it lives here, not in the view)."""
    data = view.comparison
    statement_ids = [s.id for s in data.statements]
    colours = statement_colours(statement_ids)
    numbers = statement_numbers(statement_ids)
    status = {g.id: g.status_in_view or g.status for g in data.figure_groups}
    # Each quoted sentence is coloured and linked by its own statement, in every column alike.
    spans: dict[int, list[SentenceSpan]] = defaultdict(list)
    for statement in data.statements:
        for member in statement.members:
            spans[member.article_id].append(SentenceSpan(member.start, member.end, statement.id))
    columns = [
        {
            "article": article,
            "label": view.labels[article.id],
            "paragraphs": highlight(
                article.body,
                # A source has no quotes: the passages the compared outlets quoted stand in for them (each
                # one statement's wording, so no sentence spans are needed).
                as_json(article.quotes) or getattr(article, "source_passages", None) or [],
                as_json(article.figures),
                sentences=spans.get(article.id, []),
                colours=colours,
                numbers=numbers,
                figure_status=status,
            ),
        }
        for article in data.articles
    ]
    return {
        "data": data,
        "view": view,
        "columns": columns,
        "panel": view.panel,
        "panel_colour": colours.get(view.open_statement or 0, 0),
        "panel_href": panel_href,
        "numbered": len(statement_ids) > PALETTE_SIZE,
        "error": None,
    }


@router.post("/comparisons")
def share_comparison(
    request: Request,
    session: SessionDep,
    event: Annotated[str, Form()],
    articles: Annotated[list[int], Form()],
    statement: Annotated[str, Form(alias="_statement")] = "",
) -> Response:
    found = events.get_event(session, event)
    view = {"view": "compare"}
    if statement.strip():
        if not (statement.strip().isascii() and statement.strip().isdigit()):
            raise BadInput(f"'_statement' must be a statement number, not '{statement[:40]}'.")
        # The open variants panel is part of what is shared; it must be a statement of these articles.
        views.variants_panel(comparisons.comparison_data(session, found, articles), int(statement))
        view["statement"] = str(int(statement))
    comparison, _ = comparisons.freeze(session, found, articles, view)
    return RedirectResponse(urls.permalink(comparison.id), status_code=303)


@router.get("/p/{comparison_id}")
def permalink(
    comparison_id: str, request: Request, session: SessionDep, open_statement: OpenStatement
) -> Response:
    """Rendered from the stored snapshot alone: nothing live is read, so the page never changes."""
    comparison = comparisons.get(session, comparison_id)
    data = comparison.snapshot
    frozen_statement = data.get("view", {}).get("statement")
    if open_statement is None and frozen_statement:
        open_statement = int(frozen_statement)

    view = views.compare_view(data, open_statement)

    def panel_href(statement_id: int) -> str:
        return urls.permalink(data["id"], _statement=statement_id)

    context = {
        "comparison_id": data["id"],
        "event": data["event"],
        **compare_context(view, panel_href),
        "close_href": urls.permalink(data["id"]),
        "permalink_url": str(request.base_url).rstrip("/") + urls.permalink(data["id"]),
    }
    return render_view(request, "permalink.html", view, context, block="variants")


@router.get("/events/{slug}/statements/{statement_id}")
def statement_page(slug: str, statement_id: int, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    if not 0 < statement_id <= queries.MAX_ID:
        raise NotFound(f"This event has no statement {statement_id}.")
    found = queries.event_statements(session, event, statement_id=statement_id)
    statement = views.find_statement(found, statement_id)
    # With a source, its wording is the base of the diff (unless another base is asked for).
    source = fidelity.statement_sources(session, event, [statement]).get(str(statement_id))
    wanted = [m["article_id"] for m in statement["members"]]
    if source is not None and source["text"] is not None:
        wanted.append(source["article_id"])
    bodies = views.article_bodies(session, event, wanted)
    view = views.statement_variants(statement, request.query_params.get("base"), bodies, source)
    # Each printing with its time: who printed the sentence first is what a fact-checker asks next.
    published = views.published_times(session, event, wanted)
    for variant in view.variants:
        variant.published_at = published.get(variant.article_id)
    dated = [v for v in view.variants if v.published_at is not None]
    if len(view.variants) > 1 and dated:
        earliest = min(v.published_at for v in dated if v.published_at is not None)
        first = [v for v in dated if v.published_at == earliest]
        # Two printings at one time (often a date without its hour) leave "first" unknown: no mark.
        if len(first) == 1:
            first[0].first_printed = True
    common = views.consensus(statement["members"])[0]
    context = {
        "event": event,
        "statement": statement,
        "base": view.source_base or next(v for v in view.variants if v.is_base),
        "source": source,
        # The printing with the most common wording itself: an article that prints the sentence twice (once
        # inside a longer quote) must not lend its other printing to the page's lead quote.
        "common": common,
        "base_choices": views.base_choices(statement["members"], common),
        "common_count": view.common_count,
        "variants": view.variants,
        "labels": views.member_labels(statement["members"]),
    }
    return render_view(request, "statement.html", view, context, block="variants")


@router.get("/events/{slug}/figures")
def figures_page(
    slug: str,
    request: Request,
    session: SessionDep,
    page: PageNumber,
    _status: Annotated[Literal["conflict", "agree", "single", ""] | None, Query()] = None,
    group: Annotated[int | None, Depends(figure_group)] = None,
) -> Response:
    event = events.get_event(session, slug)
    groups = queries.event_figure_groups(session, event)
    # `_group`: a figure's link from an article's text shows its group alone, whatever page it falls on.
    if group is not None and all(g["id"] != group for g in groups):
        raise NotFound(
            f"This event has no figure group {group}: the figure was dismissed or the event realigned "
            "since the link was made. The figure ledger lists every group."
        )
    ledger = views.ledger(session, event, groups, status=_status or None, page=page, only=group)
    return render_view(request, "figures.html", ledger, {"event": event, "ledger": ledger}, block="ledger")


@router.get("/events/{slug}/speakers")
def speakers_page(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    outlets = views.event_outlets(views.overview_articles(session, event))
    grid = views.speakers_grid(session, event, outlets)
    return render_view(
        request, "speakers.html", grid, {"event": event, "grid": grid}, csv_name=f"{event.slug}-speakers.csv"
    )


@router.post("/events/{slug}/articles/preview")
def preview_article(
    slug: str,
    request: Request,
    session: SessionDep,
    outlet: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    source_format: Annotated[str, Form()] = "auto",
) -> Response:
    """What would be extracted from the pasted text; nothing is stored."""
    event = events.get_event(session, slug)
    form = {"outlet": outlet, "text": text, "source_format": source_format}
    preview: dict[str, Any] = {"quotes": [], "figures": [], "error": None}
    status = 200
    if not text.strip():
        preview["error"] = "Paste an article to see what Parallax will find in it."
        # While typing, an emptied box is not a mistake; a form posted empty without JavaScript is.
        status = 200 if is_htmx(request) else 422
    else:
        try:
            # Read as the form's "Add to event" reads it: a pasted front-matter block is metadata, not text
            # (its title and date were previewed as the article's title and a figure).
            data = ingest.submission_input(
                ingest.Submission("Pasted text", text=text, source_format=source_format),
                ingest.Metadata(outlet=outlet or None),
                single=True,
            )
            prepared = ingest.prepare_article(replace(data, outlet=data.outlet or "preview"))
        except ServiceError as exc:
            preview["error"] = exc.message
            status = 200 if is_htmx(request) else exc.status_code
        else:
            extraction = prepared.extraction
            preview["title"] = prepared.title
            preview["quotes"] = [
                {"text": q.text, "speaker": q.speaker or queries.UNKNOWN_SPEAKER, "fragment": q.fragment}
                for q in extraction.quotes
            ]
            preview["figures"] = [
                {"text": f.text, "counted": f.counted, "qualifier": f.qualifier, "source": f.source}
                for f in extraction.figures
                if not f.chrome
            ]
    context = _upload_context(event, form=form, preview=preview)
    return render(request, "article_new.html", context, block="preview", status_code=status)


# ---------------------------------------------------------------- CSV downloads


@router.get("/events/{slug}/statements.csv")
def statements_csv(
    slug: str,
    session: SessionDep,
    _sort: Annotated[Literal["outlets", "speaker"] | None, Query()] = None,
    speaker: Annotated[str | None, Query(max_length=300)] = None,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    _show: Annotated[Literal["changed", "left_out", "shared", ""] | None, Query()] = None,
) -> Response:
    """The coverage matrix as CSV: every row (not one page), with the overview's sort and filters."""
    event = events.get_event(session, slug)
    matrix = views.event_matrix(
        session,
        event,
        sort=_sort or "outlets",
        speaker=_blank_is_none(speaker),
        outlet=_blank_is_none(outlet),
        show=_show or None,
        every_row=True,
    )
    return csv_response(matrix.csv_rows(), f"{event.slug}-statements.csv")


@router.get("/events/{slug}/figures.csv")
def figures_csv(slug: str, request: Request, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    status = parse_choice("_status", request.query_params.get("_status"), views.STATUSES, None)
    groups = [
        g for g in queries.event_figure_groups(session, event) if status is None or g["status"] == status
    ]
    return csv_response(views.figures_csv(groups), f"{event.slug}-figures.csv")


@router.get("/events/{slug}/speakers.csv")
def speakers_csv(slug: str, session: SessionDep) -> Response:
    event = events.get_event(session, slug)
    outlets = views.event_outlets(views.overview_articles(session, event))
    return csv_response(views.speakers_grid(session, event, outlets).csv_rows(), f"{event.slug}-speakers.csv")


@router.api_route("/favicon.ico", methods=["GET", "HEAD"])
def favicon() -> Response:
    """Browsers ask for /favicon.ico whatever the page links; our own SVG answers, so the log has no 404."""
    icon = (PROJECT_ROOT / "static" / "img" / "favicon.svg").read_bytes()
    return Response(icon, media_type="image/svg+xml", headers={"Cache-Control": "public, max-age=86400"})
