"""What the desktop service hands out (frozen records) and what it raises (one error tree).

::

    HandoffError                      (handoff.errors)
    └── DesktopError                  base of what the desktop raises on purpose
        ├── InvalidInput              bounded or malformed input: a note too long, a bad role (422)
        │   ├── InvalidPayload        the body is not a ContextPayload (says where, never what)
        │   └── UnknownLane           a lane the desktop does not have (nothing stored)
        ├── PayloadConflict           an idempotency key already stored with another body (409)
        ├── NotFound                  no such conversation or user, or not one you may see (404)
        ├── Forbidden                 your role may not do this (403)
        ├── Conflict                  the conversation's state does not allow it now (409)
        └── BotUnavailable            no bot connected, or Rasa refused or is down (503)

``StorageUnavailable`` (handoff.errors) means the database cannot be used now (503).
Messages name lanes, roles, states and limits; never payload text, passwords or sender ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from handoff.errors import HandoffError
from handoff.models.payload import ContextPayload

__all__ = [
    "AuditEntry",
    "BotUnavailable",
    "Change",
    "Conflict",
    "ConversationRecord",
    "DesktopError",
    "Forbidden",
    "InvalidInput",
    "InvalidPayload",
    "LaneInfo",
    "LaneQueue",
    "LineRecord",
    "NotFound",
    "NoteRecord",
    "PayloadConflict",
    "QueueItem",
    "Role",
    "SessionInfo",
    "Status",
    "Step",
    "TickRecord",
    "UnknownLane",
    "User",
    "WrapUpRecord",
]

Role = Literal["agent", "supervisor", "admin"]
Status = Literal["waiting", "claimed", "resolved", "handed_back", "abandoned"]
LineKind = Literal["customer", "bot", "agent", "notice"]
Step = Literal["validate", "reframe", "commit"]
Needed = Literal["yes", "no", "unsure"]


class DesktopError(HandoffError):
    """Base of the errors the desktop raises on purpose; the message is safe to show."""


class InvalidInput(DesktopError, ValueError):
    """Input the desktop refuses: too long, empty where required, or not one of the choices."""


class InvalidPayload(InvalidInput):
    """A delivered body that is not a ContextPayload; ``problems`` are (location, message)
    pairs, without the input values (they are the customer's data)."""

    def __init__(self, message: str, problems: tuple[tuple[str, str], ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class UnknownLane(InvalidInput):
    """A lane the desktop does not have (``lane`` names it); nothing was stored or changed."""

    def __init__(self, lane: str, message: str) -> None:
        super().__init__(message)
        self.lane = lane


class PayloadConflict(DesktopError):
    """An idempotency key already stored with a different body; nothing changed."""


class NotFound(DesktopError):
    """No such thing, or one the user may not see: the two are not told apart on purpose."""


class Forbidden(DesktopError):
    """The user's role does not allow this action."""


class Conflict(DesktopError):
    """The conversation's current state does not allow the action (claimed by someone else,
    already resolved, not claimed by you ...)."""


class BotUnavailable(DesktopError):
    """Hand-back (or override) needs the bot, and there is none, or Rasa refused or is down.
    Nothing changed in the desktop."""


@dataclass(frozen=True)
class User:
    """A desktop user as the service sees them (never with their password hash)."""

    id: int
    username: str
    role: Role
    lanes: tuple[str, ...]
    active: bool = True

    @property
    def sees_all_lanes(self) -> bool:
        """Supervisors and admins see (and act on) every lane."""
        return self.role in ("supervisor", "admin")


@dataclass(frozen=True)
class SessionInfo:
    """A live session: whose it is, its CSRF token and when it expires."""

    user: User
    csrf: str
    expires_at: datetime


@dataclass(frozen=True)
class LaneInfo:
    """A lane of the desktop."""

    id: str
    kind: str
    description: str
    sla_seconds: int | None
    priority: int


@dataclass(frozen=True)
class QueueItem:
    """One conversation in a lane's queue (waiting or claimed), with what the list shows."""

    pk: int
    conversation_id: str
    lane: str
    status: Status
    priority: int
    agent: str | None  # username of the agent who claimed it
    sla_deadline: datetime | None
    waiting_since: datetime
    updated_at: datetime
    version: int
    # From the latest payload: customer tier, name and risk flags, channel, intent, why.
    tier: str
    customer_name: str | None
    risk_flags: tuple[str, ...]
    channel: str
    intent: str | None
    summary: str
    sentiment_label: str


@dataclass(frozen=True)
class LaneQueue:
    """A lane, its open conversations (priority first, then the earliest SLA deadline), and
    its statistics."""

    lane: LaneInfo
    items: tuple[QueueItem, ...]
    waiting: int
    claimed: int
    longest_wait_seconds: float | None  # of the waiting ones; None when nobody waits
    claimed_today: int  # claims since midnight UTC (of the desktop's clock)
    claims_with_sla_today: int  # of those, claims of conversations that had an SLA deadline
    claimed_within_sla_today: int  # of those, claims made by the deadline

    @property
    def sla_attainment_today(self) -> float | None:
        """Claims today made within the SLA ÷ claims today that had an SLA; None if none."""
        if not self.claims_with_sla_today:
            return None
        return self.claimed_within_sla_today / self.claims_with_sla_today


@dataclass(frozen=True)
class TickRecord:
    """A ticked empathy step: who ticked it, when."""

    step: Step
    user: str
    at: datetime


@dataclass(frozen=True)
class NoteRecord:
    """A note written with an action."""

    action: str
    user: str
    text: str
    at: datetime


@dataclass(frozen=True)
class LineRecord:
    """One line of the live conversation (``desktop_messages``): who said it and what.

    ``author`` is the agent's username for agent lines and join notices, else None;
    ``seq`` is the line's position in the stream both pages read."""

    seq: int
    kind: LineKind
    author: str | None
    text: str
    at: datetime


@dataclass(frozen=True)
class WrapUpRecord:
    """A resolution's wrap-up."""

    outcome_code: str
    needed: Needed
    note: str
    user: str
    at: datetime


@dataclass(frozen=True)
class ConversationRecord:
    """Everything the card shows about one conversation."""

    pk: int
    conversation_id: str
    lane: str
    routed_lane: str
    status: Status
    priority: int
    agent: str | None
    sla_deadline: datetime | None
    waiting_since: datetime
    claimed_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int
    cycle: int
    payload: ContextPayload
    ticks: tuple[TickRecord, ...]  # of the current cycle, in the order ticked
    notes: tuple[NoteRecord, ...]  # oldest first
    wrapups: tuple[WrapUpRecord, ...] = field(default=())  # oldest first

    @property
    def ticked(self) -> frozenset[str]:
        """The steps ticked in the current cycle."""
        return frozenset(tick.step for tick in self.ticks)


@dataclass(frozen=True)
class Change:
    """One entry of the change feed: something about ``conversation_pk`` changed in ``lane``.

    ``kind``: arrived, updated, rerouted, reopened, claimed, ticked, transferred_out,
    transferred_in, overridden, reassigned, resolved, handed_back, lane_changed.
    """

    seq: int
    lane: str
    conversation_pk: int | None
    kind: str
    at: datetime


@dataclass(frozen=True)
class AuditEntry:
    """One audited action: who (``actor``: a username, "bot" or "system"), what, on which
    conversation, the state before and after, when."""

    id: int
    at: datetime
    actor: str
    action: str
    conversation_pk: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None
