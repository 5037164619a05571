"""The services' one call into the core's extraction, held to the per-article limits of the settings."""

from __future__ import annotations

from app.core.extract import extract_article
from app.core.records import Extraction
from app.settings import settings


def extract_body(body: str) -> Extraction:
    """Quotes and figures of an article body; past the limits, only the first ones in body order.

    No real article comes near the limits; text made of nothing but figures or quotes would otherwise store
    tens of thousands of rows under the event's write lock (every other write to it waiting meanwhile).
    """
    found = extract_article(body)
    return Extraction(
        quotes=found.quotes[: settings.max_quotes_per_article],
        figures=found.figures[: settings.max_figures_per_article],
    )
