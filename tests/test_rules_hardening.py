"""Hostile and out-of-range rules files: tags, numbers, ranges, size; and what passes is safe.

Issue 9: unknown YAML tags were read silently (``!!python/name:os.system`` became ''), NaN
and infinite thresholds made rules that never fire (with one version hash for both), a
5,000-digit number escaped as an internal error, and ``sla_seconds: 99999999999999999999``
validated and then overflowed every payload of its lane.
"""

from __future__ import annotations

import gc
import math
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from handoff import Conversation, Router, RulesError
from handoff.graph import compile as compile_module
from handoff.graph.compile import _shadowing
from handoff.graph.conditions import implies, normalise, satisfiable
from handoff.models.rules import (
    MAX_RULES,
    MAX_SLA_SECONDS,
    MAX_TURNS,
    THRESHOLD_LIMIT,
    Lane,
    NumberTest,
    RuleSet,
)
from handoff.rules.loader import SourceMap, field_range, parse_rules_text
from tests.conftest import DATA, ROOT

BROKEN = DATA / "broken_rules"

BASE = """\
version: 1
settings:
  default_lane: bot
  safe_lane: people
lanes:
  bot:
    kind: bot
  people:
    kind: human
    sla_seconds: {sla}
rules:
  - id: upset
    when:
      frustration: {{gte: {gte}}}
    lane: people
    reason: {reason}
"""


def rules(sla: str = "60", gte: str = "0.7", reason: str = "upset") -> str:
    return BASE.format(sla=sla, gte=gte, reason=reason)


def problem_of(text: str) -> Any:
    """The single problem loading ``text`` reports."""
    with pytest.raises(RulesError) as caught:
        Router(compile_module.compile_rules(parse_rules_text(text, "r.yaml")))
    problems = caught.value.problems
    assert len(problems) == 1, str(caught.value)
    assert problems[0].hint, "every problem says how to fix it"
    return problems[0]


# --------------------------------------------------------------------------- tags

HOSTILE_TAGS = [
    "!!python/name:os.system",
    "!!python/object/apply:os.system ['touch {marker}']",
    "!!python/object/new:os.system ['touch {marker}']",
    "!!python/module:os",
    "!!binary aGFuZG9mZg==",
    "!!timestamp 2024-01-01",
    "!!set {{a, b}}",
    "!!omap [a: 1]",
    "!!pairs [a: 1]",
    "!Foo bar",
    "!Foo {{a: 1}}",
    "!Foo [a]",
    "!<tag:example.com,2024:thing> x",
    "!!merge x",
    "!!value x",
    "!!yaml x",
]


class TestTags:
    @pytest.mark.parametrize("value", HOSTILE_TAGS)
    def test_a_non_core_tag_is_refused_where_it_is(self, value: str, tmp_path: Path) -> None:
        """Any tag outside the YAML 1.2 core schema is a located problem; nothing runs."""
        marker = tmp_path / "ran"
        problem = problem_of(rules(reason=value.format(marker=marker)))
        assert "the YAML tag" in problem.message
        assert "is not allowed" in problem.message
        assert (problem.line, problem.column) == (16, 13)
        assert problem.key_path == ("rules", 0, "reason")
        assert "remove the tag" in problem.hint
        assert not marker.exists()

    def test_a_tag_on_a_key_is_refused(self) -> None:
        problem = problem_of(rules(sla="60\n    !Foo queue: x"))
        assert "!Foo" in problem.message
        assert problem.line == 11

    def test_a_tag_handle_cannot_smuggle_python_in(self) -> None:
        """%TAG directives expand to full tags, which are checked like any other."""
        text = "%TAG !p! tag:yaml.org,2002:python/\n---\n" + rules(reason="!p!name:os.system")
        problem = problem_of(text)
        assert "python/name:os.system" in problem.message

    def test_every_bad_tag_in_a_file_is_reported(self) -> None:
        text = rules(sla="!!binary AA==", reason="!Foo x")
        with pytest.raises(RulesError) as caught:
            parse_rules_text(text)
        assert [p.line for p in caught.value.problems] == [10, 16]

    @pytest.mark.parametrize(
        ("sla", "reason", "expected_sla", "expected_reason"),
        [
            ("!!int 60", "!!str 5", 60, "5"),
            ('!!int "60"', "!!str yes", 60, "yes"),
            ("0x3c", "on", 60, "on"),
            ("0o74", "no", 60, "no"),
            ("60", "2024-01-01", 60, "2024-01-01"),
            ("60", "!!str 1e999", 60, "1e999"),
        ],
    )
    def test_core_tags_and_yaml_1_2_plain_values_load(
        self, sla: str, reason: str, expected_sla: int, expected_reason: str
    ) -> None:
        loaded = parse_rules_text(rules(sla=sla, reason=reason))
        assert loaded.ruleset.lanes["people"].sla_seconds == expected_sla
        assert loaded.ruleset.rules[0].reason == expected_reason

    @pytest.mark.parametrize(("value", "what"), [("!!int abc", "a whole number"),
                                                 ("!!float x", "a number"),
                                                 ("!!bool yes", "true or false")])  # fmt: skip
    def test_a_core_tag_on_a_value_of_another_type(self, value: str, what: str) -> None:
        problem = problem_of(rules(sla=value))
        assert f"but is not {what}" in problem.message

    def test_an_alias_that_contains_itself(self) -> None:
        problem = problem_of(rules(sla="60\n    skills: &s [*s]"))
        assert "contains it" in problem.message

    def test_a_large_file_with_a_few_aliases_is_not_an_alias_bomb(self) -> None:
        """The alias check counts what aliases add, not the size of the file itself."""
        body = "".join(
            f"  - {{id: r{i}, when: {{intent: i{i}}}, lane: {'&p people' if i == 0 else '*p'}, "
            "reason: r}\n"
            for i in range(MAX_RULES)
        )
        head = rules().split("rules:\n")[0]
        loaded = parse_rules_text(head + "rules:\n" + body)
        assert len(loaded.ruleset.rules) == MAX_RULES


# --------------------------------------------------------------------------- numbers


NON_FINITE = [".nan", ".NaN", ".inf", "+.inf", "-.inf", ".INF", "1e400", "-1e400"]


class TestNumbers:
    @pytest.mark.parametrize("value", NON_FINITE)
    @pytest.mark.parametrize(
        "test", ["{{gte: {v}}}", "{{lt: {v}}}", "{{eq: {v}}}", "{{between: [0, {v}]}}",
                 "{{in: [0.5, {v}]}}"],
    )  # fmt: skip
    def test_nan_and_infinity_are_refused_in_every_operator(self, value: str, test: str) -> None:
        text = rules().replace("{gte: 0.7}", test.format(v=value))
        problem = problem_of(text)
        assert "is not a finite number" in problem.message
        assert problem.line == 14

    @pytest.mark.parametrize("value", ['"nan"', "'inf'", '"Infinity"', '"1e999"'])
    def test_quoted_non_finite_numbers_are_text_not_numbers(self, value: str) -> None:
        problem = problem_of(rules(gte=value))
        assert "expected a number" in problem.message

    @pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
    def test_the_models_refuse_non_finite_thresholds_too(self, value: float) -> None:
        """Rule sets built in code get the same guarantee, so no two versions can collide."""
        with pytest.raises(ValidationError):
            NumberTest(gte=value)
        with pytest.raises(ValidationError):
            NumberTest(between=(0.0, value))

    def test_different_thresholds_have_different_versions(self) -> None:
        versions = {parse_rules_text(rules(gte=v)).version for v in ("0.7", "0.8", "1e9", "-1e9")}
        assert len(versions) == 4

    @pytest.mark.parametrize("digits", [16, 400, 4_300, 5_000, 50_000])
    @pytest.mark.parametrize("where", ["sla", "gte"])
    def test_long_numbers_are_a_problem_never_an_internal_error(
        self, digits: int, where: str
    ) -> None:
        number = "9" * digits
        problem = problem_of(rules(**{where: number}))
        assert f"too large ({digits:,} digits" in problem.message

    @pytest.mark.parametrize("digits", [400, 5_000])
    def test_long_quoted_numbers_too(self, digits: int) -> None:
        problem = problem_of(rules(sla=f'"{"9" * digits}"'))
        assert "too large" in problem.message or "outside the allowed range" in problem.message
        assert "1 to 2,592,000" in problem.hint


# --------------------------------------------------------------------------- ranges

# (YAML path under a minimal rule set, the field's key path, smallest and largest allowed)
RANGES: list[tuple[str, tuple[str | int, ...], int | float, int | float]] = [
    ("sla", ("lanes", "people", "sla_seconds"), 1, MAX_SLA_SECONDS),
    ("priority", ("lanes", "people", "priority"), 0, 100),
    ("max_waiting", ("lanes", "people", "max_waiting"), 1, 1_000_000),
    ("rule_priority", ("rules", 0, "priority"), 0, 100),
    ("sentiment_window", ("settings", "sentiment_window"), 1, MAX_TURNS),
    ("transcript_turns", ("settings", "transcript_turns"), 1, MAX_TURNS),
    ("confirm_turns", ("settings", "anti_flapping", "confirm_turns"), 1, MAX_TURNS),
    ("cooldown_turns", ("settings", "anti_flapping", "cooldown_turns"), 0, MAX_TURNS),
    ("threshold", ("rules", 0, "when", "frustration", "gte"), -THRESHOLD_LIMIT, THRESHOLD_LIMIT),
]


def _with(key_path: tuple[str | int, ...], value: Any) -> str:
    """A valid rule set with ``value`` set at ``key_path``, as YAML (flow style)."""
    data: dict[str, Any] = {
        "settings": {"default_lane": "bot", "safe_lane": "people", "anti_flapping": {}},
        "lanes": {"bot": {"kind": "bot"}, "people": {"kind": "human"}},
        "rules": [{"id": "upset", "when": {"frustration": {"gte": 0.7}}, "lane": "people",
                   "reason": "upset"}],
    }  # fmt: skip
    node: Any = data
    for part in key_path[:-1]:
        node = node[part]
    node[key_path[-1]] = value
    return _flow(data)


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return str(value)


class TestRanges:
    @pytest.mark.parametrize(
        ("name", "key_path", "low", "high"), RANGES, ids=[r[0] for r in RANGES]
    )
    def test_each_numeric_field_has_a_documented_range(
        self, name: str, key_path: tuple[str | int, ...], low: float, high: float
    ) -> None:
        """The ends load; one past either end is refused and the message quotes the range."""
        for value in (low, high):
            parse_rules_text(_with(key_path, value))
        allowed = field_range(key_path)
        assert allowed == f"{low:,} to {high:,}"
        for value in (low - 1, high + 1):
            with pytest.raises(RulesError) as caught:
                parse_rules_text(_with(key_path, value))
            (problem,) = caught.value.problems
            assert allowed in problem.message
            assert problem.key_path == key_path

    def test_the_json_schema_states_the_ranges(self) -> None:
        lane = RuleSet.model_json_schema()["$defs"]["Lane"]["properties"]["sla_seconds"]
        limits = next(option for option in lane["anyOf"] if option.get("type") == "integer")
        assert (limits["minimum"], limits["maximum"]) == (1, MAX_SLA_SECONDS)

    def test_too_many_rules(self) -> None:
        body = "".join(
            f"  - {{id: r{i}, when: {{intent: i{i}}}, lane: people, reason: r}}\n"
            for i in range(MAX_RULES + 1)
        )
        problem = problem_of(rules().split("rules:\n")[0] + "rules:\n" + body)
        assert f"the rule set has {MAX_RULES + 1:,} rules; the limit is {MAX_RULES:,}" in (
            problem.message
        )


# --------------------------------------------------------------------------- handoff validate

NEW_CORPUS = [
    "tag_python_name.yaml", "tag_binary.yaml", "tag_custom.yaml", "tag_timestamp.yaml",
    "nan_threshold.yaml", "inf_threshold.yaml", "huge_number.yaml", "huge_sla.yaml",
    "sla_out_of_range.yaml",
]  # fmt: skip


@pytest.mark.parametrize("name", NEW_CORPUS)
def test_handoff_validate_reports_a_problem_and_exits_1(name: str) -> None:
    """The real CLI in a subprocess: file:line:col, exit status 1, no traceback."""
    path = BROKEN / name
    result = subprocess.run(
        [sys.executable, "-m", "handoff.cli", "validate", str(path)],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert re.search(rf"{re.escape(str(path))}:\d+:\d+: ", output), output
    assert "1 problem" in output


# --------------------------------------------------------------------------- load time


class TestLoadWork:
    def test_the_cyclic_gc_is_restored_after_loading(self) -> None:
        assert gc.isenabled()
        parse_rules_text(rules())
        assert gc.isenabled()
        with pytest.raises(RulesError):
            parse_rules_text(rules(gte=".nan"))
        assert gc.isenabled()
        gc.disable()
        try:
            parse_rules_text(rules())
            assert not gc.isenabled(), "a caller's choice is left alone"
        finally:
            gc.enable()

    def test_numeric_equality_guards_the_shadow_check(self) -> None:
        """1,000 rules told apart only by `user_turns: {eq: i}` need no pairwise proofs."""
        body = "".join(
            f"  - {{id: r{i}, when: {{user_turns: {{eq: {i}}}, frustration: {{gte: 0.9}}}}, "
            "lane: people, reason: r}\n"
            for i in range(1_000)
        )
        text = rules().split("rules:\n")[0] + "rules:\n" + body
        loaded = parse_rules_text(text)
        calls = 0
        original = compile_module.implies

        def counting(later: Any, earlier: Any) -> bool:
            nonlocal calls
            calls += 1
            return original(later, earlier)

        compile_module.implies = counting  # type: ignore[assignment]
        try:
            compile_module.compile_rules(loaded)
        finally:
            compile_module.implies = original
        assert calls == 0

    def test_shadowing_is_still_found_through_a_numeric_guard(self) -> None:
        text = rules().split("rules:\n")[0] + (
            "rules:\n"
            "  - {id: third_turn, when: {user_turns: {eq: 3}}, lane: people, reason: r}\n"
            "  - {id: narrower, when: {user_turns: {between: [3, 3]}, tier: gold}, "
            "lane: people, reason: r}\n"
        )
        problem = problem_of(text)
        assert "'narrower' is shadowed by rule 'third_turn'" in problem.message

    def test_too_much_pairwise_work_is_refused_clearly(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Rules that share signals and no equality (bands) are compared pairwise, boundedly."""
        monkeypatch.setattr(compile_module, "MAX_SHADOW_CHECKS", 100)
        body = "".join(
            f"  - {{id: r{i}, when: {{sentiment: {{between: [{i / 100}, {i / 100 + 0.005}]}}}}, "
            "lane: people, reason: r}\n"
            for i in range(50)
        )
        problem = problem_of(rules().split("rules:\n")[0] + "rules:\n" + body)
        assert "too many to check for shadowing" in problem.message
        assert problem.key_path == ("rules",)


_NUMBER_ATOMS: dict[str, st.SearchStrategy[Any]] = {
    "intent": st.sampled_from(["a", "b"]),
    "user_turns": st.one_of(
        st.builds(dict, eq=st.sampled_from([1, 2])),
        st.builds(dict, between=st.sampled_from([[1, 1], [1, 2], [2, 2]])),
        st.builds(dict, **{"in": st.sampled_from([[1], [1, 2], [2]])}),
        st.builds(dict, gte=st.sampled_from([1, 2]), lte=st.sampled_from([1, 2])),
    ),
    "frustration": st.builds(dict, gte=st.sampled_from([0.3, 0.7])),
    "tier": st.sampled_from(["gold", "platinum"]),
}
_simple = st.dictionaries(
    st.sampled_from(sorted(_NUMBER_ATOMS)), st.just(None), min_size=1
).flatmap(lambda keys: st.fixed_dictionaries({k: _NUMBER_ATOMS[k] for k in keys}))
_whens = st.one_of(
    _simple,
    st.lists(_simple, min_size=2, max_size=3).map(lambda options: {"any": options}),
    _simple.map(lambda c: {**c, "not": {"channel": "voice"}}),
)


@settings(max_examples=300, deadline=None)
@given(whens=st.lists(_whens, min_size=2, max_size=8))
def test_indexed_shadow_check_agrees_with_every_pair(whens: list[dict[str, Any]]) -> None:
    """With numeric guards and the signal-subset filter, the same shadowed rules are found
    (naming the same earlier rule) as by comparing every pair."""
    ruleset = RuleSet.model_validate(
        {
            "settings": {"default_lane": "bot", "safe_lane": "people"},
            "lanes": {"bot": {"kind": "bot"}, "people": {"kind": "human"}},
            "rules": [{"id": f"r{i}", "when": when, "lane": "people", "reason": "r"}
                      for i, when in enumerate(whens)],
        }
    )  # fmt: skip
    nodes = {r.id: normalise(r.when, ruleset.conditions) for r in ruleset.rules}
    found = [
        (m.group(1), m.group(2))
        for p in _shadowing(ruleset, nodes, SourceMap())
        if (m := re.match(r"rule '(\w+)' is shadowed by rule '(\w+)'", p.message))
    ]
    expected = []
    decided: list[str] = []
    for rule in ruleset.rules:
        node = nodes[rule.id]
        if not satisfiable(node):
            continue
        earlier = next((e for e in decided if implies(node, nodes[e])), None)
        if earlier is not None:
            expected.append((rule.id, earlier))
        decided.append(rule.id)
    assert found == expected


# --------------------------------------------------------------------------- payloads

_CONVERSATION = Conversation.model_validate(
    {
        "id": "c1",
        "channel": "web",
        "account": {"customer_id": "cust-1", "tier": "gold"},
        "turns": [{"role": "user", "text": "I want to talk to a person right now",
                   "intent": {"name": "request_human", "confidence": 0.99}}],
    }
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lane=st.fixed_dictionaries(
        {
            "sla_seconds": st.one_of(st.none(), st.integers(1, MAX_SLA_SECONDS)),
            "priority": st.integers(0, 100),
            "max_waiting": st.one_of(st.none(), st.integers(1, 1_000_000)),
        }
    ),
    rule_priority=st.one_of(st.none(), st.integers(0, 100)),
    transcript_turns=st.integers(1, MAX_TURNS),
    year=st.sampled_from([1, 2026, 9998]),
)
def test_any_valid_lane_builds_a_payload(
    lane: dict[str, Any], rule_priority: int | None, transcript_turns: int, year: int
) -> None:
    """Whatever passes validation, routing and building the payload cannot overflow: the SLA
    deadline stays a datetime even at the 30-day limit near the end of the calendar."""
    ruleset = RuleSet.model_validate(
        {
            "settings": {"default_lane": "bot", "safe_lane": "people",
                         "transcript_turns": transcript_turns},
            "lanes": {"bot": {"kind": "bot"}, "people": {"kind": "human", **lane}},
            "rules": [{"id": "asked", "when": {"human_request": True}, "lane": "people",
                       "reason": "asked", "priority": rule_priority}],
        }
    )  # fmt: skip
    router = Router.from_ruleset(ruleset)
    now = datetime(year, 6, 1, tzinfo=timezone.utc)
    decision = router.route(_CONVERSATION, now=now)
    assert decision.lane == "people"
    payload = router.payload(_CONVERSATION, decision, now=now)
    sla = lane["sla_seconds"]
    assert payload.routing.sla_seconds == sla
    if sla is not None:
        assert payload.routing.sla_deadline == now + timedelta(seconds=sla)
    payload.model_dump_json()


def test_the_sla_limit_fits_the_last_representable_deadline() -> None:
    """30 days after any 'now' a server can have (before year 9999) is a valid datetime."""
    latest = datetime(9999, 12, 1, tzinfo=timezone.utc)
    assert latest + timedelta(seconds=MAX_SLA_SECONDS) <= datetime.max.replace(tzinfo=timezone.utc)


def test_lane_model_refuses_the_issue_sla() -> None:
    with pytest.raises(ValidationError):
        Lane(kind="human", sla_seconds=99999999999999999999)
