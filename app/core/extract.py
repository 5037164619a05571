"""One entry point for everything extracted from an article body: quotes with speakers, and figures.

Page furniture (captions, credits, bylines, datelines, headings, share boxes, related links;
`app/core/furniture.py`) is found once here, and nothing inside it is offered as a quote or a figure.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.figures import extract_figures
from app.core.furniture import FurnitureSpan, furniture_spans, in_furniture
from app.core.quotes import extract_quotes
from app.core.records import Extraction


def extract_article(body: str, *, max_quotes: int | None = None, quotes: bool = True) -> Extraction:
    """Quotes and figures of one article body, none from page furniture (``max_quotes``: see extract_quotes).

    ``quotes=False`` reads the figures alone (a source document stores no quotes, and attributing every
    quotation of a long transcript only to throw the speakers away cost minutes)."""
    furniture = furniture_spans(body)
    # Quotes are read from the body with its furniture blanked out (same length, so offsets hold): a
    # caption's or headline's name is then never a speaker, an antecedent of "she", or an attribution.
    found = tuple(
        quote
        for quote in (extract_quotes(_blank(body, furniture), max_quotes=max_quotes) if quotes else ())
        if not in_furniture(furniture, quote.start, quote.end)
    )
    # Headlines, standfirsts and summary bullets too: what they count the article's text says again, and the
    # corpus gold counts their numbers as furniture (CNN's "Story highlights", a tabloid's top bullets).
    figures = tuple(
        figure
        for figure in extract_figures(body, furniture)
        if not in_furniture(furniture, figure.start, figure.end)
    )
    return Extraction(quotes=found, figures=figures)


def _blank(body: str, spans: Sequence[FurnitureSpan]) -> str:
    """``body`` with every furniture span's characters turned to spaces, line breaks kept."""
    if not spans:
        return body
    pieces: list[str] = []
    cursor = 0
    for span in spans:
        pieces.append(body[cursor : span.start])
        pieces.append("".join("\n" if ch == "\n" else " " for ch in body[span.start : span.end]))
        cursor = span.end
    pieces.append(body[cursor:])
    return "".join(pieces)
