"""article role (report | source) and the per-quote source check

Revision ID: 0003_source
Revises: 0004_figures
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003_source"
down_revision: str | None = "0004_figures"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "role", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False, server_default="report"
            )
        )
    op.create_table(
        "quote_source_check",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("source_article_id", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("source_start", sa.Integer(), nullable=True),
        sa.Column("source_end", sa.Integer(), nullable=True),
        sa.Column("severe", sa.Boolean(), nullable=False),
        sa.Column("speaker_mismatch", sa.Boolean(), nullable=False),
        sa.Column("source_speaker", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["quote_id"], ["quote.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["source_article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("quote_id"),
    )
    with op.batch_alter_table("quote_source_check", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quote_source_check_event_id"), ["event_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_quote_source_check_source_article_id"), ["source_article_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("quote_source_check", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_source_check_source_article_id"))
        batch_op.drop_index(batch_op.f("ix_quote_source_check_event_id"))
    op.drop_table("quote_source_check")
    with op.batch_alter_table("article", schema=None) as batch_op:
        batch_op.drop_column("role")
