"""The one status rule of a figure group, used by the core, the alignment service, every page, the API and
frozen comparisons: ``agree`` when every outlet gives the same normalised value, ``conflict`` when they
differ, ``single`` when one article carries the group. A conflict is ``compatible`` when the qualifiers and
ranges leave a value that makes every member true ("more than 1,500" and "at least 1,524"): shown beside
the conflict, never used to hide it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

GroupStatus = Literal["agree", "conflict", "single"]


@dataclass(frozen=True, slots=True)
class Reading:
    """One member as the status rule sees it: its article, normalised value (or range), unit, qualifier."""

    article: int
    value: float | None
    value_high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    # The figure as printed ("about 230 km"): how precisely it was rounded narrows what "about" allows.
    text: str | None = None


# What each qualifier lets the true value be, relative to the printed one: (low factor, high factor,
# low open, high open). "about" and "some" allow a rounding margin of 10%.
_INF = math.inf
_HEDGES: dict[str, tuple[float, float]] = {
    "at least": (1.0, _INF),
    "more than": (1.0, _INF),
    "over": (1.0, _INF),
    "well over": (1.0, _INF),
    "just over": (1.0, 1.1),
    "upwards of": (1.0, _INF),
    "in excess of": (1.0, _INF),
    "no fewer than": (1.0, _INF),
    "no less than": (1.0, _INF),
    "above": (1.0, _INF),
    "at most": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "as many as": (0.0, 1.0),
    "as much as": (0.0, 1.0),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "below": (0.0, 1.0),
    "no more than": (0.0, 1.0),
    "just under": (0.9, 1.0),
    "nearly": (0.9, 1.0),
    "almost": (0.9, 1.0),
    "close to": (0.9, 1.1),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "some": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "approximately": (0.9, 1.1),
    "an estimated": (0.9, 1.1),
    "estimated": (0.9, 1.1),
}


def bound(qualifier: str | None) -> str:
    """Which side of its number a qualifier leaves open: "floor" ("at least", "more than"), "ceiling" ("up to",
    "nearly"), or "" for a plain or rounded number ("about")."""
    hedge = _HEDGES.get((qualifier or "").lower())
    if hedge is None or (hedge[0] < 1.0 and hedge[1] > 1.0):
        return ""
    return "floor" if hedge[1] > 1.0 else "ceiling"


def opens_below(qualifier: str | None) -> bool:
    """A maximum open down to nothing: "up to", "at most", "as many as", "less than"."""
    hedge = _HEDGES.get((qualifier or "").lower())
    return hedge is not None and hedge[0] == 0.0


def figure_status(members: Sequence[Reading]) -> tuple[GroupStatus, bool]:
    """(status, compatible) of a group. ``compatible`` is True for an agreement, False for a single, and for
    a conflict True exactly when one value satisfies every member's qualifier and range."""
    if len({m.article for m in members}) <= 1:
        return "single", False
    first = members[0]
    if all(_same_reading(first, m) for m in members[1:]):
        return "agree", True
    return "conflict", intersection(members) is not None


def intersection(members: Iterable[Reading]) -> tuple[float, float] | None:
    """The values every member allows, as a closed interval, or None when they allow none in common.
    Kept incrementally by the alignment service: the intersection with one more member is all it needs."""
    low, high = -_INF, _INF
    for member in members:
        allowed = allowed_interval(member)
        if allowed is None:
            continue
        low, high = max(low, allowed[0]), min(high, allowed[1])
        if low > high:
            return None
    return low, high


def allowed_interval(member: Reading) -> tuple[float, float] | None:
    """The values one member allows: its value (or range) widened by its qualifier."""
    if member.value is None:
        return None
    low, high = member.value, member.value_high if member.value_high is not None else member.value
    if member.unit == "date":
        # Dates are compatible on month and day: one outlet may print the year and another not.
        low, high = low % 10_000, high % 10_000
    qualifier = (member.qualifier or "").lower()
    hedge = _HEDGES.get(qualifier)
    if hedge is not None and qualifier in _ROUNDING and (margin := _rounding_margin(member.text)) is not None:
        hedge = (1 - margin, 1 + margin)
    elif (
        hedge is None
        and not qualifier
        and (_measured(member.unit) or (member.unit != "mm" and _SCALED.search(member.text or "")))
        and (margin := _rounding_margin(member.text)) is not None
    ):
        # "$141 million" is a rounded amount: it stands for every amount that rounds to it, so an exact
        # "$140,937,785" elsewhere is compatible with it (still a conflict: the outlets print different values);
        # so is a share ("67%" beside "two-thirds") and a measure ("1,700 miles" beside "1,677 miles", "400
        # pounds" beside "181 kg": a conversion is printed to a precision, never exactly). The printed
        # number's trailing zeros give that precision ("1,680" is to the ten, "1,677" to the unit).
        # A count ("48 pages") is exact.
        hedge = (1 - margin, 1 + margin)
    if hedge is not None:
        low, high = low * hedge[0], high * hedge[1]
    return min(low, high), max(low, high)


# Hedges that say the printed number is rounded ("about 230 km"): the true value rounds to it, so they allow
# at most half a step of the printed number's last digit on each side ("about 230" is 225-235, "about 1.9
# billion" is 1.85-1.95 billion), never more than their 10% margin ("about 100" may be a rounded 95 or 104).
_ROUNDING = frozenset(
    q for q, (low, high) in _HEDGES.items() if math.isclose(low, 0.9) and math.isclose(high, 1.1)
)
_PRINTED_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
# A scale word after the digits ("141 million", "$2.07bn", "40k"): the amount is printed rounded to its last
# digit. (A bare "m" after a length is metres, which is why lengths are left out where this is used.)
_ROUNDED_UNITS = frozenset({"percent", "percentage point"})
# Units of a point in time, an age, a length of time or a number of occurrences: printed exactly ("in 1999",
# "aged 40", "30 days", "twice"), never a rounded reading of an instrument. Money is an amount, rounded only
# when a scale word says so (above).
_EXACT_UNITS = frozenset({"date", "year-month", "year", "hour", "times"})


def _measured(unit: str | None) -> bool:
    """A share or a physical measure (a length, a weight, an area, a speed): a reading rounded as printed."""
    if unit is None or unit in _EXACT_UNITS:
        return False
    # Currencies are ISO codes ("USD", "GBP").
    return unit in _ROUNDED_UNITS or not unit.isupper()


_SCALED = re.compile(r"\d(?:[ ]?(?:million|billion|trillion|thousand)|(?:mn|bn|tn|m|k))\b", re.I)


def _rounding_margin(text: str | None) -> float | None:
    """Half a step of the printed number's last significant digit, relative to it; None when the figure
    prints no digits ("about two-thirds") or nothing rounded."""
    printed = _PRINTED_NUMBER.search(text or "")
    if printed is None:
        return None
    digits = printed.group().replace(",", "")
    value = float(digits)
    if value <= 0:
        return None
    if "." in digits:
        step = 10.0 ** -len(digits.split(".")[1])
    else:
        step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return min(0.1, step / 2 / value)


def same_value(a: float | None, b: float | None, unit: str | None = None) -> bool:
    """Two normalised values are one; a date printed without its year (MMDD) equals a full date
    (YYYYMMDD) on month and day, so "March 12" and "12 March 2026" agree on every page."""
    if a is None or b is None:
        return a is b
    if unit == "date" and (a < 10_000 <= b or b < 10_000 <= a):
        a, b = a % 10_000, b % 10_000
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


# The unit of a count of occurrences ("twice", "thrice"): two occurrences are the value two, whatever unit
# keeps "twice" from meeting "two seasons" when figures are grouped.
OCCURRENCES = "times"


def comparable_unit(unit: str | None) -> str:
    return "" if unit in (None, OCCURRENCES) else unit


def _same_reading(a: Reading, b: Reading) -> bool:
    return (
        comparable_unit(a.unit) == comparable_unit(b.unit)
        and same_value(a.value, b.value, a.unit)
        and same_value(a.value_high, b.value_high, a.unit)
    )
