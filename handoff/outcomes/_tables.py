"""The per-conversation and per-cycle tables every KPI is aggregated from.

:func:`prepare` turns a :class:`Dataset` into two tables, one row per conversation and one
per handoff cycle, with one column per KPI holding each unit's contribution: 1/0 for a rate
(NaN when the unit is outside the KPI's denominator, for example a cycle whose 7-day
re-contact window is not over yet), the measured value for a mean. Every breakdown
(overall, per lane, per day, per experiment arm) is then one aggregation of those columns
with its interval (:func:`estimate`, :func:`grouped_estimates`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from handoff.outcomes import _stats
from handoff.outcomes.dataset import Dataset
from handoff.outcomes.results import KPIS, Estimate

__all__ = [
    "CONVERSATION_KPIS",
    "CYCLE_KPIS",
    "DAY",
    "LANE_KPIS",
    "MISSED_WINDOW",
    "RECONTACT_WINDOW",
    "SESSION_GAP",
    "Prepared",
    "estimate",
    "grouped_estimates",
    "prepare",
]

DAY = 86_400.0
#: A routed turn after this much silence in its conversation starts a new contact
#: (Rasa's default session_expiration_time is 60 minutes).
SESSION_GAP = 3_600.0
#: A new contact this soon after a handoff cycle closed is a re-contact.
RECONTACT_WINDOW = 7 * DAY
#: A new contact this soon after a bot-kept conversation counts towards missed escalation.
MISSED_WINDOW = DAY

#: KPIs with one row per conversation; every other KPI has one row per handoff cycle.
CONVERSATION_KPIS = ("handoff_rate", "containment", "missed_escalation")
CYCLE_KPIS = tuple(name for name in KPIS if name not in CONVERSATION_KPIS)
#: The KPIs broken down per lane (the lane the cycle was routed to).
LANE_KPIS = (
    "time_to_agent",
    "time_to_agent_median",
    "sla_attainment",
    "abandonment",
    "handoff_success",
    "escalation_precision",
    "ces_mean",
    "ces_top2",
    "ces_response",
    "sentiment_delta",
    "recontact_7d",
)

_RESOLVED = ("resolved", "handed_back")
_CLOSED = ("resolved", "handed_back", "abandoned")


@dataclass(frozen=True)
class Prepared:
    """One row per conversation and one per handoff cycle, with a column per KPI.

    ``conversations`` (index: conversation id) has ``experiment``, ``arm``, ``unit`` (the
    customer pseudonym, else ``conversation:<id>``), ``first_at``, ``last_at``, ``day``
    and the :data:`CONVERSATION_KPIS` columns. ``cycles`` has the cycle's ``conversation``,
    ``lane``, ``rule_id``, ``needed``, ``experiment``, ``arm``, ``day``, the
    :data:`CYCLE_KPIS` columns and ``sentiment_before``/``sentiment_after``.
    """

    conversations: pd.DataFrame
    cycles: pd.DataFrame
    now: float | None
    start: float | None
    end: float | None
    k: int


def estimate(table: pd.DataFrame, name: str, confidence: float) -> Estimate:
    """The Estimate of KPI ``name`` over all rows of a prepared table."""
    if name == "time_to_agent_median":
        values = table["time_to_agent"].to_numpy(dtype=np.float64)
        return _stats.median_estimate(values[~np.isnan(values)], confidence)
    values = table[name].to_numpy(dtype=np.float64)
    values = values[~np.isnan(values)]
    if KPIS[name].kind == "rate":
        return _stats.rate_estimate(int(values.sum()), len(values), confidence)
    return _stats.mean_estimate(values, confidence)


def grouped_estimates(
    table: pd.DataFrame, name: str, by: str | pd.Series, confidence: float
) -> pd.DataFrame:
    """KPI ``name`` per group of ``by``: a frame indexed by group with value, low, high, n."""
    column = table[name]
    groups = column.groupby(table[by] if isinstance(by, str) else by, sort=True, dropna=True)
    n = groups.count()
    if KPIS[name].kind == "rate":
        value, low, high = _stats.wilson(groups.sum().to_numpy(), n.to_numpy(), confidence)
    else:
        value, low, high = _stats.t_interval(
            groups.mean().to_numpy(), groups.std(ddof=1).to_numpy(), n.to_numpy(), confidence
        )
    return pd.DataFrame(
        {"value": value, "low": low, "high": high, "n": n.to_numpy(dtype=np.int64)},
        index=n.index,
    )


def prepare(data: Dataset, *, k: int = 3, now: float | None = None) -> Prepared:
    """The per-conversation and per-cycle tables every KPI is aggregated from."""
    turns, handoffs, lines = data.turns, data.handoffs, data.lines
    stamps = [
        turns["at"].to_numpy(dtype=np.float64),
        lines["at"].to_numpy(dtype=np.float64),
        handoffs["handed_off_at"].to_numpy(dtype=np.float64),
        handoffs["claimed_at"].to_numpy(dtype=np.float64),
        handoffs["closed_at"].to_numpy(dtype=np.float64),
    ]
    everything = np.concatenate(stamps)
    everything = everything[~np.isnan(everything)]
    start = float(everything.min()) if everything.size else None
    end = float(everything.max()) if everything.size else None
    if now is None:
        now = end
    judged = math.inf if now is None else float(now)

    # Integer codes for conversations: every join below is on them, not on strings.
    names, (t_code, h_code, l_code) = _codes(
        turns["conversation"], handoffs["conversation"], lines["conversation"]
    )  # l_code is -1 for lines of conversations with neither turns nor cycles

    conversations = _conversation_table(turns, handoffs, names, t_code, h_code)
    unit_code = pd.factorize(conversations["unit"])[0] if len(conversations) else np.array([])
    unit_of_code = np.full(len(names), -1, dtype=np.int64)
    unit_of_code[conversations["code"].to_numpy()] = unit_code
    # Conversations that only have cycles (no routed turn) still need a unit.
    orphan = unit_of_code < 0
    if orphan.any():
        unit_of_code[orphan] = len(unit_code) + np.arange(int(orphan.sum()))

    contact_keys, contact_at = _contact_starts(
        data, t_code=t_code, h_code=h_code, unit_of_code=unit_of_code
    )

    # Missed escalation: bot-kept conversations, judged once 24 h after their last turn.
    kept = ~conversations["handed"].to_numpy()
    last_at = conversations["last_at"].to_numpy(dtype=np.float64)
    later = _next_contact(
        contact_keys, contact_at, unit_of_code[conversations["code"].to_numpy()], last_at
    )
    came_back = later - last_at <= MISSED_WINDOW
    observed = last_at + MISSED_WINDOW <= judged
    missed = conversations["asked"].to_numpy() | came_back
    conversations["missed_escalation"] = np.where(
        kept & observed, missed.astype(np.float64), np.nan
    )
    conversations = conversations.drop(columns=["code"]).set_index("conversation")

    cycles = _cycle_table(
        data,
        h_code=h_code,
        l_code=l_code,
        h_unit=unit_of_code[h_code],
        contacts=(contact_keys, contact_at),
        judged=judged,
        k=k,
    )
    return Prepared(conversations, cycles, now, start, end, k)


def _codes(
    turns: pd.Series, handoffs: pd.Series, lines: pd.Series
) -> tuple[pd.Index, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """One integer per conversation id in turns or handoffs, and each table's codes.

    Columns that are categoricals over the same categories (the simulator's, and a loader's
    that chooses to) are used as they are: no string is hashed."""
    columns = (turns, handoffs, lines)
    if all(isinstance(c.dtype, pd.CategoricalDtype) for c in columns):
        categories = turns.cat.categories
        if all(c.cat.categories.equals(categories) for c in columns[1:]):
            codes = tuple(np.asarray(c.cat.codes, dtype=np.int64) for c in columns)
            return categories, (codes[0], codes[1], codes[2])
    names = pd.Index(pd.unique(pd.concat([turns, handoffs], ignore_index=True).astype(object)))
    return names, (
        names.get_indexer(turns.astype(object)),
        names.get_indexer(handoffs.astype(object)),
        names.get_indexer(lines.astype(object)),
    )


def _conversation_table(
    turns: pd.DataFrame,
    handoffs: pd.DataFrame,
    names: pd.Index,
    t_code: np.ndarray,
    h_code: np.ndarray,
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "code": t_code,
            "at": turns["at"].to_numpy(dtype=np.float64),
            "handoff": turns["handoff"].to_numpy(dtype=bool),
            "asked": turns["asked_person"].to_numpy(dtype=bool),
            "customer": turns["customer"].to_numpy(dtype=object),
            "experiment": turns["experiment"].to_numpy(dtype=object),
            "arm": turns["arm"].to_numpy(dtype=object),
        }
    )
    grouped = frame.groupby("code", sort=True)
    table = grouped.agg(
        first_at=("at", "min"),
        last_at=("at", "max"),
        handed=("handoff", "any"),
        asked=("asked", "any"),
        customer=("customer", "first"),
        experiment=("experiment", "first"),
        arm=("arm", "first"),
    ).reset_index()
    codes = table["code"].to_numpy()
    with_cycle = np.zeros(len(names), dtype=bool)
    with_cycle[h_code] = True
    table["handed"] = table["handed"].to_numpy(dtype=bool) | with_cycle[codes]
    table["conversation"] = names.to_numpy(dtype=object)[codes]
    customer = table["customer"]
    table["unit"] = customer.where(customer.notna(), "conversation:" + table["conversation"])
    table["day"] = np.floor(table["first_at"].to_numpy() / DAY)
    table["handoff_rate"] = table["handed"].astype(np.float64)
    table["containment"] = 1.0 - table["handoff_rate"]
    return table


def _contact_starts(
    data: Dataset,
    *,
    t_code: np.ndarray,
    h_code: np.ndarray,
    unit_of_code: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted (unit, time) of every contact start: a routed turn that is its conversation's
    first activity or comes more than SESSION_GAP after the previous one (routed turns and
    a handoff cycle being handed off, claimed or closed count as activity; every customer
    line outside a cycle is a routed turn, so lines add nothing)."""
    turns, handoffs = data.turns, data.handoffs
    codes = np.concatenate([t_code, h_code, h_code, h_code]).astype(np.int64)
    at = np.concatenate(
        [
            turns["at"].to_numpy(dtype=np.float64),
            handoffs["handed_off_at"].to_numpy(dtype=np.float64),
            handoffs["claimed_at"].to_numpy(dtype=np.float64),
            handoffs["closed_at"].to_numpy(dtype=np.float64),
        ]
    )
    is_turn = np.zeros(len(at), dtype=bool)
    is_turn[: len(t_code)] = True
    present = ~np.isnan(at)
    codes, at, is_turn = codes[present], at[present], is_turn[present]
    # Turns come first and the sort is stable, so a turn sorts before its cycle's events
    # at the same instant: the turn that hands off must still be seen to start a contact.
    order = _by_code_then_time(codes, at)
    codes, at, is_turn = codes[order], at[order], is_turn[order]
    new_conversation = np.ones(len(at), dtype=bool)
    new_conversation[1:] = codes[1:] != codes[:-1]
    gap = np.full(len(at), np.inf)
    gap[1:] = at[1:] - at[:-1]
    starts = is_turn & (new_conversation | (gap > SESSION_GAP))
    units = unit_of_code[codes[starts]]
    times = at[starts]
    order = _by_code_then_time(units, times)
    return units[order], times[order]


def _by_code_then_time(codes: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The stable order by (code, time), exact at any size.

    A single float key (``code * span + time``) sorts faster, but at a million conversations
    a month it resolves only about a millisecond, so two events of one conversation closer
    than that could swap; the KPIs then depended on how conversations were numbered, and a
    report computed shard by shard on Dask differed from the one-process report.
    """
    order: np.ndarray = np.lexsort((at, codes))
    return order


def _exact_keys(
    codes: np.ndarray, times: np.ndarray, *queries: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, ...]:
    """Integer keys ordered exactly as (code, time), for ``codes``/``times`` and each query.

    A float key ``code * span + time`` is rounded at large codes (about a millisecond at a
    million conversations a month), so a line just before a handoff could count as after
    it, and differently in a shard (smaller codes) than in one process. Ranking every time
    on one grid and keying ``code * (grid size + 1) + rank`` is exact (int64 holds a million
    codes times millions of distinct times)."""
    grid = np.unique(np.concatenate([times, *(t for _, t in queries)]))
    width = np.int64(len(grid) + 1)
    return tuple(
        c.astype(np.int64) * width + np.searchsorted(grid, t).astype(np.int64)
        for c, t in ((codes, times), *queries)
    )


def _next_contact(
    units: np.ndarray, times: np.ndarray, query_units: np.ndarray, query_times: np.ndarray
) -> np.ndarray:
    """The first contact start of each query's unit strictly after its time (NaN if none)."""
    result = np.full(len(query_units), np.nan)
    if len(units) == 0 or len(query_units) == 0:
        return result
    # One sorted key per (unit, time), so one searchsorted answers every query.
    valid = ~np.isnan(query_times)
    q_units = query_units[valid]
    keys, q_keys = _exact_keys(units, times, (q_units, query_times[valid]))
    idx = np.searchsorted(keys, q_keys, side="right")
    inside = idx < len(keys)
    found = np.zeros(len(idx), dtype=bool)
    found[inside] = units[idx[inside]] == q_units[inside]
    nxt = np.full(len(idx), np.nan)
    nxt[found] = times[idx[found]]
    result[valid] = nxt
    return result


def _cycle_table(
    data: Dataset,
    *,
    h_code: np.ndarray,
    l_code: np.ndarray,
    h_unit: np.ndarray,
    contacts: tuple[np.ndarray, np.ndarray],
    judged: float,
    k: int,
) -> pd.DataFrame:
    handoffs = data.handoffs
    handed_at = handoffs["handed_off_at"].to_numpy(dtype=np.float64)
    claimed_at = handoffs["claimed_at"].to_numpy(dtype=np.float64)
    closed_at = handoffs["closed_at"].to_numpy(dtype=np.float64)
    sla = handoffs["sla_seconds"].to_numpy(dtype=np.float64)
    status = handoffs["status"].to_numpy(dtype=object)
    claimed = ~np.isnan(claimed_at)
    resolved = np.isin(status, _RESOLVED)
    closed = np.isin(status, _CLOSED) & ~np.isnan(closed_at)
    abandoned = status == "abandoned"
    nan = np.nan

    wait = np.where(claimed, claimed_at - handed_at, nan)

    # SLA: the desktop's own verdict for claimed cycles (its clock may follow opening
    # hours); an unclaimed cycle misses once its deadline passed while the customer waited;
    # customers who gave up before the deadline are left out ("short abandons").
    within = handoffs["within_sla"]
    met = np.where(
        within.notna().to_numpy(), within.eq(True).to_numpy(dtype=bool, na_value=False), wait <= sla
    )
    deadline = handed_at + sla
    sla_claimed = np.where(met, 1.0, 0.0)
    waited_past = np.where(np.isnan(closed_at), judged >= deadline, closed_at > deadline)
    sla_attainment = np.where(
        np.isnan(sla),
        nan,
        np.where(claimed, sla_claimed, np.where(waited_past, 0.0, nan)),
    )

    wait_ended = claimed | (np.isin(status, _CLOSED))
    abandonment = np.where(wait_ended, (abandoned & ~claimed).astype(np.float64), nan)

    next_contact = _next_contact(contacts[0], contacts[1], h_unit, closed_at)
    recontacted = next_contact - closed_at <= RECONTACT_WINDOW
    window_over = closed_at + RECONTACT_WINDOW <= judged
    recontact = np.where(resolved & closed & window_over, recontacted.astype(np.float64), nan)

    success_known = np.where(closed, window_over, handed_at + RECONTACT_WINDOW <= judged)
    success = claimed & resolved & closed & ~recontacted
    handoff_success = np.where(success_known, success.astype(np.float64), nan)

    score = handoffs["ces_score"].to_numpy(dtype=np.float64)
    answered = ~np.isnan(score)
    asked = (
        handoffs["ces_asked"].to_numpy(dtype=bool)
        | answered
        | handoffs["ces_declined"].to_numpy(dtype=bool)
    )
    needed = handoffs["needed"].to_numpy(dtype=object)
    precision = np.where(needed == "yes", 1.0, np.where(needed == "no", 0.0, nan))

    before, after = _sentiment_pairs(
        data.lines,
        l_code=l_code,
        h_code=h_code,
        handed_at=handed_at,
        claimed_at=claimed_at,
        closed_at=closed_at,
        k=k,
    )
    return pd.DataFrame(
        {
            "conversation": handoffs["conversation"].to_numpy(dtype=object),
            "lane": handoffs["lane"].to_numpy(dtype=object),
            "rule_id": handoffs["rule_id"].to_numpy(dtype=object),
            "needed": needed,
            "experiment": handoffs["experiment"].to_numpy(dtype=object),
            "arm": handoffs["arm"].to_numpy(dtype=object),
            "day": np.floor(handed_at / DAY),
            "time_to_agent": wait,
            "sla_attainment": sla_attainment,
            "handoff_success": handoff_success,
            "ces_mean": score,
            "ces_top2": np.where(answered, (score >= 5).astype(np.float64), nan),
            "ces_response": np.where(asked, answered.astype(np.float64), nan),
            "sentiment_delta": after - before,
            "sentiment_before": before,
            "sentiment_after": after,
            "escalation_precision": precision,
            "abandonment": abandonment,
            "recontact_7d": recontact,
        },
        index=handoffs.index,
    )


def _sentiment_pairs(
    lines: pd.DataFrame,
    *,
    l_code: np.ndarray,
    h_code: np.ndarray,
    handed_at: np.ndarray,
    claimed_at: np.ndarray,
    closed_at: np.ndarray,
    k: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Per cycle: mean sentiment of the customer's last k lines at or before the handoff,
    and of the first k lines after the agent claimed it (until it closed); NaN when either
    side has no scored line or the cycle was never claimed."""
    n = len(h_code)
    before = np.full(n, np.nan)
    after = np.full(n, np.nan)
    sentiment = lines["sentiment"].to_numpy(dtype=np.float64)
    keep = (l_code >= 0) & ~np.isnan(sentiment)
    if n == 0 or not keep.any():
        return before, after
    codes = l_code[keep].astype(np.int64)
    at = lines["at"].to_numpy(dtype=np.float64)[keep]
    score = sentiment[keep]
    order = _by_code_then_time(codes, at)
    codes, at, score = codes[order], at[order], score[order]
    claimed = ~np.isnan(claimed_at)
    keys, handed_keys, claimed_keys = _exact_keys(
        codes, at, (h_code, handed_at), (h_code, np.where(claimed, claimed_at, 0.0))
    )
    group_start = np.searchsorted(codes, h_code, side="left")
    group_end = np.searchsorted(codes, h_code, side="right")

    cut_before = np.searchsorted(keys, handed_keys, side="right")
    offsets = np.arange(1, k + 1)
    idx = cut_before[:, None] - offsets[None, :]
    ok = idx >= group_start[:, None]
    picked = np.where(ok, score[np.clip(idx, 0, len(score) - 1)], np.nan)
    with np.errstate(invalid="ignore"):
        counts = ok.sum(axis=1)
        before = np.where(counts > 0, np.nansum(picked, axis=1) / np.maximum(counts, 1), np.nan)

    first_after = np.searchsorted(keys, claimed_keys, side="right")
    limit = np.where(np.isnan(closed_at), np.inf, closed_at)
    idx = first_after[:, None] + offsets[None, :] - 1
    ok = idx < group_end[:, None]
    safe = np.clip(idx, 0, len(score) - 1)
    ok &= at[safe] <= limit[:, None]
    ok &= claimed[:, None]
    picked = np.where(ok, score[safe], np.nan)
    counts = ok.sum(axis=1)
    after = np.where(counts > 0, np.nansum(picked, axis=1) / np.maximum(counts, 1), np.nan)
    both = ~np.isnan(before) & ~np.isnan(after)
    return np.where(both, before, np.nan), np.where(both, after, np.nan)
