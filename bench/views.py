"""Dashboard benchmark: a 300-article event, then the overview, compare page and figure ledger timed.

The event is built through `app.services.ingest` on a temporary SQLite database from re-edited copies of
the demo articles (each copy under its own outlet name: paragraphs dropped, sentences re-worded, figures
nudged), so statements, figure conflicts and near-copies grow the way a real wire story's do. Each page is
requested through the ASGI app (TestClient, no network) and the median of 5 runs is printed in ms.

Run from the repository root: ``python -m bench.views [--articles 300] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import engine_for
from app.demo import EVENT_TITLE, demo_articles
from app.main import create_app
from app.migrate import upgrade_database
from app.services import events, ingest
from app.web.highlight import SentenceSpan, highlight

TARGET_MS = 200.0
SWAPS = [
    ("said", "told reporters"),
    ("killed", "dead"),
    ("fire", "blaze"),
    ("neighbouring", "nearby"),
    ("We will", "We shall"),
    ("every", "each"),
]


def re_edit(rng: random.Random, text: str, copy: int) -> str:
    """One outlet's re-edit of a demo article: some paragraphs dropped, a few words swapped, a figure nudged."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    kept = [paragraphs[0]] + [p for p in paragraphs[1:] if rng.random() > 0.25]
    edited = []
    for paragraph in kept:
        for old, new in SWAPS:
            if old in paragraph and rng.random() < 0.15:
                paragraph = paragraph.replace(old, new, 1)
        edited.append(paragraph)
    if rng.random() < 0.2:
        edited[0] = edited[0].replace("41", str(40 + rng.randint(2, 9)), 1)
    # A line of its own keeps every copy's content hash distinct.
    edited.append(f"Reporting by desk {copy}.")
    return "\n\n".join(edited)


def build_event(url: str, articles: int, seed: int = 7) -> str:
    engine = engine_for(url)
    upgrade_database(engine)
    rng = random.Random(seed)
    sources = demo_articles()
    with Session(engine) as session:
        event = events.create_event(session, EVENT_TITLE + " (300 outlets)")
        started = time.perf_counter()
        for n in range(articles):
            source = sources[n % len(sources)]
            data = ingest.ArticleInput(
                outlet=f"{source.outlet} edition {n // len(sources) + 1}",
                content=re_edit(rng, source.text, n),
                source_format="text",
                title=source.title,
                published_at=source.published_at,
            )
            ingest.ingest_article(session, event, data)
        print(f"built {articles} articles in {time.perf_counter() - started:.1f} s")
        return event.slug


def median_ms(client: TestClient, url: str, runs: int) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings)


def highlight_cost(quotes: int) -> float:
    """Milliseconds to cut an article of `quotes` short quotes (and as many figures) into highlighted pieces."""
    body = "".join(f'"Word {n}." Then {n % 90 + 10} more.\n' for n in range(quotes))
    spans, figures, sentences, at = [], [], [], 0
    for n in range(quotes):
        line = f'"Word {n}." Then {n % 90 + 10} more.\n'
        spans.append({"id": n, "start": at + 1, "end": at + line.index('"', 1), "statement_ids": [n]})
        sentences.append(SentenceSpan(at + 1, at + line.index('"', 1), n))
        figure_at = at + line.index("Then") + 5
        figures.append({"id": n, "start": figure_at, "end": figure_at + 2, "group_id": n})
        at += len(line)
    # The collector's full passes grow with every live object, which hides the algorithm's own cost.
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        highlight(body, spans, figures, sentences=sentences)
        return (time.perf_counter() - started) * 1000
    finally:
        gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    # The article page's highlighter must be linear: 8x the quotes may cost about 8x, not 64x.
    small = min(highlight_cost(1250) for _ in range(3))
    large = min(highlight_cost(10_000) for _ in range(3))
    print(
        f"highlight 1,250 quotes {small:8.1f} ms; 10,000 quotes {large:8.1f} ms ({large / small:.1f}x for 8x)"
    )
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'views.db'}"
        slug = build_event(url, args.articles)
        with TestClient(create_app(url, migrate=False)) as client:
            ids = [a["id"] for a in client.get(f"/api/events/{slug}/articles").json()]
            statements = client.get(f"/api/events/{slug}/statements").json()
            widest = max(statements, key=lambda s: len(s["members"]))
            carriers = list(dict.fromkeys(m["article_id"] for m in widest["members"]))
            pages = {
                "overview": f"/events/{slug}",
                "overview, matrix page 2": f"/events/{slug}?_page=2",
                "compare (3 articles)": f"/events/{slug}/compare?a={ids[0]}&b={ids[1]}&c={ids[2]}",
                "compare + variants panel": (
                    f"/events/{slug}/compare?a={carriers[0]}&b={carriers[1]}&_statement={widest['id']}"
                ),
                "figure ledger": f"/events/{slug}/figures",
                "statement page": f"/events/{slug}/statements/{widest['id']}",
                "speakers": f"/events/{slug}/speakers",
                # The other pages a journalist opens: each must stay as fast on a wire story.
                "ledger, one-outlet figures": f"/events/{slug}/figures?_status=single",
                "article page": f"/events/{slug}/articles/{carriers[0]}",
                "article diff": f"/events/{slug}/articles/{carriers[0]}/diff/{carriers[1]}",
                "timeline": f"/events/{slug}/timeline",
                "left out (one outlet)": f"/events/{slug}/omissions",
                "source check": f"/events/{slug}/fidelity",
                "corrections": f"/events/{slug}/corrections",
                "compare picker": f"/events/{slug}/compare",
                "add articles form": f"/events/{slug}/articles/new",
                "statements CSV": f"/events/{slug}/statements.csv",
                "figures CSV": f"/events/{slug}/figures.csv",
                "speakers CSV": f"/events/{slug}/speakers.csv",
            }
            print(f"{len(statements)} statements; widest carried by {len(widest['members'])} articles")
            for name, page_url in pages.items():
                if "page 2" in name and len(statements) <= 10:
                    continue
                ms = median_ms(client, page_url, args.runs)
                verdict = "ok" if ms < TARGET_MS else f"OVER {TARGET_MS:.0f} ms"
                print(f"{name:32s} {ms:8.1f} ms  {verdict}")


if __name__ == "__main__":
    main()
