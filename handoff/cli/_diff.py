"""``handoff diff``: what changed between two rule sets, in routing terms, and which lanes
each change can affect (computed by handoff.graph.diff, printed here)."""

from __future__ import annotations

from pathlib import Path

import click
from rich.text import Text

from handoff.cli._app import EXISTING, cli, console, guard, load_router
from handoff.graph.diff import semantic_diff


@cli.command()
@click.argument("old", type=EXISTING)
@click.argument("new", type=EXISTING)
@guard
def diff(old: Path, new: Path) -> int:
    """Compare two rule sets by meaning, not by text.

    Reports lanes added, removed or changed (field by field), named conditions and rule
    conditions compared test by test (so a changed threshold shows as "frustration gte
    0.7 → 0.6"), rules added, removed or reordered, settings, and experiments and shadow
    rules (their blocks and their rules files), each with the lanes whose traffic it can
    change (the rule's lane and every lane a customer could reach after it). Formatting,
    comments and key order do not count.

    \b
    Example:
      $ handoff diff rules/default.yaml new-default.yaml
      lanes
        - callback: removed
      ...
    """
    before = load_router(old).compiled
    after = load_router(new).compiled
    changes = semantic_diff(before, after)
    out = console()
    out.print(Text.assemble(("old ", "bold"), f"{old} (version {before.version})"))
    out.print(Text.assemble(("new ", "bold"), f"{new} (version {after.version})"))
    if not changes:
        out.print("no changes in routing", style="green")
        return 0
    style = {"+": "green", "-": "red", "~": "yellow"}
    section = ""
    for change in changes:
        if change.section != section:
            section = change.section
            out.print(section, style="bold")
        out.print(Text.assemble(f"  {change.mark} ", (change.subject, style[change.mark])))
        for detail in change.details:
            out.print(f"      {detail}")
        if change.lanes:
            out.print(f"      can affect: {', '.join(sorted(change.lanes))}", style="dim")
    out.print(f"{len(changes)} change{'s' if len(changes) != 1 else ''}")
    return 0
