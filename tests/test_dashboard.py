"""The dashboard read models (app/services/views/) on small invented data: matrix states, sorting and
pages, conflict charts, diff bases, context cuts, the variants panel, ledger values and CSV rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.services import views
from app.services.errors import BadInput, NotFound
from app.web.filters import bar_value
from app.web.params import parse_choice, parse_page
from app.web.render import _csv_cell

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def member(article_id: int, outlet: str, text: str, start: int = 0) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "outlet": outlet,
        "text": text,
        "start": start,
        "end": start + len(text),
    }


def statement(statement_id: int, speaker: str, *members: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": statement_id,
        "speaker": speaker,
        "members": list(members),
        "outlets": sorted({m["outlet"] for m in members}),
    }


OUTLETS = ["Alpha Daily", "Beta News", "Gamma Post"]


def test_wording_key_folds_spelling_case_and_punctuation_but_not_words() -> None:
    assert views.wording_key("We will organise the harbour.") == views.wording_key(
        "we will organize the harbor"
    )
    assert views.wording_key("We will rebuild") != views.wording_key("We shall rebuild")
    assert views.wording_key("We will rebuild") != views.wording_key("We will rebuild it")


def test_matrix_row_states_follow_the_majority_wording() -> None:
    row = views.matrix_row(
        statement(
            1,
            "Ana Ruiz",
            member(1, "Alpha Daily", "The dam held for three days"),
            member(2, "Beta News", "The dam held for three days."),
            member(3, "Gamma Post", "The dam stood for three days"),
        ),
        [*OUTLETS, "Delta Wire"],
    )
    assert [c.state for c in row.cells] == ["same", "same", "variant", "absent"]
    assert row.carried == 3 and row.variants == 1
    assert row.text == "The dam held for three days"


def test_matrix_sorts_and_pages() -> None:
    statements = [
        statement(1, "Zoe Park", member(1, "Alpha Daily", "First line here")),
        statement(
            2,
            "unknown",
            member(1, "Alpha Daily", "Second line here"),
            member(2, "Beta News", "Second line here"),
        ),
        statement(3, "Al Berg", member(3, "Gamma Post", "Third line here")),
    ]
    by_outlets = views.coverage_matrix(statements, OUTLETS)
    assert [r.id for r in by_outlets.rows] == [2, 1, 3]
    by_speaker = views.coverage_matrix(statements, OUTLETS, sort="speaker")
    assert [r.speaker for r in by_speaker.rows] == ["Al Berg", "Zoe Park", "unknown"]
    first = views.coverage_matrix(statements, OUTLETS, page=1, page_size=2)
    second = views.coverage_matrix(statements, OUTLETS, page=2, page_size=2)
    assert (first.pages, first.total, len(first.rows), len(second.rows)) == (2, 3, 2, 1)
    assert second.first == 3
    with pytest.raises(NotFound):
        views.coverage_matrix(statements, OUTLETS, page=3, page_size=2)


def test_parameters_are_checked_with_a_sentence() -> None:
    assert parse_page(None) == 1 and parse_page("4") == 4
    for bad in ("0", "-1", "two"):
        with pytest.raises(BadInput, match="_page"):
            parse_page(bad)
    assert parse_choice("_sort", "", views.SORTS, "outlets") == "outlets"
    with pytest.raises(BadInput, match="one of outlets, speaker"):
        parse_choice("_sort", "length", views.SORTS, "outlets")


def figure(
    article_id: int, outlet: str, text: str, value: float, qualifier: str | None = None
) -> dict[str, Any]:
    return {
        "article_id": article_id,
        "outlet": outlet,
        "text": text,
        "value": value,
        "value_high": None,
        "unit": None,
        "qualifier": qualifier,
        "kind": "count",
        "source": None,
        "start": 0,
        "end": len(text),
    }


def test_conflict_chart_marks_the_outlying_value() -> None:
    group = {
        "id": 7,
        "label": "boats sunk",
        "status": "conflict",
        "members": [
            figure(1, "Alpha Daily", "at least 30", 30, "at least"),
            figure(2, "Beta News", "30", 30),
            figure(3, "Gamma Post", "45", 45),
        ],
    }
    agree = {**group, "id": 8, "status": "agree"}
    charts = views.conflict_charts([group, agree])
    assert len(charts) == 1
    bars = charts[0].bars
    assert [b.odd for b in bars] == [False, False, True]
    assert bars[2].width == views.CHART_WIDTH and bars[0].width == round(views.CHART_WIDTH * 30 / 45)
    assert bars[0].qualifier == "at least" and charts[0].spread == "30–45"
    # The value printed beside a bar: the qualifier once (it is in the text), ≠ on the odd one out.
    assert [bar_value(b) for b in bars] == ["at least 30", "30", "≠ 45"]


def test_conflict_chart_with_many_outlets_shares_bars_by_value() -> None:
    members = [figure(i, f"Outlet {i}", "12" if i % 3 else "15", 12 if i % 3 else 15) for i in range(1, 31)]
    chart = views.conflict_charts([{"id": 1, "label": "x", "status": "conflict", "members": members}])[0]
    assert len(chart.bars) == 2
    assert sorted(len(b.outlets) for b in chart.bars) == [10, 20]
    assert chart.bars[0].label == "20 outlets" and not chart.bars[0].odd
    # A value only one outlet gives is that outlet's bar, not "1 outlets".
    members.append(figure(31, "Outlet 31", "99", 99))
    lone = views.conflict_charts([{"id": 1, "label": "x", "status": "conflict", "members": members}])[0]
    assert [b.label for b in lone.bars] == ["20 outlets", "10 outlets", "Outlet 31"]


def test_choose_base_by_article_id_or_outlet_name() -> None:
    members = [member(4, "Alpha Daily", "a b c"), member(9, "Beta News", "a b d")]
    assert views.choose_base(members, None) is members[0]
    assert views.choose_base(members, "9") is members[1]
    assert views.choose_base(members, "beta news") is members[1]
    with pytest.raises(BadInput, match=r"4 \(Alpha Daily\), 9 \(Beta News\)"):
        views.choose_base(members, "12")


def test_variants_diff_against_the_base_with_context() -> None:
    body_a = 'Rain fell all night.\n"The levee will hold," the engineer said. More later.'
    body_b = '"The old levee will not hold," she said.'
    a = member(1, "Alpha Daily", "The levee will hold", body_a.index("The levee"))
    b = member(2, "Beta News", "The old levee will not hold", 1)
    st = statement(5, "Ines Vale", a, b)
    rows = views.variants(st, a, {1: body_a, 2: body_b})
    assert rows[0]["is_base"] and rows[0]["same"] and rows[0]["changes"] == 0
    ops = [r["op"] for r in rows[1]["runs"]]
    assert "insert" in ops and not rows[1]["same"]
    rebuilt = "".join(r["text"] for r in rows[1]["runs"])
    assert rebuilt == b["text"]
    # The context is the quote's own paragraph, not the one before it.
    assert rows[0]["context"]["text"] == "The levee will hold"
    assert "Rain fell" not in rows[0]["context"]["before"] and "engineer said" in rows[0]["context"]["after"]


def test_context_is_cut_to_a_limit_with_ellipses() -> None:
    body = "x" * 500 + "QUOTE" + "y" * 500
    cut = views.context_around(body, 500, 505, limit=20)
    assert cut["before"] == "…" + "x" * 20 and cut["after"] == "y" * 20 + "…" and cut["text"] == "QUOTE"


def test_sentence_around_a_figure_stops_at_sentence_ends() -> None:
    body = "The storm came at dawn. At least 40 homes were flooded, officials said. Roads closed."
    start = body.index("At least 40")
    context = views.sentence_around(body, start, start + len("At least 40"))
    assert context["before"] == "" and context["after"] == " homes were flooded, officials said."


def test_variants_panel_reads_only_the_comparison_data() -> None:
    data = {
        "article_ids": [2, 1, 3],
        "articles": [
            {"id": 2, "outlet": "Beta News", "body": "He said: Ships leave at noon today."},
            {"id": 1, "outlet": "Alpha Daily", "body": "Ships leave at noon."},
            {"id": 3, "outlet": "Gamma Post", "body": "Nothing quoted."},
        ],
        "statements": [
            statement(
                11,
                "Port office",
                member(1, "Alpha Daily", "Ships leave at noon"),
                member(2, "Beta News", "Ships leave at noon today", 9),
            )
        ],
    }
    panel = views.variants_panel(data, 11)
    # The leftmost column's version is the base.
    assert [v.outlet for v in panel.variants] == ["Beta News", "Alpha Daily"]
    assert panel.variants[0].is_base and panel.missing == ["Gamma Post"]
    assert [r.op for r in panel.variants[1].runs] == ["equal", "delete"]
    with pytest.raises(NotFound):
        views.variants_panel(data, 12)


def test_value_text_groups_amounts_but_not_years() -> None:
    assert (
        views.value_text({"value": 1200000.0, "value_high": None, "kind": "count", "unit": None})
        == "1,200,000"
    )
    assert views.value_text({"value": 200.0, "value_high": 300.0, "kind": "count", "unit": None}) == "200–300"
    assert views.value_text({"value": 2019.0, "value_high": None, "kind": "year", "unit": None}) == "2019"
    assert views.value_text({"value": None, "value_high": None, "kind": "count", "unit": None}) == ""


def test_statements_csv_has_a_row_per_outlet_and_statement() -> None:
    st = statement(
        3, "Ana Ruiz", member(1, "Alpha Daily", "Hold the line"), member(2, "Beta News", "Hold that line")
    )
    rows = views.coverage_matrix([st], OUTLETS, page_size=None).csv_rows()
    assert rows[0][:3] == ["statement_id", "speaker", "outlet"]
    assert [(r[2], r[4]) for r in rows[1:]] == [
        ("Alpha Daily", "same"),
        ("Beta News", "variant"),
        ("Gamma Post", "absent"),
    ]


def test_csv_cells_never_start_a_formula() -> None:
    assert _csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _csv_cell("@sum") == "'@sum" and _csv_cell("plain") == "plain" and _csv_cell(-3) == -3


def test_matrix_on_the_seed_articles_agrees_with_their_statements(tmp_path: Path) -> None:
    """The real articles, aligned by the app: every carried cell is a member, every member a carried cell."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    from fastapi.testclient import TestClient

    from app.main import create_app

    texts = sorted(SEEDS.glob("*.txt"))
    with TestClient(create_app(f"sqlite:///{tmp_path / 'seeds.db'}", migrate=True)) as client:
        slug = client.post("/api/events", json={"title": "Seeds"}).json()["slug"]
        for i, path in enumerate(texts):
            response = client.post(
                f"/api/events/{slug}/articles",
                json={"outlet": f"Seed outlet {i}", "text": path.read_text("utf-8")},
            )
            assert response.status_code == 201
        matrix = client.get(f"/api/events/{slug}/matrix").json()
        statements = {s["id"]: s for s in client.get(f"/api/events/{slug}/statements").json()}
    assert matrix["total"] == len(statements)
    for row in matrix["rows"]:
        carried = {c["outlet"] for c in row["cells"] if c["state"] != "absent"}
        assert carried == set(statements[row["id"]]["outlets"])


def test_value_text_shows_the_normalised_unit() -> None:
    # Durations read in the unit outlets print (issue 10: never "72 h hour").
    assert (
        views.value_text({"value": 72.0, "value_high": None, "kind": "duration", "unit": "hour"}) == "3 days"
    )
    assert views.value_text({"value": 312.0, "value_high": None, "kind": "date", "unit": "date"}) == "12 Mar"
    assert (
        views.value_text({"value": 20231007.0, "value_high": None, "kind": "date", "unit": "date"})
        == "7 Oct 2023"
    )
    assert (
        views.value_text({"value": 12e6, "value_high": None, "kind": "money", "unit": "GBP"}) == "£12,000,000"
    )


def test_value_text_rounds_converted_measures_but_keeps_pennies() -> None:
    # '1,680 miles' normalised to millimetres reads '2,704 km', not '2,703.70 km' (found on a real event).
    miles = 1680 * 1_609_344.0
    assert (
        views.value_text({"value": miles, "value_high": None, "kind": "measure", "unit": "mm"}) == "2,704 km"
    )
    assert (
        views.value_text({"value": 770e6, "value_high": 497 * 1_609_344.0, "kind": "measure", "unit": "mm"})
        == "770–800 km"
    )
    assert (
        views.value_text({"value": 12.25, "value_high": None, "kind": "percent", "unit": "percent"})
        == "12.2%"
    )
    assert views.value_text({"value": 2.5, "value_high": None, "kind": "money", "unit": "GBP"}) == "£2.50"
    assert views.value_text({"value": 1.4e9 + 1e-7, "value_high": None, "kind": "money", "unit": "USD"}) == (
        "$1,400,000,000"
    )


def test_a_group_labelled_only_with_its_kind_gets_a_readers_title() -> None:
    from app.services.views.figure_values import group_title, is_generic_title

    assert group_title("measure", "measure", "mm") == "distance or length"
    assert group_title("measure", "measure", "kg") == "weight"
    assert group_title("time_ago", "time_ago", "hour") == "how long ago"
    assert group_title("vague", "vague", None) == "rough amount"
    assert group_title("count", "count", None) == "number (nothing counted named)"
    assert group_title("", None, None) == "figure"
    # A counted phrase is the outlets' own wording and stays as it is.
    assert group_title("people evacuated", "count", None) == "people evacuated"
    assert is_generic_title("measure", "measure") and not is_generic_title("boats sunk", "count")
    group = {
        "id": 3,
        "label": "measure",
        "status": "conflict",
        "members": [
            {**figure(1, "Alpha Daily", "40 km", 40e6), "kind": "measure", "unit": "mm"},
            {**figure(2, "Beta News", "55 km", 55e6), "kind": "measure", "unit": "mm"},
        ],
    }
    assert views.conflict_charts([group])[0].label == "distance or length"


def test_each_conflict_chart_links_to_the_ledger_page_holding_its_group() -> None:
    def conflict(group_id: int, size: int) -> dict[str, Any]:
        members = [figure(i, f"Outlet {i}", str(10 + i % 2), 10 + i % 2) for i in range(size)]
        return {"id": group_id, "label": "boats sunk", "status": "conflict", "members": members}

    # The ledger lists conflicts with the most members first, 25 to a page: the smallest falls to page 2.
    groups = [conflict(100 + n, 2 if n == 0 else 3) for n in range(views.LEDGER_PAGE_SIZE + 1)]
    pages = {chart.id: chart.ledger_page for chart in views.conflict_charts(groups)}
    assert pages[100] == 2 and {pages[g["id"]] for g in groups[1:]} == {1}


def test_an_outlets_several_articles_are_told_apart_in_a_chart() -> None:
    from datetime import datetime

    from app.services.views.charts import article_names

    names = article_names(
        [
            (1, "Daily Ledger", datetime(2026, 3, 12, 9)),
            (2, "Daily Ledger", datetime(2026, 3, 14, 9)),
            (3, "Alpha Daily", datetime(2026, 3, 12, 9)),
            (4, "Beta News", datetime(2026, 3, 13, 8)),
            (5, "Beta News", datetime(2026, 3, 13, 20)),
            (6, "Quiet Gazette", None),
            (7, "Quiet Gazette", None),
        ]
    )
    assert names[1] == "Daily Ledger, 12 Mar" and names[2] == "Daily Ledger, 14 Mar"
    assert names[3] == "Alpha Daily"  # one article: the outlet's name is enough
    assert names[4] == "Beta News, 13 Mar (1)" and names[5] == "Beta News, 13 Mar (2)"
    assert names[6] == "Quiet Gazette (1)" and names[7] == "Quiet Gazette (2)"
    members = [
        {**figure(1, "Daily Ledger", "40", 40), "name": names[1]},
        {**figure(2, "Daily Ledger", "45", 45), "name": names[2]},
        {**figure(3, "Alpha Daily", "40", 40), "name": names[3]},
        {**figure(6, "Quiet Gazette", "40", 40), "name": names[6]},
    ]
    chart = views.conflict_charts([{"id": 1, "label": "homes", "status": "conflict", "members": members}])[0]
    # Only the outlet with two articles in this chart needs its articles named apart.
    assert [b.label for b in chart.bars] == [
        "Daily Ledger, 12 Mar",
        "Daily Ledger, 14 Mar",
        "Alpha Daily",
        "Quiet Gazette",
    ]


def test_a_group_title_never_ends_on_a_word_left_hanging() -> None:
    from app.services.views.figure_values import group_title

    assert group_title("distance of", "measure", "mm") == "distance"
    assert group_title("cost to the", "money", "USD") == "cost"
    assert group_title("share of the vote", "percent", "percent") == "share of the vote"
    assert group_title("of", "measure", "mm") == "distance or length"
