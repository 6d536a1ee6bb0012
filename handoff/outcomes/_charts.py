"""The report's charts: matplotlib figures saved as SVG and embedded as ``data:`` image URIs.

Why images and not inline ``<svg>``: matplotlib styles every element with ``style="…"``
attributes, which a strict Content-Security-Policy (the desktop's ``style-src 'self'``)
refuses in the page, but not inside an image, whose SVG is a document of its own. Text stays
text (``svg.fonttype: none``): smaller files, and the output is the same bytes for the same
figures (fixed hash salt, no date), so a report can be compared with another.

Figures are built on :class:`matplotlib.figure.Figure` directly, never through pyplot: no
global state, so the desktop may render pages in several threads at once.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Chart", "Point", "Series", "before_after", "intervals", "over_time"]

# Okabe & Ito's palette: told apart by people with any common colour-vision deficiency.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
_RC: Any = {
    "svg.fonttype": "none",
    "svg.hashsalt": "handoff-report",
    "font.size": 9.0,
    "font.family": ["DejaVu Sans", "sans-serif"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10.0,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "legend.frameon": False,
}


@dataclass(frozen=True)
class Chart:
    """An embedded figure: a ``data:image/svg+xml`` URI and the text that stands for it."""

    uri: str
    alt: str


@dataclass(frozen=True)
class Point:
    """One estimate with its interval (bounds may be unknown)."""

    label: str
    value: float | None = None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Series:
    """A line over days, with an optional band (its interval per day)."""

    label: str
    values: Sequence[float | None]
    lows: Sequence[float | None] | None = None
    highs: Sequence[float | None] | None = None


def _plain(label: str) -> str:
    """A label shown as written: matplotlib reads $…$ as mathematics (and fails on some)."""
    return str(label).replace("$", r"\$")


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure  # noqa: PLC0415  (about a second to import)

    return Figure(figsize=(width, height), layout="constrained", dpi=96)


def _embed(figure: Figure, alt: str) -> Chart:
    import matplotlib  # noqa: PLC0415

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "handoff-report"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    data = base64.b64encode(buffer.getvalue().encode("utf-8")).decode("ascii")
    return Chart(uri=f"data:image/svg+xml;base64,{data}", alt=alt)


def _styled() -> Any:
    import matplotlib  # noqa: PLC0415

    return matplotlib.rc_context(_RC)


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


def _percent_axis(axis: Any) -> None:
    from matplotlib.ticker import PercentFormatter  # noqa: PLC0415

    axis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))


def over_time(
    days: Sequence[date],
    series: Sequence[Series],
    *,
    title: str,
    alt: str,
    percent: bool = True,
    volume: Sequence[int] | None = None,
    volume_label: str = "",
) -> Chart:
    """Lines over days (each with its band), and the day's volume as bars beneath."""
    with _styled():
        figure = _figure(8.6, 3.6 if volume is not None else 2.8)
        if volume is not None:
            top, bottom = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": (3, 1)})
        else:
            top, bottom = figure.subplots(), None
        for index, line in enumerate(series):
            colour = COLOURS[index % len(COLOURS)]
            values = [_nan(v) for v in line.values]
            top.plot(
                days, values, color=colour, label=_plain(line.label), linewidth=1.6, marker="."
            )
            if line.lows is not None and line.highs is not None:
                top.fill_between(
                    days,
                    [_nan(v) for v in line.lows],
                    [_nan(v) for v in line.highs],
                    color=colour,
                    alpha=0.15,
                    linewidth=0,
                )
        top.set_title(title)
        top.grid(axis="y", color="#e6e8eb")
        if percent:
            _percent_axis(top.yaxis)
            top.set_ylim(0, 1)
        top.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        if bottom is not None and volume is not None:
            bottom.bar(days, list(volume), color="#8a94a3", width=0.8)
            bottom.set_ylabel(volume_label, fontsize=8)
        _date_ticks(bottom if bottom is not None else top)
        return _embed(figure, alt)


def _date_ticks(axes: Axes) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter  # noqa: PLC0415

    locator = AutoDateLocator(maxticks=10)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]


def intervals(
    points: Sequence[Point],
    *,
    title: str,
    alt: str,
    percent: bool = True,
    unit: str = "",
    reference: float | None = None,
    reference_label: str = "",
    limits: tuple[float, float] | None = None,
) -> Chart:
    """One row per label: the estimate as a dot and its interval as a bar (a forest plot)."""
    with _styled():
        height = 0.9 + 0.32 * max(1, len(points))
        figure = _figure(8.6, min(height, 12.0))
        axes = figure.subplots()
        rows = list(range(len(points)))[::-1]
        for row, point, index in zip(rows, points, range(len(points)), strict=True):
            colour = COLOURS[index % len(COLOURS)] if len(points) <= 4 else COLOURS[0]
            if point.value is None:
                axes.annotate(
                    "no data",
                    (0, row),
                    xycoords=("axes fraction", "data"),
                    va="center",
                    fontsize=8,
                    color="#666666",
                )
                continue
            if point.low is not None and point.high is not None:
                axes.hlines(row, point.low, point.high, color=colour, linewidth=3, alpha=0.45)
            axes.plot([point.value], [row], "o", color=colour, markersize=6)
        if reference is not None:
            axes.axvline(reference, color="#b00020", linestyle="--", linewidth=1)
            if reference_label:
                axes.annotate(
                    reference_label,
                    (reference, 1.0),
                    xycoords=("data", "axes fraction"),
                    ha="left",
                    va="bottom",
                    fontsize=8,
                    color="#b00020",
                )
        axes.set_yticks(rows, [_plain(point.label) for point in points])
        axes.set_ylim(-0.7, len(points) - 0.3)
        axes.set_title(title)
        axes.grid(axis="x", color="#e6e8eb")
        if percent:
            _percent_axis(axes.xaxis)
        if limits is not None:
            axes.set_xlim(*limits)
        if unit:
            axes.set_xlabel(unit)
        return _embed(figure, alt)


def before_after(
    labels: Sequence[str],
    before: Sequence[float | None],
    after: Sequence[float | None],
    *,
    title: str,
    alt: str,
    before_label: str = "before the handoff",
    after_label: str = "after the agent joined",
) -> Chart:
    """A dumbbell per label: where it started (before) and where it went (after)."""
    with _styled():
        height = 0.9 + 0.34 * max(1, len(labels))
        figure = _figure(8.6, min(height, 10.0))
        axes = figure.subplots()
        rows = list(range(len(labels)))[::-1]
        for row, start, end in zip(rows, before, after, strict=True):
            if start is not None and end is not None:
                axes.annotate(
                    "",
                    xy=(end, row),
                    xytext=(start, row),
                    arrowprops={"arrowstyle": "->", "color": "#8a94a3", "linewidth": 1.4},
                )
        axes.plot([_nan(v) for v in before], rows, "o", color=COLOURS[5], label=before_label)
        axes.plot([_nan(v) for v in after], rows, "o", color=COLOURS[2], label=after_label)
        axes.axvline(0, color="#8a94a3", linewidth=0.8)
        axes.set_yticks(rows, [_plain(label) for label in labels])
        axes.set_ylim(-0.7, len(labels) - 0.3)
        axes.set_xlim(-1, 1)
        axes.set_xlabel("mean VADER compound (−1 negative … +1 positive)")
        axes.set_title(title)
        axes.grid(axis="x", color="#e6e8eb")
        axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
        return _embed(figure, alt)
