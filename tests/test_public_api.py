"""The public API is small, sorted, complete, and importing it is light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import handoff
from tests.conftest import ROOT


def test_all_is_sorted_and_unique() -> None:
    """__all__ is sorted and has no duplicates."""
    assert handoff.__all__ == sorted(set(handoff.__all__))


def test_all_names_resolve() -> None:
    """Every exported name can be imported from the package."""
    for name in handoff.__all__:
        assert getattr(handoff, name) is not None, name


def test_public_classes_are_documented() -> None:
    """Every exported class and function has a docstring."""
    for name in handoff.__all__:
        value = getattr(handoff, name)
        if callable(value):
            assert (value.__doc__ or "").strip(), name


def test_import_is_light() -> None:
    """`import handoff` pulls in no Rasa, web, database or NLP libraries."""
    code = (
        "import sys, json, handoff; print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    loaded = set(json.loads(out))
    heavy = {"rasa_sdk", "sanic", "httpx", "requests", "sqlalchemy", "spacy", "networkx",
             "vaderSentiment", "pydantic", "ruamel", "click", "typer", "rich"}  # fmt: skip
    assert not loaded & heavy, loaded & heavy


def test_router_does_not_load_edge_libraries() -> None:
    """Using the engine (Router) still loads no Rasa, web or database library."""
    code = (
        "import sys, json; from handoff import Router; "
        "Router.from_path('rules/default.yaml'); "
        "print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    loaded = set(json.loads(out))
    assert not loaded & {"rasa_sdk", "sanic", "httpx", "requests", "sqlalchemy", "click"}


def test_layers_contract() -> None:
    """import-linter's layer contract (pyproject.toml) holds."""
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
