"""The Rasa adapter: trackers (real captured ones included) become conversations, decisions
become Rasa events, and the real rasa-sdk action server routes a real Rasa request."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import ActionExecutor

from handoff import Router
from handoff.adapters.rasa import (
    SLOT_LANE,
    SLOT_STATE,
    decision_events,
    handback_events,
    route_tracker,
    tracker_to_conversation,
)
from tests.conftest import DATA, ROOT, RULES, always_open_rules, free_port, wait_for

CAPTURED = json.loads((DATA / "rasa" / "captured_action_request_rasa3.6.21.json").read_text())


def captured_tracker() -> dict[str, Any]:
    return copy.deepcopy(CAPTURED["tracker"])


def user_event(text: str, intent: str, confidence: float = 0.95, **extra: Any) -> dict[str, Any]:
    parse = {"intent": {"name": intent, "confidence": confidence}, "entities": [], "text": text,
             "intent_ranking": [{"name": intent, "confidence": confidence}], **extra}  # fmt: skip
    return {"event": "user", "text": text, "parse_data": parse, "input_channel": "rest"}


def action(name: str) -> dict[str, Any]:
    return {"event": "action", "name": name}


def bot_event(text: str) -> dict[str, Any]:
    return {"event": "bot", "text": text}


def tracker_from(events: list[dict[str, Any]], **extra: Any) -> Tracker:
    latest = next(e["parse_data"] | {"text": e["text"]} for e in reversed(events)
                  if e["event"] == "user")  # fmt: skip
    return Tracker.from_dict(
        {"sender_id": "s1", "slots": extra.pop("slots", {}), "latest_message": latest,
         "events": events, "paused": False, "latest_input_channel": "rest",
         "active_loop": {}, "latest_action_name": "action_listen", **extra}
    )  # fmt: skip


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(RULES / "default.yaml")


class TestTrackerToConversation:
    def test_captured_rasa_request(self) -> None:
        """The real Rasa 3.6.21 request reads as two user turns and one bot turn."""
        conversation = tracker_to_conversation(Tracker.from_dict(captured_tracker()))
        assert conversation.id == "probe-user-1"
        assert conversation.channel == "rest"
        assert [t.role for t in conversation.turns] == ["user", "bot", "user"]
        assert conversation.turns[1].action == "utter_greet"
        latest = conversation.turns[-1]
        assert latest.text == "I want to talk to a human"
        assert latest.intent is not None
        assert latest.intent.name == "request_human"
        assert [i.name for i in latest.intent_ranking][:2] == ["request_human", "greet"]

    def test_fallback_action_marks_the_bot_turn(self, router: Router) -> None:
        """action_default_fallback's utterance counts as a failure, reverted or not."""
        events = [
            user_event("asdf qwe", "nlu_fallback", 0.3), action("action_handoff_route"),
            action("action_default_fallback"), bot_event("Sorry, I didn't get that."),
            {"event": "user_utterance_reverted"},
            user_event("zxcv mnb", "nlu_fallback", 0.2),
        ]  # fmt: skip
        conversation = tracker_to_conversation(tracker_from(events))
        assert conversation.turns[1].action == "action_default_fallback"
        signals = router.signals(conversation)
        assert (signals.consecutive_fallbacks, signals.total_fallbacks) == (2, 2)

    def test_account_from_metadata_then_slots(self) -> None:
        """Message metadata wins over slots for customer id, tier and risk flags."""
        events = [user_event("hi", "greet", metadata={"customer_id": "c-9", "tier": "gold"})]
        tracker = tracker_from(events, slots={"risk_flags": ["vulnerable"], "account_tier": "x"})
        account = tracker_to_conversation(tracker).account
        assert (account.customer_id, account.tier) == ("c-9", "gold")
        assert account.risk_flags == frozenset({"vulnerable"})

    def test_account_from_session_start_metadata(self) -> None:
        """Account data sent only with the session's first message is still used."""
        tracker = tracker_from(
            [user_event("hi", "greet")],
            slots={"session_started_metadata": {"customer_id": "c-1", "risk_flags": ["vip"]}},
        )
        account = tracker_to_conversation(tracker).account
        assert (account.customer_id, account.risk_flags) == ("c-1", frozenset({"vip"}))

    def test_state_from_slot(self) -> None:
        """The routing state comes back from the handoff_state slot."""
        state = {"lane": "bot", "lane_kind": "bot", "pending": {"mood_sliding": 1}}
        conversation = tracker_to_conversation(
            tracker_from([user_event("hi", "greet")], slots={SLOT_STATE: state})
        )
        assert conversation.state.pending == {"mood_sliding": 1}

    def test_unknown_resume_counts_as_handback(self) -> None:
        """A resume the state does not know about is a hand-back: the cool-down starts."""
        events = [
            user_event("human please", "request_human"), {"event": "pause"},
            user_event("thanks for the help", "thank_you"), {"event": "resume"},
            user_event("one more thing", "chitchat"),
        ]  # fmt: skip
        state = {"lane": "general_support", "lane_kind": "human"}
        conversation = tracker_to_conversation(tracker_from(events, slots={SLOT_STATE: state}))
        assert conversation.state.handback_turn == 2
        assert conversation.state.lane is None

    def test_only_the_current_session(self) -> None:
        """Events before the last session_started belong to an earlier conversation."""
        events = [user_event("old", "greet"), {"event": "session_started"},
                  user_event("new", "greet")]  # fmt: skip
        turns = tracker_to_conversation(tracker_from(events)).turns
        assert [t.text for t in turns] == ["new"]


class TestRouteTracker:
    def test_human_request_pauses(self, router: Router) -> None:
        """The captured request routes to a human lane: slots, a pause, a message, a payload."""
        delivered = []
        result = route_tracker(
            router, Tracker.from_dict(captured_tracker()),
            deliver=lambda payload, decision: delivered.append(payload),
        )  # fmt: skip
        assert result.decision.handoff
        names = [e["event"] for e in result.events]
        assert names[-1] == "pause"
        assert {"name": SLOT_LANE, "value": result.decision.lane} in [
            {"name": e.get("name"), "value": e.get("value")} for e in result.events
        ]
        assert result.message
        assert len(delivered) == 1
        assert delivered[0].conversation_id == "probe-user-1"

    def test_bot_lane_does_not_disturb(self, router: Router) -> None:
        """A greeting stays with the bot: only the non-influencing handoff slots are set."""
        result = route_tracker(router, tracker_from([user_event("hello", "greet")]))
        assert not result.decision.handoff
        assert {e["event"] for e in result.events} == {"slot"}
        assert result.message is None

    def test_unreadable_tracker_goes_to_safe_lane(self, router: Router) -> None:
        """A tracker that cannot be read still reaches a person (the safe lane)."""
        tracker = tracker_from([user_event("hello", "greet")])
        tracker.events = None  # type: ignore[assignment]
        tracker.latest_message = "not a dict"  # type: ignore[assignment]
        result = route_tracker(router, tracker)
        assert result.decision.lane == router.ruleset.settings.safe_lane
        assert result.decision.error is not None
        assert [e["event"] for e in result.events][-1] == "pause"

    def test_handback_then_cooldown(self, router: Router) -> None:
        """After a hand-back, medium rules are silent for the cool-down turns (the messages
        are upset, not intensely angry: that rule is high severity and is never silenced)."""
        events = [user_event("I want a human", "request_human"), {"event": "pause"}]
        conversation = tracker_to_conversation(tracker_from(events))
        back = handback_events(conversation, "Refund issued, ref 123.", lane="bot")
        assert [e["event"] for e in back] == ["slot", "slot", "slot", "action", "resume"]
        state = back[2]["value"]
        assert state["handback_turn"] == 1
        upset = [
            user_event("I'm really disappointed, this is awful service", "complain"),
            bot_event("Sorry."),
            user_event("terrible, I'm not happy with this at all", "complain"),
        ]
        after = tracker_from(events + back + upset, slots={SLOT_STATE: state})
        decision = route_tracker(router, after).decision
        assert decision.lane == "bot"
        assert decision.anti_flapping.action == "cooldown_suppressed"


def test_decision_events_are_valid_rasa_events(router: Router) -> None:
    """rasa-sdk's own validator accepts the events we return."""
    decision = route_tracker(router, Tracker.from_dict(captured_tracker())).decision
    assert ActionExecutor.validate_events(decision_events(decision), "action_handoff_route")


# --------------------------------------------------------------------------- the real server


@pytest.fixture(scope="module")
def action_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Our action server, as a bot developer runs it: python -m rasa_sdk --actions ..."""
    work = tmp_path_factory.mktemp("actions")
    port = free_port()
    env = os.environ | {
        "HANDOFF_RULES": str(always_open_rules(RULES / "default.yaml", work / "rules.yaml")),
        "HANDOFF_OUTBOX_URL": f"sqlite:///{work / 'outbox.db'}",
        "HANDOFF_JSONL_PATH": str(work / "payloads.jsonl"),
        "HANDOFF_TIMINGS_PATH": str(work / "timings.jsonl"),
    }
    log_path = work / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "rasa_sdk", "--actions", "handoff.adapters.rasa_actions",
         "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/health", 60, log_path, process)
        yield url, work
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_real_action_server_routes_captured_request(action_server: tuple[str, Path]) -> None:
    """POST the real Rasa 3.6.21 request to /webhook: pause, lane slots, message, payload."""
    url, work = action_server
    request = copy.deepcopy(CAPTURED) | {"next_action": "action_handoff_route"}
    response = httpx.post(f"{url}/webhook", json=request, timeout=30)
    assert response.status_code == 200, response.text
    body = response.json()
    events = body["events"]
    assert events[-1]["event"] == "pause"
    lane = next(e["value"] for e in events if e.get("name") == SLOT_LANE)
    assert lane == "general_support"
    assert body["responses"][0]["text"].startswith("I'm bringing in a member of our support")
    deadline = time.monotonic() + 20
    payloads = work / "payloads.jsonl"
    while time.monotonic() < deadline and not (payloads.exists() and payloads.read_text()):
        time.sleep(0.2)
    lines = [json.loads(line) for line in payloads.read_text().splitlines()]
    assert len(lines) == 1
    assert lines[0]["payload"]["conversation_id"] == "probe-user-1"
    assert lines[0]["idempotency_key"]
    timings = [json.loads(x) for x in (work / "timings.jsonl").read_text().splitlines()]
    assert timings[-1]["lane"] == "general_support"
    assert timings[-1]["seconds"] > 0


def test_latest_message_is_not_replayed_after_a_handback() -> None:
    """After a pause and resume, Rasa still holds the old latest_message; it is not a turn."""
    events = [user_event("I want to talk to a human", "request_human"),
              action("action_handoff_route"), bot_event("Connecting you."), {"event": "pause"},
              {"event": "resume"}]  # fmt: skip
    conversation = tracker_to_conversation(tracker_from(events))
    assert [t.role for t in conversation.turns] == ["user", "bot"]
    assert handback_events(conversation, "done")[2]["value"]["handback_turn"] == 1
    assert handback_events(conversation, "done")[-2:] == [
        {"event": "action", "name": "action_listen"},
        {"event": "resume"},
    ]
