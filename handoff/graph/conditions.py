"""Conditions as a small algebra: normalised atoms, implication (for shadowing), and the
reference interpreter used to explain a decision check by check."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from handoff.models.decision import Check
from handoff.models.rules import BoolTest, Condition, GroupTest, NumberTest, SetTest, TextTest
from handoff.models.signals import SIGNAL_KINDS, Signals

__all__ = [
    "Atom",
    "Node",
    "explain",
    "fact_signals",
    "implies",
    "normalise",
    "required_signals",
    "satisfiable",
    "signal_tests",
]

LOGICAL = ("all", "any", "not_", "condition")


@dataclass(frozen=True)
class Atom:
    """One operator on one signal, e.g. ``frustration gte 0.7``; ``key`` names the intent
    group of a group signal (``intent_group_mass[fraud] gte 0.5``)."""

    signal: str
    op: str
    value: Any
    key: str | None = None

    @property
    def label(self) -> str:
        """The signal as explanations show it: ``frustration``, ``intent_group_mass[fraud]``."""
        return self.signal if self.key is None else f"{self.signal}[{self.key}]"


@dataclass(frozen=True)
class Node:
    """A normalised condition: AND of atoms and sub-nodes, OR of options, or a negation."""

    kind: str  # "and" | "or" | "not" | "atom"
    atom: Atom | None = None
    items: tuple[Node, ...] = ()


def signal_tests(condition: Condition) -> Iterator[tuple[str, Any]]:
    """(signal, test) pairs given directly in this condition mapping, in catalog order."""
    for name in SIGNAL_KINDS:
        test = getattr(condition, name)
        if test is not None:
            yield name, test


def atoms_of(signal: str, test: Any) -> list[Atom]:
    """Expand one signal test, including shorthands, into atoms."""
    kind = SIGNAL_KINDS[signal]
    if kind == "group":
        tests = test if isinstance(test, list | tuple) else [test]
        out: list[Atom] = []
        for item in tests:
            assert isinstance(item, GroupTest)
            out.extend(Atom(signal, a.op, a.value, item.group) for a in _number_atoms(signal, item))
        return out
    if kind == "text":
        if isinstance(test, str):
            return [Atom(signal, "eq", test)]
        if isinstance(test, list | tuple):
            return [Atom(signal, "in", frozenset(test))]
        assert isinstance(test, TextTest)
        out = []
        if test.eq is not None:
            out.append(Atom(signal, "eq", test.eq))
        if test.in_ is not None:
            out.append(Atom(signal, "in", frozenset(test.in_)))
        if test.contains is not None:
            out.append(Atom(signal, "contains", test.contains))
        return out
    if kind == "set":
        if isinstance(test, str):
            return [Atom(signal, "contains", frozenset([test]))]
        if isinstance(test, list | tuple):
            return [Atom(signal, "contains", frozenset(test))]
        assert isinstance(test, SetTest)
        out = []
        if test.contains is not None:
            items = [test.contains] if isinstance(test.contains, str) else test.contains
            out.append(Atom(signal, "contains", frozenset(items)))
        if test.contains_any is not None:
            out.append(Atom(signal, "contains_any", frozenset(test.contains_any)))
        return out
    if kind == "bool":
        value = test if isinstance(test, bool) else test.eq
        assert isinstance(test, bool | BoolTest)
        return [Atom(signal, "eq", bool(value))]
    assert isinstance(test, NumberTest)
    return _number_atoms(signal, test)


def _number_atoms(signal: str, test: NumberTest) -> list[Atom]:
    out = []
    for op in ("lt", "lte", "gt", "gte", "eq"):
        value = getattr(test, op)
        if value is not None:
            out.append(Atom(signal, op, float(value)))
    if test.between is not None:
        out.append(Atom(signal, "between", (float(test.between[0]), float(test.between[1]))))
    if test.in_ is not None:
        out.append(Atom(signal, "in", frozenset(float(v) for v in test.in_)))
    return out


def normalise(condition: Condition, named: Mapping[str, Condition]) -> Node:
    """Condition → Node, inlining named conditions (callers have checked for cycles)."""
    items: list[Node] = []
    for signal, test in signal_tests(condition):
        items.extend(Node("atom", atom) for atom in atoms_of(signal, test))
    if condition.all is not None:
        items.extend(normalise(c, named) for c in condition.all)
    if condition.any is not None:
        items.append(Node("or", items=tuple(normalise(c, named) for c in condition.any)))
    if condition.not_ is not None:
        items.append(Node("not", items=(normalise(condition.not_, named),)))
    if condition.condition is not None:
        items.append(normalise(named[condition.condition], named))
    return _flatten(Node("and", items=tuple(items)))


def _flatten(node: Node) -> Node:
    if node.kind != "and":
        return node
    flat: list[Node] = []
    for item in node.items:
        inner = _flatten(item)
        flat.extend(inner.items if inner.kind == "and" else (inner,))
    if len(flat) == 1:
        return flat[0]
    return Node("and", items=tuple(flat))


# --------------------------------------------------------------------------- implication


@dataclass(frozen=True)
class _Interval:
    low: float = -math.inf
    high: float = math.inf
    low_open: bool = False
    high_open: bool = False
    points: frozenset[float] | None = None  # when set, only these values

    def meet(self, other: _Interval) -> _Interval:
        """The values both intervals allow: the tighter bound on each side."""
        if self.low > other.low or (self.low == other.low and self.low_open):
            low, low_open = self.low, self.low_open
        else:
            low, low_open = other.low, other.low_open
        if self.high < other.high or (self.high == other.high and self.high_open):
            high, high_open = self.high, self.high_open
        else:
            high, high_open = other.high, other.high_open
        points = self.points if other.points is None else other.points
        if self.points is not None and other.points is not None:
            points = self.points & other.points
        return _Interval(low, high, low_open, high_open, points)

    def empty(self) -> bool:
        if self.points is not None:
            return not any(self.holds(p) for p in self.points)
        if self.low > self.high:
            return True
        return self.low == self.high and (self.low_open or self.high_open)

    def holds(self, value: float) -> bool:
        above = value > self.low or (value == self.low and not self.low_open)
        below = value < self.high or (value == self.high and not self.high_open)
        return above and below and (self.points is None or value in self.points)

    def within(self, other: _Interval) -> bool:
        """Every value of self is a value of other."""
        if self.empty():
            return True
        if self.points is not None:
            return all(other.holds(p) for p in self.points if self.holds(p))
        if other.points is not None:
            return False
        low_ok = self.low > other.low or (
            self.low == other.low and (self.low_open or not other.low_open)
        )
        high_ok = self.high < other.high or (
            self.high == other.high and (self.high_open or not other.high_open)
        )
        return low_ok and high_ok


def _interval(atom: Atom) -> _Interval:
    op, v = atom.op, atom.value
    if op == "lt":
        return _Interval(high=v, high_open=True)
    if op == "lte":
        return _Interval(high=v)
    if op == "gt":
        return _Interval(low=v, low_open=True)
    if op == "gte":
        return _Interval(low=v)
    if op == "eq":
        return _Interval(v, v)
    if op == "between":
        return _Interval(v[0], v[1])
    return _Interval(points=v)  # "in"


def _conjuncts(node: Node) -> list[Atom] | None:
    """The atoms of a pure conjunction, or None when the node has or/not inside."""
    if node.kind == "atom":
        assert node.atom is not None
        return [node.atom]
    if node.kind != "and":
        return None
    out: list[Atom] = []
    for item in node.items:
        sub = _conjuncts(item)
        if sub is None:
            return None
        out.extend(sub)
    return out


def _atom_implied(facts: list[Atom], goal: Atom) -> bool:
    same = [f for f in facts if f.signal == goal.signal and f.key == goal.key]
    if not same:
        return False
    kind = SIGNAL_KINDS[goal.signal]
    if kind in ("number", "group"):
        region = _Interval()
        for fact in same:
            region = region.meet(_interval(fact))
        return region.within(_interval(goal))
    for fact in same:
        if fact.op == goal.op == "eq" and fact.value == goal.value:
            return True
        if kind == "text":
            allowed = _text_values(fact)
            if allowed is not None and goal.op in ("eq", "in"):
                target = _text_values(goal)
                if target is not None and allowed <= target:
                    return True
            if (
                goal.op == "contains"
                and allowed is not None
                and all(goal.value in v for v in allowed)
            ):
                return True
            if goal.op == fact.op == "contains" and goal.value in fact.value:
                return True
        if kind == "set":
            if fact.op == "contains" and goal.op == "contains" and goal.value <= fact.value:
                return True
            if fact.op == "contains" and goal.op == "contains_any" and goal.value & fact.value:
                return True
            if fact.op == goal.op == "contains_any" and fact.value <= goal.value:
                return True
    return False


def _text_values(atom: Atom) -> frozenset[str] | None:
    if atom.op == "eq":
        return frozenset([atom.value])
    if atom.op == "in":
        return frozenset(atom.value)
    return None


def implies(later: Node, earlier: Node) -> bool:
    """True when ``later`` can only hold where ``earlier`` holds (so ``earlier`` shadows it).

    Sound but incomplete: it answers True only when it can prove it.
    """
    facts = _conjuncts(later)
    if facts is None:
        if later.kind == "or":  # every option must be covered
            return all(implies(option, earlier) for option in later.items)
        return False
    return _covers(facts, earlier)


def _covers(facts: list[Atom], goal: Node) -> bool:
    if goal.kind == "atom":
        assert goal.atom is not None
        return _atom_implied(facts, goal.atom)
    if goal.kind == "and":
        return all(_covers(facts, item) for item in goal.items)
    if goal.kind == "or":
        return any(_covers(facts, item) for item in goal.items)
    return False


def _pin(atom: Atom) -> tuple[str, Any] | None:
    """The (signal, value) an atom fixes: ``eq`` on a text or bool signal, or ``in`` with a
    single text value; None for any other test."""
    kind = SIGNAL_KINDS[atom.signal]
    if kind in ("text", "bool") and atom.op == "eq":
        return atom.signal, atom.value
    if kind == "text" and atom.op == "in" and len(atom.value) == 1:
        return atom.signal, next(iter(atom.value))
    return None


def _number_pin(atom: Atom) -> tuple[str, Any] | None:
    """``eq`` on a numeric signal fixes its value too (e.g. ``user_turns: {eq: 3}``)."""
    if SIGNAL_KINDS[atom.signal] == "number" and atom.op == "eq":
        return atom.signal, atom.value
    return None


def pins(node: Node) -> frozenset[tuple[str, Any]] | None:
    """The (signal, value) pairs a pure conjunction fixes (see :func:`_pin`), including a
    numeric signal whose tests leave exactly one value; None when the node has or/not inside."""
    facts = _conjuncts(node)
    if facts is None:
        return None
    found = {pin for fact in facts if (pin := _pin(fact)) is not None}
    regions: dict[str, _Interval] = {}
    for fact in facts:
        if SIGNAL_KINDS[fact.signal] == "number":
            regions[fact.signal] = regions.get(fact.signal, _Interval()).meet(_interval(fact))
    for signal, region in regions.items():
        if region.points is not None:
            allowed = {p for p in region.points if region.holds(p)}
        elif region.low == region.high and not (region.low_open or region.high_open):
            allowed = {region.low}
        else:
            continue
        if len(allowed) == 1:
            found.add((signal, allowed.pop()))
    return frozenset(found)


def required_signals(node: Node) -> frozenset[str]:
    """Signals any condition must test for ``node`` to be provably implied by it.

    :func:`implies` can only prove ``later → node`` when ``later`` has facts on these
    signals, so the shadowing check skips earlier rules whose set is not a subset of a
    later rule's signals. Conservative: a ``not`` contributes nothing.
    """
    if node.kind == "atom":
        assert node.atom is not None
        return frozenset((node.atom.signal,))
    if node.kind == "and":
        return frozenset().union(*(required_signals(item) for item in node.items))
    if node.kind == "or" and node.items:
        return frozenset.intersection(*(required_signals(item) for item in node.items))
    return frozenset()


def fact_signals(node: Node) -> frozenset[str] | None:
    """The signals a pure conjunction tests; None when the node has or/not inside."""
    facts = _conjuncts(node)
    return None if facts is None else frozenset(fact.signal for fact in facts)


def guard(node: Node) -> tuple[str, Any] | None:
    """A (signal, value) pair that every node implying ``node`` must pin (see :func:`pins`).

    If ``node`` requires ``intent == X`` as one of its top-level conjuncts, a later rule can
    only be covered by it when that rule fixes the intent to X as well; so the shadowing check
    compares a rule only with earlier rules whose guard it pins, plus the unguarded ones.
    """
    items = node.items if node.kind == "and" else (node,)
    atoms = [item.atom for item in items if item.kind == "atom" and item.atom is not None]
    found = next((pin for atom in atoms if (pin := _pin(atom)) is not None), None)
    if found is None:  # a numeric equality guards too, when there is no text/bool one
        found = next((pin for atom in atoms if (pin := _number_pin(atom)) is not None), None)
    return found


def satisfiable(node: Node) -> bool:
    """False only when a pure conjunction provably contradicts itself (e.g. gt 5 and lt 3)."""
    facts = _conjuncts(node)
    if facts is None:
        return True
    numeric: dict[str, _Interval] = {}
    text: dict[str, frozenset[str]] = {}
    for fact in facts:
        kind = SIGNAL_KINDS[fact.signal]
        if kind in ("number", "group"):
            label = fact.label
            numeric[label] = numeric.get(label, _Interval()).meet(_interval(fact))
        elif kind in ("text", "bool") and fact.op in ("eq", "in"):
            values = frozenset([fact.value]) if fact.op == "eq" else frozenset(fact.value)
            text[fact.signal] = text[fact.signal] & values if fact.signal in text else values
    return not any(i.empty() for i in numeric.values()) and all(text.values())


# --------------------------------------------------------------------------- interpretation


def test_atom(atom: Atom, observed: Any) -> bool:
    """The reference semantics of one atom (the compiled plan must agree with this)."""
    op, v = atom.op, atom.value
    if op == "eq":
        return bool(observed == v)
    if op == "in":
        return observed in v
    if op == "lt":
        return bool(observed < v)
    if op == "lte":
        return bool(observed <= v)
    if op == "gt":
        return bool(observed > v)
    if op == "gte":
        return bool(observed >= v)
    if op == "between":
        return bool(v[0] <= observed <= v[1])
    if op == "contains":
        return v in observed if isinstance(v, str) else bool(v <= observed)
    if op == "contains_any":
        return bool(v & observed)
    raise ValueError(f"unknown operator {op!r}")  # pragma: no cover  (closed set)


def explain(node: Node, signals: Signals) -> tuple[bool, list[Check]]:
    """Evaluate ``node`` and return the checks that decided it, with observed values."""
    if node.kind == "atom":
        assert node.atom is not None
        atom = node.atom
        observed = getattr(signals, atom.signal)
        if atom.key is not None:
            observed = observed.get(atom.key, math.nan)
        passed = test_atom(atom, observed)
        value = sorted(atom.value) if isinstance(atom.value, frozenset) else atom.value
        check = Check(
            signal=atom.label, op=atom.op, threshold=value, observed=observed, passed=passed
        )
        return passed, [check]
    if node.kind == "and":
        checks: list[Check] = []
        for item in node.items:
            ok, sub = explain(item, signals)
            checks.extend(sub)
            if not ok:
                return False, checks
        return True, checks
    if node.kind == "or":
        tried: list[Check] = []
        for item in node.items:
            ok, sub = explain(item, signals)
            if ok:
                return True, sub
            tried.extend(sub)
        return False, tried
    ok, sub = explain(node.items[0], signals)
    # Each check is restated under the negation, so its verdict flips with it: "cues [fraud]
    # not contains [howto]" is met when the cues lack howto.
    flipped = [c.model_copy(update={"op": "not " + c.op, "passed": not c.passed}) for c in sub]
    return (not ok), flipped
