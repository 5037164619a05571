"""The coverage matrix: statements as rows, outlets as columns, who carried which quoted sentence and
in which wording; and its CSV."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from app.services import queries
from app.services.errors import BadInput
from app.services.views.common import attributions, page_of, wording_key

MATRIX_PAGE_SIZE = 50
MATRIX_CELLS_PER_PAGE = 3000
SORTS = ("outlets", "speaker")
SHOWS = (
    "changed",
    "left_out",
)  # matrix rows with other wordings; rows someone (or the chosen outlet) left out


def coverage_matrix(
    statements: list[dict[str, Any]],
    outlets: list[str],
    *,
    sort: str = "outlets",
    page: int = 1,
    page_size: int = MATRIX_PAGE_SIZE,
    speaker: str | None = None,
    outlet: str | None = None,
    show: str | None = None,
) -> dict[str, Any]:
    """Statements as rows and outlets as columns, one page of rows.

    Each cell says whether the outlet carried the sentence with the row's most common wording (`same`),
    with other words (`variant`), or not at all (`absent`). Filters: one `speaker`; one `outlet` (rows it
    carried, or with `show="left_out"` rows it left out); `show="changed"` rows printed in more than one
    wording; `show="left_out"` rows at least one outlet left out.
    """
    if outlet is not None and outlet not in outlets:
        raise BadInput(f"'outlet' must be an outlet of this event, not '{outlet[:60]}'.")
    speakers = sorted({s["speaker"] for s in statements}, key=lambda n: (n == queries.UNKNOWN_SPEAKER, n))
    if speaker is not None:
        statements = [s for s in statements if s["speaker"] == speaker]
    if outlet is not None:
        keep_absent = show == "left_out"
        statements = [s for s in statements if (outlet in s["outlets"]) != keep_absent]
    elif show == "left_out":
        statements = [s for s in statements if len(s["outlets"]) < len(outlets)]
    if show == "changed":
        statements = [s for s in statements if len({wording_key(m["text"]) for m in s["members"]}) > 1]
    if sort == "speaker":
        ordered = sorted(
            statements, key=lambda s: (s["speaker"] == queries.UNKNOWN_SPEAKER, s["speaker"], s["id"])
        )
    else:
        ordered = sorted(statements, key=lambda s: (-len(s["outlets"]), s["id"]))
    rows_on_page, paging = page_of(ordered, page, page_size)
    return {
        "outlets": outlets,
        "rows": [matrix_row(statement, outlets) for statement in rows_on_page],
        "sort": sort,
        "filters": {"speaker": speaker, "outlet": outlet, "_show": show},
        "speakers": speakers,
        **paging,
    }


def matrix_row(statement: dict[str, Any], outlets: list[str]) -> dict[str, Any]:
    members = statement["members"]
    keys = [wording_key(m["text"]) for m in members]
    # The most common wording is the reference; ties go to the earliest article (members are in article order).
    reference_key = Counter(keys).most_common(1)[0][0] if keys else ()
    reference = next((m["text"] for m, k in zip(members, keys, strict=True) if k == reference_key), "")
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for member, key in zip(members, keys, strict=True):
        by_outlet[member["outlet"]].append({**member, "same": key == reference_key})
    cells = []
    for outlet in outlets:
        carried = by_outlet.get(outlet, [])
        if not carried:
            state = "absent"
        elif all(m["same"] for m in carried):
            state = "same"
        else:
            state = "variant"
        cells.append(
            {
                "outlet": outlet,
                "state": state,
                "text": carried[0]["text"] if carried else "",
                "article_id": carried[0]["article_id"] if carried else None,
            }
        )
    return {
        "id": statement["id"],
        "speaker": statement["speaker"],
        "speakers": attributions(members),
        "text": reference,
        "carried": sum(c["state"] != "absent" for c in cells),
        "variants": sum(c["state"] == "variant" for c in cells),
        "cells": cells,
    }


def matrix_page_size(outlets: int) -> int:
    """Rows per matrix page: fewer rows when there are many outlet columns, so a page stays a few thousand cells."""
    return max(10, min(MATRIX_PAGE_SIZE, MATRIX_CELLS_PER_PAGE // max(1, outlets)))


def statements_csv(statements: list[dict[str, Any]], outlets: list[str]) -> list[list[object]]:
    header: list[object] = ["statement_id", "speaker", "outlet", "article_id", "state", "text"]
    out = [header]
    for statement in sorted(statements, key=lambda s: s["id"]):
        row = matrix_row(statement, outlets)
        members_by_outlet = defaultdict(list)
        for member in statement["members"]:
            members_by_outlet[member["outlet"]].append(member)
        for cell in row["cells"]:
            for member in members_by_outlet.get(cell["outlet"]) or [None]:
                out.append(
                    [
                        statement["id"],
                        statement["speaker"],
                        cell["outlet"],
                        member["article_id"] if member else "",
                        cell["state"],
                        member["text"] if member else "",
                    ]
                )
    return out
