"""Stripe-style HMAC signatures on deliveries, so a receiver can tell ours from a forgery."""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Mapping

__all__ = [
    "IDEMPOTENCY_HEADER",
    "SIGNATURE_HEADER",
    "TIMESTAMP_HEADER",
    "sign",
    "signed_headers",
    "verify",
]

IDEMPOTENCY_HEADER = "Idempotency-Key"
TIMESTAMP_HEADER = "X-Handoff-Timestamp"
SIGNATURE_HEADER = "X-Handoff-Signature"
# The version prefix lets us change the scheme later without breaking receivers that check it.
_SCHEME = "v1"


def _secret_bytes(secret: str | bytes) -> bytes:
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def sign(body: bytes, secret: str | bytes, timestamp: int) -> str:
    """The ``X-Handoff-Signature`` value for ``body`` sent at ``timestamp`` (unix seconds).

    ``v1=`` + hex HMAC-SHA256 of ``f"{timestamp}.".encode() + body`` under ``secret``. Signing
    the timestamp with the body stops an attacker replaying an old delivery with a new time.
    """
    message = f"{int(timestamp)}.".encode("ascii") + body
    digest = hmac.new(_secret_bytes(secret), message, hashlib.sha256).hexdigest()
    return f"{_SCHEME}={digest}"


def signed_headers(
    body: bytes, secret: str | bytes, *, key: str, timestamp: int | None = None
) -> dict[str, str]:
    """Every header a delivery carries: content type, idempotency key, timestamp, signature."""
    stamp = int(time.time()) if timestamp is None else int(timestamp)
    return {
        "Content-Type": "application/json",
        IDEMPOTENCY_HEADER: key,
        TIMESTAMP_HEADER: str(stamp),
        SIGNATURE_HEADER: sign(body, secret, stamp),
    }


def verify(
    body: bytes,
    headers: Mapping[str, str],
    secret: str | bytes,
    *,
    tolerance: float = 300,
    now: float | None = None,
) -> bool:
    """True if ``headers`` carry a valid signature of ``body`` made less than ``tolerance`` s ago.

    Header names are matched case-insensitively (HTTP frameworks disagree on case). Timestamps
    further than ``tolerance`` seconds from ``now`` either way are refused, which bounds how
    long a captured request can be replayed; the receiver's idempotency check covers the rest.
    """
    lowered = {name.lower(): value for name, value in headers.items()}
    stamp = lowered.get(TIMESTAMP_HEADER.lower(), "")
    given = lowered.get(SIGNATURE_HEADER.lower(), "")
    if not stamp.isascii() or not stamp.isdigit():
        return False
    current = time.time() if now is None else now
    if abs(current - int(stamp)) > tolerance:
        return False
    expected = sign(body, secret, int(stamp))
    # compare_digest takes the same time wherever the strings differ: no timing oracle.
    return hmac.compare_digest(expected.encode("ascii"), given.encode("utf-8", "replace"))
