"""``handoff diff``: what changed between two rule sets, in routing terms, and which lanes
each change can affect."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import networkx as nx
from rich.text import Text

from handoff.cli._app import EXISTING, cli, console, guard, load_router
from handoff.graph.compile import CompiledRules, node_id
from handoff.graph.conditions import Atom, Node, normalise

# Edges a customer can travel along: rule → next rule / lane, lane → fallback lane.
_FLOW = ("else", "match", "fallback")


@dataclass
class Change:
    """One difference, with the lanes whose traffic it can change."""

    section: str
    mark: str  # "+", "-" or "~"
    subject: str
    details: list[str] = field(default_factory=list)
    lanes: frozenset[str] = frozenset()


@cli.command()
@click.argument("old", type=EXISTING)
@click.argument("new", type=EXISTING)
@guard
def diff(old: Path, new: Path) -> int:
    """Compare two rule sets by meaning, not by text.

    Reports lanes added, removed or changed (field by field), named conditions and rule
    conditions compared test by test (so a changed threshold shows as "frustration gte
    0.7 → 0.6"), rules added, removed or reordered, and settings, each with the lanes
    whose traffic it can change (the rule's lane and every lane a customer could reach
    after it). Formatting, comments and key order do not count.

    \b
    Example:
      $ handoff diff rules/default.yaml new-default.yaml
      lanes
        - callback: removed
      ...
    """
    before = load_router(old).compiled
    after = load_router(new).compiled
    changes = [
        *_settings(before, after),
        *_lanes(before, after),
        *_conditions(before, after),
        *_rules(before, after),
    ]
    out = console()
    out.print(Text.assemble(("old ", "bold"), f"{old} (version {before.version})"))
    out.print(Text.assemble(("new ", "bold"), f"{new} (version {after.version})"))
    if not changes:
        out.print("no changes in routing", style="green")
        return 0
    style = {"+": "green", "-": "red", "~": "yellow"}
    section = ""
    for change in changes:
        if change.section != section:
            section = change.section
            out.print(section, style="bold")
        out.print(Text.assemble(f"  {change.mark} ", (change.subject, style[change.mark])))
        for detail in change.details:
            out.print(f"      {detail}")
        if change.lanes:
            out.print(f"      can affect: {', '.join(sorted(change.lanes))}", style="dim")
    out.print(f"{len(changes)} change{'s' if len(changes) != 1 else ''}")
    return 0


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


def _field_changes(old: Any, new: Any) -> list[str]:
    a, b = _flatten(old), _flatten(new)
    return [
        f"{key}: {_show(a.get(key))} → {_show(b.get(key))}"
        for key in sorted(set(a) | set(b))
        if a.get(key) != b.get(key)
    ]


# --------------------------------------------------------------------------- sections


def _settings(before: CompiledRules, after: CompiledRules) -> list[Change]:
    old = before.ruleset.settings.model_dump(mode="json", by_alias=True)
    new = after.ruleset.settings.model_dump(mode="json", by_alias=True)
    details = _field_changes(old, new)
    if not details:
        return []
    lanes: set[str] = set()
    for detail in details:
        key = detail.split(":", 1)[0]
        if key == "default_lane":
            lanes |= {old[key], new[key]}
        elif key == "safe_lane":
            lanes |= _downstream(before, node_id("lane", old[key]))
            lanes |= _downstream(after, node_id("lane", new[key]))
        else:  # signals and anti-flapping change every decision
            lanes |= set(before.ruleset.lanes) | set(after.ruleset.lanes)
    return [Change("settings", "~", "settings", details, frozenset(lanes))]


def _lanes(before: CompiledRules, after: CompiledRules) -> list[Change]:
    old, new = before.ruleset.lanes, after.ruleset.lanes
    changes: list[Change] = []
    for lane_id in sorted(set(old) | set(new)):
        if lane_id not in new:
            changes.append(Change("lanes", "-", f"{lane_id}: removed", lanes=frozenset([lane_id])))
        elif lane_id not in old:
            changes.append(Change("lanes", "+", f"{lane_id}: added", lanes=frozenset([lane_id])))
        else:
            details = _field_changes(
                old[lane_id].model_dump(mode="json", by_alias=True),
                new[lane_id].model_dump(mode="json", by_alias=True),
            )
            if details:
                lanes = _downstream(before, node_id("lane", lane_id)) | _downstream(
                    after, node_id("lane", lane_id)
                )
                changes.append(Change("lanes", "~", lane_id, details, lanes))
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


def _conditions(before: CompiledRules, after: CompiledRules) -> list[Change]:
    old, new = before.ruleset.conditions, after.ruleset.conditions
    changes: list[Change] = []
    for name in sorted(set(old) | set(new)):
        users_before = _users(before, name)
        users_after = _users(after, name)
        if name not in new:
            changes.append(Change("named conditions", "-", f"{name}: removed"))
        elif name not in old:
            changes.append(Change("named conditions", "+", f"{name}: added"))
        else:
            details = _condition_changes(normalise(old[name], old), normalise(new[name], new))
            if details:
                lanes = frozenset().union(
                    *(_downstream(before, u) for u in users_before),
                    *(_downstream(after, u) for u in users_after),
                )
                changes.append(Change("named conditions", "~", name, details, lanes))
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


def _rules(before: CompiledRules, after: CompiledRules) -> list[Change]:
    old = {r.id: r for r in before.ruleset.rules}
    new = {r.id: r for r in after.ruleset.rules}
    changes: list[Change] = []
    for rule_id in [*_order(before), *(r for r in _order(after) if r not in old)]:
        rule_node = node_id("rule", rule_id)
        if rule_id not in new:
            lanes = _downstream(before, rule_node)
            changes.append(Change("rules", "-", f"{rule_id}: removed", lanes=lanes))
            continue
        if rule_id not in old:
            lanes = _downstream(after, rule_node)
            changes.append(Change("rules", "+", f"{rule_id}: added", lanes=lanes))
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
            changes.append(Change("rules", "~", rule_id, details, lanes))
    changes.extend(_reordered(before, after))
    return changes


def _reordered(before: CompiledRules, after: CompiledRules) -> Iterable[Change]:
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
    details = [f"{r}: position {a.index(r) + 1} → {b.index(r) + 1}" for r in moved]
    lanes = frozenset().union(
        *(_downstream(before, node_id("rule", r)) | _downstream(after, node_id("rule", r))
          for r in moved)
    )  # fmt: skip
    return [Change("rules", "~", "order changed (first match wins)", details, lanes)]
