"""``handoff report``: from a desktop database (filled with store_dataset) to one HTML file."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from handoff.cli import cli
from handoff.desktop import Desktop
from handoff.desktop.outcomes import store_dataset
from tests.report.data import dataset

Run = Callable[..., Result]
EXPERIMENT_RULES = """\
experiment:
  id: callback-pilot
  control: control
  metric: containment
  arms:
    control: {share: 50}
    candidate: {share: 50}
"""


@pytest.fixture
def run() -> Run:
    runner = CliRunner()

    def invoke(*args: str | Path) -> Result:
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated desktop database holding a week of outcome records."""
    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'desktop.sqlite'}"
    with Desktop(url) as desk:
        desk.upgrade()
    store_dataset(url, dataset(conversations=300, days=7))
    return url


def test_writes_one_html_file_from_the_database(run: Run, db: str, tmp_path: Path) -> None:
    """The report of the stored records, and a line saying what went into it."""
    out = tmp_path / "report.html"
    result = run("report", "--db", db, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 300 conversations" in result.output
    html = out.read_text()
    assert html.startswith("<!doctype html>")
    assert 'data-testid="section-experiments"' in html
    assert "900 routed turns" in html
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left beside it


def test_a_period_keeps_only_its_records(run: Run, db: str, tmp_path: Path) -> None:
    """--since/--until: the turns and handoffs of those days only, and the period shown."""
    out = tmp_path / "week.html"
    result = run("report", "--db", db, "--since", "2026-11-03", "--until", "2026-11-05", "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "2026-11-03 to 2026-11-04" in html
    conversations = int(result.output.split("wrote ", 1)[1].split(": ", 1)[1].split(" ")[0])
    assert 0 < conversations < 300


def test_rules_give_the_experiments_metric(run: Run, db: str, tmp_path: Path) -> None:
    """--rules: the experiment's primary metric and control come from its rules file."""
    rules = tmp_path / "pilot.yaml"
    default = (Path(__file__).resolve().parents[2] / "rules" / "default.yaml").read_text()
    rules.write_text(default + "\n" + EXPERIMENT_RULES)
    out = tmp_path / "pilot.html"
    result = run("report", "--db", db, "--rules", rules, "-o", out)
    assert result.exit_code == 0, result.output
    assert "callback-pilot: containment is the primary metric" in out.read_text()


def test_rules_without_an_experiment_are_refused(run: Run, db: str, tmp_path: Path) -> None:
    default = Path(__file__).resolve().parents[2] / "rules" / "default.yaml"
    result = run("report", "--db", db, "--rules", default, "-o", tmp_path / "x.html")
    assert result.exit_code == 1
    assert "declares no experiment" in result.output
    assert not (tmp_path / "x.html").exists()


def test_a_period_that_ends_before_it_starts(run: Run, db: str, tmp_path: Path) -> None:
    result = run("report", "--db", db, "--since", "2026-11-05", "--until", "2026-11-01")
    assert result.exit_code == 2
    assert "--since must be before --until" in result.output


def test_a_database_without_the_desktops_tables(run: Run, tmp_path: Path) -> None:
    """One line saying what is wrong and how to fix it; no file written."""
    out = tmp_path / "r.html"
    result = run("report", "--db", f"sqlite:///{tmp_path / 'empty.sqlite'}", "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "handoff desktop upgrade" in result.output
    assert not out.exists()


def test_a_simulated_month(run: Run, tmp_path: Path) -> None:
    """--simulate SEED: the report of the simulator's month, without any database."""
    out = tmp_path / "demo.html"
    result = run("report", "--simulate", "7", "-o", out)
    assert result.exit_code == 0, result.output
    assert "from a simulated month (seed 7)" in result.output
    assert 'data-testid="verdict-' in out.read_text()


def test_the_rules_experiment_as_the_analysis_sees_it(tmp_path: Path) -> None:
    """experiment_specs (also what `handoff desktop serve --rules` gives the KPI page): the
    arms in the file's order with their shares, the control and the metric."""
    from handoff import Router  # noqa: PLC0415
    from handoff.cli._report import experiment_specs  # noqa: PLC0415

    rules = tmp_path / "pilot.yaml"
    default = (Path(__file__).resolve().parents[2] / "rules" / "default.yaml").read_text()
    rules.write_text(default + "\n" + EXPERIMENT_RULES.replace("  control: control\n", ""))
    [spec] = experiment_specs(Router.from_path(rules).ruleset.experiment).values()
    assert (spec.id, spec.control, spec.metric) == ("callback-pilot", "control", "containment")
    assert (spec.arms, spec.shares) == (("control", "candidate"), (50, 50))
    assert experiment_specs(None) == {}


def test_a_named_pipe_is_written_to_not_replaced(run: Run, db: str, tmp_path: Path) -> None:
    """``-o /dev/null`` or a pipe: the report is written into it, and it stays what it was
    (replacing it atomically, as for a regular file, would put a plain file in its place)."""
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    result = run("report", "--db", db, "-o", pipe)
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received, "nothing was written into the pipe"
    assert received[0].startswith(b"<!doctype html>")
