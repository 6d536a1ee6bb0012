"""Fault injection for route_tracker: a pause is returned if and only if the payload is in a
real SQLite outbox, whatever happens to the file (corrupted, locked by another process, full)
or to the payload build; a failed handoff is retried on the next turn; surrogates in any
string still give a storable payload."""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import event

from handoff import Router
from handoff.adapters.rasa import (
    SLOT_STATE,
    ActionHandoffRoute,
    Runtime,
    TurnResult,
    route_tracker,
)
from handoff.delivery import Outbox, idempotency_key
from handoff.errors import RulesError
from handoff.models.conversation import Conversation
from handoff.models.decision import Decision
from handoff.models.payload import ContextPayload
from handoff.models.rules import STORAGE_FAILED_MESSAGE
from tests.conftest import DATA, RULES, always_open_rules

CAPTURED = json.loads((DATA / "rasa" / "captured_action_request_rasa3.6.21.json").read_text())
SECRET = b"fault-suite-state-secret"
PII = ("4111 1111 1111 1111", "alice.smith@example.com", "+44 7700 900123")
SENDER = "whatsapp:+447700900123"


@pytest.fixture(scope="module")
def router(tmp_path_factory: pytest.TempPathFactory) -> Router:
    work = tmp_path_factory.mktemp("rules")
    return Router.from_path(always_open_rules(RULES / "default.yaml", work / "rules.yaml"))


def user(text: str, intent: str = "request_human", **parse: Any) -> dict[str, Any]:
    data = {"intent": {"name": intent, "confidence": 0.95}, "entities": [], "text": text,
            "intent_ranking": [{"name": intent, "confidence": 0.95}], **parse}  # fmt: skip
    return {"event": "user", "text": text, "parse_data": data, "input_channel": "rest"}


def tracker(events: list[dict[str, Any]], *, sender: str = SENDER, slots: Any = None) -> Tracker:
    latest = next(e["parse_data"] | {"text": e["text"]} for e in reversed(events)
                  if e["event"] == "user")  # fmt: skip
    return Tracker.from_dict(
        {"sender_id": sender, "slots": slots or {}, "latest_message": latest, "events": events,
         "paused": False, "latest_input_channel": "rest", "active_loop": {},
         "latest_action_name": "action_listen"}
    )  # fmt: skip


def state_of(result: TurnResult) -> Any:
    return next(e["value"] for e in result.events if e.get("name") == SLOT_STATE)


def paused(result: TurnResult) -> bool:
    return any(e["event"] == "pause" for e in result.events)


def outbox_deliver(outbox: Outbox) -> Any:
    """What the action server does with each payload (rasa_actions._delivery_from_env)."""

    def deliver(payload: ContextPayload, decision: Decision) -> None:
        outbox.put(payload, decision_json=decision.model_dump_json(exclude={"signals"}))

    return deliver


def intended_key(router: Router, result: TurnResult) -> str:
    """The key the handoff's payload has (or would have had) for this turn."""
    decision = router.route(result.conversation)
    assert decision.handoff
    return idempotency_key(router.payload(result.conversation, decision))


def stored(outbox: Outbox, key: str) -> bool:
    try:
        outbox.payload(key)
    except KeyError:
        return False
    return True


def assert_no_pii(records: list[logging.LogRecord]) -> None:
    for record in records:
        line = record.getMessage() + (record.exc_text or "")
        for secret in (*PII, SENDER, "447700900123"):
            assert secret not in line, (record.name, line)
        assert record.exc_info is None, "tracebacks carry exception messages with input values"


def assert_honest_failure(result: TurnResult) -> None:
    assert not paused(result)
    assert result.delivery_failed
    assert result.payload is None
    assert result.message == STORAGE_FAILED_MESSAGE
    assert result.decision.lane == "bot"
    assert not result.decision.handoff
    assert result.decision.state.lane_kind == "bot"


# --------------------------------------------------------------------------- the outbox file


@pytest.fixture
def outbox_path(tmp_path: Path) -> Path:
    return tmp_path / "outbox.sqlite"


@pytest.fixture
def outbox(outbox_path: Path) -> Iterator[Outbox]:
    # A short busy timeout: the lock test must not wait the default 30 s.
    box = Outbox(f"sqlite:///{outbox_path}?timeout=0.2", sinks=("webhook",))
    yield box
    box.close()


@pytest.fixture
def pii_turn() -> list[dict[str, Any]]:
    text = f"I want a human now, my card {PII[0]}, mail {PII[1]}, phone {PII[2]}"
    return [user(text)]


class TestOutboxFaults:
    def test_healthy_outbox_pause_means_stored(
        self, router: Router, outbox: Outbox, pii_turn: list[dict[str, Any]]
    ) -> None:
        """Baseline: the handoff pauses, and the payload is in the outbox under its key."""
        result = route_tracker(
            router, tracker(pii_turn), deliver=outbox_deliver(outbox), state_secret=SECRET
        )
        assert paused(result)
        assert not result.delivery_failed
        assert result.payload is not None
        assert stored(outbox, idempotency_key(result.payload))

    def test_corrupted_file(
        self,
        router: Router,
        outbox: Outbox,
        outbox_path: Path,
        pii_turn: list[dict[str, Any]],
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        """The file is overwritten with garbage: no pause, an honest message, a loud error."""
        outbox.close()  # drop pooled connections: the next put opens the file afresh
        for leftover in outbox_path.parent.glob(outbox_path.name + "-*"):
            leftover.unlink()
        outbox_path.write_bytes(b"this is not a database " * 500)
        caplog.set_level(logging.DEBUG)
        result = route_tracker(
            router, tracker(pii_turn), deliver=outbox_deliver(outbox), state_secret=SECRET
        )
        assert_honest_failure(result)
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert errors
        assert "NOT stored" in errors[-1].getMessage()
        assert_no_pii(caplog.records)

    def test_locked_by_another_process(
        self,
        router: Router,
        outbox: Outbox,
        outbox_path: Path,
        pii_turn: list[dict[str, Any]],
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        """Another process holds the write lock: nothing promised, nothing stored; once the
        lock is released the next turn hands over and the payload is stored."""
        outbox.check()  # the file and tables exist before the other process locks them
        holder = subprocess.Popen(
            [sys.executable, "-c",
             "import sqlite3, sys\n"
             f"c = sqlite3.connect({str(outbox_path)!r}, isolation_level=None)\n"
             "c.execute('BEGIN EXCLUSIVE')\n"
             "print('locked', flush=True)\n"
             "sys.stdin.readline()\n"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            caplog.set_level(logging.DEBUG)
            first = route_tracker(
                router, tracker(pii_turn), deliver=outbox_deliver(outbox), state_secret=SECRET
            )
        finally:
            assert holder.stdin is not None
            holder.stdin.write("\n")
            holder.stdin.close()
            holder.wait(timeout=30)
            assert holder.stdout is not None
            holder.stdout.close()
        assert_honest_failure(first)
        assert not stored(outbox, intended_key(router, first))
        assert_no_pii(caplog.records)

        # The customer asks again; storage works again: the handoff is retried and stored.
        events = [*pii_turn, {"event": "bot", "text": first.message}, user("a person please")]
        second = route_tracker(
            router, tracker(events, slots={SLOT_STATE: state_of(first)}),
            deliver=outbox_deliver(outbox), state_secret=SECRET,
        )  # fmt: skip
        assert paused(second)
        assert not second.delivery_failed
        assert second.payload is not None
        assert stored(outbox, idempotency_key(second.payload))

    def test_disk_full(
        self, router: Router, outbox_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        """SQLite cannot grow the file (PRAGMA max_page_count): every turn, pause ⇔ stored."""
        limit: dict[str, int] = {}
        engine = sa.create_engine(f"sqlite:///{outbox_path}")

        @event.listens_for(engine, "connect")
        def _cap(dbapi_connection: Any, _record: Any) -> None:
            if "pages" in limit:
                dbapi_connection.execute(f"PRAGMA max_page_count = {limit['pages']}")

        box = Outbox(engine, sinks=("webhook",))
        before = route_tracker(
            router, tracker([user("human please, before the disk filled up")]),
            deliver=outbox_deliver(box), state_secret=SECRET,
        )  # fmt: skip
        with engine.connect() as connection:
            limit["pages"] = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
        engine.dispose()
        caplog.set_level(logging.DEBUG)
        results = []
        for index in range(4):
            # Long messages need new pages; each turn is a new, bigger transcript.
            text = f"human please {index} " + "my account was charged twice " * 300
            results.append(
                route_tracker(
                    router,
                    tracker([user(text)], sender=f"{SENDER}-{index}"),
                    deliver=outbox_deliver(box),
                    state_secret=SECRET,
                )
            )
        limit.pop("pages")
        engine.dispose()
        results.append(before)
        assert any(r.delivery_failed for r in results)
        assert any(paused(r) for r in results)
        for result in results:
            key = intended_key(router, result)
            assert paused(result) == stored(box, key)
            assert paused(result) != result.delivery_failed
            if result.delivery_failed:
                assert_honest_failure(result)
        assert_no_pii(caplog.records)
        engine.dispose()


# --------------------------------------------------------------------------- other faults


class _PayloadFails(Router):
    """A router whose payload build raises with personal data in the message, as a
    pydantic ValidationError or an OverflowError from a bad SLA would."""

    def payload(self, conversation: Conversation, decision: Decision, **kwargs: Any) -> Any:
        raise ValueError(f"cannot build payload for {conversation.id}: {PII[0]} {PII[1]}")


def test_failing_payload_build(
    router: Router, outbox: Outbox, pii_turn: list[dict[str, Any]], caplog: pytest.LogCaptureFixture
) -> None:
    """The payload cannot be built: no pause, nothing stored, the error logged without PII."""
    broken = _PayloadFails(router.compiled)
    caplog.set_level(logging.DEBUG)
    result = route_tracker(
        broken, tracker(pii_turn), deliver=outbox_deliver(outbox), state_secret=SECRET
    )
    assert_honest_failure(result)
    assert outbox.stats().total == 0
    assert "ValueError" in result.decision.error  # type: ignore[operator]
    assert_no_pii(caplog.records)


def test_safe_lane_needs_a_stored_payload_too(
    router: Router, outbox: Outbox, outbox_path: Path
) -> None:
    """An unreadable tracker goes to the safe (human) lane only if its payload is stored."""
    broken = tracker([user("hello")])
    broken.events = None  # type: ignore[assignment]
    broken.latest_message = "not a dict"  # type: ignore[assignment]
    ok = route_tracker(router, broken, deliver=outbox_deliver(outbox), state_secret=SECRET)
    assert ok.decision.lane == router.ruleset.settings.safe_lane
    assert paused(ok)
    assert ok.payload is not None
    assert stored(outbox, idempotency_key(ok.payload))

    outbox.close()
    outbox_path.write_bytes(b"\x00garbage" * 1000)
    failed = route_tracker(router, broken, deliver=outbox_deliver(outbox), state_secret=SECRET)
    assert_honest_failure(failed)
    assert "fault" in [step.kind for step in failed.decision.trace]


def test_retry_keeps_pending_confirmations(router: Router) -> None:
    """After a failed handoff the state is the turn's own: no human lane, pending kept."""
    state = {"pending": {"mood_sliding": 1}, "handback_turn": 0}

    def fail(payload: ContextPayload, decision: Decision) -> None:
        raise OSError("disk I/O error")

    result = route_tracker(
        router, tracker([user("I want to talk to a human")], slots={SLOT_STATE: state}),
        deliver=fail,
    )  # fmt: skip
    assert_honest_failure(result)
    assert result.decision.state.pending == {"mood_sliding": 1}
    assert result.decision.state.handback_turn == 0
    assert result.decision.state.rule is None


# --------------------------------------------------------------------------- designers' choice


CUSTOM = """\
settings:
  default_lane: bot
  safe_lane: people
  when_storage_fails:
    lane: {lane}
    message: Our team is unreachable just now; please try again soon.
lanes:
  bot: {{kind: bot}}
  sorry: {{kind: bot, description: apologises and offers self-service}}
  people: {{kind: human, message: A person is coming.}}
rules:
  - id: asked
    when: {{human_request: true}}
    lane: people
    reason: asked for a person
"""


def test_when_storage_fails_lane_and_message(outbox: Outbox) -> None:
    """Designers choose the lane (a bot lane) and the words for a failed handoff."""
    custom = Router.from_yaml(CUSTOM.format(lane="sorry"))

    def fail(payload: ContextPayload, decision: Decision) -> None:
        raise OSError("disk full")

    result = route_tracker(custom, tracker([user("a human please")]), deliver=fail)
    assert not paused(result)
    assert result.decision.lane == "sorry"
    assert result.message == "Our team is unreachable just now; please try again soon."


def test_when_storage_fails_lane_must_be_a_bot_lane() -> None:
    """A human lane there is refused at load time, with file:line and a hint."""
    with pytest.raises(RulesError) as caught:
        Router.from_yaml(CUSTOM.format(lane="people"), filename="custom.yaml")
    text = str(caught.value)
    assert "custom.yaml:5:" in text
    assert "choose a lane of kind bot" in text


def test_no_delivery_configured_still_needs_a_payload(router: Router) -> None:
    """deliver=None: the caller owns the payload; a payload that cannot be built still
    means no pause."""
    ok = route_tracker(router, tracker([user("human please")]))
    assert paused(ok)
    assert ok.payload is not None
    failed = route_tracker(_PayloadFails(router.compiled), tracker([user("human please")]))
    assert_honest_failure(failed)


# --------------------------------------------------------------------------- surrogates

# st.text() never yields surrogates, even from an alphabet that has them: join characters.
surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
text = st.lists(st.one_of(st.characters(), surrogates), max_size=40).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    said=text, sender=text, metadata=st.dictionaries(text, json_values, max_size=3),
    entity=text, slots=st.dictionaries(text, json_values, max_size=3),
)  # fmt: skip
def test_any_text_gives_a_storable_payload(  # noqa: PLR0917  (hypothesis passes them)
    router: Router,
    tmp_path: Path,
    said: str,
    sender: str,
    metadata: dict[str, Any],
    entity: str,
    slots: dict[str, Any],
) -> None:
    """Lone surrogates anywhere (text, sender id, metadata, entities, slots) still give a
    payload that encodes as UTF-8 and is stored; every pause has its payload stored."""
    event_ = user(
        "human please " + said, metadata=metadata,
        entities=[{"entity": entity or "x", "value": said, "start": 0, "end": 1}],
    )  # fmt: skip
    path = tmp_path / f"surrogates-{abs(hash((said, sender)))}.sqlite"
    box = Outbox(f"sqlite:///{path}", sinks=("webhook",))
    try:
        result = route_tracker(
            router, tracker([event_], sender=sender or "s", slots=copy.deepcopy(slots)),
            deliver=outbox_deliver(box), state_secret=SECRET,
        )  # fmt: skip
        assert not result.delivery_failed
        assert paused(result)
        assert result.payload is not None
        result.payload.model_dump_json().encode("utf-8")
        assert stored(box, idempotency_key(result.payload))
    finally:
        box.close()


@settings(max_examples=60, deadline=None)
@given(said=text, sender=text, name=text)
def test_json_path_replaces_surrogates(said: str, sender: str, name: str) -> None:
    """Conversation.from_json reads lone surrogates (valid JSON) and replaces them."""
    turn = {"role": "user", "text": said, "intent": {"name": name or "x", "confidence": 0.5}}
    account = {"customer_id": said, "risk_flags": [name]}
    data = {"id": sender, "turns": [turn], "metadata": {name: [said]}, "account": account}
    conversation = Conversation.from_json(json.dumps(data))
    conversation.model_dump_json().encode("utf-8")
    first = conversation.turns[0]
    for value in (conversation.id, first.text, conversation.account.customer_id or ""):
        assert not any(0xD800 <= ord(c) <= 0xDFFF for c in value)


def test_the_strategy_yields_lone_surrogates() -> None:
    """Guard for the two tests above: hypothesis' own text() filters surrogates out."""
    found = []

    @settings(max_examples=50, database=None)
    @given(text)
    def probe(value: str) -> None:
        found.append(any(0xD800 <= ord(c) <= 0xDFFF for c in value))

    probe()
    assert any(found)


@pytest.mark.parametrize(
    "confidence", [float("nan"), float("inf"), float("-inf"), "high", None, 2, -0.5, True, 10**400]
)
def test_bad_confidence_reads_as_unsure(router: Router, confidence: Any) -> None:
    """NaN, infinities, strings, null, booleans and out-of-range numbers read as 0.0, so
    "unsure intent" rules fire, in the adapter and in the JSON model path."""
    event_ = user("hmm", "greet")
    event_["parse_data"]["intent"]["confidence"] = confidence
    event_["parse_data"]["intent_ranking"][0]["confidence"] = confidence
    result = route_tracker(router, tracker([event_]))
    turn = result.conversation.latest_user_turn
    assert turn is not None
    assert turn.intent is not None
    assert turn.intent.confidence == 0.0
    assert router.signals(result.conversation).intent_confidence == 0.0
    if not isinstance(confidence, float) and confidence != 10**400:
        raw = json.dumps({"turns": [{"role": "user", "text": "hmm",
                          "intent": {"name": "greet", "confidence": confidence}}]})  # fmt: skip
        parsed = Conversation.from_json(raw).turns[0].intent
        assert parsed is not None
        assert parsed.confidence == 0.0


# --------------------------------------------------------------------------- PII in logs


class _Action(ActionHandoffRoute):
    def __init__(self, runtime: Runtime) -> None:
        self._runtime = runtime

    def runtime(self) -> Runtime:
        return self._runtime


def _leaky(payload: ContextPayload, decision: Decision) -> None:
    raise RuntimeError(f"INSERT failed for {payload.conversation_id}: {PII[0]} {PII[1]}")


def _leaky_hook(result: TurnResult) -> None:
    raise RuntimeError(f"metrics down for {result.conversation.id}: {PII[2]}")


@pytest.mark.parametrize(
    "path", ["stored", "forged state", "bad signature", "deliver raises", "build raises",
             "unreadable tracker", "hook raises"],
)  # fmt: skip
def test_no_personal_data_in_logs(
    router: Router, outbox: Outbox, path: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Card, email and phone in the text, the sender id and the state's values never reach
    a log line (nor a traceback), on the happy path and on every failure path."""
    text = f"I want a human, card {PII[0]}, {PII[1]}, call {PII[2]}"
    state: Any = None
    if path == "forged state":
        state = {"lane": PII[1], "override_lane": "supervisor", "rule": PII[0]}
    elif path == "bad signature":
        state = {"v": 1, "state": {"rule": PII[0]}, "sig": PII[1]}
    runtime = Runtime(
        router=_PayloadFails(router.compiled) if path == "build raises" else router,
        deliver=_leaky if path == "deliver raises" else outbox_deliver(outbox),
        on_turn=(_leaky_hook,) if path == "hook raises" else (),
        state_secret=SECRET,
    )
    request = tracker([user(text)], slots={SLOT_STATE: state} if state else None)
    if path == "unreadable tracker":
        request.events = [{"event": "user", "text": text, "parse_data": PII[0]}]  # type: ignore[list-item]
    caplog.set_level(logging.DEBUG)
    events = asyncio.run(_Action(runtime).run(CollectingDispatcher(), request, {}))
    assert events
    assert caplog.records or path == "stored"
    assert_no_pii(caplog.records)
