"""Page furniture in an article body, found once: mastheads, captions and credits, bylines, datelines and
timestamps, reading times, share and newsletter boxes, related links, headings. Nothing inside a furniture span
is offered as a quote, a speaker or a figure (`app/core/extract.py` drops them; the speaker resolver asks
`in_furniture`).

The body is kept as printed and only marked, so what a reader sees still matches the outlet. Lines are judged
by their shape, not by one site's strings: a line that is no sentence (no closing punctuation) in an article
whose prose is punctuated, the words of credits and captions, date and time shapes, the position of a line
before the article's first paragraph. One pass over the lines; each line is judged on a bounded head and
tail plus one count of its words, so the work is linear in the text.

Using it (any stage that reads names, quotes or numbers from a body):

    spans = furniture_spans(body)              # once per body: sorted, never overlapping, never across lines
    in_furniture(spans, start, end)            # True: [start, end) lies inside one span, so refuse it
    furniture_kind(spans, offset)              # "caption", "byline", ... or None for article text

Kinds: see `KINDS`. "heading" covers headlines, standfirsts, summary bullets and sub-headings: the outlet's
own words, but what they count the article says again: `extract_article` takes no quote or figure from them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.core.lexicon import furniture as lex
from app.core.lexicon.speech import VERB_WORDS

# "Jo Roe tweeted: 'It's ...'", "The minister said: ...": a label that ends in a verb of saying opens speech.
_SPEECH_VERB = re.compile(rf"\b(?:{VERB_WORDS}):")

KINDS = (
    "advert",
    "byline",
    "caption",
    "code",
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

# A line of at most this many words with no sentence punctuation is a label ("Checks in place") anywhere.
_LABEL_WORDS = 4
# Up to this many words, an unpunctuated line is a heading or a link's headline (when the article punctuates
# its prose, or in title case); longer ones are captions or standfirsts.
_HEADING_WORDS = 9
# A caption known only by its shape counts when the page prints at least this many pieces of chrome
# (captions, credits, boxes, links; headlines and datelines appear in clean text too): one unpunctuated line
# in clean text is more often a paragraph that lost its full stop (seen in the clean BASIL bodies).
_CAPTIONS_NEEDED = 2
_ALSO_IN_CLEAN_TEXT = frozenset({"heading", "dateline", "timestamp"})
# A caption that names its picture or credit ("FILE - In this ... photo", "(AP Photo/...)") may run long.
_EVIDENT_CAPTION_WORDS = 120
# Distinct lines sharing their first words this many times are the slides of a photo gallery (one title
# each): the corpus galleries run 11 to 59 slides, while a wire's live page repeats an opening ("According to
# early results of ...") three or four times in real paragraphs.
_GALLERY_SLIDES = 5
_OPENING_WORDS = 4
# Capitalised words a timestamp line may carry besides its date ("Published By - Example News - Sport - ...").
_STAMP_NAMES = 4
# How a line was judged.
_BY_EVIDENCE = "evidence"
_HEADLINE = "headline"
_BY_SHAPE = "shape"
# An embedded post (a tweet with its signature) runs at most this many words; longer is a paragraph.
_CAPTION_MAX_WORDS = 60
# After the last signature of embedded posts, this many words are the article's text again; fewer are the
# rest of the signature (a date or time in a shape of its own).
_POST_TAIL_WORDS = 4
# An advice box runs at most this many words (a paragraph or two of boilerplate with its numbers).
_ADVICE_WORDS = 80
# A page that prints at least this many captions prints its captions without a full stop: any other line
# without one there is a caption too.
_CAPTION_PAGE = 3
# A labelled caption has a sentence after its label; a shorter "Label: words" line is a heading or a list item.
_CAPTION_LABEL_WORDS = 8
# A link to another story ("<headline> Read more") runs at most this many words.
_LINK_WORDS = 40
# A line of social counters ("1.2K shares | 45 comments") runs at most this many words.
_COUNTER_WORDS = 12
# A caption with no credit or picture word is judged by shape alone only up to this length: the captions of
# the corpus run 8-25 words; a longer line without its full stop is mostly a paragraph that lost it.
_UNMARKED_CAPTION_WORDS = 30
# This many punctuated prose lines make a page that ends its sentences with a full stop, whatever else it prints.
_PUNCTUATED_PARAGRAPHS = 3
# A prose line, for judging whether the article punctuates its paragraphs at all.
_PROSE_WORDS = 15
# Three or more headline-shaped lines in a row are a list of links to other articles.
_RELATED_RUN = 3
# A line that talks to the reader ("Click here to upload yours.") is a link when short; a longer one may report
# what a site asked its users to do.
_PROMPT_WORDS = 20
# A newsletter box with its form runs to 70-120 words; a longer line is a paragraph that mentions one.
_SIGNUP_BOX_WORDS = 200
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
    page = _profile(text, lines)
    judged = [
        _classify_line(text[start:end], start, index=index, page=page)
        for index, (start, end) in enumerate(lines)
    ]
    chrome = sum(1 for span, _ in judged if span is not None and span.kind not in _ALSO_IN_CLEAN_TEXT)
    if chrome < _CAPTIONS_NEEDED:
        # One unpunctuated line in a page without other chrome is a paragraph that lost its full stop.
        judged = [(None, "") if shape == _BY_SHAPE else (span, shape) for span, shape in judged]
    elif page.punctuated and sum(1 for span, _ in judged if span is not None and span.kind == "caption") >= (
        _CAPTION_PAGE
    ):
        judged = _captions_of_a_caption_page(text, lines, judged, page)
    judged = _mark_closing_teasers(text, lines, judged)
    return _mark_related_runs(judged)


# "Magic Leap One: The fabled headset is real, and it's coming in 2018.": a link's title, a colon and one teaser
# sentence. A run of them closing the body links to other stories; a speaker's label ("SHAPIRO:") is in capitals.
_TEASER = re.compile(r"(?P<head>[A-Z0-9][^:\n]{1,80}?):[ ]+[A-Z\"“].{5,240}[.!?][\"”]?")
_TEASER_HEAD_WORDS = 12
_TEASER_WORDS = 40
_TEASERS_NEEDED = 2


def _mark_closing_teasers(
    text: str, lines: list[tuple[int, int]], judged: list[tuple[FurnitureSpan | None, str]]
) -> list[tuple[FurnitureSpan | None, str]]:
    """The run of teaser lines that ends the body, marked "related" when it holds at least two of them."""
    run: list[int] = []
    for index in range(len(lines) - 1, -1, -1):
        start, end = lines[index]
        line = text[start:end].strip()
        if not line:
            continue
        found = _TEASER.fullmatch(line)
        if (
            found is None
            or not any(c.islower() for c in found.group("head"))
            or len(found.group("head").split()) > _TEASER_HEAD_WORDS
            or _word_count(line, _TEASER_WORDS + 1) > _TEASER_WORDS
        ):
            break
        run.append(index)
    if len(run) < _TEASERS_NEEDED:
        return judged
    marked = list(judged)
    for index in run:
        start, end = lines[index]
        marked[index] = (FurnitureSpan(start, end, "related"), _BY_EVIDENCE)
    return marked


def _captions_of_a_caption_page(
    text: str, lines: list[tuple[int, int]], judged: list[tuple[FurnitureSpan | None, str]], page: _Page
) -> list[tuple[FurnitureSpan | None, str]]:
    """On a page that ends its paragraphs with a full stop and prints captions under its pictures, a line of
    one or two sentences left without its full stop is one more caption, even when it reads like prose."""
    result = list(judged)
    for index, ((start, end), (span, _)) in enumerate(zip(lines, judged, strict=True)):
        if span is not None or index <= page.first_prose:
            continue
        line = text[start:end]
        words = _word_count(line, _CAPTION_MAX_WORDS + 1)
        if (
            _PROSE_WORDS <= words <= _CAPTION_MAX_WORDS
            and not _ends_sentence(line)
            and line[:1] not in lex.BULLETS
            and line[:1] not in lex.QUOTE_MARKS
            and not line.endswith((":", ",", ";", "—", "–", "-"))
            and not _runs_on(line)
            # "Jo Roe tweeted: 'The water is ...": a post quoted in the article keeps the poster's punctuation.
            and not _SPEECH_VERB.search(line, 0, _HEAD)
        ):
            result[index] = (FurnitureSpan(start, end, "caption"), _BY_SHAPE)
    return result


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


@dataclass(frozen=True, slots=True)
class _Page:
    """What one pass over all the lines tells about the page, before any line is judged."""

    # The article ends its paragraphs with sentence punctuation: only then does a line without it stand out.
    punctuated: bool
    # Index of the first prose line: what stands above it is headline, standfirst or summary bullets.
    first_prose: int
    # Openings (first words) that several lines share: the repeated title of a photo gallery's slides.
    repeated_openings: frozenset[str]
    # Every punctuated line with its closing punctuation removed: a caption often repeats a sentence of the
    # article without its full stop.
    sentences: frozenset[str]
    # The openings of punctuated lines that open with a quotation: a pull quote under a picture repeats
    # the article's quotation with its own attribution and no full stop.
    quoted_openings: frozenset[str] = frozenset()
    # Where each punctuated line is first printed, and the punctuated lines by their opening words: a caption
    # repeats a paragraph whole after it, or cuts it short without its end.
    first_printed: Mapping[str, int] = field(default_factory=dict)
    by_opening: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _profile(text: str, lines: list[tuple[int, int]]) -> _Page:
    long_lines = 0
    punctuated_long = 0
    first_prose = len(lines)
    openings: Counter[str] = Counter()
    distinct: set[str] = set()
    sentences: set[str] = set()
    quoted_openings: set[str] = set()
    first_printed: dict[str, int] = {}
    by_opening: dict[str, list[str]] = {}
    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        opening = _opening(line)
        if opening and line not in distinct:
            # Distinct lines only: a live page that repeats one update is no gallery.
            distinct.add(line)
            openings[opening] += 1
        if _ends_sentence(line):
            sentences.add(_unpunctuated(line))
            first_printed.setdefault(line, index)
            if opening and len(by_opening.setdefault(opening, [])) < _REPEATS_READ:
                by_opening[opening].append(_unpunctuated(line))
            if (quoted := _quoted_opening(line)) is not None:
                quoted_openings.add(quoted)
        if _word_count(line, _PROSE_WORDS) < _PROSE_WORDS:
            continue
        long_lines += 1
        if _ends_sentence(line):
            punctuated_long += 1
            first_prose = min(first_prose, index)
    return _Page(
        # Three punctuated paragraphs, or half of them: the captions of a picture-heavy page are long
        # unpunctuated lines themselves and may outnumber the paragraphs.
        punctuated=punctuated_long >= _PUNCTUATED_PARAGRAPHS
        or (punctuated_long >= 2 and punctuated_long >= 0.5 * long_lines),
        first_prose=first_prose,
        repeated_openings=frozenset(o for o, n in openings.items() if n >= _GALLERY_SLIDES),
        sentences=frozenset(sentences),
        quoted_openings=frozenset(quoted_openings),
        first_printed=first_printed,
        by_opening={o: tuple(found) for o, found in by_opening.items()},
    )


# A pull quote is recognised by this many characters of its quotation, the same as in the article's text.
_QUOTED_OPENING = 40


def _quoted_opening(line: str) -> str | None:
    """The first `_QUOTED_OPENING` characters of a line that opens with a quotation mark, or None."""
    if line[:1] not in lex.QUOTE_MARKS or len(line) <= _QUOTED_OPENING + 1:
        return None
    return line[1 : 1 + _QUOTED_OPENING]


def _opening(line: str) -> str:
    """The first `_OPENING_WORDS` words of a line of at least twice that many words, or "" (also for a line
    that opens with a quotation mark)."""
    words = line[:_HEAD].split()
    if len(words) < 2 * _OPENING_WORDS or line[:1] in lex.QUOTE_MARKS:
        # A quotation repeated in a caption and in the text is speech, not a gallery's title.
        return ""
    return " ".join(words[:_OPENING_WORDS])


# Only so many punctuated lines sharing an opening are compared with a line that may repeat one of them.
_REPEATS_READ = 4


def _repeats_a_paragraph(line: str, index: int, sentence: bool, page: _Page) -> bool:
    """A punctuated line printed before (the later copy is the picture's caption), or an unpunctuated line that
    is the start of a punctuated one (a caption cut short)."""
    if sentence:
        return page.first_printed.get(line, index) < index
    opening = _opening(line)
    if not opening:
        return False
    cut = _unpunctuated(line)
    return any(full.startswith(cut) for full in page.by_opening.get(opening, ()))


def _unpunctuated(line: str) -> str:
    return line.rstrip(lex.CLOSERS).rstrip(".!?…").rstrip(lex.CLOSERS)


def _classify_line(line: str, offset: int, *, index: int, page: _Page) -> tuple[FurnitureSpan | None, str]:
    """The furniture span of one line (or of its head), and how it was judged: `_BY_EVIDENCE` (words or
    patterns of furniture), `_HEADLINE` (a headline-shaped line) or `_BY_SHAPE` (a caption known by its shape
    alone); "" when nothing is marked."""
    head = line[:_HEAD]
    tail = line[-_TAIL:]
    words = _word_count(line, _EVIDENT_CAPTION_WORDS + 1)
    sentence = _ends_sentence(line)

    posts_end = _embedded_posts_end(line, words)
    if posts_end is not None and _word_count(line[posts_end:], _POST_TAIL_WORDS) >= _POST_TAIL_WORDS:
        # Posts embedded in the line, then the article's text again: only the posts are furniture.
        return FurnitureSpan(offset, offset + posts_end, "embed"), _BY_EVIDENCE
    kind = "embed" if posts_end is not None else _evident_kind(line, head, tail, words, sentence)
    if kind is None and _is_gallery(line):
        kind = "caption"  # a photo gallery or video carousel flattened into one line, slide after slide
    if (
        kind is None
        and not sentence
        and page.punctuated
        and _CAPTION_LABEL_WORDS <= words <= _CAPTION_MAX_WORDS
        and (label := lex.CAPTION_LABEL.match(head)) is not None
        and not _SPEECH_VERB.search(label.group())
    ):
        kind = (
            "caption"  # "Split: Jo Roe and ... in LA": a labelled caption, no full stop after its sentences
        )
    if kind is None and _opening(line) in page.repeated_openings:
        kind = "caption"  # a slide of a gallery: every slide opens with the gallery's title
    if kind is None and not sentence and words >= _OPENING_WORDS and _unpunctuated(line) in page.sentences:
        kind = "caption"  # a sentence of the article repeated without its full stop under a picture
    if kind is None and _repeats_a_paragraph(line, index, sentence, page):
        kind = "caption"  # a paragraph printed again under its picture, whole or cut short
    if kind is None and not sentence and _quoted_opening(line) in page.quoted_openings:
        kind = "caption"  # a pull quote: the article's quotation again, attributed, with no full stop
    if kind is not None:
        return FurnitureSpan(offset, offset + len(line), kind), _BY_EVIDENCE
    # A slide counter after the paragraph's last sentence: the sentences are the article's, the rest the gallery's
    # (the line ends on no full stop only because of it).
    gallery = lex.GALLERY_TAIL.search(line, max(0, len(line) - _TAIL))
    if gallery is not None and 0 < int(gallery.group("slide")) <= int(gallery.group("total")):
        return FurnitureSpan(offset + gallery.start("slide"), offset + len(line), "caption"), _BY_EVIDENCE
    if not sentence:
        kind, shape = _shape_kind(
            line, words, before_prose=index < page.first_prose, punctuated=page.punctuated
        )
        if kind is not None:
            return FurnitureSpan(offset, offset + len(line), kind), shape

    # Furniture that shares a line with article text: marked alone, the text stays.
    stamp = lex.UPDATE_PREFIX.match(head)
    dateline = lex.DATELINE_PREFIX.match(head)
    # "UPDATE - May 30, 10 p.m.:" opens like a dateline ("LONDON -"); the whole stamp is the furniture.
    if (
        dateline is not None
        and not lex.CAPTION_MARKERS.match(head)
        and (stamp is None or stamp.end() <= dateline.end())
    ):
        return FurnitureSpan(offset, offset + dateline.end(), "dateline"), _BY_EVIDENCE
    if stamp is not None:
        return FurnitureSpan(offset, offset + stamp.end(), "timestamp"), _BY_EVIDENCE
    clock = lex.TIME_PREFIX.match(head)
    if clock is not None:
        return FurnitureSpan(offset, offset + clock.end(), "timestamp"), _BY_EVIDENCE
    return None, ""


def _evident_kind(line: str, head: str, tail: str, words: int, sentence: bool) -> str | None:
    """The kind of a line that carries the words or patterns of page furniture, whatever its surroundings."""
    head = head.lstrip(lex.BULLETS)
    bare = _bare(head) if len(line) <= _HEAD else None
    if bare is not None and bare in lex.BOILERPLATE_LINES:
        return lex.BOILERPLATE_LINES[bare]
    for pattern, kind, most_words, sentence_ok in lex.LINE_OPENINGS:
        if words <= most_words and (sentence_ok or not sentence) and pattern.match(head):
            return kind
    if words <= _LINK_WORDS and not sentence and lex.RELATED_AT_END.search(tail):
        return "related"  # "<headline> Read more": a link to another story, whatever its headline says
    if words <= 25 and lex.NEWSLETTER_SENTENCE.match(head):
        return "newsletter"
    if _is_signup_box(line, head):
        return "newsletter"
    if (
        words <= _LINK_WORDS
        and lex.NEWSLETTER_BUTTON_AT_END.search(tail)
        and lex.NEWSLETTER_WORD.search(line)
    ):
        return "newsletter"  # "... our daily newsletter. Don't miss out: Subscribe."
    if words <= _PROMPT_WORDS and lex.READER_PROMPT.search(line):
        return "related"  # "Click here to ...", "Read more about it here.": a link, not the story
    if words <= _CAPTION_MAX_WORDS and (lex.EMBED_SIGNATURE.search(tail) or lex.EMBED_OPENING.match(head)):
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
    if not sentence and _is_archive_list(line):
        return "related"  # "Archives Select Month January 2018 December 2017 ...": links to a site's months
    if words <= 10 and not sentence and (lex.CREDIT_LINE.match(line) or lex.CREDIT_AT_END.match(line)):
        return "credit"
    if words <= 15 and not sentence and lex.CAPTION_PERSON.match(line):
        return "caption"
    if words <= _COUNTER_WORDS and _only_counters(line):
        return "share_box"
    if words <= _ADVICE_WORDS and lex.ADVICE_BOX.search(line, 0, _HEAD):
        return "contact"
    if _kicker_count(line) >= lex.KICKERS_IN_A_BOX:
        return "related"
    if words <= _EVIDENT_CAPTION_WORDS and _is_caption(line, head, tail, sentence):
        return "caption"
    if words <= 20 and not sentence and lex.URL.search(line):
        return "related"
    return None


def _is_signup_box(line: str, head: str) -> bool:
    """A newsletter box printed whole: it opens like one ("Newsletter Sign Up Continue reading the main story
    ...", "Sign up for ...", "Subscribe ...") and holds the sign-up form's words, whatever its length (the pitch
    for the newsletter is sentences, but nobody in the story said them)."""
    # The opening first: it reads a few characters of the head, the word count the whole line.
    if not any(kind == "newsletter" and pattern.match(head) for pattern, kind, _, _ in lex.LINE_OPENINGS):
        return False
    return (
        _word_count(line, _SIGNUP_BOX_WORDS + 1) <= _SIGNUP_BOX_WORDS
        and lex.SIGNUP_FORM.search(line) is not None
    )


def _shape_kind(line: str, words: int, *, before_prose: bool, punctuated: bool) -> tuple[str | None, str]:
    """The kind of a line that is no sentence (no closing punctuation), judged by its shape and place."""
    if _is_quotation(line) and words <= _HEADING_WORDS and _is_title_case(line):
        # '“Five Pages In, I Was Hooked”': a sub-heading that quotes the interview below it.
        return "heading", _HEADLINE
    if (
        _is_quotation(line)
        or line.endswith((":", ",", ";", "—", "–", "-"))
        or _runs_on(line)
        or _SPEECH_VERB.search(line, 0, _HEAD)
    ):
        # Speech ("Jo Roe tweeted: 'The water ..."), or a line that runs on into the next one.
        return None, ""
    if words <= 6 and _is_masthead(line):
        return "masthead", _BY_EVIDENCE
    if line.startswith("[") and line.endswith("]"):
        # A bracketed line between paragraphs is a link to another article or a section header.
        return "heading", _HEADLINE
    if words <= _HEADING_WORDS and lex.LIST_ITEM.search(line):
        # "Riverside school: 22 pupils evacuated", "Jo Bloggs, 52": an item of a list in the article.
        return None, ""
    if words <= _LABEL_WORDS or (words <= _HEADING_WORDS and (_is_title_case(line) or line.isupper())):
        return "heading", _HEADLINE
    if not punctuated or words > _UNMARKED_CAPTION_WORDS:
        return None, ""
    if words > _HEADING_WORDS and _reads_as_prose(line):
        return None, ""
    # A line with no full stop, in an article that ends its paragraphs with one: before the first paragraph a
    # headline or standfirst; after it a sub-heading, a link's headline, or (longer) a caption.
    if before_prose:
        # The headline, standfirst and summary bullets above the first paragraph (never a list of links).
        return "heading", _BY_EVIDENCE
    if words <= _HEADING_WORDS or _is_title_case(line):
        return "heading", _HEADLINE
    return "caption", _BY_SHAPE


def _is_caption(line: str, head: str, tail: str, sentence: bool) -> bool:
    if lex.CAPTION_MARKERS.search(head):
        return True
    if lex.CREDIT_AT_END.search(tail):
        # "AT LEAST 10 KILLED IN BLAST Officials said ... [Reuters]": a round-up item (a headline in capitals,
        # then its story and source) is article text, not a picture's caption.
        return not lex.CAPITALS_RUN.match(head)
    if sentence:
        # A sentence is a caption only with both signs: opened by its credit and describing its picture
        # ("Jo Roe / Reuters A man walks past ... in this undated photo released on ..."), or when one short
        # sentence says how its picture was got ("The image taken from a video posted by ... shows ...").
        if (
            _word_count(line, _PICTURE_SENTENCE_WORDS + 1) <= _PICTURE_SENTENCE_WORDS
            and _one_sentence(line)
            and lex.PICTURE_SENTENCE.search(line, 0, 2 * _HEAD)
        ):
            return True
        return bool(lex.CAPTION_OPENING.match(head) and lex.CAPTION_WORDS.search(line, 0, 2 * _HEAD))
    return bool(lex.CAPTION_OPENING.match(head) or lex.CAPTION_WORDS.search(head))


# A caption told as one sentence runs at most this many words.
_PICTURE_SENTENCE_WORDS = 40
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’']?[ ]+[A-Z\"“]")


def _one_sentence(line: str) -> bool:
    return _SENTENCE_INSIDE.search(line) is None


def _embedded_posts_end(line: str, words: int) -> int | None:
    """Where the last signature of the posts embedded in ``line`` ends ("... — Jo Roe (@joroe) December 27,
    2017"), or None when the line signs no post. Each "(@" of the line is read with a bounded look-around."""
    end: int | None = None
    posts = 0
    position = line.find("(@")
    while position != -1:
        handle = lex.EMBED_HANDLE.match(line, position)
        if handle is not None and lex.EMBED_SIGNER.search(line, max(0, position - 70), position):
            date = lex.EMBED_DATE.match(line, handle.end())
            end = handle.end() if date is None else date.end()
            posts += 1
        position = line.find("(@", position + 2)
    if end is None and lex.EMBED_LINK.search(line) and words <= _CAPTION_MAX_WORDS:
        return len(line)  # a post's picture link: the line is the post, signed or not
    if end is None or words > _CAPTION_MAX_WORDS * posts:
        return None
    return end


def _is_gallery(line: str) -> bool:
    """Slide counters of one gallery: two consecutive slides of the same total, or a counter after a picture
    word ("Hide Caption 3 of 25"). A single "7 of 16" in a sentence is a statistic."""
    last_slide: dict[str, int] = {}
    for counter in lex.SLIDE_COUNTER.finditer(line):
        slide, total = int(counter.group("slide")), counter.group("total")
        if not 0 < slide <= int(total):
            continue
        if lex.SLIDE_WORD_BEFORE.search(line, max(0, counter.start() - 12), counter.start()):
            return True
        if last_slide.get(total) == slide - 1:
            return True
        last_slide[total] = slide
    return False


def _kicker_count(line: str) -> int:
    """How many teasers open with a kicker in capitals in ``line`` (counted no further than the box needs)."""
    count = 0
    for _ in lex.KICKER.finditer(line):
        count += 1
        if count >= lex.KICKERS_IN_A_BOX:
            break
    return count


def _only_counters(line: str) -> bool:
    """A line made only of social counters ("1.2K shares | 45 comments")."""
    leftover, counters = lex.COUNTER_TOKEN.subn(" ", line)
    return counters > 0 and not leftover.strip(" |·•,/-–—")


def _date_line_kind(line: str) -> str | None:
    """'timestamp' or 'dateline' for a short line made only of date and time tokens and the words around them."""
    without_dates, dates = lex.DATE_TOKEN.subn(" ", line)
    leftover, times = lex.TIME_TOKEN.subn(" ", without_dates)
    if not dates and not times:
        return None
    # "Jo Roe January 2, 2018 12 comments": the page's counters beside the stamp.
    leftover, markers = lex.COUNTER_TOKEN.subn(" ", leftover)
    names = 0
    for token in leftover.replace("|", " ").replace(",", " ").split():
        word = token.strip(".:;-–—()[]/·•").lower()
        if not word or (word.isdigit() and len(word) <= 2):
            continue
        if word in lex.TIMESTAMP_WORDS:
            markers += word in lex.TIMESTAMP_MARKERS
            continue
        # A source or site name may share the line ("Xinhua | Updated: ...", a byline's "Jo Roe @joroe");
        # anything else is a sentence.
        if (token[:1].isupper() or token[:1] == "@") and names < _STAMP_NAMES:
            names += 1
            continue
        return None
    if names and not markers and not times and "|" not in line and " - " not in line:
        # A name and a date alone may be a heading ("Riverside Floods March 2023"); with a clock time beside
        # them ("Jo Roe Staff Writer 2:45 pm, Jan 2, 2018") they are the byline's stamp.
        return None
    return "timestamp" if times or markers else "dateline"


# An archive box flattened into one line: at least this many dates, and no more other words than dates.
_ARCHIVE_DATES = 4


def _is_archive_list(line: str) -> bool:
    """ "Archives Select Month January 2018 December 2017 November 2017 ...": a run of dates with a label."""
    without_dates, dates = lex.DATE_TOKEN.subn(" ", line)
    return dates >= _ARCHIVE_DATES and len(without_dates.split()) <= dates


def _is_masthead(line: str) -> bool:
    """A site's name with a year or a domain: every word capitalised and a year among them, or a bare domain."""
    if lex.MASTHEAD_DOMAIN.match(line):
        return True
    tokens = line.split()
    return bool(lex.YEAR.search(line)) and all(t[:1].isupper() or t[:1].isdigit() for t in tokens)


def _reads_as_prose(line: str) -> bool:
    """A line with a sentence break inside ('... in 1985. Back then ...') or a quotation of three words or more
    (closed or left open) is a paragraph that lost its full stop, not a caption."""
    if lex.SENTENCE_BREAK.search(line):
        return True
    if any(len(quoted.split()) >= 3 for quoted in lex.QUOTED.findall(line)):
        return True
    # A quotation left open runs on into the next paragraph: 'The minister said: "Now that the ...'.
    left_open = line.count('"') % 2 == 1 or line.count("“") > line.count("”")
    opening = max(line.rfind("“"), line.rfind('"'))
    return left_open and len(line[opening:].split()) >= 3


def _runs_on(line: str) -> bool:
    """A line that stops on a word no sentence ends with ('... with', '... of the') was cut mid-sentence."""
    last = line[-_TAIL:].rsplit(None, 1)[-1]
    return last in lex.RUN_ON_WORDS


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
    return line[:1] in lex.QUOTE_MARKS and line[-1:] in lex.QUOTE_MARKS and not line.isupper()


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


def _mark_related_runs(judged: list[tuple[FurnitureSpan | None, str]]) -> list[FurnitureSpan]:
    """Spans in order; runs of headline-shaped lines (a list of links to other stories) become 'related'."""
    spans: list[FurnitureSpan] = []
    run: list[FurnitureSpan] = []
    for span, shape in judged:
        if span is not None and shape in (_HEADLINE, _BY_SHAPE):
            run.append(span)
            continue
        spans.extend(_relabel(run))
        run = []
        if span is not None:
            spans.append(span)
    spans.extend(_relabel(run))
    return spans


def _relabel(run: list[FurnitureSpan]) -> list[FurnitureSpan]:
    if len(run) < _RELATED_RUN or all(span.kind == "caption" for span in run):
        return run
    return [FurnitureSpan(span.start, span.end, "related") for span in run]
