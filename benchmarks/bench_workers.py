"""Many action servers on one PostgreSQL: throughput and p99 at 1, 2 and 4 workers.

Set-up (the documented production shape, DEPLOYING.md "Many action servers"): N
``handoff-actions`` processes on 127.0.0.1, one port each, as deployed (bearer token,
signed state, 4 routing threads), sharing ONE outbox database on PostgreSQL; each delivers
with its own delivery thread (``HANDOFF_DELIVERY=thread``) to a JSON-lines sink of its own.
The variant ``separate`` runs the servers with ``HANDOFF_DELIVERY=off`` and one
``python -m handoff.delivery run`` process instead. The load generator stands in for the
load balancer: connection i talks to server i mod N (a balancer would cost CPU of its own
on this machine).

Every request is a Rasa 3.6 action call (bench_server's captured request) with a FRESH
message and a sender of its own (half the turns hand off: payload, outbox write,
delivery). Two loads per N, each ``HANDOFF_BENCH_LOAD_SECONDS`` long (default 10):

- **open loop** at ``HANDOFF_BENCH_WORKERS_RATE`` requests/s (default 150), the same for
  every N: request i is due at start + i/rate and its latency counts from then
  (bench_server's generator, spread over the servers): p50/p99 at one fixed load;
- **saturation** (closed loop): ``CONNECTIONS`` (32) keep-alive connections, each sending
  its next request as soon as the previous one is answered. Throughput = answered requests
  ÷ seconds; p99 here is mostly queueing (Little's law: 32 ÷ throughput).

Afterwards the outbox must drain (pending 0) and nothing may be lost or duplicated, by
idempotency key: the outbox holds exactly one message per handoff answered (each sender is
a conversation of its own; a handoff answer carries a pause event), every outbox key is in
the sinks, and no key is in them twice. Requests that failed (not 200) are errors: 0 expected.

During the saturation run the benchmark records CPU seconds (user + system, psutil) of the
servers (and the separate delivery process), of PostgreSQL (backends of the benchmark's
database, plus the server's own background processes: WAL writer, checkpointer...), of
the load generator (this process) and of the whole machine, each per answered turn, and
the machine's load average, and PostgreSQL's commits per turn (pg_stat_database; its
statistics lag up to a second per connection: approximate). ``extra_info`` (kind
``workers``) carries them; ``report.py`` (``workers``) renders the section and its
estimate for a bigger machine, with the arithmetic.

Needs PostgreSQL: ``HANDOFF_BENCH_POSTGRES_URL`` or ``HANDOFF_TEST_POSTGRES_URL`` (``source
.ci/postgres.sh``): an administrative URL; each case creates a database of its own and
drops it. Without either the benchmark is skipped, saying so.

Full size, alone on an idle machine (about 4 minutes), then into the report::

    HANDOFF_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:54329/postgres \\
        .venv/bin/pytest benchmarks/bench_workers.py --benchmark-json=/tmp/workers.json
    .venv/bin/python benchmarks/report.py --add /tmp/workers.json

CI mode (``HANDOFF_BENCH_LOAD_SECONDS=1 … --benchmark-disable``): 1 s loads, the
``separate`` variant left out.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]
import pytest
import sqlalchemy as sa
from bench_server import CAPTURED, MESSAGES, TOKEN, _post, action_request, fresh_message
from conftest import REPO

from tests.conftest import free_port, stop, wait_for

SECONDS = float(os.environ.get("HANDOFF_BENCH_LOAD_SECONDS", "10"))
RATE = float(os.environ.get("HANDOFF_BENCH_WORKERS_RATE", "150"))
CONNECTIONS = 32
ROUTE_THREADS = 4
# Fresh request bodies made before a saturation run (5 kB each, 0.2 ms to make): enough for
# this many answered requests per second; a run that uses them up ends early, said so.
MAX_RATE = 1500
DRAIN_SECONDS = 60.0
ADMIN_URL = os.environ.get("HANDOFF_BENCH_POSTGRES_URL") or os.environ.get(
    "HANDOFF_TEST_POSTGRES_URL"
)
CASES = [(1, "thread"), (2, "thread"), (4, "thread")]
if SECONDS >= 5:
    CASES.append((2, "separate"))

pytestmark = pytest.mark.skipif(
    not ADMIN_URL,
    reason="needs PostgreSQL: set HANDOFF_BENCH_POSTGRES_URL or HANDOFF_TEST_POSTGRES_URL "
    "(source .ci/postgres.sh)",
)


# ------------------------------------------------------------------------------ set-up


@contextlib.contextmanager
def fresh_database() -> Iterator[tuple[str, str]]:
    """A new database on the PostgreSQL server: (its URL, its name); dropped at the end."""
    assert ADMIN_URL is not None
    name = f"handoff_bench_workers_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
        yield sa.make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False), name
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@dataclass
class Fleet:
    """The running processes of one case."""

    urls: list[str]
    servers: list[psutil.Process]
    delivery: list[psutil.Process]
    sinks: list[Path]


def _env(port: int, outbox: str, sink: Path, delivery: str) -> dict[str, str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")},
        "HANDOFF_PORT": str(port),
        "HANDOFF_ACTION_TOKEN": TOKEN,
        "HANDOFF_STATE_SECRET": "bench-state-secret",
        "HANDOFF_PSEUDONYM_KEY": "bench-pseudonym-key",
        "HANDOFF_RULES": str(REPO / "rules" / "default.yaml"),
        "HANDOFF_ROUTE_THREADS": str(ROUTE_THREADS),
        "HANDOFF_OUTBOX_URL": outbox,
        "HANDOFF_DELIVERY": delivery,
    }
    # With HANDOFF_DELIVERY=off the sink is named only so the outbox queues rows for it.
    env["HANDOFF_JSONL_PATH"] = str(sink)
    return env


@contextlib.contextmanager
def fleet(folder: Path, outbox: str, workers: int, delivery: str) -> Iterator[Fleet]:
    """``workers`` servers started together (they race to create the outbox's tables, as a
    fleet rolling out does), plus the separate delivery process for ``separate``."""
    processes: list[subprocess.Popen[bytes]] = []
    logs = []
    urls, sinks = [], []
    try:
        for n in range(workers):
            port = free_port()
            sink = folder / f"sink-{n}.jsonl"
            mode = "thread" if delivery == "thread" else "off"
            log = (folder / f"server-{n}.log").open("wb")
            logs.append(log)
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "handoff.adapters.server"],
                    cwd=folder,
                    env=_env(port, outbox, sink, mode),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
            sinks.append(sink)
        for n, url in enumerate(urls):
            wait_for(f"{url}/health", 120, folder / f"server-{n}.log", processes[n])
        delivery_processes = []
        if delivery == "separate":
            sink = folder / "sink-delivery.jsonl"
            log = (folder / "delivery.log").open("wb")
            logs.append(log)
            command = [sys.executable, "-m", "handoff.delivery", "run", "--poll", "0.05"]
            env = {k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")}
            env["HANDOFF_OUTBOX_URL"], env["HANDOFF_JSONL_PATH"] = outbox, str(sink)
            worker = subprocess.Popen(command, cwd=folder, env=env, stdout=log,
                                      stderr=subprocess.STDOUT)  # fmt: skip
            processes.append(worker)
            delivery_processes.append(psutil.Process(worker.pid))
            sinks = [sink]
        servers = [psutil.Process(p.pid) for p in processes[:workers]]
        yield Fleet(urls, servers, delivery_processes, sinks)
    finally:
        for process in processes:
            stop(process, timeout=20)
        for log in logs:
            log.close()


# ------------------------------------------------------------------------------ load


@dataclass
class Answers:
    """What one load got back."""

    latencies: list[float]
    errors: Counter[str]
    handoffs: set[str]  # senders whose answer handed off (a pause event)
    elapsed: float
    requests: int
    used_up: bool = False  # the saturation run ran out of fresh bodies and ended early

    def summary(self) -> dict[str, Any]:
        lat = sorted(self.latencies)

        def pct(q: float) -> float | None:
            return lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else None

        return {
            "requests": self.requests,
            "bodies_used_up": self.used_up,
            "ok": len(lat),
            "errors": sum(self.errors.values()),
            "error_kinds": dict(self.errors),
            "handoffs": len(self.handoffs),
            "seconds": self.elapsed,
            "throughput": len(lat) / self.elapsed if self.elapsed else 0.0,
            "p50_ms": pct(0.50),
            "p90_ms": pct(0.90),
            "p99_ms": pct(0.99),
            "max_ms": lat[-1] * 1000 if lat else None,
            "mean_ms": statistics.fmean(lat) * 1000 if lat else None,
        }


def _head(url: str) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    return (
        f"POST /webhook HTTP/1.1\r\nHost: {host}:{port}\r\nAuthorization: Bearer {TOKEN}\r\n"
        "Content-Type: application/json\r\nContent-Length: "
    ).encode()


def _handed_off(answer: bytes) -> bool:
    if b'"pause"' not in answer:  # cheap first: the generator shares the machine
        return False
    events = json.loads(answer).get("events") or []
    return any(event.get("event") == "pause" for event in events)


async def _connection(
    url: str,
    queue: asyncio.Queue[tuple[float, str, bytes] | None],
    answers: Answers,
    closed: bool,
) -> None:
    """One keep-alive connection: take (due, sender, body) items until None. In a closed
    loop (``closed``) latency counts from the send, else from when the request was due."""
    host, port = url.removeprefix("http://").split(":")
    head = _head(url)
    reader, writer = await asyncio.open_connection(host, int(port))
    try:
        while (item := await queue.get()) is not None:
            due, sender, body = item
            sent = time.perf_counter() if closed else due
            try:
                status, answer = await _post(reader, writer, head, body)
            except (OSError, asyncio.IncompleteReadError, ValueError) as failure:
                answers.errors[type(failure).__name__] += 1
                writer.close()
                reader, writer = await asyncio.open_connection(host, int(port))
            else:
                if status != 200 or b'"events"' not in answer:
                    answers.errors[f"HTTP {status}"] += 1
                else:
                    answers.latencies.append(time.perf_counter() - sent)
                    if _handed_off(answer):
                        answers.handoffs.add(sender)
            queue.task_done()
    finally:
        writer.close()


async def open_loop(urls: list[str], bodies: list[tuple[str, bytes]], rate: float) -> Answers:
    """Send ``bodies`` at ``rate``/s whether or not earlier ones were answered; request i
    goes to the servers in turn (over CONNECTIONS connections spread over them)."""
    answers = Answers([], Counter(), set(), 0.0, len(bodies))
    per_url = max(1, CONNECTIONS // len(urls))
    queues: list[asyncio.Queue[tuple[float, str, bytes] | None]] = [asyncio.Queue() for _ in urls]
    tasks = [
        asyncio.create_task(_connection(url, queue, answers, closed=False))
        for url, queue in zip(urls, queues, strict=True)
        for _ in range(per_url)
    ]
    start = time.perf_counter()
    for i, (sender, body) in enumerate(bodies):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        queues[i % len(urls)].put_nowait((due, sender, body))
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(
            asyncio.gather(*(queue.join() for queue in queues)), timeout=DRAIN_SECONDS
        )
    answers.elapsed = time.perf_counter() - start
    for queue in queues:
        for _ in range(per_url):
            queue.put_nowait(None)
    unfinished = len(bodies) - len(answers.latencies) - sum(answers.errors.values())
    if unfinished:
        answers.errors["unfinished"] += unfinished
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return answers


async def saturate(urls: list[str], bodies: list[tuple[str, bytes]], seconds: float) -> Answers:
    """Closed loop: CONNECTIONS connections (connection i to server i mod N), each sending
    the next fresh body as soon as its previous one is answered, for ``seconds``."""
    answers = Answers([], Counter(), set(), 0.0, 0)
    source = iter(bodies)
    deadline = time.perf_counter() + seconds
    sent = 0

    async def one(url: str) -> None:
        nonlocal sent
        host, port = url.removeprefix("http://").split(":")
        head = _head(url)
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while time.perf_counter() < deadline:
                item = next(source, None)
                if item is None:
                    answers.used_up = True
                    return
                sender, body = item
                sent += 1
                started = time.perf_counter()
                try:
                    status, answer = await _post(reader, writer, head, body)
                except (OSError, asyncio.IncompleteReadError, ValueError) as failure:
                    answers.errors[type(failure).__name__] += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                    continue
                if status != 200 or b'"events"' not in answer:
                    answers.errors[f"HTTP {status}"] += 1
                    continue
                answers.latencies.append(time.perf_counter() - started)
                if _handed_off(answer):
                    answers.handoffs.add(sender)
        finally:
            writer.close()

    start = time.perf_counter()
    await asyncio.gather(*(one(urls[i % len(urls)]) for i in range(CONNECTIONS)))
    answers.elapsed = time.perf_counter() - start
    answers.requests = sent
    return answers


def make_bodies(prefix: str, count: int) -> list[tuple[str, bytes]]:
    """``count`` (sender, request) pairs, each a fresh message from a sender of its own."""
    template = json.loads(CAPTURED.read_text())
    rng = random.Random(prefix)
    out = []
    for i in range(count):
        sender = f"{prefix}-{i}"
        out.append((sender, action_request(template, sender, *fresh_message(rng, i))))
    return out


# ------------------------------------------------------------------------------ CPU


class CpuMeter:
    """CPU seconds (user + system) of the servers, the delivery process, PostgreSQL (this
    database's backends; the server's background processes apart) and this process,
    sampled every 0.2 s so that short-lived backends are counted too."""

    def __init__(self, fleet: Fleet, database: str) -> None:
        self.fleet = fleet
        self.database = database
        self._seen: dict[tuple[str, int], float] = {}
        self._first: dict[tuple[str, int], float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self.connections = 0  # most backends of this database seen at once

    @staticmethod
    def _cpu(process: psutil.Process) -> float | None:
        try:
            times = process.cpu_times()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return None
        return float(times.user + times.system)

    def _postgres(self) -> Iterator[tuple[str, psutil.Process]]:
        for process in psutil.process_iter(["name", "cmdline"]):
            try:
                name = process.info["name"] or ""
                line = " ".join(process.info["cmdline"] or [])
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            if name != "postgres" and not line.startswith("postgres"):
                continue
            parts = line.split()
            # Backends show "postgres: USER DATABASE HOST(PORT) STATE".
            if len(parts) >= 4 and parts[0] == "postgres:" and "(" in parts[3]:
                if parts[2] == self.database:
                    yield "pg_backends", process
            elif len(parts) >= 2 and parts[0] == "postgres:":
                yield "pg_background", process

    def _sample(self) -> None:
        groups: list[tuple[str, psutil.Process]] = [
            *(("servers", p) for p in self.fleet.servers),
            *(("delivery", p) for p in self.fleet.delivery),
            ("generator", psutil.Process()),
            *self._postgres(),
        ]
        backends = sum(1 for group, _ in groups if group == "pg_backends")
        self.connections = max(self.connections, backends)
        for group, process in groups:
            cpu = self._cpu(process)
            if cpu is None:
                continue
            key = (group, process.pid)
            # A process there at the start counts from then; one born later (a new pool
            # connection's backend), its whole life.
            self._first.setdefault(key, 0.0 if self._started else cpu)
            self._seen[key] = cpu

    def _poll(self) -> None:
        while not self._stop.wait(0.2):
            self._sample()

    def __enter__(self) -> CpuMeter:
        self._started = False
        self._sample()  # the processes there before the run: count from now
        self._started = True
        self.machine = psutil.cpu_times()
        self.load_before = os.getloadavg()[0]
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()
        now = psutil.cpu_times()
        self.load_after = os.getloadavg()[0]
        busy = ("user", "nice", "system", "irq", "softirq", "steal")
        self.machine_busy = sum(getattr(now, f) - getattr(self.machine, f) for f in busy)

    def seconds(self) -> dict[str, float]:
        """CPU seconds used during the run, by group."""
        out: dict[str, float] = {}
        for (group, pid), last in self._seen.items():
            out[group] = out.get(group, 0.0) + last - self._first.get((group, pid), 0.0)
        return out


# ------------------------------------------------------------------------------ check


def _sink_keys(sinks: list[Path]) -> Counter[str]:
    return Counter(
        json.loads(line)["idempotency_key"]
        for path in sinks
        if path.exists()
        for line in path.read_text(encoding="utf-8").splitlines()
    )


def _outbox(url: str) -> tuple[set[str], int, int]:
    """(message keys, pending deliveries, dead deliveries) in the outbox."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            keys = {row[0] for row in connection.execute(sa.text(
                "SELECT key FROM handoff_outbox_messages"))}  # fmt: skip
            states: dict[str, str] = dict(
                connection.execute(
                    sa.text(
                        "SELECT status, count(*) FROM handoff_outbox_deliveries GROUP BY status"
                    )
                ).all()
            )
    finally:
        engine.dispose()
    return keys, int(states.get("pending", 0)), int(states.get("dead", 0))


def commits(url: str) -> int:
    """Transactions committed in this database so far (pg_stat_database; the statistics
    collector lags by up to half a second: read it after a pause)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(sa.text(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"
            )).scalar_one())  # fmt: skip
    finally:
        engine.dispose()


def _conversations(sinks: list[Path]) -> set[str]:
    return {
        json.loads(line)["payload"]["conversation_id"]
        for path in sinks
        if path.exists()
        for line in path.read_text(encoding="utf-8").splitlines()
    }


# ------------------------------------------------------------------------------ benchmark


@pytest.mark.server
@pytest.mark.parametrize(("workers", "delivery"), CASES, ids=[f"{w}-{d}" for w, d in CASES])
def bench_workers(
    benchmark: Any, tmp_path_factory: pytest.TempPathFactory, workers: int, delivery: str
) -> None:
    benchmark.group = "workers"
    folder = tmp_path_factory.mktemp(f"workers-{workers}-{delivery}")
    prefix = f"w{workers}{delivery[0]}"
    open_bodies = make_bodies(f"{prefix}-open", int(RATE * SECONDS))
    saturation_bodies = make_bodies(f"{prefix}-sat", int(MAX_RATE * SECONDS))
    template = json.loads(CAPTURED.read_text())
    with fresh_database() as (url, name), fleet(folder, url, workers, delivery) as running:
        warm = [
            (f"warm-{i}", action_request(template, f"warm-{i}", *MESSAGES[i % 4]))
            for i in range(20 * workers)
        ]
        asyncio.run(open_loop(running.urls, warm, 40))
        fixed = asyncio.run(open_loop(running.urls, open_bodies, RATE))
        result: dict[str, Any] = {}

        time.sleep(1.0)  # let the open loop's deliveries finish before counting commits
        committed_before = commits(url)

        def run() -> None:
            with CpuMeter(running, name) as meter:
                result["answers"] = asyncio.run(saturate(running.urls, saturation_bodies, SECONDS))
            result["meter"] = meter

        benchmark.pedantic(run, rounds=1, iterations=1)
        saturated: Answers = result["answers"]
        meter: CpuMeter = result["meter"]
        # Nothing lost, nothing twice: every handoff answered is in the outbox once and
        # reaches the sinks once.
        deadline = time.monotonic() + DRAIN_SECONDS
        keys, pending, dead = _outbox(url)
        while pending and time.monotonic() < deadline:
            time.sleep(0.2)
            keys, pending, dead = _outbox(url)
        time.sleep(1.0)  # the last delivery's line is written before its row is marked
        committed = commits(url) - committed_before
        sent = _sink_keys(running.sinks)
        delivered_conversations = _conversations(running.sinks)
    handed_off = fixed.handoffs | saturated.handoffs
    warm_handoffs = len(keys) - len(handed_off)
    lost_in_outbox = len(handed_off - delivered_conversations)
    summary = saturated.summary()
    open_summary = fixed.summary()
    cpu = meter.seconds()
    turns = max(1, summary["ok"])
    per_turn = {group: seconds / turns for group, seconds in cpu.items()}
    figures = {
        "kind": "workers",
        "workers": workers,
        "delivery": delivery,
        "route_threads": ROUTE_THREADS,
        "connections": CONNECTIONS,
        "seconds": SECONDS,
        "database": "postgresql",
        "cores": psutil.cpu_count(),
        "saturation": summary,
        "open_loop": {**open_summary, "rate": RATE},
        "cpu_seconds": cpu,
        "cpu_ms_per_turn": {group: value * 1000 for group, value in per_turn.items()},
        "pg_connections": meter.connections,
        "pg_commits": committed,
        "pg_commits_per_turn": committed / turns,
        "machine_busy_cores": meter.machine_busy / summary["seconds"],
        "load_before": round(meter.load_before, 2),
        "load_after": round(meter.load_after, 2),
        "outbox_keys": len(keys),
        "handoffs_answered": len(handed_off),
        "warm_up_handoffs": warm_handoffs,
        "sink_keys": len(sent),
        "sink_duplicates": sum(count - 1 for count in sent.values() if count > 1),
        "lost": len(keys - set(sent)) + lost_in_outbox,
        "pending_after_drain": pending,
        "dead": dead,
    }
    benchmark.extra_info.update(figures)
    assert summary["errors"] == 0, summary["error_kinds"]
    assert open_summary["errors"] == 0, open_summary["error_kinds"]
    assert figures["lost"] == 0
    assert (pending, dead) == (0, 0)
    assert figures["sink_duplicates"] == 0
    assert set(sent) == keys
