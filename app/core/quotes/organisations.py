"""Organisations and documents as speakers: "the ministry said", "a statement from the bank",
"the joint statement said" resolved to the body or the people who issued it."""

from __future__ import annotations

import re

from app.core.lexicon.speech import DOCUMENTS, ISSUED_DOCUMENTS, ORG_NAME_ENDINGS, PERSON_NOUNS, ROLE_NOUNS
from app.core.lexicon.words import PREPOSITIONS, STOPWORDS
from app.core.org_identity import article_bodies
from app.core.quotes.people import _CAP_RUN, _fold
from app.core.text import POSSESSIVE_END

STATEMENT_FROM = re.compile(
    rf"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?P<noun>{'|'.join(DOCUMENTS)}|spokesperson|spokesman|"
    r"spokeswoman)\s+(?:from|by|of|for|issued\s+by)\s+(\S.*)$",
    re.IGNORECASE,
)


def org_form(body: str, mention: str, pos: int) -> str:
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
        if not _crosses_phrase(found.group(0))
    }
    fuller = [f for f in forms if f.split()[-len(wanted) :] == wanted]
    longest = max(fuller, key=lambda f: len(f.split()), default=None)
    if (longest is None or len(longest.split()) <= len(words)) and len(wanted) == 1:
        # "the airline said" after "Norland Airlines confirmed ...": the one body named with that noun.
        # Its fullest name, and the one body of the noun's kind the article gave a voice (org_identity).
        return article_bodies(body).of_kind(wanted[0], pos) or _named_org(body, wanted[0], pos) or mention
    if longest is None or any(not longest.endswith(f[3:]) for f in fuller):
        # No earlier form, or two different bodies share the head noun ("the health/interior ministry").
        return mention
    return mention if len(longest.split()) <= len(words) else words[0] + forms[longest][3:]


def _crosses_phrase(form: str) -> bool:
    """Whether "the ... <noun>" runs over a preposition or determiner into another phrase ("the unscheduled
    detour after airline [crew]"): no form of one body's name."""
    return any(w.casefold() in STOPWORDS or w.casefold() in PREPOSITIONS for w in form.split()[1:-1])


# "Jo Roe (D-Ohio) and Ann Lee (D-Iowa) released a joint statement": who issued a document a later
# "the joint statement said" quotes.
PARTY_TAG = re.compile(r"\s*\([^()]{1,30}\)")


ISSUED = re.compile(
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
        while words and _fold(POSSESSIVE_END.sub("", words[-1]).rstrip(".")) not in endings:
            words.pop()
        if len(words) < 2:
            continue  # "Airlines" alone names no one
        name = " ".join([*words[:-1], POSSESSIVE_END.sub("", words[-1]).rstrip(".")])
        names.setdefault(name.casefold(), name)
        if len(names) > 1:
            return None
    head = "|".join(re.escape(e.capitalize()) for e in sorted(endings))
    complement = re.compile(rf"\b(?:{head})\s+(?:for|of|on)\s+(?:the\s+)?{_CAP_RUN.pattern}")
    for named in complement.finditer(body, max(0, pos - 3000), pos):
        # "the center" after "the Center for Kind Technology": the noun heads a name whose complement follows.
        name = POSSESSIVE_END.sub("", named.group(0)).rstrip(".")
        names.setdefault(name.casefold(), name)
        if len(names) > 1:
            return None
    return next(iter(names.values()), None)


# A body named as the one a spokesperson or an executive speaks for: "Acme spokeswoman Jo Roe", "Acme chief
# executive Jo Roe", "a spokesman for Acme". Whether the run is a body or a person (a "Roe spokesman") is for
# the caller, who knows the article's people.
_VOICED_BODY = re.compile(
    rf"({_CAP_RUN.pattern})\s+(?:spokes(?:man|woman|person)|chief\s+executive|CEO|co-?founder|founder)\b"
    rf"|\bspokes(?:man|woman|person)\s+(?:for|of)\s+({_CAP_RUN.pattern})"
)
# How far back a voiced body stays in focus for "the company said": about five paragraphs.
_VOICED_REACH = 3000


def voiced_bodies(body: str, pos: int, since: int = 0) -> list[str]:
    """The bodies a spokesperson or an executive spoke for before ``pos`` (and from ``since``), nearest last,
    as printed."""
    return [name for _, name in _bodies(_VOICED_BODY, body, pos, since)]


# A body named as someone's employer: "a guide for Acme", "an analyst at Acme Capital", "worked for Acme" (the
# word before "for"/"at" a person or role noun, or "work").
_EMPLOYER = re.compile(rf"\b([a-z]+)\s+(?:for|at)\s+({_CAP_RUN.pattern})")
_EMPLOYED_AS = ROLE_NOUNS | PERSON_NOUNS | frozenset({"work", "works", "worked", "working"})


def bodies_in_focus(body: str, pos: int) -> list[str]:
    """The bodies the article gave a voice or an employee before ``pos``, nearest last, as printed: what a
    later "the company said" may stand for when no earlier name closes with "company"."""
    found = _bodies(_VOICED_BODY, body, pos, 0)
    for match in _EMPLOYER.finditer(body, max(0, pos - _VOICED_REACH), pos):
        if match.group(1) in _EMPLOYED_AS:
            found.append((match.start(2), _body_name(match.group(2))))
    return [name for _, name in sorted(found) if name]


def _bodies(pattern: re.Pattern[str], body: str, pos: int, since: int) -> list[tuple[int, str]]:
    found = []
    for match in pattern.finditer(body, max(since, pos - _VOICED_REACH), pos):
        index = 1 if match.group(1) else 2
        name = _body_name(match.group(index))
        if name:
            found.append((match.start(index), name))
    return found


def _body_name(run: str) -> str:
    """A capitalised run as a body's name: no leading "The"/"In", no possessive, no closing full stop."""
    return _RUN_LEADER.sub("", POSSESSIVE_END.sub("", run)).rstrip(".")


# A document a sentence says someone issued or spoke in: "said in a statement", "In a statement, ...",
# "released a written statement", "wrote in an email".
_SPOKEN_IN = re.compile(
    rf"\b(?:in|released|issued|through|via|posted|sent)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    rf"(?P<doc>{'|'.join(sorted(ISSUED_DOCUMENTS))})\b",
    re.IGNORECASE,
)


def documents_spoken_in(sentence: str) -> list[str]:
    """The issued documents (ISSUED_DOCUMENTS) a sentence says its speaker spoke through, lowercased."""
    return [match.group("doc").casefold() for match in _SPOKEN_IN.finditer(sentence)]
