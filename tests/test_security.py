"""Hostile input: scripts never survive ingest, user text is always escaped, forms refuse other origins,
and every response carries the security headers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from fastapi.testclient import TestClient

HOSTILE_TITLE = "<script>alert('event')</script> Bridge"
HOSTILE_OUTLET = '<img src=x onerror="alert(1)">Evil Times'
HOSTILE_HTML = """<html><head><title>Harbour <b>news</b></title><style>body{display:none}</style>
<script>alert('head')</script></head><body>
<iframe src="https://evil.example/"></iframe>
<article><h1>Harbour news</h1>
<p onmouseover="alert('p')">"We will rebuild the bridge before winter," said Mayor Lena Ortiz. <a href="javascript:alert(2)">link</a></p>
<p>Officials said at least 41 people were killed &lt;script&gt;alert('escaped')&lt;/script&gt; in the collapse.</p>
<script>alert('body')</script></article></body></html>"""
HOSTILE_TEXT = (
    "\"<script>alert('quote')</script> We will rebuild the bridge before winter,\" said Mayor Lena Ortiz.\n\n"
    "At least 47 people were killed, the ministry said. <img src=x onerror=alert(3)>"
)


class LiveMarkupFinder(HTMLParser):
    """Collects every element or attribute that would run or load something not from the app itself."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script" and not (values.get("src") or "").startswith("/static/"):
            self.problems.append(f"<script {values}>")
        if tag in ("iframe", "object", "embed", "img", "style"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"{tag} {name}={value}")


def live_markup(html: str) -> list[str]:
    finder = LiveMarkupFinder()
    finder.feed(html)
    return finder.problems


def crawl(client: TestClient, start: str, limit: int = 40) -> dict[str, str]:
    """Fetch `start` and the app's pages it links to (one hop and a second), skipping static and API."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code < 500, url
        if not response.headers.get("content-type", "").startswith("text/html"):
            continue  # CSV downloads hold the text as data, not markup
        seen[url] = response.text
        for href in re.findall(r'href="([^"]+)"', response.text):
            href = href.replace("&amp;", "&")
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.netloc and parts.netloc != "testserver":
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path.startswith(("/static/", "/api/", "/docs", "/openapi")) or path in seen:
                continue
            queue.append(path)
    return seen


def test_hostile_article_is_never_rendered_unescaped(client: TestClient) -> None:
    event = client.post("/api/events", json={"title": HOSTILE_TITLE}).json()
    slug = event["slug"]
    html_article = client.post(
        f"/api/events/{slug}/articles", json={"outlet": HOSTILE_OUTLET, "html": HOSTILE_HTML}
    )
    assert html_article.status_code == 201, html_article.text
    body = client.get(f"/api/events/{slug}/articles/{html_article.json()['id']}").json()["body"]
    assert "alert('head')" not in body and "alert('body')" not in body and "display:none" not in body
    assert "onmouseover" not in body and "javascript:" not in body
    text_article = client.post(
        f"/api/events/{slug}/articles", json={"outlet": HOSTILE_OUTLET + "2", "text": HOSTILE_TEXT}
    )
    assert text_article.status_code == 201
    a, b = html_article.json()["id"], text_article.json()["id"]
    client.post("/api/comparisons", json={"event": slug, "articles": [a, b]})

    pages = crawl(client, "/")
    pages.update(crawl(client, f"/events/{slug}/compare?a={a}&b={b}"))
    assert f"/events/{slug}" in pages and f"/events/{slug}/articles/{b}" in pages
    for url, html in pages.items():
        assert live_markup(html) == [], f"unescaped user text on {url}"
    # The hostile text is shown, escaped, where it belongs.
    assert "&lt;script&gt;alert(&#39;event&#39;)&lt;/script&gt;" in pages[f"/events/{slug}"]
    assert "&lt;img src=x onerror=" in pages[f"/events/{slug}/articles/{b}"]


def test_security_headers_on_pages_and_api(client: TestClient) -> None:
    for url in ("/", "/api/events", "/static/css/parallax.css", "/no-such-page"):
        response = client.get(url)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"]


def test_cross_site_form_posts_are_refused(client: TestClient) -> None:
    response = client.post("/events", data={"title": "Forged"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert "other sites" in response.text
    response = client.post("/events", data={"title": "Forged"}, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    same_site = client.post(
        "/events",
        data={"title": "Allowed event"},
        headers={"Origin": "http://testserver"},
        follow_redirects=False,
    )
    assert same_site.status_code == 303


def test_pages_load_no_external_resources(client: TestClient) -> None:
    html = client.get("/").text
    for url in re.findall(r'(?:src|href)="([^"]+)"', html):
        assert not urlsplit(url).netloc, f"external resource {url}"
