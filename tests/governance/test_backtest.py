"""Backtests of a rules change: stored conversations replayed through the live and the
proposed rules, read from JSON Lines and from Rasa's SQL ``events`` table (SQLite and
PostgreSQL), into a bounded report without any message text.

Rasa's conversations are written here as Rasa 3.6.21 writes them: the session start, each
message with its NLU parse (the shape of tests/data/rasa/captured_action_request_rasa3.6.21
.json), the routing action's events from the real adapter (``route_tracker``), the bot's
answers, pauses and hand-backs (``handback_events``); and stored in the ``events`` table of
Rasa's SQL tracker store (its ``SQLEvent`` columns) or of its SQL event broker.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, ClassVar

import pytest
import sqlalchemy as sa
from rasa_sdk import Tracker

from handoff import Conversation, Router
from handoff.adapters.rasa import handback_events, route_tracker, tracker_to_conversation
from handoff.governance import backtest as backtest_module
from handoff.governance.backtest import (
    MAX_SAMPLES,
    BacktestReport,
    Recorded,
    Unreadable,
    backtest,
    conversations_from_jsonl,
    conversations_from_rasa,
)
from handoff.governance.errors import GovernanceError
from handoff.models import Account, Turn
from handoff.models.conversation import Intent
from handoff.payload import pseudonymise
from handoff.tracker import conversation_from_events
from tests.desktop.conftest import POSTGRES_URL

KEY = b"backtest-tests-pseudonym-key"
MONDAY = datetime(2027, 1, 4, 12, 0, tzinfo=timezone.utc)
SUNDAY = datetime(2027, 1, 3, 12, 0, tzinfo=timezone.utc)

LIVE = """
name: backtest-live
settings: {default_lane: bot, safe_lane: general}
lanes:
  bot: {kind: bot}
  general:
    kind: human
    message: A person will be with you shortly.
  callback: {kind: callback, message: We will call you back.}
  fraud: {kind: specialist, message: Our fraud team is coming.}
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

# The proposal: people go to the general desk (open on weekdays, else callback), gold
# customers to their own desk, and a stolen card is a new red line.
PROPOSED = """
name: backtest-proposed
settings: {default_lane: bot, safe_lane: general}
lanes:
  bot: {kind: bot}
  general:
    kind: human
    message: A person will be with you shortly.
    hours: {timezone: UTC, days: [mon, tue, wed, thu, fri], open: "08:00", close: "20:00"}
    fallback: callback
  callback: {kind: callback, message: We will call you back.}
  fraud: {kind: specialist, message: Our fraud team is coming.}
  gold_desk: {kind: human, message: Your relationship manager is coming.}
rules:
  - id: fraud
    red_line: true
    when: {intent: {in: [report_fraud]}}
    lane: fraud
    reason: Fraud reported.
  - id: card_stolen
    red_line: true
    when: {intent: {in: [card_stolen]}}
    lane: fraud
    reason: A stolen card is fraud.
  - id: gold
    when: {intent: {in: [request_human]}, tier: [gold]}
    lane: gold_desk
    reason: A {tier} customer asked for a person.
  - id: person
    when: {intent: {in: [request_human]}}
    lane: general
    reason: The customer asked for a person.
"""

SECRET_TEXT = "my card 4111 1111 1111 1111 was stolen, call me on 07700 900123"


@pytest.fixture(scope="module")
def live() -> Router:
    return Router.from_yaml(LIVE, pseudonym_key=KEY)


@pytest.fixture(scope="module")
def proposed() -> Router:
    return Router.from_yaml(PROPOSED, pseudonym_key=KEY)


def user(text: str, intent: str, at: datetime = MONDAY) -> Turn:
    return Turn(
        role="user",
        text=text,
        intent=Intent(name=intent, confidence=0.95),
        timestamp=at.timestamp(),
    )


def conversation(cid: str, *turns: Turn, tier: str = "standard") -> Conversation:
    return Conversation(id=cid, turns=turns, account=Account(tier=tier))


def sample_set() -> list[Conversation]:
    """Five conversations, each showing one kind of change."""
    return [
        conversation("web-1", user("hello", "greet")),
        conversation("web-2", user("can I talk to someone", "request_human")),
        conversation("whatsapp:+447700900123", user(SECRET_TEXT, "card_stolen")),
        conversation("gold-1", user("a person please", "request_human"), tier="gold"),
        conversation("web-3", user("fraud on my account", "report_fraud")),
    ]


# ------------------------------------------------------------------------ the report


class TestBacktest:
    def test_moves_per_rule_counts_and_red_lines(self, live: Router, proposed: Router) -> None:
        """Lanes that move (from/to), escalation before and after, the rule that decided
        each final lane and every rule that fired, and the new red line called out."""
        report = backtest(live, proposed, sample_set(), pseudonym_key=KEY)
        assert (report.conversations, report.turns, report.failed) == (5, 5, 0)
        assert report.before is not None
        assert report.before.version == live.version
        assert report.after.version == proposed.version
        assert report.moved_matrix == {
            ("callback", "general"): 1,
            ("bot", "fraud"): 1,
            ("callback", "gold_desk"): 1,
        }
        assert report.changed == 3
        assert report.before.lanes == {"bot": 2, "callback": 2, "fraud": 1}
        assert report.after.lanes == {"fraud": 2, "bot": 1, "general": 1, "gold_desk": 1}
        assert report.escalation_rate_before == pytest.approx(3 / 5)
        assert report.escalation_rate_after == pytest.approx(4 / 5)
        assert report.before.decided == {"person": 2, "fraud": 1}
        assert report.after.decided == {"card_stolen": 1, "fraud": 1, "gold": 1, "person": 1}
        # The first matching rule decides: "person" is not tried for the gold customer.
        assert report.after.fired == report.after.decided
        assert report.before.fired == report.before.decided
        assert report.red_line_conversations == 1
        (change,) = report.red_lines
        assert (change.rule, change.gained, change.lost) == ("card_stolen", 1, 0)
        assert report.override_conversations == 0

    def test_samples_are_pseudonymised_red_lines_first_and_hold_no_text(
        self, live: Router, proposed: Router
    ) -> None:
        """The red-line change is the first sample; ids with PII are keyed pseudonyms; no
        message text reaches the report."""
        report = backtest(live, proposed, sample_set(), pseudonym_key=KEY)
        first = report.samples[0]
        assert first.red_lines == ("card_stolen",)
        assert first.ref == pseudonymise("whatsapp:+447700900123", KEY)
        assert first.ref.startswith("whatsapp:phone-")
        assert (first.before_lane, first.after_lane) == ("bot", "fraud")
        assert (first.before_rule, first.after_rule) == (None, "card_stolen")
        assert first.after_reason == "A stolen card is fraud."
        assert [s.ref for s in report.samples[1:]] == ["web-2", "gold-1"]
        text = json.dumps(report.to_dict())
        for message in (SECRET_TEXT, "4111", "900123", "can I talk to someone", "hello"):
            assert message not in text

    def test_each_turn_routes_at_its_own_time_unless_a_time_is_given(
        self, live: Router, proposed: Router
    ) -> None:
        """A Sunday request finds the general desk closed (its fallback, callback, takes
        it); with now= every turn routes at that time instead."""
        sunday = [conversation("web-9", user("someone please", "request_human", at=SUNDAY))]
        assert backtest(live, proposed, sunday).after.lanes == {"callback": 1}
        fixed = backtest(live, proposed, sunday, now=MONDAY)
        assert fixed.after.lanes == {"general": 1}
        assert fixed.now == MONDAY
        assert "  every turn routed at 2027-01-04T12:00:00+00:00" in fixed.lines()

    def test_a_hand_back_returns_the_conversation_to_the_bot_where_it_happened(
        self, live: Router, proposed: Router
    ) -> None:
        """After a person handed the customer back, the next message is the bot's again;
        without the hand-back, "stay with a human" would keep it in the person's lane."""
        talk = conversation(
            "web-4",
            user("a person please", "request_human"),
            Turn(role="agent", text="Done, anything else?"),
            user("thanks, bye", "goodbye"),
        )
        handed = backtest(live, proposed, [Recorded(talk, handbacks=(1,))])
        assert handed.after.lanes == {"bot": 1}
        assert handed.after.escalated == 1
        kept = backtest(live, proposed, [talk])
        assert kept.after.lanes == {"general": 1}

    def test_a_red_line_that_fires_later_is_a_change(self, live: Router) -> None:
        """The same red line firing on another turn is called out (earlier/later)."""
        later = Router.from_yaml(
            LIVE.replace("in: [report_fraud]", "in: [report_fraud_twice]"), pseudonym_key=KEY
        )
        talk = conversation(
            "web-5", user("fraud!", "report_fraud"), user("fraud again", "report_fraud_twice")
        )
        report = backtest(live, later, [talk])
        (change,) = report.red_lines
        assert (change.rule, change.later, change.gained, change.lost) == ("fraud", 1, 0, 0)
        assert report.changed == 0  # the lane is the same in the end
        assert report.red_line_conversations == 1
        assert report.samples[0].red_lines == ("fraud",)

    def test_override_lanes_involved_differently_are_called_out(self, live: Router) -> None:
        """A supervisor's override (in the stored state) that the proposal's lanes no
        longer have: the conversation is counted among override changes."""
        with_override = Router.from_yaml(
            LIVE.replace(
                "  fraud: {kind: specialist",
                "  supervisor: {kind: override, message: A supervisor has it.}\n"
                "  fraud: {kind: specialist",
            ),
            pseudonym_key=KEY,
        )
        talk = conversation("web-6", user("hello", "greet"))
        talk = talk.model_copy(
            update={"state": talk.state.model_copy(update={"override_lane": "supervisor"})}
        )
        report = backtest(with_override, live, [talk])
        assert report.override_conversations == 1
        assert report.moved_matrix == {("supervisor", "bot"): 1}
        assert report.samples[0].override
        assert any(line.startswith("OVERRIDE LANES") for line in report.lines())

    def test_nothing_live_yet_reports_the_proposal_alone(self, proposed: Router) -> None:
        """The first version: no comparison, the proposal's own counts."""
        report = backtest(None, proposed, sample_set())
        assert report.before is None
        assert report.changed == 0
        assert report.samples == ()
        assert report.escalation_rate_before is None
        assert report.after.lanes["fraud"] == 2
        assert "nothing live yet" in report.lines()[1]

    def test_unreadable_and_empty_conversations_are_counted_with_reasons(
        self, live: Router, proposed: Router
    ) -> None:
        """Failures are counted by reason (first line, short) and the backtest goes on."""
        items: list[Conversation | Recorded | Unreadable] = [
            Unreadable("line 1 column 2: invalid JSON: Expecting value"),
            Unreadable("line 1 column 2: invalid JSON: Expecting value"),
            Conversation(id="empty", turns=(Turn(role="bot", text="Hi!"),)),
            *sample_set(),
        ]
        report = backtest(live, proposed, items)
        assert report.conversations == 5
        assert report.failed == 3
        assert report.failures == {
            "line 1 column 2: invalid JSON: Expecting value": 2,
            "no customer message to route": 1,
        }

    def test_samples_are_bounded(self, live: Router, proposed: Router) -> None:
        """samples= keeps at most that many (the counts cover every conversation); more
        than MAX_SAMPLES is refused."""
        many = [
            conversation(f"web-{n}", user("someone please", "request_human")) for n in range(30)
        ]
        report = backtest(live, proposed, many, samples=5)
        assert report.changed == 30
        assert len(report.samples) == 5
        assert len(backtest(live, proposed, many, samples=0).samples) == 0
        with pytest.raises(GovernanceError, match="samples must be 0 to 100"):
            backtest(live, proposed, many, samples=MAX_SAMPLES + 1)

    def test_tables_and_reasons_are_bounded(
        self, live: Router, proposed: Router, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Count tables keep their largest entries and say they were cut; failure reasons
        keep the most common, the rest counted together."""
        monkeypatch.setattr(backtest_module, "MAX_TABLE", 2)
        monkeypatch.setattr(backtest_module, "MAX_FAILURE_REASONS", 3)
        bad = [Unreadable(f"line 1 column {n}: invalid JSON") for n in range(10)]
        report = backtest(live, proposed, [*bad, *bad[:1], *sample_set()])
        assert report.truncated
        assert report.after.lanes == {"fraud": 2, "bot": 1}
        assert len(report.failures) == 4
        assert report.failures["line 1 column 0: invalid JSON"] == 2
        assert report.failures["(other reasons)"] == 7
        assert report.failed == 11
        assert "(tables cut to their 2 largest entries)" in report.lines()

    def test_round_trips_through_json(self, live: Router, proposed: Router) -> None:
        """to_dict is plain JSON; from_dict gives the same report back."""
        report = backtest(live, proposed, sample_set(), pseudonym_key=KEY)
        data = json.loads(json.dumps(report.to_dict()))
        assert BacktestReport.from_dict(data) == report
        assert {"from_lane": "bot", "to_lane": "fraud", "conversations": 1} in data["moved"]

    def test_lines_call_out_red_lines(self, live: Router, proposed: Router) -> None:
        """The plain-text summary: counts, rates, moves, red lines, samples."""
        lines = backtest(live, proposed, sample_set(), pseudonym_key=KEY).lines()
        assert lines[0] == "backtest: 5 conversations replayed (5 customer turns)"
        assert "escalation rate 60.0% (3) -> 80.0% (4) of 5" in lines
        assert "final lane changed: 3 of 5 conversations" in lines
        assert "  callback -> general: 1" in lines
        assert "RED LINES changed in 1 conversations:" in lines
        assert any(line.startswith("  card_stolen: 1 now fire") for line in lines)


# ------------------------------------------------------------------------ JSON Lines


class TestJsonLines:
    def test_reads_replays_formats_and_counts_what_it_cannot(
        self, tmp_path: Path, live: Router, proposed: Router
    ) -> None:
        """Conversations, routing cases and Rasa tracker dumps, one per line; a bad line
        is an Unreadable with a reason that holds no text; blank lines are skipped."""
        case = {
            "now": MONDAY.isoformat(),
            "conversation": conversation("case-1", user("a human", "request_human")).model_dump(
                mode="json"
            ),
            "expect": {"lane": "general"},
        }
        dump = RasaSession("dump-1", live).say("someone stole my card", "card_stolen").dump()
        no_id = {"turns": [{"role": "user", "text": "hello", "intent": {"name": "greet"}}]}
        lines = [
            sample_set()[1].model_dump_json(),
            "",
            json.dumps(case),
            json.dumps(dump),
            '{"turns": [{"role": "user", "text": "4111 1111 1111 1111"',
            json.dumps(no_id),
        ]
        path = tmp_path / "conversations.jsonl"
        path.write_text("\n".join(lines) + "\n")
        items = list(conversations_from_jsonl(path))
        assert [type(i).__name__ for i in items] == [
            "Recorded", "Recorded", "Recorded", "Unreadable", "Recorded",
        ]  # fmt: skip
        recorded = [i for i in items if isinstance(i, Recorded)]
        assert recorded[1].now == MONDAY
        assert recorded[2].conversation.id == "dump-1"
        assert recorded[3].ref == "line 6"
        (bad,) = [i for i in items if isinstance(i, Unreadable)]
        assert "4111" not in bad.reason
        report = backtest(live, proposed, items)
        assert report.conversations == 4
        assert report.failed == 1
        assert report.moved_matrix == {("callback", "general"): 2, ("bot", "fraud"): 1}

    def test_last_reads_only_the_last_lines(self, tmp_path: Path) -> None:
        """last=N: the last N non-blank lines, in file order."""
        path = tmp_path / "conversations.jsonl"
        path.write_text(
            "\n\n".join(
                conversation(f"web-{n}", user("hello", "greet")).model_dump_json()
                for n in range(10)
            )
        )
        items = list(conversations_from_jsonl(path, last=3))
        assert [i.conversation.id for i in items if isinstance(i, Recorded)] == [
            "web-7",
            "web-8",
            "web-9",
        ]
        with pytest.raises(GovernanceError, match="last must be 1 to"):
            list(conversations_from_jsonl(path, last=0))

    def test_a_missing_file_is_a_governance_error(self, tmp_path: Path) -> None:
        """The path is named; nothing is half-read."""
        with pytest.raises(GovernanceError, match=r"nothing\.jsonl: cannot read"):
            list(conversations_from_jsonl(tmp_path / "nothing.jsonl"))


# ------------------------------------------------------------------------ Rasa's SQL events


class RasaSession:
    """One customer's conversation, its events written as Rasa 3.6.21 writes them."""

    META: ClassVar[dict[str, str]] = {
        "model_id": "0f416a1c9520484b8565a40ae0d10469",
        "assistant_id": "backtest",
    }

    def __init__(
        self,
        sender: str,
        router: Router,
        *,
        start: datetime = MONDAY,
        metadata: dict[str, Any] | None = None,
        slots: dict[str, Any] | None = None,
    ) -> None:
        self.sender = sender
        self.router = router
        self.clock = start.timestamp()
        self.metadata = metadata or {}
        self.events: list[dict[str, Any]] = []
        self.slots: dict[str, Any] = {}
        self.paused = False
        self.new_session(**(slots or {}))

    def add(self, event: dict[str, Any]) -> None:
        self.clock += 1.5
        event = {**event, "timestamp": self.clock}
        if event["event"] == "slot":
            self.slots[event["name"]] = event["value"]
        self.events.append(event)

    def new_session(self, **slots: Any) -> RasaSession:
        """action_session_start, session_started, the slots carried over (Rasa repeats
        them as slot events), action_listen."""
        carried = {**self.slots, **slots}
        self.add({"event": "action", "name": "action_session_start", "policy": None,
                  "confidence": 1.0, "action_text": None, "hide_rule_turn": False,
                  "metadata": self.META})  # fmt: skip
        self.add({"event": "session_started", "metadata": self.META})
        for name, value in carried.items():
            self.add({"event": "slot", "name": name, "value": value, "metadata": self.META})
        self.add({"event": "action", "name": "action_listen", "policy": None,
                  "confidence": None, "action_text": None, "hide_rule_turn": False,
                  "metadata": self.META})  # fmt: skip
        return self

    def say(self, text: str, intent: str, confidence: float = 0.95) -> RasaSession:
        """The customer's message; unless paused, our action routes it (the real adapter)
        and the bot answers or pauses."""
        message_id = uuid.uuid4().hex
        parse = {
            "intent": {"name": intent, "confidence": confidence},
            "entities": [],
            "text": text,
            "message_id": message_id,
            "metadata": self.metadata,
            "intent_ranking": [
                {"name": intent, "confidence": confidence},
                {"name": "greet", "confidence": round(1 - confidence, 4)},
            ],
        }
        self.add({"event": "user", "text": text, "parse_data": parse, "input_channel": "rest",
                  "message_id": message_id, "metadata": self.metadata})  # fmt: skip
        self.add({"event": "user_featurization", "use_text_for_featurization": False})
        if self.paused:  # Rasa logs the message and predicts nothing
            return self
        self.add({"event": "action", "name": "action_handoff_route", "policy": "RulePolicy",
                  "confidence": 1.0, "action_text": None, "hide_rule_turn": True,
                  "metadata": self.META})  # fmt: skip
        result = route_tracker(self.router, self.tracker(parse, text))
        if result.message:
            self.add({"event": "bot", "text": result.message, "data": {}, "metadata": {}})
        for event in result.events:
            self.add({k: v for k, v in event.items() if k != "timestamp"})
            self.paused = self.paused or event["event"] == "pause"
        if not self.paused:
            self.add({"event": "action", "name": "utter_answer", "policy": "RulePolicy",
                      "confidence": 1.0, "metadata": self.META})  # fmt: skip
            self.add({"event": "bot", "text": "Here is what I found.", "data": {},
                      "metadata": {"utter_action": "utter_answer"}})  # fmt: skip
            self.add({"event": "action", "name": "action_listen", "policy": "RulePolicy",
                      "confidence": 1.0, "metadata": self.META})  # fmt: skip
        return self

    def agent(self, text: str) -> RasaSession:
        """An agent's reply, written by the desktop through Rasa's HTTP API."""
        self.add({"event": "bot", "text": text,
                  "metadata": {"handoff": {"from": "agent", "agent": "alice"}}})  # fmt: skip
        return self

    def hand_back(self) -> RasaSession:
        """The desktop hands the customer back (the adapter's handback_events)."""
        conversation = tracker_to_conversation(self.tracker({}, None))
        for event in handback_events(conversation, "Card frozen."):
            self.add(event)
        self.paused = False
        return self

    def tracker(self, parse: dict[str, Any], text: str | None) -> Tracker:
        latest = {**parse, "text": text} if text is not None else self.latest()
        return Tracker.from_dict(self.dump() | {"latest_message": latest})

    def latest(self) -> dict[str, Any]:
        for event in reversed(self.events):
            if event["event"] == "user":
                return {**event["parse_data"], "text": event["text"]}
        return {}

    def dump(self) -> dict[str, Any]:
        """The tracker as Rasa's HTTP API gives it (GET /conversations/<id>/tracker)."""
        return {
            "sender_id": self.sender, "slots": dict(self.slots),
            "latest_message": self.latest(), "events": list(self.events),
            "paused": self.paused, "latest_input_channel": "rest", "active_loop": {},
            "latest_action_name": "action_listen",
        }  # fmt: skip


class RasaEventsTable:
    """Rasa's ``events`` table: its SQL tracker store's (SQLEvent: id, sender_id,
    type_name, timestamp, intent_name, action_name, data) or its event broker's (id,
    sender_id, data with the sender id inside)."""

    def __init__(self, url: str, shape: str) -> None:
        self.url = url
        self.shape = shape
        self.engine = sa.create_engine(url)
        metadata = sa.MetaData()
        columns: list[sa.Column[Any]] = [
            sa.Column("id", sa.Integer, sa.Sequence("events_seq", optional=True), primary_key=True),
        ]
        if shape == "tracker_store":
            columns += [
                sa.Column("sender_id", sa.String(255), nullable=False, index=True),
                sa.Column("type_name", sa.String(255), nullable=False),
                sa.Column("timestamp", sa.Float),
                sa.Column("intent_name", sa.String(255)),
                sa.Column("action_name", sa.String(255)),
            ]
        else:
            columns.append(sa.Column("sender_id", sa.String(255)))
        columns.append(sa.Column("data", sa.Text))
        self.table = sa.Table("events", metadata, *columns)
        metadata.create_all(self.engine)

    def save(self, session: RasaSession, since: int = 0) -> None:
        """Store the session's events from ``since`` on, as SQLTrackerStore.save does."""
        rows = []
        for event in session.events[since:]:
            if self.shape == "tracker_store":
                rows.append({
                    "sender_id": session.sender,
                    "type_name": event["event"],
                    "timestamp": event.get("timestamp"),
                    "intent_name": (event.get("parse_data") or {}).get("intent", {}).get("name"),
                    "action_name": event.get("name"),
                    "data": json.dumps(event),
                })  # fmt: skip
            else:
                body = {"sender_id": session.sender, **event}
                rows.append({"sender_id": session.sender, "data": json.dumps(body)})
        with self.engine.begin() as connection:
            connection.execute(self.table.insert(), rows)

    def insert_raw(self, sender: str, data: str | None) -> None:
        extra = {"type_name": "user"} if self.shape == "tracker_store" else {}
        with self.engine.begin() as connection:
            connection.execute(self.table.insert(), [{"sender_id": sender, "data": data, **extra}])


@pytest.fixture
def pg_database() -> Iterator[str]:
    """A throwaway PostgreSQL database (created and dropped here)."""
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database to test PostgreSQL")
    name = f"handoff_backtest_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(
    params=[
        ("sqlite", "tracker_store"),
        ("sqlite", "event_broker"),
        ("postgresql", "tracker_store"),
        ("postgresql", "event_broker"),
    ],
    ids="-".join,
)
def rasa_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RasaEventsTable]:
    backend, shape = request.param
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'rasa.db'}"
    else:
        url = request.getfixturevalue("pg_database")
    table = RasaEventsTable(url, shape)
    yield table
    table.engine.dispose()


def recorded_rasa(live: Router) -> dict[str, RasaSession]:
    """Conversations as the live rules routed them, oldest first."""
    return {
        "old-1": RasaSession("old-1", live).say("hello", "greet"),
        "web-2": RasaSession("web-2", live).say("hi", "greet")
        .say("can I talk to someone", "request_human"),
        "whatsapp:+447700900123": RasaSession("whatsapp:+447700900123", live)
        .say(SECRET_TEXT, "card_stolen"),
        # The tier is in a slot (account_tier), set when the session started.
        "gold-1": RasaSession("gold-1", live, slots={"account_tier": "gold"})
        .say("a person please", "request_human"),
        # Handed to a person, handed back, then a goodbye the bot keeps.
        "web-4": RasaSession("web-4", live).say("a person please", "request_human")
        .say("are you there?", "greet").agent("Done, your card is frozen.").hand_back()
        .say("thanks, bye", "goodbye"),
    }  # fmt: skip


class TestRasaEvents:
    def test_last_conversations_replay_as_rasa_recorded_them(
        self, rasa_db: RasaEventsTable, live: Router, proposed: Router
    ) -> None:
        """The last 4 senders (newest events) of the table, newest first: the account
        tier from its slot, the hand-back where it happened, the red line called out."""
        sessions = recorded_rasa(live)
        for session in sessions.values():
            rasa_db.save(session)
        items = list(conversations_from_rasa(rasa_db.url, last=4))
        assert [i.conversation.id for i in items if isinstance(i, Recorded)] == [
            "web-4", "gold-1", "whatsapp:+447700900123", "web-2",
        ]  # fmt: skip
        by_id = {i.conversation.id: i for i in items if isinstance(i, Recorded)}
        assert by_id["gold-1"].conversation.account.tier == "gold"
        assert by_id["web-4"].handbacks == (2,)
        assert by_id["web-2"].conversation.channel == "rest"
        report = backtest(live, proposed, items, pseudonym_key=KEY)
        assert report.conversations == 4
        assert report.turns == 1 + 2 + 1 + 3
        assert report.moved_matrix == {
            ("callback", "general"): 1,
            ("bot", "fraud"): 1,
            ("callback", "gold_desk"): 1,
        }
        # The hand-back: the goodbye is the bot's on both sides.
        assert report.before is not None
        assert report.before.lanes == {"bot": 2, "callback": 2}
        assert report.red_line_conversations == 1
        assert report.samples[0].ref == pseudonymise("whatsapp:+447700900123", KEY)
        text = json.dumps(report.to_dict())
        assert "4111" not in text
        assert "are you there" not in text

    def test_only_the_current_session_is_replayed(
        self, rasa_db: RasaEventsTable, live: Router, proposed: Router
    ) -> None:
        """A new session (the tier slot carried over) starts the conversation afresh: the
        earlier session's request for a person is not replayed."""
        session = RasaSession("web-7", live, slots={"account_tier": "gold"})
        session.say("a person please", "request_human")
        rasa_db.save(session)
        since = len(session.events)
        session.new_session().say("hello", "greet")
        rasa_db.save(session, since)
        (item,) = conversations_from_rasa(rasa_db.url, last=10)
        assert isinstance(item, Recorded)
        assert [t.text for t in item.conversation.user_turns] == ["hello"]
        assert item.conversation.account.tier == "gold"
        report = backtest(live, proposed, [item])
        assert report.after.lanes == {"bot": 1}

    def test_rebuilt_from_events_as_the_action_reads_the_tracker(self, live: Router) -> None:
        """Slots, latest message and channel rebuilt from the events give the conversation
        the action reads from Rasa's tracker (apart from the routing state, which a
        backtest replays from the start)."""
        session = recorded_rasa(live)["gold-1"].say("still there?", "greet")
        tracker = Tracker.from_dict(session.dump())
        from_tracker = tracker_to_conversation(tracker)
        rebuilt, walked = conversation_from_events(session.sender, session.events)
        assert rebuilt.model_copy(update={"state": from_tracker.state}) == from_tracker
        assert rebuilt.state == type(rebuilt.state)()
        assert walked.user_turns == 2

    def test_unusable_conversations_are_counted_not_fatal(
        self, rasa_db: RasaEventsTable, live: Router
    ) -> None:
        """A row that is not JSON and a session longer than max_events make their
        conversations Unreadable; the others are read."""
        rasa_db.save(RasaSession("fine-1", live).say("hello", "greet"))
        rasa_db.insert_raw("broken-1", "{not json")
        long = RasaSession("long-1", live)
        for n in range(5):
            long.say(f"message {n}", "greet")
        rasa_db.save(long)
        items = list(conversations_from_rasa(rasa_db.url, last=10, max_events=20))
        reasons = sorted(i.reason for i in items if isinstance(i, Unreadable))
        assert reasons == ["an event that is not JSON", "more than 20 events in its last session"]
        assert [i.conversation.id for i in items if isinstance(i, Recorded)] == ["fine-1"]

    def test_a_database_without_events_is_a_governance_error_without_the_password(
        self, tmp_path: Path
    ) -> None:
        """No events table: a GovernanceError naming the database, never its password."""
        empty = tmp_path / "empty.db"
        sa.create_engine(f"sqlite:///{empty}").dispose()
        empty.touch()
        with pytest.raises(GovernanceError, match="cannot read Rasa's events from"):
            list(conversations_from_rasa(str(empty)))
        if POSTGRES_URL:
            url = sa.make_url(POSTGRES_URL).set(password="s3cret-pw", database="no_such_db")
            with pytest.raises(GovernanceError) as raised:
                list(conversations_from_rasa(url.render_as_string(hide_password=False)))
            assert "s3cret-pw" not in str(raised.value)
            assert "***" in str(raised.value)

    def test_an_sqlite_file_is_opened_read_only(self, tmp_path: Path, live: Router) -> None:
        """Rasa's file is only read: the reader opens it with mode=ro."""
        path = tmp_path / "rasa.db"
        table = RasaEventsTable(f"sqlite:///{path}", "tracker_store")
        table.save(RasaSession("web-1", live).say("hello", "greet"))
        table.engine.dispose()
        before = path.stat().st_mtime_ns
        path.chmod(0o444)
        try:
            items = list(conversations_from_rasa(str(path)))
        finally:
            path.chmod(0o644)
        assert len(items) == 1
        assert path.stat().st_mtime_ns == before
