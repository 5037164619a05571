"""Statements: the same quoted sentence as printed by several outlets, found incrementally.

Two quote sentences are *linked* when the same speaker could have said both and their content words
agree, or whoever the outlets name, when they are the same distinctive words (re-spellings,
re-translations and trims included), compared as the claim tokens of
:func:`app.core.similarity.claim_tokens`, and they do not disagree on a number or on negation. A statement
is a maximal set of pairwise linked sentences (a maximal clique of the link graph). Cliques rather than
connected components because a sentence that merely shares words with two different sentences must not
chain them together, and because one outlet's long sentence that another outlet split in two belongs to
both halves' statements. The set of maximal cliques does not depend on the order sentences arrive in, and
adding one sentence only extends or copies the cliques of its neighbours, which is what makes the
incremental path exact.

The package, one job a module:

- :mod:`.items`: the sentences in and the update out;
- :mod:`.prepare`: one sentence read once (content words, wording, clauses, names, negations, numbers);
- :mod:`.terms`: what the index and storage need from a text alone (index terms, hash, short fragments);
- :mod:`.claims`: whether two sentences make different claims (number, negation, name, predicate);
- :mod:`.runs`: word-for-word evidence (a trim inside a longer version, a shared run or clause);
- :mod:`.cover`: looser evidence (content words in order, respellings, re-translations);
- :mod:`.link`: the pair decision, speakers and evidence together; :mod:`.knobs` its tuning knobs;
- :mod:`.index`: the event's statements and their representatives, the candidates of a new sentence;
- :mod:`.statements`: the incremental clique update and the whole-event rebuild;
- :mod:`.rows`: statements shown as one row (one outlet's sentence printed as two pieces by another).
"""

from app.core.align.items import PlacedSentence, SentenceItem, StatementUpdate
from app.core.align.rows import split_sentence_rows
from app.core.align.statements import align_all, assign_statements, sentences_link
from app.core.align.terms import aligned_fragment, index_terms, one_content_word, text_key

__all__ = [
    "PlacedSentence",
    "SentenceItem",
    "StatementUpdate",
    "align_all",
    "aligned_fragment",
    "assign_statements",
    "index_terms",
    "one_content_word",
    "sentences_link",
    "split_sentence_rows",
    "text_key",
]
