"""``handoff replay``: a rule set over logged conversations, streamed line by line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

import click
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from handoff.cli._app import EXISTING, EXISTING_FILE, MOMENT, cli, console, guard, load_router
from handoff.cli._inputs import (
    SNIFF_BYTES,
    Loaded,
    conversation_from_data,
    looks_like_rules,
    parse_json,
    usage_hint,
)
from handoff.errors import ConversationError
from handoff.models.conversation import Conversation
from handoff.models.decision import Decision
from handoff.router import Router

MAX_LINE_BYTES = 5_000_000
MAX_ERRORS_SHOWN = 20


@cli.command()
@click.argument("rules", type=EXISTING)
@click.argument("conversations", type=EXISTING_FILE, metavar="CONVERSATIONS.jsonl")
@click.option(
    "--against",
    type=EXISTING,
    metavar="OTHER_RULES",
    help="Also route with these rules and list every conversation whose lane changes.",
)
@click.option(
    "--now",
    type=MOMENT,
    help="Time for opening hours (ISO 8601; UTC if no offset). Default: a case's 'now', "
    "else the current time.",
)
@guard
def replay(rules: Path, conversations: Path, against: Path | None, now: datetime | None) -> int:
    """Route logged conversations and report where they go.

    CONVERSATIONS.jsonl holds one JSON object per line: a conversation, a routing case or a
    Rasa tracker dump. Each is routed turn by turn as the bot would, and its final decision
    counted: the lane distribution and the escalation rate. With --against OTHER_RULES,
    every conversation whose lane differs between OTHER_RULES (before) and RULES (after) is
    listed with the rules and reasons on both sides. The file is read line by line, so its
    size is not limited by memory; a progress bar shows on a terminal.

    \b
    Example:
      $ handoff replay rules/default.yaml logs/november.jsonl --against rules/old.yaml
    """
    router = load_router(rules)
    baseline = load_router(against) if against is not None else None
    _refuse_rules_file(conversations)
    out = console()
    err = console(stderr=True)
    after: Counter[str] = Counter()
    before: Counter[str] = Counter()
    escalated_after = escalated_before = changed = errors = total = 0
    with conversations.open("rb") as stream, _progress(err, conversations) as progress:
        task = progress.add_task("routing", total=conversations.stat().st_size)
        for number, raw in _lines(stream, progress, task):
            try:
                loaded = _read_line(raw)
            except ConversationError as error:
                errors += 1
                if errors <= MAX_ERRORS_SHOWN:
                    err.print(f"{conversations}:{number}: {error}", style="red")
                continue
            total += 1
            moment = now or loaded.now
            decision = _final(router, loaded.conversation, moment, loaded.queue_load)
            after[decision.lane] += 1
            escalated_after += decision.handoff
            if baseline is None:
                continue
            previous = _final(baseline, loaded.conversation, moment, loaded.queue_load)
            before[previous.lane] += 1
            escalated_before += previous.handoff
            if previous.lane != decision.lane:
                changed += 1
                name = f" {loaded.conversation.id}" if loaded.has_id else ""
                where = f"{conversations}:{number}{name}:"
                _print_change(out, where, previous, decision)
    if errors > MAX_ERRORS_SHOWN:
        err.print(f"… and {errors - MAX_ERRORS_SHOWN} more unreadable lines", style="red")

    if baseline is not None:
        out.print(f"{changed} of {total} conversations changed lane", style="bold")
    out.print(Text(f"lanes ({total} conversations)", style="bold"))
    for lane in sorted(set(after) | set(before), key=lambda name: (-after[name], name)):
        line = f"  {lane:<24} {after[lane]:>7}  {_percent(after[lane], total):>6}"
        if baseline is not None:
            line += f"   (was {before[lane]}, {_percent(before[lane], total)})"
        out.print(line)
    rate = f"escalation rate {_percent(escalated_after, total)} ({escalated_after} of {total})"
    if baseline is not None:
        rate += f", was {_percent(escalated_before, total)} ({escalated_before})"
    out.print(rate, style="bold")
    if errors:
        err.print(f"{errors} line{'s' if errors != 1 else ''} could not be read", style="red")
        return 1
    return 0


def _refuse_rules_file(path: Path) -> None:
    """A rules YAML where conversations are expected: say so once, not once per line."""
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    first = next((line for line in head.splitlines() if line.strip()), b"")
    try:
        parse_json(first)
    except ConversationError:
        if looks_like_rules(head):
            raise ConversationError(
                f"{path}: this is a rules file (YAML), not conversations; "
                f"did you swap the arguments?{usage_hint()}"
            ) from None


def _progress(err: Console, path: Path) -> Progress:
    """A byte-based progress bar (no need to count lines first), only on a terminal."""
    return Progress(
        TextColumn(f"[bold]{path.name}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _lines(stream: BinaryIO, progress: Progress, task: object) -> Iterator[tuple[int, bytes]]:
    """Non-blank lines with their 1-based numbers, one at a time."""
    for number, raw in enumerate(stream, start=1):
        progress.advance(task, len(raw))  # type: ignore[arg-type]
        if raw.strip():
            yield number, raw


def _read_line(raw: bytes) -> Loaded:
    if len(raw) > MAX_LINE_BYTES:
        raise ConversationError(f"the line is {len(raw):,} bytes; the limit is {MAX_LINE_BYTES:,}")
    return conversation_from_data(parse_json(raw))


def _final(
    router: Router, conversation: Conversation, now: datetime | None, load: Mapping[str, int]
) -> Decision:
    decisions = router.replay(conversation, now=now, queue_load=load)
    return decisions[-1] if decisions else router.route(conversation, now=now, queue_load=load)


def _print_change(out: Console, where: str, old: Decision, new: Decision) -> None:
    out.print(
        Text.assemble(
            (where, "bold"),
            " ",
            (old.lane, "red"),
            " → ",
            (new.lane, "green"),
        )
    )
    out.print(f"    before: {old.rule_id or '(no rule)'}: {old.reason}", style="dim")
    out.print(f"    after:  {new.rule_id or '(no rule)'}: {new.reason}")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"
