"""figures: context stems; figure groups: compatible flag, running intersection of allowed values, context

Revision ID: 0003_figures
Revises: 0002
Create Date: 2026-12-01 23:59:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
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
        batch_op.add_column(sa.Column("context", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.add_column(sa.Column("context", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.drop_column("context")
    with op.batch_alter_table("figure_group", schema=None) as batch_op:
        batch_op.drop_column("context")
        batch_op.drop_column("allowed_high")
        batch_op.drop_column("allowed_low")
        batch_op.drop_column("compatible")
