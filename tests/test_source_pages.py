"""The source check in the pages: the fidelity view and its twins, the statement page's source base, the
compare page's Source column and marks, and the overview's Source badge."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient

from app.demo import SOURCE_EVENT_FOLDER, demo_articles
from tests.conftest import unique_title


@pytest.fixture
def dam(sqlite_client: TestClient) -> dict[str, object]:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Dam")}).json()["slug"]
    ids = {}
    for article in demo_articles(SOURCE_EVENT_FOLDER):
        response = sqlite_client.post(
            f"/api/events/{slug}/articles",
            json={
                "outlet": article.outlet,
                "title": article.title,
                "text": article.text,
                "role": article.role,
                "published_at": article.published_at.isoformat(),
            },
        )
        ids[article.outlet] = response.json()["id"]
    return {"slug": slug, "ids": ids}


def test_fidelity_json_counts_each_outlet_and_puts_the_worst_first(
    sqlite_client: TestClient, dam: dict
) -> None:
    data = sqlite_client.get(f"/api/events/{dam['slug']}/fidelity").json()
    counts = {o["outlet"]: o["counts"] for o in data["outlets"]}
    assert counts["Vale Post"] == {"altered": 2, "spliced": 1, "not_found": 0, "trimmed": 0, "verbatim": 1}
    assert counts["Brenmouth Courier"] == {
        "altered": 1,
        "spliced": 0,
        "not_found": 0,
        "trimmed": 1,
        "verbatim": 2,
    }
    assert "Brenmouth Council" not in counts  # the source is the reference, not an outlet checked
    statuses = [q["status"] for q in data["quotes"]]
    assert statuses == sorted(statuses, key=["altered", "spliced", "not_found", "trimmed", "verbatim"].index)
    assert data["quotes"][0]["severe"]
    only = sqlite_client.get(f"/api/events/{dam['slug']}/fidelity", params={"outlet": "Daily Ledger"}).json()
    assert {q["outlet"] for q in only["quotes"]} == {"Daily Ledger"}
    missing = sqlite_client.get(f"/api/events/{dam['slug']}/fidelity", params={"outlet": "Nobody Times"})
    assert missing.status_code == 404


def test_provenance_names_the_first_printer_and_groups_a_shared_altered_wording(
    sqlite_client: TestClient, dam: dict
) -> None:
    data = sqlite_client.get(f"/api/events/{dam['slug']}/fidelity").json()
    shared = [v for p in data["provenance"] for v in p["variants"] if v["shared_rewording"]]
    assert len(shared) == 1
    assert shared[0]["outlets"] == ["Vale Post", "Daily Ledger"]  # the Post printed it 90 minutes earlier
    assert shared[0]["first_outlet"] == "Vale Post"
    reservoir = next(p for p in data["provenance"] if "lower the reservoir" in (p["source_text"] or ""))
    assert [v["first_outlet"] for v in reservoir["variants"]] == [
        "National Wire",
        "Brenmouth Courier",
        "Vale Post",
    ]


def test_fidelity_page_and_csv(sqlite_client: TestClient, dam: dict) -> None:
    page = sqlite_client.get(f"/events/{dam['slug']}/fidelity")
    assert page.status_code == 200
    html = page.text
    assert "How faithfully did each outlet quote the source?" in html
    listed = html[html.index('class="fid-quotes"') :]
    assert listed.index("altered · severe") < listed.index("src-verbatim")
    assert "likely copied" in html
    rows = list(csv.reader(io.StringIO(sqlite_client.get(f"/events/{dam['slug']}/fidelity.csv").text)))
    assert rows[0][:5] == ["outlet", "published_at", "speaker", "quote", "status"]
    assert len(rows) == 1 + 16
    assert {r[4] for r in rows[1:]} == {"verbatim", "trimmed", "altered", "spliced", "not_found"}


def test_fidelity_page_without_a_source_says_so(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    page = sqlite_client.get(f"/events/{slug}/fidelity")
    assert page.status_code == 200 and "no source yet" in page.text


def test_statement_page_diffs_against_the_source(sqlite_client: TestClient, dam: dict) -> None:
    statements = sqlite_client.get(f"/api/events/{dam['slug']}/statements").json()
    repairs = next(s for s in statements if s["members"][0]["text"].startswith("The repairs will cost"))
    html = sqlite_client.get(f"/events/{dam['slug']}/statements/{repairs['id']}").text
    # The lead quote is the source's wording, and each outlet's "will" shows against its "may".
    assert "“The repairs may cost as much as 12 million pounds”" in html
    assert re.search(r"<del[^>]*>may\s*</del>", html) and re.search(r"<ins[^>]*>will\s*</ins>", html)
    assert "altered (severe)" in html
    # The JSON twin says so; another base can still be chosen (the lead quote stays the source's words).
    page = f"/events/{dam['slug']}/statements/{repairs['id']}"
    default = sqlite_client.get(page, params={"_format": "json"}).json()
    assert default["base_is_source"] and default["base_article_id"] == dam["ids"]["Brenmouth Council"]
    assert default["source"]["text"] == "The repairs may cost as much as 12 million pounds"
    other = sqlite_client.get(page, params={"base": dam["ids"]["Vale Post"], "_format": "json"}).json()
    assert not other["base_is_source"] and other["base_article_id"] == dam["ids"]["Vale Post"]
    assert [v["article_id"] for v in other["variants"] if v["is_base"]] == [dam["ids"]["Vale Post"]]
    html = sqlite_client.get(page, params={"base": dam["ids"]["Vale Post"]}).text
    assert (
        "“The repairs may cost as much as 12 million pounds”" in html
        and 'class="is-base is-source"' not in html
    )


def test_compare_marks_the_source_column_and_unfaithful_quotes(sqlite_client: TestClient, dam: dict) -> None:
    ids = dam["ids"]
    html = sqlite_client.get(
        f"/events/{dam['slug']}/compare", params={"a": ids["Brenmouth Council"], "b": ids["National Wire"]}
    ).text
    assert 'class="column is-source"' in html
    # The Source column marks the passages the other column quotes, in the colour of their statement.
    source_column = html[html.index('class="column is-source"') : html.index('aria-label="National Wire"')]
    assert source_column.count("data-statement=") >= 3
    assert "src-not_found" in html and "src-altered" in html and "src-spliced" in html
    overview = sqlite_client.get(f"/events/{dam['slug']}").text
    assert "source-badge" in overview
    # The source's own page marks what the reports quoted from it, each passage linking to its statement.
    source_page = sqlite_client.get(f"/events/{dam['slug']}/articles/{ids['Brenmouth Council']}").text
    assert source_page.count("data-statement=") >= 10


def test_variants_panel_uses_the_source_as_base(sqlite_client: TestClient, dam: dict) -> None:
    ids = dam["ids"]
    statements = sqlite_client.get(f"/api/events/{dam['slug']}/statements").json()
    repairs = next(s for s in statements if s["members"][0]["text"].startswith("The repairs will cost"))
    panel = sqlite_client.get(
        f"/events/{dam['slug']}/compare",
        params={"a": ids["Vale Post"], "b": ids["Daily Ledger"], "_statement": repairs["id"]},
        headers={"HX-Request": "true", "HX-Target": "variants"},
    ).text
    assert "The repairs may cost as much as 12 million pounds" in panel
    assert "altered (severe)" in panel


def test_statement_page_of_an_invented_quote_says_it_is_not_in_the_source(
    sqlite_client: TestClient, dam: dict
) -> None:
    statements = sqlite_client.get(f"/api/events/{dam['slug']}/statements").json()
    army = next(s for s in statements if s["members"][0]["text"].startswith("We have asked the army"))
    html = sqlite_client.get(f"/events/{dam['slug']}/statements/{army['id']}").text
    assert "No passage of the source says this." in html
    assert "src-not_found" in html


def test_fidelity_table_repeats_the_faithful_share_under_the_outlet_for_a_phone(
    sqlite_client: TestClient, dam: dict
) -> None:
    page = sqlite_client.get(f"/events/{dam['slug']}/fidelity").text
    row = re.search(
        r'>Brenmouth Courier</a><span class="phone-inline" aria-hidden="true">([^<]*)</span>', page
    )
    assert row is not None and row.group(1) == "75% faithful · 4 quotes"


def test_the_events_list_counts_the_outlets_not_the_source(sqlite_client: TestClient, dam: dict) -> None:
    # Four outlets reported the council's briefing; the transcript itself is no fifth outlet.
    page = sqlite_client.get("/").text
    row = page[page.index(f'href="/events/{dam["slug"]}"') :]
    numbers = re.findall(r'<td class="num">(\d+)</td>', row[: row.index("</tr>")])
    assert numbers[:2] == ["5", "4"], numbers  # articles, outlets


def test_faithful_share_counts_only_quotes_the_source_could_hold(sqlite_client: TestClient) -> None:
    # A source that is one speaker's statement: another person's words were never in it, so an outlet that
    # quoted the mayor word for word is 100% faithful, with the other speaker's quote set apart.
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Statement")}).json()["slug"]
    statement = (
        "Statement of Mayor Dana Okoro. The harbour wall will be rebuilt before the winter storms arrive. "
        "Every family that lost a boat will receive help from the council this month."
    )
    report = (
        'Mayor Dana Okoro said: "The harbour wall will be rebuilt before the winter storms arrive." '
        'A fisherman, Ben Castell, said: "Nobody believed the wall would hold for another season."'
    )
    for outlet, text, role in (("Town Council", statement, "source"), ("Harbour Gazette", report, "report")):
        response = sqlite_client.post(
            f"/api/events/{slug}/articles",
            json={"outlet": outlet, "title": f"{outlet} on the wall", "text": text, "role": role},
        )
        assert response.status_code == 201, response.text
    data = sqlite_client.get(f"/api/events/{slug}/fidelity").json()
    gazette = next(o for o in data["outlets"] if o["outlet"] == "Harbour Gazette")
    assert gazette["counts"]["verbatim"] == 1 and gazette["counts"]["not_found"] == 1
    assert gazette["other_speakers"] == 1
    assert gazette["faithful_share"] == 1.0


def test_fidelity_columns_are_named_as_their_badges(sqlite_client: TestClient, dam: dict) -> None:
    # The column counting quotes the source never says is named as the badge on those quotes, not "not found".
    html = sqlite_client.get(f"/events/{dam['slug']}/fidelity").text
    head = html[html.index('<table class="fidelity">') : html.index("</thead>")]
    assert ">Not in the source</th>" in head and ">Verbatim</th>" in head and "not found" not in head
    assert html.count('badge src src-not_found">not in the source<') >= 1
