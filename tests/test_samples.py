"""Every sample conversation ends on the turn that decides it, and the shipped replay log is
the default samples, line for line.

A sample that goes on after its handoff shows what no agent would receive: the later turns
are decided by "stay with a person", with no rule and no reason of their own. So each
sample's last message is a customer message, the last decision is not that stay, and a
handoff is new on that last turn (the turn before it routed elsewhere, or not yet to a
person).

The replay log ``rules/samples/default.jsonl`` (what the README's ``handoff replay``
example reads) is regenerated from ``rules/samples/default/`` with
``.venv/bin/python -m tests.test_samples``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from handoff.router import Router
from handoff.testing import RoutingCase, load_cases
from tests.conftest import ROOT

RULES = ROOT / "rules"
REPLAY_LOG = RULES / "samples" / "default.jsonl"
SAMPLES = [
    (rules, path)
    for rules in sorted(RULES.glob("*.yaml"))
    for path in sorted((RULES / "samples" / rules.stem).glob("*.json"))
]
IDS = [f"{rules.stem}/{path.stem}" for rules, path in SAMPLES]


def test_every_rule_set_has_samples() -> None:
    assert {rules.stem for rules, _ in SAMPLES} == {p.stem for p in RULES.glob("*.yaml")}


def _decisions(rules: Path, path: Path) -> tuple[Router, RoutingCase, list]:  # type: ignore[type-arg]
    router = Router.from_path(rules)
    case = RoutingCase.model_validate_json(path.read_bytes())
    decisions = router.replay(case.conversation, now=case.now, queue_load=case.queue_load)
    return router, case, decisions


@pytest.mark.parametrize(("rules", "path"), SAMPLES, ids=IDS)
def test_sample_ends_on_its_deciding_turn(rules: Path, path: Path) -> None:
    """The last message is the customer's, and it is the one that decides the outcome."""
    _, case, decisions = _decisions(rules, path)
    assert case.conversation.turns, "an empty sample decides nothing"
    assert case.conversation.turns[-1].role == "user", (
        "a sample ends with the customer message that is routed; later turns are not shown"
    )
    final = decisions[-1]
    assert final.anti_flapping.action != "stayed_with_human", (
        f"the last turn only stays with the person that rule {final.state.rule!r} reached "
        "earlier: end the sample at that turn"
    )
    assert not any(step.kind == "sticky" and step.matched for step in final.trace)
    if final.handoff and len(decisions) > 1:
        before = decisions[-2]
        assert not before.handoff or before.lane != final.lane, (
            f"already in {final.lane!r} one customer message earlier: end the sample there"
        )


@pytest.mark.parametrize(("rules", "path"), SAMPLES, ids=IDS)
def test_handoff_payload_says_why(rules: Path, path: Path) -> None:
    """Every payload an agent would receive from a sample says why, with the deciding rule
    (or the supervisor's override, which has none)."""
    router, case, decisions = _decisions(rules, path)
    final = decisions[-1]
    if not final.handoff:
        return
    payload = router.payload(case.conversation, final, now=case.now)
    assert payload.why.summary.strip()
    overridden = bool(final.trace) and final.trace[0].kind == "override"
    assert payload.why.rules or overridden
    if payload.why.rules:
        assert payload.why.rules == (case.expect.rule,) or case.expect.rule is None
        assert payload.why.observations


def replay_log_lines() -> list[str]:
    """The replay log's lines: each default sample as one compact JSON object, in name order."""
    return [
        json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False,
                   separators=(",", ":"))
        for path, _ in load_cases(RULES / "samples" / "default")
    ]  # fmt: skip


def test_replay_log_is_the_default_samples() -> None:
    """rules/samples/default.jsonl is rebuilt from the samples; regenerate it with
    `.venv/bin/python -m tests.test_samples` after changing a sample."""
    shipped = REPLAY_LOG.read_text(encoding="utf-8").splitlines()
    assert shipped == replay_log_lines(), "run: .venv/bin/python -m tests.test_samples"


if __name__ == "__main__":
    REPLAY_LOG.write_text("\n".join(replay_log_lines()) + "\n", encoding="utf-8")
    print(f"wrote {REPLAY_LOG.relative_to(ROOT)}", file=sys.stderr)
