"""The rules file format as frozen pydantic models; ``rules/schema.json`` is generated from these.

Conditions are data: a mapping whose keys are ANDed. A key is a signal name with a test
(``sentiment: {lt: -0.5}``), or one of ``all`` / ``any`` / ``not`` / ``condition`` (a named,
reusable condition). There is no expression language and nothing is ever ``eval``-ed.
"""

from __future__ import annotations

import re
import typing
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, field_validator, model_validator

from handoff.models._base import Model
from handoff.models.signals import SIGNAL_KINDS

__all__ = [
    "HUMAN_LANE_KINDS",
    "KPI_NAMES",
    "AntiFlapping",
    "Arm",
    "BoolTest",
    "Condition",
    "Empathy",
    "Experiment",
    "GroupTest",
    "Guidance",
    "Hours",
    "Lane",
    "LaneKind",
    "NumberTest",
    "Rule",
    "RuleSet",
    "SetTest",
    "Settings",
    "Severity",
    "Shadow",
    "TextTest",
    "WhenStorageFails",
]

_ID = r"^[A-Za-z][A-Za-z0-9_\-]*$"


def _not_bool(value: Any) -> Any:
    # pydantic's lax mode turns `true` into 1.0; a threshold of `true` is always a mistake.
    if isinstance(value, bool):
        raise ValueError("expected a number, got a boolean")
    return value


# Every number in a rule set has a documented, finite range, so nothing downstream (SLA
# deadlines as datetime + timedelta, counters, the version hash) can overflow, and NaN or
# infinity can never make a rule silently unable to fire.
THRESHOLD_LIMIT = 1_000_000_000
MAX_SLA_SECONDS = 30 * 24 * 3600  # 30 days
MAX_WAITING = 1_000_000
MAX_TURNS = 1_000  # sentiment_window, transcript_turns, confirm_turns, cooldown_turns
MAX_RULES = 20_000  # per rule set: loads and compiles in a few seconds (benchmarks/)

Number = Annotated[
    float,
    BeforeValidator(_not_bool),
    # strict: a quoted "nan" or "1e999" is text, not a number.
    Field(strict=True, ge=-THRESHOLD_LIMIT, le=THRESHOLD_LIMIT, allow_inf_nan=False),
]
"""A threshold: a finite number between -1,000,000,000 and 1,000,000,000."""


class NumberTest(Model):
    """Tests on a numeric signal; several operators are ANDed."""

    lt: Number | None = None
    lte: Number | None = None
    gt: Number | None = None
    gte: Number | None = None
    eq: Number | None = None
    between: tuple[Number, Number] | None = Field(
        default=None, description="Inclusive [low, high]."
    )
    in_: tuple[Number, ...] | None = Field(default=None, alias="in")

    @model_validator(mode="after")
    def _check(self) -> NumberTest:
        if not self.model_fields_set:
            raise ValueError("empty test: give an operator such as lt, gte or between")
        if self.between is not None and self.between[0] > self.between[1]:
            raise ValueError("between: the low bound must not exceed the high bound")
        return self


class TextTest(Model):
    """Tests on a text signal such as intent or tier."""

    eq: str | None = None
    in_: tuple[str, ...] | None = Field(default=None, alias="in")
    contains: str | None = Field(default=None, description="Substring test.")

    @model_validator(mode="after")
    def _check(self) -> TextTest:
        if not self.model_fields_set:
            raise ValueError("empty test: give an operator such as eq or in")
        return self


class SetTest(Model):
    """Tests on a set signal such as risk_flags or cues."""

    contains: str | tuple[str, ...] | None = Field(
        default=None, description="Every listed item is present."
    )
    contains_any: tuple[str, ...] | None = Field(
        default=None, description="At least one listed item is present."
    )

    @model_validator(mode="after")
    def _check(self) -> SetTest:
        if not self.model_fields_set:
            raise ValueError("empty test: give contains or contains_any")
        return self


class GroupTest(NumberTest):
    """A numeric test on one intent group, e.g. ``{group: fraud, gte: 0.5}``."""

    group: str = Field(description="An intent group named in settings.intent_groups.")

    @model_validator(mode="after")
    def _check_group(self) -> GroupTest:
        if not self.model_fields_set - {"group"}:
            raise ValueError(
                f"no test for group {self.group!r}: give an operator such as gte or lte"
            )
        return self


class BoolTest(Model):
    """Test on a yes/no signal."""

    eq: bool


# Shorthands designers reach for first: `intent: report_fraud`, `intent: [a, b]`,
# `human_request: true`, `risk_flags: fraud_suspected`. Numbers have no shorthand on purpose:
# `frustration: 0.7` is ambiguous (equal? at least?), so the loader asks for an operator.
TextArg = TextTest | str | list[str]
SetArg = SetTest | str | list[str]
BoolArg = BoolTest | bool
# A group signal is tested one group at a time; a list tests several groups (all must hold).
GroupArg = GroupTest | list[GroupTest]


class Condition(Model):
    """A condition; every key given must hold (AND)."""

    all: tuple[Condition, ...] | None = Field(default=None, description="Every item holds.")
    any: tuple[Condition, ...] | None = Field(default=None, description="At least one holds.")
    not_: Condition | None = Field(default=None, alias="not", description="The item fails.")
    condition: str | None = Field(default=None, description="Name of a reusable condition.")

    sentiment: NumberTest | None = None
    sentiment_trend: NumberTest | None = None
    sentiment_delta: NumberTest | None = None
    sentiment_min: NumberTest | None = None
    frustration: NumberTest | None = None
    frustration_trend: NumberTest | None = None
    frustration_max: NumberTest | None = None
    intent: TextArg | None = None
    intent_confidence: NumberTest | None = None
    intent_margin: NumberTest | None = None
    human_request: BoolArg | None = None
    repeated_message: BoolArg | None = None
    repeat_count: NumberTest | None = None
    consecutive_fallbacks: NumberTest | None = None
    total_fallbacks: NumberTest | None = None
    user_turns: NumberTest | None = None
    tier: TextArg | None = None
    risk_flags: SetArg | None = None
    channel: TextArg | None = None
    cues: SetArg | None = None
    cues_seen: SetArg | None = None
    entities: SetArg | None = None
    current_lane: TextArg | None = None
    with_human: BoolArg | None = None
    turns_since_handback: NumberTest | None = None
    intent_group_mass: GroupArg | None = Field(
        default=None,
        description="Summed confidence of a group's intents across the NLU ranking, e.g. "
        "{group: fraud, gte: 0.5}.",
    )
    intent_group_rank: GroupArg | None = Field(
        default=None,
        description="Best 1-based rank of any of a group's intents, e.g. {group: fraud, lte: 3} "
        "(some fraud intent is in the top three).",
    )
    escalation_score: NumberTest | None = Field(
        default=None,
        description="The learned escalation model's estimate, 0..1, that a person should have "
        "taken over by this turn, e.g. {gte: 0.8}.",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Condition:
        if not self.model_fields_set:
            raise ValueError("empty condition: test at least one signal, or use all/any/not")
        return self


def _check_hhmm(value: str) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", value):
        raise ValueError(f"{value!r} is not a 24-hour time like '08:30'")
    return value


HHMM = Annotated[str, AfterValidator(_check_hhmm)]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class Hours(Model):
    """When a lane is staffed. Outside these hours the lane's fallback takes the customer."""

    timezone: str = Field(default="UTC", description="IANA name, e.g. Europe/London.")
    days: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    open: HHMM = "00:00"
    close: HHMM = Field(default="23:59", description="Closing time; may be after midnight.")

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415  (rarely used)

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name") from None
        return value


class Empathy(Model):
    """The empathy checklist an agent follows on arrival: validate, reframe, commit."""

    validate_: str = Field(alias="validate", description="Acknowledge the feeling and the facts.")
    reframe: str = Field(description="Move from the problem to what can be done.")
    commit: str = Field(description="Promise a concrete next step and a time.")


class Guidance(Model):
    """What the agent sees about how to handle this lane's customers."""

    next_steps: tuple[str, ...] = ()
    empathy: Empathy | None = None


LaneKind = Literal["bot", "human", "specialist", "callback", "override"]
# Lanes where a person has the customer (routing state, "stay with a human", Rasa hand-back).
HUMAN_LANE_KINDS: frozenset[str] = frozenset({"human", "specialist", "override", "callback"})


class Lane(Model):
    """A destination: the bot itself, or a human queue with its service promise."""

    kind: LaneKind
    description: str = ""
    queue: str | None = Field(default=None, description="Queue name; defaults to the lane id.")
    priority: int = Field(default=0, ge=0, le=100, description="0..100; higher is more urgent.")
    sla_seconds: int | None = Field(
        default=None,
        ge=1,
        le=MAX_SLA_SECONDS,
        description="Target time to answer: 1 to 2,592,000 seconds (30 days).",
    )
    skills: tuple[str, ...] = ()
    hours: Hours | None = Field(default=None, description="Omit for a lane open at all times.")
    max_waiting: int | None = Field(
        default=None,
        ge=1,
        le=MAX_WAITING,
        description="The lane is full at this many waiting customers (1 to 1,000,000).",
    )
    fallback: str | None = Field(default=None, description="Lane to use when closed or full.")
    message: str = Field(default="", description="What the customer is told on arrival.")
    replies: dict[str, str] = Field(
        default_factory=dict,
        description="Replies the lane's message offers, keyword -> lane: while the customer "
        "waits in this lane, a reply that is the keyword (case, punctuation and a few extra "
        "words aside, e.g. 'yes fraud please') moves them to that human or specialist lane. "
        "Each keyword must appear in the message.",
    )
    guidance: Guidance = Guidance()


Severity = Literal["low", "medium", "high", "critical"]


class Rule(Model):
    """If ``when`` holds, route to ``lane``. Rules are tried in order; the first match wins."""

    id: Annotated[str, Field(pattern=_ID, description="Stable id, used in logs and tests.")]
    description: str = ""
    when: Condition
    lane: str
    reason: str = Field(
        description="Plain-language reason; {signal} placeholders show observed values."
    )
    severity: Severity = Field(
        default="high",
        description="medium: must hold for confirm_turns turns; low/medium: silenced in cool-down.",
    )
    red_line: bool = Field(
        default=False, description="Always human: outranks every other rule and anti-flapping."
    )
    priority: int | None = Field(
        default=None, ge=0, le=100, description="0..100; overrides the lane's."
    )


class AntiFlapping(Model):
    """Keeps a conversation from bouncing between bot and humans."""

    stay_with_human: bool = Field(
        default=True, description="Once a human has the conversation, keep it there."
    )
    confirm_turns: int = Field(
        default=2,
        ge=1,
        le=MAX_TURNS,
        description="Turns a medium-severity rule must hold before it routes (1 to 1,000).",
    )
    cooldown_turns: int = Field(
        default=3,
        ge=0,
        le=MAX_TURNS,
        description="After a hand-back, low/medium rules are silent this long (0 to 1,000).",
    )


STORAGE_FAILED_MESSAGE = (
    "I'm sorry, I can't connect you with a person right now. Please try again in a few minutes."
)


class WhenStorageFails(Model):
    """What the customer gets when a handoff was decided but its payload could not be stored.

    Nobody would receive the conversation, so the customer is not told a person is coming:
    they get ``message`` instead, the conversation stays in ``lane`` (a bot lane), and the
    next turn routes afresh, so the handoff is tried again.
    """

    lane: str | None = Field(
        default=None,
        description="A lane of kind bot; default: default_lane if it is a bot lane, "
        "else the first bot lane.",
    )
    message: str = Field(
        default=STORAGE_FAILED_MESSAGE, min_length=1, description="What the customer is told."
    )


class Settings(Model):
    """Rule-set wide settings."""

    default_lane: str = Field(description="Lane when no rule matches (usually the bot).")
    safe_lane: str = Field(description="Human lane used when routing itself fails.")
    human_request_intents: tuple[str, ...] = ("request_human",)
    fallback_intents: tuple[str, ...] = ("nlu_fallback",)
    fallback_actions: tuple[str, ...] = ("action_default_fallback", "utter_default")
    not_a_failure_intents: tuple[str, ...] = Field(
        default=(),
        description="Intents (small talk, out of scope) whose turns never count as the bot "
        "failing, whatever the bot replied.",
    )
    intent_groups: dict[Annotated[str, Field(pattern=_ID)], tuple[str, ...]] = Field(
        default_factory=dict,
        description="Named groups of intents for intent_group_mass / intent_group_rank, "
        "e.g. {fraud: [card_payment_not_recognised, compromised_card]}.",
    )
    sentiment_window: int = Field(
        default=3, ge=1, le=MAX_TURNS, description="User turns in the trend (1 to 1,000)."
    )
    transcript_turns: int = Field(
        default=10, ge=1, le=MAX_TURNS, description="Turns shown to the agent (1 to 1,000)."
    )
    anti_flapping: AntiFlapping = AntiFlapping()
    # Left out of dumps when unset, so rule sets without it keep their version hash.
    when_storage_fails: WhenStorageFails | None = Field(
        default=None,
        description="Where the customer goes when a handoff's payload cannot be stored.",
    )


# The KPIs an experiment's verdict can be judged on (handoff.outcomes computes them; the
# names live here so the rules language can check them without importing the analysis layer).
KpiName = Literal[
    "handoff_rate",
    "containment",
    "time_to_agent",
    "sla_attainment",
    "handoff_success",
    "ces_mean",
    "ces_top2",
    "ces_response",
    "sentiment_delta",
    "escalation_precision",
    "missed_escalation",
    "abandonment",
    "recontact_7d",
]
KPI_NAMES: tuple[str, ...] = typing.get_args(KpiName)

Share = Annotated[int, Field(strict=True, ge=0, le=100)]


class Arm(Model):
    """One arm of an experiment: its share of customers and the rules it routes with."""

    share: Share = Field(
        description="Percentage of customers (a whole number 0 to 100); the arms' shares "
        "sum to 100. 0 closes the arm to new customers (its conversations stay in it)."
    )
    rules: str | None = Field(
        default=None,
        description="A rules file this arm routes with, relative to the file declaring the "
        "experiment and inside its folder; omit to route with the declaring file's own rules.",
    )
    bot_only: bool = Field(
        default=False,
        description="Only red-line rules and supervisor overrides hand off: the bot keeps "
        "every other conversation (the declaring file's rules, other rules silenced).",
    )
    description: str = ""


class Experiment(Model):
    """An A/B pilot: customers are split between arms by a stable hash of their id."""

    id: Annotated[str, Field(pattern=_ID, description="Stable id, recorded in every decision.")]
    description: str = ""
    control: str | None = Field(
        default=None,
        description="The arm the others are compared with; default: the first arm.",
    )
    metric: KpiName = Field(
        default="handoff_success", description="The KPI the experiment's verdict is judged on."
    )
    salt: str | None = Field(
        default=None,
        description="Mixed into the assignment hash; default: the id. Changing it reshuffles "
        "customers between arms (conversations already running keep their arm).",
    )
    arms: dict[Annotated[str, Field(pattern=_ID)], Arm] = Field(
        description="Arm name -> share and rules; at least two arms."
    )


class Shadow(Model):
    """A candidate rule set that routes every turn beside the live rules, logged only."""

    rules: str = Field(
        description="The candidate rules file, relative to this file and inside its folder."
    )
    description: str = ""


class RuleSet(Model):
    """A whole rule set: settings, lanes, reusable conditions and ordered rules."""

    version: Literal[1] = Field(default=1, description="Rules format version.")
    name: str = "rules"
    description: str = ""
    settings: Settings
    lanes: dict[Annotated[str, Field(pattern=_ID)], Lane]
    conditions: dict[Annotated[str, Field(pattern=_ID)], Condition] = Field(default_factory=dict)
    rules: tuple[Rule, ...] = Field(
        default=(), max_length=MAX_RULES, description="At most 20,000 rules per rule set."
    )
    # Both left out of the version hash while unset, so other rule sets keep their version.
    experiment: Experiment | None = Field(
        default=None,
        description="An A/B pilot between arms (README: Experiments and shadow rules).",
    )
    shadow: Shadow | None = Field(
        default=None,
        description="Candidate rules routed beside the live ones on every turn, never acted on.",
    )


# A guard against drift: a signal added to the catalog must be testable in conditions.
_missing = set(SIGNAL_KINDS) - set(Condition.model_fields)
assert not _missing, f"signals without a Condition field: {_missing}"
