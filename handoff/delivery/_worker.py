"""The delivery worker: claims due outbox rows, hands them to sinks, and schedules retries."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Literal

from handoff.delivery._outbox import Outbox, _Job
from handoff.delivery._signing import IDEMPOTENCY_HEADER
from handoff.delivery._sinks import ATTEMPT_HEADER, DeliveryError, Sink
from handoff.errors import StorageUnavailable, describe_error

__all__ = ["DeliveryAttempt", "DeliveryWorker", "WorkerHandle"]

log = logging.getLogger("handoff.delivery")

# A hostile or confused receiver may ask for Retry-After: 10**9; we wait an hour at most.
_MAX_RETRY_AFTER = 3600.0
# While the outbox cannot be polled, polls back off up to this (each failure logs an error).
_MAX_FAILING_POLL = 10.0


@dataclass(frozen=True)
class DeliveryAttempt:
    """What one attempt to deliver a row to a sink came to, for ``on_attempt`` (metrics).

    ``result``: "delivered", "retry" (failed, will be tried again) or "dead" (failed for
    good). ``attempt`` counts from 1. ``lag`` is the seconds from the put to this delivery
    (retries and waits included), set only when delivered. Nothing of the payload is here.
    """

    sink: str
    result: Literal["delivered", "retry", "dead"]
    attempt: int
    lag: float | None = None


class DeliveryWorker:
    """Delivers the outbox's due rows to ``sinks``, at least once, retrying with back-off.

    A row is marked delivered only after its sink returned; a failure is recorded on the row
    (``last_error``) and, after the n-th failure, retried after a random delay between 0 and
    ``min(max_delay, base_delay * 2 ** (n - 1))`` ("full jitter", so that a desktop coming
    back is not hit by every retry at once). After ``max_attempts`` failures the row is
    marked dead, kept, and shown by ``Outbox.dead()`` until ``Outbox.retry_dead()``.

    A permanent failure (``DeliveryError.permanent``, e.g. HTTP 410 or 401) marks the row
    dead at once; a ``retry_after`` from the sink (HTTP 429/503 ``Retry-After``) is waited at
    least, up to an hour.

    Several workers, in threads or processes on several machines, may share one outbox: a
    worker claims a batch of rows for ``lease`` seconds, and before sending each row renews
    its lease on that row alone for ``lease`` plus the sink's ``max_send_seconds(attempt)``
    (if it has one). So a row is in one worker's hands at a time, the lease is short, and a worker
    that dies (``kill -9``) leaves its rows to the others within about ``lease`` seconds, or
    that plus one send for the row it was sending; a worker starting on the same machine
    takes back at once the claims of worker processes that no longer exist. A worker
    delivers only rows for its own sinks' names. ``clock`` returns unix seconds, comparable
    with the ``time.time()`` the outbox stamps new rows with (tests pass a settable clock).

    With the defaults (0.5 s doubling up to 60 s, 50 attempts) a delivery is retried for
    about 20 minutes on average before it is declared dead.

    ``on_attempt`` is called (in the worker's thread) after each attempt has been recorded,
    with a :class:`DeliveryAttempt`; an exception it raises is logged and ignored.
    """

    def __init__(
        self,
        outbox: Outbox,
        sinks: Sequence[Sink],
        *,
        max_attempts: int = 50,
        base_delay: float = 0.5,
        max_delay: float = 60.0,
        lease: float = 15.0,
        batch_size: int = 20,
        clock: Callable[[], float] = time.time,
        on_attempt: Callable[[DeliveryAttempt], None] | None = None,
    ) -> None:
        names = [sink.name for sink in sinks]
        if not names:
            raise ValueError("DeliveryWorker needs at least one sink")
        if len(set(names)) != len(names):
            raise ValueError(f"sink names must be unique, got {names!r}")
        unknown = sorted(set(names) - set(outbox.sinks))
        if unknown:
            raise ValueError(
                f"sink(s) {unknown} are not among the outbox's sinks {list(outbox.sinks)}: "
                "the outbox would never queue anything for them"
            )
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if not 0 <= base_delay <= max_delay:
            raise ValueError("need 0 <= base_delay <= max_delay")
        if lease <= 0 or batch_size < 1:
            raise ValueError("lease must be positive and batch_size at least 1")
        self.outbox = outbox
        self._sinks = {sink.name: sink for sink in sinks}
        self._max_attempts = max_attempts
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._lease = lease
        self._batch_size = batch_size
        self._clock = clock
        self._on_attempt = on_attempt
        self._random = random.Random()

    def run_once(self) -> int:
        """Attempt every delivery due now (up to one batch); return how many succeeded."""
        return self._run_batch()[1]

    def run_forever(self, stop: threading.Event, poll_interval: float = 1.0) -> None:
        """Deliver until ``stop`` is set, polling every ``poll_interval`` s when idle.

        An outbox that cannot be used is logged at ERROR level on every failed poll (the cause
        only: no SQL, no data) and polled again, backing off up to 10 s: it must neither stop
        the deliveries silently nor flood the log.
        """
        failures = 0
        try:
            released = self.outbox._release_orphans(now=self._clock())
            if released:
                log.warning(
                    "delivery worker: took back %d deliveries claimed by a worker process "
                    "that is gone (killed?)",
                    released,
                )
        except StorageUnavailable as error:
            log.error("delivery worker: cannot check for orphaned claims: %s", error)
        while not stop.is_set():
            try:
                claimed, _ = self._run_batch(stop)
                failures = 0
            except StorageUnavailable as error:
                failures += 1
                # No traceback: the message names the cause, a traceback would add the SQL.
                log.error(
                    "delivery worker: cannot poll the outbox (failure %d in a row), retrying: %s",
                    failures,
                    error,
                )
                claimed = 0
            except Exception:
                failures += 1
                log.exception("delivery worker: polling the outbox failed; will retry")
                claimed = 0
            if claimed == 0:
                backoff = min(_MAX_FAILING_POLL, poll_interval * 2.0 ** min(failures, 10))
                stop.wait(max(poll_interval, backoff) if failures else poll_interval)

    def start_thread(
        self, poll_interval: float = 1.0, *, name: str = "handoff-delivery"
    ) -> WorkerHandle:
        """Run ``run_forever`` in a daemon thread; stop it with the returned handle's ``stop()``.

        A daemon thread cannot keep the process alive; if the process exits mid-send, the row
        is still pending and is retried once its (short) lease expires.
        """
        stop = threading.Event()
        thread = threading.Thread(
            target=self.run_forever, args=(stop, poll_interval), name=name, daemon=True
        )
        thread.start()
        return WorkerHandle(thread, stop)

    def _delay(self, failures: int) -> float:
        # Cap the exponent too: 2 ** 1000 is fine for ints but overflows a float.
        ceiling = min(self._max_delay, self._base_delay * 2.0 ** min(failures - 1, 60))
        return self._random.uniform(0.0, ceiling)

    def _run_batch(self, stop: threading.Event | None = None) -> tuple[int, int]:
        """One poll: (rows claimed, rows delivered). Rows left when ``stop`` is set go back."""
        started = self._clock()
        token, jobs = self.outbox._claim(
            list(self._sinks), now=started, lease=self._lease, limit=self._batch_size
        )
        delivered = 0
        try:
            for job in jobs:
                if stop and stop.is_set():
                    break
                delivered += self._attempt(job, token)
        finally:
            if jobs:
                self.outbox._release(token)
        return len(jobs), delivered

    def _attempt(self, job: _Job, token: str) -> int:
        sink = self._sinks[job.sink]
        budget = getattr(sink, "max_send_seconds", None)
        send_budget = float(budget(job.attempts + 1)) if callable(budget) else 0.0
        # Renewed per row, just before sending it: the batch's lease stays short (quick
        # recovery after a crash) and the row being sent stays ours for the whole send.
        if not self.outbox._renew(job, token, until=self._clock() + self._lease + send_budget):
            return 0  # our batch lease ran out and another worker took this row
        headers = {
            "Content-Type": "application/json",
            IDEMPOTENCY_HEADER: job.key,
            ATTEMPT_HEADER: str(job.attempts + 1),
        }
        try:
            sink.send(job.body, headers)
        except Exception as error:  # any sink failure, even a bug, is recorded and retried
            failures = job.attempts + 1
            # A DeliveryError already says what went wrong; anything else is a surprise from
            # the sink, so its repr is the most useful record. Logs get the DeliveryError's
            # message or the other exception's type only: the receiver's answer (detail) and
            # an arbitrary exception's text may echo data, so they go to the row, not the log.
            if isinstance(error, DeliveryError):
                message = str(error)
                recorded = f"{message}: {error.detail}" if error.detail else message
            else:
                message = type(error).__name__
                recorded = repr(error)
            permanent = isinstance(error, DeliveryError) and error.permanent
            dead = permanent or failures >= self._max_attempts
            if dead:
                log.error(
                    "delivery %s to %s is dead after %d attempt(s)%s: %s",
                    job.key,
                    job.sink,
                    failures,
                    " (a permanent failure)" if permanent else "",
                    message,
                )
            else:
                log.info(
                    "delivery %s to %s failed (attempt %d), will retry: %s",
                    job.key,
                    job.sink,
                    failures,
                    message,
                )
            delay = self._delay(failures)
            retry_after = error.retry_after if isinstance(error, DeliveryError) else None
            if retry_after is not None:
                delay = max(delay, min(retry_after, _MAX_RETRY_AFTER))
            self.outbox._mark_failed(
                job,
                token,
                error=recorded,
                next_attempt_at=None if dead else self._clock() + delay,
            )
            self._observe(DeliveryAttempt(job.sink, "dead" if dead else "retry", failures))
            return 0
        now = self._clock()
        self.outbox._mark_delivered(job, now=now)
        lag = max(0.0, now - job.created_at) if job.created_at else None
        self._observe(DeliveryAttempt(job.sink, "delivered", job.attempts + 1, lag))
        return 1

    def _observe(self, attempt: DeliveryAttempt) -> None:
        if self._on_attempt is None:
            return
        try:
            self._on_attempt(attempt)
        except Exception as error:  # a metrics hook must never stop deliveries
            log.error("delivery worker: the on_attempt hook failed (%s)", describe_error(error))


class WorkerHandle:
    """A running worker thread; ``stop()`` ends it after the delivery in progress."""

    def __init__(self, thread: threading.Thread, stop: threading.Event) -> None:
        self.thread = thread
        self._stop = stop

    def stop(self, timeout: float | None = 30.0) -> None:
        """Ask the worker to stop and wait up to ``timeout`` s for it to finish."""
        self._stop.set()
        self.thread.join(timeout)

    def is_alive(self) -> bool:
        """Whether the worker thread is still running."""
        return self.thread.is_alive()

    def __enter__(self) -> WorkerHandle:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
