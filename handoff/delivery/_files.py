"""Owner-only files: payloads hold customers' words, so nothing we create is readable by others."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

__all__ = ["create_private", "open_private_append", "warn_if_shared"]

log = logging.getLogger("handoff.delivery")

PRIVATE_MODE = 0o600


def warn_if_shared(path: Path) -> None:
    """Log a warning if an existing ``path`` can be read or written by group or others.

    We do not chmod someone else's file: an operator may share it on purpose (a backup
    group, say). The warning names the path and the mode, never the contents.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and mode & 0o077:
        log.warning(
            "%s is readable or writable by group/others (mode %s); it holds customers' "
            "messages: chmod 600 %s",
            path,
            oct(stat.S_IMODE(mode)),
            path,
        )


def create_private(path: Path) -> None:
    """Create ``path`` empty with mode 0600 unless it exists; warn if an existing one is shared.

    Created with ``O_EXCL`` and the mode given to ``open`` itself, so there is no moment when
    the file exists with the umask's wider default.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
    except FileExistsError:
        warn_if_shared(path)
        return
    os.close(fd)


def open_private_append(path: Path) -> int:
    """Open ``path`` for appending, creating it with mode 0600; return the file descriptor."""
    return os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_MODE)
