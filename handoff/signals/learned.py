"""The learned part of the frustration score: a linear model on words, blended with the lexicon.

The lexicon (:mod:`handoff.signals.lexicon`) only fires on phrases someone thought of; a
complaint in other words, a customer counting their attempts or a curt "Now." scores 0. This
module adds a logistic regression over the message's lower-cased words and word pairs, trained
offline on GoEmotions (Reddit comments labelled anger / annoyance / disappointment /
disapproval = 1, any other emotion = 0; Apache-2.0) with calm customer-service and assistant
queries from BANKING77 (CC-BY-4.0) and CLINC150 (CC-BY-3.0) added as 0, so that ordinary
banking words ("card", "transfer", "pending") do not read as anger. A second, tiny logistic
regression (the *blend*) turns the lexicon's score and the model's log-odds into the 0..1
frustration score; it was fitted on the odd-id half of ``tests/data/frustration``.

Everything is plain data in ``frustration_model.json.gz`` beside this file (weights rounded to
4 decimals), read once on first use; scoring is a few dictionary look-ups per word, in plain
Python. The data, the training script and its provenance are in ``tests/data/frustration_train``
(``train.py`` rebuilds the file exactly; ``tests/test_frustration_learned.py`` checks it).
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "MODEL_PATH",
    "SHAPES",
    "SHRINK",
    "Blend",
    "LearnedModel",
    "blend",
    "features",
    "knows",
    "load",
    "model_logit",
    "shape",
]

MODEL_PATH = Path(__file__).with_name("frustration_model.json.gz")
# Pseudo-features added to every message's count before scaling (see model_logit).
SHRINK = 4
# Log-odds beyond this add nothing to a probability and would overflow exp().
_LOGIT_LIMIT = 30.0


# Shapes of a support complaint the word model cannot learn from its Reddit and query data,
# each 1.0 when the message has it: counting or pointing at repetition ("third time", "asked
# 4 times", "again", "already"), a stated duration ("2 weeks", "since Monday"), nothing
# happening ("nothing", "nobody", "never"), "still"/"yet"/"waiting", a short message (at most
# three words), a question mark (calm questions ask), and addressing the company ("you").
_COUNT_RE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|multiple|countless"
    r"|how many)\s+(?:more\s+)?(?:times|emails|calls|chats|messages|agents|departments"
    r"|attempts|tries|people)\b"
    r"|\b(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+(?:time|week|day|email|call"
    r"|chat|message|attempt|month|agent)\b"
    r"|\btwice\b|\bonce again\b|\bagain\b|\balready\b|\bkeeps?\b|\bevery (?:single )?time\b"
    r"|\brepeat"
)
_DURATION_RE = re.compile(
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|few|couple of|several)"
    r"\s+(?:more\s+)?(?:minutes?|mins|hours?|hrs|days?|weeks?|months?|fortnight)\b"
    r"|\bsince\b|\bfortnight\b|\bforever\b|\bages\b"
)
_NOTHING_RE = re.compile(r"\b(?:nothing|nobody|no one|noone|never|none|nowhere)\b")
_STILL_RE = re.compile(r"\bstill\b|\byet\b|\bwaiting\b")
_YOU = frozenset({"you", "your", "you're", "u"})
_SHORT_WORDS = 3
SHAPES = ("count", "duration", "nothing", "still", "short", "question", "you", "short_model")


def shape(text: str, words: Sequence[str], logit: float) -> tuple[float, ...]:
    """The blend's shape inputs (:data:`SHAPES`, in order) of a message: ``text`` as analysed,
    ``words`` its lower-cased tokens, ``logit`` the word model's log-odds (``short_model``
    is it times ``short``: on a one- to three-word reply the word model's evidence is one
    Reddit word's, and the blend learns how far to trust that)."""
    lowered = text.lower()
    short = float(sum(1 for w in words if w[0].isalnum()) <= _SHORT_WORDS)
    return (
        float(_COUNT_RE.search(lowered) is not None),
        float(_DURATION_RE.search(lowered) is not None),
        float(_NOTHING_RE.search(lowered) is not None),
        float(_STILL_RE.search(lowered) is not None),
        short,
        float("?" in text),
        float(any(w in _YOU for w in words)),
        short * logit,
    )


def features(words: Sequence[str]) -> set[str]:
    """The model's features of a message: its lower-cased words and adjacent word pairs.

    ``words`` are the message's tokens as the lexicon splits them (words with contractions,
    single punctuation marks), already lower-cased. Presence counts, not frequency.
    """
    found = set(words)
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return found


@dataclass(frozen=True)
class Blend:
    """``sigmoid(intercept + lexicon * lexicon_score + model * model_logit + shapes . shape)``
    (``shapes``: one weight per :data:`SHAPES` entry, or none)."""

    intercept: float
    lexicon: float
    model: float
    shapes: tuple[float, ...] = ()


@dataclass(frozen=True)
class LearnedModel:
    """The shipped weights: a bias, one weight per feature, and the blend."""

    bias: float
    weights: dict[str, float]
    blend: Blend
    # Where the blended score and the word model alone (as a probability) count as
    # "frustrated", fixed by the training script (see FRUSTRATION_THRESHOLD in text.py).
    thresholds: dict[str, float] = field(default_factory=dict)


def load(path: Path = MODEL_PATH) -> LearnedModel:
    """Read a model file written by ``tests/data/frustration_train/train.py``."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    return LearnedModel(
        bias=float(data["bias"]),
        weights={str(k): float(v) for k, v in data["weights"].items()},
        blend=Blend(
            intercept=float(data["blend"]["intercept"]),
            lexicon=float(data["blend"]["lexicon"]),
            model=float(data["blend"]["model"]),
            shapes=tuple(float(data["blend"]["shapes"][k]) for k in SHAPES),
        ),
        thresholds={str(k): float(v) for k, v in data.get("thresholds", {}).items()},
    )


@functools.cache
def _shipped() -> LearnedModel:
    """The bundled model, loaded on the first message (~0.1 s), then shared read-only."""
    return load()


def model_logit(words: Sequence[str], model: LearnedModel | None = None) -> float:
    """The linear model's log-odds that a message with these lower-cased tokens is frustrated.

    Each present feature counts ``1 / sqrt(n + SHRINK)`` (``n`` = the message's features):
    long messages do not pile up evidence, and a one- or two-word reply ("no", "ok") is
    pulled towards the prior instead of carrying a single word's full weight.
    """
    m = model or _shipped()
    weights = m.weights
    found = features(words)
    total = sum(weights.get(f, 0.0) for f in found)
    return m.bias + total / math.sqrt(len(found) + SHRINK)


def knows(words: Sequence[str], model: LearnedModel | None = None) -> bool:
    """Whether the model knows at least half of these tokens' features. A message mostly in
    words it never saw (another language, codes) gets little more than the prior from it,
    which is no evidence: the frustration score then rests on the lexicon alone."""
    weights = (model or _shipped()).weights
    found = features(words)
    return bool(found) and 2 * sum(f in weights for f in found) >= len(found)


def blend(
    lexicon_score: float,
    logit: float,
    model: LearnedModel | None = None,
    shapes: Sequence[float] = (),
) -> float:
    """The 0..1 frustration score from the lexicon's score, the model's log-odds and the
    message's :func:`shape` (omitted: the shapes add nothing)."""
    b = (model or _shipped()).blend
    z = b.intercept + b.lexicon * lexicon_score + b.model * logit
    z += sum(w * x for w, x in zip(b.shapes, shapes, strict=False))
    z = max(-_LOGIT_LIMIT, min(_LOGIT_LIMIT, z))
    return 1.0 / (1.0 + math.exp(-z))
