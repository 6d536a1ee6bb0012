"""Helpers for your own tests: routing cases (a conversation and where it must end up).

A case file is JSON (one case, as in ``rules/samples/``)::

    {"description": "...", "now": "2026-11-23T10:00:00+00:00", "queue_load": {},
     "conversation": {...a Conversation...},
     "expect": {"lane": "general_support", "rule": "asked_for_human"}}

or YAML, several cases in a short form (what ``handoff test`` and rule changes' tests read)::

    defaults:                      # optional: applied to every case below
      now: 2026-11-24T10:30:00+00:00
    cases:
      - name: asks for a human
        account: {tier: gold}
        turns:
          - user: I want to talk to a human
            intent: request_human  # optional; confidence defaults to 1.0
          - bot: Sure.             # optional; action: and fallback: allowed
          - user: hello?
        expect: {lane: general_support, rule: asked_for_human}

``check_case`` replays the conversation turn by turn (as the bot would) and compares the
final decision with ``expect``; ``load_case_files`` reads YAML and JSON case files (every
problem reported as ``file:line:col: message``); ``run_cases`` checks many and measures
which rules and lanes they exercised.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from handoff.errors import ConversationError, RulesError
from handoff.models._base import Model
from handoff.models.conversation import Account, Conversation, Entity, Intent, RoutingState, Turn
from handoff.models.decision import Decision
from handoff.router import Router
from handoff.rules.loader import locate_validation_error, read_yaml
from handoff.tracker import conversation_from_events

__all__ = [
    "CASE_SUFFIXES",
    "Case",
    "CaseFileError",
    "CaseResult",
    "CaseRun",
    "Coverage",
    "Expect",
    "Loaded",
    "RoutingCase",
    "case_files",
    "check_case",
    "conversation_from_data",
    "decided_rule",
    "load_case",
    "load_case_files",
    "load_cases",
    "parse_json",
    "run_cases",
    "tracker_dump",
]


class Expect(Model):
    """Where the conversation must end up."""

    lane: str
    rule: str | None = Field(
        default=None,
        description="Id of the rule that put the customer in this lane; omit to not check.",
    )


class RoutingCase(Model):
    """A sample conversation with its expected routing."""

    description: str = ""
    now: datetime | None = None
    queue_load: dict[str, int] = Field(default_factory=dict)
    conversation: Conversation
    expect: Expect


class CaseResult(Model):
    """The outcome of one case."""

    name: str
    passed: bool
    expected: Expect
    decision: Decision
    message: str


def load_case(path: str | Path) -> RoutingCase:
    """Read one case file; ConversationError says what is wrong and where."""
    path = Path(path)
    try:
        return RoutingCase.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as error:
        raise ConversationError(f"{path}: {error}") from None


def load_cases(folder: str | Path) -> Iterator[tuple[Path, RoutingCase]]:
    """Every ``*.json`` case in ``folder``, in name order."""
    for path in sorted(Path(folder).glob("*.json")):
        yield path, load_case(path)


def check_case(router: Router, case: RoutingCase, name: str = "case") -> CaseResult:
    """Replay the case's conversation and compare the final decision with ``expect``."""
    return _checked(router, case, name)[0]


def _checked(router: Router, case: RoutingCase, name: str) -> tuple[CaseResult, list[Decision]]:
    """The case's result and the decision of every user turn (the replay is done once)."""
    decisions = router.replay(case.conversation, now=case.now, queue_load=case.queue_load)
    if not decisions:
        decision = router.route(case.conversation, now=case.now, queue_load=case.queue_load)
    else:
        decision = decisions[-1]
    problems = []
    if decision.lane != case.expect.lane:
        problems.append(f"lane {decision.lane!r}, expected {case.expect.lane!r}")
    # On later turns "stay with a human" decides; the escalating rule is kept in the state.
    rule = decided_rule(decision)
    if case.expect.rule is not None and rule != case.expect.rule:
        problems.append(f"rule {rule!r}, expected {case.expect.rule!r}")
    result = CaseResult(
        name=name,
        passed=not problems,
        expected=case.expect,
        decision=decision,
        message="; ".join(problems) or "ok",
    )
    return result, decisions


def decided_rule(decision: Decision) -> str | None:
    """The rule that put the customer where the decision says: on later turns of a human
    lane "stay with a human" decides, and the escalating rule is kept in the state."""
    return decision.rule_id if decision.rule_id is not None else decision.state.rule


@dataclass(frozen=True)
class CaseRun:
    """One case checked: where it was written, its result and every user turn's decision."""

    case: Case
    result: CaseResult
    decisions: tuple[Decision, ...]


@dataclass(frozen=True)
class Coverage:
    """What a run of cases exercised: rules that decided at least once, lanes reached."""

    rules: int  # rules in the rule set
    decided: frozenset[str]  # ids of rules that decided a turn of some case
    not_exercised: tuple[tuple[str, str], ...]  # (rule id, "file:line"), in file order
    lanes_never_reached: tuple[str, ...]  # in the rule set's order


def run_cases(
    router: Router, cases: Iterable[Case], *, now: datetime | None = None
) -> tuple[list[CaseRun], Coverage]:
    """Check every case and measure coverage; a case without ``now`` uses ``now`` (default:
    the current UTC time), so opening hours are those of the run."""
    moment = now or datetime.now(timezone.utc)
    runs: list[CaseRun] = []
    decided: set[str] = set()
    reached: set[str] = set()
    for item in cases:
        case = item.case
        if case.now is None:
            case = case.model_copy(update={"now": moment})
        result, decisions = _checked(router, case, item.name)
        decided.update(d.rule_id for d in decisions if d.rule_id is not None)
        reached.update(d.lane for d in decisions)
        reached.add(result.decision.lane)
        runs.append(CaseRun(item, result, tuple(decisions)))
    compiled = router.compiled
    missing = []
    for index, rule in enumerate(compiled.ruleset.rules):
        if rule.id not in decided:
            where = compiled.sources.locate(("rules", index))
            missing.append((rule.id, f"{where.file}:{where.line}"))
    coverage = Coverage(
        rules=len(compiled.ruleset.rules),
        decided=frozenset(decided),
        not_exercised=tuple(missing),
        lanes_never_reached=tuple(lane for lane in compiled.ruleset.lanes if lane not in reached),
    )
    return runs, coverage


# ------------------------------------------------------------------ case files (YAML, JSON)

CASE_SUFFIXES = (".yaml", ".yml", ".json")


class CaseFileError(ConversationError):
    """A case file cannot be read; ``problems`` are ``file:line:col: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Case:
    """One case ready to run, with where it was written."""

    name: str
    location: str  # file:line
    case: RoutingCase


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ShortTurn(_Strict):
    """One turn in the short form: exactly one of ``user``, ``bot`` or ``agent``."""

    user: str | None = None
    bot: str | None = None
    agent: str | None = None
    intent: str | None = None
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    ranking: dict[str, float] | None = Field(
        default=None, description="Runner-up intents and confidences, e.g. {greet: 0.3}."
    )
    entities: tuple[str, ...] | dict[str, Any] = ()
    action: str | None = None
    fallback: bool = False

    @model_validator(mode="after")
    def _one_speaker(self) -> ShortTurn:
        speakers = [k for k in ("user", "bot", "agent") if getattr(self, k) is not None]
        if len(speakers) != 1:
            raise ValueError("a turn needs exactly one of 'user:', 'bot:' or 'agent:'")
        if speakers[0] != "user" and (self.intent is not None or self.ranking is not None):
            raise ValueError("only user turns have an intent")
        return self

    def to_turn(self) -> Turn:
        """The full Turn model."""
        if self.user is not None:
            intent = Intent(name=self.intent, confidence=self.confidence) if self.intent else None
            ranking = [intent] if intent is not None else []
            ranking += [Intent(name=n, confidence=c) for n, c in (self.ranking or {}).items()]
            ranking.sort(key=lambda i: -i.confidence)
            if isinstance(self.entities, dict):
                entities = tuple(
                    Entity(entity=k, value=v if isinstance(v, str | int | float | bool) else None)
                    for k, v in self.entities.items()
                )
            else:
                entities = tuple(Entity(entity=name) for name in self.entities)
            return Turn(
                role="user",
                text=self.user,
                intent=intent,
                intent_ranking=tuple(ranking),
                entities=entities,
            )
        return Turn(
            role="bot" if self.bot is not None else "agent",
            text=self.bot if self.bot is not None else self.agent or "",
            action=self.action,
            fallback=self.fallback,
        )


class YamlCase(_Strict):
    """A case in the short form (``turns:``) or with a full ``conversation:``."""

    name: str
    description: str = ""
    now: datetime | None = None
    queue_load: dict[str, int] = Field(default_factory=dict)
    id: str | None = None
    channel: str = "web"
    account: Account = Account()
    state: RoutingState = RoutingState()
    turns: tuple[ShortTurn | str, ...] | None = None
    conversation: Conversation | None = None
    expect: Expect

    @model_validator(mode="after")
    def _turns_or_conversation(self) -> YamlCase:
        if (self.turns is None) == (self.conversation is None):
            raise ValueError("give either 'turns:' (short form) or 'conversation:', not both")
        return self

    def to_case(self) -> RoutingCase:
        """The equivalent ``handoff.testing.RoutingCase``."""
        conversation = self.conversation
        if conversation is None:
            turns = tuple(
                Turn(role="user", text=t) if isinstance(t, str) else t.to_turn()
                for t in self.turns or ()
            )
            conversation = Conversation(
                id=self.id or self.name,
                channel=self.channel,
                turns=turns,
                account=self.account,
                state=self.state,
            )
        return RoutingCase(
            description=self.description or self.name,
            now=self.now,
            queue_load=self.queue_load,
            conversation=conversation,
            expect=self.expect,
        )


class CaseFile(_Strict):
    """The top level of a YAML case file."""

    defaults: dict[str, Any] = Field(default_factory=dict)
    cases: list[Any]


def case_files(paths: tuple[Path, ...]) -> Iterator[Path]:
    """The files to run: each file given, and every case file in each folder (name order)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.iterdir() if p.is_file() and p.suffix in CASE_SUFFIXES
            )
        else:
            yield path


def load_case_files(paths: tuple[Path, ...]) -> list[Case]:
    """Every case in ``paths``; CaseFileError lists every problem of every file."""
    cases: list[Case] = []
    problems: list[str] = []
    files = list(case_files(paths))
    if not files:
        raise CaseFileError([f"{p}: no case files (*.yaml, *.yml, *.json) here" for p in paths])
    for file in files:
        try:
            cases.extend(_load_file(file))
        except CaseFileError as error:
            problems.extend(error.problems)
    if problems:
        raise CaseFileError(problems)
    return cases


def _load_file(file: Path) -> list[Case]:
    if file.suffix == ".json":
        try:
            case = load_case(file)
        except ConversationError as error:
            raise CaseFileError([f"{file}:1:1: not a routing case: {error}"]) from None
        return [Case(file.stem, f"{file}:1", case)]
    # The rules loader's reader: same guards (size, UTF-8, nesting, alias bombs, duplicate
    # keys, tabs) and the same file:line:col messages as rules files.
    try:
        data, sources = read_yaml(file, top_keys="'cases:' (and optionally 'defaults:')")
    except RulesError as error:
        raise CaseFileError([str(p) for p in error.problems]) from None
    try:
        top = CaseFile.model_validate(data)
    except ValidationError as error:
        located = locate_validation_error(error, data, sources, root=CaseFile)
        raise CaseFileError([str(p) for p in located]) from None
    cases: list[Case] = []
    problems: list[str] = []
    for index, item in enumerate(top.cases):
        line = sources.locate(("cases", index)).line
        merged = {**top.defaults, **item} if isinstance(item, dict) else item
        try:
            case = YamlCase.model_validate(merged).to_case()
        except ValidationError as error:
            located = locate_validation_error(
                error, merged, sources, root=YamlCase, prefix=("cases", index)
            )
            problems.extend(str(p) for p in located)
            continue
        cases.append(Case(case.description, f"{file}:{line}", case))
    if problems:
        raise CaseFileError(problems)
    return cases


# ------------------------------------------------------------- recorded conversations (JSON)


@dataclass(frozen=True)
class Loaded:
    """A conversation read from JSON, with what a routing case adds (time, load, expect)."""

    conversation: Conversation
    source: str  # "conversation", "routing case" or "Rasa tracker"
    now: datetime | None = None
    queue_load: Mapping[str, int] = field(default_factory=dict)
    expect: Expect | None = None
    has_id: bool = True  # False: the data gave no "id" (the model's placeholder is used)
    # Rasa tracker dumps: for each hand-back (a resume after a pause), the user turns before it.
    handbacks: tuple[int, ...] = ()


def parse_json(raw: bytes) -> Any:
    """JSON text → data; ConversationError with line and column when it is not JSON."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConversationError(f"byte {error.start} is not valid UTF-8 (is this JSON?)") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ConversationError(
            f"line {error.lineno} column {error.colno}: invalid JSON: {error.msg}"
        ) from None
    except RecursionError:
        raise ConversationError("the JSON is nested too deeply to read") from None


def conversation_from_data(
    data: Any, *, read_tracker: Callable[[dict[str, Any]], Loaded] | None = None
) -> Loaded:
    """Detect the shape (Rasa tracker dump, routing case, conversation) and read it.

    A tracker dump is read by ``read_tracker``; by default with :mod:`handoff.tracker`, to
    be replayed from its session's start: the stored routing state (where the conversation
    ended) is not used, and its hand-backs are kept in ``Loaded.handbacks``.
    """
    if not isinstance(data, dict):
        raise ConversationError(
            f"expected a JSON object (a conversation, a routing case or a Rasa tracker dump), "
            f"got {type(data).__name__}"
        )
    if "events" in data and "sender_id" in data:
        return _routable((read_tracker or tracker_dump)(data))
    if "conversation" in data:
        _check_turns(data["conversation"], "conversation.turns")
        case = _validated(RoutingCase, data, "routing case")
        has_id = isinstance(data["conversation"], dict) and "id" in data["conversation"]
        return _routable(
            Loaded(
                case.conversation, "routing case", case.now, case.queue_load, case.expect, has_id
            )
        )
    _check_turns(data, "turns")
    conversation = _validated(Conversation, data, "conversation")
    return _routable(Loaded(conversation, "conversation", has_id="id" in data))


def tracker_dump(data: Mapping[str, Any]) -> Loaded:
    """A Rasa tracker dump (``GET /conversations/<id>/tracker``) to replay from the start of
    its current session, with its hand-backs; ConversationError if it is not one."""
    events = data.get("events")
    slots = data.get("slots")
    latest = data.get("latest_message")
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise ConversationError(
            "not a readable Rasa tracker dump: 'events' is not a list of objects"
        )
    if slots is not None and not isinstance(slots, dict):
        raise ConversationError("not a readable Rasa tracker dump: 'slots' is not an object")
    if latest is not None and not isinstance(latest, dict):
        raise ConversationError(
            "not a readable Rasa tracker dump: 'latest_message' is not an object"
        )
    channel = data.get("latest_input_channel")
    try:
        conversation, session = conversation_from_events(
            data.get("sender_id"),
            events,
            slots=slots,
            latest=latest,
            input_channel=channel if isinstance(channel, str) else None,
        )
    except ValueError as error:  # pydantic's ValidationError, or nesting past the bound
        raise ConversationError(
            f"not a readable Rasa tracker dump: {type(error).__name__}"
        ) from None
    return Loaded(conversation, "Rasa tracker", handbacks=session.handbacks)


def _check_turns(data: Any, where: str) -> None:
    """Every user turn says what the customer wrote; every bot turn what it said or did.

    The model defaults a missing ``text`` to "" (adapters build turns from events that may
    have none), but in a file a user turn without text is a mistake, not an empty message.
    """
    turns = data.get("turns") if isinstance(data, dict) else None
    if not isinstance(turns, list):
        return
    for index, turn in enumerate(turns):
        if not isinstance(turn, dict):
            continue
        role = turn.get("role")
        if role == "user" and "text" not in turn:
            raise ConversationError(
                f'{where}[{index}] (user turn {_user_number(turns, index)}) has no "text": '
                "every user turn needs the customer's message"
            )
        if role == "bot" and "text" not in turn and "action" not in turn:
            raise ConversationError(
                f'{where}[{index}] (bot turn) has neither "text" nor "action": '
                "give what the bot said or the action it ran"
            )


def _user_number(turns: list[Any], index: int) -> int:
    return 1 + sum(1 for t in turns[:index] if isinstance(t, dict) and t.get("role") == "user")


def _routable(loaded: Loaded) -> Loaded:
    if not loaded.conversation.user_turns:
        count = len(loaded.conversation.turns)
        raise ConversationError(
            f"no user turns to route (the {loaded.source} has {count} "
            f"turn{'s' if count != 1 else ''}, none from the user)"
        )
    return loaded


def _validated(model: type[Any], data: Any, what: str) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = error.errors()
        lines = [
            f"  {'.'.join(str(p) for p in e['loc']) or '(top level)'}: {e['msg']}"
            for e in problems[:10]
        ]
        if len(problems) > 10:
            lines.append(f"  … and {len(problems) - 10} more")
        raise ConversationError(f"not a valid {what}:\n" + "\n".join(lines)) from None
