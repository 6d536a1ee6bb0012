"""The demo shows, for every sample of every rule set, what the customer is told and the
whole payload the agent receives: nothing is trimmed without saying so."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from handoff import demo
from handoff.models.conversation import Conversation
from handoff.router import Router
from handoff.testing import check_case, load_cases
from tests.conftest import ROOT

RULES = ROOT / "rules"
RULE_SETS = sorted(p.stem for p in RULES.glob("*.yaml"))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = demo.main([*args])
    return code, capsys.readouterr().out


def _blocks(out: str) -> dict[str, str]:
    """The demo's output per sample, by sample name."""
    blocks = {}
    for chunk in out.split("\n[")[1:]:
        name = chunk.split("] ", 1)[1].split(":", 1)[0]
        blocks[name] = chunk
    return blocks


def _leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, f"{path}[{index}]")
    elif value is not None:
        yield path, value


def _outcomes(name: str) -> Iterator[tuple[str, Router, Any, Any]]:
    router = Router.from_path(RULES / f"{name}.yaml")
    for path, case in load_cases(RULES / "samples" / name):
        decision = check_case(router, case, path.stem).decision
        yield path.stem, router, case, decision


@pytest.mark.parametrize("name", RULE_SETS)
def test_compact_view_shows_every_payload_value(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every value of every payload (bot_tried, per-turn sentiment, ids...) is on screen,
    and the footer says nothing was left out; the customer's message is shown beside it."""
    code, out = _run(capsys, str(RULES / f"{name}.yaml"))
    assert code == 0, out
    blocks = _blocks(out)
    outcomes = list(_outcomes(name))
    assert set(blocks) == {stem for stem, *_ in outcomes}
    for stem, router, case, decision in outcomes:
        block = blocks[stem]
        if not decision.handoff:
            assert "the bot continues the conversation (no payload)" in block
            assert "receives this payload" not in block
            continue
        message = router.ruleset.lanes[decision.lane].message
        assert message
        assert f'is told "{message}"' in block
        payload = router.payload(case.conversation, decision, now=case.now)
        assert payload.why.summary
        assert f"why             {payload.why.summary}" in block
        for where, value in _leaves(payload.model_dump(mode="json")):
            shown = value if isinstance(value, str) else json.dumps(value)
            assert shown in block, f"{stem}: {where} = {shown!r} is not shown"
        assert "left out        nothing: every field is shown" in block
        assert "bot tried" in block


def test_cues_sit_under_the_line_they_came_from(capsys: pytest.CaptureFixture[str]) -> None:
    _, out = _run(capsys, str(RULES / "default.yaml"))
    block = _blocks(out)["03_mood_sliding_to_priority"]
    lines = block.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("5 user"))
    assert lines[at + 1].strip() == 'cue repeated_asking: "third time"'
    assert "3 user   it's been way more than 10 days" in block


def test_cues_before_the_transcript_window_are_listed() -> None:
    """A long chat's payload carries only the latest lines; an earlier cue is still shown,
    with the turn it came from, instead of pointing at a line that is not there."""
    router = Router.from_path(RULES / "default.yaml")
    turns: list[dict[str, str]] = [{"role": "user", "text": "This is ridiculous!!"}]
    for i in range(12):
        turns += [{"role": "bot", "text": f"Answer {i}."}, {"role": "user", "text": f"ok {i}"}]
    conversation = Conversation.model_validate({"id": "long", "turns": turns})
    decision = router.route(conversation)
    payload = router.payload(conversation, decision)
    assert payload.transcript[0].turn > 1
    assert any(cue.turn == 1 for cue in payload.cues)
    text = "\n".join(demo.render_payload(payload, conversation))
    assert f"turns {payload.transcript[0].turn}-25 of 25 (the payload carries" in text
    assert 'cue exasperation on turn 1 (before these lines): "ridiculous"' in text


def test_a_field_not_rendered_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """If the compact view ever stops rendering a field, the screen says which and how to
    see it."""
    monkeypatch.setattr(demo, "SHOWN", tuple(f for f in demo.SHOWN if f != "bot_tried"))
    _, out = _run(capsys, str(RULES / "default.yaml"))
    assert "left out        bot_tried (--full prints every field)" in out


@pytest.mark.parametrize("name", RULE_SETS)
def test_full_prints_each_payload_as_delivered(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _run(capsys, str(RULES / f"{name}.yaml"), "--full")
    assert code == 0
    blocks = _blocks(out)
    for stem, router, case, decision in _outcomes(name):
        if not decision.handoff:
            continue
        block = blocks[stem].split("receives this payload:\n", 1)[1]
        text = "\n".join(line[12:] for line in block.splitlines())
        shown, _ = json.JSONDecoder().raw_decode(text)
        payload = router.payload(case.conversation, decision, now=case.now)
        assert shown == payload.model_dump(mode="json")


def test_help_documents_full_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        demo.main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "--full" in out
    assert "examples:\n  .venv/bin/python -m handoff.demo rules/default.yaml" in out


def test_missing_rules_file_names_the_file_meant() -> None:
    """A typo is exit 1 with the file it probably meant, never 'file:0:0'."""
    result = subprocess.run(
        [sys.executable, "-m", "handoff.demo", "rules/defualt.yaml"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        "rules/defualt.yaml: no such file (did you mean rules/default.yaml?)"
    )
    assert result.stdout == ""


def test_missing_samples_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = demo.main([str(RULES / "default.yaml"), str(tmp_path / "nowhere")])
    assert code == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'nowhere'}: no such file"


def test_a_sample_that_misroutes_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    case = json.loads((RULES / "samples" / "default" / "02_asks_for_a_human.json").read_text())
    case["expect"] = {"lane": "bot"}
    (tmp_path / "wrong.json").write_text(json.dumps(case))
    code, out = _run(capsys, str(RULES / "default.yaml"), str(tmp_path))
    assert code == 1
    assert "[FAIL] wrong" in out
    assert "0 of 1 samples routed as expected" in out
