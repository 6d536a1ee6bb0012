"""Measure a learned SPECIALIST-LANE head (fraud, vulnerable) after the rules (round 24, r24n).

A measurement only (scikit-learn; nothing here runs in the engine):

    nice -n 19 .venv/bin/python -m tests.specialist_head > /tmp/head.json

The finding is in tests/escalation_model.py's docstring (round 24, r24n). Every tuning set
(ALL_TUNING_SETS of tests/escalation_model.py, never routing_holdout7 nor holdout20 and later)
is played once by the rules without the model rule, and, on each message before their
handoff, probed twice from the same state: by the rules with the model rule's threshold at 0
(the model rule may judge this message: its guards pass) and by the rules plus a last probe
rule carrying only the head's guards (no thanks, goodbye, greeting or plain "yes"; no
"resolved" or good news; optionally not the first message). No rule reads the head's score,
so any head routes a conversation from those messages alone: at each message in order, the
shipped escalation model at the rule's threshold (general_banking) first, then P(fraud) >=
t_f (fraud), then P(vulnerable) >= t_v (vulnerable_customers).

Labels per message (at or after by_turn where a person is expected): fraud (expected lane
fraud), vulnerable (vulnerable_customers), other (a bot conversation, every message; any
other expected lane). Two one-vs-rest L2 logistic regressions (liblinear dual, C fixed at 10,
r24m's choice on every set) on the current features plus hashed text (r24m's
``_text_block``: latest and earlier messages, word 1-2-grams and char_wb 2-4-grams).
Leave one set out: each set scored by the heads fitted on the 21 others; its thresholds
(t_f, t_v) from HEAD_GRID chosen on the other 21 sets, each scored by its own LOSO heads
(most as expected, then fewest calm to a specialist, fewest false escalations, the higher
thresholds). ``--only a,b`` measures only those variants (full, last2, fraud_only,
full_not_first, residual: the head trained only on the messages it may judge); ``--c X``
another C.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import pickle
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from handoff import Router
from handoff.evaluation import score, transcript
from handoff.signals import escalation
from tests import escalation_model as em

CACHE = Path("/tmp") / "handoff_head_cache"
HEAD_GRID = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99,
             em.NEVER)  # fmt: skip
C = 10.0  # ``--c X`` to measure another
MODEL_THRESHOLD = 0.7  # the escalation_model rule's threshold in rules/banking.yaml
PROBE = """
  - id: head_probe
    description: probe (measurement only)
    when:
      not:
        any:
          - intent: [thank_you, goodbye, affirm, greet]
          - cues: {contains_any: [resolved, good_news]}
    lane: fraud
    reason: probe
"""
CLASSES = ("other", "fraud", "vulnerable_customers")
KEYS = ("conversations", "as_expected", "false_escalation", "calm_to_specialist", "missed",
        "late", "wrong_lane", "explicit_request_missed")  # fmt: skip


@dataclass(frozen=True)
class Message:
    number: int
    model_ok: bool
    model_lane: str
    model_kind: str
    head_ok: bool
    model_score: float
    features: dict[str, float]
    latest: str
    earlier: list[str]


@dataclass(frozen=True)
class Conv:
    key: str
    expect: Any
    category: str
    ending: tuple[str, str, int | None]
    messages: list[Message]


@dataclass(frozen=True)
class Row:
    label: int
    features: dict[str, float]
    latest: str
    earlier: list[str]


def _label(expect: Any) -> int:
    if not expect.escalates:
        return 0
    return CLASSES.index(expect.lane) if expect.lane in CLASSES[1:] else 0


def play(name_path: tuple[str, Path]) -> tuple[str, list[Row], list[Conv]]:
    name, folder = name_path
    (dev,) = em.load_sets([(name, folder)])
    digest = hashlib.sha256(
        dev.path.read_bytes()
        + em.RULES.read_bytes()
        + (folder / "nlu" / "banking.jsonl").read_bytes()
        + em.OUT.read_bytes()
    ).hexdigest()[:16]
    cache = CACHE / f"{name}-{digest}.pickle"
    if cache.exists():
        try:
            loaded: tuple[list[Row], list[Conv]] = pickle.loads(cache.read_bytes())
            return name, *loaded
        except (AttributeError, pickle.UnpicklingError):  # written under another module name
            pass
    router = Router.from_path(em.RULES)
    rules_alone = Router.from_yaml(em.rules_with_threshold(em.NEVER))
    guards_only = Router.from_yaml(em.rules_with_threshold(0.0))
    head_probe = Router.from_yaml(em.rules_with_threshold(em.NEVER).rstrip("\n") + PROBE)
    model = escalation.load()
    now = dev.evalset.defaults.now
    rows: list[Row] = []
    convs: list[Conv] = []
    for conversation in dev.evalset.conversations:
        expect = conversation.expect
        texts = list(conversation.customer)
        label = _label(expect)
        for number in range(1, len(texts) + 1):
            if expect.escalates and number < (expect.by_turn or 1):
                continue
            signals = router.signals(transcript(conversation, dev.parses, number))
            rows.append(
                Row(label, escalation.features(signals), texts[number - 1], texts[: number - 1])
            )
        ending, kept = em.play_rules(rules_alone, conversation, dev.parses, now)
        messages: list[Message] = []
        for number, so_far in kept:
            probe = guards_only.route(so_far, now=now)
            model_ok = probe.rule_id == em.RULE_ID and probe.handoff
            head = head_probe.route(so_far, now=now)
            head_ok = head.rule_id == "head_probe"
            if model_ok or head_ok:
                signals = guards_only.signals(so_far)
                messages.append(
                    Message(
                        number,
                        model_ok,
                        probe.lane,
                        probe.lane_kind,
                        head_ok,
                        model.score(signals),
                        escalation.features(signals),
                        texts[number - 1],
                        texts[: number - 1],
                    )
                )
        convs.append(Conv(f"{name}/{conversation.id}", expect, conversation.category,
                          ending, messages))  # fmt: skip
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps((rows, convs)))
    return name, rows, convs


class Data:
    def __init__(self, rows: list[Row], convs: list[Conv]) -> None:
        self.rows, self.convs = rows, convs
        self.flat = [m for c in convs for m in c.messages]
        self.text: dict[str, Any] = {}
        self.flat_text: dict[str, Any] = {}

    def texts(self, variant: str) -> tuple[Any, Any]:
        if variant not in self.text:
            self.text[variant] = _block(variant, [(r.latest, r.earlier) for r in self.rows])
            self.flat_text[variant] = _block(variant, [(m.latest, m.earlier) for m in self.flat])
        return self.text[variant], self.flat_text[variant]


def _block(variant: str, pairs: Sequence[tuple[str, list[str]]]) -> Any:
    if variant == "last2":
        return em._text_block([p[0] for p in pairs], [(p[1] or [""])[-1] for p in pairs])
    return em._text_block([p[0] for p in pairs], ["\n".join(p[1]) for p in pairs])


class Head:
    """Two one-vs-rest heads (fraud, vulnerable) on features + text of ``variant``."""

    def __init__(self, variant: str, sets: Sequence[Data]) -> None:
        # "residual": trained only on the messages the rules leave with the bot (and the
        # head's guards let it judge), full text
        self.variant = "full" if variant == "residual" else variant
        if variant == "residual":
            keep = [_residual(d) for d in sets]
            features = [d.flat[i].features for d, k in zip(sets, keep, strict=True) for i, _ in k]
            y = [label for k in keep for _, label in k]
            text = sparse.vstack(
                [d.texts("full")[1][[i for i, _ in k]] for d, k in zip(sets, keep, strict=True)],
                format="csr",
            )
        else:
            features = [r.features for d in sets for r in d.rows]
            y = [r.label for d in sets for r in d.rows]
            text = sparse.vstack([d.texts(variant)[0] for d in sets], format="csr")
        names = sorted({n for f in features for n in f})
        self.design = em._Design("text", names)
        x = self.design.matrix(features, text)
        labels = np.array(y)
        self.models = []
        for k in (1, 2):
            model = LogisticRegression(C=C, solver="liblinear", dual=True, max_iter=5000)
            model.fit(x, (labels == k).astype(int))
            self.models.append(model)

    def scores(self, data: Data) -> list[list[tuple[float, float]]]:
        if not data.flat:
            return [[] for _ in data.convs]
        x = self.design.matrix([m.features for m in data.flat], data.texts(self.variant)[1])
        pf = self.models[0].predict_proba(x)[:, 1].tolist()
        pv = self.models[1].predict_proba(x)[:, 1].tolist()
        values = iter(zip(pf, pv, strict=True))
        return [[next(values) for _ in c.messages] for c in data.convs]


def _residual(data: Data) -> list[tuple[int, int]]:
    """(index into data.flat, label) of the labelled messages the head may judge."""
    out = []
    i = 0
    for conv in data.convs:
        label = _label(conv.expect)
        for m in conv.messages:
            by_turn = conv.expect.by_turn
            if m.head_ok and (by_turn is None or m.number >= by_turn):
                out.append((i, label))
            i += 1
    return out


def route(
    convs: Sequence[Conv],
    scores: Sequence[Sequence[tuple[float, float]]] | None,
    tf: float,
    tv: float,
    *,
    first: bool = True,
    model_on: bool = True,
    outcomes: dict[str, str] | None = None,
) -> Counter[str]:
    """Rules, then the shipped model at its threshold, then the head (``first``: the head
    may judge a first message)."""
    out: Counter[str] = Counter()
    for i, conv in enumerate(convs):
        fired: tuple[str, str, int] | None = None
        for j, m in enumerate(conv.messages):
            if model_on and m.model_ok and m.model_score >= MODEL_THRESHOLD:
                fired = (m.model_lane, m.model_kind, m.number)
                break
            if scores is None or not m.head_ok or (m.number == 1 and not first):
                continue
            pf, pv = scores[i][j]
            if pf >= tf:
                fired = ("fraud", "specialist", m.number)
                break
            if pv >= tv:
                fired = ("vulnerable_customers", "specialist", m.number)
                break
        if fired is None:
            outcome = score(conv.expect, *conv.ending)
            kind = conv.ending[1]
        else:
            outcome = score(conv.expect, *fired)
            kind = fired[1]
        out[outcome] += 1
        out["conversations"] += 1
        if outcomes is not None:
            outcomes[conv.key] = f"{outcome} {fired[0] if fired else conv.ending[0]}"
        if not conv.expect.escalates and kind == "specialist":
            out["calm_to_specialist"] += 1
        if conv.category == "explicit_request" and outcome == "missed":
            out["explicit_request_missed"] += 1
    return out


def _keyed(c: Counter[str]) -> dict[str, int]:
    return {k: c[k] for k in KEYS}


def _half(key: str) -> str:  # /work/wt/score24.py's ``half``
    cid = key.split("/", 1)[1]
    return "R" if hashlib.sha256(cid.encode()).digest()[0] % 2 == 0 else "U"


def main() -> int:
    def say(*parts: object) -> None:
        print(*parts, file=sys.stderr, flush=True)

    which = list(em.ALL_TUNING_SETS)
    unseen = [
        ("ho7", em.ROOT / "tests" / "data" / "routing_holdout7"),
        ("ho20", em.ROOT / "tests" / "data" / "routing_holdout20"),
    ]
    with Pool(2) as pool:
        played = pool.map(play, which + unseen, chunksize=1)
    data = {name: Data(rows, convs) for name, rows, convs in played}
    say("played", sum(len(d.convs) for d in data.values()))
    names = [n for n, _ in which]
    result: dict[str, Any] = {}
    base = {n: _keyed(route(data[n].convs, None, em.NEVER, em.NEVER)) for n in names}
    result["rules_model"] = {"sets": base, "total": _total(base)}
    rules = {n: _keyed(route(data[n].convs, None, 1, 1, model_on=False)) for n in names}
    result["rules"] = {"total": _total(rules)}
    result["rules_model_unseen"] = _unseen(data, None, em.NEVER, em.NEVER, True)
    variants = (
        ("full", "full", True, True),
        ("last2", "last2", True, True),
        ("fraud_only", "full", True, False),
        ("full_not_first", "full", False, True),
        ("residual", "residual", True, True),
    )
    if "--c" in sys.argv:
        global C  # noqa: PLW0603 (a measurement's command-line knob)
        C = float(sys.argv[sys.argv.index("--c") + 1])
    if "--only" in sys.argv:
        keep = sys.argv[sys.argv.index("--only") + 1].split(",")
        variants = tuple(v for v in variants if v[0] in keep)
    loso_scores: dict[str, dict[str, Any]] = {}
    for label, text, first, vulnerable in variants:
        if text not in loso_scores:
            loso_scores[text] = {}
            for n in names:
                head = Head(text, [data[m] for m in names if m != n])
                loso_scores[text][n] = head.scores(data[n])
                say(label, "fitted without", n)
        scores = loso_scores[text]
        tvs = HEAD_GRID if vulnerable else (em.NEVER,)
        table = {
            (n, tf, tv): route(data[n].convs, scores[n], tf, tv, first=first)
            for n in names
            for tf in HEAD_GRID
            for tv in tvs
        }

        def pick(others: Sequence[str], tvs: Sequence[float] = tvs, table: Any = table) -> Any:
            return max(
                ((tf, tv) for tf in HEAD_GRID for tv in tvs),
                key=lambda p: (
                    sum(table[(o, p[0], p[1])]["as_expected"] for o in others),
                    -sum(table[(o, p[0], p[1])]["calm_to_specialist"] for o in others),
                    -sum(table[(o, p[0], p[1])]["false_escalation"] for o in others),
                    p,
                ),
            )

        per_set, choice, changed = {}, {}, {}
        for n in names:
            tf, tv = pick([o for o in names if o != n])
            choice[n] = (tf, tv)
            per_set[n] = _keyed(table[(n, tf, tv)])
            before: dict[str, str] = {}
            after: dict[str, str] = {}
            route(data[n].convs, None, em.NEVER, em.NEVER, outcomes=before)
            route(data[n].convs, scores[n], tf, tv, first=first, outcomes=after)
            changed.update(
                {k: f"{before[k]} -> {after[k]}" for k in after if after[k] != before[k]}
            )
        tf, tv = pick(names)
        choice["all"] = (tf, tv)
        head = Head(text, [data[n] for n in names])
        result[label] = {
            "sets": per_set,
            "total": _total(per_set),
            "choice": choice,
            "changed": changed,  # tuning sets only
            "unseen": _unseen(data, head, tf, tv, first),
            "hindsight": {
                f"{tf} {tv}": _total({n: _keyed(table[(n, tf, tv)]) for n in names})
                for tf in HEAD_GRID
                for tv in tvs
            },
        }
        say(label, result[label]["total"], choice["all"], result[label]["unseen"])
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


def _total(per_set: dict[str, dict[str, int]]) -> dict[str, int]:
    return {k: sum(v[k] for v in per_set.values()) for k in KEYS}


def _unseen(data: dict[str, Data], head: Head | None, tf: float, tv: float, first: bool) -> Any:
    """holdout7 (total) and holdout20's halves: counts only."""
    out: dict[str, Any] = {}
    scores7 = head.scores(data["ho7"]) if head else None
    out["ho7"] = _keyed(route(data["ho7"].convs, scores7, tf, tv, first=first))
    d20 = data["ho20"]
    scores20 = head.scores(d20) if head else None
    for half in ("R", "U"):
        pick = [i for i, c in enumerate(d20.convs) if _half(c.key) == half]
        out[f"ho20{half}"] = _keyed(
            route(
                [d20.convs[i] for i in pick],
                [scores20[i] for i in pick] if scores20 else None,
                tf,
                tv,
                first=first,
            )
        )
    return out


if __name__ == "__main__":
    # Run as the module tests.specialist_head, so the cache pickles name it (not __main__).
    sys.exit(importlib.import_module("tests.specialist_head").main())
