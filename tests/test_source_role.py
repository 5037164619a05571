"""An article's role: a report (the default) or the event's source, through the API, the form and the CLI."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.cli import main as cli_main
from app.db import engine_for
from app.models import Article
from tests.conftest import unique_title

TRANSCRIPT = "MAYOR IVO PELL: The ferry will run again on Monday.\n\nQ: At what cost?\n\nMAYOR IVO PELL: Nine thousand."
REPORT = 'The ferry returns. "The ferry will run again on Monday," Mayor Ivo Pell said on Friday.'


def test_role_defaults_to_report_and_source_is_kept(client: TestClient, event_slug: str) -> None:
    report = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "Lake Post", "text": REPORT})
    source = client.post(
        f"/api/events/{event_slug}/articles",
        json={"outlet": "City Hall", "text": TRANSCRIPT, "role": "Source"},
    )
    assert report.status_code == 201 and source.status_code == 201
    roles = {a["id"]: a["role"] for a in client.get(f"/api/events/{event_slug}/articles").json()}
    assert roles == {report.json()["id"]: "report", source.json()["id"]: "source"}


def test_unknown_role_is_a_422_with_a_sentence(client: TestClient, event_slug: str) -> None:
    response = client.post(
        f"/api/events/{event_slug}/articles", json={"outlet": "X", "text": REPORT, "role": "opinion"}
    )
    assert response.status_code == 422
    assert "role" in response.json()["detail"]


def test_upload_form_and_front_matter_set_the_role(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title()}).json()["slug"]
    form = sqlite_client.post(
        f"/events/{slug}/articles", data={"outlet": "City Hall", "text": TRANSCRIPT, "role": "source"}
    )
    assert form.status_code < 400  # a redirect to the stored article, followed
    marked = "---\noutlet: Press Office\nrole: source\n---\nThe council said the ferry returns on Monday.\n"
    sqlite_client.post(
        f"/events/{slug}/articles",
        data={"outlet": "ignored"},
        files=[("files", ("release.md", marked.encode(), "text/markdown"))],
    )
    articles = sqlite_client.get(f"/api/events/{slug}/articles").json()
    assert {a["outlet"]: a["role"] for a in articles} == {"City Hall": "source", "Press Office": "source"}


def test_cli_import_takes_a_role(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "01_city-hall.txt").write_text(TRANSCRIPT, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert cli_main(["--database-url", url, "db", "upgrade"]) == 0
    assert (
        cli_main(["--database-url", url, "import", str(folder), "--event", "Ferry", "--role", "source"]) == 0
    )
    with Session(engine_for(url)) as session:
        assert [a.role for a in session.exec(select(Article)).all()] == ["source"]
