"""The per-event write lock that keeps concurrent ingests from losing or double-aligning anything."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session


def lock_event(session: Session, event_id: int) -> None:
    """Start the session's write transaction by bumping the event's revision.

    The UPDATE is the lock on both backends: on PostgreSQL it takes the event row's lock
    (as ``SELECT ... FOR UPDATE`` would) until commit; on SQLite it takes the database write lock,
    and ``busy_timeout`` makes a second process wait for it. It must be the transaction's first
    statement so every later read sees the other process's committed work.
    """
    if session.in_transaction():
        # Reads done earlier in this session must not pin an older snapshot.
        session.commit()
    session.execute(text("UPDATE event SET revision = revision + 1 WHERE id = :id"), {"id": event_id})
