"""``handoff chat serve``: the customer chat page's web server.

It reads and writes the desktop's database (``--db``, as ``handoff desktop serve``) and talks
to Rasa through its callback channel. handoff.chat (the desktop extra's libraries) is imported
only when the command runs, with an install hint if missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from urllib.parse import urlsplit

import click

from handoff.cli._app import cli, console, guard
from handoff.cli._desktop import db_option, desktop_module
from handoff.cli._desktop_web import _is_loopback, _run_server

__all__ = ["CALLBACK_TOKEN_ENV", "SECRET_ENV", "chat", "serve"]

SECRET_ENV = "HANDOFF_CHAT_SECRET"
CALLBACK_TOKEN_ENV = "HANDOFF_CHAT_CALLBACK_TOKEN"
RASA_URL_ENV = "HANDOFF_CHAT_RASA_URL"
JWT_ENV = "HANDOFF_RASA_JWT_SECRET"
DEFAULT_PORT = 8800


@cli.group()
def chat() -> None:
    """Serve the customer chat page (pip install 'handoff-router[desktop]').

    \b
    Example:
      handoff chat serve --db sqlite:///desktop.sqlite --rasa-url http://127.0.0.1:5005
    """


@chat.command()
@db_option
@click.option(
    "--rasa-url",
    default="http://127.0.0.1:5005",
    envvar=RASA_URL_ENV,
    show_default=True,
    help=f"Rasa's base URL (its callback channel receives the customer's messages; or set "
    f"{RASA_URL_ENV}).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True)
@click.option("--title", default="Chat with us", show_default=True, help="The page's heading.")
@click.option(
    "--demo-account",
    "demo_account",
    multiple=True,
    metavar="SLOT=VALUE",
    help="For a demo: set this account slot (customer_id, account_tier, risk_flags; "
    "risk_flags comma-separated) on every new conversation through Rasa's HTTP API, before "
    "its first message (needs HANDOFF_RASA_JWT_SECRET, Rasa's --jwt-secret). Repeatable.",
)
@click.option(
    "--insecure-cookies",
    is_flag=True,
    help="Send the session cookie without Secure, for plain http://127.0.0.1 only; behind "
    "HTTPS leave this off.",
)
@guard
def serve(
    *,
    db: str,
    rasa_url: str,
    host: str,
    port: int,
    title: str,
    demo_account: tuple[str, ...],
    insecure_cookies: bool,
) -> int:
    """Serve the customer chat page: customers talk to the bot, then to an agent.

    The customer's messages go to Rasa's callback channel; Rasa posts each bot message back
    to /rasa/callback on this server with a bearer token. Secrets from the environment
    (each may instead name a file with …_FILE): HANDOFF_CHAT_SECRET signs the customers'
    session cookies (required); HANDOFF_CHAT_CALLBACK_TOKEN is the token Rasa sends
    (required: credentials.yml's callback headers use the same variable; several,
    comma-separated, while rotating). Rasa's HANDOFF_CHAT_CALLBACK_URL must be
    http://HOST:PORT/rasa/callback. The database is the desktop's, migrated first (handoff
    desktop upgrade).

    \b
    Example:
      $ HANDOFF_CHAT_SECRET=... HANDOFF_CHAT_CALLBACK_TOKEN=... handoff chat serve \\
            --db sqlite:///desktop.sqlite --rasa-url http://127.0.0.1:5005
      handoff chat on http://127.0.0.1:8800 (Rasa at http://127.0.0.1:5005); Ctrl-C stops it
    """
    if insecure_cookies and not _is_loopback(host):
        raise click.UsageError("--insecure-cookies is only for a server on 127.0.0.1")
    desktop_module()  # the extra's install hint, if missing
    from handoff.adapters.rasa_actions import ConfigError, SecretSource  # noqa: PLC0415
    from handoff.chat import ChatStore, create_app  # noqa: PLC0415
    from handoff.chat.app import account_slots  # noqa: PLC0415

    try:
        session = SecretSource(SECRET_ENV, os.environ).values()
        callback = SecretSource(CALLBACK_TOKEN_ENV, os.environ)
    except ConfigError as error:
        raise click.UsageError(str(error)) from None
    if not session:
        raise click.UsageError(f"set {SECRET_ENV} to a long random secret (signs the cookies)")
    if not callback:
        raise click.UsageError(
            f"set {CALLBACK_TOKEN_ENV} to the bearer token Rasa's callback channel sends "
            "(rasa_project/credentials.yml)"
        )
    where = urlsplit(rasa_url)
    if where.scheme not in ("http", "https") or not where.hostname:
        raise click.UsageError("--rasa-url must be an http:// or https:// URL")
    rasa_at = f"{where.scheme}://{where.hostname}{f':{where.port}' if where.port else ''}"
    on_start = None
    if demo_account:
        slots: dict[str, object] = {}
        for item in demo_account:
            name, equals, value = item.partition("=")
            if not equals:
                raise click.UsageError(f"--demo-account {item!r}: write SLOT=VALUE")
            slots[name.strip()] = (
                [flag.strip() for flag in value.split(",") if flag.strip()]
                if name.strip() == "risk_flags"
                else value.strip()
            )
        try:
            jwt_secret = SecretSource(JWT_ENV, os.environ).values()
        except ConfigError as error:
            raise click.UsageError(str(error)) from None
        if not jwt_secret:
            raise click.UsageError(f"--demo-account needs {JWT_ENV} (Rasa's --jwt-secret)")
        try:
            on_start = account_slots(rasa_url, jwt_secret[0], slots)
        except ValueError as error:
            raise click.UsageError(str(error)) from None
    chat_store = ChatStore(db)
    try:
        chat_store.check()
        app = create_app(
            chat_store,
            rasa_url=rasa_url,
            session_secret=session[0],
            callback_tokens=callback.values,
            secure_cookies=not insecure_cookies,
            title=title,
            on_start=on_start,
        )
        shown = f"[{host}]" if ":" in host else host

        def started(actual: int, stop: Callable[[], None]) -> None:
            console().print(
                f"handoff chat on http://{shown}:{actual} (Rasa at {rasa_at}; its callback "
                "channel posts to /rasa/callback); Ctrl-C stops it"
            )

        _run_server(app, host, port, on_started=started)
    finally:
        chat_store.close()
    return 0
