"""Hot reload: time from a rules publish to every action server routing with it, and the
turns lost during the switch (target 0).

Set-up (tests/governance/hot_reload.py, shared with the e2e proof): ``SERVERS`` (2)
``handoff-actions`` processes on 127.0.0.1 as deployed (bearer token, signed state, outbox
with a delivery thread and a JSON-lines sink), on one rules store (the desktop database)
and one outbox, both PostgreSQL when HANDOFF_TEST_POSTGRES_URL is set (as in CI), else
SQLite files; ``HANDOFF_RULES_POLL_SECONDS`` at its default, 1. Throughout, a load
generator in the pytest process keeps 3 conversations per server going (Rasa-shaped
action requests, each turn after the previous answer plus 50 ms, slots carried over, a
handoff ends a conversation). ``HANDOFF_BENCH_PUBLISHES`` (default 10) new versions are
then proposed, approved and published one after another (each at a random moment of the
servers' poll cycles), each as the governed store does
it (three people); for each, the clock starts when ``publish`` returns (the publication is
committed) and stops when the slower server swapped its router: the time of the watcher's
"routes now" log line, written right after the swap (millisecond resolution; the servers
and the benchmark share the machine's clock). Before the next publish the benchmark waits
for every server's ``handoff_rules_publication_seq`` metric to show it.

Turns lost = requests that failed (not 200, no decision) + turns sent to a server after
its first answer with the new version that still got another one. Figures go to
``extra_info`` (kind ``publish``), where ``report.py`` reads them; the scenario runs once.
"""

from __future__ import annotations

import os
import random
import re
import statistics
import time
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.governance.hot_reload import (
    Load,
    TurnRecord,
    action_servers,
    database,
    governed,
    rules_variant,
    switch_report,
    wait_until_all,
)

SERVERS = 2
PUBLISHES = int(os.environ.get("HANDOFF_BENCH_PUBLISHES", "10"))
POLL_SECONDS = 1.0
# Turns routed between two publishes, per server, before the next one (bounded wait).
TURNS_BETWEEN = 20
WAIT = 120.0
# The watcher's log line for each version it put live: when (the log's local time, to the
# millisecond), which publication, and the milliseconds the switch took.
APPLIED = re.compile(
    r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{3}) INFO handoff\.rules\.watch rules "
    r"publication #(\d+) .* routes now: .*; took (\d+) ms$",
    re.MULTILINE,
)


def _applied(log: str) -> dict[int, tuple[float, float]]:
    """Publication number -> (unix time it went live, milliseconds the switch took)."""
    out = {}
    for stamp, millis, seq, took in APPLIED.findall(log):
        when = time.mktime(time.strptime(stamp, "%Y-%m-%d %H:%M:%S")) + int(millis) / 1000
        out[int(seq)] = (when, float(took))
    return out


def _wait_turns(load: Load, servers: int, since: float) -> None:
    deadline = time.monotonic() + WAIT
    while any(
        sum(1 for r in list(load.records) if r.server == s and r.sent > since) < TURNS_BETWEEN
        for s in range(servers)
    ):
        assert time.monotonic() < deadline, "the load stopped answering"
        time.sleep(0.05)


def _stale(records: list[TurnRecord], version: str, server: int, until: float) -> int:
    """Turns sent to ``server`` after its first answer on ``version`` and before ``until``
    (the next publish) that another version answered."""
    window = [r for r in records if r.sent < until]
    _, stale = switch_report(window, version, server)
    return len(stale)


@pytest.mark.server
def bench_publish_to_every_server(benchmark: Any, tmp_path: Path) -> None:
    """Repeated publishes under load: seconds to every server on the new version."""
    benchmark.group = "publish"
    figures: dict[str, Any] = {}
    applied: list[float] = []

    def scenario() -> None:
        figures["load_before"] = round(os.getloadavg()[0], 1)
        with (
            database(tmp_path, "rules") as store_url,
            database(tmp_path, "outbox") as outbox_url,
            governed(store_url) as gov,
        ):
            figures["database"] = sa.make_url(store_url).get_backend_name()
            gov.release(rules_variant(tmp_path, 0), "the starting version")
            with action_servers(
                SERVERS, tmp_path, store_url=store_url, outbox_url=outbox_url, poll=POLL_SECONDS
            ) as servers:
                load = Load([s.url for s in servers]).start()
                calls: list[float] = []
                published: list[tuple[str, float]] = []  # (version, when publish returned)
                commits: dict[int, float] = {}  # seq -> unix time publish returned
                try:
                    _wait_turns(load, SERVERS, 0.0)
                    rng = random.Random(15)
                    for n in range(1, PUBLISHES + 1):
                        # At a random moment of the servers' poll cycles: waiting for the
                        # last switch would otherwise lock each publish to the same phase.
                        time.sleep(rng.uniform(0, POLL_SECONDS))
                        bundle = rules_variant(tmp_path, n)
                        proposal = gov.store.propose(bundle, author=gov.designer, title=f"v{n}")
                        gov.store.approve(proposal.content_hash, approver=gov.approver)
                        called = time.perf_counter()
                        publication = gov.store.publish(
                            proposal.content_hash, actor=gov.admin, reason=f"v{n}"
                        )
                        calls.append(time.perf_counter() - called)
                        commits[publication.seq] = time.time()
                        published.append((publication.ruleset_version, time.monotonic()))
                        wait_until_all(servers, publication.seq, WAIT)
                        _wait_turns(load, SERVERS, time.monotonic())
                finally:
                    records = load.stop()
                logs = [_applied(server.log.read_text()) for server in servers]
        # From each publish to the moment the slower server's router was swapped (its log).
        switches = [max(log[seq][0] for log in logs) - at for seq, at in commits.items()]
        applied.extend(log[seq][1] for log in logs for seq in commits)
        failed = sum(r.failed for r in records)
        stale = 0
        for index, (version, _) in enumerate(published):
            until = published[index + 1][1] if index + 1 < len(published) else float("inf")
            stale += sum(_stale(records, version, s, until) for s in range(SERVERS))
        figures.update(
            servers=SERVERS,
            publishes=len(switches),
            poll_seconds=POLL_SECONDS,
            p50_s=round(statistics.median(switches), 3),
            max_s=round(max(switches), 3),
            min_s=round(min(switches), 3),
            publish_call_p50_s=round(statistics.median(calls), 3),
            # The switches' own work on the watcher's thread: read, verify, build, warm, swap.
            apply_ms_p50=round(statistics.median(applied)),
            apply_ms_max=round(max(applied)),
            turns=len(records),
            failed=failed,
            stale=stale,
            turns_lost=failed + stale,
            # The machine's 1-minute load average before and after (2 cores, shared).
            load_after=round(os.getloadavg()[0], 1),
        )

    benchmark.pedantic(scenario, rounds=1, iterations=1)
    benchmark.extra_info.update(kind="publish", **figures)
    assert figures["turns_lost"] == 0, figures
