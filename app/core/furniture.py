"""Page furniture in an article body, found once: mastheads, captions and credits, bylines, datelines and
timestamps, reading times, share and newsletter boxes, related links, headings. Nothing inside a furniture span
is offered as a quote, a speaker or a figure (`app/core/extract.py` drops them; the speaker resolver asks
`in_furniture`).

The body is kept as printed and only marked, so what a reader sees still matches the outlet. Lines are judged
by their shape, not by one site's strings: a line that is no sentence (no closing punctuation) in an article
whose prose is punctuated, the words of credits and captions, date and time shapes, the position of a line
before the article's first paragraph. One pass over the lines; each line is judged on a bounded head and
tail plus one count of its words, so the work is linear in the text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.lexicon import furniture as lex

KINDS = (
    "advert",
    "byline",
    "caption",
    "contact",
    "credit",
    "dateline",
    "embed",
    "heading",
    "masthead",
    "newsletter",
    "note",
    "reading_time",
    "related",
    "share_box",
    "timestamp",
)

# Lines of at most this many words and no sentence punctuation are headings (or list items of a related
# box when several follow each other). Longer unpunctuated lines are captions or standfirsts.
_HEADING_WORDS = 9
# Unpunctuated lines longer than this are paragraphs whose full stop the extractor lost, not captions.
_CAPTION_MAX_WORDS = 60
# A caption with no credit or picture word is judged by shape alone only up to this length: the captions of
# the corpus run 8-25 words; a longer line without its full stop is mostly a paragraph that lost it.
_UNMARKED_CAPTION_WORDS = 30
# A prose line, for judging whether the article punctuates its paragraphs at all.
_PROSE_WORDS = 15
# Three or more headline-shaped lines in a row are a list of links to other articles.
_RELATED_RUN = 3
# Only so much of a line's head and tail is read by the patterns: furniture shows itself early or late.
_HEAD = 160
_TAIL = 120


@dataclass(frozen=True, slots=True)
class FurnitureSpan:
    """A half-open range ``[start, end)`` of the body that is page furniture of ``kind`` (one of `KINDS`)."""

    start: int
    end: int
    kind: str


def furniture_spans(text: str) -> list[FurnitureSpan]:
    """Every furniture span of ``text``, in order and not overlapping; a span never covers a newline."""
    lines = _line_ranges(text)
    punctuated, first_prose = _profile(text, lines)
    found: list[tuple[int, FurnitureSpan | None, bool]] = []
    for index, (start, end) in enumerate(lines):
        span, headline_shaped = _classify_line(
            text[start:end], start, before_prose=index < first_prose, punctuated=punctuated
        )
        found.append((index, span, headline_shaped))
    return _mark_related_runs(found)


def in_furniture(spans: Sequence[FurnitureSpan], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one furniture span. ``spans`` as `furniture_spans` returns them."""
    index = bisect.bisect_right(spans, start, key=_span_start) - 1
    return index >= 0 and spans[index].start <= start and end <= spans[index].end


def furniture_kind(spans: Sequence[FurnitureSpan], offset: int) -> str | None:
    """The kind of furniture at ``offset``, or None when the character there belongs to the article."""
    index = bisect.bisect_right(spans, offset, key=_span_start) - 1
    if index >= 0 and spans[index].start <= offset < spans[index].end:
        return spans[index].kind
    return None


def _span_start(span: FurnitureSpan) -> int:
    return span.start


def _line_ranges(text: str) -> list[tuple[int, int]]:
    """The non-blank lines of ``text`` as (start, end) without their surrounding spaces."""
    ranges: list[tuple[int, int]] = []
    position = 0
    length = len(text)
    while position <= length:
        newline = text.find("\n", position)
        end = length if newline == -1 else newline
        start = position
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            ranges.append((start, stop))
        position = end + 1
    return ranges


def _profile(text: str, lines: list[tuple[int, int]]) -> tuple[bool, int]:
    """Whether the article ends its paragraphs with sentence punctuation, and the index of its first prose line.

    Only in an article that punctuates its prose does a line without a full stop stand out as furniture; a text
    pasted without punctuation keeps all its lines.
    """
    long_lines = 0
    punctuated_long = 0
    first_prose = len(lines)
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        if _word_count(line, _PROSE_WORDS) < _PROSE_WORDS:
            continue
        long_lines += 1
        if _ends_sentence(line):
            punctuated_long += 1
            first_prose = min(first_prose, index)
    punctuated = long_lines >= 2 and punctuated_long >= 0.75 * long_lines
    return punctuated, first_prose


def _classify_line(
    line: str, offset: int, *, before_prose: bool, punctuated: bool
) -> tuple[FurnitureSpan | None, bool]:
    """The furniture span of one line (or of its head or tail), and whether the line is headline-shaped."""
    head = line[:_HEAD]
    tail = line[-_TAIL:]
    words = _word_count(line, _CAPTION_MAX_WORDS + 1)
    sentence = _ends_sentence(line)

    kind = _whole_line_kind(
        line, head, tail, words, sentence, before_prose=before_prose, punctuated=punctuated
    )
    if kind is not None:
        headline_shaped = kind == "heading" or (kind == "caption" and not _has_caption_evidence(head, tail))
        return FurnitureSpan(offset, offset + len(line), kind), headline_shaped

    # Furniture that shares a line with article text: marked alone, the text stays.
    dateline = lex.DATELINE_PREFIX.match(head)
    if dateline is not None and not lex.CAPTION_MARKERS.match(head):
        return FurnitureSpan(offset, offset + dateline.end(), "dateline"), False
    clock = lex.TIME_PREFIX.match(head)
    if clock is not None:
        return FurnitureSpan(offset, offset + clock.end(), "timestamp"), False
    return None, False


def _whole_line_kind(
    line: str, head: str, tail: str, words: int, sentence: bool, *, before_prose: bool, punctuated: bool
) -> str | None:
    bare = _bare(head) if len(line) <= _HEAD else None
    if bare is not None and bare in lex.BOILERPLATE_LINES:
        return lex.BOILERPLATE_LINES[bare]
    for pattern, kind, most_words, sentence_ok in lex.LINE_OPENINGS:
        if words <= most_words and (sentence_ok or not sentence) and pattern.match(head):
            return kind
    if words <= 25 and lex.NEWSLETTER_SENTENCE.match(head):
        return "newsletter"
    if words <= _CAPTION_MAX_WORDS and lex.EMBED_SIGNATURE.search(tail):
        # A post embedded from a social network: its words are the poster's, printed as the page shows them,
        # not the reporter's text (a quotation of it in the article is caught there).
        return "embed"
    if words <= 25 and lex.CREDIT_PHRASES.search(line):
        return "credit"
    if words <= 15 and not sentence and lex.BYLINE.match(head):
        return "byline"
    if words <= 8 and not sentence and lex.BYLINE_ROLE.match(head):
        return "byline"
    if words <= 16:
        stamp = _date_line_kind(line)
        if stamp is not None:
            return stamp
    if words <= 10 and not sentence and (lex.CREDIT_LINE.match(line) or lex.CREDIT_AT_END.match(line)):
        return "credit"
    if words <= 15 and not sentence and lex.CAPTION_PERSON.match(line):
        return "caption"
    if words <= _CAPTION_MAX_WORDS and _is_caption(head, tail, sentence):
        return "caption"
    if words <= 20 and not sentence and lex.URL.search(line):
        return "related"
    if sentence or _is_quotation(line) or line.endswith((":", ",", ";", "—", "–", "-")):
        return None
    if words <= 6 and _is_masthead(line):
        return "masthead"
    if line.startswith("[") and line.endswith("]"):
        # A bracketed line between paragraphs is a link to another article or a section header.
        return "heading"
    if words <= _HEADING_WORDS:
        return "heading" if _is_label(line) else None
    if not punctuated or words > _UNMARKED_CAPTION_WORDS or _reads_as_prose(line):
        return None
    # A line of prose length with no full stop, in an article that ends its paragraphs with one: before the
    # first paragraph a headline or standfirst; after it a caption or the headline of a video or link.
    return "heading" if before_prose or _is_title_case(line) else "caption"


def _is_caption(head: str, tail: str, sentence: bool) -> bool:
    if lex.CAPTION_MARKERS.search(head) or lex.CREDIT_AT_END.search(tail):
        return True
    if sentence:
        return False
    return bool(lex.CAPTION_OPENING.match(head) or lex.CAPTION_WORDS.search(head))


def _has_caption_evidence(head: str, tail: str) -> bool:
    return bool(
        lex.CAPTION_MARKERS.search(head)
        or lex.CREDIT_AT_END.search(tail)
        or lex.CAPTION_OPENING.match(head)
        or lex.CAPTION_WORDS.search(head)
    )


def _date_line_kind(line: str) -> str | None:
    """'timestamp' or 'dateline' for a short line made only of date and time tokens and the words around them."""
    without_dates, dates = lex.DATE_TOKEN.subn(" ", line)
    leftover, times = lex.TIME_TOKEN.subn(" ", without_dates)
    if not dates and not times:
        return None
    markers = 0
    names = 0
    for token in leftover.replace("|", " ").replace(",", " ").split():
        word = token.strip(".:;-–—()[]/·•").lower()
        if not word or (word.isdigit() and len(word) <= 2):
            continue
        if word in lex.TIMESTAMP_WORDS:
            markers += word in lex.TIMESTAMP_MARKERS
            continue
        # A source or site name may share the line ("Xinhua | Updated: ..."); anything else is a sentence.
        if token[:1].isupper() and names < 3:
            names += 1
            continue
        return None
    if names and not markers and "|" not in line and " - " not in line:
        return None
    return "timestamp" if times or markers else "dateline"


def _is_masthead(line: str) -> bool:
    """A site's name with a year or a domain: every word capitalised and a year among them, or a bare domain."""
    if lex.MASTHEAD_DOMAIN.match(line):
        return True
    tokens = line.split()
    return bool(lex.YEAR.search(line)) and all(t[:1].isupper() or t[:1].isdigit() for t in tokens)


def _is_label(line: str) -> bool:
    """A short line that names a section rather than saying something: no verb-bearing prose shape.

    Title case, capitals, or a fragment of at most four words ('Checks in place'); a short quotation or a
    list item with a colon ('Texas: 22 dead') is no label.
    """
    if ":" in line:
        return False
    return _is_title_case(line) or line.isupper() or len(line.split()) <= 4


def _reads_as_prose(line: str) -> bool:
    """A line with a sentence break inside ('... in 1985. Back then ...') or a quotation of three words or more
    is a paragraph that lost its full stop, not a caption."""
    if lex.SENTENCE_BREAK.search(line):
        return True
    return any(len(quoted.split()) >= 3 for quoted in lex.QUOTED.findall(line))


def _is_title_case(line: str) -> bool:
    significant = 0
    capitalised = 0
    for token in line.split():
        word = token.strip("\"'“”‘’()[],.-–—:;!?")
        if not word or word.lower() in lex.TITLE_SMALL_WORDS:
            continue
        significant += 1
        capitalised += word[:1].isupper() or word[:1].isdigit()
    return significant >= 2 and capitalised >= 0.8 * significant


def _is_quotation(line: str) -> bool:
    """A line that is one quotation ('"We will not back down"') is speech, not furniture."""
    return line[:1] in "\"“'‘" and line[-1:] in "\"”'’" and not line.isupper()


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(lex.CLOSERS)
    return bool(stripped) and stripped[-1] in lex.TERMINAL


def _bare(line: str) -> str:
    return " ".join(line.lower().split()).rstrip(" .:!>»›→|·•-–—")


def _word_count(line: str, cap: int) -> int:
    """The number of words of ``line``, counting no further than ``cap``."""
    count = 0
    in_word = False
    for character in line:
        if character.isspace():
            in_word = False
        elif not in_word:
            in_word = True
            count += 1
            if count >= cap:
                return cap
    return count


def _mark_related_runs(found: list[tuple[int, FurnitureSpan | None, bool]]) -> list[FurnitureSpan]:
    """Spans in order; runs of headline-shaped lines (a list of links to other stories) become 'related'."""
    spans: list[FurnitureSpan] = []
    run: list[FurnitureSpan] = []
    for _, span, headline_shaped in found:
        if span is not None and headline_shaped:
            run.append(span)
            continue
        spans.extend(_relabel(run))
        run = []
        if span is not None:
            spans.append(span)
    spans.extend(_relabel(run))
    return spans


def _relabel(run: list[FurnitureSpan]) -> list[FurnitureSpan]:
    if len(run) < _RELATED_RUN:
        return run
    return [FurnitureSpan(span.start, span.end, "related") for span in run]
