"""The reference agent-desktop end: a Sanic app that verifies, deduplicates and stores payloads.

::

    HANDOFF_RECEIVER_SECRET=S HANDOFF_RECEIVER_TOKEN=T \
        python -m handoff.delivery.receiver --port 8765 --db received.sqlite

``POST /payloads`` answers 400 without a valid ``Idempotency-Key``, 401 for a missing, wrong,
stale or future signature (it covers the timestamp, the key and the body), 413 for a body
over ``max_body`` bytes, 422 if the body is not a ``ContextPayload``, 409 if the key is
already stored with a different body, 503 if its database cannot store, and 200 otherwise,
also for the same body again (stored once, counted in ``duplicates``), so that an
at-least-once sender stops retrying. ``GET /payloads`` lists what arrived, oldest first, to a
client presenting ``Authorization: Bearer <HANDOFF_RECEIVER_TOKEN>`` (401 otherwise; without a
token configured the listing is off). ``GET /health`` answers 200 once the server is up.
It binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import argparse
import hmac
import json
import logging
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

from handoff.delivery._files import create_private
from handoff.delivery._signing import IDEMPOTENCY_HEADER, KEY_PATTERN, verify
from handoff.models.payload import ContextPayload

__all__ = ["ReceiverStore", "create_receiver_app", "main"]

log = logging.getLogger("handoff.delivery.receiver")

# A context payload is a few kB (a bounded transcript excerpt); 1 MiB leaves room and still
# refuses a body meant to exhaust memory. Configurable with max_body / --max-body.
DEFAULT_MAX_BODY = 1 << 20

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
    """Payloads received, one row per idempotency key, in an SQLite file (stdlib sqlite3).

    The file is created owner-only (0600); an existing one readable by others is warned about.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        create_private(self.path)
        with closing(self._connect()) as connection, connection:
            connection.execute(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        # A connection per call: the app is tiny, and sqlite3 connections are not to be shared
        # between the threads a server may use. A short busy timeout: the call blocks the
        # event loop, and a sender whose delivery failed with 503 simply retries.
        return sqlite3.connect(self.path, timeout=2.0)

    def add(self, key: str, conversation_id: str, payload_json: str) -> str:
        """Store a payload under ``key``: "stored", "duplicate" (same body) or "conflict".

        A duplicate is counted; a conflict (another body under a used key) changes nothing.
        """
        with closing(self._connect()) as connection, connection:
            inserted = connection.execute(
                "INSERT OR IGNORE INTO received VALUES (?, ?, ?, ?, 0)",
                (key, conversation_id, payload_json, time.time()),
            ).rowcount
            if inserted:
                return "stored"
            [stored] = connection.execute(
                "SELECT payload FROM received WHERE idempotency_key = ?", (key,)
            ).fetchone()
            if not hmac.compare_digest(stored.encode("utf-8"), payload_json.encode("utf-8")):
                return "conflict"
            connection.execute(
                "UPDATE received SET duplicates = duplicates + 1 WHERE idempotency_key = ?",
                (key,),
            )
        return "duplicate"

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
    token: str | None = None,
    name: str = "handoff_receiver",
    tolerance: float = 300,
    max_body: int = DEFAULT_MAX_BODY,
) -> Sanic[Any, Any]:
    """A Sanic app that accepts signed payload deliveries and stores each key once.

    ``token`` guards ``GET /payloads`` (``Authorization: Bearer <token>``); without one the
    listing always answers 401. ``max_body`` caps the request body in bytes (413 above it).
    """
    if not secret:
        raise ValueError("the receiver needs the shared secret to verify signatures")
    store = ReceiverStore(db_path)
    app: Sanic[Any, Any] = Sanic(name)
    # Sanic refuses a longer body with 413 before reading it into memory.
    app.config.REQUEST_MAX_SIZE = max_body
    expected_auth = f"Bearer {token}".encode() if token else None

    @app.post("/payloads")
    async def receive(request: Request) -> HTTPResponse:
        body: bytes = request.body
        key = request.headers.get(IDEMPOTENCY_HEADER, "")
        if not KEY_PATTERN.fullmatch(key):
            return json_response(
                {"error": f"missing or malformed {IDEMPOTENCY_HEADER} header"}, status=400
            )
        if not verify(body, request.headers, secret, tolerance=tolerance):
            return json_response({"error": "missing, wrong, stale or future signature"}, 401)
        try:
            payload = ContextPayload.model_validate_json(body)
        except ValidationError as error:
            # Locations and messages only: the input values are the customer's data.
            problems = [
                {"loc": list(item["loc"]), "msg": item["msg"]}
                for item in error.errors(include_input=False, include_url=False)[:20]
            ]
            return json_response({"error": "not a context payload", "detail": problems}, 422)
        # sqlite3 blocks the event loop briefly; fine for a reference receiver, and it keeps
        # the dedup check and the insert in one transaction.
        try:
            outcome = store.add(key, payload.conversation_id, body.decode("utf-8"))
        except sqlite3.Error as error:
            log.error("receiver: cannot store a delivery: %s: %s", type(error).__name__, error)
            return json_response({"error": "storage unavailable, retry later"}, status=503)
        if outcome == "conflict":
            # The key is logged (a hash, not customer data); the bodies are not.
            log.warning(
                "receiver: refused a validly signed body that differs from the one stored "
                "under key %s (409)",
                key,
            )
            return json_response(
                {"error": "this key is already stored with a different body"}, status=409
            )
        return json_response({"status": outcome, "idempotency_key": key})

    @app.get("/payloads")
    async def list_payloads(request: Request) -> HTTPResponse:
        given = request.headers.get("Authorization", "").encode("utf-8", "replace")
        if expected_auth is None or not hmac.compare_digest(given, expected_auth):
            error = (
                "a bearer token is required"
                if expected_auth
                else "listing is off: start the receiver with HANDOFF_RECEIVER_TOKEN set"
            )
            return json_response(
                {"error": error}, status=401, headers={"WWW-Authenticate": "Bearer"}
            )
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
    parser.add_argument(
        "--max-body", type=int, default=DEFAULT_MAX_BODY, help="largest request body in bytes"
    )
    args = parser.parse_args(argv)
    if not args.secret:
        parser.error("--secret or HANDOFF_RECEIVER_SECRET is required")
    # The listing token is read from the environment only, out of the process list.
    token = os.environ.get("HANDOFF_RECEIVER_TOKEN") or None
    app = create_receiver_app(args.secret, args.db, token=token, max_body=args.max_body)
    # One process: Sanic's default worker manager forks, which this small server does not need.
    app.run(host=args.host, port=args.port, single_process=True, motd=False, access_log=False)


if __name__ == "__main__":
    main()
