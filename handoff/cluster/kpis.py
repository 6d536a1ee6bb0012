"""The KPI report over sharded outcome records on a Dask cluster, identical to one process.

:func:`compute_kpis_sharded` does what :func:`handoff.outcomes.compute_kpis` does over
:func:`handoff.outcomes.shards.read_shards` of the same folders, in two rounds of one task
per shard:

1. each worker reads only the time columns of its shard, cut to the period, and returns
   their earliest and latest value: the client takes the data's start and end, and the
   moment the period is judged at (``until``, else the end), as one process would;
2. each worker reads its shard, validates it, cuts the period and prepares its KPI tables
   (:func:`handoff.outcomes._tables.prepare`: one row per conversation and one per handoff
   cycle; every customer's records are in one shard, so re-contacts and missed escalations
   are complete) and counts its shadowed turns (:func:`handoff.outcomes.shadow.shadow_counts`).

The client checks that no conversation and no customer came from two shards (else the
result could differ from one process's: a clear error instead), puts the tables in the
order one process would have made them and finishes with
:func:`handoff.outcomes.kpis.report_of_prepared`, the same code :func:`compute_kpis` ends
with. What travels to the client is per conversation and per cycle (the KPI columns, no
turn or line rows): about 190 bytes a conversation (docs/KPIS.md, "On a cluster").

Identical means equal floats: every sum, mean and standard deviation runs over the same
values in the same order as in one process, and events are ordered exactly by (conversation,
time) whatever the conversations' numbering (bench_kpis checks the digest at a million
conversations).
"""

from __future__ import annotations

import hashlib
import math
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np
import pandas as pd

from handoff.cluster import ClusterError
from handoff.cluster.shards import map_shards
from handoff.outcomes._tables import Prepared, prepare
from handoff.outcomes.kpis import report_of_prepared
from handoff.outcomes.shadow import ShadowCounts, combine_shadow, shadow_counts
from handoff.outcomes.shards import TIME_COLUMNS, Shard, find_shards, read_shard, read_times

if TYPE_CHECKING:
    from distributed import Client

    from handoff.outcomes import ExperimentSpec, KpiReport

__all__ = [
    "ShardPart",
    "compute_kpis_sharded",
    "peak_rss_mib",
    "prepare_shard",
    "report_digest",
    "shard_span",
]

T = TypeVar("T")

#: A unit's integer code is (shard << 40) | its code within the shard.
_UNIT_BITS = 40


@dataclass(frozen=True)
class ShardPart:
    """What a worker returns for one shard: its prepared tables (per conversation and per
    cycle, KPI columns only), shadow counts, row counts, and hashes of its conversation ids
    and customers for the client's check that shards do not share any."""

    index: int
    conversations: pd.DataFrame
    cycles: pd.DataFrame
    shadow: ShadowCounts
    turns: int
    lines: int
    conversation_keys: np.ndarray
    unit_keys: np.ndarray


def shard_span(
    shard: Shard, since: datetime | None, until: datetime | None
) -> tuple[float, float] | None:
    """The earliest and latest time in one shard's records of [since, until) (None if it
    has none): round 1, on a worker. Cut as :func:`handoff.outcomes.report.window` cuts."""
    from handoff.outcomes.report import LINES_MARGIN_SECONDS  # noqa: PLC0415

    low = since.timestamp() if since is not None else -math.inf
    high = until.timestamp() if until is not None else math.inf
    found: list[np.ndarray] = []
    for table, columns in TIME_COLUMNS.items():
        frame = read_times(shard, table, columns)
        margin = LINES_MARGIN_SECONDS if table == "lines" else 0.0
        key = frame[columns[0]].to_numpy(dtype=np.float64)
        kept = frame[(key >= low - margin) & (key < high + margin)]
        found.extend(kept[c].to_numpy(dtype=np.float64) for c in columns)
    stamps = np.concatenate(found) if found else np.array([])
    stamps = stamps[~np.isnan(stamps)]
    if not stamps.size:
        return None
    return float(stamps.min()), float(stamps.max())


def prepare_shard(
    shard: Shard,
    *,
    k: int,
    now: float | None,
    since: datetime | None,
    until: datetime | None,
) -> ShardPart:
    """Round 2, on a worker: one shard's prepared KPI tables and shadow counts."""
    data = read_shard(shard, since=since, until=until)
    prepared = prepare(data, k=k, now=now)
    conversations = prepared.conversations.reset_index(drop=True)
    local_units, unit_names = pd.factorize(conversations["unit"])
    conversations["unit"] = (np.int64(shard.index) << _UNIT_BITS) | local_units.astype(np.int64)
    cycles = prepared.cycles.drop(columns=["conversation"]).reset_index(drop=True)
    # Every conversation id of the shard (turns, cycles and lines share one categorical).
    names = data.turns["conversation"].cat.categories.to_numpy(dtype=object)
    return ShardPart(
        index=shard.index,
        conversations=conversations,
        cycles=cycles,
        shadow=shadow_counts(data.turns),
        turns=len(data.turns),
        lines=len(data.lines),
        conversation_keys=_keys(names),
        unit_keys=_keys(np.asarray(unit_names, dtype=object)),
    )


def compute_kpis_sharded(
    client: Client,
    sources: str | Sequence[str],
    *,
    k: int = 3,
    confidence: float = 0.95,
    since: datetime | None = None,
    until: datetime | None = None,
    experiments: Mapping[str, ExperimentSpec] | None = None,
    progress: Callable[[str], None] | None = None,
    stats: dict[str, Any] | None = None,
) -> KpiReport:
    """The :class:`KpiReport` of the sharded datasets at ``sources`` (folders or glob
    patterns), computed on ``client``'s workers: equal to ``compute_kpis(read_shards(...))``
    with the same ``k``, ``confidence``, ``experiments`` and ``now`` = ``until``.

    Workers read the shard files by path: on a cluster, the folders must be at the same
    path on every worker (a shared filesystem). ``progress`` gets a line per finished round;
    ``stats``, if given, receives what the run measured (tasks, seconds per round, bytes the
    client received, each worker's peak memory). Raises :class:`ClusterError` naming the
    shard when a task fails, or when shards share a conversation or a customer.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1 (customer lines on each side), not {k}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1 (e.g. 0.95), not {confidence}")
    say = progress or (lambda line: None)
    shards = find_shards(sources)
    started = time.perf_counter()
    spans = _run(client, shards, "round 1 (span)", _span_task, since, until)
    found = [span for span in spans if span is not None]
    start = min(s[0] for s in found) if found else None
    end = max(s[1] for s in found) if found else None
    now = until.timestamp() if until is not None else end
    spanned = time.perf_counter()
    say(f"round 1/2: {len(shards)} shard(s) spanned in {spanned - started:.1f} s")
    options = {"k": k, "now": now, "since": since, "until": until}
    parts = _run(client, shards, "round 2 (prepare)", _prepare_task, options)
    prepared_at = time.perf_counter()
    say(f"round 2/2: {len(shards)} shard(s) prepared in {prepared_at - spanned:.1f} s")
    _check_disjoint(parts, shards)
    prepared = Prepared(
        conversations=pd.concat([p.conversations for p in parts], ignore_index=True),
        cycles=pd.concat([p.cycles for p in parts], ignore_index=True),
        now=now,
        start=start,
        end=end,
        k=k,
    )
    report = report_of_prepared(
        prepared,
        confidence=confidence,
        experiments=experiments,
        shadow=combine_shadow([p.shadow for p in parts], confidence=confidence),
        turns=sum(p.turns for p in parts),
        lines=sum(p.lines for p in parts),
    )
    if stats is not None:
        stats.update(
            shards=len(shards),
            span_s=spanned - started,
            prepare_s=prepared_at - spanned,
            finish_s=time.perf_counter() - prepared_at,
            client_mib=(
                prepared.conversations.memory_usage(deep=True).sum()
                + prepared.cycles.memory_usage(deep=True).sum()
            )
            / 2**20,
            worker_peak_rss_mib=client.run(peak_rss_mib),
        )
    return report


def report_digest(report: KpiReport) -> str:
    """A SHA-256 of every figure and table of ``report`` (floats by their exact bits): two
    reports have the same digest when they are equal."""
    digest = hashlib.sha256()
    _feed(digest, report)
    return digest.hexdigest()


def _feed(digest: Any, value: Any) -> None:
    if isinstance(value, pd.DataFrame):
        digest.update(repr((list(value.columns), [str(t) for t in value.dtypes])).encode())
        digest.update(pd.util.hash_pandas_object(value, index=True).to_numpy().tobytes())
    elif hasattr(value, "__dataclass_fields__"):
        digest.update(type(value).__name__.encode())
        for field in fields(value):
            digest.update(field.name.encode())
            _feed(digest, getattr(value, field.name))
    elif isinstance(value, Mapping):
        for key in value:
            digest.update(repr(key).encode())
            _feed(digest, value[key])
    elif isinstance(value, tuple | list):
        for item in value:
            _feed(digest, item)
    elif isinstance(value, float):
        digest.update(value.hex().encode())
    else:
        digest.update(repr(value).encode())


def _run(
    client: Client, shards: Sequence[Shard], what: str, task: Callable[..., T], *args: Any
) -> list[T]:
    """One task per shard through :func:`handoff.cluster.shards.map_shards` (results in
    shard order; the first failure cancels the rest and names its shard)."""
    try:
        return map_shards(client, task, cast("Sequence[Any]", shards), *args)
    except ClusterError as error:
        raise ClusterError(f"{what}: {error}") from None


def _span_task(
    index: int, shard: Shard, since: datetime | None, until: datetime | None
) -> tuple[float, float] | None:
    return shard_span(shard, since, until)


def _prepare_task(index: int, shard: Shard, options: dict[str, Any]) -> ShardPart:
    return prepare_shard(shard, **options)


def _check_disjoint(parts: Sequence[ShardPart], shards: Sequence[Shard]) -> None:
    """No conversation and no customer in two shards: else refuse (not a silent change)."""
    for what, keys in (
        ("conversation", [p.conversation_keys for p in parts]),
        ("customer", [p.unit_keys for p in parts]),
    ):
        owner = np.repeat(np.arange(len(parts)), [len(k) for k in keys])
        values = np.concatenate(keys) if keys else np.array([], dtype=np.uint64)
        order = np.argsort(values, kind="stable")
        same = values[order][1:] == values[order][:-1]
        if same.any():
            at = int(np.flatnonzero(same)[0])
            a, b = owner[order][at], owner[order][at + 1]
            raise ClusterError(
                f"a {what} has records in two shards ({shards[a].name} and {shards[b].name}): "
                "the shards are not partitioned by customer, so the KPIs could differ from "
                "one process's; write them with `handoff desktop export-outcomes` (or "
                "handoff.outcomes.shards.write_shards), or run the report without --scheduler"
            )


def _keys(names: np.ndarray) -> np.ndarray:
    """64-bit hashes of ids (collisions: about 1 in 10^7 at a billion ids)."""
    if not len(names):
        return np.array([], dtype=np.uint64)
    keys: np.ndarray = pd.util.hash_array(names.astype(object))
    return keys


def peak_rss_mib() -> float:
    """This process's resident memory high-water mark (Linux: VmHWM), else ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # noqa: PLC0415

    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale / 1024
