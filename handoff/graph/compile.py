"""RuleSet → networkx decision graph (validated) → flat evaluation plan.

The graph is the source of truth for analysis: ``start → rule → … → default`` ("else"
edges), each rule → its lane ("match"), rules and named conditions → the conditions they
use ("uses"), lanes → their fallback ("fallback"). Validation walks it once at load time;
routing never touches it.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, time
from itertools import chain
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo

import networkx as nx

from handoff.errors import Problem, RulesError, did_you_mean
from handoff.graph.conditions import (
    Node,
    fact_signals,
    guard,
    implies,
    normalise,
    pins,
    required_signals,
    satisfiable,
)
from handoff.graph.experiment import check_experiment, not_loaded
from handoff.graph.plan import CompiledRule, Plan, compile_node
from handoff.models.rules import HUMAN_LANE_KINDS, Condition, Lane, Rule, RuleSet
from handoff.models.signals import SIGNAL_KINDS
from handoff.rules._gc import without_cyclic_gc
from handoff.rules.loader import LoadedRules, SourceMap, ruleset_version

__all__ = ["START", "CompiledRules", "LaneInfo", "compile_rules", "node_id"]

START = "start"
_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REASON_FIELDS = frozenset(SIGNAL_KINDS) | {"lane", "rule"}


def node_id(kind: str, name: str) -> str:
    """Graph node ids are 'rule:x', 'lane:x', 'condition:x' so names never collide."""
    return f"{kind}:{name}"


@dataclass(frozen=True, slots=True)
class LaneInfo:
    """A lane with what routing needs precomputed (queue name, opening hours)."""

    id: str
    lane: Lane
    queue: str
    human: bool
    zone: ZoneInfo | None
    days: frozenset[int]
    opens: time
    closes: time

    def is_open(self, now: datetime) -> bool:
        """Whether the lane is staffed at ``now`` (an aware datetime)."""
        if self.zone is None:
            return True
        local = now.astimezone(self.zone)
        clock = local.time().replace(second=0, microsecond=0)
        if self.opens <= self.closes:
            return local.weekday() in self.days and self.opens <= clock < self.closes
        # Overnight hours (22:00 to 06:00): the early part belongs to the previous day's shift.
        if clock >= self.opens:
            return local.weekday() in self.days
        return (local.weekday() - 1) % 7 in self.days and clock < self.closes


@dataclass(frozen=True)
class CompiledRules:
    """A validated rule set: the analysis graph and the plan routing runs."""

    ruleset: RuleSet
    version: str
    sources: SourceMap
    files: tuple[str, ...]
    graph: nx.DiGraph
    plan: Plan
    lanes: Mapping[str, LaneInfo]
    nodes: Mapping[str, Node]  # rule id → normalised condition
    # What decisions record: the version of the rules alone, without the experiment and
    # shadow blocks (equal to ``version`` for a rule set without them).
    rules_version: str = ""
    # An experiment's arms that route with a rules file of their own, and the shadow rules.
    arms: Mapping[str, CompiledRules] = dataclasses.field(default_factory=dict)
    shadow: CompiledRules | None = None

    def __post_init__(self) -> None:
        if not self.rules_version:
            object.__setattr__(self, "rules_version", self.version)


def _lane_info(lane_id: str, lane: Lane) -> LaneInfo:
    hours = lane.hours
    if hours is None:
        return LaneInfo(
            lane_id, lane, lane.queue or lane_id, lane.kind in HUMAN_LANE_KINDS, None,
            frozenset(range(7)), time(0, 0), time(23, 59),
        )  # fmt: skip
    return LaneInfo(
        id=lane_id,
        lane=lane,
        queue=lane.queue or lane_id,
        human=lane.kind in HUMAN_LANE_KINDS,
        zone=ZoneInfo(hours.timezone),
        days=frozenset(_DAYS.index(d) for d in hours.days),
        opens=time.fromisoformat(hours.open),
        closes=time.fromisoformat(hours.close),
    )


@without_cyclic_gc
def compile_rules(loaded: LoadedRules) -> CompiledRules:
    """Validate the rule set as a graph and lower it to a plan; raise RulesError if unusable.

    An experiment's arm files and a shadow file (loaded with the rule set) are compiled too,
    and the experiment is checked: shares, control, and red lines equal in every arm.
    """
    compiled = _compile(loaded)
    ruleset = loaded.ruleset
    if ruleset.experiment is None and ruleset.shadow is None:
        return compiled
    problems: list[Problem] = []
    done: dict[int, CompiledRules] = {}

    def compile_companion(companion: LoadedRules) -> CompiledRules | None:
        if id(companion) not in done:
            try:
                done[id(companion)] = _compile(companion)
            except RulesError as error:
                problems.extend(p for p in error.problems if p not in problems)
                return None
        return done[id(companion)]

    arms = {
        name: arm
        for name, arm in ((n, compile_companion(c)) for n, c in loaded.arms.items())
        if arm is not None
    }
    shadow = compile_companion(loaded.shadow) if loaded.shadow is not None else None
    problems.extend(check_experiment(compiled, arms, failed=set(loaded.arms) - set(arms)))
    if ruleset.shadow is not None and shadow is None and not problems:
        problems.append(
            not_loaded(loaded.sources, ("shadow", "rules"), ruleset.shadow.rules, "shadow")
        )
    if problems:
        raise RulesError(problems)
    rules_only = ruleset.model_copy(update={"experiment": None, "shadow": None})
    return dataclasses.replace(
        compiled,
        rules_version=ruleset_version(rules_only),
        arms=MappingProxyType(arms),
        shadow=shadow,
    )


def _compile(loaded: LoadedRules) -> CompiledRules:
    ruleset, sources = loaded.ruleset, loaded.sources
    problems: list[Problem] = []
    lanes = ruleset.lanes
    lane_names = list(lanes)

    def lane_ref(path: tuple[str | int, ...], name: str, what: str) -> bool:
        if name in lanes:
            return True
        hint = did_you_mean(name, lane_names) or "lanes are: " + ", ".join(lane_names)
        problems.append(sources.problem(path, f"{what} {name!r} is not a lane", hint))
        return False

    settings = ruleset.settings
    lane_ref(("settings", "default_lane"), settings.default_lane, "default_lane")
    if lane_ref(("settings", "safe_lane"), settings.safe_lane, "safe_lane"):
        safe = lanes[settings.safe_lane]
        if safe.kind not in ("human", "specialist"):
            problems.append(
                sources.problem(
                    ("settings", "safe_lane"),
                    f"safe_lane {settings.safe_lane!r} is a {safe.kind} lane",
                    "when routing fails the customer must reach a person: "
                    "choose a lane of kind human or specialist",
                )
            )
    storage = settings.when_storage_fails
    storage_lane = storage.lane if storage is not None else None
    storage_path = ("settings", "when_storage_fails", "lane")
    if storage_lane is not None and lane_ref(storage_path, storage_lane, "lane"):
        kind = lanes[storage_lane].kind
        if kind != "bot":
            problems.append(
                sources.problem(
                    storage_path,
                    f"when_storage_fails lane {storage_lane!r} is a {kind} lane",
                    "when a payload cannot be stored no person would receive the "
                    "conversation: choose a lane of kind bot",
                )
            )
    for lane_id, lane in lanes.items():
        if lane.fallback is not None:
            lane_ref(("lanes", lane_id, "fallback"), lane.fallback, "fallback")
        problems.extend(_check_replies(lane_id, lane, lanes, sources, lane_ref))

    graph = nx.DiGraph()
    graph.add_node(START, kind="start")
    for lane_id, lane in lanes.items():
        graph.add_node(node_id("lane", lane_id), kind="lane", lane_kind=lane.kind)
    for lane_id, lane in lanes.items():
        if lane.fallback in lanes:
            graph.add_edge(
                node_id("lane", lane_id), node_id("lane", lane.fallback), kind="fallback"
            )
        for target in lane.replies.values():
            if target in lanes and target != lane.fallback:
                graph.add_edge(node_id("lane", lane_id), node_id("lane", target), kind="reply")
    for name in ruleset.conditions:
        graph.add_node(node_id("condition", name), kind="condition")

    # Intent groups: each names at least one intent, and conditions test only defined groups.
    groups = list(settings.intent_groups)
    for group, intents in settings.intent_groups.items():
        if not intents:
            problems.append(
                sources.problem(
                    ("settings", "intent_groups", group),
                    f"intent group {group!r} lists no intents",
                    "list the intents that belong to it, e.g. [compromised_card, ...]",
                )
            )
    group_paths = [(("conditions", n), c) for n, c in ruleset.conditions.items()] + [
        (("rules", i, "when"), rule.when) for i, rule in enumerate(ruleset.rules)
    ]
    for base, condition in group_paths:
        for ref_path, group in _group_references(condition, base):
            if group not in settings.intent_groups:
                hint = did_you_mean(group, groups) or (
                    "intent groups are: " + ", ".join(groups)
                    if groups
                    else "define it under settings: intent_groups: {name: [intent, ...]}"
                )
                problems.append(sources.problem(ref_path, f"unknown intent group {group!r}", hint))

    # Named-condition references: unknown names, then cycles (which would never terminate).
    for name, condition in ruleset.conditions.items():
        for ref_path, ref in _references(condition, ("conditions", name)):
            if ref in ruleset.conditions:
                graph.add_edge(node_id("condition", name), node_id("condition", ref), kind="uses")
            else:
                problems.append(_unknown_condition(sources, ref_path, ref, ruleset))
    condition_graph = graph.subgraph(node_id("condition", n) for n in ruleset.conditions)
    cyclic = False
    for cycle in nx.simple_cycles(condition_graph):
        cyclic = True
        names = _from_first(cycle, list(ruleset.conditions))
        loop = " → ".join([*names, names[0]])
        problems.append(
            sources.problem(
                ("conditions", names[0]),
                f"named conditions refer to each other in a loop: {loop}",
                "a condition may use others only if they do not lead back to it",
            )
        )
    fallback_graph = nx.DiGraph(
        (u, v) for u, v, kind in graph.edges(data="kind") if kind == "fallback"
    )
    for cycle in nx.simple_cycles(fallback_graph):
        names = _from_first(cycle, lane_names)
        loop = " → ".join([*names, names[0]])
        problems.append(
            sources.problem(
                ("lanes", names[0], "fallback"),
                f"lane fallbacks form a loop: {loop}",
                "the last lane of a fallback chain must have no fallback",
            )
        )

    # Rules: unique ids, known lanes and conditions, sensible red lines, valid reasons.
    seen_ids: dict[str, int] = {}
    previous = START
    # The "else" chain follows evaluation order: red lines first, then the rest, in file order.
    for index, rule in sorted(enumerate(ruleset.rules), key=lambda pair: not pair[1].red_line):
        path: tuple[str | int, ...] = ("rules", index)
        if rule.id in seen_ids:
            first = sources.locate(("rules", seen_ids[rule.id]))
            problems.append(
                sources.problem(
                    (*path, "id"),
                    f"rule id {rule.id!r} is used twice (first at line {first.line})",
                    "rule ids must be unique and stable; rename one",
                )
            )
        seen_ids.setdefault(rule.id, index)
        rule_node = node_id("rule", rule.id) if rule.id not in graph else f"rule:{rule.id}#{index}"
        graph.add_node(rule_node, kind="rule", position=index, red_line=rule.red_line)
        graph.add_edge(previous, rule_node, kind="else")
        previous = rule_node
        if lane_ref((*path, "lane"), rule.lane, "lane"):
            graph.add_edge(rule_node, node_id("lane", rule.lane), kind="match")
            kind = lanes[rule.lane].kind
            if rule.red_line and kind not in ("human", "specialist"):
                problems.append(
                    sources.problem(
                        (*path, "lane"),
                        f"red-line rule {rule.id!r} routes to {kind} lane {rule.lane!r}",
                        "red lines are 'always human': route them to a human or specialist lane",
                    )
                )
            if kind == "override":
                problems.append(
                    sources.problem(
                        (*path, "lane"),
                        f"rule {rule.id!r} routes to override lane {rule.lane!r}",
                        "override lanes are entered only by a supervisor's override; "
                        "use a human or specialist lane",
                    )
                )
        for ref_path, ref in _references(rule.when, (*path, "when")):
            if ref in ruleset.conditions:
                graph.add_edge(rule_node, node_id("condition", ref), kind="uses")
            else:
                problems.append(_unknown_condition(sources, ref_path, ref, ruleset))
        problems.extend(
            _check_reason(rule.reason, (*path, "reason"), sources, settings.intent_groups)
        )
    if settings.default_lane in lanes:
        graph.add_edge(previous, node_id("lane", settings.default_lane), kind="else")
    if settings.safe_lane in lanes:
        graph.add_edge(START, node_id("lane", settings.safe_lane), kind="fault")
    if storage_lane in lanes:
        graph.add_edge(START, node_id("lane", storage_lane), kind="fault")

    if problems or cyclic:
        raise RulesError(problems)

    # Lanes nobody can reach are almost always a typo or a forgotten rule.
    reachable = nx.descendants(graph, START)
    for lane_id, lane in lanes.items():
        if lane.kind != "override" and node_id("lane", lane_id) not in reachable:
            problems.append(
                sources.problem(
                    ("lanes", lane_id),
                    f"lane {lane_id!r} is unreachable: no rule routes to it "
                    "and no lane falls back to it",
                    f"add a rule with 'lane: {lane_id}', or remove the lane",
                )
            )

    nodes = {rule.id: normalise(rule.when, ruleset.conditions) for rule in ruleset.rules}
    problems.extend(_shadowing(ruleset, nodes, sources))
    if problems:
        raise RulesError(problems)

    compiled = [
        CompiledRule(
            position=index,
            id=rule.id,
            test=compile_node(nodes[rule.id]),
            lane=rule.lane,
            severity=rule.severity,
            red_line=rule.red_line,
            priority=rule.priority,
            node=nodes[rule.id],
            reason=rule.reason,
        )
        for index, rule in enumerate(ruleset.rules)
    ]
    return CompiledRules(
        ruleset=ruleset,
        version=loaded.version,
        sources=sources,
        files=loaded.files,
        graph=graph,
        plan=Plan.build(compiled),
        lanes=MappingProxyType({k: _lane_info(k, v) for k, v in lanes.items()}),
        nodes=MappingProxyType(nodes),
    )


def reply_words(text: str) -> tuple[str, ...]:
    """The words of a customer's reply or a keyword, for matching lane replies: lower case,
    letters and digits only ("Yes, FRAUD!" -> ("yes", "fraud"))."""
    return tuple(_WORD.findall(text.casefold()))


_WORD = re.compile(r"[^\W_]+")


def _check_replies(
    lane_id: str,
    lane: Lane,
    lanes: Mapping[str, Lane],
    sources: SourceMap,
    lane_ref: Callable[[tuple[str | int, ...], str, str], bool],
) -> list[Problem]:
    """A lane's ``replies``: each keyword is words its message offers, each target a lane a
    person works (a reply moves the customer to people, never back to the bot)."""
    problems: list[Problem] = []
    offered = " " + " ".join(reply_words(lane.message)) + " "
    for keyword, target in lane.replies.items():
        path: tuple[str | int, ...] = ("lanes", lane_id, "replies", keyword)
        words = reply_words(keyword)
        if not words:
            problems.append(
                sources.problem(
                    path,
                    f"reply keyword {keyword!r} has no letters or digits",
                    "use a word the lane's message asks for, e.g. fraud",
                )
            )
            continue
        if f" {' '.join(words)} " not in offered:
            problems.append(
                sources.problem(
                    path,
                    f"reply keyword {keyword!r} does not appear in the message of lane {lane_id!r}",
                    "the message must tell the customer what to reply, e.g. 'reply \"fraud\"'",
                )
            )
        if lane_ref(path, target, "reply lane") and lanes[target].kind not in (
            "human",
            "specialist",
        ):
            problems.append(
                sources.problem(
                    path,
                    f"reply {keyword!r} goes to {lanes[target].kind} lane {target!r}",
                    "a reply takes the customer to people: choose a human or specialist lane",
                )
            )
        if target == lane_id:
            problems.append(
                sources.problem(
                    path,
                    f"reply {keyword!r} goes to lane {lane_id!r} itself",
                    "choose another lane",
                )
            )
    return problems


def _from_first(cycle: list[str], order: list[str]) -> list[str]:
    """Cycle node ids → names, rotated to start at the one defined first (stable messages)."""
    names = [n.split(":", 1)[1] for n in cycle]
    start = min(range(len(names)), key=lambda i: order.index(names[i]))
    return names[start:] + names[:start]


def _references(
    condition: Condition, path: tuple[str | int, ...]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Every ``condition: name`` reference inside a condition, with its key path."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    if condition.condition is not None:
        found.append(((*path, "condition"), condition.condition))
    for key in ("all", "any"):
        items = getattr(condition, key)
        for i, item in enumerate(items or ()):
            found.extend(_references(item, (*path, key, i)))
    if condition.not_ is not None:
        found.extend(_references(condition.not_, (*path, "not")))
    return found


_GROUP_SIGNALS = tuple(name for name, kind in SIGNAL_KINDS.items() if kind == "group")


def _group_references(
    condition: Condition, path: tuple[str | int, ...]
) -> list[tuple[tuple[str | int, ...], str]]:
    """Every intent group a condition tests (not following named conditions), with its path."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    for name in _GROUP_SIGNALS:
        test = getattr(condition, name)
        if isinstance(test, list | tuple):
            found.extend(((*path, name, i, "group"), t.group) for i, t in enumerate(test))
        elif test is not None:
            found.append(((*path, name, "group"), test.group))
    for key in ("all", "any"):
        for i, item in enumerate(getattr(condition, key) or ()):
            found.extend(_group_references(item, (*path, key, i)))
    if condition.not_ is not None:
        found.extend(_group_references(condition.not_, (*path, "not")))
    return found


def _unknown_condition(
    sources: SourceMap, path: tuple[str | int, ...], ref: str, ruleset: RuleSet
) -> Problem:
    names = list(ruleset.conditions)
    hint = did_you_mean(ref, names) or (
        "named conditions are: " + ", ".join(names) if names else "define it under 'conditions:'"
    )
    return sources.problem(path, f"unknown named condition {ref!r}", hint)


def _check_reason(
    reason: str,
    path: tuple[str | int, ...],
    sources: SourceMap,
    groups: Mapping[str, Any] | None = None,
) -> list[Problem]:
    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(reason) if name]
    except ValueError as error:
        return [
            sources.problem(
                path,
                f"reason template is malformed: {error}",
                "write placeholders as {signal} or {signal:.2f}; double braces for a literal {",
            )
        ]
    problems = []
    for field, spec in fields:
        name, _, rest = field.partition("[")
        if rest and SIGNAL_KINDS.get(name) == "group":
            group = rest.removesuffix("]")
            if group not in (groups or {}):
                hint = did_you_mean(group, list(groups or {})) or "name an intent group"
                problems.append(
                    sources.problem(path, f"unknown intent group {group!r} in reason", hint)
                )
                continue
            spec_sample: Any = 0.5
            try:
                format(spec_sample, spec or "")
            except (ValueError, TypeError):
                problems.append(
                    sources.problem(
                        path,
                        f"format {spec!r} does not fit {{{field}}}",
                        "numbers take e.g. {intent_group_mass[fraud]:.2f}",
                    )
                )
            continue
        if rest:
            name = field
        if name not in REASON_FIELDS:
            hint = did_you_mean(name, REASON_FIELDS) or "placeholders name signals, e.g. {intent}"
            problems.append(
                sources.problem(path, f"unknown placeholder {{{name}}} in reason", hint)
            )
            continue
        sample: Any = 0.5 if SIGNAL_KINDS.get(name) == "number" else "x"
        try:
            format(sample, spec or "")
        except (ValueError, TypeError):
            problems.append(
                sources.problem(
                    path,
                    f"format {spec!r} does not fit {{{name}}}",
                    "numbers take e.g. {frustration:.2f}; text takes no format",
                )
            )
    return problems


def _shadowing(ruleset: RuleSet, nodes: Mapping[str, Node], sources: SourceMap) -> list[Problem]:
    """Rules that can never decide: contradictory, or covered by an earlier rule.

    Each rule is compared only with earlier rules that could cover it: those without an
    equality guard, and those whose guard (e.g. ``intent: refund``) the rule pins as well
    (:func:`handoff.graph.conditions.guard`). That keeps 1,000 intent rules from taking half
    a million implication proofs; a rule with or/not at the top is compared with all. An
    earlier rule is also skipped when it tests a signal the later rule does not test (no
    proof is possible then). The remaining pairwise work is bounded by MAX_SHADOW_CHECKS:
    past it the rule set is refused with a clear message instead of loading for minutes.
    """
    problems: list[Problem] = []
    checks = 0
    required = {rule.id: required_signals(nodes[rule.id]) for rule in ruleset.rules}
    # Evaluation order: red lines first, then the rest, each in file order.
    order = sorted(enumerate(ruleset.rules), key=lambda pair: not pair[1].red_line)
    decided: list[tuple[int, int, Rule]] = []  # (position in evaluation order, index, rule)
    unguarded: list[tuple[int, int, Rule]] = []
    guarded: dict[tuple[str, Any], list[tuple[int, int, Rule]]] = {}
    for position, (index, rule) in enumerate(order):
        node = nodes[rule.id]
        path = ("rules", index)
        if not satisfiable(node):
            problems.append(
                sources.problem(
                    (*path, "when"),
                    f"rule {rule.id!r} can never match: its tests contradict each other",
                    "check the thresholds, e.g. 'gt: 0.8' together with 'lt: 0.5'",
                )
            )
            continue
        fixed = pins(node)
        candidates = (
            decided
            if fixed is None
            else sorted(chain(unguarded, *(guarded.get(pin, ()) for pin in fixed)))
        )
        tested = fact_signals(node)
        for _, earlier_index, earlier in candidates:
            if tested is not None and not required[earlier.id] <= tested:
                continue
            checks += 1
            if checks > MAX_SHADOW_CHECKS:
                return [*problems, _too_many_checks(sources, len(ruleset.rules))]
            if implies(node, nodes[earlier.id]):
                line = sources.locate(("rules", earlier_index)).line
                problems.append(
                    sources.problem(
                        path,
                        f"rule {rule.id!r} is shadowed by rule {earlier.id!r} (line {line}): "
                        "whenever it matches, the earlier rule matches first",
                        f"move {rule.id!r} above {earlier.id!r}, or make its condition "
                        "narrower than the earlier one's",
                    )
                )
                break
        # Low/medium rules may be held back by anti-flapping, so later rules still get a turn.
        if rule.red_line or rule.severity in ("high", "critical"):
            entry = (position, index, rule)
            decided.append(entry)
            key = guard(node)
            (unguarded if key is None else guarded.setdefault(key, [])).append(entry)
    return problems


# Each check is an implication proof of ~10 us: this bounds the shadowing analysis to a few
# seconds. Rule sets whose rules share an equality guard (intent, channel, tier, a numeric
# ``eq``...) or test different signals need far fewer checks than this even at 20,000 rules.
MAX_SHADOW_CHECKS = 300_000


def _too_many_checks(sources: SourceMap, count: int) -> Problem:
    return sources.problem(
        ("rules",),
        f"{count:,} rules are too many to check for shadowing: more than "
        f"{MAX_SHADOW_CHECKS:,} rule pairs test the same signals without an equality guard",
        "give rules an equality test that tells them apart (e.g. 'intent: x', 'channel: y', "
        "'tier: z'), or split the rules into several rule sets",
    )
