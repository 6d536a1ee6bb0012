"""The statistics behind every interval and verdict, delegated to statsmodels and scipy.

* rates: Wilson score interval (``statsmodels.stats.proportion.proportion_confint``);
* means: Student t interval on the sample standard deviation (scipy's t quantiles);
* medians: the distribution-free order-statistic interval (``scipy.stats.quantile_test``);
* difference of two rates: Newcombe's hybrid score interval
  (``statsmodels.stats.proportion.confint_proportions_2indep(method="newcomb")``);
* difference of two means: Welch's t interval (``scipy.stats.ttest_ind(equal_var=False)``);
* sample size: normal-approximation power for Cohen's h (rates) and Welch/t power for
  Cohen's d (means), ``statsmodels.stats.power``.

Functions take numpy arrays so per-day, per-lane and per-arm figures are one call each.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import stats
from statsmodels.stats import power as sm_power
from statsmodels.stats import proportion as sm_proportion

from handoff.outcomes.results import Estimate, EstimateKind

FloatArray = npt.NDArray[np.float64]

#: Power of the sample-size computation behind "not enough data yet".
POWER = 0.8


def wilson(
    successes: npt.ArrayLike, n: npt.ArrayLike, confidence: float
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Rate and Wilson interval per element; NaN where ``n == 0``."""
    k = np.asarray(successes, dtype=np.float64)
    m = np.asarray(n, dtype=np.float64)
    value = np.full(np.broadcast(k, m).shape, np.nan)
    low = value.copy()
    high = value.copy()
    ok = np.broadcast_to(m > 0, value.shape)
    if ok.any():
        kk = np.broadcast_to(k, value.shape)[ok]
        mm = np.broadcast_to(m, value.shape)[ok]
        lo, hi = sm_proportion.proportion_confint(kk, mm, alpha=1 - confidence, method="wilson")
        value[ok] = kk / mm
        low[ok] = lo
        high[ok] = hi
    return value, low, high


def t_interval(
    mean: npt.ArrayLike, std: npt.ArrayLike, n: npt.ArrayLike, confidence: float
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Mean and Student t interval from summary statistics (``std`` with ddof=1).

    The value is NaN where ``n == 0``; the interval is NaN where ``n < 2``.
    """
    mu = np.asarray(mean, dtype=np.float64)
    sd = np.asarray(std, dtype=np.float64)
    m = np.asarray(n, dtype=np.float64)
    value = np.where(m > 0, mu, np.nan)
    ok = m >= 2
    df = np.where(ok, m - 1, 1.0)
    half = (
        stats.t.ppf(0.5 + confidence / 2, df)
        * np.where(ok, sd, np.nan)
        / np.sqrt(np.where(ok, m, 1.0))
    )
    half = np.where(ok, half, np.nan)
    return value, value - half, value + half


def rate_estimate(successes: int, n: int, confidence: float) -> Estimate:
    """One rate with its Wilson interval."""
    value, low, high = wilson(successes, n, confidence)
    return _estimate(value, low, high, n, "rate")


def mean_estimate(values: FloatArray, confidence: float) -> Estimate:
    """One mean with its t interval (``values`` without NaN)."""
    n = len(values)
    if n == 0:
        return Estimate.missing("mean")
    std = float(np.std(values, ddof=1)) if n > 1 else math.nan
    value, low, high = t_interval(float(np.mean(values)), std, n, confidence)
    return _estimate(value, low, high, n, "mean")


def median_estimate(values: FloatArray, confidence: float) -> Estimate:
    """One median with its distribution-free (binomial order-statistic) interval."""
    n = len(values)
    if n == 0:
        return Estimate.missing("median")
    value = float(np.median(values))
    if n < 2:
        return Estimate(value, None, None, n, "median")
    ci = stats.quantile_test(values, p=0.5).confidence_interval(confidence)
    return Estimate(value, _finite(ci.low), _finite(ci.high), n, "median")


def rate_difference(k1: int, n1: int, k0: int, n0: int, confidence: float) -> Estimate:
    """Arm (1) minus control (0) rate, Newcombe's hybrid score interval."""
    if n1 == 0 or n0 == 0:
        return Estimate.missing("difference", min(n1, n0))
    low, high = sm_proportion.confint_proportions_2indep(
        k1, n1, k0, n0, method="newcomb", compare="diff", alpha=1 - confidence
    )
    return Estimate(k1 / n1 - k0 / n0, float(low), float(high), min(n1, n0), "difference")


def mean_difference(a1: FloatArray, a0: FloatArray, confidence: float) -> Estimate:
    """Arm (1) minus control (0) mean, Welch's t interval."""
    n = min(len(a1), len(a0))
    if n == 0:
        return Estimate.missing("difference", n)
    value = float(np.mean(a1) - np.mean(a0))
    if n < 2 or (np.var(a1) == 0 and np.var(a0) == 0):
        return Estimate(value, None, None, n, "difference")
    ci = stats.ttest_ind(a1, a0, equal_var=False).confidence_interval(confidence)
    return Estimate(value, _finite(ci.low), _finite(ci.high), n, "difference")


def needed_for_rate(p0: float, min_effect: float, confidence: float) -> int:
    """Units per arm for a two-sided test at ``1 - confidence`` to detect a change of
    ``min_effect`` from the baseline rate ``p0`` with :data:`POWER` (Cohen's h, normal
    approximation; the change is taken in the direction that stays inside 0..1)."""
    p0 = min(max(p0, 0.0), 1.0)
    p1 = p0 + min_effect if p0 + min_effect <= 1 else p0 - min_effect
    h = abs(float(sm_proportion.proportion_effectsize(p1, p0)))
    if h == 0:
        return 0
    n = sm_power.NormalIndPower().solve_power(
        effect_size=h, alpha=1 - confidence, power=POWER, ratio=1.0, alternative="two-sided"
    )
    return math.ceil(_scalar(n))


def needed_for_mean(sd: float, min_effect: float, confidence: float) -> int | None:
    """Units per arm to detect a change of ``min_effect`` in a mean whose standard deviation
    is ``sd`` with :data:`POWER` (two-sample t test, Cohen's d); None without an sd."""
    if not math.isfinite(sd):
        return None
    if sd == 0:
        return 2
    n = sm_power.TTestIndPower().solve_power(
        effect_size=min_effect / sd, alpha=1 - confidence, power=POWER, ratio=1.0
    )
    return math.ceil(_scalar(n))


def _scalar(value: Any) -> float:
    return float(np.asarray(value).reshape(-1)[0])


def _finite(value: Any) -> float | None:
    v = float(value)
    return v if math.isfinite(v) else None


def _estimate(value: Any, low: Any, high: Any, n: int, kind: EstimateKind) -> Estimate:
    return Estimate(_finite(value), _finite(low), _finite(high), int(n), kind)
