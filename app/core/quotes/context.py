"""The running context of one article: the people in focus (salience), their genders, and the resolution of a
mention (name, pronoun, role, description) to the speaker shown."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from app.core.lexicon.names import AFFILIATIONS, FEMALE_GIVEN_NAMES, HONORIFICS, MALE_GIVEN_NAMES, PLACE_NAMES
from app.core.lexicon.speech import (
    AUTHORED_DOCUMENTS,
    CHANNELS,
    DOCUMENTS,
    GENERIC_BODY_NOUNS,
    GENERIC_SPEAKERS,
    GROUP_MODIFIERS,
    GROUP_SPEAKERS,
    ISSUED_DOCUMENTS,
    ORG_WORDS,
    PERSON_NOUNS,
    ROLE_GENDER,
    ROLE_NOUNS,
    ROLE_SYNONYMS,
    SPEAKING_NOUNS,
    VOICE_ROLES,
)
from app.core.lexicon.words import (
    DETERMINERS,
    OTHER_PRONOUNS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    PRONOUNS,
    SENTENCE_OPENERS,
    STOP,
    STOPWORDS,
)
from app.core.org_identity import is_body
from app.core.quotes.marks import _WINDOW
from app.core.quotes.mentions import (
    ARTICLES_AND_POSSESSIVES,
    HEAD_RUN,
    PLACE_BEFORE,
    WEBSITE,
    Mention,
    clean_mention,
    names_one_person,
    speaking_description,
)
from app.core.quotes.organisations import (
    ISSUED,
    PARTY_TAG,
    STATEMENT_FROM,
    bodies_in_focus,
    documents_spoken_in,
    org_form,
    voiced_bodies,
)
from app.core.quotes.people import (
    _CAP_RUN,
    _PARTICLES,
    _WORD,
    _fold,
    _is_org,
    _not_a_person,
    _Registry,
    _split_run,
    head_name_run,
    honorific_gender,
)
from app.core.speakers import given_name_gender, name_tokens
from app.core.text import POSSESSIVE_END

# The name a "who" refers to, past an "of <place>" that only locates the person ("Sen. Jo Doe of Ohio, who").
_NAME_BEFORE_WHO = re.compile(rf"({_CAP_RUN.pattern})(?:\s+of\s+{_CAP_RUN.pattern})?,\s*$")


# An owner and the document or channel it speaks through: "the company's statement", "his statement", "the
# group's Facebook page"; the owner a possessive phrase of up to five words or a possessive pronoun.
_POSSESSED_ISSUE = re.compile(
    r"^(?P<owner>(?:(?:the|a|an)\s+)?(?:[\w.&-]+\s+){0,4}?[\w.&-]+(?:['’]s|(?<=s)['’])|his|her|its|their)"
    r"\s+(?:[\w-]+\s+){0,2}?(?P<head>[\w-]+)$",
    re.IGNORECASE,
)


_TITLE_ABBREVIATIONS = {"sen": "senator", "gov": "governor", "rep": "representative", "pres": "president"}
_NOT_OFFICES = HONORIFICS | frozenset({"former", "then", "current", "new"})


def _lowercase_description(form: str) -> bool:
    """Whether a body's form is a description, no name: "the credit firm", not "the Varn water authority"."""
    words = form.split()
    return len(words) >= 2 and words[0].casefold() == "the" and all(w[:1].islower() for w in words[1:])


def _same_role(word: str, role: str) -> bool:
    """Whether a description's word is one of a person's roles as such (its synonym or plural), not only by the
    first letters the registry compares ("presidential candidate" Roe is no "president")."""
    word, role = ROLE_SYNONYMS.get(word, word), ROLE_SYNONYMS.get(role, role)
    return word == role or word.removesuffix("s") == role or role.removesuffix("s") == word


# An unnamed voice of a body named by its modifier: "an Acme spokesperson", "a U.S. State Department official".
_BODY_VOICE = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Tt]he)\s+(?P<body>(?:[A-Z][\w.&'’-]*\s+){0,4}[A-Z][\w.&'’-]*)\s+"
    r"(?:spokesperson|spokesman|spokeswoman|official|representative)"
)
# Endings of a people's or a place's adjective: "Russian", "Japanese", "British", "Israeli".
_PEOPLE_ENDINGS = ("an", "ese", "ish", "i")


# A sentence opening with a proper name of up to four words, then its verb: "Business Insider also commented".
_NAMED_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))((?:[A-Z][\w&.'’-]*\s+){0,3}[A-Z][\w&.'’-]*)\s+(?:also\s+)?[a-z]+(?:ed|s)\b"
)


# A lone capitalised word opening a sentence, then a lowercase verb: "Taylor doubts", "Roe said".
_SURNAME_OPENING = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))([A-Z][a-z'’-]+)\s+(?=[a-z]+(?:s|ed)\b)"
)


# A capitalised word and a comma right before a phrase: the phrase is that name's appositive.
_NAME_THEN_COMMA_END = re.compile(r"[A-Z][\w.'’-]*\s*,\s*$")


def _description_case(speaker: str) -> str:
    """A description printed at a sentence's start, as it reads inside a sentence: "A new alliance",
    "A Government statement" and "The group" are "a new alliance", "a Government statement", "the group". An
    indefinite article never opens a proper name; "The" stays before a capitalised name ("The Guardian")."""
    words = speaker.split()
    if len(words) < 2:
        return speaker
    first = words[0]
    if first in ("A", "An") or (first == "The" and all(w[:1].islower() for w in words[1:])):
        return first.casefold() + speaker[len(first) :]
    return speaker


def _only_modifiers(phrase: str) -> bool:
    """Whether the words between a phrase's determiner and its head are modifiers ("a prominent party
    member"), not a clause that reaches another noun's head ("an enormous fan of the pope")."""
    return not any(_fold(w) in STOPWORDS for w in phrase.split()[1:-1])


def _modified_plural(words: list[str]) -> bool:
    """One capitalised word, then lowercase words ending in a plural head that can speak ("Nigerian
    officials", "Acme executives"); not "Roe aides said" for a person the article names (checked by the
    caller)."""
    if len(words) < 2 or len(words) > 3 or not words[0][:1].isupper():
        return False
    rest = words[1:]
    head = rest[-1]
    return (
        all(w.isalpha() and w.islower() for w in rest)
        and head.endswith("s")
        and speaking_description("the " + " ".join(rest))
        and head.casefold() not in STOP
    )


_OWNER_AFTER_PREPOSITION = re.compile(rf"\b(?:{'|'.join(sorted(PREPOSITIONS))})\s+")
# The subject pronoun for a possessive one ("his statement" is what "he" said); "their" names nobody.
_POSSESSIVE_PRONOUN_SUBJECT = {"his": "he", "her": "she", "its": "it", "their": ""}


# An account's handle closing a mention ("Twitter account @Flightwatch"), the handle without its "@".
_HANDLE_END = re.compile(r"(?:^|\s)@(\w{2,30})$")
# Where a body sits, closing a mention: "the National Weather Service in Gray".
_LOCATOR_END = re.compile(rf"\s+(?:in|at|near)\s+{_CAP_RUN.pattern}$")
# A name in apposition closing a mention: "a spokesman for Acme Corp., Tom Ruiz".
_APPOSITIVE_END = re.compile(rf",\s+({_CAP_RUN.pattern})\s*$")
# A name, then a comma and a description: the head of an appositive phrase.
_APPOSITIVE_HEAD = re.compile(rf"^({_CAP_RUN.pattern}),\s+(?:[a-z]|[A-Z][\w'’.-]*['’]s?\s)")


# A capitalised possessor opening a description ("Clinton's top aide", "Sanders' campaign manager").
_POSSESSIVE_MODIFIER = re.compile(rf"^{_CAP_RUN.pattern}(?:['’]s|(?<=s)['’])\s+(?=[a-z])")


# Capitalised runs that are never a person: a run of all-capital words (datelines, headers, "S.C."), a
# party-state tag ("D-Ohio", "R-Texas", "I-Vt").
_NOT_A_NAME = re.compile(r"^(?:[A-Z][A-Z.'’&-]+\s+)+[A-Z][A-Z.'’&-]+$|^[A-Z](?:\.[A-Z])+\.?$|^[DRI]-[A-Z]")


def _no_he_or_she(name: str) -> bool:
    """Whether a proper name in focus can be no "he" or "she": a place ("Florida", "New Hampshire"), a group
    named by a plural affiliation ("Senate Democrats"), or a proper name printed with its article ("The
    United States", "The Vatican"); not a description ("the Arizona Republican", "one man in Leeds")."""
    words = name.split()
    if (
        words
        and words[-1][:1].isupper()
        and _fold(words[-1]).endswith("s")
        and _fold(words[-1]) in AFFILIATIONS
    ):
        return True  # "Senate Democrats", "House Republicans": a group, no "he" or "she"
    if words and words[0].casefold() == "the":
        words = words[1:]
        if words and all(w[:1].isupper() for w in words):
            return _fold(words[-1]) not in AFFILIATIONS  # "The Arizona Republican" is a person
    return bool(words) and all(w[:1].isupper() for w in words) and _not_a_person(" ".join(words))


def _given_gender(tokens: list[str]) -> str | None:
    """ "m"/"f" from the given name of a full name ("Jo Roe" has none the lists know), None unknown."""
    return "m" if tokens[0] in MALE_GIVEN_NAMES else "f" if tokens[0] in FEMALE_GIVEN_NAMES else None


# Heads that are no epithet for a person: group words no list of speaking nouns holds.
_GROUP_HEADS = frozenset({"couple", "pair", "duo", "trio", "crowd", "panel", "jury", "state", "public"})


def _epithet(words: list[str]) -> bool:
    """Whether a definite description is an epithet of one person ("the SpaceX frontman", "the astrologer",
    "the tech-giant"): "the", at most two modifiers and a singular head that no list of speaking nouns holds
    (a post, a person noun, a body, a paper and a channel are read by their own rules), with no clause or
    number in it ("the 46-year-old" is anyone of that age)."""
    if not 2 <= len(words) <= 4 or words[0].casefold() != "the":
        return False
    if any(_fold(w) in STOP or any(c.isdigit() for c in w) for w in words[1:]):
        return False
    head = _fold(words[-1])
    last = head.rsplit("-", 1)[-1]
    plural = (last.endswith("s") and not last.endswith(("ss", "us", "is"))) or last.endswith("men")
    listed = head in SPEAKING_NOUNS or last in SPEAKING_NOUNS or last in _GROUP_HEADS
    return len(last) > 2 and last.isalpha() and not plural and not listed


# A mention of police by its kind alone: "police", "the police", "a police statement", "a police release".
_POLICE_MENTION = re.compile(
    r"(?:[Tt]he\s+)?[Pp]olice|(?:[Aa]n?|[Tt]he)\s+police\s+(?:statement|release|notice|post|tweet|message)"
)
# A police force named by its place: "Leeds police", "New York Police" (not "the Police Department").
_PLACE_POLICE = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+[Pp]olice\b(?!\s+[A-Z])")


_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several"})


# How far back a description matched only in part looks for the person in focus: a few sentences.
_FOCUS_REACH = 400
# How far back "it said" looks for the organisation it stands for: about two paragraphs.
_IT_REACH = 600
# How far a document's issuer stays known for "the statement said": about three paragraphs; past it the
# article may quote another statement, and the document as printed is the honest answer.
_DOCUMENT_REACH = 1500


@dataclass(slots=True)
class Context:
    """What the attribution pass knows while it walks the article: its people and who was last in focus."""

    body: str
    registry: _Registry
    # Salience: (position, person display) for each resolved subject or speaker, in body order.
    events: list[tuple[int, str]] = field(default_factory=list)
    # "he"/"she" learnt per person from the pronouns already resolved to them, so that a chain alternating
    # between a man and a woman resolves each pronoun to the last person it fits.
    genders: dict[str, str] = field(default_factory=dict)
    # Who issued each kind of document the article quoted, and where ("statement" -> (120, "Jo Doe")), for a
    # later "the statement said" within _DOCUMENT_REACH.
    documents: dict[str, tuple[int, str]] = field(default_factory=dict)
    # Speakers that are unnamed descriptions ("a spokesman"): kept out of pronoun salience.
    descriptions: set[str] = field(default_factory=set)
    # Where each quoted span ends, sorted: the words before a quotation are read from the last closing mark
    # on, so that the words of an earlier quotation in the same sentence are never taken for its attribution.
    quote_ends: list[int] = field(default_factory=list)
    # The quoted spans themselves (sorted): words inside a quotation are no subject of the article's own.
    quoted: list[tuple[int, int]] = field(default_factory=list)
    # The full name each bare surname stands for (see _principal), read once per surname: the article's runs
    # do not change while it is attributed.
    principals: dict[str, str | None] = field(default_factory=dict)

    def gender_of(self, name: str) -> str | None:
        """ "m"/"f" from the pronouns already resolved to ``name``, else from the role words that introduced
        the person ("spokeswoman Jo Roe"), else from its given name; None unknown."""
        known = self.genders.get(name)
        if known is not None:
            return known
        tokens = name_tokens(name)
        person = self.registry.find(tokens) if tokens else None
        by_role = {ROLE_GENDER[role] for role in person.roles if role in ROLE_GENDER} if person else set()
        if len(by_role) == 1:
            return by_role.pop()
        if len(tokens) < 2:
            return None
        return "m" if tokens[0] in MALE_GIVEN_NAMES else "f" if tokens[0] in FEMALE_GIVEN_NAMES else None

    def last_person(self, pos: int, pronoun: str | None = None) -> str | None:
        gender = PRONOUN_GENDER.get(pronoun or "")
        latest = True
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            if latest and gender is not None:
                latest = False
                # "Taylor doubts a judge will ... 'The company ...,' he says": a surname opening a sentence
                # after the last subject in focus, whose full name the article prints with a given name of
                # the pronoun's gender, is the newer subject.
                opener = self._surname_opening_between(event_pos, pos, gender)
                if opener is not None:
                    return opener
            if gender is not None and is_body(name):
                continue  # "the AP asked Roe ... he told the AP": a body is no "he" or "she" (org_identity)
            if gender is not None and name in self.descriptions and not names_one_person(name):
                continue  # "the groups", "the report": no referent of "he" or "she"
            if gender is not None and _no_he_or_she(name):
                continue  # "Florida", "The United States": a place or a body named with its article
            known = self.gender_of(name)
            if gender is not None and known is None and not self._a_person(name):
                # "Acme was singled out by senator Jo Roe, who said ... 'We ...,' she said": a one-word
                # subject the article never gave as a person's full name yields to a person it names after
                # it and before the pronoun.
                named = self._named_between(event_pos, pos, gender)
                if named is not None:
                    return named
            if gender is None or known is None:
                if gender is not None:
                    self.genders[name] = gender
                return name
            if known == gender:
                return name
        return None

    def person_of_gender(self, name: str, pronoun: str) -> bool:
        """Whether ``name`` can be the referent of ``pronoun`` ("he", "she"): a person, not a body or a place,
        whose gender is unknown or the pronoun's."""
        gender = PRONOUN_GENDER.get(pronoun)
        if gender is None or is_body(name) or _no_he_or_she(name):
            return False
        return self.gender_of(name) in (None, gender)

    def _unnamed_before(self, head: str, pos: int) -> int | None:
        """Where an indefinite description with this head ("a Republican committee aide", "one member") came
        last, shortly before ``pos`` and with no name in apposition: someone the article never named."""
        start = max(0, pos - _DOCUMENT_REACH)
        pattern = rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w.'’-]+\s+){{0,5}}{re.escape(head)}\b(?!,\s+[A-Z])"
        last = None
        for found in re.finditer(pattern, self.body[start:pos]):
            # Not an appositive of a name ("Jo Roe, a Hull senator,"): that one is named.
            named = _NAME_THEN_COMMA_END.search(
                self.body, max(0, start + found.start() - 60), start + found.start()
            )
            if _only_modifiers(found.group(0)) and named is None:
                last = found
        if last is not None:
            return start + last.start()
        # Further back, an unnamed speaker already quoted ("a prominent party member said" a page earlier).
        quoted = any(
            d.split(maxsplit=1)[0].casefold() in _INDEFINITE
            and (m := re.search(pattern, d))
            and _only_modifiers(m.group(0))
            for d in self.descriptions
        )
        return 0 if quoted else None

    def _person_in_focus(self, pos: int) -> str | None:
        """The person last in focus, when that was in the last few sentences (not a body or a description)."""
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            if pos - event_pos > _FOCUS_REACH or name in self.descriptions or not self._a_person(name):
                return None
            return name
        return None

    def _named_police(self, pos: int) -> str | None:
        """The police force the article named by its place before ``pos`` ("Leeds police", "Berlin Police"),
        when it named exactly one; None otherwise."""
        forces = {}
        for found in _PLACE_POLICE.finditer(self.body, max(0, pos - 3000), pos):
            place = found.group(1)
            if _fold(place.split()[0]) in STOP or self.registry.find(name_tokens(place)) is not None:
                continue  # "The police", "Roe police": no place
            forces.setdefault(found.group(0).casefold(), found.group(0))
        return next(iter(forces.values())) if len(forces) == 1 else None

    def last_body(self, pos: int) -> str | None:
        """The organisation last in focus before ``pos``, for "it said": "The State Department confirmed
        the deaths. "We express our condolences," it said." A person in between ends the search."""
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            if pos - event_pos > _IT_REACH:
                return None
            if _is_org(name) or name.split(maxsplit=1)[0].casefold() == "the":
                return name
            return None
        return None

    def resolve(self, mention: Mention) -> str | None:
        """The person (or body) an attribution names: pronouns and role descriptions resolved, names in the
        fullest form the article uses; None when nobody can be named."""
        resolved = self._resolve(mention)
        if resolved is None:
            return None
        described = _description_case(resolved)
        if described != resolved and resolved in self.descriptions:
            self.descriptions.add(described)
        return described

    def _resolve(self, mention: Mention) -> str | None:
        text = clean_mention(mention.text)
        if not text:
            return None
        if WEBSITE.fullmatch(text):
            return text  # "space.com": the site speaks
        handle = _HANDLE_END.search(text)
        if handle is not None:
            # "Twitter account @Flightwatch noted", "@CityPolice tweeted": the account's handle names it.
            return handle.group(1)
        low = text.casefold()
        joint = self._joint(text, mention.start)
        if joint is not None:
            return joint
        if low in PRONOUNS:
            person = self.last_person(mention.start, low)
            return (
                person if person is not None else self._named_just_before(mention.start, PRONOUN_GENDER[low])
            )
        if low == "who":
            return self._who(mention.start)
        if low == "it":
            return self.last_body(mention.start)
        if low == "they":
            return self._pair_in_focus(mention.start)
        if low in OTHER_PRONOUNS:
            return None
        police = _POLICE_MENTION.fullmatch(text)
        if police is not None:
            # "police said", "the police said", "a police statement said" after "Leeds police confirmed ...":
            # the one force the article named by its place.
            named = self._named_police(mention.start)
            if named is not None:
                self.descriptions.add(named)
                self.genders[named] = "plural"
                return named
        group = self._group(text)
        if group is not None:
            return group
        head = _APPOSITIVE_HEAD.match(text)
        if head is not None:
            # "Jo Roe, the senator's lawyer": the person is the name before the comma, not the senator.
            text = head.group(1)
        issuer = _POSSESSED_ISSUE.match(text)
        if issuer is not None and _fold(issuer.group("head")) in ISSUED_DOCUMENTS | CHANNELS:
            # "the company's statement", "his statement", "a post on the group's Facebook page": whoever owns
            # the document or channel speaks through it.
            # "a post on the group's page": the owner is the phrase after the last preposition ("the group").
            owner = _OWNER_AFTER_PREPOSITION.split(issuer.group("owner"))[-1]
            # "the Green Party's page": a proper name speaks without its article.
            owner = re.sub(r"^(?:[Tt]he|[Aa]n?)\s+(?=[A-Z])", "", owner)
            owner = _POSSESSIVE_PRONOUN_SUBJECT.get(owner.casefold(), POSSESSIVE_END.sub("", owner))
            if owner:
                return self.resolve(Mention(owner, mention.start))
        possessor = _POSSESSIVE_MODIFIER.match(text)
        if possessor is not None and _fold(text.split()[-1]) in CHANNELS:
            # "Trump's account tweeted", "the mayor's Twitter feed said": the owner of the channel speaks.
            owner = POSSESSIVE_END.sub("", text[: possessor.end()].strip())
            return self.resolve(Mention(owner, mention.start))
        if possessor is not None:
            # "Acme's chief executive Jo Roe", "Ohio's governor": the possessor only modifies the head
            # ("the chief executive Jo Roe", "the governor").
            owner = POSSESSIVE_END.sub("", text[: possessor.end()].strip())
            found = self._resolve(Mention("the " + text[possessor.end() :], mention.start))
            owner_person = self.registry.find(name_tokens(owner)) if name_tokens(owner) else None
            head = _fold(text.split()[-1])
            if (
                owner_person is not None
                and (head in ROLE_NOUNS or head in ROLE_SYNONYMS or head in PERSON_NOUNS)
                and (found is None or found in self.descriptions or self._same_named(found, owner))
            ):
                # "Roe's lawyer said": the lawyer, spokesman or wife of a person is someone else than that
                # person, though the role noun alone would refer back to the person in focus; unnamed, the
                # description as printed says whose.
                self.descriptions.add(text)
                return text
            return found
        words = text.split()
        voice = _BODY_VOICE.match(text)
        if voice is not None and self._speaking_body(voice.group("body")):
            # "an Acme spokesperson told NPR", "a State Department official said": the unnamed voice of a body
            # the article names is the body speaking, as "a spokesperson for Acme" is.
            return voice.group("body")
        source = STATEMENT_FROM.match(text)
        if source is not None:
            # "according to a statement from the central bank", "a spokesperson for the ministry": an
            # unnamed voice of a body is the body speaking.
            named = _APPOSITIVE_END.search(source.group(2))
            if named is not None and source.group("noun").casefold() not in DOCUMENTS:
                # "a spokesman for Acme Corp., Tom Ruiz": the appositive names the spokesman himself.
                return self._name(named.group(1), mention.start + source.start(2) + named.start(1))
            body = Mention(source.group(2), mention.start + source.start(2))
            author = self.resolve(body) or clean_mention(body.text)
            # "The statement said ..." later quotes the same author.
            self.documents[source.group("noun").casefold()] = (mention.start, author)
            return author
        if words[0].casefold() in ARTICLES_AND_POSSESSIVES and not speaking_description(text):
            return None  # "the latest figures", "an accompanying list of fees": nothing that speaks
        if words[0].casefold() in DETERMINERS:
            appositive = re.search(rf",\s+({_CAP_RUN.pattern})", text)
            if appositive:
                return self._name(appositive.group(1), mention.start)
            located = _LOCATOR_END.search(text)
            if located is not None and all(w[0].isupper() for w in text[: located.start()].split()[1:]):
                # "the National Weather Service in Gray": where the body sits is no part of its name.
                text = text[: located.start()]
                words = text.split()
            if (
                len(words) > 1
                and all(w[0].isupper() for w in words[1:])
                and ROLE_SYNONYMS.get(_fold(words[-1]), _fold(words[-1])) not in ROLE_NOUNS
            ):
                owner = next((i for i, w in enumerate(words[1:-1], 1) if POSSESSIVE_END.search(w)), None)
                owned = " ".join(words[owner + 1 :]) if owner is not None else ""
                person = self._name(owned, mention.start) if owned and not _is_org(owned) else None
                # "the FBI", "the Red Cross", "the White House": a body named by its proper name; but in "The
                # Courier's Jo Roe" the possessor only modifies the person after it.
                return person or text
            named = _NAME_AFTER_DESCRIPTION.search(text)
            person_named = self._name(named.group(1), mention.start) if named is not None else None
            if person_named is not None:
                # "the campaign group Return Now", "the charity Oxfam": the name after the description;
                # "one senior Democrat" names nobody and stays a description.
                return person_named
            role_words = [_fold(w) for w in _WORD.findall(text) if _fold(w) not in STOP]
            if words[0].casefold() == "the" and 0 < len(role_words) <= 2 and role_words[-1] in DOCUMENTS:
                # "the joint statement said" after "Jo Roe and Ann Lee released a joint statement".
                issuer = self._issuer(role_words[-1], mention.start)
                if issuer is not None:
                    return issuer
            author = self._author(text, role_words, mention.start)
            if author is not None:
                return author
            noted = self.documents.get(role_words[0]) if len(role_words) == 1 else None
            if noted is not None and mention.start - noted[0] <= _DOCUMENT_REACH:
                return noted[1]
            if role_words and role_words[-1] in ORG_WORDS and " of " not in text:
                # "the water authority said" quotes the body itself, even when its spokesperson was named.
                form = org_form(self.body, text, mention.start)
                if form == text and len(role_words) == 1 and role_words[0] in GENERIC_BODY_NOUNS:
                    # "the company said" after "Acme spokeswoman Jo Roe": the body last given a voice.
                    return (
                        self._body_in_focus(role_words[0], mention.start)
                        or (
                            self._named_body_in_focus(mention.start) if words[0].casefold() == "the" else None
                        )
                        or form
                    )
                if (
                    words[0].casefold() == "the"
                    and role_words[-1] in GENERIC_BODY_NOUNS | {"agency"}
                    and _lowercase_description(form)
                ):
                    # "the credit firm said", "according to the space agency": a kind of body the article
                    # never named so; the body it keeps in focus.
                    return self._named_body_in_focus(mention.start) or form
                return form
            # "one Sanders supporter", "a spokesman": an indefinite description brings in someone new, never a
            # person the article already introduced with that role.
            indefinite = words[0].casefold() in _INDEFINITE
            # "the committee chairmen", "the aides": a plural head is a group, never one person of that role.
            group = bool(role_words) and role_words[-1].endswith(("s", "men")) and not names_one_person(text)
            person = None if indefinite or group else self.registry.by_role(role_words, mention.start)
            unnamed = (
                self._unnamed_before(role_words[-1], mention.start) if role_words and not indefinite else None
            )
            if person is not None and unnamed is not None and person.first_pos < unnamed:
                # "A committee aide blasted the statement. '...,' the aide said": the unnamed aide brought in
                # since the named one.
                return self._description(text)
            if person is not None and not all(
                any(_same_role(w, r) for r in person.roles) for w in role_words
            ):
                # "the Florida senator" after "Marco Rubio stressed defence": a role matched only in part (no
                # "Florida" among Sanders's roles) yields to the person just in focus.
                person_in_focus = self._person_in_focus(mention.start)
                if person_in_focus is not None:
                    return person_in_focus
            if person is not None and words[0].casefold() == "the":
                # "Obama spoke after golf with World Bank President Jo Kim. The president also said ...": the
                # person in focus, whose roles the article never gave, is the one a definite role refers to
                # rather than someone met earlier with that role.
                focus = self._person_in_focus(mention.start)
                focus_person = self.registry.find(name_tokens(focus)) if focus is not None else None
                if (
                    focus is not None
                    and focus != person.display
                    and focus_person is not None
                    and not focus_person.roles
                    and focus_person.first_pos < person.first_pos
                ):
                    return focus
            if person is not None:
                return person.display
            if role_words and role_words[-1] in ORG_WORDS:
                return text
            if (
                words[0].casefold() == "the"
                and role_words
                and ROLE_SYNONYMS.get(role_words[-1], role_words[-1]) in (ROLE_NOUNS | {"head"})
                and role_words[-1] not in VOICE_ROLES
            ):
                # "Ferrand said ... 'We will ...,' the mayor said": a definite role nobody was introduced
                # with refers back to the person just named, like a pronoun.
                if self._unnamed_before(role_words[-1], mention.start) is not None:
                    # "a prominent party member said ... 'We ...,' the party member said": the one the article
                    # brought in unnamed, not the person last named.
                    return self._description(text)
                person_before = self._person_of_role_before(role_words, mention.start)
                if person_before is not None and self._a_person(person_before):
                    # ... a person, never a paper or a body in focus ("the Post" before "the governor said").
                    return person_before
            if _epithet(words) and self._unnamed_before(_fold(words[-1]), mention.start) is None:
                # "Jo Roe has big plans. The rocket frontman revealed ...", "The astrologer explained": an
                # epithet for one person, a noun no list holds, refers to the person just in focus.
                focus = self._person_in_focus(mention.start)
                if focus is not None and self.genders.get(focus) != "plural":
                    return focus
            return self._description(text)
        if _modified_plural(words) and self.registry.find(name_tokens(words[0])) is None:
            # "Nigerian officials said", "Acme executives said": a capitalised modifier of a plural head
            # is no person; the description as printed, its proper modifier kept capitalised.
            self.descriptions.add(text)
            return text
        named = self._name(self._best_run(text), mention.start)
        if named is None and text[:1].islower() and len(words) > 1:
            # "one senior Democrat said": no person named, so the description as printed.
            return self._description(text)
        return named

    def _who(self, pos: int) -> str | None:
        """The person a relative "who" at ``pos`` stands for: the name right before it ("... from Jo Doe,
        who declared"), past an appositive after a speech verb ("said Jo Doe, the firm's chief strategist, who added"), or the
        description of one person after a speech verb or a preposition ("said one senator familiar with the
        talks, who added"); None for a group ("voters across the country, who said")."""
        start = max(0, pos - 160)
        antecedent = _NAME_BEFORE_WHO.search(self.body, max(0, pos - 120), pos)
        if antecedent is not None:
            return self._name(antecedent.group(1), antecedent.start(1))
        apposed = _NAME_APPOSITIVE_BEFORE_WHO.search(self.body, start, pos)
        if apposed is not None:
            return self._name(apposed.group(1), apposed.start(1))
        described = _DESCRIPTION_BEFORE_WHO.search(self.body, start, pos)
        if described is not None and (
            names_one_person(described.group(1)) or _MEMBER_NOUN.match(described.group(1)) is not None
        ):
            return self.resolve(Mention(described.group(1), described.start(1)))
        return None

    def note_documents(self, start: int, end: int, speaker: str) -> None:
        """Remember who issued the documents the sentence at ``start:end`` speaks through ("Acme spokeswoman Jo
        Roe said in a statement"), so that a later "the statement said" quotes them: the body a spokesperson
        speaks for, else the sentence's speaker."""
        nouns = documents_spoken_in(self.body[start:end])
        if not nouns:
            return
        issuer = self._voiced_body(end, start) or speaker
        if issuer in self.descriptions:
            return  # "the business mogul said in a statement": the document as printed says more than that
        for noun in nouns:
            self.documents[noun] = (start, issuer)

    def _body_in_focus(self, noun: str, pos: int) -> str | None:
        """The body last given a voice or an employee before ``pos`` ("Acme spokeswoman Jo Roe", "a guide for
        Acme"), for "the company said"; not a body of another kind ("Leeds University" is no "company")."""
        for name in reversed(bodies_in_focus(self.body, pos)):
            kind = _fold(name.split()[-1])
            if (kind not in ORG_WORDS or kind == noun) and not self._a_person(name):
                return name
        return None

    def _speaking_body(self, name: str) -> bool:
        """Whether a capitalised modifier of a voice ("Acme" in "an Acme spokesperson") names a body: no person
        of the article (a "Roe spokesman" speaks for Roe, and stays a description), no given name, no place, no
        party or people ("a Republican official", "a Russian official")."""
        tokens = name_tokens(name)
        if not tokens or self._a_person(name) or _given_gender(tokens) is not None:
            return False
        folded = _fold(name)
        if folded in PLACE_NAMES or folded in AFFILIATIONS:
            return False
        if is_body(name):
            return True
        # A one-word name: a people's adjective ("Russian", "Japanese") is none.
        return len(name.split()) == 1 and not folded.endswith(_PEOPLE_ENDINGS)

    def _named_body_in_focus(self, pos: int) -> str | None:
        """The one-word proper name in focus shortly before ``pos`` that is no person of the article (no given
        name, never printed in full) and no place, for "the company said" after "Credit agency Brentco said
        ...": the body the article just named; of several, the one most often in focus, then most often named
        so far ("Brentco" over an outlet cited once, "..., Newsline noted")."""
        candidates: dict[str, tuple[int, int]] = {}
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            if pos - event_pos > _DOCUMENT_REACH:
                break
            if name in self.descriptions or " " in name or not name[:1].isupper():
                continue
            if name in candidates:
                candidates[name] = (candidates[name][0] + 1, candidates[name][1])
                continue
            if self._a_person(name) or _no_he_or_she(name) or name in self.genders:
                continue
            if _fold(name) in PLACE_NAMES or _given_gender([_fold(name)]) is not None:
                continue
            # Named within the reach before: a bounded read, so a long article costs no more per mention.
            named = re.findall(rf"\b{re.escape(name)}\b", self.body[max(0, pos - 2 * _DOCUMENT_REACH) : pos])
            candidates[name] = (1, len(named))
        # Most often in focus, then most often named; ties go to the latest (the walk's order, newest first).
        chosen = max(candidates, key=lambda name: candidates[name], default=None)
        if chosen is None:
            return None
        last = max(event_pos for event_pos, name in self.events if name == chosen and event_pos <= pos)
        for subject in _NAMED_SUBJECT.finditer(self.body, last + 1, pos):
            run = subject.group(1)
            tokens = name_tokens(run)
            if (
                run != chosen
                and tokens
                and _given_gender(tokens) is None
                and _fold(run.split()[0]) not in STOP
            ):
                # "Business Insider also commented ... the company said": another name since, no person's by
                # its given name, may be the body meant.
                return None
        return chosen

    def _voiced_body(self, pos: int, since: int = 0) -> str | None:
        """The body a spokesperson or executive last spoke for between ``since`` and ``pos`` ("Acme
        spokeswoman Jo Roe"), the issuer of the statement such a sentence mentions; None when none did."""
        for name in reversed(voiced_bodies(self.body, pos, since)):
            if not self._a_person(name):
                return name
        return None

    def _a_person(self, name: str) -> bool:
        """Whether a capitalised run before "spokesman" or after "works for" is a person of the article ("Roe
        spokesman Jo Doe"); a one-word "person" is only a capitalised word the article never gave in full."""
        person = self.registry.find(name_tokens(name))
        return person is not None and len(person.display.split()) >= 2

    def _issuer(self, document: str, pos: int) -> str | None:
        """Who issued the document a later "the (joint) statement said" quotes: the subject of the last
        "<names> released a joint statement" before ``pos``, within reach; None when no sentence says."""
        issued = None
        for found in ISSUED.finditer(self.body, max(0, pos - _IT_REACH), pos):
            issued = found  # the last such sentence is the document meant
        if issued is None or issued.group("doc").casefold() != document:
            return None
        subject = PARTY_TAG.sub("", issued.group("who"))
        return self.resolve(Mention(subject, issued.start("who")))

    def _joint(self, text: str, pos: int) -> str | None:
        """Two named people who speak together ("Jo Roe and Ann Lee said in a joint statement", "said their
        lawyers Jo Roe and Ann Lee"): both are the speaker, shown "Jo Roe and Ann Lee". The pair may be the
        mention itself or a name joined by "and" just before a mention that is one name. None otherwise.
        Where each one is from and an appositive after the pair only describe them ("Jo Roe of Ohio and Ann
        Lee of Iowa, the party leaders"): they are left out before the pair is read."""
        text = _JOINT_APPOSITIVE.sub("", _JOINT_OF_PLACE.sub("", text))
        pair = _JOINT_END.search(text)
        if pair is not None:
            runs = (pair.group(1), pair.group(2))
        else:
            before = _JOINT_BEFORE.search(self.body, max(0, pos - 120), pos)
            if before is None or _CAP_RUN.fullmatch(text) is None:
                return None
            runs = (before.group(1), text)
        first, second = (self._name(run, pos) for run in runs)
        if first is None or second is None or first == second:
            return None
        joint = f"{first} and {second}"
        # Two people are no one a later "he" or "she" refers to (a gender neither pronoun has), but stay in
        # focus for "they" and for a continuation paragraph.
        self.genders[joint] = "plural"
        return joint

    def _author(self, text: str, role_words: list[str], pos: int) -> str | None:
        """The body that wrote a paper of its own findings: named before the noun in the mention ("a
        Congressional Research Service report found"), or, for "the report said", in the paper's last
        introduction shortly before ("An Acme Institute study found ... the study says"). None when
        no body is named so."""
        if not role_words or role_words[-1] not in AUTHORED_DOCUMENTS:
            return None
        noun = role_words[-1]
        own = _BODY_BEFORE_NOUN.search(text)
        if own is not None and own.group(2).casefold() == noun:
            return self._body_name(own.group(1))
        if len(role_words) != 1 or text.split(maxsplit=1)[0].casefold() != "the":
            return None
        introduced = None
        for found in _BODY_BEFORE_NOUN.finditer(self.body, max(0, pos - _DOCUMENT_REACH), pos):
            if found.group(2).casefold() == noun:
                introduced = found  # the last introduction is the paper meant
        return self._body_name(introduced.group(1)) if introduced is not None else None

    def _body_name(self, run: str) -> str | None:
        """A capitalised run as the name of a body ("Congressional Research Service", "AP"), not a person."""
        _, name = _split_run(run)
        if not name or self._a_person(name) or not (_is_org(name) or is_body(name)):
            return None
        return name

    def _group(self, text: str) -> str | None:
        """A group that speaks with no determiner before it ("police said", "Lagos police said", "senior
        officials said"): the group as printed, a modifier that only opens the sentence lowercased ("Local
        police" -> "local police"). Not a group named after a person the article knows ("Roe aides"): that
        phrase is about the person. None for anything else."""
        words = text.split()
        if not 1 <= len(words) <= 3 or words[-1].casefold() not in GROUP_SPEAKERS:
            return None
        for word in words[:-1]:
            low = _fold(word)
            if low in STOP or low in DETERMINERS:
                return None
            if word[:1].isupper() and low not in GROUP_MODIFIERS:
                tokens = name_tokens(word)
                if tokens and self.registry.find(tokens) is not None:
                    return None  # "Roe aides said": the article's person
            elif not word[:1].isupper() and not word.isalpha():
                return None
        shown = [w.casefold() if w.casefold() in GROUP_MODIFIERS | GROUP_SPEAKERS else w for w in words]
        group = " ".join(shown)
        self.descriptions.add(group)
        # Many people: no referent of a later "he" or "she", but of "they" (see _pair_in_focus).
        self.genders[group] = "plural"
        return group

    def _pair_in_focus(self, pos: int) -> str | None:
        """The two people who spoke together last, or the group that spoke last ("police said"), for "they"
        ("Roe and Lee said in a statement ... They vowed ..."): only when the pair or group is the last in
        focus, within about two paragraphs; any other plural is left unresolved."""
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            if pos - event_pos <= _IT_REACH and self.genders.get(name) == "plural":
                return name
            return None
        return None

    def _description(self, text: str) -> str | None:
        """An unnamed source as printed ("a police spokesman", "the lawsuit", "one user"): when nobody can
        be named, the description is the best answer a reader gets. It is no person, so it never becomes
        the referent of a later pronoun (see ``descriptions``)."""
        words = text.split()
        if len(words) < 2:
            return None  # "another said": no description at all
        described = words[0].casefold() + (" " + " ".join(words[1:]))
        self.descriptions.add(described)
        return described

    def _quoted_at(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation."""
        inside = bisect.bisect_right(self.quoted, (pos, len(self.body))) - 1
        return inside >= 0 and pos < self.quoted[inside][1]

    def _unquoted_window_start(self, pos: int) -> int:
        """Where a window of the article's own words before ``pos`` starts: one window back, not counting the
        quotations in between ('... a pressure Roe felt. "<three long sentences>," she said.')."""
        start = max(0, pos - _WINDOW)
        index = bisect.bisect_left(self.quoted, (pos, 0)) - 1
        while index >= 0 and start > 0:
            q_start, q_end = self.quoted[index]
            if q_end <= start:
                break
            start = max(0, start - (min(q_end, pos) - max(q_start, start)))
            index -= 1
        return start

    def _named_just_before(self, pos: int, gender: str | None) -> str | None:
        """The last known person named in the text right before ``pos``: "Senator Ruth Ames said it plainly:
        the bill, she said, ..." introduces the person in the very sentence that quotes her."""
        start = self._unquoted_window_start(pos)
        found: str | None = None
        unknown: tuple[str, list[str], int] | None = None
        # A lone surname of a full name whose given name tells no gender ("Cristin Roe"): the answer only when
        # it is the one person-like name of the window.
        untold: list[tuple[str, list[str], int]] = []
        for run in _CAP_RUN.finditer(self.body, start, pos):
            if self._quoted_at(run.start()):
                continue  # a name inside the quotation is what was said, not who said it
            roles, name = _split_run(run.group(0))
            tokens = name_tokens(name) if name else []
            person = self.registry.find(tokens) if tokens else None
            if person is not None and (self.gender_of(person.display) or gender) == gender:
                found = person.display
            elif person is None and gender is not None and len(tokens) == 1 and not roles:
                # "Sanders went first ... 'We ...,' he said": a lone surname whose full name the article prints
                # elsewhere ("Bernie Sanders") with a given name of the pronoun's gender.
                full = self.registry.fullest_form(name, gender=gender)
                if len(name_tokens(full)) >= 2 and _given_gender(name_tokens(full)) == gender:
                    unknown = (full, roles, run.start())
                elif len(name_tokens(full)) >= 2 and _given_gender(name_tokens(full)) is None:
                    untold.append((full, roles, run.start()))
            elif (
                person is None and len(tokens) >= 2 and gender is not None and _given_gender(tokens) == gender
            ):
                unknown = (name, roles, run.start())
        if found is None and unknown is None and len({full for full, _, _ in untold}) == 1:
            # "... a pressure Roe definitely felt. '...,' she said": the one name of the window.
            unknown = untold[-1]
        if found is None and unknown is not None:
            # "Hillary Roe on Monday hit Ben Doe on guns, and she claimed ...": with nobody known, a full name
            # whose given name tells the pronoun's gender is the person, though no sentence introduced her.
            name, roles, at = unknown
            person = self.registry.add(name, set(roles), at)
            found = person.display if person is not None else None
        return found

    def _recent_namesake(self, surname: str, pos: int, gender: str | None) -> str | None:
        """The full name with ``surname`` last in focus shortly before ``pos``, when the article names two or
        more people with that surname (one full name otherwise needs no choosing); ``gender`` from an
        honorific leaves out the namesakes whose given name tells the other."""
        folded = name_tokens(surname)
        if len(self.registry.runs_by_surname.get(folded[0], ())) < 2 or self._principal(surname) is None:
            return None
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            tokens = name_tokens(name)
            if (
                pos - event_pos <= _FOCUS_REACH
                and len(tokens) >= 2
                and tokens[-1] == folded[0]
                and (gender is None or given_name_gender(tokens) in (None, gender))
            ):
                return name
            return None  # someone else, or no one, just in focus
        return None

    def _principal(self, surname: str) -> str | None:
        """The full name a bare surname stands for when the article prints several with it ("Trump" with
        Donald Trump and Melania Trump): the one it prints first. News style gives the bare surname to the
        person the story is about, introduced first, and tells a relative by a given name or "Mrs."; None
        when the article prints at most one full name with that surname."""
        folded = name_tokens(surname)
        if folded[0] in self.principals:
            return self.principals[folded[0]]
        principal = self._first_printed(surname, folded[0])
        self.principals[folded[0]] = principal
        return principal

    def _first_printed(self, surname: str, folded: str) -> str | None:
        """The full name with ``surname`` printed first, when the article prints two or more (see
        :meth:`_principal`)."""
        # The earliest run printed for each given name: "Donald J. Trump" and "Donald Trump" are one person.
        first: dict[str, tuple[str, int]] = {}
        for run in self.registry.runs_by_surname.get(folded, ()):
            tokens = name_tokens(run)
            if (
                len(tokens) < 2
                or tokens[-1] != folded
                or tokens[0] in STOP
                or tokens[0] in SENTENCE_OPENERS
                or run.isupper()
                or _not_a_person(run)
            ):
                continue
            at = self.body.find(run)
            # "Hillary and Bill Clinton": the given name before "and" is printed with the surname too.
            paired = re.search(
                rf"\b{re.escape(run.split()[0])}\s+and\s+[A-Z][\w.]*\s+{re.escape(surname)}\b", self.body
            )
            if paired is not None and (at < 0 or paired.start() < at):
                at = paired.start()
            if at >= 0 and (tokens[0] not in first or at < first[tokens[0]][1]):
                first[tokens[0]] = (run, at)
        if len(first) < 2:
            return None
        return min(first.values(), key=lambda found: found[1])[0]

    def _same_named(self, resolved: str, owner: str) -> bool:
        """Whether ``resolved`` is the person ``owner`` names ("Peter Vale" for "Vale")."""
        owner_tokens = name_tokens(owner)
        resolved_tokens = name_tokens(resolved)
        if not owner_tokens or not resolved_tokens:
            return False
        person = self.registry.find(owner_tokens)
        return (person is not None and person.display == resolved) or owner_tokens == resolved_tokens

    def _person_of_role_before(self, role_words: list[str], pos: int) -> str | None:
        """The person last in focus for a definite role nobody was introduced with ("the mayor said"), past
        people the article gave another office ("Mayor Jo Roe" is no "the Republican presidential
        candidate" of the sentence after hers); the last person in focus when every one within reach holds
        another office."""
        last = self.last_person(pos)
        for event_pos, name in reversed(self.events):
            if event_pos > pos:
                continue
            if pos - event_pos > _DOCUMENT_REACH:
                break
            if name in self.descriptions or not self._a_person(name):
                return last  # a paper or a body in focus: no person to refer back to
            person = self.registry.find(name_tokens(name))
            offices = {
                _TITLE_ABBREVIATIONS.get(r, r)
                for r in (person.roles if person else ())
                if _TITLE_ABBREVIATIONS.get(r, r) in ROLE_NOUNS and r not in _NOT_OFFICES
            }
            if not offices or any(_same_role(w, r) for r in offices for w in role_words):
                return name
        return last

    def _surname_opening_between(self, start: int, pos: int, gender: str) -> str | None:
        """The last person, of ``gender`` by the given name of the full name the article prints, whose lone
        surname opens a sentence as its subject between ``start`` and ``pos`` (read no further back than a
        window)."""
        found: str | None = None
        for opening in _SURNAME_OPENING.finditer(self.body, max(start + 1, pos - _WINDOW), pos):
            surname = opening.group(1)
            if self._quoted_at(opening.start()):
                continue  # "... Cruz is the only one,' Roe says": a sentence inside a quotation
            if _fold(surname) in SENTENCE_OPENERS or _fold(surname) in STOP:
                continue
            full = self.registry.fullest_form(surname)
            tokens = name_tokens(full)
            if len(tokens) >= 2 and tokens[-1] == _fold(surname) and _given_gender(tokens) == gender:
                found = full
        if found is not None:
            person = self.registry.find(name_tokens(found)) or self.registry.add(found, set(), start)
            return person.display if person is not None else None
        return None

    def _named_between(self, start: int, pos: int, gender: str) -> str | None:
        """The last person of ``gender`` (or of no known gender) the article knows by a full name and names
        between ``start`` and ``pos``, read no further back than one window."""
        found: str | None = None
        for run in _CAP_RUN.finditer(self.body, max(start, pos - _WINDOW), pos):
            _, name = _split_run(run.group(0))
            tokens = name_tokens(name) if name else []
            person = self.registry.find(tokens) if tokens else None
            if (
                person is not None
                and len(person.display.split()) >= 2
                and (self.gender_of(person.display) or gender) == gender
            ):
                found = person.display
        return found

    def _best_run(self, text: str) -> str:
        """The name inside a mention: a person already known, else the run with most name words
        ("Jon Eriksen" in "Harbour master Jon Eriksen")."""
        best, best_words = text, 0
        if text.split(maxsplit=1)[0].casefold() in _PARTICLES and self.registry.find(name_tokens(text)):
            return text  # "bin Rashid": the particle belongs to the name
        opening = _NAME_THEN_PREPOSITION.match(text)
        if opening is not None:
            _, name = _split_run(opening.group(1))
            if len(name.split()) >= 2 and not _is_org(name):
                # "Jo Roe in the Daily Courier", "Jo Roe at Acme Corp": the person heads the phrase, the
                # preposition's object (a paper, a firm, a place) only says where the person writes or works.
                return opening.group(1)
        head = head_name_run(text)
        if head is not None:
            return head  # "Clinton campaign manager Jo Roe": Jo Roe, however well known Clinton is
        head = HEAD_RUN.search(text)
        if (
            head is not None
            and head.start(1) > 0
            and not PLACE_BEFORE.search(text[: head.start(1)])
            and not text[: head.start(1)].rstrip().endswith(" and")
        ):
            roles, name = _split_run(head.group(1))
            if name and len(name.split()) >= 2 and (roles or text[: head.start(1)].rstrip()[-1:].islower()):
                # "Trump campaign spokeswoman Hope Hicks": modifiers come first, the head closes the phrase.
                return head.group(1)
        for run in _CAP_RUN.finditer(text):
            _, name = _split_run(run.group(0))
            if not name or POSSESSIVE_END.search(run.group(0)):
                continue  # "Acme's" in "Acme's Jo Roe" modifies the name that follows
            if self.registry.find(name_tokens(name)) is not None:
                return run.group(0)
            if len(name.split()) > best_words:
                best, best_words = run.group(0), len(name.split())
        return best

    def _name(self, run: str, pos: int) -> str | None:
        roles, name = self.registry.split_run(run)
        if (
            not name
            or name.casefold() in GENERIC_SPEAKERS
            or (name.casefold() in ROLE_NOUNS and not self.registry.surname_in_article(name))
        ):
            return None
        if (
            _fold(name) in SENTENCE_OPENERS and not self.registry.surname_in_article(name)
        ) or _NOT_A_NAME.search(name):
            # "When", a dateline or shouted header ("MEXICO CITY"), a party-state tag ("D-Ohio"); but "Will"
            # and "May" are the surnames of the George Will and Theresa May the article names in full.
            return None
        if _is_org(name):
            return name
        gender = honorific_gender(roles)
        if len(name_tokens(name)) == 1:
            # "Seth Roe said ... 'It is ...,' Mr. Roe said" where the article also names his father Asa Roe: a
            # titled surname is the namesake just in focus; a bare one is the one printed first (the bare
            # surname is the principal's, a relative is told apart by a given name or an honorific).
            if roles:
                name = self._recent_namesake(name, pos, honorific_gender(roles)) or name
            else:
                name = self._principal(name) or name
        person = self.registry.find(name_tokens(name), gender=gender)
        if person is None:
            person = self.registry.add(self.registry.fullest_form(name, gender=gender), set(roles), pos)
        if person is not None and gender is not None:
            # "Mrs. Roe said": a later "she" may be her, whatever her given name.
            self.genders.setdefault(person.display, gender)
        return person.display if person is not None else None


# A name opening a mention, then a preposition: "Jo Roe in the Daily Courier", "Jo Roe of Acme Corp".
_NAME_THEN_PREPOSITION = re.compile(rf"({_CAP_RUN.pattern})\s+(?:in|at|of|from|for|with|on)\s+")


# A description ending in a lowercase word and then a capitalised name that closes the mention.
# "the mayor of Drenna" ends in a place, not a name: a preposition before the run rules it out.
_NAME_AFTER_DESCRIPTION = re.compile(
    rf"^\w+\s+(?:[\w'’-]+\s+)*?(?!(?:of|in|for|from|at|on|to|with|by|near)\s)[a-z][\w-]*\s+({_CAP_RUN.pattern})$"
)


# A speaker's name and appositive before a relative "who": "said Jo Doe, the firm's chief strategist, who";
# after any other word the name may be someone the sentence only mentions ("Asked about Jo Doe, the
# nominee, who has called ..., Roe demurred").
_NAME_APPOSITIVE_BEFORE_WHO = re.compile(
    rf"\b(?:said|says|told|added|wrote|according\s+to)\s+({_CAP_RUN.pattern}),\s+(?:the|a|an|his|her|its|their|{_CAP_RUN.pattern}['’]s?)\s+[^,;:\"“”()]{{1,80}},\s*$"
)
# A description after a speech verb or a preposition, before a relative "who": "said one senator familiar
# with the talks, who", "a lecture from the visiting president, who".
_DESCRIPTION_BEFORE_WHO = re.compile(
    r"\b(?:said|says|told|added|wrote|according\s+to|from|by)\s+((?:the|a|an|one|another)\s+[^,;:\"“”()]{2,80}),\s*$",
    re.IGNORECASE,
)

# "one Democrat", "a Republican": a determiner and one capitalised noun names a member of a party or a
# people, one person.
_MEMBER_NOUN = re.compile(r"(?i:a|an|one|another)\s+[A-Z][a-z]+(?<!s)\b(?!\s+[A-Z])")


# A capitalised name right before a paper's noun, inside an indefinite or definite phrase: "a September 2010
# Congressional Research Service report", "the new Pew Research Center survey".
_BODY_BEFORE_NOUN = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w.,'’-]+\s+){{0,3}}?({_CAP_RUN.pattern})\s+"
    rf"(?:[a-z][\w-]*\s+)?({'|'.join(sorted(AUTHORED_DOCUMENTS))})\b"
)


# Two names joined by "and" that close a mention ("the lawyers Jo Roe and Ann Lee"), and a name with its
# party tag joined by "and" right before a mention ("Jo Roe (D-Ohio) and | Ann Lee said").
_JOINT_END = re.compile(rf"(?:^|\s)({_CAP_RUN.pattern})\s+(?:and|&)\s+({_CAP_RUN.pattern})$")


_JOINT_BEFORE = re.compile(
    rf"({_CAP_RUN.pattern})(?:\s+of\s+{_CAP_RUN.pattern})?(?:\s*\([^()]{{1,30}}\))?\s+(?:and|&)\s+$"
)
# "of <place>" after a name of a pair ("Jo Roe of Ohio and Ann Lee of Iowa"): where each is from.
_JOINT_OF_PLACE = re.compile(rf"(?<=[\w.])\s+of\s+{_CAP_RUN.pattern}(?=\s+(?:and|&)\s|\s*,|\s*$)")
# An appositive closing a pair of names: "Jo Roe and Ann Lee, the party's leaders".
_JOINT_APPOSITIVE = re.compile(r",\s+(?:the|a|an|his|her|their|its)\s+[^,;:]{1,60},?\s*$")
