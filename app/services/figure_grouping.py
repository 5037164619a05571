"""Figure grouping use-cases: store one article's figures and place each in a figure group of its event.

The core decides membership (``assign_figure_groups``) and status (``figure_status``); this module reads
the event's groups, stores the answer and keeps each group's status up to date as members join.
"""

from __future__ import annotations

import math

from sqlalchemy import or_
from sqlmodel import Session, col, select

from app.core.figure_groups import FigureItem, PlacedFigure, assign_figure_groups, merged_context
from app.core.figures import Reading, counted_key, figure_status
from app.core.figures.status import allowed_interval
from app.core.records import Extraction
from app.models import Figure, FigureGroup


def store_figures(session: Session, article_id: int, extraction: Extraction) -> list[Figure]:
    rows = []
    for record in extraction.figures:
        row = Figure(
            article_id=article_id,
            text=record.text[:500],
            start=record.start,
            end=record.end,
            value=record.value,
            value_high=record.value_high,
            unit=record.unit,
            qualifier=record.qualifier,
            counted=record.counted and record.counted[:300],
            counted_key=(counted_key(record.counted)[:300] or None) if record.counted else None,
            source=record.source and record.source[:300],
            kind=record.kind,
            chrome=record.chrome,
            context=record.context and record.context[:300],
            time_ref=record.time_ref and record.time_ref[:60],
        )
        session.add(row)
        rows.append(row)
    session.flush()
    return rows


def _figure_item(figure: Figure) -> FigureItem:
    return FigureItem(
        key=figure.id or 0,
        article_key=figure.article_id,
        value=figure.value,
        value_high=figure.value_high,
        unit=figure.unit,
        qualifier=figure.qualifier,
        counted_key=figure.counted_key,
        kind=figure.kind,
        text=figure.text,
        counted=figure.counted,
        context=figure.context,
    )


def group_figures(session: Session, event_id: int, article_id: int, figures: list[Figure]) -> None:
    candidates = [f for f in figures if not f.chrome and f.kind != "name"]
    if not candidates:
        return
    # One stand-in per group: the group row keeps the quantity its founding figure measured.
    groups = session.exec(
        select(
            FigureGroup.id,
            FigureGroup.kind,
            FigureGroup.unit,
            FigureGroup.counted_key,
            FigureGroup.value,
            FigureGroup.value_high,
            FigureGroup.context,
        ).where(
            FigureGroup.event_id == event_id,
            # A group that names nothing still meets an equal distinctive value ("14.3 percent").
            or_(
                col(FigureGroup.counted_key).is_not(None),
                col(FigureGroup.context).is_not(None),
                col(FigureGroup.value).is_not(None),
            ),
        )
    ).all()
    placed = [
        PlacedFigure(
            FigureItem(
                key=-group_id,
                article_key=-1,
                value=value,
                value_high=value_high,
                unit=unit,
                qualifier=None,
                counted_key=counted,
                kind=kind,
                text="",
                context=context,
            ),
            group_id,
        )
        for group_id, kind, unit, counted, value, value_high, context in groups
    ]
    assigned = assign_figure_groups([_figure_item(f) for f in candidates], placed)
    real: dict[int, int] = {}
    for figure, key in zip(candidates, assigned, strict=True):
        if key < 0 and key not in real:
            group = FigureGroup(
                event_id=event_id,
                kind=figure.kind,
                unit=figure.unit,
                counted_key=figure.counted_key,
                value=figure.value,
                value_high=figure.value_high,
                context=figure.context,
                label=(figure.counted or figure.counted_key or figure.kind)[:300],
            )
            session.add(group)
            session.flush()
            real[key] = group.id or 0
        figure.group_id = real.get(key, key)
        session.add(figure)
    session.flush()
    by_group: dict[int, list[Figure]] = {}
    for figure in candidates:
        by_group.setdefault(figure.group_id or 0, []).append(figure)
    for group_id, members in by_group.items():
        add_to_group_status(session, group_id, members)


def add_to_group_status(session: Session, group_id: int, members: list[Figure]) -> None:
    """Bring a group's status up to date after one article's figures joined it, in constant time.

    Every member equals the founding figure exactly when all members agree, so each new member is
    compared with the founder (through the core's one rule, ``figure_status``); the values every member
    allows are kept as a running intersection, which says whether a conflict is ``compatible``.
    """
    group = session.get(FigureGroup, group_id)
    if group is None:
        return
    group.article_count += 1  # all new members come from the one article being added
    for member in members:
        # The group remembers the words of every member, not only its founder's (see merged_context).
        group.context = merged_context(group.context, member.context)
    if group.label == group.kind and (named := next((m.counted for m in members if m.counted), None)):
        # A group founded by a figure that named nothing ("$5 billion") takes the first phrase a member
        # gives ("hit to profit"), so the ledger says what the number is.
        group.label = named[:300]
    founder = Reading(0, group.value, group.value_high, group.unit)
    differs = any(
        figure_status([founder, Reading(1, m.value, m.value_high, m.unit)])[0] == "conflict" for m in members
    )
    # The intersection only shrinks, so once empty (low > high) it stays empty: stored as it is.
    low = -math.inf if group.allowed_low is None else group.allowed_low
    high = math.inf if group.allowed_high is None else group.allowed_high
    for member in members:
        allowed = allowed_interval(Reading(0, member.value, member.value_high, member.unit, member.qualifier))
        if allowed is not None:
            low, high = max(low, allowed[0]), min(high, allowed[1])
    empty = low > high
    group.allowed_low = None if math.isinf(low) else low
    group.allowed_high = None if math.isinf(high) else high
    # One article alone is `single` whatever it repeats (the core's rule); a differing value from a
    # second article makes the group a conflict for good.
    if group.article_count <= 1:
        group.status, group.compatible = "single", False
    elif group.status == "conflict" or differs:
        group.status, group.compatible = "conflict", not empty
    else:
        group.status, group.compatible = "agree", True
    session.add(group)
