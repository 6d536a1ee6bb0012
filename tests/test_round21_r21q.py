"""Round 21, r21q (issue 16): spread's story patterns searched by their gated alternatives.

Each pattern of ``spread._PATTERNS`` is split into its top-level alternatives, each with its
own needed strings; only the alternatives whose strings the message holds are searched and
the leftmost (first on a tie) is the pattern's match. These tests pin that this gives the
same (start, end) as searching the whole pattern, and that a gate saying no means no match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.signals import spread
from handoff.signals.literals import holds_one

ROOT = Path(__file__).resolve().parent
# Tuning sets only (never the blind ones).
SETS = ("routing_dev", "routing_eval", "routing_holdout", "routing_holdout5", "routing_holdout8")


def _whole(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    match = pattern.search(text)
    return None if match is None else (match.start(), match.end())


def _messages() -> list[str]:
    out: list[str] = []
    for name in SETS:
        data = yaml.safe_load((ROOT / "data" / name / "banking.yaml").read_text())
        for conversation in data["conversations"]:
            out.extend(t for t in conversation.get("customer", []) if isinstance(t, str))
    return out


# Words the patterns are built from, so random texts reach their matches.
_WORDS = sorted(
    {
        word
        for _, pattern in spread._PATTERNS
        for word in re.findall(r"[a-z']{2,}", pattern.pattern)
        if word not in {"s", "b"}
    }
)
_TEXTS = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from([",", ".", "?", "£500", "me", "i"])),
    max_size=14,
).map(" ".join)


def test_alternatives_rebuild_the_pattern() -> None:
    for _, pattern in spread._PATTERNS:  # (r22q: _BRANCHES distributes a trailing item too)
        branches = spread._alternatives(pattern)
        assert "|".join(b.pattern for b in branches) == pattern.pattern
        assert all(b.flags == pattern.flags for b in branches)


def test_weak_step_is_split() -> None:
    index = [part for part, _ in spread._PATTERNS].index(spread.WEAK_STEP)
    assert len(spread._BRANCHES[index]) > 1


@pytest.mark.parametrize(
    "text",
    [
        "could you tell me when parcel 10001 will arrive please",
        "he told me to send the code and i gave them my card number",
        "then i clicked the link and logged in",
        "what should i do if i sent them the money",
        "i paid the deposit, then they asked me to tell them my pin",
    ],
)
def test_same_span_as_the_whole_pattern(text: str) -> None:
    for (_, pattern), branches in zip(spread._PATTERNS, spread._BRANCHES, strict=True):
        assert spread._first(branches, text) == _whole(pattern, text)


def test_same_span_on_tuning_messages() -> None:
    for message in _messages():
        lowered = message.lower().replace("\u2019", "'")
        for (_, pattern), branches in zip(spread._PATTERNS, spread._BRANCHES, strict=True):
            assert spread._first(branches, lowered) == _whole(pattern, lowered), message


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_gate_false_means_no_match(text: str) -> None:
    for (_, pattern), branches in zip(spread._PATTERNS, spread._BRANCHES, strict=True):
        for branch, needs in branches:
            if needs is not None and not holds_one(text, needs):
                assert branch.search(text) is None
        assert spread._first(branches, text) == _whole(pattern, text)


def test_parts_unchanged_for_a_calm_request_and_a_story() -> None:
    assert spread.parts("could you tell me when parcel 10001 will arrive please")[0] == 0
    mask, _ = spread.parts("they told me to read out the code and i gave them my card details")
    assert mask & (spread.WEAK_STEP | spread.STEP)
