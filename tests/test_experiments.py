"""Experiments (A/B arms) and shadow rules: loading, refusals, assignment, routing, payloads.

Rules files are written to a temporary folder as a designer would write them; every refusal
is checked for its file, its line and a hint. Routing is checked against the plain router:
a shadow never changes the live decision, red lines route alike in every arm, and a
bot-only arm hands off on red lines and supervisor overrides only.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import handoff.router
from handoff import Router
from handoff.cli import cli
from handoff.errors import RulesError
from handoff.models import Account, Conversation, Decision, RoutingState, Turn
from handoff.models.rules import KPI_NAMES, Arm, Experiment
from handoff.rules import load_rules
from handoff.rules.experiments import BUCKETS, assign_arm, assignment_unit, bucket
from tests.conftest import RULES

PILOTS = RULES / "pilots"
NOON = datetime(2026, 3, 4, 12, 0, tzinfo=timezone.utc)  # a Wednesday: every team is open

BASE = """\
version: 1
name: {name}
settings:
  default_lane: bot
  safe_lane: people
  human_request_intents: [request_human]
lanes:
  bot: {{kind: bot}}
  people: {{kind: human, queue: people, sla_seconds: 120}}
  fraud_team: {{kind: specialist, queue: fraud, sla_seconds: 30, priority: 90}}
  supervisor: {{kind: override, queue: supervisors}}
rules:
  - id: fraud
    red_line: true
    when: {{risk_flags: fraud_suspected}}
    lane: fraud_team
    reason: Fraud flag.
  - id: asked
    when: {{human_request: true}}
    lane: people
    reason: Asked for a person.
  - id: sliding
    severity: medium
    when: {{sentiment: {{lt: -0.4}}}}
    lane: people
    reason: Mood sliding.
"""

# An ordinary rule an arm may add (it also keeps the fraud team reachable).
EXTRA = "  - id: extra\n    when: {cues: fraud}\n    lane: fraud_team\n    reason: x\n"

EXPERIMENT = """\
experiment:
  id: pilot
  metric: handoff_success
  arms:
    control: {share: 50}
    candidate: {share: 50, rules: candidate.yaml}
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def base(name: str = "live", *edits: tuple[str, str]) -> str:
    text = BASE.format(name=name)
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


def line_of(path: Path, needle: str, start: int = 1) -> int:
    """The 1-based number of the first line at or after ``start`` containing ``needle``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines[start - 1 :], start=start):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def refusal(path: Path) -> list[tuple[str, int, str, str]]:
    """(file name, line, message, hint) of every problem loading and compiling ``path``."""
    with pytest.raises(RulesError) as caught:
        Router.from_path(path)
    return [(Path(p.file).name, p.line, p.message, p.hint) for p in caught.value.problems]


def pilot(tmp_path: Path, candidate: str, experiment: str = EXPERIMENT) -> Path:
    write(tmp_path, "candidate.yaml", candidate)
    return write(tmp_path, "live.yaml", base() + experiment)


def user(
    *texts: str, customer: str | None = None, flags: frozenset[str] = frozenset()
) -> Conversation:
    turns: list[Turn] = []
    for text in texts:
        if turns:
            turns.append(Turn(role="bot", text="Let me help with that."))
        turns.append(Turn(role="user", text=text))
    return Conversation(
        id="conv-1",
        turns=tuple(turns),
        account=Account(customer_id=customer, risk_flags=flags),
    )


# ----------------------------------------------------------------------------- loading


class TestLoading:
    def test_rule_sets_without_experiments_keep_their_versions(self) -> None:
        """The new blocks are left out of the hash while unset: versions pinned in results
        and docs stay valid."""
        assert load_rules(RULES / "banking.yaml").version == "c4db5dba0560"
        assert Router.from_path(RULES / "banking.yaml").compiled.rules_version == "c4db5dba0560"

    def test_pilot_example_control_is_banking_unchanged(self) -> None:
        """The shipped pilot's control arm is rules/banking.yaml, same version, and the arm
        and shadow files differ from it only where their comments say."""
        router = Router.from_path(PILOTS / "banking_pilot.yaml")
        banking = load_rules(RULES / "banking.yaml").ruleset
        assert router.arm_versions()["control"] == "c4db5dba0560"
        assert router.ruleset.model_copy(update={"experiment": None, "shadow": None}) == banking
        early = router.compiled.arms["early_help"].ruleset
        anti = banking.settings.anti_flapping.model_copy(update={"confirm_turns": 1})
        rules = tuple(
            r.model_copy(
                update={
                    "when": r.when.model_copy(
                        update={
                            "escalation_score": r.when.escalation_score.model_copy(
                                update={"gte": 0.6}
                            )
                        }
                    )
                }
            )
            if r.id == "escalation_model" and r.when.escalation_score is not None
            else r
            for r in banking.rules
        )
        assert early == banking.model_copy(
            update={
                "name": early.name,
                "description": early.description,
                "settings": banking.settings.model_copy(update={"anti_flapping": anti}),
                "rules": rules,
            }
        )
        assert router.compiled.shadow is not None
        candidate = router.compiled.shadow.ruleset
        assert [r.id for r in candidate.rules] == [
            r.id for r in banking.rules if r.id != "unsure_intent"
        ]

    def test_arms_and_shadow_are_loaded_and_versioned(self, tmp_path: Path) -> None:
        write(tmp_path, "shadow.yaml", base("shadow"))
        path = pilot(tmp_path, base("cand"), EXPERIMENT + "shadow:\n  rules: shadow.yaml\n")
        router = Router.from_path(path)
        plain = Router.from_yaml(base())
        versions = router.arm_versions()
        assert versions["control"] == plain.version  # the blocks are not rules
        assert versions["candidate"] == Router.from_yaml(base("cand")).version
        assert router.shadow_version == Router.from_yaml(base("shadow")).version
        assert router.version != plain.version  # the file as a whole did change

    def test_folder_with_a_pilot_and_its_arm_files(self, tmp_path: Path) -> None:
        """Arm and shadow files next to the pilot in a folder are not merged into it."""
        write(tmp_path, "shadow.yaml", base("shadow"))
        pilot(tmp_path, base("cand"), EXPERIMENT + "shadow:\n  rules: shadow.yaml\n")
        router = Router.from_path(tmp_path)
        assert router.ruleset.name == "live"
        assert set(router.compiled.arms) == {"candidate"}

    def test_arm_files_in_a_subfolder(self, tmp_path: Path) -> None:
        write(tmp_path, "arms/candidate.yaml", base("cand"))
        path = write(
            tmp_path,
            "live.yaml",
            base() + EXPERIMENT.replace("candidate.yaml", "arms/candidate.yaml"),
        )
        assert Router.from_path(path).compiled.arms["candidate"].ruleset.name == "cand"

    @pytest.mark.parametrize("path", sorted(PILOTS.glob("*.yaml")), ids=lambda p: p.name)
    def test_pilot_files_validate_against_the_published_schema(self, path: Path) -> None:
        """Editors check experiment and shadow blocks as the loader does."""
        schema = json.loads((RULES / "schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(YAML(typ="safe").load(path.read_text(encoding="utf-8")), schema)

    def test_explain_shows_arm_and_shadow(self) -> None:
        sample = RULES / "samples" / "banking" / "04_vulnerable_customer.json"
        result = CliRunner().invoke(
            cli, ["explain", str(PILOTS / "banking_pilot.yaml"), str(sample)]
        )
        assert result.exit_code == 0, result.output
        assert "experiment    early-help, arm " in result.output
        assert "shadow        vulnerable_customers (specialist, rule vulnerable_customer" in (
            result.output
        )

    def test_validate_shows_the_experiment(self) -> None:
        result = CliRunner().invoke(cli, ["validate", str(PILOTS / "banking_pilot.yaml")])
        assert result.exit_code == 0, result.output
        assert "experiment 'early-help', judged on handoff_success" in result.output
        assert "control      45%  these rules (version c4db5dba0560)" in result.output
        assert "bot_only     10%  bot only: red lines hand off" in result.output
        assert "shadow: banking_candidate.yaml" in result.output


# ----------------------------------------------------------------------------- refusals


class TestRefusals:
    """Each refusal names the file and line to fix, and how."""

    def test_red_line_condition_differs(self, tmp_path: Path) -> None:
        candidate = base(
            "cand", ("risk_flags: fraud_suspected", "risk_flags: [fraud_suspected, scam]")
        )
        path = pilot(tmp_path, candidate)
        [(name, line, message, hint)] = refusal(path)
        assert name == "candidate.yaml"
        assert line == line_of(tmp_path / "candidate.yaml", "when: {risk_flags")
        assert "red-line rule 'fraud' tests other conditions in arm 'candidate'" in message
        assert f"live.yaml:{line_of(path, '- id: fraud')}" in message
        assert "identical in every arm" in hint

    def test_red_line_condition_through_a_named_condition(self, tmp_path: Path) -> None:
        """Named conditions are compared expanded: same name, other definition, refused."""
        named = "conditions:\n  flagged: {risk_flags: %s}\n"
        live = base().replace("when: {risk_flags: fraud_suspected}", "when: {condition: flagged}")
        write(tmp_path, "candidate.yaml", live.replace("name: live", "name: cand") + named % "scam")
        path = write(tmp_path, "live.yaml", live + named % "fraud_suspected" + EXPERIMENT)
        [(name, _, message, _)] = refusal(path)
        assert name == "candidate.yaml"
        assert "tests other conditions" in message

    def test_red_line_lane_differs(self, tmp_path: Path) -> None:
        candidate = base("cand", ("    lane: fraud_team\n", "    lane: people\n")) + EXTRA
        [(name, line, message, _)] = refusal(pilot(tmp_path, candidate))
        assert name == "candidate.yaml"
        fraud_rule = line_of(tmp_path / "candidate.yaml", "- id: fraud")
        assert line == line_of(tmp_path / "candidate.yaml", "lane: people", fraud_rule)
        assert "has lane 'people' in arm 'candidate' but 'fraud_team' in the control arm" in message

    def test_red_line_lane_definition_differs(self, tmp_path: Path) -> None:
        candidate = base("cand", ("sla_seconds: 30", "sla_seconds: 600"))
        [(name, line, message, _)] = refusal(pilot(tmp_path, candidate))
        assert name == "candidate.yaml"
        assert line == line_of(tmp_path / "candidate.yaml", "fraud_team: {kind")
        assert "lane 'fraud_team'" in message
        assert "sla_seconds differ" in message

    def test_red_line_missing_or_not_red(self, tmp_path: Path) -> None:
        not_red = base("cand", ("    red_line: true\n", "    red_line: false\n"))
        [(name, line, message, _)] = refusal(pilot(tmp_path, not_red))
        assert (name, line) == ("candidate.yaml", line_of(tmp_path / "candidate.yaml", "red_line"))
        assert "rule 'fraud' is not a red line in arm 'candidate'" in message

    def test_extra_red_line_in_an_arm(self, tmp_path: Path) -> None:
        extra = base("cand", ("  - id: asked\n", "  - id: asked\n    red_line: true\n"))
        problems = refusal(pilot(tmp_path, extra))
        assert any(
            "red-line rule 'asked' of arm 'candidate' is not a red line in the control" in m
            for _, _, m, _ in problems
        )

    def test_setting_a_red_line_depends_on_differs(self, tmp_path: Path) -> None:
        red = (
            "when: {risk_flags: fraud_suspected}",
            "when: {risk_flags: fraud_suspected, human_request: true}",
        )
        live = base("live", red)
        candidate = base(
            "cand",
            red,
            ("human_request_intents: [request_human]", "human_request_intents: [agent]"),
        )
        write(tmp_path, "candidate.yaml", candidate)
        path = write(tmp_path, "live.yaml", live + EXPERIMENT)
        [(name, line, message, _)] = refusal(path)
        assert (name, line) == ("candidate.yaml", 6)
        assert "settings.human_request_intents differs" in message
        assert "tests human_request" in message

    def test_other_rules_may_differ(self, tmp_path: Path) -> None:
        """What an experiment is for: everything but the red lines may change."""
        candidate = (
            base(
                "cand",
                ("sentiment: {lt: -0.4}", "sentiment: {lt: -0.2}"),
                ("human_request_intents: [request_human]", "human_request_intents: [agent]"),
                ("  - id: asked\n", "  - id: asked_again\n"),
            )
            + EXTRA
        )
        assert Router.from_path(pilot(tmp_path, candidate)).arm_versions()["candidate"]

    def test_nested_experiment_in_an_arm_file(self, tmp_path: Path) -> None:
        write(tmp_path, "other.yaml", base("other"))
        nested = base("cand") + EXPERIMENT.replace("candidate.yaml", "other.yaml")
        [(name, line, message, hint)] = refusal(pilot(tmp_path, nested))
        assert (name, line) == (
            "candidate.yaml",
            line_of(tmp_path / "candidate.yaml", "experiment:"),
        )
        assert "experiments and shadows do not nest" in message
        assert "remove the 'experiment:' block" in hint

    def test_nested_shadow_in_a_shadow_file(self, tmp_path: Path) -> None:
        write(tmp_path, "other.yaml", base("other"))
        write(tmp_path, "shadow.yaml", base("shadow") + "shadow:\n  rules: other.yaml\n")
        path = write(tmp_path, "live.yaml", base() + "shadow:\n  rules: shadow.yaml\n")
        [(name, line, message, _)] = refusal(path)
        assert (name, line) == ("shadow.yaml", line_of(tmp_path / "shadow.yaml", "shadow:"))
        assert "declares 'shadow:' of its own" in message

    def test_an_arm_naming_the_pilot_itself_does_not_loop(self, tmp_path: Path) -> None:
        write(
            tmp_path,
            "candidate.yaml",
            base("cand") + EXPERIMENT.replace("candidate.yaml", "live.yaml"),
        )
        path = write(tmp_path, "live.yaml", base() + EXPERIMENT)
        [(name, _, message, _)] = refusal(path)
        assert name == "candidate.yaml"
        assert "do not nest" in message

    @pytest.mark.parametrize(
        ("share", "message", "hint"),
        [
            ("50.5", "expected a whole number, got 50.5", "whole percentage"),
            ('"50"', "expected a whole number, got '50'", "whole percentage"),
            ("40", "the arms' shares sum to 90 (control 50, candidate 40)", "add up to 100"),
            ("-5", "outside the allowed range 0 to 100", "0 to 100"),
        ],
    )
    def test_shares(self, tmp_path: Path, share: str, message: str, hint: str) -> None:
        experiment = EXPERIMENT.replace("candidate: {share: 50", f"candidate: {{share: {share}")
        path = pilot(tmp_path, base("cand"), experiment)
        [(name, line, got, got_hint)] = refusal(path)
        key = "candidate: {share" if "sum" not in message else "arms:"
        assert (name, line) == ("live.yaml", line_of(path, key))
        assert message in got
        assert hint in got_hint

    def test_unknown_control(self, tmp_path: Path) -> None:
        path = pilot(
            tmp_path, base("cand"), EXPERIMENT.replace("  metric:", "  control: contrl\n  metric:")
        )
        [(name, line, message, hint)] = refusal(path)
        assert (name, line) == ("live.yaml", line_of(path, "control: contrl"))
        assert message == "control 'contrl' is not an arm of the experiment"
        assert hint == "did you mean 'control'?"

    def test_metric_must_be_a_kpi(self, tmp_path: Path) -> None:
        path = pilot(
            tmp_path, base("cand"), EXPERIMENT.replace("handoff_success", "handoff_sucess")
        )
        [(name, line, message, hint)] = refusal(path)
        assert (name, line) == ("live.yaml", line_of(path, "metric:"))
        assert "unknown metric 'handoff_sucess'" in message
        assert "did you mean" in hint
        assert "'handoff_success'" in hint
        assert "handoff_success" in KPI_NAMES

    def test_bot_only_with_rules(self, tmp_path: Path) -> None:
        experiment = EXPERIMENT.replace(
            "rules: candidate.yaml", "rules: candidate.yaml, bot_only: true"
        )
        path = pilot(tmp_path, base("cand"), experiment)
        [(name, line, message, hint)] = refusal(path)
        assert (name, line) == ("live.yaml", line_of(path, "bot_only: true"))
        assert "bot_only and also names a rules file" in message
        assert "remove 'rules:'" in hint

    def test_a_single_arm(self, tmp_path: Path) -> None:
        path = write(
            tmp_path,
            "live.yaml",
            base() + "experiment:\n  id: x\n  arms:\n    only: {share: 100}\n",
        )
        [(_, line, message, _)] = refusal(path)
        assert line == line_of(path, "arms:")
        assert "at least two" in message

    @pytest.mark.parametrize(
        ("value", "message", "hint"),
        [
            ("../outside.yaml", "is outside the folder of live.yaml", "same folder"),
            ("/etc/hosts", "is an absolute path", "relative to live.yaml"),
            (
                "candidte.yaml",
                "no rules file 'candidte.yaml' next to live.yaml",
                "did you mean candidate.yaml?",
            ),
            ("live.yaml", "is this file itself", "leave 'rules:' out"),
        ],
    )
    def test_arm_paths(self, tmp_path: Path, value: str, message: str, hint: str) -> None:
        folder = tmp_path / "pilot"
        write(tmp_path, "outside.yaml", base("outside"))
        path = pilot(
            folder, base("cand"), EXPERIMENT.replace("rules: candidate.yaml", f"rules: {value}")
        )
        [(name, line, got, got_hint)] = refusal(path)
        assert (name, line) == ("live.yaml", line_of(path, "candidate: {share"))
        assert message in got
        assert hint in got_hint

    def test_problems_inside_an_arm_file_name_that_file(self, tmp_path: Path) -> None:
        broken = base(
            "cand", ("    lane: people\n    reason: Asked", "    lane: peeple\n    reason: Asked")
        )
        [(name, line, message, hint)] = refusal(pilot(tmp_path, broken))
        assert (name, line) == (
            "candidate.yaml",
            line_of(tmp_path / "candidate.yaml", "lane: peeple"),
        )
        assert "'peeple' is not a lane" in message
        assert "did you mean 'people'" in hint

    def test_rules_from_text_cannot_name_arm_files(self) -> None:
        with pytest.raises(RulesError) as caught:
            Router.from_yaml(base() + EXPERIMENT)
        assert "these rules were not read from a file" in str(caught.value)

    def test_validate_prints_them_located(self, tmp_path: Path) -> None:
        path = pilot(tmp_path, base("cand", ("sla_seconds: 30", "sla_seconds: 600")))
        result = CliRunner().invoke(cli, ["validate", str(path)])
        assert result.exit_code == 1
        line = line_of(tmp_path / "candidate.yaml", "fraud_team: {kind")
        assert f"candidate.yaml:{line}:" in result.output
        assert "identical in every arm" in result.output
        assert "Traceback" not in result.output


# ----------------------------------------------------------------------------- assignment

SALTS = st.text(min_size=1, max_size=12)
IDS = st.text(min_size=1, max_size=30)


def experiment_of(shares: list[int], salt: str = "s") -> Experiment:
    return Experiment(
        id="x", salt=salt, arms={f"arm{i}": Arm(share=s) for i, s in enumerate(shares)}
    )


@st.composite
def share_lists(draw: st.DrawFn) -> list[int]:
    cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=1, max_size=3)))
    return [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]


class TestAssignment:
    @given(salt=SALTS, unit=IDS)
    def test_bucket_is_the_documented_hash(self, salt: str, unit: str) -> None:
        """The contract's formula, so other tools (and other languages) can reproduce it."""
        digest = hashlib.sha256(f"{salt}:{unit}".encode()).digest()
        assert bucket(salt, unit) == int.from_bytes(digest[:8], "big") % 10_000

    def test_bucket_is_stable_across_versions(self) -> None:
        """Pinned values: a change here would move customers between arms mid-pilot."""
        assert [bucket("2026-01", f"customer-{i}") for i in range(5)] == [
            bucket("2026-01", f"customer-{i}") for i in range(5)
        ]
        assert (
            bucket("early-help", "c-42")
            == int.from_bytes(hashlib.sha256(b"early-help:c-42").digest()[:8], "big") % BUCKETS
        )

    @given(shares=share_lists(), salt=SALTS)
    @settings(max_examples=25, deadline=None)
    def test_shares_are_respected(self, shares: list[int], salt: str) -> None:
        """Over 20,000 ids each arm gets its share, within 2 points (about 5 standard
        errors), and an arm with share 0 gets nobody."""
        experiment = experiment_of(shares, salt)
        counts = Counter(assign_arm(experiment, f"id-{i}") for i in range(20_000))
        for i, share in enumerate(shares):
            got = counts[f"arm{i}"] / 20_000
            assert abs(got - share / 100) < 0.02, (shares, counts)
            if share == 0:
                assert counts[f"arm{i}"] == 0

    @given(shares=share_lists(), unit=IDS)
    def test_assignment_is_deterministic(self, shares: list[int], unit: str) -> None:
        experiment = experiment_of(shares)
        assert assign_arm(experiment, unit) == assign_arm(experiment.model_copy(), unit)

    def test_customer_id_first_then_conversation(self) -> None:
        assert assignment_unit("cust-1", "conv-9") == "cust-1"
        assert assignment_unit(None, "conv-9") == "conv-9"
        assert assignment_unit("", "conv-9") == "conv-9"


# ----------------------------------------------------------------------------- routing


@pytest.fixture(scope="module")
def banking_pilot() -> Router:
    return Router.from_path(PILOTS / "banking_pilot.yaml")


@pytest.fixture(scope="module")
def banking() -> Router:
    return Router.from_path(RULES / "banking.yaml")


def in_arm(conversation: Conversation, arm: str, experiment: str = "early-help") -> Conversation:
    return conversation.model_copy(update={"state": RoutingState(experiment=experiment, arm=arm)})


PHRASES = [
    "hi",
    "where is my card",
    "I want to speak to a human",
    "this is useless, you never understand",
    "someone used my card, I did not make these payments",
    "my husband died last week and I can't cope",
    "I'm going to the ombudsman",
    "thanks, that's all",
    "I have asked three times already!!",
    "CLOSE MY ACCOUNT NOW",
]
CONVERSATIONS = st.builds(
    lambda texts, customer, flags: user(*texts, customer=customer, flags=flags),
    st.lists(st.sampled_from(PHRASES), min_size=1, max_size=4),
    st.one_of(st.none(), st.sampled_from(["c1", "c2", "c3", "c4", "c5", "c6"])),
    st.sampled_from([frozenset(), frozenset({"fraud_suspected"}), frozenset({"vulnerable"})]),
)
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class TestRouting:
    def test_decisions_record_experiment_arm_and_the_arms_version(
        self, banking_pilot: Router
    ) -> None:
        versions = banking_pilot.arm_versions()
        for arm in versions:
            decision = banking_pilot.route(in_arm(user("where is my card"), arm), now=NOON)
            assert (decision.experiment, decision.arm) == ("early-help", arm)
            assert decision.ruleset_version == versions[arm]
            assert (decision.state.experiment, decision.state.arm) == ("early-help", arm)
        assert len(set(versions.values())) == 3

    def test_same_customer_same_arm_across_conversations(self, banking_pilot: Router) -> None:
        for customer in ("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"):
            arms = {
                banking_pilot.route(
                    user("hi", customer=customer).model_copy(update={"id": f"conv-{n}"}), now=NOON
                ).arm
                for n in range(5)
            }
            assert len(arms) == 1, customer
            assert arms == {assign_arm(banking_pilot.experiment, customer)}  # type: ignore[arg-type]

    def test_arm_is_sticky_for_the_conversation(self, banking_pilot: Router) -> None:
        """A customer who logs in mid-conversation keeps the arm the conversation started
        in, although their customer id would draw another."""
        experiment = banking_pilot.experiment
        assert experiment is not None
        anonymous = user("hi").model_copy(update={"id": "conv-7"})
        first = banking_pilot.route(anonymous, now=NOON)
        assert first.arm == assign_arm(experiment, "conv-7")
        other = next(
            c for c in (f"cust-{i}" for i in range(100)) if assign_arm(experiment, c) != first.arm
        )
        later = user("hi", "where is my card", customer=other).model_copy(
            update={"id": "conv-7", "state": first.state}
        )
        second = banking_pilot.route(later, now=NOON)
        assert second.arm == first.arm
        assert "(kept)" in second.trace[-1].note

    def test_another_experiment_in_the_state_is_not_kept(self, banking_pilot: Router) -> None:
        conversation = in_arm(user("hi", customer="c1"), "bot_only", experiment="old-pilot")
        decision = banking_pilot.route(conversation, now=NOON)
        assert decision.arm == assign_arm(banking_pilot.experiment, "c1")  # type: ignore[arg-type]

    def test_control_routes_like_the_plain_rule_set(
        self, banking_pilot: Router, banking: Router
    ) -> None:
        for texts in (["hi"], ["I want to speak to a human"], ["this is useless", "useless!!"]):
            conversation = user(*texts)
            plain = banking.replay(conversation, now=NOON)[-1]
            ours = banking_pilot.replay(in_arm(conversation, "control"), now=NOON)[-1]
            assert (ours.lane, ours.rule_id, ours.ruleset_version) == (
                plain.lane, plain.rule_id, plain.ruleset_version,
            )  # fmt: skip

    @given(conversation=CONVERSATIONS)
    @SLOW
    def test_red_lines_route_alike_in_every_arm(
        self, banking_pilot: Router, conversation: Conversation
    ) -> None:
        decisions = {
            arm: banking_pilot.route(in_arm(conversation, arm), now=NOON)
            for arm in banking_pilot.arm_versions()
        }
        red = {arm: d for arm, d in decisions.items() if d.fired and d.fired[0].red_line}
        if red:
            assert set(red) == set(decisions)  # a red line fired in one arm fires in all
            assert len({(d.lane, d.rule_id, d.priority, d.sla_seconds) for d in red.values()}) == 1

    @given(conversation=CONVERSATIONS)
    @SLOW
    def test_bot_only_hands_off_on_red_lines_only(
        self, banking_pilot: Router, conversation: Conversation
    ) -> None:
        state = RoutingState(experiment="early-help", arm="bot_only")
        for turn, decision in enumerate(
            banking_pilot.replay(conversation.model_copy(update={"state": state}), now=NOON)
        ):
            assert decision.arm == "bot_only"
            red_line = bool(decision.fired) and decision.fired[0].red_line
            stayed = decision.anti_flapping.action == "stayed_with_human"
            if decision.handoff:
                assert red_line or stayed, (turn, decision.trace)
            if not decision.handoff:
                assert decision.lane == "bot"

    def test_bot_only_notes_what_the_hybrid_rules_would_have_done(
        self, banking_pilot: Router
    ) -> None:
        decision = banking_pilot.route(
            in_arm(user("I want to speak to a human"), "bot_only"), now=NOON
        )
        assert (decision.lane, decision.handoff, decision.rule_id) == ("bot", False, None)
        [step] = [s for s in decision.trace if s.kind == "experiment" and s.rule_id]
        assert (step.rule_id, step.lane) == ("asked_for_human", "general_banking")
        assert "would have routed" in step.note

    def test_bot_only_honours_supervisor_overrides(self, banking_pilot: Router) -> None:
        conversation = user("hi").model_copy(
            update={
                "state": RoutingState(
                    experiment="early-help", arm="bot_only", override_lane="supervisor"
                )
            }
        )
        decision = banking_pilot.route(conversation, now=NOON)
        assert (decision.lane, decision.handoff) == ("supervisor", True)

    def test_a_fault_goes_to_the_arms_safe_lane_and_keeps_the_arm(
        self, banking_pilot: Router, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def broken(*_: object, **__: object) -> None:
            raise RuntimeError("boom")

        monkeypatch.setattr(handoff.router, "extract", broken)
        monkeypatch.setattr(handoff.router, "extract_carried", broken)
        decision = banking_pilot.route(in_arm(user("hi"), "early_help"), now=NOON)
        assert decision.error
        assert decision.lane == "general_banking"
        assert (decision.arm, decision.state.arm) == ("early_help", "early_help")


# ----------------------------------------------------------------------------- shadow


@pytest.fixture(scope="module")
def shadowed(tmp_path_factory: pytest.TempPathFactory) -> Router:
    """rules/banking.yaml with the pilot's candidate as its shadow (no experiment)."""
    folder = tmp_path_factory.mktemp("shadowed")
    shutil.copy(PILOTS / "banking_candidate.yaml", folder / "candidate.yaml")
    text = (RULES / "banking.yaml").read_text(encoding="utf-8")
    write(folder, "banking.yaml", text + "\nshadow:\n  rules: candidate.yaml\n")
    return Router.from_path(folder / "banking.yaml")


def without_shadow(decision: Decision) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(decision.model_dump_json())
    data.pop("shadow")
    data["state"].pop("shadow", None)
    return data


class TestShadow:
    @given(conversation=CONVERSATIONS)
    @SLOW
    def test_the_shadow_never_changes_the_live_decision(
        self, shadowed: Router, banking: Router, conversation: Conversation
    ) -> None:
        """Turn by turn, state carried forward: the live decisions beside a shadow are
        those of the plain router, field for field."""
        live = shadowed.replay(conversation, now=NOON)
        plain = banking.replay(conversation, now=NOON)
        assert [without_shadow(d) for d in live] == [without_shadow(d) for d in plain]
        for decision in live:
            assert decision.shadow is not None
            assert decision.shadow.ruleset_version == shadowed.shadow_version
            assert decision.state.shadow is not None

    def test_the_shadow_keeps_its_own_anti_flapping_state(self, tmp_path: Path) -> None:
        """A medium rule only the shadow has awaits confirmation in the shadow's state, then
        routes there, and the shadow stays with its person; live stays with the bot."""
        calm = ("sentiment: {lt: -0.4}", "sentiment: {lt: -0.99}")  # live never slides
        candidate = base("cand", calm) + (
            "  - id: rude\n    severity: medium\n    when: {frustration: {gte: 0.3}}\n"
            "    lane: people\n    reason: Rude.\n"
        )
        write(tmp_path, "cand.yaml", candidate)
        path = write(tmp_path, "live.yaml", base("live", calm) + "shadow:\n  rules: cand.yaml\n")
        router = Router.from_path(path)
        angry = "this is useless, you never understand!!"
        decisions = router.replay(user(angry, angry, "ok where is my card"), now=NOON)
        assert [d.lane for d in decisions] == ["bot", "bot", "bot"]
        shadow = [d.shadow for d in decisions]
        assert [(s.lane, s.rule_id) for s in shadow if s] == [
            ("bot", None), ("people", "rude"), ("people", None),
        ]  # fmt: skip
        assert decisions[0].state.shadow is not None
        assert decisions[0].state.shadow.pending == {"rude": 1}
        assert decisions[0].state.pending == {}

    def test_a_hand_back_reaches_the_shadow_too(self, shadowed: Router) -> None:
        state = RoutingState(
            lane="bot",
            lane_kind="bot",
            handback_turn=1,
            shadow=RoutingState(lane="general_banking", lane_kind="human", since_turn=1),
        )
        decision = shadowed.route(
            user("hi", "where is my card").model_copy(update={"state": state}), now=NOON
        )
        assert decision.shadow is not None
        assert decision.shadow.lane == "bot"

    def test_a_shadow_fault_never_touches_the_live_decision(
        self, shadowed: Router, banking: Router, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The shadow reuses the live turn's signals through restate(); break it and the
        shadow fails, the live decision does not, and the shadow's state is kept."""

        def broken(*_: object, **__: object) -> None:
            raise RuntimeError("boom")

        monkeypatch.setattr(handoff.router, "restate", broken)
        previous = RoutingState(lane="bot", lane_kind="bot", pending={"x": 1})
        conversation = user("I want to speak to a human").model_copy(
            update={"state": RoutingState(shadow=previous)}
        )
        decision = shadowed.route(conversation, now=NOON)
        assert decision.shadow is None
        assert decision.error is None
        assert decision.state.shadow == previous
        assert without_shadow(decision) == without_shadow(banking.route(conversation, now=NOON))

    def test_pilot_with_shadow_and_arms(self, banking_pilot: Router) -> None:
        decision = banking_pilot.route(
            in_arm(user("I want to speak to a human"), "bot_only"), now=NOON
        )
        assert decision.lane == "bot"
        assert decision.shadow is not None
        assert decision.shadow.handoff


# ----------------------------------------------------------------------------- state, payload


class TestStateAndPayload:
    def test_states_without_experiments_dump_as_before(self) -> None:
        """Stored (and signed) routing states keep their exact shape: the new fields are
        left out while unset, so signatures over them still verify."""
        assert set(RoutingState(lane="bot").model_dump(mode="json")) == {
            "lane", "lane_kind", "since_turn", "rule", "handback_turn", "pending",
            "override_lane",
        }  # fmt: skip

    def test_state_round_trips_with_arm_and_shadow(self) -> None:
        state = RoutingState(
            lane="bot",
            experiment="x",
            arm="a",
            shadow=RoutingState(lane="people", pending={"r": 1}),
        )
        assert RoutingState.model_validate_json(state.model_dump_json()) == state

    def test_signed_state_with_an_arm_verifies(self, banking_pilot: Router) -> None:
        """The Rasa adapter signs and verifies a state carrying the arm and shadow state."""
        from rasa_sdk import Tracker  # noqa: PLC0415  (the Rasa SDK, as the action server)

        from handoff.adapters.rasa import state_slot_value, tracker_to_conversation  # noqa: PLC0415

        decision = banking_pilot.route(user("hi", customer="c1"), now=NOON)
        assert decision.state.arm is not None
        assert decision.state.shadow is not None
        secret = b"s" * 32
        value = state_slot_value(decision.state, conversation_id="s1", state_secret=secret)
        event = {"event": "user", "text": "hi", "parse_data": {}, "metadata": {}}
        tracker = Tracker.from_dict(
            {"sender_id": "s1", "slots": {"handoff_state": value},
             "latest_message": {"text": "hi"}, "events": [event], "paused": False,
             "latest_input_channel": "rest", "active_loop": {},
             "latest_action_name": "action_listen"}
        )  # fmt: skip
        conversation = tracker_to_conversation(tracker, state_secret=secret)
        assert conversation.state == decision.state

    def test_payload_records_experiment_and_arm(self, banking_pilot: Router) -> None:
        conversation = in_arm(user("I want to speak to a human", customer="c1"), "early_help")
        decision = banking_pilot.route(conversation, now=NOON)
        payload = banking_pilot.payload(conversation, decision, now=NOON)
        assert (payload.experiment, payload.arm) == ("early-help", "early_help")
        assert payload.ruleset_version == banking_pilot.arm_versions()["early_help"]
        assert payload.schema_version == "1.3"

    def test_payload_without_experiment_has_none(self, banking: Router) -> None:
        conversation = user("I want to speak to a human")
        decision = banking.route(conversation, now=NOON)
        payload = banking.payload(conversation, decision, now=NOON)
        assert (payload.experiment, payload.arm) == (None, None)
