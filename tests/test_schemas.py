"""The published JSON Schemas match the models, and real files validate against them."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from handoff import Router
from handoff.payload import payload_json_schema
from handoff.rules.schema import rules_json_schema
from handoff.testing import load_cases
from tests.conftest import RULE_FILES, RULES

REGENERATE = "regenerate with: python -m handoff.schemas"


def test_rules_schema_file_matches_models() -> None:
    """rules/schema.json is exactly what the models generate."""
    published = json.loads((RULES / "schema.json").read_text())
    assert published == rules_json_schema(), REGENERATE


def test_payload_schema_file_matches_models() -> None:
    """rules/payload.schema.json is exactly what the payload model generates."""
    published = json.loads((RULES / "payload.schema.json").read_text())
    assert published == payload_json_schema(), REGENERATE


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
def test_rules_files_validate_against_published_schema(path: Path) -> None:
    """What an editor checks agrees with what the loader accepts."""
    schema = json.loads((RULES / "schema.json").read_text())
    data = YAML(typ="safe").load(path.read_text())
    jsonschema.validate(data, schema)


def test_schema_rejects_unknown_signal() -> None:
    """The schema flags a misspelled signal, as the loader does."""
    schema = json.loads((RULES / "schema.json").read_text())
    data = YAML(typ="safe").load((RULES / "default.yaml").read_text())
    data["rules"][0]["when"] = {"frustraton": {"gte": 0.5}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_payloads_validate_against_published_schema() -> None:
    """Every sample payload, as JSON, validates against rules/payload.schema.json."""
    schema = json.loads((RULES / "payload.schema.json").read_text())
    router = Router.from_path(RULES / "default.yaml")
    count = 0
    for _, case in load_cases(RULES / "samples" / "default"):
        decision = router.replay(case.conversation, now=case.now)[-1]
        payload = router.payload(case.conversation, decision, now=case.now)
        jsonschema.validate(json.loads(payload.model_dump_json()), schema)
        count += 1
    assert count >= 5
