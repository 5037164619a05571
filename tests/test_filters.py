"""Template filters: dates, counts and plurals written one way everywhere."""

from __future__ import annotations

from app.web.filters import counted, when


def test_dates_are_written_one_way() -> None:
    assert when("2026-03-12T18:40:00+00:00") == "12 Mar 2026, 18:40 UTC"
    assert when("2026-03-12T00:00:00") == "12 Mar 2026"
    assert when(None) == "no date"
    assert counted(1, "figure conflict", "figure conflicts") == "1 figure conflict"
    assert counted([1, 2], "word", "words") == "2 words"
