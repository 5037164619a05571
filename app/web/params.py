"""Query parameters shared by pages and the API, parsed in one place by FastAPI's typed `Query`.

Typed parsing means a value like `²` (which `str.isdigit()` accepts and `int()` refuses) is a 422 with a
sentence naming the parameter, never a 500. An empty value (`?_page=`) means the parameter was not given.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import Query
from pydantic import BeforeValidator, Field

from app.services.errors import BadInput
from app.services.queries import MAX_ID


def _blank_is_none(value: object) -> object:
    return None if value == "" else value


def _blanks_dropped(value: object) -> object:
    return [v for v in value if v != ""] if isinstance(value, list) else value


RowId = Annotated[int, Field(ge=1, le=MAX_ID)]
PageNo = Annotated[int, Field(ge=1, le=100_000)]
IdList = Annotated[list[RowId], BeforeValidator(_blanks_dropped)]


def page_number(
    page: Annotated[
        PageNo | None,
        BeforeValidator(_blank_is_none),
        Query(alias="_page", description="page number, from 1"),
    ] = None,
) -> int:
    return page or 1


def open_statement(
    statement: Annotated[
        RowId | None,
        BeforeValidator(_blank_is_none),
        Query(alias="_statement", description="the statement whose variants are open"),
    ] = None,
) -> int | None:
    return statement


def figure_group(
    group: Annotated[
        RowId | None,
        BeforeValidator(_blank_is_none),
        Query(alias="_group", description="show this figure group alone (a figure's link from an article)"),
    ] = None,
) -> int | None:
    return group


def compare_ids(
    a: Annotated[IdList, Query()] = [],  # noqa: B006 - FastAPI copies defaults per request
    b: Annotated[IdList, Query()] = [],  # noqa: B006
    c: Annotated[IdList, Query()] = [],  # noqa: B006
    d: Annotated[IdList, Query()] = [],  # noqa: B006
    e: Annotated[IdList, Query()] = [],  # noqa: B006
    f: Annotated[IdList, Query()] = [],  # noqa: B006
    g: Annotated[IdList, Query()] = [],  # noqa: B006
    h: Annotated[IdList, Query()] = [],  # noqa: B006
    i: Annotated[IdList, Query()] = [],  # noqa: B006
    j: Annotated[IdList, Query()] = [],  # noqa: B006
) -> list[int]:
    """Article ids from ?a=1&b=2&c=3 in key order; the article pickers send one key several times (?a=1&a=5)."""
    return [*a, *b, *c, *d, *e, *f, *g, *h, *i, *j]


def parse_page(value: str | None) -> int:
    if value is None or value == "":
        return 1
    if not (value.isascii() and value.isdigit()) or int(value) < 1 or int(value) > 100_000:
        raise BadInput(f"'_page' must be a page number from 1, not '{value[:40]}'.")
    return int(value)


def parse_choice(name: str, value: str | None, choices: Sequence[str], default: str | None) -> str | None:
    if value is None or value == "":
        return default
    if value not in choices:
        raise BadInput(f"'{name}' must be one of {', '.join(choices)}, not '{value[:40]}'.")
    return value
