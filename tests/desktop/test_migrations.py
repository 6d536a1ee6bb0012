"""The Alembic migrations produce exactly the models' schema, go down and up again, and
ship inside the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from handoff.desktop import Desktop
from handoff.desktop import migrations as desktop_migrations
from handoff.desktop.store import Base
from handoff.errors import StorageUnavailable
from handoff.governance import tables as governance
from tests.conftest import ROOT

# The migrations create the desktop's tables and the governance store's beside them.
MODELS = (Base.metadata, governance.metadata)
MODEL_TABLES = set(Base.metadata.tables) | set(governance.metadata.tables)


def desktop_tables(engine: sa.Engine) -> set[str]:
    return {
        name
        for name in sa.inspect(engine).get_table_names()
        if name.startswith(desktop_migrations.PREFIXES)
    }


def schema_differences(engine: sa.Engine) -> list[object]:
    """What autogenerate would change to make the database match the models (nothing)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "compare_type": True,
                "include_name": lambda name, type_, _parents: (
                    type_ != "table"
                    or (
                        (name or "").startswith(desktop_migrations.PREFIXES)
                        and name != desktop_migrations.VERSION_TABLE
                    )
                ),
            },
        )
        return list(compare_metadata(context, list(MODELS)))


def test_upgrade_gives_exactly_the_models_schema(empty_url: str) -> None:
    """Tables, columns, types, nullability, indexes, unique and foreign keys all match."""
    with Desktop(empty_url) as desk:
        assert desktop_migrations.current(desk.engine) is None
        desk.upgrade()
        assert desktop_migrations.current(desk.engine) == desktop_migrations.head()
        assert schema_differences(desk.engine) == []
        assert desktop_tables(desk.engine) == MODEL_TABLES | {desktop_migrations.VERSION_TABLE}


def test_down_and_up_again(empty_url: str) -> None:
    with Desktop(empty_url) as desk:
        desk.upgrade()
        desk.upgrade()  # already current: nothing to do
        desk.downgrade("base")
        assert desktop_tables(desk.engine) == {desktop_migrations.VERSION_TABLE}
        assert desktop_migrations.current(desk.engine) is None
        with pytest.raises(StorageUnavailable, match="has no desktop tables"):
            desk.check()
        desk.upgrade()
        desk.check()
        assert schema_differences(desk.engine) == []


def test_the_migrations_leave_other_tables_alone(empty_url: str) -> None:
    """A database shared with the outbox (or anything else) keeps its tables."""
    engine = sa.create_engine(empty_url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS not_ours"))
            connection.execute(sa.text("CREATE TABLE not_ours (id INTEGER PRIMARY KEY)"))
        with Desktop(empty_url) as desk:
            desk.upgrade()
            desk.downgrade("base")
        assert "not_ours" in sa.inspect(engine).get_table_names()
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE not_ours"))
    finally:
        engine.dispose()


def test_one_head_and_each_revision_has_a_downgrade() -> None:
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    scripts = ScriptDirectory.from_config(desktop_migrations.config())
    assert len(scripts.get_heads()) == 1
    for revision in scripts.walk_revisions():
        assert revision.module.downgrade.__code__.co_code != (lambda: None).__code__.co_code


@pytest.mark.slow
def test_the_wheel_ships_the_migrations(tmp_path: Path) -> None:
    """Package data: Alembic's env, template and revisions are inside the built wheel.

    Built from a copy of the sources, so the checkout gets no build/ folder.
    """
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "handoff", source / "handoff", ignore=shutil.ignore_patterns("__pycache__")
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("handoff_router-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "handoff/desktop/migrations/env.py",
        "handoff/desktop/migrations/script.py.mako",
        "handoff/desktop/migrations/versions/r0001_initial.py",
    ):
        assert name in names, name


def test_two_processes_upgrading_at_once(empty_url: str) -> None:
    """Two desktops starting together on a new database: one migrates, the other waits and
    finds the work done (neither fails on a table the other created)."""
    import threading  # noqa: PLC0415

    desks = [Desktop(empty_url, busy_timeout=30) for _ in range(2)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def start(desk: Desktop) -> None:
        barrier.wait()
        try:
            desk.upgrade()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=start, args=(desk,)) for desk in desks]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        for desk in desks:
            desk.check()
    finally:
        for desk in desks:
            desk.close()


def test_upgrading_keeps_the_data(empty_url: str) -> None:
    """From the first revision with a user in it to the newest and back: the user stays."""
    with Desktop(empty_url) as desk:
        desk.upgrade("0001")
        with desk.engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO desktop_users (username, password_hash, role, active, "
                    "created_at) VALUES ('ada', 'x', 'admin', true, 0)"
                )
            )
        desk.upgrade()
        assert schema_differences(desk.engine) == []
        with desk.engine.connect() as connection:
            row = connection.execute(
                sa.text("SELECT username, failed_logins, locked_until FROM desktop_users")
            ).one()
        assert tuple(row) == ("ada", 0, None)
        desk.downgrade("0001")
        with desk.engine.connect() as connection:
            assert connection.execute(sa.text("SELECT username FROM desktop_users")).all() == [
                ("ada",)
            ]
