"""The learned part of the frustration score: a linear model on words, blended with the lexicon.

The lexicon (:mod:`handoff.signals.lexicon`) only fires on phrases someone thought of; a
complaint in other words, a customer counting their attempts or a curt "Now." scores 0. This
module adds a logistic regression over the message's lower-cased words and word pairs, trained
offline on GoEmotions (Reddit comments labelled anger / annoyance / disappointment = 1, any
other emotion, disapproval alone included, = 0; Apache-2.0) with calm customer-service and
assistant queries from BANKING77 (CC-BY-4.0) and CLINC150 (CC-BY-3.0) added as 0, so that
ordinary banking words ("card", "transfer", "pending") do not read as anger, and labelled
support messages (half of the project's two written/real support sets) counting five times.
A second, small logistic regression (the *blend*) turns the lexicon's score, the model's
log-odds and the message's :func:`shape` (counting, durations, "nothing", "still", short,
question, "you") into the 0..1 frustration score; it was fitted out of fold on those support
messages (see ``tests/data/frustration_train/README.md``).

Everything is plain data in ``frustration_model.json.gz`` beside this file (weights rounded to
4 decimals), read once on first use; scoring is a few dictionary look-ups per word, in plain
Python. The data, the training script and its provenance are in ``tests/data/frustration_train``
(``train.py`` rebuilds the file exactly; ``tests/test_frustration_heldout.py`` checks it).
"""

from __future__ import annotations

import functools
import gzip
import itertools
import json
import math
import operator
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
    "logit_and_knows",
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
# Read from the message's tokens with set look-ups (a regular expression per shape cost
# about four times as much).
_NUMBERS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
    | {"several", "many", "multiple", "countless"}
)
_COUNTED = frozenset(
    {"times", "emails", "calls", "chats", "messages", "agents", "departments", "attempts"}
    | {"tries", "people"}
)
_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "sixth"})
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
_ORDINAL_OF = frozenset(
    {"time", "week", "day", "email", "call", "chat", "message", "attempt", "month", "agent"}
)
_COUNT_STARTS = _NUMBERS | _ORDINALS | {"every"}
_DIGIT = re.compile(r"\d")
_REPEATING = frozenset({"twice", "again", "already", "keep", "keeps"})
_AMOUNTS = _NUMBERS - {"many", "multiple", "countless"} | {"a", "an", "one", "few"}
_UNITS = frozenset(
    {"minute", "minutes", "mins", "hour", "hours", "hrs", "day", "days", "week", "weeks"}
    | {"month", "months", "fortnight"}
)
_SINCE = frozenset({"since", "fortnight", "forever", "ages"})
_NOTHING = frozenset({"nothing", "nobody", "noone", "never", "none", "nowhere"})
_STILL = frozenset({"still", "yet", "waiting"})
_YOU = frozenset({"you", "your", "you're", "u"})
_SHORT_WORDS = 3
SHAPES = ("count", "duration", "nothing", "still", "short", "question", "you", "short_model")


def _counts(words: Sequence[str], present: set[str], joined: str) -> bool:
    """Counting or pointing at repetition: "3 times", "how many more calls", "third week",
    "2nd time", "twice", "again", "already", "keeps", "every (single) time", "repeat...".
    ``present``: the words, each cut at its apostrophe; ``joined``: the words, space-separated."""
    if not present.isdisjoint(_REPEATING):
        return True
    if present.isdisjoint(_COUNT_STARTS) and "repeat" not in joined and not _DIGIT.search(joined):
        return False  # the common case: nothing to look at in order
    for i, word in enumerate(words):
        if word.startswith("repeat"):
            return True
        counting = word.isdigit() or word in _NUMBERS
        # \d is a decimal digit, which str.isdigit() accepts too: a word not starting with
        # one cannot be "2nd", so most words skip the regex.
        ordinal = word in _ORDINALS or (word[0].isdigit() and _ORDINAL_RE.fullmatch(word))
        if not (counting or ordinal or word == "every"):
            continue  # only these words start a count: skip building what follows them
        after = [w.partition("'")[0] for w in words[i + 1 : i + 3]]
        if not after:
            continue
        nxt = after[1] if after[0] == "more" and len(after) > 1 else after[0]
        if counting and nxt in _COUNTED:
            return True
        if ordinal and after[0] in _ORDINAL_OF:
            return True
        if word == "every" and (after[0] == "time" or after == ["single", "time"]):
            return True
    return False


def _lasts(words: Sequence[str], present: set[str]) -> bool:
    """A stated duration: "2 weeks", "a few more days", "a couple of months", "since"."""
    if not present.isdisjoint(_SINCE):
        return True
    if present.isdisjoint(_UNITS):
        return False  # the common case: no unit of time at all
    for i, word in enumerate(words):
        start = i + 1
        if word == "couple" and words[start : start + 1] == ["of"]:
            start += 1  # "a couple of days" counts as "a ... days"
        elif not (word.isdigit() or word in _AMOUNTS):
            continue
        after = words[start : start + 2]
        if after[:1] == ["more"]:
            after = after[1:]
        if after and after[0].partition("'")[0] in _UNITS:
            return True
    return False


def _short(words: Sequence[str]) -> bool:
    """At most _SHORT_WORDS words (punctuation marks do not count); stops at the one past."""
    seen = 0
    for word in words:
        if word[0].isalnum():
            seen += 1
            if seen > _SHORT_WORDS:
                return False
    return True


def shape(text: str, words: Sequence[str], logit: float) -> tuple[float, ...]:
    """The blend's shape inputs (:data:`SHAPES`, in order) of a message: ``text`` as analysed,
    ``words`` its lower-cased tokens, ``logit`` the word model's log-odds (``short_model``
    is it times ``short``: on a one- to three-word reply the word model's evidence is one
    Reddit word's, and the blend learns how far to trust that)."""
    # "nothing's" and "no one's" are one token each: the part before the apostrophe counts
    joined = " ".join(words)
    present = {w.partition("'")[0] for w in words} if "'" in joined else set(words)
    short = float(_short(words))
    nothing = not present.isdisjoint(_NOTHING) or (
        "no" in present
        and any(a == "no" and b.partition("'")[0] == "one" for a, b in itertools.pairwise(words))
    )
    return (
        float(_counts(words, present, joined)),
        float(_lasts(words, present)),
        float(nothing),
        float(not present.isdisjoint(_STILL)),
        short,
        float("?" in text),
        float(not _YOU.isdisjoint(words)),
        short * logit,
    )


def features(words: Sequence[str]) -> set[str]:
    """The model's features of a message: its lower-cased words and adjacent word pairs.

    ``words`` are the message's tokens as the lexicon splits them (words with contractions,
    single punctuation marks), already lower-cased. Presence counts, not frequency.
    """
    found = set(words)
    # " ".join of each pair, mapped in C: the same strings as f"{a} {b}" without a generator
    found.update(map(" ".join, itertools.pairwise(words)))
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
    # fsum: correctly rounded whatever the order, and a set's order changes with the
    # process's hash seed, so a plain sum() differed in its last bits from run to run.
    total = math.fsum(weights.get(f, 0.0) for f in found)
    return m.bias + total / math.sqrt(len(found) + SHRINK)


def logit_and_knows(words: Sequence[str], model: LearnedModel | None = None) -> tuple[float, bool]:
    """:func:`model_logit` and :func:`knows` at once, from one pass over the features (the
    analyser needs both for every message; each alone builds the feature set again)."""
    m = model or _shipped()
    weights = m.weights
    found = features(words)
    present = [w for w in map(weights.get, found) if w is not None]
    # fsum() of the same values as model_logit's (its extra 0.0s change nothing): same
    # result, independent of the set's order (see model_logit)
    logit = m.bias + math.fsum(present) / math.sqrt(len(found) + SHRINK)
    return logit, bool(found) and 2 * len(present) >= len(found)


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
    if shapes:
        z += sum(map(operator.mul, b.shapes, shapes))
    z = max(-_LOGIT_LIMIT, min(_LOGIT_LIMIT, z))
    return 1.0 / (1.0 + math.exp(-z))
