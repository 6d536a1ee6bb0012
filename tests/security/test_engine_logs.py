"""The engine's own log lines carry no customer data: when routing, the history source or a
payload's signals fail, the log names the error's type and place, never the conversation id,
the customer id or the exception's message (which quotes its input)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import pytest

from handoff import Conversation, Router
from handoff.errors import describe_error
from handoff.models.payload import PreviousInteraction
from tests.conftest import RULES

SECRET_ID = "whatsapp:+447700900123"
CUSTOMER = "cust-4111111111111111"


class LeakyHistory:
    """A history source whose error message quotes the customer id, as real ones do."""

    def previous_interactions(self, customer_id: str, limit: int) -> Sequence[PreviousInteraction]:
        raise ConnectionError(f"lookup of {customer_id} failed")


def conversation() -> Conversation:
    return Conversation.model_validate(
        {"id": SECRET_ID, "account": {"customer_id": CUSTOMER},
         "turns": [{"role": "user", "text": "I want a human, my email is jo@example.com",
                    "intent": {"name": "request_human", "confidence": 0.97}}]}
    )  # fmt: skip


def test_history_failure_logs_no_ids(caplog: pytest.LogCaptureFixture) -> None:
    router = Router.from_path(RULES / "default.yaml", history=LeakyHistory())
    chat = conversation()
    caplog.set_level(logging.DEBUG)
    payload = router.payload(chat, router.route(chat))
    assert payload.previous_interactions == ()
    assert any("history source failed" in r.getMessage() for r in caplog.records)
    assert "ConnectionError" in caplog.text
    for secret in (SECRET_ID, "447700900123", CUSTOMER, "jo@example.com"):
        assert secret not in caplog.text


def test_routing_failure_logs_no_ids(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    router = Router.from_path(RULES / "default.yaml")

    def broken(chat: Conversation) -> None:  # an injected fault whose message quotes input
        raise ValueError(f"cannot analyse {chat.id}: {chat.turns[0].text}")

    monkeypatch.setattr(router, "signals", broken)
    caplog.set_level(logging.DEBUG)
    decision = router.route(conversation())
    assert decision.lane == router.ruleset.settings.safe_lane
    assert "ValueError" in caplog.text
    for secret in (SECRET_ID, "447700900123", "jo@example.com", "cannot analyse"):
        assert secret not in caplog.text
    assert all(record.exc_info is None for record in caplog.records)  # no traceback text


def test_describe_error_names_type_and_place_only(tmp_path: Path) -> None:
    try:
        raise KeyError("card 4111 1111 1111 1111")
    except KeyError as error:
        text = describe_error(error)
    assert text.startswith("KeyError at test_engine_logs.py:")
    assert "4111" not in text
    assert describe_error(RuntimeError("x")) == "RuntimeError"
