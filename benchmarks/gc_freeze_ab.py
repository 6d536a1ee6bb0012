"""The heap frozen after warm-up (``handoff.warm_up``) or not: one A/B run (issue 16).

Not part of the timed suite (no pytest collection: the name does not start with bench_;
``bench_incremental.py``'s ``bench_carry_frozen`` is the suite's ratio). Each repetition
starts two fresh processes of the same kind, one per arm, in alternating order (AB, BA,
AB...), so drift in the machine's load falls on both arms. Each process builds the router as
the action server does (``rules/default.yaml``), routes the 4 earlier turns of
``bench_incremental``'s turn-5 conversation, calls ``warm_up(router, freeze=...)``, then
routes ``--turns`` new turns (a new unique message each, one handoff turn in ten, the
payload and its JSON on a handoff, the signed state slot: ``bench_incremental.action_turn``)
with the collector as Python ships it. Per process:

* full (generation 2) collections per 1,000 turns and the time they took (``gc.callbacks``:
  counts are deterministic; times in CPU and wall clock);
* the objects a full collection walks at the end (every object the collector tracks outside
  the permanent generation) and the frozen ones;
* the turns' CPU time (the thread's: on a shared machine, waiting for a core is not the
  turn's cost) and wall time: mean (what the collections add on average), median, p99.

    .venv/bin/python benchmarks/gc_freeze_ab.py --repetitions 6 --turns 3000

prints one JSON line per process and a summary (medians, min-max across repetitions).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def child(frozen: bool, turns: int) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    from bench_incremental import (  # noqa: PLC0415
        BOT_MESSAGE,
        HANDOFF_MESSAGE,
        action_turn,
        conversation_at,
        earlier,
    )
    from conftest import REPO  # noqa: PLC0415

    from handoff import Router, warm_up  # noqa: PLC0415

    router = Router.from_path(REPO / "rules" / "default.yaml", pseudonym_key=b"bench")
    prior = earlier(router, 5)
    froze = warm_up(router, freeze=frozen)
    started: list[tuple[float, float]] = []
    full: list[tuple[float, float]] = []  # (wall, CPU) seconds of each full collection
    every: list[tuple[float, float]] = []

    def watch(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started.append((time.perf_counter(), time.thread_time()))
        else:
            wall, cpu = started.pop()
            seconds = (time.perf_counter() - wall, time.thread_time() - cpu)
            every.append(seconds)
            if info["generation"] == 2:
                full.append(seconds)

    def conversation(i: int) -> Any:  # built outside the timing, never kept
        template = HANDOFF_MESSAGE if i % 10 == 9 else BOT_MESSAGE
        return conversation_at(prior, template.format(n=f"{os.getpid()}-{i}"), carried=True)

    times: list[float] = []
    cpu = 0.0
    gc.callbacks.append(watch)
    try:
        for i in range(turns):
            this = conversation(i)
            begin, cpu_begin = time.perf_counter(), time.thread_time()
            action_turn(router, this)
            times.append(time.perf_counter() - begin)
            cpu += time.thread_time() - cpu_begin
    finally:
        gc.callbacks.remove(watch)
    walked = sum(len(gc.get_objects(generation)) for generation in range(3))
    per_k = 1000 / turns
    return {
        "arm": "frozen" if frozen else "unfrozen",
        "froze": froze,
        "frozen_objects": gc.get_freeze_count(),
        "objects_a_full_collection_walks_at_end": walked,
        "full_collections_per_1000_turns": round(len(full) * per_k, 2),
        "collections_per_1000_turns": round(len(every) * per_k, 2),
        "full_collection_cpu_ms_mean": _ms_mean(full, 1),
        "full_collection_wall_ms_mean": _ms_mean(full, 0),
        "full_collection_cpu_us_per_turn": round(sum(c for _, c in full) / turns * 1e6, 1),
        "all_collections_cpu_us_per_turn": round(sum(c for _, c in every) / turns * 1e6, 1),
        "turn_cpu_us_mean": round(cpu / turns * 1e6, 1),
        "turn_us_mean": round(statistics.fmean(times) * 1e6, 1),
        "turn_us_median": round(statistics.median(times) * 1e6, 1),
        "turn_us_p99": round(sorted(times)[int(len(times) * 0.99)] * 1e6, 1),
        "load_average": round(os.getloadavg()[0], 2),
    }


def _ms_mean(pairs: list[tuple[float, float]], which: int) -> float:
    return round(statistics.fmean(p[which] for p in pairs) * 1e3, 2) if pairs else 0.0


def _summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    keys = [k for k, v in rows[0].items() if isinstance(v, (int, float)) and k != "froze"]
    out: dict[str, Any] = {}
    for arm in ("unfrozen", "frozen"):
        mine = [row for row in rows if row["arm"] == arm]
        out[arm] = {
            key: {
                "median": round(statistics.median(row[key] for row in mine), 2),
                "min": min(row[key] for row in mine),
                "max": max(row[key] for row in mine),
            }
            for key in keys
        }
    for key in (
        "turn_cpu_us_mean",
        "turn_us_mean",
        "turn_us_median",
        "full_collection_cpu_us_per_turn",
    ):
        before, after = out["unfrozen"][key]["median"], out["frozen"][key]["median"]
        out[f"ratio_{key}"] = round(after / before, 3) if before else None
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=6)
    parser.add_argument("--turns", type=int, default=3000)
    parser.add_argument("--child", choices=("frozen", "unfrozen"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child == "frozen", args.turns)))
        return 0
    rows = []
    for repetition in range(args.repetitions):
        order = ("unfrozen", "frozen") if repetition % 2 == 0 else ("frozen", "unfrozen")
        for arm in order:
            command = [sys.executable, __file__, "--child", arm, "--turns", str(args.turns)]
            line = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            row = json.loads(line.strip().splitlines()[-1])
            row["repetition"] = repetition
            rows.append(row)
            print(json.dumps(row), flush=True)
    summary = _summary(rows)
    print(json.dumps(summary, indent=1))
    if args.out is not None:
        args.out.write_text(json.dumps({"rows": rows, "summary": summary}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
