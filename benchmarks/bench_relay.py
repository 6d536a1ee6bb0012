"""The live relay's latency through the real stack, both ways, beside Rasa's own round trip.

Set-up, as ``rasa_project/run_local.sh`` runs it, every server its own process on 127.0.0.1:
Rasa 3.6.21 (the bundled bot, its callback channel and SQL event broker), our action server,
``handoff desktop serve --rasa-events`` (the relay inside it, polling Rasa's event table every
0.1 s) and ``handoff chat serve`` (polling the conversation lines every 0.1 s), sharing one
SQLite desktop database in WAL mode. ``CONVERSATIONS`` customers each open the chat page with
its event stream, ask for a person and wait; one agent, logged in to the desktop with its
event stream open, claims them all. The tests' stack (tests/e2e/chat_stack.py) starts it.

Measured (each round one message, cycling over the conversations, so the chat server's
per-conversation rate limit is never met):

- ``bench_relay_customer_to_agent``: from the moment the customer's message is posted to the
  chat page (``POST /send``) until the agent's desktop stream has announced new lines for
  that conversation and its card's lines (``GET /c/PK/lines``, what the card fetches) show the
  message. The path: chat server -> Rasa's callback channel -> Rasa (paused: it logs the
  message) -> its event broker's table -> the relay -> ``desktop_messages`` -> the desktop's
  change feed -> the agent's stream.
- ``bench_relay_agent_to_customer``: from the agent's reply (``POST /c/PK/reply``) until the
  customer's page stream has delivered it. The path: desktop -> Rasa's HTTP API (the reply
  as a ``bot`` event in the tracker) -> ``desktop_messages`` -> the chat server's poller ->
  the customer's stream.
- ``bench_relay_rasa_rest``: the baseline, Rasa's REST channel round trip for a greeting on
  a new conversation (NLU, the policies, our action server, the answer), in the same run.

The issue's goal is 1 s each way; ``extra_info`` holds p50/p99, whether the goal was met,
and the ratio to Rasa's p50. A line that never arrives (30 s) fails the benchmark.
``HANDOFF_BENCH_LOAD_SECONDS`` below 10 (CI) runs a few rounds only, untimed.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("handoff.chat", reason="needs the desktop extra")

import httpx
from conftest import REPO

from tests.desktop._web import Browser
from tests.desktop.browser.harness import PASSWORD, Person
from tests.e2e.chat_stack import ChatStack, Customer, chat_stack

SECONDS = float(os.environ.get("HANDOFF_BENCH_LOAD_SECONDS", "10"))
ROUNDS = 40 if SECONDS >= 10 else 3
CONVERSATIONS = 4
TARGET_P99_S = 1.0
PREPARE = REPO / "rasa_project" / "scripts" / "prepare_rasa.py"
PEOPLE = {
    "dana": Person("dana", "agent", ("general_banking", "fraud", "callback")),
    "ada": Person("ada", "admin"),
}


def _percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _ms(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds * 1000, 1)


def _summary(values: list[float]) -> dict[str, Any]:
    return {
        "rounds": len(values),
        "p50_ms": _ms(_percentile(values, 0.50)),
        "p90_ms": _ms(_percentile(values, 0.90)),
        "p99_ms": _ms(_percentile(values, 0.99)),
        "max_ms": _ms(max(values) if values else None),
        "mean_ms": _ms(statistics.fmean(values) if values else None),
    }


class DeskStream:
    """The agent's desktop event stream (``GET /events``), read in a thread: each ``lines``
    event's conversation pk, with when it arrived."""

    def __init__(self, url: str, cookies: dict[str, str]) -> None:
        self.events: queue.Queue[tuple[str, float]] = queue.Queue()
        self._stop = threading.Event()
        ready = threading.Event()

        def run() -> None:
            with httpx.Client(base_url=url, cookies=cookies) as client:
                try:
                    with client.stream(
                        "GET", "/events", timeout=httpx.Timeout(30, read=None)
                    ) as response:
                        ready.set()
                        event = ""
                        for raw in response.iter_lines():
                            if self._stop.is_set():
                                return
                            if raw.startswith("event:"):
                                event = raw.split(":", 1)[1].strip()
                            elif raw.startswith("data:") and event == "lines":
                                pk = raw.split(":", 1)[1].strip()
                                self.events.put((pk, time.monotonic()))
                except httpx.HTTPError:
                    if not self._stop.is_set():
                        raise

        threading.Thread(target=run, daemon=True).start()
        assert ready.wait(30), "the desktop's event stream did not open"

    def close(self) -> None:
        self._stop.set()


@dataclass
class Held:
    """A conversation an agent holds: the customer's page and its desktop pk."""

    customer: Customer
    sender: str
    pk: int


@dataclass
class Relay:
    stack: ChatStack
    agent: Browser
    desk: DeskStream
    held: list[Held]
    turn: int = 0
    rest: list[float] = field(default_factory=list)
    to_agent: list[float] = field(default_factory=list)
    to_customer: list[float] = field(default_factory=list)

    def next(self) -> tuple[int, Held]:
        self.turn += 1
        return self.turn, self.held[self.turn % len(self.held)]


def _sender(customer: Customer) -> str:
    value = customer.client.cookies["handoff-chat"].split(".")[0]
    sender: str = json.loads(base64.b64decode(value + "=" * (-len(value) % 4)))["c"]
    return sender


def _model() -> Path:
    done = subprocess.run(
        [sys.executable, str(PREPARE)], capture_output=True, text=True, check=False, cwd=REPO
    )
    if done.returncode != 0:
        pytest.fail(f"prepare_rasa.py failed:\n{done.stderr[-3000:]}")
    return Path(done.stdout.strip())


@pytest.fixture(scope="module")
def relay(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Relay]:
    """The stack, CONVERSATIONS customers waiting, all claimed by one agent."""
    model = _model()
    rasa_bin = REPO / ".venv-rasa" / "bin" / "rasa"
    work = tmp_path_factory.mktemp("bench-relay")
    with contextlib.ExitStack() as stack_exit:
        stack = stack_exit.enter_context(
            chat_stack(rasa_bin, model, work, relay=True, people=PEOPLE)
        )
        agent = Browser(stack.desk.url)
        stack_exit.callback(agent.close)
        assert agent.login("dana", PASSWORD).status_code == 303
        desk = DeskStream(stack.desk.url, dict(agent.client.cookies))
        stack_exit.callback(desk.close)
        held = []
        for _ in range(CONVERSATIONS):
            customer = Customer(stack.chat)
            stack_exit.callback(customer.close)
            customer.listen()
            assert customer.say("I want to talk to a human").status_code == 200
            customer.wait_for(lambda line: "advisers" in line["text"], timeout=60)
            sender = _sender(customer)
            deadline = time.monotonic() + 60
            while True:  # the outbox delivers the payload to the desktop asynchronously
                try:
                    pk = stack.desk.pk(sender)
                    break
                except Exception:
                    assert time.monotonic() < deadline, "the handoff never reached the desktop"
                    time.sleep(0.1)
            assert agent.post(f"/c/{pk}/claim").status_code == 303
            customer.wait_for(lambda line: line["kind"] == "notice", timeout=30)
            held.append(Held(customer, sender, pk))
        yield Relay(stack, agent, desk, held)


def _drain(events: queue.Queue[tuple[str, float]]) -> None:
    with contextlib.suppress(queue.Empty):
        while True:
            events.get_nowait()


def customer_to_agent(relay: Relay) -> None:
    """One customer message, until the agent's card shows it."""
    turn, held = relay.next()
    text = f"message {turn} for the agent {uuid.uuid4().hex[:6]}"
    _drain(relay.desk.events)
    started = time.monotonic()
    answer = held.customer.say(text)
    assert answer.status_code == 200, answer.text
    deadline = started + 30
    while True:
        pk, _at = relay.desk.events.get(timeout=max(0.01, deadline - time.monotonic()))
        if pk != str(held.pk):
            continue
        lines = relay.agent.get(f"/c/{held.pk}/lines")
        if text in lines.text:
            relay.to_agent.append(time.monotonic() - started)
            return
        assert time.monotonic() < deadline, "the customer's line never reached the card"


def agent_to_customer(relay: Relay) -> None:
    """One agent reply, until the customer's page stream has it."""
    turn, held = relay.next()
    text = f"Reply {turn} from dana {uuid.uuid4().hex[:6]}"
    started = time.monotonic()
    answer = relay.agent.post(f"/c/{held.pk}/reply", text=text)
    assert answer.status_code == 303, answer.text
    line = held.customer.wait_for(lambda line: line["text"] == text, timeout=30)
    assert line["kind"] == "agent"
    assert line["author"] == "dana"
    relay.to_customer.append(line["received"] - started)


def rasa_rest(relay: Relay) -> None:
    """Rasa's own round trip: a greeting on a new conversation over the REST channel."""
    started = time.monotonic()
    answer = httpx.post(
        f"{relay.stack.rasa}/webhooks/rest/webhook",
        json={"sender": f"bench-rest-{uuid.uuid4().hex[:10]}", "message": "hello"},
        timeout=60,
    )
    relay.rest.append(time.monotonic() - started)
    answer.raise_for_status()
    assert answer.json(), "Rasa did not answer the greeting"


@pytest.mark.server
def bench_relay_rasa_rest(benchmark: Any, relay: Relay) -> None:
    """The baseline: Rasa's REST round trip (NLU, policies, our action server)."""
    benchmark.group = "relay"
    benchmark.pedantic(rasa_rest, args=(relay,), rounds=ROUNDS, warmup_rounds=1)
    benchmark.extra_info.update(kind="relay_rasa_rest", **_summary(relay.rest[1:]))


@pytest.mark.server
def bench_relay_customer_to_agent(benchmark: Any, relay: Relay) -> None:
    """Customer -> agent: the message posted on the chat page until the agent's card has it."""
    benchmark.group = "relay"
    # Two warm-up rounds: the desktop routes the first paused message it relays with a
    # router it loads then (about a second, once per process), which delays the next one.
    benchmark.pedantic(customer_to_agent, args=(relay,), rounds=ROUNDS, warmup_rounds=2)
    _record(benchmark, relay, "relay_customer_to_agent", relay.to_agent[2:])
    benchmark.extra_info["warm_up_ms"] = [_ms(value) for value in relay.to_agent[:2]]


@pytest.mark.server
def bench_relay_agent_to_customer(benchmark: Any, relay: Relay) -> None:
    """Agent -> customer: the reply posted on the card until the customer's stream has it."""
    benchmark.group = "relay"
    benchmark.pedantic(agent_to_customer, args=(relay,), rounds=ROUNDS, warmup_rounds=1)
    _record(benchmark, relay, "relay_agent_to_customer", relay.to_customer[1:])


def _record(benchmark: Any, relay: Relay, kind: str, values: list[float]) -> None:
    info = {
        "kind": kind,
        "conversations": CONVERSATIONS,
        "database": "SQLite (WAL)",
        "poll_ms": 100,
        "cpus": os.cpu_count(),
        **_summary(values),
    }
    rest = _percentile(relay.rest[1:], 0.50)
    if rest and info["p50_ms"] is not None:
        info["rasa_rest_p50_ms"] = _ms(rest)
        info["times_rasa_rest_p50"] = round(info["p50_ms"] / (rest * 1000), 2)
    p99 = _percentile(values, 0.99)
    # The goal is judged from the results (as the desktop's is, by report.py), not asserted:
    # a timing assertion would fail CI's untimed pass on a busy machine.
    info["target_p99_ms"] = TARGET_P99_S * 1000
    info["target_met"] = p99 is not None and p99 <= TARGET_P99_S
    benchmark.extra_info.update(info)
