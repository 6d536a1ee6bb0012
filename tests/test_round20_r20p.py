"""Round 20 (issue 16): case-insensitive regexes gated on the folded strings they need.

``literals.needed(pattern, folded=True)`` derives, from a pattern's own syntax tree, strings
one of which ``literals.fold(text)`` holds whenever the pattern (``re.IGNORECASE`` included)
finds a match in ``text``; handoff.signals.text skips the search of its every-message regexes
when the folded message holds none. The gate must never skip a text with a match: property
tests with the patterns' own strings in mixed case and the characters re treats as other
cases ('ı', 'İ', 'ſ', 'K', 'ς', 'ß'), and the whole analysis of real messages is unchanged.
"""

from __future__ import annotations

import _sre
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handoff.signals import literals, text
from handoff.signals.literals import fold, holds_one, needed

GATED = sorted(text._GATES, key=lambda p: p.pattern)


def _gate(pattern: re.Pattern[str], message: str) -> bool:
    needs = needed(pattern, folded=True)
    return needs is None or holds_one(fold(message), needs)


# ---------------------------------------------------------------- fold


def test_fold_is_res_one_character_lower_case_for_every_character() -> None:
    # Every code point, in one string (so str.lower's final-sigma context is exercised too):
    # each folds to the smallest other case of re's own one-character lower case.
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    folded = fold(every)
    assert len(folded) == len(every)
    table = literals._FOLD_TABLE
    wrong = [
        ch
        for ch, got in zip(every, folded, strict=True)
        if got != table.get(_sre.unicode_tolower(ord(ch)), chr(_sre.unicode_tolower(ord(ch))))
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("İ", "i"),  # Turkish dotted capital I: re's lower case is 'i' (str.lower: 'i̇')
        ("ı", "i"),  # dotless i: re matches it for 'i'
        ("ſ", "s"),  # long s: re matches it for 's'
        ("K", "k"),  # Kelvin sign
        ("ΟΔΟΣ", "οδος"),  # every sigma folds to one (the final form: smaller)
        ("ὁδόσ", "ὁδός"),
        ("ẞ", "ß"),  # capital sharp s: one character, as re matches it (not 'ss')
        ("MIXED Case", "mixed case"),
    ],
)
def test_fold_cases(upper: str, lower: str) -> None:
    assert fold(upper) == lower


@pytest.mark.parametrize(
    ("pattern", "matching"),
    [
        ("i", ["I", "İ", "ı", "i"]),
        ("s", ["S", "ſ"]),
        ("k", ["K", "K"]),
        ("σ", ["Σ", "ς"]),
        ("ß", ["ẞ"]),
        ("µ", ["μ", "Μ"]),
    ],
)
def test_every_case_re_matches_folds_alike(pattern: str, matching: list[str]) -> None:
    compiled = re.compile(re.escape(pattern), re.IGNORECASE)
    for ch in matching:
        assert compiled.fullmatch(ch), ch
        assert fold(ch) == fold(pattern), ch


def test_no_character_re_matches_for_a_literal_folds_otherwise() -> None:
    # Exhaustive for every character of the gated patterns' strings and the awkward ones:
    # each character re.IGNORECASE matches for it folds as it does.
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    chars = {c for p in GATED for s in needed(p, folded=True) or () for c in s}
    chars |= set("iIsSkKσςΣßẞµμİıſ")
    for ch in sorted(chars):
        target = fold(ch)
        for m in re.finditer(re.escape(ch), every, re.IGNORECASE):
            assert fold(m.group()) == target, (ch, m.group())


# ---------------------------------------------------------------- needed


def test_needed_without_folding_still_refuses_ignorecase() -> None:
    assert needed(re.compile("refund", re.IGNORECASE)) is None
    assert needed(re.compile("(?i:refund)")) is None
    assert needed(re.compile("refund")) == ("refund",)


def test_needed_folded_of_ignorecase_patterns() -> None:
    assert needed(re.compile(r"\bRefund\b", re.IGNORECASE), folded=True) == ("refund",)
    assert needed(re.compile(r"(?i)(?:Blocked|FROZEN)\s+\w+"), folded=True) == (
        "blocked",
        "frozen",
    )
    assert needed(re.compile(r"\by[ıI]l\b", re.IGNORECASE), folded=True) == ("yil",)
    assert needed(re.compile(r"(?i:İSTANBUL)"), folded=True) == ("istanbul",)
    assert needed(re.compile(r"ΟΔΟΣ", re.IGNORECASE), folded=True) == ("οδος",)
    # a case-sensitive pattern folds too: a text holding "ABC" folds to one holding "abc"
    assert needed(re.compile(r"ABC"), folded=True) == ("abc",)
    # (?-i:...) inside a case-insensitive pattern: still sound, folded
    assert needed(re.compile(r"(?-i:Bank)x", re.IGNORECASE), folded=True) == ("bank",)


def test_needed_folded_unknown_stays_unknown() -> None:
    assert needed(re.compile(r"\w+", re.IGNORECASE), folded=True) is None
    assert needed(re.compile(r"[a-z]+", re.IGNORECASE), folded=True) is None
    assert needed(re.compile(r"a|\d", re.IGNORECASE), folded=True) is None
    # re.ASCII's case rules are not Unicode's: no strings rather than a guess
    assert needed(re.compile(r"refund", re.IGNORECASE | re.ASCII), folded=True) is None


@pytest.mark.parametrize(
    ("pattern", "text_"),
    [
        (r"\bsite\b", "the SİTE is down"),
        (r"\bsite\b", "the ſite is down"),
        (r"kicked out", "KICKED OUT"),
        (r"ok", "OK"),
        (r"σ", "ΟΔΟΣ"),
    ],
)
def test_gate_lets_through_other_cases(pattern: str, text_: str) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    assert compiled.search(text_) is not None
    assert _gate(compiled, text_)


# ---------------------------------------------------------------- the gated regexes

# The awkward characters and their other cases, mixed into generated texts.
_ODD = "İıIiſsSKkΣσςßẞµμ’'"


def _pieces(pattern: re.Pattern[str]) -> st.SearchStrategy[str]:
    strings = [*(needed(pattern, folded=True) or ()), *re.findall(r"[a-z']{2,}", pattern.pattern)]

    def cased(s: str, flips: list[bool]) -> str:
        return "".join(
            c.upper() if f else c for c, f in zip(s, flips + [False] * len(s), strict=False)
        )

    word = st.builds(cased, st.sampled_from(strings), st.lists(st.booleans(), max_size=20))
    odd = st.text(alphabet=_ODD, min_size=1, max_size=3)
    return st.one_of(word, odd, st.sampled_from([" ", " ", ", ", ". ", "\n"]), st.text(max_size=4))


@pytest.mark.parametrize("pattern", GATED, ids=lambda p: p.pattern[:30])
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_gate_never_skips_a_match(pattern: re.Pattern[str], data: st.DataObject) -> None:
    parts = data.draw(st.lists(_pieces(pattern), min_size=1, max_size=12))
    message = "".join(parts)
    if not _gate(pattern, message):
        assert pattern.search(message) is None, message


def _recased(message: str, flips: list[int]) -> str:
    """``message`` with some characters swapped for another case re.IGNORECASE matches."""
    others = {"i": "İı", "s": "ſS", "k": "K", "σ": "Σς", "ß": "ẞ"}
    chars = list(message)
    for n in flips:
        if chars:
            i = n % len(chars)
            c = chars[i]
            alternatives = others.get(c.lower(), "") + c.upper() + c.lower()
            chars[i] = alternatives[n % len(alternatives)]
    return "".join(chars)


@pytest.mark.parametrize("pattern", GATED, ids=lambda p: p.pattern[:30])
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_gate_passes_texts_the_regex_generates(
    pattern: re.Pattern[str], data: st.DataObject
) -> None:
    # texts built from the regex itself (hypothesis from_regex), recased with re's other cases
    message = _recased(
        data.draw(st.from_regex(pattern)), data.draw(st.lists(st.integers(0, 999), max_size=8))
    )
    if pattern.search(message) is not None:
        assert _gate(pattern, message), message


@pytest.mark.parametrize("pattern", GATED, ids=lambda p: p.pattern[:30])
def test_gate_holds_on_every_match_of_sample_messages(pattern: re.Pattern[str]) -> None:
    samples = [
        "The APP'S crashed AGAIN",
        "yeah SURE, brilliant",
        "your STAFF were RUDE to me at the branch",
        "As Always 👏",
        "I was stranded abroad with NO MONEY",
        "so I DON'T get scammed",
        "I'm LETTING YOU KNOW my husband died",
        "my mum died FIVE YEARS AGO",
        "Hace cinco AÑOS",
        "5 YIL ÖNCE",
        "5 yıl önce",
    ]
    for message in samples:
        if pattern.search(message) is not None:
            assert _gate(pattern, message), message


def test_text_gates_fold_with_literals_fold() -> None:
    # text.py has another fold (routing_lexicon's, for words): the gates must use this one
    assert text.fold_cases is fold


def test_gates_are_derived_for_every_gated_regex() -> None:
    # every pattern gated in text.py has strings (a pattern widened to one without would
    # lose its gate silently: then this fails and says which)
    assert all(needs for needs in text._GATES.values())


@pytest.mark.parametrize(
    "message",
    [
        "Great, the app's crashed again. Brilliant service as always",
        "Lovely, my card got declined at the till, oh good",
        "The branch staff were really rude and your adviser hung up on me",
        "I'm letting you know my wife died; it's still raw",
        "My father passed away three years ago, the estate was settled",
        "what should I do so I don't get scammed?",
        "Thanks, that's all sorted now",
    ],
)
def test_analysis_is_the_same_with_and_without_gates(
    message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated = text._lexicon(text._capped(message))
    monkeypatch.setattr(text, "_passes", lambda pattern, folded: True)  # every one searched
    searched = text._lexicon(text._capped(message))
    assert gated[1] == searched[1]
    assert gated[3] == searched[3]
