"""A folder is one rule set split into files; a folder of complete rule sets is said so.

The rule: at most one file of a folder declares ``settings``; the others add lanes,
conditions and rules. Two or more files with their own settings are separate rule sets:
``Router.from_path`` refuses the folder with one problem naming them and the fix, and
``handoff validate`` validates each of them on its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from handoff import Router
from handoff.cli import cli
from handoff.errors import RulesError
from handoff.rules import SeparateRuleSets
from tests.conftest import ROOT, RULE_FILES, RULES

HANDOFF = Path(sys.executable).parent / "handoff"
BASE = (
    "settings: {default_lane: bot, safe_lane: people}\n"
    "lanes:\n  bot: {kind: bot}\n  people: {kind: human}\n"
    "rules:\n  - {id: asked, when: {human_request: true}, lane: people, reason: asked}\n"
)
FRAGMENT = (
    "lanes:\n  fraud: {kind: specialist}\n"
    "rules:\n  - {id: fraud, when: {intent: report_fraud}, lane: fraud, reason: fraud}\n"
)


def _validate(*paths: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["validate", *map(str, paths)], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def three_sets(tmp_path: Path) -> Path:
    """A folder holding copies of the three shipped rule sets, each complete."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for file in RULE_FILES:
        shutil.copy(file, folder / file.name)
    return folder


class TestLoader:
    def test_three_complete_rule_sets_are_refused_with_one_problem(self, three_sets: Path) -> None:
        """One problem names every file and the fix, located at the second 'settings:'."""
        with pytest.raises(SeparateRuleSets) as caught:
            Router.from_path(three_sets)
        error = caught.value
        assert len(error.problems) == 1
        problem = error.problems[0]
        names = [str(three_sets / f.name) for f in RULE_FILES]
        assert error.rule_sets == tuple(names)
        assert error.fragments == ()
        for name in names:
            assert name in problem.message
        assert "3 separate rule sets" in problem.message
        assert "pass one file, or put one rule set's files in a folder of their own" in (
            problem.hint
        )
        second = (three_sets / RULE_FILES[1].name).read_text().splitlines()
        assert problem.file == names[1]
        assert second[problem.line - 1].startswith("settings:")
        assert problem.column == 1

    def test_fragments_of_one_rule_set_still_merge(self, tmp_path: Path) -> None:
        """One file with settings and one adding a lane and a rule: one rule set."""
        (tmp_path / "10_base.yaml").write_text(BASE)
        (tmp_path / "20_fraud.yaml").write_text(FRAGMENT)
        router = Router.from_path(tmp_path)
        assert [rule.id for rule in router.ruleset.rules] == ["asked", "fraud"]
        assert set(router.ruleset.lanes) == {"bot", "people", "fraud"}

    def test_two_sets_and_a_fragment_is_refused(self, tmp_path: Path) -> None:
        """Which set would the fragment belong to? Refused, the fragment listed apart."""
        (tmp_path / "a.yaml").write_text(BASE)
        (tmp_path / "b.yaml").write_text(BASE)
        (tmp_path / "c.yaml").write_text(FRAGMENT)
        with pytest.raises(SeparateRuleSets) as caught:
            Router.from_path(tmp_path)
        assert caught.value.fragments == (str(tmp_path / "c.yaml"),)
        assert "2 separate rule sets" in caught.value.problems[0].message

    def test_a_separate_rule_sets_error_is_a_rules_error(self, three_sets: Path) -> None:
        """Callers that catch RulesError keep working."""
        with pytest.raises(RulesError):
            Router.from_path(three_sets)


class TestValidate:
    def test_a_folder_of_rule_sets_is_validated_one_by_one(self, three_sets: Path) -> None:
        """Says what it sees, validates each file, exit 0 when all are valid."""
        code, output = _validate(three_sets)
        assert code == 0, output
        lines = output.splitlines()
        assert lines[0] == (
            f"{three_sets}/: 3 separate rule sets (each file has its own settings), "
            "validated one by one"
        )
        for file in RULE_FILES:
            assert any(line.startswith(f"{three_sets / file.name}: ok (") for line in lines)
        assert lines[-1] == "3 of 3 rule sets valid"

    def test_an_invalid_file_among_rule_sets_fails_alone(self, three_sets: Path) -> None:
        """The broken one is reported with file:line:col; the others are still ok."""
        broken = three_sets / "retail.yaml"
        broken.write_text(broken.read_text().replace("default_lane:", "default_lain:", 1))
        code, output = _validate(three_sets)
        assert code == 1
        assert f"{broken}:" in output
        assert f"{three_sets / 'default.yaml'}: ok (" in output
        assert output.splitlines()[-1] == "2 of 3 rule sets valid"

    def test_an_unparseable_file_among_rule_sets_is_reported(self, three_sets: Path) -> None:
        """A file with a YAML error is validated on its own too, not silently left out."""
        (three_sets / "zz_broken.yaml").write_text("settings: [\n")
        code, output = _validate(three_sets)
        assert code == 1
        assert "3 separate rule sets (each file has its own settings) and 1 unreadable file" in (
            output
        )
        assert f"{three_sets / 'zz_broken.yaml'}:2:1: invalid YAML" in output
        assert "3 of 4 rule sets valid" in output

    def test_a_folder_of_fragments_is_one_rule_set(self, tmp_path: Path) -> None:
        """The merged rule set is reported once, as before."""
        (tmp_path / "10_base.yaml").write_text(BASE)
        (tmp_path / "20_fraud.yaml").write_text(FRAGMENT)
        code, output = _validate(tmp_path)
        assert code == 0, output
        assert output.splitlines() == [
            f"{tmp_path}: ok (ruleset 'rules': 3 lanes, 2 rules, 0 named conditions)"
        ]

    def test_mixed_folder_is_invalid_with_the_fix(self, tmp_path: Path) -> None:
        """Two sets and a fragment: exit 1 with the one located message."""
        (tmp_path / "a.yaml").write_text(BASE)
        (tmp_path / "b.yaml").write_text(BASE)
        (tmp_path / "c.yaml").write_text(FRAGMENT)
        code, output = _validate(tmp_path)
        assert code == 1
        assert f"{tmp_path / 'b.yaml'}:1:1: 'settings' is also declared in" in output
        assert "put one rule set's files in a folder of their own" in output

    def test_the_projects_own_rules_folder(self) -> None:
        """`handoff validate rules/` from the repository root, as a newcomer runs it."""
        done = subprocess.run(  # noqa: PLW1510  (the exit code is asserted)
            [HANDOFF, "validate", "rules/"], cwd=ROOT, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
        lines = done.stdout.splitlines()
        assert lines[0] == (
            "rules/: 3 separate rule sets (each file has its own settings), validated one by one"
        )
        assert [line.split(":")[0] for line in lines[1:4]] == [
            f"rules/{f.name}" for f in sorted(RULES.glob("*.yaml"))
        ]
        assert lines[-1] == "3 of 3 rule sets valid"
