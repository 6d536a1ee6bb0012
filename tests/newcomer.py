"""Follow the READMEs as a newcomer would: a fresh clone, a clean environment, every shell
block run verbatim, in order.

    python3 tests/newcomer.py              # clone this repository's HEAD and run everything
    python3 tests/newcomer.py --list       # what would run and what is skipped, and why
    python3 tests/newcomer.py --keep       # keep the clone to look at afterwards

Every shell block in a tracked Markdown file (```bash, ```sh, ```console, or a plain block
whose first line starts with ``$ ``) must be preceded by a marker comment:

    <!-- newcomer: run -->                 run it, from the repository root
    <!-- newcomer: skip: <reason> -->      not runnable here; the reason says why

A block of ``$ command`` lines is a transcript: each command runs and what it prints (stdout
and stderr, as a terminal shows them) must equal the lines under it. Any other block is a
script: it runs as pasted and must exit 0. The blocks of one document run in one bash
session (a variable or ``cd`` carries over to the next block, as in a terminal), README.md
first, then the other documents in path order, each from the repository root. Afterwards
the clone must be as clean as it started (``git status`` lists nothing): examples write
their files to temporary folders or ignored ones, never into the repository.

The environment is a newcomer's: no virtualenv on PATH, no ``VIRTUAL_ENV``, no
``PYTHONPATH``, no ``HANDOFF_*`` settings except three that describe the machine:
``HANDOFF_TEST_POSTGRES_URL`` (CI points the tests at a throwaway PostgreSQL with it, as the
README says), ``HANDOFF_CHROMIUM`` (where the browser the desktop's tests drive is) and
``HANDOFF_REQUIRE_BROWSER`` (CI sets it so those tests fail, never skip, without a browser:
dropping it here would let CI pass without them). Registry settings (``PIP_*``,
proxies) and pyenv's ``PYENV_ROOT`` pass through: they describe the machine, not the
project. ``PYTHONUNBUFFERED=1`` makes output interleave as it does on a terminal.

Standard library only: CI runs it with the system ``python3`` before anything is installed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "console", "zsh"})
MARKER = re.compile(r"<!--\s*newcomer:\s*(run|skip:\s*(?P<reason>.*?))\s*-->")
FENCE = re.compile(r"^```(?P<info>[^`\n]*)$")
PASSED_THROUGH = ("HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "PYENV_ROOT", "CI",
                  "HANDOFF_TEST_POSTGRES_URL", "HANDOFF_CHROMIUM", "HANDOFF_REQUIRE_BROWSER",
                  "http_proxy", "https_proxy", "no_proxy",
                  "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY")  # fmt: skip
BLOCK_TIMEOUT_SECONDS = 45 * 60


@dataclass
class Block:
    """One shell block of a Markdown file."""

    document: str
    line: int  # 1-based line of the opening fence
    text: str
    marker: str | None  # "run", "skip" or None (missing)
    reason: str = ""
    commands: list[tuple[str, str]] = field(default_factory=list)  # transcript: (cmd, shown)

    @property
    def where(self) -> str:
        return f"{self.document}:{self.line}"

    @property
    def is_transcript(self) -> bool:
        return bool(self.commands)


def documents(root: Path) -> list[str]:
    """Tracked Markdown files, README.md first, then in path order."""
    listed = subprocess.run(
        ["git", "ls-files", "*.md"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    return sorted(listed, key=lambda path: (path != "README.md", path))


def _is_shell(info: str, body: list[str]) -> bool:
    language = info.strip().split(" ")[0].lower() if info.strip() else ""
    if language in SHELL_LANGUAGES:
        return True
    return language in {"", "text"} and bool(body) and body[0].startswith("$ ")


def _transcript(lines: list[str]) -> list[tuple[str, str]]:
    """``$ cmd`` lines with the output under each; a command may continue with ``\\``."""
    commands: list[tuple[str, str]] = []
    index = 0
    while index < len(lines):
        command = lines[index][2:]
        index += 1
        while command.endswith("\\") and index < len(lines):
            command += "\n" + lines[index]
            index += 1
        shown: list[str] = []
        while index < len(lines) and not lines[index].startswith("$ "):
            shown.append(lines[index])
            index += 1
        commands.append((command, "\n".join(shown)))
    return commands


def shell_blocks(root: Path, document: str) -> list[Block]:
    """Every shell block of ``document`` with its marker (None if it has none)."""
    lines = (root / document).read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and lines[end] != "```":
            end += 1
        body = lines[index + 1 : end]
        if _is_shell(opening["info"], body):
            marker, reason = None, ""
            above = index - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            while above >= 0 and lines[above].strip().startswith("<!--"):
                found = MARKER.search(lines[above])
                if found:
                    marker = "run" if found[1] == "run" else "skip"
                    reason = (found["reason"] or "").strip()
                above -= 1
            block = Block(document, index + 1, "\n".join(body), marker, reason)
            if body and body[0].startswith("$ "):
                block.commands = _transcript(body)
            blocks.append(block)
        index = end + 1
    return blocks


def problems(root: Path) -> list[str]:
    """Blocks without a marker, or skipped without a reason."""
    found: list[str] = []
    for document in documents(root):
        for block in shell_blocks(root, document):
            if block.marker is None:
                found.append(f"{block.where}: shell block without <!-- newcomer: run --> "
                             "or <!-- newcomer: skip: <reason> -->")  # fmt: skip
            elif block.marker == "skip" and not block.reason:
                found.append(f"{block.where}: skipped without a reason")
    return found


def clean_environment() -> dict[str, str]:
    """A newcomer's environment: see the module docstring."""
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.update({name: value for name, value in os.environ.items() if name.startswith("PIP_")})
    path = [
        entry for entry in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep)
        if entry and not (Path(entry).parent / "pyvenv.cfg").exists()
    ]  # fmt: skip
    env.update(PATH=os.pathsep.join(path), TERM="dumb", PYTHONUNBUFFERED="1")
    env.setdefault("LANG", "C.UTF-8")
    return env


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


class Session:
    """One bash process per document: blocks run in it one after another."""

    def __init__(self, clone: Path, scratch: Path, env: dict[str, str]) -> None:
        self.clone, self.scratch, self.count = clone, scratch, 0
        self.bash = subprocess.Popen(
            ["bash", "--noprofile", "--norc"], cwd=clone, env=env, stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip

    def run(self, text: str, *, strict: bool, stream: bool) -> tuple[int | None, str]:
        """Run ``text`` verbatim; (exit status or None if the session died, output)."""
        self.count += 1
        out = self.scratch / f"{self.count}.out"
        status = self.scratch / f"{self.count}.rc"
        out.touch()
        # `set -e` for scripts: a failing line stops the block, as the README promises each
        # line works. It ends the session too, which is reported as a failure below.
        prologue = "set -e\n" if strict else ""
        epilogue = "set +e\n" if strict else ""
        assert self.bash.stdin is not None
        self.bash.stdin.write(
            f"{{\n{prologue}{text}\n{epilogue}}} >'{out}' 2>&1 </dev/null\necho $? >'{status}'\n"
        )
        self.bash.stdin.flush()
        shown = 0
        deadline = time.monotonic() + BLOCK_TIMEOUT_SECONDS
        while not status.exists() or not status.read_text().strip():
            if stream:
                shown = _echo_new(out, shown)
            if self.bash.poll() is not None:
                break
            if time.monotonic() > deadline:
                self.bash.kill()
                return None, out.read_text(errors="replace") + "\n[timed out]"
            time.sleep(0.2)
        if stream:
            _echo_new(out, shown)
        output = out.read_text(errors="replace")
        if not status.exists() or not status.read_text().strip():
            return None, output
        return int(status.read_text()), output

    def close(self) -> None:
        assert self.bash.stdin is not None
        # The session may have ended already (a block failed under set -e).
        with contextlib.suppress(BrokenPipeError):
            self.bash.stdin.close()
        self.bash.wait(timeout=30)


def _echo_new(path: Path, shown: int) -> int:
    data = path.read_bytes()
    if len(data) > shown:
        sys.stdout.write(data[shown:].decode(errors="replace"))
        sys.stdout.flush()
    return len(data)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.splitlines())


def run_all(root: Path, *, keep: bool, only: list[str]) -> int:
    found = [p for p in problems(root) if not only or p.split(":")[0] in only]
    if found:
        print("\n".join(found), file=sys.stderr)
        return 1
    scratch_root = Path(tempfile.mkdtemp(prefix="handoff-newcomer-"))
    clone = scratch_root / "handoff"
    print(f"== fresh clone of {root} in {clone}", flush=True)
    subprocess.run(["git", "clone", "--quiet", str(root), str(clone)], check=True)
    env = clean_environment()
    failures: list[str] = []
    ran = skipped = 0
    for document in documents(clone):
        if only and document not in only:
            continue
        blocks = shell_blocks(clone, document)
        if not blocks:
            continue
        scratch = scratch_root / "sessions" / document.replace("/", "_")
        scratch.mkdir(parents=True)
        session = Session(clone, scratch, env)
        try:
            for block in blocks:
                if block.marker == "skip":
                    skipped += 1
                    print(f"-- skip {block.where}: {block.reason}", flush=True)
                    continue
                ran += 1
                failure = _run_block(session, block)
                if failure:
                    failures.append(failure)
                    print(failure, flush=True)
                    break  # later blocks of this document build on this one
        finally:
            session.close()
    left = subprocess.run(
        ["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True, check=True
    ).stdout
    if left.strip():
        failures.append("the examples left files in the repository:\n" + _indent(left))
        print(failures[-1])
    print(f"== {ran} blocks run, {skipped} skipped with a reason, {len(failures)} failed")
    if keep:
        print(f"== kept {clone}")
    else:
        shutil.rmtree(scratch_root, ignore_errors=True)
    return 1 if failures else 0


def _run_block(session: Session, block: Block) -> str | None:
    """Run one block; a failure message, or None."""
    if not block.is_transcript:
        print(f"-- run  {block.where}\n{_indent(block.text)}", flush=True)
        status, output = session.run(block.text, strict=True, stream=True)
        if status != 0:
            ended = "(session died)" if status is None else status
            return f"FAIL {block.where}: exited {ended}"
        return None
    for command, shown in block.commands:
        print(f"-- run  {block.where}: $ {command}", flush=True)
        status, output = session.run(command, strict=False, stream=False)
        if status is None:
            return f"FAIL {block.where}: `{command}` ended the session\n{_indent(output)}"
        if shown.strip() and _normalise(output) != _normalise(shown):
            return (f"FAIL {block.where}: `{command}` (exit {status}) printed\n{_indent(output)}\n"
                    f"  but the document shows\n{_indent(shown)}")  # fmt: skip
        if not shown.strip() and status != 0:
            return f"FAIL {block.where}: `{command}` exited {status}\n{_indent(output)}"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="repository to clone")
    parser.add_argument("--keep", action="store_true", help="keep the clone afterwards")
    parser.add_argument("--list", action="store_true", help="list blocks; run nothing")
    parser.add_argument("--only", action="append", default=[], metavar="DOCUMENT",
                        help="run only this document's blocks (repeatable)")  # fmt: skip
    args = parser.parse_args(argv)
    if args.list:
        for document in documents(args.repo):
            for block in shell_blocks(args.repo, document):
                what = block.marker or "NO MARKER"
                reason = f": {block.reason}" if block.reason else ""
                print(f"{block.where}: {what}{reason}")
        return 1 if problems(args.repo) else 0
    return run_all(args.repo, keep=args.keep, only=args.only)


if __name__ == "__main__":
    sys.exit(main())
