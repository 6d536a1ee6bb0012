"""Shared fixtures of the desktop tests: a migrated desktop on SQLite and (when CI provides
one, see .ci/postgres.sh) PostgreSQL, a clock the tests move, users of every role, and
payloads built by the real engine."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from handoff import Conversation, Router
from handoff.desktop import Desktop, User, migrations
from handoff.desktop.auth import Passwords
from handoff.desktop.migrations import VERSION_TABLE
from handoff.desktop.store import Base
from handoff.governance import tables as governance
from handoff.models import ContextPayload

# A throwaway PostgreSQL database, e.g. postgresql+psycopg://postgres@127.0.0.1:54329/postgres
# (its desktop_* tables are dropped before each test).
POSTGRES_URL = os.environ.get("HANDOFF_TEST_POSTGRES_URL")
START = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
PASSWORD = "correct horse battery"


class Clock:
    """The desktop's clock, moved by the test (unix seconds)."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def fast_passwords() -> Passwords:
    """argon2id with the smallest cost: the tests create many users; the parameters (not the
    algorithm) are what production raises."""
    return Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


def drop_desktop_tables(url: str) -> None:
    """Empty a shared PostgreSQL database of the desktop's tables and the governance store's
    beside them (revision 0005), and only those."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            for table in reversed(
                [*Base.metadata.sorted_tables, *governance.metadata.sorted_tables]
            ):
                connection.execute(sa.text(f'DROP TABLE IF EXISTS "{table.name}" CASCADE'))
            connection.execute(sa.text(f'DROP TABLE IF EXISTS "{VERSION_TABLE}"'))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def desktop_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL: a new SQLite file, and PostgreSQL when one is configured (as the
    previous test left it: use ``empty_url`` or ``desk``)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desktop.sqlite'}"
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database to test PostgreSQL")
    return POSTGRES_URL


@pytest.fixture
def empty_url(desktop_url: str) -> str:
    """A database without desktop tables (for the migration tests)."""
    if desktop_url.startswith("postgresql"):
        drop_desktop_tables(desktop_url)
    return desktop_url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test instead of migrating each time."""
    path = tmp_path_factory.mktemp("template") / "desktop.sqlite"
    with Desktop(f"sqlite:///{path}") as desktop:
        desktop.upgrade()
    return path


def _reset_postgres(url: str) -> None:
    """Empty the desktop tables (migrating first if they are missing or behind)."""
    engine = sa.create_engine(url)
    try:
        if migrations.current(engine) != migrations.head():
            drop_desktop_tables(url)
            migrations.upgrade(engine)
            return
        names = ", ".join(f'"{table.name}"' for table in Base.metadata.sorted_tables)
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TRIGGER IF EXISTS refuse_audit ON desktop_audit"))
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(
    desktop_url: str, clock: Clock, default_router: Router, sqlite_template: Path
) -> Iterator[Desktop]:
    """A migrated, empty desktop with the default rules' lanes (general_support,
    priority_support, callback, supervisor) and no bot."""
    if desktop_url.startswith("sqlite"):
        shutil.copy(sqlite_template, desktop_url.removeprefix("sqlite:///"))
    else:
        _reset_postgres(desktop_url)
    desktop = Desktop(desktop_url, clock=clock, passwords=fast_passwords())
    desktop.sync_lanes(default_router)
    try:
        yield desktop
    finally:
        desktop.close()


class People:
    """One user of each role: two agents of different lanes, a supervisor, an admin."""

    def __init__(self, desk: Desktop) -> None:
        self.admin = desk.create_admin("ada", PASSWORD)
        self.alice = desk.create_user(self.admin, "alice", PASSWORD, "agent", ["general_support"])
        self.anna = desk.create_user(self.admin, "anna", PASSWORD, "agent", ["general_support"])
        self.bob = desk.create_user(self.admin, "bob", PASSWORD, "agent", ["priority_support"])
        self.sue = desk.create_user(self.admin, "sue", PASSWORD, "supervisor")

    def all(self) -> list[User]:
        return [self.admin, self.alice, self.anna, self.bob, self.sue]


@pytest.fixture
def people(desk: Desktop) -> People:
    return People(desk)


@pytest.fixture(scope="session")
def base_payload(default_router: Router) -> ContextPayload:
    """A real handoff payload of the default rules (lane general_support)."""
    conversation = Conversation.model_validate(
        {
            "id": "chat-base",
            "channel": "web",
            "turns": [
                {
                    "role": "user",
                    "text": "I want a human",
                    "intent": {"name": "request_human", "confidence": 0.99},
                }
            ],
        }
    )
    decision = default_router.route(conversation, now=START)
    assert decision.lane == "general_support"
    return default_router.payload(conversation, decision, now=START)


def make_payload(
    base: ContextPayload,
    conversation_id: str,
    *,
    lane: str = "general_support",
    priority: int | None = None,
    deadline: datetime | str | None = "keep",
    created_at: datetime | None = None,
    summary: str | None = None,
) -> ContextPayload:
    """The base payload for another conversation, lane, priority, SLA deadline or time."""
    routing: dict[str, Any] = {"lane": lane, "queue": lane}
    if priority is not None:
        routing["priority"] = priority
    if deadline != "keep":
        routing["sla_deadline"] = deadline
    update: dict[str, Any] = {
        "conversation_id": conversation_id,
        "routing": base.routing.model_copy(update=routing),
    }
    if created_at is not None:
        update["created_at"] = created_at
    if summary is not None:
        update["why"] = base.why.model_copy(update={"summary": summary})
    return base.model_copy(update=update)


def body(payload: ContextPayload) -> bytes:
    return payload.model_dump_json().encode("utf-8")


def deliver(desk: Desktop, payload: ContextPayload, key: str | None = None) -> int:
    """Receive a payload (key: derived from its id and time) and return the conversation's pk."""
    key = key or f"{payload.conversation_id}-{payload.created_at.timestamp():.0f}"
    desk.receive(key, body(payload))
    return pk_of(desk, payload.conversation_id)


def pk_of(desk: Desktop, conversation_id: str) -> int:
    from handoff.desktop.store import Conversation as Conv  # noqa: PLC0415

    with desk.engine.connect() as connection:
        value: int = connection.execute(
            sa.select(Conv.id).where(Conv.conversation_id == conversation_id)
        ).scalar_one()
    return value


def count(desk: Desktop, table: type[Base], **where: Any) -> int:
    """Rows of a desktop table (optionally only those with these column values)."""
    statement = sa.select(sa.func.count()).select_from(table)
    for column, value in where.items():
        statement = statement.where(getattr(table, column) == value)
    with desk.engine.connect() as connection:
        rows: int = connection.execute(statement).scalar_one()
    return rows


def later(minutes: float) -> datetime:
    return START + timedelta(minutes=minutes)
