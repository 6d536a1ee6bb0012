"""Governed rule changes: rule versions, approvals, publications, the hash-chained audit
trail, the approval policy (handoff.governance.tables) and the governance grants of desktop
users (desktop_user_grants).

The record is append-only in the database itself: triggers refuse UPDATE and DELETE of
events, approvals, publications and policies, and any change to a stored version except its
status (proposed -> withdrawn). Editing the record then takes DDL rights (dropping a
trigger), and even that shows in the hash chain and the publications' signatures.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_EVENT_ACTIONS = (
    "action IN ('propose', 'approve', 'withdraw', 'publish', 'rollback', 'refuse', 'grant', "
    "'revoke', 'policy')"
)
# Append-only tables, and the columns of rules_versions nothing may change (all but status).
_APPEND_ONLY = ("rules_events", "rules_approvals", "rules_publications", "rules_policies")
_VERSION_CONTENT = (
    "content_hash", "short", "ruleset_version", "name", "entry", "files", "author", "title",
    "description", "created_at", "base_hash", "changes", "kinds", "validation", "backtest",
)  # fmt: skip
_FUNCTION = "rules_append_only"


def upgrade() -> None:
    op.create_table(
        "rules_versions",
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("short", sa.String(length=12), nullable=False),
        sa.Column("ruleset_version", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("entry", sa.String(length=200), nullable=False),
        sa.Column("files", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created_at", sa.Double(), nullable=False),
        sa.Column("base_hash", sa.String(length=64), nullable=True),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("kinds", sa.Text(), nullable=False),
        sa.Column("validation", sa.Text(), nullable=False),
        sa.Column("backtest", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "status IN ('proposed', 'withdrawn')", name=op.f("ck_rules_versions_status")
        ),
        sa.PrimaryKeyConstraint("content_hash", name=op.f("pk_rules_versions")),
    )
    op.create_index("ix_rules_versions_created_at", "rules_versions", ["created_at"])
    op.create_table(
        "rules_approvals",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("approver", sa.String(length=64), nullable=False),
        sa.Column("roles", sa.Text(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["content_hash"],
            ["rules_versions.content_hash"],
            name=op.f("fk_rules_approvals_content_hash_rules_versions"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rules_approvals")),
        sa.UniqueConstraint("content_hash", "approver", name="uq_rules_approvals_approver"),
    )
    op.create_index(op.f("ix_rules_approvals_content_hash"), "rules_approvals", ["content_hash"])
    op.create_table(
        "rules_publications",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("ruleset_version", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("chain_hash", sa.String(length=64), nullable=False),
        sa.Column("signature", sa.String(length=64), nullable=False),
        sa.CheckConstraint(
            "action IN ('publish', 'rollback')", name=op.f("ck_rules_publications_action")
        ),
        sa.ForeignKeyConstraint(
            ["content_hash"],
            ["rules_versions.content_hash"],
            name=op.f("fk_rules_publications_content_hash_rules_versions"),
        ),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_rules_publications")),
    )
    op.create_table(
        "rules_events",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint(_EVENT_ACTIONS, name=op.f("ck_rules_events_action")),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_rules_events")),
        sa.UniqueConstraint("hash", name=op.f("uq_rules_events_hash")),
        sa.UniqueConstraint("prev_hash", name=op.f("uq_rules_events_prev_hash")),
    )
    op.create_index(op.f("ix_rules_events_content_hash"), "rules_events", ["content_hash"])
    op.create_table(
        "rules_policies",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_rules_policies")),
    )
    op.create_table(
        "desktop_user_grants",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("granted_by", sa.String(length=64), nullable=False),
        sa.Column("granted_at", sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["desktop_users.id"],
            name=op.f("fk_desktop_user_grants_user_id_desktop_users"),
        ),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_desktop_user_grants")),
    )
    _create_triggers(op.get_bind())


def downgrade() -> None:
    _drop_triggers(op.get_bind())
    op.drop_table("desktop_user_grants")
    op.drop_table("rules_policies")
    op.drop_index(op.f("ix_rules_events_content_hash"), table_name="rules_events")
    op.drop_table("rules_events")
    op.drop_table("rules_publications")
    op.drop_index(op.f("ix_rules_approvals_content_hash"), table_name="rules_approvals")
    op.drop_table("rules_approvals")
    op.drop_index("ix_rules_versions_created_at", table_name="rules_versions")
    op.drop_table("rules_versions")


# ------------------------------------------------------------------------------ triggers


def _guards() -> list[tuple[str, str, str]]:
    """(trigger name, table, the event it refuses) for every guard."""
    guards = []
    for table in _APPEND_ONLY:
        guards.append((f"{table}_no_update", table, "UPDATE"))
        guards.append((f"{table}_no_delete", table, "DELETE"))
    guards.append(("rules_versions_no_edit", "rules_versions", f"UPDATE OF {_columns()}"))
    guards.append(("rules_versions_no_delete", "rules_versions", "DELETE"))
    return guards


def _columns() -> str:
    return ", ".join(_VERSION_CONTENT)


def _create_triggers(connection: sa.Connection) -> None:
    postgres = connection.dialect.name == "postgresql"
    if postgres:
        connection.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            # %% for the driver's placeholder syntax: PostgreSQL sees one %.
            "BEGIN RAISE EXCEPTION '%% is append-only: the governance record is never edited', "
            "TG_TABLE_NAME; END $$"
        )
    for name, table, refused in _guards():
        if postgres:
            connection.exec_driver_sql(
                f"CREATE TRIGGER {name} BEFORE {refused} ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}()"
            )
        else:
            connection.exec_driver_sql(
                f"CREATE TRIGGER {name} BEFORE {refused} ON {table} BEGIN "
                f"SELECT RAISE(ABORT, '{table} is append-only: the governance record is never "
                "edited'); END"
            )


def _drop_triggers(connection: sa.Connection) -> None:
    postgres = connection.dialect.name == "postgresql"
    for name, table, _refused in _guards():
        on = f" ON {table}" if postgres else ""
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}{on}")
    if postgres:
        connection.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_FUNCTION}()")
