"""Round 22 (r22q, issue 16): the story parts' alternatives searched after their tails.

literals.tail: an alternative's items from the first that needs a literal string; a text the
tail finds nothing in holds no match of the alternative, so skipping the alternative there
leaves spread.parts' results (spans included) as they were."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.signals import spread
from handoff.signals.literals import needed, tail

_WORDS = [
    "i", "we", "and", "then", "so", "paid", "sent", "tell", "told", "them", "the", "it",
    "clicked", "link", "logged", "in", "typed", "code", "got", "me", "to", "account",
    "balance", "emptied", "could", "you", "parcel", "arrive", "please", "gave", "him",
    "installed", "anydesk", "approved", "my", "son", "texted", "from", "asking",
]  # fmt: skip
_TEXTS = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from([",", ".", "?", "£500", "'ve"])),
    max_size=14,
).map(" ".join)


def _whole(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    match = pattern.search(text)
    return None if match is None else match.span()


def test_weak_step_alternatives_have_tails_from_their_verb() -> None:
    index = [part for part, _ in spread._PATTERNS].index(spread.WEAK_STEP)
    tails = [t for t in spread._TAILS[index] if t is not None]
    assert len(tails) >= 6
    assert all(t.pattern.startswith("(?:") for t in tails)
    assert tails[0].search("could you tell me when parcel 10001 will arrive please") is None


def test_anchored_and_literal_first_patterns_have_no_tail() -> None:
    assert tail(re.compile(r"^\W*(?:ok|yes)\s+still")) is None
    assert tail(re.compile(r"(?:paid|sent)\s+it")) is None
    assert tail(re.compile(r"(a)\s+b")) is None  # a group: not split
    assert tail(re.compile(r"\bi\s+(?:paid|sent)\s+it")).pattern == r"i\s+(?:paid|sent)\s+it"


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_tail_finds_nothing_means_no_match(text: str) -> None:
    for (_, pattern), branches, tails in zip(
        spread._PATTERNS, spread._BRANCHES, spread._TAILS, strict=True
    ):
        for (branch, _), gate in zip(branches, tails, strict=True):
            if gate is not None and gate.search(text) is None:
                assert branch.search(text) is None, (branch.pattern, text)
        assert spread._first(branches, text, tails) == _whole(pattern, text)


def test_parts_unchanged_on_fresh_messages() -> None:
    for text in [
        "could you tell me when parcel 10001 will arrive please",
        "a text that looked like yours, and i typed in the code, then i logged in",
        "my son texted from a new number asking for money so i sent him £400",
        "i'd like to know if i paid the right amount",
        "the balance is now £3 and i clicked the link they sent",
    ]:
        assert spread.parts(text) == spread._parts(text, (), gated=False), text


def test_a_group_and_its_tail_are_distributed() -> None:
    """(?:A|B)R is searched as AR, BR: the same tries in the same order at each position."""
    index = [part for part, _ in spread._PATTERNS].index(spread.HARDSHIP)
    pattern = spread._PATTERNS[index][1]
    branches = spread._BRANCHES[index]
    assert len(branches) > 1
    rest = spread._TOLD
    assert pattern.pattern.endswith(")" + rest)
    inner = "|".join(b.pattern[: -len(rest)] for b, _ in branches)
    assert "(?:" + inner + ")" + rest == pattern.pattern
    for text in [
        "i'm not well and i lost my job",
        "i've been signed off work, can you help?",
        "could you tell me when parcel 10001 will arrive please",
    ]:
        assert spread._first(branches, text, spread._TAILS[index]) == _whole(pattern, text)


def test_lazy_tables_are_the_tables_turns_search() -> None:
    """Issue 16 (q24): a pattern's branches and tails are built on a message's first pass of
    its gate. The tables the tests read (_BRANCHES, _TAILS) are those very objects, built by
    the same derivation (literals.needed, literals.tail of spread._distributed), whichever
    is asked first."""
    spread._built.cache_clear()
    first_branches, first_tails = spread._built(0)  # as a turn builds it, before the tables
    assert spread._BRANCHES[0] is first_branches
    assert spread._TAILS[0] is first_tails
    for index, ((_, pattern), branches, tails) in enumerate(
        zip(spread._PATTERNS, spread._BRANCHES, spread._TAILS, strict=True)
    ):
        assert spread._built(index) == (branches, tails)
        distributed = spread._distributed(pattern)
        assert tuple(branch for branch, _ in branches) == distributed
        assert tuple(needs for _, needs in branches) == tuple(map(needed, distributed))
        assert tails == tuple(map(tail, distributed))
