"""Desktop migration 0005 (the governance store's tables): up from 0004 keeps the desktop's
data, its triggers keep the record append-only, and down removes exactly what it added.
(tests/desktop/test_migrations.py checks that the migrations give exactly the models.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from handoff.desktop import Desktop, migrations
from handoff.governance import tables
from tests.desktop.conftest import drop_desktop_tables
from tests.governance.store_support import POSTGRES_URL

GOVERNANCE_TABLES = set(tables.metadata.tables)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database without desktop (or governance) tables."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desktop.sqlite'}"
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database to test PostgreSQL")
    drop_desktop_tables(POSTGRES_URL)
    return POSTGRES_URL


def table_names(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def trigger_names(engine: sa.Engine) -> set[str]:
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        else:
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        return {name for name in connection.exec_driver_sql(query).scalars() if "rules" in name}


def test_up_from_0004_and_down_again(empty_url: str) -> None:
    with Desktop(empty_url) as desk:
        desk.upgrade("0004")
        assert not GOVERNANCE_TABLES & table_names(desk.engine)
        with desk.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO desktop_users (username, password_hash, role, active, "
                    "created_at, failed_logins) VALUES ('ada', 'x', 'admin', true, 0, 0)"
                )
            )
        desk.upgrade()
        assert migrations.current(desk.engine) == "0005"
        assert table_names(desk.engine) >= GOVERNANCE_TABLES
        assert len(trigger_names(desk.engine)) == 10
        with desk.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO desktop_user_grants (user_id, role, granted_by, granted_at) "
                    "SELECT id, 'risk', 'ed', 0 FROM desktop_users WHERE username = 'ada'"
                )
            )
            connection.execute(
                sa.text(
                    "INSERT INTO rules_events (seq, at, actor, action, content_hash, detail, "
                    "prev_hash, hash) VALUES (1, 0, 'ed', 'grant', NULL, '{}', :z, :h)"
                ),
                {"z": "0" * 64, "h": "1" * 64},
            )
        for statement in (
            "UPDATE rules_events SET actor = 'mallory'",
            "DELETE FROM rules_events",
        ):
            with (
                pytest.raises(sa.exc.DBAPIError, match="append-only"),
                desk.engine.begin() as connection,
            ):
                connection.execute(sa.text(statement))

        desk.downgrade("0004")
        assert not GOVERNANCE_TABLES & table_names(desk.engine)
        assert trigger_names(desk.engine) == set()
        if desk.engine.dialect.name == "postgresql":
            with desk.engine.connect() as connection:
                functions = connection.exec_driver_sql(
                    "SELECT count(*) FROM pg_proc WHERE proname = 'rules_append_only'"
                ).scalar_one()
            assert functions == 0
        with desk.engine.connect() as connection:
            users = connection.execute(sa.text("SELECT username FROM desktop_users")).all()
        assert users == [("ada",)]
        desk.upgrade()
        assert table_names(desk.engine) >= GOVERNANCE_TABLES
