"""Dashboard pages end to end on invented articles: what a journalist sees must say what the data says."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.conftest import unique_title

ARTICLE_A = (
    "The harbour wall gave way on Tuesday night after a week of storms.\n\n"
    '"The harbour wall cracked along its whole length overnight. Engineers will inspect every pier on '
    'Monday morning," said Mayor Ana Ruiz.\n\n'
    "Fishing boats were moved to the northern basin."
)
ARTICLE_B = (
    "Storms broke the harbour wall late on Tuesday.\n\n"
    '"Engineers will inspect every pier on Monday morning," Mayor Ana Ruiz told reporters. '
    '"The harbour wall cracked along its whole length overnight," she added.\n\n'
    "Boats were moved north."
)


def make_event(client: TestClient, *bodies: tuple[str, str]) -> tuple[str, list[int]]:
    slug = client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    ids = []
    for outlet, text in bodies:
        response = client.post(f"/api/events/{slug}/articles", json={"outlet": outlet, "text": text})
        assert response.status_code == 201, response.text
        ids.append(response.json()["id"])
    return slug, ids


def statement_links(html: str, quote_id: int) -> list[str]:
    """The statement each linked piece of one quote opens, in reading order."""
    pattern = re.compile(
        r'<a class="q[^"]*" href="[^"]*_statement=(\d+)"[^>]*data-statement="(\d+)" data-quote="(\d+)"'
    )
    return [
        opened
        for opened, marked, quote in pattern.findall(html)
        if int(quote) == quote_id and opened == marked
    ]


def test_each_sentence_of_a_quote_opens_its_own_statement(sqlite_client: TestClient) -> None:
    slug, (a, b) = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    statements = sqlite_client.get(f"/api/events/{slug}/statements").json()
    shared = [s for s in statements if len({m["article_id"] for m in s["members"]}) == 2]
    assert len(shared) == 2, statements
    quote = next(q for q in sqlite_client.get(f"/api/events/{slug}/quotes").json() if q["article_id"] == a)
    html = sqlite_client.get(f"/events/{slug}/compare?a={a}&b={b}").text
    opened = statement_links(html, quote["id"])
    assert len(set(opened)) == 2, opened
    assert set(opened) == {str(s["id"]) for s in shared}
    # The same statement has the same colour class in both columns.
    for statement in shared:
        classes = set(re.findall(rf'<a class="q (s\d)"[^>]*data-statement="{statement["id"]}"', html))
        assert len(classes) == 1, classes


def test_figure_twins_follow_the_status_filter(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        (
            "Alpha Daily",
            ARTICLE_A + "\n\nAt least 40 boats were damaged, the port said. Repairs will take 9 weeks.",
        ),
        ("Beta News", ARTICLE_B + "\n\nSome 55 boats were damaged, the port said."),
    )
    every = sqlite_client.get(f"/api/events/{slug}/figures").json()
    conflicts = sqlite_client.get(f"/api/events/{slug}/figures?_status=conflict").json()
    assert conflicts and all(g["status"] == "conflict" for g in conflicts)
    assert len(conflicts) == sum(g["status"] == "conflict" for g in every) < len(every)
    page = sqlite_client.get(f"/events/{slug}/figures?_status=conflict").text
    assert f"/api/events/{slug}/figures?_status=conflict" in page
    assert f"/events/{slug}/figures.csv?_status=conflict" in page
    rows = sqlite_client.get(f"/events/{slug}/figures.csv?_status=conflict").text.splitlines()[1:]
    assert rows and all(",conflict," in row for row in rows)
    assert sqlite_client.get(f"/api/events/{slug}/figures?_status=nonsense").status_code == 422
    # The page's own typed data, as JSON, is the same page of the same groups.
    twin = sqlite_client.get(f"/events/{slug}/figures?_status=conflict&_format=json").json()
    assert [g["id"] for g in twin["groups"]] == [g["id"] for g in conflicts]
    assert twin["status"] == "conflict" and twin["counts"]["conflict"] == len(conflicts)


def test_choosing_too_many_articles_explains_the_limit_and_keeps_the_choice(
    sqlite_client: TestClient,
) -> None:
    bodies = [(f"Outlet {n}", ARTICLE_A.replace("storms", f"storms {n}")) for n in range(7)]
    slug, ids = make_event(sqlite_client, *bodies)
    query = "&".join(f"a={i}" for i in ids)
    response = sqlite_client.get(f"/events/{slug}/compare?{query}")
    assert response.status_code == 422
    assert "at most 6 articles" in response.text and "you chose 7" in response.text
    assert len(re.findall(r'name="a" value="\d+" checked', response.text)) == 7


def test_timeline_names_the_first_printer_and_omissions_what_others_carried(
    sqlite_client: TestClient,
) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    posts = [
        ("Late Post", ARTICLE_A, "2026-03-02T12:00:00Z"),
        ("Early Wire", ARTICLE_A.replace("Tuesday", "Tuesday evening"), "2026-03-02T06:00:00Z"),
        ("Third Daily", ARTICLE_B, "2026-03-02T09:00:00Z"),
        ("Quiet Gazette", "The harbour wall broke on Tuesday.\n\nRepairs are planned.", None),
    ]
    for outlet, text, published in posts:
        body = {"outlet": outlet, "text": text, **({"published_at": published} if published else {})}
        assert sqlite_client.post(f"/api/events/{slug}/articles", json=body).status_code == 201
    timeline = sqlite_client.get(f"/events/{slug}/timeline?_format=json").json()
    assert [a["outlet"] for a in timeline["articles"]] == [
        "Early Wire",
        "Third Daily",
        "Late Post",
        "Quiet Gazette",
    ]
    assert timeline["undated"] == 1
    assert timeline["statements"] and all(s["first_outlet"] == "Early Wire" for s in timeline["statements"])
    left_out = sqlite_client.get(f"/events/{slug}/omissions?outlet=Quiet%20Gazette&_format=json").json()
    assert len(left_out["statements"]) == 2 and all(o["carried_by"] == 3 for o in left_out["statements"])
    assert [s["text"] for s in left_out["speakers"]] and left_out["others"] == 3
    carried = sqlite_client.get(f"/events/{slug}/omissions?outlet=Early%20Wire&_format=json").json()
    assert carried["statements"] == []
    page = sqlite_client.get(f"/events/{slug}/omissions?outlet=Quiet%20Gazette").text
    assert "Quoted sentences left out" in page and "carried by 3 of 3" in page


def test_uploaded_files_take_their_outlet_from_their_names(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    files = [
        ("files", ("01_north-shore-times.txt", ARTICLE_A.encode(), "text/plain")),
        ("files", ("south_gazette.txt", ARTICLE_B.encode(), "text/plain")),
    ]
    response = sqlite_client.post(f"/events/{slug}/articles", files=files, data={"outlet": ""})
    assert response.status_code == 201, response.text
    outlets = {a["outlet"] for a in sqlite_client.get(f"/api/events/{slug}/articles").json()}
    assert outlets == {"North Shore Times", "South Gazette"}


def test_a_file_own_outlet_field_beats_the_form_and_the_name(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Harbour")}).json()["slug"]
    files = [
        ("files", ("one.txt", ARTICLE_A.encode(), "text/plain")),
        ("files", ("two.txt", ARTICLE_B.encode(), "text/plain")),
    ]
    data = {"outlet": "Form Outlet", "file_outlet": ["Chosen Daily", ""]}
    response = sqlite_client.post(f"/events/{slug}/articles", files=files, data=data)
    assert response.status_code == 201, response.text
    outlets = {a["outlet"] for a in sqlite_client.get(f"/api/events/{slug}/articles").json()}
    assert outlets == {"Chosen Daily", "Form Outlet"}


def test_matrix_filters_and_their_json_twin_agree(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", ARTICLE_A),
        ("Beta News", ARTICLE_B),
        (
            "Gamma Post",
            "The wall broke.\n\n"
            + '"Engineers will inspect every pier on Monday morning," a spokesman said.',
        ),
    )
    query = "outlet=Gamma%20Post&_show=left_out"
    page = sqlite_client.get(f"/events/{slug}?{query}").text
    data = sqlite_client.get(f"/api/events/{slug}/matrix?{query}").json()
    assert data["total"] == 1 and data["rows"][0]["text"].startswith("The harbour wall cracked")
    assert data["rows"][0]["cells"][2]["state"] == "absent"
    rows = re.findall(r'<th scope="row" class="stmt">', page)
    assert len(rows) == 1 and f"/api/events/{slug}/matrix?" in page and "_show=left_out" in page
    changed = sqlite_client.get(f"/api/events/{slug}/matrix?_show=changed").json()
    assert all(
        r["variants"] or len({c["text"] for c in r["cells"] if c["text"]}) > 1 for r in changed["rows"]
    )
    assert sqlite_client.get(f"/events/{slug}?outlet=Nobody").status_code == 422


def test_statement_base_is_the_most_common_wording_even_when_a_paraphrase_comes_first(
    sqlite_client: TestClient,
) -> None:
    line = '"The harbour wall cracked along its whole length overnight," said Mayor Ana Ruiz.'
    paraphrase = '"The harbour wall cracked along its entire length during the night," said Mayor Ana Ruiz.'
    slug, (first, _, _) = make_event(
        sqlite_client,
        ("Paraphrase Post", "Storm news.\n\n" + paraphrase),
        ("Alpha Daily", "The storm hit.\n\n" + line),
        ("Beta News", "A storm came.\n\n" + line),
    )
    statement = next(
        s for s in sqlite_client.get(f"/api/events/{slug}/statements").json() if len(s["members"]) == 3
    )
    view = sqlite_client.get(f"/events/{slug}/statements/{statement['id']}?_format=json").json()
    assert view["base_article_id"] != first and view["common_count"] == 2
    by_article = {v["article_id"]: v for v in view["variants"]}
    assert by_article[first]["departs"] and not by_article[first]["same"]
    assert [v["changes"] for v in view["variants"] if v["article_id"] != first] == [0, 0]
    page = sqlite_client.get(f"/events/{slug}/statements/{statement['id']}").text
    assert page.count("departs from the most common wording") == 1


def test_with_no_majority_wording_no_printing_departs(sqlite_client: TestClient) -> None:
    one = '"The harbour wall cracked along its whole length overnight," said Mayor Ana Ruiz.'
    other = '"The harbour wall cracked along its entire length overnight," said Mayor Ana Ruiz.'
    slug, _ = make_event(
        sqlite_client, ("Alpha Daily", "The storm hit.\n\n" + one), ("Beta News", "A storm came.\n\n" + other)
    )
    statement = next(
        s for s in sqlite_client.get(f"/api/events/{slug}/statements").json() if len(s["members"]) == 2
    )
    view = sqlite_client.get(f"/events/{slug}/statements/{statement['id']}?_format=json").json()
    assert view["common_count"] == 1 and not any(v["departs"] for v in view["variants"])
    page = sqlite_client.get(f"/events/{slug}/statements/{statement['id']}").text
    assert "departs from the most common wording" not in page and "(most common)" not in page
    assert "no wording has a majority" in page


def test_ledger_tells_a_compatible_conflict_from_a_hard_one(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        (
            "Alpha Daily",
            "More than 1,500 people were evacuated from the valley. The storm destroyed 40 homes.",
        ),
        ("Beta News", "At least 1,524 people were evacuated from the valley. The storm destroyed 65 homes."),
    )
    groups = sqlite_client.get(f"/api/events/{slug}/figures?_status=conflict").json()
    kinds = {group["compatible"] for group in groups}
    assert kinds == {True, False}, groups  # the evacuees fit together, the homes cannot
    page = sqlite_client.get(f"/events/{slug}/figures").text
    sections = re.findall(r'<section class="ledger-group status-conflict"( data-compatible)?', page)
    assert sorted(bool(s) for s in sections) == [False, True]
    assert page.count("≈ compatible conflict") == 1 and page.count("⚠ conflict</span>") == 1
    assert "cannot all be true" in page and "makes every outlet's figure true" in page


def test_an_event_without_articles_reads_as_empty_not_missing(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client)
    omitted = sqlite_client.get(f"/events/{slug}/omissions")
    assert omitted.status_code == 200 and "No articles yet" in omitted.text
    data = sqlite_client.get(f"/events/{slug}/omissions?_format=json").json()
    assert data["outlets"] == [] and data["statements"] == data["figures"] == data["speakers"] == []
    assert "No figures yet" in sqlite_client.get(f"/events/{slug}/figures").text
    assert "no articles yet" in sqlite_client.get(f"/events/{slug}/compare").text
    overview = sqlite_client.get(f"/events/{slug}").text
    assert "No quoted sentence yet" in overview and 'class="matrix-filters"' not in overview
    assert sqlite_client.get("/events/no-such-event/omissions").status_code == 404


def test_a_figure_group_nobody_named_is_titled_by_its_sort_of_quantity(sqlite_client: TestClient) -> None:
    # Neither outlet says what the 40 km measures: the group's stored label is only the kind ("measure").
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", "The plume was seen 40 km away, officials said. Schools stayed shut."),
        ("Beta News", "Officials said the plume was seen 40 km away. Roads were closed."),
    )
    groups = sqlite_client.get(f"/api/events/{slug}/figures").json()
    assert [g["label"] for g in groups if len(g["members"]) == 2] == ["measure"], groups
    ledger = sqlite_client.get(f"/events/{slug}/figures?_format=json").json()
    (shared,) = [g for g in ledger["groups"] if len(g["members"]) == 2]
    assert shared["label"] == "distance or length" and shared["generic"]
    page = sqlite_client.get(f"/events/{slug}/figures").text
    assert "distance or length" in page and not re.search(r"</span> measure\b", page)


def test_timeline_folds_what_only_one_article_printed_under_what_others_followed(
    sqlite_client: TestClient,
) -> None:
    lone = ARTICLE_A + '\n\n"We have never seen waves like these," said harbour master Leo Park.'
    slug, _ = make_event(sqlite_client, ("Alpha Daily", lone), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}/timeline").text
    quotes = page[page.index('id="first-q-h"') : page.index('id="first-f-h"')]
    folded = quotes.index('<details class="singles">')
    assert "only one article printed" in quotes[folded:]
    # The followed quote heads the section; the lone one waits inside the fold.
    assert quotes.index("Engineers will inspect every pier") < folded
    assert quotes.index("never seen waves like these") > folded
    assert "1 quoted sentence only one article printed" in quotes


def test_an_empty_ledger_filter_says_what_its_emptiness_means(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley."),
        ("Beta News", "In the valley the storm destroyed 40 homes."),
    )
    page = sqlite_client.get(f"/events/{slug}/figures?_status=conflict").text
    assert "No conflicts: every figure two or more outlets printed has the same value in each." in page
    assert "No figures with this status" not in page


def test_matrix_marks_where_one_outlet_quotes_begin_and_can_hide_them(sqlite_client: TestClient) -> None:
    lone = ARTICLE_A + '\n\n"We have never seen waves like these," said harbour master Leo Park.'
    slug, _ = make_event(sqlite_client, ("Alpha Daily", lone), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}").text
    divider = page.index('<tr class="divider">')
    assert "1 quoted sentence only one outlet carried" in page[divider:]
    assert (
        page.index("Engineers will inspect every pier") < divider < page.index("never seen waves like these")
    )
    shared = sqlite_client.get(f"/api/events/{slug}/matrix?_show=shared").json()
    every = sqlite_client.get(f"/api/events/{slug}/matrix").json()
    assert shared["total"] == every["total"] - 1 and all(r["carried"] >= 2 for r in shared["rows"])
    filtered = sqlite_client.get(f"/events/{slug}?_show=shared").text
    assert "never seen waves like these" not in filtered and 'class="divider"' not in filtered
    assert '<option value="shared" selected>' in filtered


def test_a_conflict_chart_title_opens_its_rows_in_the_ledger(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley."),
        ("Beta News", "In the valley the storm destroyed 65 homes."),
    )
    (group,) = sqlite_client.get(f"/api/events/{slug}/figures?_status=conflict").json()
    page = sqlite_client.get(f"/events/{slug}").text
    href = f"/events/{slug}/figures?_status=conflict#group-{group['id']}"
    assert f'class="chart-link" href="{href}"' in page
    assert f'id="group-{group["id"]}"' in sqlite_client.get(href.split("#")[0]).text


def test_speakers_grid_repeats_each_total_under_the_name_for_a_phone(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    grid = sqlite_client.get(f"/api/events/{slug}/speakers").json()
    ruiz = next(s for s in grid["speakers"] if s["name"] == "Ana Ruiz")
    page = sqlite_client.get(f"/events/{slug}/speakers").text
    inline = f'<span class="phone-inline" aria-hidden="true">{ruiz["total"]} quotes · 2/2 outlets</span>'
    # The name is a link to their statements; the totals follow it inside the row header.
    assert f"Ana Ruiz</a>{inline}</th>" in page


def test_matrix_rows_say_how_many_outlets_carried_them_beside_the_speaker(sqlite_client: TestClient) -> None:
    # On a phone the Carried column is off screen; the count rides with the speaker under the sentence.
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}").text
    assert '— Ana Ruiz <span class="carried-inline" aria-hidden="true">· 2/2 outlets</span>' in page


def test_a_figure_left_out_shows_the_value_the_others_printed(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley."),
        ("Beta News", "In the valley the storm destroyed 40 homes."),
        ("Gamma Post", "The storm destroyed forty homes, the valley's mayor said."),
        ("Quiet Gazette", "A storm hit the valley on Tuesday."),
    )
    view = sqlite_client.get(f"/events/{slug}/omissions?outlet=Quiet%20Gazette&_format=json").json()
    (figure,) = view["figures"]
    assert figure["printed"] == "40" and figure["carried_by"] == 3, figure
    page = sqlite_client.get(f"/events/{slug}/omissions?outlet=Quiet%20Gazette").text
    assert "homes destroyed: <strong>40</strong>" in page


def test_the_article_page_explains_its_marks(sqlite_client: TestClient) -> None:
    slug, ids = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}/articles/{ids[0]}").text
    start = page.index('<p class="legend small">')
    legend = page[start : page.index("</p>", start)]
    for meaning in ("other outlets carried it too", "only this article has it", "give another value"):
        assert meaning in legend
    # An article with nothing marked has nothing to explain.
    slug, ids = make_event(sqlite_client, ("Plain Times", "The harbour was quiet on Sunday."))
    assert 'class="legend small"' not in sqlite_client.get(f"/events/{slug}/articles/{ids[0]}").text


def test_the_corrections_log_links_the_article_a_correction_names(sqlite_client: TestClient) -> None:
    slug, ids = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley."),
        ("Beta News", "In the valley the storm destroyed 65 homes."),
    )
    figure = next(
        m
        for g in sqlite_client.get(f"/api/events/{slug}/figures").json()
        for m in g["members"]
        if m["article_id"] == ids[0]
    )
    sqlite_client.post(f"/events/{slug}/figures/{figure['id']}/dismiss", follow_redirects=False)
    link = f'<a class="article-link" href="/events/{slug}/articles/{ids[0]}">Open the article</a>'
    assert link in sqlite_client.get(f"/events/{slug}/corrections").text
    # Once the article is deleted the log still tells what was done, with no link to a missing page.
    sqlite_client.post(
        f"/events/{slug}/articles/{ids[0]}/delete", data={"confirm": "on"}, follow_redirects=False
    )
    page = sqlite_client.get(f"/events/{slug}/corrections").text
    assert "Dismissed the figure" in page and link not in page


def test_the_compare_picker_says_how_many_articles_in_words(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    assert "<legend>Choose the two articles</legend>" in sqlite_client.get(f"/events/{slug}/compare").text
    for n in range(3, 8):
        body = ARTICLE_A.replace("Tuesday", f"Tuesday ({n})")
        sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": f"Outlet {n}", "text": body})
    # Seven articles: at most six columns, said as words ("two to six", not "two to 6").
    assert "<legend>Choose two to six articles</legend>" in sqlite_client.get(f"/events/{slug}/compare").text


def test_left_out_with_too_few_outlets_says_so_instead_of_nothing_missing(sqlite_client: TestClient) -> None:
    slug, _ = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}/omissions?outlet=Alpha%20Daily").text
    assert "this event has one other outlet yet" in page and "Quoted sentences left out" not in page
    empty, _ = make_event(sqlite_client)
    assert "No articles yet" in sqlite_client.get(f"/events/{empty}/timeline").text


def test_the_preview_reads_a_pasted_front_matter_as_the_stored_article_will(
    sqlite_client: TestClient,
) -> None:
    slug, _ = make_event(sqlite_client)
    text = (
        "---\noutlet: Harbour Gazette\ntitle: Storm breaks the harbour wall\npublished_at: 2026-03-02\n---\n"
        '"Engineers will inspect every pier on Monday morning," Mayor Ana Ruiz said.'
    )
    fragment = sqlite_client.post(
        f"/events/{slug}/articles/preview", data={"text": text}, headers={"HX-Request": "true"}
    ).text
    assert "Storm breaks the harbour wall" in fragment and "“---”" not in fragment
    assert "2026-03-02" not in fragment  # the block's date is metadata, not a figure of the text
    assert "Ana Ruiz" in fragment


def test_the_one_outlet_fold_counts_the_event_not_the_page(sqlite_client: TestClient) -> None:
    nouns = "boats cars trucks barns sheds piers cranes silos ferries tugs barges buoys huts mills docks vans"
    things = nouns.split()
    text = " ".join(f"The storm wrecked {n + 11} {noun}." for n, noun in enumerate(things * 2))
    slug, _ = make_event(sqlite_client, ("Alpha Daily", text), ("Beta News", ARTICLE_B))
    ledger = sqlite_client.get(f"/events/{slug}/figures?_status=single&_format=json").json()
    total, shown = ledger["counts"]["single"], len(ledger["groups"])
    assert shown < total, ledger["counts"]  # more one-outlet figures than a page holds
    page = sqlite_client.get(f"/events/{slug}/figures?_status=single").text
    assert (
        f"<summary>{total} figures printed by one outlet only" in page and f"({shown} on this page)" in page
    )


def test_a_disputed_figure_on_the_timeline_opens_its_rows_in_the_ledger(sqlite_client: TestClient) -> None:
    slug, _ = make_event(
        sqlite_client,
        ("Alpha Daily", "The storm destroyed 40 homes in the valley."),
        ("Beta News", "In the valley the storm destroyed 65 homes."),
    )
    (group,) = sqlite_client.get(f"/api/events/{slug}/figures?_status=conflict").json()
    page = sqlite_client.get(f"/events/{slug}/timeline").text
    assert f'href="/events/{slug}/figures?_status=conflict#group-{group["id"]}"' in page


def test_the_compare_legend_explains_every_figure_mark(sqlite_client: TestClient) -> None:
    slug, ids = make_event(sqlite_client, ("Alpha Daily", ARTICLE_A), ("Beta News", ARTICLE_B))
    page = sqlite_client.get(f"/events/{slug}/compare?a={ids[0]}&b={ids[1]}").text
    start = page.index('<p class="legend small">')
    legend = page[start : page.index("</p>", start)]
    for mark in ("fig-agree", "fig-conflict", "fig-single"):
        assert f'<mark class="fig {mark}">' in legend
