"""The desktop's tables and engine: prefixed tables, constraints the database enforces,
SQLite's WAL, busy timeout and up-front write lock, and storage errors without SQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from handoff.desktop import Desktop
from handoff.desktop.store import Base, Conversation, Lane, create_engine
from handoff.errors import StorageUnavailable
from tests.conftest import free_port
from tests.desktop.conftest import People


def test_every_table_is_prefixed() -> None:
    """The desktop shares a database with the outbox: its tables carry their own prefix."""
    names = sorted(Base.metadata.tables)
    assert names == [
        "desktop_audit",
        "desktop_ces",
        "desktop_changes",
        "desktop_claims",
        "desktop_conversations",
        "desktop_deliveries",
        "desktop_handoffs",
        "desktop_lanes",
        "desktop_messages",
        "desktop_notes",
        "desktop_presence",
        "desktop_relay_cursors",
        "desktop_sessions",
        "desktop_ticks",
        "desktop_turns",
        "desktop_user_lanes",
        "desktop_users",
        "desktop_wrapups",
    ]


@pytest.mark.parametrize(
    ("column", "value"), [("status", "lost"), ("lane", "no_such_lane")], ids=["status", "lane"]
)
def test_the_database_enforces_states_and_lanes(
    desk: Desktop, people: People, column: str, value: str
) -> None:
    """A status outside the four, or a lane that does not exist, is refused by the database
    itself (check constraint, foreign key), not only by the service."""
    values = {
        "conversation_id": "c",
        "lane": "general_support",
        "routed_lane": "general_support",
        "priority": 1,
        "status": "waiting",
        "waiting_since": 0.0,
        "payload": "{}",
        "payload_created_at": 0.0,
        "headline": "{}",
        "version": 1,
        "cycle": 1,
        "created_at": 0.0,
        "updated_at": 0.0,
        column: value,
    }
    with pytest.raises(IntegrityError), desk.engine.begin() as connection:
        connection.execute(sa.insert(Conversation).values(**values))


def test_sqlite_settings(tmp_path: Path) -> None:
    """WAL (readers do not wait for a writer), foreign keys on, the busy timeout set."""
    engine, path = create_engine(f"sqlite:///{tmp_path / 'd.sqlite'}", busy_timeout=3)
    assert path == tmp_path / "d.sqlite"
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA busy_timeout").scalar() == 3000
    finally:
        engine.dispose()


def test_write_transactions_take_the_lock_up_front(tmp_path: Path) -> None:
    """A write transaction holds SQLite's write lock from its first statement (BEGIN
    IMMEDIATE): a read in it cannot later fail to upgrade to a write."""
    file = tmp_path / "d.sqlite"
    engine, _ = create_engine(f"sqlite:///{file}", busy_timeout=1)
    try:
        with engine.connect() as connection:
            connection.execution_options(store_write=True)
            with connection.begin():
                connection.exec_driver_sql("SELECT 1").all()  # only a read so far
                other = sqlite3.connect(file, timeout=0)
                try:
                    with pytest.raises(sqlite3.OperationalError, match="locked"):
                        other.execute("BEGIN IMMEDIATE")
                finally:
                    other.close()
        with engine.connect() as connection, connection.begin():
            connection.exec_driver_sql("SELECT 1").all()  # a read transaction
            other = sqlite3.connect(file, timeout=0)
            try:
                other.execute("BEGIN IMMEDIATE")  # a reader does not block a writer
                other.execute("ROLLBACK")
            finally:
                other.close()
    finally:
        engine.dispose()


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", "sqlite:///file::memory:"])
def test_in_memory_databases_are_refused(url: str) -> None:
    with pytest.raises(ValueError, match="needs a database file"):
        Desktop(url)


def test_storage_errors_name_the_database_not_the_data(tmp_path: Path) -> None:
    """PostgreSQL down: StorageUnavailable naming the database (no password) and the cause."""
    url = f"postgresql+psycopg://desk:s3cret-pw@127.0.0.1:{free_port()}/desk"
    with Desktop(url, busy_timeout=2) as desk, pytest.raises(StorageUnavailable) as caught:
        desk.lanes()
    message = str(caught.value)
    assert "desktop database postgresql+psycopg://desk:***@127.0.0.1" in message
    assert "s3cret-pw" not in message
    assert "SELECT" not in message
    assert caught.value.__cause__ is None


def test_a_database_without_tables_says_how_to_fix_it(tmp_path: Path) -> None:
    with Desktop(f"sqlite:///{tmp_path / 'new.sqlite'}") as desk:
        with pytest.raises(StorageUnavailable, match="handoff desktop upgrade") as caught:
            desk.lanes()
        assert "has no desktop tables" in str(caught.value)
        desk.upgrade()
        assert desk.lanes() == []


def test_lanes_are_read_from_the_table(desk: Desktop) -> None:
    with desk.engine.connect() as connection:
        ids = connection.execute(sa.select(Lane.id).order_by(Lane.id)).scalars().all()
    assert ids == [lane.id for lane in desk.lanes()]


def test_a_new_database_file_is_private(tmp_path: Path) -> None:
    """Customers' messages and password hashes: owner-only, -wal and -shm included."""
    file = tmp_path / "sub" / "desk.sqlite"
    with Desktop(f"sqlite:///{file}") as desk:
        desk.upgrade()
        desk.lanes()
        modes = {path.name: path.stat().st_mode & 0o777 for path in file.parent.iterdir()}
    assert modes["desk.sqlite"] == 0o600
    assert all(mode == 0o600 for mode in modes.values()), modes
