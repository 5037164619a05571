"""Figures of other incidents than the article's event: list boxes of past incidents, tolls dated to another
time, and compared tolls are kept apart from the event's own toll (invented text)."""

from __future__ import annotations

from app.core.figures import extract_figures
from app.core.figures.frames import sentence_starts_of
from app.core.figures.incidents import (
    COMPARED_INCIDENT,
    OTHER_INCIDENT_LIST,
    PAST_INCIDENT,
    list_box_sentences,
)
from app.core.figures.keys import counted_key, is_weak, quantity_key


def counts(body: str) -> list[tuple[str, str | None]]:
    """Each count's number and the incident it was set apart as (None: the event's own), in reading order."""
    return [(f.text, f.incident) for f in extract_figures(body) if f.kind == "count"]


LIST_BOX = (
    "A gas explosion at a market in Dorvale killed 31 people on Tuesday.\n\n"
    "Past disasters in the region:\n\n"
    "Harlow mine: 40 killed\n\n"
    "A shaft caved in after heavy rains, and rescuers recovered 40 bodies.\n\n"
    "Penmore ferry: 112 dead\n\n"
    "An overloaded ferry capsized off the coast, drowning 112 passengers.\n\n"
    "Castleby stadium: 19 killed\n\n"
    "A stand collapsed during a cup final and 19 fans died.\n\n"
    "Reporting by the news desk."
)


def test_a_list_box_of_past_incidents_sets_its_lines_and_descriptions_apart() -> None:
    listed = OTHER_INCIDENT_LIST
    assert counts(LIST_BOX) == [
        ("31", None),
        ("40", listed),
        ("40", listed),
        ("112", listed),
        ("112", listed),
        ("19", listed),
        ("19", listed),
    ]


def test_two_lines_shaped_like_a_list_are_not_a_list_box() -> None:
    body = "Floods: 12 dead\n\nThe river burst its banks.\n\nLandslides: 3 dead\n\nRoads were cut."
    assert list_box_sentences(body, sentence_starts_of(body)) == [None] * len(sentence_starts_of(body))


def test_a_year_list_box_with_dashes_is_a_list_box() -> None:
    body = (
        "The quake killed 80 people on Monday.\n"
        "2004 – Velmar – 230 dead\n"
        "2011 – Oskarsby – 64 dead\n"
        "2015 – Tarrow Bay – 17 dead\n"
    )
    figures = [f for f in extract_figures(body) if f.kind == "count"]
    assert [f.incident for f in figures] == [
        None,
        OTHER_INCIDENT_LIST,
        OTHER_INCIDENT_LIST,
        OTHER_INCIDENT_LIST,
    ]


def test_a_toll_dated_to_an_earlier_year_is_another_incidents() -> None:
    body = (
        "The blaze killed 14 people in 2024, officials said. A fire in the same district killed 9 people in "
        "2019. The city was founded in 1820."
    )
    assert counts(body) == [("14", None), ("9", PAST_INCIDENT)]
    (earlier,) = [f for f in extract_figures(body) if f.incident]
    # What it counts keys it apart from the event's toll.
    assert counted_key(earlier.counted) != counted_key("people killed")


def test_a_toll_dated_last_year_or_years_ago_is_another_incidents() -> None:
    body = (
        "Gunmen killed 12 villagers on Sunday. A raid on a nearby town last year killed 30 people. "
        "Two years ago, an ambush there left 8 dead."
    )
    assert counts(body) == [("12", None), ("30", PAST_INCIDENT), ("8", PAST_INCIDENT)]


def test_an_incident_named_by_its_date_is_another_incident() -> None:
    body = "The storm killed 6 people. The March 2012 floods left 40 dead across the valley."
    assert counts(body) == [("6", None), ("40", PAST_INCIDENT)]


def test_a_past_time_without_a_toll_keeps_the_figure_the_events() -> None:
    # Background with a past time but no toll: the number is not another incident's.
    body = "The bridge, built in 1998, carried 40,000 cars a day. The collapse killed 7 people."
    assert counts(body) == [("40,000", None), ("7", None)]


def test_a_year_no_earlier_than_the_articles_latest_is_the_events() -> None:
    # The article names no later year: "in 2031" may be the event's own year.
    assert counts("The floods killed 25 people in 2031, the ministry said.") == [("25", None)]


def test_a_compared_toll_is_another_incidents() -> None:
    body = (
        "The crash killed 61 passengers, surpassing the 44 killed in a derailment near Osterby. "
        "It was the deadliest accident since the collision at Fenwick, when 38 people died."
    )
    assert counts(body) == [("61", None), ("44", COMPARED_INCIDENT), ("38", COMPARED_INCIDENT)]


def test_a_plain_since_is_not_a_comparison() -> None:
    body = "Since Monday the fighting has killed 52 people, and 9 more died overnight."
    assert counts(body) == [("52", None), ("9", None)]


def test_tolls_of_other_incidents_meet_only_at_an_equal_value() -> None:
    # Outlets recall different past incidents: two different tolls of them are not a conflict.
    key = quantity_key("count", None, counted_key("people killed in another incident"))
    assert key is not None and is_weak(key)
    event_key = quantity_key("count", None, counted_key("people killed"))
    assert event_key is not None and not is_weak(event_key)


def test_a_toll_counted_from_a_past_time_to_now_is_the_events() -> None:
    body = (
        "The war, which began in 2019, has killed 4,000 people, the monitor said in 2025. Since 2020, "
        "floods killed 900 people in the province. Three months ago, a bombing killed 21 people at a market."
    )
    assert counts(body) == [("4,000", None), ("900", None), ("21", PAST_INCIDENT)]
