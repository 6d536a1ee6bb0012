"""What experiments and shadow rules add to a turn: router.route with rules/banking.yaml alone,
with a shadow beside it, and in each arm of the pilot (rules/pilots/banking_pilot.yaml, which
has a shadow too). Same conversation shape and fresh message per round as bench_turn, warm
caches for the earlier turns; compare medians of the same run (the shadow's ÷ plain's)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bench_turn import conversation_with, fresh_message
from conftest import REPO

from handoff import Conversation, Router
from handoff.models import RoutingState

RULES = REPO / "rules"


@pytest.fixture(scope="module")
def routers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Router]:
    folder: Path = tmp_path_factory.mktemp("shadowed")
    shutil.copy(RULES / "pilots" / "banking_candidate.yaml", folder / "candidate.yaml")
    text = (RULES / "banking.yaml").read_text(encoding="utf-8")
    (folder / "banking.yaml").write_text(text + "\nshadow:\n  rules: candidate.yaml\n")
    return {
        "plain": Router.from_path(RULES / "banking.yaml"),
        "shadow": Router.from_path(folder / "banking.yaml"),
        "pilot": Router.from_path(RULES / "pilots" / "banking_pilot.yaml"),
    }


def _turn(arm: str | None) -> tuple[tuple[Conversation], dict[str, Any]]:
    conversation = conversation_with(fresh_message())
    if arm is not None:
        state = RoutingState(experiment="early-help", arm=arm)
        conversation = conversation.model_copy(update={"state": state})
    return (conversation,), {}


@pytest.mark.parametrize(
    ("variant", "router_name", "arm"),
    [
        ("plain", "plain", None),
        ("shadow", "shadow", None),
        ("arm_control", "pilot", "control"),
        ("arm_early_help", "pilot", "early_help"),
        ("arm_bot_only", "pilot", "bot_only"),
    ],
)
def bench_experiment_route(
    benchmark: Any, routers: dict[str, Router], variant: str, router_name: str, arm: str | None
) -> None:
    router = routers[router_name]
    router.route(_turn(arm)[0][0])  # earlier turns now in the cache
    benchmark.group = "experiments"
    benchmark.extra_info.update(kind="experiment_route", variant=variant, ruleset="banking")
    decision = benchmark.pedantic(
        router.route, setup=lambda: _turn(arm), rounds=1500, warmup_rounds=50
    )
    assert (decision.shadow is not None) == (router_name != "plain")
    assert decision.arm == arm
