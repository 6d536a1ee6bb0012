"""The outcomes report: a :class:`~handoff.outcomes.KpiReport` as one self-contained HTML page.

::

    from handoff.outcomes import compute_kpis
    from handoff.outcomes.report import render_report

    html = render_report(compute_kpis(dataset), since=since, until=until)

The page needs nothing else: its charts are SVG images in ``data:`` URIs (matplotlib), its
stylesheet is inline and allowed by a hash in the page's own Content-Security-Policy, it has
no script and fetches nothing. Every chart has alt text and its figures as a table beside it.
``handoff report`` writes it to a file; the desktop's ``/kpis`` page shows the same sections
(:func:`render_body`) under its own, stricter policy (the stylesheet served as
``/static/report.css``).

Needs the ``report`` extra (matplotlib, Jinja2, pandas). Rule ids, lane names, experiment and
arm ids come from YAML: every one is escaped (Jinja's autoescape).
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from handoff.outcomes import _charts
from handoff.outcomes._charts import Chart, Point, Series

if TYPE_CHECKING:
    import jinja2
    import pandas as pd
    from markupsafe import Markup

    from handoff.outcomes import (
        Dataset,
        Effect,
        Estimate,
        ExperimentResult,
        KpiInfo,
        KpiReport,
    )

__all__ = [
    "LINES_MARGIN_SECONDS",
    "build_view",
    "render_body",
    "render_report",
    "stylesheet",
    "window",
]


# ------------------------------------------------------------------------------ formatting


def _finite(value: float | None) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def fmt(value: float | None, unit: str, *, difference: bool = False) -> str:
    """One figure as the report prints it ("–" when unknown). ``unit`` is a KPI's unit
    (share, seconds, points, score) or ``count``; a ``difference`` is signed (percentage
    points for shares)."""
    value = _finite(value)
    if value is None:
        return "–"
    if unit == "count":
        return f"{value:,.0f}"
    if unit == "share":
        return f"{value * 100:+.1f} pts" if difference else f"{value * 100:.1f}%"
    if unit == "seconds":
        sign = ("+" if value >= 0 else "-") if difference else ""
        return sign + _duration(abs(value) if difference else value)
    if unit == "points" or difference:
        return f"{value:+.2f}"
    return f"{value:.2f}"


def _duration(seconds: float) -> str:
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        minutes, rest = divmod(round(seconds), 60)
        return f"{minutes}:{rest:02d} min"
    return f"{seconds / 3600:.1f} h"


def _interval(low: float | None, high: float | None, unit: str, *, difference: bool = False) -> str:
    if _finite(low) is None or _finite(high) is None:
        return ""
    return f"{fmt(low, unit, difference=difference)} to {fmt(high, unit, difference=difference)}"


def _count(n: int | None) -> str:
    return "–" if n is None else f"{int(n):,}"


# ------------------------------------------------------------------------------ the view


@dataclass(frozen=True)
class Table:
    testid: str
    head: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""
    numeric: frozenset[int] = frozenset()
    empty: str = "Nothing recorded in this period."
    kind: str = "table"


@dataclass(frozen=True)
class Card:
    key: str
    name: str
    value: str
    interval: str
    basis: str


@dataclass(frozen=True)
class Cards:
    cards: tuple[Card, ...]
    table: Table | None = None
    kind: str = "cards"


@dataclass(frozen=True)
class Figure:
    testid: str
    chart: Chart
    caption: str
    table: Table | None
    width: int = 826
    kind: str = "figure"


@dataclass(frozen=True)
class Verdict:
    testid: str
    headline: str
    text: str
    tone: str  # better | worse | neutral | waiting
    kind: str = "verdict"


@dataclass(frozen=True)
class Heading:
    text: str
    anchor: str
    kind: str = "heading"


@dataclass(frozen=True)
class Text:
    text: str
    muted: bool = False
    kind: str = "text"


Block = Table | Cards | Figure | Verdict | Heading | Text


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    lead: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class View:
    title: str
    period: str
    sections: tuple[Section, ...]
    definitions: tuple[tuple[str, str], ...]
    generated: str
    confidence: str = "95%"


# ------------------------------------------------------------------------------ rendering


@cache
def _environment() -> jinja2.Environment:
    import jinja2  # noqa: PLC0415  (the report extra)

    return jinja2.Environment(
        loader=jinja2.PackageLoader("handoff.outcomes", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def stylesheet() -> str:
    """The report's CSS (scoped to ``.kpi-report``)."""
    return resources.files("handoff.outcomes").joinpath("static/report.css").read_text("utf-8")


def _csp(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    # No script at all, images only from data: URIs, the one inline stylesheet by its hash.
    return (
        f"default-src 'none'; img-src data:; style-src 'sha256-{digest}'; "
        "base-uri 'none'; form-action 'none'"
    )


def render_body(
    report: KpiReport,
    *,
    title: str = "Handoff outcomes",
    since: datetime | None = None,
    until: datetime | None = None,
    generated_at: datetime | None = None,
    source: str = "",
) -> Markup:
    """The report's sections as an HTML fragment (an ``<article class="kpi-report">``), for a
    page that brings its own ``<head>`` and :func:`stylesheet` (the desktop's /kpis)."""
    view = build_view(
        report, title=title, since=since, until=until, generated_at=generated_at, source=source
    )
    from markupsafe import Markup  # noqa: PLC0415

    return Markup(_environment().get_template("_report_body.html").render(view=view))


def render_report(
    report: KpiReport,
    *,
    title: str = "Handoff outcomes",
    since: datetime | None = None,
    until: datetime | None = None,
    generated_at: datetime | None = None,
    source: str = "",
) -> str:
    """The whole report as one self-contained HTML document (no script, no external fetch)."""
    from markupsafe import Markup  # noqa: PLC0415

    from handoff import __version__  # noqa: PLC0415

    view = build_view(
        report, title=title, since=since, until=until, generated_at=generated_at, source=source
    )
    env = _environment()
    body = Markup(env.get_template("_report_body.html").render(view=view))
    css = stylesheet()
    # The stylesheet is ours (package data), not input: marked safe so quotes stay quotes
    # inside <style>, where entities are not decoded; the CSP hash is over these exact bytes.
    assert "</style" not in css.lower()
    return env.get_template("report.html").render(
        view=view, body=body, css=Markup(css), csp=_csp(css), version=__version__
    )


# ------------------------------------------------------------------------------ the period


#: Customer lines are kept this far beyond a period on either side (as the desktop's loader
#: reads them), so the sentiment before a handoff at the period's start, and after one at its
#: end, is still there.
LINES_MARGIN_SECONDS = 24 * 3600.0


def window(dataset: Dataset, since: datetime | None, until: datetime | None) -> Dataset:
    """The dataset's records of [since, until): turns by their time, handoff cycles by when
    they were handed off, customer lines within :data:`LINES_MARGIN_SECONDS` of the period.
    The same object when both are None."""
    if since is None and until is None:
        return dataset
    low = since.timestamp() if since is not None else -math.inf
    high = until.timestamp() if until is not None else math.inf

    def keep(frame: pd.DataFrame, column: str, margin: float = 0.0) -> pd.DataFrame:
        times = frame[column]
        return frame[(times >= low - margin) & (times < high + margin)].reset_index(drop=True)

    return replace(
        dataset,
        turns=keep(dataset.turns, "at"),
        handoffs=keep(dataset.handoffs, "handed_off_at"),
        lines=keep(dataset.lines, "at", LINES_MARGIN_SECONDS),
    )


def _period(since: datetime | None, until: datetime | None, report: KpiReport) -> str:
    def moment(value: datetime) -> str:
        value = value.astimezone(timezone.utc)
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M UTC")

    counts = report.counts
    sizes = ", ".join(
        f"{int(counts[key]):,} {label}"
        for key, label in (
            ("conversations", "conversations"),
            ("turns", "routed turns"),
            ("handoffs", "handoffs"),
        )
        if key in counts
    )
    if since is not None and until is not None:
        midnight = until.astimezone(timezone.utc).time() == datetime.min.time()
        # [since, until) of whole days reads as "first day to last day".
        last = (until - timedelta(days=1)).strftime("%Y-%m-%d") if midnight else moment(until)
        what = f"{moment(since)} to {last}"
    elif since is not None:
        what = f"since {moment(since)}"
    elif until is not None:
        what = f"until {moment(until)}"
    elif report.start is not None and report.end is not None:
        first = datetime.fromtimestamp(report.start, timezone.utc)
        end = datetime.fromtimestamp(report.end, timezone.utc)
        what = f"{first:%Y-%m-%d} to {end:%Y-%m-%d} (everything recorded)"
    else:
        what = "nothing recorded yet"
    return f"{what} · {sizes}" if sizes else what


# ------------------------------------------------------------------------------ sections


def build_view(
    report: KpiReport,
    *,
    title: str = "Handoff outcomes",
    since: datetime | None = None,
    until: datetime | None = None,
    generated_at: datetime | None = None,
    source: str = "",
) -> View:
    """What the templates show: every figure formatted, every chart drawn."""
    from handoff.outcomes import KPIS  # noqa: PLC0415

    moment = (generated_at or datetime.now(timezone.utc)).astimezone(timezone.utc)
    generated = f"Generated {moment:%Y-%m-%d %H:%M} UTC by handoff"
    if source:
        generated += f" from {source}"
    sections = (
        _headline(report),
        _over_time(report),
        _lanes(report),
        _sentiment(report),
        _rules(report),
        _experiments(report),
        _shadow(report),
    )
    return View(
        title=title,
        period=_period(since, until, report),
        sections=sections,
        definitions=tuple((info.label, info.definition) for info in KPIS.values()),
        generated=generated + ".",
        confidence=f"{report.confidence * 100:g}%",
    )


def _info(name: str) -> KpiInfo:
    from handoff.outcomes import KPIS, KpiInfo  # noqa: PLC0415

    found = KPIS.get(name)
    if found is not None:
        return found
    return KpiInfo(
        name, name.replace("_", " ").capitalize(), "rate", "share", "handoff", True, 0.0, ""
    )


_PER = {
    "conversation": "conversations",
    "handoff": "handoffs",
    "answer": "answers",
    "pair": "handoffs with lines before and after",
    "turn": "turns",
}


def _value(estimate: Estimate | None, unit: str) -> str:
    return "–" if estimate is None else fmt(estimate.value, unit)


def _range(estimate: Estimate | None, unit: str, *, difference: bool = False) -> str:
    if estimate is None:
        return ""
    return _interval(estimate.low, estimate.high, unit, difference=difference)


def _with_range(estimate: Estimate | None, unit: str) -> str:
    value, span = _value(estimate, unit), _range(estimate, unit)
    return f"{value} ({span})" if span else value


def _headline(report: KpiReport) -> Section:
    from handoff.outcomes import KPIS  # noqa: PLC0415

    cards = []
    rows = []
    for name, info in KPIS.items():
        estimate = report.overall.get(name)
        n = estimate.n if estimate is not None else 0
        per = _PER.get(info.per, info.per)
        basis = f"n = {n:,} {per}"
        span = _range(estimate, info.unit)
        cards.append(
            Card(
                key=name,
                name=info.label,
                value=_value(estimate, info.unit),
                interval=span if span else ("no data yet" if n == 0 else "too few for an interval"),
                basis=basis,
            )
        )
        rows.append((info.label, _value(estimate, info.unit), span or "–", f"{n:,}", per))
    return Section(
        id="headline",
        title="Headline figures",
        lead=f"Each figure with its {report.confidence * 100:g}% confidence interval and what "
        "it is counted over (n, its denominator). Definitions at the end.",
        blocks=(
            Cards(
                tuple(cards),
                Table(
                    testid="headline-table",
                    caption="The headline figures",
                    head=("KPI", "value", "interval", "n", "counted over"),
                    rows=tuple(rows),
                    numeric=frozenset({1, 2, 3}),
                ),
            ),
        ),
    )


_DAILY_RATES = ("handoff_rate", "containment", "handoff_success", "sla_attainment")


def _daily(report: KpiReport, name: str) -> pd.DataFrame:
    daily = report.daily
    if not len(daily):
        return daily
    return daily[daily["kpi"] == name].sort_values("day")


def _over_time(report: KpiReport) -> Section:
    section = Section(
        id="over-time",
        title="Day by day",
        lead="The main rates per UTC day, each with its interval as a band; the bars beneath "
        "count the day's conversations. Days with few conversations have wide bands.",
        blocks=(),
    )
    frames = {name: _daily(report, name) for name in (*_DAILY_RATES, "time_to_agent")}
    volume = frames["handoff_rate"]
    if not len(volume):
        return replace(section, blocks=(Text("No conversations in this period.", muted=True),))
    days = [_day(value) for value in volume["day"]]
    series = []
    for name in _DAILY_RATES:
        frame = frames[name].set_index("day").reindex(volume["day"])
        series.append(
            Series(
                _info(name).label,
                list(frame["value"]),
                list(frame["low"]),
                list(frame["high"]),
            )
        )
    labels = [line.label for line in series]
    last = {line.label: _finite(line.values[-1]) for line in series}
    chart = _charts.over_time(
        days,
        series,
        title="Rates per day",
        alt=f"Line chart of {', '.join(labels)} per day from {days[0]} to {days[-1]}; "
        "on the last day: "
        + ", ".join(f"{label} {fmt(value, 'share')}" for label, value in last.items())
        + ". The table below has every day's figures.",
        volume=[int(n) for n in volume["n"]],
        volume_label="conversations",
    )
    head = ("day", "conversations", *labels, _info("time_to_agent").label)
    rows = []
    indexed = {name: frame.set_index("day") for name, frame in frames.items()}
    for day_value in volume["day"]:
        cells = [str(_day(day_value)), f"{int(indexed['handoff_rate'].at[day_value, 'n']):,}"]
        for name in (*_DAILY_RATES, "time_to_agent"):
            frame = indexed[name]
            unit = _info(name).unit
            cells.append(
                fmt(frame.at[day_value, "value"], unit) if day_value in frame.index else "–"
            )
        rows.append(tuple(cells))
    table = Table(
        testid="daily-table",
        head=head,
        rows=tuple(rows),
        caption="Per day",
        numeric=frozenset(range(1, len(head))),
    )
    figure = Figure(
        testid="daily",
        chart=chart,
        caption="Handoff rate, containment, handoff success and SLA attainment per day "
        "(bands: intervals), and conversations per day.",
        table=table,
    )
    return replace(section, blocks=(figure,))


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "date"):
        found: date = value.date()
        return found
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(float(value), timezone.utc).date()
    return date.fromisoformat(str(value)[:10])


def _lanes(report: KpiReport) -> Section:
    section = Section(
        id="lanes",
        title="Time to agent and SLA per lane",
        lead="How long customers waited for a person in each lane, how often the lane's SLA "
        "was met, and how many gave up waiting.",
        blocks=(),
    )
    lanes = sorted(report.by_lane)
    if not lanes:
        return replace(section, blocks=(Text("No handoff in this period.", muted=True),))
    sla = [(lane, report.by_lane[lane].get("sla_attainment")) for lane in lanes]
    wait = [
        (
            lane,
            report.by_lane[lane].get("time_to_agent_median")
            or report.by_lane[lane].get("time_to_agent"),
        )
        for lane in lanes
    ]
    sla_chart = _charts.intervals(
        _points(sla),
        title="SLA attainment per lane",
        alt="SLA attainment per lane with intervals: "
        + "; ".join(f"{lane} {_with_range(estimate, 'share')}" for lane, estimate in sla)
        + ".",
        limits=(0.0, 1.0),
    )
    wait_points = [
        Point(p.label, *(None if v is None else v / 60 for v in (p.value, p.low, p.high)))
        for p in _points(wait)
    ]
    wait_chart = _charts.intervals(
        wait_points,
        title="Time to agent per lane (median, minutes)",
        alt="Median time to agent per lane with intervals: "
        + "; ".join(f"{lane} {_with_range(estimate, 'seconds')}" for lane, estimate in wait)
        + ".",
        percent=False,
        unit="minutes",
    )
    head = (
        "lane",
        "handoffs",
        "time to agent (median)",
        "time to agent (mean)",
        "SLA attainment",
        "abandonment",
        "handoff success",
    )
    rows = []
    for lane in lanes:
        kpis = report.by_lane[lane]
        count = kpis.get("handoffs")
        abandonment = kpis.get("abandonment")
        rows.append(
            (
                lane,
                f"{count.n:,}" if count is not None else "–",
                _with_range(kpis.get("time_to_agent_median"), "seconds"),
                _with_range(kpis.get("time_to_agent"), "seconds"),
                _with_range(kpis.get("sla_attainment"), "share"),
                _with_range(abandonment, "share"),
                _with_range(kpis.get("handoff_success"), "share"),
            )
        )
    table = Table(
        testid="lanes-table",
        head=head,
        rows=tuple(rows),
        caption="Per lane, each figure with its interval",
        numeric=frozenset(range(1, len(head))),
    )
    return replace(
        section,
        blocks=(
            Figure(
                "lanes-sla",
                sla_chart,
                "SLA attainment per lane (dot) and its interval (bar).",
                None,
            ),
            Figure("lanes-wait", wait_chart, "Median time to agent per lane, in minutes.", None),
            table,
        ),
    )


def _sentiment(report: KpiReport) -> Section:
    section = Section(
        id="sentiment",
        title="Sentiment before and after",
        lead=f"The customer's mood (VADER compound, −1 to +1) over the last {report.k} lines "
        f"before the handoff and the first {report.k} after the agent joined, per lane; "
        "only handoffs with lines on both sides count.",
        blocks=(),
    )
    pairs = report.sentiment
    if not len(pairs):
        return replace(
            section,
            blocks=(
                Text("No handoff with customer lines before and after in this period.", muted=True),
            ),
        )
    grouped = pairs.groupby("lane", sort=True)[["before", "after", "delta"]].agg("mean")
    sizes = pairs.groupby("lane", sort=True).size()
    labels = [*grouped.index.astype(str), "all lanes"]
    before = [*map(_finite, grouped["before"]), _finite(pairs["before"].mean())]
    after = [*map(_finite, grouped["after"]), _finite(pairs["after"].mean())]
    overall = report.overall.get("sentiment_delta")
    chart = _charts.before_after(
        labels,
        before,
        after,
        title="Customer sentiment before the handoff → after the agent joined",
        alt="Mean customer sentiment before and after, per lane: "
        + "; ".join(
            f"{label} {fmt(b, 'points')} → {fmt(a, 'points')}"
            for label, b, a in zip(labels, before, after, strict=True)
        )
        + f". Overall change {_with_range(overall, 'points')}.",
    )
    rows = []
    for lane in grouped.index:
        delta = report.by_lane.get(str(lane), {}).get("sentiment_delta")
        rows.append(
            (
                str(lane),
                f"{int(sizes[lane]):,}",
                fmt(grouped.at[lane, "before"], "points"),
                fmt(grouped.at[lane, "after"], "points"),
                _with_range(delta, "points")
                if delta is not None
                else fmt(grouped.at[lane, "delta"], "points"),
            )
        )
    rows.append(
        (
            "all lanes",
            f"{len(pairs):,}",
            fmt(pairs["before"].mean(), "points"),
            fmt(pairs["after"].mean(), "points"),
            _with_range(overall, "points"),
        )
    )
    table = Table(
        testid="sentiment-table",
        head=("lane", "handoffs", "before", "after", "change (interval)"),
        rows=tuple(rows),
        caption="Mean sentiment before and after, per lane",
        numeric=frozenset({1, 2, 3, 4}),
    )
    return replace(
        section,
        blocks=(
            Figure(
                "sentiment",
                chart,
                "Each arrow goes from the mean sentiment before the "
                "handoff to the mean after the agent joined.",
                table,
            ),
        ),
    )


def _rules(report: KpiReport) -> Section:
    section = Section(
        id="rules",
        title="Escalation precision per rule",
        lead='Of the handoffs each rule made, the share the agent marked "needed" in the '
        "wrap-up (yes ÷ yes or no; unsure and unanswered left out). A rule with low "
        "precision sends customers to people who did not need them.",
        blocks=(),
    )
    by_rule = report.by_rule
    if not by_rule:
        return replace(section, blocks=(Text("No wrap-up answered in this period.", muted=True),))
    order = sorted(
        by_rule,
        key=lambda rule: (by_rule[rule].value is None, by_rule[rule].value or 0.0, rule),
    )
    chart = _charts.intervals(
        _points((rule, by_rule[rule]) for rule in order),
        title="Escalation precision per rule",
        alt="Escalation precision per rule, lowest first, with intervals: "
        + "; ".join(
            f"{rule} {_with_range(by_rule[rule], 'share')} of {by_rule[rule].n:,}" for rule in order
        )
        + ".",
        limits=(0.0, 1.0),
    )
    counts = _rule_counts(report)
    extra = [
        column for column in ("handoffs", "yes", "no", "unsure", "unanswered") if column in counts
    ]
    rows = []
    for rule in order:
        estimate = by_rule[rule]
        found = counts.get("_rows", {}).get(rule, {})
        rows.append(
            (
                rule,
                _value(estimate, "share"),
                _range(estimate, "share") or "–",
                f"{estimate.n:,}",
                *(f"{int(found.get(column, 0)):,}" for column in extra),
            )
        )
    table = Table(
        testid="rules-table",
        head=("rule", "precision", "interval", "yes or no", *extra),
        rows=tuple(rows),
        caption="Per rule",
        numeric=frozenset(range(1, 4 + len(extra))),
    )
    return replace(
        section,
        blocks=(
            Figure(
                "rules",
                chart,
                "Escalation precision per rule (dot) and its interval (bar), lowest first.",
                table,
            ),
        ),
    )


def _rule_counts(report: KpiReport) -> dict[str, Any]:
    """The wrap-up answers per rule from ``report.rules`` (whatever of yes/no/unsure/
    unanswered it has), as {"_rows": {rule: {column: count}}, column: True, ...}."""
    frame = report.rules
    if frame is None or not len(frame):
        return {}
    key = "rule_id" if "rule_id" in frame.columns else ("rule" if "rule" in frame.columns else None)
    if key is None:
        frame = frame.reset_index()
        key = frame.columns[0]
    out: dict[str, Any] = {"_rows": {}}
    for column in ("handoffs", "yes", "no", "unsure", "unanswered"):
        if column in frame.columns:
            out[column] = True
    for record in frame.to_dict("records"):
        out["_rows"][str(record[key])] = record
    return out


def _experiments(report: KpiReport) -> Section:
    section = Section(
        id="experiments",
        title="Experiments",
        lead="Each experiment's arms side by side, every figure over that arm's customers "
        "only, and the effect of each arm on the primary metric against the control.",
        blocks=(),
    )
    if not report.experiments:
        return replace(
            section,
            blocks=(
                Text(
                    "No experiment in this period (declare one with an `experiment:` "
                    "block in the rules).",
                    muted=True,
                ),
            ),
        )
    blocks: list[Block] = []
    for experiment_id in sorted(report.experiments):
        blocks.extend(_experiment(report.experiments[experiment_id], report))
    return replace(section, blocks=tuple(blocks))


_ARM_KPIS = (
    "handoff_rate",
    "containment",
    "handoff_success",
    "time_to_agent",
    "sla_attainment",
    "abandonment",
    "ces_mean",
    "ces_top2",
    "sentiment_delta",
    "escalation_precision",
    "missed_escalation",
    "recontact_7d",
)


def _experiment(result: ExperimentResult, report: KpiReport) -> list[Block]:
    metric = _info(result.metric)
    anchor = f"experiment-{_slug(result.id)}"
    arms = [result.control, *sorted(arm for arm in result.arms if arm != result.control)]
    arms = [arm for arm in arms if arm in result.arms]
    blocks: list[Block] = [
        Heading(f"Experiment {result.id}: {metric.label.lower()} is the primary metric", anchor)
    ]
    for arm in arms[1:]:
        effect = result.effects.get(arm)
        if effect is None:
            continue
        blocks.append(
            Verdict(
                testid=f"{_slug(result.id)}-{_slug(arm)}",
                headline=f"{arm} vs {result.control}:",
                text=effect.verdict.removeprefix(f"{arm}: "),
                tone=_tone(effect, metric),
            )
        )
    primary = [(arm, result.arms[arm].kpis.get(result.metric)) for arm in arms]
    blocks.append(
        Figure(
            f"experiment-{_slug(result.id)}",
            _charts.intervals(
                _points((_arm_label(arm, result.control), estimate) for arm, estimate in primary),
                title=f"{metric.label} per arm",
                alt=f"{metric.label} per arm of experiment {result.id}: "
                + "; ".join(f"{arm} {_with_range(e, metric.unit)}" for arm, e in primary)
                + ".",
                percent=metric.unit == "share",
            ),
            f"{metric.label} in each arm (dot) with its interval (bar).",
            None,
        )
    )
    head = ("", *(_arm_label(arm, result.control) for arm in arms))
    rows: list[tuple[str, ...]] = [
        ("conversations", *(f"{result.arms[arm].conversations:,}" for arm in arms)),
        ("handoffs", *(f"{result.arms[arm].handoffs:,}" for arm in arms)),
    ]
    for name in (result.metric, *(k for k in _ARM_KPIS if k != result.metric)):
        info = _info(name)
        rows.append(
            (
                info.label + (" (primary)" if name == result.metric else ""),
                *(_with_range(result.arms[arm].kpis.get(name), info.unit) for arm in arms),
            )
        )
    blocks.append(
        Table(
            testid=f"arms-{_slug(result.id)}",
            head=head,
            rows=tuple(rows),
            caption=f"Arms of {result.id} side by side (value and interval per arm)",
            numeric=frozenset(range(1, len(head))),
        )
    )
    effects = []
    for arm in arms[1:]:
        effect = result.effects.get(arm)
        if effect is None:
            continue
        needed = (
            f"{effect.needed_per_arm:,} {_PER.get(metric.per, metric.per)}"
            if effect.needed_per_arm is not None
            else "–"
        )
        effects.append(
            (
                arm,
                fmt(effect.difference.value, metric.unit, difference=True),
                _range(effect.difference, metric.unit, difference=True) or "–",
                f"{effect.confidence * 100:g}%",
                needed,
                "yes" if effect.enough_data else "not yet",
            )
        )
    blocks.append(
        Table(
            testid=f"effects-{_slug(result.id)}",
            head=(
                "arm",
                f"{metric.label.lower()} − {result.control}",
                "interval",
                "confidence",
                f"needed per arm to see {_effect_size(metric)}",
                "enough data",
            ),
            rows=tuple(effects),
            caption=f"Each arm against {result.control}",
            numeric=frozenset({1, 2, 3, 4}),
        )
    )
    # The analysis's own notes say how several arms are corrected for, and what to watch.
    blocks.extend(Text(note) for note in result.notes if note)
    return blocks


def _arm_label(arm: str, control: str) -> str:
    return f"{arm} (control)" if arm == control and arm != "control" else arm


def _effect_size(metric: KpiInfo) -> str:
    unit = "share" if metric.unit == "share" else metric.unit
    return f"a change of {fmt(metric.min_effect, unit, difference=True).lstrip('+')}"


def _tone(effect: Effect, metric: KpiInfo) -> str:
    if not effect.enough_data:
        return "waiting"
    if not effect.detected or effect.difference.value is None:
        return "neutral"
    up = effect.difference.value > 0
    return "better" if up == metric.higher_is_better else "worse"


def _shadow(report: KpiReport) -> Section:
    section = Section(
        id="shadow",
        title="Shadow rules",
        lead="The candidate rule set routed every turn beside the live rules, logged and never "
        "acted on: how often it agreed, and where it would have routed differently.",
        blocks=(),
    )
    shadow = report.shadow
    if shadow is None:
        return replace(
            section,
            blocks=(
                Text(
                    "No turn was shadowed in this period (add a `shadow:` block to the "
                    "rules to try a candidate rule set).",
                    muted=True,
                ),
            ),
        )
    agreements = (
        ("shadow-lane", "Same lane", shadow.lane_agreement),
        ("shadow-handoff", "Same hand-off or not", shadow.handoff_agreement),
    )
    one_sided = (
        ("shadow-only", "Only the candidate hands off", shadow.shadow_only_handoffs),
        ("live-only", "Only the live rules hand off", shadow.live_only_handoffs),
    )
    cards = Cards(
        (
            *(
                Card(
                    testid,
                    label,
                    _value(share, "share"),
                    _range(share, "share"),
                    f"n = {shadow.turns:,} turns",
                )
                for testid, label, share in agreements
            ),
            *(
                Card(testid, label, f"{count:,}", "turns", f"of {shadow.turns:,} turns")
                for testid, label, count in one_sided
            ),
        )
    )
    frame = shadow.differences
    shown = frame.head(_MAX_DIFFERENCES) if len(frame) else frame
    columns = [
        c
        for c in ("live_lane", "shadow_lane", "live_rule", "shadow_rule", "turns", "conversations")
        if c in frame.columns
    ]
    rows = tuple(
        tuple(
            "–"
            if _missing(record[c])
            else (f"{int(record[c]):,}" if c in ("turns", "conversations") else str(record[c]))
            for c in columns
        )
        for record in shown.to_dict("records")
    )
    table = Table(
        testid="shadow-table",
        head=tuple(c.replace("_", " ") for c in columns),
        rows=rows,
        caption="Where the candidate would have routed differently"
        + (
            f" (the {_MAX_DIFFERENCES} largest of {len(frame):,})"
            if len(frame) > len(shown)
            else ""
        ),
        numeric=frozenset(i for i, c in enumerate(columns) if c in ("turns", "conversations")),
        empty="The candidate routed every turn as the live rules did.",
    )
    versions = ", ".join(shadow.versions) or "–"
    return replace(
        section,
        blocks=(
            cards,
            Text(
                f"{shadow.conversations:,} conversations shadowed; candidate version(s): "
                f"{versions}."
            ),
            table,
        ),
    )


_MAX_DIFFERENCES = 25


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text.lower())[:60]


def _points(items: Iterable[tuple[str, Estimate | None]]) -> list[Point]:
    return [
        Point(label)
        if estimate is None
        else Point(label, _finite(estimate.value), _finite(estimate.low), _finite(estimate.high))
        for label, estimate in items
    ]
