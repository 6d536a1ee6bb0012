"""The report renderer: every section from real KPIs, self-contained, escaped, and strict
about what the page may load."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timezone
from html.parser import HTMLParser

import pytest

from handoff.outcomes import Dataset, KpiReport, compute_kpis
from handoff.outcomes.report import (
    LINES_MARGIN_SECONDS,
    build_view,
    render_body,
    render_report,
    stylesheet,
    window,
)
from tests.report.data import DAY, START, dataset

SECTIONS = ("headline", "over-time", "lanes", "sentiment", "rules", "experiments", "shadow")
# Also not mathematics: matplotlib would read $…$ in a label as TeX (and fail on this one).
HOSTILE_LANE = "<script>alert('lane')</script> $x^$"
HOSTILE_RULE = '"><img src=x onerror=alert(1)>'
GENERATED = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)


class _Page(HTMLParser):
    """What a browser would load or run: tags, their attributes, and the text of styles."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


@pytest.fixture(scope="module")
def report() -> KpiReport:
    return compute_kpis(
        dataset(
            conversations=600,
            days=10,
            lanes=("billing", HOSTILE_LANE),
            rules=("asks_for_human", HOSTILE_RULE),
        )
    )


@pytest.fixture(scope="module")
def html(report: KpiReport) -> str:
    return render_report(report, generated_at=GENERATED, source="the tests")


class TestSelfContained:
    def test_every_section_is_there(self, html: str) -> None:
        """Headline, day by day, lanes, sentiment, rules, experiments, shadow, definitions."""
        for section in SECTIONS:
            assert f'data-testid="section-{section}"' in html
        assert 'data-testid="definitions"' in html

    def test_nothing_is_loaded_from_elsewhere_and_nothing_runs(self, html: str) -> None:
        """No script at all; every image is a data: URI; no link to another resource."""
        page = _parse(html)
        names = {tag for tag, _ in page.tags}
        assert "script" not in names
        assert not {"link", "iframe", "object", "embed", "base", "form"} & names
        images = [attrs for tag, attrs in page.tags if tag == "img"]
        assert len(images) >= 6
        for attrs in images:
            assert (attrs["src"] or "").startswith("data:image/svg+xml;base64,")
            assert attrs["alt"], "every chart has alt text"
        for tag, attrs in page.tags:
            for name, value in attrs.items():
                if name in ("href", "src", "action", "srcset", "poster"):
                    assert (value or "").startswith(("#", "data:")), (tag, name, value)
                assert not name.startswith("on"), (tag, name)

    def test_the_policy_allows_exactly_the_inline_stylesheet(self, html: str) -> None:
        """The page's CSP: nothing by default, data: images, the one <style> by its hash."""
        page = _parse(html)
        [policy] = [
            attrs["content"]
            for tag, attrs in page.tags
            if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
        ]
        assert policy is not None
        [style] = page.styles
        assert style == stylesheet()
        digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
        assert f"style-src 'sha256-{digest}'" in policy
        assert "default-src 'none'" in policy
        assert "img-src data:" in policy
        assert "script-src" not in policy  # falls back to default-src 'none'

    def test_the_charts_carry_their_own_styles_and_no_links(self, html: str) -> None:
        """Each chart is an SVG document: no script, no external reference inside it."""
        for uri in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html):
            svg = base64.b64decode(uri).decode()
            assert svg.lstrip().startswith("<?xml")
            assert "<script" not in svg
            assert 'href="http' not in svg

    def test_the_same_report_renders_to_the_same_bytes(self, report: KpiReport) -> None:
        """Fixed hash salt and no dates in the charts: a report can be diffed."""
        first = render_report(report, generated_at=GENERATED)
        assert render_report(report, generated_at=GENERATED) == first


class TestEscaping:
    def test_lane_and_rule_names_from_yaml_are_escaped(self, html: str) -> None:
        """Names come from rules files: shown as text, never as markup."""
        assert HOSTILE_LANE not in html
        assert HOSTILE_RULE not in html
        assert "&lt;script&gt;alert(&#39;lane&#39;)&lt;/script&gt; $x^$" in html
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
        assert "<script" not in html

    def test_they_are_escaped_inside_the_charts_too(self, html: str) -> None:
        """Tick labels and alt text: the SVG is XML, the lane's '<' is an entity there."""
        svgs = [
            base64.b64decode(uri).decode()
            for uri in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)
        ]
        assert any("&lt;script&gt;alert('lane')&lt;/script&gt; $x^$" in svg for svg in svgs)
        assert not any("<script" in svg for svg in svgs)


class TestFigures:
    def test_headline_cards_show_value_interval_and_denominator(
        self, report: KpiReport, html: str
    ) -> None:
        """Each KPI card: its value, its interval and n with what n counts."""
        rate = report.overall["handoff_rate"]
        assert rate.value is not None
        assert rate.low is not None
        assert rate.high is not None
        card = html.split('data-testid="kpi-handoff_rate"', 1)[1].split("</li>", 1)[0]
        assert f"{rate.value * 100:.1f}%" in card
        assert f"{rate.low * 100:.1f}% to {rate.high * 100:.1f}%" in card
        assert f"n = {rate.n:,} conversations" in card

    def test_every_figure_has_a_table_beside_it(self, report: KpiReport) -> None:
        """Charts are for the eye; the same figures are in a table for screen readers."""
        view = build_view(report, generated_at=GENERATED)
        for section in view.sections:
            figures = [block for block in section.blocks if block.kind == "figure"]
            tables = [block for block in section.blocks if block.kind == "table"]
            for figure in figures:
                assert figure.table is not None or tables, (section.id, figure.testid)

    def test_rules_are_listed_with_their_precision_and_counts(self, report: KpiReport) -> None:
        """One row per rule: precision, its interval, and the wrap-up answers behind it."""
        view = build_view(report, generated_at=GENERATED)
        [rules] = [section for section in view.sections if section.id == "rules"]
        [figure] = [block for block in rules.blocks if block.kind == "figure"]
        rows = {row[0]: row for row in figure.table.rows}
        assert set(rows) == set(report.by_rule)
        estimate = report.by_rule["asks_for_human"]
        assert estimate.value is not None
        assert rows["asks_for_human"][1] == f"{estimate.value * 100:.1f}%"
        assert rows["asks_for_human"][3] == f"{estimate.n:,}"

    def test_an_experiment_shows_both_arms_and_each_verdict(
        self, report: KpiReport, html: str
    ) -> None:
        """Arms side by side, the effect table and the library's plain-language verdict."""
        result = report.experiments["callback-pilot"]
        assert 'data-testid="arms-callback-pilot"' in html
        assert 'data-testid="effects-callback-pilot"' in html
        verdict = result.effects["candidate"].verdict.removeprefix("candidate: ")
        assert verdict.replace("'", "&#39;") in html
        assert 'data-testid="verdict-callback-pilot-candidate"' in html

    def test_shadow_agreement_and_differences(self, report: KpiReport, html: str) -> None:
        """The agreement rates and a row per (live, candidate) difference."""
        assert report.shadow is not None
        assert 'data-testid="shadow-table"' in html
        lane = report.shadow.lane_agreement
        assert lane.value is not None
        assert f"{lane.value * 100:.1f}%" in html
        assert "callback" in html  # where the candidate would have sent them


class TestEmptyAndPartial:
    def test_an_empty_period_renders_with_what_is_missing(self) -> None:
        """No records: every section says what is missing instead of failing."""
        html = render_report(compute_kpis(Dataset.empty()), generated_at=GENERATED)
        for section in SECTIONS:
            assert f'data-testid="section-{section}"' in html
        assert "No conversations in this period." in html
        assert "No experiment in this period" in html
        assert "No turn was shadowed" in html
        assert "no data yet" in html

    def test_no_experiment_and_no_shadow(self) -> None:
        """A deployment without pilots: those sections say how to start one."""
        data = dataset(conversations=120, experiment=None, shadow=False)
        html = render_report(compute_kpis(data), generated_at=GENERATED)
        assert "declare one with an `experiment:` block" in html
        assert "add a `shadow:` block" in html

    def test_the_fragment_is_the_body_without_a_head(self, report: KpiReport) -> None:
        """What the desktop embeds: the article alone, no <style>, no <html>."""
        body = str(render_body(report, generated_at=GENERATED))
        assert body.lstrip().startswith('<article class="kpi-report"')
        assert "<style" not in body
        assert "<html" not in body


class TestWindow:
    def test_records_are_kept_by_their_own_time(self) -> None:
        """Turns by `at`, handoff cycles by when they were handed off, lines with a margin."""
        data = dataset(conversations=200, days=6)
        since = datetime.fromtimestamp(START + 2 * DAY, timezone.utc)
        until = datetime.fromtimestamp(START + 4 * DAY, timezone.utc)
        kept = window(data, since, until)
        low, high = since.timestamp(), until.timestamp()
        assert kept.turns["at"].between(low, high, inclusive="left").all()
        margin = LINES_MARGIN_SECONDS
        assert kept.lines["at"].between(low - margin, high + margin, inclusive="left").all()
        assert not kept.lines["at"].between(low, high, inclusive="left").all()
        assert kept.handoffs["handed_off_at"].between(low, high, inclusive="left").all()
        inside = data.turns[(data.turns["at"] >= low) & (data.turns["at"] < high)]
        assert len(kept.turns) == len(inside) > 0
        assert window(data, None, None) is data
