"""Reliability under faults: how many accepted payloads are lost (target 0), and how long it takes.

Each scenario puts payloads through the real outbox while a fault happens, then waits (bounded)
for delivery and counts, by idempotency key:

- ``accepted``: ``put`` returned a key (a customer would be told a person is coming);
- ``refused``: ``put`` raised ``StorageUnavailable`` (the customer gets an honest message);
- ``delivered``: accepted keys that reached the sink; ``lost = accepted - delivered``.

Scenarios: the worker process killed with ``kill -9`` again and again while payloads are put;
the receiver down for ``HANDOFF_RELIABILITY_DOWN_SECONDS`` (default 5; run it once with 600
for the 10-minute figure); the outbox write-locked by another process; the outbox file
corrupted; SQLite's disk full. Figures go to ``extra_info`` (kind ``reliability``), where
``report.py`` reads them. Each scenario runs once (they are experiments, not timings).
"""

from __future__ import annotations

import contextlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from handoff import Conversation, Router
from handoff.delivery import DeliveryWorker, JsonlSink, Outbox, WebhookSink
from handoff.errors import StorageUnavailable
from handoff.models import ContextPayload
from tests.conftest import ROOT, free_port, start_delivery_worker, start_receiver, stop

PAYLOADS = int(os.environ.get("HANDOFF_RELIABILITY_PAYLOADS", "200"))
DOWN_SECONDS = float(os.environ.get("HANDOFF_RELIABILITY_DOWN_SECONDS", "5"))
KILLS = int(os.environ.get("HANDOFF_RELIABILITY_KILLS", "5"))
# Every wait below is bounded: a scenario that cannot finish fails instead of hanging CI.
DRAIN_SECONDS = 120.0


SECRET = "reliability-secret"
TOKEN = "reliability-token"


@pytest.fixture(scope="module")
def payloads() -> list[ContextPayload]:
    """PAYLOADS distinct handoff payloads, built by the real engine."""
    router = Router.from_path(ROOT / "rules" / "default.yaml")
    asks = {"name": "request_human", "confidence": 0.99}
    out = []
    for index in range(PAYLOADS):
        conversation = Conversation.model_validate(
            {"id": f"chat-{index}", "turns": [{"role": "user", "text": "a human", "intent": asks}]}
        )
        decision = router.route(conversation)
        out.append(router.payload(conversation, decision))
    return out


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


class ReceiverProcess:
    """The reference receiver as a real process, started and stopped at will."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.db = folder / "received.sqlite"
        self.log = folder / "receiver.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = start_receiver(self.port, self.db, self.log, secret=SECRET, token=TOKEN)

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            stop(process, timeout=30)

    def received(self) -> list[dict[str, Any]]:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        response = httpx.get(self.url + "/payloads", headers=auth, timeout=30)
        response.raise_for_status()
        items: list[dict[str, Any]] = response.json()
        return items


def _record(benchmark: Any, scenario: str, **figures: Any) -> None:
    figures["lost"] = figures["accepted"] - figures["delivered"]
    benchmark.extra_info.update(kind="reliability", scenario=scenario, **figures)
    print(f"\n{scenario}: {figures}")
    assert figures["lost"] == 0, figures


def _once(benchmark: Any, scenario: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Run ``scenario`` exactly once under pytest-benchmark (also with --benchmark-disable)."""
    result: dict[str, Any] = benchmark.pedantic(scenario, rounds=1, iterations=1)
    return result


def _put_all(
    outbox: Outbox, payloads: list[ContextPayload], pause: float = 0.0
) -> tuple[list[str], int, float]:
    """Put each payload; (accepted keys, refused count, slowest put in seconds)."""
    accepted: list[str] = []
    refused = 0
    slowest = 0.0
    for payload in payloads:
        started = time.monotonic()
        try:
            accepted.append(outbox.put(payload))
        except StorageUnavailable:
            refused += 1
        slowest = max(slowest, time.monotonic() - started)
        if pause:
            time.sleep(pause)
    return accepted, refused, slowest


def _received_keys(receiver: ReceiverProcess) -> set[str]:
    return {str(item["idempotency_key"]) for item in receiver.received()}


def _jsonl_keys(path: Path) -> set[str]:
    import json  # noqa: PLC0415

    if not path.exists():
        return set()
    return {json.loads(line)["idempotency_key"] for line in path.read_text().splitlines()}


def bench_worker_killed(benchmark: Any, tmp_path: Path, payloads: list[ContextPayload]) -> None:
    """The worker process is killed -9 KILLS times while payloads are put; all arrive once."""
    receiver = ReceiverProcess(tmp_path)
    receiver.start()
    url = f"sqlite:///{tmp_path / 'outbox.db'}"
    log = tmp_path / "worker.log"

    def scenario() -> dict[str, Any]:
        started = time.monotonic()
        with Outbox(url) as outbox:
            result: dict[str, Any] = {}
            producer = threading.Thread(
                target=lambda: result.update(
                    zip(
                        ("keys", "refused", "slowest"),
                        _put_all(outbox, payloads, 0.05),
                        strict=True,
                    )
                )
            )
            producer.start()
            kills = 0
            worker = start_delivery_worker(url, receiver.url + "/payloads", SECRET, log)
            while kills < KILLS:
                # Kill it mid-delivery: once it has delivered something more, at a random moment
                # (Up to 15 s: with nothing left to deliver it is killed idle.)
                seen = len(receiver.received())

                def progressed(seen: int = seen) -> bool:
                    return len(receiver.received()) > seen

                wait_until(progressed, timeout=15)
                time.sleep(random.uniform(0.0, 0.2))
                worker.send_signal(signal.SIGKILL)
                worker.wait(timeout=30)
                kills += 1
                worker = start_delivery_worker(url, receiver.url + "/payloads", SECRET, log)
            producer.join(DRAIN_SECONDS)
            try:
                keys = set(result["keys"])
                wait_until(lambda: keys <= _received_keys(receiver), timeout=DRAIN_SECONDS)
            finally:
                stop(worker, timeout=30)
            received = receiver.received()
        delivered = keys & {str(item["idempotency_key"]) for item in received}
        duplicates = sum(int(item["duplicates"]) for item in received)
        return {
            "accepted": len(keys),
            "refused": result["refused"],
            "delivered": len(delivered),
            "kills": kills,
            "redeliveries": duplicates,
            "seconds": round(time.monotonic() - started, 2),
        }

    try:
        figures = _once(benchmark, scenario)
    finally:
        receiver.stop()
    _record(benchmark, "worker killed -9 repeatedly", **figures)


def bench_receiver_down(benchmark: Any, tmp_path: Path, payloads: list[ContextPayload]) -> None:
    """The receiver is down DOWN_SECONDS while every payload is put; all arrive when it is back."""
    receiver = ReceiverProcess(tmp_path)
    receiver.start()
    receiver.stop()

    def scenario() -> dict[str, Any]:
        started = time.monotonic()
        sink = WebhookSink(receiver.url + "/payloads", SECRET)
        with Outbox(f"sqlite:///{tmp_path / 'outbox.db'}", sinks=[sink]) as outbox:
            # The defaults (50 attempts, back-off up to 60 s): about 20 minutes of retries.
            handle = DeliveryWorker(outbox, [sink]).start_thread(poll_interval=0.2)
            try:
                keys, refused, _ = _put_all(outbox, payloads)
                time.sleep(max(0.0, DOWN_SECONDS - (time.monotonic() - started)))
                dead_while_down = outbox.stats().dead
                receiver.start()
                back = time.monotonic()
                wait_until(
                    lambda: outbox.stats().delivered >= len(keys), timeout=DRAIN_SECONDS + 60
                )
                drained = time.monotonic() - back
            finally:
                handle.stop()
                sink.close()
            delivered = set(keys) & _received_keys(receiver)
        return {
            "accepted": len(keys),
            "refused": refused,
            "delivered": len(delivered),
            "down_seconds": DOWN_SECONDS,
            "dead_while_down": dead_while_down,
            "drain_seconds": round(drained, 2),
            "seconds": round(time.monotonic() - started, 2),
        }

    try:
        figures = _once(benchmark, scenario)
    finally:
        receiver.stop()
    _record(benchmark, f"receiver down {DOWN_SECONDS:g} s", **figures)


def bench_outbox_locked(benchmark: Any, tmp_path: Path, payloads: list[ContextPayload]) -> None:
    """Another process write-locks the outbox for 3 s mid-stream: puts refused, none lost."""
    path = tmp_path / "outbox.db"
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(out)

    def scenario() -> dict[str, Any]:
        started = time.monotonic()
        with Outbox(f"sqlite:///{path}", sinks=[sink]) as outbox:
            handle = DeliveryWorker(outbox, [sink]).start_thread(poll_interval=0.05)
            code = (
                "import sqlite3, sys, time\n"
                f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
                "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True)\n"
                "time.sleep(3); c.execute('ROLLBACK')\n"
            )
            third = len(payloads) // 3
            keys, refused, slowest = _put_all(outbox, payloads[:third])
            locker = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
            assert locker.stdout is not None
            locker.stdout.readline()
            more, refused_more, slowest_more = _put_all(outbox, payloads[third:], 0.01)
            locker.wait(timeout=30)
            locker.stdout.close()
            keys += more
            try:
                wait_until(lambda: set(keys) <= _jsonl_keys(out), timeout=DRAIN_SECONDS)
            finally:
                handle.stop()
        return {
            "accepted": len(keys),
            "refused": refused + refused_more,
            "delivered": len(set(keys) & _jsonl_keys(out)),
            "lock_seconds": 3,
            "slowest_put_seconds": round(max(slowest, slowest_more), 2),
            "seconds": round(time.monotonic() - started, 2),
        }

    _record(benchmark, "outbox locked 3 s by another process", **_once(benchmark, scenario))


def bench_outbox_corrupted(benchmark: Any, tmp_path: Path, payloads: list[ContextPayload]) -> None:
    """The outbox file is overwritten after a first half is delivered: the rest is refused."""
    path = tmp_path / "outbox.db"
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(out)

    def scenario() -> dict[str, Any]:
        started = time.monotonic()
        half = len(payloads) // 2
        with Outbox(f"sqlite:///{path}", sinks=[sink]) as outbox:
            keys, refused, _ = _put_all(outbox, payloads[:half])
            worker = DeliveryWorker(outbox, [sink], batch_size=500)
            while worker.run_once():
                pass
        data = bytearray(path.read_bytes())
        data[:100] = b"\xde\xad" * 50
        path.write_bytes(bytes(data))
        with Outbox(f"sqlite:///{path}", sinks=[sink]) as outbox:
            try:
                outbox.check()
                check_red = False
            except StorageUnavailable:
                check_red = True
            more, refused_more, slowest = _put_all(outbox, payloads[half:])
        keys += more
        return {
            "accepted": len(keys),
            "refused": refused + refused_more,
            "delivered": len(set(keys) & _jsonl_keys(out)),
            "readiness_red": check_red,
            "slowest_put_seconds": round(slowest, 3),
            "seconds": round(time.monotonic() - started, 2),
        }

    figures = _once(benchmark, scenario)
    assert figures["readiness_red"]
    _record(benchmark, "outbox file corrupted", **figures)


def bench_disk_full(benchmark: Any, tmp_path: Path, payloads: list[ContextPayload]) -> None:
    """SQLite's real SQLITE_FULL (max_page_count): later puts refused, accepted ones arrive."""
    url = f"sqlite:///{tmp_path / 'outbox.db'}"
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(out)

    def scenario() -> dict[str, Any]:
        started = time.monotonic()
        engine = sa.create_engine(url, hide_parameters=True)

        def limit(dbapi_connection: Any, _record: Any) -> None:
            # Room for part of the payloads only.
            dbapi_connection.execute(f"PRAGMA max_page_count = {20 + len(payloads) // 4}")

        sa.event.listen(engine, "connect", limit)
        try:
            with Outbox(engine, sinks=[sink]) as outbox:
                keys, refused, slowest = _put_all(outbox, payloads)
                try:
                    outbox.check()
                    check_red = False
                except StorageUnavailable:
                    check_red = True
                # A full disk stalls delivery too (claiming a row writes to it): the rows wait.
                with contextlib.suppress(StorageUnavailable):
                    DeliveryWorker(outbox, [sink], batch_size=500).run_once()
                delivered_while_full = len(set(keys) & _jsonl_keys(out))
        finally:
            engine.dispose()
        # Room again (the operator freed space): everything accepted goes out.
        with Outbox(url, sinks=[sink]) as outbox:
            worker = DeliveryWorker(outbox, [sink], batch_size=500)
            while worker.run_once():
                pass
        return {
            "accepted": len(keys),
            "refused": refused,
            "delivered": len(set(keys) & _jsonl_keys(out)),
            "delivered_while_full": delivered_while_full,
            "readiness_red": check_red,
            "slowest_put_seconds": round(slowest, 3),
            "seconds": round(time.monotonic() - started, 2),
        }

    figures = _once(benchmark, scenario)
    assert figures["refused"] > 0, "the disk never filled up"
    _record(benchmark, "disk full (SQLite max_page_count)", **figures)
