"""Helpers of the governance store's tests (the fixtures are in conftest.py): signing keys,
people of every part in a rules change, bundles of the shipped banking rules, and SQL run
past the append-only triggers as someone with the database owner's rights could."""

from __future__ import annotations

import os
from dataclasses import dataclass

import sqlalchemy as sa

from handoff.desktop import migrations
from handoff.desktop.store import Base
from handoff.governance import tables
from handoff.governance.actor import Actor
from handoff.governance.bundle import RuleBundle
from handoff.governance.store import RulesStore
from tests.conftest import RULES
from tests.desktop.conftest import drop_desktop_tables

__all__ = [
    "BANKING",
    "KEY",
    "OLD_KEY",
    "POSTGRES_URL",
    "Clock",
    "People",
    "Rules",
    "edited",
    "reset_postgres",
    "tamper",
]

POSTGRES_URL = os.environ.get("HANDOFF_TEST_POSTGRES_URL")
KEY = b"k" * 32
OLD_KEY = b"o" * 32
BANKING = (RULES / "banking.yaml").read_bytes()


def reset_postgres(url: str) -> None:
    """Empty the desktop's and the governance store's tables (migrating first if they are
    missing or behind). TRUNCATE does not fire the append-only triggers."""
    engine = sa.create_engine(url)
    try:
        if migrations.current(engine) != migrations.head():
            drop_desktop_tables(url)
            migrations.upgrade(engine)
            return
        names = ", ".join(
            f'"{table.name}"'
            for table in (*Base.metadata.sorted_tables, *tables.metadata.sorted_tables)
        )
        with engine.begin() as connection:
            connection.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


class Clock:
    """The store's clock, one second further at every reading (events get distinct times)."""

    def __init__(self) -> None:
        self.now = 1_795_000_000.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@dataclass
class People:
    """One desktop user per part in a rules change. ``ada`` is the admin who grants roles;
    ``ed`` a second admin (only another admin can grant ``ada`` a role)."""

    ada: Actor  # admin
    ed: Actor  # admin
    dana: Actor  # supervisor: the designer who proposes
    rita: Actor  # supervisor with the "risk" grant
    tom: Actor  # supervisor with the "team_lead" grant
    pat: Actor  # supervisor, no grants: publishes
    carl: Actor  # agent


def edited(old: str, new: str, source: bytes = BANKING) -> RuleBundle:
    """The banking rules with one text replaced (which must occur exactly once)."""
    text = source.decode()
    assert text.count(old) == 1, old
    return RuleBundle.from_files("banking.yaml", {"banking.yaml": text.replace(old, new).encode()})


@dataclass
class Rules:
    """Bundles of the banking rules: the shipped one, a change of an ordinary rule, a
    change of a red-line rule, and the shipped one with a comment added."""

    v1: RuleBundle
    ordinary: RuleBundle
    red_line: RuleBundle
    comment: RuleBundle


def tamper(store: RulesStore, *statements: str) -> None:
    """Run SQL past the append-only triggers, as someone with the database owner's rights
    could: PostgreSQL skips triggers for a superuser's session in replica mode; SQLite's
    triggers are dropped (and created again by nothing: the file is the test's own)."""
    with store.engine.connect() as connection:
        connection.execution_options(store_write=True)
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SET LOCAL session_replication_role = replica")
            else:
                names = (
                    connection.exec_driver_sql(
                        "SELECT name FROM sqlite_master "
                        "WHERE type = 'trigger' AND name LIKE 'rules_%'"
                    )
                    .scalars()
                    .all()
                )
                for name in names:
                    connection.exec_driver_sql(f"DROP TRIGGER {name}")
            for statement in statements:
                connection.exec_driver_sql(statement)
