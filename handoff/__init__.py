"""handoff: decide on every chatbot turn whether a human takes over, where, and with what context.

::

    from handoff import Router, Conversation
    router = Router.from_path("rules/default.yaml")
    decision = router.route(conversation)
    payload = router.payload(conversation, decision)

Importing the package is cheap: the engine (pydantic models, networkx, VADER, spaCy) loads
on first use of a name below, so a bot that only imports ``handoff`` pays nothing.
A long-running process calls ``handoff.warm_up(router)`` once it has built its router:
the first customer waits for nothing, and the collector stops walking what it keeps.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from handoff.errors import ConversationError, HandoffError, Problem, RulesError
    from handoff.history import HistorySource, InMemoryHistory
    from handoff.models import (
        Account,
        ContextPayload,
        Conversation,
        Decision,
        Intent,
        PreviousInteraction,
        RoutingState,
        RuleSet,
        Signals,
        TextAnalysis,
        Turn,
    )
    from handoff.router import Router, warm_up
    from handoff.signals import analyze_text, redact

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Account": "handoff.models",
    "ContextPayload": "handoff.models",
    "Conversation": "handoff.models",
    "ConversationError": "handoff.errors",
    "Decision": "handoff.models",
    "HandoffError": "handoff.errors",
    "HistorySource": "handoff.history",
    "InMemoryHistory": "handoff.history",
    "Intent": "handoff.models",
    "PreviousInteraction": "handoff.models",
    "Problem": "handoff.errors",
    "Router": "handoff.router",
    "RoutingState": "handoff.models",
    "RuleSet": "handoff.models",
    "RulesError": "handoff.errors",
    "Signals": "handoff.models",
    "TextAnalysis": "handoff.models",
    "Turn": "handoff.models",
    "analyze_text": "handoff.signals",
    "redact": "handoff.signals",
    "warm_up": "handoff.router",
}

__all__ = [
    "Account",
    "ContextPayload",
    "Conversation",
    "ConversationError",
    "Decision",
    "HandoffError",
    "HistorySource",
    "InMemoryHistory",
    "Intent",
    "PreviousInteraction",
    "Problem",
    "Router",
    "RoutingState",
    "RuleSet",
    "RulesError",
    "Signals",
    "TextAnalysis",
    "Turn",
    "__version__",
    "analyze_text",
    "redact",
    "warm_up",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'handoff' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
