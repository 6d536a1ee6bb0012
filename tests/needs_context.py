"""Train and measure the context model of who a customer needs now (round 13, issue 11).

Runnable by hand, from the repository root (scikit-learn: the ``train`` extra):

    nice -n 19 .venv/bin/python -m tests.needs_context train            # measure a, print
    nice -n 19 .venv/bin/python -m tests.needs_context train --write    # and write the weights
    nice -n 19 .venv/bin/python -m tests.needs_context train --routing  # and route the sets

``train --write`` reproduces handoff/signals/needs_context_model.json.gz byte for byte (lbfgs
is deterministic, weights rounded to 4 decimals, gzip without a timestamp).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import timeit
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from handoff.signals import needs_context as model_
from tests import needs_model, needs_scorer

ROOT = Path(__file__).resolve().parents[1]
CONVERSATIONS = ROOT / "tests" / "data" / "needs_conversations"
DATA = ROOT / "tests" / "data"
CLASSES = model_.CLASSES
C = 10.0
DECIMALS = 4
FLAG_RATE = 0.10  # recall at <= 10% of bot turns flagged
DUE_RATE = 0.02  # a person is predicted due at <= 2% of bot turns flagged (out of fold)
TUNING = ("dev", "eval", "holdout", "holdout2", "holdout3", "holdout4", "holdout5",
          "holdout6", "holdout8", "holdout9", "train_fraud", "train_escalate")  # fmt: skip
CHECK_SET = "holdout7"  # aggregate only; holdout10 is never read
SPECIALIST = frozenset({"fraud", "vulnerable_customers", "complaints"})
_BLOCK = re.compile(r"\n  # >>> context needs model.*?# <<< context needs model[^\n]*\n", re.S)


def load_conversations(folder: Path = CONVERSATIONS) -> list[dict[str, Any]]:
    """One row per customer message: text, earlier customer messages, the bot's previous
    reply's flags (None before the first), user turn (1-based), label, writer, conversation."""
    rows = []
    for path in sorted(folder.glob("t[0-9].jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            chat = json.loads(line)
            earlier: list[str] = []
            bot: tuple[str, ...] | None = None
            for turn in chat["turns"]:
                if "bot" in turn:
                    bot = model_.bot_flags(turn["bot"])
                    continue
                rows.append({
                    "text": turn["customer"], "earlier": tuple(earlier), "bot": bot,
                    "turn": len(earlier) + 1, "label": turn["need"], "writer": path.stem,
                    "conv": chat["id"], "context": True,
                })  # fmt: skip
                earlier.append(turn["customer"])
    return rows


def load_extra() -> list[dict[str, Any]]:
    """Round 12's single messages (frustrated read as person: the conversations' ``person``
    covers frustration built up) and its calm data, without context features."""
    rows = []
    for r in needs_model.load_corpus(needs_model.CORPUS) + needs_model.load_external():
        label = "person" if r["label"] == "frustrated" else r["label"]
        rows.append({"text": r["text"], "label": label, "writer": r["writer"], "context": False})
    return rows


def row_features(row: dict[str, Any]) -> list[int]:
    if row["context"]:
        return model_.features(row["text"], row["earlier"], row["bot"], row["turn"])
    return needs_scorer.features(row["text"])  # the same message keys, no context keys


def matrix(rows: list[dict[str, Any]]) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for row in rows:
        counts = Counter(row_features(row))
        n = sum(counts.values())
        scale = 1.0 / np.sqrt(n) if n else 0.0
        for bucket in sorted(counts):
            indices.append(bucket)
            data.append(counts[bucket] * scale)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), model_.BUCKETS))


def fit(rows: list[dict[str, Any]], c: float = C) -> LogisticRegression:
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(matrix(rows), y)
    return model


def lowo(rows: list[dict[str, Any]], extra: list[dict[str, Any]], c: float) -> np.ndarray:
    out = np.zeros((len(rows), len(CLASSES)))
    for writer in sorted({r["writer"] for r in rows}):
        test = [i for i, r in enumerate(rows) if r["writer"] == writer]
        model = fit([r for r in rows if r["writer"] != writer] + extra, c)
        out[test] = model.predict_proba(matrix([rows[i] for i in test]))
    return out


def single_message(rows: list[dict[str, Any]]) -> np.ndarray:
    """Round 12's single-message model (never trained on conversations): its frustrated
    probability added to person."""
    out = np.zeros((len(rows), len(CLASSES)))
    for i, r in enumerate(rows):
        p = dict(zip(needs_scorer.CLASSES, needs_scorer.probabilities(r["text"]), strict=True))
        p["person"] += p.pop("frustrated")
        out[i] = [p[c] for c in CLASSES]
    return out


def threshold(scores: np.ndarray, bot: np.ndarray, rate: float) -> float:
    """The lowest score at which at most ``rate`` of bot rows score at or above it."""
    ranked = np.sort(scores[bot])[::-1]
    k = int(np.floor(rate * len(ranked)))
    return float(ranked[k] + 1e-9) if k < len(ranked) else 0.0


def measure(rows: list[dict[str, Any]], probs: np.ndarray, title: str) -> dict[str, Any]:
    labels = np.array([r["label"] for r in rows])
    bot = labels == "bot"
    out: dict[str, Any] = {"title": title, "classes": {}}
    for k, cls in enumerate(CLASSES[1:], start=1):
        pos = labels == cls
        mask = pos | bot
        auc = roc_auc_score(pos[mask], probs[mask, k])
        thr = threshold(probs[:, k], bot, FLAG_RATE)
        out["classes"][cls] = (auc, float(np.mean(probs[pos, k] >= thr)))
    due = 1.0 - probs[:, 0]
    thr = threshold(due, bot, DUE_RATE)
    timing: Counter[str] = Counter()
    by_conv: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_conv.setdefault(r["conv"], []).append(i)
    for idx in by_conv.values():
        gold = next((i for i in idx if labels[i] != "bot"), None)
        got = next((i for i in idx if due[i] >= thr), None)
        if gold is None:
            timing["calm: flagged" if got is not None else "calm: stays with bot"] += 1
            continue
        if got is None:
            timing["due: never"] += 1
            continue
        when = "on time" if got == gold else ("early" if got < gold else "late")
        timing[f"due: {when}"] += 1
        team = CLASSES[1 + int(np.argmax(probs[got, 1:]))]
        timing["due: right team"] += team == labels[gold]
    out["timing"] = timing
    out["due_threshold"] = thr
    return out


def class_thresholds(
    rows: list[dict[str, Any]], probs: np.ndarray, rate: float
) -> dict[str, float]:
    """Per class: the lowest probability at which at most ``rate`` of the bot turns are read
    as that class (the likeliest non-bot class, as the Signals field ``need``), out of fold."""
    bot = np.array([r["label"] == "bot" for r in rows])
    top = 1 + np.argmax(probs[:, 1:], axis=1)
    out = {}
    for k, cls in enumerate(CLASSES[1:], start=1):
        score = np.where(top == k, probs[:, k], 0.0)
        out[cls] = round(threshold(score, bot, rate), 2)
    return out


def print_measures(results: list[dict[str, Any]]) -> None:
    print(f"\n{'class':12s} " + "  ".join(f"{r['title'][:24]:>24s}" for r in results))
    print(f"{'':12s} " + "  ".join(f"{'AUC   recall@10%bot':>24s}" for _ in results))
    for cls in CLASSES[1:]:
        print(f"{cls:12s} " + "  ".join(
            f"{r['classes'][cls][0]:>16.3f} {r['classes'][cls][1]:>7.3f}"
            for r in results))  # fmt: skip
    keys = sorted({k for r in results for k in r["timing"]})
    print("\nper conversation, first turn a person is due (threshold: <=2% of bot turns)")
    for k in keys:
        print(f"{k:22s} " + "  ".join(f"{r['timing'].get(k, 0):>14d}" for r in results))
    print(f"{'threshold':22s} " + "  ".join(f"{r['due_threshold']:>14.3f}" for r in results))


def export(model: LogisticRegression) -> bytes:
    coef = np.round(model.coef_ * 10**DECIMALS).astype(np.int64)
    used = np.nonzero(np.any(coef != 0, axis=0))[0]
    data = {
        "classes": list(CLASSES), "buckets": model_.BUCKETS, "char_n": list(model_.CHAR_N),
        "decimals": DECIMALS, "c": C,
        "intercepts": [round(float(b), DECIMALS) for b in model.intercept_],
        "weights": {str(int(b)): [int(v) for v in coef[:, b]] for b in used},
    }  # fmt: skip
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.encode())
    return buffer.getvalue()


def without_block(text: str) -> str:
    return _BLOCK.sub("\n", text)


def route(rules_text: str, names: tuple[str, ...]) -> dict[str, dict[str, int]]:
    return needs_model.route(rules_text, names)


def routing() -> int:
    text = (ROOT / "rules" / "banking.yaml").read_text(encoding="utf-8")
    names = (*TUNING, CHECK_SET)
    alone = route(without_block(text), names)
    with_ = route(text, names)
    needs_model.print_routing(alone, with_)
    return 0


def speed() -> None:
    rows = load_conversations()[:400]
    args = [(r["text"], r["earlier"], r["bot"], r["turn"]) for r in rows]
    model_.probabilities(*args[0])
    raw = model_.probabilities.__wrapped__

    def cold() -> None:
        for a in args:
            raw(*a)

    model_._word.cache_clear()
    first = min(timeit.repeat(cold, number=1, repeat=1)) / len(args) * 1e6
    warm = min(timeit.repeat(cold, number=1, repeat=5)) / len(args) * 1e6
    cached = min(timeit.repeat(lambda: [model_.probabilities(*a) for a in args], number=1,
                               repeat=5)) / len(args) * 1e6  # fmt: skip
    print(f"\nscorer cost per turn: {first:.1f} us (words unseen), {warm:.1f} us (words "
          f"cached, reading not), {cached:.2f} us (cached by inputs)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["train"])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--no-extra", action="store_true", help="conversations only")
    parser.add_argument("--routing", action="store_true", help="also route the tuning sets")
    parser.add_argument("--routing-only", action="store_true")
    parser.add_argument("--skip-lowo", action="store_true")
    parser.add_argument("--both", action="store_true", help="also without the single messages")
    args = parser.parse_args(argv)
    if args.routing_only:
        return routing()
    rows = load_conversations()
    extra = [] if args.no_extra else load_extra()
    print(f"{len(rows)} conversation turns, {len(extra)} single messages")
    if not args.skip_lowo:
        fold = lowo(rows, extra, args.c)
        results = [measure(rows, single_message(rows), "single-message (r12)"),
                   measure(rows, fold, "context, writer fold")]  # fmt: skip
        if args.both and not args.no_extra:
            results.append(measure(rows, lowo(rows, [], args.c), "context, convs only"))
        print_measures(results)
        for rate in (0.0025, 0.01):
            print(f"thresholds (<= {rate:.2%} of bot turns read as the class, writer fold):",
                  class_thresholds(rows, fold, rate))  # fmt: skip
    if args.write:
        blob = export(fit(rows + extra, args.c))
        model_.MODEL_PATH.write_bytes(blob)
        print(f"wrote {model_.MODEL_PATH} ({len(blob)} bytes)")
        speed()
    if args.routing:
        return routing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
