"""Login throttling: consecutive failed logins per user and until when they are refused.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 19:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("desktop_users") as batch:
        batch.add_column(
            sa.Column("failed_logins", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", sa.Double(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("desktop_users") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_logins")
