"""Reading conversations: our Conversation JSON, a routing case, or a Rasa tracker dump."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

import click
from pydantic import BaseModel

from handoff.errors import ConversationError
from handoff.testing import Loaded, parse_json
from handoff.testing import conversation_from_data as _conversation_from_data

__all__ = [
    "SNIFF_BYTES",
    "Loaded",
    "conversation_from_data",
    "jsonable",
    "looks_like_rules",
    "parse_json",
    "read_conversation_file",
    "usage_hint",
    "what_else",
]

MAX_INPUT_BYTES = 20_000_000


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


def conversation_from_data(data: Any) -> Loaded:
    """Detect the shape (tracker dump, routing case, conversation) and read it; a tracker
    dump is read as the Rasa action reads a tracker (its routing state slot included)."""
    return _conversation_from_data(data, read_tracker=_from_tracker)


def _from_tracker(data: dict[str, Any]) -> Loaded:
    try:
        from rasa_sdk import Tracker  # noqa: PLC0415  (optional extra, only for tracker dumps)

        from handoff.adapters.rasa import tracker_to_conversation  # noqa: PLC0415
    except ImportError:
        raise ConversationError(
            "this is a Rasa tracker dump; reading it needs rasa-sdk: "
            "pip install 'handoff-router[rasa]'"
        ) from None
    try:
        return Loaded(tracker_to_conversation(Tracker.from_dict(data)), "Rasa tracker")
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
