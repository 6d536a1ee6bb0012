"""Routing behaviour: precedence, anti-flapping, hours and capacity, faults, explanations."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

import handoff.router
from handoff import (
    Conversation,
    ConversationError,
    PreviousInteraction,
    Router,
    RoutingState,
    RulesError,
)
from handoff.history import InMemoryHistory
from tests.conftest import RULES

OPEN = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)  # Tuesday, London open
CLOSED = datetime(2026, 11, 22, 23, 15, tzinfo=timezone.utc)  # Sunday night


def user(text: str, intent: str = "chitchat", confidence: float = 0.95) -> dict[str, Any]:
    return {"role": "user", "text": text, "intent": {"name": intent, "confidence": confidence}}


def bot(
    text: str = "Sure.", action: str = "utter_answer", fallback: bool = False
) -> dict[str, Any]:
    return {"role": "bot", "text": text, "action": action, "fallback": fallback}


def conversation(*turns: dict[str, Any], **extra: Any) -> Conversation:
    return Conversation.model_validate({"id": "t", "turns": list(turns), **extra})


class TestPrecedence:
    def test_calm_question_stays_with_bot(self, default_router: Router) -> None:
        """No rule matches a polite FAQ, so the default (bot) lane keeps it."""
        decision = default_router.route(
            conversation(user("what are your opening hours?")), now=OPEN
        )
        assert decision.lane == "bot"
        assert not decision.handoff
        assert decision.rule_id is None
        assert decision.trace[-1].kind == "default"

    def test_human_request_goes_to_general_support(self, default_router: Router) -> None:
        """An explicit request for a person routes to the human lane, with the rule named."""
        decision = default_router.route(
            conversation(user("I want to talk to a human", "request_human", 0.99)), now=OPEN
        )
        assert decision.lane == "general_support"
        assert decision.rule_id == "asked_for_human"
        assert decision.handoff
        assert decision.fired[0].checks[0].signal == "human_request"
        assert decision.fired[0].checks[0].observed is True

    def test_human_request_in_words_without_the_intent(self, default_router: Router) -> None:
        """The words alone count as a request even when NLU missed the intent."""
        decision = default_router.route(
            conversation(user("can I speak to a real person please", "check_balance", 0.6)),
            now=OPEN,
        )
        assert decision.rule_id == "asked_for_human"

    def test_red_line_outranks_earlier_rules_and_stickiness(self, default_router: Router) -> None:
        """A legal threat reaches the red-line lane even while another person has the chat."""
        conv = conversation(
            user("I want a human", "request_human"),
            bot(),
            user("I'm going to contact my lawyer about this", "complain"),
            state={"lane": "general_support", "lane_kind": "human"},
        )
        decision = default_router.route(conv, now=OPEN)
        assert decision.lane == "priority_support"
        assert decision.rule_id == "legal_threat"
        assert decision.fired[0].red_line
        assert decision.trace[0].kind == "red_line"

    def test_supervisor_override_wins(self, default_router: Router) -> None:
        """A supervisor's override beats every rule."""
        conv = conversation(
            user("I'm going to contact my lawyer", "complain"),
            state={"override_lane": "supervisor"},
        )
        decision = default_router.route(conv, now=OPEN)
        assert decision.lane == "supervisor"
        assert decision.trace[0].kind == "override"
        assert decision.state.override_lane == "supervisor"


class TestAntiFlapping:
    def test_stays_with_human_once_there(self, default_router: Router) -> None:
        """With a person already, a calm message does not send the customer back to the bot."""
        conv = conversation(
            user("thanks, that's clearer now", "thank_you"),
            state={"lane": "general_support", "lane_kind": "human", "since_turn": 1},
        )
        decision = default_router.route(conv, now=OPEN)
        assert decision.lane == "general_support"
        assert decision.anti_flapping.action == "stayed_with_human"

    def test_medium_rule_needs_confirmation(self, default_router: Router) -> None:
        """A medium-severity rule holds the customer one turn, then routes on the second."""
        turns = [
            user("my parcel never arrived and nobody answers my emails", "order_status", 0.9),
            bot(),
            user("I'm really disappointed, this is awful service", "order_status"),
            bot(),
            user("still nothing, terrible, I'm not happy with this at all", "order_status"),
        ]
        decisions = default_router.replay(conversation(*turns), now=OPEN)
        actions = [d.anti_flapping.action for d in decisions]
        assert decisions[1].lane == "bot"
        assert actions[1] == "awaiting_confirmation"
        assert decisions[1].state.pending == {"mood_sliding": 1}
        assert decisions[2].lane == "priority_support"
        assert decisions[2].rule_id == "mood_sliding"
        assert decisions[2].state.pending == {}

    def test_cooldown_after_handback_silences_medium_rules(self, default_router: Router) -> None:
        """Right after a hand-back, a medium rule is suppressed; a human request is not. (The
        messages are upset, not intensely angry: intense_anger is high severity, never silent.)"""
        upset = [
            user("I'm really disappointed, this is awful service"),
            bot(),
            user("terrible, I'm not happy with this at all"),
        ]
        state = {
            "lane": "bot",
            "lane_kind": "bot",
            "handback_turn": 1,
            "pending": {"mood_sliding": 1},
        }
        decision = default_router.route(conversation(*upset, state=state), now=OPEN)
        assert decision.lane == "bot"
        assert decision.anti_flapping.action == "cooldown_suppressed"
        asked = conversation(*upset, bot(), user("get me a human", "request_human"), state=state)
        assert default_router.route(asked, now=OPEN).lane == "general_support"

    def test_cooldown_ends(self, default_router: Router) -> None:
        """After cooldown_turns user turns the medium rule is back in force."""
        upset = [
            user("I'm really disappointed, this is awful service"),
            bot(),
            user("terrible, I'm not happy with this at all"),
            bot(),
            user("horrible. I really don't like this"),
            bot(),
            user("I'm so unhappy with how this has gone"),
        ]
        state = {
            "lane": "bot",
            "lane_kind": "bot",
            "handback_turn": 0,
            "pending": {"mood_sliding": 1},
        }
        decision = default_router.route(conversation(*upset, state=state), now=OPEN)
        assert decision.lane == "priority_support"
        assert decision.rule_id == "mood_sliding"


class TestHoursAndCapacity:
    def test_closed_lane_falls_back(self, default_router: Router) -> None:
        """general_support is closed on Sunday night, so its fallback (callback) is used."""
        decision = default_router.route(
            conversation(user("human please", "request_human")), now=CLOSED
        )
        assert decision.lane == "callback"
        assert decision.rule_id == "asked_for_human"
        hours = [s for s in decision.trace if s.kind == "hours"]
        assert hours
        assert "general_support closed now" in hours[0].note

    def test_full_lane_falls_back(self, default_router: Router) -> None:
        """priority_support at max_waiting overflows to general_support."""
        conv = conversation(user("I'll be talking to my solicitor", "complain"))
        decision = default_router.route(conv, now=OPEN, queue_load={"priority_support": 20})
        assert decision.lane == "general_support"
        assert any(s.kind == "full" for s in decision.trace)
        assert default_router.route(conv, now=OPEN, queue_load={"priority_support": 19}).lane == (
            "priority_support"
        )


class TestFaults:
    def test_fault_routes_to_safe_lane(
        self, default_router: Router, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If signal extraction blows up, the customer reaches the safe human lane."""

        def broken(*_: object, **__: object) -> None:
            raise RuntimeError("model store unavailable for card 4111 1111 1111 1111")

        monkeypatch.setattr(handoff.router, "extract", broken)
        monkeypatch.setattr(handoff.router, "extract_carried", broken)
        decision = default_router.route(conversation(user("hello")), now=OPEN)
        assert decision.lane == "general_support"
        assert decision.handoff
        assert decision.error is not None
        assert "model store unavailable" in decision.error
        assert "4111" not in decision.error  # PII redacted even in errors
        assert decision.trace[0].kind == "fault"

    def test_broken_history_source_does_not_block_payload(self, default_router: Router) -> None:
        """A failing history store yields a payload without previous interactions."""

        class Broken:
            def previous_interactions(self, customer_id: str, limit: int) -> list[Any]:
                raise ConnectionError("history database down")

        router = Router(default_router.compiled, history=Broken())
        conv = conversation(user("human please", "request_human"), account={"customer_id": "c1"})
        decision = router.route(conv, now=OPEN)
        payload = router.payload(conv, decision, now=OPEN)
        assert payload.previous_interactions == ()
        assert payload.routing.lane == "general_support"


class TestExplanation:
    def test_reason_shows_observed_values(self, default_router: Router) -> None:
        """The reason template is filled with the observed values."""
        conv = conversation(
            user("asdf", "nlu_fallback", 0.2),
            bot(action="action_default_fallback", fallback=True),
            user("qwerty", "nlu_fallback", 0.2),
        )
        decision = default_router.route(conv, now=OPEN)
        assert decision.rule_id == "bot_keeps_failing"
        assert decision.reason == "The bot failed to understand 2 times in a row."
        check = decision.fired[0].checks[0]
        assert (check.signal, check.op, check.threshold, check.observed) == (
            "consecutive_fallbacks", "gte", 2.0, 2,
        )  # fmt: skip
        assert check.describe() == "consecutive_fallbacks 2 >= 2"

    def test_version_is_a_content_hash(self, tmp_path: Path, default_router: Router) -> None:
        """Comments and formatting do not change the version; a threshold does."""
        text = (RULES / "default.yaml").read_text()
        (tmp_path / "a.yaml").write_text("# a new comment\n" + text)
        assert Router.from_path(tmp_path / "a.yaml").version == default_router.version
        (tmp_path / "b.yaml").write_text(
            text.replace("{gte: 2}\n    lane: general", "{gte: 3}\n    lane: general")
        )
        assert Router.from_path(tmp_path / "b.yaml").version != default_router.version

    def test_decision_records_ruleset(self, default_router: Router) -> None:
        """Every decision names the rule set and its version."""
        decision = default_router.route(conversation(user("hi")), now=OPEN)
        assert decision.ruleset == "default"
        assert decision.ruleset_version == default_router.version


class TestReloadAndFolders:
    def test_broken_reload_keeps_working_router(
        self, tmp_path: Path, default_router: Router
    ) -> None:
        """A broken edit raises RulesError and the running router still routes."""
        path = tmp_path / "rules.yaml"
        path.write_text(
            (RULES / "default.yaml")
            .read_text()
            .replace("lane: priority_support", "lane: priorty", 1)
        )
        with pytest.raises(RulesError, match="did you mean 'priority_support'"):
            default_router.reload(path)
        decision = default_router.route(conversation(user("human!", "request_human")), now=OPEN)
        assert decision.lane == "general_support"

    def test_folder_merges_files_in_order(self, tmp_path: Path) -> None:
        """Lanes and rules from several files combine; rules keep file-name order."""
        (tmp_path / "10_base.yaml").write_text(
            "settings: {default_lane: bot, safe_lane: people}\n"
            "lanes:\n  bot: {kind: bot}\n  people: {kind: human}\n"
            "rules:\n  - {id: asked, when: {human_request: true}, lane: people, reason: asked}\n"
        )
        (tmp_path / "20_fraud.yaml").write_text(
            "lanes:\n  fraud: {kind: specialist}\n"
            "rules:\n  - {id: fraud, when: {intent: report_fraud}, lane: fraud, reason: fraud}\n"
        )
        router = Router.from_path(tmp_path)
        assert [r.id for r in router.ruleset.rules] == ["asked", "fraud"]
        decision = router.route(conversation(user("my card was stolen", "report_fraud")), now=OPEN)
        assert decision.lane == "fraud"

    def test_folder_duplicate_lane_names_both_files(self, tmp_path: Path) -> None:
        """The same lane in two files is an error naming the second file and the first."""
        base = (
            "settings: {default_lane: bot, safe_lane: people}\n"
            "lanes:\n  bot: {kind: bot}\n  people: {kind: human}\n"
        )
        (tmp_path / "a.yaml").write_text(base)
        (tmp_path / "b.yaml").write_text("lanes:\n  people: {kind: human}\n")
        with pytest.raises(RulesError) as caught:
            Router.from_path(tmp_path)
        problem = caught.value.problems[0]
        assert problem.file == str(tmp_path / "b.yaml")
        assert problem.line == 2
        assert str(tmp_path / "a.yaml") in problem.message


class TestPayload:
    def test_payload_carries_context(self, default_router: Router) -> None:
        """The payload has lane, SLA deadline, why, intent, sentiment, cues, transcript, steps."""
        history = InMemoryHistory()
        history.add(
            "c-9",
            PreviousInteraction(
                when=datetime(2026, 11, 1, tzinfo=timezone.utc), channel="phone",
                summary="Asked about a refund", outcome="refund issued",
            ),
        )  # fmt: skip
        router = Router(default_router.compiled, history=history)
        conv = conversation(
            user("where's my refund", "refund_status", 0.9),
            bot(action="utter_refund_timing"),
            user("This is the third time I'm asking and nobody helps me, I want a real person NOW",
                 "request_human", 0.97),
            account={"customer_id": "c-9", "tier": "gold", "name": "Ana"},
        )  # fmt: skip
        decision = router.route(conv, now=OPEN)
        payload = router.payload(conv, decision, now=OPEN)
        assert payload.routing.lane == "general_support"
        assert payload.routing.sla_deadline == datetime(2026, 11, 24, 10, 35, tzinfo=timezone.utc)
        assert payload.why.rules == ("asked_for_human",)
        assert payload.intent.name == "request_human"
        assert payload.customer.tier == "gold"
        assert {c.cue for c in payload.cues} >= {"repeated_asking", "shouting"}
        assert all(c.turn == 3 for c in payload.cues)  # the third message, counted from 1
        assert payload.transcript[-1].turn == 3
        assert payload.bot_tried.actions == ("utter_refund_timing",)
        assert payload.previous_interactions[0].outcome == "refund issued"
        assert [s.step for s in payload.empathy_checklist] == ["validate", "reframe", "commit"]
        assert payload.ruleset_version == router.version
        assert payload.schema_version == "1.3"  # 1.2: turns counted from 1 (issue 10); 1.3: arm

    def test_routing_state_round_trips(self, default_router: Router) -> None:
        """The state a decision returns can be stored as JSON and passed back."""
        decision = default_router.route(
            conversation(user("human please", "request_human")), now=OPEN
        )
        restored = RoutingState.model_validate_json(decision.state.model_dump_json())
        assert restored == decision.state


class TestStickyExplanation:
    def test_sticky_decision_remembers_the_escalating_rule(self, default_router: Router) -> None:
        """After a handoff, later turns say which rule escalated, though it did not decide now."""
        turns = [user("get me a human", "request_human"), bot(), user("ok, thanks", "thank_you")]
        first, second = default_router.replay(conversation(*turns), now=OPEN)
        assert first.state.rule == "asked_for_human"
        assert second.rule_id is None
        assert second.state.rule == "asked_for_human"
        assert "escalated by rule 'asked_for_human'" in second.reason


class TestConversationJson:
    def test_from_json_round_trip(self) -> None:
        """A conversation dumped to JSON reads back equal."""
        conv = conversation(user("hi"), bot(), account={"tier": "gold", "risk_flags": ["x"]})
        assert Conversation.from_json(conv.model_dump_json()) == conv

    def test_from_json_error_names_the_field(self) -> None:
        """A wrong role is reported with its location, as a ConversationError."""
        with pytest.raises(ConversationError, match=r"turns\.0\.role"):
            Conversation.from_json('{"turns": [{"role": "customer", "text": "hi"}]}')
