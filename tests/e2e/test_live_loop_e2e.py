"""The whole loop, live: a customer in Chromium on the chat page, an agent in Chromium on the
desktop (two browser contexts), the real Rasa 3.6.21 with its callback channel and SQL event
broker, our action server, the desktop with its relay (``handoff desktop serve
--rasa-events``) and the chat server (``handoff chat serve``), all real processes on
127.0.0.1.

The customer chats with the bot, asks for a person and sees the general advisers' message;
the conversation arrives in the agent's queue; while still waiting the customer reports a card
payment they don't recognise and the relay moves the conversation to the fraud team (the
customer sees the fraud team's message, the agent's queue shows it in the fraud lane); the
agent claims it (the customer sees who joined), ticks the checklist, reads the customer's
next message on the card and replies (the customer sees the reply as the agent's); the agent
hands back, and the bot answers the customer's next message. Each step is asserted on both
pages and in Rasa's tracker (its HTTP API), where the whole conversation lives.
"""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from handoff.adapters.rasa import SLOT_AGENT_NOTE, SLOT_LANE
from tests.desktop.browser import fixtures
from tests.desktop.browser.harness import VIEWPORT, Person, login
from tests.e2e.chat_stack import ChatStack, chat_stack
from tests.e2e.conftest import RASA_PROJECT

pytestmark = pytest.mark.e2e
chromium, browser, output_dir = fixtures.chromium, fixtures.browser, fixtures.output_dir

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = YAML(typ="safe").load((RASA_PROJECT / "domain.yml").read_text())
GREETING = DOMAIN["responses"]["utter_greet"][0]["text"]
LANES = YAML(typ="safe").load((ROOT / "rules" / "banking.yaml").read_text())["lanes"]
# One agent who works both lanes the conversation passes through; an admin to set things up.
PEOPLE = {
    "dana": Person("dana", "agent", ("general_banking", "fraud")),
    "ada": Person("ada", "admin"),
}


def _words(text: str) -> str:
    return " ".join(text.split())


GENERAL = _words(LANES["general_banking"]["message"])
FRAUD = _words(LANES["fraud"]["message"])


@pytest.fixture(scope="module")
def stack(
    rasa_bin: Path, rasa_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ChatStack]:
    work = tmp_path_factory.mktemp("live-loop")
    with chat_stack(rasa_bin, rasa_model, work, relay=True, people=PEOPLE) as running:
        yield running


def _events(stack: ChatStack, sender: str, kind: str) -> list[dict[str, Any]]:
    return [e for e in stack.tracker(sender)["events"] if e.get("event") == kind]


def _from(event: dict[str, Any]) -> tuple[str | None, str | None]:
    handoff = (event.get("metadata") or {}).get("handoff") or {}
    return handoff.get("from"), handoff.get("agent")


def _sender(context: Any) -> str:
    """The conversation id in the customer's session cookie (signed, not encrypted)."""
    [cookie] = [c for c in context.cookies() if c["name"] == "handoff-chat"]
    value = cookie["value"].split(".")[0]
    conversation: str = json.loads(base64.b64decode(value + "=" * (-len(value) % 4)))["c"]
    return conversation


def _wait_tracker(stack: ChatStack, sender: str, check: Any, what: str) -> dict[str, Any]:
    """Rasa's tracker once ``check(tracker)`` holds (the relay and the desktop write to it
    a moment after the page shows a line: the page's line is written after Rasa accepted)."""
    deadline = time.monotonic() + 30
    while True:
        tracker = stack.tracker(sender)
        if check(tracker):
            return tracker
        assert time.monotonic() < deadline, f"Rasa's tracker never showed {what}"
        time.sleep(0.2)


def test_customer_bot_agent_and_back(stack: ChatStack, browser: Any, output_dir: Path) -> None:
    """The issue's proof, step by step, on both pages and in Rasa's tracker."""
    from playwright.sync_api import expect  # noqa: PLC0415

    contexts = []
    failed = True

    def new_context(url: str) -> Any:
        context = browser.new_context(base_url=url, viewport=VIEWPORT)
        context.set_default_timeout(30_000)
        context.tracing.start(screenshots=True, snapshots=True)
        contexts.append(context)
        return context

    try:
        customer_context = new_context(stack.chat)
        customer = customer_context.new_page()
        agent_context = new_context(stack.desk.url)
        agent = agent_context.new_page()
        login(agent, PEOPLE["dana"])

        # 1. The customer chats with the bot.
        customer.goto("/")
        expect(customer.get_by_test_id("live")).to_have_text("connected")
        box = customer.get_by_label("Your message")
        box.fill("hello")
        box.press("Enter")
        expect(customer.get_by_test_id("line-bot").last).to_have_text(re.compile("Assistant"))
        expect(customer.get_by_test_id("line-bot").last).to_contain_text(GREETING)
        sender = _sender(customer_context)
        assert [e["text"] for e in _events(stack, sender, "user")] == ["hello"]
        assert [e["text"] for e in _events(stack, sender, "bot")] == [GREETING]

        # 2. ... asks for a person and sees the general advisers' message.
        box.fill("I want to talk to a human")
        box.press("Enter")
        general = customer.get_by_test_id("line-bot").filter(has_text="banking advisers")
        expect(general).to_have_count(1)
        tracker = stack.tracker(sender)
        assert tracker["paused"] is True
        assert tracker["slots"][SLOT_LANE] == "general_banking"
        assert GENERAL in [_words(e["text"]) for e in _events(stack, sender, "bot")]

        # 3. The agent sees the conversation arrive in the general advisers' queue (live).
        row = agent.get_by_test_id("queue-row").filter(has_text=sender)
        expect(row).to_have_attribute("data-lane", "general_banking")
        expect(row).to_have_attribute("data-status", "waiting")

        # 4. Still waiting, the customer reports a payment they don't recognise: the relay
        #    routes the paused conversation again, and the fraud red line moves it.
        box.fill("there is a payment on my card that I don't recognise")
        box.press("Enter")
        fraud = customer.get_by_test_id("line-bot").filter(has_text="fraud team")
        expect(fraud).to_have_count(1)
        expect(fraud).to_contain_text("safe account")
        expect(row).to_have_attribute("data-lane", "fraud")  # the agent's queue, no reload
        tracker = _wait_tracker(
            stack, sender, lambda t: t["slots"][SLOT_LANE] == "fraud", "the fraud lane"
        )
        assert tracker["paused"] is True
        relayed = [e for e in _events(stack, sender, "bot") if _from(e)[0] == "relay"]
        assert [_words(e["text"]) for e in relayed] == [FRAUD]
        said = [e["text"] for e in _events(stack, sender, "user")]
        assert said[-1] == "there is a payment on my card that I don't recognise"

        # 5. The agent claims it: the customer sees who they are chatting with.
        row.get_by_role("link").click()
        agent.get_by_role("button", name="Claim").click()
        expect(agent.get_by_test_id("yours")).to_be_visible()
        expect(customer.get_by_test_id("with")).to_have_text("You're chatting with dana")
        expect(customer.get_by_test_id("line-notice").last).to_contain_text("dana")
        notices = [e for e in _events(stack, sender, "bot") if _from(e)[0] == "notice"]
        assert [_from(e) for e in notices] == [("notice", "dana")]

        # 6. ... ticks the checklist (the desktop's record; Rasa's tracker is not touched).
        bots_before = len(_events(stack, sender, "bot"))
        agent.get_by_label("Validate", exact=True).check()
        expect(agent.get_by_test_id("ticked-validate")).to_contain_text("dana")
        assert len(_events(stack, sender, "bot")) == bots_before

        # 7. The customer writes while the agent holds it: the line reaches the card, the
        #    bot stays silent (paused), and Rasa's tracker has the message.
        box.fill("it was 600 pounds at an electronics shop")
        box.press("Enter")
        lines = agent.get_by_test_id("live-line")
        expect(lines.filter(has_text="600 pounds at an electronics shop")).to_have_count(1)
        assert _events(stack, sender, "user")[-1]["text"] == (
            "it was 600 pounds at an electronics shop"
        )
        assert stack.tracker(sender)["paused"] is True
        assert len(_events(stack, sender, "bot")) == bots_before

        # 8. The agent replies; the customer sees it as dana's.
        reply = "I've frozen your card. We'll refund the 600 pounds; here is your claim reference."
        agent.get_by_test_id("reply-text").fill(reply)
        agent.get_by_test_id("reply-submit").click()
        answer = customer.get_by_test_id("line-agent").last
        expect(answer).to_contain_text(reply)
        expect(answer).to_contain_text("dana (agent)")
        replies = [e for e in _events(stack, sender, "bot") if _from(e)[0] == "agent"]
        assert [(e["text"], _from(e)[1]) for e in replies] == [(reply, "dana")]

        # 9. The agent hands back with a note; the bot answers the customer's next message.
        note = "Card frozen and fraud claim raised; the customer may ask about the new card."
        agent.get_by_test_id("actions").locator("summary", has_text="Hand back to the bot").click()
        agent.get_by_label("Note (the bot's tracker keeps it)").fill(note)
        agent.get_by_role("button", name="Hand back").click()
        expect(agent.get_by_test_id("notice")).to_have_text("Handed back to the bot.")
        expect(customer.get_by_test_id("with")).to_have_text("You're chatting with our assistant")
        tracker = stack.tracker(sender)
        assert tracker["paused"] is False
        assert tracker["slots"][SLOT_AGENT_NOTE] == note
        box.fill("hello again")
        box.press("Enter")
        expect(customer.get_by_test_id("line-bot").last).to_contain_text(GREETING)
        tracker = _wait_tracker(
            stack,
            sender,
            lambda t: [e for e in t["events"] if e.get("event") == "bot"][-1]["text"] == GREETING,
            "the bot's answer after the hand-back",
        )
        assert tracker["slots"][SLOT_LANE] == "bot"
        assert _events(stack, sender, "user")[-1]["text"] == "hello again"
        failed = False
    finally:
        for index, context in enumerate(contexts):
            if failed:
                for number, page in enumerate(context.pages):
                    page.screenshot(path=output_dir / f"failure-{index}-{number}.png")
                context.tracing.stop(path=output_dir / f"trace-{index}.zip")
            else:
                context.tracing.stop()
            context.close()
