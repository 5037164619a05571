"""In Chromium over the demo's source event (Kessel Dam): the fidelity view, its outlet filter, and the
statement page with the source's wording as the base; screenshots at desktop and phone widths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _dam_url(page: Page, live_server: str) -> str:
    events = page.request.get(live_server + "/api/events").json()
    slug = next(e["slug"] for e in events if "Kessel" in e["title"])
    return f"{live_server}/events/{slug}"


@pytest.mark.parametrize("width", [1440, 390])
def test_fidelity_view_then_a_statement_against_the_source(
    page: Page, live_server: str, screenshots_dir: Path, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(_dam_url(page, live_server))
    page.get_by_role("link", name="Source check").click()
    expect(page.locator("h1")).to_contain_text("How faithfully")
    rows = page.locator("table.fidelity tbody tr")
    expect(rows).to_have_count(4)
    page.screenshot(path=str(screenshots_dir / f"source-fidelity-{width}.png"), full_page=True)

    # One outlet's quotes, the worst first, swapped in by HTMX with the address kept in step.
    page.locator("nav.filters").get_by_role("link", name="Vale Post").click()
    expect(page).to_have_url(re.compile(r"outlet=Vale(\+|%20)Post"))
    items = page.locator("ol.fid-quotes > li")
    expect(items).to_have_count(4)
    expect(items.first).to_contain_text("severe")
    expect(page.locator("ol.fid-quotes")).to_contain_text("said by Chief Engineer Tomas Rigg")

    # The altered "will" against the source's "may", on the statement page.
    page.locator("ol.fid-quotes > li", has_text="The repairs").get_by_role(
        "link", name=re.compile("every version")
    ).click()
    expect(page.locator(".lead-quote")).to_contain_text("The repairs may cost")
    expect(page.locator("li.is-source")).to_contain_text("Source")
    expect(page.locator("ol.variant-list del").first).to_contain_text("may")
    expect(page.locator("ol.variant-list ins").first).to_contain_text("will")
    page.screenshot(path=str(screenshots_dir / f"source-statement-{width}.png"), full_page=True)
