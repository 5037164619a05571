"""Quoting conventions beyond the seeds and the demo, each on the smallest invented text that shows it:
guillemets and low-high marks, 'n' elisions, titles of works, dash signatures, particles and family-name-first
names, organisations, gendered pronoun chains, Q&A lines and pull-quotes."""

from __future__ import annotations

from app.core.quotes import extract_quotes
from app.core.records import Quote
from app.core.speakers import speaker_key


def _long(body: str) -> list[Quote]:
    return [q for q in extract_quotes(body) if not q.fragment]


def _speakers(body: str) -> list[str | None]:
    return [q.speaker for q in _long(body)]


# --- marks ----------------------------------------------------------------------------------------------


def test_rock_n_roll_elision_does_not_close_a_single_quote() -> None:
    body = "Bar owner Sean Kerr was defiant. ‘Rock ’n’ roll will outlive every landlord in this city,’ says Kerr."
    (quote,) = _long(body)
    assert quote.text == "Rock ’n’ roll will outlive every landlord in this city"
    assert quote.speaker == "Sean Kerr"


def test_scare_quotes_ending_in_s_close_before_the_next_scare_quote_opens() -> None:
    # "‘lantern-rays’ are": a plural possessive by its shape, but a new single quotation opens before any
    # later mark could close, and quotations of one family do not nest, so the first closes there.
    for body in (
        "The ‘lantern-rays’ are eels that glow twice as bright as ‘ordinary’ eels, the survey found.",
        "The 'lantern-rays' are eels that glow twice as bright as 'ordinary' eels, the survey found.",
    ):
        assert [q.text for q in extract_quotes(body)] == ["lantern-rays", "ordinary"]


def test_plural_possessive_inside_a_single_quotation_still_does_not_close_it() -> None:
    body = "‘The nurses’ union will strike on Monday,’ Ana Ruiz said. ‘We have waited long enough.’"
    assert [q.text for q in _long(body)] == [
        "The nurses’ union will strike on Monday",
        "We have waited long enough.",
    ]


def test_paragraph_that_closes_a_quotation_without_reopening_it_continues_it() -> None:
    body = (
        "Mayor Ana Ruiz spoke at the pier. “We will rebuild the bridge by June.\n\n"
        "And we will do it without raising a single local tax,” she said.\n\nThe council met later."
    )
    (quote,) = _long(body)
    assert quote.text.startswith("We will rebuild") and quote.text.endswith("single local tax")
    assert quote.speaker == "Ana Ruiz"


def test_unclosed_quotation_stops_before_a_paragraph_that_does_not_close_it() -> None:
    # No closing mark in the next paragraph (or only a pull quote's signature): the quotation ends with its
    # own paragraph rather than taking the narrator's words.
    for after in ("The council met later and voted.", "Ana Ruiz, Harbour Board of Leeds.”"):
        body = f"“We will rebuild the bridge by June without a single new tax.\n\n{after}"
        (quote,) = _long(body)
        assert quote.text == "We will rebuild the bridge by June without a single new tax."


def test_a_single_quotation_opened_inside_a_paragraph_runs_on_into_the_next_one() -> None:
    # British style: the quotation opens after "said:", has no closing mark in its paragraph, and the
    # next paragraph reopens with a single mark; the words run on over both paragraphs.
    for mark, close in (("'", "'"), ("‘", "’")):
        body = (
            f"His wife was by the pool. Lena Ortiz said: {mark}I think we saw the lifeguard run before us.\n\n"
            f"{mark}I was numb, and I could only pray for him on the way to the hospital.{close}\n\n"
            "The club has closed the pool."
        )
        (quote,) = _long(body)
        assert quote.text.startswith("I think we saw the lifeguard") and quote.text.endswith("hospital.")
    # Without a reopening mark in the next paragraph the lone mark is an apostrophe, as before.
    body = "The fans were singing 'til dawn and shouting at the stewards.\n\nThe club said nothing."
    assert _long(body) == []
    body = "He wrote that 'em all were wrong about the pool and the lifeguards.\n\n'The club said nothing,' she said."
    assert [q.text for q in _long(body)] == ["The club said nothing"]


def test_a_double_prime_typed_for_an_opening_mark_opens_a_quotation_but_never_closes_one() -> None:
    body = "″(The council) thinks that by waiting the pier will repair itself,” Lena Ortiz said on Monday."
    (quote,) = _long(body)
    assert quote.text == "(The council) thinks that by waiting the pier will repair itself"
    assert quote.speaker == "Lena Ortiz"
    # After a number it is the sign for inches: the quotation goes on to its closing mark.
    body = "“We got 6″ of snow on the pier overnight and the ferry stayed in port,” Lena Ortiz said."
    (quote,) = _long(body)
    assert quote.text == "We got 6″ of snow on the pier overnight and the ferry stayed in port"


def test_a_quotation_inside_one_in_the_same_double_marks_does_not_end_it() -> None:
    # Opened right after a word ("was not “a ..."): a quotation inside the open one, which goes on after it.
    body = (
        "Lena Ortiz wrote to the board. “Needless to say, the pier was not “a project of our choosing.” "
        "It has been run by the county for years,” she wrote."
    )
    (quote,) = _long(body)
    assert quote.text.startswith("Needless to say") and quote.text.endswith("for years")
    # After a full stop the new mark still opens a new quotation (the first one was never closed).
    body = "“We will rebuild the pier by June, said Ortiz. “The county will pay for all of it,” she added."
    assert [q.text for q in _long(body)] == [
        "We will rebuild the pier by June, said Ortiz.",
        "The county will pay for all of it",
    ]


def test_an_opening_mark_glued_after_the_quotations_punctuation_opens_a_new_one() -> None:
    # "... by June...“The county" : the closing mark was left out; "“" opens by its shape.
    body = "“We will rebuild the pier by June...“The county will pay for all of it, every cent,” Ortiz said."
    assert [q.text for q in _long(body)] == [
        "We will rebuild the pier by June...",
        "The county will pay for all of it, every cent",
    ]
    # German marks: "“" closes what "„" opened, followed by a space.
    body = "„Wir bauen die Brücke bis Juni wieder auf“ sagte Ortiz am Montag."
    assert [q.text for q in _long(body)] == ["Wir bauen die Brücke bis Juni wieder auf"]


def test_a_letter_quoted_over_paragraphs_without_opening_marks_runs_on_to_its_closing_mark() -> None:
    body = (
        "Lena Ortiz wrote to the board on Friday.\n\n"
        "“The pier has been closed for a year and the county has done nothing about it.\n\n"
        "And not on a trivial matter. The fishermen have lost a season of work.\n\n"
        "There are those who think we should sell the pier. But one of them should not be the mayor.”\n\n"
        "The board did not answer her letter."
    )
    (quote,) = _long(body)
    assert quote.text.startswith("The pier has been closed") and quote.text.endswith(
        "should not be the mayor."
    )
    # Three paragraphs without a mark: the quotation ends with its own paragraph, as before.
    body = body.replace("And not on", "The board met.\n\nThe board met again.\n\nAnd not on")
    assert (
        _long(body)[0].text == "The pier has been closed for a year and the county has done nothing about it."
    )


def test_single_quotation_may_open_on_an_editorial_bracket_or_an_ellipsis() -> None:
    for body, start in (
        ("‘(We want) to thank every volunteer who came out tonight,’ Ana Ruiz said.", "(We want) to thank"),
        (
            "‘... we were shocked to read the council report on the pier,’ Ana Ruiz said.",
            "... we were shocked",
        ),
    ):
        (quote,) = _long(body)
        assert quote.text.startswith(start)
        assert quote.speaker == "Ana Ruiz"


def test_words_opening_in_lower_case_are_speech_not_a_title() -> None:
    # After a document noun, or mostly capitalised, but running on from the reporter's sentence.
    for body, start in (
        (
            'Union leader Ana Ruiz called the report "a cruel trick that will fail every family in town."',
            "a cruel",
        ),
        (
            "Police said the raids targeted 'mainly Northern and Western Harbour gangs', a report said.",
            "mainly",
        ),
    ):
        assert [q.text[: len(start)] for q in extract_quotes(body)] == [start]
    # A capitalised phrase after a document noun is still a title.
    assert (
        extract_quotes('The council published its annual report "Building the Harbour Wall Again" on Monday.')
        == []
    )


def test_two_apostrophes_close_a_double_quotation() -> None:
    # Typewriter style: '' (or ’’) for the closing double mark; the attribution is read after the pair.
    (quote,) = _long("“We will rebuild the harbour wall by June,’’ Ana Ruiz said.")
    assert quote.text == "We will rebuild the harbour wall by June"
    assert quote.speaker == "Ana Ruiz"
    body = "The union issued a \"travel warning'' in May telling members they could be stopped at the border."
    assert [q.text for q in extract_quotes(body)] == ["travel warning"]


def test_two_apostrophes_open_and_close_a_quotation_newspaper_style() -> None:
    # NYT style: '' ... '' for double marks, a single mark inside for a quotation within a quotation.
    body = (
        "The mayor spoke on Monday.\n\n''We will rebuild the harbour wall by June,'' Ana Ruiz said. "
        "''The fishermen call it 'the last wall' and they are right.''\n\n"
        "Mr. Holm said the plan was ''a costly mistake for this town.''"
    )
    quotes = _long(body)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will rebuild the harbour wall by June", "Ana Ruiz"),
        ("The fishermen call it 'the last wall' and they are right.", "Ana Ruiz"),
        ("a costly mistake for this town.", "Holm"),
    ]
    # Backticks and doubled opening quotes open the same way.
    for opening, closing in (("``", "''"), ("‘‘", "’’")):
        (quote,) = _long(f"{opening}We will rebuild the harbour wall by June,{closing} Ana Ruiz said.")
        assert (quote.text, quote.speaker) == ("We will rebuild the harbour wall by June", "Ana Ruiz")


def test_a_quotation_in_two_apostrophes_runs_on_over_paragraphs() -> None:
    body = (
        "The mayor spoke on Monday.\n\n''We will rebuild the harbour wall by June.\n\n"
        "''It is the town's lifeline,'' Ana Ruiz said.\n\nShe left."
    )
    (quote,) = _long(body)
    assert quote.text == "We will rebuild the harbour wall by June.\n\nIt is the town's lifeline"
    assert quote.speaker == "Ana Ruiz"


def test_two_apostrophes_inside_a_quotation_are_a_quotation_within_it() -> None:
    # Inside double marks a pair that opens after a space is nested, not the closing mark.
    (quote,) = _long("\"We will finish before the ''king tides'' arrive in March,\" Ana Ruiz said.")
    assert (quote.text, quote.speaker) == (
        "We will finish before the ''king tides'' arrive in March",
        "Ana Ruiz",
    )
    # Three apostrophes close the nested pair and the single outer quotation at once.
    body = "'The floods come when the tide turns, and people call them ''king tides.''' Ana Ruiz said."
    (quote,) = _long(body)
    assert quote.text == "The floods come when the tide turns, and people call them ''king tides.''"
    assert quote.speaker == "Ana Ruiz"


def test_french_guillemets_with_inner_spaces() -> None:
    body = "Minister Paul Girard was asked about it. « My door has always been open to the unions », he said."
    (quote,) = _long(body)
    assert quote.text == "My door has always been open to the unions"
    assert quote.speaker == "Paul Girard"


def test_reversed_guillemets_and_swedish_double_closing_marks() -> None:
    german = "Klaus Meyer spoke. »We will rebuild every single house«, Meyer said."
    swedish = "Anna Berg runs the shop. ”We have never seen water this high,” Berg said."
    assert [(q.text, q.speaker) for q in _long(german)] == [
        ("We will rebuild every single house", "Klaus Meyer")
    ]
    assert [(q.text, q.speaker) for q in _long(swedish)] == [
        ("We have never seen water this high", "Anna Berg")
    ]


def test_nested_quotation_of_four_words_stays_inside_the_outer_one() -> None:
    body = "Ada Moss was angry. ‘He said “we want the shop back by June” and left,’ she said."
    (quote,) = _long(body)
    assert quote.text.startswith("He said “we want") and quote.text.endswith("and left")


# --- not quotes ----------------------------------------------------------------------------------------


def test_report_and_documentary_titles_are_not_quotes() -> None:
    body = (
        'The firm\'s annual report, "Building the Northern Grid Together", sets out two more farms. '
        'It features in the documentary "Wind Over Grey Water", out in May.'
    )
    assert _long(body) == []


def test_a_report_that_speaks_is_still_quoted() -> None:
    body = 'The report said "the fire could have been prevented by a working alarm" in its summary.'
    assert [q.text for q in _long(body)] == ["the fire could have been prevented by a working alarm"]


def test_question_and_answer_lines_are_not_quotes() -> None:
    body = (
        "Q: Why did it take twelve years to write?\n\nA: Because I kept throwing it away and starting again."
    )
    assert extract_quotes(body) == []


def test_pull_quote_line_is_not_a_quote() -> None:
    body = "Owner Dan Reid spoke. 'I gave this club thirty years of my life,' he said.\n\n'Thirty years of my life'"
    assert [q.text for q in _long(body)] == ["I gave this club thirty years of my life"]


def test_indirect_speech_after_added_that_is_not_a_quote() -> None:
    assert extract_quotes("Van der Berg added that the company would cooperate fully with the inquiry.") == []


# --- attribution forms ----------------------------------------------------------------------------------


def test_quotation_signed_with_a_dash() -> None:
    body = 'Prof Chidi Okoro led the campaign.\n\nThe council met.\n\n"This sets a precedent for every museum" — Prof Okoro'
    (quote,) = _long(body)
    assert quote.text == "This sets a precedent for every museum"
    assert quote.speaker == "Chidi Okoro" and quote.speaker_mention == "Prof Okoro"


def test_according_to_a_statement_from_an_organisation() -> None:
    body = '"Prices will rise by 3.5% in the U.S. by Jan. 1," according to a statement from the central bank.'
    (quote,) = _long(body)
    assert quote.text == "Prices will rise by 3.5% in the U.S. by Jan. 1"
    assert quote.speaker == "the central bank"


def test_named_body_after_a_description() -> None:
    body = (
        'In a post on Facebook, the campaign group Return Now wrote: "Twenty years of letters, and finally."'
    )
    assert _speakers(body) == ["Return Now"]


def test_clause_before_a_pronoun_is_not_a_speaker() -> None:
    body = (
        "Sade Okafor spoke to us from Lagos.\n\n"
        'Asked what she would tell young writers, Okafor laughed. "Finish something, anything at all," she said.'
    )
    assert _speakers(body) == ["Sade Okafor"]


# --- names ----------------------------------------------------------------------------------------------


def test_two_particles_and_a_capitalised_particle_later() -> None:
    body = (
        'Chief executive Pieter van der Berg said in a statement: "We deeply regret the leak today."\n\n'
        '"We are paying for bottled water for everyone," Van der Berg said.'
    )
    assert _speakers(body) == ["Pieter van der Berg", "Pieter van der Berg"]


def test_lowercase_particle_opens_the_attribution() -> None:
    body = (
        "Union leader Karl von Hohenfeld spoke at noon.\n\n"
        "«We are ready to talk tomorrow morning», von Hohenfeld added.\n\n"
        'Crown Prince Khalid bin Rashid Al Nuaimi spoke next. Asked about it, bin Rashid said: "I share the anger."'
    )
    assert _speakers(body) == ["Karl von Hohenfeld", "Khalid bin Rashid Al Nuaimi"]


def test_family_name_first_short_form() -> None:
    body = 'China\'s special envoy Wang Lihua spoke. "We will share our flood data next year," Wang said.'
    assert _speakers(body) == ["Wang Lihua"]


def test_hyphenated_arabic_particle() -> None:
    body = "“We’re not going anywhere,” says Ahmed al-Rashid, 52, owner of the corner café."
    assert _speakers(body) == ["Ahmed al-Rashid"]


def test_everyday_role_before_a_name_is_not_part_of_it() -> None:
    body = (
        'Parent Rachel Kim sat in the front row. "He is a zombie by third period," she said. '
        'Superintendent Mark Delgado disagreed. "We cannot find fourteen new drivers," he said.'
    )
    assert _speakers(body) == ["Rachel Kim", "Mark Delgado"]
    assert speaker_key("Superintendent Mark Delgado") == speaker_key("Mark Delgado")


# --- organisations and pronouns ---------------------------------------------------------------------------


def test_short_organisation_mention_takes_its_fuller_form() -> None:
    body = (
        "The environment ministry opened an inquiry.\n\n"
        '"The operator must explain why the tank failed," the ministry said.'
    )
    assert _speakers(body) == ["the environment ministry"]


def test_two_bodies_sharing_a_head_noun_stay_as_printed() -> None:
    body = 'The health ministry and the interior ministry disagreed. "We were never consulted," the ministry said.'
    assert _speakers(body) == ["the ministry"]


def test_organisation_speaks_for_itself_even_with_a_named_spokesperson() -> None:
    body = (
        '"We test every hour," said Marta Kovac, a spokesperson for the Varn water authority.\n\n'
        '"Please do not swim in the river," the Varn water authority said in a notice.'
    )
    assert _speakers(body) == ["Marta Kovac", "the Varn water authority"]


def test_role_mention_before_its_holder_is_introduced_is_someone_else() -> None:
    body = (
        'The row began when its former director called the request "a publicity stunt".\n\n'
        'The museum\'s director, Dr Anna Lind, said the vote was unanimous. "It is about justice," she said.'
    )
    quotes = extract_quotes(body)
    assert quotes[0].text == "a publicity stunt" and quotes[0].speaker == "its former director"
    assert _speakers(body) == ["Anna Lind"]


def test_pronoun_chain_alternating_between_a_woman_and_a_man() -> None:
    body = (
        "Board president Linda Reyes pushed the change through. She says the research left no choice.\n\n"
        "Superintendent Mark Delgado was more cautious. He told the board buses would cost more.\n\n"
        '"I cannot conjure new drivers out of thin air," he said.\n\n'
        'She was unmoved. "We found money for a new scoreboard last year," she said.\n\n'
        'He did not answer. "If the state helps us, this is doable," he said.'
    )
    assert _speakers(body) == ["Mark Delgado", "Linda Reyes", "Mark Delgado"]


def test_tweet_attribution() -> None:
    body = 'The activist Noor Saleh was unimpressed. "Another summit and still no water," she wrote on X.'
    assert _speakers(body) == ["Noor Saleh"]


def test_body_named_by_its_proper_name_after_the() -> None:
    body = (
        'The FBI said the suspect had fled. "We are asking the public for help," the FBI said.\n\n'
        '"We are watching the storm closely tonight," the White House said.'
    )
    assert _speakers(body) == ["the FBI", "the White House"]


def test_capitalised_role_after_the_still_refers_to_the_person() -> None:
    body = 'Prime Minister Keir Dale spoke. "We will not raise taxes this year," the Prime Minister said.'
    assert _speakers(body) == ["Keir Dale"]


def test_unnamed_spokesperson_speaks_for_the_body() -> None:
    body = (
        "The environment ministry opened an inquiry.\n\n"
        'A spokesperson for the ministry said: "Inspectors will visit every plant this month."'
    )
    assert _speakers(body) == ["the environment ministry"]


def test_single_quoted_question_subheading_in_a_double_quoting_article() -> None:
    body = (
        'Farmer Joao Pires spoke. "We will not move until the minister comes," he said.\n\n'
        "‘Why won’t they listen?’\n\n"
        'Minister Rita Fonseca said no. "No country can subsidise diesel for ever," she said.'
    )
    assert [q.text for q in _long(body)] == [
        "We will not move until the minister comes",
        "No country can subsidise diesel for ever",
    ]


def test_single_quoted_follow_on_line_stays_in_a_single_quoting_article() -> None:
    body = "Owner Dan Reid spoke. ‘We are closing,’ he said. ‘It breaks my heart.’\n\n‘Where will they all go now?’"
    assert [q.text for q in _long(body)][-1] == "Where will they all go now?"


def test_lowercase_role_before_the_name_in_the_attribution() -> None:
    before = 'The shop sold a 55" TV. "Nobody buys these any more at full price," owner Kim Lo said.'
    after = "'We have reached an agreement on the rent,' said union president Amy Fox."
    assert _speakers(before) == ["Kim Lo"]
    assert _speakers(after) == ["Amy Fox"]


def test_occupation_opening_a_sentence_is_not_a_first_name() -> None:
    body = 'Guard Tom Ruiz is on duty. "I feel better than I have in years," he said.'
    assert _speakers(body) == ["Tom Ruiz"]
    # A surname that is also a title word must stay a name: "James Dean", not "Dean".
    assert speaker_key("James Dean") == "james dean"


def test_pronoun_in_the_sentence_that_introduces_its_person() -> None:
    body = 'Senator Ruth Ames said it plainly: the bill, she said, was "a disgrace to this chamber and to voters".'
    assert _speakers(body) == ["Ruth Ames"]


def test_place_after_a_role_is_not_a_speaker() -> None:
    body = '"We will rebuild every house," the governor of Texas said.'
    # Texas is no speaker: nobody is named, so the role as printed is.
    assert _speakers(body) == ["the governor of Texas"]


def test_a_doubled_double_mark_opens_once() -> None:
    # A page that escaped its marks prints ""...": one opening mark, and "" alone between spaces is no quote.
    body = (
        'Senator Jo Roe spoke in March.\n\n""We have learned something important since those days," Mr. Roe said. '
        'He called it a "" moment.'
    )
    assert [(q.text, q.speaker) for q in _long(body)] == [
        ("We have learned something important since those days", "Jo Roe")
    ]
