"""The supervisors' KPI page: the report's figures over the desktop's own records, for
supervisors and admins only, through the real app served on 127.0.0.1 (as the other web
tests: Starlette's TestClient now wants httpx2, which the project does not use)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from handoff.desktop import Desktop
from handoff.desktop.kpis import MAX_DAYS, KpiPage, period_from
from handoff.desktop.outcomes import store_dataset
from handoff.desktop.records import InvalidInput
from tests.desktop._web import Browser, app_for, serve
from tests.desktop.conftest import People
from tests.report.data import dataset

PERIOD = "/kpis?first=2026-11-02&last=2026-11-08"
HOSTILE_LANE = "<script>alert('lane')</script>"


@pytest.fixture
def url(desk: Desktop, desktop_url: str, people: People) -> Iterator[str]:
    """The desktop served, with a week of outcome records stored in its own database."""
    store_dataset(
        desktop_url, dataset(conversations=300, days=7, lanes=("general_support", HOSTILE_LANE))
    )
    with serve(app_for(desk)) as base:
        yield base


@pytest.fixture
def client(url: str) -> Iterator[Browser]:
    browser = Browser(url)
    try:
        yield browser
    finally:
        browser.close()


def _login(client: Browser, username: str) -> None:
    assert client.login(username).status_code == 303


class TestWhoSeesIt:
    @pytest.mark.parametrize("username", ["sue", "ada"])
    def test_supervisors_and_admins_see_the_figures(self, client: Browser, username: str) -> None:
        """Every section of the report, over the stored records, in the desktop's frame."""
        _login(client, username)
        page = client.get(PERIOD)
        assert page.status_code == 200
        for section in ("headline", "over-time", "lanes", "sentiment", "rules", "shadow"):
            assert f'data-testid="section-{section}"' in page.text
        assert "900 routed turns" in page.text  # 300 conversations of 3 turns each
        assert 'data-testid="nav-kpis"' in page.text
        assert 'href="/static/report.css' in page.text

    @pytest.mark.parametrize("username", ["alice", "bob"])
    def test_agents_are_refused(self, client: Browser, username: str) -> None:
        """403, nothing of the figures, and no link to the page in their navigation."""
        _login(client, username)
        page = client.get(PERIOD)
        assert page.status_code == 403
        assert "kpi-report" not in page.text
        assert 'data-testid="nav-kpis"' not in client.get("/").text

    def test_anonymous_visitors_go_to_the_login_page(self, client: Browser) -> None:
        page = client.get(PERIOD)
        assert page.status_code == 303
        assert page.headers["location"].startswith("/login?next=")


class TestThePage:
    def test_names_from_yaml_are_escaped(self, client: Browser) -> None:
        """A lane name is text on the page, never markup."""
        _login(client, "sue")
        text = client.get(PERIOD).text
        assert HOSTILE_LANE not in text
        assert "&lt;script&gt;alert(&#39;lane&#39;)&lt;/script&gt;" in text

    def test_it_keeps_the_desktops_strict_policy(self, client: Browser) -> None:
        """No inline style or script: charts are data: images, the styles a static file."""
        _login(client, "sue")
        page = client.get(PERIOD)
        assert "style-src 'self'" in page.headers["content-security-policy"]
        assert "<style" not in page.text
        assert " style=" not in page.text
        assert not re.search(r"<script(?![^>]*\bsrc=)", page.text)
        css = client.get("/static/report.css")
        assert css.status_code == 200
        assert ".kpi-report" in css.text

    def test_a_bad_period_is_refused_with_the_reason(self, client: Browser) -> None:
        _login(client, "sue")
        page = client.get("/kpis?first=2026-13-01")
        assert page.status_code == 422
        assert "2026-11-30" in page.text

    def test_an_empty_period_says_so(self, client: Browser) -> None:
        _login(client, "sue")
        page = client.get("/kpis?first=2025-01-01&last=2025-01-31")
        assert page.status_code == 200
        assert "No conversations in this period." in page.text


class TestPeriods:
    def test_default_is_the_last_30_days(self) -> None:
        period = period_from(None, None, today=date(2026, 12, 2))
        assert (period.first, period.last) == (date(2026, 11, 3), date(2026, 12, 2))
        assert period.until.isoformat() == "2026-12-03T00:00:00+00:00"

    @pytest.mark.parametrize(
        ("first", "last"),
        [("2026-12-02", "2026-12-01"), ("x", None), ("2020-01-01", "2026-01-01"), ("9" * 40, "")],
    )
    def test_refused(self, first: str | None, last: str | None) -> None:
        with pytest.raises(InvalidInput):
            period_from(first, last, today=date(2026, 12, 2))

    def test_at_most_a_year(self) -> None:
        period = period_from("2025-01-01", None, today=date(2025, 12, 31))
        assert (period.last - period.first).days + 1 == MAX_DAYS - 1


def test_a_page_is_computed_once_a_minute(desk: Desktop, desktop_url: str, people: People) -> None:
    """Reloads within the minute reuse the page; after it, new records show."""
    now = [0.0]
    page = KpiPage(desk, clock=lambda: now[0])
    period = period_from("2026-11-02", "2026-11-08")
    first, _ = page.body(people.sue, period)
    store_dataset(desktop_url, dataset(seed=2, conversations=50, days=7))
    again, _ = page.body(people.sue, period)
    assert again == first
    now[0] = 61.0
    later, _ = page.body(people.sue, period)
    assert later != first
