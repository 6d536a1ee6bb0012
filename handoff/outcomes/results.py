"""What the KPI, experiment and shadow analyses return: frozen dataclasses, no behaviour.

Every figure is an :class:`Estimate`: a value with its confidence interval and the number
of units it was computed from, so a report can always say "62% (58 to 66), n = 540".
The KPIs and their definitions are listed in :data:`KPIS` (docs/KPIS.md has the formulas).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KPIS",
    "ArmResult",
    "Effect",
    "Estimate",
    "ExperimentResult",
    "ExperimentSpec",
    "KpiInfo",
    "KpiReport",
    "ShadowResult",
]

EstimateKind = Literal["rate", "mean", "median", "count", "difference"]


@dataclass(frozen=True)
class Estimate:
    """A figure with its confidence interval.

    ``kind`` says how to read it: ``rate`` (a share in 0..1, Wilson interval), ``mean``
    (Student t interval), ``median`` (distribution-free order-statistic interval), ``count``
    (no interval), ``difference`` (arm minus control: Newcombe's interval for rates, Welch's
    for means). ``value``/``low``/``high`` are ``None`` when there is nothing to estimate
    from (``n == 0``) or, for an interval, when one unit cannot give one. ``n`` counts the
    units in the denominator (conversations, handoff cycles, answers, pairs: KPIS says which).
    """

    value: float | None
    low: float | None
    high: float | None
    n: int
    kind: EstimateKind

    @classmethod
    def missing(cls, kind: EstimateKind, n: int = 0) -> Estimate:
        """No value: nothing to compute it from."""
        return cls(None, None, None, n, kind)


@dataclass(frozen=True)
class KpiInfo:
    """What a KPI is: its label, kind, unit, what it counts and how to read it."""

    name: str
    label: str
    kind: Literal["rate", "mean"]
    unit: Literal["share", "seconds", "points", "score"]
    #: ``conversation`` or ``handoff``: the unit of the denominator (and of power analysis).
    per: Literal["conversation", "handoff", "answer", "pair", "turn"]
    higher_is_better: bool
    #: The smallest change worth detecting: the power analysis behind "not enough data yet".
    min_effect: float
    definition: str


def _kpi(  # noqa: PLR0917  (KPIS below reads as a table, one row per KPI)
    name: str,
    label: str,
    kind: Literal["rate", "mean"],
    unit: Literal["share", "seconds", "points", "score"],
    per: Literal["conversation", "handoff", "answer", "pair", "turn"],
    higher: bool,
    min_effect: float,
    definition: str,
) -> tuple[str, KpiInfo]:
    return name, KpiInfo(name, label, kind, unit, per, higher, min_effect, definition)


#: The KPIs of :attr:`KpiReport.overall`, in the order a report shows them.
KPIS: Mapping[str, KpiInfo] = dict(
    [
        _kpi("handoff_rate", "Handoff rate", "rate", "share", "conversation", False, 0.05,
             "conversations with at least one turn handed to a person / conversations with "
             "at least one routed customer turn"),
        _kpi("containment", "Containment", "rate", "share", "conversation", True, 0.05,
             "conversations never handed to a person / conversations with at least one "
             "routed customer turn"),
        _kpi("time_to_agent", "Time to agent", "mean", "seconds", "handoff", False, 30.0,
             "claimed_at - handed_off_at over claimed handoff cycles"),
        _kpi("sla_attainment", "SLA attainment", "rate", "share", "handoff", True, 0.05,
             "cycles claimed within their lane's SLA / cycles with an SLA that were claimed "
             "or waited past the deadline"),
        _kpi("handoff_success", "Handoff success", "rate", "share", "handoff", True, 0.05,
             "claimed cycles that ended resolved or handed back with no re-contact within "
             "7 days / cycles whose 7 days after closing are observed"),
        _kpi("ces_mean", "CES (mean, 1-7)", "mean", "score", "answer", True, 0.3,
             "mean CES score over answered questions"),
        _kpi("ces_top2", "CES 5-7", "rate", "share", "answer", True, 0.05,
             "answers of 5, 6 or 7 / answers"),
        _kpi("ces_response", "CES response rate", "rate", "share", "handoff", True, 0.05,
             "answered / asked CES questions (declined counts as asked, not answered)"),
        _kpi("sentiment_delta", "Sentiment delta", "mean", "points", "pair", True, 0.05,
             "per claimed cycle: mean sentiment of the customer's first k lines after the "
             "agent joined - mean of the last k before the handoff"),
        _kpi("escalation_precision", "Escalation precision", "rate", "share", "handoff", True,
             0.05, "wrap-ups answering needed=yes / wrap-ups answering yes or no"),
        _kpi("missed_escalation", "Missed escalation (proxy)", "rate", "share",
             "conversation", False, 0.05,
             "bot-kept conversations where the customer asked for a person or came back "
             "within 24 h / bot-kept conversations whose 24 h are observed"),
        _kpi("abandonment", "Abandonment while waiting", "rate", "share", "handoff", False,
             0.05, "cycles abandoned before an agent claimed them / cycles whose wait ended"),
        _kpi("recontact_7d", "Re-contact within 7 days", "rate", "share", "handoff", False,
             0.05, "resolved or handed-back cycles of known customers followed by a new "
             "contact within 7 days / such cycles whose 7 days are observed"),
    ]
)  # fmt: skip


@dataclass(frozen=True)
class ExperimentSpec:
    """An experiment as its rules file declares it (``experiment:`` block).

    ``arms`` lists the arm names in the file's order; when empty, the arms found in the
    data are used. ``metric`` is a key of :data:`KPIS`. ``shares`` (percent per arm, in the
    order of ``arms``) enables the sample-ratio check: customers per arm against the split.
    """

    id: str
    control: str
    metric: str = "handoff_success"
    arms: tuple[str, ...] = ()
    shares: tuple[int, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class ArmResult:
    """One arm of an experiment: its size and every KPI computed over its records only."""

    arm: str
    conversations: int
    handoffs: int
    kpis: Mapping[str, Estimate]


@dataclass(frozen=True)
class Effect:
    """One arm against the control on the experiment's primary metric.

    ``difference`` is arm minus control (percentage points as a 0..1 difference for rates,
    the metric's unit for means), its interval at ``confidence`` (already corrected for the
    number of arms compared). ``detected`` when the interval excludes 0. ``needed_per_arm``
    is the sample size per arm that detects the metric's ``min_effect`` with 80% power, in
    the metric's units (``per``), and ``needed_conversations`` the same in conversations
    (for handoff-level metrics, divided by the control's handoff rate). ``verdict`` says it
    in one plain sentence.
    """

    arm: str
    control: str
    metric: str
    difference: Estimate
    confidence: float
    detected: bool
    enough_data: bool
    needed_per_arm: int | None
    needed_conversations: int | None
    verdict: str


@dataclass(frozen=True)
class ExperimentResult:
    """An experiment's arms side by side and each arm's effect against the control.

    ``correction`` says how several arms are handled (Bonferroni over the arms compared
    with the control); ``notes`` list what a reader must know to trust the verdicts (for
    example when a per-handoff metric compares arms that hand off different customers).
    """

    id: str
    control: str
    metric: str
    arms: Mapping[str, ArmResult]
    effects: Mapping[str, Effect]
    correction: str
    notes: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        """Each arm's verdict, one sentence per arm."""
        return " ".join(e.verdict for e in self.effects.values())


@dataclass(frozen=True)
class ShadowResult:
    """How the shadow rule set's decisions compare with the live ones, turn by turn.

    ``lane_agreement`` is the share of shadowed turns routed to the same lane,
    ``handoff_agreement`` the share with the same hand-off-or-not. ``differences`` has one
    row per (live_lane, shadow_lane, live_rule, shadow_rule) where they differ, with
    ``turns`` and ``conversations`` counts, largest first. ``versions`` lists the shadow
    rule set versions seen.
    """

    turns: int
    conversations: int
    versions: tuple[str, ...]
    lane_agreement: Estimate
    handoff_agreement: Estimate
    #: turns where the shadow would have handed off and the live rules did not, and the reverse
    shadow_only_handoffs: int
    live_only_handoffs: int
    differences: pd.DataFrame


@dataclass(frozen=True)
class KpiReport:
    """Every KPI of a period, overall and broken down.

    * ``overall``: KPI name (see :data:`KPIS`) -> :class:`Estimate`, plus
      ``time_to_agent_median`` (kind ``median``).
    * ``by_lane``: lane -> KPI name -> Estimate for the handoff-level KPIs (time_to_agent,
      time_to_agent_median, sla_attainment, abandonment, handoff_success, ces_mean, ...).
    * ``by_rule``: rule id -> escalation precision; ``rules`` the same as a table with the
      counts of yes/no/unsure/unanswered wrap-ups.
    * ``daily``: one row per (UTC day, kpi) with value, low, high, n.
    * ``sentiment``: one row per paired cycle: lane, before, after, delta.
    * ``experiments``: experiment id -> :class:`ExperimentResult`.
    * ``shadow``: :class:`ShadowResult`, or ``None`` when no turn was shadowed.
    * ``start``/``end``: the first and last timestamp of the data; ``now`` the moment
      windows (7-day re-contact, SLA deadlines) were judged against.
    """

    overall: Mapping[str, Estimate]
    by_lane: Mapping[str, Mapping[str, Estimate]]
    by_rule: Mapping[str, Estimate]
    rules: pd.DataFrame
    daily: pd.DataFrame
    sentiment: pd.DataFrame
    experiments: Mapping[str, ExperimentResult]
    shadow: ShadowResult | None
    confidence: float
    k: int
    now: float | None
    start: float | None
    end: float | None
    counts: Mapping[str, int] = field(default_factory=dict)
