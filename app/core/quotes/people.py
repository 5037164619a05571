"""People an article names: capitalised runs split into role words and a name, and a registry of the
people introduced with a title, a role noun or an appositive, so later mentions resolve to one person."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.lexicon.calendar import MONTHS, WEEKDAYS
from app.core.lexicon.names import (
    AFFILIATIONS,
    FEMALE_GIVEN_NAMES,
    FEMALE_HONORIFICS,
    HONORIFICS,
    KOREAN_FAMILY_NAMES,
    MALE_GIVEN_NAMES,
    MALE_HONORIFICS,
    PHRASE_ROLE_NOUNS,
    PLACE_HEADS,
    PLACE_NAMES,
    PLACE_OPENERS,
    THING_HEADS,
)
from app.core.lexicon.speech import (
    ORG_WORDS,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    SHORT_TITLES,
    TITLE_WORDS,
    VERB_WORDS,
)
from app.core.lexicon.transcript import NUMBER_WORDS
from app.core.lexicon.words import CAPITALISED_PRONOUNS, RUN_STOP, SENTENCE_OPENERS, STOP
from app.core.speakers import (
    better_display_name,
    fold_accents,
    given_name_gender,
    is_title_word,
    name_tokens,
    same_given_name,
    same_surname,
    strip_name_prefix,
)

# Full month and weekday names: a date beside a name ("in June Trump said", "Jo Doe Tuesday") is no part of it.
_CALENDAR = frozenset(w for w in (*MONTHS, *WEEKDAYS) if len(w) > 3)
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
# A finite verb outside a relative clause: the words after the comma are a clause of their own, not an
# appositive ("Christmas, the vice president had broached").
_FINITE_VERB = re.compile(
    r"^(?:(?!\b(?:who|whom|whose|which|that)\b).)*?\b(?:had|has|have|was|were|is|are|will|would|could|"
    r"did|does|said|says|told|tells)\b",
    re.IGNORECASE,
)
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

    @property
    def gender(self) -> str | None:
        """ "m"/"f" from an honorific the article gave the person ("Mrs. Roe"), else from the given name."""
        return honorific_gender(self.roles) or given_name_gender(self.tokens)


def honorific_gender(roles: Iterable[str]) -> str | None:
    """ "m" or "f" when the words before a name hold a gendered honorific ("Mr.", "Mrs.", "Sir", "Madame")."""
    words = set(roles)
    male, female = bool(words & MALE_HONORIFICS), bool(words & FEMALE_HONORIFICS)
    return "m" if male and not female else "f" if female and not male else None


# The most people one article's registry holds. News articles introduce a few tens (the corpus's most: 26);
# each lookup compares a name with every person, so an unbounded registry made a text of thousands of
# titled names ("Mr. Kaber met Mr. Kaber. ...") quadratic.
_MAX_PEOPLE = 100


class _Registry:
    """The people an article names, with the role words that introduced them."""

    def __init__(self, body: str = "") -> None:
        self.body = body
        self.people: list[_Person] = []
        # Every capitalised run of the article by its last folded word: "Weiss" finds "Karl Weiss" even
        # when no title introduced him.
        self.runs_by_surname: dict[str, set[str]] = {}
        # Runs of three name words or more by their inner words: "Mr. Porras" is Idier Porras Guzman, whose
        # first family name is Porras (Spanish and Portuguese names carry two).
        self.runs_by_inner: dict[str, set[str]] = {}
        # Runs of two name words or more by their given name: "Sarah, 47, said" is the one Sarah Vale the
        # article names in full.
        self.runs_by_given: dict[str, set[str]] = {}
        # The words the article also prints in lower case: a lone capitalised "Hours" or "Friends" that
        # opens a sentence is that word, not a surname.
        self.lowercase_words = frozenset(_LOWERCASE_WORD.findall(body))
        # Capitalised words the article prints inside a sentence, where the capital marks a proper noun.
        self.inner_capitals = frozenset(_INNER_CAPITAL.findall(body))
        # Given names printed before "and" and a full name ("Sasha and Malia Obama"), by the surname: two
        # people of that surname, though only one full name is printed.
        self.paired_givens: dict[str, set[str]] = {}
        for pair in _PAIRED_GIVEN.finditer(body):
            before = body[max(0, pair.start() - 30) : pair.start()].split()
            if before and before[-1][:1].isupper():
                continue  # "Hillary Clinton and Bernie Sanders": "Clinton" closes a name, it opens none
            self.paired_givens.setdefault(_fold(pair.group(2)), set()).add(_fold(pair.group(1)))
        # Every capitalised run as printed, with no capitalised word before it: the names the article
        # prints on their own ("Jo Roe said"), read once for the whole body.
        self.whole_runs = frozenset(
            _POSSESSIVE_WORD.sub("", m.group(0)).rstrip(".") for m in _CAP_RUN.finditer(body)
        )

    def _opens_sentence(self, word: str, pos: int) -> bool:
        """Whether ``word``, printed at or just after ``pos``, opens a sentence: there a capital proves
        nothing, elsewhere it marks a proper noun ("wrote Time magazine")."""
        at = self.body.find(word, max(0, pos), max(0, pos) + 120) if pos >= 0 else -1
        if at < 0:
            return True
        before = self.body[max(0, at - 8) : at].rstrip(" \u00a0\t")
        if before[-1:] in _CLOSING_MARKS and len(before) > 1 and not before[-2].isspace():
            return False  # `"...," Roe said`: a mark glued to the words before it closes them
        if _SHORT_TITLE_END.search(before):
            return False  # "Gov. Roe": the period belongs to the title
        return not before or before[-1] in _SENTENCE_ENDS

    def _not_a_name_here(self, name: str, pos: int) -> bool:
        """What the words around ``name`` (printed at or just after ``pos``) tell: after an indefinite
        article it is a noun ("a former Marine", "an Obama appointee"), and beside an ampersand it is part
        of a firm's or a show's name ("Keefe, Bruyette & Woods")."""
        if pos < 0:
            return False
        at = self.body.find(name, pos, pos + 120)
        if at < 0:
            return False
        before = _CLAUSE_MARK.split(self.body[max(0, at - 30) : at])[-1].split()[-2:]
        lowered = [w.casefold() for w in before]
        # Only a lone word: "said a furious Jo Roe" names Jo Roe.
        if (
            len(name.split()) == 1
            and lowered
            and (
                lowered[-1] in _INDEFINITE
                or (len(lowered) > 1 and lowered[-2] in _INDEFINITE and before[-1].islower())
            )
        ):
            return True
        after = self.body[at + len(name) : at + len(name) + 3]
        return "&" in after or (bool(before) and before[-1] == "&")

    def surname_in_article(self, word: str) -> bool:
        """Whether a lone title or role word ("Baron", "Deacon", "King") is the surname of a person the
        article names in full ("Martin Baron"): then "said Baron" names him, not an office."""
        if " " in word.strip():
            return False
        folded = _fold(word).strip(".")
        return any(
            len(run.split()) > 1 and _fold(run.split()[-1]) == folded
            for run in self.runs_by_surname.get(folded, ())
        )

    def known_tail(self, name: str) -> str:
        """``name`` without capitalised words glued before the full name of a person the article prints
        on its own, or has already met: "Model Jo Roe" or "United Nations Jo Roe" is the Jo Roe the article names elsewhere with
        no capital before her, when the words before the name are no given name or particle (then "Anna
        Jo Roe" may be her fuller name)."""
        words = name.split()
        for start in range(1, len(words) - 1):
            prefix, tail = words[:start], " ".join(words[start:])
            if not words[start][:1].isupper():
                continue  # a particle opens no full name of its own: "Pieter van der Berg"
            if any(not _common_prefix_word(w) for w in prefix) or _not_a_person(tail):
                continue
            if tail in self.whole_runs or any(p.tokens == name_tokens(tail) for p in self.people):
                return tail
        return name

    def split_run(self, run: str) -> tuple[list[str], str]:
        """:func:`_split_run` with what the article knows: a lone title word that is the surname of a
        person it names in full is that person's name."""
        roles, name = _split_run(run)
        if not name and self.surname_in_article(run):
            return [], run.strip().rstrip(".")
        tail = self.known_tail(name)
        if tail != name:
            roles += [_fold(w).strip(".") for w in name.split()[: len(name.split()) - len(tail.split())]]
            name = tail
        words = name.split()
        while (
            len(words) > 2
            and self._common_word(words[0])
            and not any(self._common_word(w) for w in words[1:])
        ):
            # "Using Jo Roe", "the Person of the Year Jo Roe": a word the article also prints in lower case,
            # and no given name, opens no name of three words.
            roles.append(_fold(words.pop(0)))
        return roles, " ".join(words)

    def _common_word(self, word: str) -> bool:
        folded = _fold(word)
        return (
            folded in self.lowercase_words
            and folded not in MALE_GIVEN_NAMES
            and folded not in FEMALE_GIVEN_NAMES
            and folded not in _PARTICLES
        )

    def could_be_person(self, name: str, pos: int = -1, *, titled: bool = False) -> bool:
        """Whether ``name`` (a run past its role words) can name a person of this article: no place, label,
        header or sentence-opening word does (see :func:`_not_a_person`). A lone word that the article
        also prints in lower case, or that reads as a participle or an adverb ("Continuing", "Reached",
        "Hastily"), is a person only when the article gives it as the surname of a longer name."""
        if self.surname_in_article(name):
            return True
        if _not_a_person(name) or self._not_a_name_here(name, pos):
            return False
        words = name.split()
        if len(words) > 1:
            # "Common Core", "New Year", "Sandy Hook": every word one the article also prints in lower case,
            # and none a given name, is a thing's name, not a person's.
            return not all(self._common_word(w) for w in words)
        tokens = name_tokens(name)
        if not tokens or any(len(name_tokens(run)) > 1 for run in self._runs_for(tokens[-1])):
            return bool(tokens)
        word = _fold(words[0]).strip(".")
        if word in MALE_GIVEN_NAMES or word in FEMALE_GIVEN_NAMES:
            return True
        if word in self.lowercase_words and (titled or self._opens_sentence(words[0], pos)):
            # A title word ending a phrase: "the Free Trade Agreement" is no Mr. Agreement.
            return False
        if (
            pos >= 0
            and words[0] not in self.inner_capitals
            and not self._possessive_at(words[0], pos)
            and self._opens_sentence(words[0], pos)
        ):
            # "Hours later, ...", "Given his record, ...": a capital only the sentence's start gave it.
            # A possessive ("Roe's account posted") names an owner, whatever its place in the sentence.
            return False
        return _DERIVED_WORD.search(word) is None

    def _possessive_at(self, word: str, pos: int) -> bool:
        """Whether ``word``, printed at ``pos`` (or just after), is followed by a possessive 's."""
        at = self.body.find(word, pos, pos + len(word) + 40)
        return at >= 0 and self.body[at + len(word) : at + len(word) + 2] in ("'s", "’s")

    def _undated(self, display: str, pos: int) -> str:
        """``display`` without a month or weekday that opens it after a preposition: "in June Vale said"
        dates the sentence, and the name is Vale (April Ryan stays April Ryan)."""
        words = display.split()
        if len(words) < 2 or _fold(words[0]) not in _CALENDAR or pos < 0:
            return display
        at = self.body.find(words[0], pos, pos + 80)
        before = self.body[max(0, at - 20) : at].split() if at > 0 else []
        if not before or before[-1].casefold() not in _DATE_PREPOSITIONS:
            return display
        return " ".join(words[1:])

    def _runs_for(self, surname: str) -> set[str]:
        """The article's runs ending in ``surname``, or in a misspelling of it ("Keidis" for Kiedis) when
        the article prints no run ending in that very word."""
        exact = self.runs_by_surname.get(surname)
        if exact is not None or len(surname) < 5:
            return exact or set()
        return {
            run for key, runs in self.runs_by_surname.items() if same_surname(key, surname) for run in runs
        }

    def fullest_form(self, name: str, *, gender: str | None = None) -> str:
        """The fullest form of ``name`` the article prints; ``gender`` (from an honorific) leaves out the
        forms whose given name tells the other gender ("Mrs. Clinton" is no "Bill Clinton")."""
        tokens = name_tokens(name)
        if not tokens:
            return name
        best = name
        # The forms by given name, and those whose given name tells the honorific's gender.
        givens: set[str] = set()
        told: dict[str, str] = {}
        for run in self._runs_for(tokens[-1]):
            if run.isupper():
                continue  # a shouted header ("WHO IS JO DOE?") is no form of the name to display
            run_tokens = name_tokens(run)
            if gender is not None and given_name_gender(run_tokens) not in (None, gender):
                continue
            if _same_person(tokens, run_tokens) and not _not_a_person(run):
                best = better_display_name(best, run)
                if len(tokens) == 1 and len(run_tokens) > 1:
                    givens.add(run_tokens[0])
                    if gender is not None and given_name_gender(run_tokens) == gender:
                        told[run_tokens[0]] = better_display_name(told.get(run_tokens[0], run), run)
        if len(tokens) == 1 and givens:
            givens |= self.paired_givens.get(tokens[-1], set())
        if len(givens) > 1 and not any(_same_given_prefix(g, h) for g in givens for h in givens if g != h):
            # "President Roe" where the article prints Tom Roe and Ann Roe: which one the lone surname is,
            # its form does not tell; it stays as printed, unless the honorific's gender is told by one given
            # name only ("Mrs. Roe" and Rita Roe).
            return next(iter(told.values())) if len(told) == 1 else name
        if best == name and len(tokens) == 1:
            # No fuller form ends with the word: the one full name that holds it as a first family name.
            holders = {run for run in self.runs_by_inner.get(tokens[0], ()) if not _not_a_person(run)}
            if len({" ".join(name_tokens(run)) for run in holders}) == 1:
                best = better_display_name(best, min(holders))
        given = _fold(name).strip(".")
        if best == name and len(tokens) == 1 and (given in MALE_GIVEN_NAMES or given in FEMALE_GIVEN_NAMES):
            # A known given name alone: the one full name of the article that opens with it.
            holders = {run for run in self.runs_by_given.get(given, ()) if not _not_a_person(run)}
            if len({" ".join(name_tokens(run)) for run in holders}) == 1:
                best = better_display_name(best, min(holders))
        return best

    def find(self, tokens: list[str], *, gender: str | None = None) -> _Person | None:
        """The person ``tokens`` name; ``gender`` (from an honorific: "Mrs. Clinton") picks among people who
        share the surname."""
        best: _Person | None = None
        # A surname spelt as printed wins over a misspelling of another ("Carson" is not Larson).
        spelt = [p for p in self.people if tokens and p.tokens[-1] == tokens[-1]]
        candidates = spelt or self.people
        if gender is not None:
            candidates = [p for p in candidates if p.gender in (None, gender)]
        for person in candidates:
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

    def add(self, display: str, roles: set[str], pos: int, *, vetted: bool = False) -> _Person | None:
        """The person ``display`` names, added when new; ``vetted`` when the caller already read the words
        around it as a person's (then a capital only the sentence's start gave it does not count against it)."""
        tokens = name_tokens(display)
        if not tokens or (all(t in TITLE_WORDS for t in tokens) and not self.surname_in_article(display)):
            return None
        display = self.known_tail(display)
        tokens = name_tokens(display)
        undated = self._undated(display, pos)
        if undated != display:
            display = self.fullest_form(undated)
            tokens = name_tokens(display)
        if not self.could_be_person(display, -1 if vetted else pos, titled=bool(roles & TITLE_WORDS)):
            return None
        person = self.find(tokens, gender=honorific_gender(roles))
        if person is None and len(self.people) >= _MAX_PEOPLE:
            return None  # every lookup reads the whole registry: past the bound, new names are not kept
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
            if (person.roles & _RANK_MODIFIERS) - set(words):
                continue  # "the president" is no vice president, "the director" no deputy director
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


# Words that make an office another one: a vice president is not the president the article names.
_RANK_MODIFIERS = frozenset({"vice", "deputy", "assistant", "associate", "lieutenant", "under", "sub"})
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]*")
_LOWERCASE_WORD = re.compile(r"(?<![\w'’.-])[a-z][a-z'’-]*")
# A lone capitalised word with these endings opens a sentence as a participle or an adverb ("Continuing,",
# "Reached by phone,", "Hastily"); surnames with them (Manning, Mohammed, Kelly) are known by their full name.
_DERIVED_WORD = re.compile(
    r"\w{3}(?:ing|ched|shed|ssed|cked|ated|ized|ised|ily|ally|fully|ously|ively|edly|ently|antly)$"
)
_DATE_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "since",
        "until",
        "by",
        "last",
        "this",
        "next",
        "early",
        "late",
        "mid",
        "through",
        "of",
        "from",
        "a",  # "at a June Trump event"
        "an",
        "the",
    }
)
# What may stand right before a sentence's first word: its end mark, a closing quote, a line break.
_SENTENCE_ENDS = frozenset(".!?:;\n\"“'‘—–-([")
_SHORT_TITLE_END = re.compile(rf"\b(?:{'|'.join(SHORT_TITLES)})\.$")
_CLOSING_MARKS = frozenset("\"”'’")
_CLAUSE_MARK = re.compile(r"[.,;:!?\"“”'‘’()\n—–]")
_INDEFINITE = frozenset({"a", "an"})
_POSSESSIVE_WORD = re.compile(r"['’]s?$")
# "Democratic-leaning", "Trump-style": a compound ending in a lower-case word is a modifier, never a name
# word; "al-Rashid" and "Kelleher-Vergantini" keep their capitals.
_MODIFIER_COMPOUND = re.compile(r"^[^\W\d_][\w'’]*-[a-z]")
# Function words that a headline capitalises and a name never holds ("May" and "Will" are surnames).
_HEADLINE_WORDS = frozenset(
    [
        "on",
        "how",
        "about",
        "to",
        "the",
        "a",
        "an",
        "in",
        "at",
        "for",
        "with",
        "from",
        "by",
        "why",
        "what",
        "is",
        "are",
        "was",
        "were",
        "be",
        "being",
        "and",
        "or",
        "but",
        "as",
        "into",
        "over",
        # the particle of a phrasal verb, in title case only on buttons and headlines ("Sign Up", "Log Out")
        "up",
        "out",
        "off",
    ]
)
_ROMAN = frozenset({"ii", "iii", "iv"})
_HEADER_WORD = re.compile(r"^[A-Z][A-Z'’&-]{2,}$")


# A middle initial: one capital and its period ("A." in "Jo A. Roe").
_INITIAL = re.compile(r"[A-Z]\.")


def _not_a_person(name: str) -> bool:
    """Capitalised words that cannot be a person's name, whatever the article: a place ("New Hampshire",
    "Fort Pierce", "Wall Street"), a run of places, nationality and party labels, titles and dates
    ("Alabama Democratic Governor", "Presumptive Democrat"), a shouted header ("IOWA POLLS NOT WRONG"), a
    possessive inside the run ("Tuesday's New Hampshire"), a modifier compound ("Democratic-leaning"), or a
    word in lower case that is no particle ("words" in "In other words")."""
    words = name.split()
    if not words:
        return True
    folded = [_fold(w).strip(".") for w in words]
    for index, (word, fold) in enumerate(zip(words, folded, strict=True)):
        if not word[:1].isupper() and fold not in _PARTICLES and not re.match(_HYPHEN_PARTICLE, word):
            return True
        if _is_modifier_compound(words, index):
            return True
    if any(_POSSESSIVE_WORD.search(w) for w in words[:-1]):
        return True
    if len(words) > 1 and any(w.casefold() in CAPITALISED_PRONOUNS for w in words):
        # "Sign Up You" (a newsletter box's buttons run into its text): a pronoun is no part of a name.
        return True
    if any(
        f in _HEADLINE_WORDS and not _INITIAL.fullmatch(w) for w, f in zip(words[1:], folded[1:], strict=True)
    ):
        # A headline in title case ("Jo Roe On How The Vote Was Won"); a middle initial ("Jo A. Roe") is
        # no headline word.
        return True
    if len(words) == 1 and (len(folded[0]) == 1 or folded[0] in NUMBER_WORDS):
        return True  # "R" of a party tag, "Eight candidates"
    if (
        len(words) == 1
        and folded[0].endswith("s")
        and (folded[0][:-1] in ROLE_NOUNS or folded[0][:-2] in ROLE_NOUNS)
    ):
        return True  # "Attorneys", "Coaches": a plural role opening a sentence
    if len(words) > 1 and any(_HEADER_WORD.match(w) and _fold(w) not in _ROMAN for w in words):
        return True  # a header ("IOWA POLLS WRONG") or an acronym's body ("NFC North", "PAC Priorities")
    if " ".join(folded) in PLACE_NAMES:
        return True
    if len(words) > 1 and folded[-1] in AFFILIATIONS and all(f in _COMPASS for f in folded[:-1]):
        # "North Korean", "South African": a demonym of a compass-named country modifies the noun after it
        # ("North Korean state media"); it is no person, and "North Korea" no short form of one.
        return True
    if folded[-1] in THING_HEADS or (
        len(words) > 1 and (folded[-1] in PLACE_HEADS or folded[0] in PLACE_OPENERS)
    ):
        return True
    return all(f in PLACE_NAMES or f in AFFILIATIONS or f in _CALENDAR or f in TITLE_WORDS for f in folded)


# Compass words that open a country's name ("North Korea", "South Africa", "East Timor").
_COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
)


def _common_prefix_word(word: str) -> bool:
    """A capitalised word that may be glued before a name without being part of it: no given name, no
    particle, no initial."""
    folded = _fold(word).strip(".")
    return (
        len(folded) > 1
        and word[:1].isupper()
        and folded not in MALE_GIVEN_NAMES
        and folded not in FEMALE_GIVEN_NAMES
        and folded not in _PARTICLES
    )


# A given name, "and", then a full name: "Sasha and Malia Obama" (group 1 the first given name, 2 the surname).
_PAIRED_GIVEN = re.compile(r"\b([A-Z][a-z]+)\s+and\s+[A-Z][a-z]+\s+([A-Z][a-z]+)\b")


def _same_given_prefix(a: str, b: str) -> bool:
    """Whether two given names may be one person's ("Jo" and "Joanne", "J." and "Jo")."""
    a, b = a.rstrip("."), b.rstrip(".")
    return a.startswith(b) or b.startswith(a)


def _same_person(a: list[str], b: list[str]) -> bool:
    if not a or not b or not same_surname(a[-1], b[-1]):
        return False
    return all(
        x == y or x[:1] == y[:1] or same_given_name(x, y) for x, y in zip(a[-2::-1], b[-2::-1], strict=False)
    )


def _split_run(run: str) -> tuple[list[str], str]:
    """Split a capitalised run into role words and the name ("Russian Foreign Minister Sergei Lavrov")."""
    words = run.split()
    roles: list[str] = []
    while len(words) > 1 and (
        _fold(words[0]).strip(".") in RUN_STOP
        or _fold(words[0]) in SENTENCE_OPENERS
        or _opens_clause(words[0])
        or _fold(words[0]) in NUMBER_WORDS
    ):
        dropped = _fold(words.pop(0)).strip(".")
        if dropped in HONORIFICS:
            roles.append(dropped)  # "Mrs." tells the gender
    while words and _fold(words[-1]).strip(".") in _CALENDAR:
        words.pop()
    # "Fox's Chris Wallace", "Los Angeles-area Jo Doe", "Post Editor-in-Chief Jo Doe": a possessor or a
    # modifier compound modifies the head after it.
    owner = max((i for i, w in enumerate(words[:-1]) if _modifies_next(w)), default=-1)
    if owner >= 0:
        roles += [_fold(w).strip(".") for w in words[: owner + 1]]
        words = words[owner + 1 :]
    # A role word second opens a longer role ("Trade envoy Li Wei"); as the last word it is a surname
    # ("Howard Dean").
    while len(words) > 1 and (
        _fold(words[0]).strip(".") in ROLE_NOUNS
        or (_fold(words[1]).strip(".") in ROLE_NOUNS and len(words) > 2)
    ):
        roles.append(_fold(words.pop(0)).strip("."))
    first = _fold(words[0]).strip(".") if words else ""
    # A plural title ("Senators Jo Roe and Al Doe") opens a list of people with that title.
    if words and (
        first in TITLE_WORDS or (len(words) > 1 and first.endswith("s") and first[:-1] in TITLE_WORDS)
    ):
        roles.append(_fold(words.pop(0)).strip("."))
    # A title further in ("Harbour County Executive Jo Doe"): the name is what follows the last one; a role
    # noun that is no title ("Senior Investigative Correspondent Jo Doe") only before a name of two words.
    last_title = max(
        (
            i
            for i, w in enumerate(words[:-1])
            if is_title_word(_fold(w).strip("."))
            or (_fold(w).strip(".") in ROLE_NOUNS and len(words) - i > 2)
        ),
        default=-1,
    )
    if last_title >= 0:
        roles += [_fold(w).strip(".") for w in words[: last_title + 1]]
        words = words[last_title + 1 :]
    # Party labels, occupations, places and a dateline before the name ("Republican Jo Doe", "LAGOS Jo Doe").
    name_words = strip_name_prefix(words)
    roles += [_fold(w).strip(".") for w in words[: len(words) - len(name_words)]]
    words = name_words
    if len(words) == 1 and (_fold(words[0]) in SENTENCE_OPENERS or _fold(words[0]).strip(".") in RUN_STOP):
        return roles, ""  # "Then", "When": a capital that only opens a sentence
    name = " ".join(words).rstrip(".")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return roles, name


def _modifies_next(word: str) -> bool:
    return _POSSESSIVE_WORD.search(word) is not None or _is_modifier_compound([word], 0)


def _is_modifier_compound(words: Sequence[str], index: int) -> bool:
    """Whether ``words[index]`` is a modifier compound ("Democratic-leaning", "Ohio-based"): a capitalised
    word joined to a lower-case one, unless it is an Arabic particle ("al-Rashid") or a Korean given name
    after its family name ("Moon Jae-in", "Kim Yong-hyun")."""
    word = words[index]
    if _MODIFIER_COMPOUND.match(word) is None or re.match(_HYPHEN_PARTICLE, word):
        return False
    return index == 0 or _fold(words[index - 1]) not in KOREAN_FAMILY_NAMES


def _opens_clause(word: str) -> bool:
    """A capitalised word before a name that belongs to the sentence, not the name: a participle ("Painting
    Trump as ...", "Leading Democrats") or a modifier compound ("Democratic-leaning New Jersey")."""
    folded = _fold(word)
    if folded in MALE_GIVEN_NAMES or folded in FEMALE_GIVEN_NAMES:
        return False
    return _DERIVED_WORD.search(folded) is not None


# Words after which a name is a complement of the phrase, not its head ("chairman of America Rising").
_COMPLEMENT_WORDS = frozenset(
    {"of", "for", "at", "from", "by", "with", "in", "to", "on", "and", "or", "nor", "about"}
)


def head_name_run(mention: str) -> str | None:
    """The name that heads a role phrase: "Clinton campaign manager Jo Roe", "former Acme chief Jo Roe",
    "U.S. Democratic nominee Jo Roe" name Jo Roe; the names before the role words only modify it. None when
    the mention is no such phrase (one name, a list, an appositive, or a last name that is a complement:
    "the chairman of Acme")."""
    runs = list(_CAP_RUN.finditer(mention))
    if len(runs) < 2:
        return None
    last, before = runs[-1], runs[-2]
    between = mention[before.end() : last.start()]
    words = between.split()
    if not words or "," in between or not all(w[:1].islower() for w in words):
        return None
    if any(_VERB.fullmatch(w) and _fold(w) not in ROLE_NOUNS for w in words):
        return None  # a clause, not a phrase: "Trump attacked Romney", "Roe endorsed Doe"
    if words[-1].casefold() in _COMPLEMENT_WORDS or _POSSESSIVE_WORD.search(last.group(0)):
        return None
    _, name = _split_run(last.group(0))
    return last.group(0) if name and not _not_a_person(name) else None


_ROLE_PHRASE = re.compile(
    rf"((?:[a-z][\w-]*\s+){{0,2}}){_CAP_RUN.pattern}((?:\s+[a-z][\w-]*){{1,4}})\s+{_CAP_RUN.pattern}"
)
_VERB = re.compile(rf"(?:{VERB_WORDS})|\w+ed", re.IGNORECASE)


def _modifier_word(word: str) -> bool:
    """A lower-case word that may open a role phrase before its capitalised modifier ("former", "longtime",
    "veteran"), not a function word or a verb ("told", "and")."""
    return word not in STOP and word not in _COMPLEMENT_WORDS and not _VERB.fullmatch(word)


def role_phrase_at(text: str, pos: int = 0) -> re.Match[str] | None:
    """A role phrase at ``pos``: a capitalised modifier, lower-case role words ending in a role noun, then
    the name that heads the phrase ("RNC spokesman Jo Roe", "Clinton campaign manager Jo Roe", "Marquette
    pollster Jo Roe"). None for a clause ("Obama named Jo Roe", "Roe said Doe")."""
    match = _ROLE_PHRASE.match(text, pos)
    if match is None:
        return None
    words = match.group(2).split()
    head = text[match.end(2) : match.end()].split()
    # The role noun closes the lower-case words ("RNC spokesman Jo Roe"), or the head opens with a party
    # label before a name of two words ("Oversight ranking Democrat Jo Roe").
    labelled = len(head) >= 3 and _fold(head[0]) in AFFILIATIONS
    if _fold(words[-1]) not in ROLE_NOUNS and _fold(words[-1]) not in PHRASE_ROLE_NOUNS and not labelled:
        return None
    if any(not _modifier_word(w) for w in match.group(1).split()):
        return None
    if any(
        w in _COMPLEMENT_WORDS or w in STOP or (_VERB.fullmatch(w) and _fold(w) not in ROLE_NOUNS)
        for w in words
    ):
        return None
    return match if head_name_run(match.group(0)) is not None else None


def _is_org(name: str) -> bool:
    words = name.split()
    return bool(words) and _fold(words[-1]) in ORG_WORDS


def _harvest_people(body: str, quoted: Sequence[tuple[int, int]] = ()) -> _Registry:
    """Collect people introduced with a title ("Mayor Lena Ortiz"), a role noun ("envoy Li Wei") or an
    appositive ("Karl Weiss, the head of the port authority,").

    Names inside quotations (``quoted``: sorted inner spans) are left out: what someone says about a person
    ("Lyin' Jo Doe", a nickname in a tweet) is no form of that person's name for the article to use."""
    registry = _Registry(body)
    starts = [start for start, _ in quoted]
    for match in _CAP_RUN.finditer(body):
        inside = bisect.bisect_right(starts, match.start()) - 1
        if inside >= 0 and match.start() < quoted[inside][1]:
            continue
        roles, name = registry.split_run(match.group(0))
        name = registry._undated(name, match.start())
        opener = name.split()
        if (
            len(opener) == 2
            and opener[1] in registry.whole_runs
            and registry._common_word(opener[0])
            and registry._opens_sentence(opener[0], match.start())
        ):
            # "Early Acme and Zento employees ...": a modifier the sentence's start capitalised (the article
            # prints "early" in lower case too) before a name it prints alone is no given name.
            roles.append(_fold(opener[0]))
            name = opener[1]
        if not name or _is_org(name) or len(name.split()) > 4:
            continue
        tokens = name_tokens(name)
        if tokens:
            registry.runs_by_surname.setdefault(tokens[-1], set()).add(name)
            for inner in tokens[1:-1] if len(tokens) >= 3 else ():
                registry.runs_by_inner.setdefault(inner, set()).add(name)
            if len(tokens) > 1:
                registry.runs_by_given.setdefault(tokens[0], set()).add(name)
        if _modifies_role_phrase(body, match.end()):
            continue  # "former Acme chief Jo Roe", "former TV network anchor Jo Roe": Acme and TV are no one
        before = _WORD_BEFORE_RUN.search(body, max(0, match.start() - 40), match.start())
        if before is not None and _fold(before.group(2)) in ROLE_NOUNS:
            roles += [_fold(w) for w in before.group(0).split() if _fold(w) not in STOP]
        if any(r in ROLE_NOUNS for r in roles):
            registry.add(name, set(roles), match.start())
    for pattern, name_group, desc_group in ((_APPOSITIVE_AFTER, 1, 2), (_APPOSITIVE_BEFORE, 2, 1)):
        for match in pattern.finditer(body):
            desc = [_fold(w) for w in _WORD.findall(match.group(desc_group))]
            if not any(w in ROLE_NOUNS for w in desc) or _FINITE_VERB.search(match.group(desc_group)):
                # "... before Christmas, the vice president had broached": a clause, not an appositive.
                continue
            roles, name = _split_run(match.group(name_group))
            if name and not _is_org(name):
                registry.add(name, set(roles) | {w for w in desc if w not in STOP}, match.start())
    for person in registry.people:
        person.display = registry.fullest_form(person.display, gender=honorific_gender(person.roles))
        person.tokens = name_tokens(person.display)
    return registry


# One to three lowercase words after a capitalised run, then the next run.
_WORDS_THEN_CAPITAL = re.compile(r"((?:[ \u00a0]+[a-z][\w-]*){1,3})[ \u00a0]+[A-Z]")


def _modifies_role_phrase(body: str, end: int) -> bool:
    """Whether the capitalised run ending at ``end`` modifies the role phrase after it: lowercase words up to
    a role noun, then another capitalised run ("Acme chief Jo Roe", "TV network anchor Jo Roe"). Such a run
    names the body or the place the role belongs to; the person is the run after the role."""
    found = _WORDS_THEN_CAPITAL.match(body, end)
    if found is None:
        return False
    words = [_fold(w) for w in found.group(1).split()]
    if any(w in STOP or w in _COMPLEMENT_WORDS for w in words):
        return False  # "Clinton and top aide Jo Roe": two people, not a modifier and its head
    return words[-1] in ROLE_NOUNS or words[-1] in PHRASE_ROLE_NOUNS


# One or two lowercase words right before a capitalised run: "harbour master" in "harbour master Jon Eriksen".
_WORD_BEFORE_RUN = re.compile(r"(?:\b([a-z][\w-]*)\s+)?\b([a-z][\w-]*)\s+$")
