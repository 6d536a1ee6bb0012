"""``handoff test``: run routing cases against a rule set, with a diff and rule coverage."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from handoff.cli._app import EXISTING, cli, console, guard, load_router
from handoff.cli._cases import Case, load_case_files
from handoff.models.decision import Decision
from handoff.testing import Coverage, decided_rule, run_cases


@cli.command("test")
@click.argument("rules", type=EXISTING)
@click.argument("cases", nargs=-1, required=True, type=EXISTING, metavar="CASES...")
@guard
def test_command(rules: Path, cases: tuple[Path, ...]) -> int:
    """Run routing test cases and report failures and rule coverage.

    CASES are YAML case files (short form, see below), JSON routing cases as in
    rules/samples/, or folders of them. Each conversation is routed turn by turn, as the
    bot would, and the final lane (and, if given, the rule that escalated) is compared
    with `expect`. The coverage report lists rules no case made decide. Exit status 1 if
    any case fails.

    \b
    A YAML case file:
      defaults: {now: "2026-11-24T10:30:00+00:00"}   # optional, for every case
      cases:
        - name: asks for a human
          account: {tier: gold}
          turns:
            - user: I want to talk to a human
              intent: request_human       # optional; confidence defaults to 1.0
            - bot: Sure.                  # optional; action: and fallback: allowed
            - user: hello?
          expect: {lane: general_support, rule: asked_for_human}

    \b
    Example:
      $ handoff test rules/default.yaml rules/tests/default.yaml
    """
    router = load_router(rules)
    runs, coverage = run_cases(router, load_case_files(cases))
    out = console()
    failures = 0
    for run in runs:
        if run.result.passed:
            out.print(Text.assemble(("PASS", "green"), f"  {run.case.name}"))
            continue
        failures += 1
        out.print(Text.assemble(("FAIL", "bold red"), f"  {run.case.name}  ({run.case.location})"))
        _diff(out, run.case, run.result.decision, run.decisions)
    _coverage(out, coverage)
    passed = len(runs) - failures
    summary = f"{passed} passed, {failures} failed" if failures else f"{passed} passed"
    out.print(summary, style="red" if failures else "green")
    return 1 if failures else 0


def _diff(out: Console, item: Case, final: Decision, decisions: Sequence[Decision]) -> None:
    expect = item.case.expect
    rule = decided_rule(final)
    fields = [("lane", expect.lane, final.lane)]
    if expect.rule is not None:
        fields.append(("rule", expect.rule, rule or "(none)"))
    out.print("      --- expected", style="red")
    out.print("      +++ actual", style="green")
    for name, wanted, got in fields:
        if wanted == got:
            out.print(f"       {name}: {wanted}")
        else:
            out.print(f"      -{name}: {wanted}", style="red")
            out.print(f"      +{name}: {got}", style="green")
    out.print(f"      reason: {final.reason}", style="dim")
    steps = " · ".join(
        f"{n}: {d.lane}" + (f" ({d.rule_id})" if d.rule_id else "")
        for n, d in enumerate(decisions, start=1)
    )
    out.print(f"      turn by turn: {steps}", style="dim")


def _coverage(out: Console, coverage: Coverage) -> None:
    exercised = coverage.rules - len(coverage.not_exercised)
    out.print(
        Text.assemble(
            ("rule coverage: ", "bold"),
            f"{exercised} of {coverage.rules} rules decided in at least one case",
        )
    )
    for rule_id, where in coverage.not_exercised:
        out.print(Text.assemble("  not exercised: ", (rule_id, "yellow"), f" ({where})"))
    lanes = coverage.lanes_never_reached
    if lanes:
        out.print(Text.assemble(("lanes never reached: ", "bold"), ", ".join(lanes)))
