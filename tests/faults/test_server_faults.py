"""Faults against the real action server: a huge message and a locked outbox must not stall
the other requests (routing runs off the event loop), and the turn still completes."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import httpx

from tests.security.test_action_server import action_call, running, stored_payloads

# Digit groups are what made the text analysis slow (the 9 s stall).
FIVE_MB = " ".join(["1234"] * 1_000_000)


def test_a_5mb_message_does_not_stall_health_or_other_turns(tmp_path: Path) -> None:
    """While a 5 MB handoff turn is in flight, /health and a small turn are answered.

    Ordering, not timing: the test holds the SQLite outbox's write lock, so the big turn
    cannot finish (its payload must be stored before the pause is returned) until the test
    has seen /health answer; then it lets go and the big turn completes with its payload.
    """
    with running(tmp_path, HANDOFF_MAX_BODY_BYTES=str(32 << 20), HANDOFF_DELIVERY="off") as srv:
        lock = sqlite3.connect(srv.work / "outbox.db", timeout=30, isolation_level=None)
        lock.execute("BEGIN EXCLUSIVE")
        big: list[httpx.Response] = []
        sender = threading.Thread(
            target=lambda: big.append(srv.post(action_call(FIVE_MB, sender="huge"), timeout=600))
        )
        try:
            sender.start()
            answered_while_in_flight = 0
            for _ in range(10):
                health = httpx.get(f"{srv.url}/health", timeout=20)
                assert health.status_code == 200
                small = srv.post(action_call("hello", sender="small", intent="greet"), timeout=20)
                assert small.status_code == 200
                answered_while_in_flight += not big
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        sender.join(timeout=600)
        assert answered_while_in_flight == 10  # every probe came back before the big turn
        assert big, "the big turn never finished"
        assert big[0].status_code == 200
        paused = {"event": "pause", "timestamp": None} in big[0].json()["events"]
        # A pause has its stored payload; a turn that did not pause kept nothing.
        assert stored_payloads(srv.work) == (1 if paused else 0)
