"""The flat, immutable evaluation plan: closures over a positional signal vector.

Nothing here touches networkx or looks a signal up by name per turn: ``to_vector`` reads
every signal once with one ``attrgetter`` call, each atom is a closure over a fixed slot,
and rules guarded by an equality (``intent: {in: [...]}``) sit in per-value buckets so a
rule set of 1,000 intent rules costs about what 10 do.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from handoff.graph.conditions import Atom, Node
from handoff.models.signals import SIGNAL_KINDS, Signals

__all__ = ["SLOT", "CompiledRule", "Plan", "Vector", "compile_node", "to_vector"]

Vector = tuple[Any, ...]
Predicate = Callable[[Vector], bool]

SLOT: Mapping[str, int] = MappingProxyType({name: i for i, name in enumerate(SIGNAL_KINDS)})
_getter = operator.attrgetter(*SIGNAL_KINDS)


def to_vector(signals: Signals) -> Vector:
    """Every rule-visible signal, in catalog order."""
    vector: Vector = _getter(signals)
    return vector


def _compile_atom(atom: Atom) -> Predicate:
    if atom.key is not None:
        return _compile_group_atom(atom)
    i = SLOT[atom.signal]
    v = atom.value
    op = atom.op
    if op == "lt":
        return lambda x: x[i] < v
    if op == "lte":
        return lambda x: x[i] <= v
    if op == "gt":
        return lambda x: x[i] > v
    if op == "gte":
        return lambda x: x[i] >= v
    if op == "eq":
        return lambda x: x[i] == v
    if op == "in":
        return lambda x: x[i] in v
    if op == "between":
        low, high = v
        return lambda x: low <= x[i] <= high
    if op == "contains":
        if isinstance(v, str):
            return lambda x: v in x[i]
        if len(v) == 1:
            (item,) = v
            return lambda x: item in x[i]
        return lambda x: v <= x[i]
    if op == "contains_any":
        return lambda x: not v.isdisjoint(x[i])
    raise ValueError(f"unknown operator {op!r}")  # pragma: no cover  (closed set)


_COMPARE: Mapping[str, Callable[[Any, Any], bool]] = MappingProxyType(
    {
        "lt": operator.lt,
        "lte": operator.le,
        "gt": operator.gt,
        "gte": operator.ge,
        "eq": operator.eq,
        "in": lambda observed, allowed: observed in allowed,
        "between": lambda observed, bounds: bounds[0] <= observed <= bounds[1],
    }
)


def _compile_group_atom(atom: Atom) -> Predicate:
    """A numeric test on one group of a group signal (a mapping group -> number); a group
    missing from the mapping reads as NaN, so every comparison on it is False."""
    i, key, v, compare = SLOT[atom.signal], atom.key, atom.value, _COMPARE[atom.op]
    nan = math.nan
    return lambda x: compare(x[i].get(key, nan), v)


def compile_node(node: Node) -> Predicate:
    """Node → one predicate; small and/or nodes are unrolled to avoid generator overhead."""
    if node.kind == "atom":
        assert node.atom is not None
        return _compile_atom(node.atom)
    parts = tuple(compile_node(item) for item in node.items)
    if node.kind == "not":
        (inner,) = parts
        return lambda x: not inner(x)
    if node.kind == "and":
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            a, b = parts
            return lambda x: a(x) and b(x)
        if len(parts) == 3:
            a, b, c = parts
            return lambda x: a(x) and b(x) and c(x)
        return lambda x: all(p(x) for p in parts)
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        a, b = parts
        return lambda x: a(x) or b(x)
    return lambda x: any(p(x) for p in parts)


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """One rule, ready to run."""

    position: int  # order in the rule set (0-based), red lines included
    id: str
    test: Predicate
    lane: str
    severity: str
    red_line: bool
    priority: int | None
    node: Node  # kept for explanations only
    reason: str


@dataclass(frozen=True, slots=True)
class Plan:
    """Red-line rules first, then the ordered rules, bucketed by one equality signal."""

    red_lines: tuple[CompiledRule, ...]
    rules: tuple[CompiledRule, ...]
    index_signal: str | None
    index_slot: int
    buckets: Mapping[Any, tuple[CompiledRule, ...]]
    unguarded: tuple[CompiledRule, ...]

    def candidates(self, vector: Vector) -> tuple[CompiledRule, ...]:
        """The ordered rules that can match this vector (a superset of those that do)."""
        if self.index_signal is None:
            return self.rules
        return self.buckets.get(vector[self.index_slot], self.unguarded)

    @classmethod
    def build(cls, rules: Sequence[CompiledRule]) -> Plan:
        """Split red lines off and index the rest on the most useful equality signal."""
        red = tuple(r for r in rules if r.red_line)
        ordered = tuple(r for r in rules if not r.red_line)
        guards = {r.id: _guards(r.node) for r in ordered}
        counts: dict[str, int] = {}
        for found in guards.values():
            for signal in found:
                counts[signal] = counts.get(signal, 0) + 1
        # Index only when it prunes something: at least two rules guarded on one signal.
        best = max(counts, key=lambda s: (counts[s], s == "intent"), default=None)
        if best is None or counts[best] < 2:
            return cls(red, ordered, None, -1, MappingProxyType({}), ordered)
        buckets: dict[Any, list[CompiledRule]] = {}
        unguarded: list[CompiledRule] = []
        for rule in ordered:
            values = guards[rule.id].get(best)
            if values is None:
                unguarded.append(rule)
                for bucket in buckets.values():
                    bucket.append(rule)
                continue
            for value in values:
                # A new bucket starts with every unguarded rule seen so far, in order.
                if value not in buckets:  # (not setdefault: that copies every time)
                    buckets[value] = list(unguarded)
                buckets[value].append(rule)
        frozen = MappingProxyType({k: tuple(v) for k, v in buckets.items()})
        return cls(red, ordered, best, SLOT[best], frozen, tuple(unguarded))


def _guards(node: Node) -> dict[str, frozenset[Any]]:
    """Equality constraints every match must satisfy: signal → allowed values."""
    items = node.items if node.kind == "and" else (node,)
    found: dict[str, frozenset[Any]] = {}
    for item in items:
        atom = item.atom
        if item.kind != "atom" or atom is None:
            continue
        if SIGNAL_KINDS[atom.signal] not in ("text", "bool") or atom.op not in ("eq", "in"):
            continue
        values = frozenset([atom.value]) if atom.op == "eq" else frozenset(atom.value)
        found[atom.signal] = found[atom.signal] & values if atom.signal in found else values
    return found
