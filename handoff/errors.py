"""The one exception tree of handoff; every rules error names file, line, key path and a fix.

::

    HandoffError                  base of everything handoff raises on purpose
    ├── RulesError                a rules file (or folder) cannot be used; carries .problems
    ├── ConversationError         a conversation could not be read (bad JSON, wrong shape)
    └── StorageUnavailable        durable storage (the outbox) cannot take or give data now

Routing itself never raises into the bot: faults become a decision for the safe lane
with ``Decision.error`` set (see ``handoff.router``).
"""

from __future__ import annotations

import difflib
import itertools
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ConversationError",
    "HandoffError",
    "Problem",
    "RulesError",
    "StorageUnavailable",
    "describe_error",
    "describe_missing_file",
    "did_you_mean",
    "similar_path",
]


class HandoffError(Exception):
    """Base class of the errors handoff raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a rules file, located precisely enough to fix it."""

    file: str
    line: int  # 1-based; 0 when the problem is about the file as a whole
    column: int  # 1-based; 0 when unknown
    message: str
    hint: str = ""
    key_path: tuple[str | int, ...] = field(default=())

    @property
    def location(self) -> str:
        """``file:line:col`` as editors and CI annotations understand it."""
        return f"{self.file}:{self.line}:{self.column}"

    def __str__(self) -> str:
        where = ""
        if self.key_path:
            where = " (at " + _format_key_path(self.key_path) + ")"
        text = f"{self.location}: {self.message}{where}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


def _format_key_path(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class RulesError(HandoffError):
    """A rules file or folder cannot be loaded; ``problems`` lists every finding."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        if not problems:
            raise ValueError("RulesError needs at least one problem")
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        return f"{head} in rules:\n" + "\n".join(str(p) for p in self.problems)


class ConversationError(HandoffError):
    """A conversation could not be read into the ``Conversation`` model."""


class StorageUnavailable(HandoffError):
    """Durable storage cannot be used now (locked, corrupt, full, unreachable, read-only).

    Its message names the storage and the cause, never the data being stored. Whoever sees
    it must not tell a customer that a person is coming: the payload was not stored.
    """


def did_you_mean(word: str, possibilities: Iterable[str]) -> str:
    """A "did you mean …?" hint for a misspelled name, or "" when nothing is close."""
    options = sorted(set(possibilities))
    close = difflib.get_close_matches(word, options, n=3, cutoff=0.6)
    if not close:
        lowered = {o.lower(): o for o in options}
        close = [lowered[m] for m in difflib.get_close_matches(word.lower(), list(lowered), n=3)]
    if not close:
        return ""
    if len(close) == 1:
        return f"did you mean {close[0]!r}?"
    return "did you mean one of " + ", ".join(repr(c) for c in close) + "?"


def describe_error(error: BaseException) -> str:
    """An exception's type and innermost frame, for logs: enough to find the bug, no values.

    Exception messages are left out on purpose: pydantic's, SQLAlchemy's and most others
    quote the input, and the input is a customer's text, ids or payload.
    """
    frame = None
    trace = error.__traceback__
    while trace is not None:
        frame, trace = trace, trace.tb_next
    if frame is None:
        return type(error).__name__
    code = frame.tb_frame.f_code
    place = f"{os.path.basename(code.co_filename)}:{frame.tb_lineno}"
    return f"{type(error).__name__} at {place} in {code.co_name}"


MAX_SIBLINGS = 10_000  # names compared for "did you mean" in one folder


def similar_path(path: Path) -> Path | None:
    """An existing path one typo away from ``path``, for "did you mean" hints.

    Each missing part of the path is matched against its folder's names with difflib, so
    ``rulez/defualt.yaml`` finds ``rules/default.yaml``; None when nothing close exists.
    """
    base = Path(path.anchor) if path.is_absolute() else Path()
    parts = path.parts[1:] if path.is_absolute() else path.parts
    changed = False
    for part in parts:
        if part in (".", "..") or os.path.lexists(base / part):
            base /= part
            continue
        try:
            with os.scandir(base) as entries:
                names = [entry.name for entry in itertools.islice(entries, MAX_SIBLINGS)]
        except OSError:
            return None
        close = difflib.get_close_matches(part, names, n=1, cutoff=0.7)
        if not close:
            return None
        base /= close[0]
        changed = True
    return base if changed and base.exists() else None


def describe_missing_file(path: str | os.PathLike[str]) -> str:
    """``<path>: no such file``, with ``(did you mean <path>?)`` when an existing path is one
    typo away (see similar_path): the one line every entry point prints for a missing file."""
    close = similar_path(Path(path))
    hint = f" (did you mean {close}?)" if close else ""
    return f"{path}: no such file{hint}"
