"""Attribution rules, one table per family: (invented text, expected speaker of its last quotation).

Every text is invented. Each row is one general pattern of real news, not one article's wording.
"""

from __future__ import annotations

import pytest

from app.core.lexicon.speech import DOCUMENTS, ISSUED_DOCUMENTS, SOURCE_DOCUMENTS
from app.core.quotes import extract_quotes
from app.core.quotes.mention_after import attribution_after
from app.core.quotes.mentions import names_one_person, speaking_description, valid_mention


def _speaker(text: str) -> str | None:
    quotes = [q for q in extract_quotes(text) if not q.fragment]
    assert quotes, f"no quote found in {text!r}"
    return quotes[-1].speaker


CUE_VERBS_BOTH_SIDES = [
    # What a sign or a page says, and what a crowd chants, are cues too.
    (
        'Tom Ruiz runs a radio show. "Hi there! You may want to move to our island soon!" a welcome message on '
        "the website reads.",
        "a welcome message on the website",
    ),
    (
        'Jo Roe got a heated reception outside a cafe. Holding signs, the protesters chanted "Jo Roe is bad for '
        'the whole state."',
        "the protesters",
    ),
    ('"We will rebuild the bridge by spring," Mara Quist said.', "Mara Quist"),
    ('"We will rebuild the bridge by spring," said Mara Quist.', "Mara Quist"),
    ('Mara Quist said: "We will rebuild the bridge by spring."', "Mara Quist"),
    ('Mara Quist told reporters, "We will rebuild the bridge by spring."', "Mara Quist"),
    ('"We will rebuild the bridge by spring," Mara Quist told the council on Monday.', "Mara Quist"),
    ('"We will rebuild the bridge by spring," Mara Quist remembered.', "Mara Quist"),
    ('"We will rebuild the bridge by spring," Mara Quist interjected.', "Mara Quist"),
    ('According to Mara Quist, "the bridge will be rebuilt by spring."', "Mara Quist"),
]

APPOSITIVES_AND_TITLES = [
    # The head of the phrase is the speaker, not a name inside a modifier.
    # A player's position is a role like any post: the team before it only modifies the name after it.
    (
        'Jo Roe retired on Monday. Varn Tigers center Al Doe, through Twitter, congratulated Roe on "one hell of '
        'a career."',
        "Al Doe",
    ),
    (
        'Jo Roe retired on Monday. Varn Tigers quarterback Al Doe thanked Roe for "every single game we played."',
        "Al Doe",
    ),
    # A noun for a trade that no list holds still makes the name after it a speaker.
    (
        'Tom Brandt spoke first.\n\n"I am not going to say it was a mistake," said retired neurosurgeon Jo '
        "Bloggs, asked about his claims.",
        "Jo Bloggs",
    ),
    (
        'Tom Brandt spoke first.\n\n"It is a crisis," said psychotherapist Jo Bloggs, who runs a clinic.',
        "Jo Bloggs",
    ),
    # A party tag between a name and its relative clause, however far from the verb.
    (
        "Other advocates also said the state should go further.\nRep. Jo Doe (D-Calif.), who introduced a bill "
        "this month aimed at improving the conditions in Central America, said in a statement that the changes "
        'were "important first steps for the whole town."',
        "Jo Doe",
    ),
    # The sentence before the quotation names the speaker after role words.
    (
        'Tom Brandt spoke first. "It is a two-horse race now," he said.\n\nOr maybe Jo Roe, digital consultant '
        'Phil Musser says. "Several surveys suggest a second look is under way."',
        "Phil Musser",
    ),
    ('"Rates will stay high for a while," said a leading central banker, Jane Roe.', "Jane Roe"),
    ('A leading central banker, Jane Roe, said "rates will stay high for a while."', "Jane Roe"),
    ('"We will appeal the ruling in the spring," a spokesman for Acme Corp., Tom Ruiz, said.', "Tom Ruiz"),
    ('"We will appeal the ruling in the spring," one of the organisers, Tom Ruiz, said.', "Tom Ruiz"),
    ('Jo Doe spoke first.\n\n"Would it be negotiable for the rest?" Hanna pressed.', "Hanna"),
    (
        'Jo Doe spoke first.\n\n"This is a fantastic night for us all!" beamed Don Hartle of Madison, Alabama, who came in.',
        "Don Hartle",
    ),
    (
        'Jo Doe spoke. Meanwhile Mike Huck, the former governor, proposed we "wake up and smell the coffee" '
        "and said more.",
        "Mike Huck",
    ),
    (
        "Jo Doe spoke. Appearing before supporters Monday, Ann Sukey, 70, said it was too early but added, "
        '"I think you all know the results."',
        "Ann Sukey",
    ),
    (
        '"These ads set the table for voters," in sharp contrast to earlier races when the campaigns did '
        "that, says Dana Scoles, a scientist at the university.",
        "Dana Scoles",
    ),
    (
        'Its backing will carry "a great deal of weight" and help bring candidates what they need to win, '
        "party spokesman Neil Sorrow said.",
        "Neil Sorrow",
    ),
    (
        '"I do not know where he stands," said undecided voter Stefa Hoot of Derry, N.H., before the event.',
        "Stefa Hoot",
    ),
    (
        '"The fuss slows us down a little," said Labour party boss Jane Pixley, though she expects calm.',
        "Jane Pixley",
    ),
    (
        'Doe "won easily among rural voters" in 2008, said Leeds Beckett University professor Amy Fox.',
        "Amy Fox",
    ),
    (
        "Roe's personal lawyer Jo Doe later said he wrote that post himself, saying he \"did not mean to "
        'break any news."',
        "Jo Doe",
    ),
    (
        '"The government deeply regrets the deaths of ten passengers," which occurred in the north, Varn '
        "President Luis Orlo said in a statement.",
        "Luis Orlo",
    ),
    (
        'Ada Morrow, during a town hall meeting in Columbus, Ohio, said she was "going to put the mines out of '
        'business," in the end.',
        "Ada Morrow",
    ),
    (
        'Tad Quist, Roe\'s chief strategist, said, "The contest will be decided by the free delegates."',
        "Tad Quist",
    ),
    (
        '"He cannot be a visible presence in any formal role," Seth Orlo, a political scientist at Varn '
        "University, told The Herald.",
        "Seth Orlo",
    ),
    (
        'Hours later, Ann Roe returned the compliment, telling the Herald, "We have been friends for a long '
        'time."',
        "Ann Roe",
    ),
    (
        'In other words, asked Varn TV moderator Nina Cole: "What does that have to do with the donations?"',
        "Nina Cole",
    ),
    (
        'Roe campaign spokeswoman Hope Hale said in a statement that Roe "has long backed the port plan."',
        "Hope Hale",
    ),
    (
        'Sen. Ada Morrow of Ohio, campaigning in Leeds on Sunday, told the crowd that, "I want the whole '
        'report and nothing less."',
        "Ada Morrow",
    ),
    (
        'It was a similar call from Sen. Ada Morrow of Ohio, who tweeted that "the whole report must be public."',
        "Ada Morrow",
    ),
    (
        'Rep. Ada Morrow (D-Ohio), chair of the Platform Committee, said that it was "fully committed to an '
        'open process."',
        "Ada Morrow",
    ),
    (
        "Sandy Quist, who lost her home in the flood in Varn, Ostland, in July, said the city had failed her."
        '\n\n"Nobody came to see us for a week," she said.',
        "Sandy Quist",
    ),
    (
        'Previously the Varn Union issued a travel warning, claiming the airline "could put travellers at '
        'risk of unfair treatment."',
        "the Varn Union",
    ),
    (
        'Sen. Ada Morrow, D-Ohio, the top Democrat on the Senate Farm Committee, said the panel sees "the '
        'start of a serious case against the agency."',
        "Ada Morrow",
    ),
    (
        "At a briefing on Friday, Ben Ocampo, the Varn police department's deputy head of intelligence and "
        "counterterrorism, said a clerk at the depot on Fifth Street spotted the parcel sent to the mayor as "
        'like the earlier ones and "held it back at the sorting desk."',
        "Ben Ocampo",
    ),
    (
        'Tom Brandt arrived late. "We will appeal the ruling at once," the senator\'s lawyer Jane Roe said.',
        "Jane Roe",
    ),
    ('"Sales will recover next year," Acme chief executive Jo Bloggs said.', "Jo Bloggs"),
    ('"Sales will recover next year," Jo Bloggs, Acme\'s chief executive, said.', "Jo Bloggs"),
    ('"Sales will recover next year," said Jo Bloggs, the chief executive of Acme.', "Jo Bloggs"),
    ('"Sales will recover next year," Varn\'s top trade adviser Jo Bloggs said.', "Jo Bloggs"),
    (
        'Tom Brandt spoke. "Sales will recover next year," according to Brandt\'s former trade adviser Jo R. Bloggs.',
        "Jo R. Bloggs",
    ),
    ('"Patience is the whole game here," psychotherapist Jo Bloggs says.', "Jo Bloggs"),
    ('"Patience is the whole game here," campaign manager Jo Bloggs said.', "Jo Bloggs"),
    ('"We need the votes in the fall," Sen. Jo Bloggs (D-Ohio) said.', "Jo Bloggs"),
    ('"We need the votes in the fall," Sen. Jo Bloggs, R-Texas, said.', "Jo Bloggs"),
    ('"We need the votes in the fall," Harbour County Executive Jo Bloggs said.', "Jo Bloggs"),
    # A capitalised title held at a body, in apposition: the name before it speaks, not the body.
    ('Mara Quist, President of Fenwick Mills, said: "We regret this failure."', "Mara Quist"),
    ('Mara Quist, Managing Director at Fenwick Bank, said: "We regret this failure."', "Mara Quist"),
    # The lawyer of a person is someone else than that person: unnamed, the description as printed.
    (
        'Tom Brandt, 66, was arrested on Friday. "Ten agents came to my house," Brandt said. "A dozen officers '
        "searching the garage, it was absurd,\" Brandt's lawyer said.",
        "Brandt's lawyer",
    ),
]

NOT_PEOPLE = [
    (
        'Reached by phone, Ben Cato of the port board defended the plan, explaining that it "will pay for '
        'itself within ten years."',
        "Ben Cato",
    ),
    (
        'Varn party boss Reince Orlo said the party "is united behind the candidate now," on Monday.',
        "Reince Orlo",
    ),
    # Capitalised words that are not people never become speakers.
    ('Practice patience, says Jo Bloggs. "It is the whole game here," she added.', "Jo Bloggs"),
    ('In Leeds, Jo Bloggs spoke first. "It is the whole game here," Bloggs said.', "Jo Bloggs"),
    ('When the count ended, Jo Bloggs spoke. "It is the whole game here," she said.', "Jo Bloggs"),
    ('Jo Bloggs spoke to Mara Quist. And then: "It is the whole game here," Bloggs said.', "Jo Bloggs"),
]

COORDINATED_AND_DOCUMENTS = [
    # Two people who speak together are both the speaker.
    ('"We will fight this ruling in every court," Jo Roe and Ann Lee said.', "Jo Roe and Ann Lee"),
    (
        'Jo Roe and Ann Lee wrote in a joint letter: "We will fight this ruling in every court."',
        "Jo Roe and Ann Lee",
    ),
    (
        '"We will fight this ruling in every court," said the mayor\'s lawyers Jo Roe and Ann Lee in a joint '
        "statement.",
        "Jo Roe and Ann Lee",
    ),
    # Where each one is from, and an appositive after the pair, only describe the two speakers.
    (
        '"We will fight this ruling in every court," Mayor Jo Roe of Varn and Senator Ann Lee of Iowa, the '
        "party's leaders, said in a joint statement.",
        "Jo Roe and Ann Lee",
    ),
    (
        "Mayor Jo Roe of Varn and Senator Ann Lee of Iowa, the party's leaders, said in a joint statement: "
        '"We will fight this ruling in every court."',
        "Jo Roe and Ann Lee",
    ),
    # "They" right after a pair spoke is the pair; a "they" with no pair in focus names nobody.
    (
        '"This is a power grab," Jo Roe and Ann Lee said in a statement.\n\nThey vowed the council would "fight '
        'this ruling in every court."',
        "Jo Roe and Ann Lee",
    ),
    ('Jo Roe left early. They vowed the council would "fight this ruling in every court."', None),
    # "the (joint) statement said" quotes whoever the article said issued it.
    (
        'Speaker Jo Roe (D-Ohio) and Senator Ann Lee (D-Iowa) released a joint statement.\n\n"We will fight '
        'this ruling in every court," the joint statement said.',
        "Jo Roe and Ann Lee",
    ),
    (
        'The Varn Water Board issued a statement on Monday.\n\n"We will fight this ruling in every court," the '
        "statement said.",
        "The Varn Water Board",
    ),
    # The pair is no "he": the man named in it is.
    (
        '"We will fight this ruling in every court," Tom Roe and Ann Lee said. "It was a long day for us," he '
        "said.",
        "Tom Roe",
    ),
    (
        'After reporter Tom Brandt asked, Jo Bloggs turned back, leaned in and said, "Do not ask me that again."',
        "Jo Bloggs",
    ),
    (
        'Jo Bloggs spoke. Then, the mayor, speaking softly, refused and added: "Do not ask me that again."',
        "Jo Bloggs",
    ),
    ('"The vote was fair and it stands," Jo Bloggs went on.', "Jo Bloggs"),
    (
        '"We are disappointed," said the statement from his lawyer, Mara Quist. '
        'The statement said he "denies every one of the charges."',
        "Mara Quist",
    ),
    (
        'On Sunday, Sen. Jo Bloggs, R-Ohio, suggested a delay.\n\n"You act at your own peril on this bill."',
        "Jo Bloggs",
    ),
]

ORGANISATIONS_AND_ROLES = [
    # The unnamed voice of a body named by its modifier is the body; a person's spokesman and a people's
    # official stay descriptions.
    (
        'Brentco is struggling. "We had an incident last year," a Brentco spokesperson told the radio.',
        "Brentco",
    ),
    ('"We confirm the deaths," a U.S. State Department official said.', "U.S. State Department"),
    ('Jo Roe leads the race. "We are confident of a win," a Roe spokesman said.', "a Roe spokesman"),
    ('"We are confident of a win," said a Russian official.', "a Russian official"),
    # A kind of body with a modifier the article never named so ("the credit firm") is the body in focus.
    (
        "Credit agency Brentco said on Thursday that a breach may have hit millions of consumers.\n\nBrentco "
        "said card numbers were stolen. The credit firm said more help would come.\n\n"
        'The firm said it was "in talks with the regulators about the breach".',
        "Brentco",
    ),
    # "the company said" after another body opened a sentence: not the body in focus before it.
    (
        'Brentco dropped him. "He is on leave," a Brentco representative said.\n\nNewsline also commented on '
        'his future.\n\n"We wish him all the best," the company said.',
        "the company",
    ),
    # "the company said" with no earlier "the ... company": the one-word body the article keeps in focus,
    # not an outlet it cited once in between.
    (
        "Credit agency Brentco said on Thursday that a breach may have hit 143 million consumers.\n\n"
        "Brentco shares fell five per cent, Newsline noted.\n\n"
        'The company said more cards were stolen, in addition to "certain documents with personal data."',
        "Brentco",
    ),
    # An "and" between two posts joins the posts of one person.
    (
        '"This is a painful day for our customers," said company chairman and chief executive Robert Lane.',
        "Robert Lane",
    ),
    # A clause that reaches the body's noun ("the detour after airline crew ...") is no form of its name.
    (
        "The flight made the unscheduled detour after airline crew found a stray passenger on board.\n\n"
        '"We apologise to all the passengers on board," the airline said.',
        "the airline",
    ),
    # An outlet relaying someone's words names the source after "cited"/"quoted".
    (
        'The group claimed the attack.\n\n"The attack was carried out by one of our soldiers," Reuters cited the '
        "Amaq agency, a group-affiliated website.",
        "the Amaq agency",
    ),
    (
        'The moon will be close. According to space.com, Monday will see the "biggest full moon of the whole '
        'year."',
        "space.com",
    ),
    # Where a body sits is no part of its name; an account's handle names the account.
    (
        'The webcam captured the event.\n\nThe National Weather Service in Gray tweeted, "Did you see a '
        'fireball or meteor just now?"',
        "The National Weather Service",
    ),
    (
        "The flight left late. Twitter account @Flightwatch noted its progress with this note: "
        '"Time travel is possible for us all."',
        "Flightwatch",
    ),
    (
        'Dina Holt, a supporter of the mayor, spoke first.\n\n"The vote was taken from us in the north," wrote one '
        "supporter of the mayor.",
        "one supporter of the mayor",
    ),
    (
        'Sen. Ada Morrow (R-Ohio), a candidate for governor, posted a warning. "Remember in November who '
        'voted against the port."',
        "Ada Morrow",
    ),
    (
        'POLLS WERE TOO EARLY - Jo Doe and Al Roe: "The polls stopped a week before the vote."',
        "Jo Doe and Al Roe",
    ),
    ('Ann Roe hopes to shed what Tom Brandt called "a real perception problem" for the city.', "Tom Brandt"),
    (
        'The Varn Foreign Office confirmed the deaths.\n\n"We send our condolences to the families," it said.',
        "The Varn Foreign Office",
    ),
    (
        "Jo Roe fired the coach. Roe's account posted on Saturday: \"I had to let the coach go because he misled "
        'us."',
        "Jo Roe",
    ),
    (
        '"People deserve to know the whole truth," tweeted former Housing and Urban Renewal Secretary Ana '
        "Quist.",
        "Ana Quist",
    ),
    ('The Varn Herald reported the charges "will include fraud and the misuse of funds."', "The Varn Herald"),
    ('"The line will reopen on Friday," a spokesman for the rail operator said.', "the rail operator"),
    ('"The line will reopen on Friday," the company said in a statement.', "the company"),
    # "the airline", "the company": the one organisation the article named with that kind of noun.
    (
        'Norland Airlines grounded two jets.\n\n"Safety comes first for us," the airline said.',
        "Norland Airlines",
    ),
    ('An Acme Corp. engineer was hurt. "We are reviewing the site rules," the company said.', "Acme Corp"),
    (
        'Vale Airways and Norland Airlines both flew there. "We acted as fast as we could," the airline said.',
        "the airline",
    ),
    # Nobody named: the description as printed is the speaker, a document included.
    ('"Nobody was hurt in the blaze," a police spokesman said.', "a police spokesman"),
    ('"We saw smoke before the bang," one witness told reporters.', "one witness"),
    ('"The figures were wrong from the start," the lawsuit says.', "the lawsuit"),
    ('The hall was full. "It was a long night for all of us," said one volunteer.', "one volunteer"),
    # A role that speaks for someone else is not the person just named.
    (
        'Tom Brandt said the plan was sound. "We will not comment on the talks," the spokesman said.',
        "the spokesman",
    ),
    # A description is nobody a later pronoun refers to.
    (
        'Jo Bloggs arrived at noon. "Nothing was taken," a police spokesman said. "We are safe now," she said.',
        "Jo Bloggs",
    ),
]

PRONOUNS_AND_CONTINUATION = [
    # A quotation that continues an unnamed speaker keeps that description, in its paragraph or the next.
    (
        'Jo Roe spoke first. "We closed the road at noon," a police spokesman said.\n\n"Nobody was hurt in '
        'the blaze at the depot."',
        "a police spokesman",
    ),
    (
        'Jo Roe spoke first. "We closed the road at noon," a police spokesman said. "Nobody was hurt in the '
        'blaze at the depot."',
        "a police spokesman",
    ),
    # However long the attribution between them, the next quotation of the paragraph is the same unnamed
    # speaker's, not the person the article last quoted by name.
    (
        '"We are ready," Jo Roe said.\n\n"The plan is twenty years old," said a longtime adviser to the mayor, '
        'who declined to be named and is not part of the campaign team. "It ignores the new suburbs."',
        "a longtime adviser to the mayor",
    ),
    # A surname the article never gives in full, opening the sentence before its verb, is the "he" after it.
    (
        "Governor Jo Doe spoke first, and the crowd cheered for Brannigan.\n\nBrannigan openly admitted that "
        'his pick was political. "With an eye to the primary next week," he said.',
        "Brannigan",
    ),
    (
        'Jo Bloggs met Tom Brandt at the station. "It is the whole game here," she said.',
        "Jo Bloggs",
    ),
    (
        'Tom Brandt spoke first and Jo Bloggs followed. "It is the whole game here," he said.',
        "Tom Brandt",
    ),
    (
        '"We start on Monday," Jo Bloggs said.\n\n"And we will not stop until the bridge stands."',
        "Jo Bloggs",
    ),
    (
        'Grants grew, and "states were short of money," Jo Bloggs said. "And he tied that money to the rules '
        'of the board."\n\nFederal rules, Tom Brandt argued, are another matter.',
        "Jo Bloggs",
    ),
    (
        '"Both plans scare me," Jo Bloggs, 30, of Leeds, who was among those asked by the pollsters, said.',
        "Jo Bloggs",
    ),
    ('He leads, and the "whole town gets nervous," said Jo Bloggs, a local lawyer.', "Jo Bloggs"),
    (
        'Tom Brandt spoke first. Jo Bloggs fired back at once: "If they sue us in court, they will lose."',
        "Jo Bloggs",
    ),
    (
        'Tom Brandt spoke first. Jo Bloggs dismissed the loans, calling them "a paperwork error in a long '
        'year," and left.',
        "Jo Bloggs",
    ),
]

RELATIVE_PRONOUNS = [
    # A description after a dash, and its "who", belong to the name before the dash.
    (
        'Enter Ms. Lauten — a former party media aide who describes herself online as loving cats and "all '
        'things pink and green!" — whose commentary had an edge.\n\n"I get you are both in those awful teen '
        'years," she wrote above a picture.',
        "Lauten",
    ),
    # "who" with no comma after the name is still the name's relative.
    (
        'Tom Vale spoke on Monday. "It was a mistake," he said.\n\nHis remarks followed criticism from investor '
        'Jo Parker who said in November that firms were exploiting "a weakness of the human mind".',
        "Jo Parker",
    ),
    (
        'Tom Vale spoke on Monday. "It was a mistake," he said.\n\nIt was a similar call from Sen. Ann Lee of '
        'Ohio who tweeted that "the whole report must be made public now."',
        "Ann Lee",
    ),
    # "who" is the name right before it; a group before it names nobody.
    (
        'The plan drew a reply from Mayor Jo Bloggs, who declared: "We will not sign this plan at all."',
        "Jo Bloggs",
    ),
    (
        'The plan drew a reply from voters across the country, who said it was "a waste of public money."',
        None,
    ),
]

SUBJECT_IN_FOCUS = [
    # A definite role nobody was introduced with refers back past a person the article gave another office.
    (
        "Tom Vale spoke in Ohio on Monday about the city. He called on Mayor Jo Roe to restart the patrols. Roe "
        'disbanded the unit in 2014.\n\n"There is hatred like nobody has ever seen," the Republican presidential '
        "candidate said.",
        "Tom Vale",
    ),
    (
        "Tom Vale spoke in Ohio on Monday about the city. He called on Gov. Jo Roe to restart the patrols. Roe "
        'disbanded the unit in 2014.\n\n"There is hatred like nobody has ever seen," the governor said.',
        "Jo Roe",
    ),
    # An opening clause with honorifics in it ("Mr. Vale"): their periods end no sentence, and the subject
    # after the clause is who asked, not the pair inside it.
    (
        "A day before Mr. Vale and Mr. Brandt emailed about the deal, Jo Roe exchanged messages with the bank "
        'and asked, "What is behind this Wednesday leak I keep reading about?"',
        "Jo Roe",
    ),
    # A role matched only in part ("Leeds" is none of Roe's roles) yields to the person just in focus.
    (
        'Jo Roe, a Hull senator, spoke. "We will win here," she said.\n\nTom Brandt, who is third in the polls, '
        'toured two farms on Monday.\n\nThe Leeds senator told reporters he feels good, and "we will see what '
        'it means next week."',
        "Tom Brandt",
    ),
    # A definite role after an unnamed one of that role is the unnamed one, not the person last named.
    (
        "Senior aide Tom Brandt spoke on Monday.\n\nJo Roe hit back at once. A committee aide blasted the "
        'statement.\n\n"Their announcement today is further proof of their politics," the aide said.',
        "the aide",
    ),
    (
        '"If I was a donor, I would want answers," said a prominent party member who backs the plan.\n\n'
        'Jo Roe spent the money on the jets of his own firm.\n\n"Nobody cares when you spend your own money," '
        "the party member said.",
        "the party member",
    ),
    # A plural role is a group, never the one person of that role.
    (
        'Committee Chairman Al Finn and Rep. Bo Lane sent a letter to the bank on Monday.\n\n"The evidence '
        'appears to contradict her sworn testimony," the committee chairmen wrote.',
        "the committee chairmen",
    ),
    # A definite role refers back to a person in focus, never to a paper.
    (
        "Jo Roe went after Tom Brandt at the debate. The Post reported that he had refused to back down.\n\n"
        '"He is a chaos candidate and he would be a chaos president," the former governor said.',
        "the former governor",
    ),
    # A role is matched as such, not by its first letters: a "presidential candidate" is no "president".
    (
        'Republican presidential candidate Jo Roe leads the polls.\n\n"Many men have had trouble in this new '
        'economy," Tom Brandt said.\n\n"You combine those things and there is anger," the president added.',
        "Tom Brandt",
    ),
    # A bare "another" is another of the unnamed speakers just before it.
    (
        'Other users enjoyed the show. "Roe is very cute with a big mouth," one user wrote.\n\nAnother said: '
        '"That way I can watch the comedy for years."',
        "another user",
    ),
    (
        'One woman told police she was surrounded by men, while another said hands were "all over her arms '
        'and her legs".',
        "another woman",
    ),
    # A pronoun after an opening phrase is the subject, not a person named after it.
    (
        "Mary Roe runs a firm. Tom Brandt arrived in Leeds on Monday.\n\nIn the video, he sends a message to "
        'Mary Roe\'s lawyer. "My dear friends, I am here with a crowd of people," the congressman says.',
        "Tom Brandt",
    ),
    # A full name opening the sentence before its verb is its subject, not a known person after the verb.
    (
        "Jo Brandt spoke in Leeds on Monday.\n\nHarry M. Reed (D-Nev.) blasted Rubin and defended Brandt in an "
        'interview. "I just think what Rubin has done on the budget is the worst thing," the minority leader '
        "said.",
        "Harry M. Reed",
    ),
    # The speaker of an opening "When ..." clause is not the sentence's subject.
    (
        "Rep. Mick Grahame is hot-tempered.\n\nAfter the speech, the station's reporter, Mike Scott, interviewed "
        "the congressman. When he asked about the inquiry, Mr. Grahame stormed off camera and threatened Mr. "
        'Scott. Then, the congressman, speaking in a whisper, said Mr. Scott was "not man enough" and added: '
        '"I\'ll break you in half. Like a boy."',
        "Mick Grahame",
    ),
    # A titled surname opening the sentence before an aside is its subject, who owns the words quoted later.
    (
        "Ms. Gill made similar demands and retweeted the news. That is when Ms. Gill plans to start.\n\nMs. "
        'Harte, in addition to calling for the report to be released "immediately," called on Mr. Barr to '
        '"publicly testify under oath about the findings."',
        "Harte",
    ),
    # A sentence whose quotation names nobody still puts its subject in focus for a later pronoun.
    (
        'Jo Bloggs spoke on Sunday.\n\nKim Brandt appeared on the show, where they said the plan was "a real '
        'mess of a plan."\n\n"We will not sign this plan at all," she said.',
        "Kim Brandt",
    ),
]

PRONOUNS_BY_GENDER = [
    # With nobody of the pronoun's gender known, the one lone surname of the window whose full name tells no
    # gender is the person.
    (
        "The cast includes stars Cristin Milioti and Tom Brandt, director Tom Vale said.\n\nThings had to move "
        'fast, and it was a pressure Milioti definitely felt. "We were shooting so many pages a day," she said.',
        "Cristin Milioti",
    ),
    # The window before a pronoun counts the article's own words, not a long quotation in between.
    (
        "Sarah Vale and Tom Brandt have broken up after four years.\n\nThe comedienne broke the news to her "
        'followers on Monday. "The great Tom and I consciously uncoupled over the holidays. I mean, not over the '
        "holidays, like that was not the fight that ended it. There was no fight at all. We just live in different "
        'countries and it got hard for both of us to keep it going, so we stopped," she tweeted.',
        "Sarah Vale",
    ),
    # A surname two people share is the namesake just in focus.
    (
        "Gov. Asa Roe signed the bill. His son, Seth Roe, is a Democrat.\n\nFather and son talk often, Seth Roe "
        'said, and the family meets twice a year.\n\n"It is always a lively and engaging conversation," Mr. Roe '
        "said.",
        "Seth Roe",
    ),
    # A titled surname shared by two people the article names ("Sasha and Malia Vale") is neither of them
    # by its form: it stays as printed, not the one full name the article happens to print.
    (
        "The girls, Sasha and Malia Vale, sat with their father at the ceremony.\n\n"
        '"You want to pet him?" Mr. Vale asked his daughters.',
        "Vale",
    ),
    # A lone surname opening a sentence after the last subject in focus is the newer subject for "he",
    # when the article prints the full name with a male given name; not a sentence inside a quotation.
    (
        'Nathan Taylor is a lawyer in Ohio. Tom Vale, a lobbyist, said the rules were old. "It is an old law,"'
        ' he said. Ann Lee disagrees. "Laws adapt," she says.\n\nA ruling is months away. Taylor doubts a judge '
        'will throw the claims out. "The firm will not avoid a trial," he says.',
        "Nathan Taylor",
    ),
    (
        'Tom Vale, a lobbyist, said the rules were old. "It is an old law. Brandt doubts it," he said.\n\n'
        '"The firm will not avoid a trial," he says.\n\nNathan Brandt is a lawyer in Ohio.',
        "Tom Vale",
    ),
    # A lone surname opening a sentence (no title introduced anyone) is the full name the article prints
    # for it, when that name's given name tells the pronoun's gender.
    (
        "Democratic presidential candidates Mara Quist and Tom Brandt made their cases to voters in Ohio on "
        "Wednesday, just six days before the state primary.\n\nBrandt went first at the town hall hosted by the "
        "network, predicting a closer-than-expected primary despite his double-digit lead in polls over Quist."
        '\n\n"We have come a long way in the last nine months," he said.',
        "Tom Brandt",
    ),
    # A one-word subject the article never gave as a person (an app, a city) yields to the person named
    # after it: "singled out by senator Jo Roe, who said ..." then "she said".
    (
        "Fenwick has been accused of hosting violent posts and was singled out by senator Helen Marsh, who "
        'said the app hides criminals.\n\n"Nobody wants to be known as the app of criminals," she said.',
        "Helen Marsh",
    ),
    # A bare surname shared by two full names is the person printed first; the other is told apart by a
    # given name or an honorific.
    (
        "Tom Vale toured Ohio. His wife Mara Vale stayed home; Mrs. Vale has avoided the campaign.\n\n"
        '"I will win this state easily," Vale said.',
        "Tom Vale",
    ),
    (
        "Mara and Tom Vale earned millions last year. Tom Vale runs a firm.\n\n"
        '"We owe it to the opportunities this country provides," Vale said.\n\nIn May, Mara Vale filed her '
        "returns.",
        "Mara Vale",
    ),
    # A role word tells the gender a given name does not ("spokesman Jesse Dunn" is no "she").
    (
        'Mara Quist chairs the board. "We will not close the plant," she said. Acme spokesman Jesse Dunn '
        'declined to comment further on the plan. "It is a hard year for all of us here," she said.',
        "Mara Quist",
    ),
    # A name inside an opening "When ..." clause is not the sentence's subject.
    (
        "Ben Cato coached the team for a decade. When Tom Brandt fell ill, Cato took over for a season."
        '\n\nHe wants to stay close to the game.\n\n"I might be on your side of the microphone," he told reporters.',
        "Ben Cato",
    ),
    # A surname alone introducing a quotation with a colon, after an opening clause.
    (
        'Lewis Orlo won in the rain. Ben Cato was second.\n\nAt the second red flag, Orlo groaned: "The track '
        'is fine! It is not even wet now."',
        "Lewis Orlo",
    ),
    # A photo caption (no sentence mark) puts nobody in focus for the running text's pronouns.
    (
        "Tom Brandt won the race in the rain on Sunday.\n\nBrandt led from start to finish.\n\n"
        'Kai Lund (left) watches from the pit wall in Varn\n\n"I was at ease up front all day," he said.',
        "Tom Brandt",
    ),
    # A label with an acronym is no person; the subject after opening clauses is.
    (
        "Tom Brandt lost his job on Monday. NLC West rivals the Hawks had long expected it.\n\nAt his news "
        "conference after the loss, shown on the club's feed, Brandt brushed off questions.\n\n"
        '"The league makes me talk about this game and that is all," he said.',
        "Tom Brandt",
    ),
    # Before any pronoun has told it, the given name does: the last person of matching gender.
    (
        'Tom Brandt said the plan was sound. Susan Quist disagreed. "It is the whole game here," he said.',
        "Tom Brandt",
    ),
    (
        'Susan Quist said the plan was sound. Tom Brandt disagreed. "It is the whole game here," she said.',
        "Susan Quist",
    ),
]

NAMES_INSIDE_QUOTES = [
    # A nickname inside someone's quote is no form of the person's name.
    (
        'Tom Brandt wrote: "Sneaky Jo Bloggs copied our whole plan again."\n\n'
        '"It is garbage, complete and utter garbage," Jo Bloggs said.',
        "Jo Bloggs",
    ),
]

ATTRIBUTION_BESIDE_THE_QUOTE_WINS = [
    # How the words reached the reporter is no part of the speaker; a cue after a conjunction is another clause's.
    (
        "Popping sounds can be heard in videos.\n\n\"I don't think that's supposed to happen,\" a spectator can "
        "be heard saying in a video shared online.",
        "a spectator",
    ),
    (
        'With the red flag out, Lew Hamel was heard on team radio saying "we should be going now really" while '
        "Max Verst agreed.",
        "Lew Hamel",
    ),
    (
        'With the red flag out, Lew Hamel was heard on team radio saying "we should be going now really" while '
        'Max Verst agreed, saying, "I think we can definitely race now."',
        "Max Verst",
    ),
    (
        'Tom Brandt opened the meeting.\n\n"It is the whole game here," Jo Bloggs told reporters.',
        "Jo Bloggs",
    ),
    (
        'Some of the plan is "a waste of public money and of time," said Jo Bloggs, a local economist.',
        "Jo Bloggs",
    ),
    ('Tom Brandt said the match "almost felt like a home game for us," after the final.', "Tom Brandt"),
    (
        'When Roe spoke at the rally, he "seized the mood of the whole crowd that day," said Jo Bloggs.',
        "Jo Bloggs",
    ),
    ('So are "a small handful of the usual sponsors" of the event, Jo Bloggs said.', "Jo Bloggs"),
    # A group says what the mayor will do: the group is the source, as printed (GROUPS_AS_SPEAKERS).
    ('Aides say the mayor will "back the plan with the whole council" next week.', "aides"),
    (
        'Jo Doe was fired last week. "Ann Roe broke the rules many times and nothing happened to her. Jo Doe '
        'slipped once and was fired," Kim Harte said, before again claiming that Roe "broke the rules and '
        'nothing ever happened to her."',
        "Kim Harte",
    ),
]


# A dotted abbreviation or acronym inside a mention is part of the phrase, not the end of a sentence; a bare
# abbreviation is never a person.
ABBREVIATIONS_IN_MENTIONS = [
    (
        'Jo Doe spoke.\n\n"We will pursue every lead," said the U.S. Attorney\'s Office.',
        "the U.S. Attorney's Office",
    ),
    (
        'Jo Doe spoke.\n\nAccording to the U.N. refugee agency, "the camps are full."',
        "the U.N. refugee agency",
    ),
    (
        'Jo Doe spoke.\n\n"The roads are closed," said a D.C. fire department spokesman.',
        "a D.C. fire department spokesman",
    ),
    (
        '"The roads are closed," said the St. Kilda harbour master.',
        "the St. Kilda harbour master",
    ),
    ('Jo Doe spoke.\n\n"We will pursue every lead," said the U.S.', "the U.S."),
    ('"We will pursue every lead," said Gov. Mara Quist of St. Kilda.', "Mara Quist"),
    ('Mara Quist spoke.\n\n"We will pursue every lead," said U.N.', "Mara Quist"),
    ('Mara Quist spoke.\n\n"We will pursue every lead," U.S. told reporters.', "Mara Quist"),
]


# A description speaks only when its head is a person, a post, a body, a paper or a channel; a noun phrase that
# cannot speak leaves the quote unattributed rather than giving it to the person in focus.
SPEAKING_HEADS = [
    # A capitalised modifier of a plural head is no person: "Norlander officials", not "Norlander".
    (
        'Mara Quist runs the port.\n\n"We expect the ferry back by Friday," Norlander officials said.',
        "Norlander officials",
    ),
    (
        'Mara Quist runs the port.\n\n"We are reviewing every charge on the bill," an accompanying list of '
        "fees said.",
        None,
    ),
    (
        '"The whole crew did a fantastic job today," a source familiar with the talks said.',
        "a source familiar with the talks",
    ),
    ('"The whole crew did a fantastic job today," the committee chairmen wrote.', "the committee chairmen"),
    (
        '"The whole crew did a fantastic job today," the retired neurosurgeon said.',
        "the retired neurosurgeon",
    ),
    ('"The whole crew did a fantastic job today," the 22-year-old said.', "the 22-year-old"),
    ('Mara Quist runs the port. The latest figures came as the port "expects a record year."', "Mara Quist"),
]


# Statements, posts and tweets are their issuer's words (the possessor, the body a spokesperson speaks for, the
# person who "said in a statement"); papers quoted as a source in their own right stay as printed.
ISSUERS_OF_DOCUMENTS = [
    # The owner of the channel is the phrase after the preposition, never the cut "A post on the group".
    (
        'Hundreds marched.\n\nA post on the group\'s Facebook page said it was "delighted and very grateful".',
        "the group",
    ),
    (
        'Ann Lee was a guide for Orbix, which runs tours. "Ann was a rising star at our firm," the company said '
        "in a statement.",
        "Orbix",
    ),
    (
        "Ann Lee is a professor at Leeds University. Tom Ruiz worked for Orbix for years. "
        '"He was a rising star," the company said.',
        "Orbix",
    ),
    (
        "A couple died in the crash, according to a statement from a rabbi in Leeds.\n\nBo and Ida Lund, and "
        "their children, Zac, Will, and Matt were members at the town's temple, said Rabbi Jon Blake in a "
        'statement posted on Facebook.\n\n"This tragedy hits our whole community very hard," the statement said.',
        "Jon Blake",
    ),
    (
        "Orbix guides led the tour. Orbix spokeswoman Ann Lee confirmed the crash.\n\n"
        '"Our thoughts are with the families," the company\'s statement said.',
        "Orbix",
    ),
    (
        'Orbix guides led the tour. Orbix spokeswoman Ann Lee confirmed the crash.\n\n"Our thoughts are with '
        'the families," the company said.',
        "Orbix",
    ),
    (
        'Jo Roe leads the campaign. Roe spokesman Tom Ruiz declined to comment. "We will win this race '
        'easily," the group said.',
        "the group",
    ),
    (
        "Orbix organised the trip. In a statement, Orbix spokeswoman Ann Lee said the guide was safe.\n\n"
        '"Aboard the flight were nine of our guests," the statement said.',
        "Orbix",
    ),
    (
        "The family were members of the temple, said Rabbi Tom Ruiz in a statement posted on Facebook.\n\n"
        '"This tragedy hits our whole community very hard," the statement said.',
        "Tom Ruiz",
    ),
    (
        'Mayor Tom Ruiz toured the site on Monday. "We will rebuild every single home," his statement said.',
        "Tom Ruiz",
    ),
    (
        'The Green Party opposed the plan. "It will not work at all," a post on the Green Party\'s Facebook '
        "page said.",
        "Green Party",
    ),
    (
        'Mara Quist runs the port. "The defendant knowingly misled investors," the indictment said.',
        "the indictment",
    ),
    # A paper or body opening the sentence owns the words it quotes, whatever its verb.
    (
        "Former Rep. Mara Quist on Tuesday released a long report on school safety. The report, commissioned "
        'after the shooting, recommended trained staff to provide "an important layer of security in schools."',
        "the report",
    ),
    (
        'Mara Quist spoke in Ohio on Monday.\n\nThe ad targets the "corrupt political system that keeps the '
        'rich in place" and ends with a plea.',
        "the ad",
    ),
    # ... a noun that only ends like one for a person ("The remainder includes") is no such body.
    (
        "Acme Bank took a large charge on Monday. Two thirds of it is due to taxes, according to Acme Bank. The "
        'remainder includes the "effects of the new tax system on the deferred assets."',
        "Acme Bank",
    ),
    # ... but an owner's document ("The mayor's message") leaves the speaker to the name that follows.
    (
        "Fire swept the docks overnight.\n\nThe mayor's message was stark: 'This is the darkest day our town "
        "has known in years.'\n\nTom Ruiz, who has led the town since 2019, said the council would help.",
        "Tom Ruiz",
    ),
    # A description that closes the sentence after a comma, when the sentence names nobody before the quote.
    (
        'Mara Quist runs the county. The lack of polling places was "particularly burdensome for the voters" of the poorest '
        "districts, which had fewer places than others and in some cases none at all, the lawsuit alleges.",
        "the lawsuit",
    ),
    # ... but a person the sentence is about keeps the words quoted of them.
    (
        'Tom Ruiz has been "held without charge for many months" by two states since December, the rights group says.',
        "Tom Ruiz",
    ),
    # The past "read" beside a quotation, either side of the document.
    (
        'Mara Quist ran the campaign. "Our revolution has already forced a change of mind," read the email.',
        "the email",
    ),
    (
        'Mara Quist ran the campaign. "Our revolution has already forced a change of mind," the email read.',
        "the email",
    ),
    # A lone "that" names nobody: the person in focus is the speaker.
    (
        'Mara Quist backed the bill. She shared a message from an adviser that read: "Emergencies are not '
        'the place for partisan fights."',
        "Mara Quist",
    ),
]


# A group that speaks with no determiner is the speaker as printed, and no "he" or "she" after it.
GROUPS_AS_SPEAKERS = [
    ('A man was arrested. "He is a serious threat to public safety," police said.', "police"),
    ('A man was arrested. Police said: "He is a serious threat to public safety."', "police"),
    ('A man was arrested. "He is a serious threat to public safety," Varn police said.', "Varn police"),
    (
        'A man was arrested. "He is a serious threat to public safety," local officials said.',
        "local officials",
    ),
    (
        'A man was arrested. "He is a serious threat to public safety," federal prosecutors said.',
        "federal prosecutors",
    ),
    (
        'Mara Quist sat in court. "She is a serious threat to public safety," prosecutors said.\n\nLater she '
        'spoke. "I am innocent of every charge," she said.',
        "Mara Quist",
    ),
    ('A man was arrested. "He is a serious threat to public safety," said police in a statement.', "police"),
    (
        'A man was arrested. According to local officials, he was "a serious threat to public safety."',
        "local officials",
    ),
    # A body named once, then by its kind.
    (
        'The Varn Recording Academy drew fire on Monday. "We recognize that we have work to do," the academy said '
        "in a statement.",
        "Varn Recording Academy",
    ),
    # A definite role is the person in focus, whose roles the article never gave, rather than someone met
    # earlier with that role.
    (
        "Jo Roe played golf with Varn Bank President Al Kim on Friday. On Saturday Roe spoke at length about "
        'the deal.\n\nThe president also said he could see "a quiet sunset over the whole planet."',
        "Jo Roe",
    ),
    # A group named after a person the article knows is about that person, not a body of its own.
    ('Jo Roe ran for mayor. "The race is over," Roe aides said on Monday.', "Jo Roe"),
    # A paragraph ending in a colon with no cue verb introduces its subject's words.
    (
        'Al Wallace was a governor. Tom Lee called him "a fighter to the very end." When Wallace died in 1998, '
        'President Jo Clinton released the following statement:\n\n"We offer our condolences to the family and '
        'friends of Al Wallace."',
        "Jo Clinton",
    ),
    # A possessor, a role and a comma: the name in apposition heads the phrase.
    (
        'Marco Roe campaigned hard. "We are treating it as one long Election Day," said Roe\'s deputy campaign '
        "manager, Rich Beeson, who oversaw the ground game.",
        "Rich Beeson",
    ),
    # After "told" comes the listener, however long the appositive before it.
    (
        'Jo Roe won the state. Al Doe, who was listed on the Roe slate, told POLITICO, "Of the three, I like '
        'Kim Lee the best."',
        "Al Doe",
    ),
    # A name before "has said", and a capitalised cue opening the sentence.
    (
        'Jo Comey spoke.\n\nThe FBI made "a terrible mistake in the check" on the buyer, Comey has said.',
        "Jo Comey",
    ),
    (
        'Jo Comey spoke.\n\nThe FBI erred. Said Comey, "The thought that we erred is very painful to us."',
        "Jo Comey",
    ),
]


# A paper of a body's own findings speaks for the body named before its noun; a paper with no body named stays
# as printed.
AUTHORED_PAPERS = [
    (
        "Taxes rose. A 2010 Varn Research Service report found that lifting the cap would help.\n\n"
        '"If all earnings were taxed, the fund would stay solvent for decades," said the report.',
        "Varn Research Service",
    ),
    (
        'The mayor released a long report on Tuesday.\n\n"Local authorities are in the best position to '
        'decide," the report said.',
        "the report",
    ),
    # A poll stays the poll, whoever ran it.
    (
        'A Varn Policy Institute poll came out on Monday.\n\n"Most voters want the bridge rebuilt soon," the poll '
        "says.",
        "the poll",
    ),
]


# A mention runs from its subject's first word to the cue; what the speaker did on the way, and how, is no
# part of who spoke.
PREDICATE_NOT_SPEAKER = [
    (
        'Jo Roe spoke first. A Chinese official responded by saying "we have no comment on this matter."',
        "a Chinese official",
    ),
    (
        'Jo Roe spoke first. A member of the pit crew calmly said "well held, well held" on the radio.',
        "a member of the pit crew",
    ),
    (
        'Jo Roe spoke first. His office put out a statement saying "the senator will not attend the hearing."',
        "His office",
    ),
    (
        'Jo Roe spoke first. The town released a statement saying the remarks "are based on opinion, not facts."',
        "the town",
    ),
    # An opening adverbial without its comma is no part of the speaker either.
    (
        'Jo Roe spoke first. Immediately after the crash a member of the crew said "we were lucky to get out."',
        "a member of the crew",
    ),
    # A participle before the noun, or one with its agent after it, belongs to the noun.
    ('Jo Roe spoke first. A retired nurse said "we were lucky to get out alive."', "a retired nurse"),
    (
        'Jo Roe won. A fundraising email sent out by the campaign on Tuesday warned: "There are many primaries '
        'ahead of us."',
        "a fundraising email sent out by the campaign",
    ),
]


@pytest.mark.parametrize(
    ("text", "speaker"),
    PREDICATE_NOT_SPEAKER
    + GROUPS_AS_SPEAKERS
    + AUTHORED_PAPERS
    + CUE_VERBS_BOTH_SIDES
    + APPOSITIVES_AND_TITLES
    + NOT_PEOPLE
    + COORDINATED_AND_DOCUMENTS
    + ORGANISATIONS_AND_ROLES
    + PRONOUNS_AND_CONTINUATION
    + PRONOUNS_BY_GENDER
    + RELATIVE_PRONOUNS
    + SUBJECT_IN_FOCUS
    + NAMES_INSIDE_QUOTES
    + ATTRIBUTION_BESIDE_THE_QUOTE_WINS
    + ABBREVIATIONS_IN_MENTIONS
    + SPEAKING_HEADS
    + ISSUERS_OF_DOCUMENTS,
)
def test_attribution(text: str, speaker: str | None) -> None:
    assert _speaker(text) == speaker


@pytest.mark.parametrize(
    ("description", "speaks"),
    [
        ("the latest figures came as the bank", False),
        ("an accompanying list of fees", False),
        ("the confusion over the source of the noise", False),
        ("a spokesman inside the building", True),
        ("their instinctive preference", False),
        ("a source familiar with the talks", True),
        ("the committee chairmen", True),
        ("an Egyptian textbook just published", True),
        ("the 43-year-old", True),
        ("the FBI", True),
        ("the ad then cuts to footage", True),
    ],
)
def test_a_description_speaks_only_through_its_head(description: str, speaks: bool) -> None:
    assert speaking_description(description) is speaks


@pytest.mark.parametrize(
    ("description", "one_person"),
    [
        ("a Trump supporter", True),
        ("the retired neurosurgeon", True),
        ("a source familiar with the talks", True),
        ("the groups", False),
        ("the annual report", False),
        ("the demographics played better to", False),
    ],
)
def test_only_a_description_of_one_person_is_a_referent_of_he_or_she(
    description: str, one_person: bool
) -> None:
    assert names_one_person(description) is one_person


def test_every_document_is_issued_or_a_source() -> None:
    # "the statement said" goes to its issuer, "the indictment said" stays as printed: a document noun of
    # neither class would be resolved by accident.
    assert set(DOCUMENTS) <= ISSUED_DOCUMENTS | SOURCE_DOCUMENTS
    assert not ISSUED_DOCUMENTS & SOURCE_DOCUMENTS


@pytest.mark.parametrize(
    ("mention", "valid"),
    [
        ("the", False),
        ("His", False),
        ("Another", True),
        ("the report", True),
        ("police", True),
        ("Jo Roe", True),
    ],
)
def test_a_lone_article_or_possessive_names_no_one(mention: str, valid: bool) -> None:
    # "which President Jo Roe on Friday declared ...": a stray "the" picked up before the verb is no speaker.
    assert valid_mention(mention) is valid


def test_a_participle_after_the_quote_names_no_speaker() -> None:
    # `"...," promising the club will return to its roots`: the words after the participle are what was meant.
    body = '"It is time we change how we do it," promising the club will return to its roots.'
    assert attribution_after(body, body.index(',"') + 2, len(body)) is None
    body = '"It is time we change how we do it," said Jo Boreing.'
    found = attribution_after(body, body.index(',"') + 2, len(body))
    assert found is not None and found.text == "Jo Boreing"


def test_verbs_joined_by_but_share_the_sentence_subject() -> None:
    # "X did not blame Y but said": the attribution is the sentence's subject, read as printed.
    body = (
        'Tom Vale spoke on Monday. "It was a mistake," he said.\n\nMara Quist did not blame Tom Vale but said '
        'the loss was "a hard blow for the whole town."'
    )
    quote = extract_quotes(body)[-1]
    assert (quote.speaker, quote.speaker_mention) == ("Mara Quist", "Mara Quist")


def test_a_cue_and_colon_after_an_aside_introduce_the_next_quote() -> None:
    # `"..." — a far cry from the comments he made, in which he said: "..."`: the words after the closing mark
    # attribute the next quotation, not the one just closed.
    body = (
        'Tom Vale himself declared that the war is "a war we have to win" — a far cry from the comments he made '
        'on Thursday, in which he said: "Everyone who tried has failed."'
    )
    close = body.index('win"') + 4
    assert attribution_after(body, close, len(body)) is None
    quotes = extract_quotes(body)
    assert quotes[-1].speaker == "Tom Vale"


@pytest.mark.parametrize("verb", ["summarized", "summarised"])
def test_summarized_is_a_cue(verb: str) -> None:
    body = (
        "Another figure, Dan Senor, told reporters the remarks were irresponsible. Tom Vale agreed with him.\n\n"
        f'"It is completely inconsistent with the latest statement," {verb} Senor.'
    )
    assert extract_quotes(body)[-1].speaker == "Dan Senor"
