"""The mention before a cue: the subject of "<speaker> said", stepping back over appositives, relative
clauses and opening clauses."""

from __future__ import annotations

import re

from app.core.lexicon.names import AFFILIATIONS
from app.core.lexicon.speech import ROLE_NOUNS, ROLE_SYNONYMS
from app.core.lexicon.words import DETERMINERS, SENTENCE_OPENERS
from app.core.quotes.cues import LISTENER_VERBS, cue_verbs
from app.core.quotes.mention_after import MENTION_AFTER, mention_after
from app.core.quotes.mentions import (
    CLAUSE_END,
    HEAD_RUN,
    LEADING_CLAUSE,
    NAME_CLOSES_CLAUSE,
    NOT_BEFORE_SPEAKER,
    ROLE_WORD_NEXT,
    Mention,
    clean_mention,
    hide_abbreviation_periods,
    valid_mention,
)
from app.core.quotes.people import _CAP_RUN, _fold, _split_run, role_phrase_at
from app.core.text import POSSESSIVE_END

# Words that never sit inside a speaker's name or description: their presence means a clause was taken.
_RELATIVE = re.compile(r"(?:who|which|whose|whom)\b", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(
    r"[,;:—–(]|\bthat\b|\band\b|\bbut\b|\bwhile\b|\bwhen\b|\bwhere\b|\bafter\b|\bwhat\b", re.IGNORECASE
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


def sentence_opening_subject(text: str, offset: int) -> Mention | None:
    """The subject that opens a sentence, past an opening clause and a comma ("After the report, Jo Doe
    ...", "Then, the congressman, ..."): a name, a pronoun or a description."""
    start = len(text) - len(text.lstrip())
    pronoun = _PRONOUN_SUBJECT.match(text, start)
    if pronoun is not None:
        # "He went on to endorse Roe, calling her ...", "Then she cut into Doe, calling him ...": the pronoun
        # opening the sentence is its subject, not the object named after its verb.
        return Mention(pronoun.group(1), offset + pronoun.start(1))
    # "A day before Mr. Roe and Mr. Doe met, Jo Lee ...": an honorific's period is no sentence end.
    opener = LEADING_CLAUSE.match(hide_abbreviation_periods(text), start)
    if opener is not None and _fold(opener.group(1)) in SENTENCE_OPENERS:
        start = opener.end()
    adverb = _LEADING_ADVERB.match(text, start) or _LEADING_PARTICIPLE.match(text, start)
    if adverb is not None:
        # "Previously the council issued ...", "Reached by phone, Doe said ...": no subject yet.
        start = adverb.end()
    phrase = role_phrase_at(text, start)
    if phrase is not None:
        # "Clinton campaign spokesman Jo Roe responded, calling ...": the whole role phrase, whose head is Roe.
        return Mention(phrase.group(0), offset + start)
    described = _DESCRIBED_NAME.match(text, start)
    if (
        described is not None
        and len(_split_run(described.group(2))[1].split()) >= 2
        and any(_fold(w) in ROLE_NOUNS or _fold(w) in ROLE_SYNONYMS for w in described.group(1).split())
    ):
        # "Republican party boss Jo Doe said ...": lowercase words between two runs; the last is the head.
        return Mention(described.group(2), offset + described.start(2))
    found = MENTION_AFTER.match(text[start:])
    if found is None:
        return None
    for group in ("pron", "run", "desc"):
        if found.group(group):
            words = found.group(group).split()
            if group == "run" and _fold(words[0]) in SENTENCE_OPENERS and len(words) == 1:
                return None
            if group == "run" and (
                not _split_run(found.group(group))[1] or ROLE_WORD_NEXT.match(text, start + found.end(group))
            ):
                # "Transport minister Jo Doe ...": a role opens the sentence, the name comes later.
                return None
            if group == "run":
                # "Roe's personal lawyer Jo Doe later said ...": the possessor modifies the head.
                possessed = _POSSESSED_SUBJECT.match(text, start + found.start(group))
                if possessed is not None:
                    return Mention(possessed.group(1), offset + possessed.start(1))
            mention = found.group(group).strip()
            named = _NAMED_BODY_THEN_VERB.match(mention) if group == "desc" else None
            if named is not None:
                mention = named.group(1)  # "the NAACP issued an advisory": the body, not its act
            return Mention(mention, offset + start + found.start(group))
    return None


# "He" or "she" opening a sentence, after a time adverb or a conjunction at most, then a lowercase word (its
# verb): "He went on to ...", "Then she cut into ...".
_PRONOUN_SUBJECT = re.compile(
    r"\s*(?:(?:[Tt]hen|[Ll]ater|[Nn]ow|[Aa]lso|[Ss]till|[Aa]nd|[Bb]ut|[Ss]o|[Yy]et)\s+)?([Hh]e|[Ss]he)\s+(?=[a-z])"
)


# A determiner and a capitalised name, then a lowercase word (the verb): "the NAACP issued ...".
_NAMED_BODY_THEN_VERB = re.compile(r"((?:the|The)\s+(?:[A-Z][\w.&'’-]*\s+)*[A-Z][\w.&'’-]*)\s+[a-z]")


_MAX_VERBS_TRIED = 6


# A full name right after an inverted verb, then where or how it was said: "..., said Rabbi Jo Doe in a
# statement", "..., says Jo Doe on her blog".
_NAME_THEN_ADJUNCT = re.compile(
    rf"\s+({_CAP_RUN.pattern})\s+(?=(?:in|on|at|during|after|before|via|through|from|with)\s)"
)


def mention_before(text: str, offset: int, *, closest_first: bool = False) -> Mention | None:
    """The first "<speaker> <verb>" in ``text`` (``offset`` is its position in the body).

    With ``closest_first`` the verbs nearest the end of ``text`` are tried first: before a quotation the
    attribution is the clause nearest the opening mark ("Britain pledged aid, and the ministry said ...").
    """
    verbs = cue_verbs(text)
    if closest_first:
        verbs.reverse()
    # Each verb tried costs a pass over the window, so a window packed with verbs ('said "a" said "a"')
    # would cost its length times its verbs for every quote; an attribution is among the first few tried.
    first_verb = min((v.start() for v in verbs), default=0)
    for verb in verbs[:_MAX_VERBS_TRIED]:
        if not text[: verb.start()].strip() and verb.group(0)[0].isupper():
            # "Said Comey, "..."": a capitalised cue opening the text, the speaker right after it.
            inverted = NAME_CLOSES_CLAUSE.match(text, verb.end())
            if inverted is not None and _split_run(inverted.group(1))[1]:
                return Mention(inverted.group(1), offset + inverted.start(1))
        called = _CALLED_NAME.match(text, verb.end()) if verb.group(0) in ("called", "named") else None
        if called is not None and _DESCRIPTION_BEFORE.search(text, 0, verb.start()):
            # "A coalition of groups called Fair Pay Now has railed ...": "called" names the body, and the
            # name it goes by is the subject.
            return Mention(called.group(1), offset + called.start(1))
        if verb.start() > first_verb and _POSSESSOR_BEFORE.search(text, 0, verb.start()):
            # "Roe told CNN that Doe's comments "...": a cue word after a possessive is a noun inside what an
            # earlier verb reports; that verb's subject speaks.
            continue
        if verb.group(0).casefold().startswith("according"):
            after = mention_after(text[verb.end() :], offset + verb.end())
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
            subject = sentence_opening_subject(text, offset)
            if subject is not None:
                return subject
        if (
            head.rstrip().endswith(",")
            # "Jo Roe, who ran, told POLITICO: ...": after "told" comes the listener, never the speaker.
            and verb.group(0).casefold() not in LISTENER_VERBS
            and not _reported_subject_after_aside(text, head, verb.end())
        ):
            # "Practice patience, says Jo Doe.": the words before the comma are what was said, the
            # speaker follows the verb.
            inverted = NAME_CLOSES_CLAUSE.match(text, verb.end())
            if inverted is None and verb.group(0).casefold() not in LISTENER_VERBS:
                inverted = _NAME_THEN_ADJUNCT.match(text, verb.end())  # not "..., told Politico in June"
            if inverted is not None and _split_run(inverted.group(1))[1]:
                # "..., said Jo Doe." and "..., said Rabbi Jo Doe in a statement posted online."
                return Mention(inverted.group(1), offset + inverted.start(1))
            clause = CLAUSE_END.match(text, verb.end())
            head_run = HEAD_RUN.search(clause.group(1)) if clause is not None else None
            if clause is not None and head_run is not None:
                _, name = _split_run(head_run.group(1))
                before_head = clause.group(1)[: head_run.start(1)].split()
                if (
                    len(name.split()) >= 2
                    and not verb.group(0).casefold().endswith("ing")
                    and not any(_fold(w) in NOT_BEFORE_SPEAKER for w in before_head)
                ):
                    # "In other words, explained CBS moderator Jo Doe: ...": a role, then the name.
                    start = clause.start(1) + head_run.start(1) + head_run.group(1).rfind(name)
                    return Mention(name, offset + start)
        named_who = _NAME_WHO_END.search(head)
        if named_who is not None and _split_run(named_who.group(1))[1]:
            # "criticism from investor Jo Roe who said ...": the relative is the name's.
            return Mention(named_who.group(1), offset + named_who.start(1))
        object_relative = _WHO_PRONOUN_END.search(head)
        if object_relative is not None:
            # "Harry Reid, who he said "was right"": the pronoun after "who" is the subject of the cue; the
            # name before is what the words are about.
            return Mention(object_relative.group(1), offset + object_relative.start(1))
        breaks = list(_CLAUSE_BREAK.finditer(head))
        if (
            breaks
            and breaks[-1].group(0).casefold() in ("and", "but")
            and not head[breaks[-1].end() :].strip()
        ):
            # "X stormed back, leaned in and said", "X did not name him but claimed": the subject of the
            # coordinated verbs opens the sentence.
            subject = sentence_opening_subject(text, offset)
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
        apposed = _NAME_DASH_DESCRIPTION_WHO.search(head)
        if apposed is not None and _split_run(apposed.group(1))[1]:
            # "Enter Ms. Roe — a former party aide who describes herself ...": the description after the dash
            # and its relative belong to the name before the dash.
            found = Mention(apposed.group(1), offset + apposed.start(1))
        relative = max(_NAME_THEN_WHO.finditer(head), key=lambda m: m.start(), default=None)
        if relative is not None and (found is None or found.start - offset >= relative.end()):
            # "Sandy Roe, who lost her home in Aurora, Colorado, in July, said": the relative clause, commas
            # and all, belongs to the name before it.
            found = Mention(relative.group(1), offset + relative.start(1))
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


# A name, a dash, a description and its "who" right before the cue: "Ms. Roe — a former aide who".
_NAME_DASH_DESCRIPTION_WHO = re.compile(
    rf"({_CAP_RUN.pattern})\s*[—–]\s*(?:a|an|the|one)\s+[^—–,;:\"“”()]{{1,80}}?\s+who\s+$"
)


# A name, then "who" with no comma right before the cue: "Jo Roe who said" (not a place: "of Ohio who said";
# the comma forms are read with the appositives).
_NAME_WHO_END = re.compile(rf"(?<!\bof\s)(?<!\bin\s)(?<!\bat\s)(?<!\bfrom\s)({_CAP_RUN.pattern})\s+who\s+$")


# "who" or "whom", then "he" or "she" right before the cue: "Reid, who he said".
_WHO_PRONOUN_END = re.compile(r"\bwhom?\s+(he|she)\s*$")


# The name after "called" or "named", then its clause's verb: "called Fair Pay Now has railed".
_CALLED_NAME = re.compile(rf"\s+({_CAP_RUN.pattern})(?=\s+(?:has|had|have|is|was|[a-z]+ed|[a-z]+s)\b)")
# A description opening the clause before "called": "A coalition of groups", "a new group".
_DESCRIPTION_BEFORE = re.compile(r"(?:^|[,;]\s+|\.\s+)\s*(?:[Aa]n?|[Tt]he|[Oo]ne)\s+[a-z][\w\s'’-]{0,60}$")


# A capitalised possessor right before a word: "Doe's" in "Doe's comments".
_POSSESSOR_BEFORE = re.compile(r"\b[A-Z][\w.-]*(?:['’]s|(?<=s)['’])\s+$")


def _reported_subject_after_aside(text: str, head: str, verb_end: int) -> bool:
    """ "Jo Roe, a former aide, said Al Doe "...": the comma before the verb closes an appositive of the
    subject, and the name between the verb and the quotation is the subject of what was reported, not an
    inverted speaker ("..., said Jo Roe.")."""
    reported = NAME_CLOSES_CLAUSE.match(text, verb_end)
    if reported is None or reported.end() != len(text):
        return False
    aside = head[head.rstrip().rstrip(",").rfind(",") + 1 :]
    return "," in head.rstrip().rstrip(",") and _enclosed_description(aside)


# A name followed by a relative clause: ", who ..." after it describes it; the blanks between them are a
# party-state tag blanked out ("Rep. Jo Doe (D-Ohio), who ...").
_NAME_THEN_WHO = re.compile(
    rf"(?<!\bof\s)(?<!\bin\s)(?<!\bat\s)(?<!\bfrom\s)({_CAP_RUN.pattern})\s*,\s+(?:who|whose)\s"
)


# A party tag in apposition to a name: "Republican of Ohio", "Democrat of New York and a member of the panel".
_PARTY_OF = re.compile(r"([A-Z][a-z]+)\s+(?:of|from)\s+[A-Z]")


def _party_tag(core: str) -> bool:
    match = _PARTY_OF.match(core)
    return match is not None and match.group(1).casefold() in AFFILIATIONS


# A capitalised title, then the body it is held at: "President of Acme Worldwide", "Managing Director at Acme
# Bank", "Chief Executive of the Trust" (the title is group 1).
_TITLE_OF = re.compile(r"((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+(?:of|at|for)\s+(?:the\s+)?[A-Z]")


def _title_of_body(core: str) -> bool:
    """ "Jo Roe, President of Acme Worldwide, said": a capitalised title whose last word is a role noun,
    then the body that person serves, in apposition to the name before it."""
    title = _TITLE_OF.match(core)
    if title is None:
        return False
    head = _fold(title.group(1).split()[-1])
    return head in ROLE_NOUNS or head in ROLE_SYNONYMS


def _enclosed_description(segment: str) -> bool:
    """True for nothing, or for an appositive or relative clause set off by commas (", the head of the port
    authority,", ", who leads the union,"): the subject is before it."""
    segment = segment.strip()
    core = segment.rstrip(", ")
    if not core:
        return True
    first_word = core.split(maxsplit=1)[0]
    # ", campaigning in Leeds on Sunday," and ", now retired," are asides too: a lowercase opening word;
    # and so is a possessive role (", Roe's chief strategist,"), and a party tag (", Republican of Ohio,").
    return segment.endswith(",") and (
        first_word.casefold() in DETERMINERS
        or _party_tag(core)
        or _title_of_body(core)
        or bool(_RELATIVE.match(core))
        or first_word[0].islower()
        or (bool(POSSESSIVE_END.search(first_word)) and " " in core)
    )


def _head_mention(head: str, breaks: list[re.Match[str]], index: int, offset: int) -> Mention | None:
    """The mention that runs from clause break ``index`` (-1: the start of ``head``) to the verb."""
    cut = breaks[index].end() if index >= 0 else 0
    candidate = clean_mention(head[cut:])
    comma = candidate.find(",")
    if comma > 0 and candidate[0].isupper():
        # "Tomas Ferrand, who has led the city since 2019" -> the name before the clause.
        candidate = candidate[:comma].strip()
    if valid_mention(candidate):
        start = offset + head.find(candidate, cut) if candidate in head else offset + cut
        return Mention(candidate, start)
    return None


# The same phrase opening a sentence, before its verb: "Roe's personal lawyer Jo Doe later said".
_POSSESSED_SUBJECT = re.compile(
    rf"\s*({_CAP_RUN.pattern}(?:['’]s|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){{1,5}}{_CAP_RUN.pattern})(?=\s+[a-z])"
)


# The tag takes its closing comma with it, so "Jo Doe, D-Ohio, the top Democrat on the panel, said" keeps one
# appositive to step back over, not an empty segment.
_CITY_STATE = re.compile(
    r"(\b(?:in|at|of|from|near)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?),(\s[A-Z][\w.]*)(?=,)"
)


_PAREN_BEFORE_VERB = re.compile(
    r"\([^()]{0,60}\)(?=[^()]{0,80}$)|(?<=,)\s*[DRI]-[A-Z][\w.]{0,12},|\([DRI]-[A-Z][\w. ]{0,16}\)"
)
