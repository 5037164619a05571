"""Every dashboard page over HTTP (SQLite and PostgreSQL): full pages, HTMX blocks, URL parameters, CSV,
permalinks and bad parameters. HTML is checked structurally: specific elements, not whole pages."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

# Three invented articles about one invented event: one quote carried by all three (one outlet changes a
# word), one carried by two, and one figure the outlets disagree on.
ARTICLES = {
    "Northern Post": (
        "Flooding closed the Lanmere bridge on Monday, the county said.\n\n"
        '"We will reopen the bridge within a week," Dana Whitlow, the transport chief, told reporters. '
        '"Nobody will pay for the repairs except the contractor," she said.\n\n'
        "At least 12 people were injured in the flooding, the county said."
    ),
    "Southern Star": (
        "Floods shut the Lanmere bridge on Monday.\n\n"
        '"We will reopen the Lanmere bridge within a week," Dana Whitlow, the transport chief, told reporters.\n\n'
        "Fifteen people were injured in the flooding, the hospital said."
    ),
    "Valley Times": (
        "Floods forced the Lanmere bridge to close on Monday.\n\n"
        '"We will reopen the bridge within a week," Dana Whitlow said. '
        '"Nobody will pay for the repairs except the contractor," she added.\n\n'
        "12 people were injured in the flooding."
    ),
}
HX = {"HX-Request": "true"}


class Elements(HTMLParser):
    """Start tags with their attributes and the text inside each, enough to check a page's structure."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[dict[str, Any]] = []
        self._open: list[dict[str, Any]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in ("input", "br", "meta", "link", "img", "rect", "hr"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i]["tag"] == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element["text"] += data

    def find(self, tag: str, **attrs: str) -> list[dict[str, Any]]:
        found = []
        for e in self.elements:
            if e["tag"] != tag:
                continue
            if all(
                (value in (e["attrs"].get(key.rstrip("_")) or "").split())
                if key.endswith("_")
                else e["attrs"].get(key) == value
                for key, value in attrs.items()
            ):
                found.append(e)
        return found


def classes(element: dict[str, Any]) -> set[str]:
    return set((element["attrs"].get("class") or "").split())


@pytest.fixture
def bridge(client: TestClient, event_slug: str) -> dict[str, Any]:
    ids = {}
    for outlet, text in ARTICLES.items():
        response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": outlet, "text": text})
        assert response.status_code == 201, response.text
        ids[outlet] = response.json()["id"]
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    figures = client.get(f"/api/events/{event_slug}/figures").json()
    return {"slug": event_slug, "ids": ids, "statements": statements, "figures": figures}


def widest(statements: list[dict[str, Any]]) -> dict[str, Any]:
    return max(statements, key=lambda s: (len(s["outlets"]), -s["id"]))


# ---------------------------------------------------------------- overview


def matrix_rows(html: str) -> list[dict[str, Any]]:
    """Each matrix row: its statement id, speaker and the cell state per outlet column."""
    table = html[html.index('<table class="matrix') :]
    table = table[: table.index("</table>")]
    outlets = re.findall(r'<th scope="col" class="outlet-col"[^>]*><span>([^<]*)</span>', table)
    rows = []
    for row in re.findall(r"<tr>\s*<th scope=\"row\" class=\"stmt\">(.*?)</tr>", table, re.S):
        statement_id = int(re.search(r"/statements/(\d+)", row).group(1))  # type: ignore[union-attr]
        speaker = re.search(r'<td class="speaker">([^<]*)</td>', row).group(1)  # type: ignore[union-attr]
        states = re.findall(r'<td class="cell (same|variant|absent)"', row)
        rows.append(
            {"id": statement_id, "speaker": speaker, "cells": dict(zip(outlets, states, strict=True))}
        )
    return rows


def test_overview_matrix_shows_who_carried_each_statement(client: TestClient, bridge: dict[str, Any]) -> None:
    response = client.get(f"/events/{bridge['slug']}")
    assert response.status_code == 200
    rows = matrix_rows(response.text)
    assert {r["id"] for r in rows} == {s["id"] for s in bridge["statements"]}
    by_id = {s["id"]: s for s in bridge["statements"]}
    for row in rows:
        carried = set(by_id[row["id"]]["outlets"])
        assert {o for o, state in row["cells"].items() if state != "absent"} == carried
    # Default order: most outlets first.
    counts = [len(by_id[r["id"]]["outlets"]) for r in rows]
    assert counts == sorted(counts, reverse=True)


def test_matrix_marks_the_outlet_that_changed_a_word(client: TestClient, bridge: dict[str, Any]) -> None:
    statement = widest(bridge["statements"])
    texts = Counter(m["text"] for m in statement["members"])
    # The Southern Star added a word ("the Lanmere bridge"): the same claim, one statement with a variant.
    assert len(texts) == 2
    odd_outlets = {m["outlet"] for m in statement["members"] if texts[m["text"]] == 1}
    row = next(
        r for r in matrix_rows(client.get(f"/events/{bridge['slug']}").text) if r["id"] == statement["id"]
    )
    assert {o for o, state in row["cells"].items() if state == "variant"} == odd_outlets


def test_overview_sort_by_speaker_and_htmx_block(client: TestClient, bridge: dict[str, Any]) -> None:
    url = f"/events/{bridge['slug']}?_sort=speaker"
    rows = matrix_rows(client.get(url).text)
    speakers = [r["speaker"] for r in rows]
    known = [s for s in speakers if s != "unknown"]
    assert known == sorted(known) and speakers[: len(known)] == known
    fragment = client.get(url, headers={**HX, "HX-Target": "matrix"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and '<table class="matrix' in fragment.text
    assert "HX-Request" in fragment.headers["vary"]
    sort_links = Elements(fragment.text).find("a", **{"aria-current": "true"})
    assert any("_sort=speaker" in a["attrs"]["href"] for a in sort_links)
    for link in Elements(fragment.text).find("a", **{"hx-target": "#matrix"}):
        assert link["attrs"]["href"] == link["attrs"]["hx-get"] and link["attrs"]["hx-push-url"] == "true"


@pytest.mark.parametrize(
    ("query", "word"), [("_sort=length", "_sort"), ("_page=0", "_page"), ("_page=x", "_page")]
)
def test_overview_bad_parameters_are_4xx_with_a_sentence(
    client: TestClient, bridge: dict[str, Any], query: str, word: str
) -> None:
    response = client.get(f"/events/{bridge['slug']}?{query}")
    assert 400 <= response.status_code < 500
    assert word in response.text and "Traceback" not in response.text


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        ("_page=x", "'_page' must be a whole number, not 'x'."),
        ("_page=0", "'_page' must be at least 1, not '0'."),
    ],
)
def test_a_bad_page_number_is_refused_in_plain_words(
    client: TestClient, bridge: dict[str, Any], query: str, sentence: str
) -> None:
    response = client.get(f"/api/events/{bridge['slug']}/matrix?{query}")
    assert response.status_code == 422
    assert response.json()["detail"] == sentence


def test_overview_page_past_the_end_is_404(client: TestClient, bridge: dict[str, Any]) -> None:
    response = client.get(f"/events/{bridge['slug']}?_page=9")
    assert response.status_code == 404 and "last page is 1" in response.text


def test_overview_draws_the_figure_conflict(client: TestClient, bridge: dict[str, Any]) -> None:
    conflicts = [g for g in bridge["figures"] if g["status"] == "conflict"]
    html = client.get(f"/events/{bridge['slug']}").text
    charts = re.findall(r'<figure class="chart">(.*?)</figure>', html, re.S)
    assert len(charts) == len(conflicts)
    for chart, group in zip(charts, conflicts, strict=True):
        assert chart.count("<rect") == len([m for m in group["members"] if m["value"] is not None])
        assert "conflict" in chart and 'role="img"' in chart
        for member in group["members"]:
            assert member["text"] in chart


def test_overview_notes_near_copies(client: TestClient, bridge: dict[str, Any]) -> None:
    copy = ARTICLES["Northern Post"].replace("Monday", "Monday morning")
    response = client.post(
        f"/api/events/{bridge['slug']}/articles", json={"outlet": "Copy Desk", "text": copy}
    )
    assert response.status_code == 201
    html = client.get(f"/events/{bridge['slug']}").text
    notes = re.findall(r'<div class="near-copy small">(.*?)</div>', html, re.S)
    assert any("Northern Post" in n for n in notes) and any("Copy Desk" in n for n in notes)
    # Without publication times the note cannot say which came first, and says so; each links the diff.
    assert all(re.search(r"\d+% of its words are also in", n) and "no times" in n for n in notes)
    assert all("/diff/" in n for n in notes)


def test_near_copy_direction_follows_publication_time(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": "Copies " + str(id(object()))}).json()["slug"]
    text = ARTICLES["Northern Post"]
    posts = [
        ("Wire Desk", text, "2026-03-02T08:00:00+00:00"),
        ("Town Paper", text.replace("Monday", "Monday morning"), "2026-03-02T11:00:00+00:00"),
    ]
    ids = []
    for outlet, body, published in posts:
        response = sqlite_client.post(
            f"/api/events/{slug}/articles", json={"outlet": outlet, "text": body, "published_at": published}
        )
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    html = sqlite_client.get(f"/events/{slug}").text
    notes = re.findall(r'<div class="near-copy small">(.*?)</div>', html, re.S)
    assert any("earlier article: likely a copy" in n and "Wire Desk" in n for n in notes)
    assert any("later article: likely its source" in n and "Town Paper" in n for n in notes)
    # Asked either way round, the diff takes the earlier article as the base and shows what the copy added.
    for first, second in (ids, ids[::-1]):
        page = sqlite_client.get(f"/events/{slug}/articles/{first}/diff/{second}")
        assert page.status_code == 200
        assert "Wire Desk published first" in page.text
        assert re.search(r'<ins title="added by Town Paper">\s*morning', page.text)


def test_copy_reading_is_one_rule_over_both_shares() -> None:
    from app.services.views.copies import copy_reading

    # Most of the later article is the earlier one's text: a copy, whatever share of the earlier it keeps.
    assert copy_reading(0.72, 0.45) == "copy"
    # The later article carries most of the earlier one but is mostly its own: it reused it.
    assert copy_reading(0.45, 0.72) == "reuse"
    assert copy_reading(0.45, 0.49) == copy_reading(0.2, None) == "separate"
    # Without times nobody knows which came later: a copy is all the rule can tell.
    assert copy_reading(0.72, 0.45, direction_known=False) == "copy"
    assert copy_reading(0.45, 0.3, direction_known=False) == "separate"


def test_near_copy_notes_read_one_rule_on_every_page(sqlite_client: TestClient) -> None:
    """A longer later article that carries a wire story whole and adds more of its own reused it: the event
    page, the article pages and the diff all say so, none calls the pair a copy on one page and separate
    reports on another."""
    slug = sqlite_client.post("/api/events", json={"title": "Reuse " + str(id(object()))}).json()["slug"]
    wire = ARTICLES["Northern Post"]
    own = (
        "\n\nResidents of the east bank said the detour through Marlow added an hour to every journey to the "
        "market, and the bus company cut two of its four morning services until the bridge reopens. Farmers "
        "on the lower fields moved their sheep to the ridge on Sunday night, and the school in Anfield kept "
        "its doors shut for a second day while the caretaker pumped water out of the hall. The parish council "
        "will meet on Thursday to ask the county for a temporary footbridge and for sandbags before the next "
        "storm, which forecasters expect at the weekend with more rain over the hills to the north."
    )
    ids = {}
    for outlet, body, published in (
        ("Wire Desk", wire, "2026-03-02T08:00:00+00:00"),
        ("Town Paper", wire + own, "2026-03-02T11:00:00+00:00"),
    ):
        response = sqlite_client.post(
            f"/api/events/{slug}/articles", json={"outlet": outlet, "text": body, "published_at": published}
        )
        assert response.status_code == 201, response.text
        ids[outlet] = response.json()["id"]
    html = sqlite_client.get(f"/events/{slug}").text
    notes = [
        re.sub(r"<[^>]+>", "", n) for n in re.findall(r'<div class="near-copy small">(.*?)</div>', html, re.S)
    ]
    assert len(notes) == 2
    wire_note = next(n for n in notes if "Town Paper" in n)
    paper_note = next(n for n in notes if "Wire Desk" in n)
    assert "later article, where they make up" in wire_note and "Town Paper reused this article" in wire_note
    assert "earlier article, which makes up" in paper_note and "it reused that article" in paper_note
    for note in notes:
        assert "likely its source" not in note and "likely a copy" not in note and "separate" not in note
    article_note = sqlite_client.get(f"/events/{slug}/articles/{ids['Wire Desk']}").text
    assert "Town Paper reused this article in a longer one" in re.sub(r"<[^>]+>", "", article_note)
    url = f"/events/{slug}/articles/{ids['Town Paper']}/diff/{ids['Wire Desk']}"
    data = sqlite_client.get(url + "?_format=json").json()
    assert (data["reading"], data["likely_copy"]) == ("reuse", True)
    assert data["copy_share"] < 0.5 <= data["source_share"]
    page = sqlite_client.get(url).text
    assert "It reused Wire Desk’s article" in page and "separate reports" not in page
    assert not Elements(page).find("p", class_="notice")


def test_an_excerpt_printed_later_names_the_longer_article_as_its_source(sqlite_client: TestClient) -> None:
    # The later article is a short excerpt: most of it is the earlier text, little of the earlier text is in it.
    slug = sqlite_client.post("/api/events", json={"title": "Excerpt " + str(id(object()))}).json()["slug"]
    full = ARTICLES["Northern Post"] + (
        "\n\nResidents of the east bank said the detour through Marlow added an hour to every journey to the "
        "market, and the bus company cut two of its four morning services until the bridge reopens. Farmers "
        "on the lower fields moved their sheep to the ridge on Sunday night, and the school in Anfield kept "
        "its doors shut for a second day while the caretaker pumped water out of the hall."
    )
    excerpt = ARTICLES["Northern Post"]
    for outlet, body, published in (
        ("Wire Desk", full, "2026-03-02T08:00:00+00:00"),
        ("Town Paper", excerpt, "2026-03-02T11:00:00+00:00"),
    ):
        response = sqlite_client.post(
            f"/api/events/{slug}/articles", json={"outlet": outlet, "text": body, "published_at": published}
        )
        assert response.status_code == 201, response.text
    html = sqlite_client.get(f"/events/{slug}").text
    notes = [
        re.sub(r"<[^>]+>", "", n) for n in re.findall(r'<div class="near-copy small">(.*?)</div>', html, re.S)
    ]
    wire_note = next(n for n in notes if "Town Paper" in n)
    paper_note = next(n for n in notes if "Wire Desk" in n)
    assert re.search(
        r"\d+% of its words reappear in Town Paper’s later article, which is \d+% this text: likely its source",
        wire_note,
    )
    assert "earlier article: likely a copy of it" in paper_note


# ---------------------------------------------------------------- compare and permalinks


def compare_url(bridge: dict[str, Any], **params: object) -> str:
    ids = list(bridge["ids"].values())
    query = "&".join([f"a={ids[0]}", f"b={ids[1]}", f"c={ids[2]}", *(f"{k}={v}" for k, v in params.items())])
    return f"/events/{bridge['slug']}/compare?{query}"


def test_compare_quote_links_open_the_panel_with_a_shareable_url(
    client: TestClient, bridge: dict[str, Any]
) -> None:
    page = Elements(client.get(compare_url(bridge)).text)
    links = [a for a in page.find("a", class_="q") if "data-statement" in a["attrs"]]
    assert links
    for link in links:
        attrs = link["attrs"]
        assert attrs["href"] == attrs["hx-get"] and attrs["href"].endswith(
            f"_statement={attrs['data-statement']}"
        )
        assert attrs["hx-target"] == "#variants" and attrs["hx-push-url"] == "true"
    assert page.find("aside", id="variants")


def test_compare_renders_the_panel_server_side_and_as_a_block(
    client: TestClient, bridge: dict[str, Any]
) -> None:
    statement = widest(bridge["statements"])
    url = compare_url(bridge, _statement=statement["id"])
    full = client.get(url)
    assert full.status_code == 200 and "<html" in full.text
    panel = full.text[full.text.index('id="variants"') :]
    for member in statement["members"]:
        assert member["outlet"] in panel
    # The share form carries the open statement, so the permalink freezes the same view.
    assert re.search(rf'form="share-form" name="_statement" value="{statement["id"]}"', full.text)
    fragment = client.get(url, headers=HX)
    assert "<html" not in fragment.text and 'class="variant-list"' in fragment.text
    assert '<section class="column"' not in fragment.text


@pytest.mark.parametrize(("value", "status"), [("abc", 422), ("99999", 404)])
def test_compare_bad_statement_is_4xx(
    client: TestClient, bridge: dict[str, Any], value: str, status: int
) -> None:
    response = client.get(compare_url(bridge, _statement=value))
    assert response.status_code == status and "tatement" in response.text


def test_permalink_freezes_the_open_statement_and_never_changes(
    client: TestClient, bridge: dict[str, Any]
) -> None:
    statement = widest(bridge["statements"])
    form = {
        "event": bridge["slug"],
        "articles": list(bridge["ids"].values()),
        "_statement": str(statement["id"]),
    }
    first = client.post("/comparisons", data=form, follow_redirects=False)
    second = client.post("/comparisons", data=form, follow_redirects=False)
    assert first.status_code == second.status_code == 303
    assert first.headers["location"] == second.headers["location"]
    plain = client.post("/comparisons", data={**form, "_statement": ""}, follow_redirects=False)
    assert plain.headers["location"] != first.headers["location"]
    link = first.headers["location"]
    before = client.get(link)
    assert before.status_code == 200 and 'class="variant-list"' in before.text
    # A new article joins the event and quotes the same sentence: the live view changes, the permalink not.
    extra = ARTICLES["Valley Times"].replace("Floods forced", "Heavy floods forced")
    added = client.post(
        f"/api/events/{bridge['slug']}/articles", json={"outlet": "Late Gazette", "text": extra}
    )
    assert added.status_code == 201
    after = client.get(link)
    assert after.content == before.content
    assert "Late Gazette" not in after.text


def test_permalink_htmx_panel_comes_from_the_snapshot(client: TestClient, bridge: dict[str, Any]) -> None:
    form = {"event": bridge["slug"], "articles": list(bridge["ids"].values())}
    link = client.post("/comparisons", data=form, follow_redirects=False).headers["location"]
    statement = widest(bridge["statements"])
    fragment = client.get(f"{link}?_statement={statement['id']}", headers=HX)
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert statement["speaker"] in fragment.text


def test_share_rejects_a_statement_outside_the_articles(client: TestClient, bridge: dict[str, Any]) -> None:
    form = {"event": bridge["slug"], "articles": list(bridge["ids"].values()), "_statement": "999999"}
    response = client.post("/comparisons", data=form, follow_redirects=False)
    assert response.status_code == 404 and "999999" in response.text


# ---------------------------------------------------------------- statement page


def test_statement_page_diffs_every_version_against_the_base(
    client: TestClient, bridge: dict[str, Any]
) -> None:
    statement = widest(bridge["statements"])
    members = statement["members"]
    for base in members:
        url = f"/events/{bridge['slug']}/statements/{statement['id']}?base={base['article_id']}"
        page = client.get(url)
        assert page.status_code == 200
        items = re.findall(
            r"<li( class=\"is-base\")?>\s*<p class=\"outlet-name\">(.*?)</li>", page.text, re.S
        )
        assert len(items) == len(members)
        base_items = [body for marker, body in items if marker]
        assert len(base_items) == 1 and base["outlet"] in base_items[0]
        for member, (_, body) in zip(members, items, strict=True):
            differs = member["text"].rstrip(".") != base["text"].rstrip(".")
            assert ("<ins" in body or "<del" in body or 'class="variant"' in body) == differs
            assert 'class="context small"' in body  # the paragraph around the quote
        switch = Elements(page.text).find("a", **{"aria-current": "true"})
        assert any(f"base={base['article_id']}" in a["attrs"]["href"] for a in switch)


def test_statement_base_by_outlet_name_and_htmx_block(client: TestClient, bridge: dict[str, Any]) -> None:
    statement = widest(bridge["statements"])
    outlet = statement["members"][-1]["outlet"]
    page = client.get(
        f"/events/{bridge['slug']}/statements/{statement['id']}", params={"base": outlet}, headers=HX
    )
    assert page.status_code == 200 and "<html" not in page.text
    base_item = re.search(r'<li class="is-base">(.*?)</li>', page.text, re.S)
    assert base_item and outlet in base_item.group(1)


def test_statement_bad_base_and_unknown_statement(client: TestClient, bridge: dict[str, Any]) -> None:
    statement = widest(bridge["statements"])
    bad = client.get(f"/events/{bridge['slug']}/statements/{statement['id']}?base=Nowhere+Daily")
    assert bad.status_code == 422 and "base" in bad.text
    assert client.get(f"/events/{bridge['slug']}/statements/987654").status_code == 404


def test_an_error_inside_an_event_links_back_to_that_event(
    client: TestClient, bridge: dict[str, Any]
) -> None:
    missing = client.get(f"/events/{bridge['slug']}/statements/987654")
    assert missing.status_code == 404
    assert f'href="/events/{bridge["slug"]}"' in missing.text
    # An unknown event has nothing to link back to: only the list of all events.
    unknown = client.get("/events/no-such-event/statements/1")
    assert unknown.status_code == 404
    assert 'href="/events/no-such-event"' not in unknown.text and 'href="/"' in unknown.text


# ---------------------------------------------------------------- figures, speakers, upload preview


def test_figure_ledger_filters_by_status(client: TestClient, bridge: dict[str, Any]) -> None:
    slug = bridge["slug"]
    everything = client.get(f"/events/{slug}/figures").text
    groups = re.findall(r'<section class="ledger-group status-(\w+)"', everything)
    # One-outlet figures are listed apart, below the sections, not as ledger groups.
    assert Counter(groups) == Counter(g["status"] for g in bridge["figures"] if g["status"] != "single")
    assert groups == sorted(groups, key=["conflict", "agree", "single"].index)
    conflict = client.get(f"/events/{slug}/figures?_status=conflict", headers=HX)
    assert "<html" not in conflict.text
    assert set(re.findall(r'<section class="ledger-group status-(\w+)"', conflict.text)) <= {"conflict"}
    for group in bridge["figures"]:
        if group["status"] == "conflict":
            for member in group["members"]:
                assert member["text"] in conflict.text
    bad = client.get(f"/events/{slug}/figures?_status=maybe")
    assert bad.status_code == 422 and "_status" in bad.text


def test_speakers_grid_counts_quotes(client: TestClient, bridge: dict[str, Any]) -> None:
    quotes = client.get(f"/api/events/{bridge['slug']}/quotes").json()
    expected = Counter((q["speaker"], q["outlet"]) for q in quotes)
    html = client.get(f"/events/{bridge['slug']}/speakers").text
    outlets = re.findall(r'<th scope="col" class="num outlet-col"><span>([^<]*)</span>', html)
    for name, cells in re.findall(
        r'<th scope="row"[^>]*>([^<]*)</th>(.*?)<td class="num"><strong>', html, re.S
    ):
        counts = re.findall(r'class="num heat-\d" title="[^"]*: (\d+) quote', cells)
        assert [int(n) for n in counts] == [expected.get((name, o), 0) for o in outlets]
    twin = client.get(f"/api/events/{bridge['slug']}/speakers").json()
    assert sum(s["total"] for s in twin["speakers"]) == len(quotes)


def test_upload_preview_shows_quotes_and_stores_nothing(client: TestClient, bridge: dict[str, Any]) -> None:
    slug = bridge["slug"]
    before = len(client.get(f"/api/events/{slug}/articles").json())
    text = (
        '"The tide gauges all failed at once," harbour engineer Ravi Okonjo said. About 300 boats were lost.'
    )
    fragment = client.post(f"/events/{slug}/articles/preview", data={"text": text}, headers=HX)
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert "Ravi Okonjo" in fragment.text and "The tide gauges all failed at once" in fragment.text
    assert "300" in fragment.text
    full = client.post(f"/events/{slug}/articles/preview", data={"text": text})
    assert full.status_code == 200 and "<form" in full.text and "Ravi Okonjo" in full.text
    assert len(client.get(f"/api/events/{slug}/articles").json()) == before
    empty = client.post(f"/events/{slug}/articles/preview", data={"text": "  "})
    assert empty.status_code == 422 and "Paste" in empty.text
    form = client.get(f"/events/{slug}/articles/new").text
    textarea = Elements(form).find("textarea", name="text")[0]["attrs"]
    assert textarea["hx-post"].endswith("/articles/preview") and "delay:500ms" in textarea["hx-trigger"]


def test_preview_escapes_markup(client: TestClient, bridge: dict[str, Any]) -> None:
    text = '"<script>alert(1)</script> is what they sent," officer Lena Marsh said.'
    response = client.post(
        f"/events/{bridge['slug']}/articles/preview", data={"text": text, "source_format": "text"}
    )
    assert "<script>alert" not in response.text


# ---------------------------------------------------------------- data: CSV and JSON twins


def read_csv(response: Any) -> list[dict[str, str]]:
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    return list(csv.DictReader(io.StringIO(response.text)))


def test_csv_downloads_match_the_data(client: TestClient, bridge: dict[str, Any]) -> None:
    slug = bridge["slug"]
    statements = read_csv(client.get(f"/events/{slug}/statements.csv"))
    carried = [r for r in statements if r["state"] != "absent"]
    assert len(carried) == sum(len(s["members"]) for s in bridge["statements"])
    assert {r["state"] for r in statements} <= {"same", "variant", "absent"}
    figures = read_csv(client.get(f"/events/{slug}/figures.csv"))
    assert len(figures) == sum(len(g["members"]) for g in bridge["figures"])
    speakers = read_csv(client.get(f"/events/{slug}/speakers.csv"))
    assert sum(int(r["total"]) for r in speakers) == len(client.get(f"/api/events/{slug}/quotes").json())


def test_every_view_links_its_data_twins(client: TestClient, bridge: dict[str, Any]) -> None:
    slug = bridge["slug"]
    for path in ("", "/figures", "/speakers", f"/statements/{bridge['statements'][0]['id']}"):
        html = client.get(f"/events/{slug}{path}").text
        footer = html[html.index('<footer class="site">') :]
        hrefs = re.findall(r'href="([^"]+)"', footer)
        assert any(h.startswith("/api/") for h in hrefs), path
        for href in hrefs:
            assert client.get(href.replace("&amp;", "&")).status_code == 200, href
        assert any(h.endswith(".csv") for h in hrefs), path
    matrix = client.get(f"/api/events/{slug}/matrix?_sort=speaker").json()
    assert len(matrix["rows"]) == len(bridge["statements"]) and matrix["sort"] == "speaker"
    assert client.get(f"/api/events/{slug}/matrix?_sort=nonsense").status_code == 422
    live = client.get(compare_url(bridge).replace("/events/", "/api/events/")).json()
    assert live["article_ids"] == list(bridge["ids"].values())


def test_pages_have_landmarks_and_no_inline_styles(client: TestClient, bridge: dict[str, Any]) -> None:
    slug = bridge["slug"]
    statement = bridge["statements"][0]["id"]
    for path in ("", "/figures", "/speakers", f"/statements/{statement}", "/articles/new"):
        html = client.get(f"/events/{slug}{path}").text
        assert '<html lang="en">' in html and "<main" in html and "<nav" in html
        assert " style=" not in html and "<script>" not in html
    html = client.get(compare_url(bridge, _statement=statement)).text
    assert " style=" not in html and "<script>" not in html


def test_matrix_lazy_loads_the_next_rows(client: TestClient, event_slug: str) -> None:
    # One invented article quoting 60 different sentences: 60 statements, more than one matrix page.
    names = ["Ada Moss", "Bo Lind", "Cy Hart"]
    paragraphs = [
        f'"Harbour note {n} covers pier {n} and crane {n * 7} today," {names[n % 3]} said.' for n in range(60)
    ]
    response = client.post(
        f"/api/events/{event_slug}/articles", json={"outlet": "Quote Heavy", "text": "\n\n".join(paragraphs)}
    )
    assert response.status_code == 201
    total = len(client.get(f"/api/events/{event_slug}/statements").json())
    if total <= 50:
        pytest.skip(f"only {total} statements were found in the invented article")
    first = client.get(f"/events/{event_slug}")
    assert len(matrix_rows(first.text)) == 50
    more = Elements(first.text).find("tr", id="matrix-more-2")
    assert more
    loader = [a for a in Elements(first.text).find("a") if a["attrs"].get("hx-trigger") == "revealed"]
    assert len(loader) == 1 and "_page=2" in loader[0]["attrs"]["href"]
    assert (
        loader[0]["attrs"]["hx-target"] == "#matrix-more-2" and loader[0]["attrs"]["hx-swap"] == "outerHTML"
    )
    rows = client.get(
        loader[0]["attrs"]["hx-get"].replace("&amp;", "&"), headers={**HX, "HX-Target": "matrix-more-2"}
    )
    assert rows.status_code == 200 and "<table" not in rows.text and "<html" not in rows.text
    assert len(re.findall(r'<th scope="row" class="stmt">', rows.text)) == total - 50
    assert "matrix-more-3" not in rows.text
    # Without JavaScript the same link is a plain page 2.
    page_two = client.get(f"/events/{event_slug}?_sort=outlets&_page=2")
    assert "<html" in page_two.text and len(matrix_rows(page_two.text)) == total - 50


def test_article_picker_redirects_to_the_canonical_compare_url(
    client: TestClient, bridge: dict[str, Any]
) -> None:
    ids = list(bridge["ids"].values())
    picked = client.get(f"/events/{bridge['slug']}/compare?a={ids[0]}&a={ids[2]}", follow_redirects=False)
    assert picked.status_code == 303
    assert picked.headers["location"] == f"/events/{bridge['slug']}/compare?a={ids[0]}&b={ids[2]}"
    twice = client.get(f"/events/{bridge['slug']}/compare?a={ids[0]}&a={ids[0]}", follow_redirects=False)
    assert twice.status_code == 422 and "only once" in twice.text
    overview = Elements(client.get(f"/events/{bridge['slug']}").text)
    assert {e["attrs"]["name"] for e in overview.find("input", type="checkbox")} == {"a"}


# ---------------------------------------------------------------- one statement, two attributions

# Two invented outlets print one long sentence word for word but name different people as its speaker.
MISATTRIBUTED = {
    "Harbour Gazette": (
        "The ferry service to Olsby resumed on Tuesday after a week of storms.\n\n"
        '"The crossing is safe again and every boat has been inspected twice by our engineers," '
        "harbour master Ines Calloway said."
    ),
    "Coastal Ledger": (
        "Ferries to Olsby were running again on Tuesday.\n\n"
        '"The crossing is safe again and every boat has been inspected twice by our engineers," '
        "the ferry operator's director, Bruno Tell, said."
    ),
}


def test_pages_say_who_each_outlet_attributed_one_statement_to(client: TestClient, event_slug: str) -> None:
    ids = []
    for outlet, text in MISATTRIBUTED.items():
        response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": outlet, "text": text})
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    shared = [s for s in statements if len(s["outlets"]) == 2]
    assert len(shared) == 1, statements
    statement = shared[0]
    given = {entry["speaker"]: entry["outlets"] for entry in statement["speakers"]}
    assert given == {"Ines Calloway": ["Harbour Gazette"], "Bruno Tell": ["Coastal Ledger"]}

    def attributions(html: str) -> str:
        found = Elements(html).find("p", class_="attributions")
        assert len(found) == 1, "one attribution note"
        return " ".join(found[0]["text"].split())

    page = client.get(f"/events/{event_slug}/statements/{statement['id']}")
    assert page.status_code == 200
    note = attributions(page.text)
    assert "Ines Calloway by Harbour Gazette" in note and "Bruno Tell by Coastal Ledger" in note
    # Each printing names the speaker its outlet gave.
    items = re.findall(r"<li(?: class=\"is-base\")?>\s*<p class=\"outlet-name\">(.*?)</p>", page.text, re.S)
    assert any("Harbour Gazette" in i and "Ines Calloway" in i for i in items)
    assert any("Coastal Ledger" in i and "Bruno Tell" in i for i in items)

    panel = client.get(
        f"/events/{event_slug}/compare?a={ids[0]}&b={ids[1]}&_statement={statement['id']}", headers=HX
    )
    assert panel.status_code == 200
    note = attributions(panel.text)
    assert "Ines Calloway by Harbour Gazette" in note and "Bruno Tell by Coastal Ledger" in note

    overview = client.get(f"/events/{event_slug}").text
    marked = Elements(overview).find("span", class_="attrib-count")
    # Not "2 attributions": the mark says who disagrees about what.
    assert [" ".join(m["text"].split()) for m in marked] == ["outlets name 2 speakers"]
    row = next(r for r in matrix_rows(overview) if r["id"] == statement["id"])
    assert set(row["cells"].values()) == {"same"}
    # A statement every outlet gives to one person carries no such mark.
    single = client.get(f"/events/{event_slug}/statements/{statements[-1]['id']}")
    if len(statements[-1]["speakers"]) < 2:
        assert not Elements(single.text).find("p", class_="attributions")


def test_favicon_is_our_own_svg(client: TestClient) -> None:
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml") and b"<svg" in response.content


def test_panel_tells_two_articles_of_one_outlet_apart(client: TestClient, event_slug: str) -> None:
    """One outlet's two articles, only the second quoting: "not quoted by" names the first, numbered."""
    posts = [
        ("Daily Ledger", "The Lanmere bridge closed on Monday after heavy flooding across the county."),
        ("Daily Ledger", ARTICLES["Valley Times"]),
        ("Northern Post", ARTICLES["Northern Post"]),
    ]
    ids = []
    for outlet, text in posts:
        response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": outlet, "text": text})
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    shared = widest(statements)
    assert set(shared["outlets"]) == {"Daily Ledger", "Northern Post"}
    url = f"/events/{event_slug}/compare?a={ids[0]}&b={ids[1]}&c={ids[2]}&_statement={shared['id']}"
    panel = client.get(url, headers=HX).text
    missing = re.search(r"<strong>Not quoted by:</strong>\s*([^<]*)</p>", panel)
    assert missing and missing.group(1).strip() == "Daily Ledger (1)"
    assert "Daily Ledger (2)" in panel


def test_copy_diff_of_two_separate_reports_says_so(client: TestClient, event_slug: str) -> None:
    """A near-copy's diff names its source; two reports in their own words are not called copy and source."""
    posts = {
        "Northern Post": ARTICLES["Northern Post"],
        "Valley Times": ARTICLES["Valley Times"],
        "Hill Courier": "Engineers began testing the Lanmere bridge piers after the water receded. "
        "Shops along the river stayed shut and the market moved to the school hall for the week.",
    }
    ids = {}
    for outlet, text in posts.items():
        response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": outlet, "text": text})
        assert response.status_code == 201, response.text
        ids[outlet] = response.json()["id"]
    for other, copied in (("Valley Times", True), ("Hill Courier", False)):
        url = f"/events/{event_slug}/articles/{ids['Northern Post']}/diff/{ids[other]}"
        data = client.get(url + "?_format=json").json()
        assert data["likely_copy"] is copied
        notices = Elements(client.get(url).text).find("p", class_="notice")
        assert bool(notices) is not copied
