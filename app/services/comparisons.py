"""Comparisons: the data of a side-by-side view, and frozen permalinks to it.

A permalink's id derives from the chosen articles' content hashes (in column order) and the view,
so the same choice always gives the same link; its snapshot stores everything the page shows, so it
never changes when articles join the event or the alignment improves.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.core.figure_groups import FigureItem, conversions
from app.core.figures import Reading, figure_status
from app.models import Comparison, Event
from app.services import fidelity, queries, views
from app.services.errors import BadInput, NotFound
from app.settings import settings

SNAPSHOT_VERSION = 1


def check_article_choice(session: Session, event: Event, article_ids: list[int]) -> None:
    if len(article_ids) < 2:
        raise BadInput("Choose at least two articles to compare.")
    if len(article_ids) > settings.max_articles_per_comparison:
        raise BadInput(
            f"A comparison shows at most {settings.max_articles_per_comparison} articles side by side "
            f"(more columns stop being readable); you chose {len(article_ids)}. Untick "
            f"{len(article_ids) - settings.max_articles_per_comparison} and compare again."
        )
    if len(set(article_ids)) != len(article_ids):
        raise BadInput("Each article can appear only once in a comparison.")


def comparison_data(session: Session, event: Event, article_ids: list[int]) -> dict[str, Any]:
    """Everything the compare view shows for these articles, as plain JSON-able data."""
    check_article_choice(session, event, article_ids)
    articles = queries.article_details(session, event, article_ids)
    statements = queries.event_statements(session, event, article_ids=article_ids)
    figure_groups = [
        {**group, **_status_in_view(group["members"])}
        for group in queries.event_figure_groups(session, event, article_ids=article_ids)
    ]
    sources = fidelity.statement_sources(session, event, statements)
    fidelity.mark_source_passages(articles, sources)
    return {
        "version": SNAPSHOT_VERSION,
        "event": {"slug": event.slug, "title": event.title},
        "article_ids": article_ids,
        "articles": articles,
        "statements": statements,
        "figure_groups": figure_groups,
        # Statement id -> the source's wording and each member's status (empty without a source).
        "sources": sources,
    }


def _status_in_view(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The group's status among the chosen articles only, by the core's one rule (a bracketed conversion
    restates its figure and is left out, as in the store: ``figure_groups.stated``)."""
    converted = conversions(
        [
            FigureItem(
                key=index,
                article_key=m["article_id"],
                value=m["value"],
                value_high=m["value_high"],
                unit=m["unit"],
                qualifier=m["qualifier"],
                counted_key=None,
                kind=m.get("kind") or "",
                text=m.get("text") or "",
                start=m.get("start"),
                end=m.get("end"),
            )
            for index, m in enumerate(members)
        ]
    )
    status, compatible = figure_status(
        [
            Reading(m["article_id"], m["value"], m["value_high"], m["unit"], m["qualifier"], m.get("text"))
            for index, m in enumerate(members)
            if index not in converted
        ]
    )
    return {"status_in_view": status, "compatible_in_view": compatible}


def comparison_id(event_slug: str, content_hashes: list[str], view: dict[str, str]) -> str:
    # The event is part of the key: the same texts filed under two events are two comparisons.
    material = json.dumps({"event": event_slug, "articles": content_hashes, "view": view}, sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def freeze(
    session: Session, event: Event, article_ids: list[int], view: dict[str, str]
) -> tuple[Comparison, bool]:
    """Store the comparison once; return it and whether it was new."""
    data = comparison_data(session, event, article_ids)
    hashes = [a["content_hash"] for a in data["articles"]]
    view = {str(k)[:40]: str(v)[:200] for k, v in sorted(view.items())[:10]}
    key = comparison_id(event.slug, hashes, view)
    existing = session.get(Comparison, key)
    if existing is not None:
        return existing, False
    data["id"] = key
    data["view"] = view
    data["frozen_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    data["panels"] = frozen_panels(data)
    comparison = Comparison(id=key, event_id=event.id or 0, article_ids=article_ids, view=view, snapshot=data)
    session.add(comparison)
    try:
        session.commit()
    except IntegrityError:
        # Two clients froze the same comparison at once: the other one's row is the same thing.
        session.rollback()
        existing = session.get(Comparison, key)
        if existing is None:
            raise
        return existing, False
    return comparison, True


def frozen_panels(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every statement's variants panel (word diffs included), computed once when the comparison is frozen,
    so the permalink shows the same diff forever, whatever later happens to the diff engine."""
    return {
        str(s["id"]): views.variants_panel(data, s["id"]).model_dump(mode="json", exclude_unset=True)
        for s in data["statements"]
    }


def get(session: Session, key: str) -> Comparison:
    comparison = session.get(Comparison, key[:32])
    if comparison is None:
        raise NotFound(f"There is no comparison '{key[:32]}'.")
    return comparison
