"""Property tests: every conversation reaches exactly one lane, routing never raises, and the
compiled plan agrees with the reference interpreter on every input."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handoff import Conversation, Router
from handoff.graph.conditions import explain
from handoff.graph.plan import to_vector
from handoff.models.signals import SIGNAL_KINDS, Signals
from tests.conftest import RULE_FILES

INTENTS = ["greet", "request_human", "nlu_fallback", "report_fraud", "complain", "check_balance",
           "compromised_card", "order_status", "refund_status", "cancel_order"]  # fmt: skip
TEXTS = [
    "hi", "I want a human", "this is useless!!!", "where is my card?", "STILL NOT FIXED",
    "great, just great", "I will sue you", "cancel my account", "thanks!", "",
    "my email is a@b.co and card 4111111111111111",
]  # fmt: skip
TIERS = ["standard", "gold", "platinum", "premier", "basic"]
FLAGS = ["fraud_suspected", "vulnerable", "high_value", "chargeback", "watchlist"]
LANES = ["bot", "general_support", "priority_support", "fraud", "vip", "unknown_lane", None]

intent = st.builds(dict, name=st.sampled_from(INTENTS), confidence=st.floats(0, 1, allow_nan=False))
text = st.one_of(st.sampled_from(TEXTS), st.text(max_size=80))
user_turn = st.builds(
    dict,
    role=st.just("user"),
    text=text,
    intent=st.one_of(st.none(), intent),
    intent_ranking=st.lists(intent, max_size=4),
    entities=st.lists(
        st.builds(dict, entity=st.sampled_from(["email", "amount", "card"]), value=text),
        max_size=2,
    ),
)
bot_turn = st.builds(
    dict,
    role=st.just("bot"),
    text=text,
    action=st.sampled_from(["utter_greet", "action_default_fallback", "utter_default", None]),
    fallback=st.booleans(),
)
state = st.builds(
    dict,
    lane=st.sampled_from(LANES),
    lane_kind=st.sampled_from(["bot", "human", "specialist", "callback", None]),
    handback_turn=st.one_of(st.none(), st.integers(0, 10)),
    pending=st.dictionaries(st.sampled_from(["mood_sliding", "premium_unhappy", "x"]),
                            st.integers(0, 5), max_size=2),
    override_lane=st.sampled_from([None, None, None, "supervisor", "no_such_lane"]),
)  # fmt: skip
conversations = st.builds(
    dict,
    id=st.text(min_size=1, max_size=10),
    channel=st.sampled_from(["web", "whatsapp", "voice", "email"]),
    turns=st.lists(st.one_of(user_turn, bot_turn), max_size=8),
    account=st.builds(
        dict,
        customer_id=st.one_of(st.none(), st.text(max_size=8)),
        tier=st.sampled_from(TIERS),
        risk_flags=st.frozensets(st.sampled_from(FLAGS), max_size=3),
    ),
    state=state,
)
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(timezone.utc)
)
loads = st.dictionaries(
    st.sampled_from([lane for lane in LANES if lane]), st.integers(0, 100), max_size=3
)

ROUTERS = {path.name: Router.from_path(path) for path in RULE_FILES}


@pytest.mark.parametrize("rules", sorted(ROUTERS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=conversations, now=moments, queue_load=loads)
def test_every_conversation_reaches_exactly_one_lane(
    rules: str, data: dict[str, Any], now: datetime, queue_load: dict[str, int]
) -> None:
    """route() returns one known lane, never raises, and no fault was needed to get there."""
    router = ROUTERS[rules]
    conversation = Conversation.model_validate(data)
    decision = router.route(conversation, now=now, queue_load=queue_load)
    assert decision.lane in router.ruleset.lanes
    assert decision.error is None, decision.error
    assert decision.handoff == (router.ruleset.lanes[decision.lane].kind != "bot")
    assert decision.state.lane == decision.lane
    if decision.rule_id is not None:
        assert decision.fired[0].rule_id == decision.rule_id
    if decision.handoff:
        payload = router.payload(conversation, decision, now=now)
        assert payload.routing.lane == decision.lane
        payload.model_dump_json()


def _signal_values() -> st.SearchStrategy[dict[str, Any]]:
    number = st.one_of(st.floats(-2, 12, allow_nan=False), st.just(math.nan), st.integers(0, 6))
    kinds: dict[str, st.SearchStrategy[Any]] = {
        "number": number,
        "text": st.sampled_from(["", "request_human", "report_fraud", "gold", "platinum", "web",
                                 "bot", "general_support", "compromised_card", "x"]),
        "set": st.frozensets(st.sampled_from([*FLAGS, "legal_threat", "churn_threat", "shouting",
                                                      "human_demand", "email", "amount"])),
        "bool": st.booleans(),
        "group": st.dictionaries(st.sampled_from(["fraud", "small_talk", "vulnerable"]), number),
    }  # fmt: skip
    return st.fixed_dictionaries({name: kinds[kind] for name, kind in SIGNAL_KINDS.items()})


@pytest.mark.parametrize("rules", sorted(ROUTERS))
@settings(max_examples=300, deadline=None)
@given(values=_signal_values())
def test_plan_agrees_with_interpreter(rules: str, values: dict[str, Any]) -> None:
    """For any signal values, the indexed closures pick the same first rule as interpretation."""
    compiled = ROUTERS[rules].compiled
    signals = Signals.model_construct(**values)
    vector = to_vector(signals)
    plan = compiled.plan
    by_plan = [r.id for r in plan.candidates(vector) if r.test(vector)]
    by_interpreter = [r.id for r in plan.rules if explain(r.node, signals)[0]]
    assert by_plan == by_interpreter
    assert [r.id for r in plan.red_lines if r.test(vector)] == [
        r.id for r in plan.red_lines if explain(r.node, signals)[0]
    ]


def test_index_prunes_large_rule_sets(tmp_path: Path) -> None:
    """With 1,000 intent rules, a turn considers only its intent's rules plus unguarded ones."""
    rules = "\n".join(
        f"  - {{id: r{i}, when: {{intent: i{i % 250}, "
        f"frustration: {{gte: {0.5 - (i // 250) / 10:.1f}}}}}, lane: people, reason: r}}"
        for i in range(1000)
    )
    path = tmp_path / "big.yaml"
    path.write_text(
        "settings: {default_lane: bot, safe_lane: people}\n"
        "lanes:\n  bot: {kind: bot}\n  people: {kind: human}\n"
        "rules:\n  - {id: asked, when: {human_request: true}, lane: people, reason: asked}\n"
        + rules
        + "\n"
    )
    plan = Router.from_path(path).compiled.plan
    assert plan.index_signal == "intent"
    values: dict[str, Any] = {
        name: 0.5 if kind == "number" else {} if kind == "group" else False
        for name, kind in SIGNAL_KINDS.items()
    }
    values.update(intent="i7", tier="", channel="", current_lane="", risk_flags=frozenset(),
                  cues=frozenset(), cues_seen=frozenset(), entities=frozenset())  # fmt: skip
    candidates = plan.candidates(to_vector(Signals.model_construct(**values)))
    assert [r.id for r in candidates] == ["asked", "r7", "r257", "r507", "r757"]


_ATOMS: dict[str, st.SearchStrategy[Any]] = {
    "intent": st.one_of(
        st.sampled_from(["a", "b", "c"]), st.lists(st.sampled_from(["a", "b", "c"]), min_size=1)
    ),
    "tier": st.sampled_from(["gold", "platinum"]),
    "human_request": st.booleans(),
    "frustration": st.builds(dict, gte=st.sampled_from([0.3, 0.5, 0.7])),
    "intent_confidence": st.builds(dict, lt=st.sampled_from([0.4, 0.6])),
}
_simple = st.dictionaries(st.sampled_from(sorted(_ATOMS)), st.just(None), min_size=1).flatmap(
    lambda keys: st.fixed_dictionaries({k: _ATOMS[k] for k in keys})
)
_conditions = st.one_of(
    _simple,
    _simple.map(lambda c: {**c, "any": [{"tier": "gold"}, {"frustration": {"gte": 0.9}}]}),
    st.lists(_simple, min_size=2, max_size=3).map(lambda options: {"any": options}),
    _simple.map(lambda c: {**c, "not": {"channel": "voice"}}),
)


def _shadowed_by_every_pair(ruleset: Any, nodes: dict[str, Any]) -> list[tuple[str, str]]:
    """The reference: compare each rule with every earlier rule that decides."""
    from handoff.graph.conditions import implies, satisfiable  # noqa: PLC0415

    found: list[tuple[str, str]] = []
    decided: list[Any] = []
    for rule in sorted(ruleset.rules, key=lambda r: not r.red_line):
        node = nodes[rule.id]
        if not satisfiable(node):
            continue
        earlier = next((e for e in decided if implies(node, nodes[e.id])), None)
        if earlier is not None:
            found.append((rule.id, earlier.id))
        if rule.red_line or rule.severity in ("high", "critical"):
            decided.append(rule)
    return found


@settings(max_examples=300, deadline=None)
@given(
    whens=st.lists(_conditions, min_size=2, max_size=10),
    severities=st.lists(st.sampled_from(["low", "medium", "high", "critical"]), min_size=10),
)
def test_indexed_shadow_check_agrees_with_every_pair(
    whens: list[dict[str, Any]], severities: list[str]
) -> None:
    """Comparing a rule only with earlier rules whose equality guard it pins finds exactly the
    shadowed rules that comparing every pair finds, and names the same (first) earlier rule."""
    import re  # noqa: PLC0415

    from handoff.graph.compile import _shadowing  # noqa: PLC0415 - the check under test
    from handoff.graph.conditions import normalise  # noqa: PLC0415
    from handoff.models.rules import RuleSet  # noqa: PLC0415
    from handoff.rules.loader import SourceMap  # noqa: PLC0415

    ruleset = RuleSet.model_validate(
        {
            "settings": {"default_lane": "bot", "safe_lane": "people"},
            "lanes": {"bot": {"kind": "bot"}, "people": {"kind": "human"}},
            "rules": [
                {"id": f"r{i}", "when": when, "lane": "people", "reason": "r",
                 "severity": severities[i], "red_line": i == 0}
                for i, when in enumerate(whens)
            ],
        }
    )  # fmt: skip
    nodes = {r.id: normalise(r.when, ruleset.conditions) for r in ruleset.rules}
    problems = _shadowing(ruleset, nodes, SourceMap())
    found = [
        (m.group(1), m.group(2))
        for p in problems
        if (m := re.match(r"rule '(\w+)' is shadowed by rule '(\w+)'", p.message))
    ]
    assert found == _shadowed_by_every_pair(ruleset, nodes)
