"""The learned escalation score: how likely a careful bank would have a person take over by now.

Hand-written rules fire on shapes someone wrote down; round 3 of issue 11 showed that more
shapes stop generalising (97% on the conversations they were written from, 76% on new ones).
This module scores the current turn from the signals every rule already sees, with a
logistic regression fitted on the three tuning routing sets' expected outcomes (round 5 added
the first held-out set, retired to tuning data; the current blind set is never read):

* the latest message's frustration, sentiment, their trends, minimum/maximum and delta;
* the NLU's top-intent confidence and margin, each intent group's mass across the ranking
  and whether the group is in the top 3 (groups are the rule set's ``intent_groups``);
* the cue kinds in the latest message and, separately, those seen only in earlier messages;
* asked for a person, repeats and failed exchanges (capped counts), how many messages so far.

The account's tier and risk flags are left out on purpose: they are context, not evidence
(a flagged customer's calm question stays with the bot), and what a flag means is the red
lines' business, with their own corroboration.

:func:`features` turns :class:`~handoff.models.signals.Signals` into named values (absent
features are 0); the score is ``sigmoid(bias + sum(weight[name] * value))``, a few dictionary
look-ups in plain Python. Each term is its own explanation: :func:`explain` lists the
features that pushed the score up most, for payloads and the CLI.

The weights are plain data in ``escalation_model.json`` beside this file, read once on first
use, with their provenance (data, date, library version, cross-validated scores). They are
rebuilt by ``tests/escalation_model.py`` (``.venv/bin/python -m tests.escalation_model train``,
scikit-learn at training time only); ``tests/test_escalation_model.py`` checks the file is
what the script writes. A rule set whose intent groups or cue kinds differ from
``rules/banking.yaml``'s still gets a score, from the features it shares with it.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import math
import operator
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handoff.models.signals import Signals

__all__ = [
    "MODEL_FORMAT",
    "MODEL_PATH",
    "EscalationModel",
    "explain",
    "features",
    "load",
    "score",
    "using",
]

MODEL_PATH = Path(__file__).with_name("escalation_model.json")
MODEL_FORMAT = "handoff-escalation-model/1"
# Log-odds beyond this add nothing to a probability and would overflow exp().
_LOGIT_LIMIT = 30.0
# Counts are capped: the fourth failure says little the third did not.
_MAX_REPEATS = 3
_MAX_FALLBACKS = 3
_MAX_TOTAL_FALLBACKS = 4
_MAX_LATER_TURNS = 5
_TOP = 3  # "in the top 3" of the ranking
# Round 15: talk of fraud is not a report of harm when the customer says no harm was done
# ("I haven't clicked it": cue no_harm), that it happened to someone else (third_party) or
# asks how things work (howto). The rules let those cues cancel mentions of fraud, a scam or a
# hold on any message of the episode (rules/banking.yaml: fraud_words_unbacked, bank_hold, the
# fraud rules' ``not: {cues_seen: …}``); the model reads them the same way: once one is seen,
# the mentions are ``defused:<kind>``, features of their own with their own weights, not the
# ``cue:``/``before:`` evidence of harm (a "your account is suspended" text ignored is no
# hold). Before, ``before:bank_hold`` weighed +3.8 whatever came with it.
_CANCELLERS = frozenset({"no_harm", "third_party", "howto"})
_ZEROS = itertools.repeat(0.0)  # the weight of a feature the model does not know
_DEFUSED = frozenset({"bank_hold", "fraud", "scam_mention", "posing", "scam_step", "scam"})
# Numbers that are NaN when there is no user message or no intent read as 0.
_NUMBERS = (
    "frustration",
    "frustration_trend",
    "frustration_max",
    "sentiment",
    "sentiment_trend",
    "sentiment_min",
    "sentiment_delta",
    "intent_confidence",
    "intent_margin",
)


def features(signals: Signals) -> dict[str, float]:
    """The model's input for one turn: feature name -> value, absent features omitted (0).

    Names: the numbers above by their signal name; ``human_request``, ``repeat_count``,
    ``consecutive_fallbacks``, ``total_fallbacks`` (capped), ``first_message`` (1 on the
    first customer message), ``later_messages`` (messages after the first, capped at 5),
    ``no_intent``, ``cue:<kind>`` (in the latest message), ``before:<kind>`` (only in
    earlier messages), ``defused:<kind>`` (a mention of fraud, a scam or a hold, in place of
    those two once no_harm, third_party or howto is seen in the episode), ``mass:<group>``
    and ``top3:<group>`` per intent group.
    """
    out: dict[str, float] = {}
    for name in _NUMBERS:
        value = getattr(signals, name)
        if value and not math.isnan(value):
            out[name] = value
    if math.isnan(signals.intent_confidence):
        out["no_intent"] = 1.0
    if signals.human_request:
        out["human_request"] = 1.0
    if signals.repeat_count:
        out["repeat_count"] = float(min(signals.repeat_count, _MAX_REPEATS))
    if signals.consecutive_fallbacks:
        out["consecutive_fallbacks"] = float(min(signals.consecutive_fallbacks, _MAX_FALLBACKS))
    if signals.total_fallbacks:
        out["total_fallbacks"] = float(min(signals.total_fallbacks, _MAX_TOTAL_FALLBACKS))
    if signals.user_turns <= 1:
        out["first_message"] = 1.0
    else:
        out["later_messages"] = float(min(signals.user_turns - 1, _MAX_LATER_TURNS))
    out.update(_cue_features(signals.cues, signals.cues_seen))
    for group, mass in signals.intent_group_mass.items():
        if mass:
            out[f"mass:{group}"] = mass
    for group, rank in signals.intent_group_rank.items():
        if rank <= _TOP:
            out[f"top3:{group}"] = 1.0
    return out


@functools.lru_cache(maxsize=1024)
def _cue_features(cues: frozenset[str], seen: frozenset[str]) -> dict[str, float]:
    """The cue features of :func:`features` for the latest message's ``cues`` and the cues
    ``seen``: the same few pairs recur turn after turn of a conversation (and across
    conversations), so their names are built and sorted once, not on every turn (~1 us of
    a bot turn's 3.5 us score). Callers copy from it, never change it."""
    defused = bool(_CANCELLERS & (cues | seen))
    out: dict[str, float] = {}
    # Sorted: a set's order follows its history and the process's string hashing, and the
    # logit sums the features in this order, so an unsorted order moved the score's last bit.
    for kind in sorted(cues | seen):
        if defused and kind in _DEFUSED:
            out[f"defused:{kind}"] = 1.0
        elif kind in cues:
            out[f"cue:{kind}"] = 1.0
        else:
            out[f"before:{kind}"] = 1.0
    return out


def _sigmoid(logit: float) -> float:
    logit = max(-_LOGIT_LIMIT, min(_LOGIT_LIMIT, logit))
    return 1.0 / (1.0 + math.exp(-logit))


@dataclass(frozen=True)
class EscalationModel:
    """A logistic regression over :func:`features`: ``bias`` plus named ``weights``."""

    bias: float
    weights: Mapping[str, float]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EscalationModel:
        """From the JSON document the training script writes; a wrong format is an error."""
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"not an escalation model of format {MODEL_FORMAT!r}")
        weights = data["weights"]
        if not isinstance(weights, dict) or not all(
            isinstance(k, str) and isinstance(v, int | float) for k, v in weights.items()
        ):
            raise ValueError("weights must map feature names to numbers")
        return cls(bias=float(data["bias"]), weights={k: float(v) for k, v in weights.items()})

    def logit(self, signals: Signals) -> float:
        found = features(signals)
        # The same products summed in the same order as a generator of
        # weights.get(name, 0.0) * value would, but in C (~2 us a turn less).
        total: float = sum(map(operator.mul, map(self.weights.get, found, _ZEROS), found.values()))
        return self.bias + total

    def score(self, signals: Signals) -> float:
        """0..1: how likely a person should have taken over by this turn."""
        return _sigmoid(self.logit(signals))

    def contributions(self, signals: Signals) -> list[tuple[str, float]]:
        """Each present feature's term in the log-odds, largest push towards a person first."""
        weights = self.weights
        terms = [
            (name, weights.get(name, 0.0) * value) for name, value in features(signals).items()
        ]
        return sorted((t for t in terms if t[1]), key=lambda t: (-t[1], t[0]))


@functools.cache
def load(path: Path = MODEL_PATH) -> EscalationModel:
    """The model in ``path`` (default: the bundled one), read once."""
    return EscalationModel.from_dict(json.loads(path.read_text(encoding="utf-8")))


_override: list[EscalationModel] = []


@contextlib.contextmanager
def using(model: EscalationModel) -> Iterator[None]:
    """Score with ``model`` instead of the bundled one inside the block.

    For the training script's cross-validation (each fold routes its held-out conversations
    with a model that never saw them) and for tests; not thread-safe, not for production.
    """
    _override.append(model)
    try:
        yield
    finally:
        _override.pop()


def current() -> EscalationModel:
    return _override[-1] if _override else load()


def score(signals: Signals) -> float:
    """The escalation score of this turn's signals, 0..1 (the ``escalation_score`` signal)."""
    return current().score(signals)


def explain(signals: Signals, top: int = 3) -> str:
    """The score and the ``top`` features that raised it most, in plain words:
    ``escalation_score 0.91: cue:exasperation +1.80, frustration +1.10, ...``."""
    terms = [t for t in current().contributions(signals) if t[1] > 0][:top]
    parts = ", ".join(f"{name} {term:+.2f}" for name, term in terms)
    return f"escalation_score {signals.escalation_score:.2f}" + (f": {parts}" if parts else "")
