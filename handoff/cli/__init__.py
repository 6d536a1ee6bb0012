"""The designer CLI: ``handoff validate|explain|graph|test|schema|diff|replay|evaluate``,
``handoff report`` (the outcomes report), ``handoff rules …`` (governed rule changes),
``handoff desktop …`` (the agent desktop) and ``handoff chat serve`` (the customer's page).

Install with ``pip install 'handoff-router[cli]'``. This is an edge module (layer 5): it may import
anything in handoff, and nothing in handoff imports it.
"""

from __future__ import annotations

from handoff.cli import (
    _chat,
    _desktop,
    _desktop_export,
    _desktop_web,
    _diff,
    _evaluate,
    _explain,
    _graph,
    _replay,
    _report,
    _rules,
    _schema,
    _synth,
    _synth_conversations,
    _synth_outcomes,
    _test,
    _validate,
)
from handoff.cli._app import cli, main

__all__ = ["cli", "main"]

# The command modules register themselves on ``cli`` when imported.
del _chat, _desktop, _desktop_web, _diff, _evaluate, _explain, _graph, _replay, _schema, _test
del _report, _rules, _synth, _synth_conversations, _validate
del _synth_outcomes, _desktop_export
