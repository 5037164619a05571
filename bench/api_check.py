"""The gold corpus events scored through the public API, as a checker outside the repository sees them.

Each gold event's articles are posted to `POST /api/events/{slug}/articles` (outlet, title, url, published_at
and the body as `text`, from each file's front matter) of an in-process app over a scratch SQLite database;
then `GET .../articles/{id}`, `.../statements`, `.../figures` and the event are read back and scored with the
scorers of bench/accuracy.py, bench/alignment.py and bench/figures.py. The other benches call the core the way
the ingest service does; this one goes through the service itself (storage, event-wide speaker names,
incremental alignment, grouping, statuses), so a gap between the two is a bug of one of them.

Run: .venv/bin/python bench/api_check.py [--split tune|heldout] [--event PREFIX] [-v]
(-v lists tune misses only, as the other benches do.)
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import itertools
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import SPLITS, Tally, ratio, score_article
from alignment import AlignedSentence, AlignTally, EventAlignment, score_event
from figures import EVENTS, Grouped, Score, load_gold_events
from figures import score as score_figures

# --- the API's records, in the shapes the scorers read ---------------------------------------------------


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class ApiSentence:
    text: str


@dataclass(frozen=True)
class ApiQuote:
    """A quote as `GET .../articles/{id}` gives it; its sentences are the statement members it holds."""

    text: str
    speaker: str | None
    start: int
    end: int
    fragment: bool
    sentences: tuple[ApiSentence, ...] = ()
    parts: tuple[Any, ...] = ()


@dataclass(frozen=True)
class ApiFigure:
    text: str
    start: int
    end: int
    value: float | None
    value_high: float | None
    qualifier: str | None
    kind: str
    unit: str | None
    counted: str | None
    context: str = ""
    chrome: bool = False  # the API never gives furniture as a figure


@dataclass
class EventThroughApi:
    bodies: dict[str, str]  # as posted: the API's offsets (into the stored, cleaned body) are mapped back
    quotes: list[list[ApiQuote]]
    figures: list[list[ApiFigure]]
    alignment: EventAlignment
    grouped: Grouped


# A quote's span runs from its first quoted word to its last; the quotation marks inside it separate its
# parts ("And if I did" spend funds, he said, "it was an accident ..." is one quote of two parts), and the
# scorer recognises a gold quote by the first words of any part.
_QUOTE_MARK = re.compile('[\u201c\u201d"]')


class OffsetMap:
    """Offsets of the stored body (page-chrome lines dropped, blank runs squeezed) mapped onto the posted
    text, so the gold, located in the posted text, meets the API's records where the core benches meet the
    core's."""

    def __init__(self, stored: str, posted: str) -> None:
        blocks = difflib.SequenceMatcher(None, stored, posted, autojunk=False).get_matching_blocks()
        self._blocks = [(a, b, size) for a, b, size in blocks if size]
        self._starts = [a for a, _, _ in self._blocks]

    def __call__(self, offset: int) -> int:
        at = bisect.bisect_right(self._starts, offset) - 1
        if at < 0:
            return offset
        a, b, size = self._blocks[at]
        return b + min(offset - a, size)


def quoted_parts(posted: str, start: int, end: int) -> tuple[Span, ...]:
    """The quoted runs of one quote's span: between its marks, every other piece (the first one quoted)."""
    cuts = [start, *(m.start() for m in _QUOTE_MARK.finditer(posted, start, end)), end]
    pieces = [Span(a + (i > 0), b) for i, (a, b) in enumerate(itertools.pairwise(cuts))]
    return tuple(piece for i, piece in enumerate(pieces) if i % 2 == 0 and piece.end > piece.start)


def post_event(client: Any, corpus_name: str, gold: dict[str, Any]) -> EventThroughApi:
    """Post one gold event's articles in the gold's order and read back what the service made of them."""
    from app.core.frontmatter import parse_front_matter

    slug = client.post("/api/events", json={"title": f"API check {corpus_name}"}).json()["slug"]
    folder = EVENTS / gold["event"]
    ids: list[int] = []
    posted: list[str] = []
    for name in gold["articles"]:
        meta, body = parse_front_matter((folder / name).read_text(encoding="utf-8"))
        payload: dict[str, Any] = {"outlet": meta.get("outlet") or name, "text": body}
        posted.append(body)
        for key in ("title", "url", "published_at"):
            if meta.get(key):
                payload[key] = str(meta[key])
        response = client.post(f"/api/events/{slug}/articles", json=payload)
        if response.status_code == 422 and "published_at" in payload:
            # A date the contract refuses is the checker's problem, not the article's: post it without one.
            payload.pop("published_at")
            response = client.post(f"/api/events/{slug}/articles", json=payload)
        response.raise_for_status()
        ids.append(response.json()["id"])
    index_of = {article_id: i for i, article_id in enumerate(ids)}
    details = [client.get(f"/api/events/{slug}/articles/{i}").json() for i in ids]
    statements = client.get(f"/api/events/{slug}/statements").json()
    groups = client.get(f"/api/events/{slug}/figures").json()
    event = client.get(f"/api/events/{slug}").json()

    maps = [OffsetMap(detail["body"], text) for detail, text in zip(details, posted, strict=True)]
    sentences: list[AlignedSentence] = []
    by_quote: dict[int, list[ApiSentence]] = {}
    statement_keys: list[frozenset[int]] = []
    seen_quotes: set[int] = set()
    for statement in statements:
        keys: set[int] = set()
        for member in statement["members"]:
            article = index_of[member["article_id"]]
            keys.add(len(sentences))
            sentences.append(AlignedSentence(article, member["text"], maps[article](member["start"])))
            if member.get("quote_id") is not None:
                by_quote.setdefault(member["quote_id"], []).append(ApiSentence(member["text"]))
                seen_quotes.add(member["quote_id"])
        statement_keys.append(frozenset(keys))
    quotes: list[list[ApiQuote]] = []
    figures: list[list[ApiFigure]] = []
    for article, detail in enumerate(details):
        article_quotes = []
        for q in detail["quotes"]:
            speaker = q["speaker"] if q["speaker"] and q["speaker"] != "unknown" else None
            start, end = maps[article](q["start"]), maps[article](q["end"])
            sentences_of = tuple(by_quote.get(q["id"], ()))
            parts = quoted_parts(posted[article], start, end)
            article_quotes.append(
                ApiQuote(q["text"], speaker, start, end, q["fragment"], sentences_of, parts)
            )
            if q["id"] not in seen_quotes and not q["fragment"]:
                # A sentence in no statement is still a sentence the aligner saw (unlinked).
                sentences.append(AlignedSentence(article, q["text"], start))
        quotes.append(article_quotes)
        figures.append(
            [
                ApiFigure(
                    f["text"],
                    maps[article](f["start"]),
                    maps[article](f["end"]),
                    f["value"],
                    f.get("value_high"),
                    f.get("qualifier"),
                    f.get("kind", ""),
                    f.get("unit"),
                    f.get("counted"),
                )
                for f in detail["figures"]
            ]
        )
    group_of: dict[tuple[int, int], int] = {}
    status: dict[int, tuple[str, bool]] = {}
    figure_groups: list[tuple[str, list[tuple[int, int]]]] = []
    for number, group in enumerate(groups):
        members: list[tuple[int, int]] = []
        for member in group["members"]:
            article = index_of[member["article_id"]]
            span = (maps[article](member["start"]), maps[article](member["end"]))
            for index, figure in enumerate(figures[article]):
                if (figure.start, figure.end) == span:
                    group_of[(article, index)] = number
                    members.append((article, index))
                    break
        status[number] = (group["status"], bool(group.get("compatible")))
        figure_groups.append((group["status"], members))
    copies = {
        frozenset({index_of[pair["article_id"]], index_of[pair["other_id"]]})
        for pair in event.get("near_copies", [])
        if pair["article_id"] in index_of and pair["other_id"] in index_of
    }
    bodies = dict(zip(gold["articles"], posted, strict=True))
    alignment = EventAlignment(quotes, figures, sentences, statement_keys, figure_groups, copies)  # type: ignore[arg-type]
    return EventThroughApi(bodies, quotes, figures, alignment, Grouped(figures, group_of, status))  # type: ignore[arg-type]


# --- scoring ---------------------------------------------------------------------------------------------


@dataclass
class Totals:
    quotes: Tally = field(default_factory=Tally)
    statements: AlignTally = field(default_factory=AlignTally)
    figures: Score = field(default_factory=lambda: Score("total", ""))

    def add(self, quotes: Tally, statements: AlignTally, figures: Score) -> None:
        self.quotes.add(quotes)
        for name in vars(statements):
            value = getattr(statements, name)
            if isinstance(value, int):
                setattr(self.statements, name, getattr(self.statements, name) + value)
        for name in ("groups", "groups_right", "traps", "traps_grouped", "alone", "alone_grouped"):
            setattr(self.figures, name, getattr(self.figures, name) + getattr(figures, name))
        self.figures.furniture += figures.furniture
        self.figures.furniture_extracted += figures.furniture_extracted


def print_totals(split: str, totals: Totals) -> None:
    q, s, f = totals.quotes, totals.statements, totals.figures
    print(f"\n== {split} through the API")
    rows = {
        "quote recall (>= 4 words)": (q.quotes_found, q.quotes_gold),
        "quote precision (>= 4 words)": (q.quotes_correct, q.quotes_extracted),
        "speaker accuracy": (q.speakers_right, q.speakers_checked),
        "statement pairs right": (s.pairs_right, s.pairs_gold),
        "trap links made": (s.traps_linked, s.traps),
        "figure groups right": (f.groups_right, f.groups),
        "figure traps grouped": (f.traps_grouped, f.traps),
        "alone figures grouped": (f.alone_grouped, f.alone),
        "furniture given as figures": (f.furniture_extracted, f.furniture),
        "near copies found": (s.copies_found, s.copies_gold),
    }
    for label, (part, whole) in rows.items():
        print(f"  {label:30s} {ratio(part, whole)}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, help="only this split of the gold events")
    parser.add_argument("--event", help="only events whose folder name starts with this")
    parser.add_argument("-v", "--verbose", action="store_true", help="list tune misses")
    args = parser.parse_args(argv)
    if not EVENTS.is_dir():
        print(f"corpus not found at {EVENTS}; nothing to check")
        return 0

    from fastapi.testclient import TestClient

    from app.main import create_app

    events = [
        (corpus, split)
        for corpus, split in load_gold_events(args.split)
        if not args.event or corpus.name.startswith(args.event)
    ]
    database = Path(tempfile.mkdtemp(prefix="parallax-api-check-")) / "check.db"
    totals = {split: Totals() for split in SPLITS}
    began = time.perf_counter()
    with TestClient(create_app(f"sqlite:///{database}", migrate=True)) as client:
        for corpus, split in events:
            through = post_event(client, corpus.name, corpus.gold)
            quotes = Tally()
            for (name, body), article_quotes, article_figures in zip(
                through.bodies.items(), through.quotes, through.figures, strict=True
            ):
                quotes.add(
                    score_article(name, body, corpus.gold["articles"][name], article_quotes, article_figures)  # type: ignore[arg-type]
                )
            stored = type(corpus)(corpus.name, through.bodies, corpus.gold)
            statements = score_event(stored, through.alignment)
            figures = score_figures(stored, split, grouped=through.grouped)
            totals[split].add(quotes, statements, figures)
            print(
                f"  {split:7s} {corpus.name[:56]:56s} speakers {ratio(quotes.speakers_right, quotes.speakers_checked)}"
                f"  pairs {ratio(statements.pairs_right, statements.pairs_gold)}"
                f"  traps {statements.traps_linked}/{statements.traps}"
                f"  groups {figures.groups_right}/{figures.groups}"
            )
            if args.verbose and split == "tune":
                for line in [*quotes.misses, *statements.notes, *figures.notes]:
                    print(f"    - {line}")
    for split in SPLITS:
        if totals[split].quotes.quotes_gold:
            print_totals(split, totals[split])
    print(f"\n{len(events)} events in {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
