"""The situation shapes' required strings (situations._needs) never skip a match.

Every searched pattern (a shape's, or each part of a gated shape) is searched only in a text
that holds one of the strings derived from its parse tree (issue 16, round 3): a necessary
condition, so a shape finds exactly what its pattern finds. Checked on the ~100k texts of
the public sets (each shape its anchors let through, as situation_cues searches them), on
texts generated from each pattern, and on what the derivation makes of small patterns.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handoff.signals import situations
from handoff.signals.situations import _needs
from tests.test_text_speed import _texts


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


def _candidates(lowered: str) -> set[int]:
    words = set(situations._WORD.findall(lowered))
    words.update(w.partition("'")[0] for w in tuple(words) if "'" in w)
    words.update(e for e in situations._EMOJI_ANCHORS if e in lowered)
    words.add(situations._DOTS)
    found: set[int] = set()
    for word in words & situations._ANCHOR_WORDS:
        found.update(situations._BY_ANCHOR[word])
    return found


def test_filtered_shapes_find_what_their_pattern_finds_on_every_text() -> None:
    required = situations._required()
    assert sum(bool(need) for need in required.values()) > 0.9 * len(required)
    skipped = found = 0
    for text in _texts():
        lowered = text.lower().replace("’", "'")
        for position in _candidates(lowered):
            shape = situations._SHAPES[position]
            want = _span(shape.pattern.search(lowered))
            assert _span(shape.search(lowered)) == want, (text, shape.kind, position)
            found += want is not None
            need = required.get(id(shape.pattern), ((),))[0]  # a gated shape's parts are keyed
            skipped += bool(need) and not any(n in lowered for n in need)
    assert found > 100  # the shapes do match real texts
    assert skipped > 10_000  # and the filters do skip searches


def test_refined_conditions_never_skip_a_match_on_every_text() -> None:
    """Every pattern's refined condition (common clauses, then one of its alternatives) holds
    on every text the pattern matches, and rules out many texts its required strings let
    through."""
    required = situations._required()
    assert sum(bool(split) for _, _, split in required.values()) > 100
    refined_out = 0
    for text in _texts():
        lowered = text.lower().replace("’", "'")
        for position in _candidates(lowered):
            shape = situations._SHAPES[position]
            patterns = [part for _, part in shape.parts] if shape.parts else [shape.pattern]
            for pattern in patterns:
                need, common, split = required[id(pattern)]
                holds = situations._holds_all(lowered, common) and (
                    not split or situations._holds_an_alternative(lowered, split)
                )
                if pattern.search(lowered) is not None:
                    assert holds, (text, pattern.pattern, common, split)
                elif not need or any(n in lowered for n in need):
                    refined_out += not holds
    assert refined_out > 10_000


_PATTERNS = sorted(
    {
        id(pattern): pattern
        for shape in situations._SHAPES
        for pattern in ([part for _, part in shape.parts] if shape.parts else [shape.pattern])
    }.values(),
    key=lambda p: p.pattern,
)


@pytest.mark.parametrize("index", range(len(_PATTERNS)))
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_text_a_pattern_matches_holds_one_of_its_strings(
    index: int, data: st.DataObject
) -> None:
    pattern = _PATTERNS[index]
    need, common, split = situations._required()[id(pattern)]
    text = data.draw(st.from_regex(pattern))
    if pattern.search(text) is not None:  # generation ignores some look-arounds
        assert not need or any(n in text for n in need), (pattern.pattern, text, need)
        assert situations._holds_all(text, common), (pattern.pattern, text, common)
        assert not split or situations._holds_an_alternative(text, split), (pattern.pattern, text)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\bhello\b", ("hello",)),
        (r"\b(?:did|do)n't\s+(?:make|do)\b", ("didn't", "don't")),
        (r"\bsome(?:one|body)(?:'s)?\s+used", ("someone", "somebody")),
        (r"(?:^|\. )ok", ("ok",)),  # ". ok" holds "ok"
        (r"(?:^|\. )k\b", ()),  # "k" is shorter than worth checking
        (r"(?:lol|lmao)|\bha(?:ha){1,2}\b", ("lol", "haha", "lmao")),
        (r"^(?!.*\bnot\b)(?=.*\bfraud\b).*\bcard\b", ("fraud",)),  # a look-ahead's string
        (r"\b(?:\w+)\s+(?:x)?", ()),  # nothing fixed
        (r"(?i)hello", ()),  # case-insensitive: never filtered
        (r"abc|\w+", ()),  # one alternative needs nothing
        (r"a{2}bc?", ("aab",)),
    ],
)
def test_what_the_derivation_finds(source: str, expected: tuple[str, ...]) -> None:
    assert set(_needs(re.compile(source))) == set(expected)


@pytest.mark.parametrize(
    ("source", "common", "split"),
    [
        # Each alternative keeps all it needs: "how can I tell" needs "how " as well as " tell".
        (
            r"\bis it true\b|\bhow (?:can|do) i\s+(?:tell|know)\b",
            (),
            ((("is it true",),), (("how can i", "how do i"), ("know", "tell"))),
        ),
        # A look-ahead's words are needed by every alternative: checked once, first.
        (
            r"^(?=.*\b(?:paid|sent)\b).*\b(?:never\s+arrived|vanished\s+completely)",
            (("paid", "sent"),),
            ((("never",), ("arrived",)), (("vanished",), ("completely",))),
        ),
        # A clause of many strings is checked by their prefixes: a text holds those too.
        (
            r"\b(?:card|cart|case|cash|cast|cat|cave|call|calm)\s+(?:one|two)\b|zulu",
            (),
            ((("cal", "car", "cas", "cat", "cav"), ("one", "two")), (("zulu",),)),
        ),
        (r"(?i)hello|world", (), ()),  # case-insensitive: never filtered
        (r"abc|\w+", (), ()),  # one alternative needs nothing
        (r"\bhello\b", (), ()),  # the required strings already say it all
    ],
)
def test_what_the_refined_condition_finds(
    source: str, common: tuple[tuple[str, ...], ...], split: tuple[object, ...]
) -> None:
    pattern = re.compile(source)
    refined = situations._refined(pattern, _needs(pattern))
    found = ((), ()) if refined is None else (refined.common, refined.split)
    as_sets = (
        {frozenset(c) for c in found[0]},
        {frozenset(frozenset(c) for c in a) for a in found[1]},
    )
    assert as_sets == (
        {frozenset(c) for c in common},
        {frozenset(frozenset(c) for c in a) for a in split},
    )
