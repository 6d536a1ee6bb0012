"""KPIs of handoffs as pure functions of a :class:`Dataset` (definitions: docs/KPIS.md).

:func:`compute_kpis` prepares the records once (:mod:`handoff.outcomes._tables`: one row
per conversation and per handoff cycle, a column per KPI) and aggregates them overall, per
lane, per rule, per UTC day and per experiment arm, each figure with its interval.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from handoff.outcomes import _stats
from handoff.outcomes._tables import (
    CONVERSATION_KPIS,
    DAY,
    LANE_KPIS,
    Prepared,
    estimate,
    grouped_estimates,
    prepare,
)
from handoff.outcomes.dataset import Dataset
from handoff.outcomes.experiments import analyse_prepared, specs_for
from handoff.outcomes.results import (
    KPIS,
    Estimate,
    ExperimentResult,
    ExperimentSpec,
    KpiReport,
    ShadowResult,
)
from handoff.outcomes.shadow import compare_shadow

__all__ = ["compute_kpis", "daily_series", "report_of_prepared"]


def compute_kpis(
    data: Dataset,
    *,
    k: int = 3,
    confidence: float = 0.95,
    now: float | None = None,
    experiments: Mapping[str, ExperimentSpec] | None = None,
) -> KpiReport:
    """Every KPI of ``data`` with its interval at ``confidence``, overall and broken down.

    ``k`` is the number of customer lines on each side of a handoff for the sentiment delta.
    ``now`` (Unix seconds) is when the period is judged: windows not over by then (7 days
    after a handoff closed for re-contact and success, 24 h after a bot-kept conversation,
    an SLA deadline still ahead) are censored, i.e. left out of the denominator rather than
    counted as successes. It defaults to the latest timestamp in the data. ``experiments``
    gives each experiment's control and primary metric; experiments found in the data and
    not listed are analysed with the control ``"control"`` (else the first arm by name) and
    the metric ``handoff_success``.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1 (customer lines on each side), not {k}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1 (e.g. 0.95), not {confidence}")
    data.validate()
    return report_of_prepared(
        prepare(data, k=k, now=now),
        confidence=confidence,
        experiments=experiments,
        shadow=compare_shadow(data.turns, confidence=confidence),
        turns=len(data.turns),
        lines=len(data.lines),
    )


def report_of_prepared(
    prepared: Prepared,
    *,
    confidence: float,
    experiments: Mapping[str, ExperimentSpec] | None,
    shadow: ShadowResult | None,
    turns: int,
    lines: int,
) -> KpiReport:
    """The :class:`KpiReport` of tables :func:`prepare` made: what :func:`compute_kpis` does
    after preparing, apart so that prepared tables computed elsewhere (each part of a
    sharded dataset on a Dask worker, :mod:`handoff.cluster.kpis`) finish the same way.
    ``shadow`` is the shadow comparison of the turns, ``turns`` and ``lines`` their counts."""
    conv, cyc = prepared.conversations, prepared.cycles

    overall: dict[str, Estimate] = {
        name: estimate(conv if name in CONVERSATION_KPIS else cyc, name, confidence)
        for name in KPIS
    }
    overall["time_to_agent_median"] = estimate(cyc, "time_to_agent_median", confidence)

    by_lane = _by_lane(cyc, confidence)
    by_rule, rules = _by_rule(cyc, confidence)

    results: dict[str, ExperimentResult] = {}
    for spec in specs_for(prepared, experiments):
        results[spec.id] = analyse_prepared(prepared, spec, confidence)

    sentiment = cyc.loc[
        cyc["sentiment_delta"].notna(),
        ["lane", "sentiment_before", "sentiment_after", "sentiment_delta"],
    ].rename(
        columns={
            "sentiment_before": "before",
            "sentiment_after": "after",
            "sentiment_delta": "delta",
        }
    )
    return KpiReport(
        overall=overall,
        by_lane=by_lane,
        by_rule=by_rule,
        rules=rules,
        daily=daily_series(prepared, confidence),
        sentiment=sentiment.reset_index(drop=True),
        experiments=results,
        shadow=shadow,
        confidence=confidence,
        k=prepared.k,
        now=prepared.now,
        start=prepared.start,
        end=prepared.end,
        counts={
            "turns": turns,
            "conversations": len(conv),
            "handoffs": len(cyc),
            "lines": lines,
            "customers": int(conv["unit"].nunique()),
        },
    )


def daily_series(prepared: Prepared, confidence: float) -> pd.DataFrame:
    """KPIs per UTC day, long format: day (date), kpi, value, low, high, n.

    Conversation KPIs count a conversation on the day of its first routed turn; handoff
    KPIs count a cycle on the day it was handed off.
    """
    frames = []
    for name in KPIS:
        table = prepared.conversations if name in CONVERSATION_KPIS else prepared.cycles
        if table.empty:
            continue
        per_day = grouped_estimates(table, name, "day", confidence)
        per_day = per_day[per_day["n"] > 0]
        frames.append(per_day.assign(kpi=name).rename_axis("day").reset_index())
    if not frames:
        return pd.DataFrame(
            {
                "day": pd.Series([], dtype="datetime64[s]"),
                "kpi": pd.Series([], dtype=object),
                **{c: pd.Series([], dtype="float64") for c in ("value", "low", "high")},
                "n": pd.Series([], dtype="int64"),
            }
        )
    daily = pd.concat(frames, ignore_index=True)
    daily["day"] = pd.to_datetime(daily["day"] * DAY, unit="s").astype("datetime64[s]")
    return daily[["day", "kpi", "value", "low", "high", "n"]].sort_values(
        ["kpi", "day"], ignore_index=True
    )


def _by_lane(cyc: pd.DataFrame, confidence: float) -> dict[str, dict[str, Estimate]]:
    by_lane: dict[str, dict[str, Estimate]] = {}
    if cyc.empty:
        return by_lane
    for lane, rows in cyc.groupby("lane", sort=True):
        figures = {name: estimate(rows, name, confidence) for name in LANE_KPIS}
        figures["handoffs"] = Estimate(float(len(rows)), None, None, len(rows), "count")
        by_lane[str(lane)] = figures
    return by_lane


def _by_rule(cyc: pd.DataFrame, confidence: float) -> tuple[dict[str, Estimate], pd.DataFrame]:
    answers = cyc["needed"].where(cyc["needed"].notna(), "unanswered")
    counts = pd.crosstab(cyc["rule_id"], answers)
    for column in ("yes", "no", "unsure", "unanswered"):
        if column not in counts.columns:
            counts[column] = 0
    counts = counts[["yes", "no", "unsure", "unanswered"]].astype("int64")
    n = (counts["yes"] + counts["no"]).to_numpy()
    value, low, high = _stats.wilson(counts["yes"].to_numpy(), n, confidence)
    table = counts.assign(
        handoffs=counts.sum(axis=1), precision=value, low=low, high=high, n=n
    ).rename_axis(index="rule_id", columns=None)
    table = table.reset_index()[
        [
            "rule_id",
            "handoffs",
            "yes",
            "no",
            "unsure",
            "unanswered",
            "precision",
            "low",
            "high",
            "n",
        ]
    ].sort_values(["handoffs", "rule_id"], ascending=[False, True], ignore_index=True)
    by_rule = {
        str(row.rule_id): Estimate(
            _num(row.precision), _num(row.low), _num(row.high), int(row.n), "rate"
        )
        for row in table.itertuples(index=False)
    }
    return by_rule, table


def _num(value: object) -> float | None:
    v = float(value)  # type: ignore[arg-type]
    return v if math.isfinite(v) else None
