"""The browser tests can never be skipped silently: without Chromium they skip with the reason
on a developer's machine, and fail in CI, which installs Chromium and demands them."""

from __future__ import annotations

import pytest

from tests.desktop.browser.harness import ROOT, chromium_or_skip


def test_missing_browser_skips_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    """No chromium on PATH and no HANDOFF_CHROMIUM: a skip that says how to get one."""
    monkeypatch.delenv("HANDOFF_CHROMIUM", raising=False)
    monkeypatch.delenv("HANDOFF_REQUIRE_BROWSER", raising=False)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        chromium_or_skip()


def test_missing_browser_fails_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    """HANDOFF_REQUIRE_BROWSER=1 (CI) turns that skip into a failure."""
    monkeypatch.delenv("HANDOFF_CHROMIUM", raising=False)
    monkeypatch.setenv("HANDOFF_REQUIRE_BROWSER", "1")
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(pytest.fail.Exception, match="HANDOFF_REQUIRE_BROWSER is set"):
        chromium_or_skip()


def test_a_wrong_configured_binary_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A HANDOFF_CHROMIUM that is not executable fails, required or not: whoever set it wants
    the browser tests, and a skip would hide the typo."""
    monkeypatch.setenv("HANDOFF_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.delenv("HANDOFF_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.fail.Exception, match="'/nonexistent/chromium' is not an exec"):
        chromium_or_skip()


def test_ci_installs_chromium_and_requires_the_browser_tests() -> None:
    """.ci/run installs Debian's chromium and sets HANDOFF_REQUIRE_BROWSER before the README's
    test command runs (through tests/newcomer.py, which passes that setting through)."""
    script = (ROOT / ".ci" / "run").read_text()
    install = script.index("apt-get install -y -qq graphviz chromium")
    required = script.index("export HANDOFF_REQUIRE_BROWSER=1")
    assert install < required < script.index("python3 tests/newcomer.py")
    newcomer = (ROOT / "tests" / "newcomer.py").read_text()
    assert '"HANDOFF_REQUIRE_BROWSER"' in newcomer
