"""What the agent sees on arrival: a versioned, redacted context payload with a JSON Schema."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from handoff.models._base import Model

__all__ = [
    "PAYLOAD_SCHEMA_VERSION",
    "AnalysisInfo",
    "BotAttempts",
    "ContextPayload",
    "CustomerInfo",
    "EmotionalCue",
    "EmpathyStep",
    "IntentInfo",
    "PreviousInteraction",
    "RoutingInfo",
    "SentimentInfo",
    "TranscriptLine",
    "WhyInfo",
]

# Bump the major part on a breaking change; receivers should check it.
# 1.1: TranscriptLine.cut_chars and ContextPayload.analysis (what bounding left out).
PAYLOAD_SCHEMA_VERSION = "1.1"


class CustomerInfo(Model):
    """Who is waiting."""

    customer_id: str | None
    name: str | None
    tier: str
    risk_flags: tuple[str, ...]


class RoutingInfo(Model):
    """Where the customer goes and how soon they must be answered."""

    lane: str
    kind: str
    queue: str
    priority: int
    skills: tuple[str, ...]
    sla_seconds: int | None
    sla_deadline: datetime | None = Field(description="Time by which an agent should answer.")


class WhyInfo(Model):
    """Why the bot escalated, in plain language and as data."""

    summary: str
    rules: tuple[str, ...]
    observations: tuple[str, ...] = Field(description="e.g. 'frustration 0.82 >= 0.70'.")


class IntentInfo(Model):
    """What the customer wants, and what else it might be."""

    name: str | None
    confidence: float | None
    alternatives: tuple[tuple[str, float], ...]


class SentimentInfo(Model):
    """How the customer feels now and how that changed."""

    latest: float
    trend: float
    delta: float
    minimum: float
    label: Literal["positive", "neutral", "negative", "very negative"]
    frustration: float
    per_turn: tuple[tuple[int, float], ...] = Field(description="(turn index, sentiment).")


class EmotionalCue(Model):
    """A cue the agent should notice, tied to the message it came from."""

    cue: str
    evidence: str
    turn: int


class TranscriptLine(Model):
    """One redacted line of the conversation."""

    turn: int
    role: str
    text: str
    intent: str | None = None
    cut_chars: int = Field(
        default=0,
        description="Characters of this message neither analysed nor shown: a long message "
        "keeps its head and tail, joined by '[…]'.",
    )


class AnalysisInfo(Model):
    """What the engine left out to keep its work bounded (all zero for ordinary chats)."""

    cut_chars: int = Field(
        default=0,
        description="Characters cut from analysed messages (see TranscriptLine.cut_chars).",
    )
    turns_not_analysed: int = Field(
        default=0, description="Earliest turns neither analysed nor shown (a very long chat)."
    )


class BotAttempts(Model):
    """What the bot already tried, so the agent does not repeat it."""

    intents: tuple[str, ...]
    actions: tuple[str, ...]
    fallbacks: int


class PreviousInteraction(Model):
    """An earlier contact with this customer, from a history source."""

    when: datetime
    channel: str
    summary: str
    outcome: str = ""
    lane: str | None = None


class EmpathyStep(Model):
    """One item of the empathy checklist."""

    step: Literal["validate", "reframe", "commit"]
    prompt: str


class ContextPayload(Model):
    """The context payload delivered to an agent's desktop."""

    schema_version: str = PAYLOAD_SCHEMA_VERSION
    conversation_id: str
    channel: str
    created_at: datetime
    customer: CustomerInfo
    routing: RoutingInfo
    why: WhyInfo
    intent: IntentInfo
    sentiment: SentimentInfo
    cues: tuple[EmotionalCue, ...]
    entities: tuple[tuple[str, str], ...] = Field(description="(entity, redacted value).")
    transcript: tuple[TranscriptLine, ...]
    analysis: AnalysisInfo = AnalysisInfo()
    bot_tried: BotAttempts
    previous_interactions: tuple[PreviousInteraction, ...]
    next_steps: tuple[str, ...]
    empathy_checklist: tuple[EmpathyStep, ...]
    ruleset: str
    ruleset_version: str
