"""Who a sentence is about when it quotes nobody outright: the subject that puts a person in focus for later
pronouns, or owns words quoted inside the sentence."""

from __future__ import annotations

import re

from app.core.lexicon.speech import TITLE_WORDS
from app.core.lexicon.transcript import NEGATIONS
from app.core.lexicon.words import (
    AUXILIARIES,
    IRREGULAR_PAST,
    PRONOUNS,
    SENTENCE_OPENERS,
    STOP,
    STOPWORDS,
)
from app.core.quotes.context import Context
from app.core.quotes.cues import cue_verbs
from app.core.quotes.marks import _WINDOW
from app.core.quotes.mention_before import mention_before
from app.core.quotes.mentions import LEADING_CLAUSE, ROLE_WORD_NEXT, role_word
from app.core.quotes.people import (
    _CAP_RUN,
    _DERIVED_WORD,
    _fold,
    _is_org,
    _modifies_role_phrase,
    _split_run,
)
from app.core.speakers import name_tokens

# Words that open a subordinate clause before the sentence's own subject ("When he asked, Doe left").
_SUBORDINATORS = frozenset(
    {
        "when",
        "after",
        "before",
        "if",
        "as",
        "while",
        "although",
        "though",
        "because",
        "since",
        "once",
        "until",
    }
)


# Sentence openers that begin a role phrase, not a clause: "Former Acme chief Jo Roe, an ally, calls ...":
# the words up to the comma hold the subject.
_NOUN_PHRASE_OPENERS = frozenset({"former", "fellow"})
# A possessive pronoun's noun phrase, then a name in apposition: "Her chief policy aide, Jo Roe, ...".
_POSSESSED_THEN_NAME = re.compile(rf"[Hh]er\s[^,.;:\"“”]{{1,80}},\s+{_CAP_RUN.pattern}")


def sentence_subject(ctx: Context, start: int, end: int) -> str | None:
    """The person a sentence is about, for later pronouns: "<name> said", "He ...", or a name up front."""
    text = ctx.body[start : min(end, start + _WINDOW)]
    mention = mention_before(text, start)
    opening = LEADING_CLAUSE.match(text)
    if (
        mention is not None
        and opening is not None
        and _fold(opening.group(1)) in _SUBORDINATORS
        and mention.start - start < opening.end()
    ):
        # "When he asked about it, Doe stormed off": the opening clause's speaker is not the sentence's subject.
        mention = mention_before(text[opening.end() :], start + opening.end())
    resolved = ctx.resolve(mention) if mention is not None else None
    if resolved is not None:
        return resolved
    # "Kim Doe appeared on the show, where they said ...": a clause's "they" names nobody, the name opening
    # the sentence still does.
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first.casefold() in PRONOUNS and not _POSSESSED_THEN_NAME.match(text):
        # "Her chief aide, Jo Roe, calls ...": the name in apposition is the subject, not the possessor.
        return ctx.last_person(start, first.casefold())
    opener = LEADING_CLAUSE.match(text)
    if (
        opener is not None
        and _fold(opener.group(1)) in SENTENCE_OPENERS
        and _fold(opener.group(1)) not in _NOUN_PHRASE_OPENERS
    ):
        # "When the count ended, Jo Doe spoke", "When Roe left, Doe took over": the subject follows the
        # opening clause, and a name inside that clause is not in focus.
        text = text[opener.end() :]
        after_opener = text.split(maxsplit=1)[0].casefold() if text.strip() else ""
        if after_opener in PRONOUNS:
            # "In the video, he sends a message to Roe's lawyer": the pronoun is the subject, not Roe.
            return ctx.last_person(start + opener.end(), after_opener)
    opening = _CAP_RUN.match(text)
    opening_name = _split_run(opening.group(0))[1] if opening is not None else ""
    verb_next = _LOWERCASE_NEXT.match(text, opening.end()) if opening is not None else None
    full_name_opens = (
        opening is not None
        and verb_next is not None
        and not role_word(verb_next.group(1))
        and _fold(verb_next.group(1)) not in STOP
        and len(opening_name.split()) >= 2
        and not _is_org(opening_name)
        and not _NOT_A_PERSON.search(opening_name)
    )
    # A time or place phrase opening the sentence, then a body as its subject ("Hours before Roe's speech,
    # the agency defended ..."): a name inside the phrase is not in focus.
    opening_phrase = _OPENING_THEN_BODY.match(text)
    body_after_opening = opening_phrase.end() if opening_phrase is not None else 0
    # A known person among the sentence's first words ("Trade envoy Li Wei visited the plant").
    for early in _CAP_RUN.finditer(text, 0, min(len(text), 60)):
        if full_name_opens and opening is not None and early.start() >= opening.end():
            # "Jo Doe blasted Roe and defended Lee": a full name opens the sentence; the people after it
            # are its objects, however well known.
            break
        if _modifies_role_phrase(text, early.end()):
            continue  # "Former Obama spokesman Jo Roe": the run modifies the subject, the name after it
        if early.start() < body_after_opening:
            continue  # "Hours before Roe's speech, the agency said": Roe is inside the opening phrase
        _, early_name = _split_run(early.group(0))
        known = ctx.registry.find(name_tokens(early_name)) if early_name else None
        if known is not None:
            return known.display
    run = _CAP_RUN.match(text)
    if run:
        _, name = _split_run(run.group(0))
        if not name or _is_org(name) or _NOT_A_PERSON.search(name) or ROLE_WORD_NEXT.match(text, run.end()):
            return None
        after = text[run.end() : run.end() + 2]
        # A sentence opening with a full name followed by a verb or an age ("Maria Lopez, 34, watched")
        # introduces a person whom a later "she" may refer to.
        if len(name.split()) >= 2 and "'" not in name and "’" not in name and after[:1] in (",", " "):
            person = ctx.registry.add(name, set(), start)
            if person is not None:
                return person.display
        verb = _VERB_SHAPED.match(text, run.end())
        vetted = (
            verb is not None
            and len(name.split()) == 1
            and _finite_verb(verb.group(0), text[verb.end() :])
            and _lone_subject(ctx, name)
        )
        if (
            len(name.split()) == 1
            and (
                verb is not None
                or (_fold(run.group(0).split()[0]).strip(".") in TITLE_WORDS and after[:1] == ",")
            )
            and (vetted or ctx.registry.could_be_person(name, start + run.start()))
        ):
            # "Cruz openly admitted ...", "Trump has taken ...", "Ms. Harte, in addition to ..., called": a
            # surname the article never gives in full, opening the sentence before its verb (or, with a title,
            # before an aside), puts that person in focus for the "he said" after it.
            person = ctx.registry.add(
                ctx.registry.fullest_form(name), set(), start + run.start(), vetted=vetted
            )
            if person is not None:
                return person.display
        return None
    # "At his press conference after the defeat, broadcast on the team's feed, Fox brushed off questions":
    # a known person right after a comma and before a lowercase verb is the subject after opening clauses.
    for later in _SUBJECT_AFTER_COMMA.finditer(text):
        _, later_name = _split_run(later.group(1))
        known = ctx.registry.find(name_tokens(later_name)) if later_name else None
        if known is not None:
            return known.display
    return None


# A name where a clause's subject stands: opening the text or after a comma or a word that starts a clause
# ("with Doe recently promising", "because Doe has said"), then its verb or an appositive between commas.
_CLAUSE_SUBJECT = re.compile(
    rf"(?:^|,\s+|\b(?:with|because|while|as|but|when|after|before|since|although|though)\s+)"
    rf"({_CAP_RUN.pattern})(?=(?:,\s+[^,.;:\"“”]{{1,80}},)?(?:,\s+(?:also|later|then|again|now))?\s+[a-z])"
)


def nearest_subject(ctx: Context, start: int, end: int) -> str | None:
    """The person who is the subject of the clause nearest a quotation inside a sentence with no speech
    verb ("Ramos believes in journalism that "..."", "with Doe recently promising to "...""): the words
    quoted are that person's, whatever verb carries them."""
    text = ctx.body[max(start, end - _WINDOW) : end]
    for match in reversed(list(_CLAUSE_SUBJECT.finditer(text))):
        if _POSSESSIVE_RUN.search(match.group(1)):
            continue  # "before Roe's review, the agency defended": a possessor modifies a noun, no subject
        roles, name = _split_run(match.group(1))
        if not name or _is_org(name) or _NOT_A_PERSON.search(name) or _fold(name.split()[0]) in STOP:
            continue
        role_next = ROLE_WORD_NEXT.match(text, match.end(1))
        if role_next is not None and not role_next.group(0).rstrip().endswith("s"):
            # "Early Acme executive ..., Jo Roe, accused": the run only modifies a role phrase ("White House
            # officials", a group, stays as it was read).
            continue
        known = ctx.registry.find(name_tokens(name))
        if known is not None:
            return known.display
        if len(name.split()) >= 2:
            person = ctx.registry.add(name, set(roles), end)
            if person is not None:
                return person.display
    return None


def _finite_verb(words: str, rest: str) -> bool:
    """Whether the verb-shaped words after a lone capitalised word are a finite verb, not a plural noun
    ("Similar comments", "Labor unions"): a past tense, an auxiliary or a speech verb ("says"), with no
    auxiliary right after it ("Harsh comments are ...": the noun phrase's own verb follows)."""
    verb = words.split()[-1].casefold()
    following = rest.split(maxsplit=1)[0].casefold() if rest.strip() else ""
    if following in AUXILIARIES:
        return False
    return verb.endswith("ed") or verb in IRREGULAR_PAST or verb in AUXILIARIES or bool(cue_verbs(verb))


def _lone_subject(ctx: Context, name: str) -> bool:
    """Whether a lone capitalised word opening a sentence before its verb is a person the article names by
    surname only ("Carson defied the question.", "Cruz openly admitted that his pick ..."), though only the
    sentence's start shows its capital: a word the article never prints in lower case, no plural ("Critics
    argued"), no derived word ("Hastily"), no body and no place."""
    word = _fold(name).strip(".")
    return not (
        not word.isalpha()
        or len(word) < 3
        or word in ctx.registry.lowercase_words
        or word in STOP
        or word in SENTENCE_OPENERS
        or word.endswith(("s", "ism", "ness", "ment", "tion", "ity", "acy"))
        or word in STOPWORDS
        or word in NEGATIONS
        or (word.startswith(("every", "some", "any", "no")) and word.endswith(("one", "body", "thing")))
        or _DERIVED_WORD.search(word) is not None
        or _is_org(name)
        or _NOT_A_PERSON.search(name)
        or not ctx.registry.could_be_person(name)
    )


# What follows a subject that is a lone surname: an adverb and a verb-shaped word ("openly admitted",
# "has taken", "says").
_VERB_SHAPED = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:ed|s)|will|would|could|can|did|does)\b")


# A capitalised run after a comma and before a lowercase word: a subject after opening clauses.
_SUBJECT_AFTER_COMMA = re.compile(rf",\s+({_CAP_RUN.pattern})\s+(?=[a-z])")


# The lowercase word right after a capitalised run (and its party tag): its verb ("Jo Doe (D-Ohio) blasted
# ..."), or a role noun that the run only modifies ("Popular Christian speaker Jo Doe").
_LOWERCASE_NEXT = re.compile(r"(?:\s*\([^()]{1,30}\))?\s+([a-z][\w-]*)")


# Capitalised runs that are teams, bodies or labels, never a person in focus: an acronym or a digit inside
# the run ("NFC North", "F1 Racing").
_NOT_A_PERSON = re.compile(r"\b[A-Z][A-Z0-9]+\b|\b\w*\d\w*\b")


# A short phrase opening the sentence, to its comma, then a determiner that opens the subject: "Hours before
# Roe's speech, the ...", "A day after Roe's visit, a ...".
_OPENING_THEN_BODY = re.compile(r"\s*[A-Z][a-z]*(?:\s+[\w'’-]+){0,4},\s+(?=(?:[Tt]he|[Aa]n?)\s+[a-zA-Z])")
_POSSESSIVE_RUN = re.compile(r"['’]s?$")
