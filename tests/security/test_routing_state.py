"""The routing state in the handoff_state slot is tamper-evident: a forged override, a
tampered or missing signature, or a state signed for another conversation is ignored (and
logged without its value); a supervisor's override() and an agent's hand_back() through
Rasa's HTTP API write signed states the action trusts."""

from __future__ import annotations

import asyncio
import copy
import logging
from pathlib import Path
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from handoff import Router
from handoff.adapters.rasa import (
    SLOT_STATE,
    ActionHandoffRoute,
    Runtime,
    TurnResult,
    hand_back,
    override,
    route_tracker,
    state_slot_value,
)
from handoff.models.conversation import RoutingState
from tests.conftest import RULES, always_open_rules
from tests.security.rasa_api import fake_rasa

SECRET = b"action-server-state-secret"
SENDER = "customer-42"
RASA_JWT = "rasa-jwt-secret-for-the-http-api-tests"


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    work = tmp_path_factory.mktemp("rules")
    return Router.from_path(always_open_rules(RULES / "default.yaml", work / "rules.yaml"))


def user(text: str, intent: str = "greet") -> dict[str, Any]:
    parse = {"intent": {"name": intent, "confidence": 0.97}, "entities": [], "text": text,
             "intent_ranking": [{"name": intent, "confidence": 0.97}]}  # fmt: skip
    return {"event": "user", "text": text, "parse_data": parse, "input_channel": "rest"}


def tracker_with(state: Any, *, sender: str = SENDER, events: Any = None) -> Tracker:
    events = events or [user("hello, routing-state test")]
    latest = next(e["parse_data"] | {"text": e["text"]} for e in reversed(events)
                  if e["event"] == "user")  # fmt: skip
    return Tracker.from_dict(
        {"sender_id": sender, "slots": {SLOT_STATE: state}, "latest_message": latest,
         "events": events, "paused": False, "latest_input_channel": "rest",
         "active_loop": {}, "latest_action_name": "action_listen"}
    )  # fmt: skip


def slot(result: TurnResult) -> Any:
    return next(e["value"] for e in result.events if e.get("name") == SLOT_STATE)


def signed(state: RoutingState, sender: str = SENDER) -> dict[str, Any]:
    return state_slot_value(state, conversation_id=sender, state_secret=SECRET)


class TestForgedState:
    @pytest.mark.parametrize("secret", [SECRET, None])
    def test_forged_override_is_refused(
        self, router: Router, secret: bytes | None, caplog: pytest.LogCaptureFixture
    ) -> None:
        """The attack from the issue: a POSTed override to the supervisor lane. Refused with
        or without a secret, and the slot's value is not logged."""
        forged = {"override_lane": "supervisor", "lane": "supervisor", "lane_kind": "override"}
        caplog.set_level(logging.DEBUG)
        result = route_tracker(router, tracker_with(forged), state_secret=secret)
        assert result.decision.lane == "bot"
        assert not result.decision.handoff
        assert result.decision.priority < 100
        assert result.decision.state.override_lane is None
        assert result.state_rejected in ("unsigned", "unsigned override")
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert warnings
        for record in caplog.records:
            assert "supervisor" not in record.getMessage()
            assert SENDER not in record.getMessage()

    def test_tampered_state_is_refused(self, router: Router) -> None:
        """A signed state whose content was changed no longer matches its signature."""
        value = signed(RoutingState(lane="bot", lane_kind="bot"))
        value["state"]["override_lane"] = "supervisor"
        result = route_tracker(router, tracker_with(value), state_secret=SECRET)
        assert result.decision.lane == "bot"
        assert result.state_rejected == "bad signature"

    @pytest.mark.parametrize(
        "sig", ["0" * 64, "", "not hex at all", "\ud800", None, 7, ["a"]], ids=repr
    )
    def test_wrong_or_malformed_signature(self, router: Router, sig: Any) -> None:
        """Any other signature, or none of the right type, is refused without an error."""
        value = signed(RoutingState(override_lane="supervisor"))
        value["sig"] = sig
        result = route_tracker(router, tracker_with(value), state_secret=SECRET)
        assert result.decision.lane == "bot"
        assert result.state_rejected in ("bad signature", "malformed")

    def test_signed_with_another_key(self, router: Router) -> None:
        """A state signed with another deployment's key is refused."""
        value = state_slot_value(
            RoutingState(override_lane="supervisor"), conversation_id=SENDER,
            state_secret=b"someone else's key",
        )  # fmt: skip
        result = route_tracker(router, tracker_with(value), state_secret=SECRET)
        assert result.decision.lane == "bot"
        assert result.state_rejected == "bad signature"

    def test_state_of_another_conversation(self, router: Router) -> None:
        """A signed state copied from another conversation is refused: it is bound to its id."""
        value = signed(RoutingState(override_lane="supervisor"), sender="someone-else")
        result = route_tracker(router, tracker_with(value), state_secret=SECRET)
        assert result.decision.lane == "bot"
        assert result.state_rejected == "bad signature"

    @pytest.mark.parametrize(
        "value",
        [{"lane": "general_support", "lane_kind": "human"}, "not json", "[1, 2]", 42,
         {"v": 1, "state": "x", "sig": "y"}, {"v": 1, "state": {"bogus": 1}, "sig": "y"}],
        ids=repr,
    )  # fmt: skip
    def test_unsigned_or_malformed_state_starts_afresh(self, router: Router, value: Any) -> None:
        """With a secret, no sticky lane comes from an unsigned or unreadable slot."""
        result = route_tracker(router, tracker_with(value), state_secret=SECRET)
        assert result.decision.lane == "bot"
        assert result.decision.anti_flapping.action == "none"
        assert result.state_rejected in ("unsigned", "malformed")


class TestLegitimateState:
    def test_signed_state_round_trips(
        self, router: Router, caplog: pytest.LogCaptureFixture
    ) -> None:
        """The state the action writes is trusted on the next turn: a person keeps the chat."""
        first = route_tracker(
            router, tracker_with(None, events=[user("I want a human", "request_human")]),
            state_secret=SECRET,
        )  # fmt: skip
        assert first.decision.handoff
        value = slot(first)
        assert set(value) == {"v", "state", "sig"}
        events = [user("I want a human", "request_human"), user("thanks, that's all", "thank_you")]
        caplog.set_level(logging.WARNING)
        second = route_tracker(router, tracker_with(value, events=events), state_secret=SECRET)
        assert second.state_rejected is None
        assert second.decision.anti_flapping.action == "stayed_with_human"
        assert second.decision.lane == first.decision.lane
        assert not caplog.records

    def test_signed_override_is_honoured(self, router: Router) -> None:
        """An override in a correctly signed state wins, as a supervisor's should."""
        value = signed(RoutingState(override_lane="supervisor"))
        result = route_tracker(router, tracker_with(value), state_secret=SECRET)
        assert result.decision.lane == "supervisor"
        assert result.decision.handoff

    def test_rotation_accepts_the_previous_key_and_re_signs(self, router: Router) -> None:
        """While the secret rotates ("new,old"), a state signed with the old key is trusted
        and the state written back is signed with the new one; a third key is still refused."""
        new = b"the-new-state-secret"
        value = signed(RoutingState(override_lane="supervisor"))  # signed with SECRET (old)
        result = route_tracker(
            router, tracker_with(value), state_secret=new, previous_state_secrets=(SECRET,)
        )
        assert result.state_rejected is None
        assert result.decision.lane == "supervisor"
        written = slot(result)
        after = route_tracker(router, tracker_with(written), state_secret=new)
        assert after.state_rejected is None
        assert after.decision.lane == "supervisor"
        other = route_tracker(
            router, tracker_with(value), state_secret=new, previous_state_secrets=(b"x" * 32,)
        )
        assert other.state_rejected == "bad signature"
        assert other.decision.lane == "bot"

    def test_without_a_secret_states_work_but_overrides_do_not(self, router: Router) -> None:
        """Library use without a secret: plain states carry anti-flapping, but a state with
        an override is dropped whole (routing starts afresh)."""
        events = [user("I want a human", "request_human"), user("thanks", "thank_you")]
        plain = {"lane": "general_support", "lane_kind": "human"}
        kept = route_tracker(router, tracker_with(plain, events=events))
        assert kept.decision.lane == "general_support"
        assert kept.decision.anti_flapping.action == "stayed_with_human"
        assert kept.state_rejected is None
        forged = plain | {"override_lane": "supervisor"}
        dropped = route_tracker(router, tracker_with(forged, events=events))
        assert dropped.decision.state.override_lane is None
        assert dropped.decision.anti_flapping.action == "none"
        assert dropped.state_rejected == "unsigned override"


class TestOverrideAndHandBackOverHttp:
    def test_override_then_hand_back(self, router: Router) -> None:
        """A supervisor moves the conversation to the supervisor lane through Rasa's API; the
        action honours it on the next turn; the agent's hand-back clears it, signed."""
        with fake_rasa(jwt_secret=RASA_JWT) as rasa:
            tracker = rasa.tracker(SENDER)
            tracker["events"].append(user("hello, routing-state test"))
            tracker["latest_message"] = user("hello, routing-state test")["parse_data"]

            override(rasa.url, SENDER, "supervisor", state_secret=SECRET,
                     jwt_secret=RASA_JWT)  # fmt: skip
            stored = copy.deepcopy(rasa.trackers[SENDER])
            assert set(stored["slots"][SLOT_STATE]) == {"v", "state", "sig"}
            routed = route_tracker(router, Tracker.from_dict(stored), state_secret=SECRET)
            assert routed.state_rejected is None
            assert routed.decision.lane == "supervisor"
            assert routed.decision.handoff

            # Rasa records what the action returned; then the agent hands back.
            rasa.trackers[SENDER]["slots"][SLOT_STATE] = slot(routed)
            rasa.trackers[SENDER]["events"].append({"event": "pause"})
            hand_back(rasa.url, SENDER, "All sorted.", state_secret=SECRET,
                      jwt_secret=RASA_JWT)  # fmt: skip
            after = copy.deepcopy(rasa.trackers[SENDER])
            after["events"].append(user("one more question"))
            after["latest_message"] = user("one more question")["parse_data"]
            again = route_tracker(router, Tracker.from_dict(after), state_secret=SECRET)
            assert again.state_rejected is None
            assert again.decision.lane == "bot"
            assert again.conversation.state.handback_turn == 1

    def test_override_needs_the_secret(self) -> None:
        """An override without the state secret would never be honoured: refused up front."""
        with pytest.raises(ValueError, match="state_secret"):
            override("http://127.0.0.1:9", SENDER, "supervisor", state_secret=b"")

    def test_override_state_is_not_accepted_by_another_deployment(self, router: Router) -> None:
        """The override written with one key does not work where another key is in use."""
        with fake_rasa() as rasa:
            rasa.tracker(SENDER)["events"].append(user("hello, routing-state test"))
            override(rasa.url, SENDER, "supervisor", state_secret=b"another key")
            routed = route_tracker(
                router, Tracker.from_dict(copy.deepcopy(rasa.trackers[SENDER])),
                state_secret=SECRET,
            )  # fmt: skip
            assert routed.decision.lane == "bot"


def test_rasa_project_declares_the_state_slot_as_any() -> None:
    """The signed envelope is a mapping: the demo bot's slot must accept any value."""
    domain = (Path(__file__).resolve().parents[2] / "rasa_project" / "domain.yml").read_text()
    block = domain.split("handoff_state:", 1)[1].split("\n  ", 2)[1]
    assert "type: any" in block


def test_the_action_signs_with_the_runtime_secret(router: Router) -> None:
    """ActionHandoffRoute.run passes Runtime.state_secret through: the slot it writes is
    signed, and a forged override POSTed to it is refused."""

    class Action(ActionHandoffRoute):
        def runtime(self) -> Runtime:
            return Runtime(router=router, state_secret=SECRET)

    forged = {"override_lane": "supervisor"}
    events = asyncio.run(Action().run(CollectingDispatcher(), tracker_with(forged), {}))
    value = next(e["value"] for e in events if e.get("name") == SLOT_STATE)
    assert set(value) == {"v", "state", "sig"}
    assert value["state"]["override_lane"] is None
    assert not any(e["event"] == "pause" for e in events)
    again = route_tracker(router, tracker_with(value), state_secret=SECRET)
    assert again.state_rejected is None
