"""A month of bot traffic with known ground truth, to prove the KPIs find what is there.

:func:`simulate` draws conversations of customers with a hidden need (a person is needed or
not), routes them with rules of known precision to lanes with known SLAs and claim-time
distributions, plays each handoff (claimed or abandoned, resolved or handed back, CES asked,
wrap-up "was it needed?"), the customer's lines and their sentiment before and after the
agent joined, and the customer coming back (a re-contact). An experiment splits customers
into ``control``, ``candidate`` (a planted effect on handoff success) and ``placebo`` (no
effect at all); a shadow rule set disagrees with the live one in two known ways.
:class:`Truth` holds the numbers the KPIs should recover, derived from the parameters (not
from the sample). Everything is drawn with numpy, vectorised: a million conversations take
seconds.

The generative model, in order (each step one numpy draw over all conversations):

* need: a person is needed with probability ``need_share``;
* trigger: a needed conversation is caught by rule *i* with probability ``catch_i`` (or by
  none: missed); an unneeded one fires rule *i* with the probability that makes the rule's
  precision exactly ``precision_i``;
* turns: ``1 + Poisson(2.5)`` routed customer turns; the trigger fires on one of them
  (uniformly), after which the bot is paused; a needy customer the rules missed asks for a
  person on one turn with probability 0.3;
* claim: the wait is exponential with the lane's mean, the customer's patience exponential
  (mean ``patience_seconds``; callbacks never abandon): abandoned if patience runs out first;
* a claimed cycle is resolved (70%) or handed back (30%) after an exponential handling time;
  the customer re-contacts within 7 days with probability ``recontact`` (the candidate arm's
  is lowered per lane so that its handoff success is exactly ``effect`` higher);
* sentiment of customer lines: ``N(mu, 0.2)`` before the handoff (``mu`` -0.35 if a person
  is needed, 0.05 if not) and ``N(mu + sentiment_lift, 0.2)`` once the agent has joined;
* a bot-kept conversation whose need was missed comes back within 24 h with probability 0.5
  (0.03 if no person was needed);
* follow-up conversations are ordinary conversations of the same customer and arm, drawn
  the same way, until they fall past the end of the period.

Anonymous customers (``anonymous_share``) have no pseudonym: their re-contacts arrive under
a new conversation id and cannot be seen, exactly as in production, and :class:`Truth`
accounts for it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from handoff.outcomes.dataset import Dataset

__all__ = ["CES_SCORES", "LANES", "RULES", "Lane", "Rule", "Truth", "simulate"]

DAY = 86_400.0
HOUR = 3_600.0


@dataclass(frozen=True)
class Lane:
    """A lane: its kind, SLA (None: no SLA clock) and mean time until an agent claims."""

    id: str
    kind: str
    sla_seconds: float | None
    mean_claim_seconds: float


@dataclass(frozen=True)
class Rule:
    """A handoff rule: its lane, true precision and the share of needy customers it catches."""

    id: str
    lane: str
    precision: float
    catch: float
    #: Its trigger is the customer explicitly asking for a person.
    asks_person: bool = False


LANES: tuple[Lane, ...] = (
    Lane("general", "human", 120.0, 90.0),
    Lane("cards", "human", 180.0, 120.0),
    Lane("fraud", "specialist", 60.0, 30.0),
    Lane("callback", "callback", None, 1_800.0),
)
RULES: tuple[Rule, ...] = (
    Rule("fraud_red_line", "fraud", 0.95, 0.10),
    Rule("asked_for_person", "general", 0.85, 0.35, asks_person=True),
    Rule("card_dispute", "cards", 0.70, 0.20),
    Rule("frustration", "general", 0.55, 0.15),
    Rule("after_hours", "callback", 0.75, 0.05),
)
#: Probability of each CES answer 1..7 (mean 5.12, 70% answer 5-7).
CES_SCORES: tuple[float, ...] = (0.04, 0.05, 0.08, 0.13, 0.20, 0.28, 0.22)

#: The KPIs whose true value is the same in every arm of the simulated experiment.
NO_EFFECT_METRICS = (
    "handoff_rate",
    "containment",
    "time_to_agent",
    "sla_attainment",
    "abandonment",
    "ces_mean",
    "ces_top2",
    "ces_response",
    "sentiment_delta",
    "escalation_precision",
    "missed_escalation",
)
BOT_LANE = "bot"
EXPERIMENT = "success-pilot"
ARMS = ("control", "candidate", "placebo")
SHARES = (50, 25, 25)
SHADOW_VERSION = "v-shadow"
#: The shadow sends card disputes to a new lane and hands off on some bot turns.
SHADOW_DISPUTE_LANE = "disputes"
SHADOW_DISPUTE_RULE = "card_dispute_v2"
SHADOW_EXTRA_RULE = "low_confidence_v2"

_MEAN_EXTRA_TURNS = 2.5
_TURN_GAP = (15.0, 25.0)  # seconds: fixed part + exponential mean
_HANDLING_MEAN = 480.0
_RESOLVED_SHARE = 0.7
_ASK_WHEN_MISSED = 0.3
_CAME_BACK_MISSED = 0.5
_CAME_BACK_OTHER = 0.03
_RECONTACT_AFTER_ABANDON = 0.5
_CES_ANSWERED = 0.45
_CES_DECLINED = 0.10
_NEEDED_UNSURE = 0.10
_NEEDED_SKIPPED = 0.05
_SENTIMENT_SD = 0.2
_SENTIMENT_NEEDY = -0.35
_SENTIMENT_OTHER = 0.05


@dataclass(frozen=True)
class Truth:
    """What the simulated traffic was built to show; the KPIs should recover it.

    Rates are the expected values of the KPIs as docs/KPIS.md defines them (anonymous
    customers' invisible re-contacts included), derived from the parameters.
    """

    start: float
    end: float
    experiment: str
    control: str
    arms: tuple[str, ...]
    shares: tuple[int, ...]
    #: Arm -> true difference in handoff success from the control (0 for the placebo).
    handoff_success_effect: Mapping[str, float]
    #: KPIs whose true value is the same in every arm.
    no_effect_metrics: tuple[str, ...]
    #: Rule id -> true escalation precision.
    rule_precision: Mapping[str, float]
    #: Lane id -> true mean time to agent (claimed cycles), SLA attainment, abandonment.
    time_to_agent: Mapping[str, float]
    sla_attainment: Mapping[str, float]
    abandonment: Mapping[str, float]
    #: Expected handoff rate and missed-escalation proxy (same in every arm).
    handoff_rate: float
    missed_escalation: float
    #: Overall escalation precision (wrap-ups needed=yes among yes/no, all rules).
    escalation_precision: float
    #: Arm -> expected handoff success.
    handoff_success: Mapping[str, float]
    sentiment_delta: float
    ces_mean: float
    ces_top2: float
    ces_response: float
    #: Probability that the shadow hands off a turn the live rules kept with the bot.
    shadow_extra_handoff: float
    #: Turns the shadow rule set was built to disagree on (counted as drawn).
    shadow_disagreements: int
    parameters: Mapping[str, Any] = field(default_factory=dict)


def simulate(
    days: int = 30,
    conversations_per_day: int = 1_000,
    seed: int = 0,
    *,
    start: float = 1_795_000_000.0,
    effect: float = 0.06,
    need_share: float = 0.3,
    anonymous_share: float = 0.1,
    recontact: float = 0.25,
    patience_seconds: float = 600.0,
    sentiment_lift: float = 0.25,
    shadow_extra_handoff: float = 0.02,
    lanes: tuple[Lane, ...] = LANES,
    rules: tuple[Rule, ...] = RULES,
) -> tuple[Dataset, Truth]:
    """``days`` of traffic, ``conversations_per_day`` first contacts a day (follow-ups come
    on top), reproducible from ``seed``. ``effect`` is the candidate arm's true change in
    handoff success (the placebo arm's is 0). Returns the dataset and its :class:`Truth`.
    """
    if days < 1 or conversations_per_day < 1:
        raise ValueError("simulate needs at least one day and one conversation a day")
    rng = np.random.default_rng(seed)
    end = start + days * DAY
    lane_ids = [lane.id for lane in lanes]
    rule_lane = np.array([lane_ids.index(rule.lane) for rule in rules])
    mean_claim = np.array([lane.mean_claim_seconds for lane in lanes])
    sla = np.array([math.nan if lane.sla_seconds is None else lane.sla_seconds for lane in lanes])
    never_abandons = np.array([lane.kind == "callback" for lane in lanes])
    p_claim = np.where(never_abandons, 1.0, patience_seconds / (patience_seconds + mean_claim))
    visible = 1.0 - anonymous_share
    # Candidate: per lane, fewer re-contacts so that success rises by exactly `effect`.
    recontact_by_arm = np.tile(np.full(len(lanes), recontact), (len(ARMS), 1))
    recontact_by_arm[1] = recontact - effect / (p_claim * visible)
    if (recontact_by_arm < 0).any():
        raise ValueError(f"effect {effect} is larger than re-contacts allow; lower it")

    catch = np.array([rule.catch for rule in rules])
    precision = np.array([rule.precision for rule in rules])
    false_fire = need_share * catch * (1 - precision) / ((1 - need_share) * precision)
    if catch.sum() > 1 or false_fire.sum() > 1:
        raise ValueError("the rules catch more than every conversation; lower catch shares")

    first = conversations_per_day * days
    # Every first contact is a different customer: their only later contacts are the
    # follow-ups drawn here, so a re-contact is exactly what the model planted.
    customer = np.where(rng.random(first) < anonymous_share, -1, 0)
    customer[customer == 0] = np.arange(int((customer == 0).sum()))
    n_customers = int((customer >= 0).sum())
    arm_of_customer = _pick(rng, np.asarray(SHARES, dtype=np.float64) / 100, n_customers)
    arm = np.where(customer >= 0, arm_of_customer[np.maximum(customer, 0)], 0)
    anonymous = customer < 0
    arm[anonymous] = _pick(rng, np.asarray(SHARES, dtype=np.float64) / 100, int(anonymous.sum()))
    starts = start + rng.random(first) * (days * DAY)

    out = _Out()
    next_id = 0
    while len(starts):
        ids = np.arange(next_id, next_id + len(starts))
        next_id += len(starts)
        follow = _round(
            rng, out, ids=ids, starts=starts, customer=customer, arm=arm, end=end,
            need_share=need_share, catch=catch, false_fire=false_fire, rules=rules,
            rule_lane=rule_lane, mean_claim=mean_claim, sla=sla,
            never_abandons=never_abandons, patience=patience_seconds,
            recontact_by_arm=recontact_by_arm, sentiment_lift=sentiment_lift,
            shadow_extra=shadow_extra_handoff,
        )  # fmt: skip
        starts, customer, arm = follow

    data = out.dataset(next_id, lanes, rules)
    # Expected rates, from the same parameters the draws used.
    fires = need_share * catch + (1 - need_share) * false_fire
    handoff_rate = float(fires.sum())
    rule_claim = p_claim[rule_lane]
    success = {
        name: float(
            (fires * rule_claim * (1 - recontact_by_arm[i][rule_lane] * visible)).sum()
            / handoff_rate
        )
        for i, name in enumerate(ARMS)
    }
    missed_share = need_share * (1 - catch.sum())
    kept_other = (1 - need_share) * (1 - false_fire.sum())
    flag_missed = 1 - (1 - _ASK_WHEN_MISSED) * (1 - _CAME_BACK_MISSED * visible)
    missed = (missed_share * flag_missed + kept_other * _CAME_BACK_OTHER * visible) / (
        missed_share + kept_other
    )
    time_to_agent, sla_attainment, abandonment = _lane_truth(
        lanes, patience_seconds, never_abandons
    )
    probabilities = np.asarray(CES_SCORES)
    truth = Truth(
        start=start,
        end=end,
        experiment=EXPERIMENT,
        control=ARMS[0],
        arms=ARMS,
        shares=SHARES,
        handoff_success_effect={ARMS[1]: effect, ARMS[2]: 0.0},
        no_effect_metrics=NO_EFFECT_METRICS,
        rule_precision={rule.id: rule.precision for rule in rules},
        time_to_agent=time_to_agent,
        sla_attainment=sla_attainment,
        abandonment=abandonment,
        handoff_rate=handoff_rate,
        missed_escalation=float(missed),
        escalation_precision=float(need_share * catch.sum() / handoff_rate),
        handoff_success=success,
        sentiment_delta=sentiment_lift,
        ces_mean=float((probabilities * np.arange(1, 8)).sum()),
        ces_top2=float(probabilities[4:].sum()),
        ces_response=_CES_ANSWERED,
        shadow_extra_handoff=shadow_extra_handoff,
        shadow_disagreements=out.shadow_disagreements,
        parameters={
            "days": days,
            "conversations_per_day": conversations_per_day,
            "seed": seed,
            "need_share": need_share,
            "anonymous_share": anonymous_share,
            "recontact": recontact,
            "patience_seconds": patience_seconds,
        },
    )
    return data, truth


def _pick(rng: np.random.Generator, probabilities: npt.NDArray[np.float64], n: int) -> Any:
    """n categorical draws (index into probabilities; len(probabilities) = none of them)."""
    return np.searchsorted(np.cumsum(probabilities), rng.random(n), side="right")


class _Out:
    """Columns collected round by round, turned into data frames once at the end."""

    def __init__(self) -> None:
        self.turns: list[dict[str, np.ndarray]] = []
        self.cycles: list[dict[str, np.ndarray]] = []
        self.lines: list[dict[str, np.ndarray]] = []
        self.shadow_disagreements = 0

    def dataset(self, n_ids: int, lane_defs: tuple[Lane, ...], rules: tuple[Rule, ...]) -> Dataset:
        """The collected draws as a Dataset. Text columns are categoricals (codes into a
        small table of names): a million conversations fit in a few hundred megabytes."""
        turns = _concat(self.turns)
        cycles = _concat(self.cycles)
        lines = _concat(self.lines)
        names = pd.Index([f"sim-{i:08d}" for i in range(n_ids)], dtype=object)
        customers = int(np.concatenate([turns["customer"], cycles["customer"]]).max(initial=-1))
        pool = pd.Index([f"sim-customer-{i:08d}" for i in range(customers + 1)], dtype=object)
        lanes = [*(lane.id for lane in lane_defs), BOT_LANE, SHADOW_DISPUTE_LANE]
        kinds = sorted({lane.kind for lane in lane_defs} | {"bot", "human"})
        kind_of_lane = np.array(
            [kinds.index(k) for k in (*(lane.kind for lane in lane_defs), "bot", "human")]
        )
        rule_ids = [*(rule.id for rule in rules), SHADOW_DISPUTE_RULE, SHADOW_EXTRA_RULE]
        versions = [f"v-{a}" for a in ARMS]
        statuses = ["waiting", "claimed", "resolved", "handed_back", "abandoned"]
        # What the agent picked at the wrap-up (only cycles that ended with an agent).
        outcome_of_status = np.array([-1, -1, 0, 1, -1])
        n_turns, n_cycles = len(turns["at"]), len(cycles["conv"])
        turn_frame = pd.DataFrame(
            {
                "conversation": _text(turns["conv"], names),
                "customer": _text(turns["customer"], pool),
                "at": turns["at"],
                "lane": _text(turns["lane"], lanes),
                "lane_kind": _text(kind_of_lane[turns["lane"]], kinds),
                "handoff": turns["handoff"],
                "rule_id": _text(turns["rule"], rule_ids),
                "ruleset_version": _text(turns["arm"], versions),
                "experiment": _text(np.zeros(n_turns, dtype=np.int64), [EXPERIMENT]),
                "arm": _text(turns["arm"], ARMS),
                "asked_person": turns["asked"],
                "shadow_lane": _text(turns["shadow_lane"], lanes),
                "shadow_rule_id": _text(turns["shadow_rule"], rule_ids),
                "shadow_version": _text(np.zeros(n_turns, dtype=np.int64), [SHADOW_VERSION]),
                "shadow_handoff": pd.array(turns["shadow_handoff"], dtype="boolean"),
            }
        )
        within = cycles["within_sla"]
        cycle_frame = pd.DataFrame(
            {
                "conversation": _text(cycles["conv"], names),
                "cycle": np.ones(n_cycles, dtype=np.int64),
                "customer": _text(cycles["customer"], pool),
                "lane": _text(cycles["lane"], lanes),
                "rule_id": _text(cycles["rule"], rule_ids),
                "ruleset_version": _text(cycles["arm"], versions),
                "experiment": _text(np.zeros(n_cycles, dtype=np.int64), [EXPERIMENT]),
                "arm": _text(cycles["arm"], ARMS),
                "sla_seconds": cycles["sla"],
                "handed_off_at": cycles["handed_at"],
                "claimed_at": cycles["claimed_at"],
                "within_sla": pd.arrays.BooleanArray(within == 1, within < 0),
                "transfers": cycles["transfers"],
                "status": _text(cycles["status"], statuses),
                "closed_at": cycles["closed_at"],
                "outcome_code": _text(
                    outcome_of_status[cycles["status"]], ["solved", "handed_back"]
                ),
                "needed": _text(np.where(cycles["needed"] == 3, -1, cycles["needed"]),
                                ["yes", "no", "unsure"]),
                "ces_asked": cycles["ces_asked"],
                "ces_score": cycles["ces_score"],
                "ces_declined": cycles["ces_declined"],
            }
        )  # fmt: skip
        line_frame = pd.DataFrame(
            {
                "conversation": _text(lines["conv"], names),
                "at": lines["at"],
                "sentiment": lines["sentiment"],
            }
        )
        return Dataset(turn_frame, cycle_frame, line_frame)


def _concat(parts: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {key: np.concatenate([part[key] for part in parts]) for key in parts[0]}


def _text(codes: np.ndarray, names: Sequence[str] | pd.Index) -> pd.Categorical:
    """Codes (-1: missing) as a categorical text column over ``names``."""
    return pd.Categorical.from_codes(codes, categories=pd.Index(names, dtype=object))


def _round(
    rng: np.random.Generator,
    out: _Out,
    *,
    ids: np.ndarray,
    starts: np.ndarray,
    customer: np.ndarray,
    arm: np.ndarray,
    end: float,
    need_share: float,
    catch: np.ndarray,
    false_fire: np.ndarray,
    rules: tuple[Rule, ...],
    rule_lane: np.ndarray,
    mean_claim: np.ndarray,
    sla: np.ndarray,
    never_abandons: np.ndarray,
    patience: float,
    recontact_by_arm: np.ndarray,
    sentiment_lift: float,
    shadow_extra: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Play one batch of conversations; return the follow-ups they cause (starts, customer,
    arm), which the next round plays."""
    n = len(ids)
    n_lanes = len(mean_claim)
    bot_lane, dispute_lane = n_lanes, n_lanes + 1
    n_rules = len(rules)
    dispute_rule, extra_rule = n_rules, n_rules + 1
    card_rule = next((i for i, rule in enumerate(rules) if rule.id == "card_dispute"), -2)
    # The shadow's extra handoffs go where "asked for a person" goes.
    general_lane = rule_lane[next((i for i, r in enumerate(rules) if r.asks_person), 0)]

    need = rng.random(n) < need_share
    trigger = np.where(
        need, _pick(rng, catch, n), _pick(rng, false_fire, n)
    )  # == n_rules: none fired
    fired = trigger < n_rules
    trigger = np.where(fired, trigger, -1)
    n_turns = 1 + rng.poisson(_MEAN_EXTRA_TURNS, n)
    handoff_turn = np.where(fired, (rng.random(n) * n_turns).astype(np.int64), -1)
    routed_turns = np.where(fired, handoff_turn + 1, n_turns)
    missed = need & ~fired
    ask_turn = np.where(
        missed & (rng.random(n) < _ASK_WHEN_MISSED), (rng.random(n) * n_turns).astype(np.int64), -1
    )
    asks_rule = np.array([rule.asks_person for rule in rules] + [False])
    mood = np.where(need, _SENTIMENT_NEEDY, _SENTIMENT_OTHER)

    # Routed turns (up to and including the one that hands off).
    conv = np.repeat(np.arange(n), routed_turns)
    offsets = np.cumsum(routed_turns) - routed_turns
    index = np.arange(len(conv)) - np.repeat(offsets, routed_turns)
    gaps = _TURN_GAP[0] + rng.exponential(_TURN_GAP[1], len(conv))
    gaps[index == 0] = 0.0
    at = starts[conv] + _grouped_cumsum(gaps, offsets, routed_turns)
    is_handoff = index == handoff_turn[conv]
    rule_of_turn = np.where(is_handoff, trigger[conv], -1)
    lane_of_turn = np.where(is_handoff, rule_lane[np.maximum(rule_of_turn, 0)], bot_lane)
    asked = (is_handoff & asks_rule[rule_of_turn]) | (index == ask_turn[conv])

    # The shadow rule set: card disputes to their own lane; some bot turns handed off.
    shadow_lane = lane_of_turn.copy()
    shadow_rule = rule_of_turn.copy()
    shadow_handoff = is_handoff.copy()
    disputes = rule_of_turn == card_rule
    shadow_lane[disputes] = dispute_lane
    shadow_rule[disputes] = dispute_rule
    extra = ~is_handoff & (rng.random(len(conv)) < shadow_extra)
    shadow_lane[extra] = general_lane
    shadow_rule[extra] = extra_rule
    shadow_handoff[extra] = True
    in_period = at < end
    out.shadow_disagreements += int(((disputes | extra) & in_period).sum())
    turn_sentiment = np.clip(rng.normal(mood[conv], _SENTIMENT_SD), -1, 1)
    last_at = np.maximum.reduceat(at, offsets) if n else at

    # Handoff cycles (those handed off before the period ends).
    c = np.flatnonzero(fired)
    c = c[at[offsets[c] + handoff_turn[c]] < end]
    lane = rule_lane[trigger[c]]
    handed_at = at[offsets[c] + handoff_turn[c]]
    wait = rng.exponential(mean_claim[lane])
    give_up = np.where(never_abandons[lane], np.inf, rng.exponential(patience, len(c)))
    abandoned = give_up < wait
    claimed_at = np.where(abandoned, np.nan, handed_at + wait)
    handling = rng.exponential(_HANDLING_MEAN, len(c))
    resolved = rng.random(len(c)) < _RESOLVED_SHARE
    closed_at = np.where(abandoned, handed_at + give_up, claimed_at + handling)
    status = np.where(abandoned, 4, np.where(resolved, 2, 3))
    # The period ends: what had not happened yet is not in the data.
    not_claimed_yet = ~abandoned & (claimed_at > end)
    open_at_end = closed_at > end
    status = np.where(open_at_end, np.where(not_claimed_yet | abandoned, 0, 1), status)
    claimed_at = np.where(not_claimed_yet, np.nan, claimed_at)
    closed_at = np.where(open_at_end, np.nan, closed_at)
    within = np.where(
        np.isnan(claimed_at) | np.isnan(sla[lane]), -1, (claimed_at - handed_at <= sla[lane])
    ).astype(np.int64)
    done = (status == 2) | (status == 3)
    ces_draw = rng.random(len(c))
    ces_answered = done & (ces_draw < _CES_ANSWERED)
    ces_declined = done & ~ces_answered & (ces_draw < _CES_ANSWERED + _CES_DECLINED)
    score = np.where(ces_answered, 1.0 + _pick(rng, np.asarray(CES_SCORES), len(c)), np.nan)
    answer_draw = rng.random(len(c))
    needed = np.where(
        ~done, 3,
        np.where(answer_draw < _NEEDED_SKIPPED, 3,
                 np.where(answer_draw < _NEEDED_SKIPPED + _NEEDED_UNSURE, 2,
                          np.where(need[c], 0, 1))),
    )  # fmt: skip
    transfers = (rng.random(len(c)) < 0.05).astype(np.int64)
    out.cycles.append(
        {
            "conv": ids[c],
            "customer": customer[c],
            "lane": lane,
            "rule": trigger[c],
            "arm": arm[c],
            "sla": sla[lane],
            "handed_at": handed_at,
            "claimed_at": claimed_at,
            "within_sla": within,
            "transfers": transfers,
            "status": status,
            "closed_at": closed_at,
            "needed": needed,
            "ces_asked": done,
            "ces_score": score,
            "ces_declined": ces_declined,
        }
    )

    # Customer lines: every routed turn; maybe one while waiting; with the agent; and a
    # bot turn (routed, with its line) after a hand-back.
    waiting_line = rng.random(len(c)) < 0.5
    wait_end = np.where(
        np.isnan(claimed_at), np.where(np.isnan(closed_at), end, closed_at), claimed_at
    )
    wait_at = handed_at + rng.random(len(c)) * (wait_end - handed_at)
    agent_lines = np.where(np.isnan(claimed_at), 0, 1 + rng.poisson(2.0, len(c)))
    a_cycle = np.repeat(np.arange(len(c)), agent_lines)
    a_at = claimed_at[a_cycle] + rng.random(len(a_cycle)) * handling[a_cycle]
    a_sentiment = np.clip(rng.normal(mood[c][a_cycle] + sentiment_lift, _SENTIMENT_SD), -1, 1)
    back = (status == 3) & ~np.isnan(closed_at)
    b = np.flatnonzero(back)
    b_at = closed_at[b] + 20.0
    b_sentiment = np.clip(rng.normal(mood[c][b] + sentiment_lift, _SENTIMENT_SD), -1, 1)
    w = np.flatnonzero(waiting_line)
    line_conv = np.concatenate([ids[conv], ids[c][w], ids[c][a_cycle], ids[c][b]])
    line_at = np.concatenate([at, wait_at[w], a_at, b_at])
    line_sentiment = np.concatenate(
        [
            turn_sentiment,
            np.clip(rng.normal(mood[c][w], _SENTIMENT_SD), -1, 1),
            a_sentiment,
            b_sentiment,
        ]
    )
    keep = line_at < end
    out.lines.append(
        {"conv": line_conv[keep], "at": line_at[keep], "sentiment": line_sentiment[keep]}
    )

    turn_conv = np.concatenate([conv, c[b]])
    turn_at = np.concatenate([at, b_at])
    n_back = len(b)
    keep = turn_at < end
    out.turns.append(
        {
            "conv": ids[turn_conv][keep],
            "customer": customer[turn_conv][keep],
            "arm": arm[turn_conv][keep],
            "at": turn_at[keep],
            "lane": np.concatenate([lane_of_turn, np.full(n_back, bot_lane)])[keep],
            "handoff": np.concatenate([is_handoff, np.zeros(n_back, dtype=bool)])[keep],
            "rule": np.concatenate([rule_of_turn, np.full(n_back, -1)])[keep],
            "asked": np.concatenate([asked, np.zeros(n_back, dtype=bool)])[keep],
            "shadow_lane": np.concatenate([shadow_lane, np.full(n_back, bot_lane)])[keep],
            "shadow_rule": np.concatenate([shadow_rule, np.full(n_back, -1)])[keep],
            "shadow_handoff": np.concatenate([shadow_handoff, np.zeros(n_back, dtype=bool)])[keep],
        }
    )

    # Follow-ups: re-contacts after a cycle closed, and come-backs after the bot kept a
    # conversation whose need it missed. Anonymous customers come back as new anonymous
    # conversations (their follow-up cannot be linked, as in production).
    q = np.where(status == 4, _RECONTACT_AFTER_ABANDON, recontact_by_arm[arm[c], lane])
    again = ~np.isnan(closed_at) & (rng.random(len(c)) < q)
    again_at = closed_at + 2 * HOUR + rng.random(len(c)) * (7 * DAY - 2 * HOUR)
    kept = np.flatnonzero(~fired)
    back_p = np.where(missed[kept], _CAME_BACK_MISSED, _CAME_BACK_OTHER)
    returns = rng.random(len(kept)) < back_p
    return_at = last_at[kept] + 2 * HOUR + rng.random(len(kept)) * (DAY - 2 * HOUR)
    f_at = np.concatenate([again_at[again], return_at[returns]])
    f_who = np.concatenate([c[again], kept[returns]])
    inside = f_at < end
    return f_at[inside], customer[f_who][inside], arm[f_who][inside]


def _grouped_cumsum(values: np.ndarray, offsets: np.ndarray, counts: np.ndarray) -> Any:
    """Cumulative sum restarting at each group (groups are contiguous)."""
    total = np.cumsum(values)
    before = np.where(offsets > 0, total[np.maximum(offsets - 1, 0)], 0.0)
    return total - np.repeat(before, counts)


def _lane_truth(
    lanes: tuple[Lane, ...], patience: float, never_abandons: np.ndarray
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Per lane: mean time to agent, SLA attainment and abandonment implied by exponential
    claim times (rate a) racing exponential patience (rate b)."""
    time_to_agent: dict[str, float] = {}
    sla_attainment: dict[str, float] = {}
    abandonment: dict[str, float] = {}
    for i, lane in enumerate(lanes):
        a = 1 / lane.mean_claim_seconds
        b = 0.0 if never_abandons[i] else 1 / patience
        # Claimed cycles waited min(claim, patience) given claim < patience: Exp(a + b).
        time_to_agent[lane.id] = 1 / (a + b)
        abandonment[lane.id] = b / (a + b)
        if lane.sla_seconds is not None:
            s = lane.sla_seconds
            met = a / (a + b) * (1 - math.exp(-(a + b) * s))
            waited_past = b / (a + b) * math.exp(-(a + b) * s)
            sla_attainment[lane.id] = met / (a / (a + b) + waited_past)
    return time_to_agent, sla_attainment, abandonment
