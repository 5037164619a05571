"""Salience: the person a sentence puts in focus for the pronouns after it is the subject of its main clause,
not a name inside an opening clause ("While Roe waited, Doe spoke"), after a preposition ("For Jo Roe,
the vote ...") or in a possessive ("Roe's plan ...")."""

from __future__ import annotations

import re

from app.core.lexicon.words import PREPOSITIONS, PRONOUN_GENDER
from app.core.quotes.context import Context
from app.core.quotes.cues import cue_verbs
from app.core.quotes.marks import _WINDOW
from app.core.quotes.mentions import Mention
from app.core.quotes.people import _CAP_RUN, _fold, _is_org, _split_run
from app.core.quotes.subjects import sentence_subject
from app.core.speakers import name_tokens

# Words that open a clause or phrase before the sentence's own subject: "While Roe waited, Doe spoke",
# "Although ..., Doe took", "Just a few months ago, Doe said", "At a rally in Leeds, Doe railed". Subordinating
# conjunctions, prepositions and sentence adverbs (any word in "-ly" too); never a pronoun or a quantifier,
# which open the main clause themselves ("Many voters, ..., say").
_OPENERS = PREPOSITIONS | frozenset(
    {
        "after",
        "although",
        "as",
        "because",
        "before",
        "despite",
        "during",
        "following",
        "if",
        "once",
        "since",
        "though",
        "unless",
        "until",
        "when",
        "whereas",
        "while",
        "amid",
        "among",
        "like",
        "unlike",
        "meanwhile",
        "however",
        "still",
        "yet",
        "then",
        "now",
        "just",
        "last",
        "earlier",
        "later",
        "soon",
        "today",
        "yesterday",
        "instead",
        "indeed",
        "nevertheless",
        "nonetheless",
        "moreover",
        "asked",
        "speaking",
    }
)


def _shared(ctx: Context, surname: str) -> bool:
    """Whether a lone surname belongs to two people the article names in full ("Bill Clinton" and "Hillary
    Clinton"): then "In a statement, Clinton said" puts neither in focus."""
    tokens = name_tokens(surname)
    if not tokens:
        return True
    given = {
        name_tokens(run)[0]
        for run in ctx.registry.runs_by_surname.get(tokens[-1], ())
        if len(name_tokens(run)) > 1
    }
    return len(given) > 1


def _opens_phrase(word: str) -> bool:
    folded = _fold(word)
    return folded in _OPENERS or (folded.endswith("ly") and len(folded) > 4)


# Up to the comma that closes an opening clause or phrase: no sentence mark and no quotation inside.
# The period of an abbreviation ("St.", "Sen.", "U.S.") ends no sentence.
_OPENING = re.compile(
    r"(?:[^.;:!?\"“”]|(?<=\b[A-Z])\.|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.){1,200}?,\s+"
    # A quoted title inside the opening, its comma inside the marks: 'In an appearance on "The Late Show,"'.
    r"|(?:[^.;:!?\"“”]|(?<=\b[A-Z])\.){1,120}?(?:\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”)"
    r"(?:(?<=,[\"”])\s+|[^.;:!?\"“”]{0,60}?,\s+)"
)

# The subject's noun phrase: a capitalised run, possibly after role words and modifiers ("Attorney General
# Jo Roe", "Florida developer Jo Roe", "62-year-old Jo Roe", "Acme's Jo Roe"), closing with a name.
# A modifier's capitalised run is atomic (read once, never re-split): re-splitting every run of "Ann's
# Ann's ..." into one to four modifiers cost about a second per 300-character sentence.
_IRREGULAR = (
    "said|told|says|wrote|took|made|gave|went|came|saw|got|sent|left|began|spoke|ran|won|lost|led|met|put|"
    "kept|held|brought|thought|felt|found|knew|stood|became|chose|drew|fell|flew|grew|rose|shook|stole|"
    "struck|swore|threw|woke|wore|paid|hit|cut|quit|let|read"
)
_VERB = (
    rf"(?:has|had|have|is|was|will|would|could|can|did|does|may|might|must|should|{_IRREGULAR}|"
    r"[a-z]+ed|[a-z]+[^s\W]s)\b"
)
_SUBJECT = re.compile(
    rf"(?:(?!{_VERB})(?:[a-z0-9][\w-]*|(?>{_CAP_RUN.pattern}(?:['’]s?)?))\s+){{0,4}}?(?P<name>{_CAP_RUN.pattern})"
    r"(?P<aside>,\s+[^,.;:\"“”]{1,100},|,\s+[DRI]-[A-Z][\w.]{0,12},|\s+\([^()]{1,20}\)"
    r"|\s+[—–]\s*[^—–.;:\"“”]{1,120}?\s*[—–])?"
    r"\s+(?:(?:also|later|then|again|now|first|still|never|quickly|once|soon|openly|immediately)\s+)?"
    rf"(?P<verb>{_VERB})"
)


# A participle opening a sentence, then a lower-case word: "Reached by phone, ...", "Pressed on the vote,
# ...", "Speaking to reporters, ..." (not a name: "Alfred Kahn, ..." has a capital next).
_PARTICIPLE_OPENING = re.compile(r"\s*[A-Z][a-z]{3,}(?:ed|ing)\s+[a-z]")


def _main_clause(text: str) -> int:
    """Where the main clause of a sentence starts: past up to two opening clauses or phrases that end in a
    comma ("At a rally in Leeds, Ohio, ...": a place after the comma closes the phrase too)."""
    pos = 0
    for _ in range(3):
        first = re.match(r"[\W_]*(\w+)", text[pos:])
        if first is None or not (_opens_phrase(first.group(1)) or _PARTICIPLE_OPENING.match(text, pos)):
            break
        opening = _OPENING.match(text, pos)
        if opening is None:
            break
        pos = opening.end()
        place = re.match(rf"{_CAP_RUN.pattern},\s+", text[pos:])
        if place is not None and not _opens_phrase(place.group(0).split()[0]):
            # "At a rally in Leeds, Ohio, Jo Roe ...": the state after the comma belongs to the phrase.
            rest = text[pos + place.end() :]
            if _SUBJECT.match(rest) is not None:
                pos += place.end()
    return pos


def main_subject(ctx: Context, start: int, end: int) -> str | None:
    """The person a sentence is about, for the pronouns after it: the named subject of its main clause
    when one stands before its verb, else what :func:`sentence_subject` finds, else the named subject of a
    clause joined after a comma ("That was last fall, and since then Jo Roe has seen ...")."""
    text = ctx.body[start : min(end, start + _WINDOW)]
    viewer = _VIEWPOINT.match(text)
    if viewer is not None:
        # "To Florida consultant Jo Roe, the party line is just plain silly.": the sentence gives Roe's view,
        # and the "he said" of the quotation after it is Roe's, not that of whoever the view is about.
        person = ctx.resolve(Mention(viewer.group(1), start + viewer.start(1)))
        if person is not None and person not in ctx.descriptions and ctx._a_person(person):
            return person
    clause = _main_clause(text)
    person = _named_subject(ctx, text, clause, start)
    if person is not None:
        return person
    subject = sentence_subject(ctx, start, end)
    if subject is not None:
        return subject
    for joined in _JOINED_CLAUSE.finditer(text, clause):
        person = _named_subject(ctx, text, joined.end(), start, after_opening=True)
        if person is not None:
            return person
    cleft = _CLEFT.match(text)
    if cleft is not None:
        # "It wasn't until 1979 that Jo Roe first defined the term": the cleft puts Roe in focus.
        return _named_subject(ctx, text, cleft.end(), start, after_opening=True)
    return None


def named_main_subject(ctx: Context, start: int, end: int) -> str | None:
    """The person named as the subject of the main clause of the words at ``start:end`` (see
    :func:`main_subject`), without its looser fallbacks: "In her speech, Roe declared ..." is Roe, "If we
    read Roe's plan right ..." names nobody."""
    text = ctx.body[start : min(end, start + _WINDOW)]
    return _named_subject(ctx, text, _main_clause(text), start)


def _named_subject(
    ctx: Context, text: str, clause: int, start: int, *, after_opening: bool = False
) -> str | None:
    """The person named as the subject of the clause at ``clause`` of ``text`` (the sentence at ``start``),
    before its verb; a lone surname only past an opening (where no capital of a sentence start misleads) and
    when no two people of the article share it."""
    found = _SUBJECT.match(text, clause)
    if found is None or found.group("name").isupper():
        return None
    _, name = _split_run(found.group("name"))
    phrase = text[found.start() : found.end("name")]
    lone_ok = (clause > 0 or after_opening) and not _shared(ctx, name)
    if not name or _is_org(name) or (len(name.split()) == 1 and not lone_ok):
        return None
    person = ctx.resolve(Mention(phrase, start + found.start()))
    if person is None or person in ctx.descriptions:
        return None
    own = _OWN_PRONOUN.match(text, found.end())
    if own is not None and cue_verbs(found.group("verb")) and ctx.gender_of(person) is None:
        # "Sen. Lindsey Graham said he would back it": a pronoun right after the subject's speech verb is
        # the subject, and tells the gender a given name such as "Lindsey" or "Robin" does not.
        ctx.genders[person] = PRONOUN_GENDER[own.group(1).casefold()]
    return person


# "he" or "she" right after a speech verb, perhaps after "that": "said he would", "says that she".
_OWN_PRONOUN = re.compile(r"\s+(?:that\s+)?(he|she)\b")


# A sentence opening with whose view it gives: "To Jo Roe, ...", "To Florida consultant Jo Roe, ...", "To
# Leeds University professor Jo Roe, ..." (role words and their capitalised modifiers, closed by a name).
_VIEWPOINT = re.compile(rf"\s*To\s+((?:(?:[a-z][\w-]*|[A-Z][\w.'’-]*)\s+){{0,8}}?{_CAP_RUN.pattern}),\s")


# A cleft sentence up to its "that": "It was in 1979 that ...", "It wasn't until Monday that ...".
_CLEFT = re.compile(r"\s*It\s+(?:was|is|wasn['’]t|isn['’]t|was\s+not|is\s+not)\s+[^.;:\"“”]{1,80}?\bthat\s+")


# A clause joined after a comma by a conjunction, with an adverb of time before its subject: ", and since then
# Jo Roe has", ", but now Jo Roe says".
_JOINED_CLAUSE = re.compile(
    r",\s+(?:and|but|yet|so)\s+(?:(?:since\s+then|then|now|later|still|instead|meanwhile),?\s+)?"
)
