"""Helpers of the web tests: the desktop app served by a real uvicorn on 127.0.0.1 (in a
thread), and an HTTP client that logs in like a browser (cookie jar, CSRF token from the
page)."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
        thread.join(timeout=10)


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
