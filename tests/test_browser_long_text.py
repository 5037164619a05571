"""In Chromium at phone width: a very long outlet name and a quote with an unbroken run of letters (a pasted
token, a URL) wrap inside the page instead of pushing it sideways, and markup in them is shown as text."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
RUN = "Zorblatquimbexor" * 10
LONG_OUTLET = "The Remarkably Long-Named Evening Chronicle and Gazette of the Northern Valley Provinces"
MARKUP = "<b>bold</b>"
ARTICLE_A = (
    f'"The water rose faster than anyone here expected {RUN} {MARKUP}," said Hedda Vorlan, '
    "the deputy commissioner for valley flood defence planning and interdepartmental coordination.\n"
    '"The pumps stopped at midnight," said Ilo Marsk.'
)
ARTICLE_B = (
    f'"The water rose faster than anyone here expected {RUN} {MARKUP}," said Ilo Marsk.\n'
    '"The pumps stopped at midnight," Ilo Marsk said.'
)


def fits(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_long_names_and_runs_wrap_on_a_phone(page: Page, live_server: str, screenshots_dir: Path) -> None:
    slug = page.request.post(
        f"{live_server}/api/events", data={"title": f"Valley {uuid.uuid4().hex[:8]}"}
    ).json()["slug"]
    ids = []
    for outlet, text in ((LONG_OUTLET, ARTICLE_A), ("Short Post", ARTICLE_B)):
        response = page.request.post(
            f"{live_server}/api/events/{slug}/articles", data={"outlet": outlet, "text": text}
        )
        assert response.status == 201, response.text()
        ids.append(response.json()["id"])
    statements = page.request.get(f"{live_server}/api/events/{slug}/statements").json()
    shared = next(s for s in statements if RUN in s["members"][0]["text"])
    page.set_viewport_size(PHONE)
    base = f"{live_server}/events/{slug}"

    page.goto(f"{base}/statements/{shared['id']}")
    expect(page.locator(".variant-list li").first).to_be_visible()
    assert fits(page)
    assert page.locator(".variant-list b").count() == 0  # the markup is text, not bold
    page.screenshot(path=str(screenshots_dir / "long-text-statement-phone.png"), full_page=True)

    page.goto(f"{base}/articles/{ids[0]}")
    assert fits(page)

    page.goto(f"{base}/compare?a={ids[0]}&b={ids[1]}")
    tabs = page.locator(".col-tabs a")
    expect(tabs.first).to_be_visible()
    assert fits(page)
    # The long name is cut in its tab, so the next outlet's tab still shows beside it.
    assert tabs.nth(1).bounding_box()["x"] < PHONE["width"]  # type: ignore[index]
    page.screenshot(path=str(screenshots_dir / "long-text-compare-phone.png"), full_page=True)
