"""check_bundle: a proposed rule set loads, its rule tests run as `handoff test` runs them,
and the result is a small JSON record that names the bundle's own files."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from handoff import Router
from handoff.errors import RulesError
from handoff.governance import checks
from handoff.governance.bundle import RuleBundle
from handoff.governance.checks import Validation, check_bundle

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "rules"
NOW = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)

SMALL = b"""\
name: small
settings: {default_lane: bot, safe_lane: general}
lanes:
  bot: {kind: bot}
  general: {kind: human, message: A person is coming.}
  fraud: {kind: specialist, message: Our fraud team is coming.}
rules:
  - id: fraud
    red_line: true
    when: {intent: {in: [report_fraud]}}
    lane: fraud
    reason: Fraud reported.
  - id: person
    when: {intent: {in: [request_human]}}
    lane: general
    reason: The customer asked for a person.
"""

PASSING = b"""\
cases:
  - name: asks for a person
    turns: [{user: can I talk to someone, intent: request_human}]
    expect: {lane: general, rule: person}
"""

FAILING = b"""\
cases:
  - name: fraud goes to a person
    turns: [{user: someone stole my money, intent: report_fraud}]
    expect: {lane: general, rule: person}
"""


def bundle(**tests: bytes) -> RuleBundle:
    files = {"small.yaml": SMALL, **{f"tests/{name}": data for name, data in tests.items()}}
    return RuleBundle.from_files("small.yaml", files)


class TestCheckBundle:
    def test_the_shipped_banking_rules_and_tests_pass_with_full_coverage(self) -> None:
        """rules/banking.yaml with rules/tests/banking.yaml: every test passes, every rule
        decides in some test, as `handoff test` reports."""
        shipped = RuleBundle.from_path(RULES / "banking.yaml", tests=[RULES / "tests/banking.yaml"])
        validation = check_bundle(shipped, now=NOW)
        router = Router.from_path(RULES / "banking.yaml")
        assert validation.ok
        assert validation.name == "banking"
        assert validation.ruleset_version == router.version
        assert validation.content_hash == shipped.content_hash
        assert validation.tests.failed == 0
        assert validation.tests.passed == validation.tests.total > 0
        assert validation.coverage.rules == len(router.ruleset.rules)
        assert validation.coverage.decided == validation.coverage.rules
        assert validation.coverage.not_exercised == ()
        assert validation.problems == ()

    def test_a_failing_test_is_stored_not_ok_with_what_it_expected_and_got(self) -> None:
        """One failing case: ok is false, the failure names the case, its place in the
        bundle, the expected and the actual lane and rule."""
        validation = check_bundle(bundle(**{"a.yaml": PASSING, "b.yaml": FAILING}), now=NOW)
        assert not validation.ok
        assert (validation.tests.passed, validation.tests.failed, validation.tests.total) == (
            1,
            1,
            2,
        )
        (failure,) = validation.tests.failures
        assert failure.case == "fraud goes to a person"
        assert failure.location == "tests/b.yaml:2"
        assert (failure.expected_lane, failure.expected_rule) == ("general", "person")
        assert (failure.got_lane, failure.got_rule) == ("fraud", "fraud")
        assert "lane 'fraud', expected 'general'" in failure.message
        assert "checks FAILED" in validation.lines()[-1]

    def test_an_unreadable_test_file_is_a_problem_in_bundle_names_and_the_rest_run(
        self,
    ) -> None:
        """A misspelt key is file:line:col in the bundle's names (never the temporary
        folder); the other file's cases still run; ok is false."""
        broken = (
            b"cases:\n  - name: x\n    turns: [{user: hi, intnt: greet}]\n    expect: {lane: bot}\n"
        )
        validation = check_bundle(bundle(**{"a.yaml": PASSING, "broken.yaml": broken}), now=NOW)
        assert not validation.ok
        assert validation.tests.total == validation.tests.passed == 1
        (problem, *_) = validation.problems
        assert problem.startswith("tests/broken.yaml:3:")
        assert "unknown key 'intnt'" in problem
        assert "did you mean 'intent'?" in problem
        assert "handoff-checks-" not in json.dumps(validation.to_dict())

    def test_rules_that_do_not_load_raise_with_the_bundle_file_and_line(self) -> None:
        """A lane that does not exist: RulesError names small.yaml and the line, as the
        designer wrote it, not a temporary path."""
        broken = SMALL.replace(b"lane: general\n", b"lane: generl\n")
        with pytest.raises(RulesError) as raised:
            check_bundle(RuleBundle.from_files("small.yaml", {"small.yaml": broken}))
        (problem, *_) = raised.value.problems
        assert problem.file == "small.yaml"
        assert problem.line == 15
        assert "generl" in str(raised.value)
        assert "handoff-bundle-" not in str(raised.value)

    def test_without_tests_it_is_ok_and_says_nothing_was_tested(self) -> None:
        """No test files: ok (nothing failed), 0 of 2 rules covered, each with its line."""
        validation = check_bundle(bundle(), now=NOW)
        assert validation.ok
        assert validation.tests.total == 0
        assert validation.coverage.decided == 0
        assert [(n.rule, n.location) for n in validation.coverage.not_exercised] == [
            ("fraud", "small.yaml:8"),
            ("person", "small.yaml:13"),
        ]
        assert validation.coverage.lanes_never_reached == ("bot", "general", "fraud")
        assert any("none in this version" in line for line in validation.lines())

    def test_json_routing_cases_count_as_tests(self) -> None:
        """JSON routing cases (rules/samples/) are rule tests too, read from the bundle."""
        samples = RULES / "samples" / "default"
        shipped = RuleBundle.from_path(RULES / "default.yaml", tests=[samples])
        validation = check_bundle(shipped)
        assert validation.ok, validation.lines()
        assert validation.tests.total == len(list(samples.glob("*.json")))
        assert validation.coverage.not_exercised[0].location.startswith("default.yaml:")

    def test_too_many_cases_is_a_problem_not_a_slow_check(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """More cases than the bound: none run, ok is false, the problem says the limit."""
        monkeypatch.setattr(checks, "MAX_CASES", 1)
        validation = check_bundle(bundle(**{"a.yaml": PASSING, "b.yaml": PASSING}), now=NOW)
        assert not validation.ok
        assert validation.tests.total == 0
        assert "2 test cases; at most 1" in validation.problems[0]

    def test_failures_kept_are_bounded_but_all_counted(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The record stays small: at most MAX_FAILURES_KEPT failures, all counted."""
        monkeypatch.setattr(checks, "MAX_FAILURES_KEPT", 2)
        many = b"cases:\n" + b"".join(
            b"  - name: case %d\n    turns: [{user: hi, intent: report_fraud}]\n"
            b"    expect: {lane: bot}\n" % n
            for n in range(5)
        )
        validation = check_bundle(bundle(**{"many.yaml": many}), now=NOW)
        assert validation.tests.failed == 5
        assert len(validation.tests.failures) == 2
        assert "  ... and 3 more failures" in validation.lines()


class TestValidationRecord:
    def test_round_trips_through_json(self) -> None:
        """to_dict is plain JSON; from_dict gives the same Validation back."""
        validation = check_bundle(bundle(**{"a.yaml": PASSING, "b.yaml": FAILING}), now=NOW)
        data = json.loads(json.dumps(validation.to_dict()))
        assert Validation.from_dict(data) == validation
        assert data["tests"]["failures"][0]["got_lane"] == "fraud"
        assert data["now"] == NOW.isoformat().replace("+00:00", "Z")

    def test_lines_summarise_for_people(self) -> None:
        """The plain-text summary names the rule set, the counts and the coverage."""
        lines = check_bundle(bundle(**{"a.yaml": PASSING}), now=NOW).lines()
        assert lines[0].startswith("rules 'small', version ")
        assert "tests: 1 passed, 0 failed, 1 in all" in lines
        assert "rule coverage: 1 of 2 rules decided in at least one test" in lines
        assert lines[-1] == "checks passed"
