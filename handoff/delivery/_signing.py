"""HMAC signatures on deliveries, so a receiver can tell ours from a forgery or a replay.

Scheme ``v2``: hex HMAC-SHA256, keyed with the shared secret, over
``f"{timestamp}.{idempotency_key}.".encode() + body``. Signing the key with the body and the
time means a captured delivery cannot be replayed under a new key (to be stored twice), nor
with a new time (to outlive the tolerance). ``v1`` (timestamp and body only) is no longer
sent nor accepted: it let a replay with a fresh ``Idempotency-Key`` through.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Mapping

__all__ = [
    "IDEMPOTENCY_HEADER",
    "KEY_PATTERN",
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
_SCHEME = "v2"
# Keys travel in an HTTP header: printable ASCII, no spaces, a bounded length.
KEY_PATTERN = re.compile(r"[\x21-\x7e]{1,200}")
# Unix seconds have 10 digits until the year 2286; a longer value is refused unparsed, so a
# 5,000-digit "timestamp" costs nothing (int() of it would even raise on 3.11+).
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v2=[0-9a-f]{64}")


def _secret_bytes(secret: str | bytes) -> bytes:
    if not secret:
        # An empty key makes an HMAC anyone can compute: refuse it loudly, never "verify".
        raise ValueError("the signing secret must not be empty")
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def sign(body: bytes, secret: str | bytes, timestamp: int, key: str) -> str:
    """The ``X-Handoff-Signature`` value for ``body`` sent under ``key`` at ``timestamp``.

    ``v2=`` + hex HMAC-SHA256 of ``f"{timestamp}.{key}.".encode() + body`` under ``secret``.
    ``key`` is the ``Idempotency-Key`` (1-200 printable ASCII characters, no spaces).
    """
    if not KEY_PATTERN.fullmatch(key):
        raise ValueError("the idempotency key must be 1-200 printable ASCII characters")
    message = f"{int(timestamp)}.{key}.".encode("ascii") + body
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
        SIGNATURE_HEADER: sign(body, secret, stamp, key),
    }


def verify(
    body: bytes,
    headers: Mapping[str, str],
    secret: str | bytes,
    *,
    tolerance: float = 300,
    future_skew: float = 30,
    now: float | None = None,
) -> bool:
    """True if ``headers`` carry a valid ``v2`` signature of ``body`` and its idempotency key.

    The timestamp may be up to ``tolerance`` seconds old (how long a retry in flight stays
    valid) and at most ``future_skew`` seconds ahead of ``now`` (clock drift between sender
    and receiver, not more: a stamp far in the future would stretch the replay window).
    Header names are matched case-insensitively. Malformed or missing headers give False,
    never an exception; an empty ``secret`` raises ValueError (a configuration error).
    """
    key_bytes = _secret_bytes(secret)
    lowered = {name.lower(): value for name, value in headers.items()}
    stamp = lowered.get(TIMESTAMP_HEADER.lower(), "")
    given = lowered.get(SIGNATURE_HEADER.lower(), "")
    key = lowered.get(IDEMPOTENCY_HEADER.lower(), "")
    if not (
        _TIMESTAMP.fullmatch(stamp) and _SIGNATURE.fullmatch(given) and KEY_PATTERN.fullmatch(key)
    ):
        return False
    current = time.time() if now is None else now
    age = current - int(stamp)
    if age > tolerance or -age > future_skew:
        return False
    expected = sign(body, key_bytes, int(stamp), key)
    # compare_digest takes the same time wherever the strings differ: no timing oracle.
    return hmac.compare_digest(expected.encode("ascii"), given.encode("ascii"))
