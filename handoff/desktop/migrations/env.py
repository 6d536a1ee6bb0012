"""Alembic's environment for the desktop: online only, on the connection the caller passes."""

from __future__ import annotations

from alembic import context
from sqlalchemy import MetaData

from handoff.desktop.migrations import PREFIXES, VERSION_TABLE
from handoff.desktop.store import Base
from handoff.governance import tables as governance

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError(
        "the desktop's migrations run from code: Desktop.upgrade() or `handoff desktop upgrade`"
    )


def _ours(name: str | None, type_: str, parent_names: object) -> bool:
    """Autogenerate compares only the desktop's tables and the governance store's (revision
    0005) that live beside them; the database may hold others."""
    if type_ == "table":
        return bool(name) and str(name).startswith(PREFIXES) and name != VERSION_TABLE
    return True


class _Models(list[MetaData]):
    """The desktop's models and the governance store's, with their (shared) naming
    convention: Alembic names the constraints of batch operations after the target
    metadata's convention, which a plain list of metadatas does not carry."""

    naming_convention = Base.metadata.naming_convention


context.configure(
    connection=connection,
    # The governance store's tables (rules_*, desktop_user_grants) are migrated here too:
    # they share the desktop's database and refer to its users.
    target_metadata=_Models([Base.metadata, governance.metadata]),
    version_table=VERSION_TABLE,
    include_name=_ours,
    # SQLite cannot ALTER most things: later revisions use batch operations (copy and move).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
