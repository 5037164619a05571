"""One entry point for everything extracted from an article body: quotes with speakers, and figures.

Page furniture (captions, credits, bylines, datelines, headings, share boxes, related links;
`app/core/furniture.py`) is found once here, and nothing inside it is offered as a quote or a figure.
"""

from __future__ import annotations

from app.core.figures import extract_figures
from app.core.furniture import furniture_spans, in_furniture
from app.core.quotes import extract_quotes
from app.core.records import Extraction


def extract_article(body: str) -> Extraction:
    furniture = furniture_spans(body)
    quotes = tuple(
        quote for quote in extract_quotes(body) if not in_furniture(furniture, quote.start, quote.end)
    )
    # Headlines, standfirsts and summary bullets too: what they count the article's text says again, and the
    # corpus gold counts their numbers as furniture (CNN's "Story highlights", a tabloid's top bullets).
    figures = tuple(
        figure for figure in extract_figures(body) if not in_furniture(furniture, figure.start, figure.end)
    )
    return Extraction(quotes=quotes, figures=figures)
