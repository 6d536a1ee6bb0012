"""Shared fixtures: generated rule files, routers and ZEN engines, built once per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

# benchmarks/ is not a package: its modules are found through sys.path, and so are the test
# suite's helpers (tests.conftest) that the server benchmark shares.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).parent))

import report
import rulegen

from handoff import Router

REPO = Path(__file__).resolve().parent.parent


def measured_commit() -> str:
    """The commit measured (with "+" if the work tree had changes), for a run added later."""
    head = subprocess.run(
        ["git", "rev-parse", "--short=7", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=REPO,
        check=False,
        capture_output=True,
        text=True,
    ).stdout.strip()
    return (head or "?") + ("+" if dirty else "")


def run_child(argv: list[str], *, cwd: Path | None = None) -> dict[str, Any]:
    """Run a benchmark's child process and return what it printed last (one JSON object),
    with its wall time and the 1-minute load average before and after it.

    Children run in a fresh interpreter so that each mode starts from the same cold process
    and its peak memory is its own. Nothing from the environment changes what is measured:
    ``HANDOFF_*`` variables (a pseudonym key, a benchmark setting) are dropped; HOME and PATH
    are kept for the interpreter. A child that fails fails the benchmark with its stderr.
    """
    before = os.getloadavg()[0]
    started = time.perf_counter()
    answer = subprocess.run(
        [sys.executable, *argv],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env={k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")},
    )
    wall = time.perf_counter() - started
    assert answer.returncode == 0, answer.stderr[-3000:]
    result: dict[str, Any] = json.loads(answer.stdout.strip().splitlines()[-1])
    result.update(wall_s=wall, load_average_before=before, load_average_after=os.getloadavg()[0])
    return result


@pytest.fixture(scope="session")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated rule files ``generated-<n>.yaml`` for every size in rulegen.SIZES."""
    folder = tmp_path_factory.mktemp("rules")
    for count in rulegen.SIZES:
        (folder / f"generated-{count}.yaml").write_text(rulegen.to_yaml(count))
    return folder


@pytest.fixture(scope="session")
def generated_routers(rules_dir: Path) -> dict[int, Router]:
    """One router per generated size, loaded through the real loader and compiler."""
    return {n: Router.from_path(rules_dir / f"generated-{n}.yaml") for n in rulegen.SIZES}


def pytest_benchmark_update_json(
    config: pytest.Config, benchmarks: list[Any], output_json: dict[str, Any]
) -> None:
    """Record the versions measured, so the report names them and not the renderer's."""
    output_json["packages"] = report.versions()
