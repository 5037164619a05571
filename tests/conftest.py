"""Shared fixtures: scratch databases (SQLite always, PostgreSQL when its URL is set), API clients, seeds,
and for the browser tests a live server and Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
POSTGRES_URL = os.environ.get("PARALLAX_TEST_POSTGRES_URL")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'parallax-test.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    """Each API test runs on SQLite and, when PARALLAX_TEST_POSTGRES_URL is set (CI sets it), on PostgreSQL."""
    if request.param == "postgres":
        if not POSTGRES_URL:
            pytest.skip("PostgreSQL not configured: set PARALLAX_TEST_POSTGRES_URL (CI does)")
        return POSTGRES_URL
    return sqlite_url


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    # Entering the client runs the app's lifespan, which migrates the scratch database.
    with TestClient(create_app(database_url, migrate=True)) as test_client:
        yield test_client


@pytest.fixture
def sqlite_client(sqlite_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(sqlite_url, migrate=True)) as test_client:
        yield test_client


def unique_title(prefix: str = "Event") -> str:
    """Tests share one database per backend, so each makes its own event."""
    return f"{prefix} {uuid.uuid4().hex[:8]}"


@pytest.fixture
def event_slug(client: TestClient) -> str:
    response = client.post("/api/events", json={"title": unique_title()})
    assert response.status_code == 201
    return response.json()["slug"]


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


# ---------------------------------------------------------------- browser tests


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a real port over a fresh SQLite database holding the demo event."""
    import uvicorn
    from sqlmodel import Session

    from app.db import engine_for
    from app.migrate import upgrade_database
    from app.services.demo import load_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('live') / 'live.db'}"
    engine = engine_for(url)
    upgrade_database(engine)
    with Session(engine) as session:
        load_demo(session)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(url, migrate=False), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, object]:
    """pytest-playwright launches Debian's Chromium, never a downloaded browser."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip(
            "Chromium not installed at /usr/bin/chromium (Debian package 'chromium'); browser tests skipped"
        )
    return {"executable_path": str(CHROMIUM), "headless": True, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(pytestconfig: pytest.Config) -> str | None:
    """pytest-playwright's ``base_url`` as a module fixture, read as the plugin reads it: the plugin's own is a
    session fixture defined as an instance method, which pytest deprecates (PytestRemovedIn10Warning)."""
    return pytestconfig.getoption("--base-url", None) or pytestconfig.getini("base_url") or None


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    folder = REPO / "screenshots"
    folder.mkdir(exist_ok=True)
    return folder
