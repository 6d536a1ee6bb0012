"""The routing evaluation: scoring on tiny hand-made sets, located errors for broken sets,
the adapter's turn shape, the committed parses and results, and ``handoff evaluate``."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rasa_sdk import Tracker

from handoff import Router
from handoff.adapters.rasa import tracker_to_conversation
from handoff.cli import cli
from handoff.evaluation import (
    EvalSetError,
    NluParses,
    evaluate,
    load_eval_set,
    load_parses,
    transcript,
    user_turn,
)
from handoff.tracker import read_session
from tests import routing_eval
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "rasa_project" / "scripts"))
import prepare_rasa

RULES = """\
version: 1
name: tiny
settings:
  default_lane: bot
  safe_lane: people
  human_request_intents: [request_human]
  fallback_intents: [nlu_fallback]
  fallback_actions: [utter_default]
lanes:
  bot: {kind: bot}
  people: {kind: human}
  complaints: {kind: human}
  fraud: {kind: specialist}
rules:
  - id: fraud
    red_line: true
    when: {intent: report_fraud}
    lane: fraud
    reason: fraud
  - id: complaint
    when: {intent: complain}
    lane: complaints
    reason: complaint
  - id: asked_for_human
    when: {human_request: true}
    lane: people
    reason: asked
  - id: bot_keeps_failing
    when: {consecutive_fallbacks: {gte: 2}}
    lane: people
    reason: failing
"""

# Each message's text names the intent the tiny parses file gives it: "<intent> ...".
SET = """\
defaults:
  now: 2026-11-24T10:30:00+00:00
conversations:
  - id: calm
    category: calm
    customer: ["greet hello", "thank_you cheers"]
    expect: {lane_kind: bot, lane: bot, by_turn: null, acceptable_lanes: []}
  - id: false-escalation
    category: calm
    customer: ["request_human who am I talking to?"]
    expect: {lane_kind: bot, lane: bot, by_turn: null}
  - id: missed
    category: asks
    customer: ["greet hi", "greet I am still here"]
    expect: {lane_kind: human, lane: people, by_turn: 2}
  - id: late
    category: asks
    customer: ["greet I am back", "request_human a person please"]
    expect: {lane_kind: human, lane: people, by_turn: 1}
  - id: wrong-lane
    category: asks
    account: {tier: standard, risk_flags: []}
    customer: ["complain someone please"]
    expect: {lane_kind: human, lane: people, by_turn: 1}
  - id: acceptable
    category: asks
    customer: ["complain I want to complain"]
    expect: {lane_kind: human, lane: people, by_turn: 1, acceptable_lanes: [complaints]}
  - id: paused-at-first-handoff
    category: fraud
    customer: ["request_human a person", "report_fraud and it is fraud"]
    expect: {lane_kind: specialist, lane: fraud, by_turn: 2}
  - id: fallbacks
    category: asks
    customer: ["nlu_fallback qwerty", "nlu_fallback asdf"]
    expect: {lane_kind: human, lane: people, by_turn: 2}
"""


def parses_for(texts: list[str]) -> str:
    lines = [json.dumps({"header": {"fingerprint": "tiny", "rasa_version": "3.6.21"}})]
    for text in texts:
        intent = text.split()[0]
        ranking = [{"name": intent, "confidence": 0.9}, {"name": "greet", "confidence": 0.05}]
        lines.append(json.dumps({"text": text, "intent": ranking[0], "intent_ranking": ranking,
                                 "entities": []}))  # fmt: skip
    return "\n".join(lines) + "\n"


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path, Path]:
    rules = tmp_path / "rules.yaml"
    rules.write_text(RULES)
    evalset = tmp_path / "set.yaml"
    evalset.write_text(SET)
    texts = [t for c in load_eval_set(evalset).conversations for t in c.customer]
    parses = tmp_path / "parses.jsonl"
    parses.write_text(parses_for(texts))
    return rules, evalset, parses


def outcomes(rules: Path, evalset: Path, parses: Path) -> dict[str, tuple[str, str, int | None]]:
    result = evaluate(Router.from_path(rules), load_eval_set(evalset), load_parses(parses))
    return {r.id: (r.outcome, r.lane, r.handoff_turn) for r in result.conversations}


class TestScoring:
    def test_each_outcome_kind(self, tiny: tuple[Path, Path, Path]) -> None:
        assert outcomes(*tiny) == {
            "calm": ("as_expected", "bot", None),
            "false-escalation": ("false_escalation", "people", 1),
            "missed": ("missed", "bot", None),
            "late": ("late", "people", 2),
            "wrong-lane": ("wrong_lane", "complaints", 1),
            "acceptable": ("as_expected", "complaints", 1),
            # Rasa pauses at the first handoff: the fraud message is typed to a person.
            "paused-at-first-handoff": ("wrong_lane", "people", 1),
            # The bot's fallback answers are turns as the adapter records them.
            "fallbacks": ("as_expected", "people", 2),
        }

    def test_summary_denominators(self, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        result = evaluate(Router.from_path(rules), load_eval_set(evalset), load_parses(parses))
        total = result.summary.total
        assert (total.conversations, total.expect_bot, total.expect_person) == (8, 2, 6)
        assert total.pct("as_expected") == pytest.approx(100 * 3 / 8)
        assert total.pct("false_escalation") == pytest.approx(50.0)
        assert total.pct("missed") == pytest.approx(100 / 6)
        assert list(result.summary.categories) == ["asks", "calm", "fraud"]
        asks = result.summary.categories["asks"]
        assert (asks.as_expected, asks.missed, asks.late, asks.wrong_lane) == (2, 1, 1, 1)
        rule = {r.id: r.rule for r in result.conversations}
        assert rule["fallbacks"] == "bot_keeps_failing"
        assert rule["missed"] is None

    def test_now_defaults_to_the_sets_clock(self, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        result = evaluate(Router.from_path(rules), load_eval_set(evalset), load_parses(parses))
        assert result.now.isoformat() == "2026-11-24T10:30:00+00:00"


class TestBrokenInput:
    def problems(self, tmp_path: Path, text: str) -> str:
        path = tmp_path / "broken.yaml"
        path.write_text(textwrap.dedent(text))
        with pytest.raises(EvalSetError) as caught:
            load_eval_set(path)
        return str(caught.value)

    def test_by_turn_past_the_last_message_is_located(self, tmp_path: Path) -> None:
        message = self.problems(
            tmp_path, SET.replace("by_turn: 2}\n  - id: late", "by_turn: 3}\n  - id: late")
        )
        assert (
            "broken.yaml:12:5: expect.by_turn is 3 but there are only 2 customer messages"
            in message
        )

    def test_a_bot_expectation_with_a_turn(self, tmp_path: Path) -> None:
        text = SET.replace("lane: bot, by_turn: null}", "lane: bot, by_turn: 1}")
        message = self.problems(tmp_path, text)
        assert "broken.yaml:11:5: by_turn is null exactly when" in message
        assert "by_turn is null exactly when" in message

    def test_missing_and_unknown_keys(self, tmp_path: Path) -> None:
        text = SET.replace("    category: fraud\n", "    categroy: fraud\n")
        message = self.problems(tmp_path, text)
        assert "broken.yaml:30:" in message  # the misspelled key's own line
        assert "categroy" in message
        assert "category" in message

    def test_duplicate_ids(self, tmp_path: Path) -> None:
        message = self.problems(tmp_path, SET.replace("id: late", "id: missed"))
        assert "broken.yaml:16:" in message
        assert "'missed' is used twice (first at" in message

    def test_not_yaml_or_empty(self, tmp_path: Path) -> None:
        assert "broken.yaml:1:1: the file is empty" in self.problems(tmp_path, "# nothing\n")
        assert "broken.yaml" in self.problems(tmp_path, "conversations: [\n")

    def test_a_lane_the_rules_lack(self, tiny: tuple[Path, Path, Path], tmp_path: Path) -> None:
        rules, evalset, parses = tiny
        evalset.write_text(SET.replace("lane: fraud, by_turn: 2", "lane: fruad, by_turn: 2"))
        with pytest.raises(EvalSetError) as caught:
            evaluate(Router.from_path(rules), load_eval_set(evalset), load_parses(parses))
        assert "set.yaml:29: expected lane 'fruad' is not a lane of rule set 'tiny'" in str(
            caught.value
        )

    def test_a_message_without_a_parse(self, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        parses.write_text(parses_for(["greet hello"]))
        with pytest.raises(EvalSetError) as caught:
            evaluate(Router.from_path(rules), load_eval_set(evalset), load_parses(parses))
        assert "no NLU parse of customer message 2 of 'calm'" in str(caught.value)

    def test_broken_parses_lines(self, tmp_path: Path) -> None:
        path = tmp_path / "p.jsonl"
        path.write_text('{"text": "a"}\n{"text": "b", "intent": {}}\nnot json\n{"intent": 3}\n')
        with pytest.raises(EvalSetError) as caught:
            load_parses(path)
        message = str(caught.value)
        assert f"{path}:1: the first line must be the header" in message
        assert f"{path}:3: not JSON" in message
        assert f"{path}:4: not a parse: text: Field required" in message


# ------------------------------------------------------------------ the committed data

EVALSET = routing_eval.EVALSET
PARSES = routing_eval.PARSES


@pytest.fixture(scope="module")
def committed() -> NluParses:
    return load_parses(PARSES)


# Both committed sets of parses: the blind evaluation set and the development set.
PARSED_SETS = [
    pytest.param(EVALSET, PARSES, id="blind"),
    pytest.param(routing_eval.DEV_EVALSET, routing_eval.DEV_PARSES, id="development"),
    pytest.param(routing_eval.HOLDOUT_EVALSET, routing_eval.HOLDOUT_PARSES, id="held-out"),
    pytest.param(routing_eval.HOLDOUT2.evalset, routing_eval.HOLDOUT2.parses, id="held-out-2"),
    pytest.param(routing_eval.HOLDOUT3.evalset, routing_eval.HOLDOUT3.parses, id="held-out-3"),
    pytest.param(routing_eval.HOLDOUT4.evalset, routing_eval.HOLDOUT4.parses, id="held-out-4"),
    pytest.param(routing_eval.HOLDOUT5.evalset, routing_eval.HOLDOUT5.parses, id="held-out-5"),
    pytest.param(routing_eval.HOLDOUT6.evalset, routing_eval.HOLDOUT6.parses, id="held-out-6"),
    pytest.param(
        routing_eval.HOLDOUT7_DATA / "banking.yaml",
        routing_eval.HOLDOUT7_DATA / "nlu" / "banking.jsonl",
        id="held-out-7",
    ),
    pytest.param(
        routing_eval.HOLDOUT8_DATA / "banking.yaml",
        routing_eval.HOLDOUT8_DATA / "nlu" / "banking.jsonl",
        id="held-out-8",
    ),
    pytest.param(
        routing_eval.HOLDOUT9_DATA / "banking.yaml",
        routing_eval.HOLDOUT9_DATA / "nlu" / "banking.jsonl",
        id="held-out-9",
    ),
    pytest.param(
        routing_eval.HOLDOUT10_DATA / "banking.yaml",
        routing_eval.HOLDOUT10_DATA / "nlu" / "banking.jsonl",
        id="held-out-10",
    ),
    pytest.param(
        routing_eval.HOLDOUT11_DATA / "banking.yaml",
        routing_eval.HOLDOUT11_DATA / "nlu" / "banking.jsonl",
        id="held-out-11",
    ),
    pytest.param(
        routing_eval.HOLDOUT12_DATA / "banking.yaml",
        routing_eval.HOLDOUT12_DATA / "nlu" / "banking.jsonl",
        id="held-out-12",
    ),
    pytest.param(
        routing_eval.HOLDOUT13_DATA / "banking.yaml",
        routing_eval.HOLDOUT13_DATA / "nlu" / "banking.jsonl",
        id="held-out-13",
    ),
    pytest.param(
        routing_eval.HOLDOUT14_DATA / "banking.yaml",
        routing_eval.HOLDOUT14_DATA / "nlu" / "banking.jsonl",
        id="held-out-14",
    ),
    pytest.param(
        routing_eval.HOLDOUT15_DATA / "banking.yaml",
        routing_eval.HOLDOUT15_DATA / "nlu" / "banking.jsonl",
        id="held-out-15",
    ),
    pytest.param(
        routing_eval.HOLDOUT16_DATA / "banking.yaml",
        routing_eval.HOLDOUT16_DATA / "nlu" / "banking.jsonl",
        id="held-out-16",
    ),
    pytest.param(
        routing_eval.HOLDOUT17_DATA / "banking.yaml",
        routing_eval.HOLDOUT17_DATA / "nlu" / "banking.jsonl",
        id="held-out-17",
    ),
    pytest.param(
        routing_eval.HOLDOUT18_DATA / "banking.yaml",
        routing_eval.HOLDOUT18_DATA / "nlu" / "banking.jsonl",
        id="held-out-18",
    ),
    pytest.param(
        routing_eval.HOLDOUT19_DATA / "banking.yaml",
        routing_eval.HOLDOUT19_DATA / "nlu" / "banking.jsonl",
        id="held-out-19",
    ),
    pytest.param(
        routing_eval.HOLDOUT20_DATA / "banking.yaml",
        routing_eval.HOLDOUT20_DATA / "nlu" / "banking.jsonl",
        id="held-out-20",
    ),
    pytest.param(
        routing_eval.HOLDOUT21_DATA / "banking.yaml",
        routing_eval.HOLDOUT21_DATA / "nlu" / "banking.jsonl",
        id="held-out-21",
    ),
    pytest.param(
        routing_eval.HOLDOUT22_DATA / "banking.yaml",
        routing_eval.HOLDOUT22_DATA / "nlu" / "banking.jsonl",
        id="held-out-22",
    ),
]


def _regenerate(evalset: Path, parses: Path) -> str:
    return (
        ".venv/bin/python rasa_project/scripts/parse_messages.py "
        f"--evalset {evalset.relative_to(ROOT)} --out {parses.relative_to(ROOT)}"
    )


@pytest.mark.parametrize(("evalset", "path"), PARSED_SETS)
def test_parses_are_of_the_current_bot(evalset: Path, path: Path) -> None:
    """Stale parses measure a bot that no longer exists: regenerate when training changes."""
    parses = load_parses(path)
    assert parses.fingerprint == prepare_rasa.fingerprint(), (
        f"{path.relative_to(ROOT)} was made by the bot with training fingerprint "
        f"{parses.fingerprint}, but rasa_project now trains {prepare_rasa.fingerprint()}; "
        f"regenerate them: {_regenerate(evalset, path)}"
    )
    assert parses.header["rasa_version"] == prepare_rasa.RASA_VERSION


@pytest.mark.parametrize(("evalset", "path"), PARSED_SETS)
def test_every_customer_message_has_a_parse(evalset: Path, path: Path) -> None:
    parses = load_parses(path)
    texts = {t for c in load_eval_set(evalset).conversations for t in c.customer}
    missing = f"missing parses; regenerate them: {_regenerate(evalset, path)}"
    assert texts <= set(parses.parses), missing
    assert parses.header["messages"] == len(parses.parses) == len(texts)


def test_user_turns_match_the_adapters_reading(committed: NluParses) -> None:
    """The evaluation builds each customer turn as handoff.adapters.rasa reads a tracker
    (its reading of events is handoff.tracker's)."""
    for text, parse in committed.parses.items():
        event = {"event": "user", "text": text, "parse_data": parse.model_dump()}
        assert user_turn(parse) == read_session([event]).turns[0], text


def _tracker_events(evalset: Any, conversation: Any, parses: NluParses) -> list[dict[str, Any]]:
    """The events Rasa logs for the conversation when the bot answers every message."""
    metadata = {
        "tier": conversation.account.tier,
        "risk_flags": list(conversation.account.risk_flags),
    }
    events: list[dict[str, Any]] = [
        {"event": "action", "name": "action_session_start"},
        {"event": "session_started"},
        {"event": "action", "name": "action_listen"},
    ]
    for text in conversation.customer:
        parse = parses.parses[text].model_dump() | {"text": text, "metadata": metadata}
        events.append({"event": "user", "text": text, "parse_data": parse,
                       "input_channel": "rest", "metadata": metadata})  # fmt: skip
        events.append({"event": "action", "name": "action_handoff_route"})
        events.append({"event": "slot", "name": "handoff_lane", "value": "bot"})
        intent = parse["intent"]["name"]
        answers = (
            ["utter_default", "utter_ask_rephrase"]
            if intent == "nlu_fallback"
            else [f"utter_{intent}"]
        )
        for answer in answers:
            events.append({"event": "action", "name": answer})
            events.append({"event": "bot", "text": f"({answer})"})
        events.append({"event": "action", "name": "action_listen"})
    return events


def test_conversations_match_the_adapters_reading_of_a_tracker(committed: NluParses) -> None:
    """Whole conversations: what the evaluation routes is what the action would read."""
    evalset = load_eval_set(EVALSET)
    for conversation in evalset.conversations:
        events = _tracker_events(evalset, conversation, committed)
        # Rasa calls the action after the user event, before the bot answers it.
        last_user = max(i for i, e in enumerate(events) if e["event"] == "user")
        events = events[: last_user + 1]
        latest = events[last_user]["parse_data"]
        tracker = Tracker.from_dict(
            {"sender_id": conversation.id, "slots": {}, "latest_message": latest,
             "events": events, "paused": False, "latest_input_channel": "rest",
             "active_loop": {}, "latest_action_name": "action_listen"}
        )  # fmt: skip
        read = tracker_to_conversation(tracker)
        built = transcript(conversation, committed)

        def shape(turns: Any) -> list[tuple[Any, ...]]:
            return [(t.role, t.text if t.role == "user" else "", t.intent, t.intent_ranking,
                     t.entities, t.action, t.fallback) for t in turns]  # fmt: skip

        assert shape(built.turns) == shape(read.turns), conversation.id
        assert built.account == read.account
        assert built.channel == read.channel


def _superseded(
    run: tuple[str, str, str | None], runs: tuple[tuple[str, str, str | None], ...], folder: Path
) -> bool:
    """Whether a later run of the same set measured the same rules file and parses: a round
    that changes only signals (cues, situation shapes, learned weights; round 14) keeps the
    rules version, so the earlier run is kept as measured, like one on other rules, and only
    the latest must match the code as it is now."""
    doc = routing_eval.load(run[1], folder)
    later = runs[runs.index(run) + 1 :]
    return any(
        (other["rules_version"], other["model_fingerprint"])
        == (doc["rules_version"], doc["model_fingerprint"])
        for other in (routing_eval.load(r[1], folder) for r in later)
    )


@pytest.mark.parametrize("run", routing_eval.RUNS, ids=[r[0] for r in routing_eval.RUNS])
def test_engine_results_match_the_committed_results(
    committed: NluParses, run: tuple[str, str, str]
) -> None:
    """The committed numbers are what the code computes from the data in the repo. The
    latest run must match the rules and parses as they are now (regenerate it when they
    change); earlier runs are kept as measured and checked only while nothing changed."""
    label, engine_file, _ = run
    doc = routing_eval.load(engine_file)
    router = Router.from_path(routing_eval.RULES)
    latest = run == routing_eval.RUNS[-1]
    regenerate = f"regenerate: .venv/bin/python -m tests.routing_eval engine --out {engine_file}"
    if router.version != doc["rules_version"] or committed.fingerprint != doc["model_fingerprint"]:
        assert not latest, f"the {label} results are stale; {regenerate}"
        pytest.skip(f"the {label} results were measured on other rules or parses, as planned")
    if _superseded(run, routing_eval.RUNS, routing_eval.RESULTS):
        pytest.skip(f"the {label} results were measured before a later round's signals")
    result = evaluate(router, load_eval_set(EVALSET), committed)
    assert result.model_dump(mode="json") == doc["evaluation"], regenerate


def test_development_results_match_the_rules_as_they_are() -> None:
    doc = routing_eval.load(routing_eval.DEV_RUN)
    router = Router.from_path(routing_eval.RULES)
    parses = load_parses(routing_eval.DEV_PARSES)
    assert (router.version, parses.fingerprint) == (
        doc["rules_version"],
        doc["model_fingerprint"],
    ), (
        "regenerate: .venv/bin/python -m tests.routing_eval engine --dev --out "
        f"tests/data/routing_eval/results/{routing_eval.DEV_RUN}"
    )
    result = evaluate(router, load_eval_set(routing_eval.DEV_EVALSET), parses)
    assert result.model_dump(mode="json") == doc["evaluation"]


def test_results_readme_tables_are_generated_from_the_json() -> None:
    text = routing_eval.README.read_text(encoding="utf-8")
    expected = routing_eval.with_tables(text, routing_eval.render())
    assert text == expected, "regenerate: .venv/bin/python -m tests.routing_eval readme --write"


HELD_OUT_RUNS = [
    pytest.param(h, run, id=f"{h.option}: {run[0]}")
    for h in routing_eval.HELD_OUT
    for run in h.runs
]


@pytest.mark.parametrize(("held_out", "run"), HELD_OUT_RUNS)
def test_held_out_results_match_the_committed_results(
    held_out: routing_eval.HeldOut, run: tuple[str, str, str | None]
) -> None:
    """As for the earlier sets: a held-out set's latest run matches the rules as they are
    now; earlier runs are kept as measured. Every stack run lost nothing."""
    label, engine_file, stack_file = run
    doc = routing_eval.load(engine_file, held_out.results)
    measured_docs = [doc]
    if stack_file is not None:
        stack = routing_eval.load(stack_file, held_out.results)
        assert stack["transport_errors"] == [], stack_file
        assert stack["lost_payloads"] == [], stack_file
        assert stack["rules_version"] == doc["rules_version"], stack_file
        measured_docs.append(stack)
    evalset = load_eval_set(held_out.evalset)
    ids = [c.id for c in evalset.conversations]
    for measured in measured_docs:
        assert [c["id"] for c in measured["evaluation"]["conversations"]] == ids, label
    router = Router.from_path(routing_eval.RULES)
    parses = load_parses(held_out.parses)
    regenerate = (
        f"regenerate: .venv/bin/python -m tests.routing_eval engine --{held_out.option} --out "
        f"{held_out.results.relative_to(ROOT)}/{engine_file}"
    )
    if (router.version, parses.fingerprint) != (doc["rules_version"], doc["model_fingerprint"]):
        assert run != held_out.runs[-1], f"the {label} results are stale; {regenerate}"
        pytest.skip(f"the {label} results were measured on other rules, as planned")
    if _superseded(run, held_out.runs, held_out.results):
        pytest.skip(f"the {label} results were measured before a later round's signals")
    result = evaluate(router, evalset, parses)
    assert result.model_dump(mode="json") == doc["evaluation"], regenerate


@pytest.mark.parametrize("held_out", routing_eval.HELD_OUT, ids=lambda h: h.option)
def test_held_out_readme_tables_are_generated_from_the_json(
    held_out: routing_eval.HeldOut,
) -> None:
    text = held_out.readme.read_text(encoding="utf-8")
    expected = routing_eval.with_tables(text, routing_eval.render_holdout(held_out))
    assert text == expected, "regenerate: .venv/bin/python -m tests.routing_eval readme --write"


def test_results_files_record_what_produced_them() -> None:
    for name in [f for run in routing_eval.RUNS for f in run[1:]]:
        doc = routing_eval.load(name)
        for key in ("commit", "date", "rules_version", "model_fingerprint", "evaluation"):
            assert doc.get(key), f"{name} lacks {key}"
        ids = [c["id"] for c in doc["evaluation"]["conversations"]]
        assert ids == [c.id for c in load_eval_set(EVALSET).conversations], name
    for _, _, stack_file in routing_eval.RUNS:
        stack = routing_eval.load(stack_file)
        assert stack["transport_errors"] == [], stack_file
        assert stack["lost_payloads"] == [], stack_file


# ------------------------------------------------------------------ the command


@pytest.fixture
def run() -> Any:
    runner = CliRunner()

    def invoke(*args: object) -> Result:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


class TestCommand:
    def test_report(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        result = run("evaluate", rules, evalset, "--nlu", parses)
        assert result.exit_code == 0, result.output
        lines = result.output.splitlines()
        assert lines[0].startswith("8 conversations (2 for the bot, 6 for a person); rules tiny")
        assert "routed as expected     3 of 8     37.5%  (conversations)" in lines
        assert "false escalations      1 of 2     50.0%  (expected the bot)" in lines
        assert "wrong lane             2 of 6     33.3%  (expected a person)" in lines
        rows = [
            line.split()[0]
            for line in lines[lines.index(next(x for x in lines if x.startswith("category"))) + 1 :]
        ]
        assert rows == ["asks", "calm", "fraud", "total"]
        assert "\x1b[" not in result.output  # plain when piped

    def test_failures(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        result = run("evaluate", rules, evalset, "--nlu", parses, "--failures")
        assert "5 conversations not routed as expected" in result.output
        block = result.output.split("LATE  late  [asks]", 1)[1]
        assert f"({evalset}:16)" in block.splitlines()[0]
        assert "expected: people by message 1" in block
        assert "got:      people (human) at message 2" in block
        assert "rule:     asked_for_human; reason: asked" in block
        assert "intents:  1: greet 0.90 · 2: request_human 0.90" in block
        heads = [
            line.split()[:2]
            for line in result.output.splitlines()
            if line.startswith(("FALSE", "MISSED", "LATE", "WRONG"))
        ]
        assert heads == sorted(heads, key=lambda h: h[0]) or heads  # grouped by outcome
        assert [h[0] for h in heads] == ["FALSE", "LATE", "MISSED", "WRONG", "WRONG"]

    def test_json(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        result = run("evaluate", rules, evalset, "--nlu", parses, "--json")
        data = json.loads(result.output)
        assert data["summary"]["total"]["as_expected"] == 3
        assert data["conversations"][3] | {} == data["conversations"][3]
        assert {c["id"]: c["outcome"] for c in data["conversations"]}["late"] == "late"

    def test_fail_under(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        assert run("evaluate", rules, evalset, "--nlu", parses, "--fail-under", "37").exit_code == 0
        failed = run("evaluate", rules, evalset, "--nlu", parses, "--fail-under", "90")
        assert failed.exit_code == 1
        assert "37.5% routed as expected, under --fail-under 90%" in failed.output

    def test_now_moves_the_clock(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        result = run("evaluate", rules, evalset, "--nlu", parses, "--now", "2026-11-29T23:00")
        assert "at 2026-11-29T23:00:00+00:00" in result.output

    def test_broken_set_exits_1_located(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        evalset.write_text(SET.replace("by_turn: 2}\n  - id: late", "by_turn: 3}\n  - id: late"))
        result = run("evaluate", rules, evalset, "--nlu", parses)
        assert result.exit_code == 1
        assert f"{evalset}:12:" in result.output
        assert "Traceback" not in result.output

    def test_missing_parses_option_is_a_usage_error(
        self, run: Any, tiny: tuple[Path, Path, Path]
    ) -> None:
        rules, evalset, _ = tiny
        assert run("evaluate", rules, evalset).exit_code == 2

    def test_swapped_arguments(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        result = run("evaluate", evalset, rules, "--nlu", parses)
        assert result.exit_code == 1
        assert "Traceback" not in result.output

    @pytest.mark.parametrize("which", [0, 1, 2])
    def test_a_missing_path_is_one_line(
        self, run: Any, tiny: tuple[Path, Path, Path], which: int
    ) -> None:
        paths = list(tiny)
        paths[which] = paths[which].with_name("nothing-here.yaml")
        result = run("evaluate", paths[0], paths[1], "--nlu", paths[2])
        assert result.exit_code == 1
        assert [line for line in result.output.splitlines() if line] == [
            f"{paths[which]}: no such file"
        ]

    def test_parses_not_utf8(self, run: Any, tiny: tuple[Path, Path, Path]) -> None:
        rules, evalset, parses = tiny
        parses.write_bytes(parses.read_bytes() + b'{"text": "\xff"}\n')
        result = run("evaluate", rules, evalset, "--nlu", parses)
        assert result.exit_code == 1
        assert f"{parses}:15: not JSON" in result.output


def test_the_newest_held_out_set_goes_through_the_real_stack() -> None:
    """Tuning sets may be measured by the engine only; the set that measures a round is not:
    each of its runs has a stack file (the real Rasa stack, 0 errors, 0 payloads lost)."""
    newest = routing_eval.HELD_OUT[-1]
    assert all(stack_file is not None for _, _, stack_file in newest.runs), newest.option
    assert all(stack_file is not None for _, _, stack_file in routing_eval.RUNS)


def test_readme_quotes_the_latest_held_out_run() -> None:
    """README.md's Quality section quotes the newest held-out set's latest engine run."""
    newest = routing_eval.HELD_OUT[-1]
    doc = routing_eval.load(newest.runs[-1][1], newest.results)
    total = routing_eval.CategoryCounts.model_validate(doc["evaluation"]["summary"]["total"])
    explicit = routing_eval.CategoryCounts.model_validate(
        doc["evaluation"]["summary"]["categories"]["explicit_request"]
    )
    text = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    quoted = [
        f"**{total.as_expected} of {total.conversations} "
        f"({total.pct('as_expected'):.1f}%) are routed as expected**",
        f"{total.false_escalation} of {total.expect_bot} calm conversations reach a person "
        f"({total.bot_to_specialist} of them a specialist lane)",
        f"{total.missed} of {total.expect_person} that need a person never get one",
        f"{explicit.missed} of {explicit.conversations} explicit requests for a person are missed",
    ]
    for phrase in quoted:
        assert phrase in text, f"README.md should say: {phrase}"
