"""Turn a Conversation into Signals: sentiment and its trend, cues, intent, failures, account.

:func:`bound` is the one place where a conversation is made safe to analyse: every message is
cut to ``max_message_chars`` (see :func:`~handoff.signals.text.cap_text`), only the latest
``max_turns`` turns are read, and lists and names are capped. Signals and payloads are built
from its result and record what it left out.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from handoff.models.conversation import (
    Account,
    Conversation,
    Entity,
    Intent,
    RoutingState,
    Turn,
)
from handoff.models.rules import HUMAN_LANE_KINDS, Settings
from handoff.models.signals import UNRANKED, Cue, Signals, TextAnalysis, TurnScore
from handoff.signals import escalation
from handoff.signals._memo import memo
from handoff.signals.text import (
    _OBJECT_BYTES,
    CACHE_BYTES,
    MAX_MESSAGE_CHARS,
    analyze_text,
    cap_text,
)

__all__ = [
    "MAX_ENTITIES",
    "MAX_FIELD_CHARS",
    "MAX_TURNS",
    "NEVER",
    "SIGNAL_SETTINGS",
    "Bounded",
    "Limits",
    "bound",
    "extract",
    "is_fallback_turn",
    "restate",
    "signal_settings",
]

NAN = math.nan
# turns_since_handback when the conversation was never handed back: large, so that
# `turns_since_handback: {lt: 3}` is false and `{gte: 3}` true.
NEVER = 1_000_000
_WORD = re.compile(r"[a-z0-9']+")
_EMPTY = TextAnalysis(text="", sentiment=0.0, frustration=0.0)

# The latest turns analysed (all roles): signals that look back (repeats, fallbacks, the
# sentiment minimum and the cues seen) look back this far. A long support chat has 40-60
# turns; a conversation of thousands is a script, and each turn it brings costs analysis.
MAX_TURNS = 200
# Entities kept per turn, and the length of names and other short strings copied into
# signals and payloads (intent, action, entity, channel, tier, flags, customer name and ids).
MAX_ENTITIES = 50
MAX_FIELD_CHARS = 256
_MAX_RANKING = 10
_MAX_FLAGS = 32
# A longer id keeps its head and gains a digest, so distinct ids stay distinct.
_ID_HEAD = 200
_BLANK = {role: Turn(role=role) for role in ("user", "bot", "agent", "system")}


@dataclass(frozen=True)
class Limits:
    """How much of a conversation is analysed and shown; what lies beyond is cut and recorded."""

    max_message_chars: int = MAX_MESSAGE_CHARS
    """Characters of one message, at most (a longer one keeps its head and tail)."""
    max_turns: int = MAX_TURNS
    """Latest turns, at most."""

    def __post_init__(self) -> None:
        for name in ("max_message_chars", "max_turns"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")


_DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Bounded:
    """A conversation made safe to analyse, and what was left out of it."""

    conversation: Conversation
    cut_chars: Mapping[int, int] = field(default_factory=dict)
    """Turn index -> characters of that message neither analysed nor shown."""
    first_turn: int = 0
    """Turns before this index are blanked (their role kept): not analysed nor shown."""


def bound(conversation: Conversation, limits: Limits = _DEFAULT_LIMITS) -> Bounded:
    """``conversation`` with the work it can cause bounded; returned as is when ordinary.

    Every message of the latest ``limits.max_turns`` turns is cut to
    ``limits.max_message_chars``; earlier turns keep only their role (so turn indexes and the
    count of user turns stay right); entities, intent rankings, risk flags and names are capped.
    """
    max_message_chars, max_turns = limits.max_message_chars, limits.max_turns
    turns = conversation.turns
    first = max(0, len(turns) - max_turns)
    if not first and _ordinary(conversation, max_message_chars):
        return Bounded(conversation)
    cut: dict[int, int] = {}
    kept: list[Turn] = [_BLANK[t.role] for t in turns[:first]]
    for index, turn in enumerate(turns[first:], first):
        text, cut_chars = cap_text(turn.text, max_message_chars)
        if cut_chars:
            cut[index] = cut_chars
        kept.append(_bounded_turn(turn, text))
    account = conversation.account
    return Bounded(
        conversation.model_copy(
            update={
                "id": _bounded_id(conversation.id),
                "channel": conversation.channel[:MAX_FIELD_CHARS],
                "turns": tuple(kept),
                "account": Account(
                    customer_id=(
                        _bounded_id(account.customer_id)
                        if account.customer_id is not None
                        else None
                    ),
                    name=_short_text(account.name) if account.name is not None else None,
                    tier=account.tier[:MAX_FIELD_CHARS],
                    risk_flags=frozenset(
                        flag[:MAX_FIELD_CHARS] for flag in sorted(account.risk_flags)[:_MAX_FLAGS]
                    ),
                ),
            }
        ),
        cut,
        first,
    )


def _ordinary(conversation: Conversation, max_message_chars: int) -> bool:
    """Whether nothing in the conversation needs bounding (the common case, checked cheaply:
    this runs on every turn, so the rare checks sit behind cheap ones)."""
    account = conversation.account
    if (
        len(conversation.id) > MAX_FIELD_CHARS
        or len(conversation.channel) > MAX_FIELD_CHARS
        or len(account.customer_id or "") > MAX_FIELD_CHARS
        or len(account.name or "") > MAX_FIELD_CHARS
        or len(account.tier) > MAX_FIELD_CHARS
        or len(account.risk_flags) > _MAX_FLAGS
        or (account.risk_flags and max(map(len, account.risk_flags)) > MAX_FIELD_CHARS)
    ):
        return False
    for turn in conversation.turns:
        if len(turn.text) > max_message_chars:
            return False
        intent, action, ranking, entities = (
            turn.intent,
            turn.action,
            turn.intent_ranking,
            turn.entities,
        )
        if (
            (intent is not None and len(intent.name) > MAX_FIELD_CHARS)
            or (action is not None and len(action) > MAX_FIELD_CHARS)
            or (ranking and not _short_ranking(ranking))
            or (entities and not _short_entities(entities))
        ):
            return False
    return True


def _short_ranking(ranking: tuple[Intent, ...]) -> bool:
    return len(ranking) <= _MAX_RANKING and all(len(i.name) <= MAX_FIELD_CHARS for i in ranking)


def _short_entities(entities: tuple[Entity, ...]) -> bool:
    return len(entities) <= MAX_ENTITIES and all(_short_entity(e) for e in entities)


def _short_entity(entity: Entity) -> bool:
    value = entity.value
    return len(entity.entity) <= MAX_FIELD_CHARS and (
        not isinstance(value, str) or len(value) <= MAX_FIELD_CHARS
    )


def _short_text(value: str) -> str:
    """A free-text value (an entity value, a name) cut like a message: no PII fragments."""
    return cap_text(value, MAX_FIELD_CHARS)[0]


def _bounded_intent(intent: Intent) -> Intent:
    if len(intent.name) <= MAX_FIELD_CHARS:
        return intent
    return Intent(name=intent.name[:MAX_FIELD_CHARS], confidence=intent.confidence)


def _bounded_turn(turn: Turn, text: str) -> Turn:
    return turn.model_copy(
        update={
            "text": text,
            "intent": _bounded_intent(turn.intent) if turn.intent is not None else None,
            "intent_ranking": tuple(_bounded_intent(i) for i in turn.intent_ranking[:_MAX_RANKING]),
            "entities": tuple(
                e
                if _short_entity(e)
                else Entity(
                    entity=e.entity[:MAX_FIELD_CHARS],
                    value=_short_text(e.value) if isinstance(e.value, str) else e.value,
                    start=e.start,
                    end=e.end,
                )
                for e in turn.entities[:MAX_ENTITIES]
            ),
            "action": turn.action[:MAX_FIELD_CHARS] if turn.action is not None else None,
        }
    )


def _bounded_id(value: str) -> str:
    if len(value) <= MAX_FIELD_CHARS:
        return value
    # surrogatepass: a lone surrogate is valid JSON and must not make hashing raise.
    digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"{value[:_ID_HEAD]}…{digest}"


@dataclass(frozen=True)
class _UserTurn:
    """What one user message contributes, with its turn index filled in. Cached per
    (text, index), so a turn analysed on an earlier turn of the chat costs a dict lookup."""

    analysis: TextAnalysis
    cues: tuple[Cue, ...]
    score: TurnScore
    words: frozenset[str]  # for spotting repeated messages
    size: int  # bytes held, for the cache's budget


def _user_turn_bytes(_: object, view: _UserTurn) -> int:
    return view.size  # the key's text is counted in it


@memo(budget=CACHE_BYTES, size=_user_turn_bytes)
def _user_turn(text: str, index: int) -> _UserTurn:
    """Called with capped texts only (extract bounds the conversation first)."""
    analysis = analyze_text(text) if text else _EMPTY
    words = frozenset(_WORD.findall(text.lower()))
    size = (
        2 * sys.getsizeof(text)
        + sum(sys.getsizeof(w) for w in words)
        + sys.getsizeof(words)
        + 2 * sum(sys.getsizeof(c.evidence) for c in analysis.cues)
        + _OBJECT_BYTES * (2 + 2 * len(analysis.cues))
    )
    return _UserTurn(
        words=words,
        size=size,
        analysis=analysis,
        cues=tuple(
            Cue(
                kind=c.kind,
                evidence=c.evidence,
                start=c.start,
                end=c.end,
                turn=index,
                weight=c.weight,
            )
            for c in analysis.cues
        ),
        score=TurnScore(turn=index, sentiment=analysis.sentiment, frustration=analysis.frustration),
    )


def extract(
    conversation: Conversation, settings: Settings, limits: Limits = _DEFAULT_LIMITS
) -> Signals:
    """Compute every signal for the conversation's current (latest user) turn.

    The conversation is bounded first (:func:`bound`): signals read at most the latest
    ``max_turns`` turns and ``max_message_chars`` characters of each message; Signals records
    what was left out (``message_cut_chars``, ``turns_not_analysed``).
    """
    bounded = bound(conversation, limits)
    conversation = bounded.conversation
    first = bounded.first_turn
    users: list[tuple[int, Turn]] = [
        (i, t) for i, t in enumerate(conversation.turns[first:], first) if t.role == "user"
    ]
    views = [_user_turn(t.text, i) for i, t in users]
    sentiments = [v.analysis.sentiment for v in views]
    frustrations = [v.analysis.frustration for v in views]
    window = settings.sentiment_window

    latest_turn = users[-1][1] if users else None
    latest = views[-1].analysis if views else _EMPTY
    cue_details = tuple(c for v in views for c in v.cues)

    intent, confidence, margin = _intent(latest_turn)
    group_mass, group_rank = _intent_groups(latest_turn, settings)
    consecutive, total = _fallbacks(conversation.turns[first:], settings)
    repeat_count = _repeats([v.words for v in views])
    state = conversation.state
    user_count = len(users) + sum(1 for t in conversation.turns[:first] if t.role == "user")
    signals = Signals(
        sentiment=sentiments[-1] if sentiments else NAN,
        sentiment_trend=_smoothed(sentiments, window),
        sentiment_delta=(sentiments[-1] - sentiments[0]) if sentiments else NAN,
        sentiment_min=min(sentiments) if sentiments else NAN,
        frustration=frustrations[-1] if frustrations else NAN,
        frustration_trend=_smoothed(frustrations, window),
        frustration_max=max(frustrations) if frustrations else NAN,
        intent=intent,
        intent_confidence=confidence,
        intent_margin=margin,
        human_request=latest.human_request or intent in settings.human_request_intents,
        repeated_message=repeat_count > 0,
        repeat_count=repeat_count,
        consecutive_fallbacks=consecutive,
        total_fallbacks=total,
        user_turns=user_count,
        tier=conversation.account.tier,
        risk_flags=conversation.account.risk_flags,
        channel=conversation.channel,
        cues=latest.cue_kinds,
        cues_seen=frozenset(c.kind for c in cue_details),
        entities=frozenset(e.entity for e in latest_turn.entities) if latest_turn else frozenset(),
        current_lane=state.lane or "",
        with_human=state.lane_kind in HUMAN_LANE_KINDS,
        turns_since_handback=(
            user_count - state.handback_turn if state.handback_turn is not None else NEVER
        ),
        intent_group_mass=group_mass,
        intent_group_rank=group_rank,
        cue_details=cue_details,
        turn_scores=tuple(v.score for v in views),
        message_cut_chars=bounded.cut_chars.get(users[-1][0], 0) if users else 0,
        turns_not_analysed=first,
    )
    episode = _since_handback(
        signals, users=users, views=views, turns=conversation.turns, settings=settings
    )
    return signals.model_copy(update={"escalation_score": escalation.score(episode)})


def _since_handback(
    signals: Signals,
    *,
    users: Sequence[tuple[int, Turn]],
    views: Sequence[_UserTurn],
    turns: Sequence[Turn],
    settings: Settings,
) -> Signals:
    """What the escalation model reads: the conversation since the last hand-back.

    A hand-back (or a resolve, which hands back too) closes an episode: the customer was
    helped, so what they said before it (a request for a person, anger, the bot's failures)
    must not push their next routine question straight back to a person. Cues, fallbacks and
    the message count the model sees restart at the first message after the hand-back; the
    signals themselves (what rules test) are unchanged, and the latest message's own cues
    still count in full. Before any hand-back this is ``signals`` itself.
    """
    since = signals.turns_since_handback
    if since >= NEVER or since <= 0 or since >= len(users):
        return signals
    start = len(users) - since
    consecutive, total = _fallbacks(turns[users[start][0] :], settings)
    return signals.model_copy(
        update={
            "user_turns": since,
            "cues_seen": frozenset(c.kind for v in views[start:] for c in v.cues),
            "consecutive_fallbacks": consecutive,
            "total_fallbacks": total,
        }
    )


# The settings extract() reads: rule sets that agree on these get the same signals for the
# same conversation and routing state (experiments and shadows compute them once per turn).
SIGNAL_SETTINGS = (
    "human_request_intents",
    "fallback_intents",
    "fallback_actions",
    "not_a_failure_intents",
    "intent_groups",
    "sentiment_window",
)


def signal_settings(settings: Settings) -> tuple[object, ...]:
    """The values of ``SIGNAL_SETTINGS``, hashable: equal tuples, equal signals."""
    values = (getattr(settings, name) for name in SIGNAL_SETTINGS)
    return tuple(tuple(sorted(v.items())) if isinstance(v, dict) else v for v in values)


def restate(signals: Signals, state: RoutingState) -> Signals:
    """``signals`` as they would be under another routing state: only ``current_lane``,
    ``with_human`` and ``turns_since_handback`` read the state, so a shadow rule set reuses the
    live turn's signals. The escalation score reads the hand-back too (it judges the episode
    since the last one), and is kept: hand-backs reach the shadow's state as the live one's."""
    since = signals.user_turns - state.handback_turn if state.handback_turn is not None else NEVER
    return signals.model_copy(
        update={
            "current_lane": state.lane or "",
            "with_human": state.lane_kind in HUMAN_LANE_KINDS,
            "turns_since_handback": since,
        }
    )


def _smoothed(values: Sequence[float], window: int) -> float:
    """Exponentially weighted mean of the last ``window`` values, newest weighted most."""
    if not values:
        return NAN
    recent = values[-window:]
    alpha = 2.0 / (len(recent) + 1)
    level = recent[0]
    for value in recent[1:]:
        level = alpha * value + (1 - alpha) * level
    return level


def _intent(turn: Turn | None) -> tuple[str, float, float]:
    if turn is None or turn.intent is None:
        return "", NAN, NAN
    ranking = sorted((i.confidence for i in turn.intent_ranking), reverse=True)
    top = turn.intent.confidence
    # The ranking usually includes the top intent itself; the runner-up is the best other one.
    others = [i.confidence for i in turn.intent_ranking if i.name != turn.intent.name]
    runner_up = max(others) if others else (ranking[1] if len(ranking) > 1 else 0.0)
    return turn.intent.name, top, top - runner_up


def _intent_groups(
    turn: Turn | None, settings: Settings
) -> tuple[dict[str, float], dict[str, int]]:
    """Per intent group of the settings: (summed confidence across the ranking, best rank).

    The ranking is read whole, so two fraud intents at 0.35 each weigh 0.7 together although
    neither is the top intent. A ranking that leaves out the top intent gets it added; with
    no ranking, the top intent alone counts. Masses are capped at 1.0.
    """
    groups = settings.intent_groups
    if not groups:
        return {}, {}
    ranking: list[Intent] = []
    if turn is not None:
        ranking = sorted(turn.intent_ranking, key=lambda i: i.confidence, reverse=True)
        top = turn.intent
        if top is not None and all(i.name != top.name for i in ranking):
            ranking.insert(0, top)
    mass: dict[str, float] = {}
    rank: dict[str, int] = {}
    for group, intents in groups.items():
        members = frozenset(intents)
        mass[group] = min(1.0, sum(i.confidence for i in ranking if i.name in members))
        rank[group] = next(
            (n for n, i in enumerate(ranking, start=1) if i.name in members), UNRANKED
        )
    return mass, rank


def is_fallback_turn(turn: Turn, settings: Settings) -> bool:
    """Whether this turn shows the bot did not understand: an NLU fallback intent on a user
    turn, or a fallback reply (``fallback: true`` or a fallback action) from the bot."""
    if turn.role == "user":
        return turn.intent is not None and turn.intent.name in settings.fallback_intents
    return turn.fallback or (turn.action is not None and turn.action in settings.fallback_actions)


def _fallbacks(turns: Sequence[Turn], settings: Settings) -> tuple[int, int]:
    """(consecutive, total) exchanges in which the bot failed the customer.

    An exchange is one user message and the bot's replies to it. It failed when NLU fell back
    on the message, or the bot answered it with a fallback reply; both at once are still one
    failure. A message whose intent is in ``settings.not_a_failure_intents`` (small talk, out
    of scope) never fails, whatever the bot replied. The latest message, not yet answered,
    counts as a failure only if NLU already fell back on it; otherwise it is not judged yet
    and does not break the run of failures before it ("the bot failed twice" holds on the
    turn after the second failed reply, whatever the customer says next).
    """
    exempt = settings.not_a_failure_intents
    failed: list[bool] = []
    answered = False  # whether the latest user message has a reply yet
    exempt_latest = False
    for turn in turns:
        role = turn.role
        if role == "user":
            intent = turn.intent
            exempt_latest = bool(exempt) and intent is not None and intent.name in exempt
            failed.append(not exempt_latest and is_fallback_turn(turn, settings))
            answered = False
        elif failed:
            answered = answered or role != "system"
            if not (failed[-1] or exempt_latest) and is_fallback_turn(turn, settings):
                failed[-1] = True
    if failed and not answered and not failed[-1]:
        failed.pop()  # not judged yet: neither a failure nor a success
    consecutive = 0
    for flag in reversed(failed):
        if not flag:
            break
        consecutive += 1
    return consecutive, sum(failed)


def _repeats(messages: Sequence[frozenset[str]]) -> int:
    """How many earlier user messages the latest one repeats (same words, near enough)."""
    if len(messages) < 2:
        return 0
    latest = messages[-1]
    if not latest:
        return 0
    count = 0
    for earlier in messages[:-1]:
        if not earlier:
            continue
        common = len(latest & earlier)
        overlap = common / (len(latest) + len(earlier) - common)
        # Short messages ("yes", "no") repeat naturally; only count them when identical.
        if (len(latest) >= 3 and overlap >= 0.8) or (latest == earlier and len(latest) >= 2):
            count += 1
    return count
