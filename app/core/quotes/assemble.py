"""Assembling quotes: marks paired, attributions read, sentences split; the one entry point of the package."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from app.core.org_identity import article_bodies
from app.core.quotes.attribution import attribute
from app.core.quotes.context import Context
from app.core.quotes.cues import NEW_CLAUSE, VERB_AT_END, WORK_BEFORE, cue_verbs
from app.core.quotes.marks import _TERMINAL, _WINDOW, _drop_subheadings, _RawQuote, _scan_quotes
from app.core.quotes.people import _WORD, _harvest_people
from app.core.quotes.salience import main_subject
from app.core.records import Quote, QuoteSentence, Span
from app.core.text import paragraph_spans, split_sentences

# How far before and after a quotation its sentence is read for the document it was spoken in ("said in a
# statement"): as far as an attribution is looked for before the opening mark.
_DOCUMENT_REACH = 2 * _WINDOW


def _split_attribution_gap(body: str, first: _RawQuote, second: _RawQuote) -> bool:
    """True when ``first`` and ``second`` are one sentence split by its attribution: `"We will," she said,
    "not back down."`."""
    if first.close_pos is None or first.paragraph != second.paragraph or len(first.parts) != 1:
        return False
    if not first.open_ended or first.family != second.family:
        return False
    gap = body[first.close_pos + 1 : second.open_pos]
    stripped = gap.strip()
    if not stripped or stripped[-1] not in ",:—–" or len(stripped.split()) > 12:
        return False
    if NEW_CLAUSE.search(gap):
        return False  # `"we should go" while Doe agreed, "..."`: two speakers' words, not one sentence
    if _SENTENCE_END_IN_GAP.search(gap):
        return False  # `"...," Roe said. Doe responded, "..."`: two sentences, two attributions
    return bool(cue_verbs(gap))


# A full stop after a lower-case word, then a capital: a sentence ends between two quotations ("Gov. Roe"
# and "Jo A. Roe" keep theirs).
_SENTENCE_END_IN_GAP = re.compile(r"\b[a-z]{3,}[.!?]\s+[A-Z]")


def _looks_like_title(body: str, raw: _RawQuote, sentence_start: int) -> bool:
    """A capitalised phrase inside running prose ("his book "The Long Road Home"") names a work, not speech."""
    if len(raw.parts) != 1:
        return False
    start, end = raw.parts[0]
    if body[start:end][:1].islower():
        # A title is printed capitalised; words that open in lower case run on from the reporter's own
        # sentence ("called the plan "a costly trick ..."", "run by 'mainly Northern gangs'").
        return False
    before = body[max(sentence_start, raw.open_pos - _WINDOW) : raw.open_pos].rstrip()
    if WORK_BEFORE.search(before[-60:]) and not VERB_AT_END.search(before[-40:]):
        # "the annual report, "Building the Grid"" names a work; "the report said "..."" quotes it.
        return True
    if not before or before[-1] in ":," or VERB_AT_END.search(before[-40:]):
        return False
    words = _WORD.findall(body[start:end])
    long_words = [w for w in words if len(w) > 3]
    if len(words) < 4 or _TERMINAL.search(body[start:end]):
        return False
    return bool(long_words) and sum(1 for w in long_words if w[0].isupper()) >= 0.7 * len(long_words)


def _sentences(body: str, parts: list[tuple[int, int]], joins: list[str]) -> tuple[QuoteSentence, ...]:
    sentences: list[QuoteSentence] = []
    for index, (start, end) in enumerate(parts):
        spans = split_sentences(body[start:end], start)
        if index > 0 and joins[index - 1] == " " and sentences and spans:
            # A sentence split by its attribution: join the last piece before and the first piece after.
            prev = sentences.pop()
            first = spans.pop(0)
            piece = body[first[0] : first[1]]
            sentences.append(
                QuoteSentence(
                    text=f"{prev.text} {piece}",
                    start=prev.start,
                    end=first[1],
                    parts=(*prev.parts, Span(first[0], first[1])),
                )
            )
        sentences.extend(QuoteSentence(body[a:b], a, b, (Span(a, b),)) for a, b in spans)
    return tuple(sentences)


# At most this many words between two quotations of one paragraph for the second to go on with the first's
# speaker: room for `Jo Doe said on Tuesday.` and no more.
_CONTINUATION_GAP_WORDS = 8


# How a paragraph of running text ends: a sentence mark, a closing quotation mark or a colon.
_RUNNING_TEXT_END = frozenset(".!?:;\"'”’»)")


def _in_caption(body: str, paragraphs: list[tuple[int, int]], paragraph_ends: list[int], pos: int) -> bool:
    """True when ``pos`` sits in a paragraph that ends without a sentence mark: a photo caption ("Hamilton
    (left) celebrates in Brazil"), a heading or a teaser line, never the running text."""
    index = bisect.bisect_right(paragraph_ends, pos)
    if index >= len(paragraphs):
        return False
    text = body[paragraphs[index][0] : paragraphs[index][1]].rstrip()
    return bool(text) and text[-1] not in _RUNNING_TEXT_END


def _bare_quote_paragraph(
    body: str, paragraphs: list[tuple[int, int]], first: _RawQuote, pieces: list[_RawQuote]
) -> bool:
    """Whether the quotation opens its paragraph and no attribution verb follows it there: the plain
    continuation of the speaker before, even an unnamed one ("a police spokesman said.\n\n"We ...")."""
    if first.paragraph >= len(paragraphs):
        return False
    p_start, p_end = paragraphs[first.paragraph]
    close = pieces[-1].close_pos
    if body[p_start : first.open_pos].strip() or close is None:
        return False
    return not cue_verbs(body[close : max(close, p_end)])


class TooManyQuotes(ValueError):
    """More quotations than the caller will take: raised before any of them is attributed."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} quotations")
        self.count = count


def extract_quotes(body: str, *, max_quotes: int | None = None) -> list[Quote]:
    """Every direct quotation in ``body`` with its sentences, offsets and speaker, in body order.

    ``max_quotes``: refuse (``TooManyQuotes``) a body with more quotations than that as soon as the marks
    are paired, so a hostile run of quotations never pays for attribution (about 1 ms a quotation)."""
    paragraphs = paragraph_spans(body)
    raw_quotes = _drop_subheadings(body, paragraphs, _scan_quotes(body, paragraphs))
    if max_quotes is not None and len(raw_quotes) > max_quotes:
        raise TooManyQuotes(len(raw_quotes))
    sentence_spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        sentence_spans.extend(split_sentences(body[p_start:p_end], p_start))
    sentence_starts = [s for s, _ in sentence_spans]

    def sentence_of(pos: int) -> tuple[int, int]:
        index = bisect.bisect_right(sentence_starts, pos) - 1
        return sentence_spans[index] if index >= 0 else (pos, pos)

    # Merge quotations split by their attribution into one.
    merged: list[tuple[_RawQuote, list[_RawQuote]]] = []
    for raw in raw_quotes:
        if merged and _split_attribution_gap(body, merged[-1][1][-1], raw) and len(merged[-1][1]) < 4:
            merged[-1][1].append(raw)
        else:
            merged.append((raw, [raw]))

    paragraph_ends = [end for _, end in paragraphs]
    quoted = sorted(part for raw in raw_quotes for part in raw.parts)
    ctx = Context(
        body, _harvest_people(body, quoted), quote_ends=sorted(end for _, end in quoted), quoted=quoted
    )
    results: list[Quote] = []
    quote_index = 0
    covered_until = -1
    last_quote_paragraph = -2
    last_speaker: str | None = None
    # The last speaker including descriptions ("a police spokesman"), which are no referent of a pronoun but
    # are still who an unattributed follow-on paragraph continues.
    last_voice: str | None = None
    last_voice_printed = False
    last_quote_end = 0
    # A sentinel past the end makes sure every quotation is handled even if no sentence span holds it.
    for s_start, s_end in [*sentence_spans, (len(body), len(body) + 1)]:
        handled = False
        spoke = False  # whether a quotation of this sentence was given a speaker
        while quote_index < len(merged) and merged[quote_index][0].open_pos < s_end:
            first, pieces = merged[quote_index]
            quote_index += 1
            handled = True
            # The previous quotation in this paragraph, with a short attribution sentence between them.
            continuing = (
                last_voice
                if first.paragraph == last_quote_paragraph
                and last_quote_end <= first.open_pos
                and len(body[last_quote_end : first.open_pos].split()) <= _CONTINUATION_GAP_WORDS
                else None
            )
            speaker, mention = attribute(
                ctx, body, paragraphs, first, pieces, sentence_of, last_quote_paragraph, continuing
            )
            if speaker is not None:
                # "ANA", "Nippon Airways", "Ministry": a body under the fullest name the article prints.
                speaker = article_bodies(body).as_named(speaker, mention, first.open_pos)
            if speaker is None and mention is None and first.paragraph - last_quote_paragraph <= 1:
                # An unattributed follow-on paragraph continues the last speaker; a description only when it
                # was printed as the last quotation's attribution ("..., a police spokesman said."), and then
                # also for the next quotation of its paragraph, however long that attribution ran.
                bare = _bare_quote_paragraph(body, paragraphs, first, pieces)
                same_paragraph = first.paragraph == last_quote_paragraph
                speaker = last_voice if last_voice_printed and (bare or same_paragraph) else last_speaker
            built = _build(body, pieces, speaker, mention, sentence_of)
            if built is None:
                continue
            results.append(built)
            results.extend(_nested_fragments(body, pieces, built))
            covered_until = max(covered_until, built.end)
            if speaker is not None:
                last_voice = speaker
                last_voice_printed = mention is not None
            if speaker is not None:
                # The quote's sentence, read only near the quote: a sentence with no full stop may hold
                # thousands of quotes, and reading all of it for each would be quadratic.
                quote_sentence = sentence_of(first.open_pos)
                ctx.note_documents(
                    max(quote_sentence[0], first.open_pos - _DOCUMENT_REACH),
                    min(max(quote_sentence[1], built.end), built.end + _DOCUMENT_REACH),
                    speaker,
                )
            if speaker is not None and speaker not in ctx.descriptions:
                ctx.events.append((first.open_pos, speaker))
                spoke = True
                last_speaker = speaker
            last_quote_paragraph = pieces[-1].paragraph + len(pieces[-1].joins)
            last_quote_end = pieces[-1].close_pos if pieces[-1].close_pos is not None else built.end
        # A sentence whose quotations named nobody (a title, "in which he doubled down on the "king of debt"
        # moniker") still puts its subject in focus for the pronouns after it.
        if _in_caption(body, paragraphs, paragraph_ends, s_start):
            continue  # a photo caption or heading puts nobody in focus for the pronouns of the running text
        if (not handled and s_start >= covered_until) or (handled and not spoke and s_start < s_end):
            subject = main_subject(ctx, s_start, s_end)
            if subject is not None:
                ctx.events.append((s_start, subject))
                ctx.note_documents(s_start, s_end, subject)
    return _named_by_repeat(results, ctx.descriptions)


# Fewest words a quotation printed twice must share for its named printing to tell who said it: shorter
# phrases ("a great day for America") are repeated by several people.
_REPEAT_WORDS = 6
_QUOTE_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def _named_by_repeat(quotes: list[Quote], descriptions: set[str]) -> list[Quote]:
    """An article that prints the same words twice, once put to a description or to nobody ("a statement
    from her doctor declaring she is in 'excellent health'") and once to a named person ("'She is in excellent
    health,' Dr. Roe added"), tells who said them: the named person speaks both printings."""
    named = [
        (" " + " ".join(_QUOTE_WORD.findall(q.text.casefold())) + " ", q.speaker)
        for q in quotes
        if q.speaker is not None and q.speaker not in descriptions and not q.speaker[:1].islower()
    ]
    if not named:
        return quotes
    out = []
    for quote in quotes:
        if quote.speaker is None or quote.speaker in descriptions or quote.speaker[:1].islower():
            words = _QUOTE_WORD.findall(quote.text.casefold())
            if len(words) >= _REPEAT_WORDS:
                needle = " " + " ".join(words) + " "
                speakers = {speaker for text, speaker in named if needle in text}
                if len(speakers) == 1:
                    quote = replace(quote, speaker=speakers.pop())
        out.append(quote)
    return out


def _build(
    body: str,
    pieces: list[_RawQuote],
    speaker: str | None,
    mention: str | None,
    sentence_of: Callable[[int], tuple[int, int]],
) -> Quote | None:
    parts: list[tuple[int, int]] = []
    joins: list[str] = []
    for index, raw in enumerate(pieces):
        if index > 0:
            joins.append(" ")
        parts.extend(raw.parts)
        joins.extend(raw.joins[: len(raw.parts) - 1])
    if not parts:
        return None
    text = body[parts[0][0] : parts[0][1]]
    for join, (a, b) in zip(joins, parts[1:], strict=True):
        text += join + body[a:b]
    fragment = len(text.split()) < 4
    first = pieces[0]
    if not fragment and len(pieces) == 1 and _looks_like_title(body, first, sentence_of(first.open_pos)[0]):
        return None
    return Quote(
        text=text,
        start=parts[0][0],
        end=parts[-1][1],
        parts=tuple(Span(a, b) for a, b in parts),
        speaker=speaker,
        speaker_mention=mention,
        fragment=fragment,
        sentences=_sentences(body, parts, joins),
    )


def _nested_fragments(body: str, pieces: list[_RawQuote], outer: Quote) -> list[Quote]:
    """Short quotations inside a quotation ('blame'), kept as fragments of the outer quote's speaker.

    Longer nested quotations stay only inside the outer quote: they are that speaker's report of
    someone's words, not a separate quotation of the article.
    """
    fragments: list[Quote] = []
    for raw in pieces:
        for start, end in raw.nested:
            while start < end and body[start].isspace():
                start += 1
            while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
                end -= 1
            text = body[start:end]
            if not text or len(text.split()) >= 4 or not outer.start <= start < end <= outer.end:
                continue
            span = Span(start, end)
            fragments.append(
                Quote(
                    text=text,
                    start=start,
                    end=end,
                    parts=(span,),
                    speaker=outer.speaker,
                    speaker_mention=outer.speaker_mention,
                    fragment=True,
                    sentences=(QuoteSentence(text, start, end, (span,)),),
                )
            )
    return fragments
