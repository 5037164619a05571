"""Whether two sentences that share words make different claims: another number, a negation, another name
or noun in one slot, another predicate. Such a pair never links, whatever else it shares."""

from __future__ import annotations

import itertools

from rapidfuzz.distance import OSA, Levenshtein

from app.core.align.prepare import Prepared
from app.core.lexicon.predicates import INTERCHANGEABLE_MODIFIERS, OBJECT_DETERMINERS
from app.core.lexicon.words import STOPWORDS
from app.core.similarity import claim_tokens, predicates_differ


def claims_differ(a: Prepared, b: Prepared) -> bool:
    """True when two sentences that share words make different claims: a changed number ("41 died" /
    "47 died": the figure ledger shows the conflict, and a statement only holds versions of one
    sentence; a trim may drop a number), a word negated in one and affirmed in the other, or a changed
    predicate ("will reopen" / "was closed")."""
    if a.numbers and b.numbers and not (_within(a.numbers, b.numbers) or _within(b.numbers, a.numbers)):
        return True
    if (a.negated or b.negated) and _polarity_conflict(a.tokens, b.tokens):
        return True
    if _name_swapped(a, b):
        return True
    return predicates_differ(a.predicates, a.token_set, b.predicates, b.token_set)


def _name_swapped(a: Prepared, b: Prepared) -> bool:
    """True when one name stands where the other sentence has another name, the words around it the same
    ("Councillor Hale has done a great job" / "Councillor Brook has done a great job"): the same frame
    about two people, places or dates is two claims. A name respelled (one or two edits: a typo, a
    transliteration) is the same name; a name printed in more or fewer words ("the US" / "the United
    States") is no one-for-one swap."""
    if len(a.names) != len(a.all_words) or len(b.names) != len(b.all_words):
        return False
    if not (any(a.names) and any(b.names)) and len(a.all_words) != len(b.all_words):
        return False  # neither two names nor one word for another: nothing to look for
    ops = [(op.tag, op.src_pos, op.dest_pos) for op in Levenshtein.editops(a.all_words, b.all_words)]
    for n, (tag, src, dest) in enumerate(ops):
        if tag != "replace" or any(abs(pos - src) <= 1 for m, (_, pos, _) in enumerate(ops) if m != n):
            # Only a word swapped one for one, no other edit beside it: two names for two ("U.S." /
            # "United States") is one name respelled.
            continue
        one, other = a.names[src], b.names[dest]
        if one and other and _other_name(one, other):
            return True
        # A common noun only when it is the one difference: an adjective after a determiner is as often
        # a translator's word ("an emergency meeting" / "an urgent meeting").
        if (
            len(ops) == 1
            and src > 0
            and a.folded[src - 1] in OBJECT_DETERMINERS
            and _other_noun(a.folded[src], b.folded[dest])
        ):
            return True
    return False


def _other_noun(one: str, other: str) -> bool:
    """True when two words after the same determiner name two things ("the police chief" / "the fire
    chief", "the mayor knew" / "the engineers knew"): content words that no folding, synonym or typo
    makes one."""
    if one.split("'")[0] in STOPWORDS or other.split("'")[0] in STOPWORDS:
        return False
    if claim_tokens(one) == claim_tokens(other):
        return False
    if any(one in group and other in group for group in INTERCHANGEABLE_MODIFIERS):
        return False
    return OSA.distance(one, other, score_cutoff=1) > 1


def _other_name(one: str, other: str) -> bool:
    # A month or a title abbreviated ("Oct."/"October", "Gen."/"General") or a name respelled by a
    # letter or two is the same name.
    if claim_tokens(one) == claim_tokens(other) or one.startswith(other) or other.startswith(one):
        return False
    return OSA.distance(one, other, score_cutoff=2) > 2


def _within(part: tuple[str, ...], whole: tuple[str, ...]) -> bool:
    """True when ``part`` is a subsequence of ``whole``."""
    rest = iter(whole)
    return all(token in rest for token in part)


def _polarity_conflict(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True when one sentence negates a word the other affirms ("will attend" / "will not attend").

    Counted per word, so a trim that drops a negated clause ("we will rebuild the school but not the gym"
    / "we will rebuild the school") is no conflict: only a word that moves from affirmed to negated is.
    """
    count_a: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for tokens, counts in ((a, count_a), (b, count_b)):
        for token in tokens:
            counts[token] = counts.get(token, 0) + 1
    for token in {t for t in (*a, *b) if t.startswith("!")}:
        plain = token[1:]
        more_negated = count_a.get(token, 0) - count_b.get(token, 0)
        more_affirmed = count_a.get(plain, 0) - count_b.get(plain, 0)
        if more_negated * more_affirmed < 0:
            affirming, other = (a, b) if more_affirmed > 0 else (b, a)
            if not _negation_shifted(affirming, other, plain):
                return True
    return False


def _negation_shifted(affirming: tuple[str, ...], other: tuple[str, ...], plain: str) -> bool:
    """True when ``plain``, affirmed in ``affirming``, comes right after a negated word that ``other``
    lacks, and both sentences negate as many words: the negation marks the next content word, so a word
    printed between the negation and the word it negates moves the mark ("aren't combined, written out
    yet" / "aren't written out yet"); the sentences still say the same. A negation added or dropped
    ("not going to say I'm not going to" / "not saying I am going to") is no move."""
    if sum(t.startswith("!") for t in affirming) != sum(t.startswith("!") for t in other):
        return False
    others = {t.lstrip("!") for t in other}
    return any(
        word == plain and before.startswith("!") and before[1:] not in others
        for before, word in itertools.pairwise(affirming)
    )
