"""Signals computed from a conversation, and the catalog of names rules may test."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from handoff.models._base import Model

__all__ = ["SIGNAL_KINDS", "UNRANKED", "Cue", "Signals", "TextAnalysis", "TurnScore"]

CueKind = str  # open set; the bundled lexicon's kinds are listed in handoff.signals.CUE_KINDS


class Cue(Model):
    """One frustration cue with the evidence that triggered it."""

    kind: CueKind
    evidence: str = Field(description="The exact span of the message that matched.")
    start: int = Field(description="Character offset of the evidence in the message.")
    end: int
    turn: int = Field(
        default=-1,
        description="0-based index in Conversation.turns (-1 for lone text); payloads show "
        "it as a 1-based turn number (Conversation.user_turn_numbers).",
    )
    weight: float = Field(default=0.0, description="How much this cue adds to frustration.")


class TextAnalysis(Model):
    """What ``handoff.analyze_text`` returns for one message."""

    text: str
    sentiment: float = Field(
        description="VADER compound score, -1..1; negated when the message is sarcastic."
    )
    frustration: float = Field(ge=0.0, le=1.0, description="0..1; cues plus negative sentiment.")
    cues: tuple[Cue, ...] = ()
    human_request: bool = Field(default=False, description="Asks for a person in so many words.")

    @property
    def cue_kinds(self) -> frozenset[str]:
        """The distinct kinds of cue present."""
        return frozenset(c.kind for c in self.cues)


class TurnScore(Model):
    """Per user turn scores, kept so the trend can be explained turn by turn."""

    turn: int = Field(description="0-based index in Conversation.turns (payloads add 1).")
    sentiment: float
    frustration: float


# "group": one number per intent group named in ``settings.intent_groups``; a rule tests one
# group at a time (``intent_group_mass: {group: fraud, gte: 0.5}``).
SignalKind = Literal["number", "text", "set", "bool", "group"]

# intent_group_rank of a group none of whose intents is in the ranking: larger than any rank
# (rankings are capped at 10 entries), so ``{lte: 3}`` is false and ``{gt: 3}`` true.
UNRANKED = 1_000

# The closed catalog of names rules may test. The order is the layout of the evaluation
# vector (handoff.graph), so append rather than reorder when adding a signal.
SIGNAL_KINDS: dict[str, SignalKind] = {
    "sentiment": "number",
    "sentiment_trend": "number",
    "sentiment_delta": "number",
    "sentiment_min": "number",
    "frustration": "number",
    "frustration_trend": "number",
    "frustration_max": "number",
    "intent": "text",
    "intent_confidence": "number",
    "intent_margin": "number",
    "human_request": "bool",
    "repeated_message": "bool",
    "repeat_count": "number",
    "consecutive_fallbacks": "number",
    "total_fallbacks": "number",
    "user_turns": "number",
    "tier": "text",
    "risk_flags": "set",
    "channel": "text",
    "cues": "set",
    "cues_seen": "set",
    "entities": "set",
    "current_lane": "text",
    "with_human": "bool",
    "turns_since_handback": "number",
    "intent_group_mass": "group",
    "intent_group_rank": "group",
    "escalation_score": "number",
}


class Signals(Model):
    """Every signal for the current turn. Missing numbers are NaN, so every comparison is False."""

    sentiment: float = Field(
        description="VADER compound of the latest user message, -1..1 (negated when sarcastic)."
    )
    sentiment_trend: float = Field(
        description="Exponentially smoothed sentiment over the last N user turns."
    )
    sentiment_delta: float = Field(description="Latest sentiment minus the first user turn's.")
    sentiment_min: float = Field(description="Lowest sentiment of any user turn so far.")
    frustration: float = Field(description="Frustration of the latest user message, 0..1.")
    frustration_trend: float = Field(description="Smoothed frustration over the last N turns.")
    frustration_max: float = Field(description="Highest frustration of any user turn so far.")
    intent: str = Field(description="Top intent of the latest user message ('' if none).")
    intent_confidence: float = Field(description="Confidence of the top intent (NaN if none).")
    intent_margin: float = Field(description="Top confidence minus the runner-up's (NaN if none).")
    human_request: bool = Field(description="The customer asked for a person (intent or words).")
    repeated_message: bool = Field(description="The latest message repeats an earlier one.")
    repeat_count: int = Field(description="How many earlier user messages it repeats.")
    consecutive_fallbacks: int = Field(
        description="Failed exchanges in a row, up to now: NLU fell back on the user message "
        "or a reply to it was a fallback (one failure either way); not_a_failure_intents never "
        "fail; the latest, unanswered message counts only if NLU fell back on it."
    )
    total_fallbacks: int = Field(
        description="Failed exchanges in the conversation, since the last hand-back if a human "
        "handed it back to the bot (as consecutive_fallbacks: the failures a person closed "
        "do not count again)."
    )
    user_turns: int = Field(description="Number of user messages so far.")
    tier: str = Field(description="Account tier, e.g. standard, gold, platinum.")
    risk_flags: frozenset[str] = Field(description="Account risk flags, e.g. fraud_suspected.")
    channel: str = Field(description="Channel the customer is on, e.g. web, whatsapp, voice.")
    cues: frozenset[str] = Field(description="Frustration cue kinds in the latest message.")
    cues_seen: frozenset[str] = Field(
        description="Cue kinds seen in any user message so far; after a human handed the "
        "conversation back to the bot, only in the messages since the last hand-back (the "
        "episode a person closed does not count again). The latest message's cues always count."
    )
    entities: frozenset[str] = Field(description="Entity names in the latest message.")
    current_lane: str = Field(description="Lane chosen on the previous turn ('' if none).")
    with_human: bool = Field(description="A human lane has the conversation already.")
    turns_since_handback: int = Field(
        description="User turns since a human handed back to the bot (large if never)."
    )
    intent_group_mass: dict[str, float] = Field(
        default_factory=dict,
        description="Per intent group: the summed confidence of its intents across the whole "
        "NLU ranking of the latest message (0..1).",
    )
    intent_group_rank: dict[str, int] = Field(
        default_factory=dict,
        description="Per intent group: the best 1-based rank of any of its intents in the "
        "ranking of the latest message (UNRANKED, 1000, when none is ranked).",
    )
    escalation_score: float = Field(
        default=float("nan"),
        description="The learned escalation model's estimate, 0..1, that a careful bank would "
        "have a person take over by this turn (handoff.signals.escalation; NaN if not scored).",
    )
    # Explanations, not testable by rules:
    cue_details: tuple[Cue, ...] = Field(
        default=(), description="Every cue with evidence, by turn."
    )
    turn_scores: tuple[TurnScore, ...] = Field(default=(), description="Per user turn scores.")
    # What bounding left out (handoff.signals.bound), so decisions on cut input can be told:
    message_cut_chars: int = Field(
        default=0, description="Characters of the latest user message not analysed (cut)."
    )
    turns_not_analysed: int = Field(
        default=0, description="Earliest turns beyond the analysed window (max_turns)."
    )
