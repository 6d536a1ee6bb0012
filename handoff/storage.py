"""SQLAlchemy engines for the stores that share the desktop's database: the desktop's own
tables (handoff.desktop, handoff.chat) and the governed rule versions (handoff.governance).

One set of engine settings and one process-wide write lock per SQLite file, so every writer
to that file in a process takes turns in the same way: SQLite gets WAL, FULL sync, foreign
keys, a busy timeout and ``BEGIN IMMEDIATE`` for writes; PostgreSQL (psycopg) a connect and a
lock timeout. SQLAlchemy's error texts never carry parameters (payloads, passwords).
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from handoff.errors import StorageUnavailable

__all__ = [
    "NAMING_CONVENTION",
    "create_engine",
    "events_url",
    "sqlite_path",
    "write_lock",
    "write_transaction",
]

# Names for every constraint of the tables in the desktop's database (desktop_*, rules_*),
# so a migration can name, and a later one drop, each of them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _wal(cursor: Any, *, patience: float = 30.0) -> None:
    """Switch the file to WAL unless it is already. Changing the journal mode does not wait
    on SQLite's busy handler: a second process connecting while the first migrates (a table
    copied and dropped) would fail at once with "database is locked", so it retries."""
    deadline = time.monotonic() + patience
    while True:
        try:
            if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # The driver must not open transactions by itself: _sqlite_begin does, so that a write
    # transaction can take SQLite's write lock up front (BEGIN IMMEDIATE) instead of failing
    # with "database is locked" when a read in it tries to become a write.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # WAL: pages are read while an action writes. FULL: a payload the webhook
        # acknowledged survives a power cut too (the sender stops retrying on our 200).
        # Foreign keys are off in SQLite unless asked for.
        _wal(cursor)
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _sqlite_begin(connection: sa.Connection) -> None:
    if connection.get_execution_options().get("store_write"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def create_engine(url: str, *, busy_timeout: float) -> tuple[sa.Engine, Path | None]:
    """An engine for a store and the SQLite file's path (None for other databases).

    ``hide_parameters``: SQLAlchemy's error texts must never carry payloads or passwords.
    SQLite gets WAL and a busy timeout; PostgreSQL (psycopg) a connect and a lock timeout.
    A connection executing with the option ``store_write=True`` begins with
    ``BEGIN IMMEDIATE`` on SQLite.
    """
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        connect_args: dict[str, Any] = {}
        if parsed.get_driver_name() in ("psycopg", "psycopg2"):
            if "connect_timeout" not in parsed.query:
                connect_args["connect_timeout"] = max(2, math.ceil(busy_timeout))
            if "options" not in parsed.query:
                connect_args["options"] = f"-c lock_timeout={math.ceil(busy_timeout * 1000)}"
        engine = sa.create_engine(
            parsed,
            pool_pre_ping=True,
            pool_timeout=max(busy_timeout, 1.0),
            hide_parameters=True,
            connect_args=connect_args,
            isolation_level="READ COMMITTED",
        )
        return engine, None
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if in_memory or parsed.query.get("mode") == "memory":
        raise ValueError(
            f"the desktop needs a database file; {url!r} is an in-memory SQLite database that "
            "each connection would see empty. Use a file, e.g. sqlite:///desktop.sqlite"
        )
    sqlite_args: dict[str, Any] = {"check_same_thread": False}
    if "timeout" not in parsed.query:
        sqlite_args["timeout"] = busy_timeout
    engine = sa.create_engine(parsed, connect_args=sqlite_args, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine, None if database.startswith("file:") else Path(database)


# One write lock per SQLite file in this process: SQLite admits one writer and makes the
# others poll with sleeps (its busy handler); a lock in the process wakes the next writer at
# once. Other processes still meet SQLite's own lock, bounded by the busy timeout.
_WRITE_LOCKS: dict[str, threading.Lock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def write_lock(path: Path | None) -> threading.Lock | None:
    """The process-wide write lock of an SQLite file (None for other databases)."""
    if path is None:
        return None
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(str(path.resolve()), threading.Lock())


@contextlib.contextmanager
def write_transaction(
    engine: sa.Engine,
    lock: threading.Lock | None,
    *,
    timeout: float,
    busy: str,
    guard: AbstractContextManager[Any],
) -> Iterator[sa.Connection]:
    """One write transaction of a store: the file's :func:`write_lock` first (at most
    ``timeout`` seconds, else ``StorageUnavailable(busy)``), then, inside ``guard`` (the
    store's translation of database errors), a connection that begins with ``BEGIN
    IMMEDIATE`` on SQLite; the lock is released whatever happens."""
    if lock is not None and not lock.acquire(timeout=timeout):
        raise StorageUnavailable(busy)
    try:
        with guard, engine.connect() as connection:
            connection.execution_options(store_write=True)
            with connection.begin():
                yield connection
    finally:
        if lock is not None:
            lock.release()


def sqlite_path(engine: sa.Engine) -> Path | None:
    """The SQLite file an engine writes (None for other databases and ``file:`` URIs), as
    :func:`create_engine` returns it: the key of :func:`write_lock`."""
    database = engine.url.database or ""
    if engine.dialect.name != "sqlite" or database.startswith("file:"):
        return None
    return Path(database)


def events_url(value: str) -> str:
    """An SQLAlchemy URL for Rasa's SQL event broker or tracker store database (the desktop's
    relay and the rules backtest read it): a URL as given, or a file path (SQLite). SQLite is
    opened read-only: the file is Rasa's."""
    if "://" not in value:
        path = Path(value).expanduser().resolve()
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    url = sa.make_url(value)
    if url.get_backend_name() == "sqlite" and url.database and "mode" not in url.query:
        database = url.database
        if not database.startswith("file:"):
            database = f"file:{Path(database).expanduser().resolve()}"
        url = url.set(database=database, query={**url.query, "mode": "ro", "uri": "true"})
        return url.render_as_string(hide_password=False)
    return value
