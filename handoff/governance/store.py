"""The governance store: rule versions proposed, approved, published and rolled back in the
desktop's database, every step recorded in a hash-chained audit trail.

One :class:`RulesStore` per process; the desktop, the CLI and the action servers' watchers
each open their own on the same database (SQLite file or PostgreSQL). The store authorises
every step itself from the desktop's users and the grants in the database (the
:class:`~handoff.governance.actor.Actor` a caller passes names who acts; their role and
grants are read again in the step's transaction); authenticating that person is the
caller's job (the desktop's session, the CLI's password check).

What a compliance officer gets:

* nothing routes unless it was approved by the roles the policy names for what it changes
  (never by its author, never by an agent), bound to its exact content hash, and published
  by a supervisor or admin; the stored files are checked against the hash and loaded again
  at publication, and every publication is signed (HMAC-SHA256 with ``HANDOFF_RULES_KEY``),
  so the action servers refuse a version someone edited in the database;
* every step and every refused attempt is an event in ``rules_events``, written in the same
  transaction as its effect, each event hashing the one before it; the publications'
  signatures cover their event's hash, so even a rewrite of the whole chain by someone with
  the database's credentials (but not the key) shows (:meth:`RulesStore.verify_chain`);
* the trail exports as JSON lines or CSV, each row with the hashes to check it again
  offline (:func:`verify_records`).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import hmac
import json
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any, Literal, TypeVar

import sqlalchemy as sa

from handoff.errors import HandoffError, RulesError, StorageUnavailable
from handoff.governance import tables
from handoff.governance.actor import AGENT, Actor
from handoff.governance.backtest import BacktestReport
from handoff.governance.bundle import RuleBundle
from handoff.governance.checks import check_bundle
from handoff.governance.errors import (
    Conflict,
    CorruptVersion,
    GovernanceError,
    NotAllowed,
    NotApproved,
    NotFound,
)
from handoff.governance.policy import Policy, PolicyStatus, Requirement
from handoff.graph.compile import CompiledRules
from handoff.graph.diff import KINDS, semantic_diff
from handoff.router import Router
from handoff.storage import create_engine, sqlite_path, write_lock

__all__ = [
    "GENESIS",
    "Approval",
    "ChainReport",
    "Event",
    "Grant",
    "Proposal",
    "Publication",
    "Published",
    "RulesStore",
    "event_hash",
    "keys_from_env",
    "parse_keys",
    "verify_records",
]

_T = TypeVar("_T")
log = logging.getLogger("handoff.governance")

# The hash before the first event.
GENESIS = "0" * 64
# HMAC keys shorter than this are refused: a short key can be guessed offline from any
# publication row.
MIN_KEY_BYTES = 16
DEFAULT_BUSY_TIMEOUT = 10.0
# PostgreSQL advisory lock key for the store's writes ("hdrules" in ASCII): every write
# appends to the one hash chain, so writes take turns (there are few).
_WRITE_LOCK = 0x68_6472_756C_6573
_HEX = re.compile(r"[0-9a-f]{6,64}")
_ROLE = re.compile(r"[a-z_]{1,32}")
# Desktop roles are set in the desktop (``handoff desktop set-role``), not granted here.
_DESKTOP_ROLES = frozenset({"agent", "supervisor", "admin"})
_REASON_CHARS = 2000
_COMMENT_CHARS = 2000
# A stored backtest report is bounded (the desktop page and the CLI show it whole).
_BACKTEST_BYTES = 1 << 20
_PROBLEMS_SHOWN = 50
_CHUNK = 500
_ROUTERS_KEPT = 8


# ------------------------------------------------------------------------------ keys


def parse_keys(text: str) -> tuple[bytes, ...]:
    """HMAC keys from ``HANDOFF_RULES_KEY``'s value: comma-separated, the first signs new
    publications, every one verifies (so a key can be rotated: put the new one first, keep
    the old one until nothing it signed is needed). Each key is at least 16 bytes."""
    keys = tuple(part.strip().encode() for part in text.split(",") if part.strip())
    short = [index for index, key in enumerate(keys, start=1) if len(key) < MIN_KEY_BYTES]
    if short:
        raise GovernanceError(
            f"HANDOFF_RULES_KEY: key {short[0]} is shorter than {MIN_KEY_BYTES} bytes; use a "
            'long random value, e.g. python -c "import secrets; print(secrets.token_hex(32))"'
        )
    return keys


def keys_from_env(env: Mapping[str, str] | None = None) -> tuple[bytes, ...]:
    """The keys from ``HANDOFF_RULES_KEY``, or the file ``HANDOFF_RULES_KEY_FILE`` names
    (a secret mounted as a file never shows in the process's environment or argv); () if
    neither is set. Setting both is refused: which one wins would be a guess."""
    env = os.environ if env is None else env
    value, path = env.get("HANDOFF_RULES_KEY"), env.get("HANDOFF_RULES_KEY_FILE")
    if value and path:
        raise GovernanceError("set HANDOFF_RULES_KEY or HANDOFF_RULES_KEY_FILE, not both")
    if path:
        try:
            value = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise GovernanceError(
                f"HANDOFF_RULES_KEY_FILE: cannot read {path}: {type(error).__name__}"
            ) from None
    return parse_keys(value) if value else ()


# ------------------------------------------------------------------------------ records


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _dumps(value: Any) -> str:
    """Canonical JSON: sorted keys, no spaces, ASCII only (the hashes cover this text)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


@dataclass(frozen=True)
class Approval:
    """One person's approval of one content hash, with the roles they held then."""

    approver: str
    roles: tuple[str, ...]
    at: datetime
    comment: str


@dataclass(frozen=True)
class Proposal:
    """A stored rule version and what the store knows about it.

    ``changes`` and ``kinds`` are the semantic diff against ``base_hash`` (what was live
    when it was proposed; None: nothing was), ``validation`` the rule checks and tests
    (:func:`~handoff.governance.checks.check_bundle`, as a dict), ``backtest`` the backtest
    report's dict (or None). ``status`` is "proposed" or "withdrawn"; ``published`` says
    whether it was ever published (it can then be rolled back to).
    """

    content_hash: str
    short: str
    ruleset_version: str
    name: str
    entry: str
    author: str
    title: str
    description: str
    created_at: datetime
    base_hash: str | None
    changes: tuple[dict[str, Any], ...]
    kinds: tuple[str, ...]
    validation: dict[str, Any]
    backtest: dict[str, Any] | None
    status: str
    approvals: tuple[Approval, ...]
    published: bool

    @property
    def valid(self) -> bool:
        """The rule set loads and its tests pass (only then can it be approved)."""
        return bool(self.validation.get("ok"))

    def to_dict(self) -> dict[str, Any]:
        """JSON-able (times as ISO 8601 text)."""
        data = _plain(self)
        data["approvals"] = [_plain(approval) for approval in self.approvals]
        return data


@dataclass(frozen=True)
class Publication:
    """One publication (or rollback): from ``seq`` on, every action server routes with
    ``content_hash``. ``signature`` is the HMAC of the record; ``chain_hash`` the hash of
    its audit event."""

    seq: int
    content_hash: str
    ruleset_version: str
    action: str
    actor: str
    at: datetime
    reason: str
    chain_hash: str
    signature: str
    _at_seconds: float = field(repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able (the time as ISO 8601 text); without the files of a :class:`Published`."""
        return {key: value for key, value in _plain(self).items() if key != "bundle"}

    def signed_record(self) -> dict[str, Any]:
        """What the signature covers (every column but the signature)."""
        return {
            "seq": self.seq,
            "content_hash": self.content_hash,
            "ruleset_version": self.ruleset_version,
            "action": self.action,
            "actor": self.actor,
            "at": self._at_seconds,
            "reason": self.reason,
            "chain_hash": self.chain_hash,
        }


@dataclass(frozen=True)
class Published(Publication):
    """A publication with the rule files it put live (check them with
    :meth:`RulesStore.verify` before routing with them)."""

    bundle: RuleBundle = field(repr=False, compare=False)

    @property
    def rules(self) -> RuleBundle:
        """The published bundle (the same as ``bundle``)."""
        return self.bundle


@dataclass(frozen=True)
class Event:
    """One entry of the audit trail."""

    seq: int
    at: datetime
    actor: str
    action: str
    content_hash: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-able (the time as ISO 8601 text)."""
        return _plain(self)


@dataclass(frozen=True)
class Grant:
    """A governance role an admin granted a desktop user."""

    username: str
    role: str
    granted_by: str
    granted_at: datetime


@dataclass(frozen=True)
class ChainReport:
    """What :meth:`RulesStore.verify_chain` found: ``ok`` when every event follows the one
    before it, hashes to what is stored, and every stored fact (version, approval,
    publication, policy, grant) has its event; ``anchored`` counts the publications whose
    signature (with a key this store holds) covers their event in the chain."""

    ok: bool
    events: int
    head: str
    anchored: int
    problems: tuple[str, ...]
    # More problems than ``problems`` lists (it keeps the first 50).
    more: int = 0

    def lines(self) -> list[str]:
        """A plain-text summary for the CLI and the desktop."""
        verdict = "intact" if self.ok else "BROKEN"
        lines = [
            f"audit trail {verdict}: {self.events} events, head {self.head[:12]}, "
            f"{self.anchored} signed publication(s) anchoring it"
        ]
        lines.extend(f"  - {problem}" for problem in self.problems)
        if self.more:
            lines.append(f"  ... and {self.more} more")
        return lines


def _plain(record: Any) -> dict[str, Any]:
    """A record dataclass's public fields, times as ISO 8601 text, tuples as lists."""
    data: dict[str, Any] = {}
    for item in fields(record):
        if item.name.startswith("_"):
            continue
        value = getattr(record, item.name)
        if isinstance(value, datetime):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        data[item.name] = value
    return data


def event_hash(prev_hash: str, record: Mapping[Any, Any]) -> str:
    """The hash of an audit event: sha256 over the previous event's hash followed by the
    canonical JSON of ``{seq, at, actor, action, content_hash, detail}`` (``detail`` as the
    stored JSON text). Auditors can recompute it from an export."""
    fields = {key: record[key] for key in ("seq", "at", "actor", "action", "content_hash")}
    fields["detail"] = record["detail"]
    return hashlib.sha256((prev_hash + _dumps(fields)).encode("utf-8")).hexdigest()


def verify_records(records: Iterable[Mapping[Any, Any]]) -> ChainReport:
    """Check a chain of event records in ``seq`` order (rows of ``rules_events`` or the
    lines of a JSON export): numbering without gaps, each linked to the one before it, each
    hashing to its stored hash. Cross-checks against the other tables are
    :meth:`RulesStore.verify_chain`'s."""
    problems: list[str] = []
    previous, expected, count = GENESIS, 1, 0
    for record in records:
        count += 1
        seq = int(record["seq"])
        if seq != expected:
            problems.append(
                f"events {expected}..{seq - 1} are missing (deleted)"
                if seq > expected
                else f"event {seq} is out of order"
            )
        if record["prev_hash"] != previous:
            problems.append(
                f"event {seq} does not follow the event before it (an event before it was "
                "deleted, inserted or rewritten)"
            )
        if event_hash(str(record["prev_hash"]), record) != record["hash"]:
            problems.append(f"event {seq} was altered after it was recorded")
        previous, expected = str(record["hash"]), seq + 1
    return ChainReport(
        ok=not problems,
        events=count,
        head=previous,
        anchored=0,
        problems=tuple(problems[:_PROBLEMS_SHOWN]),
        more=max(0, len(problems) - _PROBLEMS_SHOWN),
    )


# ------------------------------------------------------------------------------ engine


def _create_engine(url: str, busy_timeout: float) -> sa.Engine:
    parsed = sa.make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() == "sqlite" and (
        database in ("", ":memory:") or "memory" in database or parsed.query.get("mode")
    ):
        raise GovernanceError(
            f"the rules store needs the desktop's database file; {url!r} is an in-memory "
            "SQLite database each connection would see empty. Use e.g. sqlite:///desktop.sqlite"
        )
    return create_engine(url, busy_timeout=busy_timeout)[0]


# ------------------------------------------------------------------------------ the store


class RulesStore:
    """Governed rule versions in the desktop's database.

    ``url_or_engine``: the desktop's database URL (``sqlite:///desktop.sqlite``,
    ``postgresql+psycopg://...``) or an engine (e.g. ``Desktop.engine``); the tables come
    from the desktop's migrations (``handoff desktop upgrade``). ``keys``: the HMAC keys
    (:func:`keys_from_env`): the first signs publications, any one verifies them; without a
    key the store still proposes and approves, but refuses to publish or to verify.
    ``clock`` returns unix seconds (tests pass their own).

    Every step that changes something (propose, approve, withdraw, publish, rollback,
    grant, revoke, set_policy) is an event in the audit trail in the same transaction as
    its effect; a refused attempt (any :class:`GovernanceError`, or rules that do not
    load) is an event too ("refuse", with the reason), then raised.
    """

    def __init__(
        self,
        url_or_engine: str | sa.Engine,
        *,
        keys: Sequence[bytes] = (),
        clock: Callable[[], float] = time.time,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    ) -> None:
        if isinstance(keys, (bytes, str)):
            raise TypeError("keys is a sequence of keys (bytes); see parse_keys")
        for key in keys:
            if len(key) < MIN_KEY_BYTES:
                raise GovernanceError(f"a rules key needs at least {MIN_KEY_BYTES} bytes")
        if isinstance(url_or_engine, sa.Engine):
            self._engine, self._owned = url_or_engine, False
        else:
            self._engine, self._owned = _create_engine(url_or_engine, busy_timeout), True
        self._keys = tuple(keys)
        self._clock = clock
        self._busy_timeout = busy_timeout
        self._lock = write_lock(sqlite_path(self._engine))
        self._name = self._engine.url.render_as_string(hide_password=True)
        self._ready = False
        # (live hash, proposal hash) -> change kinds; re-diffing loads two rule sets.
        self._kinds_cache: dict[tuple[str, str], tuple[str, ...]] = {}
        # Compiled rule sets by content hash (their files are checked against it first, so
        # a hit is the same bytes): publishing diffs against the live version, and loading
        # a rule set takes far longer than the store's own work.
        self._routers: OrderedDict[str, Router] = OrderedDict()
        self._routers_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RulesStore({self._name!r})"

    @property
    def engine(self) -> sa.Engine:
        """The SQLAlchemy engine (for tests and tools)."""
        return self._engine

    @property
    def can_sign(self) -> bool:
        """The store holds a key: it can publish and verify."""
        return bool(self._keys)

    def close(self) -> None:
        """Release the database connections (of an engine this store created)."""
        if self._owned:
            self._engine.dispose()

    def __enter__(self) -> RulesStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions

    @contextlib.contextmanager
    def _storage(self, doing: str) -> Iterator[None]:
        try:
            yield
        except HandoffError:
            raise
        except (sa.exc.SQLAlchemyError, OSError) as error:
            # from None: a chained SQLAlchemy error would print SQL (and its values).
            cause = type(error).__name__
            orig = getattr(error, "orig", None)
            if orig is not None:
                cause = f"{type(orig).__name__}: {str(orig).strip().splitlines()[0][:200]}"
            raise StorageUnavailable(f"rules store {self._name} cannot {doing}: {cause}") from None

    def _check_ready(self) -> None:
        if self._ready:
            return
        with self._storage("be read"), self._engine.connect() as connection:
            present = sa.inspect(connection).has_table(tables.events.name)
        if not present:
            raise StorageUnavailable(
                f"rules store {self._name} has no governance tables; run: handoff desktop "
                "upgrade --db URL (or Desktop.upgrade())"
            )
        self._ready = True

    @contextlib.contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        self._check_ready()
        with self._storage("be read"), self._engine.connect() as connection, connection.begin():
            yield connection

    @contextlib.contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """One write transaction, after every other writer: this process's lock for an
        SQLite file and SQLite's own (BEGIN IMMEDIATE), or PostgreSQL's advisory lock."""
        self._check_ready()
        lock = self._lock
        if lock is not None and not lock.acquire(timeout=self._busy_timeout):
            raise StorageUnavailable(
                f"rules store {self._name} cannot be written: busy for {self._busy_timeout:g} s"
            )
        try:
            with self._storage("be written"), self._engine.connect() as connection:
                # SQLite's transaction begins IMMEDIATE (handoff.storage), whether the engine
                # is this store's or the desktop's (Desktop.engine).
                connection.execution_options(store_write=True)
                with connection.begin():
                    if connection.dialect.name == "postgresql":
                        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_WRITE_LOCK)))
                    yield connection
        finally:
            if lock is not None:
                lock.release()

    def _governed(
        self,
        attempted: str,
        actor: Actor | str,
        content_hash: str | None,
        step: Callable[[], _T],
    ) -> _T:
        """Run a step; if it is refused, record the refusal (in its own transaction: the
        step's was rolled back) and raise it."""
        try:
            result = step()
        except (GovernanceError, RulesError) as error:
            name = (actor.username if isinstance(actor, Actor) else str(actor))[:64]
            detail = {"attempted": attempted, "error": type(error).__name__}
            detail["reason"] = str(error)[:_REASON_CHARS]
            refused_hash = content_hash if content_hash and _HEX.fullmatch(content_hash) else None
            with self._write() as connection:
                self._append(connection, name, "refuse", refused_hash, detail)
            # Who and what, never the reason's text (it may quote the rules).
            log.warning("rules %s by %s refused: %s", attempted, name, type(error).__name__)
            raise
        name = actor.username if isinstance(actor, Actor) else actor
        log.info("rules %s by %s (%s)", attempted, name, (content_hash or "-")[:12])
        return result

    def _append(
        self,
        connection: sa.Connection,
        actor: str,
        action: str,
        content_hash: str | None,
        detail: Mapping[str, Any],
    ) -> tuple[int, str, float]:
        """Append an event to the chain (under the write lock); its seq, hash and time."""
        last = connection.execute(
            sa.select(tables.events.c.seq, tables.events.c.hash)
            .order_by(tables.events.c.seq.desc())
            .limit(1)
        ).first()
        seq = 1 if last is None else int(last.seq) + 1
        prev = GENESIS if last is None else str(last.hash)
        at = float(self._clock())
        record = {
            "seq": seq,
            "at": at,
            "actor": actor,
            "action": action,
            "content_hash": content_hash,
            "detail": _dumps(dict(detail)),
        }
        digest = event_hash(prev, record)
        connection.execute(sa.insert(tables.events).values(**record, prev_hash=prev, hash=digest))
        return seq, digest, at

    # ------------------------------------------------------------------ who acts

    def _user(self, connection: sa.Connection, username: str) -> Actor:
        user = connection.execute(
            sa.select(tables.desktop_users).where(tables.desktop_users.c.username == username)
        ).first()
        if user is None:
            raise NotFound(f"no desktop user {username!r}")
        if not user.active:
            raise NotAllowed(f"the desktop user {username!r} is deactivated")
        grants: frozenset[str] = frozenset()
        if user.role != AGENT:  # agents hold no governance role, whatever a row says
            grants = frozenset(
                connection.execute(
                    sa.select(tables.user_grants.c.role).where(
                        tables.user_grants.c.user_id == user.id
                    )
                ).scalars()
            )
        return Actor(username=user.username, role=user.role, grants=grants)

    def actor(self, username: str) -> Actor:
        """The desktop user ``username`` with their desktop role and governance grants
        (NotFound: no such user; NotAllowed: deactivated). Authentication is the caller's."""
        with self._read() as connection:
            return self._user(connection, username)

    def _fresh(self, connection: sa.Connection, actor: Actor) -> Actor:
        """Who acts, as the database says now (a grant revoked since the caller built the
        Actor no longer counts; a forged Actor gains nothing)."""
        if not isinstance(actor, Actor):
            raise TypeError("actor must be an Actor (RulesStore.actor(username))")
        return self._user(connection, actor.username)

    # ------------------------------------------------------------------ policy

    def _policy(self, connection: sa.Connection) -> Policy:
        row = connection.execute(
            sa.select(tables.policies.c.text).order_by(tables.policies.c.seq.desc()).limit(1)
        ).first()
        if row is None:
            return Policy.default()
        return Policy.from_text(str(row.text), "rules_policies")

    def policy(self) -> Policy:
        """The live approval policy (the latest one an admin set; the built-in default
        if none was)."""
        with self._read() as connection:
            return self._policy(connection)

    def set_policy(self, text: str, *, actor: Actor) -> Policy:
        """An admin sets the approval policy (YAML, as ``rules/governance.yaml``)."""

        def step() -> Policy:
            policy = Policy.from_text(text, "policy")
            with self._write() as connection:
                who = self._fresh(connection, actor)
                if who.role != "admin":
                    raise NotAllowed("only an admin may set the approval policy")
                current = self._policy(connection)
                if current.hash == policy.hash:
                    raise Conflict("that is already the approval policy")
                seq = connection.execute(
                    sa.insert(tables.policies)
                    .values(text=text, hash=policy.hash, actor=who.username, at=self._clock())
                    .returning(tables.policies.c.seq)
                ).scalar_one()
                detail = {"policy": seq, "hash": policy.hash, "previous": current.hash}
                self._append(connection, who.username, "policy", None, detail)
            return policy

        return self._governed("set_policy", actor, None, step)

    # ------------------------------------------------------------------ grants

    def grants(self) -> list[Grant]:
        """Every governance grant, by username then role."""
        users, grants = tables.desktop_users, tables.user_grants
        with self._read() as connection:
            rows = connection.execute(
                sa.select(users.c.username, grants.c.role, grants.c.granted_by, grants.c.granted_at)
                .join(users, users.c.id == grants.c.user_id)
                .order_by(users.c.username, grants.c.role)
            ).all()
        return [Grant(row[0], row[1], row[2], _utc(row[3])) for row in rows]

    def grant(self, username: str, role: str, *, actor: Actor) -> Grant:
        """An admin grants a desktop user a governance role (e.g. ``risk``). Agents cannot
        hold one; an admin cannot grant one to themselves (another admin must)."""

        def step() -> Grant:
            name = _governance_role(role)
            with self._write() as connection:
                who = self._admin(connection, actor, "grant governance roles")
                target = self._user(connection, username)
                if target.role == AGENT:
                    raise NotAllowed(
                        f"{target.username!r} is an agent; agents cannot hold governance "
                        "roles (make them a supervisor first)"
                    )
                if target.username == who.username:
                    raise NotAllowed(
                        "an admin cannot grant a governance role to themselves; another admin must"
                    )
                if name in target.grants:
                    raise Conflict(f"{target.username!r} already holds {name!r}")
                at = self._clock()
                connection.execute(
                    sa.insert(tables.user_grants).values(
                        user_id=self._user_id(connection, target.username),
                        role=name,
                        granted_by=who.username,
                        granted_at=at,
                    )
                )
                detail = {"user": target.username, "role": name}
                self._append(connection, who.username, "grant", None, detail)
            return Grant(target.username, name, who.username, _utc(at))

        return self._governed("grant", actor, None, step)

    def revoke(self, username: str, role: str, *, actor: Actor) -> None:
        """An admin takes a governance role back (approvals given before keep the roles
        they were given with)."""

        def step() -> None:
            name = _governance_role(role)
            with self._write() as connection:
                who = self._admin(connection, actor, "revoke governance roles")
                user_id = self._user_id(connection, username)
                removed = connection.execute(
                    sa.delete(tables.user_grants).where(
                        tables.user_grants.c.user_id == user_id,
                        tables.user_grants.c.role == name,
                    )
                ).rowcount
                if not removed:
                    raise NotFound(f"{username!r} does not hold {name!r}")
                detail = {"user": username, "role": name}
                self._append(connection, who.username, "revoke", None, detail)

        self._governed("revoke", actor, None, step)

    def _admin(self, connection: sa.Connection, actor: Actor, doing: str) -> Actor:
        who = self._fresh(connection, actor)
        if who.role != "admin":
            raise NotAllowed(f"only an admin may {doing}")
        return who

    @staticmethod
    def _user_id(connection: sa.Connection, username: str) -> int:
        found = connection.execute(
            sa.select(tables.desktop_users.c.id).where(tables.desktop_users.c.username == username)
        ).scalar()
        if found is None:
            raise NotFound(f"no desktop user {username!r}")
        return int(found)

    # ------------------------------------------------------------------ reading versions

    def _version(self, connection: sa.Connection, ref: str) -> Any:
        """The rules_versions row of a content hash or a prefix of at least 6 hex digits."""
        text = ref.strip().lower() if isinstance(ref, str) else ""
        if not _HEX.fullmatch(text):
            raise NotFound(
                f"{ref!r} is not a version: give its content hash or at least its first 6 "
                "hex digits"
            )
        versions = tables.versions
        if len(text) == 64:
            rows = connection.execute(
                sa.select(versions).where(versions.c.content_hash == text)
            ).all()
        else:
            rows = connection.execute(
                sa.select(versions)
                .where(versions.c.content_hash.like(f"{text}%"))
                .order_by(versions.c.content_hash)
                .limit(3)
            ).all()
        if not rows:
            raise NotFound(f"no rules version {text}")
        if len(rows) > 1:
            shown = ", ".join(row.short for row in rows[:2])
            raise Conflict(f"{text} is ambiguous ({shown}, ...): give more of the hash")
        return rows[0]

    def _approvals(self, connection: sa.Connection, content_hash: str) -> tuple[Approval, ...]:
        rows = connection.execute(
            sa.select(tables.approvals)
            .where(tables.approvals.c.content_hash == content_hash)
            .order_by(tables.approvals.c.at, tables.approvals.c.id)
        ).all()
        return tuple(
            Approval(row.approver, tuple(json.loads(row.roles)), _utc(row.at), row.comment)
            for row in rows
        )

    def _proposal(self, connection: sa.Connection, row: Any) -> Proposal:
        published = connection.execute(
            sa.select(sa.func.count())
            .select_from(tables.publications)
            .where(tables.publications.c.content_hash == row.content_hash)
        ).scalar_one()
        return Proposal(
            content_hash=row.content_hash,
            short=row.short,
            ruleset_version=row.ruleset_version,
            name=row.name,
            entry=row.entry,
            author=row.author,
            title=row.title,
            description=row.description,
            created_at=_utc(row.created_at),
            base_hash=row.base_hash,
            changes=tuple(json.loads(row.changes)),
            kinds=tuple(json.loads(row.kinds)),
            validation=json.loads(row.validation),
            backtest=None if row.backtest is None else json.loads(row.backtest),
            status=row.status,
            approvals=self._approvals(connection, row.content_hash),
            published=bool(published),
        )

    def get(self, ref: str) -> Proposal:
        """A version by content hash or a prefix of at least 6 hex digits (NotFound;
        Conflict if the prefix is ambiguous)."""
        with self._read() as connection:
            return self._proposal(connection, self._version(connection, ref))

    def proposals(self, *, status: str | None = None, limit: int = 50) -> list[Proposal]:
        """Stored versions, newest first (``status``: "proposed" or "withdrawn")."""
        if status is not None and status not in tables.VERSION_STATUSES:
            raise GovernanceError(f"status is one of {', '.join(tables.VERSION_STATUSES)}")
        limit = max(1, min(int(limit), 500))
        query = sa.select(tables.versions).order_by(tables.versions.c.created_at.desc())
        if status is not None:
            query = query.where(tables.versions.c.status == status)
        with self._read() as connection:
            rows = connection.execute(query.limit(limit)).all()
            return [self._proposal(connection, row) for row in rows]

    def bundle(self, ref: str) -> RuleBundle:
        """The rule files of a stored version (CorruptVersion if they no longer match its
        content hash)."""
        with self._read() as connection:
            return _bundle_of(self._version(connection, ref))

    # ------------------------------------------------------------------ propose

    def propose(
        self,
        bundle: RuleBundle,
        *,
        author: Actor,
        title: str,
        description: str = "",
        backtest: BacktestReport | None = None,
    ) -> Proposal:
        """Store a rules change: its checks and rule tests are run
        (:func:`~handoff.governance.checks.check_bundle`; rules that do not load raise
        ``RulesError``, failing tests are stored but never approvable), and it is diffed
        against the live version. The same content stored before: Conflict naming it."""
        content_hash = getattr(bundle, "content_hash", None)

        def step() -> Proposal:
            if not isinstance(bundle, RuleBundle):
                raise TypeError("propose takes a RuleBundle")
            heading = _bounded(title, "the title", tables.TITLE_CHARS, required=True)
            about = _bounded(description, "the description", tables.DESCRIPTION_CHARS)
            report = None if backtest is None else _dumps(backtest.to_dict())
            if report is not None and len(report) > _BACKTEST_BYTES:
                raise GovernanceError("the backtest report is larger than 1 MiB; use fewer samples")
            with self._read() as connection:
                who = self._fresh(connection, author)
                _may_govern(who, "propose rule changes")
                self._not_stored(connection, bundle.content_hash)
                live = self._live_row(connection)
            validation = check_bundle(bundle)
            router = bundle.router()
            base_hash = None if live is None else str(live.content_hash)
            before = self._live_compiled(live)
            if before is None:
                changes: list[dict[str, Any]] = []
                kinds: tuple[str, ...] = tuple(KINDS)
            else:
                diff = semantic_diff(before, router.compiled)
                changes = [change.to_dict() for change in diff]
                kinds = _kinds(diff)
            with self._write() as connection:
                who = self._fresh(connection, author)
                self._not_stored(connection, bundle.content_hash)
                connection.execute(
                    sa.insert(tables.versions).values(
                        content_hash=bundle.content_hash,
                        short=bundle.short,
                        ruleset_version=router.version,
                        name=router.ruleset.name[: tables.NAME_CHARS],
                        entry=bundle.entry,
                        files=_dumps(_files_text(bundle)),
                        author=who.username,
                        title=heading,
                        description=about,
                        created_at=self._clock(),
                        base_hash=base_hash,
                        changes=_dumps(changes),
                        kinds=_dumps(list(kinds)),
                        validation=_dumps(validation.to_dict()),
                        backtest=report,
                        status="proposed",
                    )
                )
                detail = {
                    "title": heading,
                    "ruleset_version": router.version,
                    "base": base_hash,
                    "kinds": list(kinds),
                    "changes": changes,
                    "valid": bool(validation.ok),
                    "backtest": report is not None,
                }
                self._append(connection, who.username, "propose", bundle.content_hash, detail)
                row = self._version(connection, bundle.content_hash)
                proposal = self._proposal(connection, row)
            self._remember(bundle.content_hash, router)
            return proposal

        return self._governed("propose", author, content_hash, step)

    @staticmethod
    def _not_stored(connection: sa.Connection, content_hash: str) -> None:
        found = connection.execute(
            sa.select(tables.versions.c.short, tables.versions.c.status).where(
                tables.versions.c.content_hash == content_hash
            )
        ).first()
        if found is not None:
            raise Conflict(
                f"this exact content is already stored as version {found.short} "
                f"({found.status}); approvals and publication work on that one"
            )

    # ------------------------------------------------------------------ approve, withdraw

    def _router(self, row: Any) -> Router:
        """A stored version's rule set, loaded: CorruptVersion if its files no longer match
        its content hash or no longer load."""
        bundle = _bundle_of(row)
        with self._routers_lock:
            cached = self._routers.get(bundle.content_hash)
            if cached is not None:
                self._routers.move_to_end(bundle.content_hash)
                return cached
        try:
            router = bundle.router()
        except (RulesError, GovernanceError, OSError) as error:
            raise CorruptVersion(
                f"version {row.short}'s stored files do not load: {error}"
            ) from None
        self._remember(bundle.content_hash, router)
        return router

    def _remember(self, content_hash: str, router: Router) -> None:
        with self._routers_lock:
            self._routers[content_hash] = router
            while len(self._routers) > _ROUTERS_KEPT:
                self._routers.popitem(last=False)

    def _live_compiled(self, live: Any) -> CompiledRules | None:
        """The live version's compiled rules to diff against; None if nothing is live or it
        no longer loads (then a change counts as every kind, like the first version, so a
        corrupt live version never blocks publishing a good one)."""
        if live is None:
            return None
        try:
            return self._router(live).compiled
        except CorruptVersion:
            return None

    def _live_row(self, connection: sa.Connection) -> Any:
        """The version live now (its rules_versions row), None before the first publication."""
        pubs, versions = tables.publications, tables.versions
        return connection.execute(
            sa.select(versions)
            .join(pubs, pubs.c.content_hash == versions.c.content_hash)
            .order_by(pubs.c.seq.desc())
            .limit(1)
        ).first()

    def _kinds_now(self, row: Any, live: Any) -> tuple[str, ...] | None:
        """What the version changes compared with the version live now (None: nothing is
        live, the first version counts as every kind): the stored diff if the live version
        is still its base, a new diff otherwise."""
        if live is None:
            return None
        if live.content_hash == row.base_hash:
            return tuple(json.loads(row.kinds))
        key = (str(live.content_hash), str(row.content_hash))
        if key not in self._kinds_cache:
            before = self._live_compiled(live)
            if before is None:
                return None
            after = self._router(row).compiled
            self._kinds_cache[key] = _kinds(semantic_diff(before, after))
        return self._kinds_cache[key]

    def _requirements(self, connection: sa.Connection, row: Any) -> list[Requirement]:
        """What the version needs now. A change with no routing meaning (a comment, a rule
        test) still needs the ``rules`` approval (the policy's rule): nothing goes live on
        its author's word alone."""
        kinds = self._kinds_now(row, self._live_row(connection))
        return self._policy(connection).requirements(kinds, first=kinds is None)

    def _check(self, connection: sa.Connection, row: Any) -> PolicyStatus:
        requirements = self._requirements(connection, row)
        return self._policy(connection).check(
            requirements,
            [
                (a.approver, frozenset(a.roles))
                for a in self._approvals(connection, row.content_hash)
            ],
            author=row.author,
        )

    def status(self, ref: str) -> PolicyStatus:
        """Whether the version's approvals satisfy the policy for what it changes compared
        with the version live now (re-diffed if the live version moved since it was
        proposed), and what is missing."""
        with self._read() as connection:
            return self._check(connection, self._version(connection, ref))

    def approve(self, ref: str, *, approver: Actor, comment: str = "") -> Approval:
        """Approve a version, bound to its content hash. Refused (NotAllowed) for agents,
        for its author (four eyes) and for anyone holding none of the roles its changes
        need; Conflict if its checks failed, it was withdrawn, is live already, or this
        person approved it before."""

        def step() -> Approval:
            note = _bounded(comment, "the comment", _COMMENT_CHARS)
            with self._write() as connection:
                who = self._fresh(connection, approver)
                _may_govern(who, "approve rule changes")
                row = self._version(connection, ref)
                if row.author == who.username:
                    raise NotAllowed(
                        f"{who.username!r} proposed version {row.short}; four eyes: someone "
                        "else must approve it"
                    )
                _open(row)
                live = self._live_row(connection)
                if live is not None and live.content_hash == row.content_hash:
                    raise Conflict(f"version {row.short} is live already")
                if any(a.approver == who.username
                       for a in self._approvals(connection, row.content_hash)):  # fmt: skip
                    raise Conflict(f"{who.username!r} approved version {row.short} already")
                requirements = self._requirements(connection, row)
                needed = sorted({role for req in requirements for role in req.roles})
                held = sorted(who.roles & set(needed))
                if not held:
                    raise NotAllowed(
                        f"approving version {row.short} needs one of the roles "
                        f"{', '.join(needed)}; {who.username!r} holds "
                        f"{', '.join(sorted(who.roles))}"
                    )
                at = self._clock()
                roles = sorted(who.roles)
                connection.execute(
                    sa.insert(tables.approvals).values(
                        content_hash=row.content_hash,
                        approver=who.username,
                        roles=_dumps(roles),
                        at=at,
                        comment=note,
                    )
                )
                detail = {"roles": roles, "comment": note}
                self._append(connection, who.username, "approve", row.content_hash, detail)
            return Approval(who.username, tuple(roles), _utc(at), note)

        return self._governed("approve", approver, _ref_hash(ref), step)

    def withdraw(self, ref: str, *, actor: Actor) -> Proposal:
        """Its author (or an admin) withdraws a version that was never published."""

        def step() -> Proposal:
            with self._write() as connection:
                who = self._fresh(connection, actor)
                row = self._version(connection, ref)
                if who.username != row.author and who.role != "admin":
                    raise NotAllowed(
                        f"only {row.author!r} (its author) or an admin may withdraw it"
                    )
                if row.status == "withdrawn":
                    raise Conflict(f"version {row.short} is withdrawn already")
                if self._ever_published(connection, row.content_hash):
                    raise Conflict(
                        f"version {row.short} was published; it stays on record (publish or "
                        "roll back to another version instead)"
                    )
                connection.execute(
                    sa.update(tables.versions)
                    .where(tables.versions.c.content_hash == row.content_hash)
                    .values(status="withdrawn")
                )
                self._append(connection, who.username, "withdraw", row.content_hash, {})
                return self._proposal(connection, self._version(connection, row.content_hash))

        return self._governed("withdraw", actor, _ref_hash(ref), step)

    @staticmethod
    def _ever_published(connection: sa.Connection, content_hash: str) -> bool:
        return (
            connection.execute(
                sa.select(tables.publications.c.seq)
                .where(tables.publications.c.content_hash == content_hash)
                .limit(1)
            ).first()
            is not None
        )

    # ------------------------------------------------------------------ publish, rollback

    def publish(self, ref: str, *, actor: Actor, reason: str) -> Publication:
        """Put an approved version live for every action server. The policy's publishers
        only (supervisors and admins by default); NotApproved unless its approvals satisfy
        the policy for what it changes compared with the version live NOW; its stored files
        are checked against its content hash and loaded (CorruptVersion). Signed; one
        transaction; concurrent publishes take turns."""

        def step() -> Publication:
            why = _bounded(reason, "the reason", _REASON_CHARS, required=True)
            self._need_key()
            with self._write() as connection:
                who = self._publisher(connection, actor)
                row = self._version(connection, ref)
                _open(row)
                live = self._live_row(connection)
                if live is not None and live.content_hash == row.content_hash:
                    raise Conflict(f"version {row.short} is live already")
                status = self._check(connection, row)
                if not status.satisfied:
                    raise NotApproved(
                        f"version {row.short} cannot be published yet: " + "; ".join(status.missing)
                    )
                return self._put_live(
                    connection, who=who, row=row, live=live, action="publish", reason=why
                )

        return self._governed("publish", actor, _ref_hash(ref), step)

    def rollback(self, ref: str, *, actor: Actor, reason: str) -> Publication:
        """Put an earlier published version live again (not the live one). It was approved
        when it was published; the rollback is audited with its diff like a publication."""

        def step() -> Publication:
            why = _bounded(reason, "the reason", _REASON_CHARS, required=True)
            self._need_key()
            with self._write() as connection:
                who = self._publisher(connection, actor)
                row = self._version(connection, ref)
                if not self._ever_published(connection, row.content_hash):
                    raise Conflict(
                        f"version {row.short} was never published; only a published version "
                        "can be rolled back to (publish it after approval)"
                    )
                live = self._live_row(connection)
                if live is not None and live.content_hash == row.content_hash:
                    raise Conflict(f"version {row.short} is live already")
                return self._put_live(
                    connection, who=who, row=row, live=live, action="rollback", reason=why
                )

        return self._governed("rollback", actor, _ref_hash(ref), step)

    def _need_key(self) -> None:
        if not self._keys:
            raise GovernanceError(
                "publishing signs the version and this store has no key: set "
                "HANDOFF_RULES_KEY (or HANDOFF_RULES_KEY_FILE), the key the action servers "
                "verify with"
            )

    def _publisher(self, connection: sa.Connection, actor: Actor) -> Actor:
        who = self._fresh(connection, actor)
        _may_govern(who, "publish or roll back rule versions")
        if not self._policy(connection).may_publish(who):
            raise NotAllowed(
                f"{who.username!r} may not publish or roll back: the policy names other roles"
            )
        return who

    def _put_live(
        self,
        connection: sa.Connection,
        *,
        who: Actor,
        row: Any,
        live: Any,
        action: Literal["publish", "rollback"],
        reason: str,
    ) -> Publication:
        router = self._router(row)
        if router.version != row.ruleset_version:
            raise CorruptVersion(
                f"version {row.short} loads as rule set version {router.version}, not the "
                f"{row.ruleset_version} it was proposed as"
            )
        before = self._live_compiled(live)
        changes = (
            [] if before is None else [c.to_dict() for c in semantic_diff(before, router.compiled)]
        )
        seq = (
            int(
                connection.execute(
                    sa.select(sa.func.coalesce(sa.func.max(tables.publications.c.seq), 0))
                ).scalar_one()
            )
            + 1
        )
        detail = {
            "publication": seq,
            "reason": reason,
            "ruleset_version": row.ruleset_version,
            "previous": None if live is None else live.content_hash,
            # The previous version's files no longer load: no diff could be made.
            "previous_unreadable": live is not None and before is None,
            "changes": changes,
            "approvals": [a.approver for a in self._approvals(connection, row.content_hash)],
        }
        _seq, chain_hash, at = self._append(connection, who.username, action, row.content_hash,
                                            detail)  # fmt: skip
        unsigned = Publication(
            seq=seq,
            content_hash=row.content_hash,
            ruleset_version=row.ruleset_version,
            action=action,
            actor=who.username,
            at=_utc(at),
            reason=reason,
            chain_hash=chain_hash,
            signature="",
            _at_seconds=at,
        )
        signature = _sign(self._keys[0], unsigned.signed_record())
        connection.execute(
            sa.insert(tables.publications).values(**unsigned.signed_record(), signature=signature)
        )
        return _publication({**unsigned.signed_record(), "signature": signature})

    # ------------------------------------------------------------------ live, verify

    def latest_seq(self) -> int:
        """The newest publication's number (0: nothing published). Cheap: watchers poll it."""
        with self._read() as connection:
            return int(
                connection.execute(
                    sa.select(sa.func.coalesce(sa.func.max(tables.publications.c.seq), 0))
                ).scalar_one()
            )

    def live(self) -> Published | None:
        """The live publication with its rule files (None: nothing published yet).
        Verify it (:meth:`verify`) before routing with it."""
        with self._read() as connection:
            row = connection.execute(
                sa.select(tables.publications).order_by(tables.publications.c.seq.desc()).limit(1)
            ).first()
            return None if row is None else self._published(connection, row)

    def published(self, seq: int) -> Published:
        """Publication number ``seq`` with its rule files (NotFound)."""
        with self._read() as connection:
            row = connection.execute(
                sa.select(tables.publications).where(tables.publications.c.seq == int(seq))
            ).first()
            if row is None:
                raise NotFound(f"no publication {seq}")
            return self._published(connection, row)

    def _published(self, connection: sa.Connection, row: Any) -> Published:
        version = connection.execute(
            sa.select(tables.versions).where(tables.versions.c.content_hash == row.content_hash)
        ).one()
        base = _publication(row._mapping)
        return Published(**{**base.__dict__, "bundle": _bundle_of(version, checked=False)})

    def verify(self, published: Publication) -> None:
        """Raise CorruptVersion unless the publication's signature verifies with one of
        this store's keys and (for a :class:`Published`) its files hash to its content
        hash. The action servers route only with a version that passes."""
        if not self._keys:
            raise CorruptVersion(
                f"publication {published.seq} cannot be verified: no key (set "
                "HANDOFF_RULES_KEY or HANDOFF_RULES_KEY_FILE)"
            )
        record = published.signed_record()
        if not any(
            hmac.compare_digest(_sign(key, record), published.signature) for key in self._keys
        ):
            raise CorruptVersion(
                f"publication {published.seq}'s signature does not verify with any key: it "
                "was not written by a publisher holding the key, or was altered since"
            )
        if (
            isinstance(published, Published)
            and published.bundle.content_hash != published.content_hash
        ):
            raise CorruptVersion(
                f"publication {published.seq}'s files do not match its content hash "
                f"{published.content_hash[:12]}: they were altered in the database"
            )

    def history(self, limit: int = 50) -> list[Publication]:
        """Publications and rollbacks, newest first."""
        limit = max(1, min(int(limit), 1000))
        with self._read() as connection:
            rows = connection.execute(
                sa.select(tables.publications)
                .order_by(tables.publications.c.seq.desc())
                .limit(limit)
            ).all()
        return [_publication(row._mapping) for row in rows]

    # ------------------------------------------------------------------ audit trail

    def events(
        self,
        *,
        content_hash: str | None = None,
        before: int | None = None,
        limit: int = 100,
    ) -> list[Event]:
        """Audit events, newest first; ``content_hash`` keeps one version's, ``before`` pages
        back (events with a smaller seq)."""
        limit = max(1, min(int(limit), 1000))
        query = sa.select(tables.events).order_by(tables.events.c.seq.desc()).limit(limit)
        if content_hash is not None:
            query = query.where(tables.events.c.content_hash == content_hash)
        if before is not None:
            query = query.where(tables.events.c.seq < int(before))
        with self._read() as connection:
            rows = connection.execute(query).all()
        return [_event(row._mapping) for row in rows]

    def _all_events(self) -> Iterator[Mapping[Any, Any]]:
        """Every event in seq order, read in chunks (each in its own short transaction)."""
        last = 0
        while True:
            with self._read() as connection:
                rows = connection.execute(
                    sa.select(tables.events)
                    .where(tables.events.c.seq > last)
                    .order_by(tables.events.c.seq)
                    .limit(_CHUNK)
                ).all()
            if not rows:
                return
            for row in rows:
                yield row._mapping
            last = int(rows[-1].seq)

    def export(self, out: IO[str], fmt: Literal["jsonl", "csv"] = "jsonl") -> int:
        """Write the whole audit trail to ``out`` (a text stream), oldest first; the number
        of events written. Each row keeps ``detail`` as the exact JSON text that was hashed
        and both hashes, so the export can be checked again offline
        (:func:`verify_records` over the JSON lines)."""
        if fmt not in ("jsonl", "csv"):
            raise GovernanceError("the export format is jsonl or csv")
        columns = ("seq", "at", "time", "actor", "action", "content_hash", "detail",
                   "prev_hash", "hash")  # fmt: skip
        writer = csv.writer(out) if fmt == "csv" else None
        if writer is not None:
            writer.writerow(columns)
        count = 0
        for row in self._all_events():
            record = {**dict(row), "time": _utc(row["at"]).isoformat()}
            if writer is not None:
                writer.writerow(["" if record[c] is None else record[c] for c in columns])
            else:
                out.write(_dumps({c: record[c] for c in columns}) + "\n")
            count += 1
        return count

    def verify_chain(self) -> ChainReport:
        """Check the audit trail: every event follows the one before it and hashes to what
        is stored (an edited or deleted row shows), every version, approval, publication,
        policy and grant has its event (a deleted tail shows), and every publication's
        signature covers its event's hash in the chain (a chain rewritten by someone
        without the key shows)."""
        chain = verify_records(self._all_events())
        problems = list(chain.problems)
        anchored = 0
        with self._read() as connection:
            events = tables.events
            logged = connection.execute(
                sa.select(
                    events.c.seq,
                    events.c.action,
                    events.c.actor,
                    events.c.content_hash,
                    events.c.detail,
                    events.c.hash,
                )
            ).all()
            by_hash = {row.hash: row for row in logged}
            proposed = {row.content_hash for row in logged if row.action == "propose"}
            approved = {(row.content_hash, row.actor) for row in logged if row.action == "approve"}
            policy_events = {
                _detail(row.detail).get("policy") for row in logged if row.action == "policy"
            }
            grant_events = {
                (_detail(row.detail).get("user"), _detail(row.detail).get("role"))
                for row in logged
                if row.action == "grant"
            }
            for version in connection.execute(sa.select(tables.versions.c.content_hash)):
                if version.content_hash not in proposed:
                    problems.append(f"version {version.content_hash[:12]} has no propose event")
            for approval in connection.execute(
                sa.select(tables.approvals.c.content_hash, tables.approvals.c.approver)
            ):
                if (approval.content_hash, approval.approver) not in approved:
                    problems.append(
                        f"the approval of {approval.content_hash[:12]} by {approval.approver!r} "
                        "has no approve event"
                    )
            for policy in connection.execute(sa.select(tables.policies.c.seq)):
                if policy.seq not in policy_events:
                    problems.append(f"policy {policy.seq} has no policy event")
            users = tables.desktop_users
            for grant in connection.execute(
                sa.select(users.c.username, tables.user_grants.c.role).join(
                    users, users.c.id == tables.user_grants.c.user_id
                )
            ):
                if (grant.username, grant.role) not in grant_events:
                    problems.append(
                        f"the grant of {grant.role!r} to {grant.username!r} has no event"
                    )
            for row in connection.execute(
                sa.select(tables.publications).order_by(tables.publications.c.seq)
            ):
                publication = _publication(row._mapping)
                logged_event = by_hash.get(publication.chain_hash)
                if (
                    logged_event is None
                    or logged_event.action != publication.action
                    or _detail(logged_event.detail).get("publication") != publication.seq
                ):
                    problems.append(
                        f"publication {publication.seq}'s audit event is missing or was rewritten"
                    )
                    continue
                if self._keys:
                    try:
                        self.verify(publication)
                    except CorruptVersion as error:
                        problems.append(str(error))
                    else:
                        anchored += 1
        return ChainReport(
            ok=not problems,
            events=chain.events,
            head=chain.head,
            anchored=anchored,
            problems=tuple(problems[:_PROBLEMS_SHOWN]),
            more=max(0, len(problems) - _PROBLEMS_SHOWN),
        )


# ------------------------------------------------------------------------------ helpers


def _sign(key: bytes, record: Mapping[str, Any]) -> str:
    message = b"handoff-rules-publication/1\n" + _dumps(dict(record)).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def _publication(row: Mapping[Any, Any]) -> Publication:
    return Publication(
        seq=int(row["seq"]),
        content_hash=str(row["content_hash"]),
        ruleset_version=str(row["ruleset_version"]),
        action=str(row["action"]),
        actor=str(row["actor"]),
        at=_utc(float(row["at"])),
        reason=str(row["reason"]),
        chain_hash=str(row["chain_hash"]),
        signature=str(row["signature"]),
        _at_seconds=float(row["at"]),
    )


def _event(row: Mapping[Any, Any]) -> Event:
    return Event(
        seq=int(row["seq"]),
        at=_utc(float(row["at"])),
        actor=str(row["actor"]),
        action=str(row["action"]),
        content_hash=row["content_hash"],
        detail=_detail(row["detail"]),
        prev_hash=str(row["prev_hash"]),
        hash=str(row["hash"]),
    )


def _detail(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _files_text(bundle: RuleBundle) -> dict[str, str]:
    try:
        return {name: data.decode("utf-8") for name, data in sorted(bundle.files.items())}
    except UnicodeDecodeError:
        raise GovernanceError("rule files must be UTF-8 text") from None


def _bundle_of(row: Any, *, checked: bool = True) -> RuleBundle:
    """A stored version's bundle, checked against its content hash unless ``checked`` is
    False (a publication is read as stored; :meth:`RulesStore.verify` then refuses it)."""
    try:
        texts = json.loads(row.files)
        if not isinstance(texts, dict):
            raise ValueError("files is not an object")
        files = {str(name): str(text).encode("utf-8") for name, text in texts.items()}
        bundle = RuleBundle.from_files(str(row.entry), files)
    except (ValueError, TypeError, GovernanceError) as error:
        raise CorruptVersion(
            f"version {row.short}'s stored files are unreadable: {error}"
        ) from None
    if checked and bundle.content_hash != row.content_hash:
        raise CorruptVersion(
            f"version {row.short}'s stored files do not match its content hash: they were "
            "altered in the database; it is never loaded"
        )
    return bundle


def _kinds(diff: Sequence[Any]) -> tuple[str, ...]:
    found = {kind for change in diff for kind in change.kinds}
    return tuple(kind for kind in KINDS if kind in found)


def _may_govern(who: Actor, doing: str) -> None:
    if not who.may_govern:
        raise NotAllowed(f"agents may not {doing}")


def _open(row: Any) -> None:
    """A version that can still be approved or published."""
    if row.status == "withdrawn":
        raise Conflict(f"version {row.short} was withdrawn")
    validation = _detail(row.validation)
    if not validation.get("ok"):
        raise Conflict(
            f"version {row.short} failed its checks or rule tests; fix them and propose the "
            "result (a new version)"
        )


def _ref_hash(ref: str) -> str | None:
    text = ref.strip().lower() if isinstance(ref, str) else ""
    return text if len(text) == 64 and _HEX.fullmatch(text) else None


def _bounded(value: object, what: str, limit: int, *, required: bool = False) -> str:
    if not isinstance(value, str):
        raise GovernanceError(f"{what} must be text")
    text = value.strip()
    if required and not text:
        raise GovernanceError(f"{what} is required")
    if len(text) > limit:
        raise GovernanceError(f"{what} is longer than {limit} characters")
    return text


def _governance_role(role: object) -> str:
    if not isinstance(role, str) or not _ROLE.fullmatch(role):
        raise GovernanceError("a governance role is 1-32 lowercase letters or _ (e.g. risk)")
    if role in _DESKTOP_ROLES:
        raise GovernanceError(
            f"{role!r} is a desktop role; set it with handoff desktop set-role, not as a grant"
        )
    return role
