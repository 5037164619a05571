"""statement token index: statements found by their representatives' content words

Revision ID: 0003_speakers
Revises: 0003_hardening
Create Date: 2026-12-01 23:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_speakers"
down_revision: str | None = "0003_hardening"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "statement_token",
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["statement_id"], ["statement.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("statement_id", "hash"),
    )
    with op.batch_alter_table("statement_token", schema=None) as batch_op:
        batch_op.create_index("ix_statement_token_event_hash", ["event_id", "hash"], unique=False)
    # Statements stored before this revision have no tokens: index their representatives once.
    _index_existing()


def _index_existing() -> None:
    from app.core.align import index_terms
    from app.services.alignment import REPRESENTATIVES, term_hash

    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT sm.statement_id, s.event_id, qs.text FROM statement_member sm "
            "JOIN statement s ON s.id = sm.statement_id JOIN quote_sentence qs ON qs.id = sm.sentence_id "
            "WHERE sm.rank < :reps"
        ),
        {"reps": REPRESENTATIVES},
    ).all()
    tokens: dict[tuple[int, int], int] = {}
    for statement_id, event_id, text in rows:
        for term in index_terms(text)[0]:
            tokens[(statement_id, term_hash(term))] = event_id
    if tokens:
        table = sa.table(
            "statement_token", sa.column("statement_id"), sa.column("hash"), sa.column("event_id")
        )
        op.bulk_insert(
            table,
            [{"statement_id": s, "hash": h, "event_id": e} for (s, h), e in sorted(tokens.items())],
        )


def downgrade() -> None:
    with op.batch_alter_table("statement_token", schema=None) as batch_op:
        batch_op.drop_index("ix_statement_token_event_hash")
    op.drop_table("statement_token")
