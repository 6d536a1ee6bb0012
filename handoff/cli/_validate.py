"""``handoff validate``: load and compile rule sets, report every problem with file:line:col."""

from __future__ import annotations

import os
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from handoff.cli._app import EXISTING, cli, console, guard, print_problems
from handoff.errors import RulesError
from handoff.router import Router
from handoff.rules import SeparateRuleSets


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=EXISTING, metavar="PATH...")
@guard
def validate(paths: tuple[Path, ...]) -> int:
    """Check rule sets and report every problem with file:line:col.

    Each PATH is a rules file, or a folder whose *.yaml files form one rule set (one file
    declares settings, the others add lanes and rules). A folder whose files each declare
    their own settings holds separate rule sets: each file is validated on its own. Reports
    YAML and schema errors, unknown signals and lanes (with "did you mean"), a missing
    default lane, unreachable lanes, shadowed or contradictory rules and red lines to
    non-human lanes, each as file:line:col with a hint.

    Exit status: 0 all valid, 1 a rule set has problems or a path cannot be read, 2 a
    usage error.

    \b
    Example:
      $ handoff validate rules/default.yaml rules/retail.yaml
      rules/default.yaml: ok (ruleset 'default': 5 lanes, 7 rules, 1 named condition)
      rules/retail.yaml: ok (ruleset 'retail': 6 lanes, 14 rules, 3 named conditions)
      2 of 2 rule sets valid
    """
    out = console()
    checked = invalid = 0
    for path in paths:
        try:
            router = Router.from_path(path)
        except SeparateRuleSets as error:
            if error.fragments:  # files with and without settings: which set is whose?
                invalid += _report(out, path, error)
                checked += 1
                continue
            unreadable = _unreadable(error)
            files = [Path(name) for name in error.rule_sets] + unreadable
            also = f" and {_count(len(unreadable), 'unreadable file')}" if unreadable else ""
            out.print(
                Text.assemble(
                    (f"{path}{os.sep}", "bold"),
                    f": {len(error.rule_sets)} separate rule sets (each file has its own "
                    f"settings){also}, validated one by one",
                )
            )
            for file in sorted(files):
                checked += 1
                invalid += not _check(out, file)
            continue
        except RulesError as error:
            checked += 1
            invalid += _report(out, path, error)
            continue
        checked += 1
        _ok(out, path, router)
    if checked > 1:
        valid = checked - invalid
        out.print(f"{valid} of {checked} rule sets valid", style="red" if invalid else "green")
    return 1 if invalid else 0


def _unreadable(error: SeparateRuleSets) -> list[Path]:
    """Files of the folder that could not be parsed (their problems are reported on their own)."""
    known = set(error.rule_sets) | set(error.fragments)
    return sorted({Path(p.file) for p in error.problems if p.file not in known})


def _check(out: Console, path: Path) -> bool:
    try:
        router = Router.from_path(path)
    except RulesError as error:
        _report(out, path, error)
        return False
    _ok(out, path, router)
    return True


def _report(out: Console, path: Path, error: RulesError) -> int:
    print_problems(out, error.problems)
    count = len(error.problems)
    out.print(
        Text.assemble(
            (str(path), "bold"),
            ": ",
            (f"{count} problem{'s' if count != 1 else ''}", "red"),
        )
    )
    return 1


def _ok(out: Console, path: Path, router: Router) -> None:
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
    experiment = ruleset.experiment
    if experiment is not None:
        control = experiment.control or next(iter(experiment.arms))
        out.print(
            f"  experiment {experiment.id!r}, judged on {experiment.metric}, control {control!r}:"
        )
        versions = router.arm_versions()
        width = max(len(name) for name in experiment.arms)
        for name, arm in experiment.arms.items():
            how = "bot only: red lines hand off" if arm.bot_only else arm.rules or "these rules"
            out.print(
                f"    {name:<{width}}  {arm.share:>3}%  {how} (version {versions[name]})",
                highlight=False,
            )
    if ruleset.shadow is not None:
        out.print(f"  shadow: {ruleset.shadow.rules} (version {router.shadow_version})")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
