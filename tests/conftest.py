"""Shared fixtures: paths into the repository and routers for the bundled rule sets."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from handoff import Router

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
DATA = Path(__file__).resolve().parent / "data"
RULE_FILES = sorted(RULES.glob("*.yaml"))


@pytest.fixture(scope="session")
def default_router() -> Router:
    """The router for rules/default.yaml, compiled once per test session."""
    return Router.from_path(RULES / "default.yaml")


def always_open_rules(source: Path, target: Path) -> Path:
    """A copy of a rules file with opening hours removed, for tests that run on the real
    clock (hours and their fallbacks are covered by tests that pass ``now``)."""
    yaml = YAML(typ="rt")
    data = yaml.load(source.read_text())
    for lane in data["lanes"].values():
        lane.pop("hours", None)
    with target.open("w") as out:
        yaml.dump(data, out)
    return target


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(url: str, seconds: float, log: Path, process: subprocess.Popen[bytes]) -> None:
    """Wait until ``url`` answers 200; fail with the server's log if it exits or times out."""
    import httpx  # noqa: PLC0415  (the 3.10/3.12 CI legs run without the delivery extra)

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} not ready after {seconds}s:\n{log.read_text()[-3000:]}")
