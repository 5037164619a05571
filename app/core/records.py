"""Plain records passed between the extraction and alignment stages of the core.

They are frozen dataclasses so that the core stays a set of pure functions over plain data; the
storage layer copies them into SQLModel rows and builds them back from rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's stored body text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteSentence:
    """One sentence of a quote, the unit that alignment compares across outlets.

    ``text`` is the sentence as the outlet printed it. When the sentence was split by its
    attribution (``"We will," she said, "not back down."``) its pieces are joined with a single space
    and ``parts`` holds one span per piece; otherwise ``parts`` is one span and
    ``text == body[start:end]``.
    """

    text: str
    start: int
    end: int
    parts: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: the words inside the quotation marks, the marks themselves excluded.

    A quotation split by its attribution, or running over several paragraphs, is one ``Quote``
    with several ``parts``; ``text`` joins the parts (a space between the pieces of a split
    quote, a blank line between paragraphs). ``start`` is the first part's start and ``end`` the
    last part's end, so ``body[start:end]`` covers the whole quotation.
    """

    text: str
    start: int
    end: int
    parts: tuple[Span, ...]
    # The person as named in this article, in the fullest form the article uses
    # ("Sergei Lavrov" even where the attribution says "he"); None when nobody can be named.
    speaker: str | None
    # The words of the attribution as printed ("he", "the Turkish minister", "Lavrov").
    speaker_mention: str | None
    # Fewer than four words: "high", 'blame', "in constant contact".
    fragment: bool
    sentences: tuple[QuoteSentence, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in an article together with what it counts.

    ``text`` is the figure as written, qualifier and unit word included ("at least 3,478",
    "three days", "Oct. 7"), and ``text == body[start:end]``.
    """

    text: str
    start: int
    end: int
    # The value normalised to a float in the unit named by ``unit``: 3478.0, 1_200_000.0, 35.0 (mm),
    # durations in hours (three days -> 72.0), dates as YYYYMMDD (20231007.0) or MMDD when printed
    # without a year (Oct. 7 -> 1007.0).
    value: float | None
    # Upper end of a range ("between 200 and 300" -> value 200, value_high 300); None otherwise.
    value_high: float | None
    # Normalised unit: "mm", "kg", "km2", "GBP", "USD", "EUR", "percent", "hour", "date", ...; None for counts.
    unit: str | None
    # "at least", "more than", "over", "some", "about", "an estimated", "nearly", ...
    qualifier: str | None
    # What the number counts, from the surrounding clause: "Palestinians killed".
    counted: str | None
    # Who the number is attributed to: "the health ministry".
    source: str | None
    # "count", "vague", "money", "percent", "measure", "duration", "time_ago" (a point in time: "five years
    # ago", in hours), "speed", "age", "odds", "date", "ordinal",
    # "year".
    kind: str
    # Page chrome ("3 min read"), bylines and caption dates: stored but kept out of comparisons.
    chrome: bool = False
    # The content stems around the number (frames folded, sorted, space-separated): what the sentence says
    # the number is about when no noun is counted ("expects a $5 billion hit to profit" -> "expect hit profit"),
    # then the other stems of its sentence marked "~" (``figures.keys.FAR_MARK``), looser evidence.
    context: str | None = None
    # The time the figure refers to when its clause says so ("by Sunday", "as of Tuesday", "on March 12"),
    # as printed: an updated toll reads as one, not as a contradiction.
    time_ref: str | None = None
    # Why the figure belongs to another incident than the article's event: the opening that turned its
    # paragraph ("meanwhile", "in a separate incident", "last year"), lower case, or what `figures.incidents`
    # found (a list box of past incidents, a toll dated to an earlier time, a compared toll); None for the
    # event's own figures.
    incident: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the core extracts from one article body."""

    quotes: tuple[Quote, ...]
    figures: tuple[Figure, ...]
