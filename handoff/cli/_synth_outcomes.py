"""``handoff synth outcomes``: synthetic outcome records of any size, as Parquet shards.

Each shard is the simulator's traffic (handoff.outcomes.simulate: planted experiment
effect, shadow rules, known rule precisions) from its own random stream, cut to its share
of the conversations; shards are written one at a time, so memory is one shard's whatever
the total. ``handoff report --data DIR [--scheduler local:N]`` reads the folder.
"""

from __future__ import annotations

from pathlib import Path

import click

from handoff.cli._app import console, guard
from handoff.cli._report import _module
from handoff.cli._synth import synth

__all__ = ["outcomes_command"]


@synth.command("outcomes")
@click.argument("conversations", type=click.IntRange(1, 10**10), metavar="N")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="The folder to write (created; it must not hold a sharded dataset already).",
)
@click.option(
    "--shards",
    type=click.IntRange(1, 100_000),
    default=16,
    show_default=True,
    help="Number of shards (each customer's records are in one): at least the number of "
    "workers that will read them; 100,000-200,000 conversations each suit workers of 1-2 GiB.",
)
@click.option("--seed", type=click.IntRange(0, 2**32 - 1), default=0, show_default=True,
              help="The same seed writes the same files.")  # fmt: skip
@click.option("--days", type=click.IntRange(1, 3660), default=30, show_default=True,
              help="The period the conversations fall in.")  # fmt: skip
@guard
def outcomes_command(conversations: int, out: Path, shards: int, seed: int, days: int) -> int:
    """Write N synthetic conversations' outcome records as Parquet shards.

    Turns, handoff cycles and customer lines (times, lanes, rules, CES, sentiment scores;
    no text, made-up ids) of exactly N conversations, like `handoff desktop export-outcomes`
    writes from a real desktop: for benchmarks and for trying `handoff report --data`.

    \b
    Examples:
      handoff synth outcomes 100000 --out outcomes/synthetic --shards 8
      handoff synth outcomes 1000000 --out outcomes/1m --shards 16 --seed 7
      handoff report --data outcomes/1m --scheduler local:2 -o synthetic.html
    """
    if shards > conversations:
        raise click.BadParameter(
            f"{conversations} conversation(s) cannot fill {shards} shards", param_hint="--shards"
        )
    sharding = _module("handoff.outcomes.shards", extra="report,cluster")
    err = console(stderr=True)

    def progress(done: int, total: int) -> None:
        err.print(f"shard {done}/{total} written")

    manifest = sharding.write_synthetic(
        out, conversations, shards=shards, seed=seed, days=days, progress=progress
    )
    console().print(f"wrote {conversations:,} conversations in {shards} shard(s) to {out} "
                    f"({Path(manifest).name} describes them)")  # fmt: skip
    return 0
