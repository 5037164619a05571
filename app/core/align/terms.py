"""What the service's index and storage need from a sentence's text alone: its index terms, its hash, and
whether a short quotation is aligned at all."""

from __future__ import annotations

import hashlib
import re

from app.core.align.prepare import codes

# A quotation of three words that is a whole sentence: capitalised, ended by its own stop.
_WHOLE_SHORT_SENTENCE = re.compile(r"^[\"“‘']?[A-Z][^\s]*(?:\s+\S+){2}[.!?][\"”’']?$")


def aligned_fragment(text: str) -> bool:
    """Whether a quotation too short to be a quote of its own (a fragment, under four words) is still
    aligned: a whole sentence of three words ("Teachers should teach.") that another outlet may print
    inside a longer one. Shorter pieces and words lifted from a sentence ("a total failure") are not."""
    return _WHOLE_SHORT_SENTENCE.match(text.strip()) is not None


def one_content_word(text: str) -> bool:
    """Whether ``text`` has exactly one content word: as a stored representative it may link to a sentence
    that shares only that word, however many the other has, so an index must offer its statement on
    one shared word (see :func:`index_terms`)."""
    return len(codes(text)[3]) == 1


def index_terms(text: str) -> tuple[frozenset[str], int]:
    """What an index of statements needs to find every statement ``text`` may link to: its distinct
    content words, and how many of them a candidate's representative must share (0: every statement is
    a candidate).

    Exact, not a heuristic: a link needs the prefilter's ``min_shared - 1`` = 2 content words in common
    in order (1 for a one-word sentence, none for a sentence of function words only), and two in order
    are two distinct words unless one word repeats, which the count allows for. The prefilter holds for
    the shorter of the two, so a representative of one content word (:func:`one_content_word`) needs
    only that word shared.
    """
    _, _, _, spelled, _ = codes(text)
    distinct = frozenset(spelled)
    if not spelled:
        return distinct, 0
    if len(spelled) == 1 or len(distinct) < len(spelled):
        return distinct, 1
    return distinct, 2


def text_key(text: str) -> int:
    """A stable signed 64-bit hash of a sentence's exact text: two sentences with one key are one text,
    so a sentence printed before links to exactly what its earlier copy links to (for one speaker)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
