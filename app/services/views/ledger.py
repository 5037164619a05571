"""The figure ledger: each figure group with every outlet's value, qualifier and sentence; and its CSV."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session, select

from app.core.figures.status import same_value
from app.models import (
    Article,
    Event,
)
from app.services.views.common import article_bodies, budget_page, majority, page_spans, sentence_around
from app.services.views.figure_values import display_unit, group_title, is_generic_title, value_text

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
    odd: bool  # differs from the value most outlets give (only when there is such a majority)
    context: SentenceContext  # the sentence the figure sits in


class LedgerGroup(BaseModel):
    id: int
    label: str  # the title a reader sees: the counted phrase, or the sort of quantity ("distance or length")
    generic: bool = False  # the outlets named nothing they counted: the label only says what sort of number
    status: str
    compatible: bool
    distinct_values: int
    majority: bool  # one value is given by more than half the members
    members: list[LedgerMember]


class Ledger(BaseModel):
    """The figure ledger page and its JSON twin (`?_format=json`), one page of groups."""

    groups: list[LedgerGroup]
    counts: dict[str, int]
    status: str | None
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
) -> Ledger:
    """Figure groups (conflicts first, as `figure_groups` comes) with each member's sentence, one page."""
    counts = Counter(g["status"] for g in figure_groups)
    chosen = [g for g in figure_groups if status is None or g["status"] == status]
    groups, paging = budget_page(chosen, page, page_size, LEDGER_MEMBERS_PER_PAGE)
    bodies = article_bodies(session, event, (m["article_id"] for g in groups for m in g["members"]))
    published = dict(
        session.exec(select(Article.id, Article.published_at).where(Article.event_id == event.id)).all()
    )
    shown = []
    for group in groups:
        values = {(m["value"], m["value_high"], m["unit"]) for m in group["members"]}
        # The value most outlets give; in a conflict the others are marked, so the odd one out stands out.
        # With no majority there is no odd one out, and no mark.
        usual = majority((m["value"], m["value_high"], m["unit"]) for m in group["members"])

        members = [
            LedgerMember(
                **{k: m.get(k) for k in LedgerMember.model_fields if k in m},
                odd=group["status"] == "conflict" and _departs_from(m, usual),
                value_text=value_text(m),
                unit_text=display_unit(m),
                context=SentenceContext(
                    **sentence_around(bodies.get(m["article_id"], ""), m["start"], m["end"])
                ),
                published_at=published.get(m["article_id"]),
            )
            for m in group["members"]
        ]
        shown.append(
            LedgerGroup(
                id=group["id"],
                label=group_title(group["label"], *_kind_unit(group["members"])),
                generic=is_generic_title(group["label"], _kind_unit(group["members"])[0]),
                status=group["status"],
                compatible=bool(group.get("compatible")),
                distinct_values=len(values),
                majority=usual is not None,
                members=members,
            )
        )
    return Ledger(groups=shown, counts={s: counts.get(s, 0) for s in STATUSES}, status=status, **paging)


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


def _departs_from(member: dict[str, Any], usual: tuple[Any, Any, Any] | None) -> bool:
    """Whether a member's value differs from the majority's, by the core's one notion of an equal value
    (a date with or without its year is one value). No majority: nobody departs."""
    if usual is None:
        return False
    common_value, common_high, common_unit = usual
    return not (
        member["unit"] == common_unit
        and same_value(member["value"], common_value, common_unit)
        and same_value(member["value_high"], common_high, common_unit)
    )


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
