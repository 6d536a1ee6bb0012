"""``handoff desktop export-outcomes``: the desktop's outcome records as Parquet shards.

The period is read a chunk at a time (``--chunk-days``, default one day) with
:func:`handoff.desktop.outcomes.load_dataset` (the tables ``handoff report --db`` reads:
turns, handoff cycles with their CES question, customer lines' time and sentiment; never a
message's text) and appended to shards partitioned by customer
(:class:`handoff.outcomes.shards.ShardWriter`), so memory is one chunk's whatever the
period. Every record lands in exactly one export: turns by when they were routed, cycles by
when they were handed off and lines by their own time, each in [since, until), so monthly
exports read together (``handoff report --data 'exports/2026-*'``) are the year once.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import click

from handoff.cli._app import MOMENT, console, guard
from handoff.cli._desktop import db_option, desktop
from handoff.cli._report import _module

__all__ = ["export_outcomes_command"]

DAY = 86_400.0


@desktop.command("export-outcomes")
@db_option
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
    help="Number of shards; a customer is in shard hash % N, so give every export that will "
    "be read together the same N.",
)
@click.option("--since", type=MOMENT, metavar="DATE",
              help="First moment exported (ISO 8601; UTC if no offset). Default: the first "
              "record.")  # fmt: skip
@click.option("--until", type=MOMENT, metavar="DATE",
              help="End of the export (excluded). Default: after the last record.")  # fmt: skip
@click.option("--chunk-days", type=click.FloatRange(0.01, 366), default=1.0,
              show_default=True,
              help="Days read from the database at a time: memory is one chunk's.")  # fmt: skip
@guard
def export_outcomes_command(
    *,
    db: str,
    out: Path,
    shards: int,
    since: datetime | None,
    until: datetime | None,
    chunk_days: float,
) -> int:
    """Export the desktop's outcome records to Parquet shards for `handoff report --data`.

    Turns, handoff cycles (with CES) and customer lines (time and sentiment score, no text)
    of [--since, --until), read a chunk at a time, written as shards that keep each
    customer's records together: what `handoff report --data DIR --scheduler ...` reads on
    a Dask cluster. Customer ids are the desktop's keyed pseudonyms, as in the database.

    \b
    Examples:
      handoff desktop export-outcomes --db sqlite:///desktop.sqlite --out exports/2026-11 \
          --since 2026-11-01 --until 2026-12-01
      handoff desktop export-outcomes --db sqlite:///desktop.sqlite --out exports/all --shards 32
    """
    if since is not None and until is not None and since >= until:
        raise click.BadParameter("--since must be before --until", param_hint="--since")
    loader = _module("handoff.desktop.outcomes", extra="report,desktop")
    sharding = _module("handoff.outcomes.shards", extra="report,cluster")
    low, high = _bounds(db, since, until)
    err = console(stderr=True)
    about = {
        "exported": {
            "since": None if since is None else since.isoformat(),
            "until": None if until is None else until.isoformat(),
        }
    }
    with sharding.ShardWriter(out, shards, **about) as writer:
        if low is not None and high is not None:
            step = chunk_days * DAY
            chunks = max(1, math.ceil((high - low) / step))
            for i in range(chunks):
                start = low + i * step
                end = high if i == chunks - 1 else low + (i + 1) * step
                data = loader.load_dataset(db, since=start, until=end)
                at = data.lines["at"]
                lines = data.lines[(at >= start) & (at < end)].reset_index(drop=True)
                writer.append(replace(data, lines=lines))
                err.print(f"chunk {i + 1}/{chunks}: {len(data.turns):,} turns exported")
    rows = writer.rows
    console().print(
        f"wrote {rows['turns']:,} turns, {rows['handoffs']:,} handoff cycles and "
        f"{rows['lines']:,} customer lines in {shards} shard(s) to {out}"
    )
    return 0


def _bounds(
    db: str, since: datetime | None, until: datetime | None
) -> tuple[float | None, float | None]:
    """The period to read: the given bounds, else the database's first and last record."""
    if since is not None and until is not None:
        return since.timestamp(), until.timestamp()
    import sqlalchemy as sa  # noqa: PLC0415

    from handoff.desktop import store  # noqa: PLC0415
    from handoff.storage import create_engine  # noqa: PLC0415

    engine, _ = create_engine(db, busy_timeout=30.0)
    try:
        with engine.connect() as connection:
            found = [
                connection.execute(sa.select(sa.func.min(column), sa.func.max(column))).one()
                for column in (store.Turn.at, store.Handoff.handed_off_at, store.Message.at)
            ]
    except sa.exc.SQLAlchemyError as error:
        name = engine.url.render_as_string(hide_password=True)
        raise click.ClickException(
            f"desktop database {name} cannot be read ({type(error).__name__}); "
            "is it the desktop's, at its current revision (handoff desktop upgrade)?"
        ) from None
    finally:
        engine.dispose()
    lows = [row[0] for row in found if row[0] is not None]
    highs = [row[1] for row in found if row[1] is not None]
    low = since.timestamp() if since is not None else (min(lows) if lows else None)
    # Just after the last record: the period's end is excluded.
    high = until.timestamp() if until is not None else (max(highs) + 1.0 if highs else None)
    if low is not None and high is not None and low >= high:
        return None, None
    return low, high
