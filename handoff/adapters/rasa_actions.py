"""The actions module to serve: ``python -m rasa_sdk --actions handoff.adapters.rasa_actions``.

Configured from the environment, read once on the first routed turn:

=========================  ==========================================================
``HANDOFF_RULES``          rules file or folder (default ``rules/default.yaml``)
``HANDOFF_OUTBOX_URL``     SQLAlchemy URL of the outbox (default ``sqlite:///handoff-outbox.db``)
``HANDOFF_WEBHOOK_URL``    deliver payloads to this URL (signed with the secret below)
``HANDOFF_WEBHOOK_SECRET`` shared secret for the ``X-Handoff-Signature`` HMAC (required
                           with a webhook)
``HANDOFF_JSONL_PATH``     also append payloads to this JSON-lines file
``HANDOFF_DELIVERY``       ``thread`` (default): deliver from a thread in this process;
                           ``off``: only write the outbox (run ``python -m
                           handoff.delivery`` elsewhere)
``HANDOFF_TIMINGS_PATH``   append one JSON line per routed turn: lane and seconds taken
``HANDOFF_LAZY_START``     ``1``: build the router on the first turn instead of at start-up
=========================  ==========================================================

Without a webhook or JSON-lines sink, payloads are built but not delivered (a warning says
so at start-up): routing still works.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

from handoff.adapters.rasa import ActionHandoffRoute, Runtime, TurnResult
from handoff.models.decision import Decision
from handoff.models.payload import ContextPayload
from handoff.router import Router

Deliver = Callable[[ContextPayload, Decision], None]

__all__ = ["ActionHandoffRoute", "runtime_from_env"]

log = logging.getLogger("handoff.rasa")


@functools.cache
def runtime_from_env() -> Runtime:
    """Build the router, outbox and delivery worker the environment asks for (once)."""
    env = os.environ
    router = Router.from_path(env.get("HANDOFF_RULES", "rules/default.yaml"))
    log.info("handoff rules %s version %s", router.ruleset.name, router.version)
    hooks: list[Callable[[TurnResult], None]] = []
    timings = env.get("HANDOFF_TIMINGS_PATH")
    if timings:
        hooks.append(_timings_writer(Path(timings)))
    deliver = _delivery_from_env()
    return Runtime(router=router, deliver=deliver, on_turn=tuple(hooks))


def _delivery_from_env() -> Deliver | None:
    from handoff.delivery import (  # noqa: PLC0415  (only when delivery is configured)
        DeliveryWorker,
        JsonlSink,
        Outbox,
        Sink,
        WebhookSink,
    )

    env = os.environ
    sinks: list[Sink] = []
    if env.get("HANDOFF_WEBHOOK_URL"):
        secret = env.get("HANDOFF_WEBHOOK_SECRET")
        if not secret:
            raise RuntimeError("HANDOFF_WEBHOOK_URL needs HANDOFF_WEBHOOK_SECRET to sign payloads")
        sinks.append(WebhookSink(env["HANDOFF_WEBHOOK_URL"], secret))
    if env.get("HANDOFF_JSONL_PATH"):
        sinks.append(JsonlSink(env["HANDOFF_JSONL_PATH"]))
    if not sinks:
        log.warning("no HANDOFF_WEBHOOK_URL or HANDOFF_JSONL_PATH: payloads are not delivered")
        return None
    outbox = Outbox(env.get("HANDOFF_OUTBOX_URL", "sqlite:///handoff-outbox.db"), sinks=sinks)
    if env.get("HANDOFF_DELIVERY", "thread") == "thread":
        DeliveryWorker(outbox, sinks).start_thread()

    def deliver(payload: ContextPayload, decision: Decision) -> None:
        outbox.put(payload, decision_json=decision.model_dump_json(exclude={"signals"}))

    return deliver


def _timings_writer(path: Path) -> Callable[[TurnResult], None]:
    lock = threading.Lock()

    def write(result: TurnResult) -> None:
        line = json.dumps(
            {
                "conversation": result.conversation.id,
                "lane": result.decision.lane,
                "handoff": result.decision.handoff,
                "seconds": result.seconds,
            }
        )
        with lock, path.open("a") as out:
            out.write(line + "\n")

    return write


def _warm_up() -> None:
    """Build everything at server start: bad configuration fails before the first customer,
    and the first customer does not wait ~1 s for spaCy and VADER to load."""
    from handoff.signals import analyze_text  # noqa: PLC0415

    runtime_from_env()
    analyze_text("warming up the analyser, thanks!")


if os.environ.get("HANDOFF_LAZY_START") != "1":
    _warm_up()
