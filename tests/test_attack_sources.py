"""A source document (role "source") stores no quotes, so its quotations are no longer attributed when it
is added (a 8,000-character run of 'said "a"' took 21 s for nothing); they are counted, and a source with
more than a hundred is refused, because the source check attributes them when each report is added, under
the event's write lock (a 200,000-character source held a tiny report's post for 455 s)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from app.core.extract import extract_article
from app.services import ingest
from tests.conftest import unique_title

RELEASE = (
    "City Hall statement.\n\n"
    '"The pier will reopen within two months," said Mayor Dana Okoro. The storm damaged 40 homes.\n\n'
    '"We thank every volunteer," she said.'
)


def post(client: TestClient, slug: str, outlet: str, text: str, role: str = "report") -> tuple[int, dict]:
    response = client.post(
        f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text, "role": role}
    )
    return response.status_code, response.json()


def test_a_source_is_read_for_figures_without_attributing_its_quotes() -> None:
    both = extract_article(RELEASE)
    figures_only = extract_article(RELEASE, quotes=False)
    assert both.quotes and not figures_only.quotes
    assert [f.text for f in figures_only.figures] == [f.text for f in both.figures]
    assert ingest.quotation_count(RELEASE) == 2
    assert ingest.quotation_count("No quotation here.") == 0


def test_a_source_with_a_hostile_run_of_quotations_is_refused_at_once(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Sources")}).json()["slug"]
    for size in (8_000, 199_000):
        began = time.monotonic()
        status, body = post(
            sqlite_client, slug, f"Minutes {size}", "Minutes. " + 'said "a" ' * (size // 9), "source"
        )
        assert status == 413, body
        assert "quotations" in body["detail"]
        assert time.monotonic() - began < 5
    many = "Minutes.\n\n" + " ".join(
        f'"Item {i} passed," the clerk said.' for i in range(ingest.MAX_SOURCE_QUOTATIONS + 1)
    )
    status, body = post(sqlite_client, slug, "Minutes", many, "source")
    assert status == 413 and f"{ingest.MAX_SOURCE_QUOTATIONS + 1:,} quotations" in body["detail"]


def test_a_release_is_still_a_source_and_reports_are_checked_against_it(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Sources")}).json()["slug"]
    status, body = post(sqlite_client, slug, "City Hall", RELEASE, "source")
    assert status == 201, body
    report = '"The pier will reopen within two months," said Mayor Dana Okoro on Monday.'
    began = time.monotonic()
    status, body = post(sqlite_client, slug, "Port News", report)
    assert status == 201, body
    assert time.monotonic() - began < 10
    fidelity = sqlite_client.get(f"/api/events/{slug}/fidelity")
    assert fidelity.status_code == 200 and "Port News" in fidelity.text
    # A source stores no quotes; the report's quote is the event's one quote.
    assert [q["text"] for q in sqlite_client.get(f"/api/events/{slug}/quotes").json()] == [
        "The pier will reopen within two months"
    ]
