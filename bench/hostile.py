"""Hostile text shapes through the real entry point (validate, clean, extract): cost at n and 8n.

A pass over text must be linear (or bounded per sentence): each shape's cost at 8n may be at most 16x its
cost at n (8x is linear, 64x quadratic). The shapes are runs of every punctuation mark, quote mark, digit
group, currency and bracket, Markdown markers, deep nesting and many tiny paragraphs. `tests/test_hostile.py`
runs the same shapes at a smaller size. Run: .venv/bin/python bench/hostile.py [n=8000] [shape-name ...]
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from app.services.errors import ServiceError
from app.services.ingest import ArticleInput, prepare_article

# Whose code a shape stresses beyond cleaning (the figures and quotes scanners are being rewritten).
FIGURES, QUOTES = "figures", "quotes"


@dataclass(frozen=True, slots=True)
class Shape:
    name: str
    make: Callable[[int], str]  # text of about n characters
    source_format: str = "text"
    owner: str = ""  # the engineer's code that still fails the shape, if known


def run_of(unit: str) -> Callable[[int], str]:
    return lambda n: "Start " + unit * max(1, n // len(unit)) + " end."


def nested(opening: str, closing: str) -> Callable[[int], str]:
    return lambda n: opening * (n // (2 * len(opening))) + "a" + closing * (n // (2 * len(closing)))


PUNCTUATION = ".!?…,;:-–—/\\|&*#@%^~=+_"
QUOTE_MARKS = "\"'“”‘’«»„‚‹›`´"
BRACKETS = "[](){}<>"

ONE_SENTENCE_QUOTES = (
    '"we go" while Doe agreed with the plan, ',
    '"we go," Ann Lee said in a statement today, ',
    'Acme spokeswoman Jo Roe said "we go" and then ',
    'Ann Lee told the council: "we go" and then ',
    'a guide for Acme Corp said "we go" and then ',
)

SHAPES: list[Shape] = [
    Shape("trailing spaces", lambda n: "a" + " " * n + "b"),
    Shape("trailing tabs and nbsp", lambda n: "a" + "\t\u00a0" * (n // 2) + "b"),
    *(Shape(f"run of {mark!r}", run_of(mark)) for mark in PUNCTUATION),
    *(Shape(f"spaced run of {mark!r}", run_of(mark + " ")) for mark in ".!?…"),
    *(Shape(f"run of quote {mark!r}", run_of(mark), owner=QUOTES) for mark in QUOTE_MARKS),
    *(Shape(f"run of bracket {mark!r}", run_of(mark)) for mark in BRACKETS),
    Shape("whitespace only lines", lambda n: "a\n" + " \n" * (n // 2) + "b"),
    Shape("zero-width run", run_of("\u200b")),
    Shape("digits run", run_of("1234567890")),
    Shape("figures '1 '", run_of("1 "), owner=FIGURES),
    Shape("figures '1,000 '", run_of("1,000 "), owner=FIGURES),
    Shape("figures '1.5 '", run_of("1.5 "), owner=FIGURES),
    Shape("figures '5% '", run_of("5% "), owner=FIGURES),
    Shape("figures '$5m '", run_of("$5m "), owner=FIGURES),
    Shape("figures '£12m '", run_of("£12m "), owner=FIGURES),
    Shape("figures '€3bn '", run_of("€3bn "), owner=FIGURES),
    Shape("figures '1-2 '", run_of("1-2 "), owner=FIGURES),
    Shape("figures 'at least 3 dead '", run_of("at least 3 dead, "), owner=FIGURES),
    Shape("figures 'three '", run_of("three "), owner=FIGURES),
    Shape("quotes '\"a\" '", run_of('"a" '), owner=QUOTES),
    Shape("quotes '“a” '", run_of("“a” "), owner=QUOTES),
    Shape("quotes said", run_of('"We will," said Ann Lee. '), owner=QUOTES),
    # Many quotations in one sentence that never ends (no full stop): a pass that reads a quotation's whole
    # sentence is quadratic here. Each unit is long enough that 8n stays under the article's quote limit, so
    # the large text is extracted, not refused.
    *(Shape(f"quotes, no stop {unit[:15]!r}", run_of(unit), owner=QUOTES) for unit in ONE_SENTENCE_QUOTES),
    Shape("capitalised words", run_of("Ann Lee ")),
    Shape("sentences 'A. '", run_of("A. ")),
    Shape("abbreviations 'Mr. '", run_of("Mr. ")),
    Shape("initials 'U.S. '", run_of("U.S. ")),
    Shape("nested parentheses", nested("(", ")")),
    Shape("nested brackets", nested("[", "]")),
    Shape("nested quotes", nested("“", "”"), owner=QUOTES),
    Shape("nested ascii quotes", nested('"', '"'), owner=QUOTES),
    Shape("tiny paragraphs", lambda n: "a.\n\n" * (n // 4)),
    Shape("markdown '['", run_of("["), "markdown"),
    Shape("markdown '_a '", run_of("_a "), "markdown"),
    Shape("markdown '*a '", run_of("*a "), "markdown"),
    Shape("markdown '**a '", run_of("**a "), "markdown"),
    Shape("markdown '~~a '", run_of("~~a "), "markdown"),
    Shape("markdown '[a]('", run_of("[a]("), "markdown"),
    Shape("markdown '![a]['", run_of("![a]["), "markdown"),
    Shape("markdown '<http://'", run_of("<http://"), "markdown"),
    Shape("markdown heading spaces", lambda n: "# a" + " " * n + "b", "markdown"),
    Shape("markdown '# '", run_of("# "), "markdown"),
    Shape("markdown setext", lambda n: "a\n" + "=" * n + " b", "markdown"),
    Shape("html nested divs", nested("<div>", "</div>"), "html"),
    Shape("html tiny paragraphs", lambda n: "<p>a.</p>" * (n // 9), "html"),
]
SIZE_FACTOR = 8
MAX_RATIO = 16.0


def cost(shape: Shape, n: int, *, repeat: int = 1) -> float:
    """CPU seconds of the best of `repeat` runs of the ingest entry point over the shape at size n."""
    text = shape.make(n)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        # A refusal with a sentence is an answer too; its cost is what is measured.
        with contextlib.suppress(ServiceError):
            prepare_article(ArticleInput(outlet="Hostile", content=text, source_format=shape.source_format))
        best = min(best, time.process_time() - started)
    return best


def ratio(shape: Shape, n: int, *, repeat: int = 1) -> tuple[float, float, float]:
    small = cost(shape, n, repeat=repeat)
    large = cost(shape, n * SIZE_FACTOR, repeat=repeat)
    # Below a millisecond the clock, not the text, decides; such costs count as a millisecond.
    return small, large, max(large, 1e-3) / max(small, 1e-3)


def main(argv: list[str]) -> int:
    n = int(argv[0]) if argv and argv[0].isdigit() else 8000
    wanted = [a for a in argv if not a.isdigit()]
    failing = []
    print(f"{'shape':34} {'n':>7} {'cost n':>9} {'cost 8n':>9} {'ratio':>6}")
    for shape in SHAPES:
        if wanted and not any(w in shape.name for w in wanted):
            continue
        small = cost(shape, n, repeat=2)
        if small > 20 / MAX_RATIO:
            # Even a linear 8n would be over 20 s: that alone fails the target, so it is not run.
            verdict = f"FAIL ({shape.owner or 'clean'})"
            print(f"{shape.name:34} {n:>7} {small:>8.3f}s {'not run':>9} {'>16':>6}  {verdict}")
            failing.append(shape)
            continue
        large = cost(shape, n * SIZE_FACTOR, repeat=2)
        r = max(large, 1e-3) / max(small, 1e-3)
        verdict = "ok" if r <= MAX_RATIO and large < 20 else f"FAIL ({shape.owner or 'clean'})"
        if verdict != "ok":
            failing.append(shape)
        print(f"{shape.name:34} {n:>7} {small:>8.3f}s {large:>8.3f}s {r:>6.1f}  {verdict}", flush=True)
    names = ", ".join(f"{s.name} ({s.owner or 'clean'})" for s in failing)
    print(f"\n{len(failing)} shapes fail: {names or 'none'}")
    return 1 if failing else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
