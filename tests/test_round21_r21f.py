"""Round 21 (r21f): the escalation rule's threshold chosen by the routing it gives, and
frustration summed over a conversation's messages (handoff.signals.spread).

The sentences below are written for these tests (none is a conversation of the routing sets).
"""

from __future__ import annotations

from handoff.signals import escalation
from tests import escalation_model as em


def _small_set(name: str, count: int) -> em.DevSet:
    """The first ``count`` conversations needing a person and as many the bot keeps."""
    dev = next(d for d in em.load_sets(em.SETS) if d.name == name)
    person = [c for c in dev.evalset.conversations if c.expect.escalates][:count]
    calm = [c for c in dev.evalset.conversations if not c.expect.escalates][:count]
    evalset = dev.evalset.model_copy(update={"conversations": (*person, *calm)})
    return em.DevSet(dev.name, evalset, dev.parses, dev.path)


def test_routing_table_is_the_routing_at_each_threshold() -> None:
    """Two routings per message give the same outcomes as routing the rules with the model
    rule at each threshold (route_out_of_fold), low thresholds included, where it fires."""
    sets = [_small_set("ho1", 12)]
    model = escalation.load()
    thresholds = (0.2, 0.5, 0.8)
    table = em.routing_by_threshold(sets, lambda _key: model, thresholds)
    fold_of = {f"{d.name}/{c.id}": 0 for d in sets for c in d.evalset.conversations}
    for t in thresholds:
        routed = em._totals(em.route_out_of_fold(sets, [model], fold_of, t))
        for key in ("as_expected", "false_escalation", "missed", "late", "wrong_lane"):
            assert table[t][key] == routed[key], (t, key, table[t], routed)
    # the low threshold lets the model rule fire somewhere the rules alone do not
    alone = em._totals(em.route_out_of_fold(sets, [model], fold_of, em.NEVER))
    assert any(table[t]["false_escalation"] + table[t]["missed"] != alone["false_escalation"]
               + alone["missed"] for t in thresholds)  # fmt: skip


def test_threshold_choice_prefers_count_then_fewer_false_then_higher() -> None:
    table = {
        0.6: {"as_expected": 10, "false_escalation": 3},
        0.7: {"as_expected": 12, "false_escalation": 2},
        0.75: {"as_expected": 12, "false_escalation": 1},
        0.8: {"as_expected": 12, "false_escalation": 1},
        0.85: {"as_expected": 11, "false_escalation": 0},
    }
    assert em.threshold_by_routing(table) == 0.8


def test_routing_sets_are_every_tuning_set_and_no_blind_one() -> None:
    folders = {path.name for _, path in em.ALL_TUNING_SETS}
    wanted = {"routing_dev", "routing_eval", "routing_holdout", "routing_holdout17",
              "routing_train_fraud", "routing_train_escalate", "routing_holdout7"}  # fmt: skip
    assert wanted <= folders
    assert not any(f"holdout{i}" in f for f in folders for i in range(18, 30))
    assert em.ROUTING_THRESHOLDS == (0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
