"""Helpers for your own tests: routing cases (a conversation and where it must end up).

A case file is JSON::

    {"description": "...", "now": "2026-11-23T10:00:00+00:00", "queue_load": {},
     "conversation": {...a Conversation...},
     "expect": {"lane": "general_support", "rule": "asked_for_human"}}

``check_case`` replays the conversation turn by turn (as the bot would) and compares the
final decision with ``expect``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from pydantic import Field, ValidationError

from handoff.errors import ConversationError
from handoff.models._base import Model
from handoff.models.conversation import Conversation
from handoff.models.decision import Decision
from handoff.router import Router

__all__ = ["CaseResult", "Expect", "RoutingCase", "check_case", "load_case", "load_cases"]


class Expect(Model):
    """Where the conversation must end up."""

    lane: str
    rule: str | None = Field(
        default=None,
        description="Id of the rule that put the customer in this lane; omit to not check.",
    )


class RoutingCase(Model):
    """A sample conversation with its expected routing."""

    description: str = ""
    now: datetime | None = None
    queue_load: dict[str, int] = Field(default_factory=dict)
    conversation: Conversation
    expect: Expect


class CaseResult(Model):
    """The outcome of one case."""

    name: str
    passed: bool
    expected: Expect
    decision: Decision
    message: str


def load_case(path: str | Path) -> RoutingCase:
    """Read one case file; ConversationError says what is wrong and where."""
    path = Path(path)
    try:
        return RoutingCase.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as error:
        raise ConversationError(f"{path}: {error}") from None


def load_cases(folder: str | Path) -> Iterator[tuple[Path, RoutingCase]]:
    """Every ``*.json`` case in ``folder``, in name order."""
    for path in sorted(Path(folder).glob("*.json")):
        yield path, load_case(path)


def check_case(router: Router, case: RoutingCase, name: str = "case") -> CaseResult:
    """Replay the case's conversation and compare the final decision with ``expect``."""
    decisions = router.replay(case.conversation, now=case.now, queue_load=case.queue_load)
    if not decisions:
        decision = router.route(case.conversation, now=case.now, queue_load=case.queue_load)
    else:
        decision = decisions[-1]
    problems = []
    if decision.lane != case.expect.lane:
        problems.append(f"lane {decision.lane!r}, expected {case.expect.lane!r}")
    # On later turns "stay with a human" decides; the escalating rule is kept in the state.
    rule = decision.rule_id if decision.rule_id is not None else decision.state.rule
    if case.expect.rule is not None and rule != case.expect.rule:
        problems.append(f"rule {rule!r}, expected {case.expect.rule!r}")
    return CaseResult(
        name=name,
        passed=not problems,
        expected=case.expect,
        decision=decision,
        message="; ".join(problems) or "ok",
    )
