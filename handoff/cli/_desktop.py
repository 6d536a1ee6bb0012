"""``handoff desktop …``: run and administer the agent desktop.

The group lives here so every desktop command shares it: ``upgrade`` and ``create-admin``
are defined below; ``serve`` and ``demo`` join the same group. handoff.desktop (and its
extra's libraries) is imported only when a command runs, with an install hint if missing.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar

import click

from handoff.cli._app import cli, console, guard

__all__ = ["DB_ENV", "DEFAULT_DB", "db_option", "desktop", "desktop_module"]

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_DB = "sqlite:///desktop.sqlite"
DB_ENV = "HANDOFF_DESKTOP_DB"
ADMIN_PASSWORD_ENV = "HANDOFF_DESKTOP_ADMIN_PASSWORD"


def desktop_module() -> ModuleType:
    """``handoff.desktop``, or a one-line error naming the extra to install."""
    try:
        return importlib.import_module("handoff.desktop")
    except ModuleNotFoundError as error:
        missing = (error.name or "").split(".")[0]
        if missing and missing != "handoff":
            raise click.ClickException(
                f"the desktop needs {missing!r}: pip install 'handoff-router[desktop]'"
            ) from None
        raise


def db_option(command: F) -> F:
    """``--db URL`` (default ``$HANDOFF_DESKTOP_DB``, else ``sqlite:///desktop.sqlite``)."""
    return click.option(
        "--db",
        "db",
        default=DEFAULT_DB,
        envvar=DB_ENV,
        show_default=True,
        metavar="URL",
        help="The desktop's database: an SQLAlchemy URL, e.g. sqlite:///desktop.sqlite or "
        f"postgresql+psycopg://user@host/db (or set {DB_ENV}; a URL with a password is "
        "better given there than on the command line).",
    )(command)


@cli.group()
def desktop() -> None:
    """Run and administer the agent desktop (pip install 'handoff-router[desktop]').

    \b
    Examples:
      handoff desktop upgrade --db sqlite:///desktop.sqlite
      handoff desktop create-admin ada --db sqlite:///desktop.sqlite
    """


@desktop.command()
@db_option
@guard
def upgrade(db: str) -> int:
    """Create the desktop's tables, or migrate them to this version of handoff.

    Safe to run again: a database already up to date is left as it is.

    \b
    Example:
      $ handoff desktop upgrade --db sqlite:///desktop.sqlite
      desktop database is at revision 0002 (current)
    """
    module = desktop_module()
    with module.Desktop(db) as desk:
        desk.upgrade()
        desk.check()
    from handoff.desktop import migrations  # noqa: PLC0415  (the extra is installed here)

    console().print(f"desktop database is at revision {migrations.head()} (current)")
    return 0


@desktop.command("create-admin")
@click.argument("username")
@db_option
@guard
def create_admin(username: str, db: str) -> int:
    """Create an admin, who then adds agents, supervisors and lanes in the desktop.

    The password is read from HANDOFF_DESKTOP_ADMIN_PASSWORD if set (for scripts), else
    asked for twice without echo. It must have at least 10 characters. The database must
    be set up first (handoff desktop upgrade).

    \b
    Example:
      $ handoff desktop create-admin ada --db sqlite:///desktop.sqlite
      Password:
      Repeat for confirmation:
      admin 'ada' created
    """
    module = desktop_module()
    with module.Desktop(db) as desk:
        desk.check()  # an unusable or un-migrated database is reported before the prompt
        password = os.environ.get(ADMIN_PASSWORD_ENV)
        if not password:
            password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
        user = desk.create_admin(username, password)
    console().print(f"admin {user.username!r} created")
    return 0
