"""In Chromium: each sentence of a compare quote opens its own statement; deleting an article leaves an
earlier permalink as it was; a speaker correction shows at once. Works on an invented event of its own,
so the shared demo event stays untouched for the other browser tests."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.test_dashboard_pages import ARTICLE_A, ARTICLE_B

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
THIRD = (
    "The wall had been repaired twice in ten years.\n\n"
    '"Engineers will inspect every pier on Monday morning," a council spokesman said.\n\n'
    "Ferries were cancelled."
)


def settled(page: Page) -> None:
    """Wait until HTMX has no request in flight and no swap settling: a filter changed while the previous
    change's block is still being swapped in acts on the form that is about to be replaced."""
    for state in ("htmx-request", "htmx-swapping", "htmx-settling"):
        expect(page.locator(f".{state}")).to_have_count(0)


def invented_event(page: Page, live_server: str) -> dict[str, Any]:
    slug = page.request.post(
        f"{live_server}/api/events", data={"title": f"Harbour {uuid.uuid4().hex[:8]}"}
    ).json()["slug"]
    ids = []
    for outlet, text in (("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B), ("Gamma Post", THIRD)):
        response = page.request.post(
            f"{live_server}/api/events/{slug}/articles", data={"outlet": outlet, "text": text}
        )
        assert response.status == 201, response.text()
        ids.append(response.json()["id"])
    return {"slug": slug, "url": f"{live_server}/events/{slug}", "ids": ids}


def test_each_sentence_opens_its_own_statement(page: Page, live_server: str, screenshots_dir: Path) -> None:
    page.set_viewport_size(DESKTOP)
    event = invented_event(page, live_server)
    a, b, _ = event["ids"]
    page.goto(f"{event['url']}/compare?a={a}&b={b}")
    column = page.locator("section.column").first
    links = column.locator("a.q[data-statement]")
    statements = links.evaluate_all("els => els.map(e => [e.dataset.quote, e.dataset.statement])")
    by_quote: dict[str, list[str]] = {}
    for quote, statement in statements:
        by_quote.setdefault(quote, []).append(statement)
    quote, opened = next((q, s) for q, s in by_quote.items() if len(set(s)) == 2)
    second = column.locator(f'a.q[data-quote="{quote}"][data-statement="{opened[-1]}"]').first
    second.click()
    expect(page).to_have_url(re.compile(rf"_statement={opened[-1]}\b"))
    expect(page.locator("#variants .variant-list")).to_be_visible()
    # Its counterpart in the other column has the same colour class.
    colour = second.get_attribute("class")
    other = page.locator("section.column").nth(1).locator(f'a.q[data-statement="{opened[-1]}"]').first
    assert other.get_attribute("class") == colour
    page.screenshot(path=str(screenshots_dir / "corrections-compare-sentences.png"))


def test_delete_keeps_the_earlier_permalink(page: Page, live_server: str, screenshots_dir: Path) -> None:
    page.set_viewport_size(DESKTOP)
    event = invented_event(page, live_server)
    a, b, c = event["ids"]
    page.goto(f"{event['url']}/compare?a={a}&b={b}&c={c}")
    page.get_by_role("button", name="Share this comparison").click()
    expect(page).to_have_url(re.compile(r"/p/[0-9a-f]+$"))
    expect(page.locator(".share-box .confirm")).to_be_visible()
    permalink = page.url
    before = page.locator("main").inner_text()
    assert page.locator("#permalink-url").input_value() == permalink
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".copy-status")).not_to_be_empty()

    page.goto(f"{event['url']}/articles/{b}")
    page.locator("details#fix summary").click()
    page.get_by_label(re.compile("Delete this article")).check()
    page.get_by_role("button", name="Delete article").click()
    expect(page).to_have_url(event["url"] + "?_done=deleted")
    expect(page.locator("p.notice.done")).to_contain_text("deleted")
    assert page.request.get(f"{event['url']}/articles/{b}").status == 404

    page.goto(permalink)
    assert page.locator("main").inner_text() == before
    expect(page.locator("header.site .tabs")).to_be_visible()
    page.goto(f"{event['url']}/corrections")
    expect(page.locator("ol.corrections li").first).to_contain_text("Beta News")
    page.screenshot(path=str(screenshots_dir / "corrections-log.png"), full_page=True)


def test_rename_a_speaker(page: Page, live_server: str, screenshots_dir: Path) -> None:
    page.set_viewport_size(PHONE)
    event = invented_event(page, live_server)
    page.goto(f"{event['url']}/speakers")
    old = page.locator("select[name=old] option").first.inner_text()
    page.locator("input[name=new]").fill("Harbour Mayor")
    page.get_by_role("button", name="Rename").click()
    expect(page.locator("table.heat tbody th", has_text="Harbour Mayor")).to_be_visible()
    assert old not in page.locator("table.heat tbody").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshots_dir / "corrections-speakers-phone.png"), full_page=True)


def test_matrix_filters_with_and_without_javascript(
    page: Page, live_server: str, screenshots_dir: Path
) -> None:
    page.set_viewport_size(DESKTOP)
    event = invented_event(page, live_server)
    page.goto(event["url"])
    every = page.locator("table.matrix tbody th.stmt").count()
    page.locator("select[name=outlet]").select_option("Gamma Post")
    # Each change swaps the matrix block (filters included) and pushes the address.
    expect(page).to_have_url(re.compile(r"outlet=Gamma(\+|%20)Post"))
    settled(page)
    page.locator("select[name=_show]").select_option("left_out")
    expect(page).to_have_url(re.compile(r"outlet=Gamma(\+|%20)Post&_show=left_out"))
    settled(page)
    left_out = page.locator("table.matrix tbody th.stmt").count()
    assert 0 < left_out < every
    cell = page.locator("table.matrix td.cell a").first
    href = cell.get_attribute("href") or ""
    cell.click()
    expect(page).to_have_url(re.compile(re.escape(href.split("#")[0]) + r"#v-\d+$"))
    page.screenshot(path=str(screenshots_dir / "corrections-matrix-cell-target.png"))


def test_undo_a_correction_from_the_log(page: Page, live_server: str, screenshots_dir: Path) -> None:
    page.set_viewport_size(PHONE)
    event = invented_event(page, live_server)
    _, b, _ = event["ids"]
    page.goto(f"{event['url']}/articles/{b}")
    page.locator("details#fix summary").click()
    page.get_by_label(re.compile("Delete this article")).check()
    page.get_by_role("button", name="Delete article").click()
    expect(page).to_have_url(event["url"] + "?_done=deleted")
    page.goto(f"{event['url']}/corrections")
    entry = page.locator("ol.corrections li").first
    # The log names the article by its outlet and title, never by its id.
    expect(entry).to_contain_text("Deleted Beta News's “")
    assert not re.search(r"article \d", entry.inner_text())
    entry.get_by_role("button", name="Undo").click()
    expect(page).to_have_url(re.compile(r"/corrections\?_done=undone$"))
    expect(page.locator("p.notice.done")).to_have_text(
        "✓ The correction is undone: every view is as it would be without it."
    )
    entries = page.locator("ol.corrections li")
    expect(entries).to_have_count(2)
    expect(entries.first).to_contain_text("Undid: Deleted Beta News's")
    expect(entries.nth(1)).to_have_class("undone")
    expect(entries.nth(1).get_by_role("button", name="Undo")).to_have_count(0)
    assert page.request.get(f"{event['url']}/articles/{b}").status == 200
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshots_dir / "corrections-undo-phone.png"), full_page=True)
