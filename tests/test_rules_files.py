"""One test per rules file in rules/: it compiles, its samples route as expected, and
together the samples exercise every lane."""

from __future__ import annotations

from pathlib import Path

import pytest

from handoff import Router
from handoff.testing import check_case, load_cases
from tests.conftest import RULE_FILES, RULES


def test_there_are_example_rule_sets() -> None:
    """The bundled examples named in the README exist."""
    assert {p.name for p in RULE_FILES} >= {"default.yaml", "retail.yaml", "banking.yaml"}


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.name)
class TestEachRulesFile:
    def test_compiles(self, path: Path) -> None:
        """The file loads and validates as a decision graph."""
        router = Router.from_path(path)
        assert router.ruleset.rules
        assert router.ruleset.settings.default_lane in router.ruleset.lanes

    def test_samples_route_as_expected(self, path: Path) -> None:
        """Every sample conversation for this file ends in its expected lane (and rule)."""
        router = Router.from_path(path)
        cases = list(load_cases(RULES / "samples" / path.stem))
        assert cases, f"no samples in rules/samples/{path.stem}/"
        failures = [
            f"{file.name}: {result.message}"
            for file, case in cases
            if not (result := check_case(router, case, file.stem)).passed
        ]
        assert not failures, failures

    def test_samples_exercise_every_lane(self, path: Path) -> None:
        """Each lane is the destination of at least one sample."""
        router = Router.from_path(path)
        reached = {
            check_case(router, case).decision.lane
            for _, case in load_cases(RULES / "samples" / path.stem)
        }
        assert reached == set(router.ruleset.lanes)

    def test_has_schema_line(self, path: Path) -> None:
        """Editors pick up rules/schema.json from the first line."""
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=./schema.json"
