"""Read models of the source check for pages and the API: how faithfully each outlet quoted the source,
who printed each variant first, and a statement's wording in the source (the base of its word diff)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlmodel import Session, col, select

from app.core.diff import word_diff
from app.core.similarity import words
from app.core.source_check import STATUS_RANK, SourceCheck
from app.core.speakers import speaker_key
from app.models import Article, Event, Outlet
from app.services import queries, source_checks
from app.services.errors import NotFound

# The order a fidelity view lists quotes in: the worst first ("altered" before "spliced": a changed word
# changes what was said; a splice only joins what was said).
SHOWN_ORDER = ("altered", "spliced", "not_found", "trimmed", "verbatim")
LABELS = {
    "verbatim": "verbatim",
    "trimmed": "trimmed",
    "altered": "altered",
    "spliced": "spliced",
    "not_found": "not in the source",
}
# Statuses whose wording is the outlet's own (not the source's): shared by several outlets, it was copied.
REWORDED = frozenset({"altered", "spliced", "not_found"})


def _sources(session: Session, event: Event) -> list[tuple[Article, Outlet]]:
    return list(
        session.exec(
            select(Article, Outlet)
            .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
            .where(Article.event_id == event.id, Article.role == source_checks.SOURCE)
            .order_by(col(Article.id))
        ).all()
    )


def event_fidelity(session: Session, event: Event, outlet: str | None = None) -> dict[str, Any]:
    """Per outlet: how many of its quotes are verbatim, trimmed, altered, spliced or not in the source;
    the quotes themselves, the worst first; and the provenance of every variant wording."""
    sources = _sources(session, event)
    bodies = {a.id: a.body for a, _ in sources}
    articles = {a["id"]: a for a in queries.list_articles(session, event)}
    # Without a source no quote has been checked: the page says so, and a wire story's thousands of quotes
    # are not loaded only to be dropped (that was most of the page's time).
    quotes = [q for q in queries.event_quotes(session, event) if q.get("source_check")] if sources else []
    known = sorted(
        {q["outlet"] for q in quotes} | {a["outlet"] for a in articles.values() if a["role"] != "source"}
    )
    if outlet is not None and outlet not in known:
        raise NotFound(f"No outlet called '{outlet}' reported this event.")
    for quote in quotes:
        article = articles.get(quote["article_id"], {})
        quote["published_at"] = article.get("published_at")
        quote["article_title"] = article.get("title")
        check = quote["source_check"]
        body = bodies.get(check["source_article_id"], "")
        quote["source_text"] = (
            body[check["source_start"] : check["source_end"]] if check["source_start"] is not None else None
        )
        quote["source_passages"] = [body[a:b] for a, b in check.get("passages", [])]
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for quote in quotes:
        by_outlet[quote["outlet"]].append(quote)
    outside = _outside_the_source(quotes)
    outlets = []
    for name in known:
        own = by_outlet.get(name, [])
        counts = Counter(q["source_check"]["status"] for q in own)
        faithful = counts["verbatim"] + counts["trimmed"]
        # The share is of the quotes the source could hold: another speaker's words are not in a mayor's
        # statement, and counting them made outlets that quoted the mayor word for word read 0-18% faithful.
        checkable = [q for q in own if q["id"] not in outside]
        outlets.append(
            {
                "outlet": name,
                "quotes": len(own),
                "counts": {status: counts.get(status, 0) for status in SHOWN_ORDER},
                "severe": sum(1 for q in own if q["source_check"]["severe"]),
                "speaker_mismatch": sum(1 for q in own if q["source_check"]["speaker_mismatch"]),
                "faithful_share": round(faithful / len(checkable), 3) if checkable else None,
                "other_speakers": len(own) - len(checkable),
            }
        )
    outlets.sort(key=lambda o: (o["faithful_share"] if o["faithful_share"] is not None else 2, o["outlet"]))
    shown = [q for q in quotes if outlet is None or q["outlet"] == outlet]
    shown.sort(key=_worst_first)
    return {
        "event": {"slug": event.slug, "title": event.title},
        "sources": [{"id": a.id, "outlet": o.name, "title": a.title} for a, o in sources],
        "outlet": outlet,
        "statuses": list(SHOWN_ORDER),
        "outlets": outlets,
        "quotes": [_quote_row(q) for q in shown],
        "provenance": provenance(quotes),
    }


def _outside_the_source(quotes: list[dict[str, Any]]) -> set[int]:
    """Ids of the quotes not in the source whose speaker the source never speaks as (or unknown): the source
    is one speaker's statement or a few people's transcript, and others' words were never in it."""
    in_source = {
        speaker_key(q["speaker"]) for q in quotes if _named(q) and q["source_check"]["status"] != "not_found"
    }
    in_source |= {
        speaker_key(q["source_check"]["source_speaker"])
        for q in quotes
        if q["source_check"].get("source_speaker")
    }
    return {
        q["id"]
        for q in quotes
        if q["source_check"]["status"] == "not_found"
        and (not _named(q) or speaker_key(q["speaker"]) not in in_source)
    }


def _named(quote: dict[str, Any]) -> bool:
    return quote.get("speaker") not in (None, queries.UNKNOWN_SPEAKER)


def _worst_first(quote: dict[str, Any]) -> tuple[int, bool, str, int]:
    check = quote["source_check"]
    return (SHOWN_ORDER.index(check["status"]), not check["severe"], quote["outlet"], quote["start"])


def _quote_row(quote: dict[str, Any]) -> dict[str, Any]:
    check = quote["source_check"]
    diff = None
    if check["status"] == "altered" and quote.get("source_text"):
        diff = [
            {"op": r.op, "text": r.text, "base_text": r.base_text}
            for r in word_diff(quote["source_text"], quote["text"])
        ]
    return {
        "quote_id": quote["id"],
        "article_id": quote["article_id"],
        "outlet": quote["outlet"],
        "published_at": quote.get("published_at"),
        "speaker": quote["speaker"],
        "text": quote["text"],
        "status": check["status"],
        "severe": check["severe"],
        "speaker_mismatch": check["speaker_mismatch"],
        "source_speaker": check.get("source_speaker"),
        "source_article_id": check["source_article_id"],
        "source_start": check["source_start"],
        "source_end": check["source_end"],
        "source_text": quote.get("source_text"),
        "source_passages": quote.get("source_passages", []),
        "changes": check.get("changes", []),
        "diff": diff,
        "statement_ids": quote.get("statement_ids", []),
    }


def provenance(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every source passage that outlets quoted, with each printed variant of it: its outlets in order of
    publication (the first printed it first) and, for a wording that is not the source's, whether several
    outlets share it (likely copied from one another rather than from the source).

    Quotes whose source passages overlap are versions of one passage (a whole sentence, a trimmed part of
    it, an altered copy); quotes found nowhere in the source group by their wording.
    """
    located = sorted(
        (q for q in quotes if q["source_check"]["source_start"] is not None),
        key=lambda q: (q["source_check"]["source_article_id"], q["source_check"]["source_start"]),
    )
    groups: list[list[dict[str, Any]]] = []
    reach: tuple[int, int] = (-1, -1)  # (source article, end of the current group's passage)
    for quote in located:
        check = quote["source_check"]
        if groups and check["source_article_id"] == reach[0] and check["source_start"] < reach[1]:
            groups[-1].append(quote)
            reach = (reach[0], max(reach[1], check["source_end"]))
        else:
            groups.append([quote])
            reach = (check["source_article_id"], check["source_end"])
    invented: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for quote in quotes:
        if quote["source_check"]["source_start"] is None:
            invented[tuple(words(quote["text"]))].append(quote)
    groups.extend(invented.values())
    passages = [_passage(members) for members in groups]
    passages.sort(key=lambda p: (-len(p["variants"]), -p["outlets"], p["source_start"] or 0))
    return passages


def _passage(members: list[dict[str, Any]]) -> dict[str, Any]:
    variants: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for quote in members:
        variants[tuple(words(quote["text"]))].append(quote)
    rows = []
    for printed in variants.values():
        printed.sort(key=lambda q: (q.get("published_at") is None, q.get("published_at") or "", q["id"]))
        status = printed[0]["source_check"]["status"]
        outlets = list(dict.fromkeys(q["outlet"] for q in printed))
        rows.append(
            {
                "text": printed[0]["text"],
                "status": status,
                "severe": any(q["source_check"]["severe"] for q in printed),
                "first_outlet": outlets[0],
                "first_published_at": printed[0].get("published_at"),
                "outlets": outlets,
                "shared_rewording": status in REWORDED and len(outlets) > 1,
            }
        )
    rows.sort(key=lambda r: (r["first_published_at"] is None, r["first_published_at"] or ""))
    widest = max(members, key=lambda q: len(q.get("source_text") or ""))
    check = widest["source_check"]
    return {
        "source_article_id": check["source_article_id"] if check["source_start"] is not None else None,
        "source_start": min((q["source_check"]["source_start"] or 0) for q in members)
        if check["source_start"] is not None
        else None,
        "source_end": max((q["source_check"]["source_end"] or 0) for q in members)
        if check["source_start"] is not None
        else None,
        "source_text": widest.get("source_text"),
        "variants": rows,
        "outlets": len({q["outlet"] for q in members}),
    }


def fidelity_csv(data: dict[str, Any]) -> list[list[object]]:
    rows: list[list[object]] = [
        [
            "outlet",
            "published_at",
            "speaker",
            "quote",
            "status",
            "severe",
            "speaker_mismatch",
            "source_article_id",
            "source_start",
            "source_end",
        ]
    ]
    for q in data["quotes"]:
        rows.append(
            [
                q["outlet"],
                q["published_at"] or "",
                q["speaker"],
                q["text"],
                q["status"],
                q["severe"],
                q["speaker_mismatch"],
                q["source_article_id"],
                q["source_start"] if q["source_start"] is not None else "",
                q["source_end"] if q["source_end"] is not None else "",
            ]
        )
    return rows


# ---------------------------------------------------------------- a statement's source wording


def statement_sources(
    session: Session, event: Event, statements: list[dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """For each statement (by its id as a string: the map goes into JSON snapshots), the source's wording of it (the base of its word diff) and each member's status.

    Members are single sentences, so they are checked here one by one (the stored checks are per quote).
    A statement no member of which is found in the source has no wording (``text`` None), only statuses.
    """
    sources = _sources(session, event)
    if not sources:
        return {}
    indexes = [(a.id or 0, source_checks.source_index(a)) for a, _ in sources]
    names = {a.id: o.name for a, o in sources}
    bodies = {a.id: a.body for a, _ in sources}
    result: dict[str, dict[str, Any]] = {}
    for statement in statements:
        speaker = statement["speaker"] if statement["speaker"] != queries.UNKNOWN_SPEAKER else None
        checks: dict[int, tuple[int, SourceCheck]] = {
            m["sentence_id"]: source_checks.best_check(m["text"], indexes, speaker)
            for m in statement["members"]
        }
        members = {
            str(sentence_id): {"status": c.status, "severe": c.severe}
            for sentence_id, (_, c) in checks.items()
        }
        found = [(sid, c) for sid, c in checks.values() if c.start is not None]
        if not found:
            result[str(statement["id"])] = {
                "article_id": None,
                "outlet": None,
                "text": None,
                "members": members,
            }
            continue
        passages = Counter((sid, c.start, c.end) for sid, c in found)
        # The passage most members point at; among equals the one quoted most faithfully.
        best_rank = {
            p: min(STATUS_RANK[c.status] for s, c in found if (s, c.start, c.end) == p) for p in passages
        }
        (source_id, start, end), _ = max(passages.items(), key=lambda kv: (kv[1], -best_rank[kv[0]]))
        result[str(statement["id"])] = {
            "article_id": source_id,
            "outlet": names[source_id],
            "text": bodies[source_id][start:end],
            "start": start,
            "end": end,
            "speaker": next(
                (c.source_speaker for s, c in found if (s, c.start, c.end) == (source_id, start, end)), None
            ),
            "members": members,
        }
    return result


def source_member(source: dict[str, Any]) -> dict[str, Any]:
    """The source's wording of a statement in the shape of a statement member, to serve as a diff base."""
    return {
        "article_id": source["article_id"],
        "outlet": source["outlet"],
        "text": source["text"],
        "start": source["start"],
        "end": source["end"],
        "sentence_id": None,
        "quote_id": None,
        "is_source": True,
    }


def mark_variants(rows: list[dict[str, Any]], source: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Give each variant row its status against the source (None when the event has no source)."""
    for row in rows:
        check = source["members"].get(str(row.get("sentence_id"))) if source else None
        row["source_status"] = check["status"] if check else None
        row["source_severe"] = bool(check and check["severe"])
        row["source_label"] = LABELS.get(check["status"], "") if check else ""
    return rows


def mark_source_passages(articles: list[dict[str, Any]], sources: dict[str, dict[str, Any]]) -> None:
    """Give each compared source article the passages the compared statements quote, shaped like quotes
    (one per statement, coloured as the statement), so the Source column shows what was quoted from it."""
    for article in articles:
        if article.get("role") != source_checks.SOURCE:
            continue
        article["source_passages"] = [
            {
                "id": -int(statement_id),
                "statement_ids": [int(statement_id)],
                "speaker": source["speaker"] or "the source",
                "start": source["start"],
                "end": source["end"],
                "parts": [[source["start"], source["end"]]],
            }
            for statement_id, source in sorted(sources.items(), key=lambda kv: kv[1].get("start") or 0)
            if source["article_id"] == article["id"] and source["text"] is not None
        ]


def source_passages_of(session: Session, event: Event, article: dict[str, Any]) -> list[dict[str, Any]]:
    """For a source article, the passages the event's statements quote from it (shaped like quotes)."""
    if article.get("role") != source_checks.SOURCE:
        return []
    statements = queries.event_statements(session, event)
    mark_source_passages([article], statement_sources(session, event, statements))
    return list(article.get("source_passages", []))
