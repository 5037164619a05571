"""Figure groups: the same measured quantity across outlets, its status (agree, conflict, single) and label.

Two figures are one quantity when they count the same thing (the same frame and content words of the counted
phrase, so a subset such as "children killed" stays apart from "Palestinians killed") in compatible units, or
give an equal value with enough words of context in common. A figure neither joins is weighed against the
groups of near values by the pairwise evidence of ``figures.evidence`` (what each counts, the words around
them, how their values relate, behind hard gates), found through a bounded band index. The status is the
core's one rule, ``figures.status.figure_status``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass

from app.core.figures import evidence, keys
from app.core.figures.status import OCCURRENCES, GroupStatus, Reading, bound, figure_status
from app.core.lexicon.units import CAREER_TALLIES, HOURS_PER_YEAR
from app.core.records import Figure


@dataclass(frozen=True, slots=True)
class FigureItem:
    """One non-chrome figure to group. ``counted`` (added, optional) is the counted phrase as printed,
    used only for labels; ``counted_key`` is its normalised form."""

    key: int
    article_key: int
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    counted_key: str | None
    kind: str
    text: str
    counted: str | None = None
    # Content stems around the number (``Figure.context``): with an equal value, enough shared context
    # makes two figures one quantity when neither counts a noun the other does.
    context: str | None = None
    # Where the figure is printed in its article (``Figure.start``/``end``): a conversion printed right after
    # a figure ("2,700 km (1,680 miles)") is that figure again, in another unit.
    start: int | None = None
    end: int | None = None


def figure_item(figure: Figure, *, key: int, article_key: int) -> FigureItem:
    """An extracted figure as the grouping sees it (the benches group extracted figures directly)."""
    return FigureItem(
        key=key,
        article_key=article_key,
        value=figure.value,
        value_high=figure.value_high,
        unit=figure.unit,
        qualifier=figure.qualifier,
        counted_key=(keys.counted_key(figure.counted) or None) if figure.counted else None,
        kind=figure.kind,
        text=figure.text,
        counted=figure.counted,
        context=figure.context,
        start=figure.start,
        end=figure.end,
    )


@dataclass(frozen=True, slots=True)
class PlacedFigure:
    """A figure already stored, with its group."""

    item: FigureItem
    group_key: int


def quantity_key(item: FigureItem) -> tuple[str, str, tuple[str, ...]] | None:
    """What makes two figures one quantity: kind family, unit and the frames and stems of the counted
    thing (see ``figures.keys``). None when the figure says nothing about what it counts: such a figure is
    never grouped, because two bare numbers that happen to be equal are not evidence of one quantity."""
    if item.kind in _OF_ONE_PERSON:
        # An age says how old someone is; the words after it ("the 19-year-old Dutchman", "the 65-year-old
        # two-time coach") describe the person, not a thing counted: ages group by value and by the context
        # that names whose age it is, never by that description.
        return None
    key = keys.quantity_key(item.kind, item.unit, item.counted_key)
    if key is not None and keys.is_weak(key):
        # A bare plural noun with no predicate ("eight seasons", "11 points", "three sons") is counted in
        # sport and profiles about many different subjects: only an equal value makes it one quantity, so
        # such figures agree or stay apart, never conflict.
        return (*key[:2], (*key[2], f"={_value_tag(item)}"))
    return key


def _value_tag(item: FigureItem) -> str:
    return f"{item.value:.9g}-{item.value_high:.9g}" if item.value_high is not None else f"{item.value:.9g}"


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
    by_value = _ValueIndex()
    # Each band of values (``band_key``): the figures the evidence may weigh against a new one.
    by_band: dict[str, list[tuple[FigureItem, int]]] = {}
    stored = sorted(existing, key=lambda p: p.group_key)
    stored_siblings = _sibling_values([p.item for p in stored])
    for placed, siblings in zip(stored, stored_siblings, strict=True):
        key = quantity_key(placed.item)
        if key is not None:
            _add_founder(groups, in_groups, key, placed.group_key, placed.item)
        _index_by_value(by_value, placed.item, placed.group_key, siblings)
        _index_by_band(by_band, placed.item, placed.group_key)
    result: list[int] = []
    bridges: list[tuple[int, int]] = []
    next_key = -1
    # Groups each article of the batch already sits in: one outlet's two equal numbers in different words
    # ("nearly two years" and "two years") are two things, so context never joins them.
    # A second mention that names the same noun ("two local pilots", later "the two pilots") is the same
    # quantity again and may join its first mention's group: each group's nouns per article are kept.
    touched: dict[int, dict[int, frozenset[str]]] = {}
    # The group of each day an article already gave: one article's equal days are one day, told twice ("on
    # Dec. 31, 2017 ... landed on Dec. 31, 2017"), as its equal ages are one person's.
    days: dict[tuple[int, tuple[str, str, float, float | None]], int] = {}
    # The groups each article's values sit in: a value the article already gave ("$5 billion" again) is a
    # second mention, which may join its first mention's group (as above) but never gathers other outlets'
    # second mentions into a group of its own.
    # A bound is part of what was said: "up to ten times" is no second mention of "ten times" (``_mention``).
    mentioned: dict[int, dict[tuple[_ValueKey, str] | None, set[int]]] = {}
    # The values each article put in each group, for the rule above.
    given: dict[int, dict[int, set[tuple[str, str, float, float | None] | None]]] = {}
    claimed = _claims(by_value, new)
    values = [_value_key(item) for item in new]
    new_siblings = _sibling_values(new)
    value_counts = Counter((item.article_key, value) for item, value in zip(new, values, strict=True))
    rivals = _rivals(new)
    for position, item in enumerate(new):
        key = quantity_key(item)
        weak = key is not None and key[2][-1].startswith("=")
        found: int | None = None
        # A rank's weak key holds its value ("lap=20"): ranks never group by context, so it decides alone.
        day = (
            (item.article_key, value_key) if item.unit == "date" and (value_key := _value_key(item)) else None
        )
        if day is not None and day in days:
            found = days[day]
        elif key is not None and key in groups and (not weak or item.kind in _NEVER_BY_CONTEXT):
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
                and not _nearer_rival(new, position, mine, c[2])
            ]
            found = _group_of_key(key, open_groups, item)
        if item.kind not in _NEVER_BY_CONTEXT:
            # A bare noun ("eight seasons") also needs its context: the same count of seasons is said of
            # many people in one story.
            excluded: Mapping[int, frozenset[str]] = _Kept(
                touched.get(item.article_key, {}), claimed.get(item.article_key, {}), position
            )
            if item.kind in _OF_ONE_PERSON or day is not None:
                # One article's equal ages are one person's, told twice ("Palmer, 38," then "the 38-year-old"),
                # and its equal days one day.
                excluded = {}
            value_key = _value_key(item)
            # Small counts ("two") recur in one article for different things, so only larger values count.
            first = (
                mentioned.get(item.article_key, {}).get(_mention(item))
                if value_key and _needed_context(item) < MIN_SHARED_CONTEXT
                else None
            )
            if found is None and (
                matches := _value_and_context_matches(by_value, item, excluded, only=first)
            ):
                found = min(matches, key=lambda m: (-m[0], m[1]))[1]
            if found is None and first is None:
                found = _by_cooccurrence(by_value, item, new_siblings[position], excluded)
            if found is None and first is None:
                found = _adjacent_year(by_value, item, excluded)
            if found is None and first is None and value_counts[(item.article_key, value_key)] == 1:
                found = _sole_value(by_value, item, excluded)
            if found is not None and found >= 0:
                strict = _value_and_context_matches(by_value, item, excluded, only=first, strict=True)
                bridges += [(found, g) for _, g in strict if g != found and g >= 0]
        if (
            found is None
            and item.kind not in _NEVER_BY_CONTEXT | _OF_ONE_PERSON
            and _mention(item) not in mentioned.get(item.article_key, {})
        ):
            # No wording or equal value decides: weigh the evidence of every figure in a near band of values,
            # never in a group this article already fills or keeps for another of its figures, and never for a
            # value the article already gave (a second mention never gathers other outlets' second mentions).
            # A day the article gives twice is one day: neither mention keeps the other out of a group.
            barred: Container[int] = (
                set()
                if day is not None
                else _Kept(touched.get(item.article_key, {}), claimed.get(item.article_key, {}), position)
            )
            linked = _by_evidence(by_band, item, barred)
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
            and item.kind not in _NEVER_BY_CONTEXT | _OF_ONE_PERSON
            and _mention(item) not in mentioned.get(item.article_key, {})
        ):
            # A figure its wording or value placed in one group may also fit, as strongly as a bridge,
            # another group the outlet that came first started for the same quantity in other words.
            barred = (
                {found}
                if day is not None
                else _Kept(
                    touched.get(item.article_key, {}), claimed.get(item.article_key, {}), position, found
                )
            )
            bridges += [
                (found, g)
                for p, g in _by_evidence(by_band, item, barred)
                if p >= evidence.BRIDGE_THRESHOLD and g >= 0
            ]
        if found is None:
            found = next_key
            next_key -= 1
        if key is not None:
            _add_founder(groups, in_groups, key, found, item)
        _index_by_value(by_value, item, found, new_siblings[position])
        _index_by_band(by_band, item, found)
        if day is not None:
            days.setdefault(day, found)
        given.setdefault(item.article_key, {}).setdefault(found, set()).add(_value_key(item))
        seen = touched.setdefault(item.article_key, {})
        seen[found] = seen.get(found, frozenset()) | _counted_words(item)
        if found >= 0 and (value_key := _value_key(item)) is not None:
            # Only a first mention that joined other outlets binds the later ones: one that starts a group
            # of its own ("lap 19") says nothing of what a later equal value ("19 points") is.
            mentioned.setdefault(item.article_key, {}).setdefault(_mention(item), set()).add(found)
        result.append(found)
    _follow_conversions(new, result)
    return result, _mergeable(sorted(set(bridges)), existing, new, result)


def _mention(item: FigureItem) -> tuple[_ValueKey, str] | None:
    """What an article said when it printed a figure, for telling a second mention: its value and the side its
    qualifier leaves open ("up to ten times" and "ten times" are two readings, "about $5 billion" and "$5
    billion" one)."""
    value_key = _value_key(item)
    return None if value_key is None else (value_key, bound(item.qualifier))


def _rivals(new: Sequence[FigureItem]) -> dict[tuple[int, tuple[str, str, tuple[str, ...]]], list[int]]:
    """Per article and quantity key, the positions of its first KEY_RIVALS figures of that wording (see
    ``_nearer_rival``); bounded so that a hostile article of one wording a thousand times costs linear time."""
    found: dict[tuple[int, tuple[str, str, tuple[str, ...]]], list[int]] = {}
    for position, item in enumerate(new):
        key = quantity_key(item)
        if key is None or item.value is None:
            continue
        positions = found.setdefault((item.article_key, key), [])
        if len(positions) < KEY_RIVALS:
            positions.append(position)
    return found


def _nearer_rival(
    new: Sequence[FigureItem], position: int, rivals: Sequence[int], founder: FigureItem
) -> bool:
    """Whether another figure of this article, of the same wording and another value, lies nearer the group's
    founding value than this one: an outlet that gives "2,735 km" and "3,700 km" travelled (two launches)
    offers a group founded on "2,700 km" to the first, whichever it prints first."""
    item = new[position]
    if item.value is None or founder.value is None or position not in rivals:
        return False
    own = evidence.ratio(item, founder)
    value_key = _value_key(item)
    return any(
        other != position
        and _value_key(new[other]) != value_key
        and evidence.ratio(new[other], founder) < own
        for other in rivals
    )


# Of one article's figures of one wording, the first this many compete for a group (``_nearer_rival``).
KEY_RIVALS = 8


def _add_founder(
    groups: dict[tuple[str, str, tuple[str, ...]], list[tuple[int, frozenset[str], FigureItem]]],
    in_groups: dict[tuple[str, str, tuple[str, ...]], set[int]],
    key: tuple[str, str, tuple[str, ...]],
    group_key: int,
    item: FigureItem,
) -> None:
    """Record ``item`` as the founder of ``group_key`` under its quantity key, unless the group already has
    one there or the key already offers KEY_CAPACITY groups (the first-founded are kept)."""
    held = in_groups.setdefault(key, set())
    if group_key in held or len(held) >= KEY_CAPACITY:
        return
    held.add(group_key)
    groups.setdefault(key, []).append((group_key, _context_of(item), item))


# One quantity key offers at most this many groups, the first-founded first: a hostile article of a thousand
# "N people killed" of different values starts a group each, and every later figure of that wording would
# weigh them all. Real events hold a handful per key.
KEY_CAPACITY = 32


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


# At most this many characters between a figure and its conversion: " (", "/", " / ".
_CONVERSION_GAP = 3
# A conversion is rounded as printed ("2,700 km (1,680 miles)" is 0.1% apart, "400-pound (181-kg)" 0.2%):
# two adjacent measures further apart than this are two quantities.
_CONVERSION_TOLERANCE = 0.05
_LETTERS = re.compile(r"[a-z]+")


def conversion_of(item: FigureItem, before: FigureItem) -> bool:
    """``item`` is ``before`` printed again in another unit, right after it: "2,700 km (1,680 miles)",
    "400-pound (181-kg)". Both are normalised to one unit, so the values agree within a conversion's rounding;
    the printed unit words differ."""
    if (
        item.article_key != before.article_key
        or item.start is None
        or before.end is None
        or not 0 <= item.start - before.end <= _CONVERSION_GAP
        or item.kind not in _CONVERTED_KINDS
        or before.kind != item.kind
        or not item.unit
        or item.unit != before.unit
        or item.value is None
        or before.value is None
        or item.value_high is not None
        or before.value_high is not None
    ):
        return False
    if _LETTERS.findall(item.text.lower()) == _LETTERS.findall(before.text.lower()):
        return False
    larger = max(abs(item.value), abs(before.value))
    return larger > 0 and abs(item.value - before.value) <= _CONVERSION_TOLERANCE * larger


# Kinds printed with a unit that outlets convert (a length, a weight, a speed); money is not normalised
# across currencies, so "£25m ($32m)" is never two equal values.
_CONVERTED_KINDS = frozenset({"measure", "speed"})


def _follow_conversions(new: Sequence[FigureItem], result: list[int]) -> None:
    """Put each conversion in its figure's group (in place). The two were placed one by one, and the
    wording may sit beside either ("the missile flew 2,700 km (1,680 miles)" counts nothing for the km): the
    pair takes the group one of them found among stored groups, the figure's first; a new group started by
    one of them alone is dropped."""
    # Each figure by where it ends: a conversion's figure is found in constant time, never by a scan.
    ending = {(item.article_key, item.end): index for index, item in enumerate(new) if item.end is not None}
    # How many figures each group holds, kept as figures move: counting anew per pair would be quadratic.
    members = Counter(result)
    for index, item in enumerate(new):
        if item.start is None:
            continue
        partner = next(
            (
                j
                for gap in range(_CONVERSION_GAP + 1)
                if (j := ending.get((item.article_key, item.start - gap))) is not None
                and j != index
                and conversion_of(item, new[j])
            ),
            None,
        )
        if partner is None:
            continue
        mine, theirs = result[index], result[partner]
        if mine == theirs:
            continue
        alone = {g for g in (mine, theirs) if g < 0 and members[g] == 1}
        moved, to = (partner, mine) if theirs in alone and mine not in alone else (index, theirs)
        members[result[moved]] -= 1
        members[to] += 1
        result[moved] = to


def _mergeable(
    bridges: list[tuple[int, int]],
    existing: Sequence[PlacedFigure],
    new: Sequence[FigureItem],
    assigned: Sequence[int],
) -> list[tuple[int, int]]:
    """The bridges the caller may merge: not those between two groups one outlet already has a figure in,
    by the members offered or the new figures (one outlet's two figures are two things, so the caller
    never merges such groups). Left out here, a blocked bridge costs the store no read of both groups'
    members on every add that finds it again; the store still checks the members it did not offer."""
    if not bridges:
        return bridges
    outlets: dict[int, set[int]] = {}
    for placed in existing:
        outlets.setdefault(placed.group_key, set()).add(placed.item.article_key)
    for item, group_key in zip(new, assigned, strict=True):
        outlets.setdefault(group_key, set()).add(item.article_key)
    return [(a, b) for a, b in bridges if not outlets.get(a, set()) & outlets.get(b, set())]


def lookup_keys(item: FigureItem) -> list[str]:
    """The keys through which ``assign_figure_groups`` can ever match a group founded by ``item``: its
    quantity key, its value key and the bands of values near its own. A figure can only join a group sharing
    one of its own keys, so a store that indexes groups by these keys need offer a new article only the
    groups they reach."""
    found = [quantity_lookup(item), value_lookup(item), *near_bands(item)]
    found += ["value " + "|".join(map(str, adjacent)) for adjacent in _adjacent_years(item)]
    if (twin := _occurrence_twin(item)) is not None:
        found.append("value " + "|".join(map(str, twin)))
    return [key for key in found if key is not None]


def band_key(item: FigureItem) -> str | None:
    """The band of values a figure sits in, for the evidence: one band per factor of ``evidence.FAR_RATIO``
    squared of one kind family and unit, so that every figure within FAR_RATIO of another sits in its band or
    the neighbour nearer to it; a date, year or age sits in the band of its exact value (only equal ones are
    evidence)."""
    value_key = _value_key(item)
    if value_key is None or item.value is None or item.value <= 0:
        return None
    if item.kind in keys.DATING_KINDS:
        return "band " + "|".join(map(str, value_key))
    return f"band {value_key[0]}|{value_key[1]}|{_band(item.value)}"


def near_bands(item: FigureItem) -> list[str]:
    """The bands a new figure looks in: its own and, for a quantity, the neighbour its value lies nearer to
    (values within FAR_RATIO of it span one band's width, so they lie in these two)."""
    own = band_key(item)
    if own is None or item.kind in keys.DATING_KINDS or item.value is None:
        return [] if own is None else [own]
    prefix = own.rsplit("|", 1)[0]
    place = math.log(item.value) / _BAND_WIDTH
    band = math.floor(place)
    return [own, f"{prefix}|{band - 1 if place - band < 0.5 else band + 1}"]


# Each band spans a factor of FAR_RATIO squared: two lookups per figure cover every value within FAR_RATIO.
_BAND_WIDTH = 2 * math.log(evidence.FAR_RATIO)


def _band(value: float) -> int:
    return math.floor(math.log(value) / _BAND_WIDTH)


# The groups one band offers the evidence, the first-founded first: a band crowded with one-off numbers
# ("edition 412", a score, a page count) stays bounded, so an add costs the same however large the event.
# A real event's band holds a handful of groups; a later group of a full band is still found by its wording
# and its value, only not by evidence. The store keeps the same first groups (``band_is_full``).
BAND_CAPACITY = 8


def _index_by_band(index: dict[str, list[tuple[FigureItem, int]]], item: FigureItem, group_key: int) -> None:
    if (band := band_key(item)) is None:
        return
    entries = index.setdefault(band, [])
    if not band_is_full({g for _, g in entries} - {group_key}):
        entries.append((item, group_key))


def band_is_full(groups: set[int]) -> bool:
    """Whether a band already offering these groups takes no other."""
    return len(groups) >= BAND_CAPACITY


def _by_evidence(
    index: dict[str, list[tuple[FigureItem, int]]], item: FigureItem, excluded: Container[int]
) -> list[tuple[float, int]]:
    """The groups whose figures give evidence above ``evidence.LINK_THRESHOLD`` of being this figure's
    quantity, as (score, group), the strongest first (ties to the lowest group)."""
    best: dict[int, float] = {}
    for band in near_bands(item):
        for other, group_key in index.get(band, ()):
            if group_key in excluded:
                continue
            linked = evidence.linked(item, other)
            if linked is not None and linked > best.get(group_key, -1.0):
                best[group_key] = linked
    return sorted(((p, g) for g, p in best.items()), key=lambda pg: (-pg[0], pg[1]))


def quantity_lookup(item: FigureItem) -> str | None:
    """The figure's quantity key as one string, or None when it names nothing."""
    key = quantity_key(item)
    return None if key is None else "quantity " + "|".join((key[0], key[1], *key[2]))


def value_lookup(item: FigureItem) -> str | None:
    """The figure's value key (kind family, unit, value) as one string, or None when it has no value."""
    value_key = _value_key(item)
    return None if value_key is None else "value " + "|".join(map(str, value_key))


def member_lookup(item: FigureItem) -> str | None:
    """The key a member adds to its group: what it counts, when that alone can join figures (a bare noun's
    key never does). A group found by every member's wording, not only its founder's, does not depend
    on which outlet came first ("10 US citizens" then "ten American tourists", or the other way round)."""
    key = quantity_key(item)
    if key is None or key[2][-1].startswith("="):
        return None
    return quantity_lookup(item)


def _claims(
    by_value: _ValueIndex,
    new: Sequence[FigureItem],
) -> dict[int, dict[int, int]]:
    """Per article of the batch, which of its figures each existing group is kept for: the one whose
    context fits it best. An outlet that says "19 points" in its lead and "lap 19" later offers the
    group of the points to the points, whatever order the two come in."""
    best: dict[int, dict[int, tuple[int, int]]] = {}
    for position, item in enumerate(new):
        if item.kind in _NEVER_BY_CONTEXT:
            continue
        found = _same_value_and_context(by_value, item, {})
        if found is None:
            continue
        score, group_key = found
        mine = best.setdefault(item.article_key, {})
        if group_key not in mine or score > mine[group_key][0]:
            mine[group_key] = (score, position)
    return {article: {g: p for g, (_, p) in groups.items()} for article, groups in best.items()}


def _group_of_key(
    key: tuple[str, str, tuple[str, ...]],
    candidates: list[tuple[int, frozenset[str], FigureItem]],
    item: FigureItem,
) -> int | None:
    """The group a figure joins through its quantity key. A key made of a frame alone ("cost", "damage")
    says what money is about but not whose: "up to $2 billion" of one bank's cost and "$1-3 billion" of
    another's must also share a word of context beyond the frame; a key naming a thing decides alone.
    Never a group whose founding value is too far from this one to be one quantity ("six arrests" one
    night and "47 arrests" in all name one thing but count two)."""
    far = MEASURE_FAR_RATIO if item.kind in _MEASURED_KINDS else KEY_FAR_RATIO
    candidates = [c for c in candidates if not evidence.too_far(item, c[2], ratio=far)]
    # A group founded on this very value first: when an outlet's two values of one wording started two
    # groups, a later outlet's value joins its own, whichever group is older.
    value_key = _value_key(item)
    candidates.sort(key=lambda c: _value_key(c[2]) != value_key)
    if not candidates:
        return None
    if not keys.frame_only(key):
        return candidates[0][0]
    context = _context_of(item) - set(key[2])
    if not context:
        return None
    for group_key, founder, _ in candidates:
        if context & (founder - set(key[2])):
            return group_key
    return None


# Values of one wording further apart than this factor are two quantities unless their qualifiers make them
# compatible: wider than the evidence's FAR_RATIO because the wording already says they are one thing (a toll
# or a count of homes grows as reports come in: "40 homes destroyed" and "65"), while a part and its total ("six
# arrests" overnight, "47" in all) are many times apart.
KEY_FAR_RATIO = 2.0
# The same for a measure ("550 km" high, "2,700 km" travelled): one thing measured is reported within a
# conversion's rounding or a revision (every tune conflict of one wording lies within 1.2), so measures 1.4 to
# 1.8 apart in one wording ("550 km" and "770 km" reached, "2,700 km" and "3,700 km" travelled) are two
# launches, two legs, two things.
MEASURE_FAR_RATIO = 1.3
_MEASURED_KINDS = frozenset({"measure", "speed"})


# Shared context stems that make two equal values one quantity. Small counts ("two", "one") recur in every
# story about different things, so they need two shared content words ("trains", "collided"); a value that
# rarely recurs by chance (an amount, a rate, a duration, a date, a count of ten or more) needs one.
MIN_SHARED_CONTEXT = 2
SMALL_COUNT = 10.0


# A value printed with this many significant digits ("14.3 percent", "$2.07 billion", "3,478") rarely recurs
# by chance in one event's coverage: equal, it is evidence of one quantity with no shared context at all.
DISTINCTIVE_DIGITS = 3


def _distinctive(item: FigureItem) -> bool:
    if item.value is None or item.value_high is not None or item.kind in keys.DATING_KINDS:
        return False
    if item.kind in _MEASURED_WITH_UNIT:
        return True
    # Judged on the digits as printed: a unit's conversion ("five years" -> 43,800 hours) adds none.
    digits = "".join(c for c in item.text if c.isdigit()).lstrip("0").rstrip("0")
    return len(digits) >= DISTINCTIVE_DIGITS


# Shared stems of two whole sentences that make two equal values one quantity when their near words do
# not: the far words of a sentence are looser evidence than the near ones, so two are needed.
MIN_SHARED_SENTENCE = 2


def _reads_far_words(item: FigureItem) -> bool:
    """Whether a figure's far words may join it to an equal value: an amount of money, a share, a measure,
    a count of SMALL_COUNT or more, or a length of time shorter than a year. Small counts ("two") and years
    recur in one story for different things, and so do lengths of years (a career, a term, a forecast's
    horizon: "75 years" of two different projections), which still need near words."""
    if item.value is None:
        return False
    if item.kind == "duration":
        return item.value < HOURS_PER_YEAR
    if keys.family(item.kind) == "count":
        return item.value >= SMALL_COUNT
    return item.kind in _FAR_KINDS


# Kinds whose equal values may meet through the far words of their sentences (see ``_reads_far_words``).
_FAR_KINDS = frozenset({"money", "percent", "measure"})


def _needed_context(item: FigureItem) -> int:
    if keys.family(item.kind) == "count" and (item.value is None or item.value < SMALL_COUNT):
        return MIN_SHARED_CONTEXT
    return 1


# Ordinals rank rather than measure: an equal rank with a similar context is not evidence of one quantity.
_NEVER_BY_CONTEXT = frozenset({"ordinal"})
# Kinds said of one person: an article that gives the same age twice speaks of one person both times.
_OF_ONE_PERSON = frozenset({"age"})
# A speed is a reading of an instrument in its unit ("180mph"): an equal one across outlets is one
# measurement as surely as a three-digit number, whatever words surround it.
_MEASURED_WITH_UNIT = frozenset({"speed"})


# The time since an event ("two years ago") is as long as that event has lasted ("a two-year inquiry"):
# by value and context it meets a plain duration, never a framed one (see ``_timing``), and by its
# counted thing only another time since the same event.
_VALUE_FAMILY = {"time_ago": "duration"}
# How a figure of time may meet another of equal value: the time since an event, a length its frame
# decides (a sentence, a contract), or anything else.
_AGO, _FRAMED, _PLAIN = "ago", "framed", ""


def _timing(item: FigureItem) -> str:
    if item.kind == "time_ago":
        return _AGO
    if item.kind == "duration" and keys.framed_duration(item.counted_key, item.context):
        return _FRAMED
    return _PLAIN


def _value_key(item: FigureItem) -> tuple[str, str, float, float | None] | None:
    if item.value is None:
        return None
    value, high = item.value, item.value_high
    if item.unit == "date":
        value, high = value % 10_000, None if high is None else high % 10_000
    # Rounded to 9 significant digits so that 2.07e9 printed two ways is one value.
    return (
        _VALUE_FAMILY.get(item.kind, keys.family(item.kind)),
        item.unit or "",
        float(f"{value:.9g}"),
        None if high is None else float(f"{high:.9g}"),
    )


def _occurrence_twin(item: FigureItem) -> tuple[str, str, float, float | None] | None:
    """A count of occurrences is kept apart from plain counts by its unit, so that its value never meets
    "two seasons"; this is the one key where it meets a named thing's equal count. The value key under which a count of occurrences ("twice") and an equal count of a named thing ("two
    red flags") meet: each other's. "The race was stopped twice" is its two red flags; a bare noun ("two
    seasons") is a tally, not occurrences, and an unnamed count ("two") says nothing of what occurred, so
    neither has a twin. Small counts still need two shared words of context to meet."""
    value_key = _value_key(item)
    if value_key is None or value_key[0] != "count":
        return None
    if item.unit == OCCURRENCES:
        return (value_key[0], "", *value_key[2:])
    if not item.unit and _counted_words(item) and not _bare_noun(item):
        return (value_key[0], OCCURRENCES, *value_key[2:])
    return None


def _context_of(item: FigureItem) -> frozenset[str]:
    words = set(keys.near_words(item.context))
    if item.counted_key:
        words |= set(keys.counted_key(item.counted_key).split())
    return frozenset(words)


def _sentence_of(item: FigureItem) -> frozenset[str]:
    """The figure's near context and counted words, and the far words of its sentence."""
    return _context_of(item) | keys.sentence_words(item.context)


def _index_by_value(
    index: _ValueIndex,
    item: FigureItem,
    group_key: int,
    siblings: frozenset[_ValueKey] = frozenset(),
) -> None:
    value_key = _value_key(item)
    context = _context_of(item)
    if value_key is not None and index.has_room(value_key, group_key):
        # Indexed even with no context: an equal distinctive value ("14.3 percent") needs none.
        index.add(
            value_key,
            group_key,
            (
                context,
                _counted_words(item),
                group_key,
                _bare_noun(item),
                _timing(item),
                evidence.marks(item),
                _sentence_of(item),
                siblings,
                bound(item.qualifier),
            ),
        )


_TALLY_STEMS = frozenset(keys.counted_key(word) for word in CAREER_TALLIES)


def _bare_noun(item: FigureItem) -> bool:
    """A count of one bare noun and no predicate ("eight seasons", "50 games"): said of many subjects in one
    story (each player's seasons, each coach's games)."""
    key = keys.quantity_key(item.kind, item.unit, item.counted_key)
    return key is not None and keys.is_weak(key) and keys.PART not in key[2]


def _counted_words(item: FigureItem) -> frozenset[str]:
    """The nouns of the counted phrase, without its frames: "children killed" and "crew killed" share a
    predicate but count different people."""
    if not item.counted_key:
        return frozenset()
    return frozenset(w for w in keys.counted_key(item.counted_key).split() if w not in keys.FRAMES)


def _same_value_and_context(
    index: _ValueIndex,
    item: FigureItem,
    excluded: Mapping[int, frozenset[str]],
    only: set[int] | None = None,
) -> tuple[int, int] | None:
    """(shared stems, group) of the best match of ``_value_and_context_matches``; ties to the lowest key."""
    matches = _value_and_context_matches(index, item, excluded, only)
    return min(matches, key=lambda m: (-m[0], m[1])) if matches else None


def _value_and_context_matches(
    index: _ValueIndex,
    item: FigureItem,
    excluded: Mapping[int, frozenset[str]],
    only: set[int] | None = None,
    *,
    strict: bool = False,
) -> list[tuple[int, int]]:
    """Every group holding an equal value whose context shares enough stems with this figure's (at least
    MIN_SHARED_CONTEXT, or all of the smaller context when it has fewer words), as (shared stems, group),
    the most shared per group. ``strict``: two counted phrases must share a noun whatever their size (for
    the groups a figure bridges, which merge two groups rather than add one figure to one).
    Two figures that each count one bare noun must count the same one ("11 points" never meets "11 rebounds")
    unless the value is distinctive ("109 catches" and "109 passes" with shared context are one tally),
    and two small counts of nouns must share one ("2 young athletes" never meets "two first-class passengers")."""
    value_key = _value_key(item)
    context = _context_of(item)
    counted = _counted_words(item)
    distinctive = _distinctive(item)
    if value_key is None or not (context or distinctive):
        return []
    small = _needed_context(item) == MIN_SHARED_CONTEXT
    bare = _bare_noun(item)
    best: dict[int, int] = {}
    twin = _occurrence_twin(item)
    candidates = [*index.get(value_key, ()), *(_twins(index, twin, occurrences=item.unit == OCCURRENCES))]
    timing = _timing(item)
    own_marks = evidence.marks(item)
    sentence = _sentence_of(item) if _reads_far_words(item) else frozenset()
    for (
        other,
        other_counted,
        group_key,
        other_bare,
        other_timing,
        other_marks,
        other_sentence,
        *_,
    ) in candidates:
        if {timing, other_timing} == {_AGO, _FRAMED}:
            # "Five years ago" is never "sentenced to five years", however alike their sentences.
            continue
        if evidence.marks_differ(own_marks, other_marks):
            # "23 seriously injured" is never "23 injured", nor "14 killed" "14 injured", however alike
            # their sentences: the evidence's hard gates hold for equal values too.
            continue
        if group_key in excluded and not (counted and counted & excluded[group_key]):
            continue
        if only is not None and group_key not in only:
            continue
        differ = bool(counted and other_counted and not counted & other_counted)
        if differ and (small or strict or (len(counted) == len(other_counted) == 1 and not distinctive)):
            continue
        if not other and not distinctive:
            continue
        common = context & other
        if bare or other_bare:
            # A career's tally is in both contexts whenever it is counted in both ("eight seasons" of two
            # players): only other shared words say the two counts are of one subject.
            common -= (counted | other_counted) & _TALLY_STEMS
        shared = len(common)
        needed = (
            0 if distinctive and not differ else max(1, min(_needed_context(item), len(context), len(other)))
        )
        # The subject of an amount is often named a clause away ("the longest government shutdown in
        # history ... for 35 days"): enough shared words in the two whole sentences make it one too.
        if (
            shared < needed
            and sentence
            and not differ
            and not (bare or other_bare)
            and len(sentence & other_sentence) >= MIN_SHARED_SENTENCE
        ):
            shared = needed
        if shared >= needed and shared >= best.get(group_key, -1):
            best[group_key] = shared
    return [(shared, group_key) for group_key, shared in sorted(best.items())]


def _twins(
    index: _ValueIndex,
    twin: tuple[str, str, float, float | None] | None,
    *,
    occurrences: bool,
) -> list[_Indexed]:
    """The indexed figures under a figure's occurrence twin that can be its twin: for a count of occurrences,
    the equal counts naming a thing that is no bare noun (the index holds unnamed counts under that key too)."""
    if twin is None:
        return []
    found = index.get(twin, ())
    return [entry for entry in found if entry[1] and not entry[3]] if occurrences else list(found)


# An indexed figure: (context stems, counted nouns, group, counts a bare noun, its timing, its predicates and
# severity, the stems of its whole sentence, the values its sentence also prints, its qualifier's bound).
_ValueKey = tuple[str, str, float, float | None]
_Indexed = tuple[
    frozenset[str], frozenset[str], int, bool, str, evidence.Marks, frozenset[str], frozenset[_ValueKey], str
]


def _anchors(item: FigureItem) -> bool:
    """Whether a figure's value is rare enough in one story to vouch for a neighbour in its sentence: not a
    small count ("two", "three" recur everywhere), an ordinal or an age (said of many people and places)."""
    if item.value is None or item.kind in _NEVER_BY_CONTEXT | _OF_ONE_PERSON:
        return False
    return not (keys.family(item.kind) == "count" and item.value < SMALL_COUNT)


def _sibling_values(items: Sequence[FigureItem]) -> list[frozenset[_ValueKey]]:
    """For each item, the values of the other figures its article prints in the same sentence (see
    ``_same_sentence``), of the figures that may vouch for it (``_anchors``). Each figure looks at most
    SIBLING_SPAN neighbours either side in its article, so the cost is linear however many it holds."""
    by_article: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        if item.start is not None and _anchors(item):
            by_article.setdefault(item.article_key, []).append(index)
    found: list[set[_ValueKey]] = [set() for _ in items]
    for positions in by_article.values():
        positions.sort(key=lambda i: items[i].start or 0)
        for n, i in enumerate(positions):
            for j in positions[n + 1 : n + 1 + SIBLING_SPAN]:
                a, b = items[i], items[j]
                if not _same_sentence(a, b):
                    continue
                value_a, value_b = _value_key(a), _value_key(b)
                if value_a is not None and value_b is not None and value_a != value_b:
                    found[i].add(value_b)
                    found[j].add(value_a)
    return [frozenset(f) for f in found]


def _same_sentence(a: FigureItem, b: FigureItem) -> bool:
    """Two figures of one article in one sentence: printed close together, and the stems of their sentences
    (near and far words, ``keys.sentence_words``) mostly the same."""
    if a.start is None or b.start is None or abs(a.start - b.start) > SIBLING_REACH:
        return False
    words_a, words_b = keys.sentence_words(a.context), keys.sentence_words(b.context)
    union = words_a | words_b
    return bool(union) and len(words_a & words_b) >= SAME_SENTENCE_SHARE * len(union)


# Figures printed further apart than this (characters) are never taken for one sentence's.
SIBLING_REACH = 300
# The share of their sentences' stems two close figures hold in common when they sit in one sentence.
SAME_SENTENCE_SHARE = 0.7
# How many later figures of its article each figure compares with for ``_sibling_values``.
SIBLING_SPAN = 8


def _sole_value(index: _ValueIndex, item: FigureItem, excluded: Container[int]) -> int | None:
    """The one group holding an equal share when no other group of the event holds it and this article prints
    it once: a "47 percent" no other number of the story shares is one quantity however differently two outlets
    frame it. Never across the hard gates, a bare noun, another bound ("more than 47 percent"), or two counted
    phrases that share no noun."""
    value_key = _value_key(item)
    if value_key is None or not _reads_far_words(item) or item.kind not in _SOLE_KINDS:
        return None
    entries = index.get(value_key, ())
    holders = {entry[2] for entry in entries}
    if len(holders) != 1 or (group_key := next(iter(holders))) in excluded:
        return None
    counted = _counted_words(item)
    own_marks = evidence.marks(item)
    own_bound = bound(item.qualifier)
    if not _context_of(item):
        # A bare number with no word around it says nothing of what it is about.
        return None
    for other, other_counted, _, other_bare, _, other_marks, _, _, other_bound in entries:
        if not other:
            return None
        # "More than 400 pounds" beside a plain "400-pound": a floor is often a general fact (what such an
        # animal may weigh), not the reading of this one.
        if (
            other_bare
            or _bare_noun(item)
            or evidence.marks_differ(own_marks, other_marks)
            or other_bound != own_bound
        ):
            return None
        if counted and other_counted and not counted & other_counted:
            return None
    return group_key


# Kinds a sole equal value joins (``_sole_value``). Amounts and measures were tried too: on the tune events they
# let no number that must stay alone join, but on the held-out ones one trap and two such numbers joined (an
# amount or a length recurs in one story in other roles: allocated and spent, one leg and another), so shares
# only.
_SOLE_KINDS = frozenset({"percent"})


def _adjacent_years(item: FigureItem) -> list[_ValueKey]:
    """The value keys of the years either side of a year (``_adjacent_year``)."""
    value_key = _value_key(item)
    if item.kind != "year" or value_key is None or value_key[3] is not None:
        return []
    return [(*value_key[:2], value_key[2] + step, None) for step in (-1.0, 1.0)]


def _adjacent_year(index: _ValueIndex, item: FigureItem, excluded: Container[int]) -> int | None:
    """The group of the year before or after this one said with at least ADJACENT_YEAR_CONTEXT near words in
    common: outlets are off by one on when something began ("has led the party since 2002" and "since 2003")
    far more often than two different years of a story share three near words; such a group is a conflict.
    Ties to the most shared words, then the lowest key."""
    context = _context_of(item)
    if len(context) < ADJACENT_YEAR_CONTEXT:
        return None
    best: dict[int, int] = {}
    for value_key in _adjacent_years(item):
        for other, _, group_key, *_ in index.get(value_key, ()):
            shared = len(context & other)
            if shared >= ADJACENT_YEAR_CONTEXT and group_key not in excluded:
                best[group_key] = max(best.get(group_key, 0), shared)
    return min(best, key=lambda g: (-best[g], g)) if best else None


# Near words two years one apart share to be one year told two ways (see ``_adjacent_year``).
ADJACENT_YEAR_CONTEXT = 3


def _by_cooccurrence(
    index: _ValueIndex,
    item: FigureItem,
    siblings: frozenset[_ValueKey],
    excluded: Container[int],
) -> int | None:
    """The group of an equal value whose sentence, in another outlet, also prints one of the values this
    figure's sentence prints: "1.6 million arrests in 2000" and "at the peak in 2000, 1.6 million" say the two
    numbers of one fact together, however different the words around them. Only values that may vouch
    (``_anchors``) on both sides, never across the hard gates (two predicates, a subset and its total, a framed
    length and the time since an event), never two counted phrases that share no noun. Ties to the group
    with the most shared values, then the lowest key."""
    value_key = _value_key(item)
    if value_key is None or not siblings or not _anchors(item):
        return None
    counted = _counted_words(item)
    own_marks = evidence.marks(item)
    timing = _timing(item)
    best: dict[int, int] = {}
    for _, other_counted, group_key, _, other_timing, other_marks, _, other_siblings, _ in index.get(
        value_key, ()
    ):
        shared = len(siblings & other_siblings)
        if not shared or group_key in excluded:
            continue
        if evidence.marks_differ(own_marks, other_marks) or {timing, other_timing} == {_AGO, _FRAMED}:
            continue
        if counted and other_counted and not counted & other_counted:
            continue
        best[group_key] = max(best.get(group_key, 0), shared)
    if not best:
        return None
    return min(best, key=lambda g: (-best[g], g))


# An equal value offers the context test at most this many groups, the first-founded first, and each of them
# at most VALUE_MEMBERS of its members of that value: a figure's lookup then costs a bounded amount however
# many times a hostile article repeats one value ("5 km, 5 km, ..." made grouping one article quadratic).
# Real events stay far below both: over every gold event one value is held by at most 14 groups, and one
# group holds one value at most 17 times.
VALUE_CAPACITY = 32
VALUE_MEMBERS = 24


class _ValueIndex:
    """The figures of each value key (``_value_key``), bounded per key (``VALUE_CAPACITY``, ``VALUE_MEMBERS``)."""

    __slots__ = ("_counts", "_entries")

    def __init__(self) -> None:
        self._entries: dict[_ValueKey, list[_Indexed]] = {}
        self._counts: dict[_ValueKey, Counter[int]] = {}

    def get(self, value_key: _ValueKey, default: Sequence[_Indexed] = ()) -> Sequence[_Indexed]:
        return self._entries.get(value_key, default)

    def has_room(self, value_key: _ValueKey, group_key: int) -> bool:
        counts = self._counts.get(value_key)
        if counts is None:
            return True
        if group_key in counts:
            return counts[group_key] < VALUE_MEMBERS
        return len(counts) < VALUE_CAPACITY

    def add(self, value_key: _ValueKey, group_key: int, entry: _Indexed) -> None:
        self._entries.setdefault(value_key, []).append(entry)
        self._counts.setdefault(value_key, Counter())[group_key] += 1


# A stored group offers a new article at most this many members, its first (see ``assign_and_bridge``): each
# member with its own value, wording and context, so that a new figure meets the member it fits best whichever
# outlet came first, while an add still costs a bounded amount per group however many outlets repeat it.
MEMBER_LIMIT = 12


# A group's stored context (``FigureGroup.context``) holds at most this many characters.
CONTEXT_LIMIT = 300


def merged_context(kept: str | None, added: str | None, limit: int = CONTEXT_LIMIT) -> str | None:
    """A group's stored context (``FigureGroup.context``) after a member joined: the words it had, then the
    member's new words while they fit in ``limit`` characters. The grouping itself reads each offered
    member's own context (see ``MEMBER_LIMIT``); this is the group's record of them."""
    words = (kept or "").split()
    seen = set(words)
    length = len(kept or "")
    for word in (added or "").split():
        if word in seen or length + len(word) + (1 if length else 0) > limit:
            continue
        words.append(word)
        seen.add(word)
        length += len(word) + (1 if length else 0)
    return " ".join(words) or None


def reading(item: FigureItem) -> Reading:
    return Reading(item.article_key, item.value, item.value_high, item.unit, item.qualifier, item.text)


def group_status(members: Sequence[FigureItem]) -> GroupStatus:
    """The group's status by the core's one rule (``figures.status.figure_status``)."""
    return figure_status([reading(m) for m in members])[0]


def group_status_compatible(members: Sequence[FigureItem]) -> tuple[GroupStatus, bool]:
    """(status, compatible) by the core's one rule, without the members that only convert another."""
    return figure_status([reading(m) for m in stated(members)])


def stated(members: Sequence[FigureItem]) -> list[FigureItem]:
    """The members a status weighs: a bracketed conversion ("2,700 km (1,680 miles)") restates its figure,
    already a member, in another unit, so an outlet that prints "2,700 km" alone agrees with it."""
    converted = conversions(members)
    return [m for index, m in enumerate(members) if index not in converted]


def conversions(items: Sequence[FigureItem]) -> set[int]:
    """The positions of the items that convert another of the items (``conversion_of``)."""
    ending = {(item.article_key, item.end): index for index, item in enumerate(items) if item.end is not None}
    return {
        index
        for index, item in enumerate(items)
        if item.start is not None
        and any(
            (j := ending.get((item.article_key, item.start - gap))) is not None
            and j != index
            and conversion_of(item, items[j])
            for gap in range(_CONVERSION_GAP + 1)
        )
    }


def group_label(members: Sequence[FigureItem]) -> str:
    """A short label for the group: the counted phrase most outlets used ("Palestinians killed").

    Ties go to the shorter phrase, then alphabetical order, so the label is stable whatever the member
    order. Falls back to the counted key, then to the kind and unit.
    """
    phrases = Counter(m.counted.strip() for m in members if m.counted and m.counted.strip())
    if not phrases:
        phrases = Counter(m.counted_key.strip() for m in members if m.counted_key and m.counted_key.strip())
    if phrases:
        return min(phrases, key=lambda p: (-phrases[p], len(p), p))
    first = members[0] if members else None
    if first is None:
        return ""
    return f"{first.kind} ({first.unit})" if first.unit else first.kind
