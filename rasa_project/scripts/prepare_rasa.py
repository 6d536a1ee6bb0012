"""Install Rasa and train the bot, once, for both run_local.sh and the e2e tests.

    .venv/bin/python rasa_project/scripts/prepare_rasa.py          # prints the model's path
    .venv/bin/python rasa_project/scripts/prepare_rasa.py --env    # the environment Rasa runs in
    rasa ... 2>&1 | .venv/bin/python rasa_project/scripts/prepare_rasa.py --quiet-log LOG

Prints the trained model's path on stdout and what it is doing on stderr, with where the
log is. Standard library only (it runs before anything else is installed).

- Rasa 3.6.21 goes into ``.venv-rasa`` (its own Python 3.10 venv: Rasa 3.6 pins pydantic 1
  and Python < 3.11). A marker file records a finished install of this Rasa version with
  these pins (constraints.txt), so an interrupted install, or a change of pins, installs
  again. Log: ``.e2e/rasa-install.log``.
- The model is named after a fingerprint of what training reads (Rasa's version,
  ``config.yml``, ``domain.yml``, ``data/**/*.yml``): ``.e2e/models/handoff-<sha256[:12]>.tar.gz``.
  Whoever runs first (run_local.sh or pytest) trains it; the other reuses it. A change to
  the config or the data gives a new name, so a stale model is never reused. It is trained
  into a temporary folder and moved into place, so an interrupted training leaves no
  half-written model behind. Log: ``.e2e/rasa-train.log``.
- A lock (``.e2e/prepare.lock``) makes a second caller wait instead of installing or
  training the same thing at the same time.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ROOT / "rasa_project"
VENV = ROOT / ".venv-rasa"
WORK = ROOT / ".e2e"
RASA_VERSION = "3.6.21"
CONSTRAINTS = PROJECT / "constraints.txt"
INSTALL_LOG = WORK / "rasa-install.log"
TRAIN_LOG = WORK / "rasa-train.log"
# Third-party DeprecationWarnings that Rasa 3.6's dependencies print at start-up: each was
# checked to be harmless noise, and each is matched by the start of its message. A
# PYTHONWARNINGS filter cannot hide them: sanic 21.12 (sanic/app.py:120) runs
# `filterwarnings("once", category=DeprecationWarning)` when Rasa imports it, which puts
# "show once" in front of any filter set from the environment. So the log writer drops
# them (quiet_log below); any other warning still reaches the log.
KNOWN_NOISE = (
    "DeprecationWarning: pkg_resources is deprecated as an API",  # rasa/shared/utils/validation.py:134
    "DeprecationWarning: Deprecated call to `pkg_resources.declare_namespace(",  # mpl_toolkits, ruamel
    "DeprecationWarning: distutils Version classes are deprecated",  # sanic_cors/extension.py:39
    "PyparsingDeprecationWarning: 'setParseAction' deprecated",  # matplotlib/fontconfig_pattern.py
    "PyparsingDeprecationWarning: 'parseString' deprecated",
    "PyparsingDeprecationWarning: 'resetCache' deprecated",
    # rasa/core/tracker_store.py:1166 (SQLTrackerStore.get_db_url, which the SQL event broker
    # of endpoints.yml uses) builds its URL the SQLAlchemy 1.3 way; SQLAlchemy 1.4 still
    # accepts it.
    "SADeprecationWarning: Calling URL() directly is deprecated",
)


def rasa_settings() -> dict[str, str]:
    """What every Rasa command here runs with: no telemetry, Rasa's cache out of the
    repository, and SQLAlchemy's 2.0 banner silenced."""
    return {
        "RASA_TELEMETRY_ENABLED": "false",
        "RASA_CACHE_DIRECTORY": str(WORK / "rasa-cache"),
        # SQLAlchemy 1.4's "MovedIn20Warning" banner about Rasa's tracker store; the
        # variable is SQLAlchemy's own switch for exactly that message.
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def rasa_env() -> dict[str, str]:
    return os.environ | rasa_settings()


def quiet_log(lines: Iterable[str], out: TextIO) -> None:
    """Copy Rasa's output to ``out`` without the KNOWN_NOISE warnings.

    Python prints a warning as ``file:line: Category: message`` (the message may run over
    several lines), then the source line indented by two spaces: a known warning is
    dropped up to and including that source line.
    """
    dropping = False
    for line in lines:
        if not dropping and ": " in line and any(f": {n}" in line for n in KNOWN_NOISE):
            dropping = True
        if dropping:
            dropping = not line.startswith("  ")
            continue
        out.write(line)
        out.flush()


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def relative(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def fail(message: str, log: Path) -> None:
    tail = "".join(log.read_text(errors="replace").splitlines(keepends=True)[-30:])
    say(f"{message}; the end of {relative(log)}:\n{tail}")
    sys.exit(1)


def run(command: list[str], log: Path, what: str, **kwargs: object) -> None:
    with log.open("a") as out:
        out.write(f"$ {' '.join(command)}\n")
        out.flush()
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, errors="replace", **kwargs) as process:  # type: ignore[call-overload]  # fmt: skip
            quiet_log(process.stdout, out)
        code = process.returncode
    if code != 0:
        fail(f"{what} failed (exit {code})", log)


def python310() -> str:
    """Rasa 3.6 needs Python 3.10; pyenv keeps it off PATH unless selected."""
    found = shutil.which("python3.10")
    if found and subprocess.call([found, "--version"], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL) == 0:  # fmt: skip
        return found
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(pyenv.glob("versions/3.10.*/bin/python"),
                        key=lambda p: [int(x) for x in p.parts[-3].split(".")])  # fmt: skip
    if not candidates:
        say("Rasa 3.6 needs Python 3.10: install it (e.g. `pyenv install 3.10`) and run again")
        sys.exit(1)
    return str(candidates[-1])


def install_marker() -> Path:
    """Written after a finished install; named after the Rasa version and the pins (not
    the comments), so a change to either installs again."""
    lines = (line.split("#")[0].strip() for line in CONSTRAINTS.read_text().splitlines())
    pins = hashlib.sha256("\n".join(sorted(filter(None, lines))).encode()).hexdigest()[:8]
    return VENV / f".installed-{RASA_VERSION}-{pins}"


def install() -> None:
    marker = install_marker()
    if marker.exists():
        return
    say(f"installing Rasa {RASA_VERSION} into .venv-rasa (first run only, 2 to 4 minutes; "
        f"log: {relative(INSTALL_LOG)})")  # fmt: skip
    started = time.monotonic()
    INSTALL_LOG.write_text("")
    shutil.rmtree(VENV, ignore_errors=True)
    run([python310(), "-m", "venv", str(VENV)], INSTALL_LOG, "creating .venv-rasa")
    run([str(VENV / "bin" / "pip"), "install", f"rasa=={RASA_VERSION}",
         "-c", str(CONSTRAINTS)], INSTALL_LOG, "installing Rasa")  # fmt: skip
    marker.touch()
    say(f"installed Rasa {RASA_VERSION} in {time.monotonic() - started:.0f} s")


def training_inputs() -> list[Path]:
    """The files `rasa train` reads here (endpoints and channels are run-time settings)."""
    return [PROJECT / "config.yml", PROJECT / "domain.yml",
            *sorted((PROJECT / "data").rglob("*.yml"))]  # fmt: skip


def fingerprint() -> str:
    """What training reads, and the Rasa that reads it."""
    digest = hashlib.sha256(f"rasa {RASA_VERSION}\n".encode())
    for path in training_inputs():
        digest.update(path.relative_to(PROJECT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def train() -> Path:
    name = f"handoff-{fingerprint()}"
    models = WORK / "models"
    model = models / f"{name}.tar.gz"
    if model.exists():
        say(f"reusing the trained bot {relative(model)} (same Rasa, config and training data)")
        return model
    say(f"training the bot (1 to 2 minutes on 2 cores; log: {relative(TRAIN_LOG)})")
    started = time.monotonic()
    models.mkdir(parents=True, exist_ok=True)
    TRAIN_LOG.write_text("")
    with tempfile.TemporaryDirectory(dir=models, prefix=".training-") as scratch:
        run([str(VENV / "bin" / "rasa"), "train", "--fixed-model-name", name, "--out", scratch],
            TRAIN_LOG, "training the bot", cwd=PROJECT, env=rasa_env())  # fmt: skip
        os.replace(Path(scratch) / model.name, model)
    say(f"trained {relative(model)} in {time.monotonic() - started:.0f} s")
    return model


def main() -> None:
    if sys.argv[1:2] == ["--quiet-log"] and len(sys.argv) == 3:  # stdin to that log
        # Ctrl-C reaches the whole process group: the filter keeps copying until Rasa, which
        # run_local.sh stops, closes its output (its last lines stay in the log), instead of
        # dying first with a KeyboardInterrupt traceback on the screen.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        with open(sys.argv[2], "a") as out:
            quiet_log(sys.stdin, out)
        return
    if sys.argv[1:] == ["--env"]:  # for run_local.sh: `eval` these before `rasa run`
        for key, value in rasa_settings().items():
            print(f"export {key}={shlex.quote(value)}")
        return
    WORK.mkdir(exist_ok=True)
    with (WORK / "prepare.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("waiting for another run that is installing Rasa or training the bot...")
            fcntl.flock(lock, fcntl.LOCK_EX)
        install()
        model = train()
    print(model)


if __name__ == "__main__":
    main()
