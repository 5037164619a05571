"""In Chromium, fixes from the browser review: the add-articles form after a store, the ledger on a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ARTICLE = (
    "The ferry service stopped on Sunday after a storm damaged the pier.\n\n"
    '"We expect the pier to reopen within ten days," said port director Lena Vogt.'
)


def open_demo_event(page: Page, live_server: str) -> str:
    page.goto(live_server + "/")
    page.get_by_role("link", name=re.compile("Drenna", re.I)).first.click()
    expect(page.locator("h1")).to_contain_text("Drenna")
    return page.url


def test_a_stored_article_empties_the_form_for_the_next_one(
    page: Page, live_server: str, screenshots_dir: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 900})
    event_url = open_demo_event(page, live_server)
    page.goto(event_url + "/articles/new")
    page.get_by_label("Outlet").fill("Ferry Review Gazette")
    page.get_by_label("Article text or HTML").fill(ARTICLE)
    expect(page.locator("#preview")).to_contain_text("nothing is stored yet")
    page.get_by_role("button", name=re.compile("Add to event", re.I)).click()
    expect(page.locator("#upload-results")).to_contain_text("stored")
    # The text is gone (a second click cannot add it again) and the preview no longer says "nothing is
    # stored yet" of what was just stored; the result keeps its link.
    expect(page.get_by_label("Article text or HTML")).to_have_value("")
    expect(page.get_by_label("Outlet")).to_have_value("")
    expect(page.locator("#preview")).not_to_contain_text("nothing is stored yet")
    expect(page.locator("#upload-progress")).to_be_hidden()
    expect(page.locator("#upload-results a", has_text="open")).to_be_visible()
    page.screenshot(path=str(screenshots_dir / "review-upload-reset-390.png"), full_page=True)


def test_a_rejected_article_keeps_the_form(page: Page, live_server: str) -> None:
    event_url = open_demo_event(page, live_server)
    page.goto(event_url + "/articles/new")
    page.locator("textarea[name=links]").fill("not a link")
    page.get_by_role("button", name=re.compile("Add to event", re.I)).click()
    expect(page.locator("#upload-results")).to_contain_text("rejected")
    expect(page.locator("textarea[name=links]")).to_have_value("not a link")


def test_a_folded_section_shows_the_same_focus_ring_as_a_link(page: Page, live_server: str) -> None:
    event_url = open_demo_event(page, live_server)
    page.goto(event_url + "/statements/2")
    summary = page.locator("summary").first
    summary.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    style = summary.evaluate("e => [getComputedStyle(e).outlineStyle, getComputedStyle(e).outlineWidth]")
    assert style == ["solid", "3px"], style


def test_an_articles_publication_time_is_corrected_with_the_date_and_time_picker(
    page: Page, live_server: str, screenshots_dir: Path
) -> None:
    page.set_viewport_size({"width": 390, "height": 900})
    event_url = open_demo_event(page, live_server)
    page.goto(event_url + "/articles/new")
    page.get_by_label("Outlet").fill("Picker Review Post")
    page.get_by_label("Article text or HTML").fill(ARTICLE.replace("Sunday", "Monday"))
    page.get_by_role("button", name=re.compile("Add to event", re.I)).click()
    page.locator("#upload-results a", has_text="open").click()
    page.locator("details#fix summary").click()
    field = page.locator("details#fix input[name=published_at]")
    assert field.get_attribute("type") == "datetime-local"
    field.fill("2026-03-12T18:40")
    page.get_by_role("button", name="Save details").click()
    expect(page.locator("p.notice.done")).to_contain_text("details are saved")
    expect(page.locator("article header")).to_contain_text("12 Mar 2026, 18:40 UTC")
    page.screenshot(path=str(screenshots_dir / "review-article-time-390.png"), full_page=True)


def test_a_very_long_speaker_name_leaves_the_outlet_columns_on_a_phone_screen(
    page: Page, live_server: str
) -> None:
    name = "Maximiliana Wolfeschlegelsteinhausenbergerdorffvoralternwarengewissenhaft"
    event = page.request.post(live_server + "/api/events", data={"title": "Long speaker name review"}).json()
    for outlet in ("Alpha Daily", "Beta News"):
        text = f'{outlet} reports: "The bridge will stay shut until every bolt is checked," said engineer {name}.'
        response = page.request.post(
            f"{live_server}/api/events/{event['slug']}/articles", data={"outlet": outlet, "text": text}
        )
        assert response.status == 201
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server}/events/{event['slug']}/speakers")
    name_cell = page.locator("table.heat tbody th").first
    assert name_cell.bounding_box()["width"] <= 200
    first_outlet = page.locator("table.heat thead th.outlet-col").first.bounding_box()
    assert first_outlet["x"] + first_outlet["width"] <= 390
