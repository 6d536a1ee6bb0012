"""Backtest a rules change: replay recorded conversations through the live and the proposed rules.

:func:`backtest` routes every conversation turn by turn with both Routers, as the bot would
have (each turn at the time it was written, hand-backs where they happened), and reports
what an approver needs: conversations whose final lane moves (a from/to matrix), the
escalation rate and final lanes on both sides, per-rule counts (the rule that decided the
final lane, and every rule that fired on any turn), and, called out on their own, every
conversation where a **red-line** rule's firing changed (fires now and did not, no longer
fires, or fires on another turn) or an **override lane** is involved differently. A few
changed conversations are kept as samples: a keyed pseudonym of the conversation id, lanes,
rules and the rules' reasons, never a customer's message. The report is plain JSON
(``to_dict``/``from_dict``), bounded in size whatever the data, with :meth:`lines` for the
CLI and the desktop.

Conversations come from :func:`conversations_from_jsonl` (the line formats of ``handoff
replay``: conversations, routing cases, Rasa tracker dumps) or :func:`conversations_from_rasa`
(the last N conversations of Rasa's SQL tracker store or event broker table ``events``,
read with SQLAlchemy Core). A conversation that cannot be read is counted with a reason
(never its text) and the backtest goes on.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pydantic import Field

from handoff.errors import ConversationError
from handoff.governance.errors import GovernanceError
from handoff.models._base import Model
from handoff.models.conversation import Conversation
from handoff.models.decision import Decision
from handoff.payload import pseudonym_key as _pseudonym_key
from handoff.payload import pseudonymise
from handoff.router import Router
from handoff.storage import events_url
from handoff.testing import conversation_from_data, decided_rule, parse_json
from handoff.tracker import conversation_from_events, handed_back

__all__ = [
    "DEFAULT_LAST",
    "DEFAULT_MAX_EVENTS",
    "MAX_LAST",
    "MAX_SAMPLES",
    "BacktestReport",
    "Move",
    "Recorded",
    "RedLineChange",
    "Sample",
    "Side",
    "Unreadable",
    "backtest",
    "conversations_from_jsonl",
    "conversations_from_rasa",
]

DEFAULT_LAST = 500
MAX_LAST = 100_000
DEFAULT_MAX_EVENTS = 5_000
MAX_SAMPLES = 100
MAX_LINE_BYTES = 5_000_000  # as `handoff replay`
MAX_EVENT_BYTES = 1_000_000
# Bounds on the report whatever the data: count tables keep their largest entries.
MAX_TABLE = 500
MAX_MOVES = 200
MAX_FAILURE_REASONS = 20
OTHER_REASONS = "(other reasons)"
MAX_REASON_CHARS = 300
MAX_LISTED_RULES = 20
_BATCH = 100  # senders read per query from Rasa's events table


# ------------------------------------------------------------------------ input


@dataclass(frozen=True)
class Recorded:
    """A stored conversation to replay, with what replaying it as it happened needs."""

    conversation: Conversation
    # Where it came from when the conversation has no id of its own (e.g. "line 12").
    ref: str | None = None
    now: datetime | None = None  # a routing case's clock
    queue_load: Mapping[str, int] = field(default_factory=dict)
    # For each hand-back (the bot took the conversation back): the user turns before it.
    handbacks: tuple[int, ...] = ()


@dataclass(frozen=True)
class Unreadable:
    """A stored conversation that could not be read; ``reason`` never holds its text."""

    reason: str


# ------------------------------------------------------------------------ report


class Side(Model):
    """One rule set's view of the replayed conversations."""

    version: str = Field(description="The rule set's content hash (Router.version).")
    escalated: int = Field(description="Conversations handed to a person on some turn.")
    faults: int = Field(default=0, description="Conversations where routing faulted on a turn.")
    lanes: dict[str, int] = Field(description="Final lane -> conversations.")
    decided: dict[str, int] = Field(
        description="Rule that decided the final lane -> conversations."
    )
    fired: dict[str, int] = Field(description="Rule that fired on any turn -> conversations.")


class Move(Model):
    """Conversations whose final lane moved from one lane to another."""

    from_lane: str
    to_lane: str
    conversations: int


class RedLineChange(Model):
    """How one red-line rule's firing changed, in conversations."""

    rule: str
    gained: int = Field(default=0, description="Fires with the new rules, did not before.")
    lost: int = Field(default=0, description="Fired before, no longer fires.")
    earlier: int = Field(default=0, description="Fires on an earlier turn than before.")
    later: int = Field(default=0, description="Fires on a later turn than before.")


class Sample(Model):
    """A changed conversation, without any of its text."""

    ref: str = Field(description="Keyed pseudonym of the conversation id (or its line).")
    turns: int = Field(description="User turns replayed.")
    before_lane: str | None
    after_lane: str
    before_rule: str | None
    after_rule: str | None
    before_reason: str | None
    after_reason: str
    before_fired: tuple[str, ...] = ()
    after_fired: tuple[str, ...] = ()
    red_lines: tuple[str, ...] = Field(
        default=(), description="Red-line rules whose firing changed."
    )
    override: bool = Field(default=False, description="An override lane is involved differently.")


class BacktestReport(Model):
    """What replaying recorded conversations through the live and the proposed rules found."""

    before: Side | None = Field(description="The live rules; None when nothing is live yet.")
    after: Side
    conversations: int = Field(description="Conversations replayed.")
    turns: int = Field(description="User turns replayed (each through both rule sets).")
    failed: int = Field(default=0, description="Stored conversations that could not be read.")
    failures: dict[str, int] = Field(default_factory=dict, description="Why, counted.")
    changed: int = Field(default=0, description="Conversations whose final lane moved.")
    moved: tuple[Move, ...] = ()
    red_line_conversations: int = Field(
        default=0, description="Conversations where a red-line rule's firing changed."
    )
    red_lines: tuple[RedLineChange, ...] = ()
    override_conversations: int = Field(
        default=0, description="Conversations whose override-lane involvement changed."
    )
    samples: tuple[Sample, ...] = ()
    now: datetime | None = Field(
        default=None, description="The fixed time every turn routed at; None: its own time."
    )
    truncated: bool = Field(
        default=False, description="A count table was cut to its largest entries."
    )

    @property
    def escalation_rate_before(self) -> float | None:
        """Share of conversations handed to a person on some turn by the live rules."""
        if self.before is None or not self.conversations:
            return None
        return self.before.escalated / self.conversations

    @property
    def escalation_rate_after(self) -> float | None:
        """Share of conversations handed to a person on some turn by the proposed rules."""
        return self.after.escalated / self.conversations if self.conversations else None

    @property
    def moved_matrix(self) -> dict[tuple[str, str], int]:
        """``{(from lane, to lane): conversations}`` for final lanes that moved."""
        return {(m.from_lane, m.to_lane): m.conversations for m in self.moved}

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data."""
        return self.model_dump(mode="json")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BacktestReport:
        """The inverse of :meth:`to_dict` (ValidationError if it is not one)."""
        return cls.model_validate(data)

    def lines(self) -> list[str]:
        """A plain-text summary for the CLI and the desktop."""
        return _lines(self)


# ------------------------------------------------------------------------ backtest


@dataclass
class _Played:
    """One conversation through one rule set."""

    decisions: list[Decision]
    fired: set[str]
    red_lines: dict[str, int]  # red-line rule -> first user turn (1-based) it fired on
    override: bool

    @property
    def final(self) -> Decision:
        return self.decisions[-1]


@dataclass
class _Tally:
    version: str
    escalated: int = 0
    faults: int = 0
    lanes: Counter[str] = field(default_factory=Counter)
    decided: Counter[str] = field(default_factory=Counter)
    fired: Counter[str] = field(default_factory=Counter)

    def add(self, played: _Played) -> None:
        final = played.final
        self.escalated += any(d.handoff for d in played.decisions)
        self.faults += any(d.error is not None for d in played.decisions)
        self.lanes[final.lane] += 1
        rule = decided_rule(final)
        if rule is not None:
            self.decided[rule] += 1
        self.fired.update(played.fired)

    def side(self) -> tuple[Side, bool]:
        lanes, cut_lanes = _bounded(self.lanes)
        decided, cut_decided = _bounded(self.decided)
        fired, cut_fired = _bounded(self.fired)
        side = Side(
            version=self.version,
            escalated=self.escalated,
            faults=self.faults,
            lanes=lanes,
            decided=decided,
            fired=fired,
        )
        return side, cut_lanes or cut_decided or cut_fired


def backtest(
    before: Router | None,
    after: Router,
    conversations: Iterable[Conversation | Recorded | Unreadable],
    *,
    now: datetime | None = None,
    pseudonym_key: bytes | None = None,
    samples: int = 20,
) -> BacktestReport:
    """Replay ``conversations`` through ``before`` (the live rules; None when nothing is
    live yet) and ``after`` (the proposed rules) and compare.

    Each user turn routes with the state the turn before left, as the bot would have: at
    ``now`` if given, else at a routing case's own time, else at the time the turn was
    written (Rasa events carry it), else at the time the backtest started. A hand-back
    recorded in the conversation returns it to the bot where it happened. At most
    ``samples`` (<= 100) changed conversations are kept, red-line and override changes
    first, named by a pseudonym keyed with ``pseudonym_key`` (default: the router's key
    source, ``$HANDOFF_PSEUDONYM_KEY``).
    """
    if not 0 <= samples <= MAX_SAMPLES:
        raise GovernanceError(f"samples must be 0 to {MAX_SAMPLES}, not {samples}")
    key = _pseudonym_key(pseudonym_key)
    started = datetime.now(timezone.utc)
    tally_after = _Tally(after.version)
    tally_before = _Tally(before.version) if before is not None else None
    failures: Counter[str] = Counter()
    moves: Counter[tuple[str, str]] = Counter()
    red: dict[str, RedLineChange] = {}
    count = turns = changed = red_conversations = override_conversations = 0
    urgent: list[Sample] = []
    others: list[Sample] = []
    for item in conversations:
        if isinstance(item, Unreadable):
            failures[_reason(item.reason)] += 1
            continue
        recorded = item if isinstance(item, Recorded) else Recorded(item)
        if not recorded.conversation.user_turns:
            failures["no customer message to route"] += 1
            continue
        new = _play(after, recorded, now, started)
        count += 1
        turns += len(new.decisions)
        tally_after.add(new)
        if before is None or tally_before is None:
            continue
        old = _play(before, recorded, now, started)
        tally_before.add(old)
        lane_moved = old.final.lane != new.final.lane
        if lane_moved:
            changed += 1
            moves[(old.final.lane, new.final.lane)] += 1
        red_changed = _red_line_changes(old.red_lines, new.red_lines, red)
        red_conversations += bool(red_changed)
        override_changed = (old.override or new.override) and (
            [d.lane for d in old.decisions] != [d.lane for d in new.decisions]
        )
        override_conversations += override_changed
        if not (lane_moved or red_changed or override_changed):
            continue
        bucket = urgent if red_changed or override_changed else others
        if len(bucket) < samples:
            bucket.append(
                _sample(
                    recorded,
                    old=old,
                    new=new,
                    red_lines=red_changed,
                    override=override_changed,
                    key=key,
                )
            )
    after_side, truncated = tally_after.side()
    before_side = None
    if tally_before is not None:
        before_side, cut = tally_before.side()
        truncated = truncated or cut
    moved = sorted(moves.items(), key=lambda pair: (-pair[1], pair[0]))
    truncated = truncated or len(moved) > MAX_MOVES
    return BacktestReport(
        before=before_side,
        after=after_side,
        conversations=count,
        turns=turns,
        failed=sum(failures.values()),
        failures=_reasons(failures),
        changed=changed,
        moved=tuple(
            Move(from_lane=a, to_lane=b, conversations=n) for (a, b), n in moved[:MAX_MOVES]
        ),
        red_line_conversations=red_conversations,
        red_lines=tuple(red[rule] for rule in sorted(red)[:MAX_TABLE]),
        override_conversations=override_conversations,
        samples=tuple((urgent + others)[:samples]),
        now=now,
        truncated=truncated or len(red) > MAX_TABLE,
    )


def _play(router: Router, recorded: Recorded, now: datetime | None, started: datetime) -> _Played:
    """Route the conversation turn by turn (``Router.replay`` plus hand-backs and each
    turn's own time)."""
    conversation = recorded.conversation
    state = conversation.state
    handbacks = sorted(recorded.handbacks)
    decisions: list[Decision] = []
    fired: set[str] = set()
    red_lines: dict[str, int] = {}
    override = False
    users = 0
    for index, turn in enumerate(conversation.turns):
        if turn.role != "user":
            continue
        resumed = max((h for h in handbacks if h <= users), default=None)
        state = handed_back(state, resumed)
        so_far = conversation.model_copy(
            update={"turns": conversation.turns[: index + 1], "state": state}
        )
        moment = now or recorded.now or _moment(turn.timestamp) or started
        decision = router.route(so_far, now=moment, queue_load=recorded.queue_load)
        users += 1
        decisions.append(decision)
        state = decision.state
        override = override or decision.lane_kind == "override"
        for rule in decision.fired:
            fired.add(rule.rule_id)
            if rule.red_line:
                red_lines.setdefault(rule.rule_id, users)
    return _Played(decisions, fired, red_lines, override)


def _moment(timestamp: float | None) -> datetime | None:
    if timestamp is None:
        return None
    try:
        return datetime.fromtimestamp(timestamp, timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def _red_line_changes(
    old: Mapping[str, int], new: Mapping[str, int], table: dict[str, RedLineChange]
) -> tuple[str, ...]:
    """The red-line rules whose firing differs in one conversation, counted into ``table``."""
    changed = []
    for rule in sorted(set(old) | set(new)):
        was, now = old.get(rule), new.get(rule)
        if was == now:
            continue
        changed.append(rule)
        entry = table.get(rule) or RedLineChange(rule=rule)
        if was is None:
            entry = entry.model_copy(update={"gained": entry.gained + 1})
        elif now is None:
            entry = entry.model_copy(update={"lost": entry.lost + 1})
        elif now < was:
            entry = entry.model_copy(update={"earlier": entry.earlier + 1})
        else:
            entry = entry.model_copy(update={"later": entry.later + 1})
        table[rule] = entry
    return tuple(changed)


def _sample(
    recorded: Recorded,
    *,
    old: _Played,
    new: _Played,
    red_lines: tuple[str, ...],
    override: bool,
    key: bytes,
) -> Sample:
    ref = recorded.ref or pseudonymise(recorded.conversation.id, key)
    return Sample(
        ref=ref[:120],
        turns=len(new.decisions),
        before_lane=old.final.lane,
        after_lane=new.final.lane,
        before_rule=decided_rule(old.final),
        after_rule=decided_rule(new.final),
        before_reason=old.final.reason[:MAX_REASON_CHARS],
        after_reason=new.final.reason[:MAX_REASON_CHARS],
        before_fired=tuple(sorted(old.fired))[:MAX_LISTED_RULES],
        after_fired=tuple(sorted(new.fired))[:MAX_LISTED_RULES],
        red_lines=red_lines[:MAX_LISTED_RULES],
        override=override,
    )


def _bounded(counts: Counter[str]) -> tuple[dict[str, int], bool]:
    """The largest ``MAX_TABLE`` entries (ties by name), and whether any were left out."""
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return dict(ordered[:MAX_TABLE]), len(ordered) > MAX_TABLE


def _reasons(failures: Counter[str]) -> dict[str, int]:
    """The most common failure reasons; the rest counted together."""
    ordered = sorted(failures.items(), key=lambda pair: (-pair[1], pair[0]))
    kept = dict(ordered[:MAX_FAILURE_REASONS])
    rest = sum(n for _, n in ordered[MAX_FAILURE_REASONS:])
    if rest:
        kept[OTHER_REASONS] = rest
    return kept


def _reason(text: str) -> str:
    """A failure reason's first line, short: messages name shapes and limits, never text."""
    first = text.strip().splitlines()[0] if text.strip() else "unreadable"
    return first[:120]


# ------------------------------------------------------------------------ summary


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def _lines(report: BacktestReport) -> list[str]:
    total = report.conversations
    out = [f"backtest: {total:,} conversations replayed ({report.turns:,} customer turns)"]
    if report.failed:
        out.append(f"  {report.failed:,} stored conversations could not be read:")
        out.extend(f"    {reason}: {n:,}" for reason, n in report.failures.items())
    if report.now is not None:
        out.append(f"  every turn routed at {report.now.isoformat()}")
    before, after = report.before, report.after
    if before is None:
        out.append(f"rules {after.version} (nothing live yet: no comparison)")
        out.append(
            f"escalation rate {_percent(after.escalated, total)} ({after.escalated:,} of {total:,})"
        )
    else:
        out.append(f"rules {before.version} (live) -> {after.version} (proposed)")
        out.append(
            f"escalation rate {_percent(before.escalated, total)} ({before.escalated:,}) -> "
            f"{_percent(after.escalated, total)} ({after.escalated:,}) of {total:,}"
        )
        out.append(f"final lane changed: {report.changed:,} of {total:,} conversations")
        out.extend(f"  {m.from_lane} -> {m.to_lane}: {m.conversations:,}" for m in report.moved)
        if report.red_line_conversations:
            out.append(f"RED LINES changed in {report.red_line_conversations:,} conversations:")
            out.extend(
                f"  {c.rule}: {c.gained:,} now fire, {c.lost:,} no longer fire, "
                f"{c.earlier:,} fire earlier, {c.later:,} fire later"
                for c in report.red_lines
            )
        else:
            out.append("red lines: no conversation's red-line firing changed")
        if report.override_conversations:
            out.append(
                f"OVERRIDE LANES involved differently in {report.override_conversations:,} "
                "conversations"
            )
        else:
            out.append("override lanes: no change")
    if before is not None and (before.faults or after.faults):
        out.append(f"routing faults (safe lane): {before.faults:,} -> {after.faults:,}")
    elif after.faults:
        out.append(f"routing faults (safe lane): {after.faults:,}")
    out.append("final lanes:" if before is None else "final lanes (live -> proposed):")
    out.extend(_table(before.lanes if before else None, after.lanes))
    out.append("rules that decided the final lane:")
    out.extend(_table(before.decided if before else None, after.decided))
    out.append("rules that fired on any turn:")
    out.extend(_table(before.fired if before else None, after.fired))
    if report.samples:
        out.append("sample changed conversations (no message text):")
        for s in report.samples:
            flags = []
            if s.red_lines:
                flags.append("red line: " + ", ".join(s.red_lines))
            if s.override:
                flags.append("override lane")
            tail = f"  [{'; '.join(flags)}]" if flags else ""
            out.append(
                f"  {s.ref}: {s.before_lane} ({s.before_rule or 'no rule'}) -> "
                f"{s.after_lane} ({s.after_rule or 'no rule'}){tail}"
            )
            out.append(f"      why (proposed): {s.after_reason}")
    if report.truncated:
        out.append(f"(tables cut to their {MAX_TABLE} largest entries)")
    return out


def _table(before: Mapping[str, int] | None, after: Mapping[str, int]) -> list[str]:
    names = sorted(
        set(after) | set(before or {}),
        key=lambda n: (-after.get(n, 0), -(before or {}).get(n, 0), n),
    )
    if not names:
        return ["  (none)"]
    if before is None:
        return [f"  {name:<28} {after.get(name, 0):>7,}" for name in names]
    return [f"  {name:<28} {before.get(name, 0):>7,} -> {after.get(name, 0):>7,}" for name in names]


# ------------------------------------------------------------------------ readers


def _check_last(last: int | None) -> None:
    if last is not None and not 1 <= last <= MAX_LAST:
        raise GovernanceError(f"last must be 1 to {MAX_LAST:,} conversations, not {last}")


def conversations_from_jsonl(
    path: str | Path, *, last: int | None = None
) -> Iterator[Recorded | Unreadable]:
    """The conversations of a JSON Lines file (one conversation, routing case or Rasa
    tracker dump per line, as ``handoff replay`` reads), or its ``last`` ones.

    Read line by line (the file is read twice when ``last`` is given: once to count), so
    its size is not limited by memory. A tracker dump replays from its session's start
    (see ``handoff.testing.tracker_dump``). GovernanceError if the file cannot be opened.
    """
    _check_last(last)
    path = Path(path)
    try:
        skip = 0
        if last is not None:
            with path.open("rb") as stream:
                lines = sum(1 for raw in stream if raw.strip())
            skip = max(0, lines - last)
        with path.open("rb") as stream:
            numbered = ((n, raw) for n, raw in enumerate(stream, start=1) if raw.strip())
            for number, raw in itertools.islice(numbered, skip, None):
                yield _line(number, raw)
    except OSError as error:
        raise GovernanceError(
            f"{path}: cannot read the conversations ({error.strerror or error})"
        ) from None


def _line(number: int, raw: bytes) -> Recorded | Unreadable:
    if len(raw) > MAX_LINE_BYTES:
        return Unreadable(f"a line over {MAX_LINE_BYTES:,} bytes")
    try:
        loaded = conversation_from_data(parse_json(raw))
    except ConversationError as error:
        return Unreadable(str(error))
    return Recorded(
        loaded.conversation,
        ref=None if loaded.has_id else f"line {number}",
        now=loaded.now,
        queue_load=loaded.queue_load,
        handbacks=loaded.handbacks,
    )


_EVENTS = sa.table("events", sa.column("id", sa.Integer), sa.column("sender_id"), sa.column("data"))


def conversations_from_rasa(
    url: str,
    *,
    last: int = DEFAULT_LAST,
    max_events: int = DEFAULT_MAX_EVENTS,
) -> Iterator[Recorded | Unreadable]:
    """The last ``last`` conversations (the senders with the newest events) of Rasa's SQL
    tracker store or event broker, newest first, each its current session's events read
    into a conversation as the Rasa action reads a tracker, to replay from the session's
    start (slots, latest message and channel rebuilt from the events, hand-backs kept).

    ``url`` is an SQLAlchemy URL or an SQLite file path (opened read-only). Only the
    ``events`` table's ``id``, ``sender_id`` and ``data`` columns are read, which both the
    tracker store and the event broker have. A session longer than ``max_events`` events,
    an event over 1 MB or one that is not JSON makes that conversation unreadable.
    GovernanceError if the database cannot be read (the password is never shown).
    """
    _check_last(last)
    if max_events < 1:
        raise GovernanceError(f"max_events must be at least 1, not {max_events}")
    engine = sa.create_engine(events_url(url), hide_parameters=True)
    shown = _shown(url)
    try:
        with engine.connect() as connection:
            senders, top = _newest_senders(connection, last, max_events)
        for start in range(0, len(senders), _BATCH):
            batch = senders[start : start + _BATCH]
            with engine.connect() as connection:
                sessions = _sessions(connection, batch, top, max_events)
            for sender in batch:
                yield _rasa_conversation(sender, sessions[sender])
    except sa.exc.SQLAlchemyError as error:
        cause = getattr(error, "orig", None) or error
        raise GovernanceError(
            f"cannot read Rasa's events from {shown}: {type(cause).__name__}"
            " (check the URL, that the database is reachable and has an 'events' table)"
        ) from None
    finally:
        engine.dispose()


def _shown(url: str) -> str:
    if "://" not in url:
        return url
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "the given URL"


def _newest_senders(connection: sa.Connection, last: int, max_events: int) -> tuple[list[str], int]:
    """The senders with the newest events, newest first, and the newest id (events written
    after it are left for the next backtest). At most ``last * max_events`` ids are read."""
    statement = (
        sa.select(_EVENTS.c.id, _EVENTS.c.sender_id)
        .order_by(_EVENTS.c.id.desc())
        .execution_options(yield_per=1_000)
    )
    senders: dict[str, None] = {}
    top = 0
    # Closed explicitly: leaving a server-side cursor early must not leave it open.
    with connection.execute(statement) as result:
        for id_, sender in itertools.islice(result, last * max_events):
            top = max(top, int(id_))
            if sender is not None and sender not in senders:
                senders[str(sender)] = None
                if len(senders) >= last:
                    break
    return list(senders), top


@dataclass
class _Session:
    events: list[dict[str, Any]] = field(default_factory=list)  # newest first
    complete: bool = False  # the session's start was reached
    problem: str | None = None


def _sessions(
    connection: sa.Connection, senders: Sequence[str], top: int, max_events: int
) -> dict[str, _Session]:
    """Each sender's current session, read newest first until its ``session_started``."""
    sessions = {sender: _Session() for sender in senders}
    open_ = set(senders)
    statement = (
        sa.select(_EVENTS.c.sender_id, _EVENTS.c.data)
        .where(_EVENTS.c.sender_id.in_(list(senders)), _EVENTS.c.id <= top)
        .order_by(_EVENTS.c.id.desc())
        .execution_options(yield_per=1_000)
    )
    with connection.execute(statement) as result:
        for sender, data in result:
            if sender not in open_:
                continue
            session = sessions[sender]
            event = _event(data)
            if isinstance(event, str):
                session.problem = event
                open_.discard(sender)
            elif len(session.events) >= max_events:
                session.problem = f"more than {max_events:,} events in its last session"
                open_.discard(sender)
            else:
                session.events.append(event)
                if event.get("event") == "session_started":
                    session.complete = True
                    open_.discard(sender)
            if not open_:
                break
    return sessions


def _event(data: Any) -> dict[str, Any] | str:
    """An event row's JSON, or why it cannot be used."""
    if data is None:
        return "an event without data"
    if len(data) > MAX_EVENT_BYTES:
        return f"an event over {MAX_EVENT_BYTES:,} bytes"
    try:
        event = json.loads(data)
    except (ValueError, RecursionError):
        return "an event that is not JSON"
    if not isinstance(event, dict):
        return "an event that is not a JSON object"
    return event


def _rasa_conversation(sender: str, session: _Session) -> Recorded | Unreadable:
    if session.problem is not None:
        return Unreadable(session.problem)
    events = session.events[::-1]
    try:
        conversation, walked = conversation_from_events(sender, events)
    except ValueError as error:  # pydantic's ValidationError, or nesting past the bound
        return Unreadable(f"its events do not make a conversation ({type(error).__name__})")
    return Recorded(conversation, handbacks=walked.handbacks)
