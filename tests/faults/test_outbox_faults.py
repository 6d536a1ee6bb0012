"""The outbox under real storage faults: every failure is StorageUnavailable, bounded and loud.

Each fault is the real thing: another process holding SQLite's write lock, a file overwritten
or cut short, SQLite's own "database or disk is full" (``PRAGMA max_page_count``), a file or
directory the process cannot write, a PostgreSQL nobody listens on. Each test asserts that
nothing accepted is lost and nothing refused is half-written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from handoff import Router
from handoff.delivery import DeliveryWorker, JsonlSink, Outbox, idempotency_key
from handoff.errors import StorageUnavailable
from handoff.models import ContextPayload
from tests.conftest import ROOT, free_port
from tests.test_delivery import _payload, wait_until

POSTGRES_URL = os.environ.get("HANDOFF_TEST_POSTGRES_URL")


@pytest.fixture(scope="module")
def payloads(default_router: Router) -> list[ContextPayload]:
    """60 handoff payloads of 60 conversations, built by the real engine."""
    return [_payload(default_router, index) for index in range(60)]


def _assert_clean(error: StorageUnavailable, payload: ContextPayload) -> None:
    """The message names the outbox and the cause, and carries no payload data or SQL."""
    text = str(error)
    assert text.startswith("outbox ")
    assert payload.conversation_id not in text
    assert "I want a human" not in text
    assert "INSERT" not in text
    assert "SELECT" not in text
    assert error.__cause__ is None  # no chained SQLAlchemy error to print the SQL


class Locker:
    """Another process holding the SQLite write lock (``BEGIN IMMEDIATE``) until released."""

    def __init__(self, path: Path) -> None:
        code = (
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n"
            "c.execute('ROLLBACK')\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def release(self) -> None:
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)
        self.process.stdout.close()


@contextlib.contextmanager
def locked(path: Path) -> Iterator[Locker]:
    """The outbox file write-locked by another process for the duration of the block."""
    locker = Locker(path)
    try:
        yield locker
    finally:
        locker.release()


def _filled(url: str, payloads: list[ContextPayload]) -> list[str]:
    with Outbox(url, sinks=["jsonl"]) as outbox:
        return [outbox.put(payload) for payload in payloads]


class TestLocked:
    """Another process holds the write lock beyond the busy timeout."""

    def test_put_and_check_fail_cleanly_and_nothing_is_half_written(
        self, tmp_path: Path, payloads: list[ContextPayload]
    ) -> None:
        """put raises StorageUnavailable naming the lock; after the lock goes, put works."""
        path = tmp_path / "outbox.db"
        url = f"sqlite:///{path}"
        keys = _filled(url, payloads[:3])
        with Outbox(url, sinks=["jsonl"], busy_timeout=0.3) as outbox:
            with locked(path):
                with pytest.raises(StorageUnavailable, match="database is locked") as caught:
                    outbox.put(payloads[3])
                _assert_clean(caught.value, payloads[3])
                with pytest.raises(StorageUnavailable, match="locked"):
                    outbox.check()
                # Readers still work while a writer holds the lock (WAL).
                assert outbox.stats().pending == 3
            with pytest.raises(KeyError):
                outbox.payload(idempotency_key(payloads[3]))
            assert outbox.stats().total == 3
            assert {row.key for row in outbox.pending()} == set(keys)
            outbox.check()
            outbox.put(payloads[3])
            assert outbox.stats().pending == 4

    def test_busy_timeout_is_bounded_and_configurable(self, tmp_path: Path) -> None:
        """The default wait is short, and nonsense values are refused."""
        url = f"sqlite:///{tmp_path / 'outbox.db'}"
        for bad in (0, -1, 61):
            with pytest.raises(ValueError, match="busy_timeout"):
                Outbox(url, busy_timeout=bad)
        for given, expected in ((None, 2000), (0.25, 250)):
            options = {} if given is None else {"busy_timeout": given}
            with Outbox(url, **options) as outbox, outbox._engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == expected

    def test_worker_logs_every_failed_poll_and_recovers(
        self, tmp_path: Path, payloads: list[ContextPayload], caplog: pytest.LogCaptureFixture
    ) -> None:
        """While locked, each poll logs one ERROR line (no SQL, no data); then it delivers."""
        path = tmp_path / "outbox.db"
        url = f"sqlite:///{path}"
        keys = _filled(url, payloads[:2])
        sink = JsonlSink(tmp_path / "out.jsonl")
        caplog.set_level(logging.ERROR, logger="handoff.delivery")
        with Outbox(url, sinks=[sink], busy_timeout=0.1) as outbox:
            worker = DeliveryWorker(outbox, [sink])
            stop = threading.Event()
            with locked(path):
                thread = threading.Thread(target=worker.run_forever, args=(stop, 0.01))
                thread.start()
                assert wait_until(lambda: len(caplog.records) >= 2, timeout=30)
            try:
                assert wait_until(lambda: outbox.stats().delivered == 2, timeout=30)
            finally:
                stop.set()
                thread.join(30)
        errors = [r for r in caplog.records if r.name == "handoff.delivery"]
        assert errors
        for record in errors:
            assert record.levelno == logging.ERROR
            assert record.exc_info is None  # one line, no traceback with SQL in it
            message = record.getMessage()
            assert "cannot poll the outbox" in message
            assert "database is locked" in message
            assert "chat-" not in message
            assert "SELECT" not in message
            assert "UPDATE" not in message
        lines = (tmp_path / "out.jsonl").read_text().splitlines()
        assert len(lines) == 2
        assert all(key in "".join(lines) for key in keys)


def _corrupt(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "header":
        data[:100] = b"not a database!!" * 6 + b"\0" * 4
    elif how == "truncated":
        del data[len(data) // 2 :]
    else:  # pages in the middle overwritten
        data[4096 : len(data) - 4096] = b"\xff" * (len(data) - 8192)
    path.write_bytes(bytes(data))


def _cli(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HANDOFF_OUTBOX_URL": url, "HANDOFF_JSONL_PATH": os.devnull}
    return subprocess.run(
        [sys.executable, "-m", "handoff.delivery", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


class TestCorrupted:
    """An outbox file that is no longer a valid database."""

    @pytest.mark.parametrize("how", ["header", "truncated", "pages"])
    def test_every_operation_refuses_with_storage_unavailable(
        self, tmp_path: Path, payloads: list[ContextPayload], how: str
    ) -> None:
        """put, check, stats and the worker's claim all raise StorageUnavailable."""
        path = tmp_path / "outbox.db"
        url = f"sqlite:///{path}"
        _filled(url, payloads[:50])
        _corrupt(path, how)
        with Outbox(url, sinks=["jsonl"]) as outbox:  # opening does not raise: check does
            with pytest.raises(StorageUnavailable, match=r"malformed|not a database") as caught:
                outbox.put(payloads[55])
            _assert_clean(caught.value, payloads[55])
            with pytest.raises(StorageUnavailable, match=r"malformed|not a database"):
                outbox.check()
            with pytest.raises(StorageUnavailable):
                outbox.stats()
            with pytest.raises(StorageUnavailable):
                DeliveryWorker(outbox, [JsonlSink(os.devnull)]).run_once()

    def test_command_line_prints_one_error_line_and_exits_1(
        self, tmp_path: Path, payloads: list[ContextPayload]
    ) -> None:
        """stats, retry-dead and run: one ``error:`` line on stderr, no traceback, exit 1."""
        path = tmp_path / "outbox.db"
        url = f"sqlite:///{path}"
        _filled(url, payloads[:5])
        _corrupt(path, "header")
        for command in (["stats"], ["retry-dead"], ["run", "--poll", "0.05"]):
            result = _cli(*command, url=url)
            assert result.returncode == 1, (command, result.stderr)
            assert result.stdout == ""
            [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
            assert "not a database" in line
            assert "Traceback" not in result.stderr


class TestDeleted:
    """The outbox file removed or replaced under a running process."""

    @pytest.mark.parametrize("how", ["deleted", "replaced"])
    def test_put_and_check_refuse_instead_of_writing_into_a_ghost(
        self, tmp_path: Path, payloads: list[ContextPayload], how: str
    ) -> None:
        """Open connections would write into the unlinked file; put raises instead."""
        path = tmp_path / "outbox.db"
        with Outbox(f"sqlite:///{path}", sinks=["jsonl"]) as outbox:
            outbox.put(payloads[0])
            for file in tmp_path.glob("outbox.db*"):
                file.unlink()
            if how == "replaced":
                _filled(f"sqlite:///{path}", payloads[5:6])
            with pytest.raises(StorageUnavailable, match="deleted or replaced") as caught:
                outbox.put(payloads[1])
            _assert_clean(caught.value, payloads[1])
            with pytest.raises(StorageUnavailable, match="deleted or replaced"):
                outbox.check()


def _full_engine(url: str, spare_pages: int) -> sa.Engine:
    """An engine on ``url`` whose connections may grow the file by ``spare_pages`` at most."""
    engine = sa.create_engine(url, hide_parameters=True)

    def limit(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages + spare_pages}")
        cursor.close()

    sa.event.listen(engine, "connect", limit)
    return engine


class TestDiskFull:
    """SQLite's real SQLITE_FULL, through PRAGMA max_page_count."""

    def test_accepted_payloads_stay_and_refused_ones_leave_no_trace(
        self, tmp_path: Path, payloads: list[ContextPayload]
    ) -> None:
        """put raises StorageUnavailable once full; everything accepted before is intact."""
        url = f"sqlite:///{tmp_path / 'outbox.db'}"
        _filled(url, payloads[:5])
        engine = _full_engine(url, spare_pages=4)
        try:
            outbox = Outbox(engine, sinks=["jsonl"])
            with pytest.raises(StorageUnavailable, match="room"):
                outbox.check()
            accepted: list[str] = []
            refused: ContextPayload | None = None
            failure: StorageUnavailable | None = None
            for payload in payloads[5:]:
                try:
                    accepted.append(outbox.put(payload))
                except StorageUnavailable as error:
                    refused, failure = payload, error
                    break
            assert refused is not None, "the outbox never filled up"
            assert failure is not None
            assert "database or disk is full" in str(failure)
            _assert_clean(failure, refused)
            with pytest.raises(KeyError):
                outbox.payload(idempotency_key(refused))
            assert outbox.stats().pending == 5 + len(accepted)
            for key in accepted:
                assert [row.status for row in outbox.deliveries(key)] == ["pending"]
        finally:
            engine.dispose()
        with Outbox(url, sinks=["jsonl"]) as roomy:  # given room again, it takes payloads
            roomy.check()
            roomy.put(refused)


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` (file or directory) unwritable, even for root (chattr +i) when needed."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(path)], check=False).returncode:
        pytest.skip("running as root without chattr +i: cannot make a file read-only")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(path)], check=True)


class TestReadOnly:
    """A file, a directory or a connection that cannot be written."""

    def test_read_only_file(self, tmp_path: Path, payloads: list[ContextPayload]) -> None:
        """An unwritable outbox file: put and check fail, nothing is lost."""
        path = tmp_path / "outbox.db"
        url = f"sqlite:///{path}"
        _filled(url, payloads[:3])
        with read_only(path), Outbox(url, sinks=["jsonl"]) as outbox:
            with pytest.raises(StorageUnavailable, match=r"readonly|unable to open") as caught:
                outbox.put(payloads[3])
            _assert_clean(caught.value, payloads[3])
            with pytest.raises(StorageUnavailable):
                outbox.check()
            assert outbox.stats().pending == 3

    def test_read_only_directory(self, tmp_path: Path, payloads: list[ContextPayload]) -> None:
        """A new outbox in a directory that cannot be written: refused, with the cause."""
        folder = tmp_path / "ro"
        folder.mkdir()
        url = f"sqlite:///{folder / 'outbox.db'}"
        with read_only(folder), Outbox(url, sinks=["jsonl"]) as outbox:
            with pytest.raises(StorageUnavailable, match=r"Permission|Operation not permitted"):
                outbox.put(payloads[0])
            with pytest.raises(StorageUnavailable):
                outbox.check()

    def test_read_only_connection(self, tmp_path: Path, payloads: list[ContextPayload]) -> None:
        """SQLite opened read-only (``mode=ro``): check turns red even though reads work."""
        path = tmp_path / "outbox.db"
        _filled(f"sqlite:///{path}", payloads[:2])
        with Outbox(f"sqlite:///file:{path}?mode=ro&uri=true", sinks=["jsonl"]) as outbox:
            assert outbox.stats().pending == 2
            with pytest.raises(StorageUnavailable, match="readonly"):
                outbox.check()
            with pytest.raises(StorageUnavailable, match="readonly"):
                outbox.put(payloads[2])


class TestPostgres:
    """PostgreSQL down, locked or read-only."""

    def test_down(self, payloads: list[ContextPayload]) -> None:
        """Nobody listening: opening does not raise, put and check raise StorageUnavailable."""
        url = f"postgresql+psycopg://postgres:pw@127.0.0.1:{free_port()}/outbox"
        with Outbox(url, sinks=["jsonl"], busy_timeout=1.0) as outbox:
            with pytest.raises(StorageUnavailable, match="OperationalError") as caught:
                outbox.put(payloads[0])
            _assert_clean(caught.value, payloads[0])
            assert "pw" not in str(caught.value)  # the password is never shown
            with pytest.raises(StorageUnavailable):
                outbox.check()
            assert "pw" not in repr(outbox)

    @pytest.mark.skipif(not POSTGRES_URL, reason="set HANDOFF_TEST_POSTGRES_URL")
    def test_locked_table(self, payloads: list[ContextPayload]) -> None:
        """A table lock held elsewhere: put fails after the busy timeout, nothing written."""
        assert POSTGRES_URL is not None
        _drop_tables(POSTGRES_URL)
        with Outbox(POSTGRES_URL, sinks=["jsonl"], busy_timeout=0.5) as outbox:
            outbox.put(payloads[0])
            holder = sa.create_engine(POSTGRES_URL)
            try:
                with holder.begin() as connection:
                    connection.exec_driver_sql(
                        "LOCK TABLE handoff_outbox_messages IN ACCESS EXCLUSIVE MODE"
                    )
                    with pytest.raises(StorageUnavailable, match="lock") as caught:
                        outbox.put(payloads[1])
                    _assert_clean(caught.value, payloads[1])
                    with pytest.raises(StorageUnavailable):
                        outbox.check()
            finally:
                holder.dispose()
            assert outbox.stats().pending == 1
            outbox.check()

    @pytest.mark.skipif(not POSTGRES_URL, reason="set HANDOFF_TEST_POSTGRES_URL")
    def test_read_only(self, payloads: list[ContextPayload]) -> None:
        """Read-only transactions (a hot standby, say): check and put refuse."""
        assert POSTGRES_URL is not None
        _drop_tables(POSTGRES_URL)
        _filled(POSTGRES_URL, payloads[:1])
        url = sa.make_url(POSTGRES_URL).update_query_dict(
            {"options": "-c default_transaction_read_only=on"}
        )
        with Outbox(url.render_as_string(hide_password=False), sinks=["jsonl"]) as outbox:
            with pytest.raises(StorageUnavailable, match="read-only"):
                outbox.check()
            with pytest.raises(StorageUnavailable, match="read-only"):
                outbox.put(payloads[1])
            assert outbox.stats().pending == 1


def _drop_tables(url: str) -> None:
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DROP TABLE IF EXISTS handoff_outbox_deliveries"))
            connection.execute(sa.text("DROP TABLE IF EXISTS handoff_outbox_messages"))
    finally:
        engine.dispose()
