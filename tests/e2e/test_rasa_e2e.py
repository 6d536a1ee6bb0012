"""The whole path, for real: customer → Rasa 3.6.21 REST channel → our action server →
decision → paused conversation + signed payload at the agent's webhook → hand-back.

Slow on first run (installs Rasa in its own Python 3.10 venv and trains the bot); later
runs reuse both. Deselect with ``-m "not e2e"`` for a quick loop.
"""

from __future__ import annotations

import json
import statistics
import time
import uuid
from typing import Any

import httpx
import pytest
from ruamel.yaml import YAML

from handoff import Router
from handoff.adapters.rasa import SLOT_AGENT_NOTE, SLOT_LANE, hand_back
from tests.conftest import RULES
from tests.e2e.conftest import RASA_PROJECT, TOKEN, Stack

pytestmark = pytest.mark.e2e
LANES = Router.from_path(RULES / "banking.yaml").ruleset.lanes


def lane_message(lane: str) -> str:
    return LANES[lane].message


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def say(stack: Stack, sender: str, text: str, **metadata: Any) -> list[str]:
    """Send one message through the REST channel and return the texts the customer sees."""
    body: dict[str, Any] = {"sender": sender, "message": text}
    if metadata:
        body["metadata"] = metadata
    response = httpx.post(f"{stack.rasa}/webhooks/rest/webhook", json=body, timeout=60)
    response.raise_for_status()
    return [m.get("text", "") for m in response.json()]


def tracker(stack: Stack, sender: str) -> dict[str, Any]:
    response = httpx.get(f"{stack.rasa}/conversations/{sender}/tracker", timeout=30)
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def payloads_for(stack: Stack, sender: str, expect: int, wait: float = 30) -> list[dict[str, Any]]:
    """Payloads the receiver accepted (it verified each signature) for this conversation."""
    deadline = time.monotonic() + wait
    found: list[dict[str, Any]] = []
    while time.monotonic() < deadline:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        stored = httpx.get(f"{stack.receiver}/payloads", headers=auth, timeout=10).json()
        found = [p for p in stored if p["payload"]["conversation_id"] == sender]
        if len(found) >= expect:
            break
        time.sleep(0.3)
    return found


def lane_of(stack: Stack, sender: str) -> Any:
    return tracker(stack, sender)["slots"].get(SLOT_LANE)


def why(stack: Stack, sender: str) -> str:
    """The tracker's view, for assertion messages: lane, reason and the user's intents."""
    state = tracker(stack, sender)
    intents = [(e.get("text"), e["parse_data"]["intent"]["name"])
               for e in state["events"] if e["event"] == "user"]  # fmt: skip
    slots = state["slots"]
    return f"lane={slots.get(SLOT_LANE)} reason={slots.get('handoff_reason')} {intents}"


def test_polite_faq_stays_with_the_bot(stack: Stack) -> None:
    """A greeting and an FAQ get bot answers; nothing is paused or delivered."""
    sender = new_sender("faq")
    assert say(stack, sender, "hello there")
    replies = say(stack, sender, "what are your opening hours?")
    assert replies
    assert not set(replies) & {lane.message for lane in LANES.values()}
    state = tracker(stack, sender)
    assert state["paused"] is False
    assert state["slots"][SLOT_LANE] == "bot"
    assert payloads_for(stack, sender, expect=1, wait=2) == []


def test_human_request_pauses_and_delivers(stack: Stack) -> None:
    """'I want to talk to a human' → human lane, customer told, bot silent, payload signed and
    redacted at the agent's webhook."""
    sender = new_sender("human")
    say(stack, sender, "hi, my card payment was declined. my email is jo.bloggs@example.com")
    replies = say(stack, sender, "I want to talk to a human")
    assert lane_of(stack, sender) == "general_banking"
    assert replies == [lane_message("general_banking")]
    assert tracker(stack, sender)["paused"] is True
    assert say(stack, sender, "hello? are you there?") == []  # the bot stopped answering

    (received,) = payloads_for(stack, sender, expect=1)
    payload = received["payload"]
    assert payload["routing"]["lane"] == "general_banking"
    assert payload["why"]["rules"] == ["asked_for_human"]
    text = json.dumps(payload)
    assert "jo.bloggs@example.com" not in text
    assert "[EMAIL]" in text
    assert received["idempotency_key"]


def test_escalating_anger_reaches_priority_by_trend(stack: Stack) -> None:
    """Annoyed messages alone do not escalate; the mood sliding over turns does."""
    sender = new_sender("angry")
    messages = [
        "hi, when will my new card arrive?",
        "it was meant to be here days ago, this is really annoying",
        "I'm losing my patience with this card delivery, it's awful",
        "I need it for my holiday tomorrow and I'm really upset and worried",
    ]
    paused_after = None
    for index, message in enumerate(messages):
        say(stack, sender, message)
        if tracker(stack, sender)["paused"]:
            paused_after = index
            break
    assert paused_after is not None, why(stack, sender)
    assert paused_after >= 2, f"escalated on one message: {why(stack, sender)}"
    (received,) = payloads_for(stack, sender, expect=1)
    assert received["payload"]["why"]["rules"] == ["mood_sliding"], why(stack, sender)
    assert received["payload"]["sentiment"]["trend"] < 0


def test_fraud_from_high_risk_account_reaches_specialists(stack: Stack) -> None:
    """A fraud report from a flagged account goes straight to the fraud specialists."""
    sender = new_sender("fraud")
    replies = say(stack, sender, "There's a payment on my card 4111 1111 1111 1111 I didn't make",
                  customer_id="c-77", tier="premier", risk_flags=["fraud_suspected"])  # fmt: skip
    assert replies == [lane_message("fraud")]
    assert lane_of(stack, sender) == "fraud"
    assert tracker(stack, sender)["paused"] is True
    (received,) = payloads_for(stack, sender, expect=1)
    payload = received["payload"]
    assert payload["routing"]["kind"] == "specialist"
    assert payload["customer"]["risk_flags"] == ["fraud_suspected"]
    assert "4111" not in json.dumps(payload)


def test_not_understood_three_times_escalates(stack: Stack) -> None:
    """Messages the NLU cannot place get a rephrase prompt; a calm customer gets two of
    them, the third failure in a row reaches a person (rules/banking.yaml: bot_keeps_failing;
    a frustrated customer goes at the second). Vague messages, not off-topic ones: off-topic
    is out_of_scope, which the bot answers and which is not a failure."""
    sender = new_sender("fallback")
    # Calm and vague (frustration under 0.5): "it did the thing AGAIN" would be a customer
    # repeating themselves, which reaches a person at the second failure.
    for text in ("the thing with the stuff from before", "the stuff with the card thing"):
        assert say(stack, sender, text)
        assert tracker(stack, sender)["paused"] is False, why(stack, sender)
    assert say(stack, sender, "card money app thing") == [lane_message("general_banking")]
    assert lane_of(stack, sender) == "general_banking"
    assert tracker(stack, sender)["paused"] is True
    (received,) = payloads_for(stack, sender, expect=1)
    assert received["payload"]["why"]["rules"] == ["bot_keeps_failing"]


def test_hand_back_resumes_the_bot(stack: Stack) -> None:
    """After the agent hands back with a note, the bot answers again."""
    sender = new_sender("handback")
    say(stack, sender, "I want to talk to a human")
    assert tracker(stack, sender)["paused"] is True
    hand_back(stack.rasa, sender, "Card unblocked; customer happy.")
    state = tracker(stack, sender)
    assert state["paused"] is False
    assert state["slots"][SLOT_AGENT_NOTE] == "Card unblocked; customer happy."
    domain = YAML(typ="safe").load((RASA_PROJECT / "domain.yml").read_text())
    greeting = domain["responses"]["utter_greet"][0]["text"]
    assert say(stack, sender, "hello again") == [greeting]
    assert tracker(stack, sender)["slots"][SLOT_LANE] == "bot", why(stack, sender)


def test_report_routing_time(stack: Stack) -> None:
    """Time the routing action added per turn inside the action server (printed for the
    record; ratios and limits belong to benchmarks/)."""
    lines = (stack.work / "timings.jsonl").read_text().splitlines()
    seconds = sorted(json.loads(line)["seconds"] for line in lines)
    assert len(seconds) >= 10
    p99 = seconds[min(len(seconds) - 1, round(0.99 * (len(seconds) - 1)))]
    print(f"\nrouting action: n={len(seconds)} median={statistics.median(seconds) * 1e3:.2f} ms "
          f"p99={p99 * 1e3:.2f} ms")  # fmt: skip
