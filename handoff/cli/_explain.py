"""``handoff explain``: why a conversation lands where it does, step by step."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.text import Text

from handoff.cli._app import EXISTING, EXISTING_FILE, MOMENT, cli, console, guard, load_router
from handoff.cli._inputs import jsonable, read_conversation_file
from handoff.models.decision import Decision, FiredRule, TraceStep
from handoff.router import Router
from handoff.signals import escalation


@cli.command()
@click.argument("rules", type=EXISTING)
@click.argument("conversation", type=EXISTING_FILE)
@click.option(
    "--now",
    type=MOMENT,
    help="When the conversation happens, for opening hours (ISO 8601; UTC if no offset). "
    "Default: the case's 'now', else the current time.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@guard
def explain(rules: Path, conversation: Path, now: datetime | None, as_json: bool) -> int:
    """Explain the routing decision for one conversation.

    CONVERSATION is a JSON file: a conversation, a routing case (with "conversation" and
    "expect", as in rules/samples/), or a Rasa tracker dump (GET
    /conversations/{id}/tracker). The conversation is routed turn by turn, as the bot
    would, and the last decision is explained: the lane, the rule that decided with each
    observed value against its threshold, the path through the decision graph, and what
    anti-flapping did.

    \b
    Example:
      $ handoff explain rules/default.yaml rules/samples/default/02_asks_for_a_human.json
      conversation demo-human (routing case, 3 user turns, at 2026-11-24T10:30:00+00:00)
      lane          general_support (human, queue support-general, priority 40, SLA 300 s)
      ...
    """
    router = load_router(rules)
    loaded = read_conversation_file(conversation)
    label = loaded.conversation.id
    if not loaded.has_id:  # the model's placeholder id would read "conversation conversation"
        label = conversation.name
        console(stderr=True).print(
            f'{conversation}: no "id" in the file; labelled by its file name', style="yellow"
        )
    moment = now or loaded.now or datetime.now(timezone.utc)
    decisions = router.replay(loaded.conversation, now=moment, queue_load=loaded.queue_load)
    final = decisions[-1]
    # One decision per customer message, numbered as payloads number turns: the message's
    # 1-based position among all messages. No number when there is no customer message yet.
    numbers: list[int | None] = [*loaded.conversation.user_turn_numbers] or [None]
    rule = final.rule_id if final.rule_id is not None else final.state.rule
    expect_ok: bool | None = None
    if loaded.expect is not None:
        expect_ok = final.lane == loaded.expect.lane and (
            loaded.expect.rule is None or loaded.expect.rule == rule
        )

    if as_json:
        data: dict[str, Any] = {
            "conversation": label,
            "source": loaded.source,
            "now": moment.isoformat(),
            "ruleset": router.ruleset.name,
            "ruleset_version": router.version,
            "decision": jsonable(final),
            "turns": [
                {
                    "user_turn": number,
                    "turn": turn,
                    "lane": d.lane,
                    "rule": d.rule_id,
                    "anti_flapping": d.anti_flapping.action,
                }
                for number, (turn, d) in enumerate(zip(numbers, decisions, strict=True), start=1)
            ],
        }
        if loaded.expect is not None:
            data["expect"] = jsonable(loaded.expect)
            data["expect_met"] = expect_ok
        click.echo(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False))
        return 0

    out = console()
    turns = len(loaded.conversation.user_turns)
    out.print(
        Text.assemble(
            "conversation ",
            (label, "bold"),
            f" ({loaded.source}, {turns} user turn{'s' if turns != 1 else ''}, "
            f"at {moment.isoformat()})",
        )
    )
    _decision(out, router, final, rule)
    _why(out, final)
    _path(out, final)
    action = final.anti_flapping
    detail = f": {action.detail}" if action.detail else ""
    out.print(Text.assemble(("anti-flapping ", "bold"), f"{action.action}{detail}"))
    out.print(
        Text.assemble(
            ("turn by turn  ", "bold"),
            " · ".join(_turn(n, d) for n, d in zip(numbers, decisions, strict=True)),
        )
    )
    if numbers[0] is not None:
        out.print(
            "              at each customer message; turn = position among all messages from "
            "1, as in payloads",
            style="dim",
        )
    if loaded.expect is not None:
        wanted = loaded.expect.lane + (f" by {loaded.expect.rule}" if loaded.expect.rule else "")
        out.print(
            Text.assemble(
                ("expected      ", "bold"),
                f"{wanted}: ",
                ("met", "green") if expect_ok else ("NOT met", "red"),
            )
        )
    return 0


def _decision(out: Console, router: Router, decision: Decision, rule: str | None) -> None:
    sla = f", SLA {decision.sla_seconds} s" if decision.sla_seconds is not None else ""
    out.print(
        Text.assemble(
            ("lane          ", "bold"),
            (decision.lane, "green" if not decision.handoff else "yellow"),
            f" ({decision.lane_kind}, queue {decision.queue}, priority {decision.priority}{sla})",
        )
    )
    if decision.rule_id is not None:
        decided = decision.rule_id
    elif decision.trace and decision.trace[0].kind == "override":
        decided = "none (supervisor override)"
    elif rule is not None:
        decided = f"none this turn (escalated earlier by {rule})"
    else:
        decided = "none (default lane)"
    out.print(Text.assemble(("rule          ", "bold"), decided))
    out.print(Text.assemble(("reason        ", "bold"), decision.reason))
    if decision.error:
        out.print(Text.assemble(("error         ", "bold"), (decision.error, "red")))
    out.print(
        Text.assemble(
            ("ruleset       ", "bold"), f"{router.ruleset.name} (version {router.version})"
        )
    )
    if decision.experiment is not None:
        out.print(
            Text.assemble(
                ("experiment    ", "bold"),
                f"{decision.experiment}, arm {decision.arm}: {decision.ruleset} "
                f"(version {decision.ruleset_version})",
            )
        )
    if decision.shadow is not None:
        shadow = decision.shadow
        out.print(
            Text.assemble(
                ("shadow        ", "bold"),
                f"{shadow.lane} ({shadow.lane_kind}, rule {shadow.rule_id or 'none'}; "
                f"version {shadow.ruleset_version}; logged only)",
            )
        )


def _why(out: Console, decision: Decision) -> None:
    if not decision.fired:
        return
    out.print(Text("why", style="bold"))
    for fired in decision.fired:
        _fired(out, fired, deciding=fired.rule_id == decision.rule_id)
        if decision.signals is not None and any(
            check.signal == "escalation_score" for check in fired.checks
        ):
            out.print(f"      ({escalation.explain(decision.signals)})", style="dim")


def _fired(out: Console, fired: FiredRule, *, deciding: bool) -> None:
    tags = [f"severity {fired.severity}"] + (["red line"] if fired.red_line else [])
    head = "decided by" if deciding else "also matched"
    out.print(
        Text.assemble(
            f"  {head} ",
            (fired.rule_id, "bold"),
            f" → {fired.lane} ({', '.join(tags)})",
            "" if deciding else " but did not decide",
        )
    )
    for check in fired.checks:
        out.print(f"    {check.describe()}", style=None if check.passed else "dim")


def _path(out: Console, decision: Decision) -> None:
    out.print(Text("path", style="bold"))
    for number, step in enumerate(decision.trace, start=1):
        out.print(_step(number, step))


def _step(number: int, step: TraceStep) -> Text:
    label = {"red_line": "red line", "sticky": "stay", "hours": "hours", "full": "capacity"}.get(
        step.kind, step.kind
    )
    text = Text(f"  {number:>2}. {label:<9} ")
    if step.rule_id is not None:
        text.append(step.rule_id)
    if step.matched is not None:
        text.append(": ")
        text.append("match" if step.matched else "no match", "green" if step.matched else "dim")
    if step.lane is not None and step.rule_id is None:
        text.append(f"→ {step.lane}")
    if step.note:
        text.append(("  " if step.rule_id or step.lane else "") + step.note, "dim")
    return text


def _turn(number: int | None, decision: Decision) -> str:
    by = f" ({decision.rule_id})" if decision.rule_id else ""
    at = "no customer message" if number is None else str(number)
    return f"{at}: {decision.lane}{by}"
