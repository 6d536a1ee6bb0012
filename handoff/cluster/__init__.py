"""Batch work on a Dask cluster: replaying logs and computing KPIs over sharded files.

Why Dask distributed (issue 16): it is pure Python and installs from the package registry
with the ``cluster`` extra, runs the same code on this machine (a ``LocalCluster`` of worker
processes) and on a cluster (only the scheduler's address changes), and schedules plain
Python functions over files, which is what replaying conversations through the router is.
Ray would add a second object store and its own process manager; Spark a JVM.

``connect`` is the only way in: ``"local:N"`` starts N local worker processes (one thread
each, so N is the parallelism), anything else is a scheduler address (``tcp://host:8786``,
``tls://…`` with Dask's own TLS configuration). dask itself is imported only when called,
with an install hint if the extra is missing.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from handoff.errors import HandoffError

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ClusterError", "connect", "parse_scheduler"]

_LOCAL = re.compile(r"local(?::(?P<workers>[0-9]{1,3}))?")
MAX_LOCAL_WORKERS = 256


class ClusterError(HandoffError):
    """The cluster could not be reached or started, or the extra is missing."""


def parse_scheduler(scheduler: str) -> int | str:
    """The number of local workers for ``local`` / ``local:N``, else the address itself.

    >>> parse_scheduler("local:2")
    2
    >>> parse_scheduler("tcp://10.0.0.5:8786")
    'tcp://10.0.0.5:8786'
    """
    match = _LOCAL.fullmatch(scheduler.strip())
    if match is not None:
        workers = int(match["workers"] or 1)
        if not 1 <= workers <= MAX_LOCAL_WORKERS:
            raise ClusterError(
                f"local:{workers}: give between 1 and {MAX_LOCAL_WORKERS} local workers"
            )
        return workers
    if "://" not in scheduler:
        raise ClusterError(
            f"{scheduler!r} is not a scheduler: give local:N (N worker processes on this "
            "machine) or an address such as tcp://scheduler:8786"
        )
    return scheduler.strip()


def _distributed() -> Any:
    try:
        return importlib.import_module("distributed")
    except ModuleNotFoundError:
        raise ClusterError(
            "running on a cluster needs Dask: pip install 'handoff-router[cluster]'"
        ) from None


@contextlib.contextmanager
def connect(scheduler: str = "local:1", *, memory_limit: str | None = None) -> Iterator[Client]:
    """A Dask client for ``scheduler`` (see the module's docstring); closed on exit.

    Local workers are processes with one thread each and no dashboard (nothing listens
    beyond the loopback scheduler); ``memory_limit`` (e.g. ``"2GiB"``) is per worker.
    """
    distributed = _distributed()
    target = parse_scheduler(scheduler)
    if isinstance(target, int):
        try:
            cluster = distributed.LocalCluster(
                n_workers=target,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=None,
                # The scheduler serves /health and /metrics even without a dashboard, on
                # port 8787 unless told otherwise (warning when another cluster has it):
                # any free loopback port.
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                memory_limit=memory_limit or "auto",
            )
        except (OSError, RuntimeError, TimeoutError) as error:
            raise ClusterError(f"cannot start {target} local Dask workers: {error}") from None
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(target, timeout="10s")
    except (OSError, TimeoutError) as error:
        raise ClusterError(f"cannot reach the Dask scheduler at {target}: {error}") from None
    with client:
        yield client
