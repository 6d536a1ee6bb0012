"""Command line for the outbox: run a delivery worker, show counts, requeue dead deliveries.

::

    python -m handoff.delivery run          # until SIGINT/SIGTERM
    python -m handoff.delivery stats        # pending / delivered / dead, as JSON
    python -m handoff.delivery retry-dead   # requeue every dead delivery

Configured like the Rasa action server, so both ends agree on the outbox and its sinks:
``HANDOFF_OUTBOX_URL``, ``HANDOFF_WEBHOOK_URL`` with ``HANDOFF_WEBHOOK_SECRET``, and
``HANDOFF_JSONL_PATH`` (options override the URL and the path; the secret stays in the
environment, out of the process list).

An outbox that cannot be used (locked, corrupt, full, read-only, unreachable) gives one
``error: …`` line on stderr and exit status 1. ``run`` checks the outbox before it starts;
once running, it logs every failed poll at ERROR level and keeps trying.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from types import FrameType

from handoff.delivery._outbox import Outbox
from handoff.delivery._sinks import JsonlSink, Sink, WebhookSink
from handoff.delivery._worker import DeliveryWorker
from handoff.errors import StorageUnavailable

__all__ = ["main"]


def _sinks(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[Sink]:
    sinks: list[Sink] = []
    if args.webhook:
        secret = os.environ.get("HANDOFF_WEBHOOK_SECRET")
        if not secret:
            parser.error("a webhook needs HANDOFF_WEBHOOK_SECRET to sign deliveries")
        sinks.append(WebhookSink(args.webhook, secret))
    if args.jsonl:
        sinks.append(JsonlSink(args.jsonl))
    if not sinks:
        parser.error(
            "configure a sink: --webhook/HANDOFF_WEBHOOK_URL or --jsonl/HANDOFF_JSONL_PATH"
        )
    return sinks


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line and run the command; exit 1 if the outbox cannot be used."""
    try:
        _main(argv)
    except StorageUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(1) from None


def _main(argv: Sequence[str] | None) -> None:
    env = os.environ
    parser = argparse.ArgumentParser(prog="python -m handoff.delivery", description=__doc__)
    parser.add_argument("command", choices=["run", "stats", "retry-dead"])
    parser.add_argument(
        "--outbox", default=env.get("HANDOFF_OUTBOX_URL", "sqlite:///handoff-outbox.db")
    )
    parser.add_argument("--webhook", default=env.get("HANDOFF_WEBHOOK_URL"))
    parser.add_argument("--jsonl", default=env.get("HANDOFF_JSONL_PATH"))
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between idle polls")
    args = parser.parse_args(argv)

    if args.command != "run":
        with Outbox(args.outbox) as outbox:
            if args.command == "stats":
                stats = outbox.stats()
                oldest = stats.oldest_pending.isoformat() if stats.oldest_pending else None
                counts = {"pending": stats.pending, "delivered": stats.delivered}
                print(json.dumps({**counts, "dead": stats.dead, "oldest_pending": oldest}))
            else:
                print(f"requeued {outbox.retry_dead()} dead deliveries")
        return

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    sinks = _sinks(args, parser)
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    with Outbox(args.outbox, sinks=sinks) as outbox:
        try:
            outbox.check()
            DeliveryWorker(outbox, sinks).run_forever(stop, args.poll)
        finally:
            for sink in sinks:
                if isinstance(sink, WebhookSink):
                    sink.close()


if __name__ == "__main__":
    main()
