"""Each read is one typed view: the API documents it (OpenAPI), the page's JSON and CSV twins follow the page's
parameters, and a permalink's JSON reads back exactly as it was frozen."""

from __future__ import annotations

import copy
import csv
import io

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import engine_for
from app.main import create_app
from app.models import Comparison

PAPERS = {
    "Alpha Daily": (
        '"The harbour wall cracked at dawn," said Mira Holt, the harbour master. '
        '"Nobody was hurt in the night," she added. Officials said 40 boats were damaged.'
    ),
    "Beta News": (
        '"The harbour wall cracked at dawn," Mira Holt said. Officials said 55 boats were damaged.'
    ),
    "Gamma Post": (
        '"The harbour wall split at dawn," said Mira Holt. "Nobody was hurt in the night," Holt added. '
        "Officials said 40 boats were damaged."
    ),
}


def _event(client: TestClient) -> tuple[str, dict[str, int]]:
    slug = client.post("/api/events", json={"title": "Harbour wall read models"}).json()["slug"]
    ids = {}
    for outlet, text in PAPERS.items():
        response = client.post(f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text})
        assert response.status_code == 201, response.text
        ids[outlet] = response.json()["id"]
    return slug, ids


def test_every_read_route_declares_its_response_model() -> None:
    openapi = create_app("sqlite://", migrate=False).openapi()
    reads = {
        path: ops["get"]
        for path, ops in openapi["paths"].items()
        if path.startswith("/api/") and "get" in ops
    }
    assert len(reads) >= 10
    untyped = []
    for path, operation in reads.items():
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        # A documented read names its model (a list of them or one); a bare object documents nothing.
        if "$ref" not in schema.get("items", schema):
            untyped.append(path)
    assert untyped == []
    for name in ("CoverageMatrix", "ComparisonData", "FrozenComparison", "QuoteRecord", "SpeakersGrid"):
        assert name in openapi["components"]["schemas"]


def test_matrix_json_and_csv_follow_the_page(sqlite_client: TestClient) -> None:
    slug, _ = _event(sqlite_client)
    query = "speaker=Mira+Holt&_show=changed"
    page = sqlite_client.get(f"/events/{slug}?{query}&_format=json").json()["matrix"]
    api = sqlite_client.get(f"/api/events/{slug}/matrix?{query}").json()
    assert page == api
    assert api["filters"] == {"speaker": "Mira Holt", "outlet": None, "_show": "changed"}
    assert [r["text"] for r in api["rows"]] == ["The harbour wall cracked at dawn"]
    rows = list(csv.reader(io.StringIO(sqlite_client.get(f"/events/{slug}/statements.csv?{query}").text)))
    assert {r[0] for r in rows[1:]} == {str(api["rows"][0]["id"])}
    everything = list(csv.reader(io.StringIO(sqlite_client.get(f"/events/{slug}/statements.csv").text)))
    assert len(everything) > len(rows)


def test_a_permalink_reads_back_as_frozen(sqlite_client: TestClient) -> None:
    slug, ids = _event(sqlite_client)
    chosen = [ids["Beta News"], ids["Alpha Daily"]]
    created = sqlite_client.post("/api/comparisons", json={"event": slug, "articles": chosen}).json()
    frozen = sqlite_client.get(f"/api/comparisons/{created['id']}").json()
    assert frozen["article_ids"] == chosen and frozen["id"] == created["id"]
    # No field the snapshot lacks is added on the way out (a live comparison has no 'frozen_at').
    live = sqlite_client.get(f"/api/events/{slug}/compare?a={chosen[0]}&b={chosen[1]}").json()
    assert "frozen_at" not in live and "panels" not in live
    assert set(frozen) - set(live) == {"id", "view", "frozen_at", "panels"}
    page = sqlite_client.get(f"{created['url']}?_format=json").json()
    assert page["labels"] == {str(chosen[0]): "Beta News", str(chosen[1]): "Alpha Daily"}
    # The page's twin is drawn from the same snapshot (its panels spell out the defaults, too).
    page_panels, frozen_panels = page["comparison"].pop("panels"), frozen.pop("panels")
    assert page["comparison"] == frozen
    for key, panel in frozen_panels.items():
        for n, variant in enumerate(panel["variants"]):
            assert page_panels[key]["variants"][n] | variant == page_panels[key]["variants"][n]


def test_compare_page_json_twin_carries_the_open_panel(sqlite_client: TestClient) -> None:
    slug, ids = _event(sqlite_client)
    a, b, c = ids["Alpha Daily"], ids["Beta News"], ids["Gamma Post"]
    statements = sqlite_client.get(f"/api/events/{slug}/statements").json()
    wall = next(s for s in statements if s["members"][0]["text"].startswith("The harbour wall"))
    view = sqlite_client.get(
        f"/events/{slug}/compare?a={a}&b={b}&c={c}&_statement={wall['id']}&_format=json"
    ).json()
    assert view["panel"]["id"] == wall["id"] and view["conflicts"] == 1
    # The most common wording is the base; the outlet that changed a word departs from it.
    departs = {v["outlet"] for v in view["panel"]["variants"] if v["departs"]}
    assert departs == {"Gamma Post"}


def test_a_snapshot_frozen_before_newer_fields_still_renders(
    sqlite_url: str, sqlite_client: TestClient
) -> None:
    slug, ids = _event(sqlite_client)
    chosen = [ids["Alpha Daily"], ids["Gamma Post"]]
    created = sqlite_client.post("/api/comparisons", json={"event": slug, "articles": chosen}).json()
    with Session(engine_for(sqlite_url)) as session:
        comparison = session.get(Comparison, created["id"])
        assert comparison is not None
        old = copy.deepcopy(comparison.snapshot)
        # The shape of an early snapshot: no sources, in-view statuses, fragments, word counts or panel labels.
        old.pop("sources")
        for group in old["figure_groups"]:
            group.pop("status_in_view")
            group.pop("compatible_in_view")
        for article in old["articles"]:
            article.pop("word_count")
            for quote in article["quotes"]:
                quote.pop("fragment")
        for panel in old["panels"].values():
            for variant in panel["variants"]:
                variant.pop("label")
                variant.pop("departs")
        comparison.snapshot = old
        session.add(comparison)
        session.commit()
    statement = next(iter(old["panels"]))
    page = sqlite_client.get(f"{created['url']}?_statement={statement}")
    assert page.status_code == 200, page.text[:300]
    assert 'class="variant-list"' in page.text
    assert sqlite_client.get(f"/api/comparisons/{created['id']}").json() == old
