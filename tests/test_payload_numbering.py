"""One turn numbering for agents: payload transcript, cues, per-turn sentiment and
``handoff explain`` all number a message by its 1-based position in the conversation; the
sentiment label describes the latest message; the published schema says both."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from handoff.cli import cli
from handoff.models.conversation import Conversation
from handoff.payload import payload_json_schema
from handoff.router import Router
from handoff.testing import RoutingCase
from tests.conftest import ROOT

RULES = ROOT / "rules"
OPEN = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)
SAMPLES = sorted((RULES / "samples").glob("*/*.json"))


def _chat(*turns: tuple[str, str]) -> Conversation:
    return Conversation.model_validate(
        {"id": "n", "turns": [{"role": role, "text": text} for role, text in turns]}
    )


def test_user_turn_numbers_count_every_message_from_one() -> None:
    chat = _chat(("user", "a"), ("bot", "b"), ("agent", "c"), ("user", "d"), ("system", "e"))
    assert chat.user_turn_numbers == (1, 4)
    assert _chat().user_turn_numbers == ()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_payload_numbers_match_the_conversation(path: Path) -> None:
    """Transcript line N is the conversation's Nth message; a cue's turn is the line its
    evidence is on; per-turn sentiment is numbered like the customer's lines."""
    case = RoutingCase.model_validate_json(path.read_bytes())
    router = Router.from_path(RULES / f"{path.parent.name}.yaml")
    conversation = case.conversation
    decision = router.route(conversation, now=case.now, queue_load=case.queue_load)
    payload = router.payload(conversation, decision, now=case.now)
    for line in payload.transcript:
        assert 1 <= line.turn <= len(conversation.turns)
        assert line.role == conversation.turns[line.turn - 1].role
    lines = {line.turn: line for line in payload.transcript}
    assert list(lines) == list(
        range(len(conversation.turns) - len(lines) + 1, len(conversation.turns) + 1)
    )
    for cue in payload.cues:
        message = conversation.turns[cue.turn - 1]
        assert message.role == "user"
        assert cue.evidence.lower() in message.text.lower()
        if cue.turn in lines:
            assert cue.evidence.lower() in lines[cue.turn].text.lower()
    assert [n for n, _ in payload.sentiment.per_turn] == list(conversation.user_turn_numbers)


def test_explain_numbers_turns_like_the_payload() -> None:
    """explain's turn-by-turn list uses the payload's numbers, and says what it counts."""
    sample = RULES / "samples" / "default" / "02_asks_for_a_human.json"
    case = RoutingCase.model_validate_json(sample.read_bytes())
    router = Router.from_path(RULES / "default.yaml")
    decision = router.route(case.conversation, now=case.now)
    payload = router.payload(case.conversation, decision, now=case.now)
    human_demand = next(c for c in payload.cues if c.cue == "human_demand")

    runner = CliRunner()
    text = runner.invoke(cli, ["explain", str(RULES / "default.yaml"), str(sample)]).output
    assert f"{human_demand.turn}: general_support (asked_for_human)" in text
    assert "turn by turn  1: bot · 3: bot · 5: general_support (asked_for_human)" in text
    assert "position among all messages from 1" in text

    data = json.loads(
        runner.invoke(cli, ["explain", str(RULES / "default.yaml"), str(sample), "--json"]).output
    )
    assert [t["turn"] for t in data["turns"]] == [1, 3, 5]
    assert [t["user_turn"] for t in data["turns"]] == [1, 2, 3]


def _sentiment(*texts: str) -> tuple[float, float, str]:
    router = Router.from_path(RULES / "default.yaml")
    turns = []
    for text in texts:
        turns += [("user", text), ("bot", "I see.")]
    chat = _chat(*turns[:-1])
    decision = router.route(chat, now=OPEN)
    sentiment = router.payload(chat, decision, now=OPEN).sentiment
    return sentiment.latest, sentiment.trend, sentiment.label


def test_label_follows_the_latest_message_not_the_trend() -> None:
    """After three furious messages a happy one is labelled positive, though the trend is
    still negative; and the other way round."""
    furious = "This is awful, terrible, the worst service ever, I hate it"
    latest, trend, label = _sentiment(furious, furious, furious, "Great, thank you so much!")
    assert latest > 0.05 > trend
    assert label == "positive"
    happy = "Lovely, thank you, that is great and very helpful"
    latest, trend, label = _sentiment(happy, happy, happy, furious)
    assert latest <= -0.6 < trend
    assert label == "very negative"


def test_schema_describes_turn_numbers_and_the_label() -> None:
    defs = payload_json_schema()["$defs"]
    for model in ("TranscriptLine", "EmotionalCue"):
        assert (
            "1-based position in the conversation"
            in defs[model]["properties"]["turn"]["description"]
        )
    sentiment = defs["SentimentInfo"]["properties"]
    assert "1-based position" in sentiment["per_turn"]["description"]
    assert "latest customer message, not the trend" in sentiment["label"]["description"]
    for field in ("latest", "trend", "delta", "minimum", "frustration"):
        assert sentiment[field]["description"]


def test_schema_version_is_minor_after_1_2() -> None:
    """Turn numbers and the label changed meaning, with the same shape: a minor bump (1.2);
    experiment and arm were added since (1.3), still major 1."""
    published = json.loads((RULES / "payload.schema.json").read_text(encoding="utf-8"))
    assert published["properties"]["schema_version"]["default"] == "1.3"
