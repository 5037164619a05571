"""Clean pasted or uploaded plain text (and Markdown) into an article body: normalise line endings, drop the
lines that are page chrome rather than article ("3 min read", "Share", photo captions), and keep every sentence.

Dates and the title line are kept: figure extraction marks a dateline as chrome itself, and the text a user
sees must still match what the outlet printed.
"""

from __future__ import annotations

import re

# Whole-line chrome, compared case-insensitively against the stripped line without trailing punctuation.
_CHROME_EXACT = frozenset(
    """share|share this|share this article|share this story|share this page|share article|share on facebook
    |share on twitter|share on x|share on whatsapp|share via email|subscribe|subscribe now|subscribe today
    |sign up|sign up now|sign up for our newsletter|sign up to our newsletter|newsletter|advertisement|advert
    |ad|sponsored|sponsored content|read more|read next|more on this story|related|related articles
    |related stories|related content|live story|live|analysis|listen to this article|listen|print|email
    |copy link|link copied|skip to content|skip to main content|most read|most popular|trending|watch
    |watch live|comments|show comments|view comments|leave a comment|save|bookmark|close|menu|search
    |back to top|follow|follow us|loading|click here|tags|topics|opinion|explainer|breaking|breaking news""".replace(
        "\n", ""
    )
    .replace("    ", "")
    .split("|")
)
_READ_TIME_LINE = re.compile(r"(?i)\A[0-9]{1,3}[ ]*-?[ ]*(?:min|mins|minute|minutes)[ ]+read\Z")
_FOLLOW_LINE = re.compile(r"(?i)\Afollow[ ]+(?:us|@\w+|\w+)[ ]+on\b")
_LINK_LINE = re.compile(r"(?i)\A(?:read[ ]more|also[ ]read|read[ ]also|related|see[ ]also|more|watch)[ ]*:")
_SIGNUP_LINE = re.compile(r"(?i)\A(?:subscribe|sign[ ]up|register|join[ ]our|get[ ]our)\b")
_SIGNUP_WORDS = re.compile(r"(?i)\b(?:newsletter|subscribe|sign[ ]up|inbox|free|today|now|here|updates)\b")
# A caption ends with a bracketed credit ("[Getty]", "[AFP/Getty Images]") or names the photographer.
_CAPTION_CREDIT = re.compile(
    r"\[(?:[^\]\n]{0,40}\b)?(?i:getty|reuters|afp|ap|epa|anadolu|aa|images?|photo|file|pool|handout|via"
    r"|supplied|shutterstock|alamy|pa|x|twitter|social media|screengrab|screenshot|credit)\b[^\]\n]{0,40}\]\Z"
)
_CAPTION_MARKERS = re.compile(
    r"(?i)\A(?:photo|photograph|image|picture|credit|caption)[ ]*:|\((?:photo|image|picture)[ ]+(?:by|:|credit)"
    r"|\|[ ]*(?:getty[ ]images|reuters|afp|ap|epa)\Z"
)
# Stripped line by line with str.rstrip: a `[ ]+$` regex retries every position of a long run of spaces that
# does not end its line, which is quadratic in the run.
_TRAILING_SPACE_CHARS = " \t\u00a0" + "".join(chr(c) for c in range(0x2000, 0x200C)) + "\u3000"
_BLANK_RUNS = re.compile(r"\n{3,}")


def clean_plain_text(text: str) -> str:
    """The article body from pasted or uploaded plain text, page-chrome lines removed, sentences kept."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    kept = [line for line in strip_trailing_space(text).split("\n") if not is_chrome_line(line)]
    return _BLANK_RUNS.sub("\n\n", "\n".join(kept)).strip("\n")


def strip_trailing_space(text: str) -> str:
    """Remove spaces (of every width) at the end of each line, in one linear pass."""
    return "\n".join(line.rstrip(_TRAILING_SPACE_CHARS) for line in text.split("\n"))


def is_chrome_line(line: str) -> bool:
    """True for a line that belongs to the page around the article, not to the article."""
    stripped = line.strip()
    if not stripped:
        return False
    bare = stripped.rstrip(" .:!>»›→").lower()
    if bare in _CHROME_EXACT or _READ_TIME_LINE.match(stripped):
        return True
    words = len(stripped.split())
    if words <= 12 and (_FOLLOW_LINE.match(stripped) or _LINK_LINE.match(stripped)):
        return True
    if words <= 12 and _SIGNUP_LINE.match(stripped) and _SIGNUP_WORDS.search(stripped[4:]):
        return True
    return bool(_CAPTION_CREDIT.search(stripped) or _CAPTION_MARKERS.search(stripped))


# Every pattern below is linear: a construct's inner class excludes its own delimiters (and the next
# construct's opener), so a failed attempt stops at the next delimiter instead of rescanning the line
# ("[" * n, "_a " * n, "**a " * n would otherwise be quadratic).
_FENCE = re.compile(r"^[ ]{0,3}(?:```|~~~).*$", re.MULTILINE)
_HEADING_OPEN = re.compile(r"[ ]{0,3}#{1,6}[ \t]+")
_SETEXT_UNDERLINE = re.compile(r"(?<=\S)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_RULE = re.compile(r"^[ ]{0,3}(?:(?:\*[ ]*){3,}|(?:-[ ]*){3,}|(?:_[ ]*){3,})$", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\[\]\n]*\](?:\([^()\[\]\n]*\)|\[[^\[\]\n]*\])")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\[\]\n]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\[\]\n]+\]:[ \t]+\S.*$\n?", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^<>\s]+)>")
_STRONG = re.compile(r"\*\*(?=[^\s*])([^*\n]+?)(?<=\S)\*\*|__(?=[^\s_])([^_\n]+?)(?<=\S)__")
_EMPHASIS_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])")
_EMPHASIS_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=[^\s~])([^~\n]+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]+)`")
_BLOCKQUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.MULTILINE)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.MULTILINE)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def _heading_text(line: str) -> str:
    """'## Title ##' -> 'Title'; any other line unchanged (a per-line test, not a regex over the text)."""
    opener = _HEADING_OPEN.match(line)
    if opener is None:
        return line
    text = line[opener.end() :].rstrip(" \t")
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1] in " \t"):
        text = closed.rstrip(" \t")
    return text


def strip_markdown(text: str) -> str:
    """Plain text from Markdown: markers of headings, emphasis, quotes and lists removed, links reduced to
    their text, images dropped. Front matter is removed by the caller before this runs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _FENCE.sub("", text)
    text = _REFERENCE_DEFINITION.sub("", text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _SETEXT_UNDERLINE.sub("", text)
    text = _RULE.sub("", text)
    text = "\n".join(_heading_text(line) for line in text.split("\n"))
    text = _BLOCKQUOTE.sub("", text)
    text = _BULLET.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS_STAR.sub(r"\1", text)
    text = _EMPHASIS_UNDERSCORE.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    text = strip_trailing_space(text)
    return _BLANK_RUNS.sub("\n\n", text).strip("\n")
