"""The story shapes' prefilter never hides a match (p23, issue 16).

``handoff.signals.stories`` searches a language's patterns only for the languages whose
entries' words a message holds (:func:`_candidates`), and a language's short words only where
an ASCII message may show the language (``routing_lexicon.may_show_language``). Both are
necessary conditions: these tests check, on texts generated around the tables' own entries
(and a synthetic language added to them, so the prefilter is tested on table contents other
than today's), that every pattern that matches a text belongs to a candidate language, and
that story_cues gives what searching every language would.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handoff.signals import stories
from handoff.signals.routing_languages import LANGUAGES
from handoff.signals.routing_lexicon import may_show_language, shows_language
from handoff.signals.stories import (
    _COMPILED,
    _WORD_RUN,
    STORY_LANGUAGES,
    _candidates,
    _compile,
    _folded,
    _prefilter,
    _Story,
    story_cues,
)

# A language no table has, with the shapes an entry can take: several words, a stem ("*")
# at the end and alone, a short word, punctuation inside, an entry whose longest word is an
# English one, and a short word that is also an English word ("card").
_SYNTHETIC = _Story(
    "pl",  # guarded by Polish's markers, as a table's short words are by its language
    {
        "authority": ("zorblax", "the qworpian office", "vrenn-tal*"),
        "claim": ("pretended to be*", "glim"),
        "step": ("I qwent the code", "sent*"),
        "gone": ("card",),
        "not_me": ("zz'top quux",),
        "negator": ("nope",),
    },
)
_ALL = (*STORY_LANGUAGES, _SYNTHETIC)
_ALL_COMPILED = (*_COMPILED, _compile(_SYNTHETIC))
_ALL_PREFILTER = _prefilter(_ALL)

_ENTRIES = sorted(
    {(w.rstrip("*"), w.endswith("*")) for s in _ALL for ws in s.concepts.values() for w in ws}
)
_FILLER = (
    "please", "my", "card", "the", "bank", "to", "i", "you", "code", "money", "konto", "z",
    "de", "la", "hai", "2", "??", "!", ",", ".", "'", "«", "»", "-", "ok", "now",
)  # fmt: skip
_ENDINGS = ("", "a", "em", "ów", "ami", "ing", "s")


def _text(seed: int) -> str:
    """A text holding a few entries (a stem's head with an ending) among filler words."""
    rng = random.Random(seed)
    parts: list[str] = []
    for _ in range(rng.randint(1, 4)):
        parts.extend(rng.choices(_FILLER, k=rng.randint(0, 4)))
        entry, stem = rng.choice(_ENTRIES)
        if rng.random() < 0.3:
            entry = entry.upper() if rng.random() < 0.5 else entry.title()
        parts.append(entry + (rng.choice(_ENDINGS) if stem else ""))
    parts.extend(rng.choices(_FILLER, k=rng.randint(0, 3)))
    return " ".join(parts)


def _every_pattern_is_a_candidate(text: str) -> None:
    folded, _ = _folded(text)
    words = set(_WORD_RUN.findall(folded))
    found = _candidates(_ALL_PREFILTER, words)
    for index, compiled in enumerate(_ALL_COMPILED):
        if _ALL[index].unspaced:
            continue  # Chinese: searched on any Han character (story_cues)
        flags = found.get(index, [False, False])
        if compiled.long.search(folded) is not None:
            assert flags[0], (compiled.code, text)
        if compiled.short is not None and compiled.short.search(folded) is not None:
            assert flags[1], (compiled.code, text)
            if text.isascii() and shows_language(compiled.code, text):
                assert may_show_language(compiled.code, words), (compiled.code, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32))
def test_prefilter_never_hides_a_match(seed: int) -> None:
    _every_pattern_is_a_candidate(_text(seed))


def test_every_entry_alone_is_found() -> None:
    """Each entry of every table (and the synthetic one) as a whole message."""
    for entry, stem in _ENTRIES:
        _every_pattern_is_a_candidate(entry + ("ami" if stem else ""))
        _every_pattern_is_a_candidate(f"ok, {entry}{'em' if stem else ''}!")


def _searching_everything(text: str) -> list[tuple[str, int, int]]:
    """story_cues without the prefilter: every language's patterns searched."""
    saved = stories._PREFILTER
    everything = stories._Prefilter(
        {}, {}, 1, (), tuple((i, s) for i in range(len(_COMPILED)) for s in (False, True)),
        frozenset(), frozenset(),
    )  # fmt: skip
    stories._PREFILTER = everything
    try:
        return story_cues(text)
    finally:
        stories._PREFILTER = saved


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32))
def test_story_cues_as_searching_every_language(seed: int) -> None:
    text = _text(seed)
    assert story_cues(text) == _searching_everything(text)


@pytest.mark.parametrize(
    "text",
    [
        "dzwonił ktoś z banku i kazał mi przelać pieniądze na bezpieczne konto",
        "m-a sunat cineva de la bancă și i-am dat codul",
        "how do I change the delivery address for order 1234",
        "could you tell me when parcel 12345 will arrive please, my card address",
        "有人冒充银行给我打电话",
        "the qworpian office said so",
    ],
)
def test_story_cues_as_searching_every_language_examples(text: str) -> None:
    assert story_cues(text) == _searching_everything(text)


def test_synthetic_entries_are_candidates() -> None:
    """A language added to the tables: its entries make it a candidate, English does not."""
    synthetic = len(_ALL) - 1
    cases = {
        "the QWORPIAN office called": (True, False),
        "someone from vrenn-talowa": (True, False),
        "he pretended to bexx": (True, False),
        "the office called": None,
        "qworpian things": None,  # not every word of the entry
    }
    for text, flags in cases.items():
        folded, _ = _folded(text)
        found = _candidates(_ALL_PREFILTER, set(_WORD_RUN.findall(folded)))
        assert (tuple(found[synthetic]) if synthetic in found else None) == flags, text


def test_may_show_language_is_necessary() -> None:
    """On ASCII texts made of every language's markers: may_show_language holds wherever
    shows_language does."""
    rng = random.Random(16)
    markers = sorted({m for language in LANGUAGES for m in language.markers if m.isascii()})
    for _ in range(2000):
        text = " ".join(rng.choices([*markers, *_FILLER], k=rng.randint(1, 6)))
        words = set(_WORD_RUN.findall(text.lower()))
        for language in LANGUAGES:
            if shows_language(language.code, text):
                assert may_show_language(language.code, words), (language.code, text)
