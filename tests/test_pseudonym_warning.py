"""The public-default pseudonym key is warned about once, when a payload is built with it, and
never by tools that only load, draw or explain rules."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

WARNING = "HANDOFF_PSEUDONYM_KEY is not set"
SCRIPT = """
import logging, sys
from datetime import datetime, timezone
from handoff import Conversation, Router
logging.basicConfig(stream=sys.stderr, format="%(message)s")
router = Router.from_path("rules/default.yaml")
print("loaded", file=sys.stderr, flush=True)
intent = {"name": "request_human", "confidence": 0.97}
conversation = Conversation.model_validate(
    {"id": "c1", "turns": [{"role": "user", "text": "I want a real person", "intent": intent}]}
)
now = datetime(2026, 11, 24, 10, 0, tzinfo=timezone.utc)
for _ in range(int(sys.argv[1])):
    decision = router.route(conversation, now=now)
    router.payload(conversation, decision, now=now)
"""


def _stderr(payloads: int, **env: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if k != "HANDOFF_PSEUDONYM_KEY"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(payloads)],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return result.stderr.splitlines()


def test_loading_rules_does_not_warn() -> None:
    assert _stderr(0) == ["loaded"]


def test_first_payload_warns_once() -> None:
    lines = _stderr(3)
    assert lines[0] == "loaded"
    assert [line for line in lines if WARNING in line] == lines[1:]
    assert len(lines) == 2


def test_no_warning_with_a_key() -> None:
    assert _stderr(2, HANDOFF_PSEUDONYM_KEY="a-secret-key") == ["loaded"]
