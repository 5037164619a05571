"""Counted things named in other words by other outlets (invented sentences): the grouping key folds each
synonym class of the lexicon onto one word, and the figures of two outlets meet through it."""

from __future__ import annotations

import pytest

from app.core.extract import extract_article
from app.core.figure_groups import PlacedFigure, assign_figure_groups, figure_item
from app.core.figures import counted_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("arrests", "apprehensions"),
        ("people apprehended", "people arrested"),
        ("nations", "other countries"),
        ("miles of fencing", "miles of barrier"),
        ("miles of new wall", "miles of new fence"),
        ("packages", "devices"),
        ("suspicious parcels", "suspicious bombs"),
        ("refugees", "migrants"),
        ("asylum seekers", "migrants"),
        ("asylum-seekers", "refugees"),
        ("three parts", "three pieces"),
        ("recent migrants", "asylum seekers"),
        ("fragments", "pieces"),
    ],
)
def test_synonyms_of_a_counted_thing_share_one_key(one: str, other: str) -> None:
    assert counted_key(one) == counted_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("job seekers", "migrants"),
        ("nations", "cities"),
        ("packages", "letters"),
        ("arrests", "convictions"),
    ],
)
def test_words_outside_a_class_keep_their_own_key(one: str, other: str) -> None:
    assert counted_key(one) != counted_key(other)


def test_counted_key_of_a_synonym_is_its_own_key() -> None:
    for phrase in ("asylum seekers", "fencing", "apprehensions", "nations", "parcels"):
        assert counted_key(counted_key(phrase)) == counted_key(phrase)


def _groups(bodies: list[str]) -> list[set[int]]:
    """Each article's figures grouped as the ingest service does, article by article; the groups of more than
    one article, as sets of article numbers."""
    placed: list[PlacedFigure] = []
    members: dict[int, set[int]] = {}
    next_key = 0
    for article, body in enumerate(bodies):
        items = [
            figure_item(figure, key=article * 100 + i, article_key=article)
            for i, figure in enumerate(extract_article(body).figures)
        ]
        real: dict[int, int] = {}
        for item, key in zip(items, assign_figure_groups(items, placed), strict=True):
            if key < 0:
                real.setdefault(key, next_key + len(real) + 1000)
                key = real[key]
            placed.append(PlacedFigure(item, key))
            members.setdefault(key, set()).add(article)
        next_key += len(real) + 1000
    return [articles for articles in members.values() if len(articles) > 1]


def test_one_count_in_two_words_and_two_values_is_one_group_across_outlets() -> None:
    bodies = [
        "Agents made roughly 310,000 arrests last year, the agency said.",
        "Officers counted 296,000 apprehensions in the fiscal year that ended in September.",
    ]
    assert {0, 1} in _groups(bodies)


def test_a_length_of_fencing_meets_the_same_length_of_barrier() -> None:
    bodies = [
        "The bill pays for 41 miles of fencing along the river, aides said.",
        "Congress agreed to fund about 41 miles of barrier in the valley.",
    ]
    assert {0, 1} in _groups(bodies)


def test_a_frame_keeps_the_mark_of_another_incident_and_of_a_part() -> None:
    from app.core.figures.keys import quantity_key

    here = quantity_key("measure", "mm", counted_key("altitude"))
    assert here == quantity_key("measure", "mm", counted_key("maximum altitude"))
    assert quantity_key("measure", "mm", counted_key("altitude in another incident")) != here
    assert quantity_key("money", "USD", counted_key("of the damage")) != quantity_key(
        "money", "USD", "damage"
    )


def test_a_crowd_told_with_two_roundings_is_one_group() -> None:
    bodies = [
        "The jet turned back with 312 passengers aboard, the airline said.",
        "More than 300 passengers were stuck on the plane for hours.",
    ]
    assert {0, 1} in _groups(bodies)


def test_a_tally_with_two_values_stays_two_tallies() -> None:
    bodies = [
        "He coached the team for eight seasons before he left.",
        "The quarterback spent five seasons with the club.",
    ]
    assert {0, 1} not in _groups(bodies)
