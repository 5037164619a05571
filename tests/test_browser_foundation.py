"""In Chromium: add an article through the upload form, see it listed, open the compare page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NEW_ARTICLE = (
    "Drenna harbour reopened to small boats on Friday.\n\n"
    '"We are opening the harbour step by step," said harbour master Ines Calder. "Safety comes first."\n\n'
    "At least 41 people were killed in the blast, officials said."
)


def open_demo_event(page: Page, live_server: str) -> str:
    page.goto(live_server + "/")
    page.get_by_role("link", name=re.compile("Drenna", re.I)).first.click()
    expect(page.locator("h1")).to_contain_text("Drenna")
    return page.url


def test_upload_through_the_form_then_compare(page: Page, live_server: str, screenshots_dir: Path) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    event_url = open_demo_event(page, live_server)
    page.screenshot(path=str(screenshots_dir / "foundation-event.png"), full_page=True)

    page.goto(event_url + "/articles/new")
    page.get_by_label("Outlet").fill("Harbour Test Gazette")
    page.get_by_label("Title").fill("Harbour reopens to small boats")
    page.get_by_label("Article text or HTML").fill(NEW_ARTICLE)
    page.screenshot(path=str(screenshots_dir / "foundation-upload-filled.png"), full_page=True)
    page.get_by_role("button", name=re.compile("Add to event", re.I)).click()
    expect(page.get_by_text("stored", exact=False).first).to_be_visible()
    page.screenshot(path=str(screenshots_dir / "foundation-upload-result.png"), full_page=True)

    page.goto(event_url)
    expect(page.get_by_text("Harbour Test Gazette").first).to_be_visible()
    checkboxes = page.locator("form input[type=checkbox]")
    assert checkboxes.count() >= 6
    checkboxes.nth(0).check()
    checkboxes.nth(checkboxes.count() - 1).check()
    page.get_by_role("button", name=re.compile("Compare", re.I)).first.click()
    expect(page).to_have_url(re.compile(r"/compare\?"))
    columns = page.locator("section.column")
    expect(columns).to_have_count(2)
    expect(columns.nth(1)).to_contain_text("Harbour Test Gazette")
    page.screenshot(path=str(screenshots_dir / "foundation-compare.png"), full_page=True)


def test_upload_several_files_reports_each(
    page: Page, live_server: str, tmp_path: Path, screenshots_dir: Path
) -> None:
    event_url = open_demo_event(page, live_server)
    good = tmp_path / "good.txt"
    good.write_text(
        "---\noutlet: File Outlet\n---\n" + NEW_ARTICLE.replace("Friday", "Saturday"), encoding="utf-8"
    )
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    page.goto(event_url + "/articles/new")
    page.get_by_label("Outlet").fill("Fallback Outlet")
    page.locator("input[type=file]").set_input_files([str(good), str(binary)])
    page.get_by_role("button", name=re.compile("Add to event", re.I)).click()
    results = page.locator("#upload-results")
    expect(results).to_contain_text("good.txt")
    expect(results).to_contain_text("photo.txt")
    expect(results).to_contain_text("binary")
    page.screenshot(path=str(screenshots_dir / "foundation-upload-files.png"), full_page=True)
