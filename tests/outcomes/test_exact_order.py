"""Events a fraction of a millisecond apart keep their order however conversations are
numbered: a million conversations a month used to round a float key (code * span + time),
so the one-process report and the one computed shard by shard on Dask differed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from handoff.outcomes._tables import _next_contact, _sentiment_pairs

MONTH = 30 * 86_400.0
T0 = 1_790_000_000.0  # a Unix time in 2026


def _pairs(code: int) -> tuple[float, float]:
    """The sentiment before/after of one cycle whose customer wrote 0.1 ms before the
    handoff (-0.8) and 0.1 ms after it (+0.9, still before the claim), then after the claim."""
    handed = T0 + MONTH - 10.0
    lines = pd.DataFrame(
        {
            "at": [T0, handed - 1e-4, handed + 1e-4, handed + 20.0],
            "sentiment": [0.0, -0.8, 0.9, 0.5],
        }
    )
    before, after = _sentiment_pairs(
        lines,
        l_code=np.array([0, code, code, code]),
        h_code=np.array([code]),
        handed_at=np.array([handed]),
        claimed_at=np.array([handed + 10.0]),
        closed_at=np.array([np.nan]),
        k=1,
    )
    return float(before[0]), float(after[0])


def test_a_line_just_before_the_handoff_counts_before_it_at_any_code() -> None:
    assert _pairs(3) == (-0.8, 0.5)
    assert _pairs(3_000_000) == (-0.8, 0.5)


def test_the_next_contact_is_strictly_after_at_any_unit() -> None:
    at = T0 + MONTH - 5.0
    for unit in (1, 4_000_000):
        units = np.array([0, unit, unit])
        times = np.array([T0, at, at + 2e-4])
        found = _next_contact(units, times, np.array([unit]), np.array([at + 1e-4]))
        assert found[0] == at + 2e-4
