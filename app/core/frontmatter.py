"""Front matter: the `---` block of `key: value` lines that may open an imported or uploaded file."""

from __future__ import annotations

import re

_BLOCK = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
# The value is taken whole and stripped in Python: `\s*(.*?)\s*$` retries a long run of spaces inside a
# value from each of its positions (quadratic).
_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_ -]*):(.*)")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split `text` into its front-matter fields (lower-case keys) and the rest.

    Text without a front-matter block comes back whole with no fields. Values may be quoted.
    """
    match = _BLOCK.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        found = _LINE.match(line.strip())
        if found:
            key = found.group(1).strip().lower().replace(" ", "_").replace("-", "_")
            value = found.group(2).strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[key] = value
    return fields, text[match.end() :].lstrip("\r\n")
