"""The matrix cells written in Python: escaped like the template's values, linked only when printed."""

from app.services.views.matrix import MatrixCell
from app.web.matrix_html import matrix_cells


def test_cells_escape_outlet_names_and_link_printed_cells_only() -> None:
    cells = [
        MatrixCell(outlet='<b>"Bad" & Co</b>', state="variant", text="Other words.", article_id=7),
        MatrixCell(outlet="Quiet Post", state="absent", text="", article_id=None),
    ]
    html = str(matrix_cells(cells, "/events/e/statements/3?x=1&y=2"))
    assert "<b>" not in html
    assert 'title="&lt;b&gt;&#34;Bad&#34; &amp; Co&lt;/b&gt;"' in html
    assert '<a href="/events/e/statements/3?x=1&amp;y=2#v-7" aria-label="other words">◐</a>' in html
    assert html.count("<a ") == 1
    assert '<td class="cell absent" title="Quiet Post"><span aria-hidden="true">○</span>' in html
    assert '<span class="sr-only">left out</span></td>' in html
