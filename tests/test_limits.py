"""Bounded work per turn (issue 9): messages are cut safely, long chats and lists are capped,
the caches are bounded by bytes, and sharing a router between threads changes nothing."""

from __future__ import annotations

import functools
import gc
import json
import re
import threading
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handoff import Conversation, Router
from handoff.models.decision import Decision
from handoff.signals import analyze_text
from handoff.signals.extract import EXPLAINED_TURNS, MAX_FIELD_CHARS, Limits, _user_turn, bound
from handoff.signals.text import CACHE_BYTES, MAX_MESSAGE_CHARS, cap_text
from tests.conftest import RULES


def uncarried(decision: Decision) -> Decision:
    """``decision`` without the analysis carried in its routing state."""
    return decision.model_copy(update={"state": decision.state.model_copy(update={"carry": None})})


OPEN = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
CARD = "4111 1111 1111 1111"
SAMPLES = sorted((RULES / "samples").glob("*/*.json"))


def chat(*texts: str, **extra: Any) -> Conversation:
    """User messages (each answered by the bot), the last one asking for a person."""
    turns: list[dict[str, Any]] = []
    for text in texts:
        turns.append({"role": "user", "text": text, "intent": {"name": "request_human"}})
        turns.append({"role": "bot", "text": "One moment.", "action": "utter_wait"})
    return Conversation.model_validate({"id": "t", "turns": turns[:-1], **extra})


def sample_router(path: Path, **limits: int) -> Router:
    return Router.from_path(RULES / f"{path.parent.name}.yaml", **limits)


class TestCut:
    """A long message keeps its head and tail, cut where no PII fragment can survive."""

    def test_head_and_tail_kept_and_cut_recorded(self) -> None:
        """The payload shows head […] tail and says how many characters were left out."""
        head = "My order never came and I am really upset about it. "
        middle = "Pasted log line about the parcel route. " * 400
        tail = "Please let me talk to a real person now."
        text = head + middle + tail
        router = Router.from_path(RULES / "default.yaml", max_message_chars=300)
        conv = chat(text)
        decision = router.route(conv, now=OPEN)
        payload = router.payload(conv, decision, now=OPEN)
        line = payload.transcript[-1]
        shown, cut = cap_text(text, 300)
        assert line.text == shown
        assert len(shown) <= 300
        assert shown.startswith(head.strip())
        assert shown.endswith(tail)
        assert "[…]" in shown
        kept_chars = len(shown) - len(" […] ")
        assert line.cut_chars == cut == len(text) - kept_chars
        assert payload.analysis.cut_chars == cut
        assert decision.signals is not None
        assert decision.signals.message_cut_chars == cut
        assert decision.signals.human_request  # the request in the tail was analysed
        assert payload.schema_version == "1.3"

    @given(
        words=st.lists(
            st.text(
                alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
                min_size=1,
                max_size=12,
            ).filter(lambda w: "[…]" not in w and not any(c.isspace() for c in w)),
            min_size=1,
            max_size=80,
        ),
        limit=st.integers(min_value=1, max_value=200),
    )
    @settings(max_examples=300, deadline=None)
    def test_cuts_fall_between_whole_words(self, words: list[str], limit: int) -> None:
        """Head and tail are whole words of the message, and the count adds up."""
        text = " ".join(words)
        shown, cut = cap_text(text, limit)
        assert len(shown) <= limit
        if len(text) <= limit:
            assert (shown, cut) == (text, 0)
            return
        parts = shown.split("[…]")
        assert len(parts) <= 2
        head, tail = (parts[0].strip(), parts[1].strip()) if len(parts) == 2 else ("", "")
        assert text.startswith(head)
        assert text.endswith(tail)
        assert head == "" or text[len(head)].isspace()
        assert tail == "" or text[-len(tail) - 1].isspace()
        assert cut == len(text) - len(head) - len(tail)

    @pytest.mark.parametrize("shift", range(30))
    def test_card_straddling_the_head_cut_never_shows(self, shift: int) -> None:
        """Wherever the head's cut falls in a card number, none of its digits is shown."""
        filler = "x" * shift
        text = f"{filler} pay with {CARD} thanks " + "word " * 200
        router = Router.from_path(RULES / "default.yaml", max_message_chars=60)
        conv = chat(text)
        payload = router.payload(conv, router.route(conv, now=OPEN), now=OPEN)
        shown = payload.transcript[-1].text
        assert not re.search(r"\d", shown), shown

    @pytest.mark.parametrize("shift", range(30))
    def test_card_straddling_the_tail_cut_never_shows(self, shift: int) -> None:
        """The same for the tail: the card's last digits do not open it."""
        text = "word " * 200 + f"card {CARD} ok" + "y" * shift
        shown, _ = cap_text(text, 60)
        assert not re.search(r"\d", shown), shown

    @pytest.mark.parametrize(
        "pii",
        [
            "4111-1111-1111-1111",
            "4111.1111.1111.1111",
            "4\u200d111 1111 1111 1111",
            "４１１１ １１１１ １１１１ １１１１",  # full-width digits
            "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
            "card4111111111111111",
            "+44 7700 900123",
            "GB82 WEST 1234 5698 7654 32",
            "jo.smith@example.com",
            "jo.smith at example dot com",
        ],
    )
    def test_no_fragment_at_any_cut(self, pii: str) -> None:
        """For each PII shape and every cut position in it, the shown head holds no digit or
        address part of it (only whole words that are plainly not part of the value)."""
        for shift in range(len(pii) + 2):
            text = "a" * shift + " " + pii + " " + "word " * 40
            shown, _ = cap_text(text, 40 + len(" […] "))
            head = shown.split("[…]")[0]
            fragment = re.search(r"\d|[@＠]|\bat\b|\bdot\b|example|smith|WEST", head)
            assert pii in head or fragment is None, (shift, head)

    def test_one_enormous_word_is_cut_whole(self) -> None:
        """A message with no space to cut at shows only the mark, and says all was cut."""
        text = "A" * 100_000
        assert cap_text(text, 500) == ("[…]", 100_000)

    def test_five_megabytes_of_digit_groups(self) -> None:
        """The reported message: routed and shown with nothing of it left but the mark."""
        text = "1234 5678 " * 500_000
        router = Router.from_path(RULES / "default.yaml")
        conv = chat(text)
        decision = router.route(conv, now=OPEN)
        payload = router.payload(conv, decision, now=OPEN)
        assert decision.error is None
        assert payload.transcript[-1].text == "[…]"
        assert payload.transcript[-1].cut_chars == len(text)
        assert len(payload.model_dump_json()) < 20_000

    def test_limit_is_validated(self) -> None:
        """max_message_chars and max_turns must be whole numbers of at least 1."""
        for bad in (0, -5, 2.5, True):
            with pytest.raises(ValueError, match="at least 1"):
                Router.from_path(RULES / "default.yaml", max_message_chars=bad)  # type: ignore[arg-type]
            with pytest.raises(ValueError, match="at least 1"):
                Limits(max_turns=bad)  # type: ignore[arg-type]
        router = Router.from_path(RULES / "default.yaml", max_message_chars=123, max_turns=7)
        reloaded = router.reload(RULES / "default.yaml")
        assert (reloaded.max_message_chars, reloaded.max_turns) == (123, 7)


class TestOrdinary:
    """Ordinary conversations are untouched: same object, no cuts, the same decisions."""

    @pytest.mark.parametrize("path", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
    def test_samples_route_as_without_limits(self, path: Path) -> None:
        """Every bundled sample decides and builds the same payload with and without caps."""
        data = json.loads(path.read_text())
        conv = Conversation.model_validate(data["conversation"])
        now = datetime.fromisoformat(data["now"]) if data.get("now") else OPEN
        assert bound(conv).conversation is conv
        bounded = sample_router(path)
        unbounded = sample_router(path, max_message_chars=10**9, max_turns=10**9)
        decision = bounded.route(conv, now=now)
        # The carried analysis names the limits it was made with; all else is the same.
        assert uncarried(decision) == uncarried(unbounded.route(conv, now=now))
        payload = bounded.payload(conv, decision, now=now)
        assert payload == unbounded.payload(conv, decision, now=now)
        assert all(line.cut_chars == 0 for line in payload.transcript)
        assert payload.analysis.cut_chars == payload.analysis.turns_not_analysed == 0
        assert decision.signals is not None
        assert decision.signals.message_cut_chars == decision.signals.turns_not_analysed == 0

    def test_message_at_the_limit_is_whole(self) -> None:
        """A message exactly max_message_chars long is analysed and shown whole."""
        text = ("I want a human " * 200)[:MAX_MESSAGE_CHARS]
        assert cap_text(text) == (text, 0)
        assert analyze_text(text).text == text


class TestHostileShapes:
    """Many turns, many entities, huge names: bounded, and the payload says so."""

    def test_many_turns_analysed_in_a_window(self) -> None:
        """Only the latest max_turns turns are read; user_turns still counts every one."""
        conv = chat(*(f"message number {i}" for i in range(1000)))
        router = Router.from_path(RULES / "default.yaml", max_turns=50)
        decision = router.route(conv, now=OPEN)
        signals = decision.signals
        assert signals is not None
        assert signals.user_turns == 1000
        assert signals.turns_not_analysed == len(conv.turns) - 50
        # 25 user turns in the window; signals explain the latest EXPLAINED_TURNS of them
        assert len(signals.turn_scores) == EXPLAINED_TURNS
        assert min(s.turn for s in signals.turn_scores) >= len(conv.turns) - 50
        payload = router.payload(conv, decision, now=OPEN)
        assert payload.analysis.turns_not_analysed == len(conv.turns) - 50
        assert payload.transcript[-1].turn == len(conv.turns)  # numbered from 1
        # the rule set's transcript_turns (10) last messages, numbered as in the whole chat
        assert [line.turn for line in payload.transcript] == list(
            range(len(conv.turns) - 9, len(conv.turns) + 1)
        )

    def test_long_lists_and_names_are_capped(self) -> None:
        """Entities, ranking, flags and names from metadata cannot flood a payload."""
        big = "x" * 1_000_000
        conv = Conversation.model_validate(
            {
                "id": "c" * 100_000,
                "channel": "web" * 1000,
                "account": {
                    "customer_id": "c-" * 50_000,
                    "name": f"Ana {CARD} " * 10_000,
                    "tier": "gold" * 1000,
                    "risk_flags": [f"flag{i}" for i in range(10_000)],
                },
                "turns": [
                    {
                        "role": "user",
                        "text": "I want a human",
                        "intent": {"name": "request_human" * 1000},
                        "intent_ranking": [{"name": f"i{i}"} for i in range(10_000)],
                        "entities": [
                            {"entity": f"e{i}", "value": f"{big} {CARD}"} for i in range(500)
                        ],
                    }
                ],
            }
        )
        router = Router.from_path(RULES / "default.yaml")
        decision = router.route(conv, now=OPEN)
        assert decision.error is None
        payload = router.payload(conv, decision, now=OPEN)
        text = payload.model_dump_json()
        assert len(text) < 100_000
        assert len(payload.entities) == 50
        assert all(len(value) <= MAX_FIELD_CHARS for _, value in payload.entities)
        assert len(payload.customer.risk_flags) == 32
        assert len(payload.conversation_id) < 300
        assert "4111" not in text

    def test_long_ids_stay_distinct(self) -> None:
        """Two long ids that share their head are still told apart after bounding."""
        one = bound(Conversation(id="a" * 1000 + "1", turns=())).conversation.id
        two = bound(Conversation(id="a" * 1000 + "2", turns=())).conversation.id
        assert one != two
        assert len(one) <= MAX_FIELD_CHARS
        # A lone surrogate is valid JSON; digesting it must not raise.
        odd = bound(Conversation(id="\ud800" * 1000, turns=())).conversation.id
        assert len(odd) <= MAX_FIELD_CHARS


def _warm_and_clear() -> None:
    """Build spaCy's matcher and VADER outside the measurement, then empty the caches."""
    analyze_text("warm up the analyser")
    analyze_text.cache_clear()
    _user_turn.cache_clear()
    gc.collect()


def _cache_bytes() -> int:
    return int(analyze_text.cache_info().currsize + _user_turn.cache_info().currsize)


class TestCaches:
    """The caches hold at most their byte budget, and their accounting matches memory."""

    def test_accounting_covers_real_memory(self) -> None:
        """What clearing the caches frees (tracemalloc) is at most what they account for,
        and not wildly less: the budget is a real bound on memory."""
        _warm_and_clear()
        messages = [
            f"msg {i}: where is my refund?? " + "nobody answers me " * 60 for i in range(300)
        ]
        router = Router.from_path(RULES / "default.yaml")
        gc.collect()
        tracemalloc.start()
        try:
            for text in messages:
                router.route(chat(text), now=OPEN)
            gc.collect()
            full = tracemalloc.get_traced_memory()[0]
            accounted = _cache_bytes()
            analyze_text.cache_clear()
            _user_turn.cache_clear()
            gc.collect()
            freed = full - tracemalloc.get_traced_memory()[0]
        finally:
            tracemalloc.stop()
        assert accounted > 0
        assert 0.3 * accounted <= freed <= accounted, (freed, accounted)

    def test_many_large_texts_stay_within_budget(self) -> None:
        """Distinct texts totalling several budgets: the accounting never passes the budget
        and memory held after them is bounded by it."""
        _warm_and_clear()
        # A letter outside the BMP makes a text take 4 bytes a character (~7.6 kB per copy);
        # one long word keeps the analysis cheap.
        texts = [f"{i} " + "𝒜" * 1900 for i in range(1400)]
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for index, text in enumerate(texts):
                _user_turn(text, index)
                assert analyze_text.cache_info().currsize <= CACHE_BYTES
                assert _user_turn.cache_info().currsize <= CACHE_BYTES
            gc.collect()
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        assert len(analyze_text) < len(texts)  # they did not fit: some were evicted
        assert analyze_text.cache_info().currsize > CACHE_BYTES // 2  # the cache was used
        assert grown <= 2 * CACHE_BYTES + 4 * 1024 * 1024, grown


class TestThreads:
    """One router shared by threads decides exactly as one thread does."""

    def test_threads_match_one_thread(self) -> None:
        messages = [
            f"order {i} is late!! third time asking, I want a real person" if i % 3 else f"hi {i}"
            for i in range(240)
        ]
        long = "please help " * 400 + f"my card {CARD} " + "thanks " * 300
        convs = [chat(m, long if i % 5 == 0 else m) for i, m in enumerate(messages)]
        router = Router.from_path(RULES / "default.yaml", max_message_chars=500)
        analyze_text.cache_clear()
        _user_turn.cache_clear()
        expected = [
            (d, router.payload(c, d, now=OPEN)) for c in convs for d in [router.route(c, now=OPEN)]
        ]
        analyze_text.cache_clear()
        _user_turn.cache_clear()
        results: list[Any] = [None] * len(convs)
        errors: list[BaseException] = []

        def work(first: int) -> None:
            try:
                for i in range(first, len(convs), 6):
                    decision = router.route(convs[i], now=OPEN)
                    results[i] = (decision, router.payload(convs[i], decision, now=OPEN))
            except BaseException as error:  # pragma: no cover - reported below
                errors.append(error)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors
        for (d1, p1), (d2, p2) in zip(results, expected, strict=True):
            assert d1 == d2
            assert p1.model_copy(update={"created_at": OPEN}) == p2.model_copy(
                update={"created_at": OPEN}
            )


@given(
    texts=st.lists(
        st.one_of(
            st.text(max_size=300),
            st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=12), st.integers(1, 3000)),
        ),
        min_size=1,
        max_size=4,
    ),
    limit=st.integers(min_value=1, max_value=400),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_routing_never_raises(texts: list[str], limit: int) -> None:
    """Any texts, any length, any limit: a decision without error, a payload, and JSON."""
    router = Router(_base_router().compiled, max_message_chars=limit)
    conv = chat(*texts)
    decision = router.route(conv, now=OPEN)
    assert decision.error is None
    assert decision.signals is not None
    assert decision.signals.message_cut_chars == cap_text(texts[-1], limit)[1]
    payload = router.payload(conv, decision, now=OPEN)
    assert payload.transcript[-1].cut_chars == decision.signals.message_cut_chars
    payload.model_dump_json()


@functools.cache
def _base_router() -> Router:
    return Router.from_path(RULES / "default.yaml")
