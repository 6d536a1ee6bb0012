"""Which arm of an experiment a customer is in: a stable hash, the same in every process.

The unit is the customer's account id when it is known, else the conversation id. Its
bucket is ``int.from_bytes(sha256(f"{salt}:{unit}")[:8], "big") % 10_000``, compared with the arms'
cumulative shares in basis points (shares 50/50: buckets 0..4,999 go to the first arm).
Python's ``hash()`` is never used: it changes between processes.
"""

from __future__ import annotations

import hashlib

from handoff.models.rules import Experiment

__all__ = ["BUCKETS", "assign_arm", "assignment_unit", "bucket", "control_arm"]

BUCKETS = 10_000  # basis points: a share of 1% is 100 buckets


def bucket(salt: str, unit: str) -> int:
    """The unit's bucket, 0..9,999, for ``salt``."""
    digest = hashlib.sha256(f"{salt}:{unit}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % BUCKETS


def assign_arm(experiment: Experiment, unit: str) -> str:
    """The arm ``unit`` (customer or conversation id) is assigned to."""
    at = bucket(experiment.salt if experiment.salt is not None else experiment.id, unit)
    cumulative = 0
    last = ""
    for name, arm in experiment.arms.items():
        cumulative += arm.share * (BUCKETS // 100)
        if arm.share:
            last = name
        if at < cumulative:
            return name
    return last  # unreachable when the shares sum to 100 (the loader checks they do)


def assignment_unit(customer_id: str | None, conversation_id: str) -> str:
    """What is assigned: the customer when known (the same customer, the same arm, in every
    conversation), else the conversation."""
    return customer_id if customer_id else conversation_id


def control_arm(experiment: Experiment) -> str:
    """The arm others are compared with: ``control``, else the first arm."""
    return experiment.control if experiment.control is not None else next(iter(experiment.arms))
