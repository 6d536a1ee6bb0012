"""The KPI report over sharded outcome records: one process against Dask on 1 and 2 workers.

Set-up (not timed): ``handoff synth outcomes`` (:func:`handoff.outcomes.shards.write_synthetic`)
writes ``HANDOFF_BENCH_KPIS_CONVERSATIONS`` conversations (default 1,000,000; 4,000 when
``HANDOFF_BENCH_LOAD_SECONDS`` is under 10, as in CI, where the suite runs once untimed) as
``HANDOFF_BENCH_KPIS_SHARDS`` Parquet shards (default 16; 4 in CI), the simulator's month
per shard.

Timed, each mode in a fresh Python process (imports timed apart):

* ``process``: :func:`read_shards` of every shard into one Dataset, then ``compute_kpis``:
  what ``handoff report --data DIR`` does without ``--scheduler``;
* ``local:1`` and ``local:2``: a LocalCluster of 1 or 2 worker processes (its start-up timed
  apart) and :func:`handoff.cluster.kpis.compute_kpis_sharded`: what ``handoff report --data
  DIR --scheduler local:N`` does.

The report's digest (every figure's exact bits) must be the same in the three modes. Peak
memory is each process's resident high-water mark (``VmHWM`` in /proc/self/status): the
one process's, the client's, and every worker's (with its level before the first task, so
the data's share shows). The load average before and after each mode is recorded: on a
shared machine it says how much CPU the run had. Results in ``extra_info`` (kind ``kpis``).

Full size, on an idle machine, from the repository root:

    .venv/bin/pytest benchmarks/bench_kpis.py --benchmark-json=/tmp/kpis.json
    .venv/bin/python benchmarks/report.py --add /tmp/kpis.json
"""

from __future__ import annotations

import os
import textwrap
import time
from datetime import datetime, timezone
from typing import Any

import pytest
from conftest import measured_commit, run_child

SECONDS = float(os.environ.get("HANDOFF_BENCH_LOAD_SECONDS", "10"))
SMALL = SECONDS < 10
CONVERSATIONS = int(
    os.environ.get("HANDOFF_BENCH_KPIS_CONVERSATIONS", "4000" if SMALL else "1000000")
)
SHARDS = int(os.environ.get("HANDOFF_BENCH_KPIS_SHARDS", "4" if SMALL else "16"))
DAYS = 30
SEED = 16
MODES = ("process", "local:1", "local:2")

CHILD = textwrap.dedent(
    """
    import json, sys, time

    def main(mode, folder):
        started = time.perf_counter()
        from handoff.cluster import connect
        from handoff.cluster.kpis import compute_kpis_sharded, peak_rss_mib, report_digest
        from handoff.outcomes import compute_kpis
        from handoff.outcomes.shards import find_shards, read_shards
        imported = time.perf_counter()
        out = {"import_s": imported - started}
        if mode == "process":
            data = read_shards(find_shards(folder))
            read = time.perf_counter()
            report = compute_kpis(data)
            done = time.perf_counter()
            out.update(read_s=read - imported, kpis_s=done - read, total_s=done - imported)
        else:
            with connect(mode) as client:
                up = time.perf_counter()
                base = client.run(peak_rss_mib)
                stats = {}
                report = compute_kpis_sharded(client, folder, stats=stats)
                done = time.perf_counter()
            out.update(
                cluster_start_s=up - imported,
                # The two rounds and the finish; the benchmark's own measuring afterwards
                # (the client tables' deep size, each worker's VmHWM) is in with_stats_s.
                total_s=stats["span_s"] + stats["prepare_s"] + stats["finish_s"],
                with_stats_s=done - up,
                span_s=stats["span_s"],
                prepare_s=stats["prepare_s"],
                finish_s=stats["finish_s"],
                client_tables_mib=float(stats["client_mib"]),
                worker_peak_rss_mib=sorted(stats["worker_peak_rss_mib"].values()),
                worker_base_rss_mib=sorted(base.values()),
            )
        out.update(
            digest=report_digest(report),
            peak_rss_mib=peak_rss_mib(),
            conversations=int(report.counts["conversations"]),
            turns=int(report.counts["turns"]),
            handoffs=int(report.counts["handoffs"]),
            lines=int(report.counts["lines"]),
            experiments=len(report.experiments),
            shadowed=0 if report.shadow is None else report.shadow.turns,
        )
        print(json.dumps(out))

    if __name__ == "__main__":
        main(sys.argv[1], sys.argv[2])
    """
)


def bench_kpis_sharded(benchmark: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """compute_kpis in one process vs compute_kpis_sharded on 1 and 2 local workers over
    CONVERSATIONS synthetic conversations in SHARDS shards; identical reports."""
    from handoff.outcomes.shards import write_synthetic  # noqa: PLC0415

    benchmark.group = "KPIs on Dask"
    folder = tmp_path_factory.mktemp("kpis") / "outcomes"
    started = time.perf_counter()
    write_synthetic(folder, CONVERSATIONS, shards=SHARDS, seed=SEED, days=DAYS)
    setup = {
        "synth_s": time.perf_counter() - started,
        "shards_mib": sum(p.stat().st_size for p in folder.iterdir()) / 2**20,
    }
    script = folder.parent / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    found: dict[str, dict[str, Any]] = {}

    def run() -> None:
        for mode in MODES:
            found[mode] = run_child([str(script), mode, str(folder)])

    # The commit whose code runs: read before the run, since a long run can outlast HEAD.
    commit = measured_commit()
    benchmark.pedantic(run, rounds=1, iterations=1)
    digests = {mode: found[mode]["digest"] for mode in MODES}
    assert len(set(digests.values())) == 1, f"the reports differ: {digests}"
    reference = found["process"]
    assert reference["conversations"] == CONVERSATIONS
    rows = reference["turns"] + reference["handoffs"] + reference["lines"]
    for result in found.values():
        result["conversations_per_s"] = CONVERSATIONS / result["total_s"]
        result["rows_per_s"] = rows / result["total_s"]
    benchmark.extra_info.update(
        kind="kpis",
        measured_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        commit=commit,
        cpus=os.cpu_count(),
        conversations=CONVERSATIONS,
        shards=SHARDS,
        days=DAYS,
        seed=SEED,
        turns=reference["turns"],
        handoffs=reference["handoffs"],
        lines=reference["lines"],
        digest=reference["digest"],
        modes=found,
        **setup,
    )
