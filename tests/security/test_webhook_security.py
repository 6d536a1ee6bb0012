"""Forged, replayed and hostile deliveries, the receiver's listing, and who can read our files.

The receiver runs as a real process (``python -m handoff.delivery.receiver``) on 127.0.0.1.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from handoff import Router
from handoff.delivery import JsonlSink, Outbox, WebhookSink, sign, verify
from handoff.delivery._signing import signed_headers
from handoff.delivery.receiver import ReceiverStore, create_receiver_app
from handoff.models import ContextPayload
from tests.conftest import free_port, start_receiver, stop
from tests.test_delivery import _payload

SECRET = "receiver-secret"
TOKEN = "listing-token-\N{SNOWMAN}".encode().hex()


@dataclass
class Receiver:
    """A running receiver process: its URL, log and database."""

    url: str
    log: Path
    db: Path

    def post(self, body: bytes, headers: dict[str, str]) -> httpx.Response:
        return httpx.post(self.url + "/payloads", content=body, headers=headers, timeout=10)

    def listing(self) -> list[dict[str, object]]:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        response = httpx.get(self.url + "/payloads", headers=auth, timeout=10)
        response.raise_for_status()
        items: list[dict[str, object]] = response.json()
        return items


def _start(folder: Path, *, token: str | None, extra: tuple[str, ...] = ()) -> Iterator[Receiver]:
    port = free_port()
    log = folder / "receiver.log"
    db = folder / "received.sqlite"
    process = start_receiver(port, db, log, secret=SECRET, token=token, extra=extra)
    try:
        yield Receiver(f"http://127.0.0.1:{port}", log, db)
    finally:
        stop(process)


@pytest.fixture(scope="module")
def receiver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receiver]:
    """One receiver with a listing token and a 64 kB body cap, for the whole module."""
    folder = tmp_path_factory.mktemp("receiver")
    yield from _start(folder, token=TOKEN, extra=("--max-body", "65536"))


@pytest.fixture(scope="module")
def body(default_router: Router) -> bytes:
    """A real payload's JSON, as the worker sends it."""
    return _payload(default_router, 7).model_dump_json().encode()


class TestSignatureScheme:
    """verify() refuses replays, far-future stamps, absurd stamps and an empty secret."""

    def test_a_replay_under_a_new_key_does_not_verify(self, body: bytes) -> None:
        """The key is signed: swapping it breaks the signature."""
        headers = signed_headers(body, SECRET, key="key-1")
        assert verify(body, headers, SECRET)
        assert not verify(body, {**headers, "Idempotency-Key": "key-2"}, SECRET)

    def test_future_timestamps_get_only_a_small_skew(self, body: bytes) -> None:
        """299 s ahead was accepted before; now more than 30 s ahead is refused."""
        now = time.time()
        ahead = signed_headers(body, SECRET, key="k", timestamp=int(now) + 299)
        assert not verify(body, ahead, SECRET, now=now)
        drift = signed_headers(body, SECRET, key="k", timestamp=int(now) + 10)
        assert verify(body, drift, SECRET, now=now)

    def test_a_huge_timestamp_is_refused_without_parsing(self, body: bytes) -> None:
        """5,000 digits: False, not a ValueError from int()."""
        headers = signed_headers(body, SECRET, key="k")
        assert not verify(body, {**headers, "X-Handoff-Timestamp": "9" * 5000}, SECRET)

    def test_an_empty_secret_is_a_configuration_error(self, body: bytes, tmp_path: Path) -> None:
        """sign, verify, the sink and the receiver all refuse an empty secret."""
        headers = signed_headers(body, SECRET, key="k")
        for secret in ("", b""):
            with pytest.raises(ValueError, match="empty"):
                sign(body, secret, int(time.time()), "k")
            with pytest.raises(ValueError, match="empty"):
                verify(body, headers, secret)
            with pytest.raises(ValueError, match="secret"):
                WebhookSink("http://127.0.0.1:9/", secret)
            with pytest.raises(ValueError, match="secret"):
                create_receiver_app(secret, tmp_path / "r.sqlite")

    def test_keys_unfit_for_a_header_cannot_be_signed(self, body: bytes) -> None:
        """A key with spaces or non-ASCII is refused when signing."""
        for key in ("", "a b", "caf\N{LATIN SMALL LETTER E WITH ACUTE}", "x" * 201):
            with pytest.raises(ValueError, match="idempotency key"):
                sign(body, SECRET, 1, key)


class TestReceiver:
    """The reference receiver, attacked over HTTP."""

    def test_replay_with_a_new_key_is_401_and_stored_once(
        self, receiver: Receiver, body: bytes
    ) -> None:
        """A captured delivery re-sent under a new key, within the tolerance, is refused."""
        captured = signed_headers(body, SECRET, key="replay-1")
        assert receiver.post(body, captured).status_code == 200
        replay = {**captured, "Idempotency-Key": "replay-2"}
        assert receiver.post(body, replay).status_code == 401
        keys = [item["idempotency_key"] for item in receiver.listing()]
        assert "replay-1" in keys
        assert "replay-2" not in keys

    def test_future_and_huge_timestamps_are_401(self, receiver: Receiver, body: bytes) -> None:
        """299 s ahead: 401. A 5,000-digit timestamp: 401, not 500."""
        ahead = signed_headers(body, SECRET, key="future", timestamp=int(time.time()) + 299)
        assert receiver.post(body, ahead).status_code == 401
        huge = {**signed_headers(body, SECRET, key="huge"), "X-Handoff-Timestamp": "9" * 5000}
        assert receiver.post(body, huge).status_code == 401

    def test_a_different_body_under_a_used_key_is_409(
        self, receiver: Receiver, body: bytes, default_router: Router
    ) -> None:
        """Same body again: 200 duplicate. Another validly signed body: 409, logged, no PII."""
        first = receiver.post(body, signed_headers(body, SECRET, key="conflict"))
        assert first.json()["status"] == "stored"
        again = receiver.post(body, signed_headers(body, SECRET, key="conflict"))
        assert (again.status_code, again.json()["status"]) == (200, "duplicate")
        other = _payload(default_router, 8).model_dump_json().encode()
        conflict = receiver.post(other, signed_headers(other, SECRET, key="conflict"))
        assert conflict.status_code == 409
        [stored] = [item for item in receiver.listing() if item["idempotency_key"] == "conflict"]
        assert ContextPayload.model_validate(stored["payload"]).conversation_id == "chat-7"
        assert stored["duplicates"] == 1

        def logged() -> bool:
            return "differs from the one stored under key conflict" in receiver.log.read_text()

        deadline = time.monotonic() + 10
        while not logged() and time.monotonic() < deadline:
            time.sleep(0.05)
        log = receiver.log.read_text()
        assert logged(), log
        assert "chat-8" not in log
        assert "chat-7" not in log
        assert "I want a human" not in log

    def test_the_listing_needs_the_token(self, receiver: Receiver) -> None:
        """No token, a wrong one or a malformed header: 401. The right bearer token: 200."""
        url = receiver.url + "/payloads"
        for headers in (
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": TOKEN},
            {"Authorization": f"Basic {TOKEN}"},
            {"Authorization": "Bearer " + TOKEN + "x"},
        ):
            response = httpx.get(url, headers=headers, timeout=10)
            assert response.status_code == 401, headers
            assert "payload" not in response.json()
        assert isinstance(receiver.listing(), list)

    def test_a_body_over_the_cap_is_413(self, receiver: Receiver) -> None:
        """The body is refused by size before it is read or verified."""
        big = b"{" + b" " * 70_000 + b"}"
        response = receiver.post(big, signed_headers(big, SECRET, key="big"))
        assert response.status_code == 413

    def test_without_a_token_the_listing_is_off(self, tmp_path: Path) -> None:
        """A receiver started without HANDOFF_RECEIVER_TOKEN lists nothing to anyone."""
        for running in _start(tmp_path, token=None):
            for headers in ({}, {"Authorization": "Bearer x"}, {"Authorization": "Bearer None"}):
                response = httpx.get(running.url + "/payloads", headers=headers, timeout=10)
                assert response.status_code == 401
                assert "HANDOFF_RECEIVER_TOKEN" in response.json()["error"]

    def test_it_listens_on_loopback_only_by_default(self, receiver: Receiver) -> None:
        """Started without --host, its listening socket is bound to 127.0.0.1 (from /proc)."""
        table = Path("/proc/net/tcp")
        if not table.exists():
            pytest.skip("needs Linux's /proc/net/tcp")
        port = int(receiver.url.rsplit(":", 1)[1])
        listening = set()
        for line in table.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                listening.add(address)
        v6 = Path("/proc/net/tcp6")
        if v6.exists():
            for line in v6.read_text().splitlines()[1:]:
                local, state = line.split()[1], line.split()[3]
                if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                    listening.add(local.rsplit(":", 1)[0])
        assert listening == {"0100007F"}  # 127.0.0.1, little-endian hex


class TestFileModes:
    """Everything holding payloads is created 0600; shared existing files are warned about."""

    @pytest.fixture(autouse=True)
    def _wide_umask(self) -> Iterator[None]:
        old = os.umask(0o022)  # the common default, which would give 0644
        try:
            yield
        finally:
            os.umask(old)

    def test_outbox_and_its_wal_files(self, tmp_path: Path, default_router: Router) -> None:
        """outbox.db, -wal and -shm: owner read/write only."""
        path = tmp_path / "outbox.db"
        with Outbox(f"sqlite:///{path}", sinks=["jsonl"]) as outbox:
            outbox.put(_payload(default_router, 1))
            files = [path, *(tmp_path / f"outbox.db{suffix}" for suffix in ("-wal", "-shm"))]
            for file in files:
                assert file.exists(), file
                assert file.stat().st_mode & 0o777 == 0o600, file

    def test_jsonl_sink_file(self, tmp_path: Path, body: bytes) -> None:
        """The JSONL file a sink creates."""
        path = tmp_path / "out.jsonl"
        JsonlSink(path).send(body, {"Idempotency-Key": "k"})
        assert path.stat().st_mode & 0o777 == 0o600

    def test_receiver_database(self, tmp_path: Path) -> None:
        """The receiver's SQLite file."""
        store = ReceiverStore(tmp_path / "received.sqlite")
        assert store.path.stat().st_mode & 0o777 == 0o600

    def test_existing_shared_files_are_warned_about(
        self, tmp_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        """A 0644 outbox, JSONL file or receiver database: a warning naming the path."""
        caplog.set_level(logging.WARNING, logger="handoff.delivery")
        outbox_path = tmp_path / "outbox.db"
        with Outbox(f"sqlite:///{outbox_path}", sinks=["jsonl"]):
            pass
        jsonl_path = tmp_path / "out.jsonl"
        jsonl_path.write_text("")
        receiver_path = tmp_path / "received.sqlite"
        ReceiverStore(receiver_path)
        for path in (outbox_path, jsonl_path, receiver_path):
            path.chmod(0o644)
        caplog.clear()
        with Outbox(f"sqlite:///{outbox_path}", sinks=["jsonl"]):
            pass
        JsonlSink(jsonl_path)
        ReceiverStore(receiver_path)
        warned = " ".join(r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
        for path in (outbox_path, jsonl_path, receiver_path):
            assert f"{path} is readable or writable by group/others (mode 0o644)" in warned
        assert outbox_path.stat().st_mode & 0o777 == 0o644  # warned about, not changed
