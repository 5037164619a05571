"""The source check on generated transcripts: every planted status comes back, whatever the sentences."""

from __future__ import annotations

import random

import pytest

from app.core.source_check import SourceIndex, build_index, check_quote


def _transcript(rng: random.Random, vocabulary: list[str], words: int) -> str:
    turns: list[str] = []
    total = 0
    while total < words:
        sentences = []
        for _ in range(rng.randint(1, 5)):
            n = rng.randint(8, 20)
            sentences.append(" ".join(rng.choice(vocabulary) for _ in range(n)).capitalize() + ".")
            total += n
        turns.append(f"{rng.choice(['MAYOR ANA LEE', 'Q', 'CHIEF BO RAN'])}: {' '.join(sentences)}")
    return "\n\n".join(turns)


def _sentence(index: SourceIndex, number: int) -> list[str]:
    return [w.form for w, s in zip(index.words, index.sentence, strict=True) if s == number]


@pytest.mark.parametrize("vocabulary_size", [300, 3000])
def test_planted_quotes_come_back_with_their_status(vocabulary_size: int) -> None:
    rng = random.Random(vocabulary_size)
    vocabulary = [f"w{i}" for i in range(vocabulary_size)]
    index = build_index(_transcript(rng, vocabulary, 2500))
    last = index.sentence[-1]
    planted = 0
    for trial in range(150):
        number = rng.randrange(0, last)
        words = _sentence(index, number)
        if len(words) < 8:
            continue
        kind = trial % 5
        if kind == 0:
            quote, expected = " ".join(words) + ".", "verbatim"
        elif kind == 1:
            quote, expected = " ".join(words[rng.randint(1, 3) : len(words) - rng.randint(0, 2)]), "trimmed"
        elif kind == 2:
            changed = list(words)
            changed[rng.randint(2, len(words) - 3)] = "zzz"
            quote, expected = " ".join(changed), "altered"
        elif kind == 3:
            other = _sentence(index, (number + rng.randint(5, 40)) % last)
            if len(other) < 6:
                continue
            joiner = " ... " if trial % 2 else " "
            quote, expected = " ".join(words[:6]) + joiner + " ".join(other[:6]), "spliced"
        else:
            quote, expected = " ".join(rng.choice(vocabulary) for _ in range(10)), "not_found"
        assert check_quote(quote, index).status == expected, quote
        planted += 1
    assert planted > 100
