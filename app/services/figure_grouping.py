"""Figure grouping use-cases: store one article's figures and place each in a figure group of its event.

The core decides membership (``assign_and_bridge``) and status (``figure_status``); this module reads the
groups a new article can join through the key index (``FigureGroupKey``: each group's value and every
wording of what its members count) and offers their first members, stores the answer, keeps each group's status up to date as members
join, and merges two groups when a later outlet shows them to be one quantity.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Sequence

from sqlalchemy import delete, insert, update
from sqlalchemy import text as sql_text
from sqlmodel import Session, col, select

from app.core.figure_groups import (
    MEMBER_LIMIT,
    FigureItem,
    PlacedFigure,
    assign_and_bridge,
    band_is_full,
    band_key,
    conversions,
    lookup_keys,
    member_lookup,
    merged_context,
    quantity_lookup,
    value_lookup,
)
from app.core.figure_groups.assign import Reading as MergeReading
from app.core.figure_groups.assign import one_count_named_twice, reading_of
from app.core.figures import Reading, counted_key, figure_status
from app.core.figures.keys import clipped_context
from app.core.figures.status import allowed_interval
from app.core.records import Extraction
from app.models import Figure, FigureGroup, FigureGroupKey


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
            context=clipped_context(record.context, 300),
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
        start=figure.start,
        end=figure.end,
    )


def group_figures(session: Session, event_id: int, article_id: int, figures: list[Figure]) -> None:
    candidates = [f for f in figures if not f.chrome and f.kind != "name"]
    if not candidates:
        return
    items = [_figure_item(f) for f in candidates]
    # Only the groups sharing a key with a new figure can be joined (``lookup_keys``): they are fetched
    # through the key index, so one more article costs the same however many groups the event holds.
    wanted = sorted({key_hash(key) for item in items for key in lookup_keys(item)})
    known: dict[int, set[int]] = {}
    # The groups each key offers: a band of values takes only its first BAND_CAPACITY groups.
    offered: dict[int, set[int]] = {}
    if wanted:
        for group_id, hashed in session.exec(
            select(FigureGroupKey.group_id, FigureGroupKey.hash).where(
                FigureGroupKey.event_id == event_id, col(FigureGroupKey.hash).in_(wanted)
            )
        ).all():
            known.setdefault(group_id, set()).add(hashed)
            offered.setdefault(hashed, set()).add(group_id)
    placed = _offered_members(session, known)
    assigned, bridges = assign_and_bridge(items, placed)
    # The new groups are created together and flushed once (a flush per group made a hostile article of a
    # thousand figures spend seconds in the database), then keyed in the figures' order as before.
    created: dict[int, FigureGroup] = {}
    for figure, key in zip(candidates, assigned, strict=True):
        if key < 0 and key not in created:
            created[key] = FigureGroup(
                event_id=event_id,
                kind=figure.kind,
                unit=figure.unit,
                counted_key=figure.counted_key,
                value=figure.value,
                value_high=figure.value_high,
                context=figure.context,
                label=(figure.counted or figure.counted_key or figure.kind)[:300],
            )
    session.add_all(created.values())
    session.flush()
    real: dict[int, int] = {}
    keys: dict[tuple[int, int], str | None] = {}
    for figure, item, key in zip(candidates, items, assigned, strict=True):
        if key < 0 and key not in real:
            group = created[key]
            real[key] = group.id or 0
            band = band_key(item)
            for hashed, counted in group_keys(
                group.kind, group.unit, group.counted_key, group.value, group.value_high
            ).items():
                if band is not None and hashed == key_hash(band):
                    if band_is_full(offered.get(hashed, set())):
                        continue
                    offered.setdefault(hashed, set()).add(real[key])
                keys[(real[key], hashed)] = counted
        figure.group_id = real.get(key, key)
        session.add(figure)
        if (member := member_lookup(item)) is not None:
            hashed = key_hash(member)
            if hashed not in known.get(figure.group_id, ()):
                keys.setdefault((figure.group_id, hashed), figure.counted_key)
    if keys:
        session.execute(
            insert(FigureGroupKey),
            [
                {"group_id": group_id, "hash": hashed, "event_id": event_id, "counted_key": counted}
                for (group_id, hashed), counted in sorted(keys.items())
            ],
        )
    session.flush()
    by_group: dict[int, list[Figure]] = {}
    for figure in candidates:
        by_group.setdefault(figure.group_id or 0, []).append(figure)
    # Every group the article joined, read in one statement (new ones are already in the session), and
    # updated without a flush per group: the changes go out together at the next flush.
    stored = {group.id: group for group in created.values()}
    wanted_ids = sorted(g for g in by_group if g not in stored)
    for start in range(0, len(wanted_ids), _GROUPS_PER_STATEMENT):
        chunk = wanted_ids[start : start + _GROUPS_PER_STATEMENT]
        stored.update(
            (group.id, group)
            for group in session.exec(select(FigureGroup).where(col(FigureGroup.id).in_(chunk))).all()
        )
    with session.no_autoflush:
        for group_id, members in by_group.items():
            if (group := stored.get(group_id)) is not None:
                _add_to_group(session, group, members)
    session.flush()
    merge_bridged_groups(session, bridges)


def merge_bridged_groups(session: Session, bridges: Sequence[tuple[int, int]]) -> None:
    """Merge the stored groups that new figures showed to be one quantity (``assign_and_bridge``) into the
    oldest of each, unless one outlet has a figure in both (one outlet's two figures are two things).

    The bridges are first resolved in order (a union of groups, each bridge checked by one indexed probe
    for an outlet in both, ``_share_an_outlet``), and each surviving group is then rewritten and
    recomputed once: an add with many bridges costs one query per bridge and per group, not one pass over
    a growing group per bridge (a hostile article of 100 bridging figures took 39 s that way)."""
    if not bridges:
        return
    root: dict[int, int] = {}
    # Each surviving group's union of stored groups.
    unions: dict[int, list[int]] = {}

    def find(group_id: int) -> int:
        while group_id in root:
            group_id = root[group_id]
        return group_id

    absorbed: dict[int, list[int]] = {}
    for joined, other in bridges:
        keep_id, gone_id = sorted((find(joined), find(other)))
        if keep_id == gone_id:
            continue
        kept, gone = unions.get(keep_id, [keep_id]), unions.get(gone_id, [gone_id])
        if _share_an_outlet(session, kept, gone):
            continue
        root[gone_id] = keep_id
        unions[keep_id] = kept + unions.pop(gone_id, [gone_id])
        absorbed.setdefault(keep_id, []).extend([gone_id, *absorbed.pop(gone_id, [])])
    for keep_id, gone_ids in absorbed.items():
        keep = session.get(FigureGroup, keep_id)
        gone_groups = [group for group_id in gone_ids if (group := session.get(FigureGroup, group_id))]
        if keep is None or not gone_groups:
            continue
        session.execute(
            update(Figure)
            .where(col(Figure.group_id).in_([g.id for g in gone_groups]))
            .values(group_id=keep_id)
        )
        for gone in gone_groups:
            keep.context = merged_context(keep.context, gone.context)
            if keep.label == keep.kind and gone.label != gone.kind:
                keep.label = gone.label
            session.delete(gone)
        session.flush()
        members = session.exec(
            select(Figure)
            .where(Figure.group_id == keep_id)
            .order_by(col(Figure.article_id), col(Figure.start))
        ).all()
        # Its status from every member (the core's one rule), and its keys: the founder's and every wording.
        recompute_group(session, keep, members)


def _share_an_outlet(session: Session, groups: Sequence[int], others: Sequence[int]) -> bool:
    """Whether one article has figures in both sets of groups that keep them apart (the core's rule,
    ``one_count_named_twice``: an outlet that named one count twice in other words does not): one indexed
    probe for the first SHARED_PROBE such articles, then a read of their figures in both, so that a bridge
    found again on every add (two groups one outlet keeps apart) costs the same however many members the
    groups have (reading every member's article made it grow with them).
    Plain SQL: compiling the ORM join on every add cost more than running it."""
    mine = ", ".join(f":g{n}" for n in range(len(groups)))
    theirs = ", ".join(f":o{n}" for n in range(len(others)))
    params = {**{f"g{n}": g for n, g in enumerate(groups)}, **{f"o{n}": g for n, g in enumerate(others)}}
    shared = [
        row[0]
        for row in session.execute(
            sql_text(
                "SELECT DISTINCT mine.article_id FROM figure AS theirs"
                " JOIN figure AS mine ON mine.article_id = theirs.article_id"
                f" WHERE theirs.group_id IN ({theirs}) AND mine.group_id IN ({mine}) LIMIT {SHARED_PROBE}"
            ),
            params,
        ).all()
    ]
    if not shared:
        return False
    if len(shared) >= SHARED_PROBE:
        return True
    members = session.exec(
        select(Figure).where(col(Figure.article_id).in_(shared), col(Figure.group_id).in_([*groups, *others]))
    ).all()
    readings: tuple[dict[int, list[MergeReading]], dict[int, list[MergeReading]]] = ({}, {})
    in_groups = set(groups)
    for member in members:
        side = readings[0] if member.group_id in in_groups else readings[1]
        side.setdefault(member.article_id, []).append(reading_of(_figure_item(member)))
    return not one_count_named_twice(*readings)


# Articles with figures in both groups a bridge joins that the probe reads at most; with as many, the groups
# stay apart (a real outlet that named one count twice is one or two of them).
SHARED_PROBE = 4


def recompute_group(session: Session, group: FigureGroup, members: Sequence[Figure]) -> None:
    """Recompute a group from all its members (ordered by article, then place): status by the core's one
    rule, the running intersection of the values they allow, the founder (its first member, the one new
    members are compared with) and its lookup keys. For corrections and merges; an add uses
    ``add_to_group_status``, which keeps the same answer in constant time."""
    converted = conversions([_figure_item(m) for m in members])
    readings = [
        Reading(m.article_id, m.value, m.value_high, m.unit, m.qualifier, m.text)
        for index, m in enumerate(members)
        if index not in converted
    ]
    group.status, group.compatible = figure_status(readings)
    group.article_count = len({m.article_id for m in members})
    low, high = -math.inf, math.inf
    for reading in readings:
        allowed = allowed_interval(reading)
        if allowed is not None:
            low, high = max(low, allowed[0]), min(high, allowed[1])
    group.allowed_low = None if math.isinf(low) else low
    group.allowed_high = None if math.isinf(high) else high
    if members:
        group.value, group.value_high, group.unit = members[0].value, members[0].value_high, members[0].unit
    session.add(group)
    session.flush()
    index_group(session, group, members)


# Groups read per statement: SQLite allows 500 terms in one compound select.
_GROUPS_PER_STATEMENT = 200


def _offered_members(session: Session, known: dict[int, set[int]]) -> list[PlacedFigure]:
    """The reachable groups as the core's grouping sees them: each group's first MEMBER_LIMIT members, each
    with its own value, wording and context (a new figure meets the member it fits best, whichever outlet
    came first), bounded per group however many outlets repeat it."""
    if not known:
        return []
    # Each group's first members through the group index, one bounded read per group joined in one
    # statement: a group that a thousand outlets joined still costs MEMBER_LIMIT rows (a window over all
    # its members made every add read the whole group, so an event's adds grew with its size).
    first_ids: list[int] = []
    groups = sorted(known)
    for start in range(0, len(groups), _GROUPS_PER_STATEMENT):
        chunk = groups[start : start + _GROUPS_PER_STATEMENT]
        # Plain SQL: the statement is rebuilt on every add, and compiling hundreds of ORM subqueries cost
        # more than running them.
        firsts = " UNION ALL ".join(
            f"SELECT * FROM (SELECT id FROM figure WHERE group_id = :g{n} AND NOT chrome "
            f"ORDER BY id LIMIT {MEMBER_LIMIT}) AS first_{n}"
            for n in range(len(chunk))
        )
        params = {f"g{n}": group_id for n, group_id in enumerate(chunk)}
        first_ids.extend(session.execute(sql_text(firsts), params).scalars())
    rows = session.exec(
        select(
            Figure.id,
            Figure.article_id,
            Figure.group_id,
            Figure.value,
            Figure.value_high,
            Figure.unit,
            Figure.qualifier,
            Figure.counted_key,
            Figure.kind,
            Figure.text,
            Figure.counted,
            Figure.context,
            Figure.start,
            Figure.end,
        )
        .where(col(Figure.id).in_(first_ids))
        .order_by(col(Figure.group_id), col(Figure.id))
    ).all()
    placed: list[PlacedFigure] = []
    # Members the grouping cannot tell apart (wire copy printed by several outlets) are offered once.
    seen: set[tuple[object, ...]] = set()
    for figure_id, article_id, group_id, *reading in rows:
        # Where a copy is printed does not tell it apart.
        told = (group_id, *reading[:-2])
        if told in seen:
            continue
        seen.add(told)
        value, high, unit, qualifier, counted, kind, text, printed, context, start, end = reading
        # With where it is printed: the values its sentence also prints vouch for it (``sibling_values``),
        # and a conversion is told from its figure, as the core's adapter reads them.
        item = FigureItem(
            figure_id or 0,
            article_id,
            value,
            high,
            unit,
            qualifier,
            counted,
            kind,
            text,
            printed,
            context,
            start,
            end,
        )
        placed.append(PlacedFigure(item, group_id or 0))
    return placed


def _stand_in(
    kind: str,
    unit: str | None,
    counted: str | None,
    value: float | None,
    value_high: float | None,
    context: str | None = None,
    key: int = 0,
) -> FigureItem:
    """A stored group as the core's grouping sees it: the quantity its founding figure measured."""
    return FigureItem(
        key=key,
        article_key=-1,
        value=value,
        value_high=value_high,
        unit=unit,
        qualifier=None,
        counted_key=counted,
        kind=kind,
        text="",
        context=context,
    )


def key_hash(key: str) -> int:
    """A stable signed 64-bit hash of one lookup key (Python's own hash changes between processes)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def group_keys(
    kind: str,
    unit: str | None,
    counted: str | None,
    value: float | None,
    value_high: float | None,
    members: Sequence[tuple[str, str | None, str | None]] = (),
) -> dict[int, str | None]:
    """The hashed keys a group is found by, each with the counted key it stands for (None for the value):
    its founding quantity's keys, then what each member, given as (kind, unit, counted key), counts."""
    founder = _stand_in(kind, unit, counted, value, value_high)
    found: dict[int, str | None] = {}
    if (quantity := quantity_lookup(founder)) is not None:
        found[key_hash(quantity)] = counted
    if (value_key := value_lookup(founder)) is not None:
        found[key_hash(value_key)] = None
    if (band := band_key(founder)) is not None:
        found.setdefault(key_hash(band), None)
    for member_kind, member_unit, member_counted in members:
        member = dataclasses.replace(founder, kind=member_kind, unit=member_unit, counted_key=member_counted)
        if (wording := member_lookup(member)) is not None:
            found.setdefault(key_hash(wording), member_counted)
    return found


def index_group(session: Session, group: FigureGroup, members: Sequence[Figure]) -> None:
    """Rewrite a group's lookup keys from its founding quantity and its members, after a correction
    changed them (a member dismissed, an article deleted: the founder may be another figure now)."""
    assert group.id is not None
    had = set(session.exec(select(FigureGroupKey.hash).where(col(FigureGroupKey.group_id) == group.id)).all())
    session.execute(delete(FigureGroupKey).where(col(FigureGroupKey.group_id) == group.id))
    founder = _stand_in(group.kind, group.unit, group.counted_key, group.value, group.value_high)
    band = band_key(founder)
    band_hash = key_hash(band) if band is not None else None
    found = group_keys(
        group.kind,
        group.unit,
        group.counted_key,
        group.value,
        group.value_high,
        [(m.kind, m.unit, m.counted_key) for m in members],
    )
    if band_hash is not None and band_hash not in had:
        # A band takes only its first groups (``figure_groups.BAND_CAPACITY``): a founder that changed
        # enters its new band only while that band has room.
        others = session.exec(
            select(FigureGroupKey.group_id).where(
                FigureGroupKey.event_id == group.event_id, FigureGroupKey.hash == band_hash
            )
        ).all()
        if band_is_full(set(others)):
            found.pop(band_hash, None)
    for hashed, counted in sorted(found.items()):
        session.add(
            FigureGroupKey(group_id=group.id, hash=hashed, event_id=group.event_id, counted_key=counted)
        )
    session.flush()


def add_to_group_status(session: Session, group_id: int, members: list[Figure]) -> None:
    """Bring a group's status up to date after one article's figures joined it, in constant time.

    Every member equals the founding figure exactly when all members agree, so each new member is
    compared with the founder (through the core's one rule, ``figure_status``); the values every member
    allows are kept as a running intersection, which says whether a conflict is ``compatible``.
    """
    group = session.get(FigureGroup, group_id)
    if group is not None:
        _add_to_group(session, group, members)


def _add_to_group(session: Session, group: FigureGroup, members: list[Figure]) -> None:
    """``add_to_group_status`` on a group already read."""
    group.article_count += 1  # all new members come from the one article being added
    for member in members:
        # The group's record of its members' words (the grouping reads each offered member's own).
        group.context = merged_context(group.context, member.context)
    if group.label == group.kind and (named := next((m.counted for m in members if m.counted), None)):
        # A group founded by a figure that named nothing ("$5 billion") takes the first phrase a member
        # gives ("hit to profit"), so the ledger says what the number is.
        group.label = named[:300]
    # A bracketed conversion restates a member in another unit: it never makes a conflict (``stated``).
    converted = conversions([_figure_item(m) for m in members])
    members = [m for index, m in enumerate(members) if index not in converted]
    founder = Reading(0, group.value, group.value_high, group.unit)
    differs = any(
        figure_status([founder, Reading(1, m.value, m.value_high, m.unit)])[0] == "conflict" for m in members
    )
    # The intersection only shrinks, so once empty (low > high) it stays empty: stored as it is.
    low = -math.inf if group.allowed_low is None else group.allowed_low
    high = math.inf if group.allowed_high is None else group.allowed_high
    for member in members:
        allowed = allowed_interval(
            Reading(0, member.value, member.value_high, member.unit, member.qualifier, member.text)
        )
        if allowed is not None:
            low, high = max(low, allowed[0]), min(high, allowed[1])
    empty = low > high
    group.allowed_low = None if math.isinf(low) else low
    group.allowed_high = None if math.isinf(high) else high
    # One article alone is `single` whatever it repeats (the core's rule); a differing value from a
    # second article makes the group a conflict for good.
    if group.article_count <= 1:
        group.status, group.compatible = "single", False
    elif group.article_count == 2 and group.id is not None:
        # The founding article's own members were weighed against nothing while the group was single (an
        # outlet's "770 km (about 500 miles)"): the second article's arrival weighs every member once, by the
        # core's one rule, as ``recompute_group`` does.
        everyone = session.exec(
            select(Figure)
            .where(Figure.group_id == group.id)
            .order_by(col(Figure.article_id), col(Figure.start))
        ).all()
        converted = conversions([_figure_item(m) for m in everyone])
        group.status, group.compatible = figure_status(
            [
                Reading(m.article_id, m.value, m.value_high, m.unit, m.qualifier, m.text)
                for index, m in enumerate(everyone)
                if index not in converted
            ]
        )
    elif group.status == "conflict" or differs:
        group.status, group.compatible = "conflict", not empty
    else:
        group.status, group.compatible = "agree", True
    session.add(group)
