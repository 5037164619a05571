"""Dashboard read models: the coverage matrix, figure-conflict charts, the figure ledger, the speakers grid,
one statement's variants, and the CSV rows of each. Plain dicts and numbers; templates draw them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core.diff import word_diff
from app.core.figures.display import duration_text
from app.core.figures.status import same_value
from app.core.similarity import words
from app.core.text import split_sentences
from app.models import (
    Article,
    ArticleSimilarity,
    Event,
    Figure,
    FigureGroup,
    Outlet,
    Quote,
    QuoteSentence,
    Speaker,
    Statement,
    StatementMember,
)
from app.services import fidelity, queries
from app.services.errors import BadInput, NotFound

MATRIX_PAGE_SIZE = 50
MATRIX_CELLS_PER_PAGE = 3000
LEDGER_PAGE_SIZE = 25
LEDGER_MEMBERS_PER_PAGE = 400
SORTS = ("outlets", "speaker")
SHOWS = (
    "changed",
    "left_out",
)  # matrix rows with other wordings; rows someone (or the chosen outlet) left out
STATUSES = ("conflict", "agree", "single")
# A bar chart with more bars than this is unreadable; beyond it, outlets with the same value share a bar.
MAX_BARS = 10
CHART_WIDTH = 190
CHART_LABEL_WIDTH = 165
CONTEXT_CHARS = 320


# ---------------------------------------------------------------- helpers


def wording_key(text: str) -> tuple[str, ...]:
    """What two printings of one sentence must share to count as the same wording.

    Case, quote marks, punctuation and UK/US spelling are folded away: "organise" and "organize", or a
    trailing full stop, are not a different wording, whereas a changed, added or dropped word is.
    """
    return tuple(words(text))


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


def _page_of(items: list[Any], page: int, size: int) -> tuple[list[Any], dict[str, int]]:
    pages = max(1, -(-len(items) // size))
    if page > pages:
        raise NotFound(f"There is no page {page}; the last page is {pages}.")
    chunk = items[(page - 1) * size : page * size]
    return chunk, {"page": page, "pages": pages, "total": len(items), "first": (page - 1) * size + 1}


def _budget_page(
    groups: list[dict[str, Any]], page: int, max_groups: int, max_members: int
) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Pages of at most `max_groups` groups and about `max_members` members (a page always holds one group):
    a wire story's figure can have hundreds of members, and one page of such groups must stay quick."""
    pages: list[tuple[int, int]] = []
    start = 0
    while start < len(groups):
        end, members = start, 0
        while end < len(groups) and end - start < max_groups:
            if end > start and members + len(groups[end]["members"]) > max_members:
                break
            members += len(groups[end]["members"])
            end += 1
        pages.append((start, end))
        start = end
    total_pages = max(1, len(pages))
    if page > total_pages:
        raise NotFound(f"There is no page {page}; the last page is {total_pages}.")
    start, end = pages[page - 1] if pages else (0, 0)
    return groups[start:end], {"page": page, "pages": total_pages, "total": len(groups), "first": start + 1}


def event_outlets(articles: Iterable[dict[str, Any]]) -> list[str]:
    """Outlet names in the order their first article appears (the event's article order); a source is the
    reference the outlets are checked against, not one of them."""
    return list(dict.fromkeys(a["outlet"] for a in articles if a.get("role") != "source"))


# ---------------------------------------------------------------- overview


def coverage_matrix(
    statements: list[dict[str, Any]],
    outlets: list[str],
    *,
    sort: str = "outlets",
    page: int = 1,
    page_size: int = MATRIX_PAGE_SIZE,
    speaker: str | None = None,
    outlet: str | None = None,
    show: str | None = None,
) -> dict[str, Any]:
    """Statements as rows and outlets as columns, one page of rows.

    Each cell says whether the outlet carried the sentence with the row's most common wording (`same`),
    with other words (`variant`), or not at all (`absent`). Filters: one `speaker`; one `outlet` (rows it
    carried, or with `show="left_out"` rows it left out); `show="changed"` rows printed in more than one
    wording; `show="left_out"` rows at least one outlet left out.
    """
    if outlet is not None and outlet not in outlets:
        raise BadInput(f"'outlet' must be an outlet of this event, not '{outlet[:60]}'.")
    speakers = sorted({s["speaker"] for s in statements}, key=lambda n: (n == queries.UNKNOWN_SPEAKER, n))
    if speaker is not None:
        statements = [s for s in statements if s["speaker"] == speaker]
    if outlet is not None:
        keep_absent = show == "left_out"
        statements = [s for s in statements if (outlet in s["outlets"]) != keep_absent]
    elif show == "left_out":
        statements = [s for s in statements if len(s["outlets"]) < len(outlets)]
    if show == "changed":
        statements = [s for s in statements if len({wording_key(m["text"]) for m in s["members"]}) > 1]
    if sort == "speaker":
        ordered = sorted(
            statements, key=lambda s: (s["speaker"] == queries.UNKNOWN_SPEAKER, s["speaker"], s["id"])
        )
    else:
        ordered = sorted(statements, key=lambda s: (-len(s["outlets"]), s["id"]))
    rows_on_page, paging = _page_of(ordered, page, page_size)
    return {
        "outlets": outlets,
        "rows": [matrix_row(statement, outlets) for statement in rows_on_page],
        "sort": sort,
        "filters": {"speaker": speaker, "outlet": outlet, "_show": show},
        "speakers": speakers,
        **paging,
    }


def matrix_row(statement: dict[str, Any], outlets: list[str]) -> dict[str, Any]:
    members = statement["members"]
    keys = [wording_key(m["text"]) for m in members]
    # The most common wording is the reference; ties go to the earliest article (members are in article order).
    reference_key = Counter(keys).most_common(1)[0][0] if keys else ()
    reference = next((m["text"] for m, k in zip(members, keys, strict=True) if k == reference_key), "")
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for member, key in zip(members, keys, strict=True):
        by_outlet[member["outlet"]].append({**member, "same": key == reference_key})
    cells = []
    for outlet in outlets:
        carried = by_outlet.get(outlet, [])
        if not carried:
            state = "absent"
        elif all(m["same"] for m in carried):
            state = "same"
        else:
            state = "variant"
        cells.append(
            {
                "outlet": outlet,
                "state": state,
                "text": carried[0]["text"] if carried else "",
                "article_id": carried[0]["article_id"] if carried else None,
            }
        )
    return {
        "id": statement["id"],
        "speaker": statement["speaker"],
        "speakers": attributions(members),
        "text": reference,
        "carried": sum(c["state"] != "absent" for c in cells),
        "variants": sum(c["state"] == "variant" for c in cells),
        "cells": cells,
    }


def attributions(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who each outlet named for one statement ([{"speaker", "outlets"}]); tolerates members of snapshots
    frozen before members carried their own `speaker`."""
    return queries.statement_speakers([{**m, "speaker": m.get("speaker")} for m in members])


def conflict_charts(figure_groups: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A small bar chart per conflicting figure group: bar lengths in chart units, labels as text."""
    charts = []
    for group in figure_groups:
        if group["status"] != "conflict":
            continue
        bars = _bars(group["members"])
        top = max((b["value"] for b in bars), default=0.0) or 1.0
        # The value most outlets give; bars that differ from it get a mark as well as a colour. Without a
        # majority no value is "the odd one out".
        usual = majority(b["value"] for b in bars for _ in b["outlets"])
        for bar in bars:
            bar["width"] = max(2, round(CHART_WIDTH * bar["value"] / top))
            bar["odd"] = usual is not None and bar["value"] != usual
        values = sorted({b["value"] for b in bars})
        longest = max((len(b["text"]) + len(b["qualifier"]) + 5 for b in bars), default=10)
        charts.append(
            {
                "id": group["id"],
                "label": group["label"] or "figure",
                "bars": bars,
                "spread": _spread_text(group["members"], values[0], values[-1]) if len(values) > 1 else "",
                "height": 22 * len(bars) + 4,
                "label_width": CHART_LABEL_WIDTH,
                # Room for the longest value text (about 7.5 px a character at 13 px), so none is cut.
                "view_width": CHART_LABEL_WIDTH + CHART_WIDTH + 10 + round(7.5 * longest),
                "majority": usual is not None,
                "compatible": bool(group.get("compatible")),
            }
        )
    return charts


def _bars(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    members = [m for m in members if m["value"] is not None]
    if len(members) <= MAX_BARS:
        return [
            {
                "label": m["outlet"],
                "value": m["value"],
                "text": m["text"],
                "qualifier": m["qualifier"] or "",
                "outlets": [m["outlet"]],
            }
            for m in members
        ]
    shared: dict[tuple[float, str], list[dict[str, Any]]] = defaultdict(list)
    for member in members:
        shared[(member["value"], member["qualifier"] or "")].append(member)
    bars = []
    for (value, qualifier), same in sorted(shared.items(), key=lambda kv: -len(kv[1]))[:MAX_BARS]:
        names = list(dict.fromkeys(m["outlet"] for m in same))
        bars.append(
            {
                "label": f"{len(names)} outlets",
                "value": value,
                "text": same[0]["text"],
                "qualifier": qualifier,
                "outlets": names,
            }
        )
    return bars


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


# Half of an article's words, in order, in an earlier one: the overview calls it a likely copy, and the
# whole-text diff is worth reading; below it the two are separate reports and the diff is mostly noise.
NEAR_COPY_SHARE = 0.5


def best_near_copies(
    session: Session, event: Event, *, min_share: float = NEAR_COPY_SHARE
) -> dict[int, dict[str, Any]]:
    """For each article, the other article that holds most of its text (when at least `min_share`), with the
    direction: the earlier-published one is taken as the source, the later one as the copy.

    One note per article, found in SQL: an event of many wire copies has a near-copy pair for almost every
    pair of articles, far too many to load for one page.
    """
    ranked = (
        select(
            ArticleSimilarity.article_id,
            ArticleSimilarity.other_id,
            ArticleSimilarity.share,
            func.row_number()
            .over(
                partition_by=ArticleSimilarity.article_id,
                order_by=(col(ArticleSimilarity.share).desc(), col(ArticleSimilarity.other_id)),
            )
            .label("rank"),
        )
        .join(Article, col(Article.id) == col(ArticleSimilarity.article_id))
        .where(Article.event_id == event.id, ArticleSimilarity.share >= min_share)
        .subquery()
    )
    rows = session.exec(
        select(ranked.c.article_id, ranked.c.other_id, ranked.c.share).where(ranked.c.rank == 1)
    ).all()
    assert event.id is not None
    outlets = queries.outlet_names(session, event.id)
    published = dict(
        session.exec(select(Article.id, Article.published_at).where(Article.event_id == event.id)).all()
    )
    return {
        article_id: {
            "other_id": other_id,
            "outlet": outlets.get(other_id, ""),
            "share": round(share, 3),
            "direction": copy_direction(published.get(article_id), published.get(other_id)),
        }
        for article_id, other_id, share in rows
    }


def copy_direction(mine: datetime | None, other: datetime | None) -> str:
    """'copy' when the other article came out first (this one reuses it), 'source' when this one did,
    'unknown' when a time is missing or both are the same."""
    if mine is None or other is None or mine == other:
        return "unknown"
    return "copy" if _aware(other) < _aware(mine) else "source"


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive times; every stored time is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class ArticleBrief(BaseModel):
    id: int
    outlet: str
    title: str
    published_at: datetime | None


class DiffRunView(BaseModel):
    op: str
    text: str
    base_text: str


class CopyDiff(BaseModel):
    """Two near-copies side by side as one text: what they share, what the later one cut and added."""

    source: ArticleBrief  # the earlier-published article (or the first asked, when times are missing)
    copy_article: ArticleBrief
    direction_known: bool
    shared_words: int
    cut_words: int
    added_words: int
    copy_share: float  # share of the copy's words found, in order, in the source
    likely_copy: bool = True  # copy_share reaches NEAR_COPY_SHARE: the later text reuses the earlier one
    runs: list[DiffRunView]


def _word_count(text: str) -> int:
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def copy_diff(session: Session, event: Event, article_id: int, other_id: int) -> CopyDiff:
    """The whole-article diff of two articles, the earlier one as the base."""
    if article_id == other_id:
        raise BadInput("Choose two different articles to diff.")
    rows = {}
    for wanted in (article_id, other_id):
        article, outlet = queries.get_article(session, event, wanted)
        rows[wanted] = (article, outlet)
    first, second = rows[article_id], rows[other_id]
    direction = copy_direction(first[0].published_at, second[0].published_at)
    source, copy = (second, first) if direction == "copy" else (first, second)
    runs = word_diff(source[0].body, copy[0].body)
    shared = sum(_word_count(r.text) for r in runs if r.op in ("equal", "variant"))
    added = sum(_word_count(r.text) for r in runs if r.op == "insert")
    cut = sum(_word_count(r.base_text) for r in runs if r.op == "delete")

    def brief(pair: tuple[Article, Outlet]) -> ArticleBrief:
        return ArticleBrief(
            id=pair[0].id or 0, outlet=pair[1].name, title=pair[0].title, published_at=pair[0].published_at
        )

    return CopyDiff(
        source=brief(source),
        copy_article=brief(copy),
        direction_known=direction != "unknown",
        shared_words=shared,
        cut_words=cut,
        added_words=added,
        copy_share=round(shared / max(1, shared + added), 3),
        likely_copy=shared / max(1, shared + added) >= NEAR_COPY_SHARE,
        runs=[DiffRunView(op=r.op, text=r.text, base_text=r.base_text) for r in runs],
    )


# ---------------------------------------------------------------- statement page


def find_statement(statements: list[dict[str, Any]], statement_id: int) -> dict[str, Any]:
    for statement in statements:
        if statement["id"] == statement_id:
            return statement
    raise NotFound(f"This event has no statement {statement_id}.")


def consensus(members: list[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    """The member printing the most common wording (ties: the earliest article), and how many print it."""
    keys = [wording_key(m["text"]) for m in members]
    key, count = Counter(keys).most_common(1)[0]
    return members[keys.index(key)], count


def choose_base(members: list[dict[str, Any]], base: str | None) -> dict[str, Any]:
    """The member the others are diffed against: `?base=` an article id or an outlet name; else the most
    common wording, so a paraphrasing outlet listed first does not make every faithful one look changed."""
    if base is None or base.strip() == "":
        return consensus(members)[0]
    wanted = base.strip()
    for member in members:
        if (wanted.isascii() and wanted.isdigit() and member["article_id"] == int(wanted)) or member[
            "outlet"
        ].casefold() == (wanted.casefold()):
            return member
    choices = ", ".join(f"{m['article_id']} ({m['outlet']})" for m in members)
    raise BadInput(f"'base' must be one of the articles that carried this statement: {choices}.")


class StatementVariants(BaseModel):
    """The statement page's data and its JSON twin: every printing diffed against one base."""

    id: int
    speaker: str
    base_article_id: int  # the version the others are diffed against (the source's article when it is)
    base_is_source: bool = False  # the base is the source's wording, not one outlet's printing
    source_base: dict[str, Any] | None = None  # that wording, shaped like a member, in its context
    source: dict[str, Any] | None = None  # the source's wording and each printing's status (None: no source)
    common_article_id: int  # a version with the most common wording
    common_count: int  # how many printings use the most common wording
    printings: int
    # Who each outlet named, most-carried first; two or more entries: the outlets disagree on who said it.
    speakers: list[dict[str, Any]] = []
    variants: list[dict[str, Any]]  # each member with its diff runs, `same`, `departs`, `changes`, context


def statement_variants(
    statement: dict[str, Any],
    base_choice: str | None,
    bodies: dict[int, str],
    source: dict[str, Any] | None = None,
) -> StatementVariants:
    """Every printing diffed against the base: with a source that says the statement, the source's wording
    (`?base=source`, or no choice); else the chosen printing or the most common wording. `bodies` holds the
    members' articles and the source's."""
    wanted = (base_choice or "").strip()
    from_source = source is not None and source.get("text") is not None and wanted in ("", "source")
    if from_source:
        assert source is not None
        base = fidelity.source_member(source)
        if base["article_id"] in bodies:
            base["context"] = context_around(bodies[base["article_id"]], base["start"], base["end"])
    else:
        base = choose_base(statement["members"], None if wanted == "source" else base_choice)
    common, common_count = consensus(statement["members"])
    labels = member_labels(statement["members"])
    return StatementVariants(
        id=statement["id"],
        speaker=statement["speaker"],
        base_article_id=base["article_id"],
        base_is_source=from_source,
        source_base=base if from_source else None,
        source=source,
        common_article_id=common["article_id"],
        common_count=common_count,
        printings=len(statement["members"]),
        speakers=attributions(statement["members"]),
        variants=[
            {**v, "label": labels[v["article_id"]]}
            for v in fidelity.mark_variants(variants(statement, base, bodies), source)
        ],
    )


def member_labels(members: list[dict[str, Any]]) -> dict[int, str]:
    """`article_labels` for the articles that carry one statement, in member order."""
    articles = {m["article_id"]: {"id": m["article_id"], "outlet": m["outlet"]} for m in members}
    return article_labels(list(articles.values()))


def majority(values: Iterable[Any]) -> Any | None:
    """The value more than half of the items give, or None: "differs from most outlets" needs a most."""
    counted = Counter(values)
    if not counted:
        return None
    value, count = counted.most_common(1)[0]
    return value if count * 2 > sum(counted.values()) else None


def diff_runs(base_text: str, text: str) -> list[dict[str, str]]:
    return [{"op": r.op, "text": r.text, "base_text": r.base_text} for r in word_diff(base_text, text)]


def variants(
    statement: dict[str, Any], base: dict[str, Any], bodies: dict[int, str] | None = None
) -> list[dict[str, Any]]:
    """Every member with its diff against `base`, and (given the bodies) the paragraph around it."""
    rows = []
    base_key = wording_key(base["text"])
    common_key = wording_key(consensus(statement["members"])[0]["text"]) if statement["members"] else ()
    for member in statement["members"]:
        runs = diff_runs(base["text"], member["text"])
        row = {
            **member,
            "is_base": member is base,
            "runs": runs,
            "same": wording_key(member["text"]) == base_key,
            # Departs from the wording most outlets print (whatever the chosen base).
            "departs": wording_key(member["text"]) != common_key,
            "changes": sum(r["op"] in ("insert", "delete") for r in runs),
        }
        if bodies is not None and member["article_id"] in bodies:
            row["context"] = context_around(bodies[member["article_id"]], member["start"], member["end"])
        rows.append(row)
    return rows


def context_around(body: str, start: int, end: int, *, limit: int = CONTEXT_CHARS) -> dict[str, str]:
    """The paragraph holding `body[start:end]`, cut to about `limit` characters either side."""
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end == -1 else para_end
    before = body[max(para_start, start - limit) : start]
    after = body[end : min(para_end, end + limit)]
    return {
        "before": ("…" if start - limit > para_start else "") + before,
        "text": body[start:end],
        "after": after + ("…" if end + limit < para_end else ""),
    }


def sentence_around(body: str, start: int, end: int) -> dict[str, str]:
    """The sentence that holds a figure, so the ledger shows what the number was said about."""
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end == -1 else para_end
    for sentence_start, sentence_end in split_sentences(body[para_start:para_end], start=para_start):
        if sentence_start <= start < sentence_end:
            return {
                "before": body[sentence_start:start],
                "text": body[start:end],
                "after": body[end : max(end, sentence_end)],
            }
    return context_around(body, start, end, limit=160)


def article_bodies(session: Session, event: Event, article_ids: Iterable[int]) -> dict[int, str]:
    ids = list(set(article_ids))
    if not ids:
        return {}
    rows = session.exec(
        select(Article.id, Article.body).where(Article.event_id == event.id, col(Article.id).in_(ids))
    ).all()
    return {article_id: body for article_id, body in rows if article_id is not None}


# ---------------------------------------------------------------- figures ledger


class SentenceContext(BaseModel):
    before: str
    text: str
    after: str


class LedgerMember(BaseModel):
    """One outlet's printing of a figure, as the ledger shows it."""

    id: int
    article_id: int
    outlet: str
    text: str
    value: float | None
    value_high: float | None
    unit: str | None
    qualifier: str | None
    counted: str | None
    source: str | None
    kind: str
    start: int
    end: int
    published_at: datetime | None
    value_text: str  # the normalised value in its unit ('72 h', '£12,000,000')
    unit_text: str = ""  # the unit value_text prints ('km' for a length stored in mm)
    odd: bool  # differs from the value most outlets give (only when there is such a majority)
    context: SentenceContext  # the sentence the figure sits in


class LedgerGroup(BaseModel):
    id: int
    label: str
    status: str
    compatible: bool
    distinct_values: int
    majority: bool  # one value is given by more than half the members
    members: list[LedgerMember]


class Ledger(BaseModel):
    """The figure ledger page and its JSON twin (`?_format=json`), one page of groups."""

    groups: list[LedgerGroup]
    counts: dict[str, int]
    status: str | None
    page: int
    pages: int
    total: int
    first: int


def ledger(
    session: Session,
    event: Event,
    figure_groups: list[dict[str, Any]],
    *,
    status: str | None = None,
    page: int = 1,
    page_size: int = LEDGER_PAGE_SIZE,
) -> Ledger:
    """Figure groups (conflicts first, as `figure_groups` comes) with each member's sentence, one page."""
    counts = Counter(g["status"] for g in figure_groups)
    chosen = [g for g in figure_groups if status is None or g["status"] == status]
    groups, paging = _budget_page(chosen, page, page_size, LEDGER_MEMBERS_PER_PAGE)
    bodies = article_bodies(session, event, (m["article_id"] for g in groups for m in g["members"]))
    published = dict(
        session.exec(select(Article.id, Article.published_at).where(Article.event_id == event.id)).all()
    )
    shown = []
    for group in groups:
        values = {(m["value"], m["value_high"], m["unit"]) for m in group["members"]}
        # The value most outlets give; in a conflict the others are marked, so the odd one out stands out.
        # With no majority there is no odd one out, and no mark.
        usual = majority((m["value"], m["value_high"], m["unit"]) for m in group["members"])

        members = [
            LedgerMember(
                **{k: m.get(k) for k in LedgerMember.model_fields if k in m},
                odd=group["status"] == "conflict" and _departs_from(m, usual),
                value_text=value_text(m),
                unit_text=display_unit(m),
                context=SentenceContext(
                    **sentence_around(bodies.get(m["article_id"], ""), m["start"], m["end"])
                ),
                published_at=published.get(m["article_id"]),
            )
            for m in group["members"]
        ]
        shown.append(
            LedgerGroup(
                id=group["id"],
                label=group["label"] or "",
                status=group["status"],
                compatible=bool(group.get("compatible")),
                distinct_values=len(values),
                majority=usual is not None,
                members=members,
            )
        )
    return Ledger(groups=shown, counts={s: counts.get(s, 0) for s in STATUSES}, status=status, **paging)


def _departs_from(member: dict[str, Any], usual: tuple[Any, Any, Any] | None) -> bool:
    """Whether a member's value differs from the majority's, by the core's one notion of an equal value
    (a date with or without its year is one value). No majority: nobody departs."""
    if usual is None:
        return False
    common_value, common_high, common_unit = usual
    return not (
        member["unit"] == common_unit
        and same_value(member["value"], common_value, common_unit)
        and same_value(member["value_high"], common_high, common_unit)
    )


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CURRENCY = {"GBP": "£", "USD": "$", "EUR": "€"}
_UNIT_SUFFIX = {"hour": " h", "percent": "%", "mm": " mm", "kg": " kg", "km2": " km²"}


def _date_text(value: float) -> str:
    """YYYYMMDD or MMDD (a date printed without its year) as '7 Oct 2023' or '7 Oct'."""
    number = int(value)
    year, month_day = divmod(number, 10000) if number >= 10000 else (0, number)
    month, day = divmod(month_day, 100)
    if not 1 <= month <= 12:
        return str(number)
    return f"{day} {_MONTHS[month - 1]}" + (f" {year}" if year else "")


def _spread_text(members: list[dict[str, Any]], low: float, high: float) -> str:
    """The range of a conflict's values in the members' display unit ('130–230 km'), not the engine's."""
    first = members[0] if members else {}
    if any((m.get("unit"), m.get("kind")) != (first.get("unit"), first.get("kind")) for m in members):
        return f"{_number(low)}–{_number(high)}"
    return value_text(
        {"value": low, "value_high": high, "unit": first.get("unit"), "kind": first.get("kind")}
    )


def _readable_length(value: float, high: float | None) -> tuple[float, float | None, str]:
    """Lengths are normalised to millimetres; a reader wants km, m or mm, whichever reads as a plain number."""
    largest = max(value, high or 0.0)
    for unit, size in (("km", 1_000_000.0), ("m", 1_000.0)):
        if largest >= size:
            return value / size, (high / size if high is not None else None), unit
    return value, high, "mm"


def display_unit(figure: dict[str, Any]) -> str:
    """The unit ``value_text`` prints the figure in."""
    unit = figure.get("unit") or ""
    if unit == "mm" and figure.get("value") is not None:
        return _readable_length(figure["value"], figure.get("value_high"))[2]
    return unit


def value_text(figure: dict[str, Any]) -> str:
    """The normalised value for the ledger, in the unit it was normalised to ('72 h', '£12,000,000', '7 Oct')."""
    value, high = figure["value"], figure["value_high"]
    if value is None:
        return ""
    unit = figure["unit"] or ""
    if figure["kind"] == "year":
        return f"{value:.0f}" + (f"–{high:.0f}" if high is not None else "")
    if figure["kind"] == "duration" and unit == "hour":
        return duration_text(value) + (f"–{duration_text(high)}" if high is not None else "")
    if figure["kind"] == "date" or unit.startswith("date"):
        return _date_text(value) + (f"–{_date_text(high)}" if high is not None else "")
    if unit == "mm":
        value, high, unit = _readable_length(value, high)
    amount = _number(value) + (f"–{_number(high)}" if high is not None else "")
    if unit in _CURRENCY:
        return _CURRENCY[unit] + amount
    return amount + _UNIT_SUFFIX.get(unit, f" {unit}" if unit else "")


# ---------------------------------------------------------------- speakers


def speakers_grid(session: Session, event: Event, outlets: list[str]) -> dict[str, Any]:
    """Quote counts per speaker (rows) and outlet (columns), with a 0-5 heat level per cell."""
    rows = session.exec(
        select(Speaker.name, Outlet.name, func.count(col(Quote.id)))
        .select_from(Quote)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .join(Speaker, col(Speaker.id) == col(Quote.speaker_id), isouter=True)
        .where(Article.event_id == event.id)
        .group_by(Speaker.name, Outlet.name)
    ).all()
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for speaker, outlet, count in rows:
        counts[speaker or queries.UNKNOWN_SPEAKER][outlet] = count
    top = max((n for per in counts.values() for n in per.values()), default=0) or 1
    speakers = []
    for name, per_outlet in counts.items():
        cells = [
            {
                "outlet": outlet,
                "count": per_outlet.get(outlet, 0),
                "level": 0 if not per_outlet.get(outlet) else 1 + (4 * per_outlet[outlet]) // top,
            }
            for outlet in outlets
        ]
        speakers.append(
            {
                "name": name,
                "total": sum(per_outlet.values()),
                "outlet_count": sum(1 for n in per_outlet.values() if n),
                "cells": cells,
            }
        )
    # The unknown speaker last: it is what the extractor could not attribute, not a person.
    speakers.sort(key=lambda s: (s["name"] == queries.UNKNOWN_SPEAKER, -s["total"], s["name"]))
    return {"outlets": outlets, "speakers": speakers, "max": top}


# ---------------------------------------------------------------- CSV rows


def statements_csv(statements: list[dict[str, Any]], outlets: list[str]) -> list[list[object]]:
    header: list[object] = ["statement_id", "speaker", "outlet", "article_id", "state", "text"]
    out = [header]
    for statement in sorted(statements, key=lambda s: s["id"]):
        row = matrix_row(statement, outlets)
        members_by_outlet = defaultdict(list)
        for member in statement["members"]:
            members_by_outlet[member["outlet"]].append(member)
        for cell in row["cells"]:
            for member in members_by_outlet.get(cell["outlet"]) or [None]:
                out.append(
                    [
                        statement["id"],
                        statement["speaker"],
                        cell["outlet"],
                        member["article_id"] if member else "",
                        cell["state"],
                        member["text"] if member else "",
                    ]
                )
    return out


def figures_csv(figure_groups: list[dict[str, Any]]) -> list[list[object]]:
    header: list[object] = [
        "group_id",
        "label",
        "status",
        "outlet",
        "article_id",
        "text",
        "value",
        "value_high",
        "unit",
        "qualifier",
        "source",
    ]
    out = [header]
    for group in figure_groups:
        for m in group["members"]:
            out.append(
                [
                    group["id"],
                    group["label"],
                    group["status"],
                    m["outlet"],
                    m["article_id"],
                    m["text"],
                    m["value"],
                    m["value_high"],
                    m["unit"] or "",
                    m["qualifier"] or "",
                    m["source"] or "",
                ]
            )
    return out


def speakers_csv(grid: dict[str, Any]) -> list[list[object]]:
    out: list[list[object]] = [["speaker", *grid["outlets"], "total"]]
    for speaker in grid["speakers"]:
        out.append([speaker["name"], *(c["count"] for c in speaker["cells"]), speaker["total"]])
    return out


# ---------------------------------------------------------------- compare: the variants panel


def article_labels(articles: list[dict[str, Any]]) -> dict[int, str]:
    """A name per compared article: the outlet's, numbered in column order when one outlet has several
    articles ("Daily Ledger (2)"), so the panel never says "not quoted by X" of an X that did quote it."""
    per_outlet = Counter(a["outlet"] for a in articles)
    seen: Counter[str] = Counter()
    labels = {}
    for article in articles:
        seen[article["outlet"]] += 1
        many = per_outlet[article["outlet"]] > 1
        labels[article["id"]] = (
            f"{article['outlet']} ({seen[article['outlet']]})" if many else article["outlet"]
        )
    return labels


def variants_panel(data: dict[str, Any], statement_id: int) -> dict[str, Any]:
    """One statement's versions in a comparison, diffed against the most common wording among them (ties: the
    leftmost column's).

    Reads only `data` (live comparison data or a permalink's snapshot), so a frozen page shows the same
    panel forever.
    """
    statement = next((s for s in data["statements"] if s["id"] == statement_id), None)
    if statement is None:
        raise NotFound(f"Statement {statement_id} is not quoted in any of the compared articles.")
    column = {article_id: i for i, article_id in enumerate(data["article_ids"])}
    labels = article_labels(data["articles"])
    members = sorted(statement["members"], key=lambda m: (column.get(m["article_id"], 99), m["start"]))
    ordered = {**statement, "members": members}
    bodies = {a["id"]: a["body"] for a in data["articles"]}
    carried = {m["article_id"] for m in members}
    missing = [
        labels[a["id"]] for a in data["articles"] if a["id"] not in carried and a.get("role") != "source"
    ]
    # With a source, its wording is the base (older snapshots have no "sources").
    source = (data.get("sources") or {}).get(str(statement_id))
    base = (
        fidelity.source_member(source) if source and source.get("text") is not None else consensus(members)[0]
    )
    return {
        "id": statement_id,
        "speaker": statement["speaker"],
        "speakers": attributions(members),
        "source": source,
        "variants": [
            {**v, "label": labels.get(v["article_id"], v["outlet"])}
            for v in fidelity.mark_variants(variants(ordered, base, bodies), source)
        ],
        "missing": missing,
    }


# ---------------------------------------------------------------- light queries for the overview
# The overview of a 300-article event must render in well under 200 ms: these read only the columns the
# overview shows (no article bodies, no ORM objects), which is several times faster than the full read models.


def overview_articles(session: Session, event: Event) -> list[dict[str, Any]]:
    rows = session.exec(
        select(
            Article.id,
            Outlet.name,
            Article.title,
            Article.published_at,
            Article.word_count,
            Outlet.country,
            Outlet.kind,
            Article.role,
        )
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.event_id == event.id)
        .order_by(col(Article.published_at).asc().nulls_last(), col(Article.id))
    ).all()
    return [
        {
            "id": article_id,
            "outlet": outlet,
            "title": title,
            "published_at": published.isoformat() if published else None,
            "word_count": word_count,
            "outlet_country": country,
            "outlet_kind": kind,
            "role": role,
        }
        for article_id, outlet, title, published, word_count, country, kind, role in rows
    ]


def overview_statements(session: Session, event: Event) -> list[dict[str, Any]]:
    """Statements with the members' outlet and text only, in the shape `coverage_matrix` reads."""
    assert event.id is not None
    outlets = queries.outlet_names(session, event.id)
    speakers = queries.speaker_names(session, event.id)
    rows = session.exec(
        select(
            Statement.id, Statement.speaker_id, QuoteSentence.article_id, QuoteSentence.text, Quote.speaker_id
        )
        .join(StatementMember, col(StatementMember.statement_id) == col(Statement.id))
        .join(QuoteSentence, col(QuoteSentence.id) == col(StatementMember.sentence_id))
        # Each outlet's own speaker: the matrix marks statements the outlets attribute to different people.
        .join(Quote, col(Quote.id) == col(QuoteSentence.quote_id))
        .where(Statement.event_id == event.id)
        .order_by(col(Statement.id), col(QuoteSentence.article_id), col(QuoteSentence.start))
    ).all()
    by_id: dict[int, dict[str, Any]] = {}
    for statement_id, speaker_id, article_id, text, member_speaker in rows:
        entry = by_id.get(statement_id)
        if entry is None:
            entry = by_id[statement_id] = {
                "id": statement_id,
                "speaker": speakers.get(speaker_id or 0, queries.UNKNOWN_SPEAKER),
                "members": [],
            }
        entry["members"].append(
            {
                "article_id": article_id,
                "outlet": outlets.get(article_id, ""),
                "text": text,
                "speaker": speakers.get(member_speaker) if member_speaker is not None else None,
            }
        )
    for entry in by_id.values():
        entry["outlets"] = sorted({m["outlet"] for m in entry["members"]})
    return list(by_id.values())


def conflict_groups(session: Session, event: Event) -> list[dict[str, Any]]:
    """Only the conflicting figure groups, with the member fields the charts draw."""
    assert event.id is not None
    groups = session.exec(
        select(FigureGroup.id, FigureGroup.label, FigureGroup.compatible)
        .where(FigureGroup.event_id == event.id, FigureGroup.status == "conflict")
        .order_by(col(FigureGroup.id))
    ).all()
    if not groups:
        return []
    outlets = queries.outlet_names(session, event.id)
    members: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for group_id, article_id, text, value, qualifier, unit, kind in session.exec(
        select(
            Figure.group_id,
            Figure.article_id,
            Figure.text,
            Figure.value,
            Figure.qualifier,
            Figure.unit,
            Figure.kind,
        )
        .where(col(Figure.group_id).in_([g for g, _, _ in groups]))
        .order_by(col(Figure.article_id), col(Figure.start))
    ).all():
        members[group_id or 0].append(
            {
                "outlet": outlets.get(article_id, ""),
                "text": text,
                "value": value,
                "qualifier": qualifier,
                "unit": unit,
                "kind": kind,
            }
        )
    result = [
        {
            "id": group_id,
            "label": label,
            "status": "conflict",
            "compatible": compatible,
            "members": members[group_id or 0],
        }
        for group_id, label, compatible in groups
    ]
    result.sort(key=lambda g: (-len(g["members"]), g["id"]))
    return result


def matrix_page_size(outlets: int) -> int:
    """Rows per matrix page: fewer rows when there are many outlet columns, so a page stays a few thousand cells."""
    return max(10, min(MATRIX_PAGE_SIZE, MATRIX_CELLS_PER_PAGE // max(1, outlets)))


# ---------------------------------------------------------------- timeline and omissions


class TimelineArticle(BaseModel):
    id: int
    outlet: str
    title: str
    published_at: datetime | None
    word_count: int


class FirstPrinting(BaseModel):
    """Who printed a statement or a figure first, and who followed."""

    id: int
    text: str
    speaker: str | None = None
    first_outlet: str
    first_article_id: int
    first_at: datetime | None
    followers: int  # other articles that printed it later (or at an unknown time)


class TollStep(BaseModel):
    published_at: datetime | None
    outlet: str
    article_id: int
    text: str
    value: float | None
    changed: bool  # differs from the value printed just before it


class TollHistory(BaseModel):
    id: int
    label: str
    steps: list[TollStep]


class Timeline(BaseModel):
    articles: list[TimelineArticle]
    statements: list[FirstPrinting]
    figures: list[FirstPrinting]
    tolls: list[TollHistory]
    undated: int


_NEVER = datetime.max.replace(tzinfo=UTC)


def _order(moment: datetime | None) -> datetime:
    return _aware(moment) if moment else _NEVER


def timeline(session: Session, event: Event, *, limit: int = 100) -> Timeline:
    """Who published when; who printed each quote and each figure first; how each disputed number moved."""
    rows = session.exec(
        select(Article.id, Outlet.name, Article.title, Article.published_at, Article.word_count)
        .join(Outlet, col(Outlet.id) == col(Article.outlet_id))
        .where(Article.event_id == event.id)
    ).all()
    articles = sorted(
        (
            TimelineArticle(id=i or 0, outlet=o, title=t, published_at=p and _aware(p), word_count=w)
            for i, o, t, p, w in rows
        ),
        key=lambda a: (_order(a.published_at), a.id),
    )
    rank = {a.id: n for n, a in enumerate(articles)}
    by_id = {a.id: a for a in articles}

    def first_of(article_ids: list[int]) -> TimelineArticle:
        return by_id[min(article_ids, key=lambda i: rank.get(i, 1 << 30))]

    statements = []
    for statement in overview_statements(session, event):
        carriers = [m["article_id"] for m in statement["members"] if m["article_id"] in by_id]
        if not carriers:
            continue
        first = first_of(carriers)
        text = next(m["text"] for m in statement["members"] if m["article_id"] == first.id)
        statements.append(
            FirstPrinting(
                id=statement["id"],
                text=text,
                speaker=statement["speaker"],
                first_outlet=first.outlet,
                first_article_id=first.id,
                first_at=first.published_at,
                followers=len(set(carriers)) - 1,
            )
        )
    statements.sort(key=lambda s: (-s.followers, _order(s.first_at), s.id))
    groups = session.exec(
        select(FigureGroup.id, FigureGroup.label, FigureGroup.status).where(FigureGroup.event_id == event.id)
    ).all()
    members: dict[int, list[tuple[int, str, float | None]]] = defaultdict(list)
    if groups:
        for group_id, article_id, text, value in session.exec(
            select(Figure.group_id, Figure.article_id, Figure.text, Figure.value)
            .where(col(Figure.group_id).in_([g for g, _, _ in groups]))
            .order_by(col(Figure.article_id), col(Figure.start))
        ).all():
            members[group_id or 0].append((article_id, text, value))
    figures, tolls = [], []
    for group_id, label, status in groups:
        printed = members.get(group_id or 0, [])
        if not printed:
            continue
        first = first_of([a for a, _, _ in printed])
        first_text = next(t for a, t, _ in printed if a == first.id)
        figures.append(
            FirstPrinting(
                id=group_id or 0,
                text=f"{first_text} {label}".strip(),
                first_outlet=first.outlet,
                first_article_id=first.id,
                first_at=first.published_at,
                followers=len({a for a, _, _ in printed}) - 1,
            )
        )
        if status == "conflict":
            steps: list[TollStep] = []
            seen: set[int] = set()
            for article_id, text, value in sorted(printed, key=lambda m: rank.get(m[0], 1 << 30)):
                if article_id in seen:
                    continue
                seen.add(article_id)
                article = by_id[article_id]
                changed = bool(steps) and steps[-1].value != value
                steps.append(
                    TollStep(
                        published_at=article.published_at,
                        outlet=article.outlet,
                        article_id=article_id,
                        text=text,
                        value=value,
                        changed=changed,
                    )
                )
            tolls.append(TollHistory(id=group_id or 0, label=label or "figure", steps=steps))
    figures.sort(key=lambda f: (-f.followers, _order(f.first_at), f.id))
    tolls.sort(key=lambda t: -len(t.steps))
    return Timeline(
        articles=articles,
        statements=statements[:limit],
        figures=figures[:limit],
        tolls=tolls[:10],
        undated=sum(1 for a in articles if a.published_at is None),
    )


class Omission(BaseModel):
    id: int
    text: str
    speaker: str | None = None
    carried_by: int  # how many other outlets carried it


class Omissions(BaseModel):
    """What one outlet left out that most other outlets carried."""

    outlet: str
    outlets: list[str]
    others: int
    statements: list[Omission]
    figures: list[Omission]
    speakers: list[Omission]


def omissions(session: Session, event: Event, outlet: str | None) -> Omissions:
    names = event_outlets(overview_articles(session, event))
    if not names:
        raise NotFound("This event has no articles yet.")
    chosen = outlet or names[0]
    if chosen not in names:
        raise BadInput(f"'outlet' must be an outlet of this event, not '{chosen[:60]}'.")
    others = len(names) - 1

    def most(count: int) -> bool:
        # "Most others": more than half of the other outlets (and at least two of them).
        return count >= 2 and count * 2 > others

    statements = []
    speaker_outlets: dict[str, set[str]] = defaultdict(set)
    for statement in overview_statements(session, event):
        carriers = set(statement["outlets"])
        speaker_outlets[statement["speaker"]] |= carriers
        if chosen not in carriers and most(len(carriers)):
            text = consensus(statement["members"])[0]["text"]
            statements.append(
                Omission(
                    id=statement["id"], text=text, speaker=statement["speaker"], carried_by=len(carriers)
                )
            )
    speakers = [
        Omission(id=0, text=name, carried_by=len(carriers))
        for name, carriers in speaker_outlets.items()
        if name != queries.UNKNOWN_SPEAKER and chosen not in carriers and most(len(carriers))
    ]
    assert event.id is not None
    outlet_of = queries.outlet_names(session, event.id)
    carried: dict[int, set[str]] = defaultdict(set)
    labels: dict[int, str] = {}
    for group_id, label, article_id in session.exec(
        select(FigureGroup.id, FigureGroup.label, Figure.article_id)
        .join(Figure, col(Figure.group_id) == col(FigureGroup.id))
        .where(FigureGroup.event_id == event.id)
    ).all():
        # A source's figures are the reference, not an outlet's coverage.
        if outlet_of.get(article_id) in names:
            carried[group_id or 0].add(outlet_of[article_id])
        labels[group_id or 0] = label
    figures = [
        Omission(id=group_id, text=labels[group_id] or "figure", carried_by=len(outlets))
        for group_id, outlets in carried.items()
        if chosen not in outlets and most(len(outlets))
    ]
    return Omissions(
        outlet=chosen,
        outlets=names,
        others=others,
        statements=sorted(statements, key=lambda o: (-o.carried_by, o.id)),
        figures=sorted(figures, key=lambda o: (-o.carried_by, o.id)),
        speakers=sorted(speakers, key=lambda o: (-o.carried_by, o.text)),
    )
