"""Page fixes from the browser review: what a fact-checker expects to be able to do on each page."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.conftest import unique_title
from tests.test_dashboard_pages import ARTICLE_A, ARTICLE_B, make_event


def test_a_speakers_name_opens_their_statements_in_the_coverage_matrix(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}/speakers").text
    link = f'href="/events/{slug}?speaker=Ana+Ruiz#matrix"'
    assert link in page
    overview = sqlite_client.get(f"/events/{slug}?speaker=Ana+Ruiz").text
    assert "<option selected>Ana Ruiz</option>" in overview and "cracked along its whole length" in overview


def test_an_error_page_offers_no_data_link_of_another_page(sqlite_client: TestClient) -> None:
    page = sqlite_client.get("/events/no-such-event/timeline", headers={"accept": "text/html"})
    assert page.status_code == 404 and "There is no event" in page.text
    assert 'href="/api/events"' not in page.text


def test_the_add_articles_page_links_the_events_articles_as_data(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client)
    page = sqlite_client.get(f"/events/{slug}/articles/new").text
    assert f'href="/api/events/{slug}/articles">JSON</a>' in page and 'href="/api/events">' not in page
    # The publication time is asked for with its time of day, in UTC, as the timeline orders by it.
    assert 'name="published_at" type="datetime-local"' in page and "(UTC)" in page


def test_the_statement_page_says_when_each_outlet_printed_it(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    for outlet, text, published in (
        ("Alpha Daily", ARTICLE_A, "2026-03-02T08:00:00Z"),
        ("Beta News", ARTICLE_B, None),
    ):
        body = {"outlet": outlet, "text": text, **({"published_at": published} if published else {})}
        assert sqlite_client.post(f"/api/events/{slug}/articles", json=body).status_code == 201
    statements = sqlite_client.get(f"/api/events/{slug}/statements").json()
    shared = next(s for s in statements if len(s["members"]) == 2)
    page = sqlite_client.get(f"/events/{slug}/statements/{shared['id']}").text
    assert '<time datetime="2026-03-02T08:00:00+00:00">' in page and "no date" in page
    # The earliest dated printing is marked: who printed it first is the next question.
    assert page.count(">printed first</span>") == 1
    # The base switch renders the variants block alone (HTMX): the times are in it too.
    block = sqlite_client.get(
        f"/events/{slug}/statements/{shared['id']}", headers={"HX-Request": "true", "HX-Target": "variants"}
    ).text
    assert "<time datetime=" in block


def test_the_compare_picker_gives_each_article_its_date_on_a_line_of_its_own(
    sqlite_client: TestClient,
) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    for outlet, text, published in (
        ("Alpha Daily", ARTICLE_A, "2026-03-02T08:00:00Z"),
        ("Beta News", ARTICLE_B, None),
    ):
        body = {"outlet": outlet, "text": text, **({"published_at": published} if published else {})}
        assert sqlite_client.post(f"/api/events/{slug}/articles", json=body).status_code == 201
    page = sqlite_client.get(f"/events/{slug}/compare").text
    lines = re.findall(r'<span class="muted small when-line">([^<]*)</span>', page)
    assert lines == ["2 Mar 2026, 08:00 UTC", "no date"], lines


def test_the_articles_table_repeats_each_date_under_the_outlet_for_a_phone(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    body = {"outlet": "Alpha Daily", "text": ARTICLE_A, "published_at": "2026-03-02T08:00:00Z"}
    assert sqlite_client.post(f"/api/events/{slug}/articles", json=body).status_code == 201
    page = sqlite_client.get(f"/events/{slug}").text
    assert re.search(
        r'<span class="phone-inline" aria-hidden="true"><time [^>]*>2 Mar 2026, 08:00 UTC</time>', page
    )


def test_the_figure_legends_show_no_sample_number_that_reads_as_a_count(sqlite_client: TestClient) -> None:
    # "12 outlets agree" read as twelve outlets: the samples are the word "figure".
    slug, ids = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    for url in (f"/events/{slug}/articles/{ids[0]}", f"/events/{slug}/compare?a={ids[0]}&a={ids[1]}"):
        page = sqlite_client.get(url).text
        start = page.index('<p class="legend small">')
        legend = page[start : page.index("</p>", start)]
        marks = re.findall(r'<mark class="fig fig-\w+">([^<]*)</mark>', legend)
        assert marks and set(marks) == {"figure"}, (url, marks)


def test_the_article_page_marks_each_figure_as_its_legend_says(sqlite_client: TestClient) -> None:
    # The legend promised "⚠ figure: other outlets give another value", but no figure was ever so marked.
    slug, ids = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley. It killed 3 cows."),
        ("Beta News", "In the valley the storm destroyed 65 homes. It killed 3 cows."),
    )
    page = sqlite_client.get(f"/events/{slug}/articles/{ids[0]}").text
    assert re.search(r'<mark class="fig fig-conflict"[^>]*>(<span[^>]*>[^<]*</span>)?40</mark>', page), page
    assert re.search(r'<mark class="fig fig-agree"[^>]*>3</mark>', page)


def test_the_articles_address_opens_the_events_list_of_articles(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client)
    response = sqlite_client.get(f"/events/{slug}/articles", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/events/{slug}#articles-h"
    assert sqlite_client.get("/events/no-such-event/articles").status_code == 404


def test_a_correction_says_it_is_saved_and_dismissing_keeps_the_ledgers_filter(
    sqlite_client: TestClient,
) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley. It killed 3 cows."),
        ("Beta News", "In the valley the storm destroyed 65 homes. It killed 3 cows."),
    )
    figures = [f for g in sqlite_client.get(f"/api/events/{slug}/figures").json() for f in g["members"]]
    cows = next(f for f in figures if f["text"] == "3")
    response = sqlite_client.post(
        f"/events/{slug}/figures/{cows['id']}/dismiss", data={"_status": "agree"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/events/{slug}/figures?_status=agree&_done=dismissed"
    page = sqlite_client.get(response.headers["location"]).text
    assert '<p class="notice done" role="status">✓ The figure is dismissed' in page
    assert f'href="/events/{slug}/corrections"' in page
    # The notice is the page's own sentence: an unknown or hostile `_done` prints nothing.
    page = sqlite_client.get(f"/events/{slug}/figures?_done=%3Cscript%3Ealert(1)%3C/script%3E").text
    assert "notice done" not in page and "<script>alert" not in page
    # A filter the ledger does not have is dropped rather than sent back.
    response = sqlite_client.post(
        f"/events/{slug}/figures/{figures[0]['id']}/dismiss",
        data={"_status": "bogus"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/events/{slug}/figures?_done=dismissed"


def test_an_events_title_and_description_can_be_edited_and_its_address_stays(
    sqlite_client: TestClient,
) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A))
    overview = sqlite_client.get(f"/events/{slug}").text
    assert f'action="/events/{slug}/edit"' in overview
    response = sqlite_client.post(
        f"/events/{slug}/edit",
        data={"title": "Harbour wall <b>breaks</b>", "description": "Storm night, two outlets."},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"] == f"/events/{slug}?_done=event"
    page = sqlite_client.get(response.headers["location"]).text
    assert "<h1>Harbour wall &lt;b&gt;breaks&lt;/b&gt;</h1>" in page and "Storm night, two outlets." in page
    assert "title and description are saved" in page and "Every correction is listed" not in page
    assert sqlite_client.get(f"/api/events/{slug}").json()["title"] == "Harbour wall <b>breaks</b>"
    refused = sqlite_client.post(f"/events/{slug}/edit", data={"title": "   "})
    assert refused.status_code == 422 and "needs a title" in refused.text


def test_the_events_list_says_when_each_event_was_reported(sqlite_client: TestClient) -> None:
    title = unique_title("Reported")
    slug = sqlite_client.post("/api/events", json={"title": title}).json()["slug"]
    for outlet, text, published in (
        ("Alpha Daily", ARTICLE_A, "2026-03-02T08:00:00Z"),
        ("Beta News", ARTICLE_B, "2026-03-04T21:00:00Z"),
    ):
        body = {"outlet": outlet, "text": text, "published_at": published}
        assert sqlite_client.post(f"/api/events/{slug}/articles", json=body).status_code == 201
    page = sqlite_client.get("/").text
    row = page[page.index(f'href="/events/{slug}"') :]
    row = row[: row.index("</tr>")]
    assert "2 Mar 2026 –<br>4 Mar 2026" in row
    # On a phone the column is hidden: the dates sit under the title instead.
    assert '<span class="phone-inline" aria-hidden="true">2 Mar 2026 – 4 Mar 2026</span>' in row


def test_the_timeline_names_a_figure_beside_its_value_not_glued_to_it(sqlite_client: TestClient) -> None:
    # "2,700 km distance travelled", "1,000 kilometers distance of": the value and the title ran together.
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley."),
        ("Beta News", "In the valley the storm destroyed 40 homes."),
    )
    view = sqlite_client.get(f"/events/{slug}/timeline?_format=json").json()
    (figure,) = [f for f in view["figures"] if f["followers"]]
    assert figure["text"] == "40" and figure["label"] == "homes destroyed"
    page = sqlite_client.get(f"/events/{slug}/timeline").text
    assert '<td class="what">homes destroyed: <strong>40</strong></td>' in page


def test_printings_at_one_time_leave_printed_first_unmarked(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    for outlet, text in (("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B)):
        body = {"outlet": outlet, "text": text, "published_at": "2026-03-02"}
        assert sqlite_client.post(f"/api/events/{slug}/articles", json=body).status_code == 201
    statements = sqlite_client.get(f"/api/events/{slug}/statements").json()
    shared = next(s for s in statements if len(s["members"]) == 2)
    page = sqlite_client.get(f"/events/{slug}/statements/{shared['id']}").text
    assert "printed first" not in page
