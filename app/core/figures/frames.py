"""Frames: what one figure measures, read from its sentence: the counted noun phrase, the predicate that
governs that number (the nearest one between it and its neighbouring figures, so that in "killed two and
forced 5,000 to flee" the 5,000 fled), what money or a measure is about ("the offer", "of rain"), the date's
event and the attributed source.

Every look-around is bounded (a clause is read at most _CLAUSE_REACH characters either side of its number,
a predicate at most NEAR), and what belongs to a whole sentence (its source) is read once per sentence,
so a sentence made of thousands of figures costs linear time.
"""

from __future__ import annotations

import bisect
import itertools
import re

from app.core.figures.keys import PART, counted_key, with_far_words
from app.core.figures.scan import (
    EDITION_AFTER,
    IDENTIFIER_BEFORE,
    MULTIPLE_TIMES,
    NOUN_AFTER_NAMES,
    OF_A_COUNTED_WHOLE,
    TITLE_AFTER,
    WORD,
    Draft,
)
from app.core.lexicon.calendar import (
    MONTH_PATTERN,
    RELATIVE_DAYS,
    WEEKDAY_PATTERN,
    month_number,
    weekday_number,
)
from app.core.lexicon.frames import (
    CHANGE_VERBS_PATTERN,
    CONTEXT_NOISE,
    EVENT_NOUNS,
    EVENT_PATTERN,
    FALL_VERBS,
    GENERIC_HEADS,
    MEASURE_DIMENSIONS,
    NOUNS_IN_LY,
    OTHER_INCIDENT_OPENING,
    SETTLEMENT_NOUNS,
    SUBSET_MODIFIERS,
    frame_of,
    predicate_pattern,
)
from app.core.lexicon.frames import FUNCTION_WORDS as _NP_STOP
from app.core.lexicon.names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES
from app.core.numbers import NUMBER_WORDS
from app.core.text import split_sentences

# The predicates a count can take, as one alternation (longest first): the verb or noun that says what
# happened to the counted things. Kept as printed in the counted phrase; ``keys`` folds it onto its frame.
# Lexicon patterns are lower case and run over the lowered body (three times faster than a case-blind
# alternation); _CASE_BLIND holds their twins for a body whose lowering changes its length.
_CASUALTY = re.compile(rf"\b(?P<verb>{predicate_pattern('count')})\b")
_MONEY_FRAME = re.compile(rf"\b(?P<verb>{predicate_pattern('money')})\b")
_DURATION_FRAME = re.compile(rf"\b(?P<verb>{predicate_pattern('duration')})\b")
_MEASURE_FRAME = re.compile(rf"\b(?P<verb>{predicate_pattern('measure')})\b")
_SUBSET = re.compile(rf"\b(?:{'|'.join(sorted(SUBSET_MODIFIERS, key=len, reverse=True))})\b")
_CASE_BLIND = {
    pattern: re.compile(pattern.pattern, re.IGNORECASE)
    for pattern in (_CASUALTY, _MONEY_FRAME, _DURATION_FRAME, _MEASURE_FRAME, _SUBSET)
}
_COMPOUND = re.compile(r"-(?P<word>[a-z]{3,})\b")
_COORDINATION = re.compile(r"\b(?:and|but|while|whereas)\b")
# Between a number (and its noun) and a predicate of its own: "40 were", "six who were seriously",
# "300 people have been".
_PASSIVE_GAP = re.compile(
    r"(?:[ ]+[a-z]+){0,2}?[ ]+(?:who[ ]+|that[ ]+)?(?:were|was|are|is|have[ ]been|has[ ]been|had[ ]been|been)"
    r"(?:[ ]+(?:also|later|reportedly|seriously|critically|badly|slightly|lightly))?[ ]+"
)
_FRAME_OF_KIND = {"money": _MONEY_FRAME, "duration": _DURATION_FRAME, "measure": _MEASURE_FRAME}
COUNT_KINDS = frozenset({"count", "vague"})
# The counted phrase shows the participle whatever form governs the number ("killing 47" -> "killed").
_VERB_FOR_COUNTED = {
    "killing": "killed",
    "kills": "killed",
    "kill": "killed",
    "injuring": "injured",
    "injuries": "injured",
    "wounding": "wounded",
    "displacing": "displaced",
    "displacement": "displaced",
    "evacuation": "evacuated",
    "arresting": "arrested",
    "evacuating": "evacuated",
    "death": "dead",
    "deaths": "dead",
    "dying": "died",
    "hospitalized": "hospitalised",
    "fleeing": "fled",
    "flee": "fled",
}
# Look-arounds are bounded so that a sentence made of a run of figures costs linear time: a predicate or a
# clause break further than this from its number does not govern it.
NEAR = 80
_SOURCE_REACH = 600
# Words that may sit between "and" and a number without starting a new predication ("and at least 9").
_QUALIFIER_WORDS = frozenset({"nearly", "almost", "roughly", "approximately", "estimated", "another"})
_CLAUSE_REACH = 200
# A new verb after "and" starts a new predication: in "killed two and forced 5,000 to flee" the second
# number does not inherit "killed".
# "and then forced", "but still hold", "and later freed": adverbs before the second verb are skipped.
_NEW_VERB_AFTER_AND = re.compile(
    r"\b(?:and|but|while)[ ]+(?:(?:also|then|still|now|later|already|only|just|since|[a-z]{3,}ly)[ ]+){0,2}"
    r"(?P<word>[a-z]+)\b"
)
_OF = re.compile(r"[ ]+of\b")
# Between two counts that share a noun: no clause break, an "and".
SHARES_NOUN = re.compile(r"[^,;:()\n]*\band[ ]+(?:\w+[ ]+)?")
_OF_IT = re.compile(r"[ ]+of[ ]+it\b")
_ANTECEDENT = re.compile(r"(?P<noun>[A-Za-z]+),[ ]*\Z")
_MONEY_LINK = re.compile(r"[ ]+(?:in|of|for|worth[ ]of)(?:[ ]+(?:the|a|an))?[ ]")
# "prices could rise by 5 per cent": what changed and how; the change is read as a noun ("rise in prices").
_CHANGE_BEFORE = re.compile(
    r"(?P<subject>[A-Za-z]+)[ ]+(?:(?:could|would|will|may|might|can|is|are|was|were|has|have|had)[ ]+)?"
    r"(?:(?:expected|likely|set|forecast|projected|due)[ ]+to[ ]+)?(?:(?:be|been|have)[ ]+)?(?P<verb>(?i:ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|increas(?:e|es|ed|ing)"
    r"|decreas(?:e|es|ed|ing)|drop(?:s|ped|ping)?|gr(?:ow|ows|ew|own|owing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?"
    r"|declin(?:e|es|ed|ing)|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?))"
    r"[ ]+(?:by[ ]+)?\Z"
)
_CHANGE_NOUNS = {
    "ros": "rise",
    "ris": "rise",
    "fal": "fall",
    "fel": "fall",
    "inc": "increase",
    "dec": "decrease",
    "dro": "drop",
    "gro": "growth",
    "gre": "growth",
    "jum": "jump",
    "cli": "climb",
    "sur": "surge",
    "soa": "rise",
    "plu": "fall",
    "slu": "fall",
}
# "The fire spread from the tower to the silos in under ten minutes": a duration or measure with no "of"
# phrase counts what its clause's subject did.
_SUBJECT_VERB = re.compile(
    r"[\s\"“‘']*(?:(?i:the|a|an|its|their|his|her|our)[ ]+)?"
    r"(?P<subject>[A-Za-z]+(?:[ ](?!(?:is|are|was|were|has|have|had|be|been|will|would|may|might)\b)[a-z]+)?)[ ]+"
    r"(?:(?:has|have|had|was|were|is|are)[ ]+)?(?P<verb>[a-z]+ed|spread|burnt|ran|took|fell|rose|went|kept|held|stood"
    r"|grew|spent|lasted|dropped)\b"
)
_FALLEN = "distance fallen"
# The verb of a fall right before its length: "fell about 12 feet", "who plunged 200 metres".
_FELL_BEFORE = re.compile(
    rf"\b(?i:{'|'.join(FALL_VERBS)})[ ]+(?:(?i:about|around|nearly|almost|some|roughly|more[ ]than"
    r"|over|at[ ]least|up[ ]to|as[ ]much[ ]as)[ ]+)?\Z"
)
# A second verb of the same subject: "crawled through a barrier and fell".
_COORDINATED_VERB = re.compile(
    r"\b(?:and|then)[ ]+(?:then[ ]+)?(?P<verb>[a-z]+ed|spread|burnt|ran|took|fell|rose|went|kept|held|stood"
    r"|grew|spent|lasted|dropped)\b"
)
_EVENT_WORDS = re.compile(EVENT_PATTERN)
# "the March 12 blast", "the October 7 surprise attack": the date names the event that follows it.
_EVENT_AFTER_DATE = re.compile(rf"[ ]+(?:[a-z]+[ ]+)?{EVENT_PATTERN}")
# An event word, then "on" and the date: "the attack on March 12", "its sixth nuclear test on Sept 3".
_EVENT_RIGHT_BEFORE_ON = re.compile(rf"{EVENT_PATTERN}[ ]+(?i:on)[ ]+(?:[A-Z][a-z]+day,?[ ]+)?\Z")
# A date that says when something happened: "on March 12", "on Thursday, March 12".
_ON_BEFORE_DATE = re.compile(r"\b(?i:on)[ ]+(?:[A-Z][a-z]+day,?[ ]+)?\Z")
# Participles that open a new phrase after the counted noun: "three days of mourning starting on Friday".
_PARTICIPLES = frozenset(
    [
        "starting",
        "beginning",
        "ending",
        "following",
        "leaving",
        "living",
        "fleeing",
        "waiting",
        "using",
        "making",
        "taking",
        "bringing",
        "trying",
        "seeking",
        "remaining",
        "according",
        "including",
    ]
)
_FINITE_VERBS = frozenset(
    [
        "fell",
        "fallen",
        "rose",
        "risen",
        "spread",
        "hit",
        "came",
        "went",
        "ran",
        "burnt",
        "left",
        "made",
        "took",
    ]
)
# "41 people, nine of them children": the noun after "of them" is what the second number counts.
# "five of the dead", "two of those injured": a number that picks a part out of a total named after it.
_PARTITIVE = re.compile(r"[ ]+of[ ]+(?i:the|those|these)\b")
# "230 km (140 miles) west of the capital, San Jose": the conversion and the place's title are skipped.
_DISTANCE_FROM = re.compile(
    r"(?:[ ]*\([^()\n]{1,30}\))?"
    r"[ ]+(?:(?:(?:to[ ]+the[ ]+)?(?:(?i:north|south)(?:-?(?i:east|west))?|(?i:east|west))|away|outside)[ ]+)?"
    r"(?:(?i:of|from)|(?<=[a-z][ ])off)[ ]+"
    r"(?:the[ ]+)?(?:(?:capital|city|town|village|port)(?:[ ]+of|,)?[ ]+)?(?P<place>[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*){0,2})"
)
# Any place a length is measured from, named or not: "230 km west of the island", "12 miles off the coast".
_AWAY_FROM = re.compile(
    r"(?:[ ]*\([^()\n]{1,30}\))?[ ]+(?:(?i:north|south)(?:-?(?i:east|west))?|(?i:east|west|away|off|short))\b"
)
# "21 of the 276 girls", "two of the kidnapped schoolgirls": the total's own number and a participle that
# qualifies it are skipped to reach the noun the part is taken from.
# "21 of 71 laps" names its total by its number alone.
_PART_OF_TOTAL = re.compile(
    r"[ ]+of[ ]+(?:(?i:the|those|these)(?:[ ]+[0-9][0-9,]*)?|[0-9][0-9,]*)"
    r"(?:[ ]+(?P<participle>[a-z]+ed|[a-z]+en|remaining|missing))?"
    r"(?=[ ])"
)
_OF_THEM = re.compile(r"[ ]+of[ ]+(?:them|whom)(?:[ ]+(?:were|are|was))?\b")
_ARTICLE = re.compile(r"[ ]+(?i:the|a|an)\b")
_PLURAL_NOUNS = frozenset(
    [
        "people",
        "children",
        "men",
        "women",
        "geese",
        "police",
        "staff",
        "personnel",
        "cattle",
        "livestock",
        "sheep",
        "fish",
        "mice",
        "feet",
        "teeth",
    ]
)
_LOCATION_AFTER = re.compile(r"[ ]+in[ ]+(?P<place>(?:the[ ]+)?[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*){0,2})")
_CLAUSE_BREAK = re.compile(r",[ ]|;|:[ ]|[ ][–—][ ]|[()]|\b(?:while|whereas|but)\b")
# "two passengers, including one American, were killed": the second number is an aside about the first.
_ASIDE_BEFORE = re.compile(r",[ ]+(?i:including|among[ ]them|mostly|mainly)[ ]+\Z")
_CLAUSE_INHERITS = re.compile(r"[ ]*(?i:including|among[ ]them|of[ ]whom|mostly|mainly)\b")

_SOURCE_PATTERNS = (
    re.compile(r"\b(?i:according)[ ]to[ ]+(?P<source>[^,.;:\"“”()\n]{2,80})"),
    re.compile(
        r",[\"”’]?[ ]+(?P<source>(?:[Tt]he[ ]+)?[\w'’-]+(?:[ ]+[\w'’-]+){0,5}?)[ ]+"
        r"(?:(?:has|have|had)[ ]+)?(?:said|says|reported|reports|stated|added|announced)\b"
    ),
    re.compile(
        r"\b(?:said|says|reported|according[ ]to)[ ]+(?P<source>the[ ]+[\w'’ -]{2,60}?)[ ]*(?=[,.;]|\Z)"
    ),
    re.compile(
        r"\A[\"“]?(?P<source>(?:The[ ]+)?[A-Z][\w'’-]*(?:[ ]+[\w'’-]+){0,5}?)[ ]+"
        r"(?:said|says|reported|announced|estimated|estimates|told|confirmed|stated)\b"
    ),
    # A quotation then its speaker: "... 12 bodies," said rescue chief Jo Doe.
    re.compile(
        r"[,!?][\"”’][ ]+(?:said|says|added|told[ ]\w+)[ ]+"
        r"(?P<source>(?:[a-z][\w'’-]*[ ]+){0,3}[A-Z][\w'’.-]*(?:[ ]+[A-Z][\w'’-]*){0,3})"
    ),
)
_CONJUNCTIONS = frozenset(["and", "but", "or", "while", "as", "so", "yet"])
# A source is a noun phrase: "said the missile was launched from ..." reads a reported clause, not who said it.
_CLAUSE_WORD = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|did|does|do)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "this", "that", "there", "who"])


def sentence_starts_of(body: str) -> list[int]:
    # One sentence splitter for the whole core: the one quotes use (abbreviations, decimals, "Oct. 7").
    return [0, *(start for start, _ in split_sentences(body) if start > 0)]


# Quote marks and brackets a sentence may open with before its first word.
_SENTENCE_OPENERS = "\"'“‘(["


def incident_openings(body: str, sentence_starts: list[int]) -> list[str | None]:
    """Per sentence, the opening that turned its paragraph to another incident ("meanwhile", "in a separate
    incident"), or None: the turn holds from its sentence to the end of the paragraph. One pass."""
    openings: list[str | None] = []
    current: str | None = None
    previous = 0
    for start in sentence_starts:
        if body.find("\n", previous, start) >= 0:
            current = None  # a new paragraph is back on the event unless it turns again
        position = start
        while position < len(body) and body[position] in _SENTENCE_OPENERS:
            position += 1
        found = OTHER_INCIDENT_OPENING.match(body, position)
        if found:
            current = " ".join(found.group().lower().split())
        openings.append(current)
        previous = start
    return openings


# --- whose age ---------------------------------------------------------------------------------------
# A surname is the second of two capitalised words ("Carson Palmer", "Max Verstappen"); an age is the age of a
# person, so outlets that print "Palmer, 38," and "the 38-year-old" give one figure when both name him.
# A pair after an article or a preposition is a place or a team ("in Costa Rica", "the Arizona Cardinals").
# A run of two capitalised words after an article or a preposition is a place or a team ("in Costa Rica",
# "the Arizona Cardinals"); a longer run is a name only after a known given name ("President Donald Trump",
# not "Brazilian Grand Prix").
_NOT_BEFORE_NAMES = frozenset(["the", "a", "an", "in", "of", "at", "to", "on", "from", "for", "into", "near"])
_CAPITALISED_RUN = re.compile(r"(?:(?P<before>[A-Za-z]+)[ ])?(?P<run>[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+)+)")
_GIVEN_NAMES = MALE_GIVEN_NAMES | FEMALE_GIVEN_NAMES
_AFTER_THE = re.compile(r"\b(?i:the)[ ](?P<run>[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+)*)")
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’]{2,}\b")
# "Palmer, 38,", "Sayoc Jr., 56,": the house style; "Palmer, who turned 38", "Jake was turning 40".
_AGE_OWNER_BEFORE = re.compile(
    r"(?P<name>[A-Z][a-z'’]{2,})(?:[ ](?:[JS]r\.|[IV]{2,4}))?,?(?:[ ]who)?"
    r"(?:[ ](?:is|was|aged)|(?:[ ](?:is|was)(?:[ ]going[ ]to[ ]be)?)?[ ](?:turned|turns|turning))?,?[ ]\Z"
)
# "the 38-year-old Palmer", "33-year-old Amanda Geissler": the last of the capitalised words after it.
_AGE_OWNER_AFTER = re.compile(
    r"[ ]+(?:[a-z-]+[ ]+){0,2}?(?:[A-Z][a-z'’]+[ ]+){0,2}(?P<name>[A-Z][a-z'’]{2,})\b"
)
_PAST_AGE = re.compile(r"\b(?i:as[ ]an?|was[ ]an?|at[ ]the[ ]age[ ]of|at[ ]age)[ ]\Z")
# How far back the person last named is looked for, when the age names nobody ("The 19-year-old ...").
_PERSON_REACH = 400


class People:
    """The surnames of one body, read once per body on first use."""

    def __init__(self, body: str) -> None:
        self.body = body
        self._surnames: set[str] | None = None
        # Where the sentence of the figure being read starts (set by the caller).
        self.sentence_start = 0

    def surnames(self) -> set[str]:
        if self._surnames is None:
            self._surnames = set()
            for found in _CAPITALISED_RUN.finditer(self.body):
                words = found.group("run").split()
                before = (found.group("before") or "").lower()
                if len(words) == 2 and before not in _NOT_BEFORE_NAMES and len(words[1]) > 2:
                    self._surnames.add(words[1])
                self._surnames.update(
                    surname
                    for given, surname in itertools.pairwise(words)
                    if given.lower() in _GIVEN_NAMES and len(surname) > 2
                )
            # A name printed after "the" anywhere ("the Arizona Cardinals", "the Cardinals") is no person's.
            self._surnames -= {
                word for found in _AFTER_THE.finditer(self.body) for word in found.group("run").split()
            }
        return self._surnames


def person_of_age(body: str, draft: Draft, people: People, previous_sentence_start: int) -> str | None:
    """Whose age a figure is: the name before it ("Palmer, 38,"), the name it qualifies ("the 38-year-old
    Palmer"), else the first person named in its sentence before it or in the sentence before ("Verstappen
    overtook ... Nico Rosberg. The 19-year-old"); None when nobody is named there (a team printed after "the"
    is nobody: "the Arizona Cardinals")."""
    if _PAST_AGE.search(body, max(0, draft.start - 16), draft.start):
        return None  # "made his debut as a 17-year-old": an age at another time than the story's
    before = _AGE_OWNER_BEFORE.search(body, max(0, draft.start - 40), draft.start)
    surnames = people.surnames()
    if before and before.group("name").lower() not in _NP_STOP:
        return before.group("name")
    after = _AGE_OWNER_AFTER.match(body, draft.end)
    if after and after.group("name") in surnames:
        return after.group("name")
    # The subject in focus: the first person named in the sentence before the age, else in the one before it.
    window_start = max(previous_sentence_start, draft.start - _PERSON_REACH)
    named = [m for m in _CAPITALISED.finditer(body, window_start, draft.start) if m.group() in surnames]
    in_sentence = [m for m in named if m.start() >= people.sentence_start]
    # The first named is the subject in focus: "Verstappen overtook ... Lewis Hamilton and Nico Rosberg. The
    # 19-year-old ..." is Verstappen.
    chosen = in_sentence or named
    return chosen[0].group() if chosen else None


def with_person(context: str | None, person: str | None) -> str | None:
    """An age's context holds whose age it is, so two outlets' "Palmer, 38," and "the 38-year-old" share it."""
    if person is None:
        return context
    return " ".join(sorted({*(context or "").split(), *counted_key(person).split()}))


# What a figure of another incident counts reads so, and keys it apart from the event's own toll.
OTHER_INCIDENT = "in another incident"


# The noun an amount is "of", right before it: "quarterly revenue of $5 billion", "a settlement of $2m".
_NOUN_OF_BEFORE = re.compile(
    r"\b(?P<noun>(?:[a-z]+[ ])?[a-z]{3,})[ ]+of[ ]+"
    r"(?:(?i:about|around|nearly|almost|some|roughly|more[ ]than|less[ ]than|over|under|up[ ]to|at[ ]least|just)[ ]+)?\Z"
)


def _noun_of_before(body: str, start: int, end: int) -> str | None:
    found = _NOUN_OF_BEFORE.search(body, start, end)
    if found is None:
        return None
    words = [w for w in found.group("noun").lower().split() if w not in _NP_STOP]
    if not words or words[-1] in _TOTAL_WORDS or words[-1] in _PRONOUNS:
        return None  # "the sum of $5m", "a total of": the whole, not what it is for
    return " ".join(words)


# A determiner right before a number: "the 2.1 percent growth rate", "a 20% stake".
_DETERMINER_BEFORE = re.compile(r"\b(?i:a|an|the|its|their|his|her|our)[ ]\Z")


def _noun_phrase(body: str, draft: Draft) -> list[str]:
    words: list[str] = []
    position = draft.number_end
    if draft.kind in COUNT_KINDS and (title := _title_counted(body, draft)) is not None:
        # "a four-time world champion", "the four-times champion", "triple series champion Lewis Hamilton": the
        # title is what is counted, whatever competition and name the outlet prints around it.
        return [title]
    if draft.kind in COUNT_KINDS and (compound := _COMPOUND.match(body, position)):
        # "a 48-page indictment": the word after the hyphen is the counted noun, and what follows it
        # names what it belongs to.
        if compound.group("word") not in ("time", "times"):
            words.append(compound.group("word"))
        # "a four-time world champion": what is counted is the title after "-time".
        position = compound.end()
    of = _OF.match(body, position)
    if (
        draft.kind == "percent"
        and of is None
        and _DETERMINER_BEFORE.search(body, max(0, draft.start - 8), draft.start)
        and (following := WORD.match(body, position)) is not None
        and following.group("word").islower()
        and following.group("word") not in _NP_STOP
    ):
        # "the 2.1 percent growth rate", "a 35 percent corporate tax", "a 20% stake": a share as the adjective
        # of the noun it is a share of.
        pass
    elif draft.kind in ("duration", "measure", "percent"):
        # Only "three days of mourning", "35mm of rain", "15% of voters" say what a measure counts; the unit
        # word is not part of it, so that "three days" and "72 hours" of mourning count the same thing.
        if of is None:
            return []
        if _OF_IT.match(body, of.start()):
            # "Overnight rain, 35 millimetres of it, ...": the thing measured is the noun before the comma.
            antecedent = _ANTECEDENT.search(body, max(0, draft.start - 40), draft.start)
            return [antecedent.group("noun").lower()] if antecedent else []
        position = of.end()
    elif draft.kind == "money":
        # "£12m in emergency aid", "$3bn of damage", "€5m for reconstruction"; "£5m in London" is a place.
        link = _MONEY_LINK.match(body, position)
        following = WORD.match(body, link.end() - 1) if link else None
        if link is None or following is None or not following.group("word").islower():
            return []
        if following.group("word") in _TOTAL_WORDS:
            return []  # "about $8 billion in all", "$5m in total": the whole, not what it is for
        position = link.end() - 1
        if following.group("word").endswith("ly"):
            position = following.end()  # "$8 billion in currently available funds": the adverb is no noun
    elif of_them := _OF_THEM.match(body, position):
        position = of_them.end()
    elif of and (draft.vague or body[draft.start : draft.end].lower().endswith("dozen")):
        position = of.end()  # "hundreds of civilians", "a dozen of them"
    if of and position == of.end() and not body.startswith(" of them", of.start()):
        article = _ARTICLE.match(body, position)
        position = article.end() if article else position
    if (
        not words
        and draft.kind in COUNT_KINDS
        and (own := _VERB_AFTER_NUMBER.match(body, position)) is not None
        and not _CASUALTY.fullmatch(own.group("verb"))
    ):
        return [own.group("verb")]
    # Four words reach the head of "two NBA G League players"; a plural or a verb ends the phrase sooner. The
    # words of a name count as one ("two New York City subway trains").
    limit = 4
    while len(words) - _name_words_beyond_one(words) < limit and len(words) < _NOUN_PHRASE_WORDS:
        match = (
            _MODEL_NAME.match(body, position)
            or WORD.match(body, position)
            # 'at least 30 "national emergencies" in effect': the noun in scare quotes is still the noun.
            or (None if words else _QUOTED_WORD.match(body, position))
        )
        if match is None:
            break
        word = match.group("word")
        if match.re is _QUOTED_WORD:
            word = word.rstrip("'’")  # "‘schoolgirls’": the closing mark is no part of the noun
        lowered = word.lower()
        if (
            lowered in _NP_STOP
            or _CASUALTY.fullmatch(lowered)
            or month_number(word)
            # "rose to at least six Friday", "12 more today": when it was counted, never what.
            or (len(lowered) > 5 and weekday_number(lowered) is not None)
            or lowered in RELATIVE_DAYS
            or lowered in _PARTICIPLES
            # A mass noun has no plural to end the phrase: in "30mm of rain fell" the verb does.
            or (words and (lowered in _FINITE_VERBS or (lowered.endswith("ed") and len(lowered) > 4)))
            # "the two Koreas previously threatened", "the 15-member council unanimously approved": an adverb
            # after the noun opens the predicate; "30 elderly people" keeps its adjective, "army supply ships" its noun.
            or (words and word.islower() and lowered.endswith("ly") and lowered not in NOUNS_IN_LY)
            # "aged 16 and 13 respectively,": an adverb closing the clause, no noun ("40 were injured, six of
            # them seriously." keeps its subset's modifier).
            or (
                lowered.endswith("ly")
                and lowered not in NOUNS_IN_LY
                and lowered not in SUBSET_MODIFIERS
                and _CLAUSE_CLOSES.match(body, match.end())
            )
            # "Ten Americans flying from the coast": a participle opening its phrase, not "national mourning".
            or (words and lowered.endswith("ing") and _PARTICIPLE_PHRASE.match(body, match.end()))
            or lowered in NUMBER_WORDS
            or lowered in _LINKING_VERBS
            or (not words and _VERB_BEFORE_ITS_OBJECT.fullmatch(lowered) and _opens_object(body, match.end()))
        ):
            break
        # "U.S." reads as "US": the dots would cut it into letters for the grouping keys.
        words.append(word.replace(".", "") if word.endswith(".") else word)
        position = match.end()
        # A plural noun ends the phrase: in "200 geese flew" the next word is already the verb.
        if not lowered.endswith(("'s", "’s")) and (
            lowered in _PLURAL_NOUNS
            # "nine Backroads guests": a name that ends in s is no plural.
            or (len(word) > 3 and word.endswith("s") and not word.endswith("ss") and word.islower())
        ):
            break
    if words and words[-1] == "of":
        words = words[:-2]
    return words


def _title_counted(body: str, draft: Draft) -> str | None:
    """The title a count of titles counts, in the singular ("champion", "coach of the year"), or None."""
    position = draft.number_end
    times = _TIMES_COMPOUND.match(body, position)
    if times is not None:
        position = times.end()
    elif body[draft.start : draft.number_end].lower() not in (*MULTIPLE_TIMES, "twice", "thrice"):
        return None
    title = TITLE_AFTER.match(body, position)
    if title is None:
        return None
    words = title.group("title").lower().replace("-", " ").split()
    words[0] = words[0].removesuffix("s") if len(words) == 1 else words[0]
    return " ".join(words)


_TIMES_COMPOUND = re.compile(r"-times?\b")
_CLAUSE_CLOSES = re.compile(r"[ ]*(?:[,.;:!?)]|\Z)")
# A noun in scare quotes; 'tens of thousands "liked" photos' quotes a verb.
_QUOTED_WORD = re.compile(r"[ ]+[\"“‘](?P<word>(?![a-z]+(?:ed|ing)\b)[a-z][a-z'’]*(?:-[a-z]+)*)")
_NOUN_PHRASE_WORDS = 7
# "the sum of", "a total of", and the idiom "to the tune of": the whole amount, not what it is for.
_TOTAL_WORDS = frozenset({"all", "total", "sum", "tune"})
# "two B-1B bombers", "eight MK-84 bombs", "34 Patriot PAC-3 batteries", "three COVID-19 patients": a model or
# series name with its number is one word of the noun phrase, never its end.
_MODEL_NAME = re.compile(r"[ ]+(?P<word>[A-Z][A-Za-z]*-[0-9][0-9A-Za-z]*(?:-[0-9A-Za-z]+)*)(?![\w-])")
_PARTICIPLE_PHRASE = re.compile(r"[ ]+(?:from|into|toward|towards|a|an|the|their|his|her)\b")
# "12 remain missing", "two stayed behind": a linking verb right after the number is no noun.
_LINKING_VERBS = frozenset(
    {
        "remain",
        "remains",
        "remained",
        "stay",
        "stayed",
        "stays",
        "seem",
        "seemed",
        "appear",
        "appeared",
        "became",
    }
)
# "4.8 million received nearly three million visitors", "one involving an organiser", "the three missed the
# dinner": a participle or past tense right after the number that opens its own object is the verb; "10 armed
# men" keeps its adjective.
_VERB_BEFORE_ITS_OBJECT = re.compile(r"[a-z]{3,}(?:ed|ing)")
_OBJECT_OPENING = re.compile(
    r"[ ]+(?:[0-9]|(?i:a|an|the|his|her|their|its|our|nearly|almost|about|some|more|over)\b)"
)


def _opens_object(body: str, position: int) -> bool:
    return _OBJECT_OPENING.match(body, position) is not None


def _name_words_beyond_one(words: list[str]) -> int:
    """How many words of ``words`` are the second or later word of a run of capitalised words."""
    extra = 0
    for previous, word in itertools.pairwise(words):
        if word[:1].isupper() and previous[:1].isupper():
            extra += 1
    return extra


class SentenceMatches:
    """Matches of a pattern over a whole sentence, found once per sentence and looked up by position, so
    that a sentence of thousands of figures is scanned once per pattern, not once per figure."""

    def __init__(self, body: str, sentence_start: int, sentence_end: int, lowered: str | None = None) -> None:
        """``lowered`` is ``body.lower()`` when lowering keeps its length (so offsets hold), else None."""
        self.body, self.start, self.end, self.lowered = body, sentence_start, sentence_end, lowered
        self._found: dict[re.Pattern[str], tuple[list[int], list[re.Match[str]]]] = {}

    def within(self, pattern: re.Pattern[str], start: int, end: int) -> list[re.Match[str]]:
        """The pattern's matches of this sentence that lie inside ``[start, end)``, in order."""
        found = self._found.get(pattern)
        if found is None:
            if pattern in _CASE_BLIND:
                text, scanner = (
                    (self.lowered, pattern) if self.lowered is not None else (self.body, _CASE_BLIND[pattern])
                )
                matches = list(scanner.finditer(text, self.start, self.end))
            else:
                matches = list(pattern.finditer(self.body, self.start, self.end))
            found = self._found[pattern] = ([m.start() for m in matches], matches)
        starts, matches = found
        low, high = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        return [m for m in matches[low:high] if m.end() <= end]


# Words after an ordinal that name the standing itself, not a thing ranked: "15th place" is "15th".
_RANK_WORDS = frozenset({"place", "position", "overall", "most", "spot"})


def counted_phrase(
    body: str,
    draft: Draft,
    sentence: SentenceMatches,
    drafts: list[Draft],
    figure_starts: list[int],
    index: int,
) -> tuple[str | None, str | None, str | None]:
    """(counted phrase, casualty verb, the counted noun alone) for one figure."""
    sentence_start, sentence_end = sentence.start, sentence.end
    if draft.kind == "date":
        return _dated_event(body, draft, sentence_start), None, None
    if draft.kind == "year":
        return None, None, None
    if draft.kind == "time_ago":
        return _relative_time_event(body, draft, sentence.start, sentence.end), None, None
    if draft.kind == "ordinal":
        named = IDENTIFIER_BEFORE.search(body, max(sentence_start, draft.start - 16), draft.start)
        if named:
            # "on lap 20 after the crash": the number names a lap and counts nothing; like any rank of one
            # noun, only an equal lap is the same lap (see keys.is_weak).
            noun = named.group("noun").lower()
            return noun, None, noun
        if (total := _part_of(body, draft)[0]) is not None:
            # "the 48th of 71 laps" ranks one lap, the 48th, as "lap 48" does.
            head = total.split()[-1].lower()
            head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
            return head, None, head
        if (edition := EDITION_AFTER.match(body, draft.end)) is not None:
            # "the 129th Rose Parade", "the 129th annual parade": the edition of what is held again and again.
            return edition.group("edition").lower(), None, None
        if (whole := OF_A_COUNTED_WHOLE.match(body, draft.end)) is not None:
            # "the second of his three terms" ranks one term.
            head = whole.group("noun")
            head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
            return head, None, head
        # An ordinal ranks the one noun after it: "the third day", "a second-term congressman" -> "term"; past
        # capitalised modifiers: "the 15th North Korean missile test" -> "missile".
        ranked = WORD.match(body, draft.end) or _COMPOUND.match(body, draft.end)
        word = ranked.group("word").lower() if ranked else None
        if ranked is not None and ranked.group("word")[:1].isupper():
            named = NOUN_AFTER_NAMES.match(body, draft.end)
            word = named.group("noun") if named else word
        if word is None or word in _NP_STOP or word in _RANK_WORDS:
            # "from 16th to third", "in 15th place", "second-most in the league": a standing, no noun ranked.
            return None, None, None
        return word, None, None
    noun = " ".join(_noun_phrase(body, draft)) or None
    clause_start, clause_end = _clause(sentence, draft)
    if draft.kind not in COUNT_KINDS:
        if noun is None and draft.kind in _FRAME_OF_KIND:
            # "damage estimated at £25m", "sentenced to three years": the frame word near the number says
            # what money, a measure or a duration is about when no noun follows it.
            noun = _nearest_frame(sentence, draft, clause_start, clause_end, _FRAME_OF_KIND[draft.kind])
            if (
                noun is not None
                and draft.kind == "measure"
                and draft.unit == "mm"
                and _DISTANCE_FROM.match(body, draft.end)
                and not re.search(
                    rf"\b{re.escape(noun)}[ ]+(?:[a-z]+[ ]+){{0,2}}\Z",
                    body[max(0, draft.start - 40) : draft.start],
                )
            ):
                # "flew over Japan and smashed down about 2,000 km east off Hokkaido": a length followed by the
                # place it is measured from is that distance, unless the frame's verb governs it ("flew 2,700 km").
                noun = None
            if draft.kind == "measure" and noun is not None:
                # "It flew 2,700 km": what is measured is the distance travelled, not the verb.
                noun = MEASURE_DIMENSIONS.get(noun, noun)
        if noun is None and draft.kind == "money":
            # "revenue of $5 billion", "a settlement of $2m": the amount of the noun before "of".
            noun = _noun_of_before(body, clause_start, draft.start)
        if (
            noun is None
            and draft.kind == "measure"
            and draft.unit == "mm"
            and (away := _DISTANCE_FROM.match(body, draft.end))
        ):
            # "230 km west of San Jose", "12 miles from Orvo": a distance from a place, whoever gives it.
            noun = f"distance from {away.group('place')}"
        if (
            noun is None
            and draft.kind == "measure"
            and draft.unit == "mm"
            and _FELL_BEFORE.search(body, max(0, draft.start - 40), draft.start)
            and not _AWAY_FROM.match(body, draft.end)
        ):
            # "the boy fell about 12 feet", "who plunged 200 metres": how far it fell. Only the length right after
            # the verb: "fell into the sea 40 km from the coast" and "fell 230 km west of the island" are
            # distances from a place.
            noun = _FALLEN
        if noun is None and draft.kind == "percent":
            noun = _change(body, draft, clause_start)
        if noun is None and draft.kind in ("percent", "money"):
            noun = _level_of(body, draft, sentence_start)
        if noun is None and draft.kind in ("duration", "measure"):
            found = _SUBJECT_VERB.match(body, clause_start, draft.start)
            if found and found.group("subject").lower().split()[0] not in _NP_STOP:
                # "the boy crawled through a barrier and fell about 12 feet": of two coordinated verbs, the one
                # nearest the number governs it.
                verbs = list(_COORDINATED_VERB.finditer(body, found.end(), draft.start))
                verb = verbs[-1].group("verb") if verbs else found.group("verb")
                noun = f"{found.group('subject').lower()} {verb}"
        return noun, None, noun
    if (
        noun is None or noun.lower() in GENERIC_HEADS or _VERB_AFTER_NUMBER.match(body, draft.number_end)
    ) and _SETTLEMENT_OF.search(body, max(sentence_start, draft.start - 40), draft.start):
        # "Nice, a city of 340,000", "a village of about 600 people", "Erimo, population 4,850": how many live
        # there, whatever verb the sentence goes on with.
        return POPULATION, None, POPULATION
    verb_match = None
    if _CLAUSE_INHERITS.match(body, clause_start, draft.start):
        # "including six who were seriously injured": an aside with a predicate of its own keeps it.
        own = next(iter(sentence.within(_CASUALTY, draft.end, min(clause_end, draft.end + NEAR))), None)
        verb_match = own if own and _PASSIVE_GAP.fullmatch(body, draft.number_end, own.start()) else None
    else:
        verb_match = _nearest_verb(sentence, draft, clause_start, clause_end, drafts, figure_starts, index)
        first_count = not any(
            d.kind in COUNT_KINDS and d.start >= sentence_start for d in drafts[max(0, index - 3) : index]
        )
        if verb_match is None and first_count:
            # "Some 1,300 people, mostly civilians, were killed", "Ten tourists flying home from the coast died":
            # the verb sits past an aside or a participle's phrase. A clause with a verb of its own before it
            # ("two trains have collided, injuring one") has its predicate already.
            verb_match = _nearest_verb(
                sentence, draft, draft.end, sentence_end, drafts, figure_starts, index, skip_asides=True
            )
            if verb_match is not None and _finite_before(body, draft.end, verb_match.start()):
                verb_match = None
    part, part_end = _part_of(body, draft) if noun is None else (None, draft.end)
    if verb_match is not None and draft.end <= verb_match.start() < part_end:
        # "two of the kidnapped schoolgirls were freed": the participle qualifies the total, not the part; the
        # part's own predicate comes after the phrase.
        verb_match = _nearest_verb(sentence, draft, part_end, clause_end, drafts, figure_starts, index)
    if verb_match is None:
        if part is None and noun is None and (level := _level_of(body, draft, sentence_start)) is not None:
            # "Border apprehensions have fallen, to 400,000": the level the subject changed to.
            return level, None, level
        return (f"of the {part}" if part else noun), None, noun
    verb = verb_match.group("verb").lower()
    verb = _VERB_FOR_COUNTED.get(verb, verb)
    if frame_of(verb) == "injured":
        # "four people with more serious injuries", "20 others were slightly hurt": a subset of the injured,
        # never the total; the modifier may sit on either side of the number inside its clause.
        window = (max(clause_start, draft.start - NEAR), min(clause_end, draft.end + NEAR))
        modifier = next(iter(sentence.within(_SUBSET, *window)), None)
        if modifier:
            verb = f"{SUBSET_MODIFIERS[modifier.group().lower()]} {verb}"
    place = location(body, draft.number_end, noun)
    if place is None and verb_match.start() > draft.end:
        place = _place_at(body, verb_match.end())
    counted = join_counted(noun or part, verb, place)
    if noun is None and (partitive := _PARTITIVE.match(body, draft.number_end)):
        # "five of the dead were one family": a part of the toll, never the toll itself (see keys.PART).
        counted = f"{partitive.group().strip().lower()} {counted}"
    return counted, verb, noun


POPULATION = "population"
_SETTLEMENT_OF = re.compile(
    rf"\b(?i:(?:{'|'.join(sorted(SETTLEMENT_NOUNS))})[ ]+of|population,?(?:[ ]+of)?)[ ]+\Z"
)


def _part_of(body: str, draft: Draft) -> tuple[str | None, int]:
    """The noun a part is taken from and where its phrase ends: "21 of the 276 girls" -> "girls", "two of the
    kidnapped schoolgirls" -> "schoolgirls"; (None, the number's end) when no noun follows ("five of the
    dead")."""
    if draft.kind not in (*COUNT_KINDS, "ordinal") or draft.vague:
        return None, draft.end
    found = _PART_OF_TOTAL.match(body, draft.number_end)
    if found is None:
        return None, draft.end
    total = Draft(found.end(), found.end(), None, None, None, None, "count", found.end())
    noun = " ".join(_noun_phrase(body, total))
    if not noun and (single := WORD.match(body, found.end())) is not None:
        # "14 of the 200 hostages", "five of the dead": a noun the phrase reader stops at (a casualty word).
        word = single.group("word")
        noun = word if word.islower() and word not in _NP_STOP and word not in NUMBER_WORDS else ""
    if not noun:
        return None, draft.end
    end = found.end() + 1 + len(noun)
    # The participle stays: a part of the injured passengers is not a part of all the passengers.
    return (f"{found.group('participle')} {noun}" if found.group("participle") else noun), end


# "Border apprehensions have actually fallen in recent years, to 400,000", "the number of migrants rose to 1.1
# million", "Bitcoin fell to $13,000": a subject, a verb of change, then "to" and the level it reached.
_LEVEL_BEFORE = re.compile(
    r"(?P<subject>[A-Za-z][a-z]+)[ ]+(?:(?:have|has|had|was|were|is|are|will|would|could|may|might)[ ]+)?"
    r"(?:(?:been|be)[ ]+)?(?:[a-z]+ly[ ]+)?"
    rf"(?P<verb>(?i:{CHANGE_VERBS_PATTERN}))(?:[ ]+[^,.;:\n]{{0,30}},)?[ ]+to[ ]+\Z"
)
# The level a subject changed from, after the level it changed to: "apprehensions have fallen, to 400,000 in
# the last fiscal year from a peak of 1.6 million"; or before it: "arrests fell from 1.6 million to 400,000".
_FROM_LEVEL = (
    r"from[ ]+(?:(?:a|an|the|its|their)[ ]+)?(?:(?:peak|high|low|record|level|total)[ ]+(?:of[ ]+)?)?"
)
_LEVEL_FROM_BEFORE = re.compile(
    r"(?P<subject>[A-Za-z][a-z]+)[ ]+(?:(?:have|has|had|was|were|is|are|will|would|could|may|might)[ ]+)?"
    r"(?:(?:been|be)[ ]+)?(?:[a-z]+ly[ ]+)?"
    rf"(?P<verb>(?i:{CHANGE_VERBS_PATTERN}))(?:[ ]+[^,.;:\n]{{0,30}},)?[ ]+"
    rf"(?:to[ ]+[^.;:\n]{{0,60}}?[ ]+)?{_FROM_LEVEL}\Z"
)
_LEVEL_TO_AFTER_FROM = re.compile(
    r"(?P<subject>[A-Za-z][a-z]+)[ ]+(?:(?:have|has|had|was|were|is|are|will|would|could|may|might)[ ]+)?"
    r"(?:(?:been|be)[ ]+)?(?:[a-z]+ly[ ]+)?"
    rf"(?P<verb>(?i:{CHANGE_VERBS_PATTERN}))[ ]+{_FROM_LEVEL}[^.;:\n]{{1,40}}?[ ]+to[ ]+\Z"
)
_LEVEL_REACH = 120


def _level_of(body: str, draft: Draft, sentence_start: int) -> str | None:
    """The subject whose level a number gives after "rose to" / "fell to", or None."""
    window = max(sentence_start, draft.start - _LEVEL_REACH)
    found = (
        _LEVEL_BEFORE.search(body, window, draft.start)
        or _LEVEL_FROM_BEFORE.search(body, window, draft.start)
        or _LEVEL_TO_AFTER_FROM.search(body, window, draft.start)
    )
    if found is None:
        return None
    opening = _TOLL_OPENING.match(body, sentence_start, found.start("verb"))
    if opening is not None:
        # "The death toll from a truck bombing at the consulate in the city rose to at least six": the toll the
        # sentence opens with rose, not the last noun before the verb.
        return " ".join(opening.group("toll").lower().split())
    subject = found.group("subject")
    lowered = subject.lower()
    if (
        lowered in _NP_STOP
        or lowered in _PRONOUNS
        or (subject[0].isupper() and found.start() != sentence_start)
    ):
        # "it rose to", "Smith went to": no quantity named; a capitalised word mid-sentence is a name.
        return None
    return lowered


# A sentence that opens on a toll and its complement: "The death toll from the bombing ...", "The number of
# dead in ...".
_TOLL_OPENING = re.compile(
    r"[\"'“‘(\[]?(?i:the|a)[ ]+(?P<toll>(?:[a-z]+[ ]+)?(?:toll|tally|count))[ ]+(?:from|of|in|after)\b"
)


def _change(body: str, draft: Draft, clause_start: int) -> str | None:
    """ "prices could rise by 5 per cent" -> "rise in prices"."""
    found = _CHANGE_BEFORE.search(body, max(clause_start, draft.start - NEAR), draft.start)
    if found is None or found.group("subject").lower() in _NP_STOP:
        return None
    change = _CHANGE_NOUNS.get(found.group("verb").lower()[:3], found.group("verb").lower())
    return f"{change} in {found.group('subject').lower()}"


def _dated_event(body: str, draft: Draft, sentence_start: int) -> str | None:
    """ "date of the explosion" for "An explosion ripped through the port on March 12"; None when the date is
    not introduced by "on" or its sentence names no event before it, so unrelated dates never group; "the
    March 12 blast" dates the event it names."""
    event = _EVENT_AFTER_DATE.match(body, draft.end)
    if event is None and _ON_BEFORE_DATE.search(body, max(sentence_start, draft.start - 24), draft.start):
        # The sentence's first event word is its main event: in "The blast on March 12 set off a fire"
        # the date belongs to the blast, not to the fire that follows it.
        # The event named right before "on" is the one dated, though another opens the sentence: in "The launch
        # came after ... its sixth nuclear test on Sept 3" the date is the test's.
        event = _EVENT_RIGHT_BEFORE_ON.search(body, max(sentence_start, draft.start - 60), draft.start) or (
            _EVENT_WORDS.search(body, max(sentence_start, draft.start - _CLAUSE_REACH), draft.start)
        )
    if event is None:
        return None
    word = event.group("event").lower()
    noun = EVENT_NOUNS.get(word) or EVENT_NOUNS.get(word[:6]) or EVENT_NOUNS.get(word.rstrip("s"))
    return f"date of the {noun or word.rstrip('s')}"


def _event_noun(body: str, start: int, end: int) -> str | None:
    """The first event word between start and end, folded onto its noun ("blew up" -> "explosion")."""
    event = _EVENT_WORDS.search(body, start, end)
    if event is None:
        return None
    word = event.group("event").lower()
    noun = EVENT_NOUNS.get(word) or EVENT_NOUNS.get(word[:6]) or EVENT_NOUNS.get(word.rstrip("s"))
    return noun or word.rstrip("s")


def _relative_time_event(body: str, draft: Draft, sentence_start: int, sentence_end: int) -> str | None:
    """ "time since the collapse" for "The mine collapsed five years ago"; "collapse earlier" for "a decade
    earlier" (relative to another event, so never the same quantity as "ago"); None when the sentence names no
    event, so that unrelated points in time never group."""
    relation = body[draft.start : draft.end].rsplit(None, 1)[-1].lower()
    # "two years after the assaults": the event is the one "after" introduces, not the clause's own.
    noun = _event_noun(body, draft.end if relation == "after" else sentence_start, sentence_end)
    if noun is None:
        return None
    return f"time since the {noun}" if relation in ("ago", "after") else f"{noun} {relation}"


def join_counted(noun: str | None, verb: str, place: str | None) -> str:
    parts = [p for p in (noun, verb) if p]
    if place:
        parts += ["in", place]
    return " ".join(parts)


_WHEN_NOT_WHERE = re.compile(rf"(?:the[ ]+)?(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN})\b")
# A finite verb in a number's own clause: an auxiliary or a past tense ("have collided", "crashed").
_FINITE_IN_CLAUSE = re.compile(
    r"\b(?:have|has|had|was|were|is|are|will|would|could|can|did|do|does)\b|\b[a-z]{3,}ed\b"
)


def location(body: str, number_end: int, noun: str | None) -> str | None:
    position = number_end
    if noun:
        last = noun.split()[-1]
        found_at = body.find(last, number_end, number_end + NEAR)
        position = found_at + len(last) if found_at >= 0 else number_end
    return _place_at(body, position)


def _place_at(body: str, position: int) -> str | None:
    found = _LOCATION_AFTER.match(body, position)
    if found is None or _WHEN_NOT_WHERE.match(found.group("place")):
        return None  # "perished in Sunday's crash": a day is when, not where
    return found.group("place")


def _clause(sentence: SentenceMatches, draft: Draft) -> tuple[int, int]:
    # A clause reaches at most _CLAUSE_REACH characters either side of its number.
    clause_start = max(sentence.start, draft.start - _CLAUSE_REACH)
    before = sentence.within(_CLAUSE_BREAK, clause_start, draft.start)
    if before:
        clause_start = before[-1].end()
    reach = min(sentence.end, draft.end + _CLAUSE_REACH)
    after = sentence.within(_CLAUSE_BREAK, draft.end, reach)
    return clause_start, after[0].start() if after else reach


def _nearest_verb(
    sentence: SentenceMatches,
    draft: Draft,
    clause_start: int,
    clause_end: int,
    drafts: list[Draft],
    figure_starts: list[int],
    index: int,
    *,
    skip_asides: bool = False,
) -> re.Match[str] | None:
    # A verb separated from this number by another count belongs to that other count, unless that count
    # is an aside about this one ("41 people, nine of them children, were killed").
    body = sentence.body
    low = drafts[index - 1].end if index > 0 else 0
    following = index + 1
    while (
        skip_asides
        and following < min(len(drafts), index + 4)
        and (
            _OF_THEM.match(body, drafts[following].number_end)
            or _ASIDE_BEFORE.search(body, max(0, drafts[following].start - 24), drafts[following].start)
        )
    ):
        following += 1
    high = figure_starts[following] if following < len(figure_starts) else len(body)
    best: re.Match[str] | None = None
    reach = 2 * NEAR if skip_asides else NEAR
    best_distance = reach
    window = (max(clause_start, low, draft.start - NEAR), min(clause_end, high, draft.end + reach))
    first_after: re.Match[str] | None = None
    for verb in sentence.within(_CASUALTY, *window):
        if draft.start <= verb.start() < draft.end:
            continue
        if verb.start() >= draft.end and _PASSIVE_GAP.fullmatch(body, draft.number_end, verb.start()):
            # "12 people died and 40 were injured": a predicate after the number through "were" is its own,
            # however close the previous number's verb is.
            return verb
        if (
            verb.start() >= draft.end
            and index + 1 < len(drafts)
            and _OBJECT_GAP.fullmatch(body, verb.end(), drafts[index + 1].start)
        ):
            continue  # "cut power to 200,000 homes and killed three": the verb's object is the next number
        if verb.start() >= draft.end and first_after is None:
            first_after = verb
        if verb.start() >= draft.end and _modifies_another_noun(body, draft.number_end, verb):
            continue  # "after 15 seasons, in an open letter released by": the letter was released
        if verb.end() <= draft.start and _SUBORDINATOR.search(body, verb.end(), draft.start):
            continue  # "two men were arrested after 3 people were stabbed": a new clause opens in between
        if verb.end() <= draft.start and _object_between(body, verb, draft.start):
            continue  # "arrested a suspect in connection with a dozen packages": the verb has its object
        distance = draft.start - verb.end() if verb.end() <= draft.start else verb.start() - draft.end
        if distance < best_distance:
            best, best_distance = verb, distance
    if (
        best is not None
        and first_after is not None
        and best.end() <= draft.start
        and _COORDINATION.search(body, best.end(), draft.start)
    ):
        # "Thousands fled and two people suffered minor injuries": a predicate before "and" closes its own
        # clause; the number's predicate is the one after it.
        return first_after
    return best


# A transitive predicate before a number governs it only when no object of its own sits in between:
# "arrested a suspect over 12 packages" arrests one suspect. A noun ("the toll rose to 40") has no object.
_OBJECT = re.compile(r"\b(?:a|an|the|his|her|their|its|our|this|that)[ ]+[A-Za-z][\w'’.-]*[ ]+\S")
_BARE_VERBS = frozenset({"kill", "kills", "flee", "fled", "hurt", "slain", "stole", "freed", "displace"})


# A predicate right after a noun phrase of its own ("an open letter released", "with an elbow injury") is that
# noun's, not the number's; a verb reached through an auxiliary ("in the village were killed") is the number's.
_DETERMINED_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|his|her|their|its|our|this|that)[ ]+(?:[\w'’-]+[ ]+){0,2}[\w'’-]+[ ]+\Z"
)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:were|was|are|is|been|be|have|has|had)(?:[ ]+(?:also|later|reportedly|seriously|critically|badly|"
    r"slightly|lightly|all|both))?[ ]+\Z"
)
_INTRANSITIVE = frozenset({"died", "perished", "drowned", "fled", "dying", "missing", "dead"})


# Between a verb and the number it governs as its object: nothing, or "a further", "another".
_OBJECT_GAP = re.compile(r"[ ]+(?:(?:a[ ]+)?(?:further|another)[ ]+)?")


def _modifies_another_noun(body: str, number_end: int, verb: re.Match[str]) -> bool:
    if verb.group("verb").lower() in _INTRANSITIVE or _AUXILIARY_BEFORE.search(
        body, number_end, verb.start()
    ):
        return False
    return _DETERMINED_NOUN_BEFORE.search(body, number_end, verb.start()) is not None


_SUBORDINATOR = re.compile(r"\b(?:after|before|when|while|because|since|until|although|though|whereas|if)\b")


def _object_between(body: str, verb: re.Match[str], number_start: int) -> bool:
    form = verb.group("verb").lower()
    if " " in form or not (form.endswith(("ed", "ing")) or form in _BARE_VERBS):
        return False
    return _OBJECT.search(body, verb.end(), number_start) is not None


def _nearest_frame(
    sentence: SentenceMatches, draft: Draft, clause_start: int, clause_end: int, frame: re.Pattern[str]
) -> str | None:
    best: str | None = None
    best_distance = NEAR
    for found in sentence.within(
        frame, max(clause_start, draft.start - NEAR), min(clause_end, draft.end + NEAR)
    ):
        if draft.start <= found.start() < draft.end:
            continue
        distance = draft.start - found.end() if found.end() <= draft.start else found.start() - draft.end
        if distance < best_distance:
            best, best_distance = found.group("verb").lower(), distance
    return best


def _source(sentence: str) -> str | None:
    for pattern in _SOURCE_PATTERNS:
        found = pattern.search(sentence)
        if found is None:
            continue
        source = found.group("source").strip(" \"“”'’")
        first = source.split()[0].lower() if source else ""
        # ", and the ministry said ..." starts a new statement; it does not attribute this figure.
        if (
            source
            and first not in _PRONOUNS
            and first not in _CONJUNCTIONS
            and not re.search(r"[0-9]", source)
            and not _CLAUSE_WORD.search(source)
            # "Damage estimated at £25m": the subject is what was estimated, not who did.
            and frame_of(source.split()[-1]) is None
        ):
            return source
    return None


def sentence_source(body: str, start: int, end: int, cache: dict[int, str | None]) -> str | None:
    """Who the sentence attributes its figures to, read once per sentence (and from its first
    _SOURCE_REACH characters: an attribution sits near the start or after the figure's clause)."""
    if start not in cache:
        cache[start] = _source(body[start : min(end, start + _SOURCE_REACH)].strip())
    return cache[start]


# "... after 3 people were stabbed", "5 are in a stable condition": the number's clause says what happened to it
# (in words no frame knows), so it does not inherit the previous number's predicate.
_OWN_PREDICATE = re.compile(
    r"(?:[ ]+[A-Za-z'’-]+){0,3}?[ ]+(?:who[ ]+|that[ ]+)?(?:were|was|are|is|have[ ]been|has[ ]been|had[ ]been"
    r"|remain|remained|remains)[ ]+[a-z]"
)


_AUXILIARIES_AT_END = re.compile(
    r"(?:\b(?:were|was|are|is|have|has|had|been|be|will|would|could|also|later|reportedly|\w+ly)\b[ ]*)+\Z"
)


def _finite_before(body: str, start: int, verb_start: int) -> bool:
    """Whether a finite verb stands between a number and the predicate found after it, leaving aside the
    auxiliaries of that predicate ("were killed")."""
    end = verb_start
    if chain := _AUXILIARIES_AT_END.search(body, start, verb_start):
        end = chain.start()
    return _FINITE_IN_CLAUSE.search(body, start, end) is not None


def has_own_predicate(body: str, number_end: int) -> bool:
    return (
        _OWN_PREDICATE.match(body, number_end, min(len(body), number_end + NEAR)) is not None
        or _VERB_AFTER_NUMBER.match(body, number_end) is not None
    )


# "57 escaped soon after", "five charged with fraud", "about 40 fled.": a past tense right after a bare number,
# then no noun, is the number's own verb: what it counts ("escaped"), and no predicate to borrow.
_VERB_AFTER_NUMBER = re.compile(
    r"[ ]+(?P<verb>[a-z]{3,}ed)(?=[ ]*(?:[,.;:!?)]|\Z)|[ ]+(?:[a-z]+ly|soon|later|earlier|again|too|also|overnight"
    r"|today|yesterday|from|to|with|in|on|at|after|before|when|while|as|and|but|by|into|out|away|off|back"
    r"|home)\b)"
)


def starts_new_predication(body: str, previous_end: int, start: int) -> bool:
    """Whether a new verb starts between two counts ("killed two and forced 5,000 to flee"), so the second
    does not inherit the first one's predicate; "killed two soldiers and three civilians" shares it."""
    if previous_end < 0 or start - previous_end > NEAR:
        return previous_end >= 0
    for found in _NEW_VERB_AFTER_AND.finditer(body, previous_end, start):
        word = found.group("word")
        if word not in _NP_STOP and word not in _QUALIFIER_WORDS:
            return True
    return False


# How far around its number the context of a figure is read (characters, inside its sentence).
_CONTEXT_REACH = 60
# How far the far words of a figure's context are read (characters, inside its sentence): a long sentence's
# whole span in practice.
_FAR_REACH = 300
_DIGITS = re.compile(r"[0-9]")
# "U.S." is one word of context ("us"), not the letters "u" and "s".
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def context_around(body: str, draft: Draft, sentence_start: int, sentence_end: int) -> str | None:
    """The content stems of the words around the number, inside its sentence: what the number is about
    when no noun is counted. Words cut at the window's edge are dropped. The other stems of the sentence
    follow, marked as far words (``keys.with_far_words``)."""
    near = _window(body, draft, sentence_start, sentence_end, _CONTEXT_REACH)
    # The rest of the sentence (to FAR_REACH, so a run-on "sentence" of numbers costs each figure the same),
    # for the grouping's far words (``keys.FAR_MARK``).
    far = _window(body, draft, sentence_start, sentence_end, _FAR_REACH)
    return with_far_words(_context_stems(near), _context_stems(far))


def _window(body: str, draft: Draft, sentence_start: int, sentence_end: int, reach: int) -> str:
    """The words within ``reach`` characters either side of the number, inside its sentence, without the
    words the window's edges cut."""
    before = body[max(sentence_start, draft.start - reach) : draft.start]
    after = body[draft.end : min(sentence_end, draft.end + reach)]
    if draft.start - reach > sentence_start:
        before = before.partition(" ")[2]
    if draft.end + reach < sentence_end:
        after = after.rpartition(" ")[0]
    return f"{before} {after}"


def _context_stems(raw: str) -> list[str]:
    text = _DOTTED.sub(lambda m: m.group().replace(".", ""), _DIGITS.sub(" ", raw))
    words = [w for w in text.split() if w.lower().strip(",.;:'\"()") not in CONTEXT_NOISE]
    # A window that happens to open on "of the" picks no part out of anything.
    return [w for w in counted_key(" ".join(words)).split() if w != PART]


# "by Sunday", "as of Tuesday night", "on March 12", "since Monday", "so far": when a figure was true.
_TIME_REF = re.compile(
    rf"\b(?P<ref>(?i:by|as[ ]of|since|until|on|through)[ ]+(?:(?:last|this|late|early)[ ]+)?"
    rf"(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN}[ ]+[0-9]{{1,2}}|(?i:today|yesterday|tonight|(?:this|last)[ ]+(?:morning|night|week)))"
    rf"(?:[ ]+(?i:morning|afternoon|evening|night))?|(?i:so[ ]far)"
    # "in 2016", "since 2009", "in September 2017", "last year", "earlier this month": the period a figure is of.
    rf"|(?i:in|since|during|by)[ ]+(?:{MONTH_PATTERN}[ ]+)?(?:19|20)[0-9]{{2}}|(?i:in|since|during)[ ]+{MONTH_PATTERN}"
    r"|(?i:(?:last|this|next|earlier[ ]this)[ ]+(?:year|month|season|quarter)))\b"
)


def time_reference(sentence: SentenceMatches, draft: Draft) -> str | None:
    """The nearest time phrase in the figure's clause ("killed 12 by Sunday" -> "by Sunday")."""
    clause_start, clause_end = _clause(sentence, draft)
    best: tuple[int, str] | None = None
    for found in sentence.within(
        _TIME_REF, max(clause_start, draft.start - NEAR), min(clause_end, draft.end + NEAR)
    ):
        distance = draft.start - found.end() if found.end() <= draft.start else found.start() - draft.end
        if distance >= 0 and (best is None or distance < best[0]):
            best = (distance, found.group("ref"))
    if best is None:
        # "Since 2009, 40 people have died": a time phrase opening the sentence holds for all of it.
        opening = _TIME_REF.match(sentence.body, sentence.start)
        if opening and sentence.body.startswith(",", opening.end()) and opening.end() <= draft.start:
            return opening.group("ref")
    return best[1] if best else None
