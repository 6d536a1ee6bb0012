"""Per message and per turn: signals for one new message, and a whole turn, against VADER alone.

Every round gets a message never seen before (a counter in the text), so analyze_text's
cache cannot help the new message; the earlier turns of the conversation were analysed
before timing starts, as they would have been on earlier turns of a live chat.

The *full turn* rows (README's Speed section) route a conversation that brings no routing
state, as they always have: the whole conversation is analysed (from the caches when warm),
and the carry for the next turn is computed. ``bench_incremental.py`` times the turn a live
chat has since issue 16, from the carried state. Full size, on its own::

    .venv/bin/pytest benchmarks/bench_turn.py --benchmark-json=/tmp/turn.json
    .venv/bin/python benchmarks/report.py --add /tmp/turn.json
"""

from __future__ import annotations

import itertools
import sys
from typing import Any

import pytest
from conftest import REPO

from handoff import ContextPayload, Conversation, Decision, Router
from handoff.signals import analyze_text, redact
from handoff.signals._memo import Store
from handoff.signals.text import _analyzer

MESSAGE = "This is the third time I'm asking, where is my refund?? Nobody helps me"
_counter = itertools.count()

PRIOR_TURNS: list[dict[str, Any]] = [
    {"role": "user", "text": "hi, I returned a jacket three weeks ago",
     "intent": {"name": "refund_status", "confidence": 0.88}},
    {"role": "bot", "text": "Sorry to hear that. Could you share the order number?",
     "action": "utter_ask_order"},
    {"role": "user", "text": "it's order 4471-22, paid by card",
     "intent": {"name": "inform", "confidence": 0.93}},
    {"role": "bot", "text": "Thanks! Refunds take 5-10 days after we receive the item.",
     "action": "utter_refund_timing"},
    {"role": "user", "text": "it has been more than 10 days already",
     "intent": {"name": "refund_status", "confidence": 0.71}},
    {"role": "bot", "text": "I understand. Is there anything else I can help with?",
     "action": "utter_anything_else"},
    {"role": "user", "text": "yes, the refund! still not here",
     "intent": {"name": "refund_status", "confidence": 0.64}},
    {"role": "bot", "text": "Sorry, I didn't get that. Can you rephrase?",
     "action": "action_default_fallback"},
    {"role": "user", "text": "where is my money, you can email me at jo@example.com",
     "intent": {"name": "refund_status", "confidence": 0.55}},
    {"role": "bot", "text": "Refunds take 5-10 days after we receive the item.",
     "action": "utter_refund_timing"},
]  # fmt: skip


def fresh_message() -> str:
    """The new message, unique so that no cache has seen it."""
    return f"{MESSAGE} (ticket {next(_counter)})"


def conversation_with(message: str) -> Conversation:
    """The 10 prior turns plus the new user message."""
    new = {"role": "user", "text": message, "intent": {"name": "refund_status", "confidence": 0.6}}
    return Conversation.model_validate(
        {
            "id": "bench-turn",
            "channel": "web",
            "account": {"customer_id": "c-7", "tier": "gold"},
            "turns": [*PRIOR_TURNS, new],
        }
    )


def signals_uncached(text: str) -> str:
    """What a new message costs in signals: analysis without the cache, plus redaction."""
    analyze_text.__wrapped__(text)
    return redact(text)


def vader(text: str) -> Any:
    return _analyzer().polarity_scores(text)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(REPO / "rules" / "default.yaml")


def bench_signals_message(benchmark: Any) -> None:
    benchmark.group = "message"
    benchmark.extra_info.update(kind="signals", engine="handoff")
    benchmark.pedantic(
        signals_uncached, setup=lambda: ((fresh_message(),), {}), rounds=3000, warmup_rounds=50
    )


def bench_signals_vader(benchmark: Any) -> None:
    benchmark.group = "message"
    benchmark.extra_info.update(kind="signals", engine="vader")
    benchmark.pedantic(vader, setup=lambda: ((fresh_message(),), {}), rounds=3000, warmup_rounds=50)


def full_turn(router: Router, conversation: Conversation) -> str:
    """One routed turn as the action server does it: route, payload, JSON for delivery."""
    decision = router.route(conversation)
    return router.payload(conversation, decision).model_dump_json()


def bench_full_turn(benchmark: Any, router: Router) -> None:
    router.route(conversation_with(fresh_message()))  # earlier turns now in the cache
    info = analyze_text.cache_info()
    benchmark.group = "turn"
    benchmark.extra_info.update(kind="turn", engine="handoff", prior_turns=len(PRIOR_TURNS))
    turns = 0

    def setup() -> tuple[tuple[Router, Conversation], dict[str, Any]]:
        nonlocal turns
        turns += 1
        return (router, conversation_with(fresh_message())), {}

    result = benchmark.pedantic(full_turn, setup=setup, rounds=2000, warmup_rounds=50)
    assert '"lane"' in result
    # Exactly one new analysis per turn: the earlier turns came from the cache.
    misses = analyze_text.cache_info().misses - info.misses
    assert misses == turns, (misses, turns)
    benchmark.extra_info["analyses_per_turn"] = misses / turns


# VADER alone, the unit of every "times VADER" in the report, is bench_signals_vader: one
# benchmark, so every ratio divides by the same number.


def data_caches() -> list[Any]:
    """Every per-process cache of handoff's that holds data from conversations: the
    byte-bounded text memos and stores (signals, redaction, payload parts, carry digests)
    and every size-bounded ``functools.lru_cache`` (trace steps, pseudonyms, card prefixes,
    checklists).

    Found by walking handoff's modules, so a cache added later is cleared too. Left alone:
    unbounded ``functools.cache`` functions, which build per-process singletons once (the
    VADER analyser, the spaCy matcher, phone metadata), as a warm server has them.
    """
    found: dict[int, Any] = {}
    for name, module in list(sys.modules.items()):
        if name != "handoff" and not name.startswith("handoff."):
            continue
        for value in vars(module).values():
            bounded_lru = hasattr(value, "cache_parameters") and value.cache_parameters()["maxsize"]
            if isinstance(value, Store) or bounded_lru:  # TextMemo is a Store
                found[id(value)] = value
    return list(found.values())


# The caches data_caches() found, and how many modules were loaded then (see clear_data_caches).
_found: tuple[int, list[Any]] = (0, [])


def clear_data_caches() -> None:
    """Clear every data cache, walking handoff's modules again only when the number of loaded
    modules changed since the last walk (so the caches of a module imported later are found).

    The walk takes about 1 ms, longer than the turn it prepares: run before every cold round,
    it made the cold set-up much longer than the warm one, and on a loaded machine the timed
    turn right after that burst of set-up was preempted more often (a busy-wait of the same
    length did the same), so cold ÷ warm rose with the machine's load (1.2x idle, 1.6-1.8x
    at load 8 on 2 cores) while the cold turn's own work had not changed.
    """
    global _found  # noqa: PLW0603  (a memo of the walk, as its docstring says)
    if _found[0] != len(sys.modules):
        _found = (len(sys.modules), data_caches())
    for cache in _found[1]:
        cache.cache_clear()


def bench_full_turn_cold(benchmark: Any, router: Router) -> None:
    """The same turn with every data cache cleared before each round: all the conversation's
    user turns are analysed and redacted, as for the first turn a process sees of a chat
    (after a restart, or on another worker)."""
    benchmark.group = "turn"
    benchmark.extra_info.update(
        kind="turn_cold", engine="handoff", prior_turns=len(PRIOR_TURNS),
        caches_cleared=len(data_caches()),
    )  # fmt: skip
    user_turns = 1 + sum(turn["role"] == "user" for turn in PRIOR_TURNS)

    def setup() -> tuple[tuple[Router, Conversation], dict[str, Any]]:
        clear_data_caches()
        return (router, conversation_with(fresh_message())), {}

    result = benchmark.pedantic(full_turn, setup=setup, rounds=1000, warmup_rounds=20)
    assert '"lane"' in result
    # Cold: the last round analysed every user turn of the conversation.
    assert analyze_text.cache_info().misses == user_turns
    benchmark.extra_info["analyses_per_turn"] = user_turns


# The full turn in its parts, each timed on its own with a fresh message, so the report can
# say where a turn's time goes (every part from the same run as the whole).


def _routed(router: Router) -> tuple[Conversation, Decision]:
    """A conversation with a new message, and the decision for it."""
    conversation = conversation_with(fresh_message())
    return conversation, router.route(conversation)


def _json_of(payload: ContextPayload) -> str:
    return payload.model_dump_json()


def bench_turn_part_route(benchmark: Any, router: Router) -> None:
    """router.route alone: new message's signals, the rest of the signals, the decision. This
    is all a turn costs when the customer stays with the bot (no payload is built then)."""
    benchmark.group = "turn parts"
    benchmark.extra_info.update(kind="turn_part", part="route")
    benchmark.pedantic(
        router.route,
        setup=lambda: ((conversation_with(fresh_message()),), {}),
        rounds=2000,
        warmup_rounds=50,
    )


def bench_turn_part_payload(benchmark: Any, router: Router) -> None:
    """router.payload for a decision just made (the new message not yet in its caches)."""
    benchmark.group = "turn parts"
    benchmark.extra_info.update(kind="turn_part", part="payload")
    benchmark.pedantic(
        router.payload, setup=lambda: (_routed(router), {}), rounds=2000, warmup_rounds=50
    )


def bench_turn_part_json(benchmark: Any, router: Router) -> None:
    """The payload to JSON, as delivery stores and sends it."""
    benchmark.group = "turn parts"
    benchmark.extra_info.update(kind="turn_part", part="json")
    benchmark.pedantic(
        _json_of,
        setup=lambda: ((router.payload(*_routed(router)),), {}),
        rounds=2000,
        warmup_rounds=50,
    )


# Issue 9: a new message of 5 MB. Routing cuts it to Router.max_message_chars (head and tail)
# before any analysis, so the turn costs about what a message at the cap costs. Two shapes:
# digit groups (the reported one: nothing survives the PII-safe cut) and prose with order
# numbers (the cap's worth of text is analysed and redacted).
HUGE_MESSAGES = {
    "digit_groups": "1234 5678 " * 500_000,
    "prose": "where is my refund for order 4471, nobody answers me " * 94_340,
}


@pytest.mark.parametrize("shape", sorted(HUGE_MESSAGES))
def bench_full_turn_huge_message(benchmark: Any, router: Router, shape: str) -> None:
    huge = HUGE_MESSAGES[shape]
    benchmark.group = "turn, 5 MB message"
    benchmark.extra_info.update(
        kind="turn_huge", engine="handoff", shape=shape, message_chars=len(huge)
    )

    def setup() -> tuple[tuple[Router, Conversation], dict[str, Any]]:
        return (router, conversation_with(f"{next(_counter)} {huge}")), {}

    result = benchmark.pedantic(full_turn, setup=setup, rounds=20, warmup_rounds=1)
    payload = ContextPayload.model_validate_json(result)
    assert payload.transcript[-1].cut_chars > len(huge) - router.max_message_chars
    assert len(result) < 50_000


# Issue 16, helper `text`: analyze_text alone on a new message, against VADER alone on the
# same kind of message, for three messages (this file's, and bench_incremental's bot-turn and
# handoff-turn messages). Besides the two timed benchmarks, each analyze_text benchmark
# records a ratio taken in one stretch of time: blocks of analyze_text and of VADER
# alternate and the fastest block of each counts (thread CPU time), so a machine shared with
# other work moves both sides alike. Full size, on an idle machine:
#   .venv/bin/pytest benchmarks/bench_turn.py -k analyze_text
ANALYZE_MESSAGES = {
    "turn": MESSAGE + " (ticket {n})",
    "bot": "could you tell me when parcel {n} will arrive please",
    "handoff": "this is useless, third time I ask, I want to talk to a real person now ({n})",
}


def _fresh(shape: str) -> str:
    return ANALYZE_MESSAGES[shape].format(n=next(_counter))


def _interleaved_ratio(shape: str, blocks: int, size: int = 200) -> dict[str, float]:
    """analyze_text's and VADER's fastest per-message time over alternating blocks."""
    import time  # noqa: PLC0415 - here, so this section adds nothing to the file's head

    analyse, polarity = analyze_text.__wrapped__, _analyzer().polarity_scores
    best = {"analyze_text": float("inf"), "vader": float("inf")}
    for _ in range(blocks):
        for name, run in (("analyze_text", analyse), ("vader", polarity)):
            messages = [_fresh(shape) for _ in range(size)]
            started = time.thread_time()
            for message in messages:
                run(message)
            best[name] = min(best[name], (time.thread_time() - started) / size)
    return {
        "interleaved_analyze_text_us": best["analyze_text"] * 1e6,
        "interleaved_vader_us": best["vader"] * 1e6,
        "interleaved_ratio": best["analyze_text"] / best["vader"],
    }


@pytest.mark.parametrize("shape", sorted(ANALYZE_MESSAGES))
def bench_analyze_text(benchmark: Any, shape: str) -> None:
    """Everything one new customer message costs in analyze_text (no cache can help)."""
    benchmark.group = "analyze_text"
    benchmark.extra_info.update(kind="analyze_text", engine="handoff", message=shape)
    analyse = analyze_text.__wrapped__
    analyse(_fresh(shape))  # the lexicon, matcher and model are loaded before timing
    benchmark.pedantic(analyse, setup=lambda: ((_fresh(shape),), {}), rounds=2000, warmup_rounds=50)
    benchmark.extra_info.update(_interleaved_ratio(shape, blocks=2 if benchmark.disabled else 30))


@pytest.mark.parametrize("shape", sorted(ANALYZE_MESSAGES))
def bench_analyze_text_vader(benchmark: Any, shape: str) -> None:
    benchmark.group = "analyze_text"
    benchmark.extra_info.update(kind="analyze_text", engine="vader", message=shape)
    benchmark.pedantic(vader, setup=lambda: ((_fresh(shape),), {}), rounds=2000, warmup_rounds=50)
