"""The desktop service on SQLite and PostgreSQL: receiving, queues, permissions, actions,
the audit log and the change feed."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from handoff.adapters.rasa import SLOT_AGENT_NOTE
from handoff.desktop import (
    BotUnavailable,
    Conflict,
    Desktop,
    Forbidden,
    InvalidInput,
    InvalidPayload,
    NotFound,
    PayloadConflict,
    RasaBot,
    UnknownLane,
    User,
)
from handoff.desktop.store import Audit, Conversation, Delivery, Note
from handoff.errors import StorageUnavailable
from handoff.models import ContextPayload
from tests.conftest import free_port
from tests.desktop.conftest import (
    PASSWORD,
    START,
    Clock,
    People,
    body,
    count,
    deliver,
    later,
    make_payload,
    pk_of,
)
from tests.security.rasa_api import fake_rasa

RASA_JWT = "rasa-jwt-secret-for-the-desktop-tests"
STATE_SECRET = b"action-server-state-secret"


def audit_actions(desk: Desktop, people: People, pk: int | None = None) -> list[str]:
    """Audited actions, oldest first (of one conversation if pk is given)."""
    return [entry.action for entry in reversed(desk.audit(people.sue, conversation_pk=pk))]


# --------------------------------------------------------------------------- receiving


class TestReceive:
    """Delivery is idempotent by key; bad bodies and unknown lanes store nothing."""

    def test_stored_then_duplicate_then_conflict(
        self, desk: Desktop, base_payload: ContextPayload
    ) -> None:
        """Same key and body: "duplicate" (counted); same key, other body: PayloadConflict."""
        payload = make_payload(base_payload, "chat-1")
        assert desk.receive("key-1", body(payload)) == "stored"
        assert desk.receive("key-1", body(payload)) == "duplicate"
        assert desk.receive("key-1", body(payload)) == "duplicate"
        assert desk.delivery_duplicates("key-1") == 2
        other = make_payload(base_payload, "chat-1", summary="something else")
        with pytest.raises(PayloadConflict, match="different body"):
            desk.receive("key-1", body(other))
        assert count(desk, Conversation) == 1
        assert count(desk, Delivery) == 1
        assert desk.delivery_duplicates("never-sent") is None

    @pytest.mark.parametrize(
        ("raw", "match"),
        [
            (b"", "not a context payload"),
            (b"{not json", "not a context payload"),
            (b"[]", "not a context payload"),
            (b'{"conversation_id": "x"}', "channel"),
            (b"\xff\xfe", "not a context payload"),
            (b"[" * 100_000 + b"]" * 100_000, "not a context payload"),
        ],
        ids=["empty", "malformed", "array", "missing-fields", "not-utf8", "deep"],
    )
    def test_invalid_payloads_store_nothing(self, desk: Desktop, raw: bytes, match: str) -> None:
        """The error says where the body is wrong, never what it contained."""
        with pytest.raises(InvalidPayload, match=match):
            desk.receive("key-bad", raw)
        assert count(desk, Conversation) == 0
        assert count(desk, Delivery) == 0
        assert desk.delivery_duplicates("key-bad") is None

    def test_error_does_not_quote_the_body(
        self, desk: Desktop, base_payload: ContextPayload
    ) -> None:
        """A wrong field's value (customer data) is not in the message."""
        data = json.loads(body(make_payload(base_payload, "chat-1")))
        data["customer"]["tier"] = {"secret": "4111 1111 1111 1111"}
        with pytest.raises(InvalidPayload) as caught:
            desk.receive("key-1", json.dumps(data).encode())
        assert "customer.tier" in str(caught.value)
        assert "4111" not in str(caught.value)
        assert ("customer.tier", "Input should be a valid string") in caught.value.problems

    def test_oversized_body_refused(self, desk: Desktop) -> None:
        with pytest.raises(InvalidPayload, match="at most"):
            desk.receive("key-big", b" " * ((1 << 20) + 1))
        assert count(desk, Delivery) == 0

    def test_long_conversation_id_refused(
        self, desk: Desktop, base_payload: ContextPayload
    ) -> None:
        with pytest.raises(InvalidPayload, match="conversation_id"):
            desk.receive("key-1", body(make_payload(base_payload, "x" * 256)))
        assert count(desk, Conversation) == 0

    @pytest.mark.parametrize(
        "key", ["", "with space", "x" * 201, "caf\N{LATIN SMALL LETTER E WITH ACUTE}"]
    )
    def test_bad_keys_refused(self, desk: Desktop, base_payload: ContextPayload, key: str) -> None:
        with pytest.raises(InvalidInput, match="idempotency key"):
            desk.receive(key, body(make_payload(base_payload, "chat-1")))
        assert count(desk, Delivery) == 0

    def test_unknown_lane_stores_nothing(self, desk: Desktop, base_payload: ContextPayload) -> None:
        payload = make_payload(base_payload, "chat-1", lane="no_such_lane")
        with pytest.raises(UnknownLane, match="no_such_lane") as caught:
            desk.receive("key-1", body(payload))
        assert caught.value.lane == "no_such_lane"
        assert count(desk, Conversation) == 0
        assert count(desk, Delivery) == 0
        assert count(desk, Audit, action="receive") == 0
        # A later delivery under the same key, once the lane exists, is not a "duplicate".
        good = make_payload(base_payload, "chat-1")
        assert desk.receive("key-1", body(good)) == "stored"


class TestSameConversation:
    """A second payload of a conversation updates it: never a second entry."""

    def test_new_turns_update_in_place(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        first = make_payload(base_payload, "chat-1", created_at=later(0))
        pk = deliver(desk, first)
        desk.claim(people.alice, pk)
        clock.advance(30)
        second = make_payload(base_payload, "chat-1", created_at=later(1), summary="more turns")
        assert desk.receive("key-2", body(second)) == "updated"
        assert count(desk, Conversation) == 1
        record = desk.conversation(people.alice, pk)
        assert record.payload.why.summary == "more turns"
        # Same lane: the agent keeps the customer, the customer keeps their clock.
        assert record.status == "claimed"
        assert record.agent == "alice"
        assert record.waiting_since.timestamp() == START.timestamp()
        assert audit_actions(desk, people, pk) == ["receive", "claim", "update"]

    def test_lane_change_requeues_and_releases_the_claim(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1", created_at=later(0)))
        desk.claim(people.alice, pk)
        clock.advance(60)
        moved = make_payload(
            base_payload, "chat-1", lane="priority_support", created_at=later(1), deadline=None
        )
        assert desk.receive("key-2", body(moved)) == "updated"
        record = desk.conversation(people.bob, pk)
        assert (record.lane, record.status, record.agent) == ("priority_support", "waiting", None)
        assert record.waiting_since.timestamp() == clock.now
        # priority_support has a 60 s SLA: without a deadline in the payload, from now.
        assert record.sla_deadline is not None
        assert record.sla_deadline.timestamp() == clock.now + 60
        with pytest.raises(NotFound):
            desk.conversation(people.alice, pk)
        [entry] = [e for e in desk.audit(people.sue, conversation_pk=pk) if e.action == "reroute"]
        assert entry.actor == "bot"
        assert entry.before is not None
        assert entry.after is not None
        assert (entry.before["lane"], entry.before["agent"]) == ("general_support", "alice")
        assert (entry.after["lane"], entry.after["status"]) == ("priority_support", "waiting")

    def test_resolved_conversation_reopens(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1", created_at=later(0)))
        desk.claim(people.alice, pk)
        desk.tick(people.alice, pk, "validate")
        desk.resolve(people.alice, pk, "refund_issued", "yes", "sorted")
        assert deliver(desk, make_payload(base_payload, "chat-1", created_at=later(5))) == pk
        record = desk.conversation(people.alice, pk)
        assert (record.status, record.agent, record.cycle) == ("waiting", None, 2)
        assert record.ticks == ()  # a new cycle's checklist starts empty
        assert len(record.wrapups) == 1  # the first resolution is kept
        assert count(desk, Conversation) == 1
        assert audit_actions(desk, people, pk)[-1] == "reopen"

    def test_late_older_payload_is_recorded_but_not_shown(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        newer = make_payload(base_payload, "chat-1", created_at=later(5), summary="newer")
        older = make_payload(base_payload, "chat-1", created_at=later(1), summary="older")
        pk = deliver(desk, newer, key="k-new")
        assert desk.receive("k-old", body(older)) == "stale"
        assert desk.receive("k-old", body(older)) == "duplicate"
        assert desk.conversation(people.alice, pk).payload.why.summary == "newer"

    def test_a_transfer_survives_the_next_payload(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        """New turns routed to the same lane as before do not undo an agent's transfer."""
        pk = deliver(desk, make_payload(base_payload, "chat-1", created_at=later(0)))
        desk.claim(people.alice, pk)
        desk.transfer(people.alice, pk, "priority_support", "needs a specialist")
        deliver(desk, make_payload(base_payload, "chat-1", created_at=later(1)))
        assert desk.conversation(people.bob, pk).lane == "priority_support"

    def test_concurrent_first_deliveries_make_one_conversation(
        self, desk: Desktop, base_payload: ContextPayload
    ) -> None:
        """Eight different keys of one new conversation at once: one row, one "stored"."""
        payloads = [
            make_payload(base_payload, "chat-race", created_at=later(i), summary=str(i))
            for i in range(8)
        ]
        barrier = threading.Barrier(len(payloads))
        outcomes: list[str] = []

        def send(index: int) -> None:
            barrier.wait()
            outcomes.append(desk.receive(f"race-{index}", body(payloads[index])))

        threads = [threading.Thread(target=send, args=(i,)) for i in range(len(payloads))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        counted = Counter(outcomes)
        assert counted["stored"] == 1
        assert counted["stored"] + counted["updated"] + counted["stale"] == 8
        assert count(desk, Conversation) == 1
        assert count(desk, Delivery) == 8


# --------------------------------------------------------------------------- claims


class TestClaim:
    def test_claim_race_exactly_one_wins(
        self,
        desktop_url: str,
        desk: Desktop,
        people: People,
        base_payload: ContextPayload,
        clock: Clock,
    ) -> None:
        """Two agents, each with their own Desktop (engine and connections), claim the same
        conversations at the same moment: each conversation gets exactly one winner."""
        pks = [deliver(desk, make_payload(base_payload, f"chat-{i}")) for i in range(20)]
        desks = [Desktop(desktop_url, clock=clock) for _ in range(2)]
        agents = [people.alice, people.anna]
        results: dict[int, list[str]] = {pk: [] for pk in pks}
        lock = threading.Lock()
        barrier = threading.Barrier(2)

        def race(index: int) -> None:
            for pk in pks:
                barrier.wait()
                try:
                    record = desks[index].claim(agents[index], pk)
                    outcome = f"won:{record.agent}"
                except Conflict as error:
                    outcome = f"lost:{error}"
                with lock:
                    results[pk].append(outcome)

        threads = [threading.Thread(target=race, args=(i,)) for i in range(2)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            for other in desks:
                other.close()
        for pk, outcomes in results.items():
            winners = [o for o in outcomes if o.startswith("won:")]
            assert len(winners) == 1, (pk, outcomes)
            [loser] = [o for o in outcomes if o.startswith("lost:")]
            assert f"{winners[0][4:]} claimed this conversation first" in loser
            record = desk.conversation(people.sue, pk)
            assert record.agent == winners[0][4:]
            assert count(desk, Audit, conversation_pk=pk, action="claim") == 1

    def test_claiming_again_is_harmless(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        first = desk.claim(people.alice, pk)
        again = desk.claim(people.alice, pk)
        assert again.version == first.version
        assert count(desk, Audit, action="claim") == 1

    def test_closed_conversations_cannot_be_claimed(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        desk.resolve(people.alice, pk, "done", "no")
        with pytest.raises(Conflict, match="resolved"):
            desk.claim(people.anna, pk)


# --------------------------------------------------------------------------- permissions


class TestLanesAndRoles:
    """Agents see and act on their lanes only; guessed ids tell nothing."""

    def test_agent_of_another_lane_gets_not_found_everywhere(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))  # general_support
        bob = people.bob  # priority_support only
        attempts: list[Any] = [
            lambda: desk.conversation(bob, pk),
            lambda: desk.claim(bob, pk),
            lambda: desk.tick(bob, pk, "validate"),
            lambda: desk.transfer(bob, pk, "callback", "note"),
            lambda: desk.resolve(bob, pk, "done", "yes"),
            lambda: desk.hand_back(bob, pk, "note"),
        ]
        for attempt in attempts:
            with pytest.raises(NotFound) as hidden:
                attempt()
            assert str(hidden.value) == f"no conversation {pk} in your lanes"
        # A guessed id that does not exist reads exactly the same.
        with pytest.raises(NotFound) as missing:
            desk.conversation(bob, pk + 1000)
        assert str(missing.value) == f"no conversation {pk + 1000} in your lanes"
        assert [q.lane.id for q in desk.queues(bob)] == ["priority_support"]
        assert desk.conversation(people.alice, pk).status == "waiting"
        assert count(desk, Audit, conversation_pk=pk) == 1  # only its arrival

    @pytest.mark.parametrize("pk", ["1", 1.0, True, None, -1])
    def test_odd_ids_are_not_found(self, desk: Desktop, people: People, pk: Any) -> None:
        with pytest.raises(NotFound):
            desk.conversation(people.sue, pk)

    def test_supervisors_see_every_lane(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1", lane="priority_support"))
        lanes = [q.lane.id for q in desk.queues(people.sue)]
        assert lanes == ["callback", "general_support", "priority_support", "supervisor"]
        assert desk.conversation(people.sue, pk).lane == "priority_support"

    def test_agents_cannot_act_on_a_colleagues_claim(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        with pytest.raises(Forbidden, match="alice holds this conversation"):
            desk.resolve(people.anna, pk, "done", "yes")
        with pytest.raises(Forbidden, match="alice holds"):
            desk.tick(people.anna, pk, "validate")
        with pytest.raises(Forbidden, match="alice holds"):
            desk.transfer(people.anna, pk, "callback", "mine now")
        # A supervisor may.
        desk.tick(people.sue, pk, "validate")

    def test_actions_need_a_claim(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        with pytest.raises(Conflict, match="claim the conversation before"):
            desk.resolve(people.alice, pk, "done", "yes")
        with pytest.raises(Conflict, match="claim the conversation before"):
            desk.tick(people.alice, pk, "commit")

    def test_role_checks(self, desk: Desktop, people: People, base_payload: ContextPayload) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        with pytest.raises(Forbidden, match="only supervisors or admins"):
            desk.override(people.alice, pk, "escalate")
        with pytest.raises(Forbidden, match="only supervisors or admins"):
            desk.reassign(people.alice, pk, "anna")
        with pytest.raises(Forbidden, match="override lane"):
            desk.transfer(people.alice, pk, "supervisor", "escalate")
        for user in (people.alice, people.sue):
            with pytest.raises(Forbidden, match="only admins"):
                desk.create_user(user, "eve", PASSWORD, "admin")
            with pytest.raises(Forbidden, match="only admins"):
                desk.create_lane(user, "vip")
            with pytest.raises(Forbidden, match="only admins"):
                desk.set_user_lanes(user, "alice", ["callback"])
            with pytest.raises(Forbidden, match="only admins"):
                desk.deactivate_user(user, "anna")
        with pytest.raises(Forbidden):
            desk.audit(people.alice)
        with pytest.raises(Forbidden):
            desk.users(people.alice)

    def test_lane_changes_take_effect_at_once(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        """The User a session handed out earlier is not trusted: lanes are read per call."""
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        stale_alice = people.alice
        desk.set_user_lanes(people.admin, "alice", ["callback"])
        with pytest.raises(NotFound):
            desk.claim(stale_alice, pk)
        desk.set_user_lanes(people.admin, "alice", ["general_support", "callback"])
        assert desk.claim(stale_alice, pk).agent == "alice"

    def test_a_forged_user_record_gets_nothing(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        """Passing a User with a role or lanes the database does not give them changes
        nothing: the service reloads the user by id."""
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        forged = User(id=people.bob.id, username="bob", role="admin", lanes=("general_support",))
        with pytest.raises(NotFound):
            desk.conversation(forged, pk)
        with pytest.raises(Forbidden):
            desk.create_user(forged, "eve", PASSWORD, "admin")
        ghost = User(id=9999, username="ghost", role="admin", lanes=())
        with pytest.raises(Forbidden, match="deactivated"):
            desk.queues(ghost)

    def test_deactivation_releases_claims_and_ends_sessions(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        session = desk.login("alice", PASSWORD)
        assert session is not None
        desk.deactivate_user(people.admin, "alice")
        assert desk.session_user(session[0]) is None
        assert desk.login("alice", PASSWORD) is None
        record = desk.conversation(people.anna, pk)
        assert (record.status, record.agent) == ("waiting", None)
        with pytest.raises(Forbidden, match="deactivated"):
            desk.conversation(people.alice, pk)
        assert audit_actions(desk, people, pk) == ["receive", "claim", "release"]
        with pytest.raises(Conflict, match="yourself"):
            desk.deactivate_user(people.admin, "ada")
        with pytest.raises(Forbidden):
            desk.reactivate_user(people.sue, "alice")
        assert desk.reactivate_user(people.admin, "alice").active
        assert desk.login("alice", PASSWORD) is not None
        assert [e.action for e in desk.audit(people.admin)][:2] == ["login", "reactivate_user"]


# --------------------------------------------------------------------------- actions


class TestActions:
    def test_full_round_is_audited(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        """Claim, tick, transfer, claim, reassign, resolve: each audited with before/after."""
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        clock.advance(10)
        desk.claim(people.alice, pk)
        record = desk.tick(people.alice, pk, "validate")
        record = desk.tick(people.alice, pk, "validate")  # again: no change
        assert [t.step for t in record.ticks] == ["validate"]
        assert record.ticks[0].user == "alice"
        assert record.ticks[0].at.timestamp() == clock.now
        record = desk.transfer(people.alice, pk, "priority_support", "VIP, wants a callback")
        assert (record.lane, record.status, record.agent) == ("priority_support", "waiting", None)
        assert record.notes[-1].text == "VIP, wants a callback"
        assert record.priority == 80  # the lane's priority is higher than the rule's 40
        desk.claim(people.bob, pk)
        desk.reassign(people.sue, pk, "bob")  # already bob's: nothing happens
        with pytest.raises(Conflict, match="does not work the lane"):
            desk.reassign(people.sue, pk, "alice")
        record = desk.resolve(people.bob, pk, "callback_booked", "unsure", "booked for 3pm")
        assert record.status == "resolved"
        [wrap] = record.wrapups
        assert (wrap.outcome_code, wrap.needed, wrap.note, wrap.user) == (
            "callback_booked",
            "unsure",
            "booked for 3pm",
            "bob",
        )
        entries = list(reversed(desk.audit(people.sue, conversation_pk=pk)))
        assert [(e.actor, e.action) for e in entries] == [
            ("bot", "receive"),
            ("alice", "claim"),
            ("alice", "tick"),
            ("alice", "transfer"),
            ("bob", "claim"),
            ("bob", "resolve"),
        ]
        transfer = entries[3]
        assert transfer.before is not None
        assert transfer.after is not None
        assert transfer.before["lane"] == "general_support"
        assert transfer.after["lane"] == "priority_support"
        assert transfer.after["note"] == "VIP, wants a callback"
        assert entries[2].after == {"ticked": ["validate"]}
        assert all(e.at.timestamp() == clock.now for e in entries[1:])

    def test_override_and_reassign(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        record = desk.override(people.sue, pk, "threatening to leave")
        assert (record.lane, record.status) == ("supervisor", "waiting")
        with pytest.raises(Conflict, match="already"):
            desk.override(people.sue, pk, "again")
        with pytest.raises(UnknownLane):
            desk.override(people.sue, pk, "x", lane="general_support")
        with pytest.raises(Conflict, match="does not work"):
            desk.reassign(people.sue, pk, "alice")
        desk.set_user_lanes(people.admin, "alice", ["general_support", "supervisor"])
        record = desk.reassign(people.sue, pk, "alice")
        assert (record.status, record.agent) == ("claimed", "alice")
        assert audit_actions(desk, people, pk)[-2:] == ["override", "reassign"]

    def test_failed_actions_change_and_audit_nothing(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        before = desk.conversation(people.alice, pk)
        audited = count(desk, Audit)
        bad: list[Any] = [
            lambda: desk.transfer(people.alice, pk, "general_support", "same lane"),
            lambda: desk.transfer(people.alice, pk, "nowhere", "x"),
            lambda: desk.transfer(people.alice, pk, "callback", "   "),
            lambda: desk.transfer(people.alice, pk, "callback", "x" * 2001),
            lambda: desk.resolve(people.alice, pk, "", "yes"),
            lambda: desk.resolve(people.alice, pk, "x" * 65, "yes"),
            lambda: desk.resolve(people.alice, pk, "done", "maybe"),
            lambda: desk.resolve(people.alice, pk, "done", "yes", "n" * 2001),
            lambda: desk.resolve(people.alice, pk, "done", "yes", "bell\x07"),
            lambda: desk.tick(people.alice, pk, "empathise"),  # type: ignore[arg-type]
        ]
        for attempt in bad:
            with pytest.raises((InvalidInput, Conflict)):
                attempt()
        assert desk.conversation(people.alice, pk) == before
        assert count(desk, Audit) == audited

    def test_audit_is_in_the_same_transaction(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        """If the audit row cannot be written, the action itself is rolled back."""
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        refuse_audit(desk)
        with pytest.raises(StorageUnavailable, match="audit refused"):
            desk.claim(people.alice, pk)
        record = desk.conversation(people.sue, pk)
        assert (record.status, record.agent, record.version) == ("waiting", None, 1)
        with pytest.raises(StorageUnavailable, match="audit refused"):
            desk.receive("key-2", body(make_payload(base_payload, "chat-2")))
        assert count(desk, Conversation) == 1
        assert count(desk, Delivery) == 1

    def test_sizes_of_user_input_are_bounded(self, desk: Desktop, people: People) -> None:
        with pytest.raises(InvalidInput, match="username"):
            desk.create_user(people.admin, "x" * 65, PASSWORD, "agent")
        with pytest.raises(InvalidInput, match="username"):
            desk.create_user(people.admin, "has space", PASSWORD, "agent")
        with pytest.raises(InvalidInput, match="reserved"):
            desk.create_user(people.admin, "bot", PASSWORD, "agent")
        with pytest.raises(InvalidInput, match="at least 10"):
            desk.create_user(people.admin, "eve", "short", "agent")
        with pytest.raises(InvalidInput, match="at most 256"):
            desk.create_user(people.admin, "eve", "p" * 257, "agent")
        with pytest.raises(InvalidInput, match="role"):
            desk.create_user(people.admin, "eve", PASSWORD, "root")  # type: ignore[arg-type]
        with pytest.raises(UnknownLane):
            desk.create_user(people.admin, "eve", PASSWORD, "agent", ["nowhere"])
        with pytest.raises(Conflict, match="taken"):
            desk.create_user(people.admin, "ALICE", PASSWORD, "agent")
        with pytest.raises(InvalidInput, match="lane id"):
            desk.create_lane(people.admin, "has space")
        with pytest.raises(InvalidInput, match="description"):
            desk.create_lane(people.admin, "vip", description="d" * 2001)
        assert [u.username for u in desk.users(people.admin)] == [
            "ada",
            "alice",
            "anna",
            "bob",
            "sue",
        ]

    def test_admin_manages_lanes_and_users(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        lane = desk.create_lane(people.admin, "vip", "specialist", sla_seconds=120, priority=90)
        assert lane.id in [info.id for info in desk.lanes()]
        eve = desk.create_user(people.admin, "Eve", PASSWORD, "agent", ["vip"])
        assert (eve.username, eve.lanes) == ("eve", ("vip",))
        pk = deliver(desk, make_payload(base_payload, "chat-1", lane="vip"))
        assert desk.claim(eve, pk).agent == "eve"
        assert desk.set_role(people.admin, "eve", "supervisor").role == "supervisor"
        with pytest.raises(Conflict, match="own role"):
            desk.set_role(people.admin, "ada", "agent")
        actions = [e.action for e in desk.audit(people.admin)]
        assert {"create_lane", "create_user", "set_role"} <= set(actions)


def refuse_audit(desk: Desktop) -> None:
    """A database trigger that makes every audit insert fail."""
    with desk.engine.begin() as connection:
        if desk.engine.dialect.name == "sqlite":
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON desktop_audit "
                "BEGIN SELECT RAISE(ABORT, 'audit refused'); END"
            )
        else:
            connection.exec_driver_sql(
                "CREATE OR REPLACE FUNCTION refuse_audit() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'audit refused'; END $$ LANGUAGE plpgsql"
            )
            connection.exec_driver_sql(
                "CREATE TRIGGER refuse_audit BEFORE INSERT ON desktop_audit "
                "FOR EACH ROW EXECUTE FUNCTION refuse_audit()"
            )


# --------------------------------------------------------------------------- hand-back


class TestHandBack:
    def test_without_a_bot_it_is_refused(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        before = desk.claim(people.alice, pk)
        with pytest.raises(BotUnavailable, match="no bot connected"):
            desk.hand_back(people.alice, pk, "all sorted")
        assert desk.conversation(people.alice, pk) == before

    def test_rasa_down_changes_nothing(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        desk.bot = RasaBot(f"http://127.0.0.1:{free_port()}", RASA_JWT, STATE_SECRET, timeout=2)
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        before = desk.claim(people.alice, pk)
        with pytest.raises(BotUnavailable, match="could not be reached"):
            desk.hand_back(people.alice, pk, "all sorted")
        assert desk.conversation(people.alice, pk) == before
        assert count(desk, Note) == 0

    def test_rasa_refusing_changes_nothing(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        with fake_rasa(jwt_secret="another-secret-that-is-long-enough-for-hs256") as rasa:
            desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
            pk = deliver(desk, make_payload(base_payload, "chat-1"))
            before = desk.claim(people.alice, pk)
            with pytest.raises(BotUnavailable, match=r"refused.*HTTP 401"):
                desk.hand_back(people.alice, pk, "all sorted")
            assert desk.conversation(people.alice, pk) == before
            # (The claim's join notice was refused too; no hand-back events were tried.)
            assert not [r for r in rasa.requests if r.method == "POST" and "resume" in str(r.body)]

    def test_hand_back_resumes_the_bot(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        with fake_rasa(jwt_secret=RASA_JWT) as rasa:
            desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
            pk = deliver(desk, make_payload(base_payload, "chat-1"))
            desk.claim(people.alice, pk)
            record = desk.hand_back(people.alice, pk, "refund done, card 4111 1111 1111 1111")
            events = rasa.trackers["chat-1"]["events"]
        assert record.status == "handed_back"
        assert {"event": "resume"} in events
        note = rasa.trackers["chat-1"]["slots"][SLOT_AGENT_NOTE]
        assert "refund done" in note
        assert "4111" not in note  # the adapter redacts the note it sends
        assert audit_actions(desk, people, pk)[-1] == "hand_back"

    def test_override_with_a_bot_that_is_down_changes_nothing(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        desk.bot = RasaBot(f"http://127.0.0.1:{free_port()}", RASA_JWT, STATE_SECRET, timeout=2)
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        before = desk.conversation(people.sue, pk)
        with pytest.raises(BotUnavailable, match="could not be reached"):
            desk.override(people.sue, pk, "escalate")
        assert desk.conversation(people.sue, pk) == before


# --------------------------------------------------------------------------- queues


class TestQueues:
    def test_order_priority_then_deadline(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        specs = [
            ("low-late", 10, later(30)),
            ("high-late", 90, later(20)),
            ("high-early", 90, later(5)),
            ("low-none", 10, None),
            ("low-early", 10, later(1)),
        ]
        for name, priority, deadline in specs:
            deliver(desk, make_payload(base_payload, name, priority=priority, deadline=deadline))
            clock.advance(1)
        claimed = pk_of(desk, "low-early")
        desk.claim(people.alice, claimed)
        [queue] = [q for q in desk.queues(people.alice) if q.lane.id == "general_support"]
        assert [item.conversation_id for item in queue.items] == [
            "high-early",
            "high-late",
            "low-none",  # no deadline in the payload: the lane's 300 s SLA from arrival
            "low-late",
            "low-early",  # claimed ones after the waiting ones
        ]
        assert queue.items[-1].agent == "alice"
        assert queue.items[0].summary == base_payload.why.summary
        assert queue.items[0].tier == base_payload.customer.tier
        assert (queue.waiting, queue.claimed) == (4, 1)
        # low-late arrived first (at START) and still waits.
        assert queue.longest_wait_seconds == clock.now - START.timestamp()
        limited = desk.queues(people.alice, limit=2)
        [small] = [q for q in limited if q.lane.id == "general_support"]
        assert len(small.items) == 2
        assert small.waiting == 4
        # In a lane without an SLA, conversations without a deadline come last.
        desk.create_lane(people.admin, "no_sla")
        deliver(desk, make_payload(base_payload, "x-none", lane="no_sla", deadline=None))
        deliver(desk, make_payload(base_payload, "x-dated", lane="no_sla", deadline=later(90)))
        [no_sla] = [q for q in desk.queues(people.sue) if q.lane.id == "no_sla"]
        assert [item.conversation_id for item in no_sla.items] == ["x-dated", "x-none"]
        assert no_sla.items[1].sla_deadline is None

    def test_sla_attainment_today(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        # Yesterday's claim does not count today.
        clock.now = (START - timedelta(days=1)).timestamp()
        old = deliver(desk, make_payload(base_payload, "yesterday", deadline=None))
        desk.claim(people.alice, old)
        clock.now = START.timestamp()
        in_time = deliver(desk, make_payload(base_payload, "in-time", deadline=later(5)))
        too_late = deliver(desk, make_payload(base_payload, "too-late", deadline=later(1)))
        no_sla_lane = desk.create_lane(people.admin, "no_sla")
        desk.set_user_lanes(people.admin, "alice", ["general_support", "no_sla"])
        unmeasured = deliver(desk, make_payload(base_payload, "no-sla", lane=no_sla_lane.id,
                                                deadline=None))  # fmt: skip
        clock.advance(120)
        desk.claim(people.alice, in_time)
        desk.claim(people.alice, unmeasured)
        [queue] = [q for q in desk.queues(people.alice) if q.lane.id == "general_support"]
        assert (queue.claimed_today, queue.sla_attainment_today) == (1, 1.0)
        clock.advance(3600)
        desk.claim(people.anna, too_late)
        [queue] = [q for q in desk.queues(people.alice) if q.lane.id == "general_support"]
        assert (queue.claimed_today, queue.claims_with_sla_today) == (2, 2)
        assert queue.claimed_within_sla_today == 1
        assert queue.sla_attainment_today == 0.5
        [other] = [q for q in desk.queues(people.alice) if q.lane.id == "no_sla"]
        assert (other.claimed_today, other.sla_attainment_today) == (1, None)
        assert queue.longest_wait_seconds is None  # nobody waits

    def test_an_empty_lane(self, desk: Desktop, people: People) -> None:
        [queue] = desk.queues(people.bob)
        assert (queue.items, queue.waiting, queue.longest_wait_seconds) == ((), 0, None)
        assert queue.sla_attainment_today is None


# --------------------------------------------------------------------------- change feed


class TestChanges:
    def test_feed_is_filtered_by_lane(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        start = desk.last_seq()
        a = deliver(desk, make_payload(base_payload, "chat-a"))
        b = deliver(desk, make_payload(base_payload, "chat-b", lane="priority_support"))
        desk.claim(people.alice, a)
        desk.transfer(people.alice, a, "priority_support", "for bob")
        alice = [(c.conversation_pk, c.kind) for c in desk.changes_since(start, people.alice)]
        bob = [(c.conversation_pk, c.kind) for c in desk.changes_since(start, people.bob)]
        sue = desk.changes_since(start, people.sue)
        assert alice == [(a, "arrived"), (a, "claimed"), (a, "transferred")]
        assert bob == [(b, "arrived"), (a, "transferred")]
        assert len(sue) == 5  # the transfer touches two lanes: one entry each
        assert [c.seq for c in sue] == sorted(c.seq for c in sue)
        assert desk.last_seq() == sue[-1].seq
        assert desk.changes_since(desk.last_seq(), people.sue) == []
        assert len(desk.changes_since(start, people.sue, limit=2)) == 2

    def test_feed_is_shared_between_processes(
        self, desktop_url: str, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        """Another Desktop on the same database (another process's view) sees the change."""
        reader = Desktop(desktop_url)
        try:
            start = reader.last_seq()
            deliver(desk, make_payload(base_payload, "chat-1"))
            assert [c.kind for c in reader.changes_since(start, people.alice)] == ["arrived"]
        finally:
            reader.close()


# --------------------------------------------------------------------------- audit export


class TestAuditExport:
    def test_csv_neutralises_formulas(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        desk.transfer(people.alice, pk, "callback", '=HYPERLINK("http://evil")')
        text = desk.audit_csv(people.sue)
        lines = text.splitlines()
        assert lines[0] == "id,at,actor,action,conversation,before,after"
        assert any(",alice,transfer," in line for line in lines)
        # The note sits inside a JSON cell, which starts with "{": nothing to run.
        assert all(not cell.startswith("=") for line in lines for cell in line.split(","))
        with pytest.raises(Forbidden):
            desk.audit_csv(people.alice)

    def test_filters(self, desk: Desktop, people: People, base_payload: ContextPayload) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        assert [e.action for e in desk.audit(people.sue, actor="ALICE")] == ["claim"]
        assert [e.actor for e in desk.audit(people.sue, action="receive")] == ["bot"]
        assert len(desk.audit_csv(people.sue, actor="alice").splitlines()) == 2

    def test_paging(self, desk: Desktop, people: People) -> None:
        first = desk.audit(people.sue, limit=2)
        rest = desk.audit(people.sue, before_id=first[-1].id)
        assert [e.id for e in first + rest] == sorted((e.id for e in first + rest), reverse=True)
        assert len(first + rest) == len(desk.audit(people.sue))


# --------------------------------------------------------------------------- logs


def test_logs_carry_no_personal_data(
    desk: Desktop,
    people: People,
    base_payload: ContextPayload,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Receiving, logging in, acting and failing: no sender id, message text, note, password,
    token or username in any log line (of any logger, at any level)."""
    caplog.set_level(logging.DEBUG)
    payload = make_payload(base_payload, "whatsapp:+447700900123")
    pk = deliver(desk, payload)
    with pytest.raises(PayloadConflict):
        desk.receive(
            f"{payload.conversation_id}-{payload.created_at.timestamp():.0f}",
            body(make_payload(base_payload, "whatsapp:+447700900123", summary="x")),
        )
    token = desk.login("alice", PASSWORD)
    assert token is not None
    assert desk.login("alice", "wrong password!!") is None
    desk.claim(people.alice, pk)
    desk.transfer(people.alice, pk, "callback", "customer Jane Roe, call back")
    with pytest.raises(InvalidPayload):
        desk.receive("bad", b'{"customer": {"name": "Jane Roe"}}')
    text = "\n".join(record.getMessage() for record in caplog.records)
    for secret in (
        "447700900123",
        PASSWORD,
        "wrong password",
        token[0],
        token[1],
        "Jane Roe",
        "alice",
        base_payload.transcript[0].text,
    ):
        assert secret not in text, secret


# --------------------------------------------------------------------------- more


class TestNotesRecentAndAllowed:
    def test_notes_are_recorded_and_audited(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        record = desk.add_note(people.anna, pk, "Customer called before about this.")
        [note] = record.notes
        assert (note.action, note.user, note.text) == ("note", "anna", record.notes[0].text)
        with pytest.raises(NotFound):
            desk.add_note(people.bob, pk, "not my lane")
        with pytest.raises(InvalidInput):
            desk.add_note(people.anna, pk, "")
        assert audit_actions(desk, people, pk) == ["receive", "note"]

    def test_allowed_actions_follow_the_rules(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        waiting = desk.conversation(people.alice, pk)
        assert desk.allowed_actions(people.alice, waiting) == {"claim", "note"}
        assert desk.allowed_actions(people.sue, waiting) == {
            "claim",
            "note",
            "transfer",
            "override",
            "reassign",
        }
        claimed = desk.claim(people.alice, pk)
        assert desk.allowed_actions(people.alice, claimed) == {
            "note",
            "tick",
            "resolve",
            "hand_back",
            "transfer",
        }
        assert desk.allowed_actions(people.anna, claimed) == {"note"}
        # What it allows is what the actions accept, and what it refuses they refuse.
        with pytest.raises(Forbidden):
            desk.tick(people.anna, pk, "validate")
        desk.tick(people.alice, pk, "validate")
        resolved = desk.resolve(people.alice, pk, "done", "yes")
        assert desk.allowed_actions(people.sue, resolved) == {"note"}
        with pytest.raises(Conflict):
            desk.transfer(people.sue, pk, "callback", "too late")

    def test_recent_lists_closed_conversations_of_my_lanes(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        mine = deliver(desk, make_payload(base_payload, "chat-a"))
        theirs = deliver(desk, make_payload(base_payload, "chat-b", lane="priority_support"))
        for user, pk in ((people.alice, mine), (people.bob, theirs)):
            desk.claim(user, pk)
            clock.advance(5)
            desk.resolve(user, pk, "done", "no")
        assert [item.pk for item in desk.recent(people.alice)] == [mine]
        assert [item.pk for item in desk.recent(people.sue)] == [theirs, mine]
        assert desk.recent(people.sue)[0].status == "resolved"

    def test_prune_keeps_the_newest_change(
        self, desk: Desktop, people: People, base_payload: ContextPayload, clock: Clock
    ) -> None:
        deliver(desk, make_payload(base_payload, "chat-1"))
        assert desk.login("alice", PASSWORD) is not None
        newest = desk.last_seq()
        clock.advance(30 * 24 * 3600)
        assert desk.prune() > 0
        assert desk.last_seq() == newest
        assert [c.seq for c in desk.changes_since(0, people.sue)] == [newest]
        deliver(desk, make_payload(base_payload, "chat-2"))
        assert desk.last_seq() == newest + 1  # never a seq seen before


class TestFeedOrder:
    def test_changes_commit_in_seq_order(
        self, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        """A change-feed writer that started later waits for the earlier one to commit, so a
        poller that has seen seq N never misses a change numbered below N (on PostgreSQL,
        sequence numbers are handed out at insert, commits may come in another order)."""
        first_in = threading.Event()
        release = threading.Event()
        seqs: dict[str, int] = {}

        def slow_writer() -> None:
            with desk._write() as connection:
                desk._change(connection, ["general_support"], None, "slow")
                first_in.set()
                release.wait(timeout=60)
            seqs["slow"] = desk.last_seq()

        slow = threading.Thread(target=slow_writer)
        slow.start()
        assert first_in.wait(timeout=60)
        start = desk.last_seq()  # the slow change is not committed: not visible
        fast = threading.Thread(target=lambda: deliver(desk, make_payload(base_payload, "c1")))
        fast.start()
        if desk.engine.dialect.name == "postgresql":
            assert wait_for_lock_waiter(desk)
        assert desk.changes_since(start, people.sue) == []  # the fast one is not through
        release.set()
        slow.join()
        fast.join()
        kinds = [c.kind for c in desk.changes_since(start, people.sue)]
        assert kinds == ["slow", "arrived"]


def wait_for_lock_waiter(desk: Desktop, timeout: float = 30.0) -> bool:
    """Poll PostgreSQL until a backend waits for a lock (the second writer)."""
    deadline = time.monotonic() + timeout
    query = sa.text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
    while time.monotonic() < deadline:
        with desk.engine.connect() as connection:
            if connection.execute(query).scalar():
                return True
        time.sleep(0.02)
    return False


class TestRasaBotFromEnv:
    def test_no_url_no_bot(self) -> None:
        assert RasaBot.from_env({}) is None

    @pytest.mark.parametrize(
        ("env", "message"),
        [
            ({"HANDOFF_STATE_SECRET": "s"}, "HANDOFF_RASA_JWT_SECRET"),
            ({"HANDOFF_RASA_JWT_SECRET": RASA_JWT}, "HANDOFF_STATE_SECRET"),
        ],
    )
    def test_missing_secrets_are_named(self, env: dict[str, str], message: str) -> None:
        with pytest.raises(ValueError, match=message):
            RasaBot.from_env({"HANDOFF_DESKTOP_RASA_URL": "http://127.0.0.1:5005", **env})

    def test_a_bot_from_the_environment_hands_back(
        self, desk: Desktop, people: People, base_payload: ContextPayload, tmp_path: Any
    ) -> None:
        secret_file = tmp_path / "state"
        secret_file.write_text("new-key, old-key\n")
        secret_file.chmod(0o600)
        with fake_rasa(jwt_secret=RASA_JWT) as rasa:
            bot = RasaBot.from_env(
                {
                    "HANDOFF_DESKTOP_RASA_URL": rasa.url,
                    "HANDOFF_RASA_JWT_SECRET": RASA_JWT,
                    "HANDOFF_STATE_SECRET_FILE": str(secret_file),
                }
            )
            assert bot is not None
            assert RASA_JWT not in repr(bot)
            desk.bot = bot
            pk = deliver(desk, make_payload(base_payload, "chat-1"))
            desk.claim(people.alice, pk)
            assert desk.hand_back(people.alice, pk).status == "handed_back"
            assert {"event": "resume"} in rasa.trackers["chat-1"]["events"]
