"""The live relay: the conversation's lines as the pages show them, the customer page's
presence, the relay's cursor in Rasa's event feed, and the "abandoned" status.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_OLD = "status IN ('waiting', 'claimed', 'resolved', 'handed_back')"
_NEW = "status IN ('waiting', 'claimed', 'resolved', 'handed_back', 'abandoned')"


def upgrade() -> None:
    op.create_table(
        "desktop_messages",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=True),
        sa.Column("at", sa.Double(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('customer', 'bot', 'agent', 'notice')",
            name=op.f("ck_desktop_messages_kind"),
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_desktop_messages")),
        sa.UniqueConstraint("ref", name=op.f("uq_desktop_messages_ref")),
    )
    op.create_index(
        "ix_desktop_messages_conversation", "desktop_messages", ["conversation_id", "seq"]
    )
    op.create_table(
        "desktop_presence",
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("last_seen", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("conversation_id", name=op.f("pk_desktop_presence")),
    )
    op.create_table(
        "desktop_relay_cursors",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("position", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_desktop_relay_cursors")),
    )
    with op.batch_alter_table("desktop_conversations") as batch:
        batch.drop_constraint("status", type_="check")
        batch.create_check_constraint("status", _NEW)


def downgrade() -> None:
    # An abandoned conversation has no place in the older schema: it becomes resolved.
    op.execute("UPDATE desktop_conversations SET status = 'resolved' WHERE status = 'abandoned'")
    with op.batch_alter_table("desktop_conversations") as batch:
        batch.drop_constraint("status", type_="check")
        batch.create_check_constraint("status", _OLD)
    op.drop_table("desktop_relay_cursors")
    op.drop_table("desktop_presence")
    op.drop_index("ix_desktop_messages_conversation", table_name="desktop_messages")
    op.drop_table("desktop_messages")
