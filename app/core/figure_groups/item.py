"""The item a figure grouping works on (``FigureItem``), and what the grouping reads of one item: its quantity
key, its value key, its timing, the words around it and the nouns it counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.figures import keys
from app.core.records import Figure


@dataclass(frozen=True, slots=True)
class FigureItem:
    """One non-chrome figure to group. ``counted`` (added, optional) is the counted phrase as printed,
    used only for labels; ``counted_key`` is its normalised form."""

    key: int
    article_key: int
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    counted_key: str | None
    kind: str
    text: str
    counted: str | None = None
    # Content stems around the number (``Figure.context``): with an equal value, enough shared context
    # makes two figures one quantity when neither counts a noun the other does.
    context: str | None = None
    # Where the figure is printed in its article (``Figure.start``/``end``): a conversion printed right after
    # a figure ("2,700 km (1,680 miles)") is that figure again, in another unit.
    start: int | None = None
    end: int | None = None


def figure_item(figure: Figure, *, key: int, article_key: int) -> FigureItem:
    """An extracted figure as the grouping sees it (the benches group extracted figures directly)."""
    return FigureItem(
        key=key,
        article_key=article_key,
        value=figure.value,
        value_high=figure.value_high,
        unit=figure.unit,
        qualifier=figure.qualifier,
        counted_key=(keys.counted_key(figure.counted) or None) if figure.counted else None,
        kind=figure.kind,
        text=figure.text,
        counted=figure.counted,
        context=figure.context,
        start=figure.start,
        end=figure.end,
    )


@dataclass(frozen=True, slots=True)
class PlacedFigure:
    """A figure already stored, with its group."""

    item: FigureItem
    group_key: int


def quantity_key(item: FigureItem) -> tuple[str, str, tuple[str, ...]] | None:
    """What makes two figures one quantity: kind family, unit and the frames and stems of the counted
    thing (see ``figures.keys``). None when the figure says nothing about what it counts: such a figure is
    never grouped, because two bare numbers that happen to be equal are not evidence of one quantity."""
    if item.kind in OF_ONE_PERSON:
        # An age says how old someone is; the words after it ("the 19-year-old Dutchman", "the 65-year-old
        # two-time coach") describe the person, not a thing counted: ages group by value and by the context
        # that names whose age it is, never by that description.
        return None
    key = keys.quantity_key(item.kind, item.unit, item.counted_key)
    if key is not None and keys.is_weak(key):
        # A bare plural noun with no predicate ("eight seasons", "11 points", "three sons") is counted in
        # sport and profiles about many different subjects: only an equal value makes it one quantity, so
        # such figures agree or stay apart, never conflict.
        return (*key[:2], (*key[2], f"={_value_tag(item)}"))
    return key


def _value_tag(item: FigureItem) -> str:
    return f"{item.value:.9g}-{item.value_high:.9g}" if item.value_high is not None else f"{item.value:.9g}"


# Ordinals rank rather than measure: an equal rank with a similar context is not evidence of one quantity.
NEVER_BY_CONTEXT = frozenset({"ordinal"})


# Kinds said of one person: an article that gives the same age twice speaks of one person both times.
OF_ONE_PERSON = frozenset({"age"})


# A speed is a reading of an instrument in its unit ("180mph"): an equal one across outlets is one
# measurement as surely as a three-digit number, whatever words surround it.
MEASURED_WITH_UNIT = frozenset({"speed"})


# The time since an event ("two years ago") is as long as that event has lasted ("a two-year inquiry"):
# by value and context it meets a plain duration, never a framed one (see ``timing_of``), and by its
# counted thing only another time since the same event.
_VALUE_FAMILY = {"time_ago": "duration"}


# How a figure of time may meet another of equal value: the time since an event, a length its frame
# decides (a sentence, a contract), or anything else.
AGO, FRAMED, PLAIN = "ago", "framed", ""


def timing_of(item: FigureItem) -> str:
    """How a figure of time may meet another of equal value (``AGO``, ``FRAMED`` or ``PLAIN``)."""
    if item.kind == "time_ago":
        return AGO
    if item.kind == "duration" and keys.framed_duration(item.counted_key, item.context):
        return FRAMED
    return PLAIN


def value_key_of(item: FigureItem) -> tuple[str, str, float, float | None] | None:
    """What an equal value is equal in: (value family, unit, value, high value), or None with no value."""
    if item.value is None:
        return None
    value, high = item.value, item.value_high
    if item.unit == "date":
        value, high = value % 10_000, None if high is None else high % 10_000
    # Rounded to 9 significant digits so that 2.07e9 printed two ways is one value.
    return (
        _VALUE_FAMILY.get(item.kind, keys.family(item.kind)),
        item.unit or "",
        float(f"{value:.9g}"),
        None if high is None else float(f"{high:.9g}"),
    )


def context_of(item: FigureItem) -> frozenset[str]:
    """The figure's near context stems and the stems of its counted phrase."""
    words = set(keys.near_words(item.context))
    if item.counted_key:
        words |= set(keys.counted_key(item.counted_key).split())
    return frozenset(words)


def sentence_of(item: FigureItem) -> frozenset[str]:
    """The figure's near context and counted words, and the far words of its sentence."""
    return context_of(item) | keys.sentence_words(item.context)


def bare_noun(item: FigureItem) -> bool:
    """A count of one bare noun and no predicate ("eight seasons", "50 games"): said of many subjects in one
    story (each player's seasons, each coach's games)."""
    key = keys.quantity_key(item.kind, item.unit, item.counted_key)
    return key is not None and keys.is_weak(key) and keys.PART not in key[2]


def counted_words(item: FigureItem) -> frozenset[str]:
    """The nouns of the counted phrase, without its frames: "children killed" and "crew killed" share a
    predicate but count different people."""
    if not item.counted_key:
        return frozenset()
    return frozenset(w for w in keys.counted_key(item.counted_key).split() if w not in keys.FRAMES)


ValueKey = tuple[str, str, float, float | None]
