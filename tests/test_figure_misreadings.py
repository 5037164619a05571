"""Figures the extraction used to misread (invented sentences): bare "pounds" said of a living thing is its
weight, a year after "a"/"an" before a court's name is a year, not a house number, and a length someone fell is
the distance fallen, told by the verb nearest the number."""

from __future__ import annotations

import pytest

from app.core.figures import counted_key, extract_figures


def _figures(body: str) -> dict[str, tuple[str, str | None]]:
    return {f.text: (f.kind, f.unit) for f in extract_figures(body) if not f.chrome}


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("Keepers said it was an animal that's over 400 pounds and very strong.", "over 400 pounds"),
        ("The man was 300 pounds when he was found.", "300 pounds"),
        ("He's 250 pounds and six feet tall.", "250 pounds"),
        ("The boy was about 90 pounds, his mother said.", "about 90 pounds"),
    ],
)
def test_pounds_said_of_a_living_thing_are_its_weight(body: str, text: str) -> None:
    assert _figures(body)[text] == ("measure", "kg")


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("The fine was 400 pounds, the court said.", "400 pounds"),
        ("It costs 400 pounds a night.", "400 pounds"),
        ("The club paid 25 million pounds for him.", "25 million pounds"),
    ],
)
def test_pounds_paid_stay_money(body: str, text: str) -> None:
    assert _figures(body)[text] == ("money", "GBP")


@pytest.mark.parametrize(
    "body",
    [
        "He cited an 1898 Supreme Court ruling on citizenship.",
        "A 1954 Supreme Court decision ended the practice.",
    ],
)
def test_a_year_before_a_court_is_a_year(body: str) -> None:
    assert [kind for kind, _ in _figures(body).values()] == ["year"]


def test_a_house_number_before_an_address_stays_out() -> None:
    assert _figures("The office at 163 Research Hall closed on Friday.") == {}


@pytest.mark.parametrize(
    "body",
    [
        "Moments later, the girl climbed over a railing and fell about 20 feet onto rocks.",
        "The hiker, who plunged 20 feet down a gully, was rescued.",
        "A worker fell 20 feet from the scaffold, police said.",
    ],
)
def test_a_length_fallen_is_keyed_by_the_fall(body: str) -> None:
    (figure,) = [f for f in extract_figures(body) if f.kind == "measure"]
    assert counted_key(figure.counted or "") == "fallen"


def test_a_change_in_a_share_is_not_a_fall_from_a_height() -> None:
    (figure,) = extract_figures("Shares fell 12% on Monday after the report.")
    assert figure.kind == "percent" and "fallen" not in counted_key(figure.counted or "").split()


def test_of_two_coordinated_verbs_the_nearest_governs_a_length() -> None:
    (figure,) = extract_figures("The fire jumped the river and spread 40 miles before dawn.")
    assert figure.counted == "fire spread"


@pytest.mark.parametrize(
    "body",
    [
        "The rocket fell 230 km west of the island, officials said.",
        "Debris fell into the sea 40 km from the coast.",
        "It fell 25 miles north of Velmo.",
        "The rocket is believed to have fallen some 900 km east of the island.",
    ],
)
def test_a_length_from_a_place_is_no_fall(body: str) -> None:
    (figure,) = [f for f in extract_figures(body) if f.kind == "measure"]
    assert "fallen" not in counted_key(figure.counted or "").split()


@pytest.mark.parametrize(
    "body",
    [
        "Border arrests have fallen in recent years, to 400,000 last year from a peak of 1.6 million in 2000.",
        "Border arrests fell from 1.6 million to 400,000 over two decades.",
    ],
)
def test_the_level_a_count_changed_from_counts_its_subject(body: str) -> None:
    counted = {f.text: f.counted for f in extract_figures(body)}
    assert counted["1.6 million"] == counted["400,000"] == "arrests"


@pytest.mark.parametrize(
    ("body", "counted"),
    [
        (
            "The launch came a week after the council tightened sanctions over its fifth nuclear test on May 4.",
            "date of the nuclear test",
        ),
        ("Officials said the rocket launch on May 4 failed.", "date of the launch"),
        ("The blast on March 12 set off a fire at the depot.", "date of the explosion"),
    ],
)
def test_a_date_belongs_to_the_event_named_right_before_it(body: str, counted: str) -> None:
    (date,) = [f for f in extract_figures(body) if f.kind == "date"]
    assert date.counted == counted


@pytest.mark.parametrize(
    ("body", "counted"),
    [
        ("Forecasters cut the 2.4 percent growth rate they had projected.", "growth rate"),
        ("Firms paid a 35 percent corporate tax on that money.", "corporate tax"),
        ("The fund bought a 20% stake in the carmaker.", "stake"),
    ],
)
def test_a_share_before_a_noun_is_a_share_of_that_noun(body: str, counted: str) -> None:
    (share,) = [f for f in extract_figures(body) if f.kind == "percent"]
    assert share.counted == counted


def test_a_share_with_no_determiner_before_it_names_no_noun_after_it() -> None:
    (share,) = [f for f in extract_figures("Prices rose 12% Monday, traders said.") if f.kind == "percent"]
    assert share.counted is None or "monday" not in share.counted.lower()


@pytest.mark.parametrize(
    ("body", "counted"),
    [
        (
            "The rocket flew over the strait and came down in the sea about 900 km to the east off Velmora.",
            "distance from Velmora",
        ),
        ("The rocket flew 900 km east of Velmora.", "distance travelled"),
    ],
)
def test_a_length_before_the_place_it_is_measured_from_is_that_distance(body: str, counted: str) -> None:
    (length,) = [f for f in extract_figures(body) if f.kind == "measure"]
    assert length.counted == counted


@pytest.mark.parametrize(
    "body",
    [
        "He works 60 hours a week at the plant.",
        "Prices rose 5 percent a year.",
        "About 2,000 people a day cross.",
    ],
)
def test_the_unit_of_a_rate_is_no_length_of_time(body: str) -> None:
    assert not [f for f in extract_figures(body) if f.kind == "duration" and f.text.startswith("a ")]


@pytest.mark.parametrize(
    ("body", "text"),
    [("It killed 12 people a year ago.", "a year ago"), ("The three tests came a year apart.", "a year")],
)
def test_a_span_after_a_count_stays_a_span(body: str, text: str) -> None:
    assert text in {f.text for f in extract_figures(body)}


@pytest.mark.parametrize(
    ("body", "counted"),
    [
        ("Analysts expected quarterly revenue of $5.2 billion.", "quarterly revenue"),
        ("The firm agreed to a settlement of about $2 million.", "settlement"),
        ("The sum of $5m was never found.", None),
    ],
)
def test_an_amount_is_of_the_noun_before_its_of(body: str, counted: str | None) -> None:
    (amount,) = [f for f in extract_figures(body) if f.kind == "money"]
    assert amount.counted == counted


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("It has snowed only once on the festival in six decades.", True),
        ("The striker has scored more than once this season.", True),
        ("Once the storm passed, people went home.", False),
        ("They meet at least once a year.", False),
    ],
)
def test_once_after_a_qualifier_counts_one_occurrence(body: str, found: bool) -> None:
    once = [f for f in extract_figures(body) if f.text.lower() == "once"]
    assert bool(once) == found
    if found:
        assert (once[0].kind, once[0].unit, once[0].value) == ("count", "times", 1.0)


def test_a_verb_of_being_is_no_part_of_the_subject() -> None:
    (length,) = extract_figures("The fire was contained within 40 minutes.")
    assert length.counted == "fire contained"


@pytest.mark.parametrize(
    "body",
    [
        "Bands took to the streets as the 87th Lantern Parade drew crowds.",
        "The 87th annual parade got started on Monday.",
    ],
)
def test_an_ordinal_before_an_edition_ranks_the_edition(body: str) -> None:
    (edition,) = [f for f in extract_figures(body) if f.kind == "ordinal"]
    assert (edition.value, counted_key(edition.counted or "")) == (87.0, counted_key("parade"))


@pytest.mark.parametrize("body", ["He lives on 53rd Street.", "She won the 11th District seat."])
def test_an_ordinal_in_a_name_stays_out(body: str) -> None:
    assert not [f for f in extract_figures(body) if f.kind == "ordinal"]
