"""The statement page's lead quote is the most common wording itself, even when the article that prints it
prints another wording of the statement too. Invented articles only."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.test_dashboard_pages import make_event

LONG = "We will rebuild the pier within a year and every family will be home by spring"
SHORT = "Nobody will be left behind"


def test_the_lead_quote_is_the_most_common_wording(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", f'The storm passed.\n\n"{LONG}," said Mayor Ann Lee.\n\n"{SHORT}," she added.'),
        ("Beta News", f'The storm passed.\n\n"{SHORT}," Mayor Ann Lee said.'),
        ("Gamma Post", f'The storm passed.\n\n"{SHORT}," said Ann Lee, the mayor.'),
    )
    found = sqlite_client.get(f"/api/events/{slug}/statements").json()
    long_id = next(s["id"] for s in found if s["members"][0]["text"].startswith("We will rebuild"))
    short_id = next(s["id"] for s in found if s["members"][0]["text"].startswith("Nobody"))
    # One statement with Alpha Daily's two sentences, its long one first: three printings say SHORT.
    sqlite_client.post(f"/events/{slug}/statements/{long_id}/join", data={"other": short_id})
    page = sqlite_client.get(f"/events/{slug}/statements/{long_id}").text
    assert re.search(r'<blockquote class="lead-quote">“([^<]*)”', page).group(1) == SHORT  # type: ignore[union-attr]
    assert "The most common wording: 3 of 4 printings use it." in page
    # Alpha Daily is one choice of base, by its printing in that wording, shown as the current one.
    assert re.search(r'aria-current="true">Alpha Daily \(most common\)</a>', page)
    alpha = next(
        m["article_id"] for m in found[0]["members"] + found[1]["members"] if m["outlet"] == "Alpha Daily"
    )
    chosen = sqlite_client.get(f"/events/{slug}/statements/{long_id}?base={alpha}&_format=json").json()
    assert [v["text"] for v in chosen["variants"] if v["is_base"]] == [SHORT]
    # The timeline shows the first article's printing in that wording too, not its longer sentence.
    view = sqlite_client.get(f"/events/{slug}/timeline?_format=json").json()
    assert next(s["text"] for s in view["statements"] if s["id"] == long_id) == SHORT


def test_the_article_page_colours_only_what_other_outlets_carried(sqlite_client: TestClient) -> None:
    """The legend says a coloured sentence is one other outlets carried too: a sentence only this article
    carries is marked as its own quote (grey, not a link to a statement of one printing)."""
    slug, (alpha, _) = make_event(
        sqlite_client,
        ("Alpha Daily", f'The storm passed.\n\n"{SHORT}," said Mayor Ann Lee. "{LONG}," she added.'),
        ("Beta News", f'The storm passed.\n\n"{SHORT}," Mayor Ann Lee said.'),
    )
    page = sqlite_client.get(f"/events/{slug}/articles/{alpha}").text
    assert re.search(rf'<a class="q s\d+" href="[^"]+"[^>]*>{SHORT}</a>', page)
    assert re.search(rf'<span class="q q-solo" data-quote="\d+" title="[^"]*">{LONG}</span>', page)
    assert "other outlets carried it too" in page


def test_a_speaker_quoted_only_in_fragments_says_why_it_opens_nothing(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        (
            "Alpha Daily",
            'The council met.\n\nCouncillor Ann Lee called the plan "utterly reckless".\n\n'
            + f'"{SHORT}," said Mayor Ben Ray.',
        ),
        ("Beta News", f'The council met on Tuesday.\n\n"{SHORT}," Mayor Ben Ray said.'),
    )
    page = sqlite_client.get(f"/events/{slug}/speakers").text
    assert re.search(r'<th scope="row">Ann Lee <span class="muted small">\(quoted in fragments only', page)
    assert re.search(r'<th scope="row"><a href="[^"]+#matrix"[^>]*>Ben Ray</a><span', page)
