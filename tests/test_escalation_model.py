"""The learned escalation score (handoff.signals.escalation) and its rule in rules/banking.yaml.

The cases below are written for these tests (none is a conversation of the routing sets):
clear situations where any careful bank agrees, checked as orderings and wide bands rather
than the model's exact numbers, so that a refit that still behaves sensibly passes.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from handoff import Router
from handoff.cli import cli
from handoff.models.conversation import Account, Conversation, Intent, Turn
from handoff.signals import escalation
from tests import escalation_model

ROOT = Path(__file__).resolve().parents[1]
RULES = ROOT / "rules" / "banking.yaml"
NOW = datetime(2026, 11, 24, 11, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(RULES)


def chat(*messages: tuple[str, str, float], tier: str = "standard") -> Conversation:
    """Customer messages (text, intent, confidence), each earlier one answered by the bot
    (a fallback reply after nlu_fallback, the intent's answer otherwise)."""
    turns: list[Turn] = []
    for number, (text, intent, confidence) in enumerate(messages, start=1):
        turns.append(
            Turn(
                role="user",
                text=text,
                intent=Intent(name=intent, confidence=confidence),
                intent_ranking=(Intent(name=intent, confidence=confidence),),
            )
        )
        if number < len(messages):
            fallback = intent == "nlu_fallback"
            turns.append(
                Turn(
                    role="bot",
                    action="utter_default" if fallback else f"utter_{intent}",
                    fallback=fallback,
                )
            )
    return Conversation(id="t", turns=tuple(turns), account=Account(tier=tier))


def score(router: Router, conversation: Conversation) -> float:
    return router.signals(conversation).escalation_score


class TestTheScore:
    def test_a_calm_question_scores_low(self, router: Router) -> None:
        calm = chat(("Hi, how long does a new debit card take to arrive?", "card_arrival", 0.93))
        assert score(router, calm) < 0.2

    def test_asking_for_a_person_scores_high(self, router: Router) -> None:
        asked = chat(
            ("my transfer hasn't arrived", "transfer_not_received_by_recipient", 0.9),
            ("I want to speak to a real person please", "request_human", 0.95),
        )
        assert score(router, asked) > 0.8

    def test_failures_and_anger_raise_it(self, router: Router) -> None:
        first = ("why was my card declined at the petrol station", "declined_card_payment", 0.8)
        calm = chat(first, ("ah, that makes sense, thank you", "thank_you", 0.9))
        failing = chat(
            first,
            ("that's not what I asked", "nlu_fallback", 0.3),
            (
                "still no answer. what am I supposed to do now, I've got no fuel",
                "nlu_fallback",
                0.3,
            ),
        )
        low, high = score(router, calm), score(router, failing)
        assert low < 0.3
        assert high > 0.7

    def test_it_is_a_probability_even_with_nothing_to_read(self, router: Router) -> None:
        empty = Conversation(id="t", turns=(Turn(role="bot", text="Hello! How can I help?"),))
        value = score(router, empty)
        assert 0.0 < value < 1.0
        assert not math.isnan(value)

    def test_the_account_is_context_not_evidence(self, router: Router) -> None:
        """Tier and flags are no features: the same words score the same for any account."""
        words = ("what's the limit for contactless payments?", "contactless_not_working", 0.7)
        plain = router.signals(chat(words))
        flagged = router.signals(
            chat(words).model_copy(
                update={
                    "account": Account(tier="private", risk_flags=frozenset({"fraud_suspected"}))
                }
            )
        )
        assert plain.escalation_score == flagged.escalation_score

    def test_the_score_is_the_model_over_the_features(self, router: Router) -> None:
        signals = router.signals(chat(("this is useless!!", "nlu_fallback", 0.2)))
        model = escalation.load()
        logit = model.bias + sum(
            model.weights.get(name, 0.0) * value
            for name, value in escalation.features(signals).items()
        )
        assert signals.escalation_score == pytest.approx(1 / (1 + math.exp(-logit)))
        # and the explanation names the features that raised it most, largest first
        terms = model.contributions(signals)
        assert [t for t in terms if t[1] > 0][:1] == terms[:1]
        explained = escalation.explain(signals)
        assert explained.startswith(f"escalation_score {signals.escalation_score:.2f}: ")
        assert terms[0][0] in explained

    def test_using_another_model_and_back(self, router: Router) -> None:
        conversation = chat(("hello", "greet", 0.99))
        shipped = score(router, conversation)
        with escalation.using(escalation.EscalationModel(bias=3.0, weights={})):
            assert score(router, conversation) == pytest.approx(1 / (1 + math.exp(-3.0)))
        assert score(router, conversation) == shipped


def _oos(text: str) -> tuple[str, str, float]:
    return (text, "out_of_scope", 0.8)


class TestMentionsTheCustomerDefused:
    """Round 15: a mention of fraud, a scam or a hold beside "no harm done", "it happened to
    someone else" or "how does it work" is read as the rules read it (``defused:<kind>``), not
    as evidence of harm; a mention with none of those keeps its ``cue:``/``before:`` weight.
    Round 14's refit gave an ignored "your account is suspended" text +3.8 as a hold."""

    @pytest.mark.parametrize(
        ("first", "then"),
        [
            (
                "got a message saying my account is locked and to tap a link, I ignored it",
                "do you want me to forward it to you?",
            ),
            (
                "an email says my account has been frozen and to sign in on their page, I "
                "deleted it without opening the link",
                "is it safe to just bin it?",
            ),
            (
                "my brother reckons he got scammed by a fake ticket seller, can he get it back?",
                "he's with a different bank",
            ),
            ("how do I report a phishing email?", "and how would I spot a fake text from you?"),
        ],
    )
    def test_a_defused_mention_stays_calm(self, router: Router, first: str, then: str) -> None:
        conversation = chat(_oos(first), _oos(then))
        signals = router.signals(conversation)
        names = escalation.features(signals)
        assert any(n.startswith("defused:") for n in names), sorted(names)
        assert not any(
            n.startswith(("cue:", "before:")) and n.split(":")[1] in escalation._DEFUSED
            for n in names
        )
        assert signals.escalation_score < 0.5
        assert router.route(conversation, now=NOW).lane == "bot"

    @pytest.mark.parametrize(
        ("first", "then"),
        [
            (
                "you've frozen my account and I've done nothing wrong",
                "it's still frozen and my rent goes out tomorrow",
            ),
            (
                "I clicked a link in a text from 'the bank' and typed in my card number",
                "what happens now? there's already a payment I didn't make",
            ),
        ],
    )
    def test_a_mention_without_a_canceller_keeps_its_weight(
        self, router: Router, first: str, then: str
    ) -> None:
        names = escalation.features(router.signals(chat(_oos(first), _oos(then))))
        assert not any(n.startswith("defused:") for n in names), sorted(names)
        assert any(
            n.startswith(("cue:", "before:")) and n.split(":")[1] in escalation._DEFUSED
            for n in names
        ), sorted(names)

    def test_the_refit_weighs_a_defused_hold_below_a_hold(self) -> None:
        weights = escalation.load().weights
        assert weights.get("defused:bank_hold", 0.0) < weights["before:bank_hold"] - 2.0
        assert weights.get("defused:bank_hold", 0.0) <= 0.5


class TestTheModelFile:
    def document(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(escalation.MODEL_PATH.read_text(encoding="utf-8"))
        return data

    def test_wrong_format_is_refused(self) -> None:
        with pytest.raises(ValueError, match="format"):
            escalation.EscalationModel.from_dict({"format": "other", "bias": 0, "weights": {}})
        with pytest.raises(ValueError, match="weights"):
            escalation.EscalationModel.from_dict(
                {"format": escalation.MODEL_FORMAT, "bias": 0, "weights": {"x": "high"}}
            )

    def test_it_records_where_it_came_from(self) -> None:
        provenance = self.document()["provenance"]
        sets = {d["set"] for d in provenance["data"]}
        # The three tuning sets (round 5 retired the first held-out set to tuning data); the
        # current blind set is never read.
        assert sets == {
            "tests/data/routing_dev/banking.yaml",
            "tests/data/routing_eval/banking.yaml",
            "tests/data/routing_holdout/banking.yaml",
        }
        assert "routing_holdout2" not in json.dumps(self.document())
        assert provenance["library"].startswith("scikit-learn ")
        assert provenance["cv"]["threshold"] == self.document()["threshold"]

    def test_the_rule_uses_the_cross_validated_threshold(self) -> None:
        rules = YAML(typ="safe").load(RULES.read_text(encoding="utf-8"))
        rule = next(r for r in rules["rules"] if r["id"] == escalation_model.RULE_ID)
        assert rule["when"]["escalation_score"] == {"gte": self.document()["threshold"]}
        assert rule["lane"] == "general_banking"  # never a specialist team
        assert rules["rules"][-1] is rule  # after every hand-written rule

    @pytest.mark.slow
    def test_the_training_script_writes_this_file(self) -> None:
        """Reproducible: retraining on the committed data gives the committed file (the date
        of training and the library versions it records aside: weights are rounded to four
        decimals, so a compatible scikit-learn gives the same file)."""
        fresh = escalation_model.train(verbose=False)
        committed = self.document()
        for doc in (fresh, committed):
            doc["provenance"].pop("date")
            doc["provenance"].pop("library")
        assert fresh == committed, (
            "retrain: .venv/bin/python -m tests.escalation_model train --write"
        )


class TestInRulesAndPayloads:
    def test_a_rule_can_test_it_and_the_payload_explains_it(self, router: Router) -> None:
        failing = chat(
            ("why was my card declined at the petrol station", "declined_card_payment", 0.8),
            ("that's not what I asked", "nlu_fallback", 0.3),
            (
                "still no answer. what am I supposed to do now, I've got no fuel",
                "nlu_fallback",
                0.3,
            ),
        )
        tiny = Router.from_yaml(
            "version: 1\nname: tiny\nsettings: {default_lane: bot, safe_lane: people}\n"
            "lanes:\n  bot: {kind: bot}\n  people: {kind: human, queue: q}\n"
            "rules:\n  - id: model\n    when: {escalation_score: {gte: 0.5}}\n    lane: people\n"
            "    reason: the model\n"
        )
        decision = tiny.route(failing, now=NOW)
        assert decision.rule_id == "model"
        payload = tiny.payload(failing, decision)
        assert payload.why.observations[0].startswith("escalation_score ")
        assert payload.why.observations[-1] == escalation.explain(decision.signals)  # type: ignore[arg-type]

    def test_thanks_never_escalates_through_the_model(self, router: Router) -> None:
        bad_then_thanks = chat(
            ("my card was declined again, this is useless", "declined_card_payment", 0.8),
            ("ok thanks", "thank_you", 0.95),
        )
        decisions = router.replay(bad_then_thanks, now=NOW)
        assert "escalation_model" not in {d.rule_id for d in decisions}


def test_leave_one_set_out_reads_only_the_tuning_sets() -> None:
    """``--loso`` leaves each tuning set out in turn; the check set (holdout7) and the blind
    sets (holdout9 to holdout22; holdout8 until round 12) are never among them, and the training
    sets are a subset."""
    folders = [path.name for _, path in escalation_model.TUNING_SETS]
    assert len(folders) == len(set(folders)) == 10
    assert not set(folders) & {
        "routing_holdout7",
        "routing_holdout8",
        "routing_holdout9",
        "routing_holdout10",
        "routing_holdout11",
        "routing_holdout12",
        "routing_holdout13",
        "routing_holdout14",
        "routing_holdout15",
        "routing_holdout16",
        "routing_holdout17",
        "routing_holdout18",
        "routing_holdout19",
        "routing_holdout20",
        "routing_holdout21",
        "routing_holdout22",
    }
    assert all(path.is_dir() for _, path in escalation_model.TUNING_SETS)
    assert set(escalation_model.SETS) <= set(escalation_model.TUNING_SETS)
    names = [name for name, _ in escalation_model.TUNING_SETS]
    assert len(names) == len(set(names))


def test_the_engine_scores_without_scikit_learn() -> None:
    """Training needs scikit-learn; routing imports none of it (import-linter checks the
    engine's imports; this checks what actually gets loaded)."""
    code = (
        "import sys\n"
        "from handoff import Router\n"
        "from handoff.models.conversation import Conversation, Turn\n"
        "r = Router.from_path('rules/banking.yaml')\n"
        "s = r.signals(Conversation(id='x', turns=(Turn(role='user', text='hi'),)))\n"
        "assert 0 < s.escalation_score < 1\n"
        "assert not any(m.split('.')[0] in ('sklearn', 'scipy') for m in sys.modules), 'loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_handoff_explain_lists_what_raised_the_score(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "version: 1\nname: tiny\nsettings: {default_lane: bot, safe_lane: people}\n"
        "lanes:\n  bot: {kind: bot}\n  people: {kind: human, queue: q}\n"
        "rules:\n  - id: model\n    when: {escalation_score: {gte: 0.5}}\n    lane: people\n"
        "    reason: the model\n",
        encoding="utf-8",
    )
    conversation = tmp_path / "chat.json"
    conversation.write_text(
        json.dumps(
            {
                "id": "c",
                "turns": [
                    {
                        "role": "user",
                        "text": "why was my card declined",
                        "intent": {"name": "declined_card_payment", "confidence": 0.8},
                    },
                    {"role": "bot", "action": "utter_default", "fallback": True},
                    {
                        "role": "user",
                        "text": "that's not what I asked. still no answer!!",
                        "intent": {"name": "nlu_fallback", "confidence": 0.3},
                    },
                ],
            }
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["explain", str(rules), str(conversation)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.output.splitlines() if "(escalation_score " in x)
    assert line.strip().startswith("(escalation_score ")
    assert ": " in line  # followed by the features that raised it


class TestAfterAHandBack:
    """A hand-back (and a resolve, which hands back too) closes an episode: what the customer
    said before it must not send their next routine question straight back to a person."""

    HISTORY = (
        ("my transfer hasn't arrived and this is the third time I'm asking", "nlu_fallback", 0.3),
        ("I want to speak to a real person please", "request_human", 0.95),
    )

    def handed_back(self, *messages: tuple[str, str, float]) -> Conversation:
        conversation = chat(*self.HISTORY, *messages)
        state = conversation.state.model_copy(
            update={"lane": "bot", "lane_kind": "bot", "handback_turn": len(self.HISTORY)}
        )
        return conversation.model_copy(update={"state": state})

    @pytest.mark.parametrize(
        ("text", "intent"),
        [
            ("what are your opening hours?", "faq_opening_hours"),
            ("can I change my PIN?", "change_pin"),
            ("how long does a new card take to arrive?", "card_arrival"),
        ],
    )
    def test_a_routine_question_after_a_hand_back_stays_with_the_bot(
        self, router: Router, text: str, intent: str
    ) -> None:
        without = chat(*self.HISTORY, (text, intent, 0.9))
        after = self.handed_back((text, intent, 0.9))
        assert score(router, without) >= 0.7  # the history alone would send it to a person
        assert score(router, after) < 0.3
        assert router.route(after, now=NOW).lane == "bot"

    def test_anger_after_a_hand_back_still_escalates(self, router: Router) -> None:
        after = self.handed_back(
            ("thanks", "thank_you", 0.95),
            ("useless! I STILL can't log in, get me a real person NOW", "request_human", 0.9),
        )
        assert router.route(after, now=NOW).handoff

    def test_the_episode_counts_its_own_failures(self, router: Router) -> None:
        calm = self.handed_back(("how do I top up?", "top_up_by_card_charge", 0.9))
        failing = self.handed_back(
            ("how do I top up?", "nlu_fallback", 0.3),
            ("top up how", "nlu_fallback", 0.3),
            ("i asked how to top up", "nlu_fallback", 0.3),
        )
        assert score(router, failing) > score(router, calm)
