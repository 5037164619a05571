"""One sentence read once for every comparison: its content words, wording, clauses, names, negations and
numbers, encoded one character per word so that the pair rules run on C++ string metrics."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from app.core.align.items import SentenceItem
from app.core.lexicon.predicates import INTERCHANGEABLE_MODIFIERS
from app.core.lexicon.words import DETERMINERS
from app.core.org_identity import is_body
from app.core.similarity import (
    NEGATORS,
    Predicate,
    claim_stem,
    claim_tokens,
    encode,
    is_number_token,
    predicate_words,
    predicates,
    wording_tokens,
    words,
)
from app.core.speakers import is_description


@dataclass(frozen=True, slots=True)
class Prepared:
    key: int
    article_key: int
    speaker: str | None
    content: str  # claim tokens (content-word stems), one character per word
    all_words: str  # every folded word, one character per word
    tokens: tuple[str, ...]  # the claim tokens, a negated word marked "!word"
    spelled: tuple[str, ...]  # the words ``content`` encodes: the claim tokens with "not" spelled out
    cuts: tuple[int, ...]  # clause starts, as positions in ``spelled``
    numbers: tuple[str, ...]  # the number tokens, in order
    negated: bool  # some token carries a negation
    predicates: tuple[Predicate, ...]  # what the sentence says happens ("will reopen")
    token_set: frozenset[str]  # where another sentence's predicates are looked up
    under_negation: tuple[bool, ...]  # per word of ``all_words``: a negation comes before it in its clause
    names: tuple[str | None, ...]  # per word of ``all_words``: the folded word when it is a name, else None
    folded: tuple[str, ...]  # the folded words ``all_words`` encodes
    clause_bounds: tuple[int, ...]  # clause starts and the end, as positions in ``all_words``; () if unknown
    wording: str  # every word as printed, contractions expanded and numbers as values, one character each
    worded: tuple[str, ...]  # the words ``wording`` encodes
    wording_cuts: tuple[int, ...]  # clause starts, as positions in ``wording``
    wording_gaps: tuple[int, ...]  # where an ellipsis cut the sentence, as positions in ``wording``
    wording_negated: tuple[bool, ...]  # per word of ``wording``: a negation comes before it in its clause
    translated: str  # ``content`` with interchangeable modifiers read as one word ("grave" / "serious")
    opens_sentence: bool  # the quotation starts a sentence (a capital), not words lifted from one
    unwrapped: str | None  # the text with an editor's insertions read as words ("It [the cut] was"), if any
    body: bool  # the speaker names a body ("Acme", "the Harbour Authority"), not a person
    own_wording: str  # ``wording`` with each quotation inside the quote read as one word
    own_negated: tuple[bool, ...]  # per word of ``own_wording``: a negation comes before it in its clause
    denied: tuple[str, ...]  # ``content`` of each quotation inside the quote that the sentence negates


def _spell(tokens: tuple[str, ...]) -> tuple[str, ...]:
    # The negation word counts as a word of its own in the overlap, as printed ("not imposed" is two
    # words that a re-translation keeps); the "!" marks are only for the polarity check.
    return tuple(part for t in tokens for part in (("not", t[1:]) if t.startswith("!") else (t,)) if part)


# Clause breaks, and sentence ends inside what an outlet printed as one sentence ("... randomly. . . .The
# fireworks ..."): the places another outlet may have cut the sentence, split it or reordered its pieces.
_CLAUSE_BREAK = re.compile(r"[,;:(–—―]\s|\s-\s|[.!?]\s")


@lru_cache(maxsize=50_000)
def codes(text: str) -> tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[int, ...]]:
    tokens = claim_tokens(text)
    spelled = _spell(tokens)
    # Where the sentence's clauses start, in content words: the only places another outlet may have cut
    # it to print the pieces in the other order ("If X, Y" / "Y if X").
    cuts: list[int] = []
    position = 0
    for piece in _CLAUSE_BREAK.split(text)[:-1]:
        position += len(_spell(claim_tokens(piece)))
        if 0 < position < len(spelled) and (not cuts or position > cuts[-1]):
            cuts.append(position)
    return encode(spelled), encode(words(text)), tokens, spelled, tuple(cuts)


@lru_cache(maxsize=50_000)
def _under_negation(text: str) -> tuple[bool, ...]:
    """For each word of ``text``, whether a negation word comes before it in its clause: a run of words
    printed alone that the longer sentence negates ("I'm not saying that I will resign" / "I will
    resign") is another claim."""
    flags: list[bool] = []
    for piece in _CLAUSE_BREAK.split(text):
        negated = False
        for word in words(piece):
            flags.append(negated)
            negated = negated or word in NEGATORS or word.endswith("n't") or word == "cannot"
    return tuple(flags)


@lru_cache(maxsize=50_000)
def _clause_bounds(text: str) -> tuple[int, ...]:
    """Where the clauses of ``text`` start, and where it ends, as positions among its words; () when a word
    straddles a clause break (the pieces' words are not the sentence's)."""
    bounds = [0]
    for piece in _CLAUSE_BREAK.split(text):
        count = len(words(piece))
        if count:
            bounds.append(bounds[-1] + count)
    return tuple(bounds) if bounds[-1] == len(words(text)) else ()


# Clause breaks for the wording: as ``_CLAUSE_BREAK``, but a full stop after a capital and up to three more
# letters ("U.S.", "Oct.", "Gen.") is an abbreviation, whose words the wording must read whole.
_WORDING_BREAK = re.compile(
    r"[,;:(–—―]\s|\s-\s|[!?]\s|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\b[A-Z][a-z]{3})\.\s"
)


# An outlet's cut inside a quotation: "…", ". . ." or "[...]".
_ELLIPSIS = re.compile(r"\[\s*(?:…|\.\s*\.\s*\.)\s*\]|…|\.\s*\.\s*\.")


@lru_cache(maxsize=50_000)
def _wording(
    text: str,
) -> tuple[str, tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[bool, ...]]:
    """The sentence's wording (:func:`wording_tokens`, clause by clause) encoded, its words, where its
    clauses start, where an ellipsis cut it, and per word whether a negation comes before it in its
    clause: what two outlets that name different speakers must share to be printing one sentence."""
    worded: list[str] = []
    cuts: list[int] = []
    gaps: list[int] = []
    negated: list[bool] = []
    for part in _ELLIPSIS.split(text):
        if worded and (not gaps or gaps[-1] < len(worded)):
            gaps.append(len(worded))
        for piece in _WORDING_BREAK.split(part):
            if worded and (not cuts or cuts[-1] < len(worded)):
                cuts.append(len(worded))
            before = False
            for word in wording_tokens(piece):
                worded.append(word)
                negated.append(before)
                before = before or word in NEGATORS
    return (
        encode(worded),
        tuple(worded),
        tuple(c for c in cuts if 0 < c < len(worded)),
        tuple(g for g in gaps if 0 < g < len(worded)),
        tuple(negated),
    )


# A word that starts a sentence or follows an opening mark is capitalised whatever it is.
_OPENING = re.compile(r"(?:[.!?:;\"“”‘'(\[]\s*|\s[-–—]\s)$")


_NAME_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


_NOT_NAMES = frozenset({"I", "I'm", "I’m", "I'll", "I’ll", "I've", "I’ve", "I'd", "I’d"})


@lru_cache(maxsize=50_000)
def _names(text: str) -> tuple[str | None, ...]:
    """Per word of ``text`` (as :func:`words` reads them): the folded word when it is capitalised inside
    the sentence, a name ("Councillor Hale", "in March"), else None. "I" is no name."""
    found: list[str | None] = []
    for match in _NAME_WORD.finditer(text):
        word = match.group(0)
        # An acronym ("US", "NHS") is as often a short form of another outlet's words ("American") as a
        # name of its own: left out.
        acronym = word.isupper() and len(word) > 1
        capital = word[0].isupper() and not acronym and word not in _NOT_NAMES
        # Only the few characters before the word are looked at: one pass over the sentence.
        start = match.start()
        opening = not text[:start].strip(" \"“‘'([") if start <= 8 else False
        opening = opening or _OPENING.search(text[max(0, start - 8) : start]) is not None
        found.append(words(word)[0] if capital and not opening else None)
    return tuple(found)


# A translator's word for another's in one slot ("an unprecedented, grave threat" / "an unprecedented,
# serious threat"): each group of interchangeable modifiers is read as one word when two versions of one
# person's sentence are compared as re-translations (:func:`retranslated`).
_MODIFIER_OF: dict[str, str] = {
    claim_stem(word): min(claim_stem(w) for w in group)
    for group in INTERCHANGEABLE_MODIFIERS
    for word in group
}


@lru_cache(maxsize=50_000)
def _translated(text: str) -> str:
    return encode(_MODIFIER_OF.get(token, token) for token in codes(text)[3])


# An editor's insertion with words in it ("It [the budget cut] was a mistake"); not "[sic]", not a cut.
_INSERTION = re.compile(r"\[(?!\s*sic\s*\])([^\[\]]{0,80}?[^\W\d_][^\[\]]{0,80}?)\]", re.IGNORECASE)


def _unwrapped_text(text: str) -> str | None:
    unwrapped = _INSERTION.sub(r" \1 ", text)
    return None if unwrapped == text else unwrapped


def unwrap(sentence: Prepared) -> Prepared:
    """The sentence with its editor's insertions read as words: what another outlet may have printed in
    their place ("It [the budget cut] was a mistake" / "It was a mistake to cut the budget")."""
    if sentence.unwrapped is None:
        return sentence
    item = SentenceItem(sentence.key, sentence.article_key, None, sentence.unwrapped)
    return dataclasses.replace(prepare(item), speaker=sentence.speaker, body=sentence.body)


def _opens_sentence(text: str) -> bool:
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


def _speaker(name: str) -> str:
    # Speakers arrive canonical (one name per person per event), so plain equality is the contract;
    # folding names here could merge two different people who share a surname.
    return " ".join(name.casefold().split())


# A quotation inside the quote ("reaffirming that 'In God We Trust' is our motto"): a motto, a slogan, a
# title or another person's words, which two speakers may both cite; its marks open after a space and
# close before a space or punctuation, so an apostrophe inside a word ("You've") opens nothing.
_NESTED = re.compile(r"(?:(?<=\s)|^)['‘\"“]((?:[^'‘’\"“”]|(?<=\w)['’](?=\w)){1,80}?)['’\"”](?=[\s.,;:!?]|$)")
# What a nested quotation is read as: one word that no sentence prints.
_NESTED_WORD = " xnestedquotationx "


@lru_cache(maxsize=50_000)
def _own_wording(text: str) -> tuple[str, tuple[bool, ...]]:
    """The wording (:func:`_wording`) with each quotation inside the quote read as one word: the speaker's
    own words, for the rule that links a long shared run whoever the outlets name."""
    wording = _wording(_NESTED.sub(_NESTED_WORD, text))
    return wording[0], wording[4]


@lru_cache(maxsize=50_000)
def _denied(text: str) -> tuple[str, ...]:
    """The content words (``content`` codes) of each quotation inside the quote that a negation of its
    clause comes before ("the war was not 'a war of his choosing'"): words the speaker cites to deny."""
    found: list[str] = []
    flags = _under_negation(text)
    for match in _NESTED.finditer(text):
        at = len(words(text[: match.start()]))
        if at < len(flags) and flags[at] and (content := codes(match.group(1))[0]):
            found.append(content)
    return tuple(found)


def _names_body(name: str) -> bool:
    """Whether a speaker's name names a body rather than a person: an organisation's name
    (:func:`app.core.org_identity.is_body`), one word alone ("Acme", "Telegram": the event's canonical
    name of a person carries the full name some outlet printed), or a name opened by a determiner ("The
    Arizona Republican": a body or a role, never a person's name)."""
    words = name.split()
    return is_body(name) or len(words) == 1 or words[0].casefold() in DETERMINERS


@lru_cache(maxsize=100_000)
def prepare(item: SentenceItem) -> Prepared:
    content, all_words, tokens, spelled, cuts = codes(item.text)
    # A description ("a police spokesman") is weak evidence: another outlet may name the person.
    speaker = _speaker(item.speaker) if item.speaker and not is_description(item.speaker) else None
    numbers = tuple(t for t in tokens if is_number_token(t))
    negated = any(t.startswith("!") for t in tokens)
    return Prepared(
        item.key,
        item.article_key,
        speaker,
        content,
        all_words,
        tokens,
        spelled,
        cuts,
        numbers,
        negated,
        predicates(item.text),
        predicate_words(item.text),
        _under_negation(item.text),
        _names(item.text),
        tuple(words(item.text)),
        _clause_bounds(item.text),
        *_wording(item.text),
        _translated(item.text),
        _opens_sentence(item.text),
        _unwrapped_text(item.text),
        speaker is not None and _names_body(item.speaker or ""),
        *_own_wording(item.text),
        _denied(item.text),
    )
