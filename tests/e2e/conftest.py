"""End-to-end fixtures: a real Rasa 3.6.21 server (own Python 3.10 venv, installed and trained
on first use), our action server, and a signature-checking webhook receiver, all on
127.0.0.1 and all stopped at the end whatever happens."""

from __future__ import annotations

import hashlib
import os
import shutil
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
RASA_VERSION = "3.6.21"
SECRET = "e2e-shared-secret"
ACTION_TOKEN = "e2e-action-token-5f1c2b"
STATE_SECRET = "e2e-state-secret-9a8b7c"
# The receiver lists what it stored only to this bearer token (GET /payloads).
TOKEN = "e2e-listing-token"


def _python310() -> str:
    """Rasa 3.6 needs Python 3.10; pyenv keeps it off PATH unless selected."""
    found = shutil.which("python3.10")
    if (
        found
        and subprocess.run([found, "--version"], capture_output=True, check=False).returncode == 0
    ):
        return found
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(root.glob("versions/3.10.*/bin/python"))
    if not candidates:
        pytest.fail("Python 3.10 is needed for Rasa 3.6 (install it, e.g. with pyenv)")
    return str(candidates[-1])


def _run(command: list[str], log: Path, **kwargs: object) -> None:
    with log.open("a") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT, check=False,
                                **kwargs)  # type: ignore[call-overload]  # fmt: skip
    if result.returncode != 0:
        pytest.fail(f"{' '.join(command)} failed; see {log}:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def rasa_bin() -> Path:
    """The Rasa CLI from its own venv, created and installed on first use."""
    WORK.mkdir(exist_ok=True)
    rasa = RASA_VENV / "bin" / "rasa"
    marker = RASA_VENV / f".installed-{RASA_VERSION}"
    if not marker.exists():
        shutil.rmtree(RASA_VENV, ignore_errors=True)
        log = WORK / "rasa-install.log"
        _run([_python310(), "-m", "venv", str(RASA_VENV)], log)
        _run([str(RASA_VENV / "bin" / "pip"), "install", "-q", f"rasa=={RASA_VERSION}",
              "-c", str(RASA_PROJECT / "constraints.txt")], log)  # fmt: skip
        marker.touch()
    return rasa


@pytest.fixture(scope="session")
def rasa_model(rasa_bin: Path) -> Path:
    """The bot's model, trained once per change of rasa_project's config and data."""
    digest = hashlib.sha256()
    for path in sorted(RASA_PROJECT.rglob("*.yml")):
        digest.update(path.relative_to(RASA_PROJECT).as_posix().encode() + path.read_bytes())
    name = f"handoff-{digest.hexdigest()[:12]}"
    model = WORK / "models" / f"{name}.tar.gz"
    if not model.exists():
        env = os.environ | {"RASA_TELEMETRY_ENABLED": "false",
                            "RASA_CACHE_DIRECTORY": str(WORK / "rasa-cache")}  # fmt: skip
        _run([str(rasa_bin), "train", "--fixed-model-name", name, "--out", str(WORK / "models")],
             WORK / "rasa-train.log", cwd=RASA_PROJECT, env=env)  # fmt: skip
    return model


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
        rasa_env = os.environ | {"HANDOFF_ACTION_PORT": str(action_port),
                                 "HANDOFF_ACTION_TOKEN": ACTION_TOKEN,
                                 "RASA_TELEMETRY_ENABLED": "false",
                                 "RASA_CACHE_DIRECTORY": str(WORK / "rasa-cache")}  # fmt: skip
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
