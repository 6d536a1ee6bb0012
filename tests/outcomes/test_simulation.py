"""The KPIs recover what the simulator planted, and report no effect where none was planted.

Twenty seeds, fixed before looking at any result. Each seed is a month of traffic (1,000
first contacts a day). The thresholds are coverage claims, so they are set from the
intervals' nominal levels, not from a lucky seed:

* each experiment interval is at 97.5% (Bonferroni over two arms): the candidate's
  interval must contain the planted +6 points in at least 18 of 20 seeds (a false failure
  has probability ~1.3% if the coverage is what it claims), and so must the placebo's 0;
* with the candidate's effect about 4.7 standard errors, it is detected in at least 18 of
  20 seeds (expected power ~99%);
* 95% intervals of the levels (rates, means, per lane, per rule): pooled coverage at least
  92%, and no single quantity below 14 of 20 (probability ~0.04% each at 95% coverage).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pytest

from handoff.outcomes import Estimate, ExperimentResult, ExperimentSpec, KpiReport, compute_kpis
from handoff.outcomes._tables import prepare
from handoff.outcomes.experiments import analyse_prepared
from handoff.outcomes.simulate import Truth, simulate

pytestmark = pytest.mark.slow

SEEDS = range(20)


@dataclass(frozen=True)
class Run:
    truth: Truth
    report: KpiReport
    no_effect: dict[str, ExperimentResult]


@pytest.fixture(scope="module")
def runs() -> list[Run]:
    out = []
    for seed in SEEDS:
        data, truth = simulate(days=30, conversations_per_day=1_000, seed=seed)
        spec = ExperimentSpec(truth.experiment, truth.control, arms=truth.arms,
                              shares=truth.shares)  # fmt: skip
        report = compute_kpis(data, now=truth.end, experiments={spec.id: spec})
        prepared = prepare(data, now=truth.end)
        no_effect = {
            metric: analyse_prepared(
                prepared,
                ExperimentSpec(spec.id, spec.control, metric=metric, arms=spec.arms),
                0.95,
            )
            for metric in truth.no_effect_metrics
        }
        out.append(Run(truth, report, no_effect))
    return out


def covers(estimate: Estimate, value: float) -> bool:
    assert estimate.low is not None, estimate
    assert estimate.high is not None, estimate
    return estimate.low <= value <= estimate.high


class TestPlantedEffect:
    def test_candidate_interval_contains_the_planted_effect(self, runs: list[Run]) -> None:
        hits = [
            covers(
                r.report.experiments[r.truth.experiment].effects["candidate"].difference,
                r.truth.handoff_success_effect["candidate"],
            )
            for r in runs
        ]
        assert sum(hits) >= 18, hits

    def test_candidate_effect_is_detected_and_said(self, runs: list[Run]) -> None:
        effects = [r.report.experiments[r.truth.experiment].effects["candidate"] for r in runs]
        assert sum(e.detected for e in effects) >= 18
        for effect in effects:
            if effect.detected:
                assert effect.verdict.startswith("candidate raises handoff success by ")
                assert effect.verdict.endswith(" compared with control (better).")

    def test_placebo_shows_no_effect(self, runs: list[Run]) -> None:
        effects = [r.report.experiments[r.truth.experiment].effects["placebo"] for r in runs]
        assert sum(not e.detected for e in effects) >= 18
        assert all(covers(e.difference, 0.0) == (not e.detected) for e in effects)
        for effect in effects:
            if not effect.detected:
                assert effect.enough_data  # about 2,300 per arm against ~1,600 needed
                assert effect.verdict.startswith(
                    "placebo: no detectable difference in handoff success from control"
                )

    def test_no_effect_on_metrics_nothing_was_planted_on(self, runs: list[Run]) -> None:
        """Every arm against control on every metric the simulator left alone: pooled over
        11 metrics x 2 arms x 20 seeds at 97.5% each, and per metric."""
        misses: dict[str, int] = defaultdict(int)
        total = 0
        for run in runs:
            for metric, result in run.no_effect.items():
                for effect in result.effects.values():
                    total += 1
                    if effect.detected:
                        misses[metric] += 1
        assert sum(misses.values()) <= 0.05 * total, dict(misses)
        assert all(count <= 5 for count in misses.values()), dict(misses)

    def test_sample_ratio_is_as_declared(self, runs: list[Run]) -> None:
        for run in runs:
            notes = run.report.experiments[run.truth.experiment].notes
            assert not any(note.startswith("Sample ratio") for note in notes)


class TestLevels:
    def test_intervals_cover_the_true_values(self, runs: list[Run]) -> None:
        hits: dict[str, list[bool]] = defaultdict(list)
        for run in runs:
            truth, report = run.truth, run.report
            overall = report.overall
            for name in (
                "handoff_rate",
                "missed_escalation",
                "escalation_precision",
                "sentiment_delta",
                "ces_mean",
                "ces_top2",
                "ces_response",
            ):
                hits[name].append(covers(overall[name], getattr(truth, name)))
            arms = report.experiments[truth.experiment].arms
            for arm, value in truth.handoff_success.items():
                hits[f"handoff_success[{arm}]"].append(
                    covers(arms[arm].kpis["handoff_success"], value)
                )
            for rule, value in truth.rule_precision.items():
                hits[f"precision[{rule}]"].append(covers(report.by_rule[rule], value))
            for lane, value in truth.time_to_agent.items():
                figures = report.by_lane[lane]
                hits[f"time_to_agent[{lane}]"].append(covers(figures["time_to_agent"], value))
                if lane in truth.sla_attainment:
                    hits[f"sla[{lane}]"].append(
                        covers(figures["sla_attainment"], truth.sla_attainment[lane])
                    )
                if truth.abandonment[lane] > 0:
                    hits[f"abandonment[{lane}]"].append(
                        covers(figures["abandonment"], truth.abandonment[lane])
                    )
        pooled = [hit for values in hits.values() for hit in values]
        assert sum(pooled) >= 0.92 * len(pooled), {k: sum(v) for k, v in hits.items()}
        low = {name: sum(values) for name, values in hits.items() if sum(values) < 14}
        assert not low, low


class TestShadow:
    def test_disagreements_are_exactly_the_planted_ones(self, runs: list[Run]) -> None:
        for run in runs:
            shadow = run.report.shadow
            assert shadow is not None
            assert int(shadow.differences["turns"].sum()) == run.truth.shadow_disagreements
            kinds = {
                (row.live_lane, row.shadow_lane, row.shadow_rule)
                for row in shadow.differences.itertuples()
            }
            assert kinds == {
                ("cards", "disputes", "card_dispute_v2"),
                ("bot", "general", "low_confidence_v2"),
            }

    def test_extra_handoffs_at_the_planted_rate(self, runs: list[Run]) -> None:
        """The shadow hands off 2% of the turns the live rules kept with the bot."""
        hits = []
        for run in runs:
            shadow = run.report.shadow
            assert shadow is not None
            bot_turns = run.report.counts["turns"] - run.report.counts["handoffs"]
            rate = shadow.shadow_only_handoffs / bot_turns
            hits.append(abs(rate - run.truth.shadow_extra_handoff) < 0.002)
        assert sum(hits) >= 18
