"""Formatting for templates, as Jinja filters: dates, counts and plurals written one way everywhere."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from app.services.views.charts import Bar

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _moment(value: datetime | str | None) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return None
    # Stored times are UTC; SQLite hands them back without the offset.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def when(value: datetime | str | None, missing: str = "no date") -> str:
    """'12 Mar 2026, 09:30 UTC'; a time of exactly midnight is taken as a date alone ('12 Mar 2026')."""
    moment = _moment(value)
    if moment is None:
        return missing
    moment = moment.astimezone(UTC)
    # Plain formatting rather than strftime: a 300-article overview formats 300 of these.
    day = f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return day
    return f"{day}, {moment.hour:02d}:{moment.minute:02d} UTC"


def day(value: datetime | str | None, missing: str = "no date") -> str:
    moment = _moment(value)
    return missing if moment is None else f"{moment.astimezone(UTC).day} {moment.astimezone(UTC):%b %Y}"


def iso(value: datetime | str | None) -> str:
    moment = _moment(value)
    return moment.isoformat() if moment else ""


def thousands(value: int | float | None) -> str:
    return "" if value is None else f"{value:,}"


def plural(count: int | Any, singular: str = "", many: str = "s") -> str:
    """The ending for `count` things (a number or a list): `{{ n }} word{{ n|plural }}`."""
    try:
        return singular if len(count) == 1 else many  # type: ignore[arg-type]
    except TypeError:
        return singular if count == 1 else many


def counted(count: int | Any, one: str, many: str) -> str:
    """'1 figure conflict', '3 figure conflicts', '1,204 words'."""
    number = count if isinstance(count, int) else len(count)
    return f"{number:,} {one if number == 1 else many}"


def bar_value(bar: Bar) -> str:
    """What a conflict chart prints beside a bar: the figure, its qualifier when the text lacks it, and ≠ when
    it differs from the value most outlets give."""
    qualifier = bar.qualifier if bar.qualifier.lower() not in bar.text.lower() else ""
    return ("≠ " if bar.odd else "") + bar.text + (f" ({qualifier})" if qualifier else "")


FILTERS = {
    "when": when,
    "day": day,
    "iso": iso,
    "thousands": thousands,
    "plural": plural,
    "counted": counted,
    "bar_value": bar_value,
}
