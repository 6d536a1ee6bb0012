"""Tabs in rules files: told apart by where they are, as libyaml reads them.

libyaml accepts a tab between a value and its comment (``lane: bot<TAB># note``) and
refuses one at the start of a line, even on a comment-only or blank line. Only real
indentation is reported as indentation; the others get their own message and file:line:col.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from handoff import Router
from handoff.cli import cli
from handoff.errors import RulesError
from tests.conftest import RULES

DEFAULT = (RULES / "default.yaml").read_text(encoding="utf-8")


def _write(tmp_path: Path, old: str, new: str) -> Path:
    assert old in DEFAULT, old
    path = tmp_path / "rules.yaml"
    path.write_text(DEFAULT.replace(old, new, 1), encoding="utf-8")
    return path


def _problem(path: Path) -> str:
    with pytest.raises(RulesError) as caught:
        Router.from_path(path)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line == text)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("default_lane: bot            #", "default_lane: bot\t#"),
        ("default_lane: bot            #", "default_lane: bot \t #"),
        ("stay_with_human: true      #", "stay_with_human: true\t\t#"),
    ],
    ids=["tab", "space-tab-space", "two-tabs-nested"],
)
def test_a_tab_between_a_value_and_its_comment_is_accepted(
    tmp_path: Path, old: str, new: str
) -> None:
    """libyaml reads it as separation: the file loads and means what the original means."""
    path = _write(tmp_path, old, new)
    assert Router.from_path(path).version == Router.from_path(RULES / "default.yaml").version
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output


def test_a_tab_before_a_comment_on_its_own_line(tmp_path: Path) -> None:
    """Not called indentation: the message says what it is, located at the tab."""
    path = _write(tmp_path, "settings:\n", "settings:\n\t# where customers go\n")
    line = _line_of(path, "\t# where customers go")
    text = _problem(path)
    assert text.startswith(f"{path}:{line}:1: invalid YAML: a tab before a comment")
    assert "indentation" not in text.split("\n")[0]
    assert "indent the comment with spaces" in text


def test_a_tab_after_spaces_before_a_comment(tmp_path: Path) -> None:
    """The column is the tab's, not the line's start."""
    path = _write(tmp_path, "settings:\n", "settings:\n  \t# where customers go\n")
    line = _line_of(path, "  \t# where customers go")
    assert _problem(path).startswith(f"{path}:{line}:3: invalid YAML: a tab before a comment")


def test_a_blank_line_holding_a_tab(tmp_path: Path) -> None:
    """Whitespace-only lines are named as such."""
    path = _write(tmp_path, "settings:\n  default_lane", "settings:\n\t\n  default_lane")
    text = _problem(path)
    assert ": invalid YAML: a tab on an otherwise blank line" in text.split("\n")[0]


def test_real_tab_indentation_is_still_indentation(tmp_path: Path) -> None:
    """The original message stays for what it was meant for."""
    path = _write(tmp_path, "settings:\n  default_lane", "settings:\n\tdefault_lane")
    line = _line_of(path, "\tdefault_lane: bot            # where the customer stays when no "
                    "rule matches")  # fmt: skip
    assert _problem(path).startswith(
        f"{path}:{line}:1: invalid YAML: a tab character is used for indentation"
    )


def test_validate_prints_the_located_message(tmp_path: Path) -> None:
    """Through the CLI: exit 1, file:line:col and the right words."""
    path = _write(tmp_path, "settings:\n", "settings:\n\t# note\n")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:12:1: invalid YAML: a tab before a comment on a line of its own" in (
        result.output
    )
