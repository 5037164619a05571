"""In Chromium: /docs renders the API's operations under the app's CSP, loading nothing from another host."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import ConsoleMessage, Page, Request, expect

pytestmark = pytest.mark.browser


def test_docs_render_under_the_csp(page: Page, live_server: str, screenshots_dir: Path) -> None:
    requested: list[str] = []
    violations: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    def console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Refused to" in message.text:
            violations.append(message.text)

    page.on("console", console)
    page.set_viewport_size({"width": 1366, "height": 900})
    response = page.goto(live_server + "/docs")
    assert response is not None and "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.locator(".opblock").first).to_be_visible(timeout=15000)
    expect(
        page.locator(".opblock-summary-path", has_text="/api/events/{slug}/articles").first
    ).to_be_visible()
    page.screenshot(path=str(screenshots_dir / "hardening-docs.png"), full_page=False)
    own = urlsplit(live_server).netloc
    assert [url for url in requested if urlsplit(url).netloc not in (own, "")] == []
    assert violations == []


def test_docs_try_it_out_reaches_the_api(page: Page, live_server: str) -> None:
    failures: list[Request] = []
    page.on("requestfailed", lambda request: failures.append(request))
    page.goto(live_server + "/docs")
    operation = page.locator("#operations-api-list_events_api_events_get")
    expect(operation).to_be_visible(timeout=15000)
    operation.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(operation.locator(".response .response-col_status").first).to_contain_text("200", timeout=15000)
    assert failures == []
