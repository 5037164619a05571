"""Scale of the real ingest path: one event grown to 1,000 articles, one add at a time, on SQLite.

The articles are re-edited copies of the demo articles and, when ../shared/seeds is present, the seed
articles (paragraphs dropped and swapped, words dropped, tolls changed). Every add goes through
app.services.ingest exactly as an API post does: clean, extract, lock, store, align statements and
figure groups against the event, find near copies.

Prints articles/s, the cost of the last 100 adds over the first 100, and peak memory; then the same
event through a plain all-pairs rapidfuzz baseline (each new quote sentence against every stored
one) for comparison. (`python -m bench.engine_scale` measures the pure core alone.)

    .venv/bin/python bench/scale.py [--articles 1000] [--window 100] [--mode all|parallax|baseline]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlmodel import Session

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.core.quotes import extract_quotes  # noqa: E402
from app.db import engine_for  # noqa: E402
from app.demo import demo_articles  # noqa: E402
from app.migrate import upgrade_database  # noqa: E402
from app.services import events, ingest  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"


def source_texts() -> list[str]:
    texts = [article.text for article in demo_articles()]
    if SEEDS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return texts


def re_edit(rng: random.Random, text: str, n: int) -> str:
    """A later edition: paragraphs dropped and swapped, a word dropped here and there, the toll moved."""
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
    body = re.sub(r"\b41\b", str(41 + n % 4), "\n\n".join(edited), count=1)
    return f"Edition {n} of this report.\n\n{body}"


def make_event(count: int) -> list[str]:
    rng = random.Random(2026)
    texts = source_texts()
    return [re_edit(rng, texts[n % len(texts)], n) for n in range(count)]


def run_parallax(bodies: list[str]) -> list[float]:
    engine = engine_for(f"sqlite:///{Path(tempfile.mkdtemp()) / 'scale.db'}")
    upgrade_database(engine)
    durations = []
    with Session(engine) as session:
        event = events.create_event(session, "Scale bench")
        for n, body in enumerate(bodies):
            data = ingest.ArticleInput(outlet=f"Outlet {n % 60}", content=body)
            started = time.perf_counter()
            ingest.ingest_article(session, event, data)
            durations.append(time.perf_counter() - started)
    return durations


def run_baseline(bodies: list[str]) -> list[float]:
    """Plain all-pairs rapidfuzz: extract quotes, then each sentence against every stored sentence."""
    stored: list[str] = []
    durations = []
    for body in bodies:
        started = time.perf_counter()
        sentences = [s.text for q in extract_quotes(body) if not q.fragment for s in q.sentences]
        for sentence in sentences:
            process.extractOne(sentence, stored, scorer=fuzz.token_set_ratio, score_cutoff=80)
        stored.extend(sentences)
        durations.append(time.perf_counter() - started)
    return durations


def report(name: str, durations: list[float], window: int) -> None:
    window = min(window, len(durations) // 2)
    first = sum(durations[:window]) / window
    last = sum(durations[-window:]) / window
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{name:9} {len(durations)} articles: {len(durations) / sum(durations):6.1f} articles/s, "
        f"first {window} {first * 1000:6.1f} ms/add, last {window} {last * 1000:6.1f} ms/add, "
        f"last/first {last / first:5.2f}, peak RSS {peak_mb:5.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--window", type=int, default=100)
    parser.add_argument("--mode", default="all", choices=["all", "parallax", "baseline"])
    args = parser.parse_args()
    if args.mode == "all":
        print(f"{args.articles} re-edited copies of {len(source_texts())} demo and seed articles, one event")
        # One process per mode, so that each peak-memory figure is that mode's own.
        for mode in ("parallax", "baseline"):
            command = [sys.executable, __file__, "--mode", mode, "--articles", str(args.articles)]
            subprocess.run([*command, "--window", str(args.window)], check=True)
        return
    bodies = make_event(args.articles)
    durations = run_parallax(bodies) if args.mode == "parallax" else run_baseline(bodies)
    report(args.mode, durations, args.window)


if __name__ == "__main__":
    main()
