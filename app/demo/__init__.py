"""The demo event shipped with Parallax: five fictional outlets covering one fictional port disaster.

The articles live as front-matter Markdown files inside this package so that `parallax demo` and the
folder import can load them without touching the network or the working directory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib import resources

# One front-matter parser for the demo, the folder import and uploads; re-exported here for the demo's callers.
from app.core.frontmatter import parse_front_matter

EVENT_TITLE = "Grain terminal explosion in Drenna"
EVENT_DESCRIPTION = (
    "A fictional demo event: an explosion at a grain terminal in the port of Drenna, Velmora, on March 12, "
    "as reported by a wire agency, a British paper, an American paper, a regional paper that republished "
    "the wire copy, and a broadcaster's website. Every outlet, person and place is invented."
)

# A second, smaller demo event with a source: the transcript of a press conference and four reports whose
# quotes are verbatim, trimmed, altered, spliced or invented (see the README's "Checking quotes against
# the source").
SOURCE_EVENT_TITLE = "Kessel Dam repairs in Brenmouth"
SOURCE_EVENT_DESCRIPTION = (
    "A fictional demo event with a source: the council's transcript of a press conference about cracks in "
    "a dam, and four outlets' reports of it. Every outlet, person and place is invented."
)
SOURCE_EVENT_FOLDER = "briefing"

__all__ = [
    "EVENT_DESCRIPTION",
    "EVENT_TITLE",
    "SOURCE_EVENT_DESCRIPTION",
    "SOURCE_EVENT_FOLDER",
    "SOURCE_EVENT_TITLE",
    "DemoArticle",
    "demo_article_files",
    "demo_articles",
    "parse_front_matter",
]

# The fields every demo article must carry; the folder import accepts files with fewer.
REQUIRED_FIELDS = ("outlet", "domain", "title", "url", "author", "published_at")


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One demo article: its metadata and its plain-text body (paragraphs separated by blank lines)."""

    outlet: str
    domain: str
    title: str
    url: str
    author: str
    published_at: datetime
    text: str
    role: str = "report"  # front matter `role: source` marks the original the reports quote


def _article_from_file(name: str, raw: str) -> DemoArticle:
    meta, body = parse_front_matter(raw)
    missing = [field for field in REQUIRED_FIELDS if not meta.get(field)]
    if missing:
        raise ValueError(f"demo article {name} lacks front-matter fields: {', '.join(missing)}")
    return DemoArticle(
        outlet=meta["outlet"],
        domain=meta["domain"],
        title=meta["title"],
        url=meta["url"],
        author=meta["author"],
        published_at=datetime.fromisoformat(meta["published_at"]),
        text=body,
        role=meta.get("role") or "report",
    )


def demo_article_files(folder_name: str = "articles") -> list[tuple[str, str]]:
    """Return ``(file name, raw file text)`` for every demo article, in file-name order."""
    folder = resources.files(__package__).joinpath(folder_name)
    entries = [entry for entry in folder.iterdir() if entry.name.endswith(".md")]
    return [
        (entry.name, entry.read_text(encoding="utf-8")) for entry in sorted(entries, key=lambda e: e.name)
    ]


def demo_articles(folder_name: str = "articles") -> list[DemoArticle]:
    """Load the demo articles in file-name order (the wire story first; the source first in "briefing")."""
    return [_article_from_file(name, raw) for name, raw in demo_article_files(folder_name)]
