"""Load-time checks of an experiment: arms, shares, control, and red lines equal in every arm.

An experiment compares arms on what they are meant to differ in; red lines (fraud, threats,
vulnerable customers) must behave the same in all of them, whatever arm a customer draws.
So every arm's red-line rules are compared with the control's: the same rules in the same
order, the same conditions (named conditions expanded), lanes, priorities and lane
definitions (with their fallback chains), the same settings behind the signals they test,
and the same supervisor-override lanes. Any difference is refused with the arm file's line.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from handoff.errors import Problem, did_you_mean
from handoff.graph.conditions import Node
from handoff.models.rules import Rule
from handoff.rules.loader import SourceMap, resolve_companion
from handoff.signals.extract import SIGNAL_SETTINGS

if TYPE_CHECKING:
    from handoff.graph.compile import CompiledRules as _Rules

__all__ = ["check_experiment", "not_loaded", "signals_used"]

KeyPath = tuple[str | int, ...]

_FALLBACK_SETTINGS = ("fallback_intents", "fallback_actions", "not_a_failure_intents")
# Which settings each signal's value depends on (see handoff.signals.extract).
_SIGNAL_DEPENDS: Mapping[str, tuple[str, ...]] = {
    "human_request": ("human_request_intents",),
    "consecutive_fallbacks": _FALLBACK_SETTINGS,
    "total_fallbacks": _FALLBACK_SETTINGS,
    "intent_group_mass": ("intent_groups",),
    "intent_group_rank": ("intent_groups",),
    "sentiment_trend": ("sentiment_window",),
    "frustration_trend": ("sentiment_window",),
    "escalation_score": SIGNAL_SETTINGS,  # the learned model reads most signals
}


def signals_used(node: Node) -> Iterator[str]:
    """Every signal a condition tests, negated parts included."""
    if node.atom is not None:
        yield node.atom.signal
    for item in node.items:
        yield from signals_used(item)


def check_experiment(
    main: _Rules, arms: Mapping[str, _Rules], failed: Collection[str] = ()
) -> list[Problem]:
    """Problems with ``main``'s experiment, given its arms' compiled rules (arm name -> rules,
    for arms with a ``rules:`` file that compiled); ``failed`` arms' files were loaded but
    did not compile (their own problems are reported already)."""
    experiment = main.ruleset.experiment
    if experiment is None:
        return []
    sources = main.sources
    problems: list[Problem] = []
    names = list(experiment.arms)
    if len(names) < 2:
        problems.append(
            sources.problem(
                ("experiment", "arms"),
                f"the experiment has {len(names)} arm{'s' if len(names) != 1 else ''}; "
                "an experiment compares at least two",
                "add a second arm, e.g. 'control: {share: 50}' and "
                "'candidate: {share: 50, rules: candidate.yaml}'",
            )
        )
    total = sum(arm.share for arm in experiment.arms.values())
    if names and total != 100:
        listed = ", ".join(f"{name} {arm.share}" for name, arm in experiment.arms.items())
        problems.append(
            sources.problem(
                ("experiment", "arms"),
                f"the arms' shares sum to {total} ({listed}); they must sum to 100",
                "shares are whole percentages of customers: make them add up to 100",
            )
        )
    if experiment.control is not None and experiment.control not in experiment.arms:
        hint = did_you_mean(experiment.control, names) or "arms are: " + ", ".join(names)
        problems.append(
            sources.problem(
                ("experiment", "control"),
                f"control {experiment.control!r} is not an arm of the experiment",
                hint,
            )
        )
    for name, arm in experiment.arms.items():
        if arm.bot_only and arm.rules is not None:
            problems.append(
                sources.problem(
                    ("experiment", "arms", name, "bot_only"),
                    f"arm {name!r} is bot_only and also names a rules file",
                    "a bot-only arm routes with this file's red lines only: remove 'rules:' "
                    "(or 'bot_only: true' to route with that file)",
                )
            )
        if arm.rules is not None and name not in arms and name not in failed:
            key: KeyPath = ("experiment", "arms", name, "rules")
            problems.append(not_loaded(sources, key, arm.rules, f"arm {name!r}"))
        if arm.bot_only and not any(lane.kind == "bot" for lane in main.ruleset.lanes.values()):
            problems.append(
                sources.problem(
                    ("experiment", "arms", name, "bot_only"),
                    f"arm {name!r} is bot_only, but the rule set has no bot lane to keep "
                    "its customers in",
                    "add a lane of kind bot (usually the default_lane)",
                )
            )
    if problems:
        return problems
    control = experiment.control if experiment.control is not None else names[0]
    reference = arms.get(control, main)
    if control in failed:
        return problems
    for name in names:
        other = arms.get(name, main)
        if name != control and name not in failed and other is not reference:
            problems.extend(_differences(reference, control, other, name))
    return problems


def not_loaded(sources: SourceMap, key: KeyPath, value: str, what: str) -> Problem:
    """The problem for a rules file an arm or shadow names that was not loaded with the rule
    set (rules built in Python or read from text, or a file that failed on its own)."""
    target, message, hint = resolve_companion(sources.locate(key).file, value)
    if target is None:
        return sources.problem(key, f"{what}: {message}", hint)
    return sources.problem(
        key,
        f"{what}: the rules file {value!r} was not loaded with this rule set",
        "load the rules with handoff.rules.load_rules (Router.from_path), which reads it",
    )


def _where(rules: _Rules, path: KeyPath) -> str:
    found = rules.sources.locate(path)
    return f"{Path(found.file).name}:{found.line}"


def _differences(control: _Rules, control_name: str, arm: _Rules, arm_name: str) -> list[Problem]:
    """How ``arm``'s red lines (and what they depend on) differ from ``control``'s."""
    fix = (
        f"red lines must be identical in every arm: make this match the control arm "
        f"{control_name!r} (or change the red line in every arm)"
    )
    problems: list[Problem] = []
    theirs = {r.id: (i, r) for i, r in enumerate(control.ruleset.rules) if r.red_line}
    ours = {r.id: (i, r) for i, r in enumerate(arm.ruleset.rules) if r.red_line}
    all_ours = {r.id: i for i, r in enumerate(arm.ruleset.rules)}
    for rule_id, (index, _) in theirs.items():
        if rule_id in ours:
            continue
        where = _where(control, ("rules", index))
        if rule_id in all_ours:
            path: KeyPath = ("rules", all_ours[rule_id], "red_line")
            message = f"rule {rule_id!r} is not a red line in arm {arm_name!r}"
        else:
            path = ("rules",)
            message = f"red-line rule {rule_id!r} is missing from arm {arm_name!r}"
        problems.append(
            arm.sources.problem(path, f"{message}; the control arm has it at {where}", fix)
        )
    for rule_id, (index, _) in ours.items():
        if rule_id not in theirs:
            problems.append(
                arm.sources.problem(
                    ("rules", index, "red_line"),
                    f"red-line rule {rule_id!r} of arm {arm_name!r} is not a red line in the "
                    f"control arm {control_name!r}",
                    fix,
                )
            )
    common_theirs = [rid for rid in theirs if rid in ours]
    common_ours = [rid for rid in ours if rid in theirs]
    if common_theirs != common_ours:
        first = next(a for a, b in zip(common_ours, common_theirs, strict=True) if a != b)
        problems.append(
            arm.sources.problem(
                ("rules", ours[first][0]),
                f"arm {arm_name!r} tries its red lines in another order than the control "
                f"arm ({', '.join(common_ours)} instead of {', '.join(common_theirs)}); the "
                "first that matches decides",
                fix,
            )
        )
    lanes_done: set[str] = set()
    settings_done: set[str] = set()
    for rule_id in common_theirs:
        index, rule = ours[rule_id]
        _, reference = theirs[rule_id]
        where = _where(control, ("rules", theirs[rule_id][0]))
        if control.nodes[rule_id] != arm.nodes[rule_id]:
            problems.append(
                arm.sources.problem(
                    ("rules", index, "when"),
                    f"red-line rule {rule_id!r} tests other conditions in arm {arm_name!r} "
                    f"than in the control arm ({where})",
                    fix,
                )
            )
        for attribute in ("lane", "priority"):
            if getattr(rule, attribute) != getattr(reference, attribute):
                problems.append(
                    arm.sources.problem(
                        ("rules", index, attribute),
                        f"red-line rule {rule_id!r} has {attribute} "
                        f"{getattr(rule, attribute)!r} in arm {arm_name!r} but "
                        f"{getattr(reference, attribute)!r} in the control arm ({where})",
                        fix,
                    )
                )
        if rule.lane == reference.lane:
            problems.extend(
                _lane_chain(
                    control,
                    arm,
                    arm_name,
                    rule,
                    done=lanes_done,
                    fix=fix,
                    why=f"where red-line rule {rule_id!r} routes",
                )
            )
        for signal in sorted(set(signals_used(control.nodes[rule_id]))):
            for setting in _SIGNAL_DEPENDS.get(signal, ()):
                if setting in settings_done:
                    continue
                mine = getattr(arm.ruleset.settings, setting)
                if mine != getattr(control.ruleset.settings, setting):
                    settings_done.add(setting)
                    problems.append(
                        arm.sources.problem(
                            ("settings", setting),
                            f"settings.{setting} differs from the control arm's, and red-line "
                            f"rule {rule_id!r} tests {signal}, which depends on it",
                            fix,
                        )
                    )
    for lane_id, lane in control.ruleset.lanes.items():
        if lane.kind == "override" and lane_id not in lanes_done:
            lanes_done.add(lane_id)
            problems.extend(
                _lane_difference(
                    control, arm, arm_name, lane_id, why="a supervisor-override lane", fix=fix
                )
            )
    return problems


def _lane_chain(
    control: _Rules,
    arm: _Rules,
    arm_name: str,
    rule: Rule,
    *,
    done: set[str],
    fix: str,
    why: str,
) -> list[Problem]:
    """Differences in the lane ``rule`` routes to and the lanes it falls back to."""
    problems: list[Problem] = []
    lane_id: str | None = rule.lane
    while lane_id is not None and lane_id not in done:
        done.add(lane_id)
        found = _lane_difference(control, arm, arm_name, lane_id, why=why, fix=fix)
        problems.extend(found)
        lane = control.ruleset.lanes.get(lane_id)
        lane_id = lane.fallback if lane is not None and not found else None
    return problems


def _lane_difference(
    control: _Rules, arm: _Rules, arm_name: str, lane_id: str, *, why: str, fix: str
) -> list[Problem]:
    theirs = control.ruleset.lanes.get(lane_id)
    ours = arm.ruleset.lanes.get(lane_id)
    if theirs is None or theirs == ours:
        return []
    where = _where(control, ("lanes", lane_id))
    if ours is None:
        return [
            arm.sources.problem(
                ("lanes",),
                f"lane {lane_id!r} ({why}) is missing from arm {arm_name!r}; the control arm "
                f"defines it at {where}",
                fix,
            )
        ]
    fields = [
        name for name in type(theirs).model_fields if getattr(theirs, name) != getattr(ours, name)
    ]
    return [
        arm.sources.problem(
            ("lanes", lane_id),
            f"lane {lane_id!r} ({why}) is defined differently in arm {arm_name!r} than in "
            f"the control arm ({where}): {', '.join(fields)} differ",
            fix,
        )
    ]
