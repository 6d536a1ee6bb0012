"""Checks of a proposed rules change: it loads, its rule tests pass, and what they cover.

:func:`check_bundle` loads a :class:`~handoff.governance.bundle.RuleBundle` (a bundle that
does not load raises RulesError, every problem naming the bundle's own file and line) and
runs the rule test files it carries under ``tests/`` exactly as ``handoff test`` does (same
case files, same replay, same rule coverage). The result, a :class:`Validation`, is plain
JSON (``to_dict``/``from_dict``) so the store keeps it beside the version: a version whose
tests fail or whose test files cannot be read is stored with ``ok`` false and can never be
approved or published.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import Field

from handoff.governance.bundle import TESTS_FOLDER, RuleBundle
from handoff.models._base import Model
from handoff.testing import Case, CaseFileError, decided_rule, load_case_files, run_cases

__all__ = [
    "MAX_CASES",
    "MAX_FAILURES_KEPT",
    "CoverageSummary",
    "NotExercised",
    "TestFailure",
    "TestSummary",
    "Validation",
    "check_bundle",
]

# A bundle holds at most 4 MiB of files; this bounds the time its tests may take.
MAX_CASES = 5_000
# Failures kept in a Validation (all are counted): the record stays small whatever is proposed.
MAX_FAILURES_KEPT = 100
MAX_PROBLEMS_KEPT = 100


class TestFailure(Model):
    """One rule test that failed: where it is written, what it expected, what routing did."""

    __test__ = False  # not a pytest test class

    case: str
    location: str = Field(description="file:line in the bundle")
    expected_lane: str
    expected_rule: str | None
    got_lane: str
    got_rule: str | None
    message: str


class TestSummary(Model):
    """The rule tests' results."""

    __test__ = False

    passed: int = 0
    failed: int = 0
    total: int = 0
    failures: tuple[TestFailure, ...] = Field(
        default=(), description=f"The first {MAX_FAILURES_KEPT} failures (all are counted)."
    )


class NotExercised(Model):
    """A rule no test made decide."""

    rule: str
    location: str = Field(description="file:line of the rule in the bundle")


class CoverageSummary(Model):
    """What the rule tests exercised."""

    rules: int = 0
    decided: int = Field(default=0, description="Rules that decided a turn of some test.")
    not_exercised: tuple[NotExercised, ...] = ()
    lanes_never_reached: tuple[str, ...] = ()


class Validation(Model):
    """What checking a bundle found; ``ok`` only when its tests could be read and all pass."""

    ok: bool
    content_hash: str
    name: str = Field(description="The rule set's name.")
    ruleset_version: str
    problems: tuple[str, ...] = Field(
        default=(), description="file:line:col: message, for test files that cannot be read."
    )
    tests: TestSummary = TestSummary()
    coverage: CoverageSummary = CoverageSummary()
    now: datetime = Field(description="The time tests without their own 'now' routed at.")

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Validation:
        """The inverse of :meth:`to_dict` (ValidationError if it is not one)."""
        return cls.model_validate(data)

    def lines(self) -> list[str]:
        """A plain-text summary for the CLI and the desktop."""
        out = [f"rules {self.name!r}, version {self.ruleset_version}"]
        tests = self.tests
        if tests.total == 0 and not self.problems:
            out.append("tests: none in this version (add rule test files with --tests)")
        else:
            counts = f"{tests.passed} passed, {tests.failed} failed, {tests.total} in all"
            out.append(f"tests: {counts}")
        for failure in tests.failures:
            out.append(f"  FAIL {failure.case} ({failure.location}): {failure.message}")
        if tests.failed > len(tests.failures):
            out.append(f"  ... and {tests.failed - len(tests.failures)} more failures")
        coverage = self.coverage
        out.append(
            f"rule coverage: {coverage.decided} of {coverage.rules} rules decided in at least "
            "one test"
        )
        out.extend(f"  not exercised: {n.rule} ({n.location})" for n in coverage.not_exercised)
        if coverage.lanes_never_reached:
            out.append("lanes never reached: " + ", ".join(coverage.lanes_never_reached))
        if self.problems:
            out.append("problems in the rule test files:")
            out.extend(f"  {problem}" for problem in self.problems)
        out.append(
            "checks passed"
            if self.ok
            else "checks FAILED: this version can be stored but never approved or published"
        )
        return out


def check_bundle(bundle: RuleBundle, *, now: datetime | None = None) -> Validation:
    """Load ``bundle`` and run its rule tests (files under ``tests/``).

    RulesError (naming the bundle's files and lines) when the rules do not load. Test files
    that cannot be read are ``problems`` (file:line:col in the bundle); each readable file's
    cases still run. Tests without their own ``now`` route at ``now`` (default: the current
    UTC time). At most ``MAX_CASES`` cases are run; more is a problem, not a slow check.
    """
    router = bundle.router()
    moment = now or datetime.now(timezone.utc)
    problems: list[str] = []
    cases: list[Case] = []
    if bundle.test_files:
        folder = Path(tempfile.mkdtemp(prefix="handoff-checks-")).resolve()
        try:
            bundle.materialise(folder)
            for name in bundle.test_files:
                path = folder.joinpath(*name.split("/"))
                try:
                    cases.extend(
                        _relabelled_case(case, folder) for case in load_case_files((path,))
                    )
                except CaseFileError as error:
                    problems.extend(_relabel(problem, folder) for problem in error.problems)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if len(cases) > MAX_CASES:
        problems.append(
            f"{TESTS_FOLDER}/: {len(cases):,} test cases; at most {MAX_CASES:,} are run "
            "for a rules change: keep the ones that say what the rules must do"
        )
        cases = []
    runs, coverage = run_cases(router, cases, now=moment)
    failures = [
        TestFailure(
            case=run.case.name,
            location=run.case.location,
            expected_lane=run.case.case.expect.lane,
            expected_rule=run.case.case.expect.rule,
            got_lane=run.result.decision.lane,
            got_rule=decided_rule(run.result.decision),
            message=run.result.message,
        )
        for run in runs
        if not run.result.passed
    ]
    kept_problems = problems[:MAX_PROBLEMS_KEPT]
    if len(problems) > MAX_PROBLEMS_KEPT:
        kept_problems.append(f"... and {len(problems) - MAX_PROBLEMS_KEPT} more problems")
    return Validation(
        ok=not problems and not failures,
        content_hash=bundle.content_hash,
        name=router.ruleset.name,
        ruleset_version=router.version,
        problems=tuple(kept_problems),
        tests=TestSummary(
            passed=len(runs) - len(failures),
            failed=len(failures),
            total=len(runs),
            failures=tuple(failures[:MAX_FAILURES_KEPT]),
        ),
        coverage=CoverageSummary(
            rules=coverage.rules,
            decided=coverage.rules - len(coverage.not_exercised),
            not_exercised=tuple(
                NotExercised(rule=rule, location=where) for rule, where in coverage.not_exercised
            ),
            lanes_never_reached=coverage.lanes_never_reached,
        ),
        now=moment,
    )


def _relabel(text: str, folder: Path) -> str:
    """``text`` naming the bundle's files, not the temporary folder they were written to."""
    return text.replace(str(folder) + os.sep, "").replace(str(folder), ".")


def _relabelled_case(case: Case, folder: Path) -> Case:
    return Case(case.name, _relabel(case.location, folder), case.case)
