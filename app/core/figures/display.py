"""Normalised values as a reader expects to see them: a duration stored in hours reads in the largest unit
that divides it ("72 h" -> "3 days", "0.5 h" -> "30 minutes"), never as "72 h hour"."""

from __future__ import annotations

import math

from app.core.lexicon.units import DURATION_DISPLAY


def duration_text(hours: float) -> str:
    for name, size in DURATION_DISPLAY:
        count = hours / size
        if count >= 1 and math.isclose(count, round(count), rel_tol=1e-6):
            whole = round(count)
            return f"{whole} {name}" + ("" if whole == 1 else "s")
    return f"{hours:g} hours"
