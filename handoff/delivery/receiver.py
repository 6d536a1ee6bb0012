"""The reference agent-desktop end: a Sanic app that verifies, deduplicates and stores payloads.

::

    python -m handoff.delivery.receiver --port 8765 --secret S --db received.sqlite

``POST /payloads`` answers 401 for a missing, wrong or stale signature, 400 without an
``Idempotency-Key``, 422 if the body is not a ``ContextPayload``, and 200 otherwise, also
for a key it already holds (stored once, counted in ``duplicates``), so that an
at-least-once sender stops retrying. ``GET /payloads`` lists what arrived, oldest first;
``GET /health`` answers 200 once the server is up.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sanic import Request, Sanic
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from handoff.delivery._signing import IDEMPOTENCY_HEADER, verify
from handoff.models.payload import ContextPayload

__all__ = ["ReceiverStore", "create_receiver_app", "main"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS received (
    idempotency_key TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at REAL NOT NULL,
    duplicates INTEGER NOT NULL DEFAULT 0
)
"""


class ReceiverStore:
    """Payloads received, one row per idempotency key, in an SQLite file (stdlib sqlite3)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        with closing(self._connect()) as connection, connection:
            connection.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        # A connection per call: the app is tiny, and sqlite3 connections are not to be shared
        # between the threads a server may use.
        return sqlite3.connect(self.path, timeout=30.0)

    def add(self, key: str, conversation_id: str, payload_json: str) -> bool:
        """Store a payload under ``key``; False (and a duplicate counted) if already there."""
        with closing(self._connect()) as connection, connection:
            inserted = connection.execute(
                "INSERT OR IGNORE INTO received VALUES (?, ?, ?, ?, 0)",
                (key, conversation_id, payload_json, time.time()),
            ).rowcount
            if not inserted:
                connection.execute(
                    "UPDATE received SET duplicates = duplicates + 1 WHERE idempotency_key = ?",
                    (key,),
                )
        return bool(inserted)

    def all(self) -> list[dict[str, Any]]:
        """Every stored payload with its key, arrival time and duplicate count, oldest first."""
        with closing(self._connect()) as connection:
            rows = connection.execute(
                "SELECT idempotency_key, conversation_id, payload, received_at, duplicates "
                "FROM received ORDER BY received_at, rowid"
            ).fetchall()
        return [
            {
                "idempotency_key": key,
                "conversation_id": conversation_id,
                "payload": json.loads(payload),
                "received_at": received_at,
                "duplicates": duplicates,
            }
            for key, conversation_id, payload, received_at, duplicates in rows
        ]


def create_receiver_app(
    secret: str | bytes,
    db_path: str | os.PathLike[str],
    *,
    name: str = "handoff_receiver",
    tolerance: float = 300,
) -> Sanic[Any, Any]:
    """A Sanic app that accepts signed payload deliveries and stores each key once."""
    if not secret:
        raise ValueError("the receiver needs the shared secret to verify signatures")
    store = ReceiverStore(db_path)
    app: Sanic[Any, Any] = Sanic(name)

    @app.post("/payloads")
    async def receive(request: Request) -> HTTPResponse:
        body: bytes = request.body
        if not verify(body, request.headers, secret, tolerance=tolerance):
            return json_response({"error": "missing, wrong or stale signature"}, status=401)
        key = request.headers.get(IDEMPOTENCY_HEADER)
        if not key:
            return json_response({"error": f"missing {IDEMPOTENCY_HEADER} header"}, status=400)
        try:
            payload = ContextPayload.model_validate_json(body)
        except ValidationError as error:
            return json_response(
                {"error": "not a context payload", "detail": str(error)}, status=422
            )
        # sqlite3 blocks the event loop briefly; fine for a reference receiver, and it keeps
        # the dedup check and the insert in one transaction.
        stored = store.add(key, payload.conversation_id, body.decode("utf-8"))
        return json_response(
            {"status": "stored" if stored else "duplicate", "idempotency_key": key}
        )

    @app.get("/payloads")
    async def list_payloads(request: Request) -> HTTPResponse:
        return json_response(store.all())

    @app.get("/health")
    async def health(request: Request) -> HTTPResponse:
        return json_response({"ok": True})

    return app


def main(argv: Sequence[str] | None = None) -> None:
    """Run the receiver until interrupted (SIGINT or SIGTERM)."""
    parser = argparse.ArgumentParser(
        prog="python -m handoff.delivery.receiver", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--secret",
        default=os.environ.get("HANDOFF_RECEIVER_SECRET"),
        help="shared signing secret (default: $HANDOFF_RECEIVER_SECRET, which, unlike a "
        "command-line argument, other users cannot see in the process list)",
    )
    parser.add_argument("--db", default="handoff-received.sqlite", help="SQLite file to store in")
    args = parser.parse_args(argv)
    if not args.secret:
        parser.error("--secret or HANDOFF_RECEIVER_SECRET is required")
    app = create_receiver_app(args.secret, args.db)
    # One process: Sanic's default worker manager forks, which this small server does not need.
    app.run(host=args.host, port=args.port, single_process=True, motd=False, access_log=False)


if __name__ == "__main__":
    main()
