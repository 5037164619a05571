"""People and names, one table per family: which capitalised words name a person, and which name in a role
phrase is the speaker. Every text is invented; each row is one general pattern of real news.
"""

from __future__ import annotations

import pytest

from app.core.quotes import extract_quotes
from app.core.quotes.people import _Registry, _split_run, head_name_run


def _speaker(text: str) -> str | None:
    quotes = [q for q in extract_quotes(text) if not q.fragment]
    assert quotes, f"no quote found in {text!r}"
    return quotes[-1].speaker


ROLE_PHRASE_HEADS = [
    # A capitalised modifier before lower-case role words only modifies the name that heads the phrase.
    ('Rita Vale spoke first. "The count is final," said Vale campaign manager Tomas Brell.', "Tomas Brell"),
    ('"The count is final," said RNX spokesman Tomas Brell.', "Tomas Brell"),
    ('Rita Vale spoke first. "The count is final," Vale press secretary Tomas Brell said.', "Tomas Brell"),
    ('Rita Vale spoke first. "The count is final," said Quorum pollster Tomas Brell.', "Tomas Brell"),
    ('"The count is final," said Northvale Democratic strategist Tomas Brell.', "Tomas Brell"),
    ('"The count is final," said former Vale adviser Tomas Brell.', "Tomas Brell"),
    ('"The count is final," said Oversight ranking Democrat Tomas Brell.', "Tomas Brell"),
    ('Rita Vale spoke first. "The count is final," said Vale ally Tomas Brell.', "Tomas Brell"),
    ('Rita Vale spoke first. "The count is final," said Varn Radio\'s Tomas Brell.', "Tomas Brell"),
    (
        'Rita Vale spoke first. Vale campaign spokesman Tomas Brell replied on Monday, calling the count "a '
        'fair and final result for everyone."',
        "Tomas Brell",
    ),
]

NOT_PEOPLE = [
    # Places, labels, headers and sentence-opening words are never a speaker.
    ('Rita Vale toured the plant. In June Vale said "the plant will stay open for years."', "Rita Vale"),
    ('Rita Vale toured the plant. Hours later "the plant will stay open," she said.', "Rita Vale"),
    # A party label names nobody: the description as printed is the speaker.
    ('"The count is final," one senior Democrat said.', "one senior Democrat"),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_PHRASE_HEADS + NOT_PEOPLE)
def test_speaker(text: str, expected: str | None) -> None:
    assert _speaker(text) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Ohio",
        "New Hampshire",
        "Fort Tarrow",
        "Elm Street",
        "Presumptive Democrat",
        "Alabama Democratic Governor",
        "Varn-leaning Ohio",
        "IOWA POLLS WRONG",
        "NFX North",
        "Tuesday's New Hampshire",
        "words",
        "Continuing",
        "Hastily",
        "Attorneys",
        "Agreement",
        "Rita Vale On How The Vote Was Won",
    ],
)
def test_no_person(name: str) -> None:
    assert not _Registry("").could_be_person(name)


@pytest.mark.parametrize("name", ["Rita Vale", "Jo al-Rashid", "Tomas van der Berg", "Vale", "Brell"])
def test_a_person(name: str) -> None:
    assert _Registry("").could_be_person(name)


def test_the_words_around_a_name_can_deny_it() -> None:
    body = "A former Ranger in Varn, Rita Vale ran. Analyst Tomas Brell of Keefe, Quill & Moss spoke. A furious Rita Vale left."
    registry = _Registry(body)
    assert not registry.could_be_person("Ranger", 0)
    assert not registry.could_be_person("Quill", body.index("Quill"))
    assert registry.could_be_person("Rita Vale", body.index("A furious"))
    assert registry.could_be_person("Rita Vale", body.index("Rita"))


def test_a_lone_capital_at_a_sentence_start_needs_the_article_to_use_it_as_a_name() -> None:
    body = 'Hours passed. Vale spoke. "We stay," Brell said. Gov. Quist agreed. Then Moss, an aide, left.'
    registry = _Registry(body)
    assert not registry.could_be_person("Hours", 0)
    assert not registry.could_be_person("Vale", body.index("Vale"))
    assert registry.could_be_person("Brell", body.index("Brell"))  # after a closing mark
    assert registry.could_be_person("Quist", body.index("Gov."))  # after a title's period
    assert registry.could_be_person("Moss", body.index("Moss"))  # printed inside a sentence


def test_a_lone_word_the_article_prints_in_lower_case_is_no_person_at_a_sentence_start() -> None:
    registry = _Registry("Friends gathered. The friends of the mayor met. Quorum Friends is a firm.")
    assert not registry.could_be_person("Friends", 0)
    # Mid-sentence the capital marks a proper noun.
    assert registry.could_be_person("Friends", registry.body.index("Friends is"))


@pytest.mark.parametrize(
    ("run", "name"),
    [
        ("Fox's Tomas Brell", "Tomas Brell"),
        ("Varn-based Tomas Brell", "Tomas Brell"),
        ("Post Editor-in-Chief Tomas Brell", "Tomas Brell"),
        ("Howard Dean", "Howard Dean"),
        ("List College Dean Rita Vale", "Rita Vale"),
        ("Pres. Vale", "Vale"),
        ("Six Vale", "Vale"),
        ("Senators Rita Vale", "Rita Vale"),
        # [place/org/party modifiers]* [office or occupation nouns]* [honorifics]* NAME: only NAME is kept.
        ("Alhaji Musa Tanko", "Musa Tanko"),
        ("Mallam Musa Tanko", "Musa Tanko"),
        ("Ayatollah Musa Tanko", "Musa Tanko"),
        ("Deputy Finance Minister Rita Vale", "Rita Vale"),
        ("Harbour County Prosecutor Rita Vale", "Rita Vale"),
        ("Senate Majority Whip Rita Vale", "Rita Vale"),
        ("Varn Public Advocate Rita Vale", "Rita Vale"),
        ("Staff Rita Vale", "Rita Vale"),  # "Chief of Staff Rita Vale" cut at "of"
        ("Republican Rita Vale", "Rita Vale"),
        ("House Democrat Rita Vale", "Rita Vale"),
        ("Comedian Rita Vale", "Rita Vale"),
        ("Billionaire Rita Vale", "Rita Vale"),
        ("Varn Daily Senior Investigative Correspondent Rita Vale", "Rita Vale"),
        ("LAGOS Rita Vale", "Rita Vale"),  # a dateline in capitals glued to the first sentence
        ("Seoul Rita Vale", "Rita Vale"),
        # A place that is also a given name stays one, and so does a lone surname.
        ("Paris Vale", "Paris Vale"),
        ("India Vale", "India Vale"),
        ("J.R. Vale", "J.R. Vale"),
        ("Varn Workers Secretary-Treasurer Rita Vale", "Rita Vale"),  # a compound of titles
        ("Wherever Rita Vale", "Rita Vale"),  # a sentence's subordinator, adverb or imperative
        ("Interestingly Vale", "Vale"),
        ("See Vale", "Vale"),
    ],
)
def test_split_run_keeps_the_head_name(run: str, name: str) -> None:
    assert _split_run(run)[1] == name


@pytest.mark.parametrize(
    ("mention", "head"),
    [
        ("Vale campaign manager Tomas Brell", "Tomas Brell"),
        ("Tomas Brell", None),
        ("the chairman of Quorum Fund", None),
        ("Rita Vale and Tomas Brell", None),
        ("Rita Vale attacked Tomas Brell", None),
        ("Rita Vale then endorsed Tomas Brell", None),
    ],
)
def test_head_name_run(mention: str, head: str | None) -> None:
    assert head_name_run(mention) == head


def test_a_lone_title_word_is_the_surname_of_a_person_the_article_names_in_full() -> None:
    body = 'Aide Tomas Deacon wrote the note. "We stand by it," Deacon said.'
    registry = _Registry(body)
    registry.runs_by_surname["deacon"] = {"Tomas Deacon"}
    assert registry.split_run("Deacon") == ([], "Deacon")
    assert registry.could_be_person("Deacon", body.index("Deacon said"))
    assert _Registry("").split_run("Deacon")[1] == ""  # no one named Deacon: an honorific


def test_a_speaker_named_by_a_lone_title_word_that_is_a_surname() -> None:
    text = 'Aide Colleen Deacon ran the count. "The count is final and fair," Deacon said.'
    assert _speaker(text) == "Colleen Deacon"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Alhaji Musa Tanko opened the market. "Trade is back in the town," Tanko said.', "Musa Tanko"),
        ('"Trade is back in the town," said Comedian Rita Vale.', "Rita Vale"),
        ('Republican Rita Vale toured the plant. "Jobs are back in the town," Vale said.', "Rita Vale"),
        ('LAGOS Rita Vale toured the plant on Monday. "Jobs are back in the town," she said.', "Rita Vale"),
        # A possessor before the name only modifies it.
        ('"Jobs are back in the town," The Courier\'s Rita Vale wrote.', "Rita Vale"),
    ],
)
def test_the_speaker_is_shown_without_honorific_office_or_label(text: str, expected: str) -> None:
    assert _speaker(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname that is also a function word ("Will", "May") speaks when the article names the person in
        # full; alone it names nobody.
        (
            'Columnist Tomas Will wrote on Monday. "The plan is the worst of the year," Will wrote.',
            "Tomas Will",
        ),
        ('Minister Rita May spoke. "We will not be moved on this matter," May said.', "Rita May"),
    ],
)
def test_a_surname_that_is_a_function_word(text: str, expected: str) -> None:
    assert _speaker(text) == expected


def test_a_common_word_glued_before_a_full_name_is_no_part_of_it() -> None:
    # The article prints "year" and "using" in lower case: they open no name of three words.
    registry = _Registry(
        "It was a good year, to be sure. He was using notes. Man of the Year Rita Vale spoke."
    )
    assert registry.split_run("Year Rita Vale")[1] == "Rita Vale"
    assert registry.split_run("Using Rita Vale")[1] == "Rita Vale"
    # A given name, a two-word name and a run of common words keep their words.
    assert registry.split_run("Year Vale")[1] == "Year Vale"
    assert registry.split_run("Year To Vale")[1] == "Year To Vale"


def test_a_gendered_honorific_picks_among_people_who_share_a_surname() -> None:
    text = (
        'Tomas Vale and Rita Vale arrived. "We are very glad to be home again," Mrs. Vale said. "It is a fine '
        'day for all of us here," Mr. Vale said. "I agree with him on that point," she said.'
    )
    speakers = [q.speaker for q in extract_quotes(text) if not q.fragment]
    assert speakers == ["Rita Vale", "Tomas Vale", "Rita Vale"]


def test_the_first_of_two_family_names_alone_is_the_full_name() -> None:
    # Spanish and Portuguese names carry two family names; "Mr. Porrin" is the first of them.
    text = 'Pilot Idier Porrin Guzal flew the plane. "When we got to the site, it was all gone," Mr. Porrin said.'
    assert _speaker(text) == "Idier Porrin Guzal"


def test_a_name_in_capitals_of_its_own_is_no_dateline() -> None:
    assert _split_run("VTX News")[1] == "VTX News"


@pytest.mark.parametrize(
    "body",
    [
        "The deal was signed by former Quorum chief Rita Vale on Monday.",
        "Even former VTX network anchor Rita Vale agreed with the plan.",
        "It was written by former Senate aide Rita Vale in June.",
    ],
)
def test_a_run_that_modifies_a_role_phrase_is_nobody_the_article_introduces(body: str) -> None:
    from app.core.quotes.people import _harvest_people

    # The body or place the role belongs to ("Quorum", "VTX", "Senate") is no person; the head is.
    assert [person.display for person in _harvest_people(body).people] == ["Rita Vale"]


@pytest.mark.parametrize(
    "text",
    [
        # A role phrase opening the sentence holds the subject, whatever aside follows it.
        'Tomas Brell spoke first. Former Varn governor Rita Vale, an early ally of Brell, calls the plan "a '
        'priority for every family."',
        'Tomas Brell spoke first. Fellow senator Rita Vale, a rival of Brell, calls the plan "a priority for '
        'every family."',
        # A possessive opens a noun phrase; the name in apposition is the subject, not the possessor.
        'Nora Quist spoke first. Her chief policy aide, Rita Vale, calls the plan "a blueprint for every '
        'family."',
    ],
)
def test_the_subject_of_a_role_phrase_with_an_aside_owns_the_words_quoted(text: str) -> None:
    assert _speaker(text) == "Rita Vale"


@pytest.mark.parametrize(
    "text",
    [
        # The subject, past its appositive, said what the quotation holds about the person named after the verb.
        'Tomas Brell and Rita Vale met. Rita Vale, a former aide, said Tomas Brell "understood the deal better '
        'than anyone."',
        "Tomas Brell and Rita Vale met. In an interview, Rita Vale, a former vice president of sales, said Brell "
        '"was personally involved in all that."',
    ],
)
def test_the_person_named_after_said_is_what_the_subject_reported_on(text: str) -> None:
    assert _speaker(text) == "Rita Vale"


def test_a_name_after_said_and_a_comma_is_still_an_inverted_speaker() -> None:
    text = 'Tomas Brell and Rita Vale met. "The deal is done and it is final," said Rita Vale. "Now we rest."'
    assert _speaker(text) == "Rita Vale"


@pytest.mark.parametrize(
    "text",
    [
        'Tomas Brell spoke on Monday. Rita Vale told reporters that Brell\'s comments "show bias to me."',
        "Tomas Brell spoke on Monday. The novelist Rita Vale told an audience last week that Brell's remarks "
        'were "intolerable and wrong for all of us."',
    ],
)
def test_a_possessor_inside_what_a_verb_reports_is_not_the_speaker(text: str) -> None:
    assert _speaker(text) == "Rita Vale"


def test_a_possessor_with_a_cue_noun_and_no_verb_before_it_speaks() -> None:
    text = 'Tomas Brell spoke on Monday. Brell\'s statement read: "We will not back down on this."'
    assert _speaker(text) == "Tomas Brell"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We chose to fire over the sea," said Kim Yong-hyun, a professor at Dongguk University.',
            "Kim Yong-hyun",
        ),
        (
            '"Our satellite entered its orbit," Lee Ju-ho, the minister, said at a news conference.',
            "Lee Ju-ho",
        ),
        (
            'Moon Jae-sun toured the site. "This is a grave provocation to us all," Mr. Moon said.',
            "Moon Jae-sun",
        ),
        # An English modifier compound stays a modifier.
        ('"It was a grave provocation to all of us," said the Ohio-based Rita Vale.', "Rita Vale"),
    ],
)
def test_a_korean_given_name_is_no_modifier_compound(text: str, expected: str) -> None:
    assert _speaker(text) == expected


def test_a_clause_after_a_comma_is_no_appositive_of_the_run_before_it() -> None:
    from app.core.quotes.people import _harvest_people

    body = (
        "Talks stalled before Easter, the vice president had said. Karl Weiss, the head of the port "
        "authority, spoke. Rita Vale, the official who has led the port, spoke too."
    )
    assert [person.display for person in _harvest_people(body).people] == ["Karl Weiss", "Rita Vale"]


def test_the_president_is_not_the_vice_president() -> None:
    text = (
        "President Tomas Brell met Vice President Rita Vale on Monday. "
        '"We need a wall, and we need it now," the president said.'
    )
    assert _speaker(text) == "Tomas Brell"


def test_a_name_joined_to_a_role_phrase_by_and_is_another_person() -> None:
    from app.core.quotes.people import _harvest_people

    registry = _harvest_people("President Tomas Brell and top aide Rita Vale arrived on Monday.")
    assert [person.display for person in registry.people] == ["Tomas Brell", "Rita Vale"]


def test_a_known_person_that_modifies_a_role_phrase_is_not_the_subject() -> None:
    text = (
        "President Tomas Brell spoke on Monday. Former Brell spokesman Karl Weiss derided and insulted "
        '"the professional left of the party" in press conferences.'
    )
    assert _speaker(text) == "Karl Weiss"


def test_a_run_of_words_the_article_prints_in_lower_case_is_no_person() -> None:
    body = "The new year began. The core of the plan is common sense. New Year plans. Common Core rules. Rose Vale."
    registry = _Registry(body)
    assert not registry.could_be_person("New Year", body.index("New Year"))
    assert not registry.could_be_person("Common Core", body.index("Common Core"))
    assert registry.could_be_person("Rose Vale", body.index("Rose Vale"))


def test_a_given_name_alone_is_the_one_person_the_article_names_in_full() -> None:
    text = (
        "Comedian Sarah Novak and actor Tomas Brell have split. Sarah, 47, said: "
        '"We just live in different countries and it got hard."'
    )
    assert _speaker(text) == "Sarah Novak"


@pytest.mark.parametrize(
    "text",
    [
        'Al Doe spoke first. "I am not going to say it was a mistake," said retired neurosurgeon Rita Vale.',
        'Al Doe spoke first. Soviet dissident Rita Vale referred to the "new class of party bosses" in 1957.',
        'Al Doe spoke first. "The numbers do not add up at all," said demographer Rita Vale.',
    ],
)
def test_an_occupation_before_a_name_makes_the_name_the_head(text: str) -> None:
    assert _speaker(text) == "Rita Vale"


def test_two_quotations_with_a_sentence_and_two_attributions_between_them_are_two_quotes() -> None:
    text = (
        'Rita Vale joined Tomas Brell on stage. "Look at what you did tonight," Brell said. Vale responded, '
        '"Thank God they can fix this in the edit."'
    )
    quotes = [q for q in extract_quotes(text) if not q.fragment]
    assert [q.speaker for q in quotes] == ["Tomas Brell", "Rita Vale"]
    # One sentence split by its attribution stays one quote.
    split = extract_quotes('"We will hold the line," said Gov. Rita Vale, "and we will not back down."')
    assert len([q for q in split if not q.fragment]) == 1


def test_asserted_is_a_cue_verb() -> None:
    text = 'Nora Quist spoke on Monday. Attorney General Rita Vale asserted that "trust in the police is broken."'
    assert _speaker(text) == "Rita Vale"


@pytest.mark.parametrize(
    "text",
    [
        'Al Doe spoke first. It is a policy which historian Rita Vale calls "a foundation of our political '
        'culture."',
        'Al Doe spoke first. Rita Vale describes the plan as "a blueprint for every family in the state."',
    ],
)
def test_naming_verbs_in_the_present_are_cues(text: str) -> None:
    assert _speaker(text) == "Rita Vale"


def test_a_present_tense_speech_verb_ties_the_first_quotation_to_its_own_subject() -> None:
    text = (
        'Al Doe spoke first. Rita Vale accuses the mayor of "leading from behind on every issue" and Tomas '
        'Brell says he is "losing the war on crime in the city."'
    )
    assert [q.speaker for q in extract_quotes(text) if not q.fragment] == ["Rita Vale", "Tomas Brell"]


def test_capitalised_words_glued_before_a_name_the_article_prints_alone_are_roles() -> None:
    body = "Tomas Vell chairs the port. Harbour Board Tomas Vell signed the lease. Critic Ana Roe disagreed."
    registry = _Registry(body)
    assert registry.split_run("Harbour Board Tomas Vell") == (["harbour", "board"], "Tomas Vell")
    # Ana Roe is never printed alone: nothing tells that "Critic" is no part of her name.
    assert registry.split_run("Critic Ana Roe")[1] == "Critic Ana Roe"


def test_a_given_name_before_a_name_the_article_prints_alone_stays_in_it() -> None:
    registry = _Registry("Jo Roe spoke first. Later Anna Jo Roe spoke again.")
    assert registry.split_run("Anna Jo Roe")[1] == "Anna Jo Roe"
