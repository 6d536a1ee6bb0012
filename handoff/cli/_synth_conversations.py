"""``handoff synth conversations``: a synthetic conversation log for ``handoff replay``."""

from __future__ import annotations

import functools
import itertools
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from handoff.cli._app import console, guard
from handoff.cli._synth import synth
from handoff.cluster.shards import shard_kind
from handoff.cluster.synth import FORMATS, Format, shard_sizes, write_shard
from handoff.errors import HandoffError

MAX_CONVERSATIONS = 1_000_000_000
MAX_SHARDS = 100_000


@synth.command("conversations")
@click.argument("count", type=click.IntRange(0, MAX_CONVERSATIONS), metavar="N")
@click.option(
    "--out",
    "folder",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the shards into (created if missing; must hold no shards yet).",
)
@click.option(
    "--shards",
    type=click.IntRange(1, MAX_SHARDS),
    default=16,
    show_default=True,
    help="Number of files; replay runs one task per shard, so give a few per worker.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="jsonl",
    show_default=True,
    help="JSON Lines, gzip-compressed JSON Lines, or Parquet (a 'record' column of JSON).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Same seed, same files.")
@click.option(
    "--jobs",
    type=click.IntRange(1, 256),
    default=1,
    show_default=True,
    help="Shards written at once, in separate processes.",
)
@guard
def conversations(
    *, count: int, folder: Path, shards: int, fmt: Format, seed: int, jobs: int
) -> int:
    """Write N synthetic support conversations as sharded files for ``handoff replay``.

    Calm FAQs, requests for a person, building frustration, fraud reports, unhappy VIP
    customers, a failing bot, churn and legal threats, with intents, confidences and
    timestamps; texts are templates filled at random, so nearly every message is new.
    Shard k of a seed is always the same; memory stays bounded whatever N is (each shard
    is written record by record). Nothing in them is real customer data.

    \b
    Examples:
      handoff synth conversations 10000 --out logs/synthetic --shards 4
      handoff synth conversations 1000000 --out logs/1m --shards 64 --format parquet --jobs 2
      handoff replay rules/default.yaml logs/synthetic --now 2026-11-24T10:30:00Z
    """
    if folder.exists() and not folder.is_dir():
        raise HandoffError(f"{folder}: is a file; --out needs a folder")
    folder.mkdir(parents=True, exist_ok=True)
    existing = sorted(p.name for p in folder.iterdir() if shard_kind(p.name))
    if existing:
        raise HandoffError(
            f"{folder}: holds shards already ({existing[0]}, …): give an empty or new folder, "
            "so no log is mixed with another or overwritten"
        )
    sizes = shard_sizes(count, shards)
    firsts = list(itertools.accumulate(sizes, initial=0))[:-1]
    write = functools.partial(write_shard, folder, shards=shards, seed=seed, fmt=fmt)
    err = console(stderr=True)
    progress = Progress(
        TextColumn(f"[bold]{folder}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    written = 0
    with progress:
        task = progress.add_task("shards", total=shards)
        if jobs == 1:
            for index in range(shards):
                written += write(index, count=sizes[index], first=firsts[index]).stat().st_size
                progress.advance(task, 1)
        else:
            with ProcessPoolExecutor(jobs) as pool:
                futures = [
                    pool.submit(write, index, count=sizes[index], first=firsts[index])
                    for index in range(shards)
                ]
                for future in futures:
                    written += future.result().stat().st_size
                    progress.advance(task, 1)
    console().print(
        f"wrote {count:,} conversations in {shards} {fmt} shard{'s' if shards != 1 else ''} "
        f"to {folder} ({written / 1e6:,.1f} MB, seed {seed})"
    )
    return 0
