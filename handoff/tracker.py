"""Rasa's tracker as plain data (its events, slots and latest message) read into a Conversation.

No rasa-sdk here: the Rasa action (``handoff.adapters.rasa``), rule-change backtests over
Rasa's SQL ``events`` table and tracker dumps in JSON Lines (``handoff.governance.backtest``)
read a tracker the same way. Only the current session counts (the events from the last
``session_started``).

User events become user turns (with intent, ranking and entities); bot events become bot
turns tagged with the action that uttered them, so ``action_default_fallback`` counts as a
failure. Reverted utterances are kept: a message the bot failed on still happened. The
customer's answer to the effort question (CES) is dropped: its intent (often
``nlu_fallback`` for "6") must not count as the bot failing. A ``resume`` after a ``pause``
is a hand-back: :func:`handed_back` is what the routing state becomes when the bot takes the
conversation back, however it was resumed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handoff.models.conversation import (
    Account,
    Conversation,
    RoutingState,
    Turn,
    clean_text,
    user_turn_from_parse,
)
from handoff.models.rules import HUMAN_LANE_KINDS

__all__ = [
    "ACCOUNT_SLOTS",
    "ACTION_NAME",
    "SLOT_DECISION",
    "SLOT_STATE",
    "Session",
    "account_from",
    "conversation_from_events",
    "current_session",
    "handed_back",
    "latest_input_channel",
    "latest_message",
    "read_session",
    "sender",
    "slots_from_events",
    "timestamp",
]

# The routing action's name and the slots it writes (handoff.adapters.rasa re-exports them).
ACTION_NAME = "action_handoff_route"
SLOT_STATE = "handoff_state"
# What each routed turn decided, for the desktop's analytics (adapters.rasa.decision_slot_value).
SLOT_DECISION = "handoff_decision"
# Account data may come as message metadata (the channel knows who is logged in) or slots.
ACCOUNT_SLOTS = {"customer_id": "customer_id", "tier": "account_tier", "risk_flags": "risk_flags"}


@dataclass(frozen=True)
class Session:
    """What the current session's events say: its turns, and where the bot took it back."""

    turns: tuple[Turn, ...]
    user_turns: int
    # For each ``resume`` that followed a ``pause``: how many user turns came before it.
    handbacks: tuple[int, ...] = ()

    @property
    def resumed_at(self) -> int | None:
        """The user turns before the last hand-back, or None when there was none."""
        return self.handbacks[-1] if self.handbacks else None


def timestamp(value: Any) -> float | None:
    """An event's ``timestamp`` if it is a usable (finite) number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def current_session(events: Sequence[Mapping[str, Any]]) -> Sequence[Mapping[str, Any]]:
    """The events from the last ``session_started`` on (all of them when there is none)."""
    last = 0
    for index, event in enumerate(events):
        if event.get("event") == "session_started":
            last = index
    return events[last:]


def read_session(events: Sequence[Mapping[str, Any]]) -> Session:
    """Walk the current session's events once (``events`` may hold earlier sessions)."""
    turns: list[Turn] = []
    last_action: str | None = None
    user_count = 0
    handbacks: list[int] = []
    paused = False
    last_user: int | None = None
    for event in current_session(events):
        kind = event.get("event")
        if kind == "user":
            last_user = len(turns)
            turns.append(
                user_turn_from_parse(
                    event.get("parse_data") or {},
                    event.get("text"),
                    timestamp(event.get("timestamp")),
                )
            )
            user_count += 1
        elif (
            kind == "slot"
            and event.get("name") == SLOT_DECISION
            and last_action == ACTION_NAME
            and last_user is not None
            and _answered_ces(event.get("value"))
        ):
            # The customer's answer to the effort question is not part of the conversation:
            # its intent (often nlu_fallback for "6") must not count as the bot failing.
            del turns[last_user]
            user_count -= 1
            last_user = None
        elif kind == "bot":
            turns.append(
                Turn(
                    role="bot",
                    text=str(event.get("text") or ""),
                    action=last_action,
                    timestamp=timestamp(event.get("timestamp")),
                )
            )
        elif kind == "action":
            name = event.get("name")
            last_action = str(name) if name else None
        elif kind == "pause":
            paused = True
        elif kind == "resume" and paused:
            paused = False
            handbacks.append(user_count)
    return Session(tuple(turns), user_count, tuple(handbacks))


def _answered_ces(value: Any) -> bool:
    answer = value.get("ces") if isinstance(value, Mapping) else None
    return isinstance(answer, Mapping) and answer.get("score") is not None


def slots_from_events(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The slots as the current session's events leave them (Rasa repeats carried-over
    slots at a session's start, so they are among them)."""
    slots: dict[str, Any] = {}
    for event in current_session(events):
        kind = event.get("event")
        if kind == "slot" and isinstance(event.get("name"), str):
            slots[event["name"]] = event.get("value")
        elif kind in ("reset_slots", "restart"):
            slots.clear()
    return slots


def latest_message(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The last user event as Rasa gives it to actions (``latest_message``): its parse
    with the text and the message's metadata; {} when there is none."""
    for event in reversed(events):
        if event.get("event") == "user":
            parse = event.get("parse_data")
            message = dict(parse) if isinstance(parse, Mapping) else {}
            message["text"] = event.get("text")
            metadata = event.get("metadata")
            message["metadata"] = metadata if isinstance(metadata, Mapping) else {}
            return message
    return {}


def latest_input_channel(events: Sequence[Mapping[str, Any]]) -> str | None:
    """The ``input_channel`` of the last user event (what Rasa's tracker reports)."""
    for event in reversed(events):
        if event.get("event") == "user":
            channel = event.get("input_channel")
            return str(channel) if channel else None
    return None


def sender(sender_id: Any) -> str:
    """The conversation id for a tracker's ``sender_id``."""
    return clean_text(str(sender_id or "unknown"))


def account_from(metadata: Mapping[str, Any], slots: Mapping[str, Any]) -> Account:
    """The account from the message's metadata, the session's start metadata, or slots."""
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


def handed_back(state: RoutingState, resumed_at: int | None) -> RoutingState:
    """The state once the bot took the conversation back after ``resumed_at`` user turns.

    A ``resume`` the routing state does not know about yet (the person's lane is still in
    it) is a hand-back: the lane is left and the cool-down counts from there, however the
    conversation was resumed.
    """
    if (
        resumed_at is not None
        and state.lane_kind in HUMAN_LANE_KINDS
        and (state.handback_turn is None or state.handback_turn < resumed_at)
    ):
        return state.model_copy(
            update={"lane": None, "lane_kind": None, "rule": None,
                    "handback_turn": resumed_at, "pending": {}}
        )  # fmt: skip
    return state


def conversation_from_events(
    sender_id: Any,
    events: Sequence[Mapping[str, Any]],
    *,
    slots: Mapping[str, Any] | None = None,
    latest: Mapping[str, Any] | None = None,
    input_channel: str | None = None,
    state: RoutingState | None = None,
) -> tuple[Conversation, Session]:
    """A tracker's current session as a Conversation, and the session's walk.

    ``slots``, ``latest`` (Rasa's ``latest_message``) and ``input_channel`` are what a
    tracker reports beside its events; None rebuilds each from the events, as Rasa's SQL
    tracker store does. ``state`` is the routing state to start from (read and trusted by
    the caller); None starts afresh, as for a replay from the session's start. A hand-back
    the state does not know yet is applied (:func:`handed_back`).
    """
    session = read_session(events)
    if slots is None:
        slots = slots_from_events(events)
    if latest is None:
        latest = latest_message(events)
    if input_channel is None:
        input_channel = latest_input_channel(events)
    turns = list(session.turns)
    user_count = session.user_turns
    # A tracker built by hand may carry the latest message without any user event. Real
    # trackers always log the user event, and keep latest_message after a hand-back, so
    # appending it whenever the last turn is not a user turn would replay an old message.
    if latest.get("text") is not None and user_count == 0:
        turns.append(user_turn_from_parse(latest, latest.get("text"), None))
        session = Session(tuple(turns), 1, session.handbacks)
    metadata = latest.get("metadata")
    metadata = dict(metadata) if isinstance(metadata, Mapping) else {}
    conversation = Conversation(
        id=sender(sender_id),
        channel=str(metadata.get("channel") or input_channel or "unknown"),
        turns=tuple(turns),
        account=account_from(metadata, slots),
        slots=dict(slots),
        metadata=metadata,
        state=handed_back(state or RoutingState(), session.resumed_at),
    )
    return conversation, session
