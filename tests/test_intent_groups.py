"""Intent groups: rules weigh the NLU's whole ranking, not only its top intent."""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff import Router, RulesError
from handoff.graph.conditions import explain
from handoff.graph.plan import to_vector
from handoff.models.conversation import Conversation
from handoff.models.signals import UNRANKED, Signals
from handoff.rules.loader import load_rules, parse_rules_text
from tests.conftest import ROOT

RULES = """\
settings:
  default_lane: bot
  safe_lane: people
  intent_groups:
    fraud: [compromised_card, card_payment_not_recognised]
    chat: [greeting, tell_joke]
lanes:
  bot: {kind: bot}
  people: {kind: human}
  fraud_team: {kind: specialist}
rules:
  - id: fraud_mass
    when:
      intent_group_mass: {group: fraud, gte: 0.5}
    lane: fraud_team
    reason: "fraud weighs {intent_group_mass[fraud]:.2f}"
  - id: fraud_in_top_two
    when:
      intent_group_rank: {group: fraud, lte: 2}
      intent_confidence: {lt: 0.5}
    lane: people
    reason: fraud is ranked {intent_group_rank[fraud]}
"""


def _conversation(top: tuple[str, float] | None, *ranking: tuple[str, float]) -> Conversation:
    turn: dict[str, Any] = {"role": "user", "text": "help"}
    if top is not None:
        turn["intent"] = {"name": top[0], "confidence": top[1]}
    turn["intent_ranking"] = [{"name": n, "confidence": c} for n, c in ranking]
    return Conversation.model_validate({"turns": [turn]})


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_yaml(RULES)


class TestSignals:
    def test_split_probability_adds_up(self, router: Router) -> None:
        """Two fraud intents under any threshold each weigh enough together."""
        conversation = _conversation(
            ("nlu_fallback", 0.4),
            ("nlu_fallback", 0.4),
            ("compromised_card", 0.3),
            ("card_payment_not_recognised", 0.25),
        )
        signals = router.signals(conversation)
        assert signals.intent_group_mass["fraud"] == pytest.approx(0.55)
        assert signals.intent_group_rank == {"fraud": 2, "chat": UNRANKED}
        decision = router.route(conversation)
        assert decision.rule_id == "fraud_mass"
        assert decision.reason == "fraud weighs 0.55"

    def test_top_intent_missing_from_ranking_counts(self, router: Router) -> None:
        """A ranking that leaves out the top intent still counts it, once."""
        signals = router.signals(_conversation(("compromised_card", 0.6), ("greeting", 0.2)))
        assert signals.intent_group_mass == {"fraud": 0.6, "chat": 0.2}
        assert signals.intent_group_rank == {"fraud": 1, "chat": 2}
        twice = router.signals(_conversation(("compromised_card", 0.6), ("compromised_card", 0.6)))
        assert twice.intent_group_mass["fraud"] == 0.6

    def test_no_intent_weighs_nothing(self, router: Router) -> None:
        """No NLU at all: every group weighs 0 and is unranked, and no group rule fires."""
        signals = router.signals(_conversation(None))
        assert signals.intent_group_mass == {"fraud": 0.0, "chat": 0.0}
        assert signals.intent_group_rank == {"fraud": UNRANKED, "chat": UNRANKED}
        assert router.route(_conversation(None)).lane == "bot"

    def test_rank_rule(self, router: Router) -> None:
        """A fraud intent second in an unsure ranking: the top-k rule fires, the mass rule not."""
        conversation = _conversation(("card_arrival", 0.45), ("compromised_card", 0.3))
        assert router.route(conversation).rule_id == "fraud_in_top_two"
        assert router.route(conversation).reason == "fraud is ranked 2"

    def test_mass_is_capped(self, router: Router) -> None:
        """Rankings that do not sum to 1 still give a mass within 0..1."""
        signals = router.signals(
            _conversation(("compromised_card", 0.9), ("card_payment_not_recognised", 0.8))
        )
        assert signals.intent_group_mass["fraud"] == 1.0

    def test_explained_per_group(self, router: Router) -> None:
        """Explanations name the group: intent_group_mass[fraud] 0.6 >= 0.5."""
        decision = router.route(_conversation(("compromised_card", 0.6)))
        check = decision.fired[0].checks[0]
        assert (check.signal, check.op, check.observed) == ("intent_group_mass[fraud]", "gte", 0.6)

    def test_without_groups_the_signals_are_empty(self) -> None:
        router = Router.from_path(ROOT / "rules" / "default.yaml")
        signals = router.signals(_conversation(("compromised_card", 0.6)))
        assert signals.intent_group_mass == {}
        assert signals.intent_group_rank == {}


class TestLoader:
    def _problem(self, text: str) -> str:
        with pytest.raises(RulesError) as caught:
            Router.from_yaml(text, filename="groups.yaml")
        return str(caught.value)

    def test_unknown_group_is_located_with_a_hint(self) -> None:
        text = RULES.replace("{group: fraud, gte: 0.5}", "{group: fraudd, gte: 0.5}")
        message = self._problem(text)
        assert "groups.yaml:14:27: unknown intent group 'fraudd'" in message
        assert "did you mean 'fraud'" in message

    def test_unknown_group_without_groups_says_where_to_define(self) -> None:
        text = RULES.replace(
            "  intent_groups:\n    fraud: [compromised_card, card_payment_not_recognised]\n"
            "    chat: [greeting, tell_joke]\n",
            "",
        )
        message = self._problem(text)
        assert "unknown intent group 'fraud'" in message
        assert "settings: intent_groups" in message

    def test_test_without_operator(self) -> None:
        message = self._problem(RULES.replace("{group: fraud, gte: 0.5}", "{group: fraud}"))
        assert "no test for group 'fraud'" in message
        assert "groups.yaml:14:7:" in message

    def test_number_instead_of_a_group_test(self) -> None:
        message = self._problem(RULES.replace("{group: fraud, gte: 0.5}", "0.5"))
        assert "groups.yaml:14:7: expected a test on one intent group, got 0.5" in message
        assert "{group: fraud, gte: 0.5}" in message

    def test_empty_group(self) -> None:
        message = self._problem(RULES.replace("chat: [greeting, tell_joke]", "chat: []"))
        assert "intent group 'chat' lists no intents" in message

    def test_unknown_group_in_reason(self) -> None:
        message = self._problem(
            RULES.replace("{intent_group_mass[fraud]:.2f}", "{intent_group_mass[frud]}")
        )
        assert "unknown intent group 'frud' in reason" in message

    def test_shadowing_sees_groups(self) -> None:
        """A later rule on the same group with a stricter threshold is shadowed; another group
        or a looser threshold is not."""
        shadowed = RULES.replace(
            "  - id: fraud_in_top_two",
            "  - id: more_fraud\n    when:\n      intent_group_mass: {group: fraud, gte: 0.8}\n"
            "    lane: people\n    reason: r\n  - id: fraud_in_top_two",
        )
        assert "'more_fraud' is shadowed by rule 'fraud_mass'" in self._problem(shadowed)
        other_group = shadowed.replace("{group: fraud, gte: 0.8}", "{group: chat, gte: 0.8}")
        Router.from_yaml(other_group)
        looser = shadowed.replace("{group: fraud, gte: 0.8}", "{group: fraud, gte: 0.3}")
        Router.from_yaml(looser)

    def test_contradiction_per_group(self) -> None:
        """gte 0.8 and lt 0.5 on one group can never hold; on two groups they can."""
        both = "[{group: fraud, gte: 0.8}, {group: fraud, lt: 0.5}]"
        message = self._problem(RULES.replace("{group: fraud, gte: 0.5}", both))
        assert "can never match" in message
        Router.from_yaml(
            RULES.replace("{group: fraud, gte: 0.5}", both.replace("fraud, lt", "chat, lt"))
        )

    def test_rule_sets_without_groups_keep_their_version(self) -> None:
        """Adding the settings and signals changed no existing rule set's content hash."""
        assert (
            load_rules(ROOT / "rules" / "default.yaml").version
            == parse_rules_text((ROOT / "rules" / "default.yaml").read_text()).version
        )
        with_groups = parse_rules_text(RULES).version
        without = parse_rules_text(RULES.replace("    chat: [greeting, tell_joke]\n", "")).version
        assert with_groups != without


_GROUP_VALUES = st.dictionaries(
    st.sampled_from(["fraud", "chat", "other"]),
    st.one_of(st.floats(0, 1), st.just(math.nan), st.integers(1, 12), st.just(UNRANKED)),
)


@settings(max_examples=300, deadline=None)
@given(mass=_GROUP_VALUES, rank=_GROUP_VALUES, confidence=st.floats(0, 1))
def test_plan_agrees_with_interpreter_on_groups(
    router: Router, mass: dict[str, float], rank: dict[str, float], confidence: float
) -> None:
    """Compiled group tests pick the same rules as the reference interpreter, missing groups
    included (NaN: every comparison is false)."""
    signals = Signals.model_construct(
        **{
            **router.signals(_conversation(("x", confidence))).model_dump(),
            "intent_group_mass": mass,
            "intent_group_rank": rank,
        }
    )
    vector = to_vector(signals)
    plan = router.compiled.plan
    assert [r.id for r in plan.candidates(vector) if r.test(vector)] == [
        r.id for r in plan.rules if explain(r.node, signals)[0]
    ]


def test_diff_names_the_group(tmp_path: Path) -> None:
    """`handoff diff` shows a group test's threshold change with its group."""
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(RULES)
    new.write_text(RULES.replace("{group: fraud, gte: 0.5}", "{group: fraud, gte: 0.6}"))
    handoff = Path(sys.executable).parent / "handoff"
    result = subprocess.run(
        [str(handoff), "diff", str(old), str(new)], capture_output=True, text=True, check=True,
        env=os.environ | {"NO_COLOR": "1"},
    )  # fmt: skip
    assert "threshold intent_group_mass[fraud] gte: 0.5 → 0.6" in result.stdout
