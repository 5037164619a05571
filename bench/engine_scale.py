"""Scale benchmark of the alignment engine: one synthetic event grown to 1,000 articles, one add at a time.

Every add calls the pure core the way the alignment service does (the event's placed sentences and
figures accumulate and are passed in) and prints articles/s, the cost of the last 100 adds over
the first 100, and peak memory, for the engine and for a plain all-pairs rapidfuzz baseline.

Run from the repository root: ``python -m bench.engine_scale [--articles 1000] [--mode all]``.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from app.core.align import PlacedSentence, SentenceItem, assign_statements
from app.core.figure_groups import FigureItem, PlacedFigure, assign_figure_groups
from app.core.similarity import near_copies

SPEAKERS = ["Maria Lopez", "Tom Reed", "Ana Stone", None]
SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "ni", "po", "zar", "quen", "bi", "ta", "gor"]
FUNCTION_WORDS = ["the", "a", "of", "to", "and", "in", "we", "will", "is", "that", "for", "on", "our"]
COUNTED = ["houses flooded", "residents evacuated", "bridges closed", "roads closed", "volunteers deployed"]


@dataclass
class Article:
    key: int
    text: str
    sentences: list[tuple[str | None, str]]
    figures: list[tuple[str, float]]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))))
    return sorted(words)


def _sentence(rng: random.Random, vocabulary: list[str]) -> str:
    words = [
        rng.choice(FUNCTION_WORDS) if rng.random() < 0.35 else rng.choice(vocabulary)
        for _ in range(rng.randint(9, 20))
    ]
    return " ".join(words).capitalize() + "."


def _re_edit(rng: random.Random, sentence: str) -> str:
    """A re-edited version: words dropped, neighbours swapped, the tail trimmed."""
    words = sentence.rstrip(".").split()
    words = [w for w in words if rng.random() > 0.04] or words[:1]
    if len(words) > 3 and rng.random() < 0.2:
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    if len(words) > 10 and rng.random() < 0.15:
        words = words[: rng.randint(8, len(words))]
    return " ".join(words) + "."


def make_event(count: int, seed: int = 7) -> list[Article]:
    """``count`` articles re-edited from 8 invented originals, with a few sentences found nowhere else."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 1500)
    originals = []
    for _ in range(8):
        quotes = [(rng.choice(SPEAKERS[:3]), _sentence(rng, vocabulary)) for _ in range(10)]
        figures = [(c, float(rng.randint(5, 900))) for c in rng.sample(COUNTED, 3)]
        originals.append((quotes, figures))
    articles = []
    for key in range(count):
        quotes, figures = originals[rng.randrange(len(originals))]
        sentences = [(s, _re_edit(rng, t)) for s, t in quotes if rng.random() > 0.2]
        if rng.random() < 0.3:
            sentences.append((rng.choice(SPEAKERS), _sentence(rng, vocabulary)))
        figs = [(c, v if rng.random() > 0.2 else v + rng.randint(1, 50)) for c, v in figures]
        text = " ".join(t for _, t in sentences)
        articles.append(Article(key, text, sentences, figs))
    return articles


class EngineEvent:
    """The service's loop: placed sentences and figures accumulate; each add aligns against them.

    With ``reps_only`` the engine gets what an indexed store would load: the lowest-keyed
    ``representatives`` members of each statement, and a ``members_of`` lookup for the rest.
    """

    def __init__(self, representatives: int, reps_only: bool) -> None:
        self.representatives = representatives
        self.reps_only = reps_only
        self.placed: dict[int, PlacedSentence] = {}
        self.members: dict[int, list[int]] = {}
        self.figures: list[PlacedFigure] = []
        self.group_heads: dict[int, PlacedFigure] = {}  # one figure per group is all grouping needs
        self.texts: list[tuple[int, str]] = []
        self.next_statement = 0
        self.next_group = 0
        self.next_sentence = 0
        self.seconds: dict[str, list[float]] = {"statements": [], "figures": [], "near copies": []}

    @property
    def statements(self) -> set[int]:
        return set(self.members)

    def _existing(self) -> list[PlacedSentence]:
        if not self.reps_only:
            return list(self.placed.values())
        keys = {k for group in self.members.values() for k in group[: self.representatives]}
        return [self.placed[k] for k in sorted(keys)]

    def _members_of(self, statement: int) -> list[SentenceItem]:
        return [self.placed[k].item for k in self.members[statement]]

    def add(self, article: Article) -> None:
        t0 = time.perf_counter()
        batch = []
        for speaker, text in article.sentences:
            batch.append(SentenceItem(self.next_sentence, article.key, speaker, text))
            self.next_sentence += 1
        update = assign_statements(
            batch,
            self._existing(),
            representatives=self.representatives,
            members_of=self._members_of if self.reps_only else None,
        )
        real: dict[int, int] = {}
        for key in sorted((k for k in update.added if k < 0), reverse=True):
            real[key] = self.next_statement
            self.next_statement += 1
        for item in batch:
            self.placed[item.key] = PlacedSentence(item, frozenset())
        for key, added in update.added.items():
            statement = real.get(key, key)
            self.members.setdefault(statement, []).extend(sorted(added))
            for member in added:
                old = self.placed[member]
                self.placed[member] = PlacedSentence(old.item, old.statement_keys | {statement})
        t1 = time.perf_counter()
        figures = [
            FigureItem(article.key * 10 + i, article.key, v, None, None, None, c, "count", f"{v:g}", c)
            for i, (c, v) in enumerate(article.figures)
        ]
        groups: dict[int, int] = {}
        for item, key in zip(
            figures, assign_figure_groups(figures, list(self.group_heads.values())), strict=True
        ):
            if key < 0:
                if key not in groups:
                    groups[key] = self.next_group
                    self.next_group += 1
                key = groups[key]
            self.figures.append(PlacedFigure(item, key))
            self.group_heads.setdefault(key, self.figures[-1])
        t2 = time.perf_counter()
        near_copies(article.text, self.texts)
        self.texts.append((article.key, article.text))
        t3 = time.perf_counter()
        for name, seconds in zip(self.seconds, (t1 - t0, t2 - t1, t3 - t2), strict=True):
            self.seconds[name].append(seconds)


class BaselineEvent:
    """Plain all-pairs rapidfuzz: each new sentence against every stored sentence, best match wins."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.statement_of: list[int] = []
        self.next_statement = 0

    def add(self, article: Article) -> None:
        for _speaker, text in article.sentences:
            best = process.extractOne(text, self.texts, scorer=fuzz.token_set_ratio, score_cutoff=80)
            if best is None:
                self.statement_of.append(self.next_statement)
                self.next_statement += 1
            else:
                self.statement_of.append(self.statement_of[best[2]])
        self.texts.extend(t for _, t in article.sentences)

    @property
    def statements(self) -> set[int]:
        return set(self.statement_of)


def run(mode: str, count: int) -> None:
    articles = make_event(count)
    factories: dict[str, Callable[[], EngineEvent | BaselineEvent]] = {
        "engine": lambda: EngineEvent(representatives=8, reps_only=True),
        "engine-full-input": lambda: EngineEvent(representatives=8, reps_only=False),
        "engine-exact": lambda: EngineEvent(representatives=10**9, reps_only=False),
        "baseline": BaselineEvent,
    }
    event = factories[mode]()
    durations = []
    started = time.perf_counter()
    for article in articles:
        t0 = time.perf_counter()
        event.add(article)
        durations.append(time.perf_counter() - t0)
    total = time.perf_counter() - started
    window = min(100, count // 2)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sentences = sum(len(a.sentences) for a in articles)
    print(
        f"{mode:18} {count} articles ({sentences} sentences, {len(event.statements)} statements): "
        f"{count / total:6.1f} articles/s, last {window}/first {window} = {_ratio(durations, window):5.2f}, "
        f"last add {durations[-1] * 1000:5.1f} ms, peak RSS {peak_mb:5.1f} MB"
    )
    if isinstance(event, EngineEvent):
        parts = ", ".join(
            f"{name} {sum(times[-window:]) / window * 1000:.2f} ms/add (x{_ratio(times, window):.2f})"
            for name, times in event.seconds.items()
        )
        print(f"{'':18} last {window} adds: {parts}")


def _ratio(durations: list[float], window: int) -> float:
    return sum(durations[-window:]) / max(sum(durations[:window]), 1e-9)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument(
        "--mode", default="all", choices=["all", "engine", "engine-full-input", "engine-exact", "baseline"]
    )
    args = parser.parse_args()
    if args.mode != "all":
        run(args.mode, args.articles)
        return
    # One process per mode, so that each peak-memory figure is that mode's own.
    for mode in ("engine", "engine-full-input", "engine-exact", "baseline"):
        command = [
            sys.executable,
            "-m",
            "bench.engine_scale",
            "--mode",
            mode,
            "--articles",
            str(args.articles),
        ]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
