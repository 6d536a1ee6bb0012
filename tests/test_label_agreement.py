"""The label-agreement study of the tenth held-out set (tests/label_agreement.py)."""

from __future__ import annotations

from handoff.evaluation import load_eval_set
from handoff.rules import load_rules
from tests import label_agreement
from tests.routing_eval import RULES


def test_the_labels_cover_the_set_once_each_with_lanes_the_bank_has() -> None:
    conversations = load_eval_set(label_agreement.SET / "banking.yaml").conversations
    labels = label_agreement.load_labels()
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
