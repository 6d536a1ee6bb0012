"""The conversation card's view model: what an agent sees at a glance, built from a payload.

``build_card(payload, state=...)`` is pure (no I/O, no clock, no web imports): it turns a
:class:`~handoff.models.payload.ContextPayload` and the desktop's state of the conversation
(status, who claimed it, checklist ticks, notes) into plain frozen dataclasses that the
Jinja2 templates (``templates/card.html`` and ``templates/_card_*.html``) render with
autoescaping on. Nothing here produces HTML: customer text is split into
:class:`Segment` objects (plain text plus the cues that cover it) so that highlighting a cue
never means trusting the customer's words as markup, and the sentiment sparkline is numbers
(coordinates), drawn as SVG by the template.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal, Protocol

from handoff.models.payload import ContextPayload, PreviousInteraction

__all__ = [
    "CHECKLIST_LABELS",
    "Card",
    "CardState",
    "ChecklistItem",
    "CueNote",
    "Line",
    "NoteLike",
    "NoteView",
    "Observation",
    "RecordLike",
    "Segment",
    "SparkPoint",
    "Sparkline",
    "TickLike",
    "WrapUpLike",
    "WrapUpView",
    "build_card",
    "highlight",
    "parse_observation",
    "sparkline",
]

# Defensive bounds: the engine already bounds a payload (transcript_turns, cut messages), but
# the card must stay usable whatever a sender put in one. Lines beyond MAX_LINES (the oldest)
# are counted, not drawn; a longer text keeps its head and tail around "[…]".
MAX_LINES = 200
MAX_LINE_CHARS = 4000
MAX_CUES_PER_LINE = 20
MAX_SPARK_POINTS = 120

CHECKLIST_LABELS = {"validate": "Validate", "reframe": "Reframe", "commit": "Commit"}
ROLE_LABELS = {"user": "Customer", "bot": "Bot", "agent": "Agent", "system": "System"}
STATUS_LABELS = {
    "waiting": "Waiting",
    "claimed": "Claimed",
    "resolved": "Resolved",
    "handed_back": "Handed back to the bot",
    "abandoned": "Abandoned: the customer left while waiting",
}


class TickLike(Protocol):
    """A ticked checklist step (the store's ``TickRecord`` fits)."""

    @property
    def step(self) -> str: ...
    @property
    def user(self) -> str: ...
    @property
    def at(self) -> datetime: ...


class NoteLike(Protocol):
    """A note written with an action (the store's ``NoteRecord`` fits)."""

    @property
    def action(self) -> str: ...
    @property
    def user(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def at(self) -> datetime: ...


class WrapUpLike(Protocol):
    """A resolution's wrap-up (the store's ``WrapUpRecord`` fits)."""

    @property
    def outcome_code(self) -> str: ...
    @property
    def needed(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def user(self) -> str: ...
    @property
    def at(self) -> datetime: ...


class RecordLike(Protocol):
    """What :meth:`CardState.from_record` reads (the store's ``ConversationRecord`` fits)."""

    @property
    def pk(self) -> int: ...
    @property
    def lane(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def priority(self) -> int: ...
    @property
    def agent(self) -> str | None: ...
    @property
    def sla_deadline(self) -> datetime | None: ...
    @property
    def version(self) -> int: ...
    @property
    def payload(self) -> ContextPayload: ...
    @property
    def ticks(self) -> Sequence[TickLike]: ...
    @property
    def notes(self) -> Sequence[NoteLike]: ...
    @property
    def wrapups(self) -> Sequence[WrapUpLike]: ...


@dataclass(frozen=True)
class CardState:
    """The desktop's side of a conversation: what the payload cannot know.

    ``lane``, ``priority`` and ``sla_deadline`` are the conversation's current ones (a
    transfer moves it); left at their defaults, the payload's routing is shown.
    ``can_tick``: whether the viewing user may tick the checklist now (the server decides;
    the card only draws enabled or disabled boxes).
    """

    status: str = "waiting"
    agent: str | None = None
    ticks: Sequence[TickLike] = ()
    notes: Sequence[NoteLike] = ()
    wrapups: Sequence[WrapUpLike] = ()
    pk: int | None = None
    version: int | None = None
    lane: str | None = None
    priority: int | None = None
    sla_deadline: datetime | Literal["payload"] | None = "payload"
    can_tick: bool = False

    @classmethod
    def from_record(cls, record: RecordLike, *, can_tick: bool = False) -> CardState:
        """The state of a stored conversation (``handoff.desktop.ConversationRecord`` fits).
        ``can_tick``: the viewing user holds it (``status == "claimed"`` and ``agent`` is
        them); the service enforces the same rule on every tick."""
        return cls(
            status=record.status,
            agent=record.agent,
            ticks=tuple(record.ticks),
            notes=tuple(record.notes),
            wrapups=tuple(record.wrapups),
            pk=record.pk,
            version=record.version,
            lane=record.lane,
            priority=record.priority,
            sla_deadline=record.sla_deadline,
            can_tick=can_tick,
        )


@dataclass(frozen=True)
class Segment:
    """A run of a message's text and the cues whose evidence covers it (none: plain text)."""

    text: str
    cues: tuple[str, ...] = ()

    @property
    def css(self) -> str:
        """CSS classes for a highlighted run: ``cue cue-<kind>`` (+ ``cue-multi``)."""
        classes = ["cue", *(f"cue-{_css_ident(cue)}" for cue in self.cues)]
        if len(self.cues) > 1:
            classes.append("cue-multi")
        return " ".join(classes)

    @property
    def title(self) -> str:
        """Tooltip and accessible name of the highlight: which cues."""
        return "cue: " + ", ".join(_words(cue) for cue in self.cues)


@dataclass(frozen=True)
class CueNote:
    """A cue shown as a note: its evidence is not in the shown text (or its turn is not)."""

    cue: str
    evidence: str
    turn: int

    @property
    def label(self) -> str:
        """The cue's name in words (``stated_wait`` → ``stated wait``)."""
        return _words(self.cue)


@dataclass(frozen=True)
class Line:
    """One transcript line, its text split into highlighted and plain segments."""

    turn: int
    role: str
    segments: tuple[Segment, ...]
    intent: str | None
    cut_chars: int
    cues: tuple[str, ...]  # every cue on this turn, found or not
    notes: tuple[CueNote, ...]  # cues on this turn whose evidence is not in the text
    shortened: int = 0  # characters the card itself left out (beyond MAX_LINE_CHARS)

    @property
    def role_label(self) -> str:
        """``Customer``, ``Bot``, ``Agent``, ``System`` (or the role as given)."""
        return ROLE_LABELS.get(self.role, self.role.capitalize())

    @property
    def role_css(self) -> str:
        """The role as a CSS class suffix (``role-user``)."""
        return _css_ident(self.role)

    @property
    def is_customer(self) -> bool:
        """Whether the customer wrote this line."""
        return self.role == "user"


@dataclass(frozen=True)
class Observation:
    """One observed value against its threshold, e.g. ``frustration 0.89 >= 0.35``.

    ``parsed`` is False when the text did not have that shape; then only ``text`` is set.
    """

    text: str
    signal: str = ""
    value: str = ""
    op: str = ""
    threshold: str = ""
    met: bool = True
    parsed: bool = False

    @property
    def op_words(self) -> str:
        """The operator in words, for screen readers (``>=`` → ``at least``)."""
        negated = self.op.startswith("not ")
        op = self.op[4:] if negated else self.op
        words = _OP_WORDS.get(op, op)
        return f"not: {words}" if negated else words


@dataclass(frozen=True)
class SparkPoint:
    """One customer message on the sparkline: where it is drawn and what it says."""

    x: float
    y: float
    turn: int
    value: float

    @property
    def negative(self) -> bool:
        """Below zero: drawn in the negative colour."""
        return self.value < 0


@dataclass(frozen=True)
class Sparkline:
    """A small sentiment chart as coordinates: the template draws it as inline SVG.

    The y axis is fixed to the sentiment range (-1 at the bottom, +1 at the top, 0 as a
    baseline) so that two cards compare at a glance; values outside it are clamped.
    """

    width: int
    height: int
    points: tuple[SparkPoint, ...]
    zero_y: float
    label: str  # the numbers, for aria-label / <title>
    left_out: int = 0  # oldest points not drawn (beyond MAX_SPARK_POINTS)

    @property
    def polyline(self) -> str:
        """The ``points`` attribute of the SVG polyline."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def last(self) -> SparkPoint | None:
        """The latest point (drawn larger), if any."""
        return self.points[-1] if self.points else None


@dataclass(frozen=True)
class ChecklistItem:
    """One empathy step, its prompt, and whether (by whom, when) it was ticked."""

    step: str
    prompt: str
    ticked: bool
    by: str | None
    at: datetime | None

    @property
    def label(self) -> str:
        """``Validate``, ``Reframe``, ``Commit``."""
        return CHECKLIST_LABELS.get(self.step, self.step.capitalize())

    @property
    def at_iso(self) -> str | None:
        """When it was ticked, ISO 8601 UTC."""
        return _iso_utc(self.at) if self.at is not None else None


@dataclass(frozen=True)
class NoteView:
    """A note shown on the card."""

    action: str
    user: str
    text: str
    at: datetime


@dataclass(frozen=True)
class WrapUpView:
    """A wrap-up shown on the card."""

    outcome_code: str
    needed: str
    note: str
    user: str
    at: datetime


@dataclass(frozen=True)
class Card:
    """Everything the conversation card shows, in the order an agent reads it."""

    pk: int | None
    version: int | None
    conversation_id: str
    channel: str
    created_at: datetime
    ruleset: str
    ruleset_version: str
    schema_version: str
    # state
    status: str
    agent: str | None
    can_tick: bool
    # customer
    customer_id: str | None
    customer_name: str | None
    tier: str
    risk_flags: tuple[str, ...]
    # routing
    lane: str
    routed_lane: str
    lane_kind: str
    queue: str
    priority: int
    skills: tuple[str, ...]
    sla_seconds: int | None
    sla_deadline: datetime | None
    # why
    summary: str
    rules: tuple[str, ...]
    observations: tuple[Observation, ...]
    # sentiment
    sentiment_label: str
    sentiment_latest: float
    sentiment_trend: float
    sentiment_delta: float
    sentiment_minimum: float
    frustration: float
    spark: Sparkline | None
    # intent
    intent: str | None
    intent_confidence: float | None
    alternatives: tuple[tuple[str, float], ...]
    # transcript
    lines: tuple[Line, ...]
    earlier_cues: tuple[CueNote, ...]  # cues on turns before the shown lines
    lines_left_out: int  # lines of the payload the card did not draw (beyond MAX_LINES)
    turns_not_analysed: int
    cut_chars: int
    entities: tuple[tuple[str, str], ...]
    # what the bot tried, history, next steps, checklist
    bot_intents: tuple[str, ...]
    bot_actions: tuple[str, ...]
    fallbacks: int
    previous: tuple[PreviousInteraction, ...]
    next_steps: tuple[str, ...]
    checklist: tuple[ChecklistItem, ...]
    notes: tuple[NoteView, ...]
    wrapups: tuple[WrapUpView, ...]

    @property
    def status_label(self) -> str:
        """The status in words."""
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def deadline_iso(self) -> str | None:
        """The SLA deadline as ISO 8601 UTC (``...Z``): what ``data-deadline`` carries."""
        return _iso_utc(self.sla_deadline) if self.sla_deadline is not None else None

    @property
    def moved(self) -> bool:
        """Whether the conversation is now in another lane than the one the bot routed to."""
        return self.lane != self.routed_lane

    @property
    def ticked_count(self) -> int:
        """How many checklist steps are ticked."""
        return sum(1 for item in self.checklist if item.ticked)


def build_card(payload: ContextPayload, *, state: CardState) -> Card:
    """The card for ``payload`` in the desktop state ``state``; pure and deterministic."""
    routing = payload.routing
    deadline = routing.sla_deadline if state.sla_deadline == "payload" else state.sla_deadline
    lines, earlier, left_out = _lines(payload)
    ticks: dict[str, TickLike] = {}
    for tick in state.ticks:
        ticks.setdefault(tick.step, tick)  # the first tick of a step is the one that counts
    checklist = tuple(
        ChecklistItem(
            step=item.step,
            prompt=item.prompt,
            ticked=item.step in ticks,
            by=ticks[item.step].user if item.step in ticks else None,
            at=ticks[item.step].at if item.step in ticks else None,
        )
        for item in payload.empathy_checklist
    )
    sentiment = payload.sentiment
    return Card(
        pk=state.pk,
        version=state.version,
        conversation_id=payload.conversation_id,
        channel=payload.channel,
        created_at=payload.created_at,
        ruleset=payload.ruleset,
        ruleset_version=payload.ruleset_version,
        schema_version=payload.schema_version,
        status=state.status,
        agent=state.agent,
        can_tick=state.can_tick,
        customer_id=payload.customer.customer_id,
        customer_name=payload.customer.name,
        tier=payload.customer.tier,
        risk_flags=payload.customer.risk_flags,
        lane=state.lane if state.lane is not None else routing.lane,
        routed_lane=routing.lane,
        lane_kind=routing.kind,
        queue=routing.queue,
        priority=state.priority if state.priority is not None else routing.priority,
        skills=routing.skills,
        sla_seconds=routing.sla_seconds,
        sla_deadline=deadline,
        summary=payload.why.summary,
        rules=payload.why.rules,
        observations=tuple(parse_observation(text) for text in payload.why.observations),
        sentiment_label=sentiment.label,
        sentiment_latest=sentiment.latest,
        sentiment_trend=sentiment.trend,
        sentiment_delta=sentiment.delta,
        sentiment_minimum=sentiment.minimum,
        frustration=sentiment.frustration,
        spark=sparkline(sentiment.per_turn),
        intent=payload.intent.name,
        intent_confidence=payload.intent.confidence,
        alternatives=payload.intent.alternatives,
        lines=lines,
        earlier_cues=earlier,
        lines_left_out=left_out,
        turns_not_analysed=payload.analysis.turns_not_analysed,
        cut_chars=payload.analysis.cut_chars,
        entities=payload.entities,
        bot_intents=payload.bot_tried.intents,
        bot_actions=payload.bot_tried.actions,
        fallbacks=payload.bot_tried.fallbacks,
        previous=payload.previous_interactions,
        next_steps=payload.next_steps,
        checklist=checklist,
        notes=tuple(NoteView(n.action, n.user, n.text, n.at) for n in state.notes),
        wrapups=tuple(
            WrapUpView(w.outcome_code, w.needed, w.note, w.user, w.at) for w in state.wrapups
        ),
    )


# --- transcript and cue highlighting ---------------------------------------------------------


def _lines(payload: ContextPayload) -> tuple[tuple[Line, ...], tuple[CueNote, ...], int]:
    transcript = payload.transcript
    left_out = max(0, len(transcript) - MAX_LINES)
    shown = transcript[left_out:]
    by_turn: dict[int, list[tuple[str, str]]] = {}
    for cue in payload.cues:
        by_turn.setdefault(cue.turn, []).append((cue.cue, cue.evidence))
    turns = {line.turn for line in shown}
    earlier = tuple(
        CueNote(cue.cue, cue.evidence, cue.turn) for cue in payload.cues if cue.turn not in turns
    )
    lines = []
    for line in shown:
        text, shortened = _shorten(line.text)
        cues = by_turn.get(line.turn, [])[:MAX_CUES_PER_LINE]
        segments, missing = highlight(text, cues)
        lines.append(
            Line(
                turn=line.turn,
                role=line.role,
                segments=segments,
                intent=line.intent,
                cut_chars=line.cut_chars,
                cues=tuple(dict.fromkeys(cue for cue, _ in cues)),
                notes=tuple(CueNote(cue, evidence, line.turn) for cue, evidence in missing),
                shortened=shortened,
            )
        )
    return tuple(lines), earlier, left_out


def highlight(
    text: str, cues: Sequence[tuple[str, str]]
) -> tuple[tuple[Segment, ...], tuple[tuple[str, str], ...]]:
    """Split ``text`` into segments, marking where each ``(cue, evidence)`` occurs.

    Each cue's evidence is looked for case-insensitively (any run of whitespace matching any
    other) and its first occurrence is marked. Overlapping evidence splits into runs that
    carry every cue covering them. Returns the segments (their texts join to ``text``) and
    the cues whose evidence was not found (to show as notes). Offsets are in code points,
    so emoji and other non-BMP characters never shift a highlight.
    """
    spans: list[tuple[int, int, str]] = []
    missing: list[tuple[str, str]] = []
    for cue, evidence in cues:
        found = _find(text, evidence)
        if found is None:
            missing.append((cue, evidence))
        else:
            spans.append((*found, cue))
    if not spans:
        return ((Segment(text),) if text else ()), tuple(missing)
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segments: list[Segment] = []
    for start, end in itertools.pairwise(cuts):
        covering = tuple(dict.fromkeys(cue for s, e, cue in spans if s <= start and end <= e))
        piece = text[start:end]
        if segments and segments[-1].cues == covering:
            segments[-1] = Segment(segments[-1].text + piece, covering)
        else:
            segments.append(Segment(piece, covering))
    return tuple(segments), tuple(missing)


def _find(text: str, evidence: str) -> tuple[int, int] | None:
    words = evidence.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _shorten(text: str) -> tuple[str, int]:
    if len(text) <= MAX_LINE_CHARS:
        return text, 0
    half = MAX_LINE_CHARS // 2
    return text[:half] + " […] " + text[-half:], len(text) - 2 * half


# --- observations ------------------------------------------------------------------------

# What handoff.models.decision.Check.describe() writes: "<signal> <observed> <op> <threshold>"
# with " (not met)" appended for a failed check. A signal has no spaces (it may carry a
# bracketed argument: intent_group_rank[fraud]); a list value is bracketed. A check under a
# rule's `not:` has its operator prefixed with "not " (handoff.graph.conditions).
_OPS = ("contains any of", "contains", "between", "in", "<=", ">=", "<", ">", "=", "==", "!=")
_OP_WORDS = {
    "<": "below",
    "<=": "at most",
    ">": "above",
    ">=": "at least",
    "=": "equals",
    "==": "equals",
    "!=": "differs from",
    "in": "is one of",
    "contains": "contains",
    "contains any of": "contains any of",
    "between": "is between",
}
_OBSERVATION = re.compile(
    r"^(?P<signal>\S+) (?P<value>\[[^\]]*\]|\S+) "
    r"(?P<op>(?:not )?(?:" + "|".join(re.escape(op) for op in _OPS) + r")) "
    r"(?P<threshold>.+?)(?P<not_met> \(not met\))?$"
)


def parse_observation(text: str) -> Observation:
    """``frustration 0.89 >= 0.35`` → signal, value, op, threshold (and whether it was met);
    text of another shape comes back unparsed (shown as written)."""
    match = _OBSERVATION.match(text.strip())
    if match is None:
        return Observation(text=text)
    return Observation(
        text=text,
        signal=match["signal"],
        value=match["value"],
        op=match["op"],
        threshold=match["threshold"],
        met=match["not_met"] is None,
        parsed=True,
    )


# --- sparkline ---------------------------------------------------------------------------

SPARK_WIDTH = 160
SPARK_HEIGHT = 40
_PAD = 4


def sparkline(
    per_turn: Sequence[tuple[int, float]], *, width: int = SPARK_WIDTH, height: int = SPARK_HEIGHT
) -> Sparkline | None:
    """Coordinates of a sentiment sparkline for ``(turn, sentiment)`` pairs; None when there
    is nothing to draw. Non-finite values are skipped, others clamped to -1..1."""
    values = [(turn, max(-1.0, min(1.0, v))) for turn, v in per_turn if math.isfinite(v)]
    if not values:
        return None
    left_out = max(0, len(values) - MAX_SPARK_POINTS)
    values = values[left_out:]
    inner_w, inner_h = width - 2 * _PAD, height - 2 * _PAD

    def y_of(v: float) -> float:
        return _PAD + (1.0 - v) / 2.0 * inner_h

    step = inner_w / (len(values) - 1) if len(values) > 1 else 0.0
    x0 = _PAD if len(values) > 1 else width / 2
    points = tuple(
        SparkPoint(x=x0 + i * step, y=y_of(v), turn=turn, value=v)
        for i, (turn, v) in enumerate(values)
    )
    numbers = ", ".join(f"turn {p.turn}: {p.value:+.2f}" for p in points)
    label = f"Customer sentiment per message, from -1 to +1: {numbers}"
    if left_out:
        label += f" ({left_out} earlier messages not drawn)"
    return Sparkline(
        width=width,
        height=height,
        points=points,
        zero_y=y_of(0.0),
        label=label,
        left_out=left_out,
    )


# --- small helpers -------------------------------------------------------------------------


def _css_ident(name: str) -> str:
    return re.sub(r"[^a-z0-9_-]", "-", name.lower())[:40] or "x"


def _words(name: str) -> str:
    return name.replace("_", " ")


def _iso_utc(moment: datetime) -> str:
    if moment.tzinfo is None:  # stored naive means UTC throughout the desktop
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
