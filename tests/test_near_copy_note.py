"""A near-copy note never says "0% of its words": a share under the stored minimum reads "under 30%".
Invented articles only."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import unique_title

LONG = "\n\n".join(
    f"Paragraph {n}: the council met for the {n}th time about the harbour wall, and the engineers reported "
    f"that section {n} of the wall had moved by {n} centimetres since the storm of the winter."
    for n in range(1, 13)
)


def test_the_long_original_of_a_short_copy_says_under_30_percent(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Wall")}).json()["slug"]
    ids = []
    for outlet, text, when in (
        ("Harbour Council", LONG, "2026-03-02T08:00"),
        ("Quay News", "\n\n".join(LONG.split("\n\n")[:2]), "2026-03-02T12:00"),
    ):
        response = sqlite_client.post(
            f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text, "published_at": when}
        )
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    page = sqlite_client.get(f"/events/{slug}/articles/{ids[0]}").text
    assert "under 30% of this article’s words reappear in <strong>Quay News</strong>’s later article" in page
    assert " 0% of" not in page
    copy = sqlite_client.get(f"/events/{slug}/articles/{ids[1]}").text
    assert "100% of this article’s words are in <strong>Harbour Council</strong>’s earlier article" in copy
