"""People an article names: capitalised runs split into role words and a name, and a registry of the
people introduced with a title, a role noun or an appositive, so later mentions resolve to one person."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.lexicon.speech import ORG_WORDS, ROLE_NOUNS, ROLE_SYNONYMS, SHORT_TITLES, TITLE_WORDS
from app.core.lexicon.words import RUN_STOP, SENTENCE_OPENERS, STOP
from app.core.speakers import better_display_name, fold_accents, name_tokens

_WEEKDAYS_MONTHS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
_UPPER = "".join(
    chr(c)
    for c in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x370, 0x530))
    if chr(c).isupper()
)
# Names are short: bounded tokens and runs keep every regex that starts with a name linear on pathological
# input (a long run of capitalised words would otherwise be re-scanned from each of its words).
# A period ends a name word only after an initial ("John A. Doe", "U.S.") or a short title or suffix ("Gov.",
# "Jr."); after any other word it ends the sentence, so "Bill Clinton. And" is two runs, not one name.
_ABBREVIATIONS = SHORT_TITLES
# One lookbehind per word length (a lookbehind must have one width), so the check stays a few steps.
_ABBREVIATION_PERIOD = "|".join(
    rf"(?<=\b(?:{'|'.join(w for w in _ABBREVIATIONS if len(w) == size)}))\."
    for size in sorted({len(w) for w in _ABBREVIATIONS})
)
_CAP_TOKEN = (
    rf"[{_UPPER}](?:[\w'’\-]|\.(?=[{_UPPER}])){{0,40}}"
    rf"(?:(?<=(?<![\w'’\-])[{_UPPER}])\.|{_ABBREVIATION_PERIOD})?"
)
# "of" is no particle: "Jo Doe of Ohio" is Jo Doe from Ohio.
_PARTICLE = r"(?:al|el|bin|ibn|de|da|di|del|van|von|der|den|la|le|du|dos|das|y)"
_PARTICLES = frozenset(_PARTICLE[3:-1].split("|"))
# Particles join name words with a space ("van der Berg") or, in Arabic names, a hyphen ("al-Rashid").
_HYPHEN_PARTICLE = r"(?:al|el|ad|ash|as|az|ar|an|at)-"
_CAP_RUN = re.compile(
    rf"{_CAP_TOKEN}(?:[ \u00a0]+(?:(?:{_PARTICLE}[ \u00a0]+){{0,2}}|{_HYPHEN_PARTICLE}){_CAP_TOKEN}){{0,7}}"
)
_WORD = re.compile(r"[^\W_][\w'’\-]*")
_APPOSITIVE_AFTER = re.compile(
    rf"({_CAP_RUN.pattern}),\s+((?:[Tt]he|[Aa]n?)\s+[^,.;:\"“”«»()]{{2,80}}?)(?=[,.;])"
)
_APPOSITIVE_BEFORE = re.compile(
    rf"\b((?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|{_CAP_TOKEN}['’]s)\s+[^,.;:\"“”«»()]{{2,80}}?),\s+({_CAP_RUN.pattern})(?=\s*,)"
)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_AGE = re.compile(r",\s*\d{1,3}\b,?")


# Plural or generic nouns that open a sentence capitalised but name nobody ("Officials said").
@functools.lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    word = fold_accents(word).replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


# Role words that name the same position ("the port chief" for "the head of the port authority").


def _role_match(a: str, b: str) -> bool:
    """Role words match on their first four letters, so "Turkish" meets "Turkey"/"Türkiye", "Russian"
    meets "Russia"."""
    a, b = ROLE_SYNONYMS.get(a, a), ROLE_SYNONYMS.get(b, b)
    return a == b or (len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4])


@dataclass(slots=True)
class _Person:
    display: str
    tokens: list[str]
    roles: set[str]
    first_pos: int


class _Registry:
    """The people an article names, with the role words that introduced them."""

    def __init__(self) -> None:
        self.people: list[_Person] = []
        # Every capitalised run of the article by its last folded word: "Weiss" finds "Karl Weiss" even
        # when no title introduced him.
        self.runs_by_surname: dict[str, set[str]] = {}

    def fullest_form(self, name: str) -> str:
        tokens = name_tokens(name)
        if not tokens:
            return name
        best = name
        for run in self.runs_by_surname.get(tokens[-1], ()):
            if run.isupper():
                continue  # a shouted header ("WHO IS JO DOE?") is no form of the name to display
            if _same_person(tokens, name_tokens(run)):
                best = better_display_name(best, run)
        return best

    def find(self, tokens: list[str]) -> _Person | None:
        best: _Person | None = None
        for person in self.people:
            if _same_person(tokens, person.tokens) and (
                best is None or len(person.tokens) > len(best.tokens)
            ):
                best = person
        if best is None and tokens:
            # Names whose short form is not the last word: "Wang" for Wang Lihua (family name first),
            # "bin Rashid" or "Khalid" for Khalid bin Rashid Al Nuaimi. Only an unambiguous match counts.
            width = len(tokens)
            holders = [
                person
                for person in self.people
                if len(person.tokens) > width
                and tokens[0] in person.tokens[:-1]
                and any(person.tokens[i : i + width] == tokens for i in range(len(person.tokens) - width))
            ]
            if len(holders) == 1:
                best = holders[0]
        return best

    def add(self, display: str, roles: set[str], pos: int) -> _Person | None:
        tokens = name_tokens(display)
        if not tokens or all(t in TITLE_WORDS for t in tokens):
            return None
        person = self.find(tokens)
        if person is None:
            person = _Person(display, tokens, set(), pos)
            self.people.append(person)
        else:
            person.display = better_display_name(person.display, display)
            person.tokens = name_tokens(person.display)
            person.first_pos = min(person.first_pos, pos)
        person.roles |= roles
        return person

    def by_role(self, words: list[str], pos: int) -> _Person | None:
        if not words:
            return None
        head = words[-1]
        best: tuple[int, int, int] | None = None
        chosen: _Person | None = None
        for person in self.people:
            if not any(_role_match(head, role) for role in person.roles):
                continue
            hits = sum(1 for w in words if any(_role_match(w, role) for role in person.roles))
            # Prefer full matches, then people introduced before the mention, then the most recent.
            rank = (
                hits,
                1 if person.first_pos < pos else 0,
                person.first_pos if person.first_pos < pos else -1,
            )
            if best is None or rank > best:
                best, chosen = rank, person
        if chosen is not None and best is not None and best[0] < len(words):
            # A partial match only counts when no one else shares the head noun.
            rivals = [p for p in self.people if any(_role_match(head, r) for r in p.roles)]
            if len(rivals) > 1 or best[1] == 0:
                # ... nor when that one person is only introduced later: "its former director" before
                # "the museum's director, Dr Anna Lind" is someone else.
                return None
        return chosen


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b or a[-1] != b[-1]:
        return False
    return all(x == y or x[:1] == y[:1] for x, y in zip(a[-2::-1], b[-2::-1], strict=False))


def _split_run(run: str) -> tuple[list[str], str]:
    """Split a capitalised run into role words and the name ("Russian Foreign Minister Sergei Lavrov")."""
    words = run.split()
    while (
        words
        and len(words) > 1
        and (_fold(words[0]).strip(".") in RUN_STOP or _fold(words[0]) in SENTENCE_OPENERS)
    ):
        words.pop(0)
    while words and _fold(words[-1]).strip(".") in _WEEKDAYS_MONTHS:
        words.pop()
    roles: list[str] = []
    while len(words) > 1 and (
        _fold(words[0]).strip(".") in ROLE_NOUNS or _fold(words[1]).strip(".") in ROLE_NOUNS
    ):
        roles.append(_fold(words.pop(0)).strip("."))
    if words and _fold(words[0]).strip(".") in TITLE_WORDS:
        roles.append(_fold(words.pop(0)).strip("."))
    # A title further in ("Harbour County Executive Jo Doe"): the name is what follows the last one.
    last_title = max((i for i, w in enumerate(words[:-1]) if _fold(w).strip(".") in TITLE_WORDS), default=-1)
    if last_title >= 0:
        roles += [_fold(w).strip(".") for w in words[: last_title + 1]]
        words = words[last_title + 1 :]
    if len(words) == 1 and (_fold(words[0]) in SENTENCE_OPENERS or _fold(words[0]).strip(".") in RUN_STOP):
        return roles, ""  # "Then", "When": a capital that only opens a sentence
    name = " ".join(words).rstrip(".")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return roles, name


def _is_org(name: str) -> bool:
    words = name.split()
    return bool(words) and _fold(words[-1]) in ORG_WORDS


def _harvest_people(body: str, quoted: Sequence[tuple[int, int]] = ()) -> _Registry:
    """Collect people introduced with a title ("Mayor Lena Ortiz"), a role noun ("envoy Li Wei") or an
    appositive ("Karl Weiss, the head of the port authority,").

    Names inside quotations (``quoted``: sorted inner spans) are left out: what someone says about a person
    ("Lyin' Jo Doe", a nickname in a tweet) is no form of that person's name for the article to use."""
    registry = _Registry()
    starts = [start for start, _ in quoted]
    for match in _CAP_RUN.finditer(body):
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside >= 0 and match.start() < quoted[inside][1]:
            continue
        roles, name = _split_run(match.group(0))
        if not name or _is_org(name) or len(name.split()) > 4:
            continue
        tokens = name_tokens(name)
        if tokens:
            registry.runs_by_surname.setdefault(tokens[-1], set()).add(name)
        before = _WORD_BEFORE_RUN.search(body, max(0, match.start() - 40), match.start())
        if before is not None and _fold(before.group(2)) in ROLE_NOUNS:
            roles += [_fold(w) for w in before.group(0).split() if _fold(w) not in STOP]
        if any(r in ROLE_NOUNS for r in roles):
            registry.add(name, set(roles), match.start())
    for pattern, name_group, desc_group in ((_APPOSITIVE_AFTER, 1, 2), (_APPOSITIVE_BEFORE, 2, 1)):
        for match in pattern.finditer(body):
            desc = [_fold(w) for w in _WORD.findall(match.group(desc_group))]
            if not any(w in ROLE_NOUNS for w in desc):
                continue
            roles, name = _split_run(match.group(name_group))
            if name and not _is_org(name):
                registry.add(name, set(roles) | {w for w in desc if w not in STOP}, match.start())
    for person in registry.people:
        person.display = registry.fullest_form(person.display)
        person.tokens = name_tokens(person.display)
    return registry


# One or two lowercase words right before a capitalised run: "harbour master" in "harbour master Jon Eriksen".
_WORD_BEFORE_RUN = re.compile(r"(?:\b([a-z][\w-]*)\s+)?\b([a-z][\w-]*)\s+$")
