"""The context model of who a customer needs now (tests/needs_context_scorer.py, round 13).

Not used by the engine (tests/needs_context.py records why); these pin what it reads, so the
next attempt starts from a scorer that behaves as its trainer defines it."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from tests import needs_context_scorer as model


def _read(text: str, earlier: tuple[str, ...] = (), bot: tuple[str, ...] | None = None) -> dict:
    probs = model.probabilities(text, earlier, bot, len(earlier) + 1)
    return dict(zip(model.CLASSES, probs, strict=True))


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("someone has taken 700 pounds out of my account and it wasn't me", "fraud"),
        ("I need to speak to a human please", "person"),
        ("my husband died last month and I don't know what to do with his account", "vulnerable"),
        ("I want to make a formal complaint about how I was treated in branch", "complaint"),
    ],
)
def test_clear_first_messages_read_as_their_team(text: str, need: str) -> None:
    assert model.predict(text) == (need, pytest.approx(_read(text)[need]))
    assert _read(text)[need] >= 0.9


@pytest.mark.parametrize(
    "text",
    [
        "what's your phone number",  # a number to ring, not a request for a person
        "what's the phone number for the DVLA",
        "how do I report a scam email",  # a calm question with a scary word
    ],
)
def test_calm_questions_with_alarming_words_stay_with_the_bot(text: str) -> None:
    assert _read(text)["bot"] >= 0.8


def test_a_closing_after_a_routine_question_stays_with_the_bot() -> None:
    read = _read("thanks that's sorted, have a good day", ("how do I order a new card",), ())
    assert read["bot"] >= 0.95


def test_the_same_words_read_differently_after_a_failure() -> None:
    after_failures = _read(
        "still not working",
        ("my card keeps getting declined", "I tried that already"),
        model.bot_flags("Sorry, I didn't get that."),
    )
    after_help = _read("still not working", ("my card keeps getting declined",), ("link",))
    assert after_failures["person"] > 5 * after_help["person"]


def test_a_yes_after_a_scam_story_is_read_with_the_story() -> None:
    story = "I got a text saying my account was frozen and I clicked the link and gave my details"
    after_story = _read("yes", (story,), ("question",))
    after_faq = _read("yes", ("what time do branches open on saturday",), ("question",))
    assert after_story["fraud"] > 10 * after_faq["fraud"]


def test_bot_flags() -> None:
    assert model.bot_flags("", failed=True) == ("sorry",)
    assert model.bot_flags("Sorry, I didn't understand. Could you rephrase?") == (
        "sorry",
        "question",
    )
    assert model.bot_flags("Here you go: www.example.co.uk/cards") == ("link",)
    assert model.bot_flags("Your card is on its way.") == ()


def test_scorer_computes_the_trainers_features() -> None:
    """probabilities() (word by word, cached) equals the model applied to features()."""
    earlier, bot, text = ("my card was declined",), ("sorry",), "this is the third time!!"
    weights, intercepts = model._model()
    counts = Counter(model.features(text, earlier, bot, 2))
    scale = 1 / math.sqrt(sum(counts.values()))
    logits = [
        b + scale * sum(column[k] * n for k, n in counts.items())
        for column, b in zip(weights, intercepts, strict=True)
    ]
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    expected = [e / sum(exps) for e in exps]
    assert model.probabilities(text, earlier, bot, 2) == pytest.approx(expected, abs=1e-9)
