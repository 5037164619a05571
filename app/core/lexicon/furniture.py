"""Page furniture: the words and line shapes of what a news page prints around an article (captions, credits,
bylines, datelines, share and newsletter boxes, related links), so that no quote, speaker or figure is read
from them. Every list says why it exists; `app/core/furniture.py` holds the logic that uses them.

Patterns here are applied to ONE line at a time and only to a bounded head or tail of it, so each stays linear.
"""

from __future__ import annotations

import re

# Whole lines that are page chrome, compared lower-cased with trailing punctuation and spaces removed. News
# extractors keep the labels of the buttons and boxes around an article; each of these is one of them.
BOILERPLATE_LINES: dict[str, str] = {
    **dict.fromkeys(
        (
            "advertisement",
            "advert",
            "ad",
            "sponsored",
            "sponsored content",
            "advertisement continue reading the main story",
            "continue reading the main story",
            "story continues below advertisement",
            "continue reading below",
            "skip advertisement",
        ),
        "advert",
    ),
    **dict.fromkeys(
        (
            "share",
            "share this",
            "share this article",
            "share this story",
            "share article",
            "email",
            "print",
            "copy link",
            "link copied",
            "comments",
            "show comments",
            "view comments",
            "save",
            "bookmark",
            "tweet",
            "whatsapp",
            "facebook",
            "twitter",
            "pinterest",
            "linkedin",
            "reddit",
            "next",
            "previous",
            "close",
            "menu",
            "back to top",
            "follow",
            "follow us",
        ),
        "share_box",
    ),
    **dict.fromkeys(
        ("subscribe", "subscribe now", "sign up", "newsletter", "newsletter sign up", "sign up now"),
        "newsletter",
    ),
    **dict.fromkeys(
        (
            "read more",
            "read next",
            "related",
            "related articles",
            "related stories",
            "related content",
            "related coverage",
            "more on this story",
            "most read",
            "most popular",
            "more-in",
            "more in",
            "trending",
            "top stories",
            "recommended",
            "you may also like",
            "scroll down for video",
            "watch",
            "video",
            "photos",
            "gallery",
        ),
        "related",
    ),
    **dict.fromkeys(
        (
            "photo",
            "photos",
            "image",
            "picture",
            "caption",
            "hide caption",
            "toggle caption",
            "enlarge this image",
        ),
        "caption",
    ),
    **dict.fromkeys(("listen to this article", "listen", "reading time"), "reading_time"),
}

# A line that OPENS with one of these phrases is chrome of that kind when it is short (the word limit keeps a
# real sentence that happens to start "Read more about ..." out). (pattern, kind, most words of the line,
# whether the line may end like a sentence: a button label never does, "Copyright 2023 X. All rights reserved."
# does, and "Advertisement revenue fell 3%." is a sentence of the story.)
LINE_OPENINGS: tuple[tuple[re.Pattern[str], str, int, bool], ...] = (
    # "Advertisement Continue reading the main story": ad slots and the text that follows them.
    (
        re.compile(r"(?i)advertisement\b|continue[ ]reading\b|story[ ]continues[ ]below\b|sponsored\b"),
        "advert",
        10,
        False,
    ),
    # Share boxes and social buttons: "Read or Share this story: <url>", "Like X on Facebook".
    (
        re.compile(
            r"(?i)(?:read[ ]or[ ])?share[ ](?:this|on|via)\b|click[ ]to[ ]share\b|email[ ]this\b|print[ ]this\b"
            r"|like[ ].{1,40}[ ]on[ ]facebook\b|follow[ ](?:us|@?\w+(?:[ ]\w+){0,3})[ ]on[ ]"
            r"(?:twitter|facebook|instagram|x)\b"
        ),
        "share_box",
        25,
        False,
    ),
    # Newsletter boxes: "Sign up for our newsletter", "Newsletter Sign Up Continue reading ...". Said as a
    # sentence, only with the word "newsletter" in it (see NEWSLETTER_SENTENCE).
    (
        re.compile(
            r"(?i)(?:newsletter[ ])?sign[ ]up\b|subscribe\b|get[ ]our\b.{0,40}newsletter|join[ ]our\b"
        ),
        "newsletter",
        40,
        False,
    ),
    # Related-article lists and links: "READ MORE: <headline>", "Related: <headline>", "MOST READ IN NEWS ...".
    (
        re.compile(
            r"(?i)(?:read[ ]more|read[ ]next|also[ ]read|read[ ]also|related(?:[ ](?:articles?|stories|coverage))?"
            r"|see[ ]also|more|watch|video|most[ ]read|most[ ]popular|more[ ]from|more[ ]in|more-in"
            r"|you[ ]may[ ]also[ ]like|recommended|trending|top[ ]stories|archives)[ ]*[:|»›]"
            r"|most[ ]read[ ]in\b|scroll[ ]down[ ]for\b|archives[ ]archives\b|for[ ]more[ ]\w+(?:[ ]\w+)?[ ]*:"
            r"|related[ ]stories\b|(?-i:Related[ ](?=[A-Z]))|categories[ ]categories\b"
            # Video players: "JUST WATCHED <title> Replay More Videos ...", "CLOSE <title>", "Skip in Skip x Embed".
            r"|just[ ]watched\b|(?-i:CLOSE[ ](?=[A-Z]))|skip[ ]in[ ]skip\b"
        ),
        "related",
        # Boxes of the outlet's most-read stories run long: a headline and its teaser per item.
        120,
        True,
    ),
    # "Listen to this article · 4 min", "Reading time: 3 minutes".
    (
        re.compile(
            r"(?i)listen[ ]to[ ]this[ ]article\b|reading[ ]time\b|[0-9]{1,3}[ ]?-?min(?:ute)?s?[ ]read\b"
        ),
        "reading_time",
        12,
        False,
    ),
    # Corrections and editors' notes are the outlet speaking about the article, not the story.
    (
        re.compile(
            r"(?i)correction[ ]*:|clarification[ ]*:|editor['’]?s[ ]note\b|\[editor['’]?s[ ]note|update[ ]*:[ ]this[ ]"
            r"|an[ ]earlier[ ]version[ ]of[ ]this\b"
            r"|this[ ](?:article|story)[ ](?:has[ ]been|was)[ ](?:updated|corrected|amended)\b"
            r"|this[ ]post[ ]has[ ]been[ ]updated\b|order[ ]reprints\b|a[ ]version[ ]of[ ]this[ ]article[ ]appears\b"
            # A syndicated copy names where it first ran: "This article originally appeared on ...".
            r"|this[ ](?:article|story|post|piece)[ ](?:was[ ])?(?:originally|first)[ ](?:appeared|published|ran)\b"
            r"|(?:read|see|view)[ ]the[ ]original[ ](?:article|story|post)\b|originally[ ]published[ ](?:on|in|at|by)\b"
        ),
        "note",
        80,
        True,
    ),
    # Tip lines and contact boxes: "Contact the writers at ...", "We pay for your stories!".
    (
        re.compile(
            r"(?i)contact[ ](?:the[ ]writers?|the[ ]reporters?|us|the[ ]author)\b|we[ ]pay[ ]for[ ](?:your[ ])?(?:stor|videos|pictures|photos)"
            r"|got[ ]a[ ](?:story|tip)\b|email[ ]us[ ]at\b|send[ ]us[ ]your\b|e-?mail[ ]*:[ ]*\S+@"
            r"|do[ ]you[ ]have[ ]a[ ]story\b|check[ ]us[ ]out[ ]on\b"
        ),
        "contact",
        60,
        True,
    ),
    # A tabloid's advice box flattened into one line: its title, "Here's what to do", then its first item's
    # heading in capitals glued on ("Are you affected? Here's what to do EQUIFAX is contacting ... CHECK YOUR
    # CREDIT SCORE ..."): the box's tips, never the story's text.
    (
        re.compile(
            r"(?:[^.!?\n]{0,80}\?[ ])?(?i:here['’]s[ ](?:what|how)\b)[^.!?\n]{0,40}?[ ][A-Z]{2,}[ ][A-Z]?[a-z]"
        ),
        "contact",
        200,
        True,
    ),
    # Wire credits at the foot of a story: "Reporting by ...; Editing by ...", "Copyright 2017 The Associated
    # Press. All rights reserved."
    (
        re.compile(
            r"(?i)(?:additional[ ])?reporting[ ]by\b|editing[ ]by\b|writing[ ]by\b|compiled[ ]by\b|©"
            r"|copyright[ ]+(?:©[ ]*)?(?:[0-9]{4}|the\b)"
            r"|\(c\)[ ]?[0-9]{4}|all[ ]rights[ ]reserved\b"
        ),
        "credit",
        60,
        True,
    ),
    # "Source: Example Research" under a chart or table.
    (re.compile(r"(?i)source[ ]*:"), "credit", 8, False),
    # Scripts and players that leaked into the text ("window._ads = ...", "Your browser does not support
    # iframes.").
    (
        re.compile(
            r"(?:window|document|var|function)\b[\w.]*[ ]?[=(.{]|(?i:your[ ]browser[ ]does[ ]not[ ]support\b)"
        ),
        "code",
        200,
        True,
    ),
)

# A link to another story closes with its button: "<headline> Read more", "<headline> Continue reading ›".
# Applied to the last 120 characters of a line.
RELATED_AT_END = re.compile(
    r"(?i)\b(?:read[ ]more|continue[ ]reading|read[ ]the[ ]full[ ]story|see[ ]more)[ ]*[»›→>]?\Z"
)

# "Sign up to our morning newsletter." ends like a sentence but is still the box.
NEWSLETTER_SENTENCE = re.compile(
    r"(?i)\A(?:sign[ ]up|subscribe|get[ ](?:our|the|daily)|join[ ]our)\b.{0,80}"
    r"\b(?:newsletters?|e-?mails?|inbox|subscrib\w*)\b"
)

# The form of a newsletter box, printed whole by some extractors: a robot check ("verify you're not a robot"),
# an address check ("invalid email address"), consent ("you agree to receive ...") and thanks. A
# line that opens like a sign-up box and holds its form is the box, however long its pitch for the newsletter.
SIGNUP_FORM = re.compile(
    r"(?i)verify[ ]you(?:['’]re|[ ]are)[ ]not[ ]a[ ]robot\b|invalid[ ]e-?mail[ ]address\b"
    r"|thanks?(?:[ ]you)?[ ]for[ ]subscribing\b|you[ ]must[ ]select[ ]a[ ]newsletter\b"
    r"|you[ ]agree[ ]to[ ]receive[ ](?:occasional[ ])?(?:updates|e-?mails|newsletters|offers)\b"
    r"|you[ ]are[ ]already[ ]subscribed\b"
)

# A newsletter's pitch that ends on its button: "The Morning Digest is our daily newsletter. Don't miss out:
# Subscribe." Applied to the last 120 characters of a line that names a newsletter.
NEWSLETTER_BUTTON_AT_END = re.compile(r"(?-i:Subscribe|Sign[ ][Uu]p)(?:[ ]now)?[ ]*[.!»›→]?[ ]*\Z")
NEWSLETTER_WORD = re.compile(r"(?i)\bnewsletters?\b")

# The page talking to its reader, anywhere in a short line: "Click here to upload yours.", "Read more about the
# report here.", "Like us on Facebook or follow us on Twitter." A link or a button, never the story's text.
READER_PROMPT = re.compile(
    r"(?i)\bclick[ ]here\b|\A(?:read|see|find[ ]out)[ ]more\b[^.!?\n]{0,80}\bhere[ ]*[.!]?[ ]*\Z"
    r"|\blike[ ]us[ ]on[ ]facebook\b|\bfollow[ ]us[ ]on[ ](?:twitter|facebook|instagram|x)\b"
)

# Anywhere in a short line: "NPR's Jo Bloggs contributed to this report.", "All rights reserved."
CREDIT_PHRASES = re.compile(
    r"(?i)contributed[ ](?:reporting[ ])?(?:to[ ]this[ ](?:report|post|story)|from)\b|all[ ]rights[ ]reserved"
    r"|may[ ]not[ ]be[ ]published,[ ]broadcast|can[ ]be[ ]reached[ ]at[ ]\S+@"
)

# Photo and news agencies, and the words pages use for their pictures. They identify a credit ("Jo Roe/AFP",
# "(Getty Images)", "Photo: Reuters") and the caption it hangs on.
AGENCIES = (
    r"Getty(?:[ ]Images)?|GETTY(?:[ ]IMAGES)?|AP(?:[ ]Photo)?|A\.P\.|Associated[ ]Press|AFP|Reuters|REUTERS|EPA(?:-EFE)?"
    r"|PA(?:[ ]Images|[ ]Wire|[ ]Media)?|Press[ ]Association|Shutterstock|Alamy|Rex(?:[ ]Features)?|REX"
    r"|Splash(?:[ ]News)?|Xinhua|Anadolu(?:[ ]Agency)?|Bloomberg|WireImage|FilmMagic|Storyful|Handout|HANDOUT"
    r"|Pool|POOL|Courtesy|Supplied|SUPPLIED|dpa|DPA|KCNA|Yonhap|TASS|Sputnik|EFE|ANSA|NurPhoto|SOPA|ZUMA"
    r"|Zuma(?:[ ]Press)?|Barcroft|Mercury[ ]Press|SWNS|BBC|File|FILE|Instagram|Twitter|Facebook|YouTube"
    r"|Screengrab|screengrab|Screenshot|screenshot|Photo|Photograph|Image|Picture|Video|Photos"
)

# A caption ends with its credit: "(Getty)", "(Jo Roe/AP)", "(AP Photo/Jo Roe)", "(Photo: Jo Roe, WireImage)",
# "[AFP/Getty Images]". Applied to the last 90 characters of a line.
CREDIT_AT_END = re.compile(
    rf"[(\[](?:[^()\[\]\n]{{0,50}}[/,:][ ]?)?(?:{AGENCIES})\b[^()\[\]\n]{{0,50}}[)\]][ ]*\Z"
    rf"|[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,3}}[ ]?/[ ]?(?:{AGENCIES})\b[^/\n]{{0,40}}\Z"
    # "... January 1, 2018. REUTERS/Jo Roe": the agency first, then its photographer.
    rf"|(?<![\w/])(?:{AGENCIES})[ ]?/[ ]?[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,3}}[ ]*\Z"
    rf"|\|[ ]*(?:photo(?:[ ]credit)?[ ]*:[ ]*)?(?:{AGENCIES})\b[^|\n]{{0,40}}\Z"
    # "(Jo Roe/Example Times via AP)", "(Jo Roe/Invision/AP)": a photographer and an outlet in brackets.
    r"|\([A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}[ ]?/[ ]?[A-Z][^()\n]{1,60}\)[ ]*\Z"
    r"|(?i:photo(?:graph)?[ ]credit|photo(?:graph)?|image|picture)[ ]*:[ ]*[A-Z][^.\n]{0,50}\Z"
)

# A caption opens with its credit or with the page's picture words: "Getty Images Jo Roe arrives ...",
# "AP:Associated Press Tensions ...", "Photos: The crash site", "FILE - In this photo ...",
# "Enlarge this image toggle caption ...". Applied to the first 60 characters of a line.
CAPTION_OPENING = re.compile(
    rf"(?:{AGENCIES})(?:[ ]?[:/-][ ]?(?:{AGENCIES}|@\w{{1,30}}))?(?:[ ]?[-–:|][ ]?|[ ])(?=[A-Z\"'‘“])"
    # "Jo Roe / Reuters A man walks past ...": the photographer and the agency, then the caption.
    rf"|[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,3}}[ ]?/[ ]?(?:{AGENCIES})[ ](?=[A-Z\"'‘“])"
    # "3/16 2009 Relatives gather ...": a slide's number in a gallery, then the caption.
    r"|[0-9]{1,3}/[0-9]{1,3}[ ](?:[0-9]{4}[ ])?(?=[A-Z])"
)
CAPTION_MARKERS = re.compile(
    r"(?i)\A(?:photos?|photograph|images?|pictures?|caption|video|gallery)[ ]*:"
    r"|\Afile[ ]*(?:photo)?[ ]*[-–—:]|enlarge[ ]this[ ]image|toggle[ ]caption|hide[ ]caption"
    r"|\bcaption[ ][0-9]+[ ]of[ ][0-9]+|\bimage[ ](?:copyright|caption)\b|\bmedia[ ](?:caption|playback)\b"
    r"|\Aslideshow[ ]\(|\Aenlarge[ ]image\b"
    # A gallery's opening counter and title: "16 show all Afghanistan: Between Hope and Fear".
    r"|\A[0-9]{1,3}[ ]show[ ]all\b"
    # The button of an embedded gallery ("... Play slideshow <credit> 1 of 11 ..."): what the line says is the
    # gallery's title, date and slide counter, never the article's text.
    r"|\b(?:play|view|launch|start)[ ](?:slideshow|gallery)\b"
)

# A tabloid caption opens with a one-to-three-word label and a colon ("Split: Jo Roe and ...", "Out and about:
# ..."), and prints no full stop at its end, whatever sentences it holds.
CAPTION_LABEL = re.compile(r"\A[A-Z][a-z]+(?:[ ][a-z]+){0,2}:[ ](?=[A-Z\"'‘“])")

# Three or more words in capitals opening a line: the headline of a round-up item.
CAPITALS_RUN = re.compile(r"(?:[A-Z0-9][A-Z0-9'’.,:-]*+[ ]){3}")

# The words of a caption describing its picture: a line with one of these and no sentence punctuation is a
# caption ("Jo Roe (pictured left) arrives at court", "Rescuers are seen at the site").
CAPTION_WORDS = re.compile(
    r"(?i)\(pictured\b|\bpictured[ ](?:above|below|left|right|with|in|at|here|on)\b|\bis[ ]pictured\b"
    # "... supermoon. Pictured: The moon rises over ...", "Pictured is a view of ...".
    r"|\bpictured[ ]?:|\Apictured[ ](?:is|are)\b"
    r"|\b(?:is|are)[ ]seen\b|\bposes?[ ]for\b|\bin[ ]this[ ](?:undated[ ]|handout[ ]|file[ ])?(?:photo|picture|image)"
    r"|\b(?:file|undated|handout)[ ](?:photo|picture|image)\b|\bphoto[ ]released\b|\bpictures?[ ]released\b"
    r"|\((?:left|right|centre|center|above|below|top|bottom)(?:[ ]to[ ]\w+)?[),]"
)

# A caption printed as a sentence that says how its picture was got: "The image taken from a video posted by
# ... shows ...", "Some of the girls appear in a photo obtained by CNN." (a line of one short sentence).
PICTURE_SENTENCE = re.compile(
    r"(?i)\A(?:an?|the|this)[ ](?:image|photo(?:graph)?|picture|still|screen[ ]?grab|video[ ]grab)[ ]"
    r"(?:taken|released|provided|obtained|posted|made|grabbed|distributed)[ ](?:from|by|on|in)\b"
    r"|\bin[ ]a[ ](?:photo(?:graph)?|picture|image)[ ](?:obtained|released|provided|taken|distributed)[ ](?:[a-z]+ly[ ])?by\b"
)

# A caption that names the person in the picture: "Jo Bloggs, Transport Commissioner, on the crash",
# "Jo Bloggs, 42, outside the court". A name, a comma and a role or age, and no sentence after it.
CAPTION_PERSON = re.compile(
    r"\A(?:[A-Z][\w.'’-]+[ ]){1,3}[A-Z][\w'’-]+,[ ]"
    r"(?:[A-Z][\w'’-]*(?:[ ][A-Za-z][\w'’-]*){0,5}"
    r"(?:,[ ](?:on|at|in|during|after|before|outside|inside|with|speaking|arrives|leaves|pictured)\b[^,]{0,80})?"
    # An age alone ("Jo Bloggs, 52") is an item of a list of victims or candidates: the picture's setting must
    # follow ("Jo Bloggs, 52, outside the court").
    r"|[0-9]{1,3},[ ](?:on|at|in|during|after|before|outside|inside|with|speaking|arrives|leaves|pictured)\b[^,]{0,80})\Z"
)

# A line that is only a photographer and an agency, or an agency alone: "Jo Roe/Associated Press",
# "Twitter/somebody via Storyful", "jm/dm (AFP, dpa)" (editors' initials and the wires used).
CREDIT_LINE = re.compile(
    rf"\A(?:(?:[A-Z][\w.'’-]*[ ]){{0,3}}[A-Z@][\w.'’-]*[ ]?/[ ]?\S.{{0,60}}"
    rf"|(?:{AGENCIES})(?:[ ]?[/,:-][ ]?(?:{AGENCIES}))*"
    r"|[a-z]{2,4}(?:/[a-z]{2,4})+(?:[ ]\([^()]{1,40}\))?"
    r"|\([A-Z][\w ]{1,40}[ ][0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4}[ ]?page[ ]?\w{1,4}\))\Z"
)

# Bylines: "By Jo Bloggs", "By Jo Bloggs, Reporter", "Written by ...", "Jo Bloggs | Reporter".
BYLINE = re.compile(r"\A(?:(?:written|posted|words|text|story)[ ]+)?(?i:by)[ ]+[A-Z][\w.'’-]+")
# "Jo Bloggs, CTVNews.ca", "Jo Bloggs | Reuters": a name then an outlet or a reporter's role.
BYLINE_ROLE = re.compile(
    r"\A[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+){1,3}[ ]*[,|][ ]*(?:[\w.-]+\.(?:com|ca|co\.uk|org|net|in|au)\b"
    r"|(?:[A-Z][a-z]+[ ]){0,2}"
    r"(?i:reporter|correspondent|editor|writer|contributor|journalist|columnist|staff)\b)"
)

# Month names for the shapes of dates (matched case-sensitively so that "may" the verb is no month).
MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)

# Inline datelines at a paragraph's start: "LONDON —", "ERIE, Pa. (AP) -", "LIMA, Dec 31 (Reuters) -", "(CNN)",
# "Riverton, Ohio (CNN)" (a place in title case is a dateline only with the wire's name after it).
DATELINE_PREFIX = re.compile(
    # "SEOUL/UNITED NATIONS, Aug 30 (Reuters) -", "LONDON, Dec 29 (Thomson Reuters Foundation) -": two places
    # filed from, a wire's name of a few words.
    r"\A(?:[A-Z][A-Z'’./-]{1,}(?:[ ][A-Z][A-Z'’./-]+){0,3}(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2})?"
    rf"(?:,[ ]{MONTHS}[ ][0-9]{{1,2}})?(?:[ ]\([A-Za-z]{{1,12}}(?:[ ][A-Z][A-Za-z]{{1,12}}){{0,3}}\))?[ ]?[—–-]{{1,2}}[ ]?(?=[A-Z\"“‘'])"
    # A reproduced press release: "AGENCY ISSUES ADVISORY FOR TRAVELLERS (October 24, 2017) – The agency ..."
    rf"|[A-Z][A-Z'’.,-]*(?:[ ][A-Z][A-Z'’.,-]*){{0,15}}[ ]\({MONTHS}[ ][0-9]{{1,2}},[ ][0-9]{{4}}\)[ ]?[—–-]{{1,2}}[ ]?"
    # "Velmo, Jan 1 (Reuters) -": a place in title case, the wire's date, then the wire.
    r"|(?:[A-Z][\w.'’-]+(?:[ ][A-Z][\w.'’-]+){0,3}(?:,[ ][A-Z][\w.]+(?:[ ][A-Z][\w.]+){0,2})?"
    rf"(?:,[ ]{MONTHS}[ ][0-9]{{1,2}})?[ ])?"
    r"\((?:AP|Reuters|AFP|CNN|UPI|dpa|Xinhua|IANS|PTI|ANI|Bloomberg|AA|EFE|TASS|CNA)\)(?:[ ]?[—–-]{1,2})?[ ]?)"
)

# Live-blog entries open with the clock time: "12.45 p.m.: Flights were diverted".
TIME_PREFIX = re.compile(
    r"\A(?:[012]?[0-9][:.][0-5][0-9](?:[ ]?[ap]\.?m\.?)?|[01]?[0-9][ ]?[ap]\.?m\.?)(?:[ ][A-Z]{2,4})?[ ]?[:—–-][ ]"
)

# An update or correction stamp opening a paragraph: "Update Nov. 15, 4pm:", "UPDATED 4:15 p.m. ET —",
# "Correction, Nov. 15:". Only the stamp is furniture; what follows is the article's text.
UPDATE_PREFIX = re.compile(
    r"\A(?i:updated?|correction|editor['’]s[ ]note)"
    # "UPDATE - May 30, 10 p.m.:": a dash may part the word from its date.
    r"(?:[ ]?[—–-](?=[ ]))?"
    r"(?:[ ]?,?[ ]?(?:"
    rf"{MONTHS}[ ][0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?[ ][0-9]{{4}})?|[0-9]{{1,2}}[ ]{MONTHS}(?:[ ][0-9]{{4}})?"
    r"|(?i:mon|tues|wednes|thurs|fri|satur|sun)day|[012]?[0-9](?:[:.][0-5][0-9])?[ ]?(?i:[ap]\.?m\.?)"
    r"|[012]?[0-9][:.][0-5][0-9]|(?i:at)|[A-Z]{2,4}T|ET|GMT|BST|UTC))+"
    r"[ ]?[:—–-][ ]"
)

# The tokens of a timestamp or dateline line: dates in their usual shapes, clock times, zones, weekdays and
# the words around them ("Updated", "Published", "3 hours ago"). A short line made only of these is chrome.
DATE_TOKEN = re.compile(
    rf"(?:[0-9]{{1,2}}(?:st|nd|rd|th)?[ ](?:of[ ])?{MONTHS}(?:,?[ ][0-9]{{4}})?"
    rf"|{MONTHS}[ ][0-9]{{1,2}}(?:st|nd|rd|th)?(?:,?[ ][0-9]{{4}})?|{MONTHS}[ ][0-9]{{4}}"
    r"|[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}\.?|[0-9]{1,2}[-./][0-9]{1,2}[-./][0-9]{2,4})(?![\w])"
)
TIME_TOKEN = re.compile(
    r"(?<![\w.])(?:[012]?[0-9][:.][0-5][0-9](?:[:.][0-5][0-9])?(?:[ ]?[ap]\.?m\.?)?|[01]?[0-9][ ]?[ap]\.?m\.?"
    r"|[0-9]{1,3}[ ](?:seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?)[ ]ago"
    # A reading time beside the stamp: "Jan 2, 2018 | 4 min read".
    r"|[0-9]{1,3}[ ]?-?min(?:ute)?s?[ ]read)(?![\w])"
)
# Time zones as news prints them after a clock time: "6 a.m. (2100 GMT)", "4:15 p.m. ET".
TIME_ZONES = frozenset(
    [
        "GMT",
        "UTC",
        "BST",
        "CET",
        "CEST",
        "EST",
        "EDT",
        "ET",
        "PT",
        "PST",
        "PDT",
        "CT",
        "CST",
        "CDT",
        "AEST",
        "AEDT",
        "IST",
        "JST",
        "KST",
        "HKT",
        "SGT",
    ]
)
TIMESTAMP_WORDS = frozenset(
    [
        "updated",
        "update",
        "last",
        "published",
        "posted",
        "modified",
        "first",
        "created",
        "on",
        "at",
        "ago",
        "am",
        "pm",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "est",
        "edt",
        "et",
        "pt",
        "pst",
        "pdt",
        "ct",
        "cst",
        "cdt",
        "aest",
        "aedt",
        "ist",
        "jst",
        "kst",
        "hkt",
        "sgt",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
        "time",
        "date",
        # "Posted Jan 2, 2018 by Jo Roe", "Jo Roe 1/02/18 11:32am Filed to: Markets".
        "by",
        "filed",
        "to",
    ]
)
# Words that make a date line a timestamp (when it was posted) rather than a dateline (the story's date).
TIMESTAMP_MARKERS = frozenset(["updated", "update", "published", "posted", "modified", "ago"])

# Web addresses: a short line that carries one is a link box, a share box or a site's footer.
# (Literal anchors only: a run of word characters before them would make the search quadratic on a long token.)
URL = re.compile(r"(?i)https?://|www\.|\.(?:com|co\.uk|org|net)/\S")

# A site's name with a year or domain in a short line: "Daily Planet 2023", "news.example.com".
MASTHEAD_DOMAIN = re.compile(r"(?i)\A\w[\w.-]*\.(?:com|co\.uk|ca|org|net|in|au|tv)\Z")
YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")

# The widget around an embedded post: "Skip Twitter post by @somebody ...", "End of Instagram post".
EMBED_OPENING = re.compile(
    r"(?i)(?:skip|end[ ]of)[ ](?:twitter|instagram|facebook|youtube|tiktok|x)[ ](?:post|content|video)\b"
)

# Posts embedded in an article are signed "— Jo Roe (@joroe) December 27, 2017" (a tweet) or "Posted by Jo
# Roe on Sunday, 31 December 2017" (a Facebook post). Applied to the last 120 characters of a line.
EMBED_SIGNATURE = re.compile(
    rf"[—–-][ ][^—–\n]{{1,60}}\(@\w{{1,30}}\)[ ]*(?:{MONTHS}[ ][0-9]{{1,2}},[ ][0-9]{{4}})?\Z"
    # An embedded Facebook post: "... Posted by Riverside Council on Sunday, 31 December 2017".
    rf"|Posted[ ]by[ ][^\n]{{1,80}}[ ]on[ ](?:[A-Z][a-z]+day,[ ])?(?:[0-9]{{1,2}}[ ]{MONTHS}|{MONTHS}[ ][0-9]{{1,2}}),?[ ][0-9]{{4}}\Z"
)

# The signature of an embedded post anywhere in a line: "— Jo Roe (@joroe) December 27, 2017", "— Jo Roe
# (@joroe) 27 December 2017", a date in the poster's own language ("14 сентября 2017 г."). Matched at each "(@"
# of the line: `EMBED_SIGNER` on the 70 characters before it, `EMBED_DATE` right after its closing bracket.
EMBED_HANDLE = re.compile(r"\(@\w{1,30}\)")
EMBED_SIGNER = re.compile(r"[—–-][ ][^—–\n]{1,60}\Z")
EMBED_DATE = re.compile(
    rf"[ ]*(?:{MONTHS}[ ][0-9]{{1,2}},?[ ][0-9]{{4}}|[0-9]{{1,2}}[ ]\w{{3,12}}\.?,?[ ][0-9]{{4}}(?:[ ]г\.)?)?"
)
# A link to a posted picture or a shortened post link is printed only inside an embedded post.
EMBED_LINK = re.compile(r"(?i)\bpic\.twitter\.com/|\bhttps?://t\.co/")

# A gallery's slide counter: "Hide Caption 3 of 25", "AP 3 of 41 Skip in ...". Two counters of one gallery
# (the same total, consecutive slides) in one line, or one counter after a picture word, make the line a gallery.
SLIDE_COUNTER = re.compile(r"(?<![\w.,])(?P<slide>[0-9]{1,3})[ ]of[ ](?P<total>[0-9]{1,3})(?![\w.,]|,[0-9])")
SLIDE_WORD_BEFORE = re.compile(r"(?i)\b(?:caption|image|photo|picture|slide|gallery|video)[ ]\Z")
# A slide counter glued after the last sentence of a paragraph, with the next slide's caption after it: "... custom
# wallpapers. 1 / 18", "... and beyond. 1 / 22 SONY Spider-Man". From the counter to the line's end is the gallery.
GALLERY_TAIL = re.compile(
    r"(?<=[.!?\"”’])[ ]+(?P<slide>[0-9]{1,3})[ ]?/[ ]?(?P<total>[0-9]{1,3})(?:[ ]+[^.!?\n]{0,80})?\Z"
)

# Social counters beside an article: "1.2K shares", "45 Comments", "Comments (12)", "3,400 views". A short line
# made only of them (and separators) is the page's share box.
COUNTER_TOKEN = re.compile(
    r"(?i)(?<![\w.,])(?:[0-9][0-9.,]*[km]?[ ]?(?:comments?|shares?|likes?|views?|reactions?|retweets?|replies"
    r"|reads?|followers?)|(?:comments?|shares?|likes?|views?|reactions?)[ ]?[:(]?[ ]?[0-9][0-9.,]*[km]?\)?)(?!\w)"
)

# A teaser of another story opens with a kicker in capitals and goes on in sentence case ("BRAIN BUG Ancient
# virus could be ..."). A line with `KICKERS_IN_A_BOX` of them is a box of the outlet's other stories; an article
# line has one at most (a dateline, "NEW YORK (AP) —"). Runs are bounded so the search stays linear.
KICKER = re.compile(r"(?<![\w'’])(?:[A-Z][A-Z0-9'’!?,.:&-]*[ ]){2,8}(?=[A-Z][a-z])")
KICKERS_IN_A_BOX = 3

# Advice boxes under an article on suicide, abuse or crime: "If you or someone you know is struggling, ...",
# "Samaritans can be contacted on ...". The box, not the story.
ADVICE_BOX = re.compile(
    r"(?i)if[ ]you[ ]or[ ](?:someone|anyone)[ ]you[ ]know\b|if[ ]you(?:['’]re|[ ]are)[ ](?:struggling|affected"
    r"|in[ ]crisis|having[ ]thoughts)\b|(?:samaritans|lifeline|helpline|hotline|seelsorge)\b[^.\n]{0,60}"
    r"\b(?:on|at|unter|call)[ ]\+?[0-9]"
)

# A telephone number: groups of digits joined by spaces, slashes, dots or hyphens, written with a leading 0, a
# "+", a bracketed area code or a "1-800"-style prefix ("0800/111 0 111", "0207 782 4368", "+44 20 7946 0000",
# "1-800-273-8255", "(212) 555-0100"). Its digits are never quantities.
PHONE_NUMBER = re.compile(
    r"(?<![\w.,/+-])(?:\+[0-9]{1,3}[ ]|\([0-9]{2,5}\)[ ]?|0[0-9]{2,4}[ /.-]|1-8[0-9]{2}-)"
    r"(?:[0-9]{1,5}[ /.-]?){1,4}[0-9]{2,5}(?!\w|[.,][0-9])"
)

# Marks that open or close a quotation.
QUOTE_MARKS = "\"“”'‘’«»„"

# List bullets and brackets that may open a line of furniture ("• This article was amended on ...",
# "(Reporting by Jo Roe; Editing by Jane Doe)").
BULLETS = "•·▪*–-([ "

# Sentence ends: a line whose last character (closing quotes and brackets aside) is not one of these is no
# sentence of prose, whatever its length.
TERMINAL = frozenset(".!?…")
CLOSERS = "\"'”’“‘)]»› "
# Inside a line: the end of one sentence and the start of the next, and a quoted passage. A caption is one
# sentence and rarely quotes; a paragraph that lost its last full stop still shows these.
SENTENCE_BREAK = re.compile(r"[a-z0-9)][.!?][\"'”’]?[ ]+[\"'“‘]?[A-Z]")
QUOTED = re.compile(r"[\"“][^\"“”\n]{1,300}[\"”]|(?<![\w])['‘][^'‘’\n]{1,300}['’](?![\w])")
# A short line that is an item of a list in the article: "Riverside school: 22 pupils", "Jo Bloggs, 52".
LIST_ITEM = re.compile(r":|,[ ][0-9]")

# Words a sentence does not end with: a line that stops on one was cut in the middle of a paragraph.
RUN_ON_WORDS = frozenset(["a", "an", "the", "and", "or", "but", "of", "to", "with", "from", "that"])
# Lower-case words allowed inside a headline written in title case ("Man of the Year Is Back in Town").
TITLE_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "as",
        "from",
        "with",
        "into",
        "over",
        "after",
        "up",
        "down",
        "off",
        "per",
        "via",
        "vs",
        "v",
        "is",
    ]
)
