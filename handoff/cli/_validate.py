"""``handoff validate``: load and compile rule sets, report every problem with file:line:col."""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from handoff.cli._app import EXISTING, cli, console, guard, print_problems
from handoff.errors import RulesError
from handoff.router import Router


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=EXISTING, metavar="PATH...")
@guard
def validate(paths: tuple[Path, ...]) -> int:
    """Check rule sets and report every problem with file:line:col.

    Each PATH is a rules file, or a folder whose *.yaml files form one rule set. Reports
    YAML and schema errors, unknown signals and lanes (with "did you mean"), a missing
    default lane, unreachable lanes, shadowed or contradictory rules and red lines to
    non-human lanes, each as file:line:col with a hint.

    Exit status: 0 all valid, 1 a rule set has problems, 2 a usage error.

    \b
    Example:
      $ handoff validate rules/default.yaml rules/retail.yaml
      rules/default.yaml: ok (ruleset 'default': 5 lanes, 7 rules, 1 named condition)
      rules/retail.yaml: ok (ruleset 'retail': 6 lanes, 14 rules, 3 named conditions)
      2 of 2 rule sets valid
    """
    out = console()
    invalid = 0
    for path in paths:
        try:
            router = Router.from_path(path)
        except RulesError as error:
            invalid += 1
            print_problems(out, error.problems)
            count = len(error.problems)
            out.print(
                Text.assemble(
                    (str(path), "bold"),
                    ": ",
                    (f"{count} problem{'s' if count != 1 else ''}", "red"),
                )
            )
            continue
        ruleset = router.ruleset
        lanes, rules, named = len(ruleset.lanes), len(ruleset.rules), len(ruleset.conditions)
        out.print(
            Text.assemble(
                (str(path), "bold"),
                ": ",
                ("ok", "green"),
                f" (ruleset {ruleset.name!r}: {_count(lanes, 'lane')}, {_count(rules, 'rule')}, "
                f"{_count(named, 'named condition')})",
            )
        )
    if len(paths) > 1:
        valid = len(paths) - invalid
        out.print(f"{valid} of {len(paths)} rule sets valid", style="red" if invalid else "green")
    return 1 if invalid else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
