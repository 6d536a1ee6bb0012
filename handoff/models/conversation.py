"""A conversation as plain data: turns, account, slots and the routing state between turns."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, ValidationError

from handoff.errors import ConversationError
from handoff.models._base import Model

__all__ = ["Account", "Conversation", "Entity", "Intent", "RoutingState", "Turn"]

Role = Literal["user", "bot", "agent", "system"]


class Intent(Model):
    """An intent prediction: name and confidence in 0..1."""

    name: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Entity(Model):
    """An extracted entity; ``value`` may be PII and is redacted before an agent sees it."""

    entity: str
    value: str | int | float | bool | None = None
    start: int | None = None
    end: int | None = None


class Turn(Model):
    """One message: a user utterance (with NLU) or a bot/agent reply (with the action taken)."""

    role: Role
    text: str = ""
    intent: Intent | None = None
    intent_ranking: tuple[Intent, ...] = ()
    entities: tuple[Entity, ...] = ()
    action: str | None = Field(default=None, description="Bot action that produced this turn.")
    fallback: bool = Field(
        default=False, description="The bot did not understand (e.g. action_default_fallback)."
    )
    timestamp: float | None = None


class Account(Model):
    """Who the customer is, as far as routing cares."""

    customer_id: str | None = None
    name: str | None = None
    tier: str = "standard"
    risk_flags: frozenset[str] = frozenset()


class RoutingState(Model):
    """What earlier turns decided; the adapter stores it (e.g. in Rasa slots) and passes it back.

    Anti-flapping needs it: whether a human already has the conversation, pending confirmations
    of medium-severity rules, and when the last hand-back to the bot happened.
    """

    lane: str | None = None
    lane_kind: str | None = None
    since_turn: int | None = None
    rule: str | None = Field(
        default=None, description="The rule that put the conversation in this lane."
    )
    handback_turn: int | None = Field(
        default=None, description="User-turn count at the last hand-back from a human to the bot."
    )
    pending: dict[str, int] = Field(
        default_factory=dict,
        description="Rule id -> consecutive turns it has matched while awaiting confirmation.",
    )
    override_lane: str | None = Field(
        default=None, description="Lane forced by a supervisor; wins over every rule."
    )


class Conversation(Model):
    """Everything the router reads about one conversation at the current turn."""

    id: str = "conversation"
    channel: str = "web"
    turns: tuple[Turn, ...] = ()
    account: Account = Account()
    slots: dict[str, Any] = Field(default_factory=dict)
    metadata: dict[str, Any] = Field(default_factory=dict)
    state: RoutingState = RoutingState()

    @classmethod
    def from_json(cls, data: str | bytes) -> Conversation:
        """Read a conversation from JSON; ConversationError lists what is wrong and where."""
        try:
            return cls.model_validate_json(data)
        except ValidationError as error:
            lines = [
                f"  {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
                for e in error.errors()
            ]
            raise ConversationError("not a valid conversation:\n" + "\n".join(lines)) from None

    @property
    def user_turns(self) -> tuple[Turn, ...]:
        """The customer's messages, oldest first."""
        return tuple(t for t in self.turns if t.role == "user")

    @property
    def latest_user_turn(self) -> Turn | None:
        """The message being routed now, if the customer has said anything."""
        for turn in reversed(self.turns):
            if turn.role == "user":
                return turn
        return None
