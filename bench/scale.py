"""Scale of the real ingest path: one event grown to 1,000 articles, one add at a time, on SQLite.

The articles are re-edited copies of the demo articles and, when ../shared/seeds is present, the seed
articles (paragraphs dropped and swapped, words dropped, tolls changed). Every add goes through
app.services.ingest exactly as an API post does: clean, extract, lock, store, align statements and
figure groups against the event, find near copies.

Prints articles/s, the cost of the last 100 adds over the first 100, peak memory and the ms per add of
each stage (extraction, speakers, quotes, statements, figures, figure groups, near copies, source
checks, commit) in the first and the last 100; then the same
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
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from sqlmodel import Session

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.core.quotes import extract_quotes  # noqa: E402
from app.db import engine_for  # noqa: E402
from app.demo import demo_articles  # noqa: E402
from app.migrate import upgrade_database  # noqa: E402
from app.services import alignment, events, ingest  # noqa: E402

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


# The stages of one add, as (module, function name, label): each is timed where add_article calls it.
STAGES: tuple[tuple[Any, str, str], ...] = (
    (ingest, "prepare_article", "extract"),
    (alignment, "resolve_speakers", "speakers"),
    (alignment, "store_quotes", "quotes"),
    (alignment, "align_sentences", "statements"),
    (alignment, "store_figures", "figures"),
    (alignment, "group_figures", "figure groups"),
    (alignment, "record_near_copies", "near copies"),
    (alignment.source_checks, "after_store", "source checks"),
)


class StageClock:
    """Seconds spent in each stage during the current add, kept per add."""

    def __init__(self) -> None:
        self.current: dict[str, float] = {}
        self.adds: list[dict[str, float]] = []

    def wrap(self, function: Callable[..., Any], label: str) -> Callable[..., Any]:
        @wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.current[label] = self.current.get(label, 0.0) + time.process_time() - started

        return timed

    def install(self) -> None:
        for module, name, label in STAGES:
            if hasattr(module, name):
                setattr(module, name, self.wrap(getattr(module, name), label))

    def close_add(self, total: float) -> None:
        """End one add; ``total`` is its CPU time, of which the stages not timed are "other"."""
        self.current["other (lock, article row, commit)"] = total - sum(self.current.values())
        self.adds.append(self.current)
        self.current = {}

    def report(self, window: int) -> None:
        window = min(window, len(self.adds) // 2)
        labels = [label for _, _, label in STAGES if any(label in add for add in self.adds)]
        labels.append("other (lock, article row, commit)")
        print(f"  CPU ms per add, first {window} / last {window}:")
        for label in labels:
            first = sum(add.get(label, 0.0) for add in self.adds[:window]) / window
            last = sum(add.get(label, 0.0) for add in self.adds[-window:]) / window
            print(f"    {label:34s} {first * 1000:7.1f} {last * 1000:7.1f}")


def run_parallax(bodies: list[str], clock: StageClock | None = None) -> list[float]:
    engine = engine_for(f"sqlite:///{Path(tempfile.mkdtemp()) / 'scale.db'}")
    upgrade_database(engine)
    durations = []
    with Session(engine) as session:
        event = events.create_event(session, "Scale bench")
        for n, body in enumerate(bodies):
            data = ingest.ArticleInput(outlet=f"Outlet {n % 60}", content=body)
            started, cpu_started = time.perf_counter(), time.process_time()
            ingest.ingest_article(session, event, data)
            durations.append(time.perf_counter() - started)
            if clock is not None:
                clock.close_add(time.process_time() - cpu_started)
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
    if args.mode == "parallax":
        clock = StageClock()
        clock.install()
        durations = run_parallax(bodies, clock)
        report(args.mode, durations, args.window)
        report("  (CPU)", [sum(add.values()) for add in clock.adds], args.window)
        clock.report(args.window)
    else:
        report(args.mode, run_baseline(bodies), args.window)


if __name__ == "__main__":
    main()
