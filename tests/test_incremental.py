"""The routing state's carried analysis: a turn analyses only its new messages, and decides
exactly as analysing the whole conversation would; an unusable carry is recomputed and said."""

from __future__ import annotations

import json
import math
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from handoff import Conversation, Router
from handoff.adapters.rasa import _as_signed, _read_state, _state_fields, state_slot_value
from handoff.models.conversation import (
    CARRY_FORMAT,
    MAX_CARRY_USERS,
    Account,
    Intent,
    RoutingState,
    SignalCarry,
    Turn,
)
from handoff.models.decision import Decision
from handoff.signals.extract import (
    _DIGESTS,
    EXPLAINED_TURNS,
    Limits,
    _near_masks,
    bound,
    carried_within,
    extract,
    extract_carried,
)
from tests.conftest import RULES

PILOTS = RULES / "pilots"
NOON = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)


def _shadowed(folder: Path) -> Router:
    """rules/banking.yaml with the pilot's candidate as its shadow."""
    shutil.copy(PILOTS / "banking_candidate.yaml", folder / "candidate.yaml")
    text = (RULES / "banking.yaml").read_text(encoding="utf-8")
    (folder / "banking.yaml").write_text(text + "\nshadow:\n  rules: candidate.yaml\n")
    return Router.from_path(folder / "banking.yaml")


@pytest.fixture(scope="module")
def routers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Router]:
    return {
        "default": Router.from_path(RULES / "default.yaml"),
        "retail": Router.from_path(RULES / "retail.yaml"),
        "banking": Router.from_path(RULES / "banking.yaml"),
        # an experiment (arms with their own rules, a bot-only arm) and a shadow
        "pilot": Router.from_path(PILOTS / "banking_pilot.yaml"),
        "shadowed": _shadowed(tmp_path_factory.mktemp("shadowed")),
        # a window of 14 turns: long conversations slide past it
        "windowed": Router.from_path(RULES / "banking.yaml", max_turns=14),
    }


INTENTS = ["greet", "request_human", "nlu_fallback", "report_fraud", "complain", "chitchat",
           "card_delivery", "check_balance", "thanks", "refund_status", "goodbye"]  # fmt: skip
TEXTS = [
    "hi", "I want a human", "this is useless!!!", "where is my card?", "STILL NOT FIXED",
    "great, just great", "I will sue you", "cancel my account", "thanks!", "",
    "where is my card?? third time asking", "my card was stolen, someone took money",
    "I have been waiting 3 weeks", "ok", "you are not helping me at all",
    "my email is a@b.co and card 4111111111111111", "why is this so hard",
]  # fmt: skip
intent: st.SearchStrategy[dict[str, Any]] = st.builds(
    dict, name=st.sampled_from(INTENTS), confidence=st.floats(0, 1, allow_nan=False)
)
text = st.one_of(st.sampled_from(TEXTS), st.text(max_size=60))
user_turn: st.SearchStrategy[dict[str, Any]] = st.builds(
    dict,
    role=st.just("user"),
    text=text,
    intent=st.one_of(st.none(), intent),
    intent_ranking=st.lists(intent, max_size=3),
)
other_turn: st.SearchStrategy[dict[str, Any]] = st.builds(
    dict,
    role=st.sampled_from(["bot", "bot", "bot", "agent", "system"]),
    text=text,
    action=st.sampled_from(["utter_greet", "action_default_fallback", "utter_default", None]),
    fallback=st.booleans(),
)
# What happens to the routing state between two routed turns, besides the decision itself:
# nothing, a hand-back to the bot (handback_events), a supervisor's override, or its end.
EVENTS = ["none"] * 6 + ["handback", "override", "clear_override"]
step = st.tuples(st.lists(other_turn, max_size=2), user_turn, st.sampled_from(EVENTS))
# Lengths drawn evenly up to 28 user turns (past EXPLAINED_TURNS and the 14-turn window),
# not Hypothesis's usual bias towards short lists.
steps = st.integers(1, 28).flatmap(lambda n: st.lists(step, min_size=n, max_size=n))
customers = st.one_of(st.none(), st.sampled_from(["c-1", "c-2", "c-3", "c-4", "c-5"]))


def without_recompute_note(decision: Decision) -> Decision:
    """``decision`` without the trace step that says the whole conversation was analysed."""
    trace = tuple(step for step in decision.trace if step.kind != "signals")
    return decision.model_copy(update={"trace": trace})


def between_turns(state: RoutingState, event: str, users: int) -> RoutingState:
    """What people do to the state between turns, as the Rasa adapter writes it."""
    if event == "handback":
        return state.model_copy(
            update={"lane": "bot", "lane_kind": "bot", "rule": None, "pending": {},
                    "handback_turn": users, "override_lane": None}
        )  # fmt: skip
    if event == "override":
        return state.model_copy(update={"override_lane": "general_banking"})
    if event == "clear_override":
        return state.model_copy(update={"override_lane": None})
    return state


@pytest.mark.parametrize("rules", ["default", "retail", "banking", "pilot", "shadowed", "windowed"])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps, customer=customers)
def test_carried_turns_decide_as_the_whole_conversation(
    routers: dict[str, Router], rules: str, steps: list[Any], customer: str | None
) -> None:
    """Turn by turn, with hand-backs, overrides, experiment arms and a shadow: the decision
    from the carried analysis equals the one from analysing the whole conversation (the
    carry it leaves included), and only the latter says it started over."""
    router = routers[rules]
    event(f"user turns: {(len(steps) - 1) // 10 * 10}+")
    event(f"hand-backs: {sum(kind == 'handback' for *_, kind in steps[:-1]) > 0}")
    turns: list[Turn] = []
    state = RoutingState()
    for users, (others, user, happens) in enumerate(steps, start=1):
        turns += [Turn.model_validate(t) for t in (*others, user)]
        conversation = Conversation(
            id="prop", turns=tuple(turns), account=Account(customer_id=customer), state=state
        )
        carried = router.route(conversation, now=NOON)
        whole = router.route(
            conversation.model_copy(update={"state": state.model_copy(update={"carry": None})}),
            now=NOON,
        )
        assert without_recompute_note(carried) == without_recompute_note(whole)
        notes = [step.note for step in carried.trace if step.kind == "signals"]
        if state.carry is not None and len(turns) <= router.max_turns:
            assert notes == []  # continued
        if users > 1 and state.carry is None:
            assert notes == ["no carried analysis in the routing state"]
        assert carried.error is None
        if len(turns) > router.max_turns:
            assert carried.state.carry is None  # the window slides: nothing to carry
        state = between_turns(carried.state, happens, users)


@pytest.mark.parametrize("rules", ["banking", "pilot", "shadowed", "windowed"])
def test_a_long_conversation_replays_as_the_whole(routers: dict[str, Router], rules: str) -> None:
    """45 customer messages, past the explained turns and the window, with a hand-back in
    the middle: replay (which carries the state) equals routing every prefix from scratch."""
    router = routers[rules]
    turns: list[Turn] = []
    state = RoutingState()
    for n in range(45):
        turns += [
            Turn(role="bot", text="Sorry, I did not get that.", action="action_default_fallback")
            if n % 7 == 3
            else Turn(role="bot", text="Here you are.", action="utter_answer"),
            Turn(role="user", text=TEXTS[n % len(TEXTS)] + ("" if n % 3 else f" ({n})"),
                 intent=Intent(name=INTENTS[n % len(INTENTS)], confidence=0.7)),
        ]  # fmt: skip
        conversation = Conversation(id="long", turns=tuple(turns), state=state)
        carried = router.route(conversation, now=NOON)
        fresh = state.model_copy(update={"carry": None})
        whole = router.route(conversation.model_copy(update={"state": fresh}), now=NOON)
        assert without_recompute_note(carried) == without_recompute_note(whole), n
        # The payload bounds only what the carry does not vouch for: the same payload.
        assert router.payload(conversation, carried, now=NOON) == router.payload(
            conversation, _uncarried(carried), now=NOON
        ), n
        state = between_turns(carried.state, "handback" if n == 25 else "none", n + 1)


def _uncarried(decision: Decision) -> Decision:
    """``decision`` without its carry: the payload then checks every turn against the limits."""
    return decision.model_copy(update={"state": decision.state.model_copy(update={"carry": None})})


def chat(*texts: str) -> Conversation:
    turns: list[dict[str, Any]] = []
    for text in texts:
        turns += [
            {"role": "user", "text": text, "intent": {"name": "complain", "confidence": 0.6}},
            {"role": "bot", "text": "Sorry to hear that.", "action": "utter_sorry"},
        ]
    return Conversation.model_validate({"id": "c-9", "turns": turns[:-1]})


def next_turn(conversation: Conversation, decision: Decision, text: str) -> Conversation:
    turns = (*conversation.turns, Turn(role="bot", text="Sorry."), Turn(role="user", text=text))
    return conversation.model_copy(update={"turns": turns, "state": decision.state})


def note(decision: Decision) -> str | None:
    found = [step.note for step in decision.trace if step.kind == "signals"]
    return found[0] if found else None


class TestCarry:
    """The carry is used when it matches, and recomputed (and said) when it does not."""

    def test_a_later_turn_continues_the_carry(self, routers: dict[str, Router]) -> None:
        router = routers["default"]
        first = chat("where is my refund", "it has been two weeks")
        decision = router.route(first, now=NOON)
        assert note(decision) == "no carried analysis in the routing state"
        carry = decision.state.carry
        assert carry is not None
        assert (carry.users, carry.turns) == (2, len(first.turns))
        later = router.route(next_turn(first, decision, "still nothing!!"), now=NOON)
        assert note(later) is None
        assert later.state.carry is not None
        assert later.state.carry.users == 3

    def test_first_message_needs_no_note(self, routers: dict[str, Router]) -> None:
        """Nothing earlier to analyse: no note, and a carry for the next turn."""
        decision = routers["default"].route(chat("hello"), now=NOON)
        assert note(decision) is None
        assert decision.state.carry is not None

    def test_an_edited_history_is_analysed_again(self, routers: dict[str, Router]) -> None:
        router = routers["default"]
        first = chat("where is my refund", "it has been two weeks")
        decision = router.route(first, now=NOON)
        edited = next_turn(first, decision, "hello?")
        turns = list(edited.turns)
        turns[0] = Turn(role="user", text="I will sue you")
        edited = edited.model_copy(update={"turns": tuple(turns)})
        again = router.route(edited, now=NOON)
        assert note(again) == "the carried analysis does not match the conversation"
        state = edited.state.model_copy(update={"carry": None})
        whole = router.route(edited.model_copy(update={"state": state}), now=NOON)
        assert again.signals == whole.signals
        assert again.signals is not None
        assert "legal_threat" in again.signals.cues_seen

    @pytest.mark.parametrize("cold", [False, True])
    def test_the_kept_digest_still_refuses_edits(
        self, routers: dict[str, Router], cold: bool
    ) -> None:
        """The earlier turns are compared with the digest this process kept for the carry
        (or hashed anew when it has none): a changed role or a same-length text is refused,
        an unchanged history (new objects, equal texts) continues the carry."""
        router = routers["default"]
        first = chat("where is my refund", "it has been two weeks")
        decision = router.route(first, now=NOON)
        assert decision.state.carry is not None
        assert _DIGESTS.get(decision.state.carry.check) is not None
        later = next_turn(first, decision, "hello?")
        turns = list(later.turns)
        same = later.model_copy(
            update={"turns": tuple(Turn(role=t.role, text="".join(t.text)) for t in turns)}
        )
        role = list(turns)
        role[1] = Turn(role="agent", text=turns[1].text)
        text = list(turns)
        text[0] = Turn(role="user", text="where is my refunD")
        if cold:
            _DIGESTS.cache_clear()
        assert note(router.route(same, now=NOON)) is None
        for edited in (role, text):
            if cold:
                _DIGESTS.cache_clear()
            again = router.route(later.model_copy(update={"turns": tuple(edited)}), now=NOON)
            assert note(again) == "the carried analysis does not match the conversation"

    def test_a_shorter_conversation_is_analysed_again(self, routers: dict[str, Router]) -> None:
        """A new session (fewer turns than the carry covers) starts over."""
        router = routers["default"]
        long = chat("one", "two", "three")
        decision = router.route(long, now=NOON)
        short = chat("one", "two").model_copy(update={"state": decision.state})
        assert note(router.route(short, now=NOON)) == (
            "the carried analysis does not match the conversation"
        )

    def test_other_settings_are_analysed_again(self, routers: dict[str, Router]) -> None:
        """A carry from other rules (another fallback intent, window or limits) is not used."""
        first = chat("where is my refund", "it has been two weeks")
        decision = routers["default"].route(first, now=NOON)
        later = next_turn(first, decision, "hello?")
        assert note(routers["banking"].route(later, now=NOON)) == (
            "the carried analysis was made with other signal settings, limits or analysis"
        )
        narrow = Router.from_path(RULES / "default.yaml", max_message_chars=500)
        assert note(narrow.route(later, now=NOON)) == (
            "the carried analysis was made with other signal settings, limits or analysis"
        )

    def test_an_older_format_is_analysed_again(self, routers: dict[str, Router]) -> None:
        router = routers["default"]
        first = chat("where is my refund", "it has been two weeks")
        decision = router.route(first, now=NOON)
        assert decision.state.carry is not None
        old = decision.state.carry.model_copy(update={"v": 0})
        later = next_turn(first, decision, "hello?")
        later = later.model_copy(update={"state": later.state.model_copy(update={"carry": old})})
        assert note(router.route(later, now=NOON)) == "the carried analysis has another format"

    def test_a_handback_before_the_carry_is_analysed_again(
        self, routers: dict[str, Router]
    ) -> None:
        """A hand-back placed before the turns the carry covers (an old state restored) cannot
        be continued: the escalation model's episode must be read from the conversation."""
        router = routers["banking"]
        first = chat("my card is lost", "I want a human", "thanks")
        decision = router.route(first, now=NOON)
        later = next_turn(first, decision, "one more question")
        state = later.state.model_copy(update={"handback_turn": 1})
        moved = router.route(later.model_copy(update={"state": state}), now=NOON)
        assert note(moved) == "the hand-back is earlier than the carried analysis"
        whole = router.route(
            later.model_copy(update={"state": state.model_copy(update={"carry": None})}), now=NOON
        )
        assert without_recompute_note(moved) == without_recompute_note(whole)

    def test_extract_carried_equals_extract(self, routers: dict[str, Router]) -> None:
        """The engine's function, without the router: same signals as extract."""
        settings = routers["banking"].ruleset.settings
        conversation = chat("hi", "my card was stolen", "I have been waiting 3 weeks")
        signals, carry, why = extract_carried(conversation, settings)
        assert signals == extract(conversation, settings)
        assert carry is not None
        assert why == "no carried analysis in the routing state"
        more = Conversation.model_validate(
            {**conversation.model_dump(), "turns": [*conversation.model_dump()["turns"],
             {"role": "bot", "text": "ok"}, {"role": "user", "text": "STILL NOT FIXED"}]}
        )  # fmt: skip
        continued, _, why = extract_carried(more, settings, carry=carry)
        assert why is None
        assert continued == extract(more, settings)


class TestWithin:
    """The carry says whether every turn it covers is within the limits (format 3), so the
    payload bounds only the turns after them; what it cannot vouch for is checked in full."""

    LONG = "where is my card " * 200  # past max_message_chars (2,000)

    def test_the_carry_says_whether_its_turns_are_within_the_limits(
        self, routers: dict[str, Router]
    ) -> None:
        router = routers["default"]
        first = chat("where is my refund", "it has been two weeks")
        decision = router.route(first, now=NOON)
        assert decision.state.carry is not None
        assert decision.state.carry.within
        # A message past the limits: not within, on this turn and every later one, carried
        # or recomputed; and each turn's payload is the one bounding every turn would make.
        conversation = next_turn(first, decision, self.LONG)
        for n in range(3):
            carried = router.route(conversation, now=NOON)
            assert note(carried) is None
            assert carried.state.carry is not None
            assert not carried.state.carry.within, n
            fresh = conversation.state.model_copy(update={"carry": None})
            whole = router.route(conversation.model_copy(update={"state": fresh}), now=NOON)
            assert without_recompute_note(carried) == without_recompute_note(whole)
            assert router.payload(conversation, carried, now=NOON) == router.payload(
                conversation, _uncarried(carried), now=NOON
            )
            conversation = next_turn(conversation, carried, "hello?")

    def test_a_long_intent_or_entity_is_not_within(self, routers: dict[str, Router]) -> None:
        router = routers["default"]
        for turn in (
            Turn(role="user", text="hi", intent=Intent(name="x" * 300, confidence=0.9)),
            Turn(role="bot", text="Here.", action="utter_" + "x" * 300),
        ):
            conversation = chat("where is my refund")
            conversation = conversation.model_copy(
                update={"turns": (*conversation.turns, turn, Turn(role="user", text="ok?"))}
            )
            decision = router.route(conversation, now=NOON)
            assert decision.state.carry is not None
            assert not decision.state.carry.within
            assert router.payload(conversation, decision, now=NOON) == router.payload(
                conversation, _uncarried(decision), now=NOON
            )

    def test_only_the_turns_the_carry_covers_are_vouched_for(
        self, routers: dict[str, Router]
    ) -> None:
        router = routers["default"]
        conversation = chat("where is my refund", "it has been two weeks")
        decision = router.route(conversation, now=NOON)
        carry = decision.state.carry
        assert carry is not None
        key = carry.key  # the router's, for its rules and limits
        turns = conversation.turns
        assert carried_within(turns, carry, key) == len(turns)
        # Equal texts are not enough (the limits also cover intents, entities and actions,
        # which the carry's check does not digest): turns in another tuple, or after this
        # thread routed another conversation, are all checked again.
        assert carried_within((*turns,), carry, key) == 0
        router.route(chat("hello"), now=NOON)
        assert carried_within(turns, carry, key) == 0
        decision = router.route(conversation, now=NOON)
        carry = decision.state.carry
        assert carry is not None
        assert carried_within(turns, carry, key) == len(turns)
        # Other texts, a shorter conversation, another key or format, no carry: none.
        edited = (*turns[:-1], Turn(role="user", text="it has been three weeks"))
        assert carried_within(edited, carry, key) == 0
        assert carried_within(turns[:-1], carry, key) == 0
        assert carried_within(turns, carry, "another key") == 0
        assert carried_within(turns, carry.model_copy(update={"v": 2}), key) == 0
        assert carried_within(turns, carry.model_copy(update={"within": False}), key) == 0
        assert carried_within(turns, None, key) == 0
        # A later turn past the limits is still checked, and cut.
        longer = conversation.model_copy(
            update={"turns": (*turns, Turn(role="user", text=TestWithin.LONG))}
        )
        later = router.route(longer, now=NOON).state.carry
        assert later is not None
        assert not later.within
        within = carried_within(longer.turns, later, key)
        assert within == 0
        assert bound(longer, Limits(), within=within).cut_chars

    def test_a_format_2_carry_is_recomputed_with_the_same_decision(
        self, routers: dict[str, Router]
    ) -> None:
        """A carry made before format 3 (no ``within``) is analysed again, once, and said;
        the decision is the one from analysing the whole conversation."""
        router = routers["default"]
        first = chat("where is my refund", "it has been two weeks")
        decision = router.route(first, now=NOON)
        assert decision.state.carry is not None
        values = decision.state.carry.model_dump()
        del values["within"]
        values["v"] = 2
        old = SignalCarry.model_validate(values)
        assert not old.within
        later = next_turn(first, decision, "this is useless, I want a person")
        later = later.model_copy(update={"state": later.state.model_copy(update={"carry": old})})
        carried = router.route(later, now=NOON)
        assert note(carried) == "the carried analysis has another format"
        fresh = later.model_copy(update={"state": later.state.model_copy(update={"carry": None})})
        whole = router.route(fresh, now=NOON)
        assert carried.model_dump(exclude={"trace"}) == whole.model_dump(exclude={"trace"})
        assert without_recompute_note(carried).trace == without_recompute_note(whole).trace
        assert carried.state.carry is not None
        assert carried.state.carry.v == CARRY_FORMAT
        assert carried.state.carry.within
        # The payload reads the old carry's decision as before: every turn checked.
        assert router.payload(later, carried, now=NOON) == router.payload(
            later, _uncarried(carried), now=NOON
        )


class TestBound:
    """The carry travels in a slot on every request, and Rasa stores it on every turn."""

    def test_explanations_cover_the_latest_turns(self, routers: dict[str, Router]) -> None:
        conversation = chat(*(f"message {i}: still waiting!!" for i in range(30)))
        decision = routers["default"].route(conversation, now=NOON)
        assert decision.signals is not None
        assert decision.signals.user_turns == 30
        assert len(decision.signals.turn_scores) == EXPLAINED_TURNS
        assert decision.signals.turn_scores[-1].turn == len(conversation.turns) - 1

    def test_a_long_conversation_carries_a_small_state(self, routers: dict[str, Router]) -> None:
        """50 customer messages (99 turns), half of them with cues: the slot stays small."""
        texts = [
            f"where is my refund for order {i}?"
            if i % 2
            else f"this is the {i}th time I'm asking, I want a real person!!"
            for i in range(50)
        ]
        decision = routers["default"].route(chat(*texts), now=NOON)
        carry = decision.state.carry
        assert carry is not None
        size = len(json.dumps(carry.model_dump(mode="json")))
        assert size <= 4096, size

    def test_past_the_bound_nothing_is_carried(self, routers: dict[str, Router]) -> None:
        """More user turns than the state carries (a script, not a chat): analysed whole
        every turn, and the state stays as small as before."""
        router = Router.from_path(RULES / "default.yaml", max_turns=1000)
        conversation = chat(*(f"m{i}" for i in range(MAX_CARRY_USERS + 1)))
        decision = router.route(conversation, now=NOON)
        assert decision.state.carry is None
        assert decision.error is None

    def test_too_many_cues_are_not_carried(self, routers: dict[str, Router]) -> None:
        shouting = "WHERE IS IT!!! NOBODY HELPS!!! I WANT A HUMAN NOW!!! USELESS!!! " * 8
        decision = routers["default"].route(chat(*([shouting] * 12)), now=NOON)
        assert decision.state.carry is None
        assert decision.error is None

    def test_the_state_refuses_an_oversized_carry(self) -> None:
        with pytest.raises(ValueError, match="words"):
            SignalCarry(key="k", turns=1, check="c", users=1, words="0" * 8 * (MAX_CARRY_USERS + 1))


# Signed by the code before the carry existed (commit e84b69c), with the secret b"old-secret".
STORED_BEFORE = [
    ("c-42", '{"v": 1, "state": {"lane": "general_support", "lane_kind": "human", '
     '"since_turn": 3, "rule": "asked_for_human", "handback_turn": 1, "pending": '
     '{"mood_sliding": 1}, "override_lane": null}, '
     '"sig": "d75ec37f7e0aeca724b85746fd396c7be4493eacaa4d10078322f32e53de1b25"}'),
    ("c-43", '{"v": 1, "state": {"lane": "bot", "lane_kind": "bot", "since_turn": 1, '
     '"rule": null, "handback_turn": null, "pending": {}, "override_lane": null, '
     '"experiment": "early-help", "arm": "early_help", "shadow": {"lane": "bot", '
     '"lane_kind": "bot", "since_turn": null, "rule": null, "handback_turn": null, '
     '"pending": {}, "override_lane": null}}, '
     '"sig": "3cce3123ea935a1649d71ae48a2bd7705c39a7ce9288d52325dcad76c8865835"}'),
]  # fmt: skip


class TestSignedStates:
    """The carry is part of the signed state; states signed before it still verify."""

    @pytest.mark.parametrize(("conversation_id", "slot"), STORED_BEFORE)
    def test_states_signed_before_still_verify(self, conversation_id: str, slot: str) -> None:
        state, problem = _read_state(json.loads(slot), conversation_id, b"old-secret")
        assert problem is None
        assert state.carry is None
        value = state_slot_value(state, conversation_id=conversation_id, state_secret=b"old-secret")
        assert value == json.loads(slot)  # re-signed exactly as before

    @pytest.mark.parametrize(
        "values",
        [
            {},
            {"lane": "bot", "lane_kind": "bot", "since_turn": 1, "pending": {"b": 1, "a": 2}},
            {"override_lane": "x", "handback_turn": 3, "rule": "r"},
            {"experiment": "e", "arm": "a"},
            {"experiment": "e"},
            {"shadow": {"lane": "bot", "pending": {"r": 1}}, "arm": "b"},
        ],
    )
    def test_the_signed_fields_are_the_states_dump(self, values: dict[str, Any]) -> None:
        """The slot reads the state's values without dumping it: the same JSON values."""
        state = RoutingState.model_validate(values)
        fields = _state_fields(state)
        assert fields == state.model_dump(mode="json", exclude={"carry"})
        assert list(fields) == list(state.model_dump(mode="json", exclude={"carry"}))
        assert fields["pending"] is not state.pending

    def test_the_slots_carry_is_the_carrys_dump(self, routers: dict[str, Router]) -> None:
        """The slot reads the carry's values without the serializer: the same JSON values,
        keys in the same order, for carries with and without an episode, ``within`` and
        ``parts`` (formats before 4 leave the last two out)."""
        router = routers["banking"]
        first = chat("my card is lost", "I want a human now, this is useless", "thanks")
        decision = router.route(first, now=NOON)
        later = next_turn(first, decision, "one more question about my card")
        state = later.state.model_copy(update={"handback_turn": 2})
        handed = router.route(later.model_copy(update={"state": state}), now=NOON)
        carries = [decision.state.carry, handed.state.carry]
        assert all(carry is not None for carry in carries)
        assert any(carry is not None and carry.episode is not None for carry in carries)
        carries += [
            carry.model_copy(update=update)
            for carry in carries
            if carry is not None
            for update in ({"within": None}, {"parts": None}, {"within": None, "parts": None})
        ]
        for carry in carries:
            assert carry is not None
            exclude = _as_signed(carry)
            value = state_slot_value(
                RoutingState(carry=carry), conversation_id="c-9", state_secret=b"k"
            )["state"]["carry"]
            dump = SignalCarry.__pydantic_serializer__.to_python(
                carry, mode="json", exclude=exclude
            )
            assert value == dump
            assert json.dumps(value) == json.dumps(dump)  # key order and value types

    def test_a_tampered_carry_is_refused(self, routers: dict[str, Router]) -> None:
        decision = routers["default"].route(chat("hi", "I will sue you"), now=NOON)
        value = state_slot_value(decision.state, conversation_id="c-9", state_secret=b"k")
        value["state"]["carry"]["seen"] = []  # hide the legal threat from red lines
        state, problem = _read_state(value, "c-9", b"k")
        assert problem == "bad signature"
        assert state.carry is None

    def test_an_unsigned_carry_is_not_trusted(self, routers: dict[str, Router]) -> None:
        decision = routers["default"].route(chat("hi", "I will sue you"), now=NOON)
        value = state_slot_value(decision.state, conversation_id="c-9", state_secret=None)
        state, problem = _read_state(value, "c-9", None)
        assert problem is None
        assert state.carry is None
        assert state.lane == decision.state.lane


# Signed with a carry by the code before format 2 (commit 78f6525), secret b"old-secret": the
# whole state, carry included, under one canonical JSON signature (format 1).
CARRIED_BEFORE = (
    "c-44",
    '{"v": 1, "state": {"lane": "priority_support", "lane_kind": "human", "since_turn": 2, '
    '"rule": "legal_threat", "handback_turn": null, "pending": {}, "override_lane": null, '
    '"carry": {"v": 1, "key": "b8305e0c532fc304", "turns": 3, "check": '
    '"57e4a06c70941c620f853173f92dd8e1", "users": 2, "first": 0.0, "low": -0.4588, "high": '
    '0.9652914931922725, "seen": ["legal_threat"], "recent": [[0, 0.0, 0.6464882604294326], '
    '[2, -0.4588, 0.9652914931922725]], "cues": [[2, "legal_threat", 15, 25, 0.6]], '
    '"failures": {"total": 0, "run": 0, "last": false, "answered": false, "exempt": false}, '
    '"episode": null, "words": "0080304180c24080"}}, '
    '"sig": "55f056888b4a35085f6fc8baafd75a15ea7a0b93ac062e6134f38353153fd825"}',
)


# Signed by the code before carry format 3 (commit 5b2c37d), secret b"old-secret": a state of
# format 2 whose carry (format 2) has no ``within``.
CARRIED_FORMAT_2 = (
    "c-1",
    '{"v": 2, "state": {"lane": "priority_support", "lane_kind": "human", "since_turn": 2, '
    '"rule": "legal_threat", "handback_turn": null, "pending": {}, "override_lane": null, '
    '"carry": {"v": 2, "key": "835d618ceb2bcbdf", "turns": 3, "check": '
    '"989e8e100f09410d9dfab61c1d88f2f5", "users": 2, "first": 0.0, "low": -0.4588, "high": '
    '0.9657624921879009, "seen": ["legal_threat"], "recent": [[0, 0.0, 0.8143584451253705], '
    '[2, -0.4588, 0.9657624921879009]], "cues": [[2, "legal_threat", 15, 25, 0.6]], '
    '"failures": {"total": 0, "run": 0, "last": false, "answered": false, "exempt": false}, '
    '"episode": null, "words": "0180204080c24080"}}, '
    '"sig": "36a5944a94b2ab49752541deb5466ebf47d510d8a02aa304dd6c75a0ecb0e038"}',
)


def test_a_carry_of_format_2_still_verifies_and_is_recomputed(
    routers: dict[str, Router],
) -> None:
    """A state signed with a format-2 carry verifies (``within`` is left out of its dump),
    and the next turn analyses the whole conversation, says so, and decides as that does."""
    conversation_id, slot = CARRIED_FORMAT_2
    state, problem = _read_state(json.loads(slot), conversation_id, b"old-secret")
    assert problem is None
    assert state.carry is not None
    assert state.carry.v == 2
    assert state.carry.within is None
    turns = [
        {"role": "user", "text": "where is my refund"},
        {"role": "bot", "text": "Here."},
        {"role": "user", "text": "this is awful, I will sue you"},
        {"role": "bot", "text": "Sorry to hear that."},
        {"role": "user", "text": "hello?"},
    ]
    later = Conversation.model_validate({"id": conversation_id, "turns": turns})
    router = routers["default"]
    decision = router.route(later.model_copy(update={"state": state}), now=NOON)
    assert note(decision) == "the carried analysis has another format"
    fresh = later.model_copy(update={"state": state.model_copy(update={"carry": None})})
    whole = router.route(fresh, now=NOON)
    assert without_recompute_note(decision) == without_recompute_note(whole)
    assert decision.state.carry is not None
    assert decision.state.carry.v == CARRY_FORMAT
    assert decision.state.carry.within
    assert router.payload(later, decision, now=NOON) == router.payload(
        later, _uncarried(decision), now=NOON
    )


class TestStateFormat2:
    """A state with a carry is signed in format 2 (the carry's own JSON, not canonicalised on
    every turn); format 1 states, with or without a carry, still verify."""

    def test_a_carried_state_is_format_2_and_round_trips_through_json(
        self, routers: dict[str, Router]
    ) -> None:
        decision = routers["default"].route(chat("hi", "this is awful, I will sue you"), now=NOON)
        assert decision.state.carry is not None
        value = state_slot_value(decision.state, conversation_id="c-9", state_secret=b"k")
        assert value["v"] == 2
        assert set(value) == {"v", "state", "sig"}
        # As a tracker store keeps it: JSON text, keys in any order.
        stored = json.loads(json.dumps(value, sort_keys=True))
        state, problem = _read_state(stored, "c-9", b"k")
        assert problem is None
        assert state == decision.state
        state, problem = _read_state(stored, "c-10", b"k")
        assert problem == "bad signature"

    def test_a_format_1_state_with_a_carry_still_verifies(self) -> None:
        conversation_id, slot = CARRIED_BEFORE
        state, problem = _read_state(json.loads(slot), conversation_id, b"old-secret")
        assert problem is None
        assert state.carry is not None
        assert state.carry.seen == ("legal_threat",)
        # Re-signed in format 2 on the next turn, and that verifies too.
        value = state_slot_value(state, conversation_id=conversation_id, state_secret=b"old-secret")
        assert value["v"] == 2
        assert _read_state(value, conversation_id, b"old-secret") == (state, None)

    def test_a_carry_of_format_1_is_recomputed_and_said(self, routers: dict[str, Router]) -> None:
        """Its check was another hash: the next turn analyses the whole conversation."""
        conversation_id, slot = CARRIED_BEFORE
        state, _ = _read_state(json.loads(slot), conversation_id, b"old-secret")
        turns = [
            {"role": "user", "text": "hi, where is my parcel",
             "intent": {"name": "parcel_status", "confidence": 0.9}},
            {"role": "bot", "text": "Here.", "action": "utter_answer"},
            {"role": "user", "text": "this is awful, I will sue you"},
            {"role": "bot", "text": "Sorry to hear that.", "action": "utter_sorry"},
            {"role": "user", "text": "hello?"},
        ]  # fmt: skip
        later = Conversation.model_validate({"id": conversation_id, "turns": turns})
        decision = routers["default"].route(later.model_copy(update={"state": state}), now=NOON)
        assert note(decision) == "the carried analysis has another format"
        fresh = later.model_copy(update={"state": state.model_copy(update={"carry": None})})
        whole = routers["default"].route(fresh, now=NOON)
        assert decision.signals == whole.signals
        assert decision.state.carry is not None
        assert decision.state.carry.v == CARRY_FORMAT

    @pytest.mark.parametrize("part", ["carry", "lane", "pending"])
    def test_tampering_with_any_part_is_refused(
        self, routers: dict[str, Router], part: str
    ) -> None:
        decision = routers["default"].route(chat("hi", "I will sue you"), now=NOON)
        value = state_slot_value(decision.state, conversation_id="c-9", state_secret=b"k")
        if part == "carry":
            value["state"]["carry"]["cues"] = []
        elif part == "lane":
            value["state"]["lane"] = "bot"
        else:
            value["state"]["pending"] = {"mood_sliding": 1}
        assert _read_state(value, "c-9", b"k") == (RoutingState(), "bad signature")

    def test_format_2_without_a_carry_or_as_format_1_is_refused(
        self, routers: dict[str, Router]
    ) -> None:
        decision = routers["default"].route(chat("hi", "I will sue you"), now=NOON)
        value = state_slot_value(decision.state, conversation_id="c-9", state_secret=b"k")
        del value["state"]["carry"]
        assert _read_state(value, "c-9", b"k") == (RoutingState(), "malformed")
        value = state_slot_value(decision.state, conversation_id="c-9", state_secret=b"k")
        value["v"] = 1  # the same signature read as format 1
        assert _read_state(value, "c-9", b"k") == (RoutingState(), "bad signature")
        value["v"] = [2]
        assert _read_state(value, "c-9", b"k") == (RoutingState(), "malformed")


def _same(a: Any, b: Any) -> bool:
    """Equal values of identical types all the way down (NaN equal to NaN), so an int where
    validation makes a float, or a list where it makes a tuple, shows."""
    if type(a) is not type(b):
        return False
    if isinstance(a, BaseModel):
        return all(_same(getattr(a, name), getattr(b, name)) for name in type(a).model_fields)
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return bool(a == b)


def _valid(model: Any) -> bool:
    """Whether ``model`` is what validating its own dump gives (see _same)."""
    return _same(model, type(model).model_validate(model.model_dump()))


@pytest.mark.parametrize("rules", ["default", "banking", "pilot", "shadowed", "windowed"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=steps, customer=customers)
def test_models_built_without_validation_are_valid(
    routers: dict[str, Router], rules: str, steps: list[Any], customer: str | None
) -> None:
    """The engine builds decisions, routing states, carries and signals from values it
    computed from validated models, without validating them again: each is what validating
    its dump gives (values and their types), on every turn."""
    router = routers[rules]
    turns: list[Turn] = []
    state = RoutingState()
    for users, (others, user, happens) in enumerate(steps, start=1):
        turns += [Turn.model_validate(t) for t in (*others, user)]
        conversation = Conversation(
            id="prop", turns=tuple(turns), account=Account(customer_id=customer), state=state
        )
        decision = router.route(conversation, now=NOON)
        assert _valid(decision)
        if decision.handoff:
            assert _valid(router.payload(conversation, decision, now=NOON))
        state = between_turns(decision.state, happens, users)


def test_a_format_2_state_verifies_with_a_previous_key_while_the_secret_rotates(
    routers: dict[str, Router],
) -> None:
    decision = routers["default"].route(chat("hi", "I will sue you"), now=NOON)
    value = state_slot_value(decision.state, conversation_id="c-9", state_secret=b"old")
    assert value["v"] == 2
    assert _read_state(value, "c-9", b"new", [b"old"]) == (decision.state, None)
    assert _read_state(value, "c-9", b"new") == (RoutingState(), "bad signature")


@given(
    st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=60),
    st.integers(0, 40),
    st.data(),
)
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_the_repeat_filter_compares_all_masks_at_once(
    masks: list[int], most: int, data: st.DataObject
) -> None:
    """_near_masks (every lane at once) finds what comparing the masks one by one finds; some
    earlier masks are made the latest's, unset, or a bit or two from it."""
    mine = masks[-1]
    for n in range(len(masks) - 1):
        change = data.draw(st.sampled_from(["keep", "same", "zero", "near"]))
        if change == "same":
            masks[n] = mine
        elif change == "zero":
            masks[n] = 0
        elif change == "near":
            masks[n] = mine ^ (1 << data.draw(st.integers(0, 31)))
    words = "".join(f"{m:08x}" for m in masks)
    expected = [n for n, m in enumerate(masks[:-1]) if m and (mine ^ m).bit_count() <= most]
    assert _near_masks(words, most) == expected


_KEY = (
    "from handoff.models.rules import Settings; from handoff.signals.extract import carry_key; "
    "print(carry_key(Settings(default_lane='bot', safe_lane='general')))"
)


def _key_of(package_root: Path) -> str:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    done = subprocess.run(
        [sys.executable, "-c", _KEY],
        cwd=package_root,
        env={"PYTHONPATH": str(package_root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_a_deploy_that_changes_the_analysis_changes_the_carry_key(tmp_path: Path) -> None:
    """A carry made before a deploy that changed any file of the analysis (a cue table, say)
    is not continued after it: its key differs, so it is recomputed once. An unchanged copy of
    the package keys carries as the installed one does."""
    source = Path(__file__).resolve().parents[1] / "handoff"
    copy = tmp_path / "copy"
    shutil.copytree(source, copy / "handoff", ignore=shutil.ignore_patterns("__pycache__"))
    before = _key_of(copy)
    assert before == _key_of(source.parent)
    lexicon = copy / "handoff" / "signals" / "routing_lexicon.py"
    lexicon.write_text(lexicon.read_text(encoding="utf-8") + "\n# a deploy\n", encoding="utf-8")
    assert _key_of(copy) != before
