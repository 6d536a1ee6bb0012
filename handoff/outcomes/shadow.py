"""Shadow rules against live rules: how often they agree and where the candidate differs."""

from __future__ import annotations

import pandas as pd

from handoff.outcomes import _stats
from handoff.outcomes.results import ShadowResult

__all__ = ["compare_shadow"]


def compare_shadow(turns: pd.DataFrame, *, confidence: float = 0.95) -> ShadowResult | None:
    """Compare each shadowed turn's live decision with the shadow rule set's.

    A turn is shadowed when ``shadow_lane`` is set. Lane agreement: same lane; handoff
    agreement: both handed off or neither (turns without ``shadow_handoff`` are left out of
    it). Returns None when no turn was shadowed.
    """
    shadowed = turns[turns["shadow_lane"].notna()]
    if shadowed.empty:
        return None
    live_lane = shadowed["lane"].to_numpy(dtype=object)
    shadow_lane = shadowed["shadow_lane"].to_numpy(dtype=object)
    same_lane = live_lane == shadow_lane
    live_handoff = shadowed["handoff"].to_numpy(dtype=bool)
    known = shadowed["shadow_handoff"].notna().to_numpy()
    shadow_handoff = shadowed["shadow_handoff"].eq(True).to_numpy(dtype=bool, na_value=False)
    same_handoff = live_handoff == shadow_handoff

    lane_agreement = _stats.rate_estimate(int(same_lane.sum()), len(shadowed), confidence)
    handoff_agreement = _stats.rate_estimate(
        int((same_handoff & known).sum()), int(known.sum()), confidence
    )
    differ = ~same_lane | (known & ~same_handoff)
    rows = pd.DataFrame(
        {
            "live_lane": live_lane[differ],
            "shadow_lane": shadow_lane[differ],
            "live_rule": shadowed["rule_id"].to_numpy(dtype=object)[differ],
            "shadow_rule": shadowed["shadow_rule_id"].to_numpy(dtype=object)[differ],
            "conversation": shadowed["conversation"].to_numpy(dtype=object)[differ],
        }
    )
    keys = ["live_lane", "shadow_lane", "live_rule", "shadow_rule"]
    differences = (
        rows.groupby(keys, dropna=False, sort=False)
        .agg(turns=("conversation", "size"), conversations=("conversation", "nunique"))
        .reset_index()
        .sort_values(["turns", *keys[:2]], ascending=[False, True, True], ignore_index=True)
    )
    differences = differences.astype({"turns": "int64", "conversations": "int64"})
    for column in keys:  # a turn without a rule reads as None, not NaN
        values = differences[column].astype(object)
        differences[column] = values.where(values.notna(), None)
    versions = tuple(sorted(str(v) for v in shadowed["shadow_version"].dropna().unique()))
    return ShadowResult(
        turns=len(shadowed),
        conversations=int(shadowed["conversation"].nunique()),
        versions=versions,
        lane_agreement=lane_agreement,
        handoff_agreement=handoff_agreement,
        shadow_only_handoffs=int((known & shadow_handoff & ~live_handoff).sum()),
        live_only_handoffs=int((known & ~shadow_handoff & live_handoff).sum()),
        differences=differences,
    )
