"""The payload carries no PII in identifiers or metadata-derived fields (issue 9): a phone-number
sender id becomes a stable keyed pseudonym, the customer's name is not copied, and every string
that comes from the conversation, the channel or a history source is redacted."""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any

import pytest

from handoff import Conversation, Router
from handoff.history import InMemoryHistory
from handoff.models.payload import ContextPayload, PreviousInteraction
from handoff.payload import DEFAULT_PSEUDONYM_KEY, PSEUDONYM_KEY_ENV, pseudonymise
from tests.conftest import RULES

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
PHONE = "+447700900123"
EMAIL = "jane.doe@example.com"
CARD = "4111 1111 1111 1111"
IBAN = "GB82 WEST 1234 5698 7654 32"
SSN = "123-45-6789"
SECRETS = (PHONE, EMAIL, CARD, IBAN, SSN, "Jane Doe")


def _squash(text: str) -> str:
    return re.sub(r"[\s\-.()+]", "", text).lower()


def _payload(
    router: Router,
    sender: str = f"whatsapp:{PHONE}",
    *,
    customer_id: str | None = "c-1",
    **extra: Any,
) -> ContextPayload:
    conversation = Conversation.model_validate({
        "id": sender,
        "turns": [{"role": "user", "text": "a person please",
                   "intent": {"name": "request_human", "confidence": 0.99}}],
        "account": {"customer_id": customer_id, "name": "Jane Doe"},
        **extra,
    })  # fmt: skip
    decision = router.route(conversation, now=NOW)
    assert decision.handoff
    return router.payload(conversation, decision, now=NOW)


def _strings(value: object) -> list[str]:
    """Every string (keys included) anywhere in a JSON document."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _leaks(payload: ContextPayload) -> list[str]:
    text = _squash(" ".join(_strings(json.loads(payload.model_dump_json()))))
    return [s for s in SECRETS if _squash(s) in text]


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(RULES / "default.yaml", pseudonym_key=b"test secret key")


class TestConversationId:
    def test_phone_sender_id_becomes_a_pseudonym(self, router: Router) -> None:
        """The channel prefix stays; the number is replaced by phone-<20 hex digits>."""
        payload = _payload(router)
        assert re.fullmatch(r"whatsapp:phone-[0-9a-f]{20}", payload.conversation_id)
        assert "7700900123" not in payload.model_dump_json()

    def test_pseudonym_is_stable_across_routers_and_formats(self, router: Router) -> None:
        """Two servers with the same key give the same pseudonym, whatever the spacing."""
        other = Router.from_path(RULES / "default.yaml", pseudonym_key="test secret key")
        first = _payload(router).conversation_id
        assert _payload(other).conversation_id == first
        assert _payload(router, "whatsapp:+44 7700 900123").conversation_id == first

    def test_pseudonym_depends_on_key_and_number(self, router: Router) -> None:
        """Another key or another number gives another pseudonym."""
        first = _payload(router).conversation_id
        other_key = Router.from_path(RULES / "default.yaml", pseudonym_key=b"another key")
        assert _payload(other_key).conversation_id != first
        assert _payload(router, "whatsapp:+447700900124").conversation_id != first

    def test_key_from_environment(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without an explicit key the router reads HANDOFF_PSEUDONYM_KEY."""
        monkeypatch.setenv(PSEUDONYM_KEY_ENV, "test secret key")
        from_env = Router.from_path(RULES / "default.yaml")
        explicit = Router.from_path(RULES / "default.yaml", pseudonym_key=b"test secret key")
        assert _payload(from_env).conversation_id == _payload(explicit).conversation_id

    def test_default_key_is_documented_and_used(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With no key anywhere the public default is used (and ids are still not readable)."""
        monkeypatch.delenv(PSEUDONYM_KEY_ENV, raising=False)
        payload = _payload(Router.from_path(RULES / "default.yaml"))
        expected = pseudonymise(f"whatsapp:{PHONE}", DEFAULT_PSEUDONYM_KEY)
        assert payload.conversation_id == expected
        assert "7700900123" not in expected

    def test_reload_keeps_the_key(self, router: Router) -> None:
        """A reloaded router pseudonymises exactly as before."""
        reloaded = router.reload(RULES / "default.yaml")
        assert _payload(reloaded).conversation_id == _payload(router).conversation_id

    def test_empty_key_is_refused(self) -> None:
        """An empty key would be a silent default: it is an error."""
        with pytest.raises(ValueError, match="must not be empty"):
            Router.from_path(RULES / "default.yaml", pseudonym_key=b"")

    @pytest.mark.parametrize(
        "sender", ["conversation", "5f8e2c1a-1b2c-4d5e-8f90-123456789012", "telegram:chat-42"]
    )
    def test_id_without_pii_is_kept(self, router: Router, sender: str) -> None:
        """Ids that hold no PII reach the desktop unchanged."""
        assert _payload(router, sender).conversation_id == sender

    @pytest.mark.parametrize(
        ("sender", "kind"),
        [(EMAIL, "email"), ("whatsapp:447700900123", "phone"), (f"sms:{PHONE}", "phone")],
    )
    def test_other_pii_ids(self, router: Router, sender: str, kind: str) -> None:
        """Email sender ids and prefixed numbers without "+" are pseudonymised too."""
        conversation_id = _payload(router, sender).conversation_id
        assert f"{kind}-" in conversation_id
        assert not _leaks(_payload(router, sender))

    def test_lone_surrogate_in_sender_id(self, router: Router) -> None:
        """A lone surrogate (valid JSON) does not break pseudonymising."""
        assert pseudonymise(f"\ud800{PHONE}", b"k").startswith("\ud800phone-")


class TestCustomer:
    def test_name_is_not_copied(self, router: Router) -> None:
        """customer.name from metadata never reaches the payload."""
        payload = _payload(router)
        assert payload.customer.name is None
        assert "Jane Doe" not in payload.model_dump_json()

    def test_customer_id_with_pii_is_pseudonymised(self, router: Router) -> None:
        """A customer id that is an email address becomes email-<hash>, stable per key."""
        payload = _payload(router, customer_id=EMAIL)
        assert re.fullmatch(r"email-[0-9a-f]{20}", payload.customer.customer_id or "")
        assert _payload(router, customer_id=EMAIL).customer == payload.customer

    def test_plain_customer_id_is_kept(self, router: Router) -> None:
        """An opaque customer id stays as it is, so the desktop can look the customer up."""
        assert _payload(router, customer_id="c-1").customer.customer_id == "c-1"


def test_every_string_field_is_redacted() -> None:
    """PII planted in every field that comes from outside the rules file is gone."""
    secret = f"{PHONE} {EMAIL} {CARD} {IBAN} {SSN}"
    history = InMemoryHistory([(
        EMAIL,
        PreviousInteraction(when=NOW, channel=f"sms:{PHONE}", summary=f"called about {secret}",
                            outcome=f"refunded to {IBAN}", lane=f"lane {SSN}"),
    )])  # fmt: skip
    router = Router.from_path(RULES / "default.yaml", history=history, pseudonym_key=b"k")
    conversation = Conversation.model_validate({
        "id": f"whatsapp:{PHONE}",
        "channel": f"whatsapp {PHONE}",
        "turns": [
            {"role": "user", "text": f"I am {secret}",
             "intent": {"name": f"intent {EMAIL}", "confidence": 0.2},
             "intent_ranking": [{"name": f"alt {CARD}", "confidence": 0.1}],
             "entities": [{"entity": f"e {SSN}", "value": secret}]},
            {"role": "bot", "text": f"you said {secret}", "action": f"utter {EMAIL}"},
            {"role": "user", "text": f"human please, {secret}",
             "intent": {"name": "request_human", "confidence": 0.99},
             "entities": [{"entity": "contact", "value": secret}]},
        ],
        "account": {"customer_id": EMAIL, "name": "Jane Doe", "tier": f"gold {PHONE}",
                    "risk_flags": [f"flag {CARD}"]},
    })  # fmt: skip
    decision = router.route(conversation, now=NOW)
    payload = router.payload(conversation, decision, now=NOW)
    assert payload.previous_interactions  # the history was used
    assert _leaks(payload) == []
    # The safe decision's reason (routing failed) goes through redaction as well.
    failed = router.safe_decision(conversation, ValueError(f"bad input {secret}"))
    failed = failed.model_copy(update={"reason": f"{failed.reason} {secret}"})
    assert _leaks(router.payload(conversation, failed, now=NOW)) == []
