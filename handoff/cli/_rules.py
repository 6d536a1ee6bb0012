"""``handoff rules …``: governed rule changes from a terminal.

Propose a rule set (validated, its tests run, backtested), approve it by role, publish it to
the desktop's database (where every action server picks it up), roll back, and read or
verify the audit trail. Every command acts as a named desktop user (``--as`` or
``HANDOFF_USER``) whose password is checked with the desktop's argon2 hashes and login
throttling; the password comes from ``HANDOFF_PASSWORD`` or a prompt without echo, never
from the command line. The governance store (:mod:`handoff.governance.store`) decides what
that user may do and records every step, allowed or refused.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from handoff.cli._app import EXISTING, EXISTING_FILE, OUTPUT, cli, console, guard
from handoff.cli._desktop import db_option, desktop_module
from handoff.errors import HandoffError

if TYPE_CHECKING:
    from handoff.governance.actor import Actor
    from handoff.governance.store import RulesStore

__all__ = ["KEY_ENV", "PASSWORD_ENV", "USER_ENV", "rules"]

F = TypeVar("F", bound=Callable[..., Any])

USER_ENV = "HANDOFF_USER"
PASSWORD_ENV = "HANDOFF_PASSWORD"
KEY_ENV = "HANDOFF_RULES_KEY"
RASA_EVENTS_ENV = "HANDOFF_DESKTOP_RASA_EVENTS"
PSEUDONYM_KEY_ENV = "HANDOFF_PSEUDONYM_KEY"
DEFAULT_LAST = 500
MAX_LAST = 100_000
# A key file is a handful of comma-separated keys; anything bigger is not one.
_MAX_KEY_FILE_BYTES = 64 * 1024
_STYLE = {"+": "green", "-": "red", "~": "yellow"}


# ------------------------------------------------------------------ identity and store


def identity(command: F) -> F:
    """``--as USER`` (or ``HANDOFF_USER``) and the desktop's ``--db``."""
    command = click.option(
        "--as",
        "as_user",
        envvar=USER_ENV,
        required=True,
        metavar="USER",
        help=f"The desktop user acting (or set {USER_ENV}). The password is read from "
        f"{PASSWORD_ENV}, else asked for without echo.",
    )(command)
    return db_option(command)


def rules_keys(env: Mapping[str, str] | None = None) -> tuple[bytes, ...]:
    """The publication signing keys: ``HANDOFF_RULES_KEY`` (comma-separated, the first
    signs, all verify) or the file ``HANDOFF_RULES_KEY_FILE`` names; () when neither is set.

    Raises HandoffError (never showing a key) when both are set or the file is unusable.
    """
    env = os.environ if env is None else env
    inline, named = env.get(KEY_ENV, ""), env.get(f"{KEY_ENV}_FILE", "")
    if inline and named:
        raise HandoffError(f"set {KEY_ENV} or {KEY_ENV}_FILE, not both")
    text = inline
    if named:
        path = Path(named)
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_KEY_FILE_BYTES:
                raise HandoffError(f"{KEY_ENV}_FILE ({named}) is not a small regular file")
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise HandoffError(
                f"{KEY_ENV}_FILE ({named}) cannot be read: {error.strerror or error}"
            ) from None
        except UnicodeDecodeError:
            raise HandoffError(f"{KEY_ENV}_FILE ({named}) is not UTF-8 text") from None
        if info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            console(stderr=True).print(
                f"warning: {KEY_ENV}_FILE is readable by group or others: chmod 600 it",
                style="yellow",
            )
    return tuple(part.strip().encode("utf-8") for part in text.split(",") if part.strip())


def _password(username: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password:
        return password
    value: str = click.prompt(f"Password for {username}", hide_input=True, err=True)
    return value


@dataclass
class Session:
    """An authenticated user and the governance store of the desktop's database."""

    store: RulesStore
    actor: Actor
    keys: tuple[bytes, ...]

    def need_key(self, doing: str) -> None:
        if not self.keys:
            raise HandoffError(
                f"to {doing}, set {KEY_ENV} (or {KEY_ENV}_FILE) to the key the action "
                "servers verify publications with"
            )


@contextlib.contextmanager
def session(db: str, username: str, *, readers: bool = True) -> Iterator[Session]:
    """Authenticate ``username`` against the desktop's database and open the store.

    The database is checked first (an un-migrated one is reported before the password
    prompt). Agents are refused here for reading commands too (the desktop's rules pages
    answer them 403); the store refuses them again for every change.
    """
    keys = rules_keys()
    module = desktop_module()
    from handoff.governance.store import RulesStore  # noqa: PLC0415  (needs the desktop extra)

    with module.Desktop(db) as desk:
        desk.check()
        user = desk.authenticate(username, _password(username))
        if user is None:
            raise HandoffError(
                "wrong username or password (or the account is inactive, or refused for a "
                "while after repeated failures: wait and try again)"
            )
        store = RulesStore(desk.engine, keys=keys)
        actor = store.actor(user.username)
        if readers and not actor.may_govern:
            from handoff.governance.errors import NotAllowed  # noqa: PLC0415

            raise NotAllowed(
                f"{actor.username} is an agent: agents do not see or change rules; ask a "
                "supervisor"
            )
        yield Session(store, actor, keys)


# ------------------------------------------------------------------ rendering


def _when(value: object) -> str:
    """A stored moment (unix seconds, datetime or ISO text) as ``YYYY-MM-DD HH:MM:SSZ``."""
    moment: datetime | None = None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        moment = datetime.fromtimestamp(value, tz=timezone.utc)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    if moment is None:
        return "-"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")


def _short(content_hash: object) -> str:
    return str(content_hash or "")[:12] or "-"


def _as_dict(value: Any) -> dict[str, Any]:
    """A stored JSON-able record (a dict already, or an object with ``to_dict()``)."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        result = to_dict()
        return dict(result) if isinstance(result, Mapping) else {}
    return {}


def _changes(out: Console, changes: Iterable[Any], *, indent: str = "  ") -> int:
    """The semantic diff, as ``handoff diff`` prints it, each change with its kinds."""
    count = 0
    section = ""
    for raw in changes:
        change = _as_dict(raw)
        count += 1
        if change.get("section") != section:
            section = str(change.get("section", ""))
            out.print(f"{indent}{section}", style="bold")
        mark = str(change.get("mark", "~"))
        kinds = ", ".join(sorted(change.get("kinds") or ()))
        out.print(
            Text.assemble(
                f"{indent}  {mark} ",
                (str(change.get("subject", "")), _STYLE.get(mark, "")),
                (f"  [{kinds}]" if kinds else "", "dim"),
            )
        )
        for detail in change.get("details") or ():
            out.print(f"{indent}      {detail}")
        lanes = change.get("lanes") or ()
        if lanes:
            out.print(f"{indent}      can affect: {', '.join(sorted(lanes))}", style="dim")
    return count


def _validation(out: Console, validation: Mapping[str, Any]) -> None:
    tests = validation.get("tests") or {}
    total, passed = int(tests.get("total", 0)), int(tests.get("passed", 0))
    verdict = ("ok", "green") if validation.get("ok") else ("FAILED", "red")
    summary = f"{passed} of {total} rule tests passed" if total else "no rule tests"
    out.print(Text.assemble(("checks    ", "bold"), verdict, f": {summary}"))
    for problem in validation.get("problems") or ():
        out.print(f"  {problem}", style="red")
    for failure in tests.get("failures") or ():
        item = _as_dict(failure)
        name = item.get("case") or item.get("name") or "?"
        out.print(
            f"  FAIL {name}: expected {item.get('expected')}, got {item.get('got')}", style="red"
        )


def _status_lines(out: Console, status: Any) -> None:
    """What the policy still needs (or that it is satisfied), and who approved for what."""
    satisfied = bool(getattr(status, "satisfied", False))
    missing = list(getattr(status, "missing", ()) or ())
    if satisfied:
        out.print(Text.assemble(("approvals ", "bold"), ("complete: ready to publish", "green")))
    else:
        out.print(Text.assemble(("approvals ", "bold"), ("missing", "yellow")))
        for line in missing:
            out.print(f"  needs {line}", style="yellow")


def _backtest(out: Console, backtest: Any) -> None:
    if not backtest:
        out.print(Text.assemble(("backtest  ", "bold"), "none (propose with --backtest or --backtest-rasa)"))
        return
    lines = getattr(backtest, "lines", None)
    if not callable(lines):
        from handoff.governance.backtest import BacktestReport  # noqa: PLC0415

        lines = BacktestReport.from_dict(_as_dict(backtest)).lines
    out.print("backtest", style="bold")
    for line in lines():
        out.print(f"  {line}")


def _proposal(out: Console, store: RulesStore, proposal: Any, *, full: bool) -> None:
    """A proposal: what it is, its checks, its diff against what it was proposed over, what
    the policy still needs against what is live now, and (``full``) backtest and approvals."""
    out.print(
        Text.assemble(
            ("proposal  ", "bold"),
            (_short(proposal.content_hash), "bold"),
            f" {proposal.title!r} by {proposal.author}, {_when(proposal.created_at)}",
        )
    )
    if full:
        out.print(Text.assemble(("hash      ", "bold"), str(proposal.content_hash)))
        if getattr(proposal, "description", ""):
            out.print(Text.assemble(("about     ", "bold"), str(proposal.description)))
    files = getattr(proposal, "files", None) or {}
    out.print(
        Text.assemble(
            ("ruleset   ", "bold"),
            f"{proposal.name} (version {proposal.ruleset_version}), entry {proposal.entry}, "
            f"{len(files)} file{'s' if len(files) != 1 else ''}",
        )
    )
    out.print(Text.assemble(("status    ", "bold"), str(proposal.status)))
    _validation(out, _as_dict(proposal.validation))
    base = getattr(proposal, "base_hash", None)
    changes = list(proposal.changes or ())
    against = f"live {_short(base)}" if base else "nothing published yet (a first version)"
    kinds = ", ".join(sorted(proposal.kinds or ())) or "none"
    out.print(
        Text.assemble(
            ("changes   ", "bold"),
            f"{len(changes)} against {against}; kinds: {kinds}",
        )
    )
    _changes(out, changes)
    if full:
        _backtest(out, proposal.backtest)
        approvals = list(getattr(proposal, "approvals", None) or ())
        out.print(Text.assemble(("approved  ", "bold"), f"{len(approvals)}"))
        for approval in approvals:
            roles = ", ".join(sorted(getattr(approval, "roles", ()) or ()))
            comment = getattr(approval, "comment", "") or ""
            out.print(
                f"  {approval.approver} ({roles}) at {_when(approval.at)}"
                + (f": {comment}" if comment else "")
            )
    if str(proposal.status) == "proposed":
        _status_lines(out, store.status(proposal.content_hash))


# ------------------------------------------------------------------ commands


@cli.group()
def rules() -> None:
    """Propose, approve, publish and roll back rule changes, and audit them.

    A rule set becomes live only when people holding the roles the governance policy
    names have approved its exact content (never its author, never an agent), and a
    supervisor or admin publishes it to the desktop's database; every running action
    server then picks it up. Every step, allowed or refused, is in a hash-chained audit
    trail. docs/GOVERNANCE.md walks through it for designers, approvers, the platform
    team and compliance.

    Every command acts as a desktop user: --as USER (or HANDOFF_USER), with the password
    from HANDOFF_PASSWORD or a prompt without echo, and the desktop's --db (or
    HANDOFF_DESKTOP_DB). Publishing signs with HANDOFF_RULES_KEY (or _FILE).

    \b
    Examples:
      handoff rules propose rules/banking.yaml --tests rules/tests/banking.yaml \\
          --title "Ombudsman cue" --backtest chats.jsonl --as dana
      handoff rules approve 3f2a9c81d0e4 --comment "checked the backtest" --as rita
      handoff rules publish 3f2a9c81d0e4 --reason "CHG-1042" --as ada
      handoff rules audit --verify --export audit.jsonl --as carol
    """


@rules.command()
@click.argument("path", type=EXISTING)
@click.option(
    "--tests",
    "tests",
    type=EXISTING,
    multiple=True,
    metavar="PATH",
    help="Rule test cases (file or folder, as for `handoff test`); repeatable. They run "
    "now and are stored with the version: a failing case blocks approval.",
)
@click.option("--title", required=True, help="One line saying what the change is for.")
@click.option("--description", default="", help="Why, with any ticket or incident reference.")
@click.option(
    "--backtest",
    "backtest_file",
    type=EXISTING_FILE,
    default=None,
    metavar="CONVERSATIONS.jsonl",
    help="Replay logged conversations (the line formats of `handoff replay`) through the "
    "live rules and these, and store what changes.",
)
@click.option(
    "--backtest-rasa",
    "backtest_rasa",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[URL]",
    help="Replay the last conversations of Rasa's SQL event broker database (a URL or a "
    f"SQLite file); without a value, the one {RASA_EVENTS_ENV} names (better for a URL "
    "with a password).",
)
@click.option(
    "--last",
    type=click.IntRange(1, MAX_LAST),
    default=DEFAULT_LAST,
    show_default=True,
    help="How many of the most recent conversations to backtest.",
)
@identity
@guard
def propose(
    path: Path,
    tests: tuple[Path, ...],
    title: str,
    description: str,
    backtest_file: Path | None,
    backtest_rasa: str | None,
    last: int,
    as_user: str,
    db: str,
) -> int:
    """Propose a rules file or folder (with its companion files) for approval.

    The version is identified by the hash of every file's exact bytes: any later edit,
    even a comment, makes a new version with no approvals. Its rules are validated and its
    tests run; with --backtest or --backtest-rasa the last conversations are routed by
    the live rules and by these, and the lanes that move, the counts per rule and every
    red-line or override-lane change are stored beside it. Prints the version's hash and
    what the policy needs before it can be published.

    \b
    Example:
      $ handoff rules propose rules/banking.yaml --tests rules/tests/banking.yaml \\
          --title "Ombudsman cue" --as dana
      proposal  3f2a9c81d0e4 'Ombudsman cue' by dana, 2026-11-24 10:30:00Z
      ...
      approvals missing
        needs 1 approval from risk or compliance (red_lines)
    """
    if backtest_file is not None and backtest_rasa is not None:
        raise click.UsageError("give --backtest or --backtest-rasa, not both")
    rasa_url: str | None = None
    if backtest_rasa is not None:
        rasa_url = backtest_rasa or os.environ.get(RASA_EVENTS_ENV, "").strip()
        if not rasa_url:
            raise click.UsageError(
                f"--backtest-rasa without a URL reads {RASA_EVENTS_ENV}, which is not set"
            )
    from handoff.governance.bundle import RuleBundle  # noqa: PLC0415

    bundle = RuleBundle.from_path(path, tests=tests)
    with session(db, as_user) as current:
        report = None
        if backtest_file is not None or rasa_url is not None:
            report = _run_backtest(current.store, bundle, backtest_file, rasa_url, last)
        proposal = current.store.propose(
            bundle, author=current.actor, title=title, description=description, backtest=report
        )
        out = console()
        _proposal(out, current.store, proposal, full=False)
        if report is not None:
            _backtest(out, report)
        if not _as_dict(proposal.validation).get("ok", False):
            out.print("the checks failed: fix the rules or tests and propose again", style="red")
            return 1
        out.print(
            f"next: someone else approves it: handoff rules approve {_short(proposal.content_hash)}",
            style="dim",
        )
    return 0


def _run_backtest(
    store: RulesStore, bundle: Any, jsonl: Path | None, rasa_url: str | None, last: int
) -> Any:
    """Route the last ``last`` conversations through the live version and ``bundle``."""
    from handoff.governance import backtest as bt  # noqa: PLC0415

    live = store.live()
    before = live.bundle.router() if live is not None else None
    after = bundle.router()
    if jsonl is not None:
        conversations = bt.conversations_from_jsonl(jsonl, last=last)
    else:
        from handoff.desktop.relay import events_url  # noqa: PLC0415

        assert rasa_url is not None
        conversations = bt.conversations_from_rasa(events_url(rasa_url), last=last)
    key = os.environ.get(PSEUDONYM_KEY_ENV)
    return bt.backtest(
        before, after, conversations, pseudonym_key=key.encode("utf-8") if key else None
    )


@rules.command("list")
@click.option(
    "--status",
    type=click.Choice(["proposed", "withdrawn", "all"]),
    default="proposed",
    show_default=True,
    help="Which proposals to list.",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@identity
@guard
def list_(status: str, limit: int, as_user: str, db: str) -> int:
    """List proposals, newest first, with what each still needs.

    \b
    Example:
      $ handoff rules list --as rita
      3f2a9c81d0e4  proposed  needs approval  'Ombudsman cue' by dana, 2026-11-24 10:30:00Z
    """
    with session(db, as_user) as current:
        store = current.store
        live = store.live()
        live_hash = live.content_hash if live is not None else None
        found = store.proposals(status=None if status == "all" else status, limit=limit)
        out = console()
        if not found:
            out.print(f"no {'' if status == 'all' else status + ' '}proposals")
            return 0
        for proposal in found:
            out.print(_row(store, proposal, live_hash))
    return 0


def _row(store: RulesStore, proposal: Any, live_hash: str | None) -> Text:
    content_hash = str(proposal.content_hash)
    if content_hash == live_hash:
        state, style = "live", "green"
    elif str(proposal.status) != "proposed":
        state, style = str(proposal.status), "dim"
    elif not _as_dict(proposal.validation).get("ok", False):
        state, style = "checks failed", "red"
    elif store.status(content_hash).satisfied:
        state, style = "approved", "green"
    else:
        state, style = "needs approval", "yellow"
    return Text.assemble(
        (_short(content_hash), "bold"),
        f"  {str(proposal.status):<9} ",
        (f"{state:<15}", style),
        f" {proposal.title!r} by {proposal.author}, {_when(proposal.created_at)}",
    )


@rules.command()
@click.argument("content_hash", metavar="HASH")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for machines.")
@identity
@guard
def show(content_hash: str, as_json: bool, as_user: str, db: str) -> int:
    """Show a version: its checks, semantic diff, backtest, approvals and what is missing.

    HASH is the version's content hash or a prefix of at least 6 hex digits.

    \b
    Example:
      $ handoff rules show 3f2a9c --as rita
    """
    with session(db, as_user) as current:
        proposal = current.store.get(content_hash)
        if as_json:
            status = current.store.status(proposal.content_hash)
            record = _as_dict(proposal)
            if not record:
                record = {
                    name: _jsonable(getattr(proposal, name, None))
                    for name in (
                        "content_hash", "short", "ruleset_version", "name", "entry", "author",
                        "title", "description", "created_at", "base_hash", "changes", "kinds",
                        "validation", "backtest", "status", "approvals",
                    )
                }  # fmt: skip
                record.pop("files", None)
            record["policy"] = {
                "satisfied": bool(status.satisfied),
                "missing": list(status.missing),
            }
            console().print(json.dumps(_jsonable(record), sort_keys=True, ensure_ascii=False))
            return 0
        _proposal(console(), current.store, proposal, full=True)
    return 0


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, frozenset, set)):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return None
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if callable(getattr(value, "to_dict", None)):
        return _jsonable(value.to_dict())
    if hasattr(value, "__dataclass_fields__"):
        return {name: _jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    return str(value)


@rules.command()
@click.argument("content_hash", metavar="HASH")
@click.option("--comment", default="", help="What you checked (kept in the audit trail).")
@identity
@guard
def approve(content_hash: str, comment: str, as_user: str, db: str) -> int:
    """Approve a version, with the roles you hold now, bound to its exact content.

    Refused for its author (four eyes), for agents, for roles the policy does not ask
    for this change, for a version whose checks failed, and twice by the same person.

    \b
    Example:
      $ handoff rules approve 3f2a9c81d0e4 --comment "backtest reviewed" --as rita
    """
    with session(db, as_user) as current:
        store = current.store
        proposal = store.get(content_hash)
        store.approve(proposal.content_hash, approver=current.actor, comment=comment)
        out = console()
        out.print(f"approved {_short(proposal.content_hash)} as {current.actor.username}")
        _status_lines(out, store.status(proposal.content_hash))
    return 0


@rules.command()
@click.argument("content_hash", metavar="HASH")
@identity
@guard
def withdraw(content_hash: str, as_user: str, db: str) -> int:
    """Withdraw a proposal (its author or an admin); it can no longer be approved or published.

    \b
    Example:
      $ handoff rules withdraw 3f2a9c81d0e4 --as dana
    """
    with session(db, as_user) as current:
        proposal = current.store.get(content_hash)
        current.store.withdraw(proposal.content_hash, actor=current.actor)
        console().print(f"withdrew {_short(proposal.content_hash)}")
    return 0


@rules.command()
@click.argument("content_hash", metavar="HASH")
@click.option("--reason", required=True, help="Why now: a change ticket, an incident.")
@identity
@guard
def publish(content_hash: str, reason: str, as_user: str, db: str) -> int:
    """Publish an approved version: every action server routes with it within seconds.

    Refused unless you may publish (by default supervisors and admins), the approvals
    satisfy the policy for the change against what is live now, and the stored files still
    match the hash and load. The publication is signed with HANDOFF_RULES_KEY.

    \b
    Example:
      $ handoff rules publish 3f2a9c81d0e4 --reason "CHG-1042" --as ada
      published 3f2a9c81d0e4 (ruleset banking, version dd895e823e11) as publication 2
    """
    with session(db, as_user) as current:
        current.need_key("publish")
        proposal = current.store.get(content_hash)
        publication = current.store.publish(
            proposal.content_hash, actor=current.actor, reason=reason
        )
        _published(console(), "published", publication)
    return 0


@rules.command()
@click.argument("content_hash", metavar="HASH")
@click.option("--reason", required=True, help="Why: the incident or ticket.")
@identity
@guard
def rollback(content_hash: str, reason: str, as_user: str, db: str) -> int:
    """Make an earlier published version live again (no new approvals: it had them).

    HASH is any version published before (see `handoff rules history`).

    \b
    Example:
      $ handoff rules rollback 1a2b3c4d5e6f --reason "INC-77: callback lane overflowing" --as ada
    """
    with session(db, as_user) as current:
        current.need_key("roll back")
        proposal = current.store.get(content_hash)
        publication = current.store.rollback(
            proposal.content_hash, actor=current.actor, reason=reason
        )
        _published(console(), "rolled back to", publication)
    return 0


def _published(out: Console, verb: str, publication: Any) -> None:
    out.print(
        f"{verb} {_short(publication.content_hash)} (ruleset version "
        f"{publication.ruleset_version}) as publication {publication.seq}; "
        "action servers pick it up within seconds",
        style="green",
    )


@rules.command()
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True)
@identity
@guard
def history(limit: int, as_user: str, db: str) -> int:
    """Publications and rollbacks, newest first, each signature checked.

    \b
    Example:
      $ handoff rules history --as ada
      2  2026-11-24 11:02:10Z  rollback  1a2b3c4d5e6f  ada  signature ok  'INC-77 …'
    """
    with session(db, as_user) as current:
        store = current.store
        out = console()
        entries = list(store.history(limit))
        if not entries:
            out.print("nothing published yet")
            return 0
        live = store.live()
        bad = 0
        for entry in entries:
            verdict, style = _signature(store, entry, current.keys)
            bad += style == "red"
            mark = " live" if live is not None and entry.seq == live.seq else ""
            out.print(
                Text.assemble(
                    (f"{entry.seq:>4}", "bold"),
                    f"  {_when(entry.at)}  {entry.action:<8}  ",
                    (_short(entry.content_hash), "bold"),
                    f"  {entry.ruleset_version}  {entry.actor}  ",
                    (verdict, style),
                    (mark, "green"),
                    f"  {getattr(entry, 'reason', '')!r}",
                )
            )
    return 1 if bad else 0


def _signature(store: RulesStore, published: Any, keys: Sequence[bytes]) -> tuple[str, str]:
    if not keys:
        return "signature not checked (no key)", "yellow"
    from handoff.governance.errors import CorruptVersion  # noqa: PLC0415

    try:
        full = published if hasattr(published, "bundle") else store.published(published.seq)
        store.verify(full)
    except CorruptVersion as error:
        return f"DOES NOT VERIFY: {error}", "red"
    return "signature ok", "green"


@rules.command()
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option(
    "--export",
    "export",
    type=OUTPUT,
    default=None,
    metavar="FILE",
    help="Write the whole audit trail to FILE (every event, oldest first).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default=None,
    help="The export's format (default: from FILE's extension, else jsonl).",
)
@click.option(
    "--verify",
    is_flag=True,
    help="Check the hash chain of every event (an edited or deleted row is found) and the "
    "signature of every publication (needs HANDOFF_RULES_KEY); exit 1 if anything fails.",
)
@identity
@guard
def audit(
    limit: int, export: Path | None, fmt: str | None, verify: bool, as_user: str, db: str
) -> int:
    """The audit trail: who proposed, approved, refused, published, rolled back, granted.

    Without options, prints the latest events. --export writes all of them (JSON lines or
    CSV, with each row's chain hash, so a copy can be verified elsewhere); --verify
    recomputes the chain and checks every publication's signature.

    \b
    Example:
      $ handoff rules audit --verify --export audit.jsonl --as carol
      wrote 14 events to audit.jsonl
      chain ok: 14 events, hashes match from the first to the last
      signatures ok: 2 publications
    """
    if fmt is not None and export is None:
        raise click.UsageError("--format goes with --export FILE")
    with session(db, as_user) as current:
        store = current.store
        out = console()
        if export is None and not verify:
            events = list(store.events(limit=limit))
            if not events:
                out.print("no events yet")
            for event in events:
                out.print(_event_line(event))
            return 0
        status = 0
        if export is not None:
            chosen = fmt or ("csv" if export.suffix.lower() == ".csv" else "jsonl")
            with export.open("w", encoding="utf-8", newline="") as stream:
                written = store.export(stream, fmt=chosen)
            count = f"{written} events" if isinstance(written, int) else "the events"
            out.print(f"wrote {count} to {export} ({chosen})")
        if verify:
            status = max(status, _verify(out, store, current.keys))
    return status


def _event_line(event: Any) -> Text:
    detail = _as_dict(getattr(event, "detail", None))
    note = detail.get("reason") or detail.get("role") or detail.get("comment") or ""
    if isinstance(note, str) and len(note) > 80:
        note = note[:79] + "…"
    return Text.assemble(
        (f"{event.seq:>5}", "bold"),
        f"  {_when(event.at)}  {event.actor:<16} ",
        (f"{event.action:<9}", "red" if event.action == "refuse" else ""),
        f" {_short(event.content_hash) if event.content_hash else '':<12}",
        f"  {note}" if note else "",
    )


def _verify(out: Console, store: RulesStore, keys: Sequence[bytes]) -> int:
    report = store.verify_chain()
    status = 0
    if getattr(report, "ok", False):
        out.print(f"chain ok: {report}", style="green")
    else:
        out.print(f"CHAIN BROKEN: {report}", style="red")
        status = 1
    if not keys:
        out.print(
            f"signatures not checked: set {KEY_ENV} (or {KEY_ENV}_FILE) to verify them",
            style="yellow",
        )
        return status
    publications = list(store.history(1_000_000))
    failures = 0
    for entry in publications:
        verdict, style = _signature(store, entry, keys)
        if style == "red":
            failures += 1
            out.print(f"publication {entry.seq} ({_short(entry.content_hash)}): {verdict}")
    if failures:
        out.print(f"SIGNATURES: {failures} of {len(publications)} do not verify", style="red")
        return 1
    out.print(f"signatures ok: {len(publications)} publications", style="green")
    return status


@rules.command()
@click.argument("username")
@click.argument("role")
@identity
@guard
def grant(username: str, role: str, as_user: str, db: str) -> int:
    """Give a desktop user a governance role the policy names (admins only).

    Roles are lower-case words such as team_lead, risk or compliance; agents cannot
    hold any.

    \b
    Example:
      $ handoff rules grant rita risk --as ada
      rita now holds: risk
    """
    with session(db, as_user) as current:
        current.store.grant(username, role, actor=current.actor)
        _holds(current.store, username)
    return 0


@rules.command()
@click.argument("username")
@click.argument("role")
@identity
@guard
def revoke(username: str, role: str, as_user: str, db: str) -> int:
    """Take a governance role away from a user (admins only). Approvals already given stay
    on record with the roles held then, but count only if the roles still qualify.

    \b
    Example:
      $ handoff rules revoke rita risk --as ada
    """
    with session(db, as_user) as current:
        current.store.revoke(username, role, actor=current.actor)
        _holds(current.store, username)
    return 0


def _holds(store: RulesStore, username: str) -> None:
    actor = store.actor(username)
    grants = ", ".join(sorted(actor.grants)) or "no governance roles"
    console().print(f"{actor.username} ({actor.role}) now holds: {grants}")


@rules.group()
def policy() -> None:
    """Who may approve which kind of change, and who may publish.

    \b
    Examples:
      handoff rules policy show --as ada
      handoff rules policy set rules/governance.yaml --as ada
    """


@policy.command("show")
@identity
@guard
def policy_show(as_user: str, db: str) -> int:
    """Print the live policy (YAML, as `policy set` takes it) and its hash."""
    with session(db, as_user) as current:
        live = current.store.policy()
        out = console()
        out.print(f"# policy {live.hash[:12]}", style="dim")
        out.print(live.to_text().rstrip("\n"))
    return 0


@policy.command("set")
@click.argument("path", type=EXISTING_FILE)
@identity
@guard
def policy_set(path: Path, as_user: str, db: str) -> int:
    """Replace the policy with a YAML file (admins only); problems are shown as file:line.

    \b
    Example:
      $ handoff rules policy set rules/governance.yaml --as ada
    """
    from handoff.governance.policy import Policy  # noqa: PLC0415

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise HandoffError(f"{path}: not UTF-8 text") from None
    Policy.from_path(path)  # file:line problems before anything is stored
    with session(db, as_user) as current:
        current.store.set_policy(text, actor=current.actor)
        live = current.store.policy()
        console().print(f"policy {live.hash[:12]} is live from now on")
    return 0
