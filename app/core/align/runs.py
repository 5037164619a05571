"""Word-for-word evidence: one sentence printed inside another, a shared unbroken run or whole clause, a trim
of a few words, one word apart. Every word counts, function words too."""

from __future__ import annotations

import itertools

from rapidfuzz.distance import LCSseq

from app.core.align.knobs import Knobs
from app.core.align.prepare import Prepared, codes
from app.core.lexicon.words import STOPWORDS, SUBORDINATORS
from app.core.similarity import NEGATORS


def contained(a: Prepared, b: Prepared, words: int) -> bool:
    """True when the shorter sentence is printed word for word inside the longer one and is long enough
    to be distinctive ("no one is above the law" / "The indictment is a reminder that no one is above the
    law"): one outlet printed part of the sentence, another the whole. Every word counts, function words
    too, and the words must be one unbroken run, so common words scattered through a long sentence
    never make a match. The shorter one needs ``words`` words, and five when it has one content word:
    one content word in four words is a stock phrase ("we stand with them"). A run that the longer sentence negates ("I'm not saying that
    I will resign" / "I will resign") is another claim."""
    short, long = sorted((a, b), key=lambda p: (len(p.all_words), p.key))
    if len(short.all_words) < max(words, 5 if len(short.content) < 2 else 4):
        return False
    start = long.all_words.find(short.all_words)
    if start < 0:
        return False
    # The run must not sit under a negation of the longer sentence that the shorter one lacks.
    flags = long.under_negation
    return len(flags) != len(long.all_words) or not flags[start]


def printed_inside(a: Prepared, b: Prepared, words: int) -> bool:
    """:func:`contained` over the wording: the shorter sentence's words, contractions and numbers read
    one way, printed inside the longer one, each piece between its ellipses ("We will protect the forest …
    for our grandchildren") as an unbroken run and the pieces in order. ``words`` words in all; the first
    run not under a negation of the longer sentence."""
    short, long = sorted((a, b), key=lambda p: (len(p.wording), p.key))
    if len(short.wording) < words:
        return False
    bounds = (0, *short.wording_gaps, len(short.wording))
    position = 0
    for n, (start, end) in enumerate(itertools.pairwise(bounds)):
        found = long.wording.find(short.wording[start:end], position)
        if found < 0 or (n == 0 and long.wording_negated[found]):
            return False
        position = found + end - start
    return True


def shared_run(a: Prepared, b: Prepared, words: int) -> bool:
    """True when both sentences print one unbroken run of ``words`` words of the wording ("We're going to
    confront the national security crisis on our southern border ..." trimmed and run on differently by
    two outlets): one person's words, whoever the outlets name. Linear: the runs of one sentence are
    looked up in a map of the other's. A run that one sentence negates and the other does not ("I'm not
    saying we will ...") is another claim."""
    if min(len(a.own_wording), len(b.own_wording)) < words:
        return False
    theirs: dict[str, set[bool]] = {}
    for i in range(len(b.own_wording) - words + 1):
        theirs.setdefault(b.own_wording[i : i + words], set()).add(b.own_negated[i])
    return any(
        a.own_negated[i] in theirs.get(a.own_wording[i : i + words], ())
        for i in range(len(a.own_wording) - words + 1)
    )


# A clause printed alone needs this many words, two of them content words: "Drivers should drive." as
# one outlet's sentence, "Drivers should drive, but ..." as another's; "We will win." is anyone's.
_CLAUSE_WORDS = 3


_CLAUSE_CONTENT_WORDS = 2


def whole_clause(a: Prepared, b: Prepared) -> bool:
    """True when the shorter sentence is, word for word, one whole clause of the longer one, from one
    clause break to the next ("A costly mistake." / "It was a rushed plan, a costly mistake."):
    one outlet printed a clause of the sentence as a sentence of its own. Too short for
    :func:`contained`, so only the speakers' agreement (checked by the caller) makes it one statement."""
    short, long = sorted((a, b), key=lambda p: (len(p.all_words), p.key))
    if len(short.all_words) < _CLAUSE_WORDS or len(short.content) < _CLAUSE_CONTENT_WORDS:
        return False
    bounds = long.clause_bounds
    for start, end in itertools.pairwise(bounds):
        if end - start == len(short.all_words) and long.all_words[start:end] == short.all_words:
            return not long.under_negation[start] if len(long.under_negation) == len(long.all_words) else True
    return False


# A clause two sentences share needs this many words: "I didn't need to do this" is one person's wording
# whatever each outlet printed around it; "we will win" is anyone's.
_SHARED_CLAUSE_WORDS = 6


def shared_clause(a: Prepared, b: Prepared) -> bool:
    """True when both sentences hold one whole clause word for word, from clause break to clause break,
    of ``_SHARED_CLAUSE_WORDS`` words and two content words or more ("I could do it over a longer period ―
    I didn't need to do this" / "I didn't need to do this, but I'd rather do it much faster"): two outlets
    trimmed one sentence at opposite ends. A clause that opens with a subordinator ("If the council
    approves the plan, ...") frames another claim and is not enough; the speakers' agreement is checked by
    the caller. Linear: each sentence's clauses are looked up in a set of the other's."""
    if not a.clause_bounds or not b.clause_bounds:
        return False
    theirs = {b.all_words[start:end] for start, end in itertools.pairwise(b.clause_bounds)}
    for start, end in itertools.pairwise(a.clause_bounds):
        if end - start < _SHARED_CLAUSE_WORDS or a.all_words[start:end] not in theirs:
            continue
        if a.folded[start] in SUBORDINATORS:
            continue
        if len(codes(" ".join(a.folded[start:end]))[3]) >= _CLAUSE_CONTENT_WORDS:
            return True
    return False


def trimmed_inside(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """True when every word of the shorter sentence (the wording: contractions, numbers read one way) is
    printed in order inside a stretch of the longer one at most ``trim_stretch`` times as long, with no
    negation among the words left out ("I know you're under duress" / "I know you're under a lot of
    duress to make up for lost ground", "That's a bunch of malarkey" / "that's just a bunch of
    malarkey"): one outlet dropped a few words from the middle of the speaker's clause, and the stretch
    ends where a phrase may end (not "the harbour" inside "the old harbour office"). The shorter one
    needs ``trim_words`` words and two content words; the caller checked speakers and claims."""
    short, long = sorted((a, b), key=lambda p: (len(p.wording), p.key))
    size = len(short.wording)
    if size < knobs.trim_words or len(short.content) < 2 or len(long.wording) <= size:
        return False
    if LCSseq.similarity(short.wording, long.wording) < size:
        return False
    limit = int(knobs.trim_stretch * size)
    first = short.wording[0]
    start = long.wording.find(first)
    while 0 <= start <= len(long.wording) - size:
        # The tightest stretch from this start: each word matched at its first place after the last.
        position = start
        for code in short.wording[1:]:
            position = long.wording.find(code, position + 1)
            if position < 0 or position - start >= limit:
                break
        else:
            left_out = {long.worded[i] for i in range(start, position + 1)} - set(short.worded)
            after = position + 1
            # The stretch must end where the speaker's phrase does: at the sentence's or a clause's end,
            # or before a function word; "close the harbour" is not "close the old harbour office".
            ends = after == len(long.worded) or after in long.wording_cuts or long.worded[after] in STOPWORDS
            if ends and not left_out & NEGATORS and not long.wording_negated[start]:
                return True
        start = long.wording.find(first, start + 1)
    return False


def one_word_apart(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """True when two sentences of ``one_word_apart`` words or more differ by one word at most, counted
    over every word ("I must say he surprised me today" / "I must say that he surprised me"): a
    transcription's word more or less. The claim checks (number, negation, predicate) ran before."""
    short, long = sorted((len(a.all_words), len(b.all_words)))
    if short < knobs.one_word_apart or long - short > 1:
        return False
    return LCSseq.similarity(a.all_words, b.all_words) >= long - 1


def clause_one_word_apart(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """:func:`one_word_apart` against one clause, or two neighbouring clauses, of the longer sentence (its
    clause bounds): one outlet printed the speaker's clauses without the opening one and heard one word
    differently ("What have you guys been debating, John?" / "In the House, what have you guys been
    doing, John?"). The claim checks (number, negation, predicate) ran before."""
    short, long = sorted((a, b), key=lambda p: (len(p.all_words), p.key))
    size = len(short.all_words)
    bounds = long.clause_bounds
    if size < knobs.one_word_apart or len(bounds) < 3:
        return False
    for n, start in enumerate(bounds[:-1]):
        for end in bounds[n + 1 : n + 3]:
            if abs(end - start - size) > 1:
                continue
            if LCSseq.similarity(short.all_words, long.all_words[start:end]) >= max(end - start, size) - 1:
                return True
    return False
