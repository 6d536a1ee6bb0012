"""The semantic diff (handoff.graph.diff): every change is classified into the kinds that
decide who must approve it. Rule sets are the shipped ones, edited as a designer would."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handoff import Router
from handoff.cli import cli
from handoff.graph.compile import CompiledRules
from handoff.graph.diff import KINDS, Change, kinds_of, semantic_diff
from tests.conftest import RULES

BANKING = RULES / "banking.yaml"
PILOTS = RULES / "pilots"


def _compiled(path: Path) -> CompiledRules:
    return Router.from_path(path).compiled


def _edited(tmp_path: Path, source: Path, *edits: tuple[str, str], name: str = "") -> Path:
    text = source.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    target = tmp_path / (name or source.name)
    target.write_text(text)
    return target


def _diff(tmp_path: Path, *edits: tuple[str, str]) -> list[Change]:
    return semantic_diff(_compiled(BANKING), _compiled(_edited(tmp_path, BANKING, *edits)))


def _only(changes: list[Change]) -> Change:
    assert len(changes) == 1, [c.to_dict() for c in changes]
    return changes[0]


class TestKinds:
    def test_same_rules_have_no_changes(self) -> None:
        """A rule set against itself: nothing changed, no kinds."""
        assert semantic_diff(_compiled(BANKING), _compiled(BANKING)) == []
        assert kinds_of([]) == frozenset()

    def test_comments_and_formatting_do_not_count(self, tmp_path: Path) -> None:
        """A comment and reflowed whitespace change the bytes, not the routing."""
        changes = _diff(
            tmp_path,
            ("# Red lines: always a person", "# Red lines (reviewed): always a person"),
            ("default_lane: bot            #", "default_lane:   bot #"),
        )
        assert changes == []

    def test_red_line_threshold(self, tmp_path: Path) -> None:
        """A red-line rule's condition changed: a red-line change, with the test shown."""
        change = _only(
            _diff(
                tmp_path,
                (
                    "        - intent: complain\n          cues_seen: legal_threat",
                    "        - intent: complain\n          cues_seen: [legal_threat, complaint]",
                ),
            )
        )
        assert change.section == "rules"
        assert change.subject == "regulatory_complaint"
        assert change.kinds == {"rules", "red_lines"}

    def test_red_line_flag_removed(self, tmp_path: Path) -> None:
        """Demoting a red line is a red-line change (and moves it in the evaluation order)."""
        changes = _diff(tmp_path, ("  - id: fraud\n    red_line: true\n", "  - id: fraud\n"))
        assert all("red_lines" in c.kinds for c in changes)
        assert any("red_line: True → False" in c.details for c in changes)

    def test_ordinary_rule(self, tmp_path: Path) -> None:
        """An ordinary rule's priority: a rules change only."""
        change = _only(_diff(tmp_path, ("    priority: 75 ", "    priority: 70 ")))
        assert change.subject == "intense_anger"
        assert change.kinds == {"rules"}
        assert "priority: 75 → 70" in change.details

    def test_lane_a_red_line_routes_to(self, tmp_path: Path) -> None:
        """The fraud team's lane is where a red line routes: a red-line change too."""
        change = _only(
            _diff(tmp_path, ("  fraud:\n    kind: specialist\n", "  fraud:\n    kind: human\n"))
        )
        assert change.section == "lanes"
        assert change.kinds == {"lanes", "red_lines"}

    def test_lane_in_a_red_lines_fallback_chain(self, tmp_path: Path) -> None:
        """complaints (a red line's lane) falls back to general_banking, then callback: a
        customer on a red line can end up there, so editing callback is a red-line change."""
        change = _only(
            _diff(
                tmp_path,
                (
                    "    queue: bank-callbacks\n    priority: 30",
                    "    queue: bank-callbacks\n    priority: 31",
                ),
            )
        )
        assert change.subject == "callback"
        assert "red_lines" in change.kinds

    def test_bot_lane(self, tmp_path: Path) -> None:
        """The bot lane's description: a lanes change only."""
        change = _only(_diff(tmp_path, ("The banking assistant;", "Eve, the banking assistant;")))
        assert change.kinds == {"lanes"}

    def test_override_lane(self, tmp_path: Path) -> None:
        """The supervisor-override lane: an override-lane change."""
        change = _only(
            _diff(tmp_path, ("    queue: bank-supervisors", "    queue: bank-supervisors-2"))
        )
        assert change.subject == "supervisor"
        assert change.kinds == {"lanes", "override_lanes"}

    def test_named_condition_of_a_red_line(self, tmp_path: Path) -> None:
        """A named condition used by a red line (fraud_corroborated): a red-line change."""
        text = BANKING.read_text()
        block = text[text.index("  fraud_corroborated:") : text.index("\n  in_difficulty:")]
        changes = _diff(tmp_path, (block, block.replace("gte: 0.5", "gte: 0.6")))
        named = [c for c in changes if c.section == "named conditions"]
        assert named, [c.to_dict() for c in changes]
        assert all("red_lines" in c.kinds for c in named)

    def test_setting_a_red_line_depends_on(self, tmp_path: Path) -> None:
        """intent_groups feed the fraud red line (intent_group_mass): a red-line change."""
        edit = (
            "    fraud:\n      - report_fraud",
            "    fraud:\n      - extra\n      - report_fraud",
        )
        change = _only(_diff(tmp_path, edit))
        assert change.section == "settings"
        assert change.kinds == {"settings", "red_lines"}

    def test_setting_no_red_line_depends_on(self, tmp_path: Path) -> None:
        """Anti-flapping's confirm_turns: a settings change only."""
        change = _only(_diff(tmp_path, ("confirm_turns: 2", "confirm_turns: 3")))
        assert change.kinds == {"settings"}


class TestExperiments:
    def test_adding_an_experiment_and_a_shadow(self) -> None:
        """banking_pilot is banking plus an experiment and a shadow: two experiment changes,
        the added block's arms and shares listed for the approvers."""
        changes = semantic_diff(_compiled(BANKING), _compiled(PILOTS / "banking_pilot.yaml"))
        assert [(c.section, c.mark, c.subject) for c in changes] == [
            ("experiments", "+", "experiment early-help: added"),
            ("experiments", "+", "shadow: added"),
        ]
        assert all(c.kinds == {"experiments"} for c in changes)
        assert "arms.early_help.share: 45" in changes[0].details

    def test_an_arm_file_edited(self, tmp_path: Path) -> None:
        """Only an arm's rules file changed: the experiment's change, with the arm's diff."""
        folder = tmp_path / "pilot"
        shutil.copytree(PILOTS, folder)
        before = _compiled(folder / "banking_pilot.yaml")
        _edited(folder, folder / "banking_early_help.yaml", ("confirm_turns: ", "confirm_turns: 1"))
        after = _compiled(folder / "banking_pilot.yaml")
        change = _only(semantic_diff(before, after))
        assert change.subject == "arm early_help: rules"
        assert change.kinds == {"experiments"}
        assert any("confirm_turns" in d for d in change.details)

    def test_a_shadow_file_edited(self, tmp_path: Path) -> None:
        """Only the shadow's file changed: an experiments change affecting no lane."""
        folder = tmp_path / "pilot"
        shutil.copytree(PILOTS, folder)
        before = _compiled(folder / "banking_pilot.yaml")
        _edited(folder, folder / "banking_candidate.yaml", ("confirm_turns: 2", "confirm_turns: 3"))
        change = _only(semantic_diff(before, _compiled(folder / "banking_pilot.yaml")))
        assert change.subject == "shadow: rules"
        assert change.kinds == {"experiments"}
        assert change.lanes == frozenset()

    def test_a_share_changed(self, tmp_path: Path) -> None:
        """Shares moved between arms: the block's fields, field by field."""
        folder = tmp_path / "pilot"
        shutil.copytree(PILOTS, folder)
        before = _compiled(folder / "banking_pilot.yaml")
        _edited(
            folder,
            folder / "banking_pilot.yaml",
            ("control: {share: 45}", "control: {share: 50}"),
            ("bot_only: {share: 10,", "bot_only: {share: 5,"),
        )
        change = _only(semantic_diff(before, _compiled(folder / "banking_pilot.yaml")))
        assert change.details == (
            "arms.bot_only.share: 10 → 5",
            "arms.control.share: 45 → 50",
        )


SHIPPED = [*sorted(RULES.glob("*.yaml")), PILOTS / "banking_pilot.yaml"]
_BASE_KIND = {
    "settings": "settings",
    "lanes": "lanes",
    "named conditions": "rules",
    "rules": "rules",
    "experiments": "experiments",
}


@pytest.mark.parametrize(
    ("a", "b"),
    [(a, b) for i, a in enumerate(SHIPPED) for b in SHIPPED[i + 1 :]],
    ids=lambda p: p.stem,
)
def test_shipped_pairs_are_classified_alike_both_ways(a: Path, b: Path) -> None:
    """Between any two shipped rule sets, a→b and b→a are the same kinds (undoing a change
    is as sensitive as making it), every change carries its section's kind, and a rule set
    against itself has no changes."""
    one, other = _compiled(a), _compiled(b)
    forth, back = semantic_diff(one, other), semantic_diff(other, one)
    assert forth
    assert kinds_of(forth) == kinds_of(back)
    for change in [*forth, *back]:
        assert _BASE_KIND[change.section] in change.kinds
        assert change.kinds <= set(KINDS)
    assert semantic_diff(one, one) == []


class TestChangeData:
    def test_round_trip_through_json(self, tmp_path: Path) -> None:
        """to_dict is JSON-able and from_dict restores the change exactly."""
        changes = _diff(
            tmp_path,
            ("confirm_turns: 2", "confirm_turns: 3"),
            ("    priority: 75 ", "    priority: 70 "),
        )
        assert len(changes) == 2
        for change in changes:
            data = json.loads(json.dumps(change.to_dict()))
            assert data["kinds"] == [k for k in KINDS if k in change.kinds]
            assert Change.from_dict(data) == change

    @pytest.mark.parametrize(
        "data",
        [{}, {"section": "rules", "mark": "?", "subject": "x"},
         {"section": "rules", "mark": "+", "subject": "x", "kinds": ["everything"]}],
    )  # fmt: skip
    def test_from_dict_refuses_what_is_not_a_change(self, data: dict[str, object]) -> None:
        """Missing keys, a bad mark or an unknown kind: ValueError."""
        with pytest.raises(ValueError, match="not a change"):
            Change.from_dict(data)


class TestCli:
    def test_handoff_diff_prints_experiment_changes(self) -> None:
        """`handoff diff` shows an added experiment with its arms, after the other sections."""
        result = CliRunner().invoke(
            cli, ["diff", str(BANKING), str(PILOTS / "banking_pilot.yaml")], terminal_width=120
        )
        assert result.exit_code == 0, result.output
        out = result.output
        assert "experiments\n  + experiment early-help: added\n" in out
        assert "      arms.early_help.rules: banking_early_help.yaml\n" in out
        assert "  + shadow: added\n" in out
        assert out.endswith("2 changes\n")
