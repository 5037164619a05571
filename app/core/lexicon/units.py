"""Units of measure and currencies as news prose prints them, each with its canonical unit, the factor to it
and the kind of figure it makes.

Canonical units, one per dimension: lengths in millimetres (so "35mm" stays 35.0 "mm"), masses in kilograms,
areas in square kilometres, speeds in km/h, money in units of its currency, durations in hours (so "three days"
and "72 hours" of mourning are one value; the text as printed keeps the outlet's own unit for the reader).
"""

from __future__ import annotations

HOURS_PER_DAY = 24.0
HOURS_PER_YEAR = 365.25 * HOURS_PER_DAY

# (regex, canonical unit, factor to canonical, kind); tried in order, so longer spellings come first where
# a shorter one is a prefix ("square kilometres" before "kilometres", "km/h" before "km").
UNIT_TABLE: list[tuple[str, str, float, str]] = [
    (r"%", "percent", 1.0, "percent"),
    (r"per[ ]?cent|percent|pc", "percent", 1.0, "percent"),
    (r"percentage[ ]points?", "percentage point", 1.0, "percent"),
    (r"mph|miles[ ](?:an|per)[ ]hour", "km/h", 1.609344, "speed"),
    # Meteors, rockets and winds in seconds: "10 to 30 miles per second", "7.8 km/s", "40 metres per second".
    (r"miles[ ](?:a|per)[ ]second", "km/h", 1.609344 * 3600, "speed"),
    (r"km/s|kilomet(?:re|er)s[ ](?:a|per)[ ]second", "km/h", 3600.0, "speed"),
    (r"m/s|met(?:re|er)s[ ](?:a|per)[ ]second", "km/h", 3.6, "speed"),
    (r"km/h|kph|kmh|kilomet(?:re|er)s[ ](?:an|per)[ ]hour", "km/h", 1.0, "speed"),
    (r"knots?", "km/h", 1.852, "speed"),
    (r"millimet(?:re|er)s?|mm", "mm", 1.0, "measure"),
    (r"centimet(?:re|er)s?|cm", "mm", 10.0, "measure"),
    (r"square[ -]kilomet(?:re|er)s?|sq[ ]?km|km2|km²", "km2", 1.0, "measure"),
    (r"square[ -]miles?|sq[ ]?mi", "km2", 2.589988, "measure"),
    (r"hectares?", "km2", 0.01, "measure"),
    (r"acres?", "km2", 0.004046856, "measure"),
    (r"kilomet(?:re|er)s?|km", "mm", 1e6, "measure"),
    (r"met(?:re|er)s?|m", "mm", 1e3, "measure"),
    (r"miles?", "mm", 1_609_344.0, "measure"),
    (r"feet|foot|ft", "mm", 304.8, "measure"),
    # Sports and American news measure in yards ("a 42-yard field goal") and pounds of weight ("400lb").
    (r"yards?|yds?", "mm", 914.4, "measure"),
    (r"lbs?", "kg", 0.45359237, "measure"),
    (r"inches|inch", "mm", 25.4, "measure"),
    (r"kilograms?|kilos?|kg", "kg", 1.0, "measure"),
    (r"grams?", "kg", 1e-3, "measure"),
    (r"metric[ ]tons?|tonnes?|tons?", "kg", 1e3, "measure"),
    (r"seconds?|secs?", "hour", 1 / 3600, "duration"),
    (r"minutes?|mins?", "hour", 1 / 60, "duration"),
    (r"hours?|hrs?", "hour", 1.0, "duration"),
    (r"days?", "hour", HOURS_PER_DAY, "duration"),
    (r"weeks?", "hour", 7 * HOURS_PER_DAY, "duration"),
    # British English counts two weeks as one word: "in a fortnight" is "in two weeks".
    (r"fortnights?", "hour", 14 * HOURS_PER_DAY, "duration"),
    # Calendar months and years vary; their mean length keeps "six months" equal to "half a year".
    (r"months?", "hour", HOURS_PER_YEAR / 12, "duration"),
    (r"years?", "hour", HOURS_PER_YEAR, "duration"),
    (r"decades?", "hour", 10 * HOURS_PER_YEAR, "duration"),
    # Named foreign pounds first; bare "pounds" is read as sterling: weights in pounds are rare in news
    # about events outside the US.
    (r"egyptian[ ]pounds?", "EGP", 1.0, "money"),
    (r"pounds?(?:[ ]sterling)?|sterling", "GBP", 1.0, "money"),
    # Named dollars before the bare word, which is read as the US dollar.
    (r"australian[ ]dollars?", "AUD", 1.0, "money"),
    (r"canadian[ ]dollars?", "CAD", 1.0, "money"),
    (r"hong[ ]kong[ ]dollars?", "HKD", 1.0, "money"),
    (r"new[ ]zealand[ ]dollars?", "NZD", 1.0, "money"),
    (r"singapore[ ]dollars?", "SGD", 1.0, "money"),
    (r"taiwan(?:ese)?[ ]dollars?", "TWD", 1.0, "money"),
    (r"(?:us[ ])?dollars?", "USD", 1.0, "money"),
    (r"euros?", "EUR", 1.0, "money"),
    (r"yen", "JPY", 1.0, "money"),
    (r"yuan|renminbi", "CNY", 1.0, "money"),
    (r"rupees?", "INR", 1.0, "money"),
    (r"naira", "NGN", 1.0, "money"),
    # Other currencies the wires print in words after the amount ("40 million shekels", "500,000 roubles"); one
    # country's each ("pesos", "dinars" and "dirhams" are several countries' and stay unread).
    (r"(?:new[ ]israeli[ ])?shekels?", "ILS", 1.0, "money"),
    (r"roubles?|rubles?", "RUB", 1.0, "money"),
    (r"liras?|lire", "TRY", 1.0, "money"),
    (r"swiss[ ]francs?", "CHF", 1.0, "money"),
]

# Currency signs and codes printed before the amount.
CURRENCY_SYMBOLS: dict[str, str] = {
    "£": "GBP",
    "$": "USD",
    "us$": "USD",
    # Dollars of other countries, prefixed as their own press prints them.
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "nt$": "TWD",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "gbp": "GBP",
    "usd": "USD",
    "eur": "EUR",
    "egp": "EGP",
    "inr": "INR",
    "jpy": "JPY",
    "aud": "AUD",
    "cad": "CAD",
    "hkd": "HKD",
    "nzd": "NZD",
    "sgd": "SGD",
}
CURRENCY_SIGN_PATTERN = (
    r"US\$|AU?\$|CA?\$|HK\$|NZ\$|S\$|NT\$|USD[ ]?|GBP[ ]?|EUR[ ]?|EGP[ ]?|INR[ ]?|JPY[ ]?"
    r"|AUD[ ]?|CAD[ ]?|HKD[ ]?|NZD[ ]?|SGD[ ]?"
)
CURRENCY_SIGN_CHARS = "£$€¥₹"

# How a normalised duration is shown: the largest unit that divides it into a whole number ("72 h" reads
# "3 days"), so that the reader sees the value the way outlets print it.
DURATION_DISPLAY: tuple[tuple[str, float], ...] = (
    ("year", HOURS_PER_YEAR),
    ("month", HOURS_PER_YEAR / 12),
    ("week", 7 * HOURS_PER_DAY),
    ("day", HOURS_PER_DAY),
    ("hour", 1.0),
    ("minute", 1 / 60),
    ("second", 1 / 3600),
)

# Spans and tallies of a career or a tenure, counted of every person a profile or a sports story names (the
# coach's eight seasons, the quarterback's eight seasons, a rival's three seasons): two outlets' equal count of
# one of these is one quantity only when other words show it is of one subject, never through the noun itself.
CAREER_TALLIES: frozenset[str] = frozenset(
    {"season", "year", "game", "match", "appearance", "start", "cap", "win", "title", "term", "stint", "tour"}
)

# Nouns of a load that is weighed, not paid: "the payload -- 119,000 pounds --", "a cargo of 5,000 pounds". Bare
# "pounds" after one of them is a weight however the article prints its money.
WEIGHT_NOUNS: frozenset[str] = frozenset({"payload", "cargo", "freight", "load", "weight", "thrust"})

# Living things whose size is their weight: "an animal that's over 400 pounds", "the man was 300 pounds", "he's
# 250 pounds". Bare "pounds" said of one of them, with a verb of being between, is a weight, not sterling.
WEIGHED_BEINGS: frozenset[str] = frozenset(
    {"animal", "creature", "beast", "man", "woman", "boy", "girl", "child", "baby", "he", "she"}
)

# People counted as one crowd of an event: the passengers of a flight, the migrants of a year, the protesters of
# a march. Two outlets' counts of one of these nouns are one quantity even when their values differ ("226
# passengers", "more than 200 passengers"), unlike a career's tally ("eight seasons" of two players).
CROWD_NOUNS: frozenset[str] = frozenset(
    {
        "passengers",
        "migrants",
        "refugees",
        "evacuees",
        "protesters",
        "protestors",
        "demonstrators",
        "spectators",
        "attendees",
        "participants",
        "pilgrims",
        "tourists",
        "visitors",
    }
)


# Countries whose money is a "pound" other than sterling, as an article names them. A bare "pounds" whose
# dollar conversion rules out sterling ("30,000 pounds (about $1,680)") is the pound of the country the article
# names (only currencies the units above know).
POUND_COUNTRIES: tuple[tuple[str, str], ...] = ((r"\b(?:Egypt|Egyptians?|Cairo)\b", "EGP"),)
# Dollars a pound sterling has been worth at the least (1.05 in 1985): a conversion far below it is another pound.
STERLING_USD_FLOOR = 0.8
