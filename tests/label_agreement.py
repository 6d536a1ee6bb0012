"""How far two careful people agree on where a conversation should go (issue 11).

    .venv/bin/python -m tests.label_agreement                # the tenth held-out set
    .venv/bin/python -m tests.label_agreement holdout21      # the twenty-first

Scores a second, independent labeller's labels of a held-out set
(tests/data/routing_<set>/agreement/labels.jsonl, written without seeing the set's
expectations; README there) as if they were a router's decisions, with the evaluation's own
scoring (handoff.evaluation.score; the labeller's ``by_turn`` is taken as its handoff turn,
the latest it allows), and the other way round (the set scored against the labeller's labels,
``also_ok`` as acceptable lanes). What a careful person reaches on the set's expectations is
a ceiling for the router's 90% target: the rest is where the expectations themselves are a
judgement call.

For the sets in :data:`RESULTS` it also scores the router's recorded decisions (an engine
results file of the set) three ways: against the set's expectations (the published figure),
against the second labeller's, and against the set's on the conversations where the two
labellers agree up to timing (the same lane, or one acceptable to the other; bot counts as a
lane). Only counts are printed: the sets stay unread by anyone tuning.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from handoff.evaluation import EvalConversation, Expected, load_eval_set, score

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "data" / "routing_holdout10"
LABELS = SET / "agreement" / "labels.jsonl"
# The router's recorded decisions compared with both labellers (set name -> results files).
RESULTS = {
    "holdout21": ("before-engine.json", "round24-engine.json"),
}


def load_labels(path: Path = LABELS) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


def as_expected(label: dict[str, Any]) -> Expected:
    """A label as the evaluation's expectation (``also_ok``: acceptable lanes)."""
    if label["lane"] == "bot":
        return Expected(lane_kind="bot", lane="bot")
    specialist = label["lane"] in ("fraud", "vulnerable_customers")
    return Expected(
        lane_kind="specialist" if specialist else "human",
        lane=label["lane"],
        by_turn=label["by_turn"],
        acceptable_lanes=tuple(label.get("also_ok") or ()),
    )


def _decide(expected: Expected, lane: str, turn: int | None) -> str:
    kind = "bot" if lane == "bot" else "person"
    return score(expected, lane, kind, None if lane == "bot" else turn)


def set_dir(name: str) -> Path:
    """``holdout10`` -> tests/data/routing_holdout10."""
    return ROOT / "tests" / "data" / f"routing_{name}"


def consensus(conversation: EvalConversation, label: dict[str, Any]) -> bool:
    """The two labellers agree up to timing: each one's lane is right for the other."""
    expected = conversation.expect
    lane = expected.lane if expected.escalates else "bot"
    forward = _decide(expected, label["lane"], label["by_turn"])
    backward = _decide(as_expected(label), lane, expected.by_turn)
    return forward in ("as_expected", "late") and backward in ("as_expected", "late")


def router_against_both(
    conversations: list[EvalConversation], labels: dict[str, dict[str, Any]], results: Path
) -> dict[str, Any]:
    """The router's recorded outcomes scored against the set, the labeller, and the set on
    the conversations where the two labellers agree up to timing."""
    rows = {r["id"]: r for r in json.loads(results.read_text())["evaluation"]["conversations"]}
    against: dict[str, Counter[str]] = {
        "set": Counter(),
        "labeller": Counter(),
        "set_where_labellers_agree": Counter(),
    }
    for conversation in conversations:
        row = rows[conversation.id]
        decided = (row["lane"], row["lane_kind"], row["handoff_turn"])
        outcome = score(conversation.expect, *decided)
        against["set"][outcome] += 1
        against["labeller"][score(as_expected(labels[conversation.id]), *decided)] += 1
        if consensus(conversation, labels[conversation.id]):
            against["set_where_labellers_agree"][outcome] += 1
    return {name: dict(sorted(counts.items())) for name, counts in against.items()}


def agreement(
    conversations: list[EvalConversation], labels: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Outcomes of the labels scored against the set, of the set scored against the labels,
    per category of the first, and how often the two agree on bot or person."""
    forward: Counter[str] = Counter()
    backward: Counter[str] = Counter()
    categories: dict[str, Counter[str]] = {}
    same_kind = 0
    for conversation in conversations:
        label = labels[conversation.id]
        expected = conversation.expect
        outcome = _decide(expected, label["lane"], label["by_turn"])
        forward[outcome] += 1
        categories.setdefault(conversation.category, Counter())[outcome] += 1
        backward[_decide(as_expected(label), expected.lane, expected.by_turn)] += 1
        same_kind += (label["lane"] == "bot") == (not expected.escalates)
    return {
        "conversations": len(conversations),
        "labeller_against_set": dict(forward),
        "set_against_labeller": dict(backward),
        "bot_or_person_agree": same_kind,
        "by_category": {c: dict(n) for c, n in sorted(categories.items())},
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    set_name = args[0] if args else "holdout10"
    folder = set_dir(set_name)
    conversations = list(load_eval_set(folder / "banking.yaml").conversations)
    labels = load_labels(folder / "agreement" / "labels.jsonl")
    result = agreement(conversations, labels)
    n = result["conversations"]
    for name in ("labeller_against_set", "set_against_labeller"):
        counts = result[name]
        ok = counts.get("as_expected", 0)
        print(f"{name}: {ok} of {n} ({100 * ok / n:.1f}%) as expected; {counts}")
    same = result["bot_or_person_agree"]
    print(f"bot or person: the two agree on {same} of {n} ({100 * same / n:.1f}%)")
    for category, counts in result["by_category"].items():
        total = sum(counts.values())
        print(f"  {category:20s} {counts.get('as_expected', 0)}/{total}  {counts}")
    agree = sum(consensus(c, labels[c.id]) for c in conversations)
    print(f"the two agree up to timing on {agree} of {n} ({100 * agree / n:.1f}%)")
    for results in RESULTS.get(set_name, ()):
        print(f"router ({results}):")
        for against, counts in router_against_both(
            conversations, labels, folder / "results" / results
        ).items():
            total = sum(counts.values())
            ok = counts.get("as_expected", 0)
            print(f"  against {against}: {ok} of {total} ({100 * ok / total:.1f}%); {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
