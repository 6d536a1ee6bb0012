"""``handoff evaluate``: a rule set measured on a labelled evaluation set of conversations."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from rich.console import Console
from rich.text import Text

from handoff.cli._app import EXISTING_FILE, MOMENT, cli, console, guard, load_router
from handoff.evaluation import (
    LABELS,
    OUTCOMES,
    CategoryCounts,
    ConversationResult,
    EvalSet,
    Evaluation,
    Outcome,
    evaluate,
    load_eval_set,
    load_parses,
)

OF: dict[Outcome, str] = {
    "as_expected": "conversations",
    "false_escalation": "expected the bot",
    "missed": "expected a person",
    "late": "expected a person",
    "wrong_lane": "expected a person",
}


@cli.command("evaluate")
@click.argument("rules", type=EXISTING_FILE)
@click.argument("evalset", type=EXISTING_FILE)
@click.option(
    "--nlu",
    "parses",
    type=EXISTING_FILE,
    required=True,
    metavar="PARSES.jsonl",
    help="The bot's NLU parses of every customer message (rasa_project/scripts/"
    "parse_messages.py writes them).",
)
@click.option(
    "--now",
    type=MOMENT,
    help="Time for opening hours (ISO 8601; UTC if no offset). Default: the set's defaults.now.",
)
@click.option("--json", "as_json", is_flag=True, help="Print every result as JSON.")
@click.option("--failures", is_flag=True, help="Also list each conversation not as expected.")
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 100),
    metavar="PCT",
    help="Exit status 1 if fewer than PCT percent are routed as expected.",
)
@guard
def evaluate_command(
    *,
    rules: Path,
    evalset: Path,
    parses: Path,
    now: datetime | None,
    as_json: bool,
    failures: bool,
    fail_under: float | None,
) -> int:
    """Route a labelled evaluation set and score it against the expected outcomes.

    EVALSET is a YAML evaluation set (tests/data/routing_eval/README.md: each conversation's
    customer messages, account and expected lane and latest turn). Each conversation is
    played as the Rasa bot would, with the NLU parses in PARSES.jsonl, routed turn by turn
    until a person is brought in, and scored: routed as expected, false escalation (expected
    the bot, got a person), missed (expected a person, stayed with the bot), late (right
    lane after the expected turn) or wrong lane. Prints the totals, each as a count and a
    share of its denominator, and a table per category; --failures lists each conversation
    not routed as expected with the rule and reason that decided. Exit status 0, or 1 if
    --fail-under is not met or an input is invalid.

    \b
    Example:
      $ handoff evaluate rules/banking.yaml tests/data/routing_eval/banking.yaml \\
          --nlu tests/data/routing_eval/nlu/banking.jsonl --failures
    """
    router = load_router(rules)
    loaded = load_eval_set(evalset)
    nlu = load_parses(parses)
    result = evaluate(router, loaded, nlu, now=now)
    out = console()
    if as_json:
        out.print_json(result.model_dump_json(), indent=2)
    else:
        _report(out, result)
        if failures:
            _failures(out, result, loaded)
    share = result.summary.total.pct("as_expected")
    if fail_under is not None and share < fail_under:
        console(stderr=True).print(
            f"{share:.1f}% routed as expected, under --fail-under {fail_under:g}%", style="red"
        )
        return 1
    return 0


def _report(out: Console, result: Evaluation) -> None:
    total = result.summary.total
    out.print(
        f"{total.conversations} conversations ({total.expect_bot} for the bot, "
        f"{total.expect_person} for a person); rules {result.ruleset} "
        f"{result.ruleset_version}; NLU {result.nlu_fingerprint or 'unknown'}; "
        f"at {result.now.isoformat()}"
    )
    for outcome in OUTCOMES:
        whole = {"as_expected": total.conversations, "false_escalation": total.expect_bot}.get(
            outcome, total.expect_person
        )
        style = "green" if outcome == "as_expected" else ("red" if getattr(total, outcome) else "")
        out.print(
            Text.assemble(
                (f"{LABELS[outcome]:<20}", "bold"),
                (f"{getattr(total, outcome):>4}", style),
                f" of {whole:<4} {total.pct(outcome):5.1f}%  ({OF[outcome]})",
            )
        )
    out.print(
        f"{'calm to a specialist':<20}{total.bot_to_specialist:>4} of {total.expect_bot:<4} "
        f"{_pct(total.bot_to_specialist, total.expect_bot):5.1f}%  (expected the bot, got a "
        "specialist lane)"
    )
    out.print()
    head = f"{'category':<20} {'n':>4} {'as expected':>13} {'false esc':>10} {'missed':>7} "
    out.print(Text(head + f"{'late':>5} {'wrong lane':>10}", style="bold"))
    for name, counts in result.summary.categories.items():
        out.print(_row(name, counts))
    out.print(_row("total", total), style="bold")


def _pct(count: int, whole: int) -> float:
    return 100.0 * count / whole if whole else 0.0


def _row(name: str, counts: CategoryCounts) -> str:
    expected = f"{counts.as_expected} ({counts.pct('as_expected'):.0f}%)"
    return (
        f"{name:<20} {counts.conversations:>4} {expected:>13} {counts.false_escalation:>10} "
        f"{counts.missed:>7} {counts.late:>5} {counts.wrong_lane:>10}"
    )


def _failures(out: Console, result: Evaluation, evalset: EvalSet) -> None:
    failing = sorted(result.failures(), key=lambda r: (r.outcome, r.id))
    out.print()
    out.print(Text(f"{len(failing)} conversations not routed as expected", style="bold"))
    for item in failing:
        out.print(
            Text.assemble(
                (f"{item.outcome.upper().replace('_', ' ')}", "bold red"),
                f"  {item.id}  [{item.category}]  ({evalset.where(item.id)})",
            )
        )
        out.print(f"      expected: {_expected(item)}")
        out.print(f"      got:      {_got(item)}")
        out.print(f"      rule:     {item.rule or '(none)'}; reason: {item.reason}", style="dim")
        steps = " · ".join(f"{n}: {i}" for n, i in enumerate(item.intents, start=1))
        out.print(f"      intents:  {steps}", style="dim")


def _expected(item: ConversationResult) -> str:
    expect = item.expected
    if not expect.escalates:
        return "the bot keeps it"
    also = f" (or {', '.join(expect.acceptable_lanes)})" if expect.acceptable_lanes else ""
    return f"{expect.lane}{also} by message {expect.by_turn}"


def _got(item: ConversationResult) -> str:
    if item.handoff_turn is None:
        return f"stayed with {item.lane}"
    return f"{item.lane} ({item.lane_kind}) at message {item.handoff_turn}"
