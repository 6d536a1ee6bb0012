"""The public engine: load rules once, then route each turn and build the agent's payload.

Order of precedence on every turn::

    supervisor override  >  red-line rules  >  the customer's reply to the offer of the lane
        they wait in (``replies:``)  >  stay with a human (anti-flapping)
        >  ordered rules (first match; medium severity needs confirming, low/medium are
           silent during the cool-down after a hand-back)  >  default lane

then the chosen lane's opening hours and capacity may pass the customer along its
fallback chain. Any fault on the way routes to the configured safe (human) lane with the
error recorded: the customer is never dropped and the bot never sees an exception.

A rule set with an ``experiment`` routes each conversation with its arm's rules (the arm is
drawn once by a stable hash of the customer, then kept in the routing state); a bot-only arm
lets only red lines and supervisor overrides hand off. A ``shadow`` rule set routes every
turn beside the live rules with its own routing state; its decision is recorded in
``Decision.shadow`` and never acted on, and a fault in it never touches the live decision.
"""

from __future__ import annotations

import functools
import gc
import logging
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from handoff.errors import describe_error
from handoff.graph.compile import CompiledRules, LaneInfo, compile_rules, reply_words
from handoff.graph.conditions import explain
from handoff.graph.plan import CompiledRule, to_vector
from handoff.history import HistorySource, InMemoryHistory
from handoff.models._base import built, replaced
from handoff.models.conversation import Conversation, RoutingState, SignalCarry
from handoff.models.decision import (
    AntiFlapOutcome,
    Decision,
    FiredRule,
    ShadowDecision,
    StepKind,
    TraceStep,
)
from handoff.models.payload import ContextPayload, PreviousInteraction
from handoff.models.rules import Experiment, RuleSet, Settings
from handoff.models.signals import Signals
from handoff.payload import DEFAULT_PSEUDONYM_KEY, build_payload, pseudonymise
from handoff.payload import pseudonym_key as _pseudonym_key
from handoff.rules.experiments import assign_arm, assignment_unit
from handoff.rules.loader import LoadedRules, load_rules, parse_rules_text, ruleset_version
from handoff.rules.loader import SourceMap as _SourceMap
from handoff.signals import analyze_text, extract, situations, spread
from handoff.signals.extract import (
    MAX_TURNS,
    Limits,
    bound,
    carried_within,
    carry_key,
    extract_carried,
    restate,
    signal_settings,
)
from handoff.signals.pii import redact
from handoff.signals.text import MAX_MESSAGE_CHARS

__all__ = ["Router"]

log = logging.getLogger("handoff")


@functools.cache
def _warn_default_key() -> None:
    """Once per process, when the first payload is built with the public default key (tools
    that only load, draw or explain rules never pseudonymise anything, so they stay quiet)."""
    log.warning(
        "HANDOFF_PSEUDONYM_KEY is not set: payload ids are pseudonymised with the public "
        "default key; set a secret key (Router(pseudonym_key=...)) in production"
    )


_SEVERITY_SILENCED_IN_COOLDOWN = frozenset({"low", "medium"})
# A lane reply is short: the keyword and a few words around it ("yes fraud please").
_REPLY_EXTRA_WORDS = 3
_REPLY_MAX_CHARS = 200
_REPLY_NEGATIONS = frozenset({"no", "not", "don", "dont", "never", "nope"})
_NO_OUTCOME = AntiFlapOutcome(action="none")
_NO_RULE_REASON = "No escalation rule matched; the bot continues."
_BOT_ONLY_REASON = "In this pilot's bot-only arm only red lines hand off; the bot continues."
_FIXED_REASONS = frozenset({"", _NO_RULE_REASON, _BOT_ONLY_REASON})


@functools.lru_cache(maxsize=4096)
def _step(
    kind: StepKind,
    rule_id: str | None = None,
    matched: bool | None = None,
    lane: str | None = None,
    note: str = "",
) -> TraceStep:
    """Trace steps that recur on every turn (rule tested, matched or not; default lane), built
    once: the steps are immutable and a turn may test dozens of rules."""
    return built(
        TraceStep,
        {"kind": kind, "rule_id": rule_id, "matched": matched, "lane": lane, "note": note},
    )


@dataclass(frozen=True, eq=False)
class _Rules:
    """One rule set as routing uses it: the live rules, an experiment's arm, or the shadow."""

    compiled: CompiledRules
    version: str  # what decisions record
    replies: Mapping[str, tuple[tuple[tuple[str, ...], str, str], ...]]
    signal_key: tuple[object, ...]
    bot_only: bool = False
    bot_lane: str | None = None  # where a bot-only arm keeps the customers (a bot lane)

    @property
    def settings(self) -> Settings:
        return self.compiled.ruleset.settings

    @classmethod
    def of(cls, compiled: CompiledRules, *, bot_only: bool = False) -> _Rules:
        ruleset = compiled.ruleset
        # Lane replies (``replies:``): lane -> ((keyword words, keyword, lane), ...)
        replies = {
            lane_id: tuple(
                (reply_words(keyword), keyword, target) for keyword, target in lane.replies.items()
            )
            for lane_id, lane in ruleset.lanes.items()
            if lane.replies
        }
        version, bot_lane = compiled.rules_version, None
        if bot_only:
            # The rules a bot-only arm routes with: the red lines alone.
            red_lines = tuple(rule for rule in ruleset.rules if rule.red_line)
            version = ruleset_version(
                ruleset.model_copy(update={"rules": red_lines, "experiment": None, "shadow": None})
            )
            default = ruleset.settings.default_lane
            bot_lane = next(
                (lane_id for lane_id in (default, *ruleset.lanes) if
                 ruleset.lanes[lane_id].kind == "bot"),
                default,
            )  # fmt: skip
        return cls(
            compiled, version, replies, signal_settings(ruleset.settings), bot_only, bot_lane
        )


class Router:
    """Routes conversations with one compiled rule set. Immutable and safe to share between
    threads.

    Work per turn is bounded whatever the input: at most ``max_message_chars`` characters of
    each message (default 2,000; a longer one keeps its head and tail, see
    ``handoff.signals.text.cap_text``) and the latest ``max_turns`` turns (default 200) are
    analysed and shown; Signals and the payload record what was cut.

    ``pseudonym_key`` (bytes or str) keys the pseudonyms that replace PII in the payload's
    conversation and customer ids (``whatsapp:+447700900123`` -> ``whatsapp:phone-<hash>``);
    without it, ``$HANDOFF_PSEUDONYM_KEY``, else a public default that production must not
    rely on (see handoff.payload). Every server feeding one desktop must use the same key.
    """

    def __init__(
        self,
        compiled: CompiledRules,
        *,
        history: HistorySource | None = None,
        pseudonym_key: bytes | str | None = None,
        max_message_chars: int = MAX_MESSAGE_CHARS,
        max_turns: int = MAX_TURNS,
    ) -> None:
        self._limits = Limits(max_message_chars=max_message_chars, max_turns=max_turns)
        self._compiled = compiled
        self._settings = compiled.ruleset.settings
        self._history: HistorySource = history if history is not None else InMemoryHistory()
        self._pseudonym_key = _pseudonym_key(pseudonym_key)
        self._live = _Rules.of(compiled)
        self._experiment: Experiment | None = compiled.ruleset.experiment
        self._arms: dict[str, _Rules] = {}
        if self._experiment is not None:
            for name, arm in self._experiment.arms.items():
                if arm.bot_only:
                    self._arms[name] = _Rules.of(compiled, bot_only=True)
                elif arm.rules is not None:
                    self._arms[name] = _Rules.of(compiled.arms[name])
                else:
                    self._arms[name] = self._live
        self._shadow = _Rules.of(compiled.shadow) if compiled.shadow is not None else None
        # What the analysis carried in routing states is keyed by (extract.carry_key), per
        # signal settings: computed once, not on every turn.
        self._carry_keys: dict[tuple[object, ...], str] = {}

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_path(
        cls,
        path: str | Path,
        *,
        history: HistorySource | None = None,
        pseudonym_key: bytes | str | None = None,
        max_message_chars: int = MAX_MESSAGE_CHARS,
        max_turns: int = MAX_TURNS,
    ) -> Router:
        """Load and compile a rules file or a folder of them; raises RulesError if unusable."""
        return cls(
            compile_rules(load_rules(path)),
            history=history,
            pseudonym_key=pseudonym_key,
            max_message_chars=max_message_chars,
            max_turns=max_turns,
        )

    @classmethod
    def from_yaml(
        cls,
        text: str,
        *,
        filename: str = "<rules>",
        history: HistorySource | None = None,
        pseudonym_key: bytes | str | None = None,
    ) -> Router:
        """Load rules from a YAML string."""
        compiled = compile_rules(parse_rules_text(text, filename))
        return cls(compiled, history=history, pseudonym_key=pseudonym_key)

    @classmethod
    def from_ruleset(
        cls,
        ruleset: RuleSet,
        *,
        history: HistorySource | None = None,
        pseudonym_key: bytes | str | None = None,
    ) -> Router:
        """Compile a RuleSet built in Python."""
        loaded = LoadedRules(ruleset, _SourceMap(), ("<python>",), ruleset_version(ruleset))
        return cls(compile_rules(loaded), history=history, pseudonym_key=pseudonym_key)

    def reload(self, path: str | Path) -> Router:
        """A new router for the rules at ``path``; raises RulesError and leaves this one as is."""
        return Router.from_path(
            path,
            history=self._history,
            pseudonym_key=self._pseudonym_key,
            max_message_chars=self.max_message_chars,
            max_turns=self.max_turns,
        )

    # ------------------------------------------------------------------ properties

    @property
    def ruleset(self) -> RuleSet:
        """The validated rule set."""
        return self._compiled.ruleset

    @property
    def version(self) -> str:
        """Content hash of the rule set (its experiment and shadow blocks included); decisions
        and payloads record the version of the rules that routed, which is this one for a
        rule set without experiment or shadow."""
        return self._compiled.version

    @property
    def experiment(self) -> Experiment | None:
        """The experiment the rule set declares, if any."""
        return self._experiment

    def arm_versions(self) -> dict[str, str]:
        """Each arm's rules version (what its decisions record), arm name -> version."""
        return {name: rules.version for name, rules in self._arms.items()}

    @property
    def shadow_version(self) -> str | None:
        """The version of the shadow rules, if the rule set has a shadow."""
        return self._shadow.version if self._shadow is not None else None

    @property
    def max_message_chars(self) -> int:
        """Characters of one message analysed and shown at most."""
        return self._limits.max_message_chars

    @property
    def max_turns(self) -> int:
        """Latest turns analysed and shown at most."""
        return self._limits.max_turns

    @property
    def compiled(self) -> CompiledRules:
        """The decision graph and plan, for tools (validation, export, replay)."""
        return self._compiled

    def pseudonym(self, identifier: str) -> str:
        """``identifier`` (a customer or conversation id) as the payload shows it: each PII
        part replaced by its keyed pseudonym (see handoff.payload.pseudonymise)."""
        return pseudonymise(identifier, self._pseudonym_key)

    # ------------------------------------------------------------------ routing

    def signals(self, conversation: Conversation) -> Signals:
        """Every signal for the conversation's latest turn (from the bounded conversation)."""
        return extract(conversation, self._settings, self._limits)

    def route(
        self,
        conversation: Conversation,
        *,
        now: datetime | None = None,
        queue_load: Mapping[str, int] | None = None,
    ) -> Decision:
        """Decide the lane for the latest turn. Never raises: faults go to the safe lane.

        ``now`` (aware, default: current UTC time) is used for opening hours;
        ``queue_load`` maps lane ids to customers waiting, for lanes with ``max_waiting``.
        """
        computed: dict[tuple[object, ...], Signals] = {}  # signals, once per turn
        rules, arm, note = self._live, None, ""
        carried = _Carried()
        try:
            if self._experiment is not None:
                arm, note = self._pick_arm(conversation, self._experiment)
                rules = self._arms[arm]
            signals = self._signals(rules, conversation, computed, carried)
            decision = self._decide(
                rules, conversation, signals, now, queue_load, carry=carried.carry
            )
        except Exception as error:
            # No conversation id or message: logs must not carry customers' data.
            log.error("routing failed, sent to the safe lane (%s)", describe_error(error))
            decision = self._safe(rules, conversation, error)
        # What the decision adds for the next turn, in one copy of the decision and its state
        # (every value already valid: routing runs this on every turn).
        update: dict[str, Any] = {}
        state_update: dict[str, Any] = {}
        trace = decision.trace
        if arm is not None and self._experiment is not None:
            experiment = self._experiment.id
            update.update(experiment=experiment, arm=arm)
            state_update.update(experiment=experiment, arm=arm)
            trace = (*trace, _step("experiment", None, None, None, note))
        if carried.signals:
            # The analysis the next turn continues from (_decide put it in the state already,
            # unless routing failed); and whether this one had to start over.
            if decision.state.carry is not carried.carry:
                state_update["carry"] = carried.carry
            if carried.why is not None:
                trace = (*trace, _step("signals", None, None, None, carried.why))
        if state_update:
            update["state"] = replaced(decision.state, **state_update)
        if trace is not decision.trace:
            update["trace"] = trace
        if update:
            decision = replaced(decision, **update)
        if self._shadow is not None:
            decision = self._with_shadow(
                self._shadow, decision, conversation, computed, now=now, queue_load=queue_load
            )
        return decision

    def replay(
        self,
        conversation: Conversation,
        *,
        now: datetime | None = None,
        queue_load: Mapping[str, int] | None = None,
    ) -> list[Decision]:
        """Route a recorded conversation turn by turn, as a bot would, carrying state forward.

        Returns one decision per user turn; the last one is where the customer is now.
        """
        state = conversation.state
        decisions: list[Decision] = []
        for index, turn in enumerate(conversation.turns):
            if turn.role != "user":
                continue
            so_far = conversation.model_copy(
                update={"turns": conversation.turns[: index + 1], "state": state}
            )
            decision = self.route(so_far, now=now, queue_load=queue_load)
            decisions.append(decision)
            state = decision.state
        return decisions

    def payload(
        self,
        conversation: Conversation,
        decision: Decision,
        *,
        now: datetime | None = None,
        history_limit: int = 5,
    ) -> ContextPayload:
        """The redacted context payload for the agent who receives this conversation."""
        rules = self._rules_of(decision)
        lane = rules.compiled.lanes[decision.lane]
        signals = (
            decision.signals
            if decision.signals is not None
            else _safe_signals(rules, conversation, self._limits)
        )
        previous: tuple[PreviousInteraction, ...] = ()
        customer = conversation.account.customer_id
        if customer is not None:
            try:
                previous = tuple(self._history.previous_interactions(customer, history_limit))
            except Exception as error:
                log.error("history source failed, payload sent without it (%s)",
                          describe_error(error))  # fmt: skip
        # The turns the decision's carried analysis covers need no bounding when it says so
        # (it checked them as it went): only the later turns and the account are checked.
        within = carried_within(conversation.turns, decision.state.carry, self._carry_key(rules))
        bounded = bound(conversation, self._limits, within=within)
        if self._pseudonym_key == DEFAULT_PSEUDONYM_KEY:
            _warn_default_key()
        return build_payload(
            bounded.conversation,
            signals,
            decision,
            lane.lane,
            queue=lane.queue,
            transcript_turns=rules.settings.transcript_turns,
            previous=previous,
            now=now,
            pseudonym_key=self._pseudonym_key,
            cut_chars=bounded.cut_chars,
            first_turn=bounded.first_turn,
        )

    # ------------------------------------------------------------------ internals

    def _rules_of(self, decision: Decision) -> _Rules:
        """The rules that made ``decision`` (its experiment arm's, else the live rules)."""
        if decision.arm is not None and decision.arm in self._arms:
            return self._arms[decision.arm]
        return self._live

    @staticmethod
    def _pick_arm(conversation: Conversation, experiment: Experiment) -> tuple[str, str]:
        """(arm, trace note): the arm kept in the routing state, else drawn by the hash."""
        state = conversation.state
        if state.experiment == experiment.id and state.arm in experiment.arms:
            return state.arm, f"experiment {experiment.id!r}: arm {state.arm!r} (kept)"
        customer = conversation.account.customer_id
        arm = assign_arm(experiment, assignment_unit(customer, conversation.id))
        by = "the customer's id" if customer else "the conversation's id"
        return arm, f"experiment {experiment.id!r}: arm {arm!r} (assigned by {by})"

    def _signals(
        self,
        rules: _Rules,
        conversation: Conversation,
        computed: dict[tuple[object, ...], Signals],
        carried: _Carried | None = None,
    ) -> Signals:
        """Signals for ``rules``, computed once per turn for rule sets whose signal settings
        agree (another routing state only changes the signals that read it). With
        ``carried`` (the routing rules), the analysis carried in the routing state is
        continued and the next turn's put in ``carried``."""
        found = computed.get(rules.signal_key)
        if found is None:
            hook = self.signals
            if (
                rules.signal_key == self._live.signal_key
                and getattr(hook, "__func__", None) is not Router.signals
            ):
                found = hook(conversation)  # the public hook, replaced: for the live settings
            elif carried is not None:
                found, carried.carry, carried.why = extract_carried(
                    conversation,
                    rules.settings,
                    self._limits,
                    conversation.state.carry,
                    key=self._carry_key(rules),
                )
                carried.signals = True
            else:
                found = extract(conversation, rules.settings, self._limits)
            computed[rules.signal_key] = found
            return found
        return restate(found, conversation.state)

    def _carry_key(self, rules: _Rules) -> str:
        key = self._carry_keys.get(rules.signal_key)
        if key is None:
            key = self._carry_keys[rules.signal_key] = carry_key(rules.settings, self._limits)
        return key

    def _with_shadow(
        self,
        shadow: _Rules,
        decision: Decision,
        conversation: Conversation,
        computed: dict[tuple[object, ...], Signals],
        *,
        now: datetime | None,
        queue_load: Mapping[str, int] | None,
    ) -> Decision:
        """``decision`` with what the shadow rules decide for the same turn beside it. The
        shadow routes with its own state (kept inside the live one), so it confirms, cools
        down and stays with a human as it would live; its faults are logged and dropped."""
        before = conversation.state
        try:
            state = _shadow_state(before)
            seen = conversation.model_copy(update={"state": state})
            signals = self._signals(shadow, seen, computed)
            result = self._decide(shadow, seen, signals, now, queue_load, explained=False)
            verdict = ShadowDecision(
                lane=result.lane,
                lane_kind=result.lane_kind,
                handoff=result.handoff,
                rule_id=result.rule_id,
                ruleset_version=shadow.version,
            )
            return replaced(
                decision, shadow=verdict, state=replaced(decision.state, shadow=result.state)
            )
        except Exception as error:
            log.error("the shadow rules failed on this turn; the live decision stands (%s)",
                      describe_error(error))  # fmt: skip
            return decision.model_copy(
                update={"state": decision.state.model_copy(update={"shadow": before.shadow})}
            )

    def _decide(
        self,
        rules: _Rules,
        conversation: Conversation,
        signals: Signals,
        now: datetime | None,
        queue_load: Mapping[str, int] | None,
        *,
        explained: bool = True,
        carry: SignalCarry | None = None,
    ) -> Decision:
        """The decision for the turn; its state holds ``carry`` (the analysis the next turn
        continues from, when the routing rules' signals were carried)."""
        compiled = rules.compiled
        settings = rules.settings
        plan = compiled.plan
        anti = settings.anti_flapping
        state = conversation.state
        vector = to_vector(signals)
        trace: list[TraceStep] = []
        matched: list[CompiledRule] = []
        pending: dict[str, int] = {}
        outcome = _NO_OUTCOME
        winner: CompiledRule | None = None
        lane_id: str | None = None

        if state.override_lane is not None and state.override_lane in compiled.lanes:
            lane_id = state.override_lane
            trace.append(
                TraceStep(kind="override", lane=lane_id, note="supervisor override in effect")
            )

        if lane_id is None:
            for rule in plan.red_lines:
                hit = rule.test(vector)
                trace.append(_step("red_line", rule.id, hit))
                if hit:
                    winner, lane_id = rule, rule.lane
                    matched.append(rule)
                    break

        replied: str | None = None
        if lane_id is None and state.lane is not None and state.lane in rules.replies:
            found = _reply(conversation, rules.replies[state.lane])
            if found is not None:
                replied, lane_id = found
                trace.append(
                    TraceStep(
                        kind="reply",
                        lane=lane_id,
                        note=f"the customer replied {replied!r} to lane {state.lane!r}'s offer",
                    )
                )

        if (
            lane_id is None
            and anti.stay_with_human
            and signals.with_human
            and state.lane in compiled.lanes
        ):
            lane_id = state.lane
            outcome = AntiFlapOutcome(
                action="stayed_with_human",
                detail=f"a person already has this conversation in lane {lane_id!r}",
            )
            trace.append(TraceStep(kind="sticky", lane=lane_id, note=outcome.detail))

        if lane_id is None and rules.bot_only:
            lane_id = _bot_only(rules, plan.candidates(vector), vector, trace)

        if lane_id is None:
            candidates = plan.candidates(vector)
            if plan.index_signal is not None and len(candidates) < len(plan.rules):
                observed = getattr(signals, plan.index_signal)
                trace.append(
                    TraceStep(
                        kind="rule",
                        note=f"index on {plan.index_signal}={observed!r}: "
                        f"{len(candidates)} of {len(plan.rules)} rules can match",
                    )
                )
            in_cooldown = signals.turns_since_handback < anti.cooldown_turns
            for rule in candidates:
                hit = rule.test(vector)
                trace.append(_step("rule", rule.id, hit))
                if not hit:
                    continue
                matched.append(rule)
                if in_cooldown and rule.severity in _SEVERITY_SILENCED_IN_COOLDOWN:
                    outcome = AntiFlapOutcome(
                        action="cooldown_suppressed",
                        detail=f"rule {rule.id!r} ({rule.severity}) is silent for "
                        f"{anti.cooldown_turns} turns after a hand-back "
                        f"({signals.turns_since_handback} so far)",
                    )
                    trace.append(TraceStep(kind="cooldown", rule_id=rule.id, note=outcome.detail))
                    continue
                if rule.severity == "medium" and anti.confirm_turns > 1:
                    count = state.pending.get(rule.id, 0) + 1
                    pending[rule.id] = count
                    if count < anti.confirm_turns:
                        outcome = AntiFlapOutcome(
                            action="awaiting_confirmation",
                            detail=f"rule {rule.id!r} matched {count} of "
                            f"{anti.confirm_turns} turns needed",
                        )
                        trace.append(
                            TraceStep(kind="confirm", rule_id=rule.id, note=outcome.detail)
                        )
                        continue
                    pending.pop(rule.id)
                winner, lane_id = rule, rule.lane
                break

        if lane_id is None:
            lane_id = settings.default_lane
            trace.append(_step("default", None, None, lane_id, "no rule decided"))

        lane_id = _available(compiled.lanes, lane_id, now, queue_load, trace)
        lane = compiled.lanes[lane_id]
        # The shadow records only where it would route: no explanations to build.
        fired = (
            tuple(self._fired(rule, signals) for rule in _winner_first(matched, winner))
            if explained
            else ()
        )
        if not explained:
            reason = ""
        elif winner is not None:
            reason = fired[0].reason
        elif replied is not None:
            reason = (
                f"The customer replied {replied!r} to the offer of lane {state.lane!r}, "
                f"so they go to {lane_id!r} now."
            )
        elif outcome.action == "stayed_with_human":
            since = f", escalated by rule {state.rule!r}" if state.rule else ""
            reason = f"Staying with a person in {lane_id!r} (anti-flapping{since})."
        elif state.override_lane == lane_id and trace and trace[0].kind == "override":
            reason = f"A supervisor moved this conversation to {lane_id!r}."
        elif rules.bot_only:
            reason = _BOT_ONLY_REASON
        else:
            reason = _NO_RULE_REASON
        # Built without validating again: every value comes from validated rules, state and
        # signals (tests/test_router.py checks these against validation).
        new_state = built(
            RoutingState,
            {
                "lane": lane_id,
                "lane_kind": lane.lane.kind,
                "since_turn": state.since_turn if state.lane == lane_id else signals.user_turns,
                "rule": winner.id
                if winner is not None
                else (state.rule if state.lane == lane_id else None),
                "handback_turn": state.handback_turn,
                "pending": pending,
                "override_lane": state.override_lane,
                "experiment": None,
                "arm": None,
                "shadow": None,
                "carry": carry,
            },
        )
        priority = winner.priority if winner is not None and winner.priority is not None else None
        return built(
            Decision,
            {
                "lane": lane_id,
                "lane_kind": lane.lane.kind,
                "queue": lane.queue,
                "priority": priority if priority is not None else lane.lane.priority,
                "sla_seconds": lane.lane.sla_seconds,
                "handoff": lane.lane.kind != "bot",
                "rule_id": winner.id if winner is not None else None,
                "fired": fired,
                # The fixed reasons hold no data (redacting them is a no-op that a cold
                # process paid on every bot turn); the others are redacted.
                "reason": reason if reason in _FIXED_REASONS else redact(reason),
                "trace": tuple(trace),
                "anti_flapping": outcome,
                "ruleset": compiled.ruleset.name,
                "ruleset_version": rules.version,
                "state": new_state,
                "error": None,
                "signals": signals,
                "experiment": None,
                "arm": None,
                "shadow": None,
            },
        )

    def _fired(self, rule: CompiledRule, signals: Signals) -> FiredRule:
        _, checks = explain(rule.node, signals)
        # Built without validating again (every handoff turn explains its winner): the values
        # come from the compiled, validated rule, and the checks are validated Check models
        # (tests/test_router.py checks this against validation).
        return built(
            FiredRule,
            {
                "rule_id": rule.id,
                "lane": rule.lane,
                "severity": rule.severity,
                "red_line": rule.red_line,
                "reason": redact(_render(rule.reason, signals, rule)),
                "checks": tuple(checks),
            },
        )

    def safe_decision(self, conversation: Conversation, error: BaseException) -> Decision:
        """The decision for a fault: the safe human lane, with the (redacted) error recorded."""
        return self._safe(self._live, conversation, error)

    def _safe(self, rules: _Rules, conversation: Conversation, error: BaseException) -> Decision:
        compiled = rules.compiled
        lane_id = rules.settings.safe_lane
        lane = compiled.lanes[lane_id]
        message = f"{type(error).__name__}: {error}"
        return Decision(
            lane=lane_id,
            lane_kind=lane.lane.kind,
            queue=lane.queue,
            priority=lane.lane.priority,
            sla_seconds=lane.lane.sla_seconds,
            handoff=True,
            rule_id=None,
            fired=(),
            reason="Routing failed, so a person takes over to be safe.",
            trace=(TraceStep(kind="fault", lane=lane_id, note=redact(message)),),
            anti_flapping=_NO_OUTCOME,
            ruleset=compiled.ruleset.name,
            ruleset_version=rules.version,
            state=RoutingState(
                lane=lane_id,
                lane_kind=lane.lane.kind,
                handback_turn=conversation.state.handback_turn,
                override_lane=conversation.state.override_lane,
            ),
            error=redact(message),
            signals=None,
        )


@dataclass
class _Carried:
    """What continuing the routing state's carried analysis left for the decision."""

    signals: bool = False  # whether the turn's signals came from extract_carried
    carry: SignalCarry | None = None
    why: str | None = None  # why the whole conversation was analysed, if it was


def _reply(
    conversation: Conversation, replies: tuple[tuple[tuple[str, ...], str, str], ...]
) -> tuple[str, str] | None:
    """(keyword, lane) when the latest turn is the customer's reply to the offer of the
    lane they wait in: the keyword's words in a row, at most ``_REPLY_EXTRA_WORDS``
    other words around them ("yes fraud please"), and no "no"/"not" ("not fraud")."""
    if not conversation.turns or conversation.turns[-1].role != "user":
        return None
    words = reply_words(conversation.turns[-1].text[:_REPLY_MAX_CHARS])
    if not words or _REPLY_NEGATIONS.intersection(words):
        return None
    for wanted, keyword, target in replies:
        size = len(wanted)
        if len(words) - size > _REPLY_EXTRA_WORDS:
            continue
        if any(words[i : i + size] == wanted for i in range(len(words) - size + 1)):
            return keyword, target
    return None


def _available(
    lanes: Mapping[str, LaneInfo],
    lane_id: str,
    now: datetime | None,
    queue_load: Mapping[str, int] | None,
    trace: list[TraceStep],
) -> str:
    """Follow the fallback chain past closed or full lanes (the chain is acyclic)."""
    moment = now or datetime.now(timezone.utc)
    lane: LaneInfo = lanes[lane_id]
    while True:
        closed = not lane.is_open(moment)
        waiting = (queue_load or {}).get(lane.id, 0)
        full = lane.lane.max_waiting is not None and waiting >= lane.lane.max_waiting
        if not (closed or full):
            return lane.id
        kind: Literal["hours", "full"] = "hours" if closed else "full"
        why = "closed now" if closed else f"full ({waiting} waiting)"
        fallback = lane.lane.fallback
        if fallback is None:
            trace.append(
                TraceStep(kind=kind, lane=lane.id, note=f"{why}; no fallback, the customer waits")
            )
            return lane.id
        trace.append(TraceStep(kind=kind, lane=fallback, note=f"{lane.id} {why} → {fallback}"))
        lane = lanes[fallback]


def _bot_only(rules: _Rules, candidates: Any, vector: Any, trace: list[TraceStep]) -> str | None:
    """A bot-only arm keeps the customer with the bot: the first ordinary rule that would
    have routed is noted in the trace (what the hybrid rules would have done), not obeyed."""
    for rule in candidates:
        if rule.test(vector):
            note = (
                f"bot-only arm: rule {rule.id!r} matched and would have routed to "
                f"{rule.lane!r}; only red lines hand off in this arm"
            )
            trace.append(
                TraceStep(kind="experiment", rule_id=rule.id, matched=True, lane=rule.lane,
                          note=note)
            )  # fmt: skip
            break
    return rules.bot_lane


def _shadow_state(live: RoutingState) -> RoutingState:
    """The state the shadow rules route from: their own lane, rule and pending confirmations
    from the last turn, with what people did since (a supervisor's override, a hand-back to
    the bot) taken from the live state, as it would have happened to the shadow's customer
    too. On its first turn the shadow starts where the live rules are."""
    previous = live.shadow
    if previous is None:
        return RoutingState(
            lane=live.lane,
            lane_kind=live.lane_kind,
            since_turn=live.since_turn,
            rule=live.rule,
            handback_turn=live.handback_turn,
            override_lane=live.override_lane,
        )
    if previous.handback_turn != live.handback_turn:  # handed back to the bot since
        return previous.model_copy(
            update={
                "lane": live.lane,
                "lane_kind": live.lane_kind,
                "since_turn": live.since_turn,
                "rule": None,
                "pending": {},
                "handback_turn": live.handback_turn,
                "override_lane": live.override_lane,
            }
        )
    return previous.model_copy(update={"override_lane": live.override_lane})


def _winner_first(matched: list[CompiledRule], winner: CompiledRule | None) -> list[CompiledRule]:
    if winner is None:
        return matched
    return [winner, *(r for r in matched if r is not winner)]


def _render(template: str, signals: Signals, rule: CompiledRule) -> str:
    """Fill {signal} placeholders; numbers default to two decimals, sets to a sorted list."""
    try:
        return template.format_map(_Formatted(signals, rule))
    except (ValueError, TypeError, KeyError):  # checked at load time; be safe anyway
        return template


_SIGNAL_FIELDS = frozenset(Signals.model_fields)


class _Formatted:
    """The values a reason may name, each read when the template names it (a reason names a
    few of the signals): ``lane``, ``rule`` and every signal."""

    def __init__(self, signals: Signals, rule: CompiledRule) -> None:
        self._signals = signals
        self._rule = rule

    def __getitem__(self, key: str) -> Any:
        if key == "lane":
            value: Any = self._rule.lane
        elif key == "rule":
            value = self._rule.id
        elif key in _SIGNAL_FIELDS:
            value = getattr(self._signals, key)
        else:
            raise KeyError(key)
        if isinstance(value, frozenset):
            return ", ".join(sorted(value)) or "none"
        if isinstance(value, float):
            return _Number(value)
        if isinstance(value, dict):  # a group signal: {intent_group_mass[fraud]:.2f}
            return {k: _Number(v) if isinstance(v, float) else v for k, v in value.items()}
        return value


class _Number(float):
    def __format__(self, spec: str) -> str:
        if not spec:
            return "n/a" if math.isnan(self) else f"{float(self):.2f}"
        return format(float(self), spec)


def _safe_signals(rules: _Rules, conversation: Conversation, limits: Limits) -> Signals | None:
    try:
        return extract(conversation, rules.settings, limits)
    except Exception as error:
        log.error("signals failed while building a payload (%s)", describe_error(error))
        return None


# One calm turn, no customer data, routed by ``warm_up``: it does what a first turn would
# otherwise do on a customer's time (load spaCy and VADER, compile the situation shapes,
# fill what the router computes on first use).
_WARM_UP_TURN: dict[str, Any] = {
    "id": "handoff-process-warm-up",
    "turns": [
        {
            "role": "user",
            "text": "hello, can you help me with my account please?",
            "intent": {"name": "greet", "confidence": 0.9},
        }
    ],
}
_frozen = False  # whether warm_up froze this process's heap (at most once)


def warm_up(router: Router | None = None, *, freeze: bool = True) -> bool:
    """Prepare this process for its first customer; call it once, at start-up.

    Loads what a first turn would (spaCy, VADER, the lexicons, every story pattern's search
    tables, built lazily otherwise, and, with ``router``, what it
    builds on first use, by routing one fixed calm turn). Then, with ``freeze``, collects
    garbage once and freezes the heap (``gc.freeze()``): everything alive at that point
    (spaCy's vocabulary, the lexicons, the compiled rules, the libraries' modules: about
    325,000 objects in an action server) moves to the collector's permanent generation, and
    the full collections that Python runs every few thousand turns no longer walk it. Only
    the objects created since are examined, so a full collection costs a fraction of what
    it did (benchmarks/README.md, "Freezing the heap after warm-up").

    The heap is frozen at most once per process: a later call warms up (a new router, say)
    but returns ``False`` without freezing again. Returns whether this call froze.

    Call it after building what the process keeps for its lifetime, never before a burst of
    temporary objects: frozen objects are not collected as cyclic garbage (reference counting
    still frees them). ``handoff-actions`` calls it after building its runtime (opt out with
    ``HANDOFF_GC_FREEZE=0``); a bot that embeds the router calls it once its router is
    built, before taking traffic. A fork-based worker pool calls it in the parent before
    forking: frozen pages are then also not dirtied by the collector in the children.
    """
    global _frozen  # noqa: PLW0603  (one process-wide fact: the heap was frozen)
    analyze_text("warming up the analyser, thanks!")
    spread.prepare()  # the story tables a first turn builds only for the patterns it meets
    situations.prepare()  # the situation shapes, compiled on first use
    if router is not None:
        router.route(Conversation.model_validate(_WARM_UP_TURN))
    if not freeze or _frozen:
        return False
    gc.collect()
    gc.freeze()
    _frozen = True
    log.info("warm-up done; %d objects frozen out of the garbage collector", gc.get_freeze_count())
    return True
