"""Words that find a sentence's predicates (its main verbs) without a tagger, for the statement aligner:
two sentences about one subject that say different things happen to it ("the crossing will reopen" /
"the crossing was closed") are two claims, however many words they share."""

from __future__ import annotations

# Auxiliaries and copulas: the next word (past the adverbs below) is a predicate ("will reopen", "was
# closed", "is safe"). "to" is left out: it is as often a preposition ("closed to trucks").
PREDICATE_AUXILIARIES: frozenset[str] = frozenset(
    {
        "will",
        "would",
        "shall",
        "should",
        "must",
        "can",
        "could",
        "may",
        "might",
        "is",
        "are",
        "was",
        "were",
        "am",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "'ll",
        "'re",
        "'ve",
        "'d",
        "'m",
    }
)
# Auxiliaries that place the predicate in the future or in the past: "will hold" and "held" are the same
# verb and two claims (an election announced is not an election reported).
FUTURE_AUXILIARIES: frozenset[str] = frozenset({"will", "shall", "'ll"})
PAST_AUXILIARIES: frozenset[str] = frozenset({"was", "were", "had", "did", "has", "have", "'ve"})
# Subject pronouns: the next word is a predicate ("we expect", "they held"). "you" and "it" are left out:
# both are as often objects ("thank you very much", "do it now").
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"i", "we", "they", "he", "she"})
# Words that may stand between an auxiliary and its verb ("will not only", "have already left",
# "was almost"); words ending in -ly are skipped too. At most three are skipped.
BETWEEN_AUXILIARY_AND_VERB: frozenset[str] = frozenset(
    {
        "n't",
        "not",
        "never",
        "also",
        "still",
        "already",
        "just",
        "now",
        "really",
        "even",
        "ever",
        "only",
        "always",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "get",
        "got",
        "getting",
        "all",
        "both",
        "soon",
        "then",
        "again",
        "finally",
        "almost",
        "later",
    }
)
# A lower-case word right before one of these is a verb taking an object ("gives our fishermen", "held its
# elections", "left the district"): English nouns are seldom followed by a determiner.
OBJECT_DETERMINERS: frozenset[str] = frozenset(
    {"the", "a", "an", "its", "our", "their", "his", "her", "my", "your", "this", "these", "those"}
)
# Verbs a translator or an editor puts for one another in a re-worded quote ("should take responsibility"
# / "must assume responsibility", "talks will go on" / "talks will continue", "fulfil the requirements" /
# "meet the requirements"): the same predicate, not a changed one. Only for the predicate check; they are
# not folded into one word, because outside a predicate they differ ("I assume" is not "I take").
INTERCHANGEABLE_VERBS: tuple[frozenset[str], ...] = (
    frozenset({"take", "assume"}),
    frozenset({"go", "continue", "proceed"}),
    frozenset({"meet", "fulfil", "fulfill"}),
    frozenset({"stop", "halt", "end"}),
    frozenset({"try", "attempt", "seek"}),
    frozenset({"get", "receive", "obtain"}),
    frozenset({"show", "demonstrate", "prove"}),
    frozenset({"tell", "inform"}),
    frozenset({"fire", "launch"}),
)
# Modifiers of extent and size an editor puts for one another after a determiner ("its whole length" / "its
# entire length", "a huge blow" / "a massive blow"): a re-wording, not another thing, unlike two nouns in that
# place ("the police chief" / "the fire chief").
INTERCHANGEABLE_MODIFIERS: tuple[frozenset[str], ...] = (
    frozenset({"whole", "entire", "full", "complete", "total"}),
    frozenset({"big", "large", "major"}),
    frozenset({"huge", "enormous", "massive", "vast", "immense", "tremendous"}),
    frozenset({"small", "little", "minor", "tiny"}),
    frozenset({"terrible", "awful", "horrible", "dreadful"}),
    frozenset({"great", "wonderful", "fantastic", "tremendous", "terrific"}),
    frozenset({"serious", "grave", "severe"}),
    frozenset({"main", "chief", "principal", "primary"}),
)
# Words that are never a predicate although they are no stopwords: indefinite pronouns ("did everything",
# "has nothing"). Prepositions, subordinators and adverbs come from the sentence openers of words.py.
NOT_PREDICATES: frozenset[str] = frozenset(
    {
        "everything",
        "nothing",
        "something",
        "anything",
        "everyone",
        "someone",
        "anyone",
        "nobody",
        "everybody",
        "somebody",
        "anybody",
    }
)
# Words a negation reaches past to the word it negates: the negative-polarity "any" words ("don't think it's
# anything worse" says what "don't think it's any worse" says) and hedging adverbs that outlets keep or drop
# ("I don't really like" / "I don't like"). Words that change the claim when negated ("not always", "not
# necessarily") are not here.
NEGATION_PASSES_OVER: frozenset[str] = frozenset(
    {
        "anything",
        "anyone",
        "anybody",
        "anywhere",
        "anymore",
        "ever",
        "yet",
        "really",
        "actually",
        "quite",
    }
)
