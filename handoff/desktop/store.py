"""The desktop's tables (SQLAlchemy 2.0, typed) and the engine that reaches them.

Every table is prefixed ``desktop_`` so the desktop can share a database with the outbox.
Times are unix seconds (double precision), as in the outbox: every backend compares them
the same way; the service turns them into aware datetimes. The schema is created and changed
only by the Alembic migrations in ``handoff/desktop/migrations`` (``Desktop.upgrade()``);
``tests/desktop/test_migrations.py`` checks that they produce exactly these models.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# The engine and the write lock are shared with the rules store (same database file).
from handoff.storage import NAMING_CONVENTION, create_engine, write_lock

__all__ = [
    "ROLES",
    "STATUSES",
    "Audit",
    "Base",
    "Ces",
    "Change",
    "Claim",
    "Conversation",
    "Delivery",
    "Handoff",
    "Lane",
    "Message",
    "Note",
    "Presence",
    "RelayCursor",
    "Session",
    "Tick",
    "Turn",
    "User",
    "UserLane",
    "WrapUp",
    "create_engine",
    "write_lock",
]

ROLES = ("agent", "supervisor", "admin")
# "abandoned": the customer left while waiting (no page open, nothing said for a while).
STATUSES = ("waiting", "claimed", "resolved", "handed_back", "abandoned")
# Who said a line of the live conversation (see Message).
MESSAGE_KINDS = ("customer", "bot", "agent", "notice")
STEPS = ("validate", "reframe", "commit")
NEEDED = ("yes", "no", "unsure")
# After which agent action the bot asked the customer effort question (see Ces).
CES_AFTER = ("resolve", "hand_back")

# Lengths of the bounded columns; the service refuses longer input with a clear error.
LANE_ID_CHARS = 64
USERNAME_CHARS = 64
CONVERSATION_ID_CHARS = 255
KEY_CHARS = 200
OUTCOME_CHARS = 64
# Analytics columns: a rule id or an experiment's id or arm (rules files do not bound them;
# the writers cut or refuse longer ones), a rule set version (12 hex digits today).
RULE_ID_CHARS = 255
VERSION_CHARS = 64


class Base(DeclarativeBase):
    """Declarative base of the desktop's tables, with a naming convention for constraints
    (so migrations can name, and later drop, every one of them on every backend)."""

    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class Lane(Base):
    """A queue agents can be assigned to; created from a rule set's non-bot lanes or by an admin."""

    __tablename__ = "desktop_lanes"

    id: Mapped[str] = mapped_column(sa.String(LANE_ID_CHARS), primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    sla_seconds: Mapped[int | None] = mapped_column(sa.Integer)
    priority: Mapped[int] = mapped_column(sa.Integer, default=0)
    created_at: Mapped[float] = mapped_column(sa.Double)


class User(Base):
    """A person who logs in: an agent, a supervisor or an admin."""

    __tablename__ = "desktop_users"
    __table_args__ = (sa.CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(sa.String(USERNAME_CHARS), unique=True)
    # argon2id, PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(16))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    created_at: Mapped[float] = mapped_column(sa.Double)
    # Consecutive failed logins, and until when further attempts are refused (revision 0002).
    failed_logins: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")
    locked_until: Mapped[float | None] = mapped_column(sa.Double)


class UserLane(Base):
    """Which lanes an agent works (supervisors and admins see every lane regardless)."""

    __tablename__ = "desktop_user_lanes"

    user_id: Mapped[int] = mapped_column(sa.ForeignKey(User.id), primary_key=True)
    lane_id: Mapped[str] = mapped_column(sa.ForeignKey(Lane.id), primary_key=True)


class Session(Base):
    """A server-side login session. Only a hash of its token is stored."""

    __tablename__ = "desktop_sessions"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    csrf: Mapped[str] = mapped_column(sa.String(64))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey(User.id), index=True)
    created_at: Mapped[float] = mapped_column(sa.Double)
    expires_at: Mapped[float] = mapped_column(sa.Double, index=True)


class Conversation(Base):
    """One Rasa conversation (``payload.conversation_id``), however many payloads it sent."""

    __tablename__ = "desktop_conversations"
    __table_args__ = (
        sa.CheckConstraint(_in("status", STATUSES), name="status"),
        sa.Index("ix_desktop_conversations_queue", "lane", "status", "priority", "sla_deadline"),
    )

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(sa.String(CONVERSATION_ID_CHARS), unique=True)
    # Where the desktop has it now (a transfer or an override moves it) ...
    lane: Mapped[str] = mapped_column(sa.ForeignKey(Lane.id))
    # ... and where the bot routed it last: only a change of this moves it again, so the
    # next payload of a conversation an agent transferred does not undo the transfer.
    routed_lane: Mapped[str] = mapped_column(sa.String(LANE_ID_CHARS))
    priority: Mapped[int] = mapped_column(sa.Integer)
    status: Mapped[str] = mapped_column(sa.String(16))
    agent_id: Mapped[int | None] = mapped_column(sa.ForeignKey(User.id), index=True)
    sla_deadline: Mapped[float | None] = mapped_column(sa.Double)
    # Since when the customer waits in the current lane (the longest-wait statistic).
    waiting_since: Mapped[float] = mapped_column(sa.Double)
    claimed_at: Mapped[float | None] = mapped_column(sa.Double)
    closed_at: Mapped[float | None] = mapped_column(sa.Double)
    # The latest payload (JSON) and its created_at, to ignore an older one arriving late.
    payload: Mapped[str] = mapped_column(sa.Text)
    payload_created_at: Mapped[float] = mapped_column(sa.Double)
    # A few payload fields for the queue page (JSON), so it need not parse 1,000 payloads.
    headline: Mapped[str] = mapped_column(sa.Text)
    # Bumped on every change; the web layer shows it and tests read it.
    version: Mapped[int] = mapped_column(sa.Integer, default=1)
    # Bumped each time a closed conversation is reopened: ticks belong to one cycle.
    cycle: Mapped[int] = mapped_column(sa.Integer, default=1)
    created_at: Mapped[float] = mapped_column(sa.Double)
    updated_at: Mapped[float] = mapped_column(sa.Double)


class Delivery(Base):
    """One received idempotency key: the hash of its body and how often it came again."""

    __tablename__ = "desktop_deliveries"

    key: Mapped[str] = mapped_column(sa.String(KEY_CHARS), primary_key=True)
    body_sha256: Mapped[str] = mapped_column(sa.String(64))
    conversation_pk: Mapped[int] = mapped_column(sa.ForeignKey(Conversation.id), index=True)
    received_at: Mapped[float] = mapped_column(sa.Double)
    duplicates: Mapped[int] = mapped_column(sa.Integer, default=0)


class Claim(Base):
    """Each claim, kept for the "SLA attainment today" statistic (claimed within the SLA)."""

    __tablename__ = "desktop_claims"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    conversation_pk: Mapped[int] = mapped_column(sa.ForeignKey(Conversation.id), index=True)
    lane: Mapped[str] = mapped_column(sa.ForeignKey(Lane.id))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey(User.id))
    waited_seconds: Mapped[float] = mapped_column(sa.Double)
    # None when the lane has no SLA: such claims do not count for attainment.
    within_sla: Mapped[bool | None] = mapped_column(sa.Boolean)
    at: Mapped[float] = mapped_column(sa.Double)

    __table_args__ = (sa.Index("ix_desktop_claims_lane_at", "lane", "at"),)


class Tick(Base):
    """An empathy checklist step an agent ticked, once per step and cycle."""

    __tablename__ = "desktop_ticks"
    __table_args__ = (
        sa.UniqueConstraint("conversation_pk", "cycle", "step", name="uq_desktop_ticks_step"),
        sa.CheckConstraint(_in("step", STEPS), name="step"),
    )

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    conversation_pk: Mapped[int] = mapped_column(sa.ForeignKey(Conversation.id))
    cycle: Mapped[int] = mapped_column(sa.Integer)
    step: Mapped[str] = mapped_column(sa.String(16))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey(User.id))
    at: Mapped[float] = mapped_column(sa.Double)


class WrapUp(Base):
    """What an agent recorded on resolving: outcome code, was the handoff needed, a note."""

    __tablename__ = "desktop_wrapups"
    __table_args__ = (sa.CheckConstraint(_in("needed", NEEDED), name="needed"),)

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    conversation_pk: Mapped[int] = mapped_column(sa.ForeignKey(Conversation.id), index=True)
    cycle: Mapped[int] = mapped_column(sa.Integer)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey(User.id))
    outcome_code: Mapped[str] = mapped_column(sa.String(OUTCOME_CHARS))
    needed: Mapped[str] = mapped_column(sa.String(8))
    note: Mapped[str] = mapped_column(sa.Text)
    at: Mapped[float] = mapped_column(sa.Double)


class Note(Base):
    """A note on a conversation: written with a transfer, override, resolve or hand-back."""

    __tablename__ = "desktop_notes"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    conversation_pk: Mapped[int] = mapped_column(sa.ForeignKey(Conversation.id), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey(User.id))
    action: Mapped[str] = mapped_column(sa.String(32))
    text: Mapped[str] = mapped_column(sa.Text)
    at: Mapped[float] = mapped_column(sa.Double)


class Audit(Base):
    """Who did what to which conversation (or user, or lane), when, with before and after."""

    __tablename__ = "desktop_audit"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    at: Mapped[float] = mapped_column(sa.Double, index=True)
    # NULL for the bot and the system (the CLI); ``actor`` keeps the name either way.
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey(User.id))
    actor: Mapped[str] = mapped_column(sa.String(USERNAME_CHARS))
    action: Mapped[str] = mapped_column(sa.String(32))
    conversation_pk: Mapped[int | None] = mapped_column(sa.ForeignKey(Conversation.id), index=True)
    before: Mapped[str | None] = mapped_column(sa.Text)
    after: Mapped[str | None] = mapped_column(sa.Text)


class Change(Base):
    """The change feed: one row per lane a change touches, read by ``seq`` across processes."""

    __tablename__ = "desktop_changes"

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    lane: Mapped[str] = mapped_column(sa.String(LANE_ID_CHARS), index=True)
    conversation_pk: Mapped[int | None] = mapped_column(sa.Integer)
    kind: Mapped[str] = mapped_column(sa.String(32))
    at: Mapped[float] = mapped_column(sa.Double)


class Message(Base):
    """One line of a conversation as the customer and the agent see it live: the projection
    of Rasa's tracker (the record of the whole conversation) that the pages read.

    Each kind has one writer, so nothing is shown twice:

    * ``customer``: the relay, from the ``user`` events of Rasa's event broker (text redacted);
    * ``bot``: the customer chat server, from what Rasa's callback channel posts to it, and the
      relay for the lane message it sends when it moves a conversation;
    * ``agent``: the desktop, once Rasa has stored the agent's reply as a ``bot`` event;
    * ``notice``: the desktop and the relay ("Dana joined", "moved to the fraud team", "handed
      back", "abandoned"), also once Rasa has stored it.

    ``ref`` makes each write idempotent (the broker row id, the callback's id...).
    """

    __tablename__ = "desktop_messages"
    __table_args__ = (
        sa.CheckConstraint(_in("kind", MESSAGE_KINDS), name="kind"),
        sa.Index("ix_desktop_messages_conversation", "conversation_id", "seq"),
        # The outcomes loader reads the customer lines of a period (revision 0004).
        sa.Index("ix_desktop_messages_kind_at", "kind", "at"),
    )

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    # Rasa's sender id; not a foreign key: a conversation the bot keeps has no desktop row.
    conversation_id: Mapped[str] = mapped_column(sa.String(CONVERSATION_ID_CHARS))
    kind: Mapped[str] = mapped_column(sa.String(16))
    # The agent's username for ``agent`` lines; None otherwise.
    author: Mapped[str | None] = mapped_column(sa.String(USERNAME_CHARS))
    text: Mapped[str] = mapped_column(sa.Text)
    ref: Mapped[str | None] = mapped_column(sa.String(KEY_CHARS), unique=True)
    at: Mapped[float] = mapped_column(sa.Double)
    # VADER compound (-1..1) of a customer line, as handoff's own sentiment code scores it
    # (revision 0004); None for other kinds and for lines stored before.
    sentiment: Mapped[float | None] = mapped_column(sa.Double)


class Presence(Base):
    """When a customer's chat page was last seen open (the chat server's heartbeat): with
    their last message, what tells a customer still waiting from one who left."""

    __tablename__ = "desktop_presence"

    conversation_id: Mapped[str] = mapped_column(sa.String(CONVERSATION_ID_CHARS), primary_key=True)
    last_seen: Mapped[float] = mapped_column(sa.Double)


class RelayCursor(Base):
    """How far a reader of an external feed (Rasa's event broker table) has got, so a restart
    neither loses nor repeats a message; moved only by a compare-and-set."""

    __tablename__ = "desktop_relay_cursors"

    name: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    position: Mapped[int] = mapped_column(sa.BigInteger)
    updated_at: Mapped[float] = mapped_column(sa.Double)


# ------------------------------------------------------------------------------ outcomes
#
# What the KPIs are computed from (revision 0004; handoff.desktop.outcomes loads them into a
# handoff.outcomes.Dataset). No personal data: customers only as the payload's keyed
# pseudonyms, conversations by the id the desktop knows them by (the payload's, which is the
# Rasa sender id with any PII part pseudonymised), and never a message's text.


class Turn(Base):
    """The decision log: one row per routed customer turn, from the action's
    ``handoff_decision`` slot in Rasa's event feed (written by the relay). Bot-kept turns
    too: they are the denominator of the handoff rate and containment."""

    __tablename__ = "desktop_turns"
    __table_args__ = (
        sa.Index("ix_desktop_turns_at", "at"),
        sa.Index("ix_desktop_turns_conversation", "conversation_id", "at"),
    )

    seq: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    # Idempotency: where the turn came from ("rasa:<events.id>"); a second write is a no-op.
    ref: Mapped[str] = mapped_column(sa.String(KEY_CHARS), unique=True)
    conversation_id: Mapped[str] = mapped_column(sa.String(CONVERSATION_ID_CHARS))
    customer: Mapped[str | None] = mapped_column(sa.String(CONVERSATION_ID_CHARS))
    at: Mapped[float] = mapped_column(sa.Double)
    lane: Mapped[str] = mapped_column(sa.String(LANE_ID_CHARS))
    lane_kind: Mapped[str] = mapped_column(sa.String(16))
    handoff: Mapped[bool] = mapped_column(sa.Boolean)
    rule_id: Mapped[str | None] = mapped_column(sa.String(RULE_ID_CHARS))
    ruleset_version: Mapped[str] = mapped_column(sa.String(VERSION_CHARS))
    experiment: Mapped[str | None] = mapped_column(sa.String(RULE_ID_CHARS))
    arm: Mapped[str | None] = mapped_column(sa.String(RULE_ID_CHARS))
    # The turn's signals say the customer explicitly asked for a person.
    asked_person: Mapped[bool] = mapped_column(sa.Boolean)
    # What the shadow rule set would have done (all None without one).
    shadow_lane: Mapped[str | None] = mapped_column(sa.String(LANE_ID_CHARS))
    shadow_rule_id: Mapped[str | None] = mapped_column(sa.String(RULE_ID_CHARS))
    shadow_version: Mapped[str | None] = mapped_column(sa.String(VERSION_CHARS))
    shadow_handoff: Mapped[bool | None] = mapped_column(sa.Boolean)


class Handoff(Base):
    """One handoff cycle of a conversation (its ``cycle`` in desktop_conversations): where
    the bot sent it and why, how long until an agent took it, and how it ended. Written by
    the desktop service in the same transaction as each change it records (receive, claim,
    transfer, router move, resolve, hand-back, abandonment).

    ``conversation_pk`` is None for cycles imported by
    :func:`handoff.desktop.outcomes.store_dataset` (simulations, benchmarks): they have no
    desktop conversation (nor payload) behind them."""

    __tablename__ = "desktop_handoffs"
    __table_args__ = (
        sa.UniqueConstraint("conversation_pk", "cycle", name="uq_desktop_handoffs_cycle"),
        sa.CheckConstraint(_in("status", STATUSES), name="status"),
        sa.CheckConstraint(_in("needed", NEEDED), name="needed"),
        sa.Index("ix_desktop_handoffs_handed_off_at", "handed_off_at"),
    )

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    conversation_pk: Mapped[int | None] = mapped_column(sa.ForeignKey(Conversation.id))
    cycle: Mapped[int] = mapped_column(sa.Integer)
    conversation_id: Mapped[str] = mapped_column(sa.String(CONVERSATION_ID_CHARS))
    customer: Mapped[str | None] = mapped_column(sa.String(CONVERSATION_ID_CHARS))
    # The lane the bot routed to (a transfer counts in ``transfers``, a router move changes it).
    lane: Mapped[str] = mapped_column(sa.String(LANE_ID_CHARS))
    rule_id: Mapped[str | None] = mapped_column(sa.String(RULE_ID_CHARS))
    ruleset_version: Mapped[str] = mapped_column(sa.String(VERSION_CHARS))
    experiment: Mapped[str | None] = mapped_column(sa.String(RULE_ID_CHARS))
    arm: Mapped[str | None] = mapped_column(sa.String(RULE_ID_CHARS))
    sla_seconds: Mapped[int | None] = mapped_column(sa.Integer)
    handed_off_at: Mapped[float] = mapped_column(sa.Double)
    claimed_at: Mapped[float | None] = mapped_column(sa.Double)
    # Claimed by the SLA deadline; None while unclaimed or when the lane has no SLA.
    within_sla: Mapped[bool | None] = mapped_column(sa.Boolean)
    transfers: Mapped[int] = mapped_column(sa.Integer, default=0)
    status: Mapped[str] = mapped_column(sa.String(16))
    closed_at: Mapped[float | None] = mapped_column(sa.Double)
    outcome_code: Mapped[str | None] = mapped_column(sa.String(OUTCOME_CHARS))
    needed: Mapped[str | None] = mapped_column(sa.String(8))


class Ces(Base):
    """The customer effort question of one handoff cycle ("<org> made it easy to handle my
    issue", 1-7): asked by the bot after a resolve or hand-back (written when Rasa accepted
    it), answered (a score, or declined) from the decision slot by the relay.

    ``handoff_id`` links a row imported by ``store_dataset`` (``conversation_pk`` None) to
    its cycle; rows the desktop writes are found by (conversation_pk, cycle)."""

    __tablename__ = "desktop_ces"
    __table_args__ = (
        sa.UniqueConstraint("conversation_pk", "cycle", name="uq_desktop_ces_cycle"),
        sa.CheckConstraint(_in("asked_after", CES_AFTER), name="asked_after"),
        sa.CheckConstraint("score BETWEEN 1 AND 7", name="score"),
    )

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    conversation_pk: Mapped[int | None] = mapped_column(sa.ForeignKey(Conversation.id))
    cycle: Mapped[int] = mapped_column(sa.Integer)
    handoff_id: Mapped[int | None] = mapped_column(sa.ForeignKey(Handoff.id), index=True)
    asked_at: Mapped[float] = mapped_column(sa.Double)
    asked_after: Mapped[str] = mapped_column(sa.String(16))
    answered_at: Mapped[float | None] = mapped_column(sa.Double)
    score: Mapped[int | None] = mapped_column(sa.Integer)
    declined: Mapped[bool] = mapped_column(sa.Boolean, default=False)
