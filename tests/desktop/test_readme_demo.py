"""README.md's demo command: the agent desktop demo, run as the README writes it.

The block serves until Ctrl-C, so the newcomer job skips it; this test runs the same command
line with ``--once`` (load the samples, check that an agent's queue page shows them, exit)
from the virtualenv the tests run in."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"


def demo_block() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- demo-command -->[^\n]*\n```bash\n(.*?)\n```", text, re.S)
    assert match, "README.md has no <!-- demo-command --> block"
    return match[1].strip()


def test_the_demo_command_installs_the_desktop_and_starts_its_demo() -> None:
    steps = [step.strip() for step in demo_block().split("&&")]
    assert steps[0] == "python3 -m venv .venv"
    assert shlex.split(steps[1])[:3] == [".venv/bin/pip", "install", "-q"]
    assert "-e" in steps[1]
    assert "'.[desktop]'" in steps[1]
    assert shlex.split(steps[-1]) == [".venv/bin/handoff", "desktop", "demo"]


def test_the_demo_command_serves_the_samples() -> None:
    command = shlex.split(demo_block().split("&&")[-1])
    # `.venv/bin/handoff` of the environment these tests run in.
    command[0] = str(Path(sys.executable).parent / "handoff")
    done = subprocess.run(
        [*command, "--once", "--port", "0"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    checked = re.search(r"checked: (\w+)'s queue page \((.*)\) answers 200 with (\d+)", done.stdout)
    assert checked is not None, done.stdout
    assert int(checked[3]) > 0


def test_the_readme_picture_is_in_the_repository() -> None:
    text = README.read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\((docs/[^)]+\.png)\)", text)
    assert "docs/desktop-queue.png" in pictures
    for picture in pictures:
        assert (ROOT / picture).is_file(), picture
