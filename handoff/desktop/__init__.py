"""The agent desktop: where a handoff lands. Store, service, web pages (``pip install
'handoff-router[desktop]'``).

::

    from handoff.desktop import Desktop

    desktop = Desktop("sqlite:///desktop.sqlite")   # PostgreSQL: postgresql+psycopg://...
    desktop.upgrade()                               # create or migrate the tables (Alembic)
    desktop.sync_lanes(router.ruleset)              # the rule set's human lanes
    admin = desktop.create_admin("ada", password)
    desktop.receive(idempotency_key, body)          # a signed webhook's verified body
    for queue in desktop.queues(admin): ...

The service is synchronous (SQLAlchemy's sync engine); the web app calls it from a thread
pool. This is an edge (layer 5): nothing in the engine imports it. Errors: see
``handoff.desktop.records`` (``StorageUnavailable``, re-exported here, means the database
cannot be used now).
"""

from __future__ import annotations

from handoff.desktop.auth import MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS
from handoff.desktop.records import (
    AuditEntry,
    BotUnavailable,
    Change,
    Conflict,
    ConversationRecord,
    DesktopError,
    Forbidden,
    InvalidInput,
    InvalidPayload,
    LaneInfo,
    LaneQueue,
    LineRecord,
    NoteRecord,
    NotFound,
    PayloadConflict,
    QueueItem,
    Role,
    SessionInfo,
    Status,
    Step,
    TickRecord,
    UnknownLane,
    User,
    WrapUpRecord,
)
from handoff.desktop.service import MAX_BODY_BYTES, MAX_NOTE_CHARS, Bot, Desktop, RasaBot
from handoff.errors import StorageUnavailable

__all__ = [
    "MAX_BODY_BYTES",
    "MAX_NOTE_CHARS",
    "MAX_PASSWORD_CHARS",
    "MIN_PASSWORD_CHARS",
    "AuditEntry",
    "Bot",
    "BotUnavailable",
    "Change",
    "Conflict",
    "ConversationRecord",
    "Desktop",
    "DesktopError",
    "Forbidden",
    "InvalidInput",
    "InvalidPayload",
    "LaneInfo",
    "LaneQueue",
    "LineRecord",
    "NotFound",
    "NoteRecord",
    "PayloadConflict",
    "QueueItem",
    "RasaBot",
    "Role",
    "SessionInfo",
    "Status",
    "Step",
    "StorageUnavailable",
    "TickRecord",
    "UnknownLane",
    "User",
    "WrapUpRecord",
]
