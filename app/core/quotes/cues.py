"""Cue verbs: the words that mark speech around a quotation ("said", "according to", "was quoted as")."""

from __future__ import annotations

import re

from app.core.lexicon.speech import VERB_WORDS

# The past "read" is too often reading to be a cue anywhere ("she had read the report"), but right after a
# quotation (`"...," read the statement`) or closing its clause (`"...," the email read.`, `The sign read:`)
# it says what a document or sign says.
_READ = re.compile(r"\bread\b")


_MULTI_VERB = re.compile(
    r"\b(?:(?:was|were|is|are|has\s+been|had\s+been)\s+quoted(?:\s+by\s+[^,.;\"“”]{1,60}?)?"
    r"(?:\s+as)?(?:\s+saying)?|according\s+to|pointed\s+out|points\s+out|went\s+on|goes\s+on|shot\s+back|"
    r"chimed\s+in|summed\s+up)\b",
    re.IGNORECASE,
)


VERB_SET = frozenset(
    word.replace("[sz]", letter) for word in VERB_WORDS.split("|") if "\\s" not in word for letter in "sz"
)


_LATIN_WORD = re.compile(r"[A-Za-z]+")


INVERTED_START = re.compile(r"^(?:(?:so|thus|and\s+so)\s+)?(?:" + VERB_WORDS + r")\s+", re.IGNORECASE)


# A quotation right after these words names a work ("the report, titled "..."", "his book "...""), not speech.
WORK_BEFORE = re.compile(
    r"\b(?:titled|entitled|headlined|headline|book|novel|film|movie|documentary|song|album|series|programme|"
    r"program|article|essay|op-ed|poem|play|exhibition|hashtag|report|study|survey|memoir|podcast|episode|painting)[,:]?\s*(?:[\w'’-]+\s+){0,1}$",
    re.IGNORECASE,
)


VERB_AT_END = re.compile(r"\b(?:" + VERB_WORDS + r")\s*$", re.IGNORECASE)


def cue_verbs(text: str) -> list[re.Match[str]]:
    """Attribution verbs in ``text``; a capitalised one only where it opens the text ("Said Lavrov"), so
    that "the United States" holds no "states"."""
    found = list(_MULTI_VERB.finditer(text))
    found.extend(m for m in _READ.finditer(text) if _read_beside(text, m))
    taken = [(m.start(), m.end()) for m in found]
    for word in _LATIN_WORD.finditer(text):
        if word.group(0).casefold() in VERB_SET and not any(a <= word.start() < b for a, b in taken):
            found.append(word)
    found.sort(key=lambda m: m.start())
    lead = len(text) - len(text.lstrip())
    return [m for m in found if m.group(0)[0].islower() or m.start() == lead]


def _read_beside(text: str, read: re.Match[str]) -> bool:
    """Whether a "read" opens ``text`` (the words right after a closing mark) or closes its clause."""
    after = text[read.end() :].lstrip()
    return not text[: read.start()].strip() or not after[:1].isalnum()


# Verbs whose object is the listener, never the speaker: "..., told The Herald."
LISTENER_VERBS = frozenset({"told", "tells", "tell", "informed", "reminded", "emailed", "texted", "messaged"})


# A conjunction between a quotation and the cue after it opens another clause, whose speaker is not the
# quotation's: `Roe was heard saying "we should go" while Doe agreed, "..."`.
NEW_CLAUSE = re.compile(r"\b(?:while|whereas|when|whilst|but|and|as|before|after|because|although)\b")
