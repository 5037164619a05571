"""Direct-quote extraction: find every quotation in an article body, with its sentences, offsets and speaker.

Quotation marks are paired by a linear scan per paragraph that tells apostrophes from single quote marks; the
speaker is then read from the attribution around each quote and resolved to the person the article names.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from app.core.records import Quote, QuoteSentence, Span
from app.core.speakers import TITLE_WORDS, better_display_name, fold_accents, name_tokens
from app.core.text import paragraph_spans, split_sentences

# --- quotation marks ----------------------------------------------------------------------------------

_DOUBLE = frozenset('"“”„‟«»')
_SINGLE = frozenset("'‘’‚‹›")
_MARKS = re.compile("[\"“”„‟«»'‘’‚‹›]")
# Characters that may sit right before an opening mark / right after a closing one.
_BEFORE_OPEN = frozenset("([{—–-/")
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-…")
# Elisions that start with an apostrophe: '90s, 'em, 'n', 'til, 'cause.
_LEADING_APOSTROPHE = re.compile(r"(?:\d\d?s?\b|\d0s|em\b|n\b|n'|til\b|cause\b|tis\b|twas\b)", re.IGNORECASE)
_SINGLE_CLOSER_AHEAD = re.compile(r"\S['’›](?=[\s.,;:!?)\]—–\"”]|$)")
_TERMINAL = re.compile(r"[.!?…:;][\"'“”’»)\]]*$")
_CHROME_LINE = re.compile(
    r"^(?:read more|read also|also read|related|see also|watch|listen|recommended|more on this|"
    r"click here|follow us|sign up|subscribe|share this|advertisement|more\s*:|see more|trending|most read|"
    r"latest|top stories|editor's picks?|you may also like|further reading)\b",
    re.IGNORECASE,
)
_HEADING_MAX_WORDS = 25
_SUBHEADING_MAX_WORDS = 10
# A line that is a quotation and then a dash and a name, with nothing else after it.
_DASH_SIGNATURE = re.compile(r"\s*[—–-]{1,2}\s*(?=[A-Z])([^\"“”«».,;:!?]{2,60})$")
_DASH_ATTRIBUTED = re.compile(r"^[\"“«„‘'][^\n]*[\"”»“’'][,.]?\s*[—–-]{1,2}\s*[A-Z][^\"“”«».,;:!?]{1,60}$")
# How far (in characters) around a quote an attribution is looked for.
_WINDOW = 300
_PAST_ATTRIBUTION = re.compile(r"\b(?:said|told|added|stated|asked|insisted|warned|explained)\b")


@dataclass(slots=True)
class _RawQuote:
    """Quotation marks paired within the article; parts are inner spans, separators say how they join."""

    family: str
    open_pos: int
    paragraph: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)
    close_pos: int | None = None
    # Inner text ended with a comma or no punctuation: the sentence may go on after an attribution.
    open_ended: bool = False
    # Quotations inside this one ('blame' inside "... attempts to 'blame' everything ..."), inner spans.
    nested: list[tuple[int, int]] = field(default_factory=list)


def _is_heading(body: str, start: int, end: int, *, first_line: bool = False) -> bool:
    """A short line without sentence-final punctuation: a headline, sub-heading or caption, not prose."""
    text = body[start:end]
    if _CHROME_LINE.match(text):
        return True
    if not first_line and _DASH_ATTRIBUTED.match(text):
        return False  # `"We will be back" — Mayor Lena Ortiz`: a quotation signed with a dash
    if _TERMINAL.search(text) is not None or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    # Headlines report speech in the present ("..., FM Lavrov says"); further down, a past-tense attribution
    # verb means prose that merely lost its final period. The first line is the title either way.
    return first_line or _PAST_ATTRIBUTION.search(text) is None


def _can_open_single(body: str, i: int, para_start: int, para_end: int, last_closer: int) -> bool:
    prev = body[i - 1] if i > para_start else " "
    if not (prev.isspace() or prev in _BEFORE_OPEN or prev in _DOUBLE or i == para_start):
        return False
    nxt = body[i + 1] if i + 1 < para_end else " "
    if not (nxt.isalnum() or nxt in '"“…'):
        return False
    if _LEADING_APOSTROPHE.match(body, i + 1, min(para_end, i + 6)):
        return False
    # An outer single quote needs a plausible closing mark later in the paragraph, unless it opens the
    # paragraph (a quotation running over several paragraphs); otherwise it is a stray apostrophe.
    return i == para_start or last_closer > i


def _closes_single(body: str, i: int, para_start: int, para_end: int, last_closer: int) -> bool:
    char = body[i]
    if char not in "'’›":
        return False
    prev = body[i - 1] if i > para_start else " "
    nxt = body[i + 1] if i + 1 < para_end else " "
    if prev.isspace():
        return False
    if (
        prev in "nN"
        and i >= para_start + 2
        and body[i - 2] in "'’‘"
        and (i < para_start + 3 or body[i - 3].isspace())
    ):
        # The second mark of "rock 'n' roll": an elision, not the end of a quotation.
        return False
    if nxt.isalnum():
        # Inside a word: don't, Türkiye’s.
        return False
    if prev in "sS" and nxt == " " and i + 2 < para_end and body[i + 2].islower():
        # "the workers' union": a plural possessive, unless no later mark could close the quote.
        return last_closer <= i
    return True


def _scan_quotes(body: str, paragraphs: list[tuple[int, int]]) -> list[_RawQuote]:
    """Pair quotation marks paragraph by paragraph in one left-to-right pass."""
    quotes: list[_RawQuote] = []
    carried: _RawQuote | None = None  # a quotation running on into the next paragraph
    for index, (p_start, p_end) in enumerate(paragraphs):
        current: _RawQuote | None = None
        inner_start = 0
        if carried is not None and body[p_start] in (_DOUBLE if carried.family == "d" else _SINGLE):
            carried.joins.append("\n\n")
            current, inner_start = carried, p_start + 1
            start_at = p_start + 1
        else:
            if _is_heading(body, p_start, p_end, first_line=index == 0):
                carried = None
                continue
            start_at = p_start
        carried = None
        # The last mark in the paragraph that could close a single quotation, found once so that deciding
        # about each apostrophe stays constant-time.
        last_closer = -1
        for closer in _SINGLE_CLOSER_AHEAD.finditer(body, p_start, p_end):
            last_closer = closer.start() + 1
        nested_open: int | None = None
        for match in _MARKS.finditer(body, start_at, p_end):
            i = match.start()
            char = body[i]
            prev = body[i - 1] if i > p_start else " "
            nxt = body[i + 1] if i + 1 < p_end else " "
            left_open = i == p_start or prev.isspace() or prev in _BEFORE_OPEN
            right_closed = i + 1 == p_end or nxt.isspace() or nxt in _AFTER_CLOSE
            if current is None:
                if char in _DOUBLE:
                    if right_closed and not left_open:
                        continue  # a stray closing mark
                    if char in "”»" and not left_open:
                        continue
                    current, inner_start = _RawQuote("d", i, index), i + 1
                elif char in "'‘’‚‹›" and _can_open_single(body, i, p_start, p_end, last_closer):
                    current, inner_start = _RawQuote("s", i, index), i + 1
                nested_open = None
                continue
            if (char in _SINGLE) == (current.family == "d"):
                # A mark of the other family inside the quotation: a nested quotation or an apostrophe.
                if nested_open is None:
                    if _opens_nested(body, i, p_start, p_end, last_closer, left_open, right_closed):
                        nested_open = i
                elif _closes_nested(body, i, p_start, p_end, last_closer, left_open, right_closed):
                    current.nested.append((nested_open + 1, i))
                    nested_open = None
                continue
            if current.family == "d":
                if left_open and not right_closed and char in '"“„«':
                    # A new opening mark while one is open: the previous quotation was never closed.
                    _finish_part(body, current, inner_start, i)
                    quotes.append(current)
                    current, inner_start = _RawQuote("d", i, index), i + 1
                    continue
                _finish_part(body, current, inner_start, i)
                current.close_pos = i
                quotes.append(current)
                current = None
            else:
                if not _closes_single(body, i, p_start, p_end, last_closer):
                    continue
                _finish_part(body, current, inner_start, i)
                current.close_pos = i
                quotes.append(current)
                current = None
        if current is not None:
            # Unclosed at the paragraph's end: it runs on if the next paragraph opens with the same
            # family of mark, otherwise it closes here rather than swallowing the rest of the article.
            _finish_part(body, current, inner_start, p_end)
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            marks = _DOUBLE if current.family == "d" else _SINGLE
            if following is not None and body[following] in marks:
                carried = current
            else:
                quotes.append(current)
    if carried is not None:
        quotes.append(carried)
    return [q for q in quotes if q.parts]


def _drop_subheadings(
    body: str, paragraphs: list[tuple[int, int]], raw_quotes: list[_RawQuote]
) -> list[_RawQuote]:
    """Drop short lines that are one single-quoted phrase in an article that quotes speech in double marks.

    Papers that quote in double marks put quoted words in headlines and sub-headings in single marks
    (‘Why won’t they listen?’); such a line is a heading even when it ends with a question mark.
    """
    doubles = sum(1 for raw in raw_quotes if raw.family == "d")
    singles = len(raw_quotes) - doubles
    if doubles <= singles:
        return raw_quotes
    kept: list[_RawQuote] = []
    for raw in raw_quotes:
        p_start, p_end = paragraphs[raw.paragraph]
        whole_line = (
            raw.family == "s"
            and not raw.joins
            and raw.open_pos == p_start
            and raw.close_pos is not None
            and not body[raw.close_pos + 1 : p_end].strip(" .")
        )
        if whole_line and len(body[p_start:p_end].split()) <= _SUBHEADING_MAX_WORDS:
            continue
        kept.append(raw)
    return kept


def _opens_nested(
    body: str, i: int, p_start: int, p_end: int, last_closer: int, left_open: bool, right_closed: bool
) -> bool:
    if body[i] in _SINGLE:
        return _can_open_single(body, i, p_start, p_end, last_closer)
    return left_open and not right_closed and body[i] in '"“„«'


def _closes_nested(
    body: str, i: int, p_start: int, p_end: int, last_closer: int, left_open: bool, right_closed: bool
) -> bool:
    if body[i] in _SINGLE:
        return _closes_single(body, i, p_start, p_end, last_closer)
    return right_closed and not left_open and body[i] in '"”“»'


def _finish_part(body: str, quote: _RawQuote, start: int, end: int) -> None:
    """Record one inner span, trimmed of whitespace and of the comma that belongs to the attribution."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    quote.open_ended = end > start and (body[end - 1] in ",—–-" or body[end - 1].isalnum())
    if end > start and body[end - 1] == ",":
        end -= 1
        while end > start and body[end - 1].isspace():
            end -= 1
    if end > start:
        quote.parts.append((start, end))
    elif quote.joins and len(quote.joins) > len(quote.parts) - 1:
        quote.joins.pop()


# --- attribution --------------------------------------------------------------------------------------

_VERB_WORDS = (
    r"said|says|say|told|tells|tell|added|adds|stated|states|emphasi[sz]ed|emphasi[sz]es|noted|notes|"
    r"warned|warns|urged|urges|insisted|insists|explained|explains|asked|asks|declared|declares|"
    r"announced|announces|wrote|writes|continued|continues|argued|argues|claimed|claims|replied|replies|"
    r"responded|responds|remarked|commented|comments|observed|observes|stressed|stresses|underlined|"
    r"underscored|pointed\s+out|points\s+out|recalled|recalls|acknowledged|admitted|admits|conceded|"
    r"concluded|cautioned|predicted|vowed|vows|promised|suggested|suggests|confirmed|confirms|denied|"
    r"tweeted|posted|shouted|cried|reiterated|reiterates|highlighted|mentioned|indicated|affirmed|"
    r"assured|called|described|branded|dubbed|accused|criticised|criticized|blamed|praised|condemned|"
    r"hailed|rejected|dismissed|saying|adding|telling|writing|quipped|recounted|recalled|complained|demanded|testified"
)
# Multi-word attributions are matched by a regex; single-word verbs by a set lookup per word, which is
# several times faster than one large regex alternation on every sentence.
_MULTI_VERB = re.compile(
    r"\b(?:(?:was|were|is|are|has\s+been|had\s+been)\s+quoted(?:\s+by\s+[^,.;\"“”]{1,60}?)?"
    r"(?:\s+as)?(?:\s+saying)?|according\s+to|pointed\s+out|points\s+out)\b",
    re.IGNORECASE,
)
_VERB_SET = frozenset(
    word.replace("[sz]", letter) for word in _VERB_WORDS.split("|") if "\\s" not in word for letter in "sz"
)
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_INVERTED_START = re.compile(r"^(?:(?:so|thus|and\s+so)\s+)?(?:" + _VERB_WORDS + r")\s+", re.IGNORECASE)
# A quotation right after these words names a work ("the report, titled "..."", "his book "...""), not speech.
_WORK_BEFORE = re.compile(
    r"\b(?:titled|entitled|headlined|headline|book|novel|film|movie|documentary|song|album|series|programme|"
    r"program|article|essay|op-ed|poem|play|exhibition|hashtag|report|study|survey|memoir|podcast|episode|painting)[,:]?\s*(?:[\w'’-]+\s+){0,1}$",
    re.IGNORECASE,
)
_VERB_AT_END = re.compile(r"\b(?:" + _VERB_WORDS + r")\s*$", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_OTHER_PRONOUNS = frozenset({"they", "it", "we", "i", "you", "this", "that", "who", "which"})
_LEADING_FILLER = frozenset(
    {"and", "but", "so", "as", "while", "then", "also", "later", "earlier", "he", "she"}
)
_TRAILING_FILLER = frozenset(
    {
        "also",
        "later",
        "then",
        "has",
        "had",
        "have",
        "would",
        "will",
        "further",
        "again",
        "previously",
        "earlier",
        "recently",
        "once",
        "simply",
        "flatly",
        "repeatedly",
        "reportedly",
        "and",
        "on",
        "today",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "one", "another", "this", "that"}
)
_STOP = frozenset(
    {"the", "a", "an", "of", "for", "and", "in", "at", "on", "to", "his", "her", "its", "their"}
)
_ORG_WORDS = frozenset(
    {
        "ministry",
        "government",
        "army",
        "military",
        "police",
        "office",
        "council",
        "agency",
        "department",
        "authority",
        "authorities",
        "committee",
        "commission",
        "company",
        "group",
        "party",
        "union",
        "court",
        "administration",
        "embassy",
        "kremlin",
        "organisation",
        "organization",
        "movement",
        "federation",
        "service",
        "services",
        "forces",
        "force",
        "bank",
        "hospital",
        "university",
        "foundation",
        "association",
        "board",
        "parliament",
        "cabinet",
        "presidency",
        "statement",
        "spokesperson's",
        "firm",
        "network",
        "team",
        "club",
        "campaign",
        "coalition",
        "alliance",
        "institute",
        "centre",
        "center",
    }
)
# Role nouns that make an appositive introduce a person ("Karl Weiss, the head of the port authority,").
_ROLE_NOUNS = TITLE_WORDS | frozenset(
    {
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "witness",
        "resident",
        "analyst",
        "expert",
        "researcher",
        "doctor",
        "nurse",
        "teacher",
        "worker",
        "student",
        "owner",
        "member",
        "founder",
        "lawyer",
        "economist",
        "activist",
        "author",
        "journalist",
        "correspondent",
        "diplomat",
        "negotiator",
        "adviser",
        "advisor",
        "aide",
        "mother",
        "father",
        "farmer",
        "engineer",
        "scientist",
        "historian",
        "lecturer",
        "partner",
        "president",
        "candidate",
        "survivor",
        "victim",
        "master",
        "envoy",
        "pilot",
        "coach",
        "captain",
        "driver",
        "spokesperson",
        # Everyday roles that open a sentence capitalised before a name ("Parent Rachel Kim", "Regular
        # Shauna Kelly") and are never part of the name.
        "parent",
        "regular",
        "fan",
        "commuter",
        "neighbour",
        "neighbor",
        "shopper",
        "customer",
        "passenger",
        "voter",
        "volunteer",
        "campaigner",
        "organiser",
        "organizer",
        "landlord",
        "tenant",
        "homeowner",
        "pensioner",
        "retiree",
        "veteran",
        "firefighter",
        "paramedic",
        "trustee",
        "pupil",
        "shopkeeper",
        "delegate",
        "guard",
        "soldier",
        "fisherman",
        "mechanic",
        "chef",
        "waiter",
        "waitress",
        "cashier",
        "janitor",
        "lifeguard",
        "ranger",
        "midfielder",
        "striker",
        "goalkeeper",
        "defender",
        "winger",
        "jockey",
        "referee",
        "umpire",
        "actor",
        "actress",
        "producer",
        "poet",
        "novelist",
        "artist",
        "photographer",
        "designer",
        "architect",
        "entrepreneur",
        "investor",
        "trader",
        "banker",
        "accountant",
        "consultant",
        "strategist",
        "pollster",
        "lobbyist",
        "prosecutor",
        "defendant",
        "plaintiff",
        "juror",
        "inmate",
        "prisoner",
        "refugee",
        "migrant",
        "protester",
        "demonstrator",
        "presenter",
        "reporter",
        "editor",
        "columnist",
        "surgeon",
        "physician",
        "pharmacist",
        "dentist",
        "midwife",
        "therapist",
        "psychologist",
        "epidemiologist",
        "virologist",
        "biologist",
        "chemist",
        "physicist",
        "geologist",
        "seismologist",
        "meteorologist",
        "climatologist",
        "astronomer",
        "archaeologist",
        "hydrologist",
        "toxicologist",
        "curator",
        "librarian",
        "lawmaker",
        "legislator",
        "councilman",
        "councilwoman",
        "assemblyman",
        "assemblywoman",
        "regulator",
        "trooper",
        "medic",
        "rescuer",
        "astronaut",
    }
)
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
_RUN_STOP = frozenset(
    {
        "the",
        "a",
        "an",
        "meanwhile",
        "but",
        "and",
        "however",
        "in",
        "on",
        "at",
        "after",
        "when",
        "while",
        "speaking",
        "asked",
        "according",
        "also",
        "then",
        "earlier",
        "later",
        "last",
        "this",
        "that",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "his",
        "her",
        "its",
        "their",
        "our",
        "if",
        "as",
        "for",
        "from",
        "by",
        "with",
        "yesterday",
        "today",
        "said",
        "says",
        "so",
        "mr",
        "ms",
        "mrs",
    }
)

_UPPER = "".join(
    chr(c)
    for c in list(range(0x41, 0x5B)) + list(range(0xC0, 0x250)) + list(range(0x370, 0x530))
    if chr(c).isupper()
)
# Names are short: bounded tokens and runs keep every regex that starts with a name linear on pathological
# input (a long run of capitalised words would otherwise be re-scanned from each of its words).
_CAP_TOKEN = rf"[{_UPPER}](?:[\w'’\-]|\.(?=[{_UPPER}])){{0,40}}\.?"
_PARTICLE = r"(?:al|el|bin|ibn|de|da|di|del|van|von|der|den|la|le|du|dos|das|of|y)"
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
_GENERIC_SPEAKERS = frozenset(
    {
        "officials",
        "critics",
        "residents",
        "witnesses",
        "experts",
        "analysts",
        "sources",
        "observers",
        "protesters",
        "activists",
        "diplomats",
        "doctors",
        "locals",
        "people",
        "others",
        "many",
        "some",
        "someone",
        "everyone",
    }
)


@functools.lru_cache(maxsize=4096)
def _fold(word: str) -> str:
    word = fold_accents(word).replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


# Role words that name the same position ("the port chief" for "the head of the port authority").
_ROLE_SYNONYMS = {
    "chief": "head",
    "boss": "head",
    "leader": "head",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "fm": "foreign",
    "pm": "prime",
}


def _role_match(a: str, b: str) -> bool:
    """Role words match on their first four letters, so "Turkish" meets "Turkey"/"Türkiye", "Russian"
    meets "Russia"."""
    a, b = _ROLE_SYNONYMS.get(a, a), _ROLE_SYNONYMS.get(b, b)
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
    while words and _fold(words[0]).strip(".") in _RUN_STOP and len(words) > 1:
        words.pop(0)
    while words and _fold(words[-1]).strip(".") in _WEEKDAYS_MONTHS:
        words.pop()
    roles: list[str] = []
    while len(words) > 1 and (
        _fold(words[0]).strip(".") in _ROLE_NOUNS or _fold(words[1]).strip(".") in _ROLE_NOUNS
    ):
        roles.append(_fold(words.pop(0)).strip("."))
    if words and _fold(words[0]).strip(".") in TITLE_WORDS:
        roles.append(_fold(words.pop(0)).strip("."))
    name = " ".join(words).rstrip(".")
    if name.endswith(("'s", "’s")):
        name = name[:-2]
    return roles, name


def _is_org(name: str) -> bool:
    words = name.split()
    return bool(words) and _fold(words[-1]) in _ORG_WORDS


def _harvest_people(body: str) -> _Registry:
    """Collect people introduced with a title ("Mayor Lena Ortiz"), a role noun ("envoy Li Wei") or an
    appositive ("Karl Weiss, the head of the port authority,")."""
    registry = _Registry()
    for match in _CAP_RUN.finditer(body):
        roles, name = _split_run(match.group(0))
        if not name or _is_org(name) or len(name.split()) > 4:
            continue
        tokens = name_tokens(name)
        if tokens:
            registry.runs_by_surname.setdefault(tokens[-1], set()).add(name)
        before = _WORD_BEFORE_RUN.search(body, max(0, match.start() - 40), match.start())
        if before is not None and _fold(before.group(2)) in _ROLE_NOUNS:
            roles += [_fold(w) for w in before.group(0).split() if _fold(w) not in _STOP]
        if any(r in _ROLE_NOUNS for r in roles):
            registry.add(name, set(roles), match.start())
    for pattern, name_group, desc_group in ((_APPOSITIVE_AFTER, 1, 2), (_APPOSITIVE_BEFORE, 2, 1)):
        for match in pattern.finditer(body):
            desc = [_fold(w) for w in _WORD.findall(match.group(desc_group))]
            if not any(w in _ROLE_NOUNS for w in desc):
                continue
            roles, name = _split_run(match.group(name_group))
            if name and not _is_org(name):
                registry.add(name, set(roles) | {w for w in desc if w not in _STOP}, match.start())
    for person in registry.people:
        person.display = registry.fullest_form(person.display)
        person.tokens = name_tokens(person.display)
    return registry


# One or two lowercase words right before a capitalised run: "harbour master" in "harbour master Jon Eriksen".
_WORD_BEFORE_RUN = re.compile(r"(?:\b([a-z][\w-]*)\s+)?\b([a-z][\w-]*)\s+$")


@dataclass(slots=True)
class _Mention:
    text: str
    start: int


def _clean_mention(text: str) -> str:
    text = _AGE.sub("", _PARENTHETICAL.sub("", text)).strip(" ,;:—–-\n\t")
    words = text.split()
    while words and words[0].casefold() in _LEADING_FILLER and len(words) > 1:
        words.pop(0)
    while words and words[-1].casefold().strip(",") in _TRAILING_FILLER and len(words) > 1:
        words.pop()
    return " ".join(words).strip(" ,")


# Words that make a would-be mention a clause instead ("Turkey was ready to ... and" before "added").
_AUXILIARIES = frozenset(
    {
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "should",
    }
    | {"may", "might", "must", "did", "does", "do", "not"}
)


def _verbs(text: str) -> list[re.Match[str]]:
    """Attribution verbs in ``text``; a capitalised one only where it opens the text ("Said Lavrov"), so
    that "the United States" holds no "states"."""
    found = list(_MULTI_VERB.finditer(text))
    taken = [(m.start(), m.end()) for m in found]
    for word in _LATIN_WORD.finditer(text):
        if word.group(0).casefold() in _VERB_SET and not any(a <= word.start() < b for a, b in taken):
            found.append(word)
    found.sort(key=lambda m: m.start())
    lead = len(text) - len(text.lstrip())
    return [m for m in found if m.group(0)[0].islower() or m.start() == lead]


def _valid_mention(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 10 or any(c in text for c in '"“”«»'):
        return False
    low = words[0].casefold()
    if low in _PRONOUNS or low in _OTHER_PRONOUNS:
        return len(words) == 1
    if any(w.casefold() in _AUXILIARIES or w.casefold() in _CLAUSE_WORDS for w in words[1:]):
        return False
    if low in _AUXILIARIES or low in _VERB_SET:
        # "Asked what she would tell ..." is a clause, not a speaker.
        return False
    if re.fullmatch(_PARTICLE, low) and len(words) > 1 and words[1][0].isupper():
        return True  # "bin Rashid said", "von Hohenfeld added"
    if re.match(_HYPHEN_PARTICLE + r"[A-Z]", words[0]):
        return True  # "al-Rashid said"
    if low in _ROLE_NOUNS and any(w[0].isupper() for w in words[1:]):
        return True  # "owner Kim Lo said", "union president Amy Fox said"
    return low in _DETERMINERS or words[0][0].isupper()


# Words that never sit inside a speaker's name or description: their presence means a clause was taken.
_CLAUSE_WORDS = frozenset({"what", "whether", "how", "why", "she", "he", "they", "we", "i", "you", "it"})
_RELATIVE = re.compile(r"(?:who|which|whose|whom)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\bthat\b|\band\b|\bwhile\b|\bwhen\b|\bwhere\b|\bafter\b", re.IGNORECASE)


def _subject_before(text: str, offset: int, *, closest_first: bool = False) -> _Mention | None:
    """The first "<speaker> <verb>" in ``text`` (``offset`` is its position in the body).

    With ``closest_first`` the verbs nearest the end of ``text`` are tried first: before a quotation the
    attribution is the clause nearest the opening mark ("Britain pledged aid, and the ministry said ...").
    """
    verbs = _verbs(text)
    if closest_first:
        verbs.reverse()
    for verb in verbs:
        if verb.group(0).casefold().startswith("according"):
            after = _mention_after(text[verb.end() :], offset + verb.end())
            if after is not None:
                return after
            continue
        head = text[: verb.start()]
        breaks = list(_CLAUSE_BREAK.finditer(head))
        if breaks and breaks[-1].group(0).casefold() == "and" and not head[breaks[-1].end() :].strip():
            continue  # "X said ... and added": the subject belongs to an earlier verb
        # The subject is the clause right before the verb, but step back over an appositive or relative
        # clause set off by commas: "Weiss, the head of the port authority, said", "Becker, who leads the
        # union, said" name the person first.
        index = len(breaks) - 1
        while index >= 0:
            segment = head[breaks[index].end() :].strip()
            core = segment.rstrip(", ")
            enclosed = segment.endswith(",")
            first_word = core.split(maxsplit=1)[0].casefold() if core else ""
            if core and not (enclosed and (first_word in _DETERMINERS or _RELATIVE.match(core))):
                break
            index -= 1
        cut = breaks[index].end() if index >= 0 else 0
        candidate = _clean_mention(head[cut:])
        comma = candidate.find(",")
        if comma > 0 and candidate[0].isupper():
            # "Tomas Ferrand, who has led the city since 2019" -> the name before the clause.
            candidate = candidate[:comma].strip()
        if _valid_mention(candidate):
            start = offset + head.find(candidate, cut) if candidate in head else offset + cut
            return _Mention(candidate, start)
    return None


_ROLE_THEN_NAME = re.compile(rf"\s*(((?:[a-z][\w-]*\s+){{1,3}}){_CAP_RUN.pattern})")
_CLAUSE_END = re.compile(r"\s*([^,.;:\"“”]{1,80}?)\s*(?=[,.;:]|$)")
_MENTION_AFTER = re.compile(
    rf"^\s*(?:(?P<pron>he|she)\b|(?P<run>{_CAP_RUN.pattern})|(?P<desc>(?:the|a|an|one|another|his|her|its|their|some|several|two|three)\s+[^,.;:\"“”]{{1,60}}?)"
    rf"(?:,\s+(?P<apos>{_CAP_RUN.pattern}))?(?=[,.;:]|\s+(?:on|in|at|during|who|after|before|from)\b|$))"
)


def _mention_after(text: str, offset: int) -> _Mention | None:
    clause = _CLAUSE_END.match(text)
    if clause is not None and _STATEMENT_FROM.match(clause.group(1)):
        # "according to a statement from the central bank": kept whole for the resolver.
        return _Mention(clause.group(1), offset + clause.start(1))
    role = _ROLE_THEN_NAME.match(text)
    if role is not None and any(_fold(w) in _ROLE_NOUNS for w in role.group(2).split()):
        # "said union president Amy Fox": lowercase role words, then the name.
        return _Mention(role.group(1).rstrip(".").strip(), offset + role.start(1))
    match = _MENTION_AFTER.match(text)
    if match is None:
        return None
    for group in ("pron", "run", "apos", "desc"):
        if match.group(group):
            return _Mention(match.group(group).rstrip(".").strip(), offset + match.start(group))
    return None


def _attribution_after(body: str, start: int, end: int) -> _Mention | None:
    """Attribution following a closing mark: `, he said`, `, said Lavrov`, `, the minister added`."""
    text = body[start : min(end, start + _WINDOW)]
    sentences = split_sentences(text)
    clause = text[: sentences[0][1]] if sentences else text
    lead = len(clause) - len(clause.lstrip(" ,;:—–-\u00a0"))
    clause_body = clause[lead:]
    if not clause_body or clause_body[0] in "\"“„«'‘":
        return None
    found_verbs = _verbs(clause_body)
    verb = found_verbs[0] if found_verbs else None
    if verb is None or len(clause_body[: verb.start()].split()) > 10:
        return None
    before = _clean_mention(clause_body[: verb.start()])
    if verb.group(0).casefold().startswith("according") or not before:
        return _mention_after(clause_body[verb.end() :], start + lead + verb.end())
    if _valid_mention(before):
        return _Mention(before, start + lead + clause_body.find(before))
    return None


# --- assembling quotes --------------------------------------------------------------------------------


def _split_attribution_gap(body: str, first: _RawQuote, second: _RawQuote) -> bool:
    """True when ``first`` and ``second`` are one sentence split by its attribution: `"We will," she said,
    "not back down."`."""
    if first.close_pos is None or first.paragraph != second.paragraph or len(first.parts) != 1:
        return False
    if not first.open_ended or first.family != second.family:
        return False
    gap = body[first.close_pos + 1 : second.open_pos]
    stripped = gap.strip()
    if not stripped or stripped[-1] not in ",:—–" or len(stripped.split()) > 12:
        return False
    return bool(_verbs(gap))


def _looks_like_title(body: str, raw: _RawQuote, sentence_start: int) -> bool:
    """A capitalised phrase inside running prose ("his book "The Long Road Home"") names a work, not speech."""
    if len(raw.parts) != 1:
        return False
    start, end = raw.parts[0]
    before = body[max(sentence_start, raw.open_pos - _WINDOW) : raw.open_pos].rstrip()
    if _WORK_BEFORE.search(before[-60:]) and not _VERB_AT_END.search(before[-40:]):
        # "the annual report, "Building the Grid"" names a work; "the report said "..."" quotes it.
        return True
    if not before or before[-1] in ":," or _VERB_AT_END.search(before[-40:]):
        return False
    words = _WORD.findall(body[start:end])
    long_words = [w for w in words if len(w) > 3]
    if len(words) < 4 or _TERMINAL.search(body[start:end]):
        return False
    return bool(long_words) and sum(1 for w in long_words if w[0].isupper()) >= 0.7 * len(long_words)


def _sentences(body: str, parts: list[tuple[int, int]], joins: list[str]) -> tuple[QuoteSentence, ...]:
    sentences: list[QuoteSentence] = []
    for index, (start, end) in enumerate(parts):
        spans = split_sentences(body[start:end], start)
        if index > 0 and joins[index - 1] == " " and sentences and spans:
            # A sentence split by its attribution: join the last piece before and the first piece after.
            prev = sentences.pop()
            first = spans.pop(0)
            piece = body[first[0] : first[1]]
            sentences.append(
                QuoteSentence(
                    text=f"{prev.text} {piece}",
                    start=prev.start,
                    end=first[1],
                    parts=(*prev.parts, Span(first[0], first[1])),
                )
            )
        sentences.extend(QuoteSentence(body[a:b], a, b, (Span(a, b),)) for a, b in spans)
    return tuple(sentences)


@dataclass(slots=True)
class _Context:
    """What the attribution pass knows while it walks the article: its people and who was last in focus."""

    body: str
    registry: _Registry
    # Salience: (position, person display) for each resolved subject or speaker, in body order.
    events: list[tuple[int, str]] = field(default_factory=list)
    # "he"/"she" learnt per person from the pronouns already resolved to them, so that a chain alternating
    # between a man and a woman resolves each pronoun to the last person it fits.
    genders: dict[str, str] = field(default_factory=dict)

    def last_person(self, pos: int, pronoun: str | None = None) -> str | None:
        gender = _PRONOUN_GENDER.get(pronoun or "")
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            known = self.genders.get(name)
            if gender is None or known is None:
                if gender is not None:
                    self.genders[name] = gender
                return name
            if known == gender:
                return name
        return None

    def resolve(self, mention: _Mention) -> str | None:
        """The person (or body) an attribution names: pronouns and role descriptions resolved, names in the
        fullest form the article uses; None when nobody can be named."""
        text = _clean_mention(mention.text)
        if not text:
            return None
        low = text.casefold()
        if low in _PRONOUNS:
            person = self.last_person(mention.start, low)
            return (
                person if person is not None else self._named_just_before(mention.start, _PRONOUN_GENDER[low])
            )
        if low in _OTHER_PRONOUNS:
            return None
        words = text.split()
        source = _STATEMENT_FROM.match(text)
        if source is not None:
            # "according to a statement from the central bank", "a spokesperson for the ministry": an
            # unnamed voice of a body is the body speaking.
            return self.resolve(_Mention(source.group(1), mention.start + source.start(1)))
        if words[0].casefold() in _DETERMINERS:
            appositive = re.search(rf",\s+({_CAP_RUN.pattern})", text)
            if appositive:
                return self._name(appositive.group(1), mention.start)
            if (
                len(words) > 1
                and all(w[0].isupper() for w in words[1:])
                and _ROLE_SYNONYMS.get(_fold(words[-1]), _fold(words[-1])) not in _ROLE_NOUNS
            ):
                # "the FBI", "the Red Cross", "the White House": a body named by its proper name.
                return text
            named = _NAME_AFTER_DESCRIPTION.search(text)
            if named is not None:
                # "the campaign group Return Now", "the charity Oxfam": the name after the description.
                return self._name(named.group(1), mention.start)
            role_words = [_fold(w) for w in _WORD.findall(text) if _fold(w) not in _STOP]
            if role_words and role_words[-1] in _ORG_WORDS and " of " not in text:
                # "the water authority said" quotes the body itself, even when its spokesperson was named.
                return _org_form(self.body, text, mention.start)
            person = self.registry.by_role(role_words, mention.start)
            if person is not None:
                return person.display
            if role_words and role_words[-1] in _ORG_WORDS:
                return text
            if (
                words[0].casefold() == "the"
                and role_words
                and _ROLE_SYNONYMS.get(role_words[-1], role_words[-1]) in (_ROLE_NOUNS | {"head"})
            ):
                # "Ferrand said ... 'We will ...,' the mayor said": a definite role nobody was introduced
                # with refers back to the person just named, like a pronoun.
                return self.last_person(mention.start)
            return None
        return self._name(self._best_run(text), mention.start)

    def _named_just_before(self, pos: int, gender: str | None) -> str | None:
        """The last known person named in the text right before ``pos``: "Senator Ruth Ames said it plainly:
        the bill, she said, ..." introduces the person in the very sentence that quotes her."""
        start = max(0, pos - _WINDOW)
        found: str | None = None
        for run in _CAP_RUN.finditer(self.body, start, pos):
            _, name = _split_run(run.group(0))
            person = self.registry.find(name_tokens(name)) if name else None
            if person is not None and self.genders.get(person.display, gender) == gender:
                found = person.display
        return found

    def _best_run(self, text: str) -> str:
        """The name inside a mention: a person already known, else the run with most name words
        ("Jon Eriksen" in "Harbour master Jon Eriksen")."""
        best, best_words = text, 0
        if text.split(maxsplit=1)[0].casefold() in _PARTICLES and self.registry.find(name_tokens(text)):
            return text  # "bin Rashid": the particle belongs to the name
        for run in _CAP_RUN.finditer(text):
            _, name = _split_run(run.group(0))
            if not name:
                continue
            if self.registry.find(name_tokens(name)) is not None:
                return run.group(0)
            if len(name.split()) > best_words:
                best, best_words = run.group(0), len(name.split())
        return best

    def _name(self, run: str, pos: int) -> str | None:
        roles, name = _split_run(run)
        if not name or name.casefold() in _GENERIC_SPEAKERS or name.casefold() in _ROLE_NOUNS:
            return None
        if _is_org(name):
            return name
        person = self.registry.find(name_tokens(name))
        if person is None:
            person = self.registry.add(self.registry.fullest_form(name), set(roles), pos)
        return person.display if person is not None else None


_STATEMENT_FROM = re.compile(
    r"(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+)?(?:statement|post|letter|release|notice|message|"
    r"memo|filing|email|tweet|spokesperson|spokesman|spokeswoman)\s+(?:from|by|of|for|issued\s+by)\s+(\S.*)$",
    re.IGNORECASE,
)
# A description ending in a lowercase word and then a capitalised name that closes the mention.
# "the mayor of Drenna" ends in a place, not a name: a preposition before the run rules it out.
_NAME_AFTER_DESCRIPTION = re.compile(
    rf"^\w+\s+(?:[\w'’-]+\s+)*?(?!(?:of|in|for|from|at|on|to|with|by|near)\s)[a-z][\w-]*\s+({_CAP_RUN.pattern})$"
)


def _org_form(body: str, mention: str, pos: int) -> str:
    """The fullest form of an organisation named before ``pos`` with the mention's head noun ("the
    environment ministry" for a later "the ministry"); the mention itself when the forms disagree."""
    words = mention.split()
    wanted = [w.casefold() for w in words[1:]]
    if not wanted:
        return mention
    pattern = rf"\b[Tt]he\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(words[-1])}\b"
    # Case kept for display, compared casefolded: "the Varn water authority" for "the water authority".
    forms = {
        found.group(0).casefold(): found.group(0)
        for found in re.finditer(pattern, body[max(0, pos - 3000) : pos])
    }
    fuller = [f for f in forms if f.split()[-len(wanted) :] == wanted]
    longest = max(fuller, key=lambda f: len(f.split()), default=None)
    if longest is None or any(not longest.endswith(f[3:]) for f in fuller):
        # No earlier form, or two different bodies share the head noun ("the health/interior ministry").
        return mention
    return mention if len(longest.split()) <= len(words) else words[0] + forms[longest][3:]


def _sentence_subject(ctx: _Context, start: int, end: int) -> str | None:
    """The person a sentence is about, for later pronouns: "<name> said", "He ...", or a name up front."""
    text = ctx.body[start : min(end, start + _WINDOW)]
    mention = _subject_before(text, start)
    if mention is not None:
        return ctx.resolve(mention)
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first.casefold() in _PRONOUNS:
        return ctx.last_person(start, first.casefold())
    # A known person among the sentence's first words ("Trade envoy Li Wei visited the plant").
    for early in _CAP_RUN.finditer(text, 0, min(len(text), 60)):
        _, early_name = _split_run(early.group(0))
        known = ctx.registry.find(name_tokens(early_name)) if early_name else None
        if known is not None:
            return known.display
    run = _CAP_RUN.match(text)
    if run:
        _, name = _split_run(run.group(0))
        if not name or _is_org(name):
            return None
        after = text[run.end() : run.end() + 2]
        # A sentence opening with a full name followed by a verb or an age ("Maria Lopez, 34, watched")
        # introduces a person whom a later "she" may refer to.
        if len(name.split()) >= 2 and "'" not in name and "’" not in name and after[:1] in (",", " "):
            person = ctx.registry.add(name, set(), start)
            if person is not None:
                return person.display
    return None


def extract_quotes(body: str) -> list[Quote]:
    """Every direct quotation in ``body`` with its sentences, offsets and speaker, in body order."""
    paragraphs = paragraph_spans(body)
    raw_quotes = _drop_subheadings(body, paragraphs, _scan_quotes(body, paragraphs))
    sentence_spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        sentence_spans.extend(split_sentences(body[p_start:p_end], p_start))
    sentence_starts = [s for s, _ in sentence_spans]

    def sentence_of(pos: int) -> tuple[int, int]:
        index = bisect.bisect_right(sentence_starts, pos) - 1
        return sentence_spans[index] if index >= 0 else (pos, pos)

    # Merge quotations split by their attribution into one.
    merged: list[tuple[_RawQuote, list[_RawQuote]]] = []
    for raw in raw_quotes:
        if merged and _split_attribution_gap(body, merged[-1][1][-1], raw) and len(merged[-1][1]) < 4:
            merged[-1][1].append(raw)
        else:
            merged.append((raw, [raw]))

    ctx = _Context(body, _harvest_people(body))
    results: list[Quote] = []
    quote_index = 0
    covered_until = -1
    last_quote_paragraph = -2
    last_speaker: str | None = None
    # A sentinel past the end makes sure every quotation is handled even if no sentence span holds it.
    for s_start, s_end in [*sentence_spans, (len(body), len(body) + 1)]:
        handled = False
        while quote_index < len(merged) and merged[quote_index][0].open_pos < s_end:
            first, pieces = merged[quote_index]
            quote_index += 1
            handled = True
            speaker, mention = _attribute(
                ctx, body, paragraphs, first, pieces, sentence_of, last_quote_paragraph
            )
            if speaker is None and mention is None and first.paragraph - last_quote_paragraph <= 1:
                speaker = last_speaker  # an unattributed follow-on paragraph continues the last speaker
            built = _build(body, pieces, speaker, mention, sentence_of)
            if built is None:
                continue
            results.append(built)
            results.extend(_nested_fragments(body, pieces, built))
            covered_until = max(covered_until, built.end)
            if speaker is not None:
                ctx.events.append((first.open_pos, speaker))
                last_speaker = speaker
            last_quote_paragraph = pieces[-1].paragraph + len(pieces[-1].joins)
        if not handled and s_start >= covered_until:
            subject = _sentence_subject(ctx, s_start, s_end)
            if subject is not None:
                ctx.events.append((s_start, subject))
    return results


def _attribute(
    ctx: _Context,
    body: str,
    paragraphs: list[tuple[int, int]],
    first: _RawQuote,
    pieces: list[_RawQuote],
    sentence_of: Callable[[int], tuple[int, int]],
    last_quote_paragraph: int,
) -> tuple[str | None, str | None]:
    """Find the attribution of one quotation and resolve it; returns (speaker, mention as printed)."""
    last = pieces[-1]
    para_index = last.paragraph + len(last.joins)
    _, p_end = paragraphs[min(para_index, len(paragraphs) - 1)]
    candidates: list[_Mention] = []
    # 1. Between the pieces of a split quotation.
    for a, b in itertools.pairwise(pieces):
        if a.close_pos is not None:
            found = _attribution_after(body, a.close_pos + 1, b.open_pos)
            if found is not None:
                candidates.append(found)
    # 2. Before the opening mark, in the same sentence.
    sent_start, _ = sentence_of(first.open_pos)
    first_para_start = paragraphs[first.paragraph][0]
    # Bounded look-back: attributions sit close to the quote, and a bound keeps long paragraphs linear.
    sent_start = max(sent_start, first_para_start, first.open_pos - _WINDOW)
    if not body[sent_start : first.open_pos].strip() and first.paragraph > 0:
        # A paragraph ending in a colon introduces the quotation below it: `Ortiz told the council:`.
        prev_start, prev_end = paragraphs[first.paragraph - 1]
        if body[prev_end - 1] == ":":
            intro_start = max(sentence_of(prev_end - 1)[0], prev_start, prev_end - _WINDOW)
            found = _subject_before(body[intro_start:prev_end], intro_start, closest_first=True)
            if found is not None:
                candidates.append(found)
    if not candidates and body[sent_start : first.open_pos].strip():
        found = _subject_before(body[sent_start : first.open_pos], sent_start, closest_first=True)
        if found is not None:
            candidates.append(found)
        else:
            # Words quoted inside a sentence are usually its subject's: `Becker accused them of 'negligence'`.
            subject = _sentence_subject(ctx, sent_start, first.open_pos)
            if subject is not None:
                return subject, None
    # 3. After the closing mark, in the same sentence.
    if not candidates and last.close_pos is not None:
        signature = _DASH_SIGNATURE.match(body, last.close_pos + 1, p_end)
        if signature is not None and signature.end() == p_end:
            candidates.append(_Mention(signature.group(1).strip(), signature.start(1)))
    if not candidates and last.close_pos is not None:
        found = _attribution_after(body, last.close_pos + 1, p_end)
        if found is not None:
            candidates.append(found)
    # 4. The next sentence: in the paragraph, or opening the next paragraph when the quote ends its own.
    follow_on = first.paragraph - last_quote_paragraph <= 1
    if not candidates:
        tail_start = (last.close_pos + 1) if last.close_pos is not None else p_end
        next_start, next_end = sentence_of(tail_start)
        if next_start < tail_start:
            next_start, next_end = _next_sentence(body, tail_start, p_end)
        in_next_paragraph = False
        if next_start >= p_end and para_index + 1 < len(paragraphs):
            next_start, next_end = sentence_of(paragraphs[para_index + 1][0])
            in_next_paragraph = True
        if next_end > next_start and body[next_start] not in _DOUBLE | _SINGLE:
            sentence = body[next_start : min(next_end, next_start + _WINDOW)]
            inverted = _INVERTED_START.match(sentence)
            if inverted is not None:
                # "So said Henrik Sallow, ..." names the speaker of the quote before it, even after a
                # follow-on paragraph.
                found = _mention_after(sentence[inverted.end() :], next_start + inverted.end())
                if found is not None:
                    candidates.append(found)
            elif not (follow_on and in_next_paragraph):
                found = _subject_before(sentence, next_start)
                if found is not None and found.start - next_start < 3:
                    candidates.append(found)
                elif not follow_on:
                    # "... broke." Harbour master Jon Eriksen gave the account: a named person opening the
                    # next sentence, when no earlier quote could be continuing.
                    subject = _sentence_subject(ctx, next_start, next_end)
                    if subject is not None:
                        return subject, None
    for mention in candidates:
        speaker = ctx.resolve(mention)
        return speaker, mention.text
    if not follow_on:
        # A quote paragraph after reported speech ("Lavrov said X.") continues that speaker.
        return ctx.last_person(first.open_pos), None
    return None, None


def _next_sentence(body: str, pos: int, p_end: int) -> tuple[int, int]:
    rest = split_sentences(body[pos : min(p_end, pos + _WINDOW)], pos)
    # What follows the closing mark directly is either the next sentence or the tail of this one.
    if rest and body[rest[0][0]].isupper():
        return rest[0]
    if len(rest) >= 2:
        return rest[1]
    return p_end, p_end


def _build(
    body: str,
    pieces: list[_RawQuote],
    speaker: str | None,
    mention: str | None,
    sentence_of: Callable[[int], tuple[int, int]],
) -> Quote | None:
    parts: list[tuple[int, int]] = []
    joins: list[str] = []
    for index, raw in enumerate(pieces):
        if index > 0:
            joins.append(" ")
        parts.extend(raw.parts)
        joins.extend(raw.joins[: len(raw.parts) - 1])
    if not parts:
        return None
    text = body[parts[0][0] : parts[0][1]]
    for join, (a, b) in zip(joins, parts[1:], strict=True):
        text += join + body[a:b]
    fragment = len(text.split()) < 4
    first = pieces[0]
    if not fragment and len(pieces) == 1 and _looks_like_title(body, first, sentence_of(first.open_pos)[0]):
        return None
    return Quote(
        text=text,
        start=parts[0][0],
        end=parts[-1][1],
        parts=tuple(Span(a, b) for a, b in parts),
        speaker=speaker,
        speaker_mention=mention,
        fragment=fragment,
        sentences=_sentences(body, parts, joins),
    )


def _nested_fragments(body: str, pieces: list[_RawQuote], outer: Quote) -> list[Quote]:
    """Short quotations inside a quotation ('blame'), kept as fragments of the outer quote's speaker.

    Longer nested quotations stay only inside the outer quote: they are that speaker's report of
    someone's words, not a separate quotation of the article.
    """
    fragments: list[Quote] = []
    for raw in pieces:
        for start, end in raw.nested:
            while start < end and body[start].isspace():
                start += 1
            while end > start and (body[end - 1].isspace() or body[end - 1] == ","):
                end -= 1
            text = body[start:end]
            if not text or len(text.split()) >= 4 or not outer.start <= start < end <= outer.end:
                continue
            span = Span(start, end)
            fragments.append(
                Quote(
                    text=text,
                    start=start,
                    end=end,
                    parts=(span,),
                    speaker=outer.speaker,
                    speaker_mention=outer.speaker_mention,
                    fragment=True,
                    sentences=(QuoteSentence(text, start, end, (span,)),),
                )
            )
    return fragments
