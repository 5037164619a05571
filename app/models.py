"""SQLModel tables: events, outlets, articles and everything extracted from and aligned across them.

Articles are immutable: an edited version is a new row that points at the one it supersedes. Offsets
(`start`, `end`) are character offsets into `Article.body`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utc_now() -> datetime:
    return datetime.now(UTC)


class Event(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=120)
    title: str = Field(max_length=300)
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=utc_now)
    # Bumped by every write to the event; the UPDATE that bumps it is also the per-event lock.
    revision: int = Field(default=0)


OUTLET_KINDS = ("wire", "public broadcaster", "state-owned", "commercial", "non-profit")


class Outlet(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, unique=True, max_length=200)
    domain: str | None = Field(default=None, max_length=200)
    # Shown beside the outlet's name: where it is based and what kind of publisher it is (OUTLET_KINDS).
    country: str | None = Field(default=None, max_length=100)
    kind: str | None = Field(default=None, max_length=40)


class Article(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("event_id", "content_hash", name="uq_article_event_hash"),
        # The event's sources are looked up on every add: one index seek, however many reports it holds.
        Index("ix_article_event_role", "event_id", "role"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    outlet_id: int = Field(foreign_key="outlet.id", index=True)
    title: str = Field(default="", max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    author: str | None = Field(default=None, max_length=300)
    published_at: datetime | None = None
    # When the page was fetched, for an article imported from its URL (None for pasted text and files).
    fetched_at: datetime | None = None
    body: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(max_length=64, index=True)
    source_format: str = Field(default="text", max_length=20)  # text | html | markdown
    # "report" (an outlet's coverage) or "source" (the original: a transcript, a press release); see ROLES.
    role: str = Field(default="report", max_length=10, sa_column_kwargs={"server_default": "report"})
    supersedes_id: int | None = Field(default=None, foreign_key="article.id")
    word_count: int = 0
    created_at: datetime = Field(default_factory=utc_now)


# What an article is to its event: a report quotes; a source is what was actually said.
ROLES = ("report", "source")


class Speaker(SQLModel, table=True):
    """One canonical person or body per event, whatever each outlet calls them."""

    __table_args__ = (UniqueConstraint("event_id", "name", name="uq_speaker_event_name"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=300)


class Quote(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id", index=True)
    speaker_mention: str | None = Field(default=None, max_length=300)
    # The speaker as this article names them, before event-wide canonicalisation.
    speaker_as_named: str | None = Field(default=None, max_length=300)
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    parts: list[list[int]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    fragment: bool = False
    position: int = 0


class QuoteSentence(SQLModel, table=True):
    __tablename__ = "quote_sentence"
    __table_args__ = (Index("ix_quote_sentence_event_text_hash", "event_id", "text_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    quote_id: int = Field(foreign_key="quote.id", index=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    text: str = Field(sa_column=Column(Text, nullable=False))
    # A hash of ``text`` (app.core.align.text_key): a sentence printed word for word before is found by
    # one indexed lookup, and belongs where its earlier copy belongs.
    text_hash: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    start: int
    end: int
    parts: list[list[int]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class Statement(SQLModel, table=True):
    """The same quoted sentence as reported by several outlets."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    speaker_id: int | None = Field(default=None, foreign_key="speaker.id")


class StatementMember(SQLModel, table=True):
    __tablename__ = "statement_member"
    __table_args__ = (Index("ix_statement_member_statement_rank", "statement_id", "rank"),)

    statement_id: int = Field(foreign_key="statement.id", primary_key=True, ondelete="CASCADE")
    sentence_id: int = Field(
        foreign_key="quote_sentence.id", primary_key=True, ondelete="CASCADE", index=True
    )
    # Order of joining (0 = founding member). Alignment compares a new sentence with each statement's
    # first few members only, so adding an article costs per statement, not per stored sentence.
    rank: int = 0


class StatementToken(SQLModel, table=True):
    """One content word (hashed) of a statement's representative members: the index through which a new
    sentence finds the statements it may join, so one more article costs the same as the event grows."""

    __tablename__ = "statement_token"
    __table_args__ = (Index("ix_statement_token_event_hash", "event_id", "hash"),)

    statement_id: int = Field(foreign_key="statement.id", primary_key=True, ondelete="CASCADE")
    hash: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE")


class FigureGroup(SQLModel, table=True):
    __tablename__ = "figure_group"

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    label: str = Field(default="", max_length=300)
    status: str = Field(default="single", max_length=10)  # agree | conflict | single
    # The measured quantity, copied from the founding figure: grouping a new figure needs only this.
    kind: str = Field(default="count", max_length=20)
    unit: str | None = Field(default=None, max_length=40)
    counted_key: str | None = Field(default=None, max_length=300)
    # The founding figure's value and how many articles carry the group: enough to keep the status
    # current as members arrive (every member equals the founder <=> all members agree).
    value: float | None = None
    value_high: float | None = None
    article_count: int = 0
    # The core's status rule (figures.status): a conflict is `compatible` when one value satisfies every
    # member's qualifier and range; kept current through the running intersection of the values the
    # members allow (None: unbounded on that side).
    compatible: bool = False
    allowed_low: float | None = None
    allowed_high: float | None = None
    # The founding figure's context stems: an equal value with a shared context joins the group.
    context: str | None = Field(default=None, max_length=300)


class FigureGroupKey(SQLModel, table=True):
    """One key (hashed) under which a figure group can be joined: its quantity (what it counts) and its
    value. A new article's figures fetch only the groups sharing one of their keys, so one more article
    costs the same as the event grows (see ``figure_groups.lookup_keys``)."""

    __tablename__ = "figure_group_key"
    __table_args__ = (Index("ix_figure_group_key_event_hash", "event_id", "hash"),)

    group_id: int = Field(foreign_key="figure_group.id", primary_key=True, ondelete="CASCADE")
    hash: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE")
    # For a key of what is counted: the member's counted key, so the group is offered to a new figure
    # under that wording too (the founder's quantity is on the group row). None for the value key.
    counted_key: str | None = Field(default=None, max_length=300)


class Figure(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    group_id: int | None = Field(default=None, foreign_key="figure_group.id", index=True)
    text: str = Field(max_length=500)
    start: int
    end: int
    value: float | None = None
    value_high: float | None = None
    unit: str | None = Field(default=None, max_length=40)
    qualifier: str | None = Field(default=None, max_length=60)
    counted: str | None = Field(default=None, max_length=300)
    counted_key: str | None = Field(default=None, max_length=300)
    source: str | None = Field(default=None, max_length=300)
    kind: str = Field(default="count", max_length=20)
    chrome: bool = False
    # Content stems around the number (see app.core.records.Figure.context).
    context: str | None = Field(default=None, max_length=300)
    # The time the figure refers to when its sentence says so ("by Sunday").
    time_ref: str | None = Field(default=None, max_length=60)


class ArticleSimilarity(SQLModel, table=True):
    """Share of `article_id`'s text that also appears in `other_id` (near-copies, wire copy)."""

    __tablename__ = "article_similarity"

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    other_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    share: float


class ArticleSketch(SQLModel, table=True):
    """One value of an article's shingle sketch; indexed so near-copy candidates are one lookup away."""

    __tablename__ = "article_sketch"
    # With the article id, so that a value's first holders are read from the index alone.
    __table_args__ = (Index("ix_article_sketch_event_hash_article", "event_id", "hash", "article_id"),)

    article_id: int = Field(foreign_key="article.id", primary_key=True, ondelete="CASCADE")
    hash: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    event_id: int = Field(foreign_key="event.id", ondelete="CASCADE")


class Correction(SQLModel, table=True):
    """A user's fix of the machine's output: what was done and when, kept so it can be replayed after a
    realign (which rebuilds quotes, statements, speakers and figures from the article texts)."""

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    # delete_article | edit_article | rename_speaker | split_sentence | join_statements | dismiss_figure,
    # or undo (target {"correction_id", "kind"}: that correction is reverted and no longer replayed)
    kind: str = Field(max_length=40)
    # What it applies to, by things a realign keeps: article ids and character offsets, speaker names.
    target: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    summary: str = Field(default="", max_length=500)  # one sentence for the corrections log
    created_at: datetime = Field(default_factory=utc_now)


class Comparison(SQLModel, table=True):
    """A frozen comparison: the id derives from the articles' content hashes and the view."""

    id: str = Field(primary_key=True, max_length=32)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    article_ids: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    view: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # Everything needed to show the comparison again exactly as it was, whatever changes later.
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utc_now)


class QuoteSourceCheck(SQLModel, table=True):
    """How a report quote relates to the event's source: one row per checked quote (none without a source)."""

    __tablename__ = "quote_source_check"

    quote_id: int = Field(foreign_key="quote.id", primary_key=True, ondelete="CASCADE")
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    source_article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    status: str = Field(max_length=12)  # verbatim | trimmed | altered | spliced | not_found
    # The matched source passage (the first one of a splice); None when nothing matched.
    source_start: int | None = None
    source_end: int | None = None
    severe: bool = False
    speaker_mismatch: bool = False
    # The speaker of the source turn the passage belongs to, as the source labels them.
    source_speaker: str | None = Field(default=None, max_length=300)
    # The word changes and the passages of a splice: [{"op", "source", "quote"}], [[start, end], ...].
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
