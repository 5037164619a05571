"""The pair rules' tuning knobs, bundled: their defaults and measured reasons are
:func:`app.core.align.statements.assign_statements`' keyword arguments."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Knobs:
    min_shared: int
    short_cover: float
    long_cover: float
    contain_cover: float
    repeat_similarity: float
    distinctive_words: int
    identical_cover: float
    contained_words: int
    verbatim_words: int
    one_word_apart: int
    shared_run_words: int
    translated_shared: int
    translated_cover: float
    trim_words: int
    trim_stretch: float
