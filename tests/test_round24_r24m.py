"""Round 24 (r24m, issue 11): the ``--text`` measurement of tests/escalation_model.py.

The measurement plays each conversation once and routes it for any model by scoring only the
messages the model rule may judge; these tests check that shortcut against the engine's own
evaluation, the hashed text's feature spaces, and that no blind or watched set is a
training set of the measure.
"""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")

from handoff import Router
from handoff.evaluation import evaluate
from handoff.signals import escalation
from tests import escalation_model as em


def test_text_block_is_deterministic_lower_cased_and_keeps_latest_apart_from_earlier() -> None:
    a = em._text_block(["My card was STOLEN yesterday"], [""])
    b = em._text_block(["my card was stolen yesterday"], [""])
    assert a.shape == (1, 4 * em.TEXT_FEATURES)
    assert (a != b).nnz == 0
    assert (em._text_block(["my card was stolen yesterday"], [""]) != b).nnz == 0
    earlier = em._text_block([""], ["my card was stolen yesterday"])
    latest_cols = set(b.indices.tolist())
    earlier_cols = set(earlier.indices.tolist())
    assert latest_cols
    assert earlier_cols
    assert not latest_cols & earlier_cols
    assert max(latest_cols) < 2 * em.TEXT_FEATURES <= min(earlier_cols)


def _shipped_scores(data: em._SetData) -> list[list[float]]:
    model = escalation.load()
    return [
        [
            escalation._sigmoid(
                model.bias + sum(model.weights.get(n, 0.0) * v for n, v in e[3].items())
            )
            for e in p.eligible
        ]
        for p in data.played
    ]


def test_played_once_routes_as_the_engine_does_with_and_without_the_model_rule() -> None:
    (dev,) = em.load_sets([em.SETS[0]])
    data = em._set_data(dev)
    threshold = float(em._THRESHOLD_RE.search(em.RULES.read_text())[2])  # type: ignore[index]
    keys = ("as_expected", "false_escalation", "missed", "late", "wrong_lane")
    for t in (threshold, em.NEVER, 0.3):
        router = Router.from_yaml(em.rules_with_threshold(t))
        total = evaluate(router, dev.evalset, dev.parses).summary.total
        counts = em._route_played(data.played, _shipped_scores(data), t)
        assert {k: counts[k] for k in keys} == {k: getattr(total, k) for k in keys}, t
        assert counts["calm_to_specialist"] == total.bot_to_specialist


def test_the_measure_refuses_a_blind_or_the_watched_set_as_training_data() -> None:
    for name in ("routing_holdout7", "routing_holdout20", "routing_holdout21"):
        with pytest.raises(SystemExit):
            em.text_loso(which=[("x", em.ROOT / "tests" / "data" / name)])
