"""Two server processes ingesting into one event at once lose nothing and leave nothing unaligned."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import POSTGRES_URL, _free_port, unique_title

SPEAKERS = ["Mayor Lena Ortiz", "Chief Engineer Paul Brandt", "Dr Anna Novak", "Minister Karl Weiss"]


def article_text(n: int) -> str:
    speaker = SPEAKERS[n % len(SPEAKERS)]
    return (
        f"Report number {n} from the harbour.\n\n"
        f'"We will rebuild the bridge before winter and reopen the port," said {speaker}.\n\n'
        f'"The inquiry into report {n} will publish every finding in full," {speaker.split()[-1]} added.\n\n'
        f"At least {40 + n % 3} people were killed, the ministry said."
    )


def start_server(url: str, port: int, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": url}
    log = open(tmp_path / f"server-{port}.log", "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=Path(__file__).resolve().parents[1],
    )


def wait_until_up(base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/events", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"server at {base} did not start")


@pytest.fixture(params=["sqlite", "postgres"])
def two_servers(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    if request.param == "postgres":
        if not POSTGRES_URL:
            pytest.skip("PostgreSQL not configured: set PARALLAX_TEST_POSTGRES_URL (CI does)")
        url = POSTGRES_URL
    else:
        # A brand-new file: both processes race to migrate it at start-up.
        url = f"sqlite:///{tmp_path / 'shared.db'}"
    ports = [_free_port(), _free_port()]
    processes = [start_server(url, port, tmp_path) for port in ports]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base in bases:
            wait_until_up(base)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def test_concurrent_posts_into_one_event_from_two_processes(two_servers: list[str]) -> None:
    slug = httpx.post(f"{two_servers[0]}/api/events", json={"title": unique_title("Concurrent")}).json()[
        "slug"
    ]
    count = 24

    def post(n: int) -> int:
        base = two_servers[n % 2]
        response = httpx.post(
            f"{base}/api/events/{slug}/articles",
            json={"outlet": f"Outlet {n}", "text": article_text(n)},
            timeout=60,
        )
        return response.status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(post, range(count)))
    assert statuses == [201] * count

    base = two_servers[1]
    articles = httpx.get(f"{base}/api/events/{slug}/articles").json()
    assert len(articles) == count
    quotes = httpx.get(f"{base}/api/events/{slug}/quotes").json()
    full_quotes = [q for q in quotes if not q["fragment"]]
    assert len(full_quotes) == 2 * count
    assert all(q["statement_ids"] for q in full_quotes), "every quote sentence is aligned"
    statements = httpx.get(f"{base}/api/events/{slug}/statements").json()
    # The shared sentence is one statement across all outlets, whatever the arrival order; the text decides,
    # and the statement lists the four speakers the outlets named.
    rebuild = [s for s in statements if "rebuild the bridge" in s["members"][0]["text"]]
    assert len(rebuild) == 1
    assert len(rebuild[0]["members"]) == count
    assert len({m["article_id"] for m in rebuild[0]["members"]}) == count
    assert len(rebuild[0]["speakers"]) == len(SPEAKERS)
    groups = httpx.get(f"{base}/api/events/{slug}/figures").json()
    grouped = sum(
        len(g["members"]) for g in groups if any("killed" in (m["counted"] or "") for m in g["members"])
    )
    assert grouped == count
