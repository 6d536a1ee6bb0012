"""Round 24 (r24n, issue 11): the specialist-lane head measurement (tests/specialist_head.py).

The measurement plays each conversation once and routes it, for any head, from the messages
the rules leave with the bot; these tests check that shortcut against the engine's own
evaluation: the rules alone, the rules with the shipped escalation model, and a head that
fires on every message its guards let it judge (the same as a last rule with those guards).
Nothing of the head ships (the finding is in tests/escalation_model.py's docstring).
"""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")

from handoff import Router
from handoff.evaluation import evaluate
from tests import escalation_model as em
from tests import specialist_head as sh

_KEYS = ("as_expected", "false_escalation", "missed", "late", "wrong_lane")


@pytest.fixture(scope="module")
def dev() -> tuple[em.DevSet, list[sh.Conv]]:
    name, folder = em.SETS[0]
    (evalset,) = em.load_sets([(name, folder)])
    _, _, convs = sh.play((name, folder))
    return evalset, convs


def _engine(rules: str, dev: em.DevSet) -> dict[str, int]:
    total = evaluate(Router.from_yaml(rules), dev.evalset, dev.parses).summary.total
    return {**{k: getattr(total, k) for k in _KEYS}, "calm_to_specialist": total.bot_to_specialist}


def _short(counts: dict[str, int]) -> dict[str, int]:
    return {k: counts[k] for k in (*_KEYS, "calm_to_specialist")}


def test_played_once_routes_as_the_engine_with_and_without_the_model_rule(
    dev: tuple[em.DevSet, list[sh.Conv]],
) -> None:
    evalset, convs = dev
    with_model = _engine(em.RULES.read_text(encoding="utf-8"), evalset)
    assert _short(sh.route(convs, None, em.NEVER, em.NEVER)) == with_model
    alone = _engine(em.rules_with_threshold(em.NEVER), evalset)
    assert _short(sh.route(convs, None, em.NEVER, em.NEVER, model_on=False)) == alone


@pytest.mark.parametrize(
    ("lane", "scores"), [("fraud", (1.0, 0.0)), ("vulnerable_customers", (0.0, 1.0))]
)
def test_a_head_that_always_fires_routes_as_a_last_rule_with_its_guards(
    dev: tuple[em.DevSet, list[sh.Conv]], lane: str, scores: tuple[float, float]
) -> None:
    evalset, convs = dev
    rules = em.RULES.read_text(encoding="utf-8").rstrip("\n") + sh.PROBE
    engine = _engine(rules.replace("    lane: fraud\n    reason: probe", f"    lane: {lane}\n"
                                   "    reason: probe"), evalset)  # fmt: skip
    always = [[scores for _ in c.messages] for c in convs]
    counts = sh.route(convs, always, 0.5, 0.5)
    assert _short(counts) == engine
    # a head that fires everywhere sends calm customers to a specialist: why it needs a
    # threshold (and why the measure counts calm to a specialist)
    assert counts["calm_to_specialist"] > 0
