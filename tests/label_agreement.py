"""How far two careful people agree on where a conversation should go (issue 11).

    .venv/bin/python -m tests.label_agreement

Scores a second, independent labeller's labels of the tenth held-out set
(tests/data/routing_holdout10/agreement/labels.jsonl, written without seeing the set's
expectations; README there) as if they were a router's decisions, with the evaluation's own
scoring (handoff.evaluation.score; the labeller's ``by_turn`` is taken as its handoff turn,
the latest it allows), and the other way round (the set scored against the labeller's labels,
``also_ok`` as acceptable lanes). What a careful person reaches on the set's expectations is
a ceiling for the router's 90% target: the rest is where the expectations themselves are a
judgement call.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from handoff.evaluation import EvalConversation, Expected, load_eval_set, score

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "data" / "routing_holdout10"
LABELS = SET / "agreement" / "labels.jsonl"


def load_labels(path: Path = LABELS) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


def as_expected(label: dict[str, Any]) -> Expected:
    """A label as the evaluation's expectation (``also_ok``: acceptable lanes)."""
    if label["lane"] == "bot":
        return Expected(lane_kind="bot", lane="bot")
    kind = "human" if label["lane"] == "general_banking" else "specialist"
    return Expected(
        lane_kind=kind,
        lane=label["lane"],
        by_turn=label["by_turn"],
        acceptable_lanes=tuple(label.get("also_ok") or ()),
    )


def _decide(expected: Expected, lane: str, turn: int | None) -> str:
    kind = "bot" if lane == "bot" else "person"
    return score(expected, lane, kind, None if lane == "bot" else turn)


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


def main() -> int:
    conversations = list(load_eval_set(SET / "banking.yaml").conversations)
    result = agreement(conversations, load_labels())
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
