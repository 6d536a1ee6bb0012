"""The desktop in the whole loop, for real: a customer talks to Rasa 3.6.21, our action server
hands off and delivers the signed payload to the desktop's webhook, the conversation shows up
in an agent's queue in Chromium, the agent hands it back from the card with a note, and Rasa
resumes: the bot answers the customer's next message.

Reuses tests/e2e/conftest.py's Rasa install and trained model; the stack here is its own
(the desktop is the webhook, and Rasa runs with --jwt-secret for the desktop's hand-back).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from ruamel.yaml import YAML

from handoff.adapters.rasa import SLOT_AGENT_NOTE, SLOT_LANE
from tests.conftest import RULES, always_open_rules, free_port, stop, wait_for
from tests.desktop.browser import fixtures
from tests.desktop.browser.harness import (
    WEBHOOK_SECRET,
    DesktopServer,
    prepare_desktop,
    serve,
)
from tests.e2e.conftest import NO_CHAT, RASA_PROJECT, WORK

pytestmark = pytest.mark.e2e
# The browser fixtures of tests/desktop/browser (one Chromium for this module).
chromium, browser, sessions, output_dir, open_as = (
    fixtures.chromium, fixtures.browser, fixtures.sessions, fixtures.output_dir, fixtures.open_as
)  # fmt: skip

JWT_SECRET = "e2e-desktop-rasa-jwt-secret-at-least-32-bytes"
STATE_SECRET = "e2e-desktop-state-secret-4d2f"
ACTION_TOKEN = "e2e-desktop-action-token-77ab"


@dataclass
class Loop:
    rasa: str
    desk: DesktopServer

    def say(self, sender: str, text: str) -> list[str]:
        """One customer message through Rasa's REST channel; the texts the customer sees."""
        response = httpx.post(
            f"{self.rasa}/webhooks/rest/webhook",
            json={"sender": sender, "message": text},
            timeout=60,
        )
        response.raise_for_status()
        return [m.get("text", "") for m in response.json()]

    def tracker(self, sender: str) -> dict[str, Any]:
        claims = {"user": {"username": "e2e", "role": "admin"}}
        token = jwt.encode(claims, JWT_SECRET, algorithm="HS256")
        response = httpx.get(
            f"{self.rasa}/conversations/{sender}/tracker",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        response.raise_for_status()
        data: dict[str, Any] = response.json()
        return data


@pytest.fixture(scope="module")
def loop(
    rasa_bin: Path, rasa_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Loop]:
    """Desktop (webhook + pages, with a RasaBot), action server and Rasa, started in that
    order and stopped in reverse."""
    from handoff.desktop import RasaBot  # noqa: PLC0415

    work = tmp_path_factory.mktemp("desktop-e2e")
    rules = always_open_rules(RULES / "banking.yaml", work / "banking-always-open.yaml")
    rasa_port, action_port = free_port(), free_port()
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    bot = RasaBot(rasa_url, jwt_secret=JWT_SECRET, state_secret=STATE_SECRET)
    desktop = prepare_desktop(f"sqlite:///{work / 'desktop.sqlite'}", bot=bot, rules=rules)
    processes: list[subprocess.Popen[bytes]] = []

    def start(name: str, command: list[str], env: dict[str, str], cwd: Path, url: str) -> None:
        log = work / f"{name}.log"
        with log.open("w") as out:
            processes.append(
                subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
            )
        wait_for(url, 240, log, processes[-1])

    try:
        with serve(desktop) as desk_url:
            # The action server, as in production: its outbox delivers to the desktop.
            env = os.environ | {
                "HANDOFF_RULES": str(rules),
                "HANDOFF_OUTBOX_URL": f"sqlite:///{work / 'outbox.sqlite'}",
                "HANDOFF_WEBHOOK_URL": f"{desk_url}/webhook/payloads",
                "HANDOFF_WEBHOOK_SECRET": WEBHOOK_SECRET,
                "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
                "HANDOFF_STATE_SECRET": STATE_SECRET,
                "HANDOFF_PORT": str(action_port),
            }
            command = [sys.executable, "-m", "handoff.adapters.server"]
            start("actions", command, env, work, f"http://127.0.0.1:{action_port}/health")
            # Rasa with its HTTP API behind a JWT secret: the desktop's RasaBot signs a
            # 60-second token scoped to the one conversation it hands back.
            env = os.environ | {
                "HANDOFF_ACTION_PORT": str(action_port),
                "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
                "HANDOFF_RASA_EVENTS_DB": str(work / "rasa-events.sqlite"),
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
            yield Loop(rasa_url, DesktopServer(desk_url, desktop))
    finally:
        for process in reversed(processes):
            stop(process, timeout=20)
        desktop.close()


def test_agent_hands_back_from_the_browser_and_the_bot_answers(loop: Loop, open_as: Any) -> None:
    """Customer asks for a person → general banking queue in the browser (no reload) → the
    agent claims, hands back with a note → Rasa's tracker resumed with the note → the next
    customer message gets the bot's answer."""
    from playwright.sync_api import expect  # noqa: PLC0415

    agent = open_as(loop.desk, "gail")
    sender = f"desk-e2e-{uuid.uuid4().hex[:8]}"
    loop.say(sender, "hi, my card payment was declined")
    loop.say(sender, "I want to talk to a human")
    state = loop.tracker(sender)
    assert state["paused"] is True
    assert state["slots"][SLOT_LANE] == "general_banking"

    # The action server's outbox delivers to the desktop's webhook; the queue updates live.
    item = agent.get_by_role("link", name=re.compile(sender))
    expect(item).to_be_visible(timeout=30_000)
    item.click()
    agent.get_by_role("button", name="Claim").click()
    expect(agent.get_by_test_id("yours")).to_be_visible()
    note = "Unblocked the card payment; customer happy to continue with the bot."
    agent.get_by_test_id("actions").locator("summary", has_text="Hand back to the bot").click()
    agent.get_by_label("Note (the bot's tracker keeps it)").fill(note)
    agent.get_by_role("button", name="Hand back").click()
    expect(agent.get_by_test_id("notice")).to_have_text("Handed back to the bot.")
    expect(item).to_have_count(0)

    pk = loop.desk.pk(sender)
    record = loop.desk.desktop.conversation(loop.desk.user("sue"), pk)
    assert record.status == "handed_back"
    audited = loop.desk.desktop.audit(loop.desk.user("ada"), conversation_pk=pk)
    assert ("gail", "hand_back") in {(entry.actor, entry.action) for entry in audited}
    state = loop.tracker(sender)
    assert state["paused"] is False
    assert state["slots"][SLOT_AGENT_NOTE] == note
    domain = YAML(typ="safe").load((RASA_PROJECT / "domain.yml").read_text())
    greeting = domain["responses"]["utter_greet"][0]["text"]
    assert loop.say(sender, "hello again") == [greeting]
    assert loop.tracker(sender)["slots"][SLOT_LANE] == "bot"
