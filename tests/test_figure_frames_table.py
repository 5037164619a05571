"""Frames of figures, one table per family: (invented sentence, figure as written, expected kind, expected
frame, a noun the counted thing must hold or None). Adding a case is adding a row; a failing row names its family."""

from __future__ import annotations

import pytest

from app.core.figures import counted_key, extract_figures
from app.core.lexicon.frames import PREDICATES

FRAMES = frozenset(PREDICATES) | {"seriously", "lightly"}

ROWS: dict[str, list[tuple[str, str, str, str | None, str | None]]] = {
    "killed": [
        ("The landslide killed 23 villagers in Orvo.", "23", "count", "killed", "villagers"),
        ("At least 9 people died when the ferry sank.", "At least 9", "count", "killed", None),
        ("The death toll rose to 310 on Friday.", "310", "count", "killed", None),
        ("Twelve climbers perished on the ridge.", "Twelve", "count", "killed", "climber"),
    ],
    "injured": [
        ("Some 40 passengers were hurt in the crash.", "Some 40", "count", "injured", "passengers"),
        ("The blast wounded 17 soldiers.", "17", "count", "injured", "soldiers"),
        ("Another 80 miners were taken to hospital.", "80", "count", "injured", "miners"),
    ],
    "subset of the injured": [
        ("Six of them were seriously injured.", "Six", "count", "seriously", None),
        ("Four people were taken to hospital with serious injuries.", "Four", "count", "seriously", None),
        ("Another 20 were slightly hurt.", "20", "count", "lightly", None),
        ("Of the 40 injured, 5 are in critical condition.", "5", "count", "seriously", None),
    ],
    "displaced": [
        ("The floods forced 4,000 from their homes.", "4,000", "count", "displaced", None),
        ("About 900 residents were evacuated overnight.", "About 900", "count", "displaced", None),
        ("The fighting has displaced 12,000 people.", "12,000", "count", "displaced", None),
        ("More than 300 families fled the valley.", "More than 300", "count", "displaced", "families"),
    ],
    "coordinated verbs": [
        (
            "The storm killed two people and drove some 5,000 from their homes.",
            "some 5,000",
            "count",
            "displaced",
            None,
        ),
        (
            "The raids killed at least nine and forced more than 30,000 to flee.",
            "more than 30,000",
            "count",
            "displaced",
            None,
        ),
        ("Eleven people died and 40 were injured.", "40", "count", "injured", None),
        ("The quake killed 12 villagers and injured 85.", "85", "count", "injured", None),
        # A verb right before the next number is that number's, and the noun of a number no predicate
        # governs is not shared with it.
        ("The storm cut power to 200,000 homes and killed three.", "200,000", "count", None, "homes"),
        ("The storm cut power to 200,000 homes and killed three.", "three", "count", "killed", None),
        ("The gunman shot 12 people, killing three.", "12", "count", None, "people"),
        ("A van hit 10 people in Orvo, killing one.", "one", "count", "killed", None),
        # The object of a verb no frame knows still lends its noun to the next count.
        ("The virus has infected 3,000 pigs and killed 40.", "40", "count", "killed", "pigs"),
        (
            "Hundreds of revellers fled and two people suffered minor injuries.",
            "two",
            "count",
            "injured",
            None,
        ),
    ],
    "a predicate with an object of its own": [
        # The verb before the number already has its object: the number is not arrested.
        (
            "Police arrested a man over at least a dozen parcels.",
            "at least a dozen",
            "count",
            None,
            "parcels",
        ),
        ("Police arrested the 14 protesters on Sunday.", "14", "count", "arrested", "protesters"),
    ],
    "a predicate of another clause or noun": [
        # The subject's verb past a participle's phrase, which is no part of the noun phrase.
        (
            "Ten tourists flying home from the Velmo coast died on Sunday.",
            "Ten",
            "count",
            "killed",
            "tourists",
        ),
        # A subordinate clause between a verb and a number: the verb is not the number's.
        ("Two men were arrested after 3 people were stabbed.", "3", "count", None, "people"),
        # A linking verb is no noun of the phrase.
        ("At least 30 people were rescued, but 12 remain missing.", "12", "count", "missing", None),
        # A verb right after the number that opens its own object is no part of the noun phrase.
        (
            "The nation of 4.8 million received nearly three million visitors.",
            "4.8 million",
            "count",
            None,
            "population",
        ),
        ("Police said 10 armed men fled.", "10", "count", "displaced", "armed men"),
        ("Aboard were nine Velmotours guests.", "nine", "count", None, "Velmotours guests"),
        # The number's clause has its own verb: the predicate past the comma is another number's.
        ("Two ferry boats have collided off Velmo, injuring one man.", "Two", "count", None, "ferry boats"),
        # A participle right after a noun of its own is that noun's.
        (
            "Ada Vex quit after 15 seasons, in an open letter released on Friday.",
            "15",
            "count",
            None,
            "seasons",
        ),
        # Through an auxiliary, the verb is the number's again.
        ("Twelve people in the village were killed.", "Twelve", "count", "killed", None),
        ("Some 1,300 people, mostly civilians, were killed.", "Some 1,300", "count", "killed", None),
        # A name's words count as one word of the noun phrase, so its head is reached.
        ("Two New Velmo City ferry boats sank.", "Two", "count", None, "boats"),
        # An adverb after the noun opens the predicate; a noun in -ly goes on with the phrase.
        ("The two Velmo clubs previously played.", "two", "count", None, "Velmo clubs"),
        ("Two army supply ships sank.", "Two", "count", None, "army supply ships"),
        # A model name with its number is a word of the phrase, not its end.
        ("The jets dropped eight VX-84 bombs.", "eight", "count", None, "bombs"),
        ("Velmo deployed 34 Orvo PAC-3 batteries.", "34", "count", None, "batteries"),
    ],
    "another incident": [
        # A paragraph turned to another incident counts apart from the event's toll, to its end.
        (
            "The ferry sank.\n\nMeanwhile, six people died when a bus crashed. Nine were hurt.",
            "Nine",
            "count",
            "injured",
            "incident",
        ),
        (
            "In a separate incident, four miners were killed.",
            "four",
            "count",
            "killed",
            "incident",
        ),
        ("Meanwhile, the ferry's owner said.\n\nTwo crew died.", "Two", "count", "killed", "crew"),
        (
            "The earlier crash, on May 5, killed a man. Four other people were hurt.",
            "Four",
            "count",
            "injured",
            "incident",
        ),
        (
            "In September, two passengers, including one guide, were killed.",
            "one",
            "count",
            "killed",
            "incident",
        ),
    ],
    "how many live there": [
        ("Orvo, a port city of 340,000, was hit.", "340,000", "count", None, "population"),
        ("It razed a village of about 600 people.", "about 600", "count", None, "population"),
        ("The storm thrust Velmo, population 4,850, into the news.", "4,850", "count", None, "population"),
    ],
    "dotted abbreviations": [
        ("Ten U.S. citizens were killed.", "Ten", "count", "killed", "US citizens"),
    ],
    "arrested and missing": [
        ("Police arrested 14 protesters on Sunday.", "14", "count", "arrested", "protesters"),
        ("Some 30 people were detained.", "Some 30", "count", "arrested", None),
        ("At least 7 fishermen are still missing.", "At least 7", "count", "missing", "fisherman"),
        ("Divers rescued 19 tourists from the cave.", "19", "count", "rescued", "tourists"),
    ],
    "crimes against a person": [
        ("One woman reported being raped.", "One", "count", "assaulted", "woman"),
        ("At least 24 women were sexually assaulted.", "At least 24", "count", "assaulted", "women"),
    ],
    "synonyms of the counted noun": [
        # A crash report names the flight crew by job or by place on board (lexicon NOUN_SYNONYMS).
        ("Two pilots died in the crash.", "Two", "count", "killed", "crew"),
        ("Three crewmembers were killed.", "Three", "count", "killed", "crew"),
    ],
    "parts of a total": [
        ("Four of the dead were students.", "Four", "count", "killed", "partof"),
        ("Two of those injured were firefighters.", "Two", "count", "injured", "partof"),
    ],
    "money about its frame": [
        ("Damage was estimated at £25m.", "£25m", "money", "damage", None),
        ("The storm caused 25 million pounds of damage.", "25 million pounds", "money", "damage", None),
        ("The rival bid was $4.2bn.", "$4.2bn", "money", "offer", None),
        ("The council pledged €3m in aid.", "€3m", "money", "aid", None),
        ("The pair stole $60,000 from investors.", "$60,000", "money", "stolen", None),
        # What a campaign raised and what it spent are two amounts.
        ("Vex raised just over $200,000 for her campaign.", "just over $200,000", "money", "raised", None),
        ("Orr spent more than $1 million in May alone.", "more than $1 million", "money", "spent", None),
    ],
    "measures and durations": [
        ("Some 35mm of rain fell overnight.", "Some 35mm", "measure", "rainfall", None),
        ("The town saw 34 inches of snow.", "34 inches", "measure", "snowfall", None),
        ("He was sentenced to three years in prison.", "three years", "duration", "sentenced", None),
        ("The region declared three days of mourning.", "three days", "duration", None, "mourning"),
        ("The final is in a fortnight.", "a fortnight", "duration", None, None),
        ("She played a year at Velmo college.", "a year", "duration", None, None),
        # A distance in time is a point, never a duration: "a month ago" is kind "time_ago".
        ("A month ago the mill shut.", "A month ago", "time_ago", None, None),
        ("It took more than a week to fix.", "more than a week", "duration", None, None),
        ("He served a month in jail.", "a month", "duration", "sentenced", None),
        # A distance from a place, with or without a conversion and the place's title in between.
        ("The wreck lay 40 km west of Port Orvo.", "40 km", "measure", None, "distance orvo"),
        (
            "It fell 25 miles (40 km) north of the capital, Velmo.",
            "25 miles",
            "measure",
            None,
            "distance velmo",
        ),
    ],
    "shares": [
        ("About 60% of the harvest was lost.", "About 60%", "percent", None, "harvest"),
        ("Officials said 60 percent of the crop had failed.", "60 percent", "percent", None, "harvest"),
        ("Two-thirds of the loan was repaid.", "Two-thirds", "percent", None, "loan"),
    ],
    "kinds that never join a toll": [
        # An age counts no noun: "farmer" describes the person (whose age it is goes in the context).
        ("A 42-year-old farmer was among the dead.", "42-year-old", "age", None, None),
        ("Mira Sol, 56, was arrested on Friday.", "56", "age", None, None),
        ("Tom Roe Jr., 61, was charged.", "61", "age", None, None),
        ("The dead were Ann Roe, 51; and Bo Roe, 18.", "51", "age", None, None),
        ("Winds of 80mph hit the coast.", "80mph", "speed", None, None),
        ("One-in-three homes lost power.", "One-in-three", "odds", None, "home"),
        ("Hundreds of owls were seen.", "Hundreds", "vague", None, "owl"),
        ("The bridge opened in 1998.", "1998", "year", None, None),
        # A date names the event it dates, in courts and crime as in disasters.
        ("The suspect was arrested on Oct. 26 in Velmo.", "Oct. 26", "date", None, "arrest"),
        ("The breach was disclosed on Sept. 7.", "Sept. 7", "date", None, "breach"),
        # How many times a title was won: counted is the title, never the word "time".
        ("The race went to a four-time winner of the cup.", "four", "count", None, "winner"),
        # The title alone, whatever competition or name surrounds it: outlets print one title many ways.
        ("It went to three-time series champion Ada Vex.", "three", "count", None, "champion"),
        ("Triple world champion Ada Vex led.", "Triple", "count", None, "champion"),
        ("Vex, the two-times Coach of the Year, quit.", "two", "count", None, "coach of the year"),
        # A number joined to the noun it counts, before the noun the compound describes.
        ("He faces a seven-count indictment.", "seven", "count", None, "count indictment"),
    ],
}


@pytest.mark.parametrize(
    ("family", "sentence", "text", "kind", "frame", "noun"),
    [(family, *row) for family, rows in ROWS.items() for row in rows],
    ids=[f"{family}: {row[0][:40]}" for family, rows in ROWS.items() for row in rows],
)
def test_frame_of_a_figure(
    family: str, sentence: str, text: str, kind: str, frame: str | None, noun: str | None
) -> None:
    figure = next((f for f in extract_figures(sentence) if f.text == text), None)
    assert figure is not None, (
        f"{family}: {text!r} not found in {[f.text for f in extract_figures(sentence)]}"
    )
    key = set(counted_key(figure.counted or "").split())
    assert figure.kind == kind, family
    if frame is not None:
        assert frame in key, f"{family}: {figure.counted!r} -> {key}"
    else:
        assert not (key & FRAMES), f"{family}: {figure.counted!r} -> {key}"
    if noun is not None:
        assert set(counted_key(noun).split()) <= key, f"{family}: {figure.counted!r} -> {key}"


TIME_ROWS = [
    ("The storm had killed 12 people by Sunday, officials said.", "12", "by Sunday"),
    ("So far 20 hikers have been rescued.", "20", "So far"),
    ("The toll reached 41 on March 12.", "41", "on March 12"),
    ("Some 300 homes were flooded.", "Some 300", None),
    ("Profits rose 12 percent last year.", "12 percent", "last year"),
    ("The town had three million visitors in 2016.", "three million", "in 2016"),
    ("Since 2009, 40 people have died on the road.", "40", "Since 2009"),
]


@pytest.mark.parametrize(("sentence", "text", "time_ref"), TIME_ROWS, ids=[row[0][:40] for row in TIME_ROWS])
def test_time_a_figure_refers_to(sentence: str, text: str, time_ref: str | None) -> None:
    figure = next(f for f in extract_figures(sentence) if f.text == text)
    assert figure.time_ref == time_ref


AGE_ROWS = [
    # Whose age: the name before it, the name it qualifies, the one person named just before.
    ("Mira Sol, 56, was arrested.", "56", "sol"),
    ("Police said Ada Vex turned 41 last week.", "41", "vex"),
    ("The 38-year-old Ada Vex led the team.", "38-year-old", "vex"),
    ("Coach Ben Orr spoke on Monday. The 65-year-old retires.", "65-year-old", "orr"),
    # Two people named before it: the first, the subject in focus. An age at another time is nobody's.
    ("Ben Orr met Ada Vex. The 65-year-old retires.", "65-year-old", "orr"),
    ("The Velmo Rovers won. The 65-year-old coach retires.", "65-year-old", None),
    ("Ben Orr made his debut as a 17-year-old in Velmo.", "17-year-old", None),
]


@pytest.mark.parametrize(("body", "text", "person"), AGE_ROWS, ids=[row[0][:40] for row in AGE_ROWS])
def test_whose_age_a_figure_is(body: str, text: str, person: str | None) -> None:
    from app.core.figures.frames import People, person_of_age
    from app.core.figures.scan import scan

    draft = next(d for d in scan(body) if body[d.start : d.end] == text)
    people = People(body)
    people.sentence_start = body.rfind(". ", 0, draft.start) + 2 if ". " in body[: draft.start] else 0
    assert person_of_age(body, draft, people, 0) == (person and person.capitalize())


# "a year" is a span only when it is not a rate or a point in time.
NOT_SPANS = [
    "It costs $5m a year.",
    "They meet once a year.",
    "It ran over a decade.",
    "A week later it reopened.",
]


@pytest.mark.parametrize("sentence", NOT_SPANS)
def test_a_rate_or_a_time_point_is_no_duration(sentence: str) -> None:
    assert not [f for f in extract_figures(sentence) if f.kind == "duration"]


WORD_VALUES = [
    ("Half a million people fled.", "Half a million", 500_000.0),
    ("It needs the votes of the half-dozen Velmo senators.", "half-dozen", 6.0),
    ("A half-million people fled.", "A half-million", 500_000.0),
    ("Half a dozen boats sank.", "Half a dozen", 6.0),
    ("The hack cost nearly half a billion dollars.", "nearly half a billion dollars", 5e8),
    ("A dozen boats sank.", "A dozen", 12.0),
]


@pytest.mark.parametrize(("sentence", "text", "value"), WORD_VALUES, ids=[row[1] for row in WORD_VALUES])
def test_numbers_in_words_keep_their_half(sentence: str, text: str, value: float) -> None:
    figure = next(f for f in extract_figures(sentence) if f.text == text)
    assert figure.value == value


@pytest.mark.parametrize("sentence", ["They back a two-state solution.", "It was a one-sided game."])
def test_an_idiom_with_a_number_in_it_is_no_figure(sentence: str) -> None:
    assert extract_figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The race was stopped twice.", 2.0),
        ("Twice as many people came.", None),
        ("They meet twice a week.", None),
        ("It is twice the size.", None),
    ],
)
def test_how_often_something_happened_is_counted_in_times(sentence: str, value: float | None) -> None:
    times = [f for f in extract_figures(sentence) if f.unit == "times"]
    assert [f.value for f in times] == ([value] if value else [])


SOURCE_ROWS = [
    ("At least 12 people were killed, the health ministry said.", "At least 12", "the health ministry"),
    ("According to the fire brigade, 40 homes were destroyed.", "40", "the fire brigade"),
    ('"We have found 12 bodies," said rescue chief Jo Doe.', "12", "rescue chief Jo Doe"),
    ("Officials told reporters that 300 homes were flooded.", "300", "Officials"),
    ("He said 5 people died.", "5", None),
    # "said the missile was launched ...": a reported clause is not who said it; the subject is.
    (
        "The coastguard said the boat was sailing near the harbour, with 40 passengers aboard.",
        "40",
        "The coastguard",
    ),
]


@pytest.mark.parametrize(
    ("sentence", "text", "source"), SOURCE_ROWS, ids=[row[0][:40] for row in SOURCE_ROWS]
)
def test_who_a_figure_is_attributed_to(sentence: str, text: str, source: str | None) -> None:
    figure = next(f for f in extract_figures(sentence) if f.text == text)
    assert figure.source == source


@pytest.mark.parametrize(
    "sentence",
    [
        "It went to three-time series champion Ada Vex.",
        "Triple world champion Ada Vex led.",
        "The four-times champion Ada Vex won again.",
    ],
)
def test_a_count_of_titles_counts_the_title_alone(sentence: str) -> None:
    figure = next(f for f in extract_figures(sentence) if f.kind == "count")
    assert figure.counted == "champion"


def test_an_adverb_after_the_noun_is_no_part_of_what_is_counted() -> None:
    figure = next(
        f for f in extract_figures("The 15-member council unanimously approved it.") if f.value == 15
    )
    assert "unanimously" not in (figure.counted or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "One witness said the truck kept driving.",
        "One woman told police she ran.",
        '"One picture shows the tanker," he said.',
        "The fans showed the rowdiness one sees in many towns.",
        # A speaker named as "one <noun>": who speaks, not how many.
        '"The numbers are wrong," he told one reporter.',
        '"It is a lot of anger," said one Velmo councillor who opposed her.',
        '"They like the inside game," one union official said.',
    ],
)
def test_an_indefinite_or_pronoun_one_counts_nothing(sentence: str) -> None:
    assert [f.text for f in extract_figures(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [("One man died on the ridge.", "man died"), ("Police said one witness was hurt.", "witness injured")],
)
def test_one_that_a_predicate_counts_stays_a_figure(sentence: str, counted: str) -> None:
    figures = extract_figures(sentence)
    assert len(figures) == 1 and figures[0].value == 1.0
    assert counted_key(figures[0].counted or "") == counted_key(counted)


def test_a_number_no_predicate_governs_lends_no_noun_to_the_next() -> None:
    three = next(
        f for f in extract_figures("The storm cut power to 200,000 homes and killed three.") if f.value == 3
    )
    assert "home" not in counted_key(three.counted or "")


@pytest.mark.parametrize(
    ("sentence", "text", "absent"),
    [
        # "in all" is the whole, not what the money is for; "the spending bill" names a bill, not spending.
        ("Vex would have about $8 billion in all for barriers.", "about $8 billion", "all"),
        ("The spending package passed on Friday held none of the $5.7 billion.", "$5.7 billion", "spent"),
        ("Orr plans to move $8 billion in currently available funds.", "$8 billion", "currently"),
    ],
)
def test_money_is_not_about_its_idioms(sentence: str, text: str, absent: str) -> None:
    figure = next(f for f in extract_figures(sentence) if f.text == text)
    assert absent not in counted_key(figure.counted or "").split() + (figure.counted or "").split()
