"""No PII reaches the agent: every PII value of the corpus is gone from the payload JSON,
whether it came in the transcript, entity values, cue evidence or the decision's reason."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from handoff import Conversation, Router
from tests.conftest import DATA, RULES

CORPUS = (DATA / "pii" / "pii_corpus.txt").read_text(encoding="utf-8").splitlines()
VALUES = [v for v in (DATA / "pii" / "pii_values.txt").read_text().splitlines() if v.strip()]
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)


def _squash(text: str) -> str:
    return re.sub(r"[\s\-.()]", "", text).lower()


def test_no_corpus_value_survives_in_payloads() -> None:
    """The whole corpus as one conversation, shown in full to the agent, leaks nothing."""
    rules = (
        (RULES / "default.yaml")
        .read_text()
        .replace("transcript_turns: 10", "transcript_turns: 1000")
    )
    router = Router.from_yaml(rules)
    turns = []
    for line in CORPUS:
        turns.append({"role": "user", "text": line,
                      "intent": {"name": "request_human", "confidence": 0.99},
                      "entities": [{"entity": "contact", "value": line}]})  # fmt: skip
        turns.append({"role": "bot", "text": f"You said: {line}", "action": "utter_echo"})
    conversation = Conversation.model_validate(
        {"id": "pii", "turns": turns[:-1], "account": {"customer_id": "c-1"}}
    )
    decision = router.route(conversation, now=NOW)
    assert decision.handoff
    payload = router.payload(conversation, decision, now=NOW)
    assert len(payload.transcript) == len(turns) - 1
    text = _squash(payload.model_dump_json())
    for value in VALUES:
        assert _squash(value) not in text, value


def test_transcript_of_every_line_is_redacted() -> None:
    """Each corpus line, as the only message, leaves no PII in the payload."""
    router = Router.from_path(RULES / "default.yaml")
    for line in CORPUS:
        conversation = Conversation.model_validate({
            "turns": [{"role": "user", "text": line,
                       "intent": {"name": "request_human", "confidence": 0.99},
                       "entities": [{"entity": "value", "value": line}]}],
        })  # fmt: skip
        decision = router.route(conversation, now=NOW)
        dumped = _squash(router.payload(conversation, decision, now=NOW).model_dump_json())
        leaked = [v for v in VALUES if _squash(v) in dumped]
        assert not leaked, (line, leaked)
