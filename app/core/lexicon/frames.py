"""Frames of figures: the predicates that say what a number of a news story measures, with their synonyms,
and the words that shape the counted noun phrase.

A frame is the canonical name of what happened to the counted things ("killed", "displaced"); every surface
form that reports it maps to it, so that "evacuated", "forced from their homes" and "fled" group as one
quantity. Forms are lower case and matched on word boundaries; a form may be a phrase.
"""

from __future__ import annotations

import re

_COUNTS = frozenset({"count", "vague"})
_MONEY = frozenset({"money"})
_MEASURES = frozenset({"measure"})
_DURATIONS = frozenset({"duration"})

# Canonical predicate -> (kinds of figure it governs, surface forms). Why each family exists: outlets report
# one quantity with different words, and a figure groups with another only through its frame.
PREDICATES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    # Deaths: the verb, the adjective, the noun and the toll all report one count.
    "killed": (
        _COUNTS,
        (
            "killed",
            "killing",
            "kills",
            "kill",
            "dead",
            "died",
            "dying",
            "death toll",
            # A toll in a disaster story is the death toll, which outlets shorten.
            "toll",
            "deaths",
            "death",
            "fatalities",
            "perished",
            "lost their lives",
            "drowned",
            "slain",
            "murdered",
        ),
    ),
    "injured": (
        _COUNTS,
        (
            "injured",
            "injuring",
            "injuries",
            "wounded",
            "wounding",
            "hurt",
            # The condition of the injured: a subset through its modifier ("critical" -> seriously).
            "in critical condition",
            "in a critical condition",
            "in serious condition",
            "in a serious condition",
        ),
    ),
    # Taken to hospital: a frame of its own for display, but grouped with the injured (see FRAME_ALIASES).
    "hospitalised": (
        _COUNTS,
        (
            "hospitalised",
            "hospitalized",
            "taken to hospital",
            "taken to the hospital",
            "rushed to hospital",
            "admitted to hospital",
            "treated in hospital",
            "in hospital",
            "treated",
        ),
    ),
    # Leaving home under threat, in every register: one quantity.
    "displaced": (
        _COUNTS,
        (
            "displaced",
            "displacing",
            "evacuated",
            "evacuate",
            "evacuating",
            "evacuees",
            # "the displacement of 2.3 million others", "the evacuation of 3,000 residents": the act names the count.
            "displacement",
            "evacuation",
            "fled",
            "flee",
            "fleeing",
            "forced from their homes",
            "driven from their homes",
            "from their homes",
            "forced to leave",
            "homeless",
            "uprooted",
        ),
    ),
    # Border agencies count "apprehensions" where the police count arrests: one quantity.
    "arrested": (
        _COUNTS,
        (
            "arrested",
            "arresting",
            "arrests",
            "detained",
            "detaining",
            "in custody",
            "apprehensions",
            "apprehended",
        ),
    ),
    "missing": (_COUNTS, ("missing", "unaccounted for")),
    # Crimes against a person: "one woman reported being raped", "women sexually assaulted", "90 were groped".
    "assaulted": (
        _COUNTS,
        ("assaulted", "sexually assaulted", "raped", "rapes", "sexual assaults", "groped", "molested"),
    ),
    "rescued": (_COUNTS, ("rescued", "rescuing", "pulled alive")),
    "kidnapped": (_COUNTS, ("kidnapped", "abducted", "taken hostage", "hostages")),
    "released": (_COUNTS, ("released", "freed")),
    "captured": (_COUNTS, ("captured",)),
    "destroyed": (_COUNTS, ("destroyed", "damaged", "flattened")),
    # Homes and fields under water: a count of its own, not the destroyed.
    "flooded": (_COUNTS, ("flooded", "inundated", "submerged", "under water")),
    # What money is about when no noun is counted: the damage, the cost, the offer, the aid, the loot.
    "damage": (_MONEY, ("damage", "damages", "losses")),
    "cost": (_MONEY, ("cost", "costs", "costing", "price tag", "budget")),
    "offer": (
        _MONEY,
        (
            "offer",
            "offered",
            "bid",
            "takeover",
            "buyout",
            "acquisition",
            "deal",
            "price",
            "valued",
            "valuation",
            "value",
            "worth",
        ),
    ),
    # Campaigns and appeals: what was raised and what was spent are two amounts.
    "raised": (_MONEY, ("raised", "raising", "fundraising", "fund-raising", "outraising", "outraised")),
    # Not "spending": as a noun's modifier it names a bill ("the spending package"), not what was spent.
    "spent": (_MONEY, ("spent", "outspent")),
    "aid": (_MONEY, ("aid", "relief", "donations", "donated", "pledged", "funding")),
    "stolen": (_MONEY, ("stole", "stolen", "swindled", "defrauded", "fraud", "scam", "scammed", "embezzled")),
    "bail": (_MONEY, ("bail",)),
    "fined": (_MONEY, ("fined", "fine", "penalty")),
    "rainfall": (_MEASURES, ("rainfall", "rain", "rained", "precipitation")),
    "snowfall": (_MEASURES, ("snowfall", "snow", "snowed")),
    # How far something went, how high and how deep: a missile "flew 2,700 km" and "travelled 1,680 miles", it
    # reached "an altitude of 550 km"; a boy fell "40 metres" into a well "40 metres deep".
    "travelled": (
        _MEASURES,
        (
            "flew",
            "flown",
            "flying",
            "travelled",
            "traveled",
            "travelling",
            "traveling",
            "distance of",
            "distance travelled",
            "distance traveled",
        ),
    ),
    "altitude": (_MEASURES, ("altitude", "apogee", "height of")),
    # What a vehicle lifts or carries: "twice the payload -- 119,000 pounds", "can carry 140,000lb to orbit".
    "payload": (
        _MEASURES,
        ("payload", "cargo", "freight", "carry", "carrying", "carries", "lift", "lifting"),
    ),
    "depth": (_MEASURES, ("deep", "depth")),
    # How far someone or something fell: "the boy fell 10 to 12 feet", "plunged 200 metres into a gorge" (read
    # from FALL_VERBS right before the length, see figures.frames: "the missile fell 230 km west of the island"
    # is a distance from a place). Named "fallen": "fall" is the noun of a change, "a 12% fall in sales".
    "fallen": (_MEASURES, ("distance fallen",)),
    # Courts: a prison term is a duration governed by the sentence.
    "sentenced": (
        _DURATIONS,
        (
            "sentenced",
            "sentence",
            "jailed",
            "jail",
            "in prison",
            "behind bars",
            "prison term",
            "imprisonment",
        ),
    ),
}

# Frames that outlets use for one quantity: the injured of a disaster are reported as "taken to hospital"
# by one outlet and "injured" by the next (the demo event does it). The subset stays apart through its
# modifier ("seriously injured"), not through the frame.
FRAME_ALIASES: dict[str, str] = {"hospitalised": "injured"}

_FORM_TO_FRAME: dict[str, str] = {
    form: FRAME_ALIASES.get(frame, frame) for frame, (_, forms) in PREDICATES.items() for form in forms
}


def frame_of(form: str) -> str | None:
    """The canonical predicate of a surface form ("evacuated" -> "displaced"), or None."""
    return _FORM_TO_FRAME.get(" ".join(form.lower().split()))


def predicate_pattern(kind: str) -> str:
    """One regex alternation of every surface form of the frames that govern figures of ``kind``."""
    forms = {form for kinds, group in PREDICATES.values() if kind in kinds for form in group}
    return "|".join(re.escape(f).replace(r"\ ", "[ ]") for f in sorted(forms, key=len, reverse=True))


def all_forms_pattern() -> str:
    """Every surface form of every frame, longest first (for folding counted phrases onto frames)."""
    return "|".join(re.escape(f).replace(r"\ ", "[ ]") for f in sorted(_FORM_TO_FRAME, key=len, reverse=True))


# Modifiers that make a subset of a frame: "seriously injured" is not the total of the injured.
SUBSET_MODIFIERS: dict[str, str] = {
    "seriously": "seriously",
    "critically": "seriously",
    "severely": "seriously",
    "badly": "seriously",
    "gravely": "seriously",
    "fatally": "seriously",
    "serious": "seriously",
    "critical": "seriously",
    "severe": "seriously",
    "life-threatening": "seriously",
    "lightly": "lightly",
    "slightly": "lightly",
    "minor": "lightly",
    "slight": "lightly",
}

# Nouns (and a noun's modifiers) that end in "-ly" like an adverb: inside a counted phrase they go on with it
# ("two army supply ships", "the 12 family members"), where an adverb ends it ("the two sides previously").
NOUNS_IN_LY = frozenset(
    {
        "ally",
        "anomaly",
        "assembly",
        "belly",
        "bully",
        "butterfly",
        "family",
        "firefly",
        "fly",
        "jelly",
        "lily",
        "monopoly",
        "rally",
        "reply",
        "supply",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "yearly",
        "nightly",
        "elderly",
        "early",
        "only",
        "deadly",
        "friendly",
        "costly",
        "likely",
        "unlikely",
        "lonely",
        "lovely",
        "holy",
        "ugly",
    }
)

# Places whose size is told as "a <place> of 340,000": the number is how many live there (its population).
SETTLEMENT_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "hamlet",
        "nation",
        "country",
        "island",
        "state",
        "region",
        "province",
        "county",
        "district",
        "municipality",
        "community",
        "suburb",
        "metropolis",
        "enclave",
    }
)

# Heads that add nothing to what is counted: "1,400 people killed" counts the killed.
GENERIC_HEADS = frozenset(
    {
        "people",
        "person",
        "persons",
        "individuals",
        "individual",
        "others",
        "residents",
        "inhabitants",
        "lives",
        # "five times", "twice": how often something happened, never what was counted.
        "times",
    }
)

# Modifiers of a counted phrase that do not change the quantity ("the national toll", "the total").
NEUTRAL_MODIFIERS = frozenset(
    {
        "national",
        "official",
        "overall",
        "total",
        "reported",
        "confirmed",
        "estimated",
        "final",
        "latest",
        "new",
        "further",
        "another",
        "more",
        "additional",
        "other",
        "known",
        "recent",
    }
)

# Words around a number that say nothing about what it measures, so two numbers sharing only them are not
# one quantity: ordinal and time words recur beside every number of a story.
CONTEXT_NOISE = frozenset(
    {
        "first",
        "second",
        "third",
        "last",
        "next",
        "year",
        "years",
        "time",
        "times",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "today",
        "yesterday",
        "said",
        "say",
        "says",
        "told",
        "according",
        "also",
        "total",
        "number",
        "percent",
        "cent",
        "per",
        "million",
        "billion",
        "thousand",
        "mr",
        "mrs",
        "ms",
    }
)

# Nouns that name the same thing in different words; the left side is folded onto the right.
# The counted thing of a measure whose frame is a verb or a noun with its "of": the noun that names the
# dimension. "It flew 2,700 km" measures the distance travelled, "a height of 341 miles" a height, "40 metres
# deep" a depth. Each stays in its frame (see PREDICATES and NOUN_SYNONYMS), so the keys do not move.
# What is held again and again and numbered by its edition: "the 129th Rose Parade", "the 90th Academy Awards",
# "the 50th annual marathon". An ordinal before one of these (in capitals too) ranks the edition.
EDITION_NOUNS = frozenset(
    {
        "parade",
        "festival",
        "games",
        "awards",
        "olympics",
        "marathon",
        "summit",
        "congress",
        "convention",
        "anniversary",
        "championship",
        "championships",
        "tournament",
        "cup",
        "open",
        "edition",
        "session",
    }
)
# Words between an ordinal and the edition it ranks: "the 129th annual parade".
EDITION_MODIFIERS = frozenset({"annual", "yearly", "biennial"})

# Verbs of a fall: the length right after one of them is how far something fell ("fell about 12 feet").
FALL_VERBS = ("fell", "fallen", "plunged", "plummeted", "tumbled", "dropped")

MEASURE_DIMENSIONS: dict[str, str] = {
    **dict.fromkeys(
        # Not "distance of": "the distance of the moon from Earth" is no distance travelled.
        ("flew", "flown", "flying", "travelled", "traveled", "travelling", "traveling"),
        "distance travelled",
    ),
    "height of": "height",
    "deep": "depth",
}

NOUN_SYNONYMS: dict[str, str] = {
    # "a height of 341 miles" and "an altitude of 550 km" measure the same thing of a flight.
    "height": "altitude",
    "crop": "harvest",
    "crops": "harvest",
    "harvests": "harvest",
    "kids": "child",
    "youngsters": "child",
    "minors": "child",
    "troops": "soldiers",
    "servicemen": "soldiers",
    "fatalities": "killed",
    "houses": "homes",
    "dwellings": "homes",
    "blaze": "fire",
    # An aircraft's crew is named by its job or by its place on board: "two pilots", "two crew members",
    # "two crewmembers" are the same people in a crash report ("members" alone stays a noun of its own).
    "pilots": "crew",
    "pilot": "crew",
    "crewmembers": "crew",
    "crewmember": "crew",
    "crew-members": "crew",
    "crew-member": "crew",
    "aircrew": "crew",
    # The year something started is told as "dating back to", "beginning in", "starting in", "since": one
    # word for all of them lets the start year of one scheme meet across outlets.
    "dating": "start",
    "dates": "start",
    "began": "start",
    "begin": "start",
    "beginning": "start",
    "begun": "start",
    "started": "start",
    "starting": "start",
    "starts": "start",
    # A nation is a country: "more than 30 nations" and "at least 30 other countries".
    "nations": "countries",
    "nation": "country",
    # What a border is closed with: "55 miles of fencing", "55 miles of barrier", "a wall".
    "fence": "barrier",
    "fences": "barrier",
    "fencing": "barrier",
    "barriers": "barrier",
    "wall": "barrier",
    "walls": "barrier",
    # The objects of a bombing campaign, told by what they looked like or what they were: "a dozen packages",
    # "12 explosive devices", "13 pipe bombs", "parcels".
    "packages": "devices",
    "parcels": "devices",
    "bombs": "devices",
    "explosives": "devices",
    # What a thing broke into: "three pieces", "three parts", "fragments".
    "parts": "pieces",
    "fragments": "pieces",
    "chunks": "pieces",
    # People who crossed a border to stay, in every register: "a million migrants", "1.1 million refugees",
    # "one million asylum seekers" (see NOUN_PHRASE_SYNONYMS).
    "refugees": "migrants",
}

# Synonyms of more than one word, folded before the words are read one by one ("asylum seekers" is neither
# an asylum nor any seeker).
NOUN_PHRASE_SYNONYMS: dict[str, str] = {
    "asylum seekers": "migrants",
    "asylum-seekers": "migrants",
    "asylum seeker": "migrant",
    "asylum-seeker": "migrant",
}

# Plurals the stemmer leaves whole ("children" stays "children"), so that "9 children" meets "a child".
IRREGULAR_PLURALS: dict[str, str] = {
    "children": "child",
    "men": "man",
    "women": "woman",
    "people": "people",
    "geese": "goose",
    "mice": "mouse",
    "feet": "foot",
    "teeth": "tooth",
}

# Words that end or never start a counted noun phrase: articles, prepositions, pronouns, auxiliaries,
# reporting verbs and quantifiers. Reading "1,400 killed in Israel" must stop before "in".
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "with",
        "by",
        "for",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "since",
        "until",
        "while",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "have",
        "has",
        "had",
        "having",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "must",
        "did",
        "do",
        "does",
        "said",
        "says",
        "say",
        "told",
        "reported",
        "according",
        "including",
        "include",
        "includes",
        "among",
        "mostly",
        "mainly",
        "largely",
        "also",
        "already",
        "still",
        "now",
        "then",
        "there",
        "here",
        "as",
        "than",
        "per",
        "far",
        "more",
        "less",
        "most",
        "least",
        "some",
        "many",
        "much",
        "such",
        "just",
        "only",
        "even",
        "when",
        "where",
        "if",
        "not",
        "no",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "they",
        "them",
        "he",
        "she",
        "it",
        "we",
        "you",
        "i",
        "through",
        "across",
        "against",
        "amid",
        "during",
        "within",
        "without",
        "between",
        "toward",
        "towards",
        "via",
        "despite",
        "near",
        "outside",
        "inside",
        "throughout",
        "upon",
        "like",
        "following",
        "past",
        "last",
        "next",
        "ago",
        "each",
        "every",
    ]
)

# Openings of a sentence that turn the story to another incident than the article's own: a wire adds "Meanwhile,
# six people died when a seaplane crashed ..." to a crash report, and that toll is not the event's. What such a
# sentence and the rest of its paragraph count is kept apart from the event's figures (see figures.frames).
OTHER_INCIDENT_OPENING = re.compile(
    r"(?:meanwhile|separately|elsewhere|previously|before[ ]that"
    r"|in[ ](?:a|an|another)[ ](?:(?:separate|unrelated|similar|earlier|other|different|previous)[ ])?"
    r"(?:incident|case|attack|crash|accident|collision|disaster|shooting|explosion|development)s?"
    r"|(?:last|earlier[ ]this)[ ](?:year|month)"
    # "The earlier crash, on Sept. 5, killed two": the subject is another incident than the story's.
    r"|(?:the|an?)[ ](?:earlier|previous|prior|similar|separate|last)[ ]"
    r"(?:incident|case|attack|crash|accident|collision|disaster|shooting|explosion|fire|storm)"
    r"|in[ ](?:19|20)[0-9]{2}"
    # "In September, two passengers were killed ...": news tells its own event by weekday ("on Sunday"); a
    # paragraph that opens on a month is the background.
    r"|in[ ](?:(?:early|late|mid)[ -])?(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)(?:[ ](?:19|20)[0-9]{2})?)\b(?=,|[ ][a-z])",
    re.IGNORECASE,
)

# Nouns of an incident, for "the June 2011 bombing" or "the 2009 floods": an incident named by its date is
# another one than the story's (see figures.incidents).
OTHER_INCIDENT_NOUNS = (
    r"incidents?|attacks?|crash(?:es)?|accidents?|collisions?|disasters?|shootings?|massacres?|explosions?"
    r"|blasts?|bombings?|fires?|blazes?|storms?|hurricanes?|cyclones?|typhoons?|floods?|earthquakes?|quakes?"
    r"|tsunamis?|landslides?|stampedes?|derailments?|rampages?|sieges?|riots?|epidemics?|outbreaks?"
)
# Words that set a number against the event's: "surpassing the 49 killed at ...", "the deadliest since the
# 2009 siege, when 12 died", "the previous record of 30". The number after them is the compared incident's.
OTHER_INCIDENT_COMPARISON = re.compile(
    r"\b(?:surpass(?:ing|ed|es)?|eclips(?:ing|ed|es)|overtak(?:ing|en|es)|overtook|outstripp(?:ing|ed)"
    r"|(?:previous|prior|former|old|earlier)[ ](?:record|high|worst|deadliest|toll|peak)"
    r"|(?:deadliest|worst|bloodiest|biggest|largest|most[ ]deadly)\b[^.;!?]{0,80}?\bsince"
    r"|(?:deadlier|worse|bloodier|bigger|larger)[ ]than)\b",
    re.IGNORECASE,
)

# The last word of a street address or a building's room: "1426 N. Quincy St.", "163 Research Hall", "10 Downing
# Street". A number before a run of capitalised words that ends in one of these is a house or room number.
# Capitalised heads that make an ordinal part of a name ("the 2nd Amendment rights", "the 9th Circuit judges",
# "the 82nd Airborne Division troops"): the ordinal ranks nothing there.
ORDINAL_NAME_HEADS = frozenset(
    {
        "amendment",
        "district",
        "division",
        "circuit",
        "precinct",
        "ward",
        "congress",
        "regiment",
        "battalion",
        "brigade",
        "fleet",
        "army",
        "corps",
        "infantry",
        "airborne",
        "century",
        "parliament",
        "assembly",
        "dynasty",
        "republic",
        "reich",
    }
)
ADDRESS_NOUNS = frozenset(
    {
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "drive",
        "dr",
        "lane",
        "ln",
        "way",
        "place",
        "pl",
        "court",
        "ct",
        "terrace",
        "parkway",
        "pkwy",
        "plaza",
        "square",
        "hall",
        "building",
        "tower",
        "suite",
    }
)

# Nouns a number after them names rather than counts: "on lap 20", "page 5", "Route 66", "Section 230" give
# a position or an identifier, the noun says what it is ("lap"), and the number counts nothing before it.
# Singular only: "laps 20 to 30" is rare, and "a day 300 people" would read a rate as a position.
IDENTIFYING_NOUNS = frozenset(
    {
        "lap",
        "page",
        "round",
        "stage",
        "hole",
        "chapter",
        "article",
        "section",
        "clause",
        "paragraph",
        "flight",
        "bus",
        "room",
        "route",
        "highway",
        "interstate",
        "gate",
        "platform",
        "terminal",
        "pier",
        "berth",
        "exit",
        "junction",
        "level",
        "phase",
        "game",
        "leg",
        "heat",
        "episode",
        "verse",
        "precinct",
        "ward",
        "district",
    }
)

# Verbs that give a standing to the spelled ordinal right after them: "finished second in the league", "came
# third", "ranked fourth". Such an ordinal is a rank even with no noun after it; "safety comes first" is a saying,
# so the present "comes" is left out.
STANDING_VERBS = frozenset({"finish", "finished", "finishes", "came", "placed", "ranked", "ranks", "ran"})

# Verbs of change before "from X to Y": the two numbers are a before and an after ("expanding from seven to eight
# the field", "raised its forecast from 5 to 7"), never one range of values ("from 200 to 300 people").
CHANGE_VERBS_PATTERN = (
    r"ris(?:e|es|en|ing)|rose|fall(?:s|en|ing)?|fell|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)"
    r"|drop(?:s|ped|ping)?|gr(?:ow|ows|ew|own|owing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|declin(?:e|es|ed|ing)"
    r"|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?|expand(?:s|ed|ing)?"
    r"|shr(?:ink|inks|ank|unk|inking)|cut(?:s|ting)?|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)"
    r"|boost(?:s|ed|ing)?|slash(?:es|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|revis(?:e|es|ed|ing)"
    r"|upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|went|go(?:es|ing)?|changed?|moved?|up|down"
)

# Emergency telephone numbers: "called 911", "a 999 call" dial a service, they count nothing.
EMERGENCY_NUMBERS = frozenset({"911", "999", "112"})

# Words that name a software release by its number: "version 2.1", "system update 5.50", "Android 8.1". Such a
# number is a name, not a quantity anyone could disagree about. After a decimal number the release words that
# are also verbs name it too ("the 5.50 update", "the 2.5 release"); before a number they are verbs ("release
# 21 hostages", "build 300 homes").
VERSION_WORDS = frozenset({"version", "update", "firmware", "patch", "ios", "android"})
VERSION_WORDS_AFTER = VERSION_WORDS | {"release", "build"}

# Idioms made of a number word that count nothing a reader could dispute, each as (the number word, the words
# around it that make the idiom): "at one point", "one hell of a season", "think twice", "zero in on", "he
# scores seven points" (the verb, not "scores of people").
# Ordinals that make a compound noun with the word after them and rank nothing: "a third party", "third-party
# apps", "second thoughts", "a second opinion".
ORDINAL_IDIOMS_AFTER: dict[str, frozenset[str]] = {
    "second": frozenset({"hand", "thoughts", "opinion", "nature", "guessing"}),
    "third": frozenset({"party", "parties", "world"}),
}
NUMBER_IDIOMS_AFTER: dict[str, frozenset[str]] = {
    "one": frozenset({"point", "hell", "heck", "bit", "thing", "way", "side", "hand", "another"}),
    "zero": frozenset({"in"}),
    "scores": frozenset(
        {
            "a",
            "an",
            "the",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "his",
            "her",
        }
    ),
}
NUMBER_IDIOMS_BEFORE: dict[str, frozenset[str]] = {
    "twice": frozenset({"think", "thinks", "thinking", "thought"}),
}


# Words that name the event a date belongs to, folded onto one noun per kind of event so that "the blast
# on March 12" and "an explosion ... on March 12" date the same thing.
EVENT_PATTERN = (
    r"\b(?P<event>(?i:explosions?|blasts?|explod(?:ed|es)|blew[ ]up|detonations?|fires?|blazes?|attacks?"
    r"|attacked|assault(?:s|ed)?|raped?|molest(?:ed|ation)|grop(?:ed|ing)|earthquakes?|quakes?|tremors?|crash(?:es|ed)?|floods?|flooding|flooded|storms?"
    r"|hurricanes?|cyclones?|typhoons?|shootings?|collapsed?|elections?|referendums?|war|invasion|invaded"
    r"|ceasefire|truce|strikes?|protests?|riots?|derail(?:ed|ment)|conflict|fighting|offensive|raids?"
    r"|bombings?|bombardment|incursion"
    # Courts, crime and companies date their events too: "arrested on Friday, Oct. 26", "the breach disclosed on".
    r"|arrest(?:ed|s)?|indict(?:ed|ment)|sentenced|sentencing|verdict|convicted|breach(?:es)?|hack(?:ed)?"
    r"|kidnapp(?:ed|ing)|abduct(?:ed|ion)|resign(?:ed|ation)|launch(?:ed)?"
    # Weapons tests are dated apart from launches: "its sixth nuclear test on Sept 3" is no launch date.
    r"|(?:nuclear|atomic|bomb|weapons?)[ ]tests?))\b"
)

EVENT_NOUNS = {
    "blast": "explosion",
    "explod": "explosion",
    "blew up": "explosion",
    "detonation": "explosion",
    "blaze": "fire",
    "attacked": "attack",
    "assault": "attack",
    "assaulted": "attack",
    # Sexual assaults told by their acts are the assault: "groped", "molested", "raped".
    "rape": "attack",
    "raped": "attack",
    "molested": "attack",
    "molestation": "attack",
    "groped": "attack",
    "groping": "attack",
    "quake": "earthquake",
    "tremor": "earthquake",
    "crashe": "crash",
    "crashed": "crash",
    "flooding": "flood",
    "flooded": "flood",
    "hurricane": "storm",
    "cyclone": "storm",
    "typhoon": "storm",
    "collapsed": "collapse",
    "referendum": "election",
    "invaded": "invasion",
    "truce": "ceasefire",
    "derailed": "derailment",
    "arrested": "arrest",
    "arrests": "arrest",
    "indicted": "indictment",
    "indict": "indictment",
    "sentencing": "sentence",
    "sentenced": "sentence",
    "convicted": "verdict",
    "breaches": "breach",
    "hacked": "hack",
    "kidnapped": "kidnapping",
    "kidnapping": "kidnapping",
    "abducted": "kidnapping",
    "abduction": "kidnapping",
    "resigned": "resignation",
    "resign": "resignation",
    "launched": "launch",
    "atomic test": "nuclear test",
    "atomic tests": "nuclear test",
    "nuclear tests": "nuclear test",
    "bomb test": "nuclear test",
    "bomb tests": "nuclear test",
}
