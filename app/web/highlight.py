"""Cut an article body into paragraphs of pieces, each piece marked with the quote and figure it belongs to.

Templates render the pieces (escaped by Jinja); nothing here builds HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

PALETTE_SIZE = 10
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str  # "quote" | "figure"
    id: int
    group: int | None  # first statement id, or figure group id
    colour: int | None  # palette index shared by every member of one statement
    status: str | None = None  # figure group status
    label: str = ""
    source: str | None = None  # a quote's status against the event's source (None without a source)


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    quote: Mark | None
    figure: Mark | None


def statement_colours(statement_ids: Sequence[int]) -> dict[int, int]:
    """Palette index per statement, in the order given, so a view's first statements differ in colour."""
    return {sid: i % PALETTE_SIZE for i, sid in enumerate(dict.fromkeys(statement_ids))}


def highlight(
    body: str,
    quotes: Sequence[dict[str, Any]],
    figures: Sequence[dict[str, Any]],
    *,
    colours: dict[int, int] | None = None,
    figure_status: dict[int, str] | None = None,
) -> list[list[Piece]]:
    colours = colours or {}
    figure_status = figure_status or {}
    # Boundaries where the active quote or figure changes.
    quote_at: list[tuple[int, int, Mark]] = []
    for q in quotes:
        statement = q["statement_ids"][0] if q.get("statement_ids") else None
        mark = Mark(
            "quote",
            q["id"],
            statement,
            colours.get(statement) if statement is not None else None,
            label=f"{q.get('speaker') or 'unknown'}",
            source=(q.get("source_check") or {}).get("status"),
        )
        for start, end in q.get("parts") or [[q["start"], q["end"]]]:
            quote_at.append((start, end, mark))
    figure_at: list[tuple[int, int, Mark]] = []
    for f in figures:
        if f.get("chrome"):
            continue
        group = f.get("group_id")
        figure_at.append(
            (
                f["start"],
                f["end"],
                Mark("figure", f["id"], group, None, figure_status.get(group or -1), f.get("counted") or ""),
            )
        )
    cuts = {0, len(body)}
    for start, end, _ in quote_at + figure_at:
        cuts.update((max(0, min(start, len(body))), max(0, min(end, len(body)))))
    for match in _PARAGRAPH_BREAK.finditer(body):
        cuts.update((match.start(), match.end()))
    points = sorted(cuts)

    def active(spans: list[tuple[int, int, Mark]], pos: int) -> Mark | None:
        for start, end, mark in spans:
            if start <= pos < end:
                return mark
        return None

    paragraphs: list[list[Piece]] = [[]]
    breaks = {(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(body)}
    break_starts = {start: end for start, end in breaks}
    skip_until = -1
    for start, end in pairwise(points):
        if start < skip_until:
            continue
        if start in break_starts:
            skip_until = break_starts[start]
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(Piece(body[start:end], active(quote_at, start), active(figure_at, start)))
    return [p for p in paragraphs if p]
