"""Rules files: YAML → validated RuleSet with source positions; the JSON Schema designers use."""

from handoff.rules.loader import (
    LoadedRules,
    SeparateRuleSets,
    SourceMap,
    load_rules,
    locate_validation_error,
    parse_rules_text,
    read_yaml,
    ruleset_version,
)
from handoff.rules.schema import rules_json_schema

__all__ = [
    "LoadedRules",
    "SeparateRuleSets",
    "SourceMap",
    "load_rules",
    "locate_validation_error",
    "parse_rules_text",
    "read_yaml",
    "rules_json_schema",
    "ruleset_version",
]
