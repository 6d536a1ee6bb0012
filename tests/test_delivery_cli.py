"""``python -m handoff.delivery``: a readable --help, a start line that says what runs
(never a secret), and ``run --drain`` that exits when nothing is due, as real processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy")

from handoff import Conversation, Router
from handoff.delivery import Outbox
from handoff.delivery.__main__ import safe_database_url, safe_http_url
from tests.conftest import RULES, free_port

SECRET = "s3cret-signing-key"
PASSWORD = "pa55word-in-url"
TOKEN = "t0ken-in-query"


def _delivery(*args: str) -> list[str]:
    return [sys.executable, "-m", "handoff.delivery", *args]


def _queue_one(outbox_url: str, sinks: list[str]) -> None:
    """One real payload in the outbox, as the Rasa action server would put it."""
    router = Router.from_path(RULES / "default.yaml", pseudonym_key="test-key")
    turn = {"role": "user", "text": "I want a human",
            "intent": {"name": "request_human", "confidence": 0.99}}  # fmt: skip
    conversation = Conversation.model_validate({"id": "chat-7", "turns": [turn]})
    now = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
    decision = router.route(conversation, now=now)
    with Outbox(outbox_url, sinks=sinks) as outbox:
        outbox.put(router.payload(conversation, decision, now=now))


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")}
    return {**env, **extra}


class TestHelp:
    def test_examples_and_commands_are_one_per_line(self) -> None:
        """argparse keeps the description and epilog as written (no run-together examples)."""
        done = subprocess.run(
            _delivery("--help"), capture_output=True, text=True, check=True, env=_env()
        )
        lines = [line.strip() for line in done.stdout.splitlines()]
        for example in (
            "python -m handoff.delivery run",
            "python -m handoff.delivery stats",
            "python -m handoff.delivery retry-dead",
        ):
            assert example in lines, done.stdout
        assert any(line.startswith("run --drain") or "run --drain --outbox" in line
                   for line in lines)  # fmt: skip
        for command in ("run", "stats", "retry-dead"):
            assert any(line.startswith(f"{command} ") for line in lines), command
        for variable in ("HANDOFF_OUTBOX_URL", "HANDOFF_WEBHOOK_SECRET", "HANDOFF_JSONL_PATH"):
            assert any(line.startswith(variable) for line in lines), variable

    def test_help_never_shows_the_configured_outbox_url(self) -> None:
        """A password in HANDOFF_OUTBOX_URL does not leak through the option's default."""
        url = f"postgresql+psycopg://app:{PASSWORD}@db.example/outbox"
        done = subprocess.run(
            _delivery("--help"),
            capture_output=True,
            text=True,
            check=True,
            env=_env(HANDOFF_OUTBOX_URL=url),
        )
        assert PASSWORD not in done.stdout


class TestStartLine:
    def test_run_says_what_it_delivers_and_how_to_stop(self, tmp_path: Path) -> None:
        """The first stderr line names the outbox and the sinks without secrets; SIGTERM
        stops the process cleanly."""
        outbox = f"sqlite:///{tmp_path / 'outbox.db'}"
        port = free_port()  # nothing listens: the start line comes before any delivery
        webhook = f"http://user:{PASSWORD}@127.0.0.1:{port}/payloads?token={TOKEN}#frag"
        jsonl = tmp_path / "payloads.jsonl"
        process = subprocess.Popen(
            _delivery("run", "--outbox", outbox, "--webhook", webhook, "--jsonl", str(jsonl)),
            env=_env(HANDOFF_WEBHOOK_SECRET=SECRET),
            cwd=tmp_path,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stderr is not None
            first = process.stderr.readline().rstrip("\n")
        finally:
            process.send_signal(signal.SIGTERM)
            out, rest = process.communicate(timeout=30)
        assert first == (
            f"delivering from {outbox} to webhook http://127.0.0.1:{port}/payloads "
            f"(query hidden), jsonl {jsonl}, until stopped: Ctrl-C or kill -TERM {process.pid}"
        )
        assert process.returncode == 0, rest
        everything = first + rest + out
        for secret in (SECRET, PASSWORD, TOKEN, "user:"):
            assert secret not in everything

    def test_no_start_line_when_the_outbox_cannot_be_used(self, tmp_path: Path) -> None:
        """A broken outbox is one error line and exit 1, not "delivering from …"."""
        (tmp_path / "outbox.db").write_bytes(b"this is not a database" * 100)
        (tmp_path / "outbox.db").chmod(0o600)
        done = subprocess.run(
            _delivery("run", "--outbox", f"sqlite:///{tmp_path / 'outbox.db'}",
                      "--jsonl", str(tmp_path / "p.jsonl")),
            capture_output=True, text=True, env=_env(), timeout=60, check=False,
        )  # fmt: skip
        assert done.returncode == 1
        [line] = done.stderr.splitlines()
        assert line.startswith(f"error: outbox sqlite:///{tmp_path / 'outbox.db'}")
        assert line.endswith("file is not a database")
        assert "delivering from" not in done.stderr

    @pytest.mark.parametrize(
        ("url", "shown"),
        [
            (
                f"postgresql+psycopg://app:{PASSWORD}@db.example:5432/outbox?sslpassword={TOKEN}",
                "postgresql+psycopg://app:***@db.example:5432/outbox (query hidden)",
            ),
            ("sqlite:////var/lib/handoff/outbox.db", "sqlite:////var/lib/handoff/outbox.db"),
            ("not a url", "(an outbox URL that cannot be parsed)"),
        ],
    )
    def test_database_urls_are_printed_without_secrets(self, url: str, shown: str) -> None:
        """The password masked, the query left out, an unparseable URL not echoed."""
        assert safe_database_url(url) == shown

    @pytest.mark.parametrize(
        ("url", "shown"),
        [
            (f"https://u:{PASSWORD}@desk.example/hook?key={TOKEN}", "https://desk.example/hook "
             "(query hidden)"),
            ("http://[::1]:8765/payloads", "http://[::1]:8765/payloads"),
            ("http://127.0.0.1:99999/x", "(a webhook URL that cannot be parsed)"),
        ],
    )  # fmt: skip
    def test_webhook_urls_are_printed_without_secrets(self, url: str, shown: str) -> None:
        """No user, password, query or fragment."""
        assert safe_http_url(url) == shown


class TestDrain:
    def test_drain_delivers_and_exits(self, tmp_path: Path) -> None:
        """--drain delivers what is due, prints the counts and exits 0."""
        outbox = f"sqlite:///{tmp_path / 'outbox.db'}"
        jsonl = tmp_path / "payloads.jsonl"
        _queue_one(outbox, ["jsonl"])
        done = subprocess.run(
            _delivery("run", "--drain", "--outbox", outbox, "--jsonl", str(jsonl)),
            capture_output=True, text=True, env=_env(), cwd=tmp_path, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout == "delivered 1; 0 pending, 0 dead\n"
        assert done.stderr.splitlines()[0] == (
            f"delivering from {outbox} to jsonl {jsonl}, until nothing is due (--drain)"
        )
        [line] = jsonl.read_text().splitlines()
        assert json.loads(line)["payload"]["conversation_id"]
        assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("outbox.db"))\
            == ["payloads.jsonl"]  # fmt: skip

    def test_drain_with_the_receiver_down_exits_1(self, tmp_path: Path) -> None:
        """Nothing lost: the delivery stays pending, and the exit status says so."""
        outbox = f"sqlite:///{tmp_path / 'outbox.db'}"
        _queue_one(outbox, ["webhook"])
        webhook = f"http://127.0.0.1:{free_port()}/payloads"
        done = subprocess.run(
            _delivery("run", "--drain", "--outbox", outbox, "--webhook", webhook),
            capture_output=True, text=True, env=_env(HANDOFF_WEBHOOK_SECRET=SECRET),
            timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 1
        assert done.stdout == "delivered 0; 1 pending, 0 dead\n"
        with Outbox(outbox) as box:
            assert box.stats().pending == 1

    def test_drain_is_only_for_run(self) -> None:
        """--drain with stats is a usage error (exit 2)."""
        done = subprocess.run(
            _delivery("stats", "--drain"), capture_output=True, text=True, env=_env(), check=False
        )
        assert done.returncode == 2
        assert "--drain goes with run" in done.stderr
