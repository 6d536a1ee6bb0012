"""A cheap test before a regex: strings one of which every match of it holds (issue 16).

:func:`needed` reads a compiled pattern's syntax tree and returns a set of literal strings
such that any text the pattern can find a match in contains at least one of them (``None``
when no such set is known: the pattern must always be searched). A caller skips
``pattern.search(text)`` when no string of the set is a substring of ``text``: the search
would find nothing, so results (leftmost match included) are exactly those of searching
every time. Derived from the pattern itself, so edits to a pattern's table need no edit here.

Sound by construction: a literal character is exact; zero-width items (``\\b``, look-arounds)
match the empty string; a class of literal characters is its characters; an alternation
needs one of its branches' strings; an optional item is exact with the empty string added;
anything else (``\\s``, ``\\d``, ``.``, classes with ranges or categories, repeats with no
minimum) is unknown, which only weakens the test.

Case-insensitive patterns (round 20): ``needed(pattern, folded=True)`` returns the strings
folded by :func:`fold`, to be looked for in ``fold(text)``. ``re.IGNORECASE`` (Unicode, not
``re.ASCII``) lets a pattern character ``c`` match a text character ``t`` exactly when
``lower(t)`` is ``lower(c)`` or one of the characters ``re`` treats as its other cases
(``re._casefix``: 'i' and dotless 'ı', 's' and long 'ſ', 'σ' and final 'ς', ...), where
``lower`` is the one-character lower case ``re`` uses (``_sre.unicode_tolower``: 'İ' is 'i').
:func:`fold` maps every character to the smallest of those cases of its lower case, one
character for one, so a matched stretch of text folds to the folded pattern characters it
matched, and a text with no folded string can hold no match. Not ``str.casefold``, which
``re`` does not follow ('ß' is 'ss' there, 'ı' and 'İ' keep their own forms). Python 3.10
keeps the same table as ``sre_compile._ignorecase_fixes``; without either (another Python)
case-insensitive patterns have no strings: always searched.
"""

from __future__ import annotations

import importlib
import re
import sys
import threading
from collections.abc import Iterable
from typing import Any

import ahocorasick

__all__ = ["Gates", "fold", "holds_one", "needed", "set_bits", "tail"]

# The regex parser (re._parser from Python 3.11, sre_parse before).
_parser: Any = importlib.import_module("re._parser" if sys.version_info >= (3, 11) else "sre_parse")
_REPEATS = frozenset(
    op
    for op in (
        _parser.MAX_REPEAT,
        _parser.MIN_REPEAT,
        getattr(_parser, "POSSESSIVE_REPEAT", None),
    )
    if op is not None
)
_ZERO_WIDTH = frozenset({_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT})
_ATOMIC = getattr(_parser, "ATOMIC_GROUP", None)
# The most strings an exact set may hold (the cross products of a sequence stay small).
_LIMIT = 64

# The other cases re.IGNORECASE gives a lower-case character beyond its upper case (by code).
_EXTRA_CASES: dict[int, tuple[int, ...]] | None
try:
    _EXTRA_CASES = dict(importlib.import_module("re._casefix")._EXTRA_CASES)
except (ImportError, AttributeError):  # pragma: no cover - Python 3.10 keeps the same table
    try:
        _EXTRA_CASES = dict(importlib.import_module("sre_compile")._ignorecase_fixes)
    except (ImportError, AttributeError):  # another Python: no folding
        _EXTRA_CASES = None


def _smallest_cases(extra: dict[int, tuple[int, ...]]) -> dict[int, str]:
    """Each character of ``extra`` to the smallest character it is joined to (through any
    chain of other cases), when that is another one."""
    group: dict[int, set[int]] = {}
    for code, others in extra.items():
        joined = {code, *others}
        for member in list(joined):
            joined |= group.get(member, set())
        for member in joined:
            group[member] = joined
    return {code: chr(min(members)) for code, members in group.items() if min(members) != code}


_FOLD_TABLE = _smallest_cases(_EXTRA_CASES) if _EXTRA_CASES is not None else {}
# The one character whose str.lower() is not re's single lower-case character ("i̇", not "i").
_DOTTED_I = "\u0130"


def fold(text: str) -> str:
    """``text`` with each character in the form every case of it ``re.IGNORECASE`` matches
    folds to (see the module's notes): its lower case, then the smallest of its other cases.
    For ASCII text, its lower case."""
    if text.isascii():
        return text.lower()
    if _DOTTED_I in text:
        text = text.replace(_DOTTED_I, "i")
    return text.lower().translate(_FOLD_TABLE)


def holds_one(text: str, strings: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``strings`` (the test before a search)."""
    # A loop, not any() over a generator: this runs for every gated pattern of a message.
    for string in strings:  # noqa: SIM110
        if string in text:
            return True
    return False


class Gates:
    """Many gates' :func:`holds_one` tests of one text at once (issue 16, q25b): one scan of
    the text by an Aho-Corasick automaton of every gate's strings (pyahocorasick), instead of
    one substring test per string per gate (spread's 38 patterns hold 1,052 strings; a calm
    message was tested against most of them, about 34 us).

    :meth:`passed` returns the gates whose test passes as a bit mask (bit ``i``: gate ``i``):
    a gate passes exactly when ``holds_one(text, strings)`` would, or always when its strings
    are None (no gate). The automaton reports every occurrence of every string, overlapping
    ones and strings inside others included, each marking the gates holding that string.
    Built on first use (a few milliseconds), once: a lock, so two threads build one. The last
    text's mask is kept (the gates of a message are asked about it one after another)."""

    __slots__ = ("_always", "_automaton", "_gates", "_last", "_lock")

    def __init__(self, gates: Iterable[tuple[str, ...] | None]) -> None:
        self._gates = tuple(gates)
        # a gate with no strings, or with the empty string (held by every text), always passes
        self._always = sum(
            1 << index
            for index, strings in enumerate(self._gates)
            if strings is None or "" in strings
        )
        self._automaton: Any = None
        self._last: tuple[str, int] | None = None
        self._lock = threading.Lock()

    def _built(self) -> Any:
        automaton = self._automaton
        if automaton is None:
            with self._lock:
                automaton = self._automaton
                if automaton is None:
                    automaton = self._build()
                    self._automaton = automaton
        return automaton

    def _build(self) -> Any:
        bits: dict[str, int] = {}
        for index, strings in enumerate(self._gates):
            for string in strings or ():
                if string:
                    bits[string] = bits.get(string, 0) | 1 << index
        if not bits:
            return False  # nothing to look for: no automaton (an empty one cannot be built)
        automaton = ahocorasick.Automaton()
        for string, mask in bits.items():
            automaton.add_word(string, mask)
        automaton.make_automaton()
        return automaton

    def passed(self, text: str) -> int:
        """The gates ``text`` passes, as a bit mask (bit ``i``: the ``i``-th gate)."""
        last = self._last
        if last is not None and last[0] == text:
            return last[1]
        mask = self._always
        automaton = self._built()
        if automaton is not False:
            for _, bits in automaton.iter(text):
                mask |= bits
        self._last = (text, mask)
        return mask

    def prepare(self) -> None:
        """Build the automaton now (warm_up's start-up work)."""
        self._built()


def set_bits(mask: int) -> list[int]:
    """The positions of ``mask``'s set bits, lowest first: the gates a :meth:`Gates.passed`
    mask lets through, in their order."""
    out: list[int] = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


_Strings = frozenset[str]
_Info = tuple["_Strings | None", "_Strings | None"]  # (exact, needed)


def _cost(strings: _Strings) -> float:
    """The expected cost of the test, in searches of the pattern: each substring test (about
    a fortieth of a search), and the search when one is found (shorter strings are commoner)."""
    return len(strings) / 40 + min(1.0, sum(_SEEN[min(len(s), 6)] for s in strings))


# Roughly how often a string of so many characters is somewhere in a message (by length).
_SEEN = (1.0, 1.0, 0.5, 0.1, 0.03, 0.01, 0.003)


def _best(sets: list[_Strings | None]) -> _Strings | None:
    """The most selective of ``sets`` (each one of which every match holds), minimised: a
    string holding another string of its set adds nothing."""
    usable = []
    for strings in sets:
        if strings is None or "" in strings:
            continue
        usable.append(frozenset(s for s in strings if not any(t != s and t in s for t in strings)))
    return min(usable, key=_cost) if usable else None


def _sequence(items: Any, folded: bool) -> _Info:
    """(exact, needed) of a sequence of parsed items: ``exact`` every string it can match
    (or None), ``needed`` strings one of which every match holds (or None)."""
    candidates: list[_Strings | None] = []
    run: set[str] = {""}
    all_exact = True
    for op, av in items:
        exact, need = _node(op, av, folded)
        if exact is not None:  # the item alone (fewer strings than the run's, maybe)
            candidates.append(exact)
        if exact is not None and len(run) * len(exact) <= _LIMIT:
            run = {a + b for a in run for b in exact}
            continue
        candidates.append(frozenset(run))
        if exact is not None:
            run = set(exact)
        else:
            all_exact = False
            candidates.append(need)
            run = {""}
    candidates.append(frozenset(run))
    if all_exact and len(candidates) == 1:
        return frozenset(run), _best(candidates)
    return None, _best(candidates)


def _node(op: Any, av: Any, folded: bool) -> _Info:
    if op is _parser.LITERAL:
        return frozenset({fold(chr(av)) if folded else chr(av)}), None
    if op in _ZERO_WIDTH:
        return frozenset({""}), None
    if op is _parser.SUBPATTERN:
        if av[1] & re.IGNORECASE and not folded:  # (?i:...): literals match other cases too
            return None, None
        return _sequence(av[-1], folded)
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(av, folded)
    if op is _parser.BRANCH:
        infos = [_sequence(branch, folded) for branch in av[1]]
        exacts = [exact for exact, _ in infos if exact is not None]
        if len(exacts) == len(infos):
            union = frozenset().union(*exacts)
            if len(union) <= _LIMIT:
                return union, None
        needs = [exact if exact is not None and "" not in exact else need for exact, need in infos]
        if any(need is None for need in needs):
            return None, None
        return None, frozenset().union(*(need for need in needs if need is not None))
    if op is _parser.IN:
        if len(av) <= _LIMIT and all(item is _parser.LITERAL for item, _ in av):
            return frozenset(fold(chr(c)) if folded else chr(c) for _, c in av), None
        return None, None
    if op in _REPEATS:
        low, high, child = av
        exact, need = _sequence(child, folded)
        if low == high == 1:
            return exact, need
        if low == 0:
            return (exact | {""}, None) if high == 1 and exact is not None else (None, None)
        return None, (exact if exact is not None and "" not in exact else need)
    return None, None


def needed(pattern: re.Pattern[str], folded: bool = False) -> tuple[str, ...] | None:
    """Strings one of which every text ``pattern`` finds a match in contains (cheapest-to-miss
    set found; sorted), or ``None`` when none is known (search every time). ``folded``: the
    strings folded (:func:`fold`), one of which ``fold(text)`` then holds; this way a
    case-insensitive pattern has strings too."""
    if pattern.flags & re.VERBOSE or not isinstance(pattern.pattern, str):
        return None
    if folded and (_EXTRA_CASES is None or pattern.flags & (re.ASCII | re.LOCALE)):
        return None  # re's case rules unknown here, or not Unicode's: no strings
    if pattern.flags & re.IGNORECASE and not folded:
        return None
    exact, need = _sequence(_parser.parse(pattern.pattern, pattern.flags), folded)
    best = _best([exact, need])
    return tuple(sorted(best)) if best else None


# round 22 (r22q): a pattern's top-level items, from its source (each: a character, an escape,
# a class or a group, with its repeat). Escapes that run on (\x41, \N{...}, \1) are not split.
_RUN_ON_ESCAPES = frozenset("xuUN0123456789")
_REPEAT_AFTER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")


def _top_items(source: str) -> list[str] | None:
    """``source``'s top-level items in order, or None when it is not split here (an escape
    that runs on, an unbalanced group or class)."""
    items: list[str] = []
    i = 0
    while i < len(source):
        start = i
        char = source[i]
        if char == "\\":
            if i + 1 >= len(source) or source[i + 1] in _RUN_ON_ESCAPES:
                return None
            i += 2
        elif char == "[":
            i += 1
            if i < len(source) and source[i] == "^":
                i += 1
            if i < len(source) and source[i] == "]":
                i += 1
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
            if i >= len(source):
                return None
            i += 1
        elif char == "(":
            depth = 0
            in_class = False
            while i < len(source):
                c = source[i]
                if c == "\\":
                    i += 2
                    continue
                if in_class:
                    in_class = c != "]" or source[i - 1] == "["
                elif c == "[":
                    in_class = True
                elif c == "(":
                    depth += 1
                elif c == ")":
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            if i >= len(source):
                return None
            i += 1
        elif char in "|)":
            return None  # an alternation at the top: not one sequence
        else:
            i += 1
        repeat = _REPEAT_AFTER.match(source, i)
        if repeat is not None:
            i = repeat.end()
        items.append(source[start:i])
    return items


def tail(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A shorter pattern found in every text ``pattern`` finds a match in, or None (round 22):
    the pattern's items from the first one that needs a literal string onwards, when items
    come before it (a subject that can start anywhere: "i", "then", a comma; or a ``\\b``,
    which stops the regex engine's check of the first character). Where the
    whole pattern matches, the tail matches from where its first item matched (the same text
    around it, so its ``\\b`` and look-arounds hold too): a text the tail finds nothing in
    holds no match of the pattern. Its search starts only where its literal start is (the
    regex engine's prefix check), not at every character as the subject's does. None for an
    anchored pattern (``^``, ``\\A`` before the literal: its own search is one attempt)."""
    if pattern.groups or pattern.flags & re.VERBOSE or re.search(r"\(\?[aiLmsux]", pattern.pattern):
        return None
    items = _top_items(pattern.pattern)
    if not items:
        return None
    for k, item in enumerate(items):
        try:
            alone = re.compile(item, pattern.flags)
        except re.error:
            return None
        if needed(alone) is not None:
            if k == 0 or any(i in ("^", "\\A") for i in items[:k]):
                return None  # the pattern starts with its literal, or is anchored: as quick
            try:
                return re.compile("".join(items[k:]), pattern.flags)
            except re.error:
                return None
    return None
