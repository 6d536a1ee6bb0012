"""Fixtures of the chat server's tests: a migrated desktop database (a new SQLite file, and a
new PostgreSQL database when HANDOFF_TEST_POSTGRES_URL is set), the chat store on it, and the
app served by uvicorn on a loopback port for the tests that read its event stream."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from handoff.chat import ChatStore, create_app
from handoff.desktop import Desktop

POSTGRES_URL = os.environ.get("HANDOFF_TEST_POSTGRES_URL")
SESSION_SECRET = "chat-tests-session-secret-0123456789"
CALLBACK_TOKEN = b"chat-tests-callback-token"
# Nothing listens on port 9 of 127.0.0.1 (discard): Rasa is "down" for these tests; the
# e2e tests (tests/e2e/test_chat_e2e.py) talk to the real Rasa.
NO_RASA = "http://127.0.0.1:9"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated desktop database: a new SQLite file, or a new PostgreSQL database (created
    and dropped here, so tests running at the same time never meet)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
        with Desktop(url) as desk:
            desk.upgrade()
        yield url
        return
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway server to test PostgreSQL")
    name = f"chat_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        url = sa.make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
        with Desktop(url) as desk:
            desk.upgrade()
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def chat_store(db_url: str) -> Iterator[ChatStore]:
    store = ChatStore(db_url)
    try:
        yield store
    finally:
        store.close()


def make_app(store: ChatStore, **options: Any) -> Any:
    """The chat app as the tests use it: Rasa down, plain-HTTP cookies unless told."""
    settings: dict[str, Any] = {
        "rasa_url": NO_RASA,
        "session_secret": SESSION_SECRET,
        "callback_tokens": [CALLBACK_TOKEN],
        "secure_cookies": False,
        "rasa_timeout": 5.0,
    }
    settings.update(options)
    return create_app(store, **settings)


@contextlib.contextmanager
def served(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port (a thread); yields its URL."""
    import uvicorn  # noqa: PLC0415

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(
        app, log_level="warning", ws="none", lifespan="on", timeout_graceful_shutdown=2
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the chat server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
