"""The vocabulary of reported speech: cue verbs, titles and role nouns, organisations and generic speakers.

Each list is what the attribution reader and the speaker canonicaliser look words up in; one place, so a
word added for one job is seen by the other.
"""

from __future__ import annotations

from app.core.lexicon.names import HONORIFICS, OCCUPATION_NOUNS, OFFICE_NOUNS

# Cue verbs of reported speech ("said", "told", "warned"), as a regex alternation; single words are also
# looked up as a set (attribution.VERB_SET).
VERB_WORDS = (
    r"said|says|say|told|tells|tell|added|adds|stated|states|emphasi[sz]ed|emphasi[sz]es|noted|notes|"
    r"warned|warns|urged|urges|insisted|insists|explained|explains|asked|asks|declared|declares|announced|"
    r"announces|wrote|writes|continued|continues|argued|argues|claimed|claims|replied|replies|responded|"
    r"responds|remarked|commented|comments|observed|observes|stressed|stresses|underlined|underscored|"
    r"pointed\s+out|points\s+out|recalled|recalls|acknowledged|admitted|admits|conceded|concluded|"
    r"cautioned|predicted|vowed|vows|promised|suggested|suggests|confirmed|confirms|denied|tweeted|posted|"
    r"shouted|cried|reiterated|reiterates|highlighted|mentioned|indicated|affirmed|assured|called|"
    r"described|branded|dubbed|accused|criticised|criticized|blamed|praised|condemned|hailed|rejected|"
    r"dismissed|saying|adding|telling|writing|quipped|recounted|complained|demanded|testified|remembered|"
    r"remembers|interjected|barked|snapped|retorted|countered|joked|jokes|boasted|bragged|lamented|mused|"
    r"muses|elaborated|reflected|offered|pleaded|repeated|repeats|thundered|proclaimed|alleged|alleges|charged|"
    r"asserted|asserts|"
    r"retaliated|calls|describes|dubs|termed|"
    r"accuses|affirms|assures|blames|complains|concludes|condemns|criticizes|criticises|dismisses|elaborates|"
    r"exclaims|interjects|opines|proclaims|rejects|retorts|scoffs|speculates|threatens|underscores|yells|"
    r"calling|noting|warning|arguing|insisting|claiming|declaring|describing|explaining|urging|asking|accusing|suggesting|joking|promising|vowing|labeling|labelling|branding|dubbing|contended|contends|maintained|maintains|reasoned|speculated|wondered|wonders|whispered|muttered|"
    r"pledged|threatened|acknowledges|concedes|predicts|recounts|yelled|screamed|exclaimed|answered|"
    r"answers|tweets|cautions|counters|quips|laments|boasts|agreed|agrees|objected|protested|scoffed|"
    r"sniped|griped|fumed|raged|gushed|marveled|marvelled|sighed|opined|summed|chimed|interrupted|advised|"
    r"summarized|summarised|summarizes|summarises|"
    r"informed|reminded|emailed|texted|blogged|messaged|emphasised|emphasized|chanted|chants|"
    # What a sign, a post or a statement says ("the banner reads"); the past "read" is too often reading.
    r"reads|"
    # A newspaper or agency quoted as the source of words ("The Times reported the charges "...").
    r"reported|reports"
)
# Multi-word attributions are matched by a regex; single-word verbs by a set lookup per word, which is
# several times faster than one large regex alternation on every sentence.

# Honorifics and role words that may precede a name ("Foreign Minister", "Dr", "FM"). Compared casefolded,
# without a trailing period.
TITLE_WORDS: frozenset[str] = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "ministers",
        "fm",
        "pm",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "interior",
        "finance",
        "health",
        "economy",
        "justice",
        "education",
        "energy",
        "trade",
        "state",
        "general",
        "attorney",
        "mayor",
        "governor",
        "gov",
        "senator",
        "sen",
        "representative",
        "rep",
        "congressman",
        "congresswoman",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "chief",
        "head",
        "director",
        "executive",
        "ceo",
        "chairman",
        "chairwoman",
        "chair",
        "chancellor",
        "ambassador",
        "envoy",
        "commissioner",
        "deputy",
        "acting",
        "former",
        "senior",
        "leader",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sheikh",
        "crown",
        "pope",
        "rev",
        "reverend",
        "father",
        "judge",
        "officer",
        "captain",
        "capt",
        "colonel",
        "col",
        "lieutenant",
        "lt",
        "sergeant",
        "sgt",
        "major",
        "gen",
        "admiral",
        "commander",
        "inspector",
        "detective",
        "councillor",
        "councilor",
        "alderman",
        "speaker",
        "supreme",
        "mp",
        "mep",
        "coach",
        "manager",
        "rabbi",
        "imam",
        "bishop",
        "archbishop",
        "cardinal",
        "superintendent",
        "principal",
        "sheriff",
        "coroner",
        "treasurer",
        "headteacher",
        "headmaster",
        "headmistress",
        "provost",
        "rector",
        "dean",
        "pres",
    }
)
# Every honorific and office of lexicon/names.py is a title too.
TITLE_WORDS |= HONORIFICS | OFFICE_NOUNS

ORG_WORDS = frozenset(
    {
        "ministry",
        "government",
        "army",
        "military",
        "police",
        "office",
        "council",
        "agency",
        "department",
        "authority",
        "authorities",
        "committee",
        "commission",
        "company",
        "group",
        "party",
        "union",
        "court",
        "administration",
        "embassy",
        "kremlin",
        "organisation",
        "organization",
        "movement",
        "federation",
        "service",
        "services",
        "forces",
        "force",
        "bank",
        "hospital",
        "university",
        "foundation",
        "association",
        "board",
        "parliament",
        "cabinet",
        "presidency",
        "statement",
        "spokesperson's",
        "firm",
        "airline",
        "carrier",
        "network",
        "team",
        "club",
        "campaign",
        "coalition",
        "alliance",
        "institute",
        "centre",
        "center",
        # Bodies a story names once and then by their kind: "the academy said", "the league said".
        "academy",
        "bureau",
        "society",
        "league",
        "school",
        "college",
        "district",
        "church",
        "museum",
        "zoo",
        "aquarium",
        "regulator",
        "watchdog",
        "tribunal",
        "exchange",
        # Local government speaks as its place: "the city said in a statement", "The town released a statement".
        "city",
        "town",
        "county",
        "village",
        "municipality",
    }
)
# Words that close an organisation's proper name, by the common noun a later "the <noun> said" uses for it:
# "Acme Corp" is "the company", "Northern Airways" "the airline". The noun itself (and its plural) always
# counts ("Vale Bank", "Norland Airlines"), so only the abbreviations and synonyms need listing.
ORG_NAME_ENDINGS: dict[str, frozenset[str]] = {
    "company": frozenset({"corp", "corporation", "co", "inc", "ltd", "plc", "llc", "group", "holdings"}),
    "firm": frozenset({"corp", "corporation", "co", "inc", "ltd", "plc", "llc", "group", "holdings"}),
    "airline": frozenset({"airways"}),
}
# Common nouns for a body that say only what kind of body it is ("the company said", "the firm's statement"):
# when no earlier name closes with the noun, they stand for the body whose voice the article quoted.
GENERIC_BODY_NOUNS = frozenset(
    {"company", "firm", "business", "group", "organisation", "organization", "charity", "operator", "startup"}
)
# Role nouns that make an appositive introduce a person ("Karl Weiss, the head of the port authority,").
ROLE_NOUNS = TITLE_WORDS | frozenset(
    {
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "witness",
        "resident",
        "analyst",
        "expert",
        "researcher",
        "doctor",
        "nurse",
        "teacher",
        "worker",
        "student",
        "owner",
        "member",
        "founder",
        "lawyer",
        "economist",
        "activist",
        "author",
        "journalist",
        "correspondent",
        "diplomat",
        "negotiator",
        "adviser",
        "advisor",
        "aide",
        "mother",
        "father",
        "farmer",
        "engineer",
        "scientist",
        "historian",
        "lecturer",
        "partner",
        "president",
        "candidate",
        "survivor",
        "victim",
        "master",
        "envoy",
        "pilot",
        "coach",
        "captain",
        "driver",
        # People named by what they do or won ("added the four-times champion").
        "champion",
        "player",
        "star",
        "spokesperson",
        # Everyday roles that open a sentence capitalised before a name ("Parent Rachel Kim", "Regular
        # Shauna Kelly") and are never part of the name.
        "parent",
        "regular",
        "fan",
        "commuter",
        "neighbour",
        "neighbor",
        "shopper",
        "customer",
        "passenger",
        "voter",
        "volunteer",
        "campaigner",
        "organiser",
        "organizer",
        "landlord",
        "tenant",
        "homeowner",
        "pensioner",
        "retiree",
        "veteran",
        "firefighter",
        "paramedic",
        "trustee",
        "pupil",
        "shopkeeper",
        "delegate",
        "guard",
        "soldier",
        "fisherman",
        "mechanic",
        "chef",
        "waiter",
        "waitress",
        "cashier",
        "janitor",
        "lifeguard",
        "ranger",
        "midfielder",
        "striker",
        "goalkeeper",
        "defender",
        "winger",
        "jockey",
        "referee",
        "umpire",
        "actor",
        "actress",
        "producer",
        "poet",
        "novelist",
        "artist",
        "photographer",
        "designer",
        "architect",
        "entrepreneur",
        "investor",
        "trader",
        "banker",
        "accountant",
        "consultant",
        "strategist",
        "pollster",
        "lobbyist",
        "prosecutor",
        "defendant",
        "plaintiff",
        "juror",
        "inmate",
        "prisoner",
        "refugee",
        "migrant",
        "protester",
        "demonstrator",
        "presenter",
        "reporter",
        "editor",
        "columnist",
        "surgeon",
        "physician",
        "pharmacist",
        "dentist",
        "midwife",
        "therapist",
        "psychologist",
        "epidemiologist",
        "virologist",
        "biologist",
        "chemist",
        "physicist",
        "geologist",
        "seismologist",
        "meteorologist",
        "climatologist",
        "astronomer",
        "archaeologist",
        "hydrologist",
        "toxicologist",
        "curator",
        "librarian",
        "lawmaker",
        "legislator",
        "councilman",
        "councilwoman",
        "assemblyman",
        "assemblywoman",
        "regulator",
        "trooper",
        "medic",
        "rescuer",
        "astronaut",
    }
)
# Occupations printed as a title before a name (lexicon/names.py) are roles too.
ROLE_NOUNS |= OCCUPATION_NOUNS

# Titles and name suffixes written short with a period ("Gov.", "Jr."): the period does not end a sentence.
SHORT_TITLES = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Gov",
    "Sen",
    "Sens",
    "Rep",
    "Reps",
    "St",
    "Jr",
    "Sr",
    "Lt",
    "Col",
    "Gen",
    "Capt",
    "Sgt",
    "Prof",
    "Rev",
    "Ft",
    "Mt",
    "Adm",
    "Cmdr",
    "Maj",
    "Supt",
    "Det",
    "Hon",
    "Atty",
    "Insp",
    "Cpl",
    "Pvt",
    "Pres",
)

# Documents named with their author ("a statement from the ministry said", "a lawsuit filed by the city"); "the
# statement" later in the article quotes the same author. Each is also either an ISSUED_DOCUMENTS (its issuer
# speaks) or a SOURCE_DOCUMENTS (it speaks as printed), below.
DOCUMENTS = (
    "statement",
    "post",
    "letter",
    "release",
    "notice",
    "message",
    "memo",
    "filing",
    "email",
    "tweet",
    # Court and official papers quoted as sources ("the indictment says", "a lawsuit filed by the city").
    "indictment",
    "lawsuit",
    "complaint",
    "affidavit",
    "ruling",
    "report",
)

# Channels a person or body speaks through: "Trump's account tweeted" quotes Trump, not "the account".
CHANNELS = frozenset({"account", "feed", "page", "handle", "website", "blog", "channel", "timeline"})

# Roles that speak for someone else: "the spokesman said" after "Trump said" is the spokesman, not Trump, so
# such a definite role never refers back to the person just named (an introduced spokesman is found by role).
VOICE_ROLES = frozenset(
    {
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
        "official",
        "source",
        "staffer",
        "adviser",
        "advisor",
    }
)

# Plural or generic nouns that open a sentence capitalised but name nobody ("Officials said").
GENERIC_SPEAKERS = frozenset(
    {
        "officials",
        "critics",
        "residents",
        "witnesses",
        "experts",
        "analysts",
        "sources",
        "observers",
        "protesters",
        "activists",
        "diplomats",
        "doctors",
        "locals",
        "people",
        "others",
        "many",
        "some",
        "someone",
        "everyone",
        "aides",
        "advisers",
        "advisors",
        "allies",
        "supporters",
        "staffers",
        "lawmakers",
        "voters",
        "democrats",
        "republicans",
        "conservatives",
        "liberals",
        "organizers",
        "organisers",
        "investigators",
        "prosecutors",
        "police",
        "authorities",
        "scientists",
        "researchers",
    }
)


# Groups that speak as a body with no determiner ("police said", "Lagos police said", "federal prosecutors
# said"): the group as printed is the speaker. Not the pronoun-like "many", "some", "others", "people": they
# name nobody.
GROUP_SPEAKERS = (
    GENERIC_SPEAKERS
    - {"many", "some", "someone", "everyone", "others", "people"}
    # A party or a camp ("Republicans said") is mostly the subject of what its leaders say, not a speaker.
    - {"democrats", "republicans", "conservatives", "liberals"}
) | frozenset(
    {
        "officers",
        "firefighters",
        "rescuers",
        "paramedics",
        "regulators",
        "lawyers",
        "attorneys",
        "economists",
        "forecasters",
        "meteorologists",
        "troops",
        "soldiers",
        "medics",
        "relatives",
        "neighbours",
        "neighbors",
    }
)
# Lowercase modifiers of such a group ("local police", "senior officials"), capitalised only when they open a
# sentence: shown lowercase.
GROUP_MODIFIERS = frozenset(
    {
        "local",
        "federal",
        "state",
        "senior",
        "top",
        "other",
        "several",
        "two",
        "three",
        "many",
        "some",
        "city",
        "county",
        "military",
        "government",
        "security",
        "health",
        "hospital",
        "rescue",
        "police",
        "border",
        "election",
        "party",
        "campaign",
        "administration",
        "company",
        "school",
        "court",
        "defense",
        "defence",
    }
)


# Role words that name the same position ("the port chief" for "the head of the port authority").
ROLE_SYNONYMS = {
    "chief": "head",
    "boss": "head",
    "leader": "head",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "fm": "foreign",
    "pm": "prime",
}


# People named by what they are rather than by a post ("one man", "a friend", "the front-runner"): a
# description with such a head can speak, like one with a role noun (ROLE_NOUNS holds the posts).
PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "person",
        "boy",
        "girl",
        "child",
        "teenager",
        "friend",
        "relative",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "parents",
        "family",
        "user",
        "commenter",
        "poster",
        "attendee",
        "participant",
        "supporter",
        "opponent",
        "critic",
        "employee",
        "guide",
        "contractor",
        "intern",
        "colleague",
        "insider",
        "confidant",
        "host",
        "narrator",
        "crowd",
        "audience",
        "nominee",
        "front-runner",
        "frontrunner",
        "challenger",
        "incumbent",
        "mogul",
        "tycoon",
        "businessman",
        "businesswoman",
        "billionaire",
        "millionaire",
        "writer",
        "impostor",
        "spectator",
        "onlooker",
        "bystander",
        "local",
        "native",
        "veteran",
        "operative",
        "source",
        "attendant",
        "priest",
        "imam",
        "pastor",
        "monk",
        "nun",
        "activist",
        "protester",
        "organiser",
        "organizer",
        "demonstrator",
        "shopper",
        "diner",
        "traveller",
        "traveler",
        "tourist",
        "guest",
        "visitor",
        "viewer",
        "reader",
        "listener",
        "caller",
        "neighbour",
        "neighbor",
        "community",
        "heavyweight",
        "voice",
        "voice-over",
    }
)

# Papers and outlets quoted as a source in their own right ("the editorial said", "the poll found", "the
# newspaper reported"): the description is the speaker as printed, never the person who wrote it.
SOURCE_DOCUMENTS = frozenset(
    {
        "indictment",
        "lawsuit",
        "suit",
        "complaint",
        "affidavit",
        "ruling",
        "report",
        "filing",
        "poll",
        "survey",
        "study",
        "analysis",
        "editorial",
        "column",
        "article",
        "piece",
        "newspaper",
        "paper",
        "tabloid",
        "outlet",
        "magazine",
        "website",
        "ad",
        "advert",
        "advertisement",
        "transcript",
        "readout",
        "cable",
        "document",
        "documents",
        "records",
        "opinion",
        "summary",
        "memo",
        "order",
        "verdict",
        "warrant",
        "charges",
        "petition",
        "note",
        "sign",
        "banner",
        "headline",
        "caption",
        "book",
        "textbook",
        "letter",
        "copy",
        "version",
        "draft",
        "passage",
        "excerpt",
        "memoir",
    }
)

# Documents a person or body issues to speak ("the company's statement", "in a tweet", "a post on the
# group's page"): whoever issued one is the speaker, not the paper itself.
# Papers a body writes as its own findings ("a Congressional Research Service report", "an Acme Institute
# study"): the body named before the noun is their author, and a later "the report said" quotes it. Not a
# poll or a survey: "the poll found" stays the poll (PolNeAR's annotators give the poll, not the pollster).
AUTHORED_DOCUMENTS = frozenset({"report", "study", "analysis", "audit", "review", "assessment"})
ISSUED_DOCUMENTS = frozenset(
    {"statement", "post", "release", "notice", "message", "email", "tweet", "video", "speech"}
)

# Every noun that can head a speaker's description: a post, a person, a body, a paper or a channel. A noun
# phrase headed by anything else ("the latest figures", "an accompanying list of fees") says nothing.
SPEAKING_NOUNS = (
    ROLE_NOUNS
    | frozenset(ROLE_SYNONYMS)
    | PERSON_NOUNS
    | ORG_WORDS
    | frozenset(DOCUMENTS)
    | SOURCE_DOCUMENTS
    | ISSUED_DOCUMENTS
    | CHANNELS
    | GENERIC_SPEAKERS
    | VOICE_ROLES
)


# Role words that say whether the person is a man or a woman ("Acme spokeswoman Jo Roe"): what a later "he" or
# "she" can refer to when the given name does not tell ("Jesse", "Jamie", "Robin").
ROLE_GENDER = {
    **dict.fromkeys(
        (
            "spokesman",
            "chairman",
            "congressman",
            "assemblyman",
            "councilman",
            "alderman",
            "businessman",
            "sportsman",
            "policeman",
            "fireman",
            "actor",
            "king",
            "prince",
            "father",
            "husband",
            "son",
            "brother",
            "uncle",
            "nephew",
            "grandfather",
            "boyfriend",
            "widower",
            "monk",
            "priest",
        ),
        "m",
    ),
    **dict.fromkeys(
        (
            "spokeswoman",
            "chairwoman",
            "congresswoman",
            "assemblywoman",
            "councilwoman",
            "businesswoman",
            "sportswoman",
            "policewoman",
            "actress",
            "queen",
            "princess",
            "mother",
            "wife",
            "daughter",
            "sister",
            "aunt",
            "niece",
            "grandmother",
            "girlfriend",
            "widow",
            "nun",
            "headmistress",
        ),
        "f",
    ),
}
