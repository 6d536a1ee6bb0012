"""Shared fixtures: paths into the repository and routers for the bundled rule sets."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from handoff import Router
from handoff.evaluation import (
    ConversationResult,
    EvalConversation,
    NluParse,
    NluParses,
    evaluate_conversation,
)
from handoff.models.conversation import Conversation, RoutingState
from handoff.signals.text import analyze_text

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "rules"
DATA = Path(__file__).resolve().parent / "data"
RULE_FILES = sorted(RULES.glob("*.yaml"))


@pytest.fixture(scope="session")
def default_router() -> Router:
    """The router for rules/default.yaml, compiled once per test session."""
    return Router.from_path(RULES / "default.yaml")


def cue_kinds(text: str) -> set[str]:
    """The kinds of the cues :func:`handoff.signals.text.analyze_text` finds in ``text``."""
    return {cue.kind for cue in analyze_text(text).cues}


def play_parsed(
    router: Router,
    messages: list[tuple[str, str, float]],
    now: datetime,
    name: str = "test",
    expect: dict[str, Any] | None = None,
) -> ConversationResult:
    """``messages``, each a ``(text, intent, confidence)`` the NLU parsed, played as the
    evaluation plays a set's conversation (a standard account, the bot answering each
    message), judged against ``expect`` (by default: stays with the bot)."""
    conversation = EvalConversation.model_validate(
        {
            "id": name,
            "category": "test",
            "account": {"tier": "standard", "risk_flags": []},
            "customer": [m[0] for m in messages],
            "expect": expect or {"lane_kind": "bot", "lane": "bot", "by_turn": None},
        }
    )
    parses = NluParses(
        header={},
        parses={
            text: NluParse(
                text=text,
                intent={"name": intent, "confidence": confidence},
                intent_ranking=({"name": intent, "confidence": confidence},),
            )
            for text, intent, confidence in messages
        },
    )
    return evaluate_conversation(router, conversation, parses, now=now)


def route_parsed(
    router: Router, messages: list[tuple[str, str, float]], now: datetime, name: str = "test"
) -> tuple[str, int | None]:
    """(lane, customer message at which a person came in or None) for ``messages`` played
    by :func:`play_parsed`."""
    result = play_parsed(router, messages, now, name)
    return result.lane, result.handoff_turn


def route_fallbacks(router: Router, now: datetime, *messages: str) -> tuple[str, int | None]:
    """:func:`route_parsed` with every message an NLU fallback (``nlu_fallback`` 0.3), so the
    customer's words alone decide."""
    return route_parsed(router, [(m, "nlu_fallback", 0.3) for m in messages], now)


def play_carried(
    router: Router, messages: Sequence[str | tuple[str, str]], now: datetime
) -> list[RoutingState]:
    """Route ``messages`` (each a text, NLU ``out_of_scope`` at 0.9, or a (text, intent) pair;
    the bot's ``utter_<intent>`` between them) turn by turn with the routing state carried from
    the last turn, and assert at every turn that the carried decision equals the one made from
    the whole conversation with no carry (issue 16): lane, rule, cues and cues seen. Returns
    each turn's carried state."""
    turns: list[dict[str, object]] = []
    state = None
    states: list[RoutingState] = []
    for message in messages:
        text, intent = (message, "out_of_scope") if isinstance(message, str) else message
        turns.append({"role": "user", "text": text, "intent": {"name": intent, "confidence": 0.9}})
        conversation = Conversation.model_validate({"turns": turns})
        if state is not None:
            conversation = conversation.model_copy(update={"state": state})
        carried = router.route(conversation, now=now)
        fresh = conversation.state.model_copy(update={"carry": None})
        whole = router.route(conversation.model_copy(update={"state": fresh}), now=now)
        assert (carried.lane, carried.rule_id) == (whole.lane, whole.rule_id), text
        assert carried.signals is not None
        assert whole.signals is not None
        assert carried.signals.cues == whole.signals.cues, text
        assert carried.signals.cues_seen == whole.signals.cues_seen, text
        state = carried.state
        states.append(state)
        turns.append({"role": "bot", "action": f"utter_{intent}"})
    return states


def always_open_rules(source: Path, target: Path) -> Path:
    """A copy of a rules file with opening hours removed, for tests that run on the real
    clock (hours and their fallbacks are covered by tests that pass ``now``)."""
    yaml = YAML(typ="rt")
    data = yaml.load(source.read_text())
    for lane in data["lanes"].values():
        lane.pop("hours", None)
    with target.open("w") as out:
        yaml.dump(data, out)
    return target


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_for(url: str, seconds: float, log: Path, process: subprocess.Popen[bytes]) -> None:
    """Wait until ``url`` answers 200; fail with the server's log if it exits or times out."""
    import httpx  # noqa: PLC0415  (the 3.10/3.12 CI legs run without the delivery extra)

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} not ready after {seconds}s:\n{log.read_text()[-3000:]}")


def stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Terminate ``process`` and wait for it; kill it if it does not exit within ``timeout``."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


def start_receiver(
    port: int, db: Path, log: Path, *, secret: str, token: str | None, extra: tuple[str, ...] = ()
) -> subprocess.Popen[bytes]:
    """The reference receiver (``python -m handoff.delivery.receiver``) on a loopback port,
    answering /health when this returns; ``token`` guards its listing (None: no listing)."""
    env = {**os.environ, "HANDOFF_RECEIVER_SECRET": secret}
    env.pop("HANDOFF_RECEIVER_TOKEN", None)
    if token is not None:
        env["HANDOFF_RECEIVER_TOKEN"] = token
    command = [sys.executable, "-m", "handoff.delivery.receiver", "--port", str(port)]
    with log.open("ab") as out:
        process = subprocess.Popen(
            [*command, "--db", str(db), *extra],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for(f"http://127.0.0.1:{port}/health", 60, log, process)
    except BaseException:
        stop(process)
        raise
    return process


def start_delivery_worker(
    outbox_url: str, webhook: str, secret: str, log: Path
) -> subprocess.Popen[bytes]:
    """``python -m handoff.delivery run`` delivering ``outbox_url`` to a signed webhook."""
    env = {
        **os.environ,
        "HANDOFF_OUTBOX_URL": outbox_url,
        "HANDOFF_WEBHOOK_URL": webhook,
        "HANDOFF_WEBHOOK_SECRET": secret,
    }
    env.pop("HANDOFF_JSONL_PATH", None)
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "handoff.delivery", "run", "--poll", "0.05"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
