"""The label-agreement studies of the tenth and twenty-first held-out sets
(tests/label_agreement.py)."""

from __future__ import annotations

import json

import pytest

from handoff.evaluation import EvalConversation, load_eval_set
from handoff.rules import load_rules
from tests import label_agreement
from tests.routing_eval import RULES


@pytest.mark.parametrize("set_name", ["holdout10", "holdout21"])
def test_the_labels_cover_the_set_once_each_with_lanes_the_bank_has(set_name: str) -> None:
    folder = label_agreement.set_dir(set_name)
    conversations = load_eval_set(folder / "banking.yaml").conversations
    labels = label_agreement.load_labels(folder / "agreement" / "labels.jsonl")
    lines = (folder / "agreement" / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(labels), "an id labelled twice"
    assert set(labels) == {c.id for c in conversations}
    lanes = set(load_rules(RULES).ruleset.lanes)
    turns = {c.id: len(c.customer) for c in conversations}
    for cid, label in labels.items():
        assert label["lane"] in lanes, cid
        assert set(label.get("also_ok") or ()) <= lanes, cid
        if label["lane"] == "bot":
            assert label["by_turn"] is None, cid
        else:
            assert 1 <= label["by_turn"] <= turns[cid], cid


def test_a_labeller_who_agrees_with_the_set_scores_every_conversation() -> None:
    """Labels copied from the set's own expectations score all as expected both ways; one
    conversation flipped to the bot is a miss one way and a false escalation the other."""
    conversations = list(load_eval_set(label_agreement.SET / "banking.yaml").conversations)
    copied = {
        c.id: {
            "lane": c.expect.lane if c.expect.escalates else "bot",
            "by_turn": c.expect.by_turn if c.expect.escalates else None,
            "also_ok": list(c.expect.acceptable_lanes),
        }
        for c in conversations
    }
    result = label_agreement.agreement(conversations, copied)
    n = len(conversations)
    assert result["labeller_against_set"] == {"as_expected": n}
    assert result["set_against_labeller"] == {"as_expected": n}
    assert result["bot_or_person_agree"] == n
    person = next(c for c in conversations if c.expect.escalates)
    copied[person.id] = {"lane": "bot", "by_turn": None, "also_ok": []}
    result = label_agreement.agreement(conversations, copied)
    assert result["labeller_against_set"] == {"as_expected": n - 1, "missed": 1}
    assert result["set_against_labeller"] == {"as_expected": n - 1, "false_escalation": 1}
    assert result["bot_or_person_agree"] == n - 1


def _copied(conversations: list[EvalConversation]) -> dict[str, dict[str, object]]:
    return {
        c.id: {
            "lane": c.expect.lane if c.expect.escalates else "bot",
            "by_turn": c.expect.by_turn if c.expect.escalates else None,
            "also_ok": list(c.expect.acceptable_lanes),
        }
        for c in conversations
    }


def test_the_router_scored_against_the_set_is_the_published_figure() -> None:
    """Against the set's own expectations the router's recorded outcomes are what the
    results file says; against a labeller who copied the set, the same three ways; against
    one who sends one escalation to the bot, that conversation leaves the agreed subset."""
    folder = label_agreement.set_dir("holdout21")
    conversations = list(load_eval_set(folder / "banking.yaml").conversations)
    for name in label_agreement.RESULTS["holdout21"]:
        results = folder / "results" / name
        recorded = json.loads(results.read_text())["evaluation"]
        outcomes = {r["id"]: r["outcome"] for r in recorded["conversations"]}
        copied = _copied(conversations)
        three = label_agreement.router_against_both(conversations, copied, results)
        published = {o: list(outcomes.values()).count(o) for o in set(outcomes.values())}
        assert three["set"] == three["labeller"] == three["set_where_labellers_agree"]
        assert three["set"] == dict(sorted(published.items()))
        person = next(c for c in conversations if c.expect.escalates)
        copied[person.id] = {"lane": "bot", "by_turn": None, "also_ok": []}
        three = label_agreement.router_against_both(conversations, copied, results)
        assert sum(three["set_where_labellers_agree"].values()) == len(conversations) - 1
        assert three["set_where_labellers_agree"].get(outcomes[person.id], 0) == (
            published[outcomes[person.id]] - 1
        )


def test_the_agreement_studies_in_the_readmes_are_what_the_script_computes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every line of the script's report for the twenty-first set is quoted in its
    agreement README (the numbers there are computed, not typed)."""
    assert label_agreement.main(["holdout21"]) == 0
    report = capsys.readouterr().out
    readme = (label_agreement.set_dir("holdout21") / "agreement" / "README.md").read_text()
    block = readme.split("```text\n", 1)[1].split("```", 1)[0]
    assert block == report
