"""The supervisors' KPI page in a real browser: reached from the navigation, every chart
shown under the desktop's strict CSP, nothing fetched from elsewhere; agents have no link."""

from __future__ import annotations

from datetime import date, timedelta

from playwright.sync_api import expect

from handoff.desktop.outcomes import store_dataset
from tests.desktop.browser.fixtures import OpenAs
from tests.desktop.browser.harness import DesktopServer
from tests.report.data import dataset

SECTIONS = ("headline", "over-time", "lanes", "sentiment", "rules", "experiments", "shadow")


def test_a_supervisor_opens_the_kpis_and_an_agent_cannot(
    server: DesktopServer, open_as: OpenAs
) -> None:
    """Sue follows the KPIs link and reads every section; Fran has no link and gets 403."""
    # A week of records ending yesterday, so the page's default period (30 days) has them.
    first = date.today() - timedelta(days=7)
    start = (first - date(1970, 1, 1)).total_seconds()
    url = server.desktop.engine.url.render_as_string(hide_password=False)
    store_dataset(url, dataset(conversations=200, days=7, lanes=("fraud", "cards"), start=start))

    sue = open_as(server, "sue")
    outside: list[str] = []
    problems: list[str] = []
    sue.on(
        "request",
        lambda request: (
            None if request.url.startswith((server.url, "data:")) else outside.append(request.url)
        ),
    )
    sue.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    sue.get_by_test_id("nav-kpis").click()
    expect(sue).to_have_url(f"{server.url}/kpis")
    for section in SECTIONS:
        expect(sue.get_by_test_id(f"section-{section}")).to_be_visible()
    expect(sue.get_by_test_id("kpi-handoff_rate")).to_contain_text("n = 200 conversations")
    images = sue.locator(".kpi-report img")
    assert images.count() >= 6
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0"), index
    # /static/report.css applied (the desktop's CSP allows no inline style).
    card = sue.get_by_test_id("kpi-handoff_rate")
    assert card.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"
    assert outside == []
    assert problems == []

    fran = open_as(server, "fran")
    expect(fran.get_by_test_id("nav-queues")).to_be_visible()
    expect(fran.get_by_test_id("nav-kpis")).to_have_count(0)
    answer = fran.goto("/kpis")
    assert answer is not None
    assert answer.status == 403
