"""One organisation under the forms an article or an event prints: an acronym and its full name ("ANA" /
"All Nippon Airways"), a name cut short ("Nippon Airways"), and a class noun ("the airline") for the one body
of that kind the article named.

Pure functions over text; an article's bodies are read once (one pass over the body) and kept for the few
questions its quotes ask.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from app.core.lexicon.names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from app.core.lexicon.organisations import (
    ORG_KIND_MEMBERS,
    ORG_KIND_SYNONYMS,
    ORG_KINDS,
    ORG_NAME_FUNCTION_WORDS,
)
from app.core.lexicon.speech import ISSUED_DOCUMENTS, VERB_WORDS
from app.core.lexicon.words import RUN_STOP, SENTENCE_OPENERS
from app.core.text import POSSESSIVE_END

_KIND_OF_WORD = {word: kind for kind, words in ORG_KINDS.items() for word in {kind, kind + "s", *words}}

# A run of capitalised words, small function words allowed between them ("Department of Homeland Security",
# "Bank of England", "Fish and Wildlife Service"), hyphenated parts kept ("All-Nippon Airways"), then an
# optional acronym in brackets.
_CAP_WORD = r"(?:[A-Z][\w&'’.-]*|&)"
_NAME_RUN = re.compile(
    rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|for|and|the|on)[ \t]+)?{_CAP_WORD})*"
    r"(?:[ \t]*\((?P<acronym>[A-Z][A-Za-z.&]{1,9})\))?"
)
_INITIALISM = re.compile(r"^(?:[A-Z]\.){2,}$")
# The most words a body's name has ("United States Department of Health and Human Services" has eight).
_MAX_BODY_WORDS = 12
_POSSESSIVE = re.compile(r"['’]s?$")
# A speech verb right after a name (its optional acronym skipped): "ANA said", "All Nippon Airways told RT".
_SPEECH_AFTER = re.compile(rf"\s+(?:also\s+|has\s+|had\s+)?(?:{VERB_WORDS})\b", re.IGNORECASE)
_ACCORDING_TO = re.compile(r"according\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]['’\"”]?\s+|\n\s*|[\"“]\s*)$")


# An acronym as printed: capitals, dotted or not, an "o" of "of" allowed inside ("DoJ", "BoE").
_ACRONYM = re.compile(r"^[A-Z](?:[A-Z]|o(?=[A-Z]))+$")


def acronym_letters(token: str) -> str | None:
    """The letters of an acronym ("ANA", "N.R.A.", "the FBI", "DoJ"), upper-cased; None for anything else."""
    token = re.sub(r"^(?:[Tt]he\s+)", "", token.strip())
    letters = POSSESSIVE_END.sub("", token.replace(".", ""))
    if 2 <= len(letters) <= 6 and _ACRONYM.match(letters):
        return letters.upper()
    return None


def _name_words(name: str) -> list[str]:
    """The capitalised words of a body's name, hyphenated parts apart, function words left out."""
    words = re.sub(r"^(?:[Tt]he\s+)", "", name).split()
    parts = [p for w in words for p in (w.split("-") if not _INITIALISM.match(w) else [w])]
    return [
        p
        for p in parts
        if p and (p == "OF" or p.casefold() not in ORG_NAME_FUNCTION_WORDS) and p[:1].isupper()
    ]


def initials(name: str, *, keep_of: bool = False) -> str:
    """The initials of a body's name, as its acronym writes them: "All Nippon Airways" is "ANA", "Federal
    Bureau of Investigation" "FBI", "U.S. Department of Justice" "USDJ" (an initialism keeps its letters);
    with ``keep_of`` an "of" counts ("Department of Justice" is "DOJ")."""
    words = _name_words(re.sub(r"\bof\b", "OF", name)) if keep_of else _name_words(name)
    letters = []
    for word in words:
        plain = _POSSESSIVE.sub("", word)
        if plain == "OF":
            letters.append("O")
        elif _INITIALISM.match(plain) or acronym_letters(plain) is not None:
            letters.append(plain.replace(".", "").upper())
        else:
            letters.append(plain[:1].upper())
    return "".join(letters)


def is_acronym_of(short: str, full: str) -> bool:
    """Whether ``short`` is the acronym of the name ``full`` (two name words or more): of all its words, "of"
    skipped or counted ("DHS", "DOJ"), or of the words before a closing "of <place>" ("the NRA" for
    "National Rifle Association of America")."""
    letters = acronym_letters(short)
    words = _name_words(full)
    if letters is None or acronym_letters(full) is not None or len(words) < 2:
        return False
    if org_kind(full) is None and len(words) < 3:
        return False  # "Jo Roe" is no "JR": two words of no body's kind may well be a person
    forms = {initials(full), initials(full, keep_of=True)}
    owner = re.match(r"^(.+?)\s+of\s+[A-Z][^,]*$", full.strip())
    if owner is not None and len(_name_words(owner.group(1))) >= 2:
        forms.add(initials(owner.group(1)))
    # "South Korea's Joint Chiefs of Staff" is abbreviated "JCS": the owner before a possessive is no part
    # of the body's own name.
    owned = re.match(r"^.*?['’]s?\s+(.+)$", full.strip())
    if owned is not None and len(_name_words(owned.group(1))) >= 2:
        forms |= {initials(owned.group(1)), initials(owned.group(1), keep_of=True)}
    return letters in forms


def org_kind(name: str) -> str | None:
    """The kind of body a name or a class noun names ("airline" for "All Nippon Airways" and for "the
    carrier"), by its head: the last word, or the word before "of" ("Department of Justice"). None when the
    head names no kind of body."""
    words = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+", "", name.strip()).split()
    if not words:
        return None
    folded = [_POSSESSIVE.sub("", w).rstrip(".").casefold() for w in words]
    head = folded[folded.index("of") - 1] if "of" in folded[1:] else folded[-1]
    if head == "lines" and len(folded) > 1 and folded[-2] == "air":
        head = "airlines"  # "Delta Air Lines"
    head = ORG_KIND_SYNONYMS.get(head, head)
    return _KIND_OF_WORD.get(head)


def is_body(name: str) -> bool:
    """Whether a speaker's name names a body, not a person: an acronym ("AP") or a name whose head is a
    kind of body ("Associated Press", "Vale Airlines"). What no "he" or "she" refers to."""
    if acronym_letters(name) is not None:
        return True
    first = name.split(maxsplit=1)[0].casefold() if name.strip() else ""
    # "Margaret Court", "Emily Post": a given name first makes a person of a name a body's word closes.
    return org_kind(name) is not None and first not in MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES


# A document a kind of body issued, the kind as its modifier: "a company statement", "the airline's release".
_KIND_DOCUMENT = re.compile(
    rf"^(?:[Aa]n?|[Tt]he)\s+(\w+?)(?:['’]s)?\s+(?:{'|'.join(sorted(ISSUED_DOCUMENTS))})$"
)


@dataclass(frozen=True)
class _Body:
    start: int
    name: str
    kind: str | None
    voiced: bool  # the name is the subject of a speech verb, or follows "according to"


@dataclass
class ArticleBodies:
    """The bodies an article names, in body order, and the acronyms it defines ("All Nippon Airways (ANA)")."""

    bodies: list[_Body] = field(default_factory=list)
    defined: dict[str, str] = field(default_factory=dict)  # acronym letters -> full name
    known_forms: dict[str, str] = field(default_factory=dict)  # name as printed -> fullest form
    # Runs of no known kind given a voice ("a spokesperson for All Nippon told"): a short form of a body.
    voiced_runs: list[tuple[int, str]] = field(default_factory=list)

    def full_name(self, acronym: str) -> str | None:
        """The name an acronym stands for in this article: the one the article defines, else the one body
        named whose initials it is; None when none or two different ones."""
        letters = acronym_letters(acronym)
        if letters is None:
            return None
        if letters in self.defined:
            return self.defined[letters]
        names = {b.name for b in self.bodies if b.kind is not None and is_acronym_of(letters, b.name)}
        return next(iter(names)) if len(names) == 1 else None

    def fullest(self, name: str) -> str:
        """The fullest form of a body's name the article prints: an acronym's full name, a name cut short at
        a word it begins with ("Nippon Airways" in an article that says "All Nippon Airways"). Anything
        else, people included, is returned as given. Remembered: each name costs one pass over the bodies."""
        if name not in self.known_forms:
            self.known_forms[name] = self._fullest(name)
        return self.known_forms[name]

    def as_named(self, speaker: str, mention: str | None, pos: int) -> str:
        """The fullest form of a speaker (:meth:`fullest`); a body's bare head made whole again from the
        mention it was read from ("Ministry" from "South Korea's Defense Ministry" or "a spokeswoman for
        China's Foreign Ministry" is the capitalised run that closes with it, as printed); and a document
        of a kind of body ("a company statement", "an airline release") issued by the one body of that kind
        named before ``pos`` (:meth:`of_kind`)."""
        if mention and " " not in speaker and org_kind(speaker) is not None and speaker[:1].isupper():
            run = re.search(rf"((?:[A-Z][\w.&'’-]*\s+)+){re.escape(speaker)}\b", mention)
            if run is not None:
                return run.group(0)
        document = _KIND_DOCUMENT.match(speaker)
        if document is not None:
            return self.of_kind(document.group(1), pos) or speaker
        return self.fullest(speaker)

    def _fullest(self, name: str) -> str:
        expanded = self.full_name(name)
        if expanded is not None:
            return expanded
        kind = org_kind(name)
        if kind is None or not name[:1].isupper():
            return name
        words = name.split()
        longer = {
            b.name
            for b in self.bodies
            if b.kind == kind and len(b.name.split()) > len(words) and b.name.split()[-len(words) :] == words
        }
        return next(iter(longer)) if len(longer) == 1 else name

    def of_kind(self, noun: str, pos: int) -> str | None:
        """The one body of the kind ``noun`` names ("the airline", "the carrier") named before ``pos``, in its
        fullest form; when several were named, the one of them the article gave a voice ("ANA said"). None
        when no body of that kind, or two that nothing tells apart."""
        kind = org_kind(noun)
        if kind is None:
            return None
        members = ORG_KIND_MEMBERS.get(kind, frozenset())
        named: dict[str, bool] = {}
        for body in self.bodies:
            if body.start >= pos:
                break
            name = self.fullest(body.name)
            if org_kind(name) == kind or org_kind(name) in members:
                named[name] = named.get(name, False) or body.voiced
        # A voice given under a short form counts for the body it starts ("All Nippon" told HuffPost).
        short = [run.split() for start, run in self.voiced_runs if start < pos]
        named = {
            name: voiced or any(name.split()[: len(words)] == words for words in short)
            for name, voiced in named.items()
        }
        # A body of a narrower kind ("the company" for an airline) only when the article gave it a voice: a
        # company whose spokeswoman spoke is likelier meant than the airline it chartered (context.py).
        named = {n: v for n, v in named.items() if v or org_kind(n) == kind}
        if len(named) > 1:
            named = {name: voiced for name, voiced in named.items() if voiced}
        return next(iter(named)) if len(named) == 1 else None


@functools.lru_cache(maxsize=8)
def article_bodies(body: str) -> ArticleBodies:
    """The bodies named in an article body (cached: every quote of one article asks about the same body)."""
    found = ArticleBodies()
    for run in _NAME_RUN.finditer(body):
        name, offset = _clean_run(body, run)
        if not name:
            continue
        acronym = run.group("acronym")
        letters = acronym_letters(acronym) if acronym else None
        if letters is not None and initials(name) == letters:
            found.defined.setdefault(letters, name)
        else:
            letters = None
        start = run.start() + offset
        tail = body[run.end() : run.end() + 40]
        voiced = _SPEECH_AFTER.match(tail) is not None or (
            _ACCORDING_TO.search(body, max(0, start - 20), start) is not None
        )
        for part, part_start in _bodies_of_run(name, start):
            kind = org_kind(part)
            if kind is None and " of " in part:
                # "Passengers of Vale Airlines", "President of Acme Corp": the body is what follows "of".
                owner = part.rsplit(" of ", 1)[1]
                part_start += len(part) - len(owner)
                part, kind = owner, org_kind(owner)
            if kind is None and acronym_letters(part) is None:
                # "All Nippon Airways Flight 175", "Acme Corp CEO": the body is the longest start with a head.
                words = part.split()
                # No body's name is longer than _MAX_BODY_WORDS words: a longer capitalised run (a list of
                # thousands of names) is read from its start only, so the search stays linear in the run.
                longest = min(len(words) - 1, _MAX_BODY_WORDS)
                width = next((w for w in range(longest, 1, -1) if org_kind(" ".join(words[:w]))), 0)
                if width:
                    part, kind = " ".join(words[:width]), org_kind(" ".join(words[:width]))
                    voiced = False
            if kind is not None and len(part.split()) < 2 and letters is None:
                continue  # "Airlines have strict dress codes": a class noun alone names no body
            if kind is not None or acronym_letters(part) is not None or letters in found.defined:
                found.bodies.append(_Body(part_start, part, kind, voiced))
            elif voiced:
                found.voiced_runs.append((part_start, part))
    # An acronym's own mentions ("ANA said") are mentions of the body it stands for.
    found.bodies = [
        _Body(b.start, b.name, org_kind(found.full_name(b.name) or b.name), b.voiced) for b in found.bodies
    ]
    return found


def _bodies_of_run(name: str, start: int) -> list[tuple[str, int]]:
    """The bodies a run names, with where each starts: two when an "and" follows a whole body's name ("Vale
    Airways and Norland Airlines"), one when the "and" is inside a name ("Fish and Wildlife Service")."""
    # A loop, not recursion: a run of thousands of "X Airlines and" must not exhaust the stack.
    bodies: list[tuple[str, int]] = []
    at = 0
    while (joint := name.find(" and ", at)) >= 0:
        first = name[at:joint]
        if org_kind(first) is None and org_kind(first.rsplit(" of ", 1)[-1]) is None:
            break
        bodies.append((first, start + at))
        at = joint + len(" and ")
    bodies.append((name[at:], start + at))
    return bodies


def _clean_run(body: str, run: re.Match[str]) -> tuple[str, int]:
    """A capitalised run as a body's name, and how far into the run it starts: no acronym in brackets, no
    article, no sentence-opening word ("But", "All" opening a sentence; "All" inside one is a name's own), no
    possessive, no function word at either end; a run that crosses a sentence's full stop is cut there."""
    text = body[run.start() : run.start("acronym") - 1 if run.group("acronym") else run.end()].rstrip(" \t(")
    words = text.split()
    # A full stop closes a sentence unless it closes an initialism or one capital ("U.S.", "Jo A. Roe").
    for i, word in enumerate(words[:-1]):
        if word.endswith(".") and not _INITIALISM.match(word) and len(word) > 2:
            words = words[: i + 1]
            break
    offset = 0
    at_start = _SENTENCE_START.search(body, max(0, run.start() - 3), run.start()) is not None
    while words and (
        words[0].casefold() in ORG_NAME_FUNCTION_WORDS
        or (at_start and len(words) > 1 and _POSSESSIVE.sub("", words[0]).casefold() in SENTENCE_OPENERS)
        or (at_start and words[0].casefold() in RUN_STOP)
    ):
        offset += len(words[0]) + 1
        words.pop(0)
    while words and words[-1].casefold() in ORG_NAME_FUNCTION_WORDS:
        words.pop()
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]).rstrip(".,") or words[-1]
    return " ".join(words), offset


# Legal forms after a company's name that outlets add or drop: "Equifax" and "Equifax Inc." are one company.
_LEGAL_FORM = re.compile(r"(?:,?\s+(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|Ltd|SA|AG|NV)\.?)+$")


def _bare(name: str) -> str:
    """A body's name without article, possessive and legal form, casefolded: what two outlets share."""
    name = re.sub(r"^(?:[Tt]he\s+)", "", name.strip())
    return _LEGAL_FORM.sub("", POSSESSIVE_END.sub("", name)).casefold()


# A body's name is long and specific: three words or more, all the same but one of at least five letters
# printed one letter off ("Center for Human Technology" for "Center for Humane Technology"), is one body
# misspelt by an outlet. Shorter names ("Acme Bank" / "Acme Band") may well be two bodies.
_MISSPELT_MIN_WORDS = 3
_MISSPELT_MIN_LETTERS = 5


def _misspelt(a: str, b: str) -> bool:
    """Whether two bare body names differ only by one letter in one long word."""
    first, second = a.split(), b.split()
    if a == b or len(first) != len(second) or len(first) < _MISSPELT_MIN_WORDS:
        return False
    # Only a body: a person's three names one letter apart ("Mary Ann Smith", "Mary Ann Smyth") are two people.
    if not (is_body(a) or any(word in ORG_NAME_FUNCTION_WORDS for word in first[1:-1])):
        return False
    differing = [(x, y) for x, y in zip(first, second, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return min(len(x), len(y)) >= _MISSPELT_MIN_LETTERS and Levenshtein.distance(x, y) == 1


def same_organisation(name: str, known: Sequence[str]) -> str | None:
    """The entry of ``known`` that is the body ``name`` abbreviates, spells out or gives with its legal form
    ("ANA" and "All Nippon Airways", "the NRA" and "National Rifle Association", "Acme" and "Acme Corp.");
    None when none, or two different ones."""
    bare = _bare(name)
    matches = [
        k
        for k in known
        if is_acronym_of(name, k)
        or is_acronym_of(k, name)
        or (_bare(k) == bare and (_LEGAL_FORM.search(k) or _LEGAL_FORM.search(name)) and k != name)
        or _misspelt(bare, _bare(k))
    ]
    # "NRA" and "the NRA" in ``known`` are one body in two prints.
    bodies = {acronym_letters(k) or _bare(k) for k in matches}
    return matches[0] if len(bodies) == 1 else None
