"""The public JSON contract of design.md, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import unique_title

ARTICLE_A = (
    "Harbour officials met on Tuesday.\n\n"
    '"We will rebuild the bridge before winter," said Mayor Lena Ortiz. "Nobody will be left behind."\n\n'
    "At least 41 people were killed, according to the health ministry."
)
ARTICLE_B = (
    "The mayor spoke to reporters.\n\n"
    '"We will rebuild the bridge before the winter," Ortiz told reporters.\n\n'
    "The ministry said 47 people were killed."
)


def post_article(client: TestClient, slug: str, **fields: object) -> dict:
    response = client.post(f"/api/events/{slug}/articles", json=fields)
    assert response.status_code == 201, response.text
    return response.json()


def test_create_and_list_events(client: TestClient) -> None:
    title = unique_title("Bridge collapse")
    response = client.post("/api/events", json={"title": title, "description": "A test event."})
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == title
    assert body["slug"].startswith("bridge-collapse")
    listed = client.get("/api/events").json()
    assert any(e["slug"] == body["slug"] and e["articles"] == 0 for e in listed)


def test_same_title_gets_a_distinct_slug(client: TestClient) -> None:
    title = unique_title()
    first = client.post("/api/events", json={"title": title}).json()["slug"]
    second = client.post("/api/events", json={"title": title}).json()["slug"]
    assert first != second


def test_article_round_trip_with_quotes_and_figures(client: TestClient, event_slug: str) -> None:
    created = post_article(
        client, event_slug, outlet="Harbour Daily", text=ARTICLE_A, url="https://h.example/1"
    )
    article = client.get(f"/api/events/{event_slug}/articles/{created['id']}").json()
    assert article["outlet"] == "Harbour Daily"
    body = article["body"]
    assert article["quotes"], "the quote should be found"
    for quote in article["quotes"]:
        for start, end in quote["parts"]:
            assert body[start:end] in quote["text"]
    assert any(q["speaker"] == "Lena Ortiz" for q in article["quotes"])
    figure = next(f for f in article["figures"] if f["value"] == 41)
    assert body[figure["start"] : figure["end"]] == figure["text"]
    assert figure["qualifier"] == "at least"


def test_quotes_statements_and_figures_align_across_outlets(client: TestClient, event_slug: str) -> None:
    a = post_article(client, event_slug, outlet="Harbour Daily", text=ARTICLE_A)
    b = post_article(client, event_slug, outlet="Coast Times", text=ARTICLE_B)
    quotes = client.get(f"/api/events/{event_slug}/quotes").json()
    assert {q["article_id"] for q in quotes} == {a["id"], b["id"]}
    for q in quotes:
        assert set(q) >= {
            "id",
            "article_id",
            "outlet",
            "text",
            "speaker",
            "start",
            "end",
            "fragment",
            "statement_ids",
        }
        assert not q["text"].startswith(('"', "“"))
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    shared = [s for s in statements if {m["article_id"] for m in s["members"]} == {a["id"], b["id"]}]
    assert len(shared) == 1, statements
    assert shared[0]["speaker"] == "Lena Ortiz"
    for member in shared[0]["members"]:
        assert set(member) >= {"article_id", "outlet", "quote_id", "text", "start", "end"}
    groups = client.get(f"/api/events/{event_slug}/figures").json()
    killed = [g for g in groups if {m["value"] for m in g["members"]} == {41, 47}]
    assert len(killed) == 1 and killed[0]["status"] == "conflict"
    assert {m["qualifier"] for m in killed[0]["members"]} == {"at least", None}


def test_html_article_keeps_text_not_markup(client: TestClient, event_slug: str) -> None:
    html = (
        "<html><head><title>Bridge report</title><script>alert('x')</script></head><body>"
        '<article><h1>Bridge report</h1><p>"We will rebuild the bridge before winter," said Mayor Lena Ortiz.</p>'
        '<p onclick="steal()">The council meets on Friday to approve the plan for the harbour.</p></article>'
        "</body></html>"
    )
    created = post_article(client, event_slug, outlet="Web Post", html=html)
    article = client.get(f"/api/events/{event_slug}/articles/{created['id']}").json()
    assert "alert" not in article["body"] and "<" not in article["body"]
    assert "rebuild the bridge" in article["body"]
    assert article["source_format"] == "html"


def test_duplicate_article_is_recognised_not_stored_twice(client: TestClient, event_slug: str) -> None:
    first = post_article(client, event_slug, outlet="Harbour Daily", text=ARTICLE_A)
    again = client.post(
        f"/api/events/{event_slug}/articles", json={"outlet": "Harbour Daily", "text": ARTICLE_A}
    )
    assert again.status_code == 409
    assert again.json()["article_id"] == first["id"]
    assert "already" in again.json()["detail"]
    articles = client.get(f"/api/events/{event_slug}/articles").json()
    assert len(articles) == 1


def test_comparison_permalink_is_stable(client: TestClient, event_slug: str) -> None:
    a = post_article(client, event_slug, outlet="Harbour Daily", text=ARTICLE_A)
    b = post_article(client, event_slug, outlet="Coast Times", text=ARTICLE_B)
    first = client.post("/api/comparisons", json={"event": event_slug, "articles": [a["id"], b["id"]]})
    assert first.status_code == 201
    again = client.post("/api/comparisons", json={"event": event_slug, "articles": [a["id"], b["id"]]})
    assert again.json()["id"] == first.json()["id"]
    assert first.json()["url"] == f"/p/{first.json()['id']}"
    frozen = client.get(f"/api/comparisons/{first.json()['id']}").json()
    assert [x["id"] for x in frozen["articles"]] == [a["id"], b["id"]]
    page_before = client.get(first.json()["url"]).text
    post_article(client, event_slug, outlet="Third Outlet", text=ARTICLE_B + "\n\nMore news later.")
    assert client.get(f"/api/comparisons/{first.json()['id']}").json() == frozen
    assert client.get(first.json()["url"]).text == page_before


def test_offsets_point_into_the_stored_body(client: TestClient, event_slug: str) -> None:
    created = post_article(client, event_slug, outlet="Harbour Daily", text="  \r\n" + ARTICLE_A + "\r\n")
    article = client.get(f"/api/events/{event_slug}/articles/{created['id']}").json()
    for quote in article["quotes"]:
        assert article["body"][quote["start"] : quote["end"]].startswith(quote["text"][:10])


def test_published_at_is_kept(client: TestClient, event_slug: str) -> None:
    created = post_article(
        client, event_slug, outlet="Harbour Daily", text=ARTICLE_A, published_at="2026-03-14T09:30:00+00:00"
    )
    article = client.get(f"/api/events/{event_slug}/articles/{created['id']}").json()
    assert article["published_at"].startswith("2026-03-14T09:30")
