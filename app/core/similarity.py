"""Word-level comparison of texts across outlets: spelling-variant folding, word tokens as compact strings,
and the share of one article's text found in another (near copies such as wire copy).

The folding and encoding helpers here are shared by the statement aligner and the word diff, so that all
three agree on when two words are "the same word".
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import LCSseq

from app.core.text import normalise_for_matching

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Spellings that no suffix rule reaches. Keys and values are already accent-free and casefolded.
_VARIANTS: dict[str, str] = {
    "turkiye": "turkey",
    "kiev": "kyiv",
    "grey": "gray",
    "programme": "program",
    "programmes": "programs",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "towards": "toward",
    "amongst": "among",
    "whilst": "while",
    "okay": "ok",
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "ageing": "aging",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labelled": "labeled",
    "modelled": "modeled",
    "signalled": "signaled",
    "fuelled": "fueled",
    "counselled": "counseled",
    "dialogue": "dialog",
    "catalogue": "catalog",
    "analogue": "analog",
    "cheque": "check",
    "tyre": "tire",
    "tyres": "tires",
    "plough": "plow",
    "sceptical": "skeptical",
    "mould": "mold",
}
# UK -our/-ise/-yse/-tre/-bre to US. The stem must be long enough that short words ("four", "your", "size",
# "prize") never fold onto a different word.
_OUR = re.compile(r"^(\w{2,})our(s|ed|ing|ite|ites|able|ful|er|ers|hood|hoods|less)?$")
_ISE = re.compile(r"^(\w{3,})([iy])z(e|es|ed|ing|ation|ations|er|ers)$")
_TRE = re.compile(r"^(\w{2,})(t|b)re(s|d)?$")

# Function words and reporting verbs: they carry no claim, so content checks ignore them. Kept small on
# purpose; "not" and "no" stay out because negation changes what a sentence says.
STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "than",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "it's",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "they",
        "them",
        "their",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "some",
        "such",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "other",
        "others",
        "another",
        "same",
        "so",
        "too",
        "very",
        "just",
        "also",
        "even",
        "only",
        "own",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "without",
        "into",
        "onto",
        "about",
        "above",
        "below",
        "over",
        "under",
        "between",
        "through",
        "during",
        "before",
        "after",
        "again",
        "further",
        "once",
        "up",
        "down",
        "out",
        "off",
        "is",
        "am",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "let",
        "lets",
        "one",
        "ones",
        "as",
        "s",
        "t",
        "said",
        "says",
        "say",
        "told",
        "tell",
        "added",
        "according",
    ]
)


def fold_word(word: str) -> str:
    """The matching form of one word: casefolded, accents, apostrophes and UK/US spelling folded.

    ``fold_word("Neighbouring") == fold_word("neighboring")``, ``fold_word("Türkiye’s") == "turkey's"``.
    """
    return _fold_word_cached(word)


@lru_cache(maxsize=200_000)
def _fold_word_cached(word: str) -> str:
    text = normalise_for_matching(word)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    possessive = ""
    if text.endswith("'s"):
        text, possessive = text[:-2], "'s"
    text = _VARIANTS.get(text, text)
    if (m := _OUR.match(text)) is not None:
        text = f"{m.group(1)}or{m.group(2) or ''}"
    elif (m := _ISE.match(text)) is not None:
        text = f"{m.group(1)}{m.group(2)}s{m.group(3)}"
    elif (m := _TRE.match(text)) is not None:
        text = f"{m.group(1)}{m.group(2)}er{m.group(3) or ''}"
    return text + possessive


def stem(folded: str) -> str:
    """A crude suffix-stripping stem of a folded word, enough to let "balance"/"balanced" and
    "imposed"/"imposing" meet in re-translated quotes. One suffix only, never below three letters."""
    word = folded[:-2] if folded.endswith("'s") else folded
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s", "e", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """The folded words of ``text`` (punctuation and quote marks dropped)."""
    return [fold_word(w) for w in _WORD.findall(text)]


@lru_cache(maxsize=50_000)
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the content words of ``text``, in order (stopwords removed)."""
    return tuple(stem(w) for w in words(text) if w.split("'")[0] not in STOPWORDS)


# Word -> one code point. rapidfuzz compares str fastest, so a word list becomes a string with one
# character per word and its string metrics become word-level metrics. The code is a stable hash (CRC-32)
# into planes 1-16, which hold no surrogates: no shared state, the same in every process, and it cannot
# run out. Two words share a code about once in a million pairs, which at worst adds one "shared" word
# to a comparison; the word diff re-checks every equal token, so it never shows such a pair as equal.
_FIRST_CODE = 0x10000
_CODE_SPACE = 0x110000 - _FIRST_CODE


@lru_cache(maxsize=200_000)
def _code(token: str) -> str:
    return chr(_FIRST_CODE + zlib.crc32(token.encode("utf-8", "surrogatepass")) % _CODE_SPACE)


def encode(tokens: Iterable[str]) -> str:
    """Encode a sequence of words as a string of one character per word (same word -> same character)."""
    return "".join(_code(token) for token in tokens)


@lru_cache(maxsize=4_096)
def _encoded_words(text: str) -> str:
    return encode(words(text))


@lru_cache(maxsize=4_096)
def _shingles(text: str, size: int) -> frozenset[str]:
    coded = _encoded_words(text)
    return frozenset(coded[i : i + size] for i in range(max(0, len(coded) - size + 1)))


def shared_text_share(a: str, b: str) -> float:
    """The share of article ``a``'s words that also appear in ``b``, in the same order (0.0-1.0).

    Word-level longest common subsequence over folded words, so a dropped word, a swapped sentence or a
    re-spelling costs only the words it touches. Asymmetric: a short wire story copied whole into a long
    article has share 1.0 in it, while the long article's share in the short one is low.
    """
    coded_a = _encoded_words(a)
    if not coded_a:
        return 0.0
    return LCSseq.similarity(coded_a, _encoded_words(b)) / len(coded_a)


@dataclass(frozen=True, slots=True)
class NearCopy:
    """``other`` shares ``share_new`` of the new article's words and ``share_other`` of its own."""

    other: int
    share_new: float
    share_other: float


def near_copies(
    new_text: str,
    others: Sequence[tuple[int, str]],
    *,
    threshold: float = 0.6,
    shingle_size: int = 3,
    prefilter: float = 0.2,
) -> list[NearCopy]:
    """The articles of ``others`` (key, text) that are near copies of ``new_text``.

    A pair is reported when either direction's share reaches ``threshold``. Default 0.6: a re-edited
    wire story keeps well over 60% of its words in order, while two independent reports of one event
    that quote the same sentences share 20-40%. Before the LCS pass, a pair must have at least
    ``prefilter`` of the smaller article's word ``shingle_size``-grams in common; containment rather than
    Jaccard, because a short wire story inside a long article has a low Jaccard but is still a copy.
    Every edit breaks at most ``shingle_size`` shingles, so 0.2 keeps copies with one edit in ten words.
    Sorted by the larger share, highest first.
    """
    new_shingles = _shingles(new_text, shingle_size)
    found: list[NearCopy] = []
    for key, text in others:
        other_shingles = _shingles(text, shingle_size)
        smaller = min(len(new_shingles), len(other_shingles))
        if smaller == 0:
            continue
        if len(new_shingles & other_shingles) < prefilter * smaller:
            continue
        common = LCSseq.similarity(_encoded_words(new_text), _encoded_words(text))
        share_new = common / max(1, len(_encoded_words(new_text)))
        share_other = common / max(1, len(_encoded_words(text)))
        if max(share_new, share_other) >= threshold:
            found.append(NearCopy(key, share_new, share_other))
    found.sort(key=lambda c: (-max(c.share_new, c.share_other), c.other))
    return found
