"""The report file opened in headless Chromium (Debian's, driven by Playwright), with the
network blocked and every request recorded: it asks for nothing but itself, its charts and
stylesheet pass its own Content-Security-Policy, and it works without JavaScript."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import expect

from tests.desktop.browser.fixtures import browser, chromium
from tests.desktop.browser.harness import ROOT
from tests.report.screenshot import PICTURE, SIZE, photograph, simulated_report

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

__all__ = ["browser", "chromium"]

SECTIONS = ("headline", "over-time", "lanes", "sentiment", "rules", "experiments", "shadow")


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The simulated month's report, as the README's picture shows it."""
    return simulated_report(tmp_path_factory.mktemp("report") / "report.html")


class Opened:
    """A page with the report, and what it asked the network for and said on its console."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.refused: list[str] = []
        self.console: list[str] = []


@pytest.fixture
def opened(browser: Browser, report_file: Path) -> Iterator[Opened]:
    """The report in a fresh context without JavaScript; anything but the file is refused."""
    context = browser.new_context(viewport=SIZE, java_script_enabled=False)  # type: ignore[arg-type]
    page = context.new_page()
    seen = Opened(page)

    def route(route: Any) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            seen.refused.append(url)
            route.abort()

    context.route("**/*", route)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda message: seen.console.append(f"{message.type}: {message.text}"))
    page.goto(report_file.resolve().as_uri())
    try:
        yield seen
    finally:
        context.close()


def test_nothing_is_fetched_and_nothing_is_refused(opened: Opened, report_file: Path) -> None:
    """The only request is the file itself (charts are data: URIs); no CSP complaint."""
    page = opened.page
    expect(page.get_by_test_id("figure-daily").locator("img")).to_be_visible()
    assert opened.refused == []
    outside = [url for url in opened.requests if not url.startswith("data:")]
    assert outside == [report_file.resolve().as_uri()]
    assert opened.console == []  # Chromium logs every CSP violation there


def test_every_section_shows_with_its_charts(opened: Opened) -> None:
    """Each section visible, every chart decoded, the inline stylesheet applied."""
    page = opened.page
    for section in SECTIONS:
        expect(page.get_by_test_id(f"section-{section}")).to_be_visible()
    expect(page.get_by_test_id("definitions")).to_be_visible()
    images = page.locator("img")
    assert images.count() >= 6
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), index
        assert image.get_attribute("alt")
    # The stylesheet passed the page's CSP (by its hash): the cards have their border.
    card = page.get_by_test_id("kpi-handoff_rate")
    assert card.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"
    expect(card).to_contain_text("Handoff rate")
    expect(card).to_contain_text("n = ")


def test_tables_open_without_javascript(opened: Opened) -> None:
    """The figures behind a chart are one click away (a <details>, no script)."""
    page = opened.page
    table = page.get_by_test_id("daily-table")
    expect(table).to_be_hidden()
    page.get_by_test_id("figure-daily").locator(
        "xpath=following-sibling::details[1]/summary"
    ).click()
    expect(table).to_be_visible()
    expect(table.locator("tbody tr").first).to_be_visible()


def test_the_experiment_verdicts_read_as_sentences(opened: Opened) -> None:
    """Each arm against the control, in words, beside the arms side by side."""
    page = opened.page
    verdicts = page.locator("[data-testid^=verdict-]")
    assert verdicts.count() >= 2
    expect(verdicts.first).to_contain_text(" vs ")
    expect(page.locator("[data-testid^=arms-]").first).to_be_visible()


def test_the_readme_picture_is_this_report(
    browser: Browser, report_file: Path, tmp_path: Path
) -> None:
    """The script behind docs/report.png photographs this run's report the same way, and
    the committed picture has its size (regenerate: python -m tests.report.screenshot)."""
    taken = photograph(report_file, tmp_path / PICTURE, browser=browser)
    committed = ROOT / "docs" / PICTURE
    for path in (taken, committed):
        data = path.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", data[16:24]) == (SIZE["width"], SIZE["height"])
        assert len(data) < 150_000
