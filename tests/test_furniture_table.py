"""Page furniture, one table per family: each row an invented line and the kind it must be marked with (None:
a line of the article, never marked). Each line is judged inside an invented article, between paragraphs of
punctuated prose, because a line's shape only stands out against the prose around it."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import furniture
from app.core.extract import extract_article
from app.core.furniture import FurnitureSpan, furniture_kind, furniture_spans, in_furniture

_BEFORE = (
    "The river burst its banks on Tuesday night, flooding more than 300 homes in the lower town and closing "
    "the main bridge, the council said.\n\n"
    "Residents were moved to the sports hall, where volunteers handed out blankets and hot food until the "
    "early hours of the morning."
)
_AFTER = (
    "Engineers will inspect the bridge on Thursday before deciding whether it can reopen to traffic, a "
    "spokesman for the highways agency said.\n\n"
    "Insurers expect claims to run into millions of pounds, and the town's flood defences will be reviewed "
    "by the end of the year."
)


def _kind_of(line: str) -> str | None:
    """The kind marked on ``line`` in the invented article, or None when no part of it is marked."""
    text = f"{_BEFORE}\n\n{line}\n\n{_AFTER}"
    start = len(_BEFORE) + 2
    end = start + len(line)
    kinds = {span.kind for span in furniture_spans(text) if span.start < end and start < span.end}
    assert len(kinds) <= 1, kinds
    return kinds.pop() if kinds else None


CAPTIONS = [
    ("Jo Bloggs, Transport Commissioner, on the crash", "caption"),
    ("Jo Bloggs, 42, outside the court", "caption"),
    ("A firefighter douses the wreckage on Tuesday (AP Photo/Jane Roe)", "caption"),
    ("Volunteers fill sandbags by the weir (Getty Images)", "caption"),
    ("Rescuers search the rubble of the old mill. Jane Roe/Getty Images", "caption"),
    ("A man walks past the weir in Riverton, January 1, 2018. REUTERS/Jane Roe", "caption"),
    ("The flooded high street | Photo Credit: Reuters", "caption"),
    ("Getty Images Fans gather outside the stadium before kick-off", "caption"),
    ("Reuters A police officer guards the closed bridge", "caption"),
    ("Jo Roe / Reuters A man wades through the flooded market", "caption"),
    ("3/16 2009 Volunteers carry sandbags to the river wall", "caption"),
    ("Enlarge this image toggle caption Jane Roe/AFP Jane Roe/AFP", "caption"),
    ("The mayor (pictured left) visits the scene of the collapse", "caption"),
    ("FILE - In this March 3, 2019, file photo, the bridge is seen from the river.", "caption"),
    ("Photos: The flood in pictures", "caption"),
    ("Image copyright Reuters Image caption The water reached the first floor", "caption"),
    # A tabloid caption: a short label and a colon, sentences, and no full stop at the end.
    (
        "Washed away: The old bridge, built in 1890, gave way on Tuesday. The council had closed it in May",
        "caption",
    ),
    (
        "Volunteers worked through the night on Tuesday. Pictured: Sandbags piled by the weir in the lower town",
        "caption",
    ),
    ("Pictured is the weir at dawn, when the water had reached 300 homes in the lower town", "caption"),
    # A gallery or video carousel flattened into one line: its slide counters give it away.
    (
        "Photos: The flood The river at dawn on Friday, when 300 homes were cut off. Hide Caption 1 of 12 "
        "Photos: The flood Volunteers fill sandbags. Hide Caption 2 of 12",
        "caption",
    ),
    (
        "Flood special | 2:30 The levee gave way at 3 a.m. AP 4 of 9 Skip in Skip x Embed x Share CLOSE "
        "Flood special | 1:10 Roads reopen on Friday. AP 5 of 9",
        "caption",
    ),
    # A sentence opened by its credit and describing its picture.
    (
        "Jo Roe / Reuters A man walks past the flooded market in this undated photo released by the council "
        "on March 3, 2021.",
        "caption",
    ),
    # A gallery's opening counter and title.
    ("16 show all Riverton: A Town Under Water", "caption"),
    # One short sentence that says how its picture was got.
    (
        "The image taken from a March 3, 2021 video posted by the council shows the flooded market.",
        "caption",
    ),
    (
        "Some of the 300 evacuees appear on Friday in Riverton in a photo obtained exclusively by the Gazette.",
        "caption",
    ),
    # An embedded gallery's button line: its title, date and slide counter are no figures of the article.
    (
        "Harbour festivals ranked Sat, June 4, 2022 The best of the summer Play slideshow Jane Roe 1 of 9 9. Regatta",
        "caption",
    ),
]

CREDITS = [
    ("Photo: Reuters", "credit"),
    ("(AP Photo/Jane Roe)", "credit"),
    ("Getty Images", "credit"),
    ("Jane Roe/Associated Press", "credit"),
    ("(Image: Jo Bloggs)", "credit"),
    ("Reporting by Jo Bloggs; Editing by Jane Roe", "credit"),
    ("Copyright 2023 The Example Press. All rights reserved.", "credit"),
    ("The Example Press contributed to this report.", "credit"),
    ("ab/cd (AFP, dpa)", "credit"),
]

BYLINES = [
    ("By Jo Bloggs, Reporter", "byline"),
    ("By JANE ROE and JOHN DOE", "byline"),
    ("Jo Bloggs | Senior Reporter", "byline"),
    ("Jo Bloggs, examplenews.com", "byline"),
]

DATES_AND_TIMES = [
    ("19.10.2023", "dateline"),
    ("October 19, 2023", "dateline"),
    ("Thursday 19 October 2023", "dateline"),
    ("Updated 10:42 GMT", "timestamp"),
    ("Published 3 hours ago", "timestamp"),
    ("Last updated: Monday 23 October 2023, 08:15 BST", "timestamp"),
    ("Example Wire | Updated: 2023-10-19 17:52", "timestamp"),
    ("LONDON (Reuters) - The council said on Monday that the bridge would stay shut.", "dateline"),
    ("RIVERTON, Ohio — Two people were rescued from a car on Tuesday.", "dateline"),
    ("10.45 a.m.: The first boats reached the stranded houses.", "timestamp"),
    ("Riverton, Ohio (CNN) Two people were rescued from a car on Tuesday.", "dateline"),
    ("RIVERTON, Dec 31 (Reuters) - Two people were rescued from a car.", "dateline"),
    ("RIVERTON/SOUTHPORT, Dec 31 (Reuters) - Two people were rescued from a car.", "dateline"),
    ("RIVERTON, Dec 31 (Example Wire Foundation) - Two people were rescued from a car.", "dateline"),
    ("Riverton, Dec 31 (Reuters) - Two people were rescued from a car.", "dateline"),
    ("COUNCIL ISSUES FLOOD WARNING (October 19, 2023) – The council has warned residents.", "dateline"),
    # Bylines with their stamps and reading times, in the shapes outlets print them.
    ("Jo Roe 10/19/23 11:32am Filed to: Weather", "timestamp"),
    ("Posted October 19, 2023 11:32 am by Jo Roe", "timestamp"),
    ("Oct 19, 2023 | 4 min read", "timestamp"),
    ("Jo Roe Oct 19, 2023 4 min read", "timestamp"),
    ("Jo Roe October 19, 2023 12 comments", "timestamp"),
    ("October 19, 2023 | 1.2k shares", "timestamp"),
]

BOXES = [
    # A tabloid's advice box flattened into one line: its title, then its first tip's heading in capitals.
    (
        "Hit by the flood? Here's what to do THE council is writing to every household in the lower town. "
        "CHECK YOUR POLICY Call your insurer within 30 days to claim for damage.",
        "contact",
    ),
    ("This article originally appeared on Riverton Insider. Copyright 2018.", "note"),
    ("Read the original article on Riverton Insider.", "note"),
    ("3 min read", "reading_time"),
    ("Listen to this article · 4 min", "reading_time"),
    ("Share this article", "share_box"),
    ("Share on Facebook", "share_box"),
    ("Follow us on Twitter", "share_box"),
    ("Read or Share this story: https://example.com/a1", "share_box"),
    ("Sign up for our newsletter", "newsletter"),
    ("Get our free morning newsletter delivered to your inbox", "newsletter"),
    # A newsletter box printed whole with its sign-up form: sentences of a pitch, but nobody in the story.
    (
        "Newsletter Sign Up Continue reading the main story Get the Evening Digest Flood news from the valley, "
        "delivered to your inbox every weekday. First verify you're not a robot. Invalid email address: type "
        "it again. You must select a newsletter before you sign up. Sign Up You agree to receive our letters "
        "and the odd offer from the Example Times. Thank you for subscribing.",
        "newsletter",
    ),
    ("The Evening Digest is our daily newsletter for the valley. Don't miss a day: Subscribe.", "newsletter"),
    ("We pay for videos too. Click here to upload yours.", "contact"),
    ("Click here to see the council's flood maps.", "related"),
    ("Read more about the council's flood plan here.", "related"),
    ("Want more? Like us on Facebook.", "related"),
    ("Advertisement", "advert"),
    ("Advertisement Continue reading the main story", "advert"),
    ("Story continues below advertisement", "advert"),
    ("Read more: Storm batters coast as thousands lose power", "related"),
    ("Related: Council defends its flood plan", "related"),
    ("READ MORE: Town counts the cost of the flood", "related"),
    ("Scroll down for video", "related"),
    ("For more flood coverage: https://example.com/floods", "related"),
    # A site's archive box flattened into one line: dates and a label, no sentence.
    ("Archives Select Month March 2019 February 2019 January 2019 December 2018 November 2018", "related"),
    ("The river flooded in March 2019, January 2019, December 2018 and May 2018, the council said", None),
    ("CORRECTION: An earlier version of this story gave the wrong date for the vote.", "note"),
    ("Contact the writer at jo@example.com", "contact"),
    ("The water is up to the doors — Jo Bloggs (@jobloggs) October 19, 2023", "embed"),
    ("Skip Twitter post by @jobloggs The water is up to the doors now", "embed"),
    ("Our hearts go out to every family... Posted by Riverside Council on Sunday, 31 December 2023", "embed"),
    # A post signed with the day before the month, or in the poster's own language.
    ("The water is up to the doors — Jo Bloggs (@jobloggs) 19 October 2023", "embed"),
    ("Das Wasser steigt — Jo Bloggs (@jobloggs) 19 Oktober 2023", "embed"),
    # Two posts flattened into one line, signature after signature.
    (
        "Up to the doors now — Jo Bloggs (@jobloggs) October 19, 2023 Sandbags gone at the depot, stay safe "
        "— Ann Lee (@annlee) October 19, 2023",
        "embed",
    ),
    ("The levee held through the night pic.twitter.com/AbCd1234", "embed"),
    # A box of the outlet's other stories, each teaser opened by a kicker in capitals.
    (
        "more on floods HIGH WATER River bursts its banks again DRY RUN Council tests its new barrier "
        "SAND BAGS Volunteers fill 300 bags in an hour",
        "related",
    ),
    # A link to another story, closed by its button.
    ("River levels: what the new flood maps mean for you. Jo Roe Read more", "related"),
    # Advice boxes printed under a story.
    ("If you or someone you know is struggling, call the helpline on 116 123.", "contact"),
    ("Samaritans can be contacted on 116 123 or by email.", "contact"),
    # A byline's stamp: a name and a role beside the date and the clock time.
    ("Jo Roe Staff Writer 2:45 pm, Jan 2, 2018", "timestamp"),
    # Social counters beside the article.
    ("1.2K shares | 45 comments", "share_box"),
    ("Comments (12)", "share_box"),
    ("JUST WATCHED Flood waters rise in the lower town Replay More Videos ... MUST WATCH", "related"),
    ("MOST READ IN NEWS FLOOD CHAOS Town cut off as river bursts its banks", "related"),
    ("Do you have a story for the Example Online news team? Email us at tips@example.com", "contact"),
    ("Jane Roe contributed from Riverton.", "credit"),
    ("Source: Example Weather Service", "credit"),
    ("window._widgets = window._widgets || []; _widgets.push({ mode: 'thumbs' });", "code"),
    ("This post has been updated.", "note"),
    ("• This article was amended on 4 May 2023 to correct the name of the river.", "note"),
]

MASTHEADS_AND_HEADINGS = [
    ("The Daily Example 2023", "masthead"),
    ("dailyexample.com", "masthead"),
    ("[Flood defences]", "heading"),
    ("RESCUE EFFORTS", "heading"),
    ("What happens next", "heading"),
    ("Town Counts The Cost After Night Of Floods", "heading"),
    ("“We Rebuilt The Bridge In Nine Weeks”", "heading"),
]

# Lines of the article: sentences with numbers, names and commas, short paragraphs, quotations.
BODY = [
    # A picture described inside the story's own paragraph of several sentences stays the story's.
    (
        "The council released a video on Friday. The image taken from the video shows the flooded market, where "
        "300 traders lost their stock.",
        None,
    ),
    ("The storm killed 12 people and left 3,400 homes without power on Tuesday, officials said.", None),
    ("Jo Bloggs, the transport commissioner, said the line would reopen on Friday.", None),
    ("Jo Bloggs, 42, a teacher from the lower town, was among the injured.", None),
    ("He resigned.", None),
    # A sign-up opening without the box's form, and a reader prompt inside a long report, stay article text.
    ("Subscribe to the flood alerts, the council urged on Tuesday, after 3,000 homes lost power.", None),
    (
        "The council said residents who wanted sandbags should click here on its website, a page that crashed "
        "twice on Tuesday as 40,000 people tried to reach it.",
        None,
    ),
    ("No one was hurt.", None),
    ("It was, she said, the worst night of her life.", None),
    ('"We will rebuild," the mayor said.', None),
    ('"We will not back down"', None),
    ("“Nobody saw it coming,” said Jane Roe, who has lived by the river for 30 years.", None),
    ("The council said on 19 October that 1,200 homes were at risk.", None),
    ("By Tuesday evening, more than 500 people had been evacuated.", None),
    ("Share prices of the insurer fell 3% on Monday.", None),
    ("Advertisement revenue at the local paper fell by 10% last year.", None),
    ("Read more about the inquiry in the council's report on Friday.", None),
    ("More than 200 people were hurt, the hospital said.", None),
    ("Photographs of the damage were shared widely online.", None),
    ("Reuters reported that the ship had sunk near the harbour.", None),
    ("Subscribers to the alert service were told to boil their water.", None),
    ("Copyright lawyers said the case would take years.", None),
    ("The newspaper reported:", None),
    ("Riverside school: 22 pupils evacuated", None),
    ("Updated flood maps will be published in 2024, the agency said.", None),
    ("October was the wettest month since 1998.", None),
    ("The line reopened at 10:42 on Monday, three hours late.", None),
    ("Jo Bloggs, 52", None),
    # A statistic that reads like a slide counter, once or twice but never as consecutive slides.
    ("The striker scored 7 of 16 attempts and 3 of 5 penalties in the final.", None),
    ("Bloomberg News reported that the council spent 3 million pounds in this year's photo contest.", None),
    ("The council set up a hotline on Tuesday, and 300 residents called in the first hour.", None),
    ("The talks ran from Oct 2 to Oct 5, officials said.", None),
    ("Residents who want to know more can read more on the council's website.", None),
    # A label that ends in a verb of saying opens speech, never a caption.
    ("Jo Roe tweeted: 'It is 2023 and 300 homes in the lower town are under water again'", None),
    ("The RIVER ROSE fast on Tuesday, and HIGH WATER Warnings were issued for the lower town.", None),
    # An article may name a poster and quote a post in its own sentence.
    (
        "The mayor, Jo Bloggs (@jobloggs), wrote on Tuesday that 300 homes had been cut off by the water.",
        None,
    ),
]


@pytest.mark.parametrize(("line", "kind"), CAPTIONS, ids=[row[0][:40] for row in CAPTIONS])
def test_captions(line: str, kind: str) -> None:
    assert _kind_of(line) == kind


@pytest.mark.parametrize(("line", "kind"), CREDITS, ids=[row[0][:40] for row in CREDITS])
def test_credits(line: str, kind: str) -> None:
    assert _kind_of(line) == kind


@pytest.mark.parametrize(("line", "kind"), BYLINES, ids=[row[0][:40] for row in BYLINES])
def test_bylines(line: str, kind: str) -> None:
    assert _kind_of(line) == kind


@pytest.mark.parametrize(("line", "kind"), DATES_AND_TIMES, ids=[row[0][:40] for row in DATES_AND_TIMES])
def test_datelines_and_timestamps(line: str, kind: str) -> None:
    assert _kind_of(line) == kind


@pytest.mark.parametrize(("line", "kind"), BOXES, ids=[row[0][:40] for row in BOXES])
def test_boxes_and_links(line: str, kind: str) -> None:
    assert _kind_of(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"), MASTHEADS_AND_HEADINGS, ids=[row[0][:40] for row in MASTHEADS_AND_HEADINGS]
)
def test_mastheads_and_headings(line: str, kind: str) -> None:
    assert _kind_of(line) == kind


@pytest.mark.parametrize(("line", "kind"), BODY, ids=[row[0][:40] for row in BODY])
def test_article_lines_are_never_marked(line: str, kind: None) -> None:
    assert _kind_of(line) is kind


def test_an_inline_dateline_marks_only_its_prefix() -> None:
    line = "LONDON (Reuters) - The council said on Monday that the bridge would stay shut."
    text = f"{_BEFORE}\n\n{line}\n\n{_AFTER}"
    [span] = [s for s in furniture_spans(text) if s.kind == "dateline"]
    assert text[span.start : span.end] == "LONDON (Reuters) - "


def test_a_run_of_headlines_is_a_related_box() -> None:
    links = "Council Defends Flood Plan\n\nInsurers Brace For Claims\n\nBridge To Stay Shut Until Spring"
    text = f"{_BEFORE}\n\n{links}\n\n{_AFTER}"
    marked = [text[s.start : s.end] for s in furniture_spans(text) if s.kind == "related"]
    assert marked == [
        "Council Defends Flood Plan",
        "Insurers Brace For Claims",
        "Bridge To Stay Shut Until Spring",
    ]


_SHAPED = "Volunteers stack sandbags along the river wall as the water rises behind them"
_SHAPED_TOO = "A firefighter carries a child through the flooded street towards a waiting boat"


def _kinds_in(text: str, *lines: str) -> list[str | None]:
    spans = furniture_spans(text)
    kinds = []
    for line in lines:
        start = text.index(line)
        kinds.append(furniture_kind(spans, start) if in_furniture(spans, start, start + len(line)) else None)
    return kinds


def test_captions_known_by_shape_alone_need_a_page_that_prints_captions() -> None:
    # Two unpunctuated sentence-length lines between punctuated paragraphs are captions; one alone is more
    # often a paragraph that lost its full stop, and stays.
    both = f"{_BEFORE}\n\n{_SHAPED}\n\n{_AFTER}\n\n{_SHAPED_TOO}\n\nThe river fell by a metre overnight, and the sandbags held."
    assert _kinds_in(both, _SHAPED, _SHAPED_TOO) == ["caption", "caption"]
    assert _kind_of(_SHAPED) is None


def test_an_unpunctuated_line_needs_an_article_that_punctuates() -> None:
    # A text pasted without full stops keeps all its lines.
    loose = "\n\n".join(
        [
            "the river burst its banks on tuesday night flooding more than 300 homes in the lower town and closing",
            _SHAPED,
            "engineers will inspect the bridge on thursday before deciding whether it can reopen to traffic soon",
            _SHAPED_TOO,
            "insurers expect claims to run into millions of pounds and the flood defences will be reviewed soon",
        ]
    )
    assert furniture_spans(loose) == []


def test_a_line_cut_mid_sentence_is_no_caption() -> None:
    cut = "Still, as the engineers started their inspection on Thursday, the water kept rising along the"
    text = f"{_BEFORE}\n\n{_SHAPED}\n\n{cut}\n\n{_AFTER}\n\n{_SHAPED_TOO}\n\nThe river fell by a metre overnight."
    assert _kinds_in(text, _SHAPED, cut, _SHAPED_TOO) == ["caption", None, "caption"]


def test_lines_above_the_first_paragraph_are_headlines_not_links() -> None:
    headline = "River bursts its banks as storm hits the lower town"
    standfirst = "Hundreds of homes flooded and the main bridge closed after a night of rain"
    bullets = "Residents spent the night in the sports hall"
    text = f"{headline}\n\n{standfirst}\n\n{bullets}\n\n{_BEFORE}\n\n{_AFTER}"
    assert _kinds_in(text, headline, standfirst, bullets) == ["heading", "heading", "heading"]


def test_in_furniture_asks_for_the_whole_range() -> None:
    spans = [FurnitureSpan(10, 20, "caption"), FurnitureSpan(30, 40, "byline")]
    assert in_furniture(spans, 12, 18)
    assert in_furniture(spans, 30, 40)
    assert not in_furniture(spans, 18, 22)
    assert not in_furniture(spans, 0, 5)
    assert not in_furniture(spans, 25, 28)
    assert not in_furniture([], 0, 1)
    assert furniture_kind(spans, 35) == "byline"
    assert furniture_kind(spans, 40) is None


def test_no_quote_or_figure_comes_from_furniture() -> None:
    body = (
        f"{_BEFORE}\n\n"
        'Rescuers carry a woman who said "the water came in so fast" to safety (AP Photo/Jane Roe)\n\n'
        "Updated 19.10.2023 10:42 GMT\n\n"
        '"We have never seen the river this high," said Jo Bloggs, the council leader.\n\n'
        f"{_AFTER}"
    )
    extraction = extract_article(body)
    assert [q.text.rstrip(",") for q in extraction.quotes] == ["We have never seen the river this high"]
    spans = furniture_spans(body)
    assert extraction.figures
    assert not any(in_furniture(spans, f.start, f.end) for f in extraction.figures)
    assert any(f.text == "more than 300" for f in extraction.figures)


_LINES = [row[0] for table in (CAPTIONS, CREDITS, BYLINES, DATES_AND_TIMES, BOXES, BODY) for row in table]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), max_size=30),
    st.lists(st.sampled_from(["\n", "\n\n", "\n \n", "  \n"]), min_size=1, max_size=30),
    st.text(alphabet=' abc."“”()|/:-—\n0123456789ABC', max_size=200),
)
def test_spans_lie_in_the_text_and_the_pass_is_linear(
    lines: list[str], breaks: list[str], noise: str
) -> None:
    text = "".join(line + breaks[index % len(breaks)] for index, line in enumerate(lines)) + noise
    judged: list[str] = []
    original = furniture._classify_line

    def counting(line: str, offset: int, **flags: Any) -> tuple[FurnitureSpan | None, str]:
        judged.append(line)
        return original(line, offset, **flags)

    furniture._classify_line = counting  # type: ignore[assignment]
    try:
        spans = furniture_spans(text)
    finally:
        furniture._classify_line = original  # type: ignore[assignment]
    # Every line is judged once, on its own characters only: the work is linear in the text.
    assert len(judged) == sum(1 for line in text.split("\n") if line.strip())
    assert sum(len(line) for line in judged) <= len(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert "\n" not in text[span.start : span.end]
        assert span.kind in furniture.KINDS
        previous_end = span.end


def test_a_pull_quote_repeating_the_articles_quotation_is_a_caption() -> None:
    quote = "'We lost three boats in one night, and nobody came,' "
    body = f"{_BEFORE}\n\n{quote}the harbour master said.\n\n{quote}the 62-year-old harbour master said\n\n{_AFTER}"
    spoken = body.index(quote)
    pulled = body.index(quote, spoken + 1)
    spans = furniture_spans(body)
    assert furniture_kind(spans, spoken) is None
    assert furniture_kind(spans, pulled) == "caption"
    # The same line with no such quotation in the article is the reporter's text.
    alone = f"{_BEFORE}\n\n{quote}the 62-year-old harbour master said\n\n{_AFTER}"
    assert furniture_kind(furniture_spans(alone), alone.index(quote)) is None


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Update Nov. 15, 4pm: The council said two more homes flooded.", "Update Nov. 15, 4pm: "),
        ("Updated 4:15 p.m. ET: The council said two more homes flooded.", "Updated 4:15 p.m. ET: "),
        ("Correction, Nov. 15: An earlier version gave the wrong toll.", "Correction, Nov. 15: "),
        # A dash between the word and its date: the whole stamp, not "UPDATE - " read as a dateline.
        (
            "UPDATE - Nov. 15, 10 p.m.: The council said two more homes flooded.",
            "UPDATE - Nov. 15, 10 p.m.: ",
        ),
        ("Updates to the flood map were made on Nov. 15: two streets.", None),
    ],
)
def test_an_update_stamp_marks_only_its_prefix(line: str, stamp: str | None) -> None:
    text = f"{_BEFORE}\n\n{line}\n\n{_AFTER}"
    marked = [text[s.start : s.end] for s in furniture_spans(text) if s.kind == "timestamp"]
    assert marked == ([stamp] if stamp else [])


def test_a_paragraph_printed_again_is_a_caption_the_second_time() -> None:
    text = f"{_BEFORE}\n\n{_AFTER}\n\n{_AFTER.splitlines()[0]}"
    repeat = text.rindex(_AFTER.splitlines()[0])
    spans = furniture_spans(text)
    assert furniture_kind(spans, repeat) == "caption"
    assert furniture_kind(spans, text.index(_AFTER)) is None


def test_a_paragraph_cut_short_without_its_end_is_a_caption() -> None:
    cut = _AFTER.split(" can reopen")[0]
    text = f"{_BEFORE}\n\n{cut}\n\n{_AFTER}"
    spans = furniture_spans(text)
    assert furniture_kind(spans, text.index(cut)) == "caption"
    assert furniture_kind(spans, text.index(_AFTER)) is None


_CREDITED = [
    "Volunteers fill sandbags by the weir (Getty Images)",
    "A police officer guards the closed bridge (AP Photo/Jane Roe)",
    "The flooded high street on Tuesday morning | Photo Credit: Reuters",
]
_TWO_SENTENCES = "The weir gave way at dawn on Tuesday. The council had warned of the risk for 20 years"


def test_a_page_of_captions_takes_its_unpunctuated_prose_lines_as_captions() -> None:
    # Where a page prints captions without a full stop, a line of two sentences left without one is another
    # caption; on a page without captions it is a paragraph that lost its full stop.
    captioned = "\n\n".join([_BEFORE, *_CREDITED, _AFTER, _TWO_SENTENCES, _AFTER])
    assert _kinds_in(captioned, _TWO_SENTENCES) == ["caption"]
    plain = "\n\n".join([_BEFORE, _AFTER, _TWO_SENTENCES, _AFTER])
    assert _kinds_in(plain, _TWO_SENTENCES) == [None]


def test_a_quoted_post_without_a_full_stop_is_no_caption_on_a_page_of_captions() -> None:
    post = "Jo Roe tweeted: 'It is 2023 and 300 homes in the lower town are under water again, fix the weir"
    captioned = "\n\n".join([_BEFORE, *_CREDITED, _AFTER, post, _AFTER])
    assert _kinds_in(captioned, post) == [None]


def test_teasers_that_close_the_body_link_to_other_stories() -> None:
    # A link's title, a colon and one teaser sentence, twice in a row at the very end: related links.
    teasers = (
        "Orbit Glass One: The fabled headset is real, and it is coming in 2029.\n\n"
        "At the fair, VR is evolving under your nose: Just do not expect wild new worlds."
    )
    text = f"{_BEFORE}\n\n{_AFTER}\n\n{teasers}\n"
    kinds = [span.kind for span in furniture_spans(text) if span.start >= len(_BEFORE) + len(_AFTER)]
    assert kinds == ["related", "related"]
    assert not [f for f in extract_article(text).figures if f.value == 2029 and not f.chrome]


@pytest.mark.parametrize(
    "ending",
    [
        # One such line alone is the article's own sentence; a speaker's label in capitals is a transcript.
        "Orbit Glass One: The fabled headset is real, and it is coming in 2029.",
        "SHAPIRO: Thank you for joining us.\n\nDOE: It was a pleasure to talk to you.",
        # Teaser-shaped lines followed by more prose do not close the body.
        "Orbit Glass One: The headset is real.\n\nVelmo Two: It ships soon.\n\nThe council will meet again.",
    ],
)
def test_a_colon_line_that_does_not_close_the_body_is_text(ending: str) -> None:
    text = f"{_BEFORE}\n\n{_AFTER}\n\n{ending}\n"
    tail = len(_BEFORE) + len(_AFTER)
    assert [span.kind for span in furniture_spans(text) if span.start >= tail] == []


@pytest.mark.parametrize(
    ("line", "tail"),
    [
        ("The council listed the changes, including new flood gates. 1 / 18", "1 / 18"),
        (
            "Take a look at the best new bridges of the year. 1 / 22 Riverton Footbridge",
            "1 / 22 Riverton Footbridge",
        ),
        ("The vote was 3 / 4 in favour, the clerk said.", None),
    ],
)
def test_a_slide_counter_after_the_last_sentence_is_the_gallery(line: str, tail: str | None) -> None:
    text = f"{_BEFORE}\n\n{line}\n\n{_AFTER}"
    marked = [text[s.start : s.end] for s in furniture_spans(text) if s.kind == "caption"]
    assert marked == ([tail] if tail else [])
