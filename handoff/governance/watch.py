"""Hot reload: a running server follows the rules version published to the shared store.

A :class:`RulesWatcher` runs one daemon thread per process. Every ``poll_seconds`` it asks
the store for the newest publication's sequence number (one cheap query). When a newer one
appears it loads that publication, verifies it (signature with one of the keys, content
hash of the stored files), builds the router from its files, checks that the router's
version is the one the publication recorded, routes one synthetic turn through it (which
also warms its caches), and only then hands it to ``apply``. The caller swaps its router in
one assignment: turns in flight finish on the old router, the next turn routes with the
new one; nothing waits and no turn is dropped. All of this happens on the watcher's
thread, never on a server's event loop.

A version that fails any step is refused: logged (its sequence number, short hash and
why; never the rules' text), counted, and the old router keeps routing. The watcher does
not try the same publication again; the next publication (a fix, or a rollback) is
picked up as usual. When the store cannot be reached the old router keeps routing too;
the watcher logs it (once, then once a minute) and retries at every poll.

At start-up :meth:`RulesWatcher.initial` picks the version to route with: the live
publication, or, when it does not verify or load, the newest earlier publication that
does (so a server restarting after a corrupt publication routes exactly like the servers
that kept running). Published versions exist but none can be used: :class:`CorruptVersion`,
and the server must not start.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from handoff.errors import RulesError
from handoff.governance.errors import CorruptVersion, GovernanceError, NotFound
from handoff.models.conversation import Conversation

if TYPE_CHECKING:
    from handoff.governance.bundle import RuleBundle
    from handoff.governance.store import Published, RulesStore
    from handoff.router import Router

__all__ = ["Reload", "RulesWatcher"]

log = logging.getLogger("handoff.rules.watch")

Result = Literal["applied", "refused", "store_error", "unchanged"]

# Earlier publications tried at start-up when the live one cannot be used.
START_LOOKBACK = 50
# While the store stays unreachable, its failure is logged again this often (seconds).
STORE_DOWN_LOG_EVERY = 60.0

# One turn routed through every new router before it goes live: proves it routes without a
# fault and fills what the router computes on first use. No customer data: a fixed text.
_WARM_UP = Conversation.model_validate(
    {
        "id": "handoff-rules-warm-up",
        "turns": [
            {
                "role": "user",
                "text": "hello, can you help me with my account please?",
                "intent": {"name": "greet", "confidence": 0.9},
            }
        ],
    }
)


@dataclass(frozen=True)
class Reload:
    """What one check of the store did.

    ``result``: ``applied`` (a new version routes now), ``refused`` (a new publication was
    not loaded; ``reason`` says why), ``store_error`` (the store could not be read; retried
    at the next poll) or ``unchanged``. ``seq``, ``content_hash`` and ``ruleset_version``
    describe the publication concerned (None when there is none).
    """

    result: Result
    seq: int | None = None
    content_hash: str | None = None
    ruleset_version: str | None = None
    reason: str | None = None
    seconds: float = 0.0


class RulesWatcher:
    """Follows the store's live publication and hands each new, verified router to ``apply``.

    ``build`` turns a bundle into a router (the caller's options: limits, pseudonym key,
    history); ``apply(router, published)`` makes it live (one assignment) and must not
    block. ``on_result`` (metrics) sees every check that did something. ``check_now`` runs
    one check on the calling thread; ``start`` runs them every ``poll_seconds`` on a
    daemon thread until ``stop``.
    """

    def __init__(
        self,
        store: RulesStore,
        *,
        apply: Callable[[Router, Published], None],
        build: Callable[[RuleBundle], Router],
        poll_seconds: float = 1.0,
        on_result: Callable[[Reload], None] | None = None,
    ) -> None:
        if not poll_seconds > 0:
            raise ValueError("poll_seconds must be positive")
        self.store = store
        self.poll_seconds = poll_seconds
        self._apply = apply
        self._build = build
        self._on_result = on_result
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._seen = 0  # the newest publication looked at (applied or refused)
        self._down_since: float | None = None
        self._down_logged = 0.0
        self.current: Published | None = None
        self.counts: Counter[str] = Counter()

    # ------------------------------------------------------------------ start-up

    def initial(self) -> Router | None:
        """The router for the newest publication that verifies and loads, made current
        (``apply`` is not called: nothing routes yet). None when nothing is published.

        Raises CorruptVersion when versions are published but none of the live one and
        the ``START_LOOKBACK`` before it can be used; a store that cannot be read raises
        its own error (a server must not guess what is live).
        """
        with self._lock:
            started = time.perf_counter()
            latest = self.store.latest_seq()
            if not latest:
                return None
            self._seen = latest
            candidate: Published | None
            try:
                candidate = self.store.live()
                if candidate is None:  # numbered, yet nothing live: treat as unpublished
                    return None
            except GovernanceError as refusal:
                self._refused(latest, refusal, started)
                candidate = self._before(latest)
            live_seq = candidate.seq if candidate is not None else latest
            self._seen = max(latest, live_seq)
            tried = 0
            while candidate is not None and tried <= START_LOOKBACK:
                tried += 1
                try:
                    router = self._prepare(candidate)
                except (GovernanceError, RulesError) as refusal:
                    self._refused(candidate, refusal, started)
                    candidate = self._before(candidate.seq)
                    continue
                if candidate.seq != self._seen:
                    log.error(
                        "the live rules publication #%s cannot be used: routing with "
                        "publication #%s (%s), the newest that verifies and loads; publish "
                        "a fixed version or roll back",
                        self._seen, candidate.seq, candidate.content_hash[:12],
                    )  # fmt: skip
                self.current = candidate
                self._report(Reload("applied", *_describe(candidate)))
                return router
        raise CorruptVersion(
            f"rules publication #{self._seen} and those before it cannot be used (see the "
            "log): check HANDOFF_RULES_KEY, or publish a version that verifies"
        )

    def _before(self, seq: int) -> Published | None:
        """The newest publication before ``seq`` (sequence numbers may have gaps)."""
        for earlier in range(seq - 1, max(0, seq - 1 - START_LOOKBACK), -1):
            try:
                return self.store.published(earlier)
            except NotFound:
                continue
            except GovernanceError as refusal:  # a row that cannot even be read
                self._refused(earlier, refusal, time.perf_counter())
                continue
        return None

    # ------------------------------------------------------------------ checking

    def check_now(self) -> Reload:
        """Look at the store once; load, verify and apply a newer publication."""
        with self._lock:
            return self._check()

    def _check(self) -> Reload:
        started = time.perf_counter()
        latest = self._seen
        try:
            latest = self.store.latest_seq()
            if latest < self._seen:
                # The numbers went back: a database restored from a backup, or another one.
                log.warning(
                    "rules publication numbers went back from #%s to #%s (a restored or "
                    "another database?): following its live publication",
                    self._seen, latest,
                )  # fmt: skip
                self._seen = max(0, latest - 1)
            if latest <= self._seen:
                self._store_up()
                return Reload("unchanged")
            published = self.store.live()
        except GovernanceError as refusal:  # the live row cannot even be read as a version
            self._store_up()
            self._seen = latest
            return self._refused(latest, refusal, started)
        except Exception as error:  # the store is down: keep routing, retry next poll
            return self._store_down(error, started)
        self._store_up()
        if published is None or published.seq <= self._seen:
            return Reload("unchanged")
        self._seen = published.seq
        try:
            router = self._prepare(published)
        except (GovernanceError, RulesError) as refusal:
            return self._refused(published, refusal, started)
        except Exception as error:  # the store failed while verifying: not the version's fault
            self._seen = min(self._seen, published.seq - 1)
            return self._store_down(error, started)
        try:
            self._apply(router, published)
        except Exception as error:
            return self._refused(published, error, started)
        previous = self.current
        self.current = published
        reload = Reload("applied", *_describe(published), seconds=time.perf_counter() - started)
        log.info(
            "rules publication #%s (%s by %s, %s) routes now: version %s (content %s), "
            "replacing %s; took %.0f ms",
            published.seq, published.action, published.actor, published.at,
            published.ruleset_version, published.content_hash[:12],
            previous.ruleset_version if previous is not None else "the start-up rules",
            reload.seconds * 1000,
        )  # fmt: skip
        self._report(reload)
        return reload

    def _prepare(self, published: Published) -> Router:
        """Verify, build, check and warm the publication's router; raise if unusable."""
        self.store.verify(published)  # a store failure here propagates: retried later
        try:
            router = self._build(published.rules)
            decision = router.route(_WARM_UP)
        except (GovernanceError, RulesError):
            raise
        except Exception as error:  # anything else from building is the version's fault too
            raise CorruptVersion(f"its rules cannot be built ({_reason(error)})") from error
        if router.version != published.ruleset_version:
            raise CorruptVersion(
                f"its rules load as version {router.version}, but the publication recorded "
                f"{published.ruleset_version}"
            )
        if decision.error is not None:
            raise CorruptVersion(f"its rules fault on a plain turn ({decision.error})")
        return router

    def _refused(self, published: Published | int, why: BaseException, started: float) -> Reload:
        reason = _reason(why)
        if isinstance(published, int):
            seq, content, version = published, None, None
        else:
            seq, content, version = _describe(published)
        reload = Reload("refused", seq, content, version, reason, time.perf_counter() - started)
        current = self.current
        log.error(
            "rules publication #%s (content %s, version %s) REFUSED: %s; %s",
            seq, (content or "unreadable")[:12], version, reason,
            f"the rules routing now ({current.ruleset_version}) keep routing"
            if current is not None else "it is not loaded",
        )  # fmt: skip
        self._report(reload)
        return reload

    def _store_down(self, error: BaseException, started: float) -> Reload:
        now = time.monotonic()
        if self._down_since is None or now - self._down_logged >= STORE_DOWN_LOG_EVERY:
            log.error(
                "cannot read the rules store (%s): the current rules keep routing; retrying "
                "every %g s",
                _reason(error), self.poll_seconds,
            )  # fmt: skip
            self._down_logged = now
        if self._down_since is None:
            self._down_since = now
        reload = Reload("store_error", reason=_reason(error), seconds=time.perf_counter() - started)
        self._report(reload)
        return reload

    def _store_up(self) -> None:
        if self._down_since is not None:
            log.warning(
                "the rules store answers again (after %.0f s)", time.monotonic() - self._down_since
            )
            self._down_since = None

    def _report(self, reload: Reload) -> None:
        self.counts[reload.result] += 1
        if self._on_result is not None:
            try:
                self._on_result(reload)
            except Exception as error:
                log.error("rules reload hook failed (%s)", type(error).__name__)

    @property
    def store_up(self) -> bool:
        """False while the last look at the store failed."""
        return self._down_since is None

    # ------------------------------------------------------------------ the thread

    def start(self) -> RulesWatcher:
        """Check every ``poll_seconds`` on a daemon thread (one per watcher)."""
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = threading.Thread(
                target=self._run, name="handoff-rules-watch", daemon=True
            )
            self._thread.start()
        return self

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the thread (a check in progress finishes first)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.wait(self.poll_seconds):
            try:
                self.check_now()
            except Exception as error:  # never let the thread die: the next poll retries
                log.error("rules watcher check failed (%s)", type(error).__name__)


def _describe(published: Published) -> tuple[int, str, str]:
    return published.seq, published.content_hash, published.ruleset_version


def _reason(error: BaseException) -> str:
    """Why, without the rules' text or anything from a connection string: governance errors
    carry our own messages; rules errors are summarised by location; others by type."""
    if isinstance(error, RulesError):
        where = ", ".join(f"{p.file}:{p.line}" for p in error.problems[:5])
        more = f" and {len(error.problems) - 5} more" if len(error.problems) > 5 else ""
        return f"its rules do not load ({len(error.problems)} problem(s) at {where}{more})"
    if isinstance(error, GovernanceError):
        return str(error).splitlines()[0][:300]
    return type(error).__name__
