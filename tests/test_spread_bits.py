"""spread's gated search visits only the set bits of its scans (issue 16 turn cost): the same
branches and patterns, in the same order, as testing every bit, so the same parts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.signals import spread
from handoff.signals.literals import set_bits


@given(st.integers(min_value=0, max_value=2**80))
def test_bits_are_the_set_bits_lowest_first(mask: int) -> None:
    assert set_bits(mask) == [i for i in range(mask.bit_length()) if mask >> i & 1]


_TEXTS = [
    "could you tell me when parcel 48213 will arrive please",
    "missed parcel delivery fee again, third time, this is a joke",
    "my card was declined and the delivery charge still went out",
    "they've blocked me and there's £50 missing from my account",
    "the courier fee is ridiculous, held parcel at customs",
    "hi",
    "",
]


def test_first_with_the_scan_equals_testing_each_branch() -> None:
    """_first given its branch scan's bits finds what it finds testing each branch's needed
    strings itself, for every pattern (fails if a set bit is skipped or a clear one read)."""
    for index in range(len(spread._PATTERNS)):
        branches, tails = spread._built(index)
        for text in _TEXTS:
            lowered = text.lower()
            passed = spread._branch_gates(index).passed(lowered)
            assert spread._first(branches, lowered, tails, passed) == spread._first(
                branches, lowered, tails
            ), (index, text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["missed", "parcel", "delivery", "fee", "held", "charge", "courier", "blocked", "card",
     "declined", "money", "gone", "again", "third", "time", "joke", "please", "my", "the"]
), max_size=14))  # fmt: skip
def test_parts_gated_equals_whole_search(words: list[str]) -> None:
    text = " ".join(words)
    assert spread.parts(text) == spread._parts(text, (), gated=False)
