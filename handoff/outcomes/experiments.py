"""Experiment arms side by side, each arm against the control, and a verdict in words.

The effect of an arm is its primary metric minus the control's, with Newcombe's interval
for rates and Welch's for means (:mod:`handoff.outcomes._stats`). With more than one arm
compared with the control, each interval is widened by Bonferroni (confidence
``1 - (1 - c) / m`` for ``m`` comparisons), so the chance of any false "detected" across
the experiment stays at ``1 - c``. When the interval excludes zero the verdict names the
change; otherwise it says whether the arms are already big enough to have seen the metric's
smallest change worth detecting (``KpiInfo.min_effect``) with 80% power.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
from scipy import stats

from handoff.outcomes import _stats
from handoff.outcomes._tables import CONVERSATION_KPIS, Prepared, estimate, prepare
from handoff.outcomes.dataset import Dataset
from handoff.outcomes.results import (
    KPIS,
    ArmResult,
    Effect,
    Estimate,
    ExperimentResult,
    ExperimentSpec,
    KpiInfo,
)

__all__ = ["analyse_experiment", "analyse_prepared", "format_change", "specs_for"]

#: Below this p-value the customers per arm do not fit the declared split.
SAMPLE_RATIO_ALPHA = 0.001


def analyse_experiment(
    data: Dataset,
    spec: ExperimentSpec,
    *,
    confidence: float = 0.95,
    k: int = 3,
    now: float | None = None,
) -> ExperimentResult:
    """One experiment of ``data``: its arms' KPIs, effects on ``spec.metric`` and verdicts.

    ``k`` and ``now`` mean what they mean for :func:`handoff.outcomes.compute_kpis`.
    """
    data.validate()
    return analyse_prepared(prepare(data, k=k, now=now), spec, confidence)


def specs_for(
    prepared: Prepared, given: Mapping[str, ExperimentSpec] | None
) -> list[ExperimentSpec]:
    """The given specs, then one default spec per experiment found in the data only."""
    specs = dict(given or {})
    for key, spec in specs.items():
        if spec.metric not in KPIS:
            raise ValueError(
                f"experiment {key!r}: metric {spec.metric!r} is not a KPI; "
                f"use one of {', '.join(KPIS)}"
            )
    seen = pd.concat(
        [prepared.conversations[["experiment", "arm"]], prepared.cycles[["experiment", "arm"]]]
    ).dropna()
    for experiment, rows in seen.groupby("experiment", sort=True):
        key = str(experiment)
        if key in specs:
            continue
        arms = sorted(str(a) for a in rows["arm"].unique())
        control = "control" if "control" in arms else arms[0]
        specs[key] = ExperimentSpec(id=key, control=control, arms=tuple(arms))
    return list(specs.values())


def analyse_prepared(
    prepared: Prepared, spec: ExperimentSpec, confidence: float
) -> ExperimentResult:
    """:func:`analyse_experiment` over tables :func:`prepare` made once."""
    info = KPIS[spec.metric]
    conv = prepared.conversations[prepared.conversations["experiment"] == spec.id]
    cyc = prepared.cycles[prepared.cycles["experiment"] == spec.id]
    arms = list(spec.arms) or sorted(
        {str(a) for a in pd.concat([conv["arm"], cyc["arm"]]).dropna().unique()}
    )
    if spec.control not in arms:
        arms.insert(0, spec.control)
    arms.remove(spec.control)
    arms.insert(0, spec.control)

    results: dict[str, ArmResult] = {}
    for arm in arms:
        arm_conv = conv[conv["arm"] == arm]
        arm_cyc = cyc[cyc["arm"] == arm]
        figures = {
            name: estimate(arm_conv if name in CONVERSATION_KPIS else arm_cyc, name, confidence)
            for name in KPIS
        }
        figures["time_to_agent_median"] = estimate(arm_cyc, "time_to_agent_median", confidence)
        results[arm] = ArmResult(arm, len(arm_conv), len(arm_cyc), figures)

    compared = len(arms) - 1
    corrected = 1 - (1 - confidence) / max(compared, 1)
    table = conv if spec.metric in CONVERSATION_KPIS else cyc
    control_values = _values(table, spec.control, spec.metric)
    control_conversations = results[spec.control].conversations
    effects: dict[str, Effect] = {}
    for arm in arms[1:]:
        effects[arm] = _effect(
            arm,
            spec,
            values=_values(table, arm, spec.metric),
            control=control_values,
            control_conversations=control_conversations,
            confidence=corrected,
        )

    notes: list[str] = []
    if compared > 1:
        notes.append(
            f"{compared} arms are compared with {spec.control}: each interval is at "
            f"{corrected:.1%} (Bonferroni) so that all of them together hold at {confidence:.0%}."
        )
    if spec.metric not in CONVERSATION_KPIS:
        notes.extend(_selection_notes(conv, spec, arms, info, confidence))
    if info.name in ("handoff_success", "recontact_7d"):
        notes.append(
            "Handoffs closed less than 7 days before the end of the data are not counted yet "
            "(their re-contact window is still open)."
        )
    srm = _sample_ratio(conv, spec, arms)
    if srm:
        notes.append(srm)
    return ExperimentResult(
        id=spec.id,
        control=spec.control,
        metric=spec.metric,
        arms=results,
        effects=effects,
        correction="bonferroni" if compared > 1 else "none",
        notes=tuple(notes),
    )


def _values(table: pd.DataFrame, arm: str, metric: str) -> np.ndarray:
    values: np.ndarray = table.loc[table["arm"] == arm, metric].to_numpy(dtype=np.float64)
    present: np.ndarray = values[~np.isnan(values)]
    return present


def _effect(
    arm: str,
    spec: ExperimentSpec,
    *,
    values: np.ndarray,
    control: np.ndarray,
    control_conversations: int,
    confidence: float,
) -> Effect:
    info = KPIS[spec.metric]
    if info.kind == "rate":
        difference = _stats.rate_difference(
            int(values.sum()), len(values), int(control.sum()), len(control), confidence
        )
        pooled = np.concatenate([control, values])
        p0 = float(control.mean()) if len(control) else float(pooled.mean()) if len(pooled) else 0.5
        needed: int | None = _stats.needed_for_rate(p0, info.min_effect, confidence)
    else:
        difference = _stats.mean_difference(values, control, confidence)
        both = [a for a in (values, control) if len(a) > 1]
        sd = (
            math.sqrt(
                sum(np.var(a, ddof=1) * (len(a) - 1) for a in both) / sum(len(a) - 1 for a in both)
            )
            if both
            else math.nan
        )
        needed = _stats.needed_for_mean(sd, info.min_effect, confidence)
    detected = (
        difference.low is not None
        and difference.high is not None
        and (difference.low > 0 or difference.high < 0)
    )
    have = min(len(values), len(control))
    enough = needed is not None and have >= needed
    per_conversation = len(control) / control_conversations if control_conversations else 0.0
    needed_conversations = (
        None
        if needed is None
        else needed
        if info.per == "conversation"
        else math.ceil(needed / per_conversation)
        if per_conversation > 0
        else None
    )
    verdict = _verdict(
        arm,
        spec.control,
        info,
        difference=difference,
        detected=detected,
        enough=enough,
        needed=needed,
        needed_conversations=needed_conversations,
        n_arm=len(values),
        n_control=len(control),
    )
    return Effect(
        arm=arm,
        control=spec.control,
        metric=spec.metric,
        difference=difference,
        confidence=confidence,
        detected=detected,
        enough_data=enough,
        needed_per_arm=needed,
        needed_conversations=needed_conversations,
        verdict=verdict,
    )


_UNIT_WORDS = {
    "conversation": "conversations",
    "handoff": "handoffs",
    "answer": "CES answers",
    "pair": "handoffs with sentiment before and after",
    "turn": "turns",
}


def format_change(info: KpiInfo, value: float) -> str:
    """A magnitude in the KPI's unit: ``6.2 points``, ``12 s``, ``0.35``."""
    if info.unit == "share":
        return f"{abs(value) * 100:.1f} points"
    if info.unit == "seconds":
        return f"{abs(value):.0f} s"
    if info.unit == "score":
        return f"{abs(value):.2f}"
    return f"{abs(value):.3f}"


def _size(info: KpiInfo, value: float) -> str:
    """The smallest change worth detecting as an adjective: ``5-point``, ``30-second``."""
    if info.unit == "share":
        return f"{value * 100:g}-point"
    if info.unit == "seconds":
        return f"{value:g}-second"
    if info.unit == "score":
        return f"{value:g}-point"
    return f"{value:g}"


def _bare(info: KpiInfo, value: float) -> str:
    return format_change(info, value).split(" ")[0]


def _verdict(
    arm: str,
    control: str,
    info: KpiInfo,
    *,
    difference: Estimate,
    detected: bool,
    enough: bool,
    needed: int | None,
    needed_conversations: int | None,
    n_arm: int,
    n_control: int,
) -> str:
    label = info.label.lower() if not info.label.startswith(("CES", "SLA")) else info.label
    units = _UNIT_WORDS[info.per]
    if (
        detected
        and difference.value is not None
        and difference.low is not None
        and difference.high is not None
    ):
        up = difference.value > 0
        lo, hi = (difference.low, difference.high) if up else (-difference.high, -difference.low)
        better = up == info.higher_is_better
        return (
            f"{arm} {'raises' if up else 'lowers'} {label} by "
            f"{format_change(info, difference.value)} ({_bare(info, lo)} to {_bare(info, hi)}) "
            f"compared with {control} ({'better' if better else 'worse'})."
        )
    if enough and difference.low is not None and difference.high is not None:
        return (
            f"{arm}: no detectable difference in {label} from {control} "
            f"(between {_signed(info, difference.low)} and {_signed(info, difference.high)})."
        )
    if needed is None:
        return (
            f"{arm}: not enough data yet: no {units} to compare "
            f"({n_arm} in {arm}, {n_control} in {control})."
        )
    in_conversations = (
        f" (about {needed_conversations:,} conversations per arm)"
        if needed_conversations is not None and info.per != "conversation"
        else ""
    )
    return (
        f"{arm}: not enough data yet: about {needed:,} {units} per arm{in_conversations} are "
        f"needed to detect a {_size(info, info.min_effect)} change in {label} with "
        f"{_stats.POWER:.0%} power; there are {n_arm:,} in {arm} and {n_control:,} in {control}."
    )


def _signed(info: KpiInfo, value: float) -> str:
    sign = "-" if value < 0 else "+"
    return sign + format_change(info, value)


def _selection_notes(
    conv: pd.DataFrame, spec: ExperimentSpec, arms: list[str], info: KpiInfo, confidence: float
) -> list[str]:
    """A per-handoff metric compares like with like only if the arms hand off alike."""
    notes = []
    control = conv.loc[conv["arm"] == spec.control, "handoff_rate"].to_numpy()
    for arm in arms[1:]:
        other = conv.loc[conv["arm"] == arm, "handoff_rate"].to_numpy()
        diff = _stats.rate_difference(
            int(other.sum()), len(other), int(control.sum()), len(control), confidence
        )
        if diff.low is not None and diff.high is not None and (diff.low > 0 or diff.high < 0):
            notes.append(
                f"{arm} hands off {other.mean():.0%} of conversations and {spec.control} "
                f"{control.mean():.0%}: {info.label.lower()} is measured over the handed-off "
                "ones, which are then different customers in each arm; read it together with "
                "the handoff rate."
            )
    return notes


def _sample_ratio(conv: pd.DataFrame, spec: ExperimentSpec, arms: list[str]) -> str | None:
    """Customers per arm against the declared split (chi-square goodness of fit)."""
    if not spec.shares or len(spec.shares) != len(spec.arms):
        return None
    units = conv.drop_duplicates("unit")
    counts = np.array([(units["arm"] == arm).sum() for arm in spec.arms], dtype=np.float64)
    total = counts.sum()
    if total < 100:
        return None
    expected = np.asarray(spec.shares, dtype=np.float64) / sum(spec.shares) * total
    p = float(stats.chisquare(counts, expected).pvalue)
    if p >= SAMPLE_RATIO_ALPHA:
        return None
    split = ", ".join(f"{a} {int(c):,}" for a, c in zip(spec.arms, counts, strict=True))
    return (
        f"Sample ratio mismatch: customers per arm ({split}) do not fit the declared "
        f"{'/'.join(map(str, spec.shares))} split (p = {p:.1g}); check assignment and "
        "logging before trusting any verdict."
    )
