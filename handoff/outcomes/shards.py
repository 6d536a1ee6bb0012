"""A :class:`Dataset` as Parquet shards: many files a cluster reads in parallel.

A sharded dataset is a folder holding ``outcomes.json`` (the manifest: format, version,
number of shards) and, per shard *i*, ``turns-<i>.parquet``, ``handoffs-<i>.parquet`` and
``lines-<i>.parquet`` (five digits). Every record of a customer (the turns, handoff cycles
and customer lines of all their conversations) is in the same shard, and so is every record
of an anonymous conversation: the KPIs follow a customer across conversations (re-contacts,
missed escalations), so each shard's KPI tables can be prepared on its own
(:mod:`handoff.cluster.kpis`). :func:`write_shards` assigns shards by a stable hash of the
customer pseudonym (or ``conversation:<id>`` when anonymous); a writer that makes customers
shard by shard (``handoff synth outcomes``) writes each with :func:`write_shard`.

Several folders with the same number of shards (one export per month, say) read as one
dataset: shard *i* is shard *i* of every folder, in the order the folders are given. Exports
made with :func:`write_shards` hash a customer to the same shard in every month.

Reading gives each shard's conversation ids one categorical over the ids in order of first
appearance (turns, then cycles, then lines), as one process reading everything does, so
tables prepared per shard come in the order of the whole dataset's.

pyarrow comes with the ``cluster`` extra; it is imported when a shard is written or read.
"""

from __future__ import annotations

import glob
import hashlib
import importlib
import json
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from handoff.outcomes.dataset import (
    HANDOFF_COLUMNS,
    LINE_COLUMNS,
    TURN_COLUMNS,
    ColumnKind,
    Dataset,
    DatasetError,
)

__all__ = [
    "FORMAT",
    "MANIFEST",
    "TABLES",
    "Shard",
    "ShardError",
    "ShardWriter",
    "find_shards",
    "read_shard",
    "read_shards",
    "shard_of_customers",
    "synthetic_shard",
    "write_manifest",
    "write_shard",
    "write_shards",
    "write_synthetic",
]

FORMAT = "handoff-outcomes"
VERSION = 1
MANIFEST = "outcomes.json"
TABLES = ("turns", "handoffs", "lines")
#: More shards than this is a typo (and as many open files).
MAX_SHARDS = 100_000
#: The columns holding times, per table: what the period (``since``/``until``) filters on.
TIME_COLUMNS = {
    "turns": ("at",),
    "handoffs": ("handed_off_at", "claimed_at", "closed_at"),
    "lines": ("at",),
}


_COLUMNS: dict[str, Mapping[str, ColumnKind]] = {
    "turns": TURN_COLUMNS,
    "handoffs": HANDOFF_COLUMNS,
    "lines": LINE_COLUMNS,
}


class ShardError(DatasetError):
    """A sharded dataset is missing, incomplete or not in the format this version reads."""


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of every folder in ``folders`` (read together as one part)."""

    index: int
    folders: tuple[Path, ...]

    def path(self, folder: Path, table: str) -> Path:
        """The Parquet file of ``table`` in ``folder``."""
        return folder / f"{table}-{self.index:05d}.parquet"

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """How errors and progress name it: ``outcomes/2026-11#00003``."""
        return ", ".join(f"{folder}#{self.index:05d}" for folder in self.folders)


def shard_of_customers(units: Iterable[str], shards: int) -> np.ndarray:
    """The shard of each unit (customer pseudonym or ``conversation:<id>``): a stable hash
    (BLAKE2b), the same on every machine, in every Python and every month's export."""
    return np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(unit.encode(), digest_size=8).digest(), "big") % shards
            for unit in units
        ),
        dtype=np.int64,
    )


def write_shards(data: Dataset, folder: str | Path, shards: int, **about: Any) -> Path:
    """Write ``data`` into ``folder`` as ``shards`` shards partitioned by customer; the
    folder is created (it must not hold a sharded dataset already). ``about`` goes into the
    manifest (e.g. the period exported). Returns the manifest's path."""
    with ShardWriter(folder, shards, **about) as writer:
        writer.append(data)
    return writer.manifest


class ShardWriter:
    """Appends datasets (one day of a desktop's records at a time, say) to ``shards``
    shards partitioned by customer, in bounded memory: each append is written out as one
    row group per shard and table; what is kept is each conversation's shard (a few dozen
    bytes a conversation), so a conversation's later records follow its first ones.

    Use as a context manager: the manifest is written on a clean exit only, so a failed
    export is never read as a complete one.
    """

    def __init__(self, folder: str | Path, shards: int, **about: Any) -> None:
        _check_count(shards)
        self.folder = _new_folder(folder)
        self.shards = shards
        self.about = about
        self.manifest = self.folder / MANIFEST
        self._shard_of: dict[str, int] = {}
        self._writers: dict[tuple[str, int], Any] = {}
        self.rows = dict.fromkeys(TABLES, 0)

    def __enter__(self) -> ShardWriter:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        pa, _pq = _pyarrow()
        try:
            if kind is None:
                for table in TABLES:  # shards nothing was appended to: empty files
                    for index in range(self.shards):
                        if (table, index) not in self._writers:
                            empty = pa.Table.from_pylist([], schema=_schema(table))
                            self._writer(table, index).write_table(empty)
        finally:
            for writer in self._writers.values():
                writer.close()
        if kind is None:
            for table, index in self._writers:
                final = self.folder / f"{table}-{index:05d}.parquet"
                os.replace(final.with_name(f".{final.name}.partial"), final)
            write_manifest(self.folder, self.shards, rows=self.rows, **self.about)

    def append(self, data: Dataset) -> None:
        """Write ``data``'s rows to their customers' shards."""
        pa, _pq = _pyarrow()
        data.validate()
        shard_of = _row_shards(data, self.shards, self._shard_of)
        for table in TABLES:
            frame = _plain(getattr(data, table), table)
            self.rows[table] += len(frame)
            for index in np.unique(shard_of[table]).tolist():
                part = frame[shard_of[table] == index]
                arrow = pa.Table.from_pandas(part, schema=_schema(table), preserve_index=False)
                self._writer(table, int(index)).write_table(arrow)

    def _writer(self, table: str, index: int) -> Any:
        _pa, pq = _pyarrow()
        key = (table, index)
        if key not in self._writers:
            path = self.folder / f".{table}-{index:05d}.parquet.partial"
            self._writers[key] = pq.ParquetWriter(path, _schema(table), compression="zstd")
        return self._writers[key]


_ARROW_TYPES = {
    "str": "string",
    "str?": "string",
    "float": "float64",
    "float?": "float64",
    "bool": "bool_",
    "bool?": "bool_",
    "int": "int64",
}


def _schema(table: str) -> Any:
    """One Arrow schema per table (so every row group of a file has the same types)."""
    pa, _pq = _pyarrow()
    columns = _COLUMNS[table]
    return pa.schema(
        [
            pa.field(name, getattr(pa, _ARROW_TYPES[kind])(), nullable=kind.endswith("?"))
            for name, kind in columns.items()
        ]
    )


def _plain(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The table's columns only, text as objects (None for missing), for a fixed schema."""
    out = {}
    for name, kind in _COLUMNS[table].items():
        series = frame[name]
        if kind.startswith("str") or kind == "bool?":
            out[name] = pd.Series(series.to_numpy(dtype=object, na_value=None), dtype=object)
        else:
            out[name] = series.reset_index(drop=True)
    return pd.DataFrame(out)


#: The simulator adds follow-up contacts (about 14% more); a little more is simulated than
#: asked for and cut to exactly the number of conversations asked for.
FOLLOW_UP_ALLOWANCE = 1.25


def synthetic_shard(conversations: int, index: int, *, seed: int, days: int = 30) -> Dataset:
    """Shard ``index`` of a synthetic dataset: the simulator's traffic
    (:func:`handoff.outcomes.simulate.simulate`, its own stream of random numbers from
    ``seed`` and ``index``) cut to exactly ``conversations`` conversations (the first by
    id: first contacts, then follow-ups), ids prefixed ``s<index>-`` so shards never share a
    conversation or a customer."""
    from handoff.outcomes.simulate import simulate  # noqa: PLC0415

    if conversations < 1:
        raise ValueError(f"a shard needs at least one conversation, not {conversations}")
    stream = int(np.random.SeedSequence(seed, spawn_key=(index,)).generate_state(1)[0])
    per_day = max(1, math.ceil(conversations * FOLLOW_UP_ALLOWANCE / days))
    data, _truth = simulate(days=days, conversations_per_day=per_day, seed=stream)
    names = data.turns["conversation"].drop_duplicates()
    while len(names) < conversations:  # pragma: no cover - the allowance is generous
        per_day *= 2
        data, _truth = simulate(days=days, conversations_per_day=per_day, seed=stream)
        names = data.turns["conversation"].drop_duplicates()
    keep = set(names.iloc[:conversations])
    prefix = f"s{index:05d}-"
    cut = {}
    for table in TABLES:
        frame = getattr(data, table)
        frame = frame[frame["conversation"].isin(keep)].reset_index(drop=True)
        for column in ("conversation", "customer"):
            if column in frame.columns:
                values = frame[column].cat.remove_unused_categories()
                frame[column] = values.cat.rename_categories(
                    [prefix + str(name) for name in values.cat.categories]
                )
        cut[table] = frame
    return Dataset(**cut)


def write_synthetic(
    folder: str | Path,
    conversations: int,
    *,
    shards: int,
    seed: int,
    days: int = 30,
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write a synthetic sharded dataset of exactly ``conversations`` conversations, one
    shard at a time (memory: one shard's, whatever the total). ``progress(done, shards)``
    is called after each shard. Returns the manifest's path."""
    _check_count(shards)
    if not shards <= conversations:
        raise ValueError(f"{conversations} conversation(s) cannot fill {shards} shards")
    target = _new_folder(folder)
    base, extra = divmod(conversations, shards)
    for index in range(shards):
        write_shard(synthetic_shard(base + (index < extra), index, seed=seed, days=days),
                    target, index)  # fmt: skip
        if progress is not None:
            progress(index + 1, shards)
    return write_manifest(
        target, shards, synthetic={"conversations": conversations, "seed": seed, "days": days}
    )


def write_shard(data: Dataset, folder: str | Path, index: int) -> None:
    """Write ``data`` as shard ``index`` of ``folder`` (the caller keeps every customer in
    one shard and writes the manifest at the end with :func:`write_manifest`)."""
    pa, pq = _pyarrow()
    target = Path(folder)
    for table in TABLES:
        frame = getattr(data, table)
        arrow = pa.Table.from_pandas(frame, preserve_index=False)
        final = target / f"{table}-{index:05d}.parquet"
        partial = final.with_name(f".{final.name}.partial")
        pq.write_table(arrow, partial, compression="zstd")
        os.replace(partial, final)


def write_manifest(folder: str | Path, shards: int, **about: Any) -> Path:
    """Write the manifest that makes ``folder`` a sharded dataset of ``shards`` shards
    (last: a folder without it is an unfinished write, and readers refuse it)."""
    _check_count(shards)
    path = Path(folder) / MANIFEST
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "shards": shards,
        "partitioned_by": "customer",
        **about,
    }
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(partial, path)
    return path


def find_shards(sources: str | Path | Sequence[str | Path]) -> list[Shard]:
    """The shards of the sharded datasets at ``sources``: folders or glob patterns of
    folders (``exports/2026-*``), each with its manifest. Raises :class:`ShardError` naming
    the folder if one is not a sharded dataset, is unfinished or lacks a file, or if the
    folders do not have the same number of shards."""
    items = [sources] if isinstance(sources, str | Path) else list(sources)
    folders: list[Path] = []
    for item in items:
        text = str(item)
        matches = [Path(text)] if Path(text).is_dir() else sorted(map(Path, glob.glob(text)))
        matches = [m for m in matches if m.is_dir()]
        if not matches:
            raise ShardError(
                f"{text}: no such folder (give the folder `handoff synth outcomes` or "
                "`handoff desktop export-outcomes` wrote, or a glob pattern of such folders)"
            )
        folders.extend(m for m in matches if m not in folders)
    counts = {folder: _manifest(folder)["shards"] for folder in folders}
    if len(set(counts.values())) > 1:
        listing = ", ".join(f"{folder} has {n}" for folder, n in counts.items())
        raise ShardError(
            f"the folders have different numbers of shards ({listing}); a customer is in "
            "shard hash % N, so folders read together need the same N (export with the "
            "same --shards)"
        )
    shards = [Shard(index, tuple(folders)) for index in range(next(iter(counts.values())))]
    for shard in shards:
        for folder in shard.folders:
            for table in TABLES:
                if not shard.path(folder, table).is_file():
                    raise ShardError(
                        f"{shard.path(folder, table)} is missing: the sharded dataset in "
                        f"{folder} is incomplete"
                    )
    return shards


def read_shard(
    shard: Shard, *, since: datetime | None = None, until: datetime | None = None
) -> Dataset:
    """One shard (of every folder) as a validated Dataset, cut to [since, until) as
    ``handoff report`` cuts a period (:func:`handoff.outcomes.report.window`)."""
    return _read([shard], since, until)


def read_shards(
    shards: Sequence[Shard], *, since: datetime | None = None, until: datetime | None = None
) -> Dataset:
    """Every shard in one Dataset, in shard order (the one-process reference)."""
    return _read(shards, since, until)


def read_times(shard: Shard, table: str, columns: Sequence[str]) -> pd.DataFrame:
    """Only ``columns`` of ``table`` of one shard (cheap: Parquet reads columns apart)."""
    frames = [
        pd.read_parquet(shard.path(folder, table), columns=list(columns), engine="pyarrow")
        for folder in shard.folders
    ]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def _read(shards: Sequence[Shard], since: datetime | None, until: datetime | None) -> Dataset:
    from handoff.outcomes.report import window  # noqa: PLC0415

    _pyarrow()
    tables: dict[str, pd.DataFrame] = {}
    for table in TABLES:
        frames = []
        for shard in shards:
            for folder in shard.folders:
                path = shard.path(folder, table)
                try:
                    frames.append(pd.read_parquet(path, engine="pyarrow"))
                except (OSError, ValueError) as error:
                    raise ShardError(f"{path}: cannot be read as Parquet: {error}") from None
        tables[table] = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    data = window(_shared_ids(Dataset(**tables)), since, until)
    try:
        data.validate()
    except DatasetError as error:
        names = "; ".join(shard.name for shard in shards[:3])
        raise ShardError(f"{names}{' …' if len(shards) > 3 else ''}: {error}") from None
    return data


def _shared_ids(data: Dataset) -> Dataset:
    """The three tables' conversation ids as one categorical over the ids in order of first
    appearance (turns, cycles, lines)."""
    columns = [getattr(data, table)["conversation"] for table in TABLES]
    values = [column.to_numpy(dtype=object, na_value=None) for column in columns]
    categories = pd.Index(pd.unique(np.concatenate(values)), dtype=object)
    fixed = {}
    for table, column in zip(TABLES, values, strict=True):
        frame = getattr(data, table).copy(deep=False)
        frame["conversation"] = pd.Categorical(column, categories=categories)
        fixed[table] = frame
    return Dataset(**fixed)


def _row_shards(
    data: Dataset, shards: int, known: dict[str, int] | None = None
) -> dict[str, np.ndarray]:
    """The shard of every row of every table: its conversation's customer's (the first
    customer pseudonym of the conversation's turns), else ``conversation:<id>``.
    ``known`` (conversation -> shard, updated) keeps the shard of conversations seen in
    earlier appends."""
    known = {} if known is None else known
    turns = data.turns
    conversation = turns["conversation"].astype(object)
    customer = turns["customer"].astype(object).groupby(conversation, sort=False).first()
    names = pd.Index(
        pd.unique(
            np.concatenate(
                [getattr(data, t)["conversation"].to_numpy(dtype=object) for t in TABLES]
            )
        ),
        dtype=object,
    )
    first = customer.reindex(names)
    units = first.where(first.notna(), "conversation:" + pd.Series(names, index=names))
    codes, uniques = pd.factorize(units.to_numpy(dtype=object))
    shard_of_name = shard_of_customers(uniques, shards)[codes]
    before = pd.Series(known, dtype="float64").reindex(names).to_numpy()
    seen = ~np.isnan(before)
    shard_of_name[seen] = before[seen].astype(np.int64)
    known.update(zip(names[~seen].tolist(), shard_of_name[~seen].tolist(), strict=True))
    return {
        table: shard_of_name[
            names.get_indexer(getattr(data, table)["conversation"].to_numpy(dtype=object))
        ]
        for table in TABLES
    }


def _manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.is_file():
        raise ShardError(
            f"{folder}: no {MANIFEST} (not a sharded outcomes dataset, or its writing did "
            "not finish)"
        )
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ShardError(f"{path}: unreadable manifest: {error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ShardError(f"{path}: not a {FORMAT} manifest")
    if manifest.get("version") != VERSION:
        raise ShardError(
            f"{path}: format version {manifest.get('version')!r}; this handoff reads "
            f"version {VERSION} (upgrade handoff, or re-export)"
        )
    shards = manifest.get("shards")
    if isinstance(shards, bool) or not isinstance(shards, int) or not 1 <= shards <= MAX_SHARDS:
        raise ShardError(f"{path}: shards must be a whole number 1..{MAX_SHARDS}")
    return manifest


def _check_count(shards: int) -> None:
    if not 1 <= shards <= MAX_SHARDS:
        raise ValueError(f"shards must be between 1 and {MAX_SHARDS}, not {shards}")


def _new_folder(folder: str | Path) -> Path:
    target = Path(folder)
    if (target / MANIFEST).exists():
        raise ShardError(f"{target} holds a sharded dataset already; choose a new folder")
    target.mkdir(parents=True, exist_ok=True)
    return target


def _pyarrow() -> tuple[Any, Any]:
    try:
        pa = importlib.import_module("pyarrow")
        pq = importlib.import_module("pyarrow.parquet")
    except ModuleNotFoundError:
        raise ShardError(
            "Parquet shards need pyarrow: pip install 'handoff-router[cluster]'"
        ) from None
    return pa, pq
