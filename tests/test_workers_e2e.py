"""The production set-up of DEPLOYING.md "Many action servers", end to end on ONE PostgreSQL:
three ``handoff-actions`` processes (started together, each with its delivery thread and
its rules watcher) and two ``handoff desktop serve`` processes share one database: the
governed rules store, the outbox and the desktop's tables. A load of Rasa-shaped
conversations runs against all three servers; midway a new rules version is published.

Proved: no turn fails; every server switches to the new publication and, from its switch
on, routes every turn with it; every handoff answered reaches the desktop exactly once by
idempotency key (no delivery counted twice, none pending or dead) and each such
conversation is in the desktop's queue once.

Real processes on 127.0.0.1, nothing mocked. Needs HANDOFF_TEST_POSTGRES_URL (``source
.ci/postgres.sh``); about a minute.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import ROOT, RULES, always_open_rules, free_port, stop, wait_for
from tests.governance.hot_reload import (
    KEY,
    ActionServer,
    Load,
    database,
    governed,
    rules_variant,
    server_env,
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

WAIT = 120.0
SERVERS = 3
DESKTOPS = 2
WEBHOOK_SECRET = "workers-e2e-webhook-secret-0123"


def wait(condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not after {timeout} s: {what}")
        time.sleep(0.1)


@contextlib.contextmanager
def desktops(folder: Path, url: str) -> Iterator[list[str]]:
    """``DESKTOPS`` desktop processes on ``url``: their base URLs."""
    rules = always_open_rules(RULES / "banking.yaml", folder / "desktop-rules.yaml")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")},
        "HANDOFF_DESKTOP_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "HANDOFF_RULES_KEY": KEY,
        "NO_COLOR": "1",
    }
    processes: list[subprocess.Popen[bytes]] = []
    urls = []
    try:
        for n in range(DESKTOPS):
            port = free_port()
            log = folder / f"desktop-{n}.log"
            command = [sys.executable, "-m", "handoff.cli", "desktop", "serve", "--db", url,
                       "--port", str(port), "--rules", str(rules)]  # fmt: skip
            with log.open("ab") as out:
                processes.append(
                    subprocess.Popen(
                        command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
                    )
                )
            urls.append(f"http://127.0.0.1:{port}")
        for n, base in enumerate(urls):
            wait_for(f"{base}/health", WAIT, folder / f"desktop-{n}.log", processes[n])
        yield urls
    finally:
        for process in processes:
            stop(process, timeout=20)


@contextlib.contextmanager
def fleet(folder: Path, url: str, desks: list[str]) -> Iterator[list[ActionServer]]:
    """``SERVERS`` action servers started at once (racing to create the outbox tables),
    server i delivering to desktop i mod DESKTOPS."""
    started: list[tuple[int, str, subprocess.Popen[bytes], Path]] = []
    try:
        for n in range(SERVERS):
            home = folder / f"server-{n}"
            home.mkdir(parents=True)
            port = free_port()
            env = server_env(home, store_url=url, outbox_url=url, port=port, poll=0.5)
            del env["HANDOFF_JSONL_PATH"]
            env["HANDOFF_WEBHOOK_URL"] = f"{desks[n % len(desks)]}/webhook/payloads"
            env["HANDOFF_WEBHOOK_SECRET"] = WEBHOOK_SECRET
            log = home / "server.log"
            with log.open("ab") as out:
                process = subprocess.Popen(
                    [sys.executable, "-m", "handoff.adapters.server"],
                    cwd=home, env=env, stdout=out, stderr=subprocess.STDOUT,
                )  # fmt: skip
            started.append((port, f"http://127.0.0.1:{port}", process, home))
        servers = []
        for n, (_, base, process, home) in enumerate(started):
            wait_for(f"{base}/health", WAIT, home / "server.log", process)
            servers.append(
                ActionServer(
                    n,
                    base,
                    process,
                    home / "server.log",
                    home / "timings.jsonl",
                    home / "payloads.jsonl",
                )
            )
        yield servers
    finally:
        for _, _, process, _ in started:
            stop(process, timeout=20)


def test_three_servers_and_two_desktops_on_one_postgresql(tmp_path: Path) -> None:
    from handoff.delivery import Outbox  # noqa: PLC0415
    from handoff.desktop.store import Conversation as Conv  # noqa: PLC0415
    from handoff.desktop.store import Delivery  # noqa: PLC0415

    with database(tmp_path, "fleet") as url, governed(url) as gov:
        v1 = gov.release(rules_variant(tmp_path, 1), "first governed version")
        with desktops(tmp_path, url) as desks, fleet(tmp_path, url, desks) as servers:
            assert [s.publication_seq() for s in servers] == [v1.seq] * SERVERS
            load = Load([s.url for s in servers], per_server=3).start()
            try:
                for s in servers:
                    wait(lambda s=s: sum(r.server == s.index for r in list(load.records)) >= 10,
                         f"server {s.index} answered 10 turns")  # fmt: skip
                v2 = gov.release(rules_variant(tmp_path, 2), "second governed version")
                wait_until_all(servers, v2.seq, WAIT)
                after = time.monotonic()
                for s in servers:
                    wait(lambda s=s: sum(r.server == s.index and r.sent > after
                                         for r in list(load.records)) >= 10,
                         f"server {s.index} answered 10 turns after the publish")  # fmt: skip
            finally:
                records = load.stop()
            with Outbox(url, sinks=["webhook"]) as outbox:
                wait(lambda: outbox.stats().pending == 0, "the outbox drained")
                stats = outbox.stats()
        assert [r for r in records if r.failed] == []
        for s in servers:
            first, late = switch_report(records, v2.ruleset_version, s.index)
            assert first is not None, f"server {s.index} never answered with the new version"
            assert late == [], f"server {s.index} routed with the old version after its switch"
        engine = sa.create_engine(url)
        try:
            with engine.connect() as connection:
                outbox_keys = {row[0] for row in connection.execute(
                    sa.text("SELECT key FROM handoff_outbox_messages"))}  # fmt: skip
                received = connection.execute(sa.select(Delivery.key, Delivery.duplicates)).all()
                queued = connection.execute(sa.select(Conv.conversation_id)).scalars().all()
        finally:
            engine.dispose()
    handed_off = {r.conversation for r in records if r.handoff}
    assert handed_off, "the load made no handoff"
    assert (stats.pending, stats.dead, stats.delivered) == (0, 0, len(outbox_keys))
    assert {row.key for row in received} == outbox_keys  # nothing lost on the way
    assert sum(row.duplicates for row in received) == 0  # nothing delivered twice
    assert Counter(queued) == Counter(dict.fromkeys(handed_off, 1))
