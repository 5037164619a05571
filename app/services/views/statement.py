"""The statement page: every printing of one quoted sentence, diffed against one base."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from app.core.diff import DiffRun, word_diff
from app.services import fidelity
from app.services.errors import BadInput, NotFound
from app.services.views.common import attributions, consensus, context_around, member_labels, wording_key
from app.services.views.records import Attribution, Variant


def find_statement(statements: list[dict[str, Any]], statement_id: int) -> dict[str, Any]:
    for statement in statements:
        if statement["id"] == statement_id:
            return statement
    raise NotFound(f"This event has no statement {statement_id}.")


def choose_base(members: list[dict[str, Any]], base: str | None) -> dict[str, Any]:
    """The member the others are diffed against: `?base=` an article id or an outlet name; else the most
    common wording, so a paraphrasing outlet listed first does not make every faithful one look changed."""
    common = consensus(members)[0]
    if base is None or base.strip() == "":
        return common
    wanted = base.strip()
    for member in base_choices(members, common):
        if (wanted.isascii() and wanted.isdigit() and member["article_id"] == int(wanted)) or member[
            "outlet"
        ].casefold() == (wanted.casefold()):
            return member
    choices = ", ".join(f"{m['article_id']} ({m['outlet']})" for m in members)
    raise BadInput(f"'base' must be one of the articles that carried this statement: {choices}.")


def base_choices(members: list[dict[str, Any]], common: dict[str, Any]) -> list[dict[str, Any]]:
    """One printing per article, in member order, to diff the others against: an article that prints the
    sentence twice (alone, and inside a longer quote) is chosen by its printing in the most common wording."""
    chosen: dict[int, dict[str, Any]] = {}
    for member in members:
        chosen.setdefault(member["article_id"], member)
    if common["article_id"] in chosen:
        chosen[common["article_id"]] = common
    return list(chosen.values())


class StatementVariants(BaseModel):
    """The statement page's data and its JSON twin: every printing diffed against one base."""

    id: int
    speaker: str
    base_article_id: int  # the version the others are diffed against (the source's article when it is)
    base_is_source: bool = False  # the base is the source's wording, not one outlet's printing
    source_base: Variant | None = None  # that wording, shaped like a printing, in its context
    source: dict[str, Any] | None = None  # the source's wording and each printing's status (None: no source)
    common_article_id: int  # a version with the most common wording
    common_count: int  # how many printings use the most common wording
    printings: int
    # Who each outlet named, most-carried first; two or more entries: the outlets disagree on who said it.
    speakers: list[Attribution] = []
    variants: list[Variant]  # each printing with its diff runs, `same`, `departs`, `changes`, context


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
        source_base=Variant.model_validate(base) if from_source else None,
        source=source,
        common_article_id=common["article_id"],
        common_count=common_count,
        printings=len(statement["members"]),
        speakers=[Attribution.model_validate(a) for a in attributions(statement["members"])],
        variants=[
            Variant.model_validate({**v, "label": labels[v["article_id"]]})
            for v in fidelity.mark_variants(variants(statement, base, bodies), source)
        ],
    )


def diff_runs(base_text: str, text: str) -> list[dict[str, str]]:
    return [{"op": r.op, "text": r.text, "base_text": r.base_text} for r in word_diff(base_text, text)]


def variants(
    statement: dict[str, Any], base: dict[str, Any], bodies: dict[int, str] | None = None
) -> list[dict[str, Any]]:
    """Every member with its diff against `base`, and (given the bodies) the paragraph around it."""
    rows = []
    base_key = wording_key(base["text"])
    common, common_count = consensus(statement["members"]) if statement["members"] else ({"text": ""}, 0)
    # "Departs from the most common wording" needs a wording most printings share: with two printings in
    # two wordings, or three in three, nobody departs (the ≠ mark's rule, for words).
    common_key = wording_key(common["text"]) if common_count * 2 > len(statement["members"]) else None
    # A wire sentence has hundreds of printings in a handful of wordings: diff each wording once.
    diffs: dict[str, list[DiffRun]] = {}
    for member in statement["members"]:
        text = member["text"]
        if text not in diffs:
            diffs[text] = word_diff(base["text"], text)
        runs = [{"op": r.op, "text": r.text, "base_text": r.base_text} for r in diffs[text]]
        row = {
            **member,
            "is_base": member is base,
            "runs": runs,
            "same": wording_key(member["text"]) == base_key,
            # Departs from the wording most outlets print (whatever the chosen base).
            "departs": common_key is not None and wording_key(member["text"]) != common_key,
            "changes": sum(r["op"] in ("insert", "delete") for r in runs),
        }
        if bodies is not None and member["article_id"] in bodies:
            row["context"] = context_around(bodies[member["article_id"]], member["start"], member["end"])
        rows.append(row)
    return rows
