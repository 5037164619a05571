"""One validation for every entry point (API, form, front matter, CLI, backup restore): dates without an
offset are UTC, out-of-range dates, NUL bytes, over-long fields, non-http links and invisible outlets are a
4xx with a sentence, and a multi-file upload or folder import reports every file's own outcome."""

from __future__ import annotations

import dataclasses
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.cli import main
from app.db import engine_for
from app.main import create_app
from app.services import backup, events, ingest, queries, validation
from app.services.errors import BadInput
from tests.conftest import unique_title

BODY = '"We will open the new library in spring," said Councillor Ada Brook on Monday.'
# (sent, stored as UTC ISO-8601): a date alone, naive times in each ISO shape, an offset, Z.
DATES = [
    ("2026-03-14", "2026-03-14T00:00:00+00:00"),
    ("2026-03-14T09:30", "2026-03-14T09:30:00+00:00"),
    ("2026-03-14T09:30:00", "2026-03-14T09:30:00+00:00"),
    ("2026-03-14 09:30:00", "2026-03-14T09:30:00+00:00"),
    ("2026-03-14T09:30:00.250", "2026-03-14T09:30:00.250000+00:00"),
    ("2026-03-14T09:30:00Z", "2026-03-14T09:30:00+00:00"),
    ("2026-03-14T09:30:00+02:00", "2026-03-14T07:30:00+00:00"),
    ("2016-11-10", "2016-11-10T00:00:00+00:00"),
]
OUT_OF_RANGE = ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00"]
NOT_DATES = ["14/03/2026", "yesterday", "2026-02-30", "2026-13-01"]
ZERO_WIDTH = [
    "\u200b",
    "\u200b\u200c\u200d",
    "\ufeff\u2060",
    " \u200b \u00a0",
    "\ufe0f\u0301",
    "\u2028\u3000",
]
# Field values every entry point must refuse with a sentence: (field, value).
BAD_FIELDS = [
    ("outlet", "Daily\x00Post"),
    ("title", "A title\x00"),
    ("author", "Ann\x00Lee"),
    ("url", "https://example.com/\x00"),
    ("url", "https://example.com/" + "a" * 2001),
    ("title", "t" * 501),
    ("author", "a" * 301),
    ("outlet", "o" * 201),
    ("url", "javascript:alert(1)"),
    ("url", "data:text/html,<script>alert(1)</script>"),
    ("url", "ftp://example.com/file"),
]


def article_detail(client: TestClient, slug: str, article_id: int) -> dict:
    response = client.get(f"/api/events/{slug}/articles/{article_id}")
    assert response.status_code == 200
    return response.json()


def only_article(client: TestClient, slug: str) -> dict:
    articles = client.get(f"/api/events/{slug}/articles").json()
    assert len(articles) == 1
    return article_detail(client, slug, articles[0]["id"])


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(("sent", "stored"), DATES)
def test_api_takes_every_iso_date_form_and_stores_utc(
    client: TestClient, event_slug: str, sent: str, stored: str
) -> None:
    response = client.post(
        f"/api/events/{event_slug}/articles",
        json={"outlet": "Town Crier", "text": BODY, "published_at": sent},
    )
    assert response.status_code == 201, response.text
    assert article_detail(client, event_slug, response.json()["id"])["published_at"] == stored


@pytest.mark.parametrize("sent", OUT_OF_RANGE)
def test_api_out_of_range_date_is_a_422_sentence(client: TestClient, event_slug: str, sent: str) -> None:
    response = client.post(
        f"/api/events/{event_slug}/articles",
        json={"outlet": "Town Crier", "text": BODY, "published_at": sent},
    )
    assert response.status_code == 422
    assert "out of range" in response.json()["detail"]


@pytest.mark.parametrize(("sent", "stored"), DATES)
def test_form_date_and_front_matter_date_are_stored_as_utc(
    sqlite_client: TestClient, sent: str, stored: str
) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    response = sqlite_client.post(
        f"/events/{slug}/articles",
        data={"outlet": "Town Crier", "text": BODY, "published_at": sent},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert only_article(sqlite_client, slug)["published_at"] == stored

    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    file = f"---\noutlet: Town Crier\npublished_at: {sent}\n---\n{BODY}\n"
    response = sqlite_client.post(
        f"/events/{slug}/articles",
        files=[("files", ("crier.md", file.encode(), "text/markdown"))],
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    assert only_article(sqlite_client, slug)["published_at"] == stored


@pytest.mark.parametrize("sent", OUT_OF_RANGE + NOT_DATES)
def test_form_bad_date_is_a_422_sentence(sqlite_client: TestClient, sent: str) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    response = sqlite_client.post(
        f"/events/{slug}/articles", data={"outlet": "Town Crier", "text": BODY, "published_at": sent}
    )
    assert response.status_code == 422
    assert "date" in response.text
    assert sqlite_client.get(f"/api/events/{slug}/articles").json() == []


@pytest.mark.parametrize("meta", ["2016-11-10", "2016-11-10T08:15:00", "2016-11-10T08:15:00+01:00"])
def test_html_meta_date_is_stored_as_utc(sqlite_client: TestClient, meta: str) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    html = (
        f'<html><head><title>Library news</title><meta property="article:published_time" content="{meta}">'
        f"</head><body><article><h1>Library news</h1><p>{BODY}</p><p>{BODY.replace('spring', 'May')}</p>"
        "</article></body></html>"
    )
    response = sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": "Town Crier", "html": html})
    assert response.status_code == 201, response.text
    stored = article_detail(sqlite_client, slug, response.json()["id"])["published_at"]
    assert stored is not None and stored.startswith("2016-11-") and stored.endswith("+00:00")


def test_as_utc_reads_naive_as_utc_and_converts_aware() -> None:
    assert validation.as_utc(date(2026, 3, 14)) == datetime(2026, 3, 14, tzinfo=UTC)
    assert validation.as_utc(datetime(2026, 3, 14, 9)).tzinfo is UTC
    assert validation.parse_date("2026-03-14T09:30:00-05:00") == datetime(2026, 3, 14, 14, 30, tzinfo=UTC)
    assert validation.parse_date("  ") is None
    assert validation.parse_found_date("not a date") is None


# ---------------------------------------------------------------- one validation, every entry point


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_api_refuses_bad_fields(client: TestClient, event_slug: str, field: str, value: str) -> None:
    body = {"outlet": "Town Crier", "text": BODY, field: value}
    response = client.post(f"/api/events/{event_slug}/articles", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["detail"]
    assert client.get(f"/api/events/{event_slug}/articles").json() == []


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_form_refuses_bad_fields(client: TestClient, event_slug: str, field: str, value: str) -> None:
    response = client.post(
        f"/events/{event_slug}/articles", data={"outlet": "Town Crier", "text": BODY, field: value}
    )
    assert response.status_code == 422, response.text
    assert client.get(f"/api/events/{event_slug}/articles").json() == []


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_front_matter_refuses_bad_fields(client: TestClient, event_slug: str, field: str, value: str) -> None:
    fields = {"outlet": "Town Crier", field: value}
    file = "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + "---\n" + BODY + "\n"
    good = f"---\noutlet: Other Paper\n---\n{BODY} Everyone agreed.\n"
    response = client.post(
        f"/events/{event_slug}/articles",
        files=[
            ("files", ("bad.md", file.encode(), "text/markdown")),
            ("files", ("good.md", good.encode(), "text/markdown")),
        ],
    )
    # The other file is still stored, and the page says which one was refused.
    assert response.status_code == 201, response.text
    assert "bad.md" in response.text and "rejected" in response.text
    outlets = [a["outlet"] for a in client.get(f"/api/events/{event_slug}/articles").json()]
    assert outlets == ["Other Paper"]


@pytest.mark.parametrize(("field", "value"), BAD_FIELDS)
def test_backup_restore_refuses_bad_fields(sqlite_url: str, field: str, value: str) -> None:
    entry = {"outlet": "Town Crier", "title": "Library", "body": BODY, field: value}
    data = {"format": backup.FORMAT, "event": {"title": unique_title()}, "articles": [entry]}
    with Session(engine_for(sqlite_url)) as session, pytest.raises(BadInput, match="Article 1 of the backup"):
        backup.import_event(session, data)


@pytest.mark.parametrize("outlet", ZERO_WIDTH)
def test_invisible_outlet_is_refused(client: TestClient, event_slug: str, outlet: str) -> None:
    response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": outlet, "text": BODY})
    assert response.status_code == 422
    assert "outlet" in response.json()["detail"]
    response = client.post(f"/events/{event_slug}/articles", data={"outlet": outlet, "text": BODY})
    assert response.status_code == 422


@pytest.mark.parametrize("title", ["Flood\x00", "\u200b\u200b"])
def test_event_fields_refuse_nul_and_invisible_titles(client: TestClient, title: str) -> None:
    assert client.post("/api/events", json={"title": title}).status_code == 422
    assert client.post("/api/events", json={"title": "Flood", "description": "a\x00b"}).status_code == 422


def test_safe_url_links_only_http() -> None:
    assert validation.safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    assert validation.safe_url("HTTP://example.com") == "HTTP://example.com"
    for unsafe in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,x",
        "//example.com",
        "",
        None,
    ]:
        assert validation.safe_url(unsafe) is None
    assert validation.safe_url("java\tscript:alert(1)") is None


# ---------------------------------------------------------------- backups edited by hand


@pytest.mark.parametrize(
    "entry",
    [
        {"outlet": "Town Crier", "title": "No body"},
        {"outlet": "Town Crier", "body": 42},
        {"body": BODY},
        "not an object",
        {"outlet": "Town Crier", "body": BODY, "published_at": "last week"},
    ],
)
def test_backup_entry_errors_are_sentences_and_create_nothing(sqlite_url: str, entry: object) -> None:
    title = unique_title("Restore")
    good = {"outlet": "Town Crier", "body": BODY}
    data = {"format": backup.FORMAT, "event": {"title": title}, "articles": [good, entry]}
    with Session(engine_for(sqlite_url)) as session:
        with pytest.raises(BadInput, match="Article 2 of the backup cannot be restored"):
            backup.import_event(session, data)
        assert events.find_event_by_title(session, title) is None


def test_cli_restore_of_backup_without_body_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "edited.json"
    path.write_text(json.dumps({"format": backup.FORMAT, "articles": [{"outlet": "Town Crier"}]}))
    code = main(["--database-url", f"sqlite:///{tmp_path / 'r.db'}", "import", "--json", str(path)])
    assert code == 2
    assert "'body' is missing" in capsys.readouterr().err


# ---------------------------------------------------------------- per-file outcomes


def test_multi_file_upload_reports_each_file_honestly(client: TestClient, event_slug: str) -> None:
    files = [
        ("files", ("one.txt", f"---\noutlet: Town Crier\n---\n{BODY}".encode(), "text/plain")),
        ("files", ("two.txt", b"---\npublished_at: 2026-99-99\n---\nText of two.", "text/plain")),
        ("files", ("three.bin", b"\x00\x01\x02binary", "application/octet-stream")),
        (
            "files",
            ("four.md", f"---\noutlet: Bay Herald\npublished_at: 2016-11-10\n---\n{BODY}!".encode(), ""),
        ),
        ("files", ("five.txt", b"\xff\xfe not utf-8 \xff", "text/plain")),
    ]
    response = client.post(f"/events/{event_slug}/articles", data={"outlet": "Fallback"}, files=files)
    assert response.status_code == 201
    page = response.text
    for name in ("one.txt", "two.txt", "three.bin", "four.md", "five.txt"):
        assert name in page
    assert page.count("result-stored") == 2 and page.count("result-rejected") == 3
    assert "nothing you sent was lost" not in page
    stored = sorted(a["outlet"] for a in client.get(f"/api/events/{event_slug}/articles").json())
    assert stored == ["Bay Herald", "Town Crier"]


def test_cli_import_continues_past_every_kind_of_bad_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "01_town-crier.txt").write_text(f"---\npublished_at: 2016-11-10\n---\n{BODY}\n")
    (folder / "02_bad-date.txt").write_text(f"---\npublished_at: 10/11/2016\n---\n{BODY} Again.\n")
    (folder / "03_binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (folder / "04_invisible.md").write_text(f"---\noutlet: \u200b\n---\n{BODY} Later.\n")
    (folder / "05_long-url.txt").write_text(f"---\nurl: https://e.com/{'a' * 2100}\n---\n{BODY} Then.\n")
    (folder / "06_bay-herald.md").write_text(f"---\npublished_at: 2016-11-10T10:00:00\n---\n{BODY} Yes.\n")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["--database-url", url, "import", str(folder), "--event", "Library"]) == 1
    captured = capsys.readouterr()
    assert "2 stored, 0 duplicates, 4 rejected" in captured.out
    for name in ("02_bad-date.txt", "03_binary.txt", "04_invisible.md", "05_long-url.txt"):
        assert name in captured.err
    with Session(engine_for(url)) as session:
        articles = queries.list_articles(session, events.get_event(session, "library"))
    assert sorted(a["published_at"] for a in articles) == [
        "2016-11-10T00:00:00+00:00",
        "2016-11-10T10:00:00+00:00",
    ]


# ---------------------------------------------------------------- outlets are global


def test_new_outlet_posted_to_many_events_at_once_is_created_once(database_url: str) -> None:
    """The per-event lock does not cover the global outlet row: eight events receive one new outlet at once."""
    engine = engine_for(database_url)
    with TestClient(create_app(database_url, migrate=True)):
        pass
    outlet = unique_title("Brand New Outlet")
    with Session(engine) as session:
        slugs = [events.create_event(session, unique_title("Race")).slug for _ in range(8)]
    barrier = threading.Barrier(len(slugs))

    def post(slug: str) -> int:
        with Session(engine) as session:
            event = events.get_event(session, slug)
            barrier.wait(timeout=30)
            data = ingest.ArticleInput(outlet=outlet, content=BODY)
            return ingest.ingest_article(session, event, data).outlet_id

    with ThreadPoolExecutor(max_workers=len(slugs)) as pool:
        outlet_ids = list(pool.map(post, slugs))
    assert len(set(outlet_ids)) == 1


@pytest.mark.parametrize(
    "stored_url", ["javascript:alert(1)", "data:text/html,hi", "JAVASCRIPT:x", "vbscript:x"]
)
def test_a_stored_non_http_url_is_never_a_link(
    sqlite_client: TestClient, sqlite_url: str, stored_url: str
) -> None:
    """Rows stored before the http(s) rule (or by hand) still never become a link on any page."""
    engine = engine_for(sqlite_url)
    with Session(engine) as session:
        event = events.create_event(session, unique_title("Links"))
        prepared = ingest.prepare_article(ingest.ArticleInput(outlet="Town Crier", content=BODY))
        article = ingest.store_article(session, event, dataclasses.replace(prepared, url=stored_url))
        slug, article_id = event.slug, article.id
    page = sqlite_client.get(f"/events/{slug}/articles/{article_id}")
    assert page.status_code == 200
    assert stored_url.split(":")[0].lower() + ":" not in page.text.lower()
    assert ">original</a>" not in page.text
    ok = ingest.prepare_article(
        ingest.ArticleInput(outlet="Bay Herald", content=BODY + " Later.", url="https://e.org/a")
    )
    with Session(engine) as session:
        article = ingest.store_article(session, events.get_event(session, slug), ok)
    assert 'href="https://e.org/a"' in sqlite_client.get(f"/events/{slug}/articles/{article.id}").text


@pytest.mark.parametrize(
    "address",
    ["/api/events/a%00b", "/events/a%00b", "/events/x?_sort=%00", "/p/ab%00cd", "/api/comparisons/ab%00"],
)
def test_nul_in_an_address_is_a_422(client: TestClient, address: str) -> None:
    response = client.get(address)
    assert response.status_code == 422 and "NUL" in response.text


def test_nul_in_a_posted_event_slug_is_a_404(client: TestClient) -> None:
    response = client.post("/api/comparisons", json={"event": "a\x00b", "articles": [1, 2]})
    assert response.status_code == 404
    response = client.post("/comparisons", data={"event": "a\x00b", "articles": ["1", "2"]})
    assert response.status_code == 404


def test_backup_slug_that_is_not_a_slug_is_replaced(sqlite_url: str) -> None:
    title = unique_title("Restore slug")
    data = {"format": backup.FORMAT, "event": {"title": title, "slug": "bad\x00slug"}, "articles": []}
    with Session(engine_for(sqlite_url)) as session:
        assert backup.import_event(session, data).slug == events.slugify(title)


@pytest.mark.parametrize(
    "view", [{"x\x00": "y"}, {"x": "y\x00"}, {"x": "y" * 201}, {str(k): "v" for k in range(11)}]
)
def test_comparison_view_settings_are_validated(client: TestClient, event_slug: str, view: dict) -> None:
    ids = [
        client.post(f"/api/events/{event_slug}/articles", json={"outlet": o, "text": BODY + o}).json()["id"]
        for o in ("Town Crier", "Bay Herald")
    ]
    response = client.post("/api/comparisons", json={"event": event_slug, "articles": ids, "view": view})
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("text", "word"),
    [(" ".join(str(n) for n in range(1, 1100)), "figures"), ('"a" ' * 2100 + "said Ann Lee.", "quotes")],
)
def test_an_article_of_thousands_of_records_is_a_413(
    client: TestClient, event_slug: str, text: str, word: str
) -> None:
    """Storing and aligning run under the event's write lock: a stated limit keeps each hold short."""
    response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "Data Dump", "text": text})
    assert response.status_code == 413, response.text[:200]
    assert word in response.json()["detail"]
    assert client.get(f"/api/events/{event_slug}/articles").json() == []
