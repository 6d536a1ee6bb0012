"""Build the agent's context payload: what happened, how the customer feels, what to do next.

Everything that could carry personal data passes through ``redact`` here, in one place, before
it leaves the engine: every string that comes from the conversation, the channel's metadata,
the NLU or a history source (transcript, entities, reasons, cue evidence, intents, actions,
channel, tier, risk flags, previous interactions). Strings from the designer's rules file
(lanes, queues, skills, next steps, checklists) are left as written.

Identifiers are pseudonymised rather than redacted, so that a desktop can still group the
payloads of one conversation: when the conversation id or the customer id holds PII (a
phone-number sender id such as ``whatsapp:+447700900123``, an email address), each PII part
is replaced by ``<kind>-<HMAC-SHA256 of the value, 20 hex digits>``, keeping the rest:
``whatsapp:phone-1f0c...``. The same id and key always give the same pseudonym. The HMAC key
is the Router's ``pseudonym_key`` or the environment variable ``HANDOFF_PSEUDONYM_KEY``;
without either a fixed, public default key is used, which only keeps ids from being read at
a glance: an unkeyed (or publicly keyed) hash of a phone number is brute-forced in minutes,
so production must set a secret key, shared by every server whose payloads go to the same
desktop. The customer's name from the channel's metadata is never copied into the payload
(``customer.name`` is always null): the desktop looks the customer up by ``customer_id``.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import math
import os
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any, NamedTuple

from handoff.models._base import M, built
from handoff.models.conversation import Conversation, Role, Turn
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
from handoff.signals import escalation
from handoff.signals._memo import memo
from handoff.signals.pii import find_pii, redact
from handoff.signals.text import CACHE_BYTES

__all__ = [
    "DEFAULT_PSEUDONYM_KEY",
    "PSEUDONYM_KEY_ENV",
    "build_payload",
    "payload_json_schema",
    "payload_json_schema_text",
    "pseudonym_key",
    "pseudonymise",
    "sentiment_label",
]

ALTERNATIVES = 3
_ENTRY_BYTES = 1024  # a small model and its cache entry, besides its texts

PSEUDONYM_KEY_ENV = "HANDOFF_PSEUDONYM_KEY"
# Public, so it protects nothing against someone who wants the phone number behind a
# pseudonym: production sets HANDOFF_PSEUDONYM_KEY (or Router(pseudonym_key=...)).
DEFAULT_PSEUDONYM_KEY = b"handoff default pseudonym key: set HANDOFF_PSEUDONYM_KEY"
_PSEUDONYM_HEX = 20  # 80 bits: no collisions among any realistic number of customers


def pseudonym_key(key: bytes | str | None = None) -> bytes:
    """The HMAC key for pseudonyms: ``key``, else $HANDOFF_PSEUDONYM_KEY, else the default."""
    if key is None:
        key = os.environ.get(PSEUDONYM_KEY_ENV) or DEFAULT_PSEUDONYM_KEY
    if isinstance(key, str):
        key = key.encode("utf-8", "surrogatepass")
    if not key:
        raise ValueError("the pseudonym key must not be empty")
    return key


@functools.lru_cache(maxsize=4096)
def pseudonymise(identifier: str, key: bytes = DEFAULT_PSEUDONYM_KEY) -> str:
    """``identifier`` with each PII part replaced by a stable keyed pseudonym.

    ``whatsapp:+447700900123`` becomes ``whatsapp:phone-<20 hex digits>``; an identifier
    without PII is returned unchanged. The value is canonicalised first (NFKC, letters and
    digits only, lower case) so that ``+44 7700 900123`` and ``+447700900123`` agree.
    """
    matches = find_pii(identifier)
    if not matches:
        return identifier
    pieces: list[str] = []
    last = 0
    for match in matches:
        value = unicodedata.normalize("NFKC", identifier[match.start : match.end])
        canonical = "".join(c for c in value if c.isalnum()).lower()
        message = f"{match.kind}:{canonical}".encode("utf-8", "surrogatepass")
        digest = hmac.new(key, message, hashlib.sha256).hexdigest()[:_PSEUDONYM_HEX]
        pieces += [identifier[last : match.start], f"{match.kind}-{digest}"]
        last = match.end
    pieces.append(identifier[last:])
    return "".join(pieces)


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
    return 0.0 if math.isnan(value) else _round4(value)


# round(value, 4) is correctly rounded through a decimal conversion (~1 us); a payload rounds
# a score per analysed customer message, and scores recur (VADER's compounds have 4
# decimals). A nonzero float equals only itself (bit for bit), so a hit is the value round
# gives; zeros never reach the cache (0.0 == -0.0 would share an entry) but are returned as
# they are (round keeps the sign, and many scores are zero). A bounded lru_cache, so the
# benchmarks' cold turns clear it with the other size-bounded caches.
@functools.lru_cache(maxsize=8192)
def _rounded(value: float) -> float:
    return round(value, 4)


def _round4(value: float) -> float:
    """``round(value, 4)``, cached."""
    return _rounded(value) if value else value


def _made(cls: type[M], **values: Any) -> M:
    """``cls(**values)`` for values already of their fields' types (computed here from
    validated models), the fields not given at their defaults, without validating again:
    a payload is built on every handoff (tests/test_incremental.py checks payloads against
    validation). The values are laid over the class's template in C, which keeps the
    fields' order (the JSON's); a missing required field or an unknown name is an error."""
    template = _TEMPLATES.get(cls) or _template(cls)
    made = {**template.values, **values}
    if len(made) != len(template.values) or not values.keys() >= template.required:
        missing = sorted(template.required - values.keys())
        unknown = sorted(values.keys() - template.values.keys())
        raise TypeError(f"{cls.__name__}: missing {missing}, unknown {unknown}")
    return built(cls, made)


class _Template(NamedTuple):
    values: dict[str, Any]
    """Every field, in the model's order: its default, or None if it is required."""
    required: frozenset[str]


def _template(cls: type[Any]) -> _Template:
    """``cls``'s template for ``_made``. Defaults are shared, not copied (pydantic copies
    them per instance): every default here is immutable (a str, a number, None, a frozen
    model), and a default factory is refused."""
    fields = cls.model_fields
    if any(field.default_factory is not None for field in fields.values()):
        raise TypeError(f"{cls.__name__}: _made does not call default factories")
    template = _TEMPLATES[cls] = _Template(
        {name: None if field.is_required() else field.default for name, field in fields.items()},
        frozenset(name for name, field in fields.items() if field.is_required()),
    )
    return template


_TEMPLATES: dict[type[Any], _Template] = {}


def _tried(turns: Sequence[Turn]) -> tuple[dict[str, None], dict[str, None], int]:
    """What the bot tried, over every turn: the customer's intents and the bot's actions,
    each distinct name once in order of first use, and the bot's fallbacks. One plain loop:
    Python 3.11 runs it faster than a chain of C passes (map/compress/filter) per field."""
    intents: dict[str, None] = {}
    actions: dict[str, None] = {}
    fallbacks = 0
    for turn in turns:
        role = turn.role
        if role == "user":
            intent = turn.intent
            if intent is not None:
                intents[intent.name] = None
        elif role == "bot":
            action = turn.action
            if action:
                actions[action] = None
            if turn.fallback:
                fallbacks += 1
    return intents, actions, fallbacks


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
    pseudonym_key: bytes = DEFAULT_PSEUDONYM_KEY,
    cut_chars: Mapping[int, int] | None = None,
    first_turn: int = 0,
) -> ContextPayload:
    """Assemble the payload for ``decision`` (usually called only when it hands off).

    ``pseudonym_key`` keys the pseudonyms of identifiers that hold PII (see the module doc).
    ``conversation`` should be bounded (handoff.signals.bound; the Router does it), and
    ``cut_chars`` / ``first_turn`` say what bounding left out, for the agent to see.
    """
    created = now or datetime.now(timezone.utc)
    account = conversation.account
    latest = conversation.latest_user_turn
    intent = latest.intent if latest is not None else None
    alternatives = tuple(
        (redact(i.name), round(i.confidence, 4))
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
    # Turn numbers are 1-based positions in the whole conversation (models.payload.TURN):
    # signals keep 0-based indexes into Conversation.turns, the payload counts as people do.
    # List comprehensions, not generators, inside tuple(): Python 3.11 runs them faster
    # (a payload builds several of these on every handoff).
    transcript = tuple(
        [
            _line(
                index + 1,
                turn.role,
                turn.text,
                turn.intent.name if turn.intent is not None else None,
                cuts.get(index, 0),
            )
            for index, turn in enumerate(conversation.turns[start:], start)
        ]
    )
    entities = tuple(
        (redact(entity.entity), redact(str(entity.value)))
        for entity in (latest.entities if latest is not None else ())
        if entity.value is not None
    )
    # Every turn is read here (what the bot tried). Each distinct name is redacted once (then
    # deduplicated again: two names may redact alike), which gives the same tuple, in the
    # same order, as redacting every turn's.
    user_intents, bot_actions, bot_fallbacks = _tried(conversation.turns)
    observations = tuple(
        redact(check.describe()) for fired in decision.fired[:1] for check in fired.checks
    )
    if signals is not None and any(
        check.signal == "escalation_score" for fired in decision.fired[:1] for check in fired.checks
    ):
        # The learned score explains itself: the features that raised it most.
        observations += (redact(escalation.explain(signals)),)
    empathy = lane.guidance.empathy
    checklist = (
        _checklist(empathy.validate_, empathy.reframe, empathy.commit)
        if empathy is not None
        else ()
    )
    if signals is not None:
        sentiment = _made(
            SentimentInfo,
            latest=_finite(signals.sentiment),
            trend=_finite(signals.sentiment_trend),
            delta=_finite(signals.sentiment_delta),
            minimum=_finite(signals.sentiment_min),
            label=sentiment_label(signals.sentiment),
            frustration=_finite(signals.frustration),
            per_turn=tuple([(s.turn + 1, _round4(s.sentiment)) for s in signals.turn_scores]),
        )
        cues = tuple([_cue(c.kind, c.evidence, c.turn + 1) for c in signals.cue_details])
        fallbacks = signals.total_fallbacks
    else:
        sentiment = _made(
            SentimentInfo, latest=0.0, trend=0.0, delta=0.0, minimum=0.0, label="neutral",
            frustration=0.0, per_turn=(),
        )  # fmt: skip
        cues = ()
        fallbacks = bot_fallbacks
    return _made(
        ContextPayload,
        conversation_id=pseudonymise(conversation.id, pseudonym_key),
        channel=redact(conversation.channel),
        created_at=created,
        customer=_made(
            CustomerInfo,
            customer_id=(
                pseudonymise(account.customer_id, pseudonym_key)
                if account.customer_id is not None
                else None
            ),
            name=None,  # never copied from metadata: see the module doc
            tier=redact(account.tier),
            risk_flags=tuple(sorted(redact(flag) for flag in account.risk_flags)),
        ),
        routing=_made(
            RoutingInfo,
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
        why=_made(
            WhyInfo,
            summary=redact(decision.reason),
            rules=tuple(f.rule_id for f in decision.fired[:1]),
            observations=observations,
        ),
        intent=_made(
            IntentInfo,
            name=redact(intent.name) if intent is not None else None,
            confidence=round(intent.confidence, 4) if intent is not None else None,
            alternatives=alternatives,
        ),
        sentiment=sentiment,
        cues=cues,
        entities=entities,
        transcript=transcript,
        analysis=_made(AnalysisInfo, cut_chars=sum(cuts.values()), turns_not_analysed=first_turn),
        bot_tried=_made(
            BotAttempts,
            intents=tuple(dict.fromkeys(map(redact, user_intents))),
            actions=tuple(dict.fromkeys(map(redact, bot_actions))),
            fallbacks=fallbacks,
        ),
        previous_interactions=tuple(_previous(p) for p in previous),
        next_steps=lane.guidance.next_steps,
        empathy_checklist=checklist,
        ruleset=decision.ruleset,
        ruleset_version=decision.ruleset_version,
        experiment=decision.experiment,
        arm=decision.arm,
    )


# Earlier turns reappear in every payload of a conversation: their lines and cues are built
# and redacted once. The caches are bounded by bytes (keys and values), not by entries: an
# entry-bounded cache keyed by message text held 8,192 texts of any size (issue 9).


def _part_bytes(key: Any, part: Any) -> int:
    texts = [k for k in key if isinstance(k, str)]
    texts.append(part.text if isinstance(part, TranscriptLine) else part.evidence)
    return sum(map(sys.getsizeof, texts)) + _ENTRY_BYTES


def _previous(interaction: PreviousInteraction) -> PreviousInteraction:
    # A history source is outside the engine: what it stored may hold PII.
    return interaction.model_copy(
        update={
            "channel": redact(interaction.channel),
            "summary": redact(interaction.summary),
            "outcome": redact(interaction.outcome),
            "lane": redact(interaction.lane) if interaction.lane is not None else None,
        }
    )


@memo(budget=CACHE_BYTES // 2, size=_part_bytes)
def _line(index: int, role: Role, text: str, intent: str | None, cut: int) -> TranscriptLine:
    return TranscriptLine(
        turn=index,
        role=role,
        text=redact(text),
        intent=redact(intent) if intent is not None else None,
        cut_chars=cut,
    )


@memo(budget=CACHE_BYTES // 2, size=_part_bytes)
def _cue(kind: str, evidence: str, turn: int) -> EmotionalCue:
    return EmotionalCue(cue=redact(kind), evidence=redact(evidence), turn=turn)


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
