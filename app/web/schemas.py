"""Request and response bodies of the JSON API (the public contract of design.md, extended)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

# A comparison's view settings are short words and numbers, stored in the frozen snapshot: no controls.
ViewKey = Annotated[str, StringConstraints(max_length=40, pattern=r"^[^\x00-\x1f\x7f]*$")]
ViewValue = Annotated[str, StringConstraints(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


class ErrorMessage(BaseModel):
    detail: str
    article_id: int | None = None


def _no_lone_surrogate(value: object) -> None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            # JSON can write `\\udc80`; no database, hash or answer can hold that half of a character.
            raise ValueError("contains a lone surrogate (not valid Unicode); send UTF-8 text") from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _no_lone_surrogate(key)
            _no_lone_surrogate(item)
    elif isinstance(value, list):
        for item in value:
            _no_lone_surrogate(item)


class RequestBody(BaseModel):
    """A JSON request body: every string in it is valid Unicode."""

    @field_validator("*", mode="before")
    @classmethod
    def valid_unicode(cls, value: object) -> object:
        _no_lone_surrogate(value)
        return value


class EventCreate(RequestBody):
    title: str = Field(max_length=300)
    description: str | None = Field(default=None, max_length=5000)


class EventPublic(BaseModel):
    slug: str
    title: str
    description: str
    created_at: datetime
    articles: int = 0
    outlets: int = 0
    quotes: int = 0
    conflicts: int = 0
    url: str


class ArticleCreate(RequestBody):
    model_config = ConfigDict(extra="ignore")

    outlet: str = Field(max_length=200)
    title: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    author: str | None = Field(default=None, max_length=300)
    domain: str | None = Field(default=None, max_length=200)
    published_at: datetime | None = None
    text: str | None = None
    html: str | None = None
    markdown: str | None = None
    role: str | None = Field(default=None, max_length=10, description="report (default) or source")


class ArticleCreated(BaseModel):
    id: int
    event: str
    outlet: str
    title: str
    content_hash: str
    quotes: int
    figures: int
    url: str


class ComparisonCreate(RequestBody):
    event: str
    articles: list[int] = Field(min_length=2)
    view: dict[ViewKey, ViewValue] | None = Field(default=None, max_length=10)


class ComparisonCreated(BaseModel):
    id: str
    url: str
