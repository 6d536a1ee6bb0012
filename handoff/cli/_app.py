"""The click group, exit codes, output helpers and argument types shared by every command.

Exit codes: 0 all good, 1 the input is invalid (broken rules, failing cases, unreadable
conversations, a file that is missing, a folder, unreadable or not UTF-8), 2 the command line
itself is wrong (click's usage errors: an unknown option, a missing argument). Errors are
printed as ``file:line:col: message`` with a hint, never as a traceback. Every path argument
uses :data:`EXISTING`, :data:`EXISTING_FILE` or :data:`OUTPUT`, so a path that cannot be used
is one line, ``path: what is wrong (did you mean …?)``, and exit status 1, in every command.
"""

from __future__ import annotations

import errno
import functools
import os
import stat
import sys
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from handoff import __version__
from handoff.cli._inputs import usage_hint, what_else
from handoff.errors import HandoffError, Problem, RulesError, similar_path
from handoff.router import Router

__all__ = [
    "EXISTING",
    "EXISTING_FILE",
    "MOMENT",
    "OUTPUT",
    "InputError",
    "cli",
    "console",
    "guard",
    "load_router",
    "main",
    "print_problems",
]

F = TypeVar("F", bound=Callable[..., int])

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="handoff")
def cli() -> None:
    """Check, explain, draw, test and compare handoff rules from a terminal.

    \b
    Examples:
      handoff validate rules/default.yaml rules/retail.yaml
      handoff explain rules/default.yaml rules/samples/default/02_asks_for_a_human.json
      handoff test rules/default.yaml rules/tests/default.yaml

    Run `handoff COMMAND --help` for each command's options and an example.
    """


def main() -> None:
    """Entry point of the ``handoff`` script."""
    cli.main(prog_name="handoff")


def console(*, stderr: bool = False) -> Console:
    """A console on stdout (or stderr): colours only on a terminal, never wraps lines.

    Rich honours NO_COLOR; ``soft_wrap`` keeps piped output one record per line, so it
    diffs cleanly in code review.
    """
    return Console(
        file=sys.stderr if stderr else sys.stdout,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=True,
    )


def print_problems(out: Console, problems: Iterable[Problem]) -> None:
    """Each problem as ``file:line:col: message`` and an indented hint."""
    for problem in problems:
        # str(problem) is "file:line:col: message (at key.path)\n    hint: ..."
        head = str(problem).split("\n", 1)[0]
        where = head[len(f"{problem.location}: {problem.message}") :]
        out.print(Text.assemble((problem.location, "bold"), ": ", (problem.message, "red"), where))
        if problem.hint:
            out.print(Text.assemble("    ", ("hint:", "cyan"), " ", problem.hint))


def guard(command: F) -> F:
    """Turn a command's returned status into its exit code and expected errors into messages.

    A ``RulesError`` prints its problems, any other ``HandoffError`` its message (exit 1);
    anything unexpected is reported in one line instead of a traceback.
    """

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> int:
        try:
            status = command(*args, **kwargs)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except RulesError as error:
            err = console(stderr=True)
            print_problems(err, error.problems)
            count = len(error.problems)
            err.print(f"{count} problem{'s' if count != 1 else ''} in the rules", style="red")
            status = 1
        except HandoffError as error:
            console(stderr=True).print(str(error), style="red")
            status = 1
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise
            name = f" {error.filename}" if error.filename else ""
            console(stderr=True).print(f"cannot use{name}: {error.strerror or error}", style="red")
            status = 1
        except (Exception, RecursionError) as error:
            console(stderr=True).print(
                f"internal error: {type(error).__name__}: {error}\n"
                "This is a bug in handoff; please report it with the command you ran.",
                style="red",
            )
            status = 1
        raise click.exceptions.Exit(status)

    return wrapper  # type: ignore[return-value]


class InputError(click.ClickException):
    """An input or output path that cannot be used: one line naming it, exit status 1.

    Not a usage error (exit 2): the command line is well formed, the file is what is wrong.
    """

    exit_code = 1

    def show(self, file: Any = None) -> None:
        console(stderr=True).print(self.format_message(), style="red")


def input_problem(label: str, path: Path, *, folder_ok: bool) -> str | None:
    """Why ``path`` cannot be read as a command's input, in one line; None if it can."""
    expected = "file or folder" if folder_ok else "file"
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        suggestion = similar_path(path)
        hint = f" (did you mean {suggestion}?)" if suggestion is not None else ""
        return f"{label}: no such {expected}{hint}"
    except NotADirectoryError:
        parent = next((p for p in path.parents if p.is_file()), None)
        where = f" ({parent} is a file, not a folder)" if parent is not None else ""
        return f"{label}: no such {expected}{where}"
    except PermissionError:
        return f"{label}: cannot be read (permission denied)"
    except OSError as error:
        return f"{label}: cannot be read ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        if not folder_ok:
            return f"{label}: is a folder; a file is expected here"
        if not os.access(path, os.R_OK | os.X_OK):
            return f"{label}: the folder cannot be read (permission denied)"
        return None
    if not stat.S_ISREG(mode):
        return f"{label}: not a regular {expected} (a device, pipe or socket)"
    if not os.access(path, os.R_OK):
        return f"{label}: cannot be read (permission denied)"
    return None


def output_problem(label: str, path: Path) -> str | None:
    """Why ``path`` cannot be written as a command's output file, in one line; None if it can."""
    if path.is_dir():
        return f"{label}: is a folder; give a file name to write"
    parent = path.parent
    if not parent.is_dir():
        suggestion = similar_path(parent) if not parent.exists() else None
        hint = f" (did you mean {suggestion / path.name}?)" if suggestion is not None else ""
        return f"{label}: no such folder {parent}{hint}"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{label}: cannot be written (permission denied)"
    return None


class _Existing(click.Path):
    """An existing, readable regular file (or folder); anything else is an InputError."""

    def __init__(self, *, dir_okay: bool = True) -> None:
        super().__init__(exists=False, dir_okay=dir_okay, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        label = os.fsdecode(value)
        path = Path(label)
        problem = input_problem(label, path, folder_ok=self.dir_okay)
        if problem is not None:
            raise InputError(problem)
        return path


class _Output(click.Path):
    """A file to write: its folder must exist and it must not be a folder (else InputError)."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, writable=True, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        label = os.fsdecode(value)
        problem = output_problem(label, Path(label))
        if problem is not None:
            raise InputError(problem)
        return Path(label)


EXISTING = _Existing()
EXISTING_FILE = _Existing(dir_okay=False)
OUTPUT = _Output()


class _Moment(click.ParamType):  # type: ignore[type-arg]
    """An ISO 8601 date and time; without an offset it is taken as UTC."""

    name = "ISO-DATETIME"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        text = str(value).strip()
        if text[-1:] in ("Z", "z"):
            text = text[:-1] + "+00:00"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            self.fail(
                f"{value!r} is not an ISO date and time, e.g. 2026-11-24T10:30:00+00:00",
                param,
                ctx,
            )
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment


MOMENT = _Moment()


def load_router(path: Path) -> Router:
    """Load and compile rules; RulesError (with every problem located) if they are unusable.

    A conversation, a tracker dump or a cases file given where rules are expected (swapped
    arguments) is one HandoffError saying so, instead of the schema errors it would cause.
    """
    try:
        return Router.from_path(path)
    except RulesError:
        kind = what_else(path) if path.is_file() else None
        if kind is None:
            raise
        raise HandoffError(
            f"{path}: this is {kind}, not rules; did you swap the arguments?{usage_hint()}"
        ) from None
