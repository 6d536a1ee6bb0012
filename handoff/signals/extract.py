"""Turn a Conversation into Signals: sentiment and its trend, cues, intent, failures, account."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from handoff.models.conversation import Conversation, Turn
from handoff.models.rules import HUMAN_LANE_KINDS, Settings
from handoff.models.signals import Cue, Signals, TextAnalysis, TurnScore
from handoff.signals.text import analyze_text

__all__ = ["NEVER", "extract", "is_fallback_turn"]

NAN = math.nan
# turns_since_handback when the conversation was never handed back: large, so that
# `turns_since_handback: {lt: 3}` is false and `{gte: 3}` true.
NEVER = 1_000_000
_WORD = re.compile(r"[a-z0-9']+")
_EMPTY = TextAnalysis(text="", sentiment=0.0, frustration=0.0)


@dataclass(frozen=True)
class _UserTurn:
    """What one user message contributes, with its turn index filled in. Cached per
    (text, index), so a turn analysed on an earlier turn of the chat costs a dict lookup."""

    analysis: TextAnalysis
    cues: tuple[Cue, ...]
    score: TurnScore


@functools.lru_cache(maxsize=8192)
def _user_turn(text: str, index: int) -> _UserTurn:
    analysis = analyze_text(text) if text else _EMPTY
    return _UserTurn(
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


def extract(conversation: Conversation, settings: Settings) -> Signals:
    """Compute every signal for the conversation's current (latest user) turn."""
    users: list[tuple[int, Turn]] = [
        (i, t) for i, t in enumerate(conversation.turns) if t.role == "user"
    ]
    views = [_user_turn(t.text, i) for i, t in users]
    sentiments = [v.analysis.sentiment for v in views]
    frustrations = [v.analysis.frustration for v in views]
    window = settings.sentiment_window

    latest_turn = users[-1][1] if users else None
    latest = views[-1].analysis if views else _EMPTY
    cue_details = tuple(c for v in views for c in v.cues)

    intent, confidence, margin = _intent(latest_turn)
    consecutive, total = _fallbacks(conversation.turns, settings)
    repeat_count = _repeats(users)
    state = conversation.state
    user_count = len(users)
    return Signals(
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
        cue_details=cue_details,
        turn_scores=tuple(v.score for v in views),
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


def is_fallback_turn(turn: Turn, settings: Settings) -> bool:
    """Whether this turn shows the bot did not understand."""
    if turn.role == "user":
        return turn.intent is not None and turn.intent.name in settings.fallback_intents
    return turn.fallback or (turn.action is not None and turn.action in settings.fallback_actions)


def _fallbacks(turns: Sequence[Turn], settings: Settings) -> tuple[int, int]:
    """(consecutive, total) user turns that the bot failed to understand.

    A user turn failed if NLU fell back on it or the bot answered it with a fallback action.
    """
    failed: list[bool] = []
    for turn in turns:
        if turn.role == "user":
            failed.append(is_fallback_turn(turn, settings))
        elif failed and not failed[-1] and is_fallback_turn(turn, settings):
            failed[-1] = True
    consecutive = 0
    for flag in reversed(failed):
        if not flag:
            break
        consecutive += 1
    return consecutive, sum(failed)


@functools.lru_cache(maxsize=8192)  # earlier turns are compared again on every turn
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower()))


def _repeats(users: Sequence[tuple[int, Turn]]) -> int:
    """How many earlier user messages the latest one repeats (same words, near enough)."""
    if len(users) < 2:
        return 0
    latest = _words(users[-1][1].text)
    if not latest:
        return 0
    count = 0
    for _, turn in users[:-1]:
        earlier = _words(turn.text)
        if not earlier:
            continue
        common = len(latest & earlier)
        overlap = common / (len(latest) + len(earlier) - common)
        # Short messages ("yes", "no") repeat naturally; only count them when identical.
        if (len(latest) >= 3 and overlap >= 0.8) or (latest == earlier and len(latest) >= 2):
            count += 1
    return count
