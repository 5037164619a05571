"""Ingest: turn a submitted article (text, HTML or Markdown) into a stored, extracted, aligned article.

The CPU-heavy work (cleaning, extraction) happens before the per-event lock is taken, so two
processes ingesting into one event only serialise on the short write.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from app.core.clean import clean_plain_text, strip_markdown
from app.core.extract import extract_article
from app.core.html import html_to_page_text
from app.core.records import Extraction
from app.models import ROLES, Article, Event, Outlet
from app.services import alignment, source_checks
from app.services.errors import BadInput, Duplicate, TooLarge
from app.services.locks import lock_event
from app.settings import settings

SOURCE_FORMATS = ("text", "html", "markdown")
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
    outlet = " ".join((data.outlet or "").split())
    if not outlet:
        raise BadInput("Say which outlet published the article (the outlet field is empty).")
    if len(outlet) > 200:
        raise BadInput("An outlet name can have at most 200 characters.")
    if data.source_format not in SOURCE_FORMATS:
        raise BadInput(f"Unknown source format '{data.source_format}'; use text, html or markdown.")
    role = article_role(data.role)
    raw = data.content or ""
    if len(raw) > settings.max_article_chars * 5:
        raise TooLarge(f"The article is too long: the limit is {settings.max_article_chars:,} characters.")
    check_text_is_plain(raw)
    raw = raw.replace("\x00", "")

    title, author, published_at = data.title, data.author, data.published_at
    if data.source_format == "html":
        page = html_to_page_text(raw)
        body = clean_plain_text(page.text)
        title = title or page.title
        author = author or page.author
        if published_at is None and page.date:
            published_at = parse_datetime(page.date)
    elif data.source_format == "markdown":
        body = clean_plain_text(strip_markdown(raw))
    else:
        body = clean_plain_text(raw)

    if not body.strip():
        raise BadInput("The article has no text: paste the article or upload a file with its text.")
    if len(body) > settings.max_article_chars:
        raise TooLarge(f"The article is too long: the limit is {settings.max_article_chars:,} characters.")
    if not title:
        title = _first_line(body)
    return PreparedArticle(
        outlet=outlet,
        domain=(data.domain or None),
        title=" ".join(title.split())[:500],
        url=(data.url or None),
        author=(" ".join(author.split())[:300] if author else None),
        published_at=published_at,
        body=body,
        source_format=data.source_format,
        content_hash=content_hash(body),
        extraction=source_checks.stored_extraction(extract_article(body), role),
        role=role,
    )


def article_role(value: str | None) -> str:
    """An article's role from what was sent: empty means a report; anything else must be a known role."""
    role = (value or "report").strip().lower() or "report"
    if role not in ROLES:
        raise BadInput(f"Unknown article role '{value}'; use {' or '.join(ROLES)}.")
    return role


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
) -> PreparedArticle:
    """Prepare an already-cleaned body as stored elsewhere (a backup): no cleaning, same hash and offsets."""
    if not body.strip():
        raise BadInput("The article has no text.")
    return PreparedArticle(
        outlet=outlet,
        domain=domain,
        title=title,
        url=url,
        author=author,
        published_at=published_at,
        body=body,
        source_format=source_format,
        content_hash=content_hash(body),
        extraction=source_checks.stored_extraction(extract_article(body), article_role(role)),
        role=article_role(role),
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
    article = Article(
        event_id=event.id,
        outlet_id=outlet.id or 0,
        title=prepared.title,
        url=prepared.url,
        author=prepared.author,
        published_at=prepared.published_at,
        body=prepared.body,
        content_hash=prepared.content_hash,
        source_format=prepared.source_format,
        role=prepared.role,
        supersedes_id=supersedes,
        word_count=len(prepared.body.split()),
    )
    session.add(article)
    session.flush()
    alignment.add_article(session, event.id, article, prepared.extraction)
    source_checks.after_store(session, event.id, article)
    session.commit()
    session.refresh(article)
    return article


def ingest(session: Session, event: Event, data: ArticleInput) -> Article:
    return store_article(session, event, prepare_article(data))


def get_or_create_outlet(session: Session, name: str, domain: str | None = None) -> Outlet:
    outlet = session.exec(select(Outlet).where(Outlet.name == name)).first()
    if outlet is None:
        outlet = Outlet(name=name, domain=domain)
        session.add(outlet)
        session.flush()
    elif domain and not outlet.domain:
        outlet.domain = domain
        session.add(outlet)
    return outlet


def _first_line(body: str) -> str:
    line = body.strip().splitlines()[0] if body.strip() else "Untitled"
    return line if len(line) <= 160 else line[:157].rsplit(" ", 1)[0] + "…"


def parse_datetime(value: str | None) -> datetime | None:
    """A lenient ISO-8601 parse for metadata found inside files: a bad date is dropped, not an error."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None
