"""The coverage matrix: statements as rows, outlets as columns, who carried which quoted sentence and
in which wording; and its CSV."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Literal

from pydantic import BaseModel, Field

from app.services import queries
from app.services.errors import BadInput
from app.services.views.common import attributions, page_of, wording_key
from app.services.views.records import Attribution

MATRIX_PAGE_SIZE = 50
MATRIX_CELLS_PER_PAGE = 3000
SORTS = ("outlets", "speaker")
SHOWS = (
    "changed",
    "left_out",
)  # matrix rows with other wordings; rows someone (or the chosen outlet) left out


CellState = Literal["same", "variant", "absent"]


class Printing(BaseModel):
    article_id: int
    text: str


class MatrixCell(BaseModel):
    """One outlet's part in one statement: the same words as the row's most common wording, other words, or
    none (left out). `text` and `article_id` are its first printing; `more` its other articles' printings."""

    outlet: str
    state: CellState
    text: str
    article_id: int | None
    more: list[Printing] = []


class MatrixRow(BaseModel):
    id: int
    speaker: str
    speakers: list[Attribution]  # who each outlet named; two or more: the outlets disagree on who said it
    text: str  # the most common wording
    carried: int  # outlets that printed it
    variants: int  # outlets that printed other words
    cells: list[MatrixCell]  # one per outlet, in the matrix's outlet order


class MatrixFilters(BaseModel):
    speaker: str | None = None
    outlet: str | None = None
    show: Literal["changed", "left_out", "shared"] | None = Field(default=None, serialization_alias="_show")

    def query(self) -> dict[str, str | None]:
        """The filters as URL parameters, for links that keep them."""
        return {"speaker": self.speaker, "outlet": self.outlet, "_show": self.show}

    @property
    def active(self) -> bool:
        return bool(self.speaker or self.outlet or self.show)


class CoverageMatrix(BaseModel):
    """Who carried which quoted sentence: statements as rows, outlets as columns, one page of rows (the
    overview's matrix and its JSON twin `/api/events/{slug}/matrix`, with the same parameters)."""

    outlets: list[str]
    rows: list[MatrixRow]
    sort: Literal["outlets", "speaker"]
    filters: MatrixFilters
    speakers: list[str]  # every speaker of the event, for the filter
    page: int
    pages: int
    total: int  # rows that pass the filters, on every page
    first: int  # the number of this page's first row

    def csv_rows(self) -> list[list[object]]:
        """One line per outlet and statement (and per further article of one outlet)."""
        out: list[list[object]] = [["statement_id", "speaker", "outlet", "article_id", "state", "text"]]
        for row in self.rows:
            for cell in row.cells:
                # Plain tuples, not a model per printing: a wire story's CSV has tens of thousands of cells.
                printings = [(cell.article_id, cell.text)] if cell.article_id else []
                printings += [(more.article_id, more.text) for more in cell.more]
                for article_id, text in printings or [("", "")]:
                    out.append([row.id, row.speaker, cell.outlet, article_id, cell.state, text])
        return out


def coverage_matrix(
    statements: list[dict[str, Any]],
    outlets: list[str],
    *,
    sort: Literal["outlets", "speaker"] = "outlets",
    page: int = 1,
    page_size: int | None = MATRIX_PAGE_SIZE,
    speaker: str | None = None,
    outlet: str | None = None,
    show: Literal["changed", "left_out", "shared"] | None = None,
) -> CoverageMatrix:
    """Statements as rows and outlets as columns, one page of rows (`page_size` None: every row, as the CSV).

    Each cell says whether the outlet carried the sentence with the row's most common wording (`same`),
    with other words (`variant`), or not at all (`absent`). Filters: one `speaker`; one `outlet` (rows it
    carried, or with `show="left_out"` rows it left out); `show="changed"` rows printed in more than one
    wording; `show="left_out"` rows at least one outlet left out; `show="shared"` rows two or more outlets
    carried (on a real event most rows are one outlet's quotes, which compare with nothing).
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
    if show == "shared":
        statements = [s for s in statements if len(s["outlets"]) >= 2]
    if show == "changed":
        statements = [s for s in statements if len({wording_key(m["text"]) for m in s["members"]}) > 1]
    if sort == "speaker":
        ordered = sorted(
            statements, key=lambda s: (s["speaker"] == queries.UNKNOWN_SPEAKER, s["speaker"], s["id"])
        )
    else:
        ordered = sorted(statements, key=lambda s: (-len(s["outlets"]), s["id"]))
    rows_on_page, paging = page_of(ordered, page, page_size or max(1, len(ordered)))
    absent = absent_cells(outlets)
    return CoverageMatrix(
        outlets=outlets,
        rows=[matrix_row(statement, outlets, absent) for statement in rows_on_page],
        sort=sort,
        filters=MatrixFilters(speaker=speaker, outlet=outlet, show=show),
        speakers=speakers,
        **paging,
    )


def absent_cells(outlets: list[str]) -> dict[str, MatrixCell]:
    """One "left out" cell per outlet, shared by every row of a page: most cells of a wide matrix are these."""
    return {
        outlet: MatrixCell(outlet=outlet, state="absent", text="", article_id=None, more=[])
        for outlet in outlets
    }


def matrix_row(
    statement: dict[str, Any], outlets: list[str], absent: dict[str, MatrixCell] | None = None
) -> MatrixRow:
    members = statement["members"]
    keys = [wording_key(m["text"]) for m in members]
    # The most common wording is the reference; ties go to the earliest article (members are in article order).
    reference_key = Counter(keys).most_common(1)[0][0] if keys else ()
    reference = next((m["text"] for m, k in zip(members, keys, strict=True) if k == reference_key), "")
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    reworded: set[str] = set()  # outlets with at least one printing in other words
    for member, key in zip(members, keys, strict=True):
        by_outlet[member["outlet"]].append(member)
        if key != reference_key:
            reworded.add(member["outlet"])
    absent = absent if absent is not None else absent_cells(outlets)
    cells = []
    carried = variants = 0
    for outlet in outlets:
        printings = by_outlet.get(outlet)
        if not printings:
            cells.append(absent[outlet])
            continue
        state: CellState = "variant" if outlet in reworded else "same"
        carried += 1
        variants += state == "variant"
        first = printings[0]
        # Validated construction: pydantic-core checks these few plain fields faster than `model_construct`
        # fills them in Python, and a 300-outlet page has thousands of cells.
        cells.append(
            MatrixCell(
                outlet=outlet,
                state=state,
                text=first["text"],
                article_id=first["article_id"],
                more=[Printing(article_id=m["article_id"], text=m["text"]) for m in printings[1:]],
            )
        )
    return MatrixRow(
        id=statement["id"],
        speaker=statement["speaker"],
        speakers=[Attribution.model_validate(a) for a in attributions(members)],
        text=reference,
        carried=carried,
        variants=variants,
        cells=cells,
    )


def matrix_page_size(outlets: int) -> int:
    """Rows per matrix page: fewer rows when there are many outlet columns, so a page stays a few thousand cells."""
    return max(10, min(MATRIX_PAGE_SIZE, MATRIX_CELLS_PER_PAGE // max(1, outlets)))
