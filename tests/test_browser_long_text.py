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
    # The long name wraps inside its tab (never cut), so the next outlet's tab still shows beside it.
    assert tabs.nth(1).bounding_box()["x"] < PHONE["width"]  # type: ignore[index]
    page.screenshot(path=str(screenshots_dir / "long-text-compare-phone.png"), full_page=True)


HYPHENATED = "The Extraordinarily-Long-Hyphenated-Northern-Valley-Provinces-Evening-Chronicle-and-Gazette"
UNBROKEN = "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochbroadcastingcorporationonline"
LONG_SPEAKER = "Maximiliana-Josephina-Theodora-Wilhelmina von Hohenzollern-Sigmaringen-Liechtenstein"
UNBROKEN_SPEAKER = "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen"
FLOOD = (
    "The river rose overnight.\n\n"
    '"We moved every family from the low streets before midnight," said Mayor Ana Ruiz.\n\n'
    '"The pumps stopped at midnight," said Ilo Marsk.\n\nAt least {n} homes were flooded, the council said.'
)

# Text cut by the page: an ellipsis, a line clamp, or hidden overflow, with more text than the box shows
# (visually hidden screen-reader text and the scrolling containers are not cut: they scroll).
CUT_TEXT = """() => [...document.querySelectorAll("body *")].filter(el => {
  const cs = getComputedStyle(el);
  if (el.closest(".sr-only, thead") && cs.clip !== "auto" || el.closest(".sr-only")) return false;
  if (cs.display === "none" || !(el.innerText || "").trim()) return false;
  if (el.matches(".table-scroll, .columns, .column-body, .col-tabs, select, textarea, input")) return false;
  const clips = ["hidden", "clip"].includes(cs.overflowX) || ["hidden", "clip"].includes(cs.overflowY)
    || cs.textOverflow === "ellipsis" || cs.webkitLineClamp !== "none";
  return clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
}).map(el => el.tagName + "." + el.className + ": " + el.innerText.slice(0, 60))"""


def test_very_long_names_wrap_and_are_never_cut(page: Page, live_server: str, screenshots_dir: Path) -> None:
    """Outlet, speaker and event names longer than a phone is wide, hyphenated or one unbroken run, wrap
    on every page of the event: none is cut, and none pushes the page sideways."""
    title = f"{HYPHENATED} {uuid.uuid4().hex[:6]}"
    slug = page.request.post(f"{live_server}/api/events", data={"title": title}).json()["slug"]
    ids = []
    for n, outlet in enumerate((HYPHENATED, UNBROKEN, "Short Post")):
        response = page.request.post(
            f"{live_server}/api/events/{slug}/articles",
            data={"outlet": outlet, "text": FLOOD.format(n=40 + 15 * n), "title": f"{UNBROKEN} {n}"},
        )
        assert response.status == 201, response.text()
        ids.append(response.json()["id"])
    base = f"{live_server}/events/{slug}"
    for old, new in (("Ana Ruiz", LONG_SPEAKER), ("Ilo Marsk", UNBROKEN_SPEAKER)):
        page.request.post(
            f"{base}/speakers/rename", form={"old": old, "new": new}, headers={"Origin": live_server}
        )
    speakers = {q["speaker"] for q in page.request.get(f"{live_server}/api/events/{slug}/quotes").json()}
    assert {LONG_SPEAKER, UNBROKEN_SPEAKER} <= speakers
    statement = page.request.get(f"{live_server}/api/events/{slug}/statements").json()[0]["id"]
    group = page.request.get(f"{live_server}/api/events/{slug}/figures").json()[0]["id"]
    page.set_viewport_size(PHONE)
    paths = [
        "/",
        f"/events/{slug}",
        f"/events/{slug}/compare",
        f"/events/{slug}/compare?a={ids[0]}&b={ids[1]}&c={ids[2]}",
        f"/events/{slug}/articles/{ids[1]}",
        f"/events/{slug}/statements/{statement}",
        f"/events/{slug}/articles/{ids[0]}/diff/{ids[1]}",
        f"/events/{slug}/figures?_group={group}",
        f"/events/{slug}/speakers",
        f"/events/{slug}/timeline",
        f"/events/{slug}/omissions?outlet=Short+Post",
        f"/events/{slug}/outlets",
        f"/events/{slug}/corrections",
    ]
    for path in paths:
        page.goto(live_server + path)
        assert fits(page), path
        assert page.evaluate(CUT_TEXT) == [], path
    page.goto(f"{base}/speakers")
    assert (
        page.locator("table.heat tbody th", has_text=UNBROKEN_SPEAKER).bounding_box()["width"]
        < PHONE["width"]
    )  # type: ignore[index]
    page.screenshot(path=str(screenshots_dir / "long-names-speakers-phone.png"), full_page=True)
    page.goto(base)
    cell = page.locator("table.articles td.outlet", has_text=UNBROKEN)
    assert cell.bounding_box()["x"] + cell.bounding_box()["width"] <= PHONE["width"]  # type: ignore[index]
    page.screenshot(path=str(screenshots_dir / "long-names-overview-phone.png"), full_page=True)


def test_ledger_columns_line_up_and_a_written_out_sum_stays_whole(page: Page, live_server: str) -> None:
    """On a desktop every group's table has the same column widths; a sum written out ("$1,375,000,000")
    never breaks inside the number."""
    slug = page.request.post(
        f"{live_server}/api/events", data={"title": f"Budget {uuid.uuid4().hex[:8]}"}
    ).json()["slug"]
    for outlet, amount, homes in (("Alpha Daily", "$1.375 billion", 40), ("Beta News", "$1.4 billion", 55)):
        text = f"Congress approved {amount} for the sea wall on Friday.\n\nThe storm destroyed {homes} homes."
        response = page.request.post(
            f"{live_server}/api/events/{slug}/articles", data={"outlet": outlet, "text": text}
        )
        assert response.status == 201, response.text()
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{live_server}/events/{slug}/figures")
    tables = page.locator("table.ledger")
    assert tables.count() >= 2
    lefts = [
        tables.nth(i)
        .locator("thead th")
        .evaluate_all("ths => ths.map(t => Math.round(t.getBoundingClientRect().left))")
        for i in range(2)
    ]
    assert lefts[0] == lefts[1]
    value = page.locator("table.ledger td.num", has_text="$1,375,000,000").first
    line = float(value.evaluate("td => parseFloat(getComputedStyle(td).lineHeight)"))
    box = value.evaluate(
        "td => { const r = document.createRange(); r.selectNodeContents(td); return r.getBoundingClientRect().height; }"
    )
    assert box < line * 1.5  # one line
