"""Correction forms given ids no row can have, found by the session's second outside attack: a statement or
figure id past 64 bits in the path overflowed SQLite's integer (a 500). Now a 404 with a sentence, on both
databases; ids within range keep their meaning."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

TOO_BIG = [0, 2**31, 2**63, 2**64]


@pytest.mark.parametrize("row_id", TOO_BIG)
def test_split_join_and_dismiss_of_an_impossible_id_are_a_404(
    client: TestClient, event_slug: str, row_id: int
) -> None:
    posts = [
        (f"/events/{event_slug}/statements/{row_id}/split", {"article_id": "1", "start": "0"}),
        (f"/events/{event_slug}/statements/{row_id}/join", {"other": "1"}),
        (f"/events/{event_slug}/figures/{row_id}/dismiss", {}),
    ]
    for path, data in posts:
        response = client.post(path, data=data, follow_redirects=False)
        assert response.status_code == 404, (path, response.status_code, response.text[:200])
        assert f"no {'figure' if 'figures' in path else 'statement'} {row_id}" in response.text
