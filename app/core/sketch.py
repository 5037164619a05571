"""Bottom-k sketches of an article's word shingles: a few dozen integers that find near-copies without
reading every other article.

Two articles that share much of their text share many of their smallest shingle hashes, so a database
index over sketch values turns "which stored articles might be copies of this one?" into one indexed
lookup instead of a pass over every body.
"""

from __future__ import annotations

import hashlib

from app.core.similarity import words


def _hash(shingle: str) -> int:
    # blake2b, not hash(): the value is stored and must be the same in every process; 63 bits fit BIGINT.
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def text_sketch(text: str, *, shingle_size: int = 3, k: int = 48) -> list[int]:
    """The `k` smallest hashes of the text's word `shingle_size`-grams (folded words), sorted.

    k=48: a near copy (60% or more shared text) shares about half its sketch with the original, far
    above the handful that two independent reports of one event share by chance.
    """
    folded = words(text)
    shingles = {" ".join(folded[i : i + shingle_size]) for i in range(max(0, len(folded) - shingle_size + 1))}
    return sorted({_hash(s) for s in shingles})[:k]
