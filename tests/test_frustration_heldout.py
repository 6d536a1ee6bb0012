"""The frustration score on the held-out set, and the learned model behind it.

tests/data/frustration_heldout was labelled before any tuning and is only measured on; the
blend and every threshold were fixed on the odd-id halves of tests/data/frustration and
tests/data/frustration_train/support_written.tsv (plus calm CLINC150 validation queries)
before each measurement (git history: the commit that ships a model precedes the one that
adds its figures). Figures come from
tests/frustration_eval.py; README.md must quote exactly them. Run with ``-s`` to see them.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

import pytest

from handoff.signals import learned
from handoff.signals.text import FRUSTRATION_THRESHOLD, _words, analyze_text
from tests import frustration_eval as ev
from tests.data.frustration_train import train

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def heldout() -> dict[str, ev.Row]:
    rows = ev.measure(ev.score(ev.read(ev.HELDOUT)))
    for row in rows:
        print(f"\n{row.name}: AUC {row.auc} recall {row.recall} FPR {row.fpr}")
    return {r.name: r for r in rows}


class TestThresholds:
    """Every threshold in the tables follows one rule (lowest 0.05 step with FPR <= 0.10) on
    tuning data, never on the held-out set."""

    def test_lexicon_rule_on_the_odd_half(self) -> None:
        scores = ev.score(ev.old_half(1))
        assert ev.lowest_threshold(scores.lexicon, scores.labels) == ev.LEXICON_THRESHOLD

    def test_learned_thresholds_are_the_training_scripts(self) -> None:
        """The blend's and the word model's thresholds come from the training script's
        out-of-fold scores of the support messages it tunes on (the word model has seen those
        messages, so in-sample scores would set them too low); the slow retraining test
        re-derives them."""
        thresholds = learned.load().thresholds
        assert thresholds == {"combined": FRUSTRATION_THRESHOLD, "model": ev.MODEL_THRESHOLD}

    def test_training_script_and_evaluation_share_the_rule(self) -> None:
        """One function (tests/frustration_threshold.py), not two copies that could drift."""
        assert train.lowest_threshold is ev.lowest_threshold
        scores = ev.score(ev.old_half(1))
        assert ev.lowest_threshold(scores.lexicon, scores.labels) == ev.LEXICON_THRESHOLD


class TestHeldOut:
    """Measured once, after every choice was made; never tuned on."""

    def test_set_is_the_committed_one(self) -> None:
        rows = ev.read(ev.HELDOUT)
        assert (len(rows), sum(int(r["label"]) for r in rows)) == (663, 266)

    def test_readme_quotes_the_measurement(self) -> None:
        """README.md's "Quality, measured" tables are exactly what the code computes."""
        assert ev.report() in README.read_text(encoding="utf-8")

    def test_blend_beats_the_lexicon_alone(self, heldout: dict[str, ev.Row]) -> None:
        """No regression: the blend ranks better than the lexicon (beyond the lexicon's CI)
        and catches more frustrated customers at its threshold."""
        combined, lexicon = heldout["combined (shipped score)"], heldout["lexicon alone"]
        assert combined.auc[1] > lexicon.auc[2]
        assert combined.recall[0] > lexicon.recall[0]

    def test_blend_beats_raw_vader(self, heldout: dict[str, ev.Row]) -> None:
        combined, vader = heldout["combined (shipped score)"], heldout["raw VADER (-compound)"]
        assert combined.auc[1] > vader.auc[2]
        assert combined.recall[0] > vader.recall[0]
        assert combined.fpr[0] < vader.fpr[0]

    def test_measured_level(self, heldout: dict[str, ev.Row]) -> None:
        """Guard what was measured (AUC 0.931, recall 0.820, FPR 0.118 after routing round
        15's refit, one held-out message fewer than 0.823 after round 10's; 0.931, 0.827,
        0.118 after round 8's; 0.930, 0.827, 0.121 after round 3's; 0.930, 0.831, 0.126
        before it; first round 0.882, 0.665, 0.113) against regressions."""
        combined = heldout["combined (shipped score)"]
        assert combined.auc[0] >= 0.92
        assert combined.recall[0] >= 0.815
        assert combined.fpr[0] <= 0.14

    @pytest.mark.xfail(
        strict=True,
        reason="issue 11 targets only partly met on the held-out set: AUC 0.932 (95% CI "
        "0.912-0.950) meets >= 0.90, but at the threshold fixed beforehand (0.35) recall 0.823 "
        "comes with FPR 0.121 (> 0.10); an improvement that meets both must update README.md",
    )
    def test_issue_targets(self, heldout: dict[str, ev.Row]) -> None:
        combined = heldout["combined (shipped score)"]
        assert combined.auc[0] >= 0.90
        assert combined.recall[0] >= 0.80
        assert combined.fpr[0] <= 0.10


@pytest.fixture(scope="module")
def heldout2() -> dict[str, ev.Row]:
    return {r.name: r for r in ev.measure(ev.score(ev.read(ev.HELDOUT2)))}


class TestSecondHeldOut:
    """The second held-out set (tests/data/frustration_heldout2): labelled blind by the same
    rubric after the first had been measured on, never tuned on. Its real rows hold almost no
    frustrated messages (the frustration-sign scan of BANKING77's test split found no row the
    first set or the training data had not taken), so its recall is measured on written
    messages; report it beside the first set, not instead of it."""

    def test_set_is_the_committed_one(self) -> None:
        rows = ev.read(ev.HELDOUT2)
        assert (len(rows), sum(int(r["label"]) for r in rows)) == (550, 245)
        assert not {r["text"] for r in rows} & {r["text"] for r in ev.read(ev.HELDOUT)}

    def test_readme_figures_by_source(self) -> None:
        """The README's caveat: 5 frustrated among 214 real rows, and the written calm rows'
        false-positive rate at the default threshold (0.167 when measured)."""
        rows = ev.read(ev.HELDOUT2)
        real = [r for r in rows if r["source"] != "written"]
        assert (len(real), sum(int(r["label"]) for r in real)) == (214, 5)
        written = ev.score([r for r in rows if r["source"] == "written"])
        calm = written.labels == 0
        flagged = written.combined[calm] >= FRUSTRATION_THRESHOLD
        text = " ".join(README.read_text(encoding="utf-8").split())
        assert f"on the {int(calm.sum())} written calm messages alone the" in text
        assert f"false-positive rate is {flagged.mean():.3f}" in text

    def test_blend_beats_each_part(self, heldout2: dict[str, ev.Row]) -> None:
        combined = heldout2["combined (shipped score)"]
        for other in ("lexicon alone", "raw VADER (-compound)"):
            assert combined.auc[1] > heldout2[other].auc[2]
        assert combined.auc[0] > heldout2["learned model alone"].auc[0]

    def test_measured_level(self, heldout2: dict[str, ev.Row]) -> None:
        """Guard what was measured (AUC 0.953, recall 0.853, FPR 0.092 on round 8's model, and
        unchanged after round 9) against regressions."""
        combined = heldout2["combined (shipped score)"]
        assert combined.auc[0] >= 0.94
        assert combined.recall[0] >= 0.83
        assert combined.fpr[0] <= 0.11

    def test_issue_targets(self, heldout2: dict[str, ev.Row]) -> None:
        """Issue 11's targets at the threshold fixed beforehand: met on this set (not on the
        first: TestHeldOut.test_issue_targets)."""
        combined = heldout2["combined (shipped score)"]
        assert combined.auc[0] >= 0.90
        assert combined.recall[0] >= 0.80
        assert combined.fpr[0] <= 0.10


class TestLearnedModel:
    """The shipped weights: small, sane, and exactly what the training script produces."""

    def test_shipped_file(self) -> None:
        """Small enough to ship (well under a few MB), and a monotone blend: more lexicon
        evidence or higher model log-odds never lowers the score."""
        assert learned.MODEL_PATH.stat().st_size < 1_000_000
        model = learned.load()
        assert len(model.weights) > 10_000
        assert model.blend.lexicon > 0
        assert model.blend.model > 0

    def test_score_is_a_probability_even_for_extreme_inputs(self) -> None:
        model = learned.load()
        assert learned.blend(1.0, 1e9, model) == pytest.approx(1.0)
        assert learned.blend(0.0, -1e9, model) == pytest.approx(0.0, abs=1e-12)
        assert 0.0 <= analyze_text("no " * 1000).frustration <= 1.0

    def test_runtime_scores_like_scikit_learn(self) -> None:
        """Plain-Python inference equals scikit-learn's on the same features (a small slice)."""
        pytest.importorskip("sklearn")
        texts, labels = train.load_training()
        texts, labels = texts[::20], labels[::20]
        bias, weights, predict = train.fit_word_model(texts, labels)
        model = learned.LearnedModel(bias=bias, weights=weights, blend=learned.Blend(0, 0, 0))
        probe = [
            *texts[:50],
            "why is this STILL not sorted, that's the 3rd time",
            "Thanks, all good!",
            "",
        ]
        for text, expected in zip(probe, predict(probe), strict=True):
            # weights are rounded to 4 decimals: a few hundred features cannot drift 0.01
            assert learned.model_logit(_words(text), model) == pytest.approx(expected, abs=0.01)

    def test_training_is_deterministic(self) -> None:
        pytest.importorskip("sklearn")
        texts, labels = train.load_training()
        first = train.fit_word_model(texts[::40], labels[::40])
        second = train.fit_word_model(texts[::40], labels[::40])
        assert first[:2] == second[:2]

    @pytest.mark.slow
    def test_retraining_reproduces_the_shipped_weights(self) -> None:
        """The full training run (~1 min: six word models) gives the shipped weights, to the
        last of their four decimals give or take one: the solver's sums depend on which
        OpenBLAS kernel the CPU gets, and a value near a rounding boundary can land on either
        side (seen: CI's machine reproduced the file byte for byte, this one differs by 0.0001
        in a few weights and two blend inputs). Same words, same thresholds."""
        pytest.importorskip("sklearn")
        content = train.fit(*train.load_training())
        shipped = json.loads(gzip.decompress(learned.MODEL_PATH.read_bytes()))
        last_decimal = 1.5 * 10**-train.DECIMALS

        def close(a: dict[str, float], b: dict[str, float]) -> bool:
            return a.keys() == b.keys() and all(
                math.isclose(a[k], b[k], abs_tol=last_decimal) for k in a
            )

        assert content["thresholds"] == shipped["thresholds"]
        assert math.isclose(content["bias"], shipped["bias"], abs_tol=last_decimal)
        assert close(content["weights"], shipped["weights"])
        blend, shipped_blend = dict(content["blend"]), dict(shipped["blend"])
        assert close(blend.pop("shapes"), shipped_blend.pop("shapes"))
        assert close(blend, shipped_blend)

    def test_training_data_is_what_the_readme_says(self) -> None:
        texts, labels = train.load_training()
        assert len(texts) == 68412
        assert math.isclose(sum(labels) / len(labels), 0.072, abs_tol=0.005)
