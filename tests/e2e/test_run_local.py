"""rasa_project/run_local.sh, run for real: ``--check`` starts the agent desktop, the action
server and Rasa, sends one message that must reach a person, verifies the answer, finds the
conversation in the desktop's queue over HTTP (logged in with the login it made), claims it
and hands it back from there, and stops everything; it reuses the model the e2e fixtures
trained, and its screen stays short. Plus the log filter that keeps Rasa's known start-up
noise out of its log."""

from __future__ import annotations

import importlib.util
import io
import os
import socket
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from ruamel.yaml import YAML

from handoff import Conversation, Router
from tests.conftest import ROOT, RULES, free_port
from tests.e2e.conftest import PREPARE

RUN_LOCAL = ROOT / "rasa_project" / "run_local.sh"
LOCAL_STACK = ROOT / "rasa_project" / "scripts" / "local_stack.py"


def run_local(
    *args: str, env: dict[str, str], timeout: float = 420
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(RUN_LOCAL), *args], capture_output=True, text=True, check=False,
                          cwd=ROOT, env=os.environ | env, timeout=timeout)  # fmt: skip


def ports() -> dict[str, str]:
    return {"HANDOFF_LOCAL_RASA_PORT": str(free_port()),
            "HANDOFF_LOCAL_ACTION_PORT": str(free_port()),
            "HANDOFF_LOCAL_DESKTOP_PORT": str(free_port()),
            "HANDOFF_LOCAL_CHAT_PORT": str(free_port())}  # fmt: skip


def port_is_free(port: str) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", int(port)))
        except OSError:
            return False
        return True


@pytest.mark.e2e
def test_check_hands_off_for_real_and_reuses_the_tests_model(
    rasa_model: Path, tmp_path: Path
) -> None:
    chosen = ports()
    result = run_local("--check", env=chosen | {"HANDOFF_LOCAL_DIR": str(tmp_path)})
    screen = result.stdout + result.stderr
    assert result.returncode == 0, screen
    # The model the e2e fixtures trained (or found) is reused, not trained again.
    assert f"reusing the trained bot .e2e/models/{rasa_model.name}" in result.stderr, screen
    assert "training the bot" not in screen
    assert 'check passed: "I want to talk to a human" on the chat page' in result.stdout
    # The relay round trip: the customer's message on the agent's card, the reply on the page.
    assert "relayed both ways: customer -> agent " in result.stdout
    assert "desktop: 1 conversation waiting in lane " in result.stdout
    assert "agent claimed it, handed it back" in result.stdout
    assert "bot answered again: " in result.stdout
    # A short screen: no warnings, no server logs; those are in the files it names.
    assert "Warning" not in screen
    assert len(screen.splitlines()) <= 8, screen
    names = ("desktop", "actions", "rasa", "chat")
    logs = {name: (tmp_path / f"{name}.log").read_text() for name in names}
    assert "handoff chat on http://127.0.0.1:" in logs["chat"], logs["chat"]
    # Rasa 3.6.21 logs nothing after it loads a model whose pipeline has no TensorFlow
    # component (this bot's LogisticRegressionClassifier), although it serves requests: its
    # log shows the start and the model it loaded.
    assert "Starting Rasa server on http://127.0.0.1:" in logs["rasa"]
    assert f"Loading model {rasa_model}" in logs["rasa"] or rasa_model.name in logs["rasa"]
    assert "POST /webhook 200" in logs["actions"]
    # The desktop served, and its admin was made by `handoff desktop create-admin`.
    assert "handoff desktop on http://127.0.0.1:" in logs["desktop"], logs["desktop"]
    assert "admin 'admin' created" in logs["desktop"]
    # The known start-up noise is kept out of Rasa's log, and so is the SQLAlchemy banner.
    assert "DeprecationWarning" not in logs["rasa"]
    assert "MovedIn20Warning" not in logs["rasa"]
    # Everything was stopped: the four ports are free again.
    assert all(port_is_free(port) for port in chosen.values())


@pytest.mark.e2e
def test_check_fails_when_the_message_does_not_reach_a_person(
    rasa_model: Path, tmp_path: Path
) -> None:
    """The check can fail: with the 'asked for a person' rule taken out, the bot keeps the
    customer, nothing reaches the desktop, and --check says so and exits 1."""
    yaml = YAML(typ="rt")
    rules = yaml.load((RULES / "banking.yaml").read_text())
    kept = [rule for rule in rules["rules"] if rule["id"] != "asked_for_human"]
    assert len(kept) == len(rules["rules"]) - 1
    rules["rules"] = kept
    edited = tmp_path / "no-asked-for-human.yaml"
    with edited.open("w") as out:
        yaml.dump(rules, out)
    logs = tmp_path / "logs"
    result = run_local("--check", env=ports() | {"HANDOFF_LOCAL_DIR": str(logs),
                                                 "HANDOFF_RULES": str(edited)})  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "check FAILED" in result.stderr
    assert "the desktop has 0 conversations for the customer, not 1" in result.stderr
    assert "check passed" not in result.stdout


@pytest.mark.e2e
def test_check_refuses_a_port_in_use_and_names_the_setting(tmp_path: Path) -> None:
    chosen = ports()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", int(chosen["HANDOFF_LOCAL_ACTION_PORT"])))
        busy.listen()
        result = run_local("--check", env=chosen | {"HANDOFF_LOCAL_DIR": str(tmp_path)},
                           timeout=120)  # fmt: skip
    assert result.returncode == 1
    assert f"port {chosen['HANDOFF_LOCAL_ACTION_PORT']} on 127.0.0.1 is in use" in result.stderr
    assert "set HANDOFF_LOCAL_ACTION_PORT" in result.stderr
    assert not list(tmp_path.iterdir())  # refused before starting anything


@pytest.mark.e2e
def test_check_refuses_the_desktops_port_in_use(tmp_path: Path) -> None:
    chosen = ports()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", int(chosen["HANDOFF_LOCAL_DESKTOP_PORT"])))
        busy.listen()
        result = run_local("--check", env=chosen | {"HANDOFF_LOCAL_DIR": str(tmp_path)},
                           timeout=120)  # fmt: skip
    assert result.returncode == 1
    assert f"port {chosen['HANDOFF_LOCAL_DESKTOP_PORT']} on 127.0.0.1 is in use" in result.stderr
    assert "set HANDOFF_LOCAL_DESKTOP_PORT" in result.stderr
    assert not list(tmp_path.iterdir())


def test_unknown_option_exits_2_with_the_usage() -> None:
    result = run_local("--chek", env={}, timeout=30)
    assert result.returncode == 2
    assert "run_local.sh --check" in result.stderr


def load_prepare() -> ModuleType:
    spec = importlib.util.spec_from_file_location("prepare_rasa", PREPARE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rasa_log_drops_exactly_the_known_noise() -> None:
    """Warnings as Rasa 3.6.21's start-up prints them (copied from its output): the known
    third-party ones are dropped with their source lines, anything else is kept."""
    site = "/r/.venv-rasa/lib/python3.10/site-packages"
    output = (
        f"{site}/rasa/shared/utils/validation.py:134: DeprecationWarning: pkg_resources is "
        "deprecated as an API. See https://setuptools.pypa.io/en/latest/pkg_resources.html\n"
        "  import pkg_resources\n"
        f"{site}/pkg_resources/__init__.py:3117: DeprecationWarning: Deprecated call to "
        "`pkg_resources.declare_namespace('ruamel')`.\n"
        "Implementing implicit namespace packages (as specified in PEP 420) is preferred.\n"
        "  declare_namespace(pkg)\n"
        f"{site}/sanic_cors/extension.py:39: DeprecationWarning: distutils Version classes are "
        "deprecated. Use packaging.version instead.\n"
        "  SANIC_VERSION = LooseVersion(sanic_version)\n"
        f"{site}/matplotlib/fontconfig_pattern.py:66: PyparsingDeprecationWarning: "
        "'setParseAction' deprecated - use 'set_parse_action'\n"
        "  ).setParseAction(self._family)\n"
        "2026-12-01 13:06:54 INFO     root  - Starting Rasa server on http://127.0.0.1:5005\n"
        f"{site}/rasa/core/x.py:9: DeprecationWarning: a new one nobody has looked at\n"
        "  call()\n"
        "2026-12-01 13:07:11 INFO     root  - Rasa server is up and running.\n"
    )
    out = io.StringIO()
    load_prepare().quiet_log(io.StringIO(output), out)
    assert out.getvalue() == (
        "2026-12-01 13:06:54 INFO     root  - Starting Rasa server on http://127.0.0.1:5005\n"
        f"{site}/rasa/core/x.py:9: DeprecationWarning: a new one nobody has looked at\n"
        "  call()\n"
        "2026-12-01 13:07:11 INFO     root  - Rasa server is up and running.\n"
    )


def test_model_fingerprint_covers_what_training_reads_and_nothing_else() -> None:
    prepare = load_prepare()
    project = ROOT / "rasa_project"
    read = {p.relative_to(project).as_posix() for p in prepare.training_inputs()}
    assert {"config.yml", "domain.yml", "data/nlu.yml", "data/rules.yml"} <= read
    # The endpoints and channels are run-time settings: editing them must not retrain.
    assert not read & {"endpoints.yml", "credentials.yml", "tests/test_stories.yml"}


def test_install_marker_follows_the_pins_not_the_comments(tmp_path: Path) -> None:
    prepare = load_prepare()
    constraints = tmp_path / "constraints.txt"
    prepare.CONSTRAINTS = constraints
    constraints.write_text("# pins\njax==0.4.13\nnumpy==1.23.5\n")
    first = prepare.install_marker()
    constraints.write_text("# pins, reworded\nnumpy==1.23.5  # why\n\njax==0.4.13\n")
    assert prepare.install_marker() == first
    constraints.write_text("# pins\njax==0.4.14\nnumpy==1.23.5\n")
    assert prepare.install_marker() != first
    assert first.name.startswith(f".installed-{prepare.RASA_VERSION}-")


def load_local_stack() -> ModuleType:
    spec = importlib.util.spec_from_file_location("local_stack", LOCAL_STACK)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)  # its dataclass looks its module up
    spec.loader.exec_module(sys.modules[spec.name])
    return sys.modules[spec.name]


def test_check_reads_the_desktop_as_the_agent_run_local_creates(
    tmp_path: Path, default_router: Router
) -> None:
    """--check's desktop half against a real desktop (no Rasa): the agent run_local.sh adds
    works every lane; the check's login and queue reading find the delivered conversation
    once, in its lane; claim works; without a bot the hand-back is refused and the check
    reports the desktop's reason. So a change to the desktop's pages that would blind the
    check fails here, not only in the e2e run."""
    from handoff.desktop import Desktop  # noqa: PLC0415  (the desktop extra)
    from tests.desktop._web import app_for, serve  # noqa: PLC0415

    url = f"sqlite:///{tmp_path / 'desktop.sqlite'}"
    passwords = {"HANDOFF_DESKTOP_ADMIN_PASSWORD": "admin password 1",
                 "HANDOFF_LOCAL_AGENT_PASSWORD": "agent password 1"}  # fmt: skip
    with Desktop(url) as desk:
        desk.upgrade()
        desk.sync_lanes(default_router)
        desk.create_admin("admin", passwords["HANDOFF_DESKTOP_ADMIN_PASSWORD"])
    added = subprocess.run([sys.executable, str(LOCAL_STACK), "agent", url, "agent"],
                           env=os.environ | passwords, capture_output=True, text=True,
                           check=False, timeout=60)  # fmt: skip
    assert added.returncode == 0, added.stderr
    conversation = Conversation.model_validate(
        {"id": "run-local-check-0001", "channel": "rest",
         "turns": [{"role": "user", "text": "I want a human",
                    "intent": {"name": "request_human", "confidence": 0.99}}]}
    )  # fmt: skip
    monday = datetime(2026, 11, 30, 10, tzinfo=timezone.utc)  # the advisers' hours
    decision = default_router.route(conversation, now=monday)
    assert decision.lane == "general_support"
    payload = default_router.payload(conversation, decision, now=monday)
    stack = load_local_stack()
    with Desktop(url) as desk:
        agent = desk.authenticate("agent", passwords["HANDOFF_LOCAL_AGENT_PASSWORD"])
        assert agent is not None
        assert agent.role == "agent"
        assert set(agent.lanes) == {lane.id for lane in desk.lanes()}
        assert desk.receive("key-1", payload.model_dump_json().encode()) == "stored"
        with serve(app_for(desk)) as base, httpx.Client(base_url=base) as browser:
            stack.log_in(browser, "agent", passwords["HANDOFF_LOCAL_AGENT_PASSWORD"])
            page = stack.QueuePage()
            page.feed(browser.get("/").text)
            rows = [row for row in page.rows if row.label == conversation.id]
            assert [(row.lane, row.status) for row in rows] == [(decision.lane, "waiting")]
            card = browser.get(f"/c/{rows[0].pk}")
            assert f'data-testid="lane">{decision.lane}' in card.text
            token = stack.csrf_of(card.text)
            claimed = browser.post(f"/c/{rows[0].pk}/claim", data={"csrf_token": token})
            assert claimed.status_code == 303
            back = browser.post(f"/c/{rows[0].pk}/hand-back", data={"csrf_token": token})
            assert back.status_code != 303
            assert "no bot connected" in stack.action_error(back)
            refused = pytest.raises(RuntimeError, match="as 'agent' got 401")
            with httpx.Client(base_url=base) as stranger, refused:
                stack.log_in(stranger, "agent", "wrong password 1")
