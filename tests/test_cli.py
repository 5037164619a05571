"""The `parallax` command: folder import with progress, demo, export/import round trip, realign."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import Session

from app.cli import main, outlet_from_filename
from app.db import engine_for
from app.services import events, queries

WIRE = (
    "---\noutlet: Meridian Wire\ntitle: Bridge falls\npublished_at: 2026-03-12T08:00:00+00:00\n---\n"
    'Officials said 41 people were killed.\n\n"We will rebuild the bridge before winter," said Mayor Lena Ortiz.\n'
)
REGIONAL = 'The mayor spoke on Tuesday.\n\n"We will rebuild the bridge before the winter," Ortiz said.\n'
HTML = (
    "<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1>"
    '<p>"Nobody will be left behind in this city," said Mayor Lena Ortiz on Tuesday evening.</p>'
    "</article></body></html>"
)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.db'}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "01_meridian-wire.txt").write_text(WIRE, encoding="utf-8")
    (articles / "02_coast-times.md").write_text(REGIONAL, encoding="utf-8")
    (articles / "03_harbour-post.html").write_text(HTML, encoding="utf-8")
    (articles / "notes.pdf").write_bytes(b"%PDF-1.4 ignored")
    return articles


def test_outlet_from_filename() -> None:
    assert outlet_from_filename(Path("03_meridian-wire.txt")) == "Meridian Wire"
    assert outlet_from_filename(Path("coast_times.md")) == "Coast Times"


def test_import_folder(db_url: str, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", db_url, "import", str(folder), "--event", "Bridge collapse"]) == 0
    captured = capsys.readouterr()
    assert "3 stored" in captured.out
    assert "3/3" in captured.err  # the progress bar reached the end
    with Session(engine_for(db_url)) as session:
        event = events.get_event(session, "bridge-collapse")
        outlets = sorted(a["outlet"] for a in queries.list_articles(session, event))
    assert outlets == ["Coast Times", "Harbour Post", "Meridian Wire"]
    # Importing again stores nothing twice.
    assert main(["--database-url", db_url, "import", str(folder), "--event", "Bridge collapse"]) == 0
    assert "0 stored, 3 duplicates" in capsys.readouterr().out


def test_import_reports_bad_files(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    (bad / "b.txt").write_text(REGIONAL, encoding="utf-8")
    assert main(["--database-url", db_url, "import", str(bad), "--event", "Mixed"]) == 1
    out = capsys.readouterr()
    assert "1 stored" in out.out and "a.txt" in out.err


def test_export_import_round_trip(db_url: str, folder: Path, tmp_path: Path) -> None:
    main(["--database-url", db_url, "import", str(folder), "--event", "Bridge collapse"])
    first = tmp_path / "export.json"
    assert main(["--database-url", db_url, "export", "bridge-collapse", "-o", str(first)]) == 0
    other_db = f"sqlite:///{tmp_path / 'restored.db'}"
    assert main(["--database-url", other_db, "import", "--json", str(first)]) == 0
    second = tmp_path / "export2.json"
    assert main(["--database-url", other_db, "export", "bridge-collapse", "-o", str(second)]) == 0
    assert json.loads(first.read_text()) == json.loads(second.read_text())
    assert len(json.loads(first.read_text())["articles"]) == 3


def test_realign_gives_the_incremental_result(db_url: str, folder: Path) -> None:
    main(["--database-url", db_url, "import", str(folder), "--event", "Bridge collapse"])

    def snapshot() -> tuple[list, list]:
        with Session(engine_for(db_url)) as session:
            event = events.get_event(session, "bridge-collapse")
            statements = sorted(
                sorted((m["outlet"], m["text"]) for m in s["members"])
                for s in queries.event_statements(session, event)
            )
            groups = sorted(
                (g["status"], sorted((m["outlet"], m["text"]) for m in g["members"]))
                for g in queries.event_figure_groups(session, event)
            )
        return statements, groups

    before = snapshot()
    assert main(["--database-url", db_url, "realign", "bridge-collapse"]) == 0
    assert snapshot() == before
    assert before[0], "the fixture should produce statements"


def test_demo_loads_once(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database-url", db_url, "demo", "--if-empty"]) == 0
    assert "loaded" in capsys.readouterr().out
    assert main(["--database-url", db_url, "demo", "--if-empty"]) == 0
    assert "not loaded" in capsys.readouterr().out
    with Session(engine_for(db_url)) as session:
        summaries = events.list_events(session)
    # The port disaster, and the dam repairs with their source (a press-conference transcript).
    assert sorted((s.event.title[:5], s.articles, s.outlets) for s in summaries) == [
        ("Grain", 5, 5),
        ("Kesse", 5, 4),  # four outlets' reports; the transcript is the source, not a fifth outlet
    ]
