"""Shared fixtures: paths into the repository and routers for the bundled rule sets."""

from __future__ import annotations

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
