"""Read models: plain dicts and dataclasses for pages and the JSON API, gathered in a few queries."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlmodel import Session, col, select

from app.models import (
    Article,
    ArticleSimilarity,
    Event,
    Figure,
    FigureGroup,
    Outlet,
    Quote,
    QuoteSentence,
    Speaker,
    Statement,
    StatementMember,
)
from app.services import source_checks
from app.services.errors import NotFound

UNKNOWN_SPEAKER = "unknown"
STATUS_ORDER = {"conflict": 0, "agree": 1, "single": 2}


def outlet_names(session: Session, event_id: int) -> dict[int, str]:
    """Article id -> outlet name for every article of the event."""
    rows = session.exec(
        select(Article.id, Outlet.name)
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.event_id == event_id)
    ).all()
    return {article_id: name for article_id, name in rows if article_id is not None}


def speaker_names(session: Session, event_id: int) -> dict[int, str]:
    rows = session.exec(select(Speaker.id, Speaker.name).where(Speaker.event_id == event_id)).all()
    return {speaker_id: name for speaker_id, name in rows if speaker_id is not None}


def list_articles(session: Session, event: Event) -> list[dict[str, Any]]:
    rows = session.exec(
        select(Article, Outlet)
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.event_id == event.id)
        .order_by(col(Article.published_at).asc().nulls_last(), col(Article.id))
    ).all()
    return [article_summary(article, outlet) for article, outlet in rows]


def article_summary(article: Article, outlet: Outlet) -> dict[str, Any]:
    return {
        "id": article.id,
        "outlet": outlet.name,
        "outlet_domain": outlet.domain,
        "outlet_country": outlet.country,
        "outlet_kind": outlet.kind,
        "title": article.title,
        "url": article.url,
        "author": article.author,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "content_hash": article.content_hash,
        "source_format": article.source_format,
        "role": article.role,
        "supersedes_id": article.supersedes_id,
        "word_count": article.word_count,
    }


MAX_ID = 2**31 - 1  # ids are 32-bit on PostgreSQL; larger numbers cannot name a row (and overflow SQLite)


def get_article(session: Session, event: Event, article_id: int) -> tuple[Article, Outlet]:
    if not 0 < article_id <= MAX_ID:
        raise NotFound(f"Event '{event.slug}' has no article {article_id}.")
    row = session.exec(
        select(Article, Outlet)
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.id == article_id, Article.event_id == event.id)
    ).first()
    if row is None:
        raise NotFound(f"Event '{event.slug}' has no article {article_id}.")
    return row


def statement_ids_by_quote(session: Session, quote_ids: list[int]) -> dict[int, list[int]]:
    if not quote_ids:
        return {}
    rows = session.exec(
        select(QuoteSentence.quote_id, StatementMember.statement_id)
        .join(StatementMember, col(StatementMember.sentence_id) == col(QuoteSentence.id))
        .where(col(QuoteSentence.quote_id).in_(quote_ids))
    ).all()
    result: dict[int, set[int]] = defaultdict(set)
    for quote_id, statement_id in rows:
        result[quote_id].add(statement_id)
    return {quote_id: sorted(ids) for quote_id, ids in result.items()}


def sentence_statements(session: Session, article_ids: list[int]) -> dict[int, list[tuple[int, int, int]]]:
    """Article id -> (start, end, statement id) of each quoted sentence that belongs to a statement."""
    if not article_ids:
        return {}
    rows = session.exec(
        select(QuoteSentence.article_id, QuoteSentence.start, QuoteSentence.end, StatementMember.statement_id)
        .join(StatementMember, col(StatementMember.sentence_id) == col(QuoteSentence.id))
        .where(col(QuoteSentence.article_id).in_(article_ids))
    ).all()
    result: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for article_id, start, end, statement_id in rows:
        result[article_id].append((start, end, statement_id))
    return result


def quote_dict(
    quote: Quote, outlet: str, speakers: dict[int, str], statement_ids: list[int]
) -> dict[str, Any]:
    return {
        "id": quote.id,
        "article_id": quote.article_id,
        "outlet": outlet,
        "text": quote.text,
        "speaker": speakers.get(quote.speaker_id, UNKNOWN_SPEAKER) if quote.speaker_id else UNKNOWN_SPEAKER,
        "speaker_id": quote.speaker_id,
        "speaker_as_named": quote.speaker_as_named,
        "speaker_mention": quote.speaker_mention,
        "start": quote.start,
        "end": quote.end,
        "parts": quote.parts,
        "fragment": quote.fragment,
        "statement_ids": statement_ids,
    }


FIGURE_FIELDS = (
    "id",
    "article_id",
    "text",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "counted",
    "source",
    "time_ref",
    "kind",
    "chrome",
    "group_id",
    "start",
    "end",
)
FIGURE_COLUMNS = tuple(getattr(Figure, name) for name in FIGURE_FIELDS)


def figure_dict(figure: Figure | dict[str, Any], outlet: str) -> dict[str, Any]:
    """A figure's fields with its outlet's name, from a mapped Figure or a row of `FIGURE_COLUMNS`."""
    fields = figure if isinstance(figure, dict) else {name: getattr(figure, name) for name in FIGURE_FIELDS}
    return {
        "id": fields["id"],
        "article_id": fields["article_id"],
        "outlet": outlet,
        **{name: fields[name] for name in FIGURE_FIELDS[2:]},
    }


def event_quotes(
    session: Session, event: Event, *, article_ids: list[int] | None = None
) -> list[dict[str, Any]]:
    assert event.id is not None
    outlets = outlet_names(session, event.id)
    speakers = speaker_names(session, event.id)
    query = (
        select(Quote)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .where(Article.event_id == event.id)
        .order_by(col(Quote.article_id), col(Quote.start))
    )
    if article_ids is not None:
        query = query.where(col(Quote.article_id).in_(article_ids))
    quotes = session.exec(query).all()
    statements = statement_ids_by_quote(session, [q.id for q in quotes if q.id is not None])
    found = [
        quote_dict(q, outlets.get(q.article_id, ""), speakers, statements.get(q.id or 0, [])) for q in quotes
    ]
    return source_checks.attach(session, event.id, found)


def event_figures_flat(
    session: Session, event: Event, *, article_ids: list[int] | None = None
) -> list[dict[str, Any]]:
    assert event.id is not None
    outlets = outlet_names(session, event.id)
    query = (
        select(Figure)
        .join(Article, col(Article.id) == col(Figure.article_id))
        .where(Article.event_id == event.id)
        .order_by(col(Figure.article_id), col(Figure.start))
    )
    if article_ids is not None:
        query = query.where(col(Figure.article_id).in_(article_ids))
    return [figure_dict(f, outlets.get(f.article_id, "")) for f in session.exec(query).all()]


def article_detail(session: Session, event: Event, article_id: int) -> dict[str, Any]:
    return article_details(session, event, [article_id])[0]


def article_details(session: Session, event: Event, article_ids: list[int]) -> list[dict[str, Any]]:
    """Articles with body, quotes, figures and near copies, in the order asked; a few queries for all.

    An id that is not an article of the event is a NotFound naming it.
    """
    for article_id in article_ids:
        if not 0 < article_id <= MAX_ID:
            raise NotFound(f"Event '{event.slug}' has no article {article_id}.")
    rows = session.exec(
        select(Article, Outlet)
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(col(Article.id).in_(article_ids), Article.event_id == event.id)
    ).all()
    found = {article.id: (article, outlet) for article, outlet in rows}
    for article_id in article_ids:
        if article_id not in found:
            raise NotFound(f"Event '{event.slug}' has no article {article_id}.")
    quotes = event_quotes(session, event, article_ids=article_ids)
    figures = event_figures_flat(session, event, article_ids=article_ids)
    copies = near_copies_of_many(session, article_ids)
    details = []
    for article_id in article_ids:
        article, outlet = found[article_id]
        data = article_summary(article, outlet)
        data["event"] = event.slug
        data["body"] = article.body
        data["quotes"] = [q for q in quotes if q["article_id"] == article_id]
        data["figures"] = [f for f in figures if f["article_id"] == article_id]
        data["near_copies"] = copies.get(article_id, [])
        details.append(data)
    return details


def event_statements(
    session: Session, event: Event, *, article_ids: list[int] | None = None, statement_id: int | None = None
) -> list[dict[str, Any]]:
    """Statements with their members, largest first (by how many outlets carried them).

    With `article_ids`, only statements carried by those articles, and only those articles' members:
    the compare page then costs what it shows, not what the event holds.
    """
    assert event.id is not None
    outlets = outlet_names(session, event.id)
    speakers = speaker_names(session, event.id)
    query = (
        select(Statement, QuoteSentence, Quote.speaker_id)
        .join(StatementMember, col(StatementMember.statement_id) == col(Statement.id))
        .join(QuoteSentence, col(QuoteSentence.id) == col(StatementMember.sentence_id))
        .join(Quote, col(Quote.id) == col(QuoteSentence.quote_id))
        .where(Statement.event_id == event.id)
        .order_by(col(Statement.id), col(QuoteSentence.article_id), col(QuoteSentence.start))
    )
    if article_ids is not None:
        query = query.where(col(QuoteSentence.article_id).in_(article_ids))
    if statement_id is not None:
        # One statement's page reads that statement only, not the whole event's.
        query = query.where(Statement.id == statement_id)
    by_statement: dict[int, dict[str, Any]] = {}
    for statement, sentence, member_speaker in session.exec(query).all():
        entry = by_statement.setdefault(
            statement.id or 0,
            {
                "id": statement.id,
                "speaker": speakers.get(statement.speaker_id or 0, UNKNOWN_SPEAKER),
                "speaker_id": statement.speaker_id,
                "members": [],
            },
        )
        entry["members"].append(
            {
                "article_id": sentence.article_id,
                "outlet": outlets.get(sentence.article_id, ""),
                "quote_id": sentence.quote_id,
                "sentence_id": sentence.id,
                "text": sentence.text,
                "start": sentence.start,
                "end": sentence.end,
                # Who this outlet named (the event's canonical name), None when it named nobody.
                "speaker": speakers.get(member_speaker) if member_speaker is not None else None,
            }
        )
    statements = list(by_statement.values())
    for entry in statements:
        entry["outlets"] = sorted({m["outlet"] for m in entry["members"]})
        entry["speakers"] = statement_speakers(entry["members"])
    statements.sort(key=lambda s: (-len(s["outlets"]), s["id"]))
    return statements


def statement_speakers(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who each outlet named for one statement: [{"speaker", "outlets"}], the most-carried attribution
    first; outlets that named nobody are left out. Two entries mean the outlets disagree on who said it."""
    outlets_by_speaker: dict[str, set[str]] = defaultdict(set)
    for member in members:
        if member["speaker"] is not None:
            outlets_by_speaker[member["speaker"]].add(member["outlet"])
    ranked = sorted(outlets_by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [{"speaker": speaker, "outlets": sorted(outlets)} for speaker, outlets in ranked]


def event_figure_groups(
    session: Session, event: Event, *, include_single: bool = True, article_ids: list[int] | None = None
) -> list[dict[str, Any]]:
    """Figure groups with their members, conflicts first (with `article_ids`: only those articles' members)."""
    assert event.id is not None
    outlets = outlet_names(session, event.id)
    groups = session.exec(select(FigureGroup).where(FigureGroup.event_id == event.id)).all()
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    # Columns, not ORM objects: a wire story's ledger has thousands of members, and building a mapped
    # Figure for each was most of the figure ledger's time.
    query = (
        select(*FIGURE_COLUMNS)
        .join(FigureGroup, col(FigureGroup.id) == col(Figure.group_id))
        .where(FigureGroup.event_id == event.id)
        .order_by(col(Figure.article_id), col(Figure.start))
    )
    if article_ids is not None:
        query = query.where(col(Figure.article_id).in_(article_ids))
    for row in session.exec(query).all():
        figure = dict(zip(FIGURE_FIELDS, row, strict=True))
        members[figure["group_id"] or 0].append(figure_dict(figure, outlets.get(figure["article_id"], "")))
    result = [
        {
            "id": g.id,
            "label": g.label,
            "status": g.status,
            "compatible": g.compatible,
            "members": members[g.id or 0],
        }
        for g in groups
        if (include_single or g.status != "single") and (article_ids is None or members.get(g.id or 0))
    ]
    result.sort(key=lambda g: (STATUS_ORDER.get(g["status"], 3), -len(g["members"]), g["id"]))
    return result


def near_copies_of_many(
    session: Session, article_ids: list[int], *, min_share: float = 0.5
) -> dict[int, list[dict[str, Any]]]:
    """For each article: the articles that hold at least `min_share` of its text, closest first."""
    rows = session.exec(
        select(ArticleSimilarity, Article, Outlet)
        .join(Article, col(Article.id) == col(ArticleSimilarity.other_id))
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(col(ArticleSimilarity.article_id).in_(article_ids), ArticleSimilarity.share >= min_share)
        .order_by(col(ArticleSimilarity.share).desc(), col(ArticleSimilarity.other_id))
    ).all()
    result: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for sim, other, outlet in rows:
        result[sim.article_id].append(
            {
                "article_id": other.id,
                "outlet": outlet.name,
                "title": other.title,
                "share": round(sim.share, 3),
            }
        )
    return result


def event_near_copies(session: Session, event: Event, *, min_share: float = 0.5) -> list[dict[str, Any]]:
    """Pairs (article, other) where `share` of the article's text also appears in the other."""
    assert event.id is not None
    outlets = outlet_names(session, event.id)
    article_ids = list(outlets)
    if not article_ids:
        return []
    rows = session.exec(
        select(ArticleSimilarity)
        .where(col(ArticleSimilarity.article_id).in_(article_ids), ArticleSimilarity.share >= min_share)
        .order_by(col(ArticleSimilarity.share).desc())
    ).all()
    return [
        {
            "article_id": r.article_id,
            "outlet": outlets.get(r.article_id, ""),
            "other_id": r.other_id,
            "other_outlet": outlets.get(r.other_id, ""),
            "share": round(r.share, 3),
        }
        for r in rows
    ]
