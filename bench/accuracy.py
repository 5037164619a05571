"""Extraction accuracy and speed: runs the core's quote and figure extraction over the seed articles, the
demo event and the hard corpus (bench/corpus/hard, quotes only) and scores it against the gold annotations in
bench/annotations/.

Run from the repository root: ``.venv/bin/python bench/accuracy.py [-v] [--json] [--seconds 2]``. The seeds are
read from ../shared/seeds and skipped with a message when that folder is absent. bench/alignment.py reuses
the loading and matching helpers below.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
ANNOTATIONS = REPO / "bench" / "annotations"
# Invented articles in house styles and quoting conventions beyond the seeds and the demo (several events).
HARD = REPO / "bench" / "corpus" / "hard"
# Real multi-outlet events of ../shared/corpus, hand-annotated in bench/annotations/corpus/<event>.json.
EVENTS = REPO.parent / "shared" / "corpus" / "events"
SPLITS = ("tune", "heldout")

if str(REPO) not in sys.path:
    # Lets `python bench/accuracy.py` import the app package without installing it.
    sys.path.insert(0, str(REPO))

from app.core.records import Figure, Quote  # noqa: E402

_WORD = re.compile(r"\w+(?:['\-]\w+)*")
_GENERIC_COUNTED = frozenset({"people", "peopl", "person"})


# --- loading -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """One annotated set of articles: bodies by file name, and the parsed annotation document."""

    name: str
    bodies: dict[str, str]
    gold: dict[str, Any]


def load_corpora(*, quiet: bool = False) -> list[Corpus]:
    """The seed corpus (when ../shared/seeds exists) and the demo corpus, in that order."""
    from app.demo import demo_article_files, parse_front_matter

    corpora: list[Corpus] = []
    if SEEDS.is_dir():
        bodies = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
        corpora.append(Corpus("seeds", bodies, _annotations("seeds")))
    elif not quiet:
        print(f"seeds: skipped, {SEEDS} is absent")
    demo = {name: parse_front_matter(raw)[1] for name, raw in demo_article_files()}
    corpora.append(Corpus("demo", demo, _annotations("demo")))
    return corpora


def load_hard_corpus() -> Corpus:
    """The hard corpus: front-matter articles of several fictional events, scored on quotes only."""
    from app.core.frontmatter import parse_front_matter

    bodies = {
        path.name: parse_front_matter(path.read_text(encoding="utf-8"))[1]
        for path in sorted(HARD.glob("*.md"))
    }
    return Corpus("hard", bodies, _annotations("hard"))


def load_gold_events(*, quiet: bool = False) -> list[Corpus]:
    """The annotated corpus events, bodies read from ../shared/corpus/events/<event>/ after the front matter.

    Each annotation says its ``split``: ``tune`` events may guide development, ``heldout`` ones are the
    honest estimate and are never tuned on. Skipped with a message when the corpus folder is absent.
    """
    from app.core.frontmatter import parse_front_matter

    files = sorted((ANNOTATIONS / "corpus").glob("*.json"))
    if not EVENTS.is_dir():
        if files and not quiet:
            print(f"corpus events: skipped, {EVENTS} is absent")
        return []
    corpora: list[Corpus] = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        folder = EVENTS / gold["event"]
        bodies = {
            name: parse_front_matter((folder / name).read_text(encoding="utf-8"))[1]
            for name in gold["articles"]
            if (folder / name).is_file()
        }
        corpora.append(Corpus(gold["event"], bodies, gold))
    return corpora


def _annotations(name: str) -> dict[str, Any]:
    return json.loads((ANNOTATIONS / f"{name}.json").read_text(encoding="utf-8"))


# --- matching helpers ----------------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Matching words: NFKC, casefolded, curly apostrophes straightened, punctuation and quote marks dropped."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("‘", "'")
    return _WORD.findall(text)


def starts_with(text: str, first_words: str) -> bool:
    """Whether ``text`` begins with the annotated first words (words compared as by :func:`words`)."""
    wanted = words(first_words)
    return bool(wanted) and words(text)[: len(wanted)] == wanted


def quote_pieces(quote: Quote, body: str) -> list[str]:
    """The texts a gold quote may be recognised by: the whole quote, each part and each sentence.

    An extractor may join two adjacent quotations of one speaker into one quote with two parts; each
    part still starts one annotated quote.
    """
    pieces = [quote.text]
    pieces += [body[part.start : part.end] for part in quote.parts]
    pieces += [sentence.text for sentence in quote.sentences]
    return pieces


def locate_figure(body: str, figure: dict[str, Any]) -> tuple[int, int] | None:
    """Character span of an annotated figure: its text inside the ``occurrence``-th (1-based) copy of its ``at``
    context (or of itself) in the body."""
    context = figure.get("at", figure["text"])
    at = -1
    for _ in range(figure.get("occurrence") or 1):
        at = body.find(context, at + 1)
        if at < 0:
            return None
    start = at + context.find(figure["text"])
    return start, start + len(figure["text"])


def same_value(gold: dict[str, Any], figure: Figure) -> bool:
    """Gold and extracted values agree; dates annotated without a year (value < 10000) compare on MMDD. A gold
    value rounded by hand ("215 pounds" -> 97.52 kg) agrees to its last printed decimal, and one given in the
    unit as printed ("180" mph) agrees once converted to the engine's canonical unit (km/h)."""
    if figure.value is None:
        return False
    value = figure.value
    if gold.get("unit") == "date" and gold["value"] < 10000:
        value = value % 10000
    wanted = float(gold["value"])
    if math.isclose(value, wanted, rel_tol=1e-6) or _within_printed_decimals(value, gold["value"]):
        return True
    from app.core import numbers

    unit = gold.get("unit")
    info = numbers.unit_info(unit) if isinstance(unit, str) and unit not in ("date", "percent") else None
    return info is not None and info[0] != unit and math.isclose(value, wanted * info[1], rel_tol=1e-6)


def _within_printed_decimals(value: float, gold: float | int) -> bool:
    """ "97.52" against 97.5224: equal once rounded to the two decimals the annotator printed."""
    if isinstance(gold, int) or "e" in repr(gold) or "." not in repr(gold):
        return False
    decimals = len(repr(gold).split(".")[1])
    return abs(value - gold) <= 0.5 * 10**-decimals + 1e-9


def overlaps(span: tuple[int, int], figure: Figure) -> bool:
    return figure.start < span[1] and span[0] < figure.end


def counted_matches(gold: str, predicted: str | None) -> bool:
    """At least 60% of the gold counted phrase's content stems appear in the extracted one."""
    from app.core.similarity import content_stems

    if not predicted:
        return False
    # "people" says nothing about what is counted ("people injured" = "injured"), so it is not required.
    wanted = set(content_stems(gold)) - _GENERIC_COUNTED
    if not wanted:
        return True
    got = set(content_stems(predicted))
    return len(wanted & got) >= math.ceil(0.6 * len(wanted))


def counted_head_in(gold: str, predicted: str) -> bool:
    """The extracted counted phrase's head (its last content stem) is one of the gold description's stems: the
    substance check. The corpus gold describes what a number is about in a phrase of its own ("Rosberg's lead
    over Hamilton after the race"), so `counted_matches` mostly fails on a right noun ("points")."""
    from app.core.similarity import content_stems

    stems = content_stems(predicted)
    return bool(stems) and stems[-1] in set(content_stems(gold))


def match_figure(body: str, gold: dict[str, Any], figures: Sequence[Figure]) -> Figure | None:
    """The extracted non-chrome figure at the gold figure's place with its value, or None."""
    span = locate_figure(body, gold)
    if span is None:
        return None
    for figure in figures:
        if not figure.chrome and overlaps(span, figure) and same_value(gold, figure):
            return figure
    return None


def same_person(predicted: str, gold: str) -> bool:
    """The same person by the engine's own one-person-per-event rule, both ways round: "Luis Solis
    Rivera" for "Luis Solis", "Jo Q. Roe" for "Jo Roe"; a bare surname only matches the full name that
    carries it."""
    from app.core.speakers import canonical_speaker, speaker_key

    if speaker_key(predicted) == speaker_key(gold):
        return True
    if _same_description(predicted, gold):
        return True
    return (
        canonical_speaker(predicted, [gold]) is not None and canonical_speaker(gold, [predicted]) is not None
    )


_DETERMINERS = frozenset({"a", "an", "one", "the", "some", "another"})
# Where a description's own words end and what qualifies it begins ("an aide to the committee", "a Democrat
# who opposed the bill").
_DESCRIPTION_END = re.compile(r"\b(?:to|of|at|for|from|in|who|which|that|with)\b.*")


def _description_words(speaker: str) -> list[str] | None:
    """The words of an unnamed speaker ("a union official" -> [union, official]) without its determiner and
    what qualifies it; None for a name (it opens with a determiner in lower case or with no capital)."""
    words = speaker.split()
    if not words or not (words[0] in _DETERMINERS or speaker[:1].islower()):
        return None
    core = _DESCRIPTION_END.sub("", " ".join(w for w in words if w.lower() not in _DETERMINERS)).split()
    return [re.sub(r"[^\w]", "", w).casefold() for w in core] or None


def _same_description(predicted: str, gold: str) -> bool:
    """Two descriptions of one unnamed speaker, as outlets and annotators word them: the same head noun, and
    the shorter one's words all in the longer ("one union official" / "a union official", "the aide" / "an
    aide to the committee"); "a union official" and "a party official" stay two speakers."""
    a, b = _description_words(predicted), _description_words(gold)
    if not a or not b or a[-1] != b[-1]:
        return False
    shorter, longer = sorted((a, b), key=len)
    return set(shorter) <= set(longer)


# --- scoring -------------------------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counters for one corpus (or the total); ratios are computed when printing."""

    quotes_gold: int = 0
    quotes_found: int = 0
    quotes_extracted: int = 0
    quotes_correct: int = 0
    speakers_checked: int = 0
    speakers_right: int = 0
    # The same by how the gold says the speaker is printed near the quote (the corpus gold's
    # ``speaker_kind``): a name, a pronoun, or a description ("a police spokesman", "the company").
    name_checked: int = 0
    name_right: int = 0
    pronoun_checked: int = 0
    pronoun_right: int = 0
    description_checked: int = 0
    description_right: int = 0
    fragments_gold: int = 0
    fragments_found: int = 0
    nested_gold: int = 0
    nested_found: int = 0
    headings_gold: int = 0
    headings_taken: int = 0
    figures_gold: int = 0
    figures_found: int = 0
    figures_extracted: int = 0
    figures_correct: int = 0
    counted_checked: int = 0
    counted_right: int = 0
    counted_given: int = 0
    counted_head: int = 0
    qualifier_checked: int = 0
    qualifier_right: int = 0
    chrome_gold: int = 0
    chrome_flagged: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
            else:
                getattr(self, name).extend(value)


def score_article(
    name: str, body: str, gold: dict[str, Any], quotes: Sequence[Quote], figures: Sequence[Figure]
) -> Tally:
    """Compare one article's extraction with its annotation."""
    tally = Tally()
    pieces = [(quote, quote_pieces(quote, body)) for quote in quotes]

    # Long quotes: recall by first words, speaker through speaker_key equality.
    for expected in gold["quotes"]:
        tally.quotes_gold += 1
        found = next(
            (q for q, texts in pieces if any(starts_with(t, expected["first_words"]) for t in texts)), None
        )
        if found is None:
            tally.misses.append(f"{name}: quote missed: {expected['first_words']!r}")
            continue
        tally.quotes_found += 1
        tally.speakers_checked += 1
        right = bool(found.speaker) and same_person(found.speaker, expected["speaker"])
        kind = expected.get("speaker_kind")
        if kind in ("name", "pronoun", "description"):
            setattr(tally, f"{kind}_checked", getattr(tally, f"{kind}_checked") + 1)
            setattr(tally, f"{kind}_right", getattr(tally, f"{kind}_right") + right)
        if right:
            tally.speakers_right += 1
        else:
            tally.misses.append(
                f"{name}: speaker of {expected['first_words']!r}: got {found.speaker!r}, want {expected['speaker']!r}"
            )

    # Precision over extracted non-fragment quotes; annotated fragments and optional quotes are neutral.
    neutral = [f["text"] for f in gold["fragments"] + gold.get("optional_fragments", [])]
    for quote, texts in pieces:
        if quote.fragment:
            continue
        if any(words(quote.text) == words(text) for text in neutral):
            continue
        tally.quotes_extracted += 1
        # A quote that opens with any gold sentence is right: a multi-paragraph quote returned paragraph by
        # paragraph is still every word of the speaker's, each piece with its speaker.
        openings = [e["first_words"] for e in gold["quotes"]] + [
            s for e in gold["quotes"] for s in e.get("sentences", [])
        ]
        if any(starts_with(t, opening) for t in texts for opening in openings):
            tally.quotes_correct += 1
        else:
            tally.misses.append(f"{name}: extra quote: {' '.join(quote.text.split()[:8])!r}")

    for expected in gold["fragments"]:
        found = any(words(q.text) == words(expected["text"]) for q in quotes)
        if expected.get("nested"):
            tally.nested_gold += 1
            tally.nested_found += found
        else:
            tally.fragments_gold += 1
            tally.fragments_found += found
            if not found:
                tally.misses.append(f"{name}: fragment missed: {expected['text']!r}")

    for heading in gold["headings"]:
        tally.headings_gold += 1
        if any(starts_with(q.text, heading) for q in quotes):
            tally.headings_taken += 1
            tally.misses.append(f"{name}: heading taken as a quote: {heading!r}")

    if not gold.get("figures_scored", True):
        return tally
    # Figures: recall by place and value; precision over non-chrome extractions.
    spans = [locate_figure(body, f) for f in gold["figures"]]
    neutral_spans = [locate_figure(body, f) for f in gold.get("optional_figures", [])]
    chrome_spans = [locate_figure(body, f) for f in gold.get("chrome_figures", [])]
    for expected in gold["figures"]:
        tally.figures_gold += 1
        figure = match_figure(body, expected, figures)
        if figure is None:
            tally.misses.append(f"{name}: figure missed: {expected['text']!r}")
            continue
        tally.figures_found += 1
        if expected.get("counted"):
            tally.counted_checked += 1
            if figure.counted:
                tally.counted_given += 1
                tally.counted_head += counted_head_in(expected["counted"], figure.counted)
            if counted_matches(expected["counted"], figure.counted):
                tally.counted_right += 1
            else:
                tally.misses.append(
                    f"{name}: counted of {expected['text']!r}: got {figure.counted!r}, want {expected['counted']!r}"
                )
        tally.qualifier_checked += 1
        tally.qualifier_right += (figure.qualifier or "").casefold() == (
            expected.get("qualifier") or ""
        ).casefold()
    for figure in figures:
        if figure.chrome:
            continue
        if any(span and overlaps(span, figure) for span in neutral_spans):
            continue
        tally.figures_extracted += 1
        hit = any(
            span and overlaps(span, figure) and same_value(g, figure)
            for span, g in zip(spans, gold["figures"], strict=True)
        )
        if hit:
            tally.figures_correct += 1
        else:
            tally.misses.append(f"{name}: extra figure: {figure.text!r} (counted {figure.counted!r})")
    for span in chrome_spans:
        tally.chrome_gold += 1
        tally.chrome_flagged += any(span and f.chrome and overlaps(span, f) for f in figures)
    return tally


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:6.1%} ({part}/{whole})" if whole else "   n/a"


def report(name: str, tally: Tally) -> dict[str, Any]:
    """Print one corpus's scores and return them as a plain dict."""
    rows = {
        "quote precision (>= 4 words)": (tally.quotes_correct, tally.quotes_extracted),
        "quote recall (>= 4 words)": (tally.quotes_found, tally.quotes_gold),
        "speaker accuracy": (tally.speakers_right, tally.speakers_checked),
        "  printed as a name": (tally.name_right, tally.name_checked),
        "  printed as a pronoun": (tally.pronoun_right, tally.pronoun_checked),
        "  printed as a description": (tally.description_right, tally.description_checked),
        "fragment recall": (tally.fragments_found, tally.fragments_gold),
        "nested fragment recall": (tally.nested_found, tally.nested_gold),
        "headings wrongly taken": (tally.headings_taken, tally.headings_gold),
        "figure precision": (tally.figures_correct, tally.figures_extracted),
        "figure recall": (tally.figures_found, tally.figures_gold),
        "counted-thing accuracy": (tally.counted_right, tally.counted_checked),
        "counted thing given": (tally.counted_given, tally.counted_checked),
        "counted head in gold phrase": (tally.counted_head, tally.counted_given),
        "qualifier accuracy": (tally.qualifier_right, tally.qualifier_checked),
        "chrome figures flagged": (tally.chrome_flagged, tally.chrome_gold),
    }
    print(f"\n== {name}")
    for label, (part, whole) in rows.items():
        print(f"  {label:30s} {ratio(part, whole)}")
    return {label: {"hit": part, "of": whole} for label, (part, whole) in rows.items()}


def event_speakers(quotes: Sequence[Sequence[Quote]]) -> list[list[Quote]]:
    """Each quote's speaker replaced by the event's canonical name for that person, as the ingest service
    stores it (one entry per person, under its best display name)."""
    from dataclasses import replace

    from app.core.speakers import better_display_name, canonical_speaker, display_name

    known: list[str] = []
    for article_quotes in quotes:
        for quote in article_quotes:
            if quote.speaker:
                named = display_name(quote.speaker)
                match = canonical_speaker(named, known)
                if match is None:
                    known.append(named)
                else:
                    known[known.index(match)] = better_display_name(match, named)
    return [
        [
            replace(q, speaker=canonical_speaker(display_name(q.speaker), known) or q.speaker)
            if q.speaker
            else q
            for q in article_quotes
        ]
        for article_quotes in quotes
    ]


def score_gold_events(*, verbose: bool, heldout_misses: bool) -> dict[str, Any]:
    """Per-event quote and speaker lines, then the tune and held-out totals apart."""
    from app.core.extract import extract_article

    events = load_gold_events()
    if not events:
        return {}
    totals = {split: Tally() for split in SPLITS}
    print("\n== corpus events (quotes, speakers)")
    for corpus in events:
        tally = Tally()
        # Speakers as the event shows them: one canonical name per person across its outlets.
        # Through the service's entry point: page furniture (captions, bylines) is no quote there.
        extractions = [extract_article(body) for body in corpus.bodies.values()]
        quotes = event_speakers([extraction.quotes for extraction in extractions])
        for (name, body), article_quotes, extraction in zip(
            corpus.bodies.items(), quotes, extractions, strict=True
        ):
            gold = corpus.gold["articles"][name]
            tally.add(score_article(name, body, gold, article_quotes, extraction.figures))
        split = corpus.gold["split"]
        totals[split].add(tally)
        print(
            f"  {split:7s} {corpus.name[:60]:60s} recall {ratio(tally.quotes_found, tally.quotes_gold)}"
            f"  precision {ratio(tally.quotes_correct, tally.quotes_extracted)}"
            f"  speakers {ratio(tally.speakers_right, tally.speakers_checked)}"
        )
        if verbose and (split != "heldout" or heldout_misses):
            for line in tally.misses:
                if "figure" not in line and "counted" not in line:
                    print(f"    - {line}")
    return {f"corpus {split}": report(f"corpus {split}", totals[split]) for split in SPLITS}


# --- speed ---------------------------------------------------------------------------------------------------


def measure_speed(
    bodies: Sequence[str], extract: Callable[[str], object], *, seconds: float
) -> tuple[float, float]:
    """Articles per second on one core: (median of passes, best pass), repeating whole passes for ``seconds``."""
    extract(bodies[0])  # warm caches and regex compilation out of the timing
    rates: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(rates) < 5 or time.perf_counter() < deadline:
        began = time.perf_counter()
        for body in bodies:
            extract(body)
        rates.append(len(bodies) / (time.perf_counter() - began))
    rates.sort()
    return rates[len(rates) // 2], rates[-1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra")
    parser.add_argument("--json", action="store_true", help="also print the scores as JSON")
    parser.add_argument("--seconds", type=float, default=2.0, help="time budget for the speed measurement")
    parser.add_argument(
        "--heldout-misses",
        action="store_true",
        help="with -v, also list held-out events' misses (report only)",
    )
    args = parser.parse_args(argv)

    from app.core.figures import extract_figures
    from app.core.quotes import extract_quotes

    results: dict[str, Any] = {}
    total = Tally()
    all_bodies: list[str] = []
    for corpus in [*load_corpora(), load_hard_corpus()]:
        tally = Tally()
        for name, body in corpus.bodies.items():
            tally.add(
                score_article(
                    name, body, corpus.gold["articles"][name], extract_quotes(body), extract_figures(body)
                )
            )
        results[corpus.name] = report(corpus.name, tally)
        if args.verbose:
            for line in tally.misses:
                print(f"    - {line}")
        total.add(tally)
        all_bodies += corpus.bodies.values()
    results["total"] = report("total", total)
    results.update(score_gold_events(verbose=args.verbose, heldout_misses=args.heldout_misses))

    def extract(body: str) -> None:
        extract_quotes(body)
        extract_figures(body)

    median, best = measure_speed(all_bodies, extract, seconds=args.seconds)
    words_per_article = sum(len(b.split()) for b in all_bodies) / len(all_bodies)
    print(f"\n== speed (single core, {len(all_bodies)} articles, {words_per_article:.0f} words on average)")
    print(f"  quotes + figures: {median:,.0f} articles/s median, {best:,.0f} best pass")
    results["speed_articles_per_s"] = {"median": median, "best": best}
    # Per stage, so a slow-down points at the module that caused it.
    for label, stage in (("quotes only", extract_quotes), ("figures only", extract_figures)):
        stage_median, stage_best = measure_speed(all_bodies, stage, seconds=args.seconds / 2)
        print(f"  {label}: {stage_median:,.0f} articles/s median, {stage_best:,.0f} best pass")
        results[f"speed_{label.split()[0]}_articles_per_s"] = {"median": stage_median, "best": stage_best}
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
