"""Several processes writing one PostgreSQL at once: the outbox and the desktop's webhook
store stay exactly-once by idempotency key (issue 16, "many action servers").

Each test starts real worker processes (``multiprocessing``, spawn: nothing shared with
this one but the database) that wait on one barrier and then write together:

- the outbox: every process plays an action server starting on an empty database (they
  race to create the tables), then putting the SAME handoff payloads (in its own shuffled
  order, so the idempotent put races) while its own delivery thread claims and delivers
  to a JSON-lines file of its own; every key reaches the sink files exactly once, and the
  outbox ends with every row delivered, none pending or dead;
- the desktop: every process plays a desktop process receiving the SAME deliveries (as an
  at-least-once sender retrying on several instances would), two payloads per conversation;
  each key is stored once (the repeats counted as duplicates), each conversation is in the
  queue once, showing its newest payload whatever the order of arrival.

Needs HANDOFF_TEST_POSTGRES_URL (``source .ci/postgres.sh``): each test creates a database
of its own on that server and drops it. SQLite is covered by tests/test_delivery.py.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from handoff import Conversation, Router
from handoff.models import ContextPayload
from tests.conftest import RULES
from tests.governance.hot_reload import database

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("HANDOFF_TEST_POSTGRES_URL"),
        reason="set HANDOFF_TEST_POSTGRES_URL (source .ci/postgres.sh) to run it on PostgreSQL",
    ),
]

PROCESSES = 4
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
WAIT = 120.0


def _conversation(index: int, turns: int) -> Conversation:
    said: list[dict[str, Any]] = []
    for turn in range(turns):
        if said:
            said.append({"role": "bot", "text": "Connecting you.", "action": "utter_connecting"})
        said.append(
            {
                "role": "user",
                "text": f"I want a human, please ({turn})",
                "intent": {"name": "request_human", "confidence": 0.99},
            }
        )
    return Conversation.model_validate({"id": f"chat-{index}", "channel": "web", "turns": said})


def _payloads(router: Router, conversations: int, per_conversation: int) -> list[ContextPayload]:
    """Handoff payloads: ``per_conversation`` successive turns of each conversation, each
    later turn built a minute later (so the desktop can tell the newest)."""
    out = []
    for index in range(conversations):
        for turn in range(per_conversation):
            conversation = _conversation(index, turns=turn + 1)
            now = NOW + timedelta(minutes=turn)
            decision = router.route(conversation, now=now)
            assert decision.handoff
            out.append(router.payload(conversation, decision, now=now))
    return out


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(RULES / "default.yaml")


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    with database(tmp_path, "workers") as url:
        yield url


def _run(target: Any, args_for: list[tuple[Any, ...]]) -> None:
    """Run ``target`` in one spawned process per argument tuple; all must exit 0."""
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=target, args=args) for args in args_for]
    for process in processes:
        process.start()
    for process in processes:
        process.join(WAIT)
    for process in processes:
        if process.is_alive():
            process.kill()
            process.join()
    assert [process.exitcode for process in processes] == [0] * len(processes)


# ------------------------------------------------------------------------------ outbox


def _action_server(  # noqa: PLR0917  (multiprocessing passes args by position)
    url: str, bodies: list[str], sink: str, seed: int, total: int, barrier: Any
) -> None:
    """One action server's share: put every payload (shuffled) with a delivery thread
    running, then wait until the outbox has delivered all ``total`` keys."""
    from handoff.delivery import DeliveryWorker, JsonlSink, Outbox  # noqa: PLC0415

    payloads = [ContextPayload.model_validate_json(body) for body in bodies]
    random.Random(seed).shuffle(payloads)
    barrier.wait(WAIT)
    # Created after the barrier: the processes also race to create the outbox's tables in
    # the empty database, as a fleet of servers starting together does.
    outbox = Outbox(url, sinks=["jsonl"])
    worker = DeliveryWorker(outbox, [JsonlSink(sink)], batch_size=3, base_delay=0.01)
    handle = worker.start_thread(poll_interval=0.01)
    try:
        for payload in payloads:
            outbox.put(payload, decision_json="{}")
        deadline = time.monotonic() + WAIT
        while outbox.stats().delivered < total:
            if time.monotonic() > deadline:
                raise SystemExit(f"not all delivered: {outbox.stats()}")
            time.sleep(0.05)
    finally:
        handle.stop()
        outbox.close()


def test_outbox_puts_and_claims_from_several_processes_deliver_each_key_once(
    tmp_path: Path, pg_url: str, router: Router
) -> None:
    from handoff.delivery import Outbox, idempotency_key  # noqa: PLC0415

    payloads = _payloads(router, conversations=60, per_conversation=2)
    keys = {idempotency_key(payload) for payload in payloads}
    assert len(keys) == len(payloads)
    bodies = [payload.model_dump_json() for payload in payloads]
    barrier = multiprocessing.get_context("spawn").Barrier(PROCESSES)
    sinks = [tmp_path / f"sink-{n}.jsonl" for n in range(PROCESSES)]
    _run(
        _action_server,
        [(pg_url, bodies, str(sinks[n]), n, len(keys), barrier) for n in range(PROCESSES)],
    )
    sent = Counter(
        json.loads(line)["idempotency_key"]
        for path in sinks
        if path.exists()
        for line in path.read_text(encoding="utf-8").splitlines()
    )
    assert set(sent) == keys, "lost keys"
    assert [key for key, count in sent.items() if count > 1] == [], "duplicated keys"
    shares = [len(p.read_text().splitlines()) if p.exists() else 0 for p in sinks]
    print(f"\ndeliveries per process: {shares}")
    with Outbox(pg_url, sinks=["jsonl"]) as outbox:
        stats = outbox.stats()
        assert (stats.pending, stats.delivered, stats.dead) == (0, len(keys), 0)
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as connection:
            count = connection.execute(
                sa.text("SELECT count(*) FROM handoff_outbox_messages")
            ).scalar_one()
    finally:
        engine.dispose()
    assert count == len(keys)


# ------------------------------------------------------------------------------ desktop


def _desktop_process(
    url: str, deliveries: list[tuple[str, bytes]], seed: int, barrier: Any, out: Any
) -> None:
    """One desktop process's share: receive every delivery (shuffled); report outcomes."""
    from handoff.desktop import Desktop  # noqa: PLC0415

    order = list(deliveries)
    random.Random(seed).shuffle(order)
    desk = Desktop(url)
    try:
        barrier.wait(WAIT)
        outcomes = Counter(desk.receive(key, body) for key, body in order)
    finally:
        desk.close()
    out.put(dict(outcomes))


def test_desktop_receives_each_payload_once_from_several_processes(
    pg_url: str, router: Router
) -> None:
    from handoff.delivery import idempotency_key  # noqa: PLC0415
    from handoff.desktop import Desktop  # noqa: PLC0415
    from handoff.desktop.store import Conversation as Conv  # noqa: PLC0415
    from handoff.desktop.store import Delivery  # noqa: PLC0415

    with Desktop(pg_url) as desk:
        desk.upgrade()
        desk.sync_lanes(router)
    payloads = _payloads(router, conversations=40, per_conversation=2)
    deliveries = [(idempotency_key(p), p.model_dump_json().encode()) for p in payloads]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES)
    out = context.Queue()
    _run(
        _desktop_process,
        [(pg_url, deliveries, seed, barrier, out) for seed in range(PROCESSES)],
    )
    outcomes: Counter[str] = Counter()
    for _ in range(PROCESSES):
        outcomes.update(out.get(timeout=10))
    total = len(deliveries) * PROCESSES
    assert sum(outcomes.values()) == total
    # Each key is new to exactly one process; every other receipt of it is a duplicate.
    assert outcomes["duplicate"] == total - len(deliveries)
    assert outcomes["stored"] == 40  # one new conversation each
    assert outcomes["stored"] + outcomes["updated"] + outcomes["stale"] == len(deliveries)
    engine = sa.create_engine(pg_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(sa.select(Delivery.key, Delivery.duplicates)).all()
            conversations = connection.execute(
                sa.select(Conv.conversation_id, Conv.status, Conv.payload_created_at)
            ).all()
    finally:
        engine.dispose()
    assert {row.key for row in rows} == {key for key, _ in deliveries}
    assert len(rows) == len(deliveries)
    assert sum(row.duplicates for row in rows) == total - len(deliveries)
    assert Counter(row.conversation_id for row in conversations) == Counter(
        {f"chat-{index}": 1 for index in range(40)}
    )
    assert {row.status for row in conversations} == {"waiting"}
    newest = (NOW + timedelta(minutes=1)).timestamp()
    assert {row.payload_created_at for row in conversations} == {newest}


ROUNDS = 15


def _desktop_starting(url: str, first: bool, barrier: Any, out: Any) -> None:
    """One desktop process starting: it syncs the rule set's lanes, as ``handoff desktop
    serve`` does, at the same moment as the others; ``ROUNDS`` times, the first process
    emptying the lanes between rounds so that every round races on new lanes."""
    from handoff.desktop import Desktop  # noqa: PLC0415
    from handoff.desktop.store import Audit, Change, Lane  # noqa: PLC0415

    router = Router.from_path(RULES / "default.yaml")
    desk = Desktop(url)
    engine = sa.create_engine(url)
    try:
        for _ in range(ROUNDS):
            barrier.wait(WAIT)
            out.put(desk.sync_lanes(router))
            barrier.wait(WAIT)
            if first:
                with engine.begin() as connection:
                    for table in (Change, Audit, Lane):
                        connection.execute(sa.delete(table))
    finally:
        engine.dispose()
        desk.close()


def test_desktops_starting_together_each_sync_the_lanes_without_failing(
    pg_url: str, router: Router
) -> None:
    """CI once saw a desktop exit at start-up with a duplicate key on ``desktop_lanes``:
    two processes inserted the same new lane. The loser now reruns and sees the winner's
    row, so every process starts, and each lane is created by exactly one of them."""
    from handoff.desktop import Desktop  # noqa: PLC0415

    with Desktop(pg_url) as desk:
        desk.upgrade()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(PROCESSES)
    out = context.Queue()
    _run(
        _desktop_starting,
        [(pg_url, index == 0, barrier, out) for index in range(PROCESSES)],
    )
    changed = [out.get(timeout=10) for _ in range(PROCESSES * ROUNDS)]
    human = sorted(lane_id for lane_id, lane in router.ruleset.lanes.items() if lane.kind != "bot")
    # In every round each lane was created by exactly one process; the others found it.
    created = Counter(lane_id for ids in changed for lane_id in ids)
    assert created == Counter(dict.fromkeys(human, ROUNDS))
