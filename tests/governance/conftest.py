"""Fixtures of the governance tests: a migrated desktop database on SQLite and (when CI
provides one, see .ci/postgres.sh) PostgreSQL, a store on it with a signing key, people of
every part in a rules change, and bundles of the shipped banking rules."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff.desktop import Desktop
from handoff.governance.bundle import RuleBundle
from handoff.governance.store import RulesStore
from tests.desktop.conftest import PASSWORD, fast_passwords
from tests.governance.store_support import (
    BANKING,
    KEY,
    POSTGRES_URL,
    Clock,
    People,
    Rules,
    edited,
    reset_postgres,
)


@pytest.fixture(scope="session")
def governance_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test instead of migrating each time."""
    path = tmp_path_factory.mktemp("governance") / "desktop.sqlite"
    with Desktop(f"sqlite:///{path}") as desktop:
        desktop.upgrade()
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, governance_template: Path) -> str:
    """A migrated, empty desktop database: a new SQLite file, or the test PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "desktop.sqlite"
        shutil.copy(governance_template, path)
        return f"sqlite:///{path}"
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database to test PostgreSQL")
    reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def store(db_url: str) -> Iterator[RulesStore]:
    """The store, signing with KEY, on a clock one second further at every reading."""
    with RulesStore(db_url, keys=(KEY,), clock=Clock()) as opened:
        yield opened


@pytest.fixture
def people(db_url: str, store: RulesStore) -> People:
    """The desktop users (see People), rita holding "risk" and tom "team_lead"."""
    with Desktop(db_url, passwords=fast_passwords()) as desk:
        admin = desk.create_admin("ada", PASSWORD)
        desk.create_user(admin, "ed", PASSWORD, "admin")
        for name in ("dana", "rita", "tom", "pat"):
            desk.create_user(admin, name, PASSWORD, "supervisor")
        desk.create_user(admin, "carl", PASSWORD, "agent", [])
    ada = store.actor("ada")
    store.grant("rita", "risk", actor=ada)
    store.grant("tom", "team_lead", actor=ada)
    return People(
        *(store.actor(name) for name in ("ada", "ed", "dana", "rita", "tom", "pat", "carl"))
    )


@pytest.fixture(scope="session")
def rules() -> Rules:
    """Bundles of rules/banking.yaml (see Rules)."""
    v1 = RuleBundle.from_files("banking.yaml", {"banking.yaml": BANKING})
    return Rules(
        v1=v1,
        ordinary=edited("priority: 75               # ahead", "priority: 70               # ahead"),
        red_line=edited(
            "        - cues: vulnerability\n",
            "        - cues: {contains_any: [vulnerability, legal_threat]}\n",
        ),
        comment=RuleBundle.from_files(
            "banking.yaml", {"banking.yaml": BANKING + b"\n# a comment, nothing else\n"}
        ),
    )
