"""Speaker names: the vocabulary of titles and roles, and cross-outlet canonicalisation of one person's names.

"Sergei Lavrov", "Sergey Lavrov", "FM Lavrov" and "Lavrov" are one speaker; these pure functions decide that
from the names alone, so the aligner can merge speakers across the articles of an event.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from app.core.lexicon.speech import TITLE_WORDS

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


def name_tokens(name: str) -> list[str]:
    """The folded name words of ``name`` with leading titles and role words removed.

    A word directly before a title word is part of the role too ("Russian" in "Russian Foreign Minister").
    """
    return list(_name_tokens(name))


# Cached because one article asks about the same few names many times.
@functools.lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, ...]:
    tokens = [_fold_token(t) for t in _NAME_TOKEN.findall(fold_accents(name))]
    while len(tokens) > 1 and (tokens[0] in TITLE_WORDS or tokens[0] == "the" or tokens[1] in TITLE_WORDS):
        tokens.pop(0)
    return tuple(tokens)


def speaker_key(name: str) -> str:
    """A normalised key of a name: titles stripped, casefolded, accents and transliteration variants folded.

    ``speaker_key("Russian FM Sergey Lavrov") == speaker_key("Sergei Lavrov") == "sergei lavrov"``.
    """
    return " ".join(name_tokens(name))


def _compatible(a: list[str], b: list[str]) -> bool:
    """Same surname, and the given names (where both have them) agree word by word or by initial."""
    if not a or not b or a[-1] != b[-1]:
        return False
    for x, y in zip(a[-2::-1], b[-2::-1], strict=False):
        if x != y and not (len(x) == 1 and y.startswith(x)) and not (len(y) == 1 and x.startswith(y)):
            return False
    return True


def canonical_speaker(name: str, known: Sequence[str]) -> str | None:
    """Return the entry of ``known`` naming the same person as ``name``, or None.

    Matches full names, surnames alone, names with or without titles and transliteration variants. When
    several compatible entries exist the fullest is returned; when they name different people (two
    people sharing the surname and ``name`` gives only the surname) the answer is None.
    """
    target = name_tokens(name)
    if not target:
        return None
    key = " ".join(target)
    matches = [k for k in known if _compatible(target, name_tokens(k))]
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

    return min(a, b, key=rank)


def display_name(name: str) -> str:
    """A speaker as shown in lists: a body named at the start of a sentence ("The fire service said")
    loses the capital its position gave it, so it reads like "the fire service" named mid-sentence.
    Names whose article belongs to them ("The Times") keep it: the word after it is capitalised."""
    words = name.split(" ", 2)
    if len(words) >= 2 and words[0] == "The" and words[1][:1].islower():
        return "the " + name[4:]
    return name
