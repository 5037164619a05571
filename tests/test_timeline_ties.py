"""The timeline does not name one outlet as the first to print a quote or a figure when others printed it at
the same moment (a date with no time): it lists them and says which came first is not known. It shows the
first article's printing in the wording the others share. Invented articles only."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import unique_title

QUOTE = '"We will rebuild the pier before the summer," said Mayor Ann Lee.'


def post(client: TestClient, slug: str, outlet: str, text: str, when: str | None) -> int:
    body = {"outlet": outlet, "text": text, **({"published_at": when} if when else {})}
    response = client.post(f"/api/events/{slug}/articles", json=body)
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def test_printings_on_the_same_day_are_listed_together(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Pier")}).json()["slug"]
    post(
        sqlite_client,
        slug,
        "Gamma Post",
        f"The storm passed.\n\n{QUOTE} Some 40 homes flooded.",
        "2026-03-02",
    )
    post(
        sqlite_client,
        slug,
        "Alpha Daily",
        f"The storm is over.\n\n{QUOTE} Some 40 homes flooded.",
        "2026-03-02",
    )
    post(
        sqlite_client,
        slug,
        "Beta News",
        f"Calm returned.\n\n{QUOTE} Some 40 homes flooded.",
        "2026-03-03T09:00",
    )
    view = sqlite_client.get(f"/events/{slug}/timeline?_format=json").json()
    (quote,) = [s for s in view["statements"] if s["followers"]]
    assert quote["first_outlet"] == "Gamma Post" and quote["tied"] == ["Alpha Daily"]
    assert quote["followers"] == 2 and quote["later"] == 1
    (figure,) = [f for f in view["figures"] if f["followers"]]
    assert figure["tied"] == ["Alpha Daily"] and figure["later"] == 1
    page = sqlite_client.get(f"/events/{slug}/timeline").text
    assert page.count("all 2 Mar 2026: which came first is not known") == 2


def test_one_first_printing_is_named_alone(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Pier")}).json()["slug"]
    post(sqlite_client, slug, "Gamma Post", f"The storm passed.\n\n{QUOTE}", "2026-03-02T08:00")
    post(sqlite_client, slug, "Alpha Daily", f"The storm is over.\n\n{QUOTE}", "2026-03-02T10:00")
    view = sqlite_client.get(f"/events/{slug}/timeline?_format=json").json()
    (quote,) = [s for s in view["statements"] if s["followers"]]
    assert quote["first_outlet"] == "Gamma Post" and quote["tied"] == [] and quote["later"] == 1
    assert "which came first is not known" not in sqlite_client.get(f"/events/{slug}/timeline").text


def test_undated_printings_are_not_ranked(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Pier")}).json()["slug"]
    post(sqlite_client, slug, "Gamma Post", f"The storm passed.\n\n{QUOTE}", None)
    post(sqlite_client, slug, "Alpha Daily", f"The storm is over.\n\n{QUOTE}", None)
    page = sqlite_client.get(f"/events/{slug}/timeline").text
    assert "none dated: which came first is not known" in page


def test_a_different_value_on_the_same_day_is_not_a_change_over_time(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Pier")}).json()["slug"]
    post(sqlite_client, slug, "Gamma Post", "The storm destroyed 40 homes in the valley.", "2026-03-02")
    post(sqlite_client, slug, "Alpha Daily", "In the valley the storm destroyed 65 homes.", "2026-03-02")
    post(
        sqlite_client,
        slug,
        "Beta News",
        "The storm destroyed 40 homes in the valley, officials said.",
        "2026-03-03T09:00",
    )
    view = sqlite_client.get(f"/events/{slug}/timeline?_format=json").json()
    (toll,) = view["tolls"]
    steps = [(s["outlet"], s["changed"], s["same_time"]) for s in toll["steps"]]
    assert steps == [("Gamma Post", False, False), ("Alpha Daily", True, True), ("Beta News", True, False)]
    page = sqlite_client.get(f"/events/{slug}/timeline").text
    assert page.count("another value, same time") == 1 and page.count(">changed</span>") == 1
