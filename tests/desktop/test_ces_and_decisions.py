"""Outcomes the desktop records around a handoff: the effort question (CES) asked after a
resolve or a hand-back (only once Rasa has it), the relay's decision log from the action's
``handoff_decision`` slot (once, never Rasa's session-start copies), the customers' answers,
and the sentiment of every customer line."""

# ruff: noqa: F811  (test parameters named after the fixtures imported from test_relay)

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from rasa_sdk import Tracker

from handoff import Router
from handoff.adapters import rasa as adapter
from handoff.desktop import BotUnavailable, Desktop, RasaBot
from handoff.desktop import relay as relay_module
from handoff.desktop.relay import Relay, decision_row
from handoff.desktop.store import Ces, Message, Turn
from handoff.desktop.store import Conversation as Conv
from handoff.outcomes import ces
from tests.conftest import free_port
from tests.desktop.conftest import People, deliver, make_payload

# The relay tests' fixtures (Rasa's events table on SQLite and PostgreSQL), used here by name.
from tests.desktop.test_relay import RasaEvents, pg_database, posted, rasa_events  # noqa: F401
from tests.security.rasa_api import fake_rasa

RASA_JWT = "ces-tests-rasa-jwt-secret-long-enough-for-hs256"
STATE_SECRET = b"ces-tests-state-secret"


@pytest.fixture
def rasa() -> Iterator[Any]:
    with fake_rasa(jwt_secret=RASA_JWT) as fake:
        yield fake


def ces_rows(desk: Desktop) -> list[dict[str, Any]]:
    with desk.engine.connect() as connection:
        rows = connection.execute(sa.select(Ces).order_by(Ces.id)).mappings().all()
    return [dict(row) for row in rows]


def turn_rows(desk: Desktop) -> list[dict[str, Any]]:
    with desk.engine.connect() as connection:
        rows = connection.execute(sa.select(Turn).order_by(Turn.seq)).mappings().all()
    return [dict(row) for row in rows]


def status(desk: Desktop, pk: int) -> str:
    with desk.engine.connect() as connection:
        value: str = connection.execute(sa.select(Conv.status).where(Conv.id == pk)).scalar_one()
    return value


def claimed(desk: Desktop, people: People, base_payload: Any, sender: str = "chat-1") -> int:
    pk = deliver(desk, make_payload(base_payload, sender))
    desk.claim(people.alice, pk)
    return pk


def decision(**changes: Any) -> dict[str, Any]:
    """A handoff_decision slot value as the action writes it (see decision_slot_value)."""
    value: dict[str, Any] = {
        "v": 1, "lane": "bot", "lane_kind": "bot", "handoff": False, "rule": None,
        "version": "0123456789ab", "experiment": None, "arm": None, "customer": None,
        "asked_person": False, "shadow": None, "ces": None,
    }  # fmt: skip
    value.update(changes)
    return value


def routed_turn(events: RasaEvents, sender: str, value: dict[str, Any], at: float) -> None:
    """What Rasa's broker gets for one routed turn: the action, then its slot events."""
    events.publish(sender, {"event": "action", "name": "action_handoff_route", "timestamp": at})
    events.publish(sender, {"event": "slot", "name": "handoff_decision", "value": value,
                            "timestamp": at})  # fmt: skip
    events.publish(sender, {"event": "action", "name": "action_listen", "timestamp": at})


# ------------------------------------------------------------------------------ asking


class TestAsking:
    def test_resolve_resumes_the_bot_then_asks(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any
    ) -> None:
        """Resolve gives the conversation back to the bot in Rasa (like a hand-back), tells
        the customer, then the bot asks the effort question: tracker, line, "asked" row."""
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = claimed(desk, people, base_payload)
        desk.resolve(people.alice, pk, "refund_issued", "yes")
        tracker = rasa.trackers["chat-1"]
        assert tracker["paused"] is False
        assert {"event": "resume"} in tracker["events"]
        said = [e for e in posted(rasa) if e.get("event") == "bot"]
        assert said[-2]["metadata"]["handoff"] == {"from": "notice", "agent": "alice"}
        assert said[-1]["text"] == desk.ces_question
        assert said[-1]["metadata"]["handoff"] == {"from": "ces", "agent": None}
        marker = tracker["slots"][ces.SLOT]
        assert marker["after"] == "resolve"
        assert ces.pending(marker, marker["asked_at"] + 1)
        [row] = ces_rows(desk)
        assert (row["conversation_pk"], row["cycle"], row["asked_after"]) == (pk, 1, "resolve")
        assert (row["answered_at"], row["score"], row["declined"]) == (None, None, False)
        with desk.engine.connect() as connection:
            kinds = connection.execute(
                sa.select(Message.kind, Message.text).order_by(Message.seq)
            ).all()
        assert [tuple(k) for k in kinds[-2:]] == [
            ("notice", "alice from our team has finished helping you. Our assistant is here if "
             "you need anything else."),
            ("bot", desk.ces_question),
        ]  # fmt: skip

    def test_hand_back_asks_too(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any
    ) -> None:
        """After a hand-back the question follows the hand-back notice."""
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = claimed(desk, people, base_payload)
        desk.hand_back(people.alice, pk, "sorted")
        [row] = ces_rows(desk)
        assert row["asked_after"] == "hand_back"
        assert rasa.trackers["chat-1"]["slots"][ces.SLOT]["after"] == "hand_back"

    def test_without_a_bot_resolve_works_and_nobody_is_asked(
        self, desk: Desktop, people: People, base_payload: Any
    ) -> None:
        """No Rasa connected: the resolve is recorded as before; no question, no row."""
        pk = claimed(desk, people, base_payload)
        assert desk.resolve(people.alice, pk, "done", "no").status == "resolved"
        assert ces_rows(desk) == []

    def test_a_bot_that_is_down_refuses_the_resolve(
        self, desk: Desktop, people: People, base_payload: Any
    ) -> None:
        """Rasa configured but down: BotUnavailable, the conversation stays the agent's."""
        desk.bot = RasaBot(f"http://127.0.0.1:{free_port()}", RASA_JWT, STATE_SECRET, timeout=2)
        pk = claimed(desk, people, base_payload)
        before = desk.conversation(people.alice, pk)
        with pytest.raises(BotUnavailable, match="could not be reached"):
            desk.resolve(people.alice, pk, "done", "yes")
        assert desk.conversation(people.alice, pk) == before
        assert status(desk, pk) == "claimed"
        assert ces_rows(desk) == []

    def test_a_bot_refusing_refuses_the_resolve(
        self, desk: Desktop, people: People, base_payload: Any
    ) -> None:
        """Rasa refuses (a wrong secret): nothing changes, nothing is asked."""
        with fake_rasa(jwt_secret="another-secret-that-is-long-enough-for-hs256") as wrong:
            desk.bot = RasaBot(wrong.url, RASA_JWT, STATE_SECRET)
            pk = deliver(desk, make_payload(base_payload, "chat-1"))
            desk.claim(people.alice, pk)  # (its join notice is refused too: only logged)
            with pytest.raises(BotUnavailable, match="refused"):
                desk.resolve(people.alice, pk, "done", "yes")
        assert status(desk, pk) == "claimed"
        assert ces_rows(desk) == []

    def test_no_question_configured(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any
    ) -> None:
        """ces_question=None: the bot is resumed but asks nothing."""
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        desk.ces_question = None
        pk = claimed(desk, people, base_payload)
        desk.resolve(people.alice, pk, "done", "yes")
        assert rasa.trackers["chat-1"]["paused"] is False
        assert ces.SLOT not in rasa.trackers["chat-1"]["slots"]
        assert ces_rows(desk) == []


# ------------------------------------------------------------------------------ the relay


class TestDecisionLog:
    def test_each_routed_turn_is_one_row_once(self, desk: Desktop, rasa_events: RasaEvents) -> None:
        """The action's slot event becomes a desktop_turns row by event id; a second relay
        (a restart) adds none."""
        shadow = {"lane": "general", "lane_kind": "human", "handoff": True, "rule": "person",
                  "version": "fedcba987654"}  # fmt: skip
        routed_turn(rasa_events, "web-1", decision(asked_person=True, customer="c-42"), 10.0)
        routed_turn(
            rasa_events, "web-1",
            decision(lane="general", lane_kind="human", handoff=True, rule="person",
                     experiment="pilot", arm="candidate", shadow=shadow),
            11.0,
        )  # fmt: skip
        with Relay(desk, rasa_events.url) as relay:
            assert relay.step() == 6
        with Relay(desk, rasa_events.url) as again:
            assert again.step() == 0
        first, second = turn_rows(desk)
        assert (first["ref"], first["conversation_id"], first["customer"], first["at"]) == (
            "rasa:2", "web-1", "c-42", 10.0,
        )  # fmt: skip
        assert (first["lane"], first["handoff"], first["asked_person"]) == ("bot", False, True)
        assert first["shadow_lane"] is None
        assert first["shadow_handoff"] is None
        assert (second["rule_id"], second["experiment"], second["arm"]) == (
            "person", "pilot", "candidate",
        )  # fmt: skip
        assert [second[f"shadow_{name}"] for name in ("lane", "rule_id", "version", "handoff")] == [
            "general", "person", "fedcba987654", True,
        ]  # fmt: skip

    def test_the_real_actions_value_is_logged(self, desk: Desktop, rasa_events: RasaEvents) -> None:
        """The value route_tracker writes (not a hand-made one) makes a row."""
        router = Router.from_yaml(
            "name: t\nsettings: {default_lane: bot, safe_lane: general}\n"
            "lanes: {bot: {kind: bot}, general: {kind: human}}\n"
            "rules:\n  - id: person\n    when: {intent: {in: [request_human]}}\n"
            "    lane: general\n    reason: Asked.\n"
        )
        event = {
            "event": "user",
            "text": "a human please",
            "parse_data": {"intent": {"name": "request_human", "confidence": 0.9}, "entities": []},
        }
        tracker = Tracker.from_dict({"sender_id": "web-9", "slots": {}, "events": [event],
                                     "latest_message": {**event["parse_data"],
                                                        "text": "a human please"},
                                     "paused": False})  # fmt: skip
        result = adapter.route_tracker(router, tracker)
        [value] = [e["value"] for e in result.events if e.get("name") == adapter.SLOT_DECISION]
        routed_turn(rasa_events, "web-9", value, 5.0)
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        [row] = turn_rows(desk)
        assert (row["lane"], row["rule_id"], row["handoff"], row["asked_person"]) == (
            "general", "person", True, True,
        )  # fmt: skip
        assert row["ruleset_version"] == router.version

    def test_session_start_copies_are_not_logged_again(
        self, desk: Desktop, rasa_events: RasaEvents
    ) -> None:
        """Rasa repeats every slot event when a new session starts (carry_over_slots): not
        the action's, so no second row, in the same process or after a restart."""
        routed_turn(rasa_events, "web-1", decision(), 10.0)
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        # A new session; the relay restarted meanwhile, so it must look the action up.
        rasa_events.publish("web-1", {"event": "action", "name": "action_session_start"})
        rasa_events.publish("web-1", {"event": "session_started"})
        rasa_events.publish("web-1", {"event": "slot", "name": "handoff_decision",
                                      "value": decision()})  # fmt: skip
        with Relay(desk, rasa_events.url) as restarted:
            restarted.step()
        rasa_events.publish("web-2", {"event": "session_started"})
        rasa_events.publish("web-2", {"event": "slot", "name": "handoff_decision",
                                      "value": decision()})  # fmt: skip
        with Relay(desk, rasa_events.url) as fresh:
            fresh.step()
        assert [row["ref"] for row in turn_rows(desk)] == ["rasa:2"]

    def test_a_restart_between_the_action_and_its_slot_still_logs_it(
        self, desk: Desktop, rasa_events: RasaEvents
    ) -> None:
        """The batch ends after the action event: the next process reads it back."""
        routed_turn(rasa_events, "web-1", decision(), 10.0)
        with Relay(desk, rasa_events.url, batch=1) as first:
            assert first.step() == 1
        with Relay(desk, rasa_events.url) as second:
            second.step()
        assert [row["ref"] for row in turn_rows(desk)] == ["rasa:2"]

    @pytest.mark.parametrize(
        "value",
        [
            None, "text", [1], decision(v=2), decision(lane=None), decision(lane="x" * 65),
            decision(handoff="yes"), decision(version=7), decision(shadow="general"),
            decision(customer={"id": 1}), decision(asked_person=1),
        ],
    )  # fmt: skip
    def test_malformed_values_are_skipped_and_the_feed_goes_on(
        self, desk: Desktop, rasa_events: RasaEvents, value: Any
    ) -> None:
        """Anyone who can write a tracker can write a slot: a bad value logs nothing."""
        routed_turn(rasa_events, "web-1", value, 10.0)
        rasa_events.user("web-1", "still here")
        with Relay(desk, rasa_events.url) as relay:
            assert relay.step() == 4
        assert turn_rows(desk) == []
        assert decision_row(value, ref="r", conversation_id="c", at=1.0) is None

    def test_the_relay_knows_the_adapters_names(self) -> None:
        """The relay cannot import the adapter (rasa-sdk): the names it copies agree."""
        assert relay_module.ACTION_NAME == adapter.ACTION_NAME
        assert relay_module.SLOT_DECISION == adapter.SLOT_DECISION
        assert ces.SLOT == adapter.SLOT_CES


class TestAnswers:
    def _asked(self, desk: Desktop, people: People, base_payload: Any, rasa: Any) -> int:
        desk.bot = RasaBot(rasa.url, RASA_JWT, STATE_SECRET)
        pk = claimed(desk, people, base_payload, sender="web-1")
        desk.resolve(people.alice, pk, "done", "yes")
        return pk

    def test_a_score_answers_the_waiting_question(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any,
        rasa_events: RasaEvents,
    ) -> None:  # fmt: skip
        """The slot's {"score": 6} fills the asked row: answered_at, score."""
        self._asked(desk, people, base_payload, rasa)
        routed_turn(rasa_events, "web-1", decision(ces={"score": 6}), 1_900_000_000.0)
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        [row] = ces_rows(desk)
        assert (row["score"], row["declined"], row["answered_at"]) == (6, False, 1_900_000_000.0)
        # A second answer (a replay, or a forged slot) finds no question waiting.
        routed_turn(rasa_events, "web-1", decision(ces={"score": 1}), 1_900_000_001.0)
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        assert ces_rows(desk)[0]["score"] == 6

    def test_a_decline_is_recorded(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any,
        rasa_events: RasaEvents,
    ) -> None:  # fmt: skip
        self._asked(desk, people, base_payload, rasa)
        routed_turn(rasa_events, "web-1", decision(ces={"declined": True}), 1_900_000_000.0)
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        [row] = ces_rows(desk)
        assert (row["score"], row["declined"]) == (None, True)
        assert row["answered_at"] == 1_900_000_000.0

    def test_an_impossible_answer_answers_nothing(
        self, desk: Desktop, people: People, base_payload: Any, rasa: Any,
        rasa_events: RasaEvents,
    ) -> None:  # fmt: skip
        """Out of the scale, a bool, a string, nothing: the question still waits."""
        self._asked(desk, people, base_payload, rasa)
        for n, answer in enumerate([{"score": 8}, {"score": True}, {"score": "6"}, {}]):
            routed_turn(rasa_events, "web-1", decision(ces=answer), 1_900_000_000.0 + n)
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        assert ces_rows(desk)[0]["answered_at"] is None
        assert len(turn_rows(desk)) == 4

    def test_an_answer_without_a_question_changes_nothing(
        self, desk: Desktop, rasa_events: RasaEvents
    ) -> None:
        routed_turn(rasa_events, "web-1", decision(ces={"score": 6}), 1_900_000_000.0)
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        assert ces_rows(desk) == []
        assert len(turn_rows(desk)) == 1


class TestSentiment:
    def test_customer_lines_carry_their_sentiment(
        self, desk: Desktop, rasa_events: RasaEvents
    ) -> None:
        """VADER's compound as handoff's signals score it, on customer lines only."""
        from handoff.signals import analyze_text  # noqa: PLC0415

        rasa_events.user("web-1", "this is awful, I'm furious")
        rasa_events.user("web-1", "thanks, that's great")
        rasa_events.publish("web-1", {"event": "bot", "text": "Glad to help!"})
        with Relay(desk, rasa_events.url) as relay:
            relay.step()
        with desk.engine.connect() as connection:
            found = connection.execute(
                sa.select(Message.kind, Message.sentiment).order_by(Message.seq)
            ).all()
        assert [kind for kind, _ in found] == ["customer", "customer"]
        angry, glad = (score for _, score in found)
        assert angry == pytest.approx(analyze_text("this is awful, I'm furious").sentiment)
        assert angry < -0.5 < 0.5 < glad
