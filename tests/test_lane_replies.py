"""Lane replies (``replies:`` in the rules): the customer's answer to a lane's offer, such as
the callback lane's 'reply "fraud"', moves them at once; designers get file:line errors."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Conversation, Router, RulesError
from handoff.models import RoutingState
from tests.conftest import RULES

YAML = """
name: replies
settings: {default_lane: bot, safe_lane: general}
lanes:
  bot: {kind: bot}
  general: {kind: human}
  callback:
    kind: callback
    message: We will call you back. Worried about fraud? Reply "fraud" and our fraud team joins.
    replies:
      %s
  fraud: {kind: specialist}
rules:
  - id: fraud
    red_line: true
    when: {intent: {in: [report_fraud]}}
    lane: fraud
    reason: Fraud.
  - id: person
    when: {intent: {in: [request_human]}}
    lane: callback
    reason: Asked for a person.
  - id: general
    when: {intent: {in: [other]}}
    lane: general
    reason: Other.
"""


def router(replies: str = "fraud: fraud") -> Router:
    return Router.from_yaml(YAML % replies, filename="replies.yaml")


def waiting_in(lane: str, text: str) -> Conversation:
    kind = {"callback": "callback", "general": "human"}[lane]
    return Conversation.model_validate(
        {
            "id": "c1",
            "turns": [
                {"role": "user", "text": "I want a person",
                 "intent": {"name": "request_human", "confidence": 0.99}},
                {"role": "bot", "text": "We will call you back."},
                {"role": "user", "text": text, "intent": {"name": "chitchat", "confidence": 0.5}},
            ],
            "state": RoutingState(lane=lane, lane_kind=kind, since_turn=1).model_dump(),
        }
    )  # fmt: skip


class TestTheEngine:
    @pytest.mark.parametrize(
        "text", ["fraud", "FRAUD!", "Fraud.", "yes fraud please", "  'fraud'  ", "fraud, please"]
    )
    def test_the_keyword_moves_the_customer_at_once(self, text: str) -> None:
        decision = router().route(waiting_in("callback", text))
        assert decision.lane == "fraud"
        assert decision.handoff
        assert [step.kind for step in decision.trace][:1] == ["red_line"]
        reply = [step for step in decision.trace if step.kind == "reply"]
        assert reply[0].lane == "fraud"
        assert "replied 'fraud'" in decision.reason
        assert decision.state.lane == "fraud"

    @pytest.mark.parametrize(
        "text",
        [
            "not fraud",
            "no, it's not fraud",
            "fraudulent",
            "is this about fraud or about my card being late again",
            "ok thanks",
        ],
    )
    def test_anything_else_stays_in_the_lane(self, text: str) -> None:
        decision = router().route(waiting_in("callback", text))
        assert decision.lane == "callback"
        assert not [step for step in decision.trace if step.kind == "reply"]

    def test_only_while_waiting_in_that_lane(self) -> None:
        decision = router().route(waiting_in("general", "fraud"))
        assert decision.lane == "general"

    def test_the_shipped_banking_rules_keep_the_callback_promise(self) -> None:
        banking = Router.from_path(RULES / "banking.yaml")
        assert banking.ruleset.lanes["callback"].replies == {"fraud": "fraud"}
        conversation = waiting_in("callback", "fraud").model_copy(
            update={"state": RoutingState(lane="callback", lane_kind="callback", since_turn=1)}
        )
        sunday_night = datetime(2026, 11, 29, 23, 0, tzinfo=timezone.utc)
        assert banking.route(conversation, now=sunday_night).lane == "fraud"


class TestValidation:
    @pytest.mark.parametrize(
        ("replies", "words"),
        [
            ("fraud: fraudd", "reply lane 'fraudd' is not a lane"),
            ("scam: fraud", "reply keyword 'scam' does not appear in the message of lane"),
            ("fraud: bot", "goes to bot lane 'bot'"),
            ("fraud: callback", "goes to lane 'callback' itself"),
            ("'!!': fraud", "has no letters or digits"),
        ],
    )
    def test_a_bad_reply_is_located(self, replies: str, words: str) -> None:
        with pytest.raises(RulesError) as caught:
            router(replies)
        text = str(caught.value)
        assert words in text
        assert "replies.yaml:11:7:" in text
        assert "lanes.callback.replies" in text

    def test_a_misspelled_lane_gets_a_suggestion(self) -> None:
        with pytest.raises(RulesError, match="did you mean 'fraud'"):
            router("fraud: frawd")
