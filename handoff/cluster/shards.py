"""Sharded record files, and running one function per shard on a Dask cluster.

A *log* is one file, a folder of shards or a glob of them; a *shard* is one file of records:
JSON Lines (``.jsonl``, or gzip-compressed ``.jsonl.gz``) or Parquet (``.parquet``, one
``record`` column holding each record's JSON text, plus columns to query such as ``id``).
Shards are processed in their sorted order, so a result that lists records (changed
conversations, unreadable lines) is ordered by shard, then line, however many workers ran.

Paths may be URLs (``s3://bucket/logs/*.parquet``, ``gs://…``, ``file://…``): they are
opened with fsspec, which Dask brings along; other stores need their fsspec driver (s3fs,
gcsfs) installed on the client and on every worker.

:func:`map_shards` is the distributed half: one task per shard, results in shard order, and
any failure (a shard that cannot be read, a worker that died) is a :class:`ClusterError`
naming the shard, never a silently partial result.
"""

from __future__ import annotations

import glob
import gzip
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, TypeVar

from handoff.cluster import ClusterError

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "MAX_RECORD_BYTES",
    "PARQUET_COLUMN",
    "SHARD_SUFFIXES",
    "RecordTooLarge",
    "Shard",
    "describe_failure",
    "find_shards",
    "map_shards",
    "read_records",
]

Kind = Literal["jsonl", "jsonl.gz", "parquet"]
SHARD_SUFFIXES: dict[str, Kind] = {
    ".jsonl": "jsonl",
    ".jsonl.gz": "jsonl.gz",
    ".parquet": "parquet",
}
# The Parquet column holding each record as JSON text.
PARQUET_COLUMN = "record"
# One record (a JSON line) larger than this is refused, read past in bounded pieces.
MAX_RECORD_BYTES = 5_000_000
# Parquet is read this many rows at a time.
_PARQUET_BATCH = 4_096
_GLOB_CHARS = frozenset("*?[")

T = TypeVar("T")


class RecordTooLarge(ClusterError):
    """A record longer than MAX_RECORD_BYTES; it is skipped, the shard read on."""


@dataclass(frozen=True, order=True)
class Shard:
    """One file of records: ``path`` is a local path or a URL, ``size`` its bytes."""

    path: str
    kind: Kind
    size: int = 0

    def __str__(self) -> str:
        return self.path

    @property
    def remote(self) -> bool:
        """A URL (opened with fsspec) rather than a local path."""
        return "://" in self.path


def shard_kind(name: str) -> Kind | None:
    """The shard format a file name says, or None if it is not a shard."""
    lowered = name.lower()
    for suffix, kind in sorted(SHARD_SUFFIXES.items(), key=lambda item: -len(item[0])):
        if lowered.endswith(suffix):
            return kind
    return None


def find_shards(spec: str | Path) -> list[Shard]:
    """The shards a log names, sorted by path: a file (any name: it is read as JSON Lines
    unless it ends in ``.jsonl.gz`` or ``.parquet``), a folder (its shard files, not
    recursive) or a glob; paths with ``://`` go through fsspec. ClusterError if there is
    nothing to read."""
    text = os.fsdecode(spec)
    if "://" in text:
        return _remote_shards(text)
    path = Path(text)
    if path.is_file():
        return [Shard(text, shard_kind(text) or "jsonl", path.stat().st_size)]
    if path.is_dir():
        names = sorted(p for p in path.iterdir() if p.is_file() and shard_kind(p.name))
        if not names:
            raise ClusterError(
                f"{text}: no shards in this folder (files ending in {', '.join(SHARD_SUFFIXES)})"
            )
        return [Shard(str(p), shard_kind(p.name) or "jsonl", p.stat().st_size) for p in names]
    if _GLOB_CHARS & set(text):
        matches = sorted(m for m in glob.glob(text) if Path(m).is_file())
        if not matches:
            raise ClusterError(f"{text}: no files match")
        return [Shard(m, shard_kind(m) or "jsonl", Path(m).stat().st_size) for m in matches]
    raise ClusterError(f"{text}: no such file or folder")


def _remote_shards(url: str) -> list[Shard]:
    fsspec = _fsspec()
    try:
        fs, _, paths = fsspec.core.get_fs_token_paths(url)
        protocol = url.split("://", 1)[0]
        if len(paths) == 1 and fs.isdir(paths[0]):
            paths = [p for p in fs.ls(paths[0], detail=False) if shard_kind(p)]
        infos = [(p, fs.info(p)) for p in sorted(paths)]
    except (OSError, ValueError) as error:
        raise ClusterError(f"{url}: cannot list ({error})") from None
    shards = [
        Shard(
            p if "://" in p else f"{protocol}://{p}",
            shard_kind(p) or "jsonl",
            int(info.get("size") or 0),
        )
        for p, info in infos
        if info.get("type") != "directory"
    ]
    if not shards:
        raise ClusterError(f"{url}: no shards there")
    return shards


def _fsspec() -> Any:
    try:
        import fsspec  # type: ignore[import-untyped]  # noqa: PLC0415  (the cluster extra)
    except ModuleNotFoundError:
        raise ClusterError(
            "reading URLs needs fsspec: pip install 'handoff-router[cluster]'"
        ) from None
    return fsspec


def _open(shard: Shard) -> IO[bytes]:
    if shard.remote:
        compression = "gzip" if shard.kind == "jsonl.gz" else None
        opened: IO[bytes] = _fsspec().open(shard.path, "rb", compression=compression).open()
        return opened
    if shard.kind == "jsonl.gz":
        return gzip.open(shard.path, "rb")  # type: ignore[return-value]
    return open(shard.path, "rb")


def read_records(
    shard: Shard, advance: Callable[[int], None] | None = None
) -> Iterator[tuple[int, bytes | RecordTooLarge]]:
    """Each non-blank record of ``shard`` as (1-based line or row number, its JSON bytes),
    or a RecordTooLarge in place of a record over MAX_RECORD_BYTES (never held whole).
    ``advance`` is told the bytes read, for a progress bar (Parquet: in row groups).
    OSError (or the format's own error) if the shard cannot be read."""
    if shard.kind == "parquet":
        yield from _parquet_records(shard, advance)
        return
    with _open(shard) as stream:
        number = 0
        while True:
            raw = stream.readline(MAX_RECORD_BYTES + 1)
            if not raw:
                return
            number += 1
            size = len(raw)
            if size > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # read past it, a piece at a time
                    raw = stream.readline(1 << 20)
                    size += len(raw)
                if advance is not None:
                    advance(size)
                yield (
                    number,
                    RecordTooLarge(
                        f"the line is over {MAX_RECORD_BYTES:,} bytes; the limit is "
                        f"{MAX_RECORD_BYTES:,}"
                    ),
                )
                continue
            if advance is not None:
                advance(size)
            if raw.strip():
                yield number, raw


def _parquet_records(
    shard: Shard, advance: Callable[[int], None] | None
) -> Iterator[tuple[int, bytes | RecordTooLarge]]:
    try:
        import pyarrow.parquet as pq  # type: ignore[import-untyped]  # noqa: PLC0415  (cluster extra)
    except ModuleNotFoundError:
        raise ClusterError(
            "reading Parquet needs pyarrow: pip install 'handoff-router[cluster]'"
        ) from None
    with _open(shard) as stream:
        parquet = pq.ParquetFile(stream)
        if PARQUET_COLUMN not in parquet.schema_arrow.names:
            raise ClusterError(
                f"no {PARQUET_COLUMN!r} column (each row's record as JSON text); "
                f"it has {', '.join(parquet.schema_arrow.names) or 'no columns'}"
            )
        rows = max(parquet.metadata.num_rows, 1)
        number = 0
        for batch in parquet.iter_batches(batch_size=_PARQUET_BATCH, columns=[PARQUET_COLUMN]):
            for value in batch.column(0).to_pylist():
                number += 1
                if value is None:
                    continue
                raw = value.encode("utf-8") if isinstance(value, str) else bytes(value)
                if len(raw) > MAX_RECORD_BYTES:
                    yield (
                        number,
                        RecordTooLarge(
                            f"the record is {len(raw):,} bytes; the limit is {MAX_RECORD_BYTES:,}"
                        ),
                    )
                elif raw.strip():
                    yield number, raw
            if advance is not None:
                advance(shard.size * batch.num_rows // rows)


def map_shards(
    client: Client,
    function: Callable[..., T],
    shards: Sequence[Shard],
    *args: Any,
    done: Callable[[int, Shard, T], None] | None = None,
) -> list[T]:
    """``function(index, shard, *args)`` for every shard on the cluster, one task each;
    the results in shard order. ``done`` is called on the client as each finishes (for
    progress). The first failure cancels the rest and raises ClusterError naming the shard
    and the cause (an exception in the task, or the worker that ran it died)."""
    from distributed import as_completed  # noqa: PLC0415  (the cluster extra)

    futures = {
        client.submit(
            function, index, shard, *args, key=f"handoff-shard-{index}-{os.urandom(4).hex()}"
        ): index
        for index, shard in enumerate(shards)
    }
    results: dict[int, T] = {}
    try:
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            index = futures[future]
            shard = shards[index]
            try:
                result = future.result()
            except Exception as error:  # the task's own error, or KilledWorker
                raise ClusterError(f"{shard}: {describe_failure(error)}") from None
            results[index] = result
            if done is not None:
                done(index, shard, result)
    finally:
        client.cancel([f for f in futures if not f.done()])  # type: ignore[no-untyped-call]
    return [results[index] for index in range(len(shards))]


def describe_failure(error: BaseException) -> str:
    """Why a shard failed, in words (the shard's name goes before it)."""
    name = type(error).__name__
    if name == "KilledWorker":
        return (
            "the worker running this shard died (out of memory or killed) every time it was "
            "tried; no result was kept"
        )
    if isinstance(error, ClusterError):
        return str(error)
    return f"{name}: {error}"
