"""Fixtures for the desktop's browser tests: the browser ones (fixtures.py) and a real
desktop server per module: a fresh SQLite file, or, when HANDOFF_TEST_POSTGRES_URL is set, a
fresh PostgreSQL database too (``pg_desk``)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from tests.desktop.browser.fixtures import browser, chromium, open_as, output_dir, sessions
from tests.desktop.browser.harness import DesktopServer, prepare_desktop, serve

__all__ = ["browser", "chromium", "open_as", "output_dir", "pg_server", "server", "sessions"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DesktopServer]:
    """The desktop on a fresh SQLite file, served on a loopback port, with its people."""
    folder = tmp_path_factory.mktemp("desktop")
    desktop = prepare_desktop(f"sqlite:///{folder / 'desktop.sqlite'}")
    try:
        with serve(desktop) as url:
            yield DesktopServer(url, desktop)
    finally:
        desktop.close()


@pytest.fixture(scope="module")
def pg_server() -> Iterator[DesktopServer]:
    """The same desktop on a fresh PostgreSQL database (created and dropped here, so tests
    running at the same time on the same server never meet)."""
    admin_url = os.environ.get("HANDOFF_TEST_POSTGRES_URL")
    if not admin_url:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway server to test PostgreSQL")
    import sqlalchemy as sa  # noqa: PLC0415

    name = f"desk_browser_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    desktop = prepare_desktop(url)
    try:
        with serve(desktop) as served:
            yield DesktopServer(served, desktop)
    finally:
        desktop.close()
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
