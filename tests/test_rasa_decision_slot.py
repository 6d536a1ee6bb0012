"""The action's ``handoff_decision`` slot on every routed turn, and the effort question (CES):
a bare 1-7 answer is recorded and thanked without routing, anything else is a decline that
is routed as usual, and an answered turn never counts as the bot failing later."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from rasa_sdk.executor import ActionExecutor

from handoff import Router
from handoff.adapters.rasa import (
    SLOT_CES,
    SLOT_DECISION,
    SLOT_STATE,
    handback_events,
    route_tracker,
    tracker_to_conversation,
)
from handoff.outcomes import ces
from handoff.payload import pseudonymise
from tests.conftest import RULES
from tests.test_rasa_adapter import action, bot_event, tracker_from, user_event

KEY = b"test pseudonym key"
KEYS = {
    "v", "lane", "lane_kind", "handoff", "rule", "version", "experiment", "arm", "customer",
    "asked_person", "shadow", "ces",
}  # fmt: skip


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(RULES / "banking.yaml", pseudonym_key=KEY)


def slot(events: list[Any], name: str) -> Any:
    [value] = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == name]
    return value


def asked(seconds_ago: float = 5.0) -> dict[str, Any]:
    return {SLOT_CES: ces.pending_marker(time.time() - seconds_ago, "resolve")}


def handed_back(router: Router) -> list[dict[str, Any]]:
    """A conversation handed to a person and back: the tracker's events up to the resume."""
    events = [user_event("I want to talk to a human", "request_human"), {"event": "pause"}]
    conversation = tracker_to_conversation(tracker_from(events))
    return events + handback_events(conversation, "", lane="bot")


class TestDecisionSlot:
    def test_every_routed_turn_records_its_decision(self, router: Router) -> None:
        """A bot-kept turn and a handoff both set the slot, with the contract's keys."""
        kept = route_tracker(router, tracker_from([user_event("hello", "greet")]))
        value = slot(kept.events, SLOT_DECISION)
        assert set(value) == KEYS
        assert value["v"] == 1
        assert (value["lane"], value["lane_kind"], value["handoff"]) == ("bot", "bot", False)
        assert value["version"] == router.version
        assert (value["asked_person"], value["ces"], value["shadow"]) == (False, None, None)
        handed = route_tracker(
            router, tracker_from([user_event("I want to talk to a human", "request_human")])
        )
        value = slot(handed.events, SLOT_DECISION)
        assert value["handoff"] is True
        assert value["lane"] == handed.decision.lane
        assert value["rule"] is not None
        assert value["rule"] == handed.decision.rule_id
        assert value["asked_person"] is True
        json.dumps(value, allow_nan=False)  # what Rasa stores

    def test_customer_is_the_payloads_pseudonym(self, router: Router) -> None:
        """The account's customer id appears only as the payload shows it (PII pseudonymised)."""
        meta = {"customer_id": "jane.doe@example.com"}
        result = route_tracker(router, tracker_from([user_event("hi", "greet", metadata=meta)]))
        customer = slot(result.events, SLOT_DECISION)["customer"]
        assert customer == pseudonymise("jane.doe@example.com", KEY)
        assert "jane" not in customer
        anonymous = route_tracker(router, tracker_from([user_event("hi", "greet")]))
        assert slot(anonymous.events, SLOT_DECISION)["customer"] is None

    def test_events_are_valid_rasa_events(self, router: Router) -> None:
        """rasa-sdk's own validator accepts the routed turn's and the answer's events."""
        routed = route_tracker(router, tracker_from([user_event("hello", "greet")]))
        answer = route_tracker(
            router, tracker_from([*handed_back(router), user_event("6", "nlu_fallback")],
                                 slots=asked())
        )  # fmt: skip
        for result in (routed, answer):
            assert ActionExecutor.validate_events(result.events, "action_handoff_route")


class TestEffortQuestion:
    def test_a_bare_score_is_recorded_and_thanked_not_routed(self, router: Router) -> None:
        """A "6 out of 7" after the question: the score in the slot, the question cleared, a
        thank-you, and action_listen next so neither the rule's answer nor a fallback runs."""
        events = [*handed_back(router), user_event("6 out of 7", "nlu_fallback", 0.2)]
        result = route_tracker(router, tracker_from(events, slots=asked()))
        assert result.ces == {"score": 6}
        assert result.message == ces.THANKS
        assert slot(result.events, SLOT_CES) is None
        value = slot(result.events, SLOT_DECISION)
        assert value["ces"] == {"score": 6}
        assert (value["lane"], value["handoff"], value["rule"]) == ("bot", False, None)
        assert result.events[-1] == {"event": "followup", "name": "action_listen",
                                     "timestamp": None}  # fmt: skip
        assert not result.decision.handoff
        assert all(e.get("event") != "pause" for e in result.events)

    def test_anything_else_is_a_decline_routed_as_usual(self, router: Router) -> None:
        """A real message while the question waits: declined, and routed like any turn."""
        events = [*handed_back(router), user_event("my card hasn't arrived", "card_arrival")]
        result = route_tracker(router, tracker_from(events, slots=asked()))
        assert result.ces == {"declined": True}
        assert slot(result.events, SLOT_DECISION)["ces"] == {"declined": True}
        assert slot(result.events, SLOT_CES) is None
        assert all(e.get("event") != "followup" for e in result.events)
        usual = route_tracker(router, tracker_from(events))
        assert (result.decision.lane, result.message) == (usual.decision.lane, usual.message)

    def test_a_red_line_while_the_question_waits_still_hands_off(self, router: Router) -> None:
        """The question never swallows a request: a fraud report is declined and routed."""
        text = "someone stole my card and took money"
        events = [*handed_back(router), user_event(text, "lost_or_stolen_card")]
        result = route_tracker(router, tracker_from(events, slots=asked()))
        assert result.ces == {"declined": True}
        assert result.decision.handoff

    @pytest.mark.parametrize(
        "marker",
        [
            None,
            "6",
            {"v": 1},
            {"v": 1, "asked_at": "yesterday"},
            {"v": 2, "asked_at": time.time()},
            {"v": 1, "asked_at": time.time() - ces.ANSWER_SECONDS - 60},  # too long ago
            {"v": 1, "asked_at": time.time() + 3600},  # from the future
        ],
    )
    def test_no_question_waiting(self, router: Router, marker: Any) -> None:
        """Without a valid, recent marker a "6" is an ordinary turn and nothing is recorded."""
        events = [*handed_back(router), user_event("6", "nlu_fallback", 0.2)]
        result = route_tracker(router, tracker_from(events, slots={SLOT_CES: marker}))
        assert result.ces is None
        assert slot(result.events, SLOT_DECISION)["ces"] is None
        assert all(e.get("name") != SLOT_CES for e in result.events)

    def test_an_answered_turn_never_counts_as_the_bot_failing(self, router: Router) -> None:
        """The answer (nlu_fallback) is left out of later turns: one real fallback after it is
        the first in a row, not the second (which would bring in a person)."""
        events = [*handed_back(router), user_event("6", "nlu_fallback", 0.2)]
        answered = route_tracker(router, tracker_from(events, slots=asked()))
        state = slot(handed_back(router), SLOT_STATE)
        later = [
            *events,
            action("action_handoff_route"),
            bot_event(ces.THANKS),
            *[dict(e) for e in answered.events if e.get("event") == "slot"],
            action("action_listen"),
            user_event("qwzx plork", "nlu_fallback", 0.1),
        ]
        conversation = tracker_to_conversation(tracker_from(later, slots={SLOT_STATE: state}))
        assert [t.text for t in conversation.user_turns] == [
            "I want to talk to a human",
            "qwzx plork",
        ]
        signals = router.signals(conversation)
        assert (signals.consecutive_fallbacks, signals.total_fallbacks) == (1, 1)
