"""The delivery worker against receivers that refuse, throttle, stall, and a worker killed -9.

Every receiver here is a real HTTP server on 127.0.0.1; the crash test kills a real worker
process (``python -m handoff.delivery run``) with SIGKILL.
"""

from __future__ import annotations

import email.utils
import logging
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from handoff import Router
from handoff.delivery import DeliveryWorker, Outbox, WebhookSink, verify
from handoff.models import ContextPayload
from tests.conftest import ROOT, start_delivery_worker
from tests.test_delivery import FakeClock, _payload, wait_until

SECRET = "worker-secret"


class Desk(ThreadingHTTPServer):
    """A receiver that verifies, stores each key once, and can answer slowly or with an error.

    ``status``/``headers``: the answer. ``delay``: seconds to wait *after storing* before
    answering (a slow desktop). ``hang``: an event the first request waits for before doing
    anything (a stalled desktop).
    """

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _DeskHandler)
        self.status = 200
        self.headers: dict[str, str] = {}
        self.delay = 0.0
        self.answer = b""
        self.hang: threading.Event | None = None
        self.requests = 0
        self.stored: dict[str, bytes] = {}
        self.received: Counter[str] = Counter()
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/payloads"


class _DeskHandler(BaseHTTPRequestHandler):
    server: Desk

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        desk = self.server
        with desk.lock:
            desk.requests += 1
            first = desk.requests == 1
        if first and desk.hang is not None:
            desk.hang.wait(120)
            self.close_connection = True
            return
        assert verify(body, dict(self.headers.items()), SECRET)
        key = self.headers["Idempotency-Key"]
        with desk.lock:
            desk.received[key] += 1
            if desk.status < 300:
                desk.stored.setdefault(key, body)
        if desk.delay:
            time.sleep(desk.delay)
        self.send_response(desk.status)
        for name, value in desk.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(desk.answer)))
        self.end_headers()
        self.wfile.write(desk.answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def desk() -> Iterator[Desk]:
    """A receiver on a free loopback port, shut down after the test."""
    server = Desk()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        if server.hang is not None:
            server.hang.set()
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture(scope="module")
def payloads(default_router: Router) -> list[ContextPayload]:
    """20 handoff payloads built by the real engine."""
    return [_payload(default_router, index) for index in range(20)]


@pytest.fixture
def outbox(tmp_path: Path) -> Iterator[Outbox]:
    """A fresh SQLite outbox with one webhook sink."""
    with Outbox(f"sqlite:///{tmp_path / 'outbox.db'}") as box:
        yield box


class TestClassification:
    """Permanent failures go dead at once; transient ones are retried."""

    @pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 409, 410, 413, 422, 451])
    def test_permanent_statuses_are_dead_after_one_attempt(
        self, desk: Desk, outbox: Outbox, payloads: list[ContextPayload], status: int
    ) -> None:
        """No retry for a request that can never be accepted; the reason is kept."""
        desk.status = status
        key = outbox.put(payloads[0])
        with WebhookSink(desk.url, SECRET) as sink:
            worker = DeliveryWorker(outbox, [sink], clock=FakeClock())
            assert worker.run_once() == 0
            assert worker.run_once() == 0
        [row] = outbox.deliveries(key)
        assert (row.status, row.attempts) == ("dead", 1)
        assert row.last_error is not None
        assert row.last_error.startswith(f"HTTP {status} ")
        assert "permanent" in row.last_error
        assert desk.requests == 1
        assert outbox.retry_dead() == 1  # and it can be requeued after a fix

    @pytest.mark.parametrize("status", [408, 425, 429, 500, 502, 503, 504, 302])
    def test_transient_statuses_are_retried(
        self, desk: Desk, outbox: Outbox, payloads: list[ContextPayload], status: int
    ) -> None:
        """A failure that may go away stays pending with a next attempt scheduled."""
        desk.status = status
        key = outbox.put(payloads[0])
        with WebhookSink(desk.url, SECRET) as sink:
            worker = DeliveryWorker(outbox, [sink], clock=FakeClock())
            assert worker.run_once() == 0
        [row] = outbox.deliveries(key)
        assert (row.status, row.attempts) == ("pending", 1)
        assert row.last_error is not None
        assert "permanent" not in row.last_error

    @pytest.mark.parametrize("status", [422, 500])
    def test_an_answer_echoing_data_reaches_the_row_not_the_log(
        self,
        desk: Desk,
        outbox: Outbox,
        payloads: list[ContextPayload],
        caplog: pytest.LogCaptureFixture,
        status: int,
    ) -> None:
        """A receiver's error page may quote the payload: kept for diagnosis, never logged."""
        desk.status = status
        desk.answer = b'{"detail": "bad input_value=\'I want a human\' from chat-0"}'
        caplog.set_level(logging.DEBUG, logger="handoff.delivery")
        key = outbox.put(payloads[0])
        with WebhookSink(desk.url, SECRET) as sink:
            DeliveryWorker(outbox, [sink], clock=FakeClock()).run_once()
        [row] = outbox.deliveries(key)
        assert "I want a human" in (row.last_error or "")
        logged = " ".join(record.getMessage() for record in caplog.records)
        assert f"HTTP {status}" in logged
        assert "I want a human" not in logged
        assert "chat-0" not in logged

    @pytest.mark.parametrize(
        ("header", "window"),
        [
            ("120", (120.0, 121.0)),
            ("999999999", (3600.0, 3601.0)),  # capped at an hour
            ("soon", (0.0, 0.5)),  # unusable: the normal back-off
        ],
    )
    def test_retry_after_is_honoured(
        self,
        desk: Desk,
        outbox: Outbox,
        payloads: list[ContextPayload],
        header: str,
        window: tuple[float, float],
    ) -> None:
        """429 with Retry-After: the next attempt waits at least that long (up to an hour)."""
        desk.status = 429
        desk.headers = {"Retry-After": header}
        clock = FakeClock()
        key = outbox.put(payloads[0])
        with WebhookSink(desk.url, SECRET) as sink:
            DeliveryWorker(outbox, [sink], base_delay=0.5, clock=clock).run_once()
        [row] = outbox.deliveries(key)
        assert row.next_attempt_at is not None
        wait = row.next_attempt_at.timestamp() - clock.now
        assert window[0] - 0.01 <= wait <= window[1]

    def test_retry_after_as_an_http_date(
        self, desk: Desk, outbox: Outbox, payloads: list[ContextPayload]
    ) -> None:
        """The HTTP-date form works too."""
        desk.status = 503
        desk.headers = {"Retry-After": email.utils.formatdate(time.time() + 600, usegmt=True)}
        clock = FakeClock()
        key = outbox.put(payloads[0])
        with WebhookSink(desk.url, SECRET) as sink:
            DeliveryWorker(outbox, [sink], base_delay=0.5, clock=clock).run_once()
        [row] = outbox.deliveries(key)
        assert row.next_attempt_at is not None
        assert row.next_attempt_at.timestamp() - clock.now > 500


class TestSlowReceiver:
    """A receiver that stores the payload but answers after the sender's timeout."""

    def test_without_a_growing_timeout_the_row_ends_dead(
        self, desk: Desk, outbox: Outbox, payloads: list[ContextPayload]
    ) -> None:
        """The bug, reproduced: every attempt times out, though the first one was stored."""
        desk.delay = 0.6
        key = outbox.put(payloads[0])
        with WebhookSink(desk.url, SECRET, timeout=0.2, max_timeout=0.2) as sink:
            worker = DeliveryWorker(outbox, [sink], max_attempts=3, clock=FakeClock())
            for _ in range(3):
                worker.run_once()
                worker._clock.advance(60)  # type: ignore[attr-defined]
        [row] = outbox.deliveries(key)
        assert row.status == "dead"
        assert "ReadTimeout" in (row.last_error or "")
        assert key in desk.stored  # ...yet the receiver had it all along

    def test_a_growing_timeout_ends_delivered(
        self, desk: Desk, outbox: Outbox, payloads: list[ContextPayload]
    ) -> None:
        """The timeout doubles per attempt; the retry gets its answer; stored once."""
        desk.delay = 0.6
        key = outbox.put(payloads[0])
        clock = FakeClock()
        with WebhookSink(desk.url, SECRET, timeout=0.2, max_timeout=5.0) as sink:
            assert [sink.timeout_for(n) for n in (1, 2, 3, 4, 5, 6)] == [
                0.2,
                0.4,
                0.8,
                1.6,
                3.2,
                5.0,
            ]
            worker = DeliveryWorker(outbox, [sink], max_attempts=6, clock=clock)
            for _ in range(6):
                if worker.run_once():
                    break
                clock.advance(60)
        [row] = outbox.deliveries(key)
        assert row.status == "delivered", row.last_error
        assert 2 <= row.attempts <= 6
        assert list(desk.stored) == [key]
        assert desk.received[key] == row.attempts  # every attempt reached it; stored once


class TestLeases:
    """A row is sent only by the worker whose lease it is."""

    def test_a_row_taken_over_after_the_batch_lease_is_skipped(
        self, desk: Desk, outbox: Outbox, payloads: list[ContextPayload]
    ) -> None:
        """Worker A's batch lease runs out and B claims the row: A does not send it."""
        outbox.put(payloads[0])
        clock = FakeClock()
        with WebhookSink(desk.url, SECRET) as sink:
            worker_a = DeliveryWorker(outbox, [sink], lease=1.0, clock=clock)
            token_a, [job] = outbox._claim(["webhook"], now=clock.now, lease=1.0, limit=5)
            clock.advance(2.0)
            token_b, [same] = outbox._claim(["webhook"], now=clock.now, lease=30.0, limit=5)
            assert same.id == job.id
            assert token_b != token_a
            assert worker_a._attempt(job, token_a) == 0
            assert desk.requests == 0
            assert worker_a._attempt(same, token_b) == 1  # the owner's token sends it
        assert desk.requests == 1

    def test_claims_of_a_process_that_is_gone_are_taken_back_at_start(
        self, tmp_path: Path, desk: Desk, payloads: list[ContextPayload]
    ) -> None:
        """Another process claims rows for an hour: kept while it lives, taken back once gone."""
        url = f"sqlite:///{tmp_path / 'outbox.db'}"
        with Outbox(url) as outbox:
            keys = [outbox.put(payload) for payload in payloads[:5]]
        code = (
            "import sys, time\n"
            "from handoff.delivery import Outbox\n"
            f"token, jobs = Outbox({url!r})._claim(['webhook'], now=time.time(), "
            "lease=3600, limit=50)\n"
            "print(len(jobs), flush=True)\n"
            "sys.stdin.read()\n"
        )
        holder = subprocess.Popen(
            [sys.executable, "-c", code],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert holder.stdin is not None
        assert holder.stdout is not None
        try:
            assert holder.stdout.readline().strip() == "5"
            with Outbox(url) as outbox:
                clock = FakeClock()  # frozen: no lease can run out during this test
                assert outbox._release_orphans(now=clock.now) == 0  # its owner lives
                holder.stdin.close()
                holder.wait(timeout=30)
                with WebhookSink(desk.url, SECRET) as sink:
                    worker = DeliveryWorker(outbox, [sink], clock=clock)
                    assert worker.run_once() == 0  # still leased to the dead process
                    stop = threading.Event()
                    thread = threading.Thread(target=worker.run_forever, args=(stop, 0.01))
                    thread.start()
                    try:
                        assert wait_until(lambda: outbox.stats().delivered == 5, timeout=30)
                    finally:
                        stop.set()
                        thread.join(30)
        finally:
            if holder.poll() is None:
                holder.kill()
                holder.wait(timeout=30)
            holder.stdout.close()
        assert set(desk.stored) == set(keys)


@pytest.mark.slow
class TestCrash:
    """A worker killed with SIGKILL mid-send: its claimed rows are not stuck for long."""

    def test_rows_claimed_by_a_killed_worker_are_delivered_by_the_next(
        self, tmp_path: Path, desk: Desk, payloads: list[ContextPayload]
    ) -> None:
        """kill -9 while it holds a batch; a new worker delivers every row, each stored once."""
        url = f"sqlite:///{tmp_path / 'outbox.db'}"
        with Outbox(url) as outbox:
            keys = [outbox.put(payload) for payload in payloads]
            desk.hang = threading.Event()  # the first request stalls: the worker is mid-send
            log = tmp_path / "worker.log"
            first = start_delivery_worker(url, desk.url, SECRET, log)
            try:
                assert wait_until(lambda: desk.requests >= 1, timeout=60), log.read_text()
                claimed = outbox.pending()
                assert len(claimed) == len(keys)
            finally:
                first.send_signal(signal.SIGKILL)
                first.wait(timeout=30)
            assert first.returncode == -signal.SIGKILL
            # The batch it claimed is still leased to a dead process.
            second = start_delivery_worker(url, desk.url, SECRET, log)
            try:
                # The new worker takes back the dead one's claims when it starts (same
                # machine); elsewhere the bound is the batch lease (15 s), or, for the row in
                # flight, the lease plus one send budget (2 x 5 s + 1 s).
                assert wait_until(lambda: outbox.stats().delivered == len(keys), timeout=90), (
                    log.read_text()
                )
            finally:
                second.terminate()
                second.wait(timeout=30)
        assert set(desk.stored) == set(keys)
        assert all(count == 1 for count in desk.received.values())
