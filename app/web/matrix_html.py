"""The cells of the wide grids (the coverage matrix, the speakers grid) as HTML, written in Python: a
300-outlet page has thousands of cells, and Jinja's per-value escaping and output pieces made them most of
the page's rendering time."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from app.services.views.matrix import MatrixCell
from app.services.views.speakers import SpeakerCell

SYMBOLS = {"same": "●", "variant": "◐", "absent": "○"}
WORDS = {"same": "same words", "variant": "other words", "absent": "left out"}


def matrix_cells(cells: Iterable[MatrixCell], row_href: str) -> Markup:
    """One row's `<td>`s: each outlet's symbol, linked to its printing on the statement page when it has one."""
    href = escape(row_href)
    parts = []
    for cell in cells:
        state = cell.state  # a Literal of the model: one of the keys above, never outside text
        if cell.article_id:
            inner = (
                f'<a href="{href}#v-{int(cell.article_id)}" aria-label="{WORDS[state]}">{SYMBOLS[state]}</a>'
            )
        else:
            inner = (
                f'<span aria-hidden="true">{SYMBOLS[state]}</span><span class="sr-only">{WORDS[state]}</span>'
            )
        parts.append(f'<td class="cell {state}" title="{escape(cell.outlet)}">{inner}</td>')
    return Markup("".join(parts))


def speaker_cells(speaker: str, cells: Iterable[SpeakerCell]) -> Markup:
    """One speaker's `<td>`s: the quotes each outlet gives them, shaded by `level`."""
    name = escape(speaker)
    parts = []
    for cell in cells:
        n = int(cell.count)
        shown = n if n else '·<span class="sr-only">0</span>'
        title = f"{name} in {escape(cell.outlet)}: {n} quote{'' if n == 1 else 's'}"
        parts.append(f'<td class="num heat-{int(cell.level)}" title="{title}">{shown}</td>')
    return Markup("".join(parts))
