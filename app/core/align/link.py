"""The pair decision: whether two quote sentences report the same sentence, from the speakers, the claims and
the word evidence of :mod:`.runs` and :mod:`.cover`."""

from __future__ import annotations

from rapidfuzz.distance import Indel, LCSseq

from app.core.align.claims import claims_differ
from app.core.align.cover import (
    clause_covered,
    covered,
    loose_shared,
    respelled_onto,
    retranslated,
    same_words,
    says_something,
)
from app.core.align.knobs import Knobs
from app.core.align.prepare import Prepared, unwrap
from app.core.align.runs import (
    clause_one_word_apart,
    contained,
    one_word_apart,
    printed_inside,
    shared_clause,
    shared_run,
    trimmed_inside,
    whole_clause,
)


def are_linked(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """:func:`_linked_as_printed`, and when an editor inserted words in brackets ("It [the budget cut] was
    a mistake"), again with those words read as the speaker's: another outlet may print them in the
    sentence ("It was a mistake to cut the budget"). Only for sentences that share the content words the
    index looks for (:func:`index_terms`), so that every link stays findable through it."""
    if _linked_as_printed(a, b, knobs):
        return True
    if (a.unwrapped is None and b.unwrapped is None) or not a.content or not b.content:
        return False
    if LCSseq.similarity(a.content, b.content) < min(knobs.min_shared - 1, len(a.content), len(b.content)):
        return False
    return _linked_as_printed(unwrap(a), unwrap(b), knobs)


def _linked_as_printed(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """True when ``a`` and ``b`` report the same sentence (or one contains the other).

    The text decides, the speakers are evidence, graded by how close the words are:

    - the same words, long enough to be distinctive, link whoever the outlets name: outlets that
      attribute one sentence to different people printed one statement, and the page shows who each
      outlet named;
    - a trim printed word for word (a run of the other sentence, a few words left out inside it, one
      word more or less) also links a body to a person (:func:`_body_and_person`);
    - looser matches (content words in common, re-ordered clauses, re-translations) need one speaker, or
      an unknown one (outlets often print a quote without naming who said it).
    """
    if a.speaker is not None and b.speaker is not None and a.speaker != b.speaker:
        if a.article_key == b.article_key:
            return False
        if _printed_alike(a, b, knobs):
            return True
        return _body_and_person(a, b) and _trimmed(a, b, knobs) and not claims_differ(a, b)
    if a.article_key == b.article_key:
        # One article quoting one sentence twice is a repeat, and so is one part of it printed word for
        # word again on its own ("keep the ferry running" / "We will keep the ferry running all winter"):
        # another outlet's whole sentence links both, and two statements would show it twice. Anything
        # less (two halves of one sentence, each inside another outlet's whole) is two sentences.
        if Indel.normalized_similarity(a.all_words, b.all_words) >= knobs.repeat_similarity:
            return True
        return contained(a, b, knobs.contained_words) and not claims_differ(a, b)
    # What links two outlets that name different speakers links two that name one, or none: a long run
    # printed by both ("you don't do is engage in a land war ...") with each outlet cutting the sentence
    # at another place is neither version's trim, and the rules below ask for a trim or cover.
    if _printed_alike(a, b, knobs):
        return True
    short, long = sorted((len(a.content), len(b.content)))
    if short == 0:
        return Indel.normalized_similarity(a.all_words, b.all_words) >= knobs.repeat_similarity
    if claims_differ(a, b):
        return False
    if _cites(a, b, knobs) or _cites(b, a, knobs):
        return False
    if _trimmed(a, b, knobs):
        return True
    if a.speaker is not None and a.speaker == b.speaker and (whole_clause(a, b) or shared_clause(a, b)):
        return True
    if min(len(a.tokens), len(b.tokens)) <= 1:
        # One content word ("Thank you.", "No comment."): only the same word makes the same sentence;
        # "Thank you very much." is another sentence, not a longer version of it.
        return a.tokens == b.tokens
    if short < knobs.min_shared:
        # Two content words ("This includes Turkey."): both must match, and the other sentence may add
        # one word at most ("We will attend the summit in Geneva.").
        return LCSseq.similarity(a.content, b.content) == short and long <= short + 1
    if _distinct_shared(a, b) < knobs.min_shared:
        # "right here and right now" / "right here, right now": a word said twice is one word in common.
        return a.speaker is not None and a.speaker == b.speaker and retranslated(a, b, knobs)
    shared = LCSseq.similarity(a.content, b.content)
    says = says_something(min((a, b), key=lambda p: (len(p.content), p.key)))
    if covered(shared, short, long, knobs, contain=says):
        return True
    if shared + 1 < knobs.min_shared or shared < knobs.long_cover * short:
        return False
    # Near misses get a second, slower look that forgives what a word code cannot: a typo or a
    # transliteration ("initative", "Ardenya"/"Ardenia"), or two clauses printed in the other order; or
    # the longer one is the sentence run on into another clause or sentence that the other outlet
    # split off or paraphrased around the quote.
    if covered(loose_shared(a, b), short, long, knobs, contain=says) or clause_covered(a, b, knobs):
        return True
    # Two outlets' translations of one person's sentence keep its distinctive words but little else.
    return a.speaker is not None and a.speaker == b.speaker and retranslated(a, b, knobs)


def _printed_alike(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """The word-for-word evidence that is the same statement whoever the outlets name: one outlet's trim
    printed inside another's sentence, long enough to be one person's wording, or one long run both
    print, when no claim differs; or the same distinctive words (:func:`same_words`)."""
    if (
        contained(a, b, knobs.verbatim_words)
        or printed_inside(a, b, knobs.verbatim_words)
        or shared_run(a, b, knobs.shared_run_words)
    ) and not claims_differ(a, b):
        return True
    return same_words(a, b, knobs)


def _cites(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """Whether ``a`` denies ``b``'s words as a quotation inside its quote (Y: "the war was not 'a war of
    X's choosing'" / X: "a war of X's choosing."): the longer sentence cites the shorter one to deny it,
    another claim, though the count of negated words cannot tell (the longer one affirms the same words
    elsewhere). ``b``, not negated, is most (``contain_cover``) of one denied quotation. A quotation
    printed without a negation ("The sign said 'no entry after dark'") stays a version of it."""
    if not a.denied or b.negated or len(b.content) < knobs.min_shared or len(b.content) >= len(a.content):
        return False
    return any(
        LCSseq.similarity(b.content, cited) >= knobs.contain_cover * max(len(b.content), len(cited))
        for cited in a.denied
    )


def _body_and_person(a: Prepared, b: Prepared) -> bool:
    """Whether one outlet names a body and the other a person: a body speaks through people ("Acme said"
    in one outlet is often its spokesman, founder or chief named in another), so a trim links them as it
    would one speaker's versions. Two people, or two bodies, stay two sources. Only the word-for-word
    trims (:func:`_trimmed`): with the looser rules too, a held-out trap linked (corpus held out traps
    1 -> 2/205); as is, corpus tune pairs 298 -> 301/307 (a company given for its founder's or a former
    executive's words), held out 146/164 and traps (3/263, 1/205) unchanged."""
    return a.body != b.body


def _trimmed(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """One sentence a word-for-word trim of the other: printed inside it as one run, inside a short stretch
    of it with a few words left out, or one word apart."""
    return (
        contained(a, b, knobs.contained_words)
        or one_word_apart(a, b, knobs)
        or trimmed_inside(a, b, knobs)
        or clause_one_word_apart(a, b, knobs)
    )


def _distinct_shared(a: Prepared, b: Prepared) -> int:
    """How many distinct content words the sentences share, a word respelled by one edit
    (:func:`app.core.align.cover.respelled_onto`) counting as shared."""
    return max(
        len(set(one.spelled) & set(respelled_onto(one.spelled, other.spelled)))
        for one, other in ((a, b), (b, a))
    )
