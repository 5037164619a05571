"""A source's turns: who said which stretch of a transcript, a statement or a press release.

A transcript labels its turns at the start of a line ("MAYOR DANA OKORO:", "Q:", "A:", "Dana Okoro:") and
prints no quotation marks: every labelled turn is its speaker's own words. A source without labels (a
press release, a written statement) is one text whose plain sentences and quoted passages are all the
source's words; the quoted passages carry the speaker the release attributes them to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.lexicon.transcript import ANSWER_LABELS, NOT_SPEAKER_LABELS, QUESTION_LABELS
from app.core.quotes import extract_quotes

# A speaker label at a line start, after an optional time stamp ("[00:14:02]"): capitals ("MAYOR DANA OKORO",
# "DANA OKORO, MAYOR", "SPEAKER 2"), Q/A, or a name in title case of one to five words ("Dana Okoro",
# "Councillor Ana de Vries"); an optional "(role)"; then a colon ("Q." and "A." also take a full stop).
# Bounded repetitions keep the scan linear per line.
_LABEL = re.compile(
    r"^[ \t]*(?:\[?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\]?[ \t]+)?(?P<label>"
    r"[A-Z][A-Z0-9.'’\-]*(?:,?[ \t][A-Z0-9][A-Z0-9.'’\-]*){0,5}"
    r"|[A-Z][a-z'’\-]+\.?(?:[ \t](?:[A-Z][A-Za-z'’\-]*\.?|de|da|del|van|von|der|bin|al|la|le)){0,4}"
    r")[ \t]*(?:\([^()\n]{1,60}\))?[ \t]*(?::|(?<=\bQ)\.|(?<=\bA)\.)(?=[ \t]|\n|$)",
    re.MULTILINE,
)
# Editorial marks inside a transcript turn: "[inaudible]", "[crosstalk]", "(laughter)". Not spoken words.
_STAGE = re.compile(r"\[[^\[\]\n]{0,80}\]|\((?:[A-Za-z]+ ?){1,2}\)")


@dataclass(frozen=True, slots=True)
class Turn:
    """One stretch of the source's own words, ``body[start:end]``, with who said it.

    ``speaker`` is a display name ("Mayor Dana Okoro") or None when the source does not say (a release's
    own prose, an unnamed "A:"); ``question`` marks a questioner's turn. ``continues`` is True for the
    second and later pieces of one quotation a release splits around its attribution: the words run on
    across the gap.
    """

    start: int
    end: int
    speaker: str | None
    label: str | None = None
    question: bool = False
    continues: bool = False


def _is_speaker_label(label: str) -> bool:
    folded = " ".join(label.casefold().split())
    if folded in NOT_SPEAKER_LABELS:
        return False
    # A year or a time is no speaker ("2026:", "10:30" never reach here, but "PHASE 2" may).
    return any(ch.isalpha() for ch in folded)


def _labels(body: str) -> list[re.Match[str]]:
    return [m for m in _LABEL.finditer(body) if _is_speaker_label(m.group("label"))]


def is_transcript(body: str) -> bool:
    """True when the source labels its turns: a Q/A or capitals label, or two title-case labels."""
    found = _labels(body)
    strong = [m for m in found if m.group("label").isupper() or len(m.group("label")) == 1]
    return bool(strong) or len(found) >= 2


def _display(label: str) -> str:
    # "MAYOR DANA OKORO" -> "Mayor Dana Okoro"; "DANA OKORO, MAYOR" -> "Dana Okoro"; "Dana Okoro" as written.
    words = " ".join(label.split(",")[0].split())
    return words.title() if words.isupper() else words


def source_turns(body: str) -> list[Turn]:
    """The turns of a source, in order; the stretches between them (labels, attributions) are no one's words."""
    if is_transcript(body):
        return _transcript_turns(body)
    return _release_turns(body)


def _transcript_turns(body: str) -> list[Turn]:
    found = _labels(body)
    named = {
        _display(m.group("label"))
        for m in found
        if m.group("label").casefold() not in QUESTION_LABELS | ANSWER_LABELS
    }
    # "A:" answers for the last person named before it (the one taking questions), or for the one person
    # the transcript names at all.
    answerer = next(iter(named)) if len(named) == 1 else None
    turns: list[Turn] = []
    if found and body[: found[0].start()].strip():
        # A heading or preamble before the first label: the source's words, nobody's in particular.
        turns.extend(_trimmed(body, 0, found[0].start(), None))
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(body)
        label = " ".join(match.group("label").split())
        folded = label.casefold()
        if folded in QUESTION_LABELS:
            speaker, question = None, True
        elif folded in ANSWER_LABELS:
            speaker, question = answerer, False
        else:
            speaker, question = _display(label), False
            answerer = speaker
        turns.extend(_trimmed(body, match.end(), end, speaker, label=label, question=question))
    return turns


def _trimmed(
    body: str, start: int, end: int, speaker: str | None, *, label: str | None = None, question: bool = False
) -> list[Turn]:
    """The turn ``body[start:end]`` without surrounding space and stage directions (which split it)."""
    pieces: list[Turn] = []
    cut = start
    for mark in _STAGE.finditer(body, start, end):
        pieces.extend(_piece(body, cut, mark.start(), speaker, label, question, continues=bool(pieces)))
        cut = mark.end()
    pieces.extend(_piece(body, cut, end, speaker, label, question, continues=bool(pieces)))
    return pieces


def _piece(
    body: str,
    start: int,
    end: int,
    speaker: str | None,
    label: str | None,
    question: bool,
    *,
    continues: bool,
) -> list[Turn]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end <= start:
        return []
    return [Turn(start, end, speaker, label=label, question=question, continues=continues)]


def _release_turns(body: str) -> list[Turn]:
    """An unlabelled source: its prose (nobody's in particular) and its quotations (their speakers').

    The words between two pieces of one split quotation ("...," she said, "...") are the attribution, not
    the quotation: they are left out, and the second piece continues the first.
    """
    turns: list[Turn] = []
    cut = 0
    for quote in extract_quotes(body):
        if quote.start < cut:
            continue  # a quotation nested inside one already taken
        turns.extend(_piece(body, cut, quote.start, None, None, False, continues=False))
        for n, part in enumerate(quote.parts):
            turns.extend(_piece(body, part.start, part.end, quote.speaker, None, False, continues=n > 0))
        cut = quote.end
    turns.extend(_piece(body, cut, len(body), None, None, False, continues=False))
    return turns
