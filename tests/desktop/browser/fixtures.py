"""Browser fixtures for the desktop's tests (imported by conftest.py here and by the e2e
test): one Chromium per module, a browser context per user. When a test fails, each open
page's screenshot and each context's Playwright trace are kept under
tests/desktop/browser/output/<test>/ (git-ignored; open a trace with
``.venv/bin/playwright show-trace <file>``)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from tests.desktop.browser.harness import (
    CHROMIUM_ARGS,
    OUTPUT,
    VIEWPORT,
    DesktopServer,
    chromium_or_skip,
    login,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page


@pytest.fixture(scope="module")
def chromium() -> str:
    return chromium_or_skip()


@pytest.fixture(scope="module")
def browser(chromium: str) -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; one per module (contexts are per user)."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=list(CHROMIUM_ARGS))
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def output_dir(request: pytest.FixtureRequest) -> Path:
    """This test's output folder (screenshots, traces), emptied when the test starts."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid.split("::", 1)[-1])
    folder = OUTPUT / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


OpenAs = Callable[..., "Page"]


@pytest.fixture(scope="module")
def sessions() -> dict[tuple[str, str], Any]:
    """Each person's logged-in browser state (cookies), per server, for this module: the
    login form is filled once per person, later contexts start from its cookies."""
    return {}


@pytest.fixture
def open_as(
    browser: Browser,
    sessions: dict[tuple[str, str], Any],
    request: pytest.FixtureRequest,
    output_dir: Path,
) -> Iterator[OpenAs]:
    """``open_as(server, "fran")``: a new browser context (its own cookies, like another
    computer) logged in as that person, on the queue page. The first time in a module the
    person logs in through the form; ``fresh=True`` always does (a session of its own, for a
    test that logs out); ``log_in=False`` opens a blank, anonymous page."""
    contexts: list[tuple[str, BrowserContext]] = []

    def open_page(
        server: DesktopServer, username: str, *, log_in: bool = True, fresh: bool = False
    ) -> Page:
        known = sessions.get((server.url, username)) if log_in and not fresh else None
        context = browser.new_context(
            base_url=server.url,
            viewport=VIEWPORT,  # type: ignore[arg-type]
            storage_state=known,
        )
        context.set_default_timeout(10_000)
        context.tracing.start(screenshots=True, snapshots=True)
        contexts.append((username, context))
        page = context.new_page()
        if known is not None:
            page.goto("/")
            expect(page.get_by_test_id("whoami")).to_contain_text(username)
        elif log_in:
            login(page, server.people[username])
            if not fresh:
                sessions[(server.url, username)] = context.storage_state()
        return page

    failures = request.session.testsfailed
    yield open_page
    # The call phase's report is logged (and counted) before fixtures are torn down.
    failed = request.session.testsfailed > failures
    for index, (username, context) in enumerate(contexts):
        if failed:
            for number, page in enumerate(context.pages):
                if not page.is_closed():
                    page.screenshot(path=output_dir / f"failure-{username}-{index}-{number}.png")
            context.tracing.stop(path=output_dir / f"trace-{username}-{index}.zip")
        else:
            context.tracing.stop()
        context.close()
