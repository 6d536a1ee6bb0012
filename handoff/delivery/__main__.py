"""Command line for the outbox: run a delivery worker, show counts, requeue dead deliveries.

Configured like the Rasa action server, so both ends agree on the outbox and its sinks:
``HANDOFF_OUTBOX_URL``, ``HANDOFF_WEBHOOK_URL`` with ``HANDOFF_WEBHOOK_SECRET``, and
``HANDOFF_JSONL_PATH`` (options override the URL and the path; the secret stays in the
environment, out of the process list).

``run`` checks the outbox, prints one line to stderr saying what it delivers from and to
(no password, no query string, never the secret) and how to stop it, then delivers until
SIGINT/SIGTERM; ``run --drain`` instead exits once nothing is due. An outbox that cannot be
used (locked, corrupt, full, read-only, unreachable) gives one ``error: …`` line on stderr
and exit status 1; once running, ``run`` logs every failed poll at ERROR level and keeps
trying.
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
from urllib.parse import urlsplit

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


DESCRIPTION = """\
Deliver queued handoff payloads from the outbox to the agent desktop (a signed webhook) or
a JSON Lines file, show the outbox's counts, or requeue dead deliveries.

commands:
  run          deliver until Ctrl-C or SIGTERM (--drain: until nothing is due, then exit)
  stats        pending / delivered / dead and the oldest pending time, as JSON
  retry-dead   requeue every dead delivery with a fresh attempt budget
"""

EPILOG = """\
environment (the options override the URL and the paths):
  HANDOFF_OUTBOX_URL      the outbox (default sqlite:///handoff-outbox.db in the current folder)
  HANDOFF_WEBHOOK_URL     the receiver's URL; needs HANDOFF_WEBHOOK_SECRET to sign
  HANDOFF_WEBHOOK_SECRET  the shared signing secret (only from the environment)
  HANDOFF_JSONL_PATH      a JSON Lines file to append each payload to

examples:
  python -m handoff.delivery run
  python -m handoff.delivery run --drain --outbox sqlite:////tmp/o.db --jsonl /tmp/o.jsonl
  python -m handoff.delivery stats
  python -m handoff.delivery retry-dead

exit status: 0 done, 1 the outbox cannot be used (or --drain left deliveries pending),
2 a wrong command line.
"""


def _main(argv: Sequence[str] | None) -> None:
    env = os.environ
    parser = argparse.ArgumentParser(
        prog="python -m handoff.delivery",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=["run", "stats", "retry-dead"], help="see above")
    parser.add_argument(
        "--outbox",
        metavar="URL",
        default=env.get("HANDOFF_OUTBOX_URL", "sqlite:///handoff-outbox.db"),
        help="the outbox's database URL (default: $HANDOFF_OUTBOX_URL, else "
        "sqlite:///handoff-outbox.db in the current folder)",
    )
    parser.add_argument(
        "--webhook",
        metavar="URL",
        default=env.get("HANDOFF_WEBHOOK_URL"),
        help="deliver to this URL, signed with $HANDOFF_WEBHOOK_SECRET",
    )
    parser.add_argument(
        "--jsonl",
        metavar="PATH",
        default=env.get("HANDOFF_JSONL_PATH"),
        help="append each payload to this JSON Lines file",
    )
    parser.add_argument(
        "--poll", type=float, default=1.0, metavar="SECONDS", help="seconds between idle polls"
    )
    parser.add_argument(
        "--drain",
        action="store_true",
        help="run: deliver what is due now, then exit (1 if deliveries are left pending)",
    )
    args = parser.parse_args(argv)
    if args.drain and args.command != "run":
        parser.error("--drain goes with run")

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
            until = (
                "until nothing is due (--drain)"
                if args.drain
                else "until stopped: Ctrl-C or kill -TERM " + str(os.getpid())
            )
            print(
                f"delivering from {safe_database_url(args.outbox)} to "
                f"{', '.join(_describe(sink) for sink in sinks)}, {until}",
                file=sys.stderr,
                flush=True,
            )
            worker = DeliveryWorker(outbox, sinks)
            if not args.drain:
                worker.run_forever(stop, args.poll)
                return
            delivered = _drain(worker, stop)
            stats = outbox.stats()
        finally:
            for sink in sinks:
                if isinstance(sink, WebhookSink):
                    sink.close()
    print(f"delivered {delivered}; {stats.pending} pending, {stats.dead} dead")
    if stats.pending:
        raise SystemExit(1)


def _drain(worker: DeliveryWorker, stop: threading.Event) -> int:
    """Poll until a poll finds nothing due (failed rows wait for their retry time)."""
    delivered = 0
    while not stop.is_set():
        claimed, done = worker._run_batch(stop)
        delivered += done
        if claimed == 0:
            break
    return delivered


def safe_database_url(url: str) -> str:
    """A database URL fit to print: the password masked, the query string left out."""
    from sqlalchemy.engine import make_url  # noqa: PLC0415  (the delivery extra)

    try:
        parsed = make_url(url)
    except Exception:  # never echo what could not be parsed: it may hold a secret
        return "(an outbox URL that cannot be parsed)"
    hidden = " (query hidden)" if parsed.query else ""
    return parsed.set(query={}).render_as_string(hide_password=True) + hidden


def safe_http_url(url: str) -> str:
    """An HTTP URL fit to print: scheme, host, port and path; no user, password or query."""
    try:
        parts = urlsplit(url)
        port = f":{parts.port}" if parts.port is not None else ""
        host = parts.hostname or ""
    except ValueError:
        return "(a webhook URL that cannot be parsed)"
    host = f"[{host}]" if ":" in host else host
    hidden = " (query hidden)" if parts.query else ""
    return f"{parts.scheme}://{host}{port}{parts.path}{hidden}"


def _describe(sink: Sink) -> str:
    if isinstance(sink, WebhookSink):
        return f"webhook {safe_http_url(sink.url)}"
    if isinstance(sink, JsonlSink):
        return f"jsonl {sink.path}"
    return sink.name


if __name__ == "__main__":
    main()
