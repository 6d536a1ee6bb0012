"""One desktop_handoffs row per handoff cycle, kept right by every change the desktop makes
(in the same transaction), and backfilled by revision 0004 from what the older schema kept."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from handoff.desktop import Conflict, Desktop, RasaBot
from handoff.desktop.relay import Sweeper
from handoff.desktop.store import Handoff
from handoff.models import ContextPayload
from tests.desktop.conftest import START, Clock, People, deliver, later, make_payload
from tests.security.rasa_api import fake_rasa

RASA_JWT = "rasa-jwt-secret-for-the-desktop-tests"
STATE_SECRET = b"action-server-state-secret"
_COLUMNS = [c.name for c in Handoff.__table__.columns if c.name != "id"]


def cycles(desk: Desktop, pk: int | None = None) -> list[dict[str, Any]]:
    """The handoff rows (of one conversation), by conversation and cycle, without ``id``."""
    statement = sa.select(Handoff).order_by(Handoff.conversation_pk, Handoff.cycle)
    if pk is not None:
        statement = statement.where(Handoff.conversation_pk == pk)
    with desk.engine.connect() as connection:
        rows = connection.execute(statement).all()
    return [{name: getattr(row, name) for name in _COLUMNS} for row in rows]


def only(desk: Desktop, pk: int) -> dict[str, Any]:
    [row] = cycles(desk, pk)
    return row


class TestTransitions:
    def test_intake_opens_a_cycle_with_the_decision(
        self, desk: Desktop, base_payload: ContextPayload, clock: Clock
    ) -> None:
        payload = make_payload(base_payload, "chat-1").model_copy(
            update={"experiment": "callback-pilot", "arm": "candidate"}
        )
        pk = deliver(desk, payload)
        assert only(desk, pk) == {
            "conversation_pk": pk,
            "cycle": 1,
            "conversation_id": "chat-1",
            "customer": base_payload.customer.customer_id,
            "lane": "general_support",
            "rule_id": base_payload.why.rules[0],
            "ruleset_version": base_payload.ruleset_version,
            "experiment": "callback-pilot",
            "arm": "candidate",
            "sla_seconds": 300,
            "handed_off_at": clock.now,
            "claimed_at": None,
            "within_sla": None,
            "transfers": 0,
            "status": "waiting",
            "closed_at": None,
            "outcome_code": None,
            "needed": None,
        }

    def test_claim_transfer_claim_resolve(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        """Time to agent is the first claim; a transfer counts and keeps the routed lane."""
        pk = deliver(desk, make_payload(base_payload, "chat-1", deadline=later(5)))
        clock.advance(60)
        desk.claim(people.alice, pk)
        first_claim = clock.now
        row = only(desk, pk)
        assert (row["status"], row["claimed_at"], row["within_sla"]) == (
            "claimed",
            first_claim,
            True,
        )
        clock.advance(30)
        desk.transfer(people.alice, pk, "priority_support", "VIP")
        row = only(desk, pk)
        assert (row["status"], row["transfers"], row["lane"]) == (
            "waiting",
            1,
            "general_support",
        )
        clock.advance(600)  # past the new lane's SLA: only the first claim counts
        desk.claim(people.bob, pk)
        clock.advance(30)
        desk.resolve(people.bob, pk, "refund_issued", "yes", "all done")
        row = only(desk, pk)
        assert row["claimed_at"] == first_claim
        assert row["within_sla"] is True
        assert (row["status"], row["closed_at"]) == ("resolved", clock.now)
        assert (row["outcome_code"], row["needed"]) == ("refund_issued", "yes")

    def test_a_late_claim_misses_the_sla_and_a_lane_without_one_has_none(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        late = deliver(desk, make_payload(base_payload, "late", deadline=later(1)))
        desk.create_lane(people.admin, "no_sla")
        desk.set_user_lanes(people.admin, "alice", ["general_support", "no_sla"])
        unmeasured = deliver(
            desk, make_payload(base_payload, "none", lane="no_sla", deadline=None).model_copy(
                update={"routing": base_payload.routing.model_copy(
                    update={"lane": "no_sla", "sla_seconds": None, "sla_deadline": None})}
            )
        )  # fmt: skip
        clock.advance(120)
        desk.claim(people.alice, late)
        desk.claim(people.alice, unmeasured)
        assert only(desk, late)["within_sla"] is False
        assert (only(desk, unmeasured)["within_sla"], only(desk, unmeasured)["sla_seconds"]) == (
            None,
            None,
        )

    def test_reopen_is_a_new_cycle_and_reroute_changes_the_lane(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        desk.resolve(people.alice, pk, "answered", "no")
        clock.advance(3600)
        deliver(desk, make_payload(base_payload, "chat-1", created_at=later(60)))
        first, second = cycles(desk, pk)
        assert (first["status"], first["needed"]) == ("resolved", "no")
        assert second == {
            **second,
            "cycle": 2,
            "status": "waiting",
            "handed_off_at": clock.now,
            "claimed_at": None,
            "outcome_code": None,
        }
        # The bot changes its mind while it waits: the cycle goes on in the new lane.
        clock.advance(10)
        moved = make_payload(base_payload, "chat-1", lane="priority_support", created_at=later(61))
        deliver(desk, moved)
        assert cycles(desk, pk)[1]["lane"] == "priority_support"
        assert cycles(desk, pk)[1]["handed_off_at"] == clock.now - 10

    def test_the_router_moving_a_claimed_conversation(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        moved = make_payload(base_payload, "chat-1", lane="priority_support", created_at=later(1))
        moved = moved.model_copy(
            update={"why": base_payload.why.model_copy(update={"rules": ("red_line_fraud",)})}
        )
        assert desk.route_move(moved, note="fraud")
        row = only(desk, pk)
        assert (row["lane"], row["rule_id"], row["status"], row["transfers"]) == (
            "priority_support",
            "red_line_fraud",
            "waiting",
            0,
        )
        assert row["claimed_at"] is not None

    def test_override_counts_as_a_move_and_reassign_as_a_claim(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.override(people.sue, pk, "threatening to leave")
        assert (only(desk, pk)["transfers"], only(desk, pk)["lane"]) == (1, "general_support")
        clock.advance(5)
        desk.reassign(people.sue, pk, "sue")
        assert (only(desk, pk)["status"], only(desk, pk)["claimed_at"]) == ("claimed", clock.now)

    def test_abandoned_while_waiting(
        self, desk: Desktop, base_payload: ContextPayload, clock: Clock
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        clock.advance(700)
        assert Sweeper(desk, 600).sweep() == 1
        row = only(desk, pk)
        assert (row["status"], row["closed_at"], row["claimed_at"]) == (
            "abandoned",
            clock.now,
            None,
        )

    def test_hand_back(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        with fake_rasa(jwt_secret=RASA_JWT) as rasa:
            desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
            pk = deliver(desk, make_payload(base_payload, "chat-1"))
            desk.claim(people.alice, pk)
            clock.advance(90)
            desk.hand_back(people.alice, pk, "sorted")
        row = only(desk, pk)
        assert (row["status"], row["closed_at"], row["outcome_code"]) == (
            "handed_back",
            clock.now,
            None,
        )

    def test_a_refused_action_leaves_the_cycle_alone(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        waiting = deliver(desk, make_payload(base_payload, "chat-2"))
        desk.claim(people.alice, pk)
        before = cycles(desk)
        with pytest.raises(Conflict):
            desk.claim(people.anna, pk)
        with pytest.raises(Conflict):
            desk.resolve(people.sue, waiting, "x", "no")
        assert cycles(desk) == before

    def test_duplicates_and_stale_payloads_write_nothing(
        self, desk: Desktop, base_payload: ContextPayload, clock: Clock
    ) -> None:
        payload = make_payload(base_payload, "chat-1", created_at=later(5))
        deliver(desk, payload, key="k1")
        before = cycles(desk)
        clock.advance(1)
        deliver(desk, payload, key="k1")  # the same delivery again
        deliver(desk, make_payload(base_payload, "chat-1", lane="priority_support"), key="old")
        assert cycles(desk) == before


# ------------------------------------------------------------------------------ backfill


def _busy_history(desk: Desktop, people: People, base: ContextPayload, clock: Clock) -> None:
    """Conversations through every kind of change, some over several cycles."""
    one = deliver(desk, make_payload(base, "one", deadline=later(5)))
    clock.advance(30)
    desk.claim(people.alice, one)
    clock.advance(30)
    desk.transfer(people.alice, one, "priority_support", "VIP")
    clock.advance(30)
    desk.claim(people.bob, one)
    desk.resolve(people.bob, one, "refund", "yes", "done")
    clock.advance(600)
    deliver(desk, make_payload(base, "one", created_at=later(20)))  # cycle 2
    clock.advance(10)
    deliver(desk, make_payload(base, "one", lane="priority_support", created_at=later(21)))
    clock.advance(700)
    assert Sweeper(desk, 600).sweep() == 1
    clock.advance(60)
    deliver(desk, make_payload(base, "one", created_at=later(40)))  # cycle 3, still waiting
    two = deliver(desk, make_payload(base, "two", deadline=later(10)))
    desk.override(people.sue, two, "escalate")
    clock.advance(5)
    desk.reassign(people.sue, two, "sue")
    desk.resolve(people.sue, two, "kept", "unsure")
    three = deliver(desk, make_payload(base, "three"))
    desk.claim(people.anna, three)
    moved = make_payload(base, "three", lane="priority_support", created_at=later(90))
    desk.route_move(moved, note="red line")


def test_the_backfill_derives_what_the_desktop_records(
    desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
) -> None:
    """Upgrading from r0003 gives existing conversations the rows the desktop writes now:
    every field of the current cycle, and of earlier ones all but the rule (the payload of
    that time is gone) and the rule set version (recorded as "")."""
    _busy_history(desk, people, base_payload, clock)
    live = cycles(desk)
    assert len(live) == 5
    assert {row["status"] for row in live} == {"waiting", "resolved", "abandoned"}
    desk.downgrade("0003")
    desk.upgrade()
    backfilled = cycles(desk)
    newest: dict[int, int] = {}
    for row in live:
        newest[row["conversation_pk"]] = max(newest.get(row["conversation_pk"], 0), row["cycle"])
    lane_sla = {"general_support": 300, "priority_support": 60}
    expected = [
        row
        if row["cycle"] == newest[row["conversation_pk"]]
        else {**row, "rule_id": None, "ruleset_version": "", "sla_seconds": lane_sla[row["lane"]]}
        for row in live
    ]
    assert backfilled == expected


def test_a_conversation_without_its_audit_trail_gets_its_current_cycle(
    desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
) -> None:
    pk = deliver(desk, make_payload(base_payload, "chat-1"))
    desk.claim(people.alice, pk)
    desk.resolve(people.alice, pk, "answered", "no")
    clock.advance(60)
    deliver(desk, make_payload(base_payload, "chat-1", created_at=later(30)))
    live = cycles(desk, pk)
    desk.downgrade("0003")
    with desk.engine.begin() as connection:
        connection.execute(sa.text("DELETE FROM desktop_audit"))
    desk.upgrade()
    assert cycles(desk, pk) == [live[1]]
    assert START.timestamp() < live[1]["handed_off_at"]
