"""What the desktop's browser tests stand on: Debian's Chromium found and launched, a real
desktop server on a loopback port, its users created through the service, and payloads built
from the bundled banking samples and delivered through the real signed webhook.

Used by conftest.py (the fixtures) and screenshots.py (the README's pictures).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from itertools import count
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from handoff import Router
from handoff.delivery import idempotency_key
from handoff.delivery._signing import signed_headers
from handoff.demo import DEMO_PSEUDONYM_KEY
from handoff.desktop import Desktop, User
from handoff.desktop.app import create_app
from handoff.desktop.auth import Passwords
from handoff.desktop.records import Role
from handoff.desktop.store import Conversation as Conv
from handoff.models.payload import ContextPayload
from handoff.testing import check_case, load_cases

ROOT = Path(__file__).resolve().parents[3]
RULES = ROOT / "rules" / "banking.yaml"
SAMPLES = ROOT / "rules" / "samples" / "banking"
OUTPUT = Path(__file__).resolve().parent / "output"

WEBHOOK_SECRET = "browser-tests-webhook-secret"
PASSWORD = "correct horse battery staple"
# The flags Debian's Chromium needs as root in this closed network: no sandbox (root), no GPU
# (headless), and none of the background connections (updates, sync, QUIC probes) that the
# network refuses and that would otherwise slow every launch down.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
VIEWPORT = {"width": 1366, "height": 768}


def chromium_or_skip() -> str:
    """The Chromium binary to drive: ``HANDOFF_CHROMIUM`` or ``chromium`` on PATH.

    Without one (or without Playwright) the browser tests skip with the reason, except when
    ``HANDOFF_REQUIRE_BROWSER=1`` (CI sets it in .ci/run): then they fail, so CI can never
    pass without having run them. A ``HANDOFF_CHROMIUM`` that is not executable always fails.
    """
    required = os.environ.get("HANDOFF_REQUIRE_BROWSER", "") not in ("", "0")
    problem = None
    try:
        import playwright.sync_api  # noqa: F401, PLC0415  (only to say what is missing)
    except ImportError:
        problem = "Playwright is not installed (pip install -e '.[dev]')"
    configured = os.environ.get("HANDOFF_CHROMIUM")
    binary = configured or shutil.which("chromium")
    if problem is None and binary is None:
        problem = (
            "no Chromium: install Debian's (apt-get install chromium) or set HANDOFF_CHROMIUM "
            "to a Chromium binary; Playwright cannot download its own browsers here"
        )
    if problem is None and configured and not os.access(configured, os.X_OK):
        # Whoever set it wants the browser tests: a wrong path is a mistake to fix, not a skip.
        pytest.fail(f"HANDOFF_CHROMIUM={configured!r} is not an executable file", pytrace=False)
    if problem is not None:
        if required:
            pytest.fail(f"HANDOFF_REQUIRE_BROWSER is set but {problem}", pytrace=False)
        pytest.skip(problem)
    assert binary is not None
    return binary


# ---------------------------------------------------------------- payloads


@cache
def router() -> Router:
    return Router.from_path(RULES, pseudonym_key=DEMO_PSEUDONYM_KEY)


@cache
def sample_payloads() -> dict[str, ContextPayload]:
    """Each bundled banking sample that hands off, routed as the demo routes it (turn by turn,
    at the sample's own time), by file stem."""
    routed = {}
    for path, case in load_cases(SAMPLES):
        decision = check_case(router(), case, path.stem).decision
        if decision.handoff:
            routed[path.stem] = router().payload(case.conversation, decision, now=case.now)
    return routed


_ids = count(1)


def payload_now(
    sample: str,
    *,
    conversation_id: str | None = None,
    sla_seconds: float | None = None,
    now: datetime | None = None,
) -> ContextPayload:
    """A bundled sample's payload as if it were routed just now: created now, its SLA deadline
    now + the lane's SLA (or ``sla_seconds``), under a conversation id no other test uses.
    Everything else (lane, cues, transcript, checklist) is what the router produced."""
    payload = sample_payloads()[sample]
    created = now or datetime.now(timezone.utc)
    seconds = payload.routing.sla_seconds if sla_seconds is None else sla_seconds
    deadline = None if seconds is None else created + timedelta(seconds=seconds)
    routing = payload.routing.model_copy(update={"sla_deadline": deadline})
    return payload.model_copy(
        update={
            "conversation_id": conversation_id or f"{payload.conversation_id}-{next(_ids)}",
            "created_at": created,
            "routing": routing,
        }
    )


def deliver(base_url: str, payload: ContextPayload, *, key: str | None = None) -> httpx.Response:
    """POST the payload to the desktop's webhook exactly as the outbox's webhook sink does:
    the JSON body under the outbox's idempotency key, timestamp and v2 HMAC signature."""
    body = payload.model_dump_json().encode()
    key = key or idempotency_key(payload)
    headers = signed_headers(body, WEBHOOK_SECRET, key=key)
    return httpx.post(f"{base_url}/webhook/payloads", content=body, headers=headers, timeout=10)


# ---------------------------------------------------------------- server


@dataclass(frozen=True)
class Person:
    username: str
    role: Role
    lanes: tuple[str, ...] = ()
    password: str = PASSWORD


# Two agents of the fraud lane (the claim race), one of general banking (another lane), a
# supervisor and an admin.
PEOPLE = {
    "fran": Person("fran", "agent", ("fraud",)),
    "finn": Person("finn", "agent", ("fraud",)),
    "gail": Person("gail", "agent", ("general_banking",)),
    "sue": Person("sue", "supervisor"),
    "ada": Person("ada", "admin"),
}


@dataclass
class DesktopServer:
    """A desktop (the real service and web app) served by uvicorn on 127.0.0.1 in a thread."""

    url: str
    desktop: Desktop
    people: dict[str, Person] = field(default_factory=lambda: dict(PEOPLE))

    def user(self, username: str) -> User:
        """The service's User for one of ``people`` (to check the store as that user)."""
        person = self.people[username]
        found = self.desktop.authenticate(person.username, person.password)
        assert found is not None, f"{username} cannot log in"
        return found

    def deliver(self, payload: ContextPayload, *, key: str | None = None) -> int:
        """Deliver through the signed webhook; the conversation's pk in the store."""
        response = deliver(self.url, payload, key=key)
        assert response.status_code in (200, 201), response.text
        return self.pk(payload.conversation_id)

    def pk(self, conversation_id: str) -> int:
        """The desktop's id of a conversation, read from its table (whatever its status)."""
        with self.desktop.engine.connect() as connection:
            value: int = connection.execute(
                sa.select(Conv.id).where(Conv.conversation_id == conversation_id)
            ).scalar_one()
        return value


def _bound_socket() -> socket.socket:
    """A listening-ready loopback socket on a free port, handed to uvicorn as is (no window
    between choosing a port and binding it)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def prepare_desktop(
    url: str, *, bot: Any = None, rules: Path = RULES, people: dict[str, Person] = PEOPLE
) -> Desktop:
    """A migrated desktop at ``url`` with the lanes of ``rules`` and ``people``, all created
    through the service as an operator would (create-admin, then the admin adds the rest)."""
    # argon2id at its smallest cost: the same algorithm and code path as production, without
    # spending the shared CPU on each of the tests' logins.
    passwords = Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    desktop = Desktop(url, bot=bot, passwords=passwords)
    desktop.upgrade()
    desktop.sync_lanes(router() if rules == RULES else Router.from_path(rules))
    admins = [p for p in people.values() if p.role == "admin"]
    admin = desktop.create_admin(admins[0].username, admins[0].password)
    for person in people.values():
        if person is admins[0]:
            continue
        desktop.create_user(
            admin, person.username, person.password, person.role, list(person.lanes)
        )
    return desktop


@contextlib.contextmanager
def serve(desktop: Desktop, **options: Any) -> Iterator[str]:
    """Serve ``desktop`` (the real web app; ``options`` go to ``create_app``) with uvicorn on
    a free loopback port; yields its base URL and stops the server, open event streams
    included, on exit."""
    import uvicorn  # noqa: PLC0415

    app = create_app(desktop, webhook_secret=WEBHOOK_SECRET, secure_cookies=False, **options)
    sock = _bound_socket()
    config = uvicorn.Config(
        app, log_level="warning", ws="none", lifespan="on", timeout_graceful_shutdown=2
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the desktop server did not start")
            time.sleep(0.05)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def login(page: Any, person: Person) -> None:
    """Log in through the login form, as the person would, and land on the queues."""
    from playwright.sync_api import expect  # noqa: PLC0415

    page.goto("/login")
    page.get_by_label("Username").fill(person.username)
    page.get_by_label("Password").fill(person.password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Queues", exact=True)).to_be_visible()
    expect(page.get_by_test_id("whoami")).to_contain_text(person.username)
