"""The blend's shape inputs (handoff.signals.learned.shape) and what they fix.

The word model learns from Reddit comments and calm queries, which hold almost no customer
counting their attempts, curt demand or complaint without a trigger word; the shapes give the
blend those patterns directly. The phrases here are written for this test (none comes from
an evaluation set).
"""

from __future__ import annotations

import pytest

from handoff.signals import learned
from handoff.signals.text import FRUSTRATION_THRESHOLD, _words, analyze_text, blend_inputs


def _shape(text: str) -> dict[str, float]:
    return dict(zip(learned.SHAPES, learned.shape(text, _words(text), 1.0), strict=True))


class TestShape:
    @pytest.mark.parametrize(
        "text",
        [
            "This is the 3rd time I have asked",
            "I have asked four times now",
            "second week and no card",
            "you asked me that twice",
            "once again the transfer failed",
            "how many more times do I need to send it",
        ],
    )
    def test_counting(self, text: str) -> None:
        assert _shape(text)["count"] == 1.0

    @pytest.mark.parametrize(
        "text",
        ["Can I order a second card for my partner?", "What time is it in Tokyo?", "hi"],
    )
    def test_not_counting(self, text: str) -> None:
        assert _shape(text)["count"] == 0.0

    @pytest.mark.parametrize(
        ("text", "shape"),
        [
            ("I've been waiting 2 weeks", "duration"),
            ("no reply since Monday", "duration"),
            ("nobody called me back", "nothing"),
            ("still nothing", "still"),
            ("answer me", "short"),
            ("How do I top up?", "question"),
            ("Can you help", "you"),
        ],
    )
    def test_each_shape(self, text: str, shape: str) -> None:
        assert _shape(text)[shape] == 1.0

    def test_short_model_is_the_crossing(self) -> None:
        words = _words("answer me")
        assert learned.shape("answer me", words, -2.0)[-1] == -2.0
        assert learned.shape("please answer me when you can", _words("x " * 6), -2.0)[-1] == 0.0

    def test_shipped_blend_has_one_weight_per_shape(self) -> None:
        assert len(learned.load().blend.shapes) == len(learned.SHAPES)

    def test_blend_inputs_are_what_the_score_blends(self) -> None:
        text = "third time I'm asking, where is my refund"
        lexicon_score, logit, shape = blend_inputs(text)
        assert analyze_text(text).frustration == pytest.approx(
            learned.blend(lexicon_score, logit, shapes=shape)
        )


class TestWhatTheShapesFix:
    """The kinds issue 11 names, flagged at the default threshold; calm look-alikes not."""

    @pytest.mark.parametrize(
        "text",
        [
            "This is the 3rd time I have asked about this",
            "I have asked four times now",
            "second time this week the app has failed me",
            "still nothing from you",
            "it is the third week and no card",
            "nobody has called me back",
            "reply to me",
            "Get me a person now",
        ],
    )
    def test_flagged(self, text: str) -> None:
        assert analyze_text(text).frustration >= FRUSTRATION_THRESHOLD

    @pytest.mark.parametrize(
        "text",
        [
            "nope",
            "No thanks",
            "ok",
            "hi there",
            "How many times can I withdraw cash per day?",
            "Can I order a second card for my partner?",
            "Is my payment still pending?",
            "I was charged twice, can you check?",
        ],
    )
    def test_calm_not_flagged(self, text: str) -> None:
        assert analyze_text(text).frustration < FRUSTRATION_THRESHOLD


@pytest.mark.parametrize(
    "text",
    ["third time I'm asking", "How do I top up?", "Dzień dobry, chcę rozmawiać", "", "no"],
)
def test_logit_and_knows_is_both_at_once(text: str) -> None:
    """The analyser's one-pass helper gives exactly what the two separate functions give."""
    words = _words(text)
    assert learned.logit_and_knows(words) == (
        learned.model_logit(words),
        learned.knows(words),
    )
