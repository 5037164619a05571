"""Load test: 10 concurrent clients read the compare page and post articles for 30 s, on SQLite and PostgreSQL.

Starts its own server (uvicorn, `--workers` processes) on 127.0.0.1 over a fresh database holding the demo
event, then prints requests/s, p50/p95/p99 latency per request kind, and the error count.

    .venv/bin/python bench/load.py [--seconds 30] [--clients 10] [--workers 2] [--postgres URL]

Only loopback traffic; every loop is bounded by the duration.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
POST_EVERY = 5  # one request in five posts an article; the rest read the compare page


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare_database(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run(
        [sys.executable, "-m", "app.cli", "db", "upgrade"], env=env, cwd=REPO, check=True, capture_output=True
    )
    subprocess.run(
        [sys.executable, "-m", "app.cli", "demo"], env=env, cwd=REPO, check=True, capture_output=True
    )


def start_server(url: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url}
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:app",
        "--port",
        str(port),
        "--workers",
        str(workers),
    ]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--log-level", "warning"],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/events", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("server did not start")


def article_text(client_id: int, n: int) -> str:
    return (
        f"Load test dispatch {client_id}-{n} from the Drenna waterfront.\n\n"
        f'"We will keep the terminal closed until the inquiry reports on case {client_id}-{n}," said Mayor Tomas Ferrand.\n\n'
        f"At least {40 + n % 5} people were killed, the city council said."
    )


def run_load(base: str, seconds: float, clients: int) -> dict[str, list[float] | int]:
    events = httpx.get(f"{base}/api/events").json()
    slug = events[0]["slug"]
    ids = [a["id"] for a in httpx.get(f"{base}/api/events/{slug}/articles").json()]
    compare_url = f"{base}/events/{slug}/compare?a={ids[0]}&b={ids[1]}&c={ids[2]}"
    reads: list[float] = []
    writes: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker(client_id: int) -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as client:
            n = 0
            while time.monotonic() < stop_at:
                n += 1
                started = time.perf_counter()
                try:
                    if n % POST_EVERY == 0:
                        response = client.post(
                            f"{base}/api/events/{slug}/articles",
                            json={"outlet": f"Load Outlet {client_id}", "text": article_text(client_id, n)},
                        )
                        ok, bucket = response.status_code == 201, writes
                    else:
                        response = client.get(compare_url)
                        ok, bucket = response.status_code == 200, reads
                except httpx.HTTPError:
                    ok, bucket = False, reads
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    bucket.append(elapsed)
                    errors += 0 if ok else 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"reads": reads, "writes": writes, "errors": errors}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    return (
        statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]
    )


def report(name: str, result: dict, seconds: float) -> None:  # type: ignore[type-arg]
    total = len(result["reads"]) + len(result["writes"])
    print(f"\n== {name}: {total / seconds:.1f} requests/s, {result['errors']} errors")
    for kind in ("reads", "writes"):
        values = result[kind]
        print(
            f"  {kind:6} n={len(values):5d}  p50={percentile(values, 50):7.1f} ms  "
            f"p95={percentile(values, 95):7.1f} ms  p99={percentile(values, 99):7.1f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--postgres", default=os.environ.get("PARALLAX_TEST_POSTGRES_URL"), help="PostgreSQL URL"
    )
    args = parser.parse_args()
    backends = [("SQLite", f"sqlite:///{Path(tempfile.mkdtemp()) / 'load.db'}")]
    if args.postgres:
        backends.append(("PostgreSQL", args.postgres))
    else:
        print("PostgreSQL skipped: pass --postgres URL or set PARALLAX_TEST_POSTGRES_URL")
    print(
        f"{args.clients} clients, {args.seconds:.0f} s, {args.workers} server processes, 1 request in {POST_EVERY} a post"
    )
    for name, url in backends:
        if name == "PostgreSQL":
            reset_postgres(url)
        prepare_database(url)
        process, base = start_server(url, args.workers)
        try:
            report(name, run_load(base, args.seconds, args.clients), args.seconds)
        finally:
            process.terminate()
            process.wait(timeout=10)


def reset_postgres(url: str) -> None:
    """Start from an empty schema so the run is comparable with SQLite's fresh file."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


if __name__ == "__main__":
    main()
