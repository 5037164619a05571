"""Grouping keys: what makes two figures one quantity. A counted phrase is folded onto its frame and the
stems of its content words ("the Palestinians wounded" and "Palestinian injured" -> "injured palestinian"),
and a figure's kind onto its family (a vague "hundreds" is a count), so that only the wording, never the
value, decides whether two figures measure one thing.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

import snowballstemmer
from snowballstemmer.basestemmer import BaseStemmer

from app.core.lexicon.frames import (
    FUNCTION_WORDS,
    GENERIC_HEADS,
    IRREGULAR_PLURALS,
    NEUTRAL_MODIFIERS,
    NOUN_PHRASE_SYNONYMS,
    NOUN_SYNONYMS,
    PREDICATES,
    SUBSET_MODIFIERS,
    all_forms_pattern,
    frame_of,
)
from app.core.lexicon.units import CROWD_NOUNS

# A snowball stemmer keeps the word it is cutting in its own fields, so one instance shared by the server's
# worker threads garbles words and raises mid-stem: each thread gets its own.
_THREAD = threading.local()
_FORMS = re.compile(rf"\b(?:{all_forms_pattern()})\b")
_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
_PHRASE_SYNONYMS = re.compile(
    r"\b(?:" + "|".join(re.escape(p) for p in sorted(NOUN_PHRASE_SYNONYMS, key=len, reverse=True)) + r")\b"
)
FRAMES = frozenset(PREDICATES)
# Frames that govern a length of time ("sentenced to five years"); a money frame ("spent 12 years coaching")
# does not fix a duration.
_DURATION_FRAMES = frozenset(frame for frame, (kinds, _) in PREDICATES.items() if "duration" in kinds)
# The mark of a part picked out of a total ("five of the dead", "two of those injured"): each outlet picks a
# different part (the Americans among the dead, one family among them), so a part is never the total and
# meets another part only at an equal value.
PART = "partof"
_PARTITIVE = re.compile(r"of (?:the|those|these)\b")
# The stem of what a toll of another incident than the event counts ("killed in another incident", see
# figures.incidents): outlets recall different past incidents, so one such toll meets another only at an equal
# value, like a part, and never conflicts with it.
_OTHER_INCIDENT = "incid"
# Kinds that measure the same dimension: a vague quantity ("hundreds") is a count given as a range.
_FAMILY = {"vague": "count"}
# Kinds whose frame alone says what they are about when they have one: "£25m in damage" and "damage
# estimated at 25 million pounds" are one amount whatever other words surround them.
_FRAME_DECIDES = frozenset({"money", "measure", "duration", "percent"})
# Kinds that never join a toll or an amount: they date or age something, and have their own groups.
DATING_KINDS = frozenset({"date", "year", "age", "ordinal", "time_ago"})
# Words of a length served or agreed ("a five-year term", "a two-year contract"), beside the frames of a
# sentence ("sentenced", "in prison"): such a length is fixed by its frame, never the time since an event.
_TERM_WORDS = ("term", "contract", "tenure")


# A figure's context (``Figure.context``) is the stems of the words near its number, then the stems of the
# rest of its sentence, each marked so: the near words say what the number is about, the far ones only back
# them up ("the longest government shutdown ... for 35 days", where "shutdown" is a clause away).
FAR_MARK = "~"


def near_words(context: str | None) -> frozenset[str]:
    """The stems near the number (a context stored before far words existed holds only these)."""
    return frozenset(w for w in (context or "").split() if not w.startswith(FAR_MARK))


def sentence_words(context: str | None) -> frozenset[str]:
    """Every stem of the figure's sentence: the near ones and the far ones, unmarked."""
    return frozenset(w.removeprefix(FAR_MARK) for w in (context or "").split())


def with_far_words(near: list[str], far: list[str]) -> str | None:
    """A context from its near stems and the other stems of the sentence (marked with FAR_MARK)."""
    seen = set(near)
    return " ".join([*near, *(f"{FAR_MARK}{w}" for w in far if w not in seen)]) or None


def clipped_context(context: str | None, limit: int) -> str | None:
    """A context cut to ``limit`` characters at a word's end (the far words, last, go first)."""
    if context is None or len(context) <= limit:
        return context
    head = context[: limit + 1]
    return (head.rsplit(" ", 1)[0] if " " in head else context[:limit]) or None


def framed_duration(counted: str | None, context: str | None) -> bool:
    """A duration its frame decides ("sentenced to five years", "a five-year contract"): such a length
    never meets the time since an event ("five years ago"), which a plain length of equal value may
    ("a five-year investigation" and "the investigation began five years ago")."""
    words = set(counted_key(counted).split()) if counted else set()
    words |= near_words(context)
    return bool(words & (_DURATION_FRAMES | _TERM_STEMS))


def family(kind: str) -> str:
    return _FAMILY.get(kind, kind)


@lru_cache(maxsize=20_000)
def counted_key(counted: str) -> str:
    """The normalised form of a counted phrase: frames for predicates, stems for the other content words,
    sorted: "the Palestinians wounded" -> "injured palestinian"; "people forced from their homes" ->
    "displaced"; "seriously injured" keeps "serious" (a subset is not the total)."""
    lowered = counted.lower().replace("’", "'")
    lowered = _PHRASE_SYNONYMS.sub(lambda m: NOUN_PHRASE_SYNONYMS[m.group()], lowered)
    frames = {frame_of(m.group()) or m.group() for m in _FORMS.finditer(lowered)}
    if _PARTITIVE.match(lowered):
        frames.add(PART)
    rest = _FORMS.sub(" ", lowered)
    stems: set[str] = set()
    for raw in _WORDS.findall(rest):
        # A possessor names whose quantity it is, which the event already fixes: "Velmora's grain exports"
        # and "the country's grain exports" are one share.
        if raw.endswith("'s"):
            continue
        # Judged without its apostrophe, as it is stemmed: "n'o" is "no", so a key is its own key.
        raw = raw.replace("'", "")
        if raw in FUNCTION_WORDS or raw in GENERIC_HEADS or raw in NEUTRAL_MODIFIERS:
            continue
        if raw in SUBSET_MODIFIERS and "injured" in frames:
            # Only the injured have subsets by severity; "a minor league" is not "lightly" anything.
            stems.add(SUBSET_MODIFIERS[raw])
            continue
        word = NOUN_SYNONYMS.get(raw, IRREGULAR_PLURALS.get(raw, raw))
        if word in FRAMES:
            frames.add(word)
            continue
        # A predicate form the phrase pattern missed because a digit was glued to it ("dead0"): read as its
        # frame here too, or the key's own key would differ ("dead" -> "killed").
        frame = frame_of(word)
        if frame is not None:
            frames.add(frame)
            continue
        stem = _stable_stem(word.replace("'", ""))
        # A stem that is a predicate form ("deady" -> "dead") is read as its frame, or the key's own key would
        # read it so ("dead" -> "killed"): a key must be its own key.
        if (frame := frame_of(stem)) is not None:
            frames.add(frame)
            continue
        # A stem that is a function word ("ins" -> "in") would vanish from the key's own key: a key must
        # be its own key.
        if stem not in FUNCTION_WORDS:
            stems.add(stem)
    return " ".join(sorted(frames | stems))


def quantity_key(kind: str, unit: str | None, key: str | None) -> tuple[str, str, tuple[str, ...]] | None:
    """(family, unit, words) of a figure; None when it says nothing about what it counts: such a figure is
    never grouped, because two bare numbers that happen to be equal are not evidence of one quantity."""
    # Normalised again (idempotent, cached): keys stored by an older release still meet new ones.
    words = tuple(counted_key(key).split()) if key else ()
    if not words:
        return None
    if kind in _FRAME_DECIDES:
        # The frame decides, but a part of a total and a figure of another incident stay marked so: "an
        # altitude of 1,400 km in another test" is not this launch's altitude.
        frames = tuple(w for w in words if w in FRAMES or w in (PART, _OTHER_INCIDENT))
        words = frames if any(w in FRAMES for w in frames) else words
    return family(kind), unit or "", words


def frame_only(key: tuple[str, str, tuple[str, ...]]) -> bool:
    """A key of money, a measure, a duration or a share made of its frame alone ("cost", "rainfall",
    "sentenced"): it says what the number is about but not whose (two banks' costs, two towns' rain, two
    defendants' terms), so such figures also need a shared word of context."""
    family_name, _, words = key
    return family_name in _FRAME_DECIDES and all(w in FRAMES for w in words)


def is_weak(key: tuple[str, str, tuple[str, ...]]) -> bool:
    """A count of one bare noun with no predicate ("seasons", "points", "sons"), a part of a total, or a
    rank of one noun ("lap 20", "the third day"): a different lap is another lap, never a disagreement."""
    family_name, _, words = key
    if family_name == "ordinal":
        return len(words) == 1
    if family_name == "count" and len(words) == 1 and words[0] in _CROWD_STEMS:
        # A crowd of one kind ("226 passengers", "more than a million migrants") is the event's crowd, told
        # with outlets' own rounding: never a tally said of many subjects.
        return False
    return family_name == "count" and (
        (len(words) == 1 and words[0] not in FRAMES) or PART in words or _OTHER_INCIDENT in words
    )


def _stable_stem(word: str) -> str:
    # Stemming a stem may cut again ("aass" -> "aas" -> "aa"); a key must be its own key, so stem to a
    # fixed point (two or three rounds at most in practice).
    for _ in range(6):
        stemmed = _stem(word)
        if stemmed == word:
            break
        word = stemmed
    return word


def _stem(word: str) -> str:
    # Demonyms first, on the singular ("Israelis" -> "israel"): the stemmer alone would cut "israelis" to
    # "isra" and "israel" to "israel".
    if len(word) > 4 and word.endswith("men"):
        word = word[:-3] + "man"  # "fishermen", "firemen", "gunmen"
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    place = _place_word(singular)
    return place if place != singular else _place_word(_stemmer().stemWord(word))


def _stemmer() -> BaseStemmer:
    stemmer = getattr(_THREAD, "stemmer", None)
    if stemmer is None:
        stemmer = _THREAD.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def _place_word(stem: str) -> str:
    """Fold a demonym onto its place so that "Israelis killed" meets "people killed in Israel"."""
    if len(stem) > 5 and stem.endswith("ian"):
        return stem[:-3]
    if len(stem) > 4 and stem.endswith("ia"):
        return stem[:-2]
    if len(stem) > 4 and stem.endswith("i") and stem[-2] not in "aeiou":
        return stem[:-1]
    return stem


_TERM_STEMS = frozenset(_stable_stem(word) for word in _TERM_WORDS)
_CROWD_STEMS = frozenset(counted_key(word) for word in CROWD_NOUNS)
