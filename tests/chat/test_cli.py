"""``handoff chat serve`` as an operator runs it: refused clearly without its secrets or on a
database that is not migrated; served (a real process, a real port) when all is set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from handoff.desktop import Desktop
from tests.conftest import free_port, stop, wait_for

ROOT = Path(__file__).resolve().parents[2]
HANDOFF = [sys.executable, "-m", "handoff.cli", "chat", "serve"]
SECRETS = {"HANDOFF_CHAT_SECRET": "cli-test-secret", "HANDOFF_CHAT_CALLBACK_TOKEN": "cli-token"}


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_CHAT_")}
    return subprocess.run(
        [*HANDOFF, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "NO_COLOR": "1", **env},
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "says"),
    [
        ({"HANDOFF_CHAT_CALLBACK_TOKEN": "t"}, "HANDOFF_CHAT_SECRET"),
        ({"HANDOFF_CHAT_SECRET": "s"}, "HANDOFF_CHAT_CALLBACK_TOKEN"),
        ({**SECRETS, "HANDOFF_CHAT_SECRET_FILE": "/nonexistent"}, "not both"),
    ],
)
def test_missing_secrets_are_a_usage_error(env: dict[str, str], says: str) -> None:
    result = run("--db", "sqlite:///unused.sqlite", env=env)
    assert result.returncode == 2
    assert says in result.stderr


def test_insecure_cookies_only_on_loopback() -> None:
    result = run("--host", "0.0.0.0", "--insecure-cookies", env=SECRETS)
    assert result.returncode == 2
    assert "127.0.0.1" in result.stderr


def test_an_unmigrated_database_is_refused(tmp_path: Path) -> None:
    result = run("--db", f"sqlite:///{tmp_path / 'empty.sqlite'}", env=SECRETS)
    assert result.returncode != 0
    assert "handoff desktop upgrade" in result.stderr + result.stdout


def test_serves_the_page_with_secrets_from_files(tmp_path: Path) -> None:
    """Secrets from …_FILE (owner-only files), the page and health answer."""
    url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
    with Desktop(url) as desk:
        desk.upgrade()
    files = {}
    for name, value in SECRETS.items():
        path = tmp_path / name.lower()
        path.write_text(value)
        path.chmod(0o600)
        files[f"{name}_FILE"] = str(path)
    port = free_port()
    log = tmp_path / "chat.log"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_CHAT_")}
    with log.open("w") as out:
        process = subprocess.Popen(
            [*HANDOFF, "--db", url, "--port", str(port), "--insecure-cookies"],
            cwd=ROOT, env={**clean, **files}, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/health", 60, log, process)
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert page.status_code == 200
        assert "handoff-chat=" in page.headers["set-cookie"]
    finally:
        stop(process)
    assert "handoff chat on http://127.0.0.1:" in log.read_text()


@pytest.mark.parametrize(
    ("options", "env", "says"),
    [
        (("--demo-account", "account_tier=premium"), {}, "HANDOFF_RASA_JWT_SECRET"),
        (("--demo-account", "tier"), {"HANDOFF_RASA_JWT_SECRET": "j"}, "SLOT=VALUE"),
        (("--demo-account", "balance=1"), {"HANDOFF_RASA_JWT_SECRET": "j"}, "not an account"),
    ],
)
def test_a_demo_account_needs_rasas_jwt_secret_and_known_slots(
    options: tuple[str, ...], env: dict[str, str], says: str
) -> None:
    """The demo account is set server-side through Rasa's HTTP API, so it needs the JWT
    secret; only the slots the router reads are accepted."""
    clean = {k: v for k, v in os.environ.items() if k != "HANDOFF_RASA_JWT_SECRET"}
    result = subprocess.run(
        [*HANDOFF, "--db", "sqlite:///unused.sqlite", *options],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={**clean, "NO_COLOR": "1", **SECRETS, **env},
    )  # fmt: skip
    assert result.returncode == 2
    assert says in result.stderr
