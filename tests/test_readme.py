"""The README's examples run, print what the README says they print, and its commands are
the ones CI runs."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from handoff.models.signals import SIGNAL_KINDS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# A python block, optionally followed by "prints" and a plain block with its exact output.
BLOCK = re.compile(r"```python\n(.*?)```(?:\n\nprints\n\n```\n(.*?)```)?", re.S)


def _blocks() -> list[tuple[str, str | None]]:
    return [(code, printed) for code, printed in BLOCK.findall(README)]


def test_readme_has_examples() -> None:
    """There is something to run."""
    assert len(_blocks()) >= 2


@pytest.mark.parametrize("index", range(len(_blocks())))
def test_readme_example_runs(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each python block runs from the repository root and prints what the README shows."""
    monkeypatch.chdir(ROOT)
    code, printed = _blocks()[index]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, f"README.md block {index}", "exec"), {})
    if printed:
        assert out.getvalue() == printed


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run takes its test command from the README, so they cannot drift apart."""
    ci = (ROOT / ".ci" / "run").read_text()
    assert "<!-- test-command -->" in README
    assert "<!-- test-command -->" in ci
    assert os.access(ROOT / ".ci" / "run", os.X_OK)


def test_every_signal_is_documented() -> None:
    """The README's signal table lists every signal rules may test."""
    documented = set(re.findall(r"^\| `(\w+)` \|", README, re.M))
    assert documented == set(SIGNAL_KINDS)


@pytest.mark.parametrize("link", re.findall(r"\]\(((?!http)[^)#]+)\)", README))
def test_relative_links_exist(link: str) -> None:
    """Files the README links to exist."""
    assert (ROOT / Path(link)).exists(), link


CLI_EXAMPLE = re.compile(
    r"```(?:console|text|bash)?\n\$ (\.venv/bin/handoff [^\n]*)\n(.*?)```", re.S
)
# Examples that need files an earlier command writes are run by tests/newcomer.py instead
# (and `handoff rules` ones, on the desktop database their first block creates, by
# tests/governance/test_cli.py too).
CLI_EXAMPLES = [(cmd, out) for cmd, out in CLI_EXAMPLE.findall(README)
                if "new.yaml" not in cmd and "chats.jsonl" not in cmd
                and not cmd.startswith(".venv/bin/handoff rules ")]  # fmt: skip


def test_cli_examples_exist() -> None:
    """The CLI section shows real commands with their output."""
    assert len(CLI_EXAMPLES) >= 4


@pytest.mark.parametrize(("command", "shown"), CLI_EXAMPLES, ids=[c for c, _ in CLI_EXAMPLES])
def test_cli_example_prints_what_the_readme_shows(command: str, shown: str) -> None:
    """Each `$ .venv/bin/handoff …` example, run from the repository root, prints exactly its
    output (with this interpreter's `handoff`, wherever its venv is)."""
    scripts = Path(sys.executable).parent
    command = command.replace(".venv/bin/", f"{scripts}/", 1)
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, cwd=ROOT, check=False,
        env=os.environ | {"PATH": f"{scripts}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1",
                          "COLUMNS": "100"},
    )  # fmt: skip
    assert result.stdout == shown


def test_readme_picture_is_the_graph_of_the_default_rules() -> None:
    """The Mermaid picture in the README is what `handoff graph rules/default.yaml` draws now."""
    picture = re.search(r"<!-- graph: (\S+) -->\n```mermaid\n(.*?)\n```", README, re.S)
    assert picture, "the README lost its decision-graph picture"
    drawn = subprocess.run(
        [str(Path(sys.executable).parent / "handoff"), "graph", picture[1]],
        capture_output=True, text=True, cwd=ROOT, check=True,
    ).stdout  # fmt: skip
    assert picture[2] == drawn.rstrip("\n")
