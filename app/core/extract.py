"""One entry point for everything extracted from an article body: quotes with speakers, and figures."""

from __future__ import annotations

from app.core.figures import extract_figures
from app.core.quotes import extract_quotes
from app.core.records import Extraction


def extract_article(body: str) -> Extraction:
    return Extraction(quotes=tuple(extract_quotes(body)), figures=tuple(extract_figures(body)))
