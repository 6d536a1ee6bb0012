"""The action server under load: real Rasa action requests at fixed rates, on loopback.

Load tool: an open-loop generator on asyncio streams with 64 keep-alive connections (no
extra binary to install; wrk is closed-loop and would hide queueing; httpx's pool costs
the generator too much CPU once requests queue up, on a 2-core machine shared with the
server). Request i is due at ``start + i/rate``
whether or not earlier ones have answered, and its latency is measured from when it was
due, so a server that falls behind shows it in p99 instead of slowing the generator down
(coordinated omission). Each rate runs for a fixed time and the whole test stops by itself.

The server is ``handoff-actions`` (``python -m handoff.adapters.server``) as deployed: bearer
token, signed state, routing in its thread pool. Every request carries a FRESH message, never
seen before in the run (templates filled with random words, amounts and references), so the
text analysis is measured cold as in production, not served from its caches. The memory
benchmark routes ``HANDOFF_BENCH_MEMORY_MESSAGES`` distinct messages (default 100,000;
2,000 when ``HANDOFF_BENCH_LOAD_SECONDS`` is under 10, as in CI) and records the server's RSS.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO

from tests.conftest import free_port, stop, wait_for

RATES = (50, 100, 200, 500)
SECONDS = float(os.environ.get("HANDOFF_BENCH_LOAD_SECONDS", "10"))
MEMORY_MESSAGES = int(
    os.environ.get("HANDOFF_BENCH_MEMORY_MESSAGES", "100000" if SECONDS >= 10 else "2000")
)
MEMORY_RATE = 250
TOKEN = "bench-action-token"
DRAIN_SECONDS = 10.0
CONNECTIONS = 64
CAPTURED = REPO / "tests" / "data" / "rasa" / "captured_action_request_rasa3.6.21.json"

# (text, intent): half the turns stay with the bot, half hand off (payload + outbox write).
# The report's profile uses these four; the load uses fresh_message() built on them.
MESSAGES = (
    ("hello there", "greet"),
    ("what's my balance on the savings account?", "check_balance"),
    ("I want to talk to a human", "request_human"),
    ("this is the third time I'm asking, nobody helps me!!", "complain"),
)


_VOCABULARY = (
    "account card payment transfer savings loan app login password statement fee refund "
    "branch mortgage limit overdraft salary invoice merchant balance pending declined "
    "yesterday today morning again still please urgent help why when how"
)
WORDS = tuple(_VOCABULARY.split())
TEMPLATES = (
    ("hello there, {w1} {w2}", "greet"),
    ("what's my balance on the {w1} account ending {n4}?", "check_balance"),
    ("I want to talk to a human about my {w1} {w2}, reference {n6}", "request_human"),
    ("this is the {n1}th time I'm asking about the {w1} of {amount}, nobody helps!!",
     "complain"),
)  # fmt: skip


def fresh_message(rng: random.Random, i: int) -> tuple[str, str]:
    """Message ``i``: a template filled so that no two messages of a run are the same."""
    template, intent = TEMPLATES[i % len(TEMPLATES)]
    text = template.format(
        w1=rng.choice(WORDS), w2=rng.choice(WORDS), n1=rng.randint(2, 9),
        n4=f"{rng.randint(0, 9999):04d}", n6=f"{i:06d}{rng.randint(0, 999):03d}",
        amount=f"£{rng.randint(1, 99999) / 100:.2f}",
    )  # fmt: skip
    return f"{text} #{i}", intent


def action_request(template: dict[str, Any], sender: str, text: str, intent: str) -> bytes:
    """The captured Rasa 3.6.21 request, re-addressed to our action with a new last message."""
    body = copy.deepcopy(template)
    body["next_action"] = "action_handoff_route"
    body["sender_id"] = body["tracker"]["sender_id"] = sender
    parse = {**body["tracker"]["latest_message"], "text": text}
    parse["intent"] = {"name": intent, "confidence": 0.93}
    body["tracker"]["latest_message"] = parse
    last_user = next(e for e in reversed(body["tracker"]["events"]) if e["event"] == "user")
    last_user["text"], last_user["parse_data"] = text, parse
    return json.dumps(body).encode()


# What the action server does with a handoff's payload, from all of it to none of it: the
# documented set-up (outbox + delivery thread + JSONL sink), the outbox written but delivered
# elsewhere (HANDOFF_DELIVERY=off), and no sink at all (no outbox; payloads built, not kept).
SETUPS: dict[str, dict[str, str]] = {
    "outbox_and_delivery": {},
    "outbox_only": {"HANDOFF_DELIVERY": "off"},
    "no_outbox": {"HANDOFF_DEV_NO_DELIVERY": "1"},
}
SPLIT_RATE = 200


@contextlib.contextmanager
def serve(folder: Path, setup: str) -> Iterator[tuple[str, int]]:
    """``handoff-actions`` on 127.0.0.1, set up as documented for ``setup``: (url, pid)."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")},
        "HANDOFF_PORT": str(port),
        "HANDOFF_ACTION_TOKEN": TOKEN,
        "HANDOFF_STATE_SECRET": "bench-state-secret",
        "HANDOFF_RULES": str(REPO / "rules" / "default.yaml"),
        **SETUPS[setup],
    }
    if setup != "no_outbox":
        env["HANDOFF_JSONL_PATH"] = str(folder / "payloads.jsonl")
        env["HANDOFF_OUTBOX_URL"] = f"sqlite:///{folder / 'outbox.db'}"
    log = (folder / "server.log").open("w")
    command = [sys.executable, "-m", "handoff.adapters.server"]
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/health", 60, folder / "server.log", process)
        yield url, process.pid
    finally:
        stop(process, timeout=10)
        log.close()


def rss_mib(pid: int) -> float:
    """Resident memory of a process now, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The documented set-up: outbox, delivery thread, JSONL sink."""
    with serve(tmp_path_factory.mktemp("server"), "outbox_and_delivery") as (url, _):
        yield url


async def _post(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, head: bytes, body: bytes
) -> tuple[int, bytes]:
    """One HTTP/1.1 keep-alive request on an open connection: (status, body)."""
    writer.write(head + str(len(body)).encode() + b"\r\n\r\n" + body)
    await writer.drain()
    header = await reader.readuntil(b"\r\n\r\n")
    status = int(header.split(b" ", 2)[1])
    length = 0
    for line in header.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


async def _load(url: str, bodies: list[bytes], rate: float) -> dict[str, Any]:
    """Send ``bodies`` open-loop at ``rate``; CONNECTIONS keep-alive connections take turns.

    A tiny HTTP/1.1 client on asyncio streams: httpx's pool costs the generator milliseconds
    of CPU per request once hundreds are outstanding, which starves the server it measures.
    """
    host, port = url.removeprefix("http://").split(":")
    head = (
        f"POST /webhook HTTP/1.1\r\nHost: {host}:{port}\r\n"
        f"Authorization: Bearer {TOKEN}\r\n"
        "Content-Type: application/json\r\nContent-Length: "
    ).encode()
    latencies: list[float] = []
    errors: dict[str, int] = {}
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

    def error(kind: str) -> None:
        errors[kind] = errors.get(kind, 0) + 1

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, int(port))
        try:
            while True:
                due, body = await queue.get()
                try:
                    status, answer = await _post(reader, writer, head, body)
                except (OSError, asyncio.IncompleteReadError, ValueError) as failure:
                    error(type(failure).__name__)
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, int(port))
                else:
                    if status != 200 or b'"events"' not in answer:
                        error(f"HTTP {status}")
                    else:
                        latencies.append(time.perf_counter() - due)
                queue.task_done()
        finally:
            writer.close()

    workers = [asyncio.create_task(worker()) for _ in range(CONNECTIONS)]
    start = time.perf_counter()
    for i, body in enumerate(bodies):
        due = start + i / rate
        delay = due - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait((due, body))
    sent_for = time.perf_counter() - start
    try:
        await asyncio.wait_for(queue.join(), timeout=DRAIN_SECONDS)
    except asyncio.TimeoutError:
        errors["unfinished"] = len(bodies) - len(latencies) - sum(errors.values())
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    elapsed = time.perf_counter() - start
    latencies.sort()

    def pct(q: float) -> float | None:
        if not latencies:
            return None
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    return {
        "rate": rate,
        "requests": len(bodies),
        "ok": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "sent_for_s": sent_for,
        "achieved_rate": len(latencies) / elapsed if elapsed else 0.0,
        "p50_ms": pct(0.50),
        "p90_ms": pct(0.90),
        "p99_ms": pct(0.99),
        "max_ms": latencies[-1] * 1000 if latencies else None,
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else None,
    }


def _bodies(prefix: str, count: int, seed: int = 0) -> list[bytes]:
    """``count`` requests, each with a fresh message and its own sender."""
    template = json.loads(CAPTURED.read_text())
    rng = random.Random(f"{prefix}-{seed}")
    return [action_request(template, f"{prefix}-{i}", *fresh_message(rng, i)) for i in range(count)]


def _measure(benchmark: Any, url: str, bodies: list[bytes], rate: int) -> dict[str, Any]:
    template = json.loads(CAPTURED.read_text())
    warm = [action_request(template, f"warm-{i}", *MESSAGES[i % 4]) for i in range(40)]
    # The warm-up's four texts are not in the measured bodies: those are all fresh.
    asyncio.run(_load(url, warm, 40))
    summary: dict[str, Any] = {}

    def run() -> None:
        summary.update(asyncio.run(_load(url, bodies, rate)))

    benchmark.pedantic(run, rounds=1, iterations=1)
    assert summary["ok"] > 0
    return summary


@pytest.mark.server
@pytest.mark.parametrize("rate", RATES)
def bench_action_server(benchmark: Any, server: str, rate: int) -> None:
    benchmark.group = "server"
    summary = _measure(benchmark, server, _bodies(f"load-{rate}", int(rate * SECONDS)), rate)
    benchmark.extra_info.update(kind="server", seconds=SECONDS, **summary)


def _repeated_bodies(prefix: str, count: int) -> list[bytes]:
    """``count`` requests cycling the four MESSAGES (own sender each): every text after the
    first four is served from the analysis caches. How the server was measured before its
    load used fresh messages; kept beside the fresh load to show what the caches hide."""
    template = json.loads(CAPTURED.read_text())
    return [
        action_request(template, f"{prefix}-{i}", *MESSAGES[i % len(MESSAGES)])
        for i in range(count)
    ]


@pytest.mark.server
def bench_action_server_repeated(benchmark: Any, server: str) -> None:
    """The documented set-up at SPLIT_RATE with four texts repeated: cache hits."""
    benchmark.group = "server, repeated messages"
    summary = _measure(benchmark, server, _repeated_bodies("repeat", int(SPLIT_RATE * SECONDS)),
                       SPLIT_RATE)  # fmt: skip
    benchmark.extra_info.update(kind="server_repeated", seconds=SECONDS, **summary)


@pytest.mark.server
@pytest.mark.parametrize("setup", ["outbox_only", "no_outbox"])
def bench_action_server_setup(
    benchmark: Any, tmp_path_factory: pytest.TempPathFactory, setup: str
) -> None:
    """The same load at SPLIT_RATE with less done per handoff, to split the tail's sources."""
    benchmark.group = "server setups"
    with serve(tmp_path_factory.mktemp(setup), setup) as (url, _):
        bodies = _bodies(setup, int(SPLIT_RATE * SECONDS))
        summary = _measure(benchmark, url, bodies, SPLIT_RATE)
    benchmark.extra_info.update(kind="server_setup", setup=setup, seconds=SECONDS, **summary)


@pytest.mark.server
def bench_action_server_memory(benchmark: Any, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The server's RSS while it routes MEMORY_MESSAGES distinct messages (documented set-up),
    sampled every tenth of the run: bounded caches keep it flat after the first samples."""
    benchmark.group = "server memory"
    samples: list[tuple[int, float]] = []
    totals = {"ok": 0, "errors": 0}
    with serve(tmp_path_factory.mktemp("memory"), "outbox_and_delivery") as (url, pid):
        asyncio.run(_load(url, _bodies("memory-warm", 40, seed=1), 40))
        samples.append((0, rss_mib(pid)))
        step = max(1, MEMORY_MESSAGES // 10)

        def run() -> None:
            sent = 0
            while sent < MEMORY_MESSAGES:
                count = min(step, MEMORY_MESSAGES - sent)
                # Generated per step: 100,000 bodies of ~20 kB would not fit in memory at once.
                template = json.loads(CAPTURED.read_text())
                rng = random.Random(f"memory-{sent}")
                bodies = [
                    action_request(template, f"mem-{sent + i}", *fresh_message(rng, sent + i))
                    for i in range(count)
                ]
                summary = asyncio.run(_load(url, bodies, MEMORY_RATE))
                totals["ok"] += summary["ok"]
                totals["errors"] += summary["errors"]
                sent += count
                samples.append((sent, rss_mib(pid)))

        benchmark.pedantic(run, rounds=1, iterations=1)
    assert totals["ok"] > 0
    benchmark.extra_info.update(
        kind="server_memory",
        messages=MEMORY_MESSAGES,
        rate=MEMORY_RATE,
        rss_start_mib=samples[0][1],
        rss_after_first_tenth_mib=samples[1][1] if len(samples) > 1 else None,
        rss_end_mib=samples[-1][1],
        rss_peak_mib=max(rss for _, rss in samples),
        samples=samples,
        **totals,
    )
