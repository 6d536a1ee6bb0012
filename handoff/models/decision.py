"""A routing decision that explains itself: lane, rules fired on which values, the trace."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from handoff.models._base import Model
from handoff.models.conversation import RoutingState
from handoff.models.signals import Signals

__all__ = ["AntiFlapOutcome", "Check", "Decision", "FiredRule", "ShadowDecision", "TraceStep"]


class Check(Model):
    """One leaf test: the signal, the operator, the threshold and what was observed."""

    signal: str
    op: str
    threshold: Any
    observed: Any
    passed: bool

    def describe(self) -> str:
        """``frustration 0.82 >= 0.7`` in plain words; a check under a rule's ``not:`` (op
        ``not gte``, ``not contains_any``…) reads ``not >=``, ``not contains any of``."""
        negated = self.op.startswith("not ")
        op = self.op[4:] if negated else self.op
        sym = {
            "lt": "<",
            "lte": "<=",
            "gt": ">",
            "gte": ">=",
            "eq": "=",
            "in": "in",
            "contains": "contains",
            "contains_any": "contains any of",
            "between": "between",
        }.get(op, op)
        if negated:
            sym = f"not {sym}"
        observed = _short(self.observed)
        verdict = "" if self.passed else " (not met)"
        return f"{self.signal} {observed} {sym} {_short(self.threshold)}{verdict}"


def _short(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.2f}"
    if isinstance(value, frozenset | set | tuple | list):
        return "[" + ", ".join(sorted(str(v) for v in value)) + "]"
    return str(value)


class FiredRule(Model):
    """A rule that matched, with the leaf checks that made it match."""

    rule_id: str
    lane: str
    severity: str
    red_line: bool
    reason: str
    checks: tuple[Check, ...]


StepKind = Literal[
    "override",
    "red_line",
    "reply",
    "sticky",
    "rule",
    "confirm",
    "cooldown",
    "hours",
    "full",
    "default",
    "fault",
    "experiment",
    "signals",
]


class TraceStep(Model):
    """One step of the path through the decision graph."""

    kind: StepKind
    rule_id: str | None = None
    matched: bool | None = None
    lane: str | None = None
    note: str = ""


class AntiFlapOutcome(Model):
    """What anti-flapping did on this turn, if anything."""

    action: Literal["none", "stayed_with_human", "awaiting_confirmation", "cooldown_suppressed"]
    detail: str = ""


class ShadowDecision(Model):
    """What the shadow (candidate) rules decided for the same turn: logged, never acted on."""

    lane: str
    lane_kind: str
    handoff: bool
    rule_id: str | None
    ruleset_version: str = Field(description="Content hash of the candidate rules.")


class Decision(Model):
    """The result of routing one turn."""

    lane: str
    lane_kind: str
    queue: str
    priority: int
    sla_seconds: int | None
    handoff: bool = Field(description="True when the lane is not the bot.")
    rule_id: str | None = Field(description="The rule that decided, or None for the default.")
    fired: tuple[FiredRule, ...] = Field(description="Matching rules, the deciding one first.")
    reason: str = Field(description="Plain-language reason, PII redacted.")
    trace: tuple[TraceStep, ...]
    anti_flapping: AntiFlapOutcome
    ruleset: str = Field(description="Rule set name.")
    ruleset_version: str = Field(
        description="Content hash of the rules that routed (in an experiment, the arm's)."
    )
    state: RoutingState = Field(description="State to store and pass back on the next turn.")
    error: str | None = Field(default=None, description="Set when a fault sent this to safety.")
    signals: Signals | None = None
    experiment: str | None = Field(
        default=None, description="The experiment this conversation is in, if any."
    )
    arm: str | None = Field(default=None, description="Its arm in that experiment.")
    shadow: ShadowDecision | None = Field(
        default=None,
        description="What the shadow rules would have decided (None without shadow rules, "
        "or when they failed on this turn).",
    )
