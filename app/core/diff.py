"""Word-level diff between two versions of a quoted sentence, telling real edits from mere re-spellings.

Tokens are words, single punctuation marks and whitespace runs, so the runs rebuild both texts exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

from app.core.similarity import encode, fold_word
from app.core.text import normalise_for_matching

DiffOp = Literal["equal", "insert", "delete", "variant"]

_TOKEN = re.compile(r"\s+|[^\W_]+(?:['’][^\W_]+)*|.", re.DOTALL)


@dataclass(frozen=True, slots=True)
class DiffRun:
    """A run of the diff: ``text`` is the run as ``other`` has it, ``base_text`` as ``base`` has it.

    A pair of strings rather than ``(op, text)``: a variant ("neighbouring" / "neighboring") has two
    spellings and both must survive, and giving every op both sides (empty for the side that lacks it)
    makes the rebuild rule one line for every op: ``"".join(r.text) == other`` and
    ``"".join(r.base_text) == base``.
    """

    op: DiffOp
    text: str
    base_text: str


def _matching_form(token: str) -> str:
    if token.isspace():
        return " "
    if token[0].isalnum():
        return fold_word(token)
    # Curly and straight quote marks, dashes of every length: one mark each.
    return normalise_for_matching(token) or token


def word_diff(base: str, other: str) -> list[DiffRun]:
    """Runs that turn ``base`` into ``other``.

    ``equal``: written the same; ``variant``: the same words written differently (case, quote marks,
    UK/US spelling, "Türkiye"/"Turkey", whitespace, punctuation only); ``delete``: only in base; ``insert``: only in other.
    Word alignment is rapidfuzz Indel opcodes over the tokens' matching forms.
    """
    base_tokens = _TOKEN.findall(base)
    other_tokens = _TOKEN.findall(other)
    base_codes = encode(_matching_form(t) for t in base_tokens)
    other_codes = encode(_matching_form(t) for t in other_tokens)
    runs: list[DiffRun] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for tag, b1, b2, o1, o2 in Indel.opcodes(base_codes, other_codes):
        if tag != "equal":
            # Indel has no "replace"; gather the edits between two equal stretches so that a changed
            # word always reads as one delete followed by one insert.
            deleted += base_tokens[b1:b2]
            inserted += other_tokens[o1:o2]
            continue
        _flush(runs, deleted, inserted)
        for b_tok, o_tok in zip(base_tokens[b1:b2], other_tokens[o1:o2], strict=True):
            if b_tok == o_tok:
                _append(runs, DiffRun("equal", o_tok, b_tok))
            elif _matching_form(b_tok) == _matching_form(o_tok):
                _append(runs, DiffRun("variant", o_tok, b_tok))
            else:
                # Two different words that share a hash code: a real edit after all.
                deleted.append(b_tok)
                inserted.append(o_tok)
                _flush(runs, deleted, inserted)
    _flush(runs, deleted, inserted)
    return runs


def _flush(runs: list[DiffRun], deleted: list[str], inserted: list[str]) -> None:
    if (deleted or inserted) and not any(any(ch.isalnum() for ch in token) for token in deleted + inserted):
        # Only punctuation or spacing changed ("generation" / "generation."): how it is written, not
        # what was said, so it reads as a variant rather than an added or dropped word.
        _append(runs, DiffRun("variant", "".join(inserted), "".join(deleted)))
        deleted.clear()
        inserted.clear()
        return
    if deleted:
        _append(runs, DiffRun("delete", "", "".join(deleted)))
    if inserted:
        _append(runs, DiffRun("insert", "".join(inserted), ""))
    deleted.clear()
    inserted.clear()


def _append(runs: list[DiffRun], run: DiffRun) -> None:
    """Add ``run``, merging it into the previous run of the same op so the output is minimal."""
    if runs and runs[-1].op == run.op:
        last = runs[-1]
        runs[-1] = DiffRun(run.op, last.text + run.text, last.base_text + run.base_text)
    else:
        runs.append(run)


def apply_diff(runs: list[DiffRun], *, side: Literal["other", "base"] = "other") -> str:
    """Rebuild one side of a diff: ``other`` (default) or ``base``."""
    return "".join(r.text if side == "other" else r.base_text for r in runs)
