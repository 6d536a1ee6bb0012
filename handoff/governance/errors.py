"""Why a governed rules operation was refused. Every message says what to do instead."""

from __future__ import annotations

from handoff.errors import HandoffError

__all__ = [
    "Conflict",
    "CorruptVersion",
    "GovernanceError",
    "NotAllowed",
    "NotApproved",
    "NotFound",
]


class GovernanceError(HandoffError):
    """A rules change cannot proceed; the message says why and what to do."""


class NotAllowed(GovernanceError):
    """The actor's roles do not allow this step (the desktop answers 403)."""


class NotFound(GovernanceError):
    """No proposal, version or user matches (the desktop answers 404)."""


class Conflict(GovernanceError):
    """The step clashes with the store's state: already approved, withdrawn, superseded,
    or an ambiguous hash prefix (the desktop answers 409)."""


class NotApproved(GovernanceError):
    """Publishing needs approvals the version does not have; the message names the roles
    still missing."""


class CorruptVersion(GovernanceError):
    """A stored version cannot be trusted: its files do not match its content hash, they do
    not load, or its publication's signature does not verify. It is never loaded."""
