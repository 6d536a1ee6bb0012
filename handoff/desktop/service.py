"""The agent desktop's service: receive payloads, queues, the card, audited agent actions.

Everything here is **synchronous** (SQLAlchemy's sync engine); a web layer calls it from a
thread pool (Starlette's ``run_in_threadpool``). Each public method is one database
transaction: a change and its audit row and change-feed rows commit together or not at all.

Permissions are checked here, at one seam, against the user as the database has them now
(a role or lanes changed by an admin, or a deactivation, take effect at the next call):

- agents see and act on conversations of their lanes only; for everything else they get
  ``NotFound``, exactly as for a conversation that does not exist (guessed ids leak nothing);
- supervisors see every lane, override and reassign;
- admins do what supervisors do and manage users and lanes.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import hmac
import io
import json
import logging
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, cast

import sqlalchemy as sa
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError

from handoff.delivery._files import create_private
from handoff.delivery._signing import KEY_PATTERN
from handoff.desktop import auth, cycles, store
from handoff.desktop.records import (
    AuditEntry,
    BotUnavailable,
    Change,
    Conflict,
    ConversationRecord,
    Forbidden,
    InvalidInput,
    InvalidPayload,
    LaneInfo,
    LaneQueue,
    LineRecord,
    NoteRecord,
    NotFound,
    PayloadConflict,
    QueueItem,
    Role,
    SessionInfo,
    Status,
    Step,
    TickRecord,
    UnknownLane,
    User,
    WrapUpRecord,
)
from handoff.desktop.store import (
    Audit,
    Claim,
    Delivery,
    Lane,
    Message,
    Note,
    Presence,
    RelayCursor,
    Tick,
    UserLane,
    WrapUp,
)
from handoff.desktop.store import Change as ChangeRow
from handoff.desktop.store import Conversation as Conv
from handoff.desktop.store import Session as SessionRow
from handoff.desktop.store import User as UserRow
from handoff.errors import StorageUnavailable
from handoff.models.payload import ContextPayload
from handoff.outcomes import ces
from handoff.storage import write_transaction

if TYPE_CHECKING:
    from handoff.models.rules import RuleSet
    from handoff.router import Router

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_NOTE_CHARS",
    "MAX_REPLY_CHARS",
    "Bot",
    "Desktop",
    "RasaBot",
]

log = logging.getLogger("handoff.desktop")

# A context payload is a few kB; 1 MiB leaves room and refuses a body meant to exhaust memory.
MAX_BODY_BYTES = 1 << 20
MAX_NOTE_CHARS = 2000
# An agent's chat reply: a few paragraphs at most (Rasa's channels cap messages too).
MAX_REPLY_CHARS = 2000
# The card shows the lines of the conversation from a little before its handoff on, at most
# this many (the payload's transcript has what came before).
MAX_LINES = 200
_LINES_LEEWAY = 60.0
SESSION_SECONDS = 12 * 3600  # one long shift
DEFAULT_BUSY_TIMEOUT = 5.0
_PROBLEMS_SHOWN = 20
_CAUSE_CHARS = 200
_RETRIES = 3
# Login throttling: after this many failures in a row, refuse for 30 s, doubling, at most 15 min.
THROTTLE_AFTER = 5
THROTTLE_SECONDS = 30
THROTTLE_MAX_SECONDS = 900
# PostgreSQL advisory lock key serialising the change feed's writers ("hdesk" in ASCII).
_FEED_LOCK = 0x6864_6573_6B

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
_LANE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{0,63}")
_OUTCOME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\- ]{0,63}")
_RESERVED_NAMES = frozenset({"bot", "system"})
_HUMAN_KINDS = ("human", "specialist", "callback", "override")
_STEPS: tuple[Step, ...] = ("validate", "reframe", "commit")
_NEEDED = ("yes", "no", "unsure")
_OPEN: tuple[Status, ...] = ("waiting", "claimed")


# ------------------------------------------------------------------------------ the bot


class Bot(Protocol):
    """What the desktop needs from the bot: resume it, or point its routing at a lane.

    Implementations raise ``BotUnavailable`` (with a message an agent can read) when the
    bot refuses or cannot be reached; the desktop then changes nothing.
    """

    def hand_back(self, conversation_id: str, note: str) -> None:
        """Give the conversation back to the bot, with the agent's note."""

    def override(self, conversation_id: str, lane: str | None) -> None:
        """From the next turn on, route the conversation to ``lane`` (None clears it)."""


class RasaBot:
    """The bot behind Rasa's HTTP API (``rasa run --enable-api``), through
    :func:`handoff.adapters.rasa.hand_back` and :func:`handoff.adapters.rasa.override`.

    ``jwt_secret`` is Rasa's ``--jwt-secret`` (a 60-second token scoped to the one
    conversation is sent); ``state_secret`` is the action server's, so the routing state
    written is one the action server trusts. ``token`` (Rasa's ``--auth-token``) may be
    given instead of ``jwt_secret``.
    """

    def __init__(
        self,
        url: str,
        jwt_secret: str | bytes | None = None,
        state_secret: str | bytes | None = None,
        *,
        token: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        if not url.startswith(("http://", "https://")):
            raise ValueError("the Rasa URL must start with http:// or https://")
        if jwt_secret is None and token is None:
            raise ValueError("give Rasa's JWT secret (recommended) or its auth token")
        self.url = url
        self._jwt_secret = jwt_secret
        self._token = token
        self._state_secret = (
            state_secret.encode("utf-8") if isinstance(state_secret, str) else state_secret
        )
        self._timeout = timeout

    def __repr__(self) -> str:
        return f"RasaBot({self.url!r})"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> RasaBot | None:
        """The bot the environment describes, or None when ``HANDOFF_DESKTOP_RASA_URL`` is
        not set (a desktop without Rasa: hand-back is refused, overrides stay local).

        ``HANDOFF_RASA_JWT_SECRET`` (Rasa's ``--jwt-secret``, as ``rasa_project/run_local.sh``
        sets it) or ``HANDOFF_DESKTOP_RASA_TOKEN`` (its ``--auth-token``), and the action
        server's ``HANDOFF_STATE_SECRET`` (its first key signs); each may instead name a
        file with ``…_FILE``. Raises ValueError naming what is missing.
        """
        from handoff.adapters.rasa_actions import ConfigError, SecretSource  # noqa: PLC0415

        env = os.environ if env is None else env
        url = env.get("HANDOFF_DESKTOP_RASA_URL", "").strip()
        if not url:
            return None
        try:
            jwt_secret = SecretSource("HANDOFF_RASA_JWT_SECRET", env).values()
            token = SecretSource("HANDOFF_DESKTOP_RASA_TOKEN", env).values()
            state = SecretSource("HANDOFF_STATE_SECRET", env).values()
        except ConfigError as error:
            raise ValueError(str(error)) from None
        if not jwt_secret and not token:
            raise ValueError(
                "HANDOFF_DESKTOP_RASA_URL is set: also set HANDOFF_RASA_JWT_SECRET (Rasa's "
                "--jwt-secret) or HANDOFF_DESKTOP_RASA_TOKEN (its --auth-token)"
            )
        if not state:
            raise ValueError(
                "HANDOFF_DESKTOP_RASA_URL is set: also set HANDOFF_STATE_SECRET (the action "
                "server's), so the routing state the desktop writes is one it trusts"
            )
        return cls(
            url,
            jwt_secret[0] if jwt_secret else None,
            state[0],
            token=None if jwt_secret else token[0].decode("utf-8"),
        )

    def hand_back(self, conversation_id: str, note: str) -> None:
        """Resume the bot for this conversation; ``BotUnavailable`` if Rasa refuses or is down."""
        from handoff.adapters import rasa  # noqa: PLC0415  (rasa-sdk loads only when used)

        with self._calling("hand the conversation back"):
            rasa.hand_back(
                self.url,
                conversation_id,
                note,
                state_secret=self._state_secret,
                jwt_secret=self._jwt_secret,
                token=self._token,
                timeout=self._timeout,
            )

    def override(self, conversation_id: str, lane: str | None) -> None:
        """Route the conversation's next turns to ``lane``; ``BotUnavailable`` on failure."""
        from handoff.adapters import rasa  # noqa: PLC0415

        if not self._state_secret:
            raise BotUnavailable(
                "an override needs the action server's state secret "
                "(HANDOFF_STATE_SECRET); the bot was not changed"
            )
        with self._calling("set the override"):
            rasa.override(
                self.url,
                conversation_id,
                lane,
                state_secret=self._state_secret,
                jwt_secret=self._jwt_secret,
                token=self._token,
                timeout=self._timeout,
            )

    @property
    def state_secret(self) -> bytes | None:
        """The action server's state secret (the relay signs the routing state with it)."""
        return self._state_secret

    def tracker(self, conversation_id: str) -> Any:
        """The conversation's tracker (a ``rasa_sdk.Tracker``); ``BotUnavailable`` on failure."""
        from handoff.adapters import rasa  # noqa: PLC0415

        with self._calling("read the conversation"):
            return rasa.fetch_tracker(
                self.url,
                conversation_id,
                jwt_secret=self._jwt_secret,
                token=self._token,
                timeout=self._timeout,
            )

    def append(self, conversation_id: str, events: list[dict[str, Any]]) -> None:
        """Append events to the conversation's tracker; ``BotUnavailable`` on failure."""
        from handoff.adapters import rasa  # noqa: PLC0415

        with self._calling("record the message"):
            rasa.append_events(
                self.url,
                conversation_id,
                events,
                jwt_secret=self._jwt_secret,
                token=self._token,
                timeout=self._timeout,
            )

    def say(self, conversation_id: str, text: str, *, sender: str, agent: str | None) -> None:
        """Record a line the customer is shown (an agent's reply, a notice, the relay's lane
        message) in the tracker as a ``bot`` event with the metadata
        ``{"handoff": {"from": sender, "agent": agent}}``; ``BotUnavailable`` on failure."""
        self.append(conversation_id, [say_event(text, sender=sender, agent=agent)])

    @contextlib.contextmanager
    def _calling(self, doing: str) -> Iterator[None]:
        import httpx  # noqa: PLC0415

        try:
            yield
        except httpx.HTTPStatusError as error:
            raise BotUnavailable(
                f"Rasa refused to {doing} (HTTP {error.response.status_code}); "
                "nothing was changed, try again or ask an admin to check the bot"
            ) from None
        except httpx.HTTPError as error:
            raise BotUnavailable(
                f"Rasa could not be reached to {doing} ({type(error).__name__}); "
                "nothing was changed, try again when the bot is back"
            ) from None
        except ValueError as error:
            # Messages of hand_back's ValueErrors name the problem, never the sender id.
            raise BotUnavailable(f"Rasa cannot {doing}: {error}") from None


def say_event(text: str, *, sender: str, agent: str | None) -> dict[str, Any]:
    """The tracker event of a line the desktop or the relay tells the customer: a ``bot``
    event whose metadata says who it is from (``agent``, ``notice`` or ``relay``)."""
    return {
        "event": "bot",
        "text": text,
        "metadata": {"handoff": {"from": sender, "agent": agent}},
        "timestamp": time.time(),
    }


# ------------------------------------------------------------------------------ helpers


class _LostRace(Exception):
    """Another process moved the relay's cursor first (the transaction is rolled back)."""


class _Raced(StorageUnavailable):
    """A write broke a uniqueness (or other) constraint: retried where that can be a race."""


def _when(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _maybe_when(seconds: float | None) -> datetime | None:
    return None if seconds is None else _when(seconds)


def _cause(error: BaseException) -> str:
    """The type and first line of a driver's error: no SQL, no parameters, no traceback."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    text = lines[0][:_CAUSE_CHARS] if lines else ""
    return f"{type(original).__name__}: {text}" if text else type(original).__name__


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _text(value: object, what: str, *, limit: int, required: bool) -> str:
    """A free-text field: a str, stripped, within ``limit`` characters, no control characters
    other than newlines and tabs; InvalidInput naming the field otherwise."""
    if not isinstance(value, str):
        raise InvalidInput(f"the {what} must be text")
    text = value.strip()
    if required and not text:
        raise InvalidInput(f"the {what} must not be empty")
    if len(text) > limit:
        raise InvalidInput(f"the {what} has {len(text)} characters; at most {limit} are allowed")
    if any(unicodedata.category(char) in ("Cc", "Cs") and char not in "\n\t\r" for char in text):
        raise InvalidInput(f"the {what} contains control characters")
    return text


def _username(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput("the username must be text")
    name = value.strip().lower()
    if not _USERNAME.fullmatch(name):
        raise InvalidInput(
            "a username is 1-64 characters: letters, digits and . _ @ -, starting with a "
            "letter or digit"
        )
    return name


def _lane_id(value: object) -> str:
    if not isinstance(value, str) or not _LANE_ID.fullmatch(value):
        raise InvalidInput("a lane id is 1-64 characters: a letter, then letters, digits, _ or -")
    return value


def _role(value: object) -> Role:
    if value not in store.ROLES:
        raise InvalidInput(f"the role must be one of {', '.join(store.ROLES)}")
    return cast(Role, value)


def _pk(value: object) -> int:
    # bool is an int subclass; "1" from a form must have been converted by the web layer.
    if isinstance(value, bool) or not isinstance(value, int):
        raise NotFound("no such conversation")
    return value


def _sla_deadline(payload: ContextPayload, lane_sla: int | None, now: float) -> float | None:
    """When a conversation routed now must be claimed by: the payload's deadline if the bot
    set one, else the lane's SLA from now (None for a lane without one)."""
    if payload.routing.sla_deadline is not None:
        return payload.routing.sla_deadline.timestamp()
    return now + lane_sla if lane_sla else None


def _headline(payload: ContextPayload) -> str:
    return _dumps(
        {
            "tier": payload.customer.tier,
            "name": payload.customer.name,
            "risk_flags": list(payload.customer.risk_flags),
            "channel": payload.channel,
            "intent": payload.intent.name,
            "summary": payload.why.summary,
            "sentiment": payload.sentiment.label,
        }
    )


_agent = sa.orm.aliased(UserRow, name="agent")

# The columns of a conversation as actions and the card read them, with the agent's name.
_CONV_COLUMNS = (
    Conv.id,
    Conv.conversation_id,
    Conv.lane,
    Conv.routed_lane,
    Conv.priority,
    Conv.status,
    Conv.agent_id,
    Conv.sla_deadline,
    Conv.waiting_since,
    Conv.claimed_at,
    Conv.closed_at,
    Conv.version,
    Conv.cycle,
    Conv.created_at,
    Conv.updated_at,
    _agent.username.label("agent"),
)


def _snapshot(row: Any) -> dict[str, Any]:
    """What an audit row records of a conversation before and after an action."""
    return {
        "status": row.status,
        "lane": row.lane,
        "agent": row.agent,
        "priority": row.priority,
        "version": row.version,
    }


# ------------------------------------------------------------------------------ Desktop


class Desktop:
    """The agent desktop's store and service (synchronous; one transaction per call).

    ``url``: an SQLAlchemy URL, SQLite by default, PostgreSQL by URL
    (``postgresql+psycopg://user@host/db``). Run :meth:`upgrade` once (and after upgrading
    handoff) to create or migrate the tables; every other call on a database that is not at
    the current schema raises ``StorageUnavailable`` saying so. ``clock`` returns unix
    seconds (tests pass their own). ``bot`` (a :class:`RasaBot`) is needed for hand-back;
    without one, hand-back is refused with ``BotUnavailable`` ("no bot connected") and
    overrides change only the desktop. With a bot, a resolve resumes the bot too, and after
    a resolve or hand-back the bot asks the customer ``ces_question`` (the effort question,
    :func:`handoff.outcomes.ces.question`; None asks nothing).
    """

    def __init__(
        self,
        url: str = "sqlite:///desktop.sqlite",
        *,
        clock: Callable[[], float] = time.time,
        bot: Bot | None = None,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        session_seconds: float = SESSION_SECONDS,
        passwords: auth.Passwords | None = None,
        ces_question: str | None = ces.question(),
    ) -> None:
        if not 0 < busy_timeout <= 60:
            raise ValueError("busy_timeout must be between 0 and 60 seconds")
        if session_seconds <= 0:
            raise ValueError("session_seconds must be positive")
        self._engine, self._path = store.create_engine(url, busy_timeout=busy_timeout)
        self._name = self._engine.url.render_as_string(hide_password=True)
        self._url = url
        self.clock = clock
        self.bot = bot
        self.session_seconds = session_seconds
        self.passwords = passwords or auth.Passwords()
        # Asked after a resolve or hand-back (handoff.outcomes.ces); None asks nothing.
        self.ces_question = ces_question
        self._busy_timeout = busy_timeout
        self._write_lock = store.write_lock(self._path)
        self._ready = False
        dbapi = getattr(self._engine.dialect, "loaded_dbapi", None)
        driver_error = getattr(dbapi, "Error", None)
        self._storage_errors: tuple[type[BaseException], ...] = (
            sa.exc.SQLAlchemyError,
            OSError,
            *((driver_error,) if isinstance(driver_error, type) else ()),
        )

    def __repr__(self) -> str:
        return f"Desktop({self._name!r})"

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine (for tests and tools; the tables are in ``store``)."""
        return self._engine

    def close(self) -> None:
        """Release the database connections."""
        self._engine.dispose()

    def __enter__(self) -> Desktop:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ schema

    def upgrade(self, revision: str = "head") -> None:
        """Create or migrate the desktop's tables (Alembic, packaged with handoff)."""
        from handoff.desktop import migrations  # noqa: PLC0415

        with self._storage("be migrated"):
            if self._path is not None:
                self._path.parent.mkdir(parents=True, exist_ok=True)
            self._private_file()
            migrations.upgrade(self._engine, revision)
        self._ready = False
        log.info("desktop: database migrated to %s", revision)

    def downgrade(self, revision: str) -> None:
        """Migrate the tables down to ``revision`` ("base" drops them all)."""
        from handoff.desktop import migrations  # noqa: PLC0415

        with self._storage("be migrated"):
            migrations.downgrade(self._engine, revision)
        self._ready = False

    def check(self) -> None:
        """Raise ``StorageUnavailable`` unless the database is reachable and up to date."""
        self._ready = False
        self._ensure_ready()

    def _ensure_ready(self) -> None:
        if self._ready:
            return
        from handoff.desktop import migrations  # noqa: PLC0415

        with self._storage("be read"):
            self._private_file()
            current = migrations.current(self._engine)
        head = migrations.head()
        if current != head:
            state = "has no desktop tables" if current is None else f"is at revision {current}"
            raise StorageUnavailable(
                f"desktop database {self._name} {state}; the code needs revision {head}. "
                "Run: handoff desktop upgrade --db URL (or Desktop.upgrade())"
            )
        self._ready = True

    def _private_file(self) -> None:
        """A new SQLite file is created owner-only (0600): it holds customers' messages
        and password hashes. SQLite gives its -wal and -shm files the same mode."""
        if self._path is not None and self._path.parent.is_dir():
            create_private(self._path)

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def _storage(self, doing: str) -> Iterator[None]:
        try:
            yield
        except StorageUnavailable:
            raise
        except IntegrityError as error:
            # Usually a race lost on a unique key (``_retrying`` runs the write again); a
            # constraint or trigger of the database's own otherwise.
            raise _Raced(f"desktop database {self._name} cannot {doing}: {_cause(error)}") from None
        except self._storage_errors as error:
            # from None: a chained SQLAlchemy error would print SQL into tracebacks.
            raise StorageUnavailable(
                f"desktop database {self._name} cannot {doing}: {_cause(error)}"
            ) from None

    @contextlib.contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        self._ensure_ready()
        with self._storage("be read"), self._engine.connect() as connection, connection.begin():
            yield connection

    @contextlib.contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """One write transaction: SQLite's lock taken up front (BEGIN IMMEDIATE), after this
        process's own lock for the file, waiting at most the busy timeout for either."""
        self._ensure_ready()
        with write_transaction(
            self._engine,
            self._write_lock,
            timeout=self._busy_timeout,
            busy=f"desktop database {self._name} cannot be written: busy for "
            f"{self._busy_timeout:g} s",
            guard=self._storage("be written"),
        ) as connection:
            yield connection

    def _retrying(self, attempt: Callable[[], Any]) -> Any:
        """Run a write that may lose a uniqueness race on PostgreSQL (two first deliveries
        of one conversation, two admins adding one username): the rerun sees the winner's
        row. After the last attempt the error is ``StorageUnavailable`` with the cause."""
        for remaining in range(_RETRIES, 0, -1):
            try:
                return attempt()
            except _Raced as error:
                if remaining == 1:
                    raise StorageUnavailable(str(error)) from None
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------ audit and feed

    def _audit(
        self,
        connection: sa.Connection,
        actor: User | str,
        action: str,
        *,
        conversation_pk: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        connection.execute(
            sa.insert(Audit).values(
                at=self.clock(),
                actor_id=actor.id if isinstance(actor, User) else None,
                actor=actor.username if isinstance(actor, User) else actor,
                action=action,
                conversation_pk=conversation_pk,
                before=None if before is None else _dumps(before),
                after=None if after is None else _dumps(after),
            )
        )

    @staticmethod
    def _note(
        connection: sa.Connection, actor: User, pk: int, action: str, *, text: str, now: float
    ) -> None:
        """Keep an agent's note on conversation ``pk``, with the action it came with."""
        connection.execute(
            sa.insert(Note).values(
                conversation_pk=pk, user_id=actor.id, action=action, text=text, at=now
            )
        )

    def _change(
        self, connection: sa.Connection, lanes: Iterable[str], pk: int | None, kind: str
    ) -> None:
        """Append to the change feed, as the transaction's last write.

        Readers poll ``seq > last seen``, so a change must never become visible after one
        with a higher ``seq``. PostgreSQL hands out sequence numbers at insert time and
        transactions may commit in another order; a transaction-scoped advisory lock taken
        here (and held to commit) makes the feed's writers commit in ``seq`` order. SQLite
        has one writer at a time anyway.
        """
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_FEED_LOCK)))
        now = self.clock()
        rows = [
            {"lane": lane, "conversation_pk": pk, "kind": kind, "at": now}
            for lane in dict.fromkeys(lanes)
        ]
        connection.execute(sa.insert(ChangeRow), rows)

    def _conv_changed(
        self,
        connection: sa.Connection,
        actor: User | str,
        action: str,
        pk: int,
        *,
        before: Any | None,
        lanes: Iterable[str],
        kind: str,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        """After a write to conversation ``pk``: re-select it, audit ``action`` with the
        ``before`` row and the fresh one (plus ``extra``) as snapshots, then publish ``kind``
        to ``lanes`` on the change feed (the transaction's last write)."""
        after = connection.execute(self._select_conv().where(Conv.id == pk)).one()
        self._audit(
            connection,
            actor,
            action,
            conversation_pk=pk,
            before=None if before is None else _snapshot(before),
            after={**_snapshot(after), **(extra or {})},
        )
        self._change(connection, lanes, pk, kind)

    # ------------------------------------------------------------------ users (internal)

    @staticmethod
    def _user_from_row(connection: sa.Connection, row: Any) -> User:
        lanes = connection.execute(
            sa.select(UserLane.lane_id).where(UserLane.user_id == row.id).order_by(UserLane.lane_id)
        ).scalars()
        return User(
            id=row.id,
            username=row.username,
            role=cast(Role, row.role),
            lanes=tuple(lanes),
            active=row.active,
        )

    def _actor(self, connection: sa.Connection, user: User) -> User:
        """The user as the database has them now; Forbidden if deactivated or deleted."""
        if not isinstance(user, User):
            raise Forbidden("not logged in")
        row = connection.execute(sa.select(UserRow).where(UserRow.id == user.id)).first()
        if row is None or not row.active:
            raise Forbidden("this account is deactivated; ask an admin")
        return self._user_from_row(connection, row)

    @staticmethod
    def _require(actor: User, *roles: Role) -> None:
        if actor.role not in roles:
            raise Forbidden(
                f"only {' or '.join(role + 's' for role in roles)} may do this "
                f"(you are {'an' if actor.role == 'admin' else 'a'} {actor.role})"
            )

    def _user_by_name(self, connection: sa.Connection, username: str) -> Any:
        row = connection.execute(
            sa.select(UserRow).where(UserRow.username == _username(username))
        ).first()
        if row is None:
            raise NotFound("no such user")
        return row

    def _check_lanes(self, connection: sa.Connection, lanes: Iterable[str]) -> tuple[str, ...]:
        wanted = tuple(dict.fromkeys(_lane_id(lane) for lane in lanes))
        if not wanted:
            return ()
        known = set(connection.execute(sa.select(Lane.id).where(Lane.id.in_(wanted))).scalars())
        for lane in wanted:
            if lane not in known:
                raise UnknownLane(lane, f"the desktop has no lane {lane!r}")
        return wanted

    # ------------------------------------------------------------------ lanes

    def sync_lanes(self, rules: RuleSet | Router) -> list[str]:
        """Create or update the desktop's lanes from a rule set's non-bot lanes (kind, SLA,
        priority, description); lanes the rules no longer have are kept (conversations may
        still be in them). Returns the ids created or changed; audited as "system"."""
        ruleset = cast("RuleSet", getattr(rules, "ruleset", rules))
        # Retried: desktops started together on one PostgreSQL each sync the same lanes,
        # and the loser of the race on a new lane's key reruns and sees the winner's row.
        return cast("list[str]", self._retrying(lambda: self._sync_lanes(ruleset)))

    def _sync_lanes(self, ruleset: RuleSet) -> list[str]:
        changed: list[str] = []
        with self._write() as connection:
            existing = {row.id: row for row in connection.execute(sa.select(Lane))}
            for lane_id, lane in ruleset.lanes.items():
                if lane.kind == "bot":
                    continue
                values = {
                    "kind": lane.kind,
                    "description": lane.description,
                    "sla_seconds": lane.sla_seconds,
                    "priority": lane.priority,
                }
                row = existing.get(lane_id)
                if row is None:
                    connection.execute(
                        sa.insert(Lane).values(id=lane_id, created_at=self.clock(), **values)
                    )
                    before = None
                else:
                    before = {key: getattr(row, key) for key in values}
                    if before == values:
                        continue
                    connection.execute(sa.update(Lane).where(Lane.id == lane_id).values(**values))
                self._audit(
                    connection,
                    "system",
                    "sync_lane",
                    before=before,
                    after={"id": lane_id, **values},
                )
                self._change(connection, [lane_id], None, "lane_changed")
                changed.append(lane_id)
        return changed

    def create_lane(
        self,
        actor: User,
        lane_id: str,
        kind: str = "human",
        *,
        description: str = "",
        sla_seconds: int | None = None,
        priority: int = 0,
    ) -> LaneInfo:
        """An admin adds a lane (kind human, specialist, callback or override)."""
        lane_id = _lane_id(lane_id)
        if kind not in _HUMAN_KINDS:
            raise InvalidInput(f"the lane kind must be one of {', '.join(_HUMAN_KINDS)}")
        description = _text(description, "description", limit=MAX_NOTE_CHARS, required=False)
        if sla_seconds is not None and (
            isinstance(sla_seconds, bool) or not isinstance(sla_seconds, int) or sla_seconds <= 0
        ):
            raise InvalidInput("the SLA must be a positive number of seconds, or none")
        if isinstance(priority, bool) or not isinstance(priority, int) or not 0 <= priority <= 100:
            raise InvalidInput("the priority must be a whole number from 0 to 100")
        with self._write() as connection:
            who = self._actor(connection, actor)
            self._require(who, "admin")
            if connection.execute(sa.select(Lane.id).where(Lane.id == lane_id)).first():
                raise Conflict(f"the lane {lane_id!r} exists already")
            values = {
                "kind": kind,
                "description": description,
                "sla_seconds": sla_seconds,
                "priority": priority,
            }
            connection.execute(
                sa.insert(Lane).values(id=lane_id, created_at=self.clock(), **values)
            )
            self._audit(connection, who, "create_lane", after={"id": lane_id, **values})
            self._change(connection, [lane_id], None, "lane_changed")
        return LaneInfo(lane_id, kind, description, sla_seconds, priority)

    def lanes(self) -> list[LaneInfo]:
        """Every lane of the desktop, by id (lane names are not secret: agents pick transfer
        targets from them)."""
        with self._read() as connection:
            rows = connection.execute(sa.select(Lane).order_by(Lane.id)).all()
        return [
            LaneInfo(row.id, row.kind, row.description, row.sla_seconds, row.priority)
            for row in rows
        ]

    # ------------------------------------------------------------------ users

    def create_user(
        self,
        actor: User,
        username: str,
        password: str,
        role: Role = "agent",
        lanes: Sequence[str] = (),
    ) -> User:
        """An admin adds a user; ``lanes`` are the lanes an agent works."""
        with self._write() as connection:
            who = self._actor(connection, actor)
            self._require(who, "admin")
        return self._create_user(who, username, password, role, lanes)

    def create_admin(self, username: str, password: str) -> User:
        """Bootstrap: add an admin without an acting user (``handoff desktop create-admin``).

        Audited as actor "system". Only for code run by the operator (the CLI), never for a
        request: a web route must use :meth:`create_user` with the logged-in admin.
        """
        return self._create_user("system", username, password, "admin", ())

    def _create_user(
        self, who: User | str, username: str, password: str, role: Role, lanes: Sequence[str]
    ) -> User:
        name = _username(username)
        if name in _RESERVED_NAMES:
            raise InvalidInput(f"the username {name!r} is reserved for the audit log")
        role = _role(role)
        try:
            password_hash = self.passwords.hash(password)
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        if isinstance(lanes, str):
            raise InvalidInput("lanes must be a list of lane ids")

        def attempt() -> User:
            with self._write() as connection:
                wanted = self._check_lanes(connection, lanes)
                taken = connection.execute(
                    sa.select(UserRow.id).where(UserRow.username == name)
                ).first()
                if taken:
                    raise Conflict(f"the username {name!r} is taken")
                user_id = connection.execute(
                    sa.insert(UserRow)
                    .values(
                        username=name,
                        password_hash=password_hash,
                        role=role,
                        active=True,
                        created_at=self.clock(),
                    )
                    .returning(UserRow.id)
                ).scalar_one()
                if wanted:
                    connection.execute(
                        sa.insert(UserLane),
                        [{"user_id": user_id, "lane_id": lane} for lane in wanted],
                    )
                after = {"username": name, "role": role, "lanes": list(wanted)}
                self._audit(connection, who, "create_user", after=after)
                return User(user_id, name, role, wanted)

        user: User = self._retrying(attempt)
        log.info("desktop: user %d created (%s)", user.id, role)
        return user

    def users(self, actor: User) -> list[User]:
        """Every user (supervisors pick reassignment targets; admins manage them)."""
        with self._read() as connection:
            who = self._actor(connection, actor)
            self._require(who, "supervisor", "admin")
            rows = connection.execute(sa.select(UserRow).order_by(UserRow.username)).all()
            return [self._user_from_row(connection, row) for row in rows]

    def user(self, actor: User, username: str) -> User:
        """One user by name (admins and supervisors; anyone for themselves)."""
        with self._read() as connection:
            who = self._actor(connection, actor)
            row = self._user_by_name(connection, username)
            if row.id != who.id:
                self._require(who, "supervisor", "admin")
            return self._user_from_row(connection, row)

    def set_user_lanes(self, actor: User, username: str, lanes: Sequence[str]) -> User:
        """An admin sets the lanes a user works (replacing the previous set)."""
        if isinstance(lanes, str):
            raise InvalidInput("lanes must be a list of lane ids")
        with self._write() as connection:
            who = self._actor(connection, actor)
            self._require(who, "admin")
            row = self._user_by_name(connection, username)
            wanted = self._check_lanes(connection, lanes)
            before = self._user_from_row(connection, row)
            connection.execute(sa.delete(UserLane).where(UserLane.user_id == row.id))
            if wanted:
                connection.execute(
                    sa.insert(UserLane), [{"user_id": row.id, "lane_id": lane} for lane in wanted]
                )
            self._audit(
                connection,
                who,
                "set_user_lanes",
                before={"username": row.username, "lanes": list(before.lanes)},
                after={"username": row.username, "lanes": sorted(wanted)},
            )
            return self._user_from_row(connection, row)

    def set_role(self, actor: User, username: str, role: Role) -> User:
        """An admin changes a user's role (not their own: an admin cannot lock all out)."""
        role = _role(role)
        with self._write() as connection:
            who = self._actor(connection, actor)
            self._require(who, "admin")
            row = self._user_by_name(connection, username)
            if row.id == who.id:
                raise Conflict("you cannot change your own role; ask another admin")
            connection.execute(sa.update(UserRow).where(UserRow.id == row.id).values(role=role))
            self._audit(
                connection,
                who,
                "set_role",
                before={"username": row.username, "role": row.role},
                after={"username": row.username, "role": role},
            )
            return self._user_from_row(
                connection, connection.execute(sa.select(UserRow).where(UserRow.id == row.id)).one()
            )

    def set_password(self, actor: User, username: str, password: str) -> None:
        """An admin sets anyone's password, a user their own; every session of theirs ends."""
        try:
            password_hash = self.passwords.hash(password)
        except ValueError as error:
            raise InvalidInput(str(error)) from None
        with self._write() as connection:
            who = self._actor(connection, actor)
            row = self._user_by_name(connection, username)
            if row.id != who.id:
                self._require(who, "admin")
            connection.execute(
                sa.update(UserRow)
                .where(UserRow.id == row.id)
                .values(password_hash=password_hash, failed_logins=0, locked_until=None)
            )
            connection.execute(sa.delete(SessionRow).where(SessionRow.user_id == row.id))
            # The audit records that it changed, never the password nor its hash.
            self._audit(connection, who, "set_password", after={"username": row.username})

    def deactivate_user(self, actor: User, username: str) -> User:
        """An admin deactivates a user: their sessions end at once and the conversations they
        held go back to waiting in their lanes (each release audited). Never deleted: the
        audit log keeps naming them."""
        with self._write() as connection:
            who = self._actor(connection, actor)
            self._require(who, "admin")
            row = self._user_by_name(connection, username)
            if row.id == who.id:
                raise Conflict("you cannot deactivate yourself; ask another admin")
            if not row.active:
                return self._user_from_row(connection, row)
            connection.execute(sa.update(UserRow).where(UserRow.id == row.id).values(active=False))
            connection.execute(sa.delete(SessionRow).where(SessionRow.user_id == row.id))
            self._audit(
                connection,
                who,
                "deactivate_user",
                before={"username": row.username, "active": True},
                after={"username": row.username, "active": False},
            )
            held = connection.execute(
                self._select_conv().where(Conv.agent_id == row.id, Conv.status == "claimed")
            ).all()
            now = self.clock()
            for conv in held:
                self._move(connection, conv, lane=conv.lane, now=now, sla_from_lane=False)
                self._conv_changed(
                    connection,
                    who,
                    "release",
                    conv.id,
                    before=conv,
                    lanes=[conv.lane],
                    kind="released",
                )
            updated = connection.execute(sa.select(UserRow).where(UserRow.id == row.id)).one()
            return self._user_from_row(connection, updated)

    def reactivate_user(self, actor: User, username: str) -> User:
        """An admin lets a deactivated user log in again (with their old password)."""
        with self._write() as connection:
            who = self._actor(connection, actor)
            self._require(who, "admin")
            row = self._user_by_name(connection, username)
            if not row.active:
                connection.execute(
                    sa.update(UserRow).where(UserRow.id == row.id).values(active=True)
                )
                self._audit(
                    connection,
                    who,
                    "reactivate_user",
                    before={"username": row.username, "active": False},
                    after={"username": row.username, "active": True},
                )
            updated = connection.execute(sa.select(UserRow).where(UserRow.id == row.id)).one()
            return self._user_from_row(connection, updated)

    # ------------------------------------------------------------------ authentication

    def authenticate(self, username: str, password: str) -> User | None:
        """The active user with this username and password, or None.

        A username nobody has (or a malformed one) costs one password verification all the
        same, so response times do not reveal which usernames exist. A hash made with older
        parameters is replaced by one with the current parameters.

        Guessing is throttled per user: after ``THROTTLE_AFTER`` consecutive failures, every
        attempt (the right password included) is refused for 30 s, doubling with each
        further failure up to 15 minutes; a success or a new password resets the count.
        Throttling, not locking: an attacker cannot keep an agent out for longer.
        """
        try:
            name = _username(username)
        except InvalidInput:
            self.passwords.waste_time()
            return None
        with self._read() as connection:
            row = connection.execute(sa.select(UserRow).where(UserRow.username == name)).first()
        if row is None or not row.active:
            self.passwords.waste_time()
            return None
        if row.locked_until is not None and self.clock() < row.locked_until:
            self.passwords.waste_time()
            log.warning("desktop: login refused for user %d: too many failed attempts", row.id)
            return None
        verified = self.passwords.verify(row.password_hash, password)
        with self._write() as connection:
            if not verified.ok:
                self._failed_login(connection, row.id)
                return None
            values: dict[str, Any] = {"failed_logins": 0, "locked_until": None}
            if verified.new_hash is not None:
                values["password_hash"] = verified.new_hash
            # Only if nobody changed the password meanwhile.
            connection.execute(
                sa.update(UserRow)
                .where(UserRow.id == row.id, UserRow.password_hash == row.password_hash)
                .values(**values)
            )
            current = connection.execute(sa.select(UserRow).where(UserRow.id == row.id)).first()
            if current is None or not current.active:
                return None
            return self._user_from_row(connection, current)

    def _failed_login(self, connection: sa.Connection, user_id: int) -> None:
        failures = connection.execute(
            sa.update(UserRow)
            .where(UserRow.id == user_id)
            .values(failed_logins=UserRow.failed_logins + 1)
            .returning(UserRow.failed_logins)
        ).scalar_one()
        if failures >= THROTTLE_AFTER:
            wait = min(THROTTLE_SECONDS * 2 ** (failures - THROTTLE_AFTER), THROTTLE_MAX_SECONDS)
            connection.execute(
                sa.update(UserRow)
                .where(UserRow.id == user_id)
                .values(locked_until=self.clock() + wait)
            )
            log.warning(
                "desktop: user %d failed %d logins in a row; refusing logins for %d s",
                user_id,
                failures,
                wait,
            )

    def login(self, username: str, password: str) -> tuple[str, str] | None:
        """Authenticate and open a session: ``(token, csrf)``, or None for wrong credentials.

        The token goes in the session cookie (only its hash is stored); the CSRF token goes
        in every form. The session expires ``session_seconds`` after login. Audited.
        """
        user = self.authenticate(username, password)
        if user is None:
            log.info("desktop: a login failed")
            return None
        token, csrf = auth.new_session_token(), auth.new_csrf_token()
        now = self.clock()
        with self._write() as connection:
            connection.execute(sa.delete(SessionRow).where(SessionRow.expires_at <= now))
            connection.execute(
                sa.insert(SessionRow).values(
                    token_hash=auth.hash_token(token),
                    csrf=csrf,
                    user_id=user.id,
                    created_at=now,
                    expires_at=now + self.session_seconds,
                )
            )
            self._audit(connection, user, "login")
        log.info("desktop: user %d logged in", user.id)
        return token, csrf

    def session(self, token: str | None) -> SessionInfo | None:
        """The live session of a cookie's token (None if unknown, expired or deactivated)."""
        if not token or not isinstance(token, str) or len(token) > 128:
            return None
        with self._read() as connection:
            row = connection.execute(
                sa.select(
                    SessionRow.csrf,
                    SessionRow.expires_at,
                    UserRow.id,
                    UserRow.username,
                    UserRow.role,
                    UserRow.active,
                )
                .join(UserRow, UserRow.id == SessionRow.user_id)
                .where(SessionRow.token_hash == auth.hash_token(token))
            ).first()
            if row is None or row.expires_at <= self.clock() or not row.active:
                return None
            user = self._user_from_row(connection, row)
        return SessionInfo(user=user, csrf=row.csrf, expires_at=_when(row.expires_at))

    def session_user(self, token: str | None) -> User | None:
        """The user of a cookie's session token, or None."""
        info = self.session(token)
        return None if info is None else info.user

    def check_csrf(self, token: str | None, csrf: str | None) -> bool:
        """True if ``csrf`` is the CSRF token of the live session ``token`` (constant time)."""
        info = self.session(token)
        return info is not None and auth.csrf_matches(info.csrf, csrf)

    def logout(self, token: str | None) -> None:
        """End the session (nothing happens for an unknown token). Audited."""
        if not token or not isinstance(token, str) or len(token) > 128:
            return
        with self._write() as connection:
            row = connection.execute(
                sa.select(
                    SessionRow.id.label("session_id"),
                    UserRow.id,
                    UserRow.username,
                    UserRow.role,
                )
                .join(UserRow, UserRow.id == SessionRow.user_id)
                .where(SessionRow.token_hash == auth.hash_token(token))
            ).first()
            if row is None:
                return
            connection.execute(sa.delete(SessionRow).where(SessionRow.id == row.session_id))
            user = User(row.id, row.username, cast(Role, row.role), ())
            self._audit(connection, user, "logout")

    # ------------------------------------------------------------------ receiving

    def receive(self, key: str, body: bytes) -> str:
        """Store a delivered payload under its idempotency key.

        Returns "stored" (a new conversation), "updated" (a conversation already here:
        latest payload; moved and back to waiting if the bot routed it to another lane;
        reopened if it was resolved or handed back), "duplicate" (this key with this body
        again: counted, nothing else) or "stale" (a payload older than the one shown,
        arriving late: its key is recorded, the conversation keeps the newer one).

        Raises ``PayloadConflict`` for this key with another body, ``InvalidPayload`` for a
        body that is not a ContextPayload (the message says where, never what) and
        ``UnknownLane`` for a lane the desktop does not have; in each case nothing is stored.
        """
        if not isinstance(key, str) or not KEY_PATTERN.fullmatch(key):
            raise InvalidInput(
                "the idempotency key must be 1-200 printable ASCII characters without spaces"
            )
        if not isinstance(body, bytes):
            raise InvalidPayload("the body must be bytes")
        if len(body) > MAX_BODY_BYTES:
            raise InvalidPayload(
                f"the body has {len(body)} bytes; at most {MAX_BODY_BYTES} are accepted"
            )
        payload = _parse_payload(body)
        digest = hashlib.sha256(body).hexdigest()
        text = body.decode("utf-8")
        outcome: str = self._retrying(lambda: self._receive(key, digest, payload, text))
        return outcome

    def _receive(self, key: str, digest: str, payload: ContextPayload, text: str) -> str:
        now = self.clock()
        with self._write() as connection:
            seen = connection.execute(
                sa.select(Delivery.body_sha256).where(Delivery.key == key)
            ).first()
            if seen is not None:
                if not hmac.compare_digest(seen.body_sha256, digest):
                    raise PayloadConflict(
                        "this idempotency key is already stored with a different body"
                    )
                connection.execute(
                    sa.update(Delivery)
                    .where(Delivery.key == key)
                    .values(duplicates=Delivery.duplicates + 1)
                )
                return "duplicate"
            routed = payload.routing.lane
            lane = connection.execute(sa.select(Lane).where(Lane.id == routed)).first()
            if lane is None:
                raise UnknownLane(
                    routed,
                    f"the desktop has no lane {routed!r}: add it to the rules the desktop "
                    "loads (or as an admin); nothing was stored",
                )
            created = payload.created_at.timestamp()
            deadline = _sla_deadline(payload, lane.sla_seconds, now)
            conv = connection.execute(
                self._select_conv()
                .where(Conv.conversation_id == payload.conversation_id)
                .with_for_update(of=Conv)
            ).first()
            if conv is None:
                pk = connection.execute(
                    sa.insert(Conv)
                    .values(
                        conversation_id=payload.conversation_id,
                        lane=routed,
                        routed_lane=routed,
                        priority=payload.routing.priority,
                        status="waiting",
                        agent_id=None,
                        sla_deadline=deadline,
                        waiting_since=now,
                        payload=text,
                        payload_created_at=created,
                        headline=_headline(payload),
                        version=1,
                        cycle=1,
                        created_at=now,
                        updated_at=now,
                    )
                    .returning(Conv.id)
                ).scalar_one()
                self._record_delivery(connection, key, digest, pk, now)
                cycles.opened(
                    connection, pk=pk, cycle=1, payload=payload, lane_sla=lane.sla_seconds, now=now
                )
                self._conv_changed(
                    connection, "bot", "receive", pk, before=None, lanes=[routed], kind="arrived"
                )
                return "stored"
            self._record_delivery(connection, key, digest, conv.id, now)
            stored_created = connection.execute(
                sa.select(Conv.payload_created_at).where(Conv.id == conv.id)
            ).scalar_one()
            if created < stored_created:
                return "stale"
            values: dict[str, Any] = {
                "payload": text,
                "payload_created_at": created,
                "headline": _headline(payload),
                "routed_lane": routed,
                "version": Conv.version + 1,
                "updated_at": now,
            }
            if conv.status not in _OPEN:
                action, kind = "reopen", "reopened"
                values.update(
                    lane=routed,
                    status="waiting",
                    agent_id=None,
                    claimed_at=None,
                    closed_at=None,
                    waiting_since=now,
                    sla_deadline=deadline,
                    priority=payload.routing.priority,
                    cycle=Conv.cycle + 1,
                )
            elif routed not in (conv.routed_lane, conv.lane):
                # The bot changed its mind (a new rule matched): a new queue, a new wait.
                action, kind = "reroute", "rerouted"
                values.update(
                    lane=routed,
                    status="waiting",
                    agent_id=None,
                    claimed_at=None,
                    waiting_since=now,
                    sla_deadline=deadline,
                    priority=payload.routing.priority,
                )
            else:
                # New turns in the same lane (or the bot now agrees with a transfer): the
                # customer keeps their place and their clock.
                action, kind = "update", "updated"
                values["priority"] = max(conv.priority, payload.routing.priority)
            connection.execute(sa.update(Conv).where(Conv.id == conv.id).values(**values))
            self._cycle_routed(
                connection, action, conv, payload=payload, lane_sla=lane.sla_seconds, now=now
            )
            self._conv_changed(
                connection,
                "bot",
                action,
                conv.id,
                before=conv,
                lanes=[conv.lane, values.get("lane", conv.lane)],
                kind=kind,
            )
            return "updated"

    @staticmethod
    def _cycle_routed(
        connection: sa.Connection,
        action: str,
        conv: Any,
        *,
        payload: ContextPayload,
        lane_sla: int | None,
        now: float,
    ) -> None:
        """A payload for a conversation the desktop has: a new handoff cycle if it was
        closed, the cycle's new lane and rule if the bot routed it elsewhere."""
        if action == "reopen":
            cycles.opened(
                connection,
                pk=conv.id,
                cycle=conv.cycle + 1,
                payload=payload,
                lane_sla=lane_sla,
                now=now,
            )
        elif action == "reroute":
            cycles.rerouted(
                connection, pk=conv.id, cycle=conv.cycle, payload=payload, lane_sla=lane_sla
            )

    @staticmethod
    def _record_delivery(
        connection: sa.Connection, key: str, digest: str, pk: int, now: float
    ) -> None:
        connection.execute(
            sa.insert(Delivery).values(
                key=key, body_sha256=digest, conversation_pk=pk, received_at=now, duplicates=0
            )
        )

    def delivery_duplicates(self, key: str) -> int | None:
        """How often a key was delivered again after the first time (None: never received)."""
        with self._read() as connection:
            value: int | None = connection.execute(
                sa.select(Delivery.duplicates).where(Delivery.key == key)
            ).scalar_one_or_none()
            return value

    # ------------------------------------------------------------------ reading

    @staticmethod
    def _select_conv() -> sa.Select[Any]:
        return cast(
            "sa.Select[Any]",
            sa.select(*_CONV_COLUMNS).outerjoin(_agent, _agent.id == Conv.agent_id),
        )

    @staticmethod
    def _lanes_of(actor: User) -> tuple[str, ...] | None:
        """The lanes the user may see; None for all."""
        return None if actor.sees_all_lanes else actor.lanes

    def _load(self, connection: sa.Connection, actor: User, pk: object, *, lock: bool) -> Any:
        """The conversation, if the actor may see it; NotFound otherwise (and if missing)."""
        statement = self._select_conv().where(Conv.id == _pk(pk))
        if lock:
            statement = statement.with_for_update(of=Conv)
        row = connection.execute(statement).first()
        lanes = self._lanes_of(actor)
        if row is None or (lanes is not None and row.lane not in lanes):
            raise NotFound(f"no conversation {pk} in your lanes")
        return row

    def queues(self, user: User, *, limit: int | None = None) -> list[LaneQueue]:
        """Each lane the user sees, with its open conversations and statistics.

        Items: waiting ones first, then claimed; each group by priority (highest first),
        then SLA deadline (earliest first; none last), then arrival. ``limit`` caps the items
        per lane (the counts still count all). Statistics: waiting, claimed, the longest
        wait (seconds), and claims today (UTC day of the desktop's clock): how many, how many
        in lanes with an SLA, how many within it.
        """
        now = self.clock()
        day = datetime.fromtimestamp(now, tz=timezone.utc).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        with self._read() as connection:
            actor = self._actor(connection, user)
            visible = self._lanes_of(actor)
            lane_query = sa.select(Lane).order_by(Lane.id)
            if visible is not None:
                lane_query = lane_query.where(Lane.id.in_(visible))
            lanes = connection.execute(lane_query).all()
            ids = [lane.id for lane in lanes]
            status_order = sa.case((Conv.status == "waiting", 0), else_=1)
            items = connection.execute(
                sa.select(*_CONV_COLUMNS, Conv.headline)
                .outerjoin(_agent, _agent.id == Conv.agent_id)
                .where(Conv.lane.in_(ids), Conv.status.in_(_OPEN))
                .order_by(
                    Conv.lane,
                    status_order,
                    Conv.priority.desc(),
                    Conv.sla_deadline.asc().nulls_last(),
                    Conv.waiting_since,
                    Conv.id,
                )
            ).all()
            claims = {
                row.lane: row
                for row in connection.execute(
                    sa.select(
                        Claim.lane,
                        sa.func.count().label("claimed"),
                        sa.func.count(Claim.within_sla).label("with_sla"),
                        sa.func.sum(sa.case((Claim.within_sla.is_(True), 1), else_=0)).label(
                            "within"
                        ),
                    )
                    .where(Claim.lane.in_(ids), Claim.at >= day.timestamp())
                    .group_by(Claim.lane)
                )
            }
        by_lane: dict[str, list[Any]] = {lane_id: [] for lane_id in ids}
        for row in items:
            by_lane[row.lane].append(row)
        result = []
        for lane in lanes:
            rows = by_lane[lane.id]
            waiting = [row for row in rows if row.status == "waiting"]
            stats = claims.get(lane.id)
            shown = rows if limit is None else rows[:limit]
            result.append(
                LaneQueue(
                    lane=LaneInfo(
                        lane.id, lane.kind, lane.description, lane.sla_seconds, lane.priority
                    ),
                    items=tuple(_queue_item(row) for row in shown),
                    waiting=len(waiting),
                    claimed=len(rows) - len(waiting),
                    longest_wait_seconds=(
                        max(0.0, now - min(row.waiting_since for row in waiting))
                        if waiting
                        else None
                    ),
                    claimed_today=stats.claimed if stats else 0,
                    claims_with_sla_today=stats.with_sla if stats else 0,
                    claimed_within_sla_today=int(stats.within or 0) if stats else 0,
                )
            )
        return result

    def conversation(self, user: User, pk: int) -> ConversationRecord:
        """The conversation with everything the card shows; ``NotFound`` if it does not
        exist or is in a lane the user does not see."""
        with self._read() as connection:
            actor = self._actor(connection, user)
            self._load(connection, actor, pk, lock=False)
            return self._record(connection, pk)

    def _record(self, connection: sa.Connection, pk: int) -> ConversationRecord:
        row = connection.execute(
            sa.select(*_CONV_COLUMNS, Conv.payload)
            .outerjoin(_agent, _agent.id == Conv.agent_id)
            .where(Conv.id == pk)
        ).one()
        ticks = connection.execute(
            sa.select(Tick.step, Tick.at, UserRow.username)
            .join(UserRow, UserRow.id == Tick.user_id)
            .where(Tick.conversation_pk == pk, Tick.cycle == row.cycle)
            .order_by(Tick.at, Tick.id)
        ).all()
        notes = connection.execute(
            sa.select(Note.action, Note.text, Note.at, UserRow.username)
            .join(UserRow, UserRow.id == Note.user_id)
            .where(Note.conversation_pk == pk)
            .order_by(Note.at, Note.id)
        ).all()
        wrapups = connection.execute(
            sa.select(WrapUp, UserRow.username)
            .join(UserRow, UserRow.id == WrapUp.user_id)
            .where(WrapUp.conversation_pk == pk)
            .order_by(WrapUp.at, WrapUp.id)
        ).all()
        return ConversationRecord(
            pk=row.id,
            conversation_id=row.conversation_id,
            lane=row.lane,
            routed_lane=row.routed_lane,
            status=cast(Status, row.status),
            priority=row.priority,
            agent=row.agent,
            sla_deadline=_maybe_when(row.sla_deadline),
            waiting_since=_when(row.waiting_since),
            claimed_at=_maybe_when(row.claimed_at),
            closed_at=_maybe_when(row.closed_at),
            created_at=_when(row.created_at),
            updated_at=_when(row.updated_at),
            version=row.version,
            cycle=row.cycle,
            payload=ContextPayload.model_validate_json(row.payload),
            ticks=tuple(
                TickRecord(step=cast(Step, tick.step), user=tick.username, at=_when(tick.at))
                for tick in ticks
            ),
            notes=tuple(
                NoteRecord(
                    action=note.action, user=note.username, text=note.text, at=_when(note.at)
                )
                for note in notes
            ),
            wrapups=tuple(
                WrapUpRecord(
                    outcome_code=wrap.outcome_code,
                    needed=cast(Any, wrap.needed),
                    note=wrap.note,
                    user=wrap.username,
                    at=_when(wrap.at),
                )
                for wrap in wrapups
            ),
        )

    # ------------------------------------------------------------------ actions

    def claim(self, user: User, pk: int) -> ConversationRecord:
        """Take a waiting conversation. One conditional UPDATE (``WHERE status='waiting'``)
        decides: of two agents claiming at once exactly one wins; the other gets
        ``Conflict`` naming who has it. Claiming one you already hold changes nothing."""
        now = self.clock()
        with self._write() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=False)
            visible = self._lanes_of(actor)
            condition = sa.and_(Conv.id == conv.id, Conv.status == "waiting")
            if visible is not None:
                condition = sa.and_(condition, Conv.lane.in_(visible))
            won = connection.execute(
                sa.update(Conv)
                .where(condition)
                .values(
                    status="claimed",
                    agent_id=actor.id,
                    claimed_at=now,
                    version=Conv.version + 1,
                    updated_at=now,
                )
            ).rowcount
            if won != 1:
                current = connection.execute(self._select_conv().where(Conv.id == conv.id)).one()
                if current.status == "claimed" and current.agent_id == actor.id:
                    return self._record(connection, conv.id)
                raise Conflict(_why_not_waiting(current))
            joined = (conv.id, conv.conversation_id, conv.lane, conv.cycle)
            self._claimed(connection, conv, actor.id, now)
            self._conv_changed(
                connection, actor, "claim", conv.id, before=conv, lanes=[conv.lane], kind="claimed"
            )
            record = self._record(connection, conv.id)
        pk_, conversation_id, lane, cycle = joined
        self._announce(
            pk_,
            conversation_id,
            lane,
            f"{actor.username} from our team has joined the chat.",
            author=actor.username,
            ref=f"join:{pk_}:{cycle}:{now!r}",
        )
        return record

    @staticmethod
    def _claimed(connection: sa.Connection, conv: Any, user_id: int, now: float) -> None:
        """Record that ``user_id`` took waiting ``conv`` now: its cycle counts as claimed
        (within the SLA or not) and a claim row keeps how long the customer waited."""
        within = None if conv.sla_deadline is None else now <= conv.sla_deadline
        cycles.claimed(connection, pk=conv.id, cycle=conv.cycle, within_sla=within, now=now)
        connection.execute(
            sa.insert(Claim).values(
                conversation_pk=conv.id,
                lane=conv.lane,
                user_id=user_id,
                waited_seconds=max(0.0, now - conv.waiting_since),
                within_sla=within,
                at=now,
            )
        )

    def _holding(self, actor: User, conv: Any, doing: str) -> None:
        """The actor may act on a claimed conversation: they hold it, or they supervise."""
        if conv.status != "claimed":
            raise Conflict(f"claim the conversation before you {doing} ({_state(conv)})")
        if conv.agent_id != actor.id and not actor.sees_all_lanes:
            raise Forbidden(
                f"{conv.agent} holds this conversation; only they or a supervisor can {doing}"
            )

    def tick(self, user: User, pk: int, step: Step) -> ConversationRecord:
        """Tick an empathy checklist step (validate, reframe, commit) of a conversation you
        hold; who and when are recorded. Ticking a ticked step changes nothing."""
        if step not in _STEPS:
            raise InvalidInput(f"the step must be one of {', '.join(_STEPS)}")
        now = self.clock()
        with self._write() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=True)
            self._holding(actor, conv, "tick its checklist")
            ticked = list(
                connection.execute(
                    sa.select(Tick.step)
                    .where(Tick.conversation_pk == conv.id, Tick.cycle == conv.cycle)
                    .order_by(Tick.id)
                ).scalars()
            )
            if step in ticked:
                return self._record(connection, conv.id)
            connection.execute(
                sa.insert(Tick).values(
                    conversation_pk=conv.id, cycle=conv.cycle, step=step, user_id=actor.id, at=now
                )
            )
            self._bump(connection, conv, now)
            self._audit(
                connection,
                actor,
                "tick",
                conversation_pk=conv.id,
                before={"ticked": ticked},
                after={"ticked": [*ticked, step]},
            )
            self._change(connection, [conv.lane], conv.id, "ticked")
            return self._record(connection, conv.id)

    def transfer(self, user: User, pk: int, lane: str, note: str) -> ConversationRecord:
        """Send a conversation to another lane with a note for the next agent: it waits there
        (claim released, the new lane's SLA from now). Agents transfer what they hold;
        supervisors anything. Only supervisors may send to an override lane (see
        :meth:`override`)."""
        target_id = _lane_id(lane)
        text = _text(note, "note", limit=MAX_NOTE_CHARS, required=True)
        now = self.clock()
        with self._write() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=True)
            if not actor.sees_all_lanes:
                self._holding(actor, conv, "transfer it")
            elif conv.status not in _OPEN:
                raise Conflict(f"the conversation cannot be transferred ({_state(conv)})")
            target = connection.execute(sa.select(Lane).where(Lane.id == target_id)).first()
            if target is None:
                raise UnknownLane(target_id, f"the desktop has no lane {target_id!r}")
            if target.kind == "override" and not actor.sees_all_lanes:
                raise Forbidden("only supervisors send conversations to an override lane")
            if target.id == conv.lane:
                raise Conflict(f"the conversation is in {target.id!r} already")
            return self._relocate(
                connection,
                actor=actor,
                conv=conv,
                target=target,
                note=text,
                action="transfer",
                now=now,
            )

    def override(
        self, user: User, pk: int, note: str, *, lane: str | None = None
    ) -> ConversationRecord:
        """A supervisor sends a conversation to the rule set's override lane (``lane`` picks
        one when there are several): it waits there, claim released. With a bot connected,
        the bot's routing is overridden too (so its next payload keeps it there); if the bot
        refuses or is down, nothing changes (``BotUnavailable``)."""
        text = _text(note, "note", limit=MAX_NOTE_CHARS, required=True)
        with self._read() as connection:
            actor = self._actor(connection, user)
            self._require(actor, "supervisor", "admin")
            conv = self._load(connection, actor, pk, lock=False)
            overrides = connection.execute(
                sa.select(Lane).where(Lane.kind == "override").order_by(Lane.id)
            ).all()
        if not overrides:
            raise Conflict("the desktop has no override lane (a lane of kind 'override')")
        if lane is None:
            if len(overrides) > 1:
                names = ", ".join(row.id for row in overrides)
                raise InvalidInput(f"choose the override lane: one of {names}")
            target_id = overrides[0].id
        else:
            target_id = _lane_id(lane)
            if target_id not in {row.id for row in overrides}:
                raise UnknownLane(target_id, f"{target_id!r} is not an override lane")
        if conv.status not in _OPEN:
            raise Conflict(f"the conversation cannot be overridden ({_state(conv)})")
        if conv.lane == target_id:
            raise Conflict(f"the conversation is in {target_id!r} already")
        if self.bot is not None:
            self._call_bot(lambda bot: bot.override(conv.conversation_id, target_id))
        now = self.clock()
        with self._write() as connection:
            actor = self._actor(connection, user)
            self._require(actor, "supervisor", "admin")
            current = self._load(connection, actor, pk, lock=True)
            target = connection.execute(sa.select(Lane).where(Lane.id == target_id)).one()
            if current.status not in _OPEN:
                raise Conflict(f"the conversation cannot be overridden ({_state(current)})")
            return self._relocate(
                connection,
                actor=actor,
                conv=current,
                target=target,
                note=text,
                action="override",
                now=now,
            )

    def _relocate(
        self,
        connection: sa.Connection,
        *,
        actor: User,
        conv: Any,
        target: Any,
        note: str,
        action: str,
        now: float,
    ) -> ConversationRecord:
        self._move(
            connection,
            conv,
            lane=target.id,
            now=now,
            sla_from_lane=True,
            priority=max(conv.priority, target.priority),
        )
        self._note(connection, actor, conv.id, action, text=note, now=now)
        cycles.moved(connection, pk=conv.id, cycle=conv.cycle)
        self._conv_changed(
            connection,
            actor,
            action,
            conv.id,
            before=conv,
            lanes=[conv.lane, target.id],
            kind={"transfer": "transferred", "override": "overridden"}[action],
            extra={"note": note},
        )
        return self._record(connection, conv.id)

    def _move(
        self,
        connection: sa.Connection,
        conv: Any,
        *,
        lane: str,
        now: float,
        sla_from_lane: bool,
        priority: int | None = None,
    ) -> None:
        """Put a conversation back to waiting in ``lane`` (claim released)."""
        values: dict[str, Any] = {
            "lane": lane,
            "status": "waiting",
            "agent_id": None,
            "claimed_at": None,
            "version": Conv.version + 1,
            "updated_at": now,
        }
        if sla_from_lane:
            sla = connection.execute(
                sa.select(Lane.sla_seconds).where(Lane.id == lane)
            ).scalar_one()
            values["sla_deadline"] = now + sla if sla else None
            values["waiting_since"] = now
        if priority is not None:
            values["priority"] = priority
        connection.execute(sa.update(Conv).where(Conv.id == conv.id).values(**values))

    def _bump(self, connection: sa.Connection, conv: Any, now: float) -> None:
        connection.execute(
            sa.update(Conv)
            .where(Conv.id == conv.id)
            .values(version=Conv.version + 1, updated_at=now)
        )

    def reassign(self, user: User, pk: int, agent: str) -> ConversationRecord:
        """A supervisor gives an open conversation to an agent (who must work its lane, or
        supervise). A waiting one counts as claimed by that agent now."""
        now = self.clock()
        with self._write() as connection:
            actor = self._actor(connection, user)
            self._require(actor, "supervisor", "admin")
            conv = self._load(connection, actor, pk, lock=True)
            if conv.status not in _OPEN:
                raise Conflict(f"the conversation cannot be reassigned ({_state(conv)})")
            row = self._user_by_name(connection, agent)
            target = self._user_from_row(connection, row)
            if not row.active:
                raise Conflict(f"{target.username} is deactivated")
            if not target.sees_all_lanes and conv.lane not in target.lanes:
                raise Conflict(f"{target.username} does not work the lane {conv.lane!r}")
            if conv.agent_id == target.id:
                return self._record(connection, conv.id)
            values: dict[str, Any] = {
                "status": "claimed",
                "agent_id": target.id,
                "version": Conv.version + 1,
                "updated_at": now,
            }
            if conv.status == "waiting":
                values["claimed_at"] = now
                self._claimed(connection, conv, target.id, now)
            connection.execute(sa.update(Conv).where(Conv.id == conv.id).values(**values))
            self._conv_changed(
                connection,
                actor,
                "reassign",
                conv.id,
                before=conv,
                lanes=[conv.lane],
                kind="reassigned",
            )
            return self._record(connection, conv.id)

    def resolve(
        self, user: User, pk: int, outcome_code: str, needed: str, note: str = ""
    ) -> ConversationRecord:
        """Close a conversation you hold with a wrap-up: an outcome code, whether the handoff
        was needed ("yes", "no" or "unsure") and a free note."""
        if not isinstance(outcome_code, str) or not _OUTCOME.fullmatch(outcome_code.strip()):
            raise InvalidInput(
                "the outcome code is 1-64 characters: letters, digits, spaces and _ . : -"
            )
        code = outcome_code.strip()
        if needed not in _NEEDED:
            raise InvalidInput('"was the handoff needed?" must be yes, no or unsure')
        text = _text(note, "note", limit=MAX_NOTE_CHARS, required=False)
        self._resume_bot_first(user, pk, "resolve it")
        now = self.clock()
        with self._write() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=True)
            self._holding(actor, conv, "resolve it")
            connection.execute(
                sa.update(Conv)
                .where(Conv.id == conv.id, Conv.version == conv.version)
                .values(status="resolved", closed_at=now, version=Conv.version + 1, updated_at=now)
            )
            connection.execute(
                sa.insert(WrapUp).values(
                    conversation_pk=conv.id,
                    cycle=conv.cycle,
                    user_id=actor.id,
                    outcome_code=code,
                    needed=needed,
                    note=text,
                    at=now,
                )
            )
            cycles.closed(
                connection,
                pk=conv.id,
                cycle=conv.cycle,
                status="resolved",
                now=now,
                outcome_code=code,
                needed=needed,
            )
            if text:
                self._note(connection, actor, conv.id, "resolve", text=text, now=now)
            self._conv_changed(
                connection,
                actor,
                "resolve",
                conv.id,
                before=conv,
                lanes=[conv.lane],
                kind="resolved",
                extra={"outcome_code": code, "needed": needed, "note": text},
            )
            record = self._record(connection, conv.id)
        self._after_resolve(conv, actor.username, now)
        return record

    def hand_back(self, user: User, pk: int, note: str = "") -> ConversationRecord:
        """Give a conversation you hold back to the bot, with a note it keeps (redacted).

        Without a bot connected this is refused (``BotUnavailable``: "no bot connected");
        if Rasa refuses or is down, nothing changes and the error says so.
        """
        text = _text(note, "note", limit=MAX_NOTE_CHARS, required=False)
        with self._read() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=False)
            self._holding(actor, conv, "hand it back")
        if self.bot is None:
            raise BotUnavailable(
                "no bot connected: this desktop was started without Rasa "
                "(set HANDOFF_DESKTOP_RASA_URL), so it cannot hand conversations back; "
                "nothing was changed"
            )
        self._call_bot(lambda bot: bot.hand_back(conv.conversation_id, text))
        now = self.clock()
        # The bot has the customer now: record that, whatever happened here meanwhile.
        with self._write() as connection:
            current = connection.execute(self._select_conv().where(Conv.id == conv.id)).one()
            connection.execute(
                sa.update(Conv)
                .where(Conv.id == conv.id)
                .values(
                    status="handed_back",
                    closed_at=now,
                    version=Conv.version + 1,
                    updated_at=now,
                )
            )
            cycles.closed(
                connection, pk=conv.id, cycle=current.cycle, status="handed_back", now=now
            )
            if text:
                self._note(connection, actor, conv.id, "hand_back", text=text, now=now)
            self._conv_changed(
                connection,
                actor,
                "hand_back",
                conv.id,
                before=current,
                lanes=[current.lane],
                kind="handed_back",
                extra={"note": text},
            )
            record = self._record(connection, conv.id)
        self._announce(
            conv.id,
            conv.conversation_id,
            current.lane,
            f"{actor.username} from our team handed you back to our assistant.",
            author=actor.username,
            ref=f"hand-back:{conv.id}:{conv.cycle}:{now!r}",
        )
        self._ask_ces(conv, current.lane, "hand_back")
        return record

    def _call_bot(self, call: Callable[[Bot], None]) -> None:
        bot = self.bot
        assert bot is not None
        try:
            call(bot)
        except BotUnavailable:
            raise
        except Exception as error:  # any bot implementation's failure: nothing changes here
            raise BotUnavailable(
                f"the bot failed ({type(error).__name__}); nothing was changed"
            ) from None

    def _resume_bot_first(self, user: User, pk: int, doing: str) -> None:
        """Before a resolve is recorded, give the conversation back to the bot in Rasa as a
        hand-back does (resumed; the routing state forgets the human lane), so the customer
        is not left paused with nobody. A bot that refuses or is down: ``BotUnavailable``,
        nothing changes. Without a bot connected there is nothing to resume."""
        if self.bot is None:
            return
        with self._read() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=False)
            self._holding(actor, conv, doing)
        self._call_bot(lambda bot: bot.hand_back(conv.conversation_id, ""))

    def _after_resolve(self, conv: Any, author: str, now: float) -> None:
        """Tell the customer the agent is done (a notice, which also ends "chatting with")
        and ask the effort question."""
        done = self._announce(
            conv.id,
            conv.conversation_id,
            conv.lane,
            f"{author} from our team has finished helping you. Our assistant is here if you "
            "need anything else.",
            author=author,
            ref=f"resolve:{conv.id}:{conv.cycle}:{now!r}",
        )
        if done:  # (a bot that could not take the notice is not asked the question either)
            self._ask_ces(conv, conv.lane, "resolve")

    def _ask_ces(self, conv: Any, lane: str, after: str) -> bool:
        """The bot asks the effort question (CES) of this handoff cycle: in Rasa's tracker
        first (the question as a ``bot`` event and the ``handoff_ces`` marker the action
        reads the answer by), then, only once Rasa has them, the line the customer's page
        shows and the ``desktop_ces`` row ("asked"). A bot that is down costs only the
        question (a WARNING, no id or text). Without a bot, or ``ces_question=None``, none."""
        question, bot = self.ces_question, self.bot
        if question is None or bot is None or not hasattr(bot, "append"):
            return False
        # Wall-clock time, as the action server compares it with its own.
        marker = ces.pending_marker(time.time(), after)
        events = [
            {"event": "slot", "name": ces.SLOT, "value": marker},
            say_event(question, sender="ces", agent=None),
        ]
        try:
            self._call_bot(lambda _: bot.append(conv.conversation_id, events))
        except BotUnavailable:
            log.warning("desktop: the effort question for conversation %d did not reach the bot",
                        conv.id)  # fmt: skip
            return False
        now = self.clock()
        with self._write() as connection:
            self._insert_line(
                connection, conv.conversation_id, "bot", question, author=None,
                ref=f"ces:{conv.id}:{conv.cycle}", at=now,
            )  # fmt: skip
            connection.execute(
                _insert_ignoring(connection, store.Ces, ["conversation_pk", "cycle"]).values(
                    conversation_pk=conv.id,
                    cycle=conv.cycle,
                    asked_at=now,
                    asked_after=after,
                    declined=False,
                )
            )
            self._change(connection, [lane], conv.id, "message")
        return True

    def add_note(self, user: User, pk: int, text: str) -> ConversationRecord:
        """Write a note on a conversation you can see (open or closed), for colleagues and
        for later; audited."""
        note = _text(text, "note", limit=MAX_NOTE_CHARS, required=True)
        now = self.clock()
        with self._write() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=True)
            self._note(connection, actor, conv.id, "note", text=note, now=now)
            self._bump(connection, conv, now)
            self._audit(connection, actor, "note", conversation_pk=conv.id, after={"note": note})
            self._change(connection, [conv.lane], conv.id, "noted")
            return self._record(connection, conv.id)

    @staticmethod
    def allowed_actions(user: User, record: ConversationRecord) -> frozenset[str]:
        """The actions the user may take on the conversation now, by the same rules the
        actions enforce (for showing or hiding buttons; every action still checks).

        Names: claim, tick, transfer, override, reassign, resolve, hand_back, note.
        ``hand_back`` is listed whatever the bot; without one it is refused when tried
        (see ``Desktop.bot``). ``record`` must come from :meth:`conversation` for this user.
        """
        supervises = user.sees_all_lanes
        status = record.status
        allowed = {"note"}
        if status == "waiting":
            allowed.add("claim")
        if status == "claimed" and (record.agent == user.username or supervises):
            allowed |= {"tick", "resolve", "hand_back", "transfer"}
        if supervises and status in _OPEN:
            allowed |= {"transfer", "override", "reassign"}
        return frozenset(allowed)

    def recent(self, user: User, *, limit: int = 50) -> list[QueueItem]:
        """Closed conversations (resolved or handed back) of the user's lanes, newest first."""
        limit = max(1, min(int(limit), 1000))
        with self._read() as connection:
            actor = self._actor(connection, user)
            statement = (
                sa.select(*_CONV_COLUMNS, Conv.headline)
                .outerjoin(_agent, _agent.id == Conv.agent_id)
                .where(Conv.status.in_(("resolved", "handed_back", "abandoned")))
                .order_by(Conv.closed_at.desc(), Conv.id.desc())
                .limit(limit)
            )
            visible = self._lanes_of(actor)
            if visible is not None:
                statement = statement.where(Conv.lane.in_(visible))
            rows = connection.execute(statement).all()
        return [_queue_item(row) for row in rows]

    def prune(self, *, keep_seconds: float = 7 * 24 * 3600) -> int:
        """Delete change-feed entries older than ``keep_seconds`` and expired sessions;
        returns how many rows went. Conversations, audit and wrap-ups are never pruned."""
        cutoff = self.clock() - keep_seconds
        with self._write() as connection:
            # The newest entry always stays: SQLite would otherwise reuse its seq, and a
            # stream that saw it would skip the next changes.
            newest = sa.select(sa.func.max(ChangeRow.seq)).scalar_subquery()
            changes = connection.execute(
                sa.delete(ChangeRow).where(ChangeRow.at < cutoff, ChangeRow.seq < newest)
            )
            sessions = connection.execute(
                sa.delete(SessionRow).where(SessionRow.expires_at <= self.clock())
            )
            return int(changes.rowcount + sessions.rowcount)

    # ------------------------------------------------------------------ the live conversation

    def lines(self, user: User, pk: int, *, after: int = 0) -> list[LineRecord]:
        """The lines of the conversation (customer, bot, agent, notice) from a little before
        its handoff on, oldest first, at most ``MAX_LINES`` (the newest); only those after
        ``after`` (a line's ``seq``) if given. ``NotFound`` as for :meth:`conversation`."""
        with self._read() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=False)
            rows = connection.execute(
                sa.select(Message)
                .where(
                    Message.conversation_id == conv.conversation_id,
                    Message.at >= conv.created_at - _LINES_LEEWAY,
                    Message.seq > int(after),
                )
                .order_by(Message.seq.desc())
                .limit(MAX_LINES)
            ).all()
        return [
            LineRecord(
                seq=row.seq,
                kind=cast(Any, row.kind),
                author=row.author,
                text=row.text,
                at=_when(row.at),
            )
            for row in reversed(rows)
        ]

    def reply(self, user: User, pk: int, text: str) -> LineRecord:
        """The agent holding the conversation says ``text`` to the customer.

        The reply goes into Rasa's tracker first (a ``bot`` event with the metadata
        ``{"handoff": {"from": "agent", "agent": <username>}}``); only once Rasa has stored
        it is it written as an ``agent`` line (which the customer's page shows) and audited
        (without its text). Rasa down or refusing: ``BotUnavailable``, nothing stored.
        """
        said = _text(text, "reply", limit=MAX_REPLY_CHARS, required=True)
        with self._read() as connection:
            actor = self._actor(connection, user)
            conv = self._load(connection, actor, pk, lock=False)
            if conv.status != "claimed":
                raise Conflict(f"claim the conversation before you reply ({_state(conv)})")
            if conv.agent_id != actor.id:
                raise Forbidden(f"{conv.agent} holds this conversation; only they can reply")
        bot = self._messenger("reply")
        self._call_bot(
            lambda _: bot.say(conv.conversation_id, said, sender="agent", agent=actor.username)
        )
        now = self.clock()
        with self._write() as connection:
            seq = self._insert_line(
                connection,
                conv.conversation_id,
                "agent",
                said,
                author=actor.username,
                ref=f"reply:{conv.id}:{actor.id}:{now!r}:{hashlib.sha256(said.encode()).hexdigest()[:16]}",
                at=now,
            )
            self._audit(
                connection, actor, "reply", conversation_pk=conv.id, after={"chars": len(said)}
            )
            self._change(connection, [conv.lane], conv.id, "message")
        return LineRecord(
            seq=seq or 0, kind="agent", author=actor.username, text=said, at=_when(now)
        )

    def _messenger(self, doing: str) -> Any:
        bot = self.bot
        if bot is None or not hasattr(bot, "say"):
            raise BotUnavailable(
                f"no bot connected: this desktop was started without Rasa "
                f"(set HANDOFF_DESKTOP_RASA_URL), so it cannot {doing}; nothing was sent"
            )
        return bot

    def _announce(
        self, pk: int, conversation_id: str, lane: str, text: str, *, author: str, ref: str
    ) -> bool:
        """Tell the customer (a join or hand-back notice): the tracker first, then the line.

        The action it follows is done already; a bot that is down costs only the notice (a
        WARNING is logged, no id or text). Without a bot nothing is said."""
        bot = self.bot
        if bot is None or not hasattr(bot, "say"):
            return False
        try:
            self._call_bot(lambda _: bot.say(conversation_id, text, sender="notice", agent=author))
        except BotUnavailable:
            log.warning("desktop: the notice for conversation %d did not reach the bot", pk)
            return False
        with self._write() as connection:
            self._insert_line(
                connection, conversation_id, "notice", text, author=author, ref=ref, at=self.clock()
            )
            self._change(connection, [lane], pk, "message")
        return True

    @staticmethod
    def _insert_line(
        connection: sa.Connection,
        conversation_id: str,
        kind: str,
        text: str,
        *,
        author: str | None,
        ref: str,
        at: float,
        sentiment: float | None = None,
    ) -> int | None:
        """Insert one line unless its ``ref`` is there already; its ``seq``, or None."""
        values = {
            "conversation_id": conversation_id,
            "kind": kind,
            "author": author,
            "text": text,
            "ref": ref[: store.KEY_CHARS],
            "at": at,
            "sentiment": sentiment,
        }
        statement = _insert_ignoring(connection, Message, ["ref"]).values(**values)
        seq = connection.execute(statement.returning(Message.seq)).scalar_one_or_none()
        return None if seq is None else int(seq)

    def _held(self, connection: sa.Connection, desktop_id: str, *, lock: bool = False) -> Any:
        """The open (waiting or claimed) conversation with this desktop id, or None."""
        statement = self._select_conv().where(
            Conv.conversation_id == desktop_id, Conv.status.in_(_OPEN)
        )
        if lock:
            statement = statement.with_for_update(of=Conv)
        return connection.execute(statement).first()

    # ------------------------------------------------------------------ the relay's writes

    def relay_position(self, name: str) -> int:
        """Where the relay called ``name`` is in its feed (0: at the start; the cursor row
        is created then)."""
        with self._read() as connection:
            found = connection.execute(
                sa.select(RelayCursor.position).where(RelayCursor.name == name)
            ).scalar_one_or_none()
        if found is not None:
            return int(found)  # (every poll: a read, not SQLite's write lock)
        with self._write() as connection:
            position = connection.execute(
                sa.select(RelayCursor.position).where(RelayCursor.name == name)
            ).scalar_one_or_none()
            if position is None:
                # Two processes starting at once both find none: the second insert is a no-op.
                connection.execute(
                    _insert_ignoring(connection, RelayCursor, ["name"]).values(
                        name=name, position=0, updated_at=self.clock()
                    )
                )
                return 0
        return int(position)

    def relay_commit(
        self,
        name: str,
        old: int,
        new: int,
        lines: Sequence[tuple[str, str, str, float]],
        held_id: Callable[[str], str],
        *,
        sentiment: Mapping[str, float] | None = None,
        turns: Sequence[Mapping[str, Any]] = (),
        answers: Sequence[tuple[str, Mapping[str, Any], float]] = (),
    ) -> list[tuple[str, int, str]] | None:
        """Move the cursor ``name`` from ``old`` to ``new`` (compare-and-set) and, in the same
        transaction, store the customer ``lines`` (sender id, redacted text, ref, time), each
        with its ``sentiment`` (by ref), the decision log's ``turns`` (``desktop_turns``
        rows, idempotent by ``ref``) and the effort question's ``answers`` (desktop id,
        ``{"score": n}`` or ``{"declined": True}``, time), each applied to that
        conversation's latest unanswered ``desktop_ces`` row.

        Returns None when another process moved the cursor first (nothing is stored then:
        the winner stores these lines), else the lines' conversations the desktop holds
        (sender id, pk, lane), each once, in order. ``held_id`` maps a sender id to the
        desktop's conversation id (the payload's pseudonym of it)."""
        now = self.clock()
        try:
            with self._write() as connection:
                moved = connection.execute(
                    sa.update(RelayCursor)
                    .where(RelayCursor.name == name, RelayCursor.position == old)
                    .values(position=new, updated_at=now)
                ).rowcount
                if moved != 1:
                    raise _LostRace
                held: dict[str, tuple[str, int, str]] = {}
                scores = sentiment or {}
                for sender, text, ref, at in lines:
                    seq = self._insert_line(
                        connection, sender, "customer", text, author=None, ref=ref, at=at,
                        sentiment=scores.get(ref),
                    )  # fmt: skip
                    if seq is None:
                        continue
                    conv = self._held(connection, held_id(sender))
                    if conv is not None:
                        held.setdefault(sender, (sender, conv.id, conv.lane))
                for _, pk, lane in held.values():
                    self._change(connection, [lane], pk, "message")
                if turns:
                    connection.execute(
                        _insert_ignoring(connection, store.Turn, ["ref"]), [dict(t) for t in turns]
                    )
                for desktop_id, answer, at in answers:
                    self._answer_ces(connection, desktop_id, answer, at)
                return list(held.values())
        except _LostRace:
            return None

    @staticmethod
    def _answer_ces(
        connection: sa.Connection, desktop_id: str, answer: Mapping[str, Any], at: float
    ) -> None:
        """The customer's answer (or decline) to the latest unanswered effort question of the
        conversation; nothing if none is waiting (the bot asked, the desktop did not record)."""
        pending = connection.execute(
            sa.select(store.Ces.id)
            .join(Conv, Conv.id == store.Ces.conversation_pk)
            .where(Conv.conversation_id == desktop_id, store.Ces.answered_at.is_(None))
            .order_by(store.Ces.asked_at.desc(), store.Ces.id.desc())
            .limit(1)
        ).scalar_one_or_none()
        if pending is None:
            return
        score = answer.get("score")
        connection.execute(
            sa.update(store.Ces)
            .where(store.Ces.id == pending, store.Ces.answered_at.is_(None))
            .values(
                answered_at=at,
                score=score if score in ces.SCALE else None,
                declined=score is None,
            )
        )

    def held_conversation(self, desktop_id: str) -> tuple[int, str, str, str] | None:
        """(pk, lane, routed lane, status) of the open conversation with this desktop id."""
        with self._read() as connection:
            row = self._held(connection, desktop_id)
        return None if row is None else (row.id, row.lane, row.routed_lane, row.status)

    def route_move(self, payload: ContextPayload, *, note: str) -> bool:
        """The router moved an open conversation to the payload's lane while a person had
        it (a red line, or the customer's reply to a lane's offer): store the new payload
        and lane, waiting there with a fresh SLA (claim released), audited as "router" with
        ``note`` (the plain reason). False if the desktop no longer holds it open or it is
        in that lane already; ``UnknownLane`` for a lane the desktop does not have."""
        text = payload.model_dump_json()
        routed = payload.routing.lane
        now = self.clock()
        with self._write() as connection:
            conv = self._held(connection, payload.conversation_id, lock=True)
            if conv is None or conv.lane == routed:
                return False
            lane = connection.execute(sa.select(Lane).where(Lane.id == routed)).first()
            if lane is None:
                raise UnknownLane(routed, f"the desktop has no lane {routed!r}; nothing was moved")
            deadline = _sla_deadline(payload, lane.sla_seconds, now)
            connection.execute(
                sa.update(Conv)
                .where(Conv.id == conv.id)
                .values(
                    lane=routed,
                    routed_lane=routed,
                    status="waiting",
                    agent_id=None,
                    claimed_at=None,
                    waiting_since=now,
                    sla_deadline=deadline,
                    priority=max(conv.priority, payload.routing.priority),
                    payload=text,
                    payload_created_at=payload.created_at.timestamp(),
                    headline=_headline(payload),
                    version=Conv.version + 1,
                    updated_at=now,
                )
            )
            cycles.rerouted(
                connection, pk=conv.id, cycle=conv.cycle, payload=payload, lane_sla=lane.sla_seconds
            )
            self._conv_changed(
                connection,
                "router",
                "reroute",
                conv.id,
                before=conv,
                lanes=[conv.lane, routed],
                kind="rerouted",
                extra={"note": note},
            )
        return True

    def relay_line(
        self, conversation_id: str, kind: str, text: str, *, ref: str, author: str | None = None
    ) -> int | None:
        """Store a line the relay has had Rasa record (the lane message of a move), with a
        change for the conversation's lane if the desktop holds it; idempotent by ``ref``."""
        if kind not in store.MESSAGE_KINDS:
            raise InvalidInput(f"the kind must be one of {', '.join(store.MESSAGE_KINDS)}")
        with self._write() as connection:
            seq = self._insert_line(
                connection, conversation_id, kind, text, author=author, ref=ref, at=self.clock()
            )
            conv = self._held(connection, conversation_id)
            if seq is not None and conv is not None:
                self._change(connection, [conv.lane], conv.id, "message")
        return seq

    # ------------------------------------------------------------------ abandonment

    def abandon_idle(self, after_seconds: float) -> list[tuple[int, str]]:
        """Mark abandoned every WAITING conversation with no sign of life for ``after_seconds``:
        the latest of its ``waiting_since``, the customer's last line and the chat page's
        heartbeat (``desktop_presence``). Each is taken out of the queue, audited as
        "system", and returned as (pk, conversation id) so the caller resumes the bot."""
        if after_seconds <= 0:
            raise ValueError("after_seconds must be positive")
        now = self.clock()
        cutoff = now - after_seconds
        with self._write() as connection:
            last_line = (
                sa.select(sa.func.max(Message.at))
                .where(Message.conversation_id == Conv.conversation_id, Message.kind == "customer")
                .scalar_subquery()
            )
            seen = (
                sa.select(Presence.last_seen)
                .where(Presence.conversation_id == Conv.conversation_id)
                .scalar_subquery()
            )
            candidates = connection.execute(
                self._select_conv()
                .add_columns(last_line.label("last_line"), seen.label("last_seen"))
                .where(Conv.status == "waiting", Conv.waiting_since < cutoff)
                .order_by(Conv.id)
            ).all()
            gone: list[tuple[int, str]] = []
            for row in candidates:
                alive = max(row.waiting_since, row.last_line or 0.0, row.last_seen or 0.0)
                if alive >= cutoff:
                    continue
                done = connection.execute(
                    sa.update(Conv)
                    .where(Conv.id == row.id, Conv.status == "waiting", Conv.version == row.version)
                    .values(
                        status="abandoned",
                        closed_at=now,
                        version=Conv.version + 1,
                        updated_at=now,
                    )
                ).rowcount
                if done != 1:
                    continue
                cycles.closed(connection, pk=row.id, cycle=row.cycle, status="abandoned", now=now)
                self._conv_changed(
                    connection,
                    "system",
                    "abandon",
                    row.id,
                    before=row,
                    lanes=[row.lane],
                    kind="abandoned",
                    extra={"idle_seconds": round(now - alive, 1)},
                )
                gone.append((row.id, row.conversation_id))
        return gone

    def resume_bot(self, conversation_id: str) -> None:
        """Give an abandoned conversation back to the bot (so a returning customer gets the
        bot); ``BotUnavailable`` if there is no bot or it refuses."""
        if self.bot is None:
            raise BotUnavailable("no bot connected; the conversation stays paused in the bot")
        self._call_bot(lambda bot: bot.hand_back(conversation_id, ""))

    # ------------------------------------------------------------------ change feed

    def last_seq(self) -> int:
        """The newest change's ``seq`` (0 when there is none): where a new stream starts."""
        with self._read() as connection:
            value = connection.execute(sa.select(sa.func.max(ChangeRow.seq))).scalar()
        return int(value or 0)

    def changes_since(self, seq: int, user: User, *, limit: int = 1000) -> list[Change]:
        """Changes after ``seq`` in the lanes the user sees, oldest first (at most ``limit``).

        The feed is a table, so it works across processes: a second desktop process, or
        the webhook in another worker, is seen by polling. A change that moves a
        conversation between lanes has one entry per lane.
        """
        with self._read() as connection:
            actor = self._actor(connection, user)
            statement = (
                sa.select(ChangeRow)
                .where(ChangeRow.seq > int(seq))
                .order_by(ChangeRow.seq)
                .limit(limit)
            )
            visible = self._lanes_of(actor)
            if visible is not None:
                statement = statement.where(ChangeRow.lane.in_(visible))
            rows = connection.execute(statement).all()
        return [
            Change(row.seq, row.lane, row.conversation_pk, row.kind, _when(row.at)) for row in rows
        ]

    # ------------------------------------------------------------------ audit

    def audit(
        self,
        user: User,
        *,
        conversation_pk: int | None = None,
        actor: str | None = None,
        action: str | None = None,
        before_id: int | None = None,
        limit: int = 200,
    ) -> list[AuditEntry]:
        """The audit log, newest first (supervisors and admins): all of it, or one
        conversation's, one actor's (a username, "bot" or "system") or one action's; page
        with ``before_id`` (the last id of the previous page)."""
        limit = max(1, min(int(limit), 10_000))
        with self._read() as connection:
            who = self._actor(connection, user)
            self._require(who, "supervisor", "admin")
            statement = sa.select(Audit).order_by(Audit.id.desc()).limit(limit)
            if conversation_pk is not None:
                statement = statement.where(Audit.conversation_pk == conversation_pk)
            if actor is not None:
                statement = statement.where(Audit.actor == str(actor).strip().lower())
            if action is not None:
                statement = statement.where(Audit.action == str(action))
            if before_id is not None:
                statement = statement.where(Audit.id < before_id)
            rows = connection.execute(statement).all()
        return [
            AuditEntry(
                id=row.id,
                at=_when(row.at),
                actor=row.actor,
                action=row.action,
                conversation_pk=row.conversation_pk,
                before=None if row.before is None else json.loads(row.before),
                after=None if row.after is None else json.loads(row.after),
            )
            for row in rows
        ]

    def audit_csv(
        self,
        user: User,
        *,
        conversation_pk: int | None = None,
        actor: str | None = None,
        action: str | None = None,
    ) -> str:
        """The audit log as CSV (id, at, actor, action, conversation, before, after), newest
        first, at most 10,000 rows (filters as for :meth:`audit`). Cells a spreadsheet would
        run as a formula are prefixed with ``'``."""
        entries = self.audit(
            user, conversation_pk=conversation_pk, actor=actor, action=action, limit=10_000
        )
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "at", "actor", "action", "conversation", "before", "after"])
        for entry in entries:
            writer.writerow(
                [
                    entry.id,
                    entry.at.isoformat(),
                    _cell(entry.actor),
                    _cell(entry.action),
                    "" if entry.conversation_pk is None else entry.conversation_pk,
                    "" if entry.before is None else _cell(_dumps(entry.before)),
                    "" if entry.after is None else _cell(_dumps(entry.after)),
                ]
            )
        return out.getvalue()


# ------------------------------------------------------------------------------ module helpers


def _insert_ignoring(connection: sa.Connection, table: Any, keys: list[str]) -> Any:
    """INSERT ... ON CONFLICT (keys) DO NOTHING, on PostgreSQL and SQLite."""
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql as dialect  # noqa: PLC0415
    else:
        from sqlalchemy.dialects import sqlite as dialect  # type: ignore[no-redef]  # noqa: PLC0415
    return dialect.insert(table).on_conflict_do_nothing(index_elements=keys)


def _parse_payload(body: bytes) -> ContextPayload:
    try:
        payload = ContextPayload.model_validate_json(body)
    except ValidationError as error:
        details = error.errors(include_input=False, include_url=False)
        problems = tuple(
            (".".join(str(part) for part in item["loc"]) or "(body)", str(item["msg"]))
            for item in details[:_PROBLEMS_SHOWN]
        )
        listed = "; ".join(f"{loc}: {msg}" for loc, msg in problems)
        more = f" (and {len(details) - len(problems)} more)" if len(details) > len(problems) else ""
        raise InvalidPayload(f"not a context payload: {listed}{more}", problems) from None
    except (ValueError, RecursionError):
        raise InvalidPayload("not a context payload: the JSON cannot be read") from None
    conversation_id = payload.conversation_id
    if not conversation_id or len(conversation_id) > store.CONVERSATION_ID_CHARS:
        raise InvalidPayload(
            f"conversation_id must be 1-{store.CONVERSATION_ID_CHARS} characters",
            (("conversation_id", "length"),),
        )
    if len(payload.routing.lane) > store.LANE_ID_CHARS:
        raise InvalidPayload("routing.lane is too long", (("routing.lane", "length"),))
    return payload


def _queue_item(row: Any) -> QueueItem:
    headline = json.loads(row.headline)
    return QueueItem(
        pk=row.id,
        conversation_id=row.conversation_id,
        lane=row.lane,
        status=cast(Status, row.status),
        priority=row.priority,
        agent=row.agent,
        sla_deadline=_maybe_when(row.sla_deadline),
        waiting_since=_when(row.waiting_since),
        updated_at=_when(row.updated_at),
        version=row.version,
        tier=headline["tier"],
        customer_name=headline["name"],
        risk_flags=tuple(headline["risk_flags"]),
        channel=headline["channel"],
        intent=headline["intent"],
        summary=headline["summary"],
        sentiment_label=headline["sentiment"],
    )


def _state(conv: Any) -> str:
    if conv.status == "claimed":
        return f"{conv.agent} has it"
    states = {
        "waiting": "it is waiting",
        "resolved": "it is resolved",
        "handed_back": "it was handed back to the bot",
        "abandoned": "the customer left while waiting",
    }
    return states.get(str(conv.status), str(conv.status))


def _why_not_waiting(conv: Any) -> str:
    if conv.status == "claimed":
        return f"{conv.agent} claimed this conversation first"
    return f"the conversation cannot be claimed ({_state(conv)})"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text
