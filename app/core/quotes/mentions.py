"""What a speaker mention is: its shape, its cleaning, and the patterns that find a name or role inside one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.lexicon.frames import NOUNS_IN_LY
from app.core.lexicon.speech import GROUP_SPEAKERS, PERSON_NOUNS, ROLE_NOUNS, ROLE_SYNONYMS, SPEAKING_NOUNS
from app.core.lexicon.words import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    IRREGULAR_PAST,
    LEADING_FILLER,
    OTHER_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_OPENERS,
    STOPWORDS,
    TRAILING_FILLER,
)
from app.core.quotes.cues import VERB_SET
from app.core.quotes.people import _AGE, _CAP_RUN, _HYPHEN_PARTICLE, _PARENTHETICAL, _PARTICLE
from app.core.text import is_abbreviation


@dataclass(slots=True)
class Mention:
    """Who an attribution names, as printed, and where it starts in the body."""

    text: str
    start: int


# "A spectator can be heard saying", "Roe was heard on the team radio saying": how the words reached the
# reporter, between the speaker and the cue.
_HEARD = re.compile(
    r"\s+(?:can|could|may|might|was|were|is|are)\s+(?:be\s+|been\s+)?(?:heard|seen|filmed|recorded)\b.*$",
    re.DOTALL,
)


def clean_mention(text: str) -> str:
    """``text`` without ages, parentheses, edge punctuation, filler words ("also", "then") and how the words
    were heard ("can be heard")."""
    text = _HEARD.sub("", text)
    text = _AGE.sub("", _PARENTHETICAL.sub("", text)).strip(" ,;:—–-\n\t")
    words = text.split()
    # The words between the subject and its verb go first: "She also" keeps its pronoun ("she" is leading
    # filler only before a name, "and she Ortiz ...").
    while words and words[-1].casefold().strip(",") in TRAILING_FILLER and len(words) > 1:
        words.pop()
    while words and words[0].casefold() in LEADING_FILLER and len(words) > 1:
        words.pop(0)
    return " ".join(_without_predicate(words)).strip(" ,")


# What follows a verb whose subject the mention was: an object's determiner, a particle, "by" or "to"
# ("responded by", "walked back the comments", "tried to", "put out a statement").
_AFTER_PREDICATE = frozenset(
    {"the", "a", "an", "his", "her", "their", "its", "this", "by", "to", "back", "out", "up", "off", "down"}
)


def _manner_adverb(word: str) -> bool:
    low = word.casefold()
    return word.islower() and low.endswith("ly") and len(low) > 4 and low not in NOUNS_IN_LY


_PARTICLES_AFTER_VERB = frozenset({"back", "out", "up", "off", "down"})


def _passive_by(words: list[str], index: int) -> bool:
    """Whether "by" and its agent follow a verb form at ``index`` (past its particle): "filed by the state
    attorney", "sent out by Jo Roe"; not "responded by saying"."""
    while index < len(words) and words[index].casefold() in _PARTICLES_AFTER_VERB:
        index += 1
    return (
        index + 1 < len(words)
        and words[index].casefold() == "by"
        and not words[index + 1].casefold().endswith("ing")
    )


def _without_predicate(words: list[str]) -> list[str]:
    """A mention that ran on into what the speaker did ("A Chinese official responded by", "His office put
    out a statement", "a member of the crew calmly"): the words before the verb and the manner adverbs
    before it. A verb form after a determiner or a preposition modifies a noun ("a retired nurse", "of the
    injured") and stays. A noun phrase right before the mention's own article is an opening adverbial
    without its comma ("after the incident a member of the crew"): the mention starts at that article."""
    for i in range(len(words) - 1, 1, -1):
        before = words[i - 1]
        if (
            words[i].casefold() in ("a", "an", "the")
            and words[i - 2].casefold() in ("a", "an", "the")  # "the incident | a member", not "issued | a"
            and before.isalpha()
            and before.islower()
            and before.casefold() not in STOPWORDS | PREPOSITIONS | DETERMINERS | TRAILING_FILLER
            and not before.endswith("ly")
        ):
            words = words[i:]
            break
    for i in range(2, len(words)):
        word = words[i]
        low = word.casefold()
        if not word.islower() or words[i - 1].casefold() in DETERMINERS | PREPOSITIONS:
            continue
        following = words[i + 1].casefold() if i + 1 < len(words) else ""
        if ((low.endswith("ed") and len(low) > 4) or low in IRREGULAR_PAST) and (
            not following or following in _AFTER_PREDICATE
        ):
            if _passive_by(words, i + 1):
                continue  # "a fundraising email sent out by Jo Roe": a participle of the noun, not its verb
            cut = i
            while cut > 2 and _manner_adverb(words[cut - 1]):
                cut -= 1
            return words[:cut]
    end = len(words)
    while end > 2 and _manner_adverb(words[end - 1]):
        end -= 1
    return words[:end]


def valid_mention(text: str) -> bool:
    """Whether ``text`` can be a speaker mention (a name, a pronoun, a description), not a clause."""
    words = text.split()
    if not words or len(words) > 10 or any(c in text for c in '"“”«»'):
        return False
    low = words[0].casefold()
    if low in PRONOUNS or low in OTHER_PRONOUNS:
        return len(words) == 1
    if any(w.casefold() in AUXILIARIES or w.casefold() in CLAUSE_WORDS for w in words[1:]):
        return False
    if low in VERB_SET or (low in AUXILIARIES and not (len(words) == 1 and words[0][0].isupper())):
        # "Asked what she would tell ..." is a clause, not a speaker; a lone capitalised "Will" or "May"
        # right before the cue is a surname ("May said", "Will wrote").
        return False
    if re.fullmatch(_PARTICLE, low) and len(words) > 1 and words[1][0].isupper():
        return True  # "bin Rashid said", "von Hohenfeld added"
    if re.match(_HYPHEN_PARTICLE + r"[A-Z]", words[0]):
        return True  # "al-Rashid said"
    if low in ROLE_NOUNS and any(w[0].isupper() for w in words[1:]):
        return True  # "owner Kim Lo said", "union president Amy Fox said"
    if len(words) <= 7 and words[-1][0].isupper() and words[0][0].islower() and low not in SENTENCE_OPENERS:
        # "campaign manager Robby Mook said", "psychotherapist Jo Bloggs says": a description, then a name.
        return True
    if low in DETERMINERS:
        if len(words) == 1 and low in ARTICLES_AND_POSSESSIVES and low != "another":
            return False  # a lone "the" or "his" names no one
        return low not in ARTICLES_AND_POSSESSIVES or speaking_description(text)
    if group_speaker(text):
        return True  # "police said", "federal prosecutors said"
    return words[0][0].isupper()


# A group that speaks with no determiner: up to two modifiers, then the group's noun ("police", "Lagos police",
# "senior administration officials").
_GROUP = re.compile(
    rf"(?:[\w.'’-]+\s+){{0,2}}(?:{'|'.join(sorted(GROUP_SPEAKERS, key=len, reverse=True))})",
    re.IGNORECASE,
)


def group_speaker(text: str) -> bool:
    """Whether a mention is a group that speaks with no determiner ("police", "local officials"), with no
    function word among its modifiers ("and police", "the police" are not)."""
    words = text.split()
    return (
        _GROUP.fullmatch(text) is not None
        and words[-1].casefold() in GROUP_SPEAKERS
        and not any(w.casefold() in STOPWORDS or w.casefold() in PREPOSITIONS for w in words[:-1])
        and not any(w.casefold() in VERB_SET for w in words[:-1])
    )


# The determiners that open a noun phrase for certain; "that" and "this" also open clauses ("that he said").
ARTICLES_AND_POSSESSIVES = frozenset(
    {"the", "a", "an", "one", "another", "his", "her", "its", "their", "our"}
)
# Words that end the head of a description and open what follows it ("a source familiar with the talks",
# "a spokesman for the council", "the man who ...", "the latest figures came as ..."): every preposition, so
# that "the confusion over the source of the shots" is headed by "confusion", not by the "source" after it.
_AFTER_HEAD = PREPOSITIONS | frozenset(
    {
        "who",
        "that",
        "which",
        "whose",
        "familiar",
        "close",
        "involved",
        "told",
        "said",
        "as",
        "when",
        "while",
        "after",
        "before",
        "because",
        "since",
        "if",
    }
)
_DESCRIPTION_WORD = re.compile(r"[\w'’.-]+")


def speaking_description(text: str, *, agent_nouns: bool = True) -> bool:
    """Whether a description can speak: the words before what follows its head hold a person, a post, a
    body, a paper or a channel (SPEAKING_NOUNS), an age ("the 22-year-old") or a proper name ("the FBI").
    "The latest figures came as" or "an accompanying list of fees" is no speaker. With ``agent_nouns`` a head
    that only ends like a noun for a person ("consultant", but also "remainder") counts too."""
    chunk: list[str] = []
    for word in _DESCRIPTION_WORD.findall(text)[1:]:
        if word.casefold() in _AFTER_HEAD or word.casefold() in TRAILING_FILLER:
            break  # "the ad then cuts to", "the email also says": the head came before
        chunk.append(word.strip(".'’"))
    # A head word only: "an Egyptian textbook just published" holds one; its participle is no clause.
    chunk = [word for word in chunk if word]
    return not chunk or any(_can_speak(word) for word in chunk) or (agent_nouns and _agent_noun(chunk[-1]))


# Endings of nouns for people by what they do ("economist", "historian", "consultant", "neurosurgeon",
# "attendee", "representative"): a description headed by one can speak even when no list names it.
_AGENT_ENDINGS = ("ist", "ian", "er", "or", "ant", "ent", "eon", "ee", "ive")


def names_one_person(text: str) -> bool:
    """Whether a description stands for one person ("a Trump supporter", "the retired neurosurgeon"), who may
    be the "he" or "she" after it; not a group, a body, a paper or a clause ("the groups", "the report")."""
    chunk = [word.strip(".'’") for word in _DESCRIPTION_WORD.findall(text)[1:]]
    for index, word in enumerate(chunk):
        if word.casefold() in _AFTER_HEAD or word.casefold() in TRAILING_FILLER:
            chunk = chunk[:index]
            break
    if not chunk or not chunk[-1]:
        return False
    head = chunk[-1].casefold()
    return head in ROLE_NOUNS or head in PERSON_NOUNS or (_agent_noun(head) and not head.endswith("s"))


def role_word(word: str) -> bool:
    """Whether a lowercase word names a post or a trade: a listed role ("spokesman", "chairman", "aide") or a
    noun for a person by what they do ("neurosurgeon", "psychotherapist", "strategist")."""
    low = word.casefold().strip(".,")
    return low in ROLE_NOUNS or low in ROLE_SYNONYMS or (low.isalpha() and _agent_noun(low))


def _agent_noun(head: str) -> bool:
    # Long enough that the ending is a suffix: "economist", never "list"; "consultant", never "better".
    singular = head.casefold().removesuffix("s")
    if singular.endswith(("ist", "ian", "eon", "ee")):
        return len(singular) >= 6
    return len(singular) >= 7 and singular.endswith(_AGENT_ENDINGS)


def _can_speak(word: str) -> bool:
    if word[0].isupper() or word[0].isdigit():
        return True
    low = word.casefold()
    return (
        low in SPEAKING_NOUNS
        or (low.endswith("s") and low[:-1] in SPEAKING_NOUNS)
        or (low.endswith("es") and low[:-2] in SPEAKING_NOUNS)
        or (low.endswith("men") and low[:-3] + "man" in SPEAKING_NOUNS)
        or low.endswith("-old")
    )


# A website named by its address, a source in its own right: "according to space.com", "TMZ.com reported".
WEBSITE = re.compile(r"\s*((?:www\.)?[A-Za-z][\w-]*\.(?:com|org|net|gov|edu|co\.uk|io|news))(?=[\s,.;:]|$)")

CLAUSE_END = re.compile(r"\s*([^,.;:\"“”]{1,80}?)\s*(?=[,.;:]|$)")


_PERIOD = re.compile(r"\.")


def hide_abbreviation_periods(text: str) -> str:
    """``text`` with each abbreviation's period ("U.S.", "Gov.", "St.", as the sentence splitter reads them)
    turned into "_", keeping every offset, so a pattern that stops at a period reads "the U.S. Attorney's
    Office" whole. Match on the result, slice ``text``."""
    marks = [m.start() for m in _PERIOD.finditer(text) if is_abbreviation(text, m.start())]
    if not marks:
        return text
    chars = list(text)
    for dot in marks:
        chars[dot] = "_"
    return "".join(chars)


# Words that put a place or a listener, not a speaker, before a capitalised run.
NOT_BEFORE_SPEAKER = (
    frozenset({"of", "in", "at", "for", "from", "near", "to", "on", "with", "by", "about", "and"})
    | PRONOUNS
    | AUXILIARIES
)


# The capitalised run that closes a mention: its head.
HEAD_RUN = re.compile(rf"({_CAP_RUN.pattern})\s*$")


PLACE_BEFORE = re.compile(r"\b(?:of|in|at|for|from|near|to)\s+$")


ROLE_WORD_NEXT = re.compile(r"\s+(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")\b")


# A name that closes its clause right after a verb ("..., says Jo Doe."), not a time ("said Tuesday that").
NAME_CLOSES_CLAUSE = re.compile(rf"\s+({_CAP_RUN.pattern})\s*(?=[.,;:]|$)")


LEADING_CLAUSE = re.compile(r"(\w+)\b[^,.;:\"“”]{0,80},\s+")
