"""Round 21 (r21p, issue 16): the story tables compiled lazily, one slot product.

No routing behaviour changes: every table entry is still matched the same way by its
language's compiled alternation (checked against each entry alone on texts made of the
entries), a language is compiled only when a message the prefilter admits is searched in it,
and the five slot-product helpers the tables used are one (:func:`slot_product`).
"""

from __future__ import annotations

import random
import re
from datetime import datetime, timezone

import pytest

from handoff import Router
from handoff.signals import lexicon, routing_languages, routing_lexicon, stories, story_slots
from handoff.signals.routing_lexicon import fold
from handoff.signals.slots import slot_product
from handoff.signals.stories import (
    CONCEPTS,
    STORY_LANGUAGES,
    _compile,
    _entry,
    _folded,
    _gap,
    _Lazy,
    _start,
    story_cues,
)
from tests.conftest import route_fallbacks

# ---------------------------------------------------------------------------- slot product


def test_slot_product_order_gaps_and_both_orders() -> None:
    assert slot_product(("a", "b"), ("x", "y")) == ("a x", "a y", "b x", "b y")
    # "" leaves its slot empty, no double space
    assert slot_product(("asked", "asked for"), ("my", ""), ("code",)) == (
        "asked my code",
        "asked code",
        "asked for my code",
        "asked for code",
    )
    # both: the forward entries, then each reversed, in the same order
    assert slot_product(("card number",), ("asked", "wanted"), both=True) == (
        "card number asked",
        "card number wanted",
        "asked card number",
        "wanted card number",
    )
    assert slot_product(iter(["a"]), ["b"]) == ("a b",)  # any iterable, read once
    assert slot_product(("a",), ()) == ()


def test_the_old_helpers_are_the_one_slot_product() -> None:
    heads, tails = ("he took", "she took"), ("my money", "the code")
    want = ("he took my money", "he took the code", "she took my money", "she took the code")
    assert story_slots._x(heads, tails) == want
    assert stories._pairs(heads, tails) == want
    assert stories._pairs(heads, tails, both=True)[4:] == (
        "my money he took",
        "the code he took",
        "my money she took",
        "the code she took",
    )
    assert stories._focus(("lacag",), ("ayaan",), ("u diray", "diray")) == (
        "lacag ayaan u diray",
        "lacag ayaan diray",
    )
    assert routing_languages._c(list(heads), list(tails)) == want
    assert lexicon._combine(heads, tails) == want
    assert routing_lexicon._combine(heads, tails) == want
    assert routing_languages._expand("{V} {N} now", {"V": heads, "N": tails}) == tuple(
        f"{w} now" for w in want
    )


# ---------------------------------------------------------------------------- lazy compile


def test_a_language_is_compiled_only_when_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    lazy = _Lazy(STORY_LANGUAGES)
    monkeypatch.setattr(stories, "_COMPILED", lazy)
    assert lazy._done == [None] * len(STORY_LANGUAGES)
    # a calm English message: no language's patterns needed
    assert story_cues("what time does the branch open tomorrow") == []
    assert lazy._done == [None] * len(STORY_LANGUAGES)
    # one the prefilter admits some languages for: only those compiled
    text = "could you tell me when my new card will arrive please"
    words = set(stories._WORD_RUN.findall(text.lower()))
    admitted = set(stories._candidates(stories._PREFILTER, words))
    assert story_cues(text) == []
    assert {i for i, c in enumerate(lazy._done) if c is not None} <= admitted
    # a Polish story: Polish compiled (and found), not every table
    polish = next(i for i, s in enumerate(STORY_LANGUAGES) if s.code == "pl")
    cues = story_cues("dzwonił ktoś z banku i kazał mi przelać pieniądze na bezpieczne konto")
    assert "scam" in {kind for kind, _, _ in cues}
    assert lazy._done[polish] is not None
    assert sum(c is not None for c in lazy._done) < len(STORY_LANGUAGES) // 2
    # asked again: the same compiled object, not compiled twice
    assert lazy[polish] is lazy._done[polish]


def test_lazy_patterns_are_the_eager_ones() -> None:
    lazy = _Lazy(STORY_LANGUAGES)
    assert len(lazy) == len(STORY_LANGUAGES)
    for index, story in enumerate(STORY_LANGUAGES):
        eager = _compile(story)
        got = lazy[index]
        assert got.code == eager.code == story.code
        assert got.long.pattern == eager.long.pattern
        assert (got.short and got.short.pattern) == (eager.short and eager.short.pattern)
    assert [c.code for c in lazy[1:3]] == [s.code for s in STORY_LANGUAGES[1:3]]
    assert [c.code for c in lazy] == [s.code for s in STORY_LANGUAGES]


# ------------------------------------------------- every entry matched as by itself


def _positions(pattern: re.Pattern[str], folded: str) -> dict[int, str | None]:
    """Start -> concept of every overlapping match (as stories._concepts searches)."""
    found: dict[int, str | None] = {}
    match = pattern.search(folded)
    while match is not None:
        found[match.start()] = match.lastgroup
        match = pattern.search(folded, match.start() + 1)
    return found


@pytest.mark.parametrize("story", STORY_LANGUAGES, ids=lambda s: s.code)
def test_each_table_alternation_is_the_union_of_its_entries(story: stories._Story) -> None:
    """On texts made of the table's own entries (a stem with an ending), the compiled
    alternation matches at exactly the positions some entry alone matches, with the concept
    of the first concept (CONCEPTS order) that has an entry matching there."""
    gap = _gap(story.code) if not story.unspaced else r"\s+"
    start = _start(story)
    alone: dict[bool, list[tuple[str, re.Pattern[str]]]] = {False: [], True: []}
    for concept in CONCEPTS:
        for word in story.concepts.get(concept, ()):
            pattern, short = _entry(word, story.unspaced, gap)
            alone[short].append((concept, re.compile(f"(?={start}(?:{pattern}))")))
    compiled = stories._COMPILED[STORY_LANGUAGES.index(story)]
    entries = sorted({w for ws in story.concepts.values() for w in ws})
    rng = random.Random(f"r21p-{story.code}")
    texts = []
    for _ in range(12):
        picked = rng.sample(entries, k=min(3, len(entries)))
        texts.append(
            " ".join(fold(w.rstrip("*")) + ("ami" if w.endswith("*") else "") for w in picked)
        )
    for text in texts:
        folded, _ = _folded(text)
        for short, pattern in ((False, compiled.long), (True, compiled.short)):
            want: dict[int, str | None] = {}
            for concept, entry in alone[short]:
                for m in entry.finditer(folded):
                    want.setdefault(m.start(), concept)  # CONCEPTS order: first one wins
            got = _positions(pattern, folded) if pattern is not None else {}
            assert got == want, (story.code, short, text)


# ---------------------------------------------------------------------------- routing


_NOW = datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def router() -> Router:
    return Router.from_path("rules/banking.yaml")


@pytest.mark.parametrize(
    ("text", "lane"),
    [
        # fresh sentences: a caller from the bank asked for the SMS code, I gave it
        ("zadzwonił ktoś z banku i poprosił o kod z SMS-a, podałem mu go", "fraud"),
        ("mi ha chiamato uno della banca e mi ha chiesto il codice, gliel'ho dato", "fraud"),
        # calm, in a table's language and in English: stays with the bot
        ("buongiorno, vorrei sapere gli orari della filiale di via Roma", "bot"),
        ("I'd like to know when my replacement card will arrive", "bot"),
    ],
)
def test_routing_through_lazily_compiled_tables(router: Router, text: str, lane: str) -> None:
    got, _ = route_fallbacks(router, _NOW, text)
    assert (got == "bot") == (lane == "bot"), (text, got)
    if lane != "bot":
        assert got == lane, (text, got)
