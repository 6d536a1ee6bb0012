"""The outcome loop through the real stack: Rasa 3.6.21 (callback channel, SQL event broker),
our action server, the chat server and the desktop with its relay (``handoff desktop serve
--rasa-events``), all real processes on 127.0.0.1.

A customer asks for a person; an agent claims the conversation and resolves it with a
wrap-up ("was the handoff needed?" yes); the bot asks the effort question (CES) on the
customer's page; the customer answers "6", is thanked, and no rule answer or fallback
follows; the relay records the decision log, the sentiment and the answer; and the KPIs
computed from the desktop's tables (handoff.desktop.outcomes.load_dataset, then
handoff.outcomes.compute_kpis) show the handoff, the time to agent, its success, CES 6 and
the rule's escalation precision 1/1. A second customer ignores the question and asks
something else: recorded as declined, and the bot answers as usual.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from ruamel.yaml import YAML

from handoff.adapters.rasa import SLOT_CES, SLOT_DECISION
from handoff.desktop.store import Ces, Message, Turn
from handoff.outcomes import ces
from tests.desktop.browser import fixtures
from tests.desktop.browser.harness import VIEWPORT, Person
from tests.e2e.chat_stack import ChatStack, Customer, chat_stack
from tests.e2e.conftest import RASA_PROJECT

pytestmark = pytest.mark.e2e
chromium, browser = fixtures.chromium, fixtures.browser

DOMAIN = YAML(typ="safe").load((RASA_PROJECT / "domain.yml").read_text())
GREETING = DOMAIN["responses"]["utter_greet"][0]["text"]
# Closing words are never escalated (rules/banking.yaml: escalation_model). A banking question
# right after a resolve is: the escalation model weighs the earlier request for a person
# ("before:human_demand") even after the hand-back, so the router sends it to an adviser.
CLOSING = {DOMAIN["responses"][name][0]["text"] for name in ("utter_thank_you", "utter_goodbye")}
PEOPLE = {
    "dana": Person("dana", "agent", ("general_banking",)),
    "ada": Person("ada", "admin"),
}
RULE = "asked_for_human"


@pytest.fixture(scope="module")
def stack(
    rasa_bin: Path, rasa_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ChatStack]:
    options = ("--demo-account", "customer_id=demo-ces-1")
    work = tmp_path_factory.mktemp("ces-e2e")
    with chat_stack(
        rasa_bin, rasa_model, work, relay=True, people=PEOPLE, chat_options=options
    ) as running:
        yield running


def wait(check: Callable[[], Any], what: str, seconds: float = 60) -> Any:
    deadline = time.monotonic() + seconds
    while not (found := check()):
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.2)
    return found


def rows(stack: ChatStack, statement: Any) -> list[dict[str, Any]]:
    with stack.desk.desktop.engine.connect() as connection:
        return [dict(row) for row in connection.execute(statement).mappings()]


@dataclass
class Resolved:
    """A conversation handed off, claimed, resolved and asked the effort question."""

    sender: str
    pk: int
    customer: Customer
    question: dict[str, Any]


def handed_off_and_resolved(stack: ChatStack) -> Resolved:
    """The customer asks for a person; dana claims and resolves (needed: yes); the page
    shows the effort question."""
    customer = Customer(stack.chat)
    customer.listen()
    assert customer.say("hello").status_code == 200
    greeting = customer.wait_for(lambda line: line["kind"] == "bot")
    [sender] = {
        row["conversation_id"]
        for row in rows(stack, sa.select(Message.conversation_id).where(
            Message.seq == greeting["seq"]))
    }  # fmt: skip
    assert customer.say("I want to talk to a human").status_code == 200
    customer.wait_for(lambda line: "banking advisers" in line["text"])
    desktop = stack.desk.desktop
    pk = wait(lambda: _pk(stack, sender), "the conversation on the desktop")
    dana = stack.desk.user("dana")
    desktop.claim(dana, pk)
    customer.wait_for(lambda line: line["kind"] == "notice" and "joined" in line["text"])
    desktop.resolve(dana, pk, "advice_given", "yes", "explained the card limits")
    question = customer.wait_for(lambda line: line["text"] == desktop.ces_question)
    return Resolved(sender, pk, customer, question)


def _pk(stack: ChatStack, sender: str) -> int | None:
    try:
        return stack.desk.pk(sender)
    except sa.exc.NoResultFound:
        return None


@pytest.fixture(scope="module")
def answered(stack: ChatStack) -> Iterator[Resolved]:
    """The first customer answers the question with a 6."""
    resolved = handed_off_and_resolved(stack)
    try:
        assert resolved.customer.say("6").status_code == 200
        resolved.customer.wait_for(lambda line: line["text"] == ces.THANKS)
        wait(
            lambda: rows(stack, sa.select(Ces).where(Ces.conversation_pk == resolved.pk,
                                                     Ces.answered_at.is_not(None))),
            "the answer in desktop_ces",
        )  # fmt: skip
        yield resolved
    finally:
        resolved.customer.close()


def test_the_question_is_asked_after_the_resolve(stack: ChatStack, answered: Resolved) -> None:
    """Resolve resumed the bot in Rasa; the question is a bot event there, with the pending
    marker, and a bot line on the customer's page; the desktop recorded it as asked."""
    tracker = stack.tracker(answered.sender)
    assert tracker["paused"] is False
    assert answered.question["kind"] == "bot"
    bots = [e for e in tracker["events"] if e.get("event") == "bot"]
    [asked] = [e for e in bots if e["text"] == stack.desk.desktop.ces_question]
    assert asked["metadata"]["handoff"]["from"] == "ces"
    [row] = rows(stack, sa.select(Ces).where(Ces.conversation_pk == answered.pk))
    assert (row["asked_after"], row["cycle"]) == ("resolve", 1)


def test_a_six_is_recorded_and_thanked_with_nothing_else(
    stack: ChatStack, answered: Resolved
) -> None:
    """After "6": the thanks, and no rule answer, fallback or rephrase request (Rasa ran
    action_listen next, as the action's FollowupAction asked); the marker is cleared; the
    decision slot carries the score; the relay answered the asked row."""
    tracker = stack.tracker(answered.sender)
    events = tracker["events"]
    six = max(i for i, e in enumerate(events) if e.get("event") == "user" and e["text"] == "6")
    after = events[six + 1 :]
    actions = [e["name"] for e in after if e.get("event") == "action"]
    assert actions == ["action_handoff_route", "action_listen"]
    assert [e["text"] for e in after if e.get("event") == "bot"] == [ces.THANKS]
    assert tracker["slots"][SLOT_CES] is None
    assert tracker["slots"][SLOT_DECISION]["ces"] == {"score": 6}
    assert tracker["paused"] is False
    [row] = rows(stack, sa.select(Ces).where(Ces.conversation_pk == answered.pk))
    assert (row["score"], row["declined"]) == (6, False)
    # Each routed turn in the decision log: hello, the request (a handoff), the answer.
    turns = rows(stack, sa.select(Turn).where(Turn.conversation_id == answered.sender)
                 .order_by(Turn.seq))  # fmt: skip
    assert [(t["lane"], t["handoff"], t["rule_id"]) for t in turns] == [
        ("bot", False, None), ("general_banking", True, RULE), ("bot", False, None),
    ]  # fmt: skip
    assert turns[1]["asked_person"] is True
    assert {t["customer"] for t in turns} == {"demo-ces-1"}
    # Every customer line carries its sentiment.
    lines = rows(stack, sa.select(Message.text, Message.sentiment).where(
        Message.conversation_id == answered.sender, Message.kind == "customer"))  # fmt: skip
    assert [line["text"] for line in lines] == ["hello", "I want to talk to a human", "6"]
    assert all(line["sentiment"] is not None for line in lines)


def test_the_bot_goes_on_normally_after_the_answer(stack: ChatStack, answered: Resolved) -> None:
    """The next message is routed and answered as usual (the answer is not a failure)."""
    customer = answered.customer
    assert customer.say("hello again").status_code == 200
    customer.wait_for(lambda line: line["text"] == GREETING and line["seq"] > 1)
    decision = stack.tracker(answered.sender)["slots"][SLOT_DECISION]
    assert (decision["lane"], decision["ces"]) == ("bot", None)


def test_a_customer_who_ignores_the_question_declines_it(stack: ChatStack) -> None:
    """Another customer says something else: recorded as declined, answered normally."""
    resolved = handed_off_and_resolved(stack)
    try:
        assert resolved.customer.say("thank you so much, that's all I needed").status_code == 200
        resolved.customer.wait_for(lambda line: line["text"] in CLOSING)
        [row] = wait(
            lambda: rows(stack, sa.select(Ces).where(Ces.conversation_pk == resolved.pk,
                                                     Ces.answered_at.is_not(None))),
            "the decline in desktop_ces",
        )  # fmt: skip
        assert (row["score"], row["declined"]) == (None, True)
        tracker = stack.tracker(resolved.sender)
        assert tracker["slots"][SLOT_CES] is None
        assert tracker["slots"][SLOT_DECISION]["ces"] == {"declined": True}
        assert ces.THANKS not in stack.bot_texts(resolved.sender)
    finally:
        resolved.customer.close()


def test_the_page_offers_1_to_7_buttons_that_answer_like_typing(
    stack: ChatStack, browser: Any
) -> None:
    """In Chromium: the question comes with buttons 1-7; a click sends "7" as a typed message
    would (same form post, CSRF token), the bot thanks, the buttons go, the answer is stored."""
    from playwright.sync_api import expect  # noqa: PLC0415

    context = browser.new_context(base_url=stack.chat, viewport=VIEWPORT)
    context.set_default_timeout(30_000)
    try:
        page = context.new_page()
        page.goto("/")
        expect(page.get_by_test_id("live")).to_have_text("connected")
        box = page.get_by_label("Your message")
        box.fill("I want to talk to a human")
        box.press("Enter")
        expect(page.get_by_test_id("line-bot").filter(has_text="banking advisers")).to_have_count(1)
        [cookie] = [c for c in context.cookies() if c["name"] == "handoff-chat"]
        sender = _sender_of_cookie(cookie["value"])
        desktop = stack.desk.desktop
        pk = wait(lambda: _pk(stack, sender), "the conversation on the desktop")
        dana = stack.desk.user("dana")
        desktop.claim(dana, pk)
        desktop.resolve(dana, pk, "advice_given", "yes")
        expect(page.get_by_test_id("line-bot").last).to_contain_text(str(desktop.ces_question))
        expect(page.get_by_test_id("choices").get_by_role("button")).to_have_count(7)
        page.get_by_test_id("choice-7").click()
        expect(page.get_by_test_id("line-customer").last).to_contain_text("7")
        expect(page.get_by_test_id("line-bot").last).to_contain_text(ces.THANKS)
        expect(page.get_by_test_id("choices")).to_be_hidden()
        [row] = wait(
            lambda: rows(stack, sa.select(Ces).where(Ces.conversation_pk == pk,
                                                     Ces.answered_at.is_not(None))),
            "the answer in desktop_ces",
        )  # fmt: skip
        assert row["score"] == 7
    finally:
        context.close()


def _sender_of_cookie(value: str) -> str:
    """The conversation id in the customer's session cookie (signed, not encrypted)."""
    data = value.split(".", maxsplit=1)[0]
    conversation: str = json.loads(base64.b64decode(data + "=" * (-len(data) % 4)))["c"]
    return conversation


def test_the_kpis_show_the_handoff_and_its_answer(stack: ChatStack, answered: Resolved) -> None:
    """The desktop's tables, loaded as a Dataset, give the KPIs of the answered handoff:
    counted, time to agent measured, successful (judged 8 days on, when the 7-day re-contact
    window is over), CES 6, and the rule's escalation precision 1 of 1."""
    from handoff.desktop.outcomes import load_dataset  # noqa: PLC0415
    from handoff.outcomes import compute_kpis  # noqa: PLC0415

    data = load_dataset(str(stack.desk.desktop.engine.url.render_as_string(False)))
    mine = data.handoffs[data.handoffs["conversation"] == answered.sender]
    assert len(mine) == 1
    [cycle] = mine.to_dict("records")
    assert (cycle["lane"], cycle["rule_id"], cycle["needed"]) == ("general_banking", RULE, "yes")
    assert cycle["ces_score"] == 6
    only = type(data)(
        turns=data.turns[data.turns["conversation"] == answered.sender],
        handoffs=mine,
        lines=data.lines[data.lines["conversation"] == answered.sender],
    )
    report = compute_kpis(only, now=time.time() + 8 * 86_400)
    overall = report.overall
    assert overall["handoff_rate"].n >= 1
    assert overall["handoff_rate"].value is not None
    assert overall["handoff_rate"].value > 0
    time_to_agent = overall["time_to_agent"]
    assert (time_to_agent.n, time_to_agent.value is not None) == (1, True)
    assert time_to_agent.value is not None
    assert time_to_agent.value >= 0
    assert (overall["handoff_success"].value, overall["handoff_success"].n) == (1.0, 1)
    assert (overall["ces_mean"].value, overall["ces_mean"].n) == (6.0, 1)
    assert (overall["ces_top2"].value, overall["ces_response"].value) == (1.0, 1.0)
    precision = report.by_rule[RULE]
    assert (precision.value, precision.n) == (1.0, 1)
