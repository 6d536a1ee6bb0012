"""Train and measure the context model of who a customer needs now (round 13, issue 11).

Runnable by hand, from the repository root (scikit-learn: the ``train`` extra):

    nice -n 19 .venv/bin/python -m tests.needs_context train            # measure a, print
    nice -n 19 .venv/bin/python -m tests.needs_context train --write    # and write the weights
    nice -n 19 .venv/bin/python -m tests.needs_context train --skip-lowo --write   # weights only

``train --write`` reproduces tests/data/needs_conversations/needs_context_model.json.gz byte
for byte (lbfgs is deterministic, weights rounded to 4 decimals, gzip without a timestamp).
``--routing`` / ``--routing-only`` route the tuning sets with and without the rules' marked
blocks; they need the engine wiring and the rules of commit cb438cd (the experiment), which
the next commit removed. ``tests/needs_context_grid.py`` (same commit) routes a threshold
grid and picks thresholds leave-one-set-out.

Data: tests/data/needs_conversations/ (1,010 chats, 3,507 customer messages by four writers
t1..t4 blind to the repository, each message labelled with who the customer needs at that
point: bot, person, fraud, vulnerable, complaint; README there), plus, without context
features, round 12's 4,717 single messages (``frustrated`` read as ``person``) and its 955
calm banking77/CLINC150/example-bot messages (tests/needs_model.py). No routing set is
trained on.

Model (tests/needs_context_scorer.py): the latest message's words, word pairs and character
3/5-grams (round 12's features) plus context keys: the words of the customer's last three
earlier messages (``e:word``), the bot's previous reply as flags only (``B:none`` before the
first reply, ``B:any``, ``B:sorry`` for a fallback or an apology/"didn't understand",
``B:question``, ``B:link``, ``B:menu``; not its words: the engine's bot turns are Rasa
actions, the evaluation's have no text), the user turn (1..5+). Hashed (crc32) into 2**18
buckets, counts / sqrt(n); L2 multinomial logistic regression (lbfgs, C 10, balanced).

Measures (round 13, 2026-12-03; the decision rests on b and c; criterion set before
measuring: b gains >= +10 conversations over the rules alone, c not down, d not worse):

a. Leave-one-writer-out on needs_conversations (t1..t4; each writer scored by a model
   trained on the other three plus the single messages), against round 12's single-message
   model (never trained on conversations; its frustrated added to person). Per class AUC
   against ``bot`` turns and recall with at most 10% of ``bot`` turns flagged:

   ==========  =================  =================
   class       single (r12)       context
   ==========  =================  =================
   person      0.774  0.519       0.947  0.855
   fraud       0.748  0.507       0.935  0.804
   vulnerable  0.769  0.614       0.967  0.943
   complaint   0.892  0.806       0.988  0.981
   ==========  =================  =================

   (Trained on the conversations alone: 0.958/0.864, 0.926/0.793, 0.954/0.911, 0.978/0.926.)
   Per conversation, the first turn a person is due (1 - p(bot) at or over the threshold
   that flags at most 2% of bot turns out of fold: single 0.990, context 0.948):

   =====================================  ======  =======
   1,010 conversations                    single  context
   =====================================  ======  =======
   stay with the bot (466): flagged       9       13
   person due (544): on time              148     228
   early                                  38      32
   late                                   49      93
   never                                  309     191
   right team at the flagged turn         215     326
   =====================================  ======  =======

   Context helps a lot on this corpus: a person due is found on time 228 times against 148,
   never 191 against 309, for four more calm chats flagged. Thresholds out of writer fold
   (lowest probability at which at most 1% of bot turns are read as that class, ``need`` being
   the likeliest non-bot class): person 0.71, fraud 0.90, vulnerable 0.78, complaint 0.38
   (at 0.25%: 0.93, 0.98, 0.91, 0.90).

b. Routing on the twelve tuning sets (2,789 conversations; rules as on main at e555cb0),
   rules alone vs rules plus four rules reading ``need``/``need_score`` (commit cb438cd):
   context_fraud, context_vulnerable, context_complaint after the complaint rule, each with
   corroboration (fraud cues seen or the NLU's fraud mass >= 0.5; lowest sentiment <= -0.5
   or the account's flag; complaint cues seen or the complain intent), and context_person
   last (from the second message, never on thanks/goodbye/greet/yes or not_a_person).

   Writer-fold thresholds (1%), per set alone -> with: dev 206 -> 205, eval 221, holdout
   197, holdout2 206, holdout3 230, holdout4 237, holdout5 213 -> 214, holdout6 237,
   holdout8 222, holdout9 229 -> 231, train_fraud 159, train_escalate 162: total 2519 ->
   2521 (+2); false escalations 91 -> 92, missed 116 -> 112, wrong lane 32 -> 33.

   Threshold grid, chosen leave-one-set-out (tests/needs_context_grid.py; specialist rules
   at L for fraud and vulnerable and L - 0.2 for complaint, L in 0.6/0.75/0.9/off; the
   adviser rule at 0.5/0.65/0.8/off; for each set held out the variant best on the other
   eleven): +4 in total (holdout3 -1, holdout5 +1, holdout8 +1, holdout9 +3, the rest 0;
   0.75/0.8 chosen eleven times). In sample the best variant is +7 (0.6 or 0.75 / 0.8:
   2526), the whole grid ranges -2..+7.

   ===================  ======  =====  ======  ====  =====  =========  ========  =========
   rules +              as exp  false  missed  late  wrong  calm to a  explicit  holdout7
                                esc.                 lane   specialist missed
   ===================  ======  =====  ======  ====  =====  =========  ========  =========
   nothing (alone)      2519    91     116     31    32     16         7         217
   writer fold (1%)     2521    92     112     31    33     16         6         218
   grid 0.75/0.8        2526    91     111     30    31     16         5         219
   grid 0.75/off        2524    91     114     30    30     16         6         218
   grid off/0.8         2521    91     113     31    33     16         6         218
   grid 0.6/0.5         2522    96     106     32    33     16         5         219
   ===================  ======  =====  ======  ====  =====  =========  ========  =========

   As escalation-model features (``tests/escalation_model.py train --loso --plus-holdout8
   --needs context``: the context model's probabilities of the latest message and their
   running maximum; bot flags: none before the first reply, else no flag), the eleven sets
   of ``--plus-holdout8`` (2,490; C and threshold chosen on the other ten), rules with the
   escalation model's current features -> with the context features added: dev 203 -> 203,
   eval 219 -> 218, holdout 195, holdout2 204 -> 206, holdout3 233, holdout4 237,
   holdout5 215 -> 216, holdout6 237 -> 238, holdout8 222 -> 223, train_fraud 160 -> 155,
   train_escalate 163 -> 162: 2288 -> 2286 (-2; bar +8), missed 71 -> 60 but wrong lanes
   21 -> 37 (false escalations 84, calm to a specialist 8, explicit missed 1: unchanged).
   Not shipped either.

c. holdout7 (aggregate only, 272): 217 alone; 218 with the writer-fold rules, 219 with the
   grid's best; not down.

d. Calm conversations sent to a specialist lane (fraud, vulnerable, complaints): 16 in every
   variant (not up). Explicit requests for a person missed or late: 7 alone, 6 writer fold,
   5 with the adviser rule at 0.8 (not up).

Finding: not shipped. The bar was +10 on b; the thresholds chosen out of writer fold give
+2 and those chosen leave-one-set-out +4 (best in sample +7), c and d hold. On the
conversations of its own corpus the context model is far better than the single-message
model (a), and it no longer misreads most of what round 12's did: "what's your phone
number", "what's the phone number for the DVLA", "are you a real person" and closings after a
routine question now read as bot (tests/test_needs_context.py). But on the routing sets it
barely separates the chats that need a person from those that do not better than the
single-message model (conversation-level AUC of the maximum reading up to the due turn: 0.89
context, 0.90 single, 2,789 conversations), and the hand-written rules already catch most of
what it catches: it adds a few missed rising-frustration and vulnerability chats in holdout9
and holdout5 and loses calm chats. What it still misreads (paraphrased): a calm-down where
the customer says the wait "is stressful honestly" before the bot explains (person at the
second message), "sorry, I know it's not your fault, I'm just stressed" (vulnerable), small
talk late in a chat, asking whether a letter is genuine or who a merchant is (person at
0.5-0.6), a long calm chat about a wedding abroad at its sixth message (person 0.65), and a
rental-deposit scam read as a request for a person rather than fraud. The routing sets'
bot turns are actions (``utter_<intent>``; a fallback only for nlu_fallback), so the bot-
reply flags the corpus teaches (the bot apologised, asked, linked) rarely fire there.

Honesty about tuning: the model, its features and the writer-fold thresholds were fixed
before routing; the rules' shapes (corroboration) were copied from round 12's. After the
first routing run two changes were made from the tuning sets' differences, both recorded:
``complaint`` was taken out of the adviser rule (it sent threats the complaints rule decides
to general_banking), and the adviser rule was limited to the second message on (it sent
first-message questions about how to reach the bank to an adviser). The grid's LOSO figure is
the honest estimate of threshold tuning on the sets.

Cost: ``train --write`` prints it (timeit under nice 19, two cores shared with other jobs;
three runs): 38-52 us per turn with its words cached but the reading not, 64-89 us with
unseen words, 0.1 us cached by its inputs (the engine's second call); over the ~30 us
budget. The earlier messages' words are hashed again on every turn: a per-message cache of
their buckets would be the first saving if it ever ships.
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

from tests import needs_context_scorer as model_
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
    return needs_model.sparse(row_features(row) for row in rows)


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
