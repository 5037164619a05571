"""figure.time_ref: the time a figure refers to when its sentence says so ("by Sunday")

Revision ID: 0004_figures
Revises: 0003_dashboard

0003_figures is already on main (and databases may stand at it), so the column added after it has a
migration of its own instead of an edit of 0003_figures.
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004_figures"
down_revision: str | None = "0003_dashboard"  # chained after the parallel 0003 migrations
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.add_column(sa.Column("time_ref", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("figure", schema=None) as batch_op:
        batch_op.drop_column("time_ref")
