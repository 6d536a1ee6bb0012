"""Governed rule changes: propose, backtest, approve, publish, hot reload, roll back.

A rules change is a controlled act: a designer proposes a rule set (a YAML file or folder,
with its rule tests), which is validated, tested and backtested against stored
conversations; people holding the roles the governance policy names approve it (never its
author, never an agent), bound to the exact content hash; a supervisor or admin publishes
it to the shared store (the desktop's database), and every running action server picks it
up within seconds without a restart. Rollback to any earlier published version is one
command. Every step is recorded in a hash-chained, exportable audit trail, with the
semantic diff beside it.

Modules: ``errors`` and ``actor`` (who acts), ``bundle`` (a rule set's files and content
hash), ``policy`` (who may approve what), ``checks`` and ``backtest`` (validation, rule tests
and replay of stored conversations), ``store`` (the tables and the governed operations),
``watch`` (hot reload in the action server). The engine below never imports this package;
the desktop, the CLI and the action server above use it.
"""

from __future__ import annotations

from handoff.governance.actor import Actor
from handoff.governance.errors import (
    Conflict,
    CorruptVersion,
    GovernanceError,
    NotAllowed,
    NotApproved,
    NotFound,
)

__all__ = [
    "Actor",
    "Conflict",
    "CorruptVersion",
    "GovernanceError",
    "NotAllowed",
    "NotApproved",
    "NotFound",
]
