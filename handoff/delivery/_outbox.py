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

import hashlib
import json
import re
import time
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from types import TracebackType
from typing import Any, Literal, cast

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import DatabaseError, IntegrityError

from handoff.delivery._sinks import Sink
from handoff.errors import StorageUnavailable
from handoff.models.payload import ContextPayload

__all__ = ["Delivery", "Outbox", "OutboxStats", "idempotency_key"]

Status = Literal["pending", "delivered", "dead"]

# Keys travel in an HTTP header: printable ASCII, no spaces, a bounded length.
_KEY = re.compile(r"[\x21-\x7e]{1,200}")
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
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _check_key(key: str) -> str:
    if not _KEY.fullmatch(key):
        raise ValueError(
            f"idempotency key {key!r} must be 1-200 printable ASCII characters without spaces "
            "(it is sent as an HTTP header)"
        )
    return key


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
class _Job:
    """A claimed delivery, as the worker needs it."""

    id: int
    key: str
    sink: str
    attempts: int
    body: bytes


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


def _create_engine(url: str) -> sa.Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # pool_pre_ping: a PostgreSQL restart must not leave the worker with dead connections.
        return sa.create_engine(parsed, pool_pre_ping=True)
    database = parsed.database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if in_memory or parsed.query.get("mode") == "memory":
        raise ValueError(
            f"the outbox must be durable; {url!r} is an in-memory SQLite database whose "
            "payloads would vanish with the process. Use a file, e.g. sqlite:///handoff-outbox.db"
        )
    # Wait for a busy database (another worker, a put) instead of failing at once.
    connect_args = {} if "timeout" in parsed.query else {"timeout": 30.0}
    engine = sa.create_engine(parsed, connect_args=connect_args)
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Outbox:
    """A durable outbox of context payloads, one delivery row per payload and sink.

    ``url`` is an SQLAlchemy URL (``sqlite:///handoff-outbox.db``,
    ``postgresql+psycopg://user@host/db``) or an ``Engine`` you manage; ``sinks`` are the
    sinks every payload goes to, or just their names (``Sink.name``): the outbox only needs
    the names, to write one delivery row per sink. Tables are created if missing.
    Nothing is ever deleted: delivered and dead rows stay for audit and for ``retry_dead``.
    """

    def __init__(
        self,
        url: str | sa.Engine = "sqlite:///handoff-outbox.db",
        *,
        sinks: Iterable[str | Sink] = ("webhook",),
    ) -> None:
        names = tuple(sink if isinstance(sink, str) else sink.name for sink in sinks)
        if not names:
            raise ValueError("the outbox needs at least one sink name to deliver to")
        if len(set(names)) != len(names):
            raise ValueError(f"sink names must be unique, got {names!r}")
        for name in names:
            if not name or len(name) > _SINK_NAME_CHARS:
                raise ValueError(f"sink name {name!r} must be 1-{_SINK_NAME_CHARS} characters")
        self.sinks: tuple[str, ...] = names
        self._owns_engine = isinstance(url, str)
        self._engine = _create_engine(url) if isinstance(url, str) else url
        self._create_tables()

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
        now = time.time()
        try:
            with self._engine.begin() as connection:
                connection.execute(
                    _messages.insert().values(
                        key=key,
                        conversation_id=payload.conversation_id,
                        payload=payload.model_dump_json(),
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
        return key

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
        with self._engine.begin() as connection:
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
        with self._engine.connect() as connection:
            return [self._to_delivery(row) for row in connection.execute(statement)]

    def payload(self, key: str) -> ContextPayload:
        """The stored payload with this key; KeyError if there is none."""
        statement = sa.select(_messages.c.payload).where(_messages.c.key == key)
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

    def check(self) -> None:
        """Raise ``StorageUnavailable`` unless the outbox's tables can be read now.

        This is the readiness check: a server whose outbox fails it must not promise anyone
        a person. The message names the database (without its password) and the cause.
        """
        statement = sa.select(sa.func.count()).select_from(_messages)
        try:
            with self._engine.connect() as connection:
                connection.execute(statement).scalar_one()
        except sa.exc.SQLAlchemyError as error:
            cause = type(getattr(error, "orig", None) or error).__name__
            raise StorageUnavailable(
                f"outbox {self._engine.url.render_as_string()} cannot be read: {cause}"
            ) from None

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
        return f"Outbox({self._engine.url.render_as_string()!r}, sinks={self.sinks!r})"

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
        token = uuid.uuid4().hex
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
                _messages.c.payload,
            )
            .join(_messages, _messages.c.key == _deliveries.c.key)
            .where(_deliveries.c.claim_token == token)
            .order_by(_deliveries.c.next_attempt_at, _deliveries.c.id)
        )
        with self._engine.begin() as connection:
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
        with self._engine.begin() as connection:
            connection.execute(statement)

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
        with self._engine.begin() as connection:
            connection.execute(statement)

    def _release(self, token: str) -> None:
        """Hand back claimed deliveries that were not attempted, for any worker to take."""
        statement = (
            _deliveries.update()
            .where(_deliveries.c.claim_token == token, _deliveries.c.status == "pending")
            .values(claim_token=None, claimed_until=0.0)
        )
        with self._engine.begin() as connection:
            connection.execute(statement)
