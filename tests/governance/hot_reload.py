"""Action servers following one rules store, and a load of Rasa-shaped turns against them.

Shared by tests/governance/test_hot_reload_e2e.py (the proof: a publish under load, zero
failed turns, every decision on the published version from each server's switch on, corrupt
versions refused) and benchmarks/bench_publish.py (time from a publish to every server
routing with it). Everything real, on 127.0.0.1: ``handoff-actions`` processes as deployed
(bearer token, signed state, outbox with a delivery thread and a JSON-lines sink), a desktop
database holding the governed store (PostgreSQL when HANDOFF_TEST_POSTGRES_URL is set, else
an SQLite file), people with roles who propose, approve and publish.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from prometheus_client.parser import text_string_to_metric_families

from handoff.desktop import Desktop
from handoff.governance.actor import Actor
from handoff.governance.bundle import RuleBundle
from handoff.governance.store import Publication, RulesStore
from tests.conftest import DATA, RULES, always_open_rules, free_port, stop, wait_for

KEY = "hot-reload-rules-key-0123456789abcdef"
TOKEN = "hot-reload-action-token-0123"
STATE_SECRET = "hot-reload-state-secret-0123"
METRICS_TOKEN = "hot-reload-metrics-token-0123"
PASSWORD = "correct horse battery staple 42"
CAPTURED = DATA / "rasa" / "captured_action_request_rasa3.6.21.json"
# The rule whose reason each variant changes: a plain rule (not a red line), so a variant is
# a "rules" change any team lead or supervisor may approve.
VARIANT_FROM = "reason: The customer asked for a person."

# (text, intent): a bot answer, a banking question, a fallback, a request for a person.
TURNS = (
    ("hello there", "greet"),
    ("when will my new card arrive?", "card_arrival"),
    ("blorp the wizzle", "nlu_fallback"),
    ("can I speak to someone please", "request_human"),
)


# ------------------------------------------------------------------------------ databases


@contextlib.contextmanager
def database(folder: Path, name: str) -> Iterator[str]:
    """A fresh database: on the test PostgreSQL server when HANDOFF_TEST_POSTGRES_URL is set
    (created here and dropped at the end), else an SQLite file in ``folder``."""
    admin_url = os.environ.get("HANDOFF_TEST_POSTGRES_URL")
    if not admin_url:
        yield f"sqlite:///{folder / f'{name}.sqlite'}"
        return
    database_name = f"handoff_{name}_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{database_name}"'))
        yield (
            sa.make_url(admin_url).set(database=database_name).render_as_string(hide_password=False)
        )
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{database_name}" WITH (FORCE)'))
        admin.dispose()


# ------------------------------------------------------------------------------ governance


def rules_variant(folder: Path, n: int) -> RuleBundle:
    """The banking rules (always open: the tests run on the real clock), with the "asked for
    a person" rule's reason numbered ``n``: every ``n`` is a different rules version."""
    base = always_open_rules(RULES / "banking.yaml", folder / "banking-base.yaml")
    text = base.read_text()
    assert VARIANT_FROM in text
    target = folder / f"variant-{n}" / "banking.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text.replace(VARIANT_FROM, f"{VARIANT_FROM[:-1]} (variant {n})."))
    return RuleBundle.from_path(target)


@dataclass
class Governed:
    """The rules store in a desktop database, with a designer, an approver holding the risk
    grant, and an admin who publishes."""

    url: str
    store: RulesStore
    designer: Actor
    approver: Actor
    admin: Actor

    def release(self, bundle: RuleBundle, title: str) -> Publication:
        """Propose, approve and publish ``bundle`` as three different people."""
        proposal = self.store.propose(bundle, author=self.designer, title=title)
        self.store.approve(proposal.content_hash, approver=self.approver, comment="checked")
        return self.store.publish(proposal.content_hash, actor=self.admin, reason=title)

    def propose(self, bundle: RuleBundle, title: str) -> str:
        """Propose ``bundle`` (not approved, not published); its content hash."""
        return self.store.propose(bundle, author=self.designer, title=title).content_hash


@contextlib.contextmanager
def governed(url: str) -> Iterator[Governed]:
    """Create the desktop's tables and the three people in ``url``; the store over them."""
    with Desktop(url) as desk:
        desk.upgrade()
        admin = desk.create_admin("admin", PASSWORD)
        desk.create_user(admin, "designer", PASSWORD, "supervisor")
        desk.create_user(admin, "approver", PASSWORD, "supervisor")
    store = RulesStore(url, keys=(KEY.encode(),))
    try:
        store.grant("approver", "risk", actor=store.actor("admin"))
        yield Governed(
            url, store, store.actor("designer"), store.actor("approver"), store.actor("admin")
        )
    finally:
        store.close()


# ------------------------------------------------------------------------------ servers


@dataclass
class ActionServer:
    """One ``handoff-actions`` process."""

    index: int
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    timings: Path
    payloads: Path

    def metrics(self) -> dict[str, float]:
        """Its Prometheus samples, ``name{label=value,...}`` -> value."""
        reply = httpx.get(
            f"{self.url}/metrics",
            headers={"Authorization": f"Bearer {METRICS_TOKEN}"},
            timeout=10,
        )
        reply.raise_for_status()
        samples: dict[str, float] = {}
        for family in text_string_to_metric_families(reply.text):
            for sample in family.samples:
                labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                samples[f"{sample.name}{{{labels}}}"] = sample.value
        return samples

    def publication_seq(self) -> int:
        """The publication it routes with now (0: its HANDOFF_RULES)."""
        return int(self.metrics()["handoff_rules_publication_seq{}"])

    def timing_lines(self) -> list[dict[str, Any]]:
        """One line per turn it routed (HANDOFF_TIMINGS_PATH)."""
        if not self.timings.exists():
            return []
        return [json.loads(line) for line in self.timings.read_text().splitlines() if line]


def server_env(
    folder: Path, *, store_url: str, outbox_url: str, port: int, poll: float
) -> dict[str, str]:
    """A complete configuration of a server following the store."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("HANDOFF_")},
        "HANDOFF_PORT": str(port),
        "HANDOFF_ACTION_TOKEN": TOKEN,
        "HANDOFF_STATE_SECRET": STATE_SECRET,
        "HANDOFF_METRICS_TOKEN": METRICS_TOKEN,
        "HANDOFF_PSEUDONYM_KEY": "hot-reload-pseudonym-key",
        # Used only until something is published; the store has a version before they start.
        "HANDOFF_RULES": str(always_open_rules(RULES / "banking.yaml", folder / "fallback.yaml")),
        "HANDOFF_RULES_STORE": store_url,
        "HANDOFF_RULES_KEY": KEY,
        "HANDOFF_RULES_POLL_SECONDS": f"{poll:g}",
        "HANDOFF_OUTBOX_URL": outbox_url,
        "HANDOFF_JSONL_PATH": str(folder / "payloads.jsonl"),
        "HANDOFF_TIMINGS_PATH": str(folder / "timings.jsonl"),
    }


def start_server(
    index: int, folder: Path, *, store_url: str, outbox_url: str, poll: float
) -> ActionServer:
    """``handoff-actions`` number ``index``, answering /health when this returns."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = server_env(folder, store_url=store_url, outbox_url=outbox_url, port=port, poll=poll)
    log = folder / "server.log"
    with log.open("ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "handoff.adapters.server"],
            cwd=folder, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{url}/health", 120, log, process)
    except BaseException:
        stop(process)
        raise
    return ActionServer(
        index, url, process, log, folder / "timings.jsonl", folder / "payloads.jsonl"
    )


@contextlib.contextmanager
def action_servers(
    count: int, folder: Path, *, store_url: str, outbox_url: str, poll: float = 1.0
) -> Iterator[list[ActionServer]]:
    """``count`` servers on one store and one outbox, stopped at the end."""
    servers: list[ActionServer] = []
    try:
        for index in range(count):
            servers.append(
                start_server(
                    index,
                    folder / f"server-{index}",
                    store_url=store_url,
                    outbox_url=outbox_url,
                    poll=poll,
                )
            )
        yield servers
    finally:
        for server in servers:
            stop(server.process, timeout=20)


def wait_until_all(servers: list[ActionServer], seq: int, timeout: float) -> list[float]:
    """Poll every server's metrics until each routes with publication ``seq``; the seconds
    each took (from this call). Raises AssertionError after ``timeout``."""
    started = time.perf_counter()
    took: dict[int, float] = {}
    while len(took) < len(servers):
        for server in servers:
            if server.index not in took and server.publication_seq() >= seq:
                took[server.index] = time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            raise AssertionError(f"servers not on publication {seq} after {timeout} s: {took}")
        time.sleep(0.01)
    return [took[server.index] for server in servers]


# ------------------------------------------------------------------------------ load


@dataclass(frozen=True)
class TurnRecord:
    """One action request the load sent and what came of it."""

    server: int
    conversation: str
    turn: int
    sent: float  # time.monotonic() when sent
    done: float  # ... when answered (or failed)
    status: int | None  # None: no answer (connection error, timeout)
    version: str | None  # the handoff_decision slot's ruleset version
    handoff: bool
    problem: str | None = None

    @property
    def failed(self) -> bool:
        return self.status != 200 or self.version is None


def _user_event(text: str, intent: str) -> dict[str, Any]:
    parse = {
        "intent": {"name": intent, "confidence": 0.93},
        "entities": [],
        "text": text,
        "message_id": uuid.uuid4().hex,
        "metadata": {},
        "intent_ranking": [{"name": intent, "confidence": 0.93}],
    }
    return {"event": "user", "timestamp": time.time(), "text": text, "parse_data": parse,
            "input_channel": "rest", "message_id": parse["message_id"], "metadata": {}}  # fmt: skip


@dataclass
class Load:
    """Conversations against every server at once, each turn after the previous answer.

    ``per_server`` conversations run concurrently per server; each has up to ``max_turns``
    turns (the slots the server returned carried into the next request, as Rasa does) and
    ends at a handoff. ``think`` seconds pass between a conversation's turns.
    """

    servers: list[str]
    per_server: int = 3
    think: float = 0.05
    max_turns: int = 5
    seed: int = 15
    records: list[TurnRecord] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> Load:
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> list[TurnRecord]:
        """Let every conversation finish its current turn, then stop; the records."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(120)
            assert not self._thread.is_alive(), "the load did not stop"
        return self.records

    async def _main(self) -> None:
        template = json.loads(CAPTURED.read_text())
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
        async with httpx.AsyncClient(timeout=60, limits=limits) as client:
            await asyncio.gather(
                *(
                    self._worker(client, template, server, worker)
                    for server in range(len(self.servers))
                    for worker in range(self.per_server)
                )
            )

    async def _worker(
        self, client: httpx.AsyncClient, template: dict[str, Any], server: int, worker: int
    ) -> None:
        rng = random.Random(self.seed * 1000 + server * 100 + worker)
        number = 0
        while not self._stop.is_set():
            number += 1
            await self._conversation(
                client, template, server, f"load-{server}-{worker}-{number}", rng
            )

    async def _conversation(
        self,
        client: httpx.AsyncClient,
        template: dict[str, Any],
        server: int,
        sender: str,
        rng: random.Random,
    ) -> None:
        body = copy.deepcopy(template)
        body["next_action"] = "action_handoff_route"
        body["sender_id"] = body["tracker"]["sender_id"] = sender
        tracker = body["tracker"]
        events: list[dict[str, Any]] = [
            e for e in tracker["events"] if e["event"] in ("action", "session_started")
        ][:3]
        slots: dict[str, Any] = dict(tracker["slots"])
        url = f"{self.servers[server]}/webhook"
        headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
        for turn in range(rng.randint(1, self.max_turns)):
            if self._stop.is_set():
                return
            # Mostly bot questions; a request for a person now and then ends the chat.
            text, intent = TURNS[rng.choices(range(len(TURNS)), weights=(3, 3, 2, 1))[0]]
            user = _user_event(f"{text} ({sender} turn {turn})", intent)
            events.append(user)
            tracker["events"] = events
            tracker["slots"] = slots
            tracker["latest_message"] = user["parse_data"]
            sent = time.monotonic()
            status: int | None = None
            version: str | None = None
            handoff = False
            problem: str | None = None
            answer: dict[str, Any] = {}
            try:
                reply = await client.post(url, content=json.dumps(body), headers=headers)
                status = reply.status_code
                if status == 200:
                    answer = reply.json()
                else:
                    problem = reply.text[:200]
            except httpx.HTTPError as error:
                problem = type(error).__name__
            returned = answer.get("events") or []
            for event in returned:
                if event.get("event") == "slot":
                    slots[event["name"]] = event.get("value")
                    if event["name"] == "handoff_decision" and isinstance(event["value"], dict):
                        version = event["value"].get("version")
                        handoff = bool(event["value"].get("handoff"))
            record = TurnRecord(
                server, sender, turn, sent, time.monotonic(), status, version, handoff, problem
            )
            self.records.append(record)
            if status != 200:
                return
            events.append({"event": "action", "name": "action_handoff_route",
                           "timestamp": time.time()})  # fmt: skip
            events.extend(returned)
            if any(event.get("event") == "pause" for event in returned):
                return  # a person has the conversation now
            await asyncio.sleep(self.think)


def switch_report(
    records: list[TurnRecord], new_version: str, server: int
) -> tuple[float | None, list[TurnRecord]]:
    """For one server: when it first answered with ``new_version`` (monotonic), and the
    turns sent after that moment that still got another version (must be none)."""
    mine = [r for r in records if r.server == server and not r.failed]
    first = min((r.done for r in mine if r.version == new_version), default=None)
    if first is None:
        return None, []
    late = [r for r in mine if r.sent > first and r.version != new_version]
    return first, late


# ------------------------------------------------------------------------------ tampering


def forge_publication(
    store: RulesStore,
    content_hash: str,
    *,
    key: bytes | None,
    ruleset_version: str | None = None,
) -> int:
    """Insert a publication row straight into the database, as someone with write access to
    it would: signed with ``key`` (someone who also stole the key, or a publisher's bug) or,
    with None, a made-up signature. Returns its number."""
    from handoff.governance import tables  # noqa: PLC0415
    from handoff.governance.store import _sign  # noqa: PLC0415  (what a key holder can do)

    with store.engine.begin() as connection:
        version = connection.execute(
            sa.select(tables.versions.c.ruleset_version).where(
                tables.versions.c.content_hash == content_hash
            )
        ).scalar_one()
        seq = (
            1
            + connection.execute(
                sa.select(sa.func.coalesce(sa.func.max(tables.publications.c.seq), 0))
            ).scalar_one()
        )
        record = {
            "seq": seq,
            "content_hash": content_hash,
            "ruleset_version": ruleset_version or version,
            "action": "publish",
            "actor": "admin",
            "at": time.time(),
            "reason": "not through the store",
            "chain_hash": "0" * 64,
        }
        signature = _sign(key, record) if key is not None else "ab" * 32
        connection.execute(sa.insert(tables.publications).values(**record, signature=signature))
    return int(seq)


def plant_version(
    store: RulesStore, files: dict[str, bytes], *, claimed_hash: str | None = None
) -> str:
    """Insert a version row straight into the database (no checks, no approvals), holding
    ``files`` under ``claimed_hash`` (default: their true content hash). Returns the hash."""
    from handoff.governance import tables  # noqa: PLC0415

    bundle_hash = RuleBundle.from_files("banking.yaml", files).content_hash
    content_hash = claimed_hash or bundle_hash
    texts = {name: data.decode() for name, data in files.items()}
    with store.engine.begin() as connection:
        row = {
            "content_hash": content_hash,
            "short": content_hash[:12],
            "name": "banking",
            "ruleset_version": "0" * 64,
            "entry": "banking.yaml",
            "files": json.dumps(texts),
            "author": "designer",
            "title": "planted",
            "description": "",
            "base_hash": None,
            "created_at": time.time(),
            "changes": "[]",
            "kinds": "[]",
            "backtest": None,
            "validation": '{"ok": true}',
            "status": "proposed",
        }
        connection.execute(sa.insert(tables.versions).values(**row))
    return content_hash
