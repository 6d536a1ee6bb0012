"""Payload delivery end to end: outbox, worker, sinks, signatures, and the reference receiver."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

import handoff.delivery
from handoff import Conversation, Router
from handoff.delivery import (
    Backlog,
    DeliveryAttempt,
    DeliveryError,
    DeliveryWorker,
    JsonlSink,
    Outbox,
    WebhookSink,
    idempotency_key,
    sign,
    verify,
)
from handoff.models import ContextPayload
from tests.conftest import ROOT, free_port

SECRET = "test-secret-\N{SNOWMAN}"
TOKEN = "listing-token"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
README = (ROOT / "handoff" / "delivery" / "README.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------- helpers and fixtures


def _conversation(index: int, *, extra_turns: int = 0) -> Conversation:
    turns: list[dict[str, Any]] = [
        {
            "role": "user",
            "text": "I want a human",
            "intent": {"name": "request_human", "confidence": 0.99},
        }
    ]
    for _ in range(extra_turns):
        turns += [
            {"role": "bot", "text": "Connecting you.", "action": "utter_connecting"},
            {
                "role": "user",
                "text": "I want a human, please",
                "intent": {"name": "request_human", "confidence": 0.99},
            },
        ]
    return Conversation.model_validate({"id": f"chat-{index}", "channel": "web", "turns": turns})


def _payload(router: Router, index: int, *, now: datetime = NOW, turns: int = 0) -> ContextPayload:
    conversation = _conversation(index, extra_turns=turns)
    decision = router.route(conversation, now=now)
    assert decision.lane == "general_support"  # a human takes over
    return router.payload(conversation, decision, now=now)


@pytest.fixture(scope="module")
def payloads(default_router: Router) -> list[ContextPayload]:
    """100 handoff payloads of 100 conversations, built by the real engine."""
    return [_payload(default_router, index) for index in range(100)]


@pytest.fixture
def outbox_url(tmp_path: Path) -> str:
    """A fresh SQLite outbox file."""
    return f"sqlite:///{tmp_path / 'outbox.db'}"


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` seconds pass; the only kind of wait here."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


class FakeClock:
    """A clock the test moves by hand, starting just after the real now (outbox rows are due)."""

    def __init__(self) -> None:
        self.now = time.time() + 1.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class _CaptureServer(ThreadingHTTPServer):
    """A real HTTP server that records each request and answers with ``status``."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CaptureHandler)
        self.captured: list[tuple[bytes, Any]] = []
        self.status = 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _CaptureHandler(BaseHTTPRequestHandler):
    server: _CaptureServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.captured.append((body, self.headers))
        answer = b"try again later" if self.server.status >= 300 else b""
        self.send_response(self.server.status)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean


@pytest.fixture
def capture() -> Iterator[_CaptureServer]:
    """A capturing HTTP server on a free port, shut down after the test."""
    server = _CaptureServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


class ReceiverProcess:
    """The reference receiver (``python -m handoff.delivery.receiver``) as a real subprocess."""

    def __init__(self, port: int, db: Path, log: Path) -> None:
        self.port = port
        self.db = db
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        assert self.process is None, "already running"
        env = {**os.environ, "HANDOFF_RECEIVER_SECRET": SECRET, "HANDOFF_RECEIVER_TOKEN": TOKEN}
        command = [sys.executable, "-m", "handoff.delivery.receiver"]
        command += ["--port", str(self.port), "--db", str(self.db)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        if not wait_until(self._healthy, timeout=30):
            self.stop()
            pytest.fail("receiver did not start:\n" + self.log.read_text(errors="replace"))

    def _healthy(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            return False
        try:
            return httpx.get(self.url + "/health", timeout=1.0).status_code == 200
        except httpx.HTTPError:
            return False

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def received(self) -> list[dict[str, Any]]:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        response = httpx.get(self.url + "/payloads", headers=auth, timeout=10.0)
        response.raise_for_status()
        items: list[dict[str, Any]] = response.json()
        return items


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[ReceiverProcess]:
    """A receiver on a free port, not yet started; always stopped after the test."""
    process = ReceiverProcess(free_port(), tmp_path / "received.sqlite", tmp_path / "receiver.log")
    try:
        yield process
    finally:
        process.stop()


def _signed(
    body: bytes, *, secret: str = SECRET, timestamp: int | None = None, key: str = "k-1"
) -> dict[str, str]:
    stamp = int(time.time()) if timestamp is None else timestamp
    return {
        "X-Handoff-Timestamp": str(stamp),
        "X-Handoff-Signature": sign(body, secret, stamp, key),
        "Idempotency-Key": key,
        "Content-Type": "application/json",
    }


# ---------------------------------------------------------------------- signatures


class TestSignature:
    """sign/verify follow the documented Stripe-style scheme and refuse every forgery."""

    body = b'{"conversation_id": "chat-1"}'

    def test_signature_is_the_documented_hmac(self) -> None:
        """v2= + hex HMAC-SHA256(secret, f"{timestamp}.{key}." + body)."""
        expected = hmac.new(SECRET.encode(), b"1700000000.k-9." + self.body, hashlib.sha256)
        assert sign(self.body, SECRET, 1700000000, "k-9") == "v2=" + expected.hexdigest()

    def test_own_signature_verifies(self) -> None:
        """A fresh signature of the body verifies."""
        assert verify(self.body, _signed(self.body), SECRET)

    def test_tampered_body_is_rejected(self) -> None:
        """One changed byte in the body breaks the signature."""
        headers = _signed(self.body)
        assert not verify(self.body.replace(b"1", b"2"), headers, SECRET)

    def test_wrong_secret_is_rejected(self) -> None:
        """A signature made with another secret does not verify."""
        assert not verify(self.body, _signed(self.body, secret="other"), SECRET)

    def test_stale_and_future_timestamps_are_rejected(self) -> None:
        """Older than the tolerance or more than the skew ahead: refused even if signed right."""
        now = 1_800_000_000
        old = _signed(self.body, timestamp=now - 301)
        future = _signed(self.body, timestamp=now + 31)
        recent = _signed(self.body, timestamp=now - 299)
        drifted = _signed(self.body, timestamp=now + 29)
        assert not verify(self.body, old, SECRET, now=now)
        assert not verify(self.body, future, SECRET, now=now)
        assert verify(self.body, recent, SECRET, now=now)
        assert verify(self.body, drifted, SECRET, now=now)
        assert verify(self.body, old, SECRET, now=now, tolerance=600)
        assert verify(self.body, future, SECRET, now=now, future_skew=60)

    def test_replayed_timestamp_cannot_be_swapped(self) -> None:
        """A valid signature with a new timestamp pasted in does not verify."""
        headers = _signed(self.body, timestamp=1_800_000_000)
        headers["X-Handoff-Timestamp"] = str(1_800_000_100)
        assert not verify(self.body, headers, SECRET, now=1_800_000_100)

    def test_header_names_are_case_insensitive(self) -> None:
        """Frameworks lower-case header names; that must not matter."""
        headers = {name.lower(): value for name, value in _signed(self.body).items()}
        assert verify(self.body, headers, SECRET)

    @pytest.mark.parametrize(
        "broken",
        [
            {},
            {"X-Handoff-Timestamp": "soon"},
            {"X-Handoff-Timestamp": "-5"},
            {"X-Handoff-Signature": "v2=" + "0" * 64},
            {"X-Handoff-Signature": "v2=not-hex-\N{SNOWMAN}"},
            {"X-Handoff-Timestamp": "1" * 5000},
            {"X-Handoff-Timestamp": "\N{ARABIC-INDIC DIGIT ONE}" * 10},
            {"X-Handoff-Signature": ""},
        ],
    )
    def test_malformed_headers_are_rejected(self, broken: dict[str, str]) -> None:
        """Missing or malformed headers verify as False, never raise."""
        headers = _signed(self.body)
        for name in ("X-Handoff-Timestamp", "X-Handoff-Signature"):
            if not broken or name in broken:
                headers.pop(name)
        headers.update(broken)
        assert not verify(self.body, headers, SECRET)


class TestReadme:
    """The delivery README's examples run as written."""

    def test_receiver_example_verifies_a_real_delivery(
        self, capture: _CaptureServer, payloads: list[ContextPayload]
    ) -> None:
        """The stdlib verification snippet accepts what WebhookSink really sent, and only that."""
        snippet = re.search(r"<!-- receiver-verify -->\n```python\n(.*?)```", README, re.S)
        assert snippet is not None
        namespace: dict[str, Any] = {}
        exec(compile(snippet.group(1), "handoff/delivery/README.md", "exec"), namespace)
        verify_handoff = namespace["verify_handoff"]

        body = payloads[0].model_dump_json().encode()
        with WebhookSink(capture.url, SECRET) as sink:
            sink.send(body, {"Idempotency-Key": "k-1", "Content-Type": "application/json"})
        [(received_body, headers)] = capture.captured
        assert received_body == body
        assert verify_handoff(received_body, headers, SECRET)
        assert not verify_handoff(received_body + b" ", headers, SECRET)
        assert not verify_handoff(received_body, headers, "wrong secret")
        assert verify(received_body, dict(headers.items()), SECRET)
        replayed = {**dict(headers.items()), "Idempotency-Key": "k-2"}
        assert not verify_handoff(received_body, replayed, SECRET)
        with pytest.raises(ValueError, match="empty"):
            verify_handoff(received_body, headers, "")

    def test_quick_start_runs(self, tmp_path: Path) -> None:
        """The quick start, run as bash from the repository root as a newcomer pastes it,
        queues, delivers with `run --drain`, prints what the README says, and writes only
        into its temporary folder."""
        match = re.search(
            r"<!-- delivery-quick-start -->\n<!-- newcomer: run -->\n```bash\n(.*?)```\n\n"
            r"prints .*?\n\n<!-- delivery-quick-start-output -->\n```text\n(.*?)```",
            README,
            re.S,
        )
        assert match is not None
        script = match.group(1).replace(".venv/bin/python", sys.executable)
        before = _untracked()
        env = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")}
        done = subprocess.run(  # noqa: PLW1510  (the exit code is asserted)
            ["bash", "-c", script],
            cwd=ROOT, env={**env, "TMPDIR": str(tmp_path)}, capture_output=True, text=True,
            timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        [made] = list(tmp_path.iterdir())  # mktemp -d
        shown = match.group(2).replace("/tmp/tmp.Xy12", str(made)).splitlines()
        assert done.stdout.splitlines() == [shown[0], *shown[2:]]
        assert shown[1] in done.stderr.splitlines()
        assert len((made / "payloads.jsonl").read_text().splitlines()) == 1
        assert _untracked() == before  # nothing left in the repository


def _untracked() -> str:
    return subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip


# ---------------------------------------------------------------------- outbox


class TestOutbox:
    """put stores atomically and idempotently; nothing is ever dropped."""

    def test_put_writes_the_payload_and_one_row_per_sink(
        self, outbox_url: str, payloads: list[ContextPayload]
    ) -> None:
        """Each sink gets its own pending row; the stored payload round-trips."""
        with Outbox(outbox_url, sinks=["desktop", "audit"]) as outbox:
            key = outbox.put(payloads[0])
            rows = outbox.deliveries(key)
            assert sorted(row.sink for row in rows) == ["audit", "desktop"]
            assert {row.status for row in rows} == {"pending"}
            assert {row.attempts for row in rows} == {0}
            assert {row.conversation_id for row in rows} == {"chat-0"}
            assert outbox.payload(key) == payloads[0]
            assert outbox.stats().pending == 2
            assert outbox.stats().total == 2

    def test_the_same_turn_routed_twice_is_one_handoff(
        self, outbox_url: str, default_router: Router
    ) -> None:
        """Routing the same turn again later gives the same key, and put adds nothing."""
        first = _payload(default_router, 1, now=NOW)
        again = _payload(default_router, 1, now=NOW + timedelta(minutes=3))
        assert first != again  # created_at and the SLA deadline moved on
        with Outbox(outbox_url) as outbox:
            key = outbox.put(first)
            assert outbox.put(again) == key
            assert outbox.put(first) == key
            assert key == idempotency_key(first) == idempotency_key(again)
            assert outbox.stats().pending == 1
            assert outbox.payload(key) == first  # the first payload stored under a key wins

    def test_a_new_turn_is_a_new_handoff(self, outbox_url: str, default_router: Router) -> None:
        """A later turn of the same conversation, or another conversation, gets a new key."""
        keys = {
            idempotency_key(_payload(default_router, 1)),
            idempotency_key(_payload(default_router, 1, turns=1)),
            idempotency_key(_payload(default_router, 2)),
        }
        assert len(keys) == 3

    def test_explicit_keys(self, outbox_url: str, payloads: list[ContextPayload]) -> None:
        """A caller's key is used as given; keys unfit for a header are refused."""
        with Outbox(outbox_url) as outbox:
            assert outbox.put(payloads[0], key="turn-42") == "turn-42"
            assert outbox.put(payloads[1], key="turn-42") == "turn-42"
            assert outbox.payload("turn-42") == payloads[0]
            for bad in ("", "has space", "x" * 201, "caf\N{LATIN SMALL LETTER E WITH ACUTE}"):
                with pytest.raises(ValueError, match="idempotency key"):
                    outbox.put(payloads[0], key=bad)

    def test_decision_json_is_stored_for_audit(
        self, tmp_path: Path, outbox_url: str, payloads: list[ContextPayload]
    ) -> None:
        """The decision is kept next to the payload; text that is not JSON is refused."""
        with Outbox(outbox_url) as outbox:
            key = outbox.put(payloads[0], decision_json='{"lane": "general_support"}')
            with pytest.raises(ValueError, match="Expecting value"):
                outbox.put(payloads[1], decision_json="not json")
            assert outbox.stats().pending == 1
        with contextlib.closing(sqlite3.connect(tmp_path / "outbox.db")) as db:
            query = "SELECT decision FROM handoff_outbox_messages WHERE key = ?"
            assert db.execute(query, (key,)).fetchone() == ('{"lane": "general_support"}',)

    def test_put_is_one_transaction(self, outbox_url: str, payloads: list[ContextPayload]) -> None:
        """If writing the delivery rows fails, the payload row is rolled back too."""
        engine = sa.create_engine(outbox_url)

        def fail_delivery_rows(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if statement.startswith("INSERT INTO handoff_outbox_deliveries"):
                raise RuntimeError("disk full, say")

        try:
            outbox = Outbox(engine)
            sa.event.listen(engine, "before_cursor_execute", fail_delivery_rows)
            with pytest.raises(RuntimeError, match="disk full"):
                outbox.put(payloads[0])
            sa.event.remove(engine, "before_cursor_execute", fail_delivery_rows)
            with pytest.raises(KeyError):
                outbox.payload(idempotency_key(payloads[0]))
            # ...and a retry of the same put then succeeds in full.
            key = outbox.put(payloads[0])
            assert [row.status for row in outbox.deliveries(key)] == ["pending"]
        finally:
            engine.dispose()

    def test_in_memory_sqlite_is_refused(self) -> None:
        """An outbox that forgets on exit would defeat its purpose."""
        for url in ("sqlite://", "sqlite:///:memory:", "sqlite:///file:x?mode=memory&uri=true"):
            with pytest.raises(ValueError, match="durable"):
                Outbox(url)

    def test_sink_names_are_checked(self, outbox_url: str) -> None:
        """No sinks, or two sinks with one name, is a configuration error."""
        with pytest.raises(ValueError, match="at least one"):
            Outbox(outbox_url, sinks=[])
        with pytest.raises(ValueError, match="unique"):
            Outbox(outbox_url, sinks=["a", "a"])


# ---------------------------------------------------------------------- worker and sinks


class _BrokenSink:
    """A sink with a bug: the worker must record it like any other failure."""

    name = "webhook"

    def send(self, body: bytes, headers: Mapping[str, str]) -> None:
        raise ZeroDivisionError("oops")


class TestWorker:
    """Retries back off with full jitter, end dead but kept, and come back with retry_dead."""

    def test_dead_after_max_attempts_then_retry_dead(
        self, outbox_url: str, capture: _CaptureServer, payloads: list[ContextPayload]
    ) -> None:
        """A desktop answering 503 uses up the attempts; retry_dead requeues and delivers."""
        clock = FakeClock()
        capture.status = 503
        with Outbox(outbox_url) as outbox, WebhookSink(capture.url, SECRET) as sink:
            key = outbox.put(payloads[0])
            worker = DeliveryWorker(outbox, [sink], max_attempts=3, max_delay=2.0, clock=clock)
            for attempt in (1, 2, 3):
                assert worker.run_once() == 0
                [row] = outbox.deliveries(key)
                assert row.attempts == attempt
                assert row.last_error is not None
                assert row.last_error.startswith("HTTP 503 from http://127.0.0.1:")
                assert "try again later" in row.last_error
                clock.advance(2.0)
            assert row.status == "dead"
            assert row.next_attempt_at is None
            assert [dead.key for dead in outbox.dead()] == [key]
            assert outbox.pending() == []
            stats = outbox.stats()
            assert (stats.pending, stats.delivered, stats.dead) == (0, 0, 1)
            assert worker.run_once() == 0
            assert len(capture.captured) == 3  # a dead row is not tried again by itself

            capture.status = 200
            assert outbox.retry_dead() == 1
            [row] = outbox.pending()
            assert row.attempts == 0
            assert worker.run_once() == 1
            [row] = outbox.deliveries(key)
            assert row.status == "delivered"
            assert row.delivered_at is not None
            assert outbox.retry_dead() == 0
            assert len(capture.captured) == 4
            assert {h["Idempotency-Key"] for _, h in capture.captured} == {key}

    def test_each_attempt_is_reported_with_the_lag_since_the_put(
        self, outbox_url: str, capture: _CaptureServer, payloads: list[ContextPayload]
    ) -> None:
        """on_attempt sees a retry, then the delivery with the seconds since the put; the
        backlog shows the pending row until then (what the metrics read)."""
        clock = FakeClock()
        capture.status = 503
        seen: list[DeliveryAttempt] = []
        with Outbox(outbox_url) as outbox, WebhookSink(capture.url, SECRET) as sink:
            before_put = time.time()
            outbox.put(payloads[0])
            after_put = time.time()
            worker = DeliveryWorker(
                outbox, [sink], max_delay=2.0, clock=clock, on_attempt=seen.append
            )
            assert worker.run_once() == 0
            [waiting] = outbox.backlog().values()
            assert (waiting.sink, waiting.pending, waiting.dead) == ("webhook", 1, 0)
            assert waiting.oldest_pending is not None
            clock.advance(2.0)
            capture.status = 200
            assert worker.run_once() == 1
            assert outbox.backlog()["webhook"] == Backlog("webhook", 0, 0, None)
        assert [(a.sink, a.result, a.attempt) for a in seen] == [
            ("webhook", "retry", 1),
            ("webhook", "delivered", 2),
        ]
        assert seen[0].lag is None
        assert seen[1].lag is not None
        assert clock() - after_put <= seen[1].lag <= clock() - before_put

    def test_a_failing_on_attempt_hook_does_not_stop_deliveries(
        self, outbox_url: str, payloads: list[ContextPayload], tmp_path: Path
    ) -> None:
        """A broken metrics hook is logged; the row is still delivered."""

        def broken(attempt: DeliveryAttempt) -> None:
            raise RuntimeError("metrics down")

        with Outbox(outbox_url, sinks=("jsonl",)) as outbox:
            key = outbox.put(payloads[0])
            sink = JsonlSink(tmp_path / "out.jsonl")
            assert DeliveryWorker(outbox, [sink], on_attempt=broken).run_once() == 1
            assert [row.status for row in outbox.deliveries(key)] == ["delivered"]

    def test_back_off_is_capped_full_jitter(
        self, outbox_url: str, payloads: list[ContextPayload]
    ) -> None:
        """After failure n the wait is uniform in [0, min(max_delay, base * 2^(n-1))]."""
        clock = FakeClock()
        with Outbox(outbox_url) as outbox:
            key = outbox.put(payloads[0])
            worker = DeliveryWorker(
                outbox, [_BrokenSink()], max_attempts=100, base_delay=0.5, max_delay=8, clock=clock
            )
            waits = []
            for failures in range(1, 16):
                assert worker.run_once() == 0
                [row] = outbox.deliveries(key)
                assert row.attempts == failures
                assert row.last_error == "ZeroDivisionError('oops')"
                assert row.next_attempt_at is not None
                wait = row.next_attempt_at.timestamp() - clock.now
                assert -0.001 <= wait <= min(8.0, 0.5 * 2 ** (failures - 1)) + 0.001
                waits.append(wait)
                assert worker.run_once() == 0  # not due yet: not tried again
                clock.advance(8.0)
            assert len(set(waits)) > 1  # jittered, not a fixed schedule

    def test_worker_refuses_sinks_the_outbox_does_not_know(self, outbox_url: str) -> None:
        """A sink the outbox writes no rows for would never deliver anything."""
        with (
            Outbox(outbox_url, sinks=["webhook"]) as outbox,
            pytest.raises(ValueError, match="jsonl"),
        ):
            DeliveryWorker(outbox, [JsonlSink(Path(os.devnull))])

    def test_webhook_sink_failures(self, capture: _CaptureServer) -> None:
        """Non-2xx answers (redirects too) and network errors raise DeliveryError."""
        with WebhookSink(capture.url, SECRET) as sink:
            for status in (302, 400, 500):
                capture.status = status
                with pytest.raises(DeliveryError, match=f"HTTP {status}"):
                    sink.send(b"{}", {"Idempotency-Key": "k"})
            capture.status = 204
            sink.send(b"{}", {"Idempotency-Key": "k"})
        nobody = f"http://127.0.0.1:{free_port()}/"
        with WebhookSink(nobody, SECRET, timeout=2) as sink, pytest.raises(DeliveryError):
            sink.send(b"{}", {"Idempotency-Key": "k"})

    def test_start_thread_and_stop(
        self, outbox_url: str, tmp_path: Path, payloads: list[ContextPayload]
    ) -> None:
        """The background thread delivers what is put while it runs, and stops on request."""
        sink = JsonlSink(tmp_path / "out.jsonl")
        with Outbox(outbox_url, sinks=[sink]) as outbox:
            handle = DeliveryWorker(outbox, [sink]).start_thread(poll_interval=0.05)
            try:
                outbox.put(payloads[0])
                assert wait_until(lambda: outbox.stats().delivered == 1, timeout=30)
            finally:
                handle.stop()
            assert not handle.is_alive()


class TestJsonlSink:
    """JsonlSink appends one whole JSON object per delivery."""

    def test_one_line_per_payload(
        self, outbox_url: str, tmp_path: Path, payloads: list[ContextPayload]
    ) -> None:
        """Each delivered payload is one line carrying its key and the full payload."""
        path = tmp_path / "payloads.jsonl"
        sink = JsonlSink(path)
        with Outbox(outbox_url, sinks=[sink]) as outbox:
            keys = [outbox.put(payload) for payload in payloads[:5]]
            assert DeliveryWorker(outbox, [sink]).run_once() == 5
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [line["idempotency_key"] for line in lines] == keys
        assert [ContextPayload.model_validate(line["payload"]) for line in lines] == payloads[:5]


# ---------------------------------------------------------------------- end to end


class TestReceiver:
    """The reference receiver verifies, deduplicates and stores."""

    def test_receiver_checks_signatures_and_deduplicates(
        self, receiver: ReceiverProcess, payloads: list[ContextPayload]
    ) -> None:
        """401 for bad signatures, 200 once stored, 200 again without a second copy."""
        receiver.start()
        url = receiver.url + "/payloads"
        body = payloads[0].model_dump_json().encode()
        stale = int(time.time()) - 3600
        with httpx.Client(timeout=10) as client:
            for headers in (
                {"Idempotency-Key": "k-1"},
                _signed(body, secret="wrong"),
                _signed(body, timestamp=stale),
            ):
                assert client.post(url, content=body, headers=headers).status_code == 401
            tampered = client.post(url, content=body + b" ", headers=_signed(body))
            assert tampered.status_code == 401
            no_key = {k: v for k, v in _signed(body).items() if k != "Idempotency-Key"}
            assert client.post(url, content=body, headers=no_key).status_code == 400
            first = client.post(url, content=body, headers=_signed(body))
            again = client.post(url, content=body, headers=_signed(body))
            not_a_payload = client.post(url, content=b"{}", headers=_signed(b"{}", key="k-2"))
        assert (first.status_code, first.json()["status"]) == (200, "stored")
        assert (again.status_code, again.json()["status"]) == (200, "duplicate")
        assert not_a_payload.status_code == 422
        assert "input" not in not_a_payload.text  # pydantic's echo of the input is left out
        [stored] = receiver.received()
        assert stored["idempotency_key"] == "k-1"
        assert stored["duplicates"] == 1
        assert ContextPayload.model_validate(stored["payload"]) == payloads[0]


@pytest.mark.slow
class TestOutage:
    """Payloads queued while the desktop is down all arrive, once each, when it is back."""

    def test_hundred_payloads_survive_a_receiver_outage(
        self,
        receiver: ReceiverProcess,
        outbox_url: str,
        payloads: list[ContextPayload],
    ) -> None:
        """Stop the receiver, put 100, see them fail and wait, restart it, see each arrive once."""
        receiver.start()
        receiver.stop()  # the desktop goes down
        sink = WebhookSink(receiver.url + "/payloads", SECRET, timeout=5.0)
        outbox = Outbox(outbox_url, sinks=[sink])
        worker = DeliveryWorker(
            outbox, [sink], max_attempts=10_000, base_delay=0.05, max_delay=0.5, batch_size=50
        )
        handle = worker.start_thread(poll_interval=0.05)
        try:
            keys = [outbox.put(payload) for payload in payloads]
            assert len(set(keys)) == 100

            def all_tried_and_failed() -> bool:
                pending = outbox.pending()
                return len(pending) == 100 and all(row.attempts >= 1 for row in pending)

            assert wait_until(all_tried_and_failed, timeout=30)
            stats = outbox.stats()
            assert (stats.pending, stats.delivered, stats.dead) == (100, 0, 0)
            for row in outbox.pending():
                assert row.last_error is not None
                assert "ConnectError" in row.last_error
                assert row.delivered_at is None

            receiver.start()  # the desktop is back
            back = time.monotonic()
            assert wait_until(lambda: outbox.stats().delivered == 100, timeout=30)
            drained_in = time.monotonic() - back
            received = receiver.received()
        finally:
            handle.stop()
            sink.close()
            outbox.close()

        assert len(received) == 100
        assert {item["idempotency_key"] for item in received} == set(keys)
        by_key = dict(zip(keys, payloads, strict=True))
        for item in received:
            assert ContextPayload.model_validate(item["payload"]) == by_key[item["idempotency_key"]]
        assert Counter(item["payload"]["conversation_id"] for item in received) == Counter(
            payload.conversation_id for payload in payloads
        )
        print(f"\n100 payloads drained {drained_in:.2f} s after the receiver came back")


# A throwaway PostgreSQL database to run the shared-outbox test on as well, e.g.
# postgresql+psycopg://postgres@127.0.0.1:5432/outbox_test (its outbox tables are dropped).
POSTGRES_URL = os.environ.get("HANDOFF_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def shared_url(request: pytest.FixtureRequest, outbox_url: str) -> str:
    """An empty outbox database: a SQLite file, and PostgreSQL when one is configured."""
    if request.param == "sqlite":
        return outbox_url
    if not POSTGRES_URL:
        pytest.skip("set HANDOFF_TEST_POSTGRES_URL to a throwaway database to test PostgreSQL")
    engine = sa.create_engine(POSTGRES_URL)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS handoff_outbox_deliveries"))
            connection.execute(sa.text("DROP TABLE IF EXISTS handoff_outbox_messages"))
    finally:
        engine.dispose()
    return POSTGRES_URL


class TestSharedOutbox:
    """Two workers polling one outbox database never hand the same row out twice."""

    def test_two_workers_deliver_each_row_once(
        self, tmp_path: Path, shared_url: str, default_router: Router
    ) -> None:
        """200 rows, two workers with their own connections and files: every key exactly once."""
        payloads = [_payload(default_router, index, turns=1) for index in range(200)]
        with Outbox(shared_url, sinks=["jsonl"]) as writer:
            keys = [writer.put(payload) for payload in payloads]
            assert writer.put(payloads[0]) == keys[0]
            assert writer.stats().pending == 200
        outboxes = [Outbox(shared_url, sinks=["jsonl"]) for _ in range(2)]
        files = [tmp_path / "worker-a.jsonl", tmp_path / "worker-b.jsonl"]
        workers = [
            DeliveryWorker(outbox, [JsonlSink(path)], batch_size=5, base_delay=0.01, max_delay=0.05)
            for outbox, path in zip(outboxes, files, strict=True)
        ]
        handles = [worker.start_thread(poll_interval=0.01) for worker in workers]
        try:
            assert wait_until(lambda: outboxes[0].stats().delivered == 200, timeout=60)
        finally:
            for handle in handles:
                handle.stop()
            for outbox in outboxes:
                outbox.close()
        sent = Counter(
            json.loads(line)["idempotency_key"]
            for path in files
            if path.exists()
            for line in path.read_text(encoding="utf-8").splitlines()
        )
        assert set(sent) == set(keys)
        assert max(sent.values()) == 1, [key for key, count in sent.items() if count > 1]

    def test_dead_letters_and_retry(
        self, shared_url: str, capture: _CaptureServer, payloads: list[ContextPayload]
    ) -> None:
        """The failure path (record, back off, dead, requeue) works on every backend."""
        clock = FakeClock()
        capture.status = 500
        with Outbox(shared_url) as outbox, WebhookSink(capture.url, SECRET) as sink:
            key = outbox.put(payloads[0], decision_json="{}")
            worker = DeliveryWorker(outbox, [sink], max_attempts=2, max_delay=1.0, clock=clock)
            worker.run_once()
            clock.advance(1.0)
            worker.run_once()
            [dead] = outbox.dead()
            assert (dead.key, dead.attempts) == (key, 2)
            assert dead.last_error is not None
            assert dead.last_error.startswith("HTTP 500")
            capture.status = 200
            assert outbox.retry_dead(key=key) == 1
            assert worker.run_once() == 1
            assert outbox.stats().delivered == 1


class TestCommandLine:
    """python -m handoff.delivery runs a worker from the environment and reports counts."""

    def test_run_delivers_and_stops_on_sigterm(
        self, tmp_path: Path, outbox_url: str, payloads: list[ContextPayload]
    ) -> None:
        """A worker process drains the outbox into the JSONL file and exits 0 on SIGTERM."""
        with Outbox(outbox_url, sinks=["jsonl"]) as outbox:
            keys = [outbox.put(payload) for payload in payloads[:3]]
            env = {**os.environ, "HANDOFF_OUTBOX_URL": outbox_url}
            env["HANDOFF_JSONL_PATH"] = str(tmp_path / "out.jsonl")
            command = [sys.executable, "-m", "handoff.delivery"]
            with (tmp_path / "worker.log").open("wb") as log:
                process = subprocess.Popen(
                    [*command, "run", "--poll", "0.05"], cwd=ROOT, env=env, stdout=log, stderr=log
                )
            try:
                assert wait_until(lambda: outbox.stats().delivered == 3, timeout=30)
            finally:
                process.terminate()
                try:
                    returncode = process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    returncode = process.wait(timeout=30)
            assert returncode == 0, (tmp_path / "worker.log").read_text()
        lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["idempotency_key"] for line in lines] == keys
        stats = subprocess.run(
            [*command, "stats"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
        )
        counts = json.loads(stats.stdout)
        assert (counts["pending"], counts["delivered"], counts["dead"]) == (0, 3, 0)


# ---------------------------------------------------------------------- public API


class TestPublicApi:
    """handoff.delivery exports a small, sorted, documented API, and loads it lazily."""

    def test_all_is_sorted_and_documented(self) -> None:
        """__all__ is sorted, unique, and every name resolves to something documented."""
        names = handoff.delivery.__all__
        assert names == sorted(set(names))
        for name in names:
            assert (getattr(handoff.delivery, name).__doc__ or "").strip(), name

    def test_verify_needs_no_database_or_http_library(self) -> None:
        """A receiver importing verify loads neither SQLAlchemy nor httpx."""
        code = (
            "import sys; from handoff.delivery import verify; "
            "print(sorted({'sqlalchemy', 'httpx', 'sanic'} & set(sys.modules)))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
        assert out.strip() == "[]"
