"""The compare page's read model: the compared articles with their quotes, statements and figure groups (live,
or a permalink's frozen snapshot), and the variants panel of one statement among them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from app.services import fidelity
from app.services.errors import NotFound
from app.services.views.common import article_labels, attributions, consensus
from app.services.views.records import (
    ArticleDetail,
    Attribution,
    FigureGroupRecord,
    Record,
    StatementRecord,
    Variant,
)
from app.services.views.statement import variants


class EventRef(Record):
    slug: str
    title: str


class CompareFigureGroup(FigureGroupRecord):
    # The status among the compared articles only (None in snapshots frozen before it was kept).
    status_in_view: Literal["agree", "conflict", "single"] | None = None
    compatible_in_view: bool = False


class VariantsPanel(Record):
    id: int
    speaker: str
    speakers: list[Attribution] = Field(default_factory=list)
    source: dict[str, Any] | None = None  # the source's wording and each printing's status
    variants: list[Variant]
    missing: list[str] = Field(default_factory=list)  # the columns that did not quote it


class ComparisonData(Record):
    """Everything the compare page shows for the chosen articles, in column order: the JSON twin of the live
    page (`/api/events/{slug}/compare`) and the body of a permalink's snapshot."""

    version: int = 1
    event: EventRef
    article_ids: list[int]
    articles: list[ArticleDetail]
    statements: list[StatementRecord]
    figure_groups: list[CompareFigureGroup]
    sources: dict[str, dict[str, Any]] = Field(
        default_factory=dict
    )  # statement id -> the source's wording (empty without a source)


class FrozenComparison(ComparisonData):
    """A permalink's snapshot: the comparison as it was when frozen, with every panel precomputed."""

    id: str
    view: dict[str, str] = Field(default_factory=dict)
    frozen_at: str
    panels: dict[str, VariantsPanel] = Field(default_factory=dict)


class CompareView(BaseModel):
    """The compare and permalink pages' data: the comparison, its column labels and the open panel."""

    comparison: FrozenComparison | ComparisonData
    labels: dict[int, str]  # article id -> column name
    conflicts: int  # figure groups whose values differ among the compared articles
    open_statement: int | None = None
    panel: VariantsPanel | None = None


def compare_view(data: dict[str, Any], open_statement: int | None = None) -> CompareView:
    """The compare page from comparison data: live (`comparisons.comparison_data`) or a frozen snapshot, whose
    panels were computed when it was frozen, so a permalink shows the same diff forever."""
    comparison: ComparisonData = (
        FrozenComparison.model_validate(data) if "frozen_at" in data else ComparisonData.model_validate(data)
    )
    panel = None
    if open_statement is not None:
        frozen = data.get("panels", {}).get(str(open_statement))
        panel = VariantsPanel.model_validate(frozen) if frozen else variants_panel(data, open_statement)
    return CompareView(
        comparison=comparison,
        labels=article_labels(data["articles"]),
        conflicts=sum((g.status_in_view or g.status) == "conflict" for g in comparison.figure_groups),
        open_statement=open_statement,
        panel=panel,
    )


def variants_panel(data: dict[str, Any], statement_id: int) -> VariantsPanel:
    """One statement's versions in a comparison, diffed against the most common wording among them (ties: the
    leftmost column's).

    Reads only `data` (live comparison data or a permalink's snapshot), so a frozen page shows the same
    panel forever.
    """
    statement = next((s for s in data["statements"] if s["id"] == statement_id), None)
    if statement is None:
        raise NotFound(f"Statement {statement_id} is not quoted in any of the compared articles.")
    column = {article_id: i for i, article_id in enumerate(data["article_ids"])}
    labels = article_labels(data["articles"])
    members = sorted(statement["members"], key=lambda m: (column.get(m["article_id"], 99), m["start"]))
    ordered = {**statement, "members": members}
    bodies = {a["id"]: a["body"] for a in data["articles"]}
    carried = {m["article_id"] for m in members}
    missing = [
        labels[a["id"]] for a in data["articles"] if a["id"] not in carried and a.get("role") != "source"
    ]
    # With a source, its wording is the base (older snapshots have no "sources").
    source = (data.get("sources") or {}).get(str(statement_id))
    base = (
        fidelity.source_member(source) if source and source.get("text") is not None else consensus(members)[0]
    )
    return VariantsPanel.model_validate(
        {
            "id": statement_id,
            "speaker": statement["speaker"],
            "speakers": attributions(members),
            "source": source,
            "variants": [
                {**v, "label": labels.get(v["article_id"], v["outlet"])}
                for v in fidelity.mark_variants(variants(ordered, base, bodies), source)
            ],
            "missing": missing,
        }
    )
