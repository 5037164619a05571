"""Why a conflict's values may differ: the ledger groups a conversion with the value it rounds, and says who
gives each value, citing whom, and when; the timeline does not call a conversion's rounding a change."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from app.services.views.figure_values import is_converted, majority_cluster, value_clusters
from tests.conftest import unique_title

KM = 1_000_000.0  # lengths are stored in millimetres


def length(text: str, km: float) -> dict[str, Any]:
    return {"text": text, "value": km * KM, "value_high": None, "unit": "mm", "kind": "measure"}


def test_a_conversion_is_one_value_with_the_figure_it_rounds() -> None:
    members = [length("2,400 km", 2400), length("1,490 miles", 2397.9), length("3,100 km", 3100)]
    assert [is_converted(m) for m in members] == [False, True, False]
    assert value_clusters(members) == [[0, 1], [2]]
    assert majority_cluster(value_clusters(members)) == [0, 1]


def test_two_printed_values_in_one_unit_stay_two_values() -> None:
    # 2,400 and 2,450 km are within each other's rounding, but neither is a conversion: two values.
    members = [length("2,400 km", 2400), length("2,450 km", 2450)]
    assert value_clusters(members) == [[0], [1]]


def test_a_chain_of_conversions_never_joins_two_printed_values() -> None:
    # "1,500 miles" (2,414 km) rounds to both 2,400 and 2,450 km: it joins the nearer, they stay apart.
    members = [length("2,400 km", 2400), length("2,450 km", 2450), length("1,500 miles", 2414)]
    assert value_clusters(members) == [[0, 2], [1]]


def test_counts_dates_and_scaled_amounts_are_never_conversions() -> None:
    assert not is_converted({"text": "nine", "value": 9.0, "unit": None, "kind": "count"})
    # "$7 million" is shown as $7,000,000: the same number written out, not a conversion.
    assert not is_converted({"text": "$7 million", "value": 7e6, "unit": "USD", "kind": "money"})
    assert not is_converted({"text": "March 12", "value": 312.0, "unit": "date", "kind": "date"})


def post(client: TestClient, slug: str, outlet: str, published: str, text: str) -> None:
    body = {"outlet": outlet, "text": text, "published_at": published}
    response = client.post(f"/api/events/{slug}/articles", json=body)
    assert response.status_code == 201, response.text


# One balloon flight reported in kilometres and, converted, in miles: the timeline and the conflict tests share it.
BALLOON_IN_KM = (
    "Alpha Daily",
    "2026-03-02T08:00:00Z",
    "The weather balloon drifted 2,400 km before it landed.",
)
BALLOON_IN_MILES = (
    "Beta News",
    "2026-03-02T09:00:00Z",
    "The weather balloon drifted 1,490 miles before it landed.",
)


def event_with(client: TestClient, title: str, reports: list[tuple[str, str, str]]) -> str:
    """A new event holding one report per (outlet, published, text); its slug."""
    slug = client.post("/api/events", json={"title": unique_title(title)}).json()["slug"]
    for outlet, published, text in reports:
        post(client, slug, outlet, published, text)
    return slug


def test_the_ledger_says_who_gives_which_value_citing_whom_and_when(sqlite_client: TestClient) -> None:
    slug = event_with(
        sqlite_client,
        "Balloon",
        [
            (
                "Alpha Daily",
                "2026-03-02T08:00:00Z",
                "The weather balloon drifted 2,400 km (1,490 miles) before it landed in a field, the agency said.",
            ),
            (
                "Beta News",
                "2026-03-02T09:00:00Z",
                "The weather balloon drifted 1,490 miles before it landed in a field, the agency said.",
            ),
            (
                "Gamma Post",
                "2026-03-03T18:00:00Z",
                "The weather balloon drifted 3,100 km before it landed in a field, the observatory said.",
            ),
        ],
    )
    ledger = sqlite_client.get(f"/events/{slug}/figures?_status=conflict&_format=json").json()
    (group,) = [g for g in ledger["groups"] if len(g["members"]) == 4]
    # 2,400 km and its conversion are one value; 3,100 km is the other, and the odd one out.
    assert group["distinct_values"] == 2 and group["majority"]
    assert [m["odd"] for m in group["members"] if m["outlet"] == "Gamma Post"] == [True]
    assert [m["converted"] for m in group["members"] if m["outlet"] == "Beta News"] == [True]
    first, second = group["values"]
    assert first["text"] == "2,400 km" and first["outlets"] == ["Alpha Daily", "Beta News"]
    assert first["printed"] == ["2,400 km", "1,490 miles"] and first["mentions"] == 3
    assert second["text"] == "3,100 km" and second["first"].startswith("2026-03-03T18:00")
    reasons = " ".join(group["reasons"])
    assert "different sources" in reasons and "later" in reasons and "another unit" in reasons
    page = sqlite_client.get(f"/events/{slug}/figures?_status=conflict").text
    assert "Who gives which value" in page and "2 different values" in page
    assert re.search(r"citing the (agency|observatory)", page), page


def test_the_timeline_does_not_call_a_conversion_a_change(sqlite_client: TestClient) -> None:
    slug = event_with(
        sqlite_client,
        "Balloon",
        [
            BALLOON_IN_KM,
            BALLOON_IN_MILES,
            ("Gamma Post", "2026-03-02T10:00:00Z", "The weather balloon drifted 3,100 km before it landed."),
        ],
    )
    view = sqlite_client.get(f"/events/{slug}/timeline?_format=json").json()
    (toll,) = view["tolls"]
    assert [(s["outlet"], s["changed"]) for s in toll["steps"]] == [
        ("Alpha Daily", False),
        ("Beta News", False),
        ("Gamma Post", True),
    ]


def test_two_numbers_printed_in_one_other_unit_stay_two_values() -> None:
    # Both in miles: 2,000 and 2,100 are two printed values, though each rounds near 3,380 km.
    members = [
        length("3,380 km", 3380),
        length("2,100 miles", 3379.6),
        length("more than 2,000 miles", 3218.7),
    ]
    assert value_clusters(members) == [[0, 1], [2]]


def test_a_conflict_made_only_by_a_conversion_says_it_is_one_value(sqlite_client: TestClient) -> None:
    slug = event_with(
        sqlite_client,
        "Balloon",
        [
            BALLOON_IN_KM,
            BALLOON_IN_MILES,
        ],
    )
    ledger = sqlite_client.get(f"/events/{slug}/figures?_status=conflict&_format=json").json()
    (group,) = ledger["groups"]
    assert group["compatible"] and group["distinct_values"] == 1
    page = sqlite_client.get(f"/events/{slug}/figures?_status=conflict").text
    assert "one value printed in different units" in page and "1 different value" not in page


def test_a_compatible_conflict_says_which_values_make_every_figure_true(sqlite_client: TestClient) -> None:
    slug = event_with(
        sqlite_client,
        "Valley",
        [
            ("Alpha Daily", "2026-03-02T08:00:00Z", "More than 1,500 people were evacuated from the valley."),
            ("Beta News", "2026-03-02T09:00:00Z", "At least 1,524 people were evacuated from the valley."),
        ],
    )
    ledger = sqlite_client.get(f"/events/{slug}/figures?_status=conflict&_format=json").json()
    (group,) = ledger["groups"]
    assert group["compatible"] and group["compatible_range"] == "1,524 or more"
    page = sqlite_client.get(f"/events/{slug}/figures").text
    assert "makes every outlet's figure true: <strong>1,524 or more</strong>." in page


def test_a_figure_without_a_value_is_never_one_value_with_a_conversion() -> None:
    from app.services.views.figure_values import one_value

    vague = {"text": "several miles", "value": None, "value_high": None, "unit": "mm", "kind": "measure"}
    assert not one_value(length("1,490 miles", 2397.9), vague)
    assert not one_value(vague, length("1,490 miles", 2397.9))


def test_a_compatible_range_within_the_shown_precision_is_one_value() -> None:
    from app.services.views.ledger import _compatible_range

    members = [
        {**length("341 miles", 548.8), "article_id": 1, "qualifier": None},
        {**length("548km", 548), "article_id": 2, "qualifier": None},
    ]
    assert _compatible_range(members) == "548 km"  # not "548–548 km"


def test_a_conflict_chart_says_how_many_sources_and_when_it_was_printed(sqlite_client: TestClient) -> None:
    slug = event_with(
        sqlite_client,
        "Balloon",
        [
            ("Alpha Daily", "2026-03-02T08:00:00Z", "The balloon drifted 2,400 km, the agency said."),
            ("Beta News", "2026-03-04T09:00:00Z", "The balloon drifted 3,100 km, the observatory said."),
        ],
    )
    page = sqlite_client.get(f"/events/{slug}").text
    assert (
        '<div class="chart-why muted small">2 sources cited · printed 2 Mar 2026 to 4 Mar 2026</div>' in page
    )
