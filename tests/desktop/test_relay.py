"""The live loop's desktop side: the relay over Rasa's event broker table (SQLite and
PostgreSQL), routing while paused, agent replies and notices, abandonment.

Rasa's ``events`` table is created here with the shape Rasa's SQLEventBroker gives it (id
primary key, sender_id, data as JSON text) and filled as Rasa fills it; Rasa's HTTP API is the
real HTTP fake of tests/security (the real Rasa runs in tests/e2e/test_relay_e2e.py).
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from handoff import Conversation, Router
from handoff.adapters.rasa import SLOT_LANE, SLOT_STATE, state_slot_value
from handoff.desktop import (
    BotUnavailable,
    Conflict,
    Desktop,
    Forbidden,
    InvalidInput,
    NotFound,
    RasaBot,
)
from handoff.desktop.relay import Relay, Sweeper, events_url
from handoff.desktop.store import Audit, Change, Message, Presence, RelayCursor
from handoff.models import RoutingState
from tests.desktop.conftest import (
    POSTGRES_URL,
    Clock,
    People,
    count,
    deliver,
    make_payload,
)
from tests.security.rasa_api import fake_rasa

RASA_JWT = "relay-tests-rasa-jwt-secret-long-enough-for-hs256"
STATE_SECRET = b"relay-tests-state-secret"
KEY = "relay-tests-pseudonym-key"

RULES = """
name: relay-tests
settings: {default_lane: bot, safe_lane: general}
lanes:
  bot: {kind: bot}
  general:
    kind: human
    message: A person will be with you shortly.
  callback:
    kind: callback
    message: We will call you back. If someone used your card, reply "fraud" for our fraud team.
    replies: {fraud: fraud}
  fraud:
    kind: specialist
    message: I'm connecting you to our fraud team now.
rules:
  - id: fraud
    red_line: true
    when: {intent: {in: [report_fraud]}}
    lane: fraud
    reason: Fraud reported.
  - id: person
    when: {intent: {in: [request_human]}}
    lane: callback
    reason: The customer asked for a person.
"""


# ------------------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_yaml(RULES, pseudonym_key=KEY)


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A throwaway PostgreSQL database (created and dropped here) for Rasa's events table."""
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database to test PostgreSQL")
    name = f"handoff_relay_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield str(sa.make_url(POSTGRES_URL).set(database=name))
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class RasaEvents:
    """Rasa's event broker table, written as Rasa's SQLEventBroker writes it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = sa.create_engine(url)
        integer = "SERIAL" if self.engine.dialect.name == "postgresql" else "INTEGER"
        with self.engine.begin() as connection:
            connection.execute(
                sa.text(
                    f"CREATE TABLE events (id {integer} PRIMARY KEY, "
                    "sender_id VARCHAR(255), data TEXT)"
                )
            )

    def publish(self, sender: str, event: dict[str, Any], connection: Any = None) -> None:
        row = {"sender_id": sender, "data": json.dumps({"sender_id": sender, **event})}
        statement = sa.text("INSERT INTO events (sender_id, data) VALUES (:sender_id, :data)")
        if connection is not None:
            connection.execute(statement, row)
            return
        with self.engine.begin() as own:
            own.execute(statement, row)

    def user(self, sender: str, text: str, timestamp: float = 1_800_000_000.0) -> dict[str, Any]:
        event = {
            "event": "user",
            "timestamp": timestamp,
            "text": text,
            "parse_data": {"intent": {"name": "chitchat", "confidence": 0.9}, "entities": []},
            "input_channel": "rest",
        }
        self.publish(sender, event)
        return event


@pytest.fixture(params=["sqlite", "postgresql"])
def rasa_events(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RasaEvents]:
    if request.param == "sqlite":
        events = RasaEvents(f"sqlite:///{tmp_path / 'rasa-events.sqlite'}")
        yield events
        events.engine.dispose()
        return
    database = request.getfixturevalue("pg_database")
    events = RasaEvents(database)
    yield events
    events.engine.dispose()


def lines(desk: Desktop, sender: str | None = None) -> list[tuple[str, str, str | None, str]]:
    statement = sa.select(Message.conversation_id, Message.kind, Message.author, Message.text)
    if sender is not None:
        statement = statement.where(Message.conversation_id == sender)
    with desk.engine.connect() as connection:
        rows = connection.execute(statement.order_by(Message.seq)).all()
    return [(row.conversation_id, row.kind, row.author, row.text) for row in rows]


def position(desk: Desktop, name: str = "rasa-events") -> int:
    with desk.engine.connect() as connection:
        value: int = connection.execute(
            sa.select(RelayCursor.position).where(RelayCursor.name == name)
        ).scalar_one()
    return value


def posted(rasa: Any) -> list[dict[str, Any]]:
    """Every event appended to a tracker of the fake Rasa, in order."""
    return [event for seen in rasa.requests if seen.method == "POST" for event in seen.body]


# ------------------------------------------------------------------------------ the feed


class TestFeed:
    def test_user_events_become_redacted_customer_lines_once(
        self, desk: Desktop, rasa_events: RasaEvents
    ) -> None:
        """Every user event (any conversation) is one customer line, redacted, by ref."""
        rasa_events.user("web-1", "hello there")
        rasa_events.publish("web-1", {"event": "bot", "text": "Hi! How can I help?"})
        rasa_events.user("web-2", "my card is 4111 1111 1111 1111")
        rasa_events.publish("web-2", {"event": "action", "name": "action_listen"})
        with Relay(desk, rasa_events.url) as relay:
            assert relay.step() == 4
            assert relay.step() == 0
        found = lines(desk)
        assert [(c, k, a) for c, k, a, _ in found] == [
            ("web-1", "customer", None),
            ("web-2", "customer", None),
        ]
        assert found[0][3] == "hello there"
        assert "4111" not in found[1][3]
        assert position(desk) == 4
        with desk.engine.connect() as connection:
            refs = connection.execute(sa.select(Message.ref).order_by(Message.seq)).scalars()
            assert list(refs) == ["rasa-event:1", "rasa-event:3"]

    def test_a_restart_loses_nothing_and_repeats_nothing(
        self, desk: Desktop, rasa_events: RasaEvents
    ) -> None:
        """A second relay (a restarted desktop) goes on from the stored cursor."""
        for n in range(5):
            rasa_events.user("web-1", f"message {n}")
        with Relay(desk, rasa_events.url, batch=2) as first:
            assert first.step() == 2
        rasa_events.user("web-1", "message 5")
        with Relay(desk, rasa_events.url, batch=2) as second:
            while second.step():
                pass
        assert [text for *_, text in lines(desk)] == [f"message {n}" for n in range(6)]

    def test_two_relays_at_once_relay_each_event_once(
        self, desk: Desktop, rasa_events: RasaEvents
    ) -> None:
        """Two desktop processes polling the same feed: each event is committed by exactly
        one of them (the cursor's compare-and-set decides), none twice, none lost."""
        total = 60
        relays = [Relay(desk, rasa_events.url, batch=3) for _ in range(2)]
        for relay in relays:
            relay.desktop = Desktop(desk._url, clock=desk.clock)  # its own engine, as a process

        def poll(relay: Relay, stop: threading.Event) -> None:
            while not stop.is_set() or relay.step():
                relay.step()

        stop = threading.Event()
        threads = [threading.Thread(target=poll, args=(relay, stop)) for relay in relays]
        for thread in threads:
            thread.start()
        for n in range(total):
            rasa_events.user(f"web-{n % 4}", f"message {n}")
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        for relay in relays:
            while relay.step():
                pass
        texts = [text for *_, text in lines(desk)]
        assert sorted(texts) == sorted(f"message {n}" for n in range(total))
        assert sum(relay.relayed for relay in relays) == total
        assert position(desk) == total
        for relay in relays:
            relay.desktop.close()
            relay.close()

    def test_a_stale_compare_and_set_stores_nothing(self, desk: Desktop) -> None:
        desk.relay_position("feed")
        assert desk.relay_commit("feed", 0, 2, [("web-1", "hi", "r1", 1.0)], str) == []
        assert desk.relay_commit("feed", 0, 3, [("web-1", "again", "r2", 1.0)], str) is None
        assert [text for *_, text in lines(desk)] == ["hi"]
        assert position(desk, "feed") == 2

    def test_no_events_table_yet_waits(self, desk: Desktop, tmp_path: Path) -> None:
        """The desktop may start before Rasa has created its file and table."""
        with Relay(desk, str(tmp_path / "not-yet.sqlite")) as relay:
            assert relay.step() == 0

    def test_sqlite_gap_is_passed_at_once(self, desk: Desktop, tmp_path: Path) -> None:
        """SQLite hands out ids in commit order: a missing id never appears later."""
        events = RasaEvents(f"sqlite:///{tmp_path / 'events.sqlite'}")
        with events.engine.begin() as connection:
            connection.execute(
                sa.text("INSERT INTO events (id, sender_id, data) VALUES (5, 'web-1', :d)"),
                {"d": json.dumps({"event": "user", "text": "after a gap", "timestamp": 1.0})},
            )
        with Relay(desk, events.url) as relay:
            assert relay.step() == 1
        assert [text for *_, text in lines(desk)] == ["after a gap"]
        events.engine.dispose()

    def test_postgres_waits_for_an_uncommitted_id_then_passes_a_rolled_back_one(
        self, desk: Desktop, pg_database: str
    ) -> None:
        """An id handed out but not yet committed holds the feed (its row comes later);
        one that never appears (rolled back) is passed after the grace time."""
        events = RasaEvents(pg_database)
        now = [0.0]
        relay = Relay(desk, pg_database, gap_grace=5.0, clock=lambda: now[0])
        try:
            with events.engine.connect() as slow:
                transaction = slow.begin()
                events.publish("web-1", {"event": "user", "text": "first", "timestamp": 1.0}, slow)
                events.publish("web-1", {"event": "user", "text": "second", "timestamp": 2.0})
                assert relay.step() == 0  # id 1 not committed yet: id 2 waits
                transaction.commit()
            assert relay.step() == 2
            assert [text for *_, text in lines(desk)] == ["first", "second"]

            with events.engine.connect() as lost:
                transaction = lost.begin()
                events.publish("web-1", {"event": "user", "text": "never", "timestamp": 3.0}, lost)
                transaction.rollback()
            events.publish("web-1", {"event": "user", "text": "fourth", "timestamp": 4.0})
            assert relay.step() == 0
            now[0] = 4.9
            assert relay.step() == 0
            now[0] = 5.1
            assert relay.step() == 1
            assert [text for *_, text in lines(desk)] == ["first", "second", "fourth"]
        finally:
            relay.close()
            events.engine.dispose()

    def test_events_url_opens_sqlite_read_only(self, tmp_path: Path) -> None:
        assert events_url(str(tmp_path / "e.sqlite")).endswith("e.sqlite?mode=ro&uri=true")
        assert "mode=ro" in events_url(f"sqlite:///{tmp_path / 'e.sqlite'}")
        assert events_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


# ------------------------------------------------------------------------------ the card


class TestLinesOnTheCard:
    def test_a_held_conversations_line_reaches_its_lane_only(
        self, desk: Desktop, people: People, base_payload: Any, rasa_events: RasaEvents
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        with desk.engine.connect() as connection:
            before = connection.execute(sa.select(sa.func.max(Change.seq))).scalar_one()
        rasa_events.user("chat-1", "are you there?", timestamp=desk.clock())
        rasa_events.user("someone-else", "not held", timestamp=desk.clock())
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        changes = desk.changes_since(before, people.alice)
        assert [(c.lane, c.conversation_pk, c.kind) for c in changes] == [
            ("general_support", pk, "message")
        ]
        assert desk.changes_since(before, people.bob) == []
        assert [line.text for line in desk.lines(people.alice, pk)] == ["are you there?"]
        with pytest.raises(NotFound):
            desk.lines(people.bob, pk)


# ------------------------------------------------------------------------------ replies


@pytest.fixture
def rasa() -> Iterator[Any]:
    with fake_rasa(jwt_secret=RASA_JWT) as fake:
        yield fake


class TestReply:
    def test_claim_announces_and_the_holder_replies_through_rasa(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any
    ) -> None:
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        line = desk.reply(people.alice, pk, "  Hello, I'm Alice. How can I help?  ")
        assert line.text == "Hello, I'm Alice. How can I help?"
        assert [(e["event"], e["text"], e["metadata"]) for e in posted(rasa)] == [
            ("bot", "alice from our team has joined the chat.",
             {"handoff": {"from": "notice", "agent": "alice"}}),
            ("bot", "Hello, I'm Alice. How can I help?",
             {"handoff": {"from": "agent", "agent": "alice"}}),
        ]  # fmt: skip
        assert lines(desk, "chat-1") == [
            ("chat-1", "notice", "alice", "alice from our team has joined the chat."),
            ("chat-1", "agent", "alice", "Hello, I'm Alice. How can I help?"),
        ]
        audit = desk.audit(people.admin, conversation_pk=pk, action="reply")
        assert [(entry.actor, entry.after) for entry in audit] == [("alice", {"chars": 33})]
        with desk.engine.connect() as connection:
            texts = " ".join(str(row) for row in connection.execute(sa.select(Audit)))
        assert "How can I help" not in texts

    def test_only_the_holder_replies(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any
    ) -> None:
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        with pytest.raises(Conflict, match="claim the conversation"):
            desk.reply(people.alice, pk, "hi")
        desk.claim(people.alice, pk)
        with pytest.raises(Forbidden, match="alice holds"):
            desk.reply(people.anna, pk, "hi")
        with pytest.raises(NotFound):
            desk.reply(people.bob, pk, "hi")
        with pytest.raises(InvalidInput):
            desk.reply(people.alice, pk, "x" * 2001)
        with pytest.raises(InvalidInput):
            desk.reply(people.alice, pk, "   ")
        assert [k for _, k, _, _ in lines(desk, "chat-1")] == ["notice"]

    def test_rasa_down_or_refusing_stores_nothing(
        self, desk: Desktop, people: People, base_payload: Any
    ) -> None:
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        with pytest.raises(BotUnavailable, match="no bot connected"):
            desk.reply(people.alice, pk, "hi")
        with fake_rasa(jwt_secret="another-secret-that-is-long-enough-for-hs256") as rasa:
            desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
            with pytest.raises(BotUnavailable, match="refused"):
                desk.reply(people.alice, pk, "hi")
        assert lines(desk, "chat-1") == []
        assert count(desk, Audit, action="reply") == 0

    def test_hand_back_tells_the_customer(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any
    ) -> None:
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        desk.claim(people.alice, pk)
        desk.hand_back(people.alice, pk, "sorted")
        said = [e for e in posted(rasa) if e.get("event") == "bot"]
        notice = "alice from our team handed you back to our assistant."
        assert [e["text"] for e in said[-2:]] == [notice, desk.ces_question]
        assert lines(desk, "chat-1")[-2:] == [
            ("chat-1", "notice", "alice", notice),
            ("chat-1", "bot", None, desk.ces_question),  # then the effort question
        ]


# ------------------------------------------------------------------------------ routing


def _paused_tracker(
    rasa: Any, sender: str, lane: str, texts: list[tuple[str, str]], *, paused: bool = True
) -> list[dict[str, Any]]:
    """A tracker handed off to ``lane`` whose customer then said ``texts`` (text, intent);
    returns their user events (as the broker has them)."""
    state = RoutingState(lane=lane, lane_kind="callback" if lane == "callback" else "human")
    tracker = rasa.tracker(sender)
    tracker["slots"][SLOT_STATE] = state_slot_value(
        state, conversation_id=sender, state_secret=STATE_SECRET
    )
    tracker["events"] += [
        {"event": "user", "timestamp": 10.0, "text": "I want a human",
         "parse_data": {"intent": {"name": "request_human", "confidence": 0.99}}},
        {"event": "action", "name": "action_handoff_route"},
    ]  # fmt: skip
    if paused:
        tracker["events"].append({"event": "pause"})
    said = []
    for n, (text, intent) in enumerate(texts):
        event = {
            "event": "user",
            "timestamp": 20.0 + n,
            "text": text,
            "parse_data": {"intent": {"name": intent, "confidence": 0.999}, "entities": []},
        }
        tracker["events"].append(event)
        said.append(event)
    return said


class TestRoutingWhilePaused:
    def _setup(
        self, desk: Desktop, router: Router, rasa: Any, lane: str
    ) -> tuple[RasaBot, int, str]:
        desk.sync_lanes(router)
        bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        desk.bot = bot
        conversation = Conversation.model_validate(
            {"id": "chat-7", "turns": [{"role": "user", "text": "I want a human",
             "intent": {"name": "request_human", "confidence": 0.99}}]}
        )  # fmt: skip
        decision = router.route(conversation)
        payload = router.payload(conversation, decision)
        payload = payload.model_copy(
            update={"routing": payload.routing.model_copy(update={"lane": lane})}
        )
        return bot, deliver(desk, payload), "chat-7"

    def test_the_lane_reply_moves_the_conversation_desktop_first(
        self, desk: Desktop, router: Router, people: People, rasa: Any, tmp_path: Path
    ) -> None:
        bot, pk, sender = self._setup(desk, router, rasa, "callback")
        events = RasaEvents(f"sqlite:///{tmp_path / 'events.sqlite'}")
        for event in _paused_tracker(rasa, sender, "callback", [("Yes, FRAUD please!", "x")]):
            events.publish(sender, event)
        with Relay(desk, events.url, router=router, bot=bot, pseudonym_key_value=KEY) as relay:
            relay.step()
            assert (relay.routed, relay.moved) == (1, 1)
        assert desk.held_conversation(sender) == (pk, "fraud", "fraud", "waiting")
        reroute = desk.audit(people.admin, conversation_pk=pk, action="reroute")
        assert [entry.actor for entry in reroute] == ["router"]
        assert "replied 'fraud'" in (reroute[0].after or {})["note"]
        appended = posted(rasa)
        slots = {e["name"]: e["value"] for e in appended if e["event"] == "slot"}
        assert slots[SLOT_LANE] == "fraud"
        assert slots[SLOT_STATE]["state"]["lane"] == "fraud"
        assert [e["metadata"] for e in appended if e["event"] == "bot"] == [
            {"handoff": {"from": "relay", "agent": None}}
        ]
        assert not [e for e in appended if e["event"] == "pause"]
        assert lines(desk, sender)[-1] == (
            sender,
            "bot",
            None,
            "I'm connecting you to our fraud team now.",
        )
        events.engine.dispose()

    def test_a_red_line_moves_a_claimed_conversation(
        self, desk: Desktop, router: Router, people: People, rasa: Any, tmp_path: Path
    ) -> None:
        bot, pk, sender = self._setup(desk, router, rasa, "general")
        admin = people.admin
        agent = desk.create_user(admin, "gina", "correct horse battery", "agent", ["general"])
        desk.claim(agent, pk)
        events = RasaEvents(f"sqlite:///{tmp_path / 'events.sqlite'}")
        said = [("someone took money from my card", "report_fraud")]
        for event in _paused_tracker(rasa, sender, "general", said):
            events.publish(sender, event)
        with Relay(desk, events.url, router=router, bot=bot, pseudonym_key_value=KEY) as relay:
            relay.step()
        assert desk.held_conversation(sender) == (pk, "fraud", "fraud", "waiting")
        events.engine.dispose()

    def test_anything_else_stays_and_only_the_state_goes_back(
        self, desk: Desktop, router: Router, rasa: Any, tmp_path: Path
    ) -> None:
        bot, pk, sender = self._setup(desk, router, rasa, "callback")
        events = RasaEvents(f"sqlite:///{tmp_path / 'events.sqlite'}")
        for event in _paused_tracker(rasa, sender, "callback", [("ok thanks", "thank")]):
            events.publish(sender, event)
        with Relay(desk, events.url, router=router, bot=bot, pseudonym_key_value=KEY) as relay:
            relay.step()
            assert (relay.routed, relay.moved) == (1, 0)
        assert desk.held_conversation(sender) == (pk, "callback", "callback", "waiting")
        assert [(e["event"], e["name"]) for e in posted(rasa)] == [("slot", SLOT_STATE)]
        events.engine.dispose()

    def test_a_turn_the_bot_had_is_not_routed_again(
        self, desk: Desktop, router: Router, rasa: Any, tmp_path: Path
    ) -> None:
        """Not paused when it arrived: the action server routed that turn itself."""
        bot, _, sender = self._setup(desk, router, rasa, "callback")
        events = RasaEvents(f"sqlite:///{tmp_path / 'events.sqlite'}")
        for event in _paused_tracker(rasa, sender, "callback", [("fraud", "x")], paused=False):
            events.publish(sender, event)
        with Relay(desk, events.url, router=router, bot=bot, pseudonym_key_value=KEY) as relay:
            relay.step()
            assert relay.routed == 0
        assert posted(rasa) == []
        events.engine.dispose()


# ------------------------------------------------------------------------------ abandonment


class TestAbandonment:
    def test_a_silent_waiting_customer_is_abandoned_and_the_bot_resumed(
        self, desk: Desktop, people: People, base_payload: Any, clock: Clock, rasa: Any
    ) -> None:
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        clock.advance(599)
        assert desk.abandon_idle(600) == []
        clock.advance(2)
        assert Sweeper(desk, 600).sweep() == 1
        record = desk.conversation(people.alice, pk)
        assert record.status == "abandoned"
        assert [q.items for q in desk.queues(people.alice)] == [()]
        entry = desk.audit(people.admin, conversation_pk=pk, action="abandon")[0]
        assert entry.actor == "system"
        assert any(e["event"] == "resume" for e in posted(rasa))
        # A new handoff reopens it, like a resolved one.
        clock.advance(60)
        later = make_payload(base_payload, "chat-1", created_at=record.updated_at.replace(
            year=record.updated_at.year + 1))  # fmt: skip
        deliver(desk, later)
        assert desk.conversation(people.alice, pk).status == "waiting"

    def test_signs_of_life_keep_the_customer_waiting(
        self, desk: Desktop, people: People, base_payload: Any, clock: Clock
    ) -> None:
        heard = deliver(desk, make_payload(base_payload, "chat-heard"))
        seen = deliver(desk, make_payload(base_payload, "chat-seen"))
        held = deliver(desk, make_payload(base_payload, "chat-held"))
        desk.claim(people.alice, held)
        clock.advance(500)
        desk.relay_position("feed")
        desk.relay_commit("feed", 0, 1, [("chat-heard", "still here", "r1", clock.now)], str)
        with desk._write() as connection:
            connection.execute(
                sa.insert(Presence).values(conversation_id="chat-seen", last_seen=clock.now)
            )
        clock.advance(200)
        assert desk.abandon_idle(600) == []
        clock.advance(500)
        assert sorted(pk for pk, _ in desk.abandon_idle(600)) == sorted([heard, seen])
        assert desk.conversation(people.alice, held).status == "claimed"

    def test_without_a_bot_it_is_still_abandoned(
        self, desk: Desktop, base_payload: Any, clock: Clock
    ) -> None:
        deliver(desk, make_payload(base_payload, "chat-1"))
        clock.advance(700)
        assert Sweeper(desk, 600).sweep() == 1


# ------------------------------------------------------------------------------ the web


class TestWeb:
    def test_reply_from_the_card_and_lines_live_to_the_right_agents_only(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any, tmp_path: Path
    ) -> None:
        from tests.desktop._web import Browser, EventStream, app_for, serve  # noqa: PLC0415

        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = deliver(desk, make_payload(base_payload, "chat-1"))
        events = RasaEvents(f"sqlite:///{tmp_path / 'events.sqlite'}")
        relay = Relay(desk, events.url)

        async def relaying(wake: Any) -> None:
            await relay.run(interval=0.02, wake=wake)

        with serve(app_for(desk, ping=1, background=[relaying])) as url:
            alice, bob = Browser(url), Browser(url)
            try:
                alice.login("alice")
                bob.login("bob")
                stream_alice = EventStream(url, alice.client.cookies)
                stream_bob = EventStream(url, bob.client.cookies)
                events.user("chat-1", "hello, anyone?", timestamp=desk.clock())
                event = stream_alice.events.get(timeout=10)
                while event.event != "lines":
                    event = stream_alice.events.get(timeout=10)
                assert event.data == str(pk)
                assert "hello, anyone?" in alice.get(f"/c/{pk}/lines").text
                assert bob.get(f"/c/{pk}/lines").status_code == 404
                seen_by_bob = []
                while not stream_bob.events.empty():
                    seen_by_bob.append(stream_bob.events.get().event)
                assert "lines" not in seen_by_bob
                assert "row" not in seen_by_bob

                # Reply: CSRF first, then the lane check, then only the holder.
                assert alice.post(f"/c/{pk}/reply", text="hi", csrf_token="x").status_code == 403
                assert bob.post(f"/c/{pk}/reply", text="hi").status_code == 404
                assert alice.post(f"/c/{pk}/reply", text="hi").status_code == 409
                assert alice.post(f"/c/{pk}/claim").status_code == 303
                card = alice.get(f"/c/{pk}").text
                assert 'data-testid="reply-form"' in card
                assert alice.post(f"/c/{pk}/reply", text="Hi, I'm Alice").status_code == 303
                assert "Hi, I&#39;m Alice" in alice.get(f"/c/{pk}/lines").text
                stream_alice.close()
                stream_bob.close()
            finally:
                alice.close()
                bob.close()
        relay.close()
        events.engine.dispose()
        assert [e["text"] for e in posted(rasa) if e["event"] == "bot"][-1] == "Hi, I'm Alice"
