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

# Bump the major part on a breaking change (a field removed, renamed or retyped); receivers
# should check it. Bump the minor part when fields are added or a field's meaning changes
# with its shape kept.
# 1.1: TranscriptLine.cut_chars and ContextPayload.analysis (what bounding left out).
# 1.2: turn numbers (transcript, cues, sentiment.per_turn) are 1-based positions in the
#      conversation, as an agent counts transcript lines (they were 0-based indexes); the
#      sentiment label describes the latest message (it followed the trend).
# 1.3: experiment and arm (the A/B pilot the conversation is in, if any).
PAYLOAD_SCHEMA_VERSION = "1.3"

TURN = (
    "Turn number: the message's 1-based position in the conversation, counting every "
    "message (customer, bot, agent, system), so turn 3 is the third line of the whole "
    "conversation. The transcript may start later (see analysis.turns_not_analysed and the "
    "rule set's transcript_turns); numbers keep counting from the conversation's start."
)


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

    latest: float = Field(
        description="VADER compound sentiment of the latest customer message, -1..1."
    )
    trend: float = Field(
        description="Exponentially smoothed sentiment over the last customer messages (the "
        "rule set's sentiment_window), -1..1: how the conversation is going."
    )
    delta: float = Field(description="`latest` minus the first customer message's sentiment.")
    minimum: float = Field(description="Lowest sentiment of any customer message so far.")
    label: Literal["positive", "neutral", "negative", "very negative"] = Field(
        description="Band of `latest` (the latest customer message, not the trend): "
        "'very negative' <= -0.6 < 'negative' <= -0.05 < 'neutral' < 0.05 <= 'positive'."
    )
    frustration: float = Field(description="Frustration of the latest customer message, 0..1.")
    per_turn: tuple[tuple[int, float], ...] = Field(
        description="(turn number, sentiment) for each analysed customer message. " + TURN
    )


class EmotionalCue(Model):
    """A cue the agent should notice, tied to the message it came from."""

    cue: str
    evidence: str = Field(description="The words in the message that show the cue (redacted).")
    turn: int = Field(description=TURN)


class TranscriptLine(Model):
    """One redacted line of the conversation."""

    turn: int = Field(description=TURN)
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

    schema_version: str = Field(
        default=PAYLOAD_SCHEMA_VERSION,
        description="MAJOR.MINOR of this schema: a new major removes, renames or retypes a "
        "field (check it); a new minor adds fields or changes what one means.",
    )
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
    ruleset_version: str = Field(
        description="Content hash of the rules that routed (in an experiment, the arm's)."
    )
    experiment: str | None = Field(
        default=None, description="The experiment (A/B pilot) this conversation is in, if any."
    )
    arm: str | None = Field(default=None, description="Its arm in that experiment.")
