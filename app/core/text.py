"""Text helpers shared by the extractors and the aligner: a matching normal form, paragraph and sentence spans.

Every span is a pair of character offsets into the text given, so callers can map results back onto the
stored article body without re-searching for them.
"""

from __future__ import annotations

import re
import unicodedata

from app.core.lexicon.abbreviations import (
    ABBREVIATIONS,
    LEADING_ABBREVIATIONS,
    SENTENCE_START_WORDS,
    STATE_ABBREVIATIONS,
)

# Quote marks and apostrophes of every family fold to the two ASCII marks so that "don’t" and "don't",
# or „x“ and "x", compare equal across outlets.
_QUOTE_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2039": "'",
        "\u203a": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_WHITESPACE = re.compile(r"\s+")

# A possessive ending of a word: "Doe's", "the Smiths'" (one pattern for speakers and organisations).
POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")


def normalise_for_matching(text: str) -> str:
    """Return the form used to compare text across outlets: NFKC, ASCII quote marks and dashes, casefolded,
    whitespace collapsed to single spaces and trimmed."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD).casefold()
    return _WHITESPACE.sub(" ", folded).strip()


# A candidate sentence end: terminal punctuation, any closing quote marks or brackets, then whitespace.
# It starts only where a run of terminal punctuation starts and is possessive, so a long run ("." * n) is
# read once rather than retried from each of its characters (which is quadratic).
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s)")
_NON_SPACE = re.compile(r"\S")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEWLINE = re.compile(r"\n")
# The first word of what follows a period, past any opening quote marks or brackets; an elision ("It’s",
# "We'll") counts by the word before its apostrophe.
_OPENING_WORD = re.compile(r"[\"'“‘«„(\[]*([A-Z][^\W\d_]*)(?:['’][^\W\d_]+)?")


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` belongs to an abbreviation ("Mr.", "U.S.", "Oct.") or an initial."""
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if match is None:
        return False
    printed = match.group(1).strip(".")
    word = printed.casefold()
    if word in ABBREVIATIONS or (printed[:1].isupper() and word in STATE_ABBREVIATIONS):
        return True
    # Initials and dotted acronyms: "J. Smith", "U.S.", "U.N." — a single letter before the dot.
    last = word.rsplit(".", 1)[-1]
    return len(last) == 1 and last.isalpha()


def _ends_after_abbreviation(text: str, dot: int, following: int, line_end: int) -> bool:
    """Whether the period of an abbreviation at ``dot`` also ends the sentence: the abbreviation may close
    one ("the U.S.", "Acme Inc.", an initial; not "Gen." or "Oct.") and the next word is one that opens a
    sentence ("... lied to the N.T.S.B. Nobody acted"), not a name it may belong to ("the U.S. Congress")."""
    before = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if before is None or before.group(1).casefold().strip(".") in LEADING_ABBREVIATIONS:
        return False
    word = _OPENING_WORD.match(text, following, line_end)
    if word is None:
        return False
    head = word.group(1)
    if not head[1:].islower() and len(head) > 1:
        return False  # "U.S. IT firms": a capitalised acronym, not a sentence's first word
    if word.end() < line_end and text[word.end()] == ".":
        return False  # "J. A. Smith": another initial
    return head.casefold() in SENTENCE_START_WORDS


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Split ``text`` into sentence spans, trimmed of surrounding whitespace.

    ``start`` is added to every offset, so passing ``body[a:b]`` with ``start=a`` gives offsets into
    ``body``. A newline always ends a sentence (headlines and paragraphs carry no final period).
    """
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _line_spans(text):
        cut = line_start
        for match in _SENTENCE_END.finditer(text, line_start, line_end):
            end = match.end()
            # The next character that is not a space, found without copying the rest of the line.
            following = _NON_SPACE.search(text, end, line_end)
            if following is None:
                continue
            # The next sentence must start like one; "e.g. the" or "1.2 million" do not.
            first = following.group()
            if not (first.isupper() or first.isdigit() or first in "\"'“‘«„(["):
                continue
            punct = text[match.start()]
            if (
                punct == "."
                and is_abbreviation(text, match.start())
                and not _ends_after_abbreviation(text, match.start(), following.start(), line_end)
            ):
                continue
            _append_trimmed(text, cut, end, spans)
            cut = end
        _append_trimmed(text, cut, line_end, spans)
    return [(a + start, b + start) for a, b in spans]


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cut = 0
    for match in _NEWLINE.finditer(text):
        spans.append((cut, match.start()))
        cut = match.end()
    spans.append((cut, len(text)))
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``body``, trimmed of surrounding whitespace.

    Articles separate paragraphs either by blank lines or by single newlines, and a single newline never
    continues a sentence in extracted article text, so every non-blank line is a paragraph.
    """
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _line_spans(body):
        _append_trimmed(body, line_start, line_end, spans)
    return spans
