"""Figures of other incidents than the article's event: a story about today's shooting recalls last year's, a
flood report lists the deadliest floods of the decade. Their tolls are not the event's and must not join its
groups. Three structures tell them, beside the sentence openings of `frames.incident_openings`:

- a list box of past incidents: three or more short lines shaped "<Name>: <number> killed" or
  "<year> – <place> – <number> dead"; each line and the paragraphs that describe it tell another incident;
- a toll dated to another time than the event in its own clause ("killed 12 in 2009", "the March 2015 flood
  left 40 dead", "two years ago ... killed nine"); a bare time without a toll dates background, not a toll;
- a comparison: "surpassing the 49 killed at ...", "the deadliest since ... when 26 died", "the previous record
  of 30 dead" counts the compared incident.

Every look-around is bounded (a clause is read at most _REACH characters before its number), so the passes
stay linear in the body.
"""

from __future__ import annotations

import itertools
import re

from app.core.lexicon.calendar import MONTH_PATTERN
from app.core.lexicon.frames import OTHER_INCIDENT_COMPARISON, OTHER_INCIDENT_NOUNS, frame_of

# The frames of a toll: only these, dated to another time, make a figure another incident's.
_TOLL_FRAMES = frozenset(
    {"killed", "injured", "hospitalised", "missing", "displaced", "kidnapped", "rescued"}
)
# How far back in its sentence a figure's clause is read for a past time or a comparison.
_REACH = 160
_CLAUSE_BREAK = re.compile(r"[;:—–(]|\bbut\b|\bwhile\b|\bwhereas\b")

# --- list boxes -------------------------------------------------------------------------------------------
_TOLL_WORDS = r"(?:killed|dead|deaths|died|injured|wounded|hurt|missing|fatalities)"
# "Riverside mall: 31 killed", "2011 – Brockton – 12 dead", "* Harbour fire - at least 40 dead".
_LIST_LINE = re.compile(
    r"[ \t]*(?:[-*•·][ \t]+)?(?:(?:19|20)[0-9]{2}[ \t]*[:–—-][ \t]*)?"
    r"[A-Z0-9][^\n:–—]{0,60}?[ \t]*[:–—-][ \t]*"
    r"(?:(?:at[ ]least|about|around|more[ ]than|over|nearly)[ ])?[0-9][0-9,]*[ ](?:people[ ])?"
    rf"{_TOLL_WORDS}\.?[ \t]*\Z"
)
_MIN_LIST_LINES = 3
OTHER_INCIDENT_LIST = "in a list of other incidents"


def list_box_sentences(body: str, sentence_starts: list[int]) -> list[str | None]:
    """Per sentence, OTHER_INCIDENT_LIST when it lies in a list box of past incidents, else None. A box is three
    or more list lines; each line and the paragraphs up to the next line belong to it, and after the last line
    no more paragraphs than the widest gap between two lines. One pass over the lines."""
    lines: list[tuple[int, int]] = []
    position = 0
    while position <= len(body):
        end = body.find("\n", position)
        end = len(body) if end < 0 else end
        if end > position:
            lines.append((position, end))
        position = end + 1
    heads = [index for index, (start, end) in enumerate(lines) if _LIST_LINE.fullmatch(body, start, end)]
    marked = [False] * len(lines)
    if len(heads) >= _MIN_LIST_LINES:
        widest = max(later - earlier for earlier, later in itertools.pairwise(heads))
        stops = [*heads[1:], min(len(lines), heads[-1] + widest)]
        for head, stop in zip(heads, stops, strict=True):
            for index in range(head, stop):
                marked[index] = True
    labels: list[str | None] = []
    line_index = 0
    for start in sentence_starts:
        while line_index + 1 < len(lines) and lines[line_index + 1][0] <= start:
            line_index += 1
        inside = bool(lines) and marked[line_index] and lines[line_index][0] <= start
        labels.append(OTHER_INCIDENT_LIST if inside else None)
    return labels


# --- a toll dated to another time -----------------------------------------------------------------------
_YEAR = r"(?P<year>(?:19|20)[0-9]{2})"
# "in 2009", "in April 2015", "on June 12, 2016", "the March 2015 flood": an explicit year.
_DATED = re.compile(
    rf"\b(?:(?:in|of|during)[ ](?:(?:early|late|mid)[ -])?(?:(?:{MONTH_PATTERN})[ ])?"
    rf"|(?:{MONTH_PATTERN})[ ](?:[0-9]{{1,2}},[ ])?){_YEAR}\b",
    re.IGNORECASE,
)
# An incident named by its date: "the June 2011 bombing", "the 2009 floods".
_DATED_INCIDENT = re.compile(
    rf"\b(?i:the)[ ](?:(?:{MONTH_PATTERN})[ ])?{_YEAR}[ ](?:[A-Za-z-]+[ ]){{0,2}}?(?:{OTHER_INCIDENT_NOUNS})\b",
    re.IGNORECASE,
)
# Relative past: "last year", "two years ago", "a decade ago", "decades earlier".
_RELATIVE_PAST = re.compile(
    r"\b(?:last[ ](?:year|decade)|(?:[0-9]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|many"
    r"|a[ ]few|some)[ ](?:years?|decades?|months?)[ ](?:ago|earlier|before)|a[ ]decade[ ](?:ago|earlier))\b",
    re.IGNORECASE,
)
# A toll counted from a past time up to now is the event's own ("the war, which began in 2011, has killed",
# "since 2015, floods have killed"): a start or a perfect tense in the clause keeps the figure the event's.
_ONGOING = re.compile(
    r"\b(?:since|began|begun|started|broke[ ]out|erupted|has|have|so[ ]far|to[ ]date)\b", re.I
)
_ANY_YEAR = re.compile(r"(?<![0-9,.])(?:19|20)[0-9]{2}(?![0-9])")
PAST_INCIDENT = "in an earlier incident"


def latest_year(body: str) -> int | None:
    """The latest year the body names: the article's own time or after it, so any earlier year is past."""
    return max((int(m.group()) for m in _ANY_YEAR.finditer(body)), default=None)


def _clause_before(
    body: str, sentence_start: int, sentence_end: int, start: int, end: int
) -> tuple[int, int]:
    """The clause of a figure: from the last clause break before it (at most _REACH back) to its sentence's
    end (at most _REACH on)."""
    low = max(sentence_start, start - _REACH)
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(body, low, start)]
    high = min(sentence_end, end + _REACH)
    after = _CLAUSE_BREAK.search(body, end, high)
    return (breaks[-1] if breaks else low, after.start() if after else high)


def is_toll(verb: str | None) -> bool:
    return verb is not None and frame_of(verb) in _TOLL_FRAMES


def past_toll(
    body: str, sentence_start: int, sentence_end: int, start: int, end: int, latest: int | None
) -> str | None:
    """PAST_INCIDENT when the figure's clause dates its toll to another time than the event: a relative past,
    an incident named by its date, or an explicit year earlier than the latest the article names. The
    caller has checked that the figure is a toll."""
    low, high = _clause_before(body, sentence_start, sentence_end, start, end)
    if _ONGOING.search(body, low, high):
        return None
    if _RELATIVE_PAST.search(body, low, high) or _DATED_INCIDENT.search(body, low, high):
        return PAST_INCIDENT
    if latest is not None:
        for found in _DATED.finditer(body, low, high):
            if int(found.group("year")) < latest:
                return PAST_INCIDENT
    return None


# --- comparisons ------------------------------------------------------------------------------------------
COMPARED_INCIDENT = "in a compared incident"


def compared_toll(body: str, sentence_start: int, start: int) -> str | None:
    """COMPARED_INCIDENT when a comparison ("surpassing", "deadliest since", "the previous record") stands
    before the figure in its clause: the number is the compared incident's."""
    low = max(sentence_start, start - _REACH)
    breaks = [m.end() for m in re.finditer(r"[;.!?]", body[low:start])]
    low = low + breaks[-1] if breaks else low
    return COMPARED_INCIDENT if OTHER_INCIDENT_COMPARISON.search(body, low, start) else None
