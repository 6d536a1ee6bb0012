"""Shadow rules against live rules: how often they agree and where the candidate differs.

:func:`compare_shadow` is :func:`shadow_counts` (integer counts of one set of turns) then
:func:`combine_shadow`; a dataset in parts (shards on Dask workers) counts each part and
combines the counts, which gives the same result as comparing all turns at once when no
conversation is split between parts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from handoff.outcomes import _stats
from handoff.outcomes.results import ShadowResult

__all__ = ["ShadowCounts", "combine_shadow", "compare_shadow", "shadow_counts"]

_KEYS = ["live_lane", "shadow_lane", "live_rule", "shadow_rule"]


@dataclass(frozen=True)
class ShadowCounts:
    """What :func:`combine_shadow` needs of a set of turns: counts only, no turn rows.

    ``differences`` has one row per (live lane, shadow lane, live rule, shadow rule) where
    the decisions differ, in order of first appearance, with its ``turns`` and
    ``conversations``."""

    turns: int
    conversations: int
    same_lane: int
    known: int
    same_handoff: int
    shadow_only: int
    live_only: int
    versions: frozenset[str]
    differences: pd.DataFrame


def compare_shadow(turns: pd.DataFrame, *, confidence: float = 0.95) -> ShadowResult | None:
    """Compare each shadowed turn's live decision with the shadow rule set's.

    A turn is shadowed when ``shadow_lane`` is set. Lane agreement: same lane; handoff
    agreement: both handed off or neither (turns without ``shadow_handoff`` are left out of
    it). Returns None when no turn was shadowed.
    """
    return combine_shadow([shadow_counts(turns)], confidence=confidence)


def shadow_counts(turns: pd.DataFrame) -> ShadowCounts:
    """The counts of ``turns`` (a Dataset's turns) that :func:`combine_shadow` adds up."""
    shadowed = turns[turns["shadow_lane"].notna()]
    live_lane = shadowed["lane"].to_numpy(dtype=object)
    shadow_lane = shadowed["shadow_lane"].to_numpy(dtype=object)
    same_lane = live_lane == shadow_lane
    live_handoff = shadowed["handoff"].to_numpy(dtype=bool)
    known = shadowed["shadow_handoff"].notna().to_numpy()
    shadow_handoff = shadowed["shadow_handoff"].eq(True).to_numpy(dtype=bool, na_value=False)
    same_handoff = live_handoff == shadow_handoff
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
    differences = (
        rows.groupby(_KEYS, dropna=False, sort=False)
        .agg(turns=("conversation", "size"), conversations=("conversation", "nunique"))
        .reset_index()
    )
    return ShadowCounts(
        turns=len(shadowed),
        conversations=int(shadowed["conversation"].nunique()),
        same_lane=int(same_lane.sum()),
        known=int(known.sum()),
        same_handoff=int((same_handoff & known).sum()),
        shadow_only=int((known & shadow_handoff & ~live_handoff).sum()),
        live_only=int((known & ~shadow_handoff & live_handoff).sum()),
        versions=frozenset(str(v) for v in shadowed["shadow_version"].dropna().unique()),
        differences=differences,
    )


def combine_shadow(
    parts: Sequence[ShadowCounts], *, confidence: float = 0.95
) -> ShadowResult | None:
    """The shadow comparison of the turns behind ``parts`` (each conversation's turns in one
    part: conversations are counted per part and added). None when no turn was shadowed."""
    shadowed = sum(part.turns for part in parts)
    if shadowed == 0:
        return None
    known = sum(part.known for part in parts)
    lane_agreement = _stats.rate_estimate(
        sum(part.same_lane for part in parts), shadowed, confidence
    )
    handoff_agreement = _stats.rate_estimate(
        sum(part.same_handoff for part in parts), known, confidence
    )
    rows = pd.concat([part.differences for part in parts], ignore_index=True)
    differences = (
        rows.groupby(_KEYS, dropna=False, sort=False)[["turns", "conversations"]]
        .sum()
        .reset_index()
        .sort_values(["turns", *_KEYS[:2]], ascending=[False, True, True], ignore_index=True)
    )
    differences = differences.astype({"turns": "int64", "conversations": "int64"})
    for column in _KEYS:  # a turn without a rule reads as None, not NaN
        values = differences[column].astype(object)
        differences[column] = values.where(values.notna(), None)
    return ShadowResult(
        turns=shadowed,
        conversations=sum(part.conversations for part in parts),
        versions=tuple(sorted(frozenset().union(*(part.versions for part in parts)))),
        lane_agreement=lane_agreement,
        handoff_agreement=handoff_agreement,
        shadow_only_handoffs=sum(part.shadow_only for part in parts),
        live_only_handoffs=sum(part.live_only for part in parts),
        differences=differences,
    )
