"""``handoff graph``: the compiled decision graph as Mermaid, DOT or SVG (through Graphviz)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from handoff.cli._app import EXISTING, OUTPUT, cli, console, guard, load_router
from handoff.errors import HandoffError
from handoff.graph.compile import START, CompiledRules

# Edge kinds of CompiledRules.graph and how a designer reads them.
EDGE_LABELS = {
    "else": "no match",
    "match": "match",
    "uses": "uses",
    "fallback": "closed or full",
    "fault": "on error",
    "reply": "customer replies",
}
FIRST_EDGE_LABEL = "every turn"
LANE_COLOURS = {
    "bot": "#e8f0fe",
    "human": "#e6f4ea",
    "specialist": "#fef7e0",
    "callback": "#f3e8fd",
    "override": "#fce8e6",
}
INSTALL_DOT = (
    "SVG needs Graphviz's 'dot' program, which is not installed.\n"
    "  Debian/Ubuntu: sudo apt-get install graphviz\n"
    "  macOS:         brew install graphviz\n"
    "  Windows:       winget install graphviz\n"
    "Or use --format mermaid or --format dot, which need nothing else."
)


@cli.command()
@click.argument("rules", type=EXISTING)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["mermaid", "dot", "svg"]),
    default="mermaid",
    show_default=True,
    help="mermaid (paste into Markdown), dot (Graphviz source) or svg (a picture).",
)
@click.option(
    "--output",
    "-o",
    type=OUTPUT,
    help="Write to this file instead of standard output.",
)
@guard
def graph(rules: Path, fmt: str, output: Path | None) -> int:
    """Draw the decision graph as Mermaid, DOT or SVG.

    The graph shows the rules in evaluation order, the lanes they route to, the named
    conditions they use, lane fallbacks and the safe lane.

    Mermaid renders in GitHub, GitLab and most Markdown editors (wrap it in a ```mermaid
    block); SVG needs Graphviz's `dot` program.

    \b
    Examples:
      $ handoff graph rules/default.yaml > docs/default.mmd
      $ handoff graph rules/banking.yaml --format svg --output banking.svg
    """
    compiled = load_router(rules).compiled
    if fmt == "mermaid":
        text = to_mermaid(compiled)
    else:
        source = to_dot(compiled)
        text = source.source if fmt == "dot" else _render_svg(source)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        output.write_text(text, encoding="utf-8")
        console(stderr=True).print(f"wrote {output}")
    return 0


def _ids(compiled: CompiledRules) -> dict[str, str]:
    """Graph node → an id safe in Mermaid and DOT, readable and stable."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for node in compiled.graph.nodes:
        kind, _, name = str(node).partition(":")
        prefix = {"rule": "rule_", "lane": "lane_", "condition": "cond_"}.get(kind, "")
        base = prefix + re.sub(r"\W", "_", name or kind, flags=re.ASCII)
        candidate, number = base, 2
        while candidate in taken:
            candidate, number = f"{base}_{number}", number + 1
        ids[node] = candidate
        taken.add(candidate)
    return ids


def _label_lines(compiled: CompiledRules, node: str, data: dict[str, Any]) -> list[str]:
    kind = data.get("kind")
    name = node.partition(":")[2]
    if kind == "start":
        return ["start"]
    if kind == "rule":
        rule = compiled.ruleset.rules[data["position"]]
        tags = ["red line"] if rule.red_line else []
        if rule.severity != "high":
            tags.append(f"{rule.severity} severity")
        return [name, *([", ".join(tags)] if tags else [])]
    if kind == "lane":
        kind_name: str = compiled.lanes[name].lane.kind
        if name == compiled.ruleset.settings.default_lane:
            kind_name += ", default"
        return [name, kind_name]
    return [name, "named condition"]


def to_mermaid(compiled: CompiledRules) -> str:
    """A Mermaid flowchart of the decision graph (stable: graph order, no timestamps)."""
    ids = _ids(compiled)
    lines = ["flowchart TD"]
    for node, data in compiled.graph.nodes(data=True):
        label = "<br/>".join(_mermaid_text(t) for t in _label_lines(compiled, node, data))
        kind = data.get("kind")
        node_id = ids[node]
        if kind == "start":
            lines.append(f'    {node_id}(("{label}"))')
        elif kind == "rule":
            lines.append(f'    {node_id}["{label}"]')
            if data.get("red_line"):
                lines.append(f"    class {node_id} red_line")
        elif kind == "lane":
            lines.append(f'    {node_id}(["{label}"])')
            lines.append(f"    class {node_id} {data['lane_kind']}")
        else:
            lines.append(f'    {node_id}{{{{"{label}"}}}}')
            lines.append(f"    class {node_id} condition")
    for source, target, kind in compiled.graph.edges(data="kind"):
        arrow = "-.->" if kind in ("uses", "fault", "fallback", "reply") else "-->"
        lines.append(f"    {ids[source]} {arrow}|{_edge_label(source, kind)}| {ids[target]}")
    for lane_kind, colour in LANE_COLOURS.items():
        lines.append(f"    classDef {lane_kind} fill:{colour},stroke:#555")
    lines.append("    classDef red_line fill:#fde8e8,stroke:#c0392b")
    lines.append("    classDef condition fill:#f5f5f5,stroke:#999,stroke-dasharray:3")
    return "\n".join(lines) + "\n"


def _edge_label(source: str, kind: str) -> str:
    if source == START and kind == "else":
        return FIRST_EDGE_LABEL
    return EDGE_LABELS.get(kind, kind)


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def to_dot(compiled: CompiledRules) -> Any:
    """The decision graph as a ``graphviz.Digraph`` (its ``.source`` is the DOT text)."""
    try:
        import graphviz  # noqa: PLC0415  (only the dot and svg formats need it)
    except ImportError:
        raise HandoffError(
            "--format dot and svg need the graphviz package: pip install 'handoff-router[cli]'"
        ) from None
    ids = _ids(compiled)
    dot = graphviz.Digraph(compiled.ruleset.name or "rules")
    dot.attr(rankdir="TB", fontname="Helvetica")
    dot.attr("node", fontname="Helvetica", fontsize="11")
    dot.attr("edge", fontname="Helvetica", fontsize="9")
    for node, data in compiled.graph.nodes(data=True):
        label = "\\n".join(_label_lines(compiled, node, data))
        kind = data.get("kind")
        if kind == "start":
            dot.node(ids[node], label, shape="circle")
        elif kind == "rule":
            fill = "#fde8e8" if data.get("red_line") else "#ffffff"
            dot.node(ids[node], label, shape="box", style="filled", fillcolor=fill)
        elif kind == "lane":
            colour = LANE_COLOURS.get(data["lane_kind"], "#ffffff")
            dot.node(ids[node], label, shape="box", style="rounded,filled", fillcolor=colour)
        else:
            dot.node(ids[node], label, shape="hexagon", style="dashed")
    for source, target, kind in compiled.graph.edges(data="kind"):
        style = "dashed" if kind in ("uses", "fault", "fallback", "reply") else "solid"
        dot.edge(ids[source], ids[target], label=_edge_label(source, kind), style=style)
    return dot


def _render_svg(dot: Any) -> str:
    import graphviz  # noqa: PLC0415

    try:
        svg: bytes = dot.pipe(format="svg")
    except graphviz.ExecutableNotFound:
        raise HandoffError(INSTALL_DOT) from None
    except graphviz.CalledProcessError as error:
        raise HandoffError(f"Graphviz failed to draw the graph: {error}") from None
    return svg.decode("utf-8")
