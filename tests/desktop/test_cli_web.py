"""``handoff desktop demo`` and ``handoff desktop serve``, run as a user runs them (a real
process, a real port on 127.0.0.1)."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from handoff.models import ContextPayload
from tests.desktop._web import signed
from tests.desktop.conftest import body

ROOT = Path(__file__).resolve().parents[2]
HANDOFF = [sys.executable, "-m", "handoff.cli"]


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*HANDOFF, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "NO_COLOR": "1", **(env or {})},
        check=False,
    )


class TestDemo:
    def test_demo_loads_the_samples_and_an_agent_sees_them(self) -> None:
        before = set(Path(tempfile.gettempdir()).glob("handoff-desktop-demo-*"))
        done = run("desktop", "demo", "--once", "--port", "0")
        assert done.returncode == 0, done.stderr
        out = done.stdout
        assert re.search(r"routed 12 sample conversations .*: (\d+) reached a person", out)
        logins = re.findall(r"^  (\S+) +(\S+)  (admin|supervisor|agent) \((.*)\)$", out, re.M)
        roles = [role for _, _, role, _ in logins]
        assert roles[:2] == ["admin", "supervisor"]
        assert roles.count("agent") >= 2
        assert all(len(password) >= 16 for _, password, _, _ in logins)
        assert not any("supervisor" in lanes.split(", ") for *_, lanes in logins[2:])
        checked = re.search(r"checked: (\w+)'s queue page \((.*)\) answers 200 with (\d+)", out)
        assert checked is not None, out
        assert int(checked[3]) > 0
        # The temporary folder is gone; nothing was written into the repository.
        assert set(Path(tempfile.gettempdir()).glob("handoff-desktop-demo-*")) == before
        assert not (ROOT / "desktop.sqlite").exists()

    def test_demo_refuses_a_public_address(self) -> None:
        done = run("desktop", "demo", "--host", "0.0.0.0", "--once")
        assert done.returncode == 2
        assert "loopback" in done.stderr


class TestServe:
    def test_serve_needs_the_webhook_secret(self) -> None:
        env = {"HANDOFF_DESKTOP_WEBHOOK_SECRET": ""}
        done = run("desktop", "serve", "--port", "0", env=env)
        assert done.returncode == 2
        assert "HANDOFF_DESKTOP_WEBHOOK_SECRET" in done.stderr

    def test_insecure_cookies_only_on_loopback(self) -> None:
        env = {"HANDOFF_DESKTOP_WEBHOOK_SECRET": "s3cret"}
        done = run("desktop", "serve", "--host", "0.0.0.0", "--insecure-cookies", env=env)
        assert done.returncode == 2
        assert "127.0.0.1" in done.stderr

    def test_serve_refuses_a_short_rules_key(self) -> None:
        """The key that signs publications is checked at start, not at the first publish."""
        env = {"HANDOFF_DESKTOP_WEBHOOK_SECRET": "s3cret", "HANDOFF_RULES_KEY": "short"}
        done = run("desktop", "serve", "--port", "0", env=env)
        assert done.returncode == 2
        assert "HANDOFF_RULES_KEY" in done.stderr
        assert "short" not in done.stderr.replace("shorter", "")  # the key is never shown

    @pytest.fixture
    def server(self, tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
        env = {
            **os.environ,
            "HANDOFF_DESKTOP_WEBHOOK_SECRET": "serve-test-secret",
            "HANDOFF_DESKTOP_DB": f"sqlite:///{tmp_path / 'desk.sqlite'}",
            "PYTHONUNBUFFERED": "1",
            "NO_COLOR": "1",
        }
        args = ["desktop", "serve", "--port", "0", "--upgrade", "--rules", "rules/default.yaml"]
        process = subprocess.Popen(
            [*HANDOFF, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        try:
            assert process.stdout is not None
            line = process.stdout.readline()
            found = re.search(r"on (http://127\.0\.0\.1:\d+) ", line)
            assert found is not None, line
            yield found[1], process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
            if process.stdout is not None:
                process.stdout.close()

    def test_serve_receives_and_stops_cleanly(
        self, server: tuple[str, subprocess.Popen[str]], base_payload: ContextPayload
    ) -> None:
        url, process = server
        assert httpx.get(f"{url}/health", timeout=10).json()["ok"] is True
        data = body(base_payload)
        answer = httpx.post(
            f"{url}/webhook/payloads",
            content=data,
            headers=signed(data, "k1", secret="serve-test-secret"),
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        assert answer.json()["status"] == "stored"  # the lanes came from --rules
        login = httpx.get(f"{url}/login", timeout=10)
        assert login.headers["set-cookie"].startswith("__Host-handoff-login=")  # Secure
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
