"""The records every read shares (an article, a quote, a statement, a figure group), as pydantic models, so
the OpenAPI page documents each read and the compare page reads typed data.

Each record allows extra fields: the services add fields over time (design.md: extend freely), and a
permalink's snapshot frozen by an older version must read back exactly as it was stored. Times are the ISO-8601
strings the snapshots hold, so a frozen comparison's JSON never changes its spelling of a time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class SourceCheck(Record):
    status: Literal["verbatim", "trimmed", "altered", "spliced", "not_found"]
    source_article_id: int | None = None
    source_start: int | None = None
    source_end: int | None = None


class QuoteRecord(Record):
    id: int
    article_id: int
    outlet: str
    text: str = Field(description="the quoted words without the quotation marks")
    speaker: str = "unknown"
    start: int
    end: int
    fragment: bool = False
    statement_ids: list[int] = []
    source_check: SourceCheck | None = None


class FigureRecord(Record):
    article_id: int
    outlet: str
    text: str = Field(description="the figure as written, with its unit word when it has one")
    value: float | None = None
    value_high: float | None = None
    qualifier: str | None = None
    kind: str = ""
    unit: str | None = None
    counted: str | None = None
    source: str | None = None
    start: int
    end: int


class NearCopyRecord(Record):
    article_id: int
    outlet: str
    title: str
    share: float = Field(description="the share of this article's words found, in order, in the other")


class ArticleSummary(Record):
    id: int
    outlet: str
    title: str
    url: str | None = None
    author: str | None = None
    published_at: str | None = Field(default=None, description="ISO-8601, UTC")
    content_hash: str = ""
    role: str = "report"
    word_count: int = 0
    outlet_country: str | None = None
    outlet_kind: str | None = None


class ArticleDetail(ArticleSummary):
    body: str
    quotes: list[QuoteRecord]
    figures: list[FigureRecord]
    near_copies: list[NearCopyRecord] = []


class Attribution(Record):
    """Who some outlets named as a statement's speaker."""

    speaker: str
    outlets: list[str]


class StatementMemberRecord(Record):
    article_id: int
    outlet: str
    quote_id: int | None = None
    text: str = Field(description="the quoted sentence as this outlet printed it")
    start: int
    end: int


class StatementRecord(Record):
    id: int
    speaker: str
    members: list[StatementMemberRecord]


class FigureGroupRecord(Record):
    id: int
    label: str
    status: Literal["agree", "conflict", "single"]
    compatible: bool = False
    members: list[FigureRecord]


class NearCopyPair(Record):
    article_id: int
    outlet: str
    other_id: int
    other_outlet: str
    share: float


class EventDetail(Record):
    slug: str
    title: str
    description: str
    articles: list[ArticleSummary]
    near_copies: list[NearCopyPair]


class CorrectionRecord(Record):
    id: int
    kind: str
    target: dict[str, Any]
    summary: str
    created_at: datetime


def as_json(records: list[Any]) -> list[dict[str, Any]]:
    """Records back to the plain dicts the core's helpers read (highlighting, diffing)."""
    return [r.model_dump() for r in records]


class SourceRef(Record):
    id: int
    outlet: str
    title: str


class OutletFidelity(Record):
    outlet: str
    quotes: int
    counts: dict[str, int]  # quotes per status against the source
    severe: int
    speaker_mismatch: int
    faithful_share: float | None  # verbatim or trimmed, of its quotes the source could hold (None: none)
    other_speakers: int = 0  # quotes not in the source by speakers the source never speaks as: not counted


class FidelityReport(Record):
    """How faithfully each outlet quoted the event's source (`fidelity.event_fidelity`)."""

    event: dict[str, str]
    sources: list[SourceRef]
    outlet: str | None
    statuses: list[str]
    outlets: list[OutletFidelity]
    quotes: list[dict[str, Any]]  # each checked quote with its source passage, the worst first
    provenance: list[dict[str, Any]]  # where each variant wording first appeared


class DiffRun(Record):
    op: str  # equal | variant | insert | delete
    text: str
    base_text: str = ""


class SpanContext(Record):
    """The words around a quoted sentence or figure in its paragraph."""

    before: str
    text: str
    after: str


class Variant(Record):
    """One printing of a statement, diffed against a base (the statement page and the compare panel)."""

    article_id: int
    outlet: str
    text: str
    start: int
    end: int
    label: str = ""  # the article's name ('Daily Ledger (2)' when one outlet has several articles)
    speaker: str | None = None  # who this outlet named
    is_base: bool = False
    is_source: bool = False  # the source's wording, standing as the base
    same: bool = False  # the base's wording
    departs: bool = False  # not the wording most printings use
    changes: int = 0
    runs: list[DiffRun] = []
    context: SpanContext | None = None
    source_status: str | None = None  # against the event's source, when it has one
    source_severe: bool = False
    source_label: str = ""
    published_at: datetime | None = None  # when its article was published (the statement page says it)
    first_printed: bool = False  # the earliest dated printing of the statement (the statement page marks it)
