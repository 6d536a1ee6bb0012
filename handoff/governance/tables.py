"""The governance store's tables (SQLAlchemy Core): rule versions, approvals, publications,
the hash-chained audit trail, the approval policy and the governance grants of desktop users.

They live in the desktop's database (the action servers, the desktop and the CLI share it)
and are created by the desktop's migration r0005 (``handoff desktop upgrade``);
``tests/desktop/test_migrations.py`` checks that the migrations produce exactly these
tables. Times are unix seconds (double precision), as in the desktop's tables. No personal
data: people appear only as desktop usernames.

The record is append-only: the migration adds database triggers that refuse UPDATE and
DELETE on events, approvals, publications and policies, and any change of a stored
version's content; editing the record therefore takes DDL rights, and even then the hash
chain and the publications' signatures show it (``RulesStore.verify_chain``).
"""

from __future__ import annotations

import sqlalchemy as sa

from handoff.storage import NAMING_CONVENTION

__all__ = [
    "EVENT_ACTIONS",
    "PUBLICATION_ACTIONS",
    "VERSION_STATUSES",
    "approvals",
    "desktop_users",
    "events",
    "metadata",
    "policies",
    "publications",
    "user_grants",
    "versions",
]

# The desktop's naming convention, so a migration can name, and a later one drop, every
# constraint on every backend.
metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)

VERSION_STATUSES = ("proposed", "withdrawn")
PUBLICATION_ACTIONS = ("publish", "rollback")
# "refuse": an attempt the store turned down (approve, publish...), with the reason.
EVENT_ACTIONS = (
    "propose",
    "approve",
    "withdraw",
    "publish",
    "rollback",
    "refuse",
    "grant",
    "revoke",
    "policy",
)

HASH_CHARS = 64
SHORT_CHARS = 12
USERNAME_CHARS = 64
ROLE_CHARS = 32
TITLE_CHARS = 200
DESCRIPTION_CHARS = 4000
NAME_CHARS = 255
ENTRY_CHARS = 200


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


# The desktop's users as governance reads them (a few columns of handoff.desktop.store.User;
# governance cannot import the desktop, which sits above it). Its own MetaData: the desktop
# owns and migrates this table; it is here only to be read and referred to.
desktop_users = sa.Table(
    "desktop_users",
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(USERNAME_CHARS)),
    sa.Column("role", sa.String(16)),
    sa.Column("active", sa.Boolean),
)

versions = sa.Table(
    "rules_versions",
    metadata,
    sa.Column("content_hash", sa.String(HASH_CHARS), primary_key=True),
    sa.Column("short", sa.String(SHORT_CHARS), nullable=False),
    sa.Column("ruleset_version", sa.String(HASH_CHARS), nullable=False),
    sa.Column("name", sa.String(NAME_CHARS), nullable=False),
    sa.Column("entry", sa.String(ENTRY_CHARS), nullable=False),
    # The bundle's files, JSON {relative name: UTF-8 text}.
    sa.Column("files", sa.Text, nullable=False),
    sa.Column("author", sa.String(USERNAME_CHARS), nullable=False),
    sa.Column("title", sa.String(TITLE_CHARS), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("created_at", sa.Double, nullable=False),
    # What was live when it was proposed (None: nothing was), and the semantic diff against
    # it with the change kinds the policy reads (re-computed if the live version moved on).
    sa.Column("base_hash", sa.String(HASH_CHARS), nullable=True),
    sa.Column("changes", sa.Text, nullable=False),
    sa.Column("kinds", sa.Text, nullable=False),
    sa.Column("validation", sa.Text, nullable=False),
    sa.Column("backtest", sa.Text, nullable=True),
    sa.Column("status", sa.String(16), nullable=False),
    sa.CheckConstraint(_in("status", VERSION_STATUSES), name="status"),
    sa.Index("ix_rules_versions_created_at", "created_at"),
)

approvals = sa.Table(
    "rules_approvals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("content_hash", sa.ForeignKey(versions.c.content_hash), nullable=False, index=True),
    sa.Column("approver", sa.String(USERNAME_CHARS), nullable=False),
    # The roles the approver held when approving (JSON list): a later revoke does not
    # rewrite history.
    sa.Column("roles", sa.Text, nullable=False),
    sa.Column("at", sa.Double, nullable=False),
    sa.Column("comment", sa.Text, nullable=False),
    sa.UniqueConstraint("content_hash", "approver", name="uq_rules_approvals_approver"),
)

publications = sa.Table(
    "rules_publications",
    metadata,
    # Allocated by the store under its write lock (max + 1): the signature covers it.
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("content_hash", sa.ForeignKey(versions.c.content_hash), nullable=False),
    sa.Column("ruleset_version", sa.String(HASH_CHARS), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("actor", sa.String(USERNAME_CHARS), nullable=False),
    sa.Column("at", sa.Double, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    # The hash of this publication's audit event: signed with the rest, it anchors the audit
    # chain up to here to the key, which the database's users do not hold.
    sa.Column("chain_hash", sa.String(HASH_CHARS), nullable=False),
    # HMAC-SHA256 (hex) of the canonical publication record (RulesStore.verify).
    sa.Column("signature", sa.String(HASH_CHARS), nullable=False),
    sa.CheckConstraint(_in("action", PUBLICATION_ACTIONS), name="action"),
)

events = sa.Table(
    "rules_events",
    metadata,
    # Allocated by the store under its write lock (last + 1): the hash covers it.
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.Double, nullable=False),
    sa.Column("actor", sa.String(USERNAME_CHARS), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    # Not a foreign key: a refusal may name a version that does not exist.
    sa.Column("content_hash", sa.String(HASH_CHARS), nullable=True, index=True),
    # JSON text, hashed exactly as stored.
    sa.Column("detail", sa.Text, nullable=False),
    # Unique: two writers racing past the lock could not fork the chain.
    sa.Column("prev_hash", sa.String(HASH_CHARS), nullable=False, unique=True),
    sa.Column("hash", sa.String(HASH_CHARS), nullable=False, unique=True),
    sa.CheckConstraint(_in("action", EVENT_ACTIONS), name="action"),
)

policies = sa.Table(
    "rules_policies",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("hash", sa.String(HASH_CHARS), nullable=False),
    sa.Column("actor", sa.String(USERNAME_CHARS), nullable=False),
    sa.Column("at", sa.Double, nullable=False),
)

user_grants = sa.Table(
    "desktop_user_grants",
    metadata,
    # A Column object, not "desktop_users.id": that table belongs to the desktop's metadata.
    sa.Column("user_id", sa.ForeignKey(desktop_users.c.id), primary_key=True),
    sa.Column("role", sa.String(ROLE_CHARS), primary_key=True),
    sa.Column("granted_by", sa.String(USERNAME_CHARS), nullable=False),
    sa.Column("granted_at", sa.Double, nullable=False),
)
