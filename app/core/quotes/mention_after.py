"""The mention after a cue or a closing mark: `"...," said Jo Doe`, `according to a police spokesman`."""

from __future__ import annotations

import re

from app.core.lexicon.speech import ROLE_NOUNS
from app.core.quotes.cues import LISTENER_VERBS, VERB_SET, cue_verbs
from app.core.quotes.marks import _WINDOW
from app.core.quotes.mentions import (
    ARTICLES_AND_POSSESSIVES,
    CLAUSE_END,
    NAME_CLOSES_CLAUSE,
    NOT_BEFORE_SPEAKER,
    PLACE_BEFORE,
    WEBSITE,
    Mention,
    clean_mention,
    group_speaker,
    hide_abbreviation_periods,
    role_word,
    speaking_description,
    valid_mention,
)
from app.core.quotes.organisations import STATEMENT_FROM
from app.core.quotes.people import _CAP_RUN, _fold, _split_run, role_phrase_at
from app.core.text import split_sentences

_ROLE_THEN_NAME = re.compile(rf"\s*(((?:[a-z][\w-]*\s+){{1,3}})({_CAP_RUN.pattern}))")


_POSSESSED_ROLE_THEN_NAME = re.compile(
    rf"\s*{_CAP_RUN.pattern}(?:['’]s|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){{0,4}}[a-z][\w-]*,\s+({_CAP_RUN.pattern})"
    rf"(?=\s*(?:[,.;:]|$))"
)
_POSSESSED_ROLE_NAME = re.compile(
    rf"\s*({_CAP_RUN.pattern}(?:['’]s|(?<=s)['’])\s+(?:[a-z][\w-]*\s+){{1,5}}{_CAP_RUN.pattern})(?=\s*(?:[,.;:]|$))"
)


MENTION_AFTER = re.compile(
    rf"^\s*(?:(?P<pron>he|she)\b|(?P<run>{_CAP_RUN.pattern})|(?P<desc>(?:the|a|an|one|another|his|her|its|their|some|several|two|three)\s+[^,.;:\"“”]{{1,60}}?)"
    rf"(?:,\s+(?P<apos>{_CAP_RUN.pattern}))?(?=[,.;:]|\s+(?:on|in|at|during|who|after|before|from)\b|$))"
)


def mention_after(text: str, offset: int) -> Mention | None:
    hidden = hide_abbreviation_periods(text)
    clause = CLAUSE_END.match(hidden)
    clause_text = text[clause.start(1) : clause.end(1)] if clause is not None else ""
    if clause is not None and STATEMENT_FROM.match(clause_text):
        # "according to a statement from the central bank": kept whole for the resolver, with the name of
        # an appositive after it ("the statement from his attorney, Jo Doe").
        named = _APPOSITIVE_NAME.match(hidden, clause.end())
        end = named.end() if named is not None else clause.end(1)
        return Mention(text[clause.start(1) : end], offset + clause.start(1))
    group = _GROUP_THEN_ADJUNCT.match(clause_text) if clause is not None else None
    if group is not None and group_speaker(group.group(1)):
        # "..., said police.", "according to local officials,", "said police in a statement": a group speaks.
        return Mention(group.group(1), offset + clause.start(1))
    apposed = _POSSESSED_ROLE_THEN_NAME.match(text)
    if apposed is not None and _split_run(apposed.group(1))[1]:
        # "said Roe's deputy campaign manager, Jo Doe, who ...": the name in apposition heads the phrase.
        return Mention(apposed.group(1), offset + apposed.start(1))
    possessed = _POSSESSED_ROLE_NAME.match(text)
    if possessed is not None:
        # "according to Reagan's former education secretary Jo Doe": the possessor only modifies the role;
        # the mention runs to the name, which the resolver takes as the head.
        return Mention(possessed.group(1), offset + possessed.start(1))
    titled = _titled_name_closing(clause_text) if clause is not None else None
    if titled is not None:
        # "tweeted former Housing and Urban Development Secretary Jo Doe": a long title with capitalised
        # words and an "and" in it; the name that closes the clause is the head.
        return Mention(titled[0], offset + clause.start(1) + titled[1])
    lead = len(text) - len(text.lstrip())
    phrase = role_phrase_at(text, lead)
    if phrase is not None:
        # "said RNC spokesman Jo Roe": the name after the role words heads the phrase, not "RNC".
        return Mention(phrase.group(0), offset + lead)
    role = _ROLE_THEN_NAME.match(text)
    listed = role is not None and any(_fold(w) in ROLE_NOUNS for w in role.group(2).split())
    if role is not None and (
        listed
        or (
            any(role_word(w) for w in role.group(2).split())
            and len(_split_run(role.group(3))[1].split()) >= 2
        )
    ):
        # "said union president Amy Fox", "said retired neurosurgeon Jo Bloggs": lowercase role words (a
        # listed post or a noun for a trade), then the name.
        return Mention(role.group(1).rstrip(".").strip(), offset + role.start(1))
    closing = _role_then_name(clause_text, offset + clause.start(1)) if clause is not None else None
    if closing is not None:
        return closing
    site = WEBSITE.match(text)
    if site is not None:
        return Mention(site.group(1), offset + site.start(1))  # "according to space.com"
    match = MENTION_AFTER.match(hidden)
    if match is None:
        return None
    for group in ("pron", "run", "apos", "desc"):
        if match.group(group):
            # A closing period is stripped, an abbreviation's kept: "the U.S." is no "the U.S".
            end = match.start(group) + len(match.group(group).rstrip(".").rstrip())
            return Mention(text[match.start(group) : end].strip(), offset + match.start(group))
    return None


# A clause that opens with up to three words, then perhaps where or how they spoke: "police in a statement".
_GROUP_THEN_ADJUNCT = re.compile(
    r"((?:[\w.'’-]+\s+){0,2}[\w'’-]+)(?:\s+(?:in|on|at|via|through|during)\s.*)?$"
)


_OF_PLACE_END = re.compile(rf"\s+of\s+{_CAP_RUN.pattern}$")


def _role_then_name(clause: str, offset: int) -> Mention | None:
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
    # "chairman and chief executive Jo Doe": an "and" between two role words joins posts, not people.
    joined = {
        i
        for i, w in enumerate(lead)
        if _fold(w) == "and" and 0 < i < len(lead) - 1 and role_word(lead[i - 1]) and role_word(lead[-1])
    }
    if (
        not lead
        or any(_fold(w) in NOT_BEFORE_SPEAKER for i, w in enumerate(lead) if i not in joined)
        or VERB_SET & {_fold(w) for w in lead}
    ):
        return None
    if not any(role_word(w) for w in lead):
        return None
    return Mention(name, offset + last.start() + last.group(0).rfind(name))


def _titled_name_closing(clause: str) -> tuple[str, int] | None:
    """The name closing a clause that opens with lowercase words and runs through a title ("former Housing
    and Urban Development Secretary Jo Doe"): (name, its offset in ``clause``), or None."""
    if not clause[:1].islower() or len(clause.split()) > 12:
        return None
    last = max(_CAP_RUN.finditer(clause), key=lambda m: m.start(), default=None)
    if last is None or last.end() != len(clause) or PLACE_BEFORE.search(clause[: last.start()]):
        return None
    roles, name = _split_run(last.group(0))
    if not roles or not name or len(name.split()) < 2:
        return None
    return name, last.start() + last.group(0).rfind(name)


# A reporter or outlet that relays someone's words, the source named after the verb: "Reuters cited the
# agency", "the paper quoted a spokesman".
_RELAYED_BY = re.compile(rf"(?:{_CAP_RUN.pattern}|the\s+[a-z]+)\s+(?:cited|quoted|citing|quoting)\b")


# "him" or "her" right after a relaying verb, then "as" or the clause's end: `the paper quoted him as saying`.
_OBJECT_PRONOUN = re.compile(r"\s+(him|her)\b(?=\s+as\b|\s*[.,;]|\s*$)")


# After a first "said", a second speaker and cue: `aides said Mr. Roe told`, `sources say that she said`.
_REPORTED_SPEAKER = re.compile(rf"\s+(?:that\s+)?({_CAP_RUN.pattern}|he|she)\s+(?:had\s+)?([a-z]+)\b")
_SAY_VERBS = frozenset({"said", "say", "says"})


# After an inverted verb, a description and the name in apposition to it: `said the bureau's director, Jo
# Doe, on Monday.`, `said a spokeswoman, Ann Lee.`
_DESCRIBED_THEN_NAMED = re.compile(
    rf"\s+(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+[^,.;:\"“”]{{1,60}},\s+({_CAP_RUN.pattern})\s*(?:[,.;]|$)"
)


def attribution_after(body: str, start: int, end: int, *, closing_description: bool = True) -> Mention | None:
    """Attribution following a closing mark: `, he said`, `, said Lavrov`, `, the minister added`; with
    ``closing_description``, also a description that closes the sentence after a comma (`..., the lawsuit
    says.`), which only answers for a quotation whose sentence names no speaker before it."""
    text = body[start : min(end, start + _WINDOW)]
    sentences = split_sentences(text)
    clause = text[: sentences[0][1]] if sentences else text
    lead = len(clause) - len(clause.lstrip(" ,;:—–-\u00a0"))
    clause_body = clause[lead:]
    if not clause_body or clause_body[0] in "\"“„«'‘":
        return None
    relayed = _RELAYED_BY.match(clause_body)
    if relayed is not None:
        # `"...," Reuters cited the group's website.`: whoever relays the words names their source after the verb.
        source = mention_after(clause_body[relayed.end() :], start + lead + relayed.end())
        if source is not None:
            return source
        relayed_pronoun = _OBJECT_PRONOUN.match(clause_body, relayed.end())
        if relayed_pronoun is not None:
            # `"...," the newspaper quoted him as saying.`: the person the pronoun stands for spoke.
            return Mention(relayed_pronoun.group(1), start + lead + relayed_pronoun.start(1))
    found_verbs = cue_verbs(clause_body)
    verb = found_verbs[0] if found_verbs else None
    if verb is None:
        return None
    if any(
        _INTRODUCES_NEXT.match(clause_body, v.end()) and "," in clause_body[: v.start()] for v in found_verbs
    ):
        # `"..." — a far cry from what he made clear, in which he said: "..."`: a cue and a colon after an
        # aside introduce the next quotation, not the one just closed.
        return None
    inner = _REPORTED_SPEAKER.match(clause_body, verb.end())
    if (
        inner is not None
        and _fold(verb.group(0)) in _SAY_VERBS
        and _fold(inner.group(2)) in VERB_SET
        and (inner.group(1)[0].islower() or _split_run(inner.group(1))[1])
    ):
        # `"...," aides said Mr. Roe told his colleagues.`: the quotation is what the second speaker said;
        # the first only reports it.
        return Mention(inner.group(1), start + lead + inner.start(1))
    if clause_body[: verb.start()].rstrip().endswith(",") and _fold(verb.group(0)) not in LISTENER_VERBS:
        # `... and the crowd got nervous, said Jo Doe, a lawyer.`: the speaker follows the verb (but after
        # "told" comes the listener: `Jo Doe, a scientist, told The Herald.`), however long the words
        # between the quote and the verb.
        inverted = NAME_CLOSES_CLAUSE.match(clause_body, verb.end())
        if inverted is not None and _split_run(inverted.group(1))[1]:
            return Mention(inverted.group(1), start + lead + inverted.start(1))
        after = CLAUSE_END.match(clause_body, verb.end())
        titled = _role_then_name(after.group(1), start + lead + after.start(1)) if after is not None else None
        if titled is not None:
            return titled  # `..., said Leeds University professor Jo Doe.`
        described = _DESCRIBED_THEN_NAMED.match(clause_body, verb.end())
        if described is not None and _split_run(described.group(1))[1]:
            # `..., said the bureau's director, Jo Doe, on Monday.`: the name in apposition is the speaker.
            return Mention(described.group(1), start + lead + described.start(1))
    joint = _JOINT_SUBJECT.match(clause_body, 0, verb.start())
    if joint is not None:
        # `"...," Jo Roe of Ohio and Ann Lee of Iowa, the party's leaders, said`: two people speak together,
        # however long their places and appositive make the clause.
        return Mention(joint.group(1), start + lead)
    relative = _ROLE_NAME_THEN_WHO.match(clause_body, 0, verb.start())
    if relative is not None and len(clause_body[: verb.start()].split()) <= 30:
        # `"...," the commentator Jo Doe, who has long urged ..., wrote`: a role, its name, then a relative
        # clause about the name; the name speaks.
        named = _role_then_name(relative.group(1), start + lead + relative.start(1))
        if named is not None:
            return named
    if len(clause_body[: verb.start()].split()) > 10:
        # `"...," Jo Doe, 30, of Leeds, who was among those polled, said`: a long appositive chain after
        # the name; the name opens it.
        chain = _NAME_THEN_COMMA.match(clause_body)
        if chain is not None and len(clause_body[: verb.start()].split()) <= 30:
            return Mention(chain.group(1), start + lead)
        # `"...," which occurred in the north, Costa Rican President Jo Doe said`: an aside about the quote,
        # then the speaker's name right before the verb.
        closing = _NAME_BEFORE_VERB.search(clause_body, 0, verb.start())
        if closing is not None and _split_run(closing.group(1))[1]:
            return Mention(closing.group(1), start + lead + closing.start(1))
        comma = clause_body.rfind(",", 0, verb.start())
        if comma >= 0:
            # `..., party spokesman Jo Doe said`: a role phrase after the last comma names the speaker.
            segment = clause_body[comma + 1 : verb.start()]
            stripped = segment.strip()
            at = start + lead + comma + 1 + segment.find(stripped)
            named = _role_then_name(stripped, at)
            if named is not None:
                return named
        return (
            _description_closing(clause_body, found_verbs[-1], start + lead) if closing_description else None
        )
    before = clean_mention(clause_body[: verb.start()])
    if not before and verb.group(0).casefold().endswith("ing") and start + lead + verb.start() > start:
        # `"...," promising the club will return to its roots`: what follows a participle is what was said
        # or meant, not who said it; the sentence's subject speaks.
        return None
    if verb.group(0).casefold().startswith("according") or not before:
        return mention_after(clause_body[verb.end() :], start + lead + verb.end())
    if valid_mention(before):
        return Mention(before, start + lead + clause_body.find(before))
    tail = before.rsplit(",", 1)
    if len(tail) == 2 and valid_mention(tail[1].strip()) and tail[1].strip()[:1].isupper():
        # `"a small handful" of firms who sponsor it, Gilbert said.`: the quote sits inside the sentence
        # and the attribution closes it, after a comma.
        named = tail[1].strip()
        return Mention(named, start + lead + clause_body.rfind(named, 0, verb.start()))
    closing = (
        _description_closing(clause_body, found_verbs[-1], start + lead) if closing_description else None
    )
    if closing is not None:
        return closing
    words = before.split()
    if (
        words[0].casefold() in ARTICLES_AND_POSSESSIVES
        and len(words) <= 10
        and not speaking_description(before)
    ):
        # `"...," an accompanying list of fees said.`: the attribution is right here and names nothing that
        # speaks; the quote stays unattributed rather than going to the person in focus.
        return Mention(before, start + lead + clause_body.find(before))
    return None


# A colon and an opening mark right after a cue: the cue introduces the quotation that follows.
_INTRODUCES_NEXT = re.compile(r"\s*:\s*[\"“‘']")


# Verbs of an outlet relaying what someone said (`Roe was "furious," the paper reported.`): the quoted
# words are still the person's.
_RELAYING_VERBS = frozenset({"reported", "reports", "reporting"})


def _description_closing(clause: str, verb: re.Match[str], offset: int) -> Mention | None:
    """A description that closes the sentence of a quotation with its verb, after a comma (`"...burdensome"
    on the poor, the lawsuit alleges.`, `..., the rights group says.`): the quoted words are its own. Only when
    little follows the verb ("in a statement", "on Monday"), so that `..., the paper said Roe told them` is
    not taken."""
    comma = clause.rfind(",", 0, verb.start())
    if comma < 0 or len(clause[verb.end() :].split()) > 4 or _fold(verb.group(0)) in _RELAYING_VERBS:
        return None
    segment = clause[comma + 1 : verb.start()].strip()
    words = segment.split()
    if not words or words[0].casefold() not in ARTICLES_AND_POSSESSIVES or len(words) > 8:
        return None
    if not valid_mention(segment) or not speaking_description(segment):
        return None
    return Mention(segment, offset + clause.find(segment, comma))


# A name and one verb-shaped word closing the clause after a quotation, in either order: `Roe pressed.`,
# `beamed Jo Doe of Leeds, who ...`.
_NAME_THEN_VERB = re.compile(rf"\s*({_CAP_RUN.pattern})\s+[a-z]+(?:ed|s)\s*[.,;]")


_VERB_THEN_NAME = re.compile(
    rf"\s*[a-z]+(?:ed|s)\s+({_CAP_RUN.pattern})(?:\s+of\s+{_CAP_RUN.pattern})?\s*[.,;]"
)


def bare_attribution_after(body: str, start: int, end: int) -> Mention | None:
    """The attribution right after a quotation that ends its words with a comma, "?" or "!", whatever the
    verb (`"...?" Roe pressed.`, `"...!" beamed Jo Doe.`): a name and one verb in a clause of their own say
    who spoke, even with a verb no list holds."""
    for pattern in (_NAME_THEN_VERB, _VERB_THEN_NAME):
        found = pattern.match(body, start, min(end, start + _WINDOW))
        if found is not None and _split_run(found.group(1))[1]:
            return Mention(found.group(1), found.start(1))
    return None


# Two names joined by "and", each perhaps with a place or a party tag, perhaps an appositive after the pair,
# and nothing else before the verb: the pair is the subject ("Jo Roe of Ohio and Ann Lee (D-Iowa) said").
_JOINT_SUBJECT = re.compile(
    rf"((?:{_CAP_RUN.pattern})(?:\s+of\s+{_CAP_RUN.pattern})?(?:\s*\([^()]{{1,30}}\))?\s+(?:and|&)\s+"
    rf"(?:{_CAP_RUN.pattern})(?:\s+of\s+{_CAP_RUN.pattern})?(?:\s*\([^()]{{1,30}}\))?)"
    r"(?:,\s+(?:the|a|an|his|her|their|its)\s+[^,;:]{1,60},)?\s*$"
)


# "has", "also" and the like between the name and the verb: `..., Comey has said.`
_NAME_BEFORE_VERB = re.compile(
    rf",\s+({_CAP_RUN.pattern})(?:\s+(?:has|had|have|also|later|then|again|previously|once|recently))*\s*$"
)


_NAME_THEN_COMMA = re.compile(rf"({_CAP_RUN.pattern}),\s")
# A role phrase closed by a name, then a relative clause: "the commentator Jo Doe, who ...".
_ROLE_NAME_THEN_WHO = re.compile(r"\s*((?:the|a|an)\s+[^,;:\"“”()]{1,60}?),\s+(?:who|whose)\s")


_APPOSITIVE_NAME = re.compile(rf",\s+{_CAP_RUN.pattern}(?=\s*[,.;:]|$)")
