"""Pronouns and relative pronouns resolved to the people of the running text. Every text is invented; each row
is one general pattern of news writing."""

from __future__ import annotations

import pytest

from app.core.quotes import extract_quotes


def _last_speaker(text: str) -> str | None:
    quotes = extract_quotes(text)
    assert quotes, f"no quote found in {text!r}"
    return quotes[-1].speaker


RELATIVE_WHO = [
    # "said <speaker>, who added": the relative pronoun goes on with the sentence's speaker, past an
    # appositive and for a description of one person.
    (
        '"We start early," said Jo Doe, the firm\'s chief strategist, who added that his group will focus on '
        '"the roads and the schools first."',
        "Jo Doe",
    ),
    (
        '"It was not a good plan," said one Democrat familiar with the discussion, who added that the mayor '
        'seemed "rattled and tired after it."',
        "one Democrat familiar with the discussion",
    ),
    (
        '"It was a long night," said one senator familiar with the talks, who added that the mayor seemed '
        '"rattled and tired after it."',
        "one senator familiar with the talks",
    ),
    # The name right before "who" is the antecedent; a group names nobody.
    (
        'The plan drew a reply from Mayor Jo Bloggs, who declared: "We will not sign this plan at all."',
        "Jo Bloggs",
    ),
    (
        'The plan drew a reply from voters across the country, who said it was "a waste of public money."',
        None,
    ),
]


@pytest.mark.parametrize(("text", "speaker"), RELATIVE_WHO)
def test_relative_who_stands_for_its_antecedent(text: str, speaker: str | None) -> None:
    assert _last_speaker(text) == speaker


def test_a_name_in_an_appositive_clause_without_a_speech_verb_stays_out_of_focus() -> None:
    # "Asked about Jo Doe, the nominee, who has called ...": the person asked about is no subject, so the
    # pronoun of the next paragraph is still the one who was asked.
    text = (
        "Kim Sato leads the agency.\n\nAsked whether he was worried that Tom Brandt, the likely nominee, who "
        "has called the plan a hoax, could win, Sato shrugged.\n\n"
        '"When it comes to the climate, nobody can stay out of it," he said.'
    )
    assert _last_speaker(text) == "Kim Sato"


def test_a_name_with_the_middle_initial_a_is_a_person_in_focus() -> None:
    # "A." is a middle initial, not the headline word "A": the woman it names is the "she" that follows.
    text = (
        "Judge Tom Brandt ruled on Monday.\n\nKim A. Sato, a lawyer for the families in both cases, pointed to "
        'the state\'s past at a hearing in June. "There cannot be two kinds of marriage here," she told Brandt.'
    )
    assert _last_speaker(text) == "Kim A. Sato"


MAIN_CLAUSE_SUBJECT = [
    # The subject of the main clause is in focus, not a name inside an opening clause or phrase.
    (
        "Tom Brandt won.\n\nWhile Brandt cruised to victory in the rain to keep his hopes of a title alive, "
        'Max Orlo stole the show.\n\nHe also survived a spin. "The heartbeat went a bit higher there," he said.',
        "Max Orlo",
    ),
    (
        "Jo Roe spoke first. Although it was far from the last word on Jo Roe's plan, Attorney General Kim Lee "
        'took the official step. "That matter is closed now," she said.',
        "Kim Lee",
    ),
    # An opening phrase with a place after its comma, and an age before the name.
    (
        "Tom Brandt spoke. At a campaign event in Leeds, Ohio, 62-year-old Brenda Johnson also railed against "
        'the plan. "They should stop it now," she said.',
        "Brenda Johnson",
    ),
    # The period of an abbreviation inside the opening phrase ends no sentence.
    (
        "Jane Fox spoke. At a Tom Brandt campaign event in St. Albans, Vermont, 70-year-old Ruth Ames also railed "
        'against the plan. "They should stop it now," she said.',
        "Ruth Ames",
    ),
    # No person opens the main clause: the named subject of a clause joined after a comma is in focus.
    (
        "Jane Fox led the race last year. But that was last fall, and since then Ruth Ames has seen her "
        'standing tumble. "I am still here," she declared.',
        "Ruth Ames",
    ),
    # A role phrase before the name after an opening adverbial.
    (
        "Tom Brandt spoke. Just a few months ago, Florida developer Mel Sembler expressed dismay at the plan. "
        '"It is not going well at all," he said.',
        "Mel Sembler",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), MAIN_CLAUSE_SUBJECT)
def test_the_main_clause_subject_is_the_pronoun_s_referent(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_a_pronoun_in_the_opening_sentence_is_the_full_name_before_it_of_its_gender() -> None:
    # Nobody was introduced before the first sentence: the full name of the pronoun's gender before it is
    # the person, not the man named beside her.
    text = 'Mary Lund on Monday hit Tom Brandt on the budget, and she claimed a "growing level of anxiety" in town.'
    assert _last_speaker(text) == "Mary Lund"


def test_a_person_already_known_wins_over_a_full_name_named_only_in_passing() -> None:
    text = (
        "Rep. Tom Brandt spoke on Monday.\n\nFormer Rep. Tom Brandt was for Sam Dorsey while the governor ran, he "
        'said on the radio. "Dorsey is my next choice, and it is not hard to see why," he said.'
    )
    assert _last_speaker(text) == "Tom Brandt"


PRONOUN_OPENS_THE_SENTENCE = [
    # The pronoun opening the sentence speaks, not the person its verb names before a participle cue.
    (
        'Ann Lee spoke first. Tom Brandt praised her. He went on to endorse Kim Sato, calling her "a rising star '
        'of the party."',
        "Tom Brandt",
    ),
    (
        'Ann Lee spoke first. Tom Brandt attacked Max Orlo. Then he cut into Jo Roe, calling him "a stiff with '
        'no plan at all."',
        "Tom Brandt",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), PRONOUN_OPENS_THE_SENTENCE)
def test_a_pronoun_opening_the_sentence_is_the_speaker_of_a_participle_cue(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_a_he_or_she_is_never_a_country_or_body_named_with_its_article() -> None:
    text = (
        "Ann Lee campaigned on Monday.\n\nThe United States said the plan would pass. "
        '"We won the whole vote tonight," she said.'
    )
    assert _last_speaker(text) == "Ann Lee"


SUBJECT_OF_THE_QUOTE_SENTENCE = [
    # A "he"/"she" after the quotation refers to the person its own sentence names as subject before it,
    # not to the last speaker of the running text.
    (
        "Ann Lee and Kim Sato spoke. Mary Dias also spoke.\n\nIn her speech, Lee declared the need for "
        'strong will: "Change the world and then change it again," she said.',
        "Ann Lee",
    ),
    (
        'Tom Brandt attacked the plan. "It fails," he said.\n\nEarlier, Max Orlo asserted that the town had lost '
        'its way: "This town is no longer itself," he claimed.',
        "Max Orlo",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), SUBJECT_OF_THE_QUOTE_SENTENCE)
def test_a_pronoun_after_a_quote_is_the_subject_of_its_own_sentence(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_a_subject_after_a_participle_opening_and_with_a_dash_aside_is_in_focus() -> None:
    # "Reached by phone, Roe — who ... — told": the participle phrase opens the sentence, the dashes set off
    # an aside, and Roe is the subject the next "he" refers to.
    text = (
        "Ann Lee spoke.\n\nReached by phone on Tuesday, Joyce — who is listed as an attorney but does not "
        'practice — told the paper he is not planning an appeal. He said, however, that he hopes "somebody '
        'else takes up the cause" now.'
    )
    assert _last_speaker(text) == "Joyce"


PRONOUN_CUE_IN_A_CLAUSE = [
    # A "he"/"she" and its cue inside a relative clause attribute the quotation, not the sentence's subject.
    (
        "Tom Bloggs spoke on Monday.\n\nThe ad includes a clip of a television interview, in which he says he "
        'will assemble a "deportation force" within a year.',
        "Tom Bloggs",
    ),
    (
        "Tom Bloggs spoke on Monday.\n\nThe letter quotes a speech from 2015, which he described as "
        '"a turning point for the whole town."',
        "Tom Bloggs",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), PRONOUN_CUE_IN_A_CLAUSE)
def test_a_pronoun_and_cue_inside_a_clause_attribute_the_quote(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_a_he_or_she_is_never_a_group_named_by_a_plural_affiliation() -> None:
    text = (
        "Ann Lee called in.\n\nSenate Democrats attacked the bill on a call with reporters. "
        'She said the senator "has failed to do anything at all" for the state.'
    )
    assert _last_speaker(text) == "Ann Lee"


def test_a_pronoun_with_an_adverb_before_its_verb_attributes_the_quote_before_it() -> None:
    # "She also said that ...": the adverb between the pronoun and its verb is filler, the pronoun the
    # speaker; the sentence after the quote, about someone else, is no attribution.
    text = (
        "Jane Roe spoke at the debate in Ohio. She also said that \u201cthey are going to people and showing "
        "videos of the mayor.\u201d A campaign official later walked back the comments, saying she had no "
        "video in mind."
    )
    assert _last_speaker(text) == "Jane Roe"


def test_a_capitalised_word_after_words_quoted_mid_phrase_is_no_speaker() -> None:
    # 'should "segregate" Islamic radicals': the words after the closing mark go on with the sentence, so
    # their capital is no new sentence's subject, neither for the fragment nor for a later "she".
    text = (
        "Eleven groups asked the mayor to drop an adviser who suggested that the city should \u201csegregate\u201d "
        "Islamic radicals from the others.\n\nThe mayor refused. \u201cNow is the time for all of us to stand "
        "up to this,\u201d she said."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Eleven groups", None]


def test_the_tail_after_a_quote_that_ends_in_a_comma_still_names_its_speaker() -> None:
    text = (
        "The senators met in March.\n\n\u201cThe answer you would like me to give is yes, of course,\u201d "
        "Roe, who has proposed repealing the rule, said at the time."
    )
    assert _last_speaker(text) == "Roe"


VIEWPOINT = [
    # "To <person>, ...": the sentence gives that person's view, so the "he" or "she" of the quotation after
    # it is that person, not whoever the view is about.
    (
        "Jo Doe spoke first. To Florida consultant Al Wilson, the party line on Doe is just plain silly.\n\n"
        "\u201cThis is them trying to whistle past the graveyard,\u201d he said.",
        "Al Wilson",
    ),
    (
        "Jo Doe lost the vote. To Leeds University politics professor Ann Briggs, Doe seemed sad.\n\n"
        "\u201cIt really looked like heartbreak to me,\u201d she said.",
        "Ann Briggs",
    ),
    # Someone the article never named in full is no person to put in focus.
    (
        "Jo Doe spoke first. To the surprise of many, the party line on Doe held.\n\n"
        "\u201cThis is them trying to whistle past the graveyard,\u201d he said.",
        "Jo Doe",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), VIEWPOINT)
def test_a_sentence_opening_to_a_person_puts_that_person_in_focus(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_a_paper_quoting_him_as_saying_gives_the_words_to_the_person_it_quotes() -> None:
    text = (
        "Jo Doe, the head of the union, spoke to a Berlin paper on Monday.\n\nThe plan could result in "
        "\u201cthe end of equality and freedom of movement,\u201d the newspaper quoted him as saying."
    )
    assert _last_speaker(text) == "Jo Doe"


ACCORDING_TO_AFTER = [
    # A named subject and its cue verb before the quotation say who spoke; "according to <outlet>" after it
    # only says who reported the sentence.
    (
        "Jo Doe spoke on Monday.\n\nIn January, Doe asserted that he had \u201cthe absolute right to declare an "
        "emergency,\u201d according to the Herald. He called it easy.",
        "Jo Doe",
    ),
    # With nobody named before it, the source after "according to" speaks.
    (
        "Jo Doe spoke on Monday.\n\nThe plan is \u201cdead in the water,\u201d according to a senior aide.",
        "a senior aide",
    ),
    # A document before the quotation is no person: its issuer may be the one "according to" names.
    (
        "Jo Doe spoke on Monday.\n\nThe indictment said expenses included \u201ctens of thousands of dollars on "
        "meals,\u201d according to a statement released by the Justice Department.",
        "Justice Department",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), ACCORDING_TO_AFTER)
def test_according_to_after_a_reported_sentence_yields_to_its_named_subject(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


EPITHETS = [
    # A definite description whose head no list of speaking nouns holds is an epithet of the person just in
    # focus: "the rocket frontman", "the astrologer", "the tech-giant".
    (
        "Billionaire Jo Roe really does like a challenge.\n\nThe rocket frontman revealed his plans on Friday, "
        "saying the first payload will be his own \u201cmidnight cherry roadster.\u201d",
        "Jo Roe",
    ),
    # A cleft sentence ("It was in 1979 that ...") puts the person after its "that" in focus.
    (
        "It was in 1979 that Al Brandt first defined the term. The astrologer explained that it is \u201ca new "
        "or full moon at its closest approach.\u201d",
        "Al Brandt",
    ),
    # A body, a paper or a group keeps its own description; so does a description with a clause.
    (
        "Jo Roe spoke on Friday. The newspaper said the plan was \u201ca new low for the city council.\u201d",
        "the newspaper",
    ),
    (
        "Jo Roe spoke on Friday. The protesters said the plan was \u201ca new low for the city council.\u201d",
        "the protesters",
    ),
    # An age is anyone of that age, not an epithet of the person in focus.
    (
        "Jo Roe spoke on Friday. The 46-year-old said the plan was \u201ca new low for the city council.\u201d",
        "the 46-year-old",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), EPITHETS)
def test_an_epithet_refers_to_the_person_in_focus(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


POLICE = [
    # Police mentioned by their kind alone are the one force the article named by its place.
    (
        "Leeds police confirmed that a zone would open.\n\n\u201cThe organisers have set up a safety zone for "
        "women,\u201d a police statement said.",
        "Leeds police",
    ),
    (
        "Leeds police confirmed that a zone would open.\n\n\u201cThe organisers have set up a safety zone for "
        "women,\u201d police said.",
        "Leeds police",
    ),
    # Two forces named: neither is meant.
    (
        "Leeds police and York police confirmed that a zone would open.\n\n\u201cThe organisers have set up a "
        "safety zone for women,\u201d police said.",
        "police",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), POLICE)
def test_police_by_their_kind_are_the_force_named_by_its_place(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


REPORTED_SPEAKER = [
    # `"...," aides said Jo Ryan told his colleagues`: the second speaker said the words, the first reports.
    ("\u201cWe got wiped out in the Midwest,\u201d aides said Jo Ryan told his colleagues.", "Jo Ryan"),
    ("\u201cWe got wiped out in the Midwest,\u201d Ann Lee said Jo Ryan had told them.", "Jo Ryan"),
    # A name after "said" and no second cue verb is the one speaker.
    ("\u201cWe got wiped out in the Midwest,\u201d said Jo Ryan.", "Jo Ryan"),
    ("\u201cWe got wiped out in the Midwest,\u201d Ann Lee said Monday.", "Ann Lee"),
]


@pytest.mark.parametrize(("text", "speaker"), REPORTED_SPEAKER)
def test_a_speaker_reported_after_said_is_the_speaker(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_said_he_tells_the_gender_a_given_name_does_not() -> None:
    # "Lindsey" is no given name the lists know; "said he would" makes Lindsey Graham a "he".
    text = (
        "Sen. Lindsey Graham, R-S.C., said he would back the plan.\n\nThe vote is on Monday.\n\n"
        "\u201cThis is just more of the same of what he has been saying,\u201d she said."
    )
    assert _last_speaker(text) is None


def test_an_opening_phrase_with_a_quoted_title_leaves_the_subject_after_it_in_focus() -> None:
    # The comma of the opening phrase inside the title's marks, and a party-state tag after the name.
    text = (
        'Sen. Al Graham, R-S.C., said he would back the plan.\n\nIn a Tuesday appearance on "The Late Show '
        'with Stephen Colbert," House Minority Leader Nancy Pelosi, D-Calif., said the interview did not '
        'surprise her.\n\n"This is just more of the same of what he has been saying," she said.'
    )
    assert _last_speaker(text) == "Nancy Pelosi"


def test_a_pronoun_after_who_is_the_subject_of_the_cue() -> None:
    # "Al Reid, who he said "..."": "he" said it, about Reid.
    text = (
        "Jo Doe spoke on Monday.\n\nHe also took aim at former Senate Leader Al Reid, who he said "
        "\u201cwas right in 1993, before he went insane.\u201d"
    )
    assert _last_speaker(text) == "Jo Doe"


def test_a_name_in_apposition_after_an_inverted_verb_is_the_speaker() -> None:
    text = (
        "The agency looked for a link and did not find \u201cties of any consequence,\u201d aside from the two "
        "men knowing each other from the gym, said the bureau's director, Jo Roe, on Monday."
    )
    assert _last_speaker(text) == "Jo Roe"


MAIN_CLAUSE = [
    # A cue inside an opening "When ..." clause is not the quotation's: the main clause's subject speaks,
    # whatever its verb ("fired back").
    (
        "Jo Doe spoke. When Doe suggested that the island would sue the U.S. for reneging on the deal, Al "
        "Rubio fired back forcefully: \u201cIf they sue us in a court in Miami, they will lose.\u201d",
        "Al Rubio",
    ),
    (
        "Jo Doe spoke. When Doe suggested that the island would sue, Al Rubio told reporters: \u201cIf they "
        "sue us in a court in Miami, they will lose.\u201d",
        "Al Rubio",
    ),
    # With no subject of its own before the quotation, the opening clause's speaker stays.
    (
        "Jo Doe spoke. When Doe suggested that the island would sue, it was \u201ca clear threat to the "
        "whole region.\u201d",
        "Jo Doe",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), MAIN_CLAUSE)
def test_the_main_clause_speaks_over_a_cue_in_an_opening_clause(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_a_capitalised_modifier_of_a_role_phrase_is_no_subject() -> None:
    # "Early Acme executive ..., Jo Roe, also accused": "Early Acme" modifies the role; the name in
    # apposition is the subject whose words the sentence quotes.
    text = (
        "Early Acme executive and former vice president of growth, Jo Roe, also accused Acme of creating "
        "\u201cshort-term, dopamine-driven feedback loops.\u201d"
    )
    assert _last_speaker(text) == "Jo Roe"


CALLED = [
    # "a coalition called <Name>": the name it goes by speaks.
    (
        "A coalition of groups called Fair Pay Now has railed against cuts, recently releasing a report "
        "claiming \u201ceven the modest raise is not safe at all.\u201d",
        "Fair Pay Now",
    ),
    # "called" with a person as its object and no description before it names no speaker.
    (
        "Mayor Al Finn called Jo Roe a liar on Monday. \u201cHe is a liar through and through,\u201d Finn said.",
        "Al Finn",
    ),
]


LONE_SURNAME_SUBJECT = [
    # A surname the article never gives in full, opening the sentence before its verb, is the person a
    # "he said" after it refers to, not someone named in full a sentence earlier.
    (
        "Jo Fenwick Marr picked the favourite. Tolliver defied the question and made no pick. "
        '"Either team could win on the day," he said.',
        "Tolliver",
    ),
    (
        "Ann Quell praised the plan. Brandwick openly admitted that her vote was a gamble. "
        '"I may lose my seat over this one," she said.',
        "Brandwick",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), CALLED)
def test_a_description_called_a_name_is_that_name(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


REPORTED_BEFORE = [
    # "X said ... "...", Y told reporters": Y relays what X, the subject opening the sentence, said.
    (
        "Jo Abe spoke on Monday.\n\nAl Trent also said the country was \u201c100 percent with the island\u201d, Abe "
        "told reporters.",
        "Al Trent",
    ),
    # A subject inside an opening clause, or a sentence opening with something else, leaves the speaker after.
    (
        "Jo Abe spoke on Monday.\n\nWhen Al Trent said no, he \u201cwanted to scream out loud,\u201d said Jo Abe.",
        "Jo Abe",
    ),
    (
        "Jo Abe spoke on Monday.\n\nHer friends have mocked Trent, calling him \u201can orange buffoon,\u201d Abe "
        "said.",
        "Jo Abe",
    ),
]


@pytest.mark.parametrize(("text", "speaker"), REPORTED_BEFORE)
def test_a_report_after_the_quote_yields_to_the_subject_that_said_it(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


def test_the_zoo_is_the_zoo_the_article_named() -> None:
    # A zoo is a body: "the zoo says" quotes the one the article named, not the person last in focus.
    text = (
        "Keepers at the Leeds Zoo shot a gorilla on Saturday. Director Tom Hale defended the call.\n\n"
        "The zoo says it will open as usual today, but the ape house \u201cwill be closed until further "
        "notice.\u201d"
    )
    assert _last_speaker(text) == "Leeds Zoo"


@pytest.mark.parametrize(("text", "speaker"), LONE_SURNAME_SUBJECT)
def test_a_lone_surname_opening_a_sentence_is_in_focus(text: str, speaker: str) -> None:
    assert _last_speaker(text) == speaker


NOT_A_LONE_SURNAME = [
    # A capitalised word opening a sentence that is an adjective, an abstract noun or a quantifier before a
    # noun phrase's verb is nobody: the "he" goes on with the person named before it.
    'Rob Quell spoke first. Harsh comments are common here. "We will not back down," he said.',
    'Rob Quell spoke first. Optimism is high among the young. "We will not back down," he said.',
    'Rob Quell spoke first. None has offered a plan. "We will not back down," he said.',
]


@pytest.mark.parametrize("text", NOT_A_LONE_SURNAME)
def test_a_capitalised_common_word_opening_a_sentence_is_nobody(text: str) -> None:
    assert _last_speaker(text) == "Rob Quell"


def test_words_printed_twice_are_the_named_printings_speaker() -> None:
    # The first printing is put to a description; the article later quotes the same words to a name.
    text = (
        "The mayor's office on Friday released a letter from her doctor declaring she is \u201cin excellent "
        "health and fit to serve another full term.\u201d\n\n"
        "\u201cHer tests are all normal. She is in excellent health and fit to serve another full term,\u201d "
        "Dr. Ann Lee wrote."
    )
    quotes = [q for q in extract_quotes(text) if not q.fragment]
    assert [q.speaker for q in quotes] == ["Ann Lee", "Ann Lee"]


def test_short_words_printed_twice_keep_their_own_speakers() -> None:
    # Five words are a phrase several people repeat, not one person's statement.
    text = (
        "A city official said it was \u201ca very good day indeed.\u201d\n\n"
        "\u201cIt was a very good day indeed,\u201d Dr. Ann Lee said."
    )
    quotes = [q for q in extract_quotes(text) if not q.fragment]
    assert quotes[0].speaker == "a city official"
