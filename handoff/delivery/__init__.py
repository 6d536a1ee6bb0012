"""Durable delivery of context payloads: an SQL outbox, a retrying worker, signed sinks.

::

    from handoff.delivery import DeliveryWorker, Outbox, WebhookSink

    outbox = Outbox("sqlite:///handoff-outbox.db")          # sinks=("webhook",) by default
    sink = WebhookSink("https://desktop.example/handoff", secret)
    handle = DeliveryWorker(outbox, [sink]).start_thread()
    key = outbox.put(payload)                               # on every handoff; idempotent
    ...
    handle.stop()

Names load on first use, so a receiver that only needs ``verify`` (stdlib only) does not
need SQLAlchemy or httpx installed. See ``handoff/delivery/README.md``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from handoff.delivery._outbox import Backlog, Delivery, Outbox, OutboxStats, idempotency_key
    from handoff.delivery._signing import sign, verify
    from handoff.delivery._sinks import DeliveryError, JsonlSink, Sink, WebhookSink
    from handoff.delivery._worker import DeliveryAttempt, DeliveryWorker, WorkerHandle

_EXPORTS: dict[str, str] = {
    "Backlog": "handoff.delivery._outbox",
    "Delivery": "handoff.delivery._outbox",
    "DeliveryAttempt": "handoff.delivery._worker",
    "DeliveryError": "handoff.delivery._sinks",
    "DeliveryWorker": "handoff.delivery._worker",
    "JsonlSink": "handoff.delivery._sinks",
    "Outbox": "handoff.delivery._outbox",
    "OutboxStats": "handoff.delivery._outbox",
    "Sink": "handoff.delivery._sinks",
    "WebhookSink": "handoff.delivery._sinks",
    "WorkerHandle": "handoff.delivery._worker",
    "idempotency_key": "handoff.delivery._outbox",
    "sign": "handoff.delivery._signing",
    "verify": "handoff.delivery._signing",
}

__all__ = [
    "Backlog",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryError",
    "DeliveryWorker",
    "JsonlSink",
    "Outbox",
    "OutboxStats",
    "Sink",
    "WebhookSink",
    "WorkerHandle",
    "idempotency_key",
    "sign",
    "verify",
]

# Third-party modules behind the "delivery" extra; a missing one gets an install hint.
_EXTRA = frozenset({"sqlalchemy", "httpx"})


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'handoff.delivery' has no attribute {name!r}")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] in _EXTRA:
            raise ModuleNotFoundError(
                f"handoff.delivery.{name} needs {error.name!r}: "
                "pip install 'handoff-router[delivery]'",
                name=error.name,
            ) from error
        raise
    value = getattr(module, name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
