"""Figure groups on real news: the gold corpus events (bench/annotations/corpus/*.json), the seeds and the
demo, run through the real extraction and grouping, scored per event, with the tune and held-out splits
printed APART (rules are tuned on `tune` only; `heldout` says how they do on news they were not written for).

Per event it prints:
- groups right: gold groups found as ONE predicted group holding no other gold group's members, with the
  right status (and the right `compatible` flag when the gold gives one);
- leaks: figure-trap pairs that share a group, and gold figures outside every gold group (numbers that must
  stay alone) that join a group with another article's figure; a figure whose gold note calls joining
  harmless (the same quantity quoted again, e.g. inside a tweet) is not one that must stay alone;
- furniture: gold page-furniture numbers (`chrome_figures`) that come out as figures (not flagged chrome).

Run from the repository root: ``.venv/bin/python bench/figures.py [-v] [--json] [--split tune|heldout]``.
``-v --split tune`` lists every miss with each gold member as the engine read it (kind, value, counted,
context, group) and each leak with the figures it joined: tune on those; read held-out totals only.
Groups are formed as the ingest service forms them: each stored group offers its first members
(``figure_groups.MEMBER_LIMIT``), each with its own value, wording and context.
Bodies are read from ../shared/corpus/events/<event>/<file> (after the front matter); events whose folder is
absent are skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import REPO, Corpus, load_corpora, locate_figure, overlaps, same_value

from app.core.records import Figure

EVENTS = REPO.parent / "shared" / "corpus" / "events"
GOLD = REPO / "bench" / "annotations" / "corpus"


# --- the adapter: the real extraction and grouping, article by article as the ingest service does --------


@dataclass
class Grouped:
    figures: list[list[Figure]]
    # (article index, figure index) -> group number; and each group's (status, compatible).
    group_of: dict[tuple[int, int], int]
    status: dict[int, tuple[str, bool]]


def _harmless_to_group(figure: dict[str, Any]) -> bool:
    """A gold figure outside every group whose note says joining a group is harmless."""
    return "harmless" in str(figure.get("note", "")).lower()


def group_event(bodies: Sequence[str]) -> Grouped:
    from app.core.extract import extract_article
    from app.core.figure_groups import (
        MEMBER_LIMIT,
        FigureItem,
        PlacedFigure,
        assign_and_bridge,
        figure_item,
        group_status_compatible,
    )
    from app.core.figure_groups.assign import one_count_named_twice, reading_of

    def _readings(members: Sequence[FigureItem]) -> dict[int, list[tuple[Any, str, bool, str]]]:
        readings: dict[int, list[tuple[Any, str, bool, str]]] = {}
        for member in members:
            readings.setdefault(member.article_key, []).append(reading_of(member))
        return readings

    figures = [list(extract_article(body).figures) for body in bodies]
    # As the ingest service offers them: each group's first members (``MEMBER_LIMIT``), each with its own
    # value, wording and context, so a new figure meets the member it fits best, whichever outlet came first.
    group_of: dict[tuple[int, int], int] = {}
    items: dict[int, list[FigureItem]] = {}
    merges: dict[int, int] = {}
    placed: list[PlacedFigure] = []

    def merged_into(key: int) -> int:
        while key in merges:
            key = merges[key]
        return key

    for article, article_figures in enumerate(figures):
        new = [
            (index, figure_item(figure, key=len(placed) + offset, article_key=article))
            for offset, (index, figure) in enumerate(
                (i, f) for i, f in enumerate(article_figures) if not f.chrome
            )
        ]
        fresh: dict[int, int] = {}
        assigned, bridges = assign_and_bridge([i for _, i in new], placed)
        for (index, item), key in zip(new, assigned, strict=True):
            if key < 0:
                key = fresh.setdefault(key, len(items) + len(merges))
            group_of[(article, index)] = key
            items.setdefault(key, []).append(item)
        for joined, other in bridges:
            # As the service merges them: into the older group, unless one outlet has a figure in both.
            keep, gone = sorted((merged_into(joined), merged_into(other)))
            if keep == gone or not one_count_named_twice(_readings(items[keep]), _readings(items[gone])):
                continue
            for position, key in group_of.items():
                if key == gone:
                    group_of[position] = keep
            items[keep] = sorted(items[keep] + items.pop(gone), key=lambda i: i.key)
            merges[gone] = keep
        placed = [
            PlacedFigure(member, key)
            for key, members in sorted(items.items())
            for member in members[:MEMBER_LIMIT]
        ]
    status = {key: group_status_compatible(members) for key, members in items.items()}
    return Grouped(figures, group_of, status)


# --- scoring ---------------------------------------------------------------------------------------------------


@dataclass
class Score:
    name: str
    split: str
    groups: int = 0
    groups_right: int = 0
    traps: int = 0
    traps_grouped: int = 0
    alone: int = 0
    alone_grouped: int = 0
    furniture: int = 0
    furniture_extracted: int = 0
    notes: list[str] = field(default_factory=list)


def score(corpus: Corpus, split: str, *, reverse: bool = False, grouped: Grouped | None = None) -> Score:
    """One event's groups against its gold; ``grouped`` is what another path made of the articles in
    ``corpus.bodies`` order (bench/api_check.py: the service's own groups), else they are grouped here."""
    names = list(corpus.bodies)[:: -1 if reverse else 1]
    index_of = {name: i for i, name in enumerate(names)}
    result = grouped if grouped is not None else group_event([corpus.bodies[n] for n in names])
    gold = corpus.gold
    tally = Score(corpus.name, split)

    def find(name: str, annotation: dict[str, Any]) -> tuple[int, int] | None:
        article = index_of[name]
        span = locate_figure(corpus.bodies[name], annotation)
        for index, figure in enumerate(result.figures[article]):
            if span and not figure.chrome and overlaps(span, figure) and _same_normalised(annotation, figure):
                return article, index
        return None

    def annotation(name: str, text: str) -> dict[str, Any]:
        for figure in gold["articles"][name]["figures"]:
            if figure["text"] == text:
                return figure
        return {"text": text, "value": float("nan")}

    def group(name: str, text: str) -> int | None:
        found = find(name, annotation(name, text))
        return result.group_of.get(found) if found else None

    def describe(name: str, text: str) -> str:
        """One gold member as the engine read it (for -v on the tune split)."""
        found = find(name, annotation(name, text))
        if found is None:
            return f"    {name}:{text!r} not found as a figure"
        figure = result.figures[found[0]][found[1]]
        return (
            f"    {name}:{text!r} -> group {result.group_of.get(found)} {figure.kind}/{figure.unit}"
            f" {figure.value} counted={figure.counted!r} context={figure.context!r}"
        )

    owner: dict[int, set[str]] = {}
    for gold_group in gold["figure_groups"]:
        for name, text in gold_group["members"]:
            if (found := group(name, text)) is not None:
                owner.setdefault(found, set()).add(gold_group["id"])
    grouped_members: set[tuple[str, str]] = set()
    for gold_group in gold["figure_groups"]:
        tally.groups += 1
        placed = {group(name, text) for name, text in gold_group["members"]}
        grouped_members |= {(n, t) for n, t in gold_group["members"]}
        if len(placed) != 1 or None in placed or owner[next(iter(placed))] != {gold_group["id"]}:
            tally.notes.append(f"group {gold_group['id']}: split or merged {sorted(map(str, placed))}")
            tally.notes.extend(describe(name, text) for name, text in gold_group["members"])
            continue
        status, compatible = result.status[next(iter(placed))]
        wanted = gold_group.get("compatible")
        if status != gold_group["status"] or (
            status == "conflict" and wanted is not None and wanted != compatible
        ):
            tally.notes.append(
                f"group {gold_group['id']}: {status} (compatible {compatible}), want {gold_group['status']}"
                + (f" (compatible {wanted})" if wanted is not None else "")
            )
            continue
        tally.groups_right += 1
    for (na, ta), (nb, tb) in gold["figure_traps"]:
        tally.traps += 1
        a, b = group(na, ta), group(nb, tb)
        if a is not None and a == b:
            tally.traps_grouped += 1
            tally.notes.append(f"trap grouped: {na}:{ta!r} ~ {nb}:{tb!r}")
    # Numbers of no gold group must not join another article's figure.
    articles_of: dict[int, set[int]] = {}
    for (article, _), key in result.group_of.items():
        articles_of.setdefault(key, set()).add(article)
    for name in names:
        for figure in gold["articles"][name]["figures"]:
            if (name, figure["text"]) in grouped_members or figure.get("group"):
                continue
            if _harmless_to_group(figure):
                # The gold says this number is a gold group's quantity again (a tweet's "two" quoted by
                # three outlets): joining is no leak, so it is not a number that must stay alone.
                continue
            tally.alone += 1
            found = find(name, figure)
            key = result.group_of.get(found) if found else None
            if key is not None and len(articles_of[key]) > 1:
                tally.alone_grouped += 1
                tally.notes.append(f"alone figure grouped: {name}:{figure['text']!r}")
                tally.notes.extend(
                    f"    with {names[a]}:{result.figures[a][i].text!r} counted={result.figures[a][i].counted!r}"
                    f" context={result.figures[a][i].context!r}"
                    for (a, i), k in result.group_of.items()
                    if k == key and a != index_of[name]
                )
        for chrome in gold["articles"][name].get("chrome_figures", []):
            tally.furniture += 1
            span = locate_figure(corpus.bodies[name], chrome)
            figures = result.figures[index_of[name]]
            if span and any(overlaps(span, f) and not f.chrome for f in figures):
                tally.furniture_extracted += 1
                tally.notes.append(f"furniture extracted: {name}:{chrome['text']!r}")
    return tally


def _same_normalised(annotation: dict[str, Any], figure: Figure) -> bool:
    """The gold value as printed ("180" mph) against the engine's normalised one (km/h): the gold names the
    printed unit, which the engine converts."""
    if same_value(annotation, figure):
        return True
    from app.core import numbers

    unit = annotation.get("unit")
    info = numbers.unit_info(unit) if isinstance(unit, str) and unit not in ("date", "percent") else None
    if info is None or figure.value is None or not isinstance(annotation.get("value"), int | float):
        return False
    return math.isclose(figure.value, annotation["value"] * info[1], rel_tol=1e-6)


# --- loading ---------------------------------------------------------------------------------------------------


def load_gold_events(split: str | None) -> list[tuple[Corpus, str]]:
    from app.core.frontmatter import parse_front_matter

    events: list[tuple[Corpus, str]] = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split is not None and gold.get("split") != split:
            continue
        folder = EVENTS / gold["event"]
        if not folder.is_dir():
            print(f"{gold['event']}: skipped, {folder} is absent")
            continue
        bodies = {
            name: parse_front_matter((folder / name).read_text(encoding="utf-8"))[1]
            for name in gold["articles"]
        }
        events.append((Corpus(gold["event"], bodies, gold), gold.get("split", "tune")))
    return events


def _line(score: Score) -> str:
    return (
        f"  {score.name[:58]:<58} groups {score.groups_right:>2}/{score.groups:<2}"
        f"  traps grouped {score.traps_grouped}/{score.traps}"
        f"  alone grouped {score.alone_grouped}/{score.alone}"
        f"  furniture {score.furniture_extracted}/{score.furniture}"
    )


def _total(scores: list[Score], name: str) -> Score:
    total = Score(name, "")
    for s in scores:
        for attr in ("groups", "groups_right", "traps", "traps_grouped", "alone", "alone_grouped"):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))
        total.furniture += s.furniture
        total.furniture_extracted += s.furniture_extracted
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--split", choices=["tune", "heldout"], help="only this split of the gold events")
    parser.add_argument(
        "--reverse",
        action="store_true",
        help="add each event's articles in reverse order (groups should not care)",
    )
    args = parser.parse_args(argv)

    sections: dict[str, list[Score]] = {"tune": [], "heldout": [], "seeds and demo": []}
    for corpus, split in load_gold_events(args.split):
        sections[split if split in sections else "tune"].append(score(corpus, split, reverse=args.reverse))
    if args.split is None:
        for corpus in load_corpora(quiet=True):
            sections["seeds and demo"].append(score(corpus, corpus.name, reverse=args.reverse))
    if args.json:
        print(json.dumps({k: [asdict(s) for s in v] for k, v in sections.items()}, indent=1))
        return 0
    for section, scores in sections.items():
        if not scores:
            continue
        print(f"== {section}")
        for s in scores:
            print(_line(s))
            if args.verbose:
                for note in s.notes:
                    print(f"      - {note}")
        total = _total(scores, "total")
        share = total.groups_right / total.groups if total.groups else 1.0
        print(_line(total) + f"   ({share:.0%} of gold groups right)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
