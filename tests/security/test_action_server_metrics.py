"""The action server's Prometheus metrics, scraped from a real ``handoff-actions`` process on
127.0.0.1: decisions by lane and rule, deliveries per sink (a real webhook receiver that
fails, then recovers), the outbox backlog, routing latency buckets, bounded labels, and text
that Prometheus' own parser reads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from prometheus_client import generate_latest
from prometheus_client.parser import text_string_to_metric_families

from handoff import Conversation, Router
from handoff.adapters.rasa import TurnResult
from handoff.adapters.server import Metrics
from tests.conftest import ROOT, RULES
from tests.security.test_action_server import (
    METRICS_TOKEN,
    TOKEN,
    Server,
    action_call,
    running,
)

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(server: Server) -> Samples:
    """Every sample of /metrics, parsed by prometheus_client's own parser."""
    reply = httpx.get(
        f"{server.url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}, timeout=10
    )
    assert reply.status_code == 200, reply.text
    return parse(reply.text)


def parse(text: str) -> Samples:
    """Samples of Prometheus' text format, read by prometheus_client's own parser."""
    samples: Samples = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples


def value(samples: Samples, name: str, **labels: str) -> float:
    """The sum of the samples named ``name`` whose labels include ``labels`` (0 if none)."""
    wanted = set(labels.items())
    return sum(v for (n, got), v in samples.items() if n == name and wanted <= got)


def label_values(samples: Samples, label: str) -> set[str]:
    return {v for (_, got), _ in samples.items() for k, v in got if k == label}


def eventually(server: Server, check: Callable[[Samples], bool], seconds: float = 60) -> Samples:
    """Scrape until ``check`` holds for the samples (the delivery thread works meanwhile)."""
    deadline = time.monotonic() + seconds
    while True:
        samples = scrape(server)
        if check(samples):
            return samples
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened; server log:\n{server.log.read_text()[-2000:]}")
        time.sleep(0.1)


class Receiver:
    """A webhook receiver on 127.0.0.1 that answers 503 until told to accept."""

    def __init__(self) -> None:
        self.accept = False
        self.received = 0
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = 200 if owner.accept else 503
                owner.received += status == 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/handoff"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    yield found
    found.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, receiver: Receiver) -> Iterator[Server]:
    """One server delivering to a JSON-lines file and to the (failing) webhook receiver."""
    work = tmp_path_factory.mktemp("metrics")
    with running(
        work, HANDOFF_WEBHOOK_URL=receiver.url, HANDOFF_WEBHOOK_SECRET="metrics-webhook-secret"
    ) as started:
        yield started


def test_metrics_refuse_a_missing_or_wrong_token(server: Server) -> None:
    """Only the metrics token reads /metrics; each refusal is counted."""
    url = f"{server.url}/metrics"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Bearer {TOKEN}"}):
        assert httpx.get(url, headers=headers, timeout=10).status_code == 401
    assert value(scrape(server), "handoff_rejected_requests_total", reason="unauthorized") >= 3


def test_decisions_are_counted_by_lane_and_rule(server: Server) -> None:
    """A handoff turn counts under its lane and deciding rule; a bot turn under "none"."""
    before = scrape(server)
    assert server.post(action_call(sender="m-human")).status_code == 200
    chat = action_call("what are your opening hours", sender="m-bot", intent="ask_hours")
    assert server.post(chat).status_code == 200
    after = scrape(server)
    human = {"lane": "general_support", "rule": "asked_for_human"}
    for name in ("handoff_turns_total", "handoff_handoffs_total"):
        assert value(after, name, **human) == value(before, name, **human) + 1
    bot = {"lane": "bot", "rule": "none"}
    assert (
        value(after, "handoff_turns_total", **bot)
        == value(before, "handoff_turns_total", **bot) + 1
    )
    assert value(after, "handoff_handoffs_total", lane="bot") == 0
    # Routing takes microseconds to milliseconds: the histogram's buckets start at 0.5 ms.
    assert ("handoff_route_seconds_bucket", frozenset({("le", "0.0005")})) in after
    assert value(after, "handoff_route_seconds_count") >= 2


def test_label_values_come_from_the_rule_set(server: Server) -> None:
    """Every lane and rule label is one of the loaded rules' ids (or "none"/"other"); no
    sender id or text reaches a label."""
    for number in range(5):
        text = f"my email is someone{number}@example.com, get me a person"
        assert server.post(action_call(text, sender=f"probe-{number}")).status_code == 200
    samples = scrape(server)
    rules = Router.from_path(RULES / "default.yaml").ruleset
    assert label_values(samples, "lane") <= set(rules.lanes) | {"other"}
    assert label_values(samples, "rule") <= {rule.id for rule in rules.rules} | {"none", "other"}
    assert label_values(samples, "sink") <= {"jsonl", "webhook"}
    every = {v for (_, got), _ in samples.items() for _, v in got}
    assert not any("probe-" in v or "@" in v for v in every)


def test_deliveries_retries_lag_and_backlog_per_sink(server: Server, receiver: Receiver) -> None:
    """The webhook fails: retries are counted and its backlog shows; it recovers: the
    backlog drains and the lag is observed. The JSON-lines sink delivers all along."""
    receiver.accept = False
    assert server.post(action_call(sender="m-deliver")).status_code == 200
    failing = eventually(
        server,
        lambda s: (
            value(s, "handoff_delivery_attempts_total", sink="webhook", result="retry") >= 1
            and value(s, "handoff_outbox_pending", sink="jsonl") == 0
        ),
    )
    assert value(failing, "handoff_outbox_pending", sink="webhook") >= 1
    assert value(failing, "handoff_outbox_pending", sink="jsonl") == 0
    assert value(failing, "handoff_outbox_oldest_pending_seconds", sink="webhook") > 0
    assert value(failing, "handoff_outbox_up") == 1
    assert value(failing, "handoff_delivery_lag_seconds_count", sink="jsonl") >= 1
    receiver.accept = True
    drained = eventually(server, lambda s: value(s, "handoff_outbox_pending", sink="webhook") == 0)
    assert (
        value(drained, "handoff_delivery_attempts_total", sink="webhook", result="delivered") >= 1
    )
    assert value(drained, "handoff_delivery_lag_seconds_count", sink="webhook") >= 1
    assert value(drained, "handoff_delivery_lag_seconds_sum", sink="webhook") > 0
    assert value(drained, "handoff_outbox_oldest_pending_seconds", sink="webhook") == 0
    assert value(drained, "handoff_delivery_attempts_total", result="dead") == 0
    assert receiver.received >= 1


def test_every_metric_is_documented(server: Server) -> None:
    """DEPLOYING.md lists every metric family the action server serves."""
    reply = httpx.get(
        f"{server.url}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}, timeout=10
    )
    names = {family.name for family in text_string_to_metric_families(reply.text)}
    documented = (ROOT / "handoff" / "adapters" / "DEPLOYING.md").read_text()
    assert {name for name in names if f"`{name}" not in documented} == set()
    assert len(names) >= 17


def test_backlog_down_is_reported_not_raised(tmp_path: Path) -> None:
    """An outbox that cannot be read makes handoff_outbox_up 0; /metrics still answers."""
    with running(tmp_path, HANDOFF_DELIVERY="off") as started:
        assert value(scrape(started), "handoff_outbox_up") == 1
        # Garbage over the database and its WAL files in place, as with a disk gone bad.
        for suffix in ("", "-wal", "-shm"):
            path = started.work / f"outbox.db{suffix}"
            if path.exists():
                size = max(path.stat().st_size, 4096)
                with path.open("r+b") as out:
                    out.write(b"this is not a database " * (size // 23 + 1))
        samples = scrape(started)
        assert value(samples, "handoff_outbox_up") == 0
        assert value(samples, "handoff_storage_ready") == 0


# --------------------------------------------------------------------------- experiments


PILOT = ROOT / "rules" / "pilots" / "banking_pilot.yaml"
TEXTS = (
    "I want to talk to a human",
    "someone used my card, I think it's fraud",
    "hmm not sure",
    "what is my balance",
    "this is useless, I want to complain",
    "hello",
)


def test_experiment_arms_and_shadow_disagreements_are_counted() -> None:
    """Every turn of the pilot rules counts under its experiment and arm; the shadow's
    disagreements are exactly the turns where its lane (or handoff) differed."""
    router = Router.from_path(PILOT)
    metrics = Metrics()
    metrics.bind(router)
    arms: dict[str, int] = {}
    differed = 0
    for number in range(60):
        conversation = Conversation.model_validate(
            {
                "id": f"pilot-{number}",
                "turns": [
                    {
                        "role": "user",
                        "text": TEXTS[number % len(TEXTS)],
                        "intent": {"name": "chitchat", "confidence": 0.3 + (number % 7) / 10},
                    }
                ],
            }
        )
        decision = router.route(conversation)
        assert decision.arm is not None
        assert decision.shadow is not None
        arms[decision.arm] = arms.get(decision.arm, 0) + 1
        shadow = decision.shadow
        differed += shadow.lane != decision.lane or shadow.handoff != decision.handoff
        metrics.record(TurnResult(conversation, decision, None, None, [], 0.0002))
    samples = parse(generate_latest(metrics.registry).decode())
    assert len(arms) >= 2
    assert differed >= 1, "no turn where the shadow differed: pick other texts"
    for arm, turns in arms.items():
        labels = {"experiment": "early-help", "arm": arm}
        assert value(samples, "handoff_experiment_turns_total", **labels) == turns
    assert value(samples, "handoff_shadow_turns_total") == 60
    assert value(samples, "handoff_shadow_disagreements_total") == differed
    assert label_values(samples, "arm") <= {"control", "early_help", "bot_only"}
    lanes = set(router.compiled.ruleset.lanes) | set(router.compiled.shadow.ruleset.lanes)
    assert label_values(samples, "shadow_lane") <= lanes
    # The 0.2 ms turns fall in the first bucket.
    assert value(samples, "handoff_route_seconds_bucket", le="0.0005") == 60


def test_unknown_label_values_become_other_once_bound() -> None:
    """After ``bind`` a lane or rule outside the rule sets cannot add a label value."""
    router = Router.from_path(RULES / "default.yaml")
    metrics = Metrics()
    metrics.bind(router)
    assert metrics.rules("asked_for_human") == "asked_for_human"
    assert metrics.rules(None) == "none"
    assert metrics.rules("not-a-rule") == "other"
    assert metrics.lanes("0612345678") == "other"
    unbound = Metrics()
    assert unbound.sinks("webhook") == "webhook"
    assert unbound.sinks("has spaces, or @") == "other"
    assert {unbound.sinks(f"sink{n}") for n in range(500)} >= {"other"}


def test_a_server_with_pilot_rules_counts_its_arms(tmp_path: Path) -> None:
    """The real server binds the arms' and shadow's ids: a pilot turn is counted by arm."""
    with running(tmp_path, HANDOFF_RULES=str(PILOT)) as started:
        assert started.post(action_call(sender="pilot-1")).status_code == 200
        samples = scrape(started)
    assert value(samples, "handoff_experiment_turns_total", experiment="early-help") == 1
    assert value(samples, "handoff_shadow_turns_total") == 1
    assert label_values(samples, "rule") - {"none"} <= {
        rule.id
        for path in PILOT.parent.glob("*.yaml")
        for rule in Router.from_path(path).ruleset.rules
    } | {rule.id for rule in Router.from_path(ROOT / "rules" / "banking.yaml").ruleset.rules}
