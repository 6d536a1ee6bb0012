"""KPIs over sharded outcome records: in one process and on a real Dask LocalCluster.

The distributed report must equal ``compute_kpis`` over the same shards read in one process
(every figure, table and verdict: compared by a digest of the floats' exact bits and field
by field), and refuse, naming the shard, what would make it differ.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner

from handoff.cli import cli
from handoff.cluster import ClusterError, connect
from handoff.cluster.kpis import compute_kpis_sharded, report_digest
from handoff.outcomes import ExperimentSpec, KpiReport, compute_kpis
from handoff.outcomes.shards import (
    ShardError,
    ShardWriter,
    find_shards,
    read_shards,
    write_shard,
    write_shards,
    write_synthetic,
)
from handoff.outcomes.simulate import ARMS, EXPERIMENT, SHARES, simulate

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DAY = 86_400.0


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A real LocalCluster of two worker processes, shared by this module's tests."""
    with connect("local:2") as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def month(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The simulator's month (about 5,000 conversations) in 5 shards by customer."""
    data, _truth = simulate(days=30, conversations_per_day=150, seed=11)
    folder = tmp_path_factory.mktemp("shards") / "month"
    write_shards(data, folder, 5)
    return folder


def assert_same(one: KpiReport, other: KpiReport) -> None:
    """Every field equal: Estimates exactly, frames with exact floats and dtypes."""
    for field in dataclasses.fields(KpiReport):
        a, b = getattr(one, field.name), getattr(other, field.name)
        if isinstance(a, pd.DataFrame):
            pd.testing.assert_frame_equal(a, b, check_exact=True)
        elif field.name == "shadow" and a is not None:
            pd.testing.assert_frame_equal(a.differences, b.differences, check_exact=True)
            assert dataclasses.replace(a, differences=None) == dataclasses.replace(
                b, differences=None
            )
        else:
            assert a == b, field.name
    assert report_digest(one) == report_digest(other)


def test_shards_keep_every_record_and_each_customer_in_one_shard(month: Path) -> None:
    shards = find_shards(month)
    assert len(shards) == 5
    whole = read_shards(shards)
    data, _truth = simulate(days=30, conversations_per_day=150, seed=11)
    assert len(whole.turns) == len(data.turns)
    assert len(whole.handoffs) == len(data.handoffs)
    assert len(whole.lines) == len(data.lines)
    owners = pd.concat(
        [read_shards([s]).turns[["customer"]].assign(shard=s.index) for s in shards]
    ).dropna()
    assert (owners.groupby("customer", observed=True)["shard"].nunique() == 1).all()
    # The KPIs of the re-read records are the original's (row order aside: same values).
    original, reread = compute_kpis(data), compute_kpis(whole)
    assert original.counts == reread.counts
    for name, figure in original.overall.items():
        assert figure.n == reread.overall[name].n
        assert figure.value == pytest.approx(reread.overall[name].value, rel=1e-12)


def test_the_cluster_gives_the_one_process_report(client: Any, month: Path) -> None:
    """Experiment verdicts (with the declared split), shadow results and every KPI."""
    specs = {
        EXPERIMENT: ExperimentSpec(
            id=EXPERIMENT, control="control", metric="handoff_success", arms=ARMS, shares=SHARES
        )
    }
    stats: dict[str, Any] = {}
    lines: list[str] = []
    sharded = compute_kpis_sharded(
        client, str(month), experiments=specs, progress=lines.append, stats=stats
    )
    alone = compute_kpis(read_shards(find_shards(month)), experiments=specs)
    assert_same(sharded, alone)
    assert sharded.shadow is not None
    assert sharded.experiments[EXPERIMENT].effects
    assert len(lines) == 2
    assert "round 2/2: 5 shard(s)" in lines[1]
    assert stats["shards"] == 5
    assert len(stats["worker_peak_rss_mib"]) == 2
    assert 0 < stats["client_mib"] < 50


def test_a_period_and_a_glob_of_monthly_folders(client: Any, tmp_path: Path) -> None:
    """Two 'monthly' exports of one simulation read together with a glob, cut to a
    period: re-contacts across the month boundary count as in one process."""
    data, _truth = simulate(days=20, conversations_per_day=120, seed=4)
    middle = float(data.turns["at"].min()) + 10 * DAY
    for name, keep in (("2026-01", lambda t: t < middle), ("2026-02", lambda t: t >= middle)):
        part = dataclasses.replace(
            data,
            turns=data.turns[keep(data.turns["at"])],
            handoffs=data.handoffs[keep(data.handoffs["handed_off_at"])],
            lines=data.lines[keep(data.lines["at"])],
        )
        with ShardWriter(tmp_path / name, 3) as writer:
            writer.append(part)
    since = datetime.fromtimestamp(middle - 5 * DAY, tz=timezone.utc)
    until = datetime.fromtimestamp(middle + 6 * DAY, tz=timezone.utc)
    pattern = str(tmp_path / "2026-*")
    sharded = compute_kpis_sharded(client, [pattern], since=since, until=until, k=2)
    whole = read_shards(find_shards(pattern), since=since, until=until)
    assert_same(sharded, compute_kpis(whole, k=2, now=until.timestamp()))
    assert sharded.counts["turns"] < len(data.turns)


def test_shards_sharing_a_customer_are_refused(client: Any, tmp_path: Path) -> None:
    """A layout that would change the figures is an error naming the shards."""
    data, _truth = simulate(days=5, conversations_per_day=40, seed=2)
    names = data.turns["conversation"].drop_duplicates()
    half = set(names.iloc[: len(names) // 2])
    folder = tmp_path / "bad"
    folder.mkdir()
    for index, inside in enumerate((True, False)):
        frames = {
            table: getattr(data, table)[
                getattr(data, table)["conversation"].isin(half) == inside
            ].reset_index(drop=True)
            for table in ("turns", "handoffs", "lines")
        }
        write_shard(type(data)(**frames), folder, index)
    # Split by conversation, not by customer: follow-ups of a customer land apart.
    (folder / "outcomes.json").write_text(
        '{"format": "handoff-outcomes", "version": 1, "shards": 2}'
    )
    with pytest.raises(ClusterError, match=r"customer has records in two shards .*#00000"):
        compute_kpis_sharded(client, str(folder))


def test_an_unreadable_shard_is_named(client: Any, month: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    for item in month.iterdir():
        (broken / item.name).write_bytes(item.read_bytes())
    (broken / "lines-00003.parquet").write_bytes(b"not parquet")
    with pytest.raises(ClusterError, match=r"broken#00003"):
        compute_kpis_sharded(client, str(broken))
    with pytest.raises(ShardError, match=r"no outcomes\.json"):
        find_shards(str(tmp_path))
    (broken / "turns-00001.parquet").unlink()
    with pytest.raises(ShardError, match=r"turns-00001\.parquet is missing"):
        find_shards(str(broken))


def test_synthetic_shards_have_exactly_n_conversations(tmp_path: Path) -> None:
    write_synthetic(tmp_path / "syn", 1_001, shards=3, seed=9, days=7)
    shards = find_shards(tmp_path / "syn")
    sizes = [read_shards([s]).turns["conversation"].nunique() for s in shards]
    assert sizes == [334, 334, 333]
    again = tmp_path / "again"
    write_synthetic(again, 1_001, shards=3, seed=9, days=7)
    assert (again / "lines-00002.parquet").read_bytes() == (
        tmp_path / "syn" / "lines-00002.parquet"
    ).read_bytes()
    report = compute_kpis(read_shards(shards))
    assert report.counts["conversations"] == 1_001
    assert report.shadow is not None
    assert report.experiments


def test_cli_synth_then_report_in_process_and_on_two_workers(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "syn"
    result = runner.invoke(
        cli, ["synth", "outcomes", "600", "--out", str(out), "--shards", "2", "--days", "7"]
    )
    assert result.exit_code == 0, result.output
    assert "wrote 600 conversations in 2 shard(s)" in result.output
    wrote = []
    for extra in ([], ["--scheduler", "local:2"]):
        html = tmp_path / f"report{len(extra)}.html"
        result = runner.invoke(cli, ["report", "--data", str(out), "-o", str(html), *extra])
        assert result.exit_code == 0, result.output
        assert f"wrote {html}: 600 conversations" in result.output
        wrote.append(html.read_text())
    # Byte-identical but for the minute it was generated in (two runs can straddle one).
    stamp = re.compile(r"Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC")
    assert all(len(stamp.findall(text)) == 1 for text in wrote)
    assert stamp.sub("Generated …", wrote[0]) == stamp.sub("Generated …", wrote[1])
    refused = runner.invoke(cli, ["report", "--scheduler", "local:2", "-o", str(html)])
    assert refused.exit_code == 2
    assert "give them with --data" in refused.output


def test_cli_exports_the_desktop_database_chunk_by_chunk(tmp_path: Path) -> None:
    """Export a desktop database a day at a time: every record once, customers whole (the
    cluster would refuse otherwise), the same KPIs as the database read in one go."""
    from handoff.desktop import Desktop  # noqa: PLC0415
    from handoff.desktop.outcomes import load_dataset, store_dataset  # noqa: PLC0415

    url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
    with Desktop(url) as desk:
        desk.upgrade()
    data, _truth = simulate(days=6, conversations_per_day=60, seed=3)
    store_dataset(url, data)
    out = tmp_path / "export"
    result = CliRunner().invoke(
        cli, ["desktop", "export-outcomes", "--db", url, "--out", str(out), "--shards", "3"]
    )
    assert result.exit_code == 0, result.output
    assert f"{len(data.turns):,} turns" in result.output
    exported = read_shards(find_shards(out))
    stored = load_dataset(url)
    assert (len(exported.turns), len(exported.handoffs), len(exported.lines)) == (
        len(stored.turns),
        len(stored.handoffs),
        len(stored.lines),
    )
    one, other = compute_kpis(exported), compute_kpis(stored)
    assert one.counts == other.counts
    for name, figure in other.overall.items():
        mine = one.overall[name]
        assert mine.n == figure.n, name
        assert (mine.value is None and figure.value is None) or math.isclose(
            mine.value or 0.0, figure.value or 0.0, rel_tol=1e-12
        ), name
    with connect("local:1") as dask_client:
        assert_same(compute_kpis_sharded(dask_client, str(out)), one)
