"""Small datasets for the report's tests, built row by row (the simulator makes the big,
realistic ones): a few days of conversations over named lanes and rules, an experiment with
two arms, a shadow rule set, wrap-ups, CES answers and customer lines."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from handoff.outcomes import Dataset

START = datetime(2026, 11, 2, tzinfo=timezone.utc).timestamp()
DAY = 86_400.0


def dataset(
    *,
    seed: int = 1,
    conversations: int = 400,
    days: int = 7,
    lanes: Sequence[str] = ("billing", "fraud"),
    rules: Sequence[str] = ("asks_for_human", "fraud_words"),
    experiment: str | None = "callback-pilot",
    shadow: bool = True,
    start: float = START,
) -> Dataset:
    """``conversations`` conversations over ``days`` days from ``start``; about a third
    handed off, to ``lanes`` by ``rules`` (paired by position)."""
    rng = random.Random(seed)
    turns: list[dict[str, Any]] = []
    handoffs: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for number in range(conversations):
        conversation = f"conv-{seed}-{number}"
        customer = f"cust-{rng.randrange(conversations // 2)}"
        at = start + rng.uniform(0, days * DAY - 4000)
        arm = rng.choice(("control", "candidate")) if experiment else None
        handed = rng.random() < (0.3 if arm != "candidate" else 0.4)
        which = rng.randrange(len(lanes))
        lane, rule = (lanes[which], rules[which % len(rules)]) if handed else ("bot", None)
        for turn in range(3):
            last = turn == 2
            shadow_lane = (lane if rng.random() < 0.9 else "callback") if shadow else None
            turns.append(
                {
                    "conversation": conversation,
                    "customer": customer,
                    "at": at + 30 * turn,
                    "lane": lane if last else "bot",
                    "lane_kind": "human" if (last and handed) else "bot",
                    "handoff": bool(last and handed),
                    "rule_id": rule if last else None,
                    "ruleset_version": "v1",
                    "experiment": experiment,
                    "arm": arm,
                    "asked_person": bool(last and handed and rule == rules[0]),
                    "shadow_lane": (shadow_lane if last else "bot") if shadow else None,
                    "shadow_rule_id": None,
                    "shadow_version": "v2" if shadow else None,
                    "shadow_handoff": (bool(last and shadow_lane != "bot")) if shadow else None,
                }
            )
            lines.append(
                {"conversation": conversation, "at": at + 30 * turn - 1,
                 "sentiment": rng.uniform(-0.8, 0.1)}
            )  # fmt: skip
        if not handed:
            continue
        handed_at = at + 60
        claimed = rng.random() < 0.92
        claimed_at = handed_at + rng.expovariate(1 / 90) if claimed else None
        closed_at = (claimed_at or handed_at) + rng.uniform(60, 900)
        status = (
            rng.choice(("resolved", "resolved", "resolved", "handed_back"))
            if claimed
            else "abandoned"
        )
        score = rng.choice((None, 3, 5, 6, 7, 7)) if claimed else None
        handoffs.append(
            {
                "conversation": conversation,
                "cycle": 1,
                "customer": customer,
                "lane": lane,
                "rule_id": rule,
                "ruleset_version": "v1",
                "experiment": experiment,
                "arm": arm,
                "sla_seconds": 120.0,
                "handed_off_at": handed_at,
                "claimed_at": claimed_at,
                "within_sla": (claimed_at - handed_at <= 120) if claimed_at else None,
                "transfers": 0,
                "status": status,
                "closed_at": closed_at,
                "outcome_code": "solved" if claimed else None,
                "needed": rng.choice(("yes", "yes", "no", "unsure")) if claimed else None,
                "ces_asked": claimed,
                "ces_score": float(score) if score else float("nan"),
                "ces_declined": bool(claimed and score is None),
            }
        )
        if claimed_at is not None:
            for line in range(3):
                lines.append(
                    {"conversation": conversation, "at": claimed_at + 20 + 20 * line,
                     "sentiment": rng.uniform(-0.3, 0.6)}
                )  # fmt: skip
    return Dataset.from_frames(
        turns=pd.DataFrame(turns), handoffs=pd.DataFrame(handoffs), lines=pd.DataFrame(lines)
    )
