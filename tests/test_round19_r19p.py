"""Round 19 (r19p): a handoff turn's explanation and payload, built without validating again,
are what validating them gives (values and types), on real handoff turns."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Conversation, Router
from handoff.models.decision import FiredRule
from handoff.models.payload import ContextPayload
from tests.conftest import ROOT
from tests.test_incremental import _valid

NOON = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(ROOT / "rules" / "default.yaml", pseudonym_key=b"r19p")


def _conversation(last: str, intent: str) -> Conversation:
    turns: list[dict[str, object]] = []
    for n, text in enumerate(
        ["where is my parcel 4410", "can I change the delivery day", "ok what about friday"]
    ):
        turns.append({"role": "user", "text": text, "intent": {"name": "faq", "confidence": 0.8}})
        turns.append({"role": "bot", "text": f"Answer {n}.", "action": "utter_answer"})
    turns.append({"role": "user", "text": last, "intent": {"name": intent, "confidence": 0.9}})
    return Conversation.model_validate(
        {"id": "r19p", "turns": turns, "account": {"customer_id": "c-19"}}
    )


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("this is useless, I want to talk to a real person now", "request_human"),
        ("third time asking, get me an agent please, call me on 07700 900123", "request_human"),
    ],
)
def test_a_handoff_turns_fired_rule_and_payload_are_valid(
    router: Router, text: str, intent: str
) -> None:
    conversation = _conversation(text, intent)
    decision = router.route(conversation, now=NOON)
    assert decision.handoff, decision.reason
    assert decision.fired
    assert all(type(f) is FiredRule and _valid(f) for f in decision.fired)
    assert type(decision.fired[0].checks) is tuple
    payload = router.payload(conversation, decision, now=NOON)
    assert type(payload) is ContextPayload
    assert _valid(payload)
    assert type(payload.transcript) is tuple
    assert type(payload.sentiment.per_turn) is tuple
    assert type(payload.cues) is tuple
    assert "07700 900123" not in payload.model_dump_json()  # the new line is still redacted


def test_a_calm_turn_stays_with_the_bot(router: Router) -> None:
    decision = router.route(_conversation("thanks, and do you ship to ireland", "faq"), now=NOON)
    assert not decision.handoff
    assert decision.fired == ()
