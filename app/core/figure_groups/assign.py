"""Assigning new figures to figure groups: each joins a group by its wording (``wording``), an equal value
with shared context (``values``, ``siblings``) or the pairwise evidence of a near band (``bands``), or starts
a new one; and the bridges between stored groups one new figure shows to be one quantity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Iterator, Mapping, Sequence

from app.core.figure_groups.bands import by_evidence, index_by_band
from app.core.figure_groups.conversions import follow_conversions
from app.core.figure_groups.item import (
    NEVER_BY_CONTEXT,
    OF_ONE_PERSON,
    FigureItem,
    PlacedFigure,
    ValueKey,
    counted_words,
    quantity_key,
    value_key_of,
)
from app.core.figure_groups.siblings import by_cooccurrence, close_cooccurrence, sibling_values
from app.core.figure_groups.told import told_twice
from app.core.figure_groups.values import (
    MIN_SHARED_CONTEXT,
    ValueIndex,
    adjacent_year,
    index_by_value,
    needed_context,
    same_value_and_context,
    sole_value,
    value_and_context_matches,
)
from app.core.figure_groups.wording import add_founder, group_of_key, nearer_rival, wording_rivals
from app.core.figures import evidence
from app.core.figures.status import bound


def assign_figure_groups(new: Sequence[FigureItem], existing: Sequence[PlacedFigure]) -> list[int]:
    """For each new figure: the existing group it joins, or a negative key for a new group (see
    ``assign_and_bridge``, which also says which existing groups the new figures showed to be one)."""
    return assign_and_bridge(new, existing)[0]


def assign_and_bridge(
    new: Sequence[FigureItem], existing: Sequence[PlacedFigure]
) -> tuple[list[int], list[tuple[int, int]]]:
    """For each new figure: the existing group it joins, or a negative key (-1, -2, ...) for a new group.

    ``existing`` holds the members each stored group offers (the store sends its first ``MEMBER_LIMIT``),
    each with its own value, wording and context, so a new figure meets the member it fits best whichever
    outlet came first, and an add costs a bounded amount per reachable group.

    New figures that are one quantity share one negative key, so an article that repeats a figure
    starts a single group. When several existing groups hold the quantity (only possible if they were
    made by other means), the lowest key wins, for determinism.

    Also returns the bridges: pairs (joined, other) of existing groups that one new figure fits equally
    well. Stored groups are never regrouped, so the outlet that arrives first can start two groups of
    one quantity ("two pyrotechnicians" in two wordings that share too little); a later outlet that fits
    both shows they are one, and the caller merges them, so groups do not depend on article order.
    """
    # Each quantity key's groups, lowest key first, with the context of the figure that founded each.
    groups: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, frozenset[str], FigureItem]]] = {}
    # The same groups as sets, so that a founder is added in constant time however many a key holds.
    in_groups: dict[tuple[str, str, tuple[str, ...]], set[int]] = {}
    by_value = ValueIndex()
    # Each band of values (``band_key``): the figures the evidence may weigh against a new one.
    by_band: dict[str, list[tuple[FigureItem, int]]] = {}
    stored = sorted(existing, key=lambda p: p.group_key)
    stored_siblings = sibling_values([p.item for p in stored])
    # Each indexed figure's sentence siblings, by the figure (for ``close_cooccurrence``).
    siblings_of: dict[int, frozenset[ValueKey]] = {}
    for placed, siblings in zip(stored, stored_siblings, strict=True):
        siblings_of[id(placed.item)] = siblings
        key = quantity_key(placed.item)
        if key is not None:
            add_founder(groups, in_groups, key, placed.group_key, placed.item)
        index_by_value(by_value, placed.item, placed.group_key, siblings)
        index_by_band(by_band, placed.item, placed.group_key)
    result: list[int] = []
    bridges: list[tuple[int, int]] = []
    next_key = -1
    # Groups each article of the batch already sits in: one outlet's two equal numbers in different words
    # ("nearly two years" and "two years") are two things, so context never joins them.
    # A second mention that names the same noun ("two local pilots", later "the two pilots") is the same
    # quantity again and may join its first mention's group: each group's nouns per article are kept.
    touched: dict[int, dict[int, frozenset[str]]] = {}
    # The group of each day (or month of a year) an article already gave: one article's equal days are one day,
    # told twice ("on Dec. 31, 2017 ... landed on Dec. 31, 2017"; "kidnapped in April 2014 ... since April
    # 2014"), as its equal ages are one person's.
    days: dict[tuple[int, tuple[str, str, float, float | None]], int] = {}
    # A quantity one article tells twice (``told_twice``: a year in like words, a sum rounded and exact): the
    # group its first mention took, which the later ones join; nor does either keep the other out by a claim.
    told = told_twice(new)
    first_told: dict[int, int] = {}
    # The groups each article's values sit in: a value the article already gave ("$5 billion" again) is a
    # second mention, which may join its first mention's group (as above) but never gathers other outlets'
    # second mentions into a group of its own.
    # A bound is part of what was said: "up to ten times" is no second mention of "ten times" (``_mention``).
    mentioned: dict[int, dict[tuple[ValueKey, str] | None, set[int]]] = {}
    # The values each article put in each group, for the rule above.
    given: dict[int, dict[int, set[tuple[str, str, float, float | None] | None]]] = {}
    claimed = _claims(by_value, new, told)
    values = [value_key_of(item) for item in new]
    new_siblings = sibling_values(new)
    value_counts = Counter((item.article_key, value) for item, value in zip(new, values, strict=True))
    rivals = wording_rivals(new)
    for position, item in enumerate(new):
        key = quantity_key(item)
        weak = key is not None and key[2][-1].startswith("=")
        found: int | None = None
        # A rank's weak key holds its value ("lap=20"): ranks never group by context, so it decides alone.
        day = (
            (item.article_key, value_key)
            if item.unit in ("date", "year-month") and (value_key := value_key_of(item))
            else None
        )
        if day is not None and day in days:
            found = days[day]
        elif told[position] != position and told[position] in first_told:
            found = first_told[told[position]]
        elif key is not None and key in groups and (not weak or item.kind in NEVER_BY_CONTEXT):
            # One outlet's two different values of one wording are two quantities ("49 people killed" in
            # an earlier attack beside "50 people killed" now): the second never joins the first's group.
            # Nor does it take a group the article keeps for its figure of another value (the one that gives
            # the group's own value), so which of its two values comes first does not matter.
            own = given.get(item.article_key, {})
            value_key = values[position]
            claims = claimed.get(item.article_key, {})
            # Read per candidate group (never a pass over every claim of the article: a hostile article
            # of a thousand figures made that quadratic).
            mine = rivals.get((item.article_key, key), ())
            open_groups = [
                c
                for c in groups[key]
                if not ((claimant := claims.get(c[0])) is not None and values[claimant] != value_key)
                and not own.get(c[0], set()) - {value_key}
                and not nearer_rival(new, position, mine, c[2])
            ]
            found = group_of_key(key, open_groups, item)
        if found is None and key is None and item.kind in NEVER_BY_CONTEXT:
            # A rank that names nothing it ranks ("second", "No. 1 overall") has no wording to join by: it meets
            # an equal rank in RANK_CONTEXT like words ("second" in the league's catches, told by two outlets),
            # never in a group its article already fills.
            excluded_rank = _Kept(
                touched.get(item.article_key, {}), claimed.get(item.article_key, {}), told[position]
            )
            ranked = [
                m for m in value_and_context_matches(by_value, item, excluded_rank) if m[0] >= RANK_CONTEXT
            ]
            if ranked:
                found = min(ranked, key=lambda m: (-m[0], m[1]))[1]
        if item.kind not in NEVER_BY_CONTEXT:
            # A bare noun ("eight seasons") also needs its context: the same count of seasons is said of
            # many people in one story.
            excluded: Mapping[int, frozenset[str]] = _Kept(
                touched.get(item.article_key, {}), claimed.get(item.article_key, {}), told[position]
            )
            if item.kind in OF_ONE_PERSON or day is not None:
                # One article's equal ages are one person's, told twice ("Palmer, 38," then "the 38-year-old"),
                # and its equal days one day.
                excluded = {}
            value_key = value_key_of(item)
            # Small counts ("two") recur in one article for different things, so only larger values count. A
            # year the article gave before is bound to nothing: told again in like words it already joined its
            # first mention (``told_twice``); in unlike words it is another event of that year.
            first = (
                mentioned.get(item.article_key, {}).get(_mention(item))
                if value_key and needed_context(item) < MIN_SHARED_CONTEXT and item.kind != "year"
                else None
            )
            if found is None and (matches := value_and_context_matches(by_value, item, excluded, only=first)):
                found = min(matches, key=lambda m: (-m[0], m[1]))[1]
            if found is None and first is None:
                found = by_cooccurrence(by_value, item, new_siblings[position], excluded)
            if found is None and first is None:
                found = close_cooccurrence(by_band, siblings_of, item, new_siblings[position], excluded)
            if found is None and first is None:
                found = adjacent_year(by_value, item, excluded)
            if found is None and first is None and value_counts[(item.article_key, value_key)] == 1:
                found = sole_value(by_value, item, excluded)
            if found is not None and found >= 0:
                strict = value_and_context_matches(by_value, item, excluded, only=first, strict=True)
                bridges += [(found, g) for _, g in strict if g != found and g >= 0]
        if (
            found is None
            and item.kind not in NEVER_BY_CONTEXT | OF_ONE_PERSON
            and _mention(item) not in mentioned.get(item.article_key, {})
        ):
            # No wording or equal value decides: weigh the evidence of every figure in a near band of values,
            # never in a group this article already fills or keeps for another of its figures, and never for a
            # value the article already gave (a second mention never gathers other outlets' second mentions).
            # A day the article gives twice is one day: neither mention keeps the other out of a group.
            barred: Container[int] = (
                set()
                if day is not None
                else _Kept(
                    touched.get(item.article_key, {}), claimed.get(item.article_key, {}), told[position]
                )
            )
            linked = by_evidence(by_band, item, barred)
            if linked:
                # The strongest link is joined; every other stored group it links as strongly as
                # BRIDGE_THRESHOLD is the same quantity too (the outlet that came first split it).
                found = linked[0][1]
                bridges += [
                    (found, g)
                    for p, g in linked[1:]
                    if p >= evidence.BRIDGE_THRESHOLD and g >= 0 and found >= 0
                ]
        elif (
            found is not None
            and found >= 0
            and item.kind not in NEVER_BY_CONTEXT | OF_ONE_PERSON
            and _mention(item) not in mentioned.get(item.article_key, {})
        ):
            # A figure its wording or value placed in one group may also fit, as strongly as a bridge,
            # another group the outlet that came first started for the same quantity in other words.
            barred = (
                {found}
                if day is not None
                else _Kept(
                    touched.get(item.article_key, {}),
                    claimed.get(item.article_key, {}),
                    told[position],
                    found,
                )
            )
            bridges += [
                (found, g)
                for p, g in by_evidence(by_band, item, barred)
                if p >= evidence.BRIDGE_THRESHOLD and g >= 0
            ]
        if found is None:
            found = next_key
            next_key -= 1
        if key is not None:
            add_founder(groups, in_groups, key, found, item)
        index_by_value(by_value, item, found, new_siblings[position])
        index_by_band(by_band, item, found)
        siblings_of[id(item)] = new_siblings[position]
        if day is not None:
            days.setdefault(day, found)
        if told[position] == position:
            first_told[position] = found
        given.setdefault(item.article_key, {}).setdefault(found, set()).add(value_key_of(item))
        seen = touched.setdefault(item.article_key, {})
        seen[found] = seen.get(found, frozenset()) | counted_words(item)
        if found >= 0 and (value_key := value_key_of(item)) is not None:
            # Only a first mention that joined other outlets binds the later ones: one that starts a group
            # of its own ("lap 19") says nothing of what a later equal value ("19 points") is.
            mentioned.setdefault(item.article_key, {}).setdefault(_mention(item), set()).add(found)
        result.append(found)
    follow_conversions(new, result)
    return result, _mergeable(sorted(set(bridges)), existing, new, result)


# Near words two equal ranks that name nothing they rank share to be one rank (one word let two numbers that must
# stay alone join on tune).
RANK_CONTEXT = 2


def _mention(item: FigureItem) -> tuple[ValueKey, str] | None:
    """What an article said when it printed a figure, for telling a second mention: its value and the side its
    qualifier leaves open ("up to ten times" and "ten times" are two readings, "about $5 billion" and "$5
    billion" one)."""
    value_key = value_key_of(item)
    return None if value_key is None else (value_key, bound(item.qualifier))


class _Kept(Mapping[int, frozenset[str]]):
    """The groups one article keeps a figure out of, without copying them per figure: those it already
    fills (with the counted nouns it put in each) and those claimed for another of its figures (no nouns),
    and ``also``. Membership and lookup cost constant time; iteration is never needed."""

    __slots__ = ("_also", "_claims", "_position", "_touched")

    def __init__(
        self,
        touched: Mapping[int, frozenset[str]],
        claims: Mapping[int, int],
        position: int,
        also: int | None = None,
    ) -> None:
        self._touched, self._claims, self._position, self._also = touched, claims, position, also

    def __contains__(self, group_key: object) -> bool:
        return (
            group_key in self._touched
            or group_key == self._also
            or (isinstance(group_key, int) and self._claims.get(group_key, self._position) != self._position)
        )

    def __getitem__(self, group_key: int) -> frozenset[str]:
        if group_key not in self:
            raise KeyError(group_key)
        return self._touched.get(group_key, frozenset())

    def __iter__(self) -> Iterator[int]:
        # Complete for the Mapping contract; the grouping only ever probes.
        yield from self._touched
        yield from (g for g in self._claims if g not in self._touched and g in self)
        if self._also is not None and self._also not in self._touched and self._also not in self._claims:
            yield self._also

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _mergeable(
    bridges: list[tuple[int, int]],
    existing: Sequence[PlacedFigure],
    new: Sequence[FigureItem],
    assigned: Sequence[int],
) -> list[tuple[int, int]]:
    """The bridges the caller may merge: not those between two groups one outlet already has figures in,
    by the members offered or the new figures (one outlet's two figures are two things, so the caller never
    merges such groups), unless that outlet named one count twice (``one_count_named_twice``). Left out here,
    a blocked bridge costs the store no read of both groups' members on every add that finds it again; the
    store still checks the members it did not offer."""
    if not bridges:
        return bridges
    readings: dict[int, dict[int, list[Reading]]] = {}
    for placed in existing:
        readings.setdefault(placed.group_key, {}).setdefault(placed.item.article_key, []).append(
            reading_of(placed.item)
        )
    for item, group_key in zip(new, assigned, strict=True):
        readings.setdefault(group_key, {}).setdefault(item.article_key, []).append(reading_of(item))
    return [(a, b) for a, b in bridges if one_count_named_twice(readings.get(a, {}), readings.get(b, {}))]


# What an outlet printed for a figure, for telling one count named twice from two figures: its value key, its
# qualifier's bound ("nearly two years" and "two years" are two readings), whether it names what it counts,
# and the counted words it names.
Reading = tuple[ValueKey | None, str, bool, str]


def reading_of(item: FigureItem) -> Reading:
    names = bool(item.counted) and item.kind not in OF_ONE_PERSON
    return (value_key_of(item), bound(item.qualifier), names, item.counted_key or "")


def one_count_named_twice(mine: Mapping[int, list[Reading]], theirs: Mapping[int, list[Reading]]) -> bool:
    """Whether two groups may be one: every outlet with figures in both has one figure in each, of one
    reading, each naming what it counts in other words. The outlet that came first may name one count twice
    in other words ("ten Americans", later "ten foreigners") and start two groups; a later outlet that fits
    both shows they are one, whatever the order of the articles. A bare number told again ("$5 billion",
    "the $5 billion"), an age, or one count in the same words twice (kept apart by its context) stays apart:
    those are often a second mention, another person or another thing."""
    for article in mine.keys() & theirs.keys():
        ours, others = mine[article], theirs[article]
        if len(ours) != 1 or len(others) != 1 or ours[0][0] is None or not ours[0][2]:
            return False
        if ours[0][:3] != others[0][:3] or ours[0][3] == others[0][3]:
            return False
    return True


def _claims(
    by_value: ValueIndex,
    new: Sequence[FigureItem],
    told: Sequence[int],
) -> dict[int, dict[int, int]]:
    """Per article of the batch, which of its figures each existing group is kept for: the one whose
    context fits it best. An outlet that says "19 points" in its lead and "lap 19" later offers the
    group of the points to the points, whatever order the two come in. A year told twice (``told_twice``)
    is claimed for its first mention, which the later ones follow."""
    best: dict[int, dict[int, tuple[int, int]]] = {}
    for position, item in enumerate(new):
        if item.kind in NEVER_BY_CONTEXT:
            continue
        found = same_value_and_context(by_value, item, {})
        if found is None:
            continue
        score, group_key = found
        mine = best.setdefault(item.article_key, {})
        if group_key not in mine or score > mine[group_key][0]:
            mine[group_key] = (score, position)
    return {article: {g: told[p] for g, (_, p) in groups.items()} for article, groups in best.items()}


# A stored group offers a new article at most this many members, its first (see ``assign_and_bridge``): each
# member with its own value, wording and context, so that a new figure meets the member it fits best whichever
# outlet came first, while an add still costs a bounded amount per group however many outlets repeat it.
MEMBER_LIMIT = 12
