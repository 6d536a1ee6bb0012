"""The desktop's Alembic migrations, packaged with handoff and run from code.

``Desktop.upgrade()`` (and ``handoff desktop upgrade``) call :func:`upgrade`; there is no
``alembic.ini``: the configuration is built here. The revision table is
``desktop_alembic_version``, so the desktop's history does not mix with another Alembic
project sharing the database. One revision per schema change, reviewed like code, each with
a working downgrade (tests/desktop/test_migrations.py runs them up and down and compares the
result with the models in ``handoff.desktop.store``).
"""

from __future__ import annotations

import functools
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

__all__ = ["PREFIXES", "VERSION_TABLE", "config", "current", "downgrade", "head", "upgrade"]

VERSION_TABLE = "desktop_alembic_version"
# The tables these migrations own: the desktop's, and the governance store's rules_* tables
# beside them (revision 0005); every other table in the database is left alone.
PREFIXES = ("desktop_", "rules_")
_HERE = Path(__file__).resolve().parent


def config(connection: sa.Connection | None = None) -> Config:
    """An Alembic configuration for the packaged scripts, bound to ``connection``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE).replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def head() -> str:
    """The newest revision the code knows."""
    found = ScriptDirectory.from_config(config()).get_current_head()
    assert found is not None, "the desktop has at least one migration"
    return found


def current(engine: sa.Engine) -> str | None:
    """The database's revision (None: no desktop tables yet)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        return context.get_current_revision()


# PostgreSQL advisory lock key: one migration at a time ("hdmig" in ASCII).
_MIGRATION_LOCK = 0x6864_6D69_67


def _exclusive(connection: sa.Connection) -> None:
    """Two desktop processes starting at once migrate one after the other: the second finds
    the work done. (SQLite's BEGIN IMMEDIATE already serialises them.)"""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Migrate the database up to ``revision`` in one transaction (where the database can)."""
    with engine.connect() as connection:
        connection.execution_options(store_write=True)
        with connection.begin():
            _exclusive(connection)
            command.upgrade(config(connection), revision)


def downgrade(engine: sa.Engine, revision: str) -> None:
    """Migrate the database down to ``revision`` ("base": no desktop tables)."""
    with engine.connect() as connection:
        connection.execution_options(store_write=True)
        with connection.begin():
            _exclusive(connection)
            command.downgrade(config(connection), revision)
