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
import math
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
if str(ROOT) not in sys.path:  # run as a script: the shared threshold rule lives in tests/
    sys.path.insert(0, str(ROOT))
from tests.frustration_threshold import lowest_threshold  # noqa: E402

TRAIN_DATA = HERE / "train.jsonl.gz"
SUPPORT = ROOT / "tests" / "data" / "frustration" / "support_messages.tsv"
HELDOUT = ROOT / "tests" / "data" / "frustration_heldout" / "messages.tsv"

# GoEmotions label ids (labels.txt) that count as frustration: anger, annoyance,
# disappointment. Disapproval (10) alone is 0: it is mostly disagreement ("No.", "Nope,
# that's wrong"), which taught the model that a bare "no" is anger (see README.md).
FRUSTRATED_EMOTIONS = frozenset({2, 3, 9})
# Chosen on the old support set (5-fold CV of the blend, see README.md), never on the held-out set.
C = 1.0
MIN_DF = 2
DECIMALS = 4
SEED = 0
BLEND_CALM = HERE / "blend_calm.tsv"
WRITTEN = HERE / "support_written.tsv"
# How many CLINC150 validation queries join the blend's tuning data as calm (label 0) text.
CALM_SAMPLE = 150
CALM_SEED = 11
# How much one support message of odd_halves() counts in the word model, against one
# GoEmotions/BANKING77/CLINC150 text (5 and 20 measured alike on the development data).
SUPPORT_WEIGHT = 5.0
# Folds of the out-of-fold fit of the blend.
FOLDS = 5


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


def odd_halves() -> list[dict[str, str]]:
    """The labelled support messages the blend and FRUSTRATION_THRESHOLD are tuned on: the
    odd-id halves of the old support set and of the written one (the even halves are for
    checking, see README.md)."""
    return [r for r in _tsv(SUPPORT) + _tsv(WRITTEN) if int(r["id"][2:]) % 2 == 1]


def blend_tuning_set() -> tuple[list[str], list[int]]:
    """The data the blend is fitted on: :func:`odd_halves`, plus CLINC150 validation queries
    as calm text (label 0) the support sets lack."""
    dev = odd_halves()
    calm = [r["text"] for r in _tsv(BLEND_CALM)]
    return [r["text"] for r in dev] + calm, [int(r["label"]) for r in dev] + [0] * len(calm)


def fit_word_model(
    texts: list[str], labels: list[int], sample_weight: list[float] | None = None
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
    ).fit(matrix, labels, sample_weight=sample_weight)
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
    """The model file's content: word-model weights (rounded), the blend, and the thresholds.

    The word model learns from ``texts`` plus :func:`odd_halves` (support messages, each
    counting SUPPORT_WEIGHT times). The blend must not be fitted on log-odds of messages the
    word model has seen (they look more certain than new messages will), so it is fitted on
    out-of-fold inputs: FOLDS word models, each trained without one fold of the support
    messages, score that fold. The same out-of-fold scores fix the thresholds (FPR <= 0.10
    on the support messages, :func:`lowest_threshold`).
    """
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415
    from sklearn.model_selection import StratifiedKFold  # noqa: PLC0415

    from handoff.signals import learned  # noqa: PLC0415
    from handoff.signals.text import blend_inputs  # noqa: PLC0415

    support = odd_halves()
    s_texts = [r["text"] for r in support]
    s_labels = [int(r["label"]) for r in support]

    def word_model(extra: list[int]) -> learned.LearnedModel:
        bias, weights, _ = fit_word_model(
            texts + [s_texts[i] for i in extra],
            labels + [s_labels[i] for i in extra],
            [1.0] * len(texts) + [SUPPORT_WEIGHT] * len(extra),
        )
        return learned.LearnedModel(bias=bias, weights=weights, blend=learned.Blend(0, 0, 0))

    def inputs(text: str, model: learned.LearnedModel) -> list[float]:
        lexicon_score, logit, shape = blend_inputs(text, model)
        return [lexicon_score, logit, *shape]

    out_of_fold: dict[int, list[float]] = {}
    folds = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    for kept, left_out in folds.split(s_texts, s_labels):
        fold_model = word_model([int(i) for i in kept])
        out_of_fold.update({int(i): inputs(s_texts[i], fold_model) for i in left_out})
    final = word_model(list(range(len(s_texts))))
    support_x = [out_of_fold[i] for i in range(len(s_texts))]
    calm = [r["text"] for r in _tsv(BLEND_CALM)]
    x = support_x + [inputs(t, final) for t in calm]
    y = s_labels + [0] * len(calm)
    stack = LogisticRegression(C=1.0, max_iter=1000, tol=1e-10).fit(x, y)
    coef = [round(float(c), DECIMALS) for c in stack.coef_[0]]
    blend = learned.Blend(
        intercept=round(float(stack.intercept_[0]), DECIMALS),
        lexicon=coef[0],
        model=coef[1],
        shapes=tuple(coef[2:]),
    )
    blended = [
        learned.blend(v[0], v[1], learned.LearnedModel(0.0, {}, blend), v[2:]) for v in support_x
    ]
    model_alone = [1.0 / (1.0 + math.exp(-v[1])) for v in support_x]
    return {
        "bias": final.bias,
        "blend": {
            "intercept": blend.intercept,
            "lexicon": blend.lexicon,
            "model": blend.model,
            "shapes": dict(zip(learned.SHAPES, blend.shapes, strict=True)),
        },
        "thresholds": {
            "combined": lowest_threshold(blended, s_labels),
            "model": lowest_threshold(model_alone, s_labels),
        },
        "weights": final.weights,
    }


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
