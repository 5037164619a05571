"""Speaker names: the vocabulary of titles and roles, and cross-outlet canonicalisation of one person's names.

"Sergei Lavrov", "Sergey Lavrov", "FM Lavrov" and "Lavrov" are one speaker; these pure functions decide that
from the names alone, so the aligner can merge speakers across the articles of an event.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz.distance import OSA, Levenshtein

from app.core.lexicon.names import (
    AFFILIATIONS,
    FEMALE_GIVEN_NAMES,
    FEMALE_HONORIFICS,
    GIVEN_NAME_PLACES,
    GIVEN_NAME_ROOTS,
    HONORIFICS,
    KOREAN_FAMILY_NAMES,
    MALE_GIVEN_NAMES,
    MALE_HONORIFICS,
    ORG_FUNCTION_WORDS,
    ORG_HEAD_FAMILIES,
    PLACE_NAMES,
    POLICE_TAILS,
)
from app.core.lexicon.speech import DOCUMENTS, ORG_WORDS, ROLE_NOUNS, TITLE_WORDS
from app.core.lexicon.words import DETERMINERS
from app.core.org_identity import same_organisation

# Spelling variants of one transliterated name, folded to one form after accents are removed.
_NAME_VARIANTS: dict[str, str] = {
    "sergey": "sergei",
    "sergej": "sergei",
    "aleksandr": "alexander",
    "aleksander": "alexander",
    "alexandr": "alexander",
    "alexandre": "alexander",
    "aleksei": "alexei",
    "aleksey": "alexei",
    "alexey": "alexei",
    "alexej": "alexei",
    "andrey": "andrei",
    "andrej": "andrei",
    "nikolay": "nikolai",
    "nikolaj": "nikolai",
    "mikhail": "mikhail",
    "michail": "mikhail",
    "iury": "yury",
    "yuri": "yury",
    "mohammed": "muhammad",
    "mohammad": "muhammad",
    "mohamed": "muhammad",
    "muhammed": "muhammad",
    "mohamad": "muhammad",
}
_VOWELS = frozenset("aeiouy")

_NAME_TOKEN = re.compile(r"[^\W_][\w'’\-]*")


@functools.lru_cache(maxsize=4096)
def fold_accents(text: str) -> str:
    """Strip combining marks ("Türkiye" -> "Turkiye", "Erdoğan" -> "Erdogan") and casefold."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _fold_token(token: str) -> str:
    """One name word in a spelling shared by its usual transliterations."""
    token = token.replace("’", "'")
    if token.endswith("'s"):
        token = token[:-2]
    token = token.replace("'", "")
    # The Arabic article is no part of the name an outlet keeps: al-Assad/Assad, el-Sisi/al-Sisi/Sisi.
    token = _ARTICLE_PREFIX.sub("", token)
    if token in _NAME_VARIANTS:
        return _NAME_VARIANTS[token]
    if len(token) > 3:
        # Slavic endings -iy/-yy/-ii/-ij/-i after a consonant are one sound: Zelenskiy/Zelensky,
        # Dmitri/Dmitry, Evgeni/Evgeny.
        for ending in ("iy", "yy", "ii", "ij", "yi"):
            if token.endswith(ending):
                token = token[: -len(ending)] + "y"
                break
        else:
            if token.endswith("i") and token[-2] not in _VOWELS:
                token = token[:-1] + "y"
        # Initial "Ye"/"E" before a consonant: Yevgeny/Evgeny, Yelena/Elena.
        if token.startswith("ye") and token[2] not in _VOWELS:
            token = token[1:]
    return _NAME_VARIANTS.get(token, token)


_ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ash|as|az|ar|an|at)-(?=\w)")
_DOUBLE_LETTER = re.compile(r"(\w)\1+")


def _collapse_doubles(token: str) -> str:
    """A family name's doubled letters written once: transliterations disagree on them (Sissi/Sisi,
    Gaddafi/Gadafi, Assad/Asad). Short words keep theirs, so "Lee" stays apart from "Le"; a given name keeps
    its own, so that it still tells a gender."""
    return _DOUBLE_LETTER.sub(r"\1", token) if len(token) >= 5 else token


def name_tokens(name: str) -> list[str]:
    """The folded name words of ``name``: what identifies the person, and nothing else.

    Left out: titles and role words before the name, with everything before the last of them ("Russian
    Foreign Minister", "Erie County Executive"); a party-state tag ("(D-Ohio)", ", R-Texas,"); an "of
    <place>" or anything after a comma ("John Doe of Ohio", "Jo Roe, 34,"); middle initials ("John A.
    Doe"); and the suffixes Jr./Sr./II/III, which :func:`name_suffix` keeps apart.
    """
    return list(_name_tokens(name))


_PARTY_TAG = re.compile(r"\(?\b[DRI]-[A-Za-z.]+\)?|\([^)]*\)")
_AFTER_NAME = re.compile(r"\s+of\s+[A-Z].*$|,.*$", re.DOTALL)
_ARTICLE_WORD = re.compile(r"\b(?:al|el)\s+(?=[A-Z])")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


# A dateline or header word in capitals glued to the name that follows ("LAGOS Jo Roe"): three letters or
# more, so that initials ("J.R. Roe") and a two-letter given name ("DJ", "AJ") are no such word.
_POSSESSIVE = re.compile(r"\w['’]s?$")
_CAPITALS_WORD = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){3})[A-Z][A-Z.'’&-]+$")


def strip_name_prefix(words: Sequence[str]) -> list[str]:
    """The words of a capitalised run that name the person: a run as printed is [place/org/party
    modifiers]* [office or occupation nouns]* [honorifics]* NAME, and only NAME identifies the person.

    A party or nationality label ("Republican Jo Roe") and an occupation ("Comedian Jo Roe", "Billionaire
    Jo Roe") go before any name; a dateline in capitals ("LAGOS Jo Roe") and a place ("Seoul Jo Roe")
    only before a name of two words, since places are also given names ("Paris Vale"). Titles
    and honorifics are handled by :func:`name_tokens` (and the run splitter of quotes.people), which
    know where a longer title ends."""
    words = list(words)
    # A possessor before the name ("the Post's Jo Roe", "Acme's Jo Roe") only modifies it.
    owner = max((i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w)), default=-1)
    del words[: owner + 1]
    while len(words) > 2 and _CAPITALS_WORD.match(words[0]) and not _CAPITALS_WORD.match(words[1]):
        words.pop(0)  # "LAGOS Jo Roe"; "CTV News" is a name of its own
    # A party or nationality label further in ("House Democrat Jo Roe", "Senate Intelligence Ranking
    # Republican Jo Roe"): the name is what follows the last one, when two name words follow it.
    label = max(
        (i for i, w in enumerate(words[:-2]) if _fold_prefix(w) in AFFILIATIONS - GIVEN_NAME_PLACES),
        default=-1,
    )
    del words[: label + 1]
    while len(words) > 1:
        first = _fold_prefix(words[0])
        if first in GIVEN_NAME_PLACES:
            break
        if first in AFFILIATIONS or (first in ROLE_NOUNS and first not in TITLE_WORDS):
            words.pop(0)
            continue
        width = _place_width(words)
        if width and len(words) - width >= 2:
            del words[:width]
            continue
        break
    return words


def _fold_prefix(word: str) -> str:
    folded = fold_accents(word).replace("’", "'").strip(".")
    return folded[:-2] if folded.endswith("'s") else folded


def _place_width(words: Sequence[str]) -> int:
    """How many leading words name a place ("New York", "Ohio"), 0 when none does."""
    for width in (3, 2, 1):
        if len(words) > width and " ".join(_fold_prefix(w) for w in words[:width]) in PLACE_NAMES:
            return width
    return 0


# Cached because one article asks about the same few names many times.
@functools.lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, ...]:
    name = _AFTER_NAME.sub("", _PARTY_TAG.sub(" ", name)).strip()
    name = " ".join(strip_name_prefix(name.split()))
    # "Bashar al Assad": a lower-case article before the family name ("Al Gore" keeps his given name).
    name = _ARTICLE_WORD.sub("", name)
    # Titles are looked up as printed (folded), before transliteration variants ("Alhaji" is no "Alhajy").
    tokens = [_plain_token(t) for t in _NAME_TOKEN.findall(fold_accents(name))]
    # A title word second opens a longer title ("Prime Minister Jo Roe"); as the last word it is a surname
    # ("Howard Dean", "Chris King").
    while len(tokens) > 1 and (
        tokens[0] in TITLE_WORDS
        or tokens[0] == "the"
        or (tokens[0].endswith("s") and tokens[0][:-1] in TITLE_WORDS)  # "Senators Jo Roe and ..."
        or (tokens[1] in TITLE_WORDS and len(tokens) > 2)
    ):
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens.pop()
    # A title further in ("Homeland Security Secretary Jo Roe"): the name is what follows the last one. A
    # role noun that is no title ("Senior Investigative Correspondent Jo Roe", "County Prosecutor Jo Roe")
    # counts only before a name of two words, so a surname that is a role ("Jo Parent Roe") stays.
    last_title = max(
        (
            i
            for i, t in enumerate(tokens[:-1])
            if is_title_word(t) or (t in ROLE_NOUNS and len(tokens) - i > 2)
        ),
        default=-1,
    )
    if last_title >= 0:
        tokens = tokens[last_title + 1 :]
    tokens = [_fold_token(t) for t in tokens]
    if len(tokens) > 1 and tokens[0] in KOREAN_FAMILY_NAMES and _korean_given_name(tokens[1:]):
        # "Moon Jae-in", "Kim Jong Un": the family name first; the given name, hyphenated or not, is one word
        # before it, so that "Mr. Moon" and "Kim Jong-un" / "Kim Jong Un" name one person.
        tokens = ["".join(tokens[1:]).replace("-", ""), tokens[0]]
    # Family names (all words but a given name that opens a longer name) in one spelling of their doubles.
    tokens = [t if i == 0 and len(tokens) > 1 else _collapse_doubles(t) for i, t in enumerate(tokens)]
    if len(tokens) > 2:
        # Middle initials ("John A. Doe", "George H.W. Bush") name no one new.
        tokens = [
            tokens[0],
            *(t for t in tokens[1:-1] if len(t.replace(".", "")) > 1 or ("." not in t and len(t) > 1)),
            tokens[-1],
        ]
    return tuple(tokens)


def _korean_given_name(words: Sequence[str]) -> bool:
    """A Korean given name after its family name: one hyphenated word ("jae-in") or two short syllables
    ("jong un"); "Kim Davis" and "Lee Roy Jones" are no such names."""
    if len(words) == 1:
        return "-" in words[0] and all(1 < len(part) <= 5 for part in words[0].split("-"))
    return len(words) == 2 and all(1 < len(word) <= 4 and word.isalpha() for word in words)


def is_title_word(folded: str) -> bool:
    """A title word, or a compound of title words ("secretary-treasurer", "vice-chair")."""
    return folded in TITLE_WORDS or ("-" in folded and all(p in TITLE_WORDS for p in folded.split("-")))


def _plain_token(token: str) -> str:
    token = token.replace("’", "'")
    return token[:-2] if token.endswith("'s") else token


def name_suffix(name: str) -> str | None:
    """ "jr", "sr", "ii" ... when the name ends with one: "Doe Jr." and "Doe Sr." are two people."""
    words = [w.casefold().strip(".") for w in _NAME_TOKEN.findall(_AFTER_NAME.sub("", name))]
    return words[-1] if words and words[-1] in _SUFFIXES else None


def speaker_key(name: str) -> str:
    """A normalised key of a name: titles stripped, casefolded, accents and transliteration variants folded.

    ``speaker_key("Russian FM Sergey Lavrov") == speaker_key("Sergei Lavrov") == "sergei lavrov"``.
    """
    return " ".join(name_tokens(name))


def _compatible(a: list[str], b: list[str]) -> bool:
    """Same surname, and the given names (where both have them) agree word by word, by initial, or by a
    one-letter spelling difference of a given name of three letters or more ("Jon"/"John")."""
    if not a or not b:
        return False
    if a[-1] != b[-1] and not same_surname(a[-1], b[-1]):
        # A second family name one outlet leaves off ("Enio Cubillo Araya" / "Enio Cubillo"): the shorter
        # full name (two words or more) opens the longer one.
        short, long = sorted((a, b), key=len)
        return (
            len(short) >= 2
            and len(long) > len(short)
            and all(_same_given(x, y) for x, y in zip(short, long[: len(short)], strict=True))
        )
    given_a, given_b = sorted((a[:-1], b[:-1]), key=len)
    if not given_a:
        return True
    joined_a, joined_b = ("".join(g).replace("-", "") for g in (given_a, given_b))
    if min(len(joined_a), len(joined_b)) >= 5 and Levenshtein.distance(joined_a, joined_b) <= 1:
        # One given name written in one word or two: "Abubakar"/"Abu Bakr", "Jean-Pierre"/"Jean Pierre".
        return True
    # Given names: the first agree, and the shorter list's others appear in order in the longer one (a middle
    # name one outlet leaves off: "Shuly Schwartz" / "Shuly Rubin Schwartz").
    if (
        len(given_b) > len(given_a)
        and len(given_b[0].strip(".")) == 1
        and not _same_given(given_a[0], given_b[0])
    ):
        # A leading initial before the name the person goes by: "A. Barry Rand" is "Barry Rand".
        given_b = given_b[1:]
    if not _same_given(given_a[0], given_b[0]):
        return False
    rest = iter(given_b[1:])
    return all(any(_same_given(x, y) for y in rest) for x in given_a[1:])


def same_surname(x: str, y: str) -> bool:
    """One surname in two spellings: equal, or (five letters or more) one typo or transliteration apart —
    a letter added, dropped, changed or two swapped ("Kiedis"/"Keidis", "Sweeney"/"Sweeny",
    "Gaddafi"/"Qaddafi")."""
    return x == y or (min(len(x), len(y)) >= 5 and OSA.distance(x, y) <= 1)


def _same_given(x: str, y: str) -> bool:
    """One given name in two spellings: equal, an initial of the other, one letter apart ("Jon"/"John"), or
    two forms of one formal name ("Chuck"/"Charles", "Bill"/"Will")."""
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    if same_given_name(x, y):
        return True
    return min(len(x), len(y)) >= 3 and x[0] == y[0] and Levenshtein.distance(x, y) <= 1


def same_given_name(x: str, y: str) -> bool:
    """Two familiar forms of one formal given name (folded name words): "Chuck" and "Charles", "Bibi" and
    "Benjamin"."""
    roots = _given_roots().get(x)
    return roots is not None and not roots.isdisjoint(_given_roots().get(y, ()))


@functools.cache
def _given_roots() -> dict[str, frozenset[str]]:
    """:data:`GIVEN_NAME_ROOTS` keyed by each form as :func:`name_tokens` folds it ("bibi" -> "biby")."""
    folded: dict[str, frozenset[str]] = {}
    for form, roots in GIVEN_NAME_ROOTS.items():
        for key in {form, _fold_token(form)}:
            folded[key] = folded.get(key, frozenset()) | roots
    return folded


def _same_suffix(a: str, b: str) -> bool:
    first, second = name_suffix(a), name_suffix(b)
    return first is None or second is None or first == second


def is_description(name: str) -> bool:
    """An unnamed source as printed: a determiner, then words not all capitalised ("a police spokesman",
    "the company", "one official", "a White House aide"). "The FBI" and "the Red Cross" are names."""
    words = name.split()
    return len(words) >= 2 and words[0].casefold() in DETERMINERS and any(w[:1].islower() for w in words[1:])


def _head(name: str) -> str:
    words = name.split()
    return re.sub(r"['’]s?$", "", words[-1]).casefold() if words else ""


_ORG_WORD = re.compile(r"[^\W_][\w&-]*")
_HEAD_FAMILY = {word: family for family, words in ORG_HEAD_FAMILIES.items() for word in words}


@functools.lru_cache(maxsize=4096)
def org_key(name: str) -> tuple[str, ...] | None:
    """The words that identify an organisation, whatever form an outlet prints: determiners, quote marks,
    possessives and dots of initials folded away, and a generic head folded to its family ("the Acme police"
    and "Acme Police Department" are ("acme", "police"); "The Save Our Park campaign" and "the 'Save Our
    Park' movement" are ("campaign", "our", "park", "save")). None when the name has no organisation head
    or nothing distinctive besides it ("the police", "a campaign group")."""
    printed = [w for w in _org_words(name) if w.casefold() not in ORG_FUNCTION_WORDS]
    words = [w.casefold() for w in printed]
    while len(words) > 1 and words[-1] in POLICE_TAILS and words[-2] == "police":
        words.pop()
    if not words:
        return None
    family = _HEAD_FAMILY.get(words[-1]) or _HEAD_FAMILY.get(words[-1].removesuffix("s"))
    if family is None:
        return None
    # The proper name is what tells one body from another: "the militant group" and "the armed group"
    # name no body apart from its kind.
    distinctive = [
        w.casefold() for w in printed[:-1] if w[:1].isupper() and _HEAD_FAMILY.get(w.casefold()) != family
    ]
    if not distinctive:
        return None
    return tuple(sorted({*distinctive, family}))


def _strip_marks(text: str) -> str:
    """Accents removed, case kept."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _org_words(name: str) -> list[str]:
    """The words of a body's name as printed, accents removed: quote marks and possessives dropped,
    initials joined ("U.S." is "US")."""
    text = re.sub(r"'s\b", "", _strip_marks(name).replace("’", "'"))
    text = re.sub(r"\b(\w)\.(?=\w\.)|(?<=\b\w)\.", r"\1", text)
    return _ORG_WORD.findall(text.replace("'", " "))


def _same_body(name: str, known: Sequence[str]) -> str | None:
    """The known entry an organisation or a document names: the same words, else the one entry with the
    same head noun ("the council" and "Central Coast Council", "the 47-page indictment" and "the
    indictment", "the police" and "Varn Police Department"). A role ("a spokesman", "one official") is only
    ever the same words. An office's place is no part of its body ("the Weather Service in Gray")."""
    name = _org_core(name)
    cores = [(k, _org_core(k)) for k in known]
    same = [k for k, core in cores if core.casefold() == name.casefold()]
    if same:
        return same[0]
    key = org_key(name)
    if key is not None:
        # One body in two forms: "the Acme police" and "Acme Police Department".
        keyed = [k for k, core in cores if org_key(core) == key]
        if keyed:
            return keyed[0]
    head = _head(name)
    if head not in ORG_WORDS and head not in DOCUMENTS:
        return None
    family = _org_family(name)
    # A generic form ("the police") is the one body of its family the event names ("Varn Police
    # Department"); two named bodies ("the Varn police", "Tarrow Police Department") are two.
    fits = [
        k
        for k, core in cores
        if _head(core) == head
        or (family is not None and _org_family(core) == family and (key is None or org_key(core) is None))
    ]
    return fits[0] if len(fits) == 1 else None


# An office's place after a body's name: "the National Weather Service in Gray", "the embassy in Cairo".
_OFFICE_PLACE = re.compile(r"^(.*\S)\s+(?:in|at)\s+(?:[A-Z][\w.'’-]*\s*){1,3}$")


def _org_core(name: str) -> str:
    """A body's name without the place of its office, when a body's noun closes what comes before."""
    found = _OFFICE_PLACE.match(name.strip())
    if found is not None and _head(found.group(1)) in ORG_WORDS:
        return found.group(1)
    return name


def _org_family(name: str) -> str | None:
    """The family of a body's generic head ("police" for "the police", "Varn Police Department")."""
    words = [w.casefold() for w in _org_words(name)]
    while len(words) > 1 and words[-1] in POLICE_TAILS and words[-2] == "police":
        words.pop()
    return _HEAD_FAMILY.get(words[-1]) if words else None


def canonical_speaker(name: str, known: Sequence[str]) -> str | None:
    """Return the entry of ``known`` naming the same person as ``name``, or None.

    Matches full names, surnames alone, names with or without titles and transliteration variants. When
    several compatible entries exist the fullest is returned; when they name different people (two
    people sharing the surname and ``name`` gives only the surname) the answer is None. A description
    ("a police spokesman") is only ever the same description: its words are no surname ("Spokesman").
    """
    # "ANA" and "All Nippon Airways" across outlets: an acronym is the body whose initials it is.
    abbreviated = same_organisation(name, known)
    if abbreviated is not None:
        return abbreviated
    if is_description(name) or _head(_org_core(name)) in ORG_WORDS or org_key(name) is not None:
        body = _same_body(name, known)
        if body is not None or is_description(name):
            return body
    known = [k for k in known if not is_description(k)]
    target = name_tokens(name)
    if not target:
        return None
    key = " ".join(target)
    matches = [k for k in known if _compatible(target, name_tokens(k)) and _same_suffix(name, k)]
    given = _fold_prefix(name.split()[-1]) if len(target) == 1 else ""
    if not matches and (given in MALE_GIVEN_NAMES or given in FEMALE_GIVEN_NAMES):
        # "Sarah said": a given name alone is the one full name of the event that opens with it.
        matches = [k for k in known if len(name_tokens(k)) > 1 and _same_given(target[0], name_tokens(k)[0])]
        if len({speaker_key(k) for k in matches}) > 1:
            return None
    if not matches:
        # "Model Jo Roe" or "United Nations Jo Roe" beside "Jo Roe": capitalised words glued before the full
        # name of a person the event knows are no part of it.
        matches = [k for k in known if _glued_before(name, k) or _glued_before(k, name)]
    spelt = [k for k in matches if name_tokens(k)[-1] == target[-1]]
    # A surname spelt as printed wins over a misspelling of another ("Carson" is not Larson).
    matches = spelt or matches
    gender = _honorific_gender(name)
    if gender is not None:
        # "Mrs. Doe" is no "John Doe": a gendered honorific leaves out the given names of the other gender.
        matches = [k for k in matches if given_name_gender(name_tokens(k)) in (None, gender)]
    exact = [k for k in matches if speaker_key(k) == key]
    tokens = [name_tokens(m) for m in matches]
    consistent = all(
        _compatible(tokens[i], tokens[j]) for i in range(len(tokens)) for j in range(i + 1, len(tokens))
    )
    if matches and consistent:
        return _fullest(matches)
    if exact:
        # Other entries share the surname but name someone else; the exact name still identifies one.
        return _fullest(exact)
    return None


def _glued_before(longer: str, name: str) -> bool:
    """Whether ``longer`` is the full name ``name`` (two name words or more) behind capitalised words that
    are no given name ("Model Jo Roe", "United Nations Jo Roe"; "Anna Jo Roe" may be her fuller name)."""
    tokens = name_tokens(name)
    words = longer.split()
    if len(tokens) < 2 or len(words) <= len(tokens):
        return False
    for start in range(1, len(words) - 1):
        if not words[start][:1].isupper() or name_tokens(" ".join(words[start:])) != tokens:
            continue  # "Pieter van der Berg" is no "Van der Berg" behind a glued word
        return all(
            w[:1].isupper()
            and len(_fold_prefix(w)) > 1
            and _fold_prefix(w).casefold() not in MALE_GIVEN_NAMES
            and _fold_prefix(w).casefold() not in FEMALE_GIVEN_NAMES
            for w in words[:start]
        )
    return False


def _honorific_gender(name: str) -> str | None:
    first = _fold_prefix(name.split(maxsplit=1)[0]) if name.strip() else ""
    return "m" if first in MALE_HONORIFICS else "f" if first in FEMALE_HONORIFICS else None


def given_name_gender(tokens: Sequence[str]) -> str | None:
    """ "m"/"f" from the given name that opens a name of two words or more; None unknown."""
    if len(tokens) < 2:
        return None
    return "m" if tokens[0] in MALE_GIVEN_NAMES else "f" if tokens[0] in FEMALE_GIVEN_NAMES else None


def _fullest(names: Sequence[str]) -> str:
    best = names[0]
    for other in names[1:]:
        best = better_display_name(best, other)
    return best


def better_display_name(a: str, b: str) -> str:
    """Pick the better display form of one person's two names: more name words first, then without
    titles (shorter), then with diacritics kept; the choice does not depend on argument order."""

    def rank(name: str) -> tuple[int, int, int, str]:
        words = len(name_tokens(name))
        non_ascii = sum(1 for ch in name if ord(ch) > 127)
        return (-words, len(name), -non_ascii, name)

    if _glued_before(a, b) or _glued_before(b, a):
        return min(a, b, key=len)  # "Jo Roe", not "Model Jo Roe"
    return min(a, b, key=rank)


def display_name(name: str) -> str:
    """A speaker as shown in lists: a body named at the start of a sentence ("The fire service said")
    loses the capital its position gave it, so it reads like "the fire service" named mid-sentence.
    Names whose article belongs to them ("The Times") keep it: the word after it is capitalised. A person
    is shown without honorifics."""
    words = name.split(" ", 2)
    if len(words) >= 2 and words[0] == "The" and words[1][:1].islower():
        return "the " + name[4:]
    # A person is shown by the name alone: "Alhaji Musa Bello" is "Musa Bello" on every outlet's row (an
    # honorific before one word stays: "Mr. Doe", "Lady Gaga").
    everything = name.split()
    honorifics = 0
    while len(everything) - honorifics > 2 and _fold_prefix(everything[honorifics]) in HONORIFICS:
        honorifics += 1
    if honorifics and all(w[:1].isupper() for w in everything[honorifics:]):
        return " ".join(everything[honorifics:])
    return name
