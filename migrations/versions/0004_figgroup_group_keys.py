"""figure group key index: a new figure fetches only the groups sharing its quantity or value

Revision ID: 0004_figgroup
Revises: 0004_align
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004_figgroup"
down_revision: str | None = "0004_align"  # chained after the parallel 0004 migrations
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "figure_group_key",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("counted_key", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["figure_group.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("group_id", "hash"),
    )
    with op.batch_alter_table("figure_group_key", schema=None) as batch_op:
        batch_op.create_index("ix_figure_group_key_event_hash", ["event_id", "hash"], unique=False)
    # Groups stored before this revision have no keys: index each once from its stored quantity.
    _index_existing()


def _index_existing() -> None:
    from app.services.figure_grouping import group_keys

    connection = op.get_bind()
    groups = connection.execute(
        sa.text("SELECT id, event_id, kind, unit, counted_key, value, value_high FROM figure_group")
    ).all()
    members: dict[int, list[tuple[str, str | None, str | None]]] = {}
    for group_id, kind, unit, counted in connection.execute(
        sa.text("SELECT group_id, kind, unit, counted_key FROM figure WHERE group_id IS NOT NULL")
    ).all():
        members.setdefault(group_id, []).append((kind, unit, counted))
    keys = [
        {"group_id": group_id, "hash": value, "event_id": event_id, "counted_key": counted_key}
        for group_id, event_id, kind, unit, counted, low, high in groups
        for value, counted_key in group_keys(
            kind, unit, counted, low, high, members.get(group_id, [])
        ).items()
    ]
    if keys:
        table = sa.table(
            "figure_group_key",
            sa.column("group_id"),
            sa.column("hash"),
            sa.column("event_id"),
            sa.column("counted_key"),
        )
        op.bulk_insert(table, keys)


def downgrade() -> None:
    with op.batch_alter_table("figure_group_key", schema=None) as batch_op:
        batch_op.drop_index("ix_figure_group_key_event_hash")
    op.drop_table("figure_group_key")
