"""The durable outbox: each payload and its per-sink deliveries in SQL, written in one transaction.

Two tables (SQLite by default, PostgreSQL by URL)::

    handoff_outbox_messages    key (idempotency key), conversation_id, payload and decision JSON
    handoff_outbox_deliveries  one row per message and sink: status pending → delivered | dead,
                               attempts, next_attempt_at, last_error, delivered_at, and a lease
                               (claim_token, claimed_until) so several workers can share the table

Times are stored as unix seconds (double precision) so that every backend compares them the
same way; the ``Delivery`` records handed out convert them to aware datetimes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, cast

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import DatabaseError, IntegrityError

from handoff.delivery._files import create_private, warn_if_shared
from handoff.delivery._signing import KEY_PATTERN
from handoff.delivery._sinks import Sink
from handoff.errors import StorageUnavailable
from handoff.models.payload import ContextPayload

__all__ = ["Backlog", "Delivery", "Outbox", "OutboxStats", "idempotency_key"]

Status = Literal["pending", "delivered", "dead"]

# How long a write waits for a database another connection is writing to. A put runs inside a
# chat turn: a healthy outbox holds its write lock for milliseconds, so 2 s is generous, and
# past it an honest "storage is down" answer now beats a customer (and, on SQLite, the whole
# action server) stuck for the driver's 30 s default before failing anyway.
DEFAULT_BUSY_TIMEOUT = 2.0
# check() refuses an outbox with less room than this left: a few hundred payloads' worth.
_MIN_FREE_BYTES = 1 << 20
# A driver's message is cut to its first line and this many characters: enough to name the
# cause ("database is locked"), too little to carry data even if a driver quoted some.
_CAUSE_CHARS = 200
_SINK_NAME_CHARS = 100
# A receiver's error page or a traceback is capped: the row must stay small and readable.
_ERROR_CHARS = 2000

_metadata = sa.MetaData()

_messages = sa.Table(
    "handoff_outbox_messages",
    _metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("conversation_id", sa.Text, nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("decision", sa.Text, nullable=True),
    sa.Column("created_at", sa.Double, nullable=False),
)

_deliveries = sa.Table(
    "handoff_outbox_deliveries",
    _metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(200), sa.ForeignKey(_messages.c.key), nullable=False),
    sa.Column("sink", sa.String(_SINK_NAME_CHARS), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_attempt_at", sa.Double, nullable=False),
    sa.Column("claimed_until", sa.Double, nullable=False),
    sa.Column("claim_token", sa.String(32), nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("delivered_at", sa.Double, nullable=True),
    sa.Column("created_at", sa.Double, nullable=False),
    sa.UniqueConstraint("key", "sink", name="uq_handoff_outbox_key_sink"),
    sa.CheckConstraint(
        "status IN ('pending', 'delivered', 'dead')", name="ck_handoff_outbox_status"
    ),
    sa.Index("ix_handoff_outbox_due", "status", "next_attempt_at"),
)


def idempotency_key(payload: ContextPayload) -> str:
    """The default idempotency key of a payload: the same turn routed twice gets the same key.

    SHA-256 (hex) over the conversation id, the rule set version, and the payload's routing
    (lane, queue, priority, skills, SLA), why and transcript excerpt. ``created_at`` and
    ``routing.sla_deadline`` are left out because they depend on when routing ran, not on
    what was decided: re-running the action for the same turn a minute later must not hand
    the customer over a second time. A new turn (the transcript grows), a different decision
    or a new rule set version gives a new key.
    """
    material = {
        "conversation_id": payload.conversation_id,
        "ruleset_version": payload.ruleset_version,
        "routing": payload.routing.model_dump(mode="json", exclude={"sla_deadline"}),
        "why": payload.why.model_dump(mode="json"),
        "transcript": [line.model_dump(mode="json") for line in payload.transcript],
    }
    canonical = json.dumps(material, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # surrogatepass: a lone surrogate (valid in JSON input) must not make the key uncomputable.
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _check_key(key: str) -> str:
    if not KEY_PATTERN.fullmatch(key):
        raise ValueError(
            f"idempotency key {key!r} must be 1-200 printable ASCII characters without spaces "
            "(it is sent as an HTTP header)"
        )
    return key


def _host_tag() -> str:
    """8 hex digits naming this machine (and boot): the first part of our claim tokens."""
    boot = ""
    with contextlib.suppress(OSError):
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    return hashlib.sha256(f"{socket.gethostname()}|{boot}".encode()).hexdigest()[:8]


_HOST = _host_tag()


def _new_token() -> str:
    """A claim token: host tag, our pid (8 hex digits), 16 random hex digits (32 in all).

    The host and pid let a worker starting on the same machine tell a claim of a process
    that no longer exists (killed -9) and release it at once, instead of waiting out its lease.
    """
    return f"{_HOST}{os.getpid() & 0xFFFFFFFF:08x}{uuid.uuid4().hex[:16]}"


def _process_gone(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, but someone else's (EPERM)
    return False


# One write lock per SQLite file in this process. SQLite admits one writer at a time and makes
# the others poll with sleeps of up to 100 ms (its busy handler), which made the action
# server's p99 at 200 req/s over 100 ms once turns were routed from several threads: a
# queue in the process is fair and wakes the next writer at once. Other processes (a
# separate delivery worker) still meet SQLite's own lock, bounded by the busy timeout.
_WRITE_LOCKS: dict[str, threading.Lock] = {}
_WRITE_LOCKS_GUARD = threading.Lock()


def _write_lock(path: Path | None) -> threading.Lock | None:
    if path is None:
        return None
    with _WRITE_LOCKS_GUARD:
        return _WRITE_LOCKS.setdefault(str(path.resolve()), threading.Lock())


def _when(seconds: float | None) -> datetime | None:
    return None if seconds is None else datetime.fromtimestamp(seconds, tz=timezone.utc)


@dataclass(frozen=True)
class Delivery:
    """One payload's delivery to one sink, as the outbox records it."""

    key: str
    sink: str
    conversation_id: str
    status: Status
    attempts: int
    next_attempt_at: datetime | None  # when a worker may try again; None once delivered or dead
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


@dataclass(frozen=True)
class OutboxStats:
    """How many deliveries are in each state, and how long the oldest pending one has waited."""

    pending: int
    delivered: int
    dead: int
    oldest_pending: datetime | None

    @property
    def total(self) -> int:
        """All delivery rows: one per payload and sink."""
        return self.pending + self.delivered + self.dead


@dataclass(frozen=True)
class Backlog:
    """One sink's deliveries still to make: pending (waiting or due), dead, and when the
    oldest pending one was put (None when none is pending)."""

    sink: str
    pending: int
    dead: int
    oldest_pending: datetime | None


@dataclass(frozen=True)
class _Job:
    """A claimed delivery, as the worker needs it."""

    id: int
    key: str
    sink: str
    attempts: int
    body: bytes
    created_at: float = 0.0  # unix seconds of the put, for the delivery lag


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers (stats, pending) run while a worker writes; FULL makes each commit
        # durable, which is the outbox's whole point; foreign keys are off by default in SQLite.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _create_engine(url: str, busy_timeout: float) -> tuple[sa.Engine, Path | None]:
    """An engine whose every wait is bounded, and the SQLite file's path (None otherwise).

    ``hide_parameters``: SQLAlchemy's error texts must never carry a payload's JSON.
    """
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        connect_args: dict[str, Any] = {}
        if parsed.get_driver_name() in ("psycopg", "psycopg2"):  # libpq options
            if "connect_timeout" not in parsed.query:
                connect_args["connect_timeout"] = max(2, math.ceil(busy_timeout))
            if "options" not in parsed.query:
                # A row or table lock held elsewhere fails the statement after busy_timeout.
                connect_args["options"] = f"-c lock_timeout={math.ceil(busy_timeout * 1000)}"
        # pool_pre_ping: a PostgreSQL restart must not leave the worker with dead connections.
        engine = sa.create_engine(
            parsed,
            pool_pre_ping=True,
            pool_timeout=max(busy_timeout, 1.0),
            hide_parameters=True,
            connect_args=connect_args,
        )
        return engine, None
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if in_memory or parsed.query.get("mode") == "memory":
        raise ValueError(
            f"the outbox must be durable; {url!r} is an in-memory SQLite database whose "
            "payloads would vanish with the process. Use a file, e.g. sqlite:///handoff-outbox.db"
        )
    sqlite_args = {} if "timeout" in parsed.query else {"timeout": busy_timeout}
    engine = sa.create_engine(parsed, connect_args=sqlite_args, hide_parameters=True)
    event.listen(engine, "connect", _sqlite_pragmas)
    # A file: URI is opened by SQLite itself (with its own mode); we only pre-create plain paths.
    return engine, None if database.startswith("file:") else Path(database)


def _cause(error: BaseException) -> str:
    """The type and first line of the driver's error: no SQL, no parameters, no traceback."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    text = lines[0][:_CAUSE_CHARS] if lines else ""
    return f"{type(original).__name__}: {text}" if text else type(original).__name__


class Outbox:
    """A durable outbox of context payloads, one delivery row per payload and sink.

    ``url`` is an SQLAlchemy URL (``sqlite:///handoff-outbox.db``,
    ``postgresql+psycopg://user@host/db``) or an ``Engine`` you manage; ``sinks`` are the
    sinks every payload goes to, or just their names (``Sink.name``): the outbox only needs
    the names, to write one delivery row per sink. Tables are created if missing (a new
    SQLite file owner-only, 0600). Nothing is ever deleted: delivered and dead rows stay for
    audit and for ``retry_dead``.

    Every operation that cannot use the storage (locked, corrupt, full, read-only, down)
    raises ``StorageUnavailable`` naming the database and the cause, never the data, after
    waiting at most ``busy_timeout`` seconds for a lock (and, on PostgreSQL with psycopg, for
    a connection). Storage that is down when the outbox is created does not raise there: the
    first ``put`` or ``check`` does. Pass an ``Engine`` of your own with
    ``hide_parameters=True`` and your own timeouts; ``busy_timeout`` applies to URLs only.
    """

    def __init__(
        self,
        url: str | sa.Engine = "sqlite:///handoff-outbox.db",
        *,
        sinks: Iterable[str | Sink] = ("webhook",),
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    ) -> None:
        names = tuple(sink if isinstance(sink, str) else sink.name for sink in sinks)
        if not names:
            raise ValueError("the outbox needs at least one sink name to deliver to")
        if len(set(names)) != len(names):
            raise ValueError(f"sink names must be unique, got {names!r}")
        for name in names:
            if not name or len(name) > _SINK_NAME_CHARS:
                raise ValueError(f"sink name {name!r} must be 1-{_SINK_NAME_CHARS} characters")
        if not 0 < busy_timeout <= 60:
            raise ValueError("busy_timeout must be between 0 and 60 seconds")
        self.sinks: tuple[str, ...] = names
        self._owns_engine = isinstance(url, str)
        if isinstance(url, str):
            self._engine, self._path = _create_engine(url, busy_timeout)
        else:
            self._engine, self._path = url, None
        self._name = self._engine.url.render_as_string(hide_password=True)
        dbapi = getattr(self._engine.dialect, "loaded_dbapi", None)
        driver_error = getattr(dbapi, "Error", None)
        # Errors that mean "storage cannot be used": SQLAlchemy's wrapped ones, the driver's own
        # (raised unwrapped from connect-time pragmas), and the OS's (creating the file).
        self._storage_errors: tuple[type[BaseException], ...] = (
            sa.exc.SQLAlchemyError,
            OSError,
            *((driver_error,) if isinstance(driver_error, type) else ()),
        )
        self._prepared = False
        self._identity: tuple[int, int] | None = None
        self._busy_timeout = busy_timeout
        self._write_lock = _write_lock(self._path)
        # Storage that is down at start-up (PostgreSQL restarting, a full disk) must not keep
        # the server from starting: the next put or check tries again and raises then.
        with contextlib.suppress(StorageUnavailable):
            self._prepare()

    @contextlib.contextmanager
    def _storage(self, doing: str) -> Iterator[None]:
        """Turn any storage failure inside the block into ``StorageUnavailable``."""
        try:
            yield
        except StorageUnavailable:
            raise
        except self._storage_errors as error:
            # from None: the chained SQLAlchemy error would print the SQL into tracebacks.
            raise StorageUnavailable(
                f"outbox {self._name} cannot {doing}: {_cause(error)}"
            ) from None

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """On SQLite, one writer at a time per file in this process (waiting at most the busy
        timeout, then StorageUnavailable); elsewhere nothing."""
        lock = self._write_lock
        if lock is None:
            yield
            return
        if not lock.acquire(timeout=self._busy_timeout):
            raise StorageUnavailable(
                f"outbox {self._name} cannot be written: other writers in this process held "
                f"it for {self._busy_timeout:g} s"
            )
        try:
            yield
        finally:
            lock.release()

    @contextlib.contextmanager
    def _begin(self) -> Iterator[sa.Connection]:
        """A write transaction, taken under ``_locked``."""
        with self._locked(), self._engine.begin() as connection:
            yield connection

    def _prepare(self) -> None:
        """Create the file (owner-only) and the tables, once; raise StorageUnavailable."""
        if self._prepared:
            return
        with self._storage("be opened"):
            if self._path is not None:
                create_private(self._path)
                for suffix in ("-wal", "-shm", "-journal"):
                    warn_if_shared(self._path.with_name(self._path.name + suffix))
            self._create_tables()
            self._identity = self._file_identity()
        self._prepared = True

    def _file_identity(self) -> tuple[int, int] | None:
        if self._path is None:
            return None
        stat = self._path.stat()
        return stat.st_dev, stat.st_ino

    def _same_file(self, doing: str) -> None:
        """Refuse to go on if the SQLite file was deleted or replaced since it was opened.

        Open connections would keep writing into the deleted file, where nobody will ever
        read it: a put must fail loudly instead. It stays failed until the process restarts
        (its connections still hold the old file, and perhaps undelivered rows in it).
        """
        if self._path is None or not self._prepared:
            return
        try:
            identity = self._file_identity()
        except FileNotFoundError:
            identity = None
        if identity != self._identity:
            raise StorageUnavailable(
                f"outbox {self._name} cannot {doing}: the file was deleted or replaced since "
                "it was opened; restore it and restart"
            )

    def _create_tables(self) -> None:
        try:
            _metadata.create_all(self._engine)
        except DatabaseError:
            # Two processes starting together may both try CREATE TABLE; one of them loses.
            tables = set(sa.inspect(self._engine).get_table_names())
            if not {_messages.name, _deliveries.name} <= tables:
                raise

    # ------------------------------------------------------------------ writing

    def put(
        self,
        payload: ContextPayload,
        *,
        decision_json: str | None = None,
        key: str | None = None,
    ) -> str:
        """Store ``payload`` and one pending delivery per sink in one transaction; return its key.

        ``key`` defaults to ``idempotency_key(payload)``. Putting a key that is already in the
        outbox changes nothing (the first payload stored under a key wins) and returns the key,
        so routing the same turn twice hands the customer over once. ``decision_json`` (e.g.
        ``decision.model_dump_json()``) is kept with the payload for audit; it is not sent.
        """
        key = idempotency_key(payload) if key is None else _check_key(key)
        if decision_json is not None:
            json.loads(decision_json)  # refuse garbage now, not when someone audits it
        body = payload.model_dump_json()
        now = time.time()
        with self._storage("store a payload"):
            self._prepare()
            self._same_file("store a payload")
            self._insert(key, payload.conversation_id, body, decision_json, now)
        return key

    def _insert(
        self, key: str, conversation_id: str, body: str, decision_json: str | None, now: float
    ) -> None:
        try:
            with self._begin() as connection:
                connection.execute(
                    _messages.insert().values(
                        key=key,
                        conversation_id=conversation_id,
                        payload=body,
                        decision=decision_json,
                        created_at=now,
                    )
                )
                connection.execute(
                    _deliveries.insert(),
                    [
                        {
                            "key": key,
                            "sink": sink,
                            "status": "pending",
                            "attempts": 0,
                            "next_attempt_at": now,
                            "claimed_until": 0.0,
                            "created_at": now,
                        }
                        for sink in self.sinks
                    ],
                )
        except IntegrityError:
            # The key is already stored (an earlier put, or a concurrent one that won the
            # race): that is the idempotent case. Any other integrity problem is a bug.
            if not self._has(key):
                raise

    def retry_dead(self, *, key: str | None = None) -> int:
        """Requeue dead deliveries (all, or those of one key) with a fresh attempt budget.

        Returns how many were requeued. ``last_error`` is kept until the next attempt.
        """
        statement = (
            _deliveries.update()
            .where(_deliveries.c.status == "dead")
            .values(status="pending", attempts=0, next_attempt_at=time.time(), claimed_until=0.0)
        )
        if key is not None:
            statement = statement.where(_deliveries.c.key == key)
        with self._storage("requeue dead deliveries"):
            self._prepare()
            with self._begin() as connection:
                return connection.execute(statement).rowcount

    # ------------------------------------------------------------------ reading

    def pending(self, *, limit: int | None = None) -> list[Delivery]:
        """Deliveries not yet made, oldest first (including those waiting to be retried)."""
        return self._deliveries_with("pending", limit)

    def dead(self, *, limit: int | None = None) -> list[Delivery]:
        """Deliveries that used up their attempts; kept until ``retry_dead`` requeues them."""
        return self._deliveries_with("dead", limit)

    def deliveries(self, key: str) -> list[Delivery]:
        """Every delivery row of one payload, one per sink."""
        statement = self._select_deliveries().where(_deliveries.c.key == key)
        return self._read("read deliveries", statement)

    def payload(self, key: str) -> ContextPayload:
        """The stored payload with this key; KeyError if there is none."""
        statement = sa.select(_messages.c.payload).where(_messages.c.key == key)
        with self._storage("read a payload"):
            self._prepare()
            with self._engine.connect() as connection:
                text = connection.execute(statement).scalar_one_or_none()
        if text is None:
            raise KeyError(key)
        return ContextPayload.model_validate_json(text)

    def stats(self) -> OutboxStats:
        """Counts of pending, delivered and dead deliveries."""
        statement = sa.select(
            _deliveries.c.status,
            sa.func.count(),
            sa.func.min(_deliveries.c.created_at),
        ).group_by(_deliveries.c.status)
        counts = {"pending": 0, "delivered": 0, "dead": 0}
        oldest: float | None = None
        with self._storage("count deliveries"):
            self._prepare()
            with self._engine.connect() as connection:
                for status, count, first in connection.execute(statement):
                    counts[status] = count
                    if status == "pending":
                        oldest = first
        return OutboxStats(
            pending=counts["pending"],
            delivered=counts["delivered"],
            dead=counts["dead"],
            oldest_pending=_when(oldest),
        )

    def backlog(self) -> dict[str, Backlog]:
        """Per sink of this outbox: pending and dead deliveries, and the oldest pending one.

        Cheap enough to run on every metrics scrape: it reads only pending and dead rows,
        through the ``(status, next_attempt_at)`` index, never the delivered history.
        """
        statement = (
            sa.select(
                _deliveries.c.sink,
                _deliveries.c.status,
                sa.func.count(),
                sa.func.min(_deliveries.c.created_at),
            )
            .where(_deliveries.c.status.in_(("pending", "dead")))
            .group_by(_deliveries.c.sink, _deliveries.c.status)
        )
        found: dict[str, dict[str, tuple[int, float | None]]] = {sink: {} for sink in self.sinks}
        with self._storage("count the backlog"):
            self._prepare()
            with self._engine.connect() as connection:
                for sink, status, count, first in connection.execute(statement):
                    found.setdefault(sink, {})[status] = (int(count), first)
        return {
            sink: Backlog(
                sink=sink,
                pending=states.get("pending", (0, None))[0],
                dead=states.get("dead", (0, None))[0],
                oldest_pending=_when(states.get("pending", (0, None))[1]),
            )
            for sink, states in found.items()
        }

    def check(self) -> None:
        """Raise ``StorageUnavailable`` unless the outbox can take a payload now.

        This is the readiness check: a server whose outbox fails it must not promise anyone
        a person. In bounded time (the busy timeout) it takes the write lock (SQLite:
        ``BEGIN IMMEDIATE``), reads the newest rows of both tables through their indexes (a
        corrupted file fails here), runs an UPDATE that matches no row (a read-only file,
        directory or database fails here, without writing anything), requires 1 MiB of room
        on SQLite (on the disk and under the database's ``max_page_count``), and rolls back.
        It cannot promise the next write will succeed, only that nothing known stops it. The
        message names the database (without its password) and the cause.
        """
        with self._storage("be used"):
            self._prepare()
            self._same_file("be used")
            with self._locked(), self._engine.connect() as connection:
                sqlite = self._engine.dialect.name == "sqlite"
                if sqlite:
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                try:
                    self._probe(connection)
                    free = self._sqlite_room(connection) if sqlite else _MIN_FREE_BYTES
                finally:
                    if sqlite:
                        connection.exec_driver_sql("ROLLBACK")
                    else:
                        connection.rollback()
        if free < _MIN_FREE_BYTES:
            raise StorageUnavailable(
                f"outbox {self._name} cannot be used: only {free} bytes of room left "
                "(on the disk or under max_page_count)"
            )

    @staticmethod
    def _probe(connection: sa.Connection) -> None:
        """Read the newest row of each table and the due index: cheap, and touches each tree."""
        connection.execute(sa.select(sa.func.max(_messages.c.key))).all()
        newest = sa.select(_deliveries.c.id, _deliveries.c.status).order_by(_deliveries.c.id.desc())
        connection.execute(newest.limit(1)).all()
        due = sa.select(sa.func.min(_deliveries.c.next_attempt_at)).where(
            _deliveries.c.status == "pending"
        )
        connection.execute(due).all()
        # Matches nothing, writes nothing, but needs a writable database to run at all.
        nothing = _deliveries.update().where(sa.false()).values(attempts=_deliveries.c.attempts)
        connection.execute(nothing)

    def _sqlite_room(self, connection: sa.Connection) -> int:
        """Bytes that can still be written: the least of the disk's and max_page_count's."""

        def pragma(name: str) -> int:
            return int(connection.exec_driver_sql(f"PRAGMA {name}").scalar() or 0)

        pages_left = pragma("max_page_count") - pragma("page_count") + pragma("freelist_count")
        room = pages_left * pragma("page_size")
        if self._path is not None:
            disk = os.statvfs(self._path.parent if str(self._path.parent) else ".")
            room = min(room, disk.f_bavail * disk.f_frsize)
        return room

    def close(self) -> None:
        """Release database connections (only those of an engine this outbox created)."""
        if self._owns_engine:
            self._engine.dispose()

    def __enter__(self) -> Outbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Outbox({self._name!r}, sinks={self.sinks!r})"

    def _has(self, key: str) -> bool:
        statement = sa.select(_messages.c.key).where(_messages.c.key == key)
        with self._engine.connect() as connection:
            return connection.execute(statement).first() is not None

    @staticmethod
    def _select_deliveries() -> sa.Select[Any]:
        return (
            sa.select(_deliveries, _messages.c.conversation_id)
            .join(_messages, _messages.c.key == _deliveries.c.key)
            .order_by(_deliveries.c.created_at, _deliveries.c.id)
        )

    def _deliveries_with(self, status: Status, limit: int | None) -> list[Delivery]:
        statement = self._select_deliveries().where(_deliveries.c.status == status).limit(limit)
        return self._read("read deliveries", statement)

    def _read(self, doing: str, statement: sa.Select[Any]) -> list[Delivery]:
        with self._storage(doing):
            self._prepare()
            with self._engine.connect() as connection:
                return [self._to_delivery(row) for row in connection.execute(statement)]

    @staticmethod
    def _to_delivery(row: sa.Row[Any]) -> Delivery:
        status = cast(Status, row.status)
        created = _when(row.created_at)
        assert created is not None  # the column is NOT NULL
        return Delivery(
            key=row.key,
            sink=row.sink,
            conversation_id=row.conversation_id,
            status=status,
            attempts=row.attempts,
            next_attempt_at=_when(row.next_attempt_at) if status == "pending" else None,
            last_error=row.last_error,
            delivered_at=_when(row.delivered_at),
            created_at=created,
        )

    # ------------------------------------------------------------------ for DeliveryWorker

    def _claim(
        self, sinks: Sequence[str], *, now: float, lease: float, limit: int
    ) -> tuple[str, list[_Job]]:
        """Lease up to ``limit`` due deliveries for these sinks to the caller until now + lease.

        One UPDATE both picks and claims, and it repeats the "due and unclaimed" test in its
        own WHERE: on SQLite the statement runs under the database write lock, and on
        PostgreSQL a row another worker claimed meanwhile no longer matches when the UPDATE
        re-reads it (SKIP LOCKED just saves the wait). Either way a row has one owner at a time.
        """
        token = _new_token()
        due = sa.and_(
            _deliveries.c.status == "pending",
            _deliveries.c.next_attempt_at <= now,
            _deliveries.c.claimed_until <= now,
            _deliveries.c.sink.in_(list(sinks)),
        )
        candidates = (
            sa.select(_deliveries.c.id)
            .where(due)
            .order_by(_deliveries.c.next_attempt_at, _deliveries.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        claim = (
            _deliveries.update()
            .where(_deliveries.c.id.in_(candidates), due)
            .values(claim_token=token, claimed_until=now + lease)
        )
        jobs = (
            sa.select(
                _deliveries.c.id,
                _deliveries.c.key,
                _deliveries.c.sink,
                _deliveries.c.attempts,
                _deliveries.c.created_at,
                _messages.c.payload,
            )
            .join(_messages, _messages.c.key == _deliveries.c.key)
            .where(_deliveries.c.claim_token == token)
            .order_by(_deliveries.c.next_attempt_at, _deliveries.c.id)
        )
        with self._storage("claim deliveries"):
            self._prepare()
            with self._begin() as connection:
                # The write comes first: on SQLite a transaction that read first could not take
                # the write lock later without risking SQLITE_BUSY (a deadlock between readers).
                if connection.execute(claim).rowcount == 0:
                    return token, []
                rows = connection.execute(jobs).all()
        return token, [
            _Job(
                id=row.id,
                key=row.key,
                sink=row.sink,
                attempts=row.attempts,
                body=row.payload.encode("utf-8"),
                created_at=row.created_at,
            )
            for row in rows
        ]

    def _mark_delivered(self, job: _Job, *, now: float) -> None:
        # Not conditional on still holding the lease: the sink accepted it, so it is delivered
        # even if a slow send outlived the lease and another worker retries it meanwhile.
        statement = (
            _deliveries.update()
            .where(_deliveries.c.id == job.id, _deliveries.c.status != "delivered")
            .values(
                status="delivered",
                delivered_at=now,
                attempts=_deliveries.c.attempts + 1,
                claim_token=None,
                claimed_until=0.0,
            )
        )
        with self._storage("record a delivery"), self._begin() as connection:
            connection.execute(statement)

    def _renew(self, job: _Job, token: str, *, until: float) -> bool:
        """Extend our lease on one claimed row before sending it; False if it is not ours now.

        Conditional on the claim token: if our batch lease ran out while earlier rows were
        being sent and another worker claimed this one, it has a new token and we skip it.
        """
        statement = (
            _deliveries.update()
            .where(
                _deliveries.c.id == job.id,
                _deliveries.c.claim_token == token,
                _deliveries.c.status == "pending",
            )
            .values(claimed_until=until)
        )
        with self._storage("renew a lease"), self._begin() as connection:
            return bool(connection.execute(statement).rowcount)

    def _mark_failed(
        self, job: _Job, token: str, *, error: str, next_attempt_at: float | None
    ) -> None:
        """Record a failed attempt; ``next_attempt_at=None`` marks the delivery dead."""
        values: dict[str, Any] = {
            "attempts": _deliveries.c.attempts + 1,
            "last_error": error[:_ERROR_CHARS],
            "claim_token": None,
            "claimed_until": 0.0,
        }
        if next_attempt_at is None:
            values["status"] = "dead"
        else:
            values["next_attempt_at"] = next_attempt_at
        # Only while we still hold the lease: otherwise another worker owns the row now.
        statement = (
            _deliveries.update()
            .where(_deliveries.c.id == job.id, _deliveries.c.claim_token == token)
            .values(**values)
        )
        with self._storage("record a failed delivery"), self._begin() as connection:
            connection.execute(statement)

    def _release_orphans(self, *, now: float) -> int:
        """Release live claims held by processes of this machine that no longer exist.

        Called when a worker starts: rows a killed worker claimed go back at once rather
        than after their lease. Only this machine's claims are judged (by the host tag in the
        token); a pid that exists, or that we may not signal, is left alone. Workers sharing
        a hostname across pid namespaces (containers with one hostname) would see each other's
        pids as gone: then a row may be sent twice, which receivers deduplicate anyway.
        """
        held = (
            sa.select(_deliveries.c.claim_token)
            .where(
                _deliveries.c.status == "pending",
                _deliveries.c.claimed_until > now,
                _deliveries.c.claim_token.like(f"{_HOST}%"),
            )
            .distinct()
        )
        with self._storage("release orphaned claims"):
            self._prepare()
            with self._engine.connect() as connection:
                tokens = [row[0] for row in connection.execute(held)]
            orphans = [t for t in tokens if len(t) == 32 and _process_gone(int(t[8:16], 16))]
            if not orphans:
                return 0
            release = (
                _deliveries.update()
                .where(_deliveries.c.claim_token.in_(orphans), _deliveries.c.status == "pending")
                .values(claim_token=None, claimed_until=0.0)
            )
            with self._begin() as connection:
                return connection.execute(release).rowcount

    def _release(self, token: str) -> None:
        """Hand back claimed deliveries that were not attempted, for any worker to take."""
        statement = (
            _deliveries.update()
            .where(_deliveries.c.claim_token == token, _deliveries.c.status == "pending")
            .values(claim_token=None, claimed_until=0.0)
        )
        with self._storage("release claims"), self._begin() as connection:
            connection.execute(statement)
