"""Small hand-made datasets: a few rows each, so every KPI can be computed by hand."""

from __future__ import annotations

from typing import Any

import pandas as pd

from handoff.outcomes import Dataset

DAY = 86_400.0
HOUR = 3_600.0
T0 = 1_789_948_800.0  # 2026-09-21 00:00 UTC: day boundaries fall on whole offsets of DAY


def turn(conversation: str, at: float, **fields: Any) -> dict[str, Any]:
    """A routed customer turn kept by the bot unless ``handoff=True`` (then lane 'general')."""
    row: dict[str, Any] = {
        "conversation": conversation,
        "customer": fields.pop("customer", f"cust-{conversation}"),
        "at": T0 + at,
        "lane": "bot",
        "lane_kind": "bot",
        "handoff": False,
        "rule_id": None,
        "ruleset_version": "v1",
        "experiment": None,
        "arm": None,
        "asked_person": False,
    }
    if fields.get("handoff"):
        row.update(lane="general", lane_kind="human", rule_id="asked")
    row.update(fields)
    return row


def cycle(conversation: str, handed: float, **fields: Any) -> dict[str, Any]:
    """A handoff cycle handed off at ``handed`` (offset seconds), claimed and resolved by
    default 60 s and 600 s later."""
    claimed = fields.pop("claimed", handed + 60.0)
    closed = fields.pop("closed", (claimed if claimed is not None else handed) + 540.0)
    row: dict[str, Any] = {
        "conversation": conversation,
        "cycle": 1,
        "customer": fields.pop("customer", f"cust-{conversation}"),
        "lane": "general",
        "rule_id": "asked",
        "ruleset_version": "v1",
        "experiment": None,
        "arm": None,
        "sla_seconds": 120.0,
        "handed_off_at": T0 + handed,
        "claimed_at": None if claimed is None else T0 + claimed,
        "within_sla": None,
        "transfers": 0,
        "status": "resolved",
        "closed_at": None if closed is None else T0 + closed,
        "outcome_code": None,
        "needed": None,
        "ces_asked": False,
        "ces_score": float("nan"),
        "ces_declined": False,
    }
    row.update(fields)
    return row


def line(conversation: str, at: float, sentiment: float) -> dict[str, Any]:
    """A customer line with its sentiment."""
    return {"conversation": conversation, "at": T0 + at, "sentiment": sentiment}


def dataset(
    turns: list[dict[str, Any]] | None = None,
    cycles: list[dict[str, Any]] | None = None,
    lines: list[dict[str, Any]] | None = None,
) -> Dataset:
    """A validated Dataset from rows (tables without rows are empty)."""
    return Dataset.from_frames(
        pd.DataFrame(turns) if turns else None,
        pd.DataFrame(cycles) if cycles else None,
        pd.DataFrame(lines) if lines else None,
    )
