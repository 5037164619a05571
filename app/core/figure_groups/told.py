"""What one article tells twice: a year or a measure said again in like words, a sum given rounded and exact.
The grouping puts the later mention in the group its first mention took (``assign``).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.figure_groups.item import FigureItem, ValueKey, context_of, value_key_of
from app.core.figure_groups.wording import KEY_RIVALS
from app.core.figures import evidence
from app.core.numbers import VAGUE_WORDS


def told_twice(new: Sequence[FigureItem]) -> list[int]:
    """For each figure, the position of an earlier figure of its article that gives the same quantity again,
    else its own position: a year or a measure said again in like words, or a sum given rounded and exact (see
    ``_years_told_twice``, ``_sums_told_twice``). The later mention joins the group the first took."""
    found = list(range(len(new)))
    _years_told_twice(new, found)
    _sums_told_twice(new, found)
    return found


def _years_told_twice(new: Sequence[FigureItem], found: list[int]) -> None:
    """A year (or a measure, ``TOLD_KINDS``) one article says twice in like words (SAME_YEAR_CONTEXT near words
    in common: "the 2010 wave that swept them out" and "swept out in 2010") is one. One story's equal years are
    often two events of that year ("elected in 2015", "in 2015 she was arrested"), kept apart. Each mention
    looks at its article's first KEY_RIVALS first mentions of its value, so the cost stays linear."""
    firsts: dict[tuple[int, ValueKey], list[int]] = {}
    for position, item in enumerate(new):
        value_key = value_key_of(item)
        if (item.kind not in TOLD_KINDS and not _a_range(item)) or value_key is None:
            continue
        earlier = firsts.setdefault((item.article_key, value_key), [])
        context = context_of(item)
        match = next(
            (p for p in earlier if _a_range(item) or len(context & context_of(new[p])) >= SAME_YEAR_CONTEXT),
            None,
        )
        if match is not None:
            found[position] = match
        elif len(earlier) < KEY_RIVALS:
            earlier.append(position)


def _a_range(item: FigureItem) -> bool:
    """A printed range ("40 to 60 hours", "$3-5 million"): both ends given, so one article that gives the same
    range twice, in whatever words, gives one quantity (two things seldom share both ends). Not a vague plural
    ("dozens", "millions"): its ends are a reading, and one story's "dozens" are often two things."""
    return (
        item.value is not None
        and item.value_high is not None
        and (item.value, item.value_high) not in _VAGUE_RANGES
    )


_VAGUE_RANGES = frozenset(VAGUE_WORDS.values())


# Near words two mentions of one year (or measure) in one article share to be one told twice.
SAME_YEAR_CONTEXT = 2
# Kinds an article may tell twice in like words: a year, and a reading in a unit (a length, a weight, a speed:
# "some 2,000 km" east of the cape, later "roughly 2,000 kilometers" from it). Sums, shares, counts and lengths
# of time were tried too: an article's equal sums and counts in like words are often two things (traps rose).
TOLD_KINDS = frozenset({"year", "measure", "speed"})


def _sums_told_twice(new: Sequence[FigureItem], found: list[int]) -> None:
    """A sum one article gives rounded and exact ("nearly $44 million" in its lead, "$43,885,310" further down,
    in either order) is one sum: the exact amount rounds to the other as printed, and the other's qualifier
    allows it. Only money: two near shares ("35.72 percent", "36 percent") are two rates and two near lengths
    two legs (tried on tune and held out: shares broke a tune group, lengths a held-out one)."""
    # Per article, the first rounded sum of each value and the first exact sum of each rounded form.
    rounded: dict[tuple[int, ValueKey], int] = {}
    exact: dict[tuple[int, ValueKey], int] = {}
    for position, item in enumerate(new):
        own, forms = _rounded_forms(item)
        if own is not None:
            match = exact.get((item.article_key, own))
            rounded.setdefault((item.article_key, own), position)
        else:
            match = next((p for f in forms if (p := rounded.get((item.article_key, f))) is not None), None)
            for form in forms:
                exact.setdefault((item.article_key, form), position)
        if match is not None and evidence.value_relation(item, new[match]) == "same":
            found[position] = found[match]


def _rounded_forms(item: FigureItem) -> tuple[ValueKey | None, list[ValueKey]]:
    """A sum printed rounded (ROUNDED_DIGITS significant digits or fewer): its value; a sum printed exact (more
    digits): the forms it rounds to ("$43,885,310" -> "$40 million", "$44 million", "$43.9 million"). Each is
    tagged with its number of digits, so that a rounded sum meets only the exact sums that round to it, never
    an equal rounded sum (a second mention, which has rules of its own)."""
    value_key = value_key_of(item)
    if value_key is None or item.value is None or item.value <= 0 or item.value_high is not None:
        return None, []
    if item.kind != "money":
        return None, []
    family, unit = value_key[:2]
    digits = len(f"{item.value:.9g}".split("e")[0].replace(".", "").strip("0"))
    if digits <= ROUNDED_DIGITS:
        return (family, unit, float(digits), float(f"{item.value:.{digits}g}")), []
    return None, [
        (family, unit, float(k), float(f"{item.value:.{k}g}")) for k in range(1, ROUNDED_DIGITS + 1)
    ]


# A sum printed with at most this many significant digits may be a rounding ("$141 million").
ROUNDED_DIGITS = 3
