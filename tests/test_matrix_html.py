"""The grid cells written in Python: escaped like the template's values, linked only when printed."""

from app.services.views.matrix import MatrixCell
from app.services.views.speakers import SpeakerCell
from app.web.matrix_html import matrix_cells, speaker_cells


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


def test_speaker_cells_escape_names_and_count_quotes() -> None:
    cells = [
        SpeakerCell(outlet="A & B <News>", count=1, level=2),
        SpeakerCell(outlet="Quiet Post", count=0, level=0),
        SpeakerCell(outlet="Loud Post", count=12, level=5),
    ]
    html = str(speaker_cells("<i>Jo</i>", cells))
    assert "<i>" not in html
    assert 'title="&lt;i&gt;Jo&lt;/i&gt; in A &amp; B &lt;News&gt;: 1 quote">1</td>' in html
    assert (
        '<td class="num heat-0" title="&lt;i&gt;Jo&lt;/i&gt; in Quiet Post: 0 quotes">·<span class="sr-only">0</span></td>'
        in html
    )
    assert '<td class="num heat-5" title="&lt;i&gt;Jo&lt;/i&gt; in Loud Post: 12 quotes">12</td>' in html
