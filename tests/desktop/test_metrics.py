"""The desktop's Prometheus metrics, scraped for real from a uvicorn server on 127.0.0.1 (SQLite
and PostgreSQL): the token, counters that move with real deliveries, claims and wrap-ups,
queue gauges, relay lag, bounded labels, and text that Prometheus' own parser reads."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from prometheus_client.parser import text_string_to_metric_families

from handoff.desktop import Desktop
from handoff.desktop.metrics import DesktopMetrics, tokens_from
from handoff.desktop.relay import Relay
from handoff.models import ContextPayload
from tests.desktop._web import Browser, app_for, serve, signed
from tests.desktop.conftest import START, Clock, People, body, make_payload, pk_of
from tests.desktop.test_cli_web import HANDOFF, ROOT

TOKEN = "desktop-metrics-token-0123456789"
OLD_TOKEN = "desktop-metrics-old-token-9876543210"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def scrape(url: str, token: str = TOKEN) -> Samples:
    """Every sample of /metrics, parsed by prometheus_client's own parser."""
    reply = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert reply.status_code == 200, reply.text
    assert reply.headers["content-type"].startswith("text/plain; version=")
    samples: Samples = {}
    for family in text_string_to_metric_families(reply.text):
        for sample in family.samples:
            samples[(sample.name, frozenset(sample.labels.items()))] = sample.value
    return samples


def value(samples: Samples, name: str, **labels: str) -> float:
    """The sum of the samples named ``name`` whose labels include ``labels`` (0 if none)."""
    wanted = set(labels.items())
    return sum(v for (n, got), v in samples.items() if n == name and wanted <= got)


def label_values(samples: Samples, label: str) -> set[str]:
    return {v for (_, got), _ in samples.items() for k, v in got if k == label}


@pytest.fixture
def site(desk: Desktop) -> Iterator[str]:
    metrics = DesktopMetrics(desk, tokens=tokens_from(f"{TOKEN},{OLD_TOKEN}"))
    with serve(app_for(desk, metrics=metrics)) as url:
        yield url


def deliver_over_http(url: str, payload: ContextPayload, key: str) -> httpx.Response:
    data = body(payload)
    return httpx.post(
        f"{url}/webhook/payloads", content=data, headers=signed(data, key), timeout=10
    )


class TestAccess:
    def test_the_token_is_the_only_way_in(self, site: str, desk: Desktop, people: People) -> None:
        """401 without a token, with a wrong one, with the agents' session; 200 with either
        rotated token."""
        url = f"{site}/metrics"
        assert httpx.get(url, timeout=10).status_code == 401
        wrong = {"Authorization": "Bearer not-the-token"}
        assert httpx.get(url, headers=wrong, timeout=10).status_code == 401
        basic = {"Authorization": f"Basic {TOKEN}"}
        assert httpx.get(url, headers=basic, timeout=10).status_code == 401
        admin = Browser(site)
        try:
            assert admin.login("ada").status_code == 303
            refused = admin.get("/metrics")
            assert refused.status_code == 401
            assert refused.headers["www-authenticate"] == 'Bearer realm="metrics"'
            assert "handoff_desktop" not in refused.text
        finally:
            admin.close()
        assert value(scrape(site, OLD_TOKEN), "handoff_desktop_metrics_refused_total") == 4
        assert value(scrape(site), "handoff_desktop_store_up") == 1

    def test_without_a_token_there_is_no_endpoint(self, desk: Desktop) -> None:
        """The safer default: no token configured, no /metrics (404), and no way to make
        one without a token."""
        with serve(app_for(desk)) as url:
            assert httpx.get(f"{url}/metrics", timeout=10).status_code == 404
        with pytest.raises(ValueError, match="HANDOFF_DESKTOP_METRICS_TOKEN"):
            DesktopMetrics(desk, tokens=tokens_from(" , "))


class TestCounters:
    def test_deliveries_claims_and_wrap_ups_move_the_counters(
        self,
        site: str,
        desk: Desktop,
        people: People,
        clock: Clock,
        base_payload: ContextPayload,
    ) -> None:
        """A real delivery, a duplicate, refused ones, a late claim, a transfer and a
        resolution, each seen in the scrape with its lane."""
        before = scrape(site)
        late = make_payload(base_payload, "chat-late", deadline=START + timedelta(minutes=2))
        assert deliver_over_http(site, late, "k-late").json()["status"] == "stored"
        assert deliver_over_http(site, late, "k-late").json()["status"] == "duplicate"
        data = body(make_payload(base_payload, "chat-forged"))
        forged = signed(data, "k-forged", secret="not the secret")
        reply = httpx.post(f"{site}/webhook/payloads", content=data, headers=forged, timeout=10)
        assert reply.status_code == 401
        huge = b"{" + b" " * (2 * 1024 * 1024) + b"}"
        reply = httpx.post(
            f"{site}/webhook/payloads", content=huge, headers=signed(huge, "k-big"), timeout=10
        )
        assert reply.status_code == 413
        reply = httpx.post(
            f"{site}/webhook/payloads", content=b"[]", headers=signed(b"[]", "k-bad"), timeout=10
        )
        assert reply.status_code == 422

        clock.advance(300)  # past the 2-minute SLA deadline, still waiting
        waiting = scrape(site)
        lane = {"lane": "general_support"}
        assert value(waiting, "handoff_desktop_payloads_total", outcome="stored") == 1
        assert value(waiting, "handoff_desktop_payloads_total", outcome="duplicate") == 1
        assert value(waiting, "handoff_desktop_payloads_total", outcome="rejected_signature") == 1
        assert value(waiting, "handoff_desktop_payloads_total", outcome="rejected_size") == 1
        assert value(waiting, "handoff_desktop_payloads_total", outcome="rejected_invalid") == 1
        assert value(waiting, "handoff_desktop_handoffs_total", kind="new", **lane) == 1
        assert value(waiting, "handoff_desktop_queue_depth", status="waiting", **lane) == 1
        assert value(waiting, "handoff_desktop_queue_oldest_wait_seconds", **lane) == 300
        assert value(waiting, "handoff_desktop_queue_overdue", **lane) == 1
        assert value(waiting, "handoff_desktop_queue_depth", lane="callback") == 0
        assert value(before, "handoff_desktop_claims_total") == 0

        alice = Browser(site)
        try:
            assert alice.login("alice").status_code == 303
            pk = pk_of(desk, "chat-late")
            assert alice.post(f"/c/{pk}/claim").status_code == 303
            claimed = scrape(site)
            assert value(claimed, "handoff_desktop_claims_total", **lane) == 1
            assert value(claimed, "handoff_desktop_sla_breaches_total", **lane) == 1
            assert value(claimed, "handoff_desktop_queue_depth", status="claimed", **lane) == 1
            assert value(claimed, "handoff_desktop_queue_depth", status="waiting", **lane) == 0
            assert value(claimed, "handoff_desktop_queue_oldest_wait_seconds", **lane) == 0
            moved = alice.post(f"/c/{pk}/transfer", lane="priority_support", note="VIP")
            assert moved.status_code == 303
        finally:
            alice.close()
        bob = Browser(site)
        try:
            assert bob.login("bob").status_code == 303
            assert bob.post(f"/c/{pk}/claim").status_code == 303
            done = bob.post(f"/c/{pk}/resolve", outcome_code="resolved", needed="yes", note="ok")
            assert done.status_code == 303
        finally:
            bob.close()
        after = scrape(site)
        transfer = {"lane": "general_support", "to_lane": "priority_support", "kind": "transfer"}
        assert value(after, "handoff_desktop_transfers_total", **transfer) == 1
        assert value(after, "handoff_desktop_claims_total") == 2
        assert value(after, "handoff_desktop_claims_total", lane="priority_support") == 1
        assert value(after, "handoff_desktop_resolutions_total", lane="priority_support") == 1
        # Request timing by route template: the claims were timed as "/c/{pk:int}/{action:str}".
        route = {"route": "/c/{pk:int}/{action:str}", "method": "POST", "code": "3xx"}
        assert value(after, "handoff_desktop_http_request_seconds_count", **route) == 4
        assert value(after, "handoff_desktop_http_request_seconds_count", code="4xx") == 3

    def test_abandonments_and_reopened_handoffs(
        self, site: str, desk: Desktop, clock: Clock, base_payload: ContextPayload
    ) -> None:
        """The sweeper's abandonment (written by the service, not this app) is counted too:
        the counters follow the store's change feed; a returning customer is a reopened
        handoff."""
        payload = make_payload(base_payload, "chat-gone")
        assert deliver_over_http(site, payload, "k-gone-1").json()["status"] == "stored"
        clock.advance(3600)
        assert [cid for _, cid in desk.abandon_idle(600)] == ["chat-gone"]
        again = make_payload(
            base_payload, "chat-gone", created_at=base_payload.created_at + timedelta(hours=2)
        )
        assert deliver_over_http(site, again, "k-gone-2").json()["status"] == "updated"
        samples = scrape(site)
        lane = {"lane": "general_support"}
        assert value(samples, "handoff_desktop_abandonments_total", **lane) == 1
        assert value(samples, "handoff_desktop_handoffs_total", kind="new", **lane) == 1
        assert value(samples, "handoff_desktop_handoffs_total", kind="reopened", **lane) == 1
        assert value(samples, "handoff_desktop_payloads_total", outcome="updated") == 1

    def test_counters_start_from_where_the_feed_stood(
        self, desk: Desktop, base_payload: ContextPayload
    ) -> None:
        """Conversations handed off before the process started are not counted again."""
        desk.receive("k-old", body(make_payload(base_payload, "chat-old")))
        metrics = DesktopMetrics(desk, tokens=[TOKEN])
        with serve(app_for(desk, metrics=metrics)) as url:
            samples = scrape(url)
        assert value(samples, "handoff_desktop_handoffs_total") == 0
        assert value(samples, "handoff_desktop_queue_depth", status="waiting") == 1


class TestLabels:
    def test_label_values_are_bounded_and_hold_no_ids(
        self, site: str, desk: Desktop, people: People, base_payload: ContextPayload
    ) -> None:
        """Probing random paths, conversations and methods adds no label values: routes
        are templates (or "unmatched"), methods a fixed few, lanes the desktop's own."""
        assert deliver_over_http(site, base_payload, "k-label").status_code == 200
        pk = pk_of(desk, base_payload.conversation_id)
        agent = Browser(site)
        try:
            agent.login("alice")
            for probe in range(30):
                agent.get(f"/c/{pk + probe}")
                agent.get(f"/no/such/page/{probe}?customer=alice@example.com")
                agent.client.request("PROPFIND", f"/c/{probe}")
        finally:
            agent.close()
        samples = scrape(site)
        routes = label_values(samples, "route")
        assert "/c/{pk:int}" in routes
        assert "unmatched" in routes
        assert not any(re.search(r"/\d", route) for route in routes), routes
        assert label_values(samples, "method") <= {"GET", "HEAD", "POST", "other"}
        assert label_values(samples, "code") <= {"1xx", "2xx", "3xx", "4xx", "5xx", "other"}
        assert label_values(samples, "status") <= {"waiting", "claimed"}
        lanes = {lane.id for lane in desk.lanes()}
        assert label_values(samples, "lane") | label_values(samples, "to_lane") <= lanes
        every = {v for (_, got), _ in samples.items() for _, v in got}
        assert not any(base_payload.conversation_id in v or "@" in v for v in every)
        assert len(every) < 150


class TestRelay:
    def test_relay_lag_and_errors(
        self, desk: Desktop, tmp_path: Path, base_payload: ContextPayload
    ) -> None:
        """Events behind Rasa's broker and the age of the oldest one, before and after the
        relay passes them; a broker that cannot be read is reported, not raised."""
        events = sa.create_engine(f"sqlite:///{tmp_path / 'events.sqlite'}")
        with events.begin() as connection:
            connection.execute(
                sa.text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)")
            )
            for number in range(3):
                event = {"event": "user", "text": f"hi {number}", "timestamp": 1_000.0 + number}
                connection.execute(
                    sa.text("INSERT INTO events (sender_id, data) VALUES ('web-1', :data)"),
                    {"data": json.dumps(event)},
                )
        relay = Relay(desk, str(tmp_path / "events.sqlite"))
        metrics = DesktopMetrics(desk, tokens=[TOKEN], relay=relay)
        try:
            with serve(app_for(desk, metrics=metrics)) as url:
                behind = scrape(url)
                assert value(behind, "handoff_desktop_relay_up") == 1
                assert value(behind, "handoff_desktop_relay_events_behind") == 3
                assert value(behind, "handoff_desktop_relay_lag_seconds") > 1_000_000
                assert relay.step() == 3
                caught_up = scrape(url)
                assert value(caught_up, "handoff_desktop_relay_events_behind") == 0
                assert value(caught_up, "handoff_desktop_relay_lag_seconds") == 0
                assert value(caught_up, "handoff_desktop_relay_events_total") == 3
                age = value(caught_up, "handoff_desktop_relay_last_event_age_seconds")
                assert age > 1_000_000  # the last event relayed was written at t=1002
                with events.begin() as connection:
                    connection.execute(sa.text("DROP TABLE events"))
                with pytest.raises(sa.exc.OperationalError):
                    relay.lag()
                down = scrape(url)
                assert value(down, "handoff_desktop_relay_up") == 0
                assert value(down, "handoff_desktop_store_up") == 1
                reply = httpx.get(f"{url}/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
                names = {family.name for family in text_string_to_metric_families(reply.text)}
                names |= {name for name, _ in behind}
        finally:
            relay.close()
            events.dispose()
        # DEPLOYING.md lists every metric family the desktop serves.
        documented = (ROOT / "handoff" / "adapters" / "DEPLOYING.md").read_text()
        assert {name for name in names if f"`{name}" not in documented} == set()
        assert len(names) >= 20


class TestServe:
    def test_serve_turns_metrics_on_with_the_token_only(
        self, tmp_path: Path, base_payload: ContextPayload
    ) -> None:
        """``handoff desktop serve``: /metrics with HANDOFF_DESKTOP_METRICS_TOKEN, 404 without."""
        for token in (TOKEN, None):
            env = {
                **os.environ,
                "HANDOFF_DESKTOP_WEBHOOK_SECRET": "serve-test-secret",
                "HANDOFF_DESKTOP_DB": f"sqlite:///{tmp_path / 'desk.sqlite'}",
                "PYTHONUNBUFFERED": "1",
                "NO_COLOR": "1",
            }
            env.pop("HANDOFF_DESKTOP_METRICS_TOKEN", None)
            if token:
                env["HANDOFF_DESKTOP_METRICS_TOKEN"] = token
            args = ["desktop", "serve", "--port", "0", "--upgrade", "--rules", "rules/default.yaml"]
            process = subprocess.Popen(
                [*HANDOFF, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
            )
            try:
                assert process.stdout is not None
                found = re.search(r"on (http://127\.0\.0\.1:\d+) ", process.stdout.readline())
                assert found is not None
                url = found[1]
                if token:
                    data = body(base_payload)
                    headers = signed(data, "k-serve", secret="serve-test-secret")
                    httpx.post(f"{url}/webhook/payloads", content=data, headers=headers)
                    samples = scrape(url)
                    assert value(samples, "handoff_desktop_payloads_total", outcome="stored") == 1
                    assert httpx.get(f"{url}/metrics", timeout=10).status_code == 401
                else:
                    assert httpx.get(f"{url}/metrics", timeout=10).status_code == 404
            finally:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
                if process.stdout is not None:
                    process.stdout.close()
