"""Shared fixtures: generated rule files, routers and ZEN engines, built once per session."""

from __future__ import annotations

import subprocess
import sys
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
