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
    context_of,
    counted_words,
    quantity_key,
    value_key_of,
)
from app.core.figure_groups.siblings import by_cooccurrence, sibling_values
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
from app.core.figure_groups.wording import KEY_RIVALS, add_founder, group_of_key, nearer_rival, wording_rivals
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
    for placed, siblings in zip(stored, stored_siblings, strict=True):
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
            # Small counts ("two") recur in one article for different things, so only larger values count.
            first = (
                mentioned.get(item.article_key, {}).get(_mention(item))
                if value_key and needed_context(item) < MIN_SHARED_CONTEXT
                else None
            )
            if found is None and (matches := value_and_context_matches(by_value, item, excluded, only=first)):
                found = min(matches, key=lambda m: (-m[0], m[1]))[1]
            if found is None and first is None:
                found = by_cooccurrence(by_value, item, new_siblings[position], excluded)
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


def told_twice(new: Sequence[FigureItem]) -> list[int]:
    """For each figure, the position of an earlier figure of its article that gives the same quantity again,
    else its own position: a year or a measure said again in like words, or a sum given rounded and exact (see
    ``_years_told_twice``, ``_sums_told_twice``). The later mention joins the group the first took."""
    found = list(range(len(new)))
    _years_told_twice(new, found)
    _sums_told_twice(new, found)
    return found


def _years_told_twice(new: Sequence[FigureItem], found: list[int]) -> None:
    """A year (or a measure, ``TOLD_KINDS``) one article says twice in like words (SAME_YEAR_CONTEXT near words
    in common: "the 2010 wave that swept them out" and "swept out in 2010") is one. One story's equal years are
    often two events of that year ("elected in 2015", "in 2015 she was arrested"), kept apart. Each mention
    looks at its article's first KEY_RIVALS first mentions of its value, so the cost stays linear."""
    firsts: dict[tuple[int, ValueKey], list[int]] = {}
    for position, item in enumerate(new):
        value_key = value_key_of(item)
        if item.kind not in TOLD_KINDS or value_key is None:
            continue
        earlier = firsts.setdefault((item.article_key, value_key), [])
        context = context_of(item)
        match = next((p for p in earlier if len(context & context_of(new[p])) >= SAME_YEAR_CONTEXT), None)
        if match is not None:
            found[position] = match
        elif len(earlier) < KEY_RIVALS:
            earlier.append(position)


# Near words two equal ranks that name nothing they rank share to be one rank (one word let two numbers that must
# stay alone join on tune).
RANK_CONTEXT = 2


# Near words two mentions of one year (or measure) in one article share to be one told twice.
SAME_YEAR_CONTEXT = 2
# Kinds an article may tell twice in like words: a year, and a reading in a unit (a length, a weight, a speed:
# "some 2,000 km" east of the cape, later "roughly 2,000 kilometers" from it). Sums, shares, counts and lengths
# of time were tried too: an article's equal sums and counts in like words are often two things (traps rose).
TOLD_KINDS = frozenset({"year", "measure", "speed"})


def _sums_told_twice(new: Sequence[FigureItem], found: list[int]) -> None:
    """A sum one article gives rounded and exact ("nearly $44 million" in its lead, "$43,885,310" further down,
    in either order) is one sum: the exact amount rounds to the other as printed, and the other's qualifier
    allows it. Only money: two near shares ("35.72 percent", "36 percent") are two rates and two near lengths
    two legs (tried on tune and held out: shares broke a tune group, lengths a held-out one)."""
    # Per article, the first rounded sum of each value and the first exact sum of each rounded form.
    rounded: dict[tuple[int, ValueKey], int] = {}
    exact: dict[tuple[int, ValueKey], int] = {}
    for position, item in enumerate(new):
        own, forms = _rounded_forms(item)
        if own is not None:
            match = exact.get((item.article_key, own))
            rounded.setdefault((item.article_key, own), position)
        else:
            match = next((p for f in forms if (p := rounded.get((item.article_key, f))) is not None), None)
            for form in forms:
                exact.setdefault((item.article_key, form), position)
        if match is not None and evidence.value_relation(item, new[match]) == "same":
            found[position] = found[match]


def _rounded_forms(item: FigureItem) -> tuple[ValueKey | None, list[ValueKey]]:
    """A sum printed rounded (ROUNDED_DIGITS significant digits or fewer): its value; a sum printed exact (more
    digits): the forms it rounds to ("$43,885,310" -> "$40 million", "$44 million", "$43.9 million"). Each is
    tagged with its number of digits, so that a rounded sum meets only the exact sums that round to it, never
    an equal rounded sum (a second mention, which has rules of its own)."""
    value_key = value_key_of(item)
    if value_key is None or item.value is None or item.value <= 0 or item.value_high is not None:
        return None, []
    if item.kind != "money":
        return None, []
    family, unit = value_key[:2]
    digits = len(f"{item.value:.9g}".split("e")[0].replace(".", "").strip("0"))
    if digits <= ROUNDED_DIGITS:
        return (family, unit, float(digits), float(f"{item.value:.{digits}g}")), []
    return None, [
        (family, unit, float(k), float(f"{item.value:.{k}g}")) for k in range(1, ROUNDED_DIGITS + 1)
    ]


# A sum printed with at most this many significant digits may be a rounding ("$141 million").
ROUNDED_DIGITS = 3


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
