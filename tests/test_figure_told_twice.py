"""One article that tells a quantity twice, on invented articles: a year in like words ("the wave swept them out
in 2010", later "swept out by the 2010 wave") is one year, and both mentions sit in the group of the outlet that
gave it first, whichever of the two fits that outlet's words best, while two events of one year told in unlike
words stay two; a sum given rounded and exact is one sum, unless its qualifier rules the exact one out."""

from __future__ import annotations

from app.core.extract import extract_article
from app.core.figure_groups import PlacedFigure, assign_and_bridge, figure_item
from app.core.figure_groups.told import told_twice

LEAD = (
    "Councillor Brannock conceded on Tuesday that her party lost its majority in 2010, "
    "when a protest wave swept dozens of members out of the chamber."
)
TWICE = (
    "The protest wave swept the party out of the chamber in 2010, a defeat Brannock still mentions. "
    "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
    "Brannock said on Tuesday the party would never again take its majority for granted after 2010, "
    "when the protest wave swept dozens of members out of the chamber."
)
TWO_EVENTS = (
    "The protest wave swept the party out of the chamber in 2010, a defeat Brannock still mentions. "
    "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
    "Separately, a bridge over the estuary opened to traffic in 2010 after years of delay."
)


def _groups(bodies: list[str]) -> list[list[tuple[str, int]]]:
    """Per article, (figure text, group) in print order, the articles added one by one."""
    placed: list[PlacedFigure] = []
    found: list[list[tuple[str, int]]] = []
    fresh = 0
    for article, body in enumerate(bodies):
        figures = [f for f in extract_article(body).figures if not f.chrome]
        items = [figure_item(f, key=len(placed) + i, article_key=article) for i, f in enumerate(figures)]
        assigned, _ = assign_and_bridge(items, placed)
        real: dict[int, int] = {}
        row: list[tuple[str, int]] = []
        for item, key in zip(items, assigned, strict=True):
            if key < 0:
                if key not in real:
                    fresh += 1
                    real[key] = 1000 + fresh
                key = real[key]
            row.append((item.text, key))
            placed.append(PlacedFigure(item, key))
        found.append(row)
    return found


def _years(row: list[tuple[str, int]]) -> list[int]:
    return [group for text, group in row if text == "2010"]


def test_a_year_told_twice_in_like_words_joins_one_group() -> None:
    lead, twice = _groups([LEAD, TWICE])
    assert len(_years(twice)) == 2
    assert set(_years(twice)) == set(_years(lead))


def test_two_events_of_one_year_stay_apart() -> None:
    lead, two = _groups([LEAD, TWO_EVENTS])
    first, second = _years(two)
    assert first == _years(lead)[0]
    assert second != first


# One sum an outlet rounds in its lead and gives exact further down: one quantity, in the group of the outlet
# that gave it first (an outlet's two values of one wording are otherwise two quantities).
SUM_FIRST = "The Ostrander family paid $43 million in federal taxes last year, the tax returns show."
SUM_TWICE = (
    "The Ostranders paid nearly $44 million in federal income taxes, the returns released on Friday show. "
    "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
    "In all the couple paid $43,885,310 in federal taxes, the documents say."
)
SUM_FLOOR = (
    "The Ostranders paid more than $44 million in federal income taxes, the returns released on Friday show. "
    "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
    "In all the couple paid $43,885,310 in federal taxes, the documents say."
)


def _group_of(row: list[tuple[str, int]], text: str) -> int:
    return next(group for printed, group in row if printed == text)


def test_a_sum_given_rounded_and_exact_is_one_group() -> None:
    first, twice = _groups([SUM_FIRST, SUM_TWICE])
    assert _group_of(twice, "nearly $44 million") == _group_of(twice, "$43,885,310")
    assert _group_of(twice, "$43,885,310") == _group_of(first, "$43 million")


def test_a_floor_above_the_exact_sum_is_no_rounding_of_it() -> None:
    _, floor = _groups([SUM_FIRST, SUM_FLOOR])
    assert _group_of(floor, "more than $44 million") != _group_of(floor, "$43,885,310")


# One distance an outlet gives twice in like words: one quantity, in the group of the outlet that gave it first.
DISTANCE_FIRST = (
    "The probe splashed down about 2,000 km east of Cape Varno in the Pacific Ocean, officials said."
)
DISTANCE_TWICE = (
    "The probe is believed to have fallen into the Pacific Ocean some 2,000 km to the east. "
    "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
    "It fell into the ocean roughly 2,000 kilometers east of Cape Varno, the ministry said."
)


def test_a_measure_told_twice_in_like_words_joins_one_group() -> None:
    first, twice = _groups([DISTANCE_FIRST, DISTANCE_TWICE])
    home = _group_of(first, "about 2,000 km")
    assert _group_of(twice, "some 2,000 km") == home == _group_of(twice, "roughly 2,000 kilometers")


def test_a_month_told_twice_is_one_month() -> None:
    first, twice = _groups(
        [
            "Gunmen seized the students from their dormitory in Tarsa in April 2014, officials said.",
            "The students were taken from a school in Tarsa in April 2014. "
            "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
            "Their families have campaigned for their release ever since April 2014, a spokesman said.",
        ]
    )
    home = _group_of(first, "April 2014")
    assert [group for text, group in twice if text == "April 2014"] == [home, home]


def test_a_year_told_again_in_unlike_words_is_free_to_meet_its_own_event() -> None:
    first, second = _groups(
        [
            "The couple met on the set of the drama in 2014, the magazine said. "
            "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
            "Lindqvist and Moreau announced their conscious uncoupling in 2014 in a blog post.",
            "They met on the drama's set in 2014 and began dating soon after. "
            "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
            "Moreau mocked the conscious uncoupling Lindqvist announced in 2014 on her blog.",
        ]
    )
    met, uncoupled = [group for text, group in first if text == "2014"]
    assert met != uncoupled
    assert [group for text, group in second if text == "2014"] == [met, uncoupled]


RANGE_TWICE = (
    "The county will require 40 to 60 hours of instruction for every volunteer marshal. "
    "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
    "Critics said a course of 40-60 hours could not prepare anyone for a crowded stadium."
)
VAGUE_TWICE = (
    "Dozens of marshals walked out of the stadium on Friday. "
    "Analysts in Velmora expect a close vote this spring, and turnout is forecast to stay low. "
    "Separately, dozens of buses were stuck on the ring road for an hour."
)


def _told(body: str) -> list[tuple[str, int]]:
    figures = [f for f in extract_article(body).figures if not f.chrome]
    items = [figure_item(f, key=i, article_key=0) for i, f in enumerate(figures)]
    return [(item.text, position) for item, position in zip(items, told_twice(items), strict=True)]


def test_a_printed_range_told_twice_in_unlike_words_is_one() -> None:
    told = [(text, first) for text, first in _told(RANGE_TWICE) if "40" in text]
    assert len(told) == 2
    assert told[0][1] == told[1][1]


def test_a_vague_plural_told_twice_is_two_things() -> None:
    told = [(text, first) for text, first in _told(VAGUE_TWICE) if "ozens" in text]
    assert len(told) == 2
    assert told[0][1] != told[1][1]
