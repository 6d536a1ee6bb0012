"""Reading a customer's answer to the effort question (handoff.outcomes.ces): bare answers in
the forms people type are scores; anything with more in it is not (it is answered as usual)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handoff.outcomes import ces


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("6", 6), ("1", 1), ("7", 7), (" 5 ", 5), ("5.", 5), ("7!", 7), ("６", 6),
        ("6/7", 6), ("6 / 7", 6), ("6 out of 7", 6), ("6 of 7", 6), ("six out of seven", 6),
        ("Six", 6), ("one", 1), ("SEVEN!!", 7), ("a 4", 4), ("it's a 3", 3), ("It’s a 3", 3),
        ("I'd say 5", 5), ("i would give it a 6 out of 7, thanks!", 6), ("maybe 4?", 4),
        ("7 - strongly agree", 7), ("7, agree", 7), ("2 disagree", 2), ("solid 6", 6),
        ("my score is 5", 5), ("I'd give you guys a 7", 7), ("6 thanks", 6),
    ],
)  # fmt: skip
def test_bare_answers_are_scores(text: str, score: int) -> None:
    """The forms people type a 1-7 answer in."""
    assert ces.parse_score(text) == score


@pytest.mark.parametrize(
    "text",
    [
        "", "8", "0", "10", "-1", "6.5", "5-6", "5 or 6", "1 2", "10/10", "6/10", "6 out of 10",
        "eight", "zero", "6 pounds", "card 6 is lost", "7 days ago I paid", "I want a person",
        "no", "thanks", "yes", "I lost my card", "6 but I still need help with my card",
        "give me 5 minutes", "seventy", "67", "6" * 3,
    ],
)  # fmt: skip
def test_anything_else_is_not(text: str) -> None:
    """A message with more in it than a score is never taken as an answer."""
    assert ces.parse_score(text) is None


@given(st.text(max_size=200))
def test_any_text_gives_a_score_on_the_scale_or_none(text: str) -> None:
    """Whatever the customer types, the result is None or 1..7 (and nothing raises)."""
    assert ces.parse_score(text) in {None, *ces.SCALE}


def test_non_text_is_not_an_answer() -> None:
    """Rasa may pass None or a number as the latest message's text."""
    assert ces.parse_score(None) is None
    assert ces.parse_score(6) is None


def test_the_question_is_the_standard_item() -> None:
    """CES 2.0: agreement with "<organisation> made it easy for me to handle my issue"."""
    text = ces.question("Northwind Bank")
    assert '"Northwind Bank made it easy for me to handle my issue."' in text
    assert "1 to 7" in text
    assert "7 = strongly agree" in text


def test_the_module_imports_nothing_heavy() -> None:
    """The action server imports it on every turn: the standard library only."""
    code = (
        "import sys; import handoff.outcomes.ces; "
        "print(sorted(m for m in ('pandas', 'numpy', 'sqlalchemy', 'pydantic', 'rasa_sdk') "
        "if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
