"""A small real HTTP server on 127.0.0.1 that answers like Rasa 3.6's conversation API and
records every request, for the hand-back and override tests.

It reproduces what matters of ``rasa/server.py`` 3.6: routes are
``/conversations/<conversation_id:path>/tracker[/events]`` matched on the raw path (Sanic
does not unquote it, so the id is the raw segment), and ``requires_auth`` accepts the
``?token=`` query parameter or a JWT bearer header (sanic-jwt, HS256) whose ``user.role``
is ``admin``, or ``user`` with ``user.username`` equal to the conversation id.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt

_ROUTE = re.compile(r"^/conversations/(?P<id>.+)/tracker(?P<events>/events)?$")


@dataclass
class Seen:
    method: str
    raw_path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any


@dataclass
class FakeRasa:
    url: str = ""
    token: str | None = None
    jwt_secret: str | None = None
    trackers: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)

    def tracker(self, conversation_id: str) -> dict[str, Any]:
        return self.trackers.setdefault(
            conversation_id,
            {"sender_id": conversation_id, "slots": {}, "latest_message": {}, "events": [],
             "paused": False, "latest_input_channel": "rest", "active_loop": {},
             "latest_action_name": "action_listen"},
        )  # fmt: skip

    def allowed(self, seen: Seen, conversation_id: str) -> int:
        if self.token is None and self.jwt_secret is None:
            return 200
        if self.token is not None and seen.query.get("token") == [self.token]:
            return 200
        header = seen.headers.get("authorization", "")
        if self.jwt_secret is not None and header.startswith("Bearer "):
            try:
                claims = jwt.decode(header[7:], self.jwt_secret, algorithms=["HS256"])
            except jwt.PyJWTError:
                return 401
            user = claims.get("user", {})
            if user.get("role") == "admin":
                return 200
            if user.get("role") == "user" and user.get("username") == conversation_id:
                return 200
            return 403
        return 401


def _handler(rasa: FakeRasa) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            """Quiet: the tests read rasa.requests."""

        def _answer(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            seen = Seen(self.command, parts.path, parse_qs(parts.query),
                        {k.lower(): v for k, v in self.headers.items()}, body)  # fmt: skip
            rasa.requests.append(seen)
            match = _ROUTE.match(parts.path)
            if match is None:
                self._answer(404, {"status": "failure"})
                return
            conversation_id = match["id"]  # raw, as Sanic hands it to Rasa
            status = rasa.allowed(seen, conversation_id)
            if status != 200:
                self._answer(status, {"status": "failure", "code": status})
                return
            tracker = rasa.tracker(conversation_id)
            if self.command == "POST" and match["events"]:
                for event in body:
                    tracker["events"].append(event)
                    if event.get("event") == "slot":
                        tracker["slots"][event["name"]] = event.get("value")
                    elif event.get("event") in ("pause", "resume"):
                        tracker["paused"] = event["event"] == "pause"
            self._answer(200, tracker)

        do_GET = _serve
        do_POST = _serve

    return Handler


@contextmanager
def fake_rasa(*, token: str | None = None, jwt_secret: str | None = None) -> Iterator[FakeRasa]:
    """Serve a FakeRasa on a free loopback port for the duration of the block."""
    rasa = FakeRasa(token=token, jwt_secret=jwt_secret)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(rasa))
    rasa.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield rasa
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
