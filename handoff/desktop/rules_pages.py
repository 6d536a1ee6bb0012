"""The desktop's governance pages: propose, approve, publish and roll back rule sets.

Supervisors and admins only (agents get 403 and see no links); every POST goes through the
desktop's session and CSRF check (:func:`handoff.desktop.app.create_app` wires these routes
in). The governance store (:class:`~handoff.governance.store.RulesStore`, over the desktop's
own database) decides and records every step, allowed or refused; the pages show the forms
only to whom they are meant, and the store enforces it anyway.

=====================================  =======================================================
``GET /rules``                         the live version, the proposals with their approvals,
                                       the publication history (roll back to a published one)
``GET|POST /rules/new``                upload a rules file, its companion files (experiment
                                       arms, shadow rules) and rule tests (multipart, bounded);
                                       validated, tested, backtested over the last N
                                       conversations of Rasa's events database when the
                                       desktop relays one, and stored as a proposal
``GET /rules/{hash}``                  one version: validation, tests, semantic diff,
                                       backtest, approvals and what is still missing
``POST /rules/{hash}/{action}``        approve (comment), withdraw, publish (reason), rollback
                                       (reason)
``GET /rules/audit``                   the governance audit trail and its hash chain's status;
``/rules/audit.csv``, ``.jsonl``       exports of the whole trail
``GET|POST /admin/grants``             admins grant and revoke governance roles (team_lead,
                                       risk, compliance...)
=====================================  =======================================================

Errors map to status codes: NotAllowed 403, NotFound 404, Conflict, NotApproved and
CorruptVersion 409, other governance errors (a bundle over a limit) 422; a rule set that does
not load (RulesError) is shown as its ``file:line`` list (422).
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from handoff.desktop.records import User
from handoff.errors import RulesError
from handoff.governance.errors import (
    Conflict,
    CorruptVersion,
    GovernanceError,
    NotAllowed,
    NotApproved,
    NotFound,
)

if TYPE_CHECKING:
    from handoff.governance.actor import Actor
    from handoff.governance.backtest import BacktestReport
    from handoff.governance.bundle import RuleBundle
    from handoff.governance.policy import Policy
    from handoff.governance.store import RulesStore
    from handoff.router import Router

__all__ = [
    "GOVERNANCE_STATUS",
    "MAX_UPLOAD_BYTES",
    "NOTICES",
    "UPLOAD_PATH",
    "Kit",
    "Refused",
    "RulesPages",
    "rules_routes",
]

log = logging.getLogger("handoff.desktop.rules")

UPLOAD_PATH = "/rules/new"
# A bundle holds at most 4 MiB of files (RuleBundle.from_files refuses more); the multipart
# framing of up to 64 files and the text fields fit in the extra 256 KiB.
MAX_FILE_BYTES = 1024 * 1024
MAX_UPLOAD_BYTES = 4 * 1024 * 1024 + 256 * 1024
MAX_UPLOAD_FILES = 64
MAX_TITLE = 200
MAX_DESCRIPTION = 4000
MAX_COMMENT = 2000
MAX_REASON = 2000
# Backtests replay stored conversations through two routers: bounded, as it runs on request.
DEFAULT_BACKTEST_LAST = 200
MAX_BACKTEST_LAST = 2000
HASH_REF = re.compile(r"[0-9a-f]{6,64}")
ROLE_NAME = re.compile(r"[a-z_]{1,32}")
# The names a browser sends for uploaded files; the bundle checks them again.
FILE_NAME = re.compile(r"[A-Za-z0-9._-]{1,100}")
ACTIONS = ("approve", "withdraw", "publish", "rollback")
EVENTS_PAGE = 100

# Redirect notices (codes, so no input is ever reflected).
NOTICES = {
    "proposed": "Proposed. Approvers see it on the rules page.",
    "approved": "Approved. Your approval is bound to this exact content hash.",
    "withdrawn": "Withdrawn.",
    "published": "Published. Action servers pick it up within seconds.",
    "rolled_back": "Rolled back. Action servers pick it up within seconds.",
    "granted": "Role granted.",
    "revoked": "Role revoked.",
}

# Governance errors -> HTTP status (the first match wins: subclasses before their base).
GOVERNANCE_STATUS: tuple[tuple[type[Exception], int], ...] = (
    (NotAllowed, 403),
    (NotFound, 404),
    (Conflict, 409),
    (NotApproved, 409),
    (CorruptVersion, 409),
    (GovernanceError, 422),
    (RulesError, 422),
)


class Refused(Exception):
    """An error page to send instead of the normal response (status and message)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Visit(Protocol):
    """A logged-in request as :mod:`handoff.desktop.app` knows it."""

    @property
    def user(self) -> User: ...


Handler = Callable[[Request, Any], Awaitable[Response]]
FormHandler = Callable[[Request, Any, FormData], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Kit:
    """What the app lends these pages: rendering, its session wrappers and its thread pool.

    ``logged_in`` wraps a page (anonymous visitors go to the login page), ``posted`` a form
    action (401 without a session, 403 without the CSRF token), ``uploaded`` the same for a
    multipart form with files; ``call`` runs blocking work (the database) in a thread.
    """

    page: Callable[..., HTMLResponse]
    logged_in: Callable[[Handler], Endpoint]
    posted: Callable[[FormHandler], Endpoint]
    uploaded: Callable[[FormHandler], Endpoint]
    call: Callable[..., Awaitable[Any]]


@dataclass
class RulesPages:
    """The governance pages' configuration.

    ``store``: the governance store over the desktop's database (its HMAC keys sign
    publications: without one, publishing and rolling back are refused, saying so).
    ``events_url``: Rasa's SQL event broker database the desktop relays; with it, an upload
    may be backtested over its last ``backtest_last`` conversations (at most
    ``MAX_BACKTEST_LAST``). ``baseline``: the router the action servers use while nothing is
    published (the desktop's ``--rules``), compared against in backtests until a version is
    live. ``pseudonym_key``: the action server's HANDOFF_PSEUDONYM_KEY (backtest samples name
    conversations by it; default: read from the environment as the relay does).
    """

    store: RulesStore | None = None
    events_url: str | None = None
    baseline: Router | None = None
    pseudonym_key: bytes | None = None
    backtest_last: int = DEFAULT_BACKTEST_LAST
    engine: Any = None
    _key: bytes | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.store is None and self.engine is None:
            raise ValueError("RulesPages needs a store, or the engine to open one on")

    @classmethod
    def over(cls, engine: Any, **options: Any) -> RulesPages:
        """Pages over a store on ``engine`` (the desktop's), without signing keys; the store
        is opened at the first request (apps that never show these pages never open it)."""
        return cls(engine=engine, **options)

    def rules_store(self) -> RulesStore:
        """The governance store (opened on first use when built with :meth:`over`)."""
        if self.store is None:
            from handoff.governance.store import RulesStore  # noqa: PLC0415

            self.store = RulesStore(self.engine)
        return self.store

    def key(self) -> bytes:
        """The pseudonym key of backtest samples (the relay's, so the ids match)."""
        if self._key is None:
            from handoff.payload import pseudonym_key  # noqa: PLC0415

            self._key = pseudonym_key(self.pseudonym_key)
        return self._key

    def run_backtest(self, bundle: RuleBundle, last: int) -> BacktestReport:
        """Replay the last ``last`` conversations of the events database through the live
        version (or the baseline) and ``bundle`` (blocking; call it in a thread)."""
        from handoff.governance.backtest import backtest, conversations_from_rasa  # noqa: PLC0415

        if self.events_url is None:
            raise Refused(422, "this desktop has no Rasa events database to backtest over")
        key = self.key()
        after = bundle.router(pseudonym_key=key)
        live = self.rules_store().live()
        before = self.baseline
        if live is not None:
            try:
                before = live.rules.router(pseudonym_key=key)
            except (GovernanceError, RulesError):
                raise Refused(
                    409,
                    f"the live version {live.content_hash[:12]} no longer loads, so there is "
                    "nothing to compare with; propose without a backtest and check "
                    "/rules/audit",
                ) from None
        try:
            conversations = list(conversations_from_rasa(self.events_url, last=last))
        except GovernanceError as error:
            # The reader's message never shows the database's password.
            log.error("rules: the backtest could not read the events database")
            raise Refused(503, f"{error}; try again, or propose without a backtest") from None
        return backtest(before, after, conversations, pseudonym_key=key)


def governance_status(error: Exception) -> int | None:
    """The HTTP status of a governance or rules error, or None for other errors."""
    for kind, status in GOVERNANCE_STATUS:
        if isinstance(error, kind):
            return status
    return None


def _may_govern(user: User) -> bool:
    return user.role in ("supervisor", "admin")


def _require_governor(user: User) -> None:
    if not _may_govern(user):
        raise Refused(403, "only supervisors and admins see and change the routing rules")


def _require_admin(user: User) -> None:
    if user.role != "admin":
        raise Refused(403, "only admins grant and revoke governance roles")


def _ref(request: Request) -> str:
    ref = str(request.path_params["ref"]).lower()
    if not HASH_REF.fullmatch(ref):
        raise Refused(404, "no rules version has that hash (give at least 6 hex digits)")
    return ref


def _text(form: FormData, name: str, limit: int) -> str:
    value = form.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise Refused(400, f"the field {name!r} must be text")
    if len(value) > limit:
        raise Refused(422, f"the field {name!r} is longer than {limit} characters; shorten it")
    return value


def _uploads(form: FormData, name: str) -> list[UploadFile]:
    found = []
    for value in form.getlist(name):
        if isinstance(value, UploadFile):
            if value.filename or value.size:  # an empty file input sends a nameless part
                found.append(value)
        elif value:
            raise Refused(400, f"the field {name!r} must be a file upload")
    return found


def _file_name(upload: UploadFile) -> str:
    # Browsers send the base name; some old ones a whole client path: keep its last part.
    raw = (upload.filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    if not FILE_NAME.fullmatch(raw) or raw in (".", ".."):
        shown = raw[:60].encode("ascii", "replace").decode()
        raise Refused(
            422,
            f"the file name {shown!r} is not usable: use letters, digits, '.', '_' and '-' "
            "only (at most 100 characters)",
        )
    return raw


async def _read(upload: UploadFile, name: str) -> bytes:
    data = await upload.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise Refused(413, f"{name} is larger than {MAX_FILE_BYTES // 1024} KiB; split it")
    return data


async def bundle_files(form: FormData) -> tuple[str, dict[str, bytes]]:
    """The bundle's entry and files from the upload form: ``rules`` (the rules file),
    ``companions`` (the arm and shadow files it names), ``tests`` (rule tests, stored under
    ``tests/``)."""
    rules = _uploads(form, "rules")
    if len(rules) != 1:
        raise Refused(422, "choose one rules file (.yaml); add the files it names as companions")
    entry = _file_name(rules[0])
    files: dict[str, bytes] = {}
    for group, prefix in (("rules", ""), ("companions", ""), ("tests", "tests/")):
        for upload in _uploads(form, group):
            name = prefix + _file_name(upload)
            if name in files:
                raise Refused(422, f"two uploaded files are named {name}; rename one")
            if len(files) >= MAX_UPLOAD_FILES:
                raise Refused(413, f"at most {MAX_UPLOAD_FILES} files make one rule set")
            files[name] = await _read(upload, name)
    return entry, files


def _problems(error: Exception) -> list[str]:
    """A rules error's findings, one ``file:line:col: message`` each (hint included)."""
    if isinstance(error, RulesError):
        return [str(problem) for problem in error.problems]
    return []


def _backtest_last(form: FormData) -> int:
    raw = _text(form, "last", 12).strip() or str(DEFAULT_BACKTEST_LAST)
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_BACKTEST_LAST:
        raise Refused(422, f"backtest over 1 to {MAX_BACKTEST_LAST} conversations")
    return int(raw)


def _jsonable(value: Any) -> Any:
    """A stored JSON-ish value (a dict, or an object with to_dict) as plain data."""
    if value is None or isinstance(value, (dict, list, str, int, float, bool)):
        return value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return value


def rules_routes(kit: Kit, pages: RulesPages) -> list[Route]:
    """The governance routes, wired to the app's rendering and session wrappers."""
    call = kit.call

    store = pages.rules_store  # opened at the first request

    async def actor_of(user: User) -> Actor:
        _require_governor(user)
        actor: Actor = await call(store().actor, user.username)
        return actor

    # ------------------------------------------------------------------ overview

    async def overview(request: Request, visit: Visit) -> Response:
        actor = await actor_of(visit.user)
        live = await call(store().live)
        history = await call(store().history, 50)
        published = {entry.content_hash for entry in history}
        # Open proposals: not withdrawn, never published (those are in the history).
        proposals = [
            proposal
            for proposal in await call(store().proposals, status="proposed", limit=50)
            if proposal.content_hash not in published
        ]
        statuses = {}
        for proposal in proposals:
            statuses[proposal.content_hash] = await call(store().status, proposal.content_hash)
        policy = await call(store().policy)
        return kit.page(
            request,
            "rules.html",
            actor=actor,
            live=live,
            proposals=proposals,
            statuses=statuses,
            history=history,
            may_publish=policy.may_publish(actor) and store().can_sign,
            policy_text=policy.to_text(),
        )

    # ------------------------------------------------------------------ propose

    async def new_form(request: Request, visit: Visit) -> Response:
        await actor_of(visit.user)
        return upload_page(request)

    def upload_page(
        request: Request,
        *,
        status: int = 200,
        error: str = "",
        problems: Sequence[str] = (),
        title: str = "",
        description: str = "",
    ) -> HTMLResponse:
        return kit.page(
            request,
            "rules_new.html",
            status=status,
            error=error,
            problems=problems,
            title=title,
            description=description,
            can_backtest=pages.events_url is not None,
            backtest_last=pages.backtest_last,
            max_backtest=MAX_BACKTEST_LAST,
            max_title=MAX_TITLE,
            max_description=MAX_DESCRIPTION,
        )

    async def propose(request: Request, visit: Visit, form: FormData) -> Response:
        actor = await actor_of(visit.user)
        title = _text(form, "title", MAX_TITLE).strip()
        description = _text(form, "description", MAX_DESCRIPTION).strip()
        try:
            if not title:
                raise Refused(422, "give the change a title (what it does, in a few words)")
            entry, files = await bundle_files(form)
            from handoff.governance.bundle import RuleBundle  # noqa: PLC0415

            bundle = RuleBundle.from_files(entry, files)
            report = None
            if pages.events_url is not None and form.get("backtest"):
                report = await call(pages.run_backtest, bundle, _backtest_last(form))
            proposal = await call(
                store().propose,
                bundle,
                author=actor,
                title=title,
                description=description,
                backtest=report,
            )
        except Refused as refused:
            return upload_page(
                request,
                status=refused.status,
                error=refused.message,
                title=title,
                description=description,
            )
        except (GovernanceError, RulesError) as error:
            status = governance_status(error) or 422
            problems = _problems(error)
            message = (
                "The rule set does not load; fix these and upload it again:"
                if problems
                else str(error)
            )
            return upload_page(
                request,
                status=status,
                error=message,
                problems=problems,
                title=title,
                description=description,
            )
        return RedirectResponse(f"/rules/{proposal.content_hash}?notice=proposed", 303)

    # ------------------------------------------------------------------ one version

    async def version(request: Request, visit: Visit) -> Response:
        return await version_page(request, visit, _ref(request))

    async def version_page(
        request: Request, visit: Visit, ref: str, *, status: int = 200, error: str = ""
    ) -> Response:
        actor = await actor_of(visit.user)
        proposal = await call(store().get, ref)
        policy_status = await call(store().status, proposal.content_hash)
        live = await call(store().live)
        policy = await call(store().policy)
        history = await call(store().history, 200)
        published_before = any(p.content_hash == proposal.content_hash for p in history)
        is_live = live is not None and live.content_hash == proposal.content_hash
        validation = _jsonable(proposal.validation) or {}
        approvers = {approval.approver for approval in proposal.approvals}
        # Open: neither withdrawn nor ever published (a published version is rolled back to,
        # never approved or published again).
        open_ = proposal.status == "proposed" and not published_before
        requirements = [status.requirement for status in policy_status.requirements]
        may = {
            "approve": (
                open_
                and validation.get("ok", False)
                and actor.may_govern
                and actor.username.casefold() != proposal.author.casefold()
                and actor.username not in approvers
                and policy.may_approve(actor, requirements)
            ),
            "withdraw": open_ and (actor.username == proposal.author or actor.role == "admin"),
            "publish": (
                open_
                and validation.get("ok", False)
                and policy_status.satisfied
                and policy.may_publish(actor)
            ),
            "rollback": published_before and not is_live and policy.may_publish(actor),
        }
        # Without a signing key nothing can be published: say so instead of offering forms
        # that would be refused.
        unsigned = not store().can_sign and (may["publish"] or may["rollback"])
        may["publish"] = may["publish"] and not unsigned
        may["rollback"] = may["rollback"] and not unsigned
        return kit.page(
            request,
            "rules_version.html",
            status=status,
            error=error,
            actor=actor,
            proposal=proposal,
            validation=validation,
            changes=[_jsonable(change) for change in proposal.changes],
            backtest=_jsonable(proposal.backtest),
            backtest_lines=_backtest_lines(proposal.backtest),
            policy_status=policy_status,
            live=live,
            is_live=is_live,
            may=may,
            unsigned=unsigned,
            max_comment=MAX_COMMENT,
            max_reason=MAX_REASON,
        )

    async def act(request: Request, visit: Visit, form: FormData) -> Response:
        ref = _ref(request)
        action = request.path_params["action"]
        if action not in ACTIONS:
            raise Refused(404, "There is nothing here.")
        # Not refused here for agents: the store refuses them and records the attempt.
        actor: Actor = await call(store().actor, visit.user.username)
        try:
            if action == "approve":
                await call(
                    store().approve,
                    ref,
                    approver=actor,
                    comment=_text(form, "comment", MAX_COMMENT),
                )
                notice = "approved"
            elif action == "withdraw":
                await call(store().withdraw, ref, actor=actor)
                notice = "withdrawn"
            else:
                reason = _text(form, "reason", MAX_REASON).strip()
                if not reason:
                    raise Refused(422, f"say why you {action} (the reason is recorded)")
                operation = store().publish if action == "publish" else store().rollback
                await call(operation, ref, actor=actor, reason=reason)
                notice = "published" if action == "publish" else "rolled_back"
        except (Refused, GovernanceError) as error:
            status = error.status if isinstance(error, Refused) else governance_status(error)
            message = error.message if isinstance(error, Refused) else str(error)
            if isinstance(error, NotFound) or not _may_govern(visit.user):
                raise
            # Show the version again with the reason (the refusal is in the audit trail).
            return await version_page(request, visit, ref, status=status or 422, error=message)
        return RedirectResponse(f"/rules/{ref}?notice={notice}", 303)

    # ------------------------------------------------------------------ audit

    async def audit(request: Request, visit: Visit) -> Response:
        await actor_of(visit.user)
        before = request.query_params.get("before", "")
        before_seq = int(before) if before.isdigit() and len(before) < 19 else None
        events = await call(store().events, before=before_seq, limit=EVENTS_PAGE)
        chain = await call(store().verify_chain)
        return kit.page(
            request,
            "rules_audit.html",
            events=events,
            chain=chain,
            page_size=EVENTS_PAGE,
        )

    def export(fmt: str) -> Handler:
        async def endpoint(request: Request, visit: Visit) -> Response:
            await actor_of(visit.user)
            out = io.StringIO()
            await call(store().export, out, fmt=fmt)
            media = "text/csv" if fmt == "csv" else "application/x-ndjson"
            return Response(
                out.getvalue(),
                media_type=f"{media}; charset=utf-8",
                headers={
                    "Content-Disposition": f'attachment; filename="handoff-rules-audit.{fmt}"'
                },
            )

        return endpoint

    # ------------------------------------------------------------------ grants

    async def grants_page(
        request: Request, visit: Visit, *, status: int = 200, error: str = ""
    ) -> Response:
        _require_admin(visit.user)
        desktop = request.app.state.desktop
        people = []
        for person in await call(desktop.users, visit.user):
            grants: frozenset[str] = frozenset()
            if person.active and person.role != "agent":
                try:
                    grants = (await call(store().actor, person.username)).grants
                except GovernanceError:
                    grants = frozenset()
            people.append((person, sorted(grants)))
        policy = await call(store().policy)
        return kit.page(
            request,
            "admin_grants.html",
            status=status,
            error=error,
            people=people,
            policy_roles=_policy_roles(policy),
        )

    async def grants(request: Request, visit: Visit) -> Response:
        return await grants_page(request, visit)

    async def grant_change(request: Request, visit: Visit, form: FormData) -> Response:
        change = request.path_params["change"]
        if change not in ("grant", "revoke"):
            raise Refused(404, "There is nothing here.")
        # Not refused here for non-admins: the store refuses them and records the attempt.
        actor: Actor = await call(store().actor, visit.user.username)
        username = _text(form, "username", 64).strip()
        role = _text(form, "role", 32).strip()
        try:
            if not ROLE_NAME.fullmatch(role):
                raise Refused(422, "a role is 1 to 32 lowercase letters or '_' (e.g. risk)")
            operation = store().grant if change == "grant" else store().revoke
            await call(operation, username, role, actor=actor)
        except (Refused, GovernanceError) as error:
            if visit.user.role != "admin":
                raise
            if isinstance(error, Refused):
                status, message = error.status, error.message
            else:
                status, message = governance_status(error) or 422, str(error)
            return await grants_page(request, visit, status=status, error=message)
        notice = "granted" if change == "grant" else "revoked"
        return RedirectResponse(f"/admin/grants?notice={notice}", 303)

    return [
        Route("/rules", kit.logged_in(overview), methods=["GET"]),
        Route(UPLOAD_PATH, kit.logged_in(new_form), methods=["GET"]),
        Route(UPLOAD_PATH, kit.uploaded(propose), methods=["POST"]),
        Route("/rules/audit", kit.logged_in(audit), methods=["GET"]),
        Route("/rules/audit.csv", kit.logged_in(export("csv")), methods=["GET"]),
        Route("/rules/audit.jsonl", kit.logged_in(export("jsonl")), methods=["GET"]),
        Route("/rules/{ref:str}", kit.logged_in(version), methods=["GET"]),
        Route("/rules/{ref:str}/{action:str}", kit.posted(act), methods=["POST"]),
        Route("/admin/grants", kit.logged_in(grants), methods=["GET"]),
        Route("/admin/grants/{change:str}", kit.posted(grant_change), methods=["POST"]),
    ]


def _backtest_lines(report: Any) -> list[str]:
    """The backtest's plain-text summary (BacktestReport.lines), from the stored report."""
    if report is None:
        return []
    lines = getattr(report, "lines", None)
    if callable(lines):
        return list(lines())
    from handoff.governance.backtest import BacktestReport  # noqa: PLC0415

    return list(BacktestReport.from_dict(report).lines())


def _policy_roles(policy: Policy) -> list[str]:
    """Every role the policy names (suggested in the grant form)."""
    from handoff.graph.diff import KINDS  # noqa: PLC0415

    roles = {role for kind in KINDS for role in policy.rule(kind).roles}
    roles.update(policy.publish.roles)
    return sorted(roles)
