"""The desktop benchmark's client processes: a webhook load generator and simulated browsers.

``bench_desktop.py`` runs each in its own process beside the desktop server, as a deployment
would have them (the outbox's worker and the agents' browsers are not in the server's
process), and reads what they wrote when they finish::

    python benchmarks/desktop_clients.py send URL BODIES.jsonl OUT.json --rate 20
    python benchmarks/desktop_clients.py browsers URL CLIENTS.json OUT.json

``send``: every line of BODIES is ``{"key": ..., "body": ...}``; each body is signed when it
is sent (``handoff.delivery._signing``, the outbox's own scheme, secret from
``HANDOFF_DESKTOP_WEBHOOK_SECRET``) and POSTed to ``/webhook/payloads`` open-loop: body *i*
is due at ``start + i/rate`` whether or not earlier ones were answered (``--rate 0``: as fast
as the connections go). OUT gets, per key: when it was due, sent and answered, the HTTP
status and the desktop's verdict (stored, updated, duplicate).

``browsers``: one ``GET /events`` stream per entry of CLIENTS (a session cookie each), read
as a browser's ``EventSource`` reads it (HTTP/1.1 chunked, SSE fields, comments ignored). It
prints ``ready`` once every stream said hello, then records every event until a line
``stop`` (or EOF) on stdin; OUT gets, per client, each ``row`` event's conversation pk,
version and arrival time, and a count of every event kind.

Times are ``time.monotonic()``: on Linux CLOCK_MONOTONIC, one clock for every process of the
machine, so a payload's due time in the generator and its arrival in a browser subtract.
HTTP is spoken directly on asyncio streams: a client library's per-request CPU would be
charged to the server it shares the two cores with (see bench_server.py).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from handoff.delivery._signing import signed_headers

SECRET_ENV = "HANDOFF_DESKTOP_WEBHOOK_SECRET"
WEBHOOK_PATH = "/webhook/payloads"
SESSION_COOKIE = "handoff-session"  # the name without ``__Host-`` (--insecure-cookies)
DRAIN_SECONDS = 15.0  # after the last request is due; as fast as possible (rate 0): no limit
_PK = re.compile(r'data-pk="(\d+)"')
_VERSION = re.compile(r'data-version="(\d+)"')


def same_clock_everywhere() -> bool:
    """Whether ``time.monotonic()`` is one clock for every process (Linux CLOCK_MONOTONIC)."""
    return "CLOCK_MONOTONIC" in time.get_clock_info("monotonic").implementation


def _host_port(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").rstrip("/").split(":")
    return host, int(port)


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One HTTP/1.1 response with a Content-Length: (status, body)."""
    header = await reader.readuntil(b"\r\n\r\n")
    status = int(header.split(b" ", 2)[1])
    length = 0
    for line in header.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    return status, await reader.readexactly(length)


# ------------------------------------------------------------------------------ the webhook load


async def send(
    url: str,
    items: list[tuple[str, bytes]],
    secret: str,
    *,
    rate: float,
    connections: int = 8,
) -> dict[str, Any]:
    """POST every (key, body) to the webhook, signed, open-loop at ``rate`` per second
    (0: as fast as ``connections`` keep-alive connections go). Returns per-key records and
    a summary; at a rate, requests unanswered DRAIN_SECONDS after the last was due count
    as errors."""
    host, port = _host_port(url)
    records: dict[str, dict[str, Any]] = {}
    queue: asyncio.Queue[tuple[float, str, bytes]] = asyncio.Queue()

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(host, port)
        try:
            while True:
                due, key, body = await queue.get()
                headers = signed_headers(body, secret, key=key)
                head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
                request = (
                    f"POST {WEBHOOK_PATH} HTTP/1.1\r\nHost: {host}:{port}\r\n{head}"
                    f"Content-Length: {len(body)}\r\n\r\n"
                ).encode() + body
                sent = time.monotonic()
                try:
                    writer.write(request)
                    await writer.drain()
                    status, answer = await _read_response(reader)
                except (OSError, asyncio.IncompleteReadError, ValueError) as failure:
                    records[key] = {"due": due, "sent": sent, "error": type(failure).__name__}
                    writer.close()
                    reader, writer = await asyncio.open_connection(host, port)
                else:
                    verdict = None
                    with contextlib.suppress(ValueError, AttributeError):
                        verdict = json.loads(answer).get("status")
                    records[key] = {
                        "due": due,
                        "sent": sent,
                        "answered": time.monotonic(),
                        "status": status,
                        "verdict": verdict,
                    }
                queue.task_done()
        finally:
            writer.close()

    workers = [asyncio.create_task(worker()) for _ in range(connections)]
    start = time.monotonic() + 0.05
    for i, (key, body) in enumerate(items):
        due = start + i / rate if rate > 0 else time.monotonic()
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        queue.put_nowait((due, key, body))
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(queue.join(), timeout=DRAIN_SECONDS if rate > 0 else None)
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    elapsed = time.monotonic() - start
    ok = [r for r in records.values() if r.get("status") == 200]
    return {
        "records": records,
        "requests": len(items),
        "ok": len(ok),
        "errors": len(items) - len(ok),
        "elapsed_s": elapsed,
        "rate": rate,
        "connections": connections,
    }


# ------------------------------------------------------------------------------ the browsers


class _Stream:
    """One browser's event stream: chunked HTTP/1.1 decoded, SSE events parsed."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[tuple[int, int, float]] = []  # (pk, version, arrival)
        self.kinds: dict[str, int] = {}
        self.hello = asyncio.Event()
        self._buffer = b""
        self._event = "message"
        self._data: list[str] = []

    def feed(self, chunk: bytes, now: float) -> None:
        self._buffer += chunk
        while True:
            cut = self._buffer.find(b"\n")
            if cut < 0:
                return
            line = self._buffer[:cut].rstrip(b"\r").decode("utf-8", "replace")
            self._buffer = self._buffer[cut + 1 :]
            if not line:
                self._dispatch(now)
            elif line.startswith(":"):
                continue
            else:
                field, _, value = line.partition(":")
                value = value.removeprefix(" ")
                if field == "event":
                    self._event = value
                elif field == "data":
                    self._data.append(value)

    def _dispatch(self, now: float) -> None:
        event, data = self._event, "\n".join(self._data)
        self._event, self._data = "message", []
        if not data and event == "message":
            return
        self.kinds[event] = self.kinds.get(event, 0) + 1
        if event == "hello":
            self.hello.set()
        elif event == "row":
            pk, version = _PK.search(data), _VERSION.search(data)
            if pk is not None:
                self.rows.append((int(pk[1]), int(version[1]) if version else 0, now))


async def _browse(url: str, token: str, stream: _Stream) -> None:
    host, port = _host_port(url)
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(
            (
                f"GET /events HTTP/1.1\r\nHost: {host}:{port}\r\n"
                f"Cookie: {SESSION_COOKIE}={token}\r\nAccept: text/event-stream\r\n"
                "Cache-Control: no-cache\r\n\r\n"
            ).encode()
        )
        await writer.drain()
        header = await reader.readuntil(b"\r\n\r\n")
        status = int(header.split(b" ", 2)[1])
        if status != 200:
            raise RuntimeError(f"{stream.name}: GET /events answered {status}")
        chunked = b"transfer-encoding: chunked" in header.lower()
        while True:
            if chunked:
                size_line = await reader.readuntil(b"\r\n")
                size = int(size_line.split(b";")[0].strip(), 16)
                if size == 0:
                    return
                chunk = await reader.readexactly(size + 2)
                stream.feed(chunk[:-2], time.monotonic())
            else:
                chunk = await reader.read(65536)
                if not chunk:
                    return
                stream.feed(chunk, time.monotonic())
    finally:
        writer.close()


async def browsers(url: str, clients: list[dict[str, Any]]) -> dict[str, Any]:
    """Open one event stream per client; print ``ready`` when all said hello; record until
    ``stop`` or EOF on stdin. Returns what each stream received."""
    streams = [_Stream(client["name"]) for client in clients]
    tasks = [
        asyncio.create_task(_browse(url, client["token"], stream))
        for client, stream in zip(clients, streams, strict=True)
    ]
    hellos = asyncio.gather(*(stream.hello.wait() for stream in streams))
    waiting: set[asyncio.Future[Any]] = {hellos, *tasks}
    await asyncio.wait(waiting, timeout=60, return_when=asyncio.FIRST_COMPLETED)
    failed = [task for task in tasks if task.done()]
    if failed or not all(stream.hello.is_set() for stream in streams):
        for task in tasks:
            task.cancel()
        reason = repr(failed[0].exception()) if failed else "no hello within 60 s"
        raise SystemExit(f"browsers: not every stream opened ({reason})")
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line or line.strip() == "stop":
            break
    ended = [stream.name for stream, task in zip(streams, tasks, strict=True) if task.done()]
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return {
        "clients": [
            {"name": stream.name, "rows": stream.rows, "kinds": stream.kinds} for stream in streams
        ],
        "ended_early": ended,
    }


# ------------------------------------------------------------------------------ command line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="role", required=True)
    load = sub.add_parser("send", help="POST signed payloads to the webhook at a rate")
    load.add_argument("url")
    load.add_argument("bodies", type=Path)
    load.add_argument("out", type=Path)
    load.add_argument("--rate", type=float, required=True)
    load.add_argument("--connections", type=int, default=8)
    view = sub.add_parser("browsers", help="hold event streams open and record what arrives")
    view.add_argument("url")
    view.add_argument("clients", type=Path)
    view.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.role == "send":
        items = []
        for line in args.bodies.read_text().splitlines():
            entry = json.loads(line)
            items.append((entry["key"], entry["body"].encode()))
        secret = os.environ[SECRET_ENV]
        result = asyncio.run(
            send(args.url, items, secret, rate=args.rate, connections=args.connections)
        )
    else:
        result = asyncio.run(browsers(args.url, json.loads(args.clients.read_text())))
    args.out.write_text(json.dumps(result))


if __name__ == "__main__":
    main()
