"""Every command's paths and inputs: a path that cannot be used is one line and exit 1.

The README promises "0 good, 1 invalid rules, failing cases or unreadable input, 2 a wrong
command line". Each path argument of each command goes through the same check, so a
missing file, a folder where a file is expected, a file under a file, a device or a file
that is not UTF-8 is exit 1 with one line naming it (and a "did you mean" for a near miss),
while an unknown option or a missing argument stays a usage error (exit 2).
"""

from __future__ import annotations

import inspect
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from handoff.cli import cli
from tests.conftest import ROOT, RULES

HANDOFF = Path(sys.executable).parent / "handoff"
DEFAULT = RULES / "default.yaml"
SAMPLE = RULES / "samples" / "default" / "02_asks_for_a_human.json"
CASES = RULES / "tests" / "default.yaml"
BAD = "{bad}"  # where the path under test goes

# Every command and every path argument it takes: (args, needs a file, not a folder).
PATH_ARGUMENTS = [
    (["validate", BAD], False),
    (["validate", DEFAULT, BAD], False),
    (["explain", BAD, SAMPLE], False),
    (["explain", DEFAULT, BAD], True),
    (["graph", BAD], False),
    (["test", BAD, CASES], False),
    (["test", DEFAULT, BAD], False),
    (["diff", BAD, DEFAULT], False),
    (["diff", DEFAULT, BAD], False),
    (["replay", BAD, SAMPLE], False),
    # A log may be a folder of shards (or a glob; issue 16), so a folder is read here.
    (["replay", DEFAULT, BAD], False),
    (["replay", DEFAULT, SAMPLE, "--against", BAD], False),
]
IDS = [
    f"{args[0]}-{[str(a) for a in args].index(BAD)}" + ("-against" if "--against" in args else "")
    for args, _ in PATH_ARGUMENTS
]


def _invoke(args: list[str | Path], bad: Path | str, cwd: Path | None = None) -> Result:
    argv = [str(bad) if a == BAD else str(a) for a in args]
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(cli, argv, catch_exceptions=False)
    old = Path.cwd()
    os.chdir(cwd)
    try:
        return runner.invoke(cli, argv, catch_exceptions=False)
    finally:
        os.chdir(old)


def _one_line(result: Result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize(("args", "file_only"), PATH_ARGUMENTS, ids=IDS)
class TestEveryPathArgument:
    def test_missing_with_did_you_mean(
        self, tmp_path: Path, args: list[str | Path], file_only: bool
    ) -> None:
        """A typo in a file name: exit 1, one line, the near miss suggested."""
        (tmp_path / "rules").mkdir()
        shutil.copy(DEFAULT, tmp_path / "rules" / "default.yaml")
        result = _invoke(args, "rules/defualt.yaml", cwd=tmp_path)
        assert result.exit_code == 1
        expected = "no such file" if file_only else "no such file or folder"
        assert _one_line(result) == (
            f"rules/defualt.yaml: {expected} (did you mean rules/default.yaml?)"
        )

    def test_missing_folder_in_the_path(
        self, tmp_path: Path, args: list[str | Path], file_only: bool
    ) -> None:
        """A typo in a folder name is matched too."""
        (tmp_path / "rules").mkdir()
        shutil.copy(DEFAULT, tmp_path / "rules" / "default.yaml")
        result = _invoke(args, "rulez/default.yaml", cwd=tmp_path)
        assert result.exit_code == 1
        assert _one_line(result).endswith("(did you mean rules/default.yaml?)")

    def test_missing_without_a_near_miss(
        self, tmp_path: Path, args: list[str | Path], file_only: bool
    ) -> None:
        """Nothing close: no suggestion, still exit 1."""
        result = _invoke(args, tmp_path / "nothing-like-it.yaml")
        assert result.exit_code == 1
        assert _one_line(result).startswith(f"{tmp_path / 'nothing-like-it.yaml'}: no such file")
        assert "did you mean" not in result.output

    def test_under_a_file(self, tmp_path: Path, args: list[str | Path], file_only: bool) -> None:
        """A file used as a folder: the file is named."""
        result = _invoke(args, DEFAULT / "x.yaml")
        assert result.exit_code == 1
        assert _one_line(result).endswith(f"({DEFAULT} is a file, not a folder)")

    def test_a_device(self, args: list[str | Path], file_only: bool) -> None:
        """Not a regular file: refused before anything tries to read it forever."""
        result = _invoke(args, "/dev/zero")
        assert result.exit_code == 1
        assert _one_line(result).startswith("/dev/zero: not a regular file")

    def test_a_fifo(self, tmp_path: Path, args: list[str | Path], file_only: bool) -> None:
        """A named pipe would block a reader: refused."""
        fifo = tmp_path / "pipe.yaml"
        os.mkfifo(fifo)
        result = _invoke(args, fifo)
        assert result.exit_code == 1
        assert "not a regular file" in _one_line(result)

    def test_not_utf8(self, tmp_path: Path, args: list[str | Path], file_only: bool) -> None:
        """Bytes that are not UTF-8: exit 1, the file named, never a traceback."""
        path = tmp_path / "latin1.yaml"
        path.write_bytes("name: caf\xe9\n".encode("latin-1"))
        result = _invoke(args, path)
        assert result.exit_code == 1
        assert str(path) in result.output
        assert "not valid UTF-8" in result.output
        assert "Traceback" not in result.output

    def test_a_folder(self, tmp_path: Path, args: list[str | Path], file_only: bool) -> None:
        """A folder where a file is expected is named as such; elsewhere it is read."""
        result = _invoke(args, tmp_path)
        assert result.exit_code == 1
        if file_only:
            assert _one_line(result) == f"{tmp_path}: is a folder; a file is expected here"
        else:
            assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["graph", "schema"])
class TestOutputPaths:
    def test_a_folder_as_output(self, tmp_path: Path, command: str) -> None:
        """--output naming a folder: exit 1, one line."""
        args = [command, *([str(DEFAULT)] if command == "graph" else []), "-o", str(tmp_path)]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 1
        assert _one_line(result) == f"{tmp_path}: is a folder; give a file name to write"

    def test_output_in_a_missing_folder(self, tmp_path: Path, command: str) -> None:
        """The folder to write into does not exist: named, with a near miss."""
        (tmp_path / "docs").mkdir()
        target = tmp_path / "dcos" / "out.txt"
        args = [command, *([str(DEFAULT)] if command == "graph" else []), "-o", str(target)]
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code == 1
        assert _one_line(result) == (
            f"{target}: no such folder {tmp_path / 'dcos'} "
            f"(did you mean {tmp_path / 'docs' / 'out.txt'}?)"
        )
        assert not target.exists()


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--no-such-option", str(DEFAULT)],
        ["validate"],
        ["explain", str(DEFAULT)],
        ["graph"],
        ["graph", str(DEFAULT), "--format", "png"],
        ["test", str(DEFAULT)],
        ["schema", "--bogus"],
        ["diff", str(DEFAULT)],
        ["replay", str(DEFAULT)],
        ["no-such-command"],
    ],
    ids=lambda argv: "-".join(argv[:1] + [a for a in argv[1:] if a.startswith("-")]),
)
def test_usage_errors_stay_exit_2(argv: list[str]) -> None:
    """An unknown option, a missing argument or a bad choice is the command line's fault."""
    result = CliRunner().invoke(cli, argv, catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert "Usage:" in result.output


def test_the_installed_script_exits_1_with_one_line(tmp_path: Path) -> None:
    """The real process, as a newcomer types it: stderr is one line, exit 1."""
    done = subprocess.run(  # noqa: PLW1510  (the exit code is asserted)
        [HANDOFF, "validate", "rules/defualt.yaml"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert (
        done.stderr
        == "rules/defualt.yaml: no such file or folder (did you mean rules/default.yaml?)\n"
    )


# ---------------------------------------------------------------- explain's conversations


def _explain(*args: str | Path) -> Result:
    return CliRunner().invoke(
        cli, ["explain", *map(str, args)], catch_exceptions=False, prog_name="handoff"
    )


def _conversation(tmp_path: Path, data: object, name: str = "chat.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


ASKS = {"role": "user", "text": "a human please", "intent": {"name": "request_human",
        "confidence": 1.0}}  # fmt: skip


class TestSwappedArguments:
    def test_explain_swapped(self) -> None:
        """A routing case as RULES and rules as CONVERSATION: one line asking, exit 1."""
        result = _explain(SAMPLE, DEFAULT)
        assert result.exit_code == 1
        assert _one_line(result) == (
            f"{SAMPLE}: this is a routing case, not rules; did you swap the arguments? "
            "(usage: handoff explain [OPTIONS] RULES CONVERSATION)"
        )

    def test_explain_rules_as_conversation(self) -> None:
        """Only the conversation side wrong: the rules YAML is recognised."""
        result = _explain(DEFAULT, DEFAULT)
        assert result.exit_code == 1
        assert _one_line(result).startswith(
            f"{DEFAULT}: this is a rules file (YAML), not a conversation; did you swap"
        )

    def test_a_plain_conversation_as_rules(self, tmp_path: Path) -> None:
        """A bare conversation (not a case) is recognised as well."""
        chat = _conversation(tmp_path, {"id": "c", "turns": [ASKS]})
        result = _explain(chat, DEFAULT)
        assert _one_line(result).startswith(f"{chat}: this is a conversation, not rules")

    def test_replay_swapped(self, tmp_path: Path) -> None:
        """JSON Lines as RULES, rules as the log: said once, not once per line."""
        log = tmp_path / "chats.jsonl"
        log.write_text(json.dumps({"id": "c", "turns": [ASKS]}) + "\n" + "{}\n")
        result = CliRunner().invoke(cli, ["replay", str(log), str(DEFAULT)])
        assert result.exit_code == 1
        assert _one_line(result).startswith(
            f"{log}: this is a conversation per line (JSON Lines), not rules; did you swap"
        )
        result = CliRunner().invoke(cli, ["replay", str(DEFAULT), str(DEFAULT)])
        assert result.exit_code == 1
        assert _one_line(result).startswith(f"{DEFAULT}: this is a rules file (YAML), not conv")

    def test_test_swapped(self) -> None:
        """A cases file as RULES."""
        result = CliRunner().invoke(cli, ["test", str(CASES), str(DEFAULT)])
        assert result.exit_code == 1
        assert _one_line(result).startswith(
            f"{CASES}: this is a file of routing test cases, not rules; did you swap"
        )

    def test_broken_rules_are_still_reported_as_rules(self, tmp_path: Path) -> None:
        """Real rules with a mistake are not mistaken for a swap."""
        broken = tmp_path / "rules.yaml"
        broken.write_text(DEFAULT.read_text().replace("default_lane: bot", "default_lane: bto"))
        result = _explain(broken, SAMPLE)
        assert result.exit_code == 1
        assert "swap" not in result.output
        assert f"{broken}:" in result.output


class TestConversationContent:
    def test_no_id_is_labelled_by_the_file_name(self, tmp_path: Path) -> None:
        """No "conversation conversation": the file name, and a note saying so."""
        chat = _conversation(tmp_path, {"turns": [ASKS]}, "no-id.json")
        result = _explain(DEFAULT, chat, "--now", "2026-11-24T10:30:00Z")
        assert result.exit_code == 0, result.output
        assert f'{chat}: no "id" in the file; labelled by its file name' in result.output
        assert "conversation no-id.json (conversation, 1 user turn" in result.output
        assert "conversation conversation" not in result.output

    def test_a_case_without_id_too(self, tmp_path: Path) -> None:
        """Inside a routing case the same."""
        case = _conversation(
            tmp_path, {"conversation": {"turns": [ASKS]}, "expect": {"lane": "bot"}}, "case.json"
        )
        result = _explain(DEFAULT, case, "--json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        assert data["conversation"] == "case.json"

    def test_a_given_id_is_kept(self, tmp_path: Path) -> None:
        """The fallback is only for a missing id."""
        chat = _conversation(tmp_path, {"id": "chat-7", "turns": [ASKS]})
        result = _explain(DEFAULT, chat)
        assert "conversation chat-7 (" in result.output
        assert "labelled by its file name" not in result.output

    def test_a_user_turn_without_text(self, tmp_path: Path) -> None:
        """Named by its index and its number among user turns."""
        chat = _conversation(
            tmp_path, {"id": "c", "turns": [ASKS, {"role": "bot", "text": "ok"}, {"role": "user"}]}
        )
        result = _explain(DEFAULT, chat)
        assert result.exit_code == 1
        assert _one_line(result) == (
            f'{chat}: turns[2] (user turn 2) has no "text": every user turn needs the '
            "customer's message"
        )

    def test_a_bot_turn_with_neither_text_nor_action(self, tmp_path: Path) -> None:
        """A bot turn may have an action instead of text, not nothing."""
        ok = _conversation(tmp_path, {"id": "c", "turns": [ASKS, {"role": "bot",
                           "action": "utter_greet"}]}, "ok.json")  # fmt: skip
        assert _explain(DEFAULT, ok).exit_code == 0
        bad = _conversation(tmp_path, {"id": "c", "turns": [ASKS, {"role": "bot"}]})
        result = _explain(DEFAULT, bad)
        assert result.exit_code == 1
        assert 'turns[1] (bot turn) has neither "text" nor "action"' in result.output

    def test_a_case_turn_without_text(self, tmp_path: Path) -> None:
        """In a routing case the path says where."""
        case = _conversation(
            tmp_path, {"conversation": {"id": "c", "turns": [{"role": "user"}]},
                       "expect": {"lane": "bot"}})  # fmt: skip
        result = _explain(DEFAULT, case)
        assert result.exit_code == 1
        assert 'conversation.turns[0] (user turn 1) has no "text"' in result.output

    @pytest.mark.parametrize(
        "turns", [[], [{"role": "bot", "text": "Hello!"}]], ids=["empty", "only-bot"]
    )
    def test_no_user_turns(self, tmp_path: Path, turns: list[object]) -> None:
        """Nothing to route: said so, exit 1, no "turn by turn 1: bot"."""
        chat = _conversation(tmp_path, {"id": "c", "turns": turns})
        result = _explain(DEFAULT, chat)
        assert result.exit_code == 1
        assert _one_line(result).startswith(f"{chat}: no user turns to route")
        assert "turn by turn" not in result.output


def test_replay_reports_bad_lines_and_counts_them(tmp_path: Path) -> None:
    """Each bad line is file:line and skipped, the rest routed, the count at the end."""
    lines = [
        {"id": "good", "turns": [ASKS]},
        {"id": "empty", "turns": []},
        {"id": "no-text", "turns": [{"role": "user"}]},
        {"turns": [ASKS]},
    ]
    log = tmp_path / "chats.jsonl"
    log.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = CliRunner().invoke(cli, ["replay", str(DEFAULT), str(log)])
    assert result.exit_code == 1
    assert f"{log}:2: no user turns to route" in result.output
    assert f'{log}:3: turns[0] (user turn 1) has no "text"' in result.output
    assert "lanes (2 conversations)" in result.output
    assert "2 lines could not be read" in result.output


# ---------------------------------------------------------------- help texts


def _examples(command: click.Command) -> list[str]:
    doc = inspect.cleandoc(command.callback.__doc__ or "") if command.callback else ""
    if not doc:
        doc = inspect.cleandoc(command.help or "")
    return [
        line.strip() for line in doc.splitlines() if line.strip().startswith(("$ ", "handoff "))
    ]


@pytest.mark.parametrize("name", [None, *sorted(cli.commands)], ids=lambda n: n or "handoff")
def test_help_examples_render_one_per_line(name: str | None) -> None:
    """Every example command in a --help text stays on its own line (click rewraps
    paragraphs that are not marked with \\b)."""
    command = cli if name is None else cli.commands[name]
    examples = _examples(command)
    assert examples, f"{name or 'handoff'} --help has no example"
    result = CliRunner().invoke(cli, [*([name] if name else []), "--help"])
    assert result.exit_code == 0
    shown = [line.strip() for line in result.output.splitlines()]
    for example in examples:
        assert example in shown, f"{example!r} is not a line of its own:\n{result.output}"


def test_the_loader_suggests_the_near_miss_too(tmp_path: Path) -> None:
    """Library callers (and the demo) get the same "did you mean" from the rules loader."""
    from handoff import Router  # noqa: PLC0415
    from handoff.errors import RulesError  # noqa: PLC0415

    (tmp_path / "rules").mkdir()
    shutil.copy(DEFAULT, tmp_path / "rules" / "default.yaml")
    with pytest.raises(RulesError) as caught:
        Router.from_path(tmp_path / "rulez" / "defualt.yaml")
    [problem] = caught.value.problems
    assert problem.message == "no such file or folder"
    assert problem.hint == f"did you mean {tmp_path / 'rules' / 'default.yaml'}?"
    with pytest.raises(RulesError) as caught:
        Router.from_path(tmp_path / "nothing-like-it")
    assert caught.value.problems[0].hint == "check the path and try again"
