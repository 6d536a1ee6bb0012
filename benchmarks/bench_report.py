"""The outcomes report over a million recorded conversations, on one machine.

Set-up (not timed): the simulator's month (``handoff.outcomes.simulate``), cut to exactly
``HANDOFF_BENCH_REPORT_CONVERSATIONS`` conversations (default 1,000,000; 2,000 when
``HANDOFF_BENCH_LOAD_SECONDS`` is under 10, as in CI, where the suite runs once untimed), is
written into a fresh SQLite desktop database with ``store_dataset``, as the relay and the
desktop would have recorded it.

Timed: one fresh Python process doing what ``handoff report`` does for the whole month:
``load_dataset`` (SQL into three data frames), ``compute_kpis`` (every KPI, by lane and by
rule, day by day, the experiments and the shadow comparison) and ``render_report`` (the
charts and the HTML). The process times each phase and reports its peak resident memory
(``VmHWM`` from /proc/self/status: the operating system's high-water mark of the whole
process, Python objects, pandas' buffers and SQLite's cache alike). Interpreter start and
imports are timed apart. One round: a run is minutes long at full size. The machine's load
average before and after is recorded: on a shared machine it says how much CPU the run had.
"""

from __future__ import annotations

import os
import textwrap
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from conftest import measured_commit, run_child

SECONDS = float(os.environ.get("HANDOFF_BENCH_LOAD_SECONDS", "10"))
CONVERSATIONS = int(
    os.environ.get("HANDOFF_BENCH_REPORT_CONVERSATIONS", "1000000" if SECONDS >= 10 else "2000")
)
DAYS = 30
SEED = 14
# The simulator adds follow-up contacts to its first contacts (about 14% more); a little more
# is simulated than asked for and cut to exactly CONVERSATIONS.
FOLLOW_UP_ALLOWANCE = 1.25

# What the timed process runs: the report's path, each phase timed, peak RSS at the end.
CHILD = textwrap.dedent(
    """
    import json, sys, time
    started = time.perf_counter()
    from handoff.desktop.outcomes import load_dataset
    from handoff.outcomes import compute_kpis
    from handoff.outcomes.report import render_report
    imported = time.perf_counter()
    data = load_dataset(sys.argv[1])
    loaded = time.perf_counter()
    report = compute_kpis(data)
    computed = time.perf_counter()
    html = render_report(report, source="the benchmark")
    rendered = time.perf_counter()
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write(html)
    status = open("/proc/self/status").read().split("\\n")
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    print(json.dumps({
        "import_s": imported - started,
        "load_s": loaded - imported,
        "kpis_s": computed - loaded,
        "render_s": rendered - computed,
        "peak_rss_mib": peak / 1024,
        "turns": len(data.turns),
        "handoffs": len(data.handoffs),
        "lines": len(data.lines),
        "conversations": int(report.counts["conversations"]),
        "html_bytes": len(html.encode()),
        "experiments": len(report.experiments),
    }))
    """
)


def recorded(conversations: int, folder: Path) -> tuple[str, dict[str, Any]]:
    """A desktop database holding ``conversations`` simulated conversations; its URL and
    what went into it."""
    from handoff.desktop import Desktop  # noqa: PLC0415
    from handoff.desktop.outcomes import store_dataset  # noqa: PLC0415
    from handoff.outcomes.simulate import simulate  # noqa: PLC0415

    started = time.perf_counter()
    per_day = max(1, round(conversations * FOLLOW_UP_ALLOWANCE / DAYS))
    data, _truth = simulate(days=DAYS, conversations_per_day=per_day, seed=SEED)
    names = data.turns["conversation"].drop_duplicates()
    assert len(names) >= conversations, "simulate more: too few conversations to cut from"
    keep = set(names.iloc[:conversations])
    data = type(data)(
        turns=data.turns[data.turns["conversation"].isin(keep)].reset_index(drop=True),
        handoffs=data.handoffs[data.handoffs["conversation"].isin(keep)].reset_index(drop=True),
        lines=data.lines[data.lines["conversation"].isin(keep)].reset_index(drop=True),
    )
    simulated = time.perf_counter()
    path = folder / "desktop.sqlite"
    url = f"sqlite:///{path}"
    with Desktop(url) as desk:
        desk.upgrade()
    store_dataset(url, data)
    stored = time.perf_counter()
    return url, {
        "simulate_s": simulated - started,
        "store_s": stored - simulated,
        "database_mib": path.stat().st_size / 2**20,
        "stored_turns": len(data.turns),
        "stored_handoffs": len(data.handoffs),
        "stored_lines": len(data.lines),
    }


def bench_report_million(benchmark: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """load_dataset + compute_kpis + render_report over CONVERSATIONS recorded conversations,
    in a fresh process; its phases and peak RSS."""
    benchmark.group = "outcomes report"
    folder = tmp_path_factory.mktemp("report")
    url, setup = recorded(CONVERSATIONS, folder)
    found: dict[str, Any] = {}

    def run() -> None:
        found.update(run_child(["-c", CHILD, url, str(folder / "report.html")]))

    # The commit whose code runs: read before the run, since a long run can outlast HEAD.
    commit = measured_commit()
    benchmark.pedantic(run, rounds=1, iterations=1)
    assert found["conversations"] == CONVERSATIONS
    assert found["turns"] == setup["stored_turns"]
    assert found["handoffs"] == setup["stored_handoffs"]
    assert (folder / "report.html").stat().st_size == found["html_bytes"]
    benchmark.extra_info.update(
        kind="report",
        measured_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        commit=commit,
        cpus=os.cpu_count(),
        days=DAYS,
        seed=SEED,
        **setup,
        **found,
    )
