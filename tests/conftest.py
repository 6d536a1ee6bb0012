"""Shared fixtures: paths into the repository and routers for the bundled rule sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff import Router

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
DATA = Path(__file__).resolve().parent / "data"
RULE_FILES = sorted(RULES.glob("*.yaml"))


@pytest.fixture(scope="session")
def default_router() -> Router:
    """The router for rules/default.yaml, compiled once per test session."""
    return Router.from_path(RULES / "default.yaml")
