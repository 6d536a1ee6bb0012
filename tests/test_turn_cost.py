"""What issue 16's per-turn speed-ups rely on, checked directly (decisions themselves are
checked against the whole-conversation recompute in tests/test_incremental.py)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from handoff import Conversation, Router
from handoff.router import _FIXED_REASONS, _render
from handoff.signals.pii import redact
from tests.conftest import RULES

NOON = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(RULES / "banking.yaml")


@pytest.mark.parametrize("reason", sorted(_FIXED_REASONS))
def test_fixed_reasons_hold_nothing_to_redact(reason: str) -> None:
    """Decisions skip redacting these: redaction must leave them as they are."""
    assert redact(reason) == reason


def test_reasons_read_only_the_signals_they_name(router: Router) -> None:
    """Placeholders: numbers with two decimals by default, sets as sorted lists ("none" when
    empty), group signals by key, the lane and rule; an unknown name leaves the template."""
    conversation = Conversation.model_validate(
        {"turns": [{"role": "user", "text": "THIS IS USELESS!!! I want a human",
                    "intent": {"name": "report_fraud", "confidence": 0.8}}]}
    )  # fmt: skip
    decision = router.route(conversation, now=NOON)
    signals = decision.signals
    assert signals is not None
    rule = router.compiled.plan.rules[0]
    template = (
        "{rule}->{lane}: {frustration} {frustration:.3f} {cues} {entities} "
        "{intent_group_mass[fraud]:.1f} {user_turns}"
    )
    cues = ", ".join(sorted(signals.cues)) or "none"
    mass = signals.intent_group_mass.get("fraud", 0.0)
    assert _render(template, signals, rule) == (
        f"{rule.id}->{rule.lane}: {signals.frustration:.2f} {signals.frustration:.3f} {cues} "
        f"none {mass:.1f} {signals.user_turns}"
    )
    assert _render("{no_such_signal}", signals, rule) == "{no_such_signal}"
