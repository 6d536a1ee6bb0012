"""``handoff synth …``: synthetic logs of any size, for load tests, benchmarks and demos.

Each kind of log registers its own subcommand on :data:`synth` (conversations for
``handoff replay``, outcome records for ``handoff report``). Synthetic data is generated
from a seed, so the same command writes the same files, and it never holds real customers:
ids are made up and texts come from templates.
"""

from __future__ import annotations

from handoff.cli._app import cli

__all__ = ["synth"]


@cli.group()
def synth() -> None:
    """Write synthetic logs of any size (sharded files, reproducible from a seed).

    \b
    Examples:
      handoff synth conversations 1000000 --out logs/synthetic --shards 64
      handoff synth outcomes 1000000 --out outcomes/synthetic --shards 16
    """
