"""The proof of hot reload (issue 15): two ``handoff-actions`` processes on one PostgreSQL
rules store and one PostgreSQL outbox, a load generator sending Rasa-shaped action requests
to both, and a publish in the middle: zero failed turns, and every decision's
``ruleset_version`` equals the published one from each server's switch on. Then corrupt
publications written straight into the database (a made-up signature, files that do not
match their hash, rules that do not load) are refused by both while the load goes on, and
the published version keeps routing; a server started afterwards routes with it too.

Real processes on 127.0.0.1, nothing mocked. Needs HANDOFF_TEST_POSTGRES_URL (``source
.ci/postgres.sh``); about a minute.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import stop
from tests.governance.hot_reload import (
    KEY,
    ActionServer,
    Load,
    action_servers,
    database,
    forge_publication,
    governed,
    plant_version,
    rules_variant,
    start_server,
    switch_report,
    wait_until_all,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not os.environ.get("HANDOFF_TEST_POSTGRES_URL"),
        reason="set HANDOFF_TEST_POSTGRES_URL (source .ci/postgres.sh) to run it on PostgreSQL",
    ),
]

# Bounded waits (the machine is shared): they fail the test only if something never happens.
WAIT = 120.0


def wait_for(condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not after {timeout} s: {what}")
        time.sleep(0.05)


def answered(load: Load, server: int, since: float = 0.0) -> int:
    return sum(1 for r in list(load.records) if r.server == server and r.sent > since)


def refused(server: ActionServer) -> float:
    return server.metrics().get("handoff_rules_reloads_total{result=refused}", 0.0)


def test_publish_under_load_reaches_both_servers_without_a_failed_turn(tmp_path: Path) -> None:
    with (
        database(tmp_path, "rules") as store_url,
        database(tmp_path, "outbox") as outbox_url,
        governed(store_url) as gov,
    ):
        v1 = gov.release(rules_variant(tmp_path, 1), "first governed version")
        with action_servers(
            2, tmp_path, store_url=store_url, outbox_url=outbox_url, poll=0.5
        ) as servers:
            assert [s.publication_seq() for s in servers] == [v1.seq, v1.seq]
            load = Load([s.url for s in servers]).start()
            try:
                for s in servers:
                    wait_for(lambda s=s: answered(load, s.index) >= 30, "turns before the publish")
                v2 = gov.release(rules_variant(tmp_path, 2), "the asked-for-a-person reason")
                wait_until_all(servers, v2.seq, WAIT)
                switched = time.monotonic()
                for s in servers:
                    wait_for(lambda s=s: answered(load, s.index, switched) >= 30, "turns after it")

                # Corrupt publications, written straight into the database while turns flow,
                # one at a time (a watcher looks at the newest publication only).
                key = KEY.encode()
                altered = dict(rules_variant(tmp_path, 3).files)
                claimed = rules_variant(tmp_path, 4).content_hash
                broken = {"banking.yaml": b"version: 1\nname: banking\nrules: [\n"}
                corruptions: list[Callable[[], int]] = [
                    lambda: forge_publication(gov.store, v1.content_hash, key=None),
                    lambda: forge_publication(
                        gov.store, plant_version(gov.store, altered, claimed_hash=claimed), key=key
                    ),
                    lambda: forge_publication(gov.store, plant_version(gov.store, broken), key=key),
                ]
                for count, corrupt in enumerate(corruptions, start=1):
                    last = corrupt()
                    for s in servers:
                        wait_for(
                            lambda s=s, n=count: refused(s) >= n, f"corruption {count} refused"
                        )
                corrupted = time.monotonic()
                for s in servers:
                    wait_for(
                        lambda s=s: answered(load, s.index, corrupted) >= 30, "turns after them"
                    )
            finally:
                records = load.stop()

            for s in servers:
                metrics = s.metrics()
                assert metrics["handoff_rules_publication_seq{}"] == v2.seq
                assert refused(s) == 3
                info = f"content={v2.content_hash[:12]},source=store,version={v2.ruleset_version}"
                assert metrics[f"handoff_rules_info{{{info}}}"] == 1
                log = s.log.read_text()
                assert log.count("REFUSED") == 3
                assert "rules: [" not in log

            # A server started now (the live publication is the broken one) routes like the
            # others: with the newest publication that verifies and loads.
            late = start_server(
                2, tmp_path / "server-late", store_url=store_url, outbox_url=outbox_url, poll=0.5
            )
            try:
                assert late.publication_seq() == v2.seq < last
            finally:
                stop(late.process)

            # Every payload the servers stored reaches the sinks (either delivery thread).
            handoffs = [r for r in records if r.handoff]

            def delivered() -> dict[str, str]:
                keys: dict[str, str] = {}
                for s in servers:
                    if s.payloads.exists():
                        for line in s.payloads.read_text().splitlines():
                            record = json.loads(line)
                            keys[record["idempotency_key"]] = record["payload"]["ruleset_version"]
                return keys

            wait_for(lambda: len(delivered()) >= len(handoffs), "every payload delivered")
            timings = [s.timing_lines() for s in servers]

    # Zero failed turns: every request answered 200 with a decision.
    assert records
    assert [r for r in records if r.failed] == []
    assert {r.version for r in records} == {v1.ruleset_version, v2.ruleset_version}
    # From each server's switch on (its first answer on v2), every turn sent got v2: no turn
    # routed with the old rules after it, none with a corrupt one ever.
    for s in servers:
        first, stale = switch_report(records, v2.ruleset_version, s.index)
        assert first is not None
        assert stale == []
        mine = [r for r in records if r.server == s.index]
        assert sum(r.sent < first for r in mine) >= 30
        assert sum(r.sent > first for r in mine) >= 60
    # Each server routed exactly the turns answered, with the versions answered.
    for s, lines in zip(servers, timings, strict=True):
        mine = [r for r in records if r.server == s.index]
        assert len(lines) == len(mine)
        assert sorted(line["ruleset_version"] for line in lines) == sorted(
            str(r.version) for r in mine
        )
    # Nothing lost: one delivered payload per handoff, with the version that decided it.
    payloads = delivered()
    assert len(payloads) == len(handoffs) > 0
    assert sorted(payloads.values()) == sorted(str(r.version) for r in handoffs)
