"""Page fixes from the browser review: what a fact-checker expects to be able to do on each page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.test_dashboard_pages import ARTICLE_A, ARTICLE_B, make_event


def test_a_speakers_name_opens_their_statements_in_the_coverage_matrix(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}/speakers").text
    link = f'href="/events/{slug}?speaker=Ana+Ruiz#matrix"'
    assert link in page
    overview = sqlite_client.get(f"/events/{slug}?speaker=Ana+Ruiz").text
    assert "<option selected>Ana Ruiz</option>" in overview and "cracked along its whole length" in overview
