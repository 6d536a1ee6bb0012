"""Passwords (argon2id via argon2-cffi) and session tokens, kept apart from the database code.

- Passwords are hashed with argon2-cffi's ``PasswordHasher`` (argon2id, its RFC 9106 "low
  memory" profile by default). A hash made with other parameters is replaced at the next
  successful login (``check_needs_rehash``), so raising the cost later upgrades every user.
- Checking a username nobody has costs one verification against a fixed dummy hash, so the
  time a login takes does not tell whether the username exists.
- Session tokens are 256 random bits (``secrets``); only their SHA-256 is stored, so a copy of
  the database does not let anyone log in. Each session has its own CSRF token.

Nothing here logs; the callers never log passwords or tokens either.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

__all__ = [
    "MAX_PASSWORD_CHARS",
    "MIN_PASSWORD_CHARS",
    "Passwords",
    "Verified",
    "check_password_rules",
    "csrf_matches",
    "hash_token",
    "new_csrf_token",
    "new_session_token",
]

# NIST SP 800-63B asks for at least 8 characters and no composition rules; a desk where
# several people share a room gets 10. The upper bound keeps one login's work bounded.
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 256


def check_password_rules(password: str) -> None:
    """Raise ValueError (without the password in it) unless ``password`` may be used."""
    if not isinstance(password, str):
        raise ValueError("the password must be text")
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"the password must have at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise ValueError(f"the password must have at most {MAX_PASSWORD_CHARS} characters")
    if password.strip() == "":
        raise ValueError("the password must not be only spaces")


@dataclass(frozen=True)
class Verified:
    """The result of checking a password: did it match, and the new hash to store if the
    stored one was made with other parameters (None otherwise)."""

    ok: bool
    new_hash: str | None = None


class Passwords:
    """Hash and verify passwords with one ``PasswordHasher`` (its parameters are the policy)."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or PasswordHasher()
        self._dummy: str | None = None
        self._dummy_lock = threading.Lock()

    def hash(self, password: str) -> str:
        """A new argon2id hash of ``password`` (after :func:`check_password_rules`)."""
        check_password_rules(password)
        return self.hasher.hash(password)

    def verify(self, stored_hash: str, password: str) -> Verified:
        """Check ``password`` against ``stored_hash``; a wrong or unusable hash is no match."""
        if not isinstance(password, str) or len(password) > MAX_PASSWORD_CHARS:
            # Still one verification's work, so an over-long guess is not faster to refuse.
            self.waste_time()
            return Verified(ok=False)
        try:
            self.hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return Verified(ok=False)
        if self.hasher.check_needs_rehash(stored_hash):
            return Verified(ok=True, new_hash=self.hasher.hash(password))
        return Verified(ok=True)

    def waste_time(self) -> None:
        """One verification's work for a login whose username does not exist."""
        with self._dummy_lock:
            if self._dummy is None:
                self._dummy = self.hasher.hash(secrets.token_urlsafe(16))
            dummy = self._dummy
        with contextlib.suppress(VerificationError):
            self.hasher.verify(dummy, "not the password")


def new_session_token() -> str:
    """A session token for the cookie: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def new_csrf_token() -> str:
    """A CSRF token for one session's forms: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """What is stored for a session token: its SHA-256, hex (the token itself is random)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def csrf_matches(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a session's CSRF token with the one a form sent."""
    if not given or not expected:
        return False
    return hmac.compare_digest(expected.encode("utf-8"), given.encode("utf-8", "replace"))
