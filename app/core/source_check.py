"""Check a report's quote against the source: verbatim, trimmed, altered, spliced or not found.

The source is read once into a :class:`SourceIndex`: its words in a matching form (case, punctuation,
quote-mark style, British/American spelling and contractions folded; one character per word, so rapidfuzz
and ``str.find`` compare words), the sentence and turn of every word, and a trigram index. A quote is then
looked up in a few steps, none of which grows with the source:

1. the quote's words found contiguously (``str.find`` on the word codes) -> ``verbatim`` when they are
   whole source sentences, ``trimmed`` when they start or stop inside one;
2. otherwise the trigram index names candidate regions, each aligned with the quote word by word (a local
   alignment, so that the parts of a quote that match elsewhere are left for a second look);
3. parts of the quote that match somewhere else (not adjacent, another sentence, or across an ellipsis)
   make it ``spliced``; words substituted, added or dropped inside one passage make it ``altered``,
   ``severe`` when a number, a modal verb ("may" -> "will") or a negation changed; too little in common is
   ``not_found``.

Quotes of fewer than four words (fragments such as "reckless" or "a total failure") are matched exactly or
not at all: so few words carry too little evidence for a fuzzy match, and a fuzzy three-word match would
find something in any long transcript.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from app.core.lexicon.speech import GENERIC_SPEAKERS, ORG_WORDS, ROLE_NOUNS
from app.core.lexicon.transcript import DROPPABLE_OPENERS, MODALS, NEGATIONS, NUMBER_WORDS, QUESTION_LABELS
from app.core.similarity import STOPWORDS, encode, fold_word
from app.core.speakers import canonical_speaker, fold_accents
from app.core.text import ABBREVIATIONS
from app.core.transcript import Turn, source_turns

STATUSES = ("verbatim", "trimmed", "altered", "spliced", "not_found")
# How good a result is, best first: with several sources the best result wins.
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}
# Quotes shorter than this (in words) are matched exactly only (see the module docstring).
MIN_FUZZY_WORDS = 4
# A passage of a splice must share at least this many words with the source in order.
MIN_PIECE_WORDS = 4
# Share of the quote's words a fuzzy match must find in the source, in order.
MIN_SHARE = 0.55
# A trigram found more often than this names no region ("one of the"); rarer ones do the work.
MAX_GRAM_HITS = 64
# Words a quote may drop inside one source sentence and still be one (altered) passage; a longer skip
# joins two passages of the sentence (spliced).
MAX_DROPPED_INSIDE = 6
# Candidate regions aligned per look-up.
MAX_CANDIDATES = 3
# Local alignment scores: a shared word, a substituted word, a word on one side only.
_MATCH, _MISMATCH, _GAP = 2, -1, -1

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+(?:['’][^\W_]+)*|%")
_ELLIPSIS = re.compile(r"\[\s*(?:\.\s?){3}\s*\]|\[\s*…\s*\]|(?:\.\s?){3}|…")
_EDITORIAL = re.compile(r"\[[^\[\]]{0,80}\]")
_TERMINAL = re.compile(r"[.!?…]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_QUESTIONER_WORDS = frozenset(word for label in QUESTION_LABELS for word in label.split())
_QUOTE_END = re.compile(r"[.!?][\"'”’»)\]]*\s*$")
_CONTRACTED_NOT = {"won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"]}
_CLITICS = {"'re": "are", "'ll": "will", "'ve": "have", "'d": "would", "'m": "am"}
# "it's" is "it is"; any other "'s" is a possessive and stays part of its word.
_IS_CONTRACTED = frozenset({"it", "that", "there", "here", "what", "who", "where", "he", "she", "how"})


@dataclass(frozen=True, slots=True)
class Word:
    """One word in its matching form, with the character span it was read from."""

    form: str
    start: int
    end: int


def _expand(folded: str) -> list[str]:
    """A contraction as its words, every word kept: "don't" -> do not, "it's" -> it is, "we'll" -> we will."""
    if folded in _CONTRACTED_NOT:
        return _CONTRACTED_NOT[folded]
    if folded.endswith("n't") and len(folded) > 3:
        return [folded[:-3], "not"]
    if folded == "cannot":
        return ["can", "not"]
    for clitic, full in _CLITICS.items():
        if folded.endswith(clitic) and len(folded) > len(clitic):
            return [folded[: -len(clitic)], full]
    if folded.endswith("'s") and folded[:-2] in _IS_CONTRACTED:
        return [folded[:-2], "is"]
    if folded == "let's":
        return ["let", "us"]
    return [folded]


@lru_cache(maxsize=100_000)
def _forms(raw: str) -> tuple[str, ...]:
    """The matching forms of one printed word (several for a contraction)."""
    if raw == "%":
        return ("percent",)
    if raw[0].isdigit():
        return (raw.replace(",", ""),)
    return tuple(NUMBER_WORDS.get(piece, piece) for piece in _expand(fold_word(raw)))


def read_words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` in matching form; "per cent" and "%" read as "percent"."""
    out: list[Word] = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        for piece in _forms(match.group()):
            if piece == "cent" and out and out[-1].form == "per" and out[-1].end >= match.start() - 1:
                out[-1] = Word("percent", out[-1].start, match.end())
                continue
            out.append(Word(piece, match.start(), match.end()))
    return out


@dataclass(frozen=True, slots=True)
class SourceIndex:
    """A source read once for every quote checked against it."""

    body: str
    words: tuple[Word, ...]
    codes: str  # one character per word (``similarity.encode``)
    sentence: tuple[int, ...]  # sentence number of every word
    turn_of: tuple[int, ...]  # index into ``turns`` of every word
    turns: tuple[Turn, ...]
    grams: dict[str, list[int]] = field(repr=False)  # word trigram (3 codes) -> word positions

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of words ``first`` to ``last - 1``."""
        return self.words[first].start, self.words[last - 1].end


def build_index(body: str, turns: Sequence[Turn] | None = None) -> SourceIndex:
    """Read a source: its turns (see :mod:`app.core.transcript`), words, sentences and trigrams."""
    turns = tuple(source_turns(body) if turns is None else turns)
    words: list[Word] = []
    sentence: list[int] = []
    turn_of: list[int] = []
    number = 0
    for t, turn in enumerate(turns):
        if words and not (turn.continues and not _TERMINAL.search(body, words[-1].end, turn.start)):
            number += 1
        for word in read_words(body, turn.start, turn.end):
            if words and turn_of[-1] == t and _ends_sentence(body, words[-1], word.start):
                number += 1
            words.append(word)
            sentence.append(number)
            turn_of.append(t)
    codes = encode(w.form for w in words)
    grams: dict[str, list[int]] = {}
    for i in range(len(codes) - 2):
        grams.setdefault(codes[i : i + 3], []).append(i)
    return SourceIndex(body, tuple(words), codes, tuple(sentence), tuple(turn_of), turns, grams)


def _ends_sentence(body: str, word: Word, next_start: int) -> bool:
    """True when a sentence ends between ``word`` and the next word: a terminal mark, a blank line, or a
    line break before a capital (a transcript hard-wrapped mid-sentence runs on over its line breaks)."""
    gap = body[word.end : next_start]
    if "\n" in gap and (
        "\n\n" in gap.replace(" ", "").replace("\t", "") or body[next_start : next_start + 1].isupper()
    ):
        return True
    mark = _TERMINAL.search(gap)
    if mark is None:
        return False
    if gap[mark.start()] == "." and mark.start() == 0:
        raw = body[word.start : word.end].casefold()
        if raw in ABBREVIATIONS or (len(raw) == 1 and raw.isalpha()):
            return False
    return True


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the source passage and the quote, in matching form."""

    op: str  # replace | insert (quote only) | delete (source only)
    source: str
    quote: str
    severe: str | None = None  # number | modal | negation


@dataclass(frozen=True, slots=True)
class SourceCheck:
    status: str
    start: int | None = None  # the source passage (the first one of a splice), character offsets
    end: int | None = None
    passages: tuple[tuple[int, int], ...] = ()
    severe: bool = False
    changes: tuple[Change, ...] = ()
    source_speaker: str | None = None  # the speaker of the source turn the passage is in
    source_label: str | None = None  # that turn's label as printed ("MAYOR DANA OKORO")
    question: bool = False  # the passage is a questioner's turn
    matched: float = 0.0  # share of the quote's words found in order

    @property
    def rank(self) -> tuple[int, float]:
        return STATUS_RANK[self.status], -self.matched


NOT_FOUND = SourceCheck("not_found")


@dataclass(frozen=True, slots=True)
class _Quote:
    words: tuple[str, ...]
    codes: str
    # Word positions an ellipsis stands before: the quote says words were left out there.
    breaks: frozenset[int]
    ends_sentence: bool  # the printed quote ends with a full stop, question or exclamation mark


def read_quote(text: str) -> _Quote:
    """A quote's words; editorial insertions dropped, ellipses remembered, a leading "and"/"but" dropped."""
    words: list[str] = []
    breaks: set[int] = set()
    for n, piece in enumerate(_ELLIPSIS.split(text)):
        if n:
            breaks.add(len(words))
        words.extend(w.form for w in read_words(_EDITORIAL.sub(" ", piece)))
    if words and words[0] in DROPPABLE_OPENERS:
        words = words[1:]
        breaks = {b - 1 for b in breaks}
    breaks = {b for b in breaks if 0 < b < len(words)}
    return _Quote(tuple(words), encode(words), frozenset(breaks), bool(_QUOTE_END.search(text)))


def check_quote(text: str, index: SourceIndex, speaker: str | None = None) -> SourceCheck:
    """How the quote ``text`` relates to the source; ``speaker`` (the report's) breaks ties between repeats."""
    quote = read_quote(text)
    n = len(quote.words)
    if n == 0 or not index.words:
        return NOT_FOUND
    exact = _exact(quote, index, speaker)
    if exact is not None:
        return _contiguous(quote, index, exact, exact + n)
    if n < MIN_FUZZY_WORDS:
        return _changed_fragment(quote, index, speaker) or NOT_FOUND
    pieces = _locate(quote, 0, n, index, speaker)
    if not pieces:
        return NOT_FOUND
    main = max(pieces, key=lambda p: p.equal)
    # A second passage must be one: enough shared words, and shared words that say something ("and we
    # will ... the" is found anywhere).
    pieces = [
        p
        for p in pieces
        if p is main
        or (
            p.equal >= MIN_PIECE_WORDS
            and p.equal >= MIN_SHARE * p.length
            and _content_shared(quote, index, p) >= 2
        )
    ]
    if _content_shared(quote, index, main) == 0:
        return NOT_FOUND
    matched = sum(p.equal for p in pieces) / n
    # A short quote with one word changed ("the repairs will cost") shares only three words in order.
    if matched < MIN_SHARE or main.equal < (MIN_PIECE_WORDS if n > 5 else 3):
        return NOT_FOUND
    joined = _passages(quote, index, pieces)
    passages = [_word_range(pairs) for pairs in joined]
    located = {i for p in pieces for i in range(p.q0, p.q1)}
    changes = [c for pairs in joined for c in _changes(quote, index, pairs)]
    changes += [Change("insert", "", quote.words[i]) for i in range(n) if i not in located]
    changes = _with_severity(changes)
    first = passages[0]
    start, end = _span(quote, index, first[0], first[1])
    source_speaker, question = _turn_speaker(index, first[0])
    if len(passages) == 1 and not changes:  # pragma: no cover - an exact match is found by the first step
        return _contiguous(quote, index, first[0], first[1])
    spans = tuple(_span(quote, index, a, b) for a, b in passages)
    return SourceCheck(
        "spliced" if len(passages) > 1 else "altered",
        start,
        end,
        spans,
        severe=any(c.severe for c in changes),
        changes=tuple(changes),
        source_speaker=source_speaker,
        source_label=_turn_label(index, first[0]),
        question=question,
        matched=round(matched, 3),
    )


def _exact(quote: _Quote, index: SourceIndex, speaker: str | None) -> int | None:
    """Where the quote's words occur contiguously: the occurrence in the speaker's turn, whole sentences
    first, else the first occurrence."""
    found: list[int] = []
    at = index.codes.find(quote.codes)
    while at >= 0 and len(found) < 50:
        found.append(at)
        at = index.codes.find(quote.codes, at + 1)
    if not found:
        return None
    n = len(quote.words)

    def preference(at: int) -> tuple[bool, bool, int]:
        return (
            _speaks(index, at, speaker) is not True,
            not (_starts_sentence(index, at) and _ends_at_sentence(index, at + n)),
            at,
        )

    return min(found, key=preference)


def _contiguous(quote: _Quote, index: SourceIndex, first: int, last: int) -> SourceCheck:
    whole = _starts_sentence(index, first) and _ends_at_sentence(index, last)
    start, end = _span(quote, index, first, last)
    source_speaker, question = _turn_speaker(index, first)
    return SourceCheck(
        "verbatim" if whole else "trimmed",
        start,
        end,
        ((start, end),),
        source_speaker=source_speaker,
        source_label=_turn_label(index, first),
        question=question,
        matched=1.0,
    )


def _starts_sentence(index: SourceIndex, first: int) -> bool:
    s = index.sentence
    if first == 0 or s[first] != s[first - 1]:
        return True
    # A quote may drop the "And"/"But" its sentence opened with.
    before = first - 1
    return index.words[before].form in DROPPABLE_OPENERS and (before == 0 or s[before] != s[before - 1])


def _ends_at_sentence(index: SourceIndex, last: int) -> bool:
    return last >= len(index.words) or index.sentence[last] != index.sentence[last - 1]


def _span(quote: _Quote, index: SourceIndex, first: int, last: int) -> tuple[int, int]:
    start, end = index.span(first, last)
    # A quote printed with its full stop covers the source's full stop too.
    if quote.ends_sentence and end < len(index.body) and index.body[end] in ".!?…":
        end += 1
    return start, end


def _turn_speaker(index: SourceIndex, word: int) -> tuple[str | None, bool]:
    turn = index.turns[index.turn_of[word]]
    return turn.speaker, turn.question


def _turn_label(index: SourceIndex, word: int) -> str | None:
    return index.turns[index.turn_of[word]].label


def _speaks(index: SourceIndex, word: int, speaker: str | None) -> bool | None:
    """Whether ``speaker`` is the speaker of the turn holding ``word``; None when either is unknown."""
    turn = index.turns[index.turn_of[word]]
    if not speaker or (turn.speaker is None and not turn.question):
        return None
    return not turn.question and same_speaker(speaker, turn.speaker, turn.label, _speakers(index)) is True


def _speakers(index: SourceIndex) -> list[str]:
    return [f"{t.label or ''} {t.speaker or ''}" for t in index.turns if t.speaker]


def _name_words(name: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", fold_accents(name)) if w not in ("the", "a", "an", "of")}


def same_speaker(
    speaker: str, turn_speaker: str | None, label: str | None, everyone: Sequence[str]
) -> bool | None:
    """Whether the report's ``speaker`` is the source turn's: True, False, or None when it cannot be told.

    A name is compared as a name ("Okoro" is "Mayor Dana Okoro"); a role alone is the turn's when its label
    has it ("the mayor" for MAYOR DANA OKORO), someone else's when another turn's label has it, and
    unknown otherwise; a body ("the council") or a crowd ("officials") is never a person's mismatch.
    """
    if turn_speaker is None:
        return None
    if canonical_speaker(speaker, [turn_speaker]) is not None:
        return True
    words = _name_words(speaker)
    if not words:
        return None
    own = _name_words(turn_speaker) | _name_words(label or "")
    if words <= own:
        return True
    if own <= ROLE_NOUNS:
        # The source names a role only ("THE MAYOR:"): whoever holds it may be the report's named person.
        return None
    if words & ORG_WORDS or words & GENERIC_SPEAKERS:
        return None
    if words <= ROLE_NOUNS:
        return False if any(words <= _name_words(other) for other in everyone) else None
    return False


def speaker_mismatch(speaker: str | None, check: SourceCheck, index: SourceIndex | None = None) -> bool:
    """True when the report names a speaker for a passage the source gives to someone else (or to a
    questioner). Unknown on either side is no mismatch."""
    if not speaker or check.start is None:
        return False
    if check.question:
        # A questioner's words are nobody's quote, unless the report gives them to "a reporter".
        return not _name_words(speaker) <= _QUESTIONER_WORDS
    everyone = _speakers(index) if index is not None else []
    return same_speaker(speaker, check.source_speaker, check.source_label, everyone) is False


# --- fuzzy look-up --------------------------------------------------------------------------------------


_Pair = tuple[int | None, int | None]


@dataclass(frozen=True, slots=True)
class _Piece:
    """A stretch of the quote (words ``q0:q1``) aligned with source words ``s0:s1``."""

    q0: int
    q1: int
    s0: int
    s1: int
    equal: int
    # Aligned pairs, in order: (quote word or None, source word or None).
    pairs: tuple[tuple[int | None, int | None], ...]

    @property
    def length(self) -> int:
        return self.q1 - self.q0


def _locate(quote: _Quote, lo: int, hi: int, index: SourceIndex, speaker: str | None) -> list[_Piece]:
    """The best local alignments of quote words ``lo:hi``: the best one, then the best of what it left."""
    if hi - lo < 3:
        return []
    best: _Piece | None = None
    for w0, w1 in _candidates(quote.codes, lo, hi, index):
        piece = _align(quote, lo, hi, index, w0, w1)
        if piece is None:
            continue
        if best is None or (piece.equal, _speaks(index, piece.s0, speaker) is True) > (
            best.equal,
            _speaks(index, best.s0, speaker) is True,
        ):
            best = piece
    if best is None or best.equal < 3:
        return []
    return [*_locate(quote, lo, best.q0, index, speaker), best, *_locate(quote, best.q1, hi, index, speaker)]


def _candidates(codes: str, lo: int, hi: int, index: SourceIndex) -> list[tuple[int, int]]:
    """Source windows worth aligning with quote words ``lo:hi``: where its trigrams fall, grouped by
    diagonal (source position minus quote position), most trigrams first."""
    hits: list[tuple[int, int]] = []  # (diagonal, quote position)
    for i in range(lo, hi - 2):
        positions = index.grams.get(codes[i : i + 3])
        if positions and len(positions) <= MAX_GRAM_HITS:
            hits.extend((p - i, i) for p in positions)
    if not hits and hi - lo <= 8:
        # A short quote whose every trigram has a changed word in it: its word pairs name the region.
        for i in range(lo, hi - 1):
            hits.extend((p - i, i) for p in _occurrences(index.codes, codes[i : i + 2]))
    if not hits:
        return []
    hits.sort()
    length = hi - lo
    reach = 8 + length // 2
    groups: list[list[tuple[int, int]]] = [[hits[0]]]
    for hit in hits[1:]:
        if hit[0] - groups[-1][-1][0] <= reach:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    groups.sort(key=lambda g: -len({i for _, i in g}))
    slack = 6 + length // 4
    windows = []
    for group in groups[:MAX_CANDIDATES]:
        w0 = max(0, min(d for d, _ in group) + lo - slack)
        w1 = min(len(index.codes), max(d for d, _ in group) + hi + slack)
        windows.append((w0, w1))
    return windows


def _content_shared(quote: _Quote, index: SourceIndex, piece: _Piece) -> int:
    """How many of the piece's shared words are content words (not "the", "we", "will")."""
    return sum(
        1
        for a, b in piece.pairs
        if a is not None
        and b is not None
        and quote.words[a] == index.words[b].form
        and quote.words[a] not in STOPWORDS
    )


def _occurrences(codes: str, needle: str, limit: int = MAX_GRAM_HITS) -> list[int]:
    """Where ``needle`` occurs in ``codes`` (none when it occurs more than ``limit`` times: too common)."""
    found: list[int] = []
    at = codes.find(needle)
    while at >= 0:
        if len(found) == limit:
            return []
        found.append(at)
        at = codes.find(needle, at + 1)
    return found


def _severe_kind(word: str) -> str | None:
    if _NUMBER.fullmatch(word):
        return "number"
    if word in MODALS:
        return "modal"
    return None


def _changed_fragment(quote: _Quote, index: SourceIndex, speaker: str | None) -> SourceCheck | None:
    """A fragment of two or three words printed with its number or modal verb changed ("five shelters"
    where the source says "four shelters"): the one kind of change a fragment is checked for."""
    n = len(quote.words)
    if n < 2:
        return None
    for i, word in enumerate(quote.words):
        kind = _severe_kind(word)
        if kind is None:
            continue
        before, after = quote.codes[:i], quote.codes[i + 1 :]
        anchor, offset = (before, 0) if len(before) >= len(after) else (after, i + 1)
        for at in _occurrences(index.codes, anchor):
            first = at - offset
            if first < 0 or first + n > len(index.codes):
                continue
            if index.codes[first : first + i] != before or index.codes[first + i + 1 : first + n] != after:
                continue
            printed = index.words[first + i].form
            if printed != word and _severe_kind(printed) == kind:
                start, end = _span(quote, index, first, first + n)
                source_speaker, question = _turn_speaker(index, first)
                change = Change("replace", printed, word, kind)
                return SourceCheck(
                    "altered",
                    start,
                    end,
                    ((start, end),),
                    severe=True,
                    changes=(change,),
                    source_speaker=source_speaker,
                    source_label=_turn_label(index, first),
                    question=question,
                    matched=round((n - 1) / n, 3),
                )
    return None


def _align(quote: _Quote, lo: int, hi: int, index: SourceIndex, w0: int, w1: int) -> _Piece | None:
    """Local alignment (Smith-Waterman, word by word) of quote words ``lo:hi`` with source words ``w0:w1``."""
    q, s = quote.codes[lo:hi], index.codes[w0:w1]
    n, m = len(q), len(s)
    score = [[0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 stop, 1 diagonal, 2 quote word only, 3 source word only
    top, top_i, top_j = 0, 0, 0
    for i in range(1, n + 1):
        row, prev, moves, qi = score[i], score[i - 1], move[i], q[i - 1]
        for j in range(1, m + 1):
            diagonal = prev[j - 1] + (_MATCH if qi == s[j - 1] else _MISMATCH)
            up = prev[j] + _GAP
            left = row[j - 1] + _GAP
            value, how = diagonal, 1
            if up > value:
                value, how = up, 2
            if left > value:
                value, how = left, 3
            if value <= 0:
                continue
            row[j], moves[j] = value, how
            if value > top:
                top, top_i, top_j = value, i, j
    if top == 0:
        return None
    pairs: list[tuple[int | None, int | None]] = []
    i, j = top_i, top_j
    while i > 0 and j > 0 and move[i][j]:
        how = move[i][j]
        if how == 1:
            pairs.append((lo + i - 1, w0 + j - 1))
            i, j = i - 1, j - 1
        elif how == 2:
            pairs.append((lo + i - 1, None))
            i -= 1
        else:
            pairs.append((None, w0 + j - 1))
            j -= 1
    pairs.reverse()
    same = [a is not None and b is not None and q[a - lo] == s[b - w0] for a, b in pairs]
    # A local alignment may reach past a changed word into the neighbouring sentence ("the" of the one
    # before): around its core (the first and last two shared words in a row) a passage keeps only the
    # words of the core's own sentences.
    first = next((k for k in range(len(pairs) - 1) if same[k] and same[k + 1]), None)
    last = next((k for k in range(len(pairs) - 1, 0, -1) if same[k] and same[k - 1]), None)
    if first is None or last is None or last < first:
        return None
    sentence = index.sentence
    head = sentence[pairs[first][1] or 0]
    while first > 0 and (pairs[first - 1][1] is None or sentence[pairs[first - 1][1] or 0] == head):
        first -= 1
    tail = sentence[pairs[last][1] or 0]
    while last < len(pairs) - 1 and (pairs[last + 1][1] is None or sentence[pairs[last + 1][1] or 0] == tail):
        last += 1
    pairs, same = pairs[first : last + 1], same[first : last + 1]
    equal = sum(same)
    pairs = _substituted_edges(pairs, lo, hi, index)
    q_positions = [a for a, _ in pairs if a is not None]
    s_positions = [b for _, b in pairs if b is not None]
    return _Piece(
        q_positions[0], q_positions[-1] + 1, s_positions[0], s_positions[-1] + 1, equal, tuple(pairs)
    )


# At most this many words at either end of a quote are read as substituted for the source's words there.
_EDGE_WORDS = 2


def _substituted_edges(pairs: list[_Pair], lo: int, hi: int, index: SourceIndex) -> list[_Pair]:
    """The last (or first) one or two words of a quote, changed ("before November" where the source says
    "before October"), paired with the source's words in the same place of the same sentence: a local
    alignment stops at the last shared word, and the passage would otherwise end short of the change."""
    q_first = next(a for a, _ in pairs if a is not None)
    q_last = next(a for a, _ in reversed(pairs) if a is not None)
    s_first = next(b for _, b in pairs if b is not None)
    s_last = next(b for _, b in reversed(pairs) if b is not None)
    sentence = index.sentence
    tail = hi - (q_last + 1)
    if (
        0 < tail <= _EDGE_WORDS
        and s_last + tail < len(index.words)
        and all(sentence[s_last + k] == sentence[s_last] for k in range(1, tail + 1))
    ):
        pairs = [*pairs, *((q_last + k, s_last + k) for k in range(1, tail + 1))]
    head = q_first - lo
    if (
        0 < head <= _EDGE_WORDS
        and s_first - head >= 0
        and all(sentence[s_first - k] == sentence[s_first] for k in range(1, head + 1))
    ):
        pairs = [*((q_first - k, s_first - k) for k in range(head, 0, -1)), *pairs]
    return pairs


def _changes(
    quote: _Quote, index: SourceIndex, pairs: Sequence[tuple[int | None, int | None]]
) -> tuple[Change, ...]:
    """The aligned pairs as changes: runs of substituted, added and dropped words."""
    changes: list[Change] = []
    run_q: list[str] = []
    run_s: list[str] = []

    def flush() -> None:
        if run_q or run_s:
            op = "replace" if run_q and run_s else ("insert" if run_q else "delete")
            changes.append(Change(op, " ".join(run_s), " ".join(run_q)))
            run_q.clear()
            run_s.clear()

    for a, b in pairs:
        qa = quote.words[a] if a is not None else None
        sb = index.words[b].form if b is not None else None
        if qa is not None and qa == sb:
            flush()
            continue
        if qa is not None:
            run_q.append(qa)
        if sb is not None:
            run_s.append(sb)
    flush()
    return tuple(changes)


def _with_severity(changes: Sequence[Change]) -> list[Change]:
    return [Change(c.op, c.source, c.quote, _severity(c.source.split(), c.quote.split())) for c in changes]


def _severity(source: Sequence[str], quote: Sequence[str]) -> str | None:
    """Why a change is the worst kind: a number, a modal verb or a negation differs."""
    checks = (
        ("number", lambda w: _NUMBER.fullmatch(w) is not None),
        ("modal", lambda w: w in MODALS),
        ("negation", lambda w: w in NEGATIONS),
    )
    for name, test in checks:
        if Counter(w for w in source if test(w)) != Counter(w for w in quote if test(w)):
            return name
    return None


def _passages(quote: _Quote, index: SourceIndex, pieces: Sequence[_Piece]) -> list[list[_Pair]]:
    """The source passages the quote joins, in quote order, each as its aligned word pairs.

    Source words skipped between two aligned words cut the passage in two when the skip crosses a sentence
    or turn boundary, goes backwards, is longer than MAX_DROPPED_INSIDE words, or stands at an ellipsis of
    the quote; otherwise (a few words dropped inside a sentence) the passage goes on and keeps the skipped
    words as dropped: an alteration, not a splice.
    """
    passages: list[list[_Pair]] = []
    current: list[_Pair] = []
    prev_a = prev_b = -1
    for piece in sorted(pieces, key=lambda p: p.q0):
        first = True
        for a, b in piece.pairs:
            if a is None or b is None:
                current.append((a, b))
                continue
            if prev_b >= 0:
                if b <= prev_b or _is_cut(quote, index, prev_b + 1, b, prev_a, a):
                    passages.append(_strip(current))
                    current = []
                elif first and b > prev_b + 1:
                    current.extend((None, skipped) for skipped in range(prev_b + 1, b))
            current.append((a, b))
            prev_a, prev_b, first = a, b, False
    passages.append(_strip(current))
    return [p for p in passages if p]


def _strip(pairs: list[_Pair]) -> list[_Pair]:
    """A passage without the source words skipped at its ends (they lie between passages)."""
    first = next((k for k, (a, b) in enumerate(pairs) if a is not None and b is not None), len(pairs))
    last = max((k for k, (a, b) in enumerate(pairs) if a is not None and b is not None), default=-1)
    inside = [p for k, p in enumerate(pairs) if first <= k <= last or p[1] is None]
    return inside


def _word_range(pairs: Sequence[_Pair]) -> tuple[int, int]:
    aligned = [b for a, b in pairs if a is not None and b is not None]
    return min(aligned), max(aligned) + 1


def _is_cut(quote: _Quote, index: SourceIndex, gap_start: int, next_word: int, prev_a: int, a: int) -> bool:
    """Whether skipping source words ``gap_start:next_word`` joins two passages rather than trims one."""
    if any(prev_a < b <= a for b in quote.breaks) and next_word > gap_start:
        return True
    if next_word == gap_start:
        return False
    if next_word - gap_start > MAX_DROPPED_INSIDE:
        return True
    s, turn = index.sentence, index.turn_of
    return s[gap_start - 1] != s[next_word] or turn[gap_start - 1] != turn[next_word]
