"""The live loop for real: Rasa 3.6.21 with its SQL event broker, our action server, and
``handoff desktop serve --rasa-events`` (the relay), talking through Rasa's REST channel.

A customer asks for a person and waits (the advisers are closed here, so in the callback
lane); what they say next reaches the desktop's lines; a card payment they don't recognise
moves them to the fraud team (in the desktop first, then Rasa's tracker, with the fraud
team's message); an agent claims (a join notice in the tracker) and replies (a ``bot`` event
with the agent's metadata); another customer in the callback lane replies "fraud" to its
offer and reaches the fraud team at once.

Reuses tests/e2e/conftest.py's Rasa install and trained model; the stack here is its own.
"""

from __future__ import annotations

import html
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import jwt
import pytest
import sqlalchemy as sa
from ruamel.yaml import YAML

from handoff.adapters.rasa import SLOT_LANE
from handoff.desktop import Desktop
from handoff.desktop.store import Message
from tests.conftest import ROOT, RULES, free_port, stop, wait_for
from tests.desktop._web import Browser
from tests.e2e.conftest import NO_CHAT, RASA_PROJECT, WORK

pytestmark = pytest.mark.e2e

JWT_SECRET = "e2e-relay-rasa-jwt-secret-at-least-32-bytes-long"
STATE_SECRET = "e2e-relay-state-secret-61c0"
ACTION_TOKEN = "e2e-relay-action-token-3b9e"
WEBHOOK_SECRET = "e2e-relay-webhook-secret-a7d1"
PSEUDONYM_KEY = "e2e-relay-pseudonym-key-0f4e"
PASSWORD = "a-long-enough-password-for-e2e"
T = TypeVar("T")


def advisers_closed(source: Path, target: Path) -> Path:
    """The banking rules with every lane open at all times except the general advisers,
    who are never open: a request for a person goes to their fallback, the callback lane."""
    yaml = YAML(typ="rt")
    data = yaml.load(source.read_text())
    for lane in data["lanes"].values():
        lane.pop("hours", None)
    data["lanes"]["general_banking"]["hours"] = {"timezone": "UTC", "open": "00:00",
                                                 "close": "00:00"}  # fmt: skip
    with target.open("w") as out:
        yaml.dump(data, out)
    return target


def until(what: str, check: Callable[[], T | None], seconds: float = 30) -> T:
    """Poll ``check`` until it returns something truthy (generous: e2e on a shared CPU)."""
    deadline = time.monotonic() + seconds
    while True:
        found = check()
        if found:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


@dataclass
class Live:
    rasa: str
    desktop_url: str
    desk: Desktop

    def say(self, sender: str, text: str) -> list[str]:
        response = httpx.post(
            f"{self.rasa}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        response.raise_for_status()
        return [m.get("text", "") for m in response.json()]

    def tracker(self, sender: str) -> dict[str, Any]:
        token = jwt.encode(
            {"user": {"username": "e2e", "role": "admin"}}, JWT_SECRET, algorithm="HS256"
        )
        response = httpx.get(
            f"{self.rasa}/conversations/{sender}/tracker",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data

    def lines(self, sender: str) -> list[tuple[str, str | None, str]]:
        with self.desk.engine.connect() as connection:
            rows = connection.execute(
                sa.select(Message.kind, Message.author, Message.text)
                .where(Message.conversation_id == sender)
                .order_by(Message.seq)
            ).all()
        return [(row.kind, row.author, row.text) for row in rows]

    def held(self, sender: str) -> tuple[int, str, str, str] | None:
        return self.desk.held_conversation(sender)


@pytest.fixture(scope="module")
def live(
    rasa_bin: Path, rasa_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Live]:
    """Desktop (with the relay), action server and Rasa, started in that order, stopped in
    reverse."""
    work = tmp_path_factory.mktemp("relay-e2e")
    rules = advisers_closed(RULES / "banking.yaml", work / "banking-advisers-closed.yaml")
    rasa_port, action_port, desktop_port = free_port(), free_port(), free_port()
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    desktop_url = f"http://127.0.0.1:{desktop_port}"
    events_db = work / "rasa-events.sqlite"
    desktop_db = f"sqlite:///{work / 'desktop.sqlite'}"
    processes: list[subprocess.Popen[bytes]] = []

    def start(name: str, command: list[str], env: dict[str, str], cwd: Path, url: str) -> None:
        log = work / f"{name}.log"
        with log.open("w") as out:
            processes.append(
                subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
            )
        wait_for(url, 240, log, processes[-1])

    desk = Desktop(desktop_db)
    try:
        env = os.environ | {
            "HANDOFF_DESKTOP_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "HANDOFF_DESKTOP_RASA_URL": rasa_url,
            "HANDOFF_RASA_JWT_SECRET": JWT_SECRET,
            "HANDOFF_STATE_SECRET": STATE_SECRET,
            "HANDOFF_PSEUDONYM_KEY": PSEUDONYM_KEY,
            "HANDOFF_DESKTOP_RASA_EVENTS": str(events_db),
        }
        command = [sys.executable, "-m", "handoff.cli", "desktop", "serve", "--upgrade",
                   "--rules", str(rules), "--db", desktop_db, "--port", str(desktop_port),
                   "--insecure-cookies"]  # fmt: skip
        start("desktop", command, env, ROOT, f"{desktop_url}/health")
        admin = desk.create_admin("admin", PASSWORD)
        lanes = [lane.id for lane in desk.lanes() if lane.kind != "override"]
        desk.create_user(admin, "dana", PASSWORD, "agent", lanes)
        env = os.environ | {
            "HANDOFF_RULES": str(rules),
            "HANDOFF_OUTBOX_URL": f"sqlite:///{work / 'outbox.sqlite'}",
            "HANDOFF_WEBHOOK_URL": f"{desktop_url}/webhook/payloads",
            "HANDOFF_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
            "HANDOFF_STATE_SECRET": STATE_SECRET,
            "HANDOFF_PSEUDONYM_KEY": PSEUDONYM_KEY,
            "HANDOFF_PORT": str(action_port),
        }
        command = [sys.executable, "-m", "handoff.adapters.server"]
        start("actions", command, env, work, f"http://127.0.0.1:{action_port}/health")
        env = os.environ | {
            "HANDOFF_ACTION_PORT": str(action_port),
            "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
            "HANDOFF_RASA_EVENTS_DB": str(events_db),
            "RASA_TELEMETRY_ENABLED": "false",
            "RASA_CACHE_DIRECTORY": str(WORK / "rasa-cache"),
            **NO_CHAT,
        }
        command = [
            str(rasa_bin), "run", "--enable-api", "-m", str(rasa_model),
            "--port", str(rasa_port), "--endpoints", "endpoints.yml",
            "--credentials", "credentials.yml", "--jwt-secret", JWT_SECRET,
        ]  # fmt: skip
        start("rasa", command, env, RASA_PROJECT, f"{rasa_url}/")
        yield Live(rasa_url, desktop_url, desk)
    finally:
        for process in reversed(processes):
            stop(process, timeout=20)
        desk.close()


def _bot_events(tracker: dict[str, Any], sender: str) -> list[dict[str, Any]]:
    return [
        event
        for event in tracker["events"]
        if event.get("event") == "bot"
        and (event.get("metadata") or {}).get("handoff", {}).get("from") == sender
    ]


def _moved_to_fraud(live: Live, sender: str) -> tuple[int, str, str, str]:
    def check() -> tuple[int, str, str, str] | None:
        held = live.held(sender)
        return held if held is not None and held[1] == "fraud" else None

    return until("the move to the fraud lane", check)


def _with_relay_message(live: Live, sender: str) -> dict[str, Any]:
    def check() -> dict[str, Any] | None:
        tracker = live.tracker(sender)
        return tracker if _bot_events(tracker, "relay") else None

    return until("the fraud team's message in the tracker", check)


def _handed_off(live: Live, sender: str) -> tuple[int, str, str, str]:
    answer = live.say(sender, "I want to speak to a human")
    assert any("offline" in text for text in answer), answer  # the callback lane's message
    return until("the handoff to reach the desktop", lambda: live.held(sender))


def test_customer_lines_red_line_move_join_and_reply(live: Live) -> None:
    """Waiting (callback) → the customer's next messages become lines → an unrecognised card
    payment moves the conversation to the fraud team (desktop, then tracker) → an agent
    claims (join notice) and replies (a bot event with the agent's metadata)."""
    sender = f"relay-{uuid.uuid4().hex[:10]}"
    pk, lane, _, status = _handed_off(live, sender)
    assert (lane, status) == ("callback", "waiting")

    assert live.say(sender, "are you still there?") == []  # paused: Rasa only logs it
    until("the customer's line", lambda: ("customer", None, "are you still there?")
          in live.lines(sender))  # fmt: skip
    assert live.held(sender) == (pk, "callback", "callback", "waiting")  # nothing fired

    live.say(sender, "there is a payment on my card that I don't recognise")
    moved = _moved_to_fraud(live, sender)
    assert moved[3] == "waiting"
    tracker = _with_relay_message(live, sender)
    fraud_message = _bot_events(tracker, "relay")[-1]["text"]
    assert "fraud team" in fraud_message
    assert tracker["slots"][SLOT_LANE] == "fraud"
    assert tracker["paused"] is True
    until("the fraud message as a line", lambda: ("bot", None, fraud_message)
          in live.lines(sender))  # fmt: skip
    audit = [entry for entry in live.desk.audit(_admin(live), conversation_pk=pk)
             if entry.action == "reroute"]  # fmt: skip
    assert [entry.actor for entry in audit] == ["router"]
    assert "Fraud red line" in (audit[0].after or {})["note"]

    agent = Browser(live.desktop_url)
    try:
        assert agent.login("dana", PASSWORD).status_code == 303
        assert agent.post(f"/c/{pk}/claim").status_code == 303
        joined = "dana from our team has joined the chat."
        tracker = live.tracker(sender)
        assert [e["text"] for e in _bot_events(tracker, "notice")] == [joined]
        assert ("notice", "dana", joined) in live.lines(sender)

        reply = "I've frozen your card. Which payment is it?"
        assert agent.post(f"/c/{pk}/reply", text=reply).status_code == 303
        said = _bot_events(live.tracker(sender), "agent")
        assert [(e["text"], e["metadata"]["handoff"]["agent"]) for e in said] == [(reply, "dana")]
        assert live.lines(sender)[-1] == ("agent", "dana", reply)
        card = agent.get(f"/c/{pk}/lines")
        assert html.unescape(card.text).count(reply) == 1
        assert "are you still there?" in card.text
    finally:
        agent.close()


def test_callback_reply_fraud_reaches_the_fraud_team(live: Live) -> None:
    """The callback lane's promise: "yes fraud please" moves the customer to fraud at once."""
    sender = f"relay-{uuid.uuid4().hex[:10]}"
    _, lane, _, _ = _handed_off(live, sender)
    assert lane == "callback"
    live.say(sender, "Yes, fraud please!")
    moved = _moved_to_fraud(live, sender)
    assert moved[3] == "waiting"
    tracker = _with_relay_message(live, sender)
    assert tracker["slots"][SLOT_LANE] == "fraud"
    assert "fraud team" in _bot_events(tracker, "relay")[-1]["text"]


def _admin(live: Live) -> Any:
    user = live.desk.authenticate("admin", PASSWORD)
    assert user is not None
    return user
