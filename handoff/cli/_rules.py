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
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

import click
from rich.console import Console
from rich.text import Text

from handoff.cli._app import EXISTING, EXISTING_FILE, OUTPUT, cli, console, guard
from handoff.cli._desktop import db_option, desktop_module
from handoff.errors import HandoffError

if TYPE_CHECKING:
    from handoff.governance.actor import Actor
    from handoff.governance.backtest import BacktestReport
    from handoff.governance.bundle import RuleBundle
    from handoff.governance.policy import PolicyStatus
    from handoff.governance.store import ChainReport, Event, Proposal, Publication, RulesStore

__all__ = ["KEY_ENV", "PASSWORD_ENV", "USER_ENV", "rules"]

F = TypeVar("F", bound=Callable[..., Any])

USER_ENV = "HANDOFF_USER"
PASSWORD_ENV = "HANDOFF_PASSWORD"
KEY_ENV = "HANDOFF_RULES_KEY"
RASA_EVENTS_ENV = "HANDOFF_DESKTOP_RASA_EVENTS"
# As handoff.governance.backtest (imported only when a command runs).
DEFAULT_LAST = 500
MAX_LAST = 100_000
# The fields of an exported audit event that its hash covers or links.
_EXPORT_KEYS = ("seq", "at", "actor", "action", "content_hash", "detail", "prev_hash", "hash")
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


@contextlib.contextmanager
def session(db: str, username: str) -> Iterator[Session]:
    """Authenticate ``username`` against the desktop's database and open the store.

    The keys and the database are checked first (a missing key file or an un-migrated
    database is reported before the password prompt). Agents are refused here, for
    reading too (the desktop's rules pages answer them 403); the store refuses them again
    for every change.
    """
    # The store and the desktop log each step for operators; a command prints its own
    # outcome, so their records must not reach the terminal through logging's last resort.
    quiet = logging.getLogger("handoff")
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
    module = desktop_module()
    from handoff.governance.errors import NotAllowed  # noqa: PLC0415
    from handoff.governance.store import RulesStore, keys_from_env  # noqa: PLC0415

    keys = keys_from_env()
    with module.Desktop(db) as desk:
        desk.check()
        user = desk.authenticate(username, _password(username))
        if user is None:
            raise HandoffError(
                "wrong username or password (or the account is inactive, or refused for a "
                "while after repeated failures: wait and try again)"
            )
    with RulesStore(db, keys=keys) as store:
        actor = store.actor(user.username)
        if not actor.may_govern:
            raise NotAllowed(
                f"{actor.username} is an agent: agents do not see or change rules; ask a supervisor"
            )
        yield Session(store, actor, keys)


# ------------------------------------------------------------------ rendering


def _when(moment: datetime) -> str:
    """A stored moment as ``YYYY-MM-DD HH:MM:SSZ`` (UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")


def _label(heading: str) -> tuple[str, str]:
    return (f"{heading:<10}", "bold")


def _changes(out: Console, changes: Iterable[Mapping[str, Any]]) -> None:
    """The semantic diff as ``handoff diff`` prints it, each change with its kinds."""
    section = ""
    for change in changes:
        if change.get("section") != section:
            section = str(change.get("section", ""))
            out.print(f"  {section}", style="bold")
        mark = str(change.get("mark", "~"))
        kinds = ", ".join(change.get("kinds") or ())
        out.print(
            Text.assemble(
                f"    {mark} ",
                (str(change.get("subject", "")), _STYLE.get(mark, "")),
                (f"  [{kinds}]" if kinds else "", "dim"),
            )
        )
        for detail in change.get("details") or ():
            out.print(f"        {detail}")
        lanes = change.get("lanes") or ()
        if lanes:
            out.print(f"        can affect: {', '.join(lanes)}", style="dim")


def _validation(out: Console, validation: Mapping[str, Any], *, full: bool) -> None:
    """The checks as they were run when the version was proposed (they never change);
    ``full`` adds what the rule tests cover."""
    from handoff.governance.checks import Validation  # noqa: PLC0415

    checked = Validation.from_dict(validation)
    tests = checked.tests
    verdict = ("ok", "green") if checked.ok else ("FAILED", "red")
    summary = f"{tests.passed} of {tests.total} rule tests passed" if tests.total else "no tests"
    out.print(Text.assemble(_label("checks"), verdict, f": {summary}"))
    coverage = ("rule coverage", "  not exercised", "lanes never reached")
    for line in checked.lines()[1:-1]:
        if line.startswith("tests: ") or (not full and line.startswith(coverage)):
            continue
        out.print(f"  {line}", style="" if checked.ok else "red")


def _status(out: Console, status: PolicyStatus) -> None:
    """Each approval the policy asks for the change against what is live now, who gave it."""
    verdict = ("complete: ready to publish", "green") if status.satisfied else ("missing", "yellow")
    out.print(Text.assemble(_label("approvals"), verdict))
    for item in status.requirements:
        need = item.requirement
        who = f": {', '.join(item.approvers)}" if item.approvers else ""
        out.print(
            Text.assemble(
                f"  {need.kind:<15} {' or '.join(need.roles):<28} ",
                (
                    f"{len(item.approvers)} of {need.count}{who}",
                    "green" if item.satisfied else "yellow",
                ),
            )
        )


def _backtest(out: Console, report: Mapping[str, Any] | None) -> None:
    if report is None:
        out.print(
            Text.assemble(_label("backtest"), "none (propose with --backtest or --backtest-rasa)")
        )
        return
    from handoff.governance.backtest import BacktestReport  # noqa: PLC0415

    first, *rest = BacktestReport.from_dict(report).lines()
    out.print(Text.assemble(_label("backtest"), first.removeprefix("backtest: ")))
    for line in rest:
        out.print(f"  {line}")


def _proposal(
    out: Console, store: RulesStore, proposal: Proposal, *, full: bool, backtest: bool = False
) -> None:
    """A version: what it is, its checks, its diff against the version live when it was
    proposed, what the policy needs now and (``full``) backtest and approvals."""
    out.print(
        Text.assemble(
            _label("version"),
            (proposal.short, "bold"),
            f" {proposal.title!r} by {proposal.author}",
            f", {_when(proposal.created_at)}" if full else "",
        )
    )
    if full:
        out.print(Text.assemble(_label("hash"), proposal.content_hash))
        if proposal.description:
            out.print(Text.assemble(_label("about"), proposal.description))
    out.print(
        Text.assemble(
            _label("ruleset"),
            f"{proposal.name} (version {proposal.ruleset_version}), entry {proposal.entry}",
        )
    )
    state = proposal.status + (", published before" if proposal.published else "")
    out.print(Text.assemble(_label("status"), state))
    _validation(out, proposal.validation, full=full)
    if proposal.base_hash:
        count = len(proposal.changes)
        out.print(
            Text.assemble(
                _label("changes"),
                f"{count} in routing against {proposal.base_hash[:12]} (live when proposed); "
                f"kinds: {', '.join(proposal.kinds) or 'none'}",
            )
        )
        _changes(out, proposal.changes)
    else:
        out.print(
            Text.assemble(
                _label("changes"), "a first version (nothing was live): it counts as every kind"
            )
        )
    if full or (backtest and proposal.backtest is not None):
        _backtest(out, proposal.backtest)
    if full:
        out.print(Text.assemble(_label("approved"), f"{len(proposal.approvals)}"))
        for approval in proposal.approvals:
            comment = f": {approval.comment}" if approval.comment else ""
            out.print(
                f"  {approval.approver} ({', '.join(approval.roles)}) at "
                f"{_when(approval.at)}{comment}"
            )
    if proposal.status != "proposed":
        return
    if not proposal.valid:
        out.print(Text.assemble(_label("approvals"), ("none possible: the checks failed", "red")))
        return
    _status(out, store.status(proposal.content_hash))


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
    *,
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
        _proposal(out, current.store, proposal, full=False, backtest=True)
        if not proposal.valid:
            out.print("the checks failed: fix the rules or tests and propose again", style="red")
            return 1
        out.print(
            f"next: someone else approves it: handoff rules approve {proposal.short}",
            style="dim",
        )
    return 0


def _run_backtest(
    store: RulesStore, bundle: RuleBundle, jsonl: Path | None, rasa_url: str | None, last: int
) -> BacktestReport:
    """Route the last ``last`` conversations through the live version and ``bundle``."""
    from handoff.governance import backtest as bt  # noqa: PLC0415

    live = store.live()
    before = live.rules.router() if live is not None else None
    after = bundle.router()
    if jsonl is not None:
        conversations = bt.conversations_from_jsonl(jsonl, last=last)
    else:
        assert rasa_url is not None
        conversations = bt.conversations_from_rasa(rasa_url, last=last)
    # Samples are named by pseudonyms keyed with $HANDOFF_PSEUDONYM_KEY, as in payloads.
    return bt.backtest(before, after, conversations)


@rules.command("list")
@click.option(
    "--status",
    type=click.Choice(["proposed", "withdrawn", "all"]),
    default="proposed",
    show_default=True,
    help="Which versions to list.",
)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@identity
@guard
def list_(status: str, limit: int, as_user: str, db: str) -> int:
    """List proposed versions, newest first, with where each one stands.

    \b
    Example:
      $ handoff rules list --as rita
      3f2a9c81d0e4  needs approval  'Ombudsman cue' by dana, 2026-11-24 10:30:00Z
    """
    with session(db, as_user) as current:
        store = current.store
        live = store.live()
        found = store.proposals(status=None if status == "all" else status, limit=limit)
        out = console()
        if not found:
            out.print(f"no {'' if status == 'all' else status + ' '}versions")
            return 0
        for proposal in found:
            state, style = _standing(store, proposal, live.content_hash if live else None)
            out.print(
                Text.assemble(
                    (proposal.short, "bold"),
                    "  ",
                    (f"{state:<16}", style),
                    f" {proposal.title!r} by {proposal.author}, {_when(proposal.created_at)}",
                )
            )
    return 0


def _standing(store: RulesStore, proposal: Proposal, live_hash: str | None) -> tuple[str, str]:
    if proposal.content_hash == live_hash:
        return "live", "green"
    if proposal.status != "proposed":
        return proposal.status, "dim"
    if not proposal.valid:
        return "checks failed", "red"
    if proposal.published:
        return "published before", ""
    if store.status(proposal.content_hash).satisfied:
        return "approved", "green"
    return "needs approval", "yellow"


@rules.command()
@click.argument("ref", metavar="HASH")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for machines.")
@identity
@guard
def show(ref: str, as_json: bool, as_user: str, db: str) -> int:
    """Show a version: its checks, semantic diff, backtest, approvals and what is missing.

    HASH is the version's content hash or a prefix of at least 6 hex digits.

    \b
    Example:
      $ handoff rules show 3f2a9c --as rita
    """
    with session(db, as_user) as current:
        proposal = current.store.get(ref)
        if not as_json:
            _proposal(console(), current.store, proposal, full=True)
            return 0
        record = proposal.to_dict()
        if proposal.status == "proposed":
            status = current.store.status(proposal.content_hash)
            record["policy"] = status.to_dict()
        click.echo(json.dumps(record, sort_keys=True, ensure_ascii=False))
    return 0


@rules.command()
@click.argument("ref", metavar="HASH")
@click.option("--comment", default="", help="What you checked (kept in the audit trail).")
@identity
@guard
def approve(ref: str, comment: str, as_user: str, db: str) -> int:
    """Approve a version, with the roles you hold now, bound to its exact content.

    Refused for its author (four eyes), for agents, for anyone holding none of the roles
    the policy asks for this change, for a version whose checks failed, and twice by the
    same person. Refusals are recorded in the audit trail too.

    \b
    Example:
      $ handoff rules approve 3f2a9c81d0e4 --comment "backtest reviewed" --as rita
    """
    with session(db, as_user) as current:
        store = current.store
        proposal = store.get(ref)
        approval = store.approve(proposal.content_hash, approver=current.actor, comment=comment)
        out = console()
        out.print(f"approved {proposal.short} as {approval.approver} ({', '.join(approval.roles)})")
        _status(out, store.status(proposal.content_hash))
    return 0


@rules.command()
@click.argument("ref", metavar="HASH")
@identity
@guard
def withdraw(ref: str, as_user: str, db: str) -> int:
    """Withdraw a version never published (its author or an admin); it can no longer be
    approved or published, and stays on record.

    \b
    Example:
      $ handoff rules withdraw 3f2a9c81d0e4 --as dana
    """
    with session(db, as_user) as current:
        full = current.store.get(ref).content_hash
        proposal = current.store.withdraw(full, actor=current.actor)
        console().print(f"withdrew {proposal.short}")
    return 0


@rules.command()
@click.argument("ref", metavar="HASH")
@click.option("--reason", required=True, help="Why now: a change ticket, an incident.")
@identity
@guard
def publish(ref: str, reason: str, as_user: str, db: str) -> int:
    """Publish an approved version: every action server routes with it within seconds.

    Refused unless you may publish (by default supervisors and admins), the approvals
    satisfy the policy for the change against what is live now, and the stored files still
    match the hash and load. The publication is signed with HANDOFF_RULES_KEY (or _FILE);
    the action servers load only what verifies with their copy of the key.

    \b
    Example:
      $ handoff rules publish 3f2a9c81d0e4 --reason "CHG-1042" --as ada
    """
    with session(db, as_user) as current:
        full = current.store.get(ref).content_hash  # refusals are recorded against it
        publication = current.store.publish(full, actor=current.actor, reason=reason)
        _published(console(), "published", publication)
    return 0


@rules.command()
@click.argument("ref", metavar="HASH")
@click.option("--reason", required=True, help="Why: the incident or ticket.")
@identity
@guard
def rollback(ref: str, reason: str, as_user: str, db: str) -> int:
    """Make an earlier published version live again (no new approvals: it had them).

    HASH is any version published before but not live now (see `handoff rules history`).
    Recorded like a publication, with the diff against what was live.

    \b
    Example:
      $ handoff rules rollback 1a2b3c4d5e6f --reason "INC-77: callbacks overflowing" --as ada
    """
    with session(db, as_user) as current:
        full = current.store.get(ref).content_hash
        publication = current.store.rollback(full, actor=current.actor, reason=reason)
        _published(console(), "rolled back to", publication)
    return 0


def _published(out: Console, verb: str, publication: Publication) -> None:
    out.print(
        f"{verb} {publication.content_hash[:12]} (ruleset version "
        f"{publication.ruleset_version}) as publication {publication.seq}; "
        "the action servers pick it up within seconds",
        style="green",
    )


@rules.command()
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@identity
@guard
def history(limit: int, as_user: str, db: str) -> int:
    """Publications and rollbacks, newest first, each signature checked (with the key).

    Exit status 1 if a signature does not verify.

    \b
    Example:
      $ handoff rules history --as ada
         2  2026-11-24 11:02:10Z  rollback  1a2b3c4d5e6f  by ada  signature ok  live
             'INC-77: callbacks overflowing'
    """
    with session(db, as_user) as current:
        store = current.store
        out = console()
        entries = store.history(limit)
        if not entries:
            out.print("nothing published yet")
            return 0
        from handoff.governance.errors import CorruptVersion  # noqa: PLC0415

        bad = 0
        for index, entry in enumerate(entries):
            if not current.keys:
                verdict, style = "signature not checked (no key)", "yellow"
            else:
                try:
                    store.verify(store.published(entry.seq))
                    verdict, style = "signature ok", "green"
                except CorruptVersion as error:
                    verdict, style = f"DOES NOT VERIFY: {error}", "red"
                    bad += 1
            out.print(
                Text.assemble(
                    (f"{entry.seq:>4}", "bold"),
                    f"  {_when(entry.at)}  {entry.action:<8}  ",
                    (entry.content_hash[:12], "bold"),
                    f"  by {entry.actor}  ",
                    (verdict, style),
                    ("  live" if index == 0 else "", "green"),
                )
            )
            out.print(f"      {entry.reason!r}", style="dim")
    return 1 if bad else 0


@rules.command()
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option(
    "--export",
    "export",
    type=OUTPUT,
    default=None,
    metavar="FILE",
    help="Write the whole audit trail to FILE, oldest first, with each event's hashes.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv"]),
    default=None,
    help="The export's format (default: csv for a .csv FILE, else jsonl).",
)
@click.option(
    "--verify",
    is_flag=True,
    help="Recompute the hash chain (an edited, inserted or deleted event shows), check that "
    "every stored version, approval, publication, policy and grant has its event, and "
    "every publication's signature (with HANDOFF_RULES_KEY); exit 1 if anything fails.",
)
@identity
@guard
def audit(
    *, limit: int, export: Path | None, fmt: str | None, verify: bool, as_user: str, db: str
) -> int:
    """The audit trail: who proposed, approved, was refused, published, rolled back, granted.

    Without options, prints the latest events, newest first. --export writes every event
    (JSON lines or CSV) with the exact detail text that was hashed and both hashes, so a
    copy can be checked again elsewhere (handoff rules verify-export); --verify checks the
    trail in the database.

    \b
    Example:
      $ handoff rules audit --verify --export audit.jsonl --as carol
      wrote 14 events to audit.jsonl (jsonl)
      audit trail intact: 14 events, head 5be0c2a91f3d, 2 signed publication(s) anchoring it
    """
    if fmt is not None and export is None:
        raise click.UsageError("--format goes with --export FILE")
    with session(db, as_user) as current:
        store = current.store
        out = console()
        if export is None and not verify:
            events = store.events(limit=limit)
            if not events:
                out.print("no events yet")
            for event in events:
                out.print(_event_line(event))
            return 0
        if export is not None:
            chosen: Literal["jsonl", "csv"] = (
                "csv" if (fmt or export.suffix.lower().lstrip(".")) == "csv" else "jsonl"
            )
            with export.open("w", encoding="utf-8", newline="") as stream:
                written = store.export(stream, fmt=chosen)
            out.print(f"wrote {written} events to {export} ({chosen})")
        if verify:
            return _report(out, store.verify_chain(), keys=bool(current.keys))
    return 0


def _report(out: Console, report: ChainReport, *, keys: bool) -> int:
    for number, line in enumerate(report.lines()):
        out.print(line, style=("green" if report.ok else "red") if number == 0 else "red")
    if not keys:
        out.print(
            f"publication signatures not checked: set {KEY_ENV} (or {KEY_ENV}_FILE)",
            style="yellow",
        )
    return 0 if report.ok else 1


def _event_line(event: Event) -> Text:
    detail = event.detail
    note = ""
    if event.action == "refuse":
        note = f"{detail.get('attempted', '?')}: {detail.get('reason', '')}"
    elif event.action in ("publish", "rollback"):
        note = str(detail.get("reason", ""))
    elif event.action in ("grant", "revoke"):
        note = f"{detail.get('role', '?')} to {detail.get('user', '?')}"
    elif event.action == "approve":
        note = str(detail.get("comment", ""))
    elif event.action == "propose":
        note = str(detail.get("title", ""))
    if len(note) > 100:
        note = note[:99] + "…"
    return Text.assemble(
        (f"{event.seq:>5}", "bold"),
        f"  {_when(event.at)}  {event.actor:<12} ",
        (f"{event.action:<9}", "red" if event.action == "refuse" else ""),
        f" {(event.content_hash or '')[:12]:<12}",
        f"  {note}" if note else "",
    )


@rules.command("verify-export")
@click.argument("path", type=EXISTING_FILE)
@guard
def verify_export(path: Path) -> int:
    """Check an exported audit trail (JSON lines) without the database or a login.

    Recomputes every event's hash from the one before it: an event edited, inserted,
    deleted or reordered in the file shows (exit 1). Compare the head it prints with the
    head noted when the export was taken (or a later export's event of that number) to
    find events cut off at the end.

    \b
    Example:
      $ handoff rules verify-export audit.jsonl
      export intact: 14 events, head 5be0c2a91f3d…
    """
    from handoff.governance.store import verify_records  # noqa: PLC0415

    records: list[dict[str, Any]] = []
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                raise HandoffError(f"{path}:{number}: not a JSON line") from None
            missing = [
                key for key in _EXPORT_KEYS if not isinstance(record, dict) or key not in record
            ]
            if missing:
                raise HandoffError(
                    f"{path}:{number}: not an audit event (no {', '.join(missing)}); export "
                    "one with handoff rules audit --export FILE.jsonl"
                )
            records.append(record)
    report = verify_records(records)
    out = console()
    verdict = "intact" if report.ok else "BROKEN"
    out.print(
        f"export {verdict}: {report.events} events, head {report.head}",
        style="green" if report.ok else "red",
    )
    for problem in report.problems:
        out.print(f"  - {problem}", style="red")
    if report.more:
        out.print(f"  ... and {report.more} more", style="red")
    return 0 if report.ok else 1


@rules.command()
@click.argument("username")
@click.argument("role")
@identity
@guard
def grant(username: str, role: str, as_user: str, db: str) -> int:
    """Give a desktop user a governance role the policy names (admins only).

    Roles are lower-case words such as team_lead, risk or compliance; agents cannot hold
    any. Recorded in the audit trail.

    \b
    Example:
      $ handoff rules grant rita risk --as ada
      rita (supervisor) now holds: risk
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
    """Take a governance role away from a user (admins only).

    Approvals given before stay on record with the roles held then; from now on the policy
    counts the user's current roles.

    \b
    Example:
      $ handoff rules revoke rita risk --as ada
    """
    with session(db, as_user) as current:
        current.store.revoke(username, role, actor=current.actor)
        _holds(current.store, username)
    return 0


def _holds(store: RulesStore, username: str) -> None:
    actor = store.actor(username.strip().lower())
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
