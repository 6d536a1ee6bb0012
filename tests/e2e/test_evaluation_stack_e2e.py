"""The whole routing evaluation set through the real stack (Rasa 3.6.21 REST channel → our
action server → payload receiver), as ``rasa_project/scripts/evaluate_stack.py`` runs it.

It asserts that the run completed (every message answered, every handoff's payload stored)
and that each conversation ends as the engine evaluation says wherever Rasa parsed its
messages as the committed parses record. It does not assert a routing-quality target: the
numbers are reported in tests/data/routing_eval/results/README.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from handoff.evaluation import load_eval_set, load_parses
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "rasa_project" / "scripts"))
import evaluate_stack

pytestmark = pytest.mark.e2e


def test_every_conversation_through_the_stack(rasa_model: Path, tmp_path: Path) -> None:
    evalset = load_eval_set(evaluate_stack.EVALSET)
    parses = load_parses(evaluate_stack.PARSES)
    with evaluate_stack.running_stack(tmp_path, evaluate_stack.RULES, rasa_model) as stack:
        result = evaluate_stack.evaluate_stack(stack, evalset, evaluate_stack.RULES, parses)
    assert result.transport_errors == []
    assert result.lost_payloads == []
    assert len(result.evaluation.conversations) == len(evalset.conversations)
    # Where Rasa's NLU gave the committed parses, the stack and the engine must agree.
    same_nlu = [d for d in result.differences if d.split(":", 1)[0] not in result.nlu_differs]
    assert same_nlu == [], "\n".join(same_nlu)
