"""Quotes and speakers on real US political news: PolNeAR's hand-annotated attributions.

Runs the core's quote extraction over every article of ``../shared/corpus/polnear/<split>.jsonl`` and scores
it against the direct quotations worked out from the annotations (see the corpus README). Run from the
repository root:

    .venv/bin/python bench/polnear.py [--split train|dev] [-v] [--json] [--limit N]

``train`` is for development; ``dev`` only to check what train taught (never tune on it).

Scoring rules:

- **Quotes.** A gold quotation is found when an extracted quote overlaps its span (any part). Recall counts
  gold quotations of four words or more; precision counts extracted non-fragment quotes, right when they
  overlap any gold quotation (of any length). Quoted titles and slogans outside any attribution are not
  gold, so precision is a lower bound.
- **Speakers**, per ``speaker_kind`` (quotes whose gold has no source are not scored):
  - ``name``: right when the predicted speaker's surname (its last name word, titles stripped, accents and
    transliterations folded, one typo allowed as the engine's one-person rule allows) is the surname of a
    *head* name of the gold span ("Cruz" for "Sen. Ted Cruz of Texas"): a capitalised word that only
    modifies the head ("Democratic" or "Utah" in "former Utah governor Jo Roe", "Gallup" in "Gallup's Jo
    Roe", "Texas" in "of Texas") earns nothing; a one-word span ("Xi", "Hillary") is also right for the
    full name that carries it. (Before this rule, any capitalised word of the span counted: the
    engine's 0.921 on train under that rule is 0.893 under this one.)
  - ``pronoun``: the gold gives the pronoun as written, not whom it refers to. The referent is taken to be
    the nearest source before the pronoun that the annotators marked in *any* attribution (direct or
    indirect speech) and that names someone (a capitalised word that is not a pronoun); right when the
    predicted surname is one of its words, or the source names one name word only ("his wife, Jane,", "the
    Donald") and the predicted full name carries it. A proxy: it fails when the referent was last named
    outside an attribution ("Trump arrived. He said ..."), so pronoun accuracy is a lower bound. A "he" or
    "she" given to a body (an acronym, or a name a body's word closes: "AP", "Environmental Protection
    Agency") is wrong even when the proxy's source holds the word (before this rule the engine's 1166/1617
    on train counted such answers; see the commit that added it for both figures).
    For a "he"/"she"/"him"/"her" the proxy walks back past what cannot be the referent
    (:func:`pronoun_referents`): a source whose role noun ("congresswoman"), head name's honorific ("Mrs.")
    or given name (the engine's given-name lexicon) tells the other gender, a body, and a definite
    description with no name ("the actress", "The Florida senator": anaphoric itself), which before this
    rule counted as "naming someone" for its capital "The" or a place modifier; the answer is right for any
    source from the pronoun back to the nearest name or indefinite description ("the impostor" stays right
    for a look-alike never named). A lone surname ("Sanders") has the gender of the full name the
    article prints for it ("Bernie Sanders"; :func:`surname_genders`). A relative "who" is also right for
    the name printed right before it ("Sen. Jo Roe of Ohio, who said"). The corpus ships no coreference (the CoreNLP files it was built from
    are not in ``../shared/corpus``), so this is still a proxy; engine at d0e0299: train 1205 -> 1233/1618,
    dev 131 -> 139/189 under this rule; the lone-surname rule then, engine at 8428e21: train 1237 -> 1247,
    dev 139 -> 137 (on train every answer it turns wrong is a man given for a "she"/"her" or the reverse);
    the "who" rule, engine at dc36068: train 1251 -> 1265, dev 139 -> 139.
  - ``description``: right when the prediction shares the description's head word ("a Clinton spokesman"
    / "Clinton campaign spokesman"), or its surname is in the description ("Trump's campaign manager Corey
    Lewandowski"), or, for a definite description of an earlier person ("the senator"), in the nearest
    named gold speaker before the quote; or when one is the acronym of the other ("the DNC" / "Democratic
    National Committee": the initials of the name's capitalised words, app.core.org_identity), a body the
    head-word rule missed although the referent is the one the gold names.
  A quote with no prediction (speaker None) is wrong for every kind.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO.parent / "shared" / "corpus" / "polnear"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.core.records import Quote  # noqa: E402

_KINDS = ("name", "pronoun", "description")
# Pairs of marks that open a quotation in typewriter and wire style; the corpus's gold never reads them.
_PAIRED_OPENINGS = frozenset({"''", "``", "‘‘"})
_GENDERED = frozenset({"he", "she", "him", "her"})
_WORD = re.compile(r"[^\W_][\w'’\-]*")


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    extracted: int = 0
    unread: int = 0
    correct: int = 0
    checked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_KINDS, 0))
    right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_KINDS, 0))
    misses: list[str] = field(default_factory=list)


def load(split: str) -> list[dict[str, Any]] | None:
    path = POLNEAR / f"{split}.jsonl"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _overlaps(quote: Quote, start: int, end: int) -> bool:
    return any(part.start < end and start < part.end for part in quote.parts)


def _name_words(text: str) -> set[str]:
    from app.core.speakers import name_tokens

    words = _WORD.findall(text)
    # Each word also as the engine folds a surname (accents, transliterations, doubled letters), since
    # the predicted surname it is compared with is folded so.
    return set(name_tokens(text)) | {w.casefold() for w in words} | {t for w in words for t in name_tokens(w)}


def _surname(predicted: str) -> str | None:
    from app.core.speakers import name_tokens

    tokens = name_tokens(predicted)
    return tokens[-1] if tokens else None


_NOT_NAMES = frozenset(
    {"he", "she", "they", "it", "i", "we", "you", "who", "him", "her", "them", "his", "its"}
)


def named_sources(article: dict[str, Any]) -> list[tuple[int, str]]:
    """(start, text) of every annotated source (direct or indirect speech) that names someone: a source
    with a capitalised word that is not a pronoun, in body order."""
    found: list[tuple[int, str]] = []
    for attribution in article["attributions"]:
        pieces = [f for f in attribution["source"] if not f.get("in_title")]
        if not pieces:
            continue
        text = " ".join(f["text"] for f in pieces)
        if any(w[0].isupper() and w.casefold() not in _NOT_NAMES for w in _WORD.findall(text)):
            found.append((pieces[0]["start"], text))
    found.sort()
    return found


def _previous_named(sources: Sequence[tuple[int, str]], pos: int) -> str | None:
    before = [text for start, text in sources if start < pos]
    return before[-1] if before else None


_PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
_DEFINITE = frozenset({"the", "this", "that", "his", "her", "its", "their"})


_RUN = re.compile(
    r"[A-Z][\w.'’\-]*(?:\s+(?:(?:de|van|von|der|bin|al|la|le|del|da|di|of)\s+)?[A-Z][\w.'’\-]*)*"
)
_PARENS = re.compile(r"\([^)]*\)?")
# Lower-case words that may follow a person's name in the annotated span without making the name a modifier
# ("Sen. Ted Cruz of Texas", "Jo Doe and Al Roe", "Jo Doe, who ...", "Cruz himself").
_AFTER_HEAD = frozenset(
    {"of", "and", "or", "who", "which", "at", "from", "in", "with", "on", "for", "a", "an", "the"}
    | {"himself", "herself", "themselves", "itself"}
)

_PLACE_BEFORE = frozenset({"of", "at", "from", "in"})

# The name a relative "who" stands for: the capitalised run right before it, past an "of <place>" and a
# comma ("Sen. Jo Roe of Ohio, who", "Jo Roe who").
_NAME_BEFORE_WHO = re.compile(
    r"([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)(?:\s+of\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)*)?\s*,?\s*$"
)


def head_runs(span: str) -> list[str]:
    """The capitalised runs of a gold span that are its heads, not modifiers (see :func:`gold_names`)."""
    text = _PARENS.sub(" ", span)
    heads: list[str] = []
    possessives: list[str] = []
    for run in _RUN.finditer(text):
        after = text[run.end() :].lstrip(" \u00a0")
        next_word = after.split(maxsplit=1)[0] if after else ""
        before = text[: run.start()].rstrip().rsplit(maxsplit=1)
        if before and before[-1] in _PLACE_BEFORE:
            continue  # "of Texas", "at Emory University": where the person is from, not who
        if run.group(0).endswith(("'s", "’s", "'", "’")):
            possessives.append(run.group(0))
        elif next_word[:1].islower() and next_word.strip(",;:") not in _AFTER_HEAD:
            continue
        else:
            heads.append(run.group(0))
    return heads or possessives


def gold_names(span: str) -> set[str]:
    """The surnames a named gold source stands for: the last word of each capitalised run of the span that
    is a head, not a modifier. A run followed by a lower-case noun modifies it ("Democratic strategist Jo
    Roe", "former Utah governor Jo Roe"), and so does a possessive ("Gallup's Jo Roe"), unless it is the only
    run ("Trump's" as the source of "Trump's claim"); a single-word span also names its given-name form
    ("Hillary", "Xi": the full name the engine prints carries it)."""
    return {tokens[-1] for run in head_runs(span) if (tokens := _run_tokens(run))}


def _run_tokens(run: str) -> list[str]:
    """A run's name words; "Secretary of State Jo Roe" and "RNC Chief of Staff Jo Roe" are Jo Roe, where "Jo
    Roe of Ohio" is Jo Roe too."""
    from app.core.lexicon.speech import TITLE_WORDS
    from app.core.speakers import name_tokens

    tokens = name_tokens(run)
    if " of " in run and tokens and tokens[-1] in TITLE_WORDS:
        # The words before "of" close in a title ("Secretary", "RNC Chief"): the name follows the office.
        tokens = name_tokens(run.split(" of ", 1)[1]) or tokens
    return tokens


def surname_genders(text: str) -> dict[str, str]:
    """The gender of each surname the article prints after a gendered given name or honorific ("Bernie
    Sanders", "Mrs. Roe"), when all its bearers agree: a lone "Sanders" in a source is then a man."""
    from app.core.lexicon.names import (
        FEMALE_GIVEN_NAMES,
        FEMALE_HONORIFICS,
        MALE_GIVEN_NAMES,
        MALE_HONORIFICS,
    )

    seen: dict[str, set[str]] = {}
    for run in _RUN.finditer(text):
        words = [w.casefold().rstrip(".") for w in _WORD.findall(run.group(0))]
        if len(words) < 2:
            continue
        given = words[-2]
        told = (
            "m"
            if given in MALE_GIVEN_NAMES | MALE_HONORIFICS
            else "f"
            if given in FEMALE_GIVEN_NAMES | FEMALE_HONORIFICS
            else None
        )
        if told is not None:
            seen.setdefault(words[-1], set()).add(told)
    return {surname: genders.pop() for surname, genders in seen.items() if len(genders) == 1}


def source_gender(span: str, known: Mapping[str, str] | None = None) -> str | None:
    """ "m"/"f" when an annotated source tells its gender: a gendered role noun ("the congresswoman", "Acme
    spokesman Jo Roe", "his wife, Jane"), or a head name's gendered honorific ("Mrs. Roe") or given name
    ("Hillary Clinton"; "Jo Roe" tells nothing: the engine's given-name lexicon); None when it tells none
    or both."""
    from app.core.lexicon.names import (
        FEMALE_GIVEN_NAMES,
        FEMALE_HONORIFICS,
        MALE_GIVEN_NAMES,
        MALE_HONORIFICS,
    )
    from app.core.lexicon.speech import ROLE_GENDER

    text = _PARENS.sub(" ", span)
    # Lower-case words only: "King" and "Prince" are surnames too.
    told = {ROLE_GENDER[w] for w in _WORD.findall(text) if w.islower() and w in ROLE_GENDER}
    heads = head_runs(text)
    for run in heads:
        words = [w.casefold().rstrip(".") for w in _WORD.findall(run)][:-1]  # the last word is the surname
        told |= {"m" for w in words if w in MALE_GIVEN_NAMES | MALE_HONORIFICS}
        told |= {"f" for w in words if w in FEMALE_GIVEN_NAMES | FEMALE_HONORIFICS}
        if not words and known and len(heads) == 1:
            # A lone surname: the gender of the full name the article prints for it.
            lone = [w.casefold() for w in _WORD.findall(run)]
            told |= {known[lone[-1]]} if lone and lone[-1] in known else set()
    return told.pop() if len(told) == 1 else None


def pronoun_referents(
    sources: Sequence[tuple[int, str]], pos: int, gender: str, known: Mapping[str, str] | None = None
) -> list[str]:
    """The annotated sources a "he"/"she" at ``pos`` may refer to, nearest first: back to the nearest source
    before it that names a person (a head name, see :func:`gold_names`) or is an indefinite description ("a
    campaign spokeswoman"), past the definite descriptions with no name in between ("the actress", "The
    Florida senator"), which count too: each refers further back or to someone never named ("the
    impostor"). Passed over: a body ("AP") and a source whose role noun, honorific or given name tells the
    other gender (``known``: :func:`surname_genders` of the article, for a lone surname)."""
    from app.core.org_identity import is_body

    found: list[str] = []
    for start, text in reversed(sources):
        if start >= pos:
            continue
        told = source_gender(text, known)
        if told is not None and told != gender:
            continue
        if gold_names(text):
            if is_body(re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", text)):
                continue  # "the AP", "Environmental Protection Agency": no "he" or "she"
            return [*found, text]
        words = _WORD.findall(text)
        found.append(text)
        if not words or words[0].casefold() not in _DEFINITE:
            return found
    return found


def named_right(span: str, predicted: str) -> bool:
    """A named source is right when the predicted name's surname is one of the span's head surnames (or
    one typo from it, the engine's own one-person rule), or
    when the span is one name word that the predicted full name carries ("Xi" for "Xi Jinping")."""
    from app.core.speakers import name_tokens

    tokens = name_tokens(predicted)
    if not tokens:
        return False
    from app.core.speakers import same_surname

    heads = gold_names(span)
    if any(same_surname(tokens[-1], head) for head in heads):
        return True  # the article's misspelling ("Keidis") of the person's name counts as that person
    span_tokens = name_tokens(_PARENS.sub(" ", span))
    # A lone word is folded as a surname ("Hillary" -> "hilary", doubled letters written once), the given
    # name of a full name is not: both are compared with their doubled letters written once.
    return len(span_tokens) == 1 and len(tokens) > 1 and _singled(span_tokens[0]) in map(_singled, tokens)


def speaker_right(
    expected: dict[str, Any],
    predicted: str | None,
    sources: Sequence[tuple[int, str]],
    genders: Mapping[str, str] | None = None,
    text: str = "",
) -> bool:
    from app.core.org_identity import is_acronym_of, is_body

    if not predicted:
        return False
    surname = _surname(predicted)
    kind = expected["speaker_kind"]
    here = expected["speaker_start"] if expected["speaker_start"] is not None else expected["start"]
    if kind == "name":
        return surname is not None and named_right(expected["speaker"], predicted)
    earlier = _previous_named(sources, here)
    if kind == "pronoun":
        pronoun = expected["speaker"].strip().casefold()
        if pronoun in _GENDERED and is_body(predicted):
            return False  # "he" given to "AP" or "HP": no body is a "he" or "she", whatever the proxy says
        if pronoun in _GENDERED:
            referents = pronoun_referents(sources, here, _PRONOUN_GENDER[pronoun], genders)
            return surname is not None and any(_refers_to(r, predicted, surname) for r in referents)
        if pronoun == "who" and expected["speaker_start"] is not None:
            # "Sen. Jo Roe of Ohio, who said ...": the relative pronoun stands for the name right before it.
            antecedent = _NAME_BEFORE_WHO.search(text[: expected["speaker_start"]]) if text else None
            if antecedent is not None and surname is not None and named_right(antecedent.group(1), predicted):
                return True
        return surname is not None and earlier is not None and _refers_to(earlier, predicted, surname)
    described = _name_words(expected["speaker"])
    head = [w.casefold() for w in _WORD.findall(expected["speaker"])]
    predicted_words = {w.casefold() for w in _WORD.findall(predicted)}
    if head and head[-1] in predicted_words:
        return True
    if is_acronym_of(expected["speaker"], predicted) or is_acronym_of(predicted, expected["speaker"]):
        return True  # "the DNC" printed, its full name predicted: one body (org_identity's initials rule)
    if surname is not None and surname in described:
        return True
    return surname is not None and earlier is not None and _refers_to(earlier, predicted, surname)


def _refers_to(source: str, predicted: str, surname: str) -> bool:
    """Whether the annotated ``source`` names the predicted person: the predicted surname is one of its words,
    or, as for a one-word named span, the source names one name word only ("his wife, Jane,") and the
    predicted full name carries it."""
    from app.core.speakers import name_tokens

    if surname in _name_words(source):
        return True
    capitals = [w for w in _WORD.findall(source) if w[:1].isupper() and w.casefold() not in _NOT_NAMES]
    tokens = name_tokens(predicted)
    return (
        len(capitals) == 1
        and len(tokens) > 1
        and any(_singled(w) in map(_singled, tokens) for w in name_tokens(capitals[0]))
    )


def _singled(word: str) -> str:
    """A name word with its doubled letters written once ("hillary" -> "hilary")."""
    return re.sub(r"(\w)\1+", r"\1", word)


def score(articles: Sequence[dict[str, Any]], *, verbose: bool) -> Tally:
    from app.core.extract import extract_article

    tally = Tally()
    for article in articles:
        text = article["text"]
        # Through the service's entry point: page furniture (datelines, captions) is no quote or speaker.
        quotes = extract_article(text).quotes
        gold = article["quotes"]
        sources = named_sources(article)
        genders = surname_genders(text)
        for expected in gold:
            matches = [q for q in quotes if _overlaps(q, expected["start"], expected["end"])]
            long_enough = len(expected["text"].split()) >= 4
            if long_enough:
                tally.gold += 1
                tally.found += bool(matches)
                if not matches and verbose:
                    tally.misses.append(f"{article['id']}: quote missed: {expected['text'][:60]!r}")
            kind = expected["speaker_kind"]
            if not matches or kind not in _KINDS:
                continue
            # The longest overlapping quote carries the attribution of the quotation.
            found = max(matches, key=lambda q: len(q.text))
            tally.checked[kind] += 1
            if speaker_right(expected, found.speaker, sources, genders, text):
                tally.right[kind] += 1
            elif verbose:
                tally.misses.append(
                    f"{article['id']}@{expected['start']}: {kind}: got {found.speaker!r} "
                    f"(mention {found.speaker_mention!r}), want {expected['speaker']!r} "
                    f"[cue {expected['cue']!r}] for {expected['text'][:50]!r}"
                )
        for quote in quotes:
            if quote.fragment:
                continue
            overlapping = any(_overlaps(quote, g["start"], g["end"]) for g in gold)
            if not overlapping and text[max(0, quote.start - 2) : quote.start] in _PAIRED_OPENINGS:
                # Opened by two apostrophes (NYT style): the corpus reads quotations between double marks
                # only, so it has no gold for these (see its README); kept out of precision, counted apart.
                tally.unread += 1
                continue
            tally.extracted += 1
            if overlapping:
                tally.correct += 1
            elif verbose:
                tally.misses.append(f"{article['id']}: extra quote: {quote.text[:60]!r}")
    return tally


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:6.1%} ({part}/{whole})" if whole else "   n/a"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--json", action="store_true", help="also print the scores as JSON")
    parser.add_argument("--limit", type=int, default=0, help="score the first N articles only")
    args = parser.parse_args(argv)
    articles = load(args.split)
    if articles is None:
        print(f"polnear: skipped, {POLNEAR / (args.split + '.jsonl')} is absent")
        return 0
    if args.limit:
        articles = articles[: args.limit]
    tally = score(articles, verbose=args.verbose)
    if args.verbose:
        for line in tally.misses:
            print(f"  - {line}")
    print(f"\n== polnear {args.split} ({len(articles)} articles)")
    rows = {
        "quote recall (>= 4 words)": (tally.found, tally.gold),
        "quote precision": (tally.correct, tally.extracted),
        **{f"speaker accuracy: {kind}": (tally.right[kind], tally.checked[kind]) for kind in _KINDS},
        "speaker accuracy: all": (sum(tally.right.values()), sum(tally.checked.values())),
    }
    for label, (part, whole) in rows.items():
        print(f"  {label:30s} {_ratio(part, whole)}")
    print(f"  {'quotes in paired marks, no gold':30s} {tally.unread:6d}")
    if args.json:
        print(json.dumps({label: {"hit": p, "of": w} for label, (p, w) in rows.items()}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
