"""The JSON Schema of rules files, generated from the models (published as rules/schema.json)."""

from __future__ import annotations

import json
from typing import Any

from handoff.models.rules import RuleSet

__all__ = ["rules_json_schema", "rules_json_schema_text"]

SCHEMA_ID = "https://github.com/handoff-dev/handoff/rules/schema.json"


def rules_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) that editors use to complete and check rules files."""
    schema = RuleSet.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "handoff rules"
    return schema


def rules_json_schema_text() -> str:
    """The schema as the stable, pretty-printed text stored in rules/schema.json."""
    return json.dumps(rules_json_schema(), indent=2, sort_keys=True) + "\n"
