"""The card's live chat in a real browser: a customer's line the relay stores appears on the
open card without a reload (the event stream says "lines", the page fetches and swaps them),
and the agent holding the conversation replies from the card."""

from __future__ import annotations

import time

from playwright.sync_api import expect

from handoff.desktop import RasaBot
from tests.desktop.browser.fixtures import OpenAs
from tests.desktop.browser.harness import DesktopServer, payload_now
from tests.desktop.browser.test_desktop_browser import open_card
from tests.security.rasa_api import fake_rasa

JWT = "browser-live-chat-rasa-jwt-secret-long-enough"


def test_lines_arrive_live_and_the_holder_replies(server: DesktopServer, open_as: OpenAs) -> None:
    """The customer writes while the agent reads the card: the line appears; the agent
    replies from the card and the reply is the newest line."""
    payload = payload_now("02_unrecognised_payment_at_night")
    fran = open_as(server, "fran")
    pk = server.deliver(payload)
    open_card(fran, pk)
    fran.get_by_role("button", name="Claim").click()
    expect(fran.get_by_test_id("yours")).to_be_visible()
    expect(fran.get_by_test_id("live-empty")).to_be_visible()

    desk = server.desktop
    cursor = f"browser-{time.monotonic_ns()}"
    start = desk.relay_position(cursor)
    line = ("is anyone there? it's urgent", f"{cursor}:1", time.time())
    desk.relay_commit(cursor, start, start + 1, [(payload.conversation_id, *line)], str)
    lines = fran.get_by_test_id("live-line")
    expect(lines.last).to_contain_text("is anyone there? it's urgent", timeout=5000)
    expect(lines.last).to_have_attribute("data-kind", "customer")

    with fake_rasa(jwt_secret=JWT) as rasa:
        desk.bot = RasaBot(rasa.url, JWT, b"browser-state-secret")
        try:
            fran.get_by_test_id("reply-text").fill("I'm here: your card is frozen now.")
            fran.get_by_test_id("reply-submit").click()
            expect(fran.get_by_test_id("live-line").last).to_contain_text(
                "I'm here: your card is frozen now."
            )
            expect(fran.get_by_test_id("live-line").last).to_have_attribute("data-kind", "agent")
        finally:
            desk.bot = None
    said = [event["text"] for seen in rasa.requests for event in seen.body or []]
    assert said == ["I'm here: your card is frozen now."]
