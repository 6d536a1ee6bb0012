"""The one rule that fixes a frustration threshold on tuning data.

The lowest value of a 0.05 grid whose false-positive rate is at most 0.10: the most recall
the false-positive budget allows. The training script (tests/data/frustration_train/train.py)
fixes the blend's and the word model's thresholds with it on out-of-fold scores of the
support messages it tunes on; tests/frustration_eval.py fixes the lexicon's and checks the
others with it. Never applied to the held-out set.
"""

from __future__ import annotations

from collections.abc import Iterable

GRID = tuple(round(0.05 * i, 2) for i in range(1, 20))
MAX_FPR = 0.10


def lowest_threshold(scores: Iterable[float], labels: Iterable[int]) -> float:
    """The lowest GRID value whose false-positive rate on (scores, labels) is at most MAX_FPR."""
    negatives = [float(s) for s, y in zip(scores, labels, strict=True) if int(y) == 0]
    return min(t for t in GRID if sum(s >= t for s in negatives) <= MAX_FPR * len(negatives))
