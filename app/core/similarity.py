"""Word-level comparison of texts across outlets: spelling-variant folding, word tokens as compact strings,
the claim tokens the statement aligner compares, and the share of one article's text found in another
(near copies such as wire copy).

The folding and encoding helpers here are shared by the statement aligner and the word diff, so that all
three agree on when two words are "the same word".
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, LCSseq

from app.core.lexicon.calendar import MONTH_ABBREVIATIONS
from app.core.lexicon.predicates import (
    BETWEEN_AUXILIARY_AND_VERB,
    FUTURE_AUXILIARIES,
    INTERCHANGEABLE_VERBS,
    NEGATION_PASSES_OVER,
    NOT_PREDICATES,
    OBJECT_DETERMINERS,
    PAST_AUXILIARIES,
    PREDICATE_AUXILIARIES,
    SUBJECT_PRONOUNS,
)
from app.core.lexicon.words import SENTENCE_OPENERS, STOPWORDS
from app.core.numbers import SCALE_WORDS, WORD_NUMBER_PATTERN, parse_digits, parse_word_number
from app.core.text import normalise_for_matching

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Spellings that no suffix rule reaches. Keys and values are already accent-free and casefolded.
_VARIANTS: dict[str, str] = {
    "turkiye": "turkey",
    "kiev": "kyiv",
    "grey": "gray",
    "programme": "program",
    "programmes": "programs",
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "towards": "toward",
    "amongst": "among",
    "whilst": "while",
    "okay": "ok",
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "ageing": "aging",
    "travelled": "traveled",
    "travelling": "traveling",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labelled": "labeled",
    "modelled": "modeled",
    "signalled": "signaled",
    "fuelled": "fueled",
    "counselled": "counseled",
    "dialogue": "dialog",
    "catalogue": "catalog",
    "analogue": "analog",
    "cheque": "check",
    "tyre": "tire",
    "tyres": "tires",
    "plough": "plow",
    "sceptical": "skeptical",
    "mould": "mold",
}
# UK -our/-ise/-yse/-tre/-bre to US. The stem must be long enough that short words ("four", "your", "size",
# "prize") never fold onto a different word.
_OUR = re.compile(r"^(\w{2,})our(s|ed|ing|ite|ites|able|ful|er|ers|hood|hoods|less)?$")
_ISE = re.compile(r"^(\w{3,})([iy])z(e|es|ed|ing|ation|ations|er|ers)$")
_TRE = re.compile(r"^(\w{2,})(t|b)re(s|d)?$")


def fold_word(word: str) -> str:
    """The matching form of one word: casefolded, accents, apostrophes and UK/US spelling folded.

    ``fold_word("Neighbouring") == fold_word("neighboring")``, ``fold_word("Türkiye’s") == "turkey's"``.
    """
    return _fold_word_cached(word)


@lru_cache(maxsize=200_000)
def _fold_word_cached(word: str) -> str:
    text = normalise_for_matching(word)
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    possessive = ""
    if text.endswith("'s"):
        text, possessive = text[:-2], "'s"
    text = _VARIANTS.get(text, text)
    if (m := _OUR.match(text)) is not None:
        text = f"{m.group(1)}or{m.group(2) or ''}"
    elif (m := _ISE.match(text)) is not None:
        text = f"{m.group(1)}{m.group(2)}s{m.group(3)}"
    elif (m := _TRE.match(text)) is not None:
        text = f"{m.group(1)}{m.group(2)}er{m.group(3) or ''}"
    return text + possessive


def stem(folded: str) -> str:
    """A crude suffix-stripping stem of a folded word, enough to let "balance"/"balanced" and
    "imposed"/"imposing" meet in re-translated quotes. One suffix only, never below three letters."""
    word = folded[:-2] if folded.endswith("'s") else folded
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s", "e", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)]
    return word


def words(text: str) -> list[str]:
    """The folded words of ``text`` (punctuation and quote marks dropped)."""
    return [fold_word(w) for w in _WORD.findall(text)]


@lru_cache(maxsize=50_000)
def content_stems(text: str) -> tuple[str, ...]:
    """The stems of the content words of ``text``, in order (stopwords removed)."""
    return tuple(stem(w) for w in words(text) if w.split("'")[0] not in STOPWORDS)


# Word -> one code point. rapidfuzz compares str fastest, so a word list becomes a string with one
# character per word and its string metrics become word-level metrics. The code is a stable hash (CRC-32)
# into planes 1-16, which hold no surrogates: no shared state, the same in every process, and it cannot
# run out. Two words share a code about once in a million pairs, which at worst adds one "shared" word
# to a comparison; the word diff re-checks every equal token, so it never shows such a pair as equal.
_FIRST_CODE = 0x10000
_CODE_SPACE = 0x110000 - _FIRST_CODE


@lru_cache(maxsize=200_000)
def _code(token: str) -> str:
    return chr(_FIRST_CODE + zlib.crc32(token.encode("utf-8", "surrogatepass")) % _CODE_SPACE)


def encode(tokens: Iterable[str]) -> str:
    """Encode a sequence of words as a string of one character per word (same word -> same character)."""
    return "".join(_code(token) for token in tokens)


@lru_cache(maxsize=4_096)
def _encoded_words(text: str) -> str:
    return encode(words(text))


@lru_cache(maxsize=4_096)
def _shingles(text: str, size: int) -> frozenset[str]:
    coded = _encoded_words(text)
    return frozenset(coded[i : i + size] for i in range(max(0, len(coded) - size + 1)))


def shared_text_share(a: str, b: str) -> float:
    """The share of article ``a``'s words that also appear in ``b``, in the same order (0.0-1.0).

    Word-level longest common subsequence over folded words, so a dropped word, a swapped sentence or a
    re-spelling costs only the words it touches. Asymmetric: a short wire story copied whole into a long
    article has share 1.0 in it, while the long article's share in the short one is low.
    """
    coded_a = _encoded_words(a)
    if not coded_a:
        return 0.0
    return LCSseq.similarity(coded_a, _encoded_words(b)) / len(coded_a)


@dataclass(frozen=True, slots=True)
class NearCopy:
    """``other`` shares ``share_new`` of the new article's words and ``share_other`` of its own."""

    other: int
    share_new: float
    share_other: float


def near_copies(
    new_text: str,
    others: Sequence[tuple[int, str]],
    *,
    threshold: float = 0.6,
    shingle_size: int = 3,
    prefilter: float = 0.2,
) -> list[NearCopy]:
    """The articles of ``others`` (key, text) that are near copies of ``new_text``.

    A pair is reported when either direction's share reaches ``threshold``. Default 0.6: a re-edited
    wire story keeps well over 60% of its words in order, while two independent reports of one event
    that quote the same sentences share 20-40%. Before the LCS pass, a pair must have at least
    ``prefilter`` of the smaller article's word ``shingle_size``-grams in common; containment rather than
    Jaccard, because a short wire story inside a long article has a low Jaccard but is still a copy.
    Every edit breaks at most ``shingle_size`` shingles, so 0.2 keeps copies with one edit in ten words.
    Sorted by the larger share, highest first.
    """
    new_shingles = _shingles(new_text, shingle_size)
    found: list[NearCopy] = []
    for key, text in others:
        other_shingles = _shingles(text, shingle_size)
        smaller = min(len(new_shingles), len(other_shingles))
        if smaller == 0:
            continue
        if len(new_shingles & other_shingles) < prefilter * smaller:
            continue
        common = LCSseq.similarity(_encoded_words(new_text), _encoded_words(text))
        share_new = common / max(1, len(_encoded_words(new_text)))
        share_other = common / max(1, len(_encoded_words(text)))
        if max(share_new, share_other) >= threshold:
            found.append(NearCopy(key, share_new, share_other))
    found.sort(key=lambda c: (-max(c.share_new, c.share_other), c.other))
    return found


# --- claim tokens: the words the statement aligner compares -------------------------------------------------
#
# Outlets re-print one sentence with its wording changed in ways that do not change the claim: contractions
# expanded, numbers in words or digits, an editor's "[the ministry]" for "they", a translator's "prepared"
# for "ready". ``claim_tokens`` folds those away and keeps what does change the claim: numbers and negation.

# "[the government]", "[sic]", "[...]": an editor's insertion, not the speaker's words.
_BRACKETED = re.compile(r"\[[^\[\]]{0,80}\]")
_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}
_MONEY = re.compile(
    r"([$£€])\s?(\d[\d,]*(?:\.\d+)?(?:\s?(?:mn|bn|tn|m|k)\b|[\s-](?:thousand|million|billion|trillion)\b)?)"
)
# Times of day printed with or without dots ("3 p.m." / "3pm" / "3 PM").
_TIME_OF_DAY = re.compile(r"(?<=\d)\s?([ap])\.?\s?m\b\.?", re.IGNORECASE)
_PERCENT = re.compile(r"\s?%|\bper\s?cent\b")
_DIGIT_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
    r"(?:(mn|bn|tn|m|k)\b|[\s-](thousand|million|billion|trillion)\b)?(?![\w,]*\d)"
)
_WORD_NUMBER = re.compile(WORD_NUMBER_PATTERN)
# Word-joining hyphens: "cease-fire" ~ "ceasefire", "de-escalation" ~ "deescalation".
_HYPHEN_JOIN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# "No-one" is the British spelling of "no one": two words, the first a negation, not one word "noone"
# (the hyphen join would hide the negation and the shared wording).
_NO_ONE = re.compile(r"\bno-one\b", re.IGNORECASE)

# Negation words that negate nothing: "not only X but also Y", "no doubt", and "No," answering a question
# ("No, we will attend." says what "We will attend." says), also after a discourse marker ("So no, ...",
# "Well, no. ...").
_NOT_NEGATION = re.compile(
    r"\b(?:not (?:only|just|merely)|no doubt|without doubt)\b"
    r"|^\W*(?:(?:so|oh|well|and|but|look|uh|um)\W+)?no\b\s*[,.!;:]",
    re.IGNORECASE,
)
# "refused to publish", "failed to warn": a verb that negates the next one, read as "not publish".
_IMPLICIT_NOT = re.compile(r"\b(?:refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?) to\b")

_NOT_CONTRACTIONS: dict[str, str] = {"won't": "will", "can't": "can", "shan't": "shall", "ain't": "is"}
# A transcript's spoken forms ("we're gonna fix it") that another outlet prints in full.
_SPOKEN_CONTRACTIONS: dict[str, tuple[str, str]] = {
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "hafta": ("have", "to"),
    "outta": ("out", "of"),
}
_CLITICS: dict[str, str] = {"'re": "are", "'ll": "will", "'ve": "have", "'d": "would", "'m": "am"}

# A negation whose verb is left out, its clause ended and the next one opened by a conjunction ("they
# don't, because ...", "I won't; but ..."); "not, under any circumstances, attend" still negates "attend".
_ELIDED_AFTER_NEGATION = re.compile(
    r"[,;:.!?]+\s+(?:because|but|and|so|since|as|or|if|when|though|although|yet)\b", re.IGNORECASE
)

# An aside of five words at most between a negation and the word it negates ("We will not, under any
# circumstances, attend", "It was not, as he said, a mistake"): the negation goes past it to the first word
# after its closing comma.
_ASIDE_AFTER_NEGATION = re.compile(
    r",\s+(?!(?:but|and|or|yet|so)\b)(?:[^\s,.;:!?]+\s+){0,4}[^\s,.;:!?]+,", re.IGNORECASE
)

# Words that negate what follows. Negation is attached to the next content word ("not attend" -> "!attend"),
# so "We will attend" and "We will not attend" share no content word, while a trimmed clause keeps its own.
NEGATORS: frozenset[str] = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor"})
# "I don't think we will win" says what "I think we will not win" says: the negation passes over these verbs
# to the next content word (the usual reading of neg-raising verbs).
_NEG_RAISING: frozenset[str] = frozenset({"think", "expect", "suppose", "want"})

# The commonest re-translation pairs in news quotes, folded to one word before stemming. Kept to words that
# are interchangeable in almost every quoted context; a target that is a stopword drops the word.
SYNONYMS: dict[str, str] = {
    "prepared": "ready",
    "assist": "help",
    "assists": "help",
    "assisted": "help",
    "assisting": "help",
    "assistance": "help",
    "aid": "help",
    "begin": "start",
    "begins": "start",
    "began": "start",
    "begun": "start",
    "beginning": "start",
    "commence": "start",
    "commenced": "start",
    "wish": "want",
    "wishes": "want",
    "crucial": "important",
    "vital": "important",
    "essential": "important",
    "action": "act",
    "actions": "acts",
    "wounded": "injured",
    "hurt": "injured",
    "nation": "country",
    "nations": "countries",
    "kids": "children",
    "kid": "child",
    "permit": "allow",
    "permitted": "allowed",
    "require": "need",
    "requires": "needs",
    "required": "needed",
    "believe": "think",
    "believes": "think",
    "negotiations": "talks",
    "negotiation": "talks",
    "soldiers": "troops",
    "inhabitants": "residents",
    "witnessing": "seeing",
    "witness": "see",
    "stated": "said",
    "states": "state",
    "large": "big",
    "huge": "big",
    # Approximations are one qualifier printed several ways; "about" is a stopword, so all drop.
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    # UK past tenses in -t.
    "learnt": "learned",
    "burnt": "burned",
    "spelt": "spelled",
    "dreamt": "dreamed",
    # Month abbreviations ("Oct. 7" / "October 7"); "may" and "march" are never abbreviated.
    "jan": "january",
    "feb": "february",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
# Irregular verb forms to their base, so that "has taken" meets "takes" as regular verbs meet by stemming.
_IRREGULAR: dict[str, str] = {
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "made": "make",
    "went": "go",
    "gone": "go",
    "came": "come",
    "saw": "see",
    "seen": "see",
    "held": "hold",
    "brought": "bring",
    "thought": "think",
    "found": "find",
    "kept": "keep",
    "met": "meet",
    "sent": "send",
    "spent": "spend",
    "built": "build",
    "lost": "lose",
    "paid": "pay",
    "won": "win",
    "ran": "run",
    "fell": "fall",
    "fallen": "fall",
    "led": "lead",
    "chose": "choose",
    "chosen": "choose",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "broke": "break",
    "broken": "break",
    "knew": "know",
    "known": "know",
    "grew": "grow",
    "grown": "grow",
    "shown": "show",
    "drove": "drive",
    "driven": "drive",
    "stood": "stand",
    "understood": "understand",
    "sought": "seek",
    "fought": "fight",
    "caught": "catch",
    "taught": "teach",
    "bought": "buy",
    "felt": "feel",
    "heard": "hear",
    "meant": "mean",
    "flew": "fly",
    "flown": "fly",
    "rose": "rise",
    "risen": "rise",
    "shook": "shake",
    "shaken": "shake",
    "forgot": "forget",
    "forgotten": "forget",
    "hid": "hide",
    "hidden": "hide",
    "stole": "steal",
    "stolen": "steal",
    "struck": "strike",
    "sold": "sell",
    "sat": "sit",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "drunk": "drink",
    "swam": "swim",
}
# Acronyms with or without dots ("U.S." / "US" / "United States"), read before casefolding so that the
# country "US" never becomes the pronoun "us".
_DOTTED_ACRONYM = re.compile(r"\b((?:[A-Z]\.){2,})")
_NAMED_ACRONYMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:the )?United States(?: of America)?\b|\bUSA?\b"), " usa "),
    (re.compile(r"\b(?:the )?United Nations\b|\bUN\b"), " un "),
    (re.compile(r"\b(?:the )?United Kingdom\b|\bUK\b"), " uk "),
    (re.compile(r"\b(?:the )?European Union\b|\bEU\b"), " eu "),
)
_NUMBER_TOKEN = re.compile(r"^\d+(?:p\d+)?$")


def _number_text(value: float) -> str:
    # A word-shaped token ("3000", "1p5") so that the word pattern keeps it whole.
    return str(int(value)) if value == int(value) else repr(value).replace(".", "p")


def _digits_value(match: re.Match[str]) -> str:
    value = parse_digits(match.group(1) + (match.group(2) or ""))
    scale = match.group(3) or match.group(4)
    if value is None:
        return match.group(0)
    if scale:
        value *= SCALE_WORDS[scale]
    return f" {_number_text(value)} "


def _words_value(match: re.Match[str]) -> str:
    text = match.group(0)
    # A bare "one" is usually a pronoun ("one of the sides", "no one"), and "a"/"an" alone are articles.
    if text in ("one", "a", "an") or (text.startswith(("a ", "an ")) and text.count(" ") == 0):
        return text
    value = parse_word_number(text)
    return text if value is None else f" {_number_text(value)} "


def is_number_token(token: str) -> bool:
    """True for a claim token that stands for a number ("3000", "1p5")."""
    return _NUMBER_TOKEN.match(token) is not None


def claim_stem(folded: str) -> str:
    """A two-step suffix stem for claim tokens: one inflection, then one derivation, so that "escalation",
    "escalated" and "escalate" meet (``stem`` stays as it is for the figure labels that rely on it)."""
    word = folded[:-2] if folded.endswith("'s") else folded
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    else:
        for suffix in ("ing", "ed", "es", "s", "ly"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                if not (suffix == "s" and word.endswith(("ss", "us", "is"))):
                    word = word[: -len(suffix)]
                break
    for suffix in ("ation", "ion", "ment", "ate", "at"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 5:
            return word[: -len(suffix)]
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _expand(folded: str) -> list[str]:
    """Split a contraction into its words: "won't" -> will not, "we'll" -> we will, "it's" -> it."""
    if folded in _NOT_CONTRACTIONS:
        return [_NOT_CONTRACTIONS[folded], "not"]
    if folded.endswith("n't"):
        return [folded[:-3], "not"]
    if folded == "cannot":
        return ["can", "not"]
    if folded in _SPOKEN_CONTRACTIONS:
        return list(_SPOKEN_CONTRACTIONS[folded])
    for clitic, full in _CLITICS.items():
        if folded.endswith(clitic):
            return [folded[: -len(clitic)], full]
    if folded.endswith("'s") and folded[:-2] in STOPWORDS:
        # "it's", "that's", "let's": a pronoun with "is"/"us", both function words.
        return [folded[:-2]]
    return [folded]


@lru_cache(maxsize=50_000)
def _claim_text(text: str) -> str:
    """``text`` with what a re-print changes and the claim does not folded away: editorial brackets,
    dotted and spelled-out acronyms, "not only", "refused to", money, percent, numbers as values and
    word-joining hyphens."""
    text = _DOTTED_ACRONYM.sub(lambda m: m.group(1).replace(".", "") + " ", _BRACKETED.sub(" ", text))
    for pattern, name in _NAMED_ACRONYMS:
        text = pattern.sub(name, text)
    text = normalise_for_matching(text)
    text = _NOT_NEGATION.sub(" ", text)
    text = _IMPLICIT_NOT.sub("not", text)
    text = _MONEY.sub(lambda m: f"{m.group(2).replace('-', ' ')} {_CURRENCY[m.group(1)]}", text)
    text = _TIME_OF_DAY.sub(lambda m: f" {m.group(1).lower()}m ", text)
    text = _PERCENT.sub(" percent", text)
    text = _WORD_NUMBER.sub(_words_value, text)
    text = _DIGIT_NUMBER.sub(_digits_value, text)
    return _HYPHEN_JOIN.sub("", _NO_ONE.sub(lambda m: m.group(0)[:2] + " one", text))


@lru_cache(maxsize=50_000)
def wording_tokens(text: str) -> tuple[str, ...]:
    """Every word of a quote sentence, function words too, as two outlets printing the same words would
    both have them: the claim text's folding (brackets, acronyms, numbers, hyphens) and contractions
    expanded ("It's 3,000 too many" / "It is three thousand too many" differ by the "is" that "it's"
    drops, "Oct." is "October"), but no synonym and no stem: the wording, not the claim."""
    return tuple(
        SYNONYMS.get(word, word) if word in MONTH_ABBREVIATIONS else word
        for raw in _WORD.findall(_claim_text(text))
        for word in _expand(fold_word(raw))
        if word
    )


# "going to" and a verb (not a determiner, a number or a capitalised place: "going to the polls", "going to
# Paris"): the future auxiliary.
_FUTURE_GOING = re.compile(
    r"\s+to\s+(?!(?:the|a|an|this|that|these|those|my|his|her|our|their|your|its|be)\b)[a-z]"
)


@lru_cache(maxsize=50_000)
def claim_tokens(text: str) -> tuple[str, ...]:
    """The content words of a quote sentence as the aligner compares them, in order.

    Editorial brackets dropped, contractions expanded, numbers as values ("3,000", "three thousand" ->
    "3000"), common re-translation synonyms folded, stopwords removed, stems; a negated word carries a
    leading "!" ("We won't attend" -> ("!attend",)).
    """
    tokens: list[str] = []
    negated = False
    claim_text = _claim_text(text)
    aside: int | None = None  # where an aside between a negation and its word opened ("not, frankly, ...")
    for match in _WORD.finditer(claim_text):
        if aside is not None and "," in claim_text[aside : match.start()]:
            aside = None  # the aside closed: the negation falls on this word
        expanded = _expand(fold_word(match.group(0)))
        if expanded == ["going", "to"] or (
            expanded[-1:] == ["going"] and _FUTURE_GOING.match(claim_text, match.end())
        ):
            # "going to" before a verb ("gonna") is the future, a function word like "will": "not going to
            # talk" and "not going to allow" share no content word by it.
            expanded = [word for word in expanded if word != "going"]
        for word in expanded:
            word = SYNONYMS.get(word, word)
            word = _IRREGULAR.get(word, word)
            if word in NEGATORS:
                negated = True
                continue
            if negated and word in NEGATION_PASSES_OVER:
                # Kept as a word of its own; the negation goes on to the word it negates.
                tokens.append(claim_stem(word))
                continue
            if not word or word.split("'")[0] in STOPWORDS:
                continue
            if word in _NEG_RAISING or is_number_token(word):
                tokens.append(word if is_number_token(word) else claim_stem(word))
                continue
            if aside is not None:
                tokens.append(claim_stem(word))
                continue
            tokens.append(("!" if negated else "") + claim_stem(word))
            negated = False
        # Only a verb's negation ("not", "n't", "never") reaches past an aside: in "No one, including the
        # president, is above the law" the negation is the subject's.
        verbal = expanded[-1:] == ["not"] or expanded[-1:] == ["never"]
        if aside is None and verbal and negated and _ASIDE_AFTER_NEGATION.match(claim_text, match.end()):
            aside = claim_text.index(",", match.end()) + 1
        elif negated and _ELIDED_AFTER_NEGATION.match(claim_text, match.end()):
            # "They don't, because we will ...": the negated verb is left out, and the negation ends with
            # its clause rather than falling on the next one's first word.
            tokens.append("!")
            negated = False
    if negated:
        # A negation with nothing after it ("Absolutely not.") still counts as a word of the claim.
        tokens.append("!")
    return tuple(tokens)


# --- predicates: what the sentence says happens --------------------------------------------------------------
#
# Two sentences about one subject share its words ("the border crossing ... trucks on Monday") and still make
# two claims when their verbs differ ("will reopen" / "was closed"). Without a tagger a predicate is found by
# its neighbours: the word after an auxiliary or a subject pronoun, or a lower-case word before a determiner.

_SPLIT_CLITIC = re.compile(r"^(\w+)('ll|'re|'ve|'d|'m)$")
_PRONOUN_IS = frozenset({"it's", "that's", "he's", "she's", "there's", "what's", "who's"})
_IRREGULAR_PAST = frozenset(_IRREGULAR)


@dataclass(frozen=True, slots=True)
class Predicate:
    """One predicate of a sentence: its claim token and its tense when the words show one."""

    token: str
    tense: str | None  # "future", "past" or None


def _split_clitics(raw: str) -> list[str]:
    folded = fold_word(raw)
    if folded in _NOT_CONTRACTIONS:
        return [_NOT_CONTRACTIONS[folded], "n't"]
    if folded == "cannot":
        return ["can", "n't"]
    if folded.endswith("n't"):
        return [folded[:-3], "n't"]
    if folded in _PRONOUN_IS:
        return [folded[:-2], "is"]
    if (m := _SPLIT_CLITIC.match(folded)) is not None:
        return [m.group(1), m.group(2)]
    return [folded]


def _predicate_token(word: str) -> str | None:
    tokens = claim_tokens(word)
    if not tokens:
        return None
    token = tokens[0].lstrip("!")
    return token if token and not is_number_token(token) else None


def _is_past_form(word: str) -> bool:
    return word in _IRREGULAR_PAST or word.endswith("ed")


# Punctuation that ends a clause: a predicate and its neighbour are looked for within one clause
# ("to this crowd, this is" has no verb before "this").
_CLAUSE_PUNCTUATION = re.compile(r"[,;:.!?()\[\]\u2013\u2014\"\u201c\u201d]|\s-\s")


def _tense(word: str) -> str | None:
    return "future" if word in FUTURE_AUXILIARIES else "past" if word in PAST_AUXILIARIES else None


def _in_chain(word: str, opener: frozenset[str]) -> bool:
    return word in opener or word in BETWEEN_AUXILIARY_AND_VERB or word.endswith("ly")


def _not_a_verb(word: str) -> bool:
    return word in SENTENCE_OPENERS or word in NOT_PREDICATES


@lru_cache(maxsize=50_000)
def predicates(text: str) -> tuple[Predicate, ...]:
    """The predicates of a quote sentence, in order: the first content word after an auxiliary or a
    subject pronoun (past a few adverbs: "will not reopen", "have already left"), and a lower-case
    content word right before a determiner and not after one ("gives our", "held its"; not "the moment
    the"). Looked for within each clause. One pass, bounded look-ahead."""
    found: list[Predicate] = []
    opener = PREDICATE_AUXILIARIES | SUBJECT_PRONOUNS
    for clause in _CLAUSE_PUNCTUATION.split(text):
        split = [(word, raw[0].islower()) for raw in _WORD.findall(clause) for word in _split_clitics(raw)]
        i = 0
        while i < len(split):
            word, lower = split[i]
            if word in opener:
                # A chain of subject and auxiliaries ("we have already", "will not be"): one predicate,
                # with the tense any of them gives.
                tense = _tense(word)
                j = i + 1
                while j < len(split) and j - i <= 4 and _in_chain(split[j][0], opener):
                    tense = tense or _tense(split[j][0])
                    j += 1
                i = j + 1
                if j >= len(split) or _not_a_verb(split[j][0]):
                    continue
                verb = split[j][0]
                if tense is None and word in SUBJECT_PRONOUNS and _is_past_form(verb):
                    tense = "past"
                if (token := _predicate_token(verb)) is not None:
                    found.append(Predicate(token, tense))
                continue
            if (
                lower
                and i + 1 < len(split)
                and split[i + 1][0] in OBJECT_DETERMINERS
                and not _not_a_verb(word)
                and (i == 0 or split[i - 1][0] not in OBJECT_DETERMINERS)
                and (token := _predicate_token(word)) is not None
            ):
                found.append(Predicate(token, "past" if _is_past_form(word) else None))
            i += 1
    return tuple(found)


@lru_cache(maxsize=50_000)
def predicate_words(text: str) -> frozenset[str]:
    """What a predicate of another sentence is looked up in: the claim tokens of ``text`` (negation marks
    dropped) and every word of it read as a predicate is read, so that a verb the claim tokens rewrite
    ("refused to" -> "not", "re-open" -> "reopen") still meets itself."""
    tokens = {t.lstrip("!") for t in claim_tokens(text)}
    for raw in _WORD.findall(text):
        for word in _split_clitics(raw):
            if (token := _predicate_token(word)) is not None:
                tokens.add(token)
    return frozenset(tokens)


_INTERCHANGEABLE: tuple[frozenset[str], ...] = tuple(
    frozenset(t for verb in group if (t := _predicate_token(verb))) for group in INTERCHANGEABLE_VERBS
)


def _predicate_in(token: str, tokens: frozenset[str]) -> bool:
    """True when the other sentence has the predicate's word, an interchangeable verb, or the word one
    edit away (a typo: "recieved"), long words only."""
    if token in tokens:
        return True
    if any(token in group and group & tokens for group in _INTERCHANGEABLE):
        return True
    return len(token) >= 5 and any(
        len(t) >= 5 and t[0] == token[0] and OSA.distance(token, t, score_cutoff=1) <= 1 for t in tokens
    )


def predicates_differ(
    first: Sequence[Predicate],
    tokens_a: frozenset[str],
    second: Sequence[Predicate],
    tokens_b: frozenset[str],
) -> bool:
    """True when two sentences say different things happen: one verb in the future in one and in the past
    in the other ("will hold" / "held"), or each has predicates and none of either is in the other
    ("will reopen" / "was closed", "should attach importance" / "are responsible"). A sentence whose
    predicates the other holds is a trim or a re-wording of it, and a sentence that shares one predicate
    shares the claim; only sentences that share none conflict. ``tokens_*`` are the sentences'
    :func:`predicate_words`."""
    if not first or not second:
        return False
    for one in first:
        for other in second:
            if one.token == other.token and {one.tense, other.tense} == {"future", "past"}:
                return True
    return not any(_predicate_in(p.token, tokens_b) for p in first) and not any(
        _predicate_in(p.token, tokens_a) for p in second
    )
