"""The README's pictures of the desktop exist, are the 1366x768 screenshots the script takes
(tests/desktop/browser/screenshots.py), and stay small enough to keep in git."""

from __future__ import annotations

import struct

import pytest

from tests.desktop.browser.harness import ROOT
from tests.desktop.browser.screenshots import PICTURES


@pytest.mark.parametrize("name", PICTURES)
def test_picture_is_a_small_1366x768_png(name: str) -> None:
    """Regenerate with: .venv/bin/python -m tests.desktop.browser.screenshots"""
    data = (ROOT / "docs" / name).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (1366, 768)
    assert len(data) < 150_000
