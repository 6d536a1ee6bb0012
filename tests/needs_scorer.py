"""A small text model of who a customer's message should reach (issue 11, round 12).

One multinomial logistic regression over hashed features of the message: its words, word
pairs and character n-grams within words (typos, inflections, other languages). Trained by
``tests/needs_model.py`` on ``tests/data/needs_corpus/`` (single messages labelled by seven
independent writers blind to the repository) plus calm banking77 and CLINC150 questions and
the example bot's greetings and thanks; the weights file (``needs_model.json.gz``) holds the
weights of the hashed buckets seen in training. Classes: ``bot``, ``person``, ``fraud``,
``vulnerable``, ``complaint``, ``frustrated`` (meanings in the corpus README).

Not part of the package and not used by the engine: round 12 measured rules reading it on
the routing sets, and its probabilities as escalation-model features, and shipped neither
(tests/needs_model.py and tests/escalation_model.py record the findings). It is kept, with
its training script, for the next attempt. :func:`predict` returns the top class and its
probability; pure Python, cached by text.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import math
import re
import zlib
from array import array
from pathlib import Path

__all__ = ["CLASSES", "MODEL_PATH", "features", "predict", "probabilities"]

MODEL_PATH = Path(__file__).parent / "data" / "needs_corpus" / "needs_model.json.gz"
CLASSES = ("bot", "person", "fraud", "vulnerable", "complaint", "frustrated")
BUCKETS = 1 << 18
CHAR_N = (3, 5)  # character n-grams within "<word>", of these lengths
MAX_CHARS = 600  # only the start of a very long message is read (cost bound)
_WORD = re.compile(r"\w+", re.UNICODE)


def _word_keys(word: str) -> list[str]:
    """A word's own features: the word and its character n-grams within "<word>"."""
    keys = [word]
    padded = f"<{word}>"
    size = len(padded)
    for n in CHAR_N:
        if size > n:
            keys.extend("#" + padded[i : i + n] for i in range(size - n + 1))
    return keys


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode()) & (BUCKETS - 1)


def _words(text: str) -> list[str]:
    return _WORD.findall(text[:MAX_CHARS].lower())


def features(text: str) -> list[int]:
    """The hashed buckets of ``text``'s features (repeats kept: counts): each word and its
    character n-grams, and each pair of adjacent words. The training script's definition;
    :func:`probabilities` computes the same model word by word."""
    words = _words(text)
    keys = [key for word in words for key in _word_keys(word)]
    keys.extend(f"{a} {b}" for a, b in itertools.pairwise(words))
    return [_bucket(key) for key in keys]


def load_weights(
    path: Path, classes: tuple[str, ...]
) -> tuple[tuple[array[float], ...], tuple[float, ...]]:
    """A weights file written by a trainer of this feature family (this model's, or round
    13's context model's): per class, bucket weights (dense, float32: 1 MiB per class) and
    intercepts. A file for other classes, buckets or n-grams is refused."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    if (
        tuple(data["classes"]) != classes
        or data["buckets"] != BUCKETS
        or tuple(data["char_n"]) != CHAR_N
    ):
        raise ValueError(f"{path.name} does not match the scorer that reads it")
    weights = tuple(array("f", bytes(4 * BUCKETS)) for _ in classes)
    scale = 10 ** -data["decimals"]
    for bucket, row in data["weights"].items():
        index = int(bucket)
        for column, value in zip(weights, row, strict=True):
            column[index] = value * scale
    return weights, tuple(data["intercepts"])


@functools.cache
def _model() -> tuple[tuple[array[float], ...], tuple[float, ...]]:
    return load_weights(MODEL_PATH, CLASSES)


@functools.lru_cache(maxsize=1 << 15)
def _word(word: str) -> tuple[int, tuple[float, ...]]:
    """A word's feature count and its features' summed weight per class (the model is
    linear, so a word's share of every logit is fixed: computed once per word)."""
    weights = _model()[0]
    buckets = [_bucket(key) for key in _word_keys(word)]
    return len(buckets), tuple(sum(map(column.__getitem__, buckets)) for column in weights)


@functools.lru_cache(maxsize=4096)
def probabilities(text: str) -> tuple[float, ...]:
    """The probability of each class in CLASSES for one message. Features are counts scaled
    by 1/sqrt(their number), as in training."""
    words = _words(text)
    if not words:
        return tuple(1.0 if c == "bot" else 0.0 for c in CLASSES)
    weights, intercepts = _model()
    parts = [_word(word) for word in words]
    pairs = [_bucket(f"{a} {b}") for a, b in itertools.pairwise(words)]
    return softmax(weights, intercepts, parts, pairs)


def softmax(
    weights: tuple[array[float], ...],
    intercepts: tuple[float, ...],
    parts: list[tuple[int, tuple[float, ...]]],
    others: list[int],
) -> tuple[float, ...]:
    """Class probabilities from per-word parts (feature count, share of each logit) and
    the other buckets (pairs, context keys), features scaled by 1/sqrt(their number) as in
    training. Shared by this scorer and round 13's context scorer."""
    scale = 1.0 / math.sqrt(sum(count for count, _ in parts) + len(others))
    shares = zip(*(share for _, share in parts), strict=True) if parts else ((),) * len(weights)
    logits = [
        b + scale * (sum(share) + sum(map(column.__getitem__, others)))
        for column, b, share in zip(weights, intercepts, shares, strict=True)
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
