"""``handoff test``: run routing cases against a rule set, with a diff and rule coverage."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from handoff.cli._app import EXISTING, cli, console, guard, load_router
from handoff.cli._cases import Case, load_case_files
from handoff.models.decision import Decision
from handoff.router import Router
from handoff.testing import check_case


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
    loaded = load_case_files(cases)
    out = console()
    failures = 0
    decided: set[str] = set()
    reached: set[str] = set()
    for item in loaded:
        case = item.case
        if case.now is None:
            case = case.model_copy(update={"now": datetime.now(timezone.utc)})
        result = check_case(router, case, item.name)
        decisions = router.replay(case.conversation, now=case.now, queue_load=case.queue_load)
        decided.update(d.rule_id for d in decisions if d.rule_id is not None)
        reached.update(d.lane for d in decisions)
        reached.add(result.decision.lane)
        if result.passed:
            out.print(Text.assemble(("PASS", "green"), f"  {item.name}"))
            continue
        failures += 1
        out.print(Text.assemble(("FAIL", "bold red"), f"  {item.name}  ({item.location})"))
        _diff(out, item, result.decision, decisions)
    _coverage(out, router, decided, reached)
    passed = len(loaded) - failures
    summary = f"{passed} passed, {failures} failed" if failures else f"{passed} passed"
    out.print(summary, style="red" if failures else "green")
    return 1 if failures else 0


def _diff(out: Console, item: Case, final: Decision, decisions: list[Decision]) -> None:
    expect = item.case.expect
    rule = final.rule_id if final.rule_id is not None else final.state.rule
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


def _coverage(out: Console, router: Router, decided: set[str], reached: set[str]) -> None:
    compiled = router.compiled
    rules = compiled.ruleset.rules
    missing = [(i, r.id) for i, r in enumerate(rules) if r.id not in decided]
    out.print(
        Text.assemble(
            ("rule coverage: ", "bold"),
            f"{len(rules) - len(missing)} of {len(rules)} rules decided in at least one case",
        )
    )
    for index, rule_id in missing:
        where = compiled.sources.locate(("rules", index))
        out.print(
            Text.assemble("  not exercised: ", (rule_id, "yellow"), f" ({where.file}:{where.line})")
        )
    lanes = [lane for lane in compiled.ruleset.lanes if lane not in reached]
    if lanes:
        out.print(Text.assemble(("lanes never reached: ", "bold"), ", ".join(lanes)))
