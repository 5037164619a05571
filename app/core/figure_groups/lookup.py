"""The keys a store indexes groups by, so that it offers a new article only the groups it can reach."""

from __future__ import annotations

from app.core.figure_groups.bands import near_bands
from app.core.figure_groups.item import FigureItem, quantity_key, value_key_of
from app.core.figure_groups.values import adjacent_years, occurrence_twin


def lookup_keys(item: FigureItem) -> list[str]:
    """The keys through which ``assign_figure_groups`` can ever match a group founded by ``item``: its
    quantity key, its value key and the bands of values near its own. A figure can only join a group sharing
    one of its own keys, so a store that indexes groups by these keys need offer a new article only the
    groups they reach."""
    found = [quantity_lookup(item), value_lookup(item), *near_bands(item)]
    found += ["value " + "|".join(map(str, adjacent)) for adjacent in adjacent_years(item)]
    if (twin := occurrence_twin(item)) is not None:
        found.append("value " + "|".join(map(str, twin)))
    return [key for key in found if key is not None]


def quantity_lookup(item: FigureItem) -> str | None:
    """The figure's quantity key as one string, or None when it names nothing."""
    key = quantity_key(item)
    return None if key is None else "quantity " + "|".join((key[0], key[1], *key[2]))


def value_lookup(item: FigureItem) -> str | None:
    """The figure's value key (kind family, unit, value) as one string, or None when it has no value."""
    value_key = value_key_of(item)
    return None if value_key is None else "value " + "|".join(map(str, value_key))


def member_lookup(item: FigureItem) -> str | None:
    """The key a member adds to its group: what it counts, when that alone can join figures (a bare noun's
    key never does). A group found by every member's wording, not only its founder's, does not depend
    on which outlet came first ("10 US citizens" then "ten American tourists", or the other way round)."""
    key = quantity_key(item)
    if key is None or key[2][-1].startswith("="):
        return None
    return quantity_lookup(item)
