"""Reading conversations: our Conversation JSON, a routing case, or a Rasa tracker dump."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from handoff.errors import ConversationError
from handoff.models.conversation import Conversation
from handoff.testing import Expect, RoutingCase

__all__ = ["Loaded", "conversation_from_data", "jsonable", "read_conversation_file"]

MAX_INPUT_BYTES = 20_000_000


@dataclass(frozen=True)
class Loaded:
    """A conversation read from a file, with what a routing case adds (time, load, expect)."""

    conversation: Conversation
    source: str  # "conversation", "routing case" or "Rasa tracker"
    now: datetime | None = None
    queue_load: Mapping[str, int] = field(default_factory=dict)
    expect: Expect | None = None


def read_conversation_file(path: Path) -> Loaded:
    """Read one JSON file; ConversationError names the file and what is wrong."""
    size = path.stat().st_size
    if size > MAX_INPUT_BYTES:
        raise ConversationError(
            f"{path}: the file is {size:,} bytes; the limit is {MAX_INPUT_BYTES:,} "
            "(for many conversations use 'handoff replay' with one JSON per line)"
        )
    try:
        return conversation_from_data(parse_json(path.read_bytes()))
    except ConversationError as error:
        raise ConversationError(f"{path}: {error}") from None


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
        return Loaded(_from_tracker(data), "Rasa tracker")
    if "conversation" in data:
        case = _validated(RoutingCase, data, "routing case")
        return Loaded(case.conversation, "routing case", case.now, case.queue_load, case.expect)
    return Loaded(_validated(Conversation, data, "conversation"), "conversation")


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
            "this is a Rasa tracker dump; reading it needs rasa-sdk: pip install 'handoff-router[rasa]'"
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
