"""Reading conversations: our Conversation JSON, a routing case, or a Rasa tracker dump."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel, ValidationError

from handoff.errors import ConversationError
from handoff.models.conversation import Conversation
from handoff.testing import Expect, RoutingCase

__all__ = [
    "SNIFF_BYTES",
    "Loaded",
    "conversation_from_data",
    "jsonable",
    "looks_like_rules",
    "read_conversation_file",
    "usage_hint",
    "what_else",
]

MAX_INPUT_BYTES = 20_000_000


@dataclass(frozen=True)
class Loaded:
    """A conversation read from a file, with what a routing case adds (time, load, expect)."""

    conversation: Conversation
    source: str  # "conversation", "routing case" or "Rasa tracker"
    now: datetime | None = None
    queue_load: Mapping[str, int] = field(default_factory=dict)
    expect: Expect | None = None
    has_id: bool = True  # False: the file gave no "id" (the model's placeholder is used)


def read_conversation_file(path: Path) -> Loaded:
    """Read one JSON file; ConversationError names the file and what is wrong."""
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise ConversationError(
            f"{path}: the file is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,} "
            "(for many conversations use 'handoff replay' with one JSON per line)"
        )
    raw = path.read_bytes()
    try:
        return conversation_from_data(parse_json(raw))
    except ConversationError as error:
        if looks_like_rules(raw):
            raise ConversationError(
                f"{path}: this is a rules file (YAML), not a conversation; "
                f"did you swap the arguments?{usage_hint()}"
            ) from None
        raise ConversationError(f"{path}: {error}") from None


_RULES_LINE = re.compile(rb"^(?:settings|lanes|rules|conditions):", re.MULTILINE)
_CASES_LINE = re.compile(rb"^(?:cases|defaults):", re.MULTILINE)
SNIFF_BYTES = 1_000_000


def looks_like_rules(raw: bytes) -> bool:
    """Whether bytes that are not JSON read like a rules file (a top-level rules key)."""
    return _RULES_LINE.search(raw[:SNIFF_BYTES]) is not None


def what_else(path: Path) -> str | None:
    """What a file that failed to load as rules is instead, if it is one of our inputs."""
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except OSError:
        return None
    for text in (head, head.split(b"\n", 1)[0]):
        try:
            data = json.loads(text.decode("utf-8-sig"))
        except (ValueError, RecursionError):
            continue
        if isinstance(data, dict):
            if "events" in data and "sender_id" in data:
                kind = "a Rasa tracker dump"
            elif "conversation" in data:
                kind = "a routing case"
            elif "turns" in data:
                kind = "a conversation"
            else:
                return None
            return kind if text is head else f"{kind} per line (JSON Lines)"
    if _CASES_LINE.search(head) is not None and _RULES_LINE.search(head) is None:
        return "a file of routing test cases"
    return None


def usage_hint() -> str:
    """`` (usage: handoff explain [OPTIONS] RULES CONVERSATION)`` for the running command."""
    ctx = click.get_current_context(silent=True)
    if ctx is None:
        return ""
    return f" (usage: {ctx.command_path} {' '.join(ctx.command.collect_usage_pieces(ctx))})"


def parse_json(raw: bytes) -> Any:
    """JSON text → data; ConversationError with line and column when it is not JSON."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConversationError(f"byte {error.start} is not valid UTF-8 (is this JSON?)") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConversationError(
            f"line {error.lineno} column {error.colno}: invalid JSON: {error.msg}"
        ) from None
    except RecursionError:
        raise ConversationError("the JSON is nested too deeply to read") from None


def conversation_from_data(data: Any) -> Loaded:
    """Detect the shape (tracker dump, routing case, conversation) and read it."""
    if not isinstance(data, dict):
        raise ConversationError(
            f"expected a JSON object (a conversation, a routing case or a Rasa tracker dump), "
            f"got {type(data).__name__}"
        )
    if "events" in data and "sender_id" in data:
        return _routable(Loaded(_from_tracker(data), "Rasa tracker"))
    if "conversation" in data:
        _check_turns(data["conversation"], "conversation.turns")
        case = _validated(RoutingCase, data, "routing case")
        has_id = isinstance(data["conversation"], dict) and "id" in data["conversation"]
        return _routable(
            Loaded(
                case.conversation, "routing case", case.now, case.queue_load, case.expect, has_id
            )
        )
    _check_turns(data, "turns")
    conversation = _validated(Conversation, data, "conversation")
    return _routable(Loaded(conversation, "conversation", has_id="id" in data))


def _check_turns(data: Any, where: str) -> None:
    """Every user turn says what the customer wrote; every bot turn what it said or did.

    The model defaults a missing ``text`` to "" (adapters build turns from events that may
    have none), but in a file a user turn without text is a mistake, not an empty message.
    """
    turns = data.get("turns") if isinstance(data, dict) else None
    if not isinstance(turns, list):
        return
    for index, turn in enumerate(turns):
        if not isinstance(turn, dict):
            continue
        role = turn.get("role")
        if role == "user" and "text" not in turn:
            raise ConversationError(
                f'{where}[{index}] (user turn {_user_number(turns, index)}) has no "text": '
                "every user turn needs the customer's message"
            )
        if role == "bot" and "text" not in turn and "action" not in turn:
            raise ConversationError(
                f'{where}[{index}] (bot turn) has neither "text" nor "action": '
                "give what the bot said or the action it ran"
            )


def _user_number(turns: list[Any], index: int) -> int:
    return 1 + sum(1 for t in turns[:index] if isinstance(t, dict) and t.get("role") == "user")


def _routable(loaded: Loaded) -> Loaded:
    if not loaded.conversation.user_turns:
        count = len(loaded.conversation.turns)
        raise ConversationError(
            f"no user turns to route (the {loaded.source} has {count} "
            f"turn{'s' if count != 1 else ''}, none from the user)"
        )
    return loaded


def _validated(model: type[Any], data: Any, what: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = error.errors()
        lines = [
            f"  {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
            for e in problems[:10]
        ]
        if len(problems) > 10:
            lines.append(f"  … and {len(problems) - 10} more")
        raise ConversationError(f"not a valid {what}:\n" + "\n".join(lines)) from None


def _from_tracker(data: dict[str, Any]) -> Conversation:
    try:
        from rasa_sdk import Tracker  # noqa: PLC0415  (optional extra, only for tracker dumps)

        from handoff.adapters.rasa import tracker_to_conversation  # noqa: PLC0415
    except ImportError:
        raise ConversationError(
            "this is a Rasa tracker dump; reading it needs rasa-sdk: "
            "pip install 'handoff-router[rasa]'"
        ) from None
    try:
        return tracker_to_conversation(Tracker.from_dict(data))
    except Exception as error:
        raise ConversationError(
            f"not a readable Rasa tracker dump: {type(error).__name__}: {error}"
        ) from None


def jsonable(value: Any) -> Any:
    """Plain JSON data with a stable order: sets sorted, NaN and infinities as null."""
    if isinstance(value, BaseModel):
        return jsonable(value.model_dump(mode="python", by_alias=True))
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((jsonable(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return jsonable(value.value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
