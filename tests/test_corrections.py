"""Corrections: each is stored (what, when), shows in every view and the JSON, survives a realign, and
leaves permalinks made before it unchanged. Invented articles only."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.db import engine_for
from app.services import events
from app.services.alignment import realign_event
from app.services.realign import realign_event_in_steps
from tests.conftest import unique_title

ARTICLES = {
    "Alpha Daily": (
        "The river rose through Tuesday night.\n\n"
        '"We moved every family from the low streets before midnight," said Mayor Ana Ruiz. '
        '"The bridge will stay shut until Friday," she added.\n\n'
        "At least 40 homes were flooded, the council said."
    ),
    "Beta News": (
        "Flood water reached the old town on Tuesday.\n\n"
        '"We moved every family from the low streets before midnight," Mayor A. Ruiz said. '
        '"The bridge will stay shut until Friday."\n\n'
        "Some 55 homes were flooded, the council said."
    ),
    "Gamma Post": (
        "The river burst its banks late on Tuesday.\n\n"
        '"We moved every family from the low streets before midnight," said Ana Ruiz, the mayor.\n\n'
        "About 40 homes were flooded."
    ),
}


def make_event(client: TestClient) -> dict[str, Any]:
    slug = client.post("/api/events", json={"title": unique_title("Flood")}).json()["slug"]
    ids = {}
    for outlet, text in ARTICLES.items():
        response = client.post(f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text})
        assert response.status_code == 201, response.text
        ids[outlet] = response.json()["id"]
    return {"slug": slug, "ids": ids}


def realign(url: str, slug: str, *, in_steps: bool = False) -> None:
    with Session(engine_for(url)) as session:
        event = events.get_event(session, slug)
        (realign_event_in_steps if in_steps else realign_event)(session, event.id or 0)


def statements(client: TestClient, slug: str) -> list[dict[str, Any]]:
    return client.get(f"/api/events/{slug}/statements").json()


def test_delete_article_realigns_and_keeps_earlier_permalinks(client: TestClient) -> None:
    sqlite_client = client  # both databases: the delete relies on each one's ON DELETE CASCADE
    event = make_event(sqlite_client)
    slug, ids = event["slug"], event["ids"]
    shared = sqlite_client.post(
        "/api/comparisons", json={"event": slug, "articles": [ids["Alpha Daily"], ids["Beta News"]]}
    ).json()
    page_before = sqlite_client.get(shared["url"]).text
    snapshot_before = sqlite_client.get(f"/api/comparisons/{shared['id']}").json()

    response = sqlite_client.delete(f"/api/events/{slug}/articles/{ids['Beta News']}")
    assert response.status_code == 204 and response.content == b""
    assert sqlite_client.get(f"/api/events/{slug}/articles/{ids['Beta News']}").status_code == 404
    assert sqlite_client.delete(f"/api/events/{slug}/articles/{ids['Beta News']}").status_code == 404
    members = [m for s in statements(sqlite_client, slug) for m in s["members"]]
    assert members and all(m["article_id"] != ids["Beta News"] for m in members)
    figures = sqlite_client.get(f"/api/events/{slug}/figures").json()
    assert all(m["article_id"] != ids["Beta News"] for g in figures for m in g["members"])
    # 40 and about 40 are left: the conflict with 55 is gone.
    assert not [g for g in figures if g["status"] == "conflict"]

    assert sqlite_client.get(shared["url"]).text == page_before
    assert sqlite_client.get(f"/api/comparisons/{shared['id']}").json() == snapshot_before
    log = sqlite_client.get(f"/api/events/{slug}/corrections").json()
    assert log[0]["kind"] == "delete_article" and log[0]["target"]["article_id"] == ids["Beta News"]
    assert "Beta News" in sqlite_client.get(f"/events/{slug}/corrections").text
    assert ">1 correction</a>" in sqlite_client.get(f"/events/{slug}").text


def test_delete_form_needs_same_origin(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    target = f"/events/{event['slug']}/articles/{event['ids']['Gamma Post']}/delete"
    refused = sqlite_client.post(
        target, data={"confirm": "on"}, headers={"Origin": "https://elsewhere.example"}
    )
    assert refused.status_code == 403
    done = sqlite_client.post(target, data={"confirm": "on"}, follow_redirects=False)
    assert done.status_code == 303


def test_rename_and_merge_speakers_survive_realign(sqlite_client: TestClient, sqlite_url: str) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    names = {s["speaker"] for s in statements(sqlite_client, slug)}
    old = sorted(n for n in names if n != "unknown")[0]
    response = sqlite_client.post(
        f"/events/{slug}/speakers/rename",
        data={"old": old, "new": "Mayor of Rivertown"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    for _ in range(2):
        quotes = sqlite_client.get(f"/api/events/{slug}/quotes").json()
        assert "Mayor of Rivertown" in {q["speaker"] for q in quotes}
        assert old not in {q["speaker"] for q in quotes}
        assert "Mayor of Rivertown" in sqlite_client.get(f"/events/{slug}/speakers").text
        realign(sqlite_url, slug, in_steps=True)


def test_move_a_sentence_out_and_join_back_survive_realign(
    sqlite_client: TestClient, sqlite_url: str
) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    widest = max(statements(sqlite_client, slug), key=lambda s: len(s["members"]))
    assert len(widest["members"]) >= 2
    moved = widest["members"][-1]
    response = sqlite_client.post(
        f"/events/{slug}/statements/{widest['id']}/split",
        data={"article_id": moved["article_id"], "start": moved["start"]},
        follow_redirects=False,
    )
    assert response.status_code == 303
    realign(sqlite_url, slug)

    def home_of(member: dict[str, Any]) -> dict[str, Any]:
        return next(
            s
            for s in statements(sqlite_client, slug)
            if any(
                m["article_id"] == member["article_id"] and m["start"] == member["start"]
                for m in s["members"]
            )
        )

    alone = home_of(moved)
    assert len(alone["members"]) == 1
    rest = home_of(widest["members"][0])
    assert len(rest["members"]) == len(widest["members"]) - 1

    joined = sqlite_client.post(
        f"/events/{slug}/statements/{rest['id']}/join", data={"other": alone["id"]}, follow_redirects=False
    )
    assert joined.status_code == 303
    realign(sqlite_url, slug)
    assert len(home_of(moved)["members"]) == len(widest["members"])
    kinds = [c["kind"] for c in sqlite_client.get(f"/api/events/{slug}/corrections").json()]
    assert kinds == ["join_statements", "split_sentence"]


def test_dismissed_figure_leaves_every_view_and_stays_dismissed(
    sqlite_client: TestClient, sqlite_url: str
) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    conflict = next(
        g for g in sqlite_client.get(f"/api/events/{slug}/figures").json() if g["status"] == "conflict"
    )
    odd = next(m for m in conflict["members"] if m["value"] == 55)
    response = sqlite_client.post(f"/events/{slug}/figures/{odd['id']}/dismiss", follow_redirects=False)
    assert response.status_code == 303
    for _ in range(2):
        groups = sqlite_client.get(f"/api/events/{slug}/figures").json()
        assert all(m["text"] != odd["text"] for g in groups for m in g["members"])
        assert all(g["status"] != "conflict" for g in groups)
        article = sqlite_client.get(f"/api/events/{slug}/articles/{odd['article_id']}").json()
        assert all(f["start"] != odd["start"] for f in article["figures"])
        realign(sqlite_url, slug)


def test_edit_article_details(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug, article_id = event["slug"], event["ids"]["Gamma Post"]
    response = sqlite_client.post(
        f"/events/{slug}/articles/{article_id}/edit",
        data={
            "title": "River bursts banks",
            "author": "Lee Park",
            "url": "https://gamma.example/river",
            "published_at": "2026-03-03T07:15",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    article = sqlite_client.get(f"/api/events/{slug}/articles/{article_id}").json()
    assert (article["title"], article["author"]) == ("River bursts banks", "Lee Park")
    assert article["published_at"].startswith("2026-03-03T07:15")
    bad = sqlite_client.post(
        f"/events/{slug}/articles/{article_id}/edit", data={"title": "x", "url": "javascript:alert(1)"}
    )
    assert bad.status_code == 422 and "http" in bad.text


def test_outlet_details_show_beside_the_name(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    response = sqlite_client.post(
        f"/events/{slug}/outlets",
        data={"name": "Alpha Daily", "country": "Velmora", "kind": "wire"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert "wire · Velmora" in sqlite_client.get(f"/events/{slug}").text
    ids = event["ids"]
    compare = sqlite_client.get(f"/events/{slug}/compare?a={ids['Alpha Daily']}&b={ids['Beta News']}").text
    assert "wire · Velmora" in compare
    bad = sqlite_client.post(f"/events/{slug}/outlets", data={"name": "Alpha Daily", "kind": "tabloid-ish"})
    assert bad.status_code == 422
