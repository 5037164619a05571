"""Chart geometry: one small bar chart per conflicting figure group, in SVG units the template draws."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from app.services.views.common import majority
from app.services.views.figure_values import spread_text

# A bar chart with more bars than this is unreadable; beyond it, outlets with the same value share a bar.
MAX_BARS = 10
CHART_WIDTH = 190
CHART_LABEL_WIDTH = 165


def conflict_charts(figure_groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A small bar chart per conflicting figure group: bar lengths in chart units, labels as text."""
    charts = []
    for group in figure_groups:
        if group["status"] != "conflict":
            continue
        bars = _bars(group["members"])
        top = max((b["value"] for b in bars), default=0.0) or 1.0
        # The value most outlets give; bars that differ from it get a mark as well as a colour. Without a
        # majority no value is "the odd one out".
        usual = majority(b["value"] for b in bars for _ in b["outlets"])
        for bar in bars:
            bar["width"] = max(2, round(CHART_WIDTH * bar["value"] / top))
            bar["odd"] = usual is not None and bar["value"] != usual
        values = sorted({b["value"] for b in bars})
        longest = max((len(b["text"]) + len(b["qualifier"]) + 5 for b in bars), default=10)
        charts.append(
            {
                "id": group["id"],
                "label": group["label"] or "figure",
                "bars": bars,
                "spread": spread_text(group["members"], values[0], values[-1]) if len(values) > 1 else "",
                "height": 22 * len(bars) + 4,
                "label_width": CHART_LABEL_WIDTH,
                # Room for the longest value text (about 7.5 px a character at 13 px), so none is cut.
                "view_width": CHART_LABEL_WIDTH + CHART_WIDTH + 10 + round(7.5 * longest),
                "majority": usual is not None,
                "compatible": bool(group.get("compatible")),
            }
        )
    return charts


def _bars(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    members = [m for m in members if m["value"] is not None]
    if len(members) <= MAX_BARS:
        return [
            {
                "label": m["outlet"],
                "value": m["value"],
                "text": m["text"],
                "qualifier": m["qualifier"] or "",
                "outlets": [m["outlet"]],
            }
            for m in members
        ]
    shared: dict[tuple[float, str], list[dict[str, Any]]] = defaultdict(list)
    for member in members:
        shared[(member["value"], member["qualifier"] or "")].append(member)
    bars = []
    for (value, qualifier), same in sorted(shared.items(), key=lambda kv: -len(kv[1]))[:MAX_BARS]:
        names = list(dict.fromkeys(m["outlet"] for m in same))
        bars.append(
            {
                "label": f"{len(names)} outlets",
                "value": value,
                "text": same[0]["text"],
                "qualifier": qualifier,
                "outlets": names,
            }
        )
    return bars
