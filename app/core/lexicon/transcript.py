"""Word lists for reading a source (a transcript, a press release) and checking quotes against it."""

from __future__ import annotations

# Line labels that end in a colon but name no speaker: the furniture of press releases and briefings.
# Compared casefolded, the whole label.
NOT_SPEAKER_LABELS: frozenset[str] = frozenset(
    {
        "about",
        "audio",
        "background",
        "briefing",
        "contact",
        "contacts",
        "date",
        "editor's note",
        "email",
        "embargo",
        "embargoed",
        "ends",
        "for immediate release",
        "full transcript",
        "interview",
        "location",
        "media contact",
        "media enquiries",
        "media inquiries",
        "note",
        "notes",
        "phone",
        "photo",
        "press conference",
        "press contact",
        "press release",
        "news release",
        "re",
        "remarks",
        "source",
        "speech",
        "statement",
        "subject",
        "summary",
        "tel",
        "time",
        "transcript",
        "update",
        "video",
        "venue",
        "web",
        "website",
        "when",
        "where",
    }
)

# Labels of the people who ask: their turns are questions, not the speakers' words.
QUESTION_LABELS: frozenset[str] = frozenset(
    {
        "q",
        "question",
        "reporter",
        "journalist",
        "unidentified reporter",
        "audience member",
        "audience",
        "interviewer",
    }
)

# Labels of the person who answers when the transcript does not name them ("A:").
ANSWER_LABELS: frozenset[str] = frozenset({"a", "answer"})

# Words that change what a sentence commits the speaker to: "may" -> "will" is the classic misquote.
MODALS: frozenset[str] = frozenset(
    {"may", "might", "could", "can", "will", "would", "shall", "should", "must"}
)

# Words that negate: dropping or adding one reverses the quote ("n't" arrives expanded to "not").
NEGATIONS: frozenset[str] = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor"})

# A quote may drop the conjunction its source sentence opened with ("And we will..." -> "We will...").
DROPPABLE_OPENERS: frozenset[str] = frozenset({"and", "but"})

# Number words printed as digits by some outlets ("forty" / "40"), one word each; longer spelled numbers
# ("two hundred") are rare in quotes and stay words.
NUMBER_WORDS: dict[str, str] = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "thousand": "1000",
}
