"""``handoff report``: the outcomes report (KPIs, experiments, shadow rules) as one HTML file.

The data comes from the desktop's database (``--db``, where the relay and the desktop record
turns, handoffs, CES answers and customer lines), from sharded Parquet files (``--data``:
``handoff desktop export-outcomes`` or ``handoff synth outcomes`` wrote them), read in this
process or on a Dask cluster (``--scheduler``, handoff.cluster.kpis), or, for a demo, from
the simulator (``--simulate SEED``). handoff.outcomes and its extra's libraries (pandas, matplotlib,
Jinja2) are imported only when the command runs, with an install hint if missing.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import tempfile
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import click

from handoff.cli._app import EXISTING_FILE, MOMENT, OUTPUT, cli, console, guard, load_router
from handoff.cli._desktop import db_option
from handoff.errors import HandoffError

if TYPE_CHECKING:
    from handoff.models.rules import Experiment
    from handoff.outcomes import ExperimentSpec, KpiReport

__all__ = ["experiment_specs", "report_command"]


def _module(name: str, extra: str = "report") -> ModuleType:
    """Import ``name``, or a one-line error naming the extra to install."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        missing = (error.name or "").split(".")[0]
        if missing and missing != "handoff":
            raise click.ClickException(
                f"the report needs {missing!r}: pip install 'handoff-router[{extra}]'"
            ) from None
        raise


@cli.command("report")
@db_option
@click.option(
    "--since",
    type=MOMENT,
    metavar="DATE",
    help="Only conversations from this moment (ISO 8601 date or date and time; UTC if no "
    "offset). Default: everything recorded.",
)
@click.option(
    "--until",
    type=MOMENT,
    metavar="DATE",
    help="Only conversations before this moment (exclusive). Default: no end.",
)
@click.option(
    "--rules",
    type=EXISTING_FILE,
    metavar="RULES",
    help="The rules file that declares the experiment (its arms, control and metric), for "
    "the verdict. Without it, each experiment found in the data is compared on "
    "handoff_success with the arm named control (else the first by name) as the control.",
)
@click.option(
    "-o",
    "--output",
    type=OUTPUT,
    default="report.html",
    show_default=True,
    help="The HTML file to write (replaced if it exists).",
)
@click.option(
    "--k",
    type=click.IntRange(1, 50),
    default=3,
    show_default=True,
    help="Customer lines on each side of the handoff for the sentiment delta.",
)
@click.option(
    "--simulate",
    type=click.IntRange(0, 2**32 - 1),
    metavar="SEED",
    help="Report on a simulated month of traffic (the simulator's planted effects) instead "
    "of a database: for demos and for seeing the report before there is data.",
)
@click.option(
    "--data",
    "data",
    multiple=True,
    metavar="DIR|GLOB",
    help="Read sharded outcome records (Parquet) instead of a database: a folder written by "
    "`handoff desktop export-outcomes` or `handoff synth outcomes`, or a glob of such folders "
    "(e.g. 'exports/2026-*' for a year of monthly exports); repeatable.",
)
@click.option(
    "--scheduler",
    metavar="local:N|ADDRESS",
    help="Compute the KPIs of --data on Dask: local:N starts N worker processes here, an "
    "address (tcp://host:8786) uses a running cluster whose workers see the same paths. "
    "Same figures as without it. Needs pip install 'handoff-router[cluster]'.",
)
@guard
def report_command(
    *,
    db: str,
    since: datetime | None,
    until: datetime | None,
    rules: Path | None,
    output: Path,
    k: int,
    simulate: int | None,
    data: tuple[str, ...],
    scheduler: str | None,
) -> int:
    """Write the outcomes report: KPIs with intervals, experiments and shadow rules.

    One self-contained HTML file (charts embedded, no script, nothing fetched when opened):
    the headline KPIs with their intervals and denominators, the KPIs day by day, time to
    agent and SLA per lane, sentiment before and after the handoff, each rule's escalation
    precision, each experiment's arms side by side with its verdict, and where the shadow
    rules would have routed differently. docs/KPIS.md defines every figure.

    \b
    Examples:
      handoff report --db sqlite:///desktop.sqlite --since 2026-11-01 --until 2026-12-01
      handoff report --db sqlite:///desktop.sqlite --rules rules/pilot.yaml -o pilot.html
      handoff report --simulate 7 -o demo-report.html
      handoff report --data 'exports/2026-*' --scheduler local:2 -o year.html
      handoff report --data exports/2026-11 --scheduler tcp://scheduler:8786
    """
    if since is not None and until is not None and since >= until:
        raise click.BadParameter("--since must be before --until", param_hint="--since")
    if data and simulate is not None:
        raise click.BadParameter("give --data or --simulate, not both", param_hint="--data")
    if scheduler is not None and not data:
        raise click.BadParameter(
            "--scheduler computes the KPIs of sharded files: give them with --data",
            param_hint="--scheduler",
        )
    outcomes = _module("handoff.outcomes")
    report_module = _module("handoff.outcomes.report")
    experiments = None
    if rules is not None:
        experiment = load_router(rules).ruleset.experiment
        if experiment is None:
            raise HandoffError(
                f"{rules}: declares no experiment; give the rules file with the "
                "`experiment:` block (or leave --rules out)"
            )
        experiments = experiment_specs(experiment)
    now = until.timestamp() if until is not None else None
    if data and scheduler is not None:
        source = f"sharded files ({', '.join(data)})"
        kpis = _on_cluster(data, scheduler, k=k, since=since, until=until, experiments=experiments)
    else:
        if data:
            shards = _module("handoff.outcomes.shards", extra="cluster")
            dataset = shards.read_shards(shards.find_shards(data), since=since, until=until)
            source = f"sharded files ({', '.join(data)})"
        elif simulate is not None:
            dataset, _truth = _module("handoff.outcomes.simulate").simulate(seed=simulate)
            dataset = report_module.window(dataset, since, until)
            source = f"a simulated month (seed {simulate})"
        else:
            loader = _module("handoff.desktop.outcomes", extra="report,desktop")
            dataset = loader.load_dataset(db, since=since, until=until)
            source = "the desktop's database"
        kpis = outcomes.compute_kpis(dataset, k=k, now=now, experiments=experiments)
    html = report_module.render_report(kpis, since=since, until=until, source=source)
    _write(output, html)
    console().print(
        f"wrote {output}: {int(kpis.counts['conversations']):,} conversations, "
        f"{int(kpis.counts['handoffs']):,} handoffs, from {source}"
    )
    return 0


def _on_cluster(
    data: tuple[str, ...],
    scheduler: str,
    *,
    k: int,
    since: datetime | None,
    until: datetime | None,
    experiments: dict[str, ExperimentSpec] | None,
) -> KpiReport:
    """The KPIs of the sharded files ``data`` computed on Dask (progress on stderr)."""
    cluster = _module("handoff.cluster", extra="cluster")
    sharded = _module("handoff.cluster.kpis", extra="cluster")
    err = console(stderr=True)
    err.print(f"computing the KPIs on {scheduler}")
    with cluster.connect(scheduler) as client:
        report: KpiReport = sharded.compute_kpis_sharded(
            client,
            list(data),
            k=k,
            since=since,
            until=until,
            experiments=experiments,
            progress=err.print,
        )
    return report


def experiment_specs(experiment: Experiment | None) -> dict[str, ExperimentSpec]:
    """The KPI analysis's view of a rules file's ``experiment:`` block (none: empty)."""
    if experiment is None:
        return {}
    from handoff.outcomes import ExperimentSpec  # noqa: PLC0415

    arms = tuple(experiment.arms)
    spec = ExperimentSpec(
        id=experiment.id,
        control=experiment.control or arms[0],
        metric=experiment.metric,
        arms=arms,
        shares=tuple(arm.share for arm in experiment.arms.values()),
        description=experiment.description,
    )
    return {spec.id: spec}


def _write(path: Path, text: str) -> None:
    """Replace ``path`` at once: a reader never sees half a report.

    A path that exists and is not a regular file (``/dev/null``, a named pipe) is written
    to, not replaced: replacing it would swap the device for a plain file.
    """
    if path.exists() and not path.is_file():
        with path.open("w", encoding="utf-8") as stream:
            stream.write(text)
        return
    folder = path.parent if str(path.parent) else Path()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
