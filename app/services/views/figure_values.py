"""A figure's normalised value as a reader wants it ('72 h', '£12,000,000', '7 Oct', '130 km')."""

from __future__ import annotations

from typing import Any

from app.core.figures.display import duration_text


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
    if figure["kind"] == "date" or unit.startswith("date"):
        return _date_text(value) + (f"–{_date_text(high)}" if high is not None else "")
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
    text = (label or "").strip()
    if text and text != kind and text not in _KIND_TITLES and text != "measure":
        return text
    kind = kind or text
    if kind == "measure":
        return _MEASURE_TITLES.get(unit or "", "measurement")
    return _KIND_TITLES.get(kind, text or "figure")


def is_generic_title(label: str | None, kind: str | None = None) -> bool:
    """Whether the stored label names only the kind of quantity (so the title says nothing the value does not)."""
    text = (label or "").strip()
    return not text or text == kind or text in _KIND_TITLES or text == "measure"
