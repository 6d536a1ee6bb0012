"""A context model of who the customer needs now (issue 11, round 13).

One multinomial logistic regression over hashed features of the latest customer message
*in its conversation*: the message's words, word pairs and character 3- and 5-grams within
words (as round 12's single-message model), the words of the customer's earlier messages
(prefix ``e:``, the last three), the bot's previous reply (flags: it failed, apologised or
did not understand; asked a question; gave a link; offered a menu; or there was none), and
the turn index (1, 2, 3, 4, 5+). Trained by ``tests/needs_context.py`` on
``tests/data/needs_conversations/`` (chats labelled turn by turn by four writers blind to the
repository) plus round 12's single messages and calm banking77/CLINC150 questions. Classes:
``bot``, ``person``, ``fraud``, ``vulnerable``, ``complaint``.

:func:`probabilities` is pure Python: each word of the latest message has its share of the
five logits computed once (cached by word), then the pairs and the context keys; the whole
reading is cached by its inputs. Weights: ``tests/data/needs_conversations/
needs_context_model.json.gz`` (the buckets seen in training; 5 MiB of float32 once loaded).

Not part of the package and not used by the engine: round 13 measured rules reading it on
the routing sets and its probabilities as escalation-model features and shipped neither
(findings in tests/needs_context.py; commit cb438cd holds the engine wiring and the rules
as measured). Kept, with its trainer, for the next attempt.
"""

from __future__ import annotations

import functools
import itertools
import re
from array import array
from collections.abc import Sequence
from pathlib import Path

from tests.needs_scorer import (
    BUCKETS,
    CHAR_N,
    MAX_CHARS,
    _bucket,
    _word_keys,
    _words,
    load_weights,
    softmax,
)

__all__ = [
    "BUCKETS",
    "CHAR_N",
    "CLASSES",
    "MODEL_PATH",
    "bot_flags",
    "features",
    "predict",
    "probabilities",
]

MODEL_PATH = Path(__file__).parent / "data" / "needs_conversations" / "needs_context_model.json.gz"
CLASSES = ("bot", "person", "fraud", "vulnerable", "complaint")
EARLIER = 3  # the customer's earlier messages read (the latest ones)
_SORRY = re.compile(
    r"sorry|didn.?t (get|understand|catch)|not sure (what|i)|don.?t understand|rephrase"
    r"|couldn.?t (find|understand)|i can.?t help|unable to"
)
_LINK = re.compile(r"https?:|www\.|\.co\.uk|\.com|/\w|here you go|link")
_MENU = re.compile(r"\b(choose|options?|menu|select|pick|1\)|1\.|press)\b")


def bot_flags(text: str, failed: bool = False) -> tuple[str, ...]:
    """What the model reads of the bot's previous reply: ``sorry`` (it failed: a fallback,
    or it apologised or did not understand), ``question``, ``link``, ``menu``. Its words are
    not read: a bot's replies are its own (the evaluation's bot has actions, no text)."""
    low = text[:MAX_CHARS].lower()
    flags = []
    if failed or _SORRY.search(low):
        flags.append("sorry")
    if "?" in low:
        flags.append("question")
    if _LINK.search(low):
        flags.append("link")
    if _MENU.search(low):
        flags.append("menu")
    return tuple(flags)


def _context_keys(earlier: Sequence[str], bot: Sequence[str] | None, turn: int) -> list[str]:
    """The keys of a message's context: the customer's earlier messages' words (the last
    EARLIER, each word once), the bot's previous reply (:func:`bot_flags`, None: there was
    none) and the turn index."""
    keys = [f"T:{min(turn, 5)}"]
    seen: set[str] = set()
    for text in earlier[-EARLIER:]:
        seen.update(_words(text))
    keys.extend(f"e:{w}" for w in sorted(seen))
    if bot is None:
        keys.append("B:none")
    else:
        keys.append("B:any")
        keys.extend(f"B:{flag}" for flag in bot)
    return keys


def features(
    text: str, earlier: Sequence[str] = (), bot: Sequence[str] | None = None, turn: int = 1
) -> list[int]:
    """The hashed buckets of a message's features in its context (repeats kept: counts).
    The training script's definition; :func:`probabilities` computes the same model."""
    words = _words(text)
    keys = [key for word in words for key in _word_keys(word)]
    keys.extend(f"{a} {b}" for a, b in itertools.pairwise(words))
    keys.extend(_context_keys(earlier, bot, turn))
    return [_bucket(key) for key in keys]


@functools.cache
def _model() -> tuple[tuple[array[float], ...], tuple[float, ...]]:
    return load_weights(MODEL_PATH, CLASSES)


@functools.lru_cache(maxsize=1 << 15)
def _word(word: str) -> tuple[int, tuple[float, ...]]:
    """A word's feature count and its features' summed weight per class."""
    weights = _model()[0]
    buckets = [_bucket(key) for key in _word_keys(word)]
    return len(buckets), tuple(sum(map(column.__getitem__, buckets)) for column in weights)


@functools.lru_cache(maxsize=4096)
def probabilities(
    text: str, earlier: tuple[str, ...] = (), bot: tuple[str, ...] | None = None, turn: int = 1
) -> tuple[float, ...]:
    """The probability of each class in CLASSES for the message ``text``, after the
    customer's ``earlier`` messages and the bot's reply (``bot``: its :func:`bot_flags`;
    None: none), at user turn ``turn`` (1-based). Features are counts scaled by
    1/sqrt(their number), as in training."""
    weights, intercepts = _model()
    words = _words(text)
    parts = [_word(word) for word in words]
    others = [_bucket(f"{a} {b}") for a, b in itertools.pairwise(words)]
    others.extend(_bucket(key) for key in _context_keys(earlier, bot, turn))
    return softmax(weights, intercepts, parts, others)


def predict(
    text: str, earlier: tuple[str, ...] = (), bot: tuple[str, ...] | None = None, turn: int = 1
) -> tuple[str, float]:
    """The most likely non-``bot`` class and its probability (``bot``, its probability,
    when no other class is likelier than 0)."""
    probs = probabilities(text, earlier, bot, turn)
    best = max(range(1, len(CLASSES)), key=probs.__getitem__)
    return CLASSES[best], probs[best]
