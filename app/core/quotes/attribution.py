"""Attribution: who said a quotation. Reads the cue verb on either side of the quote, "according to",
colon and dash attributions, appositives and roles, and resolves pronouns and descriptions to the people
the article names."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.lexicon.names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from app.core.lexicon.speech import (
    CHANNELS,
    DOCUMENTS,
    GENERIC_SPEAKERS,
    ORG_NAME_ENDINGS,
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    VERB_WORDS,
    VOICE_ROLES,
)
from app.core.lexicon.words import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    LEADING_FILLER,
    OTHER_PRONOUNS,
    PRONOUN_GENDER,
    PRONOUNS,
    SENTENCE_OPENERS,
    STOP,
    TRAILING_FILLER,
)
from app.core.quotes.marks import _DASH_SIGNATURE, _DOUBLE, _SINGLE, _WINDOW, _RawQuote
from app.core.quotes.people import (
    _AGE,
    _CAP_RUN,
    _HYPHEN_PARTICLE,
    _PARENTHETICAL,
    _PARTICLE,
    _PARTICLES,
    _WORD,
    _fold,
    _is_org,
    _Registry,
    _split_run,
    head_name_run,
    role_phrase_at,
)
from app.core.speakers import name_tokens
from app.core.text import is_abbreviation, split_sentences

_MULTI_VERB = re.compile(
    r"\b(?:(?:was|were|is|are|has\s+been|had\s+been)\s+quoted(?:\s+by\s+[^,.;\"“”]{1,60}?)?"
    r"(?:\s+as)?(?:\s+saying)?|according\s+to|pointed\s+out|points\s+out|went\s+on|goes\s+on|shot\s+back|"
    r"chimed\s+in|summed\s+up)\b",
    re.IGNORECASE,
)
_VERB_SET = frozenset(
    word.replace("[sz]", letter) for word in VERB_WORDS.split("|") if "\\s" not in word for letter in "sz"
)
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_INVERTED_START = re.compile(r"^(?:(?:so|thus|and\s+so)\s+)?(?:" + VERB_WORDS + r")\s+", re.IGNORECASE)
# A quotation right after these words names a work ("the report, titled "..."", "his book "...""), not speech.
_WORK_BEFORE = re.compile(
    r"\b(?:titled|entitled|headlined|headline|book|novel|film|movie|documentary|song|album|series|programme|"
    r"program|article|essay|op-ed|poem|play|exhibition|hashtag|report|study|survey|memoir|podcast|episode|painting)[,:]?\s*(?:[\w'’-]+\s+){0,1}$",
    re.IGNORECASE,
)
_VERB_AT_END = re.compile(r"\b(?:" + VERB_WORDS + r")\s*$", re.IGNORECASE)


@dataclass(slots=True)
class _Mention:
    text: str
    start: int


def _clean_mention(text: str) -> str:
    text = _AGE.sub("", _PARENTHETICAL.sub("", text)).strip(" ,;:—–-\n\t")
    words = text.split()
    while words and words[0].casefold() in LEADING_FILLER and len(words) > 1:
        words.pop(0)
    while words and words[-1].casefold().strip(",") in TRAILING_FILLER and len(words) > 1:
        words.pop()
    return " ".join(words).strip(" ,")


# Words that make a would-be mention a clause instead ("Turkey was ready to ... and" before "added").


def _verbs(text: str) -> list[re.Match[str]]:
    """Attribution verbs in ``text``; a capitalised one only where it opens the text ("Said Lavrov"), so
    that "the United States" holds no "states"."""
    found = list(_MULTI_VERB.finditer(text))
    taken = [(m.start(), m.end()) for m in found]
    for word in _LATIN_WORD.finditer(text):
        if word.group(0).casefold() in _VERB_SET and not any(a <= word.start() < b for a, b in taken):
            found.append(word)
    found.sort(key=lambda m: m.start())
    lead = len(text) - len(text.lstrip())
    return [m for m in found if m.group(0)[0].islower() or m.start() == lead]


def _valid_mention(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 10 or any(c in text for c in '"“”«»'):
        return False
    low = words[0].casefold()
    if low in PRONOUNS or low in OTHER_PRONOUNS:
        return len(words) == 1
    if any(w.casefold() in AUXILIARIES or w.casefold() in CLAUSE_WORDS for w in words[1:]):
        return False
    if low in AUXILIARIES or low in _VERB_SET:
        # "Asked what she would tell ..." is a clause, not a speaker.
        return False
    if re.fullmatch(_PARTICLE, low) and len(words) > 1 and words[1][0].isupper():
        return True  # "bin Rashid said", "von Hohenfeld added"
    if re.match(_HYPHEN_PARTICLE + r"[A-Z]", words[0]):
        return True  # "al-Rashid said"
    if low in ROLE_NOUNS and any(w[0].isupper() for w in words[1:]):
        return True  # "owner Kim Lo said", "union president Amy Fox said"
    if len(words) <= 7 and words[-1][0].isupper() and words[0][0].islower() and low not in SENTENCE_OPENERS:
        # "campaign manager Robby Mook said", "psychotherapist Jo Bloggs says": a description, then a name.
        return True
    return low in DETERMINERS or words[0][0].isupper()


# Words that never sit inside a speaker's name or description: their presence means a clause was taken.
_RELATIVE = re.compile(r"(?:who|which|whose|whom)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r"[,;:—–(]|\bthat\b|\band\b|\bwhile\b|\bwhen\b|\bwhere\b|\bafter\b|\bwhat\b", re.IGNORECASE
)


# A capitalised adverb opening a sentence ("Previously", "Earlier", "Separately,").
_LEADING_ADVERB = re.compile(
    r"\s*(?:[A-Z][a-z]+ly|Earlier|Later|Separately|Meanwhile|[A-Z][a-z]+\s+(?:later|earlier|ago|after|before))\b,?\s+"
)


# A participial clause opening a sentence ("Reached by phone,", "Continuing his attack,").
_LEADING_PARTICIPLE = re.compile(r"\s*[A-Z][a-z]+(?:ing|ed)\b[^,.;:\"“”]{0,80},\s+")
# A capitalised modifier, lowercase role words, then the name before its verb: "Party boss Jo Doe said".
_DESCRIBED_NAME = re.compile(
    rf"\s*{_CAP_RUN.pattern}\s+((?:[a-z][\w-]*\s+){{1,3}})({_CAP_RUN.pattern})(?=\s+[a-z]|,)"
)


def _sentence_opening_subject(text: str, offset: int) -> _Mention | None:
    """The subject that opens a sentence, past an opening clause and a comma ("After the report, Jo Doe
    ...", "Then, the congressman, ..."): a name, a pronoun or a description."""
    start = len(text) - len(text.lstrip())
    opener = _LEADING_CLAUSE.match(text, start)
    if opener is not None and _fold(opener.group(1)) in SENTENCE_OPENERS:
        start = opener.end()
    adverb = _LEADING_ADVERB.match(text, start) or _LEADING_PARTICIPLE.match(text, start)
    if adverb is not None:
        # "Previously the council issued ...", "Reached by phone, Doe said ...": no subject yet.
        start = adverb.end()
    phrase = role_phrase_at(text, start)
    if phrase is not None:
        # "Clinton campaign spokesman Jo Roe responded, calling ...": the whole role phrase, whose head is Roe.
        return _Mention(phrase.group(0), offset + start)
    described = _DESCRIBED_NAME.match(text, start)
    if (
        described is not None
        and len(_split_run(described.group(2))[1].split()) >= 2
        and any(_fold(w) in ROLE_NOUNS or _fold(w) in ROLE_SYNONYMS for w in described.group(1).split())
    ):
        # "Republican party boss Jo Doe said ...": lowercase words between two runs; the last is the head.
        return _Mention(described.group(2), offset + described.start(2))
    found = _MENTION_AFTER.match(text[start:])
    if found is None:
        return None
    for group in ("pron", "run", "desc"):
        if found.group(group):
            words = found.group(group).split()
            if group == "run" and _fold(words[0]) in SENTENCE_OPENERS and len(words) == 1:
                return None
            if group == "run" and (
                not _split_run(found.group(group))[1] or _ROLE_WORD_NEXT.match(text, start + found.end(group))
            ):
                # "Transport minister Jo Doe ...": a role opens the sentence, the name comes later.
                return None
            if group == "run":
                # "Roe's personal lawyer Jo Doe later said ...": the possessor modifies the head.
                possessed = _POSSESSED_SUBJECT.match(text, start + found.start(group))
                if possessed is not None:
                    return _Mention(possessed.group(1), offset + possessed.start(1))
            mention = found.group(group).strip()
            named = _NAMED_BODY_THEN_VERB.match(mention) if group == "desc" else None
            if named is not None:
                mention = named.group(1)  # "the NAACP issued an advisory": the body, not its act
            return _Mention(mention, offset + start + found.start(group))
    return None


# A determiner and a capitalised name, then a lowercase word (the verb): "the NAACP issued ...".
_NAMED_BODY_THEN_VERB = re.compile(r"((?:the|The)\s+(?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)\s+[a-z]")


_MAX_VERBS_TRIED = 6


def _subject_before(text: str, offset: int, *, closest_first: bool = False) -> _Mention | None:
    """The first "<speaker> <verb>" in ``text`` (``offset`` is its position in the body).

    With ``closest_first`` the verbs nearest the end of ``text`` are tried first: before a quotation the
    attribution is the clause nearest the opening mark ("Britain pledged aid, and the ministry said ...").
    """
    verbs = _verbs(text)
    if closest_first:
        verbs.reverse()
    # Each verb tried costs a pass over the window, so a window packed with verbs ('said "a" said "a"')
    # would cost its length times its verbs for every quote; an attribution is among the first few tried.
    for verb in verbs[:_MAX_VERBS_TRIED]:
        if verb.group(0).casefold().startswith("according"):
            after = _mention_after(text[verb.end() :], offset + verb.end())
            if after is not None:
                return after
            continue
        # A parenthesis before the verb is a party-state tag or an aside ("Jo Doe (D-Ohio) said"): blanked
        # out, same length, so that it neither breaks the clause nor becomes the speaker.
        head = _PAREN_BEFORE_VERB.sub(lambda m: " " * len(m.group(0)), text[: verb.start()])
        # "in Columbus, Ohio," is one place: its comma is no clause break.
        head = _CITY_STATE.sub(lambda m: m.group(1) + " " + m.group(2), head)
        if head.rstrip().endswith(",") and verb.group(0).casefold().endswith("ing"):
            # "Cruz belittled the loans, calling them "...": a participle goes with the sentence's subject.
            subject = _sentence_opening_subject(text, offset)
            if subject is not None:
                return subject
        if head.rstrip().endswith(","):
            # "Practice patience, says Jo Doe.": the words before the comma are what was said, the
            # speaker follows the verb.
            inverted = _NAME_CLOSES_CLAUSE.match(text, verb.end())
            if inverted is not None and _split_run(inverted.group(1))[1]:
                return _Mention(inverted.group(1), offset + inverted.start(1))
            clause = _CLAUSE_END.match(text, verb.end())
            head_run = _HEAD_RUN.search(clause.group(1)) if clause is not None else None
            if clause is not None and head_run is not None:
                _, name = _split_run(head_run.group(1))
                before_head = clause.group(1)[: head_run.start(1)].split()
                if (
                    len(name.split()) >= 2
                    and not verb.group(0).casefold().endswith("ing")
                    and not any(_fold(w) in _NOT_BEFORE_SPEAKER for w in before_head)
                ):
                    # "In other words, explained CBS moderator Jo Doe: ...": a role, then the name.
                    start = clause.start(1) + head_run.start(1) + head_run.group(1).rfind(name)
                    return _Mention(name, offset + start)
        breaks = list(_CLAUSE_BREAK.finditer(head))
        if breaks and breaks[-1].group(0).casefold() == "and" and not head[breaks[-1].end() :].strip():
            # "X stormed back, leaned in and said": the subject of the coordinated verbs opens the sentence.
            subject = _sentence_opening_subject(text, offset)
            if subject is not None:
                return subject
            continue
        # The subject is the clause right before the verb, but step back over an appositive or relative
        # clause set off by commas: "Weiss, the head of the port authority, said", "Becker, who leads the
        # union, said" name the person first.
        index = len(breaks) - 1
        while index >= 0 and _enclosed_description(head[breaks[index].end() :]):
            index -= 1
        found = _head_mention(head, breaks, index, offset)
        relative = max(_NAME_THEN_WHO.finditer(head), key=lambda m: m.start(), default=None)
        if relative is not None and (found is None or found.start - offset >= relative.end()):
            # "Sandy Roe, who lost her home in Aurora, Colorado, in July, said": the relative clause, commas
            # and all, belongs to the name before it.
            found = _Mention(relative.group(1), offset + relative.start(1))
        while (
            found is None
            and index >= 0
            and breaks[index].group(0).casefold() == "and"
            and head[breaks[index].end() :].rstrip().endswith(",")
        ):
            # "Jo Doe, the deputy commissioner of intelligence and counterterrorism, said": an "and" inside
            # a comma-enclosed appositive joins nouns, not clauses; step back over the whole appositive.
            index -= 1
            while index >= 0 and _enclosed_description(head[breaks[index].end() :]):
                index -= 1
            found = _head_mention(head, breaks, index, offset)
            if found is not None and not found.text[0].isupper():
                found = None
        if found is not None:
            return found
    return None


# A name followed by a relative clause: ", who ..." after it describes it.
_NAME_THEN_WHO = re.compile(
    rf"(?<!\bof\s)(?<!\bin\s)(?<!\bat\s)(?<!\bfrom\s)({_CAP_RUN.pattern}),\s+(?:who|whose)\s"
)


def _enclosed_description(segment: str) -> bool:
    """True for nothing, or for an appositive or relative clause set off by commas (", the head of the port
    authority,", ", who leads the union,"): the subject is before it."""
    segment = segment.strip()
    core = segment.rstrip(", ")
    if not core:
        return True
    first_word = core.split(maxsplit=1)[0]
    # ", campaigning in Leeds on Sunday," and ", now retired," are asides too: a lowercase opening word;
    # and so is a possessive role (", Roe's chief strategist,").
    return segment.endswith(",") and (
        first_word.casefold() in DETERMINERS
        or bool(_RELATIVE.match(core))
        or first_word[0].islower()
        or (bool(_POSSESSIVE_END.search(first_word)) and " " in core)
    )


def _head_mention(head: str, breaks: list[re.Match[str]], index: int, offset: int) -> _Mention | None:
    """The mention that runs from clause break ``index`` (-1: the start of ``head``) to the verb."""
    cut = breaks[index].end() if index >= 0 else 0
    candidate = _clean_mention(head[cut:])
    comma = candidate.find(",")
    if comma > 0 and candidate[0].isupper():
        # "Tomas Ferrand, who has led the city since 2019" -> the name before the clause.
        candidate = candidate[:comma].strip()
    if _valid_mention(candidate):
        start = offset + head.find(candidate, cut) if candidate in head else offset + cut
        return _Mention(candidate, start)
    return None


_ROLE_THEN_NAME = re.compile(rf"\s*(((?:[a-z][\w-]*\s+){{1,3}}){_CAP_RUN.pattern})")
# The name a "who" refers to, past an "of <place>" that only locates the person ("Sen. Jo Doe of Ohio, who").
_NAME_BEFORE_WHO = re.compile(rf"({_CAP_RUN.pattern})(?:\s+of\s+{_CAP_RUN.pattern})?,\s*$")
_POSSESSED_ROLE_NAME = re.compile(
    rf"\s*({_CAP_RUN.pattern}(?:['’]s|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){{1,5}}{_CAP_RUN.pattern})(?=\s*(?:[,.;:]|$))"
)
# The same phrase opening a sentence, before its verb: "Roe's personal lawyer Jo Doe later said".
_POSSESSED_SUBJECT = re.compile(
    rf"\s*({_CAP_RUN.pattern}(?:['’]s|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){{1,5}}{_CAP_RUN.pattern})(?=\s+[a-z])"
)
_CLAUSE_END = re.compile(r"\s*([^,.;:\"“”]{1,80}?)\s*(?=[,.;:]|$)")
_MENTION_AFTER = re.compile(
    rf"^\s*(?:(?P<pron>he|she)\b|(?P<run>{_CAP_RUN.pattern})|(?P<desc>(?:the|a|an|one|another|his|her|its|their|some|several|two|three)\s+[^,.;:\"“”]{{1,60}}?)"
    rf"(?:,\s+(?P<apos>{_CAP_RUN.pattern}))?(?=[,.;:]|\s+(?:on|in|at|during|who|after|before|from)\b|$))"
)


_PERIOD = re.compile(r"\.")


def _hide_abbreviation_periods(text: str) -> str:
    """``text`` with each abbreviation's period ("U.S.", "Gov.", "St.", as the sentence splitter reads them)
    turned into "_", keeping every offset, so a pattern that stops at a period reads "the U.S. Attorney's
    Office" whole. Match on the result, slice ``text``."""
    marks = [m.start() for m in _PERIOD.finditer(text) if is_abbreviation(text, m.start())]
    if not marks:
        return text
    chars = list(text)
    for dot in marks:
        chars[dot] = "_"
    return "".join(chars)


def _mention_after(text: str, offset: int) -> _Mention | None:
    hidden = _hide_abbreviation_periods(text)
    clause = _CLAUSE_END.match(hidden)
    clause_text = text[clause.start(1) : clause.end(1)] if clause is not None else ""
    if clause is not None and _STATEMENT_FROM.match(clause_text):
        # "according to a statement from the central bank": kept whole for the resolver, with the name of
        # an appositive after it ("the statement from his attorney, Jo Doe").
        named = _APPOSITIVE_NAME.match(hidden, clause.end())
        end = named.end() if named is not None else clause.end(1)
        return _Mention(text[clause.start(1) : end], offset + clause.start(1))
    possessed = _POSSESSED_ROLE_NAME.match(text)
    if possessed is not None:
        # "according to Reagan's former education secretary Jo Doe": the possessor only modifies the role;
        # the mention runs to the name, which the resolver takes as the head.
        return _Mention(possessed.group(1), offset + possessed.start(1))
    titled = _titled_name_closing(clause_text) if clause is not None else None
    if titled is not None:
        # "tweeted former Housing and Urban Development Secretary Jo Doe": a long title with capitalised
        # words and an "and" in it; the name that closes the clause is the head.
        return _Mention(titled[0], offset + clause.start(1) + titled[1])
    lead = len(text) - len(text.lstrip())
    phrase = role_phrase_at(text, lead)
    if phrase is not None:
        # "said RNC spokesman Jo Roe": the name after the role words heads the phrase, not "RNC".
        return _Mention(phrase.group(0), offset + lead)
    role = _ROLE_THEN_NAME.match(text)
    if role is not None and any(_fold(w) in ROLE_NOUNS for w in role.group(2).split()):
        # "said union president Amy Fox": lowercase role words, then the name.
        return _Mention(role.group(1).rstrip(".").strip(), offset + role.start(1))
    closing = _role_then_name(clause_text, offset + clause.start(1)) if clause is not None else None
    if closing is not None:
        return closing
    match = _MENTION_AFTER.match(hidden)
    if match is None:
        return None
    for group in ("pron", "run", "apos", "desc"):
        if match.group(group):
            # A closing period is stripped, an abbreviation's kept: "the U.S." is no "the U.S".
            end = match.start(group) + len(match.group(group).rstrip(".").rstrip())
            return _Mention(text[match.start(group) : end].strip(), offset + match.start(group))
    return None


_OF_PLACE_END = re.compile(rf"\s+of\s+{_CAP_RUN.pattern}$")


def _role_then_name(clause: str, offset: int) -> _Mention | None:
    """The name closing a clause of modifiers and a role noun ("Labour party boss Jo Doe", "Leeds University
    professor Jo Doe"): whatever modifies the role, capitalised or not, the name at the end heads it."""
    located = _OF_PLACE_END.search(clause)
    if located is not None:
        clause = clause[: located.start()]  # "voter Jo Doe of Derry": the place only locates the person
    if len(clause.split()) > 10:
        return None
    last = max(_CAP_RUN.finditer(clause), key=lambda m: m.start(), default=None)
    if last is None or last.end() != len(clause) or last.start() == 0:
        return None
    _, name = _split_run(last.group(0))
    if not name or len(name.split()) < 2:
        return None
    lead = clause[: last.start() + last.group(0).rfind(name)].split()
    if not lead or any(_fold(w) in _NOT_BEFORE_SPEAKER for w in lead) or _VERB_SET & {_fold(w) for w in lead}:
        return None
    if not any(_fold(w) in ROLE_NOUNS or _fold(w) in ROLE_SYNONYMS for w in lead):
        return None
    return _Mention(name, offset + last.start() + last.group(0).rfind(name))


# Words that put a place or a listener, not a speaker, before a capitalised run.
_NOT_BEFORE_SPEAKER = (
    frozenset({"of", "in", "at", "for", "from", "near", "to", "on", "with", "by", "about", "and"})
    | PRONOUNS
    | AUXILIARIES
)
# The capitalised run that closes a mention: its head.
_HEAD_RUN = re.compile(rf"({_CAP_RUN.pattern})\s*$")
_PLACE_BEFORE = re.compile(r"\b(?:of|in|at|for|from|near|to)\s+$")


def _titled_name_closing(clause: str) -> tuple[str, int] | None:
    """The name closing a clause that opens with lowercase words and runs through a title ("former Housing
    and Urban Development Secretary Jo Doe"): (name, its offset in ``clause``), or None."""
    if not clause[:1].islower() or len(clause.split()) > 12:
        return None
    last = max(_CAP_RUN.finditer(clause), key=lambda m: m.start(), default=None)
    if last is None or last.end() != len(clause) or _PLACE_BEFORE.search(clause[: last.start()]):
        return None
    roles, name = _split_run(last.group(0))
    if not roles or not name or len(name.split()) < 2:
        return None
    return name, last.start() + last.group(0).rfind(name)


def _attribution_after(body: str, start: int, end: int) -> _Mention | None:
    """Attribution following a closing mark: `, he said`, `, said Lavrov`, `, the minister added`."""
    text = body[start : min(end, start + _WINDOW)]
    sentences = split_sentences(text)
    clause = text[: sentences[0][1]] if sentences else text
    lead = len(clause) - len(clause.lstrip(" ,;:—–-\u00a0"))
    clause_body = clause[lead:]
    if not clause_body or clause_body[0] in "\"“„«'‘":
        return None
    found_verbs = _verbs(clause_body)
    verb = found_verbs[0] if found_verbs else None
    if verb is None:
        return None
    if clause_body[: verb.start()].rstrip().endswith(",") and _fold(verb.group(0)) not in _LISTENER_VERBS:
        # `... and the crowd got nervous, said Jo Doe, a lawyer.`: the speaker follows the verb (but after
        # "told" comes the listener: `Jo Doe, a scientist, told The Herald.`), however long the words
        # between the quote and the verb.
        inverted = _NAME_CLOSES_CLAUSE.match(clause_body, verb.end())
        if inverted is not None and _split_run(inverted.group(1))[1]:
            return _Mention(inverted.group(1), start + lead + inverted.start(1))
        after = _CLAUSE_END.match(clause_body, verb.end())
        titled = _role_then_name(after.group(1), start + lead + after.start(1)) if after is not None else None
        if titled is not None:
            return titled  # `..., said Leeds University professor Jo Doe.`
    if len(clause_body[: verb.start()].split()) > 10:
        # `"...," Jo Doe, 30, of Leeds, who was among those polled, said`: a long appositive chain after
        # the name; the name opens it.
        chain = _NAME_THEN_COMMA.match(clause_body)
        if chain is not None and len(clause_body[: verb.start()].split()) <= 30:
            return _Mention(chain.group(1), start + lead)
        # `"...," which occurred in the north, Costa Rican President Jo Doe said`: an aside about the quote,
        # then the speaker's name right before the verb.
        closing = _NAME_BEFORE_VERB.search(clause_body, 0, verb.start())
        if closing is not None and _split_run(closing.group(1))[1]:
            return _Mention(closing.group(1), start + lead + closing.start(1))
        comma = clause_body.rfind(",", 0, verb.start())
        if comma >= 0:
            # `..., party spokesman Jo Doe said`: a role phrase after the last comma names the speaker.
            segment = clause_body[comma + 1 : verb.start()]
            stripped = segment.strip()
            return _role_then_name(stripped, start + lead + comma + 1 + segment.find(stripped))
        return None
    before = _clean_mention(clause_body[: verb.start()])
    if verb.group(0).casefold().startswith("according") or not before:
        return _mention_after(clause_body[verb.end() :], start + lead + verb.end())
    if _valid_mention(before):
        return _Mention(before, start + lead + clause_body.find(before))
    tail = before.rsplit(",", 1)
    if len(tail) == 2 and _valid_mention(tail[1].strip()) and tail[1].strip()[:1].isupper():
        # `"a small handful" of firms who sponsor it, Gilbert said.`: the quote sits inside the sentence
        # and the attribution closes it, after a comma.
        named = tail[1].strip()
        return _Mention(named, start + lead + clause_body.rfind(named, 0, verb.start()))
    return None


# A name and one verb-shaped word closing the clause after a quotation, in either order: `Roe pressed.`,
# `beamed Jo Doe of Leeds, who ...`.
_NAME_THEN_VERB = re.compile(rf"\s*({_CAP_RUN.pattern})\s+[a-z]+(?:ed|s)\s*[.,;]")
_VERB_THEN_NAME = re.compile(
    rf"\s*[a-z]+(?:ed|s)\s+({_CAP_RUN.pattern})(?:\s+of\s+{_CAP_RUN.pattern})?\s*[.,;]"
)


def _bare_attribution_after(body: str, start: int, end: int) -> _Mention | None:
    """The attribution right after a quotation that ends its words with a comma, "?" or "!", whatever the
    verb (`"...?" Roe pressed.`, `"...!" beamed Jo Doe.`): a name and one verb in a clause of their own say
    who spoke, even with a verb no list holds."""
    for pattern in (_NAME_THEN_VERB, _VERB_THEN_NAME):
        found = pattern.match(body, start, min(end, start + _WINDOW))
        if found is not None and _split_run(found.group(1))[1]:
            return _Mention(found.group(1), found.start(1))
    return None


# Verbs whose object is the listener, never the speaker: "..., told The Herald."
_LISTENER_VERBS = frozenset(
    {"told", "tells", "tell", "informed", "reminded", "emailed", "texted", "messaged"}
)
# A name (or two joined by "and") alone before a colon, after a dash or "from": a label of whose words follow.
_NAME_COLON = re.compile(
    rf"(?:^|[-–—]\s+|\bfrom\s+)({_CAP_RUN.pattern}(?:\s+and\s+{_CAP_RUN.pattern})?):\s*$"
)
_NAME_BEFORE_VERB = re.compile(rf",\s+({_CAP_RUN.pattern})\s*$")
_ROLE_WORD_NEXT = re.compile(r"\s+(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\b")
_NAME_THEN_COMMA = re.compile(rf"({_CAP_RUN.pattern}),\s")
# A name, then a comma and a description: the head of an appositive phrase.
_APPOSITIVE_HEAD = re.compile(rf"^({_CAP_RUN.pattern}),\s+(?:[a-z]|[A-Z][\w'’.-]*['’]s?\s)")
# A capitalised possessor opening a description ("Clinton's top aide", "Sanders' campaign manager").
_POSSESSIVE_MODIFIER = re.compile(rf"^{_CAP_RUN.pattern}(?:['’]s|(?<=s)['’])\s+(?=[a-z])")
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")
# A name that closes its clause right after a verb ("..., says Jo Doe."), not a time ("said Tuesday that").
_NAME_CLOSES_CLAUSE = re.compile(rf"\s+({_CAP_RUN.pattern})\s*(?=[.,;:]|$)")
# The tag takes its closing comma with it, so "Jo Doe, D-Ohio, the top Democrat on the panel, said" keeps one
# appositive to step back over, not an empty segment.
_CITY_STATE = re.compile(
    r"(\b(?:in|at|of|from|near)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?),(\s[A-Z][\w.]*)(?=,)"
)
_PAREN_BEFORE_VERB = re.compile(r"\([^()]{0,60}\)(?=[^()]{0,80}$)|(?<=,)\s*[DRI]-[A-Z][\w.]{0,12},")
_APPOSITIVE_NAME = re.compile(rf",\s+{_CAP_RUN.pattern}(?=\s*[,.;:]|$)")
# Capitalised runs that are never a person: a run of all-capital words (datelines, headers, "S.C."), a
# party-state tag ("D-Ohio", "R-Texas", "I-Vt").
_NOT_A_NAME = re.compile(r"^(?:[A-Z][A-Z.'’&-]+\s+)+[A-Z][A-Z.'’&-]+$|^[A-Z](?:\.[A-Z])+\.?$|^[DRI]-[A-Z]")


_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several"})
# How far back "it said" looks for the organisation it stands for: about two paragraphs.
_IT_REACH = 600


@dataclass(slots=True)
class _Context:
    """What the attribution pass knows while it walks the article: its people and who was last in focus."""

    body: str
    registry: _Registry
    # Salience: (position, person display) for each resolved subject or speaker, in body order.
    events: list[tuple[int, str]] = field(default_factory=list)
    # "he"/"she" learnt per person from the pronouns already resolved to them, so that a chain alternating
    # between a man and a woman resolves each pronoun to the last person it fits.
    genders: dict[str, str] = field(default_factory=dict)
    # Who issued each kind of document the article quoted ("statement" -> "Jo Doe"), for "the statement said".
    documents: dict[str, str] = field(default_factory=dict)
    # Speakers that are unnamed descriptions ("a spokesman"): kept out of pronoun salience.
    descriptions: set[str] = field(default_factory=set)
    # Where each quoted span ends, sorted: the words before a quotation are read from the last closing mark
    # on, so that the words of an earlier quotation in the same sentence are never taken for its attribution.
    quote_ends: list[int] = field(default_factory=list)

    def gender_of(self, name: str) -> str | None:
        """ "m"/"f" from the pronouns already resolved to ``name``, else from its given name; None unknown."""
        known = self.genders.get(name)
        if known is not None:
            return known
        tokens = name_tokens(name)
        if len(tokens) < 2:
            return None
        return "m" if tokens[0] in MALE_GIVEN_NAMES else "f" if tokens[0] in FEMALE_GIVEN_NAMES else None

    def last_person(self, pos: int, pronoun: str | None = None) -> str | None:
        gender = PRONOUN_GENDER.get(pronoun or "")
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            known = self.gender_of(name)
            if gender is None or known is None:
                if gender is not None:
                    self.genders[name] = gender
                return name
            if known == gender:
                return name
        return None

    def last_body(self, pos: int) -> str | None:
        """The organisation last in focus before ``pos``, for "it said": "The State Department confirmed
        the deaths. "We express our condolences," it said." A person in between ends the search."""
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            if pos - event_pos > _IT_REACH:
                return None
            if _is_org(name) or name.split(maxsplit=1)[0].casefold() == "the":
                return name
            return None
        return None

    def resolve(self, mention: _Mention) -> str | None:
        """The person (or body) an attribution names: pronouns and role descriptions resolved, names in the
        fullest form the article uses; None when nobody can be named."""
        text = _clean_mention(mention.text)
        if not text:
            return None
        low = text.casefold()
        joint = self._joint(text, mention.start)
        if joint is not None:
            return joint
        if low in PRONOUNS:
            person = self.last_person(mention.start, low)
            return (
                person if person is not None else self._named_just_before(mention.start, PRONOUN_GENDER[low])
            )
        if low == "who":
            # "... from Jo Doe, who declared: "..."": the relative pronoun is the name right before it.
            antecedent = _NAME_BEFORE_WHO.search(self.body, max(0, mention.start - 120), mention.start)
            return self._name(antecedent.group(1), antecedent.start(1)) if antecedent is not None else None
        if low == "it":
            return self.last_body(mention.start)
        if low in OTHER_PRONOUNS:
            return None
        head = _APPOSITIVE_HEAD.match(text)
        if head is not None:
            # "Jo Roe, the senator's lawyer": the person is the name before the comma, not the senator.
            text = head.group(1)
        possessor = _POSSESSIVE_MODIFIER.match(text)
        if possessor is not None and _fold(text.split()[-1]) in CHANNELS:
            # "Trump's account tweeted", "the mayor's Twitter feed said": the owner of the channel speaks.
            owner = _POSSESSIVE_END.sub("", text[: possessor.end()].strip())
            return self.resolve(_Mention(owner, mention.start))
        if possessor is not None:
            # "Acme's chief executive Jo Roe", "Ohio's governor": the possessor only modifies the head
            # ("the chief executive Jo Roe", "the governor").
            text = "the " + text[possessor.end() :]
        words = text.split()
        source = _STATEMENT_FROM.match(text)
        if source is not None:
            # "according to a statement from the central bank", "a spokesperson for the ministry": an
            # unnamed voice of a body is the body speaking.
            body = _Mention(source.group(2), mention.start + source.start(2))
            author = self.resolve(body) or _clean_mention(body.text)
            # "The statement said ..." later quotes the same author.
            self.documents[source.group("noun").casefold()] = author
            return author
        if words[0].casefold() in DETERMINERS:
            appositive = re.search(rf",\s+({_CAP_RUN.pattern})", text)
            if appositive:
                return self._name(appositive.group(1), mention.start)
            if (
                len(words) > 1
                and all(w[0].isupper() for w in words[1:])
                and ROLE_SYNONYMS.get(_fold(words[-1]), _fold(words[-1])) not in ROLE_NOUNS
            ):
                # "the FBI", "the Red Cross", "the White House": a body named by its proper name.
                return text
            named = _NAME_AFTER_DESCRIPTION.search(text)
            person_named = self._name(named.group(1), mention.start) if named is not None else None
            if person_named is not None:
                # "the campaign group Return Now", "the charity Oxfam": the name after the description;
                # "one senior Democrat" names nobody and stays a description.
                return person_named
            role_words = [_fold(w) for w in _WORD.findall(text) if _fold(w) not in STOP]
            if len(role_words) == 1 and role_words[0] in self.documents:
                return self.documents[role_words[0]]
            if words[0].casefold() == "the" and 0 < len(role_words) <= 2 and role_words[-1] in DOCUMENTS:
                # "the joint statement said" after "Jo Roe and Ann Lee released a joint statement".
                issuer = self._issuer(role_words[-1], mention.start)
                if issuer is not None:
                    return issuer
            if role_words and role_words[-1] in ORG_WORDS and " of " not in text:
                # "the water authority said" quotes the body itself, even when its spokesperson was named.
                return _org_form(self.body, text, mention.start)
            # "one Sanders supporter", "a spokesman": an indefinite description brings in someone new, never a
            # person the article already introduced with that role.
            indefinite = words[0].casefold() in _INDEFINITE
            person = None if indefinite else self.registry.by_role(role_words, mention.start)
            if person is not None:
                return person.display
            if role_words and role_words[-1] in ORG_WORDS:
                return text
            if (
                words[0].casefold() == "the"
                and role_words
                and ROLE_SYNONYMS.get(role_words[-1], role_words[-1]) in (ROLE_NOUNS | {"head"})
                and role_words[-1] not in VOICE_ROLES
            ):
                # "Ferrand said ... 'We will ...,' the mayor said": a definite role nobody was introduced
                # with refers back to the person just named, like a pronoun.
                person_before = self.last_person(mention.start)
                if person_before is not None:
                    return person_before
            return self._description(text)
        named = self._name(self._best_run(text), mention.start)
        if named is None and text[:1].islower() and len(words) > 1:
            # "one senior Democrat said": no person named, so the description as printed.
            return self._description(text)
        return named

    def _issuer(self, document: str, pos: int) -> str | None:
        """Who issued the document a later "the (joint) statement said" quotes: the subject of the last
        "<names> released a joint statement" before ``pos``, within reach; None when no sentence says."""
        issued = None
        for found in _ISSUED.finditer(self.body, max(0, pos - _IT_REACH), pos):
            issued = found  # the last such sentence is the document meant
        if issued is None or issued.group("doc").casefold() != document:
            return None
        subject = _PARTY_TAG.sub("", issued.group("who"))
        return self.resolve(_Mention(subject, issued.start("who")))

    def _joint(self, text: str, pos: int) -> str | None:
        """Two named people who speak together ("Jo Roe and Ann Lee said in a joint statement", "said their
        lawyers Jo Roe and Ann Lee"): both are the speaker, shown "Jo Roe and Ann Lee". The pair may be the
        mention itself or a name joined by "and" just before a mention that is one name. None otherwise."""
        pair = _JOINT_END.search(text)
        if pair is not None:
            runs = (pair.group(1), pair.group(2))
        else:
            before = _JOINT_BEFORE.search(self.body, max(0, pos - 120), pos)
            if before is None or _CAP_RUN.fullmatch(text) is None:
                return None
            runs = (before.group(1), text)
        first, second = (self._name(run, pos) for run in runs)
        if first is None or second is None or first == second:
            return None
        joint = f"{first} and {second}"
        # Two people are no one a later "he" or "she" refers to (a gender neither pronoun has), but stay in
        # focus for "they" and for a continuation paragraph.
        self.genders[joint] = "plural"
        return joint

    def _description(self, text: str) -> str | None:
        """An unnamed source as printed ("a police spokesman", "the lawsuit", "one user"): when nobody can
        be named, the description is the best answer a reader gets. It is no person, so it never becomes
        the referent of a later pronoun (see ``descriptions``)."""
        words = text.split()
        if len(words) < 2:
            return None  # "another said": no description at all
        described = words[0].casefold() + (" " + " ".join(words[1:]))
        self.descriptions.add(described)
        return described

    def _named_just_before(self, pos: int, gender: str | None) -> str | None:
        """The last known person named in the text right before ``pos``: "Senator Ruth Ames said it plainly:
        the bill, she said, ..." introduces the person in the very sentence that quotes her."""
        start = max(0, pos - _WINDOW)
        found: str | None = None
        for run in _CAP_RUN.finditer(self.body, start, pos):
            _, name = _split_run(run.group(0))
            person = self.registry.find(name_tokens(name)) if name else None
            if person is not None and (self.gender_of(person.display) or gender) == gender:
                found = person.display
        return found

    def _best_run(self, text: str) -> str:
        """The name inside a mention: a person already known, else the run with most name words
        ("Jon Eriksen" in "Harbour master Jon Eriksen")."""
        best, best_words = text, 0
        if text.split(maxsplit=1)[0].casefold() in _PARTICLES and self.registry.find(name_tokens(text)):
            return text  # "bin Rashid": the particle belongs to the name
        head = head_name_run(text)
        if head is not None:
            return head  # "Clinton campaign manager Jo Roe": Jo Roe, however well known Clinton is
        head = _HEAD_RUN.search(text)
        if (
            head is not None
            and head.start(1) > 0
            and not _PLACE_BEFORE.search(text[: head.start(1)])
            and not text[: head.start(1)].rstrip().endswith(" and")
        ):
            roles, name = _split_run(head.group(1))
            if name and len(name.split()) >= 2 and (roles or text[: head.start(1)].rstrip()[-1:].islower()):
                # "Trump campaign spokeswoman Hope Hicks": modifiers come first, the head closes the phrase.
                return head.group(1)
        for run in _CAP_RUN.finditer(text):
            _, name = _split_run(run.group(0))
            if not name or _POSSESSIVE_END.search(run.group(0)):
                continue  # "Acme's" in "Acme's Jo Roe" modifies the name that follows
            if self.registry.find(name_tokens(name)) is not None:
                return run.group(0)
            if len(name.split()) > best_words:
                best, best_words = run.group(0), len(name.split())
        return best

    def _name(self, run: str, pos: int) -> str | None:
        roles, name = self.registry.split_run(run)
        if (
            not name
            or name.casefold() in GENERIC_SPEAKERS
            or (name.casefold() in ROLE_NOUNS and not self.registry.surname_in_article(name))
        ):
            return None
        if _fold(name) in SENTENCE_OPENERS or _NOT_A_NAME.search(name):
            # "When", a dateline or shouted header ("MEXICO CITY"), a party-state tag ("D-Ohio").
            return None
        if _is_org(name):
            return name
        person = self.registry.find(name_tokens(name))
        if person is None:
            person = self.registry.add(self.registry.fullest_form(name), set(roles), pos)
        return person.display if person is not None else None


_STATEMENT_FROM = re.compile(
    rf"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?P<noun>{'|'.join(DOCUMENTS)}|spokesperson|spokesman|"
    r"spokeswoman)\s+(?:from|by|of|for|issued\s+by)\s+(\S.*)$",
    re.IGNORECASE,
)
# A description ending in a lowercase word and then a capitalised name that closes the mention.
# "the mayor of Drenna" ends in a place, not a name: a preposition before the run rules it out.
_NAME_AFTER_DESCRIPTION = re.compile(
    rf"^\w+\s+(?:[\w'’-]+\s+)*?(?!(?:of|in|for|from|at|on|to|with|by|near)\s)[a-z][\w-]*\s+({_CAP_RUN.pattern})$"
)


def _org_form(body: str, mention: str, pos: int) -> str:
    """The fullest form of an organisation named before ``pos`` with the mention's head noun ("the
    environment ministry" for a later "the ministry"); the mention itself when the forms disagree."""
    words = mention.split()
    wanted = [w.casefold() for w in words[1:]]
    if not wanted:
        return mention
    pattern = rf"\b[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(words[-1])}\b"
    # Case kept for display, compared casefolded: "the Varn water authority" for "the water authority".
    forms = {
        found.group(0).casefold(): found.group(0)
        for found in re.finditer(pattern, body[max(0, pos - 3000) : pos])
    }
    fuller = [f for f in forms if f.split()[-len(wanted) :] == wanted]
    longest = max(fuller, key=lambda f: len(f.split()), default=None)
    if (longest is None or len(longest.split()) <= len(words)) and len(wanted) == 1:
        # "the airline said" after "Norland Airlines confirmed ...": the one body named with that noun.
        return _named_org(body, wanted[0], pos) or mention
    if longest is None or any(not longest.endswith(f[3:]) for f in fuller):
        # No earlier form, or two different bodies share the head noun ("the health/interior ministry").
        return mention
    return mention if len(longest.split()) <= len(words) else words[0] + forms[longest][3:]


# Two names joined by "and" that close a mention ("the lawyers Jo Roe and Ann Lee"), and a name with its
# party tag joined by "and" right before a mention ("Jo Roe (D-Ohio) and | Ann Lee said").
_JOINT_END = re.compile(rf"(?:^|\s)({_CAP_RUN.pattern})\s+(?:and|&)\s+({_CAP_RUN.pattern})$")
_JOINT_BEFORE = re.compile(rf"({_CAP_RUN.pattern})(?:\s*\([^()]{{1,30}}\))?\s+(?:and|&)\s+$")
# "Jo Roe (D-Ohio) and Ann Lee (D-Iowa) released a joint statement": who issued a document a later
# "the joint statement said" quotes.
_PARTY_TAG = re.compile(r"\s*\([^()]{1,30}\)")
_ISSUED = re.compile(
    rf"(?P<who>{_CAP_RUN.pattern}(?:\s*\([^()]{{1,30}}\))?(?:\s+(?:and|&)\s+{_CAP_RUN.pattern}"
    rf"(?:\s*\([^()]{{1,30}}\))?)?)\s+(?:released|issued|put\s+out|sent\s+out|published)\s+(?:a|an)\s+"
    rf"(?:joint\s+|written\s+)?(?P<doc>{'|'.join(DOCUMENTS)})\b"
)
# A proper name of up to four capitalised words; its last word is checked against the description's noun.
_ORG_NAME_RUN = re.compile(r"\b(?:[A-Z][\w&'’.-]*[ \t]+){0,3}[A-Z][\w&'’.-]*")
_RUN_LEADER = re.compile(r"^(?:(?:The|An?|In|At|From|For|By|On|With|And|But)\s+)+")


def _named_org(body: str, noun: str, pos: int) -> str | None:
    """The one organisation named before ``pos`` whose name closes with ``noun`` (or its plural, or a word
    ORG_NAME_ENDINGS gives for it): "Norland Airlines" for "the airline", "Acme Corp" for "the company".
    None when no such name, or two different ones, precede: then nobody can tell which body is meant."""
    endings = {noun, noun + "s"} | ORG_NAME_ENDINGS.get(noun, frozenset())
    names: dict[str, str] = {}
    for run in _ORG_NAME_RUN.finditer(body, max(0, pos - 3000), pos):
        words = _RUN_LEADER.sub("", run.group(0)).split()
        # "Norland Airlines' pilots", "Acme Corp.": possessive and full stop belong to the sentence.
        while words and _fold(_POSSESSIVE_END.sub("", words[-1]).rstrip(".")) not in endings:
            words.pop()
        if len(words) < 2:
            continue  # "Airlines" alone names no one
        name = " ".join([*words[:-1], _POSSESSIVE_END.sub("", words[-1]).rstrip(".")])
        names.setdefault(name.casefold(), name)
        if len(names) > 1:
            return None
    return next(iter(names.values()), None)


_LEADING_CLAUSE = re.compile(r"(\w+)\b[^,.;:\"“”]{0,80},\s+")


def _sentence_subject(ctx: _Context, start: int, end: int) -> str | None:
    """The person a sentence is about, for later pronouns: "<name> said", "He ...", or a name up front."""
    text = ctx.body[start : min(end, start + _WINDOW)]
    mention = _subject_before(text, start)
    resolved = ctx.resolve(mention) if mention is not None else None
    if resolved is not None:
        return resolved
    # "Kim Doe appeared on the show, where they said ...": a clause's "they" names nobody, the name opening
    # the sentence still does.
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first.casefold() in PRONOUNS:
        return ctx.last_person(start, first.casefold())
    opener = _LEADING_CLAUSE.match(text)
    if opener is not None and _fold(opener.group(1)) in SENTENCE_OPENERS:
        # "When the count ended, Jo Doe spoke", "When Roe left, Doe took over": the subject follows the
        # opening clause, and a name inside that clause is not in focus.
        text = text[opener.end() :]
    # A known person among the sentence's first words ("Trade envoy Li Wei visited the plant").
    for early in _CAP_RUN.finditer(text, 0, min(len(text), 60)):
        _, early_name = _split_run(early.group(0))
        known = ctx.registry.find(name_tokens(early_name)) if early_name else None
        if known is not None:
            return known.display
    run = _CAP_RUN.match(text)
    if run:
        _, name = _split_run(run.group(0))
        if not name or _is_org(name) or _NOT_A_PERSON.search(name) or _ROLE_WORD_NEXT.match(text, run.end()):
            return None
        after = text[run.end() : run.end() + 2]
        # A sentence opening with a full name followed by a verb or an age ("Maria Lopez, 34, watched")
        # introduces a person whom a later "she" may refer to.
        if len(name.split()) >= 2 and "'" not in name and "’" not in name and after[:1] in (",", " "):
            person = ctx.registry.add(name, set(), start)
            if person is not None:
                return person.display
        verb = _VERB_SHAPED.match(text, run.end())
        if (
            len(name.split()) == 1
            and verb is not None
            and ctx.registry.could_be_person(name, start + run.start())
        ):
            # "Cruz openly admitted ...", "Trump has taken ...": a surname the article never gives in full,
            # opening the sentence before its verb, puts that person in focus for the "he said" after it.
            person = ctx.registry.add(ctx.registry.fullest_form(name), set(), start + run.start())
            if person is not None:
                return person.display
        return None
    # "At his press conference after the defeat, broadcast on the team's feed, Fox brushed off questions":
    # a known person right after a comma and before a lowercase verb is the subject after opening clauses.
    for later in _SUBJECT_AFTER_COMMA.finditer(text):
        _, later_name = _split_run(later.group(1))
        known = ctx.registry.find(name_tokens(later_name)) if later_name else None
        if known is not None:
            return known.display
    return None


# A name where a clause's subject stands: opening the text or after a comma or a word that starts a clause
# ("with Doe recently promising", "because Doe has said"), then its verb or an appositive between commas.
_CLAUSE_SUBJECT = re.compile(
    rf"(?:^|,\s+|\b(?:with|because|while|as|but|when|after|before|since|although|though)\s+)"
    rf"({_CAP_RUN.pattern})(?=(?:,\s+[^,.;:\"“”]{{1,80}},)?\s+[a-z])"
)


def _nearest_subject(ctx: _Context, start: int, end: int) -> str | None:
    """The person who is the subject of the clause nearest a quotation inside a sentence with no speech
    verb ("Ramos believes in journalism that "..."", "with Doe recently promising to "...""): the words
    quoted are that person's, whatever verb carries them."""
    text = ctx.body[max(start, end - _WINDOW) : end]
    for match in reversed(list(_CLAUSE_SUBJECT.finditer(text))):
        roles, name = _split_run(match.group(1))
        if not name or _is_org(name) or _NOT_A_PERSON.search(name) or _fold(name.split()[0]) in STOP:
            continue
        known = ctx.registry.find(name_tokens(name))
        if known is not None:
            return known.display
        if len(name.split()) >= 2:
            person = ctx.registry.add(name, set(roles), end)
            if person is not None:
                return person.display
    return None


# What follows a subject that is a lone surname: an adverb and a verb-shaped word ("openly admitted",
# "has taken", "says").
_VERB_SHAPED = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:ed|s)|will|would|could|can|did|does)\b")


# A capitalised run after a comma and before a lowercase word: a subject after opening clauses.
_SUBJECT_AFTER_COMMA = re.compile(rf",\s+({_CAP_RUN.pattern})\s+(?=[a-z])")
# Capitalised runs that are teams, bodies or labels, never a person in focus: an acronym or a digit inside
# the run ("NFC North", "F1 Racing").
_NOT_A_PERSON = re.compile(r"\b[A-Z][A-Z0-9]+\b|\b\w*\d\w*\b")


# How far before an opening mark its attribution is read: a long appositive ("Jo Doe, the city police
# department's deputy commissioner of intelligence, said at a news conference that ...") fits, and the bound
# keeps the pass linear on long paragraphs.
_LOOK_BACK = 2 * _WINDOW
# What follows a closing mark before the attribution's first word.
_AFTER_CLOSE = frozenset(" ,;:.!?\"”’'—–-\n\u00a0")


def _attribute(
    ctx: _Context,
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
    candidates: list[_Mention] = []
    subject_before: str | None = None
    # 1. Between the pieces of a split quotation.
    for a, b in itertools.pairwise(pieces):
        if a.close_pos is not None:
            found = _attribution_after(body, a.close_pos + 1, b.open_pos)
            if found is not None:
                candidates.append(found)
    # 1b. Right after a quote that ends its words with a comma: `"...," said Jo Doe` names the speaker even
    # when the words before the quote report someone else ("When Roe said X, he "...," said Jo Doe").
    if not candidates and last.close_pos is not None and last.open_ended and len(pieces) == 1:
        found = _attribution_after(body, last.close_pos + 1, p_end)
        if found is not None and found.start - last.close_pos < 40:
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
            found = _subject_before(body[intro_start:prev_end], intro_start, closest_first=True)
            if found is not None:
                candidates.append(found)
    if not candidates and body[sent_start : first.open_pos].strip():
        before_text = body[sent_start : first.open_pos]
        found = _subject_before(body[own_start : first.open_pos], own_start, closest_first=True)
        if found is not None and own_start > sent_start and ctx.resolve(found) is None:
            found = None  # `"The Apprentice," who went on to work with him, said`: "who" points before
        if found is None and own_start > sent_start:
            # `He pledged "cooperation", "a close relationship"`: the sentence's one attribution serves all.
            found = _subject_before(before_text, sent_start, closest_first=True)
        labelled = _NAME_COLON.search(before_text) if found is None else None
        if labelled is not None and not labelled.group(1).isupper():
            # "POLLS WERE EARLY - Jo Doe and Al Roe: "..."", "More from Doe: "..."": a name labels the words.
            found = _Mention(labelled.group(1), sent_start + labelled.start(1))
        if found is None and before_text.rstrip().endswith(":"):
            # "Rubio fired back forcefully: "..."": a clause and a colon introduce the subject's words.
            introduced = _sentence_subject(ctx, sent_start, first.open_pos)
            opening = _sentence_opening_subject(before_text, sent_start) if introduced is None else None
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
            subject_before = _sentence_subject(ctx, sent_start, first.open_pos)
            if subject_before is None:
                subject_before = _nearest_subject(ctx, own_start, first.open_pos)
    # 3. After the closing mark, in the same sentence.
    if not candidates and last.close_pos is not None:
        signature = _DASH_SIGNATURE.match(body, last.close_pos + 1, p_end)
        if signature is not None and signature.end() == p_end:
            candidates.append(_Mention(signature.group(1).strip(), signature.start(1)))
    if not candidates and last.close_pos is not None:
        found = _attribution_after(body, last.close_pos + 1, p_end)
        if found is None and body[last.close_pos - 1] in ",?!":
            found = _bare_attribution_after(body, last.close_pos + 1, p_end)
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
            found = _subject_before(previous, prev_start, closest_first=True)
            if found is not None and found.text[0].isupper() and _fold(found.text.split()[0]) not in STOP:
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
            inverted = _INVERTED_START.match(sentence)
            if inverted is not None:
                # "So said Henrik Sallow, ..." names the speaker of the quote before it, even after a
                # follow-on paragraph.
                found = _mention_after(sentence[inverted.end() :], next_start + inverted.end())
                if found is not None:
                    candidates.append(found)
            elif not (follow_on and in_next_paragraph):
                found = _subject_before(sentence, next_start)
                if found is not None and found.start - next_start < 3:
                    candidates.append(found)
                elif not follow_on:
                    # "... broke." Harbour master Jon Eriksen gave the account: a named person opening the
                    # next sentence, when no earlier quote could be continuing.
                    subject = _sentence_subject(ctx, next_start, next_end)
                    if subject is not None:
                        return subject, None
    for mention in candidates:
        speaker = ctx.resolve(mention)
        if speaker is not None or not _names_nobody(mention.text):
            return speaker, mention.text
    if not follow_on:
        # A quote paragraph after reported speech ("Lavrov said X.") continues that speaker.
        return ctx.last_person(first.open_pos), None
    return None, None


def _names_nobody(mention: str) -> bool:
    """A mention that only looked like a name ("When", "D-Ohio)", "MEXICO CITY"): the attribution was
    misread, so the quote falls back to the running speaker instead of to nobody."""
    first = mention.split(maxsplit=1)[0].casefold() if mention.strip() else ""
    return bool(first) and first not in PRONOUNS and first not in OTHER_PRONOUNS and first not in DETERMINERS


def _next_sentence(body: str, pos: int, p_end: int) -> tuple[int, int]:
    rest = split_sentences(body[pos : min(p_end, pos + _WINDOW)], pos)
    # What follows the closing mark directly is either the next sentence or the tail of this one.
    if rest and body[rest[0][0]].isupper():
        return rest[0]
    if len(rest) >= 2:
        return rest[1]
    return p_end, p_end
