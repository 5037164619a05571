"""A figure in an article's text links to its group in the ledger (`/figures?_group=ID#group-ID`), so a
reader goes from a number to the comparison; the ledger shows that group alone, whatever its page or
status. Invented articles only."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient

from tests.test_dashboard_pages import make_event

ALPHA = (
    "The storm destroyed 40 homes in the valley, the council said.\n\n"
    '"We counted 40 homes under water and 3 bridges gone," said Mayor Ana Ruiz.\n\n'
    "Repairs will cost 2 million euros."
)
BETA = (
    "In the valley the storm destroyed 65 homes, officials said.\n\n"
    '"We counted 40 homes under water and 3 bridges gone," Mayor Ana Ruiz said.\n\n'
    "A school was closed."
)


class Links(HTMLParser):
    """Every link's href, and whether any link sits inside another (which HTML forbids)."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.nested = False
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.nested |= self.depth > 0
            self.depth += 1
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.depth -= 1


def parsed(html: str) -> Links:
    links = Links()
    links.feed(html)
    return links


def figure_links(html: str) -> dict[str, str]:
    """Figure mark text -> the href of the link around it."""
    pattern = r'<a class="fig-link" href="([^"]+)"><mark class="fig[^"]*" data-figure="\d+" data-group="\d+"[^>]*>(?:<span[^>]*>[^<]*</span>)?([^<]+)</mark></a>'
    return {text: href.replace("&amp;", "&") for href, text in re.findall(pattern, html)}


def test_each_grouped_figure_links_to_its_group(sqlite_client: TestClient) -> None:
    slug, (alpha, beta) = make_event(sqlite_client, ("Alpha Daily", ALPHA), ("Beta News", BETA))
    groups = sqlite_client.get(f"/api/events/{slug}/figures").json()
    group_of = {(m["article_id"], m["text"]): g["id"] for g in groups for m in g["members"]}
    html = sqlite_client.get(f"/events/{slug}/articles/{alpha}").text
    links = figure_links(html)
    mine = {text: gid for (article_id, text), gid in group_of.items() if article_id == alpha}
    assert set(links) == set(mine) and len(mine) >= 3
    for text, gid in mine.items():
        assert links[text] == f"/events/{slug}/figures?_group={gid}#group-{gid}"
    # The figures inside the quote link too, and no link sits inside the quote's own link.
    assert "3" in links
    assert not parsed(html).nested
    assert "open a figure for every outlet's value, in the ledger" in html.replace("&#39;", "'")
    compare = sqlite_client.get(f"/events/{slug}/compare?a={alpha}&b={beta}").text
    assert set(figure_links(compare)) >= set(mine) and not parsed(compare).nested


def test_the_link_shows_its_group_alone(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ALPHA), ("Beta News", BETA))
    groups = sqlite_client.get(f"/api/events/{slug}/figures").json()
    every = sqlite_client.get(f"/events/{slug}/figures").text
    for group in groups:
        page = sqlite_client.get(f"/events/{slug}/figures?_group={group['id']}")
        assert page.status_code == 200
        shown = re.findall(r'<h2 id="group-(\d+)">', page.text)
        assert shown == [str(group["id"])]  # even a group printed by one outlet: in full, not folded
        assert "Showing one figure group" in page.text and "Every figure group" in page.text
        # The filters still count the whole event.
        assert (
            re.findall(r'class="count">(\d+)<', page.text)[:4]
            == re.findall(r'class="count">(\d+)<', every)[:4]
        )
    conflict = next(g for g in groups if g["status"] == "conflict")
    page = sqlite_client.get(f"/events/{slug}/figures?_group={conflict['id']}&_status=agree&_page=3").text
    assert re.findall(r'<h2 id="group-(\d+)">', page) == [str(conflict["id"])]


def test_a_bad_or_stale_group_link_says_what_is_wrong(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ALPHA))
    for bad in ("0", "-1", "abc", "²", str(2**63), "1e3"):
        response = sqlite_client.get(f"/events/{slug}/figures?_group={bad}")
        assert response.status_code == 422, bad
        assert "_group" in response.text
    stale = sqlite_client.get(f"/events/{slug}/figures?_group=999999")
    assert stale.status_code == 404 and "no figure group 999999" in stale.text
    assert sqlite_client.get(f"/events/{slug}/figures?_group=").status_code == 200


def test_a_frozen_comparison_does_not_link_its_figures(sqlite_client: TestClient) -> None:
    slug, ids = make_event(sqlite_client, ("Alpha Daily", ALPHA), ("Beta News", BETA))
    shared = sqlite_client.post("/api/comparisons", json={"event": slug, "articles": ids}).json()
    html = sqlite_client.get(shared["url"]).text
    assert 'class="fig' in html and "fig-link" not in html and "_group=" not in html
    assert "open a figure for every outlet" not in html


def test_what_an_outlet_left_out_links_to_where_others_carried_it(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", ALPHA),
        ("Beta News", BETA),
        ("Gamma Post", BETA.replace("A school was closed.", "Roads were shut.")),
        ("Quiet Gazette", "The storm passed over the valley.\n\nRoads were shut."),
    )
    groups = sqlite_client.get(f"/api/events/{slug}/figures").json()
    view = sqlite_client.get(f"/events/{slug}/omissions?outlet=Quiet+Gazette&_format=json").json()
    assert view["figures"] and view["speakers"]
    page = sqlite_client.get(f"/events/{slug}/omissions?outlet=Quiet+Gazette").text
    for figure in view["figures"]:
        assert figure["id"] in {g["id"] for g in groups}
        assert f'href="/events/{slug}/figures?_group={figure["id"]}#group-{figure["id"]}"' in page
    speaker = view["speakers"][0]["text"]
    assert f'href="/events/{slug}?speaker={speaker.replace(" ", "+")}#matrix"' in page
