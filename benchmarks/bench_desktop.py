"""The agent desktop under a contact centre's load: 1,000 waiting conversations, 50 browsers.

Set-up, as a deployment runs it: ``handoff desktop serve`` (``python -m handoff.cli``; one
uvicorn worker, SQLite in WAL mode, the bundled rules/banking.yaml lanes) on 127.0.0.1 in
its own process. The waiting conversations are real payloads: the bundled banking samples
routed by rules/banking.yaml (those that reach a person), each copied under new
conversation ids and delivered through the signed webhook, so the queue holds
``WAITING`` conversations before anything is timed. ``BROWSERS`` browsers (``SUPERVISORS``
supervisors who see every lane, the other agents one lane each, round robin over the
lanes the samples reach) hold
``GET /events`` open in a process of their own (``desktop_clients.py browsers``), each with
its own user and session. The load generator is a third process
(``desktop_clients.py send``), signing and POSTing payloads open-loop at ``RATE`` per second.
All of it shares the machine's cores with the server.

Measured:

- ``bench_desktop_page[...]``: ``GET /`` for a supervisor (every lane) and for an agent of
  the busiest lane, against ``GET /health`` (a database round trip and nothing else), each
  a keep-alive request from this process while the browsers are connected and idle. The
  page shows at most 200 rows per lane (``create_app``'s ``queue_limit``); its counts cover
  every conversation.
- ``bench_desktop_arrival``: ``RATE`` new conversations per second for ``LOAD_SECONDS``;
  for each, the time from when it was due at the webhook until EVERY browser entitled to see
  its lane had received its ``row`` event (p50, p99), beside the webhook's own answer time
  for the same requests. Browsers that must not see the lane are checked to get nothing.
- ``bench_desktop_webhook_alone``: the same load with no browser connected: the webhook
  receive alone, the baseline the arrival time is divided by.
- ``bench_desktop_no_loss``: after the runs (and a tenth of the load's payloads delivered
  again, as an outbox retry would), every idempotency key sent is in the store exactly
  once, pointing at the conversation of its payload, with no conversation stored twice.

``HANDOFF_BENCH_LOAD_SECONDS`` (default 10) scales the load: the runs last three times it.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("handoff.desktop", reason="needs the desktop extra")

import desktop_clients
import httpx
import sqlalchemy as sa
from argon2 import PasswordHasher
from conftest import REPO

from handoff import Router
from handoff.delivery import idempotency_key
from handoff.demo import DEMO_PSEUDONYM_KEY
from handoff.desktop import Desktop
from handoff.desktop.auth import Passwords
from handoff.desktop.records import Role
from handoff.testing import check_case, load_cases
from tests.conftest import free_port, stop, wait_for

SECONDS = float(os.environ.get("HANDOFF_BENCH_LOAD_SECONDS", "10"))
RATE = 20  # payloads per second (the target load)
LOAD_SECONDS = 3 * SECONDS
WAITING = 1000
BROWSERS = 50
SUPERVISORS = 10
PAGE_ROUNDS = 40 if SECONDS >= 10 else 2
TARGET_P99_S = 1.0
RULES = REPO / "rules" / "banking.yaml"
SAMPLES = REPO / "rules" / "samples" / "banking"
SECRET = "bench-desktop-webhook-secret"
PASSWORD = "bench-desktop-password"
RESEND_EVERY = 10  # after the load, every tenth payload is delivered again (a retry)


def payload_templates() -> list[Any]:
    """The bundled banking samples that reach a person, routed by the bundled rules."""
    router = Router.from_path(RULES, pseudonym_key=DEMO_PSEUDONYM_KEY)
    now = datetime.now(timezone.utc)
    out = []
    for _path, case in load_cases(SAMPLES):
        decision = check_case(router, case).decision
        if decision.handoff:
            out.append(router.payload(case.conversation, decision, now=now))
    return out


@dataclass
class Item:
    """One payload to deliver: its idempotency key, body, conversation id and lane."""

    key: str
    body: bytes
    conversation_id: str
    lane: str


def items(templates: list[Any], prefix: str, count: int) -> list[Item]:
    """``count`` payloads cycling the templates, each for a new conversation."""
    out = []
    for i in range(count):
        payload = templates[i % len(templates)].model_copy(
            update={"conversation_id": f"bench-{prefix}-{i:05d}"}
        )
        out.append(
            Item(idempotency_key(payload), payload.model_dump_json().encode(),
                 payload.conversation_id, payload.routing.lane)
        )  # fmt: skip
    return out


@dataclass
class Browser:
    name: str
    token: str
    lanes: tuple[str, ...] | None  # None: a supervisor, every lane


@dataclass
class Site:
    """The running desktop and everything the benchmarks need to know about it."""

    folder: Path
    url: str
    db_url: str
    pid: int
    templates: list[Any]
    lanes: list[str]
    browsers: list[Browser]
    supervisor_token: str
    agent_token: str
    agent_lane: str
    sent: dict[str, Item] = field(default_factory=dict)  # every key delivered, by key

    def deliver(self, batch: list[Item], *, rate: float, name: str) -> dict[str, Any]:
        """Run the load generator in its own process; returns its records."""
        bodies = self.folder / f"{name}.jsonl"
        bodies.write_text(
            "".join(json.dumps({"key": i.key, "body": i.body.decode()}) + "\n" for i in batch)
        )
        out = self.folder / f"{name}.json"
        env = {**os.environ, desktop_clients.SECRET_ENV: SECRET}
        command = [sys.executable, str(Path(desktop_clients.__file__)), "send", self.url,
                   str(bodies), str(out), "--rate", str(rate)]  # fmt: skip
        subprocess.run(command, check=True, env=env, timeout=LOAD_SECONDS + 120)
        result: dict[str, Any] = json.loads(out.read_text())
        for item in batch:
            self.sent.setdefault(item.key, item)
        return result


class BrowserProcess:
    """The browsers' process: started with every stream open, stopped to read its records."""

    def __init__(self, site: Site) -> None:
        clients = [{"name": b.name, "token": b.token} for b in site.browsers]
        assert len(clients) == BROWSERS
        spec = site.folder / "browsers.json"
        spec.write_text(json.dumps(clients))
        self.out = site.folder / "browser-events.json"
        command = [sys.executable, str(Path(desktop_clients.__file__)), "browsers", site.url,
                   str(spec), str(self.out)]  # fmt: skip
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        ready: list[str] = []
        reader = threading.Thread(
            target=lambda: ready.append(self.process.stdout.readline() if self.process.stdout
                                        else ""), daemon=True)  # fmt: skip
        reader.start()
        reader.join(90)
        if not ready or ready[0].strip() != "ready":
            self.process.kill()
            pytest.fail(f"the browsers did not connect: {ready!r}")
        self.result: dict[str, Any] | None = None

    def stop(self) -> dict[str, Any]:
        """Close every stream; what each browser received (the same dict on every call)."""
        if self.result is None:
            assert self.process.stdin is not None
            self.process.stdin.write("stop\n")
            self.process.stdin.close()
            self.process.wait(timeout=60)
            assert self.process.returncode == 0, "the browsers' process failed"
            self.result = json.loads(self.out.read_text())
        return self.result


def _setup_store(
    db_url: str, templates: list[Any]
) -> tuple[list[str], list[Browser], str, str, str]:
    """Tables, lanes, users and their sessions, through the real service. The passwords are
    hashed with argon2's cheapest parameters here (logins are not what is measured, and 100
    default-cost hashes would take the run's first minute); sessions are what the server
    checks on every request, and those are the real ones."""
    cheap = Passwords(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    desk = Desktop(db_url, passwords=cheap)
    try:
        desk.upgrade()
        desk.sync_lanes(Router.from_path(RULES))
        # Agents work the lanes the payloads reach (every browser then gets traffic).
        lanes = sorted({payload.routing.lane for payload in templates})
        known = {lane.id for lane in desk.lanes()}
        assert set(lanes) <= known, f"lanes the desktop does not have: {set(lanes) - known}"
        admin = desk.create_admin("bench-admin", PASSWORD)
        browsers: list[Browser] = []
        for i in range(BROWSERS):
            role: Role
            mine: tuple[str, ...] | None
            if i < SUPERVISORS:
                name, role, mine = f"sup-{i:02d}", "supervisor", None
            else:
                lane = lanes[(i - SUPERVISORS) % len(lanes)]
                name, role, mine = f"agent-{i:02d}", "agent", (lane,)
            desk.create_user(admin, name, PASSWORD, role, list(mine or ()))
            opened = desk.login(name, PASSWORD)
            assert opened is not None
            browsers.append(Browser(name, opened[0], mine))
        # The page benchmarks log in separately: their own sessions, not a browser's.
        sup = desk.login(browsers[0].name, PASSWORD)
        agent_name = next(b.name for b in browsers if b.lanes == ("fraud",))
        agent = desk.login(agent_name, PASSWORD)
        assert sup is not None
        assert agent is not None
    finally:
        desk.close()
    return lanes, browsers, sup[0], agent[0], "fraud"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """``handoff desktop serve`` in its own process, holding WAITING waiting conversations."""
    if not desktop_clients.same_clock_everywhere():
        pytest.skip("needs one monotonic clock for every process (Linux CLOCK_MONOTONIC)")
    folder = tmp_path_factory.mktemp("desktop")
    db_url = f"sqlite:///{folder / 'desktop.sqlite'}"
    templates = payload_templates()
    lanes, browsers, sup_token, agent_token, agent_lane = _setup_store(db_url, templates)
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")},
        "HANDOFF_DESKTOP_WEBHOOK_SECRET": SECRET,
    }
    command = [sys.executable, "-m", "handoff.cli", "desktop", "serve", "--db", db_url,
               "--rules", str(RULES), "--port", str(port), "--insecure-cookies"]  # fmt: skip
    log_path = folder / "server.log"
    log = log_path.open("w")
    process = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/health", 60, log_path, process)
        site = Site(folder, url, db_url, process.pid, templates, lanes, browsers,
                    sup_token, agent_token, agent_lane)  # fmt: skip
        fill = items(site.templates, "waiting", WAITING)
        result = asyncio.run(
            desktop_clients.send(url, [(i.key, i.body) for i in fill], SECRET, rate=0)
        )
        site.sent.update((i.key, i) for i in fill)
        assert result["ok"] == WAITING, f"filling the queue: {result['errors']} errors"
        yield site
    finally:
        stop(process, timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browsers(site: Site) -> Iterator[BrowserProcess]:
    """BROWSERS open event streams, in their own process."""
    process = BrowserProcess(site)
    try:
        yield process
    finally:
        if process.result is None and process.process.poll() is None:
            process.process.kill()
            process.process.wait()


# ------------------------------------------------------------------------------ (a) queue page

PAGES = {
    "health": ("/health", None),
    "supervisor": ("/", "supervisor_token"),
    "agent": ("/", "agent_token"),
}


@pytest.mark.server
@pytest.mark.parametrize("page", list(PAGES))
def bench_desktop_page(benchmark: Any, site: Site, browsers: BrowserProcess, page: str) -> None:
    """GET one page with a keep-alive client while the browsers are connected and idle."""
    benchmark.group = "desktop page"
    path, token_attr = PAGES[page]
    cookies = {desktop_clients.SESSION_COOKIE: getattr(site, token_attr)} if token_attr else {}
    with httpx.Client(base_url=site.url, cookies=cookies, timeout=30) as client:
        answers: list[httpx.Response] = []

        def get() -> None:
            answers.append(client.get(path))

        benchmark.pedantic(get, rounds=PAGE_ROUNDS, warmup_rounds=1 if PAGE_ROUNDS > 2 else 0)
    last = answers[-1]
    assert last.status_code == 200, f"GET {path} answered {last.status_code}"
    rows = last.text.count('data-testid="queue-row"')
    if page == "supervisor":
        assert rows >= min(WAITING, 200 * len(site.lanes)) * 0.5, rows
    elif page == "agent":
        assert 0 < rows <= 200
        assert f'data-lane="{site.agent_lane}"' in last.text
        assert all(f'data-lane="{lane}"' not in last.text for lane in site.lanes
                   if lane != site.agent_lane)  # fmt: skip
    benchmark.extra_info.update(
        kind="desktop_page", page=page, path=path, rows=rows, bytes=len(last.content),
        waiting=WAITING, browsers=BROWSERS,
    )  # fmt: skip


# ------------------------------------------------------------------------------ (b) arrival


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextlib.contextmanager
def _watching(site: Site, into: dict[str, Any]) -> Iterator[None]:
    """The server's CPU share and the machine's load average (1 min) around a run: the
    machine is shared, and a loaded one shows in every latency."""
    cpu, load, started = _cpu_seconds(site.pid), os.getloadavg()[0], time.monotonic()
    yield
    into["watched"] = {
        "server_cpu_share": (_cpu_seconds(site.pid) - cpu) / (time.monotonic() - started),
        "load_before": load,
        "load_after": os.getloadavg()[0],
    }


def _webhook_summary(result: dict[str, Any]) -> dict[str, Any]:
    records = result["records"].values()
    answered = [r["answered"] - r["due"] for r in records if r.get("status") == 200]
    from_sent = [r["answered"] - r["sent"] for r in records if r.get("status") == 200]
    late = [r["sent"] - r["due"] for r in records]
    return {
        "requests": result["requests"],
        "ok": result["ok"],
        "errors": result["errors"],
        "webhook_p50_ms": _ms(_percentile(answered, 0.50)),
        "webhook_p99_ms": _ms(_percentile(answered, 0.99)),
        "webhook_max_ms": _ms(max(answered) if answered else None),
        "webhook_from_sent_p99_ms": _ms(_percentile(from_sent, 0.99)),
        "generator_late_p99_ms": _ms(_percentile(late, 0.99)),
        "generator_late_max_ms": _ms(max(late) if late else None),
        "verdicts": _count(r.get("verdict") for r in records),
    }


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else seconds * 1000


def _count(values: Any) -> dict[str, int]:
    out: dict[str, int] = {}
    for value in values:
        out[str(value)] = out.get(str(value), 0) + 1
    return out


def _pks(site: Site, keys: list[str]) -> dict[str, int]:
    """The conversation pk each delivered key was stored under (read from the store)."""
    engine = sa.create_engine(site.db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT key, conversation_pk FROM desktop_deliveries")
            ).all()
    finally:
        engine.dispose()
    wanted = set(keys)
    return {key: pk for key, pk in rows if key in wanted}


@pytest.mark.server
def bench_desktop_arrival(benchmark: Any, site: Site, browsers: BrowserProcess) -> None:
    """RATE new conversations per second; each one's time until every entitled browser has
    its row (from when it was due at the webhook)."""
    benchmark.group = "desktop arrival"
    load = items(site.templates, "arrival", int(RATE * LOAD_SECONDS))
    summary: dict[str, Any] = {}

    def run() -> None:
        with _watching(site, summary):
            summary["result"] = site.deliver(load, rate=RATE, name="arrival")
            time.sleep(3.0)  # the last payloads' events may still be on their way

    benchmark.pedantic(run, rounds=1, iterations=1)
    seen = browsers.stop()
    result = summary["result"]
    pks = _pks(site, [i.key for i in load])
    by_pk = {pks[i.key]: i for i in load if i.key in pks}
    records = result["records"]
    # When each browser first received each conversation's row.
    first: dict[str, dict[int, float]] = {}
    leaks = 0
    for browser, got in zip(site.browsers, seen["clients"], strict=True):
        assert got["name"] == browser.name
        mine = first[browser.name] = {}
        for pk, _version, at in got["rows"]:
            item = by_pk.get(pk)
            if item is None:
                continue
            if browser.lanes is not None and item.lane not in browser.lanes:
                leaks += 1
            mine.setdefault(pk, at)
    latencies: list[float] = []
    from_sent: list[float] = []  # the same, from when the generator actually sent it
    first_screen: list[float] = []
    missed = 0  # (payload, entitled browser) pairs that never arrived
    for item in load:
        pk = pks.get(item.key)
        record = records.get(item.key, {})
        if pk is None or record.get("status") != 200:
            missed += 1
            continue
        entitled = [b for b in site.browsers if b.lanes is None or item.lane in b.lanes]
        times = [first[b.name].get(pk) for b in entitled]
        got = [t for t in times if t is not None]
        missed += len(times) - len(got)
        if got:
            first_screen.append(min(got) - record["due"])
        if len(got) == len(times):
            latencies.append(max(got) - record["due"])
            from_sent.append(max(got) - record["sent"])
    info = {
        "kind": "desktop_arrival",
        "rate": RATE,
        "seconds": LOAD_SECONDS,
        "waiting": WAITING,
        "browsers": BROWSERS,
        "supervisors": SUPERVISORS,
        "lanes": len(site.lanes),
        **_set_up(site),
        "p50_ms": _ms(_percentile(latencies, 0.50)),
        "p90_ms": _ms(_percentile(latencies, 0.90)),
        "p99_ms": _ms(_percentile(latencies, 0.99)),
        "from_sent_p99_ms": _ms(_percentile(from_sent, 0.99)),
        "max_ms": _ms(max(latencies) if latencies else None),
        "mean_ms": _ms(statistics.fmean(latencies) if latencies else None),
        "first_screen_p50_ms": _ms(_percentile(first_screen, 0.50)),
        "complete": len(latencies),
        "screen_misses": missed,
        "leaks": leaks,
        "events": _count_kinds(seen["clients"]),
        "streams_ended_early": len(seen["ended_early"]),
        **summary["watched"],
        **_webhook_summary(result),
    }
    benchmark.extra_info.update(info)
    assert leaks == 0, f"{leaks} rows reached browsers of other lanes"
    assert result["errors"] == 0, _webhook_summary(result)
    assert missed == 0, f"{missed} (payload, browser) pairs never arrived"


def _set_up(site: Site) -> dict[str, Any]:
    """What the server ran on, read rather than assumed: the database file's journal mode,
    uvicorn's event loop and HTTP parser (its "auto" picks uvloop and httptools when they
    are installed), and the machine's logical cores."""
    engine = sa.create_engine(site.db_url)
    try:
        with engine.connect() as connection:
            journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    finally:
        engine.dispose()
    installed = {name: importlib.util.find_spec(name) is not None
                 for name in ("uvloop", "httptools")}  # fmt: skip
    return {
        "database": f"SQLite ({str(journal).upper()})",
        "server_loop": "uvloop" if installed["uvloop"] else "asyncio",
        "server_http": "httptools" if installed["httptools"] else "h11",
        "cpus": os.cpu_count(),
    }


def _count_kinds(clients: list[dict[str, Any]]) -> dict[str, int]:
    total: dict[str, int] = {}
    for client in clients:
        for kind, n in client["kinds"].items():
            total[kind] = total.get(kind, 0) + n
    return total


@pytest.mark.server
def bench_desktop_webhook_alone(benchmark: Any, site: Site, browsers: BrowserProcess) -> None:
    """The same load with no browser connected: the webhook receive alone (the baseline)."""
    benchmark.group = "desktop arrival"
    browsers.stop()  # the arrival run has stopped them already unless it was deselected
    load = items(site.templates, "alone", int(RATE * LOAD_SECONDS))
    summary: dict[str, Any] = {}

    def run() -> None:
        with _watching(site, summary):
            summary["result"] = site.deliver(load, rate=RATE, name="alone")

    benchmark.pedantic(run, rounds=1, iterations=1)
    info = _webhook_summary(summary["result"])
    benchmark.extra_info.update(
        kind="desktop_webhook", rate=RATE, seconds=LOAD_SECONDS, waiting=WAITING, browsers=0,
        p50_ms=info["webhook_p50_ms"], p99_ms=info["webhook_p99_ms"], **info,
        **summary["watched"],
    )  # fmt: skip
    assert info["errors"] == 0, info


# ------------------------------------------------------------------------------ (c) nothing lost


@pytest.mark.server
def bench_desktop_no_loss(benchmark: Any, site: Site) -> None:
    """Every key sent is stored once, for its own conversation; redeliveries change nothing."""
    benchmark.group = "desktop store"
    again = [item for i, item in enumerate(site.sent.values()) if i % RESEND_EVERY == 0]
    resent = site.deliver(again, rate=0, name="again")
    verdicts = _count(r.get("verdict") for r in resent["records"].values())
    counts: dict[str, Any] = {}

    def check() -> None:
        engine = sa.create_engine(site.db_url)
        try:
            with engine.connect() as connection:
                deliveries = {
                    key: (pk, dup)
                    for key, pk, dup in connection.execute(
                        sa.text("SELECT key, conversation_pk, duplicates FROM desktop_deliveries")
                    )
                }
                conversations: dict[int, str] = dict(
                    connection.execute(
                        sa.text("SELECT id, conversation_id FROM desktop_conversations")
                    ).all()
                )
        finally:
            engine.dispose()
        resent_keys = {item.key for item in again}
        lost = [key for key in site.sent if key not in deliveries]
        wrong = [key for key, item in site.sent.items() if key in deliveries
                 and conversations.get(deliveries[key][0]) != item.conversation_id]  # fmt: skip
        dup_counts = [key for key, item in site.sent.items() if key in deliveries
                      and deliveries[key][1] != (1 if key in resent_keys else 0)]  # fmt: skip
        ids = list(conversations.values())
        counts.update(
            sent=len(site.sent),
            redelivered=len(again),
            stored=len(deliveries),
            conversations=len(conversations),
            lost=len(lost),
            wrong_conversation=len(wrong),
            duplicate_counts_off=len(dup_counts),
            duplicated=len(ids) - len(set(ids)) + max(0, len(conversations) - len(site.sent)),
            redelivery_verdicts=verdicts,
        )

    benchmark.pedantic(check, rounds=1, iterations=1)
    benchmark.extra_info.update(kind="desktop_no_loss", **counts)
    for what in ("lost", "duplicated", "wrong_conversation", "duplicate_counts_off"):
        assert counts[what] == 0, counts
    assert verdicts == {"duplicate": len(again)}, verdicts
