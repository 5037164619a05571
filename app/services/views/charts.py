"""Chart geometry: one small bar chart per conflicting figure group, in SVG units the template draws."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from app.services.views.common import aware, source_key
from app.services.views.figure_values import (
    cluster_value,
    group_title,
    majority_cluster,
    spread_text,
    value_clusters,
)
from app.services.views.ledger import conflict_pages

# A bar chart with more bars than this is unreadable; beyond it, outlets with the same value share a bar.
MAX_BARS = 10
CHART_WIDTH = 190


class Bar(BaseModel):
    label: str  # the outlet, or "20 outlets" when outlets with one value share a bar
    value: float
    text: str  # the figure as printed
    qualifier: str
    outlets: list[str]
    width: int = 0  # length in chart units, of CHART_WIDTH for the largest value
    odd: bool = False  # differs from the value more than half the outlets give (only when one does)


class ConflictChart(BaseModel):
    """One conflicting figure group as bars: the template lays them out (label, bar, value), so labels wrap
    on a phone instead of shrinking with the drawing."""

    id: int
    label: str
    bars: list[Bar]
    spread: str  # the range of values in the members' unit ('130–230 km'); empty with one value
    majority: bool  # some value is given by more than half the outlets
    compatible: bool  # qualifiers and ranges leave a value that makes every figure true
    ledger_page: int = 1  # the page of the ledger's conflict filter that lists this group's sentences
    width: int = CHART_WIDTH  # chart units of the longest bar
    # Why the values may differ, at a glance (the ledger says more): the sources cited, when it was printed.
    sources: int = 0
    first_printed: datetime | None = None
    last_printed: datetime | None = None


def conflict_charts(figure_groups: list[dict[str, Any]]) -> list[ConflictChart]:
    """A small bar chart per conflicting figure group: bar lengths in chart units, labels as text."""
    charts = []
    pages = conflict_pages([g for g in figure_groups if g["status"] == "conflict"])
    for group in figure_groups:
        if group["status"] != "conflict":
            continue
        bars = _bars(group["members"])
        top = max((b.value for b in bars), default=0.0) or 1.0
        # The value most outlets give; bars that differ from it get a mark as well as a colour. Without a
        # majority no value is "the odd one out". A conversion ("1,680 miles" beside "2,700 km") is one value
        # with the figure it rounds, as in the ledger.
        members = [m for m in group["members"] if m["value"] is not None]
        clusters = value_clusters(members)
        usual = majority_cluster(clusters)
        cluster_of: dict[float, int] = {}
        for number, cluster in enumerate(clusters):
            for i in cluster:
                cluster_of.setdefault(members[i]["value"], number)
        for bar in bars:
            bar.width = max(2, round(CHART_WIDTH * bar.value / top))
            bar.odd = usual is not None and cluster_of.get(bar.value) != clusters.index(usual)
        values = sorted(cluster_value(members, c)["value"] for c in clusters)
        dated = [aware(m["published_at"]) for m in group["members"] if m.get("published_at") is not None]
        charts.append(
            ConflictChart(
                id=group["id"],
                label=_title(group),
                bars=bars,
                spread=spread_text(group["members"], values[0], values[-1]) if len(values) > 1 else "",
                majority=usual is not None,
                compatible=bool(group.get("compatible")),
                ledger_page=pages.get(group["id"], 1),
                sources=len({source_key(m["source"]) for m in group["members"] if m.get("source")}),
                first_printed=min(dated, default=None),
                last_printed=max(dated, default=None),
            )
        )
    return charts


def _title(group: dict[str, Any]) -> str:
    first = group["members"][0] if group["members"] else {}
    return group_title(group["label"], first.get("kind"), first.get("unit"))


def article_names(articles: list[tuple[int, str, datetime | None]]) -> dict[int, str]:
    """A name per article (id, outlet, published) for the charts: the outlet's own when it has one article;
    with the article's date when it has several ('The Sun, 29 Aug' and 'The Sun, 16 Sep', not 'The Sun'
    twice with two values); with its number in the outlet's articles when a date does not tell it apart
    ('HuffPost, 30 Aug (3)'). Named over the whole event, so one article has one name in every chart."""
    by_outlet: dict[str, list[tuple[datetime | None, int]]] = defaultdict(list)
    for article_id, outlet, published in articles:
        by_outlet[outlet].append((published, article_id))
    names = {}
    for outlet, own in by_outlet.items():
        own.sort(key=lambda p: (p[0] is None, p[0] or datetime.min, p[1]))
        days = Counter(p.date() if p else None for p, _ in own)
        for number, (published, article_id) in enumerate(own, 1):
            if len(own) == 1:
                names[article_id] = outlet
            elif published is None:
                names[article_id] = f"{outlet} ({number})"
            else:
                day = f"{outlet}, {published.day} {published:%b}"
                names[article_id] = day if days[published.date()] == 1 else f"{day} ({number})"
    return names


def _bars(members: list[dict[str, Any]]) -> list[Bar]:
    members = [m for m in members if m["value"] is not None]
    if len(members) <= MAX_BARS:
        # Only an outlet with several articles in this chart needs them told apart; the others keep its name.
        articles: dict[str, set[int]] = defaultdict(set)
        for m in members:
            articles[m["outlet"]].add(m.get("article_id", 0))
        return [
            Bar(
                label=(m.get("name") if len(articles[m["outlet"]]) > 1 else None) or m["outlet"],
                value=m["value"],
                text=m["text"],
                qualifier=m["qualifier"] or "",
                outlets=[m["outlet"]],
            )
            for m in members
        ]
    shared: dict[tuple[float, str], list[dict[str, Any]]] = defaultdict(list)
    for member in members:
        shared[(member["value"], member["qualifier"] or "")].append(member)
    bars = []
    for (value, qualifier), same in sorted(shared.items(), key=lambda kv: -len(kv[1]))[:MAX_BARS]:
        names = list(dict.fromkeys(m["outlet"] for m in same))
        bars.append(
            Bar(
                # One outlet's bar is named for it; a shared bar says how many (their names in `outlets`).
                label=names[0] if len(names) == 1 else f"{len(names)} outlets",
                value=value,
                text=same[0]["text"],
                qualifier=qualifier,
                outlets=names,
            )
        )
    return bars
