"""report.py's "Many action servers" section renders bench_workers.py's figures, computed
from the results (no typed-in number), and says "not measured" without them."""

from __future__ import annotations

import copy
import re
from typing import Any

from tests.test_benchmark_report import report


def _info(workers: int, delivery: str, throughput: float, server_ms: float) -> dict[str, Any]:
    cpu = {"servers": server_ms, "pg_backends": 0.25, "pg_background": 0.05, "generator": 0.3}
    if delivery == "separate":
        cpu["delivery"] = 0.4
    return {
        "kind": "workers",
        "workers": workers,
        "delivery": delivery,
        "route_threads": 4,
        "connections": 32,
        "seconds": 10.0,
        "cores": 2,
        "saturation": {"throughput": throughput, "p50_ms": 50.0, "p99_ms": 150.0, "errors": 0},
        "open_loop": {"rate": 150.0, "p50_ms": 3.0, "p99_ms": 12.0, "errors": 0},
        "cpu_ms_per_turn": cpu,
        "pg_commits_per_turn": 2.5,
        "pg_connections": 5 * workers,
        "machine_busy_cores": 1.9,
        "load_before": 1.5,
        "load_after": 2.5,
        "handoffs_answered": 1000,
        "lost": 0,
        "sink_duplicates": 0,
    }


def _benches(infos: list[dict[str, Any]]) -> list[Any]:
    return [
        report.Bench(
            f"bench_workers[{i['workers']}-{i['delivery']}]",
            "workers",
            i,
            1.0,
            1.0,
            1.0,
            0.0,
            1,
            None,
        )
        for i in infos
    ]


INFOS = [
    _info(1, "thread", 480.0, 2.0),
    _info(2, "thread", 700.0, 2.2),
    _info(4, "thread", 650.0, 2.5),
    _info(2, "separate", 690.0, 2.1),
]


def test_without_results_the_section_says_not_measured() -> None:
    text = "\n".join(report.workers([]))
    assert "## Many action servers on one PostgreSQL" in text
    assert "not measured in this run" in text


def test_the_estimate_is_the_arithmetic_of_the_measurements() -> None:
    text = "\n".join(report.workers(_benches(INFOS)))
    # 8 cores: min(8 times 480, 8 / (2.5 + 0.30) ms) = min(3840, 2857) = 2857; 2.5 commits/turn.
    assert "| 8 | 8 | 8 × 480/s = 3840/s | 8 ÷ (2.50 + 0.30) ms = 2857/s | 2857 | 7143 |" in text
    rows = re.findall(r"^\| (\d) \| (thread|separate) \| (\d+) \|", text, re.MULTILINE)
    assert rows == [("1", "thread", "480"), ("2", "thread", "700"), ("4", "thread", "650"),
                    ("2", "separate", "690")]  # fmt: skip
    assert "a separate delivery process 2.50 ms (servers 2.10 + delivery 0.40)" in text


def test_every_figure_follows_the_results() -> None:
    """Scale every measurement: no number of the section survives (none is typed in)."""
    before = "\n".join(report.workers(_benches(INFOS)))
    changed = copy.deepcopy(INFOS)
    for info in changed:
        info["saturation"] = {
            k: v * 1.37 if isinstance(v, float) else v for k, v in info["saturation"].items()
        }
        info["open_loop"] = {k: v * 1.37 for k, v in info["open_loop"].items()}
        info["cpu_ms_per_turn"] = {k: v * 1.37 for k, v in info["cpu_ms_per_turn"].items()}
        for key in ("pg_commits_per_turn", "machine_busy_cores", "load_before", "load_after"):
            info[key] *= 1.37
    after = "\n".join(report.workers(_benches(changed)))
    before = before.replace("Rasa 3.6", "Rasa")  # the version of the captured request
    figures = set(re.findall(r"\d+\.\d+", before))
    assert figures
    assert not figures & set(re.findall(r"\d+\.\d+", after))
