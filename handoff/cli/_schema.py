"""``handoff schema``: the JSON Schema of rules files, for editor completion and checks."""

from __future__ import annotations

from pathlib import Path

import click

from handoff.cli._app import OUTPUT, cli, console, guard
from handoff.rules.schema import rules_json_schema_text


@cli.command()
@click.option(
    "--output",
    "-o",
    type=OUTPUT,
    help="Write the schema to this file instead of standard output.",
)
@guard
def schema(output: Path | None) -> int:
    """Print (or write) the JSON Schema of rules files.

    Editors with the YAML language server (VS Code's YAML extension) complete and check a
    rules file whose first line points at the schema:

    \b
      # yaml-language-server: $schema=./schema.json

    \b
    Example:
      $ handoff schema --output rules/schema.json
      wrote rules/schema.json
    """
    text = rules_json_schema_text()
    if output is None:
        click.echo(text, nl=False)
        return 0
    output.write_text(text, encoding="utf-8")
    console(stderr=True).print(f"wrote {output}")
    return 0
