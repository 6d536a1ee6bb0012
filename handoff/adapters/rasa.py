"""Rasa adapter: a rasa-sdk action that routes every user turn, over pure functions.

``tracker_to_conversation`` (Tracker → Conversation) and ``decision_events`` (Decision →
Rasa events) hold all the logic and are tested with ``Tracker.from_dict`` on real captured
requests; ``ActionHandoffRoute`` is the thin shell rasa-sdk calls. Install with
``pip install 'handoff-router[rasa]'``.

Three promises hold on every turn:

* **Nothing promised that is not stored.** A pause (and the lane's "a person is coming"
  message) is returned only after the payload was built and ``deliver`` returned. If either
  raises, the customer gets the rule set's ``when_storage_fails`` message, stays in a bot
  lane, the turn's ``TurnResult.delivery_failed`` is set, an ERROR is logged, and the next
  turn routes afresh, so the handoff is tried again. With ``deliver=None`` nothing is
  stored here: the caller has opted to store ``TurnResult.payload`` itself (the action
  server refuses to start that way unless told to).
* **Routing state cannot be forged.** With a ``state_secret`` the ``handoff_state`` slot
  is written as ``{"v": 1 or 2, "state": {...}, "sig": "<HMAC-SHA256>"}``, bound to the
  conversation id; a state that is unsigned, malformed or wrongly signed is ignored
  (routing starts afresh: no override, no sticky lane) with a WARNING. Without a secret
  (library and development use) states are neither signed nor trusted for
  ``override_lane``: an override is only honoured from a signed state, written by
  :func:`override`. Nor for the earlier turns' analysis the state carries
  (``RoutingState.carry``): without a secret every turn analyses the whole conversation.
* **No personal data in logs.** Log lines name a short keyed reference of the conversation
  (``conversation_ref``) and the type and place of an error, never sender ids, text, slot
  values or exception messages.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

try:
    from rasa_sdk import Action, Tracker
    from rasa_sdk.events import ConversationPaused, EventType, FollowupAction, SlotSet
    from rasa_sdk.executor import CollectingDispatcher
except ImportError as error:  # pragma: no cover  (exercised only without the extra)
    raise ImportError(
        "handoff.adapters.rasa needs rasa-sdk: pip install 'handoff-router[rasa]'"
    ) from error

from handoff.errors import describe_error
from handoff.models.conversation import (
    _LATER_STATE_FIELDS,
    Conversation,
    Failures,
    RoutingState,
    SignalCarry,
    clean_text,
)
from handoff.models.decision import AntiFlapOutcome, Decision, TraceStep
from handoff.models.payload import ContextPayload
from handoff.models.rules import RuleSet, WhenStorageFails
from handoff.outcomes import ces
from handoff.router import Router
from handoff.signals.pii import redact
from handoff.tracker import (
    ACTION_NAME,
    SLOT_DECISION,
    SLOT_STATE,
    conversation_from_events,
    sender,
)

if TYPE_CHECKING:
    import httpx

    from handoff.delivery import Backlog

__all__ = [
    "ACTION_NAME",
    "SLOT_AGENT_NOTE",
    "SLOT_CES",
    "SLOT_DECISION",
    "SLOT_LANE",
    "SLOT_PRIORITY",
    "SLOT_REASON",
    "SLOT_STATE",
    "ActionHandoffRoute",
    "Runtime",
    "TurnResult",
    "append_events",
    "conversation_ref",
    "decision_events",
    "decision_slot_value",
    "fetch_tracker",
    "hand_back",
    "handback_events",
    "override",
    "route_tracker",
    "state_slot_value",
    "tracker_to_conversation",
]

log = logging.getLogger("handoff.rasa")

SLOT_LANE = "handoff_lane"
SLOT_PRIORITY = "handoff_priority"
SLOT_REASON = "handoff_reason"
SLOT_AGENT_NOTE = "handoff_agent_note"
# Set while the effort question (CES) waits for the customer's answer (handoff.outcomes.ces).
SLOT_CES = ces.SLOT
DECISION_FORMAT = 1


# The signed slot's formats. 1 signs canonical JSON of the whole state; 2 (written when the
# state carries the earlier turns' analysis) signs the carry as its own serialiser writes it
# (pydantic's, in Rust: its fields have a fixed order and no mapping, so the bytes are the
# same after any JSON round trip), which costs a fifth of canonicalising it on every turn.
# A state without a carry is still written as format 1, byte for byte as before; both verify.
STATE_FORMAT = 2
_STATE_FORMAT_WHOLE = 1
_SIGNED_KEYS = frozenset({"v", "state", "sig"})
_CARRY_JSON = SignalCarry.__pydantic_serializer__
# Key of the per-process conversation references when no state secret is configured.
_PROCESS_KEY = os.urandom(32)


def conversation_ref(conversation_id: str, secret: bytes | None = None) -> str:
    """A short reference to a conversation for log lines: keyed, so it cannot be reversed.

    Keyed with ``secret`` (the state secret) it is stable across processes, and whoever
    holds the secret can compute it for a given sender id; without one it is keyed with a
    random per-process key and only correlates the lines of one process.
    """
    key = secret if secret else _PROCESS_KEY
    material = b"handoff-ref\x00" + conversation_id.encode("utf-8", "surrogatepass")
    return hmac.new(key, material, hashlib.sha256).hexdigest()[:12]


# One encoder for every signature (json.dumps builds one per call when given options).
_CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
)


try:  # the C encoder JSONEncoder.encode builds anew per call (with a circularity check)
    from _json import encode_basestring_ascii, make_encoder
except ImportError:  # pragma: no cover  (a Python without the _json accelerator)
    _ENCODE = None
else:
    # The same encoder, built once, without the circularity check: what is signed is a
    # validated state's fields (texts, numbers, None, a mapping of texts to numbers), never
    # circular. ~1.4 us of a signature's ~4 us canonical JSON, on every turn.
    _ENCODE = make_encoder(
        None, _CANONICAL.default, encode_basestring_ascii, None, ":", ",", True, False, False
    )


def _canonical(value: Any) -> bytes:
    if _ENCODE is None:  # pragma: no cover
        return _CANONICAL.encode(value).encode("ascii")
    return "".join(_ENCODE(value, 0)).encode("ascii")


# RoutingState's fields that are always dumped, and the later ones dumped only when set (its
# serializer drops those while None); ``shadow`` is a nested state, left to pydantic.
_STATE_ALWAYS = tuple(n for n in RoutingState.model_fields if n not in _LATER_STATE_FIELDS)
_STATE_IF_SET = tuple(n for n in _LATER_STATE_FIELDS if n not in {"shadow", "carry"})


def _state_fields(state: RoutingState) -> dict[str, Any]:
    """``state.model_dump(mode="json", exclude={"carry"})``, read from the state's values when
    it has no shadow (every turn's case): its other fields are already JSON values (texts,
    whole numbers, None and a mapping of texts to whole numbers), so the serializer's pass
    (and its Python wrap for the later fields) is not needed. tests/test_incremental.py
    checks this against the dump."""
    if state.shadow is not None:
        return state.model_dump(mode="json", exclude={"carry"})
    values = state.__dict__
    fields = {name: values[name] for name in _STATE_ALWAYS}
    fields["pending"] = dict(fields["pending"])  # the slot's own, as a dump gives it
    for name in _STATE_IF_SET:
        if values[name] is not None:
            fields[name] = values[name]
    return fields


def _signature(state: RoutingState, conversation_id: str, secret: bytes) -> str:
    """Format 1: HMAC-SHA256 over canonical JSON of the whole state and the conversation id."""
    material = {
        "v": _STATE_FORMAT_WHOLE,
        "conversation": conversation_id,
        "state": state.model_dump(mode="json"),
    }
    return _hmac_hex(secret, b"handoff-state\x00" + _canonical(material))


def _signature_carried(
    fields: dict[str, Any], carry: bytes, conversation_id: str, secret: bytes
) -> str:
    """Format 2: HMAC-SHA256 over canonical JSON of the state without its carry (``fields``,
    as dumped) and the conversation id, then the carry's own JSON (``carry``)."""
    material = {"v": STATE_FORMAT, "conversation": conversation_id, "state": fields}
    return _hmac_hex(secret, b"handoff-state\x00" + _canonical(material) + b"\x00" + carry)


def _hmac_hex(secret: bytes, signed: bytes) -> str:
    """HMAC-SHA256 of ``signed`` under ``secret``, hex: a copy of the secret's keyed HMAC (its
    key schedule done once per secret), then the message. The same digest as
    hmac.digest(secret, signed, hashlib.sha256), ~1.4 us less per signature (3.7 -> 2.3 us on
    a 1.5 KB state) on every turn."""
    mac = _keyed(secret).copy()
    mac.update(signed)
    return mac.hexdigest()


@functools.lru_cache(maxsize=16)
def _keyed(secret: bytes) -> hmac.HMAC:
    """HMAC-SHA256 keyed with ``secret``, no message yet: copied for each signature (the
    current secret and the few previous ones of a rotation). Never updated itself."""
    return hmac.new(secret, digestmod=hashlib.sha256)


def state_slot_value(
    state: RoutingState, *, conversation_id: str, state_secret: bytes | None
) -> dict[str, Any]:
    """What to store in the ``handoff_state`` slot: the state, signed when there is a secret.

    The signature (HMAC-SHA256) covers the conversation id, so a state signed for one
    conversation is refused in another. A state carrying the earlier turns' analysis is
    signed in format 2 (see ``STATE_FORMAT``), any other as before (format 1); the slot's
    shape is the same: ``{"v", "state", "sig"}``.
    """
    carry = state.carry
    if state_secret is None or carry is None:
        data = state.model_dump(mode="json")
        if state_secret is None:
            return data
        return {
            "v": _STATE_FORMAT_WHOLE,
            "state": data,
            "sig": _signature(state, conversation_id, state_secret),
        }
    fields = _state_fields(state)
    exclude = _as_signed(carry)
    signature = _signature_carried(
        fields, _CARRY_JSON.to_json(carry, exclude=exclude), conversation_id, state_secret
    )
    return {
        "v": STATE_FORMAT,
        "state": {**fields, "carry": _carry_value(carry, exclude)},
        "sig": signature,
    }


def _carry_value(carry: SignalCarry, exclude: set[str] | None) -> dict[str, Any]:
    """``_CARRY_JSON.to_python(carry, mode="json", exclude=exclude)``, read from the carry's
    values: every one is already a JSON value but for its tuples (lists in a dump) and its
    two small models, and the serializer's pass cost every turn's slot ~5 us (this ~2 us).
    The fields in the model's order, as a dump gives them; tests/test_incremental.py checks
    this against the serializer."""
    values = carry.__dict__
    episode = values["episode"]
    parts = values["parts"]
    out = {
        "v": values["v"],
        "key": values["key"],
        "turns": values["turns"],
        "check": values["check"],
        "users": values["users"],
        "first": values["first"],
        "low": values["low"],
        "high": values["high"],
        "seen": list(values["seen"]),
        "recent": list(map(list, values["recent"])),
        "cues": list(map(list, values["cues"])),
        "failures": _failures_value(values["failures"]),
        "episode": None
        if episode is None
        else {
            "start": episode.start,
            "seen": list(episode.seen),
            "failures": _failures_value(episode.failures),
        },
        "words": values["words"],
        "within": values["within"],
        "parts": None if parts is None else list(parts),
    }
    for name in exclude or ():
        del out[name]
    return out


def _failures_value(failures: Failures) -> dict[str, Any]:
    return {
        "total": failures.total,
        "run": failures.run,
        "last": failures.last,
        "answered": failures.answered,
        "exempt": failures.exempt,
    }


# A carry of format 1 or 2 has no ``within``: left out of its JSON, which is then what it was
# when signed (a serializer of the carry's own would cost every turn's slot ~10 us).
# Nor has a carry of formats 1 to 3 ``parts`` (round 17).
_WITHIN = {"within"}
_PARTS = {"parts"}
_WITHIN_PARTS = {"within", "parts"}


def _as_signed(carry: SignalCarry | None) -> set[str] | None:
    """What to leave out of ``carry``'s JSON so that it is the JSON its signature covers."""
    if carry is None or carry.parts is not None:
        return _WITHIN if carry is not None and carry.within is None else None
    return _WITHIN_PARTS if carry.within is None else _PARTS


def _read_state(
    value: Any, conversation_id: str, secret: bytes | None, previous: Sequence[bytes] = ()
) -> tuple[RoutingState, str | None]:
    """The routing state in the slot and, if it was not trusted as it stands, why not.

    The reason is a fixed phrase: the slot's value never reaches a log line.
    """
    if value is None:
        return RoutingState(), None
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return RoutingState(), "malformed"
    if not isinstance(value, Mapping):
        return RoutingState(), "malformed"
    signed = set(value) == _SIGNED_KEYS
    data = value["state"] if signed else value
    try:
        state = RoutingState.model_validate(data)
    except ValueError:  # pydantic's ValidationError, or nesting past the models' bound
        return RoutingState(), "malformed"
    if secret is None:
        if state.override_lane is not None or state.lane_kind == "override":
            # Without a secret nobody can tell a supervisor's override from a forged one,
            # and an override lane is entered only by an override: start afresh.
            return RoutingState(), "unsigned override"
        # Nor an unsigned analysis (it could hide earlier turns' cues from red lines): the
        # whole conversation is analysed instead, as before states carried one.
        return state.model_copy(update={"carry": None}) if state.carry else state, None
    if not signed:
        return RoutingState(), "unsigned"
    signature, version = value["sig"], value["v"]
    if (
        version not in (_STATE_FORMAT_WHOLE, STATE_FORMAT)
        or not isinstance(signature, str)
        or (version == STATE_FORMAT and state.carry is None)
    ):
        return RoutingState(), "malformed"
    given = signature.encode("utf-8", "surrogatepass")
    # The current key first; while a secret is being rotated, states signed with a previous
    # key are still accepted (and re-signed with the current one on this turn).
    try:
        if version == STATE_FORMAT:
            fields = _state_fields(state)
            carry = _CARRY_JSON.to_json(state.carry, exclude=_as_signed(state.carry))
            expected = [
                _signature_carried(fields, carry, conversation_id, key)
                for key in (secret, *previous)
            ]
        else:
            expected = [_signature(state, conversation_id, key) for key in (secret, *previous)]
    except ValueError:
        return RoutingState(), "malformed"
    if any(hmac.compare_digest(e.encode(), given) for e in expected):
        return state, None
    return RoutingState(), "bad signature"


def tracker_to_conversation(
    tracker: Tracker,
    *,
    state_secret: bytes | None = None,
    previous_state_secrets: Sequence[bytes] = (),
) -> Conversation:
    """Read a Rasa tracker into a Conversation (the current session only).

    The routing state is read from the ``handoff_state`` slot and trusted only as
    ``state_secret`` allows (see the module's docstring); an untrusted one is logged and
    replaced by a fresh state. ``previous_state_secrets`` are also accepted (rotation).

    User events become user turns (with intent, ranking and entities); bot events become bot
    turns tagged with the action that uttered them, so ``action_default_fallback`` counts as
    a failure. Reverted utterances are kept: a message the bot failed on still happened.
    A ``resume`` after the last ``pause`` that the routing state does not know about is
    treated as a hand-back, so the cool-down applies however the conversation was resumed.
    (The reading itself is ``handoff.tracker.conversation_from_events``, shared with the
    backtests of rule changes.)
    """
    return _read_tracker(tracker, state_secret, previous_state_secrets)[0]


def _sender(tracker: Tracker) -> str:
    return sender(tracker.sender_id)


def _read_tracker(
    tracker: Tracker, secret: bytes | None, previous: Sequence[bytes] = ()
) -> tuple[Conversation, str | None]:
    slots = dict(tracker.slots or {})
    conversation_id = _sender(tracker)
    state, problem = _read_state(slots.get(SLOT_STATE), conversation_id, secret, previous)
    if problem is not None:
        log.warning(
            "ignored the %s slot of conversation %s (%s): routing it afresh",
            SLOT_STATE, conversation_ref(conversation_id, secret), problem,
        )  # fmt: skip
    conversation, _ = conversation_from_events(
        tracker.sender_id,
        list(tracker.events or ()),
        slots=slots,
        latest=tracker.latest_message or {},
        input_channel=tracker.get_latest_input_channel() or "",
        state=state,
    )
    return conversation, problem


def decision_events(
    decision: Decision,
    *,
    conversation_id: str | None = None,
    state_secret: bytes | None = None,
) -> list[EventType]:
    """The Rasa events for a decision: lane slots always, and a pause for a new handoff.

    For the bot lane only the (non-influencing) handoff slots change, so the dialogue goes
    on undisturbed. The lane's customer message is sent by the action's dispatcher. With
    ``state_secret`` the state slot is signed for ``conversation_id`` (then required).
    """
    if state_secret is not None and conversation_id is None:
        raise ValueError("a signed state needs the conversation id it is signed for")
    state = state_slot_value(
        decision.state, conversation_id=conversation_id or "", state_secret=state_secret
    )
    events: list[EventType] = [
        SlotSet(SLOT_LANE, decision.lane),
        SlotSet(SLOT_PRIORITY, float(decision.priority)),
        SlotSet(SLOT_REASON, decision.reason),
        SlotSet(SLOT_STATE, state),
    ]
    if decision.handoff:
        events.append(ConversationPaused())
    return events


def decision_slot_value(
    decision: Decision, *, customer: str | None, answer: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """What to store in the ``handoff_decision`` slot: the turn's decision for analytics.

    ``{"v": 1, "lane", "lane_kind", "handoff", "rule", "version", "experiment", "arm",
    "customer", "asked_person", "shadow", "ces"}``: ``customer`` is the payload's pseudonym
    of the account's customer id (never the id), ``asked_person`` whether the turn's signals
    say the customer asked for a person, ``shadow`` what a shadow rule set decided (or
    None), ``ces`` the customer's answer to the effort question on this turn
    (``{"score": 1..7}`` or ``{"declined": true}``) or None. No text, no sender id.
    """
    shadow = decision.shadow
    return {
        "v": DECISION_FORMAT,
        "lane": decision.lane,
        "lane_kind": decision.lane_kind,
        "handoff": decision.handoff,
        "rule": decision.rule_id,
        "version": decision.ruleset_version,
        "experiment": decision.experiment,
        "arm": decision.arm,
        "customer": customer,
        "asked_person": bool(decision.signals is not None and decision.signals.human_request),
        "shadow": None
        if shadow is None
        else {
            "lane": shadow.lane,
            "lane_kind": shadow.lane_kind,
            "handoff": shadow.handoff,
            "rule": shadow.rule_id,
            "version": shadow.ruleset_version,
        },
        "ces": None if answer is None else dict(answer),
    }


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
    # Why the handoff_state slot was not trusted ("unsigned", "bad signature", "malformed",
    # "unsigned override"), for metrics; None when it was (or there was none).
    state_rejected: str | None = None
    # The customer's answer to the effort question on this turn ({"score": n} or
    # {"declined": True}), else None. A score is not routed: ``decision`` keeps the lane.
    ces: dict[str, Any] | None = None


def route_tracker(
    router: Router,
    tracker: Tracker,
    *,
    deliver: Callable[[ContextPayload, Decision], None] | None = None,
    state_secret: bytes | None = None,
    previous_state_secrets: Sequence[bytes] = (),
) -> TurnResult:
    """Route the tracker's latest turn. Never raises: faults go to the safe lane.

    A handoff (a rule's, a supervisor's or the safe lane's after a fault) is announced with
    a pause and the lane's message only once its payload is built and ``deliver`` (e.g. an
    outbox's ``put``) has returned, so the payload is durably stored before anyone is told
    a person is coming. If building or delivering raises, the customer gets the rule set's
    ``when_storage_fails`` message and stays in a bot lane, ``delivery_failed`` is set, an
    ERROR is logged and the next turn tries the handoff again.

    ``deliver=None`` stores nothing: the pause is returned once the payload is built, and
    the caller owns ``TurnResult.payload`` (development, or a caller that stores it itself).
    ``state_secret`` signs and verifies the routing state slot (see the module docstring);
    states signed with one of ``previous_state_secrets`` are accepted too, so the secret can
    be rotated without conversations losing their state.
    """
    started = time.perf_counter()
    problem: str | None = None
    answer: dict[str, Any] | None = None
    try:
        conversation, problem = _read_tracker(tracker, state_secret, previous_state_secrets)
    except Exception as error:
        conversation = Conversation(id=_sender(tracker))
        log.error(
            "could not read the tracker of conversation %s (%s): routing to the safe lane",
            conversation_ref(conversation.id, state_secret), describe_error(error),
        )  # fmt: skip
        decision = router.safe_decision(conversation, error)
    else:
        if ces.pending(conversation.slots.get(SLOT_CES), time.time()):
            score = ces.parse_score((tracker.latest_message or {}).get("text"))
            answer = {"declined": True} if score is None else {"score": score}
            if score is not None:
                return _answered(router, conversation, answer, started, problem)
        decision = router.route(conversation)
    payload: ContextPayload | None = None
    message: str | None = None
    failed = False
    if decision.handoff:
        try:
            payload = router.payload(conversation, decision)
            if deliver is not None:
                deliver(payload, decision)
        except Exception as error:
            failed, payload, wanted = True, None, decision.lane
            decision, message = _storage_failed(router, conversation, decision, error)
            log.error(
                "handoff of conversation %s to lane %s NOT stored (%s): the customer was "
                "not told a person is coming and stays in lane %s; the next turn retries",
                conversation_ref(conversation.id, state_secret), wanted, describe_error(error),
                decision.lane,
            )  # fmt: skip
        else:
            message = router.ruleset.lanes[decision.lane].message or None
    events = decision_events(decision, conversation_id=conversation.id, state_secret=state_secret)
    record = [SlotSet(SLOT_DECISION, _slot_value(router, conversation, decision, answer))]
    if answer is not None:
        record.append(SlotSet(SLOT_CES, None))
    at = len(events) - 1 if decision.handoff else len(events)  # the slots before a pause
    events[at:at] = record
    return TurnResult(
        conversation, decision, payload, message, events, time.perf_counter() - started,
        delivery_failed=failed, state_rejected=problem, ces=answer,
    )  # fmt: skip


def _slot_value(
    router: Router, conversation: Conversation, decision: Decision, answer: dict[str, Any] | None
) -> dict[str, Any]:
    customer = conversation.account.customer_id
    return decision_slot_value(
        decision,
        customer=router.pseudonym(customer) if customer is not None else None,
        answer=answer,
    )


def _answered(
    router: Router,
    conversation: Conversation,
    answer: dict[str, Any],
    started: float,
    problem: str | None,
) -> TurnResult:
    """The turn that answers the effort question: recorded and thanked, not routed.

    The lane and routing state stay as they are, and ``action_listen`` follows at once, so
    neither the rule's usual answer nor a fallback runs (the answer "6" is often
    ``nlu_fallback``); later turns leave the answer out of the conversation
    (``_read_tracker``), so it never counts as the bot failing.
    """
    ruleset = router.ruleset
    state = conversation.state
    lane_id = state.lane
    if lane_id not in ruleset.lanes or ruleset.lanes[lane_id].kind != "bot":
        lane_id = _bot_lane(ruleset) or ruleset.settings.default_lane
    info = router.compiled.lanes[lane_id]
    version = router.version
    experiment = router.experiment
    if experiment is not None and state.experiment == experiment.id and state.arm is not None:
        version = router.arm_versions().get(state.arm, version)  # the arm's rules hold it
    decision = Decision(
        lane=lane_id,
        lane_kind=info.lane.kind,
        queue=info.queue,
        priority=info.lane.priority,
        sla_seconds=None,
        handoff=False,
        rule_id=None,
        fired=(),
        reason="The customer answered the effort question; the turn was not routed.",
        trace=(TraceStep(kind="sticky", lane=lane_id, note="effort question answered"),),
        anti_flapping=AntiFlapOutcome(action="none"),
        ruleset=ruleset.name,
        ruleset_version=version,
        state=state,
        experiment=state.experiment,
        arm=state.arm,
    )
    events: list[EventType] = [
        SlotSet(SLOT_CES, None),
        SlotSet(SLOT_DECISION, _slot_value(router, conversation, decision, answer)),
        FollowupAction("action_listen"),
    ]
    return TurnResult(
        conversation, decision, None, ces.THANKS, events, time.perf_counter() - started,
        state_rejected=problem, ces=answer,
    )  # fmt: skip


def _bot_lane(ruleset: RuleSet) -> str | None:
    """Where a customer waits when no person can be reached: the configured lane, else the
    default lane if it is the bot, else the first bot lane."""
    policy = ruleset.settings.when_storage_fails
    if policy is not None and policy.lane is not None:
        return policy.lane
    if ruleset.lanes[ruleset.settings.default_lane].kind == "bot":
        return ruleset.settings.default_lane
    return next((name for name, lane in ruleset.lanes.items() if lane.kind == "bot"), None)


def _storage_failed(
    router: Router, conversation: Conversation, decision: Decision, error: BaseException
) -> tuple[Decision, str]:
    """The decision and message for a handoff whose payload was not stored.

    The state keeps what the turn started with (pending confirmations, the hand-back turn,
    a supervisor's override) but no human lane, so the next turn decides afresh and
    escalates again if the reason still holds.
    """
    ruleset = router.ruleset
    policy = ruleset.settings.when_storage_fails or WhenStorageFails()
    lane_id = _bot_lane(ruleset)
    before = conversation.state
    note = f"{decision.lane} (payload not stored: {type(error).__name__})"
    if lane_id is None:  # a rule set without any bot lane: no lane can take the customer
        lane_id, lane_kind, queue, priority = None, decision.lane_kind, decision.queue, 0
    else:
        info = router.compiled.lanes[lane_id]
        lane_kind, queue, priority = info.lane.kind, info.queue, info.lane.priority
    state = RoutingState(
        lane=lane_id,
        lane_kind=lane_kind if lane_id is not None else None,
        since_turn=before.since_turn
        if before.lane == lane_id and lane_id is not None
        else len(conversation.user_turns),
        handback_turn=before.handback_turn,
        pending=dict(before.pending),
        override_lane=before.override_lane,
        carry=decision.state.carry,  # the turn was analysed all the same
    )
    stays = lane_id if lane_id is not None else decision.lane
    changed = decision.model_copy(
        update={
            "lane": stays,
            "lane_kind": lane_kind,
            "queue": queue,
            "priority": priority,
            "sla_seconds": None,
            "handoff": False,
            "reason": f"A handoff to {decision.lane!r} was decided but its payload could not "
            "be stored, so nobody would receive the conversation: the customer was told to "
            "try again later.",
            "trace": (*decision.trace, TraceStep(kind="fault", lane=stays, note=note)),
            "state": state,
            "error": f"payload not stored: {type(error).__name__}",
        }
    )
    return changed, policy.message


@dataclass
class Runtime:
    """What the action routes with: a router, optional delivery, and hooks per turn."""

    router: Router
    deliver: Callable[[ContextPayload, Decision], None] | None = None
    on_turn: Iterable[Callable[[TurnResult], None]] = ()
    # Key that signs the routing state kept in the handoff_state slot (tamper evidence).
    state_secret: bytes | None = None
    # Earlier keys still accepted while the state secret is rotated (never used to sign).
    previous_state_secrets: tuple[bytes, ...] = ()
    # Raises StorageUnavailable when payloads cannot be stored (the readiness check).
    ready: Callable[[], None] | None = None
    # The outbox's pending and dead deliveries per sink (read by the metrics on scrape).
    backlog: Callable[[], Mapping[str, Backlog]] | None = None

    def record(self, result: TurnResult) -> None:
        """Run the per-turn hooks (metrics, audit); a failing hook is logged, not raised."""
        for hook in self.on_turn:
            try:
                hook(result)
            except Exception as error:
                log.error("turn hook failed (%s)", describe_error(error))


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
        result = route_tracker(
            runtime.router,
            tracker,
            deliver=runtime.deliver,
            state_secret=runtime.state_secret,
            previous_state_secrets=runtime.previous_state_secrets,
        )
        if result.message:
            dispatcher.utter_message(text=result.message)
        runtime.record(result)
        return result.events


def handback_events(
    conversation: Conversation,
    note: str,
    *,
    lane: str | None = None,
    state_secret: bytes | None = None,
) -> list[dict[str, Any]]:
    """Events that hand a paused conversation back to the bot with the agent's note.

    The routing state records the hand-back turn, so the rule set's cool-down applies, and
    forgets the human lane, so "stay with a human" no longer holds. The note is redacted
    (agents paste card numbers too); the state is signed with ``state_secret``.
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
    value = state_slot_value(state, conversation_id=conversation.id, state_secret=state_secret)
    return [
        {"event": "slot", "name": SLOT_AGENT_NOTE, "value": redact(clean_text(note))},
        {"event": "slot", "name": SLOT_LANE, "value": lane},
        {"event": "slot", "name": SLOT_STATE, "value": value},
        # Without action_listen Rasa treats the customer's next message as the continuation
        # of the paused turn: RulePolicy falls back and replays the old answer.
        {"event": "action", "name": "action_listen"},
        {"event": "resume"},
    ]


# ------------------------------------------------------------------------- Rasa's HTTP API

# Characters RFC 3986 allows in a path segment. Rasa 3.6 routes /conversations/<id:path>
# without unquoting, so the id it sees is the raw segment: these must stay as they are
# ("whatsapp:+44…" is a common sender id), everything else ("/", "?", "#", "%", spaces,
# non-ASCII) is percent-encoded and then cannot name any other conversation.
_SEGMENT_SAFE = "!$&'()*+,;=:@"
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_LANE_ID = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")
_TOKEN_IN_URL = re.compile(r"([?&]token=)[^&\s\"']*")
JWT_SECONDS = 60


def _conversation_path(sender_id: str) -> str:
    """``/conversations/<id>`` for a sender id, or ValueError for one that could escape it."""
    if not isinstance(sender_id, str) or not sender_id:
        raise ValueError("the sender id must be a non-empty string")
    if _CONTROL.search(sender_id):
        raise ValueError("the sender id contains control characters or lone surrogates")
    if sender_id in (".", ".."):
        raise ValueError("the sender id '.' or '..' would be read as a step up the path")
    return "/conversations/" + quote(sender_id, safe=_SEGMENT_SAFE)


class _HideToken(logging.Filter):
    """Rasa's ``--auth-token`` travels in the query string; httpx logs request URLs."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if "token=" in text:
            record.msg, record.args = _TOKEN_IN_URL.sub(r"\1[redacted]", text), ()
        return True


_HIDE_TOKEN = _HideToken()


class _RasaApi:
    """One conversation on Rasa's HTTP API (``rasa run --enable-api``), authenticated."""

    def __init__(
        self,
        rasa_url: str,
        sender_id: str,
        *,
        token: str | None,
        jwt_secret: str | bytes | None,
        jwt_method: str,
        timeout: float,
    ) -> None:
        import httpx  # noqa: PLC0415  (only these calls need HTTP)

        if token is not None and jwt_secret is not None:
            raise ValueError("give Rasa's token or its JWT secret, not both")
        self.sender_id = sender_id
        self.url = rasa_url.rstrip("/") + _conversation_path(sender_id)
        params: dict[str, str] = {}
        headers: dict[str, str] = {}
        if jwt_secret is not None:
            headers["Authorization"] = "Bearer " + _rasa_jwt(sender_id, jwt_secret, jwt_method)
        elif token is not None:
            params["token"] = token
            logging.getLogger("httpx").addFilter(_HIDE_TOKEN)  # idempotent
        self.client = httpx.Client(timeout=timeout, params=params, headers=headers)

    def __enter__(self) -> _RasaApi:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.client.close()

    def _check(self, response: httpx.Response, what: str) -> None:
        import httpx  # noqa: PLC0415

        if response.is_error:
            # Not raise_for_status(): its message quotes the URL, token and all.
            raise httpx.HTTPStatusError(
                f"Rasa answered {response.status_code} to {what}",
                request=response.request,
                response=response,
            )

    def tracker(self) -> Tracker:
        """The conversation's tracker; ValueError if Rasa answers for another conversation."""
        response = self.client.get(self.url + "/tracker")
        self._check(response, "reading the tracker")
        data = response.json()
        if not isinstance(data, dict) or data.get("sender_id") != self.sender_id:
            raise ValueError(
                "Rasa answered with another conversation's tracker (its HTTP API does not "
                "decode percent-escapes in ids); nothing was written"
            )
        return Tracker.from_dict(data)

    def append(self, events: list[dict[str, Any]]) -> None:
        """Append events to the conversation's tracker."""
        response = self.client.post(self.url + "/tracker/events", json=events)
        self._check(response, "appending events")


def _rasa_jwt(sender_id: str, secret: str | bytes, method: str) -> str:
    """A short-lived token Rasa 3.6 accepts (``rasa run --jwt-secret``): role ``user`` with
    the sender id as username may read and write that one conversation and nothing else."""
    import jwt  # noqa: PLC0415  (PyJWT, in the rasa extra)

    now = int(time.time())
    claims = {
        "user": {"username": sender_id, "role": "user"},
        "iat": now,
        "exp": now + JWT_SECONDS,
    }
    return jwt.encode(claims, secret, algorithm=method)


def hand_back(
    rasa_url: str,
    sender_id: str,
    note: str,
    *,
    lane: str | None = "bot",
    state_secret: bytes | None = None,
    jwt_secret: str | bytes | None = None,
    jwt_method: str = "HS256",
    token: str | None = None,
    timeout: float = 10.0,
) -> list[dict[str, Any]]:
    """Resume the bot for ``sender_id`` through Rasa's HTTP API (``rasa run --enable-api``).

    Reads the tracker, appends the hand-back events (the note redacted, the state signed
    with ``state_secret``: use the action server's) and returns them. Authenticate with
    ``jwt_secret`` (Rasa's ``--jwt-secret``; recommended: a 60-second token in a header,
    scoped to this conversation) or ``token`` (Rasa's ``--auth-token``, which Rasa only
    takes in the query string; it is kept out of log lines and error messages).

    Raises ``ValueError`` for a sender id that could address another conversation (control
    characters, ``..``) or whose tracker Rasa returns under another id, and
    ``httpx.HTTPError`` if Rasa cannot be reached or refuses, so the agent's tool can retry.
    """
    with _RasaApi(
        rasa_url, sender_id, token=token, jwt_secret=jwt_secret, jwt_method=jwt_method,
        timeout=timeout,
    ) as api:  # fmt: skip
        conversation = tracker_to_conversation(api.tracker(), state_secret=state_secret)
        events = handback_events(conversation, note, lane=lane, state_secret=state_secret)
        api.append(events)
    return events


def override(
    rasa_url: str,
    sender_id: str,
    lane: str | None,
    *,
    state_secret: bytes,
    jwt_secret: str | bytes | None = None,
    jwt_method: str = "HS256",
    token: str | None = None,
    timeout: float = 10.0,
) -> list[dict[str, Any]]:
    """A supervisor's override: from the next turn on, ``sender_id`` routes to ``lane``.

    Writes a signed routing state with ``override_lane`` through Rasa's HTTP API (``None``
    clears the override); the action honours an override only from a state signed with
    its ``state_secret``, so this is the one way to set one. A lane the rule set does not
    have is ignored by the router. Authentication and errors as for :func:`hand_back`.
    """
    if not state_secret:
        raise ValueError(
            "override needs the action server's state_secret: an unsigned override is "
            "never honoured"
        )
    if lane is not None and not _LANE_ID.fullmatch(lane):
        raise ValueError("lane must be a lane id such as 'supervisor'")
    with _RasaApi(
        rasa_url, sender_id, token=token, jwt_secret=jwt_secret, jwt_method=jwt_method,
        timeout=timeout,
    ) as api:  # fmt: skip
        conversation = tracker_to_conversation(api.tracker(), state_secret=state_secret)
        state = conversation.state.model_copy(update={"override_lane": lane})
        value = state_slot_value(state, conversation_id=conversation.id, state_secret=state_secret)
        events = [{"event": "slot", "name": SLOT_STATE, "value": value}]
        api.append(events)
    return events


def fetch_tracker(
    rasa_url: str,
    sender_id: str,
    *,
    jwt_secret: str | bytes | None = None,
    jwt_method: str = "HS256",
    token: str | None = None,
    timeout: float = 10.0,
) -> Tracker:
    """The conversation's tracker through Rasa's HTTP API (authentication and errors as for
    :func:`hand_back`)."""
    with _RasaApi(
        rasa_url, sender_id, token=token, jwt_secret=jwt_secret, jwt_method=jwt_method,
        timeout=timeout,
    ) as api:  # fmt: skip
        return api.tracker()


def append_events(
    rasa_url: str,
    sender_id: str,
    events: list[dict[str, Any]],
    *,
    jwt_secret: str | bytes | None = None,
    jwt_method: str = "HS256",
    token: str | None = None,
    timeout: float = 10.0,
) -> None:
    """Append ``events`` to the conversation's tracker through Rasa's HTTP API (no side
    effects run: a ``bot`` event is recorded, not sent to the channel). Authentication and
    errors as for :func:`hand_back`; returns once Rasa has stored them."""
    with _RasaApi(
        rasa_url, sender_id, token=token, jwt_secret=jwt_secret, jwt_method=jwt_method,
        timeout=timeout,
    ) as api:  # fmt: skip
        api.append(events)
