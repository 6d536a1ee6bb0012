"""The customer chat page against the real Rasa 3.6.21: the customer's messages reach Rasa
through its callback channel, the bot's answers come back through the callback to the chat
server, are stored as the conversation's ``bot`` lines and reach the page live; a customer
who asks for a person sees the lane's handoff message, in Chromium too.

Reuses tests/e2e/conftest.py's Rasa install and trained model; the stack is chat_stack.py's.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from ruamel.yaml import YAML

from handoff.adapters.rasa import SLOT_LANE
from handoff.desktop.store import Conversation, Message, Presence
from tests.desktop.browser import fixtures
from tests.desktop.browser.harness import CHROMIUM_ARGS, VIEWPORT
from tests.e2e.chat_stack import ChatStack, Customer, chat_stack
from tests.e2e.conftest import RASA_PROJECT

pytestmark = pytest.mark.e2e
chromium, browser = fixtures.chromium, fixtures.browser

DOMAIN = YAML(typ="safe").load((RASA_PROJECT / "domain.yml").read_text())
GREETING = DOMAIN["responses"]["utter_greet"][0]["text"]
RULES = YAML(typ="safe").load((Path(__file__).parents[2] / "rules" / "banking.yaml").read_text())
GENERAL_MESSAGE = " ".join(RULES["lanes"]["general_banking"]["message"].split())

__all__ = ["CHROMIUM_ARGS", "VIEWPORT", "browser", "chromium"]


@pytest.fixture(scope="module")
def stack(
    rasa_bin: Path, rasa_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ChatStack]:
    # A demo account on every new conversation: set by the server through Rasa's HTTP API.
    options = ("--demo-account", "customer_id=demo-7", "--demo-account", "account_tier=premium")
    work = tmp_path_factory.mktemp("chat-e2e")
    with chat_stack(rasa_bin, rasa_model, work, chat_options=options) as running:
        yield running


def _bot_lines(stack: ChatStack, sender: str) -> list[str]:
    with stack.desk.desktop.engine.connect() as connection:
        return list(
            connection.execute(
                sa.select(Message.text)
                .where(Message.conversation_id == sender, Message.kind == "bot")
                .order_by(Message.seq)
            ).scalars()
        )


def test_the_bot_answers_through_the_callback_channel(stack: ChatStack) -> None:
    """A greeting goes to Rasa's callback channel; Rasa's answer comes back through the
    callback, is stored as a bot line and reaches the page's event stream; Rasa's tracker
    has both; the page's heartbeat is written."""
    customer = Customer(stack.chat)
    try:
        customer.listen()
        answer = customer.say("hello")
        assert answer.status_code == 200, answer.text
        line = customer.wait_for(lambda line: line["kind"] == "bot")
        assert line["text"] == GREETING
        assert line["author"] is None
        sender = _sender_of(stack, line["seq"])
        assert sender.startswith("web-")
        assert _bot_lines(stack, sender) == [GREETING]
        tracker = stack.tracker(sender)
        assert [e["text"] for e in tracker["events"] if e["event"] == "user"] == ["hello"]
        assert stack.bot_texts(sender) == [GREETING]
        assert tracker["latest_input_channel"] == "callback"
        # The demo account reached the slots the router reads, from the server, not the page.
        assert tracker["slots"]["customer_id"] == "demo-7"
        assert tracker["slots"]["account_tier"] == "premium"
        with stack.desk.desktop.engine.connect() as connection:
            seen = connection.execute(
                sa.select(Presence.last_seen).where(Presence.conversation_id == sender)
            ).scalar_one_or_none()
        assert seen is not None
    finally:
        customer.close()


def test_asking_for_a_person_shows_the_handoff_message(stack: ChatStack) -> None:
    """'I want to talk to a human' routes to general banking: Rasa pauses, the customer's
    page gets the lane's message, and the desktop has the conversation waiting."""
    customer = Customer(stack.chat)
    try:
        customer.listen()
        assert customer.say("hi, my card payment was declined").status_code == 200
        first = customer.wait_for(lambda line: line["kind"] == "bot")
        sender = _sender_of(stack, first["seq"])
        assert customer.say("I want to talk to a human").status_code == 200
        customer.wait_for(lambda line: " ".join(line["text"].split()) == GENERAL_MESSAGE)
        tracker = stack.tracker(sender)
        assert tracker["paused"] is True
        assert tracker["slots"][SLOT_LANE] == "general_banking"
        assert GENERAL_MESSAGE in [" ".join(t.split()) for t in stack.bot_texts(sender)]
        # The payload the agent sees carries the account the server set (the outbox delivers
        # it a moment later).
        deadline = time.monotonic() + 30
        while (payload := _payload(stack, sender)) is None:
            assert time.monotonic() < deadline, "the payload never reached the desktop"
            time.sleep(0.2)
        assert payload["customer"]["customer_id"] == "demo-7"
        assert payload["customer"]["tier"] == "premium"
    finally:
        customer.close()


def test_a_customer_chats_in_chromium_and_sees_the_handoff_message(
    stack: ChatStack, browser: Any
) -> None:
    """In the browser: the greeting is answered on the page, asking for a person shows the
    lane's message; a reload keeps the conversation (history from the database)."""
    from playwright.sync_api import expect  # noqa: PLC0415

    context = browser.new_context(base_url=stack.chat, viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_test_id("live")).to_have_text("connected")
        expect(page.get_by_test_id("with")).to_have_text("You're chatting with our assistant")
        box = page.get_by_label("Your message")
        box.fill("hello")
        box.press("Enter")
        expect(page.get_by_test_id("line-customer")).to_have_text(re.compile("hello"))
        expect(page.get_by_test_id("line-bot").last).to_contain_text(GREETING)
        box.fill("I want to talk to a human")
        page.get_by_role("button", name="Send").click()
        handoff = page.get_by_test_id("line-bot").filter(has_text="banking advisers")
        expect(handoff).to_have_count(1)
        expect(handoff).to_contain_text("never ask for your full card number")
        page.reload()
        expect(page.get_by_test_id("line-bot").filter(has_text="banking advisers")).to_have_count(1)
        expect(page.get_by_test_id("line-bot").first).to_contain_text(GREETING)
    finally:
        context.close()


def _payload(stack: ChatStack, sender: str) -> dict[str, Any] | None:
    with stack.desk.desktop.engine.connect() as connection:
        body = connection.execute(
            sa.select(Conversation.payload).where(Conversation.conversation_id == sender)
        ).scalar_one_or_none()
    return None if body is None else dict(json.loads(body))


def _sender_of(stack: ChatStack, seq: int) -> str:
    with stack.desk.desktop.engine.connect() as connection:
        value: str = connection.execute(
            sa.select(Message.conversation_id).where(Message.seq == seq)
        ).scalar_one()
    return value
