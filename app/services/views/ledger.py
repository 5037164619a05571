"""The figure ledger: each figure group with every outlet's value, qualifier and sentence; and its CSV."""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, select

from app.core.figures.status import Reading, intersection
from app.models import (
    Article,
    Event,
)
from app.services.views.common import article_bodies, budget_page, page_spans, sentence_around, source_key
from app.services.views.figure_values import (
    cluster_value,
    display_unit,
    group_title,
    is_converted,
    is_generic_title,
    majority_cluster,
    value_clusters,
    value_text,
)

LEDGER_PAGE_SIZE = 25
LEDGER_MEMBERS_PER_PAGE = 400
STATUSES = ("conflict", "agree", "single")


class SentenceContext(BaseModel):
    before: str
    text: str
    after: str


class LedgerMember(BaseModel):
    """One outlet's printing of a figure, as the ledger shows it."""

    id: int
    article_id: int
    outlet: str
    text: str
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    counted: str | None
    source: str | None
    kind: str
    start: int
    end: int
    published_at: datetime | None
    value_text: str  # the normalised value in its unit ('72 h', '£12,000,000')
    unit_text: str = ""  # the unit value_text prints ('km' for a length stored in mm)
    converted: bool = False  # printed in another unit ("1,680 miles"): value_text is its conversion
    odd: bool  # differs from the value most outlets give (only when there is such a majority)
    context: SentenceContext  # the sentence the figure sits in


class ValueSummary(BaseModel):
    """One of a conflict's values and who gives it: the outlets, the sources they cite, when they printed it.
    A fact-checker reads why values differ from this (another source, a later report, a conversion)."""

    text: str  # the value as the ledger shows it ('2,700 km')
    printed: list[str]  # the ways it was printed ('2,700 km', '1,680 miles'), each once
    outlets: list[str]
    mentions: int
    sources: list[str]  # the sources cited for it, each once
    unsourced: int  # mentions that cite no one
    first: datetime | None  # the earliest and latest publication time of its articles
    last: datetime | None
    undated: int  # mentions in articles with no publication time


class LedgerGroup(BaseModel):
    id: int
    label: str  # the title a reader sees: the counted phrase, or the sort of quantity ("distance or length")
    generic: bool = False  # the outlets named nothing they counted: the label only says what sort of number
    status: str
    compatible: bool
    distinct_values: int
    majority: bool  # one value is given by more than half the members
    members: list[LedgerMember]
    values: list[ValueSummary] = []  # a conflict's values, most given first
    reasons: list[str] = []  # why a conflict's values may differ, read from the values alone
    # A compatible conflict: the values every outlet's figure allows, with its qualifier ("1,524 or more").
    compatible_range: str = ""


class Ledger(BaseModel):
    """The figure ledger page and its JSON twin (`?_format=json`), one page of groups."""

    groups: list[LedgerGroup]
    counts: dict[str, int]
    status: str | None
    group: int | None = None  # the one group shown (`?_group=`: a figure's link from an article's text)
    page: int
    pages: int
    total: int
    first: int


def ledger(
    session: Session,
    event: Event,
    figure_groups: list[dict[str, Any]],
    *,
    status: str | None = None,
    page: int = 1,
    page_size: int = LEDGER_PAGE_SIZE,
    only: int | None = None,
) -> Ledger:
    """Figure groups (conflicts first, as `figure_groups` comes) with each member's sentence, one page;
    `only`: the group of that id alone (the counts stay the event's)."""
    counts = Counter(g["status"] for g in figure_groups)
    if only is not None:
        status, page = None, 1
    chosen = [
        g
        for g in figure_groups
        if (status is None or g["status"] == status) and (only is None or g["id"] == only)
    ]
    groups, paging = budget_page(chosen, page, page_size, LEDGER_MEMBERS_PER_PAGE)
    bodies = article_bodies(session, event, (m["article_id"] for g in groups for m in g["members"]))
    published = dict(
        session.exec(select(Article.id, Article.published_at).where(Article.event_id == event.id)).all()
    )
    shown = []
    for group in groups:
        raw = group["members"]
        # One value printed in two units ("2,700 km (1,680 miles)") is one value here: the count of
        # different values, the majority and the odd-one-out mark follow what a reader sees.
        clusters = value_clusters(raw)
        usual = set(majority_cluster(clusters) or ())
        when = [published.get(m["article_id"]) for m in raw]
        members = [
            LedgerMember(
                **{k: m.get(k) for k in LedgerMember.model_fields if k in m},
                odd=group["status"] == "conflict"
                and bool(usual)
                and m["value"] is not None
                and i not in usual,
                value_text=value_text(m),
                unit_text=display_unit(m),
                converted=is_converted(m),
                context=SentenceContext(
                    **sentence_around(bodies.get(m["article_id"], ""), m["start"], m["end"])
                ),
                published_at=when[i],
            )
            for i, m in enumerate(raw)
        ]
        conflict = group["status"] == "conflict"
        summaries = [_value_summary(raw, cluster, when) for cluster in clusters] if conflict else []
        shown.append(
            LedgerGroup(
                id=group["id"],
                label=group_title(group["label"], *_kind_unit(raw)),
                generic=is_generic_title(group["label"], _kind_unit(raw)[0]),
                status=group["status"],
                compatible=bool(group.get("compatible")),
                distinct_values=len(clusters),
                majority=bool(usual),
                members=members,
                values=summaries,
                reasons=_reasons(raw, summaries) if conflict else [],
                compatible_range=_compatible_range(raw) if conflict and group.get("compatible") else "",
            )
        )
    return Ledger(
        groups=shown, counts={s: counts.get(s, 0) for s in STATUSES}, status=status, group=only, **paging
    )


def _value_summary(
    members: list[dict[str, Any]], cluster: list[int], when: list[datetime | None]
) -> ValueSummary:
    chosen = [members[i] for i in cluster]
    dated = [when[i] for i in cluster if when[i] is not None]
    sources: dict[str, str] = {}
    for m in chosen:
        if m.get("source"):
            sources.setdefault(source_key(m["source"]), m["source"])
    return ValueSummary(
        text=value_text(cluster_value(members, cluster)),
        printed=list(dict.fromkeys(m["text"] for m in chosen)),
        outlets=list(dict.fromkeys(m["outlet"] for m in chosen)),
        mentions=len(chosen),
        sources=list(sources.values()),
        unsourced=sum(1 for m in chosen if not m.get("source")),
        first=min(dated, default=None),
        last=max(dated, default=None),
        undated=len(cluster) - len(dated),
    )


def _compatible_range(members: list[dict[str, Any]]) -> str:
    """The values that make every member true, in the ledger's units ("1,524 or more", "2,698–2,700 km");
    empty when they allow none or nothing bounds them."""
    readings = [
        Reading(
            m["article_id"], m["value"], m.get("value_high"), m.get("unit"), m.get("qualifier"), m.get("text")
        )
        for m in members
        if m.get("value") is not None
    ]
    allowed = intersection(readings)
    if allowed is None or not readings:
        return ""
    low, high = allowed
    shape = {"unit": members[0].get("unit"), "kind": members[0].get("kind")}
    if math.isinf(high) and math.isinf(low):
        return ""
    if math.isinf(high):
        return value_text({**shape, "value": low, "value_high": None}) + " or more"
    if math.isinf(low) or low <= 0:
        return "up to " + value_text({**shape, "value": high, "value_high": None})
    single = value_text({**shape, "value": low, "value_high": None})
    if single == value_text({**shape, "value": high, "value_high": None}):
        return single  # one value at the ledger's precision ("548 km", not "548–548 km")
    return value_text({**shape, "value": low, "value_high": high})


def _reasons(members: list[dict[str, Any]], values: list[ValueSummary]) -> list[str]:
    """Why a conflict's values may differ, each reason a sentence, only when the data shows it: different
    sources, a value first printed later than another, conversions, a figure given for a particular time."""
    reasons = []
    sources = {source_key(source) for v in values for source in v.sources}
    if len(sources) > 1:
        reasons.append("The outlets cite different sources, who may have counted or measured differently.")
    firsts = {v.first for v in values if v.first is not None}
    if len(firsts) > 1:
        reasons.append(
            "Some values were first printed later than others: a later report may update an earlier one."
        )
    converted = sum(1 for m in members if is_converted(m))
    if converted:
        mentions = "1 mention is" if converted == 1 else f"{converted} mentions are"
        reasons.append(
            f"{mentions} printed in another unit and shown converted; each is counted with the value it rounds to."
        )
    moments = list(dict.fromkeys(m["time_ref"] for m in members if m.get("time_ref")))
    if moments:
        reasons.append(
            "Some sentences give the figure for a particular time: "
            + ", ".join(f"“{t}”" for t in moments[:3])
            + "."
        )
    return reasons


def conflict_pages(conflicts: list[dict[str, Any]]) -> dict[int, int]:
    """The page of the ledger's conflict filter each conflicting group is on, so a chart can link to its
    rows: the filter lists them as the ledger orders them (most members first, then by id)."""
    ordered = sorted(conflicts, key=lambda g: (-len(g["members"]), g["id"]))
    spans = page_spans(ordered, LEDGER_PAGE_SIZE, LEDGER_MEMBERS_PER_PAGE)
    return {
        ordered[i]["id"]: number for number, (start, end) in enumerate(spans, 1) for i in range(start, end)
    }


def _kind_unit(members: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    first = members[0] if members else {}
    return first.get("kind"), first.get("unit")


def figures_csv(figure_groups: list[dict[str, Any]]) -> list[list[object]]:
    header: list[object] = [
        "group_id",
        "label",
        "status",
        "outlet",
        "article_id",
        "text",
        "value",
        "value_high",
        "unit",
        "qualifier",
        "source",
    ]
    out = [header]
    for group in figure_groups:
        for m in group["members"]:
            out.append(
                [
                    group["id"],
                    group["label"],
                    group["status"],
                    m["outlet"],
                    m["article_id"],
                    m["text"],
                    m["value"],
                    m["value_high"],
                    m["unit"] or "",
                    m["qualifier"] or "",
                    m["source"] or "",
                ]
            )
    return out
