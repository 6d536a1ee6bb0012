"""Where payloads go: the Sink protocol, an HMAC-signed HTTP webhook and an fsync'd JSONL file."""

from __future__ import annotations

import email.utils
import json
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Protocol, runtime_checkable

import httpx

from handoff.delivery._files import open_private_append, warn_if_shared
from handoff.delivery._signing import IDEMPOTENCY_HEADER, signed_headers
from handoff.errors import HandoffError

__all__ = ["ATTEMPT_HEADER", "DeliveryError", "JsonlSink", "Sink", "WebhookSink"]

# Which attempt this is (1, 2, ...): set by the worker, informational for receivers, and
# what WebhookSink scales its timeout by.
ATTEMPT_HEADER = "X-Handoff-Attempt"
# Enough of a receiver's error page to diagnose it from the outbox, not enough to bloat it.
_ERROR_BODY_CHARS = 200
# 4xx answers that may go away by themselves: timeout, too early, too many requests.
# Every other 4xx means this request will never be accepted as it is (401/403: wrong secret,
# 404/410: wrong or retired URL, 409: the key is taken by another body, 413: too large,
# 422: not a payload it understands), so retrying it for 20 minutes only hides the problem.
_TRANSIENT_4XX = frozenset({408, 425, 429})


class DeliveryError(HandoffError):
    """A sink could not deliver; the worker records the message and retries later.

    ``permanent=True`` says a retry cannot succeed (the worker marks the delivery dead at
    once, for ``retry_dead`` after a fix); ``retry_after`` (seconds) is the earliest time the
    receiver asked to be tried again. ``detail`` (e.g. the start of the receiver's answer) is
    kept in the outbox row's ``last_error`` but never logged: a receiver may echo data back.
    """

    def __init__(
        self,
        message: str,
        *,
        permanent: bool = False,
        retry_after: float | None = None,
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.permanent = permanent
        self.retry_after = retry_after
        self.detail = detail


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit() and len(value) <= 9:
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - time.time())


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
    not silently trusted. A 4xx other than 408, 425 and 429 is a permanent failure; 5xx,
    408, 425, 429 (with its ``Retry-After``) and network errors are retried.

    ``timeout`` applies to the first attempt and doubles with each attempt up to
    ``max_timeout``: a receiver that stores the payload but answers later than ``timeout``
    gets the time it needs on a retry (and, deduplicating by key, answers it at once),
    instead of every attempt timing out until the delivery is declared dead.

    Pass ``client`` to share an ``httpx.Client`` (proxies, TLS settings); the sink closes
    only a client it created.
    """

    def __init__(
        self,
        url: str,
        secret: str | bytes,
        *,
        timeout: float = 5.0,
        max_timeout: float = 30.0,
        client: httpx.Client | None = None,
        name: str = "webhook",
    ) -> None:
        if not secret:
            raise ValueError("WebhookSink needs a non-empty secret to sign deliveries")
        if not 0 < timeout <= max_timeout:
            raise ValueError("need 0 < timeout <= max_timeout")
        self.url = url
        self._name = name
        self._secret = secret
        self._timeout = timeout
        self._max_timeout = max_timeout
        self._owns_client = client is None
        self._client = client if client is not None else httpx.Client(timeout=timeout)

    @property
    def name(self) -> str:
        """The sink's name (default ``"webhook"``)."""
        return self._name

    def max_send_seconds(self, attempt: int) -> float:
        """About the longest the ``attempt``-th ``send`` can take: connecting, then waiting
        for the answer, each up to that attempt's timeout. The worker holds its lease on the
        row this long, plus its own ``lease``, from the start of the send."""
        return 2 * self.timeout_for(attempt) + 1.0

    def timeout_for(self, attempt: int) -> float:
        """The timeout of the ``attempt``-th attempt (1-based): doubling, capped."""
        exponent = min(max(attempt, 1) - 1, 30)
        return min(self._max_timeout, self._timeout * 2.0**exponent)

    def send(self, body: bytes, headers: Mapping[str, str]) -> None:
        """POST ``body``, signed now; raise DeliveryError unless the answer is 2xx."""
        key = headers.get(IDEMPOTENCY_HEADER, "")
        attempt_text = headers.get(ATTEMPT_HEADER, "1")
        attempt = int(attempt_text) if attempt_text.isdigit() and len(attempt_text) < 6 else 1
        # Signed at send time, not at put time, so a retry hours later is not refused as stale.
        request_headers = {**headers, **signed_headers(body, self._secret, key=key)}
        try:
            response = self._client.post(
                self.url, content=body, headers=request_headers, timeout=self.timeout_for(attempt)
            )
        except httpx.HTTPError as error:
            raise DeliveryError(f"{type(error).__name__}: {error}") from error
        if not response.is_success:
            status = response.status_code
            detail = response.text[:_ERROR_BODY_CHARS].strip()
            permanent = 400 <= status < 500 and status not in _TRANSIENT_4XX
            kind = " (permanent: not retried)" if permanent else ""
            raise DeliveryError(
                f"HTTP {status} from {self.url}{kind}",
                permanent=permanent,
                retry_after=_retry_after(response.headers.get("Retry-After")),
                detail=detail,
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
        warn_if_shared(self.path)

    @property
    def name(self) -> str:
        """The sink's name (default ``"jsonl"``)."""
        return self._name

    def send(self, body: bytes, headers: Mapping[str, str]) -> None:
        """Append the payload as one line and fsync it."""
        record = {"idempotency_key": headers.get(IDEMPOTENCY_HEADER), "payload": json.loads(body)}
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        # Created owner-only: the file holds customers' messages.
        with self._lock, os.fdopen(open_private_append(self.path), "ab") as file:
            # One write call on an O_APPEND file keeps lines whole across processes too.
            file.write(line.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())

    def __repr__(self) -> str:
        return f"JsonlSink({str(self.path)!r}, name={self._name!r})"
