"""A turn's cost against the conversation's length and the process's caches (issue 16).

Every round routes one new customer message (unique, so no cache has seen it) at turn 5 or
turn 50 of a support chat (the customer's 5th or 50th message, each answered by the bot;
49 earlier messages make 99 earlier turns), as the Rasa action does from a Conversation:
``route``, and on a handoff the payload and its JSON, then the signed ``handoff_state`` slot
value the next turn reads (``state_slot_value``; reading Rasa's tracker JSON is not timed:
Rasa sends the whole tracker, whatever the engine does). The earlier turns were routed before
timing, so the routing state carries their analysis (``RoutingState.carry``).

* *warm*: the process routed the earlier turns (its caches hold their analysis);
* *cold*: every per-process data cache is cleared before each round (bench_turn's
  ``clear_data_caches``), as when another action server handled the earlier turns;
* *no carry*: the same turn from a state without the carried analysis (the engine before
  issue 16, or a state from another rule set): the whole conversation is analysed.
* *heap frozen or not* (``bench_carry_gc``): 20,000 warm turns at turn 5 (one handoff in ten)
  with the heap as set-up left it, then frozen as ``handoff.warm_up`` freezes it at the action
  server's start (``gc.collect(); gc.freeze()``, undone afterwards). Python's full collections
  come every few thousand turns, so the medians hardly differ: each records the full
  collections during its rounds and their CPU time per turn (``gc.callbacks``), and the
  objects such a collection walks at the end (the deterministic part); the report divides
  frozen by unfrozen. Own order (unfrozen
  first), each from empty data caches; ``benchmarks/gc_freeze_ab.py`` is the interleaved A/B.

VADER alone (``bench_carry_vader``) is this file's unit, timed in the same run, so every ratio
here is of two benchmarks from one run. Since p23 (issue 16, round 7) it is VADER on a fixed
set of 24 calm requests of the bot turn's kind and length (``VADER_TEXTS``), cycled
12,000 rounds after 480 warm-up rounds, where it was one message 3,000 rounds after 50 (its
median was 18.3 us in one run and 32.9 us in another); benchmarks/README.md has the spread
over 5 runs before and after. Each
benchmark records the commit, the time and the load average before and after it.

Full size, on its own (about two minutes on an idle 2-core machine), then into the report::

    .venv/bin/pytest benchmarks/bench_incremental.py --benchmark-json=/tmp/carry.json
    .venv/bin/python benchmarks/report.py --add /tmp/carry.json

CI runs it once untimed: ``HANDOFF_BENCH_LOAD_SECONDS=1 .venv/bin/pytest
benchmarks/bench_incremental.py --benchmark-disable``.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import time
from datetime import datetime, timezone
from typing import Any

import pytest
from bench_turn import clear_data_caches, vader
from conftest import REPO, measured_commit

from handoff import Conversation, Decision, Router
from handoff.adapters.rasa import state_slot_value
from handoff.models.conversation import RoutingState

SECRET = b"bench state secret"
NOW = datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc)  # a weekday noon: lanes open
TURNS = (5, 50)
_counter = itertools.count()

# What customers ask a retail bot that answers them: calm, varied, with numbers.
CALM = [
    "how do I change the delivery address for order {n}",
    "what are your opening hours on saturday",
    "can I pay for order {n} with a gift card",
    "thanks, and how long does delivery take to postcode {n}",
    "ok, and what is the returns window for shoes",
    "do you ship to ireland",
    "is the blue jacket in size {n} back in stock",
    "how do I reset my password",
]
# The new message of a bot turn, and of a handoff turn.
BOT_MESSAGE = "could you tell me when parcel {n} will arrive please"
HANDOFF_MESSAGE = "this is useless, third time I ask, I want to talk to a real person now ({n})"


# VADER's unit (bench_carry_vader): calm requests a retail bot's customers send, of the bot
# turn's kind (BOT_MESSAGE's: ten-odd words, a number, one word of VADER's lexicon, "please"),
# the bot turn's own among them: fixed, so that two runs time the same work; VADER keeps
# nothing between calls, so cycling them is as new to it as unique ones.
VADER_TEXTS = (
    "could you tell me when parcel 48213 will arrive please",
    "please could you check where order 1042 is right now",
    "can you tell me when my refund for 7731 arrives please",
    "please let me know when parcel 55120 will be delivered",
    "could you change the delivery address for order 2291 please",
    "what time will the courier bring parcel 3307 please",
    "please can you resend the tracking link for order 8124",
    "could you check if the jacket in size 12 is back please",
    "can you tell me how long delivery to 1004 takes please",
    "please tell me the returns window for order 6650",
    "could you confirm order 4471 went to the right address please",
    "when will the second lamp from order 9020 arrive please",
    "please could you add gift wrapping to order 3158",
    "can you move my delivery for parcel 7702 to friday please",
    "could you tell me if order 5583 has left the warehouse please",
    "please check whether parcel 2046 needs a signature",
    "can I collect order 6311 from the high street store please",
    "could you send the invoice for order 1187 to my email please",
    "please tell me when the sofa from order 4092 will be made",
    "can you check why parcel 8830 says it is delayed please",
    "could you split the payment for order 7215 in three please",
    "please confirm the size of the shoes in order 3364",
    "can you tell me what express delivery to 2210 costs please",
    "could you let me know when parcel 9941 reaches the depot please",
)
VADER_CYCLES = 500  # rounds: every text this many times
VADER_WARM_CYCLES = 20  # warm-up rounds: every text this many times


def _turn(text: str, intent: str) -> dict[str, Any]:
    return {"role": "user", "text": text, "intent": {"name": intent, "confidence": 0.9}}


def earlier(router: Router, turn: int) -> tuple[list[dict[str, Any]], RoutingState]:
    """The ``turn - 1`` earlier messages with the bot's answers, and the routing state after
    routing them one by one (the carried analysis included)."""
    turns: list[dict[str, Any]] = []
    state = RoutingState()
    for i in range(turn - 1):
        turns.append(_turn(CALM[i % len(CALM)].format(n=1000 + i), "faq"))
        conversation = Conversation.model_validate(
            {"id": "bench-carry", "turns": turns, "account": {"customer_id": "c-7"}}
        ).model_copy(update={"state": state})
        decision = router.route(conversation, now=NOW)
        assert not decision.handoff, decision.reason
        state = decision.state
        turns.append({"role": "bot", "text": "Here is what I found.", "action": "utter_answer"})
    return turns, state


def conversation_at(
    prior: tuple[list[dict[str, Any]], RoutingState], message: str, *, carried: bool
) -> Conversation:
    turns, state = prior
    intent = "request_human" if message.startswith("this is useless") else "parcel_status"
    conversation = Conversation.model_validate(
        {"id": "bench-carry", "turns": [*turns, _turn(message, intent)],
         "account": {"customer_id": "c-7"}}
    )  # fmt: skip
    return conversation.model_copy(
        update={"state": state if carried else state.model_copy(update={"carry": None})}
    )


def action_turn(router: Router, conversation: Conversation) -> Decision:
    """What the Rasa action does with a conversation: route; on a handoff the payload and
    its JSON; the signed state slot for the next turn."""
    decision = router.route(conversation, now=NOW)
    if decision.handoff:
        router.payload(conversation, decision, now=NOW).model_dump_json()
    state_slot_value(decision.state, conversation_id=conversation.id, state_secret=SECRET)
    return decision


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path(REPO / "rules" / "default.yaml", pseudonym_key=b"bench")


@pytest.fixture(scope="module")
def priors(router: Router) -> dict[int, tuple[list[dict[str, Any]], RoutingState]]:
    return {turn: earlier(router, turn) for turn in TURNS}


def _conditions() -> dict[str, Any]:
    return {
        "commit": measured_commit(),
        "measured_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "load_average_before": round(os.getloadavg()[0], 2),
    }


def bench_carry_vader(benchmark: Any) -> None:
    """VADER alone on calm messages of the bot turn's kind (VADER_TEXTS): this file's unit."""
    benchmark.group = "carried state"
    benchmark.extra_info.update(kind="carry_vader", texts=len(VADER_TEXTS), **_conditions())
    texts = itertools.cycle(VADER_TEXTS)
    benchmark.pedantic(
        vader,
        setup=lambda: ((next(texts),), {}),
        rounds=len(VADER_TEXTS) * VADER_CYCLES,
        warmup_rounds=len(VADER_TEXTS) * VADER_WARM_CYCLES,
    )
    benchmark.extra_info["load_average_after"] = round(os.getloadavg()[0], 2)


CASES = [
    (turn, kind, caches, True)
    for turn in TURNS
    for kind in ("bot", "handoff")
    for caches in ("warm", "cold")
] + [(50, "bot", caches, False) for caches in ("warm", "cold")]


@pytest.mark.parametrize(
    ("turn", "kind", "caches", "carried"),
    CASES,
    ids=[f"{t}-{k}-{c}{'' if carried else '-no_carry'}" for t, k, c, carried in CASES],
)
def bench_carry_turn(  # noqa: PLR0917  (pytest passes fixtures and parameters by name)
    benchmark: Any,
    router: Router,
    priors: dict[int, tuple[list[dict[str, Any]], RoutingState]],
    turn: int,
    kind: str,
    caches: str,
    carried: bool,
) -> None:
    benchmark.group = "carried state"
    benchmark.extra_info.update(
        kind="carry_turn", turn=turn, turn_kind=kind, caches=caches, carried=carried,
        earlier_turns=len(priors[turn][0]), **_conditions(),
    )  # fmt: skip
    template = BOT_MESSAGE if kind == "bot" else HANDOFF_MESSAGE
    prior = priors[turn]
    if caches == "warm":
        # The process routed the earlier turns: route them again, as a cold case before this
        # one cleared the caches (the carry's digest among them; p24: without this, every
        # warm case after the first cold one hashed all the earlier turns anew each round).
        earlier(router, turn)

    def setup() -> tuple[tuple[Router, Conversation], dict[str, Any]]:
        if caches == "cold":
            clear_data_caches()
        message = template.format(n=next(_counter))
        return (router, conversation_at(prior, message, carried=carried)), {}

    # A check outside the timing: the turn did what its name says.
    decision = action_turn(*setup()[0])
    assert decision.handoff == (kind == "handoff"), decision.reason
    recomputed = any(step.kind == "signals" for step in decision.trace)
    assert recomputed == (not carried), decision.trace
    slot = state_slot_value(decision.state, conversation_id="bench-carry", state_secret=SECRET)
    started = time.perf_counter()
    benchmark.pedantic(
        action_turn,
        setup=setup,
        rounds=300 if caches == "cold" else 1000,
        warmup_rounds=20,
    )
    benchmark.extra_info.update(
        load_average_after=round(os.getloadavg()[0], 2),
        seconds=round(time.perf_counter() - started, 1),
        state_bytes=len(json.dumps(slot, separators=(",", ":"))),
    )


class _FullCollections:
    """Full (generation 2) collections while installed: how many and their CPU seconds."""

    def __init__(self) -> None:
        self.count = 0
        self.cpu = 0.0
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.thread_time()
        else:
            self.count += 1
            self.cpu += time.thread_time() - self._started


@pytest.mark.parametrize("heap", ["unfrozen", "frozen"])
def bench_carry_gc(
    benchmark: Any,
    router: Router,
    priors: dict[int, tuple[list[dict[str, Any]], RoutingState]],
    heap: str,
) -> None:
    benchmark.group = "carried state"
    benchmark.extra_info.update(kind="carry_gc", heap=heap, **_conditions())
    prior = priors[5]
    rounds = 20000
    messages = iter(
        (HANDOFF_MESSAGE if i % 10 == 9 else BOT_MESSAGE).format(n=next(_counter))
        for i in range(rounds + 100)
    )

    def setup() -> tuple[tuple[Router, Conversation], dict[str, Any]]:
        return (router, conversation_at(prior, next(messages), carried=True)), {}

    clear_data_caches()
    gc.collect()
    if heap == "frozen":
        gc.freeze()  # what handoff.warm_up does once per process (its flag would stop a 2nd)
    collections = _FullCollections()
    gc.callbacks.append(collections)
    started = time.perf_counter()
    try:
        benchmark.pedantic(action_turn, setup=setup, rounds=rounds, warmup_rounds=20)
    finally:
        gc.callbacks.remove(collections)
        walked = sum(len(gc.get_objects(generation)) for generation in range(3))
        frozen = gc.get_freeze_count()
        gc.unfreeze()
    stats = getattr(benchmark.stats, "stats", None)
    benchmark.extra_info.update(
        load_average_after=round(os.getloadavg()[0], 2),
        seconds=round(time.perf_counter() - started, 1),
        full_collections=collections.count,
        full_collection_cpu_us_per_turn=round(collections.cpu / rounds * 1e6, 2),
        objects_walked_at_end=walked,
        frozen_objects=frozen,
        mean_s=stats.mean if stats is not None else None,
    )
