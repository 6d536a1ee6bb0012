"""The chat server's reads and writes of the desktop's database: the conversation's lines
(``desktop_messages``) and the customer page's heartbeat (``desktop_presence``).

The chat server writes only ``bot`` lines (what Rasa's callback channel posts to it) and the
heartbeat; every other kind of line has its own writer (see ``handoff.desktop.store.Message``).
It shares the desktop's engine settings (``handoff.storage.create_engine``: WAL and a busy
timeout on SQLite, connect and lock timeouts on PostgreSQL) and its schema: it never migrates,
it refuses to start on a database that is not at the code's revision.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from handoff.desktop import store
from handoff.errors import StorageUnavailable
from handoff.storage import write_transaction

__all__ = ["LINE_KINDS", "ChatStore", "Line", "LineKind"]

LineKind = Literal["customer", "bot", "agent", "notice"]
LINE_KINDS: tuple[LineKind, ...] = ("customer", "bot", "agent", "notice")
# The desktop's change-feed lock ("hdesk"): writers of desktop_messages on PostgreSQL take it
# too, so lines commit in seq order for every reader that relies on it (ours does not).
_FEED_LOCK = 0x6864_6573_6B
_CAUSE_CHARS = 200


@dataclass(frozen=True)
class Line:
    """One line of a conversation as the pages show it."""

    seq: int
    conversation_id: str
    kind: LineKind
    author: str | None
    text: str
    at: float
    ref: str | None = None

    @property
    def joins(self) -> bool:
        """A notice that an agent joined (the desktop's join notices: ref ``join:…``); any
        other notice (moved, handed back) means nobody holds the conversation now."""
        return self.kind == "notice" and (self.ref or "").startswith("join:")

    @property
    def survey(self) -> bool:
        """The bot's effort question (the desktop's CES lines: ref ``ces:…``): the page offers
        1-7 buttons, which send the number as if typed."""
        return self.kind == "bot" and (self.ref or "").startswith("ces:")


def _cause(error: BaseException) -> str:
    """The driver error's type and first line: no SQL, no parameters."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    text = lines[0][:_CAUSE_CHARS] if lines else ""
    return f"{type(original).__name__}: {text}" if text else type(original).__name__


class ChatStore:
    """The lines and the heartbeat, on the desktop's database (SQLite file or PostgreSQL).

    Synchronous (SQLAlchemy's sync engine); the web app calls it from a thread pool. Every
    database error surfaces as ``StorageUnavailable`` naming the database, never the data.
    """

    def __init__(
        self,
        url: str,
        *,
        busy_timeout: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._engine, self._path = store.create_engine(url, busy_timeout=busy_timeout)
        self._name = self._engine.url.render_as_string(hide_password=True)
        self._lock = store.write_lock(self._path)
        self._busy_timeout = busy_timeout
        self.clock = clock

    def __repr__(self) -> str:
        return f"ChatStore({self._name!r})"

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine (tests read the tables through it)."""
        return self._engine

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def _storage(self, doing: str) -> Iterator[None]:
        try:
            yield
        except StorageUnavailable:
            raise
        except (sa.exc.SQLAlchemyError, OSError) as error:
            raise StorageUnavailable(
                f"chat database {self._name} cannot {doing}: {_cause(error)}"
            ) from None

    @contextlib.contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self._storage("be read"), self._engine.connect() as connection, connection.begin():
            yield connection

    @contextlib.contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with write_transaction(
            self._engine,
            self._lock,
            timeout=self._busy_timeout,
            busy=f"chat database {self._name} cannot be written: busy",
            guard=self._storage("be written"),
        ) as connection:
            yield connection

    def check(self) -> None:
        """Raise ``StorageUnavailable`` unless the database is reachable and migrated to the
        revision this code knows (``handoff desktop upgrade`` migrates it)."""
        from handoff.desktop import migrations  # noqa: PLC0415

        with self._storage("be read"):
            current = migrations.current(self._engine)
        head = migrations.head()
        if current != head:
            state = "has no desktop tables" if current is None else f"is at revision {current}"
            raise StorageUnavailable(
                f"chat database {self._name} {state}; the code needs revision {head}. "
                "Run: handoff desktop upgrade --db URL"
            )

    # ------------------------------------------------------------------ lines

    def add_bot(self, conversation_id: str, text: str, *, ref: str | None = None) -> int:
        """Store a bot message Rasa's callback channel posted; its ``seq``. A ``ref`` already
        stored is not stored again (its first ``seq`` is returned)."""
        message = store.Message
        with self._write() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_FEED_LOCK)))
            if ref is not None:
                found = connection.execute(
                    sa.select(message.seq).where(message.ref == ref)
                ).scalar_one_or_none()
                if found is not None:
                    return int(found)
            seq = connection.execute(
                sa.insert(message)
                .values(
                    conversation_id=conversation_id,
                    kind="bot",
                    author=None,
                    text=text,
                    ref=ref,
                    at=self.clock(),
                )
                .returning(message.seq)
            ).scalar_one()
        return int(seq)

    def last_seq(self) -> int:
        """The newest line's ``seq`` (0 when there is none)."""
        with self._read() as connection:
            value = connection.execute(sa.select(sa.func.max(store.Message.seq))).scalar()
        return int(value or 0)

    def history(self, conversation_id: str, *, limit: int = 200) -> list[Line]:
        """The conversation's latest ``limit`` lines of every kind, in the order they were
        said (Rasa's time for the customer's, the writer's for the others), then ``seq``."""
        message = store.Message
        with self._read() as connection:
            rows = connection.execute(
                sa.select(message)
                .where(message.conversation_id == conversation_id)
                .order_by(message.seq.desc())
                .limit(limit)
            ).all()
        lines = [_line(row) for row in rows]
        lines.sort(key=lambda line: (line.at, line.seq))
        return lines

    def lines_after(
        self,
        conversation_id: str,
        seq: int,
        kinds: Sequence[LineKind] = LINE_KINDS,
        *,
        limit: int = 500,
    ) -> list[Line]:
        """The conversation's lines of ``kinds`` after ``seq``, oldest first."""
        message = store.Message
        with self._read() as connection:
            rows = connection.execute(
                sa.select(message)
                .where(
                    message.conversation_id == conversation_id,
                    message.seq > int(seq),
                    message.kind.in_(list(kinds)),
                )
                .order_by(message.seq)
                .limit(limit)
            ).all()
        return [_line(row) for row in rows]

    def feed(self, seq: int, limit: int = 1000) -> list[Line]:
        """Every conversation's lines after ``seq``, oldest first (one range scan on the key)."""
        message = store.Message
        with self._read() as connection:
            rows = connection.execute(
                sa.select(message).where(message.seq > int(seq)).order_by(message.seq).limit(limit)
            ).all()
        return [_line(row) for row in rows]

    # ------------------------------------------------------------------ presence

    def seen(self, conversation_ids: Iterable[str], *, at: float | None = None) -> int:
        """Record that these customers' pages are open now (one upsert per conversation, one
        transaction); the number written."""
        ids = sorted(set(conversation_ids))
        if not ids:
            return 0
        when = self.clock() if at is None else at
        presence = store.Presence
        with self._write() as connection:
            dialect = connection.dialect.name
            insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
            statement = insert(presence).values(
                [{"conversation_id": cid, "last_seen": when} for cid in ids]
            )
            # Never move a heartbeat back (two chat servers, clocks a little apart).
            statement = statement.on_conflict_do_update(
                index_elements=[presence.conversation_id],
                set_={
                    "last_seen": sa.func.max(presence.last_seen, statement.excluded.last_seen)
                    if dialect != "postgresql"
                    else sa.func.greatest(presence.last_seen, statement.excluded.last_seen)
                },
            )
            connection.execute(statement)
        return len(ids)

    def last_seen(self, conversation_id: str) -> float | None:
        """When the customer's page was last seen open (None: never)."""
        presence = store.Presence
        with self._read() as connection:
            value = connection.execute(
                sa.select(presence.last_seen).where(presence.conversation_id == conversation_id)
            ).scalar_one_or_none()
        return None if value is None else float(value)


def _line(row: sa.Row[Any]) -> Line:
    kind: LineKind = row.kind if row.kind in LINE_KINDS else "notice"
    return Line(
        seq=int(row.seq),
        conversation_id=row.conversation_id,
        kind=kind,
        author=row.author,
        text=row.text,
        at=float(row.at),
        ref=row.ref,
    )
