"""Quality against human labels: VADER's accuracy is kept; frustration beats raw VADER.

Two real data sets: the VADER paper's 4,200 tweets rated by 20 humans each
(``tests/data/vader``), and a blind-labelled set of support messages
(``tests/data/frustration``). Run with ``-s`` to see the numbers.
"""

from __future__ import annotations

import csv
import functools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from handoff.signals import learned
from handoff.signals.text import FRUSTRATION_THRESHOLD, analyze_text

DATA = Path(__file__).resolve().parent / "data"
TWEETS = DATA / "vader" / "tweets_GroundTruth.txt"
SUPPORT = DATA / "frustration" / "support_messages.tsv"
# VADER's own cut-off for "negative" (Hutto & Gilbert 2014).
VADER_NEGATIVE = -0.05


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC AUC as the Mann-Whitney U statistic: the chance a positive outranks a negative.

    Ties share their average rank, so a tie between a positive and a negative counts half.
    """
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1  # ranks are 1-based
        i = j + 1
    positives = sum(labels)
    negatives = len(labels) - positives
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y == 1)
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def rates(flags: Sequence[bool], labels: Sequence[int]) -> tuple[float, float, float]:
    """(recall, false positive rate, precision) of boolean predictions."""
    tp = sum(f and y == 1 for f, y in zip(flags, labels, strict=True))
    fp = sum(f and y == 0 for f, y in zip(flags, labels, strict=True))
    positives = sum(labels)
    negatives = len(labels) - positives
    precision = tp / (tp + fp) if tp + fp else 0.0
    return tp / positives, fp / negatives, precision


class TestAuc:
    """The AUC helper itself."""

    def test_known_values(self) -> None:
        """Perfect, reversed, tied and textbook cases."""
        assert auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1]) == 1.0
        assert auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1]) == 0.0
        assert auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1]) == 0.5
        # 3 positives x 2 negatives = 6 pairs; 5 won (0.35 loses to 0.4)
        assert auc([0.1, 0.4, 0.35, 0.8, 0.9], [0, 0, 1, 1, 1]) == pytest.approx(5 / 6)


class TestVaderTweets:
    """The sentiment signal keeps VADER's agreement with human raters."""

    def test_correlation_with_humans(self) -> None:
        """Pearson r between sentiment and the human mean is at least 0.85 (paper: 0.881)."""
        human: list[float] = []
        ours: list[float] = []
        with TWEETS.open(encoding="utf-8", newline="") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                human.append(float(row[1]))
                ours.append(analyze_text(row[2]).sentiment)
        r = statistics.correlation(ours, human)
        print(f"\nVADER tweets: n={len(human)} Pearson r={r:.4f}")
        assert len(human) == 4200
        assert r >= 0.85


@dataclass(frozen=True)
class Half:
    """Scores of one half of the labelled support messages."""

    labels: tuple[int, ...]
    frustration: tuple[float, ...]
    sentiment: tuple[float, ...]  # raw VADER compound: the baseline, before sarcasm handling

    def ours_at(self, threshold: float) -> tuple[float, float, float]:
        return rates([s >= threshold for s in self.frustration], self.labels)

    def vader(self) -> tuple[float, float, float]:
        return rates([s <= VADER_NEGATIVE for s in self.sentiment], self.labels)


def _half(rows: list[dict[str, str]], parity: int) -> Half:
    chosen = [r for r in rows if int(r["id"][2:]) % 2 == parity]
    results = [analyze_text(r["text"]) for r in chosen]
    return Half(
        labels=tuple(int(r["label"]) for r in chosen),
        frustration=tuple(a.frustration for a in results),
        sentiment=tuple(_vader(r["text"]) for r in chosen),
    )


def _vader(text: str) -> float:
    """Raw VADER, as published: the signal reads sarcastic praise as negative, VADER does not."""
    return float(_vader_analyzer().polarity_scores(text)["compound"])


@functools.cache
def _vader_analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: PLC0415

    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def halves() -> tuple[Half, Half]:
    """(dev, test): odd ids choose the threshold, even ids report on it."""
    with SUPPORT.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert (len(rows), sum(int(r["label"]) for r in rows)) == (246, 119)
    dev, test = _half(rows, 1), _half(rows, 0)
    for name, half in (("dev (odd ids)", dev), ("test (even ids)", test)):
        recall, fpr, precision = half.ours_at(FRUSTRATION_THRESHOLD)
        v_recall, v_fpr, v_precision = half.vader()
        print(
            f"\n{name}: n={len(half.labels)} frustrated={sum(half.labels)}"
            f"\n  frustration AUC={auc(half.frustration, half.labels):.3f}"
            f"  at >= {FRUSTRATION_THRESHOLD}: recall={recall:.3f} FPR={fpr:.3f}"
            f" precision={precision:.3f}"
            f"\n  VADER (-compound) AUC={auc([-s for s in half.sentiment], half.labels):.3f}"
            f"  at <= {VADER_NEGATIVE}: recall={v_recall:.3f} FPR={v_fpr:.3f}"
            f" precision={v_precision:.3f}"
        )
    return dev, test


class TestFrustrationSet:
    """Frustration separates frustrated support messages better than VADER negativity.

    The lexicon was designed blind to this set, then tuned once after one measurement on the
    whole set (see handoff/signals/lexicon.py), so AUCs are slightly optimistic. The blend with
    the learned model and the default threshold are fitted on the odd-id half only (the
    threshold: the lowest 0.05-grid value with FPR <= 0.10 there) and judged on the even-id
    half, which played no part in choosing them. The held-out set, measured once after every
    choice was made, is in tests/test_frustration_heldout.py.
    """

    def test_threshold_is_chosen_on_the_dev_half(self) -> None:
        """FRUSTRATION_THRESHOLD follows the rule on the dev halves (this set's odd half and the
        written set's), scored out of fold: the word model trains on those messages, so their
        in-sample scores would set it too low. The training script derives it and stores it
        in the model file (tests/test_frustration_heldout.py re-derives it by retraining)."""
        assert learned.load().thresholds["combined"] == FRUSTRATION_THRESHOLD

    def test_beats_vader_ranking(self, halves: tuple[Half, Half]) -> None:
        """On the held-out half, frustration's AUC exceeds VADER negativity's by > 0.1."""
        _, test = halves
        ours = auc(test.frustration, test.labels)
        vader = auc([-s for s in test.sentiment], test.labels)
        assert ours > vader + 0.1

    def test_beats_vader_at_default_thresholds(self, halves: tuple[Half, Half]) -> None:
        """Even half: many more frustrated customers caught than VADER, no more calm ones flagged.

        (Measured: recall 0.844 vs VADER's 0.406, both at FPR 0.186 on this half's 59 calm
        messages; on the held-out set the blend's FPR is lower than VADER's.)
        """
        _, test = halves
        recall, fpr, _ = test.ours_at(FRUSTRATION_THRESHOLD)
        v_recall, v_fpr, _ = test.vader()
        assert recall > v_recall + 0.3
        assert fpr <= v_fpr

    def test_held_out_level(self, halves: tuple[Half, Half]) -> None:
        """Guard the measured level on the even half: AUC >= 0.88, recall >= 0.8 at FPR <= 0.2.

        Measured with the learned model: AUC 0.910, recall 0.844, FPR 0.186 (lexicon alone
        at its own threshold: AUC 0.810, recall 0.609, FPR 0.068).
        """
        _, test = halves
        recall, fpr, _ = test.ours_at(FRUSTRATION_THRESHOLD)
        assert auc(test.frustration, test.labels) >= 0.88
        assert recall >= 0.8
        assert fpr <= 0.2
