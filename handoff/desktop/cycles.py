"""Bookkeeping of handoff cycles (``desktop_handoffs``), inside the desktop's transactions.

Each function writes on the connection of the service method that makes the change, so a
cycle's row commits with that change and its audit row, or not at all. One row per cycle
of a conversation: opened when the desktop receives a conversation (or reopens a closed
one), claimed (the first claim of the cycle sets ``claimed_at`` and ``within_sla``; later
claims after a transfer do not move them: time to agent is the customer's first wait),
moved (a transfer or an override counts in ``transfers``; the routed lane stays), routed
elsewhere by the bot or the relay (the lane and the rule that decided change), and closed
(resolved with its wrap-up, handed back, abandoned).

Nothing personal is written: the customer is the payload's keyed pseudonym, the
conversation the id the desktop knows it by.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from handoff.desktop import store
from handoff.desktop.store import Handoff
from handoff.models.payload import ContextPayload

__all__ = ["claimed", "closed", "moved", "opened", "rerouted"]


def _current(pk: int, cycle: int) -> Any:
    return sa.and_(Handoff.conversation_pk == pk, Handoff.cycle == cycle)


def _routing(payload: ContextPayload, lane_sla: int | None) -> dict[str, Any]:
    """What the payload says about the decision that routed it."""
    rules = payload.why.rules  # the rule that decided (none for the default lane)
    sla = payload.routing.sla_seconds
    return {
        "lane": payload.routing.lane,
        "rule_id": _cut(rules[0] if rules else None, store.RULE_ID_CHARS),
        "ruleset_version": payload.ruleset_version[: store.VERSION_CHARS],
        "experiment": _cut(payload.experiment, store.RULE_ID_CHARS),
        "arm": _cut(payload.arm, store.RULE_ID_CHARS),
        "sla_seconds": sla if sla is not None else lane_sla,
    }


def _cut(value: str | None, chars: int) -> str | None:
    """Ids the rules language does not bound, cut to their column (PostgreSQL would refuse
    the whole intake over an absurdly long rule id)."""
    return None if value is None else value[:chars]


def opened(
    connection: sa.Connection,
    *,
    pk: int,
    cycle: int,
    payload: ContextPayload,
    lane_sla: int | None,
    now: float,
) -> None:
    """A new cycle: the bot handed conversation ``pk`` off (first time or again)."""
    connection.execute(
        sa.insert(Handoff).values(
            conversation_pk=pk,
            cycle=cycle,
            conversation_id=payload.conversation_id,
            customer=_cut(payload.customer.customer_id, store.CONVERSATION_ID_CHARS),
            handed_off_at=now,
            claimed_at=None,
            within_sla=None,
            transfers=0,
            status="waiting",
            closed_at=None,
            outcome_code=None,
            needed=None,
            **_routing(payload, lane_sla),
        )
    )


def claimed(
    connection: sa.Connection, *, pk: int, cycle: int, within_sla: bool | None, now: float
) -> None:
    """An agent took the conversation (a claim, or a supervisor's reassign of a waiting one)."""
    first = Handoff.claimed_at.is_(None)
    connection.execute(
        sa.update(Handoff)
        .where(_current(pk, cycle))
        .values(
            status="claimed",
            within_sla=sa.case((first, within_sla), else_=Handoff.within_sla),
            claimed_at=sa.func.coalesce(Handoff.claimed_at, now),
        )
    )


def moved(connection: sa.Connection, *, pk: int, cycle: int) -> None:
    """A person moved the conversation to another lane (transfer or override): it waits."""
    connection.execute(
        sa.update(Handoff)
        .where(_current(pk, cycle))
        .values(status="waiting", transfers=Handoff.transfers + 1)
    )


def rerouted(
    connection: sa.Connection,
    *,
    pk: int,
    cycle: int,
    payload: ContextPayload,
    lane_sla: int | None,
) -> None:
    """The bot (or the relay routing while paused) sent the open conversation to another
    lane: the cycle goes on there, decided by the new rule."""
    connection.execute(
        sa.update(Handoff)
        .where(_current(pk, cycle))
        .values(status="waiting", **_routing(payload, lane_sla))
    )


def closed(
    connection: sa.Connection,
    *,
    pk: int,
    cycle: int,
    status: str,
    now: float,
    outcome_code: str | None = None,
    needed: str | None = None,
) -> None:
    """The cycle ended: resolved (with the wrap-up), handed back or abandoned."""
    values: dict[str, Any] = {"status": status, "closed_at": now}
    if outcome_code is not None:
        values.update(outcome_code=outcome_code, needed=needed)
    connection.execute(sa.update(Handoff).where(_current(pk, cycle)).values(**values))
