"""One scan of a message for every gate's strings (handoff.signals.literals.Gates, q25b): a
gate passes exactly when the text holds one of its strings, as the substring tests it
replaced (``any(s in text for s in strings)``), for every gated pattern of spread.py and
text.py, on the text form each gate looks at."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff.signals import spread, text
from handoff.signals.literals import Gates, fold, holds_one

DATA = Path(__file__).parent / "data"


def _gates() -> list[tuple[str, tuple[tuple[str, ...] | None, ...]]]:
    """(the text form, the gates' strings) of every gate table a message is scanned for."""
    tables = [("lowered", spread._NEEDED), ("folded", tuple(text._GATES.values()))]
    tables += [("lowered", tuple(needs for _, needs in b)) for b in spread._BRANCHES]
    return tables


TABLES = _gates()
SCANS = [(form, Gates(strings), strings) for form, strings in TABLES]
STRINGS = sorted({s for _, table in TABLES for strings in table if strings for s in strings})


def _messages() -> list[str]:
    out: list[str] = []
    for name in (
        "frustration/support_messages.tsv",
        "frustration_heldout/messages.tsv",
        "frustration_heldout2/messages.tsv",
    ):
        with (DATA / name).open(encoding="utf-8", newline="") as f:
            out.extend(row["text"] for row in csv.DictReader(f, delimiter="\t"))
    return out


MESSAGES = _messages()


def _form(form: str, message: str) -> str:
    """The text a gate of ``form`` looks at (spread's lowered text, text.py's folded one)."""
    return message.lower().replace("’", "'") if form == "lowered" else fold(message)


def _check(message: str) -> None:
    for form, gates, table in SCANS:
        seen = _form(form, message)
        passed = gates.passed(seen)
        for index, strings in enumerate(table):
            expected = strings is None or any(s in seen for s in strings)
            assert bool(passed >> index & 1) == expected, (message, strings)
            assert strings is None or holds_one(seen, strings) == expected


def test_gate_tables_hold_strings() -> None:
    assert len(STRINGS) > 500
    assert all(strings is None or strings for _, table in TABLES for strings in table)


def test_overlapping_and_nested_strings() -> None:
    gates = Gates([("aba",), ("bab",), ("abc",), ("b",), ("xyz",), None, ()])
    # "abab": "aba" and "bab" overlap; "b" is inside both; "abc" and "xyz" are absent
    assert gates.passed("abab") == 0b0101011
    assert gates.passed("xabcd") == 0b0101100
    assert gates.passed("") == 0b0100000
    assert gates.passed("xyz") == 0b0110000
    # the same text again (its mask is kept) and a text equal to it, but another object
    assert gates.passed("xy" + "z") == 0b0110000


def test_gates_with_no_strings() -> None:
    assert Gates([None, None]).passed("anything") == 0b11
    assert Gates([]).passed("anything") == 0
    assert Gates([("",)]).passed("") == 1  # every text holds the empty string


def test_non_ascii_strings() -> None:
    gates = Gates([("£500",), ("naïve",), ("ſ",)])
    assert gates.passed("lost £500 today") == 0b001
    assert gates.passed("a naïve café") == 0b010
    assert gates.passed("ſ") == 0b100


def test_one_build_under_threads() -> None:
    gates = Gates([("money",), ("card",)])
    results: list[int] = []

    def scan() -> None:
        results.append(gates.passed("my card"))

    threads = [threading.Thread(target=scan) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [0b10] * 8


def test_real_messages() -> None:
    assert len(MESSAGES) > 1000
    for message in MESSAGES:
        _check(message)


_PIECES = st.one_of(
    st.sampled_from(STRINGS),
    st.sampled_from(STRINGS).flatmap(
        lambda s: st.tuples(st.integers(0, len(s)), st.integers(0, len(s))).map(
            lambda ab: s[min(ab) : max(ab)]
        )
    ),
    st.text(alphabet="abeilnorst '’£İıſßΣς", max_size=4),
    st.text(max_size=3),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.sampled_from(["", " ", "  ", "\n"]))
def test_random_texts(pieces: list[str], sep: str) -> None:
    _check(sep.join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(MESSAGES), st.lists(_PIECES, max_size=4), st.integers(0, 400))
def test_messages_with_pieces(message: str, pieces: list[str], at: int) -> None:
    at = min(at, len(message))
    _check(message[:at] + "".join(pieces) + message[at:])
