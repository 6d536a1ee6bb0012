"""The literal prefilter before a regex (handoff.signals.literals, issue 16): every text a
pattern matches holds one of its needed strings, so skipping the search changes nothing."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.signals import spread
from handoff.signals.literals import needed


def _holds(pattern: re.Pattern[str], text: str) -> bool:
    needs = needed(pattern)
    return needs is None or any(n in text for n in needs)


def test_simple_patterns() -> None:
    assert needed(re.compile(r"\bpayee\s+i")) == ("payee",)
    assert needed(re.compile(r"(?:abc|abd)x")) == ("abcx", "abdx")
    assert needed(re.compile(r"a?")) is None
    assert needed(re.compile(r"\w+")) is None
    assert needed(re.compile(r"foo", re.IGNORECASE)) is None
    assert needed(re.compile(r"(?i:foo)bar")) == ("bar",)
    # a branch with an unknown alternative: nothing is needed
    assert needed(re.compile(r"\d+|money")) is None
    # a repeat with a minimum needs what its item needs
    assert needed(re.compile(r"(?:ab)+c")) is not None


_WORDS = sorted(
    {w for needs in spread._NEEDED if needs for s in needs for w in re.findall(r"[\w'£$€-]+", s)}
    | {"my", "phone", "it", "was", "£640", "500", "pounds", "has", "i", "the", "code", "him", "not"}
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), st.sampled_from([" ", "  ", "\n"])
)
def test_every_match_holds_a_needed_string(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for _, pattern in spread._PATTERNS:
        if pattern.search(text):
            assert _holds(pattern, text)


MUST_MATCH = [
    "my phone stopped working yesterday",
    "my password was changed and I'm locked out of my account",
    "I read him the code",
    "it wasn't really her, £640 has gone from my account",
    "they've blocked me",
    "my transfer is still pending",
    "the cut-off is 5pm and that was our food money",
    "there's £50 missing",
    "he never asked for it",
]


def _old_parts(text: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """spread.parts with every pattern searched whole, no prefilter (round 21: through the
    module's own filters after the search, so the two differ only by the prefilter)."""
    return spread._parts(text, (), gated=False)


def test_parts_same_as_searching_every_pattern() -> None:
    for text in [*MUST_MATCH, "could you tell me when parcel 12 will arrive please", "hi"]:
        assert spread.parts(text) == _old_parts(text)
    assert all(spread.parts(text)[0] for text in MUST_MATCH)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "could", "you", "please", "."]), max_size=16))
def test_parts_property(words: list[str]) -> None:
    text = " ".join(words)
    assert spread.parts(text) == _old_parts(text)
