"""Attribution: who said a quotation. Tries the places an attribution sits (between the pieces of a split quote,
before the opening mark, after the closing mark, the sentence or paragraph around) in order and resolves the
first mention found."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from app.core.lexicon.names import PLACE_HEADS, PLACE_NAMES
from app.core.lexicon.words import DETERMINERS, IRREGULAR_PAST, OTHER_PRONOUNS, PRONOUNS, STOP, STOPWORDS
from app.core.quotes.context import Context
from app.core.quotes.cues import INVERTED_START, NEW_CLAUSE, cue_verbs
from app.core.quotes.marks import _DASH_SIGNATURE, _DOUBLE, _SINGLE, _WINDOW, _RawQuote
from app.core.quotes.mention_after import attribution_after, bare_attribution_after, mention_after
from app.core.quotes.mention_before import mention_before, sentence_opening_subject
from app.core.quotes.mentions import Mention, speaking_description
from app.core.quotes.people import _CAP_RUN, _fold
from app.core.quotes.salience import named_main_subject
from app.core.quotes.subjects import nearest_subject, sentence_subject
from app.core.text import POSSESSIVE_END, split_sentences

# A name (or two joined by "and") alone before a colon, after a dash or "from": a label of whose words follow.
_NAME_COLON = re.compile(
    rf"(?:^|[-–—]\s+|\bfrom\s+)({_CAP_RUN.pattern}(?:\s+and\s+{_CAP_RUN.pattern})?):\s*$"
)


# How far before an opening mark its attribution is read: a long appositive ("Jo Doe, the city police
# department's deputy commissioner of intelligence, said at a news conference that ...") fits, and the bound
# keeps the pass linear on long paragraphs.
_LOOK_BACK = 2 * _WINDOW


# A description opening a sentence, up to its verb or an aside: "The report, commissioned ..., recommended",
# "The ad targets", "The poll also finds".
_DESCRIPTION_SUBJECT = re.compile(
    r"\s*((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    rf"(?=,|(?:\s+(?:[a-z]+ly|also))?\s+(?:[a-z]+(?:ed|s)|{'|'.join(sorted(IRREGULAR_PAST))})\b)"
)
# A short time or place phrase opening a sentence, to its comma: "Hours before the vote, ", "On Monday, ",
# "A day later, ". No verb inside (a subordinate clause has its own subject) and no quotation.
_OPENING_ADVERBIAL = re.compile(r"\s*(?:[A-Z][a-z]*)(?:\s+[\w'’-]+){0,4},\s+(?=[Tt]he\s|[Aa]n?\s|[Ii]ts\s)")


# Place heads that also name a body that speaks ("the City said", "the County announced").
_BODY_PLACE_HEADS = frozenset({"city", "county"})


def _named_place(phrase: str) -> bool:
    """Whether a description is a place's proper name ("The Silicon Valley", "the Lido Beach"): a place
    speaks no words, and a lower-case word after it is the head it modifies ("The Silicon Valley
    potentates behind ..."), not its verb."""
    words = phrase.split()[1:]
    head = _fold(words[-1]) if words else ""
    return (
        bool(words)
        and all(w[:1].isupper() for w in words)
        and head in PLACE_HEADS
        and head not in _BODY_PLACE_HEADS
    )


# What follows a closing mark before the attribution's first word.
_AFTER_CLOSE = frozenset(" ,;:.!?\"”’'—–-\n\u00a0")


def attribute(
    ctx: Context,
    body: str,
    paragraphs: list[tuple[int, int]],
    first: _RawQuote,
    pieces: list[_RawQuote],
    sentence_of: Callable[[int], tuple[int, int]],
    last_quote_paragraph: int,
    continuing: str | None = None,
) -> tuple[str | None, str | None]:
    """Find the attribution of one quotation and resolve it; returns (speaker, mention as printed).

    ``continuing`` is the speaker of a quotation just before this one in the same paragraph, with only a
    short attribution between them (`"...," Roe said. "And ..."`): when nothing beside this quote names
    anyone, the speaker goes on."""
    last = pieces[-1]
    para_index = last.paragraph + len(last.joins)
    _, p_end = paragraphs[min(para_index, len(paragraphs) - 1)]
    candidates: list[Mention] = []
    subject_before: str | None = None
    # 1. Between the pieces of a split quotation.
    for a, b in itertools.pairwise(pieces):
        if a.close_pos is not None:
            found = attribution_after(body, a.close_pos + 1, b.open_pos)
            if found is not None:
                candidates.append(found)
    # 1b. Right after a quote that ends its words with a comma: `"...," said Jo Doe` names the speaker even
    # when the words before the quote report someone else ("When Roe said X, he "...," said Jo Doe").
    if not candidates and last.close_pos is not None and last.open_ended and len(pieces) == 1:
        found = attribution_after(body, last.close_pos + 1, p_end, closing_description=False)
        if (
            found is not None
            and found.start - last.close_pos < 40
            and not NEW_CLAUSE.search(body, last.close_pos + 1, found.start)
            and not _relayed_report(
                ctx, body, paragraphs[first.paragraph][0], first, last.close_pos + 1, found
            )
        ):
            candidates.append(found)
    # 2. Before the opening mark, in the same sentence.
    sent_start, _ = sentence_of(first.open_pos)
    first_para_start = paragraphs[first.paragraph][0]
    # Bounded look-back: attributions sit close to the quote, and a bound keeps long paragraphs linear.
    sent_start = max(sent_start, first_para_start, first.open_pos - _LOOK_BACK)
    own_start = sent_start
    earlier = bisect.bisect_left(ctx.quote_ends, first.open_pos) - 1
    if earlier >= 0 and ctx.quote_ends[earlier] > sent_start:
        # `"...," Roe said, before claiming that Doe "..."`: the sentence began inside an earlier quotation;
        # its attribution is first looked for after that quotation's closing mark.
        own_start = ctx.quote_ends[earlier]
        while own_start < first.open_pos and body[own_start] in _AFTER_CLOSE:
            own_start += 1
    if not body[sent_start : first.open_pos].strip() and first.paragraph > 0:
        # A paragraph ending in a colon introduces the quotation below it: `Ortiz told the council:`.
        prev_start, prev_end = paragraphs[first.paragraph - 1]
        if body[prev_end - 1] == ":":
            intro_start = max(sentence_of(prev_end - 1)[0], prev_start, prev_end - _WINDOW)
            found = mention_before(body[intro_start:prev_end], intro_start, closest_first=True)
            if found is not None:
                candidates.append(found)
            else:
                # "When Roe died, Senator Jo Doe released the following statement:": no cue verb, but the
                # clause before the colon introduces its subject's words.
                introduced = sentence_subject(ctx, intro_start, prev_end)
                if introduced is not None:
                    return introduced, None
    if not candidates and body[sent_start : first.open_pos].strip():
        before_text = body[sent_start : first.open_pos]
        found = mention_before(body[own_start : first.open_pos], own_start, closest_first=True)
        if found is not None and own_start > sent_start and ctx.resolve(found) is None:
            found = None  # `"The Apprentice," who went on to work with him, said`: "who" points before
        if found is None and own_start > sent_start:
            # `He pledged "cooperation", "a close relationship"`: the sentence's one attribution serves all.
            found = mention_before(before_text, sent_start, closest_first=True)
        if found is None:
            # "..., which he described as "...", "in which she says ...", "as he later explained": a "he" or
            # "she" and its cue inside a clause of the sentence.
            found = _pronoun_cue(body, own_start, first.open_pos)
        if found is not None:
            found = _main_clause_speaker(body, sent_start, first.open_pos, found)
        labelled = _NAME_COLON.search(before_text) if found is None else None
        if labelled is not None and not labelled.group(1).isupper():
            # "POLLS WERE EARLY - Jo Doe and Al Roe: "..."", "More from Doe: "..."": a name labels the words.
            found = Mention(labelled.group(1), sent_start + labelled.start(1))
        if found is None and before_text.rstrip().endswith(":"):
            # "Rubio fired back forcefully: "..."": a clause and a colon introduce the subject's words.
            introduced = sentence_subject(ctx, sent_start, first.open_pos)
            opening = sentence_opening_subject(before_text, sent_start) if introduced is None else None
            if opening is not None and (
                len(opening.text.split()) > 1 or len(ctx.registry.fullest_form(opening.text).split()) > 1
            ):
                # "At the second red flag, Hamilton groaned: ...": a surname alone opening the clause.
                introduced = ctx.resolve(opening)
            if introduced is not None:
                return introduced, None
        if found is not None:
            candidates.append(found)
        else:
            # Words quoted inside a sentence are usually its subject's: `Becker accused them of 'negligence'`;
            # but an attribution right after the quote ("..., said Jo Doe") wins over a name before it.
            subject_before = sentence_subject(ctx, sent_start, first.open_pos)
            if subject_before is None:
                subject_before = nearest_subject(ctx, own_start, first.open_pos)
            if subject_before is None:
                # `The report, commissioned after the shooting, recommended "..."`: a paper or body that can
                # speak, opening the sentence, owns the words it quotes. Not an owner's document ("The mayor's
                # message was stark: ..."): the owner is a role the article goes on to name.
                opening = _DESCRIPTION_SUBJECT.match(before_text)
                lead = _OPENING_ADVERBIAL.match(before_text) if opening is None else None
                if lead is not None:
                    # "Hours before the vote, the FDA defended ...", "A day later, the club sent out ...": a
                    # time or place phrase opens the sentence, the body after its comma is the subject.
                    opening = _DESCRIPTION_SUBJECT.match(before_text, lead.end())
                if (
                    opening is not None
                    and _fold(opening.group(1).split()[-1]) not in STOPWORDS  # no "the timeline of"
                    and not any(POSSESSIVE_END.search(w) for w in opening.group(1).split())
                    # A listed speaking noun, not a guess from an ending ("The remainder includes ...").
                    and speaking_description(opening.group(1), agent_nouns=False)
                    and not _named_place(opening.group(1))
                ):
                    subject_before = ctx.resolve(Mention(opening.group(1), sent_start + opening.start(1)))
    # 3. After the closing mark, in the same sentence.
    if not candidates and last.close_pos is not None:
        signature = _DASH_SIGNATURE.match(body, last.close_pos + 1, p_end)
        if signature is not None and signature.end() == p_end:
            candidates.append(Mention(signature.group(1).strip(), signature.start(1)))
    if not candidates and last.close_pos is not None:
        # A description closing the sentence (`..., the lawsuit says.`) answers only when the sentence names no
        # person as its subject: `Roe was "furious" at the vote, the report says` quotes Roe.
        found = attribution_after(body, last.close_pos + 1, p_end, closing_description=subject_before is None)
        if found is None and body[last.close_pos - 1] in ",?!":
            found = bare_attribution_after(body, last.close_pos + 1, p_end)
        if found is not None:
            candidates.append(found)
    if not candidates and subject_before is not None:
        return subject_before, None
    if not candidates and not body[sent_start : first.open_pos].strip() and sent_start > first_para_start:
        # `Jo Doe, a senator, tweeted a warning. "Remember in November ..."`: the sentence before, in the
        # same paragraph and with no quotation of its own, is the quote's attribution.
        prev_start, prev_end = sentence_of(sent_start - 1)
        prev_start = max(prev_start, first_para_start, sent_start - _LOOK_BACK)
        previous = body[prev_start:sent_start]
        if previous.rstrip().endswith(".") and not any(c in previous for c in '"“”'):
            found = mention_before(previous, prev_start, closest_first=True)
            if found is not None and _names_someone(found.text):
                candidates.append(found)
    if not candidates and continuing is not None:
        return continuing, None
    # 4. The next sentence: in the paragraph, or opening the next paragraph when the quote ends its own.
    follow_on = first.paragraph - last_quote_paragraph <= 1
    if not candidates:
        tail_start = (last.close_pos + 1) if last.close_pos is not None else p_end
        next_start, next_end = sentence_of(tail_start)
        if next_start < tail_start:
            next_start, next_end = _next_sentence(body, tail_start, p_end)
        in_next_paragraph = False
        if next_start >= p_end and para_index + 1 < len(paragraphs):
            next_start, next_end = sentence_of(paragraphs[para_index + 1][0])
            in_next_paragraph = True
        if next_end > next_start and body[next_start] not in _DOUBLE | _SINGLE:
            sentence = body[next_start : min(next_end, next_start + _WINDOW)]
            inverted = INVERTED_START.match(sentence)
            if inverted is not None:
                # "So said Henrik Sallow, ..." names the speaker of the quote before it, even after a
                # follow-on paragraph.
                found = mention_after(sentence[inverted.end() :], next_start + inverted.end())
                if found is not None:
                    candidates.append(found)
            elif not (follow_on and in_next_paragraph):
                found = mention_before(sentence, next_start)
                if found is not None and found.start - next_start < 3:
                    candidates.append(found)
                elif not follow_on:
                    # "... broke." Harbour master Jon Eriksen gave the account: a named person opening the
                    # next sentence, when no earlier quote could be continuing.
                    subject = sentence_subject(ctx, next_start, next_end)
                    if subject is not None:
                        return subject, None
    for mention in candidates:
        own = _subject_for_pronoun(ctx, mention, sent_start, min(first.open_pos, mention.start))
        if own is not None:
            return own, mention.text
        speaker = ctx.resolve(mention)
        if speaker is None and mention.text.casefold() == "another":
            speaker = _another(body, mention.start)
            ctx.descriptions.add(speaker)  # an unnamed speaker, no referent of a later "he" or "she"
        if speaker is None and _speaking_place(body, mention):
            # "Beijing said", "Ruritania warned": a capital or a country speaks for its government; the
            # person last named ("Mayor Roe spoke. Beijing said ...") did not say it.
            speaker = mention.text.strip()
            ctx.descriptions.add(speaker)  # no referent of a later "he" or "she"
        if speaker is not None or not _names_nobody(mention.text):
            return speaker, mention.text
    if not follow_on:
        # A quote paragraph after reported speech ("Lavrov said X.") continues that speaker.
        return ctx.last_person(first.open_pos), None
    return None, None


# A subordinate clause opening the sentence, to its comma; an abbreviation's period ("the U.S.") ends nothing.
_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:When|After|As|While|Although|Though|Because|Since|Once|Until|If)\b"
    r"(?:[^.;:!?\"“”]|(?<=\b[A-Z])\.){1,200}?,\s+"
)


def _main_clause_speaker(body: str, start: int, end: int, found: Mention) -> Mention:
    """The speaker of the main clause when the cue found sits in a subordinate clause opening the sentence:
    "When Doe suggested that ..., Rubio fired back: "..."" quotes Rubio, whose verb no cue list holds. The
    cue's own subject when the main clause names nobody before the quotation."""
    opening = _SUBORDINATE_OPENING.match(body, start, end)
    if opening is None or found.start >= opening.end():
        return found
    main = body[opening.end() : end]
    inner = mention_before(main, opening.end(), closest_first=True)
    if inner is not None:
        return inner
    if main.rstrip().endswith(":"):
        subject = sentence_opening_subject(main, opening.end())
        if subject is not None and subject.text[:1].isupper():
            return subject
    return found


# A plain speech verb right after the subject: "Trump said", "Trump also said", "Roe says".
_SUBJECT_SAID = re.compile(r"\s+(?:also\s+|later\s+|then\s+)?(?:said|says)\b")


_ACCORDING_TO = re.compile(r"\baccording\s+to\b", re.IGNORECASE)


def _relayed_report(
    ctx: Context, body: str, para_start: int, first: _RawQuote, after: int, found: Mention
) -> bool:
    """Whether an "according to X" after a quotation only says who reported a sentence whose own subject
    and cue verb, before the quotation, name the speaker: `Trump asserted that he had "the right to ...,"
    according to CNN` quotes Trump; X relayed it."""
    according = _ACCORDING_TO.search(body, after, found.start) is not None
    start = max(para_start, first.open_pos - _LOOK_BACK)
    earlier = bisect.bisect_left(ctx.quote_ends, first.open_pos) - 1
    if earlier >= 0:
        start = max(start, ctx.quote_ends[earlier] + 1)
    sentences = split_sentences(body[start : first.open_pos], start)
    if sentences:
        start = sentences[-1][0]
    before = mention_before(body[start : first.open_pos], start, closest_first=True)
    if before is None or not before.text[:1].isupper() or _fold(before.text.split()[0]) in DETERMINERS:
        return False  # "the indictment said ... "...," according to the Justice Department": the document's issuer
    if not according:
        # `Trump also said the country was "100 percent with Japan", Abe told reporters`: the speaker
        # after the quotation reports what the subject before it said; but not when the subject's cue sits
        # in an opening clause ("When Roe said X, he "...," said Jo Doe") or names the one after it.
        opening = _SUBORDINATE_OPENING.match(body, start, first.open_pos)
        if opening is not None and before.start < opening.end():
            return False
        said = _SUBJECT_SAID.match(body, before.start + len(before.text), first.open_pos)
        if before.start - start > 2 or said is None:
            return False  # only a subject opening the sentence, with a plain "said" of its own
    speaker = ctx.resolve(before)
    return speaker is not None and speaker not in ctx.descriptions


# "he"/"she" after a relative pronoun or a subordinating word, an adverb at most, then a word (the cue
# checked by the caller): "which he described as", "in which she says", "as he later explained".
_CLAUSE_PRONOUN_CUE = re.compile(
    r"\b(?:which|whom|that|as|although|though|because|when|where|while|what)\s+(he|she)\s+"
    r"(?:(?:later|also|then|again|now|once|often|repeatedly|[a-z]+ly)\s+)?([a-z]+)\b"
)


def _pronoun_cue(body: str, start: int, end: int) -> Mention | None:
    """The last "he"/"she" of ``body[start:end]`` that a cue verb follows inside a subordinate or relative
    clause ("which he described as", "in which she says"), when nothing else before the quotation names its
    speaker; None when there is none."""
    found = None
    for match in _CLAUSE_PRONOUN_CUE.finditer(body, start, end):
        verbs = cue_verbs(match.group(2))
        if verbs and verbs[0].group(0) == match.group(2):
            found = Mention(match.group(1), match.start(1))
    return found


def _subject_for_pronoun(ctx: Context, mention: Mention, start: int, end: int) -> str | None:
    """The person a "he"/"she" attribution refers to when its own sentence names one as its subject before the
    quotation: "In her speech, Roe declared: "...," she said", "Roe seemed irritated: "...," she wrote." The
    named subject of the main clause (salience.named_main_subject) of the words from the sentence's start
    to the quotation, when it is a person of no other gender; None otherwise."""
    pronoun = mention.text.casefold()
    if pronoun not in PRONOUNS or end - start < 8:
        return None
    subject = named_main_subject(ctx, start, end)
    if subject is None or subject in ctx.descriptions or not ctx.person_of_gender(subject, pronoun):
        return None
    return subject


_PLACE_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*,\s*$")


def _speaking_place(body: str, mention: Mention) -> bool:
    """A place named as printed in running text ("Beijing", "North Korea"), not a dateline in capitals
    ("MEXICO CITY"), a lower-case word, nor a place set between commas as where something happened ("at a
    town hall in Salem, New Hampshire, Roe went after Doe")."""
    text = mention.text.strip()
    if not text or not text[0].isupper() or text.isupper() or text.casefold() not in PLACE_NAMES:
        return False
    at = body.find(text, mention.start)
    if at < 0:
        return False
    after = body[at + len(text) : at + len(text) + 2].lstrip()
    # "Salem, New Hampshire": a place after a capitalised word and its comma; "Before dawn, Beijing
    # warned" opens the clause after a lower-case word.
    in_place = _PLACE_BEFORE.search(body, max(0, at - 40), at) is not None
    return not after.startswith(",") and not in_place


def _names_nobody(mention: str) -> bool:
    """A mention that only looked like a name ("When", "D-Ohio)", "MEXICO CITY"), or an "it" with no body in
    focus (`"...," it reads.` of a document the person in focus sent): the quote falls back to the running
    speaker instead of to nobody."""
    first = mention.split(maxsplit=1)[0].casefold() if mention.strip() else ""
    if first in ("it", "that", "which") and len(mention.split()) == 1:
        # A lone relative pronoun ("a message from Roe's adviser that read: ...") names no one by itself.
        return True
    return bool(first) and first not in PRONOUNS and first not in OTHER_PRONOUNS and first not in DETERMINERS


# An unnamed speaker brought in by an indefinite description and its cue: "one user wrote", "One woman told
# police", "another supporter wrote".
_ONE_OF_THEM = re.compile(r"\b(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(\w+)")


def _another(body: str, pos: int) -> str:
    """Who a bare "Another said" is: "another <noun>" of the unnamed speaker just before it ("one user wrote
    ... Another said" is another user); "another" as printed when none came shortly before."""
    described = ""
    for found in _ONE_OF_THEM.finditer(body, max(0, pos - _WINDOW), pos):
        words = found.group(1).split()
        if cue_verbs(found.group(2)) and not any(_fold(w) in STOPWORDS for w in words):
            described = found.group(1)
    return f"another {described}" if described else "another"


def _names_someone(mention: str) -> bool:
    """Whether the mention of an attribution sentence before a quotation names someone: a name ("Jo Doe, a
    senator, tweeted a warning."), or role words closed by one ("Or maybe Roe, digital consultant Jo Doe
    says."); a description ("the report said") or a clause's filler word ("It", "This") does not."""
    words = mention.split()
    if mention[0].isupper():
        return _fold(words[0]) not in STOP
    return (
        len(words) >= 3 and words[-1][0].isupper() and words[-2][0].isupper() and _fold(words[0]) not in STOP
    )


def _next_sentence(body: str, pos: int, p_end: int) -> tuple[int, int]:
    rest = split_sentences(body[pos : min(p_end, pos + _WINDOW)], pos)
    # What follows the closing mark directly is either the next sentence or the tail of this one (whose
    # attribution it may hold: `"...," Roe, who ran, said`). But words quoted mid-phrase, with no mark of
    # their own before the closing one ('should "segregate" Islamic radicals from ...'), go on with their
    # sentence, whatever the capital of the word after them: that tail is no next sentence.
    mid_phrase = pos >= 2 and body[pos - 2].isalnum() and body[pos : pos + 1].isspace()
    if rest and body[rest[0][0]].isupper() and not mid_phrase:
        return rest[0]
    if len(rest) >= 2:
        return rest[1]
    return p_end, p_end
