"""Plain data: conversations, signals, rule sets, decisions and payloads (no behaviour)."""

from handoff.models.conversation import Account, Conversation, Entity, Intent, RoutingState, Turn
from handoff.models.decision import (
    AntiFlapOutcome,
    Check,
    Decision,
    FiredRule,
    ShadowDecision,
    TraceStep,
)
from handoff.models.payload import PAYLOAD_SCHEMA_VERSION, ContextPayload, PreviousInteraction
from handoff.models.rules import Condition, Lane, Rule, RuleSet, Settings
from handoff.models.signals import SIGNAL_KINDS, Cue, Signals, TextAnalysis, TurnScore

__all__ = [
    "PAYLOAD_SCHEMA_VERSION",
    "SIGNAL_KINDS",
    "Account",
    "AntiFlapOutcome",
    "Check",
    "Condition",
    "ContextPayload",
    "Conversation",
    "Cue",
    "Decision",
    "Entity",
    "FiredRule",
    "Intent",
    "Lane",
    "PreviousInteraction",
    "RoutingState",
    "Rule",
    "RuleSet",
    "Settings",
    "ShadowDecision",
    "Signals",
    "TextAnalysis",
    "TraceStep",
    "Turn",
    "TurnScore",
]
