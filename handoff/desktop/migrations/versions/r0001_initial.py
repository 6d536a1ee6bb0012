"""The desktop's first tables: lanes, users, sessions, conversations, deliveries, claims,
ticks, wrap-ups, notes, audit and the change feed.

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-01 19:12:21.937882
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "desktop_changes",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("lane", sa.String(length=64), nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_desktop_changes")),
    )
    op.create_index(op.f("ix_desktop_changes_lane"), "desktop_changes", ["lane"])
    op.create_table(
        "desktop_lanes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("sla_seconds", sa.Integer(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_lanes")),
    )
    op.create_table(
        "desktop_users",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.CheckConstraint(
            "role IN ('agent', 'supervisor', 'admin')", name=op.f("ck_desktop_users_role")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_users")),
        sa.UniqueConstraint("username", name=op.f("uq_desktop_users_username")),
    )
    op.create_table(
        "desktop_conversations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("lane", sa.String(length=64), nullable=False),
        sa.Column("routed_lane", sa.String(length=64), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("sla_deadline", sa.Double(), nullable=True),
        sa.Column("waiting_since", sa.Double(), nullable=False),
        sa.Column("claimed_at", sa.Double(), nullable=True),
        sa.Column("closed_at", sa.Double(), nullable=True),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("payload_created_at", sa.Double(), nullable=False),
        sa.Column("headline", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.Column("updated_at", sa.Double(), nullable=False),
        sa.CheckConstraint(
            "status IN ('waiting', 'claimed', 'resolved', 'handed_back')",
            name=op.f("ck_desktop_conversations_status"),
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["desktop_users.id"],
            name=op.f("fk_desktop_conversations_agent_id_desktop_users"),
        ),
        sa.ForeignKeyConstraint(
            ["lane"], ["desktop_lanes.id"], name=op.f("fk_desktop_conversations_lane_desktop_lanes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_conversations")),
        sa.UniqueConstraint(
            "conversation_id", name=op.f("uq_desktop_conversations_conversation_id")
        ),
    )
    op.create_index(
        op.f("ix_desktop_conversations_agent_id"), "desktop_conversations", ["agent_id"]
    )
    op.create_index(
        "ix_desktop_conversations_queue",
        "desktop_conversations",
        ["lane", "status", "priority", "sla_deadline"],
    )
    op.create_table(
        "desktop_sessions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("csrf", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.Column("expires_at", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["desktop_users.id"],
            name=op.f("fk_desktop_sessions_user_id_desktop_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_sessions")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_desktop_sessions_token_hash")),
    )
    op.create_index(op.f("ix_desktop_sessions_expires_at"), "desktop_sessions", ["expires_at"])
    op.create_index(op.f("ix_desktop_sessions_user_id"), "desktop_sessions", ["user_id"])
    op.create_table(
        "desktop_user_lanes",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("lane_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["lane_id"],
            ["desktop_lanes.id"],
            name=op.f("fk_desktop_user_lanes_lane_id_desktop_lanes"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["desktop_users.id"],
            name=op.f("fk_desktop_user_lanes_user_id_desktop_users"),
        ),
        sa.PrimaryKeyConstraint("user_id", "lane_id", name=op.f("pk_desktop_user_lanes")),
    )
    op.create_table(
        "desktop_audit",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["desktop_users.id"], name=op.f("fk_desktop_audit_actor_id_desktop_users")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_audit_conversation_pk_desktop_conversations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_audit")),
    )
    op.create_index(op.f("ix_desktop_audit_at"), "desktop_audit", ["at"])
    op.create_index(op.f("ix_desktop_audit_conversation_pk"), "desktop_audit", ["conversation_pk"])
    op.create_table(
        "desktop_claims",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=False),
        sa.Column("lane", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("waited_seconds", sa.Double(), nullable=False),
        sa.Column("within_sla", sa.Boolean(), nullable=True),
        sa.Column("at", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_claims_conversation_pk_desktop_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["lane"], ["desktop_lanes.id"], name=op.f("fk_desktop_claims_lane_desktop_lanes")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["desktop_users.id"], name=op.f("fk_desktop_claims_user_id_desktop_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_claims")),
    )
    op.create_index(
        op.f("ix_desktop_claims_conversation_pk"), "desktop_claims", ["conversation_pk"]
    )
    op.create_index("ix_desktop_claims_lane_at", "desktop_claims", ["lane", "at"])
    op.create_table(
        "desktop_deliveries",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("body_sha256", sa.String(length=64), nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.Double(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_deliveries_conversation_pk_desktop_conversations"),
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_desktop_deliveries")),
    )
    op.create_index(
        op.f("ix_desktop_deliveries_conversation_pk"), "desktop_deliveries", ["conversation_pk"]
    )
    op.create_table(
        "desktop_notes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_notes_conversation_pk_desktop_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["desktop_users.id"], name=op.f("fk_desktop_notes_user_id_desktop_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_notes")),
    )
    op.create_index(op.f("ix_desktop_notes_conversation_pk"), "desktop_notes", ["conversation_pk"])
    op.create_table(
        "desktop_ticks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.CheckConstraint(
            "step IN ('validate', 'reframe', 'commit')", name=op.f("ck_desktop_ticks_step")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_ticks_conversation_pk_desktop_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["desktop_users.id"], name=op.f("fk_desktop_ticks_user_id_desktop_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_ticks")),
        sa.UniqueConstraint("conversation_pk", "cycle", "step", name="uq_desktop_ticks_step"),
    )
    op.create_table(
        "desktop_wrapups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=False),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("outcome_code", sa.String(length=64), nullable=False),
        sa.Column("needed", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.CheckConstraint(
            "needed IN ('yes', 'no', 'unsure')", name=op.f("ck_desktop_wrapups_needed")
        ),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_wrapups_conversation_pk_desktop_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["desktop_users.id"], name=op.f("fk_desktop_wrapups_user_id_desktop_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_wrapups")),
    )
    op.create_index(
        op.f("ix_desktop_wrapups_conversation_pk"), "desktop_wrapups", ["conversation_pk"]
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_desktop_wrapups_conversation_pk"), table_name="desktop_wrapups")
    op.drop_table("desktop_wrapups")
    op.drop_table("desktop_ticks")
    op.drop_index(op.f("ix_desktop_notes_conversation_pk"), table_name="desktop_notes")
    op.drop_table("desktop_notes")
    op.drop_index(op.f("ix_desktop_deliveries_conversation_pk"), table_name="desktop_deliveries")
    op.drop_table("desktop_deliveries")
    op.drop_index("ix_desktop_claims_lane_at", table_name="desktop_claims")
    op.drop_index(op.f("ix_desktop_claims_conversation_pk"), table_name="desktop_claims")
    op.drop_table("desktop_claims")
    op.drop_index(op.f("ix_desktop_audit_conversation_pk"), table_name="desktop_audit")
    op.drop_index(op.f("ix_desktop_audit_at"), table_name="desktop_audit")
    op.drop_table("desktop_audit")
    op.drop_table("desktop_user_lanes")
    op.drop_index(op.f("ix_desktop_sessions_user_id"), table_name="desktop_sessions")
    op.drop_index(op.f("ix_desktop_sessions_expires_at"), table_name="desktop_sessions")
    op.drop_table("desktop_sessions")
    op.drop_index("ix_desktop_conversations_queue", table_name="desktop_conversations")
    op.drop_index(op.f("ix_desktop_conversations_agent_id"), table_name="desktop_conversations")
    op.drop_table("desktop_conversations")
    op.drop_table("desktop_users")
    op.drop_table("desktop_lanes")
    op.drop_index(op.f("ix_desktop_changes_lane"), table_name="desktop_changes")
    op.drop_table("desktop_changes")
