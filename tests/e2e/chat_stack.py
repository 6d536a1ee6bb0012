"""The customer chat page in a real stack: the desktop (webhook and pages, in a thread), our
action server, the chat server (``handoff chat serve``, a process) and Rasa 3.6.21 with its
callback channel pointed at the chat server. Used by the chat and live-loop e2e tests.

Also a customer's HTTP client for the chat server (``Customer``): the page's cookie and CSRF
token, ``say``, and the page's event stream read as the browser's ``EventSource`` would.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import jwt

from tests.conftest import ROOT, RULES, always_open_rules, free_port, stop, wait_for
from tests.desktop.browser.harness import (
    PEOPLE,
    WEBHOOK_SECRET,
    DesktopServer,
    Person,
    prepare_desktop,
    serve,
)
from tests.e2e.conftest import RASA_PROJECT, WORK

JWT_SECRET = "e2e-chat-rasa-jwt-secret-at-least-32-bytes-long"
STATE_SECRET = "e2e-chat-state-secret-3c1d"
ACTION_TOKEN = "e2e-chat-action-token-19fe"
CHAT_SECRET = "e2e-chat-session-secret-8e2f6a0b"
CALLBACK_TOKEN = "e2e-chat-callback-token-6b7c"


@dataclass
class ChatStack:
    """Where everything listens, and the work folder with each process's log."""

    rasa: str
    chat: str
    desk: DesktopServer
    work: Path
    extra: dict[str, Any] = field(default_factory=dict)

    def tracker(self, sender: str) -> dict[str, Any]:
        """Rasa's tracker of a conversation, read with an admin JWT (its HTTP API)."""
        token = jwt.encode({"user": {"username": "e2e", "role": "admin"}}, JWT_SECRET, "HS256")
        response = httpx.get(
            f"{self.rasa}/conversations/{sender}/tracker",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data

    def bot_texts(self, sender: str) -> list[str]:
        """The texts of the ``bot`` events in Rasa's tracker, in order."""
        return [
            event.get("text") or ""
            for event in self.tracker(sender)["events"]
            if event.get("event") == "bot"
        ]


def start_process(
    processes: list[subprocess.Popen[bytes]],
    work: Path,
    name: str,
    command: list[str],
    *,
    env: Mapping[str, str],
    cwd: Path,
    health: str,
    seconds: float = 240,
) -> None:
    """Start a server, its output in ``work/<name>.log``; wait until ``health`` answers 200."""
    log = work / f"{name}.log"
    with log.open("w") as out:
        processes.append(
            subprocess.Popen(command, env=dict(env), cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        )
    wait_for(health, seconds, log, processes[-1])


@contextlib.contextmanager
def chat_stack(
    rasa_bin: Path,
    rasa_model: Path,
    work: Path,
    *,
    relay: bool = False,
    people: Mapping[str, Person] = PEOPLE,
    chat_options: tuple[str, ...] = (),
) -> Iterator[ChatStack]:
    """Desktop, action server, chat server and Rasa (with its SQL event broker), started in
    that order, all on 127.0.0.1, stopped in reverse whatever happens. The desktop runs in a
    thread, or with ``relay=True`` as ``handoff desktop serve --rasa-events`` (a process,
    the relay inside it) on the same database, its people made beforehand."""
    from handoff.desktop import RasaBot  # noqa: PLC0415

    rules = always_open_rules(RULES / "banking.yaml", work / "banking-always-open.yaml")
    rasa_port, action_port, chat_port = free_port(), free_port(), free_port()
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    chat_url = f"http://127.0.0.1:{chat_port}"
    db = f"sqlite:///{work / 'desktop.sqlite'}"
    events = str(work / "rasa-events.sqlite")
    bot = RasaBot(rasa_url, jwt_secret=JWT_SECRET, state_secret=STATE_SECRET)
    desktop = prepare_desktop(db, bot=bot, rules=rules, people=dict(people))
    processes: list[subprocess.Popen[bytes]] = []
    try:
        with contextlib.ExitStack() as stack:
            if relay:
                desk_url = f"http://127.0.0.1:{free_port()}"
                env = os.environ | {
                    "HANDOFF_DESKTOP_WEBHOOK_SECRET": WEBHOOK_SECRET,
                    "HANDOFF_DESKTOP_RASA_URL": rasa_url,
                    "HANDOFF_RASA_JWT_SECRET": JWT_SECRET,
                    "HANDOFF_STATE_SECRET": STATE_SECRET,
                    "HANDOFF_DESKTOP_RASA_EVENTS": events,
                }
                command = [
                    sys.executable, "-m", "handoff.cli", "desktop", "serve", "--upgrade",
                    "--rules", str(rules), "--db", db, "--port", desk_url.rsplit(":", 1)[1],
                    "--insecure-cookies",
                ]  # fmt: skip
                start_process(
                    processes, work, "desktop", command, env=env, cwd=ROOT,
                    health=f"{desk_url}/health",
                )  # fmt: skip
            else:
                desk_url = stack.enter_context(serve(desktop))
            env = os.environ | {
                "HANDOFF_RULES": str(rules),
                "HANDOFF_OUTBOX_URL": f"sqlite:///{work / 'outbox.sqlite'}",
                "HANDOFF_WEBHOOK_URL": f"{desk_url}/webhook/payloads",
                "HANDOFF_WEBHOOK_SECRET": WEBHOOK_SECRET,
                "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
                "HANDOFF_STATE_SECRET": STATE_SECRET,
                "HANDOFF_PORT": str(action_port),
            }
            start_process(
                processes, work, "actions", [sys.executable, "-m", "handoff.adapters.server"],
                env=env, cwd=work, health=f"http://127.0.0.1:{action_port}/health",
            )  # fmt: skip
            env = os.environ | {
                "HANDOFF_CHAT_SECRET": CHAT_SECRET,
                "HANDOFF_CHAT_CALLBACK_TOKEN": CALLBACK_TOKEN,
                "HANDOFF_RASA_JWT_SECRET": JWT_SECRET,
            }
            command = [
                sys.executable, "-m", "handoff.cli", "chat", "serve", "--db", db,
                "--rasa-url", rasa_url, "--port", str(chat_port), "--insecure-cookies",
                *chat_options,
            ]  # fmt: skip
            start_process(
                processes, work, "chat", command, env=env, cwd=ROOT, health=f"{chat_url}/health"
            )
            env = os.environ | {
                "HANDOFF_ACTION_PORT": str(action_port),
                "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
                "HANDOFF_CHAT_CALLBACK_URL": f"{chat_url}/rasa/callback",
                "HANDOFF_CHAT_CALLBACK_TOKEN": CALLBACK_TOKEN,
                "HANDOFF_RASA_EVENTS_DB": events,
                "RASA_TELEMETRY_ENABLED": "false",
                "RASA_CACHE_DIRECTORY": str(WORK / "rasa-cache"),
            }
            command = [
                str(rasa_bin), "run", "--enable-api", "-m", str(rasa_model),
                "--port", str(rasa_port), "--endpoints", "endpoints.yml",
                "--credentials", "credentials.yml", "--jwt-secret", JWT_SECRET,
            ]  # fmt: skip
            start_process(
                processes, work, "rasa", command, env=env, cwd=RASA_PROJECT, health=f"{rasa_url}/"
            )
            desk = DesktopServer(desk_url, desktop, people=dict(people))
            yield ChatStack(rasa_url, chat_url, desk, work)
    finally:
        for process in reversed(processes):
            stop(process, timeout=20)
        desktop.close()


class Customer:
    """A customer's browser, as far as HTTP goes: the page (cookie and CSRF token), the
    messages it posts and the lines its event stream receives (in a thread)."""

    def __init__(self, url: str) -> None:
        self.client = httpx.Client(base_url=url, timeout=60)
        page = self.client.get("/")
        page.raise_for_status()
        found = re.search(r'<meta name="csrf-token" content="([^"]+)"', page.text)
        assert found is not None, "the page has no CSRF token"
        self.csrf = found[1]
        seq = re.search(r'data-seq="(\d+)"', page.text)
        self.seq = int(seq[1]) if seq else 0
        self.lines: list[dict[str, Any]] = []
        self._arrived = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def say(self, text: str) -> httpx.Response:
        """Post a message as the page does."""
        return self.client.post("/send", json={"text": text}, headers={"X-CSRF-Token": self.csrf})

    def listen(self) -> None:
        """Open the page's event stream in a thread; its lines collect in ``lines``."""
        cookies = dict(self.client.cookies)
        ready = threading.Event()

        def run() -> None:
            with httpx.Client(base_url=str(self.client.base_url), cookies=cookies) as client:
                try:
                    with client.stream(
                        "GET", f"/events?after={self.seq}", timeout=httpx.Timeout(60, read=None)
                    ) as response:
                        ready.set()
                        self._read(response)
                except httpx.HTTPError:
                    if not self._stop.is_set():
                        raise

        self._thread = threading.Thread(target=run, daemon=True)
        self._thread.start()
        assert ready.wait(30), "the event stream did not open"

    def _read(self, response: httpx.Response) -> None:
        event = ""
        for raw in response.iter_lines():
            if self._stop.is_set():
                return
            if raw.startswith("event:"):
                event = raw.split(":", 1)[1].strip()
            elif raw.startswith("data:") and event == "line":
                line = json.loads(raw.split(":", 1)[1])
                line["received"] = time.monotonic()
                with self._arrived:
                    self.lines.append(line)
                    self._arrived.notify_all()

    def wait_for(self, predicate: Any, timeout: float = 60) -> dict[str, Any]:
        """The first line received that ``predicate`` accepts (waiting for it)."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for line in self.lines:
                    if predicate(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no such line in {timeout}s; got {self.lines}")
                self._arrived.wait(left)

    def close(self) -> None:
        self._stop.set()
        self.client.close()
