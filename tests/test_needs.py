"""The text model of who a message should reach (tests/needs_scorer.py) and its signals.

The messages below are written for these tests (none is from the corpus or a routing set):
clear cases any careful bank agrees on, checked as the top reading or wide bands, so that a
refit that still behaves sensibly passes.
"""

from __future__ import annotations

import gzip
import json
import math

import pytest

from tests import needs_scorer as needs


def test_the_weights_file_matches_the_scorer() -> None:
    with gzip.open(needs.MODEL_PATH, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    assert tuple(data["classes"]) == needs.CLASSES
    assert data["buckets"] == needs.BUCKETS
    assert tuple(data["char_n"]) == needs.CHAR_N
    assert data["provenance"]["script"] == "tests/needs_model.py"


@pytest.mark.parametrize(
    ("text", "need"),
    [
        ("can I speak to an actual human being please", "person"),
        ("what time do your branches open on a saturday", "bot"),
        ("thanks, that's all sorted", "bot"),
        ("there are three payments on my card I never made, someone's using it", "fraud"),
        ("I'm going to the financial ombudsman about this", "complaint"),
    ],
)
def test_clear_messages_read_as_expected(text: str, need: str) -> None:
    assert needs.predict(text)[0] == need


def test_probabilities_are_a_distribution() -> None:
    probs = needs.probabilities("my husband died last month and I don't know what to do")
    assert len(probs) == len(needs.CLASSES)
    assert math.isclose(sum(probs), 1.0)
    assert probs[needs.CLASSES.index("vulnerable")] == max(probs)


def test_empty_and_symbol_only_text_reads_bot() -> None:
    assert needs.predict("")[0] == "bot"
    assert needs.predict("?!")[0] == "bot"


def test_features_are_deterministic_and_bounded() -> None:
    text = "Hello, I was wondering about my card " * 100
    assert needs.features(text) == needs.features(text)
    assert all(0 <= b < needs.BUCKETS for b in needs.features(text))
    # Only the first MAX_CHARS characters are read: cost bounded for a very long message.
    assert needs.features(text) == needs.features(text[: needs.MAX_CHARS])


def test_the_word_by_word_scorer_equals_the_training_features() -> None:
    """probabilities() sums each word's share; training reads features(): the same model."""
    weights, intercepts = needs._model()
    for text in ("Hello hello, my card card is BLOCKED again!!", "zapłaciłem 500 zł oszustowi"):
        buckets = needs.features(text)
        scale = 1.0 / math.sqrt(len(buckets))
        logits = [
            b + scale * sum(w[i] for i in buckets) for w, b in zip(weights, intercepts, strict=True)
        ]
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        expected = [e / sum(exps) for e in exps]
        got = needs.probabilities(text)
        assert all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(got, expected, strict=True))


def test_the_routing_measure_never_reads_a_blind_set() -> None:
    """tests/needs_model.py routes the tuning sets and the check set only."""
    from tests import needs_model  # noqa: PLC0415

    names = {*needs_model.ROUTING_SETS, needs_model.CHECK_SET}
    assert not names & {
        "holdout9",
        "holdout10",
        "holdout11",
        "holdout12",
        "holdout13",
        "holdout14",
        "holdout15",
        "holdout16",
        "holdout17",
        "holdout18",
        "holdout19",
        "holdout20",
        "holdout21",
        "holdout22",
    }
    assert all((needs_model.DATA / f"routing_{n}").is_dir() or n in {"dev", "eval"} for n in names)
