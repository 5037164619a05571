"""Events: create, find, list with their counts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.models import Article, Event, FigureGroup, Quote
from app.services import validation
from app.services.errors import BadInput, NotFound

MAX_TITLE_CHARS = 300


def slugify(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:80].strip("-") or "event"


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not validation.has_visible_character(title):
        raise BadInput("An event needs a title.")
    if len(title) > MAX_TITLE_CHARS:
        raise BadInput(f"An event title can have at most {MAX_TITLE_CHARS} characters.")
    validation.check_no_control(title, "event title")
    return title


def create_event(session: Session, title: str, description: str = "") -> Event:
    title = _clean_title(title)
    description = validation.multi_line(description, "event description")
    base = slugify(title)
    n = 2
    for attempt in range(20):
        slug = base
        while session.exec(select(Event.id).where(Event.slug == slug)).first() is not None:
            slug, n = f"{base}-{n}", n + 1
        event = Event(slug=slug, title=title, description=description)
        session.add(event)
        try:
            session.commit()
        except IntegrityError:
            # Another request created an event of the same title between the look-up and the insert (eight
            # at once gave 500s): look again, past the slug it took.
            session.rollback()
            if attempt == 19:
                raise
            continue
        session.refresh(event)
        return event
    raise AssertionError("unreachable")


def edit_event(session: Session, event: Event, title: str, description: str = "") -> Event:
    """A new title and description (an event imported under a folder's name wants a reader's title). The slug
    stays: links and permalinks made before keep working."""
    event.title = _clean_title(title)
    event.description = validation.multi_line(description, "event description")
    session.add(event)
    session.commit()
    session.refresh(event)
    return event


def get_event(session: Session, slug: str) -> Event:
    if "\x00" in slug:  # PostgreSQL refuses NUL in any query parameter; no slug holds one
        raise NotFound("There is no event with a NUL byte in its name.")
    event = session.exec(select(Event).where(Event.slug == slug)).first()
    if event is None:
        raise NotFound(f"There is no event '{slug}'.")
    return event


def find_event_by_title(session: Session, title: str) -> Event | None:
    if "\x00" in title:
        return None
    return session.exec(select(Event).where(Event.title == title)).first()


@dataclass(frozen=True, slots=True)
class EventSummary:
    event: Event
    articles: int
    outlets: int
    quotes: int
    conflicts: int
    # When its reports came out, first and last (None when no article has a time): the events list shows it.
    first_published: datetime | None = None
    last_published: datetime | None = None


def list_events(session: Session) -> list[EventSummary]:
    events = session.exec(select(Event).order_by(col(Event.created_at).desc(), col(Event.id).desc())).all()
    article_counts = dict(
        session.exec(select(Article.event_id, func.count(Article.id)).group_by(Article.event_id)).all()
    )
    # A source (the transcript or statement the outlets quoted) is the reference, not an outlet covering it:
    # "four outlets' reports" of a briefing were counted as five outlets.
    outlet_counts = dict(
        session.exec(
            select(Article.event_id, func.count(func.distinct(Article.outlet_id)))
            .where(Article.role != "source")
            .group_by(Article.event_id)
        ).all()
    )
    quote_counts = dict(
        session.exec(
            select(Article.event_id, func.count(Quote.id))
            .join(Quote, col(Quote.article_id) == col(Article.id))
            .group_by(Article.event_id)
        ).all()
    )
    conflict_counts = dict(
        session.exec(
            select(FigureGroup.event_id, func.count(FigureGroup.id))
            .where(FigureGroup.status == "conflict")
            .group_by(FigureGroup.event_id)
        ).all()
    )
    published = {
        event_id: (first, last)
        for event_id, first, last in session.exec(
            select(Article.event_id, func.min(Article.published_at), func.max(Article.published_at))
            .where(Article.role != "source")
            .group_by(Article.event_id)
        ).all()
    }
    return [
        EventSummary(
            event=e,
            articles=article_counts.get(e.id, 0),
            outlets=outlet_counts.get(e.id, 0),
            quotes=quote_counts.get(e.id, 0),
            conflicts=conflict_counts.get(e.id, 0),
            first_published=published.get(e.id, (None, None))[0],
            last_published=published.get(e.id, (None, None))[1],
        )
        for e in events
    ]
