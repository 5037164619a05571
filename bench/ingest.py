"""Scale of the real ingest path: one event grown article by article through app.services.ingest on SQLite.

The articles are re-edited copies of the demo articles and, when ../shared/seeds is present, the seed
articles: paragraphs dropped and re-ordered, words dropped, numbers changed. Prints articles/s, the cost
of the last window of adds over the first, and peak memory.

    .venv/bin/python bench/ingest.py [--articles 300] [--window 30] [--database-url URL]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import tempfile
import time
from pathlib import Path

from sqlmodel import Session

from app.db import engine_for
from app.demo import demo_articles
from app.migrate import upgrade_database
from app.services import events, ingest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def source_texts() -> list[str]:
    texts = [article.text for article in demo_articles()]
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


def re_edit(rng: random.Random, text: str, n: int) -> str:
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    head, rest = paragraphs[:2], paragraphs[2:]
    rest = [p for p in rest if rng.random() > 0.15]
    if len(rest) > 2 and rng.random() < 0.5:
        i = rng.randrange(len(rest) - 1)
        rest[i], rest[i + 1] = rest[i + 1], rest[i]
    edited = []
    for paragraph in head + rest:
        words = paragraph.split(" ")
        if len(words) > 12 and rng.random() < 0.3:
            del words[rng.randrange(len(words))]
        edited.append(" ".join(words))
    body = "\n\n".join(edited)
    # A different toll now and then, as later editions print.
    body = re.sub(r"\b41\b", str(41 + n % 4), body, count=1)
    return f"Edition {n} of this report.\n\n{body}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--window", type=int, default=30)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp()) / 'ingest-bench.db'}"
    engine = engine_for(url)
    upgrade_database(engine)
    rng = random.Random(2026)
    texts = source_texts()
    durations: list[float] = []
    with Session(engine) as session:
        event = events.create_event(session, f"Ingest bench {time.time():.0f}")
        for n in range(args.articles):
            data = ingest.ArticleInput(
                outlet=f"Outlet {n % 60}", content=re_edit(rng, texts[n % len(texts)], n)
            )
            started = time.perf_counter()
            ingest.ingest(session, event, data)
            durations.append(time.perf_counter() - started)
    window = min(args.window, len(durations) // 2)
    first = sum(durations[:window]) / window
    last = sum(durations[-window:]) / window
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.articles} articles from {len(texts)} source texts into one event ({url.split(':')[0]})")
    print(f"  throughput            {args.articles / sum(durations):6.1f} articles/s (one process)")
    print(f"  first {window} adds         {first * 1000:6.1f} ms per article")
    print(f"  last {window} adds          {last * 1000:6.1f} ms per article")
    print(f"  last/first            {last / first:6.2f}")
    print(f"  peak memory (RSS)     {peak_mb:6.0f} MB")


if __name__ == "__main__":
    main()
