"""Helpers of the web tests: the desktop app served by a real uvicorn on 127.0.0.1 (in a
thread), and an HTTP client that logs in like a browser (cookie jar, CSRF token from the
page)."""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette

from handoff.delivery._signing import signed_headers
from handoff.desktop import Desktop
from handoff.desktop.app import LoginThrottle, create_app
from tests.desktop.conftest import PASSWORD

SECRET = "test webhook secret"
_CSRF = re.compile(r'name="csrf_token" value="([^"]*)"')
_META = re.compile(r'<meta name="csrf-token" content="([^"]*)">')


@contextmanager
def serve(app: Starlette) -> Iterator[str]:
    """Run ``app`` on a free port of 127.0.0.1 until the block ends; yields its base URL."""
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=0,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="desktop-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the desktop test server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def app_for(desk: Desktop, **options: Any) -> Starlette:
    """The app as the tests use it: cookies without Secure (plain http://127.0.0.1), a
    generous login throttle unless one is given."""
    options.setdefault("secure_cookies", False)
    options.setdefault("throttle", LoginThrottle(per_user=1000, per_address=1000))
    return create_app(desk, webhook_secret=SECRET, **options)


def csrf_of(html: str) -> str:
    """The CSRF token a page carries (its meta tag, else its first form)."""
    match = _META.search(html) or _CSRF.search(html)
    assert match is not None, "no CSRF token on the page"
    return match[1]


class Browser:
    """An HTTP client with a cookie jar, as one person's browser."""

    def __init__(self, base_url: str) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=10, follow_redirects=False)
        self.csrf = ""

    def close(self) -> None:
        self.client.close()

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        form = self.client.get("/login")
        answer = self.client.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": csrf_of(form.text)},
        )
        if answer.status_code == 303:
            self.csrf = csrf_of(self.client.get("/").text)
        return answer

    def post(self, path: str, **data: Any) -> httpx.Response:
        """A form POST with this session's CSRF token (unless ``csrf_token`` is given)."""
        data.setdefault("csrf_token", self.csrf)
        return self.client.post(path, data=data)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.client.get(path, **kwargs)


def signed(body: bytes, key: str, *, secret: str = SECRET, **kwargs: Any) -> dict[str, str]:
    """The headers the outbox sends with ``body`` under ``key``."""
    return signed_headers(body, secret, key=key, **kwargs)


class Switch:
    """An ASGI app that forwards to ``self.app``, so one server (started once per module)
    serves each test's own app. Lifespan events are answered here: the inner apps' live
    hubs do not run (tests of the live hub serve their app directly)."""

    def __init__(self) -> None:
        self.app: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        assert self.app is not None, "no app switched in"
        await self.app(scope, receive, send)


@dataclass(frozen=True)
class Event:
    """One server-sent event as a browser's EventSource sees it."""

    event: str
    data: str
    id: str | None
    at: float = field(default_factory=time.perf_counter)  # when it arrived


class EventStream:
    """A server-sent-event client (httpx streaming, in a thread) that queues what arrives.

    ``events`` gets each event, ``comments`` each comment line (the keep-alive pings);
    ``closed`` is set when the server ends the stream. Serve the app with ``ping=1`` so
    :meth:`close` returns within a second.
    """

    def __init__(
        self,
        base_url: str,
        cookies: httpx.Cookies,
        *,
        after: int | None = None,
        last_event_id: str | None = None,
    ) -> None:
        self.events: queue.Queue[Event] = queue.Queue()
        self.comments: queue.Queue[str] = queue.Queue()
        self.closed = threading.Event()
        self._stop = threading.Event()
        self.status: int | None = None
        self._opened = threading.Event()
        self._client = httpx.Client(base_url=base_url, cookies=cookies, timeout=None)
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = last_event_id
        path = "/events" + (f"?after={after}" if after is not None else "")
        self._thread = threading.Thread(target=self._read, args=(path, headers), daemon=True)
        self._thread.start()
        if not self._opened.wait(30):
            raise RuntimeError("the event stream did not open")

    def _read(self, path: str, headers: dict[str, str]) -> None:
        try:
            with self._client.stream("GET", path, headers=headers) as response:
                self.status = response.status_code
                self.headers = response.headers
                self._opened.set()
                if response.status_code != 200:
                    return
                fields: dict[str, str] = {}
                for line in response.iter_lines():
                    if self._stop.is_set():
                        break  # the app pings every second: a stop waits at most that
                    if line.startswith(":"):
                        self.comments.put(line)
                    elif not line:
                        if "data" in fields:
                            self.events.put(
                                Event(
                                    fields.get("event", "message"), fields["data"], fields.get("id")
                                )
                            )
                        fields = {}
                    else:
                        name, _, value = line.partition(":")
                        value = value.removeprefix(" ")
                        if name == "data" and "data" in fields:
                            fields["data"] += "\n" + value
                        else:
                            fields[name] = value
        except (httpx.HTTPError, RuntimeError):
            pass  # closed by the test
        finally:
            self._opened.set()
            self.closed.set()

    def next(self, kind: str | None = None, *, timeout: float = 30) -> Event:
        """The next event (of ``kind``, skipping others); fails the test after ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                event = self.events.get(timeout=max(0.01, left))
            except queue.Empty:
                raise AssertionError(f"no {kind or 'event'} within {timeout} s") from None
            if kind is None or event.event == kind:
                return event

    def until(self, predicate: Any, *, timeout: float = 30) -> list[Event]:
        """Every event up to and including the first that satisfies ``predicate``."""
        seen = []
        deadline = time.monotonic() + timeout
        while True:
            event = self.next(timeout=max(0.01, deadline - time.monotonic()))
            seen.append(event)
            if predicate(event):
                return seen

    def close(self) -> None:
        """Disconnect, as a browser closing the tab."""
        self._stop.set()
        self._thread.join(timeout=10)
        self._client.close()
