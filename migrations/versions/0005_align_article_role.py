"""an index on an article's event and role: an add looks up the event's sources with one index seek instead
of reading every article of the event (bench/scale.py's source-check stage grew with the event)

Revision ID: 0005_align
Revises: 0004_figgroup
Create Date: 2026-12-02 06:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005_align"
down_revision: str | None = "0004_figgroup"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.create_index("ix_article_event_role", ["event_id", "role"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_index("ix_article_event_role")
