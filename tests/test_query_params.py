"""Query parameters are parsed by type in one place: digits of other scripts (², ¹, ٣, ５) that pass
`str.isdigit()` are a 4xx with a sentence on every route that takes a number, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import unique_title

BODY_A = '"We will rebuild the harbour wall," said Mayor Tilda Berg on Sunday.'
BODY_B = '"We will rebuild the harbour wall soon," Mayor Tilda Berg said.'
NOT_NUMBERS = ["²", "¹", "٣", "５", "1²", "-1", "0", "1e3", "99999999999999999999", " ", "x"]


@pytest.fixture
def two_articles(sqlite_client: TestClient) -> tuple[str, list[int]]:
    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    ids = [
        sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": o, "text": t}).json()["id"]
        for o, t in (("Harbour Times", BODY_A), ("Coast Daily", BODY_B))
    ]
    return slug, ids


def routes(slug: str, ids: list[int], value: str) -> list[str]:
    a, b = ids
    return [
        f"/events/{slug}/compare?a={value}&b={b}",
        f"/events/{slug}/compare?a={a}&b={b}&_statement={value}",
        f"/events/{slug}/compare?a={a}&a={value}",
        f"/api/events/{slug}/compare?a={a}&b={value}",
        f"/events/{slug}?_page={value}",
        f"/events/{slug}/figures?_page={value}",
        f"/api/events/{slug}/matrix?_page={value}",
    ]


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_non_ascii_and_bad_numbers_are_a_4xx_sentence(
    sqlite_client: TestClient, two_articles: tuple[str, list[int]], value: str
) -> None:
    slug, ids = two_articles
    for url in routes(slug, ids, value):
        response = sqlite_client.get(url)
        assert 400 <= response.status_code < 500, (url, response.status_code)
        assert "Traceback" not in response.text and "went wrong" not in response.text


def test_good_numbers_and_blank_values_still_work(
    sqlite_client: TestClient, two_articles: tuple[str, list[int]]
) -> None:
    slug, (a, b) = two_articles
    assert sqlite_client.get(f"/events/{slug}/compare?a={a}&b={b}").status_code == 200
    assert sqlite_client.get(f"/events/{slug}/compare?a={a}&b={b}&_statement=").status_code == 200
    assert sqlite_client.get(f"/events/{slug}?_page=").status_code == 200
    assert sqlite_client.get(f"/events/{slug}?_page=1").status_code == 200
    assert sqlite_client.get(f"/api/events/{slug}/compare?a={a}&b={b}").status_code == 200


def test_permalink_statement_parameter_is_typed(
    sqlite_client: TestClient, two_articles: tuple[str, list[int]]
) -> None:
    slug, ids = two_articles
    permalink = sqlite_client.post("/api/comparisons", json={"event": slug, "articles": ids}).json()["url"]
    assert sqlite_client.get(permalink).status_code == 200
    for value in ("²", "¹", "５"):
        assert sqlite_client.get(f"{permalink}?_statement={value}").status_code == 422
    response = sqlite_client.post(
        "/comparisons", data={"event": slug, "articles": ids, "_statement": "²"}, follow_redirects=False
    )
    assert 400 <= response.status_code < 500


def test_statement_base_parameter_refuses_other_digits(
    sqlite_client: TestClient, two_articles: tuple[str, list[int]]
) -> None:
    slug, (a, _b) = two_articles
    statements = sqlite_client.get(f"/api/events/{slug}/statements").json()
    assert statements, "the two invented articles share a statement"
    page = f"/events/{slug}/statements/{statements[0]['id']}"
    assert sqlite_client.get(f"{page}?base={a}").status_code == 200
    for value in [v for v in NOT_NUMBERS if v.strip()]:  # a blank base means the default base
        response = sqlite_client.get(f"{page}?base={value}")
        assert 400 <= response.status_code < 500, (value, response.status_code)
