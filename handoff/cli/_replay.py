"""``handoff replay``: a rule set over logged conversations, streamed line by line, in this
process or on a Dask cluster (handoff.cluster.replay does the routing; this module reads the
command line and prints the summary, the same whichever ran it)."""

from __future__ import annotations

import functools
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from handoff.cli._app import (
    EXISTING,
    MOMENT,
    InputError,
    cli,
    console,
    guard,
    input_problem,
    load_router,
)
from handoff.cli._inputs import (
    SNIFF_BYTES,
    conversation_from_data,
    looks_like_rules,
    parse_json,
    usage_hint,
)
from handoff.cluster import connect, parse_scheduler
from handoff.cluster.replay import Change, ReplaySummary, RouterRecipe
from handoff.cluster.replay import replay as run_replay
from handoff.cluster.shards import Shard, find_shards
from handoff.errors import ConversationError
from handoff.governance.bundle import RuleBundle
from handoff.router import Router


class _Log(click.ParamType):  # type: ignore[type-arg]
    """A log of conversations: a file, a folder of shards, a glob or a URL (checked when the
    shards are listed); a missing local path is one line, with a near miss if there is one."""

    name = "LOG"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        label = os.fsdecode(value)
        if "://" in label or (set("*?[") & set(label) and not Path(label).exists()):
            return label
        problem = input_problem(label, Path(label), folder_ok=True)
        if problem is not None:
            raise InputError(problem)
        return label


LOG = _Log()


@cli.command()
@click.argument("rules", type=EXISTING)
@click.argument("conversations", type=LOG, metavar="LOG")
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
    "else the time the replay started.",
)
@click.option(
    "--scheduler",
    metavar="local:N|ADDRESS",
    help="Run on Dask: local:N starts N worker processes here, an address "
    "(tcp://host:8786) uses a running cluster; one task per shard. Needs the cluster "
    "extra. Default: this process.",
)
@guard
def replay(
    rules: Path,
    conversations: str,
    against: Path | None,
    now: datetime | None,
    scheduler: str | None,
) -> int:
    """Route logged conversations and report where they go.

    LOG is a JSON Lines file, a folder of shards or a glob of them (*.jsonl, *.jsonl.gz,
    *.parquet with a 'record' column; URLs such as s3://… through fsspec); each record is
    a conversation, a routing case or a Rasa tracker dump. Each is routed turn by turn as
    the bot would, and its final decision counted: the lane distribution and the escalation
    rate. With --against OTHER_RULES, every conversation whose lane differs between
    OTHER_RULES (before) and RULES (after) is listed with the rules and reasons on both
    sides (the first 1,000, in shard and line order; the count is exact). Files are read
    line by line, so their size is not limited by memory; progress shows on stderr.

    With --scheduler the shards are replayed on a Dask cluster, one task per shard, and
    the result is the same as in this process (docs/SCALING.md).

    \b
    Examples:
      $ handoff replay rules/default.yaml logs/november.jsonl --against rules/old.yaml
      $ handoff replay rules/default.yaml 'logs/2026/*.jsonl.gz' --scheduler local:2
      $ handoff replay rules/default.yaml logs/2026/ --scheduler tcp://scheduler:8786
    """
    router = load_router(rules)
    baseline = load_router(against) if against is not None else None
    shards = find_shards(conversations)
    if len(shards) == 1 and shards[0].kind == "jsonl" and not shards[0].remote:
        _refuse_rules_file(Path(shards[0].path))
    out = console()
    err = console(stderr=True)
    started = now or datetime.now(timezone.utc)
    if scheduler is None:
        # This process: the routers loaded above (no copy of the rules to make).
        recipe = RouterRecipe(router.version, functools.partial(_given, router))
        other = (
            RouterRecipe(baseline.version, functools.partial(_given, baseline))
            if baseline is not None
            else None
        )
        with _progress(err, shards) as progress:
            task = progress.add_task("routing", total=sum(s.size for s in shards) or None)
            summary = run_replay(
                shards,
                recipe,
                against=other,
                now=started,
                parse=conversation_from_data,
                advance=lambda size: progress.advance(task, size),
            )
    else:
        parse_scheduler(scheduler)  # a malformed one is refused before anything starts
        recipe = _bundle_recipe(rules)
        other = _bundle_recipe(against) if against is not None else None
        summary = _on_cluster(err, shards, recipe, other, now=started, scheduler=scheduler)
    return _print_summary(out, err, summary)


def _given(router: Router) -> Router:
    return router


def _bundle_router(bundle: str) -> Router:
    """The Router for a bundle's JSON: what a worker builds (it may not see our files)."""
    return RuleBundle.from_json(bundle).router()


def _bundle_recipe(path: Path) -> RouterRecipe:
    bundle = RuleBundle.from_path(path)
    return RouterRecipe(bundle.content_hash, functools.partial(_bundle_router, bundle.to_json()))


def _on_cluster(
    err: Console,
    shards: list[Shard],
    recipe: RouterRecipe,
    other: RouterRecipe | None,
    *,
    now: datetime,
    scheduler: str,
) -> ReplaySummary:
    """Replay on Dask with progress on stderr: a bar on a terminal, else a line per shard."""
    count = len(shards)
    err.print(f"replaying {count} shard{'s' if count != 1 else ''} on {scheduler}", style="dim")
    with _progress(err, shards, unit="shards") as progress:
        task = progress.add_task("routing", total=count)

        def done(index: int, shard: Shard, part: ReplaySummary) -> None:
            progress.advance(task, 1)
            if not err.is_terminal:
                err.print(
                    f"  shard {index + 1}/{count} done: {shard} ({part.total} conversations)",
                    style="dim",
                )

        with connect(scheduler) as client:
            return run_replay(
                shards,
                recipe,
                against=other,
                now=now,
                scheduler=client,
                parse=conversation_from_data,
                done=done,
            )


def _print_summary(out: Console, err: Console, summary: ReplaySummary) -> int:
    for change in summary.changes:
        name = f" {change.conversation}" if change.conversation is not None else ""
        _print_change(out, f"{change.source}:{change.line}{name}:", change)
    if summary.changed > len(summary.changes):
        out.print(
            f"… and {summary.changed - len(summary.changes)} more conversations changed lane",
            style="bold",
        )
    for error in summary.errors:
        err.print(f"{error.source}:{error.line}: {error.message}", style="red")
    if summary.error_count > len(summary.errors):
        err.print(
            f"… and {summary.error_count - len(summary.errors)} more unreadable lines",
            style="red",
        )
    total, after, before = summary.total, summary.after, summary.before
    compared = summary.compared
    if compared:
        out.print(f"{summary.changed} of {total} conversations changed lane", style="bold")
    out.print(Text(f"lanes ({total} conversations)", style="bold"))
    for lane in sorted(set(after) | set(before), key=lambda name: (-after[name], name)):
        line = f"  {lane:<24} {after[lane]:>7}  {_percent(after[lane], total):>6}"
        if compared:
            line += f"   (was {before[lane]}, {_percent(before[lane], total)})"
        out.print(line)
    escalated = summary.escalated_after
    rate = f"escalation rate {_percent(escalated, total)} ({escalated} of {total})"
    if compared:
        rate += f", was {_percent(summary.escalated_before, total)} ({summary.escalated_before})"
    out.print(rate, style="bold")
    errors = summary.error_count
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


def _progress(err: Console, shards: list[Shard], unit: str = "bytes") -> Progress:
    """A progress bar (bytes read, or shards done), only on a terminal."""
    label = Path(shards[0].path).name if len(shards) == 1 else f"{len(shards)} shards"
    count = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        count,
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _print_change(out: Console, where: str, change: Change) -> None:
    out.print(
        Text.assemble(
            (where, "bold"),
            " ",
            (change.before_lane, "red"),
            " → ",
            (change.after_lane, "green"),
        )
    )
    out.print(
        f"    before: {change.before_rule or '(no rule)'}: {change.before_reason}", style="dim"
    )
    out.print(f"    after:  {change.after_rule or '(no rule)'}: {change.after_reason}")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"
