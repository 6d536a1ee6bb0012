"""Measure a rule set on a labelled evaluation set of whole conversations.

An evaluation set (``tests/data/routing_eval/banking.yaml`` is the project's) lists
conversations by their customer messages only, with the account and the outcome a bank's
operations lead expects::

    defaults: {now: 2026-11-24T10:30:00+00:00}     # the clock for every conversation
    conversations:
      - id: req-phone-01
        category: explicit_request
        account: {tier: standard, risk_flags: []}
        customer: ["can I ring someone about my mortgage", "hello?"]
        expect: {lane_kind: human, lane: general_banking, by_turn: 1, acceptable_lanes: []}
        why: "asks for a person"

The bot's NLU parses of every message come from a file made once with the real model
(``rasa_project/scripts/parse_messages.py``; JSON lines, a header line first), so the
evaluation runs without Rasa. :func:`evaluate` then plays each conversation as the Rasa bot
would: each customer message becomes a user turn exactly as ``handoff.adapters.rasa`` reads
it from a tracker (intent, whole ranking, entities), is routed with the state of the turn
before (as ``Router.replay``), and, while the bot keeps the conversation, is answered by a
bot turn as the demo bot's rules answer it (:func:`demo_bot_answers`: ``utter_<intent>``,
or ``utter_default`` then ``utter_ask_rephrase`` after ``nlu_fallback``). The first turn
whose decision hands over pauses the bot, as Rasa does: the conversation is then with a
person in that lane, and what the customer types afterwards is not routed.

Each conversation is scored by :func:`score` (the definitions of the set's README):

* **as expected**: expected the bot and it stayed with the bot; or expected a person, who
  was brought in at or before ``by_turn`` in ``lane`` or one of ``acceptable_lanes``;
* **false escalation**: expected the bot, got a person (any lane that is not a bot lane);
* **missed**: expected a person, stayed with the bot to the end;
* **late**: expected a person, got a right lane but only after ``by_turn``;
* **wrong lane**: expected a person, got a lane that is neither ``lane`` nor acceptable.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import ConfigDict, Field, ValidationError, field_validator, model_validator

from handoff.errors import ConversationError, Problem, RulesError
from handoff.models._base import Model
from handoff.models.conversation import (
    Account,
    Conversation,
    RoutingState,
    Turn,
    user_turn_from_parse,
)
from handoff.models.rules import LaneKind
from handoff.router import Router
from handoff.rules.loader import locate_validation_error, read_yaml

__all__ = [
    "LABELS",
    "OUTCOMES",
    "ConversationResult",
    "EvalConversation",
    "EvalSet",
    "EvalSetError",
    "Evaluation",
    "Expected",
    "NluParse",
    "NluParses",
    "Outcome",
    "Summary",
    "demo_bot_answers",
    "evaluate",
    "evaluate_conversation",
    "load_eval_set",
    "load_parses",
    "score",
    "summarize",
    "transcript",
    "user_turn",
]

Outcome = Literal["as_expected", "false_escalation", "missed", "late", "wrong_lane"]
OUTCOMES: tuple[Outcome, ...] = ("as_expected", "false_escalation", "missed", "late", "wrong_lane")
# The channel the demo bot's customers write on (Rasa's REST channel), as the adapter reads it.
CHANNEL = "rest"
MAX_PARSE_LINE_BYTES = 1_000_000

# How each outcome is named in reports (the CLI and the results README).
LABELS: dict[Outcome, str] = {
    "as_expected": "routed as expected",
    "false_escalation": "false escalations",
    "missed": "missed",
    "late": "late",
    "wrong_lane": "wrong lane",
}


class EvalSetError(ConversationError):
    """An evaluation set or a parses file cannot be used; ``problems`` are located lines."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


# ------------------------------------------------------------------------------ the set


class Expected(Model):
    """What an operations lead expects for one conversation."""

    lane_kind: LaneKind
    lane: str = Field(min_length=1)
    by_turn: int | None = Field(
        default=None,
        ge=1,
        description="Latest customer message (from 1) by which a person should be brought in; "
        "null when the bot keeps the conversation.",
    )
    acceptable_lanes: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Expected:
        if (self.lane_kind == "bot") != (self.by_turn is None):
            raise ValueError(
                "by_turn is null exactly when the bot keeps the conversation (lane_kind: bot)"
            )
        if self.lane in self.acceptable_lanes:
            raise ValueError(f"acceptable_lanes repeats the expected lane {self.lane!r}")
        return self

    @property
    def escalates(self) -> bool:
        """Whether a person is expected."""
        return self.lane_kind != "bot"


class EvalAccount(Model):
    """The customer's account as the channel sends it."""

    tier: str = "standard"
    risk_flags: tuple[str, ...] = ()


class EvalConversation(Model):
    """One conversation: the customer's messages in order and the expected outcome."""

    id: str = Field(min_length=1)
    category: str = Field(min_length=1)
    account: EvalAccount = EvalAccount()
    customer: tuple[str, ...] = Field(min_length=1)
    expect: Expected
    why: str = ""

    @model_validator(mode="after")
    def _turn_exists(self) -> EvalConversation:
        by_turn = self.expect.by_turn
        if by_turn is not None and by_turn > len(self.customer):
            raise ValueError(
                f"expect.by_turn is {by_turn} but there are only {len(self.customer)} "
                "customer messages"
            )
        return self


class EvalDefaults(Model):
    """Settings for every conversation of the set."""

    now: datetime

    @field_validator("now")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("give 'now' with an offset, e.g. 2026-11-24T10:30:00+00:00")
        return value


class EvalSet(Model):
    """A whole evaluation set; ``locations`` maps each id to ``file:line`` (not in YAML)."""

    defaults: EvalDefaults
    conversations: tuple[EvalConversation, ...] = Field(min_length=1)
    locations: dict[str, str] = Field(default_factory=dict, exclude=True)

    def where(self, conversation_id: str) -> str:
        """``file:line`` of a conversation, or its id when the set was built in code."""
        return self.locations.get(conversation_id, conversation_id)


class _EvalFile(Model):
    defaults: EvalDefaults
    conversations: list[Any] = Field(min_length=1)


def load_eval_set(path: str | Path) -> EvalSet:
    """Read and validate an evaluation set; EvalSetError lists every ``file:line:col`` problem.

    Uses the rules files' YAML reader (size, UTF-8, nesting, duplicate keys, tabs guarded).
    Conversation ids must be unique.
    """
    path = Path(path)
    try:
        data, sources = read_yaml(path, top_keys="'defaults:' and 'conversations:'")
    except RulesError as error:
        raise EvalSetError([str(p) for p in error.problems]) from None
    try:
        top = _EvalFile.model_validate(data)
    except ValidationError as error:
        located = locate_validation_error(error, data, sources, root=_EvalFile)
        raise EvalSetError([str(p) for p in located]) from None
    problems: list[str] = []
    conversations: list[EvalConversation] = []
    locations: dict[str, str] = {}
    for index, item in enumerate(top.conversations):
        key = ("conversations", index)
        try:
            conversation = EvalConversation.model_validate(item)
        except ValidationError as error:
            located = locate_validation_error(
                error, item, sources, root=EvalConversation, prefix=key
            )
            problems.extend(str(p) for p in located)
            continue
        position = sources.locate(key)
        if conversation.id in locations:
            problems.append(
                str(
                    Problem(
                        position.file,
                        position.line,
                        position.column,
                        f"conversation id {conversation.id!r} is used twice "
                        f"(first at {locations[conversation.id]})",
                        "give every conversation its own id",
                    )
                )
            )
            continue
        locations[conversation.id] = f"{position.file}:{position.line}"
        conversations.append(conversation)
    if problems:
        raise EvalSetError(problems)
    return EvalSet(defaults=top.defaults, conversations=tuple(conversations), locations=locations)


# ------------------------------------------------------------------------ NLU parses


class NluParse(Model):
    """Rasa's parse of one message (``parse_data`` of a tracker's user event)."""

    # Rasa adds keys of its own (response_selector, message_id...): kept out, not refused.
    model_config = ConfigDict(frozen=True, extra="ignore")

    text: str
    intent: dict[str, Any] | None = None
    intent_ranking: tuple[dict[str, Any], ...] = ()
    entities: tuple[dict[str, Any], ...] = ()


class NluParses(Model):
    """The parses of a list of messages, by text, with the model that made them."""

    header: dict[str, Any]
    parses: dict[str, NluParse]
    source: str = "<parses>"

    @property
    def fingerprint(self) -> str | None:
        """The fingerprint of the bot's training inputs the parses were made with."""
        value = self.header.get("fingerprint")
        return str(value) if value is not None else None

    def get(self, text: str) -> NluParse | None:
        """The parse of ``text``, if the file has one."""
        return self.parses.get(text)


def load_parses(path: str | Path) -> NluParses:
    """Read a parses file: a header line ``{"header": {...}}``, then one parse per line.

    EvalSetError names ``file:line`` for a line that is not JSON or not a parse.
    """
    path = Path(path)
    name = str(path)
    header: dict[str, Any] | None = None
    parses: dict[str, NluParse] = {}
    problems: list[str] = []
    try:
        stream = path.open("rb")
    except OSError as error:
        raise EvalSetError([f"{name}: cannot read the file ({error.strerror or error})"]) from None
    with stream:
        for number, raw in enumerate(stream, start=1):
            if len(problems) >= 20:
                problems.append(f"{name}: more problems not shown")
                break
            if len(raw) > MAX_PARSE_LINE_BYTES:
                problems.append(f"{name}:{number}: line longer than {MAX_PARSE_LINE_BYTES} bytes")
                continue
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except (ValueError, RecursionError) as error:
                problems.append(f"{name}:{number}: not JSON ({error})")
                continue
            if number == 1 or header is None:
                if not isinstance(data, dict) or not isinstance(data.get("header"), dict):
                    problems.append(
                        f'{name}:{number}: the first line must be the header {{"header": '
                        '{"fingerprint": ..., "rasa_version": ...}}'
                    )
                    header = {}
                else:
                    header = data["header"]
                continue
            try:
                parse = NluParse.model_validate(data)
            except ValidationError as error:
                first = error.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                problems.append(f"{name}:{number}: not a parse: {where}: {first['msg']}")
                continue
            parses[parse.text] = parse
    if header is None:
        problems.append(f"{name}:1: the file is empty; regenerate the parses")
    if problems:
        raise EvalSetError(problems)
    return NluParses(header=header or {}, parses=parses, source=name)


# ------------------------------------------------------------------------ turns


def user_turn(parse: NluParse) -> Turn:
    """The user turn ``handoff.adapters.rasa`` reads from a tracker event with this parse.

    Mirrors the adapter's reading (tests/test_evaluation.py checks both agree on every
    committed parse): intent, the whole ranking in Rasa's order, entities.
    """
    return user_turn_from_parse(
        {
            "intent": parse.intent,
            "intent_ranking": parse.intent_ranking,
            "entities": parse.entities,
        },
        parse.text,
    )


def demo_bot_answers(intent: str | None) -> tuple[str, ...]:
    """The actions the demo bot (rasa_project/data/rules.yml) answers an intent with.

    ``nlu_fallback``: ``utter_default`` then ``utter_ask_rephrase``; any other intent:
    ``utter_<intent>``; no intent: Rasa's ``action_default_fallback``.
    """
    if intent is None:
        return ("action_default_fallback",)
    if intent == "nlu_fallback":
        return ("utter_default", "utter_ask_rephrase")
    return (f"utter_{intent}",)


# ------------------------------------------------------------------------ scoring


class ConversationResult(Model):
    """How one conversation was routed and scored."""

    id: str
    category: str
    expected: Expected
    outcome: Outcome
    lane: str = Field(description="The lane it ended in: the handoff lane, or the bot's.")
    lane_kind: str
    handoff_turn: int | None = Field(
        default=None, description="Customer message (from 1) at which a person was brought in."
    )
    rule: str | None = Field(default=None, description="The rule that decided the handoff.")
    reason: str = ""
    intents: tuple[str, ...] = Field(
        default=(), description="Each routed message's top intent and confidence."
    )


def score(expected: Expected, lane: str, lane_kind: str, handoff_turn: int | None) -> Outcome:
    """The outcome of one conversation (definitions in this module's docstring).

    ``handoff_turn`` is the customer message at which a person was first brought in (None
    if never); ``lane`` and ``lane_kind`` are where the conversation ended.
    """
    got_person = handoff_turn is not None and lane_kind != "bot"
    if not expected.escalates:
        return "false_escalation" if got_person else "as_expected"
    if not got_person:
        return "missed"
    if lane != expected.lane and lane not in expected.acceptable_lanes:
        return "wrong_lane"
    late = (
        expected.by_turn is not None
        and handoff_turn is not None
        and handoff_turn > expected.by_turn
    )
    return "late" if late else "as_expected"


class CategoryCounts(Model):
    """Counts of one category (or of the whole set)."""

    conversations: int = 0
    expect_bot: int = 0
    expect_person: int = 0
    as_expected: int = 0
    false_escalation: int = 0
    missed: int = 0
    late: int = 0
    wrong_lane: int = 0
    bot_to_specialist: int = Field(
        default=0, description="Expected the bot, got a specialist lane."
    )

    def pct(self, outcome: Outcome) -> float:
        """The outcome's share of its denominator, in percent: all conversations for
        ``as_expected``, the bot's for false escalations, the rest of the escalations."""
        count = getattr(self, outcome)
        if outcome == "as_expected":
            whole = self.conversations
        elif outcome == "false_escalation":
            whole = self.expect_bot
        else:
            whole = self.expect_person
        return 100.0 * count / whole if whole else 0.0


class Summary(Model):
    """Totals and per-category counts."""

    total: CategoryCounts
    categories: dict[str, CategoryCounts]


def _counts(results: Sequence[ConversationResult]) -> CategoryCounts:
    outcomes = Counter(r.outcome for r in results)
    return CategoryCounts(
        conversations=len(results),
        expect_bot=sum(not r.expected.escalates for r in results),
        expect_person=sum(r.expected.escalates for r in results),
        bot_to_specialist=sum(
            not r.expected.escalates and r.lane_kind == "specialist" for r in results
        ),
        **{o: outcomes[o] for o in OUTCOMES},
    )


def summarize(results: Sequence[ConversationResult]) -> Summary:
    """Totals and per-category counts (categories sorted by name)."""
    categories = sorted({r.category for r in results})
    return Summary(
        total=_counts(results),
        categories={c: _counts([r for r in results if r.category == c]) for c in categories},
    )


class Evaluation(Model):
    """Every conversation's result, the summary, and what produced them."""

    ruleset: str
    ruleset_version: str
    now: datetime
    nlu_fingerprint: str | None
    summary: Summary
    conversations: tuple[ConversationResult, ...]

    def failures(self) -> tuple[ConversationResult, ...]:
        """The conversations not routed as expected."""
        return tuple(r for r in self.conversations if r.outcome != "as_expected")


# ------------------------------------------------------------------------ evaluation


def _missing(conversation: EvalConversation, number: int, where: str, parses: NluParses) -> str:
    return (
        f"{where}: no NLU parse of customer message {number} of {conversation.id!r} in "
        f"{parses.source}; regenerate the parses for this evaluation set"
    )


def transcript(
    conversation: EvalConversation,
    parses: NluParses,
    messages: int | None = None,
    *,
    answers: Callable[[str | None], Sequence[str]] = demo_bot_answers,
    where: str | None = None,
) -> Conversation:
    """The conversation as the bot's tracker holds it after ``messages`` customer messages
    (default: all), every earlier one answered by the bot with ``answers(intent)``.

    The account travels as Rasa message metadata (``tier``, ``risk_flags``) on the REST
    channel, as the adapter reads it. Raises EvalSetError if a message has no parse.
    """
    count = len(conversation.customer) if messages is None else messages
    turns: list[Turn] = []
    for number, text in enumerate(conversation.customer[:count], start=1):
        parse = parses.get(text)
        if parse is None:
            raise EvalSetError([_missing(conversation, number, where or conversation.id, parses)])
        turn = user_turn(parse)
        turns.append(turn)
        if number < count:
            intent = turn.intent.name if turn.intent is not None else None
            turns.extend(Turn(role="bot", action=action) for action in answers(intent))
    account = conversation.account
    return Conversation(
        id=conversation.id,
        channel=CHANNEL,
        turns=tuple(turns),
        account=Account(tier=account.tier, risk_flags=frozenset(account.risk_flags)),
        metadata={"tier": account.tier, "risk_flags": list(account.risk_flags)},
    )


def evaluate_conversation(
    router: Router,
    conversation: EvalConversation,
    parses: NluParses,
    *,
    now: datetime,
    answers: Callable[[str | None], Sequence[str]] = demo_bot_answers,
    where: str | None = None,
    follow_moves: Collection[str] = (),
) -> ConversationResult:
    """Play one conversation turn by turn as the Rasa bot would, and score it.

    ``follow_moves`` (round 15; empty by default, so every published number is unchanged):
    lanes a later move to is followed. After a handoff to a lane that is not a specialist's,
    the customer's messages keep being routed, as the desktop does while a person has the
    chat (``DesktopService.route_move``); a red line reached later into one of these lanes
    (the money moved, told after an adviser took a "possible fraud" chat) moves the
    conversation, and it is scored by the lane it ends in, reached at the message that moved
    it. The messages after the first handoff are still answered as the bot would (the set
    has no adviser's words), so this estimates what a live move would give.

    Raises EvalSetError if a message has no parse, or the expected lanes are not lanes of
    the rule set (or have another kind there).
    """
    where = where or conversation.id
    lanes = router.ruleset.lanes
    expect = conversation.expect
    for lane in (expect.lane, *expect.acceptable_lanes):
        if lane not in lanes:
            raise EvalSetError(
                [f"{where}: expected lane {lane!r} is not a lane of rule set "
                 f"{router.ruleset.name!r} (lanes: {', '.join(lanes)})"]
            )  # fmt: skip
    if lanes[expect.lane].kind != expect.lane_kind:
        raise EvalSetError(
            [f"{where}: expected lane {expect.lane!r} has kind {lanes[expect.lane].kind!r} in "
             f"the rule set, not {expect.lane_kind!r}"]
        )  # fmt: skip
    state = RoutingState()
    intents: list[str] = []
    lane, lane_kind, rule, reason = "", "bot", None, ""
    handoff_turn: int | None = None
    moved_from = ""
    for number in range(1, len(conversation.customer) + 1):
        so_far = transcript(conversation, parses, number, answers=answers, where=where)
        latest = so_far.turns[-1].intent
        intents.append(f"{latest.name} {latest.confidence:.2f}" if latest else "(none) 0.00")
        decision = router.route(so_far.model_copy(update={"state": state}), now=now)
        if handoff_turn is not None and (
            not decision.handoff or decision.lane not in (lane, *follow_moves)
        ):
            break  # (follow_moves) a person keeps what they took unless the move is followed
        state = decision.state
        lane, lane_kind, reason = decision.lane, decision.lane_kind, decision.reason
        rule = decision.rule_id if decision.rule_id is not None else decision.state.rule
        if decision.handoff:
            if handoff_turn is None or lane != moved_from:
                handoff_turn = number  # Rasa pauses: the rest is typed while a person takes over
            moved_from = lane
            if not follow_moves or lane_kind == "specialist":
                break
    return ConversationResult(
        id=conversation.id,
        category=conversation.category,
        expected=expect,
        outcome=score(expect, lane, lane_kind, handoff_turn),
        lane=lane,
        lane_kind=lane_kind,
        handoff_turn=handoff_turn,
        rule=rule if handoff_turn is not None else None,
        reason=reason,
        intents=tuple(intents),
    )


def evaluate(
    router: Router,
    evalset: EvalSet,
    parses: NluParses,
    *,
    now: datetime | None = None,
    answers: Callable[[str | None], Sequence[str]] = demo_bot_answers,
    follow_moves: Collection[str] = (),
) -> Evaluation:
    """Route every conversation of the set (at ``now``, default the set's) and score it
    (``follow_moves``: see :func:`evaluate_conversation`).

    Raises EvalSetError listing every conversation that cannot be evaluated (a message
    without a parse, an expected lane the rule set lacks).
    """
    moment = now or evalset.defaults.now
    results: list[ConversationResult] = []
    problems: list[str] = []
    for conversation in evalset.conversations:
        try:
            results.append(
                evaluate_conversation(
                    router, conversation, parses, now=moment, answers=answers,
                    where=evalset.where(conversation.id), follow_moves=follow_moves,
                )
            )  # fmt: skip
        except EvalSetError as error:
            problems.extend(error.problems)
    if problems:
        raise EvalSetError(problems)
    return Evaluation(
        ruleset=router.ruleset.name,
        ruleset_version=router.version,
        now=moment,
        nlu_fingerprint=parses.fingerprint,
        summary=summarize(results),
        conversations=tuple(results),
    )
