"""Cut an article body into paragraphs of pieces, each piece marked with the quote, quoted sentence and figure
it belongs to.

One sweep over the sorted span boundaries: cost grows with n log n in the number of quotes and figures, never
with their product (an article of 10,000 short quotes once took 10 s when every piece scanned every span).
Templates render the pieces (escaped by Jinja); nothing here builds HTML.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

PALETTE_SIZE = 10
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str  # "quote" | "sentence" | "figure"
    id: int
    group: int | None  # statement id, or figure group id
    colour: int | None  # palette index shared by every member of one statement
    status: str | None = None  # figure group status
    label: str = ""
    number: int | None = None  # the statement's number in the view, shown when colours repeat
    source: str | None = None  # a quote's status against the event's source (None without a source)


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    quote: Mark | None
    figure: Mark | None
    sentence: Mark | None = None  # the quoted sentence (and its statement) this piece is part of
    opens_sentence: bool = False  # the first piece of its sentence: where a number badge goes

    @property
    def statement(self) -> Mark | None:
        """What the piece links to: its own sentence's statement (never a neighbouring sentence's)."""
        return self.sentence if self.sentence is not None and self.quote is not None else None


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """One quoted sentence of an article and the statement it belongs to."""

    start: int
    end: int
    statement_id: int


def statement_colours(statement_ids: Sequence[int]) -> dict[int, int]:
    """Palette index per statement, in the order given, so a view's first statements differ in colour."""
    return {sid: i % PALETTE_SIZE for i, sid in enumerate(dict.fromkeys(statement_ids))}


def statement_numbers(statement_ids: Sequence[int]) -> dict[int, int]:
    """1-based number per statement, in the order given: with more statements than colours, the number keeps
    two statements of one colour apart."""
    return {sid: i + 1 for i, sid in enumerate(dict.fromkeys(statement_ids))}


class _ActiveSpans:
    """The spans covering a moving position, earliest-listed first (a heap with lazy removal)."""

    def __init__(self, spans: list[tuple[int, int, Mark]]) -> None:
        # (start, list order) keeps the earlier-listed span in front when two overlap, as before.
        self._pending = sorted(((s, i, e, m) for i, (s, e, m) in enumerate(spans)), reverse=True)
        self._active: list[tuple[int, int, Mark]] = []  # (list order, end, mark)

    def at(self, pos: int) -> Mark | None:
        while self._pending and self._pending[-1][0] <= pos:
            _start, order, end, mark = self._pending.pop()
            heapq.heappush(self._active, (order, end, mark))
        while self._active and self._active[0][1] <= pos:
            heapq.heappop(self._active)
        # A span ending before `pos` but behind the front is dropped when it reaches the front.
        return self._active[0][2] if self._active else None


def highlight(
    body: str,
    quotes: Sequence[dict[str, Any]],
    figures: Sequence[dict[str, Any]],
    *,
    sentences: Iterable[SentenceSpan] = (),
    colours: dict[int, int] | None = None,
    numbers: dict[int, int] | None = None,
    figure_status: dict[int, str] | None = None,
) -> list[list[Piece]]:
    """Paragraphs of pieces. Each quoted sentence is coloured and linked by its own statement (`sentences`);
    a quote with no sentence spans given falls back to its first statement for every sentence."""
    colours = colours or {}
    numbers = numbers or {}
    figure_status = figure_status or {}
    size = len(body)

    def clamp(value: int) -> int:
        return max(0, min(value, size))

    def statement_mark(statement_id: int, label: str, item_id: int) -> Mark:
        return Mark(
            "sentence",
            item_id,
            statement_id,
            colours.get(statement_id),
            label=label,
            number=numbers.get(statement_id),
        )

    sentence_list = list(sentences)
    quote_spans: list[tuple[int, int, Mark]] = []
    sentence_spans: list[tuple[int, int, Mark]] = []
    for q in quotes:
        label = f"{q.get('speaker') or 'unknown'}"
        statement = q["statement_ids"][0] if q.get("statement_ids") else None
        mark = Mark(
            "quote",
            q["id"],
            statement,
            colours.get(statement) if statement is not None else None,
            label=label,
            source=(q.get("source_check") or {}).get("status"),
        )
        parts = q.get("parts") or [[q["start"], q["end"]]]
        for start, end in parts:
            quote_spans.append((clamp(start), clamp(end), mark))
        if statement is not None and not sentence_list:
            # No sentence spans known (an old snapshot): the quote's first statement stands for all of it.
            sentence_spans.append(
                (clamp(q["start"]), clamp(q["end"]), statement_mark(statement, label, q["id"]))
            )
    for n, span in enumerate(sorted(sentence_list, key=lambda s: (s.start, s.end))):
        sentence_spans.append((clamp(span.start), clamp(span.end), statement_mark(span.statement_id, "", n)))
    figure_spans: list[tuple[int, int, Mark]] = []
    for f in figures:
        if f.get("chrome"):
            continue
        group = f.get("group_id")
        mark = Mark("figure", f["id"], group, None, figure_status.get(group or -1), f.get("counted") or "")
        figure_spans.append((clamp(f["start"]), clamp(f["end"]), mark))

    breaks = {m.start(): m.end() for m in _PARAGRAPH_BREAK.finditer(body)}
    cuts = {0, size}
    for start, end, _ in (*quote_spans, *sentence_spans, *figure_spans):
        cuts.update((start, end))
    for start, end in breaks.items():
        cuts.update((start, end))
    points = sorted(cuts)

    active_quote = _ActiveSpans(quote_spans)
    active_sentence = _ActiveSpans(sentence_spans)
    active_figure = _ActiveSpans(figure_spans)
    paragraphs: list[list[Piece]] = [[]]
    skip_until = -1
    previous_span: Mark | None = None
    for start, end in pairwise(points):
        if start < skip_until:
            continue
        if start in breaks:
            skip_until = breaks[start]
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        quote = active_quote.at(start)
        span = active_sentence.at(start)
        sentence = None
        opens = False
        if span is not None and quote is not None:
            # The piece carries its quote's id and speaker, and its own sentence's statement.
            sentence = Mark(
                "sentence", quote.id, span.group, span.colour, label=quote.label, number=span.number
            )
            opens = span is not previous_span
            previous_span = span
        paragraphs[-1].append(Piece(body[start:end], quote, active_figure.at(start), sentence, opens))
    return [p for p in paragraphs if p]
