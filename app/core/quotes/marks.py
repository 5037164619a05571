"""Pairing quotation marks: a linear scan per paragraph that tells apostrophes from single quote marks,
follows quotations over paragraphs and skips headings, captions and "Read more" lines."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_DOUBLE = frozenset('"“”„‟«»')
_SINGLE = frozenset("'‘’‚‹›`")
_MARKS = re.compile("[\"“”„‟«»'‘’‚‹›]")
# What the scan reads as one mark: a pair of apostrophes, opening quotes or backticks standing for a double
# mark (typewriter and wire style: ''We will,'' / ``We will,'' / ‘‘We will,’’; a doubled "" where a page
# escaped its marks), a run of three (a pair and a single closing two quotations at once), or one mark.
_TOKENS = re.compile("'''|’’’|''|‘‘|’’|``|\"\"|[\"“”„‟«»'‘’‚‹›`″‶]")
# A double prime typed for an opening double mark ("″We will,” she said): it only ever opens a quotation,
# since after a number it is the sign for inches or seconds ("6″ of snow").
_PRIME_OPENERS = frozenset("″‶")
# Characters that may sit right before an opening mark / right after a closing one.
_BEFORE_OPEN = frozenset("([{—–-/")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…")
# Elisions that start with an apostrophe: '90s, 'em, 'n', 'til, 'cause.
_LEADING_APOSTROPHE = re.compile(r"(?:\d\d?s?\b|\d0s|em\b|n\b|n'|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)
_SINGLE_CLOSER_AHEAD = re.compile(r"\S['’›](?=[\s.,;:!?)\]—–\"”]|$)")
# A mark that can only open a single quotation: after a space or bracket, before a letter or digit.
_SINGLE_OPENER_AHEAD = re.compile(r"(?:(?<=[\s(\[{—–/\"“”])|^)['‘‚‹`](?=[^\W_])")
_TERMINAL = re.compile(r"[.!?…:;][\"'“”’»)\]]*$")
_CHROME_LINE = re.compile(
    r"^(?:read more|read also|also read|related|see also|watch|listen|recommended|more on this|"
    r"click here|follow us|sign up|subscribe|share this|advertisement|more\s*:|see more|trending|most read|"
    r"latest|top stories|editor's picks?|you may also like|further reading)\b",
    re.IGNORECASE,
)
_HEADING_MAX_WORDS = 25
_SUBHEADING_MAX_WORDS = 10
# A line that is a quotation and then a dash and a name, with nothing else after it.
_DASH_SIGNATURE = re.compile(r"\s*[—–-]{1,2}\s*(?=[A-Z])([^\"“”«».,;:!?]{2,60})$")
_DASH_ATTRIBUTED = re.compile(r"^[\"“«„‘'][^\n]*[\"”»“’'][,.]?\s*[—–-]{1,2}\s*[A-Z][^\"“”«».,;:!?]{1,60}$")
# How far (in characters) around a quote an attribution is looked for.
_WINDOW = 300
_PAST_ATTRIBUTION = re.compile(r"\b(?:said|told|added|stated|asked|insisted|warned|explained)\b")


@dataclass(slots=True)
class _RawQuote:
    """Quotation marks paired within the article; parts are inner spans, separators say how they join."""

    family: str
    open_pos: int
    paragraph: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)
    close_pos: int | None = None
    # Inner text ended with a comma or no punctuation: the sentence may go on after an attribution.
    open_ended: bool = False
    # Quotations inside this one ('blame' inside "... attempts to 'blame' everything ..."), inner spans.
    nested: list[tuple[int, int]] = field(default_factory=list)
    # Opened by a pair of marks ('' or ``) standing for a double mark: a single mark inside is a nested
    # quotation or an apostrophe, and only another pair (or a double mark) closes it.
    doubled: bool = False


def _is_heading(body: str, start: int, end: int, *, first_line: bool = False) -> bool:
    """A short line without sentence-final punctuation: a headline, sub-heading or caption, not prose."""
    text = body[start:end]
    if _CHROME_LINE.match(text):
        return True
    if not first_line and _DASH_ATTRIBUTED.match(text):
        return False  # `"We will be back" — Mayor Lena Ortiz`: a quotation signed with a dash
    if _TERMINAL.search(text) is not None or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    # Headlines report speech in the present ("..., FM Lavrov says"); further down, a past-tense attribution
    # verb means prose that merely lost its final period. The first line is the title either way.
    return first_line or _PAST_ATTRIBUTION.search(text) is None


@dataclass(slots=True)
class _SingleMarks:
    """Where in one paragraph a single quotation could close and where one could open, found once per
    paragraph so that each apostrophe is decided by a lookup rather than a rescan."""

    closers: list[int]
    openers: list[int]
    # The next paragraph opens with a single mark: a quotation opened in this one may run on into it
    # unclosed ("Chris said: 'I think ... before us." then "'I was kind of numb. ...'").
    runs_on: bool = False

    @classmethod
    def of(cls, body: str, start: int, end: int, next_start: int | None = None) -> _SingleMarks:
        closers = [m.start() + 1 for m in _SINGLE_CLOSER_AHEAD.finditer(body, start, end)]
        openers = [
            m.start()
            for m in _SINGLE_OPENER_AHEAD.finditer(body, start, end)
            if not _LEADING_APOSTROPHE.match(body, m.start() + 1, min(end, m.start() + 6))
        ]
        runs_on = next_start is not None and _SINGLE_OPENER_AHEAD.match(body, next_start) is not None
        return cls(closers, openers, runs_on)

    @property
    def last_closer(self) -> int:
        return self.closers[-1] if self.closers else -1

    def opener_before_next_closer(self, i: int) -> bool:
        """Whether a new single quotation opens after ``i`` before any mark after ``i`` could close one:
        quotations of one family do not nest, so a quotation open at ``i`` must close there."""
        o = bisect.bisect_right(self.openers, i)
        if o == len(self.openers):
            return False
        c = bisect.bisect_right(self.closers, i)
        return c == len(self.closers) or self.openers[o] < self.closers[c]


def _can_open_single(body: str, i: int, para_start: int, para_end: int, marks: _SingleMarks) -> bool:
    prev = body[i - 1] if i > para_start else " "
    if not (prev.isspace() or prev in _BEFORE_OPEN or prev in _DOUBLE or i == para_start):
        return False
    nxt = body[i + 1] if i + 1 < para_end else " "
    # A quotation may open on an editorial bracket or an ellipsis ("'(We want) to thank ...", "'... we were shocked").
    opens_on_mark = nxt in "([" or body.startswith("...", i + 1)
    if not (nxt.isalnum() or nxt in '"“…' or opens_on_mark):
        return False
    if _LEADING_APOSTROPHE.match(body, i + 1, min(para_end, i + 6)):
        return False
    # An outer single quote needs a plausible closing mark later in the paragraph, unless it opens the
    # paragraph, or it is the paragraph's last possible opener and the next paragraph opens with a single
    # mark (a quotation running over several paragraphs); otherwise it is a stray apostrophe.
    if i == para_start or marks.last_closer > i:
        return True
    return marks.runs_on and marks.openers[-1:] == [i]


def _closes_single(body: str, i: int, para_start: int, para_end: int, marks: _SingleMarks) -> bool:
    char = body[i]
    if char not in "'’›":
        return False
    prev = body[i - 1] if i > para_start else " "
    nxt = body[i + 1] if i + 1 < para_end else " "
    if prev.isspace():
        return False
    if (
        prev in "nN"
        and i >= para_start + 2
        and body[i - 2] in "'’‘"
        and (i < para_start + 3 or body[i - 3].isspace())
    ):
        # The second mark of "rock 'n' roll": an elision, not the end of a quotation.
        return False
    if nxt.isalnum():
        # Inside a word: don't, Türkiye’s.
        return False
    if prev in "sS" and nxt == " " and i + 2 < para_end and body[i + 2].islower():
        # "the workers' union": a plural possessive, unless no later mark could close the quote, or another
        # quotation opens before one could ("the 'lantern-rays' are ... 'ordinary' eels": scare quotes).
        return marks.last_closer <= i or marks.opener_before_next_closer(i)
    return True


def _scan_quotes(body: str, paragraphs: list[tuple[int, int]]) -> list[_RawQuote]:
    """Pair quotation marks paragraph by paragraph in one left-to-right pass."""
    quotes: list[_RawQuote] = []
    carried: _RawQuote | None = None  # a quotation running on into the next paragraph
    resume_at = 0  # where the carried quotation's words go on: after the paragraph's opening mark, if any
    for index, (p_start, p_end) in enumerate(paragraphs):
        current: _RawQuote | None = None
        inner_start = 0
        if carried is not None:
            carried.joins.append("\n\n")
            current, inner_start = carried, resume_at
            start_at = resume_at
        else:
            # The first line of several is the title; a body of one paragraph is the text itself (a pasted
            # quotation whose last sentence lost its full stop lost every quotation with it).
            if _is_heading(body, p_start, p_end, first_line=index == 0 and len(paragraphs) > 1):
                carried = None
                continue
            start_at = p_start
        carried = None
        # The marks of the paragraph that could close or open a single quotation, found once so that
        # deciding about each apostrophe is a lookup.
        following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        single_marks = _SingleMarks.of(body, p_start, p_end, following)
        nested_open: int | None = None  # where a quotation inside the current one opened (its last mark)
        same_nested: int | None = None  # where one opened in the current one's own double marks
        tokens = _TOKENS.finditer(body, start_at, p_end)
        pending: tuple[int, int] | None = None  # the second half of a split run of three apostrophes
        while True:
            if pending is not None:
                i, end = pending
                pending = None
            else:
                match = next(tokens, None)
                if match is None:
                    break
                i, end = match.span()
                if end - i == 3:
                    # Three apostrophes close two quotations, the inner one's mark first: inside a quotation
                    # opened by a pair the inner one is single, otherwise the inner one is the pair
                    # ('... called ''Blood Moons.''' with a single outer quotation).
                    split = i + 1 if current is not None and current.doubled else i + 2
                    end, pending = split, (split, end)
            doubled = end - i == 2
            char = '"' if doubled else body[i]
            prev = body[i - 1] if i > p_start else " "
            nxt = body[end] if end < p_end else " "
            left_open = i == p_start or prev.isspace() or prev in _BEFORE_OPEN
            right_closed = end == p_end or nxt.isspace() or nxt in _AFTER_CLOSE
            if char in _PRIME_OPENERS:
                if current is None and left_open and not right_closed:
                    current, inner_start = _RawQuote("d", i, index), i + 1
                    nested_open = None
                continue
            if current is None:
                if doubled:
                    # A pair of apostrophes or backticks for a double mark: typewriter and wire style.
                    if left_open and not right_closed:
                        current, inner_start = _RawQuote("d", i, index, doubled=True), end
                elif char in _DOUBLE:
                    if right_closed and not left_open:
                        continue  # a stray closing mark
                    if char in "”»" and not left_open:
                        continue
                    current, inner_start = _RawQuote("d", i, index), i + 1
                elif char in _SINGLE and _can_open_single(body, i, p_start, p_end, single_marks):
                    current, inner_start = _RawQuote("s", i, index), i + 1
                nested_open = None
                continue
            if doubled:
                if left_open and right_closed:
                    continue  # a pair standing alone between spaces opens and closes nothing
                if left_open:
                    if current.doubled:
                        # A new opening pair while one is open: the previous quotation was never closed.
                        _finish_part(body, current, inner_start, i)
                        _keep(quotes, current)
                        current, inner_start = _RawQuote("d", i, index, doubled=True), end
                        nested_open = None
                    elif nested_open is None:
                        nested_open = end - 1  # a quotation inside this one ("... the ''king tides'' ...")
                    continue
                if nested_open is not None:
                    current.nested.append((nested_open + 1, i))
                    nested_open = None
                    continue
                # The pair closes this quotation: a double one ("travel advisory'' / ''We will,''), or a
                # single one whose last word ends in an apostrophe ('... the nurses'').
                _finish_part(body, current, inner_start, i if current.family == "d" else i + 1)
                current.close_pos = end - 1  # the pair's last mark, so what follows is read from after it
                _keep(quotes, current)
                current = None
                continue
            other_family = (char in _SINGLE) == (current.family == "d")
            if current.doubled and char in _DOUBLE:
                # A double mark inside a quotation opened by a pair opens or closes a quotation inside it;
                # one that can only close, with none open inside, closes the quotation (opened '', closed ").
                other_family = nested_open is not None or (left_open and not right_closed)
            if other_family:
                # A mark of the other family inside the quotation: a nested quotation or an apostrophe.
                if nested_open is None:
                    if _opens_nested(body, i, p_start, p_end, single_marks, left_open, right_closed):
                        nested_open = i
                elif _closes_nested(body, i, p_start, p_end, single_marks, left_open, right_closed):
                    current.nested.append((nested_open + 1, i))
                    nested_open = None
                continue
            if current.family == "d":
                # An opening mark by its shape glued after the quotation's punctuation ("... her own
                # life...“So he's there a lot"): the closing mark was left out, a new quotation opens.
                glued = char in "“„«" and prev in _AFTER_CLOSE
                if (left_open or glued) and not right_closed and char in '"“„«':
                    if same_nested is None and _mid_sentence(body, i, p_start):
                        # Opened right after a word, the sentence running on ("... was not “a war of
                        # choice.” It has been ..."): a quotation inside this one in the same marks.
                        same_nested = i
                        continue
                    # A new opening mark while one is open: the previous quotation was never closed.
                    _finish_part(body, current, inner_start, i)
                    _keep(quotes, current)
                    current, inner_start = _RawQuote("d", i, index), i + 1
                    same_nested = None
                    continue
                if same_nested is not None:
                    current.nested.append((same_nested + 1, i))
                    same_nested = None
                    continue
                _finish_part(body, current, inner_start, i)
                current.close_pos = i
                _keep(quotes, current)
                current = None
            else:
                if not _closes_single(body, i, p_start, p_end, single_marks):
                    continue
                _finish_part(body, current, inner_start, i)
                current.close_pos = i
                _keep(quotes, current)
                current = None
        if current is not None:
            # Unclosed at the paragraph's end: it runs on if the next paragraph opens with the same
            # family of mark, otherwise it closes here rather than swallowing the rest of the article.
            _finish_part(body, current, inner_start, p_end)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            marks = _DOUBLE if current.family == "d" else _SINGLE
            reopening = _TOKENS.match(body, *following) if following is not None else None
            if reopening is not None and current.family == "d" and len(reopening.group()) == 2:
                # The next paragraph reopens with a pair ('' or ``): the quotation runs on after it.
                carried, resume_at = current, reopening.end()
            elif following is not None and body[following[0]] in marks:
                carried, resume_at = current, following[0] + 1
            elif following is not None and _closes_unopened(body, *following, marks):
                # The next paragraph goes on without the customary opening mark but closes the quotation.
                carried, resume_at = current, following[0]
            elif following is not None and _closed_after_unmarked(body, paragraphs[index + 1 :], marks):
                # A letter or a speech quoted over several paragraphs without opening marks: one or two
                # paragraphs with no mark at all, then one that closes the quotation.
                carried, resume_at = current, following[0]
            else:
                _keep(quotes, current)
    if carried is not None:
        quotes.append(carried)
    return [q for q in quotes if q.parts]


# A mark that closes a quotation beyond doubt: right after the sentence's punctuation, then a space, the
# paragraph's end or more punctuation ('... on Monday.”', '... on Monday," she said').
_PUNCTUATED_CLOSER = re.compile(r"[.,!?…][\"'”’»](?=[\s.,;:!?)\]—–]|$)")


# A short line that opens with a name and a comma ("Jo Roe, Institute of Ports.""): the signature of a pull
# quote, which may carry the quote's closing mark but is no part of what was said.
_SIGNATURE_LINE = re.compile(r"(?:[A-Z][\w.'’-]*\s+){1,4}[A-Z][\w.'’-]*,")
_SIGNATURE_MAX_WORDS = 12


def _closes_unopened(body: str, start: int, end: int, marks: frozenset[str]) -> bool:
    """Whether the first quotation mark of the family ``marks`` in ``body[start:end]`` closes a quotation
    after its punctuation: the paragraph continues one left open above without opening it again."""
    if _SIGNATURE_LINE.match(body, start, end) and len(body[start:end].split()) <= _SIGNATURE_MAX_WORDS:
        return False
    for match in _MARKS.finditer(body, start, end):
        i = match.start()
        if body[i] not in marks:
            continue
        if i > start and body[i - 1].isalnum() and i + 1 < end and body[i + 1].isalnum():
            continue  # an apostrophe inside a word ("don’t")
        return _PUNCTUATED_CLOSER.match(body, i - 1, end) is not None and i > start
    return False


# How many paragraphs without a mark a quotation may run over before the one that closes it.
_UNMARKED_RUN = 2


def _closed_after_unmarked(body: str, following: list[tuple[int, int]], marks: frozenset[str]) -> bool:
    """Whether the next paragraphs hold no mark of the family ``marks`` (one or two of them) and the one
    after them closes the quotation (:func:`_closes_unopened`)."""
    for n, (start, end) in enumerate(following[: _UNMARKED_RUN + 1]):
        if any(body[m.start()] in marks for m in _MARKS.finditer(body, start, end)):
            return n > 0 and _closes_unopened(body, start, end, marks)
    return False


def _mid_sentence(body: str, i: int, p_start: int) -> bool:
    """Whether the mark at ``i`` follows a word and a space, no punctuation between: the sentence runs on
    into it."""
    return i - 2 >= p_start and body[i - 1] == " " and body[i - 2].isalnum()


def _drop_subheadings(
    body: str, paragraphs: list[tuple[int, int]], raw_quotes: list[_RawQuote]
) -> list[_RawQuote]:
    """Drop short lines that are one single-quoted phrase in an article that quotes speech in double marks.

    Papers that quote in double marks put quoted words in headlines and sub-headings in single marks
    (‘Why won’t they listen?’); such a line is a heading even when it ends with a question mark.
    """
    doubles = sum(1 for raw in raw_quotes if raw.family == "d")
    singles = len(raw_quotes) - doubles
    if doubles <= singles:
        return raw_quotes
    kept: list[_RawQuote] = []
    for raw in raw_quotes:
        p_start, p_end = paragraphs[raw.paragraph]
        whole_line = (
            raw.family == "s"
            and not raw.joins
            and raw.open_pos == p_start
            and raw.close_pos is not None
            and not body[raw.close_pos + 1 : p_end].strip(" .")
        )
        if whole_line and len(body[p_start:p_end].split()) <= _SUBHEADING_MAX_WORDS:
            continue
        kept.append(raw)
    return kept


def _opens_nested(
    body: str, i: int, p_start: int, p_end: int, marks: _SingleMarks, left_open: bool, right_closed: bool
) -> bool:
    if body[i] in _SINGLE:
        return _can_open_single(body, i, p_start, p_end, marks)
    return left_open and not right_closed and body[i] in '"“„«'


def _closes_nested(
    body: str, i: int, p_start: int, p_end: int, marks: _SingleMarks, left_open: bool, right_closed: bool
) -> bool:
    if body[i] in _SINGLE:
        return _closes_single(body, i, p_start, p_end, marks)
    return right_closed and not left_open and body[i] in '"”“»'


def _keep(quotes: list[_RawQuote], quote: _RawQuote) -> None:
    # An empty pair ('""') is never a quotation. Dropped at once rather than at the end, so that a run of
    # marks does not pile up live objects for the garbage collector to rescan (the scan stays linear).
    if quote.parts:
        quotes.append(quote)


def _finish_part(body: str, quote: _RawQuote, start: int, end: int) -> None:
    """Record one inner span, trimmed of whitespace and of the comma that belongs to the attribution."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    quote.open_ended = end > start and (body[end - 1] in ",—–-" or body[end - 1].isalnum())
    if end > start and body[end - 1] == ",":
        end -= 1
        while end > start and body[end - 1].isspace():
            end -= 1
    if end > start:
        quote.parts.append((start, end))
    elif quote.joins and len(quote.joins) > len(quote.parts) - 1:
        quote.joins.pop()
