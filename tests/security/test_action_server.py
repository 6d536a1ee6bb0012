"""The hardened action server (``handoff-actions``), run for real as a subprocess on 127.0.0.1:
authentication, refused bodies, error replies without request content, bind address,
readiness, one delivery thread, and refusing to start when misconfigured."""

from __future__ import annotations

import contextlib
import copy
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import DATA, ROOT, RULES, always_open_rules, free_port, stop, wait_for

TOKEN = "action-token-0123456789abcdef"
OLD_TOKEN = "old-action-token-fedcba987654"
STATE_SECRET = "state-secret-0123456789"
METRICS_TOKEN = "metrics-token-abcdef"
CARD = "4111 1111 1111 1111"
CAPTURED = DATA / "rasa" / "captured_action_request_rasa3.6.21.json"


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    work: Path

    def post(
        self,
        body: bytes | dict[str, Any] | Iterator[bytes],
        *,
        token: str | None = TOKEN,
        **kwargs: Any,
    ) -> httpx.Response:
        """POST /webhook as Rasa does (JSON, bearer token), unless told otherwise."""
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        headers.update(kwargs.pop("headers", {}))
        content = json.dumps(body).encode() if isinstance(body, dict) else body
        return httpx.post(
            f"{self.url}/webhook",
            content=content,
            headers=headers,
            timeout=kwargs.pop("timeout", 60),
            **kwargs,
        )

    def rss_kib(self) -> int:
        """The server process's resident memory now."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")


def base_env(work: Path) -> dict[str, str]:
    """A complete, valid configuration: rules, outbox, a JSONL sink, all secrets."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")},
        "HANDOFF_RULES": str(always_open_rules(RULES / "default.yaml", work / "rules.yaml")),
        "HANDOFF_OUTBOX_URL": f"sqlite:///{work / 'outbox.db'}",
        "HANDOFF_JSONL_PATH": str(work / "payloads.jsonl"),
        "HANDOFF_ACTION_TOKEN": f"{TOKEN},{OLD_TOKEN}",
        "HANDOFF_STATE_SECRET": STATE_SECRET,
        "HANDOFF_METRICS_TOKEN": METRICS_TOKEN,
    }


@contextlib.contextmanager
def running(work: Path, **overrides: str | None) -> Iterator[Server]:
    """``python -m handoff.adapters.server`` on a free loopback port; stopped afterwards."""
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = base_env(work) | {"HANDOFF_PORT": str(port)}
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    log = work / "server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "handoff.adapters.server"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_for(f"{url}/health", 60, log, process)
            yield Server(url, process, log, work)
        finally:
            stop(process, timeout=10)


def action_call(
    text: str = "I want to talk to a human", *, sender: str = "sec-1", intent: str = "request_human"
) -> dict[str, Any]:
    """The captured Rasa 3.6.21 request, addressed to our action, with a new last message."""
    body: dict[str, Any] = copy.deepcopy(json.loads(CAPTURED.read_text()))
    body["next_action"] = "action_handoff_route"
    body["sender_id"] = body["tracker"]["sender_id"] = sender
    parse = {**body["tracker"]["latest_message"], "text": text}
    parse["intent"] = {"name": intent, "confidence": 0.95}
    body["tracker"]["latest_message"] = parse
    last_user = next(e for e in reversed(body["tracker"]["events"]) if e["event"] == "user")
    last_user["text"], last_user["parse_data"] = text, parse
    return body


def stored_payloads(work: Path) -> int:
    """Payloads in the server's outbox, read through the public Outbox API."""
    from handoff.delivery import Outbox  # noqa: PLC0415

    with Outbox(f"sqlite:///{work / 'outbox.db'}", sinks=("jsonl",)) as outbox:
        return outbox.stats().total


def metric(server: Server, name: str) -> float:
    """One sample of /metrics (sum over labels)."""
    reply = httpx.get(
        f"{server.url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}, timeout=10
    )
    assert reply.status_code == 200, reply.text
    values = [
        float(line.rsplit(" ", 1)[1])
        for line in reply.text.splitlines()
        if line.startswith(name) and (line[len(name)] in " {")
    ]
    assert values, f"{name} not in /metrics"
    return sum(values)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the tests that do not need their own configuration."""
    with running(tmp_path_factory.mktemp("server")) as started:
        yield started


def assert_error_reply(reply: httpx.Response, status: int) -> None:
    """An error reply: the status, a fixed message and a request id; nothing else."""
    assert reply.status_code == status, reply.text
    body = reply.json()
    assert set(body) == {"error", "request_id"}
    assert body["request_id"] == reply.headers["x-request-id"]


# --------------------------------------------------------------------------- authentication


def test_the_right_token_routes_the_turn(server: Server) -> None:
    """Rasa's request with the bearer token is routed (a handoff: pause and message)."""
    reply = server.post(action_call(sender="auth-ok"))
    assert reply.status_code == 200, reply.text
    assert {"event": "pause", "timestamp": None} in reply.json()["events"]


def test_the_second_token_works_while_rotating(server: Server) -> None:
    """Both comma-separated tokens are accepted, so Rasa can move to the new one first."""
    assert server.post(action_call(sender="auth-old"), token=OLD_TOKEN).status_code == 200


@pytest.mark.parametrize(
    ("token", "headers"),
    [
        (None, {}),
        ("wrong-token", {}),
        (TOKEN[:-1], {}),
        (TOKEN + "x", {}),
        (None, {"Authorization": f"Basic {TOKEN}"}),
        (None, {"Authorization": "Bearer"}),
    ],
    ids=["none", "wrong", "prefix", "longer", "basic-scheme", "empty-bearer"],
)
def test_missing_or_wrong_token_is_refused(
    server: Server, token: str | None, headers: dict[str, str]
) -> None:
    """Anything but an accepted bearer token gets 401, and no turn is routed."""
    before = metric(server, "handoff_turns_total")
    reply = server.post(action_call(sender="auth-bad"), token=token, headers=headers)
    assert_error_reply(reply, 401)
    assert reply.headers["www-authenticate"].startswith("Bearer")
    assert metric(server, "handoff_turns_total") == before


def test_a_token_in_the_query_string_is_not_accepted(server: Server) -> None:
    """Only the header counts: a query-string token ends up in proxies' and access logs."""
    reply = server.post(action_call(), token=None, params={"token": TOKEN})
    assert_error_reply(reply, 401)


def test_a_cross_origin_text_plain_post_is_refused(server: Server) -> None:
    """What a web page can send without a CORS preflight is not executed, whatever it holds."""
    body = json.dumps(action_call(sender="browser")).encode()
    browser = {"Content-Type": "text/plain", "Origin": "https://evil.example"}
    reply = httpx.post(f"{server.url}/webhook", content=body, headers=browser, timeout=30)
    assert_error_reply(reply, 401)
    assert "access-control-allow-origin" not in reply.headers
    # Even holding the token, a browser's request or a text/plain body is refused.
    with_token = server.post(body, headers=browser)
    assert with_token.status_code in (403, 415)
    assert_error_reply(server.post(body, headers={"Content-Type": "text/plain"}), 415)
    assert_error_reply(server.post(body, headers={"Origin": "https://evil.example"}), 403)
    preflight = httpx.options(
        f"{server.url}/webhook",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
        timeout=10,
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_metrics_need_their_own_token(server: Server) -> None:
    """/metrics takes the metrics token only: the scraper cannot run actions and vice versa."""
    url = f"{server.url}/metrics"
    assert httpx.get(url, timeout=10).status_code == 401
    as_rasa = {"Authorization": f"Bearer {TOKEN}"}
    assert httpx.get(url, headers=as_rasa, timeout=10).status_code == 401
    assert server.post(action_call(), token=METRICS_TOKEN).status_code == 401
    assert metric(server, "handoff_storage_ready") == 1


# --------------------------------------------------------------------------- hostile bodies


def test_a_deflate_body_is_refused_without_decompressing(server: Server) -> None:
    """1 MB of deflate that expands to 1 GiB: 415, and the server's memory stays put."""
    packer = zlib.compressobj(9)
    chunk = b"0" * (1 << 20)
    bomb = b"".join(packer.compress(chunk) for _ in range(1024)) + packer.flush()
    assert len(bomb) < 2 << 20
    before = server.rss_kib()
    for _ in range(3):
        reply = server.post(bomb, headers={"Content-Encoding": "deflate"})
        assert_error_reply(reply, 415)
    assert server.rss_kib() - before < 64 * 1024  # KiB: far below the 1 GiB it would take
    assert_error_reply(server.post(bomb, headers={"Content-Encoding": "gzip"}), 415)


def test_a_body_over_the_cap_is_refused(server: Server) -> None:
    """2 MB gets 413 whether its length is announced or it comes chunked."""
    big = b'{"pad": "' + b"x" * (2 << 20) + b'"}'
    assert_error_reply(server.post(big), 413)

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(big), 65536):
            yield big[start : start + 65536]

    reply = server.post(chunks())
    assert reply.status_code == 413


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a": ' + b"[" * 40 + b"1" + b"]" * 40 + b"}",
        b"not json",
        b"[1, 2]",
        b"\xff\xfe",
    ],
    ids=["recursion", "deep", "garbage", "not-object", "not-utf8"],
)
def test_malformed_or_deep_json_is_a_400(server: Server, body: bytes) -> None:
    """Bounded nesting: parsing or walking the call never recurses without limit."""
    assert_error_reply(server.post(body), 400)


def test_a_failing_action_answers_500_without_request_content(server: Server) -> None:
    """rasa-sdk echoes the body in its 500s; ours names a request id, and the log has no PII."""
    call = {
        "next_action": "action_handoff_route",
        "sender_id": CARD,
        "tracker": CARD,
        "domain": {"note": CARD},
    }
    reply = server.post(call)
    assert_error_reply(reply, 500)
    assert "4111" not in without_request_ids(reply.text)
    request_id = reply.json()["request_id"]
    log = server.log.read_text()
    assert request_id in log
    assert "4111" not in without_request_ids(log)


def without_request_ids(text: str) -> str:
    """The text with its random request ids masked.

    A request id is 32 random hex digits, so about one in 2,000 contains
    "4111" by chance (CI failed once on exactly that); the card number must
    not appear anywhere else.
    """
    return re.sub(r"\b[0-9a-f]{32}\b", "<request id>", text)


def test_secrets_never_reach_the_log(server: Server) -> None:
    """The log says a secret is set, never what it is."""
    log = server.log.read_text()
    assert "HANDOFF_ACTION_TOKEN is set" in log
    for secret in (TOKEN, OLD_TOKEN, STATE_SECRET, METRICS_TOKEN):
        assert secret not in log


# --------------------------------------------------------------------------- placement, processes


def _listening(pid: int, port: int) -> set[str]:
    """Local addresses the process listens on at ``port`` (from /proc, IPv4 and IPv6)."""
    found = set()
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_it_listens_on_loopback_only_by_default(server: Server) -> None:
    """Without HANDOFF_HOST the port is bound to 127.0.0.1, not 0.0.0.0 (rasa-sdk's default)."""
    port = int(server.url.rsplit(":", 1)[1])
    assert _listening(server.process.pid, port) == {"0100007F"}  # 127.0.0.1, little-endian


def test_one_process_one_delivery_thread_built_once(server: Server) -> None:
    """No Sanic worker processes: the rules are loaded once and one delivery thread runs."""
    assert metric(server, "handoff_delivery_threads") == 1
    children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children")
    assert children.read_text().split() == []
    assert server.log.read_text().count("handoff rules default version") == 1


def test_a_handoff_is_stored_before_the_pause(server: Server) -> None:
    """The pause the action returns has its payload in the outbox and the JSONL sink."""
    before = metric(server, "handoff_handoffs_total")
    reply = server.post(action_call(sender="stored-1"))
    assert reply.status_code == 200
    assert metric(server, "handoff_handoffs_total") == before + 1
    assert stored_payloads(server.work) >= 1


# --------------------------------------------------------------------------- readiness


def test_ready_is_green_then_red_when_the_outbox_is_corrupted(tmp_path: Path) -> None:
    """/ready follows the outbox; /health (liveness) stays 200; no path or cause leaks."""
    with running(tmp_path / "corrupt", HANDOFF_DELIVERY="off") as started:
        ready = httpx.get(f"{started.url}/ready", timeout=30)
        assert ready.status_code == 200, ready.text
        # Garbage over the database, its WAL and its shared-memory index, in place (the
        # server's open connections see the same inodes, as with a disk gone bad).
        for suffix in ("", "-wal", "-shm"):
            path = started.work / f"outbox.db{suffix}"
            if path.exists():
                size = max(path.stat().st_size, 4096)
                with path.open("r+b") as out:
                    out.write(b"this is not a database " * (size // 23 + 1))
        red = httpx.get(f"{started.url}/ready", timeout=30)
        assert red.status_code == 503
        assert red.json() == {"status": "not ready", "reason": "storage unavailable"}
        assert httpx.get(f"{started.url}/health", timeout=10).status_code == 200
        assert metric(started, "handoff_storage_ready") == 0


# --------------------------------------------------------------------------- start-up refusals


def _start_fails(tmp_path: Path, **overrides: str | None) -> str:
    env = base_env(tmp_path) | {"HANDOFF_PORT": str(free_port())}
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    result = subprocess.run(
        [sys.executable, "-m", "handoff.adapters.server"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["HANDOFF_ACTION_TOKEN", "HANDOFF_STATE_SECRET"])
def test_it_refuses_to_start_without_a_secret(tmp_path: Path, missing: str) -> None:
    """No token or state secret, no server (unless HANDOFF_DEV_NO_AUTH=1)."""
    output = _start_fails(tmp_path, **{missing: None})
    assert f"{missing} (or {missing}_FILE) is required" in output
    assert "HANDOFF_DEV_NO_AUTH=1" in output


def test_it_refuses_to_start_without_a_sink(tmp_path: Path) -> None:
    """A handoff with nowhere to go would be a lost customer."""
    output = _start_fails(tmp_path, HANDOFF_JSONL_PATH=None)
    assert "nowhere to go" in output
    assert "HANDOFF_DEV_NO_DELIVERY=1" in output


def test_it_refuses_command_line_arguments(tmp_path: Path) -> None:
    """Secrets never go on a command line, so it takes none."""
    result = subprocess.run(
        [sys.executable, "-m", "handoff.adapters.server", "--token", "x"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "takes no arguments" in result.stderr


def test_the_dev_opt_out_starts_loudly_without_auth(tmp_path: Path) -> None:
    """HANDOFF_DEV_NO_AUTH=1 serves without a token, and says so at error level."""
    with running(
        tmp_path, HANDOFF_DEV_NO_AUTH="1", HANDOFF_ACTION_TOKEN=None, HANDOFF_STATE_SECRET=None
    ) as started:
        assert started.post(action_call(sender="dev"), token=None).status_code == 200
        assert "ERROR handoff.rasa HANDOFF_DEV_NO_AUTH=1" in started.log.read_text()


def test_tokens_from_a_file_rotate_without_a_restart(tmp_path: Path) -> None:
    """HANDOFF_ACTION_TOKEN_FILE is re-read when it changes: add new, switch, drop old."""
    token_file = tmp_path / "token"
    token_file.write_text("first-token\n")
    token_file.chmod(0o600)
    with running(
        tmp_path, HANDOFF_ACTION_TOKEN=None, HANDOFF_ACTION_TOKEN_FILE=str(token_file)
    ) as started:
        assert started.post(action_call(sender="rot"), token="first-token").status_code == 200
        token_file.write_text("first-token,second-token-longer\n")
        second = started.post(action_call(sender="rot"), token="second-token-longer")
        assert second.status_code == 200
        token_file.write_text("second-token-longer\n")
        assert started.post(action_call(sender="rot"), token="first-token").status_code == 401
        token_file.write_text("")  # emptied by mistake: nobody gets in, rather than anybody
        assert started.post(action_call(sender="rot"), token=None).status_code == 401
        empty = started.post(action_call(sender="rot"), token="second-token-longer")
        assert empty.status_code == 401
        assert "first-token" not in started.log.read_text()


# --------------------------------------------------------------------------- saturation


def test_when_saturated_it_answers_503_instead_of_queueing(tmp_path: Path) -> None:
    """One routing thread, one turn in flight at most: while a long turn routes, the next
    request is refused with 503 and Retry-After (ordering, not timing: the long turn is
    still running when the 503 comes). The long turn is a handoff whose store waits on the
    outbox's write lock, held here, for the busy timeout: the message cap makes even a huge
    message quick to analyse, so only the lock keeps the turn in flight long enough."""
    with running(
        tmp_path,
        HANDOFF_ROUTE_THREADS="1",
        HANDOFF_MAX_PENDING_TURNS="1",
        HANDOFF_MAX_BODY_BYTES=str(16 << 20),
        HANDOFF_DELIVERY="off",
    ) as started:
        long_text = " ".join(["1234 5678"] * 200_000)
        long_reply: list[httpx.Response] = []

        def send_long() -> None:
            # The long turn itself is refused if it arrives while a short one routes; it is
            # sent again until it is the turn in flight (a 503 to a short one then proves it).
            for _ in range(50):
                reply = started.post(action_call(long_text, sender="long"), timeout=300)
                if reply.status_code != 503:
                    break
            long_reply.append(reply)

        slow = threading.Thread(target=send_long)
        lock = sqlite3.connect(started.work / "outbox.db", timeout=30, isolation_level=None)
        lock.execute("BEGIN EXCLUSIVE")
        try:
            slow.start()
            busy = None
            while slow.is_alive() and busy is None:
                reply = started.post(action_call("hello", sender="short", intent="greet"))
                if reply.status_code == 503:
                    busy = reply
            alive_at_503 = slow.is_alive()
            slow.join()
        finally:
            lock.execute("ROLLBACK")
            lock.close()
        assert busy is not None, "no 503 while the long turn routed"
        assert alive_at_503
        assert busy.headers["retry-after"] == "1"
        assert long_reply[0].status_code == 200


# --------------------------------------------------------------------------- configuration


def test_settings_refuse_bad_numbers_and_ambiguous_secrets(tmp_path: Path) -> None:
    """Each bad setting is named; a secret set twice (value and file) is refused."""
    from handoff.adapters.rasa_actions import ConfigError, settings_from_env  # noqa: PLC0415

    good = {"HANDOFF_ACTION_TOKEN": "t", "HANDOFF_STATE_SECRET": "s"}
    for name, value in [("HANDOFF_PORT", "70000"), ("HANDOFF_PORT", "x"),
                        ("HANDOFF_MAX_BODY_BYTES", "-1"), ("HANDOFF_MAX_JSON_DEPTH", "2"),
                        ("HANDOFF_MAX_PENDING_TURNS", "0")]:  # fmt: skip
        with pytest.raises(ConfigError, match=name):
            settings_from_env(good | {name: value})
    token_file = tmp_path / "token"
    token_file.write_text("t")
    with pytest.raises(ConfigError, match="not both"):
        settings_from_env(good | {"HANDOFF_ACTION_TOKEN_FILE": str(token_file)})
    with pytest.raises(ConfigError, match="HANDOFF_STATE_SECRET_FILE cannot be read"):
        settings_from_env({"HANDOFF_ACTION_TOKEN": "t",
                           "HANDOFF_STATE_SECRET_FILE": str(tmp_path / "missing")})  # fmt: skip
    settings = settings_from_env(good | {"HANDOFF_ACTION_TOKEN": "new-token, old-token"})
    assert settings.action_tokens.values() == (b"new-token", b"old-token")
    assert settings.host == "127.0.0.1"
    assert "new-token" not in repr(settings)
