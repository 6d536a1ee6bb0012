"""Measure the demo bot's NLU on data it was never trained on, and write the figures.

    .venv-rasa/bin/python rasa_project/scripts/measure_nlu.py MODEL    # writes results/nlu.json
    .venv/bin/python rasa_project/scripts/measure_nlu.py --table       # README table from it

Runs in Rasa's own venv (it loads the trained model with Rasa) and parses, one by one, as
the bot would on a live turn (FallbackClassifier included):

- banking77's whole test split (3,080 messages, 40 per intent; data/banking77/test.csv).
  Accuracy counts a message right only when the bot's intent is its banking77 category, so
  a fallback is a miss. ``top_intent_accuracy`` ignores the fallback (what `rasa test nlu`
  reports).
- CLINC150's out-of-scope test queries (1,000; data/clinc150/clinc150_subset.csv, split
  oos_test). Recall counts a query caught when the bot says ``out_of_scope`` (a polite
  "banking only" answer) or falls back (``nlu_fallback``).
- CLINC150's small-talk test queries (15 intents x 30): right when the bot picks the same
  small-talk intent (CLINC150's ``greeting`` is the bot's ``greet``).
- 200 strings of random letters (fixed seed): how often nonsense falls back rather than
  being taken for a question.

The rates are also recomputed at other FallbackClassifier thresholds from the same
predictions (the ranking under ``nlu_fallback`` keeps the classifier's own confidences).
Nothing here is used for training or for choosing the bot's settings: ``--validation``
measures the same way on banking77 train messages the bot was not trained on and CLINC150's
validation splits (results/nlu_validation.json), and config.yml's threshold is the one that
did best there (``choose_threshold``).

Standard library only, apart from Rasa for the measuring itself, so the test suite can
render the README table (``--table``) without Rasa.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import hashlib
import json
import os
import platform
import random
import re
import string
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
ROOT = PROJECT.parent
RESULTS = PROJECT / "results" / "nlu.json"
VALIDATION = PROJECT / "results" / "nlu_validation.json"
BANKING77_TRAIN = PROJECT / "data" / "banking77" / "train.csv"
VALIDATION_PER_INTENT = 10
BANKING77_TEST = PROJECT / "data" / "banking77" / "test.csv"
CLINC150_SUBSET = PROJECT / "data" / "clinc150" / "clinc150_subset.csv"
# What decides the NLU predictions: the pipeline and the training examples.
NLU_INPUTS = (PROJECT / "config.yml", PROJECT / "data" / "nlu.yml")
FALLBACK = "nlu_fallback"
OUT_OF_SCOPE = "out_of_scope"
SMALL_TALK = {"greeting": "greet"}  # CLINC150 name -> the bot's, where they differ
SWEEP = tuple(round(0.3 + 0.05 * i, 2) for i in range(11))  # 0.30 ... 0.80
GIBBERISH = 200
# banking77 categories behind the fraud red line (rules/banking.yaml, condition
# fraud_or_compromise), plus the bot's written report_fraud intent.
FRAUD_TYPE = frozenset(
    {
        "report_fraud",
        "compromised_card",
        "card_payment_not_recognised",
        "cash_withdrawal_not_recognised",
        "direct_debit_payment_not_recognised",
        "lost_or_stolen_card",
        "lost_or_stolen_phone",
    }
)
# Larson et al. 2019 (EMNLP), "An Evaluation Dataset for Intent Classification and
# Out-of-Scope Prediction", Table 2: Rasa, full CLINC150 training set (150 intents x 100),
# out-of-scope predicted by a confidence threshold. As quoted in the project's data notes
# (the paper's PDF was not at hand to re-check them).
PAPER_RASA = {"in_scope_accuracy": 0.909, "oos_recall": 0.312}


def sha256(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def read_config() -> dict[str, float]:
    """FallbackClassifier's two thresholds, read from config.yml without a YAML library."""
    text = (PROJECT / "config.yml").read_text(encoding="utf-8")
    block = text.split("name: FallbackClassifier", 1)[1]
    found = {
        key: float(re.search(rf"^\s*{key}:\s*([0-9.]+)", block, re.M).group(1))  # type: ignore[union-attr]
        for key in ("threshold", "ambiguity_threshold")
    }
    return found


def training_counts() -> dict[str, int]:
    intents = Counter()
    current = None
    for line in (PROJECT / "data" / "nlu.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("- intent: "):
            current = line.removeprefix("- intent: ")
        elif line.startswith("- "):
            current = None
        elif current and line.startswith("    - "):
            intents[current] += 1
    return {"intents": len(intents), "examples": sum(intents.values())}


def gibberish(count: int) -> list[str]:
    rng = random.Random(7)
    return [
        " ".join(
            "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 8)))
            for _ in range(rng.randint(2, 5))
        )
        for _ in range(count)
    ]


def eval_sets() -> dict[str, list[tuple[str, str]]]:
    """(text, expected intent) per set."""
    with BANKING77_TEST.open(newline="", encoding="utf-8") as handle:
        banking = [(r["text"], r["category"]) for r in csv.DictReader(handle)]
    with CLINC150_SUBSET.open(newline="", encoding="utf-8") as handle:
        clinc = list(csv.DictReader(handle))
    oos = [(r["text"], OUT_OF_SCOPE) for r in clinc if r["split"] == "oos_test"]
    small = [(r["text"], SMALL_TALK.get(r["intent"], r["intent"])) for r in clinc
             if r["split"] == "test"]  # fmt: skip
    return {
        "banking77_test": banking,
        "clinc150_oos_test": oos,
        "clinc150_small_talk_test": small,
        "gibberish": [(text, FALLBACK) for text in gibberish(GIBBERISH)],
    }


def trained_texts() -> set[str]:
    return {
        line.removeprefix("    - ").lower()
        for line in (PROJECT / "data" / "nlu.yml").read_text(encoding="utf-8").splitlines()
        if line.startswith("    - ")
    }


def validation_sets() -> dict[str, list[tuple[str, str]]]:
    """For choosing the fallback threshold: banking77 train messages the bot was not trained
    on (VALIDATION_PER_INTENT per intent, fixed seed), CLINC150's out-of-scope and
    small-talk validation splits. Never the test splits."""
    skip = trained_texts()
    with BANKING77_TEST.open(newline="", encoding="utf-8") as handle:
        skip |= {r["text"].lower() for r in csv.DictReader(handle)}
    unused: dict[str, list[str]] = {}
    with BANKING77_TRAIN.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["text"].lower() not in skip:
                unused.setdefault(row["category"], []).append(row["text"])
    rng = random.Random(11)
    banking = [(text, name) for name in sorted(unused)
               for text in rng.sample(unused[name], min(VALIDATION_PER_INTENT, len(unused[name])))]  # fmt: skip
    with CLINC150_SUBSET.open(newline="", encoding="utf-8") as handle:
        clinc = list(csv.DictReader(handle))
    return {
        "banking77_test": banking,
        "clinc150_oos_test": [(r["text"], OUT_OF_SCOPE) for r in clinc if r["split"] == "oos_val"],
        "clinc150_small_talk_test": [(r["text"], SMALL_TALK.get(r["intent"], r["intent"]))
                                     for r in clinc if r["split"] == "val"],  # fmt: skip
    }


def choose_threshold(sweep: dict[str, Any]) -> float:
    """The threshold with the best mean of banking77 accuracy and out-of-scope recall
    (validation data only); ties go to the lower threshold."""
    def merit(key: str) -> float:
        r = sweep[key]
        return float(r["banking77_test"]["accuracy"] + r["clinc150_oos_test"]["recall"]) / 2

    return float(max(sorted(sweep, key=float), key=merit))


def decide(ranking: list[tuple[str, float]], threshold: float, ambiguity: float) -> str:
    """The intent FallbackClassifier would give with these thresholds."""
    if not ranking:
        return FALLBACK
    top = ranking[0][1]
    second = ranking[1][1] if len(ranking) > 1 else 0.0
    if top < threshold or top - second < ambiguity:
        return FALLBACK
    return ranking[0][0]


def rate(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def score(name: str, rows: list[tuple[str, list[tuple[str, float]]]], threshold: float,
          ambiguity: float, banking_intents: frozenset[str]) -> dict[str, Any]:  # fmt: skip
    """Rates for one set at one threshold; rows are (expected, raw ranking)."""
    got = [(expected, decide(ranking, threshold, ambiguity)) for expected, ranking in rows]
    n = len(got)
    out: dict[str, Any] = {"n": n}
    fallbacks = sum(p == FALLBACK for _, p in got)
    out["fallback_rate"] = rate(fallbacks, n)
    if name == "clinc150_oos_test":
        as_oos = sum(p == OUT_OF_SCOPE for _, p in got)
        out["recall"] = rate(as_oos + fallbacks, n)
        out["answered_out_of_scope"] = rate(as_oos, n)
        out["took_a_banking77_intent"] = rate(sum(p in banking_intents for _, p in got), n)
    elif name == "gibberish":
        out["answered_out_of_scope"] = rate(sum(p == OUT_OF_SCOPE for _, p in got), n)
    else:
        out["accuracy"] = rate(sum(e == p for e, p in got), n)
        out["answered_out_of_scope"] = rate(sum(p == OUT_OF_SCOPE for _, p in got), n)
    if name == "banking77_test":
        out["top_intent_accuracy"] = rate(sum(e == r[0][0] for e, r in rows if r), n)
        fraud = [(e, p) for e, p in got if e in FRAUD_TYPE]
        calm = [(e, p) for e, p in got if e not in FRAUD_TYPE]
        out["fraud_type"] = {
            "n": len(fraud),
            "got_a_fraud_type_intent": rate(sum(p in FRAUD_TYPE for _, p in fraud), len(fraud)),
            "fell_back": rate(sum(p == FALLBACK for _, p in fraud), len(fraud)),
        }
        out["other"] = {
            "n": len(calm),
            "got_a_fraud_type_intent": rate(sum(p in FRAUD_TYPE for _, p in calm), len(calm)),
        }
    return out


async def predict(model: Path, texts: list[str]) -> list[tuple[str, list[tuple[str, float]]]]:
    """Each text's intent as the bot gave it, and the ranking as the classifier made it
    (nlu_fallback taken out)."""
    import logging

    from rasa.core.agent import Agent  # Rasa's venv only
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no per-message debug lines (they carry the text)
    agent = Agent.load(model)
    predictions = []
    for text in texts:
        parsed = await agent.parse_message(text)
        ranking = [(r["name"], float(r["confidence"])) for r in parsed.get("intent_ranking", [])
                   if r["name"] != FALLBACK]  # fmt: skip
        predictions.append((parsed["intent"]["name"], ranking))
    return predictions


def measure(model: Path, validation: bool = False) -> dict[str, Any]:
    sets = validation_sets() if validation else eval_sets()
    config = read_config()
    started = time.monotonic()
    texts = [text for rows in sets.values() for text, _ in rows]
    predictions = asyncio.run(predict(model, texts))
    seconds = time.monotonic() - started
    # The sweep replays FallbackClassifier on the rankings: at the bot's own thresholds the
    # replay must give exactly the bot's intents.
    replay_mismatches = sum(
        decide(ranking, config["threshold"], config["ambiguity_threshold"]) != intent
        for intent, ranking in predictions
    )
    rankings = iter(ranking for _, ranking in predictions)
    raw = {name: [(expected, next(rankings)) for _, expected in rows]
           for name, rows in sets.items()}  # fmt: skip
    banking_intents = frozenset(e for e, _ in raw["banking77_test"])

    def at(threshold: float) -> dict[str, Any]:
        return {name: score(name, rows, threshold, config["ambiguity_threshold"], banking_intents)
                for name, rows in raw.items()}  # fmt: skip

    import rasa  # noqa: PLC0415

    sweep = {f"{t:.2f}": at(t) for t in SWEEP}
    return {
        "conditions": {
            "data": "validation" if validation else "test",
            "rasa": rasa.__version__,
            "model": model.name,
            "nlu_inputs_sha256": sha256(*NLU_INPUTS),
            "eval_data_sha256": sha256(BANKING77_TRAIN if validation else BANKING77_TEST,
                                       CLINC150_SUBSET),
            "fallback_threshold": config["threshold"],
            "ambiguity_threshold": config["ambiguity_threshold"],
            "training": training_counts(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}, "
            f"Python {platform.python_version()}",
            "parse_seconds": round(seconds, 1),
            "messages": len(texts),
            "replay_mismatches": replay_mismatches,
        },
        "results": at(config["threshold"]),
        "sweep": sweep,
        "best_threshold_on_this_data": choose_threshold(sweep),
        "paper_rasa": PAPER_RASA,
    }


def pct(value: float) -> str:
    return f"{100 * value:.1f}%"


def table(data: dict[str, Any]) -> str:
    """The README's table, from the results file (tests check the README against it)."""
    r, c = data["results"], data["conditions"]
    b, o, s = r["banking77_test"], r["clinc150_oos_test"], r["clinc150_small_talk_test"]
    paper = data["paper_rasa"]
    fraud, other, nonsense = b["fraud_type"], b["other"], r["gibberish"]
    lines = [
        f"| measured on | this bot (Rasa {c['rasa']}, fallback threshold "
        f"{c['fallback_threshold']}) | Larson et al. 2019, Rasa |",
        "|---|---|---|",
        f"| banking77 test split, {b['n']:,} messages: accuracy (a fallback is a miss) "
        f"| {pct(b['accuracy'])} ({pct(b['top_intent_accuracy'])} ignoring the fallback; "
        f"{pct(b['fallback_rate'])} fall back) | not measured |",
        f"| CLINC150 small talk, {s['n']} test messages: in-scope accuracy "
        f"| {pct(s['accuracy'])} ({pct(s['fallback_rate'])} fall back) "
        f"| {pct(paper['in_scope_accuracy'])} (in-scope accuracy over CLINC150's 150 intents) |",
        f"| CLINC150 out-of-scope test, {o['n']:,} queries: recall "
        f"| {pct(o['recall'])} ({pct(o['answered_out_of_scope'])} answered as out of scope, "
        f"{pct(o['fallback_rate'])} fall back; {pct(o['took_a_banking77_intent'])} took a "
        f"banking intent) | {pct(paper['oos_recall'])} |",
        f"| banking77 fraud-type test messages ({fraud['n']}): get a fraud-type intent "
        f"| {pct(fraud['got_a_fraud_type_intent'])} ({pct(fraud['fell_back'])} fall back) | — |",
        f"| other banking77 test messages ({other['n']:,}): wrongly get a fraud-type intent "
        f"| {pct(other['got_a_fraud_type_intent'])} | — |",
        f"| {nonsense['n']} strings of random letters: fall back "
        f"| {pct(nonsense['fallback_rate'])} | — |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("model", nargs="?", type=Path, help="the trained model (.tar.gz)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file (JSON)")
    parser.add_argument("--table", action="store_true", help="print the README table")
    parser.add_argument(
        "--validation",
        action="store_true",
        help=f"measure on the validation data instead (default --out {VALIDATION.name}), "
        "to choose the fallback threshold",
    )
    args = parser.parse_args(argv)
    if args.validation and args.out == RESULTS:
        args.out = VALIDATION
    if args.table:
        print(table(json.loads(args.out.read_text(encoding="utf-8"))))
        return 0
    if args.model is None:
        parser.error("give the model's path (prepare_rasa.py prints it), or --table")
    # Rasa's settings for every command here (prepare_rasa.py): no telemetry, cache outside
    # the repository.
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("RASA_CACHE_DIRECTORY", str(ROOT / ".e2e" / "rasa-cache"))
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    data = measure(args.model, validation=args.validation)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(table(data))
    print(f"best threshold on this data: {data['best_threshold_on_this_data']}")
    print(f"written: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
