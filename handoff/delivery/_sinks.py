"""Where payloads go: the Sink protocol, an HMAC-signed HTTP webhook and an fsync'd JSONL file."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

import httpx

from handoff.delivery._signing import IDEMPOTENCY_HEADER, signed_headers
from handoff.errors import HandoffError

__all__ = ["DeliveryError", "JsonlSink", "Sink", "WebhookSink"]

# Enough of a receiver's error page to diagnose it from the outbox, not enough to bloat it.
_ERROR_BODY_CHARS = 200


class DeliveryError(HandoffError):
    """A sink could not deliver; the worker records the message and retries later."""


@runtime_checkable
class Sink(Protocol):
    """Something that accepts one payload delivery, or raises to have it retried.

    ``send`` gets the payload's JSON ``body`` and the headers the worker prepared
    (``Content-Type`` and ``Idempotency-Key``). It must raise on any failure and return only
    once the payload is safely received: the outbox marks the delivery done when it returns.
    """

    @property
    def name(self) -> str:
        """The sink's name; the outbox keeps one delivery row per payload and sink name."""
        ...

    def send(self, body: bytes, headers: Mapping[str, str]) -> None:
        """Deliver ``body`` or raise."""
        ...


class WebhookSink:
    """POSTs each payload as JSON to ``url``, signed with ``secret``; any 2xx is a success.

    Redirects are not followed (a 3xx is a failure): a moved endpoint should be reconfigured,
    not silently trusted. Pass ``client`` to share an ``httpx.Client`` (proxies, TLS
    settings); the sink closes only a client it created.
    """

    def __init__(
        self,
        url: str,
        secret: str | bytes,
        *,
        timeout: float = 5.0,
        client: httpx.Client | None = None,
        name: str = "webhook",
    ) -> None:
        if not secret:
            raise ValueError("WebhookSink needs a non-empty secret to sign deliveries")
        self.url = url
        self._name = name
        self._secret = secret
        self._timeout = timeout
        self._owns_client = client is None
        self._client = client if client is not None else httpx.Client(timeout=timeout)

    @property
    def name(self) -> str:
        """The sink's name (default ``"webhook"``)."""
        return self._name

    def send(self, body: bytes, headers: Mapping[str, str]) -> None:
        """POST ``body``, signed now; raise DeliveryError unless the answer is 2xx."""
        key = headers.get(IDEMPOTENCY_HEADER, "")
        # Signed at send time, not at put time, so a retry hours later is not refused as stale.
        request_headers = {**headers, **signed_headers(body, self._secret, key=key)}
        try:
            response = self._client.post(
                self.url, content=body, headers=request_headers, timeout=self._timeout
            )
        except httpx.HTTPError as error:
            raise DeliveryError(f"{type(error).__name__}: {error}") from error
        if not response.is_success:
            detail = response.text[:_ERROR_BODY_CHARS].strip()
            raise DeliveryError(
                f"HTTP {response.status_code} from {self.url}" + (f": {detail}" if detail else "")
            )

    def close(self) -> None:
        """Close the HTTP client if this sink created it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> WebhookSink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"WebhookSink({self.url!r}, name={self._name!r})"


class JsonlSink:
    """Appends one JSON object per delivery to a file: ``{"idempotency_key": …, "payload": …}``.

    Each line is flushed and fsync'd before ``send`` returns, so a delivery marked done
    survives a crash. Delivery is at least once: readers should skip keys they have seen.
    """

    def __init__(self, path: str | os.PathLike[str], *, name: str = "jsonl") -> None:
        self.path = Path(path)
        self._name = name
        # One line must not interleave with another from a second worker thread.
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The sink's name (default ``"jsonl"``)."""
        return self._name

    def send(self, body: bytes, headers: Mapping[str, str]) -> None:
        """Append the payload as one line and fsync it."""
        record = {"idempotency_key": headers.get(IDEMPOTENCY_HEADER), "payload": json.loads(body)}
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        with self._lock, self.path.open("ab") as file:
            # One write call on an O_APPEND file keeps lines whole across processes too.
            file.write(line.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())

    def __repr__(self) -> str:
        return f"JsonlSink({str(self.path)!r}, name={self._name!r})"
