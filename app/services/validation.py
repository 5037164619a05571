"""One validation for every entry point (API, form, front matter, CLI, backup restore, URL import).

Each check raises `BadInput` with a sentence; the web layer turns it into a 422, the CLI into a per-file
outcome. Keeping the limits here means the database never sees a NUL byte, an over-long field, a date it
cannot store or a link that is not http(s).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, time
from urllib.parse import SplitResult, urlsplit

from app.services.errors import BadInput, TooLarge

# Column sizes of the schema, stated once; the API's JSON schema repeats them for its documentation.
FIELD_LIMITS: dict[str, int] = {
    "outlet": 200,
    "title": 500,
    "url": 2000,
    "author": 300,
    "domain": 200,
    "event title": 300,
    "event description": 5000,
}
LINK_SCHEMES = ("http", "https")


def has_visible_character(value: str) -> bool:
    """False for text made only of spaces, controls, invisible format characters (zero-width joiners) and
    marks with no letter to sit on (variation selectors, lone accents): it needs a letter, digit,
    punctuation mark or symbol."""
    return any(unicodedata.category(char)[0] in "LNPS" for char in value)


def check_no_control(value: str, what: str) -> None:
    """NUL bytes and other control characters are refused in every metadata field, on both databases."""
    check_encodable(value, f"The {what}")
    for char in value:
        if unicodedata.category(char) == "Cc" and char not in "\t\n\r":
            raise BadInput(f"The {what} contains a control character (U+{ord(char):04X}); remove it.")


def check_encodable(value: str, what: str) -> None:
    """A lone surrogate (JSON can carry `\\udc80`) is not Unicode text: no database or hash can take it."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadInput(
            f"{what} contains an invalid character (a lone surrogate, U+{ord(value[exc.start]):04X}, at "
            f"position {exc.start + 1:,}); send valid UTF-8 text."
        ) from exc


def single_line(value: str | None, what: str, *, required: bool = False) -> str | None:
    """A one-line field: whitespace collapsed, controls refused, length within its limit.

    Empty (or invisible-only) values are None, or a 422 when the field is required.
    """
    text = " ".join((value or "").split())
    check_no_control(text, what)
    if not has_visible_character(text):
        if required:
            raise BadInput(f"The {what} is empty: give the {what} in visible characters.")
        return None
    limit = FIELD_LIMITS[what]
    if len(text) > limit:
        raise BadInput(f"The {what} can have at most {limit:,} characters ({len(text):,} were sent).")
    return text


def multi_line(value: str | None, what: str) -> str:
    text = (value or "").strip()
    check_no_control(text, what)
    limit = FIELD_LIMITS[what]
    if len(text) > limit:
        raise BadInput(f"The {what} can have at most {limit:,} characters ({len(text):,} were sent).")
    return text


def check_url(value: str | None, what: str = "url") -> str | None:
    """An article's address: at most 2,000 characters and http(s) only.

    Other schemes (`javascript:`, `data:`, `file:`) are refused rather than stored, so no page can ever
    turn them into a link; `safe_url` guards rendering of anything stored before this rule.
    """
    url = single_line(value, "url")
    if url is None:
        return None
    parts = split_url(url)
    if parts is None:
        raise BadInput(
            f"The {what} '{url[:60]}' is not a valid address: check the host's brackets and the port "
            "(a number from 0 to 65535)."
        )
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        raise BadInput(f"The {what} must be an http:// or https:// address, not '{url[:60]}'.")
    return url


def safe_url(value: object) -> str | None:
    """The value when it is an http(s) address, otherwise None: the only URLs a template may link to."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if any(unicodedata.category(char) == "Cc" for char in url):
        return None
    parts = split_url(url)
    return url if parts is not None and parts.scheme.lower() in LINK_SCHEMES and parts.netloc else None


def split_url(url: str) -> SplitResult | None:
    """The address's parts, or None when it cannot be read: an unclosed or non-address `[...]` host, or a
    port that is not a number from 0 to 65535 (urlsplit and `.port` raise ValueError for those)."""
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return None
    return parts


def as_utc(value: datetime | date, what: str = "published date") -> datetime:
    """A naive date or time is taken as UTC; an aware one is converted to UTC.

    A time that cannot be expressed in UTC (year 1 with a positive offset, year 9999 with a negative
    one) is a 422, not a database overflow.
    """
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError) as exc:
        raise BadInput(
            f"The {what} {value.isoformat()} is out of range: give a date between the years 1 and 9999."
        ) from exc


def parse_date(value: str | None, what: str = "published date") -> datetime | None:
    """A date typed by a person (form, front matter): ISO-8601 date or time, naive taken as UTC.

    Empty is None; anything else that is not a date is a 422 with the accepted forms.
    """
    text = (value or "").strip()
    if not text:
        return None
    if len(text) > 40:
        raise BadInput(
            f"The {what} is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC unless an offset is given)."
        )
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise BadInput(
            f"The {what} '{text}' is not a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM"
            " (UTC unless an offset such as +02:00 is given)."
        ) from exc
    return as_utc(parsed, what)


def parse_found_date(value: str | None) -> datetime | None:
    """A date found inside a page (HTML meta): taken when it parses, dropped when it does not."""
    try:
        return parse_date(value)
    except BadInput:
        return None


# A figure needs a number, so a body with far more numbers than an article may have figures is a table of data.
# It is refused on this count (one regex pass) before the figure reader spends about a millisecond on each
# number: a run of "1 1 1 ..." at the article limit would otherwise hold a worker for a minute, only to be
# refused for its figures at the end.
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


def check_number_count(body: str, limit: int) -> None:
    """Refuse (TooLarge) a body with more than ``limit`` numbers ("1,200", "09:30" and "3.5" count once)."""
    for count, _ in enumerate(_NUMBER.finditer(body), start=1):
        if count > limit:
            raise TooLarge(
                f"The article has more than {limit:,} numbers; Parallax reads reports, not tables of data "
                "(remove the tables, or send the report's text alone)."
            )


# The page-furniture reader classifies every line (a few tenths of a millisecond each, captions, credits and
# share boxes tried in turn): 50,000 one-letter paragraphs took ten seconds. The corpus's longest report has
# 177 lines; a limit far above any report is counted in one pass first.
MAX_LINES = 5000


def check_line_count(body: str, limit: int = MAX_LINES) -> None:
    """Refuse (TooLarge) a body with more than ``limit`` lines that hold any text."""
    lines = sum(1 for line in body.splitlines() if not line.isspace() and line)
    if lines > limit:
        raise TooLarge(
            f"The article has {lines:,} lines of text; Parallax reads reports with at most {limit:,} (a long "
            "report has a few hundred). Join its lines into paragraphs, or send the report alone."
        )


# libxml2 (under trafilatura and lxml) checks each attribute of a tag against every earlier one, so one tag
# with tens of thousands of distinct attributes costs the square of that: a megabyte of `<p a0=1 a1=1 ...>`
# held a worker for minutes. No page needs more than a few dozen; the tags are read in one pass (quotes
# understood, so a `>` inside a quoted value does not end the tag) and such a page is refused first.
MAX_TAG_ATTRIBUTES = 2000
# trafilatura spends about a tenth to half a millisecond on each element (its cleaning, justext's paragraphs,
# the metadata pass): a megabyte of "<br>" is a quarter of a million of them, minutes of work. A news page
# has a few thousand (the heaviest, tens of thousands of its scripts' "<" included).
MAX_TAGS = 40_000
_TAG_OPEN = re.compile(r"<[A-Za-z][^\s/>]*")
_GAP = re.compile(r"[\s/=]*")  # a stray "=" between attributes is no attribute
_ATTRIBUTE_NAME = re.compile(r"[^\s/>=]+")
_EQUALS = re.compile(r"\s*=\s*")
_UNQUOTED = re.compile(r"[^\s>]*")


def check_html_tags(html: str, limit: int = MAX_TAG_ATTRIBUTES, max_tags: int = MAX_TAGS) -> None:
    """Refuse HTML with more than ``max_tags`` tags (TooLarge) or a tag of more than ``limit`` distinct
    attribute names (BadInput); linear time."""
    size = len(html)
    tags = 0
    # A quote with no partner after it runs to the end of the text: known without searching (which, for
    # every one of many lone quotes, would be a pass over the rest of the text each).
    last_quote = {'"': html.rfind('"'), "'": html.rfind("'")}
    position = 0
    while (tag := _TAG_OPEN.search(html, position)) is not None:
        position = tag.end()
        tags += 1
        if tags > max_tags:
            raise TooLarge(
                f"The HTML has more than {max_tags:,} tags; Parallax reads news pages (a few thousand). "
                "Send the article's own page, or its text."
            )
        names: set[str] = set()
        while position < size:
            position = _GAP.match(html, position).end()  # type: ignore[union-attr]  # matches empty
            if position >= size or html[position] == ">":
                position += 1
                break
            name = _ATTRIBUTE_NAME.match(html, position)
            if name is None:  # cannot happen after the gap (it leaves a name's first character); be sure
                position += 1
                continue
            position = name.end()
            names.add(name.group(0).lower())
            if len(names) > limit:
                raise BadInput(
                    f"The HTML has a <{tag.group(0)[1:40]}> tag with more than {limit:,} attributes; no web "
                    "page needs that many. Send the page's text instead."
                )
            equals = _EQUALS.match(html, position)
            if equals is None:
                continue
            position = equals.end()
            quote = html[position] if position < size else ""
            if quote in ('"', "'"):
                if position >= last_quote[quote]:
                    return  # the value never closes: the rest of the text is inside this one tag
                position = html.index(quote, position + 1) + 1
            else:
                position = _UNQUOTED.match(html, position).end()  # type: ignore[union-attr]  # matches empty
