"""figure groups: compatible flag and the running intersection of the values members allow

Revision ID: 0003_figures
Revises: 0002
Create Date: 2026-12-01 23:59:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_figures"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("figure_group", schema=None) as batch_op:
        batch_op.add_column(sa.Column("compatible", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("allowed_low", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("allowed_high", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figure_group", schema=None) as batch_op:
        batch_op.drop_column("allowed_high")
        batch_op.drop_column("allowed_low")
        batch_op.drop_column("compatible")
