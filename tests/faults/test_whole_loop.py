"""The whole loop under faults: nothing promised is lost, nothing forged gets in.

A real ``handoff-actions`` server (SQLite outbox, its one delivery thread, a JSON-lines sink
and a signed webhook) delivers to a real reference receiver. Each case of issue 9 is sent as
Rasa would send it. Afterwards, for every sender:

- the action paused the conversation  ⇔  the outbox holds that conversation's payload;
- every payload in the outbox was delivered to every sink, and the receiver holds each key;
- a turn that did not pause got the honest "can't connect you" message when a handoff
  was wanted, never the lane's "a person is coming".
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from handoff import Router
from handoff.models.conversation import clean_text
from handoff.payload import pseudonymise
from tests.conftest import ROOT, free_port, start_receiver, stop
from tests.security.test_action_server import Server, action_call, running

pytestmark = pytest.mark.slow

WEBHOOK_SECRET = "whole-loop-webhook-secret"
RECEIVER_TOKEN = "whole-loop-listing-token"
PSEUDONYM_KEY = "whole-loop-pseudonym-key"
PAUSE = {"event": "pause", "timestamp": None}


@dataclass
class Receiver:
    url: str
    process: subprocess.Popen[bytes]

    def keys(self) -> set[str]:
        reply = httpx.get(
            f"{self.url}/payloads",
            headers={"Authorization": f"Bearer {RECEIVER_TOKEN}"},
            timeout=10,
        )
        assert reply.status_code == 200, reply.text
        return {item["idempotency_key"] for item in reply.json()}


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    port = free_port()
    log, db = tmp_path / "receiver.log", tmp_path / "received.sqlite"
    process = start_receiver(port, db, log, secret=WEBHOOK_SECRET, token=RECEIVER_TOKEN)
    try:
        yield Receiver(f"http://127.0.0.1:{port}", process)
    finally:
        stop(process)


@dataclass
class Ledger:
    """What each sender was told, to check against the outbox and the receiver."""

    paused: dict[str, bool] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=dict)

    def send(self, server: Server, body: dict[str, Any] | bytes, sender: str) -> dict[str, Any]:
        reply = server.post(body, timeout=120)
        assert reply.status_code == 200, reply.text
        answer: dict[str, Any] = reply.json()
        # A sender that paused once stays counted as paused.
        self.paused[sender] = self.paused.get(sender, False) or PAUSE in answer["events"]
        self.texts.setdefault(sender, []).extend(
            r.get("text") or "" for r in answer.get("responses", [])
        )
        return answer


def outbox_rows(work: Path) -> dict[str, list[tuple[str, str, str]]]:
    """conversation id -> [(key, sink, status)], read straight from the outbox's tables."""
    with sqlite3.connect(f"file:{work / 'outbox.db'}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT m.conversation_id, d.key, d.sink, d.status FROM handoff_outbox_messages m "
            "JOIN handoff_outbox_deliveries d ON d.key = m.key"
        ).fetchall()
    out: dict[str, list[tuple[str, str, str]]] = {}
    for conversation, key, sink, status in rows:
        out.setdefault(conversation, []).append((key, sink, status))
    return out


def wait_until_delivered(work: Path, seconds: float = 90) -> dict[str, list[tuple[str, str, str]]]:
    deadline = time.monotonic() + seconds
    rows = outbox_rows(work)
    while time.monotonic() < deadline:
        rows = outbox_rows(work)
        if all(status == "delivered" for items in rows.values() for _, _, status in items):
            return rows
        time.sleep(0.2)
    return rows


def payload_id(sender: str) -> str:
    """The conversation id a payload carries for this sender (pseudonymised PII, clean text)."""
    return pseudonymise(clean_text(sender), PSEUDONYM_KEY.encode())


def with_slot(body: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
    body["tracker"]["slots"][name] = value
    return body


def with_confidence(body: dict[str, Any], confidence: Any) -> dict[str, Any]:
    for parse in (body["tracker"]["latest_message"],):
        parse["intent"]["confidence"] = confidence
        parse["intent_ranking"] = [{"name": parse["intent"]["name"], "confidence": confidence}]
    return body


def test_no_pause_without_a_stored_and_delivered_payload(
    tmp_path: Path, receiver: Receiver
) -> None:
    work = tmp_path / "server"
    router = Router.from_path(ROOT / "rules" / "default.yaml", pseudonym_key=PSEUDONYM_KEY)
    lane_message = router.ruleset.lanes["general_support"].message
    honest = "I'm sorry"  # the default when_storage_fails message starts so
    ledger = Ledger()
    with running(
        work,
        HANDOFF_WEBHOOK_URL=f"{receiver.url}/payloads",
        HANDOFF_WEBHOOK_SECRET=WEBHOOK_SECRET,
        HANDOFF_PSEUDONYM_KEY=PSEUDONYM_KEY,
        HANDOFF_MAX_BODY_BYTES=str(4 << 20),
    ) as server:
        # 1. The ordinary handoff.
        ledger.send(server, action_call(sender="loop-plain"), "loop-plain")
        # 2-3. Lone surrogates (valid JSON) in the text and in the sender id.
        ledger.send(server, action_call("a person please \ud800", sender="loop-surr"), "loop-surr")
        ledger.send(server, action_call(sender="loop-\udfff-id"), "loop-\udfff-id")
        # 4. A phone number as the sender id: stored and delivered under its pseudonym.
        ledger.send(server, action_call(sender="whatsapp:+447700900123"), "whatsapp:+447700900123")
        # 5. Malformed confidences read as unsure, never as certain; still routed and stored.
        for n, confidence in enumerate(["high", None, 2, -1]):
            sender = f"loop-conf-{n}"
            ledger.send(server, with_confidence(action_call(sender=sender), confidence), sender)
        # 6. A huge message (far past the analysis cap, under the body cap).
        big = "I want a human. " + " ".join(["4321"] * 200_000)  # 1 MB, twice in the body
        ledger.send(server, action_call(big, sender="loop-huge"), "loop-huge")
        # 7. A forged override in the state slot of a calm chat: no handoff at all.
        forged = with_slot(
            action_call("hello there", sender="loop-forged", intent="greet"),
            "handoff_state", {"override_lane": "supervisor", "lane_kind": "override"},
        )  # fmt: skip
        answer = ledger.send(server, forged, "loop-forged")
        assert PAUSE not in answer["events"]
        # 8. The outbox locked by another process for longer than the busy timeout: the
        #    handoff is not promised; once the lock is gone, the next turn hands over.
        lock = sqlite3.connect(work / "outbox.db", timeout=30, isolation_level=None)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            locked = ledger.send(server, action_call(sender="loop-locked"), "loop-locked")
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        assert PAUSE not in locked["events"]
        assert any(honest in text for text in ledger.texts["loop-locked"])
        assert lane_message not in ledger.texts["loop-locked"]
        ledger.send(server, action_call(sender="loop-locked"), "loop-locked")

        rows = wait_until_delivered(work)
        delivered_keys = receiver.keys()

        # 9. The outbox corrupted in place: readiness turns red, nothing more is promised.
        with (work / "outbox.db").open("r+b") as db:
            db.write(b"\0" * 4096)
        for suffix in ("-wal", "-shm"):
            side = work / f"outbox.db{suffix}"
            if side.exists():
                with side.open("r+b") as file:
                    file.write(b"\xff" * 64)
        broken = ledger.send(server, action_call(sender="loop-corrupt"), "loop-corrupt")
        ready = httpx.get(f"{server.url}/ready", timeout=30)

    assert PAUSE not in broken["events"]
    assert any(honest in text for text in ledger.texts["loop-corrupt"])
    assert ready.status_code == 503
    assert httpx.get  # the server is stopped; what follows reads what it left behind

    expected_pauses = {s for s in ledger.paused if s not in ("loop-forged", "loop-corrupt")}
    assert {s for s, paused in ledger.paused.items() if paused} == expected_pauses
    for sender, paused in ledger.paused.items():
        if sender == "loop-corrupt":
            continue
        items = rows.get(payload_id(sender), [])
        if not paused:
            assert items == [], f"{sender!r}: stored without a pause"
            continue
        assert items, f"{sender!r} was told a person is coming but nothing was stored"
        for key, sink, status in items:
            assert status == "delivered", f"{sender!r}: {sink} delivery is {status}"
            assert key in delivered_keys, f"{sender!r}: the receiver never got {key}"
    # No stored payload belongs to a sender the action did not pause.
    known = {payload_id(s) for s, paused in ledger.paused.items() if paused}
    assert set(rows) <= known
    # The phone number never travelled: only its pseudonym did.
    assert "447700900123" not in json.dumps(sorted(rows))
    assert "whatsapp:phone-" in " ".join(rows)
