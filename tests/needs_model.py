"""Train and measure the text model of who a message should reach (tests/needs_scorer.py).

Runnable by hand, from the repository root (scikit-learn: the ``train`` extra):

    nice -n 19 .venv/bin/python -m tests.needs_model train            # measure, print
    nice -n 19 .venv/bin/python -m tests.needs_model train --write    # and write the weights
    nice -n 19 .venv/bin/python -m tests.needs_model train --routing-only   # route the sets

``train --write`` reproduces tests/data/needs_corpus/needs_model.json.gz byte for byte (lbfgs is
deterministic, weights rounded to 4 decimals, gzip without a timestamp).

Data: tests/data/needs_corpus/ (4,717 single messages by seven writers blind to the
repository; labels bot, person, fraud, vulnerable, complaint, frustrated; README there),
plus calm messages labelled ``bot``: 8 per banking77 category from its train split (not the
six categories that may be this customer's fraud: not recognised, compromised, stolen), 10
per CLINC150 small-talk intent and its 100 oos_train queries (train splits only), and the
example bot's own greetings, goodbyes, thanks, yes and no (rasa_project/data/nlu.yml): 955.
No routing set is trained on.

Model: features of the message (tests/needs_scorer.py features(): lower-cased words, adjacent
word pairs, character 3- and 5-grams within "<word>"), hashed (crc32) into 2**18 buckets,
counts scaled by 1/sqrt(their number); an L2 multinomial logistic regression (scikit-learn,
lbfgs, C 10, balanced class weights). The weights file keeps the buckets seen in training
(about 0.8 MB gzipped; 6 MB of float32 in memory once loaded). Scorer: pure Python, each
word's share of the six logits computed once per word (the model is linear), then the word
pairs; cached by text.

Measures (round 12, 2026-12-03; the decision rests on b and c):

a. Leave-one-writer-out on the corpus (each writer scored by a model trained on the others
   plus the calm data): AUC against ``bot`` and recall with at most 10% of ``bot`` messages
   flagged, vs a 10-line keyword baseline (keyword_baseline). Seven writers (four):

   ==========  =============  =====  ==============  =====
   class       AUC            (kw)   recall @10%bot  (kw)
   ==========  =============  =====  ==============  =====
   person      0.995 (0.995)  0.758  0.980 (0.987)   0.563
   fraud       0.977 (0.967)  0.534  0.938 (0.919)   0.125
   vulnerable  0.980 (0.971)  0.582  0.953 (0.927)   0.166
   complaint   0.995 (0.992)  0.775  0.981 (0.977)   0.558
   frustrated  0.972 (0.953)  0.580  0.916 (0.851)   0.173
   ==========  =============  =====  ==============  =====

   Top-class accuracy 0.889 (four writers 0.858; keyword baseline 0.537). On single
   messages of the corpus's kind the model is far better than keywords, across writers.

b. Routing on the eleven tuning sets (2,490 conversations, never trained on), rules alone vs
   rules plus the text model's rules. Commits d8ad8bf (four writers) and 5e6845c (seven)
   hold them: signals ``need`` and ``need_score`` computed in handoff/signals/extract.py for
   the latest message, and two marked blocks in rules/banking.yaml: needs_fraud,
   needs_vulnerable and needs_complaint after the complaint rule, each needing
   corroboration (fraud words or the NLU's fraud intents weighing 0.5; a tone of -0.5 or
   the account's flag; complaint words or the complain intent); needs_person and
   needs_frustrated last, the latter only from the second message, after a failure, in a
   tone that is not warm. Thresholds chosen on the corpus out of writer fold, before
   routing: the lowest probability at which at most 0.25% of the corpus's bot messages are
   read as that class (four writers: fraud 0.80, vulnerable 0.70, complaint 0.55, person
   0.55, frustrated 0.75; seven: 0.90, 0.85, 0.40, 0.75, 0.85). At those commits
   ``train --routing-only`` prints the first two rows of each:

   ===================================  ========  =====  ======  ====  =====  ==========  ========
   2,490 conversations                  as        false  missed  late  wrong  calm to a   explicit
                                        expected  esc.                 lane   specialist  missed
   ===================================  ========  =====  ======  ====  =====  ==========  ========
   rules alone                          2277      86     77      23    27     13          1
   4 writers: + all five rules          2266      102    71      23    28     13          1
   4 writers: + all but needs_person    2278      90                          13          1
   4 writers: + specialist rules only   2280      86     76      22    26     13          1
   4 writers: + adviser rules only      2263      102                         13          1
   7 writers: + all five rules          2275      94     71      23    27     14          1
   7 writers: + all but needs_person    2279      89                          14          1
   7 writers: + specialist rules only   2280      86                          14          1
   7 writers: + adviser rules only      2272      94                          13          1
   ===================================  ========  =====  ======  ====  =====  ==========  ========

   Per set, seven writers, all five rules (alone -> with): dev 206 -> 203, eval 220 -> 220,
   holdout 197 -> 195, holdout2 206 -> 206, holdout3 229 -> 229, holdout4 237 -> 236,
   holdout5 212 -> 215, holdout6 235 -> 234, holdout8 214 -> 217, train_fraud 159 -> 158,
   train_escalate 162 -> 162. Four writers: dev 203, eval 219, holdout 195, holdout2 206,
   holdout3 227, holdout4 235, holdout5 213, holdout6 233, holdout8 216, train_fraud 157,
   train_escalate 162.

c. holdout7 (aggregate only, 272): 217 rules alone; four writers 220 (all five), 219 (all
   but needs_person), 218 (specialist only), 219 (adviser only); seven writers 220, 218, 217,
   220.

d. Calm conversations to a specialist: 13 alone; 13 with the four-writer rules, 14 with the
   seven-writer specialist rules (worse); an earlier four-writer fraud rule that took a
   fraud intent anywhere in the NLU's top three as corroboration made it 16 and was
   dropped. Explicit requests for a person missed: 1 in every variant.

Finding: not shipped. The criterion was +10 on b with c not down and d not worse; the best
variant is +3 (specialist rules only), inside the noise of a conversation or two per set,
and with seven writers it sends one more calm chat to a specialist. The model reads single
messages of the corpus's kind well (a), but in conversations its errors are of a kind the
corpus does not teach: the ``person`` reading fires on any message about a phone number,
"someone" or a "real person" ("what's the phone number for the DVLA", "are you a real person
or a bot? no offence", "if I lose my phone can someone get into my banking"), which the
routing sets' writers deliberately made calm; the ``frustrated`` reading fires on short
closings and chit-chat later in a chat ("you're no fun", "never mind!", "just saying hi",
even "you lot are great": sarcastic praise in the corpus); the ``fraud`` reading fires on
purchase disputes and lost phones ("the company has gone bust", "it's in bits in a
drawer"). It does find stories no cue knows ("kisi ne mere account se 500 pound nikaal
liye", "I paid for concert tickets from a guy on twitter and never got them", "£900 gone to
a casino site I've never used", "my son ... gets angry" when refused money), but those gains
are matched by the misreads at any threshold the corpus supports. More writers (four to
seven, c7 writing mid-conversation replies) raised every AUC and cut the adviser rules'
false escalations (102 to 94) but not enough. The asked_for_human cues already miss only
one explicit request on these sets, so a person reading adds little there.

Honesty about tuning: thresholds came from the corpus only; the rules' shapes were set from
the brief, with one change after seeing the tuning sets' differences (the fraud rule's
corroboration tightened from "a fraud intent in the top three" to "fraud intents weigh
0.5", after it sent two calm chats to the fraud team; noted in d above). The escalation
model refitted with the text model's probabilities as features (latest message, episode
maximum, both) was measured leave-one-set-out afterwards: +5 at best over its current
features on 2214 conversations (criterion +8), wrong lanes up; not shipped (finding and
table in tests/escalation_model.py, ``train --loso --needs``).

What ships: this script, the corpus, the scorer and its weights (not called by the engine:
no Signals field reads it), and tests/test_needs.py. Scorer cost: ``train`` prints it last
(timeit, best of 5): 6-47 us per message uncached once its words are known, 0.1 us cached
by text, on this machine with two cores shared by other jobs under nice 19.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from tests import needs_scorer as needs

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "needs_corpus"
BANKING77 = ROOT / "rasa_project" / "data" / "banking77" / "train.csv"
CLINC150 = ROOT / "rasa_project" / "data" / "clinc150" / "clinc150_subset.csv"
# The example bot's own greetings, goodbyes, thanks, yes and no (written for this project):
# the openings and closings of a chat, which the corpus's single messages rarely are.
NLU = ROOT / "rasa_project" / "data" / "nlu.yml"
NLU_CALM = ("greet", "goodbye", "thank_you", "affirm", "deny")
SEED = 0
C = 10.0
DECIMALS = 4
PER_BANKING77 = 8  # calm questions per banking77 category (train split only)
PER_CLINC = 10  # per CLINC150 small-talk intent (train split only), plus its oos_train
# banking77 categories that may be this customer's fraud (not recognised, compromised,
# stolen): left out, a writer would label some of them fraud.
B77_NOT_CALM = frozenset({
    "compromised_card", "card_payment_not_recognised", "cash_withdrawal_not_recognised",
    "direct_debit_payment_not_recognised", "lost_or_stolen_card", "lost_or_stolen_phone",
})  # fmt: skip
CLASSES = needs.CLASSES
FLAG_RATE = 0.10  # recall at <= 10% of bot messages flagged


def load_corpus(folder: Path) -> list[dict[str, Any]]:
    rows = []
    for path in sorted(folder.glob("c[0-9].jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["writer"] = path.stem
                rows.append(row)
    return rows


def load_external() -> list[dict[str, Any]]:
    """Calm questions and small talk (label bot) from the licensed sets the repo ships."""
    rng = random.Random(SEED)
    by_cat: dict[str, list[str]] = {}
    with BANKING77.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["category"] not in B77_NOT_CALM:
                by_cat.setdefault(row["category"], []).append(row["text"])
    rows = []
    for cat in sorted(by_cat):
        for text in rng.sample(by_cat[cat], min(PER_BANKING77, len(by_cat[cat]))):
            rows.append({"text": text, "label": "bot", "writer": "banking77"})
    by_intent: dict[str, list[str]] = {}
    with CLINC150.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["split"] == "train":
                by_intent.setdefault(row["intent"], []).append(row["text"])
            elif row["split"] == "oos_train":
                by_intent.setdefault("oos", []).append(row["text"])
    for intent in sorted(by_intent):
        texts = by_intent[intent]
        take = len(texts) if intent == "oos" else min(PER_CLINC, len(texts))
        for text in rng.sample(texts, take):
            rows.append({"text": text, "label": "bot", "writer": "clinc150"})
    intent = ""
    for line in NLU.read_text(encoding="utf-8").splitlines():
        if line.startswith("- intent:"):
            intent = line.split(":", 1)[1].strip()
        elif intent in NLU_CALM and line.startswith("    - "):
            rows.append({"text": line[6:].strip(), "label": "bot", "writer": "nlu.yml"})
    return rows


def sparse(rows: Iterable[list[int]]) -> csr_matrix:
    """Rows of hashed buckets as a sparse matrix of counts scaled by 1/sqrt(their number),
    as the pure-Python scorers compute them (this model's and round 13's context model's)."""
    data, indices, indptr = [], [], [0]
    for row in rows:
        counts = Counter(row)
        n = sum(counts.values())
        scale = 1.0 / np.sqrt(n) if n else 0.0
        for bucket in sorted(counts):
            indices.append(bucket)
            data.append(counts[bucket] * scale)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(indptr) - 1, needs.BUCKETS))


def matrix(texts: list[str]) -> csr_matrix:
    """The features exactly as tests/needs_scorer.py computes them (counts / sqrt(n))."""
    return sparse(needs.features(text) for text in texts)


def fit(rows: list[dict[str, Any]], c: float = C) -> LogisticRegression:
    x = matrix([r["text"] for r in rows])
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(x, y)
    return model


def keyword_baseline(text: str) -> list[float]:
    """A trivial 10-line keyword scorer, per class (1 if a keyword is present)."""
    t = text.lower()
    kw = {
        "person": r"\b(human|agent|adviser|advisor|person|someone|call me|phone|speak to|talk to)",
        "fraud": r"(fraud|scam|stolen|didn.t make|not me|hacked|safe account|code)",
        "vulnerable": r"(died|passed away|funeral|cancer|can.t cope|depress|suicid|abuse|carer)",
        "complaint": r"(complain|ombudsman|fca|solicitor|close my account|switch|press|twitter)",
        "frustrated": r"(useless|ridiculous|again|forget it|joke|!!|third time|seriously)",
    }
    return [0.0] + [1.0 if re.search(kw[c], t) else 0.0 for c in CLASSES[1:]]


def lowo(rows: list[dict[str, Any]], external: list[dict[str, Any]], c: float) -> np.ndarray:
    """Out-of-writer-fold probabilities for every corpus row."""
    writers = sorted({r["writer"] for r in rows})
    out = np.zeros((len(rows), len(CLASSES)))
    for writer in writers:
        train = [r for r in rows if r["writer"] != writer] + external
        test_idx = [i for i, r in enumerate(rows) if r["writer"] == writer]
        model = fit(train, c)
        probs = model.predict_proba(matrix([rows[i]["text"] for i in test_idx]))
        out[test_idx] = probs
    return out


def report(rows: list[dict[str, Any]], probs: np.ndarray, title: str) -> dict[str, Any]:
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    bot = y == 0
    res: dict[str, Any] = {}
    print(f"\n{title}")
    print(f"{'class':12s} {'n':>5s} {'AUC':>6s} {'recall@10%bot':>14s}")
    for k, name in enumerate(CLASSES[1:], 1):
        score = probs[:, k]
        pos = y == k
        sel = pos | bot
        auc = roc_auc_score(pos[sel], score[sel]) if pos.any() else float("nan")
        # flag scores above the bot score ranked just past 10%: at most 10% of bot flagged
        ranked = np.sort(score[bot])[::-1]
        cut = ranked[int(FLAG_RATE * len(ranked))]
        recall = float((score[pos] > cut).mean())
        res[name] = (auc, recall)
        print(f"{name:12s} {pos.sum():5d} {auc:6.3f} {recall:14.3f}")
    acc = (probs.argmax(1) == y).mean()
    print(f"top-class accuracy {acc:.3f}")
    return res


def export(model: LogisticRegression, provenance: dict[str, Any]) -> bytes:
    coef = model.coef_  # (classes, buckets)
    scale = 10**DECIMALS
    used = np.nonzero(np.abs(coef).max(axis=0) * scale >= 1)[0]
    weights = {str(int(b)): [round(float(v) * scale) for v in coef[:, b]] for b in used}
    data = {
        "classes": list(CLASSES),
        "buckets": needs.BUCKETS,
        "char_n": list(needs.CHAR_N),
        "decimals": DECIMALS,
        "intercepts": [round(float(v), 6) for v in model.intercept_],
        "provenance": provenance,
        "weights": weights,
    }
    text = json.dumps(data, sort_keys=True, separators=(",", ":"))
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as handle:
        handle.write(text.encode())
    return buf.getvalue()


def thresholds(
    rows: list[dict[str, Any]], probs: np.ndarray, rate: float = 0.01
) -> dict[str, float]:
    """Per class, the lowest probability (0.05 steps) at which at most ``rate`` of the
    corpus's bot messages (out of writer fold) are read as that class on top."""
    y = np.array([CLASSES.index(r["label"]) for r in rows])
    bot = y == 0
    top = probs.argmax(1)
    out = {}
    for k, name in enumerate(CLASSES[1:], 1):
        for t in np.arange(0.3, 1.0, 0.05):
            flagged = ((top == k) & (probs[:, k] >= t))[bot].mean()
            if flagged <= rate:
                rec = ((top == k) & (probs[:, k] >= t))[y == k].mean()
                out[name] = round(float(t), 2)
                print(
                    f"threshold ({rate:.2%} of bot) {name:12s} {t:.2f}: "
                    f"bot flagged {flagged:.4f}, recall {rec:.3f}"
                )
                break
    return out


# --------------------------------------------------------------------------- routing

RULES = ROOT / "rules" / "banking.yaml"
DATA = ROOT / "tests" / "data"
# The eleven tuning sets (the model never trains on them); holdout7: aggregate line only;
# the blind sets (holdout9, holdout10) are never read.
ROUTING_SETS = (
    "dev", "eval", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6",
    "holdout8", "train_fraud", "train_escalate",
)  # fmt: skip
CHECK_SET = "holdout7"
# "Calm to a specialist" here counts the complaints lane too (round 12's brief), so it is
# not handoff.evaluation's bot_to_specialist, which counts specialist-kind lanes only (on
# round 12's rules over the eleven sets: 10 here, 8 there).
SPECIALIST = frozenset({"fraud", "vulnerable_customers", "complaints"})
_BLOCK = re.compile(r"\n *# >>> needs model.*?# <<< needs model[^\n]*", re.S)


def without_needs_rules(text: str) -> str:
    """The rules file with the text model's rule blocks removed: the rules alone."""
    return _BLOCK.sub("", text)


def route(rules_text: str, names: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Per set: as expected, each outcome, calm to a specialist, explicit requests missed."""
    from handoff import Router  # noqa: PLC0415
    from handoff.evaluation import evaluate, load_eval_set, load_parses  # noqa: PLC0415

    router = Router.from_yaml(rules_text)
    out = {}
    for name in names:
        folder = DATA / f"routing_{name}"
        res = evaluate(
            router,
            load_eval_set(folder / "banking.yaml"),
            load_parses(folder / "nlu" / "banking.jsonl"),
        )
        rs = res.conversations
        c: Counter[str] = Counter(r.outcome for r in rs)
        row = {"n": len(rs), **c}
        if name != CHECK_SET:
            row["calm_to_specialist"] = sum(
                1 for r in rs if r.expected.lane_kind == "bot" and r.lane in SPECIALIST
            )
            row["explicit_missed"] = sum(
                1
                for r in rs
                if r.category == "explicit_request" and r.outcome in ("missed", "late")
            )
        out[name] = row
    return out


def print_routing(alone: dict[str, dict[str, int]], with_: dict[str, dict[str, int]]) -> None:
    keys = ("as_expected", "false_escalation", "missed", "late", "wrong_lane",
            "calm_to_specialist", "explicit_missed")  # fmt: skip
    print(
        f"\n{'set':15s} "
        + " ".join(f"{k[:12]:>12s}" for k in keys)
        + "   (rules alone -> + text model)"
    )
    total_a: Counter[str] = Counter()
    total_w: Counter[str] = Counter()
    for name, a in alone.items():
        w = with_[name]
        if name == CHECK_SET:
            print(
                f"{name:15s} as expected {a.get('as_expected', 0)} -> "
                f"{w.get('as_expected', 0)} of {a['n']} (aggregate only)"
            )
            continue
        total_a.update(a)
        total_w.update(w)
        print(f"{name:15s} " + " ".join(f"{a.get(k, 0):5d}->{w.get(k, 0):<5d}" for k in keys))
    print(
        f"{'TOTAL':15s} "
        + " ".join(f"{total_a.get(k, 0):5d}->{total_w.get(k, 0):<5d}" for k in keys)
        + f"  of {total_a['n']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["train"])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--c", type=float, default=C)
    parser.add_argument("--routing", action="store_true", help="route the tuning sets")
    parser.add_argument("--routing-only", action="store_true", help="only route (no training)")
    args = parser.parse_args(argv)
    if args.routing_only:
        return routing()
    rows = load_corpus(args.corpus)
    external = load_external()
    print(
        f"corpus {len(rows)} messages: "
        + ", ".join(f"{w} {n}" for w, n in sorted(Counter(r["writer"] for r in rows).items()))
    )
    print(
        "labels: "
        + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r["label"] for r in rows).items()))
    )
    print(f"external calm (bot): {len(external)}")
    probs = lowo(rows, external, args.c)
    report(rows, probs, f"leave-one-writer-out, C={args.c}")
    base = np.array([keyword_baseline(r["text"]) for r in rows])
    report(rows, base, "keyword baseline")
    thresholds(rows, probs, 0.01)
    thresholds(rows, probs, 0.0025)
    model = fit(rows + external, args.c)
    digest = hashlib.sha256()
    for path in sorted(args.corpus.glob("c[0-9].jsonl")):
        digest.update(path.read_bytes())
    blob = export(
        model,
        {
            "corpus_sha256": digest.hexdigest(),
            "messages": len(rows),
            "external": len(external),
            "C": args.c,
            "script": "tests/needs_model.py",
        },
    )
    print(f"weights file {len(blob)} bytes")
    if args.write:
        needs.MODEL_PATH.write_bytes(blob)
        print(f"wrote {needs.MODEL_PATH}")
    speed()
    if args.routing:
        routing()
    return 0


def speed() -> None:
    """The scorer's cost per message (timeit, best of 5), uncached and cached by text."""
    import timeit  # noqa: PLC0415

    texts = (
        "thanks",
        "can I speak to a real person please",
        "hi my card got declined at tesco but I have money in the account, why?",
        "a man rang saying he was from your fraud team and I read him the code from my text,"
        " now there's £900 gone from my account",
    )
    for text in texts:
        needs.probabilities(text)  # its words' shares computed once
        number = 2000
        uncached = min(
            timeit.repeat(
                lambda t=text: needs.probabilities.__wrapped__(t), number=number, repeat=5
            )
        )
        cached = min(timeit.repeat(lambda t=text: needs.predict(t), number=number, repeat=5))
        print(
            f"scorer {len(text):4d} chars: {uncached / number * 1e6:6.1f} us uncached, "
            f"{cached / number * 1e6:.2f} us cached by text"
        )


def routing() -> int:
    text = RULES.read_text(encoding="utf-8")
    if not _BLOCK.search(text):
        print("rules/banking.yaml has no needs-model block (round 12 did not ship it):")
        print("check out commit d8ad8bf (signals need/need_score and the block) to reproduce.")
        return 1
    names = (*ROUTING_SETS, CHECK_SET)
    print_routing(route(without_needs_rules(text), names), route(text, names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
