"""HTML to article text: trafilatura finds the body and metadata and drops the page chrome.

Scripts, styles, event handlers and iframes never survive: only text comes out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import trafilatura


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None  # ISO date and time (offset when the page gave one) as trafilatura found it


def html_to_page_text(html: str) -> PageText:
    """Extract the article body (paragraphs separated by blank lines) and its metadata from HTML."""
    if "<html" not in html[:2000].lower():
        # trafilatura reads nothing from a fragment ("<p>...</p>") that does not look like a document.
        html = f"<html><body>{html}</body></html>"
    extracted = trafilatura.extract(
        html,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_recall=True,
        # The publication time and its offset, not only the day (htmldate's default output is the day).
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M:%S%z", "original_date": True},
    )
    if extracted:
        data = json.loads(extracted)
        text = data.get("raw_text") or data.get("text") or ""
        text = _paragraphs(data.get("text") or text)
        return PageText(
            text=text,
            title=data.get("title") or None,
            author=data.get("author") or None,
            date=data.get("date") or None,
        )
    # A fragment too small for trafilatura's article heuristics: keep its visible text.
    return PageText(text=_paragraphs(trafilatura.html2txt(html) or ""))


def _paragraphs(text: str) -> str:
    """trafilatura separates paragraphs with one newline; the stored body uses blank lines."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)
