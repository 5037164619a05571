"""Speed of the source check on a long invented transcript: index build once, then many quotes.

Prints figures; asserts nothing. Run: .venv/bin/python bench/source_check.py [words]
"""

from __future__ import annotations

import random
import sys
import time

from app.core.source_check import build_index, check_quote

_WORDS = (
    "the council bridge ferry harbour budget school road water power port cable engineer family "
    "winter summer spring week month year plan repair cost money people city district minister mayor "
    "will may must could should would can not never always again now today tomorrow soon late early "
    "build close open run pay raise cut extend replace inspect promise expect need want know think say "
    "a an of to in on for with from by at and but or we they it this that our their new old small large"
)
VOCABULARY = tuple(_WORDS.split(" "))
SPEAKERS = ("MAYOR DANA OKORO", "Q", "COUNCILLOR RUTH ABARA", "A")


def transcript(words: int, rng: random.Random) -> str:
    turns: list[str] = []
    total = 0
    while total < words:
        sentences = []
        for _ in range(rng.randint(1, 6)):
            length = rng.randint(6, 24)
            sentence = " ".join(rng.choice(VOCABULARY) for _ in range(length))
            sentences.append(sentence.capitalize() + rng.choice(".?."))
            total += length
        turns.append(f"{SPEAKERS[len(turns) % len(SPEAKERS)]}: {' '.join(sentences)}")
    return "\n\n".join(turns)


def quotes_from(text: str, count: int, rng: random.Random) -> list[str]:
    words = text.split()
    out = []
    for n in range(count):
        at = rng.randrange(0, len(words) - 40)
        piece = [w for w in words[at : at + rng.randint(5, 30)] if not w.endswith(":")]
        kind = n % 5
        if kind == 1:
            piece[len(piece) // 2] = "seventeen"
        elif kind == 2:
            other = rng.randrange(0, len(words) - 20)
            piece = [*piece[:6], "...", *words[other : other + 8]]
        elif kind == 3:
            piece = [rng.choice(VOCABULARY) for _ in piece]
        out.append(" ".join(piece))
    return out


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    rng = random.Random(13)
    text = transcript(size, rng)
    quotes = quotes_from(text, 400, rng)
    started = time.perf_counter()
    index = build_index(text)
    built = time.perf_counter() - started
    started = time.perf_counter()
    statuses: dict[str, int] = {}
    for quote in quotes:
        status = check_quote(quote, index, "Dana Okoro").status
        statuses[status] = statuses.get(status, 0) + 1
    checked = time.perf_counter() - started
    print(
        f"source: {len(index.words):,} words, {len(index.turns):,} turns; index built in {built * 1000:.0f} ms"
    )
    print(
        f"{len(quotes)} quotes checked in {checked * 1000:.0f} ms ({checked / len(quotes) * 1000:.2f} ms per quote)"
    )
    print("statuses:", dict(sorted(statuses.items())))


if __name__ == "__main__":
    main()
