"""The highlighter: each quoted sentence takes its own statement; pieces are cut once, in order."""

from __future__ import annotations

from app.web.highlight import SentenceSpan, highlight, statement_colours, statement_numbers


def _quote(quote_id: int, start: int, end: int, statement_ids: list[int]) -> dict[str, object]:
    return {"id": quote_id, "start": start, "end": end, "statement_ids": statement_ids, "speaker": "Ada"}


def test_each_sentence_of_a_quote_links_to_its_own_statement() -> None:
    body = 'She said "Rain came early. Roads closed at noon." Then she left.'
    first = body.index("Rain")
    second = body.index("Roads")
    end = body.index('"', second)
    quotes = [_quote(1, first, end, [7, 9])]
    spans = [SentenceSpan(first, second - 1, 7), SentenceSpan(second, end, 9)]
    colours = statement_colours([9, 7])
    (paragraph,) = highlight(body, quotes, [], sentences=spans, colours=colours)
    linked = {p.text.strip(): p.statement.group for p in paragraph if p.statement}
    assert linked == {"Rain came early.": 7, "Roads closed at noon.": 9}
    by_text = {p.text.strip(): p.statement.colour for p in paragraph if p.statement}
    assert by_text["Rain came early."] == colours[7] != by_text["Roads closed at noon."]


def test_a_sentence_cut_by_a_figure_opens_once() -> None:
    body = '"We counted 41 boats today."'
    quotes = [_quote(1, 1, len(body) - 1, [3])]
    figure = {"id": 5, "start": body.index("41"), "end": body.index("41") + 2, "group_id": None}
    spans = [SentenceSpan(1, len(body) - 1, 3)]
    (paragraph,) = highlight(body, quotes, [figure], sentences=spans, numbers=statement_numbers([3]))
    quoted = [p for p in paragraph if p.statement]
    assert [p.text for p in quoted] == ["We counted ", "41", " boats today."]
    assert [p.opens_sentence for p in quoted] == [True, False, False]
    assert quoted[1].figure is not None and quoted[1].statement.number == 1


def test_without_sentence_spans_a_quote_keeps_its_first_statement() -> None:
    body = '"One. Two."'
    (paragraph,) = highlight(body, [_quote(1, 1, 10, [4, 6])], [])
    assert {p.statement.group for p in paragraph if p.statement} == {4}


def test_many_quotes_each_marked_in_its_own_paragraph() -> None:
    quotes = [_quote(i, i * 10 + 1, i * 10 + 5, [i]) for i in range(200)]
    body = "".join(f'"abcd" q{i % 10}\n' for i in range(200))  # ten characters a line, break included
    paragraphs = highlight(body, quotes, [])
    assert len(paragraphs) == 200
    assert "".join(p.text for paragraph in paragraphs for p in paragraph) == body.replace("\n", "")
    assert sum(1 for paragraph in paragraphs for p in paragraph if p.quote) == 200
