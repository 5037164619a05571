"""A figure's normalised value as a reader wants it ('72 h', '£12,000,000', '7 Oct', '130 km')."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Any

from app.core.figures.display import duration_text
from app.core.figures.status import Reading, intersection, same_value
from app.core.lexicon.words import DETERMINERS, PREPOSITIONS


def number_text(value: float, *, money: bool = False) -> str:
    """A value with the precision a reader can use. Converted measures are not as precise as their float:
    '1,680 miles' is '2,704 km', not '2,703.70 km'; an amount of money keeps its pennies ('£2.50')."""
    if value == int(value):
        return f"{value:,.0f}"
    if money:
        return f"{value:,.2f}" if abs(value) < 1000 else f"{value:,.0f}"
    decimals = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CURRENCY = {"GBP": "£", "USD": "$", "EUR": "€"}
_UNIT_SUFFIX = {"hour": " h", "percent": "%", "mm": " mm", "kg": " kg", "km2": " km²"}


def _date_text(value: float) -> str:
    """YYYYMMDD or MMDD (a date printed without its year) as '7 Oct 2023' or '7 Oct'."""
    number = int(value)
    year, month_day = divmod(number, 10000) if number >= 10000 else (0, number)
    month, day = divmod(month_day, 100)
    if not 1 <= month <= 12:
        return str(number)
    return f"{day} {_MONTHS[month - 1]}" + (f" {year}" if year else "")


def _month_text(value: float) -> str:
    """YYYYMM (a month printed with its year, "February 2014") as 'Feb 2014'."""
    year, month = divmod(int(value), 100)
    return f"{_MONTHS[month - 1]} {year}" if 1 <= month <= 12 and year else str(int(value))


def _rough_text(value: float) -> str:
    """A rough amount's bound in words past a million ('2 million', '1 billion'), to two digits."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size * 0.9995:
            return f"{float(f'{value / size:.2g}'):g} {word}"
    return number_text(value)


def spread_text(members: list[dict[str, Any]], low: float, high: float) -> str:
    """The range of a conflict's values in the members' display unit ('130–230 km'), not the engine's."""
    first = members[0] if members else {}
    if any((m.get("unit"), m.get("kind")) != (first.get("unit"), first.get("kind")) for m in members):
        return f"{number_text(low)}–{number_text(high)}"
    return value_text(
        {"value": low, "value_high": high, "unit": first.get("unit"), "kind": first.get("kind")}
    )


def _readable_length(value: float, high: float | None) -> tuple[float, float | None, str]:
    """Lengths are normalised to millimetres; a reader wants km, m or mm, whichever reads as a plain number."""
    largest = max(value, high or 0.0)
    for unit, size in (("km", 1_000_000.0), ("m", 1_000.0)):
        if largest >= size:
            return value / size, (high / size if high is not None else None), unit
    return value, high, "mm"


def display_unit(figure: dict[str, Any]) -> str:
    """The unit ``value_text`` prints the figure in."""
    unit = figure.get("unit") or ""
    if figure.get("kind") in ("date", "year") or unit.startswith("date"):
        # The value already reads as a date ("7 Oct", "2026"); a Unit column saying "date" adds nothing.
        return ""
    if figure.get("kind") in ("duration", "time_ago") and unit == "hour" and figure.get("value") is not None:
        # Stored in hours, printed in the largest unit that divides it: "35 days" reads "5 weeks", not "hour".
        return duration_text(figure["value"]).split()[-1].removesuffix("s")
    if unit == "mm" and figure.get("value") is not None:
        return _readable_length(figure["value"], figure.get("value_high"))[2]
    return unit


def value_text(figure: dict[str, Any]) -> str:
    """The normalised value for the ledger, in the unit it was normalised to ('72 h', '£12,000,000', '7 Oct')."""
    value, high = figure["value"], figure["value_high"]
    if value is None:
        return ""
    unit = figure["unit"] or ""
    if figure["kind"] == "year":
        return f"{value:.0f}" + (f"–{high:.0f}" if high is not None else "")
    if figure["kind"] in ("duration", "time_ago") and unit == "hour":
        return duration_text(value) + (f"–{duration_text(high)}" if high is not None else "")
    if unit == "year-month":
        return _month_text(value) + (f"–{_month_text(high)}" if high is not None else "")
    if figure["kind"] == "date" or unit.startswith("date"):
        return _date_text(value) + (f"–{_date_text(high)}" if high is not None else "")
    if figure["kind"] == "age" and unit == "year":
        # "aged 47", "19-year-old": a person's age in years, not "47 year".
        return (
            number_text(value)
            + (f"–{number_text(high)}" if high is not None else "")
            + (" year" if high is None and value == 1 else " years")
        )
    if figure["kind"] == "vague" and not unit:
        # "millions" is stored as the range a reader would allow (2,000,000-999,999,999): said in words.
        return _rough_text(value) + (f"–{_rough_text(high)}" if high is not None else "")
    if unit == "mm":
        value, high, unit = _readable_length(value, high)
    money = unit in _CURRENCY or figure["kind"] == "money"
    amount = number_text(value, money=money) + (
        f"–{number_text(high, money=money)}" if high is not None else ""
    )
    if unit in _CURRENCY:
        return _CURRENCY[unit] + amount
    return amount + _UNIT_SUFFIX.get(unit, f" {unit}" if unit else "")


# A group whose outlets named nothing they counted is labelled with its kind ("measure", "time_ago"): the
# engine's word, not a reader's. Its title says what sort of quantity it is instead.
_KIND_TITLES = {
    "count": "number (nothing counted named)",
    "vague": "rough amount",
    "money": "sum of money",
    "percent": "percentage",
    "duration": "length of time",
    "time_ago": "how long ago",
    "speed": "speed",
    "age": "age",
    "date": "date",
    "year": "year",
    "ordinal": "rank or order",
}
_MEASURE_TITLES = {"mm": "distance or length", "kg": "weight", "km2": "area"}


def group_title(label: str | None, kind: str | None = None, unit: str | None = None) -> str:
    """A figure group's title for a reader: its counted phrase ("people killed"), or, when the outlets named
    none and the stored label is only the kind, what sort of quantity it is ("distance or length")."""
    text = _without_dangling_words((label or "").strip())
    if text and text != kind and text not in _KIND_TITLES and text != "measure":
        return text
    kind = kind or text
    if kind == "measure":
        return _MEASURE_TITLES.get(unit or "", "measurement")
    return _KIND_TITLES.get(kind, text or "figure")


def _without_dangling_words(label: str) -> str:
    """A stored label cut before its complement ("distance of", "the cost to") loses the words left hanging,
    so the title reads "distance" rather than promising a "… of" it never says."""
    words = label.split()
    while words and words[-1].casefold() in PREPOSITIONS | DETERMINERS:
        words.pop()
    return " ".join(words)


def is_generic_title(label: str | None, kind: str | None = None) -> bool:
    """Whether the stored label names only the kind of quantity (so the title says nothing the value does not)."""
    text = (label or "").strip()
    return not text or text == kind or text in _KIND_TITLES or text == "measure"


# --- One value, printed in two units -----------------------------------------------------------------------
# "2,700 km (1,680 miles)" normalises to 2,700 and 2,704 km: the engine keeps both values (the outlets printed
# different numbers), but a reader counting "different values", a majority or a toll that "changed" should
# not see a conversion's rounding as a second figure. Only a conversion beside a figure printed in the shown
# unit is given that slack: "2,700 km" and "2,750 km" stay two values, and so do "2,000" and "2,100 miles".

CONVERSION_SLACK = 0.02  # how far a conversion may sit from the value it rounds, relative
_PRINTED_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _display_number(figure: dict[str, Any]) -> float | None:
    """The figure's value in the unit the ledger prints it in (km for a length of 2,700,000,000 mm)."""
    value = figure.get("value")
    if value is None:
        return None
    if (figure.get("unit") or "") == "mm":
        return _readable_length(value, figure.get("value_high"))[0]
    return value


def is_converted(figure: dict[str, Any]) -> bool:
    """Whether the printed number is not the value the ledger shows ("1,680 miles" shown as 2,704 km): a
    conversion, rounded by whoever printed it. Only a physical measure or a speed is converted between units;
    "$7 million" shown as $7,000,000 is the same number written out, not a conversion."""
    if figure.get("kind") not in ("measure", "speed"):
        return False
    shown = _display_number(figure)
    printed = _PRINTED_DIGITS.search(figure.get("text") or "")
    if shown is None or printed is None:
        return False
    return not math.isclose(float(printed.group().replace(",", "")), shown, rel_tol=1e-6)


def _reading(figure: dict[str, Any]) -> Reading:
    # Without the qualifier: "about 2,700 km" and "3,700 km" are two values whatever "about" allows.
    return Reading(
        0, figure.get("value"), figure.get("value_high"), figure.get("unit"), None, figure.get("text")
    )


def one_value(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two figures (value, value_high, unit, kind, text) print one value: equal, or one a conversion that
    rounds to the other."""
    if a.get("unit") != b.get("unit"):
        return False
    unit = a.get("unit")
    if same_value(a.get("value"), b.get("value"), unit) and same_value(
        a.get("value_high"), b.get("value_high"), unit
    ):
        return True
    if a.get("value") is None or b.get("value") is None:
        return False
    if is_converted(a) == is_converted(b):
        # Both printed in the shown unit, or both in another ("more than 2,000 miles" and "2,100 miles"):
        # two numbers printed in one unit are two values, however close.
        return False
    # Within the printed rounding, and close: a conversion is printed to two or three digits ("1,700 miles"
    # for 2,700 km is 1.3% off), while "more than 2,000 miles" beside 3,380 km (5% off) is another figure,
    # shown as one rather than hidden in a rounding margin.
    close = math.isclose(a["value"], b["value"], rel_tol=CONVERSION_SLACK)
    return close and intersection([_reading(a), _reading(b)]) is not None


def value_clusters(members: list[dict[str, Any]]) -> list[list[int]]:
    """The members' indices by value (largest cluster first): each value printed in the shown unit is one
    cluster, and a conversion joins the nearest of them it rounds to ("1,680 miles" and "1,677 miles" both
    join "2,700 km"); so a chain of conversions never joins 2,700 and 2,800 km. Members without a value are
    left out."""
    # A wire figure has hundreds of printings in a handful of readings: compare each reading once.
    readings: dict[tuple[Any, ...], list[int]] = {}
    for index, member in enumerate(members):
        if member.get("value") is None:
            continue
        converted = is_converted(member)
        text = member.get("text") if converted else None
        key = (member["value"], member.get("value_high"), member.get("unit"), converted, text)
        readings.setdefault(key, []).append(index)
    anchors: list[list[tuple[Any, ...]]] = []  # clusters, each led by a value printed in the shown unit
    for key in sorted(readings, key=lambda k: (k[3], readings[k][0])):
        first = members[readings[key][0]]
        lead = [g for g in anchors if one_value(members[readings[g[0]][0]], first)]
        # Printed in the shown unit: equal to a cluster's lead, or a cluster of its own. Converted: the
        # nearest lead it rounds to, else the cluster of the same converted value.
        home = min(lead, key=lambda g: abs(g[0][0] - key[0]), default=None)
        if home is None:
            anchors.append([key])
        else:
            home.append(key)
    clusters = [sorted(i for key in group for i in readings[key]) for group in anchors]
    clusters.sort(key=lambda c: (-len(c), c[0]))
    return clusters


def cluster_value(members: list[dict[str, Any]], cluster: list[int]) -> dict[str, Any]:
    """The member that stands for a cluster: the value most of its unconverted printings give."""
    printed = [members[i] for i in cluster if not is_converted(members[i])] or [members[i] for i in cluster]
    counts = Counter((m.get("value"), m.get("value_high")) for m in printed)
    top = counts.most_common(1)[0][0]
    return next(m for m in printed if (m.get("value"), m.get("value_high")) == top)


def majority_cluster(clusters: list[list[int]]) -> list[int] | None:
    """The cluster more than half the valued members are in, or None: an odd one out needs a most."""
    total = sum(len(c) for c in clusters)
    return next((c for c in clusters if len(c) * 2 > total), None)
