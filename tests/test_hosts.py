"""Same-origin and host checks: `Origin: null` is refused on state-changing requests, and only allowed host
names are answered (DNS rebinding cannot reach a local instance under another name)."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import settings
from app.web.middleware import host_name


@pytest.mark.parametrize("origin", ["null", "NULL", " null"])
def test_origin_null_is_refused(sqlite_client: TestClient, origin: str) -> None:
    for path, kwargs in (
        ("/events", {"data": {"title": "Forged"}}),
        ("/api/events", {"json": {"title": "F"}}),
    ):
        response = sqlite_client.post(path, headers={"Origin": origin}, **kwargs)
        assert response.status_code == 403, path
        assert "other sites" in response.text


def test_same_origin_and_script_posts_still_work(sqlite_client: TestClient) -> None:
    assert sqlite_client.post("/api/events", json={"title": "Scripted"}).status_code == 201
    response = sqlite_client.post(
        "/api/events", json={"title": "Own page"}, headers={"Origin": "http://testserver"}
    )
    assert response.status_code == 201


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8101", "127.0.0.1:8000", "[::1]:8000", "testserver"]
)
def test_local_host_names_are_answered(sqlite_client: TestClient, host: str) -> None:
    assert sqlite_client.get("/", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "rebind.attacker.test:8000", "127.0.0.1.nip.io", "localhost.evil"]
)
def test_other_host_names_are_refused(sqlite_client: TestClient, host: str) -> None:
    for path in ("/", "/api/events"):
        response = sqlite_client.get(path, headers={"Host": host})
        assert response.status_code == 400
        assert "host name" in response.text


def test_allowed_hosts_setting_adds_names_and_subdomains(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(settings, "allowed_hosts", "parallax.example.org, .newsroom.test")
    with TestClient(create_app(sqlite_url, migrate=True)) as client:
        assert client.get("/", headers={"Host": "parallax.example.org"}).status_code == 200
        assert client.get("/", headers={"Host": "desk.newsroom.test:443"}).status_code == 200
        assert client.get("/", headers={"Host": "localhost"}).status_code == 200
        assert client.get("/", headers={"Host": "newsroom.test.evil"}).status_code == 400


def test_host_name_parsing() -> None:
    assert host_name("Example.ORG:8000") == "example.org"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"


def test_docs_page_uses_only_vendored_assets_and_no_inline_script(sqlite_client: TestClient) -> None:
    response = sqlite_client.get("/docs")
    assert response.status_code == 200
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.text, re.S)
    assert scripts and all('src="/static/' in attrs and body.strip() == "" for attrs, body in scripts)
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', response.text):
        assert sqlite_client.get(asset).status_code == 200, asset
    assert "swagger-ui-5." in response.text and "cdn" not in response.text.lower()
    assert sqlite_client.get("/redoc").status_code == 404
