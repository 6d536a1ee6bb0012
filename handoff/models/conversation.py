"""A conversation as plain data: turns, account, slots and the routing state between turns.

Every string that enters these models is made storable at the boundary: lone UTF-16
surrogates (``"\\ud800"`` is valid JSON, and Python keeps it) become U+FFFD, in every field,
slot and metadata value, however the model is built (JSON, a Rasa tracker, Python). Without
this one stray character makes the payload impossible to encode, hash or store.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    Field,
    SerializerFunctionWrapHandler,
    ValidationError,
    field_validator,
    model_serializer,
)

from handoff.errors import ConversationError
from handoff.models._base import Model

__all__ = [
    "Account",
    "Conversation",
    "Entity",
    "Intent",
    "RoutingState",
    "SignalCarry",
    "Turn",
    "clean_text",
    "unsure_confidence",
    "user_turn_from_parse",
]

Role = Literal["user", "bot", "agent", "system"]

# In a Python str every surrogate code point is unpaired: JSON decoders join valid pairs.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Slots and metadata are free-form JSON; deeper nesting than this is refused, not walked.
MAX_NESTING = 100


def clean_text(value: str) -> str:
    """``value`` with each lone surrogate replaced by U+FFFD, so it always encodes as UTF-8."""
    if value.isascii() or _SURROGATE.search(value) is None:
        return value
    return _SURROGATE.sub("\ufffd", value)


def _clean(value: Any, depth: int = 0) -> Any:
    """``value`` with every string in it (keys too) passed through ``clean_text``."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict | list | tuple | set | frozenset):
        if depth >= MAX_NESTING:
            raise ValueError(f"nested deeper than {MAX_NESTING} levels")
        if isinstance(value, dict):
            return {_clean(k, depth + 1): _clean(v, depth + 1) for k, v in value.items()}
        return type(value)(_clean(v, depth + 1) for v in value)
    return value


def _clean_json(value: dict[str, Any]) -> dict[str, Any]:
    try:
        # The common case, checked in C: plain JSON data that encodes as it is.
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, TypeError, ValueError, RecursionError):
        cleaned: dict[str, Any] = _clean(value)
        return cleaned
    return value


# Every string field of these models is a Text, and free-form JSON (slots, metadata) is
# JsonData: one place makes every string storable, whichever way the model is built.
Text = Annotated[str, AfterValidator(clean_text)]
JsonData = Annotated[dict[str, Any], AfterValidator(_clean_json)]


def unsure_confidence(value: Any) -> float:
    """A confidence as routing may trust it: a finite number in 0..1, else 0.0 (unsure).

    NLU output is not trusted to be well formed: NaN, infinities, strings, booleans, null
    and out-of-range numbers all read as "the bot is not sure", so "unsure intent" rules
    fire instead of being silenced by a confidence of 1.0 that nobody measured.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        return 0.0
    return number if math.isfinite(number) and 0.0 <= number <= 1.0 else 0.0


class Intent(Model):
    """An intent prediction: name and confidence in 0..1 (missing or malformed: 0.0)."""

    name: Text
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)

    @field_validator("confidence", mode="before")
    @classmethod
    def _fail_closed(cls, value: Any) -> float:
        return unsure_confidence(value)


class Entity(Model):
    """An extracted entity; ``value`` may be PII and is redacted before an agent sees it."""

    entity: Text
    value: Text | int | float | bool | None = None
    start: int | None = None
    end: int | None = None


class Turn(Model):
    """One message: a user utterance (with NLU) or a bot/agent reply (with the action taken)."""

    role: Role
    text: Text = ""
    intent: Intent | None = None
    intent_ranking: tuple[Intent, ...] = ()
    entities: tuple[Entity, ...] = ()
    action: Text | None = Field(default=None, description="Bot action that produced this turn.")
    fallback: bool = Field(
        default=False, description="The bot did not understand (e.g. action_default_fallback)."
    )
    timestamp: float | None = None


def _parsed_intent(data: Any) -> Intent | None:
    if not isinstance(data, Mapping) or not data.get("name"):
        return None
    # Malformed NLU output fails closed: an unreadable confidence reads as unsure (0.0).
    return Intent(name=str(data["name"]), confidence=unsure_confidence(data.get("confidence")))


def _parsed_entities(data: Any) -> tuple[Entity, ...]:
    out = []
    for item in data if isinstance(data, list | tuple) else ():
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


def user_turn_from_parse(parse: Any, text: Any, timestamp: float | None = None) -> Turn:
    """The user turn for one NLU parse as Rasa records it (``parse_data`` of a user event:
    ``intent``, ``intent_ranking``, ``entities``).

    NLU output is not trusted: anything malformed is skipped or reads as unsure, so the
    Rasa adapter and the evaluation harness (which replays stored parses) build the same
    turn from the same parse.
    """
    parse = parse if isinstance(parse, Mapping) else {}
    ranking = parse.get("intent_ranking")
    intents = (_parsed_intent(x) for x in (ranking if isinstance(ranking, list | tuple) else ()))
    return Turn(
        role="user",
        text=str(text or ""),
        intent=_parsed_intent(parse.get("intent")),
        intent_ranking=tuple(i for i in intents if i is not None),
        entities=_parsed_entities(parse.get("entities")),
        timestamp=timestamp,
    )


class Account(Model):
    """Who the customer is, as far as routing cares."""

    customer_id: Text | None = None
    name: Text | None = None
    tier: Text = "standard"
    risk_flags: frozenset[Text] = frozenset()


# 2: the turns' check is SHA-256 (was BLAKE2b); a carry of format 1 is recomputed once.
# 3: ``within`` says whether every turn the carry covers is within the limits, so the payload
# bounds only the turns after them; a carry of format 2 (no ``within``) is recomputed once.
# 4 (round 17): ``parts`` carries the story parts of the latest user turns (a story told over
# several messages: handoff.signals.spread); a carry of format 3 (no ``parts``) is recomputed once.
# 5 (round 23): the parts grow to 24 bits (a loss, a theft, a disowning: spread.LOSS...); a
# carry of format 4 holds none of them for its messages, so it is recomputed once.
CARRY_FORMAT = 5
# A carried analysis covers at most this many user turns (one 32-bit word mask each) and
# this many cues of the recent turns; past either, routing analyses the whole conversation.
MAX_CARRY_USERS = 200
MAX_CARRY_CUES = 100
Finite = Annotated[float, Field(allow_inf_nan=False)]


class Failures(Model):
    """The running count of failed exchanges (see handoff.signals.extract._fallbacks): the
    failures before the latest user message, the run of them ending there, and the latest
    exchange's own state (failed so far, answered yet, exempt)."""

    total: int = Field(ge=0)
    run: int = Field(ge=0)
    last: bool | None = None
    answered: bool = False
    exempt: bool = False


class Episode(Model):
    """What the escalation model reads since the last hand-back: from user turn ``start``."""

    start: int = Field(ge=0, description="0-based index of the first user turn after it.")
    seen: tuple[Text, ...] = ()
    failures: Failures


class SignalCarry(Model):
    """What later turns need of the earlier turns' analysis, so a turn analyses only its new
    messages: running counters (user turns, first and lowest sentiment, highest frustration,
    cue kinds seen, failed exchanges), the latest user turns' scores and cue spans (the trend
    and the explanations), and one 32-bit mask of each user message's words (the repeat
    check's filter). It holds no message text: cue evidence is re-read from the conversation.

    ``key`` names the signal settings, limits and analysis it was computed with, ``turns``
    and ``check`` the conversation turns it covers (their count and a digest of their roles,
    texts, intents and actions); routing uses it only when all three match, else analyses
    the whole conversation and says why in the decision's trace.
    """

    v: int = CARRY_FORMAT
    key: Text
    turns: int = Field(ge=0)
    check: Text
    users: int = Field(ge=0, le=MAX_CARRY_USERS)
    first: Finite | None = None
    low: Finite | None = None
    high: Finite | None = None
    seen: tuple[Text, ...] = ()
    recent: tuple[tuple[int, Finite, Finite], ...] = Field(
        default=(), description="(turn index, sentiment, frustration) of the latest user turns."
    )
    cues: tuple[tuple[int, Text, int, int, Finite], ...] = Field(
        default=(),
        max_length=MAX_CARRY_CUES,
        description="(turn index, kind, start, end, weight) of the recent turns' cues.",
    )
    failures: Failures = Failures(total=0, run=0)
    episode: Episode | None = None
    words: Text = Field(
        default="", max_length=MAX_CARRY_USERS * 8, description="Hex 32-bit word masks."
    )
    within: bool | None = Field(
        default=None,
        description="Whether every turn it covers is within the limits (nothing of it to cut: "
        "handoff.signals.bound), so the payload bounds only the turns after them. Unset (and "
        "left out of the state's dumps and slot) in carries of formats 1 and 2, so their "
        "signatures still verify.",
    )
    parts: tuple[Annotated[int, Field(ge=0, le=16777215)], ...] | None = Field(
        default=None,
        max_length=8,
        description="The story parts (a bit mask each) of the latest few user turns, for a story "
        "told over several messages (handoff.signals.spread). Unset (and left out of the "
        "state's dumps and slot) in carries of formats 1 to 3, so their signatures still verify.",
    )


class RoutingState(Model):
    """What earlier turns decided; the adapter stores it (e.g. in Rasa slots) and passes it back.

    Anti-flapping needs it: whether a human already has the conversation, pending confirmations
    of medium-severity rules, and when the last hand-back to the bot happened.
    """

    lane: Text | None = None
    lane_kind: Text | None = None
    since_turn: int | None = None
    rule: Text | None = Field(
        default=None, description="The rule that put the conversation in this lane."
    )
    handback_turn: int | None = Field(
        default=None, description="User-turn count at the last hand-back from a human to the bot."
    )
    pending: dict[Text, int] = Field(
        default_factory=dict,
        description="Rule id -> consecutive turns it has matched while awaiting confirmation.",
    )
    override_lane: Text | None = Field(
        default=None, description="Lane forced by a supervisor; wins over every rule."
    )
    # Added later, and left out of dumps while unset (see _drop_unset_later_fields), so the
    # states stored and signed before them read, dump and verify exactly as they did.
    experiment: Text | None = Field(
        default=None, description="Experiment the conversation was assigned in (sticky arm)."
    )
    arm: Text | None = Field(default=None, description="Its arm in that experiment.")
    shadow: RoutingState | None = Field(
        default=None,
        description="The shadow rules' own state (lane, pending confirmations), so the "
        "candidate routes as it would live.",
    )

    carry: SignalCarry | None = Field(
        default=None,
        description="The earlier turns' analysis, carried so a turn analyses only what is new "
        "(handoff.signals.extract.extract_carried).",
    )

    @model_serializer(mode="wrap")
    def _drop_unset_later_fields(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        for name in _LATER_STATE_FIELDS:
            if data.get(name, ...) is None:
                del data[name]
        carry = data.get("carry")
        if carry is not None:
            if carry.get("within", ...) is None:
                del carry["within"]  # a carry of format 1 or 2 dumps as it was signed
            if carry.get("parts", ...) is None:
                del carry["parts"]  # and one of formats 1 to 3
        return data


_LATER_STATE_FIELDS = ("experiment", "arm", "shadow", "carry")


class Conversation(Model):
    """Everything the router reads about one conversation at the current turn."""

    id: Text = "conversation"
    channel: Text = "web"
    turns: tuple[Turn, ...] = ()
    account: Account = Account()
    slots: JsonData = Field(default_factory=dict)
    metadata: JsonData = Field(default_factory=dict)
    state: RoutingState = RoutingState()

    @classmethod
    def from_json(cls, data: str | bytes) -> Conversation:
        """Read a conversation from JSON; ConversationError lists what is wrong and where."""
        try:
            return cls.model_validate_json(data)
        except ValidationError as error:
            if not any(e["type"] == "json_invalid" for e in error.errors()):
                raise ConversationError(_problems(error)) from None
        # pydantic's parser refuses lone surrogates (\\ud800) although JSON allows them; the
        # standard library reads them, and the models replace them.
        try:
            parsed = json.loads(data)
        except (ValueError, RecursionError) as error:
            raise ConversationError(f"not a valid conversation: not JSON ({error})") from None
        try:
            return cls.model_validate(parsed)
        except ValidationError as error:
            raise ConversationError(_problems(error)) from None

    @property
    def user_turns(self) -> tuple[Turn, ...]:
        """The customer's messages, oldest first."""
        return tuple(t for t in self.turns if t.role == "user")

    @property
    def user_turn_numbers(self) -> tuple[int, ...]:
        """Where each customer message sits in the conversation: its 1-based position among
        all turns (customer, bot, agent and system messages alike), so the third line of a
        transcript is turn 3. Payloads (transcript, cues, per-turn sentiment), ``handoff
        explain`` and the demo number turns this way; ``Router.replay`` returns one decision
        per number here."""
        return tuple(n for n, t in enumerate(self.turns, start=1) if t.role == "user")

    @property
    def latest_user_turn(self) -> Turn | None:
        """The message being routed now, if the customer has said anything."""
        for turn in reversed(self.turns):
            if turn.role == "user":
                return turn
        return None


def _problems(error: ValidationError) -> str:
    # Locations and messages only: pydantic's own text repeats the input values.
    lines = [
        f"  {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
        for e in error.errors(include_url=False, include_input=False)
    ]
    return "not a valid conversation:\n" + "\n".join(lines)
