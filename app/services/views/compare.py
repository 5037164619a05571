"""The compare page's read model: the variants panel of one statement among the compared articles."""

from __future__ import annotations

from typing import Any

from app.services import fidelity
from app.services.errors import NotFound
from app.services.views.common import article_labels, attributions, consensus
from app.services.views.statement import variants


def variants_panel(data: dict[str, Any], statement_id: int) -> dict[str, Any]:
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
    return {
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
