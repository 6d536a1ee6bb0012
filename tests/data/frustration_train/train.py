"""Rebuild handoff/signals/frustration_model.json.gz: the learned part of the frustration score.

Two steps, both deterministic (README.md in this folder says what, why and on which data):

* ``build``: collect the training texts from the upstream data sets into ``train.jsonl.gz``
  (needs ``/work/shared/data`` or ``SHARED_DATA``; the result is committed, so retraining
  does not need the upstream files);
* ``train`` (the default): fit the word model on ``train.jsonl.gz``, fit the blend on the
  odd-id half of ``tests/data/frustration/support_messages.tsv``, write the model file.

Needs the ``train`` extra (scikit-learn). From the repository root:
``.venv/bin/python tests/data/frustration_train/train.py [build|train|check]``.
``check`` retrains in memory and compares with the shipped file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
TRAIN_DATA = HERE / "train.jsonl.gz"
SUPPORT = ROOT / "tests" / "data" / "frustration" / "support_messages.tsv"
HELDOUT = ROOT / "tests" / "data" / "frustration_heldout" / "messages.tsv"

# GoEmotions label ids (labels.txt) that count as frustration: anger, annoyance,
# disappointment, disapproval.
FRUSTRATED_EMOTIONS = frozenset({2, 3, 9, 10})
# Chosen on the old support set (5-fold CV of the blend, see README.md), never on the held-out set.
C = 1.0
MIN_DF = 2
DECIMALS = 4
SEED = 0
BLEND_CALM = HERE / "blend_calm.tsv"
# How many CLINC150 validation queries join the blend's tuning data as calm (label 0) text.
CALM_SAMPLE = 150
CALM_SEED = 11


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def build(shared: Path) -> None:
    """Write train.jsonl.gz from GoEmotions train, BANKING77 train and CLINC150 train.

    Texts that also occur in either evaluation set (compared lower-cased, whitespace
    collapsed) are left out, so no evaluated message is ever trained on. Only the texts are
    read from the evaluation sets, never their labels.
    """
    evaluated = {_norm(r["text"]) for r in _tsv(SUPPORT) + _tsv(HELDOUT)}
    rows: list[tuple[str, int, str]] = []
    with (shared / "goemotions" / "train.tsv").open(encoding="utf-8", newline="") as f:
        for text, ids, _ in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            label = int(bool(FRUSTRATED_EMOTIONS & {int(i) for i in ids.split(",")}))
            rows.append(("goemotions", label, text))
    with (shared / "banking77" / "train.csv").open(encoding="utf-8", newline="") as f:
        rows.extend(("banking77", 0, r["text"]) for r in csv.DictReader(f))
    clinc = json.loads((shared / "clinc150" / "data_full.json").read_text(encoding="utf-8"))
    rows.extend(("clinc150", 0, text) for text, _ in clinc["train"] + clinc["oos_train"])
    kept = [r for r in rows if _norm(r[2]) not in evaluated]
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        for source, label, text in kept:
            line = json.dumps({"source": source, "label": label, "text": text}, ensure_ascii=False)
            gz.write(line.encode("utf-8") + b"\n")
    TRAIN_DATA.write_bytes(buffer.getvalue())
    calm = [t for t, _ in clinc["val"] + clinc["oos_val"] if _norm(t) not in evaluated]
    random.Random(CALM_SEED).shuffle(calm)
    with BLEND_CALM.open("w", encoding="utf-8", newline="") as f:
        f.write("text\n")
        f.writelines(f"{t}\n" for t in calm[:CALM_SAMPLE])
    print(f"{TRAIN_DATA.name}: {len(kept)} texts ({len(rows) - len(kept)} left out as evaluated)")


def load_training(path: Path = TRAIN_DATA) -> tuple[list[str], list[int]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [r["text"] for r in rows], [int(r["label"]) for r in rows]


def blend_tuning_set() -> tuple[list[str], list[int]]:
    """The data the blend and FRUSTRATION_THRESHOLD are tuned on: the odd-id half of the old
    support set, plus CLINC150 validation queries as calm text (label 0) the old set lacks."""
    dev = [r for r in _tsv(SUPPORT) if int(r["id"][2:]) % 2 == 1]
    calm = [r["text"] for r in _tsv(BLEND_CALM)]
    return [r["text"] for r in dev] + calm, [int(r["label"]) for r in dev] + [0] * len(calm)


def fit_word_model(
    texts: list[str], labels: list[int]
) -> tuple[float, dict[str, float], Callable[[list[str]], list[float]]]:
    """The word model: its bias and weights, rounded to DECIMALS (zeros dropped), and
    scikit-learn's own unrounded log-odds for other texts (to check the runtime against)."""
    from scipy import sparse  # noqa: PLC0415
    from sklearn.feature_extraction.text import CountVectorizer  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    from handoff.signals import learned  # noqa: PLC0415
    from handoff.signals.text import _words  # noqa: PLC0415

    def scaled(batch: list[str], matrix: Any) -> Any:
        # As learned.model_logit scales: each present feature 1 / sqrt(n + SHRINK), n
        # counted over all the message's features (in the vocabulary or not).
        counts = [len(learned.features(_words(t))) for t in batch]
        return sparse.diags([1.0 / (n + learned.SHRINK) ** 0.5 for n in counts]) @ matrix

    vectorizer = CountVectorizer(
        analyzer=lambda t: sorted(learned.features(_words(t))), binary=True, min_df=MIN_DF
    )
    matrix = scaled(texts, vectorizer.fit_transform(texts))
    model = LogisticRegression(
        C=C, class_weight="balanced", max_iter=5000, tol=1e-8, random_state=SEED
    ).fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(w), DECIMALS)
        for name, w in zip(names, model.coef_[0], strict=True)
        if round(float(w), DECIMALS) != 0.0
    }

    def predict(batch: list[str]) -> list[float]:
        return [
            float(v) for v in model.decision_function(scaled(batch, vectorizer.transform(batch)))
        ]

    return round(float(model.intercept_[0]), DECIMALS), dict(sorted(weights.items())), predict


def fit(texts: list[str], labels: list[int]) -> dict[str, Any]:
    """The model file's content: word-model weights (rounded), and the blend fitted on
    :func:`blend_tuning_set` with the rounded weights."""
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    from handoff.signals import learned  # noqa: PLC0415
    from handoff.signals.text import frustration_parts  # noqa: PLC0415

    bias, weights, _ = fit_word_model(texts, labels)
    word_model = learned.LearnedModel(bias=bias, weights=weights, blend=learned.Blend(0, 0, 0))
    texts_dev, labels_dev = blend_tuning_set()
    x = [list(frustration_parts(t, word_model)) for t in texts_dev]
    stack = LogisticRegression(C=1.0, max_iter=1000, tol=1e-10).fit(x, labels_dev)
    blend = {
        "intercept": round(float(stack.intercept_[0]), DECIMALS),
        "lexicon": round(float(stack.coef_[0][0]), DECIMALS),
        "model": round(float(stack.coef_[0][1]), DECIMALS),
    }
    return {"bias": bias, "blend": blend, "weights": weights}


def dump(content: dict[str, Any]) -> bytes:
    """The model file's bytes: sorted JSON, gzip without a timestamp (same input, same bytes)."""
    raw = json.dumps(content, sort_keys=True, separators=(",", ":")).encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    from handoff.signals import learned  # noqa: PLC0415

    step = argv[0] if argv else "train"
    if step == "build":
        build(Path(os.environ.get("SHARED_DATA", "/work/shared/data")))
        return 0
    content = fit(*load_training())
    if step == "check":
        same = dump(content) == learned.MODEL_PATH.read_bytes()
        print("shipped model reproduced" if same else "shipped model DIFFERS from retrained one")
        return 0 if same else 1
    learned.MODEL_PATH.write_bytes(dump(content))
    print(f"{learned.MODEL_PATH}: {len(content['weights'])} weights, blend {content['blend']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
