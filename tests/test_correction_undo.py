"""The corrections log names articles by outlet and title, and every correction can be undone: the event
goes back to what it would be without it, the log keeps both entries, and a realign does not bring the undone
correction back. Invented articles only (the flood event of test_corrections)."""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.test_corrections import make_event, realign, statements


def log(client: TestClient, slug: str) -> list[dict[str, Any]]:
    return client.get(f"/api/events/{slug}/corrections").json()


def undo(client: TestClient, slug: str, correction_id: int) -> Any:
    return client.post(f"/api/events/{slug}/corrections/{correction_id}/undo")


def figure_texts(client: TestClient, slug: str) -> list[str]:
    return sorted(m["text"] for g in client.get(f"/api/events/{slug}/figures").json() for m in g["members"])


def test_log_names_the_article_by_outlet_and_title(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug, ids = event["slug"], event["ids"]
    sqlite_client.post(
        f"/events/{slug}/articles/{ids['Gamma Post']}/edit", data={"title": "River bursts its banks"}
    )
    conflict = next(
        g for g in sqlite_client.get(f"/api/events/{slug}/figures").json() if g["status"] == "conflict"
    )
    odd = next(m for m in conflict["members"] if m["value"] == 55)
    sqlite_client.post(f"/events/{slug}/figures/{odd['id']}/dismiss")
    widest = max(statements(sqlite_client, slug), key=lambda s: len(s["members"]))
    moved = widest["members"][-1]
    sqlite_client.post(
        f"/events/{slug}/statements/{widest['id']}/split",
        data={"article_id": moved["article_id"], "start": moved["start"]},
    )
    sqlite_client.delete(f"/api/events/{slug}/articles/{ids['Alpha Daily']}")
    entries = log(sqlite_client, slug)
    assert [e["kind"] for e in entries] == [
        "delete_article",
        "split_sentence",
        "dismiss_figure",
        "edit_article",
    ]
    for entry in entries:
        assert not re.search(r"\barticle \d+", entry["summary"]), entry["summary"]
    assert "Alpha Daily's “Flood water" not in entries[0]["summary"]  # its own title, not another's
    assert entries[0]["summary"] == "Deleted Alpha Daily's “The river rose through Tuesday night”."
    assert f"{moved['outlet']}'s “" in entries[1]["summary"]
    assert "Beta News's “Flood water reached the old town on Tuesday”" in entries[2]["summary"]
    assert entries[3]["summary"].startswith("Edited Gamma Post's “The river burst its banks late on Tuesday”")
    assert entries[3]["summary"].endswith("the title is now “River bursts its banks”.")
    assert entries[0]["article"] == {
        "id": ids["Alpha Daily"],
        "name": entries[0]["summary"][8:-1],
        "present": False,
    }
    # The deleted article's text is kept for an undo but is not part of the JSON.
    assert "restore" not in entries[0]["target"] and "body" not in str(entries[0]["target"])
    page = sqlite_client.get(f"/events/{slug}/corrections").text
    # The edit's own sentence names the old title: its link names the article as it is now.
    assert "Open Gamma Post&#39;s “River bursts its banks”</a>" in page


def test_undo_a_dismissed_figure_survives_realign(sqlite_client: TestClient, sqlite_url: str) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    before = figure_texts(sqlite_client, slug)
    conflict = next(
        g for g in sqlite_client.get(f"/api/events/{slug}/figures").json() if g["status"] == "conflict"
    )
    odd = next(m for m in conflict["members"] if m["value"] == 55)
    sqlite_client.post(f"/events/{slug}/figures/{odd['id']}/dismiss")
    assert odd["text"] not in figure_texts(sqlite_client, slug)
    dismissal = log(sqlite_client, slug)[0]
    assert dismissal["can_undo"] is True and dismissal["undone_by"] is None

    response = undo(sqlite_client, slug, dismissal["id"])
    assert response.status_code == 201, response.text
    assert response.json()["kind"] == "undo" and response.json()["undoes"] == dismissal["id"]
    assert figure_texts(sqlite_client, slug) == before
    assert any(g["status"] == "conflict" for g in sqlite_client.get(f"/api/events/{slug}/figures").json())
    entries = log(sqlite_client, slug)
    assert [e["kind"] for e in entries] == ["undo", "dismiss_figure"]
    assert entries[1]["undone_by"] == entries[0]["id"] and entries[1]["can_undo"] is False
    assert entries[0]["summary"] == f"Undid: {dismissal['summary']}"
    realign(sqlite_url, slug, in_steps=True)
    assert figure_texts(sqlite_client, slug) == before


def test_undo_a_merge_of_speakers_parts_them_again(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    names = sorted({q["speaker"] for q in sqlite_client.get(f"/api/events/{slug}/quotes").json()} - {None})
    assert names
    sqlite_client.post(f"/events/{slug}/speakers/rename", data={"old": names[0], "new": "The harbour master"})
    assert names[0] not in {q["speaker"] for q in sqlite_client.get(f"/api/events/{slug}/quotes").json()}
    assert undo(sqlite_client, slug, log(sqlite_client, slug)[0]["id"]).status_code == 201
    speakers = {q["speaker"] for q in sqlite_client.get(f"/api/events/{slug}/quotes").json()}
    assert names[0] in speakers and "The harbour master" not in speakers


def test_undo_a_split_joins_the_sentence_back(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    widest = max(statements(sqlite_client, slug), key=lambda s: len(s["members"]))
    moved = widest["members"][-1]
    sqlite_client.post(
        f"/events/{slug}/statements/{widest['id']}/split",
        data={"article_id": moved["article_id"], "start": moved["start"]},
    )
    assert max(len(s["members"]) for s in statements(sqlite_client, slug)) < len(widest["members"])
    assert undo(sqlite_client, slug, log(sqlite_client, slug)[0]["id"]).status_code == 201
    assert max(len(s["members"]) for s in statements(sqlite_client, slug)) == len(widest["members"])


def test_undo_an_edit_puts_the_old_details_back(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug, article_id = event["slug"], event["ids"]["Gamma Post"]
    url = f"/api/events/{slug}/articles/{article_id}"
    original = sqlite_client.get(url).json()
    edit = f"/events/{slug}/articles/{article_id}/edit"
    sqlite_client.post(edit, data={"title": "First fix", "author": "Lee Park", "published_at": "2026-03-03"})
    first = log(sqlite_client, slug)[0]
    sqlite_client.post(edit, data={"title": "Second fix", "author": "Lee Park", "published_at": "2026-03-03"})
    # The later edit changed the title again: undoing the first puts back only what it alone still holds.
    assert undo(sqlite_client, slug, first["id"]).status_code == 201
    article = sqlite_client.get(url).json()
    assert article["title"] == "Second fix"
    assert (article["author"], article["published_at"]) == (original["author"], original["published_at"])
    second = next(
        e for e in log(sqlite_client, slug) if e["kind"] == "edit_article" and e["undone_by"] is None
    )
    assert undo(sqlite_client, slug, second["id"]).status_code == 201
    assert sqlite_client.get(url).json()["title"] == "First fix"


def test_undo_a_deletion_restores_the_article_under_its_id(client: TestClient) -> None:
    sqlite_client = client  # both databases: the article is inserted again under its old id
    event = make_event(sqlite_client)
    slug, beta = event["slug"], event["ids"]["Beta News"]
    article_before = sqlite_client.get(f"/api/events/{slug}/articles/{beta}").json()
    sizes_before = sorted(len(s["members"]) for s in statements(sqlite_client, slug))
    sqlite_client.delete(f"/api/events/{slug}/articles/{beta}")
    assert sqlite_client.get(f"/api/events/{slug}/articles/{beta}").status_code == 404
    assert undo(sqlite_client, slug, log(sqlite_client, slug)[0]["id"]).status_code == 201
    restored = sqlite_client.get(f"/api/events/{slug}/articles/{beta}").json()
    for key in ("outlet", "title", "content_hash", "published_at", "url"):
        assert restored[key] == article_before[key], key
    for key in ("quotes", "figures"):
        assert [q["text"] for q in restored[key]] == [q["text"] for q in article_before[key]], key
    assert sorted(len(s["members"]) for s in statements(sqlite_client, slug)) == sizes_before
    assert "Some 55" in figure_texts(sqlite_client, slug)


def test_undo_a_deletion_when_the_text_is_back_already(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug, beta = event["slug"], event["ids"]["Beta News"]
    text = sqlite_client.get(f"/api/events/{slug}/articles/{beta}").json()["body"]
    sqlite_client.delete(f"/api/events/{slug}/articles/{beta}")
    deletion = log(sqlite_client, slug)[0]
    again = sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": "Beta News", "text": text})
    assert again.status_code == 201
    refused = undo(sqlite_client, slug, deletion["id"])
    assert refused.status_code == 422 and "already in the event" in refused.json()["detail"]
    assert [e["kind"] for e in log(sqlite_client, slug)] == ["delete_article"]


def test_undo_refuses_what_it_cannot_do(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    other = make_event(sqlite_client)
    slug = event["slug"]
    sqlite_client.post(f"/events/{slug}/articles/{event['ids']['Gamma Post']}/edit", data={"title": "A fix"})
    edit = log(sqlite_client, slug)[0]
    assert undo(sqlite_client, other["slug"], edit["id"]).status_code == 404  # another event's correction
    for bad in (0, 999_999, 2**63, 10**30):
        response = undo(sqlite_client, slug, bad)
        assert response.status_code == 404 and "no correction" in response.json()["detail"]
    first = undo(sqlite_client, slug, edit["id"])
    assert first.status_code == 201
    twice = undo(sqlite_client, slug, edit["id"])
    assert twice.status_code == 422 and "already undone" in twice.json()["detail"]
    of_undo = undo(sqlite_client, slug, first.json()["id"])
    assert of_undo.status_code == 422 and "cannot itself be undone" in of_undo.json()["detail"]
    assert len(log(sqlite_client, slug)) == 2


def test_undo_form_on_the_log_page(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    title = "<script>alert(1)</script> & co"
    sqlite_client.post(f"/events/{slug}/articles/{event['ids']['Gamma Post']}/edit", data={"title": title})
    edit = log(sqlite_client, slug)[0]
    page = sqlite_client.get(f"/events/{slug}/corrections").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    action = f"/events/{slug}/corrections/{edit['id']}/undo"
    assert f'action="{action}"' in page
    refused = sqlite_client.post(action, headers={"Origin": "https://elsewhere.example"})
    assert refused.status_code == 403
    done = sqlite_client.post(action, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("/corrections?_done=undone")
    page = sqlite_client.get(done.headers["location"]).text
    assert "The correction is undone" in page
    assert 'class="undone"' in page and f'action="{action}"' not in page
    assert sqlite_client.post(action).status_code == 422


def test_the_saved_notice_points_to_the_undo(sqlite_client: TestClient) -> None:
    event = make_event(sqlite_client)
    slug = event["slug"]
    done = sqlite_client.post(
        f"/events/{slug}/articles/{event['ids']['Gamma Post']}/edit",
        data={"title": "A fix"},
        follow_redirects=False,
    )
    page = sqlite_client.get(done.headers["location"]).text
    assert f'can be undone, in <a href="/events/{slug}/corrections">Corrections</a>' in page


def test_older_entries_that_name_an_article_by_id_read_with_its_outlet_and_title(
    sqlite_client: TestClient, sqlite_url: str
) -> None:
    from sqlmodel import Session

    from app.db import engine_for
    from app.models import Correction
    from app.services import events

    event = make_event(sqlite_client)
    slug, gamma, beta = event["slug"], event["ids"]["Gamma Post"], event["ids"]["Beta News"]
    with Session(engine_for(sqlite_url)) as session:
        event_id = events.get_event(session, slug).id or 0
        for summary in (
            f"Moved the sentence “We moved every family” (article {gamma}) out of statement 4.",
            f"Dismissed the figure “55” in Beta News's article {beta}.",
            "Edited Beta News's article 999999: title.",  # an article nobody knows: left as it was
        ):
            session.add(Correction(event_id=event_id, kind="edit_article", target={}, summary=summary))
        session.commit()
    entries = log(sqlite_client, slug)
    assert entries[0]["summary"] == "Edited Beta News's article 999999: title."
    assert (
        entries[1]["summary"]
        == "Dismissed the figure “55” in Beta News's “Flood water reached the old town on Tuesday”."
    )
    assert entries[2]["summary"] == (
        "Moved the sentence “We moved every family” (of Gamma Post's “The river burst its banks late on Tuesday”) "
        "out of statement 4."
    )
    page = sqlite_client.get(f"/events/{slug}/corrections").text
    assert "Beta News&#39;s “Flood water reached the old town on Tuesday”" in page
    # Those older entries have no undo, and say why.
    assert page.count("No undo: it was logged before Parallax kept what an undo needs") == 3
