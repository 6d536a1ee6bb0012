"""Rasa adapter: a rasa-sdk action that routes every user turn, over pure functions.

``tracker_to_conversation`` (Tracker → Conversation) and ``decision_events`` (Decision →
Rasa events) hold all the logic and are tested with ``Tracker.from_dict`` on real captured
requests; ``ActionHandoffRoute`` is the thin shell rasa-sdk calls. Install with
``pip install 'handoff[rasa]'``.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

try:
    from rasa_sdk import Action, Tracker
    from rasa_sdk.events import ConversationPaused, EventType, SlotSet
    from rasa_sdk.executor import CollectingDispatcher
except ImportError as error:  # pragma: no cover  (exercised only without the extra)
    raise ImportError(
        "handoff.adapters.rasa needs rasa-sdk: pip install 'handoff[rasa]'"
    ) from error

from handoff.models.conversation import Account, Conversation, Entity, Intent, RoutingState, Turn
from handoff.models.decision import Decision
from handoff.models.payload import ContextPayload
from handoff.models.rules import HUMAN_LANE_KINDS
from handoff.router import Router

__all__ = [
    "ACTION_NAME",
    "SLOT_AGENT_NOTE",
    "SLOT_LANE",
    "SLOT_PRIORITY",
    "SLOT_REASON",
    "SLOT_STATE",
    "ActionHandoffRoute",
    "Runtime",
    "TurnResult",
    "decision_events",
    "hand_back",
    "handback_events",
    "route_tracker",
    "tracker_to_conversation",
]

log = logging.getLogger("handoff.rasa")

ACTION_NAME = "action_handoff_route"
SLOT_LANE = "handoff_lane"
SLOT_PRIORITY = "handoff_priority"
SLOT_REASON = "handoff_reason"
SLOT_STATE = "handoff_state"
SLOT_AGENT_NOTE = "handoff_agent_note"
# Account data may come as message metadata (the channel knows who is logged in) or slots.
ACCOUNT_SLOTS = {"customer_id": "customer_id", "tier": "account_tier", "risk_flags": "risk_flags"}


def _as_state(value: Any) -> RoutingState:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return RoutingState()
    if not isinstance(value, Mapping):
        return RoutingState()
    try:
        return RoutingState.model_validate(value)
    except ValueError:
        # A state written by an older version must not block routing: start afresh.
        log.warning("ignoring unreadable %s slot: %r", SLOT_STATE, value)
        return RoutingState()


def _intent(data: Any) -> Intent | None:
    if not isinstance(data, Mapping) or not data.get("name"):
        return None
    confidence = data.get("confidence")
    if not isinstance(confidence, int | float) or math.isnan(confidence):
        confidence = 1.0
    return Intent(name=str(data["name"]), confidence=min(1.0, max(0.0, float(confidence))))


def _entities(data: Any) -> tuple[Entity, ...]:
    out = []
    for item in data or ():
        if isinstance(item, Mapping) and item.get("entity"):
            value = item.get("value")
            if not isinstance(value, str | int | float | bool) and value is not None:
                value = json.dumps(value, default=str)
            out.append(
                Entity(
                    entity=str(item["entity"]),
                    value=value,
                    start=item.get("start") if isinstance(item.get("start"), int) else None,
                    end=item.get("end") if isinstance(item.get("end"), int) else None,
                )
            )
    return tuple(out)


def _user_turn(parse: Mapping[str, Any], text: Any, timestamp: Any) -> Turn:
    ranking = tuple(
        i for i in (_intent(x) for x in parse.get("intent_ranking") or ()) if i is not None
    )
    return Turn(
        role="user",
        text=str(text or ""),
        intent=_intent(parse.get("intent")),
        intent_ranking=ranking,
        entities=_entities(parse.get("entities")),
        timestamp=float(timestamp) if isinstance(timestamp, int | float) else None,
    )


def _current_session(events: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    last = 0
    for index, event in enumerate(events):
        if event.get("event") == "session_started":
            last = index
    return events[last:]


def tracker_to_conversation(tracker: Tracker) -> Conversation:
    """Read a Rasa tracker into a Conversation (the current session only).

    User events become user turns (with intent, ranking and entities); bot events become bot
    turns tagged with the action that uttered them, so ``action_default_fallback`` counts as
    a failure. Reverted utterances are kept: a message the bot failed on still happened.
    A ``resume`` after the last ``pause`` that the routing state does not know about is
    treated as a hand-back, so the cool-down applies however the conversation was resumed.
    """
    events = _current_session(list(tracker.events or ()))
    turns: list[Turn] = []
    last_action: str | None = None
    user_count = 0
    resumed_at: int | None = None
    paused = False
    for event in events:
        kind = event.get("event")
        if kind == "user":
            turns.append(
                _user_turn(event.get("parse_data") or {}, event.get("text"), event.get("timestamp"))
            )
            user_count += 1
        elif kind == "bot":
            turns.append(
                Turn(
                    role="bot",
                    text=str(event.get("text") or ""),
                    action=last_action,
                    timestamp=event.get("timestamp")
                    if isinstance(event.get("timestamp"), int | float)
                    else None,
                )
            )
        elif kind == "action":
            name = event.get("name")
            last_action = str(name) if name else None
        elif kind == "pause":
            paused = True
        elif kind == "resume" and paused:
            paused = False
            resumed_at = user_count

    latest = tracker.latest_message or {}
    # A tracker built by hand may carry the latest message without any user event. Real
    # trackers always log the user event, and keep latest_message after a hand-back, so
    # appending it whenever the last turn is not a user turn would replay an old message.
    if latest.get("text") is not None and user_count == 0:
        turns.append(_user_turn(latest, latest.get("text"), None))
        user_count += 1

    slots = dict(tracker.slots or {})
    metadata = dict(latest.get("metadata") or {})
    state = _as_state(slots.get(SLOT_STATE))
    if (
        resumed_at is not None
        and state.lane_kind in HUMAN_LANE_KINDS
        and (state.handback_turn is None or state.handback_turn < resumed_at)
    ):
        state = state.model_copy(
            update={"lane": None, "lane_kind": None, "rule": None,
                    "handback_turn": resumed_at, "pending": {}}
        )  # fmt: skip
    return Conversation(
        id=str(tracker.sender_id or "unknown"),
        channel=str(metadata.get("channel") or tracker.get_latest_input_channel() or "unknown"),
        turns=tuple(turns),
        account=_account(metadata, slots),
        slots=slots,
        metadata=metadata,
        state=state,
    )


def _account(metadata: Mapping[str, Any], slots: Mapping[str, Any]) -> Account:
    # Channels often send account data only with a session's first message; Rasa keeps that
    # in the session_started_metadata slot.
    session = slots.get("session_started_metadata")
    session = session if isinstance(session, Mapping) else {}

    def pick(key: str) -> Any:
        for source in (metadata, session):
            value = source.get(key)
            if value not in (None, "", []):
                return value
        return slots.get(ACCOUNT_SLOTS[key])

    flags = pick("risk_flags") or ()
    if isinstance(flags, str):
        flags = [f.strip() for f in flags.split(",") if f.strip()]
    customer = pick("customer_id")
    tier = pick("tier")
    return Account(
        customer_id=str(customer) if customer not in (None, "") else None,
        name=str(metadata["name"]) if metadata.get("name") else None,
        tier=str(tier) if tier else "standard",
        risk_flags=frozenset(str(f) for f in flags),
    )


def decision_events(decision: Decision) -> list[EventType]:
    """The Rasa events for a decision: lane slots always, and a pause for a new handoff.

    For the bot lane only the (non-influencing) handoff slots change, so the dialogue goes
    on undisturbed. The lane's customer message is sent by the action's dispatcher.
    """
    events: list[EventType] = [
        SlotSet(SLOT_LANE, decision.lane),
        SlotSet(SLOT_PRIORITY, float(decision.priority)),
        SlotSet(SLOT_REASON, decision.reason),
        SlotSet(SLOT_STATE, decision.state.model_dump(mode="json")),
    ]
    if decision.handoff:
        events.append(ConversationPaused())
    return events


@dataclass(frozen=True)
class TurnResult:
    """What routing one Rasa turn produced."""

    conversation: Conversation
    decision: Decision
    payload: ContextPayload | None
    message: str | None
    events: list[EventType]
    seconds: float
    # True when a handoff was decided but its payload could not be built or stored: the
    # customer was then not told a person is coming (see route_tracker).
    delivery_failed: bool = False


def route_tracker(
    router: Router,
    tracker: Tracker,
    *,
    deliver: Callable[[ContextPayload, Decision], None] | None = None,
) -> TurnResult:
    """Route the tracker's latest turn. Never raises: faults go to the safe lane.

    ``deliver`` (e.g. an outbox's ``put``) is called with the payload of a handoff before
    the pause is returned, so a payload is persisted in the same step as the decision.
    """
    started = time.perf_counter()
    try:
        conversation = tracker_to_conversation(tracker)
    except Exception as error:
        log.exception("could not read the tracker of %s", tracker.sender_id)
        conversation = Conversation(id=str(tracker.sender_id or "unknown"))
        decision = router.safe_decision(conversation, error)
    else:
        decision = router.route(conversation)
    payload: ContextPayload | None = None
    message: str | None = None
    if decision.handoff:
        lane = router.ruleset.lanes[decision.lane]
        message = lane.message or None
        try:
            payload = router.payload(conversation, decision)
            if deliver is not None:
                deliver(payload, decision)
        except Exception:
            log.exception("payload delivery failed for %s", conversation.id)
    events = decision_events(decision)
    return TurnResult(
        conversation, decision, payload, message, events, time.perf_counter() - started
    )


@dataclass
class Runtime:
    """What the action routes with: a router, optional delivery, and hooks per turn."""

    router: Router
    deliver: Callable[[ContextPayload, Decision], None] | None = None
    on_turn: Iterable[Callable[[TurnResult], None]] = ()
    # Key that signs the routing state kept in the handoff_state slot (tamper evidence).
    state_secret: bytes | None = None
    # Raises StorageUnavailable when payloads cannot be stored (the readiness check).
    ready: Callable[[], None] | None = None

    def record(self, result: TurnResult) -> None:
        """Run the per-turn hooks (metrics, audit); a failing hook is logged, not raised."""
        for hook in self.on_turn:
            try:
                hook(result)
            except Exception:
                log.exception("turn hook failed")


class ActionHandoffRoute(Action):  # type: ignore[misc]  # rasa-sdk ships no type hints
    """``action_handoff_route``: run it on every user turn (see rasa_project/data/rules.yml).

    Configured from the environment by ``handoff.adapters.rasa_actions`` (rules path,
    outbox URL, sinks); subclass and override ``runtime`` to configure it in code.
    """

    def name(self) -> str:
        """The action name used in the domain and rules."""
        return ACTION_NAME

    def runtime(self) -> Runtime:
        """The router and delivery to use; the default reads the environment once."""
        from handoff.adapters.rasa_actions import runtime_from_env  # noqa: PLC0415

        return runtime_from_env()

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[dict[str, Any]]:
        """Route the latest user turn and return the events for Rasa."""
        runtime = self.runtime()
        result = route_tracker(runtime.router, tracker, deliver=runtime.deliver)
        if result.message:
            dispatcher.utter_message(text=result.message)
        runtime.record(result)
        return result.events


def handback_events(
    conversation: Conversation, note: str, *, lane: str | None = None
) -> list[dict[str, Any]]:
    """Events that hand a paused conversation back to the bot with the agent's note.

    The routing state records the hand-back turn, so the rule set's cool-down applies, and
    forgets the human lane, so "stay with a human" no longer holds.
    """
    state = conversation.state.model_copy(
        update={
            "lane": lane,
            "lane_kind": "bot" if lane else None,
            "rule": None,
            "pending": {},
            "handback_turn": len(conversation.user_turns),
            "override_lane": None,
        }
    )
    return [
        {"event": "slot", "name": SLOT_AGENT_NOTE, "value": note},
        {"event": "slot", "name": SLOT_LANE, "value": lane},
        {"event": "slot", "name": SLOT_STATE, "value": state.model_dump(mode="json")},
        # Without action_listen Rasa treats the customer's next message as the continuation
        # of the paused turn: RulePolicy falls back and replays the old answer.
        {"event": "action", "name": "action_listen"},
        {"event": "resume"},
    ]


def hand_back(
    rasa_url: str,
    sender_id: str,
    note: str,
    *,
    lane: str | None = "bot",
    token: str | None = None,
    timeout: float = 10.0,
) -> list[dict[str, Any]]:
    """Resume the bot for ``sender_id`` through Rasa's HTTP API (``rasa run --enable-api``).

    Reads the tracker, appends the hand-back events and returns them. Raises
    ``httpx.HTTPError`` if Rasa cannot be reached, so the agent's tool can retry.
    """
    import httpx  # noqa: PLC0415  (only the hand-back needs HTTP)

    params = {"token": token} if token else {}
    base = rasa_url.rstrip("/")
    with httpx.Client(timeout=timeout) as client:
        response = client.get(f"{base}/conversations/{sender_id}/tracker", params=params)
        response.raise_for_status()
        tracker = Tracker.from_dict(response.json())
        events = handback_events(tracker_to_conversation(tracker), note, lane=lane)
        client.post(
            f"{base}/conversations/{sender_id}/tracker/events", params=params, json=events
        ).raise_for_status()
    return events
