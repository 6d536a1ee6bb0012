"""tests/newcomer.py (CI's "follow the READMEs in a fresh clone" job) finds every shell block,
runs blocks and transcripts as a terminal would, and fails on what a newcomer would trip on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import newcomer
from tests.conftest import ROOT


def _repo(tmp_path: Path, markdown: str, gitignore: str = "") -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text(markdown)
    (repo / ".gitignore").write_text(gitignore)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "docs"], cwd=repo, check=True)
    return repo


def _run(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = newcomer.run_all(repo, keep=False, only=[])
    return status, capsys.readouterr().out


def test_every_shell_block_in_the_project_docs_is_marked() -> None:
    """Each shell block in every tracked Markdown file says whether CI runs it, and why not."""
    assert newcomer.problems(ROOT) == []


def test_the_readme_test_command_is_run_by_the_newcomer_job() -> None:
    """CI calls the README's test command through the newcomer job, so it must not be skipped."""
    readme = newcomer.shell_blocks(ROOT, "README.md")
    lines = (ROOT / "README.md").read_text().splitlines()
    marked = [b for b in readme if "<!-- test-command -->" in lines[b.line - 2]]
    assert len(marked) == 1
    assert marked[0].marker == "run"
    assert "pytest" in marked[0].text


def test_finds_markers_transcripts_and_plain_blocks(tmp_path: Path) -> None:
    markdown = (
        "<!-- newcomer: run -->\n```bash\necho hi\n```\n\n"
        "<!-- newcomer: skip: needs a phone -->\n```console\n$ dial 999\nringing\n```\n\n"
        "```text\n$ echo one \\\n  two\none two\n$ true\n```\n\n"
        "```yaml\nnot: shell\n```\n"
    )
    repo = _repo(tmp_path, markdown)
    blocks = newcomer.shell_blocks(repo, "README.md")
    assert [(b.line, b.marker, b.reason) for b in blocks] == [
        (2, "run", ""), (7, "skip", "needs a phone"), (12, None, "")
    ]  # fmt: skip
    assert blocks[2].commands == [("echo one \\\n  two", "one two"), ("true", "")]
    missing = "shell block without <!-- newcomer: run --> or <!-- newcomer: skip: <reason> -->"
    assert newcomer.problems(repo) == [f"README.md:12: {missing}"]


def test_runs_blocks_in_one_session_and_compares_transcripts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    markdown = (
        '<!-- newcomer: run -->\n```bash\nscratch=$(mktemp -d)\necho kept > "$scratch/f"\n```\n'
        '<!-- newcomer: run -->\n```text\n$ cat "$scratch/f"\nkept\n$ echo err >&2\nerr\n```\n'
        "<!-- newcomer: skip: would fail -->\n```bash\nfalse\n```\n"
    )
    status, out = _run(_repo(tmp_path, markdown), capsys)
    assert status == 0, out
    assert "2 blocks run, 1 skipped with a reason, 0 failed" in out


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("```bash\nfalse\necho never\n```", "FAIL README.md:2: exited (session died)"),
        ("```text\n$ echo actual\nshown\n```", "`echo actual` (exit 0) printed\n    actual"),
        ("```text\n$ ls /no-such-dir\n```", "`ls /no-such-dir` exited 2"),
        ("```bash\necho junk > left.txt\n```", "left files in the repository:\n    ?? left.txt"),
    ],
    ids=["failing line stops the block", "output differs", "failing command", "files left"],
)
def test_reports_what_a_newcomer_would_trip_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], block: str, expected: str
) -> None:
    status, out = _run(_repo(tmp_path, f"<!-- newcomer: run -->\n{block}\n"), capsys)
    assert status == 1
    assert expected in out


def test_ignored_files_may_stay(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    block = "<!-- newcomer: run -->\n```bash\nmkdir -p .scratch && echo x > .scratch/f\n```\n"
    status, out = _run(_repo(tmp_path, block, gitignore=".scratch/\n"), capsys)
    assert status == 0, out


def test_environment_has_no_virtualenv(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever venv runs the tests, the newcomer's PATH holds none and no HANDOFF_ setting."""
    venv_bin = str(Path(sys.executable).parent)
    monkeypatch.setenv("PATH", f"{venv_bin}:/usr/bin:/bin")
    monkeypatch.setenv("VIRTUAL_ENV", str(Path(venv_bin).parent))
    monkeypatch.setenv("HANDOFF_RULES", "rules/banking.yaml")
    monkeypatch.setenv("HANDOFF_TEST_POSTGRES_URL", "postgresql://ci")
    monkeypatch.setenv("HANDOFF_REQUIRE_BROWSER", "1")
    env = newcomer.clean_environment()
    if (Path(venv_bin).parent / "pyvenv.cfg").exists():
        assert venv_bin not in env["PATH"].split(":")
    assert "/usr/bin" in env["PATH"].split(":")
    assert "VIRTUAL_ENV" not in env
    assert "HANDOFF_RULES" not in env
    assert env["HANDOFF_TEST_POSTGRES_URL"] == "postgresql://ci"
    # CI's demand that the browser tests run reaches the README's test command.
    assert env["HANDOFF_REQUIRE_BROWSER"] == "1"
