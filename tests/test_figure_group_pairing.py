"""Pairing figures across outlets, on invented articles: two figures one sentence prints together vouch for
each other (an outlet that gives the same two values in one sentence tells the same fact, however different its
words), and of one outlet's two values of one wording the nearer takes a group."""

from __future__ import annotations

from app.core.extract import extract_article
from app.core.figure_groups import PlacedFigure, assign_and_bridge, figure_item


def _grouped(bodies: list[str]) -> dict[tuple[int, str], int]:
    """(article, figure text) -> group, the articles added one by one as the ingest service adds them."""
    placed: list[PlacedFigure] = []
    group_of: dict[tuple[int, str], int] = {}
    fresh = 0
    for article, body in enumerate(bodies):
        figures = [f for f in extract_article(body).figures if not f.chrome]
        items = [figure_item(f, key=len(placed) + i, article_key=article) for i, f in enumerate(figures)]
        assigned, _ = assign_and_bridge(items, placed)
        real: dict[int, int] = {}
        for item, key in zip(items, assigned, strict=True):
            if key < 0:
                if key not in real:
                    fresh += 1
                    real[key] = 1000 + fresh
                key = real[key]
            group_of[(article, item.text)] = key
            placed.append(PlacedFigure(item, key))
    return group_of


FIRST = (
    "Officials in Velmora said the harbour inspectors logged roughly 2.3 million crossings in 1998, "
    "a third more than in any year since."
)
SECOND = (
    "The record, according to the ministry's archive, came at the height of the trade boom of 1998, "
    "when the tally reached 2.3 million."
)


def test_two_values_of_one_sentence_meet_their_pair_in_another_outlet() -> None:
    for bodies in ([FIRST, SECOND], [SECOND, FIRST]):
        found = _grouped(bodies)
        first, second = (0, 1) if bodies[0] is FIRST else (1, 0)
        assert found[(first, "roughly 2.3 million")] == found[(second, "2.3 million")]
        assert found[(first, "1998")] == found[(second, "1998")]


def test_one_shared_value_alone_does_not_vouch() -> None:
    # The same year beside another amount is another fact of that year.
    other = (
        "The record, according to the ministry's archive, came at the height of the trade boom of 1998, "
        "when the tally reached 4.1 million."
    )
    found = _grouped([FIRST, other])
    assert found[(0, "1998")] != found[(1, "1998")]


def test_small_counts_never_vouch() -> None:
    # "3" recurs in every story: two outlets' "3" beside an equal year is no evidence that the years meet.
    first = "Velmora's harbour saw 3 collisions in 1998 after the channel silted up completely."
    second = "Only 3 trawlers registered in 1998 still sail today, the museum's keeper says."
    found = _grouped([first, second])
    assert found[(0, "1998")] != found[(1, "1998")]


def test_of_one_outlets_two_values_of_one_wording_the_nearer_takes_the_group() -> None:
    first = "Officials said the rocket travelled 2,700 km before it fell into the sea."
    for second in (
        "In August a rocket travelled 2,735 km. In September another travelled 3,700 km over the strait.",
        "In September a rocket travelled 3,700 km. In August another travelled 2,735 km over the strait.",
    ):
        found = _grouped([first, second])
        assert found[(0, "2,700 km")] == found[(1, "2,735 km")] != found[(1, "3,700 km")]


def test_one_wording_far_apart_is_two_quantities() -> None:
    # 1.8 times apart: another launch's distance, not a disagreement about this one.
    found = _grouped(
        [
            "Officials said the rocket travelled 2,700 km before it fell into the sea.",
            "Analysts said the rocket travelled 1,500 km, by their count.",
        ]
    )
    assert found[(0, "2,700 km")] != found[(1, "1,500 km")]


def test_a_bounded_value_is_no_second_mention_of_the_plain_one() -> None:
    # "up to ten times" after "ten times" in one article is another reading, free to meet its own kind elsewhere.
    first = (
        "The eddies of the Velmora current spin up to ten times faster than the water around them. "
        "The rings are ten times wider than the harbour's own whirlpools."
    )
    second = (
        "The rings are ten times wider than the harbour's own whirlpools, the survey said. "
        "The eddies of the current spin upto ten times faster than the water around them."
    )
    for bodies, (a, b) in (([first, second], (0, 1)), ([second, first], (1, 0))):
        found = _grouped(bodies)
        assert found[(a, "up to ten")] == found[(b, "upto ten")] != found[(b, "ten")] == found[(a, "ten")]


def test_one_wording_of_two_launches_is_two_quantities() -> None:
    # 1.4 times apart with one wording: a second launch's height, not a disagreement about the first.
    found = _grouped(
        [
            "The first rocket reached an altitude of 550 km before it fell into the sea.",
            "The second rocket reached an altitude of 770 km, the defence ministry said.",
        ]
    )
    assert found[(0, "550 km")] != found[(1, "770 km")]
    found = _grouped(
        [
            "The rocket reached an altitude of 550 km before it fell into the sea.",
            "The rocket reached an altitude of 600 km, the defence ministry said.",
        ]
    )
    assert found[(0, "550 km")] == found[(1, "600 km")]


def test_a_year_off_by_one_in_the_same_words_is_one_year_told_two_ways() -> None:
    first = "Marla Quint has led the Harbour Party caucus since 2002, party records show."
    for second, together in (
        ("Quint, who has led the Harbour Party caucus since 2003, won again on Tuesday.", True),
        # Two years apart is another year, whatever the words.
        ("Quint, who has led the Harbour Party caucus since 2004, won again on Tuesday.", False),
        # One apart with no words in common is another event's year.
        ("The ferry terminal opened in 2003 after a long dispute over fares.", False),
    ):
        year = next(word.strip(",.") for word in second.split() if word.strip(",.").isdigit())
        for bodies, (a, b) in (([first, second], (0, 1)), ([second, first], (1, 0))):
            found = _grouped(bodies)
            assert (found[(a, "2002")] == found[(b, year)]) is together


def test_a_share_no_other_number_of_the_story_holds_is_one_quantity() -> None:
    first = "Pollsters found that 47 percent of households back the harbour levy this spring."
    second = "Asked on Tuesday about the 47 percent, the mayor of Velmora shrugged and left."
    for bodies in ([first, second], [second, first]):
        found = _grouped(bodies)
        assert found[(0, "47 percent")] == found[(1, "47 percent")]
    # A floor beside a plain share is not the same reading.
    floor = "Asked on Tuesday about more than 47 percent, the mayor of Velmora shrugged and left."
    found = _grouped([first, floor])
    assert found[(0, "47 percent")] != found[(1, "more than 47 percent")]
    # When two groups of the story already hold the share, it is no longer the story's only one.
    third = "Some 47 percent of the ferry's seats went unsold, the operator's report says."
    found = _grouped([first, third, second])
    assert found[(2, "47 percent")] not in {found[(0, "47 percent")], found[(1, "Some 47 percent")]}


def test_an_unnamed_rank_meets_an_equal_rank_in_like_words() -> None:
    found = _grouped(
        [
            "Okafor finished second in the league in catches this season, the club said.",
            "Okafor, who finished second in the league in catches, signed a new contract this season.",
            "The ferry crew finished second in the harbour regatta on Tuesday.",
        ]
    )
    assert found[(0, "second")] == found[(1, "second")]
    assert found[(2, "second")] != found[(0, "second")]


def test_a_compound_noun_counts_its_head() -> None:
    # "schoolgirls" are girls: with a word of context in common, the two counts are one.
    bodies = [
        "In Tarsa the president welcomed 21 schoolgirls, the government said on Thursday.",
        "Some of the 21 girls in Tarsa carried babies born in captivity.",
        "Some of the 21 boys in Tarsa carried bags of their belongings.",
    ]
    found = _grouped(bodies)
    assert found[(0, "21")] == found[(1, "21")]
    assert found[(2, "21")] != found[(0, "21")]
