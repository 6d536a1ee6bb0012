"""What changed between two compiled rule sets, in routing terms: each change with the lanes
whose traffic it can change and the kinds of change it is (who must approve it).

Pure: it reads two :class:`CompiledRules` and returns plain data. ``handoff diff`` prints it;
the governance store keeps it beside every proposal and publication and classifies it into
:data:`KINDS` (``red_lines``, ``override_lanes``, ``lanes``, ``rules``, ``settings``,
``experiments``) to find which approvals a change needs. Classification errs on the safe
side: a change that touches a red line or an override lane in any way counts as one.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
from pydantic import BaseModel

from handoff.graph.compile import CompiledRules, node_id
from handoff.graph.conditions import Atom, Node, normalise
from handoff.graph.experiment import _SIGNAL_DEPENDS, signals_used

__all__ = ["KINDS", "Change", "kinds_of", "semantic_diff"]

# Every kind of change (the order requirements and to_dict list them in).
KINDS: tuple[str, ...] = (
    "red_lines",
    "override_lanes",
    "lanes",
    "rules",
    "settings",
    "experiments",
)

# Edges a customer can travel along: rule → next rule / lane, lane → fallback lane.
_FLOW = ("else", "match", "fallback")
# Settings that name a lane (a key of the flattened settings).
_LANE_SETTINGS = ("default_lane", "safe_lane", "when_storage_fails.lane")


@dataclass(frozen=True)
class Change:
    """One difference, with the lanes whose traffic it can change and its kinds.

    ``section`` is what changed (``settings``, ``lanes``, ``named conditions``, ``rules``,
    ``experiments``), ``mark`` ``+`` added, ``-`` removed or ``~`` changed, ``details`` the
    field-by-field differences, ``kinds`` a subset of :data:`KINDS`.
    """

    section: str
    mark: str  # "+", "-" or "~"
    subject: str
    details: tuple[str, ...] = ()
    lanes: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        """JSON-able, with lanes sorted and kinds in :data:`KINDS` order."""
        return {
            "section": self.section,
            "mark": self.mark,
            "subject": self.subject,
            "details": list(self.details),
            "lanes": sorted(self.lanes),
            "kinds": [kind for kind in KINDS if kind in self.kinds],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Change:
        """The inverse of :meth:`to_dict` (ValueError on anything else)."""
        try:
            change = cls(
                section=str(data["section"]),
                mark=str(data["mark"]),
                subject=str(data["subject"]),
                details=tuple(str(d) for d in data.get("details", ())),
                lanes=frozenset(str(lane) for lane in data.get("lanes", ())),
                kinds=frozenset(str(kind) for kind in data.get("kinds", ())),
            )
        except (KeyError, TypeError) as error:
            raise ValueError(f"not a change: {error}") from None
        if change.mark not in ("+", "-", "~") or not change.kinds <= set(KINDS):
            raise ValueError(f"not a change: mark {change.mark!r}, kinds {sorted(change.kinds)}")
        return change


def kinds_of(changes: Iterable[Change]) -> frozenset[str]:
    """Every kind the changes are."""
    return frozenset().union(*(change.kinds for change in changes))


def semantic_diff(before: CompiledRules, after: CompiledRules) -> list[Change]:
    """What changed from ``before`` to ``after`` by meaning, not text: settings, lanes (field
    by field), named conditions and rule conditions compared test by test (a changed
    threshold shows as "frustration gte 0.7 → 0.6"), rules added, removed or reordered, and
    experiments and shadow rules (their blocks and their rules files). Formatting, comments
    and key order do not count. Empty when the two route alike."""
    sides = (_Side(before), _Side(after))
    return [
        *_settings(before, after, sides),
        *_lanes(before, after, sides),
        *_conditions(before, after, sides),
        *_rules(before, after, sides),
        *_experiments(before, after),
    ]


# --------------------------------------------------------------------------- classification


class _Side:
    """What makes a change sensitive in one rule set: its red lines, the lanes they route to
    (with their fallback chains), the settings behind the signals they test, and its
    override lanes."""

    def __init__(self, compiled: CompiledRules) -> None:
        ruleset = compiled.ruleset
        self.red_rules = frozenset(rule.id for rule in ruleset.rules if rule.red_line)
        lanes = ruleset.lanes
        red_lanes: set[str] = set()
        red_settings: set[str] = set()
        for rule in ruleset.rules:
            if not rule.red_line:
                continue
            lane_id: str | None = rule.lane
            while lane_id is not None and lane_id not in red_lanes:
                red_lanes.add(lane_id)
                lane = lanes.get(lane_id)
                lane_id = lane.fallback if lane is not None else None
            node = compiled.nodes.get(rule.id)
            if node is not None:
                for signal in signals_used(node):
                    red_settings.update(_SIGNAL_DEPENDS.get(signal, ()))
        self.red_lanes = frozenset(red_lanes)
        self.red_settings = frozenset(red_settings)
        self.override_lanes = frozenset(i for i, lane in lanes.items() if lane.kind == "override")
        self.rule_lanes = {rule.id: rule.lane for rule in ruleset.rules}


def _kinds(base: str, *, red_line: bool = False, override: bool = False) -> frozenset[str]:
    kinds = {base}
    if red_line:
        kinds.add("red_lines")
    if override:
        kinds.add("override_lanes")
    return frozenset(kinds)


# --------------------------------------------------------------------------- helpers


def _downstream(compiled: CompiledRules, start: str) -> frozenset[str]:
    """Lanes a customer can end up in from graph node ``start`` (itself if it is a lane)."""
    graph = compiled.graph
    if start not in graph:
        return frozenset()
    flow = nx.subgraph_view(graph, filter_edge=lambda u, v: graph[u][v]["kind"] in _FLOW)
    nodes = {start} | nx.descendants(flow, start)
    return frozenset(n.split(":", 1)[1] for n in nodes if str(n).startswith("lane:"))


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Nested model data → {"hours.open": "08:00", ...} for field-by-field comparison."""
    if isinstance(value, Mapping):
        flat: dict[str, Any] = {}
        for key in sorted(value, key=str):
            flat.update(_flatten(value[key], f"{prefix}.{key}" if prefix else str(key)))
        return flat
    return {prefix: value}


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _changed_keys(old: Any, new: Any) -> list[tuple[str, Any, Any]]:
    a, b = _flatten(old), _flatten(new)
    return [
        (key, a.get(key), b.get(key)) for key in sorted(set(a) | set(b)) if a.get(key) != b.get(key)
    ]


def _field_changes(old: Any, new: Any) -> list[str]:
    return [f"{key}: {_show(a)} → {_show(b)}" for key, a, b in _changed_keys(old, new)]


# --------------------------------------------------------------------------- sections


def _settings(
    before: CompiledRules, after: CompiledRules, sides: tuple[_Side, _Side]
) -> list[Change]:
    old = before.ruleset.settings.model_dump(mode="json", by_alias=True)
    new = after.ruleset.settings.model_dump(mode="json", by_alias=True)
    changed = _changed_keys(old, new)
    if not changed:
        return []
    lanes: set[str] = set()
    red_line = override = False
    for key, was, now in changed:
        if key == "default_lane":
            lanes |= {old[key], new[key]}
        elif key == "safe_lane":
            lanes |= _downstream(before, node_id("lane", old[key]))
            lanes |= _downstream(after, node_id("lane", new[key]))
        else:  # signals and anti-flapping change every decision
            lanes |= set(before.ruleset.lanes) | set(after.ruleset.lanes)
        if key in _LANE_SETTINGS:
            override |= was in sides[0].override_lanes or now in sides[1].override_lanes
        top = key.split(".", 1)[0]
        red_line |= top in sides[0].red_settings or top in sides[1].red_settings
    details = tuple(f"{key}: {_show(a)} → {_show(b)}" for key, a, b in changed)
    kinds = _kinds("settings", red_line=red_line, override=override)
    return [Change("settings", "~", "settings", details, frozenset(lanes), kinds)]


def _lanes(before: CompiledRules, after: CompiledRules, sides: tuple[_Side, _Side]) -> list[Change]:
    old, new = before.ruleset.lanes, after.ruleset.lanes
    changes: list[Change] = []
    for lane_id in sorted(set(old) | set(new)):
        kinds = _kinds(
            "lanes",
            red_line=any(lane_id in side.red_lanes for side in sides),
            override=any(lane_id in side.override_lanes for side in sides),
        )
        only = frozenset([lane_id])
        if lane_id not in new:
            changes.append(Change("lanes", "-", f"{lane_id}: removed", lanes=only, kinds=kinds))
        elif lane_id not in old:
            changes.append(Change("lanes", "+", f"{lane_id}: added", lanes=only, kinds=kinds))
        else:
            details = _field_changes(
                old[lane_id].model_dump(mode="json", by_alias=True),
                new[lane_id].model_dump(mode="json", by_alias=True),
            )
            if details:
                lanes = _downstream(before, node_id("lane", lane_id)) | _downstream(
                    after, node_id("lane", lane_id)
                )
                changes.append(Change("lanes", "~", lane_id, tuple(details), lanes, kinds))
    return changes


def _atoms(node: Node, context: str = "") -> list[tuple[str, Atom]]:
    """Every test of a normalised condition, with where it sits (``any``/``not``)."""
    if node.kind == "atom":
        assert node.atom is not None
        return [(context, node.atom)]
    inner = {"and": context, "or": f"{context}any ", "not": f"{context}not "}[node.kind]
    found: list[tuple[str, Atom]] = []
    for item in node.items:
        found.extend(_atoms(item, inner))
    return found


def _atom_value(value: Any) -> str:
    if isinstance(value, frozenset):
        return "[" + ", ".join(sorted(_show(v) for v in value)) + "]"
    if isinstance(value, tuple):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return _show(value)


def _condition_changes(old: Node, new: Node) -> list[str]:
    """Tests compared one by one: a changed value of the same test is a threshold change."""
    groups: dict[tuple[str, str, str], list[list[Any]]] = defaultdict(lambda: [[], []])
    for side, node in enumerate((old, new)):
        for context, atom in _atoms(node):
            groups[(context, atom.label, atom.op)][side].append(atom.value)
    details: list[str] = []
    for (context, signal, op), (was, now) in sorted(groups.items()):
        name = f"{context}{signal} {op}"
        removed = [v for v in was if v not in now]
        added = [v for v in now if v not in was]
        if len(removed) == 1 and len(added) == 1:
            label = "threshold" if isinstance(added[0], float | tuple) else "value"
            details.append(f"{label} {name}: {_atom_value(removed[0])} → {_atom_value(added[0])}")
            continue
        details.extend(f"test removed: {name} {_atom_value(v)}" for v in removed)
        details.extend(f"test added: {name} {_atom_value(v)}" for v in added)
    return details


def _conditions(
    before: CompiledRules, after: CompiledRules, sides: tuple[_Side, _Side]
) -> list[Change]:
    old, new = before.ruleset.conditions, after.ruleset.conditions
    changes: list[Change] = []
    for name in sorted(set(old) | set(new)):
        users_before = _users(before, name)
        users_after = _users(after, name)
        users = [(0, u) for u in users_before] + [(1, u) for u in users_after]
        kinds = _kinds(
            "rules",
            red_line=any(u.split(":", 1)[1] in sides[i].red_rules for i, u in users),
            override=any(
                sides[i].rule_lanes.get(u.split(":", 1)[1]) in sides[i].override_lanes
                for i, u in users
            ),
        )
        if name not in new:
            changes.append(Change("named conditions", "-", f"{name}: removed", kinds=kinds))
        elif name not in old:
            changes.append(Change("named conditions", "+", f"{name}: added", kinds=kinds))
        else:
            details = _condition_changes(normalise(old[name], old), normalise(new[name], new))
            if details:
                lanes = frozenset().union(
                    *(_downstream(before, u) for u in users_before),
                    *(_downstream(after, u) for u in users_after),
                )
                changes.append(Change("named conditions", "~", name, tuple(details), lanes, kinds))
    return changes


def _users(compiled: CompiledRules, condition: str) -> list[str]:
    """Rule nodes that use a named condition, directly or through other named conditions."""
    graph = compiled.graph
    target = node_id("condition", condition)
    if target not in graph:
        return []
    uses = nx.subgraph_view(graph, filter_edge=lambda u, v: graph[u][v]["kind"] == "uses")
    return sorted(n for n in nx.ancestors(uses, target) if str(n).startswith("rule:"))


def _order(compiled: CompiledRules) -> list[str]:
    """Rule ids in evaluation order: red lines first, then the rest, each in file order."""
    rules = compiled.ruleset.rules
    return [r.id for r in sorted(rules, key=lambda r: not r.red_line)]


def _rule_kinds(rule_ids: Iterable[str], sides: tuple[_Side, _Side]) -> frozenset[str]:
    ids = list(rule_ids)
    return _kinds(
        "rules",
        red_line=any(r in side.red_rules for side in sides for r in ids),
        override=any(side.rule_lanes.get(r) in side.override_lanes for side in sides for r in ids),
    )


def _rules(before: CompiledRules, after: CompiledRules, sides: tuple[_Side, _Side]) -> list[Change]:
    old = {r.id: r for r in before.ruleset.rules}
    new = {r.id: r for r in after.ruleset.rules}
    changes: list[Change] = []
    for rule_id in [*_order(before), *(r for r in _order(after) if r not in old)]:
        rule_node = node_id("rule", rule_id)
        kinds = _rule_kinds([rule_id], sides)
        if rule_id not in new:
            lanes = _downstream(before, rule_node)
            changes.append(Change("rules", "-", f"{rule_id}: removed", (), lanes, kinds))
            continue
        if rule_id not in old:
            lanes = _downstream(after, rule_node)
            changes.append(Change("rules", "+", f"{rule_id}: added", (), lanes, kinds))
            continue
        a, b = old[rule_id], new[rule_id]
        plain = ("lane", "severity", "red_line", "priority", "reason", "description")
        details = [
            f"{key}: {_show(getattr(a, key))} → {_show(getattr(b, key))}"
            for key in plain
            if getattr(a, key) != getattr(b, key)
        ]
        details += _condition_changes(before.nodes[rule_id], after.nodes[rule_id])
        if details:
            lanes = _downstream(before, rule_node) | _downstream(after, rule_node)
            changes.append(Change("rules", "~", rule_id, tuple(details), lanes, kinds))
    changes.extend(_reordered(before, after, sides))
    return changes


def _reordered(
    before: CompiledRules, after: CompiledRules, sides: tuple[_Side, _Side]
) -> Iterable[Change]:
    """Rules kept in both whose place in the evaluation order moved."""
    old_order, new_order = _order(before), _order(after)
    common = set(old_order) & set(new_order)
    a = [r for r in old_order if r in common]
    b = [r for r in new_order if r in common]
    if a == b:
        return []
    kept: set[str] = set()
    for block in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks():
        kept.update(a[block.a : block.a + block.size])
    moved = [r for r in b if r not in kept]
    details = tuple(f"{r}: position {a.index(r) + 1} → {b.index(r) + 1}" for r in moved)
    lanes = frozenset().union(
        *(_downstream(before, node_id("rule", r)) | _downstream(after, node_id("rule", r))
          for r in moved)
    )  # fmt: skip
    kinds = _rule_kinds(moved, sides)
    return [Change("rules", "~", "order changed (first match wins)", details, lanes, kinds)]


# --------------------------------------------------------------------------- experiments


def _all_lanes(*sides: CompiledRules | None) -> frozenset[str]:
    lanes: set[str] = set()
    for compiled in sides:
        if compiled is not None:
            lanes.update(compiled.ruleset.lanes)
            for arm in compiled.arms.values():
                lanes.update(arm.ruleset.lanes)
    return frozenset(lanes)


def _block_change(
    subject: str, old_block: BaseModel | None, new_block: BaseModel | None, lanes: frozenset[str]
) -> list[Change]:
    kinds = frozenset({"experiments"})
    if old_block == new_block:
        return []
    if old_block is None:  # what approvers need to see: the arms, shares and files
        assert new_block is not None
        written = new_block.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        details = tuple(f"{key}: {_show(value)}" for key, value in _flatten(written).items())
        return [Change("experiments", "+", f"{subject}: added", details, lanes, kinds)]
    if new_block is None:
        return [Change("experiments", "-", f"{subject}: removed", (), lanes, kinds)]
    details = tuple(
        _field_changes(
            old_block.model_dump(mode="json", by_alias=True),
            new_block.model_dump(mode="json", by_alias=True),
        )
    )
    return [Change("experiments", "~", subject, details, lanes, kinds)]


def _nested(
    subject: str, old: CompiledRules, new: CompiledRules, *, keep_sensitive: bool
) -> list[Change]:
    """An arm's or the shadow's rules file changed: its own diff, folded into one change.
    An arm's red lines and override lanes route real customers, so they keep their kinds;
    the shadow routes nobody."""
    inner = semantic_diff(old, new)
    if not inner:
        return []
    details: list[str] = []
    for change in inner:
        details.append(f"{change.section}: {change.mark} {change.subject}")
        details.extend(f"  {detail}" for detail in change.details)
    kinds = {"experiments"}
    if keep_sensitive:
        kinds |= kinds_of(inner) & {"red_lines", "override_lanes"}
    lanes = frozenset().union(*(change.lanes for change in inner))
    return [Change("experiments", "~", subject, tuple(details), lanes, frozenset(kinds))]


def _experiments(before: CompiledRules, after: CompiledRules) -> list[Change]:
    old_experiment, new_experiment = before.ruleset.experiment, after.ruleset.experiment
    everywhere = _all_lanes(before, after)
    changes: list[Change] = []
    ids = {e.id for e in (old_experiment, new_experiment) if e is not None}
    subject = f"experiment {ids.pop()}" if len(ids) == 1 else "experiment"
    changes += _block_change(subject, old_experiment, new_experiment, everywhere)
    for name in _arm_names(before, after):
        old_arm, new_arm = before.arms.get(name), after.arms.get(name)
        if old_arm is not None and new_arm is not None:
            changes += _nested(f"arm {name}: rules", old_arm, new_arm, keep_sensitive=True)
    changes += _block_change(
        "shadow",
        before.ruleset.shadow,
        after.ruleset.shadow,
        frozenset(),  # the shadow routes nobody
    )
    if before.shadow is not None and after.shadow is not None:
        changes += [
            Change(c.section, c.mark, c.subject, c.details, frozenset(), c.kinds)
            for c in _nested("shadow: rules", before.shadow, after.shadow, keep_sensitive=False)
        ]
    return changes


def _arm_names(before: CompiledRules, after: CompiledRules) -> Iterator[str]:
    seen: set[str] = set()
    for compiled in (before, after):
        for name in compiled.arms:
            if name not in seen:
                seen.add(name)
                yield name
