"""Replaying a synthetic log in one process and on 1 and 2 local Dask workers (issue 16).

Set-up (not timed): ``HANDOFF_BENCH_REPLAY_CONVERSATIONS`` synthetic conversations (default
1,000,000; 600 when ``HANDOFF_BENCH_LOAD_SECONDS`` is under 10, as in CI, where the suite
runs once untimed) are written by ``handoff.cluster.synth`` as ``HANDOFF_BENCH_REPLAY_SHARDS``
JSON Lines shards (default 64; 4 in CI), the log ``handoff synth conversations`` writes.

Timed, each in a fresh Python process and one round (a full-size run is many minutes):
``handoff.cluster.replay.replay`` with rules/default.yaml over every shard, as ``handoff
replay rules/default.yaml LOG --now …`` does,

* *in-process*: the shards one after another in that process (``--scheduler`` not given);
* *local:1* and *local:2*: a LocalCluster of 1 or 2 worker processes (one thread each), one
  task per shard, the rules sent to the workers as a bundle.

The replay's wall time is timed apart from starting the cluster (reported too). Results
must be identical: the merged summary's digest (lane counts, escalations, errors) is the
same in all three, and every conversation is counted. Memory: each process's resident
high-water mark (``VmHWM`` in /proc/self/status, read in each worker with ``client.run``,
and in the in-process run's own process) with its CPU seconds (``getrusage``). The machine's
load average before and after is recorded: on a shared machine it says how much CPU the run
had; on 2 cores two workers cannot be more than 2x one.

Full size, on an idle machine: writing the log takes about a minute; each run then takes
1,000,000 x its CPU seconds per conversation / the cores it has (CPU seconds are recorded:
``conversations_per_cpu_s``), so on 2 cores roughly 3 x the in-process run's time in all::

    .venv/bin/pytest benchmarks/bench_replay.py --benchmark-json=benchmarks/replay.json
    .venv/bin/python benchmarks/report.py --add benchmarks/replay.json

CI mode: ``HANDOFF_BENCH_LOAD_SECONDS=1 .venv/bin/pytest benchmarks/bench_replay.py
--benchmark-disable -q``.
"""

from __future__ import annotations

import os
import textwrap
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from itertools import accumulate
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, measured_commit, run_child

from handoff.cluster.synth import shard_sizes, write_shard

SECONDS = float(os.environ.get("HANDOFF_BENCH_LOAD_SECONDS", "10"))
CI = SECONDS < 10
CONVERSATIONS = int(
    os.environ.get("HANDOFF_BENCH_REPLAY_CONVERSATIONS", "600" if CI else "1000000")
)
SHARDS = int(os.environ.get("HANDOFF_BENCH_REPLAY_SHARDS", "4" if CI else "64"))
SEED = 16
NOW = "2026-11-24T12:00:00+00:00"  # a weekday noon: every lane open
RULES = REPO / "rules" / "default.yaml"
RUNS = (("in_process", 0), ("local", 1), ("local", 2))

# What each timed process runs: the replay, its wall time, and memory and CPU per process.
CHILD = textwrap.dedent(
    """
    import functools, json, resource, sys, time
    from datetime import datetime
    started = time.perf_counter()
    from handoff.cluster import connect
    from handoff.cluster.replay import RouterRecipe, replay
    from handoff.cluster.shards import find_shards
    from handoff.governance.bundle import RuleBundle
    from handoff.cli._replay import _bundle_router

    def usage():
        status = open("/proc/self/status").read().split("\\n")
        peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
        used = resource.getrusage(resource.RUSAGE_SELF)
        return {"peak_rss_mib": peak / 1024, "cpu_s": used.ru_utime + used.ru_stime}

    def main():
        log, rules, now, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
        bundle = RuleBundle.from_path(rules)
        recipe = RouterRecipe(
            bundle.content_hash, functools.partial(_bundle_router, bundle.to_json())
        )
        shards = find_shards(log)
        moment = datetime.fromisoformat(now)
        imported = time.perf_counter()
        found = {"import_s": imported - started}
        if workers == 0:
            begun = time.perf_counter()
            summary = replay(shards, recipe, now=moment)
            found["replay_s"] = time.perf_counter() - begun
            found["processes"] = [usage()]
        else:
            with connect(f"local:{workers}") as client:
                client.wait_for_workers(workers)
                found["startup_s"] = time.perf_counter() - imported
                begun = time.perf_counter()
                summary = replay(shards, recipe, now=moment, scheduler=client)
                found["replay_s"] = time.perf_counter() - begun
                found["processes"] = sorted(
                    client.run(usage).values(), key=lambda u: u["cpu_s"]
                )
            found["client"] = usage()
        found.update(
            digest=summary.digest(),
            total=summary.total,
            errors=summary.error_count,
            lanes=dict(sorted(summary.after.items())),
            escalated=summary.escalated_after,
        )
        print(json.dumps(found))

    if __name__ == "__main__":
        main()
    """
)

_digests: dict[str, str] = {}


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    """The synthetic log, written shard by shard (two processes; not timed)."""
    folder = tmp_path_factory.mktemp("replay-log")
    sizes = shard_sizes(CONVERSATIONS, SHARDS)
    firsts = list(accumulate(sizes, initial=0))[:-1]
    started = time.perf_counter()
    with ProcessPoolExecutor(min(2, os.cpu_count() or 1)) as pool:
        paths = list(pool.map(_write, [folder] * SHARDS, range(SHARDS), sizes, firsts, chunksize=1))
    generated = time.perf_counter() - started
    return folder, {
        "generate_s": generated,
        "log_bytes": sum(p.stat().st_size for p in paths),
    }


def _write(folder: Path, index: int, count: int, first: int) -> Path:
    return write_shard(
        folder, index, shards=SHARDS, count=count, first=first, seed=SEED, fmt="jsonl"
    )


@pytest.mark.parametrize(("mode", "workers"), RUNS, ids=["in_process", "local_1", "local_2"])
def bench_replay(benchmark: Any, log: tuple[Path, dict[str, Any]], mode: str, workers: int) -> None:
    """Conversations per second replaying the log; identical results in every mode."""
    benchmark.group = "replay"
    folder, setup = log
    child = folder.parent / "replay_child.py"
    child.write_text(CHILD)
    found: dict[str, Any] = {}

    def run() -> None:
        found.update(run_child([str(child), str(folder), str(RULES), NOW, str(workers)], cwd=REPO))

    # The commit whose code runs: read before the run, since a long run can outlast HEAD.
    commit = measured_commit()
    benchmark.pedantic(run, rounds=1, iterations=1)
    assert found["total"] == CONVERSATIONS
    assert found["errors"] == 0
    first = _digests.setdefault("digest", found["digest"])
    assert found["digest"] == first, "results differ from another mode's"
    peaks = [p["peak_rss_mib"] for p in found["processes"]]
    # CPU time of the processes that routed (the workers, or the one process): on a shared
    # machine the wall time depends on the CPU the run was given, this does not.
    cpu = sum(p["cpu_s"] for p in found["processes"])
    benchmark.extra_info.update(
        kind="replay",
        mode=mode,
        workers=workers,
        measured_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        commit=commit,
        cpus=os.cpu_count(),
        conversations=CONVERSATIONS,
        shards=SHARDS,
        seed=SEED,
        rules="default",
        conversations_per_s=CONVERSATIONS / found["replay_s"],
        peak_rss_mib_max=max(peaks),
        cpu_s_total=cpu,
        conversations_per_cpu_s=CONVERSATIONS / cpu,
        **setup,
        **found,
    )
