"""One entry point for everything extracted from an article body: quotes with speakers, and figures.

Page furniture (captions, credits, bylines, datelines, share boxes, related links; `app/core/furniture.py`) is
found once here, and nothing inside it is offered as a quote or a figure.
"""

from __future__ import annotations

from app.core.figures import extract_figures
from app.core.furniture import furniture_spans, in_furniture
from app.core.quotes import extract_quotes
from app.core.records import Extraction

# Headlines, standfirsts and sub-headings are the outlet's own words: their numbers are claims the outlet
# makes (and repeats in the body), so figures in them stay; every other kind of furniture (a caption's date
# stamp, a masthead's year, "3 min read", a related story's toll) gives no figure.
_FIGURES_KEPT_IN = frozenset({"heading"})


def extract_article(body: str) -> Extraction:
    furniture = furniture_spans(body)
    quotes = tuple(
        quote for quote in extract_quotes(body) if not in_furniture(furniture, quote.start, quote.end)
    )
    no_figures = [span for span in furniture if span.kind not in _FIGURES_KEPT_IN]
    figures = tuple(
        figure for figure in extract_figures(body) if not in_furniture(no_figures, figure.start, figure.end)
    )
    return Extraction(quotes=quotes, figures=figures)
