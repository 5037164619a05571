"""Figure groups: the same measured quantity across outlets, its status (agree, conflict, single) and label.

Two figures are one quantity when they count the same thing (the same frame and content words of the counted
phrase, so a subset such as "children killed" stays apart from "Palestinians killed") in compatible units, or
give an equal value with enough words of context in common. A figure neither joins is weighed against the
groups of near values by the pairwise evidence of ``figures.evidence`` (what each counts, the words around
them, how their values relate, behind hard gates), found through a bounded band index. The status is the
core's one rule, ``figures.status.figure_status``.

One job per module: ``item`` (what a grouping reads of one figure), ``wording`` (groups of one quantity key),
``values`` and ``siblings`` (equal values and the values printed beside them), ``bands`` (near values for the
evidence), ``conversions``, ``assign`` (placing new figures and finding bridges), ``lookup`` (the keys a store
indexes groups by) and ``summary`` (status, label, stored context).
"""

from app.core.figure_groups.assign import MEMBER_LIMIT, assign_and_bridge, assign_figure_groups
from app.core.figure_groups.bands import BAND_CAPACITY, band_is_full, band_key, near_bands
from app.core.figure_groups.conversions import conversion_of, conversions, stated
from app.core.figure_groups.item import FigureItem, PlacedFigure, figure_item, quantity_key
from app.core.figure_groups.lookup import lookup_keys, member_lookup, quantity_lookup, value_lookup
from app.core.figure_groups.summary import (
    CONTEXT_LIMIT,
    group_label,
    group_status,
    group_status_compatible,
    merged_context,
    reading,
)

__all__ = [
    "BAND_CAPACITY",
    "CONTEXT_LIMIT",
    "MEMBER_LIMIT",
    "FigureItem",
    "PlacedFigure",
    "assign_and_bridge",
    "assign_figure_groups",
    "band_is_full",
    "band_key",
    "conversion_of",
    "conversions",
    "figure_item",
    "group_label",
    "group_status",
    "group_status_compatible",
    "lookup_keys",
    "member_lookup",
    "merged_context",
    "near_bands",
    "quantity_key",
    "quantity_lookup",
    "reading",
    "stated",
    "value_lookup",
]
