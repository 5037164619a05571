"""Looser evidence: how many content words (or words of the wording) two sentences share in order, with
respellings, reordered clauses, swapped neighbours and re-translations forgiven."""

from __future__ import annotations

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel, LCSseq

from app.core.align.claims import claims_differ
from app.core.align.knobs import Knobs
from app.core.align.prepare import Prepared
from app.core.similarity import encode, is_number_token


def retranslated(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """True when two versions of one person's sentence read as two translations of it ("North Korea's
    reckless action is an unprecedented, serious and grave threat" / "This reckless act of launching a
    missile ... is an unprecedented, serious and important threat"): ``translated_shared`` content words
    or more in common in order (interchangeable modifiers read as one), ``translated_cover`` of the
    shorter one's, and as dense in the stretch of the longer one they span, so that words scattered over
    a long sentence never make a match. The caller checked the speaker and the claims (number, negation,
    predicate). Whole sentences only: words lifted from a sentence into a reporter's paraphrase ("... at
    least sought to collude with ...") may come from another day's remarks in other words."""
    short, long = sorted((a, b), key=lambda p: (len(p.translated), p.key))
    if len(short.translated) < knobs.translated_shared or not (a.opens_sentence and b.opens_sentence):
        return False
    matched = [op for op in Indel.opcodes(short.translated, long.translated) if op.tag == "equal"]
    shared = sum(op.src_end - op.src_start for op in matched)
    if shared < knobs.translated_shared or shared < knobs.translated_cover * len(short.translated):
        return False
    span = matched[-1].dest_end - matched[0].dest_start
    return shared >= knobs.translated_cover * span


def clause_covered(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """The cover rule against one clause, or two neighbouring clauses, of the longer sentence (its
    clause starts are the cuts): one outlet's sentence may be another's clause run on into its own words
    or into the next sentence ("I was on the beach and the boat caught fire. . . .The display ended").
    The shorter sentence is always measured whole; the span stands for the longer side. Two clauses at
    most, so that a long sentence cannot collect a claim's words from clauses far apart. Bounded: a
    sentence has a handful of clauses."""
    short, long = sorted((a, b), key=lambda p: (len(p.content), p.key))
    if not long.cuts:
        return False
    bounds = (0, *long.cuts, len(long.content))
    says = says_something(short)
    for i, start in enumerate(bounds[:-1]):
        for end in bounds[i + 1 : i + 3]:
            shared = LCSseq.similarity(short.content, long.content[start:end])
            if covered(shared, len(short.content), max(end - start, len(short.content)), knobs, contain=says):
                return True
    return False


def same_words(a: Prepared, b: Prepared, knobs: Knobs) -> bool:
    """Near-identical distinctive sentences: both have ``distinctive_words`` content words or more, and the
    shorter one's words (all of them) are ``identical_cover`` matched in order, with no changed number or
    negation; a trim ("X, and Y" / "X") is the same words too."""
    if min(len(a.content), len(b.content)) < knobs.distinctive_words:
        # Fewer content words: only a sentence printed word for word, long enough to be one person's
        # wording rather than a stock phrase, is the same words.
        if a.wording == b.wording:
            return len(a.wording) >= knobs.verbatim_words
        # A word more, less or changed in a longer sentence ("do we want" / "do they want") is still
        # one person's wording; the claim checks above keep a changed number or negation apart.
        short, long = sorted((len(a.wording), len(b.wording)))
        return (
            short > knobs.verbatim_words
            and long - short <= 1
            and LCSseq.similarity(a.wording, b.wording) >= long - 1
            and not claims_differ(a, b)
        )
    if claims_differ(a, b):
        return False
    # Every word counts here, function words too: a re-translation keeps the content words but not the
    # wording, and only the wording shows that both outlets printed one sentence. The wording reads
    # contractions, numbers and acronyms one way ("It's 3,000" / "It is three thousand").
    shorter = min(len(a.wording), len(b.wording))
    # At least one word may differ, however short the sentence ("it's like they ruined" / "it's like,
    # it ruined"): 0.9 of nine words would allow none.
    allowed = max(1.0, (1 - knobs.identical_cover) * shorter)
    return _wording_shared(a, b, shorter - allowed)


def _wording_shared(a: Prepared, b: Prepared, needed: float) -> bool:
    """Whether ``needed`` words of the wording are shared in order, also when one outlet printed the
    sentence's clauses in the other order ("If X, Y" / "Y if X") or respelled a long word by one edit (a
    typo, a transliteration). A handful of LCS calls, only for pairs that got this far."""
    if LCSseq.similarity(a.wording, b.wording) >= needed:
        return True
    for one, other in ((a, b), (b, a)):
        respelled = encode(respelled_onto(one.worded, other.worded))
        if LCSseq.similarity(one.wording, respelled) >= needed:
            return True
        for cut in one.wording_cuts:
            if LCSseq.similarity(one.wording[cut:] + one.wording[:cut], respelled) >= needed:
                return True
    return False


def covered(shared: int, short: int, long: int, knobs: Knobs, *, contain: bool = True) -> bool:
    """Enough content words shared in order: a share of both sentences, or (``contain``) most of the
    shorter one's inside a longer one that says more."""
    if shared < knobs.min_shared:
        return False
    if shared >= knobs.short_cover * short and shared >= knobs.long_cover * long:
        return True
    return contain and shared >= knobs.contain_cover * short


def says_something(sentence: Prepared) -> bool:
    """Whether a sentence can stand as a statement inside a longer one by its content words alone: it opens
    a sentence, or it has a predicate. Words lifted from the middle of a sentence with no verb ("to senior
    campaign officials") are a noun phrase two different sentences of one document both use, so the
    cover of the shorter one alone (``contain_cover``) does not link them; a word-for-word trim still
    does. Corpus tune traps 3 -> 2/313, pairs (391/403), held out (147/164, traps 1/205) unchanged."""
    return sentence.opens_sentence or bool(sentence.predicates)


def respelled_onto(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """``b`` with each word that ``a`` lacks replaced by a word of ``a`` one edit away (two neighbouring
    letters swapped count as one edit): a typo or a transliteration ("initative", "Ardenya"/"Ardenia").
    Both words must be five letters or more and start alike, so that short words never meet; numbers must
    match exactly."""
    only_a = sorted(t for t in set(a) - set(b) if len(t) >= 5 and not is_number_token(t))
    if not only_a:
        return b
    mapping: dict[str, str] = {}
    for token in set(b) - set(a):
        if len(token) < 5 or is_number_token(token):
            continue
        found = process.extractOne(token, only_a, scorer=OSA.distance, score_cutoff=1)
        if found is not None and found[0][0] == token[0]:
            mapping[token] = found[0]
    return tuple(mapping.get(t, t) for t in b) if mapping else b


def loose_shared(a: Prepared, b: Prepared) -> int:
    """Shared content words when near-spellings count as equal and a sentence may be printed as two of
    its clauses in the other order ("If X, Y" / "Y if X") or with two neighbouring words swapped. Computed
    both ways round, so the link stays symmetric."""
    best = 0
    for one, other in ((a, b), (b, a)):
        coded_one, coded_other = one.content, encode(respelled_onto(one.spelled, other.spelled))
        best = max(best, LCSseq.similarity(coded_one, coded_other))
        for cut in one.cuts:
            best = max(best, LCSseq.similarity(coded_one[cut:] + coded_one[:cut], coded_other))
        # Two neighbouring words swapped: "balanced and responsible" / "responsible, balanced", "the
        # requirements of the deal" / "the deal's requirements".
        for i in range(len(coded_one) - 1):
            swapped = coded_one[:i] + coded_one[i + 1] + coded_one[i] + coded_one[i + 2 :]
            best = max(best, LCSseq.similarity(swapped, coded_other))
    return best
