"""Every route × every role over HTTP: who gets what, and a refused request changes nothing.

Roles: anonymous, alice (agent of lane A = general_support), bob (agent of lane B =
priority_support), sue (supervisor), ada (admin). Conversations: one waiting and one held
(by the lane's agent) in each lane. Each cell that changes something runs against a fresh
copy of the same database, through the whole ASGI app (middleware, routing, session, CSRF)
served by uvicorn on 127.0.0.1, with httpx. For every refused cell, the desktop's tables
(all but sessions) and what the bot (a fake Rasa HTTP API behind the real RasaBot) was asked
are compared before and after.

The permission rules themselves live in the service and are tested on SQLite and
PostgreSQL in test_service.py; this matrix is about the web layer mapping them (and
leaking nothing), so it runs on SQLite.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from handoff import Router
from handoff.desktop import Desktop, RasaBot
from handoff.desktop.store import Base
from handoff.governance import tables as governance
from handoff.models import ContextPayload
from tests.desktop._web import Switch, app_for, csrf_of, serve
from tests.desktop.conftest import PASSWORD, Clock, People, deliver, fast_passwords, make_payload
from tests.security.rasa_api import FakeRasa, fake_rasa

RASA_JWT = "rasa-jwt-secret-for-the-desktop-tests"
STATE_SECRET = b"action-server-state-secret"
ROLES = ("anonymous", "alice", "bob", "sue", "ada")
A, B = "general_support", "priority_support"


@dataclass(frozen=True)
class World:
    """The template database and what is in it."""

    path: Path
    pks: dict[str, int]  # a_wait, a_held, b_wait, b_held
    sessions: dict[str, tuple[str, str]]  # role -> (token, csrf)


@pytest.fixture(scope="module")
def server(world: World) -> Iterator[tuple[Switch, dict[str, httpx.Client]]]:
    """One server for the module, each test switching its own app in; one client per role
    (a client costs ~0.1 s to make, and every copy of the world has the same sessions)."""
    switch = Switch()
    with serve(switch) as url:  # type: ignore[arg-type]
        clients = {}
        for role in ROLES:
            client = httpx.Client(base_url=url, follow_redirects=False, timeout=10)
            if role != "anonymous":
                # The cookie name without Secure (the tests' app): see app_for.
                client.cookies.set("handoff-session", world.sessions[role][0])
            clients[role] = client
        try:
            yield switch, clients
        finally:
            for client in clients.values():
                client.close()


@pytest.fixture(scope="module")
def rasa() -> Iterator[FakeRasa]:
    with fake_rasa(jwt_secret=RASA_JWT) as server:
        yield server


@pytest.fixture(scope="module")
def world(
    tmp_path_factory: pytest.TempPathFactory,
    default_router: Router,
    base_payload: ContextPayload,
) -> World:
    base = base_payload
    path = tmp_path_factory.mktemp("authz") / "template.sqlite"
    desk = Desktop(f"sqlite:///{path}", clock=Clock(), passwords=fast_passwords())
    try:
        desk.upgrade()
        desk.sync_lanes(default_router)
        people = People(desk)
        pks = {
            "a_wait": deliver(desk, make_payload(base, "a-wait", lane=A)),
            "a_held": deliver(desk, make_payload(base, "a-held", lane=A)),
            "b_wait": deliver(desk, make_payload(base, "b-wait", lane=B)),
            "b_held": deliver(desk, make_payload(base, "b-held", lane=B)),
        }
        desk.claim(people.alice, pks["a_held"])
        desk.claim(people.bob, pks["b_held"])
        sessions = {}
        for role in ROLES[1:]:
            opened = desk.login(role, PASSWORD)
            assert opened is not None
            sessions[role] = opened
    finally:
        desk.close()
    return World(path, pks, sessions)


class Site:
    """A fresh copy of the world, served; one HTTP client per role."""

    def __init__(
        self,
        world: World,
        folder: Path,
        rasa: FakeRasa,
        server: tuple[Switch, dict[str, httpx.Client]],
    ) -> None:
        copy = folder / "desktop.sqlite"
        shutil.copy(world.path, copy)
        self.rasa = rasa
        self.desk = Desktop(
            f"sqlite:///{copy}",
            clock=Clock(),
            passwords=fast_passwords(),
            bot=RasaBot(rasa.url, RASA_JWT, STATE_SECRET),
        )
        self.world = world
        app = self.app = app_for(self.desk)
        switch, self.clients = server
        switch.app = app
        self.cookie = app.state.session_cookie
        assert self.cookie == "handoff-session"

    def close(self) -> None:
        self.desk.close()

    def csrf(self, role: str) -> str:
        return "" if role == "anonymous" else self.world.sessions[role][1]

    def state(self) -> dict[str, Any]:
        """Every desktop and governance table but the sessions and the governance audit
        trail (which records refused attempts too), and what the bot was asked to do."""
        tables: dict[str, Any] = {}
        with self.desk.engine.connect() as connection:
            for table in [*Base.metadata.sorted_tables, *governance.metadata.sorted_tables]:
                if table.name in ("desktop_sessions", "rules_events") or table.name in tables:
                    continue
                order = list(table.primary_key.columns)
                rows = connection.execute(sa.select(table).order_by(*order)).all()
                tables[table.name] = [tuple(row) for row in rows]
        tables["rasa"] = [(r.method, r.raw_path) for r in self.rasa.requests if r.method != "GET"]
        return tables


@pytest.fixture
def site(
    world: World,
    tmp_path: Path,
    rasa: FakeRasa,
    server: tuple[Switch, dict[str, httpx.Client]],
) -> Iterator[Site]:
    rasa.requests.clear()
    built = Site(world, tmp_path, rasa, server)
    try:
        yield built
    finally:
        built.close()


@pytest.fixture(scope="module")
def shared_site(
    world: World,
    tmp_path_factory: pytest.TempPathFactory,
    rasa: FakeRasa,
    server: tuple[Switch, dict[str, httpx.Client]],
) -> Iterator[Site]:
    """One copy for the cells that must change nothing (each asserts that it did not)."""
    built = Site(world, tmp_path_factory.mktemp("shared"), rasa, server)
    try:
        yield built
    finally:
        built.close()


def _site(request: pytest.FixtureRequest, changes: bool) -> Site:
    """A fresh copy for a request that changes something, else the shared one (switched in)."""
    if changes:
        return request.getfixturevalue("site")  # type: ignore[no-any-return]
    shared: Site = request.getfixturevalue("shared_site")
    switch, _ = request.getfixturevalue("server")
    switch.app = shared.app
    return shared


# Expected status per role (anonymous, alice, bob, sue, ada). 303: done, redirected.
PAGES: list[tuple[str, tuple[int, ...]]] = [
    ("/", (303, 200, 200, 200, 200)),
    ("/c/{a_wait}", (303, 200, 404, 200, 200)),
    ("/c/{a_held}", (303, 200, 404, 200, 200)),
    ("/c/{b_wait}", (303, 404, 200, 200, 200)),
    ("/c/{b_held}", (303, 404, 200, 200, 200)),
    # Guessed ids: the next one, zero, and a huge one.
    ("/c/{next}", (303, 404, 404, 404, 404)),
    ("/c/0", (303, 404, 404, 404, 404)),
    ("/c/99999999999999999999999", (303, 404, 404, 404, 404)),
    ("/c/abc", (404, 404, 404, 404, 404)),
    ("/admin/users", (303, 403, 403, 403, 200)),
    ("/admin/lanes", (303, 403, 403, 403, 200)),
    ("/audit", (303, 403, 403, 200, 200)),
    ("/audit?conversation={b_held}", (303, 403, 403, 200, 200)),
    ("/audit.csv", (303, 403, 403, 200, 200)),
    # Governed rule changes: supervisors and admins (grants: admins).
    ("/rules", (303, 403, 403, 200, 200)),
    ("/rules/new", (303, 403, 403, 200, 200)),
    ("/rules/audit", (303, 403, 403, 200, 200)),
    ("/rules/audit.csv", (303, 403, 403, 200, 200)),
    ("/rules/audit.jsonl", (303, 403, 403, 200, 200)),
    ("/rules/" + "ab" * 32, (303, 403, 403, 404, 404)),
    ("/admin/grants", (303, 403, 403, 403, 200)),
    ("/health", (200, 200, 200, 200, 200)),
    ("/login", (200, 303, 303, 303, 303)),
    ("/static/live.js", (200, 200, 200, 200, 200)),
    ("/nowhere", (404, 404, 404, 404, 404)),
]

# (action, form fields, {target: statuses}). Targets: a_wait, a_held, b_wait, b_held, next.
_OTHERS_404 = (401, 404, 404, 404, 404)
ACTIONS: list[tuple[str, dict[str, str], dict[str, tuple[int, ...]]]] = [
    (
        "claim",
        {},
        {
            "a_wait": (401, 303, 404, 303, 303),
            # Claiming what you hold already is a no-op (303, nothing changes).
            "a_held": (401, 303, 404, 409, 409),
            "b_wait": (401, 404, 303, 303, 303),
            "b_held": (401, 404, 303, 409, 409),
            "next": _OTHERS_404,
        },
    ),
    (
        "tick",
        {"step": "validate"},
        {
            "a_wait": (401, 409, 404, 409, 409),
            "a_held": (401, 303, 404, 303, 303),
            "b_wait": (401, 404, 409, 409, 409),
            "b_held": (401, 404, 303, 303, 303),
            "next": _OTHERS_404,
        },
    ),
    (
        "transfer",
        {"lane": "callback", "note": "needs a call back"},
        {
            "a_wait": (401, 409, 404, 303, 303),
            "a_held": (401, 303, 404, 303, 303),
            "b_wait": (401, 404, 409, 303, 303),
            "b_held": (401, 404, 303, 303, 303),
            "next": _OTHERS_404,
        },
    ),
    (
        "resolve",
        {"outcome_code": "refund_issued", "needed": "yes", "note": "done"},
        {
            "a_wait": (401, 409, 404, 409, 409),
            "a_held": (401, 303, 404, 303, 303),
            "b_wait": (401, 404, 409, 409, 409),
            "b_held": (401, 404, 303, 303, 303),
            "next": _OTHERS_404,
        },
    ),
    (
        "hand-back",
        {"note": "the bot can take it from here"},
        {
            "a_wait": (401, 409, 404, 409, 409),
            "a_held": (401, 303, 404, 303, 303),
            "b_wait": (401, 404, 409, 409, 409),
            "b_held": (401, 404, 303, 303, 303),
            "next": _OTHERS_404,
        },
    ),
    (
        "override",
        {"note": "escalating"},
        {
            # Agents may never override: 403 whatever the id (so it tells nothing either).
            "a_wait": (401, 403, 403, 303, 303),
            "a_held": (401, 403, 403, 303, 303),
            "b_wait": (401, 403, 403, 303, 303),
            "b_held": (401, 403, 403, 303, 303),
            "next": (401, 403, 403, 404, 404),
        },
    ),
    (
        "reassign",
        {"agent": "ada"},
        {
            "a_wait": (401, 403, 403, 303, 303),
            "a_held": (401, 403, 403, 303, 303),
            "b_wait": (401, 403, 403, 303, 303),
            "b_held": (401, 403, 403, 303, 303),
            "next": (401, 403, 403, 404, 404),
        },
    ),
]

ACTIONS.append(
    (
        "note",
        {"note": "called the customer back"},
        {
            # Anyone who sees a conversation may note on it, open or closed.
            "a_wait": (401, 303, 404, 303, 303),
            "a_held": (401, 303, 404, 303, 303),
            "b_wait": (401, 404, 303, 303, 303),
            "b_held": (401, 404, 303, 303, 303),
            "next": _OTHERS_404,
        },
    )
)

NO_OPS = {("claim", "a_held", "alice"), ("claim", "b_held", "bob")}

ADMIN_POSTS: list[tuple[str, dict[str, Any], tuple[int, ...]]] = [
    (
        "/admin/users",
        {"username": "newbie", "password": "a long enough password", "role": "agent", "lanes": A},
        (401, 403, 403, 403, 303),
    ),
    ("/admin/users/alice/lanes", {"lanes": B}, (401, 403, 403, 403, 303)),
    ("/admin/users/alice/role", {"role": "supervisor"}, (401, 403, 403, 403, 303)),
    ("/admin/users/bob/deactivate", {}, (401, 403, 403, 403, 303)),
    ("/admin/users/bob/delete", {}, (401, 404, 404, 404, 404)),
    ("/admin/grants/grant", {"username": "sue", "role": "risk"}, (401, 403, 403, 403, 303)),
    # Sue holds no risk role in the world: nothing to revoke.
    ("/admin/grants/revoke", {"username": "sue", "role": "risk"}, (401, 403, 403, 403, 404)),
    ("/rules/" + "ab" * 32 + "/approve", {}, (401, 403, 403, 404, 404)),
    (
        "/admin/lanes",
        {"lane": "new_lane", "kind": "human", "priority": "10", "sla_seconds": "60"},
        (401, 403, 403, 403, 303),
    ),
]


def _url(template: str, world: World) -> str:
    return template.format(**world.pks, next=max(world.pks.values()) + 1)


def _cells(table: list[Any]) -> list[Any]:
    return [
        pytest.param(route, role, statuses[index], id=f"{route}-{role}")
        for route, statuses in table
        for index, role in enumerate(ROLES)
    ]


@pytest.mark.parametrize(("route", "role", "expected"), _cells(PAGES))
def test_page(request: pytest.FixtureRequest, route: str, role: str, expected: int) -> None:
    """Pages: anonymous visitors go to the login page, others see only what they may."""
    site = _site(request, changes=False)
    before = site.state()
    answer = site.clients[role].get(_url(route, site.world))
    assert answer.status_code == expected, answer.text[:300]
    if expected == 303 and role == "anonymous":
        assert answer.headers["location"].startswith("/login?next=")
    assert site.state() == before  # reading changes nothing


def _action_cells() -> list[Any]:
    cells = []
    for action, form, targets in ACTIONS:
        for target, statuses in targets.items():
            for index, role in enumerate(ROLES):
                cells.append(
                    pytest.param(
                        (action, form, target),
                        role,
                        statuses[index],
                        id=f"{action}-{target}-{role}",
                    )
                )
    return cells


@pytest.mark.parametrize(("cell", "role", "expected"), _action_cells())
def test_action(
    request: pytest.FixtureRequest, cell: tuple[str, dict[str, str], str], role: str, expected: int
) -> None:
    """Actions: done (303) only where the role may; refused ones change nothing at all."""
    action, form, target = cell
    site = _site(request, changes=expected == 303)
    pk = _url("{" + target + "}", site.world)
    before = site.state()
    answer = site.clients[role].post(
        f"/c/{pk}/{action}", data={**form, "csrf_token": site.csrf(role)}
    )
    assert answer.status_code == expected, answer.text[:500]
    after = site.state()
    if expected == 303 and (action, target, role) not in NO_OPS:
        assert after != before
        assert after["desktop_audit"][len(before["desktop_audit"]) :], "the action is audited"
    else:
        assert after == before


@pytest.mark.parametrize(("path", "form", "role", "expected"), [
    pytest.param(path, form, role, statuses[index], id=f"{path}-{role}")
    for path, form, statuses in ADMIN_POSTS
    for index, role in enumerate(ROLES)
])  # fmt: skip
def test_admin_post(
    request: pytest.FixtureRequest, path: str, form: dict[str, Any], role: str, expected: int
) -> None:
    """Admin forms: admins only; a refusal changes nothing."""
    site = _site(request, changes=expected == 303)
    before = site.state()
    answer = site.clients[role].post(path, data={**form, "csrf_token": site.csrf(role)})
    assert answer.status_code == expected, answer.text[:500]
    assert (site.state() != before) == (expected == 303)


class TestNoLeaks:
    def test_other_lane_and_missing_ids_answer_alike(self, site: Site) -> None:
        """A lane-B id and an id that does not exist give alice the same answer."""
        alice = site.clients["alice"]
        hidden, missing = site.world.pks["b_wait"], max(site.world.pks.values()) + 7
        resolve = {"outcome_code": "resolved", "needed": "no"}
        for method, suffix, form in (
            ("GET", "", None),
            ("POST", "/claim", {}),
            ("POST", "/resolve", resolve),
            ("POST", "/transfer", {"lane": A, "note": "n"}),
        ):
            answers = [
                alice.request(
                    method,
                    f"/c/{pk}{suffix}",
                    data=None if form is None else {**form, "csrf_token": site.csrf("alice")},
                )
                for pk in (hidden, missing)
            ]
            assert [a.status_code for a in answers] == [404, 404]
            texts = [re.sub(r"\d+", "N", a.text) for a in answers]
            assert texts[0] == texts[1]

    def test_the_queue_page_shows_only_the_agents_lanes(self, site: Site) -> None:
        page = site.clients["alice"].get("/").text
        assert f'id="queue-{A}"' in page
        assert f'id="queue-{B}"' not in page
        assert "b-wait" not in page
        assert "b-held" not in page
        page = site.clients["sue"].get("/").text
        assert f'id="queue-{A}"' in page
        assert f'id="queue-{B}"' in page


class TestCsrf:
    @pytest.mark.parametrize("action", [action for action, _, _ in ACTIONS])
    def test_actions_need_the_sessions_token(self, site: Site, action: str) -> None:
        """No token, another session's token, or a wrong one: 403, nothing changes."""
        form = next(fields for name, fields, _ in ACTIONS if name == action)
        pk = site.world.pks["a_held"]
        before = site.state()
        for token in (None, "", site.csrf("bob"), "x" * 43):
            data = dict(form)
            if token is not None:
                data["csrf_token"] = token
            answer = site.clients["sue"].post(f"/c/{pk}/{action}", data=data)
            assert answer.status_code == 403, answer.text[:300]
        assert site.state() == before

    def test_the_header_works_like_the_field(self, site: Site) -> None:
        """htmx sends the token as X-CSRF-Token; the checklist answer is its own fragment."""
        pk = site.world.pks["a_held"]
        answer = site.clients["alice"].post(
            f"/c/{pk}/tick",
            data={"step": "validate"},
            headers={"X-CSRF-Token": site.csrf("alice"), "HX-Request": "true"},
        )
        assert answer.status_code == 200
        assert answer.text.lstrip().startswith('<section class="checklist"')
        assert 'data-testid="ticked-validate"' in answer.text

    def test_logout_needs_the_token(self, site: Site) -> None:
        alice = site.clients["alice"]
        assert alice.post("/logout", data={}).status_code == 403
        assert alice.get("/").status_code == 200  # still logged in
        assert alice.post("/logout", data={"csrf_token": site.csrf("alice")}).status_code == 303
        assert alice.get("/").status_code == 303  # the session is gone on the server

    def test_a_cross_site_login_form_is_refused(self, site: Site) -> None:
        """Login CSRF: a login POST without the login page's cookie is refused."""
        client = httpx.Client(base_url=site.clients["anonymous"].base_url, timeout=10)
        answer = client.post(
            "/login", data={"username": "alice", "password": PASSWORD, "csrf_token": "forged"}
        )
        assert answer.status_code == 403
        assert site.cookie not in answer.headers.get("set-cookie", "")
        page = client.get("/login")
        answer = client.post(
            "/login",
            data={"username": "alice", "password": PASSWORD, "csrf_token": csrf_of(page.text)},
        )
        client.close()
        assert answer.status_code == 303


class TestAudit:
    def test_the_log_filters_by_actor_and_action(self, request: pytest.FixtureRequest) -> None:
        """The page and its CSV take the same filters; an agent gets neither."""
        site = _site(request, changes=False)
        sue = site.clients["sue"]
        answer = sue.get("/audit.csv", params={"action": "claim"})
        assert answer.status_code == 200
        rows = list(csv.DictReader(io.StringIO(answer.text)))
        assert {row["action"] for row in rows} == {"claim"}
        assert {row["actor"] for row in rows} == {"alice", "bob"}
        page = sue.get("/audit", params={"actor": "bob", "action": "claim"}).text
        assert page.count('data-testid="audit-row"') == 1
        assert 'href="/audit.csv?actor=bob&amp;action=claim"' in page
        assert site.clients["alice"].get("/audit.csv", params={"actor": "bob"}).status_code == 403
