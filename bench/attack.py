"""The outside attack of issue 11, against a running server: every probe, one table (probe, result, timings).

Starts its own `uvicorn app.main:app` on a free port of 127.0.0.1 with a scratch SQLite file (or the
PostgreSQL database given with --postgres URL, which it empties first), then probes it the way a hostile
client would: hostile text shapes at 8k and 64k characters through the API (text and html), the upload form
and the upload preview (wall time per request, cost ratio 64k/8k at most 16x, each under 20 s); `GET /`
latency while a heavy post is processed; dates of every form; `javascript:`/`data:` links on every page;
Unicode digits in every integer parameter; `Origin: null` and a foreign Host; NUL bytes and over-long fields
in every field of the API, the form, front matter (`parallax import`) and backup restore
(`parallax import --json`); concurrent new outlets; /docs in headless Chromium (CSP, failed requests,
screenshot); optionally `parallax import` of every corpus folder (--corpus).

The second attack (after quote marks, speakers, figure frames and page furniture changed) adds: hostile runs
of names, quote marks of every kind, speech cues, possessives, figures and Unicode at 8k, 64k and the 200k
article limit (names); speaker/outlet/article corrections with hostile names and impossible or foreign ids
(corrections); hostile values in every query parameter of every page (parameters); odd uploads (scripts,
binaries, archives, names, limits: uploads); an event of many articles, every page and export at 1/4 and full
size (bigevent); links to private addresses in every spelling, and a second server allowed to fetch from a
hostile local server (slow drip, gzip bomb, endless body, redirect loop) with `GET /` timed meanwhile (fetch).

The third attack adds: pathological Unicode (NFKC expanders, stacked marks, bidi controls, length-changing
case, non-ASCII digits) and articles packed with quote marks or figures (unicode); deeply nested and malformed
HTML through the API and as megabyte uploads (nesting); hundreds of tiny articles in one event (tiny); the
same correction from eight clients at once (concurrent); slow-loris headers and bodies with `GET /` timed
(slowloris); query strings up to a megabyte (queries); spreadsheet formulas in every field a CSV prints
(csv); HTMX request headers on API routes and hostile HX-Target values on pages (htmx).

Talks only to 127.0.0.1. Each request has a timeout, so the run is bounded.
Run: .venv/bin/python bench/attack.py [--postgres URL] [--quick] [--corpus] [--only WORD ...]
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus" / "events"
SMALL, LARGE = 8_000, 64_000
MAX_RATIO, MAX_SECONDS, MAX_INDEX_SECONDS = 16.0, 20.0, 1.5
# Below this wall time the request's fixed cost (HTTP, page render, database), not the text, decides.
FLOOR_SECONDS = 0.05
# The server's deadlines for a request's headers (the app's default) and body (shorter than the default 60 s,
# so the slow-client probe ends soon; no other probe sends a body slowly): a slower client is cut off.
HEADER_SECONDS, BODY_SECONDS = 10.0, 12.0


# ---------------------------------------------------------------- results


@dataclass
class Row:
    probe: str
    ok: bool
    result: str
    timing: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, probe: str, ok: bool, result: str, timing: str = "") -> None:
        row = Row(probe, ok, result, timing)
        self.rows.append(row)
        mark = "ok  " if ok else "FAIL"
        print(f"{mark} {probe[:58]:58} {result[:70]:70} {timing}", flush=True)

    def failures(self) -> list[Row]:
        return [r for r in self.rows if not r.ok]

    def add_failures(self, probe: str, summary: str, failures: list[str]) -> None:
        """One row for a probe that collects failures: ok when there are none; the first one in the row, up to
        fifteen listed below it."""
        self.add(probe, not failures, summary + (f": {failures[0]}" if failures else ""))
        for f in failures[:15]:
            print("      ", f)


# ---------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(database_url: str, extra_env: dict[str, str] | None = None) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "ALLOWED_HOSTS": "", **(extra_env or {})}
    log = tempfile.NamedTemporaryFile(prefix="parallax-attack-", suffix=".log", delete=False)  # noqa: SIM115
    env.setdefault("REQUEST_HEADER_TIMEOUT_SECONDS", str(HEADER_SECONDS))
    env.setdefault("REQUEST_BODY_TIMEOUT_SECONDS", str(BODY_SECONDS))
    # Started as `parallax serve` starts it (make run, the container): uvicorn with the app's timeouts.
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "/", timeout=2).status_code < 500:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"the server did not start; see {log.name}")
        print(f"server {base} ({database_url.split('@')[-1]}), log {log.name}", flush=True)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()  # a request still computing keeps uvicorn from a graceful stop
            process.wait(timeout=10)
        tracebacks = Path(log.name).read_text(errors="replace").count("Traceback")
        print(f"server log: {tracebacks} tracebacks ({log.name})")


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


# ---------------------------------------------------------------- helpers


class Client:
    def __init__(self, base: str) -> None:
        self.base = base
        self.http = httpx.Client(base_url=base, timeout=60)
        self.counter = 0

    def unique(self, prefix: str = "probe") -> str:
        self.counter += 1
        return f"{prefix}-{self.counter}-{time.monotonic_ns() % 100000}"

    def event(self, title: str | None = None) -> str:
        r = self.http.post("/api/events", json={"title": title or self.unique("Attack event")})
        r.raise_for_status()
        return str(r.json()["slug"])

    def api_article(self, slug: str, **body: object) -> httpx.Response:
        body.setdefault("outlet", self.unique("Outlet"))
        return self.http.post(f"/api/events/{slug}/articles", json=body)

    def form_article(
        self, slug: str, data: dict[str, str], files: list[tuple[str, bytes]] | None = None
    ) -> httpx.Response:
        multipart = [("files", (name, content, "application/octet-stream")) for name, content in files or []]
        return self.http.post(
            f"/events/{slug}/articles",
            data={"outlet": self.unique("Outlet"), **data},
            files=multipart or None,
            headers={"HX-Request": "true"},
        )


def timed(call: Callable[[], httpx.Response]) -> tuple[httpx.Response | None, float]:
    started = time.perf_counter()
    try:
        response: httpx.Response | None = call()
    except httpx.HTTPError:
        response = None
    return response, time.perf_counter() - started


def status_of(response: httpx.Response | None) -> str:
    return "timeout" if response is None else str(response.status_code)


def has_sentence(response: httpx.Response) -> bool:
    """A 4xx whose body says what went wrong in words (JSON detail or an HTML error message)."""
    body = response.text
    if response.headers.get("content-type", "").startswith("application/json"):
        try:
            detail = response.json().get("detail")
        except (ValueError, AttributeError):
            return False
        return isinstance(detail, str) and " " in detail
    return len(re.sub(r"<[^>]+>", " ", body).split()) > 3


# ---------------------------------------------------------------- hostile shapes


def run_of(unit: str) -> Callable[[int], str]:
    return lambda n: "Start " + unit * max(1, n // len(unit)) + " end."


QUOTE_MARKS = "\"“”'‘’«»„"
PUNCTUATION = ".!?…,;:-–—/\\|&*#@%^~=+_"
SHAPES: dict[str, Callable[[int], str]] = {
    **{f"run {m!r}": run_of(m) for m in PUNCTUATION + QUOTE_MARKS},
    **{f"spaced run {m!r}": run_of(m + " ") for m in QUOTE_MARKS + ".?!"},
    "digits '1 '": run_of("1 "),
    "digits '1,000 '": run_of("1,000 "),
    "digits '5% '": run_of("5% "),
    "digits '$5m '": run_of("$5m "),
    "digits '£25 million '": run_of("£25 million "),
    "digits '12.5 per cent '": run_of("12.5 per cent "),
    "brackets '['": run_of("["),
    "brackets '('": run_of("("),
    "brackets '{'": run_of("{"),
    "markdown '_a '": run_of("_a "),
    "markdown '*a '": run_of("*a "),
    "markdown '[a]('": run_of("[a]("),
    "a + spaces + b": lambda n: "a" + " " * n + "b",
    "a + nbsp/tabs + b": lambda n: "a" + "\u00a0\t" * (n // 2) + "b",
    "dots": lambda n: "." * n,
    "'Mr. '": run_of("Mr. "),
    "'A. '": run_of("A. "),
    "'U.S. '": run_of("U.S. "),
    "names 'John Smith '": run_of("John Smith "),
    "names 'Smith, '": run_of("Smith, "),
    "names 'President John Smith said '": run_of("President John Smith said "),
    "said '\"a\" '": run_of('said "a" '),
    "'\"a,\" said Ann Lee. '": run_of('"We will," said Ann Lee. '),
    "'“a” '": run_of("“a” "),
    "newlines": lambda n: "a" + "\n" * n + "b",
    "blank lines with spaces": lambda n: "a" + " \n" * (n // 2) + "b",
    "tiny paragraphs": lambda n: "a.\n\n" * (n // 4),
    "long single token": lambda n: "x" * n,
    "long url token": lambda n: "https://example.org/" + "a/" * (n // 2),
    "mixed RTL": run_of("قال الرئيس \u202e3 «نعم» John said. "),
    "zero-width run": run_of("\u200b\u200d"),
    "combining marks": lambda n: "a" + "\u0301" * n,
}
HTML_SHAPES: dict[str, Callable[[int], str]] = {
    "html <div> nesting": lambda n: "<div>" * (n // 11) + "a" + "</div>" * (n // 11),
    "html <b> unclosed": lambda n: "<p>" + "<b>" * (n // 3) + "a",
    "html tiny paragraphs": lambda n: "<p>a.</p>" * (n // 9),
    "html <blockquote> nesting": lambda n: "<blockquote>" * (n // 25) + "a",
    "html attributes run": lambda n: "<p " + 'a="1" ' * (n // 6) + ">x</p>",
    "html comment run": lambda n: "<!--" * (n // 4),
}
# The shapes that also go through the upload form and the preview (each costs a request per size).
FORM_SHAPES = [
    "a + spaces + b",
    "dots",
    "digits '1 '",
    "digits '$5m '",
    "digits '£25 million '",
    "names 'John Smith '",
    "said '\"a\" '",
    "run '\"'",
    "run '“'",
    "brackets '['",
    "markdown '_a '",
    "tiny paragraphs",
    "newlines",
    "mixed RTL",
]


def shape_probe(
    report: Report, name: str, send: Callable[[str], httpx.Response], make: Callable[[int], str]
) -> None:
    small_r, small = timed(lambda: send(make(SMALL)))
    large_r, large = timed(lambda: send(make(LARGE)))
    ratio = max(large, FLOOR_SECONDS) / max(small, FLOOR_SECONDS)
    for _ in range(2):
        # The small size is held to the time limit too: a shape refused at 64k (over a count limit) can
        # still cost its most just under that limit, which only the small size shows.
        if ratio <= MAX_RATIO and max(small, large) <= MAX_SECONDS:
            break
        # The machine is shared (a busy neighbour doubles a time): measure both sizes again, keep each one's
        # best time; a real superlinear cost fails every time.
        small_r, small_again = timed(lambda: send(make(SMALL)))
        large_r, large_again = timed(lambda: send(make(LARGE)))
        small, large = min(small, small_again), min(large, large_again)
        ratio = max(large, FLOOR_SECONDS) / max(small, FLOOR_SECONDS)
    statuses = f"{status_of(small_r)}/{status_of(large_r)}"
    no_5xx = all(r is not None and r.status_code < 500 for r in (small_r, large_r))
    ok = no_5xx and ratio <= MAX_RATIO and max(small, large) <= MAX_SECONDS
    report.add(name, ok, f"status {statuses} ratio {ratio:.1f}", f"8k {small:.2f}s 64k {large:.2f}s")


def probe_shapes(report: Report, c: Client, *, quick: bool) -> None:
    slug = c.event()
    names = FORM_SHAPES if quick else list(SHAPES)
    for name in names:
        make = SHAPES[name]

        def api_text(text: str) -> httpx.Response:
            return c.api_article(slug, text=c.unique("Probe") + ". " + text)

        shape_probe(report, f"api text {name}", api_text, make)
    for name, make in HTML_SHAPES.items():

        def api_html(text: str) -> httpx.Response:
            return c.api_article(slug, html=f"<p>{c.unique('Probe')}.</p>" + text)

        shape_probe(report, f"api html {name}", api_html, make)
    for name in ["dots", "names 'John Smith '", "digits '1 '", "said '\"a\" '", "a + spaces + b"]:

        def api_html_text(text: str) -> httpx.Response:
            return c.api_article(slug, html=f"<p>{c.unique('Probe')}. {html.escape(text)}</p>")

        shape_probe(report, f"api html-wrapped {name}", api_html_text, SHAPES[name])
    for name in (
        FORM_SHAPES if quick else [*FORM_SHAPES, "digits '1,000 '", "digits '5% '", "'Mr. '", "'A. '"]
    ):
        make = SHAPES[name]

        def form_upload(text: str) -> httpx.Response:
            return c.form_article(slug, {}, [(c.unique("f") + ".txt", (c.unique() + ". " + text).encode())])

        def form_paste(text: str) -> httpx.Response:
            return c.form_article(slug, {"text": c.unique() + ". " + text})

        def preview(text: str) -> httpx.Response:
            return c.http.post(
                f"/events/{slug}/articles/preview",
                data={"outlet": "x", "text": text, "source_format": "auto"},
                headers={"HX-Request": "true"},
            )

        shape_probe(report, f"form file {name}", form_upload, make)
        shape_probe(report, f"form paste {name}", form_paste, make)
        shape_probe(report, f"preview {name}", preview, make)
    shape_probe(
        report,
        "form file html <div> nesting",
        lambda t: c.form_article(slug, {}, [(c.unique("f") + ".html", t.encode())]),
        HTML_SHAPES["html <div> nesting"],
    )
    shape_probe(
        report,
        "preview html <div> nesting",
        lambda t: c.http.post(f"/events/{slug}/articles/preview", data={"text": t, "source_format": "html"}),
        HTML_SHAPES["html <div> nesting"],
    )
    # 50,000 tiny paragraphs: the one shape whose count, not its characters, is the attack.
    r, took = timed(lambda: c.api_article(slug, text=c.unique() + ".\n\n" + "a\n\n" * 50_000))
    report.add(
        "api text 50,000 tiny paragraphs",
        r is not None and r.status_code < 500 and took <= MAX_SECONDS,
        f"status {status_of(r)}",
        f"{took:.2f}s",
    )


def probe_index_latency(report: Report, c: Client) -> None:
    """GET / must answer within 1.5 s while a heavy post (API or form) is processed."""
    slug = c.event()
    heavy = {
        "api": lambda: c.api_article(slug, text=c.unique() + ". " + SHAPES["names 'John Smith '"](LARGE)),
        # The heaviest accepted shapes: at the quote limit (300) and the figure limit (1,000); bigger ones are
        # refused on a count before any work.
        "api said": lambda: c.api_article(slug, text=c.unique() + ". " + 'said "a" ' * 300),
        "api stacked possessives": lambda: c.api_article(
            slug, text=c.unique() + ". " + NAME_SHAPES["possessives stacked, pronoun quote"](LARGE)
        ),
        "api titled names": lambda: c.api_article(
            slug, text=c.unique() + ". " + NAME_SHAPES["names 'Mr. X met Mr. X.'"](LARGE)
        ),
        "form paste": lambda: c.form_article(slug, {"text": c.unique() + ". " + "£25 million " * 990}),
        "form file": lambda: c.form_article(
            slug, {}, [(c.unique() + ".txt", (c.unique() + SHAPES["dots"](LARGE)).encode())]
        ),
        "preview": lambda: c.http.post(
            f"/events/{slug}/articles/preview", data={"text": SHAPES["names 'John Smith '"](LARGE)}
        ),
    }
    for name, post in heavy.items():
        done = threading.Event()
        took: list[float] = []

        def run(
            post: Callable[[], httpx.Response] = post,
            took: list[float] = took,
            done: threading.Event = done,
        ) -> None:
            took.append(timed(post)[1])
            done.set()

        worker = threading.Thread(target=run)
        worker.start()
        latencies = []
        with httpx.Client(base_url=c.base, timeout=30) as other:
            time.sleep(0.05)
            while not done.is_set():
                latencies.append(timed(lambda: other.get("/"))[1])
                time.sleep(0.05)
        worker.join()
        worst = max(latencies, default=0.0)
        report.add(
            f"GET / during heavy {name} post",
            worst <= MAX_INDEX_SECONDS,
            f"{len(latencies)} GETs, worst {worst:.2f}s, median {statistics.median(latencies or [0]):.2f}s",
            f"post {took[0]:.2f}s",
        )


# ---------------------------------------------------------------- dates

API_DATES = {
    "2026-03-14": "2026-03-14T00:00:00",
    "2026-03-14T09:30:00": "2026-03-14T09:30:00",
    "2026-03-14 09:30": "2026-03-14T09:30:00",
    "2026-03-14T09:30": "2026-03-14T09:30:00",
    "2026-03-14T09:30:00Z": "2026-03-14T09:30:00",
    "2026-03-14T09:30:00+02:00": "2026-03-14T07:30:00",
    "2026-03-14T09:30:00-05:00": "2026-03-14T14:30:00",
    "2026-03-14T09:30:00.123456+00:00": "2026-03-14T09:30:00",
}
BAD_DATES = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "10000-01-01",
    "2026-13-45",
    "2026-02-30",
    "-2026-01-01",
    "tomorrow",
    "2026-03-14T25:00",
    "1e30",
    "2026-03-14T09:30:00+25:00",
]
FORM_DATES = {
    "2026-03-14": "2026-03-14T00:00:00",
    "2026-03-14T09:30": "2026-03-14T09:30:00",
    "2026-03-14T09:30:00Z": "2026-03-14T09:30:00",
}


def stored_date(c: Client, slug: str, article_id: int) -> str:
    data = c.http.get(f"/api/events/{slug}/articles/{article_id}").json()
    return str(data.get("published_at") or data.get("article", {}).get("published_at"))


def same_instant(stored: str, expected: str) -> bool:
    return stored.replace("+00:00", "").replace("Z", "").split(".")[0] == expected


def probe_dates(report: Report, c: Client) -> None:
    slug = c.event()
    for given, expected in API_DATES.items():
        r = c.api_article(slug, text=c.unique("Body") + " text.", published_at=given)
        got = stored_date(c, slug, r.json()["id"]) if r.status_code == 201 else "-"
        report.add(f"api date {given!r}", same_instant(got, expected), f"status {r.status_code} stored {got}")
    for given in BAD_DATES:
        r = c.api_article(slug, text=c.unique("Body") + " text.", published_at=given)
        ok = 400 <= r.status_code < 500 and has_sentence(r)
        report.add(f"api bad date {given!r}", ok, f"status {r.status_code} {r.text[:50]!r}")
    for given, expected in FORM_DATES.items():
        r = c.http.post(
            f"/events/{slug}/articles",
            data={"outlet": c.unique("O"), "text": c.unique("Form body") + " text.", "published_at": given},
        )
        article_id = re.search(r"/articles/(\d+)", r.headers.get("location", ""))
        got = stored_date(c, slug, int(article_id.group(1))) if article_id else "-"
        report.add(
            f"form date {given!r}", same_instant(got, expected), f"status {r.status_code} stored {got}"
        )
    for given in ["2026-13-45", "99999-01-01", "0000-00-00", "\x00"]:
        r = c.form_article(slug, {"text": c.unique() + " text.", "published_at": given})
        ok = 400 <= r.status_code < 500 and has_sentence(r)
        report.add(f"form bad date {given!r}", ok, f"status {r.status_code}")
    front = {
        "2016-11-10": "2016-11-10T00:00:00",
        "2016-11-10 08:15": "2016-11-10T08:15:00",
        "'2016-11-10T08:15:00+01:00'": "2016-11-10T07:15:00",
        "2016-11-10T08:15:00Z": "2016-11-10T08:15:00",
    }
    for given, expected in front.items():
        md = f"---\noutlet: {c.unique('FM')}\npublished_at: {given}\n---\n{c.unique('Front')} body text.\n"
        r = c.form_article(slug, {}, [(c.unique() + ".md", md.encode())])
        got = "-"
        found = re.search(r"/events/[^/]+/articles/(\d+)", r.text)
        if found:
            got = stored_date(c, slug, int(found.group(1)))
        report.add(
            f"front matter date {given!r}", same_instant(got, expected), f"status {r.status_code} {got}"
        )
    for given in ["2016-13-10", "10000-01-01", "0001-01-01T00:00:00+05:00"]:
        md = f"---\noutlet: x\npublished_at: {given}\n---\n{c.unique('Front')} body text.\n"
        r = c.form_article(slug, {}, [(c.unique() + ".md", md.encode())])
        ok = r.status_code < 500 and ("rejected" in r.text.lower() or r.status_code >= 400)
        report.add(f"front matter bad date {given!r}", ok, f"status {r.status_code}")
    metas = {
        '<meta property="article:published_time" content="2026-03-14">': "2026-03-14T00:00:00",
        '<meta property="article:published_time" content="2026-03-14T09:30:00">': "2026-03-14T09:30:00",
        '<meta name="date" content="2026-03-14 09:30">': "2026-03-14T09:30:00",
        '<meta itemprop="datePublished" content="2026-03-14T09:30:00+01:00">': "2026-03-14T08:30:00",
        '<time datetime="2026-03-14T09:30:00Z">': "2026-03-14T09:30:00",
    }
    for tag, expected in metas.items():
        page = f"<html><head>{tag}<title>T</title></head><body><p>{c.unique('Meta')} body.</p></body></html>"
        r = c.api_article(slug, html=page)
        got = stored_date(c, slug, r.json()["id"]) if r.status_code == 201 else "-"
        report.add(
            f"html meta date {tag[:40]!r}", same_instant(got, expected), f"status {r.status_code} {got}"
        )
    for content in ["0001-01-01T00:00:00+05:00", "99999-01-01", "2026-02-30"]:
        page = f'<html><head><meta property="article:published_time" content="{content}"></head>'
        page += f"<body><p>{c.unique('Meta')} body.</p></body></html>"
        r = c.api_article(slug, html=page)
        report.add(f"html meta bad date {content!r}", r.status_code < 500, f"status {r.status_code}")


# ---------------------------------------------------------------- links


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "hx-get", "hx-post", "data-href", "poster"):
                self.links.append((name, value or ""))


def dangerous(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\ufeff]", "", html.unescape(url)).lower()
    return cleaned.startswith(("javascript:", "data:", "vbscript:"))


HOSTILE_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "DATA:text/html;base64,PHNjcmlwdD4=",
    "vbscript:msgbox(1)",
    "\x01javascript:alert(1)",
    "//evil.example/x",
]


def probe_links(report: Report, c: Client) -> None:
    slug = c.event()
    ids = []
    for i, url in enumerate(HOSTILE_URLS):
        body = f'"We will act now," said Ann Lee. The storm left {i + 3} people dead. {c.unique("L")}'
        r = c.api_article(slug, text=body, url=url)
        if r.status_code == 201:
            ids.append(r.json()["id"])
        md = f"---\noutlet: {c.unique('FM')}\nurl: {url}\n---\n{body} again.\n"
        r2 = c.form_article(slug, {}, [(c.unique() + ".md", md.encode())])
        r3 = c.form_article(slug, {"text": body + " form.", "url": url})
        page = f'<html><head><link rel="canonical" href="{html.escape(url)}"><meta property="og:url" '
        page += f'content="{html.escape(url)}"></head><body><p>{body} html.</p>'
        page += f'<p><a href="{html.escape(url)}">link</a></p></body></html>'
        r4 = c.api_article(slug, html=page)
        if r4.status_code == 201:
            ids.append(r4.json()["id"])
        statuses = [x.status_code for x in (r, r2, r3, r4)]
        report.add(f"post with url {url[:30]!r}", all(s < 500 for s in statuses), f"statuses {statuses}")
    # Every page of the event: overview, article pages, compare, statements, figures, speakers, permalink.
    seen: set[str] = set()
    queue = [f"/events/{slug}", f"/events/{slug}/compare?" + "&".join(f"a={i}" for i in ids[:6])]
    if len(ids) >= 2:
        frozen = c.http.post("/api/comparisons", json={"event": slug, "articles": ids[:6]})
        if frozen.status_code == 201:
            queue.append(frozen.json()["url"])
    bad: list[str] = []
    errors: list[str] = []
    while queue and len(seen) < 300:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        r = c.http.get(path)
        if r.status_code >= 500:
            errors.append(f"{r.status_code} {path}")
        if "html" not in r.headers.get("content-type", ""):
            continue
        parser = LinkParser()
        parser.feed(r.text)
        for attr, link in parser.links:
            if dangerous(link):
                bad.append(f"{path} {attr}={link[:30]!r}")
                continue
            target = urlsplit(urljoin(c.base + path, link))
            own = target.netloc == urlsplit(c.base).netloc
            if (
                own
                and target.path.startswith((f"/events/{slug}", "/p/"))
                and not target.path.endswith(".csv")
            ):
                queue.append(target.path + ("?" + target.query if target.query else ""))
    report.add(
        "no javascript:/data: link on any page",
        not bad and not errors,
        f"{len(seen)} pages, {len(bad)} bad links, {len(errors)} 5xx"
        + (f": {(bad + errors)[0]}" if bad or errors else ""),
    )


# ---------------------------------------------------------------- unicode digits

UNICODE_DIGITS = [
    "²",
    "¹",
    "٣",
    "３",
    "١٢",
    "1²",
    "߁",
    "१",
    "⑤",
    "Ⅻ",
    "1_000",
    " 1",
    "+1",
    "0x1",
    "1e3",
    "-1",
    "0",
]


def probe_unicode_digits(report: Report, c: Client) -> None:
    slug = c.event()
    a = c.api_article(slug, text='"We will act now," said Ann Lee. Three people died. ' + c.unique()).json()[
        "id"
    ]
    b = c.api_article(slug, text='"We will act now," said Ann Lee. Four people died. ' + c.unique()).json()[
        "id"
    ]
    frozen = c.http.post("/api/comparisons", json={"event": slug, "articles": [a, b]}).json()["url"]
    templates = [
        f"/events/{slug}?_page={{d}}",
        f"/events/{slug}/articles/{{d}}",
        f"/events/{slug}/statements/{{d}}",
        f"/events/{slug}/figures?_page={{d}}",
        f"/events/{slug}/compare?a={{d}}&b={b}",
        f"/events/{slug}/compare?a={a}&b={b}&_statement={{d}}",
        f"/events/{slug}/compare?a={a}&j={{d}}",
        f"{frozen}?_statement={{d}}",
        f"/api/events/{slug}/articles/{{d}}",
        f"/api/events/{slug}/matrix?_page={{d}}",
        f"/api/events/{slug}/compare?a={{d}}&b={b}",
        f"/events/{slug}/statements/{{d}}?base={{d}}",
        f"/events/{slug}/articles/{{d}}/diff/{b}",
        f"/events/{slug}/articles/{a}/diff/{{d}}",
    ]
    failures = []
    count = 0
    for template in templates:
        for digit in UNICODE_DIGITS:
            count += 1
            r = c.http.get(template.format(d=digit))
            # A value that is a valid ASCII number (" 1", "+1") may be read as that number; never a 5xx.
            if r.status_code >= 500 or (not digit.strip().lstrip("+-").isascii() and r.status_code < 400):
                failures.append(f"{template.format(d=digit)} -> {r.status_code}")
    for digit in UNICODE_DIGITS[:6]:
        count += 1
        deleted = c.http.delete(f"/api/events/{slug}/articles/{digit}")
        if not 400 <= deleted.status_code < 500:
            failures.append(f"DELETE /api/events/{slug}/articles/{digit} -> {deleted.status_code}")
        count += 2
        r = c.http.post("/comparisons", data={"event": slug, "articles": [str(a), digit]})
        r2 = c.http.post(
            "/comparisons", data={"event": slug, "articles": [str(a), str(b)], "_statement": digit}
        )
        for resp in (r, r2):
            if resp.status_code >= 400 and resp.status_code < 500:
                continue
            if resp.status_code >= 500 or (resp.status_code == 303 and digit not in ("0",)):
                failures.append(f"POST /comparisons {digit!r} -> {resp.status_code}")
    report.add(
        "unicode digits in every integer parameter",
        not failures,
        f"{count} requests, {len(failures)} not 4xx" + (f": {failures[0]}" if failures else ""),
    )
    if failures:
        for f in failures[:12]:
            print("      ", f)


# ---------------------------------------------------------------- origin and host


def probe_origin_host(report: Report, c: Client) -> None:
    slug = c.event()
    posts: list[tuple[str, dict[str, object]]] = [
        ("/events", {"data": {"title": "x"}}),
        (f"/events/{slug}/articles", {"data": {"outlet": "x", "text": "Body text."}}),
        (f"/events/{slug}/articles/preview", {"data": {"text": "Body text."}}),
        ("/comparisons", {"data": {"event": slug, "articles": ["1", "2"]}}),
        ("/api/events", {"json": {"title": "x"}}),
        (f"/api/events/{slug}/articles", {"json": {"outlet": "x", "text": "Body text."}}),
        ("/api/comparisons", {"json": {"event": slug, "articles": [1, 2]}}),
    ]
    for origin_headers, label in [
        ({"Origin": "null"}, "Origin: null"),
        ({"Origin": "NULL"}, "Origin: NULL"),
        ({"Origin": "null", "Sec-Fetch-Site": "same-origin"}, "Origin: null + same-origin"),
        ({"Origin": "http://evil.example"}, "foreign Origin"),
        ({"Origin": "http://127.0.0.1.evil.example"}, "look-alike Origin"),
        ({"Sec-Fetch-Site": "cross-site"}, "Sec-Fetch-Site cross-site"),
        ({"Referer": "http://evil.example/", "Origin": "null"}, "Origin null + foreign Referer"),
    ]:
        statuses = []
        for path, kwargs in posts:
            r = c.http.post(path, headers=origin_headers, **kwargs)  # type: ignore[arg-type]
            statuses.append(r.status_code)
        report.add(f"{label} on every POST", all(s == 403 for s in statuses), f"statuses {statuses}")
    for host in [
        "evil.example",
        "evil.example:80",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "[::2]",
    ]:
        g = c.http.get("/", headers={"Host": host})
        p = c.http.post("/api/events", json={"title": "x"}, headers={"Host": host})
        ok = 400 <= g.status_code < 500 and 400 <= p.status_code < 500
        report.add(f"foreign Host {host!r}", ok, f"GET {g.status_code} POST {p.status_code}")


# ---------------------------------------------------------------- NUL bytes and over-long fields


def nul_and_long_values() -> dict[str, str]:
    return {"NUL": "a\x00b", "long 100k": "x" * 100_000, "zero-width": "\u200b\u200c"}


def probe_fields(report: Report, c: Client) -> None:
    slug = c.event()
    failures: list[str] = []
    count = 0
    api_fields = ["outlet", "title", "url", "author", "domain", "published_at", "text", "html", "markdown"]
    for field_name in api_fields:
        for label, value in nul_and_long_values().items():
            body: dict[str, object] = {"outlet": c.unique("O"), "text": c.unique("Body") + " text."}
            if field_name in ("html", "markdown"):
                body.pop("text")
            body[field_name] = value if field_name not in ("text", "html", "markdown") else c.unique() + value
            count += 1
            r = c.http.post(f"/api/events/{slug}/articles", json=body)
            must_refuse = field_name == "outlet" and label in ("NUL", "zero-width")
            if r.status_code >= 500 or (must_refuse and r.status_code < 400):
                failures.append(f"api {field_name} {label} -> {r.status_code}")
    for field_name in api_fields:
        # A lone surrogate, which only raw JSON can carry (a UTF-8 database cannot store it).
        raw = {"outlet": c.unique("O"), "text": c.unique("Body") + " text."}
        if field_name in ("html", "markdown"):
            raw.pop("text")
        raw[field_name] = "@SURROGATE@"
        content = json.dumps(raw).replace("@SURROGATE@", "a\\udc80b")
        count += 1
        r = c.http.post(
            f"/api/events/{slug}/articles", content=content, headers={"content-type": "application/json"}
        )
        if r.status_code >= 500:
            failures.append(f"api {field_name} lone surrogate -> {r.status_code}")
    surrogate_bodies = {
        "/api/events": '{"title": "a\\udc80b"}',
        "/api/events ": '{"title": "ok", "description": "a\\udc80b"}',
        "/api/comparisons": '{"event": "a\\udc80b", "articles": [1, 2]}',
        "/api/comparisons ": f'{{"event": "{slug}", "articles": [1, 2], "view": {{"a": "\\udc80"}}}}',
        f"/api/events/{slug}/articles": '{"outlet": "\\udc80", "url": "http://x.org/\\udc80"}',
    }
    for path, raw_body in surrogate_bodies.items():
        count += 1
        r = c.http.post(path.strip(), content=raw_body, headers={"content-type": "application/json"})
        if r.status_code >= 500:
            failures.append(f"api {path.strip()} lone surrogate -> {r.status_code}")
    for field_name in ["title", "description"]:
        for label, value in nul_and_long_values().items():
            count += 2
            body = {"title": c.unique("T"), field_name: value}
            r = c.http.post("/api/events", json=body)
            r2 = c.http.post("/events", data={"title": c.unique("T"), field_name: value})
            for resp, where in ((r, "api"), (r2, "form")):
                if resp.status_code >= 500:
                    failures.append(f"{where} event {field_name} {label} -> {resp.status_code}")
    form_fields = ["outlet", "title", "url", "author", "published_at", "text", "links", "source_format"]
    for field_name in form_fields:
        for label, value in nul_and_long_values().items():
            if field_name == "links" and label == "long 100k":
                value = "http://127.0.0.1/" + "a" * 3000
            data = {"outlet": c.unique("O"), "text": c.unique("Body") + " text.", field_name: value}
            if field_name == "text":
                data["text"] = c.unique() + value
            count += 1
            r = c.http.post(f"/events/{slug}/articles", data=data, headers={"HX-Request": "true"})
            if r.status_code >= 500:
                failures.append(f"form {field_name} {label} -> {r.status_code}")
            if field_name in ("text", "outlet"):
                count += 1
                p = c.http.post(f"/events/{slug}/articles/preview", data=data, headers={"HX-Request": "true"})
                if p.status_code >= 500:
                    failures.append(f"preview {field_name} {label} -> {p.status_code}")
    # Files: NUL in content, in the name, invalid UTF-8, front matter fields.
    files = {
        "nul content": ("a.txt", b"Body \x00 text " + c.unique().encode()),
        "nul name": ("a\x00b.txt", b"Body text " + c.unique().encode()),
        "long name": ("n" * 5000 + ".txt", b"Body text " + c.unique().encode()),
        "bad utf-8": ("a.txt", b"Body \xff\xfe text"),
        "utf-16": ("a.txt", "Body text".encode("utf-16")),
        "empty": ("a.txt", b""),
        "only front matter": ("a.md", b"---\noutlet: x\n---\n"),
        "unclosed front matter": ("a.md", b"---\noutlet: x\n" + b"a: b\n" * 1000),
    }
    for key in ["outlet", "title", "url", "author", "published_at", "domain"]:
        files[f"front matter {key} NUL"] = ("a.md", f"---\n{key}: a\x00b\n---\nBody {c.unique()}.\n".encode())
        long_value = "http://example.org/" + "a" * 3000 if key == "url" else "x" * 5000
        files[f"front matter {key} long"] = (
            "a.md",
            f"---\n{key}: {long_value}\n---\nBody {c.unique()}.\n".encode(),
        )
        files[f"front matter {key} list"] = (
            "a.md",
            f"---\n{key}: [1, 2]\n---\nBody {c.unique()}.\n".encode(),
        )
        files[f"front matter {key} yaml object"] = (
            "a.md",
            f"---\n{key}: {{a: b}}\n---\nBody {c.unique()}.\n".encode(),
        )
    for label, (name, content) in files.items():
        count += 1
        r = c.http.post(
            f"/events/{slug}/articles",
            data={"outlet": c.unique("O")},
            files=[("files", (name, content, "text/plain"))],
            headers={"HX-Request": "true"},
        )
        if r.status_code >= 500:
            failures.append(f"file {label} -> {r.status_code}")
    report.add_failures(
        "NUL/long/odd values in every API, form, file field",
        f"{count} requests, {len(failures)} 5xx-or-accepted",
        failures,
    )


def run_cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
    )


def probe_cli(report: Report, c: Client, database_url: str) -> None:
    """Front matter through `parallax import` and backup restore through `parallax import --json`."""
    folder = Path(tempfile.mkdtemp(prefix="parallax-attack-cli-"))
    values = {"NUL": "a\x00b", "long": "x" * 5000, "long url": "http://example.org/" + "a" * 3000}
    for key in ["outlet", "title", "url", "author", "published_at", "domain"]:
        for label, value in values.items():
            name = f"{key}-{label.replace(' ', '-')}.md"
            (folder / name).write_text(
                f"---\n{key}: {value}\n---\nBody of {name} {c.unique()}.\n", encoding="utf-8"
            )
    (folder / "nul-body.txt").write_bytes(b"Body \x00 text.")
    (folder / "fine.txt").write_text("A fine body " + c.unique() + ".", encoding="utf-8")
    run = run_cli(database_url, "import", str(folder), "--event", c.unique("CLI event"))
    ok = "Traceback" not in run.stderr and re.search(r"\d+ stored", run.stdout) is not None
    summary = (run.stdout.strip().splitlines() or [""])[-1]
    report.add("parallax import: NUL/long front matter", ok, f"exit {run.returncode} {summary[-60:]}")
    # Backup restore: export a real event, then spoil every field of the JSON one at a time.
    slug = c.event()
    c.api_article(
        slug, text='"We will act now," said Ann Lee. Three people died. ' + c.unique(), url="http://x.org/a"
    )
    export = run_cli(database_url, "export", slug)
    try:
        data = json.loads(export.stdout)
    except ValueError:
        report.add("parallax export", False, f"exit {export.returncode} {export.stderr[-80:]}")
        return
    failures = []
    spoiled = []
    for key in list(data):
        if isinstance(data[key], str):
            spoiled.append((f"event {key} NUL", {**data, key: "a\x00b"}))
            spoiled.append((f"event {key} long", {**data, key: "x" * 100_000}))
    spoiled.append(("event title list", {**data, "title": [1]}))
    articles = data.get("articles") or []
    if articles:
        first = articles[0]
        for key in list(first):
            for label, value in [
                ("NUL", "a\x00b"),
                ("long", "x" * 300_000),
                ("int", 7),
                ("null", None),
                ("list", []),
            ]:
                spoiled.append((f"article {key} {label}", {**data, "articles": [{**first, key: value}]}))
            rest = {k: v for k, v in first.items() if k != key}
            spoiled.append((f"article without {key}", {**data, "articles": [rest]}))
        spoiled.append(("articles not a list", {**data, "articles": {"a": 1}}))
        spoiled.append(("article not an object", {**data, "articles": [1]}))
    spoiled.append(("not an object", [1, 2]))
    spoiled.append(("event title lone surrogate", {**data, "title": "a\udc80b"}))
    if articles:
        spoiled.append(
            ("article body lone surrogate", {**data, "articles": [{**articles[0], "body": "a\udc80b"}]})
        )
        spoiled.append(
            ("article outlet lone surrogate", {**data, "articles": [{**articles[0], "outlet": "\udc80"}]})
        )
    for label, value in spoiled:
        path = folder / "backup.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        run = run_cli(database_url, "import", "--json", str(path), "--event", c.unique("Restore"))
        if "Traceback" in run.stderr:
            last = run.stderr.strip().splitlines()[-1]
            failures.append(f"{label}: {last[:80]}")
    report.add_failures(
        "parallax import --json: spoiled backups",
        f"{len(spoiled)} backups, {len(failures)} tracebacks",
        failures,
    )


# ---------------------------------------------------------------- concurrency (PostgreSQL's unique rows)


def probe_concurrent_outlets(report: Report, c: Client) -> None:
    slugs = [c.event() for _ in range(8)]
    outlet = c.unique("Shared new outlet")

    def post(i_slug: tuple[int, str]) -> int:
        i, slug = i_slug
        with httpx.Client(base_url=c.base, timeout=60) as h:
            r = h.post(
                f"/api/events/{slug}/articles",
                json={"outlet": outlet, "text": f'"We act," said Ann Lee. Case {i} of {c.unique()}.'},
            )
            return r.status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(post, enumerate(slugs)))
    report.add("same new outlet to 8 events at once", all(s < 500 for s in statuses), f"statuses {statuses}")
    one = c.event()
    outlet2 = c.unique("Another new outlet")

    def post_one(i: int) -> int:
        with httpx.Client(base_url=c.base, timeout=60) as h:
            r = h.post(
                f"/api/events/{one}/articles",
                json={"outlet": outlet2, "text": f'"We act," said Ann Lee. Version {i} {c.unique()}.'},
            )
            return r.status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(post_one, range(8)))
    report.add(
        "same new outlet 8x to one event at once", all(s < 500 for s in statuses), f"statuses {statuses}"
    )
    form_outlet = c.unique("Form new outlet")

    def form_post(i_slug: tuple[int, str]) -> int:
        i, slug = i_slug
        with httpx.Client(base_url=c.base, timeout=60) as h:
            r = h.post(
                f"/events/{slug}/articles",
                data={"outlet": form_outlet, "text": f"Form case {i} {c.unique()}."},
            )
            return r.status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(form_post, enumerate(slugs)))
    report.add("same new outlet by form to 8 events", all(s < 500 for s in statuses), f"statuses {statuses}")
    title = c.unique("Same new title")

    def new_event(i: int) -> int:
        with httpx.Client(base_url=c.base, timeout=60) as h:
            if i % 2:
                return h.post("/events", data={"title": title}).status_code
            return h.post("/api/events", json={"title": title}).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(new_event, range(8)))
    report.add("same new event title 8x at once", all(s < 500 for s in statuses), f"statuses {statuses}")
    # Deletes, edits, renames and new articles of one event at once: one delete wins, the others are 404s.
    race = c.event()
    body = '{}.\n\n"We will rebuild the pier," said Mayor Ann Lee. Three people died.'
    targets = [c.api_article(race, text=body.format(c.unique("Ref"))).json()["id"] for _ in range(2)]

    def correction(i: int) -> int:
        with httpx.Client(base_url=c.base, timeout=60) as h:
            kind = i % 4
            if kind == 0:
                return h.post(f"/events/{race}/articles/{targets[0]}/delete").status_code
            if kind == 1:
                return h.post(
                    f"/events/{race}/articles/{targets[0]}/edit", data={"title": f"T{i}"}
                ).status_code
            if kind == 2:
                return h.post(
                    f"/events/{race}/speakers/rename", data={"old": "Ann Lee", "new": f"Ann Lee {i}"}
                ).status_code
            return h.post(
                f"/api/events/{race}/articles", json={"text": body.format(c.unique("New")), "outlet": f"O{i}"}
            ).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(correction, range(16)))
    deletes_won = sum(1 for i, s in enumerate(statuses) if i % 4 == 0 and s == 303)
    report.add(
        "deletes, edits, renames, posts of one event at once",
        all(s < 500 for s in statuses) and deletes_won == 1,
        f"statuses {statuses}, {deletes_won} delete won",
    )


# ---------------------------------------------------------------- /docs in Chromium


def probe_docs(report: Report, c: Client) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        report.add("/docs in Chromium", False, "playwright not installed")
        return
    shot = Path(tempfile.gettempdir()) / "parallax-attack-docs.png"
    requested: list[str] = []
    failed: list[str] = []
    violations: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.on("request", lambda r: requested.append(r.url))
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on(
            "console",
            lambda m: (
                violations.append(m.text)
                if "Content Security Policy" in m.text or "Refused" in m.text
                else None
            ),
        )
        page.goto(c.base + "/docs")
        try:
            page.locator(".opblock").first.wait_for(timeout=15000)
            operations = page.locator(".opblock").count()
        except Exception:
            operations = 0
        page.screenshot(path=str(shot))
        browser.close()
    own = urlsplit(c.base).netloc
    foreign = [u for u in requested if urlsplit(u).netloc not in (own, "") and not u.startswith("data:")]
    ok = operations > 0 and not foreign and not failed and not violations
    report.add(
        "/docs in Chromium",
        ok,
        f"{operations} operations, {len(foreign)} foreign, {len(failed)} failed, {len(violations)} CSP",
        str(shot),
    )


# ---------------------------------------------------------------- corpus


def probe_corpus(report: Report, database_url: str) -> None:
    if not CORPUS.is_dir():
        report.add("parallax import of the corpus", True, "corpus absent: skipped")
        return
    folders = sorted(p for p in CORPUS.iterdir() if p.is_dir())
    broken = []
    started = time.perf_counter()
    for folder in folders:
        run = run_cli(database_url, "import", str(folder), "--event", folder.name)
        if "Traceback" in run.stderr or not re.search(r"\d+ stored", run.stdout):
            broken.append(folder.name)
    report.add(
        "parallax import of every corpus folder",
        not broken,
        f"{len(folders)} folders, {len(broken)} failed" + (f": {broken[0]}" if broken else ""),
        f"{time.perf_counter() - started:.0f}s",
    )


# ---------------------------------------------------------------- second attack: names, quote marks, cues


def invented_surnames(count: int) -> list[str]:
    """Distinct invented surnames no two of which are one typo apart ("Kalen", "Moren", "Kalmoren", ...)."""
    syllables = ["kal", "mor", "tun", "bes", "dif", "gop", "hux", "ryv"]
    names = []
    for k in range(count):
        word, n = "", k
        while True:
            word += syllables[n % len(syllables)]
            n //= len(syllables)
            if n == 0:
                break
        names.append((word + "en").capitalize())
    return names


def joined(make_unit: Callable[[int], str]) -> Callable[[int], str]:
    """Units made from a counter (each one different) up to n characters."""

    def make(n: int) -> str:
        parts, size, k = [], 0, 0
        while size < n:
            parts.append(make_unit(k))
            size += len(parts[-1])
            k += 1
        return "".join(parts)

    return make


_SURNAMES = invented_surnames(30_000)
# A paragraph of filler between units keeps a shape's figures and quotes under the article's limits, so the
# large text is extracted, not refused after the count.
_FILL = "the council met again and the talks went on late into the night, "
NAME_SHAPES: dict[str, Callable[[int], str]] = {
    # Quote marks of every kind, the NYT's doubled apostrophes and backticks.
    "quotes ''": run_of("''"),
    "quotes '' spaced": run_of("'' "),
    "quotes ``a''": run_of("``a'' "),
    "quotes ''a'' said": run_of("''We will,'' said Ann Lee. " + _FILL),
    "quotes every mark": run_of("\"“”'‘’«»„‚‹›`´「」『』"),
    "quotes open, never closed": run_of("“a "),
    "quotes « open": run_of("« a "),
    "quotes nested single in double": run_of("\"a 'b' c\" " + _FILL),
    "quotes dash-interrupted": run_of('"We go" - said Lee - "now" ' + _FILL),
    # Speakers and cues.
    "cues 'said '": run_of("said "),
    "cues 'he said, '": run_of("he said, "),
    "cues 'said Ann Lee, '": run_of("said Ann Lee, "),
    "cues 'according to Ann Lee, '": run_of("according to Ann Lee, "),
    "cues distinct speakers": joined(lambda k: f'"We go," said {_SURNAMES[k % 30000]} Roe. ' + _FILL),
    "names distinct capitalised words": joined(lambda k: _SURNAMES[k % 30000] + " "),
    "names 'Mr. X met Mr. X.'": joined(
        lambda k: f"Mr. {_SURNAMES[k % 30000]} met Mr. {_SURNAMES[k % 30000]}. "
    ),
    "names joint bodies 'X Airlines and'": lambda n: '"We fly," said ' + run_of("Vale Airlines and ")(n),
    "names joint people 'A B and'": lambda n: (
        '"We go," said ' + joined(lambda k: f"{_SURNAMES[k % 30000]} Roe and ")(n) + "Ann Lee."
    ),
    "possessives 'Ann's '": run_of("Ann's "),
    "possessives distinct": joined(lambda k: _SURNAMES[k % 30000] + "'s "),
    "possessives stacked, pronoun quote": run_of("Ann's " * 50 + 'plan stood. "We will go," he said. '),
    # Figures: numbers with units, dates, ranges, frames (filler keeps them under the figure limit).
    "figures units": run_of("5 km, 12 mph and 40 kg, " + _FILL),
    "figures dates": run_of("March 3, 2024, " + _FILL),
    "figures ranges": run_of("5-10 people, between 3 and 4 people, " + _FILL),
    "figures frames": run_of("killed 5 people and injured 3 of the 40 people, up from 5% to 10%, " + _FILL),
    "figures ordinals and laps": run_of("48th on lap 48, aged 35, " + _FILL),
    # A 50k paragraph with no full stop; page furniture; transcripts.
    "no full stop, words": run_of("the talks went on and "),
    "no full stop, capitals and numbers": joined(lambda k: f"{_SURNAMES[k % 30000]} {k % 997} and "),
    "furniture lines": run_of("Advertisement\nShare this article\nRead more: Ann Lee said\nPhoto: Getty\n"),
    "transcript lines": joined(lambda k: f"{_SURNAMES[k % 30000].upper()}: We go.\n"),
    # Unicode.
    "unicode combining on letters": run_of("a\u0301\u0302\u0303 "),
    "unicode RTL overrides in names": run_of("\u202eAnn Lee\u202c said \u2067x\u2069 "),
    "unicode zero-width inside names": run_of('A\u200bnn L\u200dee said "we go now" ' + _FILL),
    "unicode emoji": run_of("😀👍🏽 "),
}
# The shapes that cost most per character, also sent at the article limit (200,000 characters).
AT_THE_LIMIT = [
    "names 'Mr. X met Mr. X.'",
    "possessives stacked, pronoun quote",
    "names joint bodies 'X Airlines and'",
    "names distinct capitalised words",
    "cues distinct speakers",
]


def probe_names(report: Report, c: Client) -> None:
    """Hostile runs of names, quote marks, cues, figures and Unicode through the API at 8k and 64k."""
    slug = c.event()

    def api_text(text: str) -> httpx.Response:
        return c.api_article(slug, text=c.unique("Probe") + ".\n\n" + text)

    for name, make in NAME_SHAPES.items():
        shape_probe(report, f"api text {name}", api_text, make)
    for name in AT_THE_LIMIT:
        text = NAME_SHAPES[name](199_000)[:199_000]
        r, took = timed(lambda text=text: api_text(text))
        report.add(
            f"api text {name} at 199k",
            r is not None and r.status_code < 500 and took <= MAX_SECONDS,
            f"status {status_of(r)}",
            f"{took:.2f}s",
        )


# ---------------------------------------------------------------- URL fetch (SSRF)

PRIVATE_LINKS = [
    "http://127.0.0.1/",
    "http://localhost/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://0.0.0.0/",
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[2002:7f00:1::]/",
    "http://[fd00::1]/",
    "http://10.0.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://user:pass@127.0.0.1/",
    "http://127.0.0.1:22/",
]
NOT_HTTP_LINKS = ["file:///etc/passwd", "gopher://127.0.0.1/", "ftp://127.0.0.1/", "dict://127.0.0.1:11211/"]


class FarSide(threading.Thread):
    """A hostile web server on 127.0.0.1: a page dripped slowly, a gzip bomb, an endless body, a redirect
    loop, a page that is not HTML."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        block = b"a" * (1024 * 1024)
        bomb = packer.compress(b"<p>") + b"".join(packer.compress(block) for _ in range(256)) + packer.flush()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def head(self, status: int = 200, **headers: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", headers.pop("content_type", "text/html"))
                for key, value in headers.items():
                    self.send_header(key.replace("_", "-"), value)
                self.end_headers()

            def do_GET(self) -> None:
                try:
                    if self.path.split("?")[0] == "/drip":
                        self.head()
                        for _ in range(600):
                            self.wfile.write(b"<p>a</p>")
                            self.wfile.flush()
                            time.sleep(0.2)
                    elif self.path == "/bomb":
                        self.head(Content_Encoding="gzip", Content_Length=str(len(bomb)))
                        self.wfile.write(bomb)
                    elif self.path == "/endless":
                        self.head()
                        while True:
                            self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
                    elif self.path.startswith("/loop"):
                        self.head(302, Location="/loop")
                    elif self.path.split("?")[0] == "/pdf":
                        self.head(content_type="application/pdf")
                        self.wfile.write(b"%PDF-1.4")
                    else:
                        self.head(404)
                except OSError:
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def run(self) -> None:
        self.httpd.serve_forever()


def probe_fetch(report: Report, c: Client, database_url: str) -> None:
    """Links to private addresses (every spelling) and non-http schemes are refused with a sentence and store
    nothing; against a second server that may fetch from 127.0.0.1, a slow drip, a gzip bomb, an endless body
    and a redirect loop each end within the fetch's time with a 4xx/502 while GET / stays fast."""
    slug = c.event()
    before = len(c.http.get(f"/api/events/{slug}/articles").json())
    failures = []
    for link in PRIVATE_LINKS + NOT_HTTP_LINKS:
        r = c.http.post(f"/api/events/{slug}/articles", json={"outlet": c.unique("O"), "url": link})
        f = c.form_article(slug, {"links": link})
        if not (400 <= r.status_code < 500 and has_sentence(r)) or f.status_code >= 500:
            failures.append(f"{link} -> {r.status_code}/{f.status_code} {r.text[:60]}")
    stored = len(c.http.get(f"/api/events/{slug}/articles").json()) - before
    report.add(
        "links to private addresses and other schemes refused",
        not failures and stored == 0,
        f"{len(PRIVATE_LINKS) + len(NOT_HTTP_LINKS)} links x2, {len(failures)} not refused, {stored} stored"
        + (f": {failures[0]}" if failures else ""),
    )
    far = FarSide()
    far.start()
    limit = 3.0
    env = {"FETCH_ALLOW_PRIVATE": "1", "FETCH_TIMEOUT_SECONDS": str(limit)}
    with server(database_url, env) as base:
        other = Client(base)
        other_slug = other.event()
        for path, expected in [
            ("/drip", 502),
            ("/bomb", 413),
            ("/endless", 413),
            ("/loop", 502),
            ("/pdf", 415),
        ]:
            done = threading.Event()
            result: list[tuple[httpx.Response | None, float]] = []

            def fetch(path: str = path, done: threading.Event = done, result: list = result) -> None:
                result.append(
                    timed(
                        lambda: other.http.post(
                            f"/api/events/{other_slug}/articles",
                            json={"outlet": other.unique("O"), "url": far.base + path},
                        )
                    )
                )
                done.set()

            worker = threading.Thread(target=fetch)
            worker.start()
            latencies = []
            while not done.is_set():
                latencies.append(timed(lambda: httpx.get(base + "/", timeout=30))[1])
                time.sleep(0.1)
            worker.join()
            r, took = result[0]
            worst = max(latencies, default=0.0)
            ok = (
                r is not None
                and r.status_code == expected
                and took <= limit + 5
                and worst <= MAX_INDEX_SECONDS
            )
            report.add(
                f"fetch {path} from a hostile server",
                ok,
                f"status {status_of(r)} (want {expected}), GET / worst {worst:.2f}s",
                f"{took:.2f}s (limit {limit:g}s)",
            )
        # Twenty links in one add, eight of them to the slow drip: fetched a few at a time, the add takes
        # about two rounds of the fetch's time, not eight of them in turn.
        links = [f"{far.base}/drip?{n}" for n in range(8)]
        links += [f"{far.base}/pdf?{n}" for n in range(12)]
        r, took = timed(lambda: other.form_article(other_slug, {"links": "\n".join(links)}))
        rounds = -(-8 // 4)  # FETCH_CONCURRENCY links at a time
        ok = r is not None and r.status_code == 422 and took <= rounds * limit + 4 and took < 8 * limit
        report.add(
            "twenty links in one add, eight of them slow",
            ok,
            f"status {status_of(r)} (want 422: none is a page), in turn they would take {8 * limit:g}s+",
            f"{took:.2f}s (limit {rounds * limit + 4:g}s)",
        )
    far.httpd.shutdown()


# ---------------------------------------------------------------- corrections with hostile values

HOSTILE_NAMES = [
    "",
    " ",
    "\x00",
    "a" * 300,
    "a" * 301,
    "<script>alert(1)</script>",
    "\"'><svg onload=alert(1)>",
    "\u200b",
    "\u202eeeL nnA",
    "A\u0301" * 100,
    "%",
    "_",
    "'; DROP TABLE speakers;--",
    "{{7*7}}",
    "${7*7}",
]


def unescaped(response: httpx.Response) -> bool:
    """Whether an HTML page carries a hostile value's markup as markup."""
    if "html" not in response.headers.get("content-type", ""):
        return False
    return "<script>alert(1)" in response.text or "<svg onload" in response.text


def probe_corrections(report: Report, c: Client) -> None:
    """Speaker renames, outlet edits, article edits, splits, joins and dismissals with hostile values and ids
    (another event's, 0, 2**63): no 5xx, no change across events, no markup on any page after."""
    slug, other = c.event(), c.event()
    ids = []
    for s in (slug, other):
        for i in range(2):
            body = f'{c.unique("Ref")}.\n\n"We will rebuild the pier now," said Mayor Ann Lee. {i + 3} people died.'
            ids.append((s, c.api_article(s, text=body).json()["id"]))
    mine = [i for s, i in ids if s == slug]
    theirs = [i for s, i in ids if s == other]
    statements = c.http.get(f"/api/events/{slug}/statements").json()
    their_statements = c.http.get(f"/api/events/{other}/statements").json()
    # Figure ids (the members of the ledger's groups), not the groups' own ids.
    their_figures = [m for g in c.http.get(f"/api/events/{other}/figures").json() for m in g["members"]]
    count, failures = 0, []

    def post(path: str, data: dict[str, object], *, want_4xx: bool = False) -> None:
        nonlocal count
        count += 1
        r = c.http.post(path, data=data)
        if r.status_code >= 500 or (want_4xx and not 400 <= r.status_code < 500):
            failures.append(f"POST {path} {str(data)[:50]} -> {r.status_code}")

    for old in ["Ann Lee", "<script>alert(1)</script>", "", "zzz", "\x00", "a\x00b"]:
        for new in HOSTILE_NAMES:
            post(f"/events/{slug}/speakers/rename", {"old": old, "new": new})
    for name in [*HOSTILE_NAMES, "x" * 201]:
        for country, kind in [("", ""), ("<b>x</b>", "news"), ("x" * 101, "<script>"), ("\x00", "x" * 41)]:
            post(f"/events/{slug}/outlets", {"name": name, "country": country, "kind": kind})
    for value in HOSTILE_NAMES:
        post(
            f"/events/{slug}/articles/{mine[0]}/edit",
            {"title": value, "author": value, "url": value, "published_at": value[:60]},
        )
    for statement in [*(s["id"] for s in statements[:1]), *(s["id"] for s in their_statements[:1])]:
        for article, start in [(mine[0], 0), (theirs[0], 0), (mine[0], 10**9), (2**31 - 1, 0)]:
            post(f"/events/{slug}/statements/{statement}/split", {"article_id": article, "start": start})
        for joined_id in [*(s["id"] for s in their_statements[:1]), statement, 2**31 - 1]:
            post(f"/events/{slug}/statements/{statement}/join", {"other": joined_id})
    for impossible in [0, 2**31, 2**63, 2**64]:
        post(f"/events/{slug}/statements/{impossible}/split", {"article_id": 1, "start": 0}, want_4xx=True)
        post(f"/events/{slug}/statements/{impossible}/join", {"other": 1}, want_4xx=True)
        post(f"/events/{slug}/figures/{impossible}/dismiss", {}, want_4xx=True)
        post(f"/events/{slug}/articles/{impossible}/delete", {}, want_4xx=True)
        post(f"/events/{slug}/articles/{impossible}/edit", {"title": "x"}, want_4xx=True)
    for figure in their_figures[:2]:
        post(f"/events/{slug}/figures/{figure['id']}/dismiss", {}, want_4xx=True)
    # Undo: impossible ids, another event's correction, an undo of an undo, the same undo twice.
    c.http.post(f"/events/{other}/articles/{theirs[0]}/edit", data={"title": "Their own fix"})
    their_correction = c.http.get(f"/api/events/{other}/corrections").json()[0]["id"]
    for impossible in [0, 2**31, 2**63, 2**64, their_correction]:
        post(f"/events/{slug}/corrections/{impossible}/undo", {}, want_4xx=True)
        count += 1
        r = c.http.post(f"/api/events/{slug}/corrections/{impossible}/undo")
        if not 400 <= r.status_code < 500 or not has_sentence(r):
            failures.append(f"POST /api/.../corrections/{impossible}/undo -> {r.status_code}")
    mine_done = [e for e in c.http.get(f"/api/events/{slug}/corrections").json() if e["can_undo"]]
    if mine_done:
        undo = c.http.post(f"/api/events/{slug}/corrections/{mine_done[0]['id']}/undo")
        count += 1
        if undo.status_code != 201:
            failures.append(f"undo of correction {mine_done[0]['id']} -> {undo.status_code}")
        else:
            post(f"/events/{slug}/corrections/{mine_done[0]['id']}/undo", {}, want_4xx=True)
            post(f"/events/{slug}/corrections/{undo.json()['id']}/undo", {}, want_4xx=True)
    post(f"/events/{slug}/articles/{theirs[0]}/delete", {}, want_4xx=True)
    post(f"/events/{slug}/articles/{theirs[0]}/edit", {"title": "taken over"}, want_4xx=True)
    still = c.http.get(f"/api/events/{other}/articles/{theirs[0]}")
    if still.status_code != 200 or "taken over" in still.text:
        failures.append(f"another event's article changed: {still.status_code}")
    for path in ["", "/speakers", "/corrections", "/outlets", "/figures", "/speakers.csv", "/statements.csv"]:
        count += 1
        r = c.http.get(f"/events/{slug}{path}")
        if r.status_code >= 500 or unescaped(r):
            failures.append(f"GET /events/{slug}{path} -> {r.status_code}, unescaped {unescaped(r)}")
    report.add_failures(
        "corrections with hostile names and ids", f"{count} requests, {len(failures)} failures", failures
    )


# ---------------------------------------------------------------- every query parameter

HOSTILE_VALUES = [
    "",
    " ",
    "\x00",
    "a" * 10_000,
    "-1",
    "0",
    "9" * 30,
    "1e309",
    "²",
    "١",
    "NaN",
    "<script>alert(1)</script>",
    "\"'><svg onload=alert(1)>",
    "' OR 1=1--",
    "../../etc/passwd",
    "\u202e",
    "{{7*7}}",
]
RAW_QUERIES = ["_page=%FF", "a=%ED%A0%80", "&".join(["a=1"] * 2000), "_page=" + "9" * 5000, "%00=1", "a[]=1"]
PARAMETER_NAMES = [
    "_page",
    "_sort",
    "_show",
    "_status",
    "_statement",
    "speaker",
    "outlet",
    "base",
    "a",
    "b",
    "j",
]


def probe_parameters(report: Report, c: Client) -> None:
    """Every GET page and API route, every known parameter, hostile values: no 5xx, no markup reflected into
    HTML."""
    slug = c.event()
    a = c.api_article(slug, text=f'{c.unique("R")}.\n\n"We will act now," said Ann Lee. Three people died.')
    b = c.api_article(slug, text=f'{c.unique("R")}.\n\n"We will act now," said Ann Lee. Four people died.')
    ida, idb = a.json()["id"], b.json()["id"]
    statements = c.http.get(f"/api/events/{slug}/statements").json()
    sid = statements[0]["id"] if statements else 1
    frozen = c.http.post("/api/comparisons", json={"event": slug, "articles": [ida, idb]}).json()
    paths = [
        "/",
        "/api/events",
        f"/api/events/{slug}",
        f"/api/events/{slug}/articles",
        f"/api/events/{slug}/articles/{ida}",
        f"/api/events/{slug}/corrections",
        f"/api/events/{slug}/quotes",
        f"/api/events/{slug}/statements",
        f"/api/events/{slug}/figures",
        f"/api/comparisons/{frozen['id']}",
        f"/api/events/{slug}/matrix",
        f"/api/events/{slug}/speakers",
        f"/api/events/{slug}/compare",
        f"/api/events/{slug}/fidelity",
        f"/events/{slug}",
        f"/events/{slug}/articles/new",
        f"/events/{slug}/articles/{ida}",
        f"/events/{slug}/articles/{ida}/diff/{idb}",
        f"/events/{slug}/timeline",
        f"/events/{slug}/omissions",
        f"/events/{slug}/compare",
        frozen["url"],
        f"/events/{slug}/statements/{sid}",
        f"/events/{slug}/figures",
        f"/events/{slug}/speakers",
        f"/events/{slug}/statements.csv",
        f"/events/{slug}/figures.csv",
        f"/events/{slug}/speakers.csv",
        f"/events/{slug}/fidelity",
        f"/events/{slug}/fidelity.csv",
        f"/events/{slug}/corrections",
        f"/events/{slug}/outlets",
    ]
    count, failures = 0, []
    for path in paths:
        for name in PARAMETER_NAMES:
            for value in HOSTILE_VALUES:
                count += 1
                r = c.http.get(path, params={name: value})
                if r.status_code >= 500 or unescaped(r):
                    failures.append(
                        f"{path}?{name}={value[:20]!r} -> {r.status_code}, unescaped {unescaped(r)}"
                    )
        for raw in RAW_QUERIES:
            count += 1
            r = c.http.get(path + "?" + raw)
            if r.status_code >= 500:
                failures.append(f"{path}?{raw[:20]} -> {r.status_code}")
    report.add_failures(
        "hostile values in every query parameter of every page",
        f"{count} requests, {len(failures)} failures",
        failures,
    )


# ---------------------------------------------------------------- odd uploads


def probe_uploads(report: Report, c: Client) -> None:
    """Odd files through the upload form: each one is stored or refused with its own line and a sentence
    (nothing lost without a word), no script from a file reaches a page, limits hold."""
    slug = c.event()
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    gz = zlib.compress(b"<p>a</p>" * 100_000)
    zip_head = b"PK\x03\x04" + b"\x00" * 26 + b"a.txt" + b"A" * 1000
    body = "We will rebuild the pier, the mayor said on Monday."
    files = {
        "script.html": f"<html><body><script>alert(1)</script><p onclick=alert(1)>{body}</p>"
        '<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a></body></html>',
        "image.txt": png,
        "bomb.gz": gz,
        "archive.zip": zip_head,
        "archive.txt": zip_head,
        "../../etc/passwd.txt": body + " passwd",
        "<script>alert(1)</script>.txt": body + " name",
        "con.txt": body + " con",
        "bom.txt": "\ufeff" + body + " bom",
        "utf16.txt": (body + " utf16").encode("utf-16"),
        "cp1252.txt": (body + " caf\xe9").encode("cp1252"),
        "svg.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "empty.txt": b"",
        "nul.txt": b"\x00" * 1000,
    }
    failures, count = [], 0
    for name, content in files.items():
        count += 1
        data = content.encode() if isinstance(content, str) else content
        r = c.form_article(slug, {}, [(name, data)])
        lines = re.sub(r"<[^>]+>", " ", r.text)
        if r.status_code >= 500 or not (200 <= r.status_code < 500):
            failures.append(f"{name!r} -> {r.status_code}")
        elif r.status_code >= 400 and len(lines.split()) < 4:
            failures.append(f"{name!r} -> {r.status_code} with no sentence")
        elif "<script>alert(1)" in r.text or "onerror=alert" in r.text:
            failures.append(f"{name!r}: markup in the results")
    # Every file gets its own line in the answer (nothing silently dropped).
    many = [(f"part-{i}.txt", f"{body} Part {i} {c.unique()}.".encode()) for i in range(5)]
    many.insert(2, ("image.txt", png))
    r = c.form_article(slug, {}, many)
    count += 1
    if r.status_code >= 500 or any(name not in r.text for name, _ in many):
        failures.append(f"six files, one binary -> {r.status_code}, not every file named in the answer")
    count += 1
    too_many = [(f"n-{i}.txt", f"{body} {i} {c.unique()}".encode()) for i in range(21)]
    r = c.form_article(slug, {}, too_many)
    if not (400 <= r.status_code < 500):
        failures.append(f"21 files -> {r.status_code}")
    count += 1
    r, took = timed(lambda: c.form_article(slug, {}, [("huge.txt", b"a " * (3 * 1024 * 1024))]))
    if r is None or r.status_code != 413:
        failures.append(f"6 MB file -> {status_of(r)} in {took:.1f}s")
    for page in [
        f"/events/{slug}",
        *(f"/events/{slug}/articles/{a['id']}" for a in c.http.get(f"/api/events/{slug}/articles").json()),
    ]:
        count += 1
        r = c.http.get(page)
        if r.status_code >= 500 or unescaped(r) or "onerror=alert" in r.text or 'href="javascript:' in r.text:
            failures.append(f"GET {page} -> {r.status_code}, markup from a file")
    report.add_failures(
        "odd uploads: scripts, binaries, archives, names, limits",
        f"{count} requests, {len(failures)} failures",
        failures,
    )


# ---------------------------------------------------------------- a big event


def probe_big_event(report: Report, c: Client, *, quick: bool) -> None:
    """An event of many articles sharing statements and figures: every page and export at 1/4 and at the full
    size (cost ratio for 4x the articles at most 16x), each under 20 s, GET / fast while they render."""
    slug = c.event()
    total = 40 if quick else 120
    people = _SURNAMES[:30]
    pages = [
        f"/events/{slug}",
        f"/events/{slug}/figures",
        f"/events/{slug}/speakers",
        f"/events/{slug}/timeline",
        f"/events/{slug}/omissions",
        f"/events/{slug}/statements.csv",
        f"/events/{slug}/figures.csv",
        f"/events/{slug}/speakers.csv",
        f"/api/events/{slug}/statements",
        f"/api/events/{slug}/figures",
        f"/api/events/{slug}/quotes",
        f"/api/events/{slug}/matrix",
        f"/api/events/{slug}/speakers",
    ]

    def article(i: int) -> str:
        lines = [f"{c.unique('Report')} on the storm, part {i}."]
        for k in range(12):
            who = people[(i + k) % len(people)]
            lines.append(
                f'"We will rebuild the pier within {k + 2} months," said Mayor {who} Roe. '
                f"The storm killed {k + 3 + i % 3} people and cost ${k + 5}m, officials said."
            )
        return "\n\n".join(lines)

    def page_times() -> dict[str, float]:
        times = {}
        for page in pages:
            r, took = timed(lambda page=page: c.http.get(page))
            times[page] = took if r is not None and r.status_code < 500 else float("inf")
        return times

    posted = 0
    for i in range(total // 4):
        posted += c.api_article(slug, text=article(i)).status_code == 201
    small = page_times()
    for i in range(total // 4, total):
        posted += c.api_article(slug, text=article(i)).status_code == 201
    large = page_times()
    for page in pages:
        ratio = max(large[page], FLOOR_SECONDS) / max(small[page], FLOOR_SECONDS)
        for _ in range(2):
            if ratio <= MAX_RATIO:
                break
            # A busy neighbour on the shared machine slows one request: measure again, keep the best time.
            r, took = timed(lambda page=page: c.http.get(page))
            large[page] = min(large[page], took if r is not None and r.status_code < 500 else float("inf"))
            ratio = max(large[page], FLOOR_SECONDS) / max(small[page], FLOOR_SECONDS)
        report.add(
            f"big event {page.replace(slug, '{slug}')}",
            ratio <= MAX_RATIO and large[page] <= MAX_SECONDS,
            f"{posted} articles, ratio {ratio:.1f} for 4x",
            f"{total // 4}: {small[page]:.2f}s {total}: {large[page]:.2f}s",
        )


# ---------------------------------------------------------------- third attack: new input classes

UNICODE_SHAPES: dict[str, Callable[[int], str]] = {
    "NFKC expander U+FDFA": run_of("\ufdfa "),
    "stacked marks on every letter": run_of("a" + "\u0301\u0308\u0323" * 5 + " "),
    "bidi isolates and overrides": run_of('\u2067\u202e"a b" \u2069 said \u2066Ann Lee\u2069. '),
    "emoji ZWJ families": run_of("\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 "),
    "dotted capital I (lowers to two)": run_of("\u0130"),
    "sharp s (uppers to two)": run_of("\u00df "),
    "Hangul fillers": run_of("\u3164\u115f "),
    "fullwidth figures": run_of("\uff11\uff12\uff13 "),
    "Arabic-Indic figures": run_of("\u0663\u0664\u0665 "),
    "vulgar fractions": run_of("\u00bd "),
    "superscript powers": run_of("10\u00b2 "),
    "ligatures": run_of("\ufb03 "),
    "variation selectors": run_of("a\ufe0f\U000e0100"),
    "tag characters": run_of("\U000e0041\U000e0042"),
    "private use": run_of("\ue000"),
    "line and paragraph separators": run_of("a\u2028b\u2029"),
    "mixed-script quote marks": run_of("\u00ab\u041c\u044b\u201e\u03c2\u201a\u00bb "),
}
MARK_AND_FIGURE_SHAPES: dict[str, Callable[[int], str]] = {
    "nested quote marks": lambda n: "Start " + "«“‘„" * (n // 8) + "a" + "’”»“" * (n // 8) + " end.",
    "a quote per word": run_of('"a" '),
    "unclosed quotes, each said": run_of("“a, said Ann Lee. "),
    "quotes with sentences": run_of('"We will," said Ann Lee. '),
    "figures with units": run_of("3 million people, 5% of £25bn, "),
    "number words": run_of("three hundred and forty-two thousand "),
    "dates of other events": run_of("on 3 March 2026, "),
    "ordinals and ranges": run_of("the 3rd-5th of 10-20 "),
    "figures with sentences": run_of("The storm killed 12 people. "),
}


def probe_unicode_and_marks(report: Report, c: Client, *, quick: bool) -> None:
    """Pathological Unicode (NFKC expanders, stacked marks, bidi controls, case changes that change
    length, non-ASCII digits) and articles packed with quote marks or figures, through the API at 8k and 64k
    (no 5xx, cost ratio at most 16x, under 20 s), and the Unicode ones also as an outlet name and a title."""
    slug = c.event()
    shapes = {**UNICODE_SHAPES, **MARK_AND_FIGURE_SHAPES}
    if quick:
        shapes = {k: shapes[k] for k in list(UNICODE_SHAPES)[:6] + list(MARK_AND_FIGURE_SHAPES)[:5]}
    for name, make in shapes.items():

        def api_text(text: str) -> httpx.Response:
            return c.api_article(slug, text=c.unique("Probe") + ". " + text)

        shape_probe(report, f"api text {name}", api_text, make)
    failures = []
    for name, make in UNICODE_SHAPES.items():
        value = make(40)
        body = f'{c.unique("Ref")}.\n\n"We will act now," said Ann Lee.'
        for fields in ({"outlet": value}, {"outlet": c.unique(), "title": value}, {"outlet": value + "x"}):
            r = c.api_article(slug, text=body + " " + c.unique(), **fields)
            if r.status_code >= 500:
                failures.append(f"{name} as {list(fields)} -> {r.status_code}")
    for page in ("", "/speakers", "/figures", "/outlets", "/statements.csv", "/speakers.csv"):
        r = c.http.get(f"/events/{slug}{page}")
        if r.status_code >= 500:
            failures.append(f"GET /events/{{slug}}{page} -> {r.status_code}")
    report.add_failures(
        "pathological Unicode as outlet and title, every page", f"{len(failures)} failures", failures
    )


NESTED_HTML: dict[str, Callable[[int], str]] = {
    "<div> nesting": lambda n: "<div>" * (n // 5) + "<p>a.</p>",
    "<table><tr><td> nesting": lambda n: "<table><tr><td>" * (n // 15) + "a.",
    "<ul><li> nesting": lambda n: "<ul><li>" * (n // 8) + "a.",
    "<svg><g> nesting": lambda n: "<svg>" + "<g>" * (n // 3) + "</svg><p>a.</p>",
    "<blockquote><p> nesting with quotes": lambda n: '<blockquote><p>"a' * (n // 17) + '," said Ann Lee.',
    "<q> nesting": lambda n: "<p>" + "<q>" * (n // 3) + "a",
    "unclosed <script>": lambda n: "<p>a.</p><script>" + "<p>b</p>" * (n // 8),
    "unclosed <style>": lambda n: "<p>a.</p><style>" + "p{}" * (n // 3),
    "<template> nesting": lambda n: "<template>" * (n // 10) + "a.",
    "<br> run": lambda n: "<p>a" + "<br>" * (n // 4) + "b.</p>",
    "entity run": lambda n: "<p>" + "&amp;&#x201C;&quot;" * (n // 18) + "</p>",
    "out-of-range entities": lambda n: "<p>" + "&#99999999;&#x110000;&#0;" * (n // 25) + "</p>",
    "attributes on one tag": lambda n: "<p " + "".join(f"a{i}=1 " for i in range(n // 8)) + ">a.</p>",
    "unclosed comment, then tags": lambda n: "<p>a.</p><!--" + "<p>b</p>" * (n // 8),
}


def probe_nested_html(report: Report, c: Client, *, quick: bool) -> None:
    """Deeply nested and malformed HTML, as API html at 8k and 64k and as an uploaded .html file just under
    the HTML limit: no 5xx, no stall (the parser and the cleaner must not recurse per level, and one tag's
    distinct attributes must not cost their square)."""
    slug = c.event()
    shapes = dict(list(NESTED_HTML.items())[:6]) if quick else NESTED_HTML
    for name, make in shapes.items():

        def api_html(text: str, make: Callable[[int], str] = make) -> httpx.Response:
            return c.api_article(slug, html=f"<p>{c.unique('Probe')}.</p>" + text)

        shape_probe(report, f"api html {name}", api_html, make)
    for name, make in shapes.items():
        # Just under the HTML limit (five times the article's 200,000 characters).
        page = (f"<html><body><p>{c.unique('Probe')}.</p>" + make(1_000_000))[:990_000]
        r, took = timed(
            lambda page=page: c.form_article(slug, {}, [(c.unique("f") + ".html", page.encode())])
        )
        ok = r is not None and r.status_code < 500 and took <= MAX_SECONDS
        report.add(f"form file 1 MB html {name}", ok, f"status {status_of(r)}", f"{took:.2f}s")


def probe_tiny_articles(report: Report, c: Client, *, quick: bool) -> None:
    """Many tiny articles in one event: the last posts cost about what the first did (ratio at most 3 over
    the run), and every page of the event answers in time at the end."""
    slug = c.event()
    total = 120 if quick else 400
    times: list[float] = []
    statuses: set[int] = set()
    for i in range(total):
        body = f'{c.unique("Tiny")}.\n\n"We act," said Ann Lee {i % 7}. {i % 5 + 2} died.'
        r, took = timed(lambda body=body: c.api_article(slug, text=body))
        statuses.add(r.status_code if r is not None else 0)
        times.append(took)
    first, last = statistics.median(times[:30]), statistics.median(times[-30:])
    ratio = max(last, FLOOR_SECONDS) / max(first, FLOOR_SECONDS)
    report.add(
        f"{total} tiny articles in one event",
        ratio <= 3 and not any(s >= 500 or s == 0 for s in statuses),
        f"statuses {sorted(statuses)}, post ratio {ratio:.1f} last/first 30",
        f"first {first:.3f}s last {last:.3f}s",
    )
    for page in ("", "/figures", "/speakers", "/timeline", "/omissions", "/statements.csv", "/outlets"):
        r, took = timed(lambda page=page: c.http.get(f"/events/{slug}{page}"))
        report.add(
            f"{total} tiny articles: /events/{{slug}}{page}",
            r is not None and r.status_code < 500 and took <= 5,
            f"status {status_of(r)}",
            f"{took:.2f}s",
        )


def probe_concurrent_corrections(report: Report, c: Client) -> None:
    """The same corrections at once from eight clients (renames of one speaker, splits and joins of one
    statement, dismissals of one figure, edits and deletes of one article, edits of one outlet): no 5xx, and
    the event is left in one of the states the requests asked for."""
    slug = c.event()
    ids, outlets = [], []
    for i in range(3):
        body = (
            f'{c.unique("Ref")}.\n\n"We will rebuild the pier now," said Mayor Ann Lee. {i + 3} people died.'
            '\n\n"The harbour stays shut until spring," said Tom Roe, the harbour master.'
        )
        outlets.append(c.unique("Outlet"))
        ids.append(c.api_article(slug, text=body, outlet=outlets[-1]).json()["id"])
    statements = c.http.get(f"/api/events/{slug}/statements").json()
    figures = [m for g in c.http.get(f"/api/events/{slug}/figures").json() for m in g["members"]]
    sid = statements[0]["id"] if statements else 1
    other = statements[1]["id"] if len(statements) > 1 else sid + 1
    members = statements[0]["members"] if statements else []
    splits: list[dict[str, object]] = [{"article_id": m["article_id"], "start": m["start"]} for m in members]
    splits = splits or [{"article_id": ids[0], "start": 0}]
    fid = figures[0]["id"] if figures else 1
    names = [f"Ann Lee {chr(65 + i)}" for i in range(8)]
    rounds: dict[str, list[tuple[str, dict[str, object]]]] = {
        "rename one speaker": [
            (f"/events/{slug}/speakers/rename", {"old": "Ann Lee", "new": n}) for n in names
        ],
        "split one statement": [
            (f"/events/{slug}/statements/{sid}/split", splits[i % len(splits)]) for i in range(8)
        ],
        "join one statement": [(f"/events/{slug}/statements/{sid}/join", {"other": other}) for _ in range(8)],
        "dismiss one figure": [(f"/events/{slug}/figures/{fid}/dismiss", {}) for _ in range(8)],
        "edit and delete one article": [
            (f"/events/{slug}/articles/{ids[0]}/edit", {"title": f"Edited {i}"}) for i in range(4)
        ]
        + [(f"/events/{slug}/articles/{ids[0]}/delete", {}) for _ in range(4)],
        "edit one outlet": [
            (f"/events/{slug}/outlets", {"name": outlets[1], "country": f"Land {i}", "kind": ""})
            for i in range(8)
        ],
    }
    for name, requests in rounds.items():
        barrier = threading.Barrier(len(requests))

        def send(item: tuple[str, dict[str, object]], barrier: threading.Barrier = barrier) -> int:
            with httpx.Client(base_url=c.base, timeout=60) as own:
                barrier.wait(timeout=30)
                try:
                    return own.post(item[0], data=item[1]).status_code
                except httpx.HTTPError:
                    return 0

        with ThreadPoolExecutor(max_workers=len(requests)) as pool:
            statuses = list(pool.map(send, requests))
        pages = [c.http.get(f"/events/{slug}{p}").status_code for p in ("", "/speakers", "/corrections")]
        report.add(
            f"8 at once: {name}",
            all(0 < s < 500 for s in statuses + pages),
            f"statuses {sorted(set(statuses))}, pages after {sorted(set(pages))}",
        )
    speakers = {q.get("speaker") for q in c.http.get(f"/api/events/{slug}/quotes").json()}
    report.add(
        "8 at once: one rename won",
        len(speakers & set(names)) <= 1 and "Ann Lee" not in speakers - {None},
        f"speakers after {sorted(str(s) for s in speakers)[:4]}",
    )


def probe_slow_bodies(report: Report, c: Client) -> None:
    """Slow-loris: forty connections that send their headers (or a body) a byte at a time; `GET /` keeps
    answering within 1.5 s meanwhile, and the server still serves after."""
    host, port = urlsplit(c.base).hostname or "127.0.0.1", urlsplit(c.base).port or 80
    slug = c.event()
    sockets: list[socket.socket] = []
    stop = threading.Event()
    for i in range(40):
        sock = socket.create_connection((host, port), timeout=5)
        if i % 2:
            head = f"POST /api/events/{slug}/articles HTTP/1.1\r\nHost: {host}\r\n"
            head += "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
        else:
            head = f"POST /events/{slug}/articles HTTP/1.1\r\nHost: {host}\r\n"  # headers never end
        sock.sendall(head.encode())
        sockets.append(sock)

    def drip() -> None:
        while not stop.is_set():
            for sock in sockets:
                with suppress(OSError):
                    sock.send(b"x")
            stop.wait(0.3)

    dripper = threading.Thread(target=drip, daemon=True)
    dripper.start()
    latencies = []
    try:
        with httpx.Client(base_url=c.base, timeout=30) as other:
            for _ in range(20):
                latencies.append(timed(lambda: other.get("/"))[1])
                time.sleep(0.25)
    finally:
        stop.set()
        dripper.join(timeout=5)
        for sock in sockets:
            sock.close()
    after = timed(lambda: c.http.get("/"))[0]
    worst = max(latencies)
    report.add(
        "GET / during 40 slow-loris connections",
        worst <= MAX_INDEX_SECONDS and after is not None and after.status_code == 200,
        f"{len(latencies)} GETs, worst {worst:.2f}s, after {status_of(after)}",
    )


def _held_for(host: str, port: int, head: bytes, byte: bytes, limit: float) -> tuple[float, bytes]:
    """Send `head`, then one `byte` a second, as a slow-loris client does: how long the server kept the
    connection open (up to `limit`), and what it answered."""
    with socket.create_connection((host, port), timeout=5) as sock:
        sock.settimeout(1.0)
        sock.sendall(head)
        began = time.monotonic()
        answer = b""
        while time.monotonic() - began < limit:
            try:
                sock.sendall(byte)
                chunk = sock.recv(4096)
            except TimeoutError:
                continue
            except OSError:
                break
            if not chunk:
                break
            answer += chunk
        return time.monotonic() - began, answer


def probe_slow_clients_cut_off(report: Report, c: Client) -> None:
    """Slow-loris, waited out: clients that send their headers one byte a second (or nothing at all) are
    answered 408 and closed once the header deadline is up, clients that send a body one byte a second are
    cut off at the body deadline, and `GET /` answers promptly all along."""
    host, port = urlsplit(c.base).hostname or "127.0.0.1", urlsplit(c.base).port or 80
    slug = c.event()
    limit = BODY_SECONDS + 10
    heads = [(b"GET / HTTP/1.1\r\nHost: " + host.encode() + b"\r\nX-Slow: ", b"a", "headers")] * 6
    heads += [(b"", b"", "nothing")] * 2
    body = f"POST /api/events/{slug}/articles HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
    body += "Content-Length: 100000\r\n\r\n{"
    heads += [(body.encode(), b" ", "body")] * 4
    with ThreadPoolExecutor(max_workers=len(heads)) as pool:
        held = [pool.submit(_held_for, host, port, head, byte, limit) for head, byte, _ in heads]
        latencies = []
        with httpx.Client(base_url=c.base, timeout=30) as other:
            while not all(f.done() for f in held):
                latencies.append(timed(lambda: other.get("/"))[1])
                time.sleep(0.5)
        results = [f.result() for f in held]
    failures = []
    for (_, _, kind), (seconds, answer) in zip(heads, results, strict=True):
        deadline = HEADER_SECONDS if kind != "body" else BODY_SECONDS
        if seconds > deadline + 3:
            failures.append(
                f"a client sending {kind} slowly was held {seconds:.1f}s (deadline {deadline:g}s)"
            )
        elif kind != "body" and not answer.startswith(b"HTTP/1.1 408 "):
            failures.append(f"a client sending {kind} slowly got {answer[:30]!r}, not a 408")
    worst = max(latencies, default=0.0)
    if worst > MAX_INDEX_SECONDS:
        failures.append(f"GET / took {worst:.2f}s meanwhile")
    after = timed(lambda: c.http.get("/"))[0]
    if after is None or after.status_code != 200:
        failures.append(f"GET / after: {status_of(after)}")
    timing = ", ".join(
        f"{kind} {max(s for (_, _, k), (s, _) in zip(heads, results, strict=True) if k == kind):.1f}s"
        for kind in ("headers", "nothing", "body")
    )
    report.add(
        "slow-loris clients cut off at the request deadlines",
        not failures,
        f"{len(heads)} clients, {len(failures)} held too long, GET / worst {worst:.2f}s"
        + (f": {failures[0]}" if failures else ""),
        timing,
    )


def raw_get(base: str, target: str, timeout: float = 10.0) -> tuple[int | None, str]:
    """GET ``target`` over a plain socket (httpx refuses URLs over 64 KB): the status (None when the server
    closed the connection without one) and the start of the answer."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=timeout) as sock:
        request = f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nConnection: close\r\n\r\n"
        try:
            sock.sendall(request.encode("latin-1"))
            answer = b""
            while len(answer) < 200_000:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except OSError:
            return None, ""
    match = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return (int(match.group(1)) if match else None), answer.decode("utf-8", "replace")


def probe_giant_queries(report: Report, c: Client) -> None:
    """Query strings of 8 KB to 1 MB, thousands of repeated parameters, on pages, API routes and CSVs: an
    answer below 500 (or a closed connection for a request line over the server's limit), each fast."""
    slug = c.event()
    c.api_article(slug, text=f'{c.unique("R")}.\n\n"We will act now," said Ann Lee. Three people died.')
    paths = [
        "/",
        f"/events/{slug}",
        f"/events/{slug}/figures",
        f"/api/events/{slug}/matrix",
        f"/events/{slug}/statements.csv",
    ]
    queries = {
        "8 KB value": "speaker=" + "a" * 8_000,
        "60 KB value": "outlet=" + "%41" * 20_000,
        "1 MB value": "a=" + "b" * 1_000_000,
        "5,000 repeated speaker": "&".join(["speaker=Ann"] * 5_000),
        "5,000 distinct names": "&".join(f"p{i}=1" for i in range(5_000)),
        "deep percent-encoding": "speaker=" + "%25" * 5_000 + "41",
        "invalid UTF-8": "speaker=" + "%C0%AF%ED%A0%80%FF" * 500,
        "markup": "speaker=%3Cscript%3Ealert(1)%3C/script%3E&outlet=%22%3E%3Csvg%20onload=alert(1)%3E",
    }
    failures, worst, closed = [], 0.0, 0
    for path in paths:
        for name, query in queries.items():
            started = time.perf_counter()
            status, answer = raw_get(c.base, path + "?" + query)
            took = time.perf_counter() - started
            worst = max(worst, took)
            closed += status is None
            if (status is not None and status >= 500) or took > 5:
                failures.append(f"{path} {name} -> {status} in {took:.2f}s")
            elif "content-type: text/html" in answer[:4000].lower() and (
                "<script>alert(1)" in answer or "<svg onload" in answer
            ):
                # JSON may echo a value back (application/json, nosniff): markup only matters in a page.
                failures.append(f"{path} {name} reflected markup")
    report.add_failures(
        "giant query strings on pages, API and CSV",
        f"{len(paths) * len(queries)} requests, {closed} closed unanswered, worst {worst:.2f}s",
        failures,
    )


FORMULAS = [
    # After a semicolon: a spreadsheet in a locale whose list separator is ";" splits the cell there.
    "x;=cmd|' /C calc'!A0;y",
    '=HYPERLINK("http://evil.example","x")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    " =1+1",
]


def probe_csv_injection(report: Report, c: Client) -> None:
    """Spreadsheet formulas in every field a CSV export prints (outlet, title, quote text, speaker, outlet
    rename): no cell of any CSV starts with = + - @ tab or CR once the formula text is in it."""
    slug = c.event()
    for i, formula in enumerate(FORMULAS):
        body = f'{formula} {c.unique("headline")}\n\n"{formula} is what we will pay," said Ann Lee. {i + 3} people died.'
        c.api_article(slug, text=body, outlet=formula + f" {i}", title=formula)
        c.http.post(f"/events/{slug}/outlets", data={"name": formula, "country": formula, "kind": ""})
    failures = []
    for path in ("statements.csv", "figures.csv", "speakers.csv", "fidelity.csv"):
        r = c.http.get(f"/events/{slug}/{path}")
        if r.status_code >= 500:
            failures.append(f"{path} -> {r.status_code}")
            continue
        for row in csv.reader(io.StringIO(r.text)):
            for cell in row:
                marked = any(word in cell for word in ("HYPERLINK", "cmd", "SUM(", "1+1", "-2+3"))
                if marked and cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    failures.append(f"{path}: formula cell {cell[:40]!r}")
                elif marked and re.search(r";\s*[=+@-]", cell):
                    # A semicolon-separated locale splits the cell there: its second part is a formula.
                    failures.append(f"{path}: formula after a separator {cell[:40]!r}")
    report.add_failures("CSV exports with formulas in every field", f"{len(failures)} failures", failures)


HTMX_HEADERS = [
    {"HX-Request": "true"},
    {"HX-Request": "true", "HX-Target": "matrix-more"},
    {"HX-Request": "true", "HX-Boosted": "true"},
    {"HX-Request": "true", "HX-History-Restore-Request": "true"},
    {"HX-Request": "true", "HX-Target": "<script>alert(1)</script>", "HX-Current-URL": "javascript:alert(1)"},
]


def probe_htmx_headers(report: Report, c: Client) -> None:
    """HTMX's request headers on API routes (answers and errors stay JSON), and hostile HX-Target /
    HX-Current-URL values on pages (never reflected as markup, never a 5xx)."""
    slug = c.event()
    a = c.api_article(slug, text=f'{c.unique("R")}.\n\n"We will act now," said Ann Lee. Three people died.')
    aid = a.json()["id"]
    api = [
        "/api/events",
        f"/api/events/{slug}",
        f"/api/events/{slug}/articles/{aid}",
        f"/api/events/{slug}/matrix",
        f"/api/events/{slug}/matrix?page=x",
        f"/api/events/{slug}/articles/999999",
        "/api/events/no-such-event",
        "/api/no-such-route",
    ]
    pages = [
        f"/events/{slug}",
        f"/events/{slug}/figures",
        f"/events/{slug}/speakers",
        "/events/no-such-event",
    ]
    failures, count = [], 0
    for headers in HTMX_HEADERS:
        for path in api:
            count += 1
            r = c.http.get(path, headers=headers)
            if r.status_code >= 500 or not r.headers.get("content-type", "").startswith("application/json"):
                failures.append(
                    f"GET {path} {list(headers)} -> {r.status_code} {r.headers.get('content-type')}"
                )
        for body in ('{"title": ', '{"title": "' + "x" * 400 + '"}'):
            count += 1
            r = c.http.post(
                "/api/events", content=body, headers={**headers, "Content-Type": "application/json"}
            )
            if r.status_code >= 500 or not r.headers.get("content-type", "").startswith("application/json"):
                failures.append(f"POST /api/events {list(headers)} -> {r.status_code}")
        for path in pages:
            count += 1
            r = c.http.get(path, headers=headers)
            if r.status_code >= 500 or unescaped(r) or "javascript:alert" in r.text:
                failures.append(f"GET {path} {list(headers)} -> {r.status_code}, unescaped {unescaped(r)}")
    report.add_failures(
        "HTMX headers on API routes and pages", f"{count} requests, {len(failures)} failures", failures
    )


# ---------------------------------------------------------------- main

PROBES: dict[str, Callable[..., None]] = {
    "origin": probe_origin_host,
    "digits": probe_unicode_digits,
    "dates": probe_dates,
    "links": probe_links,
    "fields": probe_fields,
    "outlets": probe_concurrent_outlets,
    "latency": probe_index_latency,
    "shapes": probe_shapes,
    "names": probe_names,
    "corrections": probe_corrections,
    "parameters": probe_parameters,
    "uploads": probe_uploads,
    "bigevent": probe_big_event,
    "fetch": probe_fetch,
    "docs": probe_docs,
    "unicode": probe_unicode_and_marks,
    "nesting": probe_nested_html,
    "tiny": probe_tiny_articles,
    "concurrent": probe_concurrent_corrections,
    "slowloris": probe_slow_bodies,
    "slowclients": probe_slow_clients_cut_off,
    "queries": probe_giant_queries,
    "csv": probe_csv_injection,
    "htmx": probe_htmx_headers,
}
# The probes whose size depends on --quick.
SIZED = ("shapes", "bigevent", "unicode", "nesting", "tiny")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgres", help="a PostgreSQL URL to attack instead of a scratch SQLite file (emptied!)"
    )
    parser.add_argument("--quick", action="store_true", help="fewer hostile shapes through the API")
    parser.add_argument("--corpus", action="store_true", help="also `parallax import` every corpus folder")
    parser.add_argument("--only", nargs="*", default=[], help=f"probe groups: {', '.join(PROBES)}, cli")
    args = parser.parse_args(argv)
    if args.postgres:
        reset_postgres(args.postgres)
        database_url = args.postgres
    else:
        database_url = f"sqlite:///{tempfile.mkdtemp(prefix='parallax-attack-')}/attack.db"
    report = Report()
    wanted = set(args.only)
    started = time.perf_counter()
    with server(database_url) as base:
        c = Client(base)
        for name, probe in PROBES.items():
            if wanted and name not in wanted:
                continue
            try:
                if name in SIZED:
                    probe(report, c, quick=args.quick)
                elif name == "fetch":
                    probe(report, c, database_url)
                else:
                    probe(report, c)
            except Exception as exc:
                report.add(f"{name} probe", False, f"probe broke: {type(exc).__name__}: {exc}"[:120])
        if not wanted or "cli" in wanted:
            try:
                probe_cli(report, c, database_url)
            except Exception as exc:
                report.add("cli probe", False, f"probe broke: {type(exc).__name__}: {exc}"[:120])
    if args.corpus:
        probe_corpus(report, database_url)
    failures = report.failures()
    print(f"\n{len(report.rows)} probes, {len(failures)} fail, {time.perf_counter() - started:.0f}s")
    print("\n| probe | result | timings |\n| --- | --- | --- |")
    for row in report.rows:
        print(f"| {'ok' if row.ok else 'FAIL'} {row.probe} | {row.result} | {row.timing} |")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
