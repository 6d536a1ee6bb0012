"""A small text model of who a customer's latest message should reach (issue 11, round 12).

One multinomial logistic regression over hashed features of the message: its words, word
pairs and character n-grams within words (typos, inflections, other languages). Trained by
``tests/needs_model.py`` on ``tests/data/needs_corpus/`` (single messages labelled by four
independent writers blind to the repository) plus calm banking77 and CLINC150 questions;
the weights file (``needs_model.json.gz``) holds the weights of the hashed buckets seen in
training. Classes: ``bot``, ``person``, ``fraud``, ``vulnerable``, ``complaint``,
``frustrated`` (meanings in the corpus README).

:func:`predict` returns the top class and its probability; pure Python, cached by text.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
import zlib
from array import array
from pathlib import Path

__all__ = ["CLASSES", "MODEL_PATH", "features", "predict", "probabilities"]

MODEL_PATH = Path(__file__).with_name("needs_model.json.gz")
CLASSES = ("bot", "person", "fraud", "vulnerable", "complaint", "frustrated")
BUCKETS = 1 << 18
CHAR_N = (3, 5)  # character n-grams within "<word>", of these lengths
MAX_CHARS = 600  # only the start of a very long message is read (cost bound)
_WORD = re.compile(r"\w+", re.UNICODE)


def features(text: str) -> list[int]:
    """The hashed buckets of ``text``'s features (repeats kept: counts)."""
    words = _WORD.findall(text[:MAX_CHARS].lower())
    keys = [*words, *(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))]
    for word in words:
        padded = f"<{word}>"
        size = len(padded)
        for n in CHAR_N:
            if size > n:
                keys.extend("#" + padded[i : i + n] for i in range(size - n + 1))
    mask = BUCKETS - 1
    return [zlib.crc32(key.encode()) & mask for key in keys]


@functools.cache
def _model() -> tuple[tuple[array, ...], tuple[float, ...], float]:
    """Per class: bucket weights (dense array), intercepts, and the features' scale."""
    with gzip.open(MODEL_PATH, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if tuple(data["classes"]) != CLASSES or data["buckets"] != BUCKETS:
        raise ValueError(f"{MODEL_PATH.name} does not match handoff.signals.needs")
    weights = tuple(array("d", bytes(8 * BUCKETS)) for _ in CLASSES)
    scale = 10 ** -data["decimals"]
    for bucket, row in data["weights"].items():
        index = int(bucket)
        for column, value in zip(weights, row, strict=True):
            column[index] = value * scale
    return weights, tuple(data["intercepts"]), float(data["norm"])


@functools.lru_cache(maxsize=4096)
def probabilities(text: str) -> tuple[float, ...]:
    """The probability of each class in CLASSES for one message."""
    weights, intercepts, norm = _model()
    buckets = features(text)
    # Rows are scaled to unit length (norm "l2") as in training.
    count = len(buckets)
    if not count:
        return tuple(1.0 if c == "bot" else 0.0 for c in CLASSES)
    scale = 1.0 / math.sqrt(count) if norm else 1.0
    logits = [
        b + scale * sum(map(w.__getitem__, buckets))
        for w, b in zip(weights, intercepts, strict=True)
    ]
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    return tuple(e / total for e in exps)


@functools.lru_cache(maxsize=4096)
def predict(text: str) -> tuple[str, float]:
    """The most likely class of one message and its probability."""
    probs = probabilities(text)
    best = max(range(len(CLASSES)), key=probs.__getitem__)
    return CLASSES[best], probs[best]
