"""Page-chrome lines as figures alone see them (bylines, captions, datelines, "3 min read", copyright lines):
the `chrome` flag of `extract_figures`, kept for callers of figures without the article pipeline.

The article pipeline (`app.core.extract.extract_article`) drops every figure inside the page furniture that
`app.core.furniture` finds once for quotes and figures alike; that is the one furniture finder. This module
predates it, marks only what figures flagged before, and should fold into it.
"""

from __future__ import annotations

import re

from app.core.clean import is_chrome_line
from app.core.figures.scan import Draft
from app.core.lexicon.calendar import MONTH_PATTERN

_YEAR = r"(?:1[89]|20)[0-9]{2}(?![0-9]|,[0-9])"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
# Chrome lines.
_READ_TIME = re.compile(r"[ ]*(?i:read|reading[ ]time)\b")
_BYLINE = re.compile(r"\A[ \t]*(?i:by)[ ]+[A-Z]")
_CAPTION = re.compile(
    r"\[[^\]\n]{2,60}\][ \t]*\Z|(?i:\bphoto(?:graph)?[ ]*:|\(photo\b|\bimage[ ]*:|\bpicture[ ]*:|\bcredit[ ]*:"
    r"|getty[ ]images[ \t]*\Z)"
)
_COPYRIGHT = re.compile(r"©|\((?i:c)\)[ ]*[0-9]|(?i:\bcopyright\b)")
_FOUNDED = re.compile(r"(?i:\b(?:est\.?|established|founded|since)\b)")
_DATE_LINE_LEFTOVER = re.compile(
    r"\A(?:[\s,.:|/–—-]|(?i:last|updated|update|published|posted|modified|first|on|at|am|pm|gmt|utc|bst|cet"
    r"|est|edt|et|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
    r"|[ap]\.m\.|[0-9]{1,2}[:.][0-9]{2}\b)*\Z"
)


def is_read_time(body: str, draft: Draft) -> bool:
    unit_word = (draft.unit_word or "").lower()
    return unit_word.startswith("min") and _READ_TIME.match(body, draft.end) is not None


def is_chrome_line_of_figures(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if is_chrome_line(stripped) or _CAPTION.search(stripped) or _COPYRIGHT.search(stripped):
        return True
    word_count = len(stripped.split())
    if _BYLINE.match(stripped) and word_count <= 15:
        return True
    if word_count <= 8 and _FOUNDED.search(stripped) and re.search(r"\b(?:1[5-9]|20)[0-9]{2}\b", stripped):
        return True
    if word_count <= 12:
        # A line that is nothing but a date (and words like "Updated", a weekday, a clock time).
        leftover = _DATE_ONLY_TOKENS.sub(" ", stripped)
        if leftover != stripped and _DATE_LINE_LEFTOVER.match(leftover):
            return True
    return False


_DATE_ONLY_TOKENS = re.compile(
    rf"(?<![\w])(?:{_DAY}(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?{MONTH_PATTERN}(?:,?[ ]+{_YEAR})?"
    rf"|{MONTH_PATTERN}[ ]+{_DAY}(?:st|nd|rd|th)?(?:,?[ ]+{_YEAR})?"
    rf"|{MONTH_PATTERN}[ ]+{_YEAR}|[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}|[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{2,4}})(?![\w])"
)
