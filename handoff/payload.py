"""Build the agent's context payload: what happened, how the customer feels, what to do next.

Everything that could carry personal data (transcript, entity values, reasons, cue evidence)
passes through ``redact`` here, in one place, before it leaves the engine.
"""

from __future__ import annotations

import functools
import json
import math
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from handoff.models.conversation import Conversation, Role
from handoff.models.decision import Decision
from handoff.models.payload import (
    AnalysisInfo,
    BotAttempts,
    ContextPayload,
    CustomerInfo,
    EmotionalCue,
    EmpathyStep,
    IntentInfo,
    PreviousInteraction,
    RoutingInfo,
    SentimentInfo,
    TranscriptLine,
    WhyInfo,
)
from handoff.models.rules import Lane
from handoff.models.signals import Signals
from handoff.signals.pii import redact
from handoff.signals.text import CACHE_BYTES, memo

__all__ = ["build_payload", "payload_json_schema", "payload_json_schema_text", "sentiment_label"]

ALTERNATIVES = 3
_ENTRY_BYTES = 1024  # a small model and its cache entry, besides its texts


def sentiment_label(value: float) -> str:
    """VADER's conventional bands, with a band for the customers who need care first."""
    if math.isnan(value):
        return "neutral"
    if value <= -0.6:
        return "very negative"
    if value <= -0.05:
        return "negative"
    if value >= 0.05:
        return "positive"
    return "neutral"


def _finite(value: float) -> float:
    return 0.0 if math.isnan(value) else round(value, 4)


def build_payload(
    conversation: Conversation,
    signals: Signals | None,
    decision: Decision,
    lane: Lane,
    *,
    queue: str,
    transcript_turns: int,
    previous: Sequence[PreviousInteraction] = (),
    now: datetime | None = None,
    cut_chars: Mapping[int, int] | None = None,
    first_turn: int = 0,
) -> ContextPayload:
    """Assemble the payload for ``decision`` (usually called only when it hands off).

    ``conversation`` should be bounded (handoff.signals.bound; the Router does it), and
    ``cut_chars`` / ``first_turn`` say what bounding left out, for the agent to see.
    """
    created = now or datetime.now(timezone.utc)
    account = conversation.account
    latest = conversation.latest_user_turn
    intent = latest.intent if latest is not None else None
    alternatives = tuple(
        (i.name, round(i.confidence, 4))
        for i in sorted(
            (
                i
                for i in (latest.intent_ranking if latest else ())
                if intent is None or i.name != intent.name
            ),
            key=lambda i: -i.confidence,
        )[:ALTERNATIVES]
    )
    cuts = cut_chars or {}
    start = max(first_turn, len(conversation.turns) - transcript_turns)
    transcript = tuple(
        _line(
            index,
            turn.role,
            turn.text,
            turn.intent.name if turn.intent is not None else None,
            cuts.get(index, 0),
        )
        for index, turn in enumerate(conversation.turns[start:], start)
    )
    entities = tuple(
        (entity.entity, redact(str(entity.value)))
        for entity in (latest.entities if latest is not None else ())
        if entity.value is not None
    )
    bot_turns = [t for t in conversation.turns if t.role == "bot"]
    user_intents = [t.intent.name for t in conversation.turns if t.role == "user" and t.intent]
    observations = tuple(
        redact(check.describe()) for fired in decision.fired[:1] for check in fired.checks
    )
    empathy = lane.guidance.empathy
    checklist = (
        _checklist(empathy.validate_, empathy.reframe, empathy.commit)
        if empathy is not None
        else ()
    )
    if signals is not None:
        sentiment = SentimentInfo(
            latest=_finite(signals.sentiment),
            trend=_finite(signals.sentiment_trend),
            delta=_finite(signals.sentiment_delta),
            minimum=_finite(signals.sentiment_min),
            label=sentiment_label(signals.sentiment_trend),  # type: ignore[arg-type]
            frustration=_finite(signals.frustration),
            per_turn=tuple((s.turn, round(s.sentiment, 4)) for s in signals.turn_scores),
        )
        cues = tuple(_cue(c.kind, c.evidence, c.turn) for c in signals.cue_details)
        fallbacks = signals.total_fallbacks
    else:
        sentiment = SentimentInfo(
            latest=0.0, trend=0.0, delta=0.0, minimum=0.0, label="neutral", frustration=0.0,
            per_turn=(),
        )  # fmt: skip
        cues = ()
        fallbacks = sum(1 for t in bot_turns if t.fallback)
    return ContextPayload(
        conversation_id=conversation.id,
        channel=conversation.channel,
        created_at=created,
        customer=CustomerInfo(
            customer_id=account.customer_id,
            name=account.name,
            tier=account.tier,
            risk_flags=tuple(sorted(account.risk_flags)),
        ),
        routing=RoutingInfo(
            lane=decision.lane,
            kind=decision.lane_kind,
            queue=queue,
            priority=decision.priority,
            skills=lane.skills,
            sla_seconds=decision.sla_seconds,
            sla_deadline=(
                created + timedelta(seconds=decision.sla_seconds)
                if decision.sla_seconds is not None
                else None
            ),
        ),
        why=WhyInfo(
            summary=decision.reason,
            rules=tuple(f.rule_id for f in decision.fired[:1]),
            observations=observations,
        ),
        intent=IntentInfo(
            name=intent.name if intent is not None else None,
            confidence=round(intent.confidence, 4) if intent is not None else None,
            alternatives=alternatives,
        ),
        sentiment=sentiment,
        cues=cues,
        entities=entities,
        transcript=transcript,
        analysis=AnalysisInfo(cut_chars=sum(cuts.values()), turns_not_analysed=first_turn),
        bot_tried=BotAttempts(
            intents=tuple(dict.fromkeys(user_intents)),
            actions=tuple(dict.fromkeys(t.action for t in bot_turns if t.action)),
            fallbacks=fallbacks,
        ),
        previous_interactions=tuple(previous),
        next_steps=lane.guidance.next_steps,
        empathy_checklist=checklist,
        ruleset=decision.ruleset,
        ruleset_version=decision.ruleset_version,
    )


# Earlier turns reappear in every payload of a conversation: their lines and cues are built
# and redacted once. The caches are bounded by bytes (keys and values), not by entries: an
# entry-bounded cache keyed by message text held 8,192 texts of any size (issue 9).


def _part_bytes(key: Any, part: Any) -> int:
    texts = [k for k in key if isinstance(k, str)]
    texts.append(part.text if isinstance(part, TranscriptLine) else part.evidence)
    return sum(map(sys.getsizeof, texts)) + _ENTRY_BYTES


@memo(budget=CACHE_BYTES // 2, size=_part_bytes)
def _line(index: int, role: Role, text: str, intent: str | None, cut: int) -> TranscriptLine:
    return TranscriptLine(turn=index, role=role, text=redact(text), intent=intent, cut_chars=cut)


@memo(budget=CACHE_BYTES // 2, size=_part_bytes)
def _cue(kind: str, evidence: str, turn: int) -> EmotionalCue:
    return EmotionalCue(cue=kind, evidence=redact(evidence), turn=turn)


@functools.lru_cache(maxsize=256)
def _checklist(validate: str, reframe: str, commit: str) -> tuple[EmpathyStep, ...]:
    return (
        EmpathyStep(step="validate", prompt=validate),
        EmpathyStep(step="reframe", prompt=reframe),
        EmpathyStep(step="commit", prompt=commit),
    )


def payload_json_schema() -> dict[str, Any]:
    """The JSON Schema of ContextPayload, for receivers (published as rules/payload.schema.json)."""
    schema = ContextPayload.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "handoff context payload"
    return schema


def payload_json_schema_text() -> str:
    """Stable, pretty-printed schema text."""
    return json.dumps(payload_json_schema(), indent=2, sort_keys=True) + "\n"
