"""Many figures of one value that bridge groups cost a bounded number of queries per add, not one pass over a
growing group per bridge (a hostile article of repeated short figures stalled the second add for seconds)."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event

from tests.conftest import unique_title

UNIT = "Officials counted 3 «yes» {who} said. "


def statements_of_second_add(client: TestClient, repeats: int) -> tuple[int, list[dict[str, Any]]]:
    slug = client.post("/api/events", json={"title": unique_title("Bridges")}).json()["slug"]
    first = client.post(
        f"/api/events/{slug}/articles", json={"outlet": "Alpha", "text": UNIT.format(who="John") * repeats}
    )
    assert first.status_code == 201
    executed: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        executed.append(statement)

    engine = client.app.state.engine  # type: ignore[attr-defined]
    event.listen(engine, "before_cursor_execute", count)
    try:
        second = client.post(
            f"/api/events/{slug}/articles", json={"outlet": "Beta", "text": UNIT.format(who="Mary") * repeats}
        )
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert second.status_code == 201
    return len(executed), client.get(f"/api/events/{slug}/figures").json()


def test_bridging_figures_cost_bounded_queries_and_keep_one_quantity(client: TestClient) -> None:
    small_count, small_groups = statements_of_second_add(client, 20)
    large_count, large_groups = statements_of_second_add(client, 80)
    # Four times the bridging figures: the add's statements grow about four times (one insert per figure),
    # never with the square (one pass over a growing group per bridge made them grow fifteen times).
    assert large_count < 6 * small_count, (small_count, large_count)
    # Every "3" of both outlets ends in groups that each hold one outlet's figure at most once per article.
    for groups in (small_groups, large_groups):
        counted = sum(len(g["members"]) for g in groups if all(m["value"] == 3 for m in g["members"]))
        assert counted > 0
