"""Alembic's environment for the desktop: online only, on the connection the caller passes."""

from __future__ import annotations

from alembic import context

from handoff.desktop.migrations import VERSION_TABLE
from handoff.desktop.store import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError(
        "the desktop's migrations run from code: Desktop.upgrade() or `handoff desktop upgrade`"
    )


def _ours(name: str | None, type_: str, parent_names: object) -> bool:
    """Autogenerate compares only the desktop's tables (the database may hold others)."""
    if type_ == "table":
        return bool(name) and str(name).startswith("desktop_") and name != VERSION_TABLE
    return True


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table=VERSION_TABLE,
    include_name=_ours,
    # SQLite cannot ALTER most things: later revisions use batch operations (copy and move).
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
