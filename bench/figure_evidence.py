"""Fit the weights of the figure evidence (app/core/figures/evidence.py) on the TUNE events' gold pairs.

Every two annotated figures of one tune event in two different articles that pass the evidence's gates make a
pair: positive when the gold puts them in one figure group, negative when they sit in two groups or either is
a number that must stay alone (traps included). A logistic regression (plain gradient descent, L2) fits one
weight per clue; the script prints the weights to paste into ``evidence.WEIGHTS`` and, per threshold, how many
positive and negative pairs would be linked. Held-out events are never read.

    .venv/bin/python bench/figure_evidence.py [-v] [--bayes] [--only=clue,clue]

``--only`` fits just the named clues (one added since the last fit), the other weights and the bias held.

The threshold is then chosen with bench/figures.py on the tune split: the lowest that adds no leak.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import locate_figure, overlaps
from figures import _harmless_to_group, _same_normalised, load_gold_events

Pair = tuple[dict[str, float], int, str]


def gold_pairs() -> list[Pair]:
    from app.core.extract import extract_article
    from app.core.figure_groups import figure_item
    from app.core.figures.evidence import evidence, features

    pairs: list[Pair] = []
    for corpus, _ in load_gold_events("tune"):
        names = list(corpus.bodies)
        labelled: list[tuple[int, Any, str]] = []  # (article, item, gold label)
        for article, name in enumerate(names):
            body = corpus.bodies[name]
            figures = [f for f in extract_article(body).figures if not f.chrome]
            # A value the article already gave is a second mention: the grouping never weighs evidence for
            # it (``assign_and_bridge``), so its pairs say nothing of the evidence.
            seen: set[tuple[str, str | None, float | None]] = set()
            repeated: set[int] = set()
            for f in figures:
                mark = (f.kind, f.unit, f.value)
                if mark in seen:
                    repeated.add(id(f))
                seen.add(mark)
            for annotation in corpus.gold["articles"][name]["figures"]:
                if _harmless_to_group(annotation):
                    continue
                span = locate_figure(body, annotation)
                match = next(
                    (f for f in figures if span and overlaps(span, f) and _same_normalised(annotation, f)),
                    None,
                )
                if match is None or id(match) in repeated:
                    continue
                label = annotation.get("group") or _group_of(corpus.gold, name, annotation["text"])
                item = figure_item(match, key=len(labelled), article_key=article)
                labelled.append((article, item, label or f"alone:{name}:{annotation['text']}"))
        for i, (article_a, a, label_a) in enumerate(labelled):
            for article_b, b, label_b in labelled[i + 1 :]:
                if article_a == article_b:
                    continue
                found = evidence(a, b)
                if found is None:
                    continue
                same = int(label_a == label_b and not label_a.startswith("alone:"))
                pairs.append((features(found), same, f"{corpus.name[:20]} {a.text!r}~{b.text!r}"))
    return pairs


def _group_of(gold: dict[str, Any], name: str, text: str) -> str | None:
    for group in gold["figure_groups"]:
        if [name, text] in group["members"] or (name, text) in map(tuple, group["members"]):
            return str(group["id"])
    return None


def fit_naive_bayes(pairs: list[Pair], *, alpha: float = 1.0) -> dict[str, float]:
    """Per clue, the log-likelihood ratio of one quantity when it is present against when it is absent
    (Laplace smoothing ``alpha``); the bias is the prior log-odds plus every clue's absent ratio. Rare clues
    (a date printed by every outlet) keep the weight their few pairs show, which a regularised regression
    spreads over the clues that co-occur with them."""
    names = list(pairs[0][0])
    positives = [x for x, y, _ in pairs if y]
    negatives = [x for x, y, _ in pairs if not y]
    weights: dict[str, float] = {}
    bias = math.log(len(positives) / len(negatives))
    for n in names:
        p = (sum(x[n] > 0 for x in positives) + alpha) / (len(positives) + 2 * alpha)
        q = (sum(x[n] > 0 for x in negatives) + alpha) / (len(negatives) + 2 * alpha)
        weights[n] = math.log(p / q) - math.log((1 - p) / (1 - q))
        bias += math.log((1 - p) / (1 - q))
    return {**weights, "_bias": bias}


def fit(
    pairs: list[Pair],
    *,
    rate: float = 0.1,
    rounds: int = 3000,
    l2: float = 0.001,
    only: frozenset[str] | None = None,
) -> dict[str, float]:
    """The regression's weights and bias. ``only``: fit just these clues (a clue added since the last fit),
    every other weight and the bias held at the ones in use, so a new clue does not move the calibrated rest."""
    from app.core.figures.evidence import BIAS, WEIGHTS

    names = list(pairs[0][0])
    weights = dict.fromkeys(names, 0.0)
    bias = 0.0
    if only is not None:
        weights = {n: (0.0 if n in only else WEIGHTS.get(n, 0.0)) for n in names}
        bias = BIAS
    # Each class weighs as much in total: the negatives outnumber the positives many times over.
    positives = sum(y for _, y, _ in pairs) or 1
    negatives = len(pairs) - positives or 1
    for _ in range(rounds):
        grad = dict.fromkeys(names, 0.0)
        grad_bias = 0.0
        for x, y, _ in pairs:
            z = bias + sum(weights[n] * x[n] for n in names)
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            w = 0.5 / positives if y else 0.5 / negatives
            for n in names:
                grad[n] += w * (p - y) * x[n]
            grad_bias += w * (p - y)
        for n in names:
            if only is None or n in only:
                weights[n] -= rate * (grad[n] + l2 * weights[n]) * 10
        if only is None:
            bias -= rate * grad_bias * 10
    return {**weights, "_bias": bias}


def main() -> int:
    pairs = gold_pairs()
    positives = sum(y for _, y, _ in pairs)
    print(
        f"{len(pairs)} gated pairs on the tune events: {positives} positive, {len(pairs) - positives} negative"
    )
    # The regression is the fit in use (evidence.WEIGHTS); --bayes prints the naive Bayes ratios beside it,
    # which overcount clues that come together (each shared context word) and so were not kept.
    only = next((frozenset(a.split("=", 1)[1].split(",")) for a in sys.argv if a.startswith("--only=")), None)
    fitted = fit_naive_bayes(pairs) if "--bayes" in sys.argv else fit(pairs, only=only)
    bias = fitted.pop("_bias")
    print("WEIGHTS =", {k: round(v, 2) for k, v in fitted.items()}, "BIAS =", round(bias, 2))
    scored = [(score_of(x, fitted, bias), y, note) for x, y, note in pairs]
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        linked_pos = sum(1 for s, y, _ in scored if y and s >= threshold)
        linked_neg = sum(1 for s, y, _ in scored if not y and s >= threshold)
        print(
            f"  threshold {threshold:.2f}: positives linked {linked_pos}/{positives}, negatives linked {linked_neg}"
        )
    if "-v" in sys.argv:
        for s, y, note in sorted(scored, key=lambda t: -t[0])[:60]:
            print(f"    {s:.2f} {'+' if y else '-'} {note}")
    return 0


def score_of(x: dict[str, float], weights: dict[str, float], bias: float) -> float:
    z = bias + sum(weights[n] * v for n, v in x.items())
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


if __name__ == "__main__":
    raise SystemExit(main())
