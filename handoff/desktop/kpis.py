"""The supervisors' KPI page (``GET /kpis``): the outcomes report's sections over the
desktop's own records.

The figures are the ones ``handoff report`` writes (the same :func:`compute_kpis` and the
same renderer, :func:`handoff.outcomes.report.render_body`), read from this desktop's
database by :func:`handoff.desktop.outcomes.load_dataset`. Supervisors and admins see it;
agents are refused (403), as for the audit log. A rendered page is kept for ``ttl`` seconds
per period, so a team lead reloading it, or ten of them, costs one computation a minute.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from handoff.desktop.records import Forbidden, InvalidInput, User

if TYPE_CHECKING:
    from markupsafe import Markup

    from handoff.desktop.service import Desktop

__all__ = ["DEFAULT_DAYS", "MAX_DAYS", "KpiPage", "Period", "period_from"]

DEFAULT_DAYS = 30
MAX_DAYS = 366
ROLES = ("supervisor", "admin")


@dataclass(frozen=True)
class Period:
    """Whole UTC days, ``first`` to ``last`` inclusive."""

    first: date
    last: date

    @property
    def since(self) -> datetime:
        return datetime(self.first.year, self.first.month, self.first.day, tzinfo=timezone.utc)

    @property
    def until(self) -> datetime:
        end = self.last + timedelta(days=1)
        return datetime(end.year, end.month, end.day, tzinfo=timezone.utc)


def period_from(first: str | None, last: str | None, *, today: date | None = None) -> Period:
    """The period a page asks for (``YYYY-MM-DD`` dates, both optional): by default the last
    :data:`DEFAULT_DAYS` days up to today. InvalidInput (422) for a malformed date, a period
    that ends before it starts, or one longer than :data:`MAX_DAYS` days."""
    today = today or datetime.now(timezone.utc).date()

    def parse(text: str | None, name: str) -> date | None:
        text = (text or "").strip()
        if not text:
            return None
        if len(text) > 10:
            raise InvalidInput(f"the {name} date must look like 2026-11-30")
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise InvalidInput(f"the {name} date must look like 2026-11-30") from None

    end = parse(last, "last") or today
    start = parse(first, "first") or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        raise InvalidInput("the first day must not be after the last day")
    if (end - start).days + 1 > MAX_DAYS:
        raise InvalidInput(f"a period may have at most {MAX_DAYS} days")
    return Period(start, end)


@dataclass(frozen=True)
class _Rendered:
    body: Markup
    computed_at: datetime
    at: float


class KpiPage:
    """Renders the KPI page's sections for a supervisor or admin, cached per period."""

    def __init__(
        self,
        desktop: Desktop,
        *,
        experiments: Mapping[str, Any] | None = None,
        k: int = 3,
        ttl: float = 60.0,
        keep: int = 16,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.desktop = desktop
        self.experiments = dict(experiments or {})
        self.k = k
        self.ttl = ttl
        self.keep = keep
        self.clock = clock
        self._lock = threading.Lock()
        self._rendered: OrderedDict[Period, _Rendered] = OrderedDict()

    @staticmethod
    def allowed(user: User) -> bool:
        """Whether ``user`` may see the KPIs (supervisors and admins)."""
        return user.role in ROLES

    def body(self, user: User, period: Period) -> tuple[Markup, datetime]:
        """The report's sections for ``period`` and when they were computed. Forbidden for
        agents; StorageUnavailable if the database cannot be read."""
        if not self.allowed(user):
            raise Forbidden("only supervisors and admins see the KPIs (you are an agent)")
        # One computation at a time: a second request for the same period waits for the
        # first and gets its page, instead of loading every record again beside it.
        with self._lock:
            found = self._rendered.get(period)
            if found is not None and self.clock() - found.at < self.ttl:
                return found.body, found.computed_at
            rendered = self._render(period)
            self._rendered[period] = rendered
            self._rendered.move_to_end(period)
            while len(self._rendered) > self.keep:
                self._rendered.popitem(last=False)
            return rendered.body, rendered.computed_at

    def _render(self, period: Period) -> _Rendered:
        from handoff.desktop.outcomes import load_dataset  # noqa: PLC0415
        from handoff.outcomes import compute_kpis  # noqa: PLC0415
        from handoff.outcomes.report import render_body  # noqa: PLC0415

        url = self.desktop.engine.url.render_as_string(hide_password=False)
        dataset = load_dataset(url, since=period.since, until=period.until)
        now = datetime.now(timezone.utc)
        kpis = compute_kpis(
            dataset,
            k=self.k,
            now=min(now, period.until).timestamp(),
            experiments=self.experiments or None,
        )
        body = render_body(
            kpis,
            title="Handoff outcomes",
            since=period.since,
            until=period.until,
            generated_at=now,
            source="this desktop's records",
        )
        return _Rendered(body=body, computed_at=now, at=self.clock())
