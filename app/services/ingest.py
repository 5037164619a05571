"""Ingest: turn a submitted article (text, HTML or Markdown) into a stored, extracted, aligned article.

The CPU-heavy work (cleaning, extraction) happens before the per-event lock is taken, so two
processes ingesting into one event only serialise on the short write.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.core.clean import clean_plain_text, strip_markdown
from app.core.extract import extract_article
from app.core.frontmatter import parse_front_matter
from app.core.html import html_to_page_text
from app.core.quotes import TooManyQuotes, extract_quotes
from app.core.records import Extraction
from app.models import ROLES, Article, Event, Outlet
from app.services import alignment, source_checks, validation
from app.services.errors import BadInput, Duplicate, ServiceError, TooLarge
from app.services.fetch import FetchedPage, fetch_page, fetch_pages
from app.services.locks import lock_event
from app.settings import settings

log = logging.getLogger("parallax")
SOURCE_FORMATS = ("text", "html", "markdown")
# The files read by the upload form and `parallax import`, by suffix.
FILE_FORMATS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".md": "markdown"}
# Control characters other than tab/newline/carriage return mark binary or mis-decoded input.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class ArticleInput:
    outlet: str
    content: str
    source_format: str = "text"  # text | html | markdown
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    domain: str | None = None
    role: str | None = None  # report (default) | source
    fetched_at: datetime | None = None  # set when the content was fetched from `url`


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    outlet: str
    domain: str | None
    title: str
    url: str | None
    author: str | None
    published_at: datetime | None
    body: str
    source_format: str
    content_hash: str
    extraction: Extraction
    role: str = "report"
    fetched_at: datetime | None = None


def outlet_from_filename(name: str) -> str:
    """'03_meridian-wire.txt' -> 'Meridian Wire': the file name when no front matter or form names the outlet
    (the CLI's folder import and the upload form alike)."""
    stem = PurePath(name).stem
    head, _, rest = stem.partition("_")
    if head.isdigit() and rest:
        stem = rest
    return " ".join(word.capitalize() for word in stem.replace("-", " ").replace("_", " ").split()) or stem


def decode_upload(data: bytes, filename: str) -> str:
    """Decode an uploaded file as UTF-8, refusing binary files with a sentence that says why."""
    if b"\x00" in data[:8192]:
        raise BadInput(f"{filename} looks like a binary file; upload .txt, .html or .md text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"{filename} is not UTF-8 text (byte {exc.start} cannot be decoded); save it as UTF-8."
        ) from exc
    check_text_is_plain(text, filename)
    return text


def check_text_is_plain(text: str, what: str = "The text") -> None:
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > 0 and controls > len(text[:20000]) * 0.01:
        raise BadInput(f"{what} contains control characters; it looks binary or wrongly encoded.")


def content_hash(body: str) -> str:
    """Hash of the text as read: case, spacing and Unicode forms do not make a new article."""
    canonical = " ".join(unicodedata.normalize("NFKC", body).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def prepare_article(data: ArticleInput) -> PreparedArticle:
    """Validate, clean and extract one article; nothing is stored. Every entry point comes through here."""
    outlet = validation.single_line(data.outlet, "outlet", required=True) or ""
    title = validation.single_line(data.title, "title")
    url = validation.check_url(data.url)
    author = validation.single_line(data.author, "author")
    domain = validation.single_line(data.domain, "domain")
    published_at = validation.as_utc(data.published_at) if data.published_at else None
    if data.source_format not in SOURCE_FORMATS:
        raise BadInput(f"Unknown source format '{data.source_format}'; use text, html or markdown.")
    role = article_role(data.role)
    raw = data.content or ""
    limit = settings.max_article_chars
    # The size limit comes before any cleaning, so no cleaner ever sees more than the limit. HTML may
    # carry markup several times the size of its text; its extracted text is held to the limit too.
    if len(raw) > (limit * 5 if data.source_format == "html" else limit):
        raise TooLarge(f"The article is too long: the limit is {limit:,} characters.")
    validation.check_encodable(raw, "The article")
    check_text_is_plain(raw)
    raw = raw.replace("\x00", "")

    if data.source_format == "html":
        validation.check_html_tags(raw)
        page = html_to_page_text(raw)
        if len(page.text) > limit:
            raise TooLarge(f"The article is too long: the limit is {limit:,} characters.")
        body = clean_plain_text(page.text)
        title = title or _found_line(page.title, "title")
        author = author or _found_line(page.author, "author")
        if published_at is None:
            published_at = validation.parse_found_date(page.date)
    elif data.source_format == "markdown":
        body = clean_plain_text(strip_markdown(raw))
    else:
        body = clean_plain_text(raw)

    if not body.strip():
        raise BadInput("The article has no text: paste the article or upload a file with its text.")
    if not title:
        title = _first_line(body)
    # A source stores no quotes, so only what is stored is held to the limits.
    extraction = _extract(body, role)
    return PreparedArticle(
        outlet=outlet,
        domain=domain,
        title=title,
        url=url,
        author=author,
        published_at=published_at,
        body=body,
        source_format=data.source_format,
        content_hash=content_hash(body),
        extraction=extraction,
        role=role,
        fetched_at=data.fetched_at,
    )


def article_role(value: str | None) -> str:
    """An article's role from what was sent: empty means a report; anything else must be a known role."""
    role = (value or "report").strip().lower() or "report"
    if role not in ROLES:
        raise BadInput(f"Unknown article role '{value}'; use {' or '.join(ROLES)}.")
    return role


# The source check attributes an unlabelled source's quotations when a report is added, under the event's write
# lock, at up to tens of milliseconds each for a hostile run ('said "a" said "a" ...'): a press release has
# a handful, a transcript labels its turns instead, so a hundred bound that wait to a few seconds.
MAX_SOURCE_QUOTATIONS = 100


def quotation_count(body: str) -> int:
    """How many quotations the quote reader finds in ``body``, without attributing any of them (a limit of
    none makes it stop, with the count, as soon as the marks are paired)."""
    try:
        extract_quotes(body, max_quotes=0)
    except TooManyQuotes as exc:
        return exc.count
    return 0


# How many double quotation marks a body may carry per quote it may have: two each, and as many again for
# scare quotes, titles and nicknames.
MARKS_PER_QUOTE = 4


# How many numbers a body may carry per figure it may have: dates, times and years are numbers that are no
# figures (the corpus's most numerous article has 204 numbers in all).
NUMBERS_PER_FIGURE = 2


def _extract(body: str, role: str) -> Extraction:
    """What is stored of an article's extraction, held to the stated limits. A report's quotations are
    counted before they are attributed, so a hostile run of them is refused cheaply. A source stores no
    quotes, so its quotations are only counted here (to its own limit, see MAX_SOURCE_QUOTATIONS)."""
    report = role == "report"
    limit = settings.max_quotes_per_article
    # Numbers are counted before figures are read, the way quotation marks are before quotes are attributed.
    validation.check_number_count(body, NUMBERS_PER_FIGURE * settings.max_figures_per_article)
    validation.check_line_count(body)
    validation.check_quote_marks(body, MARKS_PER_QUOTE * limit)
    try:
        if not report and (count := quotation_count(body)) > MAX_SOURCE_QUOTATIONS:
            raise TooLarge(
                f"The source has {count:,} quotations; Parallax checks reports against sources with at most "
                f"{MAX_SOURCE_QUOTATIONS:,} (a transcript's turns are labels, not quotation marks)."
            )
        extraction = source_checks.stored_extraction(
            extract_article(body, max_quotes=limit, quotes=report), role
        )
    except TooManyQuotes as exc:
        raise TooLarge(
            f"The article has {exc.count:,} quotes; Parallax reads articles with at most "
            f"{settings.max_quotes_per_article:,}."
        ) from exc
    check_extraction_size(extraction)
    return extraction


def check_extraction_size(extraction: Extraction) -> None:
    """Refuse an article whose records would hold the event's write lock for long (a stated limit)."""
    figures, quotes = len(extraction.figures), len(extraction.quotes)
    if figures > settings.max_figures_per_article:
        raise TooLarge(
            f"The article has {figures:,} figures; Parallax reads articles with at most "
            f"{settings.max_figures_per_article:,} (this looks like a table of data, not a report)."
        )
    if quotes > settings.max_quotes_per_article:
        raise TooLarge(
            f"The article has {quotes:,} quotes; Parallax reads articles with at most "
            f"{settings.max_quotes_per_article:,}."
        )


def _found_line(value: str | None, what: str) -> str | None:
    """Metadata found inside a page is trimmed to its field's limit (and dropped if unusable), never refused."""
    text = " ".join((value or "").split())[: validation.FIELD_LIMITS[what]]
    try:
        return validation.single_line(text, what)
    except BadInput:
        return None


def prepare_stored_body(
    body: str,
    *,
    outlet: str,
    title: str,
    url: str | None = None,
    author: str | None = None,
    published_at: datetime | None = None,
    domain: str | None = None,
    source_format: str = "text",
    role: str = "report",
    fetched_at: datetime | None = None,
) -> PreparedArticle:
    """Prepare an already-cleaned body as stored elsewhere (a backup): no cleaning, same hash and offsets.

    The metadata passes the same validation as every other entry point."""
    if not isinstance(body, str) or not body.strip():
        raise BadInput("The article has no text.")
    if len(body) > settings.max_article_chars:
        raise TooLarge(f"The article is too long: the limit is {settings.max_article_chars:,} characters.")
    validation.check_encodable(body, "The article's text")
    check_text_is_plain(body)
    if "\x00" in body:
        raise BadInput("The article's text contains a NUL byte; remove it.")
    if source_format not in SOURCE_FORMATS:
        raise BadInput(f"Unknown source format '{source_format}'; use text, html or markdown.")
    role = article_role(role)
    extraction = _extract(body, role)
    return PreparedArticle(
        outlet=validation.single_line(outlet, "outlet", required=True) or "",
        domain=validation.single_line(domain, "domain"),
        title=validation.single_line(title, "title") or _first_line(body),
        url=validation.check_url(url),
        author=validation.single_line(author, "author"),
        published_at=validation.as_utc(published_at) if published_at else None,
        body=body,
        source_format=source_format,
        content_hash=content_hash(body),
        extraction=extraction,
        role=role,
        fetched_at=validation.as_utc(fetched_at, "fetch time") if fetched_at else None,
    )


def store_article(session: Session, event: Event, prepared: PreparedArticle) -> Article:
    """Store and align one prepared article under the event's write lock."""
    assert event.id is not None
    lock_event(session, event.id)
    existing = session.exec(
        select(Article).where(Article.event_id == event.id, Article.content_hash == prepared.content_hash)
    ).first()
    if existing is not None:
        session.rollback()
        raise Duplicate(
            f"This article is already in the event (article {existing.id}, same text).",
            article_id=existing.id or 0,
        )
    outlet = get_or_create_outlet(session, prepared.outlet, prepared.domain)
    supersedes = None
    if prepared.url:
        supersedes = session.exec(
            select(Article.id)
            .where(Article.event_id == event.id, Article.outlet_id == outlet.id, Article.url == prepared.url)
            .order_by(Article.id.desc())  # type: ignore[union-attr]
        ).first()
    article = article_row(
        prepared, event_id=event.id or 0, outlet_id=outlet.id or 0, supersedes_id=supersedes
    )
    session.add(article)
    session.flush()
    alignment.add_article(session, event.id, article, prepared.extraction)
    session.commit()
    session.refresh(article)
    return article


def ingest_article(session: Session, event: Event, data: ArticleInput) -> Article:
    """Validate, extract, store and align one article given as text (demo, tests, benches)."""
    return store_article(session, event, prepare_article(data))


@dataclass(frozen=True, slots=True)
class Submission:
    """One thing to ingest: a file's bytes, pasted text or a link to fetch, named as the user knows it."""

    name: str
    data: bytes | None = None  # an uploaded or imported file, decoded here
    text: str | None = None  # pasted text
    fetch_url: str | None = None  # a link: the page is fetched, then read as HTML
    source_format: str = "auto"  # text | html | markdown | auto (guessed from the text)
    front_matter: bool = True  # a leading `---` block of text or Markdown sets the metadata
    outlet: str | None = None  # this submission's own outlet when its front matter names none (CLI)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the form (or API body) says about every submission; a file's front matter overrides it."""

    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    domain: str | None = None
    published_at: datetime | None = None
    role: str | None = None  # report (default) | source


@dataclass(slots=True)
class Outcome:
    """What became of one submission: stored (with the article), duplicate (of article_id) or rejected."""

    name: str
    status: str  # stored | duplicate | rejected
    message: str
    article_id: int | None = None
    article: Article | None = None
    prepared: PreparedArticle | None = None
    error: Exception | None = None


def guess_format(text: str) -> str:
    head = text.lstrip()[:500].lower()
    return "html" if head.startswith(("<!doctype", "<html")) or ("<p" in head and "</" in head) else "text"


def submission_input(
    submission: Submission,
    meta: Metadata,
    *,
    single: bool,
    fetched: dict[str, FetchedPage | Exception] | None = None,
) -> ArticleInput:
    """The article a submission describes: its content, its front matter, then the shared metadata.

    The shared title and url describe one article, so they apply only when one thing was sent. A link's
    page comes from `fetched` when the caller fetched the links beforehand (all at once), else now.
    """
    fetched_url: str | None = None
    fetched_at: datetime | None = None
    if submission.fetch_url is not None:
        page = (fetched or {}).get(submission.fetch_url) or fetch_page(submission.fetch_url)
        if isinstance(page, Exception):
            raise page
        content, fmt, fetched_url, fetched_at = page.html, "html", page.url, page.fetched_at
    elif submission.data is not None:
        suffix = "." + submission.name.rsplit(".", 1)[-1].lower() if "." in submission.name else ""
        if suffix not in FILE_FORMATS:
            raise BadInput("Only .txt, .html and .md files are read.")
        content = decode_upload(submission.data, submission.name)
        fmt = FILE_FORMATS[suffix]
    else:
        content = submission.text or ""
        fmt = submission.source_format
    if fmt == "auto":
        fmt = guess_format(content)
    fields: dict[str, str] = {}
    if submission.front_matter and fmt != "html":
        fields, content = parse_front_matter(content)
    found_date = validation.parse_date(fields["published_at"]) if fields.get("published_at") else None
    return ArticleInput(
        outlet=fields.get("outlet") or submission.outlet or meta.outlet or "",
        content=content,
        source_format=fmt,
        title=fields.get("title") or (meta.title if single else None),
        url=fields.get("url") or fetched_url or (meta.url if single else None),
        author=fields.get("author") or meta.author,
        domain=fields.get("domain") or meta.domain,
        published_at=found_date or meta.published_at,
        role=fields.get("role") or meta.role,
        fetched_at=fetched_at,
    )


def ingest(
    session: Session,
    event: Event,
    submissions: Sequence[Submission],
    meta: Metadata | None = None,
    *,
    on_progress: Callable[[int, Outcome], None] | None = None,
) -> list[Outcome]:
    """Ingest every submission into the event: the one upload flow of the API, form, links and CLI.

    Each submission gets its own outcome and a failure never stops the others; nothing is reported
    stored unless it was committed. Reading and extraction run before the event's write lock is taken.
    """
    meta = meta or Metadata()
    single = len(submissions) == 1
    # The links are fetched first, several at a time (each within its own fetch deadline), then read in order.
    fetched = fetch_pages([s.fetch_url for s in submissions if s.fetch_url is not None])
    outcomes: list[Outcome] = []
    for done, submission in enumerate(submissions, start=1):
        outcome = _ingest_one(session, event, submission, meta, single=single, fetched=fetched)
        outcomes.append(outcome)
        if on_progress is not None:
            on_progress(done, outcome)
    return outcomes


def _ingest_one(
    session: Session,
    event: Event,
    submission: Submission,
    meta: Metadata,
    *,
    single: bool,
    fetched: dict[str, FetchedPage | Exception] | None = None,
) -> Outcome:
    name = submission.name
    try:
        prepared = prepare_article(submission_input(submission, meta, single=single, fetched=fetched))
        article = store_article(session, event, prepared)
    except Duplicate as exc:
        session.rollback()
        return Outcome(name, "duplicate", exc.message, article_id=exc.article_id, error=exc)
    except ServiceError as exc:
        session.rollback()
        return Outcome(name, "rejected", exc.message, error=exc)
    except Exception as exc:  # a bug must not abort the rest of a folder or report earlier files lost
        session.rollback()
        log.exception("ingest of %s failed", name)
        message = "Not stored: an error on our side (it is logged); the other files were still read."
        return Outcome(name, "rejected", message, error=exc)
    return Outcome(
        name,
        "stored",
        f"Stored as article {article.id}: {article.title}",
        article_id=article.id,
        article=article,
        prepared=prepared,
    )


def article_row(
    prepared: PreparedArticle,
    *,
    event_id: int,
    outlet_id: int,
    supersedes_id: int | None = None,
    article_id: int | None = None,
) -> Article:
    """The stored row of a prepared article (an add, or an undone deletion restored under its old id)."""
    return Article(
        id=article_id,
        event_id=event_id,
        outlet_id=outlet_id,
        title=prepared.title,
        url=prepared.url,
        author=prepared.author,
        published_at=prepared.published_at,
        fetched_at=prepared.fetched_at,
        body=prepared.body,
        content_hash=prepared.content_hash,
        source_format=prepared.source_format,
        role=prepared.role,
        supersedes_id=supersedes_id,
        word_count=len(prepared.body.split()),
    )


def get_or_create_outlet(session: Session, name: str, domain: str | None = None) -> Outlet:
    """The outlet named `name`, created when missing; safe when several events receive it at once.

    Outlets are global, so the per-event lock does not cover them: two ingests into different events
    may both find no row and both insert. The insert runs in a savepoint; the loser of that race rolls
    back only the savepoint and reads the winner's row.
    """
    outlet = session.exec(select(Outlet).where(Outlet.name == name)).first()
    if outlet is None:
        try:
            with session.begin_nested():
                outlet = Outlet(name=name, domain=domain)
                session.add(outlet)
        except IntegrityError:
            outlet = session.exec(select(Outlet).where(Outlet.name == name)).one()
    elif domain and not outlet.domain:
        outlet.domain = domain
        session.add(outlet)
    return outlet


def _first_line(body: str) -> str:
    line = body.strip().splitlines()[0] if body.strip() else "Untitled"
    return line if len(line) <= 160 else line[:157].rsplit(" ", 1)[0] + "…"
