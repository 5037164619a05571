"""SQLite's write lock waited out (busy_timeout) is a 503 with a sentence and Retry-After, not a 500."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app.services import events


def raise_locked(*_args: object, **_kwargs: object) -> None:
    raise OperationalError("UPDATE event ...", {}, sqlite3.OperationalError("database is locked"))


def test_a_locked_database_is_a_503_with_a_sentence(
    sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(events, "create_event", raise_locked)
    response = sqlite_client.post("/api/events", json={"title": "Harbour bridge"})
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert "busy" in response.json()["detail"]


def test_other_database_errors_stay_500(sqlite_client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("no such table: event"))

    monkeypatch.setattr(events, "create_event", broken)
    response = TestClient(sqlite_client.app, raise_server_exceptions=False).post(
        "/api/events", json={"title": "Harbour bridge"}
    )
    assert response.status_code == 500
