"""Deleting a source (a correction) checks the event's quotes again against the sources left. Invented text."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.conftest import unique_title

FIRST_SOURCE = (
    "MAYOR ANA RUIZ: Good morning. We moved every family from the low streets before midnight. "
    "The bridge will stay shut until Friday."
)
SECOND_SOURCE = (
    "MAYOR ANA RUIZ: Thank you all for coming. We moved every family from the high streets before midnight. "
    "Questions, please."
)
REPORT = (
    "The river rose through Tuesday night.\n\n"
    '"We moved every family from the low streets before midnight," said Mayor Ana Ruiz.'
)


def _post(client: TestClient, slug: str, outlet: str, text: str, role: str = "report") -> int:
    response = client.post(
        f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text, "role": role}
    )
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def _check(client: TestClient, slug: str) -> dict[str, Any] | None:
    quotes = client.get(f"/api/events/{slug}/quotes").json()
    assert len(quotes) == 1
    return quotes[0]["source_check"]


def test_deleting_a_source_checks_the_quotes_against_the_sources_left(client: TestClient) -> None:
    slug = client.post("/api/events", json={"title": unique_title("Flood")}).json()["slug"]
    first = _post(client, slug, "City Hall", FIRST_SOURCE, role="source")
    second = _post(client, slug, "Council Minutes", SECOND_SOURCE, role="source")
    _post(client, slug, "Alpha Daily", REPORT)
    check = _check(client, slug)
    assert check is not None and check["status"] == "verbatim" and check["source_article_id"] == first

    assert client.delete(f"/api/events/{slug}/articles/{first}").status_code == 204
    # The other source has 'high' where the quote has 'low': the quote is now altered from it.
    check = _check(client, slug)
    assert check is not None and check["source_article_id"] == second
    assert check["status"] == "altered"
    fidelity = client.get(f"/api/events/{slug}/fidelity").json()
    assert [s["id"] for s in fidelity["sources"]] == [second]

    assert client.delete(f"/api/events/{slug}/articles/{second}").status_code == 204
    assert _check(client, slug) is None


def test_a_source_is_no_outlet_in_what_others_left_out(client: TestClient) -> None:
    slug = client.post("/api/events", json={"title": unique_title("Flood")}).json()["slug"]
    _post(client, slug, "City Hall", FIRST_SOURCE + " Some 40 homes were flooded.", role="source")
    _post(client, slug, "Alpha Daily", REPORT + "\n\nSome 40 homes were flooded, the council said.")
    _post(client, slug, "Beta News", "The river rose through Tuesday night and the bridge was shut.")
    left_out = client.get(
        f"/events/{slug}/omissions", params={"outlet": "Beta News", "_format": "json"}
    ).json()
    assert left_out["outlets"] == ["Alpha Daily", "Beta News"]
    # One other outlet printed the figure (the source is not one): not "most others".
    assert left_out["figures"] == []
