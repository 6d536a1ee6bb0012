"""Experiment arms side by side, effects against the control, and the verdicts in words."""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import pandas as pd
import pytest

from handoff.outcomes import Dataset, ExperimentSpec, analyse_experiment, compute_kpis
from tests.conftest import ROOT
from tests.outcomes._build import DAY, T0, cycle, dataset, turn
from tests.outcomes.test_kpis import wilson

NOW = T0 + 30 * DAY


def arm_rows(
    arm: str, successes: int, failures: int, *, experiment: str = "pilot", **fields: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One conversation with one handoff per customer: resolved (success) or abandoned."""
    turns, cycles = [], []
    for i in range(successes + failures):
        name = f"{arm}-{i}"
        tag = {"experiment": experiment, "arm": arm}
        turns.append(turn(name, 0, handoff=True, **tag))
        if i < successes:
            cycles.append(cycle(name, 0, **tag, **fields))
        else:
            cycles.append(
                cycle(name, 0, claimed=None, status="abandoned", closed=300, **tag, **fields)
            )
    return turns, cycles


def build(*arms: tuple[str, int, int]) -> Dataset:
    turns, cycles = [], []
    for arm, ok, bad in arms:
        t, c = arm_rows(arm, ok, bad)
        turns += t
        cycles += c
    return dataset(turns, cycles)


def newcombe(k1: int, n1: int, k0: int, n0: int, z: float) -> tuple[float, float]:
    """Newcombe's hybrid score interval for p1 - p0, written out from Wilson intervals."""
    p1, p0 = k1 / n1, k0 / n0
    l1, u1 = wilson(k1, n1, z)
    l0, u0 = wilson(k0, n0, z)
    d = p1 - p0
    return d - math.hypot(p1 - l1, u0 - p0), d + math.hypot(u1 - p1, p0 - l0)


SPEC = ExperimentSpec(id="pilot", control="control", arms=("control", "candidate"))


class TestVerdicts:
    def test_detected_rise(self) -> None:
        """75/100 against 50/100: a rise of 25 points with Newcombe's interval."""
        result = analyse_experiment(build(("control", 50, 50), ("candidate", 75, 25)), SPEC,
                                    now=NOW)  # fmt: skip
        effect = result.effects["candidate"]
        low, high = newcombe(75, 100, 50, 100, NormalDist().inv_cdf(0.975))
        assert effect.difference.value == pytest.approx(0.25)
        assert effect.difference.low == pytest.approx(low, abs=1e-6)
        assert effect.difference.high == pytest.approx(high, abs=1e-6)
        assert effect.detected
        assert effect.verdict == (
            f"candidate raises handoff success by 25.0 points ({low * 100:.1f} to "
            f"{high * 100:.1f}) compared with control (better)."
        )
        assert result.verdict == effect.verdict
        assert result.correction == "none"

    def test_detected_fall_is_worse(self) -> None:
        result = analyse_experiment(build(("control", 80, 20), ("candidate", 50, 50)), SPEC,
                                    now=NOW)  # fmt: skip
        verdict = result.effects["candidate"].verdict
        assert verdict.startswith("candidate lowers handoff success by 30.0 points (")
        assert verdict.endswith("compared with control (worse).")

    def test_no_detectable_difference_with_enough_data(self) -> None:
        """2,000 handoffs per arm are more than the 1,565 needed to see 5 points at 50%."""
        result = analyse_experiment(
            build(("control", 1000, 1000), ("candidate", 1010, 990)), SPEC, now=NOW
        )
        effect = result.effects["candidate"]
        assert not effect.detected
        assert effect.enough_data
        assert effect.needed_per_arm == 1565
        low, high = effect.difference.low, effect.difference.high
        assert low is not None
        assert high is not None
        assert effect.verdict == (
            "candidate: no detectable difference in handoff success from control "
            f"(between -{abs(low) * 100:.1f} points and +{high * 100:.1f} points)."
        )

    def test_not_enough_data_names_the_sample_size(self) -> None:
        """6/10 against 5/10: the power computation (Cohen's h, normal approximation) asks
        for 2 ((z_0.975 + z_0.8) / h)^2 handoffs per arm (the arcsine-transformed rate has
        variance 1/n per arm, so the difference has 2/n): 1,565, the textbook figure for
        50% against 55%."""
        result = analyse_experiment(build(("control", 5, 5), ("candidate", 6, 4)), SPEC,
                                    now=NOW)  # fmt: skip
        effect = result.effects["candidate"]
        h = 2 * math.asin(math.sqrt(0.55)) - 2 * math.asin(math.sqrt(0.5))
        z = NormalDist().inv_cdf(0.975) + NormalDist().inv_cdf(0.8)
        needed = math.ceil(2 * (z / h) ** 2)
        assert effect.needed_per_arm == needed == 1565
        assert not effect.detected
        assert not effect.enough_data
        # one handoff per conversation here, so conversations needed = handoffs needed
        assert effect.needed_conversations == needed
        assert effect.verdict == (
            f"candidate: not enough data yet: about {needed:,} handoffs per arm (about "
            f"{needed:,} conversations per arm) are needed to detect a 5-point change in "
            "handoff success with 80% power; there are 10 in candidate and 10 in control."
        )

    def test_conversations_needed_follow_the_handoff_rate(self) -> None:
        """With 1 conversation in 4 handed off, 4 times as many conversations are needed."""
        data = build(("control", 5, 5), ("candidate", 6, 4))
        extra = [
            turn(f"bot-{arm}-{i}", 0, experiment="pilot", arm=arm)
            for arm in ("control", "candidate")
            for i in range(30)
        ]
        data = Dataset.from_frames(
            pd.concat([data.turns, pd.DataFrame(extra)]),
            data.handoffs,
            data.lines,
        )
        effect = analyse_experiment(data, SPEC, now=NOW).effects["candidate"]
        assert effect.needed_per_arm is not None
        assert effect.needed_conversations == math.ceil(effect.needed_per_arm / (10 / 40))

    def test_the_examples_in_the_docs_are_what_these_datasets_give(self) -> None:
        """docs/KPIS.md quotes one verdict of each kind; they are the verdicts of the
        datasets of the tests above."""
        with_bots = build(("control", 5, 5), ("candidate", 6, 4))
        extra = [
            turn(f"bot-{arm}-{i}", 0, experiment="pilot", arm=arm)
            for arm in ("control", "candidate")
            for i in range(30)
        ]
        with_bots = Dataset.from_frames(
            pd.concat([with_bots.turns, pd.DataFrame(extra)]), with_bots.handoffs, with_bots.lines
        )
        datasets = [
            build(("control", 50, 50), ("candidate", 75, 25)),
            build(("control", 1000, 1000), ("candidate", 1010, 990)),
            with_bots,
        ]
        docs = " ".join((ROOT / "docs" / "KPIS.md").read_text().split())
        for data in datasets:
            verdict = analyse_experiment(data, SPEC, now=NOW).effects["candidate"].verdict
            assert f'*"{verdict}"*' in docs, verdict

    def test_an_arm_without_data(self) -> None:
        result = analyse_experiment(build(("control", 5, 5)), SPEC, now=NOW)
        effect = result.effects["candidate"]
        assert effect.difference.value is None
        assert result.arms["candidate"].conversations == 0
        assert "not enough data yet" in effect.verdict
        assert "there are 0 in candidate and 10 in control" in effect.verdict

    def test_mean_metric_in_seconds(self) -> None:
        """Time to agent 100 s against 60 s: lower, better, in seconds, Welch's interval."""
        turns, cycles = [], []
        for arm, waits in (("control", [90, 100, 110] * 10), ("candidate", [50, 60, 70] * 10)):
            for i, wait in enumerate(waits):
                name = f"{arm}-{i}"
                turns.append(turn(name, 0, handoff=True, experiment="pilot", arm=arm))
                cycles.append(cycle(name, 0, claimed=wait, experiment="pilot", arm=arm))
        spec = ExperimentSpec("pilot", "control", metric="time_to_agent")
        effect = analyse_experiment(dataset(turns, cycles), spec).effects["candidate"]
        assert effect.difference.value == pytest.approx(-40.0)
        assert effect.verdict.startswith("candidate lowers time to agent by 40 s (")
        assert effect.verdict.endswith("compared with control (better).")


class TestSeveralArms:
    def test_bonferroni_widens_each_interval(self) -> None:
        data = build(("control", 50, 50), ("candidate", 75, 25), ("placebo", 52, 48))
        spec = ExperimentSpec("pilot", "control", arms=("control", "candidate", "placebo"))
        result = analyse_experiment(data, spec, now=NOW)
        assert result.correction == "bonferroni"
        assert list(result.arms) == ["control", "candidate", "placebo"]
        effect = result.effects["candidate"]
        assert effect.confidence == pytest.approx(0.975)
        low, _ = newcombe(75, 100, 50, 100, NormalDist().inv_cdf(1 - 0.025 / 2))
        assert effect.difference.low == pytest.approx(low, abs=1e-6)
        assert any("Bonferroni" in note for note in result.notes)
        assert result.verdict.count(".") >= 2  # one sentence per arm

    def test_arms_side_by_side_have_every_kpi(self) -> None:
        data = build(("control", 3, 1), ("candidate", 2, 2))
        result = analyse_experiment(data, SPEC, now=NOW)
        control = result.arms["control"]
        assert (control.conversations, control.handoffs) == (4, 4)
        assert control.kpis["handoff_success"].value == 0.75
        assert control.kpis["handoff_rate"].value == 1.0
        assert "time_to_agent_median" in control.kpis


class TestNotes:
    def test_per_handoff_metric_when_arms_hand_off_differently(self) -> None:
        """Candidate hands off 100% and control 20% of its conversations: the success rate
        compares different customers, and the result says so."""
        data = build(("control", 50, 50), ("candidate", 50, 50))
        extra = [turn(f"bot-{i}", 0, experiment="pilot", arm="control") for i in range(400)]
        data = Dataset.from_frames(
            pd.concat([data.turns, pd.DataFrame(extra)]), data.handoffs, data.lines
        )
        notes = analyse_experiment(data, SPEC, now=NOW).notes
        assert any("different customers" in n and "100%" in n and "20%" in n for n in notes)

    def test_sample_ratio_mismatch(self) -> None:
        data = build(("control", 150, 150), ("candidate", 50, 50))
        spec = ExperimentSpec("pilot", "control", arms=("control", "candidate"), shares=(50, 50))
        notes = analyse_experiment(data, spec, now=NOW).notes
        assert any(n.startswith("Sample ratio mismatch") for n in notes)
        fair = ExperimentSpec("pilot", "control", arms=("control", "candidate"), shares=(75, 25))
        assert not any(
            n.startswith("Sample ratio") for n in analyse_experiment(data, fair, now=NOW).notes
        )


class TestSpecs:
    def test_experiments_in_the_data_are_analysed_without_a_spec(self) -> None:
        report = compute_kpis(build(("control", 5, 5), ("candidate", 6, 4)), now=NOW)
        result = report.experiments["pilot"]
        assert (result.control, result.metric) == ("control", "handoff_success")
        assert list(result.effects) == ["candidate"]

    def test_unknown_metric_is_refused(self) -> None:
        spec = ExperimentSpec("pilot", "control", metric="happiness")
        with pytest.raises(ValueError, match="'happiness' is not a KPI; use one of"):
            compute_kpis(build(("control", 1, 1)), experiments={"pilot": spec})
