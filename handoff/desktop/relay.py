"""The relay: Rasa's event feed into the desktop, and routing that goes on while paused.

Rasa writes every tracker event to its SQL event broker's ``events`` table (``id``,
``sender_id``, ``data``: the event as JSON), the customer's messages of a paused
conversation included. The relay runs inside ``handoff desktop serve`` (a background task
next to the live hub) and tails that table by ``id``:

* every ``user`` event becomes a ``customer`` line of ``desktop_messages`` (text redacted,
  ``ref="rasa-event:<id>"``), with a change-feed entry for the lane of a conversation the
  desktop holds, so the agent's card shows it within a poll;
* each such message of a conversation the desktop holds (waiting or claimed) that arrived
  while Rasa had it paused is routed again, as the action server would: a red line, or the
  customer's reply to a lane's offer (``replies:`` in the rules), that picks another lane
  MOVES the conversation (the desktop first, then Rasa's tracker, then the lane's message as
  a line); anything else only writes the routing state back, so the counters stay right;
* every customer line gets its ``sentiment`` (VADER's compound as handoff's signals score
  it; the text is never stored anywhere else);
* every ``handoff_decision`` slot event the action set (its value:
  ``handoff.adapters.rasa.decision_slot_value``) becomes a ``desktop_turns`` row
  (``ref="rasa:<id>"``) and, when it carries the customer's answer to the effort question,
  answers the conversation's waiting ``desktop_ces`` row. The copies Rasa repeats at a new
  session's start (``carry_over_slots``) are not the action's and are skipped (the relay
  keeps each conversation's last action to tell them apart).

**Cursor.** The position (the last ``id`` relayed) lives in ``desktop_relay_cursors`` and
moves only by a compare-and-set in the same transaction that stores the batch's lines: of
two desktop processes reading the same batch, one commits and the other rolls back and reads
on from the winner's position, so no event is relayed twice; a crash before the commit
leaves the cursor where it was, so a restart loses none (``ref`` is unique as a second
guard; the decision log, sentiments and answers are written in that same transaction).
Routing happens after the commit, by the process that won the batch; a crash in
between loses that one message's re-routing (the next message routes again), never the line.

**Ordering.** On PostgreSQL ``id`` comes from a sequence when a row is inserted, and two Rasa
processes may commit out of order (9 visible after 10) or roll back (9 never appears). The
relay stops at the first missing ``id`` and waits ``gap_grace`` seconds (default 5) for it to
appear before passing it, so a late commit is not skipped and a rolled-back one does not stall
the feed. SQLite has one writer at a time and gives a row the next ``id`` inside that writer's
transaction, so ids become visible in order: a gap there is passed at once. The relay opens
an SQLite events file read-only (``mode=ro``) in short read transactions and never changes
its journal mode: the file is Rasa's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from handoff.desktop import store
from handoff.desktop.service import say_event
from handoff.errors import describe_error
from handoff.models.conversation import clean_text
from handoff.outcomes import ces
from handoff.payload import pseudonym_key, pseudonymise
from handoff.signals import analyze_text
from handoff.signals.pii import redact
from handoff.storage import events_url

if TYPE_CHECKING:
    from handoff.desktop.service import Desktop, RasaBot
    from handoff.router import Router

__all__ = ["DEFAULT_CURSOR", "Relay", "RelayLag", "Sweeper", "decision_row", "events_url"]

log = logging.getLogger("handoff.desktop.relay")

DEFAULT_CURSOR = "rasa-events"
_EVENTS = sa.table("events", sa.column("id", sa.Integer), sa.column("sender_id"), sa.column("data"))
_MAX_TEXT = 10_000
_TRACKER_TRIES = 20
# Rasa's action server and slot names (handoff.adapters.rasa; not imported: it loads rasa-sdk).
ACTION_NAME = "action_handoff_route"
SLOT_DECISION = "handoff_decision"
# Events read back to find a conversation's last action (the action's events are a handful).
_LOOK_BACK = 50


@dataclass(frozen=True)
class RelayLag:
    """How far the relay is behind Rasa's event broker (for metrics): the last id relayed,
    the newest id Rasa wrote, and Rasa's timestamps (unix seconds) of the last event relayed
    and of the oldest one not yet relayed (None when there is none)."""

    position: int
    newest: int
    last_relayed_at: float | None
    oldest_waiting_at: float | None

    @property
    def behind(self) -> int:
        """Events Rasa wrote that the relay has not passed yet."""
        return max(0, self.newest - self.position)


@dataclass
class _Event:
    id: int
    sender: str
    data: dict[str, Any]


class Relay:
    """Tails Rasa's event broker table into the desktop; see the module's docstring.

    ``router`` and ``bot`` (a :class:`~handoff.desktop.RasaBot` with the action server's state
    secret) turn on routing while paused; without them only the lines are relayed.
    ``pseudonym_key`` is the action server's ``HANDOFF_PSEUDONYM_KEY`` (the desktop knows a
    conversation by its payload's pseudonymised id). ``clock`` is monotonic seconds (tests).
    """

    def __init__(
        self,
        desktop: Desktop,
        events: str,
        *,
        router: Router | None = None,
        bot: RasaBot | None = None,
        pseudonym_key_value: bytes | str | None = None,
        name: str = DEFAULT_CURSOR,
        batch: int = 200,
        gap_grace: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        tracker_wait: float = 0.1,
    ) -> None:
        if batch < 1:
            raise ValueError("batch must be at least 1")
        self.desktop = desktop
        self.router = router
        self.bot = bot
        self.name = name
        self.batch = batch
        self._key = pseudonym_key(pseudonym_key_value)
        self._engine = sa.create_engine(events_url(events), hide_parameters=True)
        sqlite = self._engine.dialect.name == "sqlite"
        self.gap_grace = (0.0 if sqlite else 5.0) if gap_grace is None else gap_grace
        self._clock = clock
        self._gaps: dict[int, float] = {}
        self._tracker_wait = tracker_wait
        self._missing_table_logged = False
        self._malformed_logged = False
        self._last_action = _LastAction(self._previous_action)
        self.relayed = 0  # events this process committed (tests, /health and metrics look)
        self.routed = 0
        self.moved = 0
        self.poll_errors = 0  # polls of Rasa's events that failed (metrics)
        self.route_errors = 0  # re-routings that failed (metrics)

    def __repr__(self) -> str:
        return f"Relay({self._engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        """Release the events database's connections."""
        self._engine.dispose()

    def __enter__(self) -> Relay:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def held_id(self, sender: str) -> str:
        """The desktop's id of a conversation: the payload's pseudonym of the sender id."""
        return pseudonymise(sender, self._key)

    # ------------------------------------------------------------------ one poll

    def _read(self, after: int) -> list[_Event]:
        try:
            with self._engine.connect() as connection:
                rows = connection.execute(
                    sa.select(_EVENTS.c.id, _EVENTS.c.sender_id, _EVENTS.c.data)
                    .where(_EVENTS.c.id > after)
                    .order_by(_EVENTS.c.id)
                    .limit(self.batch)
                ).all()
        except sa.exc.OperationalError as error:
            # Rasa creates the table when it starts; until then there is nothing to relay.
            text = str(error)
            if any(sign in text for sign in ("no such table", "does not exist", "unable to open")):
                if not self._missing_table_logged:
                    log.warning("relay: Rasa's events table is not there yet; waiting for it")
                    self._missing_table_logged = True
                return []
            raise
        events = []
        for row in rows:
            try:
                data = json.loads(row.data) if row.data else {}
            except (ValueError, RecursionError):
                data = {}
            if not isinstance(data, dict):
                data = {}
            events.append(_Event(int(row.id), str(row.sender_id or ""), data))
        return events

    def _previous_action(self, sender: str, before: int) -> str | None:
        """The last action (or session start) of ``sender`` before event ``before``, read
        from the events table (after a restart, when this process has not seen it)."""
        with self._engine.connect() as connection:
            rows = connection.execute(
                sa.select(_EVENTS.c.data)
                .where(_EVENTS.c.sender_id == sender, _EVENTS.c.id < before)
                .order_by(_EVENTS.c.id.desc())
                .limit(_LOOK_BACK)
            ).all()
        for row in rows:
            try:
                data = json.loads(row.data) if row.data else {}
            except (ValueError, RecursionError):
                continue
            if isinstance(data, dict) and data.get("event") in ("action", "session_started"):
                return _action_of(data)
        return None

    def _contiguous(self, position: int, events: Sequence[_Event]) -> list[_Event]:
        """The events up to the first gap still within its grace time."""
        now = self._clock()
        taken: list[_Event] = []
        expected = position + 1
        for event in events:
            if event.id != expected:
                first_seen = self._gaps.setdefault(expected, now)
                if now - first_seen < self.gap_grace:
                    break
                log.info("relay: event ids %d..%d never appeared; passing them",
                         expected, event.id - 1)  # fmt: skip
            taken.append(event)
            expected = event.id + 1
        for gap in [gap for gap in self._gaps if gap < expected]:
            del self._gaps[gap]
        return taken

    def step(self) -> int:
        """Relay what is new once; returns how many events this process committed."""
        position = self.desktop.relay_position(self.name)
        events = self._contiguous(position, self._read(position))
        if not events:
            return 0
        lines: list[tuple[str, str, str, float]] = []
        sentiment: dict[str, float] = {}
        turns: list[dict[str, Any]] = []
        answers: list[tuple[str, dict[str, Any], float]] = []
        user_events: list[_Event] = []
        for event in events:
            kind = event.data.get("event")
            if not event.sender:
                continue
            if kind in ("action", "session_started"):
                self._last_action.remember(event.sender, _action_of(event.data))
            elif kind == "slot" and event.data.get("name") == SLOT_DECISION:
                self._decision(event, turns, answers)
            if kind != "user":
                continue
            text = event.data.get("text")
            if not isinstance(text, str):
                continue
            ref = f"rasa-event:{event.id}"
            lines.append((event.sender, redact(clean_text(text[:_MAX_TEXT])), ref, _when(event)))
            score = analyze_text(text[:_MAX_TEXT]).sentiment
            if math.isfinite(score):
                sentiment[ref] = score
            user_events.append(event)
        held = self.desktop.relay_commit(
            self.name, position, events[-1].id, lines, self.held_id,
            sentiment=sentiment, turns=turns, answers=answers,
        )  # fmt: skip
        if held is None:
            return 0  # another desktop process relayed this batch
        self.relayed += len(events)
        if self.router is not None and self.bot is not None and held:
            holding = {sender for sender, _, _ in held}
            for event in user_events:
                if event.sender in holding:
                    self._route(event)
        return len(events)

    def lag(self) -> RelayLag:
        """How far behind Rasa's events the relay is: three indexed reads, cheap enough for
        every metrics scrape."""
        position = self.desktop.relay_position(self.name)
        with self._engine.connect() as connection:
            newest = connection.execute(sa.select(sa.func.max(_EVENTS.c.id))).scalar()
            last = connection.execute(
                sa.select(_EVENTS.c.data).where(_EVENTS.c.id == position)
            ).scalar()
            waiting = connection.execute(
                sa.select(_EVENTS.c.data)
                .where(_EVENTS.c.id > position)
                .order_by(_EVENTS.c.id)
                .limit(1)
            ).scalar()
        return RelayLag(
            position=position,
            newest=int(newest or 0),
            last_relayed_at=_timestamp(last),
            oldest_waiting_at=_timestamp(waiting),
        )

    # ------------------------------------------------------------------ the decision log

    def _decision(
        self,
        event: _Event,
        turns: list[dict[str, Any]],
        answers: list[tuple[str, dict[str, Any], float]],
    ) -> None:
        """A ``handoff_decision`` slot event: a ``desktop_turns`` row, and the answer to the
        effort question if it carries one. Only the action's own slot event counts: Rasa
        repeats every slot event at the start of a new session (carry_over_slots), after
        ``action_session_start``, and those would log old turns again."""
        if self._last_action.get(event.sender, event.id) != ACTION_NAME:
            return
        desktop_id = self.held_id(event.sender)
        row = decision_row(event.data.get("value"), ref=f"rasa:{event.id}",
                           conversation_id=desktop_id, at=_when(event))  # fmt: skip
        if row is None:
            if not self._malformed_logged:
                log.warning("relay: a handoff_decision slot event is malformed; not logged")
                self._malformed_logged = True
            return
        turns.append(row)
        answer = _answer(event.data.get("value"))
        if answer is not None:
            answers.append((desktop_id, answer, row["at"]))

    # ------------------------------------------------------------------ routing while paused

    def _route(self, event: _Event) -> None:
        from handoff.adapters.rasa import conversation_ref  # noqa: PLC0415

        ref = conversation_ref(event.sender, self.bot.state_secret if self.bot else None)
        try:
            self._route_one(event)
        except Exception as error:  # one conversation's failure must not stop the feed
            self.route_errors += 1
            log.error(
                "relay: routing conversation %s again failed (%s); its line is relayed",
                ref,
                describe_error(error),
            )

    def _route_one(self, event: _Event) -> None:
        from handoff.adapters.rasa import (  # noqa: PLC0415
            SLOT_STATE,
            decision_events,
            state_slot_value,
            tracker_to_conversation,
        )

        router, bot = self.router, self.bot
        assert router is not None
        assert bot is not None
        # Rasa streams an event to the broker as it saves the tracker: the tracker may not
        # show it for a moment.
        tracker = None
        index = None
        for _ in range(_TRACKER_TRIES):
            tracker = bot.tracker(event.sender)
            index = _find_user_event(tracker.events or [], event.data)
            if index is not None:
                break
            time.sleep(self._tracker_wait)
        if tracker is None or index is None:
            log.warning("relay: a relayed message is not in Rasa's tracker; not routed again")
            return
        events = list(tracker.events)
        if not _paused_at(events, index):
            return  # the bot had the conversation: the action server routed this turn
        tracker.events = events[: index + 1]
        message = events[index]
        tracker.latest_message = {
            **(message.get("parse_data") or {}),
            "text": message.get("text"),
            "metadata": message.get("metadata") or {},
        }
        secret = bot.state_secret
        conversation = tracker_to_conversation(tracker, state_secret=secret)
        decision = router.route(conversation)
        self.routed += 1
        held = self.desktop.held_conversation(self.held_id(event.sender))
        if held is None:
            return
        _, lane, routed_lane, _ = held
        moves = (
            decision.handoff
            and decision.lane not in (lane, routed_lane)
            and (
                any(step.kind == "reply" for step in decision.trace)
                or any(fired.red_line for fired in decision.fired[:1])
            )
        )
        if moves:
            payload = router.payload(conversation, decision)
            if self.desktop.route_move(payload, note=decision.reason):
                self.moved += 1
                said = router.ruleset.lanes[decision.lane].message
                written = [
                    dict(item)
                    for item in decision_events(
                        decision, conversation_id=conversation.id, state_secret=secret
                    )
                    if item.get("event") == "slot"
                ]
                if said:
                    written.append(say_event(said, sender="relay", agent=None))
                bot.append(event.sender, written)
                if said:
                    self.desktop.relay_line(event.sender, "bot", said, ref=f"relay-move:{event.id}")
                return
        # It stays where it is: only the routing state goes back (pending confirmations).
        value = state_slot_value(
            decision.state, conversation_id=conversation.id, state_secret=secret
        )
        bot.append(event.sender, [{"event": "slot", "name": SLOT_STATE, "value": value}])

    # ------------------------------------------------------------------ the task

    def warm_up(self) -> None:
        """Load what scoring lines and re-routing need (spaCy, VADER, the Rasa adapter)
        before the first message arrives: loaded on the first line, they delayed that
        customer's line on the agent's card by about 1.3 s (benchmarks/bench_relay.py)."""
        analyze_text("warming up the analyser, thanks!")
        if self.router is not None and self.bot is not None:
            from handoff.adapters import rasa  # noqa: F401, PLC0415

    async def run(self, *, interval: float = 0.1, wake: Callable[[], None] | None = None) -> None:
        """Poll every ``interval`` seconds until cancelled (errors are logged, retried less
        and less often, up to every 10 s); ``wake`` is called after each committed batch."""
        await asyncio.to_thread(self.warm_up)
        failures = 0
        while True:
            try:
                count = await asyncio.to_thread(self.step)
                failures = 0
                if count and wake is not None:
                    wake()
                if count >= self.batch:
                    continue  # more waiting
            except asyncio.CancelledError:
                raise
            except Exception as error:
                failures += 1
                self.poll_errors += 1
                log.error("relay: polling Rasa's events failed (%s)", describe_error(error))
            await asyncio.sleep(interval if not failures else min(10.0, interval * 2**failures))


class Sweeper:
    """Marks waiting conversations abandoned after ``after_seconds`` without a sign of life
    (see :meth:`Desktop.abandon_idle`) and resumes the bot for each."""

    def __init__(self, desktop: Desktop, after_seconds: float) -> None:
        if after_seconds <= 0:
            raise ValueError("the abandon time must be positive")
        self.desktop = desktop
        self.after_seconds = after_seconds

    def sweep(self) -> int:
        """One sweep; returns how many conversations were abandoned."""
        from handoff.desktop.records import BotUnavailable  # noqa: PLC0415

        gone = self.desktop.abandon_idle(self.after_seconds)
        for pk, conversation_id in gone:
            try:
                self.desktop.resume_bot(conversation_id)
            except BotUnavailable:
                log.warning("relay: conversation %d abandoned; the bot could not be resumed", pk)
        return len(gone)

    async def run(self, *, wake: Callable[[], None] | None = None) -> None:
        """Sweep until cancelled, a few times per abandon period (at most every 5 s)."""
        interval = max(0.05, min(5.0, self.after_seconds / 4))
        while True:
            try:
                if await asyncio.to_thread(self.sweep) and wake is not None:
                    wake()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.error("relay: sweeping for abandoned conversations failed (%s)",
                          describe_error(error))  # fmt: skip
            await asyncio.sleep(interval)


def _timestamp(data: str | None) -> float | None:
    """Rasa's ``timestamp`` of an event's JSON, if it has a usable one."""
    try:
        value = json.loads(data) if data else None
    except (ValueError, RecursionError):
        return None
    return _event_time(value) if isinstance(value, dict) else None


class _LastAction:
    """The last action each conversation ran, as the feed goes by (bounded; a conversation
    not seen since this process started is looked up in the events table)."""

    def __init__(self, look_up: Callable[[str, int], str | None], size: int = 10_000) -> None:
        self._look_up = look_up
        self._size = size
        self._seen: OrderedDict[str, str | None] = OrderedDict()

    def remember(self, sender: str, action: str | None) -> None:
        self._seen[sender] = action
        self._seen.move_to_end(sender)
        if len(self._seen) > self._size:
            self._seen.popitem(last=False)

    def get(self, sender: str, event_id: int) -> str | None:
        if sender not in self._seen:
            self.remember(sender, self._look_up(sender, event_id))
        return self._seen[sender]


def _action_of(data: dict[str, Any]) -> str | None:
    if data.get("event") == "session_started":
        return "session_started"
    name = data.get("name")
    return name if isinstance(name, str) else None


def _event_time(data: Mapping[str, Any]) -> float | None:
    """An event's ``timestamp``, if it is a usable (finite) number."""
    at = data.get("timestamp")
    if isinstance(at, int | float) and not isinstance(at, bool) and math.isfinite(at):
        return float(at)
    return None


def _when(event: _Event) -> float:
    at = _event_time(event.data)
    return time.time() if at is None else at


def _text(value: Any, limit: int, *, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or len(value) > limit:
        raise ValueError
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError
    return value


def _answer(value: Any) -> dict[str, Any] | None:
    """The effort question's answer in a decision slot value, validated, or None."""
    answer = value.get("ces") if isinstance(value, dict) else None
    if not isinstance(answer, dict):
        return None
    score = answer.get("score")
    if isinstance(score, int) and not isinstance(score, bool) and score in ces.SCALE:
        return {"score": score}
    if answer.get("declined") is True:
        return {"declined": True}
    return None


def decision_row(value: Any, *, ref: str, conversation_id: str, at: float) -> dict[str, Any] | None:
    """The ``desktop_turns`` row of a ``handoff_decision`` slot value, or None if it is not
    one (the events table is Rasa's: anyone who can write a tracker can write a slot, so
    every field is checked and bounded; text never gets here, the value holds none)."""
    if not isinstance(value, dict) or value.get("v") != 1:
        return None
    try:
        shadow = value.get("shadow")
        if shadow is not None and not isinstance(shadow, dict):
            raise ValueError
        shadow = shadow or {}
        return {
            "ref": ref,
            "conversation_id": conversation_id[: store.CONVERSATION_ID_CHARS],
            "customer": _text(value.get("customer"), store.CONVERSATION_ID_CHARS),
            "at": at,
            "lane": _text(value.get("lane"), store.LANE_ID_CHARS, required=True),
            "lane_kind": _text(value.get("lane_kind"), 16, required=True),
            "handoff": _flag(value.get("handoff")),
            "rule_id": _text(value.get("rule"), store.RULE_ID_CHARS),
            "ruleset_version": _text(value.get("version"), store.VERSION_CHARS, required=True),
            "experiment": _text(value.get("experiment"), store.RULE_ID_CHARS),
            "arm": _text(value.get("arm"), store.RULE_ID_CHARS),
            "asked_person": _flag(value.get("asked_person", False)),
            "shadow_lane": _text(shadow.get("lane"), store.LANE_ID_CHARS),
            "shadow_rule_id": _text(shadow.get("rule"), store.RULE_ID_CHARS),
            "shadow_version": _text(shadow.get("version"), store.VERSION_CHARS),
            "shadow_handoff": _flag(shadow["handoff"]) if "handoff" in shadow else None,
        }
    except ValueError:
        return None


def _find_user_event(events: Sequence[dict[str, Any]], data: dict[str, Any]) -> int | None:
    stamp, text = data.get("timestamp"), data.get("text")
    for index in range(len(events) - 1, -1, -1):
        event = events[index]
        if (
            event.get("event") == "user"
            and event.get("timestamp") == stamp
            and event.get("text") == text
        ):
            return index
    return None


def _paused_at(events: Sequence[dict[str, Any]], index: int) -> bool:
    """Whether Rasa had the conversation paused when the event at ``index`` arrived."""
    paused = False
    for event in events[:index]:
        kind = event.get("event")
        if kind == "pause":
            paused = True
        elif kind in ("resume", "restart", "session_started"):
            paused = False
    return paused
