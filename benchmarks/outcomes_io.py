"""How long storing and loading a month of outcome records takes, and the loader's peak memory.

A month of simulated traffic (``handoff.outcomes.simulate``) goes into a desktop database with
``store_dataset``, then a fresh process reads it back with ``load_dataset``. Each step runs in
its own process so its peak resident memory is its own. Not part of the timed suite (it takes
minutes); the results of a run are kept in ``benchmarks/outcomes_io.json``::

    .venv/bin/python benchmarks/outcomes_io.py --per-day 29350 --db /tmp/outcomes.sqlite

(29,350 first contacts a day for 30 days make about a million conversations.)
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def store(db: str, per_day: int, seed: int) -> dict[str, float]:
    from handoff.desktop.outcomes import store_dataset  # noqa: PLC0415
    from handoff.outcomes.simulate import simulate  # noqa: PLC0415

    started = time.perf_counter()
    data, _ = simulate(30, per_day, seed=seed)
    simulated = time.perf_counter()
    store_dataset(db, data)
    return {
        "conversations": float(data.turns["conversation"].nunique()),
        "turns": float(len(data.turns)),
        "handoffs": float(len(data.handoffs)),
        "lines": float(len(data.lines)),
        "simulate_s": simulated - started,
        "store_s": time.perf_counter() - simulated,
        "store_peak_mib": _peak_mib(),
    }


def load(db: str) -> dict[str, float]:
    import pandas  # noqa: F401, PLC0415  (imported before timing: not the loader's cost)

    from handoff.desktop.outcomes import load_dataset  # noqa: PLC0415

    started = time.perf_counter()
    data = load_dataset(db)
    return {
        "load_s": time.perf_counter() - started,
        "load_peak_mib": _peak_mib(),
        "loaded_rows": float(len(data.turns) + len(data.handoffs) + len(data.lines)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-day", type=int, default=29_350)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--db", required=True, help="a file path (SQLite) or a database URL")
    parser.add_argument("--step", choices=["store", "load"], help=argparse.SUPPRESS)
    parser.add_argument("--out", default=str(HERE / "outcomes_io.json"))
    args = parser.parse_args()
    db = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    if args.step == "store":
        print(json.dumps(store(db, args.per_day, args.seed)))
        return
    if args.step == "load":
        print(json.dumps(load(db)))
        return
    if db.startswith("sqlite:///"):
        for path in Path(db.removeprefix("sqlite:///")).parent.glob(Path(db).name + "*"):
            path.unlink()
    result: dict[str, object] = {
        "database": db.split("://", 1)[0],
        "per_day": args.per_day,
        "days": 30,
        "seed": args.seed,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {_cpus()} logical cores",
        "load_average_before": _load_average(),
    }
    for step in ("store", "load"):
        command = [sys.executable, __file__, "--db", db, "--per-day", str(args.per_day),
                   "--seed", str(args.seed), "--step", step]  # fmt: skip
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        result.update(json.loads(output.strip().splitlines()[-1]))
    result["load_average_after"] = _load_average()
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


def _load_average() -> float:
    import os  # noqa: PLC0415

    return round(os.getloadavg()[0], 2)


def _cpus() -> int:
    import os  # noqa: PLC0415

    return os.cpu_count() or 1


if __name__ == "__main__":
    main()
