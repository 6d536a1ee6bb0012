"""handoff.warm_up: the start-up warm-up and the heap frozen once per process (issue 16).

Each check runs in a fresh interpreter: freezing is a process-wide, one-way fact that must
not leak into the test process (nor its earlier tests into the check).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from handoff.adapters.rasa_actions import settings_from_env

REPO = Path(__file__).resolve().parents[1]
# spaCy's vocabulary, the lexicons and the compiled rules alone are well over this.
MANY = 50_000


def _run(code: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``code`` (which prints one JSON line last) in a fresh interpreter."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=environment,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_warm_up_freezes_the_heap_once_and_later_calls_only_warm() -> None:
    result = _run(
        """
        import gc, json
        from handoff import Router, warm_up
        from handoff.signals.text import analyze_text
        router = Router.from_path("rules/default.yaml")
        before = gc.get_freeze_count()
        first = warm_up(router)
        frozen = gc.get_freeze_count()
        warmed = analyze_text.cache_info().currsize > 0
        kept = [[i] for i in range(5000)]  # tracked objects made after start-up
        second = warm_up(Router.from_path("rules/default.yaml"))
        collectable = {id(o) for o in gc.get_objects()}  # not in the permanent generation
        print(json.dumps({"before": before, "first": first, "frozen": frozen,
                          "warmed": warmed, "second": second,
                          "after": gc.get_freeze_count(),
                          "kept_collectable": all(id(x) in collectable for x in kept)}))
        """
    )
    assert result["before"] == 0
    assert result["first"] is True
    assert result["frozen"] > MANY
    assert result["warmed"], "the analyser was loaded and used by the warm-up"
    assert result["second"] is False, "a second call does not freeze again"
    # Nothing made after the first call was frozen: the count only lost objects freed since.
    assert result["after"] <= result["frozen"]
    assert result["kept_collectable"]


def test_warm_up_without_freeze_only_warms() -> None:
    result = _run(
        """
        import gc, json
        from handoff import Router, warm_up
        from handoff.signals.text import analyze_text
        froze = warm_up(Router.from_path("rules/default.yaml"), freeze=False)
        print(json.dumps({"froze": froze, "frozen": gc.get_freeze_count(),
                          "warmed": analyze_text.cache_info().currsize > 0}))
        """
    )
    assert result == {"froze": False, "frozen": 0, "warmed": True}


def test_story_tables_are_built_lazily_and_warm_up_builds_them_all() -> None:
    """Importing the router builds no story pattern's branches (issue 16: start-up); the
    warm-up builds every one, so no customer turn pays for them."""
    result = _run(
        """
        import json
        from handoff import Router, warm_up
        from handoff.signals import spread
        before = spread._built.cache_info().currsize
        warm_up(Router.from_path("rules/default.yaml"), freeze=False)
        print(json.dumps({"before": before, "after": spread._built.cache_info().currsize,
                          "patterns": len(spread._PATTERNS)}))
        """
    )
    assert result["before"] == 0
    assert result["after"] == result["patterns"] > 0


def _server_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "HANDOFF_DEV_NO_AUTH": "1",
        "HANDOFF_DEV_NO_DELIVERY": "1",
        "HANDOFF_OUTBOX_URL": f"sqlite:///{tmp_path / 'outbox.db'}",
        "HANDOFF_RULES": str(REPO / "rules" / "default.yaml"),
        "HANDOFF_PORT": "5999",
        **extra,
    }


# ``handoff-actions`` up to the moment its port would open: Sanic's run is replaced by a
# probe that records what the process looks like then, and returns (the server stops).
_SERVE = """
    import gc, json
    import sanic
    from handoff.adapters import server
    from handoff.router import warm_up
    from handoff.signals.text import analyze_text
    seen = {}

    def probe(app, **options):
        seen["frozen_at_run"] = gc.get_freeze_count()
        seen["warmed_at_run"] = analyze_text.cache_info().currsize > 0
        seen["single_process"] = options.get("single_process")

    sanic.Sanic.run = probe
    server.serve(server.settings_from_env())
    seen["later_call_froze"] = warm_up()
    print(json.dumps(seen))
"""


def test_action_server_freezes_once_after_warm_up_before_serving(tmp_path: Path) -> None:
    result = _run(_SERVE, _server_env(tmp_path))
    assert result["warmed_at_run"], "the first customer does not load spaCy and VADER"
    assert result["frozen_at_run"] > MANY, "the heap is frozen before the port opens"
    assert result["single_process"] is True
    assert result["later_call_froze"] is False, "frozen once per process"


def test_action_server_opt_out_keeps_the_warm_up(tmp_path: Path) -> None:
    result = _run(_SERVE, _server_env(tmp_path, HANDOFF_GC_FREEZE="0"))
    assert result["warmed_at_run"]
    assert result["frozen_at_run"] == 0
    # The process never froze, so a library call later still can.
    assert result["later_call_froze"] is True


def test_plain_rasa_sdk_runtime_warms_and_freezes_once(tmp_path: Path) -> None:
    result = _run(
        """
        import gc, json
        from handoff.adapters.rasa_actions import runtime_from_env
        first = runtime_from_env()
        frozen = gc.get_freeze_count()
        again = runtime_from_env()
        print(json.dumps({"frozen": frozen, "same": first is again,
                          "after": gc.get_freeze_count()}))
        """,
        _server_env(tmp_path),
    )
    assert result["frozen"] > MANY
    assert result["same"] is True
    assert result["after"] <= result["frozen"]


@pytest.mark.parametrize(
    ("value", "expected"), [(None, True), ("1", True), ("0", False), (" 0 ", False)]
)
def test_gc_freeze_setting(value: str | None, expected: bool) -> None:
    env = {} if value is None else {"HANDOFF_GC_FREEZE": value}
    assert settings_from_env(env, strict=False).gc_freeze is expected


@pytest.mark.parametrize(
    ("relay_on", "env", "frozen"),
    [(True, {}, True), (True, {"HANDOFF_GC_FREEZE": "0"}, False), (False, {}, False)],
    ids=["relay", "relay-opted-out", "no-relay"],
)
def test_the_desktop_freezes_only_with_its_relay_on(
    relay_on: bool, env: dict[str, str], frozen: bool
) -> None:
    """``handoff desktop serve`` warms and freezes before serving when the live relay runs
    (it scores lines and re-routes); without the relay nothing is loaded (no spaCy)."""
    result = _run(
        f"""
        import gc, json, sys
        from handoff import Router
        from handoff.cli._desktop_web import warm_for_relay
        router = Router.from_path("rules/default.yaml")
        froze = warm_for_relay({relay_on!r}, router)
        print(json.dumps({{"froze": froze, "count": gc.get_freeze_count(),
                          "spacy": "spacy" in sys.modules}}))
        """,
        env=env,
    )
    assert result["froze"] is frozen
    assert (result["count"] > MANY) is frozen
    if not relay_on:
        assert result["spacy"] is False
