"""Outcomes: the decision log (desktop_turns), one row per handoff cycle (desktop_handoffs),
the customer effort question (desktop_ces), the sentiment of customer lines and an index
to read a period's customer lines.

The handoff cycles of the conversations already in the desktop are backfilled from what the
older schema kept: each cycle's start, lane moves, transfers and end from the audit log
(``receive`` / ``reopen`` open a cycle, ``reroute`` moves it, ``transfer`` / ``override``
count, ``resolve`` / ``hand_back`` / ``abandon`` close it), its first claim from
desktop_claims, its wrap-up from desktop_wrapups, and the rule, rule set version and customer
pseudonym from the payload the conversation holds. Only the newest payload was kept, so
earlier cycles get no rule (``rule_id`` NULL) and an empty ``ruleset_version`` ("not
recorded"); a conversation whose audit trail does not account for all its cycles gets only
its current cycle.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_STATUS = "status IN ('waiting', 'claimed', 'resolved', 'handed_back', 'abandoned')"
_NEEDED = "needed IN ('yes', 'no', 'unsure')"
_CHUNK = 500


def upgrade() -> None:
    op.create_table(
        "desktop_turns",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ref", sa.String(length=200), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("customer", sa.String(length=255), nullable=True),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("lane", sa.String(length=64), nullable=False),
        sa.Column("lane_kind", sa.String(length=16), nullable=False),
        sa.Column("handoff", sa.Boolean(), nullable=False),
        sa.Column("rule_id", sa.String(length=255), nullable=True),
        sa.Column("ruleset_version", sa.String(length=64), nullable=False),
        sa.Column("experiment", sa.String(length=255), nullable=True),
        sa.Column("arm", sa.String(length=255), nullable=True),
        sa.Column("asked_person", sa.Boolean(), nullable=False),
        sa.Column("shadow_lane", sa.String(length=64), nullable=True),
        sa.Column("shadow_rule_id", sa.String(length=255), nullable=True),
        sa.Column("shadow_version", sa.String(length=64), nullable=True),
        sa.Column("shadow_handoff", sa.Boolean(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_desktop_turns")),
        sa.UniqueConstraint("ref", name=op.f("uq_desktop_turns_ref")),
    )
    op.create_index("ix_desktop_turns_at", "desktop_turns", ["at"])
    op.create_index("ix_desktop_turns_conversation", "desktop_turns", ["conversation_id", "at"])
    op.create_table(
        "desktop_handoffs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=True),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=255), nullable=False),
        sa.Column("customer", sa.String(length=255), nullable=True),
        sa.Column("lane", sa.String(length=64), nullable=False),
        sa.Column("rule_id", sa.String(length=255), nullable=True),
        sa.Column("ruleset_version", sa.String(length=64), nullable=False),
        sa.Column("experiment", sa.String(length=255), nullable=True),
        sa.Column("arm", sa.String(length=255), nullable=True),
        sa.Column("sla_seconds", sa.Integer(), nullable=True),
        sa.Column("handed_off_at", sa.Double(), nullable=False),
        sa.Column("claimed_at", sa.Double(), nullable=True),
        sa.Column("within_sla", sa.Boolean(), nullable=True),
        sa.Column("transfers", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("closed_at", sa.Double(), nullable=True),
        sa.Column("outcome_code", sa.String(length=64), nullable=True),
        sa.Column("needed", sa.String(length=8), nullable=True),
        sa.CheckConstraint(_NEEDED, name=op.f("ck_desktop_handoffs_needed")),
        sa.CheckConstraint(_STATUS, name=op.f("ck_desktop_handoffs_status")),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_handoffs_conversation_pk_desktop_conversations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_handoffs")),
        sa.UniqueConstraint("conversation_pk", "cycle", name="uq_desktop_handoffs_cycle"),
    )
    op.create_index("ix_desktop_handoffs_handed_off_at", "desktop_handoffs", ["handed_off_at"])
    op.create_table(
        "desktop_ces",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("conversation_pk", sa.Integer(), nullable=True),
        sa.Column("cycle", sa.Integer(), nullable=False),
        sa.Column("handoff_id", sa.Integer(), nullable=True),
        sa.Column("asked_at", sa.Double(), nullable=False),
        sa.Column("asked_after", sa.String(length=16), nullable=False),
        sa.Column("answered_at", sa.Double(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("declined", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "asked_after IN ('resolve', 'hand_back')", name=op.f("ck_desktop_ces_asked_after")
        ),
        sa.CheckConstraint("score BETWEEN 1 AND 7", name=op.f("ck_desktop_ces_score")),
        sa.ForeignKeyConstraint(
            ["conversation_pk"],
            ["desktop_conversations.id"],
            name=op.f("fk_desktop_ces_conversation_pk_desktop_conversations"),
        ),
        sa.ForeignKeyConstraint(
            ["handoff_id"],
            ["desktop_handoffs.id"],
            name=op.f("fk_desktop_ces_handoff_id_desktop_handoffs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_desktop_ces")),
        sa.UniqueConstraint("conversation_pk", "cycle", name="uq_desktop_ces_cycle"),
    )
    op.create_index(op.f("ix_desktop_ces_handoff_id"), "desktop_ces", ["handoff_id"])
    with op.batch_alter_table("desktop_messages") as batch:
        batch.add_column(sa.Column("sentiment", sa.Double(), nullable=True))
    op.create_index("ix_desktop_messages_kind_at", "desktop_messages", ["kind", "at"])
    _backfill(op.get_bind())


def downgrade() -> None:
    op.drop_index("ix_desktop_messages_kind_at", table_name="desktop_messages")
    with op.batch_alter_table("desktop_messages") as batch:
        batch.drop_column("sentiment")
    op.drop_index(op.f("ix_desktop_ces_handoff_id"), table_name="desktop_ces")
    op.drop_table("desktop_ces")
    op.drop_index("ix_desktop_handoffs_handed_off_at", table_name="desktop_handoffs")
    op.drop_table("desktop_handoffs")
    op.drop_index("ix_desktop_turns_conversation", table_name="desktop_turns")
    op.drop_index("ix_desktop_turns_at", table_name="desktop_turns")
    op.drop_table("desktop_turns")


# ------------------------------------------------------------------------------ backfill
# Plain table constructs as of this revision (never the models, which move on).

_conversations = sa.table(
    "desktop_conversations",
    *(sa.column(name) for name in ("id", "conversation_id", "routed_lane", "status", "cycle")),
    *(sa.column(name) for name in ("created_at", "waiting_since", "claimed_at", "closed_at")),
    sa.column("payload"),
)
_audit = sa.table(
    "desktop_audit",
    *(sa.column(name) for name in ("id", "at", "action", "conversation_pk", "before", "after")),
)
_claims = sa.table(
    "desktop_claims", *(sa.column(name) for name in ("id", "conversation_pk", "within_sla", "at"))
)
_wrapups = sa.table(
    "desktop_wrapups",
    *(sa.column(name) for name in ("id", "conversation_pk", "cycle", "outcome_code", "needed")),
)
_lanes = sa.table("desktop_lanes", sa.column("id"), sa.column("sla_seconds"))
_handoffs = sa.table(
    "desktop_handoffs",
    *(
        sa.column(name)
        for name in (
            "conversation_pk", "cycle", "conversation_id", "customer", "lane", "rule_id",
            "ruleset_version", "experiment", "arm", "sla_seconds", "handed_off_at",
            "claimed_at", "within_sla", "transfers", "status", "closed_at", "outcome_code",
            "needed",
        )
    ),
)  # fmt: skip

_CLOSING = {"resolve": "resolved", "hand_back": "handed_back", "abandon": "abandoned"}
_AUDITED = ("receive", "reopen", "reroute", "transfer", "override", *_CLOSING)


class _Cycle:
    """One cycle as the audit trail tells it. (Not a dataclass: Alembic loads this file
    without registering it as a module, which dataclasses need.)"""

    def __init__(self, start: float, lane: str) -> None:
        self.start = start
        self.lane = lane
        self.transfers = 0
        self.status: str | None = None
        self.closed_at: float | None = None


def _json(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _chunks(connection: sa.Connection) -> Iterator[Sequence[Any]]:
    last = 0
    while True:
        rows = connection.execute(
            sa.select(_conversations)
            .where(_conversations.c.id > last)
            .order_by(_conversations.c.id)
            .limit(_CHUNK)
        ).all()
        if not rows:
            return
        yield rows
        last = rows[-1].id


def _cycles(conv: Any, audit: list[Any]) -> list[_Cycle] | None:
    """The conversation's cycles as its audit trail tells them; None if it does not add up."""
    cycles: list[_Cycle] = []
    for row in audit:
        after = _json(row.after)
        if row.action in ("receive", "reopen"):
            if row.action == "reopen" and cycles and cycles[-1].status is None:
                cycles[-1].status = _json(row.before).get("status")
            cycles.append(_Cycle(start=row.at, lane=str(after.get("lane") or conv.routed_lane)))
        elif not cycles:
            return None
        elif row.action == "reroute" and after.get("lane"):
            cycles[-1].lane = str(after["lane"])
        elif row.action in ("transfer", "override"):
            cycles[-1].transfers += 1
        elif row.action in _CLOSING and cycles[-1].status is None:
            cycles[-1].status = _CLOSING[row.action]
            cycles[-1].closed_at = row.at
    if len(cycles) != conv.cycle:
        return None
    return cycles


def _backfill(connection: sa.Connection) -> None:
    lane_sla = dict(connection.execute(sa.select(_lanes.c.id, _lanes.c.sla_seconds)).all())
    for chunk in _chunks(connection):
        pks = [conv.id for conv in chunk]
        audit: dict[int, list[Any]] = {pk: [] for pk in pks}
        for row in connection.execute(
            sa.select(_audit)
            .where(_audit.c.conversation_pk.in_(pks), _audit.c.action.in_(_AUDITED))
            .order_by(_audit.c.at, _audit.c.id)
        ):
            audit[row.conversation_pk].append(row)
        claims: dict[int, list[Any]] = {pk: [] for pk in pks}
        for row in connection.execute(
            sa.select(_claims).where(_claims.c.conversation_pk.in_(pks)).order_by(_claims.c.at)
        ):
            claims[row.conversation_pk].append(row)
        wrapups: dict[tuple[int, int], Any] = {}
        for row in connection.execute(
            sa.select(_wrapups).where(_wrapups.c.conversation_pk.in_(pks)).order_by(_wrapups.c.id)
        ):
            wrapups[(row.conversation_pk, row.cycle)] = row  # the latest wins
        rows: list[dict[str, Any]] = []
        for conv in chunk:
            rows.extend(_rows(conv, audit[conv.id], claims[conv.id], wrapups, lane_sla))
        if rows:
            connection.execute(sa.insert(_handoffs), rows)


def _rows(
    conv: Any,
    audit: list[Any],
    claims: list[Any],
    wrapups: dict[tuple[int, int], Any],
    lane_sla: dict[str, int | None],
) -> list[dict[str, Any]]:
    payload = _json(conv.payload)
    customer = (payload.get("customer") or {}).get("customer_id")
    routing = payload.get("routing") or {}
    why_rules = (payload.get("why") or {}).get("rules") or []
    cycles = _cycles(conv, audit)
    if cycles is None:
        start = conv.created_at if conv.cycle == 1 else conv.waiting_since
        cycles = [_Cycle(start=start, lane=conv.routed_lane)]
        first = conv.cycle
    else:
        first = 1
    rows = []
    for number, cycle in enumerate(cycles, start=first):
        current = number == conv.cycle
        end = cycles[number - first + 1].start if not current else float("inf")
        claim = next((c for c in claims if cycle.start <= c.at < end), None)
        wrapup = wrapups.get((conv.id, number))
        status = conv.status if current else (cycle.status or "resolved")
        sla = routing.get("sla_seconds") if current else None
        rows.append(
            {
                "conversation_pk": conv.id,
                "cycle": number,
                "conversation_id": conv.conversation_id,
                "customer": customer if isinstance(customer, str) else None,
                "lane": conv.routed_lane if current else cycle.lane,
                "rule_id": str(why_rules[0]) if current and why_rules else None,
                "ruleset_version": str(payload.get("ruleset_version") or "") if current else "",
                "experiment": payload.get("experiment") if current else None,
                "arm": payload.get("arm") if current else None,
                "sla_seconds": sla if isinstance(sla, int) else lane_sla.get(cycle.lane),
                "handed_off_at": cycle.start,
                "claimed_at": None if claim is None else claim.at,
                "within_sla": None if claim is None else claim.within_sla,
                "transfers": cycle.transfers,
                "status": status,
                "closed_at": conv.closed_at if current else cycle.closed_at,
                "outcome_code": None if wrapup is None else wrapup.outcome_code,
                "needed": None if wrapup is None else wrapup.needed,
            }
        )
    return rows
