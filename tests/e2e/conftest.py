"""End-to-end fixtures: a real Rasa 3.6.21 server (own Python 3.10 venv, installed and trained
on first use), our action server, and a signature-checking webhook receiver, all on
127.0.0.1 and all stopped at the end whatever happens."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, RULES, always_open_rules, free_port, wait_for

RASA_PROJECT = ROOT / "rasa_project"
RASA_VENV = ROOT / ".venv-rasa"
WORK = ROOT / ".e2e"
SECRET = "e2e-shared-secret"
ACTION_TOKEN = "e2e-action-token-5f1c2b"
STATE_SECRET = "e2e-state-secret-9a8b7c"
# The receiver lists what it stored only to this bearer token (GET /payloads).
TOKEN = "e2e-listing-token"
# Rasa's callback channel (credentials.yml) needs these set to start; where no chat server
# runs, nothing posts to the callback channel, so it never calls this closed port.
NO_CHAT = {
    "HANDOFF_CHAT_CALLBACK_URL": "http://127.0.0.1:9/rasa/callback",
    "HANDOFF_CHAT_CALLBACK_TOKEN": "e2e-unused-callback-token",
}


PREPARE = RASA_PROJECT / "scripts" / "prepare_rasa.py"


def _prepare(config: pytest.Config) -> Path:
    """Install Rasa and train the bot if needed, exactly as run_local.sh does (the same
    script, so both share one fingerprint-named model). Its progress lines ("installing
    Rasa ... log: .e2e/rasa-install.log", "training the bot ...", "reusing ...") go to the
    terminal even though pytest captures output: the first run is otherwise minutes of
    silence."""
    capture = config.pluginmanager.getplugin("capturemanager")
    terminal = config.pluginmanager.getplugin("terminalreporter")
    lines: list[str] = []
    quiet = capture.global_and_fixture_disabled() if capture else contextlib.nullcontext()
    command = [sys.executable, str(PREPARE)]
    with quiet, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, cwd=ROOT) as process:  # fmt: skip
        assert process.stderr is not None
        assert process.stdout is not None
        for line in process.stderr:
            lines.append(line)
            if terminal is not None:
                terminal.write_line(f"e2e: {line.rstrip()}")
            # Past pytest's capture, to the real terminal (absent under pythonw).
            elif sys.__stderr__ is not None:
                sys.__stderr__.write(f"e2e: {line}")
        model = process.stdout.read().strip()
    if process.returncode != 0:
        pytest.fail(f"{PREPARE.relative_to(ROOT)} failed:\n{''.join(lines)}")
    return Path(model)


@pytest.fixture(scope="session")
def rasa_model(pytestconfig: pytest.Config) -> Path:
    """The bot's model, trained once per change of what training reads (shared with
    run_local.sh, which reuses it)."""
    return _prepare(pytestconfig)


@pytest.fixture(scope="session")
def rasa_bin(rasa_model: Path) -> Path:
    """The Rasa CLI from its own venv (installed by the same step as the model)."""
    return RASA_VENV / "bin" / "rasa"


@dataclass
class Stack:
    rasa: str
    actions: str
    receiver: str
    work: Path


@pytest.fixture(scope="session")
def stack(
    rasa_bin: Path, rasa_model: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Stack]:
    """Receiver, action server and Rasa server, started in that order, stopped in reverse."""
    work = tmp_path_factory.mktemp("e2e")
    processes: list[subprocess.Popen[bytes]] = []
    logs = []

    def start(
        name: str, command: list[str], env: dict[str, str], cwd: Path
    ) -> tuple[subprocess.Popen[bytes], Path]:
        log = work / f"{name}.log"
        out = log.open("w")
        logs.append(out)
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        processes.append(process)
        return process, log

    try:
        receiver_port, action_port, rasa_port = free_port(), free_port(), free_port()
        receiver_url = f"http://127.0.0.1:{receiver_port}"
        process, log = start(
            "receiver",
            [sys.executable, "-m", "handoff.delivery.receiver", "--port", str(receiver_port),
             "--secret", SECRET, "--db", str(work / "receiver.sqlite")],
            os.environ | {"HANDOFF_RECEIVER_TOKEN": TOKEN}, ROOT,
        )  # fmt: skip
        wait_for(f"{receiver_url}/health", 60, log, process)

        rules = always_open_rules(RULES / "banking.yaml", work / "banking-always-open.yaml")
        env = os.environ | {
            "HANDOFF_RULES": str(rules),
            "HANDOFF_OUTBOX_URL": f"sqlite:///{work / 'outbox.sqlite'}",
            "HANDOFF_WEBHOOK_URL": f"{receiver_url}/payloads",
            "HANDOFF_WEBHOOK_SECRET": SECRET,
            "HANDOFF_TIMINGS_PATH": str(work / "timings.jsonl"),
            "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
            "HANDOFF_STATE_SECRET": STATE_SECRET,
            "HANDOFF_PORT": str(action_port),
        }
        actions_url = f"http://127.0.0.1:{action_port}"
        # The hardened server, as documented (rasa_project/README.md): token and state secret.
        process, log = start(
            "actions", [sys.executable, "-m", "handoff.adapters.server"], env, ROOT
        )
        wait_for(f"{actions_url}/health", 60, log, process)

        # Rasa reads the project's own endpoints.yml: the token reaches it through the
        # environment, as in production, and is sent as a bearer header.
        endpoints = RASA_PROJECT / "endpoints.yml"
        rasa_url = f"http://127.0.0.1:{rasa_port}"
        rasa_env = (
            os.environ
            | NO_CHAT
            | {
                "HANDOFF_ACTION_PORT": str(action_port),
                "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
                "HANDOFF_RASA_EVENTS_DB": str(work / "rasa-events.sqlite"),
                "RASA_TELEMETRY_ENABLED": "false",
                "RASA_CACHE_DIRECTORY": str(WORK / "rasa-cache"),
            }
        )
        process, log = start(
            "rasa",
            [str(rasa_bin), "run", "--enable-api", "-m", str(rasa_model), "--port", str(rasa_port),
             "--endpoints", str(endpoints), "--credentials", "credentials.yml"],
            rasa_env, RASA_PROJECT,
        )  # fmt: skip
        wait_for(f"{rasa_url}/status", 240, log, process)
        yield Stack(rasa_url, actions_url, receiver_url, work)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for out in logs:
            out.close()
