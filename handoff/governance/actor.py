"""Who acts on a rules change: a desktop user, with their role and governance grants."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["AGENT", "Actor"]

# Agents answer customers; they never approve or publish a rules change, whatever the
# policy says.
AGENT = "agent"


@dataclass(frozen=True)
class Actor:
    """An authenticated desktop user. Authentication is the caller's job (the desktop's
    session, or the CLI's password check); the governance store authorises from this.

    ``role`` is the desktop role (agent, supervisor or admin); ``grants`` the governance
    roles an admin granted (for example ``team_lead``, ``risk``, ``compliance``).
    """

    username: str
    role: str
    grants: frozenset[str] = field(default_factory=frozenset)

    @property
    def roles(self) -> frozenset[str]:
        """Every role the policy may name: the desktop role plus the grants."""
        return frozenset({self.role}) | self.grants

    @property
    def may_govern(self) -> bool:
        """False for agents: they never approve, publish or roll back."""
        return self.role != AGENT
