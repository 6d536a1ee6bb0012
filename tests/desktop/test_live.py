"""Live updates over server-sent events, with real HTTP clients (httpx streaming).

An agent's stream carries the rows and stats of their lanes only; a supervisor's carries
all. Streams resume after a drop (Last-Event-ID), end at logout, are dropped (told to
reload) when they cannot keep up, and are forgotten when the browser goes away. Writes by
another process reach the stream through the change feed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest

from handoff.desktop import Desktop
from handoff.desktop.app import TemplateRenderer, _environment
from handoff.desktop.live import DesktopSource, LiveHub
from handoff.models import ContextPayload
from tests.desktop._web import Browser, Event, EventStream, app_for, serve, signed
from tests.desktop.conftest import People, body, fast_passwords, make_payload, pk_of

A, B = "general_support", "priority_support"


@dataclass
class Site:
    url: str
    desk: Desktop
    people: People
    browsers: dict[str, Browser]
    hub: LiveHub

    def stream(self, who: str, **kwargs: object) -> EventStream:
        stream = EventStream(self.url, self.browsers[who].client.cookies, **kwargs)  # type: ignore[arg-type]
        assert stream.status == 200
        stream.next("hello")
        return stream

    def deliver(self, payload: ContextPayload, key: str) -> int:
        data = body(payload)
        answer = self.browsers["alice"].client.post(
            "/webhook/payloads", content=data, headers=signed(data, key)
        )
        assert answer.status_code == 200, answer.text
        return pk_of(self.desk, payload.conversation_id)


@pytest.fixture
def site(desk: Desktop) -> Iterator[Site]:
    people = People(desk)
    app = app_for(desk, ping=1, revalidate=0.5)
    with serve(app) as url:
        browsers = {}
        for name in ("alice", "bob", "sue"):
            browsers[name] = Browser(url)
            assert browsers[name].login(name).status_code == 303
        try:
            yield Site(url, desk, people, browsers, app.state.hub)
        finally:
            for browser in browsers.values():
                browser.close()


def lanes_of(events: list[Event]) -> set[str]:
    """The lanes the row, gone and stats events are about."""
    lanes = set()
    for event in events:
        if event.event == "gone":
            lanes.add(event.data.split("-")[1].rsplit("-", 1)[0])
        elif event.event in ("row", "stats"):
            marker = 'data-lane="' if event.event == "row" else 'id="stats-'
            lanes.add(event.data.split(marker, 1)[1].split('"', 1)[0])
    return lanes


def is_row_of(conversation_id: str):  # type: ignore[no-untyped-def]
    return lambda event: event.event == "row" and f">{conversation_id}<" in event.data


class TestLanes:
    def test_each_stream_carries_only_its_lanes(
        self, site: Site, base_payload: ContextPayload
    ) -> None:
        alice, bob, sue = (site.stream(name) for name in ("alice", "bob", "sue"))
        try:
            site.deliver(make_payload(base_payload, "chat-a1", lane=A), "k-a1")
            site.deliver(make_payload(base_payload, "chat-b1", lane=B), "k-b1")
            # A second lane-A payload marks the end: events come in order, so whatever alice
            # would have got of lane B would have come before it.
            site.deliver(make_payload(base_payload, "chat-a2", lane=A), "k-a2")

            seen_by_alice = alice.until(is_row_of("chat-a2"))
            assert any(is_row_of("chat-a1")(event) for event in seen_by_alice)
            assert lanes_of(seen_by_alice) == {A}
            assert not any("chat-b1" in event.data for event in seen_by_alice)

            seen_by_bob = bob.until(is_row_of("chat-b1"))
            assert lanes_of(seen_by_bob) == {B}

            seen_by_sue = sue.until(is_row_of("chat-a2"))
            assert {"chat-a1", "chat-b1", "chat-a2"} <= {
                cid for cid in ("chat-a1", "chat-b1", "chat-a2")
                if any(is_row_of(cid)(event) for event in seen_by_sue)
            }  # fmt: skip
            assert lanes_of(seen_by_sue) == {A, B}
        finally:
            for stream in (alice, bob, sue):
                stream.close()

    def test_the_row_is_the_pages_row_and_stats_follow(
        self, site: Site, base_payload: ContextPayload
    ) -> None:
        """The fragment is the queue page's own <tr> (same template), then the lane's stats."""
        alice = site.stream("alice")
        try:
            pk = site.deliver(make_payload(base_payload, "chat-a1", lane=A), "k-a1")
            row = alice.next("row")
            stats = alice.next("stats")
        finally:
            alice.close()
        assert row.data.startswith(f'<tr id="row-{A}-{pk}"')
        assert row.id is not None
        assert int(row.id) > 0
        page = site.browsers["alice"].get("/").text
        assert row.data.strip() in page
        assert f'id="stats-{A}"' in stats.data
        assert '<dd data-stat="waiting">1</dd>' in stats.data

    def test_a_transfer_leaves_one_lane_and_arrives_in_the_other(
        self, site: Site, base_payload: ContextPayload
    ) -> None:
        pk = site.deliver(make_payload(base_payload, "chat-a1", lane=A), "k-a1")
        alice, bob = site.stream("alice"), site.stream("bob")
        try:
            alice_browser = site.browsers["alice"]
            assert alice_browser.post(f"/c/{pk}/claim").status_code == 303
            answer = alice_browser.post(f"/c/{pk}/transfer", lane=B, note="priority customer")
            assert answer.status_code == 303
            gone = alice.next("gone")
            assert gone.data == f"row-{A}-{pk}"
            arrived = bob.until(lambda event: event.event == "row")[-1]
            assert f'id="row-{B}-{pk}"' in arrived.data
        finally:
            alice.close()
            bob.close()

    def test_anonymous_streams_are_refused(self, site: Site) -> None:
        answer = httpx.get(f"{site.url}/events", timeout=10)
        assert answer.status_code == 401


class TestResume:
    def test_last_event_id_replays_what_was_missed_in_the_lanes_only(
        self, site: Site, base_payload: ContextPayload
    ) -> None:
        alice = site.stream("alice")
        site.deliver(make_payload(base_payload, "chat-a1", lane=A), "k-a1")
        last = alice.next("row").id
        alice.close()
        # While the browser is away:
        site.deliver(make_payload(base_payload, "chat-b1", lane=B), "k-b1")
        site.deliver(make_payload(base_payload, "chat-a2", lane=A), "k-a2")
        again = site.stream("alice", last_event_id=last)
        try:
            replayed = again.until(is_row_of("chat-a2"))
        finally:
            again.close()
        assert lanes_of(replayed) == {A}
        assert not any(is_row_of("chat-a1")(event) for event in replayed)  # not twice

    def test_the_pages_position_starts_the_first_connection(
        self, site: Site, base_payload: ContextPayload
    ) -> None:
        """A page rendered before a change: ?after=<its seq> brings that change."""
        page = site.browsers["alice"].get("/").text
        seq = int(page.split('data-seq="', 1)[1].split('"', 1)[0])
        site.deliver(make_payload(base_payload, "chat-a1", lane=A), "k-a1")
        stream = site.stream("alice", after=seq)
        try:
            stream.until(is_row_of("chat-a1"))
        finally:
            stream.close()

    def test_too_much_missed_means_reload(
        self, site: Site, base_payload: ContextPayload, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr("handoff.desktop.live.MAX_REPLAY", 2)
        for number in range(3):
            site.deliver(make_payload(base_payload, f"chat-{number}", lane=A), f"k-{number}")
        stream = site.stream("alice", after=0)
        try:
            assert stream.next().event == "reload"
            assert stream.closed.wait(30)
        finally:
            stream.close()


class TestLifecycle:
    def test_keep_alive_pings(self, site: Site) -> None:
        stream = site.stream("alice")
        try:
            assert stream.comments.get(timeout=30).startswith(": ping")
        finally:
            stream.close()

    def test_logout_ends_the_stream(self, site: Site) -> None:
        stream = site.stream("alice")
        try:
            assert site.browsers["alice"].post("/logout").status_code == 303
            assert stream.next("logout").data == "session ended"
            assert stream.closed.wait(30)
        finally:
            stream.close()

    def test_a_closed_browser_is_forgotten(self, site: Site) -> None:
        streams = [site.stream(name) for name in ("alice", "bob", "sue")]
        assert site.hub.clients == 3
        for stream in streams:
            stream.close()
        deadline = time.monotonic() + 10
        while site.hub.clients and time.monotonic() < deadline:
            time.sleep(0.05)
        assert site.hub.clients == 0

    def test_another_process_writing_is_seen_by_polling(
        self, site: Site, base_payload: ContextPayload, desktop_url: str
    ) -> None:
        """A second Desktop on the same database (another worker or process) receives a
        payload; this process's hub is not woken, its poller finds it in the feed."""
        stream = site.stream("alice")
        other = Desktop(desktop_url, clock=site.desk.clock, passwords=fast_passwords())
        try:
            other.receive("k-elsewhere", body(make_payload(base_payload, "chat-x", lane=A)))
            stream.until(is_row_of("chat-x"))
        finally:
            other.close()
            stream.close()


class TestBounded:
    def test_a_client_that_does_not_read_is_told_to_reload_and_dropped(
        self, desk: Desktop, base_payload: ContextPayload
    ) -> None:
        """Its queue holds at most ``client_queue`` events; past that it is dropped."""
        people = People(desk)
        token, _ = desk.login("alice", "correct horse battery") or ("", "")
        session = desk.session(token)
        assert session is not None

        async def scenario() -> list[dict[str, object]]:
            hub = LiveHub(DesktopSource(desk), TemplateRenderer(_environment()), client_queue=8)
            await hub.start()
            try:
                client = hub.connect(token, session)
                for number in range(12):
                    desk.receive(f"k-{number}", body(make_payload(base_payload, f"c-{number}")))
                    await hub.poll()
                assert client.queue.qsize() <= 8
                assert client.overflowed
                events = [event async for event in hub.stream(client, None)]
                assert hub.clients == 0
                return events
            finally:
                await hub.stop()

        events = asyncio.run(scenario())
        assert [event["event"] for event in events] == ["reload"]
        assert people.alice.lanes == (A,)

    def test_the_number_of_streams_is_capped(self, desk: Desktop) -> None:
        People(desk)
        app = app_for(desk, ping=1, max_streams=1)
        with serve(app) as url:
            browser = Browser(url)
            assert browser.login("alice").status_code == 303
            first = EventStream(url, browser.client.cookies)
            second = EventStream(url, browser.client.cookies)
            try:
                assert first.status == 200
                assert second.status == 503
            finally:
                first.close()
                second.close()
                browser.close()
