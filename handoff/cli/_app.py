"""The click group, exit codes, output helpers and argument types shared by every command.

Exit codes: 0 all good, 1 the input is invalid (broken rules, failing cases, unreadable
conversations), 2 the command line itself is wrong (click's usage errors). Errors are
printed as ``file:line:col: message`` with a hint, never as a traceback.
"""

from __future__ import annotations

import errno
import functools
import sys
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.text import Text

from handoff import __version__
from handoff.errors import HandoffError, Problem, RulesError
from handoff.router import Router

__all__ = [
    "EXISTING",
    "MOMENT",
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


class _Existing(click.Path):
    """An existing regular file or folder (not a device, socket or pipe)."""

    def __init__(self, *, dir_okay: bool = True) -> None:
        super().__init__(exists=True, dir_okay=dir_okay, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(str(super().convert(value, param, ctx)))
        if not (path.is_file() or (self.dir_okay and path.is_dir())):
            what = "a regular file or a folder" if self.dir_okay else "a regular file"
            self.fail(f"{str(path)!r} is not {what}.", param, ctx)
        return path


EXISTING = _Existing()
EXISTING_FILE = _Existing(dir_okay=False)


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
    """Load and compile rules; RulesError (with every problem located) if they are unusable."""
    return Router.from_path(path)
