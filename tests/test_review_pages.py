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


def test_an_error_page_offers_no_data_link_of_another_page(sqlite_client: TestClient) -> None:
    page = sqlite_client.get("/events/no-such-event/timeline", headers={"accept": "text/html"})
    assert page.status_code == 404 and "There is no event" in page.text
    assert 'href="/api/events"' not in page.text


def test_the_add_articles_page_links_the_events_articles_as_data(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client)
    page = sqlite_client.get(f"/events/{slug}/articles/new").text
    assert f'href="/api/events/{slug}/articles">JSON</a>' in page and 'href="/api/events">' not in page
    # The publication time is asked for with its time of day, in UTC, as the timeline orders by it.
    assert 'name="published_at" type="datetime-local"' in page and "(UTC)" in page
